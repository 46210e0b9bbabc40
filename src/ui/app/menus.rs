//! The menu bar, the tab bar and the status bar. The menu bar is drawn from the list
//! [`MENUS`] the keyboard also reads, so a menu always shows the key that works.

use egui::{RichText, Ui};

use super::WorkbenchApp;
use crate::document::Origin;
use crate::export::csv::Delimiter;
use crate::export::sheet::sheet_list;
use crate::i18n::Language;
use crate::ui::command::{Export, MENUS, MenuEntry, command_button_ui};
use crate::ui::prefs::ThemeChoice;
use crate::ui::{Command, Commands, Tab, theme};

impl WorkbenchApp {
    /// The menu bar, drawn from [`MENUS`].
    pub(super) fn menu_ui(&self, ui: &mut Ui, commands: &mut Commands) {
        let texts = self.texts();
        egui::MenuBar::new().ui(ui, |ui| {
            for (menu, entries) in &MENUS {
                ui.menu_button(menu.label(texts), |ui| {
                    for entry in entries.iter() {
                        self.menu_entry_ui(ui, entry, commands);
                    }
                });
            }
        });
    }

    fn menu_entry_ui(&self, ui: &mut Ui, entry: &MenuEntry, commands: &mut Commands) {
        let texts = self.texts();
        match entry {
            MenuEntry::Run(command) => {
                let enabled = match command {
                    Command::Undo => self.document.can_undo(),
                    Command::Redo => self.document.can_redo(),
                    Command::Export(Export::Chart) => !self.document.dossier().indicators.is_empty(),
                    Command::CompareSaved | Command::History => self.document.path().is_some(),
                    _ => true,
                };
                command_button_ui(ui, texts, command.clone(), enabled, commands);
            }
            MenuEntry::Separator => {
                ui.separator();
            }
            MenuEntry::Recent => {
                ui.menu_button(texts.open_recent, |ui| self.recent_menu_ui(ui, commands));
            }
            MenuEntry::Export => {
                ui.menu_button(texts.export_menu, |ui| self.export_menu_ui(ui, commands));
            }
            MenuEntry::Themes => {
                for (choice, label) in [
                    (ThemeChoice::Light, texts.theme_light),
                    (ThemeChoice::Dark, texts.theme_dark),
                ] {
                    if ui.radio(self.prefs.theme == choice, label).clicked() {
                        commands.push(Command::SetTheme(choice));
                    }
                }
            }
            MenuEntry::Languages => {
                ui.menu_button(texts.language, |ui| {
                    for language in Language::ALL {
                        if ui.radio(self.language == language, language.name()).clicked() {
                            commands.push(Command::SetLanguage(language));
                        }
                    }
                });
            }
        }
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
        for what in [
            Export::Report,
            Export::Pdf { whole: true },
            Export::View,
            Export::Chart,
        ] {
            self.menu_entry_ui(ui, &MenuEntry::Run(Command::Export(what)), commands);
        }
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
            let palette = theme::palette(ui.visuals().dark_mode);
            let warning = |ui: &mut Ui, text: &str| {
                ui.separator();
                ui.label(RichText::new(text).small().strong().color(palette.warn));
            };
            if self.document.is_read_only() {
                warning(ui, texts.read_only_status);
            }
            let conflicts = self.document.dossier().conflicts.len();
            if conflicts > 0 {
                warning(ui, &texts.merge.conflicts_left(conflicts));
            }
            if self.document.is_dirty() {
                warning(ui, texts.status_unsaved);
            } else if self.document.path().is_some() {
                // "Saved" only of a file: the bundled or a new dossier is in none yet.
                ui.separator();
                ui.label(RichText::new(texts.status_saved).small());
            }
            if let Some((notice, _)) = self
                .notice
                .as_ref()
                .filter(|(_, made_for)| *made_for == self.document.version())
            {
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
