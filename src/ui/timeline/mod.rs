//! The question timeline: a time axis across the top, the filtered chronological list
//! under it, and the selected question (with the answer to each sub-question), event or
//! the figures beside the list.

mod axis;
mod detail;
mod editor;
mod figures;
mod list;

pub use list::kind_name;

use crate::ui::memo::DerivedKey;
use crate::ui::worked_out::{Ready, WorkedOut, coming_ui};
use jiff::civil::Date;

use super::{Commands, ViewContext};
use std::collections::HashMap;

use crate::i18n::Texts;
use crate::model::Dossier;
use crate::model::analysis::{Figures, Timeliness, citations, figures, search_text, threads, timeliness_in};
use crate::model::calendar::WorkingDays;
use crate::model::dossier::{EventId, QuestionId};
use crate::model::event::Event;
use crate::model::question::Question;
use crate::model::slide::SlideView;

pub use list::{Filter, StatusFilter};

/// What the right-hand side shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selection {
    Question(QuestionId),
    Event(EventId),
    Figures,
}

/// One line of the chronological list, by position in the dossier (valid for the
/// version it was made for).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Entry {
    Question(usize),
    Event(usize),
}

/// Figures worked out once per dossier version and day, shared by the axis, the list
/// and the detail; off the frame (see [`WorkedOut`]).
#[derive(Debug, Default)]
struct Derived {
    /// All entries in time order.
    entries: Vec<Entry>,
    /// Where each question and event stands in the dossier, for lookups by id in a frame.
    question_index: HashMap<QuestionId, usize>,
    event_index: HashMap<EventId, usize>,
    /// Per question: the folded text the search looks in.
    search: Vec<String>,
    /// Per event: the folded text the search looks in.
    event_search: Vec<String>,
    /// Per question: answered in time, late, overdue …
    timeliness: Vec<Option<Timeliness>>,
    questioners: Vec<String>,
    ministers: Vec<String>,
    /// The questions that cite each question.
    cited_by: HashMap<QuestionId, Vec<QuestionId>>,
    /// The follow-up threads, and the thread of each question in one.
    threads: Vec<Vec<QuestionId>>,
    thread_of: HashMap<QuestionId, usize>,
    figures: Figures,
    /// Where each stands on the time axis.
    axis: axis::Layout,
}

impl Derived {
    /// Worked out for the view's dossier, language and day (`key`), with the axis laid
    /// out for a window `width` points wide.
    fn work_out(dossier: &Dossier, key: DerivedKey, width: f32) -> Derived {
        let mut derived = Derived::default();
        derived.fill(dossier, key.today);
        let texts = key.language.texts();
        derived.axis = axis::layout(dossier, texts, key.today, &derived.timeliness, width);
        derived
    }

    fn fill(&mut self, dossier: &Dossier, today: Date) {
        self.entries = chronological(dossier);
        self.question_index = dossier
            .questions
            .iter()
            .enumerate()
            .map(|(at, q)| (q.id, at))
            .collect();
        self.event_index = dossier
            .events
            .iter()
            .enumerate()
            .map(|(at, e)| (e.id, at))
            .collect();
        self.search = dossier.questions.iter().map(search_text).collect();
        self.event_search = dossier.events.iter().map(list::event_search_text).collect();
        let mut calendar = WorkingDays::new(&dossier.settings.holidays);
        self.timeliness = dossier
            .questions
            .iter()
            .map(|q| timeliness_in(&mut calendar, q, &dossier.settings, today))
            .collect();
        self.cited_by = citations(dossier);
        self.threads = threads(dossier);
        self.thread_of = self
            .threads
            .iter()
            .enumerate()
            .flat_map(|(at, thread)| thread.iter().map(move |id| (*id, at)))
            .collect();
        self.figures = figures(dossier);
        let mut questioners: Vec<String> = dossier
            .questions
            .iter()
            .filter_map(|q| q.questioner.clone())
            .collect();
        questioners.sort();
        questioners.dedup();
        self.questioners = questioners;
        let mut ministers: Vec<String> = dossier
            .questions
            .iter()
            .filter_map(|q| q.minister_name().map(str::to_string))
            .collect();
        ministers.sort();
        ministers.dedup();
        self.ministers = ministers;
    }

