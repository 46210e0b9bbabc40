//! The window, driven headless through accessible names with egui_kittest.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;

use std::path::{Path, PathBuf};

use common::ui::*;
use dossier_workbench::ui::Tab;
use dossier_workbench::ui::app::WorkbenchApp;
use dossier_workbench::ui::files::Picked;
use egui::{Key, Modifiers, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

#[test]
fn every_tab_opens_by_its_name_and_shows_its_data() {
    let mut harness = harness();
    // The timeline starts on the latest dated question, with the answer to each part.
    assert_shows(
        &harness,
        &[
            "Horizontaal integratiebeleid - AMIF-fondsen",
            "Maaike Devreese",
            "Bart Somers",
        ],
        "timeline",
    );
    // The AMIF table as the PDF text printed it is kept, folded away.
    assert_eq!(
        harness
            .query_all_by_label("Table as printed in the source (25 lines)")
            .count(),
        2
    );
    // The combined answer "1-2." stands against both sub-questions it covers.
    assert_eq!(harness.query_all_by_label("Answer 1-2.").count(), 2);
    assert!(
        harness.query_by_label("45 of 45 shown").is_some(),
        "6 questions and 39 events"
    );

    harness.get_by_label("Budget").click();
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Budget);
    let amif = [
        "12.968.183,29",
        "4.492.344,81",
        "767.010,64",
        "Proeftuinen kleuterparticipatie",
    ];
    assert_shows(&harness, &amif, "the AMIF table");
    harness
        .get_by_label_contains("koepelstructuur: betalingen")
        .click();
    harness.run();
    assert_shows(
        &harness,
        &["586.577,89", "1.500.000,00", "913.422,11", "Nog niet uitbetaald"],
        "the umbrella table",
    );

    harness.get_by_label("Board").click();
    // Only the rows in view are drawn; a tall window shows the whole board.
    harness.set_size(egui::vec2(1800.0, 4000.0));
    harness.run();
    let board = [
        "Jef De Vrij",
        "Najim Einauan",
        "outgoing",
        "Voka",
        "31 January 2017",
    ];
    assert_shows(&harness, &board, "the board");
    let unknowns = harness.query_all_by_label("unknown").count();
    assert_eq!(
        unknowns,
        7 * 3 + 9,
        "votes and mandate dates of 7 members, joining dates of 9 partners"
    );

    harness.get_by_label("Indicators").click();
    harness.run();
    let indicators = [
        "7 of 11 met, 1 close, 3 behind",
        "710",
        "748",
        "78,75 %",
        "Deelname aan een workshop",
    ];
    assert_shows(&harness, &indicators, "the indicators");

    press(&mut harness, Modifiers::COMMAND, Key::Num1);
    assert_eq!(harness.state().tab(), Tab::Timeline);
}

#[test]
fn a_citation_selects_the_cited_question() {
    let mut harness = harness();
    select_in_list(&mut harness, "Q455");
    harness
        .get_by_label_contains("Q262 31 January 2018")
        .scroll_to_me();
    harness.run();
    harness.get_by_label_contains("Q262 31 January 2018").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Integratiepact - Stand van zaken")
            .is_some()
    );
    assert!(harness.query_by_label("De beslissingen door de Raad van Bestuur worden genomen bij een eenvoudige meerderheid van stemmen van de aanwezige leden.").is_some());
}

#[test]
fn an_edit_is_undone_and_redone_with_the_keyboard_and_the_dirty_mark_follows() {
    let mut harness = harness();
    assert_eq!(
        harness.state().window_title(),
        "Integratiepact — Dossier Workbench"
    );
    rename(&mut harness, "Integratiepact, herzien");
    assert_eq!(
        harness.state().document().dossier().title,
        "Integratiepact, herzien"
    );
    assert!(harness.state().document().is_dirty());
    assert_eq!(
        harness.state().window_title(),
        "• Integratiepact, herzien — Dossier Workbench"
    );
    assert!(harness.query_by_label("Unsaved changes").is_some());

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().document().dossier().title, "Integratiepact");
    assert!(
        !harness.state().document().is_dirty(),
        "undoing back to the saved state is clean"
    );
    assert!(
        harness.query_by_label("Unsaved changes").is_none(),
        "the mark goes; the bundled dossier, in no file yet, is not called saved"
    );
    assert!(harness.query_by_label("Saved").is_none());

    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(
        harness.state().document().dossier().title,
        "Integratiepact, herzien"
    );
    assert!(harness.state().document().is_dirty());

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(
        harness.state().document().dossier().title,
        "Integratiepact, herzien",
        "Ctrl+Shift+Z redoes too"
    );
}

/// Asks to close the window as its close button does; returns whether the app held
/// the close back.
fn request_close(harness: &mut Harness<'static, WorkbenchApp>) -> bool {
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    harness.step();
    let held_back = harness
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .is_some_and(|output| output.commands.contains(&egui::ViewportCommand::CancelClose));
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .clear();
    harness.run();
    held_back
}

