//! The question timeline: questions and dated events in time order, and the selected
//! question with the answer to each of its sub-questions.

use egui::text::LayoutJob;
use egui::{RichText, TextFormat, Ui};

use super::widgets::{self, chip, fact_label, facts_grid, section_heading, text_or_unknown};
use super::{DossierVersion, ViewContext, theme};
use crate::i18n::{Language, Texts, fill};
use crate::model::calendar::{PartialDate, format_day};
use crate::model::dossier::{EventId, QuestionId};
use crate::model::event::{Event, EventKind};
use crate::model::question::{Coverage, Question, SubQuestionRole};
use crate::model::{Dossier, question};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selection {
    Question(QuestionId),
    Event(EventId),
}

/// One line of the chronological list, by position in the dossier (valid for the
/// version the list was built for).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Entry {
    Question(usize),
    Event(usize),
}

#[derive(Debug, Default)]
pub struct TimelineView {
    pub selection: Option<Selection>,
    entries: Vec<Entry>,
    built_for: Option<DossierVersion>,
}

impl TimelineView {
    pub fn ui(&mut self, ui: &mut Ui, view: &ViewContext<'_>) {
        if self.built_for != Some(view.version) {
            self.entries = chronological(view.dossier);
            self.built_for = Some(view.version);
        }
        if self.selection.is_none() {
            // Start on the latest dated question, the one a reader most likely wants.
            let questions = &view.dossier.questions;
            self.selection = self
                .entries
                .iter()
                .rev()
                .filter_map(|entry| match entry {
                    Entry::Question(index) => Some(&questions[*index]),
                    Entry::Event(_) => None,
                })
                .find(|question| question.date.is_some())
                .or_else(|| questions.first())
                .map(|question| Selection::Question(question.id));
        }
        egui::Panel::left("timeline_list")
            .resizable(true)
            .default_size(ui.available_width() * 0.38)
            .show(ui, |ui| self.list_ui(ui, view));
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("timeline_detail")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.add_space(4.0);
                    match self.selection {
                        Some(Selection::Question(id)) => match view.dossier.question(id) {
                            Some(question) => self.question_ui(ui, view, question),
                            None => self.selection = None,
                        },
                        Some(Selection::Event(id)) => match view.dossier.events.iter().find(|e| e.id == id) {
                            Some(event) => self.event_ui(ui, view, event),
                            None => self.selection = None,
                        },
                        None => {
                            ui.label(RichText::new(view.texts.choose_question).weak());
                        }
                    }
                });
        });
    }

    fn list_ui(&mut self, ui: &mut Ui, view: &ViewContext<'_>) {
        let texts = view.texts;
        ui.add_space(6.0);
        ui.label(RichText::new(format!("{} · {}", texts.questions, texts.events)).strong());
        ui.add_space(4.0);
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        egui::ScrollArea::vertical()
            .id_salt("timeline_list_scroll")
            .auto_shrink([false, false])
            .show_rows(ui, row_height, self.entries.len(), |ui, range| {
                for entry in &self.entries[range] {
                    let (selection, job) = entry_line(ui, view, *entry);
                    let selected = self.selection == Some(selection);
                    let button = egui::Button::selectable(selected, job)
                        .truncate()
                        .min_size(egui::vec2(ui.available_width(), row_height - 2.0));
                    if ui.add(button).clicked() {
                        self.selection = Some(selection);
                    }
                }
            });
    }

    fn question_ui(&mut self, ui: &mut Ui, view: &ViewContext<'_>, question: &Question) {
        let (dossier, texts, language) = (view.dossier, view.texts, view.language);
        ui.horizontal_wrapped(|ui| {
            let name = question
                .short_name()
                .unwrap_or_else(|| texts.no_number.to_string());
            ui.label(RichText::new(name).strong());
            if let Some(date) = question.date {
                ui.label(RichText::new(format_day(date, language)).weak());
            }
            let (state, color) = answer_state(question, texts, ui.visuals().dark_mode);
            chip(ui, &state, color);
        });
        ui.label(RichText::new(question.title.as_deref().unwrap_or(texts.no_title)).heading());
        ui.add_space(6.0);
        facts_grid(ui, "question_facts", |ui| {
            fact_label(ui, texts.number);
            text_or_unknown(ui, question.number.map(|n| n.to_string()).as_deref(), texts);
            ui.end_row();
            fact_label(ui, texts.date_asked);
            text_or_unknown(
                ui,
                question.date.map(|d| format_day(d, language)).as_deref(),
                texts,
            );
            ui.end_row();
            fact_label(ui, texts.questioner);
            text_or_unknown(ui, question.questioner.as_deref(), texts);
            ui.end_row();
            fact_label(ui, texts.minister);
            minister_ui(ui, question.minister.as_ref(), texts);
            ui.end_row();
            if let Some(answer) = &question.answer {
                fact_label(ui, texts.answered_by);
                minister_ui(ui, answer.minister.as_ref(), texts);
                ui.end_row();
                fact_label(ui, texts.answer_date);
                text_or_unknown(ui, answer.date.map(|d| format_day(d, language)).as_deref(), texts);
                ui.end_row();
            }
        });
        if let Some(note) = &question.note {
            note_ui(ui, texts, note);
        }
        if question.coverage == Coverage::CitedOnly {
            ui.add_space(6.0);
            ui.label(RichText::new(texts.cited_only_long).italics());
        }
        if !question.preamble.is_empty() {
            section_heading(ui, texts.preamble);
            ui.label(&question.preamble);
        }
        if !question.sub_questions.is_empty() {
            section_heading(ui, texts.sub_questions);
            for sub in &question.sub_questions {
                sub_question_ui(ui, view, question, &sub.label, &sub.text, sub.role);
            }
        }
        let loose_parts: Vec<&question::AnswerPart> = question
            .answer
            .iter()
            .flat_map(|answer| &answer.parts)
            .filter(|part| part.covers.is_empty())
            .collect();
        if !loose_parts.is_empty() {
            section_heading(ui, texts.answer);
            for part in loose_parts {
                answer_part_ui(ui, texts, part);
            }
        }
        if question.answer.is_none() && question.coverage == Coverage::FullText {
            ui.label(RichText::new(texts.no_answer).weak());
        }
        if let Some(answer) = question.answer.as_ref().filter(|a| !a.attachments.is_empty()) {
            section_heading(ui, texts.attachments);
            for attachment in &answer.attachments {
                ui.label(format!("• {attachment}"));
            }
        }
        self.links_ui(ui, view, question);
        if let Some(source) = &question.source {
            section_heading(ui, texts.source);
            widgets::source_ui(ui, dossier, source, texts);
        }
    }

    /// The questions this one cites and those that cite it, as links that select them.
    fn links_ui(&mut self, ui: &mut Ui, view: &ViewContext<'_>, question: &Question) {
        let (dossier, texts) = (view.dossier, view.texts);
        if !question.references.is_empty() {
            section_heading(ui, texts.cites);
            for reference in &question.references {
                let date = reference
                    .date
                    .map(|d| format_day(d, view.language))
                    .unwrap_or_default();
                let label = format!("Q{} {date}", reference.number);
                match dossier.cited_question(reference) {
                    Some(cited) => {
                        if ui.link(label).clicked() {
                            self.selection = Some(Selection::Question(cited.id));
                        }
                    }
                    None => {
                        ui.label(format!("{label} ({})", texts.not_in_dossier));
                    }
                }
            }
        }
        let citing: Vec<&Question> = dossier.cited_by(question).collect();
        if !citing.is_empty() {
            section_heading(ui, texts.cited_by);
            for other in citing {
                let label = format!(
                    "{} {}",
                    other.short_name().unwrap_or_default(),
                    other.title.as_deref().unwrap_or(texts.no_title)
                );
                if ui.link(label).clicked() {
                    self.selection = Some(Selection::Question(other.id));
                }
            }
        }
    }

    fn event_ui(&mut self, ui: &mut Ui, view: &ViewContext<'_>, event: &Event) {
        let texts = view.texts;
        ui.horizontal(|ui| {
            ui.label(RichText::new(event.when.display(view.language)).strong());
            chip(
                ui,
                kind_name(event.kind, texts),
                kind_color(event.kind, ui.visuals().dark_mode),
            );
        });
        ui.label(RichText::new(&event.title).heading());
        ui.label(RichText::new(format!("“{}”", event.printed)).italics().weak());
        if let Some(note) = &event.note {
            note_ui(ui, texts, note);
        }
        if let Some(question) = event.question.and_then(|id| view.dossier.question(id)) {
            ui.add_space(6.0);
            let label = format!(
                "{} {}",
                question
                    .short_name()
                    .unwrap_or_else(|| texts.question_short.to_string()),
                question.title.as_deref().unwrap_or(texts.no_title)
            );
            if ui.link(label).clicked() {
                self.selection = Some(Selection::Question(question.id));
            }
        }
        for source in &event.sources {
            section_heading(ui, texts.source);
            widgets::source_ui(ui, view.dossier, source, texts);
        }
    }
}

