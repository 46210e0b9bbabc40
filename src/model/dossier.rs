//! The dossier: everything the app knows, as plain data, with its rules.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::board::Organisation;
use super::budget::{BudgetTable, ColumnKind};
use super::calendar::{Holiday, belgian_holidays};
use super::event::Event;
use super::indicator::{Indicator, Thresholds};
use super::question::{Question, QuestionReference, label_covers};
use super::slide::Slide;
use super::source::{SourceDocument, SourceRef};

/// The value of a dossier file's `format` key.
pub const FORMAT_NAME: &str = "dossier-workbench";
/// The file format version this build writes; it reads this one and older ones.
pub const FORMAT_VERSION: u32 = 1;

pub use super::ids::{
    ColumnId, EventId, IdAllocator, IndicatorId, MeasurementId, MemberId, OrganisationId, PartnerId,
    QuestionId, RowId, TableId,
};

/// The `format` key of a dossier file. It lives in the dossier so that serde reads and
/// writes it as the first key, in the same single pass as the rest.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FormatName;

impl Serialize for FormatName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(FORMAT_NAME)
    }
}

impl<'de> Deserialize<'de> for FormatName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<FormatName, D::Error> {
        let name = String::deserialize(deserializer)?;
        if name == FORMAT_NAME {
            Ok(FormatName)
        } else {
            Err(serde::de::Error::custom(format!(
                "this is a \"{name}\" file, not a \"{FORMAT_NAME}\" dossier"
            )))
        }
    }
}

/// Settings that belong to the dossier (not to the user's machine).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The working days a minister has to answer a written question.
    pub answer_deadline_working_days: u32,
    /// The days that are not working days besides weekends.
    #[serde(default = "belgian_holidays")]
    pub holidays: Vec<Holiday>,
    pub indicator_thresholds: Thresholds,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            answer_deadline_working_days: 20,
            holidays: belgian_holidays(),
            indicator_thresholds: Thresholds::default(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dossier {
    pub format: FormatName,
    pub version: u32,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// The next id to hand out. Ids are never reused, so an id keeps its meaning.
    pub next_id: u64,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub questions: Vec<Question>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub budget_tables: Vec<BudgetTable>,
    #[serde(default)]
    pub organisations: Vec<Organisation>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// Named views for presenting, in the order they are shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub slides: Vec<Slide>,
    /// Last, because the texts are long.
    #[serde(default)]
    pub sources: Vec<SourceDocument>,
}

/// A rule of the dossier that a file breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    /// Where, in words: `question Q271`, `budget table "AMIF-projecten", row 8`.
    pub place: String,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    DuplicateId,
    DanglingReference,
    Mismatch,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// What owns a group of ids: the organisation or the indicator at a position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdOwner {
    Organisation(usize),
    Indicator(usize),
}

impl Dossier {
    /// An empty dossier.
    pub fn new(title: &str) -> Dossier {
        Dossier {
            format: FormatName,
            version: FORMAT_VERSION,
            title: title.to_string(),
            description: String::new(),
            next_id: 1,
            settings: Settings::default(),
            questions: Vec::new(),
            events: Vec::new(),
            budget_tables: Vec::new(),
            organisations: Vec::new(),
            indicators: Vec::new(),
            slides: Vec::new(),
            sources: Vec::new(),
        }
    }

