//! A lock file beside an open dossier, as office suites keep one (`.~lock.NAME#`): who
//! has the file open, on which machine, in which process and window, and since when. It
//! does not stop anyone; it lets the next person who opens the file know, and choose.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

use super::atomic;

/// Who holds a lock.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockOwner {
    /// Empty where the system does not say.
    pub user: String,
    /// Empty where the system does not say.
    pub machine: String,
    pub process: u32,
    /// Tells two windows of one process apart.
    pub window: String,
    pub since: jiff::Timestamp,
}

impl LockOwner {
    /// This process's window `window`, from now.
    fn me(window: &str) -> LockOwner {
        LockOwner {
            user: user_name(),
            machine: machine_name(),
            process: std::process::id(),
            window: window.to_string(),
            since: jiff::Timestamp::now(),
        }
    }

    fn is(&self, other: &LockOwner) -> bool {
        self.machine == other.machine && self.process == other.process && self.window == other.window
    }

    /// Whether another window of this very process holds it.
    pub fn is_this_process(&self) -> bool {
        self.machine == machine_name() && self.process == std::process::id()
    }

    /// Whether the lock was left by a process of this machine that has ended: a crash.
    fn is_stale(&self) -> bool {
        self.machine == machine_name() && !process_runs(self.process)
    }
}

/// This window's hold on a dossier file; removed when dropped, unless someone took the
/// file over since.
#[derive(Debug)]
pub struct Lock {
    file: PathBuf,
    owner: LockOwner,
}

/// What trying to lock a dossier file came to.
#[derive(Debug)]
pub enum Locking {
    Taken(Lock),
    /// Someone else has it open: a live process, or one on another machine.
    HeldBy(LockOwner),
}

/// A name for a window, unique among the windows of this process.
pub fn window_name() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    format!("window-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// Where the lock of `dossier` is: `.~lock.NAME#` beside the real file.
pub fn lock_path(dossier: &Path) -> PathBuf {
    let target = atomic::follow_link(dossier);
    target.with_file_name(format!(".~lock.{}#", atomic::file_name(&target)))
}

/// Who holds the lock of `dossier`, if anyone (a lock that cannot be read is nobody's).
pub fn holder(dossier: &Path) -> Option<LockOwner> {
    let bytes = super::reading::read_limited(&lock_path(dossier), 64 * 1024).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Locks `dossier` for `window`, unless another window or person holds it. A lock this
/// window holds already, a lock left by a process of this machine that has ended, and a
/// lock file that cannot be read are taken over.
pub fn acquire(dossier: &Path, window: &str) -> io::Result<Locking> {
    let me = LockOwner::me(window);
    let file = lock_path(dossier);
    let bytes = serde_json::to_vec(&me).map_err(io::Error::other)?;
    match fs::OpenOptions::new().write(true).create_new(true).open(&file) {
        Ok(mut created) => {
            io::Write::write_all(&mut created, &bytes)?;
            return Ok(Locking::Taken(Lock { file, owner: me }));
        }
        Err(error) if error.kind() != io::ErrorKind::AlreadyExists => return Err(error),
        Err(_) => {}
    }
    match holder(dossier) {
        Some(owner) if !owner.is(&me) && !owner.is_stale() => Ok(Locking::HeldBy(owner)),
        _ => take_over(dossier, window).map(Locking::Taken),
    }
}

/// Locks `dossier` for `window` whoever held it: *Open anyway*.
pub fn take_over(dossier: &Path, window: &str) -> io::Result<Lock> {
    let me = LockOwner::me(window);
    let file = lock_path(dossier);
    let bytes = serde_json::to_vec(&me).map_err(io::Error::other)?;
    atomic::write_atomically(&file, &bytes).map_err(|(_, error)| error)?;
    Ok(Lock { file, owner: me })
}

impl Lock {
    pub fn owner(&self) -> &LockOwner {
        &self.owner
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let still_mine = fs::read(&self.file)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<LockOwner>(&bytes).ok())
            .is_some_and(|owner| owner.is(&self.owner));
        if still_mine {
            // Nothing to do if it is gone already; a lock left is taken over next time.
            let _ = fs::remove_file(&self.file);
        }
    }
}

fn user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|key| std::env::var(key).ok().filter(|name| !name.is_empty()))
        .unwrap_or_default()
}