#[test]
fn closing_with_unsaved_changes_asks_and_cancel_keeps_the_window_and_the_data() {
    let mut harness = harness();
    rename(&mut harness, "Nog niet bewaard");
    assert!(
        request_close(&mut harness),
        "the close is held back with CancelClose"
    );
    assert!(harness.state().has_modal());
    // The dialog's heading, beside the status bar's mark.
    assert_eq!(harness.query_all_by_label("Unsaved changes").count(), 2);
    assert!(harness.query_by_label("Discard").is_some());
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!harness.state().has_modal());
    assert_eq!(harness.state().document().dossier().title, "Nog niet bewaard");
    assert!(harness.state().document().is_dirty());
}

#[test]
fn closing_a_clean_dossier_does_not_ask() {
    let mut harness = harness();
    assert!(!request_close(&mut harness));
    assert!(!harness.state().has_modal());
}

#[test]
fn opening_a_corrupt_file_shows_the_error_and_keeps_the_dossier() {
    let folder = tempfile::tempdir().unwrap();
    let corrupt = folder.path().join("kapot.dossier.json");
    let json = dossier_workbench::store::BUNDLED_JSON;
    std::fs::write(&corrupt, &json[..json.len() / 2]).unwrap();
    let mut harness = harness_with(None, vec![Picked::Chosen(corrupt)]);
    rename(&mut harness, "Mijn werk");
    // Saving is refused elsewhere; here the user discards nothing: the open is asked
    // first, then the file fails and the dossier must stay as it was.
    press(&mut harness, Modifiers::COMMAND, Key::O);
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(
        harness
            .query_by_label("The dossier could not be opened")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("kapot.dossier.json ends too early, at line")
            .is_some()
    );
    assert_eq!(harness.state().document().dossier().title, "Mijn werk");
    assert!(harness.state().document().is_dirty());
    harness.get_by_label("Close").click();
    harness.run();
    assert!(!harness.state().has_modal());
}

#[test]
fn a_file_given_at_start_opens_and_a_bad_one_leaves_the_bundled_dossier() {
    let folder = tempfile::tempdir().unwrap();
    let good = dossier_file(folder.path(), "good.dossier.json", "Een ander dossier");
    let harness = harness_with(Some(good.clone()), Vec::new());
    assert_eq!(harness.state().document().path(), Some(good.as_path()));
    assert!(
        harness.query_by_label(&good.display().to_string()).is_some(),
        "the status bar shows the path"
    );

    let missing = folder.path().join("weg.dossier.json");
    let harness = harness_with(Some(missing), Vec::new());
    assert!(harness.state().has_modal());
    assert_eq!(harness.state().document().dossier().title, "Integratiepact");
}

#[test]
fn save_as_without_a_file_dialog_takes_a_typed_path() {
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("getypt");
    let mut harness = harness_with(None, vec![Picked::Unavailable]);
    rename(&mut harness, "Getypt pad");
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    assert!(
        harness
            .query_by_label("No file dialog could be shown on this system.")
            .is_some()
    );
    replace_text(&mut harness, "Path", &target.display().to_string());
    harness.get_by_label("Save").click();
    harness.run();
    let saved = folder.path().join("getypt.dossier.json");
    assert!(saved.is_file(), "saved with the dossier extension");
    assert!(!harness.state().document().is_dirty());
    assert_eq!(
        dossier_workbench::store::load(&saved).unwrap().title,
        "Getypt pad"
    );
    assert!(harness.query_by_label_contains("last saved at").is_some());
    assert_eq!(harness.state().preferences().recent, vec![saved]);
}

#[test]
fn saving_and_then_new_replaces_the_dossier_only_after_the_save() {
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("bewaard.dossier.json");
    let mut harness = harness_with(None, vec![Picked::Chosen(target.clone())]);
    rename(&mut harness, "Bewaard");
    press(&mut harness, Modifiers::COMMAND, Key::N);
    harness.get_by_label("Save").click();
    harness.run();
    assert_eq!(dossier_workbench::store::load(&target).unwrap().title, "Bewaard");
    assert_eq!(harness.state().document().dossier().title, "New dossier");
    assert!(harness.state().document().path().is_none());
}

#[test]
fn the_interface_speaks_dutch_on_a_dutch_system_and_switches() {
    let mut harness = launch(startup(None, Vec::new(), "nl-BE", false), None);
    for word in [
        "Bestand",
        "Bewerken",
        "Beeld",
        "Tijdlijn",
        "Bestuur",
        "Indicatoren",
        "Meegeleverd dossier, nog niet als bestand opgeslagen",
    ] {
        assert!(harness.query_by_label(word).is_some(), "{word}");
    }
    harness.get_by_label("Beeld").click();
    harness.run();
    harness.get_by_label("Taal").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    assert!(harness.query_by_label("File").is_some());
    assert_eq!(
        harness.state().preferences().language,
        Some(dossier_workbench::i18n::Language::English)
    );
}

#[test]
fn zoom_keys_change_and_reset_the_zoom() {
    let mut harness = harness();
    press(&mut harness, Modifiers::COMMAND, Key::Plus);
    press(&mut harness, Modifiers::COMMAND, Key::Plus);
    assert!((harness.state().preferences().zoom - 1.2).abs() < 1e-6);
    press(&mut harness, Modifiers::COMMAND, Key::Minus);
    assert!((harness.state().preferences().zoom - 1.1).abs() < 1e-6);
    press(&mut harness, Modifiers::COMMAND, Key::Num0);
    assert!((harness.state().preferences().zoom - 1.0).abs() < 1e-6);
}

