//! Dated events of the dossier: what happened, what was planned, deadlines and promises.

use serde::{Deserialize, Serialize};

use super::calendar::When;
use super::dossier::{EventId, QuestionId};
use super::source::SourceRef;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// Something that took place.
    #[default]
    Happened,
    /// Something scheduled (a meeting, a start, a congress).
    Planned,
    /// A formal deadline: a call closes, a report is due.
    Deadline,
    /// A date a minister committed to in an answer ("zal worden afgerond tegen …").
    Promise,
}

impl EventKind {
    pub const ALL: [EventKind; 4] = [
        EventKind::Happened,
        EventKind::Planned,
        EventKind::Deadline,
        EventKind::Promise,
    ];

    pub fn key(self) -> &'static str {
        match self {
            EventKind::Happened => "happened",
            EventKind::Planned => "planned",
            EventKind::Deadline => "deadline",
            EventKind::Promise => "promise",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: EventId,
    pub kind: EventKind,
    /// The date with the precision of the source.
    pub when: When,
    /// The date as the source words it: `tegen 30/06/2019`, `in de lente van 2017`.
    pub printed: String,
    pub title: String,
    /// The question whose text or answer states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<QuestionId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default)]
    pub sources: Vec<SourceRef>,
}
