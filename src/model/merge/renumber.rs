//! Ids moved to others, with every reference to them: for parts two people added under
//! the same id.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::super::Dossier;
use super::super::budget::Formula;
use super::super::ids::{ColumnId, QuestionId, TableId};
use super::Target;
use super::diff::{facts_of, table_facts};

/// Moves each id `map` names to its new id, in the parts and in every reference to them
/// (events' questions, budgets' and totals' columns, formulas, slides, conflicts).
pub fn renumber(dossier: &mut Dossier, map: &HashMap<u64, u64>) {
    let moved = |id: u64| map.get(&id).copied().unwrap_or(id);
    let question = |id: QuestionId| QuestionId(moved(id.0));
    let table_id = |id: TableId| TableId(moved(id.0));
    let column = |id: ColumnId| ColumnId(moved(id.0));
    for q in &mut dossier.questions {
        q.id = question(q.id);
    }
    for event in &mut dossier.events {
        event.id.0 = moved(event.id.0);
        event.question = event.question.map(question);
    }
    for table in &mut dossier.budget_tables {
        table.id = table_id(table.id);
        for c in &mut table.columns {
            c.id = column(c.id);
        }
        for row in &mut table.rows {
            row.id.0 = moved(row.id.0);
        }
        for computed in &mut table.computed {
            computed.id = column(computed.id);
            match &mut computed.formula {
                Formula::Sum(columns) => columns.iter_mut().for_each(|c| *c = column(*c)),
                Formula::Share(share) => *share = column(*share),
            }
        }
        if let Some(envelope) = &mut table.envelope {
            envelope.drawn_by = column(envelope.drawn_by);
        }
        for total in &mut table.reported_totals {
            total.column = column(total.column);
        }
    }
    for organisation in &mut dossier.organisations {
        organisation.id.0 = moved(organisation.id.0);
        for member in &mut organisation.board {
            member.id.0 = moved(member.id.0);
        }
        for partner in &mut organisation.partners {
            partner.id.0 = moved(partner.id.0);
        }
    }
    for indicator in &mut dossier.indicators {
        indicator.id.0 = moved(indicator.id.0);
        for measurement in &mut indicator.measurements {
            measurement.id.0 = moved(measurement.id.0);
        }
    }
    for slide in &mut dossier.slides {
        slide.view.table = slide.view.table.map(table_id);
        slide.view.question = slide.view.question.map(question);
        slide.view.group_by = slide.view.group_by.map(column);
    }
    for conflict in &mut dossier.conflicts {
        renumber_target(&mut conflict.target, &moved);
    }
}

fn renumber_target(target: &mut Target, moved: &impl Fn(u64) -> u64) {
    match target {
        Target::Dossier | Target::Settings | Target::Slide(_) | Target::Source(_) => {}
        Target::Question(id) => id.0 = moved(id.0),
        Target::Event(id) => id.0 = moved(id.0),
        Target::Table(id) => id.0 = moved(id.0),
        Target::Column { table, column } => {
            table.0 = moved(table.0);
            column.0 = moved(column.0);
        }
        Target::Row { table, row } => {
            table.0 = moved(table.0);
            row.0 = moved(row.0);
        }
        Target::Cell { table, row, column } => {
            table.0 = moved(table.0);
            row.0 = moved(row.0);
            column.0 = moved(column.0);
        }
        Target::Organisation(id) => id.0 = moved(id.0),
        Target::Member { organisation, member } => {
            organisation.0 = moved(organisation.0);
            member.0 = moved(member.0);
        }
        Target::Partner {
            organisation,
            partner,
        } => {
            organisation.0 = moved(organisation.0);
            partner.0 = moved(partner.0);
        }
        Target::Indicator(id) => id.0 = moved(id.0),
        Target::Measurement {
            indicator,
            measurement,
        } => {
            indicator.0 = moved(indicator.0);
            measurement.0 = moved(measurement.0);
        }
    }
}

/// The parts with these ids as a file writes them (a table without its rows), to tell
/// whether two dossiers hold the same part under an id.
pub(super) fn part_values(dossier: &Dossier, ids: &HashSet<u64>) -> HashMap<u64, Value> {
    let mut parts = HashMap::new();
    let mut keep = |id: u64, value: &dyn Fn() -> Value| {
        if ids.contains(&id) {
            parts.insert(id, value());
        }
    };
    for q in &dossier.questions {
        keep(q.id.0, &|| facts_of(q, &[]));
    }
    for e in &dossier.events {
        keep(e.id.0, &|| facts_of(e, &[]));
    }
    for table in &dossier.budget_tables {
        keep(table.id.0, &|| facts_of(&table_facts(table), &[]));
        for c in &table.columns {
            keep(c.id.0, &|| facts_of(c, &[]));
        }
        for c in &table.computed {
            keep(c.id.0, &|| facts_of(c, &[]));
        }
        for row in &table.rows {
            keep(row.id.0, &|| facts_of(row, &[]));
        }
    }
    for organisation in &dossier.organisations {
        keep(organisation.id.0, &|| {
            facts_of(organisation, &["board", "partners"])
        });
        for m in &organisation.board {
            keep(m.id.0, &|| facts_of(m, &[]));
        }
        for p in &organisation.partners {
            keep(p.id.0, &|| facts_of(p, &[]));
        }
    }
    for indicator in &dossier.indicators {
        keep(indicator.id.0, &|| facts_of(indicator, &["measurements"]));
        for m in &indicator.measurements {
            keep(m.id.0, &|| facts_of(m, &[]));
        }
    }
    parts
}
