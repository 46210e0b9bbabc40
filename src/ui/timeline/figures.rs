//! The figures of the timeline: questions per questioner and per minister, how much was
//! really answered, the median answer time, the follow-up threads, and the deadline
//! settings of the dossier.

use egui::{RichText, Ui};

use super::detail::share_text;
use super::editor::EditorState;
use super::{Derived, Selection};
use crate::i18n::fill;
use crate::model::calendar::{Holiday, HolidayRule, format_day_short};
use crate::model::edit::Edit;
use crate::ui::widgets::section_heading;
use crate::ui::{Edits, ViewContext, theme};

pub fn figures_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    derived: &Derived,
    editor: &mut EditorState,
    selection: &mut Option<Selection>,
    edits: &mut Edits,
) {
    let texts = view.texts;
    let dossier = view.dossier;
    let figures = &derived.figures;
    ui.heading(texts.figures);
    section_heading(ui, texts.per_questioner);
    egui::Grid::new("per_questioner")
        .striped(true)
        .spacing([24.0, 6.0])
        .show(ui, |ui| {
            for (name, count) in &figures.per_questioner {
                ui.label(name.as_deref().unwrap_or(texts.unknown));
                ui.label(RichText::new(count.to_string()).monospace());
                ui.end_row();
            }
        });
    section_heading(ui, texts.per_minister);
    egui::Grid::new("per_minister")
        .striped(true)
        .spacing([24.0, 6.0])
        .show(ui, |ui| {
            for (name, count, share) in &figures.per_minister {
                ui.label(name.as_deref().unwrap_or(texts.unknown));
                ui.label(RichText::new(count.to_string()).monospace());
                ui.label(share_text(*share, texts));
                ui.end_row();
            }
        });
    section_heading(ui, texts.all_sub_questions);
    ui.label(share_text(figures.overall, texts));
    section_heading(ui, texts.median_answer_time);
    match figures.median_answer_days {
        Some(days) => {
            ui.label(fill(
                texts.median_days,
                &[&format!("{days}"), &figures.timed.to_string()],
            ));
        }
        None => {
            ui.label(RichText::new(texts.no_answer_dates).italics().weak());
        }
    }
    section_heading(ui, texts.threads);
    if derived.threads.is_empty() {
        ui.label(RichText::new(texts.none).weak());
    }
    for thread in &derived.threads {
        ui.horizontal_wrapped(|ui| {
            for (step, id) in thread.iter().enumerate() {
                let Some((_, question)) = derived.question(dossier, *id) else {
                    continue;
                };
                if step > 0 {
                    ui.label(texts.then);
                }
                let date = question
                    .date
                    .map_or_else(|| texts.no_date.to_string(), format_day_short);
                let name = question
                    .short_name()
                    .unwrap_or_else(|| texts.question_short.to_string());
                if ui.link(format!("{name} ({date})")).clicked() {
                    *selection = Some(Selection::Question(question.id));
                }
            }
        });
    }
    if !view.presenting {
        settings_ui(ui, view, editor, edits);
    }
}

/// The answer deadline and the holidays, settings of the dossier.
fn settings_ui(ui: &mut Ui, view: &ViewContext<'_>, editor: &mut EditorState, edits: &mut Edits) {
    let texts = view.texts;
    let settings = &view.dossier.settings;
    section_heading(ui, texts.deadline_settings);
    let bad = theme::palette(ui.visuals().dark_mode).bad;
    let mut days = settings.answer_deadline_working_days;
    ui.horizontal(|ui| {
        let label = ui.label(texts.deadline_days);
        ui.add(egui::DragValue::new(&mut days).range(1..=200))
            .labelled_by(label.id);
    });
    if days != settings.answer_deadline_working_days {
        let mut changed = settings.clone();
        changed.answer_deadline_working_days = days;
        edits.push(Edit::SetSettings(Box::new(changed)));
    }
    ui.label(RichText::new(texts.holidays_hint).small().weak());
    let mut removed = None;
    egui::Grid::new("holidays")
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for (index, holiday) in settings.holidays.iter().enumerate() {
                ui.label(&holiday.name);
                ui.label(RichText::new(holiday.rule.to_string()).monospace());
                if ui.small_button(texts.remove).clicked() {
                    removed = Some(index);
                }
                ui.end_row();
            }
        });
    if let Some(index) = removed {
        let mut changed = settings.clone();
        changed.holidays.remove(index);
        edits.push(Edit::SetSettings(Box::new(changed)));
    }
    let (name, rule, error) = editor.new_holiday();
    ui.horizontal(|ui| {
        let label = ui.label(texts.name);
        ui.add(egui::TextEdit::singleline(name).desired_width(180.0))
            .labelled_by(label.id);
        let label = ui.label(texts.holiday_rule);
        ui.add(
            egui::TextEdit::singleline(rule)
                .desired_width(110.0)
                .hint_text("07-11"),
        )
        .labelled_by(label.id);
        if ui.button(texts.add_holiday).clicked() {
            match HolidayRule::parse(rule.trim()) {
                Ok(parsed) if !name.trim().is_empty() => {
                    let mut changed = settings.clone();
                    changed.holidays.push(Holiday {
                        name: name.trim().to_string(),
                        rule: parsed,
                    });
                    edits.push(Edit::SetSettings(Box::new(changed)));
                    name.clear();
                    rule.clear();
                    *error = None;
                }
                Ok(_) => *error = Some(texts.holiday_needs_name.to_string()),
                Err(problem) => *error = Some(problem.to_string()),
            }
        }
    });
    if let Some(error) = error {
        ui.label(RichText::new(error.as_str()).small().color(bad));
    }
}
