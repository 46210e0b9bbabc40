//! Other versions of the open dossier: compared with it, from a file or from git's
//! history of its file, or opened read-only.

use std::path::Path;

use super::WorkbenchApp;
use super::dialogs::PathPurpose;
use crate::document::Document;
use crate::model::merge::diff;
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

    /// Shows what changed from the dossier in `path` to the open one.
    pub(super) fn compare_with_file(&mut self, path: &Path) {
        match store::load(path) {
            Ok(other) => {
                let changes = diff(&other, self.document.dossier());
                let open = self.document.dossier().title.clone();
                self.versions.compare.show(file_name(path), open, changes);
            }
            Err(error) => self.show_error(self.texts().open_failed, self.texts().load_error(&error)),
        }
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

    /// The history's file as a commit holds it, read into a dossier; the commit's name.
    fn revision(&mut self, index: usize) -> Option<(crate::model::Dossier, String)> {
        let history = &self.versions.history;
        let revision = history.revisions.as_ref().ok()?.get(index)?.clone();
        let name = self
            .texts()
            .merge
            .revision_name(file_name(&history.file), &revision.short);
        let read = crate::git::file_at(&history.file, &revision.commit)
            .map_err(|error| error.to_string())
            .and_then(|bytes| {
                store::load_bytes(&bytes, &name).map_err(|error| self.texts().load_error(&error))
            });
        match read {
            Ok(dossier) => Some((dossier, name)),
            Err(message) => {
                self.show_error(self.texts().open_failed, message);
                None
            }
        }
    }

    /// Opens a version from the history, read-only: saving it asks for another file.
    pub(super) fn open_revision(&mut self, index: usize) {
        if let Some((dossier, name)) = self.revision(index) {
            let mut document = Document::untitled_from(dossier);
            document.set_read_only(true);
            self.replace_document(document);
            self.tell(name);
        }
    }

    /// Shows what changed from a version in the history to the open dossier.
    pub(super) fn compare_revision(&mut self, index: usize) {
        if let Some((dossier, name)) = self.revision(index) {
            let changes = diff(&dossier, self.document.dossier());
            let open = self.document.dossier().title.clone();
            self.versions.compare.show(name, open, changes);
        }
    }
}