    /// The documents and parts facts come from, in one line, each once:
    /// `Schriftelijke vraag nr. 262 …, antwoord 3.d`.
    pub fn source_line<'a>(&self, sources: impl Iterator<Item = &'a SourceRef>) -> String {
        let mut seen: Vec<(&str, Option<&str>)> = Vec::new();
        for source in sources {
            let document = self
                .source(&source.document)
                .map_or(source.document.0.as_str(), |d| d.title.as_str());
            let entry = (document, source.part.as_deref());
            if !seen.contains(&entry) {
                seen.push(entry);
            }
        }
        seen.iter()
            .map(|(document, part)| match part {
                Some(part) => format!("{document}, {part}"),
                None => (*document).to_string(),
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Hands out fresh ids for the edits made in one go (one frame): each is new to the
    /// dossier and to the others, and an edit that uses one moves `next_id` past it.
    pub fn allocate_ids(&self) -> IdAllocator {
        IdAllocator::starting_at(self.next_id)
    }

    /// The largest id in use anywhere in the dossier.
    pub fn max_id(&self) -> u64 {
        self.ids_except(None).max().unwrap_or(0)
    }

    /// Every id in use, but for those of the organisation or indicator `skip` names.
    pub fn ids_except(&self, skip: Option<IdOwner>) -> impl Iterator<Item = u64> + '_ {
        let questions = self.questions.iter().map(|q| q.id.0);
        let events = self.events.iter().map(|e| e.id.0);
        let tables = self.budget_tables.iter().flat_map(|table| {
            std::iter::once(table.id.0)
                .chain(table.columns.iter().map(|c| c.id.0))
                .chain(table.computed.iter().map(|c| c.id.0))
                .chain(table.rows.iter().map(|r| r.id.0))
        });
        let organisations = self
            .organisations
            .iter()
            .enumerate()
            .filter(move |(index, _)| skip != Some(IdOwner::Organisation(*index)))
            .flat_map(|(_, organisation)| organisation.ids());
        let indicators = self
            .indicators
            .iter()
            .enumerate()
            .filter(move |(index, _)| skip != Some(IdOwner::Indicator(*index)))
            .flat_map(|(_, indicator)| indicator.ids());
        questions
            .chain(events)
            .chain(tables)
            .chain(organisations)
            .chain(indicators)
    }

    /// The question with this id and its position in the list.
    pub fn question(&self, id: QuestionId) -> Option<&Question> {
        self.questions.iter().find(|question| question.id == id)
    }

    pub fn source(&self, id: &super::source::SourceId) -> Option<&SourceDocument> {
        self.sources.iter().find(|source| &source.id == id)
    }

    /// A short name for a reference: the question its document holds and the part,
    /// `Q262, antwoord 3.d`; the document's id when it holds no numbered question.
    pub fn source_label(&self, source: &SourceRef) -> String {
        let document = self
            .questions
            .iter()
            .find(|q| q.source.as_ref().is_some_and(|s| s.document == source.document))
            .and_then(Question::short_name)
            .unwrap_or_else(|| source.document.0.clone());
        match &source.part {
            Some(part) => format!("{document}, {part}"),
            None => document,
        }
    }

    /// The question a citation points to, if the dossier holds it: same number, and same
    /// date when the citation gives one. Numbers restart each session, so a number alone
    /// must be unique in the dossier to count.
    pub fn cited_question(&self, reference: &QuestionReference) -> Option<&Question> {
        let mut candidates = self.questions.iter().filter(|question| {
            question.number == Some(reference.number)
                && reference.date.is_none_or(|date| question.date == Some(date))
        });
        let first = candidates.next()?;
        candidates.next().is_none().then_some(first)
    }

    /// The questions that cite `question`.
    pub fn cited_by<'a>(&'a self, question: &'a Question) -> impl Iterator<Item = &'a Question> + 'a {
        self.questions.iter().filter(move |other| {
            other.references.iter().any(|reference| {
                self.cited_question(reference)
                    .is_some_and(|cited| cited.id == question.id)
            })
        })
    }

    /// Every source reference in the dossier, with the place it belongs to.
    pub fn source_refs(&self) -> Vec<(String, &SourceRef)> {
        let mut refs = Vec::new();
        for question in &self.questions {
            let place = question_place(question);
            refs.extend(question.source.iter().map(|r| (place.clone(), r)));
            for reference in &question.references {
                refs.extend(
                    reference
                        .source
                        .iter()
                        .map(|r| (format!("{place}, citation of {}", reference.number), r)),
                );
            }
        }
        for event in &self.events {
            refs.extend(
                event
                    .sources
                    .iter()
                    .map(|r| (format!("event \"{}\"", event.title), r)),
            );
        }
        for table in &self.budget_tables {
            let place = format!("budget table \"{}\"", table.title);
            refs.extend(table.source.iter().map(|r| (place.clone(), r)));
            let envelope = table
                .envelope
                .as_ref()
                .and_then(|envelope| envelope.source.as_ref());
            refs.extend(envelope.map(|r| (format!("{place}, budget"), r)));
            for (index, row) in table.rows.iter().enumerate() {
                refs.extend(
                    row.source
                        .iter()
                        .map(|r| (format!("{place}, row {}", index + 1), r)),
                );
            }
        }
        for organisation in &self.organisations {
            let place = format!("organisation \"{}\"", organisation.name);
            let facts = [
                (
                    "founding date",
                    organisation.founded.as_ref().and_then(|f| f.source.as_ref()),
                ),
                (
                    "staff",
                    organisation.staff.as_ref().and_then(|f| f.source.as_ref()),
                ),
                (
                    "purpose",
                    organisation.purpose.as_ref().and_then(|f| f.source.as_ref()),
                ),
                (
                    "decision rule",
                    organisation
                        .decision_rule
                        .as_ref()
                        .and_then(|f| f.source.as_ref()),
                ),
                (
                    "board selection",
                    organisation
                        .board_selection
                        .as_ref()
                        .and_then(|f| f.source.as_ref()),
                ),
            ];
            for (fact, source) in facts {
                refs.extend(source.map(|r| (format!("{place}, {fact}"), r)));
            }
            for member in &organisation.board {
                refs.extend(
                    member
                        .source
                        .iter()
                        .map(|r| (format!("{place}, board member {}", member.name), r)),
                );
            }
            for partner in &organisation.partners {
                refs.extend(
                    partner
                        .source
                        .iter()
                        .map(|r| (format!("{place}, partner {}", partner.name), r)),
                );
            }
        }
        for indicator in &self.indicators {
            let place = format!("indicator \"{}\"", indicator.engagement_type);
            refs.extend(indicator.source.iter().map(|r| (place.clone(), r)));
            for measurement in &indicator.measurements {
                refs.extend(
                    measurement
                        .source
                        .iter()
                        .map(|r| (format!("{place}, measurement of {}", measurement.date), r)),
                );
            }
        }
        refs
    }

    /// Checks the rules that the file format alone cannot: unique ids, references that
    /// resolve, cells that fit their columns. Returns every problem found.
    pub fn validate(&self) -> Result<(), Vec<Problem>> {
        let mut problems = Vec::new();
        self.check_ids(&mut problems);
        self.check_questions(&mut problems);
        self.check_tables(&mut problems);
        self.check_references(&mut problems);
        problems.extend(self.organisations.iter().flat_map(organisation_problems));
        for indicator in &self.indicators {
            let place = || format!("indicator \"{}\"", indicator.engagement_type);
            problems.extend(
                indicator
                    .problems()
                    .into_iter()
                    .map(|message| mismatch(&place(), message)),
            );
        }
        let thresholds = self.settings.indicator_thresholds;
        if thresholds.close > thresholds.met {
            problems.push(Problem {
                kind: ProblemKind::Mismatch,
                place: "settings".into(),
                message: format!(
                    "the \"close\" threshold ({}) is above the \"met\" threshold ({})",
                    thresholds.close, thresholds.met
                ),
            });
        }
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
            self.questions.iter().map(|q| (q.id.0, q)),
            question_place,
        );
        unique_ids(problems, "event", self.events.iter().map(|e| (e.id.0, e)), |e| {
            format!("event \"{}\"", e.title)
        });
        unique_ids(
            problems,
            "table",
            self.budget_tables.iter().map(|t| (t.id.0, t)),
            |t| format!("budget table \"{}\"", t.title),
        );
        for table in &self.budget_tables {
            let place = format!("budget table \"{}\"", table.title);
            unique_ids(
                problems,
                "column",
                table.columns.iter().map(|c| (c.id.0, c)),
                |c| format!("{place}, column \"{}\"", c.name),
            );
            unique_ids(
                problems,
                "row",
                table.rows.iter().enumerate().map(|(i, r)| (r.id.0, i)),
                |i| format!("{place}, row {}", i + 1),
            );
        }
        unique_ids(
            problems,
            "organisation",
            self.organisations.iter().map(|o| (o.id.0, o)),
            |o| format!("organisation \"{}\"", o.name),
        );
        let members = self
            .organisations
            .iter()
            .flat_map(|o| o.board.iter().map(|m| (m.id.0, m)));
        unique_ids(problems, "board member", members, |m| {
            format!("board member {}", m.name)
        });
        let partners = self
            .organisations
            .iter()
            .flat_map(|o| o.partners.iter().map(|p| (p.id.0, p)));
        unique_ids(problems, "partner", partners, |p| format!("partner {}", p.name));
        unique_ids(
            problems,
            "indicator",
            self.indicators.iter().map(|i| (i.id.0, i)),
            |i| format!("indicator \"{}\"", i.engagement_type),
        );
        let measurements = self
            .indicators
            .iter()
            .flat_map(|i| i.measurements.iter().map(move |m| (m.id.0, (i, m))));
        unique_ids(problems, "measurement", measurements, |(i, m)| {
            format!("indicator \"{}\", measurement of {}", i.engagement_type, m.date)
        });

        let mut seen_sources = HashSet::new();
        for source in &self.sources {
            if !seen_sources.insert(&source.id) {
                problems.push(Problem {
                    kind: ProblemKind::DuplicateId,
                    place: format!("source \"{}\"", source.file),
                    message: format!("has the id \"{}\", which another source has already", source.id),
                });
            }
        }
    }

    fn check_questions(&self, problems: &mut Vec<Problem>) {
        for question in &self.questions {
            problems.extend(question_problems(question));
        }
        let question_ids: HashSet<QuestionId> = self.questions.iter().map(|q| q.id).collect();
        for event in &self.events {
            if let Some(question) = event.question
                && !question_ids.contains(&question)
            {
                problems.push(Problem {
                    kind: ProblemKind::DanglingReference,
                    place: format!("event \"{}\"", event.title),
                    message: format!("refers to question id {question}, which is not in the dossier"),
                });
            }
        }
    }

    fn check_tables(&self, problems: &mut Vec<Problem>) {
        for table in &self.budget_tables {
            let place = format!("budget table \"{}\"", table.title);
            let marks: HashSet<&str> = table.footnotes.iter().map(|f| f.mark.as_str()).collect();
            for (index, row) in table.rows.iter().enumerate() {
                let row_place = format!("{place}, row {}", index + 1);
                if row.cells.len() != table.columns.len() {
                    problems.push(mismatch(
                        &row_place,
                        format!(
                            "has {} cells, but the table has {} columns",
                            row.cells.len(),
                            table.columns.len()
                        ),
                    ));
                    continue;
                }
                for (cell, column) in row.cells.iter().zip(&table.columns) {
                    if let Some(value) = &cell.value
                        && value.kind() != column.kind
                    {
                        problems.push(mismatch(
                            &format!("{row_place}, column \"{}\"", column.name),
                            format!(
                                "holds a {} value, but the column holds {}",
                                value.kind().key(),
                                column.kind.key()
                            ),
                        ));
                    }
                    if let Some(mark) = &cell.footnote
                        && !marks.contains(mark.as_str())
                    {
                        problems.push(Problem {
                            kind: ProblemKind::DanglingReference,
                            place: format!("{row_place}, column \"{}\"", column.name),
                            message: format!(
                                "has footnote mark \"{mark}\", but the table has no such footnote"
                            ),
                        });
                    }
                }
            }
            let money_column = |id: ColumnId| {
                table.column_index(id).map(|index| table.columns[index].kind) == Some(ColumnKind::Money)
            };
            for computed in &table.computed {
                let operands = match &computed.formula {
                    super::budget::Formula::Sum(columns) => columns.clone(),
                    super::budget::Formula::Share(column) => vec![*column],
                };
                if table.columns.iter().any(|c| c.id == computed.id) {
                    problems.push(Problem {
                        kind: ProblemKind::DuplicateId,
                        place: format!("{place}, computed column \"{}\"", computed.name),
                        message: format!("has column id {}, which a column has already", computed.id),
                    });
                }
                if let Some(operand) = operands.into_iter().find(|id| !money_column(*id)) {
                    problems.push(Problem {
                        kind: ProblemKind::DanglingReference,
                        place: format!("{place}, computed column \"{}\"", computed.name),
                        message: format!(
                            "works from column id {operand}, which is not a money column of the table"
                        ),
                    });
                }
            }
            let summed_column = |id: ColumnId| {
                table
                    .column_index(id)
                    .is_some_and(|index| table.columns[index].kind.is_summed())
            };
            for reported in &table.reported_totals {
                if !summed_column(reported.column) {
                    problems.push(Problem {
                        kind: ProblemKind::DanglingReference,
                        place: format!("{place}, printed total"),
                        message: format!(
                            "belongs to column id {}, which is not a money or whole-number column of the table",
                            reported.column
                        ),
                    });
                }
            }
            if let Some(envelope) = &table.envelope {
                let kind = table
                    .column_index(envelope.drawn_by)
                    .map(|index| table.columns[index].kind);
                if kind != Some(ColumnKind::Money) {
                    problems.push(Problem {
                        kind: ProblemKind::DanglingReference,
                        place: format!("{place}, budget \"{}\"", envelope.label),
                        message: format!(
                            "is drawn by column id {}, which is not a money column of the table",
                            envelope.drawn_by
                        ),
                    });
                }
            }
        }
    }

    fn check_references(&self, problems: &mut Vec<Problem>) {
        let known: HashSet<_> = self.sources.iter().map(|source| &source.id).collect();
        for (place, reference) in self.source_refs() {
            if !known.contains(&reference.document) {
                problems.push(Problem {
                    kind: ProblemKind::DanglingReference,
                    place,
                    message: format!(
                        "cites source \"{}\", which is not among the dossier's sources",
                        reference.document
                    ),
                });
            }
        }
    }
}

