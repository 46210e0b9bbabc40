//! Everything a user can do, as one [`Command`]: menus, the keyboard, views and dialogs
//! push commands, and the app runs each in one place (`ui::app::WorkbenchApp::handle`).
//! A command's label and its keys are defined here once, so the shortcut a menu shows
//! is always the one that works.

use std::path::PathBuf;
use std::sync::Arc;

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::Tab;
use super::prefs::ThemeChoice;
use crate::export::csv::Delimiter;
use crate::export::sheet::SheetTable;
use crate::i18n::{Language, Texts};
use crate::model::edit::Edit;
use crate::model::find::Found;
use crate::store::recovery::Recovery;

/// What can be exported to a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// A table as CSV or TSV.
    Sheet { table: SheetTable, delimiter: Delimiter },
    /// The whole dossier as one HTML page.
    Report,
    /// The tab as it is shown, as a picture.
    View,
    /// The indicator chart as a picture.
    Chart,
    /// A PDF to print: the tab shown, or the whole dossier.
    Pdf { whole: bool },
}

#[derive(Clone, Debug)]
pub enum Command {
    // File
    New,
    Open,
    /// Open a file whose path the user types.
    OpenByPath,
    OpenFile(PathBuf),
    /// A path typed in the dialog: opened if it is a file, asked again if not.
    OpenTyped(PathBuf),
    ClearRecent,
    Save,
    SaveAs,
    /// Save to this file, then run `then`.
    SaveTo {
        path: PathBuf,
        then: Option<Box<Command>>,
    },
    /// Save (asking where if need be), then run `then`: *Save* in the unsaved-changes dialog.
    SaveThen(Box<Command>),
    /// Run a command that drops unsaved changes, which the user agreed to lose.
    Discard(Box<Command>),
    ShowImport,
    /// Ask for a PDF or text file to import.
    PickImportFile,
    ImportFile(PathBuf),
    /// Ask where to export, then write.
    Export(Export),
    ExportTo {
        what: Export,
        path: PathBuf,
    },
    /// The picture of the chart, to be saved at `path`, or why there is none.
    SaveChartPicture {
        path: PathBuf,
        picture: Result<Arc<egui::ColorImage>, String>,
    },
    /// The file again as it is on disk: someone else changed it.
    Reload,
    /// Someone else changed the file: theirs is opened, mine kept in a copy beside it.
    KeepTheirs,
    /// Someone else changed the file: mine is saved over theirs, then `then` runs.
    SaveOverTheirs {
        then: Option<Box<Command>>,
    },
    /// A file someone else has open, opened without its lock and saved elsewhere.
    OpenReadOnly(PathBuf),
    /// A file someone else has open, opened as a new, untitled dossier.
    OpenCopy(PathBuf),
    /// A file someone else has open, opened and locked as if they had not.
    OpenAnyway(PathBuf),
    /// Ask for another dossier file to compare the open one with.
    Compare,
    /// What changed from this file to the open dossier.
    CompareWith(PathBuf),
    /// What changed since the file was saved.
    CompareSaved,
    /// The commits that changed the open file, from git.
    History,
    /// The version of the history's file at one of its commits, opened read-only.
    OpenRevision(usize),
    /// What changed from one of the history's commits to the open dossier.
    CompareRevision(usize),
    RestoreRecovery(Recovery),
    DeleteRecovery(Recovery),
    Quit,
    /// Stops the long work running off the frame (opening, saving, importing,
    /// exporting), where stopping is safe.
    CancelWork,
    // Edit
    Undo,
    Redo,
    Edit(Edit),
    DossierDetails,
    /// The conflicts a merge left, to settle.
    ShowConflicts,
    /// Find across the dossier.
    Find,
    FindNext,
    FindPrevious,
    /// Show a part of the dossier on its tab, selected and in view.
    Reveal(Found),
    // View
    ShowTab(Tab),
    ZoomIn,
    ZoomOut,
    ZoomReset,
    SetTheme(ThemeChoice),
    SetLanguage(Language),
    /// Presenting on or off.
    Present,
    StopPresenting,
    FullScreen,
    AddSlide,
    ShowSlides,
    ShowSlide(usize),
    /// Start presenting at a slide.
    PresentSlide(usize),
    /// Forward or back through the slides (or the tabs) while presenting.
    StepSlides(isize),
}

