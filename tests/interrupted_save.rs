//! A save killed at each of its moments, as a crash or a power cut would: the file is the
//! old one or the new one, the `.bak` the old one or the new one, and the next save
//! clears up what the killed one left.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use common::child::kill_when_ready;
use dossier_workbench::store::{self, Moment};

const FOLDER: &str = "DOSSIER_WORKBENCH_KILLED_SAVE_FOLDER";
const MOMENT: &str = "DOSSIER_WORKBENCH_KILLED_SAVE_MOMENT";
const FILE: &str = "d.dossier.json";

fn titled(title: &str) -> Vec<u8> {
    let mut dossier = store::bundled().unwrap();
    dossier.title = title.into();
    store::to_bytes(&dossier).unwrap()
}

/// The process that is killed: it saves "v2" over "v1" and stops at the moment it is
/// given, saying so with a file, until it is killed.
#[test]
#[ignore = "the kill test runs it as the process it kills"]
fn a_save_stopped_at_a_moment() {
    let (Some(folder), Some(moment)) = (std::env::var_os(FOLDER), std::env::var(MOMENT).ok()) else {
        return;
    };
    let folder = PathBuf::from(folder);
    let wanted = Moment::ALL[moment.parse::<usize>().unwrap()];
    let mut dossier = store::load(&folder.join(FILE)).unwrap();
    dossier.title = "v2".into();
    store::save_observed(&folder.join(FILE), &dossier, |moment, _| {
        if moment == wanted {
            fs::write(folder.join("stopped"), format!("{moment:?}")).unwrap();
            // Waits to be killed, without a clock: parked until then.
            loop {
                std::thread::park();
            }
        }
        Ok(())
    })
    .unwrap();
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Makes every file in `folder` a day old, as if the next save came the day after.
fn age_everything(folder: &Path) {
    let day_ago = SystemTime::now() - Duration::from_secs(24 * 60 * 60);
    for entry in fs::read_dir(folder).unwrap() {
        let file = fs::File::options()
            .write(true)
            .open(entry.unwrap().path())
            .unwrap();
        file.set_modified(day_ago).unwrap();
    }
}

#[test]
fn a_save_killed_at_any_moment_loses_neither_the_file_nor_the_bak() {
    let (v0, v1, v2) = (titled("v0"), titled("v1"), titled("v2"));
    for (index, moment) in Moment::ALL.iter().enumerate() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join(FILE);
        let backup = store::backup_path(&file);
        fs::write(&file, &v1).unwrap();
        fs::write(&backup, &v0).unwrap();
        let (folder_text, moment_text) = (folder.path().to_string_lossy().into_owned(), index.to_string());
        kill_when_ready(
            "a_save_stopped_at_a_moment",
            &[(FOLDER, &folder_text), (MOMENT, &moment_text)],
            &folder.path().join("stopped"),
        );
        fs::remove_file(folder.path().join("stopped")).unwrap();

        let now = fs::read(&file).unwrap();
        let expected = if *moment == Moment::Replaced { &v2 } else { &v1 };
        assert!(
            &now == expected,
            "{moment:?}: the file is the old one or the new one"
        );
        let kept = fs::read(&backup).unwrap();
        let expected_backup = if matches!(moment, Moment::BackupKept | Moment::Replaced) {
            &v1
        } else {
            &v0
        };
        assert!(
            &kept == expected_backup,
            "{moment:?}: the .bak is the old one or the new one"
        );
        store::load(&file).unwrap();

        // The next save, a day later, clears up what the killed one left.
        age_everything(folder.path());
        let mut dossier = store::load(&file).unwrap();
        dossier.title = "v3".into();
        store::save(&file, &dossier).unwrap();
        assert_eq!(
            names_in(folder.path()),
            [FILE, "d.dossier.json.bak"],
            "{moment:?}"
        );
        assert_eq!(&fs::read(&backup).unwrap(), expected, "{moment:?}");
    }
}
