//! The open dossier with its file, its history and whether it has unsaved changes.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::model::Dossier;
use crate::model::edit::{CellChange, Edit, EditError, History};
use crate::store::lock::Lock;
use crate::store::{self, DiskStamp, DiskState, LoadError, SaveError};

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
    /// The file as this window last read or wrote it: a save over anything else asks.
    stamp: Option<DiskStamp>,
    /// This window's lock beside the file, if it has one.
    lock: Option<Lock>,
    /// Saving asks for another file: the file is someone else's, or opened read-only.
    read_only: bool,
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
            stamp: None,
            lock: None,
            read_only: false,
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

    /// The dossier in `path`; read-only if the file's permissions say so.
    pub fn open(path: &Path) -> Result<Document, LoadError> {
        let (dossier, stamp) = store::load_stamped(path)?;
        let mut document = Document::with(dossier, Origin::File(path.to_path_buf()));
        document.stamp = Some(stamp);
        document.read_only = store::atomic::is_read_only(path);
        Ok(document)
    }

    /// A dossier read from elsewhere (a commit), not tied to a file: saving asks for one.
    pub fn untitled_from(dossier: Dossier) -> Document {
        Document::with(dossier, Origin::Untitled)
    }

    /// A copy of the dossier in `path`, not tied to it: saving asks for a file.
    pub fn open_copy(path: &Path) -> Result<Document, LoadError> {
        let mut document = Document::with(store::load(path)?, Origin::Untitled);
        document.saved_revision = u64::MAX;
        Ok(document)
    }

    /// Holds `lock` for as long as the document is open.
    pub fn set_lock(&mut self, lock: Option<Lock>) {
        self.lock = lock;
    }

    /// Gives up the lock, to hand it to the same file opened again.
    pub fn take_lock(&mut self) -> Option<Lock> {
        self.lock.take()
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn set_read_only(&mut self, read_only: bool) {
        self.read_only = read_only;
    }

    /// The file as this window last read or wrote it.
    pub fn stamp(&self) -> Option<&DiskStamp> {
        self.stamp.as_ref()
    }

    /// The file on disk against what this window last read or wrote.
    pub fn disk_state(&self) -> Option<DiskState> {
        Some(self.stamp.as_ref()?.check(self.path()?))
    }

    /// The dossier, read-only: it changes only through [`Document::apply`] and the history.
    pub fn dossier(&self) -> &Dossier {
        &self.dossier
    }

    /// The dossier, shared: read-only, as [`Document::dossier`].
    pub fn shared(&self) -> &Arc<Dossier> {
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
    /// the changes stay unsaved and in memory. The document's own file is not written
    /// over someone else's changes to it unless `over_theirs`.
    pub fn save_to(&mut self, path: &Path, over_theirs: bool) -> Result<(), SaveError> {
        self.may_save_to(path, over_theirs)?;
        let stamp = store::save(path, &self.dossier)?;
        self.saved_as(path, stamp, self.version());
        Ok(())
    }

    /// Whether a save to `path` may go ahead: the document's own file is not written
    /// over someone else's changes to it unless `over_theirs`.
    pub fn may_save_to(&self, path: &Path, over_theirs: bool) -> Result<(), SaveError> {
        let own_file = self.path() == Some(path);
        if own_file
            && !over_theirs
            && let Some(DiskState::Changed(_)) = self.disk_state()
        {
            return Err(SaveError::ChangedOnDisk {
                path: path.display().to_string(),
            });
        }
        Ok(())
    }

    /// Makes `path` the document's file, as a save of its state `saved` wrote it (a save
    /// off the frame): edits made since stay unsaved. Nothing changes if `saved` is a
    /// state of another document.
    pub fn saved_as(&mut self, path: &Path, stamp: DiskStamp, saved: DossierVersion) {
        if saved.document != self.id {
            return;
        }
        if self.path() != Some(path) {
            self.read_only = false;
        }
        self.stamp = Some(stamp);
        self.origin = Origin::File(path.to_path_buf());
        self.saved_revision = saved.revision;
        self.last_saved = Some(jiff::Zoned::now());
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
        document.save_to(&path, false).unwrap();
        assert!(!document.is_dirty());
        assert_eq!(document.path(), Some(path.as_path()));
        document.undo().unwrap();
        assert!(document.is_dirty(), "undoing past the save is a change");
    }

    #[test]
    fn a_save_over_someone_elses_change_is_refused_unless_asked_for() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("d.dossier.json");
        store::save(&path, &store::bundled().unwrap()).unwrap();
        let mut document = Document::open(&path).unwrap();
        document.apply(Edit::SetTitle("Mine".into())).unwrap();
        let mut theirs = store::bundled().unwrap();
        theirs.title = "Theirs".into();
        store::save(&path, &theirs).unwrap();
        let refused = document.save_to(&path, false).unwrap_err();
        assert!(matches!(refused, SaveError::ChangedOnDisk { .. }), "{refused}");
        assert_eq!(
            store::load(&path).unwrap().title,
            "Theirs",
            "theirs is on disk still"
        );
        assert!(document.is_dirty());
        document.save_to(&path, true).unwrap();
        assert_eq!(store::load(&path).unwrap().title, "Mine");
        assert_eq!(document.disk_state(), Some(DiskState::Same));
        document.apply(Edit::SetTitle("Mine again".into())).unwrap();
        document.save_to(&path, false).unwrap();
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
                .save_to(Path::new("/nonexistent-folder/x.dossier.json"), false)
                .is_err()
        );
        assert!(document.is_dirty());
        assert_eq!(document.origin, Origin::Bundled);
        assert_eq!(document.dossier.title, "Twee");
    }
}
