//! A save killed at each of its moments, as a crash or a power cut would: the file is the
//! old one or the new one, the `.bak` the old one or the new one, and the next save
//! clears up what the killed one left. A save stopped on purpose (cancelled in the
//! window) before the rename leaves the file as it was and nothing beside it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use common::child::kill_when_ready;
use dossier_workbench::store::{self, Moment, SaveError};

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

#[test]
fn a_save_stopped_while_it_is_written_or_before_the_rename_leaves_the_file_as_it_was() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("groot.dossier.json");
    let sizes = dossier_workbench::generate::Sizes {
        questions: 400,
        budget_rows: 4_000,
        members: 50,
        indicators: 100,
    };
    let dossier = dossier_workbench::generate::generate(sizes, 5);
    store::save(&path, &dossier).unwrap();
    let before = fs::read(&path).unwrap();
    assert!(
        before.len() > 2 << 20,
        "large enough to be watched while it is written"
    );
    let files = names_in(folder.path());
    let mut changed = dossier;
    changed.title = "Gewijzigd".into();
    let stopped = || io::Error::new(io::ErrorKind::Interrupted, "cancelled");

    // Stopped while the layout is written: the watch saw bytes of the expected size.
    let mut seen = Vec::new();
    let result = store::save_watched(
        &path,
        &changed,
        &mut |written, expected| {
            seen.push((written, expected));
            Err(stopped())
        },
        |_, _| Ok(()),
    );
    assert!(matches!(result, Err(SaveError::Serialize { .. })), "{result:?}");
    assert_eq!(seen.len(), 1, "it stops at the first refusal");
    // Asked after each mebibyte and, when it is laid out in parts, after each part.
    assert!(
        seen[0].0 > 0 && seen[0].0 < before.len() && seen[0].1 == before.len(),
        "{seen:?}"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(names_in(folder.path()), files, "nothing left beside it");

    // Stopped at the last moment before the old file is replaced.
    let result = store::save_watched(&path, &changed, &mut |_, _| Ok(()), |moment, _| {
        if moment == Moment::TemporaryFlushed {
            Err(stopped())
        } else {
            Ok(())
        }
    });
    assert!(matches!(result, Err(SaveError::Write { .. })), "{result:?}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(names_in(folder.path()), files, "nothing left beside it");

    // Not stopped: the same bytes as a plain save.
    let mut calls = 0;
    store::save_watched(
        &path,
        &changed,
        &mut |_, _| {
            calls += 1;
            Ok(())
        },
        |_, _| Ok(()),
    )
    .unwrap();
    assert!(calls >= 2, "told more than once on the way: {calls}");
    assert_eq!(fs::read(&path).unwrap(), store::to_bytes(&changed).unwrap());
}
