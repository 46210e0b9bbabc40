//! A day, typed the way people write it (`31/1/2017`, `31 januari 2017`) or picked from a
//! month calendar whose weeks start on Monday, as in Belgium.

use egui::{Popup, PopupCloseBehavior, RichText, Ui};
use jiff::civil::Date;

use super::theme;
use crate::i18n::format_day;
use crate::i18n::{Language, Texts};
use crate::model::calendar::PartialDate;

#[derive(Debug, Default)]
pub struct DayPicker {
    text: String,
    /// The day the text was last filled from, so that a day set elsewhere shows.
    shown: Option<Date>,
    error: Option<String>,
    /// The month the calendar shows: year and month.
    month: Option<(i16, i8)>,
}

impl DayPicker {
    /// The labelled field and its calendar button. Returns the day typed or picked when
    /// it differs from `day`.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        id_salt: &str,
        label: &str,
        day: Date,
        language: Language,
        texts: &Texts,
    ) -> Option<Date> {
        let mut chosen = None;
        if self.shown != Some(day) && self.error.is_none() {
            self.text = format_day(day, language);
            self.shown = Some(day);
        }
        ui.horizontal(|ui| {
            let label = ui.label(label);
            let bad = theme::palette(ui.visuals().dark_mode).bad;
            let mut edit = egui::TextEdit::singleline(&mut self.text)
                .id_salt(id_salt)
                .desired_width(190.0);
            if self.error.is_some() {
                edit = edit.text_color(bad);
            }
            let field = ui.add(edit).labelled_by(label.id);
            if field.lost_focus() {
                match read_day(&self.text, texts) {
                    Ok(typed) => {
                        self.error = None;
                        self.shown = None;
                        chosen = Some(typed);
                    }
                    Err(error) => self.error = Some(error),
                }
            }
            let button = ui.button(texts.calendar);
            Popup::from_toggle_button_response(&button)
                .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
                .show(|ui| {
                    if let Some(picked) = self.month_ui(ui, day, language, texts) {
                        self.error = None;
                        self.shown = None;
                        chosen = Some(picked);
                        ui.close();
                    }
                });
            if let Some(error) = &self.error {
                ui.label(RichText::new(error).small().color(bad));
            }
        });
        chosen.filter(|chosen| *chosen != day)
    }

    /// A month of days to click, with the previous and next month, and year, a click away.
    fn month_ui(&mut self, ui: &mut Ui, day: Date, language: Language, texts: &Texts) -> Option<Date> {
        let (year, month) = *self.month.get_or_insert((day.year(), day.month()));
        let mut picked = None;
        ui.horizontal(|ui| {
            if ui.small_button("«").on_hover_text(texts.previous_year).clicked() {
                self.month = Some((year - 1, month));
            }
            if ui.small_button("<").on_hover_text(texts.previous_month).clicked() {
                self.month = Some(if month == 1 {
                    (year - 1, 12)
                } else {
                    (year, month - 1)
                });
            }
            ui.label(RichText::new(format!("{} {year}", language.month_name(month))).strong());
            if ui.small_button(">").on_hover_text(texts.next_month).clicked() {
                self.month = Some(if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                });
            }
            if ui.small_button("»").on_hover_text(texts.next_year).clicked() {
                self.month = Some((year + 1, month));
            }
        });
        let Ok(first) = Date::new(year, month, 1) else {
            return None;
        };
        egui::Grid::new("day_picker_days")
            .spacing([2.0, 2.0])
            .min_col_width(30.0)
            .show(ui, |ui| {
                for name in language.weekday_initials() {
                    ui.label(RichText::new(name).small().weak());
                }
                ui.end_row();
                let offset = first.weekday().to_monday_zero_offset();
                for _ in 0..offset {
                    ui.label("");
                }
                for number in 1..=first.days_in_month() {
                    let Ok(date) = Date::new(year, month, number) else {
                        continue;
                    };
                    if ui.selectable_label(date == day, number.to_string()).clicked() {
                        picked = Some(date);
                    }
                    if (offset + number) % 7 == 0 {
                        ui.end_row();
                    }
                }
            });
        if picked.is_some() {
            self.month = None;
        }
        picked
    }
}

/// A typed day; months, seasons and years are refused, since a board sits on a day.
fn read_day(text: &str, texts: &Texts) -> Result<Date, String> {
    match PartialDate::parse_typed(text) {
        Ok(PartialDate::Day(date)) => Ok(date),
        Ok(_) => Err(texts.type_a_day.to_string()),
        Err(error) => Err(error.to_string()),
    }
}
