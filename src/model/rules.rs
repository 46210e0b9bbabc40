//! The rules of a dossier that the file format alone cannot say: unique ids, references
//! that resolve, cells that fit their columns, amounts within bounds. Each problem says
//! where it is in words and as a place in the file, so that a loader can give its line.

use std::collections::{HashMap, HashSet};
use std::fmt;

use rust_decimal::Decimal;

use super::board::Organisation;
use super::budget::{CellValue, ColumnKind, Formula};
use super::dossier::{ColumnId, Dossier, QuestionId};
use super::question::{Question, label_covers};

/// The largest size of an amount, a whole number in a table or an indicator's value: a
/// thousand million million (10^15), some ten thousand times the largest budget of any
/// state. Beyond it a figure is a typing error or a hostile file; within it, sums of
/// millions of figures and their percentages stay exact.
pub const MAGNITUDE_LIMIT: Decimal = Decimal::from_parts(0xA4C6_8000, 0x0003_8D7E, 0, false, 0);

/// [`MAGNITUDE_LIMIT`] as messages write it, in groups of three digits.
pub const MAGNITUDE_LIMIT_TEXT: &str = "1\u{a0}000\u{a0}000\u{a0}000\u{a0}000\u{a0}000";

/// Whether a figure is within [`MAGNITUDE_LIMIT`] either side of zero.
pub fn within_bounds(value: Decimal) -> bool {
    value.abs() <= MAGNITUDE_LIMIT
}

/// Whether a table cell's figure, if it holds one, is within bounds.
pub fn cell_within_bounds(value: &CellValue) -> bool {
    match value {
        CellValue::Money(money) => within_bounds(money.amount()),
        CellValue::Integer(number) => within_bounds(Decimal::from(*number)),
        CellValue::Percent(percent) => within_bounds(*percent),
        CellValue::Text(_) | CellValue::Date(_) => true,
    }
}

/// One step of a place in a dossier file: a key of an object or a position in a list
/// (from 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Key(&'static str),
    Index(usize),
}

impl From<&'static str> for Step {
    fn from(key: &'static str) -> Step {
        Step::Key(key)
    }
}

impl From<usize> for Step {
    fn from(index: usize) -> Step {
        Step::Index(index)
    }
}

/// Where a value is in a dossier file, as keys and positions from the top.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location(pub Vec<Step>);

/// A [`Location`] from keys and positions: `location!["budget_tables", 2, "rows", 7]`.
macro_rules! location {
    ($($step:expr),* $(,)?) => {
        $crate::model::rules::Location(vec![$($crate::model::rules::Step::from($step)),*])
    };
}
pub(crate) use location;

/// A rule of the dossier that a file breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    /// Where, in words: `question Q271`, `budget table "AMIF-projecten", row 8`.
    pub place: String,
    pub message: String,
    /// Where in the file: the item the rule is broken by.
    pub at: Location,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    DuplicateId,
    DanglingReference,
    Mismatch,
    OutOfBounds,
}

impl Problem {
    fn new(kind: ProblemKind, place: impl Into<String>, message: String, at: Location) -> Problem {
        Problem {
            kind,
            place: place.into(),
            message,
            at,
        }
    }

