//! Two versions of a dossier compared by meaning, and three merged by identity: each
//! question, row, cell, member and indicator is matched by its id, not by lines, so
//! that git (or anyone) can carry a dossier between people.
//!
//! - [`diff`] lists what changed between two versions, part by part.
//! - [`merge`] combines two versions made from one base; where both changed one thing
//!   two ways, the result keeps one of them and a [`Conflict`] that holds both.
//! - [`settle`] is the edit that resolves a conflict with a chosen value.

mod compare;
mod diff;
mod lists;
mod renumber;
mod settle;
mod three_way;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::ids::{
    ColumnId, EventId, IndicatorId, MeasurementId, MemberId, OrganisationId, PartnerId, QuestionId, RowId,
    TableId,
};
use super::source::SourceId;

pub use diff::{Change, ChangeKind, Shown, diff, listing, names_of, shown_of};
pub use renumber::renumber;
pub use settle::{cell_column_kind, holds, settle, value_at};
pub use three_way::{MergeError, Merged, Sides, merge};

/// A part of the dossier, by identity: what a change or a conflict is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// The dossier's own title and description.
    Dossier,
    Settings,
    Question(QuestionId),
    Event(EventId),
    /// A budget table's title, description, footnotes, budget, computed columns and
    /// printed totals.
    Table(TableId),
    Column {
        table: TableId,
        column: ColumnId,
    },
    /// A row, as added or removed, or its source.
    Row {
        table: TableId,
        row: RowId,
    },
    Cell {
        table: TableId,
        row: RowId,
        column: ColumnId,
    },
    Organisation(OrganisationId),
    Member {
        organisation: OrganisationId,
        member: MemberId,
    },
    Partner {
        organisation: OrganisationId,
        partner: PartnerId,
    },
    Indicator(IndicatorId),
    Measurement {
        indicator: IndicatorId,
        measurement: MeasurementId,
    },
    /// Slides have no id; their names tell them apart.
    Slide(String),
    Source(SourceId),
}

/// One step into a part: a field by its key in the file, or an item of a list inside
/// the part by its label (`sub_questions` › `1.a`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Field(String),
    Item(String),
}

/// The same thing changed two ways. The dossier holds ours until someone settles it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub target: Target,
    /// Where in the part; empty for the whole part (a cell, or a part one side removed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub field: Vec<Step>,
    /// What it was before either change; absent when both sides added it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Value>,
    pub ours: Side,
    pub theirs: Side,
}

/// One side of a conflict: where it came from (a branch, a commit, a file) and its value;
/// no value when that side removed the part.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Side {
    pub from: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
}

impl Eq for Conflict {}
impl Eq for Side {}

/// Steps as written in a file's keys: `answer.parts[2.a].text`.
pub fn path_text(steps: &[Step]) -> String {
    let mut text = String::new();
    for step in steps {
        match step {
            Step::Field(key) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            Step::Item(label) => {
                text.push('[');
                text.push_str(label);
                text.push(']');
            }
        }
    }
    text
}
