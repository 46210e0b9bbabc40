//! The workbench window. Each frame the window is drawn (`draw`); menus, keys, views and
//! dialogs push [`Command`]s while it is, and [`WorkbenchApp::handle`] runs them after,
//! in one place. Every change to the dossier is `Command::Edit`, recorded for undo.
//!
//! The rooms, each with its own state: `files` (open, save, import, the file dialog),
//! `dialogs` (the modal questions and the details window), `presenting` (full screen,
//! slides, the footer), `exports` (files and pictures), `recovery` (copies of unsaved
//! work), `menus` (menu bar, tabs and status bar) and `views` (the four tabs).
//!
//! To add a menu entry with a shortcut: a variant of [`Command`] with its label, its keys
//! and its line in `MENUS`, all in `ui/command.rs`; and what it does in
//! [`WorkbenchApp::run`].

mod dialogs;
mod exports;
mod files;
mod menus;
mod presenting;
mod recovery;
mod sharing;
mod versions;
mod views;
mod work;

use std::path::{Path, PathBuf};

use egui::{Ui, ViewportCommand};

use self::dialogs::{Dialogs, Modal};
use self::exports::Exports;
pub use self::exports::ScreenshotJob;
use self::files::FileWorkflow;
use self::presenting::Presenter;
use self::recovery::Recoveries;
use self::sharing::Sharing;
use self::views::Views;
use super::autosave::Autosave;
use super::command::pressed_commands;
use super::files::FilePicker;
use super::prefs::{Preferences, ThemeChoice};
use super::{Command, Commands, Tab, theme};
use crate::document::{Document, DossierVersion};
use crate::i18n::{Language, Texts};

/// The key under which the preferences are stored between sessions.
const PREFERENCES_KEY: &str = "preferences";

/// How the app starts.
#[derive(Debug)]
pub struct Startup {
    /// A dossier file to open (a double-clicked file).
    pub file: Option<PathBuf>,
    pub tab: Option<Tab>,
    /// Start presenting (full screen, large type).
    pub present: bool,
    /// Read and write the preferences (off for screenshots, so they show a clean start).
    pub remember: bool,
    pub screenshot: Option<ScreenshotJob>,
    pub picker: Box<dyn FilePicker>,
    /// The system locale, for the default language.
    pub locale: Option<String>,
    /// The day deadlines are measured on; `None` reads the clock.
    pub today: Option<jiff::civil::Date>,
    /// Recovery copies of unsaved work; `None` keeps none (screenshots, most tests).
    pub autosave: Option<Autosave>,
}

pub struct WorkbenchApp {
    document: Document,
    prefs: Preferences,
    language: Language,
    tab: Tab,
    views: Views,
    files: FileWorkflow,
    dialogs: Dialogs,
    presenter: Presenter,
    exports: Exports,
    recovery: Recoveries,
    sharing: Sharing,
    versions: versions::Versions,
    work: work::Work,
    remember: bool,
    today: Option<jiff::civil::Date>,
    /// A short message for the status bar: what the last action did, and the state of
    /// the dossier it speaks of; a change after it makes it stale.
    notice: Option<(String, DossierVersion)>,
    shown_title: String,
    /// The theme applied, and whether for presenting.
    shown_theme: Option<(ThemeChoice, bool)>,
}

impl std::fmt::Debug for WorkbenchApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WorkbenchApp")
            .field("origin", &self.document.origin)
            .field("tab", &self.tab)
            .field("modal", &self.dialogs.modal)
            .finish_non_exhaustive()
    }
}

