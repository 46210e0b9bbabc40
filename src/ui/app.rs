//! The workbench window: menus, tabs, dialogs, the status bar and the file workflow.
//! Every change to the dossier goes through [`WorkbenchApp::apply`], which records it
//! for undo; nothing else writes to the dossier.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::mutex::Mutex;
use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui, ViewportCommand};

use super::autosave::{Autosave, Autosaver};
use super::board::BoardView;
use super::budget::BudgetView;
use super::document::{Document, Origin};
use super::files::{FileKind, FilePicker, Picked, suggested_file_name, with_dossier_extension};
use super::import::ImportDialog;
use super::indicators::IndicatorsView;
use super::picture::{PendingPicture, Picture};
use super::prefs::{Preferences, ThemeChoice};
use super::slides::{SlideAction, SlidesWindow};
use super::timeline::TimelineView;
use super::{DossierVersion, Edits, Request, Tab, ViewContext, theme, widgets};
use crate::export::csv::Delimiter;
use crate::export::sheet::{SheetTable, sheet, sheet_list};
use crate::export::{html, png};
use crate::i18n::DateText as _;
use crate::i18n::format_day;
use crate::i18n::{Language, Texts};
use crate::model::dossier::{OrganisationId, TableId};
use crate::model::edit::Edit;
use crate::model::slide::Slide;
use crate::store::recovery::Recovery;

/// The key under which the preferences are stored between sessions.
const PREFERENCES_KEY: &str = "preferences";

const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
const REDO_SHIFT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
const IMPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::I);
const ZOOM_IN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus);
const ZOOM_IN_EQUALS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals);
const ZOOM_OUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus);
const ZOOM_RESET: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0);
const PRESENT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F5);
const FULL_SCREEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F11);
const TAB_KEYS: [Key; 4] = [Key::Num1, Key::Num2, Key::Num3, Key::Num4];
/// While presenting: the next and the previous slide (or tab).
const NEXT_KEYS: [Key; 3] = [Key::PageDown, Key::ArrowRight, Key::Space];
const PREVIOUS_KEYS: [Key; 2] = [Key::PageUp, Key::ArrowLeft];

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

/// Take a picture of the window once it has drawn, save it, and close.
pub struct ScreenshotJob {
    pub path: PathBuf,
    /// Only the indicator chart, as *Export chart* saves it, instead of the window.
    pub chart: bool,
    /// Where the result is reported to whoever started the window.
    pub outcome: Arc<Mutex<Option<Result<(), String>>>>,
    picture: PendingPicture,
}

impl std::fmt::Debug for ScreenshotJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ScreenshotJob")
            .field("path", &self.path)
            .field("chart", &self.chart)
            .field("picture", &self.picture)
            .finish_non_exhaustive()
    }
}

impl ScreenshotJob {
    pub fn new(path: PathBuf, outcome: Arc<Mutex<Option<Result<(), String>>>>) -> ScreenshotJob {
        ScreenshotJob {
            path,
            chart: false,
            outcome,
            picture: PendingPicture::default(),
        }
    }
}

/// An action that would drop the open dossier, held back while the user decides what
/// to do with unsaved changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Deferred {
    New,
    Open,
    /// Open a file whose path the user types.
    OpenTyped,
    OpenFile(PathBuf),
    Quit,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum PathPurpose {
    Open,
    SaveAs {
        then: Option<Deferred>,
    },
    Export(Export),
    /// A text file to import.
    ImportText,
}

/// What can be exported to a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Export {
    /// A table as CSV or TSV.
    Sheet {
        table: SheetTable,
        delimiter: Delimiter,
    },
    /// The whole dossier as one HTML page.
    Report,
    /// The tab as it is shown, as a picture.
    View,
    Chart,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Modal {
    Unsaved {
        then: Deferred,
    },
    Error {
        title: &'static str,
        message: String,
    },
    TypePath {
        purpose: PathPurpose,
        text: String,
        problem: Option<String>,
    },
    /// Unsaved work a crashed window left behind.
    Recover(Recovery),
}

/// The edit buffers of the dossier details window, committed on Enter or focus loss.
#[derive(Debug, Default)]
struct DetailsBuffers {
    open: bool,
    title: String,
    description: String,
}

pub struct WorkbenchApp {
    document: Document,
    prefs: Preferences,
    language: Language,
    tab: Tab,
    presenting: bool,
    timeline: TimelineView,
    budget: BudgetView,
    board: BoardView,
    indicators: IndicatorsView,
    import: ImportDialog,
    details: DetailsBuffers,
    modal: Option<Modal>,
    /// Set once the user agreed to close, so the next close request goes through.
    allow_close: bool,
    picker: Box<dyn FilePicker>,
    /// The frame in which a file dialog was last shown: never two in one go.
    picker_frame: Option<u64>,
    remember: bool,
    screenshot: Option<ScreenshotJob>,
    shown_title: String,
    /// The theme applied, and whether for presenting.
    shown_theme: Option<(ThemeChoice, bool)>,
    today: Option<jiff::civil::Date>,
    /// A short message for the status bar: what the last action did.
    notice: Option<String>,
    autosaver: Option<Autosaver>,
    /// Recovery copies still to offer, newest first.
    recoveries: Vec<Recovery>,
    /// Where the tab was drawn in the last frame, for *Export view as PNG*.
    view_rect: egui::Rect,
    view_picture: Option<(PathBuf, PendingPicture)>,
    /// The slide shown while presenting, by position.
    slide: Option<usize>,
    /// Whether the window was full screen before presenting made it so.
    fullscreen_before: Option<bool>,
    slides_window: SlidesWindow,
    /// The presentation footer's date and what it was worked out for.
    footer_date: Option<(FooterKey, Option<String>)>,
}

/// What the presentation footer's date depends on.
type FooterKey = (
    DossierVersion,
    Tab,
    Option<TableId>,
    Option<OrganisationId>,
    Language,
);

