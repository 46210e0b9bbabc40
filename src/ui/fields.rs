//! Text fields that edit a dossier value: what is typed stays in a buffer and is handed
//! back once, on Enter or when the field loses focus; input that does not read is marked
//! in place with the reason, and the stored value stays as it was.

use std::collections::HashMap;

use egui::{RichText, Ui};

use super::theme;

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