impl WorkbenchApp {
    pub fn new(ctx: &egui::Context, storage: Option<&dyn eframe::Storage>, startup: Startup) -> WorkbenchApp {
        let prefs: Preferences = if startup.remember {
            storage
                .and_then(|storage| eframe::get_value(storage, PREFERENCES_KEY))
                .unwrap_or_default()
        } else {
            Preferences::default()
        };
        let language = prefs
            .language
            .unwrap_or_else(|| Language::from_locale(startup.locale.as_deref()));
        let tab = startup.tab.unwrap_or(prefs.tab);
        ctx.options_mut(|options| options.zoom_with_keyboard = false);
        // Before the first frame, so that the first layout has the app's type sizes.
        let theme_choice = prefs.theme;
        theme::install_fonts(ctx);
        theme::apply(ctx, theme_choice, false);
        let reopen = startup
            .file
            .clone()
            .or_else(|| prefs.last_file.clone().filter(|_| startup.remember));
        let mut app = WorkbenchApp {
            document: Document::untitled(language.texts().new_dossier_title),
            prefs,
            language,
            tab,
            views: Views::default(),
            files: FileWorkflow::new(startup.picker),
            dialogs: Dialogs::default(),
            presenter: Presenter::default(),
            exports: Exports::new(startup.screenshot),
            recovery: Recoveries::new(startup.autosave),
            sharing: Sharing::default(),
            versions: versions::Versions::default(),
            work: work::Work::new(ctx),
            remember: startup.remember,
            today: startup.today,
            notice: None,
            shown_title: String::new(),
            shown_theme: Some((theme_choice, false)),
        };
        match Document::bundled() {
            Ok(bundled) => app.replace_document(bundled),
            Err(error) => app.show_error(app.texts().open_failed, app.texts().load_error(&error)),
        }
        if let Some(path) = reopen {
            app.open_file(&path);
        }
        if startup.present {
            app.set_presenting(ctx, true);
        }
        if let Some(path) = app.exports.chart_job_path() {
            app.tab = Tab::Indicators;
            app.views.indicators.begin_export(path);
        }
        app
    }

    pub fn texts(&self) -> &'static Texts {
        self.language.texts()
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// The timeline's search and filters, for benchmarks that type into them.
    pub fn timeline_filter_mut(&mut self) -> &mut super::timeline::Filter {
        &mut self.views.timeline.filter
    }

    /// What the timeline's right-hand side shows, for benchmarks that open its figures.
    pub fn timeline_selection_mut(&mut self) -> &mut Option<super::timeline::Selection> {
        &mut self.views.timeline.selection
    }

    pub fn language(&self) -> Language {
        self.language
    }

    pub fn preferences(&self) -> &Preferences {
        &self.prefs
    }

    pub fn is_presenting(&self) -> bool {
        self.presenter.presenting
    }

    /// Whether work runs off the frame (opening, saving, importing, exporting), or
    /// commands wait for it.
    pub fn is_busy(&self) -> bool {
        self.work.is_busy()
    }

    /// Whether a tab's figures are being worked out off the frame.
    pub fn is_working_out(&self) -> bool {
        self.views.timeline.is_working_out() || self.views.budget.is_working_out()
    }

    /// Whether a dialog waits for an answer.
    pub fn has_modal(&self) -> bool {
        self.dialogs.modal.is_some()
    }

    /// "• Integratiepact — Dossier Workbench", the dot while there are unsaved changes,
    /// and "(read-only)" after the title of a dossier that is saved elsewhere.
    pub fn window_title(&self) -> String {
        let mark = if self.document.is_dirty() { "• " } else { "" };
        let read_only = if self.document.is_read_only() {
            format!(" ({})", self.texts().read_only_mark)
        } else {
            String::new()
        };
        format!(
            "{mark}{}{read_only} — {}",
            self.document.dossier().title,
            self.texts().app_name
        )
    }

    /// The day deadlines are measured on: the clock's, unless a test fixed one.
    fn today(&self) -> jiff::civil::Date {
        self.today.unwrap_or_else(|| jiff::Zoned::now().date())
    }

