//! Two people, one file, through the window: the lock beside an open dossier, someone
//! else's save noticed while it is open, and a read-only mode. No save is lost without
//! the user choosing it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::ui::*;
use dossier_workbench::store::{self, lock};
use dossier_workbench::ui::app::WorkbenchApp;
use dossier_workbench::ui::files::Picked;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// Draws frames until `done`; the watch looks at the file once a second, and a busy
/// machine may take many times that.
fn frames_until(
    harness: &mut Harness<'static, WorkbenchApp>,
    mut done: impl FnMut(&Harness<'static, WorkbenchApp>) -> bool,
) {
    let start = Instant::now();
    while !done(harness) {
        assert!(start.elapsed() < Duration::from_secs(120), "waited two minutes");
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    harness.run();
}

fn shows(harness: &Harness<'static, WorkbenchApp>, text: &str) -> bool {
    harness.query_by_label_contains(text).is_some()
}

/// A window on `file` whose file dialog, asked where to save, answers `elsewhere`.
fn window_saving_elsewhere(file: &Path, elsewhere: &Path, locale: &str) -> Harness<'static, WorkbenchApp> {
    let answers = vec![Picked::Chosen(elsewhere.to_path_buf())];
    launch(startup(Some(file.to_path_buf()), answers, locale, false), None)
}

/// A colleague's save: the same file, another title.
fn their_save(path: &Path, title: &str) {
    let mut theirs = store::load(path).unwrap();
    theirs.title = title.into();
    store::save(path, &theirs).unwrap();
}

#[test]
fn a_second_window_is_told_who_has_the_file_and_chooses() {
    let folder = tempfile::tempdir().unwrap();
    let file = dossier_file(folder.path(), "shared.dossier.json", "Gedeeld");
    let first = harness_with(Some(file.clone()), Vec::new());
    let owner = lock::holder(&file).expect("an open file has a lock beside it");
    assert_eq!(owner.process, std::process::id());

    let elsewhere = folder.path().join("mine.dossier.json");
    let mut second = window_saving_elsewhere(&file, &elsewhere, "en-GB");
    assert_shows(
        &second,
        &["Open elsewhere", "Open read-only", "Open a copy", "Open anyway"],
        "the second window",
    );
    assert!(shows(
        &second,
        "shared.dossier.json is open in another window of Dossier Workbench on this computer since"
    ));
    second.get_by_label("Open read-only").click();
    second.run();
    assert!(second.state().window_title().contains("Gedeeld (read-only)"));
    assert!(shows(
        &second,
        "Read-only: Save As keeps your changes in another file"
    ));
    // Saving a read-only dossier asks for another file; the shared one is untouched.
    let before = std::fs::read(&file).unwrap();
    rename(&mut second, "Mijn versie");
    press(&mut second, Modifiers::COMMAND, Key::S);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the shared file is not written"
    );
    assert_eq!(store::load(&elsewhere).unwrap().title, "Mijn versie");
    assert!(
        !second.state().window_title().contains("read-only"),
        "the new file is the window's own"
    );
    assert_eq!(lock::holder(&elsewhere).unwrap().process, std::process::id());

    // A copy is a new dossier; *Open anyway* takes the lock over.
    let mut third = harness_with(Some(file.clone()), Vec::new());
    third.get_by_label("Open a copy").click();
    third.run();
    assert!(
        third.state().document().path().is_none(),
        "a copy asks where to save"
    );
    let mut fourth = harness_with(Some(file.clone()), Vec::new());
    fourth.get_by_label("Open anyway").click();
    fourth.run();
    assert_eq!(fourth.state().document().path(), Some(file.as_path()));
    let window_of_fourth = lock::holder(&file).unwrap().window;
    drop(first);
    assert_eq!(
        lock::holder(&file).unwrap().window,
        window_of_fourth,
        "the first leaves the new lock"
    );
    drop(fourth);
    assert!(lock::holder(&file).is_none(), "closing removes the lock");
}

#[test]
fn someone_elses_save_is_offered_for_reload_when_nothing_is_unsaved() {
    let folder = tempfile::tempdir().unwrap();
    let file = dossier_file(folder.path(), "shared.dossier.json", "Gedeeld");
    let mut harness = harness_with(Some(file.clone()), Vec::new());
    their_save(&file, "Hun versie");
    frames_until(&mut harness, |h| {
        shows(h, "was changed on disk by another window or another person")
    });
    assert_shows(&harness, &["Reload", "Keep what is open"], "the question");
    harness.get_by_label("Reload").click();
    harness.run();
    assert_eq!(harness.state().document().dossier().title, "Hun versie");
    assert!(shows(&harness, "Reloaded from disk."));
}

