//! Editing questions and events. Each field keeps what is typed in a buffer and commits
//! it as one edit on Enter or when the field loses focus; input that does not read is
//! marked in place with the reason, and the stored value stays as it was.

use egui::{RichText, Ui};
use jiff::civil::Date;

use super::Selection;
use super::list::kind_name;
use crate::i18n::DateText as _;
use crate::i18n::Texts;
use crate::model::calendar::{PartialDate, When};
use crate::model::edit::Edit;
use crate::model::event::{Event, EventKind};
use crate::model::question::{
    Answer, AnswerPart, Minister, Question, QuestionReference, SubQuestion, SubQuestionRole,
};
use crate::ui::fields::FieldBuffers;
use crate::ui::{Commands, ViewContext, theme};

#[derive(Debug, Default)]
pub(super) struct EditorState {
    /// The question or event being edited.
    pub editing: Option<Selection>,
    fields: FieldBuffers,
    confirm_delete: bool,
    /// Name, rule and problem of the holiday being added in the settings.
    holiday: (String, String, Option<String>),
}

impl EditorState {
    pub(super) fn new_holiday(&mut self) -> (&mut String, &mut String, &mut Option<String>) {
        let (name, rule, error) = &mut self.holiday;
        (name, rule, error)
    }

    pub(super) fn open(&mut self, what: Selection) {
        self.editing = Some(what);
        self.fields.clear();
        self.confirm_delete = false;
    }

    fn close(&mut self) {
        self.editing = None;
        self.fields.clear();
        self.confirm_delete = false;
    }

    fn restructured(&mut self) {
        self.fields.forget_settled();
    }
}

fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

fn read_number(text: &str, texts: &Texts) -> Result<Option<u32>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse().map(Some).map_err(|_| texts.bad_number.to_string())
}

/// A question's or an answer's date: a day, or nothing (unknown).
fn read_day(text: &str, texts: &Texts) -> Result<Option<Date>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    match PartialDate::parse_typed(text) {
        Ok(PartialDate::Day(date)) => Ok(Some(date)),
        Ok(_) => Err(texts.need_a_day.to_string()),
        Err(error) => Err(error.to_string()),
    }
}

fn day_text(date: Option<Date>) -> String {
    date.map(crate::model::calendar::format_day_short)
        .unwrap_or_default()
}