/// A file dropped onto the window.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_dossier_dropped_on_the_window_opens() {
    let folder = tempfile::tempdir().unwrap();
    let path = dossier_file(folder.path(), "gesleept.dossier.json", "Gesleept");
    let mut harness = harness();
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    harness.run();
    assert_eq!(harness.state().document().dossier().title, "Gesleept");
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
}

/// Preferences kept in memory, as eframe keeps them on disk.
#[test]
fn the_next_start_reopens_the_last_file_with_the_same_zoom_language_and_tab() {
    let folder = tempfile::tempdir().unwrap();
    let path = dossier_file(folder.path(), "vorige.dossier.json", "Vorige sessie");

    let start = |storage| launch(startup(None, Vec::new(), "en", true), storage);
    let mut first = start(None);
    assert_eq!(
        first.state().document().dossier().title,
        "Integratiepact",
        "the very first start shows the bundled dossier"
    );
    first.state_mut().open_file(&path);
    press(&mut first, Modifiers::COMMAND, Key::Plus);
    press(&mut first, Modifiers::COMMAND, Key::Num3);
    first.get_by_label("View").click();
    first.run();
    first.get_by_label("Language").click();
    first.run();
    first.get_by_label("Nederlands").click();
    first.run();
    let mut storage = MemoryStorage::default();
    eframe::App::save(first.state_mut(), &mut storage);
    drop(first);

    let second = start(Some(storage));
    assert_eq!(second.state().document().path(), Some(path.as_path()));
    assert_eq!(second.state().document().dossier().title, "Vorige sessie");
    assert_eq!(second.state().tab(), Tab::Board);
    assert!((second.state().preferences().zoom - 1.1).abs() < 1e-6);
    assert!(
        second.query_by_label("Bestand").is_some(),
        "the language choice persists"
    );
    assert_eq!(second.state().preferences().recent, vec![path]);
}

#[test]
fn a_failed_save_says_why_and_keeps_the_changes() {
    let mut harness = harness_with(None, vec![Picked::Chosen("/nonexistent-folder/x".into())]);
    rename(&mut harness, "Niet te bewaren");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(harness.query_by_label("The dossier could not be saved").is_some());
    let message = "Could not save /nonexistent-folder/x.dossier.json while creating a temporary file next to it: the file or folder does not exist. The file on disk is as it was.";
    assert!(harness.query_by_label(message).is_some());
    assert!(harness.state().document().is_dirty());
    assert_eq!(harness.state().document().dossier().title, "Niet te bewaren");
}

#[test]
fn opening_by_path_asks_about_unsaved_changes_first() {
    let mut harness = harness();
    rename(&mut harness, "Onbewaard");
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open by path…").click();
    harness.run();
    assert!(harness.query_by_label("Discard").is_some());
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(harness.query_by_label("Open a dossier").is_some());
    assert!(harness.get_by_label("Path").is_focused(), "ready to type");
}

/// Types into the timeline's search field, replacing what was there.
fn search(harness: &mut Harness<'static, WorkbenchApp>, text: &str) {
    harness.get_by_label("Search").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Backspace);
    harness.get_by_label("Search").type_text(text);
    harness.run();
}

/// Shows one question: finds its line in the timeline list through the search, and
/// clicks it. The list draws only the lines in view, so the search brings it there.
fn select_in_list(harness: &mut Harness<'static, WorkbenchApp>, number: &str) {
    search(harness, number);
    harness.get_by_label_contains(&format!("  {number}  ")).click();
    harness.run();
    search(harness, "");
}

#[test]
fn selecting_q455_shows_its_sub_questions_and_links_to_779_and_262() {
    let mut harness = harness();
    select_in_list(&mut harness, "Q455");
    assert_shows(
        &harness,
        &[
            "Integratiepact - Stand van zaken (2)",
            "Hoeveel projecten werden ingediend?",
            "2.a",
            "2.b",
        ],
        "Q455",
    );
    assert!(
        harness
            .query_by_label("Q779 7 August 2017 (not in the dossier)")
            .is_none(),
        "779 is in the dossier, as a cited question"
    );
    harness.get_by_label("Q779 7 August 2017").scroll_to_me();
    harness.run();
    assert!(harness.query_by_label("Q262 31 January 2018").is_some());
    harness.get_by_label("Q779 7 August 2017").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Known only from citations; its own text is not in the dossier.")
            .is_some()
    );
}