    /// The problem of an item found inside the one at `prefix`.
    fn under(mut self, prefix: &Location) -> Problem {
        self.at.0.splice(0..0, prefix.0.iter().copied());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

impl Dossier {
    /// Checks the rules that the file format alone cannot: unique ids, references that
    /// resolve, cells that fit their columns, figures within bounds. Returns every
    /// problem found.
    pub fn validate(&self) -> Result<(), Vec<Problem>> {
        let mut problems = Vec::new();
        self.check_ids(&mut problems);
        self.check_questions(&mut problems);
        self.check_tables(&mut problems);
        self.check_references(&mut problems);
        for (index, organisation) in self.organisations.iter().enumerate() {
            let at = location!["organisations", index];
            problems.extend(
                organisation_problems(organisation)
                    .into_iter()
                    .map(|p| p.under(&at)),
            );
        }
        self.check_indicators(&mut problems);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    fn check_ids(&self, problems: &mut Vec<Problem>) {
        // Places are only written out for the duplicates, so a large dossier is checked
        // without a string per item.
        unique_ids(
            problems,
            "question",
            self.questions.iter().enumerate().map(|(i, q)| (q.id.0, (i, q))),
            |(i, q)| (question_place(q), location!["questions", i]),
        );
        unique_ids(
            problems,
            "event",
            self.events.iter().enumerate().map(|(i, e)| (e.id.0, (i, e))),
            |(i, e)| (format!("event \"{}\"", e.title), location!["events", i]),
        );
        unique_ids(
            problems,
            "table",
            self.budget_tables
                .iter()
                .enumerate()
                .map(|(i, t)| (t.id.0, (i, t))),
            |(i, t)| {
                (
                    format!("budget table \"{}\"", t.title),
                    location!["budget_tables", i],
                )
            },
        );
        for (t, table) in self.budget_tables.iter().enumerate() {
            let place = format!("budget table \"{}\"", table.title);
            unique_ids(
                problems,
                "column",
                table.columns.iter().enumerate().map(|(i, c)| (c.id.0, (i, c))),
                |(i, c)| {
                    let at = location!["budget_tables", t, "columns", i];
                    (format!("{place}, column \"{}\"", c.name), at)
                },
            );
            unique_ids(
                problems,
                "row",
                table.rows.iter().enumerate().map(|(i, r)| (r.id.0, i)),
                |i| {
                    (
                        format!("{place}, row {}", i + 1),
                        location!["budget_tables", t, "rows", i],
                    )
                },
            );
        }
        unique_ids(
            problems,
            "organisation",
            self.organisations
                .iter()
                .enumerate()
                .map(|(i, o)| (o.id.0, (i, o))),
            |(i, o)| {
                (
                    format!("organisation \"{}\"", o.name),
                    location!["organisations", i],
                )
            },
        );
        let members = self
            .organisations
            .iter()
            .enumerate()
            .flat_map(|(o, organisation)| {
                organisation
                    .board
                    .iter()
                    .enumerate()
                    .map(move |(i, m)| (m.id.0, (o, i, m)))
            });
        unique_ids(problems, "board member", members, |(o, i, m)| {
            let at = location!["organisations", o, "board", i];
            (format!("board member {}", m.name), at)
        });
        let partners = self
            .organisations
            .iter()
            .enumerate()
            .flat_map(|(o, organisation)| {
                organisation
                    .partners
                    .iter()
                    .enumerate()
                    .map(move |(i, p)| (p.id.0, (o, i, p)))
            });
        unique_ids(problems, "partner", partners, |(o, i, p)| {
            (
                format!("partner {}", p.name),
                location!["organisations", o, "partners", i],
            )
        });
        unique_ids(
            problems,
            "indicator",
            self.indicators.iter().enumerate().map(|(i, x)| (x.id.0, (i, x))),
            |(i, x)| {
                (
                    format!("indicator \"{}\"", x.engagement_type),
                    location!["indicators", i],
                )
            },
        );
        let measurements = self.indicators.iter().enumerate().flat_map(|(x, indicator)| {
            let measured = indicator.measurements.iter().enumerate();
            measured.map(move |(i, m)| (m.id.0, (x, indicator, i, m)))
        });
        unique_ids(problems, "measurement", measurements, |(x, indicator, i, m)| {
            let place = format!(
                "indicator \"{}\", measurement of {}",
                indicator.engagement_type, m.date
            );
            (place, location!["indicators", x, "measurements", i])
        });

        let mut seen_sources = HashSet::new();
        for (index, source) in self.sources.iter().enumerate() {
            if !seen_sources.insert(&source.id) {
                problems.push(Problem::new(
                    ProblemKind::DuplicateId,
                    format!("source \"{}\"", source.file),
                    format!("has the id \"{}\", which another source has already", source.id),
                    location!["sources", index],
                ));
            }
        }
    }

    fn check_questions(&self, problems: &mut Vec<Problem>) {
        for (index, question) in self.questions.iter().enumerate() {
            let at = location!["questions", index];
            problems.extend(question_problems(question).into_iter().map(|p| p.under(&at)));
        }
        let question_ids: HashSet<QuestionId> = self.questions.iter().map(|q| q.id).collect();
        for (index, event) in self.events.iter().enumerate() {
            if let Some(question) = event.question
                && !question_ids.contains(&question)
            {
                problems.push(Problem::new(
                    ProblemKind::DanglingReference,
                    format!("event \"{}\"", event.title),
                    format!("refers to question id {question}, which is not in the dossier"),
                    location!["events", index, "question"],
                ));
            }
        }
    }

    fn check_tables(&self, problems: &mut Vec<Problem>) {
        for (t, table) in self.budget_tables.iter().enumerate() {
            let place = format!("budget table \"{}\"", table.title);
            let marks: HashSet<&str> = table.footnotes.iter().map(|f| f.mark.as_str()).collect();
            for (r, row) in table.rows.iter().enumerate() {
                let row_place = || format!("{place}, row {}", r + 1);
                if row.cells.len() != table.columns.len() {
                    problems.push(Problem::new(
                        ProblemKind::Mismatch,
                        row_place(),
                        format!(
                            "has {} cells, but the table has {} columns",
                            row.cells.len(),
                            table.columns.len()
                        ),
                        location!["budget_tables", t, "rows", r, "cells"],
                    ));
                    continue;
                }
                for (c, (cell, column)) in row.cells.iter().zip(&table.columns).enumerate() {
                    let cell_place = || format!("{}, column \"{}\"", row_place(), column.name);
                    let at = || location!["budget_tables", t, "rows", r, "cells", c];
                    if let Some(value) = &cell.value {
                        if value.kind() != column.kind {
                            let message = format!(
                                "holds a {} value, but the column holds {}",
                                value.kind().key(),
                                column.kind.key()
                            );
                            problems.push(Problem::new(ProblemKind::Mismatch, cell_place(), message, at()));
                        } else if !cell_within_bounds(value) {
                            problems.push(out_of_bounds(cell_place(), at()));
                        }
                    }
                    if let Some(mark) = cell.footnote()
                        && !marks.contains(mark)
                    {
                        problems.push(Problem::new(
                            ProblemKind::DanglingReference,
                            cell_place(),
                            format!("has footnote mark \"{mark}\", but the table has no such footnote"),
                            at(),
                        ));
                    }
                }
            }
            check_table_links(table, t, &place, problems);
        }
    }

    fn check_indicators(&self, problems: &mut Vec<Problem>) {
        for (index, indicator) in self.indicators.iter().enumerate() {
            let place = || format!("indicator \"{}\"", indicator.engagement_type);
            for message in indicator.problems() {
                problems.push(mismatch(&place(), message, location!["indicators", index]));
            }
            if indicator.target.is_some_and(|target| !within_bounds(target)) {
                problems.push(out_of_bounds(place(), location!["indicators", index, "target"]));
            }
            for (m, measurement) in indicator.measurements.iter().enumerate() {
                if !within_bounds(measurement.value) {
                    let at = location!["indicators", index, "measurements", m, "value"];
                    problems.push(out_of_bounds(
                        format!("{}, measurement of {}", place(), measurement.date),
                        at,
                    ));
                }
            }
        }
        let thresholds = self.settings.indicator_thresholds;
        let at = || location!["settings", "indicator_thresholds"];
        if thresholds.close > thresholds.met {
            let message = format!(
                "the \"close\" threshold ({}) is above the \"met\" threshold ({})",
                thresholds.close, thresholds.met
            );
            problems.push(mismatch("settings", message, at()));
        }
        if !within_bounds(thresholds.close) || !within_bounds(thresholds.met) {
            problems.push(out_of_bounds("settings, indicator thresholds".into(), at()));
        }
    }

    fn check_references(&self, problems: &mut Vec<Problem>) {
        let known: HashSet<_> = self.sources.iter().map(|source| &source.id).collect();
        self.for_each_citation(|cited, reference| {
            if !known.contains(&reference.document) {
                let (place, at) = cited.describe(self);
                problems.push(Problem::new(
                    ProblemKind::DanglingReference,
                    place,
                    format!(
                        "cites source \"{}\", which is not among the dossier's sources",
                        reference.document
                    ),
                    at,
                ));
            }
        });
    }
}

/// The computed columns, printed totals and budget of a table lean on columns it has.
fn check_table_links(table: &super::budget::BudgetTable, t: usize, place: &str, problems: &mut Vec<Problem>) {
    let money_column = |id: ColumnId| {
        table.column_index(id).map(|index| table.columns[index].kind) == Some(ColumnKind::Money)
    };
    for (k, computed) in table.computed.iter().enumerate() {
        let operands = match &computed.formula {
            Formula::Sum(columns) => columns.clone(),
            Formula::Share(column) => vec![*column],
        };
        let computed_place = || format!("{place}, computed column \"{}\"", computed.name);
        let at = || location!["budget_tables", t, "computed", k];
        if table.columns.iter().any(|c| c.id == computed.id) {
            problems.push(Problem::new(
                ProblemKind::DuplicateId,
                computed_place(),
                format!("has column id {}, which a column has already", computed.id),
                at(),
            ));
        }
        if let Some(operand) = operands.into_iter().find(|id| !money_column(*id)) {
            problems.push(Problem::new(
                ProblemKind::DanglingReference,
                computed_place(),
                format!("works from column id {operand}, which is not a money column of the table"),
                at(),
            ));
        }
    }
    let summed_column = |id: ColumnId| {
        table
            .column_index(id)
            .is_some_and(|index| table.columns[index].kind.is_summed())
    };
    for (k, reported) in table.reported_totals.iter().enumerate() {
        let at = || location!["budget_tables", t, "reported_totals", k];
        if !summed_column(reported.column) {
            problems.push(Problem::new(
                ProblemKind::DanglingReference,
                format!("{place}, printed total"),
                format!(
                    "belongs to column id {}, which is not a money or whole-number column of the table",
                    reported.column
                ),
                at(),
            ));
        } else if !within_bounds(reported.amount.amount()) {
            problems.push(out_of_bounds(format!("{place}, printed total"), at()));
        }
    }
    if let Some(envelope) = &table.envelope {
        let at = || location!["budget_tables", t, "envelope"];
        let kind = table
            .column_index(envelope.drawn_by)
            .map(|index| table.columns[index].kind);
        if kind != Some(ColumnKind::Money) {
            problems.push(Problem::new(
                ProblemKind::DanglingReference,
                format!("{place}, budget \"{}\"", envelope.label),
                format!(
                    "is drawn by column id {}, which is not a money column of the table",
                    envelope.drawn_by
                ),
                at(),
            ));
        }
        if !within_bounds(envelope.amount.amount()) {
            problems.push(out_of_bounds(
                format!("{place}, budget \"{}\"", envelope.label),
                at(),
            ));
        }
    }
}

/// The rules of one question: labelled, distinct sub-questions, and answer items that
/// cover sub-questions the question has. Places in the file are within the question.
pub fn question_problems(question: &Question) -> Vec<Problem> {
    let mut problems = Vec::new();
    // Written out only for a problem: most questions have none.
    let place = || question_place(question);
    let mut labels = HashSet::new();
    for (index, sub) in question.sub_questions.iter().enumerate() {
        let at = location!["sub_questions", index];
        if sub.label.trim().is_empty() {
            problems.push(mismatch(
                &place(),
                "has a sub-question without a label".into(),
                at,
            ));
        } else if !labels.insert(sub.label.as_str()) {
            let message = format!("has two sub-questions labelled \"{}\"", sub.label);
            problems.push(mismatch(&place(), message, at));
        }
    }
    let parts = question.answer.iter().flat_map(|answer| answer.parts.iter());
    for (index, part) in parts.enumerate() {
        for covered in &part.covers {
            let known = question
                .sub_questions
                .iter()
                .any(|sub| label_covers(covered, &sub.label));
            if !known {
                problems.push(Problem::new(
                    ProblemKind::DanglingReference,
                    format!("{}, answer item \"{}\"", place(), part.printed_label),
                    format!("answers sub-question \"{covered}\", which the question does not have"),
                    location!["answer", "parts", index, "covers"],
                ));
            }
        }
    }
    problems
}

/// The rules of one organisation: names for it, its members and partners, and mandates
/// that do not end before they start. Places in the file are within the organisation.
pub fn organisation_problems(organisation: &Organisation) -> Vec<Problem> {
    let place = format!("organisation \"{}\"", organisation.name);
    let mut problems = Vec::new();
    if organisation.name.trim().is_empty() {
        problems.push(mismatch(
            &format!("organisation with id {}", organisation.id),
            "has no name".into(),
            location!["name"],
        ));
    }
    for (index, member) in organisation.board.iter().enumerate() {
        let at = || location!["board", index];
        if member.name.trim().is_empty() {
            let message = format!("has a board member without a name (id {})", member.id);
            problems.push(mismatch(&place, message, at()));
        }
        if let Some(problem) = member.mandate_problem() {
            problems.push(mismatch(&place, problem, at()));
        }
    }
    for (index, partner) in organisation.partners.iter().enumerate() {
        if partner.name.trim().is_empty() {
            let message = format!("has a partner without a name (id {})", partner.id);
            problems.push(mismatch(&place, message, location!["partners", index]));
        }
    }
    problems
}

fn mismatch(place: &str, message: String, at: Location) -> Problem {
    Problem::new(ProblemKind::Mismatch, place, message, at)
}

fn out_of_bounds(place: String, at: Location) -> Problem {
    let message =
        format!("holds a figure beyond {MAGNITUDE_LIMIT_TEXT} either side of zero, the most a dossier holds");
    Problem::new(ProblemKind::OutOfBounds, place, message, at)
}

/// Adds a problem for each item whose id an earlier item of the same kind has already.
fn unique_ids<T: Copy>(
    problems: &mut Vec<Problem>,
    what: &str,
    items: impl IntoIterator<Item = (u64, T)>,
    place: impl Fn(T) -> (String, Location),
) {
    let mut seen: HashMap<u64, T> = HashMap::new();
    for (id, item) in items {
        if let Some(first) = seen.get(&id) {
            let (here, at) = place(item);
            let (there, _) = place(*first);
            problems.push(Problem::new(
                ProblemKind::DuplicateId,
                here,
                format!("has {what} id {id}, which {there} has already"),
                at,
            ));
        } else {
            seen.insert(id, item);
        }
    }
}

/// `question Q271`, or `question "title"` when the number is unknown.
pub fn question_place(question: &Question) -> String {
    match (question.short_name(), &question.title) {
        (Some(name), _) => format!("question {name}"),
        (None, Some(title)) => format!("question \"{title}\""),
        (None, None) => format!("question with id {}", question.id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bound_is_ten_to_the_fifteenth() {
        assert_eq!(MAGNITUDE_LIMIT, Decimal::from(1_000_000_000_000_000_i64));
        assert_eq!(
            MAGNITUDE_LIMIT_TEXT.replace('\u{a0}', ""),
            MAGNITUDE_LIMIT.to_string()
        );
        assert!(within_bounds(MAGNITUDE_LIMIT) && within_bounds(-MAGNITUDE_LIMIT));
        assert!(!within_bounds(MAGNITUDE_LIMIT + Decimal::new(1, 2)));
        assert!(!cell_within_bounds(&CellValue::Integer(i64::MIN)));
        assert!(cell_within_bounds(&CellValue::Text("9".repeat(40))));
    }

    #[test]
    fn a_problem_inside_an_item_is_placed_under_it() {
        let inner = mismatch("x", "y".into(), location!["board", 2]);
        let placed = inner.under(&location!["organisations", 1]);
        assert_eq!(placed.at, location!["organisations", 1, "board", 2]);
    }
}