/// The rules of one question: labelled, distinct sub-questions, and answer items that
/// cover sub-questions the question has.
pub fn question_problems(question: &Question) -> Vec<Problem> {
    let mut problems = Vec::new();
    // Written out only for a problem: most questions have none.
    let place = || question_place(question);
    let mut labels = HashSet::new();
    for sub in &question.sub_questions {
        if sub.label.trim().is_empty() {
            problems.push(mismatch(&place(), "has a sub-question without a label".into()));
        } else if !labels.insert(sub.label.as_str()) {
            problems.push(mismatch(
                &place(),
                format!("has two sub-questions labelled \"{}\"", sub.label),
            ));
        }
    }
    for part in question.answer.iter().flat_map(|answer| answer.parts.iter()) {
        for covered in &part.covers {
            let known = question
                .sub_questions
                .iter()
                .any(|sub| label_covers(covered, &sub.label));
            if !known {
                problems.push(Problem {
                    kind: ProblemKind::DanglingReference,
                    place: format!("{}, answer item \"{}\"", place(), part.printed_label),
                    message: format!("answers sub-question \"{covered}\", which the question does not have"),
                });
            }
        }
    }
    problems
}

/// The rules of one organisation: names for it, its members and partners, and mandates
/// that do not end before they start.
pub fn organisation_problems(organisation: &Organisation) -> Vec<Problem> {
    let place = format!("organisation \"{}\"", organisation.name);
    let mut problems = Vec::new();
    if organisation.name.trim().is_empty() {
        problems.push(mismatch(
            &format!("organisation with id {}", organisation.id),
            "has no name".into(),
        ));
    }
    for member in &organisation.board {
        if member.name.trim().is_empty() {
            problems.push(mismatch(
                &place,
                format!("has a board member without a name (id {})", member.id),
            ));
        }
        if let Some(problem) = member.mandate_problem() {
            problems.push(mismatch(&place, problem));
        }
    }
    for partner in &organisation.partners {
        if partner.name.trim().is_empty() {
            problems.push(mismatch(
                &place,
                format!("has a partner without a name (id {})", partner.id),
            ));
        }
    }
    problems
}

fn mismatch(place: &str, message: String) -> Problem {
    Problem {
        kind: ProblemKind::Mismatch,
        place: place.to_string(),
        message,
    }
}

/// Adds a problem for each item whose id an earlier item of the same kind has already.
fn unique_ids<T: Copy>(
    problems: &mut Vec<Problem>,
    what: &str,
    items: impl IntoIterator<Item = (u64, T)>,
    place: impl Fn(T) -> String,
) {
    let mut seen: HashMap<u64, T> = HashMap::new();
    for (id, item) in items {
        if let Some(first) = seen.get(&id) {
            problems.push(Problem {
                kind: ProblemKind::DuplicateId,
                place: place(item),
                message: format!("has {what} id {id}, which {} has already", place(*first)),
            });
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