pub(super) fn question_editor_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    question: &Question,
    state: &mut EditorState,
    selection: &mut Option<Selection>,
    commands: &mut Commands,
) {
    let texts = view.texts;
    let key = |name: &str| format!("q{}.{name}", question.id);
    let mut changed: Option<Question> = None;
    let mut change = |apply: &mut dyn FnMut(&mut Question)| {
        let mut copy = changed.take().unwrap_or_else(|| question.clone());
        apply(&mut copy);
        changed = Some(copy);
    };
    header_ui(ui, texts, texts.edit_question, state);

    if let Some(text) = state.fields.field(
        ui,
        &key("number"),
        texts.number,
        &question.number.map(|n| n.to_string()).unwrap_or_default(),
        false,
    ) {
        match read_number(&text, texts) {
            Ok(number) => change(&mut |q| q.number = number),
            Err(error) => state.fields.refuse(&key("number"), error),
        }
    }
    if let Some(text) = state.fields.field(
        ui,
        &key("date"),
        texts.date_asked,
        &day_text(question.date),
        false,
    ) {
        match read_day(&text, texts) {
            Ok(date) => change(&mut |q| q.date = date),
            Err(error) => state.fields.refuse(&key("date"), error),
        }
    }
    if let Some(text) = state.fields.field(
        ui,
        &key("questioner"),
        texts.questioner,
        question.questioner.as_deref().unwrap_or_default(),
        false,
    ) {
        change(&mut |q| q.questioner = optional(&text));
    }
    let minister = question.minister.as_ref();
    if let Some(text) = state.fields.field(
        ui,
        &key("minister"),
        texts.minister,
        minister.map_or("", |m| m.name.as_str()),
        false,
    ) {
        change(&mut |q| q.minister = set_minister_name(q.minister.take(), &text));
    }
    if let Some(text) = state.fields.field(
        ui,
        &key("title"),
        texts.title,
        question.title.as_deref().unwrap_or_default(),
        false,
    ) {
        change(&mut |q| q.title = optional(&text));
    }
    if let Some(text) = state
        .fields
        .field(ui, &key("preamble"), texts.preamble, &question.preamble, true)
    {
        change(&mut |q| q.preamble = text.trim().to_string());
    }
    if let Some(text) = state.fields.field(
        ui,
        &key("note"),
        texts.note,
        question.note.as_deref().unwrap_or_default(),
        true,
    ) {
        change(&mut |q| q.note = optional(&text));
    }

    crate::ui::widgets::section_heading(ui, texts.sub_questions);
    let mut restructure: Option<Question> = None;
    for (index, sub) in question.sub_questions.iter().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let label_key = key(&format!("sub{index}.label"));
            if let Some(text) = state.fields.field(ui, &label_key, texts.label, &sub.label, false) {
                let text = text.trim().to_string();
                if text.is_empty() || question.sub_questions.iter().any(|other| other.label == text) {
                    state.fields.refuse(&label_key, texts.label_taken.to_string());
                } else {
                    let old = sub.label.clone();
                    change(&mut |q| {
                        q.sub_questions[index].label = text.clone();
                        // Answer items follow the renamed label.
                        for part in q.answer.iter_mut().flat_map(|a| a.parts.iter_mut()) {
                            for covered in &mut part.covers {
                                if *covered == old {
                                    covered.clone_from(&text);
                                }
                            }
                        }
                    });
                }
            }
            if let Some(text) =
                state
                    .fields
                    .field(ui, &key(&format!("sub{index}.text")), texts.text, &sub.text, true)
            {
                change(&mut |q| q.sub_questions[index].text = text.trim().to_string());
            }
            ui.horizontal(|ui| {
                let mut introduces = sub.role == SubQuestionRole::Introduces;
                if ui.checkbox(&mut introduces, texts.introduces).changed() {
                    change(&mut |q| {
                        q.sub_questions[index].role = if introduces {
                            SubQuestionRole::Introduces
                        } else {
                            SubQuestionRole::Asks
                        };
                    });
                }
                if index > 0 && ui.small_button(texts.move_up).clicked() {
                    let mut copy = question.clone();
                    copy.sub_questions.swap(index, index - 1);
                    restructure = Some(copy);
                }
                let covered = question.answers_to(&sub.label).next().is_some();
                let remove = ui.add_enabled(!covered, egui::Button::new(texts.remove).small());
                let remove = if covered {
                    remove.on_disabled_hover_text(texts.remove_covered)
                } else {
                    remove
                };
                if remove.clicked() {
                    let mut copy = question.clone();
                    copy.sub_questions.remove(index);
                    restructure = Some(copy);
                }
            });
        });
    }
    if ui.button(texts.add_sub_question).clicked() {
        let mut copy = question.clone();
        let label = next_label(&copy);
        copy.sub_questions.push(SubQuestion {
            label,
            text: String::new(),
            role: SubQuestionRole::Asks,
            status: None,
        });
        restructure = Some(copy);
    }

    crate::ui::widgets::section_heading(ui, texts.answer);
    let mut has_answer = question.answer.is_some();
    if ui.checkbox(&mut has_answer, texts.has_answer).changed() {
        let mut copy = question.clone();
        copy.answer = has_answer.then(|| Answer {
            date: None,
            minister: None,
            parts: Vec::new(),
            attachments: Vec::new(),
        });
        restructure = Some(copy);
    }
    if let Some(answer) = &question.answer {
        if let Some(text) = state.fields.field(
            ui,
            &key("answer.date"),
            texts.answer_date,
            &day_text(answer.date),
            false,
        ) {
            match read_day(&text, texts) {
                Ok(date) => change(&mut |q| {
                    if let Some(a) = q.answer.as_mut() {
                        a.date = date;
                    }
                }),
                Err(error) => state.fields.refuse(&key("answer.date"), error),
            }
        }
        let signed = answer.minister.as_ref().map_or("", |m| m.name.as_str());
        if let Some(text) = state
            .fields
            .field(ui, &key("answer.minister"), texts.answered_by, signed, false)
        {
            change(&mut |q| {
                if let Some(a) = q.answer.as_mut() {
                    a.minister = set_minister_name(a.minister.take(), &text);
                }
            });
        }
        for (index, part) in answer.parts.iter().enumerate() {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                if let Some(text) = state.fields.field(
                    ui,
                    &key(&format!("part{index}.label")),
                    texts.printed_label,
                    &part.printed_label,
                    false,
                ) {
                    change(&mut |q| {
                        if let Some(a) = q.answer.as_mut() {
                            a.parts[index].printed_label = text.trim().to_string();
                        }
                    });
                }
                let covers_key = key(&format!("part{index}.covers"));
                if let Some(text) =
                    state
                        .fields
                        .field(ui, &covers_key, texts.covers, &part.covers.join(", "), false)
                {
                    let covers: Vec<String> = text
                        .split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect();
                    let unknown = covers.iter().find(|c| {
                        !question
                            .sub_questions
                            .iter()
                            .any(|sub| crate::model::question::label_covers(c, &sub.label))
                    });
                    match unknown {
                        Some(label) => state.fields.refuse(&covers_key, texts.no_such_label(label)),
                        None => change(&mut |q| {
                            if let Some(a) = q.answer.as_mut() {
                                a.parts[index].covers.clone_from(&covers);
                            }
                        }),
                    }
                }
                if let Some(text) = state.fields.field(
                    ui,
                    &key(&format!("part{index}.text")),
                    texts.text,
                    &part.text,
                    true,
                ) {
                    change(&mut |q| {
                        if let Some(a) = q.answer.as_mut() {
                            a.parts[index].text = text.trim().to_string();
                        }
                    });
                }
                if ui.small_button(texts.remove).clicked() {
                    let mut copy = question.clone();
                    if let Some(a) = copy.answer.as_mut() {
                        a.parts.remove(index);
                    }
                    restructure = Some(copy);
                }
            });
        }
        if ui.button(texts.add_answer_item).clicked() {
            let mut copy = question.clone();
            if let Some(a) = copy.answer.as_mut() {
                a.parts.push(AnswerPart {
                    printed_label: String::new(),
                    covers: Vec::new(),
                    text: String::new(),
                });
            }
            restructure = Some(copy);
        }
    }

    crate::ui::widgets::section_heading(ui, texts.cites);
    for (index, reference) in question.references.iter().enumerate() {
        ui.horizontal(|ui| {
            let number_key = key(&format!("ref{index}.number"));
            if let Some(text) = state.fields.field(
                ui,
                &number_key,
                texts.cited_number,
                &reference.number.to_string(),
                false,
            ) {
                match read_number(&text, texts) {
                    Ok(Some(number)) => change(&mut |q| q.references[index].number = number),
                    Ok(None) | Err(_) => state.fields.refuse(&number_key, texts.bad_number.to_string()),
                }
            }
            let date_key = key(&format!("ref{index}.date"));
            if let Some(text) =
                state
                    .fields
                    .field(ui, &date_key, texts.cited_date, &day_text(reference.date), false)
            {
                match read_day(&text, texts) {
                    Ok(date) => change(&mut |q| q.references[index].date = date),
                    Err(error) => state.fields.refuse(&date_key, error),
                }
            }
            if ui.small_button(texts.remove).clicked() {
                let mut copy = question.clone();
                copy.references.remove(index);
                restructure = Some(copy);
            }
        });
    }
    if ui.button(texts.add_reference).clicked() {
        let mut copy = question.clone();
        copy.references.push(QuestionReference {
            number: 1,
            date: None,
            source: None,
        });
        restructure = Some(copy);
    }

    ui.add_space(12.0);
    delete_ui(ui, texts, state, || {
        *selection = None;
        commands.push(Edit::RemoveQuestion(question.id));
    });
    if let Some(copy) = restructure {
        state.restructured();
        commands.push(Edit::ReplaceQuestion(Box::new(copy)));
    } else if let Some(copy) = changed {
        commands.push(Edit::ReplaceQuestion(Box::new(copy)));
    }
}

