//! Presenting: full screen with large type, the slides one after another (or the tabs
//! when there are none), and a footer that says how old the figures are.

use egui::{Key, Modifiers, RichText, Ui, ViewportCommand};

use super::WorkbenchApp;
use crate::i18n::{DateText as _, format_day};
use crate::model::dossier::{OrganisationId, TableId};
use crate::model::edit::Edit;
use crate::model::slide::{Slide, SlideView};
use crate::ui::memo::{DerivedKey, Memo};
use crate::ui::slides::SlidesWindow;
use crate::ui::{Command, Commands, Tab, widgets};

/// While presenting: the next and the previous slide (or tab).
const NEXT_KEYS: [Key; 3] = [Key::PageDown, Key::ArrowRight, Key::Space];
const PREVIOUS_KEYS: [Key; 2] = [Key::PageUp, Key::ArrowLeft];

/// What the presentation footer's date depends on besides the dossier and the language.
type FooterKey = (Tab, Option<TableId>, Option<OrganisationId>);

#[derive(Debug, Default)]
pub(super) struct Presenter {
    pub(super) presenting: bool,
    /// The slide shown while presenting, by position.
    slide: Option<usize>,
    /// Whether the window was full screen before presenting made it so.
    fullscreen_before: Option<bool>,
    pub(super) slides_window: SlidesWindow,
    /// The presentation footer's date and what it was worked out for.
    footer_date: (Memo<FooterKey>, Option<String>),
    /// The window's size when it was asked to go full screen (or back), and how many
    /// more frames to wait for the new size before the zoom changes anyway (a window
    /// manager may refuse).
    awaiting: Option<(Option<egui::Vec2>, u32)>,
    /// The tab and every tab's view as they were before presenting, put back after.
    before: Option<(Tab, Vec<(Tab, SlideView)>)>,
    /// The widgets' own state before presenting (scroll positions, column widths, panel
    /// sizes), put back after: presenting scrolls and measures in its own type.
    widget_states: Option<egui::util::IdTypeMap>,
}

/// How many frames presenting waits for the window to go full screen (or back).
const SETTLE_FRAMES: u32 = 60;

impl Presenter {
    /// Whether the window is still on its way to the full-screen state asked of it; then
    /// the next frame is asked for, to see it arrive.
    pub(super) fn settling(&mut self, ctx: &egui::Context) -> bool {
        let Some((before, frames)) = self.awaiting else {
            return false;
        };
        // Headless there is no window to wait for.
        let resized = before.is_none_or(|before| window_size(ctx).is_some_and(|now| now != before));
        if resized || frames == 0 {
            self.awaiting = None;
            return false;
        }
        self.awaiting = Some((before, frames - 1));
        ctx.request_repaint();
        true
    }

    /// Asks the window to go full screen or back, and waits for its new size before
    /// zooming.
    fn full_screen(&mut self, ctx: &egui::Context, full: bool) {
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(full));
        self.awaiting = Some((window_size(ctx), SETTLE_FRAMES));
    }
}

/// The size of the window on the screen, when there is a window.
fn window_size(ctx: &egui::Context) -> Option<egui::Vec2> {
    ctx.input(|i| i.viewport().inner_rect.map(|rect| rect.size()))
}

/// The presenter's keys: Escape stops, Home and End jump, the others step. Every press
/// counts, also several within one frame (a presenter's clicker).
pub(super) fn presenting_keys(ctx: &egui::Context, commands: &mut Commands) {
    let presses = |keys: &[Key]| -> isize {
        ctx.input_mut(|i| {
            let mut count = 0;
            while keys.iter().any(|key| i.consume_key(Modifiers::NONE, *key)) {
                count += 1;
            }
            count
        })
    };
    if presses(&[Key::Escape]) > 0 {
        commands.push(Command::StopPresenting);
    } else if presses(&[Key::Home]) > 0 {
        commands.push(Command::StepSlides(isize::MIN / 2));
    } else if presses(&[Key::End]) > 0 {
        commands.push(Command::StepSlides(isize::MAX / 2));
    } else {
        let steps = presses(&NEXT_KEYS) - presses(&PREVIOUS_KEYS);
        if steps != 0 {
            commands.push(Command::StepSlides(steps));
        }
    }
}

impl WorkbenchApp {
    /// Presenting on or off: full screen with it, and back as it was after.
    pub(super) fn set_presenting(&mut self, ctx: &egui::Context, on: bool) {
        let presenter = &mut self.presenter;
        if on == presenter.presenting {
            return;
        }
        presenter.presenting = on;
        if on {
            let full = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
            presenter.fullscreen_before = Some(full);
            if !full {
                presenter.full_screen(ctx, true);
            }
            presenter.slide = None;
            let dossier = self.document.dossier();
            let texts = self.language.texts();
            let views = Tab::ALL.map(|tab| (tab, self.views.slide_view(tab, dossier, texts).0));
            presenter.before = Some((self.tab, views.to_vec()));
            presenter.widget_states = Some(ctx.memory(|memory| memory.data.clone()));
        } else {
            if presenter.fullscreen_before == Some(false) {
                presenter.full_screen(ctx, false);
            }
            presenter.fullscreen_before = None;
            if let Some(states) = presenter.widget_states.take() {
                ctx.memory_mut(|memory| memory.data = states);
            }
            if let Some((tab, views)) = presenter.before.take() {
                for (shown, view) in &views {
                    self.views.show_slide(*shown, view, self.document.dossier());
                }
                self.tab = tab;
            }
        }
    }