#[test]
fn a_status_is_confirmed_and_the_confirmation_undone() {
    let mut harness = harness();
    select_in_list(&mut harness, "Q271");
    let sub = |harness: &Harness<'static, WorkbenchApp>| {
        let question = harness
            .state()
            .document()
            .dossier()
            .questions
            .iter()
            .find(|q| q.number == Some(271))
            .unwrap();
        question
            .sub_questions
            .iter()
            .find(|s| s.label == "4")
            .unwrap()
            .status
    };
    assert_eq!(sub(&harness), None);
    assert!(
        harness.query_all_by_label("suggested: deferred").count() >= 2,
        "answers 4 and 5 put things off"
    );
    let confirm = harness.query_all_by_label("Confirm").nth(5).unwrap();
    confirm.scroll_to_me();
    harness.run();
    harness.query_all_by_label("Confirm").nth(5).unwrap().click();
    harness.run();
    assert_eq!(
        sub(&harness),
        Some(dossier_workbench::model::question::AnswerStatus::Deferred)
    );
    assert!(harness.state().document().is_dirty());
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(sub(&harness), None);
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn searching_monitoringcomite_finds_q271_q262_and_q26_only() {
    let mut harness = harness();
    search(&mut harness, "monitoringcomité");
    for found in ["Q271", "Q262", "Q26"] {
        assert!(
            harness.query_by_label_contains(&format!("  {found}  ")).is_some(),
            "{found} is found"
        );
    }
    for other in ["Q455", "Q779"] {
        assert!(
            harness.query_by_label_contains(&format!("  {other}  ")).is_none(),
            "{other} is not"
        );
    }
    // The untitled 2023 questions, and every event but the one about the comité, are out.
    assert!(
        harness
            .query_by_label_contains("Beleids- en begrotingstoelichting 2023")
            .is_none()
    );
    assert!(harness.query_by_label("4 of 45 shown").is_some());
    // Any case, with or without the accent, also inside a longer word.
    search(&mut harness, "MONITORINGCOMITE");
    assert!(harness.query_by_label("4 of 45 shown").is_some());
}

/// The "N of 45 shown" line under the filter.
fn shown_count(harness: &Harness<'static, WorkbenchApp>) -> String {
    use egui_kittest::kittest::NodeT as _;
    // A label keeps its text as its value in AccessKit.
    let node = harness.get_by_label_contains(" of 45 shown");
    node.accesskit_node().value().unwrap_or_default()
}

#[test]
fn typing_on_and_deleting_in_the_search_gives_what_a_fresh_search_gives() {
    let mut harness = harness();
    let mut fresh = Vec::new();
    for length in 1..="integratie".len() {
        search(&mut harness, &"integratie"[..length]);
        fresh.push(shown_count(&harness));
    }
    search(&mut harness, "");
    // One key a frame, as a person types: each step narrows the step before.
    for (length, expected) in (1..="integratie".len()).zip(&fresh) {
        harness
            .get_by_label("Search")
            .type_text(&"integratie"[length - 1..length]);
        harness.run();
        assert_eq!(&shown_count(&harness), expected, "after {length} letters");
    }
    // Deleting widens again.
    for (length, expected) in (1.."integratie".len()).rev().zip(fresh.iter().rev().skip(1)) {
        harness.key_press(Key::Backspace);
        harness.run();
        assert_eq!(&shown_count(&harness), expected, "back to {length} letters");
    }
    assert_ne!(fresh.first(), fresh.last(), "the longer word finds fewer");
}

#[test]
fn an_unanswered_question_is_overdue_after_twenty_working_days() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("open.dossier.json");
    let mut dossier = dossier_workbench::store::bundled().unwrap();
    let question = dossier
        .questions
        .iter_mut()
        .find(|q| q.number == Some(271))
        .unwrap();
    question.answer = None;
    for sub in &mut question.sub_questions {
        sub.status = None;
    }
    dossier_workbench::store::save(&path, &dossier).unwrap();
    let at = |today: jiff::civil::Date| {
        let mut startup = startup(Some(path.clone()), Vec::new(), "en", false);
        startup.today = Some(today);
        launch(startup, None)
    };
    let line = "Q271  Integratiepact - Inhoudelijke en financiële evaluatie  overdue";
    let mut harness = at(jiff::civil::date(2019, 3, 26));
    search(&mut harness, "Q271");
    assert!(harness.query_by_label_contains("Q271  Integratiepact").is_some());
    assert!(
        harness.query_by_label_contains(line).is_none(),
        "the 20th working day is still in time"
    );
    drop(harness);
    let mut harness = at(jiff::civil::date(2019, 3, 27));
    search(&mut harness, "Q271");
    assert!(harness.query_by_label_contains(line).is_some());
}

#[test]
fn a_date_that_does_not_read_is_refused_in_place_and_the_old_one_kept() {
    let mut harness = harness();
    select_in_list(&mut harness, "Q455");
    harness.get_by_label("Edit question").click();
    harness.run();
    let field = harness.get_by_label("Asked on");
    field.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Asked on").type_text("31/02/2018");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.query_by_label_contains("there is no such day").is_some());
    let q455 = |h: &Harness<'static, WorkbenchApp>| {
        h.state()
            .document()
            .dossier()
            .questions
            .iter()
            .find(|q| q.number == Some(455))
            .cloned()
            .unwrap()
    };
    assert_eq!(q455(&harness).date, Some(jiff::civil::date(2018, 5, 23)));
    assert!(!harness.state().document().is_dirty());

    harness.get_by_label("Asked on").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Asked on").type_text("24 mei 2018");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(q455(&harness).date, Some(jiff::civil::date(2018, 5, 24)));
    assert!(harness.query_by_label_contains("there is no such day").is_none());
}