impl std::fmt::Debug for WorkbenchApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WorkbenchApp")
            .field("origin", &self.document.origin)
            .field("tab", &self.tab)
            .field("modal", &self.modal)
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
            presenting: false,
            timeline: TimelineView::default(),
            budget: BudgetView::default(),
            board: BoardView::default(),
            indicators: IndicatorsView::default(),
            import: ImportDialog::default(),
            details: DetailsBuffers::default(),
            modal: None,
            allow_close: false,
            picker: startup.picker,
            picker_frame: None,
            remember: startup.remember,
            screenshot: startup.screenshot,
            shown_title: String::new(),
            shown_theme: Some((theme_choice, false)),
            today: startup.today,
            notice: None,
            recoveries: startup
                .autosave
                .as_ref()
                .map(|autosave| autosave.folder.left_behind())
                .unwrap_or_default(),
            autosaver: startup.autosave.map(Autosaver::new),
            view_rect: egui::Rect::NOTHING,
            view_picture: None,
            slide: None,
            fullscreen_before: None,
            slides_window: SlidesWindow::default(),
            footer_date: None,
        };
        match Document::bundled() {
            Ok(bundled) => app.replace_document(bundled),
            Err(error) => app.show_error(app.texts().open_failed, error.to_string()),
        }
        if let Some(path) = reopen {
            app.open_file(&path);
        }
        if startup.present {
            app.set_presenting(ctx, true);
        }
        if let Some(job) = app.screenshot.as_ref().filter(|job| job.chart) {
            app.tab = Tab::Indicators;
            app.indicators.begin_export(job.path.clone());
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
        &mut self.timeline.filter
    }

    /// What the timeline's right-hand side shows, for benchmarks that open its figures.
    pub fn timeline_selection_mut(&mut self) -> &mut Option<super::timeline::Selection> {
        &mut self.timeline.selection
    }

    pub fn language(&self) -> Language {
        self.language
    }

    pub fn preferences(&self) -> &Preferences {
        &self.prefs
    }

    pub fn is_presenting(&self) -> bool {
        self.presenting
    }

    /// Whether a dialog waits for an answer.
    pub fn has_modal(&self) -> bool {
        self.modal.is_some()
    }

    /// "• Integratiepact — Dossier Workbench", the dot while there are unsaved changes.
    pub fn window_title(&self) -> String {
        let mark = if self.document.is_dirty() { "• " } else { "" };
        format!(
            "{mark}{} — {}",
            self.document.dossier.title,
            self.texts().app_name
        )
    }

    /// Makes an edit, recorded for undo. Views hand their edits here; nothing else
    /// changes the dossier.
    pub fn apply(&mut self, edit: Edit) {
        if let Err(error) = self.document.apply(edit) {
            self.show_error(self.texts().edit_failed, error.to_string());
        }
    }

    pub fn undo(&mut self) {
        if let Err(error) = self.document.undo() {
            self.show_error(self.texts().edit_failed, error.to_string());
        }
    }

    pub fn redo(&mut self) {
        if let Err(error) = self.document.redo() {
            self.show_error(self.texts().edit_failed, error.to_string());
        }
    }

    fn show_error(&mut self, title: &'static str, message: String) {
        self.modal = Some(Modal::Error { title, message });
    }

    fn replace_document(&mut self, document: Document) {
        self.document = document;
        self.timeline = TimelineView::default();
        self.budget = BudgetView::default();
        self.board = BoardView::default();
        self.indicators = IndicatorsView::default();
        self.import = ImportDialog::default();
        self.details.title = self.document.dossier.title.clone();
        self.details.description = self.document.dossier.description.clone();
    }

    /// Runs an action that drops the open dossier, asking first if it has unsaved changes.
    pub fn request(&mut self, ctx: &egui::Context, action: Deferred) {
        if self.document.is_dirty() && !self.allow_close {
            self.modal = Some(Modal::Unsaved { then: action });
        } else {
            self.perform(ctx, action);
        }
    }

    fn perform(&mut self, ctx: &egui::Context, action: Deferred) {
        match action {
            Deferred::New => self.replace_document(Document::untitled(self.texts().new_dossier_title)),
            Deferred::Open => self.open_dialog(ctx),
            Deferred::OpenTyped => {
                self.ask_path(PathPurpose::Open);
                if let Some(Modal::TypePath { problem, .. }) = &mut self.modal {
                    *problem = None;
                }
            }
            Deferred::OpenFile(path) => self.open_file(&path),
            Deferred::Quit => {
                self.remove_recovery_copy();
                self.allow_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    /// Opens a file; on failure the store's message is shown and the open dossier stays.
    pub fn open_file(&mut self, path: &Path) {
        match Document::open(path) {
            Ok(document) => {
                self.prefs.remember(path);
                self.replace_document(document);
            }
            Err(error) => {
                if !path.exists() {
                    self.prefs.forget(path);
                }
                self.show_error(self.texts().open_failed, error.to_string());
            }
        }
    }

    fn picker_allowed(&mut self, ctx: &egui::Context) -> bool {
        let frame = ctx.cumulative_frame_nr();
        if self.picker_frame == Some(frame) {
            return false;
        }
        self.picker_frame = Some(frame);
        true
    }

    fn start_folder(&self) -> Option<PathBuf> {
        self.document
            .path()
            .or(self.prefs.recent.first().map(PathBuf::as_path))
            .and_then(Path::parent)
            .map(Path::to_path_buf)
    }

    fn open_dialog(&mut self, ctx: &egui::Context) {
        if !self.picker_allowed(ctx) {
            return;
        }
        let folder = self.start_folder();
        match self.picker.pick_open(FileKind::Dossier, folder.as_deref()) {
            Picked::Chosen(path) => self.open_file(&path),
            Picked::Cancelled => {}
            Picked::Unavailable => self.ask_path(PathPurpose::Open),
        }
    }

    fn ask_path(&mut self, purpose: PathPurpose) {
        let text = match &purpose {
            PathPurpose::Open => self
                .start_folder()
                .map(|f| format!("{}/", f.display()))
                .unwrap_or_default(),
            PathPurpose::SaveAs { .. } => {
                let name = suggested_file_name(&self.document.dossier.title);
                match self.start_folder() {
                    Some(folder) => folder.join(name).display().to_string(),
                    None => name,
                }
            }
            PathPurpose::ImportText => self
                .start_folder()
                .map(|f| format!("{}/", f.display()))
                .unwrap_or_default(),
            PathPurpose::Export(what) => {
                let name = self.export_name(what).unwrap_or_default();
                match self.start_folder() {
                    Some(folder) => folder.join(name).display().to_string(),
                    None => name,
                }
            }
        };
        self.modal = Some(Modal::TypePath {
            purpose,
            text,
            problem: Some(self.texts().no_file_dialog.to_string()),
        });
    }

    /// Saves to the document's file, or asks for one (always with `ask`), then runs
    /// `then` if the save succeeded.
    pub fn save(&mut self, ctx: &egui::Context, ask: bool, then: Option<Deferred>) {
        let known = self.document.path().map(Path::to_path_buf).filter(|_| !ask);
        let saved = match known {
            Some(path) => self.save_to(&path),
            None => {
                if !self.picker_allowed(ctx) {
                    return;
                }
                let folder = self.start_folder();
                let name = suggested_file_name(&self.document.dossier.title);
                match self.picker.pick_save(FileKind::Dossier, folder.as_deref(), &name) {
                    Picked::Chosen(path) => self.save_to(&with_dossier_extension(path)),
                    Picked::Cancelled => false,
                    Picked::Unavailable => {
                        self.ask_path(PathPurpose::SaveAs { then });
                        return;
                    }
                }
            }
        };
        if saved && let Some(then) = then {
            self.perform(ctx, then);
        }
    }

    fn save_to(&mut self, path: &Path) -> bool {
        match self.document.save_to(path) {
            Ok(()) => {
                self.prefs.remember(path);
                true
            }
            Err(error) => {
                self.show_error(self.texts().save_failed, error.to_string());
                false
            }
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = text_field_has_focus(ctx);
        let pressed = |shortcut: KeyboardShortcut| ctx.input_mut(|input| input.consume_shortcut(&shortcut));
        // The most specific first: Ctrl+Shift+S before Ctrl+S.
        if pressed(SAVE_AS) {
            self.save(ctx, true, None);
        }
        if pressed(SAVE) {
            self.save(ctx, false, None);
        }
        if pressed(IMPORT) && !self.presenting {
            self.import.show();
        }
        if pressed(NEW) {
            self.request(ctx, Deferred::New);
        }
        if pressed(OPEN) {
            self.request(ctx, Deferred::Open);
        }
        if pressed(QUIT) {
            self.request(ctx, Deferred::Quit);
        }
        // While a text field has the keyboard, its own undo handles Ctrl+Z; while
        // presenting nothing changes, not even by undo.
        if !typing && !self.presenting {
            if pressed(REDO_SHIFT) || pressed(REDO) {
                self.redo();
            }
            if pressed(UNDO) {
                self.undo();
            }
        }
        if pressed(ZOOM_IN) || pressed(ZOOM_IN_EQUALS) {
            self.prefs.zoom = self.prefs.stepped_zoom(1.0);
        }
        if pressed(ZOOM_OUT) {
            self.prefs.zoom = self.prefs.stepped_zoom(-1.0);
        }
        if pressed(ZOOM_RESET) {
            self.prefs.zoom = 1.0;
        }
        if pressed(PRESENT) {
            self.set_presenting(ctx, !self.presenting);
        }
        if self.presenting && self.modal.is_none() {
            // Every press counts, also several within one frame (a presenter's clicker).
            let presses = |keys: &[Key]| -> isize {
                ctx.input_mut(|i| {
                    let mut count = 0;
                    while keys.iter().any(|key| i.consume_key(Modifiers::NONE, *key)) {
                        count += 1;
                    }
                    count
                })
            };
            if presses(&[Key::Escape]) > 0 {
                self.set_presenting(ctx, false);
            } else if presses(&[Key::Home]) > 0 {
                self.step_presentation(isize::MIN / 2);
            } else if presses(&[Key::End]) > 0 {
                self.step_presentation(isize::MAX / 2);
            } else {
                let steps = presses(&NEXT_KEYS) - presses(&PREVIOUS_KEYS);
                if steps != 0 {
                    self.step_presentation(steps);
                }
            }
        }
        if pressed(FULL_SCREEN) {
            let full = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(!full));
        }
        for (tab, key) in Tab::ALL.into_iter().zip(TAB_KEYS) {
            if pressed(KeyboardShortcut::new(Modifiers::COMMAND, key)) {
                self.tab = tab;
            }
        }
    }

    /// Keeps the window title, theme and zoom in step with the state.
    fn sync_window(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
        if self.shown_theme != Some((self.prefs.theme, self.presenting)) {
            theme::apply(ctx, self.prefs.theme, self.presenting);
            self.shown_theme = Some((self.prefs.theme, self.presenting));
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
        let zoom = theme::zoom_factor(self.prefs.zoom, self.presenting, screen);
        if (ctx.zoom_factor() - zoom).abs() > f32::EPSILON {
            ctx.set_zoom_factor(zoom);
        }
    }

    fn close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && self.document.is_dirty() && !self.allow_close {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.modal = Some(Modal::Unsaved { then: Deferred::Quit });
        }
    }

    /// Presenting on or off: full screen with it, and back as it was after.
    pub fn set_presenting(&mut self, ctx: &egui::Context, on: bool) {
        if on == self.presenting {
            return;
        }
        self.presenting = on;
        if on {
            let full = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
            self.fullscreen_before = Some(full);
            if !full {
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
            }
            self.slide = None;
        } else {
            if self.fullscreen_before == Some(false) {
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
            }
            self.fullscreen_before = None;
        }
    }

    /// The next or previous slide while presenting; the tabs when there are no slides.
    fn step_presentation(&mut self, delta: isize) {
        let slides = self.document.dossier.slides.len();
        if slides == 0 {
            let index = Tab::ALL.iter().position(|tab| *tab == self.tab).unwrap_or(0);
            let next = index.saturating_add_signed(delta).min(Tab::ALL.len() - 1);
            self.tab = Tab::ALL[next];
            return;
        }
        // Not on a slide yet: just before the first going forward, after the last going
        // back.
        let from = match self.slide {
            Some(index) => index as isize,
            None if delta < 0 => slides as isize,
            None => -1,
        };
        let next = from.saturating_add(delta).clamp(0, slides as isize - 1);
        self.show_slide(next as usize);
    }

    /// Shows the slide at `index`: its tab, as it was when it was made.
    pub fn show_slide(&mut self, index: usize) {
        let Some(slide) = self.document.dossier.slides.get(index).cloned() else {
            return;
        };
        self.slide = Some(index);
        self.tab = Tab::of_slide(slide.tab);
        let dossier = &self.document.dossier;
        match self.tab {
            Tab::Timeline => self.timeline.show_slide(&slide.view),
            Tab::Budget => self.budget.show_slide(&slide.view, dossier),
            Tab::Board => self.board.show_slide(&slide.view),
            Tab::Indicators => self.indicators.show_slide(&slide.view),
        }
    }

    /// The view as it is now, as a slide to keep.
    fn current_slide(&self) -> Slide {
        let dossier = &self.document.dossier;
        let texts = self.texts();
        let (view, name) = match self.tab {
            Tab::Timeline => self.timeline.slide_view(dossier, texts),
            Tab::Budget => self.budget.slide_view(dossier, texts),
            Tab::Board => self.board.slide_view(dossier, texts),
            Tab::Indicators => (self.indicators.slide_view(), texts.tab_indicators.to_string()),
        };
        Slide {
            name,
            tab: self.tab.slide_tab(),
            view,
        }
    }

    /// Adds the view as it is now to the dossier's slides, as one edit.
    pub fn add_slide(&mut self) {
        let mut slides = self.document.dossier.slides.clone();
        slides.push(self.current_slide());
        let count = slides.len();
        self.apply(Edit::SetSlides(slides));
        self.notice = Some(self.texts().slide_added(count));
    }

    fn dropped_files(&mut self, ctx: &egui::Context) {
        if self.presenting {
            return;
        }
        let dropped = ctx.input(|i| i.raw.dropped_files.first().map(|file| file.path().to_path_buf()));
        if let Some(path) = dropped {
            // A written question (its PDF or its text) is imported; anything else opened.
            let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
            if matches!(extension.as_deref(), Some("pdf" | "txt")) {
                self.import_file(&path);
            } else {
                self.request(ctx, Deferred::OpenFile(path));
            }
        }
    }

    fn menu_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let texts = self.texts();
        let item = |ui: &mut Ui, label: &str, shortcut: Option<KeyboardShortcut>, enabled: bool| {
            let mut button = egui::Button::new(label);
            if let Some(shortcut) = shortcut {
                button = button.shortcut_text(ctx.format_shortcut(&shortcut));
            }
            ui.add_enabled(enabled, button).clicked()
        };
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(texts.menu_file, |ui| {
                if item(ui, texts.new, Some(NEW), true) {
                    self.request(&ctx, Deferred::New);
                }
                if item(ui, texts.open, Some(OPEN), true) {
                    self.request(&ctx, Deferred::Open);
                }
                ui.menu_button(texts.open_recent, |ui| {
                    if self.prefs.recent.is_empty() {
                        ui.label(RichText::new(texts.no_recent).weak());
                    }
                    for path in self.prefs.recent.clone() {
                        if item(ui, &path.display().to_string(), None, true) {
                            self.request(&ctx, Deferred::OpenFile(path));
                        }
                    }
                    if !self.prefs.recent.is_empty() {
                        ui.separator();
                        if item(ui, texts.clear_recent, None, true) {
                            self.prefs.recent.clear();
                        }
                    }
                });
                if item(ui, texts.open_path, None, true) {
                    self.request(&ctx, Deferred::OpenTyped);
                }
                ui.separator();
                if item(ui, texts.import_text_menu, Some(IMPORT), true) {
                    self.import.show();
                }
                ui.menu_button(texts.export_menu, |ui| self.export_menu_ui(ui));
                ui.separator();
                if item(ui, texts.save, Some(SAVE), true) {
                    self.save(&ctx, false, None);
                }
                if item(ui, texts.save_as, Some(SAVE_AS), true) {
                    self.save(&ctx, true, None);
                }
                ui.separator();
                if item(ui, texts.quit, Some(QUIT), true) {
                    self.request(&ctx, Deferred::Quit);
                }
            });
            ui.menu_button(texts.menu_edit, |ui| {
                if item(ui, texts.undo, Some(UNDO), self.document.can_undo()) {
                    self.undo();
                }
                if item(ui, texts.redo, Some(REDO), self.document.can_redo()) {
                    self.redo();
                }
                ui.separator();
                if item(ui, texts.dossier_details, None, true) {
                    self.details.open = true;
                }
            });
            ui.menu_button(texts.menu_view, |ui| {
                for (tab, key) in Tab::ALL.into_iter().zip(TAB_KEYS) {
                    let shortcut = KeyboardShortcut::new(Modifiers::COMMAND, key);
                    if item(ui, tab.name(texts), Some(shortcut), true) {
                        self.tab = tab;
                    }
                }
                ui.separator();
                if item(ui, texts.zoom_in, Some(ZOOM_IN), true) {
                    self.prefs.zoom = self.prefs.stepped_zoom(1.0);
                }
                if item(ui, texts.zoom_out, Some(ZOOM_OUT), true) {
                    self.prefs.zoom = self.prefs.stepped_zoom(-1.0);
                }
                if item(ui, texts.zoom_reset, Some(ZOOM_RESET), true) {
                    self.prefs.zoom = 1.0;
                }
                ui.separator();
                ui.radio_value(&mut self.prefs.theme, ThemeChoice::Light, texts.theme_light);
                ui.radio_value(&mut self.prefs.theme, ThemeChoice::Dark, texts.theme_dark);
                ui.separator();
                ui.menu_button(texts.language, |ui| {
                    for language in Language::ALL {
                        if ui.radio(self.language == language, language.name()).clicked() {
                            self.language = language;
                            self.prefs.language = Some(language);
                        }
                    }
                });
                ui.separator();
                if item(ui, texts.presenting, Some(PRESENT), true) {
                    self.set_presenting(&ctx, true);
                }
                if item(ui, texts.full_screen, Some(FULL_SCREEN), true) {
                    let full = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                    ctx.send_viewport_cmd(ViewportCommand::Fullscreen(!full));
                }
                ui.separator();
                if item(ui, texts.add_slide, None, true) {
                    self.add_slide();
                }
                if item(ui, texts.slides_menu, None, true) {
                    self.slides_window.open = true;
                }
            });
        });
    }

    /// File → Export: every table as CSV or TSV, the report, the view and the chart.
    fn export_menu_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let texts = self.texts();
        // Names and row counts only: a table is written when it is chosen.
        let sheets = sheet_list(&self.document.dossier, texts);
        for (label, delimiter) in [
            (texts.export_csv_menu, Delimiter::Semicolon),
            (texts.export_tsv_menu, Delimiter::Tab),
        ] {
            ui.menu_button(label, |ui| {
                for sheet in &sheets {
                    let name = format!("{} ({})", sheet.name, texts.rows_count(sheet.rows));
                    if ui.button(name).clicked() {
                        let table = sheet.table;
                        self.export(&ctx, Export::Sheet { table, delimiter });
                    }
                }
            });
        }
        ui.separator();
        if ui.button(texts.export_report).clicked() {
            self.export(&ctx, Export::Report);
        }
        if ui.button(texts.export_view).clicked() {
            self.export(&ctx, Export::View);
        }
        let has_indicators = !self.document.dossier.indicators.is_empty();
        if ui
            .add_enabled(has_indicators, egui::Button::new(texts.export_chart))
            .clicked()
        {
            self.tab = Tab::Indicators;
            self.export(&ctx, Export::Chart);
        }
    }

    fn tabs_ui(&mut self, ui: &mut Ui) {
        let texts = self.texts();
        ui.horizontal(|ui| {
            ui.add_space(4.0);
            for tab in Tab::ALL {
                let text = RichText::new(tab.name(texts)).size(19.0);
                ui.selectable_value(&mut self.tab, tab, text);
            }
            ui.add_space(16.0);
            ui.label(RichText::new(&self.document.dossier.title).strong());
        });
    }

    /// Under the slide while presenting: how old the figures are, where in the
    /// presentation this is, and the keys.
    fn presenting_footer_ui(&mut self, ui: &mut Ui) {
        let texts = self.texts();
        let dossier = &self.document.dossier;
        let position = match self
            .slide
            .and_then(|index| dossier.slides.get(index).map(|s| (index, s)))
        {
            Some((index, slide)) => texts.slide_of(index + 1, dossier.slides.len(), &slide.name),
            None => {
                let index = Tab::ALL.iter().position(|tab| *tab == self.tab).unwrap_or(0);
                let of = texts.tab_of(index + 1, &Tab::ALL.len().to_string());
                format!("{} ({of})", self.tab.name(texts))
            }
        };
        // Right to left: the place in the presentation always shows; the keys only when
        // all fits; the date of the figures takes what is left, shortened if need be.
        let dated = self.footer_date();
        let body = |text: &str| {
            widgets::measured_width(
                ui,
                std::iter::once(text),
                &egui::TextStyle::Body,
                0.0,
                f32::INFINITY,
            )
        };
        let needed = body(&position)
            + dated.as_deref().map_or(0.0, body)
            + widgets::measured_width(
                ui,
                std::iter::once(texts.present_keys),
                &egui::TextStyle::Small,
                0.0,
                f32::INFINITY,
            );
        let room_for_keys = needed < ui.available_width();
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let keys = RichText::new(texts.present_keys).small().weak();
            if room_for_keys {
                ui.label(keys);
                ui.separator();
            }
            ui.add(egui::Label::new(position).truncate());
            if let Some(dated) = dated {
                ui.separator();
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.add(egui::Label::new(RichText::new(dated).strong()).truncate());
                });
            }
        });
    }

    /// [`Self::data_date`], worked out again only when the dossier or what is shown
    /// changes: it searches the questions.
    fn footer_date(&mut self) -> Option<String> {
        let key = (
            self.document.version(),
            self.tab,
            self.budget.selected,
            self.board.selected,
            self.language,
        );
        match &self.footer_date {
            Some((made_for, date)) if *made_for == key => date.clone(),
            _ => {
                let date = self.data_date();
                self.footer_date = Some((key, date.clone()));
                date
            }
        }
    }

    /// When the figures on screen were stated: the measuring day of the indicators, or
    /// the question whose answer gives the table or the board shown.
    fn data_date(&self) -> Option<String> {
        let dossier = &self.document.dossier;
        let texts = self.texts();
        let document = match self.tab {
            Tab::Indicators => {
                let latest = dossier
                    .indicators
                    .iter()
                    .filter_map(|i| i.latest().map(|m| m.date))
                    .max()?;
                return Some(texts.measured_as_of(&latest.display(self.language)));
            }
            Tab::Budget => {
                let table = self
                    .budget
                    .selected
                    .and_then(|id| dossier.budget_tables.iter().find(|t| t.id == id))
                    .or(dossier.budget_tables.first())?;
                table.source.as_ref()?.document.clone()
            }
            Tab::Board => {
                let organisation = self
                    .board
                    .selected
                    .and_then(|id| dossier.organisations.iter().find(|o| o.id == id))
                    .or(dossier.organisations.first())?;
                organisation
                    .board
                    .iter()
                    .find_map(|m| m.source.as_ref())?
                    .document
                    .clone()
            }
            // The time axis carries its own dates.
            Tab::Timeline => return None,
        };
        let question = dossier
            .questions
            .iter()
            .find(|q| q.source.as_ref().is_some_and(|s| s.document == document))?;
        let named = match (question.short_name(), question.date) {
            (Some(name), Some(date)) => format!("{name}, {}", format_day(date, self.language)),
            (Some(name), None) => name,
            (None, _) => question.title.clone()?,
        };
        Some(texts.data_as_of(named))
    }

    fn status_ui(&self, ui: &mut Ui) {
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

    fn tab_ui(&mut self, ui: &mut Ui, edits: &mut Edits, requests: &mut Vec<Request>) {
        let view = view_of(&self.document, self.language, self.presenting, self.today);
        match self.tab {
            Tab::Timeline => self.timeline.ui(ui, &view, edits),
            Tab::Budget => self.budget.ui(ui, &view, edits, requests),
            Tab::Board => self.board.ui(ui, &view, edits),
            Tab::Indicators => self.indicators.ui(ui, &view, edits, requests),
        }
    }

    fn import_ui(&mut self, ctx: &egui::Context, edits: &mut Edits, requests: &mut Vec<Request>) {
        let view = view_of(&self.document, self.language, self.presenting, self.today);
        let before = edits.len();
        self.import.ui(ctx, &view, edits, requests);
        if edits.len() > before {
            self.notice = self
                .import
                .outcome
                .take()
                .map(|outcome| self.texts().imported_notice(outcome));
        }
    }

    fn details_ui(&mut self, ctx: &egui::Context, edits: &mut Edits) {
        if !self.details.open || self.presenting {
            return;
        }
        let texts = self.texts();
        let dossier = &self.document.dossier;
        let mut open = self.details.open;
        egui::Window::new(texts.details_title)
            .open(&mut open)
            .collapsible(false)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .default_width(520.0)
            .show(ctx, |ui| {
                let label = ui.label(texts.field_title);
                let title = ui.add(
                    egui::TextEdit::singleline(&mut self.details.title)
                        .desired_width(f32::INFINITY)
                        .id_salt("details_title"),
                );
                let title = title.labelled_by(label.id);
                commit_text(
                    &title,
                    &mut self.details.title,
                    &dossier.title,
                    edits,
                    Edit::SetTitle,
                );
                ui.add_space(6.0);
                let label = ui.label(texts.field_description);
                let description = ui.add(
                    egui::TextEdit::multiline(&mut self.details.description)
                        .desired_width(f32::INFINITY)
                        .desired_rows(5)
                        .id_salt("details_description"),
                );
                let description = description.labelled_by(label.id);
                commit_text(
                    &description,
                    &mut self.details.description,
                    &dossier.description,
                    edits,
                    Edit::SetDescription,
                );
                ui.add_space(4.0);
                ui.label(RichText::new(texts.commit_hint).small().weak());
            });
        self.details.open = open;
    }

    fn modal_ui(&mut self, ctx: &egui::Context) {
        let Some(modal) = self.modal.clone() else { return };
        let texts = self.texts();
        let mut answer = None;
        let response = egui::Modal::new(egui::Id::unique("workbench_modal")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            match &modal {
                Modal::Unsaved { .. } => {
                    ui.heading(texts.unsaved_title);
                    ui.add_space(6.0);
                    ui.label(texts.unsaved_message(&self.document.dossier.title));
                    ui.add_space(10.0);
                    answer = answer_buttons_ui(
                        ui,
                        &[
                            (texts.save, Answer::Save),
                            (texts.discard, Answer::Discard),
                            (texts.cancel, Answer::Cancel),
                        ],
                    );
                }
                Modal::Recover(recovery) => {
                    ui.heading(texts.recover_title);
                    ui.add_space(6.0);
                    let written = recovery
                        .written
                        .to_zoned(jiff::tz::TimeZone::system())
                        .strftime("%d/%m/%Y %H:%M:%S")
                        .to_string();
                    ui.label(texts.recover_message(&recovery.title, written));
                    ui.label(match &recovery.file {
                        Some(file) => texts.recover_file(file.display()),
                        None => texts.recover_no_file.to_string(),
                    });
                    ui.add_space(10.0);
                    answer = answer_buttons_ui(
                        ui,
                        &[
                            (texts.restore, Answer::Restore),
                            (texts.delete_copy, Answer::Discard),
                            (texts.not_now, Answer::Cancel),
                        ],
                    );
                }
                Modal::Error { title, message } => {
                    ui.heading(*title);
                    ui.add_space(6.0);
                    ui.add(egui::Label::new(message.as_str()).selectable(true));
                    ui.add_space(10.0);
                    if ui.button(texts.close).clicked() {
                        answer = Some(Answer::Cancel);
                    }
                }
                Modal::TypePath {
                    purpose,
                    text,
                    problem,
                } => {
                    let heading = match purpose {
                        PathPurpose::Open => texts.type_path_open,
                        PathPurpose::SaveAs { .. } => texts.type_path_save,
                        PathPurpose::Export(_) => texts.type_path_export,
                        PathPurpose::ImportText => texts.type_path_import,
                    };
                    ui.heading(heading);
                    if let Some(problem) = problem {
                        ui.label(RichText::new(problem).italics());
                    }
                    ui.label(match purpose {
                        PathPurpose::Open | PathPurpose::SaveAs { .. } => texts.type_path_hint,
                        PathPurpose::Export(_) => texts.type_path_hint_export,
                        PathPurpose::ImportText => texts.type_path_hint_text,
                    });
                    let mut text = text.clone();
                    let label = ui.label(texts.path_label);
                    let field = ui
                        .add(egui::TextEdit::singleline(&mut text).desired_width(520.0))
                        .labelled_by(label.id);
                    // Ready to type as soon as the dialog shows.
                    if ui.memory(|memory| memory.focused().is_none()) {
                        field.request_focus();
                    }
                    let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        let confirm = match purpose {
                            PathPurpose::Open => texts.open,
                            PathPurpose::SaveAs { .. } => texts.save,
                            PathPurpose::Export(_) => texts.export_button,
                            PathPurpose::ImportText => texts.open,
                        };
                        if ui.button(confirm.trim_end_matches('…')).clicked() || entered {
                            answer = Some(Answer::Path(PathBuf::from(text.trim())));
                        }
                        if ui.button(texts.cancel).clicked() {
                            answer = Some(Answer::Cancel);
                        }
                    });
                    if let Some(Modal::TypePath { text: stored, .. }) = &mut self.modal {
                        *stored = text;
                    }
                }
            }
        });
        if answer.is_none() && response.should_close() {
            answer = Some(Answer::Cancel);
        }
        if let Some(answer) = answer {
            self.answer(ctx, modal, answer);
        }
    }

    fn answer(&mut self, ctx: &egui::Context, modal: Modal, answer: Answer) {
        self.modal = None;
        match (modal, answer) {
            (Modal::Recover(recovery), Answer::Restore) => self.restore(&recovery),
            (Modal::Recover(recovery), Answer::Discard) => {
                if let Err(error) = recovery.discard() {
                    self.show_error(self.texts().recover_failed, error.to_string());
                }
            }
            (Modal::Unsaved { then }, Answer::Save) => self.save(ctx, false, Some(then)),
            (Modal::Unsaved { then }, Answer::Discard) => {
                if then == Deferred::Quit {
                    self.allow_close = true;
                }
                self.perform(ctx, then);
            }
            (
                Modal::TypePath {
                    purpose: PathPurpose::Open,
                    ..
                },
                Answer::Path(path),
            ) => {
                if path.is_file() {
                    self.open_file(&path);
                } else {
                    let problem = self.texts().not_a_file(path.display());
                    self.modal = Some(Modal::TypePath {
                        purpose: PathPurpose::Open,
                        text: path.display().to_string(),
                        problem: Some(problem),
                    });
                }
            }
            (
                Modal::TypePath {
                    purpose: PathPurpose::Export(what),
                    ..
                },
                Answer::Path(path),
            ) => self.export_to(what, path),
            (
                Modal::TypePath {
                    purpose: PathPurpose::ImportText,
                    ..
                },
                Answer::Path(path),
            ) => self.import_file(&path),
            (
                Modal::TypePath {
                    purpose: PathPurpose::SaveAs { then },
                    ..
                },
                Answer::Path(path),
            ) => {
                if self.save_to(&with_dossier_extension(path))
                    && let Some(then) = then
                {
                    self.perform(ctx, then);
                }
            }
            _ => {}
        }
    }

    fn handle(&mut self, ctx: &egui::Context, request: Request) {
        match request {
            Request::ExportCsv(id) => {
                if let Some(index) = self
                    .document
                    .dossier
                    .budget_tables
                    .iter()
                    .position(|t| t.id == id)
                {
                    self.export(
                        ctx,
                        Export::Sheet {
                            table: SheetTable::Budget(index),
                            delimiter: Delimiter::Semicolon,
                        },
                    );
                }
            }
            Request::ExportChart => self.export(ctx, Export::Chart),
            Request::ImportText => {
                if !self.picker_allowed(ctx) {
                    return;
                }
                let folder = self.start_folder();
                match self.picker.pick_open(FileKind::Text, folder.as_deref()) {
                    Picked::Chosen(path) => self.import_file(&path),
                    Picked::Cancelled => {}
                    Picked::Unavailable => self.ask_path(PathPurpose::ImportText),
                }
            }
            Request::ChartPicture { path, picture } => {
                let outcome = picture.and_then(|image| png::encode(&image));
                let outcome = match outcome {
                    Ok(bytes) => self.write_export(&path, &bytes),
                    Err(reason) => {
                        self.show_error(self.texts().export_failed, reason.clone());
                        Err(reason)
                    }
                };
                // Started from the command line: report and close.
                if let Some(job) = self.screenshot.take_if(|job| job.chart) {
                    *job.outcome.lock() = Some(outcome);
                    self.allow_close = true;
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                }
            }
        }
    }

    /// Opens a recovery copy as unsaved changes to the file it belongs to, writes this
    /// session's copy of it and only then deletes the old one.
    fn restore(&mut self, recovery: &Recovery) {
        let dossier = match recovery.load() {
            Ok(dossier) => dossier,
            Err(error) => {
                self.show_error(self.texts().recover_failed, error.to_string());
                return;
            }
        };
        self.replace_document(Document::recovered(dossier, recovery.file.clone()));
        self.notice = Some(self.texts().restored_notice(&recovery.title));
        let kept = match &mut self.autosaver {
            Some(autosaver) => autosaver.write_now(&self.document),
            None => Ok(()),
        };
        let discarded = kept.and_then(|()| recovery.discard().map_err(|error| error.to_string()));
        if let Err(reason) = discarded {
            self.notice = Some(self.texts().autosave_failed(reason));
        }
    }

    /// Writes the recovery copy when it is due and removes it when nothing is unsaved.
    fn autosave_step(&mut self, ctx: &egui::Context) {
        let Some(autosaver) = &mut self.autosaver else {
            return;
        };
        if let Some(failure) = autosaver.step(&self.document, ctx) {
            self.notice = Some(self.texts().autosave_failed(failure));
        }
    }

    /// On a clean exit, or when unsaved work is dropped on purpose.
    fn remove_recovery_copy(&mut self) {
        if let Some(autosaver) = &mut self.autosaver
            && let Err(reason) = autosaver.remove()
        {
            self.notice = Some(self.texts().autosave_failed(reason));
        }
    }

    /// Reads a PDF's text layer or a text file into the import dialog; what cannot be read
    /// is said, with the reason.
    fn import_file(&mut self, path: &Path) {
        let read = std::fs::read(path)
            .map_err(|error| error.to_string())
            .and_then(|bytes| crate::import::text_of_file(&bytes).map_err(|error| error.to_string()));
        match read {
            Ok(text) => {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                self.import.load(name, text);
            }
            Err(reason) => {
                let message = format!("{}: {reason}", path.display());
                self.show_error(self.texts().import_read_failed, message);
            }
        }
    }

    /// Asks where to export, with the file dialog or, without one, a typed path.
    fn export(&mut self, ctx: &egui::Context, what: Export) {
        if !self.picker_allowed(ctx) {
            return;
        }
        let Some(name) = self.export_name(&what) else {
            return;
        };
        let kind = match &what {
            Export::Sheet {
                delimiter: Delimiter::Semicolon,
                ..
            } => FileKind::Csv,
            Export::Sheet {
                delimiter: Delimiter::Tab,
                ..
            } => FileKind::Tsv,
            Export::Report => FileKind::Html,
            Export::View | Export::Chart => FileKind::Png,
        };
        let folder = self.start_folder();
        match self.picker.pick_save(kind, folder.as_deref(), &name) {
            Picked::Chosen(path) => self.export_to(what, path),
            Picked::Cancelled => {}
            Picked::Unavailable => self.ask_path(PathPurpose::Export(what)),
        }
    }

    /// The file name an export suggests: the table's name, the dossier's title, the view's.
    fn export_name(&self, what: &Export) -> Option<String> {
        let named =
            |name: &str, extension: &str| suggested_file_name(name).replace(".dossier.json", extension);
        match what {
            Export::Sheet { table, delimiter } => {
                let listed = sheet_list(&self.document.dossier, self.texts());
                let entry = listed.iter().find(|entry| entry.table == *table)?;
                Some(named(&entry.name, &format!(".{}", delimiter.extension())))
            }
            Export::Report => Some(named(&self.document.dossier.title, ".html")),
            Export::View => Some(named(
                &format!("{} {}", self.document.dossier.title, self.tab.name(self.texts())),
                ".png",
            )),
            Export::Chart => Some(self.texts().chart_file_name.to_string()),
        }
    }

    fn export_to(&mut self, what: Export, path: PathBuf) {
        let extension = match &what {
            Export::Sheet { delimiter, .. } => delimiter.extension(),
            Export::Report => "html",
            Export::View | Export::Chart => "png",
        };
        let path = if path.extension().is_some() {
            path
        } else {
            path.with_extension(extension)
        };
        match what {
            Export::Sheet { table, delimiter } => {
                let Some(sheet) = sheet(&self.document.dossier, table, self.language) else {
                    return;
                };
                // A failure is shown by write_export itself.
                let _ = self.write_export(&path, sheet.to_text(delimiter).as_bytes());
            }
            Export::Report => {
                let today = self.today.unwrap_or_else(|| jiff::Zoned::now().date());
                let html = html::report(&self.document.dossier, self.language, today);
                let _ = self.write_export(&path, html.as_bytes());
            }
            // The pictures are taken a few frames later.
            Export::View => self.view_picture = Some((path, PendingPicture::default())),
            Export::Chart => self.indicators.begin_export(path),
        }
    }

    /// Writes an exported file whole or not at all, and says which it was.
    fn write_export(&mut self, path: &Path, bytes: &[u8]) -> Result<(), String> {
        match crate::store::atomic::write_atomically(path, bytes, |_| Ok(())) {
            Ok(()) => {
                self.notice = Some(self.texts().exported_to(path.display()));
                Ok(())
            }
            Err((stage, error)) => {
                let message = format!("{}: {} ({error})", path.display(), stage.describe());
                self.show_error(self.texts().export_failed, message.clone());
                Err(message)
            }
        }
    }

    fn screenshot_step(&mut self, ctx: &egui::Context) {
        let Some(job) = self.screenshot.as_mut().filter(|job| !job.chart) else {
            return;
        };
        // A few frames first, so that layout and fonts have settled.
        let outcome = match job.picture.step(ctx, 5) {
            Picture::Waiting => return,
            Picture::Taken(image) => save_png(&job.path, &image),
            Picture::Missing => Err("the window never delivered a picture".to_string()),
        };
        *job.outcome.lock() = Some(outcome);
        self.screenshot = None;
        self.allow_close = true;
        ctx.send_viewport_cmd(ViewportCommand::Close);
    }

    /// *Export → This view as PNG*: the tab's area, without menus and status bar.
    fn view_picture_step(&mut self, ctx: &egui::Context) {
        let texts = self.texts();
        let Some((path, pending)) = &mut self.view_picture else {
            return;
        };
        let cropped = match pending.step(ctx, 3) {
            Picture::Waiting => return,
            Picture::Taken(image) => Ok(image.region(&self.view_rect, Some(ctx.pixels_per_point()))),
            Picture::Missing => Err(texts.no_picture.to_string()),
        };
        let path = path.clone();
        self.view_picture = None;
        let written = cropped.and_then(|image| png::encode(&image));
        match written {
            Ok(bytes) => {
                // A failure is shown by write_export itself.
                let _ = self.write_export(&path, &bytes);
            }
            Err(reason) => self.show_error(self.texts().export_failed, reason),
        }
    }
}

