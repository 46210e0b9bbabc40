//! Long work off the frame: a job runs on a thread of its own while the window keeps
//! drawing; it tells how far it is, and may be asked to stop where stopping is safe.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How long a job runs before its progress is shown: shorter work only flickers.
pub const PROGRESS_AFTER: Duration = Duration::from_millis(300);

/// How long a frame waits for a running job to finish before it draws: short enough
/// for a frame well under 16 ms, long enough that a job of a few milliseconds (a small
/// file) is done before the next frame rather than a frame later.
pub const FRAME_WAIT: Duration = Duration::from_millis(4);

/// How far a job is, shared between its thread and the window.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
    cancelled: AtomicBool,
}

impl Progress {
    /// `done` of `total` units (bytes, say); a total of 0 is "not known".
    pub fn set(&self, done: u64, total: u64) {
        self.total.store(total, Ordering::Relaxed);
        self.done.store(done.min(total), Ordering::Relaxed);
    }

    /// The share done, when the total is known.
    pub fn fraction(&self) -> Option<f32> {
        let total = self.total.load(Ordering::Relaxed);
        (total > 0).then(|| self.done.load(Ordering::Relaxed) as f32 / total as f32)
    }

    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

/// Work running on its own thread, with its result to come.
#[derive(Debug)]
pub struct Job<T> {
    started: Instant,
    progress: Arc<Progress>,
    result: Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a new thread; `wake` is called once it is done, to draw a frame.
    pub fn start(
        work: impl FnOnce(&Progress) -> T + Send + 'static,
        wake: impl FnOnce() + Send + 'static,
    ) -> Job<T> {
        let progress = Arc::new(Progress::default());
        let (sender, result) = mpsc::channel();
        let shared = Arc::clone(&progress);
        std::thread::spawn(move || {
            // A window that stopped waiting drops the result here, off its frame.
            let _ = sender.send(work(&shared));
            wake();
        });
        Job {
            started: Instant::now(),
            progress,
            result,
        }
    }
}

impl<T> Job<T> {
    /// The result if the job is done, waiting at most `wait` for it.
    pub fn finished(&self, wait: Duration) -> Option<Finished<T>> {
        match self.result.recv_timeout(wait) {
            Ok(result) => Some(Finished::Done(result)),
            Err(RecvTimeoutError::Timeout) => None,
            // The thread ended without a result: the work panicked.
            Err(RecvTimeoutError::Disconnected) => Some(Finished::Failed),
        }
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// Whether it has run long enough at `now` for its progress to be shown.
    pub fn shows_progress(&self, now: Instant, after: Duration) -> bool {
        now.saturating_duration_since(self.started) >= after
    }
}

/// How a job ended.
#[derive(Debug)]
pub enum Finished<T> {
    Done(T),
    /// It stopped without a result (a bug in the work): said, never silent.
    Failed,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_runs_off_the_calling_thread_and_hands_back_its_result() {
        let (release, gate) = mpsc::channel::<()>();
        let caller = std::thread::current().id();
        let job = Job::start(
            move |progress| {
                progress.set(1, 4);
                gate.recv().ok();
                (std::thread::current().id(), progress.is_cancelled())
            },
            || {},
        );
        // Held at the gate: not finished, however long the frame waits.
        assert!(job.finished(Duration::ZERO).is_none());
        job.progress().cancel();
        release.send(()).unwrap();
        let Some(Finished::Done((worker, saw_cancel))) = job.finished(Duration::from_secs(60)) else {
            panic!("the job did not finish");
        };
        assert_ne!(worker, caller);
        assert!(saw_cancel, "the work sees that it was asked to stop");
    }

    #[test]
    fn progress_is_shown_only_after_the_delay_and_counts_what_is_known() {
        let job = Job::start(|progress| progress.set(3, 4), || {});
        assert!(!job.shows_progress(job.started, PROGRESS_AFTER));
        assert!(job.shows_progress(job.started + PROGRESS_AFTER, PROGRESS_AFTER));
        assert!(matches!(
            job.finished(Duration::from_secs(60)),
            Some(Finished::Done(()))
        ));
        assert_eq!(job.progress().fraction(), Some(0.75));
        let unknown = Progress::default();
        assert_eq!(unknown.fraction(), None, "no total: no share");
        unknown.set(9, 4);
        assert_eq!(unknown.fraction(), Some(1.0), "never past the whole");
    }

    #[test]
    fn a_job_that_panics_is_reported_as_failed() {
        let job = Job::start(|_| -> u8 { panic!("a bug in the work") }, || {});
        assert!(matches!(
            job.finished(Duration::from_secs(60)),
            Some(Finished::Failed)
        ));
    }
}
