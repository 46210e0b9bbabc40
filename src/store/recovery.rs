//! Recovery copies: while a dossier has unsaved changes, the app keeps a copy of it in
//! its own data folder, never over the user's file. A clean save or exit removes it; a
//! copy still there at the next start was left by a crash, and is offered back.
//!
//! Each running window is a *session* with two files in the folder:
//! `SESSION.dossier.json`, the dossier in the usual file format (so it loads with the
//! usual checks and messages), and `SESSION.recovery.json`, which says what it is. The
//! description is written second, so a copy is only ever listed once it is complete.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{LoadError, SaveError, atomic, load, to_bytes};
use crate::model::Dossier;

const DOSSIER_SUFFIX: &str = ".dossier.json";
const ABOUT_SUFFIX: &str = ".recovery.json";

/// The recovery copies of one running window, in a folder they may share with others.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryFolder {
    folder: PathBuf,
    session: String,
}

/// What a recovery copy says about itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct About {
    /// The process that wrote it: while it runs, the copy is its own, not left behind.
    process: u32,
    written: jiff::Timestamp,
    /// The user's file the changes belong to; `None` for a dossier never saved.
    file: Option<PathBuf>,
    title: String,
}

/// A recovery copy left behind by a window that did not close cleanly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovery {
    pub written: jiff::Timestamp,
    pub file: Option<PathBuf>,
    pub title: String,
    dossier_path: PathBuf,
    about_path: PathBuf,
}

impl RecoveryFolder {
    /// The copies of this process in `folder`.
    pub fn new(folder: PathBuf) -> RecoveryFolder {
        let started = jiff::Timestamp::now().as_millisecond();
        RecoveryFolder {
            folder,
            session: format!("session-{started}-{}", std::process::id()),
        }
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// This session's copy of the dossier, whether or not it exists yet.
    pub fn own_copy(&self) -> PathBuf {
        self.folder.join(format!("{}{DOSSIER_SUFFIX}", self.session))
    }

    fn own_about(&self) -> PathBuf {
        self.folder.join(format!("{}{ABOUT_SUFFIX}", self.session))
    }

    /// Writes this session's copy of `dossier`, atomically, replacing its last one.
    pub fn write(&self, dossier: &Dossier, file: Option<&Path>) -> Result<(), SaveError> {
        std::fs::create_dir_all(&self.folder).map_err(|source| SaveError::Write {
            path: self.folder.display().to_string(),
            stage: atomic::Stage::CreateTemporary,
            source,
        })?;
        let copy = self.own_copy();
        let write = |path: &Path, bytes: &[u8]| {
            atomic::write_atomically(path, bytes).map_err(|(stage, source)| SaveError::Write {
                path: path.display().to_string(),
                stage,
                source,
            })
        };
        let bytes = to_bytes(dossier).map_err(|error| SaveError::Serialize {
            path: copy.display().to_string(),
            detail: error.to_string(),
        })?;
        write(&copy, &bytes)?;
        let about = About {
            process: std::process::id(),
            written: jiff::Timestamp::now(),
            file: file.map(Path::to_path_buf),
            title: dossier.title.clone(),
        };
        let about_bytes = serde_json::to_vec_pretty(&about).map_err(|error| SaveError::Serialize {
            path: self.own_about().display().to_string(),
            detail: error.to_string(),
        })?;
        write(&self.own_about(), &about_bytes)
    }

    /// Removes this session's copy: the changes were saved, or dropped on purpose.
    pub fn remove(&self) -> io::Result<()> {
        // The description first: a copy without one is never offered.
        remove_if_there(&self.own_about())?;
        remove_if_there(&self.own_copy())
    }

    /// The copies left behind by windows that are no longer running, newest first.
    pub fn left_behind(&self) -> Vec<Recovery> {
        let Ok(entries) = std::fs::read_dir(&self.folder) else {
            return Vec::new();
        };
        let mut found: Vec<Recovery> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                let session = name.strip_suffix(ABOUT_SUFFIX)?.to_string();
                if session == self.session {
                    return None;
                }
                let about_path = entry.path();
                let about: About = serde_json::from_slice(&std::fs::read(&about_path).ok()?).ok()?;
                let dossier_path = self.folder.join(format!("{session}{DOSSIER_SUFFIX}"));
                let abandoned = about.process != std::process::id() && !process_runs(about.process);
                (abandoned && dossier_path.is_file()).then_some(Recovery {
                    written: about.written,
                    file: about.file,
                    title: about.title,
                    dossier_path,
                    about_path,
                })
            })
            .collect();
        found.sort_by_key(|recovery| std::cmp::Reverse(recovery.written));
        found
    }
}

