//! A conflict settled: the chosen value put in its place, as one undoable edit.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::super::Dossier;
use super::super::board::Organisation;
use super::super::budget::{BudgetTable, Cell, Column, ColumnKind, Row};
use super::super::edit::{Edit, EditError};
use super::super::ids::{IndicatorId, OrganisationId};
use super::super::indicator::Indicator;
use super::compare::{set_at_path, value_at_path};
use super::diff::{facts_of, table_facts};
use super::{Conflict, Target};

fn table(dossier: &Dossier, id: super::super::ids::TableId) -> Result<&BudgetTable, EditError> {
    dossier
        .budget_tables
        .iter()
        .find(|t| t.id == id)
        .ok_or(EditError::NoTable(id))
}

/// The part a target names, as a file writes it (a table without its columns and rows).
fn part_value(dossier: &Dossier, target: &Target) -> Option<Value> {
    let organisation = |id| dossier.organisations.iter().find(|o| o.id == id);
    let indicator = |id| dossier.indicators.iter().find(|i| i.id == id);
    let table_of = |id| dossier.budget_tables.iter().find(|t| t.id == id);
    let row_of = |t, r| table_of(t).and_then(|t: &BudgetTable| t.rows.iter().find(|row| row.id == r));
    Some(match target {
        Target::Dossier => serde_json::json!({"title": dossier.title, "description": dossier.description}),
        Target::Settings => facts_of(&dossier.settings, &[]),
        Target::Question(id) => facts_of(dossier.question(*id)?, &[]),
        Target::Event(id) => facts_of(dossier.events.iter().find(|e| e.id == *id)?, &[]),
        Target::Table(id) => facts_of(&table_facts(table_of(*id)?), &[]),
        Target::Column { table, column } => {
            facts_of(table_of(*table)?.columns.iter().find(|c| c.id == *column)?, &[])
        }
        Target::Row { table, row } => facts_of(row_of(*table, *row)?, &[]),
        Target::Cell { table, row, column } => {
            let index = table_of(*table)?.column_index(*column)?;
            facts_of(row_of(*table, *row)?.cells.get(index)?, &[])
        }
        Target::Organisation(id) => facts_of(organisation(*id)?, &[]),
        Target::Member {
            organisation: o,
            member,
        } => facts_of(organisation(*o)?.member(*member)?, &[]),
        Target::Partner {
            organisation: o,
            partner,
        } => facts_of(organisation(*o)?.partner(*partner)?, &[]),
        Target::Indicator(id) => facts_of(indicator(*id)?, &[]),
        Target::Measurement {
            indicator: i,
            measurement,
        } => facts_of(
            indicator(*i)?
                .measurements
                .iter()
                .find(|m| m.id == *measurement)?,
            &[],
        ),
        Target::Slide(name) => facts_of(dossier.slides.iter().find(|s| &s.name == name)?, &[]),
        Target::Source(id) => facts_of(dossier.source(id)?, &[]),
    })
}

/// Whether the part a target names is in the dossier.
pub fn holds(dossier: &Dossier, target: &Target) -> bool {
    part_value(dossier, target).is_some()
}

/// What the dossier holds now where the conflict is; `None` when nothing is there.
pub fn value_at(dossier: &Dossier, conflict: &Conflict) -> Option<Value> {
    let part = part_value(dossier, &conflict.target)?;
    value_at_path(&part, &conflict.field).cloned()
}

/// The kind of the column a cell's conflict is in, to read a typed value as one.
pub fn cell_column_kind(dossier: &Dossier, target: &Target) -> Option<ColumnKind> {
    let Target::Cell { table: t, column, .. } = target else {
        return None;
    };
    let table = table(dossier, *t).ok()?;
    Some(table.columns[table.column_index(*column)?].kind)
}

fn read<T: DeserializeOwned>(value: Value) -> Result<T, EditError> {
    serde_json::from_value(value).map_err(|error| EditError::DoesNotFit(error.to_string()))
}

/// The edit that settles conflict `index` with `choice` (`None`: the part is removed,
/// or the field emptied) and takes the conflict out of the dossier; undoing it puts both
/// back.
pub fn settle(dossier: &Dossier, index: usize, choice: Option<Value>) -> Result<Edit, EditError> {
    let conflict = dossier.conflicts.get(index).ok_or(EditError::NoConflict(index))?;
    let edit = if conflict.field.is_empty() && choice.is_none() {
        removal(dossier, &conflict.target)?
    } else {
        let mut part = part_value(dossier, &conflict.target).ok_or(EditError::NoPart)?;
        if !set_at_path(&mut part, &conflict.field, choice) {
            return Err(EditError::NoPart);
        }
        replacement(dossier, &conflict.target, part)?
    };
    Ok(Edit::Batch(vec![edit, Edit::RemoveConflict(index)]))
}

/// A copy of an organisation, to change and put back.
fn organisation_of(dossier: &Dossier, id: OrganisationId) -> Result<Organisation, EditError> {
    dossier
        .organisations
        .iter()
        .find(|o| o.id == id)
        .cloned()
        .ok_or(EditError::NoOrganisation(id))
}

/// A copy of an indicator, to change and put back.
fn indicator_of(dossier: &Dossier, id: IndicatorId) -> Result<Indicator, EditError> {
    dossier
        .indicators
        .iter()
        .find(|i| i.id == id)
        .cloned()
        .ok_or(EditError::NoIndicator(id))
}

