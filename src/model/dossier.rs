//! The dossier: everything the app knows, as plain data, with its rules.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::board::Organisation;
use super::budget::BudgetTable;
use super::calendar::{Holiday, belgian_holidays};
use super::event::Event;
use super::indicator::{Indicator, Thresholds};
use super::merge::Conflict;
use super::question::{Question, QuestionReference};
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
    /// What a merge found changed two ways, until someone settles each (see
    /// [`super::merge`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// Last, because the texts are long.
    #[serde(default)]
    pub sources: Vec<SourceDocument>,
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
            conflicts: Vec::new(),
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
}
