//! Autosave and crash recovery: a window killed with SIGKILL while editing leaves a
//! recovery copy, and the next start offers it back with its time and file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::child::kill_when_ready;
use common::ui::*;
use dossier_workbench::model::Dossier;
use dossier_workbench::store::{self, recovery::RecoveryFolder};
use dossier_workbench::ui::app::WorkbenchApp;
use dossier_workbench::ui::autosave::Autosave;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// Set for the child process: the folder it edits in.
const CHILD_FOLDER: &str = "DOSSIER_WORKBENCH_CRASH_CHILD";
const EDITED_TITLE: &str = "Integratiepact, in bewerking";

fn recovery_folder(folder: &Path) -> PathBuf {
    folder.join("recovery")
}

/// The app on `file`, keeping recovery copies in `folder` a short while after an edit.
fn app_with_recovery(folder: &Path, file: &Path) -> Harness<'static, WorkbenchApp> {
    let mut startup = startup(Some(file.to_path_buf()), Vec::new(), "en-GB", false);
    startup.autosave = Some(Autosave {
        folder: RecoveryFolder::new(recovery_folder(folder)),
        after: Duration::from_millis(200),
    });
    launch(startup, None)
}

/// The recovery copies of dossiers in `folder`, read with the usual checks.
fn copies(folder: &Path) -> Vec<Dossier> {
    let Ok(entries) = std::fs::read_dir(recovery_folder(folder)) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.to_string_lossy().ends_with(".dossier.json"))
        .filter_map(|path| store::load(&path).ok())
        .collect()
}

fn first_amount(dossier: &Dossier) -> String {
    format!("{:?}", dossier.budget_tables[0].rows[0].cells[2].value)
}

/// Draws frames, as the window does while it is open, until `done`; the limit is only
/// there to end a test that would otherwise hang.
fn frames_until(harness: &mut Harness<'static, WorkbenchApp>, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < Duration::from_secs(180), "waited three minutes");
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Two edits, through the window: the title, and the amount of project 320.
fn edit(harness: &mut Harness<'static, WorkbenchApp>) {
    rename(harness, EDITED_TITLE);
    press(harness, Modifiers::COMMAND, Key::Num2);
    type_into_cell(harness, "659.219,12", "659.219,13");
}

/// The process the crash test kills: it edits, waits for the recovery copy to hold the
/// edits, says so, and goes on drawing frames until it is killed.
#[test]
#[ignore = "the crash test runs it as the process it kills"]
fn a_window_editing_until_it_is_killed() {
    let Some(folder) = std::env::var_os(CHILD_FOLDER).map(PathBuf::from) else {
        return;
    };
    let mut harness = app_with_recovery(&folder, &folder.join("mine.dossier.json"));
    edit(&mut harness);
    // Ready once a copy holds both edits: the amount is edited after the title, and on a
    // busy machine a copy can be written between the two.
    let edited_copy = || {
        copies(&folder)
            .iter()
            .any(|d| d.title == EDITED_TITLE && first_amount(d).contains("659219.13"))
    };
    frames_until(&mut harness, edited_copy);
    std::fs::write(folder.join("ready"), "").unwrap();
    frames_until(&mut harness, || false);
}

#[test]
fn edits_survive_sigkill_and_are_restored_at_the_next_start() {
    let folder = tempfile::tempdir().unwrap();
    let file = dossier_file(folder.path(), "mine.dossier.json", "Integratiepact");
    let saved = std::fs::read(&file).unwrap();
    let folder_text = folder.path().to_string_lossy().into_owned();
    let status = kill_when_ready(
        "a_window_editing_until_it_is_killed",
        &[(CHILD_FOLDER, &folder_text)],
        &folder.path().join("ready"),
    );
    assert!(!status.success(), "{status}");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        saved,
        "the user's file is never written by autosave"
    );

    let mut harness = app_with_recovery(folder.path(), &file);
    assert_shows(&harness, &["Recover unsaved work?"], "the next start");
    harness.get_by_label_contains(&format!("“{EDITED_TITLE}” had unsaved changes"));
    harness.get_by_label_contains(&format!("They belong to the file {}.", file.display()));
    assert_eq!(
        harness.state().document().dossier().title,
        "Integratiepact",
        "nothing is restored before the user says so"
    );
    harness.get_by_label("Restore").click();
    harness.run();
    let document = harness.state().document();
    assert_eq!(document.dossier().title, EDITED_TITLE);
    assert!(
        first_amount(document.dossier()).contains("659219.13"),
        "{}",
        first_amount(document.dossier())
    );
    assert!(document.is_dirty(), "restored work is unsaved until saved");
    assert_eq!(document.path(), Some(file.as_path()));
    let restored = copies(folder.path());
    assert_eq!(restored.len(), 1, "the old copy is replaced by this window's");
    assert_eq!(restored[0].title, EDITED_TITLE);

    press(&mut harness, Modifiers::COMMAND, Key::S);
    frames_until(&mut harness, || copies(folder.path()).is_empty());
    assert_eq!(store::load(&file).unwrap().title, EDITED_TITLE);
    assert_eq!(
        store::load(&store::backup_path(&file)).unwrap().title,
        "Integratiepact",
        "the version before the save is kept as .bak"
    );
}

