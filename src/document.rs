//! The open dossier with its file, its history and whether it has unsaved changes.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::model::Dossier;
use crate::model::edit::{CellChange, Edit, EditError, History};
use crate::store::{self, LoadError, SaveError};

/// Where the open dossier came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The Integratiepact dossier built into the app; saving asks for a file.
    Bundled,
    /// Made with File → New; saving asks for a file.
    Untitled,
    File(PathBuf),
}

/// Identifies one state of one opened dossier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DossierVersion {
    pub document: u64,
    pub revision: u64,
}

#[derive(Debug)]
pub struct Document {
    /// Shared with a recovery copy being written, so that taking that snapshot costs
    /// nothing; an edit copies it only if the copy is still being written then.
    dossier: Arc<Dossier>,
    pub origin: Origin,
    history: History,
    saved_revision: u64,
    /// When this session last saved it, as local wall-clock time.
    pub last_saved: Option<jiff::Zoned>,
    id: u64,
}

static NEXT_DOCUMENT: AtomicU64 = AtomicU64::new(1);

impl Document {
    fn with(dossier: Dossier, origin: Origin) -> Document {
        Document {
            dossier: Arc::new(dossier),
            origin,
            history: History::default(),
            saved_revision: 0,
            last_saved: None,
            id: NEXT_DOCUMENT.fetch_add(1, Ordering::Relaxed),
        }
    }

    pub fn bundled() -> Result<Document, LoadError> {
        store::bundled().map(|dossier| Document::with(dossier, Origin::Bundled))
    }

    pub fn untitled(title: &str) -> Document {
        Document::with(Dossier::new(title), Origin::Untitled)
    }

    /// Unsaved work brought back from a recovery copy: the changes to `file` (or to a
    /// dossier never saved), unsaved until saved again.
    pub fn recovered(dossier: Dossier, file: Option<PathBuf>) -> Document {
        let mut document = Document::with(dossier, file.map_or(Origin::Untitled, Origin::File));
        // No revision of the history matches: dirty until the next save.
        document.saved_revision = u64::MAX;
        document
    }

    pub fn open(path: &Path) -> Result<Document, LoadError> {
        store::load(path).map(|dossier| Document::with(dossier, Origin::File(path.to_path_buf())))
    }

    /// The dossier, read-only: it changes only through [`Document::apply`] and the history.
    pub fn dossier(&self) -> &Dossier {
        &self.dossier
    }

    /// The dossier as it is now, shared without a copy (for a recovery copy written
    /// off the frame).
    pub fn snapshot(&self) -> Arc<Dossier> {
        Arc::clone(&self.dossier)
    }

    pub fn path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File(path) => Some(path),
            Origin::Bundled | Origin::Untitled => None,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.history.revision() != self.saved_revision
    }

    /// Changes with every edit, undo and redo, and differs between documents.
    pub fn version(&self) -> DossierVersion {
        DossierVersion {
            document: self.id,
            revision: self.history.revision(),
        }
    }

    /// The last step (edit, undo or redo), if it changed one cell.
    pub fn last_cell_change(&self) -> Option<&CellChange> {
        self.history.last_cell_change()
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.history.apply(Arc::make_mut(&mut self.dossier), edit)
    }

    pub fn undo(&mut self) -> Result<bool, EditError> {
        self.history.undo(Arc::make_mut(&mut self.dossier))
    }

    pub fn redo(&mut self) -> Result<bool, EditError> {
        self.history.redo(Arc::make_mut(&mut self.dossier))
    }

    /// Saves to `path` and makes it the document's file. On failure nothing changes:
    /// the changes stay unsaved and in memory.
    pub fn save_to(&mut self, path: &Path) -> Result<(), SaveError> {
        store::save(path, &self.dossier)?;
        self.origin = Origin::File(path.to_path_buf());
        self.saved_revision = self.history.revision();
        self.last_saved = Some(jiff::Zoned::now());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dirty_is_measured_against_the_saved_state() {
        let folder = tempfile::tempdir().unwrap();
        let mut document = Document::bundled().unwrap();
        assert!(!document.is_dirty());
        document.apply(Edit::SetTitle("Eén".into())).unwrap();
        assert!(document.is_dirty());
        document.undo().unwrap();
        assert!(
            !document.is_dirty(),
            "undoing back to the saved state clears the mark"
        );
        document.redo().unwrap();
        let path = folder.path().join("d.dossier.json");
        document.save_to(&path).unwrap();
        assert!(!document.is_dirty());
        assert_eq!(document.path(), Some(path.as_path()));
        document.undo().unwrap();
        assert!(document.is_dirty(), "undoing past the save is a change");
    }

    #[test]
    fn a_snapshot_costs_no_copy_and_an_edit_leaves_it_as_it_was() {
        let mut document = Document::bundled().unwrap();
        let snapshot = Arc::clone(&document.dossier);
        document.apply(Edit::SetTitle("Nieuw".into())).unwrap();
        assert_eq!(
            snapshot.title, "Integratiepact",
            "the copy being written keeps its state"
        );
        assert_eq!(document.dossier.title, "Nieuw");
        drop(snapshot);
        let before = Arc::as_ptr(&document.dossier);
        document.apply(Edit::SetTitle("Weer".into())).unwrap();
        assert_eq!(
            Arc::as_ptr(&document.dossier),
            before,
            "no copy without a snapshot"
        );
    }

    #[test]
    fn a_failed_save_keeps_the_changes_unsaved() {
        let mut document = Document::bundled().unwrap();
        document.apply(Edit::SetTitle("Twee".into())).unwrap();
        assert!(
            document
                .save_to(Path::new("/nonexistent-folder/x.dossier.json"))
                .is_err()
        );
        assert!(document.is_dirty());
        assert_eq!(document.origin, Origin::Bundled);
        assert_eq!(document.dossier.title, "Twee");
    }
}
