//! What changed between two versions of a dossier, part by part, by identity.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value;

use super::super::Dossier;
use super::super::budget::{BudgetTable, Cell, Row};
use super::super::ids::ColumnId;
use super::compare::field_changes;
use super::lists::{Part, by_key, moved};
use super::{Step, Target};

/// A value as a change shows it: nothing, or a short text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Shown {
    Empty,
    Text(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChangeKind {
    Added,
    Removed,
    /// Put elsewhere among the others.
    Moved,
    /// A field of the part (`field` empty for a cell's value).
    Changed {
        field: Vec<Step>,
        before: Shown,
        after: Shown,
    },
    /// A money or whole-number column's total, when a table's rows changed it.
    Total {
        column: String,
        before: Shown,
        after: Shown,
    },
}

/// One difference: which part, named as the dossier names it (outermost first: a
/// table's short title, a row's label, a column's name), and how.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Change {
    pub target: Target,
    pub names: Vec<String>,
    pub kind: ChangeKind,
}

/// How long a shown text may be before it is cut with "…".
const SHOWN_LENGTH: usize = 120;

fn cut(text: &str) -> String {
    let single: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match single.char_indices().nth(SHOWN_LENGTH) {
        Some((end, _)) => format!("{}…", &single[..end]),
        None => single,
    }
}

/// Two different values as a change shows them. Where both would show the same cut
/// text (a long answer changed near its end), both are shown from a little before the
/// first character in which they differ.
fn shown_pair(before: &Value, after: &Value) -> (Shown, Shown) {
    let shown = (shown_of(before), shown_of(after));
    if shown.0 != shown.1 || matches!(shown.0, Shown::Empty) {
        return shown;
    }
    let whole = |value: &Value| {
        let mut words = Vec::new();
        leaf_texts(value, &mut words);
        words.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let (old, new) = (whole(before), whole(after));
    let same = old.chars().zip(new.chars()).take_while(|(a, b)| a == b).count();
    let from = same.saturating_sub(40);
    let from_there = |text: &str| {
        let rest: String = text.chars().skip(from).collect();
        Shown::Text(cut(&format!("…{rest}")))
    };
    (from_there(&old), from_there(&new))
}

/// The texts and figures inside a value, in order: what a reader sees of it.
fn leaf_texts(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Null => {}
        Value::String(text) => out.push(text.clone()),
        Value::Bool(_) | Value::Number(_) => out.push(value.to_string()),
        Value::Array(items) => items.iter().for_each(|item| leaf_texts(item, out)),
        Value::Object(fields) => fields.values().for_each(|field| leaf_texts(field, out)),
    }
}

/// A value from a file as a change shows it.
pub fn shown_of(value: &Value) -> Shown {
    match value {
        Value::Null => Shown::Empty,
        Value::String(text) if text.is_empty() => Shown::Empty,
        Value::String(text) => Shown::Text(cut(text)),
        Value::Bool(_) | Value::Number(_) => Shown::Text(value.to_string()),
        Value::Array(items) if items.is_empty() => Shown::Empty,
        Value::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .filter_map(|item| match shown_of(item) {
                    Shown::Text(text) => Some(text),
                    Shown::Empty => None,
                })
                .collect();
            Shown::Text(cut(&parts.join(", ")))
        }
        Value::Object(fields) => {
            // A cell shows as the grid shows it.
            if let Ok(cell) = serde_json::from_value::<Cell>(value.clone())
                && cell.value.is_some()
            {
                return Shown::Text(cell.shown_text());
            }
            let named = [
                "title",
                "name",
                "text",
                "label",
                "printed_label",
                "engagement_type",
                "quote",
            ]
            .iter()
            .find_map(|key| fields.get(*key).and_then(Value::as_str));
            match named {
                Some(text) => Shown::Text(cut(text)),
                None => Shown::Text(cut(&value.to_string())),
            }
        }
    }
}

fn cell_shown(cell: Option<&Cell>) -> Shown {
    match cell.map(Cell::shown_text) {
        Some(text) if !text.is_empty() => Shown::Text(text),
        _ => Shown::Empty,
    }
}

fn text_shown(text: Option<&str>) -> Shown {
    match text {
        Some(text) if !text.is_empty() => Shown::Text(cut(text)),
        _ => Shown::Empty,
    }
}

