//! The figures of the timeline: questions per questioner and per minister, how much was
//! really answered, the median answer time, the follow-up threads, and the deadline
//! settings of the dossier.

use egui::{RichText, Ui};

use super::detail::share_text;
use super::editor::EditorState;
use super::{Derived, Selection};
use crate::model::calendar::{Holiday, HolidayRule, format_day_short};
use crate::model::edit::Edit;
use crate::ui::memo::DerivedKey;
use crate::ui::page_blocks::PageBlocks;
use crate::ui::widgets::{LazyRows, section_heading};
use crate::ui::{Commands, ViewContext, theme};

/// What the figures' long lists remember between frames, and the room each part of the
/// page takes: a part out of sight (the deadline settings below thousands of threads) is
/// not drawn.
#[derive(Debug, Default)]
pub(super) struct FiguresRows {
    questioners: LazyRows,
    ministers: LazyRows,
    threads: LazyRows,
    blocks: PageBlocks,
}

pub(super) fn figures_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    derived: &Derived,
    editor: &mut EditorState,
    rows: &mut FiguresRows,
    selection: &mut Option<Selection>,
    commands: &mut Commands,
) {
    let texts = view.texts;
    let figures = &derived.figures;
    let FiguresRows {
        questioners,
        ministers,
        threads,
        blocks,
    } = rows;
    blocks.begin(ui, DerivedKey::of(view));
    ui.heading(texts.figures);
    // Hundreds of questioners in a large dossier: only the rows in view are drawn. Both
    // lists put the count first, in a column as wide as the largest count.
    // The questioners come most first; the ministers are few.
    let largest = figures
        .per_questioner
        .first()
        .map(|(_, count)| *count)
        .into_iter()
        .chain(figures.per_minister.iter().map(|(_, count, _)| *count))
        .max()
        .unwrap_or(0);
    let digit = ui.fonts_mut(|fonts| fonts.glyph_width(&egui::TextStyle::Monospace.resolve(ui.style()), '0'));
    let count_width = digit * largest.to_string().len() as f32 + 4.0;
    blocks.block_ui(ui, "questioners", |ui| {
        section_heading(ui, texts.per_questioner);
        questioners.ui(ui, figures.per_questioner.len(), |ui, index| {
            let (name, count) = &figures.per_questioner[index];
            counted_row_ui(ui, index, *count, count_width, |ui| {
                ui.label(name.as_deref().unwrap_or(texts.unknown));
            });
        });
    });
    blocks.block_ui(ui, "ministers", |ui| {
        section_heading(ui, texts.per_minister);
        ministers.ui(ui, figures.per_minister.len(), |ui, index| {
            let (name, count, share) = &figures.per_minister[index];
            counted_row_ui(ui, index, *count, count_width, |ui| {
                ui.label(name.as_deref().unwrap_or(texts.unknown));
                ui.add(egui::Label::new(RichText::new(share_text(*share, texts)).weak()).wrap());
            });
        });
    });
    blocks.block_ui(ui, "answered", |ui| {
        section_heading(ui, texts.all_sub_questions);
        ui.label(share_text(figures.overall, texts));
        section_heading(ui, texts.median_answer_time);
        match figures.median_answer_days {
            Some(days) => {
                ui.label(texts.median_days(format!("{days}"), figures.timed));
            }
            None => {
                ui.label(RichText::new(texts.no_answer_dates).italics().weak());
            }
        }
    });
    blocks.block_ui(ui, "threads", |ui| {
        threads_ui(ui, view, derived, threads, selection);
    });
    if !view.presenting {
        blocks.block_ui(ui, "settings", |ui| settings_ui(ui, view, editor, commands));
    }
}

/// The follow-up threads, a line each.
fn threads_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    derived: &Derived,
    rows: &mut LazyRows,
    selection: &mut Option<Selection>,
) {
    let (texts, dossier) = (view.texts, view.dossier);
    section_heading(ui, texts.threads);
    if derived.threads.is_empty() {
        ui.label(RichText::new(texts.none).weak());
    }
    // Thousands of threads in a large dossier: only the rows in view are drawn.
    rows.ui(ui, derived.threads.len(), |ui, index| {
        ui.horizontal_wrapped(|ui| {
            for (step, id) in derived.threads[index].iter().enumerate() {
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
    });
}

/// A striped row of a counted list: the count right-aligned in a column of `count_width`,
/// then what is counted, drawn by `add_what`.
fn counted_row_ui(ui: &mut Ui, index: usize, count: usize, count_width: f32, add_what: impl FnOnce(&mut Ui)) {
    // The stripe goes under the row, whose height is known only once it is drawn.
    let stripe = ui.painter().add(egui::Shape::Noop);
    let row = ui.horizontal_top(|ui| {
        ui.allocate_ui_with_layout(
            egui::vec2(count_width, ui.spacing().interact_size.y),
            egui::Layout::right_to_left(egui::Align::Min),
            |ui| ui.label(RichText::new(count.to_string()).monospace()),
        );
        ui.add_space(12.0);
        ui.vertical(add_what);
    });
    if index % 2 == 1 {
        let band = row.response.rect.with_max_x(ui.max_rect().right());
        let fill = ui.visuals().faint_bg_color;
        ui.painter()
            .set(stripe, egui::Shape::rect_filled(band, 2.0, fill));
    }
}

/// The answer deadline and the holidays, settings of the dossier.
fn settings_ui(ui: &mut Ui, view: &ViewContext<'_>, editor: &mut EditorState, commands: &mut Commands) {
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
        commands.push(Edit::SetSettings(Box::new(changed)));
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
        commands.push(Edit::SetSettings(Box::new(changed)));
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
                    commands.push(Edit::SetSettings(Box::new(changed)));
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