impl From<Edit> for Command {
    fn from(edit: Edit) -> Command {
        Command::Edit(edit)
    }
}

const fn command_key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn command_shift_key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

const fn plain_key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

/// The menus of the menu bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    File,
    Edit,
    View,
}

impl Menu {
    pub fn label(self, texts: &'static Texts) -> &'static str {
        match self {
            Menu::File => texts.menu_file,
            Menu::Edit => texts.menu_edit,
            Menu::View => texts.menu_view,
        }
    }
}

/// One line of a menu.
#[derive(Clone, Debug)]
pub enum MenuEntry {
    /// A command, with its label and key.
    Run(Command),
    Separator,
    /// The dossiers opened last.
    Recent,
    /// Every table as CSV or TSV, the report, the view and the chart.
    Export,
    /// Light or dark.
    Themes,
    Languages,
}

/// The menu bar, entry by entry: the menus are drawn from it and the keyboard reads its
/// keys from it, so what a menu shows is what the keys do.
pub const MENUS: [(Menu, &[MenuEntry]); 3] = [
    (
        Menu::File,
        &[
            MenuEntry::Run(Command::New),
            MenuEntry::Run(Command::Open),
            MenuEntry::Recent,
            MenuEntry::Run(Command::OpenByPath),
            MenuEntry::Separator,
            MenuEntry::Run(Command::ShowImport),
            MenuEntry::Export,
            MenuEntry::Run(Command::Export(Export::Pdf { whole: false })),
            MenuEntry::Separator,
            MenuEntry::Run(Command::Save),
            MenuEntry::Run(Command::SaveAs),
            MenuEntry::Separator,
            MenuEntry::Run(Command::Compare),
            MenuEntry::Run(Command::CompareSaved),
            MenuEntry::Run(Command::History),
            MenuEntry::Separator,
            MenuEntry::Run(Command::Quit),
        ],
    ),
    (
        Menu::Edit,
        &[
            MenuEntry::Run(Command::Undo),
            MenuEntry::Run(Command::Redo),
            MenuEntry::Separator,
            MenuEntry::Run(Command::Find),
            MenuEntry::Run(Command::FindNext),
            MenuEntry::Run(Command::FindPrevious),
            MenuEntry::Separator,
            MenuEntry::Run(Command::DossierDetails),
            MenuEntry::Run(Command::ShowConflicts),
        ],
    ),
    (
        Menu::View,
        &[
            MenuEntry::Run(Command::ShowTab(Tab::Timeline)),
            MenuEntry::Run(Command::ShowTab(Tab::Budget)),
            MenuEntry::Run(Command::ShowTab(Tab::Board)),
            MenuEntry::Run(Command::ShowTab(Tab::Indicators)),
            MenuEntry::Separator,
            MenuEntry::Run(Command::ZoomIn),
            MenuEntry::Run(Command::ZoomOut),
            MenuEntry::Run(Command::ZoomReset),
            MenuEntry::Separator,
            MenuEntry::Themes,
            MenuEntry::Separator,
            MenuEntry::Languages,
            MenuEntry::Separator,
            MenuEntry::Run(Command::Present),
            MenuEntry::Run(Command::FullScreen),
            MenuEntry::Separator,
            MenuEntry::Run(Command::AddSlide),
            MenuEntry::Run(Command::ShowSlides),
        ],
    ),
];

/// The commands of the menus that have keys, in menu order.
pub fn commands_with_keys() -> impl Iterator<Item = &'static Command> {
    MENUS
        .iter()
        .flat_map(|(_, entries)| entries.iter())
        .filter_map(|entry| match entry {
            MenuEntry::Run(command) if !command.shortcuts().is_empty() => Some(command),
            _ => None,
        })
}

