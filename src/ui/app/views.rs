//! The four tabs and the import dialog, and what each is given to draw.

use super::super::board::BoardView;
use super::super::budget::BudgetView;
use super::super::find::{FindWindow, tab_of};
use super::super::import::ImportDialog;
use super::super::indicators::IndicatorsView;
use super::super::timeline::{Selection, TimelineView};
use crate::document::Document;
use crate::i18n::{Language, Texts};
use crate::model::Dossier;
use crate::model::find::Found;
use crate::model::ids::IdAllocator;
use crate::model::slide::SlideView;
use crate::ui::board::Focus;
use crate::ui::versions::ConflictsWindow;
use crate::ui::{Command, Commands, Tab, ViewContext};

/// The views' own state (selection, scroll, filters), started afresh with each dossier.
#[derive(Debug, Default)]
pub(super) struct Views {
    pub(super) timeline: TimelineView,
    pub(super) budget: BudgetView,
    pub(super) board: BoardView,
    pub(super) indicators: IndicatorsView,
    pub(super) import: ImportDialog,
    pub(super) find: FindWindow,
    pub(super) conflicts: ConflictsWindow,
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

    /// Shows a part of the dossier on its tab, selected and scrolled into view; the tab.
    pub(super) fn reveal(&mut self, dossier: &Dossier, found: &Found) -> Option<Tab> {
        let tab = tab_of(found);
        match found {
            Found::Question(id) => self.timeline.reveal(Selection::Question(*id)),
            Found::Event(id) => self.timeline.reveal(Selection::Event(*id)),
            Found::Source { document, .. } => {
                // A source text is read beside the question it is the text of.
                let question = dossier
                    .questions
                    .iter()
                    .find(|q| q.source.as_ref().is_some_and(|s| s.document == *document))?;
                self.timeline.reveal(Selection::Question(question.id));
            }
            Found::Table(table) => self.budget.reveal(dossier, *table, None),
            Found::Row { table, row } => self.budget.reveal(dossier, *table, Some((*row, None))),
            Found::Cell { table, row, column } => {
                self.budget.reveal(dossier, *table, Some((*row, Some(*column))));
            }
            Found::Organisation(id) => self.board.reveal(*id, None),
            Found::Member { organisation, member } => {
                self.board.reveal(*organisation, Some(Focus::Member(*member)));
            }
            Found::Partner {
                organisation,
                partner,
            } => self.board.reveal(*organisation, Some(Focus::Partner(*partner))),
            Found::Indicator(id) => self.indicators.focus = Some(*id),
        }
        Some(tab)
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
        shared: document.shared(),
        ids,
        texts: language.texts(),
        language,
        presenting,
        version: document.version(),
        last_cell_change: document.last_cell_change(),
        today,
    }
}
