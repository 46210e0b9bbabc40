//! Copies of unsaved work: written while editing, removed on a clean exit, offered back
//! after a crash.

use super::WorkbenchApp;
use super::dialogs::{Dialogs, Modal};
use crate::document::Document;
use crate::store::recovery::Recovery;
use crate::ui::autosave::{Autosave, Autosaver};

#[derive(Debug)]
pub(super) struct Recoveries {
    autosaver: Option<Autosaver>,
    /// Copies a crashed window left behind, still to offer, newest first.
    left_behind: Vec<Recovery>,
}

impl Recoveries {
    pub(super) fn new(autosave: Option<Autosave>) -> Recoveries {
        Recoveries {
            left_behind: autosave
                .as_ref()
                .map(|autosave| autosave.folder.left_behind())
                .unwrap_or_default(),
            autosaver: autosave.map(Autosaver::new),
        }
    }

    /// Offers the next copy left behind, when no other question is asked.
    pub(super) fn offer(&mut self, dialogs: &mut Dialogs) {
        if dialogs.modal.is_none() && !self.left_behind.is_empty() {
            dialogs.modal = Some(Modal::Recover(self.left_behind.remove(0)));
        }
    }
}

impl WorkbenchApp {
    /// Opens a recovery copy as unsaved changes to the file it belongs to, writes this
    /// session's copy of it and only then deletes the old one.
    pub(super) fn restore(&mut self, recovery: &Recovery) {
        let dossier = match recovery.load() {
            Ok(dossier) => dossier,
            Err(error) => {
                self.show_error(self.texts().recover_failed, self.texts().load_error(&error));
                return;
            }
        };
        self.replace_document(Document::recovered(dossier, recovery.file.clone()));
        self.tell(self.texts().restored_notice(&recovery.title));
        let kept = match &mut self.recovery.autosaver {
            Some(autosaver) => autosaver.write_now(&self.document),
            None => Ok(()),
        };
        let discarded =
            kept.and_then(|()| recovery.discard().map_err(|error| self.texts().io_reason(&error)));
        if let Err(reason) = discarded {
            self.tell(self.texts().autosave_failed(reason));
        }
    }

    /// Writes the recovery copy when it is due and removes it when nothing is unsaved.
    pub(super) fn autosave_step(&mut self, ctx: &egui::Context) {
        // The window is closing with its changes dropped on purpose: no copy after that,
        // however long the last frames take.
        if self.files.allow_close {
            return;
        }
        let Some(autosaver) = &mut self.recovery.autosaver else {
            return;
        };
        if let Some(failure) = autosaver.step(&self.document, ctx) {
            self.tell(self.texts().autosave_failed(failure));
        }
    }

    /// On a clean exit, or when unsaved work is dropped on purpose.
    pub(super) fn remove_recovery_copy(&mut self) {
        if let Some(autosaver) = &mut self.recovery.autosaver
            && let Err(reason) = autosaver.remove()
        {
            self.tell(self.texts().autosave_failed(reason));
        }
    }
}