fn sub_question_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    question: &Question,
    label: &str,
    text: &str,
    role: SubQuestionRole,
) {
    let texts = view.texts;
    egui::Frame::group(ui.style()).inner_margin(10.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(label).strong());
            ui.label(text);
        });
        if role == SubQuestionRole::Introduces {
            return;
        }
        let mut parts = question.answers_to(label).peekable();
        if parts.peek().is_none() {
            ui.label(RichText::new(texts.no_answer_item).italics().weak());
        }
        for part in parts {
            answer_part_ui(ui, texts, part);
        }
    });
    ui.add_space(4.0);
}

fn answer_part_ui(ui: &mut Ui, texts: &Texts, part: &question::AnswerPart) {
    let accent = theme::palette(ui.visuals().dark_mode).accent;
    ui.add_space(4.0);
    let shown = egui::Frame::new()
        .inner_margin(egui::Margin {
            left: 14,
            right: 0,
            top: 2,
            bottom: 2,
        })
        .show(ui, |ui| {
            let heading = if part.printed_label.is_empty() {
                texts.answer.to_string()
            } else {
                format!("{} {}", texts.answer, part.printed_label)
            };
            ui.label(RichText::new(heading).color(accent).strong());
            ui.label(&part.text);
        });
    // A bar along the answer's left edge, the height of the answer.
    let rect = shown.response.rect;
    ui.painter()
        .vline(rect.left() + 3.0, rect.y_range(), egui::Stroke::new(3.0, accent));
}