    /// Whether the questions and events still stand where they stood when it was made,
    /// so that its lists by position still point at the right ones.
    fn still_fits(&self, dossier: &Dossier) -> bool {
        self.search.len() == dossier.questions.len()
            && self.event_search.len() == dossier.events.len()
            && dossier
                .questions
                .iter()
                .enumerate()
                .all(|(at, q)| self.question_index.get(&q.id) == Some(&at))
            && dossier
                .events
                .iter()
                .enumerate()
                .all(|(at, e)| self.event_index.get(&e.id) == Some(&at))
    }
}

impl Derived {
    /// The question with this id and where it stands, without a walk through the list.
    fn question<'d>(&self, dossier: &'d Dossier, id: QuestionId) -> Option<(usize, &'d Question)> {
        let at = *self.question_index.get(&id)?;
        dossier.questions.get(at).filter(|q| q.id == id).map(|q| (at, q))
    }

    fn event<'d>(&self, dossier: &'d Dossier, id: EventId) -> Option<&'d Event> {
        let at = *self.event_index.get(&id)?;
        dossier.events.get(at).filter(|e| e.id == id)
    }
}

#[derive(Debug, Default)]
pub struct TimelineView {
    pub selection: Option<Selection>,
    pub filter: Filter,
    derived: WorkedOut<Derived>,
    list: list::ListState,
    axis: axis::AxisState,
    editor: editor::EditorState,
    figures_rows: figures::FiguresRows,
    detail: detail::DetailState,
    /// What the detail showed last frame: a newly selected item opens at its top.
    shown_in_detail: Option<Selection>,
}

impl TimelineView {
    /// Whether its figures are being worked out off the frame.
    pub fn is_working_out(&self) -> bool {
        self.derived.is_coming()
    }

    /// Selects a question or an event and scrolls the list to it (when the filter shows it).
    pub fn reveal(&mut self, selection: Selection) {
        self.selection = Some(selection);
        self.list.reveal = Some(selection);
    }

    /// The view as a slide keeps it, and a name for it: the selected question's.
    pub fn slide_view(&self, dossier: &Dossier, texts: &Texts) -> (SlideView, String) {
        let question = match self.selection {
            Some(Selection::Question(id)) => Some(id),
            _ => None,
        };
        let name = question
            .and_then(|id| dossier.questions.iter().find(|q| q.id == id))
            .map_or_else(
                || texts.tab_timeline.to_string(),
                |q| {
                    format!(
                        "{} {}",
                        q.short_name().unwrap_or_default(),
                        q.title.as_deref().unwrap_or(texts.no_title)
                    )
                },
            );
        let view = SlideView {
            search: self.filter.text.clone(),
            from: self.filter.from.clone(),
            to: self.filter.to.clone(),
            question,
            ..SlideView::default()
        };
        (view, name.trim().to_string())
    }

