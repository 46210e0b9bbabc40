//! The menu bar, the tab bar and the status bar. Menu entries push commands; their
//! labels and keys come from [`Command`], so a menu always shows the key that works.

use egui::{RichText, Ui};

use super::WorkbenchApp;
use crate::document::Origin;
use crate::export::csv::Delimiter;
use crate::export::sheet::sheet_list;
use crate::i18n::Language;
use crate::ui::command::{Export, command_button_ui};
use crate::ui::prefs::ThemeChoice;
use crate::ui::{Command, Commands, Tab, theme};

impl WorkbenchApp {
    pub(super) fn menu_ui(&self, ui: &mut Ui, commands: &mut Commands) {
        let texts = self.texts();
        let document = &self.document;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(texts.menu_file, |ui| {
                command_button_ui(ui, texts, Command::New, true, commands);
                command_button_ui(ui, texts, Command::Open, true, commands);
                ui.menu_button(texts.open_recent, |ui| self.recent_menu_ui(ui, commands));
                command_button_ui(ui, texts, Command::OpenByPath, true, commands);
                ui.separator();
                command_button_ui(ui, texts, Command::ShowImport, true, commands);
                ui.menu_button(texts.export_menu, |ui| self.export_menu_ui(ui, commands));
                ui.separator();
                command_button_ui(ui, texts, Command::Save, true, commands);
                command_button_ui(ui, texts, Command::SaveAs, true, commands);
                ui.separator();
                command_button_ui(ui, texts, Command::Quit, true, commands);
            });
            ui.menu_button(texts.menu_edit, |ui| {
                command_button_ui(ui, texts, Command::Undo, document.can_undo(), commands);
                command_button_ui(ui, texts, Command::Redo, document.can_redo(), commands);
                ui.separator();
                command_button_ui(ui, texts, Command::DossierDetails, true, commands);
            });
            ui.menu_button(texts.menu_view, |ui| {
                for tab in Tab::ALL {
                    command_button_ui(ui, texts, Command::ShowTab(tab), true, commands);
                }
                ui.separator();
                command_button_ui(ui, texts, Command::ZoomIn, true, commands);
                command_button_ui(ui, texts, Command::ZoomOut, true, commands);
                command_button_ui(ui, texts, Command::ZoomReset, true, commands);
                ui.separator();
                for (choice, label) in [
                    (ThemeChoice::Light, texts.theme_light),
                    (ThemeChoice::Dark, texts.theme_dark),
                ] {
                    if ui.radio(self.prefs.theme == choice, label).clicked() {
                        commands.push(Command::SetTheme(choice));
                    }
                }
                ui.separator();
                ui.menu_button(texts.language, |ui| {
                    for language in Language::ALL {
                        if ui.radio(self.language == language, language.name()).clicked() {
                            commands.push(Command::SetLanguage(language));
                        }
                    }
                });
                ui.separator();
                command_button_ui(ui, texts, Command::Present, true, commands);
                command_button_ui(ui, texts, Command::FullScreen, true, commands);
                ui.separator();
                command_button_ui(ui, texts, Command::AddSlide, true, commands);
                command_button_ui(ui, texts, Command::ShowSlides, true, commands);
            });
        });
    }

    fn recent_menu_ui(&self, ui: &mut Ui, commands: &mut Commands) {
        let texts = self.texts();
        if self.prefs.recent.is_empty() {
            ui.label(RichText::new(texts.no_recent).weak());
            return;
        }
        for path in &self.prefs.recent {
            if ui.button(path.display().to_string()).clicked() {
                commands.push(Command::OpenFile(path.clone()));
            }
        }
        ui.separator();
        command_button_ui(ui, texts, Command::ClearRecent, true, commands);
    }

    /// File → Export: every table as CSV or TSV, the report, the view and the chart.
    fn export_menu_ui(&self, ui: &mut Ui, commands: &mut Commands) {
        let texts = self.texts();
        // Names and row counts only: a table is written when it is chosen.
        let sheets = sheet_list(self.document.dossier(), texts);
        for (label, delimiter) in [
            (texts.export_csv_menu, Delimiter::Semicolon),
            (texts.export_tsv_menu, Delimiter::Tab),
        ] {
            ui.menu_button(label, |ui| {
                for sheet in &sheets {
                    let name = format!("{} ({})", sheet.name, texts.rows_count(sheet.rows));
                    if ui.button(name).clicked() {
                        let table = sheet.table;
                        commands.push(Command::Export(Export::Sheet { table, delimiter }));
                    }
                }
            });
        }
        ui.separator();
        command_button_ui(ui, texts, Command::Export(Export::Report), true, commands);
        command_button_ui(ui, texts, Command::Export(Export::View), true, commands);
        let has_indicators = !self.document.dossier().indicators.is_empty();
        command_button_ui(
            ui,
            texts,
            Command::Export(Export::Chart),
            has_indicators,
            commands,
        );
    }

    pub(super) fn tabs_ui(&mut self, ui: &mut Ui) {
        let texts = self.texts();
        ui.horizontal(|ui| {
            ui.add_space(4.0);
            for tab in Tab::ALL {
                let text = RichText::new(tab.name(texts)).size(19.0);
                ui.selectable_value(&mut self.tab, tab, text);
            }
            ui.add_space(16.0);
            ui.label(RichText::new(&self.document.dossier().title).strong());
        });
    }

    pub(super) fn status_ui(&self, ui: &mut Ui) {
        let texts = self.texts();
        ui.horizontal(|ui| {
            let place = match &self.document.origin {
                Origin::File(path) => path.display().to_string(),
                Origin::Bundled => texts.status_bundled.to_string(),
                Origin::Untitled => texts.status_untitled.to_string(),
            };
            ui.label(RichText::new(place).small());
            ui.separator();
            let palette = theme::palette(ui.visuals().dark_mode);
            if self.document.is_dirty() {
                ui.label(
                    RichText::new(texts.status_unsaved)
                        .small()
                        .strong()
                        .color(palette.warn),
                );
            } else {
                ui.label(RichText::new(texts.status_saved).small());
            }
            if let Some(notice) = &self.notice {
                ui.separator();
                ui.label(RichText::new(notice).small());
            }
            if let Some(saved) = &self.document.last_saved {
                ui.separator();
                let time = saved.strftime("%H:%M:%S").to_string();
                ui.label(RichText::new(texts.status_saved_at(time)).small().weak());
            }
        });
    }
}
