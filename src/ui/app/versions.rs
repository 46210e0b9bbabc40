//! Other versions of the open dossier: compared with it, from a file or from git's
//! history of its file, or opened read-only.

use std::path::{Path, PathBuf};

use super::WorkbenchApp;
use super::dialogs::PathPurpose;
use super::work::Opening;
use crate::document::Document;
use crate::model::Dossier;
use crate::store;
use crate::ui::files::FileKind;
use crate::ui::versions::{CompareWindow, HistoryWindow};

/// The comparison shown and the history of a file, kept when another version opens.
#[derive(Debug, Default)]
pub(super) struct Versions {
    pub(super) compare: CompareWindow,
    pub(super) history: HistoryWindow,
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

impl WorkbenchApp {
    /// File → Compare with…: asks for the other dossier.
    pub(super) fn pick_compared(&mut self, ctx: &egui::Context) {
        if let Some(path) = self.pick_file(ctx, FileKind::Dossier, PathPurpose::Compare) {
            self.compare_with_file(&path);
        }
    }

    /// Shows what changed from the dossier in `path` to the open one (off the frame).
    pub(super) fn compare_with_file(&mut self, path: &Path) {
        let texts = self.texts();
        let file = path.to_path_buf();
        self.start_compare(path, file_name(path), move || {
            store::load(&file).map_err(|error| texts.load_error(&error))
        });
    }

    /// File → History: the commits that changed the open file.
    pub(super) fn show_history(&mut self) {
        let Some(path) = self.document.path().map(Path::to_path_buf) else {
            return;
        };
        let history = &mut self.versions.history;
        history.revisions = crate::git::history(&path).map_err(|error| error.to_string());
        history.file = path;
        history.open = true;
    }

    /// The history's file as a commit holds it: the file, the commit's name, and how to
    /// read it into a dossier (off the frame).
    fn revision(
        &self,
        index: usize,
    ) -> Option<(
        PathBuf,
        String,
        impl FnOnce() -> Result<Dossier, String> + Send + 'static,
    )> {
        let history = &self.versions.history;
        let revision = history.revisions.as_ref().ok()?.get(index)?.clone();
        let name = self
            .texts()
            .merge
            .revision_name(file_name(&history.file), &revision.short);
        let texts = self.texts();
        let (file, origin) = (history.file.clone(), name.clone());
        let read = move || {
            crate::git::file_at(&file, &revision.commit)
                .map_err(|error| error.to_string())
                .and_then(|bytes| {
                    store::load_bytes(&bytes, &origin).map_err(|error| texts.load_error(&error))
                })
        };
        Some((history.file.clone(), name, read))
    }

    /// Opens a version from the history, read-only: saving it asks for another file.
    pub(super) fn open_revision(&mut self, index: usize) {
        if let Some((file, name, read)) = self.revision(index) {
            self.start_reading(&file, Opening::ReadOnly, None, Some(name), move || {
                read().map(Document::untitled_from)
            });
        }
    }

    /// Shows what changed from a version in the history to the open dossier (read from
    /// git and compared off the frame).
    pub(super) fn compare_revision(&mut self, index: usize) {
        if let Some((file, name, read)) = self.revision(index) {
            self.start_compare(&file, name, read);
        }
    }
}