/// What a view is given to draw, for the open document.
fn view_of(
    document: &Document,
    language: Language,
    presenting: bool,
    today: Option<jiff::civil::Date>,
) -> ViewContext<'_> {
    ViewContext {
        dossier: &document.dossier,
        texts: language.texts(),
        language,
        presenting,
        version: document.version(),
        last_cell_change: document.last_cell_change(),
        // The day deadlines are measured on: the clock's, unless a test fixed one.
        today: today.unwrap_or_else(|| jiff::Zoned::now().date()),
    }
}

/// Whether the keyboard is in a text field (whose own undo then takes Ctrl+Z), as
/// opposed to another focused widget such as the budget grid.
fn text_field_has_focus(ctx: &egui::Context) -> bool {
    ctx.memory(|memory| memory.focused())
        .is_some_and(|id| egui::text_edit::TextEditState::load(ctx, id).is_some())
}

/// A row of buttons, one per answer; the one clicked, if any.
fn answer_buttons_ui(ui: &mut Ui, choices: &[(&str, Answer)]) -> Option<Answer> {
    ui.horizontal(|ui| {
        let mut chosen = None;
        for (label, answer) in choices {
            if ui.button(*label).clicked() {
                chosen = Some(answer.clone());
            }
        }
        chosen
    })
    .inner
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Answer {
    Restore,
    Save,
    Discard,
    Cancel,
    Path(PathBuf),
}

/// Commits a text field's buffer as one edit when the field loses focus (Enter does
/// that too), and follows the dossier while the field is not being edited.
fn commit_text(
    response: &egui::Response,
    buffer: &mut String,
    current: &str,
    edits: &mut Edits,
    make: impl FnOnce(String) -> Edit,
) {
    if response.lost_focus() {
        if buffer != current {
            edits.push(make(buffer.clone()));
        }
    } else if !response.has_focus() && buffer != current {
        *buffer = current.to_string();
    }
}

fn save_png(path: &Path, image: &egui::ColorImage) -> Result<(), String> {
    let bytes = png::encode(image)?;
    crate::store::atomic::write_atomically(path, &bytes, |_| Ok(()))
        .map_err(|(stage, error)| format!("{}: {} ({error})", path.display(), stage.describe()))
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

impl WorkbenchApp {
    /// One frame of the whole window. Needs nothing of eframe, so that benchmarks can
    /// run it headless.
    pub fn draw(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.close_request(&ctx);
        if self.modal.is_none() {
            self.shortcuts(&ctx);
            self.dropped_files(&ctx);
        }
        self.sync_window(&ctx);
        if !self.presenting {
            egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        }
        egui::Panel::top("tabs")
            .frame(egui::Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::symmetric(8, 6)))
            .show(ui, |ui| self.tabs_ui(ui));
        if self.presenting {
            egui::Panel::bottom("presenting_footer")
                .frame(egui::Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::symmetric(12, 6)))
                .show(ui, |ui| self.presenting_footer_ui(ui));
        } else {
            egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        }
        let mut edits = Edits::new();
        let mut requests = Vec::new();
        let shown = egui::CentralPanel::default().show(ui, |ui| self.tab_ui(ui, &mut edits, &mut requests));
        self.view_rect = shown.response.rect;
        self.details_ui(&ctx, &mut edits);
        if !self.presenting {
            let action = self
                .slides_window
                .ui(&ctx, &self.document.dossier, self.texts(), &mut edits);
            match action {
                Some(SlideAction::AddCurrent) => self.add_slide(),
                Some(SlideAction::Show(index)) => self.show_slide(index),
                None => {}
            }
        }
        self.import_ui(&ctx, &mut edits, &mut requests);
        for edit in edits {
            self.apply(edit);
        }
        for request in requests {
            self.handle(&ctx, request);
        }
        self.autosave_step(&ctx);
        if self.modal.is_none() && !self.recoveries.is_empty() {
            self.modal = Some(Modal::Recover(self.recoveries.remove(0)));
        }
        self.modal_ui(&ctx);
        self.screenshot_step(&ctx);
        self.view_picture_step(&ctx);
    }
}