#[test]
fn a_new_question_is_added_and_deleted_with_undo() {
    let mut harness = harness();
    let count = |h: &Harness<'static, WorkbenchApp>| h.state().document().dossier().questions.len();
    harness.get_by_label("New question").click();
    harness.run();
    assert_eq!(count(&harness), 7);
    harness.get_by_label("Edit question").click();
    harness.run();
    for _ in 0..2 {
        harness.get_by_label("Delete").scroll_to_me();
        harness.run();
        harness.get_by_label("Delete").click();
        harness.run();
    }
    assert_eq!(count(&harness), 6);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(count(&harness), 7);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(count(&harness), 6);
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn the_figures_tell_who_asked_whom_and_the_deadline_settings_are_edited_with_undo() {
    let mut harness = harness();
    harness.get_by_label("Figures").click();
    harness.run();
    assert_shows(
        &harness,
        &["Per questioner", "Yasmine Kherbache", "Liesbeth Homans"],
        "the figures",
    );
    // The threads are drawn once they are scrolled into view.
    harness.get_by_label("Follow-up threads").scroll_to_me();
    harness.run();
    assert_shows(
        &harness,
        &["Q779 (07/08/2017)", "Q455 (23/05/2018)"],
        "the threads",
    );
    assert!(
        harness
            .query_by_label("No answer has a known date, so there is no answer time.")
            .is_some()
    );
    harness.get_by_label("Rule").scroll_to_me();
    harness.run();
    harness.get_by_label("Rule").click();
    harness.get_by_label("Rule").type_text("32-07");
    harness.get_by_label("Name").click();
    harness
        .get_by_label("Name")
        .type_text("Feest van de Vlaamse Gemeenschap");
    harness.run();
    harness.get_by_label("Add holiday").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("there is no such day of the year")
            .is_some()
    );
    assert_eq!(harness.state().document().dossier().settings.holidays.len(), 10);
    harness.get_by_label("Rule").click();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Rule").type_text("07-11");
    harness.run();
    harness.get_by_label("Add holiday").click();
    harness.run();
    assert_eq!(harness.state().document().dossier().settings.holidays.len(), 11);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().document().dossier().settings.holidays.len(), 10);
}

/// In a large dossier the figures draw the threads in view, and every one can be reached.
#[test]
fn the_figures_of_a_large_dossier_draw_the_threads_in_view_and_reach_the_last() {
    use dossier_workbench::generate::{Sizes, generate};
    use dossier_workbench::model::analysis::threads;
    use dossier_workbench::model::calendar::format_day_short;

    let sizes = Sizes {
        questions: 3000,
        budget_rows: 10,
        members: 5,
        indicators: 5,
    };
    let dossier = generate(sizes, 7);
    let label = |index: usize| {
        let thread = &threads(&dossier)[index];
        let question = dossier.questions.iter().find(|q| q.id == thread[0]).unwrap();
        format!(
            "{} ({})",
            question.short_name().unwrap(),
            format_day_short(question.date.unwrap())
        )
    };
    let count = threads(&dossier).len();
    assert!(count > 200, "{count} threads");
    let (first, last) = (label(0), label(count - 1));
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("groot.dossier.json");
    dossier_workbench::store::save(&path, &dossier).unwrap();
    let mut harness = harness_with(Some(path), Vec::new());
    harness.get_by_label("Figures").click();
    harness.run();
    let shown = |harness: &Harness<'static, WorkbenchApp>, text: &str| {
        harness.query_all_by_label(text).next().is_some()
    };
    harness.get_by_label("Follow-up threads").scroll_to_me();
    harness.run();
    assert!(shown(&harness, &first), "the first thread, {first}, in view");
    assert!(!shown(&harness, &last), "the last thread, {last}, not drawn yet");
    harness.get_by_label("Add holiday").scroll_to_me();
    harness.run();
    assert!(shown(&harness, &last), "the last thread, {last}, reached");
    assert!(
        !shown(&harness, &first),
        "the first thread, {first}, no longer drawn"
    );
}

fn budget(harness: &mut Harness<'static, WorkbenchApp>) {
    harness.get_by_label("Budget").click();
    harness.run();
}

