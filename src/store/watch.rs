//! Watching the open dossier's file for someone else's changes, off the window's frame:
//! a thread looks at the file every second and wakes the window only when it changed.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use super::stamp::{DiskStamp, DiskState};

/// How often the file is looked at: a stat, cheap even on a shared drive.
pub const WATCH_EVERY: Duration = Duration::from_secs(1);

#[derive(Debug)]
struct Watched {
    /// The file as last seen: the window's own last read or write, then each change
    /// reported since.
    seen: DiskStamp,
    /// A change not yet taken by the window.
    news: Option<DiskState>,
    missing: bool,
}

/// A running watch of one file; it stops when dropped.
#[derive(Debug)]
pub struct FileWatch {
    path: PathBuf,
    started_from: DiskStamp,
    shared: Arc<Mutex<Watched>>,
    stop: Arc<AtomicBool>,
}

impl FileWatch {
    /// Watches `path`, which `stamp` describes; `wake` is called (on the watching
    /// thread) when there is news.
    pub fn start(path: &Path, stamp: DiskStamp, wake: impl Fn() + Send + 'static) -> FileWatch {
        let shared = Arc::new(Mutex::new(Watched {
            seen: stamp.clone(),
            news: None,
            missing: false,
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let watch = FileWatch {
            path: path.to_path_buf(),
            started_from: stamp,
            shared: Arc::clone(&shared),
            stop: Arc::clone(&stop),
        };
        let path = path.to_path_buf();
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(WATCH_EVERY);
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                if look(&path, &shared) {
                    wake();
                }
            }
        });
        watch
    }

    /// Whether this watch is of `path` as `stamp` describes it.
    pub fn watches(&self, path: &Path, stamp: &DiskStamp) -> bool {
        self.path == path && &self.started_from == stamp
    }

    /// A change seen since last asked, if any.
    pub fn take_news(&self) -> Option<DiskState> {
        self.shared
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .news
            .take()
    }
}

impl Drop for FileWatch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Looks at the file once; whether there is news for the window.
fn look(path: &Path, shared: &Mutex<Watched>) -> bool {
    let seen = shared.lock().unwrap_or_else(PoisonError::into_inner).seen.clone();
    let state = seen.check(path);
    let mut watched = shared.lock().unwrap_or_else(PoisonError::into_inner);
    match state {
        DiskState::Same => {
            watched.missing = false;
            false
        }
        DiskState::Changed(stamp) => {
            watched.seen = stamp.clone();
            watched.missing = false;
            watched.news = Some(DiskState::Changed(stamp));
            true
        }
        // Said once, not every second while it stays away.
        DiskState::Missing if watched.missing => false,
        DiskState::Missing => {
            watched.missing = true;
            watched.news = Some(DiskState::Missing);
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn a_change_on_disk_wakes_the_window_once() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("d.dossier.json");
        std::fs::write(&path, b"mine").unwrap();
        let (woken, wakes) = mpsc::channel();
        let watch = FileWatch::start(&path, DiskStamp::of(&path, b"mine"), move || {
            let _ = woken.send(());
        });
        assert!(watch.take_news().is_none());
        std::fs::write(&path, b"theirs").unwrap();
        wakes.recv_timeout(Duration::from_secs(180)).unwrap();
        let Some(DiskState::Changed(stamp)) = watch.take_news() else {
            panic!("the change is told");
        };
        assert_eq!(stamp, DiskStamp::of(&path, b"theirs"));
        assert!(watch.take_news().is_none(), "told once");
        std::fs::remove_file(&path).unwrap();
        wakes.recv_timeout(Duration::from_secs(180)).unwrap();
        assert_eq!(watch.take_news(), Some(DiskState::Missing));
    }
}
