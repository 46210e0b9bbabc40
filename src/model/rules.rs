//! The rules of a dossier that the file format alone cannot say: unique ids, references
//! that resolve, cells that fit their columns, amounts within bounds. Each problem says
//! where it is in words and as a place in the file, so that a loader can give its line.

use std::collections::{HashMap, HashSet};
use std::fmt;

use rust_decimal::Decimal;

use super::board::Organisation;
pub use super::breaks::{IdOf, Place, QuestionName, Rule};
use super::budget::{BudgetTable, CellValue, ColumnKind, Formula};
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
    pub place: Place,
    pub rule: Rule,
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
    fn new(kind: ProblemKind, place: Place, rule: Rule, at: Location) -> Problem {
        Problem {
            kind,
            place,
            rule,
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
        write!(f, "{}: {}", self.place, self.rule)
    }
}

/// From this many questions, they are checked on a thread of their own.
const QUESTIONS_ON_A_THREAD: usize = 2_000;
/// Up to this many sub-questions, a repeated label is looked for among the earlier ones.
const FEW_SUB_QUESTIONS: usize = 32;

impl Dossier {
    /// Checks the rules that the file format alone cannot: unique ids, references that
    /// resolve, cells that fit their columns, figures within bounds. Returns every
    /// problem found.
    pub fn validate(&self) -> Result<(), Vec<Problem>> {
        let mut problems = Vec::new();
        self.check_ids(&mut problems);
        // The questions are most of the work: in a large dossier they are checked on a
        // thread of their own beside the rest, their problems kept in the same order.
        let questions = || {
            let mut problems = Vec::new();
            self.check_questions(&mut problems);
            problems
        };
        let others = || {
            let mut problems = Vec::new();
            self.check_others(&mut problems);
            problems
        };
        let (of_questions, of_others) = if self.questions.len() >= QUESTIONS_ON_A_THREAD {
            std::thread::scope(|scope| {
                let on_thread = scope.spawn(questions);
                let of_others = others();
                (on_thread.join().unwrap_or_else(|_| questions()), of_others)
            })
        } else {
            (questions(), others())
        };
        problems.extend(of_questions);
        problems.extend(of_others);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// The rules of all but the ids and the questions, in the order they are told.
    fn check_others(&self, problems: &mut Vec<Problem>) {
        self.check_tables(problems);
        self.check_references(problems);
        for (index, organisation) in self.organisations.iter().enumerate() {
            let at = location!["organisations", index];
            problems.extend(
                organisation_problems(organisation)
                    .into_iter()
                    .map(|p| p.under(&at)),
            );
        }
        self.check_indicators(problems);
    }

    fn check_ids(&self, problems: &mut Vec<Problem>) {
        // Places are only written out for the duplicates, so a large dossier is checked
        // without a string per item.
        unique_ids(
            problems,
            IdOf::Question,
            self.questions.iter().enumerate().map(|(i, q)| (q.id.0, (i, q))),
            |(i, q)| (Place::Question(QuestionName::of(q)), location!["questions", i]),
        );
        unique_ids(
            problems,
            IdOf::Event,
            self.events.iter().enumerate().map(|(i, e)| (e.id.0, (i, e))),
            |(i, e)| (Place::Event(e.title.clone()), location!["events", i]),
        );
        unique_ids(
            problems,
            IdOf::Table,
            self.budget_tables
                .iter()
                .enumerate()
                .map(|(i, t)| (t.id.0, (i, t))),
            |(i, t)| (Place::Table(t.title.clone()), location!["budget_tables", i]),
        );
        for (t, table) in self.budget_tables.iter().enumerate() {
            unique_ids(
                problems,
                IdOf::Column,
                table.columns.iter().enumerate().map(|(i, c)| (c.id.0, (i, c))),
                |(i, c)| {
                    let place = Place::Column {
                        table: table.title.clone(),
                        column: c.name.clone(),
                    };
                    (place, location!["budget_tables", t, "columns", i])
                },
            );
            unique_ids(
                problems,
                IdOf::Row,
                table.rows.iter().enumerate().map(|(i, r)| (r.id.0, i)),
                |i| {
                    let place = Place::Row {
                        table: table.title.clone(),
                        row: i + 1,
                    };
                    (place, location!["budget_tables", t, "rows", i])
                },
            );
        }
        unique_ids(
            problems,
            IdOf::Organisation,
            self.organisations
                .iter()
                .enumerate()
                .map(|(i, o)| (o.id.0, (i, o))),
            |(i, o)| (Place::Organisation(o.name.clone()), location!["organisations", i]),
        );
        let members =
            in_organisations(&self.organisations, |o| &o.board).map(|(o, i, m)| (m.id.0, (o, i, m)));
        unique_ids(problems, IdOf::BoardMember, members, |(o, i, m)| {
            let place = Place::BoardMember {
                organisation: None,
                name: m.name.clone(),
            };
            (place, location!["organisations", o, "board", i])
        });
        let partners =
            in_organisations(&self.organisations, |o| &o.partners).map(|(o, i, p)| (p.id.0, (o, i, p)));
        unique_ids(problems, IdOf::Partner, partners, |(o, i, p)| {
            let place = Place::Partner {
                organisation: None,
                name: p.name.clone(),
            };
            (place, location!["organisations", o, "partners", i])
        });
        unique_ids(
            problems,
            IdOf::Indicator,
            self.indicators.iter().enumerate().map(|(i, x)| (x.id.0, (i, x))),
            |(i, x)| {
                (
                    Place::Indicator(x.engagement_type.clone()),
                    location!["indicators", i],
                )
            },
        );
        let measurements = self.indicators.iter().enumerate().flat_map(|(x, indicator)| {
            let measured = indicator.measurements.iter().enumerate();
            measured.map(move |(i, m)| (m.id.0, (x, indicator, i, m)))
        });
        unique_ids(
            problems,
            IdOf::Measurement,
            measurements,
            |(x, indicator, i, m)| {
                let place = Place::Measurement {
                    indicator: indicator.engagement_type.clone(),
                    date: m.date.to_string(),
                };
                (place, location!["indicators", x, "measurements", i])
            },
        );

        let mut seen_sources = HashSet::new();
        for (index, source) in self.sources.iter().enumerate() {
            if !seen_sources.insert(&source.id) {
                problems.push(Problem::new(
                    ProblemKind::DuplicateId,
                    Place::Source(source.file.clone()),
                    Rule::DuplicateSource(source.id.to_string()),
                    location!["sources", index],
                ));
            }
        }
    }

    fn check_questions(&self, problems: &mut Vec<Problem>) {
        for (index, question) in self.questions.iter().enumerate() {
            let found = question_problems(question);
            if !found.is_empty() {
                let at = location!["questions", index];
                problems.extend(found.into_iter().map(|p| p.under(&at)));
            }
        }
        let question_ids: HashSet<QuestionId> = self.questions.iter().map(|q| q.id).collect();
        for (index, event) in self.events.iter().enumerate() {
            if let Some(question) = event.question
                && !question_ids.contains(&question)
            {
                problems.push(Problem::new(
                    ProblemKind::DanglingReference,
                    Place::Event(event.title.clone()),
                    Rule::UnknownQuestion(question.0),
                    location!["events", index, "question"],
                ));
            }
        }
    }

    fn check_tables(&self, problems: &mut Vec<Problem>) {
        for (t, table) in self.budget_tables.iter().enumerate() {
            let marks: HashSet<&str> = table.footnotes.iter().map(|f| f.mark.as_str()).collect();
            for (r, row) in table.rows.iter().enumerate() {
                if row.cells.len() != table.columns.len() {
                    problems.push(Problem::new(
                        ProblemKind::Mismatch,
                        Place::Row {
                            table: table.title.clone(),
                            row: r + 1,
                        },
                        Rule::CellCount {
                            cells: row.cells.len(),
                            columns: table.columns.len(),
                        },
                        location!["budget_tables", t, "rows", r, "cells"],
                    ));
                    continue;
                }
                for (c, (cell, column)) in row.cells.iter().zip(&table.columns).enumerate() {
                    let place = || Place::Cell {
                        table: table.title.clone(),
                        row: r + 1,
                        column: column.name.clone(),
                    };
                    let at = || location!["budget_tables", t, "rows", r, "cells", c];
                    if let Some(value) = &cell.value {
                        if value.kind() != column.kind {
                            let rule = Rule::WrongKind {
                                found: value.kind(),
                                expected: column.kind,
                            };
                            problems.push(Problem::new(ProblemKind::Mismatch, place(), rule, at()));
                        } else if !cell_within_bounds(value) {
                            problems.push(out_of_bounds(place(), at()));
                        }
                    }
                    if let Some(mark) = cell.footnote()
                        && !marks.contains(mark)
                    {
                        problems.push(Problem::new(
                            ProblemKind::DanglingReference,
                            place(),
                            Rule::UnknownFootnote(mark.to_string()),
                            at(),
                        ));
                    }
                }
            }
            check_table_links(table, t, problems);
        }
    }

    fn check_indicators(&self, problems: &mut Vec<Problem>) {
        for (index, indicator) in self.indicators.iter().enumerate() {
            let place = || Place::Indicator(indicator.engagement_type.clone());
            for rule in indicator.problems() {
                problems.push(mismatch(place(), rule, location!["indicators", index]));
            }
            if indicator.target.is_some_and(|target| !within_bounds(target)) {
                problems.push(out_of_bounds(place(), location!["indicators", index, "target"]));
            }
            for (m, measurement) in indicator.measurements.iter().enumerate() {
                if !within_bounds(measurement.value) {
                    let at = location!["indicators", index, "measurements", m, "value"];
                    let place = Place::Measurement {
                        indicator: indicator.engagement_type.clone(),
                        date: measurement.date.to_string(),
                    };
                    problems.push(out_of_bounds(place, at));
                }
            }
        }
        let thresholds = self.settings.indicator_thresholds;
        let at = || location!["settings", "indicator_thresholds"];
        if thresholds.close > thresholds.met {
            let rule = Rule::ThresholdsCrossed {
                close: thresholds.close,
                met: thresholds.met,
            };
            problems.push(mismatch(Place::Settings, rule, at()));
        }
        if !within_bounds(thresholds.close) || !within_bounds(thresholds.met) {
            problems.push(out_of_bounds(Place::Settings, at()));
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
                    Rule::UnknownSource(reference.document.to_string()),
                    at,
                ));
            }
        });
    }
}

