//! Two people, one file: the lock beside an open dossier, the watch on its file for
//! someone else's save, and what the window offers when either finds someone: never a
//! silent overwrite, always the user's choice.

use std::path::{Path, PathBuf};

use super::WorkbenchApp;
use super::dialogs::Modal;
use super::work::Opening;
use crate::document::Document;
use crate::store::lock::{self, Lock, LockOwner, Locking};
use crate::store::watch::FileWatch;
use crate::store::{DiskState, SaveError};
use crate::ui::Command;

/// This window's name in lock files, and the watch on its file.
#[derive(Debug)]
pub(super) struct Sharing {
    window: String,
    watch: Option<FileWatch>,
}

impl Default for Sharing {
    fn default() -> Sharing {
        Sharing {
            window: lock::window_name(),
            watch: None,
        }
    }
}

impl WorkbenchApp {
    /// Opens a file, after making sure no one else has it open; if someone has, asks.
    /// On failure the store's message is shown and the open dossier stays.
    pub fn open_file(&mut self, path: &Path) {
        self.open_file_telling(path, None);
    }

    /// As [`WorkbenchApp::open_file`], saying `notice` in the status bar once it is open.
    fn open_file_telling(&mut self, path: &Path, notice: Option<String>) {
        let lock = if self.document.path() == Some(path) {
            // The same file again (reloaded): its lock goes to the new document.
            self.document.take_lock()
        } else {
            match lock::acquire(path, &self.sharing.window) {
                Ok(Locking::Taken(lock)) => Some(lock),
                Ok(Locking::HeldBy(owner)) if path.is_file() => {
                    self.dialogs.modal = Some(Modal::Locked {
                        path: path.to_path_buf(),
                        owner,
                    });
                    return;
                }
                // A folder where no lock can be written (a read-only share), or a file
                // that is not there, for which the loader says why.
                Ok(Locking::HeldBy(_)) | Err(_) => None,
            }
        };
        self.start_open(path, Opening::Own, lock, notice);
    }

    /// A dossier read off the frame, in place of the open one; on failure the reason is
    /// shown and the open dossier stays. Whether it opened.
    pub(super) fn opened(
        &mut self,
        path: &Path,
        how: Opening,
        lock: Option<Lock>,
        opened: Result<Document, String>,
    ) -> bool {
        match opened {
            Ok(mut document) => {
                match how {
                    Opening::Own => {
                        self.prefs.remember(path);
                        document.set_lock(lock);
                    }
                    Opening::ReadOnly => document.set_read_only(true),
                    Opening::Copy => {}
                }
                self.replace_document(document);
                true
            }
            Err(message) => {
                if how == Opening::Own && !path.exists() {
                    self.prefs.forget(path);
                }
                // A reload that failed keeps the open document its lock.
                if self.document.path() == Some(path) && lock.is_some() {
                    self.document.set_lock(lock);
                }
                self.show_error(self.texts().open_failed, message);
                false
            }
        }
    }

    /// This window's name in lock files.
    pub(super) fn window_name(&self) -> &str {
        &self.sharing.window
    }

    /// *Open read-only* or *Open a copy* of a file someone else has open: no lock, and
    /// saving asks for another file.
    pub(super) fn open_unlocked(&mut self, path: &Path, as_copy: bool) {
        let how = if as_copy { Opening::Copy } else { Opening::ReadOnly };
        self.start_open(path, how, None, None);
    }

    /// *Open anyway*: the lock is taken over.
    pub(super) fn open_anyway(&mut self, path: &Path) {
        let lock = lock::take_over(path, &self.sharing.window).ok();
        self.start_open(path, Opening::Own, lock, None);
    }

    /// A save refused because of someone else: their change on disk, or a file that is
    /// not to be replaced. Asks what to do; `false` for any other failure.
    pub(super) fn ask_after_refused_save(&mut self, error: &SaveError, then: Option<Box<Command>>) -> bool {
        match error {
            SaveError::ChangedOnDisk { .. } => {
                self.dialogs.modal = Some(Modal::ChangedOnDisk {
                    dirty: self.document.is_dirty(),
                    then,
                });
                true
            }
            SaveError::ReadOnly { .. } => {
                self.document.set_read_only(true);
                self.dialogs.modal = Some(Modal::ReadOnlyFile {
                    message: self.texts().save_error(error),
                });
                true
            }
            _ => false,
        }
    }