    /// Runs a command. One that drops the open dossier asks first if it has unsaved
    /// changes; everything else is done at once.
    pub fn handle(&mut self, ctx: &egui::Context, command: Command) {
        if self.work.is_running() {
            if command.waits_for_work() {
                self.work.wait(command);
                return;
            }
            if self.work.is_opening() && command.changes_dossier() {
                return;
            }
        }
        if command.drops_dossier() && self.document.is_dirty() && !self.files.allow_close {
            self.dialogs.modal = Some(Modal::Unsaved { then: command });
        } else {
            self.run(ctx, command);
        }
    }

    /// Does what a command says, without asking.
    fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => self.replace_document(Document::untitled(self.texts().new_dossier_title)),
            Command::Open => self.open_dialog(ctx),
            Command::OpenByPath => self.ask_path_to_open(),
            Command::OpenFile(path) => self.open_file(&path),
            Command::OpenTyped(path) => self.open_typed(&path),
            Command::ClearRecent => self.prefs.recent.clear(),
            Command::Save => self.save(ctx, false, None),
            Command::SaveAs => self.save(ctx, true, None),
            Command::SaveTo { path, then } => self.save_to(&path, false, then),
            // A read-only dossier is never written over its file: it goes elsewhere.
            Command::SaveOverTheirs { then } if self.document.is_read_only() => {
                self.save(ctx, true, then.map(|then| *then));
            }
            Command::SaveOverTheirs { then } => {
                if let Some(path) = self.document.path().map(Path::to_path_buf) {
                    self.save_to(&path, true, then);
                }
            }
            Command::Reload => self.reload(),
            Command::KeepTheirs => self.keep_theirs(),
            Command::OpenReadOnly(path) => self.open_unlocked(&path, false),
            Command::OpenCopy(path) => self.open_unlocked(&path, true),
            Command::OpenAnyway(path) => self.open_anyway(&path),
            Command::SaveThen(then) => self.save(ctx, false, Some(*then)),
            Command::Discard(then) => {
                if matches!(*then, Command::Quit) {
                    self.files.allow_close = true;
                }
                self.run(ctx, *then);
            }
            Command::ShowImport => self.views.import.show(),
            Command::PickImportFile => self.pick_import_file(ctx),
            Command::ImportFile(path) => self.import_file(&path),
            Command::Export(what) => self.export(ctx, what),
            Command::ExportTo { what, path } => self.export_to(what, path),
            Command::SaveChartPicture { path, picture } => self.save_chart_picture(ctx, &path, picture),
            Command::RestoreRecovery(recovery) => self.restore(&recovery),
            Command::DeleteRecovery(recovery) => {
                if let Err(error) = recovery.discard() {
                    self.show_error(self.texts().recover_failed, self.texts().io_reason(&error));
                }
            }
            Command::CancelWork => self.cancel_work(),
            Command::Quit => {
                self.remove_recovery_copy();
                self.files.allow_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            Command::Undo => {
                if let Err(error) = self.document.undo() {
                    self.show_error(self.texts().edit_failed, self.texts().edit_error(&error));
                }
            }
            Command::Redo => {
                if let Err(error) = self.document.redo() {
                    self.show_error(self.texts().edit_failed, self.texts().edit_error(&error));
                }
            }
            Command::Edit(edit) => self.apply(edit),
            Command::DossierDetails => self.dialogs.details.open = true,
            Command::ShowConflicts => self.views.conflicts.open = true,
            Command::Compare => self.pick_compared(ctx),
            Command::CompareWith(path) => self.compare_with_file(&path),
            Command::CompareSaved => {
                if let Some(path) = self.document.path().map(Path::to_path_buf) {
                    self.compare_with_file(&path);
                }
            }
            Command::History => self.show_history(),
            Command::OpenRevision(index) => self.open_revision(index),
            Command::CompareRevision(index) => self.compare_revision(index),
            Command::Find => self.views.find.show(),
            Command::FindNext | Command::FindPrevious => {
                if let Some(found) = self.views.find.step(matches!(command, Command::FindNext)) {
                    self.run(ctx, Command::Reveal(found));
                }
            }
            Command::Reveal(found) => {
                if let Some(tab) = self.views.reveal(self.document.dossier(), &found) {
                    self.tab = tab;
                }
            }
            Command::ShowTab(tab) => self.tab = tab,
            Command::ZoomIn => self.prefs.zoom = self.prefs.stepped_zoom(1.0),
            Command::ZoomOut => self.prefs.zoom = self.prefs.stepped_zoom(-1.0),
            Command::ZoomReset => self.prefs.zoom = 1.0,
            Command::SetTheme(choice) => self.prefs.theme = choice,
            Command::SetLanguage(language) => {
                self.language = language;
                self.prefs.language = Some(language);
            }
            Command::Present => {
                let on = !self.presenter.presenting;
                self.set_presenting(ctx, on);
            }
            Command::StopPresenting => self.set_presenting(ctx, false),
            Command::FullScreen => {
                let full = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(!full));
            }
            Command::AddSlide => self.add_slide(),
            Command::ShowSlides => self.presenter.slides_window.open = true,
            Command::ShowSlide(index) => self.show_slide(index),
            Command::PresentSlide(index) => {
                self.set_presenting(ctx, true);
                self.show_slide(index);
            }
            Command::StepSlides(delta) => self.step_presentation(delta),
        }
    }

    /// Makes an edit, recorded for undo; nothing else changes the dossier.
    pub fn apply(&mut self, edit: crate::model::edit::Edit) {
        if let Err(error) = self.document.apply(edit) {
            self.show_error(self.texts().edit_failed, self.texts().edit_error(&error));
        }
    }

    /// Says in the status bar what an action did, until the dossier changes again.
    fn tell(&mut self, notice: String) {
        self.notice = Some((notice, self.document.version()));
    }

    fn show_error(&mut self, title: &'static str, message: String) {
        self.dialogs.modal = Some(Modal::Error { title, message });
    }

    fn replace_document(&mut self, document: Document) {
        let mut old = std::mem::replace(&mut self.document, document);
        // The lock file goes at once, as it always has.
        drop(old.take_lock());
        let views = std::mem::take(&mut self.views);
        // Freeing a large dossier and what the views worked out of it takes a while:
        // not on the frame.
        std::thread::spawn(move || drop((old, views)));
        self.views.conflicts.open = !self.document.dossier().conflicts.is_empty();
        self.dialogs.follow(self.document.dossier());
    }

    /// Keeps the window title, theme and zoom in step with the state.
    fn sync_window(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
        let presenting = self.presenter.presenting;
        if self.shown_theme != Some((self.prefs.theme, presenting)) {
            theme::apply(ctx, self.prefs.theme, presenting);
            self.shown_theme = Some((self.prefs.theme, presenting));
        }
        // The window's height in points without any zoom: its pixels (this frame's
        // size at this frame's scale) over the system's scale. Full screen while
        // presenting, so the screen's.
        // Only a real window has a place on a screen; headless, the screen is not known.
        let pixels = ctx.content_rect().height() * ctx.pixels_per_point();
        let screen = ctx.input(|i| {
            let viewport = i.viewport();
            viewport
                .native_pixels_per_point
                .filter(|_| viewport.inner_rect.is_some() && pixels > 0.0)
                .map(|native| pixels / native)
        });
        let zoom = theme::zoom_factor(self.prefs.zoom, presenting, screen);
        // Changing the zoom while the window goes full screen (or back) left the picture
        // at the old size under a window manager: the zoom waits for the new size.
        let settling = self.presenter.settling(ctx);
        if !settling && (ctx.zoom_factor() - zoom).abs() > f32::EPSILON {
            ctx.set_zoom_factor(zoom);
        }
    }

    fn close_request(&mut self, ctx: &egui::Context) {
        let closing = ctx.input(|i| i.viewport().close_requested());
        // A save running off the frame is let finish first; the window closes after it.
        if closing && self.work.is_running() && !self.files.allow_close {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.work.wait(Command::Quit);
            return;
        }
        if closing && self.document.is_dirty() && !self.files.allow_close {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.dialogs.modal = Some(Modal::Unsaved { then: Command::Quit });
        }
    }

    /// The keys pressed this frame, as commands.
    fn keys(&self, ctx: &egui::Context, commands: &mut Commands) {
        let presenting = self.presenter.presenting;
        for command in pressed_commands(ctx, text_field_has_focus(ctx), presenting) {
            commands.push(command);
        }
        if presenting && self.dialogs.modal.is_none() {
            presenting::presenting_keys(ctx, commands);
        }
    }

    /// One frame of the whole window. Needs nothing of eframe, so that benchmarks can
    /// run it headless.
    pub fn draw(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let mut commands = Commands::default();
        self.work_step(&ctx);
        self.close_request(&ctx);
        if self.dialogs.modal.is_none() {
            self.keys(&ctx, &mut commands);
            self.dropped_files(&ctx, &mut commands);
        }
        // Keys act before the frame is drawn, as they always have.
        for command in commands.take() {
            self.handle(&ctx, command);
        }
        self.sync_window(&ctx);
        let presenting = self.presenter.presenting;
        if !presenting {
            egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui, &mut commands));
        }
        egui::Panel::top("tabs")
            .frame(egui::Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::symmetric(8, 6)))
            .show(ui, |ui| self.tabs_ui(ui));
        if presenting {
            egui::Panel::bottom("presenting_footer")
                .frame(egui::Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::symmetric(12, 6)))
                .show(ui, |ui| self.presenting_footer_ui(ui));
        } else {
            egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        }
        let ids = self.document.dossier().allocate_ids();
        let view = views::view_of(&self.document, &ids, self.language, presenting, self.today());
        let shown = egui::CentralPanel::default()
            .show(ui, |ui| self.views.tab_ui(ui, self.tab, &view, &mut commands));
        self.exports.view_rect = shown.response.rect;
        self.dialogs.details_ui(&ctx, &view, &mut commands);
        if !presenting {
            self.presenter
                .slides_window
                .ui(&ctx, view.dossier, view.texts, &mut commands);
        }
        self.views.find.ui(&ctx, &view, &mut commands);
        self.views.conflicts.ui(&ctx, &view, &mut commands);
        self.versions.compare.ui(&ctx, &view);
        self.versions.history.ui(&ctx, &view, &mut commands);
        let imported = self.views.import_ui(&ctx, &view, &mut commands);
        self.work_ui(&ctx, &mut commands);
        for command in commands.take() {
            self.handle(&ctx, command);
        }
        if let Some(outcome) = imported {
            self.tell(self.texts().imported_notice(outcome));
        }
        self.autosave_step(&ctx);
        self.watch_step(&ctx);
        self.recovery.offer(&mut self.dialogs);
        if let Some(command) = self
            .dialogs
            .modal_ui(&ctx, self.texts(), &self.document.dossier().title)
        {
            self.handle(&ctx, command);
        }
        self.screenshot_step(&ctx);
        self.view_picture_step(&ctx);
    }
}

/// Whether the keyboard is in a text field (whose own undo then takes Ctrl+Z), as
/// opposed to another focused widget such as the budget grid.
fn text_field_has_focus(ctx: &egui::Context) -> bool {
    ctx.memory(|memory| memory.focused())
        .is_some_and(|id| egui::text_edit::TextEditState::load(ctx, id).is_some())
}

impl eframe::App for WorkbenchApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if !self.remember {
            return;
        }
        self.prefs.tab = self.tab;
        self.prefs.last_file = self.document.path().map(Path::to_path_buf);
        eframe::set_value(storage, PREFERENCES_KEY, &self.prefs);
    }

    fn persist_egui_memory(&self) -> bool {
        self.remember
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.remove_recovery_copy();
    }
}
