//! File → Import a question (PDF or text)…: a written question pasted, or opened as its PDF or as text, read, shown for
//! checking and correcting, and added to the dossier as one edit.

use egui::{RichText, Ui};

use super::fields::{FieldBuffers, optional};
use super::{Command, Commands, ViewContext, theme, widgets};
use crate::i18n::DateText as _;
use crate::i18n::Texts;
use crate::import::apply::{Plan, TableUse};
use crate::import::cells::ValueKind;
use crate::import::dates::CandidateEvent;
use crate::import::tables::{BudgetRows, DetectedTable};
use crate::import::{Warning, WarningKind, written_question};
use crate::model::calendar::{PartialDate, format_day_short};
use crate::model::dossier::QuestionId;
use crate::model::question::{Minister, SubQuestionRole};

#[derive(Debug, Default)]
enum Stage {
    #[default]
    Input,
    Preview(Box<Preview>),
}

#[derive(Debug)]
struct Preview {
    plan: Plan,
    warnings: Vec<Warning>,
    /// Replace the question already in the dossier; otherwise the import waits.
    replace: bool,
    fields: FieldBuffers,
}

#[derive(Debug, Default)]
pub struct ImportDialog {
    pub open: bool,
    stage: Stage,
    text: String,
    /// The file the text came from, or empty for pasted text.
    file: String,
    /// What the last import did, in words, for the status bar.
    pub outcome: Option<String>,
}

impl ImportDialog {
    pub fn show(&mut self) {
        self.open = true;
    }

    /// Puts the text of an opened file in the dialog.
    pub fn load(&mut self, file: String, text: String) {
        self.file = file;
        self.text = text;
        self.stage = Stage::Input;
        self.open = true;
    }

    fn read(&mut self, view: &ViewContext<'_>) {
        let imported = written_question(&self.text);
        let file = if self.file.is_empty() {
            view.texts.pasted_text.to_string()
        } else {
            self.file.clone()
        };
        let plan = Plan::new(view.dossier, &imported, &file);
        self.stage = Stage::Preview(Box::new(Preview {
            plan,
            warnings: imported.warnings,
            replace: false,
            fields: FieldBuffers::default(),
        }));
    }

    /// The dialog, when open. An import becomes one edit in `edits`.
    pub fn ui(&mut self, ctx: &egui::Context, view: &ViewContext<'_>, commands: &mut Commands) {
        if !self.open || view.presenting {
            return;
        }
        let texts = view.texts;
        let mut open = self.open;
        let size = ctx.content_rect().size();
        // The window's body has a fixed height, so that long texts scroll inside it.
        let body = (size.y - 280.0).clamp(200.0, 900.0);
        egui::Window::new(texts.import_title)
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .fixed_size([(size.x - 80.0).min(1200.0), body + 110.0])
            .show(ctx, |ui| match &mut self.stage {
                Stage::Input => {
                    if input_ui(ui, texts, &mut self.text, &self.file, commands, body) {
                        self.read(view);
                    }
                }
                Stage::Preview(preview) => match preview_ui(ui, view, preview, body) {
                    Some(Step::Back) => self.stage = Stage::Input,
                    Some(Step::Add) => {
                        let replace = preview.replace;
                        match preview.plan.checked_edits(view.dossier, replace) {
                            Ok(edit) => {
                                commands.push(edit);
                                self.outcome = Some(preview.plan.outcome(replace).to_string());
                                self.open = false;
                                self.stage = Stage::Input;
                                self.text.clear();
                                self.file.clear();
                            }
                            Err(error) => preview.warnings.insert(
                                0,
                                Warning {
                                    kind: WarningKind::Mismatch,
                                    line: None,
                                    message: error.to_string(),
                                },
                            ),
                        }
                    }
                    None => {}
                },
            });
        self.open &= open;
    }
}