#[test]
fn the_copy_follows_the_edits_and_a_clean_save_removes_it() {
    let folder = tempfile::tempdir().unwrap();
    let file = dossier_file(folder.path(), "mine.dossier.json", "Integratiepact");
    let mut harness = app_with_recovery(folder.path(), &file);
    harness.run();
    assert!(copies(folder.path()).is_empty(), "nothing unsaved, no copy");
    edit(&mut harness);
    frames_until(&mut harness, || {
        copies(folder.path())
            .first()
            .is_some_and(|copy| first_amount(copy).contains("659219.13"))
    });
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    frames_until(&mut harness, || {
        copies(folder.path())
            .first()
            .is_some_and(|copy| first_amount(copy).contains("659219.12"))
    });
    assert_eq!(copies(folder.path()).len(), 1, "one copy per window, rewritten");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(copies(folder.path()).is_empty(), "saved: the copy is gone");
}

#[test]
fn undoing_back_to_the_saved_state_or_quitting_without_saving_removes_the_copy() {
    let folder = tempfile::tempdir().unwrap();
    let file = dossier_file(folder.path(), "mine.dossier.json", "Integratiepact");
    let mut harness = app_with_recovery(folder.path(), &file);
    rename(&mut harness, EDITED_TITLE);
    frames_until(&mut harness, || !copies(folder.path()).is_empty());
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(copies(folder.path()).is_empty(), "nothing unsaved any more");
    rename(&mut harness, EDITED_TITLE);
    frames_until(&mut harness, || !copies(folder.path()).is_empty());
    press(&mut harness, Modifiers::COMMAND, Key::Q);
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(
        copies(folder.path()).is_empty(),
        "dropped on purpose: no copy kept"
    );
}

#[test]
fn a_copy_not_wanted_is_deleted_or_kept_for_later() {
    let folder = tempfile::tempdir().unwrap();
    let file = dossier_file(folder.path(), "mine.dossier.json", "Integratiepact");
    // A copy from a window that is gone: written, then its process said to be dead.
    let mut dossier = store::load(&file).unwrap();
    dossier.title = EDITED_TITLE.into();
    let other = RecoveryFolder::new(recovery_folder(folder.path()));
    other.write(&dossier, Some(&file)).unwrap();
    let about = std::fs::read_dir(recovery_folder(folder.path()))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with(".recovery.json"))
        .unwrap();
    let text = std::fs::read_to_string(&about).unwrap();
    let dead = text.replace(
        &format!("\"process\": {}", std::process::id()),
        "\"process\": 4294967295",
    );
    assert_ne!(text, dead);
    std::fs::write(&about, dead).unwrap();

    let mut harness = app_with_recovery(folder.path(), &file);
    harness.get_by_label("Not now").click();
    harness.run();
    assert_eq!(harness.state().document().dossier().title, "Integratiepact");
    assert_eq!(copies(folder.path()).len(), 1, "kept for the next start");
    drop(harness);

    let mut harness = app_with_recovery(folder.path(), &file);
    harness.get_by_label("Delete the copy").click();
    harness.run();
    assert!(copies(folder.path()).is_empty());
    assert_eq!(harness.state().document().dossier().title, "Integratiepact");
    drop(harness);
    let harness = app_with_recovery(folder.path(), &file);
    assert!(harness.query_by_label("Recover unsaved work?").is_none());
}