/// A window with unsaved changes to a file that a colleague then saves, asking what to
/// keep.
fn both_changed() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    Harness<'static, WorkbenchApp>,
) {
    let folder = tempfile::tempdir().unwrap();
    let file = dossier_file(folder.path(), "shared.dossier.json", "Gedeeld");
    let mut harness = harness_with(Some(file.clone()), Vec::new());
    rename(&mut harness, "Mijn versie");
    their_save(&file, "Hun versie");
    frames_until(&mut harness, |h| shows(h, "You have unsaved changes too"));
    (folder, file, harness)
}

#[test]
fn with_unsaved_changes_theirs_can_be_kept_and_mine_is_kept_as_a_copy() {
    let (folder, _file, mut harness) = both_changed();
    assert_shows(
        &harness,
        &[
            "Keep theirs (yours kept as a copy)",
            "Keep mine (save over theirs)",
            "Save mine as…",
            "Decide later",
        ],
        "the question",
    );
    harness.get_by_label("Keep theirs (yours kept as a copy)").click();
    harness.run();
    assert_eq!(harness.state().document().dossier().title, "Hun versie");
    assert!(!harness.state().document().is_dirty());
    let copies: Vec<_> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.to_string_lossy().contains("(mine, "))
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(
        store::load(&copies[0]).unwrap().title,
        "Mijn versie",
        "nothing of mine is lost"
    );
    assert!(shows(&harness, "Their version is open; yours is kept as"));
}

#[test]
fn a_save_over_someone_elses_change_asks_every_time_until_the_user_chooses() {
    let (_folder, file, mut harness) = both_changed();
    harness.get_by_label("Decide later").click();
    harness.run();
    // Ctrl+S does not overwrite theirs: it asks again.
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert_eq!(store::load(&file).unwrap().title, "Hun versie");
    assert!(shows(&harness, "You have unsaved changes too"));
    harness.get_by_label("Keep mine (save over theirs)").click();
    harness.run();
    assert_eq!(store::load(&file).unwrap().title, "Mijn versie");
    assert!(!harness.state().document().is_dirty());
    // The window's own save is not taken for someone else's.
    rename(&mut harness, "Mijn tweede versie");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert_eq!(store::load(&file).unwrap().title, "Mijn tweede versie");
    assert!(!harness.state().has_modal());
}

#[cfg(unix)]
#[test]
fn a_read_only_file_opens_read_only_and_is_saved_elsewhere() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let file = dossier_file(folder.path(), "theirs.dossier.json", "Van iemand anders");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&file).unwrap();
    let elsewhere = folder.path().join("mine.dossier.json");
    let mut harness = window_saving_elsewhere(&file, &elsewhere, "nl-BE");
    assert!(harness.state().window_title().contains("(alleen-lezen)"));
    assert!(shows(
        &harness,
        "Alleen-lezen: Opslaan als bewaart je wijzigingen in een ander bestand"
    ));
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert!(elsewhere.exists(), "Ctrl+S asked where, and saved there");
}

/// A dossier opened read-only is never written over its file, not even by *Keep mine*.
#[test]
fn keep_mine_in_a_read_only_window_saves_elsewhere() {
    let folder = tempfile::tempdir().unwrap();
    let file = dossier_file(folder.path(), "shared.dossier.json", "Gedeeld");
    let _first = harness_with(Some(file.clone()), Vec::new());
    let elsewhere = folder.path().join("mine.dossier.json");
    let mut second = window_saving_elsewhere(&file, &elsewhere, "en-GB");
    second.get_by_label("Open read-only").click();
    second.run();
    rename(&mut second, "Mijn versie");
    their_save(&file, "Hun versie");
    frames_until(&mut second, |h| shows(h, "You have unsaved changes too"));
    second.get_by_label("Keep mine (save over theirs)").click();
    second.run();
    assert_eq!(store::load(&file).unwrap().title, "Hun versie", "theirs stays");
    assert_eq!(store::load(&elsewhere).unwrap().title, "Mijn versie");
}