impl Recovery {
    /// Reads the copy, with the usual checks: a damaged copy says what is wrong.
    pub fn load(&self) -> Result<Dossier, LoadError> {
        load(&self.dossier_path)
    }

    /// Deletes the copy: restored into a new session, or not wanted.
    pub fn discard(&self) -> io::Result<()> {
        remove_if_there(&self.about_path)?;
        remove_if_there(&self.dossier_path)
    }
}

fn remove_if_there(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

/// Whether a process runs. Where that cannot be told (no `/proc`), a copy is taken as
/// left behind: offering a copy too many is better than hiding a crash's work.
fn process_runs(process: u32) -> bool {
    let proc = Path::new("/proc");
    proc.is_dir() && proc.join(process.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn left_by_a_dead_process(folder: &Path, title: &str, file: Option<&Path>) {
        let other = RecoveryFolder {
            folder: folder.to_path_buf(),
            session: format!("session-1-{title}"),
        };
        let mut dossier = Dossier::new(title);
        dossier.description = "werk in uitvoering".into();
        other.write(&dossier, file).unwrap();
        // Rewrite its process as one that cannot run (above Linux's pid_max).
        let about_path = other.own_about();
        let mut about: About = serde_json::from_slice(&std::fs::read(&about_path).unwrap()).unwrap();
        about.process = u32::MAX;
        std::fs::write(&about_path, serde_json::to_vec(&about).unwrap()).unwrap();
    }

    #[test]
    fn a_copy_left_by_a_dead_process_is_offered_with_its_file_and_time() {
        let folder = tempfile::tempdir().unwrap();
        let before = jiff::Timestamp::now();
        left_by_a_dead_process(folder.path(), "Oud", Some(Path::new("/docs/oud.dossier.json")));
        let mine = RecoveryFolder::new(folder.path().to_path_buf());
        let found = mine.left_behind();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].title, "Oud");
        assert_eq!(
            found[0].file.as_deref(),
            Some(Path::new("/docs/oud.dossier.json"))
        );
        assert!(found[0].written >= before);
        let dossier = found[0].load().unwrap();
        assert_eq!(dossier.description, "werk in uitvoering");
        found[0].discard().unwrap();
        assert!(mine.left_behind().is_empty());
        assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_running_window_s_copy_is_not_offered_and_its_own_is_removed_cleanly() {
        let folder = tempfile::tempdir().unwrap();
        let mine = RecoveryFolder::new(folder.path().join("recovery"));
        assert!(mine.left_behind().is_empty(), "a missing folder has nothing");
        mine.write(&Dossier::new("Nu"), None).unwrap();
        assert!(mine.own_copy().is_file());
        let another_window = RecoveryFolder {
            folder: mine.folder.clone(),
            session: "session-2-other".into(),
        };
        assert!(
            another_window.left_behind().is_empty(),
            "this process still runs, so its copy is not left behind"
        );
        mine.remove().unwrap();
        assert!(!mine.own_copy().exists());
        mine.remove().unwrap();
    }

    #[test]
    fn newest_first_and_a_copy_without_description_is_ignored() {
        let folder = tempfile::tempdir().unwrap();
        left_by_a_dead_process(folder.path(), "Eerste", None);
        // The second is written at a later time: wait for the clock to move on.
        let first_written = jiff::Timestamp::now();
        while jiff::Timestamp::now() <= first_written {
            std::thread::yield_now();
        }
        left_by_a_dead_process(folder.path(), "Tweede", None);
        std::fs::write(folder.path().join("session-9-half.dossier.json"), "{").unwrap();
        let found = RecoveryFolder::new(folder.path().to_path_buf()).left_behind();
        let titles: Vec<&str> = found.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, ["Tweede", "Eerste"]);
    }
}
