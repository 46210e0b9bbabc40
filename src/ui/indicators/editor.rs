//! The side panel that edits an indicator and its measurements. Every change is one
//! indicator edit, so undo takes it back in one step; numbers and dates that do not
//! read are refused in place and the old value stays.

use egui::{RichText, Ui};
use rust_decimal::Decimal;

use crate::i18n::format_day;
use crate::model::calendar::PartialDate;
use crate::model::dossier::{IndicatorId, MeasurementId};
use crate::model::edit::Edit;
use crate::model::indicator::{Indicator, Measurement};
use crate::model::money::{NOT_A_NUMBER, parse_number};
use crate::ui::fields::FieldBuffers;
use crate::ui::{Commands, ViewContext, theme, widgets};

#[derive(Debug, Default)]
pub(super) struct EditorState {
    fields: FieldBuffers,
    showing: Option<IndicatorId>,
    /// The measurement being added: date, value, and why it was refused.
    new_date: String,
    new_value: String,
    new_error: Option<String>,
    confirm_remove: bool,
}

impl EditorState {
    fn follow(&mut self, id: IndicatorId, view: &ViewContext<'_>) {
        if self.showing != Some(id) {
            self.fields.clear();
            self.showing = Some(id);
            self.new_date = format_day(view.today, view.language);
            self.new_value.clear();
            self.new_error = None;
            self.confirm_remove = false;
        }
    }
}

fn replace(indicator: &Indicator, change: impl FnOnce(&mut Indicator)) -> Edit {
    let mut changed = indicator.clone();
    change(&mut changed);
    Edit::ReplaceIndicator(Box::new(changed))
}

/// A number of at least zero, typed; the reason when it is not.
fn read_count(text: &str, texts: &crate::i18n::Texts) -> Result<Decimal, String> {
    let value = parse_number(text, 6).map_err(|e| format!("{}: {e}", NOT_A_NUMBER))?;
    if value.is_sign_negative() && !value.is_zero() {
        return Err(texts.below_zero.to_string());
    }
    Ok(value)
}

/// Draws the editor. Returns true when it is closed.
pub(super) fn editor_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    indicator: &Indicator,
    state: &mut EditorState,
    commands: &mut Commands,
) -> bool {
    state.follow(indicator.id, view);
    let texts = view.texts;
    let key = |name: &str| format!("i{}.{name}", indicator.id);
    let mut closed = false;
    ui.horizontal(|ui| {
        ui.label(RichText::new(texts.indicator).heading().strong());
        if ui.button(texts.close).clicked() {
            closed = true;
        }
    });
    ui.label(RichText::new(texts.empty_is_unknown).small().weak());

    if let Some(name) = state.fields.required(
        ui,
        &key("type"),
        texts.engagement_type,
        &indicator.engagement_type,
        texts.name_needed,
    ) {
        commands.push(replace(indicator, |i| i.engagement_type = name));
    }
    if let Some(output) =
        state
            .fields
            .optional(ui, &key("output"), texts.output, Some(&indicator.output), false)
    {
        commands.push(replace(indicator, |i| i.output = output.unwrap_or_default()));
    }
    if let Some(unit) = state
        .fields
        .optional(ui, &key("unit"), texts.unit, Some(&indicator.unit), false)
    {
        commands.push(replace(indicator, |i| i.unit = unit.unwrap_or_default()));
    }
    if let Some(target) = state
        .fields
        .number(ui, &key("target"), texts.target, indicator.target)
    {
        if target.is_some_and(|t| t.is_sign_negative() && !t.is_zero()) {
            state.fields.refuse(&key("target"), texts.below_zero.to_string());
        } else {
            commands.push(replace(indicator, |i| i.target = target));
        }
    }
    if let Some(note) = state
        .fields
        .optional(ui, &key("note"), texts.note, indicator.note.as_deref(), true)
    {
        commands.push(replace(indicator, |i| i.note = note));
    }
    if let Some(source) = &indicator.source {
        ui.add_space(4.0);
        widgets::source_ui(ui, view.dossier, source, texts);
    }

    widgets::section_heading(ui, texts.measurements);
    if indicator.measurements.len() > 1 {
        super::chart::trend_ui(ui, view, indicator);
    }
    measurements_ui(ui, view, indicator, state, commands);
    add_measurement_ui(ui, view, indicator, state, commands);

    ui.add_space(12.0);
    if !state.confirm_remove {
        if ui.button(texts.remove_indicator).clicked() {
            state.confirm_remove = true;
        }
    } else {
        ui.horizontal_wrapped(|ui| {
            let warn = theme::palette(ui.visuals().dark_mode).warn;
            ui.label(RichText::new(texts.really_delete).color(warn));
            if ui.button(texts.delete).clicked() {
                commands.push(Edit::RemoveIndicator(indicator.id));
                closed = true;
            }
            if ui.button(texts.cancel).clicked() {
                state.confirm_remove = false;
            }
        });
    }
    closed
}