fn machine_name() -> String {
    let from_system = fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| fs::read_to_string("/etc/hostname"))
        .ok()
        .map(|name| name.trim().to_string());
    from_system
        .filter(|name| !name.is_empty())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_default()
}

/// Whether process `id` of this machine still runs. Where that cannot be told, it is
/// taken to run: the user is asked rather than a live lock broken.
fn process_runs(id: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(id.to_string()).exists()
    } else {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dossier_in(folder: &Path) -> PathBuf {
        let path = folder.join("d.dossier.json");
        fs::write(&path, "{}").unwrap();
        path
    }

    #[test]
    fn a_second_window_finds_the_first_and_the_lock_goes_with_it() {
        let folder = tempfile::tempdir().unwrap();
        let dossier = dossier_in(folder.path());
        let Locking::Taken(first) = acquire(&dossier, "window-a").unwrap() else {
            panic!("a free file is locked at once");
        };
        assert_eq!(lock_path(&dossier), folder.path().join(".~lock.d.dossier.json#"));
        let Locking::HeldBy(owner) = acquire(&dossier, "window-b").unwrap() else {
            panic!("a second window is told");
        };
        assert_eq!(owner.process, std::process::id());
        assert_eq!(owner.window, "window-a");
        assert!(matches!(
            acquire(&dossier, "window-a").unwrap(),
            Locking::Taken(_)
        ));
        drop(first);
        assert!(!lock_path(&dossier).exists(), "closing removes the lock");
        assert!(matches!(
            acquire(&dossier, "window-b").unwrap(),
            Locking::Taken(_)
        ));
    }

    #[test]
    fn a_lock_left_by_an_ended_process_is_taken_over_and_a_foreign_one_is_not() {
        let folder = tempfile::tempdir().unwrap();
        let dossier = dossier_in(folder.path());
        let mut ended = std::process::Command::new("true").spawn().unwrap();
        let gone = ended.id();
        ended.wait().unwrap();
        let mut left = LockOwner::me("window-x");
        left.process = gone;
        fs::write(lock_path(&dossier), serde_json::to_vec(&left).unwrap()).unwrap();
        let Locking::Taken(lock) = acquire(&dossier, "window-y").unwrap() else {
            panic!("a crashed window's lock is taken over");
        };
        assert_eq!(holder(&dossier).unwrap().window, "window-y");
        drop(lock);

        let mut elsewhere = LockOwner::me("window-z");
        elsewhere.machine = "colleague-laptop".into();
        elsewhere.process = gone;
        fs::write(lock_path(&dossier), serde_json::to_vec(&elsewhere).unwrap()).unwrap();
        assert!(
            matches!(acquire(&dossier, "window-y").unwrap(), Locking::HeldBy(owner) if owner.machine == "colleague-laptop"),
            "a process on another machine cannot be looked at: it is asked about"
        );
        let taken = take_over(&dossier, "window-y").unwrap();
        assert_eq!(holder(&dossier).unwrap().window, "window-y");
        drop(taken);
        assert!(!lock_path(&dossier).exists());
    }

    #[test]
    fn a_window_whose_lock_was_taken_over_leaves_the_new_one() {
        let folder = tempfile::tempdir().unwrap();
        let dossier = dossier_in(folder.path());
        let Locking::Taken(first) = acquire(&dossier, "window-a").unwrap() else {
            panic!("free");
        };
        let second = take_over(&dossier, "window-b").unwrap();
        drop(first);
        assert_eq!(
            holder(&dossier).unwrap().window,
            "window-b",
            "not the first's to remove"
        );
        drop(second);
        assert!(holder(&dossier).is_none());
    }
}