/// The text to read, pasted or opened. Returns true when it is to be read.
fn input_ui(
    ui: &mut Ui,
    texts: &Texts,
    text: &mut String,
    file: &str,
    commands: &mut Commands,
    height: f32,
) -> bool {
    ui.label(texts.import_hint);
    let mut read = false;
    ui.horizontal(|ui| {
        if ui.button(texts.open_text_file).clicked() {
            commands.push(Command::PickImportFile);
        }
        let enabled = !text.trim().is_empty();
        if ui
            .add_enabled(enabled, egui::Button::new(texts.read_text))
            .clicked()
        {
            read = true;
        }
        if !file.is_empty() {
            ui.label(RichText::new(file).weak());
        }
    });
    ui.add_space(4.0);
    let label = ui.label(texts.text_label);
    egui::ScrollArea::vertical()
        .id_salt("import_text")
        .max_height(height)
        .show(ui, |ui| {
            ui.add(
                egui::TextEdit::multiline(text)
                    .font(egui::TextStyle::Monospace)
                    .desired_rows(24)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        });
    read
}

enum Step {
    Back,
    Add,
}

fn warning_color(kind: WarningKind, palette: theme::Palette, weak: egui::Color32) -> egui::Color32 {
    match kind {
        WarningKind::Unknown | WarningKind::LeftOut => weak,
        WarningKind::Guessed => palette.warn,
        WarningKind::Ambiguous | WarningKind::Mismatch => palette.bad,
    }
}

fn warning_kind_name(kind: WarningKind, texts: &Texts) -> &'static str {
    match kind {
        WarningKind::Unknown => texts.warning_unknown,
        WarningKind::Guessed => texts.warning_guessed,
        WarningKind::Ambiguous => texts.warning_ambiguous,
        WarningKind::LeftOut => texts.warning_left_out,
        WarningKind::Mismatch => texts.warning_mismatch,
    }
}

fn preview_ui(ui: &mut Ui, view: &ViewContext<'_>, preview: &mut Preview, height: f32) -> Option<Step> {
    let texts = view.texts;
    let mut step = None;
    egui::ScrollArea::vertical()
        .id_salt("import_preview")
        .max_height(height + 30.0)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if let Some(existing) = preview.plan.existing {
                existing_ui(ui, view, existing, &mut preview.replace);
            }
            header_ui(ui, view, preview);
            warnings_ui(ui, texts, &preview.warnings);
            widgets::section_heading(ui, texts.sub_questions_and_answers);
            pairs_ui(ui, view, preview);
            if !preview.plan.tables.is_empty() {
                widgets::section_heading(ui, texts.detected_tables);
                for (index, (table, usage)) in preview.plan.tables.iter_mut().enumerate() {
                    table_ui(ui, view, index, table, usage);
                }
            }
            if !preview.plan.events.is_empty() {
                widgets::section_heading(ui, texts.candidate_events);
                events_ui(ui, view, &mut preview.plan.events);
            }
        });
    ui.separator();
    ui.horizontal(|ui| {
        if ui.button(texts.back).clicked() {
            step = Some(Step::Back);
        }
        let waiting = preview.plan.existing.is_some() && !preview.replace;
        let add = ui.add_enabled(!waiting, egui::Button::new(texts.add_to_dossier));
        let add = if waiting {
            add.on_disabled_hover_text(texts.choose_replace_first)
        } else {
            add
        };
        if add.clicked() {
            step = Some(Step::Add);
        }
        let outcome = preview.plan.outcome(preview.replace);
        ui.label(
            RichText::new(texts.import_summary(outcome.tables, outcome.indicators, outcome.events)).weak(),
        );
    });
    step
}

/// The same question is in the dossier: replace it, or leave the import.
fn existing_ui(ui: &mut Ui, view: &ViewContext<'_>, existing: QuestionId, replace: &mut bool) {
    let texts = view.texts;
    let name = view
        .dossier
        .question(existing)
        .map(crate::model::rules::question_place)
        .unwrap_or_default();
    let warn = theme::palette(ui.visuals().dark_mode).warn;
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.5, warn))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(texts.already_in_dossier(name)).color(warn).strong());
            ui.horizontal(|ui| {
                ui.radio_value(replace, true, texts.replace_it);
                ui.radio_value(replace, false, texts.leave_it);
            });
        });
    ui.add_space(6.0);
}

