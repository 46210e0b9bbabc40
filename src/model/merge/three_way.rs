//! Three versions of a dossier merged by identity: ours and theirs, both made from base.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::super::budget::{BudgetTable, Cell, Row};
use super::super::ids::ColumnId;
use super::super::{Dossier, FORMAT_VERSION, Problem};
use super::compare::{Clash, merge_fields};
use super::diff::{facts_of, table_facts};
use super::lists::{Part, by_key, merge_order};
use super::renumber::{part_values, renumber};
use super::{Conflict, Side, Step, Target};

/// Where each side came from, as the conflicts name them: a branch, a commit, a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sides {
    pub ours: String,
    pub theirs: String,
}

/// A merge's result.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub dossier: Dossier,
    /// How many conflicts this merge found (the dossier may hold older ones too).
    pub conflicts: usize,
    /// How many of theirs' new parts got another id, because ours used it for another.
    pub renumbered: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// What the two sides did does not fit together as a dossier (a column one side
    /// removed that the other side's new computed column sums, say).
    #[error("the merged dossier would break {} of its rules", .0.len())]
    Invalid(Vec<Problem>),
}

struct Merger<'a> {
    sides: &'a Sides,
    conflicts: Vec<Conflict>,
}

impl Merger<'_> {
    fn side(&self, ours: bool, value: Option<Value>) -> Side {
        let from = if ours {
            &self.sides.ours
        } else {
            &self.sides.theirs
        };
        Side {
            from: from.clone(),
            value,
        }
    }

    fn record(
        &mut self,
        target: &Target,
        field: Vec<Step>,
        base: Option<Value>,
        ours: Option<Value>,
        theirs: Option<Value>,
    ) {
        let conflict = Conflict {
            target: target.clone(),
            field,
            base,
            ours: self.side(true, ours),
            theirs: self.side(false, theirs),
        };
        self.conflicts.push(conflict);
    }

    fn clashes(&mut self, target: &Target, clashes: Vec<Clash>, base_known: bool) {
        for clash in clashes {
            let base = base_known.then_some(clash.base);
            self.record(target, clash.field, base, clash.ours, clash.theirs);
        }
    }

    /// A part both sides hold, merged field by field (the lists `skip` names are left
    /// as ours, for the caller to merge).
    fn part<T: Part>(&mut self, target: &Target, base: Option<&T>, ours: &T, theirs: &T, skip: &[&str]) -> T {
        if ours == theirs || base == Some(theirs) {
            return ours.clone();
        }
        if base == Some(ours) {
            return theirs.clone();
        }
        self.facts(target, base, ours, theirs, skip, |part| facts_of(part, &[]))
    }

    fn facts<T: Part>(
        &mut self,
        target: &Target,
        base: Option<&T>,
        ours: &T,
        theirs: &T,
        skip: &[&str],
        facts: impl Fn(&T) -> Value,
    ) -> T {
        let base_value = base.map_or(Value::Null, &facts);
        let mut clashes = Vec::new();
        let merged = merge_fields(&base_value, &facts(ours), &facts(theirs), skip, &mut clashes);
        match serde_json::from_value::<T>(merged) {
            Ok(part) => {
                self.clashes(target, clashes, base.is_some());
                part
            }
            // The fields do not go together: the whole part is the conflict.
            Err(_) => {
                let whole = |part: &T| Some(facts_of(part, &[]));
                self.record(
                    target,
                    Vec::new(),
                    base.and_then(whole),
                    whole(ours),
                    whole(theirs),
                );
                ours.clone()
            }
        }
    }

    /// A list merged part by part: see [`merged_order`] for the order.
    fn list<T: Part>(&mut self, base: &[T], ours: &[T], theirs: &[T], how: &mut impl PartMerge<T>) -> Vec<T> {
        let (b, o, t) = (by_key(base), by_key(ours), by_key(theirs));
        let keys = |parts: &[T]| parts.iter().map(Part::key).collect::<Vec<_>>();
        let (bk, ok, tk) = (keys(base), keys(ours), keys(theirs));
        let order = merge_order(&bk, &ok, &tk);
        let mut merged = Vec::with_capacity(order.len());
        for key in order {
            let (kb, ko, kt) = (b.get(&key).copied(), o.get(&key).copied(), t.get(&key).copied());
            match (kb, ko, kt) {
                (kb, Some(ko), Some(kt)) => merged.push(how.merge(self, kb, ko, kt)),
                (None, Some(one), None) => merged.push(how.take(one, Origin::Ours)),
                (None, None, Some(one)) => merged.push(how.take(one, Origin::Theirs)),
                (Some(kb), Some(ko), None) => {
                    if !how.same(kb, ko, Origin::Ours) {
                        let kept = how.take(ko, Origin::Ours);
                        let (base, ours) = (how.value(&how.take(kb, Origin::Base)), how.value(&kept));
                        self.record(&how.target(ko), Vec::new(), Some(base), Some(ours), None);
                        merged.push(kept);
                    }
                }
                (Some(kb), None, Some(kt)) => {
                    if !how.same(kb, kt, Origin::Theirs) {
                        let kept = how.take(kt, Origin::Theirs);
                        let (base, theirs) = (how.value(&how.take(kb, Origin::Base)), how.value(&kept));
                        self.record(&how.target(kt), Vec::new(), Some(base), None, Some(theirs));
                        merged.push(kept);
                    }
                }
                (_, None, None) => {}
            }
        }
        merged
    }
}