impl Command {
    /// The keys that run it; a menu shows the first.
    pub fn shortcuts(&self) -> &'static [KeyboardShortcut] {
        static TAB_KEYS: [[KeyboardShortcut; 1]; 4] = [
            [command_key(Key::Num1)],
            [command_key(Key::Num2)],
            [command_key(Key::Num3)],
            [command_key(Key::Num4)],
        ];
        const NEW: KeyboardShortcut = command_key(Key::N);
        const OPEN: KeyboardShortcut = command_key(Key::O);
        const SAVE: KeyboardShortcut = command_key(Key::S);
        const SAVE_AS: KeyboardShortcut = command_shift_key(Key::S);
        const IMPORT: KeyboardShortcut = command_key(Key::I);
        const QUIT: KeyboardShortcut = command_key(Key::Q);
        const UNDO: KeyboardShortcut = command_key(Key::Z);
        const REDO: KeyboardShortcut = command_key(Key::Y);
        const REDO_SHIFT: KeyboardShortcut = command_shift_key(Key::Z);
        const ZOOM_IN: KeyboardShortcut = command_key(Key::Plus);
        const ZOOM_IN_EQUALS: KeyboardShortcut = command_key(Key::Equals);
        const ZOOM_OUT: KeyboardShortcut = command_key(Key::Minus);
        const ZOOM_RESET: KeyboardShortcut = command_key(Key::Num0);
        const PRESENT: KeyboardShortcut = plain_key(Key::F5);
        const FULL_SCREEN: KeyboardShortcut = plain_key(Key::F11);
        const FIND: KeyboardShortcut = command_key(Key::F);
        const PRINT: KeyboardShortcut = command_key(Key::P);
        const FIND_NEXT: KeyboardShortcut = plain_key(Key::F3);
        const FIND_PREVIOUS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::SHIFT, Key::F3);
        match self {
            Command::New => &[NEW],
            Command::Open => &[OPEN],
            Command::Save => &[SAVE],
            Command::SaveAs => &[SAVE_AS],
            Command::ShowImport => &[IMPORT],
            Command::Quit => &[QUIT],
            Command::Undo => &[UNDO],
            Command::Redo => &[REDO, REDO_SHIFT],
            Command::ZoomIn => &[ZOOM_IN, ZOOM_IN_EQUALS],
            Command::ZoomOut => &[ZOOM_OUT],
            Command::ZoomReset => &[ZOOM_RESET],
            Command::Present => &[PRESENT],
            Command::FullScreen => &[FULL_SCREEN],
            Command::Find => &[FIND],
            Command::Export(Export::Pdf { whole: false }) => &[PRINT],
            Command::FindNext => &[FIND_NEXT],
            Command::FindPrevious => &[FIND_PREVIOUS],
            Command::ShowTab(tab) => {
                let index = Tab::ALL.iter().position(|t| t == tab).unwrap_or(0);
                &TAB_KEYS[index]
            }
            _ => &[],
        }
    }

    /// Whether its keys work now. While a text field has the keyboard its own undo takes
    /// Ctrl+Z; while presenting nothing changes, not even by undo.
    fn keys_work(&self, typing: bool, presenting: bool) -> bool {
        match self {
            Command::Undo | Command::Redo => !typing && !presenting,
            Command::ShowImport | Command::Find | Command::FindNext | Command::FindPrevious => !presenting,
            _ => true,
        }
    }

    /// Its name in a menu.
    pub fn label(&self, texts: &'static Texts) -> &'static str {
        match self {
            Command::New => texts.new,
            Command::Open => texts.open,
            Command::OpenByPath => texts.open_path,
            Command::ClearRecent => texts.clear_recent,
            Command::Save => texts.save,
            Command::SaveAs => texts.save_as,
            Command::ShowImport => texts.import_text_menu,
            Command::Quit => texts.quit,
            Command::Undo => texts.undo,
            Command::Redo => texts.redo,
            Command::DossierDetails => texts.dossier_details,
            Command::ShowConflicts => texts.merge.conflicts_menu,
            Command::Compare => texts.merge.compare_menu,
            Command::CompareSaved => texts.merge.compare_saved_menu,
            Command::History => texts.merge.history_menu,
            Command::Find => texts.find,
            Command::FindNext => texts.find_next,
            Command::FindPrevious => texts.find_previous,
            Command::ShowTab(tab) => tab.name(texts),
            Command::ZoomIn => texts.zoom_in,
            Command::ZoomOut => texts.zoom_out,
            Command::ZoomReset => texts.zoom_reset,
            Command::Present => texts.presenting,
            Command::FullScreen => texts.full_screen,
            Command::AddSlide => texts.add_slide,
            Command::ShowSlides => texts.slides_menu,
            Command::Export(Export::Report) => texts.export_report,
            Command::Export(Export::View) => texts.export_view,
            Command::Export(Export::Chart) => texts.export_chart,
            Command::Export(Export::Pdf { whole: false }) => texts.print_tab,
            Command::Export(Export::Pdf { whole: true }) => texts.export_pdf,
            _ => texts.app_name,
        }
    }

    /// Whether it reads or writes files or replaces the dossier, so that it waits for the
    /// work running off the frame to end: a second save, the quit after a save.
    pub fn waits_for_work(&self) -> bool {
        self.drops_dossier()
            || matches!(
                self,
                Command::Save
                    | Command::SaveAs
                    | Command::SaveTo { .. }
                    | Command::SaveThen(_)
                    | Command::SaveOverTheirs { .. }
                    | Command::Discard(_)
                    | Command::OpenTyped(_)
                    | Command::OpenReadOnly(_)
                    | Command::OpenCopy(_)
                    | Command::OpenAnyway(_)
                    | Command::Reload
                    | Command::KeepTheirs
                    | Command::PickImportFile
                    | Command::ImportFile(_)
                    | Command::Export(_)
                    | Command::ExportTo { .. }
                    | Command::RestoreRecovery(_)
                    | Command::Compare
                    | Command::CompareWith(_)
                    | Command::CompareSaved
                    | Command::CompareRevision(_)
            )
    }

    /// Whether it changes the dossier: not while another one is being opened in its place.
    pub fn changes_dossier(&self) -> bool {
        matches!(
            self,
            Command::Edit(_) | Command::Undo | Command::Redo | Command::AddSlide
        )
    }

    /// Whether it would drop the open dossier, so that unsaved changes are asked about first.
    pub fn drops_dossier(&self) -> bool {
        matches!(
            self,
            Command::New
                | Command::Open
                | Command::OpenByPath
                | Command::OpenFile(_)
                | Command::OpenRevision(_)
                | Command::Quit
        )
    }
}