/// The question's facts, editable: number, date, asker, minister, subject, who answered.
fn header_ui(ui: &mut Ui, view: &ViewContext<'_>, preview: &mut Preview) {
    let texts = view.texts;
    let question = &mut preview.plan.question;
    let fields = &mut preview.fields;
    ui.columns(2, |columns| {
        let [left, right] = columns else { return };
        let number = question.number.map(|n| n.to_string()).unwrap_or_default();
        if let Some(text) = fields.field(left, "number", texts.number, &number, false) {
            match text.trim() {
                "" => question.number = None,
                digits => match digits.parse() {
                    Ok(n) => question.number = Some(n),
                    Err(_) => fields.refuse("number", texts.bad_number.to_string()),
                },
            }
        }
        let date = question.date.map(format_day_short).unwrap_or_default();
        if let Some(text) = fields.field(right, "date", texts.date_asked, &date, false) {
            match text.trim() {
                "" => question.date = None,
                typed => match PartialDate::parse_typed(typed) {
                    Ok(PartialDate::Day(day)) => question.date = Some(day),
                    Ok(_) => fields.refuse("date", texts.need_a_day.to_string()),
                    Err(error) => fields.refuse("date", error.to_string()),
                },
            }
        }
        let asker = question.questioner.clone().unwrap_or_default();
        if let Some(text) = fields.field(left, "questioner", texts.questioner, &asker, false) {
            question.questioner = optional(&text);
        }
        let minister = question
            .minister
            .as_ref()
            .map(|m| m.name.clone())
            .unwrap_or_default();
        if let Some(text) = fields.field(right, "minister", texts.minister, &minister, false) {
            question.minister = optional(&text).map(|name| Minister {
                name,
                title: question.minister.as_ref().and_then(|m| m.title.clone()),
            });
        }
        let title = question.title.clone().unwrap_or_default();
        if let Some(text) = fields.field(left, "title", texts.title, &title, false) {
            question.title = optional(&text);
        }
        let answered = question
            .answer
            .as_ref()
            .and_then(|a| a.minister.as_ref())
            .map(|m| m.name.clone())
            .unwrap_or_default();
        if let Some(text) = fields.field(right, "answered_by", texts.answered_by, &answered, false)
            && let Some(answer) = question.answer.as_mut()
        {
            answer.minister = optional(&text).map(|name| Minister {
                name,
                title: answer.minister.as_ref().and_then(|m| m.title.clone()),
            });
        }
    });
}

fn warnings_ui(ui: &mut Ui, texts: &Texts, warnings: &[Warning]) {
    if warnings.is_empty() {
        return;
    }
    widgets::section_heading(ui, &texts.import_warnings(warnings.len()));
    let palette = theme::palette(ui.visuals().dark_mode);
    let weak = ui.visuals().weak_text_color();
    for warning in warnings {
        ui.horizontal_wrapped(|ui| {
            widgets::chip(
                ui,
                warning_kind_name(warning.kind, texts),
                warning_color(warning.kind, palette, weak),
            );
            let text = match warning.line {
                Some(line) => format!("{} {line}: {}", texts.line_word, warning.message),
                None => warning.message.clone(),
            };
            ui.label(text);
        });
    }
}

/// Each sub-question beside the answer items that cover it; the covered labels of each
/// item can be corrected.
fn pairs_ui(ui: &mut Ui, view: &ViewContext<'_>, preview: &mut Preview) {
    let texts = view.texts;
    let question = &mut preview.plan.question;
    if question.sub_questions.is_empty() {
        ui.label(RichText::new(texts.no_sub_questions_found).weak());
    }
    let width = (ui.available_width() - 30.0) / 2.0;
    egui::Grid::new("import_pairs")
        .num_columns(2)
        .striped(true)
        .spacing([20.0, 10.0])
        .show(ui, |ui| {
            ui.label(RichText::new(texts.sub_question_column).strong());
            ui.label(RichText::new(texts.answer).strong());
            ui.end_row();
            for sub in &question.sub_questions {
                ui.scope(|ui| {
                    ui.set_width(width);
                    ui.vertical(|ui| {
                        ui.label(RichText::new(&sub.label).strong());
                        if sub.role == SubQuestionRole::Introduces {
                            ui.label(RichText::new(texts.introduces).small().weak());
                        }
                        ui.add(egui::Label::new(&sub.text).wrap());
                    });
                });
                ui.scope(|ui| {
                    ui.set_width(width);
                    ui.vertical(|ui| {
                        let answers: Vec<_> = question.answers_to(&sub.label).collect();
                        if answers.is_empty() && sub.role != SubQuestionRole::Introduces {
                            let bad = theme::palette(ui.visuals().dark_mode).bad;
                            ui.label(RichText::new(texts.no_answer_item).color(bad));
                        }
                        for part in answers {
                            ui.label(RichText::new(&part.printed_label).strong());
                            ui.add(egui::Label::new(&part.text).wrap());
                        }
                    });
                });
                ui.end_row();
            }
        });
    if let Some(answer) = question.answer.as_mut() {
        ui.add_space(6.0);
        ui.label(RichText::new(texts.covers_hint).weak());
        for (index, part) in answer.parts.iter_mut().enumerate() {
            let key = format!("covers{index}");
            let label = if part.printed_label.is_empty() {
                texts.answer_lead.to_string()
            } else {
                texts.covers_of(&part.printed_label)
            };
            ui.scope(|ui| {
                ui.set_max_width(420.0);
                if let Some(text) = preview
                    .fields
                    .field(ui, &key, &label, &part.covers.join(", "), false)
                {
                    part.covers = text
                        .split([',', ' '])
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(str::to_string)
                        .collect();
                }
            });
        }
    }
}