/// Puts `chosen` in the place of the item that `is`, or at the end; `None` takes that
/// item out.
fn put<T>(items: &mut Vec<T>, chosen: Option<T>, is: impl Fn(&T) -> bool) {
    let Some(chosen) = chosen else {
        items.retain(|item| !is(item));
        return;
    };
    match items.iter_mut().find(|item| is(item)) {
        Some(slot) => *slot = chosen,
        None => items.push(chosen),
    }
}

/// For a part kept in a list of another part (a member or partner of an organisation, a
/// measurement of an indicator) or of the slides: the edit that puts `chosen` in its
/// place, or takes it out with `None`.
fn within(dossier: &Dossier, target: &Target, chosen: Option<Value>) -> Result<Edit, EditError> {
    Ok(match target {
        Target::Member {
            organisation: o,
            member,
        } => {
            let mut changed = organisation_of(dossier, *o)?;
            put(&mut changed.board, chosen.map(read).transpose()?, |m| {
                m.id == *member
            });
            Edit::ReplaceOrganisation(Box::new(changed))
        }
        Target::Partner {
            organisation: o,
            partner,
        } => {
            let mut changed = organisation_of(dossier, *o)?;
            put(&mut changed.partners, chosen.map(read).transpose()?, |p| {
                p.id == *partner
            });
            Edit::ReplaceOrganisation(Box::new(changed))
        }
        Target::Measurement {
            indicator: i,
            measurement,
        } => {
            let mut changed = indicator_of(dossier, *i)?;
            let chosen = chosen.map(read).transpose()?;
            put(&mut changed.measurements, chosen, |m| m.id == *measurement);
            Edit::ReplaceIndicator(Box::new(changed))
        }
        Target::Slide(name) => {
            let mut slides = dossier.slides.clone();
            put(&mut slides, chosen.map(read).transpose()?, |s| &s.name == name);
            Edit::SetSlides(slides)
        }
        _ => return Err(EditError::NoPart),
    })
}

/// The edit that removes the part a target names.
fn removal(dossier: &Dossier, target: &Target) -> Result<Edit, EditError> {
    Ok(match target {
        Target::Dossier | Target::Settings => return Err(EditError::NoPart),
        Target::Question(id) => Edit::RemoveQuestion(*id),
        Target::Event(id) => Edit::RemoveEvent(*id),
        Target::Table(id) => Edit::RemoveTable(*id),
        Target::Column { table, column } => Edit::RemoveColumn {
            table: *table,
            column: *column,
        },
        Target::Row { table, row } => Edit::RemoveRow {
            table: *table,
            row: *row,
        },
        Target::Cell {
            table: t,
            row,
            column,
        } => {
            let table = table(dossier, *t)?;
            let index = table.column_index(*column).ok_or(EditError::NoColumn(*column))?;
            let cell = table
                .rows
                .iter()
                .find(|r| r.id == *row)
                .and_then(|r| r.cells.get(index))
                .ok_or(EditError::NoRow(*row))?;
            Edit::SetCell {
                table: *t,
                row: *row,
                column: *column,
                cell: cell.with_value(None),
            }
        }
        Target::Organisation(id) => Edit::RemoveOrganisation(*id),
        Target::Indicator(id) => Edit::RemoveIndicator(*id),
        Target::Member { .. } | Target::Partner { .. } | Target::Measurement { .. } | Target::Slide(_) => {
            return within(dossier, target, None);
        }
        Target::Source(id) => Edit::RemoveSource(id.clone()),
    })
}

/// The edit that puts `part` (the whole part, as a file writes it) in the place of the
/// part a target names.
fn replacement(dossier: &Dossier, target: &Target, part: Value) -> Result<Edit, EditError> {
    Ok(match target {
        Target::Dossier => {
            let text = |key: &str| {
                part.get(key)
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string()
            };
            Edit::Batch(vec![
                Edit::SetTitle(text("title")),
                Edit::SetDescription(text("description")),
            ])
        }
        Target::Settings => Edit::SetSettings(Box::new(read(part)?)),
        Target::Question(_) => Edit::ReplaceQuestion(Box::new(read(part)?)),
        Target::Event(_) => Edit::ReplaceEvent(Box::new(read(part)?)),
        Target::Table(id) => {
            let current = table(dossier, *id)?;
            let facts: BudgetTable = read(part)?;
            Edit::ReplaceTable(Box::new(BudgetTable {
                columns: current.columns.clone(),
                rows: current.rows.clone(),
                ..facts
            }))
        }
        Target::Column { table: t, column } => {
            let chosen: Column = read(part)?;
            let current = table(dossier, *t)?;
            let index = current
                .column_index(*column)
                .ok_or(EditError::NoColumn(*column))?;
            if chosen.kind != current.columns[index].kind {
                return Err(EditError::WrongKind {
                    found: chosen.kind,
                    expected: current.columns[index].kind,
                });
            }
            Edit::RenameColumn {
                table: *t,
                column: *column,
                name: chosen.name,
            }
        }
        Target::Row { table, .. } => Edit::ReplaceRow {
            table: *table,
            row: read::<Row>(part)?,
        },
        Target::Cell { table, row, column } => Edit::SetCell {
            table: *table,
            row: *row,
            column: *column,
            cell: read::<Cell>(part)?,
        },
        Target::Organisation(_) => Edit::ReplaceOrganisation(Box::new(read(part)?)),
        Target::Indicator(_) => Edit::ReplaceIndicator(Box::new(read(part)?)),
        Target::Member { .. } | Target::Partner { .. } | Target::Measurement { .. } | Target::Slide(_) => {
            return within(dossier, target, Some(part));
        }
        Target::Source(_) => Edit::ReplaceSource(Box::new(read(part)?)),
    })
}