    /// The next or previous slide while presenting; the tabs when there are no slides.
    pub(super) fn step_presentation(&mut self, delta: isize) {
        let slides = self.document.dossier().slides.len();
        if slides == 0 {
            let index = Tab::ALL.iter().position(|tab| *tab == self.tab).unwrap_or(0);
            let next = index.saturating_add_signed(delta).min(Tab::ALL.len() - 1);
            self.tab = Tab::ALL[next];
            return;
        }
        // Not on a slide yet: just before the first going forward, after the last going
        // back.
        let from = match self.presenter.slide {
            Some(index) => index as isize,
            None if delta < 0 => slides as isize,
            None => -1,
        };
        let next = from.saturating_add(delta).clamp(0, slides as isize - 1);
        self.show_slide(next as usize);
    }

    /// Shows the slide at `index`: its tab, as it was when it was made.
    pub(super) fn show_slide(&mut self, index: usize) {
        let Some(slide) = self.document.dossier().slides.get(index).cloned() else {
            return;
        };
        self.presenter.slide = Some(index);
        self.tab = Tab::of_slide(slide.tab);
        self.views
            .show_slide(self.tab, &slide.view, self.document.dossier());
    }

    /// Adds the view as it is now to the dossier's slides, as one edit.
    pub(super) fn add_slide(&mut self) {
        let dossier = self.document.dossier();
        let (view, name) = self.views.slide_view(self.tab, dossier, self.texts());
        let mut slides = dossier.slides.clone();
        slides.push(Slide {
            name,
            tab: self.tab.slide_tab(),
            view,
        });
        let count = slides.len();
        self.apply(Edit::SetSlides(slides));
        self.tell(self.texts().slide_added(count));
    }

    /// Under the slide while presenting: how old the figures are, where in the
    /// presentation this is, and the keys.
    pub(super) fn presenting_footer_ui(&mut self, ui: &mut Ui) {
        let texts = self.texts();
        let dossier = self.document.dossier();
        let position = match self
            .presenter
            .slide
            .and_then(|index| dossier.slides.get(index).map(|s| (index, s)))
        {
            Some((index, slide)) => texts.slide_of(index + 1, dossier.slides.len(), &slide.name),
            // Not on a slide yet: the keys step through the slides if there are any
            // (so no "1 of 4" of tabs beside "Slide 1 of 4"), else through the tabs.
            None if !dossier.slides.is_empty() => {
                format!(
                    "{} · {}",
                    self.tab.name(texts),
                    texts.slides_ahead(dossier.slides.len())
                )
            }
            None => {
                let index = Tab::ALL.iter().position(|tab| *tab == self.tab).unwrap_or(0);
                let of = texts.tab_of(index + 1, Tab::ALL.len());
                format!("{} ({of})", self.tab.name(texts))
            }
        };
        // Right to left: the place in the presentation always shows; the keys only when
        // all fits; the date of the figures takes what is left, shortened if need be.
        let dated = self.footer_date();
        let width = |text: &str, style: egui::TextStyle| {
            widgets::measured_width(ui, std::iter::once(text), &style, 0.0, f32::INFINITY)
        };
        let needed = width(&position, egui::TextStyle::Body)
            + dated
                .as_deref()
                .map_or(0.0, |dated| width(dated, egui::TextStyle::Body))
            + width(texts.present_keys, egui::TextStyle::Small);
        let room_for_keys = needed < ui.available_width();
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let keys = RichText::new(texts.present_keys).small().weak();
            if room_for_keys {
                ui.label(keys);
                ui.separator();
            }
            ui.add(egui::Label::new(position).truncate());
            if let Some(dated) = dated {
                ui.separator();
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.add(egui::Label::new(RichText::new(dated).strong()).truncate());
                });
            }
        });
    }

    /// [`Self::data_date`], worked out again only when the dossier or what is shown
    /// changes: it searches the questions.
    fn footer_date(&mut self) -> Option<String> {
        let derived = DerivedKey {
            version: self.document.version(),
            language: self.language,
            today: self.today(),
            presenting: true,
        };
        let own = (self.tab, self.views.budget.selected, self.views.board.selected);
        if !self.presenter.footer_date.0.is_fresh_at(derived, &own) {
            let date = self.data_date();
            self.presenter.footer_date = (Memo::default(), date);
            self.presenter.footer_date.0.remember_at(derived, own);
        }
        self.presenter.footer_date.1.clone()
    }

    /// When the figures on screen were stated: the measuring day of the indicators, or
    /// the question whose answer gives the table or the board shown.
    fn data_date(&self) -> Option<String> {
        let dossier = self.document.dossier();
        let texts = self.texts();
        let document = match self.tab {
            Tab::Indicators => {
                let latest = dossier
                    .indicators
                    .iter()
                    .filter_map(|i| i.latest().map(|m| m.date))
                    .max()?;
                return Some(texts.measured_as_of(latest.display(self.language)));
            }
            Tab::Budget => {
                let table = self
                    .views
                    .budget
                    .selected
                    .and_then(|id| dossier.budget_tables.iter().find(|t| t.id == id))
                    .or(dossier.budget_tables.first())?;
                table.source.as_ref()?.document.clone()
            }
            Tab::Board => {
                let organisation = self
                    .views
                    .board
                    .selected
                    .and_then(|id| dossier.organisations.iter().find(|o| o.id == id))
                    .or(dossier.organisations.first())?;
                organisation
                    .board
                    .iter()
                    .find_map(|m| m.source.as_ref())?
                    .document
                    .clone()
            }
            // The time axis carries its own dates.
            Tab::Timeline => return None,
        };
        let question = dossier
            .questions
            .iter()
            .find(|q| q.source.as_ref().is_some_and(|s| s.document == document))?;
        let named = match (question.short_name(), question.date) {
            (Some(name), Some(date)) => format!("{name}, {}", format_day(date, self.language)),
            (Some(name), None) => name,
            (None, _) => question.title.clone()?,
        };
        Some(texts.data_as_of(named))
    }
}
