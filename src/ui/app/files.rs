//! The file workflow: open, save and import, with the system's file dialog or, where
//! there is none, a typed path.

use std::path::{Path, PathBuf};

use super::WorkbenchApp;
use super::dialogs::{Modal, PathPurpose};
use crate::document::DossierVersion;
use crate::store::lock::Lock;
use crate::ui::files::{FileKind, FilePicker, Picked, suggested_file_name, with_dossier_extension};
use crate::ui::{Command, Commands};

/// The file dialog and whether the window may close.
pub(super) struct FileWorkflow {
    picker: Box<dyn FilePicker>,
    /// The frame in which a file dialog was last shown: never two in one go.
    picker_frame: Option<u64>,
    /// Set once the user agreed to close, so the next close request goes through.
    pub(super) allow_close: bool,
}

impl FileWorkflow {
    pub(super) fn new(picker: Box<dyn FilePicker>) -> FileWorkflow {
        FileWorkflow {
            picker,
            picker_frame: None,
            allow_close: false,
        }
    }

    /// Shows the file dialog to open a file, at most once a frame; `None` when it was
    /// shown already this frame.
    pub(super) fn pick_open(
        &mut self,
        ctx: &egui::Context,
        kind: FileKind,
        folder: Option<&Path>,
    ) -> Option<Picked> {
        self.allowed(ctx).then(|| self.picker.pick_open(kind, folder))
    }

    /// Shows the file dialog to save a file, at most once a frame.
    pub(super) fn pick_save(
        &mut self,
        ctx: &egui::Context,
        kind: FileKind,
        folder: Option<&Path>,
        name: &str,
    ) -> Option<Picked> {
        self.allowed(ctx)
            .then(|| self.picker.pick_save(kind, folder, name))
    }

    fn allowed(&mut self, ctx: &egui::Context) -> bool {
        let frame = ctx.cumulative_frame_nr();
        if self.picker_frame == Some(frame) {
            return false;
        }
        self.picker_frame = Some(frame);
        true
    }
}

impl WorkbenchApp {
    /// A typed path: opened if it is a file, asked again with the reason if not.
    pub(super) fn open_typed(&mut self, path: &Path) {
        if path.is_file() {
            self.open_file(path);
        } else {
            let problem = self.texts().not_a_file(path.display());
            self.dialogs.modal = Some(Modal::TypePath {
                purpose: PathPurpose::Open,
                text: path.display().to_string(),
                problem: Some(problem),
            });
        }
    }

    /// The folder a file dialog starts in: the open file's, or the last one opened's.
    pub(super) fn start_folder(&self) -> Option<PathBuf> {
        self.document
            .path()
            .or(self.prefs.recent.first().map(PathBuf::as_path))
            .and_then(Path::parent)
            .map(Path::to_path_buf)
    }

    pub(super) fn open_dialog(&mut self, ctx: &egui::Context) {
        if let Some(path) = self.pick_file(ctx, FileKind::Dossier, PathPurpose::Open) {
            self.open_file(&path);
        }
    }

    /// A file to read, chosen in the file dialog; without one, the typed-path dialog is
    /// shown for `purpose` and the path comes later.
    pub(super) fn pick_file(
        &mut self,
        ctx: &egui::Context,
        kind: FileKind,
        purpose: PathPurpose,
    ) -> Option<PathBuf> {
        let folder = self.start_folder();
        match self.files.pick_open(ctx, kind, folder.as_deref()) {
            Some(Picked::Chosen(path)) => Some(path),
            Some(Picked::Unavailable) => {
                self.ask_path(purpose);
                None
            }
            Some(Picked::Cancelled) | None => None,
        }
    }

    /// *Open by path…*: the typed-path dialog, without saying that there is no file dialog.
    pub(super) fn ask_path_to_open(&mut self) {
        self.ask_path(PathPurpose::Open);
        if let Some(Modal::TypePath { problem, .. }) = &mut self.dialogs.modal {
            *problem = None;
        }
    }

