//! Autosave for crash recovery: a few seconds after the last edit, while there are
//! unsaved changes, a copy of the dossier goes to the recovery folder (see
//! [`crate::store::recovery`]). It is written on a thread of its own, so that a large
//! dossier does not stall the window, and removed as soon as nothing is unsaved.

use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::DossierVersion;
use crate::document::Document;
use crate::store::recovery::RecoveryFolder;

/// How long after the last edit the copy is written: long enough not to write on every
/// keystroke, short enough to lose little.
pub const AUTOSAVE_AFTER: Duration = Duration::from_secs(3);

/// Where and when the app keeps recovery copies.
#[derive(Clone, Debug)]
pub struct Autosave {
    pub folder: RecoveryFolder,
    pub after: Duration,
}

#[derive(Debug)]
pub struct Autosaver {
    settings: Autosave,
    /// The version last seen, and when it changed.
    seen: Option<(DossierVersion, Instant)>,
    /// The version the copy on disk holds (or is being written with).
    written: Option<DossierVersion>,
    writing: Option<JoinHandle<Result<(), String>>>,
    /// The last failure, said once.
    failure: Option<String>,
}

impl Autosaver {
    pub fn new(settings: Autosave) -> Autosaver {
        Autosaver {
            settings,
            seen: None,
            written: None,
            writing: None,
            failure: None,
        }
    }

    pub fn folder(&self) -> &RecoveryFolder {
        &self.settings.folder
    }

    /// Once a frame: writes the copy when it is due, removes it when nothing is unsaved.
    /// Returns a failure to tell the user, once per distinct failure.
    pub fn step(&mut self, document: &Document, ctx: &egui::Context) -> Option<String> {
        let version = document.version();
        let changed_at = match self.seen {
            Some((seen, at)) if seen == version => at,
            _ => {
                let now = Instant::now();
                self.seen = Some((version, now));
                now
            }
        };
        let mut outcome = self.collect();
        if !document.is_dirty() {
            if self.written.is_some() {
                outcome = outcome.or_else(|| self.remove().err());
            }
            return self.once(outcome);
        }
        if self.writing.is_some() {
            ctx.request_repaint_after(Duration::from_millis(100));
        } else if self.written != Some(version) {
            let waited = changed_at.elapsed();
            if waited >= self.settings.after {
                self.start_writing(document);
                ctx.request_repaint_after(Duration::from_millis(100));
            } else {
                ctx.request_repaint_after(self.settings.after - waited);
            }
        }
        self.once(outcome)
    }

    fn once(&mut self, outcome: Option<String>) -> Option<String> {
        let outcome = outcome.filter(|failure| self.failure.as_ref() != Some(failure));
        if outcome.is_some() {
            self.failure.clone_from(&outcome);
        }
        outcome
    }

    fn start_writing(&mut self, document: &Document) {
        let dossier = document.snapshot();
        let file = document.path().map(std::path::Path::to_path_buf);
        let folder = self.settings.folder.clone();
        self.written = Some(document.version());
        self.writing = Some(std::thread::spawn(move || {
            folder
                .write(&dossier, file.as_deref())
                .map_err(|error| error.to_string())
        }));
    }

    /// The outcome of a finished write, if one finished.
    fn collect(&mut self) -> Option<String> {
        let handle = self.writing.take_if(|handle| handle.is_finished())?;
        match handle.join() {
            Ok(Ok(())) => {
                self.failure = None;
                None
            }
            Ok(Err(failure)) => Some(failure),
            Err(_) => Some("the recovery copy's writer stopped".into()),
        }
    }

    /// Writes the copy now, on this thread: after restoring one, before the old one goes.
    pub fn write_now(&mut self, document: &Document) -> Result<(), String> {
        self.wait();
        self.written = Some(document.version());
        self.settings
            .folder
            .write(document.dossier(), document.path())
            .map_err(|error| error.to_string())
    }

    /// Removes the copy, after any write under way has finished.
    pub fn remove(&mut self) -> Result<(), String> {
        self.wait();
        self.written = None;
        self.settings
            .folder
            .remove()
            .map_err(|error| format!("{}: {error}", self.settings.folder.folder().display()))
    }

    fn wait(&mut self) {
        if let Some(handle) = self.writing.take() {
            // Its outcome no longer matters: the copy is written again or removed.
            let _ = handle.join();
        }
    }
}