fn amif_total(harness: &Harness<'static, WorkbenchApp>) -> String {
    let table = &harness.state().document().dossier().budget_tables[0];
    match table.total(2).unwrap().value {
        dossier_workbench::model::budget::TotalValue::Money(amount) => amount.to_belgian(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn editing_the_amount_of_project_320_updates_the_total_exactly_with_undo_and_redo() {
    let mut harness = harness();
    budget(&mut harness);
    type_into_cell(&mut harness, "659.219,12", "659.219,13");
    assert_eq!(amif_total(&harness), "12.968.183,30");
    assert!(
        harness.query_by_label("12.968.183,30").is_some(),
        "the totals row shows it"
    );
    assert!(harness.query_by_label("659.219,13").is_some());
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(amif_total(&harness), "12.968.183,29");
    assert!(harness.query_by_label("12.968.183,29").is_some());
    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(amif_total(&harness), "12.968.183,30");
}

#[test]
fn invalid_input_is_refused_in_the_cell_and_the_value_kept() {
    let mut harness = harness();
    budget(&mut harness);
    type_into_cell(&mut harness, "659.219,12", "12,3,4");
    assert!(
        harness
            .query_by_label("an amount has at most one decimal comma")
            .is_some()
    );
    assert_eq!(amif_total(&harness), "12.968.183,29");
    assert!(!harness.state().document().is_dirty());
    // The ambiguous 1.234 is refused with both readings.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Cell").type_text("1.234");
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(harness.query_by_label_contains("could be 1.234,00").is_some());
    // The whole reason shows: it wraps inside the window (1400 wide), not past its edge.
    let right = harness.get_by_label_contains("could be 1.234,00").rect().right();
    assert!(right <= 1400.0, "the reason runs off the window, to {right}");
    // Escape drops what was typed; the cell is as it was.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.query_by_label("659.219,12").is_some());
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn sorting_by_amount_is_typed_stable_and_returns_to_the_original_order() {
    let mut harness = harness();
    budget(&mut harness);
    let y =
        |harness: &Harness<'static, WorkbenchApp>, label: &str| harness.get_by_label(label).rect().center().y;
    assert!(
        y(&harness, "659.219,12") < y(&harness, "221.640,42"),
        "the order of the source first"
    );
    harness.get_by_label("AMIF-middelen in euro").click();
    harness.run();
    // As money, not as text: 221.640,42 < 591.236,06 < 659.219,12 < 1.176.253,31 < 2.301.031,90.
    let ascending = [
        "221.640,42",
        "591.236,06",
        "659.219,12",
        "1.176.253,31",
        "2.301.031,90",
    ];
    for pair in ascending.windows(2) {
        assert!(
            y(&harness, pair[0]) < y(&harness, pair[1]),
            "{} before {}",
            pair[0],
            pair[1]
        );
    }
    harness.get_by_label("AMIF-middelen in euro").click();
    harness.run();
    assert!(
        y(&harness, "2.301.031,90") < y(&harness, "221.640,42"),
        "descending"
    );
    harness.get_by_label("AMIF-middelen in euro").click();
    harness.run();
    assert!(
        y(&harness, "659.219,12") < y(&harness, "221.640,42"),
        "back to the source's order"
    );
    assert!(
        !harness.state().document().is_dirty(),
        "sorting is a view, not an edit"
    );
}

#[test]
fn three_pasted_rows_are_added_exactly_and_undone_together() {
    let mut harness = harness();
    budget(&mut harness);
    harness.get_by_label("Total").click();
    harness.run();
    let rows = "999\tNieuw A\t1.000,00\t500,00\n998\tNieuw B\t2000.50\t\n997\tNieuw C\t3000\t0,01\n";
    harness.event(egui::Event::Paste(rows.into()));
    harness.run();
    let table = |h: &Harness<'static, WorkbenchApp>| h.state().document().dossier().budget_tables[0].clone();
    assert_eq!(table(&harness).rows.len(), 15);
    assert_eq!(amif_total(&harness), "12.974.183,79");
    assert_eq!(
        table(&harness).total(3).unwrap().empty,
        1,
        "an empty pasted cell stays empty"
    );
    assert!(harness.query_by_label("Nieuw B").is_some());
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(table(&harness).rows.len(), 12, "one paste, one undo");
    assert_eq!(amif_total(&harness), "12.968.183,29");
    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(table(&harness).rows.len(), 15);
}

#[test]
fn a_pasted_line_that_does_not_read_is_reported_with_its_number() {
    let mut harness = harness();
    budget(&mut harness);
    harness.get_by_label("Total").click();
    harness.run();
    harness.event(egui::Event::Paste("1\tGoed\t5,00\t\n2\tFout\t12,3,4\t\n".into()));
    harness.run();
    assert_eq!(
        harness.state().document().dossier().budget_tables[0].rows.len(),
        13
    );
    assert!(
        harness
            .query_by_label(
                "Line 2 (AMIF-middelen in euro): an amount has at most one decimal comma; left out."
            )
            .is_some()
    );
}

#[test]
fn a_selection_is_copied_as_tsv_for_a_spreadsheet() {
    let mut harness = harness();
    budget(&mut harness);
    harness.get_by_label("659.219,12").click();
    harness.run();
    press(&mut harness, Modifiers::SHIFT, Key::ArrowRight);
    press(&mut harness, Modifiers::SHIFT, Key::ArrowDown);
    harness.event(egui::Event::Copy);
    harness.step();
    let copied = harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|command| match command {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        });
    assert_eq!(
        copied.as_deref(),
        Some("659219,12\t219739,72\n591236,06\t197078,70\n")
    );
}

#[test]
fn subtotals_by_call_number_group_the_two_rows_of_call_426() {
    let mut harness = harness();
    // Tall enough for every line: the grid draws only the lines in view.
    harness.set_size(egui::vec2(1400.0, 1800.0));
    budget(&mut harness);
    harness.get_by_role(egui::accesskit::Role::ComboBox).click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Oproep")
        .click();
    harness.run();
    assert!(harness.query_by_label("Subtotal 320").is_some());
    assert!(harness.query_by_label("Subtotal 426 (2 rows)").is_some());
    assert!(
        harness.query_by_label("2.570.992,75").is_some(),
        "2.070.992,75 + 500.000,00"
    );
    assert_eq!(
        harness.query_all_by_label("150.000,00").count(),
        2,
        "the row and its subtotal (0 + 150.000,00)"
    );
    assert!(
        harness.query_by_label("12.968.183,29").is_some(),
        "the grand total stays"
    );
    assert!(
        !harness.state().document().is_dirty(),
        "grouping is a view, not an edit"
    );
    // An edit in a group moves its subtotal and the total by exactly the difference,
    // and undo moves them back.
    type_into_cell(&mut harness, "2.070.992,75", "2.070.992,76");
    assert_shows(
        &harness,
        &["2.070.992,76", "2.570.992,76", "12.968.183,30"],
        "after the edit",
    );
    assert!(harness.query_by_label("2.570.992,75").is_none());
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_shows(&harness, &["2.570.992,75", "12.968.183,29"], "after undo");
    // A second edit and undo of the same cell, as one tries a figure and takes it back.
    type_into_cell(&mut harness, "2.070.992,75", "70.992,75");
    assert_shows(
        &harness,
        &["570.992,75", "10.968.183,29"],
        "after the second edit",
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_shows(
        &harness,
        &["2.570.992,75", "12.968.183,29"],
        "after the second undo",
    );
    // While a cell is being typed in, the subtotals stay those of the stored figures.
    harness.get_by_label("2.070.992,75").click();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_shows(&harness, &["2.570.992,75", "12.968.183,29"], "while editing");
}

#[test]
fn a_change_of_kind_that_would_lose_values_asks_first() {
    let mut harness = harness();
    budget(&mut harness);
    harness.get_by_label("Proeftuinen kleuterparticipatie").click();
    harness.run();
    harness.get_by_label("Column").click();
    harness.run();
    harness.get_by_label("Change kind").click();
    harness.run();
    harness.get_by_label("money").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("12 cells cannot be held as money")
            .is_some()
    );
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!harness.state().document().is_dirty());
    // The call numbers read as whole numbers: nothing is lost, nothing is asked.
    harness.get_by_label("Total").click();
    harness.run();
    harness.get_by_label("Column").click();
    harness.run();
    harness.get_by_label("Change kind").click();
    harness.run();
    harness.get_by_label("whole number").click();
    harness.run();
    let table = &harness.state().document().dossier().budget_tables[0];
    assert_eq!(
        table.columns[0].kind,
        dossier_workbench::model::budget::ColumnKind::Integer
    );
    assert!(
        harness.query_by_label("4.514").is_some(),
        "the call numbers now have a total"
    );
}

#[test]
fn without_a_file_dialog_an_export_asks_for_a_typed_path() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_with(None, vec![Picked::Unavailable]);
    harness.get_by_label("Budget").click();
    harness.run();
    harness.get_by_label("Export CSV…").click();
    harness.run();
    assert!(harness.query_by_label("Export to a file").is_some());
    let target = folder.path().join("amif");
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Path")
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Path")
        .type_text(&target.display().to_string());
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Export")
        .click();
    harness.run();
    let written = std::fs::read(target.with_extension("csv")).unwrap();
    assert!(
        written.starts_with(b"\xef\xbb\xbf"),
        "a CSV with its byte-order mark"
    );
    assert!(
        String::from_utf8_lossy(&written).contains("427;Actief en gedeeld burgerschap;1204985,71;401661,92")
    );
}

#[test]
fn links_in_a_source_are_shown_in_full_and_only_web_and_mail_links_open_on_a_click() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("links.dossier.json");
    let mut dossier = dossier_workbench::store::bundled().unwrap();
    let q262 = dossier.questions.iter().find(|q| q.number == Some(262)).unwrap();
    let document = q262.source.as_ref().unwrap().document.clone();
    let source = dossier.sources.iter_mut().find(|s| s.id == document).unwrap();
    source.url = Some("file:///etc/passwd".into());
    source
        .text
        .0
        .push_str("\nMeer op javascript:alert(1) of mailto:info@example.be.\n");
    dossier_workbench::store::save(&path, &dossier).unwrap();

    let mut harness = harness_with(Some(path), Vec::new());
    harness.set_size(egui::vec2(1400.0, 3000.0));
    select_in_list(&mut harness, "Q262");
    assert_shows(
        &harness,
        &[
            "Links in the source",
            "file:///etc/passwd",
            "javascript:alert(1",
            "http://docs.vlaamsparlement.be/pfile?id=1213901",
            "http://www.integratiepact.be",
            "mailto:info@example.be",
        ],
        "the source of Q262",
    );
    assert_eq!(
        harness
            .query_all_by_label("not opened: only web and mail links open")
            .count(),
        2,
        "file: and javascript: are never opened"
    );
    assert_eq!(
        harness.query_all_by_label("Open").count(),
        3,
        "an Open button for each web and mail link"
    );
    let opened = |harness: &Harness<'static, WorkbenchApp>| -> Vec<String> {
        harness
            .output()
            .platform_output
            .commands
            .iter()
            .filter_map(|command| match command {
                egui::OutputCommand::OpenUrl(open) => Some(open.url.clone()),
                _ => None,
            })
            .collect()
    };
    harness.step();
    assert!(opened(&harness).is_empty(), "nothing opens by itself");
    // The accessible click is one event, so the frame it opens in is the last one.
    harness
        .query_all_by_label("Open")
        .next()
        .unwrap()
        .click_accesskit();
    harness.step();
    assert_eq!(
        opened(&harness),
        ["http://docs.vlaamsparlement.be/pfile?id=1213901"]
    );
}