/// The computed columns, printed totals and budget of a table lean on columns it has.
fn check_table_links(table: &BudgetTable, t: usize, problems: &mut Vec<Problem>) {
    let money_column = |id: ColumnId| {
        table.column_index(id).map(|index| table.columns[index].kind) == Some(ColumnKind::Money)
    };
    for (k, computed) in table.computed.iter().enumerate() {
        let operands = match &computed.formula {
            Formula::Sum(columns) => columns.clone(),
            Formula::Share(column) => vec![*column],
        };
        let place = || Place::Computed {
            table: table.title.clone(),
            name: computed.name.clone(),
        };
        let at = || location!["budget_tables", t, "computed", k];
        if table.columns.iter().any(|c| c.id == computed.id) {
            let rule = Rule::ComputedIdTaken(computed.id.0);
            problems.push(Problem::new(ProblemKind::DuplicateId, place(), rule, at()));
        }
        if let Some(operand) = operands.into_iter().find(|id| !money_column(*id)) {
            let rule = Rule::NotMoneyOperand(operand.0);
            problems.push(Problem::new(ProblemKind::DanglingReference, place(), rule, at()));
        }
    }
    let summed_column = |id: ColumnId| {
        table
            .column_index(id)
            .is_some_and(|index| table.columns[index].kind.is_summed())
    };
    for (k, reported) in table.reported_totals.iter().enumerate() {
        let at = || location!["budget_tables", t, "reported_totals", k];
        let place = || Place::PrintedTotal(table.title.clone());
        if !summed_column(reported.column) {
            let rule = Rule::TotalNotSummed(reported.column.0);
            problems.push(Problem::new(ProblemKind::DanglingReference, place(), rule, at()));
        } else if !within_bounds(reported.amount.amount()) {
            problems.push(out_of_bounds(place(), at()));
        }
    }
    if let Some(envelope) = &table.envelope {
        let at = || location!["budget_tables", t, "envelope"];
        let place = || Place::Budget {
            table: table.title.clone(),
            label: Some(envelope.label.clone()),
        };
        let kind = table
            .column_index(envelope.drawn_by)
            .map(|index| table.columns[index].kind);
        if kind != Some(ColumnKind::Money) {
            let rule = Rule::BudgetNotMoney(envelope.drawn_by.0);
            problems.push(Problem::new(ProblemKind::DanglingReference, place(), rule, at()));
        }
        if !within_bounds(envelope.amount.amount()) {
            problems.push(out_of_bounds(place(), at()));
        }
    }
}