    pub fn show_slide(&mut self, slide: &SlideView) {
        self.filter = Filter {
            text: slide.search.clone(),
            from: slide.from.clone(),
            to: slide.to.clone(),
            ..Filter::default()
        };
        if let Some(question) = slide.question {
            self.selection = Some(Selection::Question(question));
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewContext<'_>, commands: &mut Commands) {
        // Held apart while the frame draws with what it holds.
        let mut worked = std::mem::take(&mut self.derived);
        self.tab_ui(ui, view, &mut worked, commands);
        self.derived = worked;
    }

    fn tab_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewContext<'_>,
        worked: &mut WorkedOut<Derived>,
        commands: &mut Commands,
    ) {
        let width = ui.available_width().max(200.0);
        let ready = worked.get(
            ui.ctx(),
            view,
            move |dossier, key| Derived::work_out(dossier, key, width),
            Derived::still_fits,
        );
        let (derived, fresh) = match ready {
            Ready::Fresh(derived) => (derived, true),
            Ready::Earlier(derived) => (derived, false),
            Ready::Coming => {
                let count = view.dossier.questions.len();
                coming_ui(ui, &view.texts.work.working_out(count));
                return;
            }
        };
        if self.selection.is_none() {
            self.selection = first_selection(view);
        }
        let axis_height = if view.presenting { 360.0 } else { 290.0 };
        egui::Panel::top("timeline_axis")
            .resizable(true)
            .default_size(axis_height)
            .show(ui, |ui| {
                axis::axis_ui(ui, view, derived, &mut self.axis, &mut self.selection);
            });
        egui::Panel::left("timeline_list")
            .resizable(true)
            .default_size(ui.available_width() * 0.4)
            .show(ui, |ui| {
                list::list_ui(
                    ui,
                    view,
                    derived,
                    &mut self.list,
                    &mut self.filter,
                    &mut self.selection,
                    commands,
                );
            });
        egui::CentralPanel::default().show(ui, |ui| {
            let mut scroll = egui::ScrollArea::vertical()
                .id_salt("timeline_detail")
                .auto_shrink([false, false]);
            if self.shown_in_detail != self.selection {
                scroll = scroll.vertical_scroll_offset(0.0);
                self.shown_in_detail = self.selection;
            }
            scroll.show(ui, |ui| {
                ui.add_space(4.0);
                self.detail_ui(ui, view, derived, commands);
            });
        });
        if !fresh {
            // Made from earlier figures: made again from the fresh ones when they come.
            self.list.forget();
            self.axis.forget();
        }
    }

    fn detail_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewContext<'_>,
        derived: &Derived,
        commands: &mut Commands,
    ) {
        let query = self.filter.text.trim().to_string();
        match self.selection {
            Some(Selection::Question(id)) => {
                let Some((index, question)) = derived.question(view.dossier, id) else {
                    self.selection = None;
                    return;
                };
                if self.editor.editing == Some(Selection::Question(id)) && !view.presenting {
                    editor::question_editor_ui(
                        ui,
                        view,
                        question,
                        &mut self.editor,
                        &mut self.selection,
                        commands,
                    );
                } else {
                    let state = derived.timeliness.get(index).copied().flatten();
                    if detail::question_ui(
                        ui,
                        view,
                        derived,
                        question,
                        state,
                        &query,
                        &mut self.detail,
                        &mut self.selection,
                        commands,
                    ) {
                        self.editor.open(Selection::Question(id));
                    }
                }
            }
            Some(Selection::Event(id)) => {
                let Some(event) = derived.event(view.dossier, id) else {
                    self.selection = None;
                    return;
                };
                if self.editor.editing == Some(Selection::Event(id)) && !view.presenting {
                    editor::event_editor_ui(ui, view, event, &mut self.editor, &mut self.selection, commands);
                } else if detail::event_ui(ui, view, event, &mut self.selection) {
                    self.editor.open(Selection::Event(id));
                }
            }
            Some(Selection::Figures) => {
                figures::figures_ui(
                    ui,
                    view,
                    derived,
                    &mut self.editor,
                    &mut self.figures_rows,
                    &mut self.selection,
                    commands,
                );
            }
            None => {
                ui.label(egui::RichText::new(view.texts.choose_question).weak());
            }
        }
    }
}

/// The latest dated question, the one a reader most likely wants first.
fn first_selection(view: &ViewContext<'_>) -> Option<Selection> {
    let questions = &view.dossier.questions;
    questions
        .iter()
        .filter(|q| q.date.is_some())
        .max_by_key(|q| q.date)
        .or_else(|| questions.first())
        .map(|q| Selection::Question(q.id))
}

/// Questions by date asked and events by first day; undated questions last.
fn chronological(dossier: &Dossier) -> Vec<Entry> {
    let mut keyed: Vec<(Option<Date>, Entry)> = dossier
        .questions
        .iter()
        .enumerate()
        .map(|(index, question)| (question.date, Entry::Question(index)))
        .chain(
            dossier
                .events
                .iter()
                .enumerate()
                .map(|(index, event)| (Some(event.when.first_day()), Entry::Event(index))),
        )
        .collect();
    keyed.sort_by_key(|(date, _)| (date.is_none(), *date));
    keyed.into_iter().map(|(_, entry)| entry).collect()
}