/// Enter in the typed-path box confirms it, as the dialog's default button does.
#[test]
fn enter_confirms_a_typed_path() {
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("met-enter");
    let mut harness = harness_with(None, vec![Picked::Unavailable]);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    replace_text(&mut harness, "Path", &target.display().to_string());
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.run();
    assert!(
        folder.path().join("met-enter.dossier.json").is_file(),
        "saved on Enter"
    );
    assert!(!harness.state().has_modal(), "the dialog closed");
}

/// Sorting leaves the toolbar and the grid where they are, in both languages: a second
/// click lands on the same header.
#[test]
fn sorting_does_not_move_the_grid() {
    let header = "AMIF-middelen in euro";
    for locale in ["en-GB", "nl-BE"] {
        let mut harness = launch(startup(None, Vec::new(), locale, false), None);
        harness.get_by_label("Budget").click();
        harness.run();
        let top = |harness: &Harness<'static, WorkbenchApp>| harness.get_by_label(header).rect().top();
        let before = top(&harness);
        harness.get_by_label(header).click();
        harness.run();
        assert_eq!(top(&harness), before, "{locale}: sorted");
        harness.get_by_label(header).click();
        harness.run();
        assert_eq!(top(&harness), before, "{locale}: sorted the other way");
    }
}

/// The arrow keys walk the timeline list, and each newly selected item's detail opens
/// at its top.
#[test]
fn the_arrow_keys_walk_the_timeline_list() {
    use dossier_workbench::ui::timeline::Selection;
    let mut harness = harness();
    select_in_list(&mut harness, "Q262");
    // Out of the search field, so that the arrows are the list's.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    let selected =
        |harness: &mut Harness<'static, WorkbenchApp>| *harness.state_mut().timeline_selection_mut();
    let q262 = selected(&mut harness);
    assert!(matches!(q262, Some(Selection::Question(_))));
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    let next = selected(&mut harness);
    assert_ne!(next, q262, "down selects the next entry");
    assert!(next.is_some());
    press(&mut harness, Modifiers::NONE, Key::ArrowUp);
    assert_eq!(selected(&mut harness), q262, "up goes back");
}