/// Which version a part comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Origin {
    Base,
    Ours,
    Theirs,
}

/// How the parts of one kind of list merge.
trait PartMerge<T: Part> {
    fn target(&self, part: &T) -> Target;
    fn merge(&mut self, merger: &mut Merger<'_>, base: Option<&T>, ours: &T, theirs: &T) -> T;
    /// The part as the merged dossier holds it.
    fn take(&self, part: &T, _from: Origin) -> T {
        part.clone()
    }
    /// Whether a side left the base's part as it was.
    fn same(&self, base: &T, side: &T, _from: Origin) -> bool {
        base == side
    }
    fn value(&self, part: &T) -> Value {
        facts_of(part, &[])
    }
}

/// Parts merged field by field, with nothing inside merged on its own.
struct Plain<F>(F);

impl<T: Part, F: Fn(&T) -> Target> PartMerge<T> for Plain<F> {
    fn target(&self, part: &T) -> Target {
        (self.0)(part)
    }
    fn merge(&mut self, merger: &mut Merger<'_>, base: Option<&T>, ours: &T, theirs: &T) -> T {
        merger.part(&(self.0)(ours), base, ours, theirs, &[])
    }
}

/// Rows merged cell by cell, each cell found by its column's id, whatever the order or
/// number of columns on each side.
struct Rows {
    table: super::super::ids::TableId,
    columns: Vec<ColumnId>,
    base: HashMap<ColumnId, usize>,
    ours: HashMap<ColumnId, usize>,
    theirs: HashMap<ColumnId, usize>,
    /// All three sides have the merged columns, in order: rows compare as they are.
    same_layout: bool,
}

impl Rows {
    fn layout(&self, from: Origin) -> &HashMap<ColumnId, usize> {
        match from {
            Origin::Base => &self.base,
            Origin::Ours => &self.ours,
            Origin::Theirs => &self.theirs,
        }
    }

    fn cell<'r>(&self, row: Option<&'r Row>, from: Origin, column: ColumnId) -> Option<&'r Cell> {
        row?.cells.get(*self.layout(from).get(&column)?)
    }
}

impl PartMerge<Row> for Rows {
    fn target(&self, row: &Row) -> Target {
        Target::Row {
            table: self.table,
            row: row.id,
        }
    }

    fn take(&self, row: &Row, from: Origin) -> Row {
        if self.same_layout {
            return row.clone();
        }
        let cells = self
            .columns
            .iter()
            .map(|column| self.cell(Some(row), from, *column).cloned().unwrap_or_default())
            .collect();
        Row {
            id: row.id,
            cells,
            source: row.source.clone(),
        }
    }

