//! The chronological list under the axis, with its filters and free-text search.

use crate::ui::kept_text::{KeptGalleys, TextLook, line_text_width, selectable_line_ui};
use crate::ui::memo::{DerivedKey, Memo};
use egui::text::LayoutJob;
use egui::{RichText, TextFormat, Ui};

use super::{Derived, Entry, Selection};
use crate::i18n::DateText as _;
use crate::i18n::Texts;
pub use crate::i18n::kind_name;
use crate::model::analysis::{AnswerShare, Timeliness};
use crate::model::calendar::{PartialDate, When, format_day_short};
use crate::model::dossier::{EventId, QuestionId};
use crate::model::edit::Edit;
use crate::model::event::{Event, EventKind};
use crate::model::question::{Coverage, Question};
use crate::model::text::fold;
pub(super) use crate::ui::widgets::highlighted;
use crate::ui::{Commands, ViewContext, theme};

/// Which questions to show by how they were answered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum StatusFilter {
    #[default]
    Any,
    /// Every sub-question answered.
    Answered,
    /// Answered, but some sub-questions referred, deferred or not answered.
    Partly,
    /// No answer in the dossier.
    Unanswered,
    /// Not answered within the deadline.
    Overdue,
}

impl StatusFilter {
    pub const ALL: [StatusFilter; 5] = [
        StatusFilter::Any,
        StatusFilter::Answered,
        StatusFilter::Partly,
        StatusFilter::Unanswered,
        StatusFilter::Overdue,
    ];

    pub fn name(self, texts: &Texts) -> &'static str {
        match self {
            StatusFilter::Any => texts.filter_any_status,
            StatusFilter::Answered => texts.answered_all,
            StatusFilter::Partly => texts.filter_partly,
            StatusFilter::Unanswered => texts.unanswered,
            StatusFilter::Overdue => texts.overdue,
        }
    }
}

/// The filters of the list; empty fields filter nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    pub text: String,
    pub questioner: Option<String>,
    pub minister: Option<String>,
    pub status: StatusFilter,
    pub from: String,
    pub to: String,
}

impl Filter {
    fn about_questions_only(&self) -> bool {
        self.questioner.is_some() || self.minister.is_some() || self.status != StatusFilter::Any
    }
}

/// The filtered list, kept until the filter or the dossier changes.
#[derive(Debug, Default)]
pub(super) struct ListState {
    made_for: Memo<Filter>,
    shown: Vec<Entry>,
    from_error: Option<String>,
    to_error: Option<String>,
    /// The row the arrow keys moved to, to be scrolled into view.
    scroll_to: Option<usize>,
    /// An entry to scroll into view once the list is filtered (from Find).
    pub(super) reveal: Option<Selection>,
    /// The lines on screen, laid out.
    lines: KeptGalleys<Entry>,
}

impl ListState {
    /// Makes the shown list again at the next frame.
    pub(super) fn forget(&mut self) {
        self.made_for = Memo::default();
    }
}

/// The arrow keys walk the list, when the keyboard is not in a text field: one step a
/// press, from the selected entry (or from the first or the last).
fn arrow_keys(ui: &Ui, view: &ViewContext<'_>, state: &mut ListState, selection: &mut Option<Selection>) {
    let typing = ui
        .ctx()
        .memory(|memory| memory.focused())
        .is_some_and(|id| egui::text_edit::TextEditState::load(ui.ctx(), id).is_some());
    if typing || view.presenting || state.shown.is_empty() {
        return;
    }
    let steps = ui.input_mut(|i| {
        i.count_and_consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown) as isize
            - i.count_and_consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp) as isize
    });
    if steps == 0 {
        return;
    }
    let last = state.shown.len() - 1;
    let current = selection.and_then(|s| {
        state
            .shown
            .iter()
            .position(|entry| selection_of(view, *entry) == s)
    });
    let next = match current {
        Some(at) => at.saturating_add_signed(steps).min(last),
        None if steps > 0 => 0,
        None => last,
    };
    *selection = Some(selection_of(view, state.shown[next]));
    state.scroll_to = Some(next);
}