/// Types `text` into the field labelled `label` in place of what it held.
fn replace_text(harness: &mut Harness<'static, WorkbenchApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Types `query` into the Find field in place of what it held, and waits for the hits
/// (they are worked out the frame after the query changed).
fn find_anew(harness: &mut Harness<'static, WorkbenchApp>, query: &str) {
    replace_text(harness, "Find", query);
    harness.run();
}

/// Ctrl+F finds any part of the dossier, accents aside; Enter goes to the first hit on
/// its tab, F3 to the next.
#[test]
fn find_goes_to_a_figure_a_member_and_a_question_on_their_tabs() {
    let mut harness = harness();
    press(&mut harness, Modifiers::COMMAND, Key::F);
    assert!(harness.query_by_label("Find in the dossier").is_some());
    find_anew(&mut harness, "2.301.031,90");
    assert!(harness.query_by_label_contains(" found: Enter or F3").is_some());
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(
        harness.state().tab(),
        Tab::Timeline,
        "first the answer that gives it"
    );
    harness
        .get_by_label_contains("row 8, AMIF-middelen in euro")
        .click();
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Budget, "then the budget cell");
    assert!(
        harness
            .query_by_label("Centrale begeleiding 15 – 19 jarige nieuwkomers")
            .is_some()
    );

    find_anew(&mut harness, "huseyin aydinli");
    harness.get_by_label_contains("Board · Hüseyin Aydinli").click();
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Board, "a member, accents aside");

    find_anew(&mut harness, "monitoringcomite");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    press(&mut harness, Modifiers::NONE, Key::F3);
    assert_eq!(harness.state().tab(), Tab::Timeline, "F3 goes to the first hit");
}

/// Enter confirms a budget dialog, but not on the frame that opened it.
#[test]
fn enter_confirms_a_budget_dialog() {
    let mut harness = harness();
    budget(&mut harness);
    harness.get_by_label("New table").click();
    harness.run();
    harness.get_by_label("Title").type_text("Met Enter");
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let titles: Vec<String> = harness
        .state()
        .document()
        .dossier()
        .budget_tables
        .iter()
        .map(|t| t.title.clone())
        .collect();
    assert!(titles.contains(&"Met Enter".to_string()), "{titles:?}");
}