    /// Keeps the watch on the open file, and asks once a change by someone else comes.
    pub(super) fn watch_step(&mut self, ctx: &egui::Context) {
        let watched = self.document.path().zip(self.document.stamp());
        match (watched, &self.sharing.watch) {
            (Some((path, stamp)), Some(watch)) if watch.watches(path, stamp) => {}
            (Some((path, stamp)), _) => {
                let ctx = ctx.clone();
                self.sharing.watch = Some(FileWatch::start(path, stamp.clone(), move || {
                    ctx.request_repaint();
                }));
            }
            (None, _) => self.sharing.watch = None,
        }
        if self.dialogs.modal.is_some() {
            return;
        }
        let Some(news) = self.sharing.watch.as_ref().and_then(FileWatch::take_news) else {
            return;
        };
        match news {
            // This window's own save, seen before the watch was told.
            DiskState::Changed(stamp) if Some(&stamp) == self.document.stamp() => {}
            DiskState::Changed(_) => {
                self.dialogs.modal = Some(Modal::ChangedOnDisk {
                    dirty: self.document.is_dirty(),
                    then: None,
                });
            }
            DiskState::Missing => {
                let name = self
                    .document
                    .path()
                    .map(Path::display)
                    .map(|name| name.to_string());
                self.tell(self.texts().file_missing_notice(name.unwrap_or_default()));
            }
            DiskState::Same => {}
        }
    }

    /// Someone else's version is opened; this window's unsaved changes are first kept in
    /// a copy beside it, and the notice says where.
    pub(super) fn keep_theirs(&mut self) {
        let Some(path) = self.document.path().map(Path::to_path_buf) else {
            return;
        };
        let copy = mine_beside(
            &path,
            &self.texts().mine_copy_name(stem_of(&path), now_for_file()),
        );
        if let Err(error) = crate::store::save(&copy, self.document.dossier()) {
            self.show_error(self.texts().save_failed, self.texts().save_error(&error));
            return;
        }
        let notice = self.texts().kept_mine_notice(copy.display());
        self.open_file_telling(&path, Some(notice));
    }

    /// The file as it is on disk now, in place of what is open (which has no unsaved
    /// changes, or the user chose to drop them).
    pub(super) fn reload(&mut self) {
        if let Some(path) = self.document.path().map(Path::to_path_buf) {
            self.open_file_telling(&path, Some(self.texts().reloaded_notice.to_string()));
        }
    }
}

/// Who has a file open, in a sentence.
pub(super) fn owner_in_words(texts: &crate::i18n::Texts, file: &Path, owner: &LockOwner) -> String {
    let since = owner
        .since
        .to_zoned(jiff::tz::TimeZone::system())
        .strftime("%d/%m/%Y %H:%M")
        .to_string();
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let or_unknown = |said: &str, unknown: &'static str| {
        if said.is_empty() {
            unknown.to_string()
        } else {
            said.to_string()
        }
    };
    if owner.is_this_process() {
        texts.locked_here(name, since)
    } else {
        let user = or_unknown(&owner.user, texts.unknown_user);
        let machine = or_unknown(&owner.machine, texts.unknown_machine);
        texts.locked_by(name, user, machine, since)
    }
}

/// `integratiepact` of `integratiepact.dossier.json`.
fn stem_of(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.strip_suffix(".dossier.json")
        .or_else(|| name.strip_suffix(".json"))
        .unwrap_or(&name)
        .to_string()
}

/// Local time as a file name can hold it: `2026-12-01 17.32.05`.
fn now_for_file() -> String {
    jiff::Zoned::now().strftime("%Y-%m-%d %H.%M.%S").to_string()
}

/// `NAME.dossier.json` beside `path`, for a copy of this window's version.
fn mine_beside(path: &Path, name: &str) -> PathBuf {
    path.with_file_name(format!("{name}.dossier.json"))
}