    fn same(&self, base: &Row, side: &Row, from: Origin) -> bool {
        if self.same_layout {
            return base == side;
        }
        self.take(base, Origin::Base) == self.take(side, from)
    }

    fn merge(&mut self, merger: &mut Merger<'_>, base: Option<&Row>, ours: &Row, theirs: &Row) -> Row {
        if self.same_layout && (ours == theirs || base == Some(theirs)) {
            return ours.clone();
        }
        if self.same_layout && base == Some(ours) {
            return theirs.clone();
        }
        let mut cells = Vec::with_capacity(self.columns.len());
        for &column in &self.columns {
            let b = self.cell(base, Origin::Base, column);
            let o = self.cell(Some(ours), Origin::Ours, column);
            let t = self.cell(Some(theirs), Origin::Theirs, column);
            let cell = if o == t || b == t {
                o
            } else if b == o {
                t
            } else {
                let value =
                    |cell: Option<&Cell>| serde_json::to_value(cell.cloned().unwrap_or_default()).ok();
                let target = Target::Cell {
                    table: self.table,
                    row: ours.id,
                    column,
                };
                merger.record(&target, Vec::new(), base.and(value(b)), value(o), value(t));
                o
            };
            cells.push(cell.cloned().unwrap_or_default());
        }
        let source = |row: Option<&Row>| row.map(|r| serde_json::to_value(&r.source).unwrap_or(Value::Null));
        let (sb, so, st) = (source(base), source(Some(ours)), source(Some(theirs)));
        let source = if so == st || sb == st {
            ours.source.clone()
        } else if sb == so {
            theirs.source.clone()
        } else {
            let target = self.target(ours);
            merger.record(&target, vec![Step::Field("source".into())], sb, so, st);
            ours.source.clone()
        };
        Row {
            id: ours.id,
            cells,
            source,
        }
    }
}

/// Tables: their own fields, then columns, then rows.
struct Tables;

impl PartMerge<BudgetTable> for Tables {
    fn target(&self, table: &BudgetTable) -> Target {
        Target::Table(table.id)
    }

    fn merge(
        &mut self,
        merger: &mut Merger<'_>,
        base: Option<&BudgetTable>,
        ours: &BudgetTable,
        theirs: &BudgetTable,
    ) -> BudgetTable {
        if ours == theirs || base == Some(theirs) {
            return ours.clone();
        }
        if base == Some(ours) {
            return theirs.clone();
        }
        let target = Target::Table(ours.id);
        let facts = |table: &BudgetTable| facts_of(&table_facts(table), &[]);
        let mut merged = merger.facts(&target, base, ours, theirs, &[], facts);
        let table = ours.id;
        let no_columns = Vec::new();
        let base_columns = base.map_or(&no_columns, |b| &b.columns);
        merged.columns = merger.list(
            base_columns,
            &ours.columns,
            &theirs.columns,
            &mut Plain(|column: &super::super::budget::Column| Target::Column {
                table,
                column: column.id,
            }),
        );
        let layout = |columns: &[super::super::budget::Column]| -> HashMap<ColumnId, usize> {
            columns.iter().enumerate().map(|(i, c)| (c.id, i)).collect()
        };
        let ids = |columns: &[super::super::budget::Column]| columns.iter().map(|c| c.id).collect::<Vec<_>>();
        let merged_ids = ids(&merged.columns);
        let same_layout = ids(&ours.columns) == merged_ids
            && ids(&theirs.columns) == merged_ids
            && base.is_none_or(|b| ids(&b.columns) == merged_ids);
        let mut rows = Rows {
            table,
            columns: merged_ids,
            base: layout(base_columns),
            ours: layout(&ours.columns),
            theirs: layout(&theirs.columns),
            same_layout,
        };
        let no_rows = Vec::new();
        merged.rows = merger.list(
            base.map_or(&no_rows, |b| &b.rows),
            &ours.rows,
            &theirs.rows,
            &mut rows,
        );
        merged
    }
}