fn table_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    index: usize,
    table: &mut DetectedTable,
    usage: &mut TableUse,
) {
    let texts = view.texts;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let (kind, rows, summary) = match table {
            DetectedTable::Budget(t) => {
                let totals: Vec<String> = (0..t.columns.len())
                    .filter_map(|c| t.totals[c].map(|total| t.shown(c, Some(total))))
                    .collect();
                (
                    texts.table_budget,
                    t.rows.len(),
                    texts.table_totals(totals.join(" · ")),
                )
            }
            DetectedTable::Indicators(t) => (
                texts.table_indicators,
                t.rows.len(),
                texts.indicator_totals(
                    t.target_total
                        .map_or_else(|| texts.too_large.to_string(), |total| total.to_string()),
                    t.actual_total
                        .map_or_else(|| texts.too_large.to_string(), |total| total.to_string()),
                    t.measured
                        .map_or(texts.unknown.to_string(), |d| d.display(view.language)),
                ),
            ),
        };
        ui.label(RichText::new(texts.table_found(kind, rows, table.part())).strong());
        ui.label(summary);
        if let DetectedTable::Budget(t) = table {
            let bad = theme::palette(ui.visuals().dark_mode).bad;
            for check in &t.checks {
                ui.label(RichText::new(check).color(bad));
            }
        }
        let label = ui.label(texts.add_as);
        let name = |usage: TableUse| match usage {
            TableUse::Skip => texts.leave_out,
            TableUse::Budget => texts.table_budget,
            TableUse::Indicators => texts.table_indicators,
        };
        egui::ComboBox::from_id_salt(("table_use", index))
            .selected_text(name(*usage))
            .show_ui(ui, |ui| {
                for choice in [TableUse::Budget, TableUse::Indicators, TableUse::Skip] {
                    let fits = matches!(
                        (choice, &*table),
                        (TableUse::Skip, _)
                            | (TableUse::Budget, DetectedTable::Budget(_))
                            | (TableUse::Indicators, DetectedTable::Indicators(_))
                    );
                    if fits {
                        ui.selectable_value(usage, choice, name(choice));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        match table {
            DetectedTable::Budget(t) => budget_grid_ui(ui, view.texts, t, index),
            DetectedTable::Indicators(_) => rows_preview_ui(ui, table, index),
        }
    });
    ui.add_space(6.0);
}

/// The rows shown of a detected table; the rest are counted.
const PREVIEW_ROWS: usize = 40;

/// Wide enough for the whole name, within reason.
fn name_width(ui: &Ui, name: &str) -> f32 {
    let glyph = ui.text_style_height(&egui::TextStyle::Body) * 0.55;
    (name.chars().count() as f32 * glyph + 16.0).clamp(80.0, 300.0)
}

/// A detected table as a grid, with its column names and kinds to correct before it
/// joins the dossier (a kind changed reads the column again from what was printed),
/// its printed total and the sums of the rows; flagged cells say why on hover.
fn budget_grid_ui(ui: &mut Ui, texts: &Texts, table: &mut BudgetRows, index: usize) {
    let bad = theme::palette(ui.visuals().dark_mode).bad;
    egui::ScrollArea::horizontal()
        .id_salt(("table_grid_scroll", index))
        .show(ui, |ui| {
            egui::Grid::new(("table_rows_grid", index))
                .striped(true)
                .show(ui, |ui| {
                    for (c, column) in table.columns.iter_mut().enumerate() {
                        let label = texts.column_name(c + 1);
                        let response = {
                            // Sized, since a grid's cell offers only last frame's width.
                            let size = egui::vec2(name_width(ui, &column.name), ui.spacing().interact_size.y);
                            ui.add_sized(size, egui::TextEdit::singleline(&mut column.name))
                        };
                        response
                            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label));
                    }
                    ui.end_row();
                    let mut retype = None;
                    for (c, column) in table.columns.iter().enumerate() {
                        let mut kind = column.kind;
                        let label = texts.column_kind(c + 1);
                        let numeric = !matches!(kind, ValueKind::Text | ValueKind::Code) || c > 1;
                        if numeric {
                            egui::ComboBox::from_id_salt(("column_kind", index, c))
                                .selected_text(texts.value_kinds[kind.index()])
                                .show_ui(ui, |ui| {
                                    for choice in ValueKind::ALL {
                                        ui.selectable_value(
                                            &mut kind,
                                            choice,
                                            texts.value_kinds[choice.index()],
                                        );
                                    }
                                })
                                .response
                                .widget_info(|| {
                                    egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &label)
                                });
                        } else {
                            ui.label(RichText::new(texts.value_kinds[kind.index()]).small().weak());
                        }
                        if kind != column.kind {
                            retype = Some((c, kind));
                        }
                    }
                    ui.end_row();
                    if let Some((column, kind)) = retype {
                        table.set_kind(column, kind);
                    }
                    for (r, row) in table.rows.iter().take(PREVIEW_ROWS).enumerate() {
                        for (c, cell) in row.iter().enumerate() {
                            let text = match (&cell.value, cell.printed()) {
                                (None, Some(printed)) => printed.to_string(),
                                _ => cell.shown_text(),
                            };
                            let flag = table.flag(r, c);
                            let mut shown = RichText::new(text);
                            if flag.is_some() {
                                shown = shown.color(bad);
                            }
                            let response = ui.label(shown);
                            if let Some(flag) = flag {
                                response.on_hover_text(flag);
                            }
                        }
                        ui.end_row();
                    }
                    if table.rows.len() > PREVIEW_ROWS {
                        ui.label(texts.more_rows((table.rows.len() - PREVIEW_ROWS).to_string()));
                        ui.end_row();
                    }
                    let line_ui = |ui: &mut Ui, name: &str, values: &[Option<rust_decimal::Decimal>]| {
                        for (c, value) in values.iter().enumerate() {
                            let text = if c == 0 {
                                name.to_string()
                            } else {
                                table.shown(c, *value)
                            };
                            let differs =
                                value.is_some() && table.totals.get(c) != table.printed_totals.get(c);
                            let mut text = RichText::new(text).strong();
                            if differs && table.printed_totals.get(c).is_some_and(Option::is_some) {
                                text = text.color(bad);
                            }
                            ui.label(text);
                        }
                        ui.end_row();
                    };
                    if table.printed_totals.iter().any(Option::is_some) {
                        line_ui(ui, texts.printed_total_row, &table.printed_totals);
                    }
                    line_ui(ui, texts.sum_row, &table.totals);
                });
        });
}