/// The commands whose keys were pressed this frame. The keys with Shift are looked at
/// first: Ctrl+Shift+S must not be taken for Ctrl+S.
pub fn pressed_commands(ctx: &egui::Context, typing: bool, presenting: bool) -> Vec<Command> {
    let mut pressed = Vec::new();
    for with_shift in [true, false] {
        for command in commands_with_keys() {
            if !command.keys_work(typing, presenting) {
                continue;
            }
            let consumed = command
                .shortcuts()
                .iter()
                .filter(|shortcut| shortcut.modifiers.shift == with_shift)
                .any(|shortcut| ctx.input_mut(|input| input.consume_shortcut(shortcut)));
            if consumed {
                pressed.push(command.clone());
            }
        }
    }
    pressed
}

/// A menu entry for a command: its label and the key that runs it; pushes the command
/// when clicked.
pub fn command_button_ui(
    ui: &mut Ui,
    texts: &'static Texts,
    command: Command,
    enabled: bool,
    commands: &mut Commands,
) {
    let mut button = egui::Button::new(command.label(texts));
    if let Some(shortcut) = command.shortcuts().first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    if ui.add_enabled(enabled, button).clicked() {
        commands.push(command);
    }
}

/// Where views, menus and dialogs put what they want done, in order.
#[derive(Debug, Default)]
pub struct Commands(Vec<Command>);

impl Commands {
    pub fn push(&mut self, command: impl Into<Command>) {
        self.0.push(command.into());
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The commands pushed since the queue had `from` of them.
    pub fn since(&self, from: usize) -> &[Command] {
        self.0.get(from..).unwrap_or_default()
    }

    pub fn take(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_key() {
        let mut seen: Vec<(KeyboardShortcut, &Command)> = Vec::new();
        let keyed: Vec<&Command> = commands_with_keys().collect();
        assert_eq!(keyed.len(), 21, "every command with keys is in a menu");
        for command in keyed {
            for shortcut in command.shortcuts() {
                if let Some((_, other)) = seen.iter().find(|(s, _)| s == shortcut) {
                    panic!("{command:?} and {other:?} share {shortcut:?}");
                }
                seen.push((*shortcut, command));
            }
        }
    }

    #[test]
    fn every_command_in_a_menu_has_a_label_in_both_languages() {
        for language in Language::ALL {
            let texts = language.texts();
            for (_, entries) in &MENUS {
                for entry in entries.iter() {
                    if let MenuEntry::Run(command) = entry {
                        assert_ne!(command.label(texts), texts.app_name, "{command:?}");
                    }
                }
            }
        }
    }
}
