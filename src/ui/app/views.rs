//! The four tabs and the import dialog, and what each is given to draw.

use super::super::board::BoardView;
use super::super::budget::BudgetView;
use super::super::import::ImportDialog;
use super::super::indicators::IndicatorsView;
use super::super::timeline::TimelineView;
use crate::document::Document;
use crate::i18n::{Language, Texts};
use crate::model::Dossier;
use crate::model::ids::IdAllocator;
use crate::model::slide::SlideView;
use crate::ui::{Command, Commands, Tab, ViewContext};

/// The views' own state (selection, scroll, filters), started afresh with each dossier.
#[derive(Debug, Default)]
pub(super) struct Views {
    pub(super) timeline: TimelineView,
    pub(super) budget: BudgetView,
    pub(super) board: BoardView,
    pub(super) indicators: IndicatorsView,
    pub(super) import: ImportDialog,
}

impl Views {
    pub(super) fn tab_ui(
        &mut self,
        ui: &mut egui::Ui,
        tab: Tab,
        view: &ViewContext<'_>,
        commands: &mut Commands,
    ) {
        match tab {
            Tab::Timeline => self.timeline.ui(ui, view, commands),
            Tab::Budget => self.budget.ui(ui, view, commands),
            Tab::Board => self.board.ui(ui, view, commands),
            Tab::Indicators => self.indicators.ui(ui, view, commands),
        }
    }

    /// The import dialog; what was imported, when an import was made this frame.
    pub(super) fn import_ui(
        &mut self,
        ctx: &egui::Context,
        view: &ViewContext<'_>,
        commands: &mut Commands,
    ) -> Option<String> {
        let before = commands.len();
        self.import.ui(ctx, view, commands);
        let imported = commands
            .since(before)
            .iter()
            .any(|command| matches!(command, Command::Edit(_)));
        if imported {
            self.import.outcome.take()
        } else {
            None
        }
    }

    /// Shows a slide's view on its tab.
    pub(super) fn show_slide(&mut self, tab: Tab, slide: &SlideView, dossier: &Dossier) {
        match tab {
            Tab::Timeline => self.timeline.show_slide(slide),
            Tab::Budget => self.budget.show_slide(slide, dossier),
            Tab::Board => self.board.show_slide(slide),
            Tab::Indicators => self.indicators.show_slide(slide),
        }
    }

    /// The tab's view as it is now, with a name for it as a slide.
    pub(super) fn slide_view(&self, tab: Tab, dossier: &Dossier, texts: &Texts) -> (SlideView, String) {
        match tab {
            Tab::Timeline => self.timeline.slide_view(dossier, texts),
            Tab::Budget => self.budget.slide_view(dossier, texts),
            Tab::Board => self.board.slide_view(dossier, texts),
            Tab::Indicators => (self.indicators.slide_view(), texts.tab_indicators.to_string()),
        }
    }
}

/// What a view is given to draw, for the open document.
pub(super) fn view_of<'a>(
    document: &'a Document,
    ids: &'a IdAllocator,
    language: Language,
    presenting: bool,
    today: jiff::civil::Date,
) -> ViewContext<'a> {
    ViewContext {
        dossier: document.dossier(),
        ids,
        texts: language.texts(),
        language,
        presenting,
        version: document.version(),
        last_cell_change: document.last_cell_change(),
        today,
    }
}