/// A table's title up to its first comma: `AMIF-projecten`.
pub(super) fn table_name(table: &BudgetTable) -> String {
    let short = table.title.split(", ").next().unwrap_or_default().trim();
    if short.is_empty() {
        table.title.clone()
    } else {
        short.to_string()
    }
}

/// A row's label: its first text (`320`), else its first value as the grid shows it;
/// its id if it has none.
pub(super) fn row_name(row: &Row) -> String {
    let text = row
        .cells
        .iter()
        .find_map(|cell| cell.text().filter(|text| !text.trim().is_empty()));
    match text {
        Some(text) => cut(text),
        None => row
            .cells
            .iter()
            .find(|cell| cell.value.is_some())
            .map_or_else(|| format!("#{}", row.id), Cell::shown_text),
    }
}

fn question_name(question: &super::super::question::Question) -> String {
    let number = question
        .short_name()
        .unwrap_or_else(|| format!("#{}", question.id));
    match question.title.as_deref() {
        Some(title) if !title.is_empty() => format!("{number} {}", cut_short(title)),
        _ => number,
    }
}

fn cut_short(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((end, _)) => format!("{}…", text[..end].trim_end()),
        None => text.to_string(),
    }
}

/// The names of a part as the dossier gives them, outermost first; empty for the
/// dossier itself, and the id where the part is not in `dossier`.
pub fn names_of(dossier: &Dossier, target: &Target) -> Vec<String> {
    let table_of = |id| dossier.budget_tables.iter().find(|t| t.id == id);
    let table = |id| table_of(id).map_or_else(|| format!("#{id}"), table_name);
    let column = |t, c: ColumnId| {
        table_of(t)
            .and_then(|t| t.columns.iter().find(|col| col.id == c))
            .map_or_else(|| format!("#{c}"), |col| col.name.clone())
    };
    let row = |t, r| {
        table_of(t)
            .and_then(|t| t.rows.iter().find(|row| row.id == r))
            .map_or_else(|| format!("#{r}"), row_name)
    };
    let organisation = |id| dossier.organisations.iter().find(|o| o.id == id);
    let organisation_name = |id| organisation(id).map_or_else(|| format!("#{id}"), |o| o.name.clone());
    let indicator = |id| dossier.indicators.iter().find(|i| i.id == id);
    match target {
        Target::Dossier | Target::Settings => Vec::new(),
        Target::Question(id) => vec![
            dossier
                .question(*id)
                .map_or_else(|| format!("#{id}"), question_name),
        ],
        Target::Event(id) => vec![
            dossier
                .events
                .iter()
                .find(|e| e.id == *id)
                .map_or_else(|| format!("#{id}"), |e| cut_short(&e.title)),
        ],
        Target::Table(id) => vec![table(*id)],
        Target::Column { table: t, column: c } => vec![table(*t), column(*t, *c)],
        Target::Row { table: t, row: r } => vec![table(*t), row(*t, *r)],
        Target::Cell {
            table: t,
            row: r,
            column: c,
        } => vec![table(*t), row(*t, *r), column(*t, *c)],
        Target::Organisation(id) => vec![organisation_name(*id)],
        Target::Member {
            organisation: o,
            member,
        } => vec![
            organisation_name(*o),
            organisation(*o)
                .and_then(|o| o.member(*member))
                .map_or_else(|| format!("#{member}"), |m| m.name.clone()),
        ],
        Target::Partner {
            organisation: o,
            partner,
        } => vec![
            organisation_name(*o),
            organisation(*o)
                .and_then(|o| o.partner(*partner))
                .map_or_else(|| format!("#{partner}"), |p| p.full_name()),
        ],
        Target::Indicator(id) => vec![indicator(*id).map_or_else(|| format!("#{id}"), indicator_name)],
        Target::Measurement {
            indicator: i,
            measurement,
        } => vec![
            indicator(*i).map_or_else(|| format!("#{i}"), indicator_name),
            indicator(*i)
                .and_then(|i| i.measurements.iter().find(|m| m.id == *measurement))
                .map_or_else(|| format!("#{measurement}"), |m| m.date.to_string()),
        ],
        Target::Slide(name) => vec![name.clone()],
        Target::Source(id) => vec![
            dossier
                .source(id)
                .map_or_else(|| id.0.clone(), |s| cut_short(&s.title)),
        ],
    }
}

fn indicator_name(indicator: &super::super::indicator::Indicator) -> String {
    if indicator.output.is_empty() {
        cut_short(&indicator.engagement_type)
    } else {
        format!(
            "{} / {}",
            cut_short(&indicator.engagement_type),
            cut_short(&indicator.output)
        )
    }
}

