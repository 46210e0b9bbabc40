//! Slides: named views of the dossier kept in it, for presenting. A slide is a tab and
//! how it was shown (which table, the sort, the filter, the day), so that a meeting's
//! sequence is prepared once and stepped through with the keyboard.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::dossier::{ColumnId, QuestionId, TableId};

/// The tab a slide shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlideTab {
    Timeline,
    Budget,
    Board,
    Indicators,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slide {
    pub name: String,
    pub tab: SlideTab,
    #[serde(default, skip_serializing_if = "SlideView::is_plain")]
    pub view: SlideView,
}

/// How the tab was shown. What does not apply to the slide's tab is left out; what
/// no longer exists (a table deleted since) is passed over when the slide is shown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlideView {
    /// The budget table shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<TableId>,
    /// The column sorted by, as the tab names it (`target`, `data 2`), and which way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub descending: bool,
    /// The text column a budget table is subtotalled by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_by: Option<ColumnId>,
    /// The timeline's search and date range, as typed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub search: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub to: String,
    /// The question shown beside the timeline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<QuestionId>,
    /// The day the board's composition is shown for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<Date>,
    /// The board as cards rather than a table.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cards: bool,
}

impl SlideView {
    pub fn is_plain(&self) -> bool {
        *self == SlideView::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slide_keeps_only_what_it_sets_in_the_file() {
        let slide = Slide {
            name: "AMIF per oproep".into(),
            tab: SlideTab::Budget,
            view: SlideView {
                table: Some(TableId(3)),
                sort: Some("data 2".into()),
                descending: true,
                ..SlideView::default()
            },
        };
        let json = serde_json::to_string(&slide).unwrap();
        assert_eq!(
            json,
            r#"{"name":"AMIF per oproep","tab":"budget","view":{"table":3,"sort":"data 2","descending":true}}"#
        );
        assert_eq!(serde_json::from_str::<Slide>(&json).unwrap(), slide);
        let plain = r#"{"name":"Bestuur","tab":"board"}"#;
        assert_eq!(
            serde_json::from_str::<Slide>(plain).unwrap().view,
            SlideView::default()
        );
    }
}
