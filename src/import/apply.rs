//! An imported question joining a dossier: the question (new, or in the place of the
//! same question already there), its text as a source document, and the tables and
//! dated events the user keeps, as one batch of edits that undo takes back together.

use std::fmt;

use super::dates::CandidateEvent;
use super::tables::{BudgetRows, DetectedTable, IndicatorRows};
use super::warnings::WarningKind;
use super::written::Imported;
use crate::model::Dossier;
use crate::model::budget::{BudgetTable, Column, ReportedTotal, Row};
use crate::model::dossier::{ColumnId, EventId, IndicatorId, MeasurementId, QuestionId, RowId, TableId};
use crate::model::edit::{Edit, EditError};
use crate::model::event::Event;
use crate::model::indicator::{Indicator, Measurement};
use crate::model::money::Money;
use crate::model::question::Question;
use crate::model::source::{SourceDocument, SourceId, SourceRef, SourceText};

/// What becomes of a detected table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableUse {
    Skip,
    /// A budget table of the dossier.
    Budget,
    /// Indicators of the dossier, one per row, measured on the header's date.
    Indicators,
}

/// An import as the user shapes it in the preview: what to keep, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub question: Question,
    /// The text the question was read from, kept as a source document.
    pub text: String,
    /// The file it came from, or a name for pasted text.
    pub file: String,
    pub tables: Vec<(DetectedTable, TableUse)>,
    pub events: Vec<(CandidateEvent, bool)>,
    /// The same question already in the dossier (same number and date, or same title
    /// when neither is known).
    pub existing: Option<QuestionId>,
    /// What the reader could not determine or guessed, kept with the question.
    pub note: Option<String>,
}

/// Why an import cannot join the dossier.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0} is in the dossier already; replace it (--update) or leave the import")]
    AlreadyThere(String),
    #[error("the import does not fit the dossier: {0}")]
    Edit(#[from] EditError),
    #[error(
        "the import is refused, the dossier is left as it was: with it, the dossier would not open again. {0}"
    )]
    WouldNotOpen(Box<crate::store::LoadError>),
}

/// What an import did, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub question: String,
    pub replaced: bool,
    pub tables: usize,
    pub indicators: usize,
    pub events: usize,
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verb = if self.replaced { "replaced" } else { "added" };
        write!(
            f,
            "{} {verb}, with {} budget tables, {} indicators and {} events",
            self.question, self.tables, self.indicators, self.events
        )
    }
}

/// The question's name in messages: `Q271`, or its title.
fn name(question: &Question) -> String {
    crate::model::rules::question_place(question)
}

/// The same question in the dossier, if it is there.
pub fn existing(dossier: &Dossier, question: &Question) -> Option<QuestionId> {
    dossier
        .questions
        .iter()
        .find(|q| match (question.number, q.number) {
            (Some(a), Some(b)) => a == b && question.date == q.date,
            (None, None) => question.title.is_some() && q.title == question.title,
            _ => false,
        })
        .map(|q| q.id)
}

impl Plan {
    /// A plan that keeps what was found: tables as what they look like, every event.
    pub fn new(dossier: &Dossier, imported: &Imported, file: &str) -> Plan {
        let existing = existing(dossier, &imported.question);
        let tables = imported
            .tables
            .iter()
            .map(|table| {
                let usage = match (table, existing) {
                    (_, Some(_)) => TableUse::Skip,
                    (DetectedTable::Budget(_), None) => TableUse::Budget,
                    (DetectedTable::Indicators(_), None) => TableUse::Indicators,
                };
                (table.clone(), usage)
            })
            .collect();
        let notes: Vec<String> = imported
            .warnings
            .iter()
            .filter(|w| {
                matches!(
                    w.kind,
                    WarningKind::Unknown | WarningKind::Guessed | WarningKind::Ambiguous
                )
            })
            .map(|w| w.message.clone())
            .collect();
        Plan {
            question: imported.question.clone(),
            text: imported_text(imported),
            file: file.to_string(),
            tables,
            events: imported
                .events
                .iter()
                .map(|e| (e.clone(), existing.is_none()))
                .collect(),
            existing,
            note: (!notes.is_empty()).then(|| format!("Read from {file}: {}.", notes.join("; "))),
        }
    }