/// A part's own fields as a file holds them, without the lists `skip` names.
pub(super) fn facts_of<T: Serialize>(part: &T, skip: &[&str]) -> Value {
    let mut value = serde_json::to_value(part).unwrap_or(Value::Null);
    if let Value::Object(fields) = &mut value {
        for key in skip {
            fields.remove(*key);
        }
    }
    value
}

/// A table without its columns and rows, for comparing its own fields cheaply.
pub(super) fn table_facts(table: &BudgetTable) -> BudgetTable {
    BudgetTable {
        id: table.id,
        title: table.title.clone(),
        description: table.description.clone(),
        columns: Vec::new(),
        rows: Vec::new(),
        footnotes: table.footnotes.clone(),
        envelope: table.envelope.clone(),
        computed: table.computed.clone(),
        reported_totals: table.reported_totals.clone(),
        source: table.source.clone(),
    }
}

/// One of a cell's notes.
type CellNote = fn(&Cell) -> Option<&str>;

struct Differ {
    changes: Vec<Change>,
}

impl Differ {
    fn push(&mut self, target: &Target, names: &[String], kind: ChangeKind) {
        self.changes.push(Change {
            target: target.clone(),
            names: names.to_vec(),
            kind,
        });
    }

    fn fields(&mut self, target: &Target, names: &[String], before: &Value, after: &Value, skip: &[&str]) {
        for change in field_changes(before, after, skip) {
            self.push(target, names, {
                let (before, after) = shown_pair(&change.before, &change.after);
                ChangeKind::Changed {
                    field: change.field,
                    before,
                    after,
                }
            });
        }
    }

    /// Two versions of a list: parts added, removed, moved, and changed (their own fields
    /// through `facts`, their inner lists through `inner`).
    fn list<T: Part>(
        &mut self,
        old: &[T],
        new: &[T],
        target: impl Fn(&T) -> Target,
        names: impl Fn(&T) -> Vec<String>,
        facts: impl Fn(&T) -> Value,
        mut inner: impl FnMut(&mut Differ, &T, &T),
    ) {
        let old_parts = by_key(old);
        let new_parts = by_key(new);
        let old_keys: Vec<T::Key> = old.iter().map(Part::key).collect();
        let new_keys: Vec<T::Key> = new.iter().map(Part::key).collect();
        let moved = moved(&old_keys, &new_keys);
        for part in new {
            let key = part.key();
            let Some(before) = old_parts.get(&key) else {
                self.push(&target(part), &names(part), ChangeKind::Added);
                continue;
            };
            if moved.contains(&key) {
                self.push(&target(part), &names(part), ChangeKind::Moved);
            }
            if *before != part {
                self.fields(&target(part), &names(part), &facts(before), &facts(part), &[]);
                inner(self, before, part);
            }
        }
        for part in old.iter().filter(|part| !new_parts.contains_key(&part.key())) {
            self.push(&target(part), &names(part), ChangeKind::Removed);
        }
    }

    /// A list whose parts have nothing inside compared on its own.
    fn plain<T: Part>(
        &mut self,
        old: &[T],
        new: &[T],
        target: impl Fn(&T) -> Target,
        names: impl Fn(&T) -> Vec<String>,
    ) {
        self.list(old, new, target, names, |part| facts_of(part, &[]), |_, _, _| {});
    }