/// What selecting a list entry shows.
fn selection_of(view: &ViewContext<'_>, entry: Entry) -> Selection {
    match entry {
        Entry::Question(index) => Selection::Question(view.dossier.questions[index].id),
        Entry::Event(index) => Selection::Event(view.dossier.events[index].id),
    }
}

pub(super) fn list_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    derived: &Derived,
    state: &mut ListState,
    filter: &mut Filter,
    selection: &mut Option<Selection>,
    commands: &mut Commands,
) {
    let texts = view.texts;
    ui.add_space(6.0);
    if !view.presenting {
        filters_ui(ui, view, derived, state, filter);
        ui.horizontal(|ui| {
            if ui.button(texts.new_question).clicked() {
                let question = new_question(view, texts);
                *selection = Some(Selection::Question(question.id));
                commands.push(Edit::InsertQuestion {
                    index: view.dossier.questions.len(),
                    question: Box::new(question),
                    relink: Vec::new(),
                });
            }
            if ui.button(texts.new_event).clicked() {
                let event = new_event(view, texts);
                *selection = Some(Selection::Event(event.id));
                commands.push(Edit::InsertEvent {
                    index: view.dossier.events.len(),
                    event: Box::new(event),
                });
            }
            if ui
                .selectable_label(*selection == Some(Selection::Figures), texts.figures)
                .clicked()
            {
                *selection = Some(Selection::Figures);
            }
        });
        ui.separator();
    }
    refresh(view, derived, state, filter);
    if !view.presenting {
        let total = derived.entries.len();
        ui.label(
            RichText::new(texts.shown_of(state.shown.len(), total))
                .small()
                .weak(),
        );
    }
    arrow_keys(ui, view, state, selection);
    if let Some(wanted) = state.reveal.take() {
        state.scroll_to = state
            .shown
            .iter()
            .position(|entry| selection_of(view, *entry) == wanted);
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let query = filter.text.trim();
    let mut scroll = egui::ScrollArea::vertical()
        .id_salt("timeline_list_scroll")
        .auto_shrink([false, false]);
    if let Some(row) = state.scroll_to.take() {
        // The row in the middle of the list, as far as the list allows.
        let pitch = row_height + ui.spacing().item_spacing.y;
        let middle = (ui.available_height() - pitch) / 2.0;
        scroll = scroll.vertical_scroll_offset((row as f32 * pitch - middle).max(0.0));
    }
    let lines = &mut state.lines;
    scroll.show_rows(ui, row_height, state.shown.len(), |ui, range| {
        let width = line_text_width(ui);
        lines.begin(
            ui,
            (DerivedKey::of(view), query, width.to_bits(), TextLook::of(ui)),
        );
        for entry in &state.shown[range] {
            let lay_out = |ui: &Ui| {
                let mut job = entry_line(ui, view, derived, *entry, query);
                job.wrap = egui::text::TextWrapping::truncate_at_width(width);
                ui.ctx().fonts_mut(|fonts| fonts.layout_job(job))
            };
            let target = selection_of(view, *entry);
            let selected = *selection == Some(target);
            let min_size = egui::vec2(ui.available_width(), row_height - 2.0);
            if selectable_line_ui(ui, (lines, *entry), lay_out, selected, min_size).clicked() {
                *selection = Some(target);
            }
        }
    });
}

fn filters_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    derived: &Derived,
    state: &ListState,
    filter: &mut Filter,
) {
    let texts = view.texts;
    ui.horizontal(|ui| {
        let label = ui.label(texts.search);
        ui.add(
            egui::TextEdit::singleline(&mut filter.text)
                .hint_text(texts.search_hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    ui.horizontal_wrapped(|ui| {
        choice_ui(
            ui,
            texts.questioner,
            &mut filter.questioner,
            &derived.questioners,
            texts,
        );
        choice_ui(
            ui,
            texts.minister,
            &mut filter.minister,
            &derived.ministers,
            texts,
        );
        let label = ui.label(texts.answer_state);
        egui::ComboBox::from_id_salt("filter_status")
            .selected_text(filter.status.name(texts))
            .show_ui(ui, |ui| {
                for status in StatusFilter::ALL {
                    ui.selectable_value(&mut filter.status, status, status.name(texts));
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        for (label, text) in [
            (texts.date_from, &mut filter.from),
            (texts.date_to, &mut filter.to),
        ] {
            let label = ui.label(label);
            ui.add(
                egui::TextEdit::singleline(text)
                    .desired_width(120.0)
                    // A hint that does not look like a value: the field is empty.
                    .hint_text(RichText::new(texts.date_filter_hint).italics()),
            )
            .labelled_by(label.id);
        }
        // Always there, so that filtering does not move what is beside it.
        let filtered = *filter != Filter::default();
        if ui
            .add_enabled(filtered, egui::Button::new(texts.clear_filters))
            .clicked()
        {
            *filter = Filter::default();
        }
    });
    let bad = theme::palette(ui.visuals().dark_mode).bad;
    for error in [&state.from_error, &state.to_error].into_iter().flatten() {
        ui.label(RichText::new(error).small().color(bad));
    }
}

fn choice_ui(ui: &mut Ui, label: &str, choice: &mut Option<String>, options: &[String], texts: &Texts) {
    let label_response = ui.label(label);
    egui::ComboBox::from_id_salt(label)
        .selected_text(choice.as_deref().unwrap_or(texts.filter_anyone))
        .show_ui(ui, |ui| {
            ui.selectable_value(choice, None, texts.filter_anyone);
            for option in options {
                ui.selectable_value(choice, Some(option.clone()), option);
            }
        })
        .response
        .labelled_by(label_response.id);
}

/// Redoes the filtering only when the filter, the dossier or the day changed.
fn refresh(view: &ViewContext<'_>, derived: &Derived, state: &mut ListState, filter: &Filter) {
    if state.made_for.is_fresh(view, filter) {
        return;
    }
    let bound = |text: &str| -> Result<Option<PartialDate>, String> {
        if text.trim().is_empty() {
            Ok(None)
        } else {
            PartialDate::parse_typed(text)
                .map(Some)
                .map_err(|error| error.to_string())
        }
    };
    let from = bound(&filter.from);
    let to = bound(&filter.to);
    state.from_error = from.as_ref().err().cloned();
    state.to_error = to.as_ref().err().cloned();
    let from = from.ok().flatten().map(PartialDate::first_day);
    let to = to.ok().flatten().map(PartialDate::last_day);
    let needle = fold(filter.text.trim());
    let dossier = view.dossier;
    // Typing on narrows what is shown already: a text that holds the longer query holds
    // the shorter one, so only the entries still shown need looking at.
    let narrowing = state.made_for.made_for().is_some_and(|(key, before)| {
        *key == DerivedKey::of(view)
            && Filter {
                text: String::new(),
                ..before.clone()
            } == Filter {
                text: String::new(),
                ..filter.clone()
            }
            && needle.contains(&fold(before.text.trim()))
    });
    // Built once a keystroke: it looks through all the text of a dossier at memory speed.
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let holds = |text: &str| needle.is_empty() || finder.find(text.as_bytes()).is_some();
    let candidates = if narrowing {
        std::mem::take(&mut state.shown)
    } else {
        derived.entries.clone()
    };
    state.shown = candidates
        .into_iter()
        .filter(|entry| match *entry {
            Entry::Question(index) => {
                let question = &dossier.questions[index];
                let in_range = match question.date {
                    Some(date) => from.is_none_or(|f| date >= f) && to.is_none_or(|t| date <= t),
                    None => from.is_none() && to.is_none(),
                };
                in_range
                    && holds(&derived.search[index])
                    && filter
                        .questioner
                        .as_ref()
                        .is_none_or(|name| question.questioner.as_ref() == Some(name))
                    && filter
                        .minister
                        .as_deref()
                        .is_none_or(|name| question.minister_name() == Some(name))
                    && status_matches(filter.status, question, derived.timeliness[index])
            }
            Entry::Event(index) => {
                let event = &dossier.events[index];
                !filter.about_questions_only()
                    && from.is_none_or(|f| event.when.last_day() >= f)
                    && to.is_none_or(|t| event.when.first_day() <= t)
                    && holds(&derived.event_search[index])
            }
        })
        .collect();
    state.made_for.remember(view, filter.clone());
}

/// Everything the search looks in for an event, folded.
pub(super) fn event_search_text(event: &Event) -> String {
    fold(&format!(
        "{}\n{}\n{}",
        event.title,
        event.printed,
        event.note.as_deref().unwrap_or_default()
    ))
}

fn status_matches(filter: StatusFilter, question: &Question, timeliness: Option<Timeliness>) -> bool {
    // The share reads the answers' wording, so it is only worked out when asked for.
    let share = || AnswerShare::of(question);
    match filter {
        StatusFilter::Any => true,
        StatusFilter::Answered => {
            question.answer.is_some() && {
                let share = share();
                share.asking > 0 && share.answered == share.asking
            }
        }
        StatusFilter::Partly => {
            question.answer.is_some() && {
                let share = share();
                share.answered < share.asking
            }
        }
        StatusFilter::Unanswered => question.answer.is_none() && question.coverage == Coverage::FullText,
        StatusFilter::Overdue => matches!(timeliness, Some(Timeliness::Overdue { .. })),
    }
}

/// A list line: date, kind, number and title, with the search matches marked.
fn entry_line(ui: &Ui, view: &ViewContext<'_>, derived: &Derived, entry: Entry, query: &str) -> LayoutJob {
    let texts = view.texts;
    let body = egui::TextStyle::Body.resolve(ui.style());
    let visuals = ui.visuals();
    let palette = theme::palette(visuals.dark_mode);
    let weak = visuals.weak_text_color();
    let strong = visuals.strong_text_color();
    let mut job = LayoutJob::default();
    let plain = |color| TextFormat::simple(body.clone(), color);
    match entry {
        Entry::Question(index) => {
            let question = &view.dossier.questions[index];
            let date = question
                .date
                .map_or_else(|| texts.no_date.to_string(), format_day_short);
            job.append(&date, 0.0, plain(weak));
            job.append("  ", 0.0, plain(weak));
            let name = question
                .short_name()
                .unwrap_or_else(|| texts.question_short.to_string());
            job.append(&name, 0.0, plain(strong));
            job.append("  ", 0.0, plain(weak));
            highlighted(
                &mut job,
                question.title.as_deref().unwrap_or(texts.no_title),
                query,
                plain(strong),
                visuals,
            );
            if matches!(derived.timeliness[index], Some(Timeliness::Overdue { .. })) {
                job.append(&format!("  {}", texts.overdue), 0.0, plain(palette.bad));
            }
            job
        }
        Entry::Event(index) => {
            let event = &view.dossier.events[index];
            let first = match event.when {
                When::On(date) | When::Period { from: date, .. } => date,
            };
            let date = match first {
                PartialDate::Day(day) => format_day_short(day),
                other => other.display(view.language),
            };
            job.append(&date, 0.0, plain(weak));
            job.append("  ", 0.0, plain(weak));
            job.append(
                kind_name(event.kind, texts),
                0.0,
                plain(kind_color(event.kind, visuals.dark_mode)),
            );
            job.append("  ", 0.0, plain(weak));
            highlighted(
                &mut job,
                &event.title,
                query,
                plain(visuals.text_color()),
                visuals,
            );
            job
        }
    }
}

pub(super) fn kind_color(kind: EventKind, dark: bool) -> egui::Color32 {
    let palette = theme::palette(dark);
    match kind {
        EventKind::Happened | EventKind::Planned => palette.accent,
        EventKind::Deadline => palette.bad,
        EventKind::Promise => palette.warn,
    }
}

fn new_question(view: &ViewContext<'_>, texts: &Texts) -> Question {
    Question {
        id: QuestionId(view.ids.next()),
        number: None,
        date: Some(view.today),
        questioner: None,
        minister: None,
        title: Some(texts.new_question.to_string()),
        coverage: Coverage::FullText,
        preamble: String::new(),
        sub_questions: Vec::new(),
        answer: None,
        references: Vec::new(),
        note: None,
        source: None,
    }
}

fn new_event(view: &ViewContext<'_>, texts: &Texts) -> Event {
    Event {
        id: EventId(view.ids.next()),
        kind: EventKind::Happened,
        when: When::On(PartialDate::Day(view.today)),
        printed: String::new(),
        title: texts.new_event.to_string(),
        question: None,
        note: None,
        sources: Vec::new(),
    }
}