/// The rules of one question: labelled, distinct sub-questions, and answer items that
/// cover sub-questions the question has. Places in the file are within the question.
pub fn question_problems(question: &Question) -> Vec<Problem> {
    let mut problems = Vec::new();
    // Written out only for a problem: most questions have none.
    let place = || Place::Question(QuestionName::of(question));
    let subs = &question.sub_questions;
    // A question has a few sub-questions, looked through faster than a set is made; a
    // set only for a (hostile) question with many.
    let mut labels = HashSet::new();
    let mut seen_before = |index: usize, label: &str| {
        if subs.len() <= FEW_SUB_QUESTIONS {
            subs.get(..index)
                .is_some_and(|earlier| earlier.iter().any(|sub| sub.label == label))
        } else {
            subs.get(index)
                .is_some_and(|sub| !labels.insert(sub.label.as_str()))
        }
    };
    for (index, sub) in subs.iter().enumerate() {
        let at = || location!["sub_questions", index];
        if sub.label.trim().is_empty() {
            problems.push(mismatch(place(), Rule::SubQuestionUnlabelled, at()));
        } else if seen_before(index, &sub.label) {
            problems.push(mismatch(place(), Rule::SubQuestionTwice(sub.label.clone()), at()));
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
                    Place::AnswerItem(QuestionName::of(question), part.printed_label.clone()),
                    Rule::UnknownSubQuestion(covered.clone()),
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
    let place = || Place::Organisation(organisation.name.clone());
    let mut problems = Vec::new();
    if organisation.name.trim().is_empty() {
        problems.push(mismatch(
            Place::OrganisationId(organisation.id.0),
            Rule::NoName,
            location!["name"],
        ));
    }
    for (index, member) in organisation.board.iter().enumerate() {
        let at = || location!["board", index];
        if member.name.trim().is_empty() {
            problems.push(mismatch(place(), Rule::MemberUnnamed(member.id.0), at()));
        }
        if let Some(rule) = member.mandate_problem() {
            problems.push(mismatch(place(), rule, at()));
        }
    }
    for (index, partner) in organisation.partners.iter().enumerate() {
        if partner.name.trim().is_empty() {
            let rule = Rule::PartnerUnnamed(partner.id.0);
            problems.push(mismatch(place(), rule, location!["partners", index]));
        }
    }
    problems
}

fn mismatch(place: Place, rule: Rule, at: Location) -> Problem {
    Problem::new(ProblemKind::Mismatch, place, rule, at)
}

fn out_of_bounds(place: Place, at: Location) -> Problem {
    Problem::new(ProblemKind::OutOfBounds, place, Rule::BeyondBounds, at)
}

/// Each item of a list every organisation has (its board, its partners), with the
/// positions of both.
fn in_organisations<'a, T>(
    organisations: &'a [Organisation],
    list: fn(&'a Organisation) -> &'a [T],
) -> impl Iterator<Item = (usize, usize, &'a T)> + Clone + 'a {
    organisations
        .iter()
        .enumerate()
        .flat_map(move |(o, organisation)| {
            list(organisation)
                .iter()
                .enumerate()
                .map(move |(i, item)| (o, i, item))
        })
}

/// Adds a problem for each item whose id an earlier item of the same kind has already.
fn unique_ids<T: Copy, Items>(
    problems: &mut Vec<Problem>,
    of: IdOf,
    items: Items,
    place: impl Fn(T) -> (Place, Location),
) where
    Items: IntoIterator<Item = (u64, T)>,
    Items::IntoIter: Clone,
{
    let items = items.into_iter();
    // Ids handed out by the app rise through a list, and ids that rise are unique: no
    // table to look them up in (that table was a quarter of a large dossier's checks).
    let mut last = None;
    let rising = items.clone().all(|(id, _)| {
        let rises = last.is_none_or(|last| last < id);
        last = Some(id);
        rises
    });
    if rising {
        return;
    }
    let mut seen: HashMap<u64, T> = HashMap::new();
    for (id, item) in items {
        if let Some(first) = seen.get(&id) {
            let (here, at) = place(item);
            let (there, _) = place(*first);
            let rule = Rule::DuplicateId { of, id, first: there };
            problems.push(Problem::new(ProblemKind::DuplicateId, here, rule, at));
        } else {
            seen.insert(id, item);
        }
    }
}

/// `question Q271`, or `question "title"` when the number is unknown.
pub fn question_place(question: &Question) -> String {
    QuestionName::of(question).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::question::SubQuestion;

    fn few(questions: usize) -> crate::generate::Sizes {
        crate::generate::Sizes {
            questions,
            budget_rows: 10,
            members: 3,
            indicators: 2,
        }
    }

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
    fn a_repeated_label_is_found_among_few_sub_questions_and_among_many() {
        let dossier = crate::generate::generate(few(4), 3);
        let mut question = dossier.questions[0].clone();
        // Without an answer, whose parts would cover labels no longer there.
        question.answer = None;
        let sub = question.sub_questions[0].clone();
        for count in [3, FEW_SUB_QUESTIONS + 8] {
            question.sub_questions = (0..count)
                .map(|n| SubQuestion {
                    label: format!("{}", n + 1),
                    ..sub.clone()
                })
                .collect();
            question.sub_questions[count - 1].label = "2".into();
            let problems = question_problems(&question);
            assert_eq!(problems.len(), 1, "{count} sub-questions: {problems:?}");
            assert_eq!(problems[0].rule, Rule::SubQuestionTwice("2".into()));
            assert_eq!(problems[0].at, location!["sub_questions", count - 1]);
        }
    }

    #[test]
    fn the_questions_of_a_large_dossier_are_checked_beside_the_rest_in_the_same_order() {
        let mut dossier = crate::generate::generate(few(QUESTIONS_ON_A_THREAD), 3);
        dossier.organisations[0].name = " ".into();
        let last = dossier.questions.len() - 1;
        dossier.questions[last].sub_questions[0].label.clear();
        dossier.questions[last].answer = None;
        let problems = dossier.validate().unwrap_err();
        let places: Vec<Location> = problems.into_iter().map(|problem| problem.at).collect();
        assert_eq!(
            places,
            [
                location!["questions", last, "sub_questions", 0],
                location!["organisations", 0, "name"]
            ]
        );
    }

    #[test]
    fn a_problem_inside_an_item_is_placed_under_it() {
        let inner = mismatch(Place::Settings, Rule::NoName, location!["board", 2]);
        let placed = inner.under(&location!["organisations", 1]);
        assert_eq!(placed.at, location!["organisations", 1, "board", 2]);
    }

    #[test]
    fn ids_are_found_twice_whether_or_not_they_rise_first() {
        let duplicates = |ids: &[u64]| {
            let mut problems = Vec::new();
            unique_ids(
                &mut problems,
                IdOf::Event,
                ids.iter().enumerate().map(|(i, id)| (*id, i)),
                |i| (Place::Event(format!("e{i}")), location!["events", i]),
            );
            problems
                .iter()
                .map(|problem| (problem.at.clone(), problem.rule.clone()))
                .collect::<Vec<_>>()
        };
        assert!(duplicates(&[1, 2, 5, 9, 10]).is_empty());
        assert!(duplicates(&[]).is_empty());
        assert!(duplicates(&[7, 3, 5, 1]).is_empty());
        let first_again = |at: usize, id: u64, first: usize| {
            (
                location!["events", at],
                Rule::DuplicateId {
                    of: IdOf::Event,
                    id,
                    first: Place::Event(format!("e{first}")),
                },
            )
        };
        // Found at the first id that does not rise, and after it.
        assert_eq!(duplicates(&[1, 2, 3, 2]), vec![first_again(3, 2, 1)]);
        assert_eq!(
            duplicates(&[4, 8, 1, 9, 8, 4]),
            vec![first_again(4, 8, 1), first_again(5, 4, 0)]
        );
        assert_eq!(duplicates(&[6, 6]), vec![first_again(1, 6, 0)]);
    }
}