/// Merges `ours` and `theirs`, both made from `base`, by identity. Parts both sides added
/// under one id get another id on their side; what both changed two ways is kept as
/// ours with a [`Conflict`] in the result. The result passes every rule of a dossier.
pub fn merge(base: &Dossier, ours: &Dossier, theirs: &Dossier, sides: &Sides) -> Result<Merged, MergeError> {
    let (theirs, renumbered) = apart(base, ours, theirs);
    let mut merger = Merger {
        sides,
        conflicts: Vec::new(),
    };
    let mut merged = Dossier::new(&ours.title);
    merged.version = FORMAT_VERSION;
    let own = |d: &Dossier| serde_json::json!({"title": d.title, "description": d.description});
    let mut clashes = Vec::new();
    let fields = merge_fields(&own(base), &own(ours), &own(&theirs), &[], &mut clashes);
    merger.clashes(&Target::Dossier, clashes, true);
    let text = |key: &str| {
        fields
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    merged.title = text("title");
    merged.description = text("description");
    merged.settings = merger.part(
        &Target::Settings,
        Some(&base.settings),
        &ours.settings,
        &theirs.settings,
        &[],
    );
    merged.questions = merger.list(
        &base.questions,
        &ours.questions,
        &theirs.questions,
        &mut Plain(|q: &super::super::question::Question| Target::Question(q.id)),
    );
    merged.events = merger.list(
        &base.events,
        &ours.events,
        &theirs.events,
        &mut Plain(|e: &super::super::event::Event| Target::Event(e.id)),
    );
    merged.budget_tables = merger.list(
        &base.budget_tables,
        &ours.budget_tables,
        &theirs.budget_tables,
        &mut Tables,
    );
    merged.organisations = merger.list(
        &base.organisations,
        &ours.organisations,
        &theirs.organisations,
        &mut Organisations,
    );
    merged.indicators = merger.list(
        &base.indicators,
        &ours.indicators,
        &theirs.indicators,
        &mut Indicators,
    );
    merged.slides = merger.list(
        &base.slides,
        &ours.slides,
        &theirs.slides,
        &mut Plain(|s: &super::super::slide::Slide| Target::Slide(s.name.clone())),
    );
    merged.sources = merger.list(
        &base.sources,
        &ours.sources,
        &theirs.sources,
        &mut Plain(|s: &super::super::source::SourceDocument| Target::Source(s.id.clone())),
    );
    let found = merger.conflicts.len();
    merged.conflicts = ours.conflicts.clone();
    for conflict in theirs.conflicts.iter().chain(&merger.conflicts) {
        if !merged.conflicts.contains(conflict) {
            merged.conflicts.push(conflict.clone());
        }
    }
    repair(&mut merged, [base, ours, &theirs]);
    merged.next_id = [ours.next_id, theirs.next_id, merged.max_id().saturating_add(1)]
        .into_iter()
        .max()
        .unwrap_or(1);
    merged.validate().map_err(MergeError::Invalid)?;
    Ok(Merged {
        dossier: merged,
        conflicts: found,
        renumbered,
    })
}

/// Theirs, with the ids of the parts it added that ours added too, for another part,
/// moved to fresh ids (and every reference with them); and how many were moved.
fn apart(base: &Dossier, ours: &Dossier, theirs: &Dossier) -> (Dossier, usize) {
    let in_base: HashSet<u64> = base.ids_except(None).collect();
    let ours_new: HashSet<u64> = ours.ids_except(None).filter(|id| !in_base.contains(id)).collect();
    let shared: HashSet<u64> = theirs
        .ids_except(None)
        .filter(|id| ours_new.contains(id))
        .collect();
    if shared.is_empty() {
        return (theirs.clone(), 0);
    }
    let ours_parts = part_values(ours, &shared);
    let theirs_parts = part_values(theirs, &shared);
    let mut colliding: Vec<u64> = shared
        .into_iter()
        .filter(|id| ours_parts.get(id) != theirs_parts.get(id))
        .collect();
    colliding.sort_unstable();
    let mut next = [
        base.next_id,
        ours.next_id,
        theirs.next_id,
        ours.max_id().saturating_add(1),
        theirs.max_id().saturating_add(1),
    ]
    .into_iter()
    .max()
    .unwrap_or(1);
    let map: HashMap<u64, u64> = colliding
        .iter()
        .map(|&id| {
            let fresh = next;
            next = next.saturating_add(1);
            (id, fresh)
        })
        .collect();
    let mut moved = theirs.clone();
    renumber(&mut moved, &map);
    moved.next_id = moved.next_id.max(next);
    (moved, map.len())
}

/// What a merge of two sound dossiers can still leave unsound, put right: an event linked
/// to a question one side removed loses the link (as removing a question does), and a
/// source document one side removed comes back when the other side cites it.
fn repair(merged: &mut Dossier, sides: [&Dossier; 3]) {
    let questions: HashSet<_> = merged.questions.iter().map(|q| q.id).collect();
    for event in &mut merged.events {
        if event.question.is_some_and(|id| !questions.contains(&id)) {
            event.question = None;
        }
    }
    let mut cited = HashSet::new();
    merged.for_each_citation(|_, reference| {
        cited.insert(reference.document.clone());
    });
    for id in cited {
        if merged.source(&id).is_none()
            && let Some(document) = sides.iter().find_map(|side| side.source(&id))
        {
            merged.sources.push(document.clone());
        }
    }
}

/// Organisations: their own fields, then their board and partners.
struct Organisations;

impl PartMerge<super::super::board::Organisation> for Organisations {
    fn target(&self, part: &super::super::board::Organisation) -> Target {
        Target::Organisation(part.id)
    }

    fn merge(
        &mut self,
        merger: &mut Merger<'_>,
        base: Option<&super::super::board::Organisation>,
        ours: &super::super::board::Organisation,
        theirs: &super::super::board::Organisation,
    ) -> super::super::board::Organisation {
        let id = ours.id;
        let mut merged = merger.part(
            &Target::Organisation(id),
            base,
            ours,
            theirs,
            &["board", "partners"],
        );
        if ours == theirs || base == Some(ours) || base == Some(theirs) {
            return merged;
        }
        merged.board = merger.list(
            base.map_or(&[][..], |b| &b.board),
            &ours.board,
            &theirs.board,
            &mut Plain(|m: &super::super::board::BoardMember| Target::Member {
                organisation: id,
                member: m.id,
            }),
        );
        merged.partners = merger.list(
            base.map_or(&[][..], |b| &b.partners),
            &ours.partners,
            &theirs.partners,
            &mut Plain(|p: &super::super::board::Partner| Target::Partner {
                organisation: id,
                partner: p.id,
            }),
        );
        merged
    }
}

/// Indicators: their own fields, then their measurements.
struct Indicators;

impl PartMerge<super::super::indicator::Indicator> for Indicators {
    fn target(&self, part: &super::super::indicator::Indicator) -> Target {
        Target::Indicator(part.id)
    }

    fn merge(
        &mut self,
        merger: &mut Merger<'_>,
        base: Option<&super::super::indicator::Indicator>,
        ours: &super::super::indicator::Indicator,
        theirs: &super::super::indicator::Indicator,
    ) -> super::super::indicator::Indicator {
        let id = ours.id;
        let mut merged = merger.part(&Target::Indicator(id), base, ours, theirs, &["measurements"]);
        if ours == theirs || base == Some(ours) || base == Some(theirs) {
            return merged;
        }
        merged.measurements = merger.list(
            base.map_or(&[][..], |b| &b.measurements),
            &ours.measurements,
            &theirs.measurements,
            &mut Plain(|m: &super::super::indicator::Measurement| Target::Measurement {
                indicator: id,
                measurement: m.id,
            }),
        );
        merged
    }
}
