//! Long work off the frame (see `ui::work`): opening, saving, reading a text to import
//! and exporting run on a thread of their own while the window keeps drawing. After a
//! moment a bar says what is being done and how far, with Cancel.
//!
//! Commands that read or write files wait until the work is done (a second save, the
//! quit after a save). Edits go on during a save: it writes the dossier as it was when
//! the save began, and what changed since stays unsaved. While another dossier is being
//! opened in place of this one, nothing changes this one.

use std::collections::VecDeque;
use std::io;
use std::path::{Path, PathBuf};

use super::WorkbenchApp;
use crate::document::{Document, DossierVersion};
use crate::model::Dossier;
use crate::model::merge::{Change, diff};
use crate::store::lock::Lock;
use crate::store::{self, DiskStamp, Moment, SaveError};
use crate::ui::work::{FRAME_WAIT, Finished, Job, PROGRESS_AFTER, Progress};
use crate::ui::{Command, Commands};

/// The work running off the frame, and the commands waiting for it.
#[derive(Debug)]
pub(super) struct Work {
    /// To draw a frame when a job is done.
    ctx: egui::Context,
    running: Option<Running>,
    waiting: VecDeque<Command>,
}

impl Work {
    pub(super) fn new(ctx: &egui::Context) -> Work {
        Work {
            ctx: ctx.clone(),
            running: None,
            waiting: VecDeque::new(),
        }
    }

    pub(super) fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Whether work runs or commands wait for it.
    pub(super) fn is_busy(&self) -> bool {
        self.running.is_some() || !self.waiting.is_empty()
    }

    /// Whether a dossier is being opened in place of the open one.
    pub(super) fn is_opening(&self) -> bool {
        matches!(
            self.running,
            Some(Running {
                after: After::Open { .. },
                ..
            })
        )
    }

    /// Keeps `command` until the running work is done.
    pub(super) fn wait(&mut self, command: Command) {
        self.waiting.push_back(command);
    }

    /// Starts a job. Only a command starts one, and a command that does waits while
    /// another runs ([`Command::waits_for_work`]), so there is one at a time.
    fn start(&mut self, work: impl FnOnce(&Progress) -> Outcome + Send + 'static, after: After) {
        let ctx = self.ctx.clone();
        let job = Job::start(work, move || ctx.request_repaint());
        self.running = Some(Running {
            job,
            after,
            stopping: false,
        });
    }
}

#[derive(Debug)]
struct Running {
    job: Job<Outcome>,
    after: After,
    /// Cancel was asked; the work stops at its next safe point.
    stopping: bool,
}

/// How a dossier is opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Opening {
    /// As this window's file, with its lock.
    Own,
    ReadOnly,
    /// As a new dossier, saved elsewhere.
    Copy,
}

/// What the window does with a job's result: kept here, on the window's side, so that
/// a job that is cancelled takes nothing of the window with it (the lock of a file
/// being reloaded stays with the open dossier).
#[derive(Debug)]
enum After {
    Open {
        path: PathBuf,
        how: Opening,
        lock: Option<Lock>,
        /// Said in the status bar once it is open (reloaded, theirs kept).
        notice: Option<String>,
    },
    Save {
        path: PathBuf,
        saved: DossierVersion,
        then: Option<Box<Command>>,
    },
    Import {
        path: PathBuf,
    },
    Export {
        path: PathBuf,
    },
    /// What changed from another version (a file, a commit) to the open dossier.
    Compare {
        path: PathBuf,
        /// The other version's name.
        name: String,
    },
}

impl After {
    fn path(&self) -> &Path {
        match self {
            After::Open { path, .. }
            | After::Save { path, .. }
            | After::Import { path }
            | After::Export { path }
            | After::Compare { path, .. } => path,
        }
    }

    /// Whether stopping it leaves nothing to wait for: it only reads.
    fn only_reads(&self) -> bool {
        matches!(
            self,
            After::Open { .. } | After::Import { .. } | After::Compare { .. }
        )
    }
}

#[derive(Debug)]
enum Outcome {
    /// The document, or why it could not be read, in words.
    Opened(Box<Result<Document, String>>),
    /// The stamp of what was written and, for a file new to the window, its lock.
    Saved(Result<(DiskStamp, Option<Option<Lock>>), SaveError>),
    Read(Result<String, String>),
    Written(Result<(), String>),
    Compared(Result<Vec<Change>, String>),
}