/// The rows of a detected indicator table, as read.
fn rows_preview_ui(ui: &mut Ui, table: &DetectedTable, index: usize) {
    let DetectedTable::Indicators(t) = table else {
        return;
    };
    egui::CollapsingHeader::new(format!("{} …", table.part()))
        .id_salt(("table_rows", index))
        .show(ui, |ui| {
            egui::Grid::new(("table_rows_grid", index))
                .striped(true)
                .show(ui, |ui| {
                    for row in t.rows.iter().take(PREVIEW_ROWS) {
                        ui.label(&row.engagement_type);
                        ui.label(&row.output);
                        ui.label(row.target.to_string());
                        ui.label(row.actual.to_string());
                        ui.end_row();
                    }
                });
        });
}

fn events_ui(ui: &mut Ui, view: &ViewContext<'_>, events: &mut [(CandidateEvent, bool)]) {
    let texts = view.texts;
    ui.horizontal(|ui| {
        if ui.small_button(texts.keep_all).clicked() {
            events.iter_mut().for_each(|(_, keep)| *keep = true);
        }
        if ui.small_button(texts.keep_none).clicked() {
            events.iter_mut().for_each(|(_, keep)| *keep = false);
        }
    });
    for (index, (event, keep)) in events.iter_mut().enumerate() {
        ui.push_id(index, |ui| {
            ui.horizontal_wrapped(|ui| {
                let label = format!(
                    "{} · {} · {}",
                    event.when.display(view.language),
                    crate::ui::timeline::kind_name(event.kind, texts),
                    event.part
                );
                ui.checkbox(keep, label);
                ui.label(RichText::new(&event.sentence).weak());
            });
        });
    }
}