    /// The edits that bring the import into `dossier`, as one batch; with `update`, the
    /// question takes the place of the same one already there.
    pub fn edits(&self, dossier: &Dossier, update: bool) -> Result<Edit, ImportError> {
        if self.existing.is_some() && !update {
            return Err(ImportError::AlreadyThere(name(&self.question)));
        }
        let mut ids = dossier.next_id;
        let mut next = || {
            let id = ids;
            ids += 1;
            id
        };
        let source_id = free_source_id(dossier);
        let document = |part: Option<&str>, quote: Option<&str>| SourceRef {
            document: source_id.clone(),
            part: part.map(str::to_string),
            quote: quote.map(str::to_string),
        };
        let mut edits = vec![Edit::InsertSource {
            index: dossier.sources.len(),
            source: Box::new(SourceDocument {
                id: source_id.clone(),
                file: self.file.clone(),
                title: document_title(&self.question, &self.file),
                url: None,
                note: None,
                text: SourceText(self.text.clone()),
            }),
        }];
        let mut question = self.question.clone();
        question.source = Some(document(None, None));
        question.note.clone_from(&self.note);
        let question_id = match self.existing.filter(|_| update) {
            Some(id) => {
                question.id = id;
                edits.push(Edit::ReplaceQuestion(Box::new(question.clone())));
                id
            }
            None => {
                question.id = QuestionId(next());
                edits.push(Edit::InsertQuestion {
                    index: dossier.questions.len(),
                    question: Box::new(question.clone()),
                    relink: Vec::new(),
                });
                question.id
            }
        };
        for (table, usage) in &self.tables {
            match (table, usage) {
                (DetectedTable::Budget(rows), TableUse::Budget) => {
                    let table = budget_table(rows, &question, &mut next, &document);
                    edits.push(Edit::InsertTable {
                        index: dossier.budget_tables.len(),
                        table: Box::new(table),
                    });
                }
                (DetectedTable::Indicators(rows), TableUse::Indicators) => {
                    for indicator in indicators(rows, &mut next, &document) {
                        edits.push(Edit::InsertIndicator {
                            index: dossier.indicators.len(),
                            indicator: Box::new(indicator),
                        });
                    }
                }
                _ => {}
            }
        }
        for (candidate, _) in self.events.iter().filter(|(_, keep)| *keep) {
            edits.push(Edit::InsertEvent {
                index: dossier.events.len(),
                event: Box::new(Event {
                    id: EventId(next()),
                    kind: candidate.kind,
                    when: candidate.when,
                    printed: candidate.printed.clone(),
                    title: event_title(&candidate.sentence),
                    question: Some(question_id),
                    note: None,
                    sources: vec![document(Some(&candidate.part), Some(&candidate.sentence))],
                }),
            });
        }
        Ok(Edit::Batch(edits))
    }

    /// The edits, checked: applied to a copy of `dossier`, the result must open again by
    /// the loader's own rules (footnotes, limits, ids), or nothing is done.
    pub fn checked_edits(&self, dossier: &Dossier, update: bool) -> Result<Edit, ImportError> {
        let edit = self.edits(dossier, update)?;
        let mut trial = dossier.clone();
        edit.clone().apply(&mut trial)?;
        crate::store::check_reopens(&trial, "the dossier with the import")
            .map_err(|error| ImportError::WouldNotOpen(Box::new(error)))?;
        Ok(edit)
    }

    /// Makes the checked edits on `dossier`, all or none.
    pub fn apply_to(&self, dossier: &mut Dossier, update: bool) -> Result<Outcome, ImportError> {
        let edit = self.checked_edits(dossier, update)?;
        edit.apply(dossier)?;
        Ok(self.outcome(update))
    }

    pub fn outcome(&self, update: bool) -> Outcome {
        let kept = |wanted: TableUse| self.tables.iter().filter(move |(_, usage)| *usage == wanted);
        Outcome {
            question: name(&self.question),
            replaced: update && self.existing.is_some(),
            tables: kept(TableUse::Budget).count(),
            indicators: kept(TableUse::Indicators)
                .map(|(table, _)| match table {
                    DetectedTable::Indicators(rows) => rows.rows.len(),
                    DetectedTable::Budget(_) => 0,
                })
                .sum(),
            events: self.events.iter().filter(|(_, keep)| *keep).count(),
        }
    }
}

/// The longest line a source text keeps, in bytes; a longer one is split at a space.
pub const SOURCE_LINE_LIMIT: usize = 16 * 1024;