fn minister_ui(ui: &mut Ui, minister: Option<&question::Minister>, texts: &Texts) {
    match minister {
        Some(minister) => {
            let response = ui.label(&minister.name);
            if let Some(title) = &minister.title {
                response.on_hover_text(title);
            }
        }
        None => {
            widgets::unknown(ui, texts);
        }
    }
}

fn note_ui(ui: &mut Ui, texts: &Texts, note: &str) {
    ui.add_space(6.0);
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .corner_radius(4.0)
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(format!("{}: {note}", texts.note)).italics());
        });
}

/// Questions by date asked and events by first day; undated questions last.
fn chronological(dossier: &Dossier) -> Vec<Entry> {
    let mut keyed: Vec<(Option<jiff::civil::Date>, Entry)> = dossier
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

fn entry_line(ui: &Ui, view: &ViewContext<'_>, entry: Entry) -> (Selection, LayoutJob) {
    let texts = view.texts;
    let style = ui.style();
    let body = egui::TextStyle::Body.resolve(style);
    let weak = ui.visuals().weak_text_color();
    let strong = ui.visuals().strong_text_color();
    let dark = ui.visuals().dark_mode;
    let mut job = LayoutJob::default();
    let mut push = |text: &str, color: egui::Color32| {
        job.append(text, 0.0, TextFormat::simple(body.clone(), color));
    };
    match entry {
        Entry::Question(index) => {
            let question = &view.dossier.questions[index];
            push(
                &list_date(question.date.map(PartialDate::Day), view.language, texts),
                weak,
            );
            push("  ", weak);
            push(
                &question
                    .short_name()
                    .unwrap_or_else(|| texts.question_short.to_string()),
                strong,
            );
            push("  ", weak);
            push(question.title.as_deref().unwrap_or(texts.no_title), strong);
            (Selection::Question(question.id), job)
        }
        Entry::Event(index) => {
            let event = &view.dossier.events[index];
            let first = match event.when {
                crate::model::calendar::When::On(date)
                | crate::model::calendar::When::Period { from: date, .. } => date,
            };
            push(&list_date(Some(first), view.language, texts), weak);
            push("  ", weak);
            push(kind_name(event.kind, texts), kind_color(event.kind, dark));
            push("  ", weak);
            push(&event.title, ui.visuals().text_color());
            (Selection::Event(event.id), job)
        }
    }
}

fn list_date(date: Option<PartialDate>, language: Language, texts: &Texts) -> String {
    match date {
        Some(PartialDate::Day(day)) => crate::model::calendar::format_day_short(day),
        Some(other) => other.display(language),
        None => texts.no_date.to_string(),
    }
}

pub fn kind_name(kind: EventKind, texts: &Texts) -> &'static str {
    match kind {
        EventKind::Happened => texts.kind_happened,
        EventKind::Planned => texts.kind_planned,
        EventKind::Deadline => texts.kind_deadline,
        EventKind::Promise => texts.kind_promise,
    }
}

fn kind_color(kind: EventKind, dark: bool) -> egui::Color32 {
    let palette = theme::palette(dark);
    match kind {
        EventKind::Happened | EventKind::Planned => palette.accent,
        EventKind::Deadline => palette.bad,
        EventKind::Promise => palette.warn,
    }
}

/// "answered", "3 of 5 answered", "not answered" or "cited only", with a colour.
fn answer_state(question: &Question, texts: &Texts, dark: bool) -> (String, egui::Color32) {
    let palette = theme::palette(dark);
    if question.coverage == Coverage::CitedOnly {
        return (texts.cited_only.to_string(), palette.accent);
    }
    let asking = question.asking().count();
    let answered = question.answered_count();
    match (question.answer.is_some(), answered) {
        (false, _) | (true, 0) => (texts.unanswered.to_string(), palette.bad),
        _ if answered == asking => (texts.answered_all.to_string(), palette.good),
        _ => (
            fill(texts.answered_some, &[&answered.to_string(), &asking.to_string()]),
            palette.warn,
        ),
    }
}