    fn table(&mut self, old: &BudgetTable, new: &BudgetTable) {
        let name = table_name(new);
        let table = new.id;
        self.plain(
            &old.columns,
            &new.columns,
            |column| Target::Column {
                table,
                column: column.id,
            },
            |column| vec![name.clone(), column.name.clone()],
        );
        let old_index: HashMap<ColumnId, usize> =
            old.columns.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
        let same_layout = old
            .columns
            .iter()
            .map(|c| c.id)
            .eq(new.columns.iter().map(|c| c.id));
        self.list(
            &old.rows,
            &new.rows,
            |row| Target::Row { table, row: row.id },
            |row| vec![name.clone(), row_name(row)],
            |row| facts_of(row, &["cells"]),
            |differ, before, after| {
                for (index, column) in new.columns.iter().enumerate() {
                    let Some(&old_at) = old_index.get(&column.id) else {
                        continue;
                    };
                    let (was, is) = (before.cells.get(old_at), after.cells.get(index));
                    if same_layout && was == is {
                        continue;
                    }
                    differ.cell(
                        &Target::Cell {
                            table,
                            row: after.id,
                            column: column.id,
                        },
                        &[name.clone(), row_name(after), column.name.clone()],
                        was,
                        is,
                    );
                }
            },
        );
        if old.rows != new.rows {
            for (index, column) in new.columns.iter().enumerate() {
                let Some(&old_at) = old_index.get(&column.id) else {
                    continue;
                };
                let (Some(before), Some(after)) = (old.total(old_at), new.total(index)) else {
                    continue;
                };
                if before.value != after.value {
                    let shown = |total: super::super::budget::ColumnTotal| {
                        Shown::Text(match total.value {
                            super::super::budget::TotalValue::Money(amount) => amount.to_belgian(),
                            super::super::budget::TotalValue::Integer(count) => count.to_string(),
                        })
                    };
                    self.push(
                        &Target::Table(table),
                        std::slice::from_ref(&name),
                        ChangeKind::Total {
                            column: column.name.clone(),
                            before: shown(before),
                            after: shown(after),
                        },
                    );
                }
            }
        }
    }

    fn cell(&mut self, target: &Target, names: &[String], was: Option<&Cell>, is: Option<&Cell>) {
        if was.map(|c| &c.value) != is.map(|c| &c.value) {
            let kind = ChangeKind::Changed {
                field: Vec::new(),
                before: cell_shown(was),
                after: cell_shown(is),
            };
            self.push(target, names, kind);
        }
        let notes: [(&str, CellNote); 3] = [
            ("printed", Cell::printed),
            ("flag", Cell::flag),
            ("footnote", Cell::footnote),
        ];
        for (key, note) in notes {
            let (before, after) = (was.and_then(note), is.and_then(note));
            if before != after {
                let kind = ChangeKind::Changed {
                    field: vec![Step::Field(key.to_string())],
                    before: text_shown(before),
                    after: text_shown(after),
                };
                self.push(target, names, kind);
            }
        }
    }
}

/// Everything that differs from `old` to `new`, part by part, in the order of the
/// dossier's parts: its own fields, questions, events, tables, board, indicators,
/// slides, sources.
pub fn diff(old: &Dossier, new: &Dossier) -> Vec<Change> {
    let mut differ = Differ { changes: Vec::new() };
    let own = |d: &Dossier| serde_json::json!({"title": d.title, "description": d.description});
    differ.fields(&Target::Dossier, &[], &own(old), &own(new), &[]);
    differ.fields(
        &Target::Settings,
        &[],
        &facts_of(&old.settings, &[]),
        &facts_of(&new.settings, &[]),
        &[],
    );
    differ.plain(
        &old.questions,
        &new.questions,
        |q| Target::Question(q.id),
        |q| vec![question_name(q)],
    );
    differ.plain(
        &old.events,
        &new.events,
        |e| Target::Event(e.id),
        |e| vec![cut_short(&e.title)],
    );
    differ.list(
        &old.budget_tables,
        &new.budget_tables,
        |t| Target::Table(t.id),
        |t| vec![table_name(t)],
        |t| facts_of(&table_facts(t), &["columns", "rows"]),
        Differ::table,
    );
    differ.list(
        &old.organisations,
        &new.organisations,
        |o| Target::Organisation(o.id),
        |o| vec![o.name.clone()],
        |o| facts_of(o, &["board", "partners"]),
        |differ, before, after| {
            let organisation = after.id;
            differ.plain(
                &before.board,
                &after.board,
                |m| Target::Member {
                    organisation,
                    member: m.id,
                },
                |m| vec![after.name.clone(), m.name.clone()],
            );
            differ.plain(
                &before.partners,
                &after.partners,
                |p| Target::Partner {
                    organisation,
                    partner: p.id,
                },
                |p| vec![after.name.clone(), p.full_name()],
            );
        },
    );
    differ.list(
        &old.indicators,
        &new.indicators,
        |i| Target::Indicator(i.id),
        |i| vec![indicator_name(i)],
        |i| facts_of(i, &["measurements"]),
        |differ, before, after| {
            let indicator = after.id;
            differ.plain(
                &before.measurements,
                &after.measurements,
                |m| Target::Measurement {
                    indicator,
                    measurement: m.id,
                },
                |m| vec![indicator_name(after), m.date.to_string()],
            );
        },
    );
    differ.plain(
        &old.slides,
        &new.slides,
        |s| Target::Slide(s.name.clone()),
        |s| vec![s.name.clone()],
    );
    differ.plain(
        &old.sources,
        &new.sources,
        |s| Target::Source(s.id.clone()),
        |s| vec![cut_short(&s.title)],
    );
    differ.changes
}