    /// Asks for a path to be typed, starting from a suggestion.
    pub(super) fn ask_path(&mut self, purpose: PathPurpose) {
        let folder_only = || {
            self.start_folder()
                .map(|f| format!("{}/", f.display()))
                .unwrap_or_default()
        };
        let in_folder = |name: String| match self.start_folder() {
            Some(folder) => folder.join(name).display().to_string(),
            None => name,
        };
        let text = match &purpose {
            PathPurpose::Open | PathPurpose::ImportText | PathPurpose::Compare => folder_only(),
            PathPurpose::SaveAs { .. } => in_folder(suggested_file_name(&self.document.dossier().title)),
            PathPurpose::Export(what) => in_folder(self.export_name(what).unwrap_or_default()),
        };
        self.dialogs.modal = Some(Modal::TypePath {
            purpose,
            text,
            problem: Some(self.texts().no_file_dialog.to_string()),
        });
    }

    /// Saves to the document's file, or asks for one (always with `ask`), then runs
    /// `then` if the save succeeded.
    pub(super) fn save(&mut self, ctx: &egui::Context, ask: bool, then: Option<Command>) {
        // A read-only dossier is saved elsewhere.
        let ask = ask || self.document.is_read_only();
        let known = self.document.path().map(Path::to_path_buf).filter(|_| !ask);
        match known {
            Some(path) => self.save_to(&path, false, then.map(Box::new)),
            None => {
                let folder = self.start_folder();
                let name = suggested_file_name(&self.document.dossier().title);
                match self
                    .files
                    .pick_save(ctx, FileKind::Dossier, folder.as_deref(), &name)
                {
                    Some(Picked::Chosen(path)) => {
                        self.save_to(&with_dossier_extension(path), false, then.map(Box::new));
                    }
                    Some(Picked::Unavailable) => {
                        let then = then.map(Box::new);
                        self.ask_path(PathPurpose::SaveAs { then });
                    }
                    Some(Picked::Cancelled) | None => {}
                }
            }
        }
    }

    /// The save of the dossier's state `saved` to `path` is done; `lock` is the lock
    /// taken on it when it was saved under a new name.
    pub(super) fn saved(
        &mut self,
        path: &Path,
        stamp: crate::store::DiskStamp,
        saved: DossierVersion,
        lock: Option<Option<Lock>>,
    ) {
        // Another dossier was opened since (it cannot while a save runs): not its file.
        if self.document.version().document != saved.document {
            return;
        }
        self.document.saved_as(path, stamp, saved);
        let conflicts = self.document.dossier().conflicts.len();
        if conflicts > 0 {
            self.tell(self.texts().merge.saved_with_conflicts(path.display(), conflicts));
        }
        self.prefs.remember(path);
        // A dossier saved under a new name is this window's: its lock moves there.
        if let Some(lock) = lock {
            self.document.set_lock(lock);
        }
    }

    /// Says why a save failed, or asks what to do if someone else is in the way.
    pub(super) fn save_failed(&mut self, error: &crate::store::SaveError, then: Option<Box<Command>>) {
        if !self.ask_after_refused_save(error, then) {
            self.show_error(self.texts().save_failed, self.texts().save_error(error));
        }
    }

    /// A file dropped on the window: a written question (its PDF or its text) is
    /// imported; anything else opened.
    pub(super) fn dropped_files(&self, ctx: &egui::Context, commands: &mut Commands) {
        if self.presenter.presenting {
            return;
        }
        let dropped = ctx.input(|i| i.raw.dropped_files.first().map(|file| file.path().to_path_buf()));
        if let Some(path) = dropped {
            let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
            if matches!(extension.as_deref(), Some("pdf" | "txt")) {
                commands.push(Command::ImportFile(path));
            } else {
                commands.push(Command::OpenFile(path));
            }
        }
    }

    /// Asks for a PDF or text file to import.
    pub(super) fn pick_import_file(&mut self, ctx: &egui::Context) {
        if let Some(path) = self.pick_file(ctx, FileKind::Text, PathPurpose::ImportText) {
            self.import_file(&path);
        }
    }
}
