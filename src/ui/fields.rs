//! Text fields that edit a dossier value: what is typed stays in a buffer and is handed
//! back once, on Enter or when the field loses focus; input that does not read is marked
//! in place with the reason, and the stored value stays as it was.

use std::collections::HashMap;

use egui::{RichText, Ui};

use rust_decimal::Decimal;

use super::theme;
use crate::i18n::DateText as _;
use crate::i18n::Language;
use crate::model::calendar::PartialDate;
use crate::model::money::{NOT_A_NUMBER, parse_number, spreadsheet_number};

/// The text trimmed, or `None` when nothing is left.
pub fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// A number as it is typed back: a decimal comma, the decimals it has, and no thousands
/// separator (`1.500` would read as ambiguous).
pub fn number_text(value: Decimal) -> String {
    spreadsheet_number(value.normalize())
}

#[derive(Debug, Default)]
struct Field {
    text: String,
    error: Option<String>,
}

/// The buffers of the fields of one editor, by key.
#[derive(Debug, Default)]
pub struct FieldBuffers {
    fields: HashMap<String, Field>,
}

impl FieldBuffers {
    /// A labelled text field. Returns the typed text when the field loses focus with a
    /// change; the caller reads it and reports a problem with [`FieldBuffers::refuse`].
    pub fn field(
        &mut self,
        ui: &mut Ui,
        key: &str,
        label: &str,
        current: &str,
        multiline: bool,
    ) -> Option<String> {
        let field = self.fields.entry(key.to_string()).or_insert_with(|| Field {
            text: current.to_string(),
            error: None,
        });
        let label = ui.label(label);
        let mut edit = if multiline {
            egui::TextEdit::multiline(&mut field.text).desired_rows(3)
        } else {
            egui::TextEdit::singleline(&mut field.text)
        }
        .desired_width(f32::INFINITY)
        .id_salt(key);
        let bad = theme::palette(ui.visuals().dark_mode).bad;
        if field.error.is_some() {
            edit = edit.text_color(bad);
        }
        let response = ui.add(edit).labelled_by(label.id);
        let committed = if response.lost_focus() {
            (field.text != current).then(|| field.text.clone())
        } else {
            if !response.has_focus() && field.error.is_none() && field.text != current {
                // The value changed elsewhere (undo, another field): follow it.
                field.text = current.to_string();
            }
            None
        };
        if committed.is_some() {
            field.error = None;
        }
        if let Some(error) = &field.error {
            ui.label(RichText::new(error).small().color(bad));
        }
        committed
    }

    /// A text that must not be empty: returns the new text, or refuses an empty one in
    /// place with `refusal`.
    pub fn required(
        &mut self,
        ui: &mut Ui,
        key: &str,
        label: &str,
        current: &str,
        refusal: &str,
    ) -> Option<String> {
        let text = self.field(ui, key, label, current, false)?;
        let text = optional(&text);
        if text.is_none() {
            self.refuse(key, refusal.to_string());
        }
        text
    }

    /// A text that may be empty, for unknown. Returns the new value when it changed.
    pub fn optional(
        &mut self,
        ui: &mut Ui,
        key: &str,
        label: &str,
        current: Option<&str>,
        multiline: bool,
    ) -> Option<Option<String>> {
        let text = self.field(ui, key, label, current.unwrap_or_default(), multiline)?;
        Some(optional(&text))
    }

    /// A date at any precision, empty for unknown. Returns the new value when it changed
    /// and reads; refuses it in place with the reason when it does not.
    pub fn date(
        &mut self,
        ui: &mut Ui,
        key: &str,
        label: &str,
        current: Option<PartialDate>,
        language: Language,
    ) -> Option<Option<PartialDate>> {
        let shown = current.map(|d| d.display(language)).unwrap_or_default();
        let text = self.field(ui, key, label, &shown, false)?;
        if text.trim().is_empty() {
            return Some(None);
        }
        match PartialDate::parse_typed(&text) {
            Ok(date) => Some(Some(date)),
            Err(error) => {
                self.refuse(key, error.to_string());
                None
            }
        }
    }

    /// A number (`63`, `12,5`, `1.500`), empty for unknown. Returns the new value when it
    /// changed and reads; refuses it in place with the reason when it does not.
    pub fn number(
        &mut self,
        ui: &mut Ui,
        key: &str,
        label: &str,
        current: Option<Decimal>,
    ) -> Option<Option<Decimal>> {
        let shown = current.map(number_text).unwrap_or_default();
        let text = self.field(ui, key, label, &shown, false)?;
        if text.trim().is_empty() {
            return Some(None);
        }
        match parse_number(&text, 6) {
            Ok(value) => Some(Some(value)),
            Err(error) => {
                self.refuse(key, format!("{}: {error}", NOT_A_NUMBER));
                None
            }
        }
    }

    /// Marks the field's text as not taken, with the reason.
    pub fn refuse(&mut self, key: &str, error: String) {
        if let Some(field) = self.fields.get_mut(key) {
            field.error = Some(error);
        }
    }

    /// Forgets every buffer.
    pub fn clear(&mut self) {
        self.fields.clear();
    }

    /// Forgets the buffers without a pending problem, as when list items move and their
    /// keys with them.
    pub fn forget_settled(&mut self) {
        self.fields.retain(|_, field| field.error.is_some());
    }
}