/// The editor's title, its Done button and how changes count.
fn header_ui(ui: &mut Ui, texts: &Texts, title: &str, state: &mut EditorState) {
    ui.horizontal(|ui| {
        ui.heading(title);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(texts.done).clicked() {
                state.close();
            }
        });
    });
    ui.label(RichText::new(texts.commit_hint).small().weak());
    ui.add_space(6.0);
}

fn delete_ui(ui: &mut Ui, texts: &Texts, state: &mut EditorState, delete: impl FnOnce()) {
    let bad = theme::palette(ui.visuals().dark_mode).bad;
    if state.confirm_delete {
        ui.horizontal(|ui| {
            ui.label(RichText::new(texts.really_delete).color(bad));
            if ui.button(texts.delete).clicked() {
                state.close();
                delete();
            }
            if ui.button(texts.keep).clicked() {
                state.confirm_delete = false;
            }
        });
    } else if ui.button(RichText::new(texts.delete).color(bad)).clicked() {
        state.confirm_delete = true;
    }
}

fn set_minister_name(minister: Option<Minister>, name: &str) -> Option<Minister> {
    let name = optional(name)?;
    Some(match minister {
        Some(minister) => Minister { name, ..minister },
        None => Minister { name, title: None },
    })
}

/// The next free number label: after `3.d` comes `4`.
fn next_label(question: &Question) -> String {
    let highest = question
        .sub_questions
        .iter()
        .filter_map(|sub| sub.label.split('.').next()?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    (highest + 1).to_string()
}

pub(super) fn event_editor_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    event: &Event,
    state: &mut EditorState,
    selection: &mut Option<Selection>,
    commands: &mut Commands,
) {
    let texts = view.texts;
    let key = |name: &str| format!("e{}.{name}", event.id);
    let mut changed: Option<Event> = None;
    let mut change = |apply: &mut dyn FnMut(&mut Event)| {
        let mut copy = changed.take().unwrap_or_else(|| event.clone());
        apply(&mut copy);
        changed = Some(copy);
    };
    header_ui(ui, texts, texts.edit_event, state);
    let mut kind = event.kind;
    egui::ComboBox::from_label(texts.kind)
        .selected_text(kind_name(kind, texts))
        .show_ui(ui, |ui| {
            for option in EventKind::ALL {
                ui.selectable_value(&mut kind, option, kind_name(option, texts));
            }
        });
    if kind != event.kind {
        change(&mut |e| e.kind = kind);
    }
    let when_key = key("when");
    if let Some(text) = state
        .fields
        .field(ui, &when_key, texts.when, &typed_when(event.when), false)
    {
        match When::parse_typed(&text) {
            Ok(when) => change(&mut |e| e.when = when),
            Err(error) => state.fields.refuse(&when_key, error.to_string()),
        }
    }
    ui.label(RichText::new(texts.when_hint).small().weak());
    if let Some(text) = state
        .fields
        .field(ui, &key("printed"), texts.as_printed, &event.printed, false)
    {
        change(&mut |e| e.printed = text.trim().to_string());
    }
    if let Some(text) = state
        .fields
        .field(ui, &key("title"), texts.title, &event.title, false)
    {
        change(&mut |e| e.title = text.trim().to_string());
    }
    let mut linked = event.question;
    let name_of = |id| {
        view.dossier.question(id).map_or_else(String::new, |q| {
            format!(
                "{} {}",
                q.short_name().unwrap_or_default(),
                q.title.as_deref().unwrap_or(texts.no_title)
            )
        })
    };
    egui::ComboBox::from_label(texts.about_question)
        .selected_text(linked.map_or_else(|| texts.none.to_string(), name_of))
        .width(360.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut linked, None, texts.none);
            for question in &view.dossier.questions {
                ui.selectable_value(&mut linked, Some(question.id), name_of(question.id));
            }
        });
    if linked != event.question {
        change(&mut |e| e.question = linked);
    }
    if let Some(text) = state.fields.field(
        ui,
        &key("note"),
        texts.note,
        event.note.as_deref().unwrap_or_default(),
        true,
    ) {
        change(&mut |e| e.note = optional(&text));
    }
    ui.add_space(12.0);
    delete_ui(ui, texts, state, || {
        *selection = None;
        commands.push(Edit::RemoveEvent(event.id));
    });
    if let Some(copy) = changed {
        commands.push(Edit::ReplaceEvent(Box::new(copy)));
    }
}

/// A date or period the way it is typed back: `27/06/2018`, `juni 2018` …
fn typed_when(when: When) -> String {
    let one = |date: PartialDate| match date {
        PartialDate::Day(day) => crate::model::calendar::format_day_short(day),
        other => other.display(crate::i18n::Language::Dutch),
    };
    match when {
        When::On(date) => one(date),
        When::Period { from, to } => format!("{} – {}", one(from), one(to)),
    }
}
