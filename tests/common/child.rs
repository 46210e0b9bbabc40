//! A test that kills a process of its own: the same test binary, running one ignored
//! test that does its work and then says it is ready with a file.

use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// Runs the ignored test `test` of this binary in a child process with `env`, waits
/// until the file `ready` exists (the limit only ends a test that would hang), kills the
/// child with SIGKILL, as a crash or a power cut would, and gives how it ended.
pub(crate) fn kill_when_ready(test: &str, env: &[(&str, &str)], ready: &Path) -> ExitStatus {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([test, "--exact", "--ignored", "--nocapture"])
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !ready.exists() {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("{test} ended by itself: {status}");
        }
        assert!(
            start.elapsed() < Duration::from_secs(180),
            "{test} never got ready"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap()
}