/// Every fact of a dossier, each as a change from nothing: for git's `textconv`, which
/// compares these lines as text.
pub fn listing(dossier: &Dossier) -> Vec<Change> {
    let mut differ = Differ { changes: Vec::new() };
    let nothing = Value::Object(serde_json::Map::new());
    let facts = |differ: &mut Differ, target: Target, names: Vec<String>, value: Value| {
        differ.fields(&target, &names, &nothing, &value, &[]);
    };
    let own = serde_json::json!({"title": dossier.title, "description": dossier.description});
    facts(&mut differ, Target::Dossier, Vec::new(), own);
    facts(
        &mut differ,
        Target::Settings,
        Vec::new(),
        facts_of(&dossier.settings, &[]),
    );
    for q in &dossier.questions {
        facts(
            &mut differ,
            Target::Question(q.id),
            vec![question_name(q)],
            facts_of(q, &[]),
        );
    }
    for e in &dossier.events {
        facts(
            &mut differ,
            Target::Event(e.id),
            vec![cut_short(&e.title)],
            facts_of(e, &[]),
        );
    }
    for table in &dossier.budget_tables {
        let name = table_name(table);
        let value = facts_of(&table_facts(table), &["columns", "rows"]);
        facts(&mut differ, Target::Table(table.id), vec![name.clone()], value);
        for row in &table.rows {
            for (column, cell) in table.columns.iter().zip(&row.cells) {
                let target = Target::Cell {
                    table: table.id,
                    row: row.id,
                    column: column.id,
                };
                let names = [name.clone(), row_name(row), column.name.clone()];
                differ.cell(&target, &names, None, Some(cell));
            }
            let target = Target::Row {
                table: table.id,
                row: row.id,
            };
            facts(
                &mut differ,
                target,
                vec![name.clone(), row_name(row)],
                facts_of(row, &["cells"]),
            );
        }
    }
    for o in &dossier.organisations {
        let value = facts_of(o, &["board", "partners"]);
        facts(
            &mut differ,
            Target::Organisation(o.id),
            vec![o.name.clone()],
            value,
        );
        for m in &o.board {
            let target = Target::Member {
                organisation: o.id,
                member: m.id,
            };
            facts(
                &mut differ,
                target,
                vec![o.name.clone(), m.name.clone()],
                facts_of(m, &[]),
            );
        }
        for p in &o.partners {
            let target = Target::Partner {
                organisation: o.id,
                partner: p.id,
            };
            facts(
                &mut differ,
                target,
                vec![o.name.clone(), p.full_name()],
                facts_of(p, &[]),
            );
        }
    }
    for i in &dossier.indicators {
        let value = facts_of(i, &["measurements"]);
        facts(
            &mut differ,
            Target::Indicator(i.id),
            vec![indicator_name(i)],
            value,
        );
        for m in &i.measurements {
            let target = Target::Measurement {
                indicator: i.id,
                measurement: m.id,
            };
            facts(
                &mut differ,
                target,
                vec![indicator_name(i), m.date.to_string()],
                facts_of(m, &[]),
            );
        }
    }
    for s in &dossier.slides {
        facts(
            &mut differ,
            Target::Slide(s.name.clone()),
            vec![s.name.clone()],
            facts_of(s, &[]),
        );
    }
    for s in &dossier.sources {
        let target = Target::Source(s.id.clone());
        facts(&mut differ, target, vec![cut_short(&s.title)], facts_of(s, &[]));
    }
    differ.changes
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_long_text_changed_near_its_end_shows_where_it_differs() {
        let long = "woord ".repeat(60);
        let (before, after) = shown_pair(&json!(long.clone()), &json!(format!("{long}(bijgewerkt)")));
        assert_ne!(before, after);
        let Shown::Text(after) = after else {
            panic!("a text");
        };
        assert!(
            after.starts_with('…') && after.contains("(bijgewerkt)"),
            "{after}"
        );
        // Short ones show whole.
        assert_eq!(
            shown_pair(&json!("a"), &json!("b")),
            (Shown::Text("a".into()), Shown::Text("b".into()))
        );
    }
}