/// The error that stops a save or an export that was cancelled.
fn stop_if_cancelled(progress: &Progress) -> io::Result<()> {
    if progress.is_cancelled() {
        Err(io::Error::new(io::ErrorKind::Interrupted, "cancelled"))
    } else {
        Ok(())
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

impl WorkbenchApp {
    /// Opens `path` off the frame; what is open stays until it is read.
    pub(super) fn start_open(
        &mut self,
        path: &Path,
        how: Opening,
        lock: Option<Lock>,
        notice: Option<String>,
    ) {
        let texts = self.texts();
        let file = path.to_path_buf();
        let read = move || {
            match how {
                Opening::Copy => Document::open_copy(&file),
                Opening::Own | Opening::ReadOnly => Document::open(&file),
            }
            .map_err(|error| texts.load_error(&error))
        };
        self.start_reading(path, how, lock, notice, read);
    }

    /// Opens the document `read` gives (from `path`, or from a commit of it) off the
    /// frame; `notice` is said once it is open.
    pub(super) fn start_reading(
        &mut self,
        path: &Path,
        how: Opening,
        lock: Option<Lock>,
        notice: Option<String>,
        read: impl FnOnce() -> Result<Document, String> + Send + 'static,
    ) {
        self.work.start(
            move |_| Outcome::Opened(Box::new(read())),
            After::Open {
                path: path.to_path_buf(),
                how,
                lock,
                notice,
            },
        );
    }

    /// Saves the dossier as it is now to `path` off the frame (over someone else's change
    /// to it only if `over_theirs`); `then` runs once it is saved. A save refused because
    /// someone else is in the way asks what to do, keeping `then` for after.
    pub(super) fn save_to(&mut self, path: &Path, over_theirs: bool, then: Option<Box<Command>>) {
        if let Err(error) = self.document.may_save_to(path, over_theirs) {
            self.save_failed(&error, then);
            return;
        }
        let snapshot = self.document.snapshot();
        let file = path.to_path_buf();
        // Taken on the thread too: a lock file is written and synced to disk.
        let moved = self.document.path() != Some(path);
        let window = self.window_name().to_string();
        self.work.start(
            move |progress| {
                let saved = store::save_watched(
                    &file,
                    &snapshot,
                    &mut |written, expected| {
                        progress.set(written as u64, expected as u64);
                        stop_if_cancelled(progress)
                    },
                    // Up to the moment the old file is replaced, and never after.
                    |moment, _| match moment {
                        Moment::TemporaryCreated | Moment::TemporaryWritten | Moment::TemporaryFlushed => {
                            stop_if_cancelled(progress)
                        }
                        Moment::BackupLinked | Moment::BackupKept | Moment::Replaced => Ok(()),
                    },
                );
                let lock = || moved.then(|| store::lock::take_over(&file, &window).ok());
                Outcome::Saved(saved.map(|stamp| (stamp, lock())))
            },
            After::Save {
                path: path.to_path_buf(),
                saved: self.document.version(),
                then,
            },
        );
    }

    /// Reads a PDF's text layer or a text file off the frame, into the import dialog;
    /// what cannot be read is said, with the reason.
    pub(super) fn import_file(&mut self, path: &Path) {
        let texts = self.texts();
        let file = path.to_path_buf();
        self.work.start(
            move |_| {
                let read = store::reading::read_limited(&file, crate::import::IMPORT_LIMIT)
                    .map_err(|error| texts.read_error(&error))
                    .and_then(|bytes| crate::import::text_of_file(&bytes).map_err(|error| error.to_string()));
                Outcome::Read(read)
            },
            After::Import {
                path: path.to_path_buf(),
            },
        );
    }

    /// Makes an export of the dossier as it is now, and writes it whole to `path`, off
    /// the frame.
    pub(super) fn start_export(
        &mut self,
        path: &Path,
        make: impl FnOnce(&Dossier) -> Result<Vec<u8>, String> + Send + 'static,
    ) {
        let texts = self.texts();
        let snapshot = self.document.snapshot();
        let file = path.to_path_buf();
        self.work.start(
            move |progress| {
                let written = make(&snapshot).and_then(|bytes| {
                    store::atomic::write_atomically_observed(&file, &bytes, |moment, _| match moment {
                        Moment::TemporaryCreated | Moment::TemporaryWritten | Moment::TemporaryFlushed => {
                            stop_if_cancelled(progress)
                        }
                        _ => Ok(()),
                    })
                    .map_err(|(stage, error)| texts.write_error(&file, stage, &error))
                });
                Outcome::Written(written)
            },
            After::Export {
                path: path.to_path_buf(),
            },
        );
    }

    /// Shows what changed from another version to the open dossier, reading it (`read`
    /// gives its dossier or why not) and comparing off the frame.
    pub(super) fn start_compare(
        &mut self,
        path: &Path,
        name: String,
        read: impl FnOnce() -> Result<Dossier, String> + Send + 'static,
    ) {
        let snapshot = self.document.snapshot();
        self.work.start(
            move |_| Outcome::Compared(read().map(|other| diff(&other, &snapshot))),
            After::Compare {
                path: path.to_path_buf(),
                name,
            },
        );
    }

    /// Takes the result of the running work when it is done, then runs the commands
    /// that waited for it. While work runs, frames keep coming to show it.
    pub(super) fn work_step(&mut self, ctx: &egui::Context) {
        if let Some(running) = &self.work.running {
            let Some(finished) = running.job.finished(FRAME_WAIT) else {
                ctx.request_repaint();
                return;
            };
            if let Some(running) = self.work.running.take() {
                self.finish(running, finished);
            }
        }
        while !self.work.is_running()
            && let Some(command) = self.work.waiting.pop_front()
        {
            self.handle(ctx, command);
        }
    }

    /// Stops the running work where that is safe: reading is dropped at once; a save or
    /// an export stops before it replaces a file, or ends as it would have.
    pub(super) fn cancel_work(&mut self) {
        let Some(running) = &mut self.work.running else {
            return;
        };
        running.job.progress().cancel();
        running.stopping = true;
        if running.after.only_reads()
            && let Some(running) = self.work.running.take()
        {
            let name = file_name(running.after.path());
            let work = self.texts().work;
            match running.after {
                After::Open { path, lock, .. } => {
                    // A reload that is cancelled keeps the open dossier its lock.
                    if self.document.path() == Some(path.as_path()) {
                        self.document.set_lock(lock);
                    }
                    self.tell(work.open_cancelled(name));
                }
                After::Compare { name, .. } => self.tell(work.compare_cancelled(name)),
                _ => self.tell(work.import_cancelled(name)),
            }
            // What waited for it was meant to follow it.
            self.work.waiting.clear();
        }
    }

    fn finish(&mut self, running: Running, finished: Finished<Outcome>) {
        let cancelled = running.job.progress().is_cancelled();
        let Finished::Done(outcome) = finished else {
            self.work.waiting.clear();
            let title = self.failed_title(&running.after);
            self.show_error(title, self.texts().work.failed.to_string());
            return;
        };
        let name = file_name(running.after.path());
        let work = self.texts().work;
        match (running.after, outcome) {
            (
                After::Open {
                    path,
                    how,
                    lock,
                    notice,
                },
                Outcome::Opened(opened),
            ) => {
                if self.opened(&path, how, lock, *opened)
                    && let Some(notice) = notice
                {
                    self.tell(notice);
                }
            }
            (After::Save { .. }, Outcome::Saved(Err(_))) if cancelled => {
                self.work.waiting.clear();
                self.tell(work.save_cancelled(name));
            }
            (After::Save { path, saved, then }, Outcome::Saved(result)) => match result {
                Ok((stamp, lock)) => {
                    self.saved(&path, stamp, saved, lock);
                    // Before anything the user asked for meanwhile.
                    if let Some(then) = then {
                        self.work.waiting.push_front(*then);
                    }
                }
                Err(error) => {
                    self.work.waiting.clear();
                    self.save_failed(&error, then);
                }
            },
            (After::Import { path }, Outcome::Read(read)) => match read {
                Ok(text) => self.views.import.load(name, text),
                Err(reason) => {
                    let message = format!("{}: {reason}", path.display());
                    self.show_error(self.texts().import_read_failed, message);
                }
            },
            (After::Export { .. }, Outcome::Written(Err(_))) if cancelled => {
                self.tell(work.export_cancelled(name));
            }
            (After::Export { path }, Outcome::Written(written)) => match written {
                Ok(()) => self.tell(self.texts().exported_to(path.display())),
                Err(message) => self.show_error(self.texts().export_failed, message),
            },
            (After::Compare { name, .. }, Outcome::Compared(compared)) => match compared {
                Ok(changes) => {
                    let open = self.document.dossier().title.clone();
                    self.versions.compare.show(name, open, changes);
                }
                Err(message) => self.show_error(self.texts().open_failed, message),
            },
            // Each job hands back its own kind of outcome.
            (after, _) => self.show_error(
                self.failed_title(&after),
                format!("{}: {}", after.path().display(), work.failed),
            ),
        }
    }

    /// The title of the message when work of this kind failed.
    fn failed_title(&self, after: &After) -> &'static str {
        let texts = self.texts();
        match after {
            After::Open { .. } | After::Compare { .. } => texts.open_failed,
            After::Save { .. } => texts.save_failed,
            After::Import { .. } => texts.import_read_failed,
            After::Export { .. } => texts.export_failed,
        }
    }

    /// What is being done, how far, and Cancel: once the work has run a moment.
    pub(super) fn work_ui(&self, ctx: &egui::Context, commands: &mut Commands) {
        let Some(running) = &self.work.running else {
            return;
        };
        if !running
            .job
            .shows_progress(std::time::Instant::now(), PROGRESS_AFTER)
        {
            return;
        }
        let work = self.texts().work;
        let name = file_name(running.after.path());
        let line = match &running.after {
            After::Open { .. } => work.opening(name),
            After::Save { .. } => work.saving(name),
            After::Import { .. } => work.importing(name),
            After::Export { .. } => work.exporting(name),
            After::Compare { name, .. } => work.comparing(name),
        };
        egui::Window::new(line.clone())
            .id(egui::Id::unique("work_progress"))
            .title_bar(false)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -56.0))
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.strong(line);
                });
                // How far is known for a save; for a parse it is not, and the spinner
                // alone shows that the work goes on (an empty bar would say "nothing done").
                if let Some(fraction) = running.job.progress().fraction() {
                    ui.add(
                        egui::ProgressBar::new(fraction)
                            .show_percentage()
                            .desired_width(420.0),
                    );
                }
                ui.horizontal(|ui| {
                    if running.stopping {
                        ui.label(work.stopping);
                    } else if ui.button(work.cancel).clicked() {
                        commands.push(Command::CancelWork);
                    }
                });
            });
    }
}
