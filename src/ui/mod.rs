//! The window: one [`app::WorkbenchApp`] with a tab per view. Views read the dossier
//! and push [`Command`]s (an edit is one); the app runs them in one place.

pub mod app;
pub mod autosave;
pub mod board;
pub mod budget;
pub mod command;
pub mod date_picker;
pub mod fields;
pub mod files;
pub mod find;
pub mod import;
pub mod indicators;
pub mod kept_text;
pub mod launch;
pub mod memo;
pub mod page_blocks;
pub mod picture;
pub mod prefs;
pub mod slides;
pub mod theme;
pub mod time_scale;
pub mod timeline;
pub mod versions;
pub mod widgets;
pub mod work;
pub mod worked_out;

use serde::{Deserialize, Serialize};

use crate::i18n::{Language, Texts};
use crate::model::Dossier;
use crate::model::edit::CellChange;
use crate::model::ids::IdAllocator;
use crate::model::slide::SlideTab;

/// The four views of a dossier.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tab {
    #[default]
    Timeline,
    Budget,
    Board,
    Indicators,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Timeline, Tab::Budget, Tab::Board, Tab::Indicators];

    pub fn name(self, texts: &Texts) -> &'static str {
        match self {
            Tab::Timeline => texts.tab_timeline,
            Tab::Budget => texts.tab_budget,
            Tab::Board => texts.tab_board,
            Tab::Indicators => texts.tab_indicators,
        }
    }

    /// The name on the command line (`--tab budget`).
    pub fn key(self) -> &'static str {
        match self {
            Tab::Timeline => "timeline",
            Tab::Budget => "budget",
            Tab::Board => "board",
            Tab::Indicators => "indicators",
        }
    }

    /// The tab a slide shows, and back.
    pub fn of_slide(tab: SlideTab) -> Tab {
        match tab {
            SlideTab::Timeline => Tab::Timeline,
            SlideTab::Budget => Tab::Budget,
            SlideTab::Board => Tab::Board,
            SlideTab::Indicators => Tab::Indicators,
        }
    }

    pub fn slide_tab(self) -> SlideTab {
        match self {
            Tab::Timeline => SlideTab::Timeline,
            Tab::Budget => SlideTab::Budget,
            Tab::Board => SlideTab::Board,
            Tab::Indicators => SlideTab::Indicators,
        }
    }

    /// What printing the tab prints.
    pub fn print_part(self) -> crate::export::pdf::Part {
        use crate::export::pdf::Part;
        match self {
            Tab::Timeline => Part::Questions,
            Tab::Budget => Part::Budget,
            Tab::Board => Part::Board,
            Tab::Indicators => Part::Indicators,
        }
    }

    pub fn from_key(key: &str) -> Option<Tab> {
        Tab::ALL
            .into_iter()
            .find(|tab| tab.key().eq_ignore_ascii_case(key))
    }
}

/// What a view is given to draw: the dossier, read-only, and how to show it.
#[derive(Clone, Copy, Debug)]
pub struct ViewContext<'a> {
    pub dossier: &'a Dossier,
    /// The same dossier, shared: figures worked out off the frame hold on to it.
    pub shared: &'a std::sync::Arc<Dossier>,
    /// Where a view gets the id of a part it adds: fresh for the whole frame.
    pub ids: &'a IdAllocator,
    pub texts: &'static Texts,
    pub language: Language,
    /// The presentation look: large type, no edit controls.
    pub presenting: bool,
    /// Changes whenever the dossier does; derived figures are cached against it.
    pub version: DossierVersion,
    /// The last step, if it changed one cell: lets a view update its sums.
    pub last_cell_change: Option<&'a CellChange>,
    /// The day deadlines are measured on: the clock's, or one fixed by a test.
    pub today: jiff::civil::Date,
}

pub use self::command::{Command, Commands};
pub use crate::document::DossierVersion;