/// Each measurement's date and value, earliest first, with a button to remove it.
fn measurements_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    indicator: &Indicator,
    state: &mut EditorState,
    commands: &mut Commands,
) {
    let texts = view.texts;
    if indicator.measurements.is_empty() {
        ui.label(RichText::new(texts.not_measured).weak());
    }
    for measurement in indicator.chronological() {
        let id = measurement.id;
        let key = |name: &str| format!("m{id}.{name}");
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            if let Some(date) = state.fields.date(
                ui,
                &key("date"),
                texts.date,
                Some(measurement.date),
                view.language,
            ) {
                match date {
                    Some(date) => commands.push(with_measurement(indicator, id, |m| m.date = date)),
                    None => state.fields.refuse(&key("date"), texts.date_needed.to_string()),
                }
            }
            if let Some(value) = state
                .fields
                .number(ui, &key("value"), texts.value, Some(measurement.value))
            {
                match value {
                    Some(value) if value.is_sign_negative() && !value.is_zero() => {
                        state.fields.refuse(&key("value"), texts.below_zero.to_string());
                    }
                    Some(value) => commands.push(with_measurement(indicator, id, |m| m.value = value)),
                    None => state.fields.refuse(&key("value"), texts.value_needed.to_string()),
                }
            }
            if let Some(source) = &measurement.source {
                widgets::with_source(
                    ui.label(RichText::new(view.dossier.source_label(source)).small().weak()),
                    view.dossier,
                    Some(source),
                    texts,
                );
            }
            if ui.small_button(texts.remove_measurement).clicked() {
                commands.push(replace(indicator, |i| i.measurements.retain(|m| m.id != id)));
                state.fields.forget_settled();
            }
        });
    }
}

fn with_measurement(indicator: &Indicator, id: MeasurementId, change: impl FnOnce(&mut Measurement)) -> Edit {
    replace(indicator, |i| {
        if let Some(measurement) = i.measurements.iter_mut().find(|m| m.id == id) {
            change(measurement);
        }
    })
}

/// A new measurement: its date and value, added together.
fn add_measurement_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    indicator: &Indicator,
    state: &mut EditorState,
    commands: &mut Commands,
) {
    let texts = view.texts;
    ui.add_space(6.0);
    ui.label(RichText::new(texts.add_measurement).strong());
    let bad = theme::palette(ui.visuals().dark_mode).bad;
    let mut entered = false;
    egui::Grid::new(("new_measurement", indicator.id.0))
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label(texts.new_measurement_date);
            let date = ui.add(
                egui::TextEdit::singleline(&mut state.new_date)
                    .id_salt(("new_measurement_date", indicator.id.0))
                    .desired_width(180.0),
            );
            date.labelled_by(label.id);
            ui.end_row();
            let label = ui.label(texts.new_measurement_value);
            let value = ui.add(
                egui::TextEdit::singleline(&mut state.new_value)
                    .id_salt(("new_measurement_value", indicator.id.0))
                    .desired_width(180.0),
            );
            let value = value.labelled_by(label.id);
            entered = widgets::enter_in(ui, &value);
            ui.end_row();
        });
    if ui.button(texts.add_measurement_button).clicked() || entered {
        let date = PartialDate::parse_typed(&state.new_date).map_err(|e| e.to_string());
        let value = read_count(&state.new_value, texts);
        match (date, value) {
            (Ok(date), Ok(value)) => {
                let id = MeasurementId(view.ids.next());
                commands.push(replace(indicator, |i| {
                    i.measurements.push(Measurement {
                        id,
                        date,
                        value,
                        source: None,
                    });
                }));
                state.new_value.clear();
                state.new_error = None;
            }
            (Err(error), _) => {
                state.new_error = Some(texts.in_field(texts.new_measurement_date, error));
            }
            (_, Err(error)) => {
                state.new_error = Some(texts.in_field(texts.new_measurement_value, error));
            }
        }
    }
    if let Some(error) = &state.new_error {
        ui.label(RichText::new(error).small().color(bad));
    }
}