/// The text as read, kept whole so that every quote can be checked against it; a line
/// too long for a dossier file is split into lines (quotes are matched with line breaks
/// taken as spaces).
fn imported_text(imported: &Imported) -> String {
    let text = &imported.source_text;
    if text.split('\n').all(|line| line.len() <= SOURCE_LINE_LIMIT) {
        return text.clone();
    }
    text.split('\n')
        .map(|line| super::text::pieces(line, SOURCE_LINE_LIMIT).join("\n"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `import-1`, `import-2`, …: the first not taken.
fn free_source_id(dossier: &Dossier) -> SourceId {
    (1..)
        .map(|n| SourceId(format!("import-{n}")))
        .find(|id| dossier.source(id).is_none())
        .unwrap_or_else(|| SourceId("import".into()))
}

/// `Schriftelijke vraag nr. 271 van 26 februari 2019 van Yasmine Kherbache, met antwoord`.
fn document_title(question: &Question, file: &str) -> String {
    let mut title = match question.number {
        Some(number) => format!("Schriftelijke vraag nr. {number}"),
        None => question.title.clone().unwrap_or_else(|| file.to_string()),
    };
    if let Some(date) = question.date {
        title.push_str(&format!(
            " van {}",
            crate::i18n::format_day(date, crate::i18n::Language::Dutch)
        ));
    }
    if let Some(asker) = &question.questioner {
        title.push_str(&format!(" van {asker}"));
    }
    if question.answer.is_some() {
        title.push_str(", met antwoord");
    }
    title
}

/// A sentence short enough to be an event's title.
fn event_title(sentence: &str) -> String {
    const LONGEST: usize = 160;
    if sentence.chars().count() <= LONGEST {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(LONGEST - 1).collect();
    format!("{}…", cut.trim_end())
}

/// A table's title: the sentence that introduces it, or a short header, or where it
/// stands (`Tabel uit het antwoord op vraag nr. 87, antwoord 1-3`).
fn table_title(rows: &BudgetRows, question: &Question, part: &str) -> String {
    let caption = rows
        .caption
        .as_deref()
        .map(|c| c.trim_end_matches([':', '.', ' ']).to_string())
        .filter(|c| !c.is_empty() && c.chars().count() <= 120);
    let header = Some(rows.header.clone()).filter(|h| !h.is_empty() && h.chars().count() <= 60);
    caption.or(header).unwrap_or_else(|| match question.number {
        Some(number) => format!("Tabel uit het antwoord op vraag nr. {number}, {part}"),
        None => format!("Tabel uit het antwoord, {part}"),
    })
}

fn part_name(part: &str) -> String {
    format!("antwoord {}", part.trim_end_matches(['.', ')']))
        .trim()
        .to_string()
}

fn budget_table(
    rows: &BudgetRows,
    question: &Question,
    next: &mut dyn FnMut() -> u64,
    document: &dyn Fn(Option<&str>, Option<&str>) -> SourceRef,
) -> BudgetTable {
    let part = part_name(&rows.part);
    let columns: Vec<Column> = rows
        .columns
        .iter()
        .map(|column| Column {
            id: ColumnId(next()),
            name: column.name.clone(),
            kind: column.kind.column_kind(),
        })
        .collect();
    let table_rows = rows
        .rows
        .iter()
        .zip(&rows.printed)
        .enumerate()
        .map(|(index, (cells, printed))| {
            // A percentage that is not the ratio it is of keeps what was printed, flagged.
            let mut cells = cells.clone();
            for (column, cell) in cells.iter_mut().enumerate() {
                if cell.flag().is_none() {
                    cell.change_notes(|notes| notes.flag = rows.flag(index, column).map(str::to_string));
                }
            }
            Row {
                id: RowId(next()),
                cells,
                source: Some(document(Some(&part), Some(printed))),
            }
        })
        .collect();
    // A printed total is kept for the columns the dossier sums, to be checked there too.
    let reported_totals = rows
        .printed_totals
        .iter()
        .zip(&columns)
        .filter(|(_, column)| column.kind.is_summed())
        .filter_map(|(total, column)| {
            Some(ReportedTotal {
                column: column.id,
                amount: Money::new((*total)?).ok()?,
                source: Some(document(Some(&part), None)),
            })
        })
        .collect();
    let asked = name(question);
    BudgetTable {
        id: TableId(next()),
        title: table_title(rows, question, &part),
        description: format!("Gelezen uit het antwoord op {asked}, {part}."),
        columns,
        rows: table_rows,
        footnotes: rows.footnotes.clone(),
        envelope: None,
        computed: Vec::new(),
        reported_totals,
        source: Some(document(Some(&part), None)),
    }
}

fn indicators(
    rows: &IndicatorRows,
    next: &mut dyn FnMut() -> u64,
    document: &dyn Fn(Option<&str>, Option<&str>) -> SourceRef,
) -> Vec<Indicator> {
    let part = part_name(&rows.part);
    rows.rows
        .iter()
        .map(|row| {
            let id = IndicatorId(next());
            let source = document(Some(&part), Some(&row.printed));
            // Without a date for the actual figures there is no measurement to record.
            let measurements = rows
                .measured
                .map(|date| Measurement {
                    id: MeasurementId(next()),
                    date,
                    value: row.actual,
                    source: Some(source.clone()),
                })
                .into_iter()
                .collect();
            Indicator {
                id,
                engagement_type: row.engagement_type.clone(),
                output: row.output.clone(),
                unit: rows.unit.clone(),
                target: Some(row.target),
                measurements,
                note: None,
                source: Some(source),
            }
        })
        .collect()
}
