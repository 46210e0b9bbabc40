//! File → Import a question (PDF or text)…, driven headless through accessible names with egui_kittest.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;

use common::ui::*;
use dossier_workbench::ui::app::WorkbenchApp;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

const Q26: &str = include_str!("seeds/003_cd4b2ffb8ebaeb54.txt");
const Q271: &str = include_str!("seeds/000_4a4b447d3db40b5e.txt");

/// The bundled dossier without question 26, saved in `folder`.
fn dossier_without_q26(folder: &std::path::Path) -> std::path::PathBuf {
    let mut dossier = dossier_workbench::store::bundled().unwrap();
    let q26 = dossier
        .questions
        .iter()
        .find(|q| q.number == Some(26))
        .unwrap()
        .id;
    dossier.questions.retain(|q| q.id != q26);
    for event in &mut dossier.events {
        if event.question == Some(q26) {
            event.question = None;
        }
    }
    let path = folder.join("zonder-26.dossier.json");
    dossier_workbench::store::save(&path, &dossier).unwrap();
    path
}

/// Opens the dialog, pastes `text` and reads it.
fn paste_and_read(harness: &mut Harness<'static, WorkbenchApp>, text: &str) {
    harness.set_size(egui::vec2(1600.0, 1400.0));
    press(harness, Modifiers::COMMAND, Key::I);
    assert!(harness.query_by_label("Import a written question").is_some());
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Text")
        .focus();
    harness.run();
    harness.event(egui::Event::Paste(text.to_string()));
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Read").click();
    harness.run();
}

/// Turns the mouse wheel over the dialog until the widget is in the window, as a person
/// scrolls the preview down to a table.
fn wheel_until_shown(harness: &mut Harness<'static, WorkbenchApp>, label: &str) {
    let bottom = |h: &Harness<'static, WorkbenchApp>| {
        h.get_by_label(label)
            .accesskit_node()
            .bounding_box()
            .map_or(0.0, |r| r.y1)
    };
    let at = harness
        .get_by_label("Back")
        .accesskit_node()
        .bounding_box()
        .map_or(egui::pos2(600.0, 600.0), |r| {
            egui::pos2(r.x0 as f32 + 300.0, r.y0 as f32 - 300.0)
        });
    for _ in 0..200 {
        if bottom(harness) < f64::from(at.y) {
            return;
        }
        harness.event(egui::Event::PointerMoved(at));
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -200.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        harness.run();
    }
    panic!("{label} never came into view");
}

fn questions(harness: &Harness<'static, WorkbenchApp>) -> usize {
    harness.state().document().dossier().questions.len()
}

#[test]
fn a_pasted_question_is_checked_and_added_as_one_undoable_step() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_with(Some(dossier_without_q26(folder.path())), Vec::new());
    let (before_questions, before_tables) = (
        questions(&harness),
        harness.state().document().dossier().budget_tables.len(),
    );
    paste_and_read(&mut harness, Q26);
    // The facts as read, the warnings, the answers beside the sub-questions, the table.
    assert_eq!(field(&harness, "Number").value().as_deref(), Some("26"));
    assert_eq!(field(&harness, "Asked on").value().as_deref(), Some("07/11/2019"));
    assert_eq!(
        field(&harness, "Asked by").value().as_deref(),
        Some("Maaike Devreese")
    );
    assert!(
        harness
            .query_by_label_contains("What the reader could not tell")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("'767.010?64' read as 767.010,64")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("A budget table of 12 rows in answer 1-2.")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("totals: 12.968.183,29 · 4.492.344,81")
            .is_some()
    );
    assert!(
        harness.query_all_by_label("1-2.").count() >= 2,
        "beside sub-questions 1 and 2"
    );

    harness
        .get_by_role_and_label(Role::Button, "Add to dossier")
        .click();
    harness.run();
    assert!(
        harness.query_by_label("Import a written question").is_none(),
        "the dialog closes"
    );
    let dossier = &harness.state().document().dossier();
    assert_eq!(dossier.questions.len(), before_questions + 1);
    assert_eq!(dossier.budget_tables.len(), before_tables + 1);
    let q26 = dossier.questions.iter().find(|q| q.number == Some(26)).unwrap();
    assert_eq!(q26.sub_questions.len(), 6);
    assert!(dossier.validate().is_ok(), "{:?}", dossier.validate());
    assert!(
        harness
            .query_by_label_contains("Imported: question Q26 added")
            .is_some()
    );

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        questions(&harness),
        before_questions,
        "one undo takes the whole import back"
    );
    assert_eq!(
        harness.state().document().dossier().budget_tables.len(),
        before_tables
    );
    assert!(!harness.state().document().is_dirty());
    assert!(
        harness
            .query_by_label_contains("Imported: question Q26 added")
            .is_none(),
        "the status bar no longer says it was imported"
    );
}

#[test]
fn a_corrected_field_is_what_joins_the_dossier() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_with(Some(dossier_without_q26(folder.path())), Vec::new());
    paste_and_read(&mut harness, Q26);
    type_into(&mut harness, "Asked by", "Maaike Devreese (Vooruit)");
    type_into(&mut harness, "Asked on", "31/02/2019");
    assert!(harness.query_by_label_contains("there is no such day").is_some());
    harness
        .get_by_role_and_label(Role::Button, "Add to dossier")
        .click();
    harness.run();
    let dossier = &harness.state().document().dossier();
    let q26 = dossier.questions.iter().find(|q| q.number == Some(26)).unwrap();
    assert_eq!(q26.questioner.as_deref(), Some("Maaike Devreese (Vooruit)"));
    assert_eq!(
        q26.date,
        Some(jiff::civil::date(2019, 11, 7)),
        "the refused date left the read one"
    );
}

#[test]
fn a_question_already_there_is_replaced_only_when_asked_and_never_doubled() {
    let mut harness = harness();
    let count = questions(&harness);
    paste_and_read(&mut harness, Q271);
    assert!(
        harness
            .query_by_label("question Q271 is in the dossier already.")
            .is_some()
    );
    let add = harness.get_by_role_and_label(Role::Button, "Add to dossier");
    assert!(
        egui_kittest::kittest::NodeT::accesskit_node(&add).is_disabled(),
        "nothing is added before a choice"
    );
    harness.get_by_label("Replace it with this text").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Add to dossier")
        .click();
    harness.run();
    assert_eq!(questions(&harness), count, "replaced, not doubled");
    assert!(
        harness
            .query_by_label_contains("question Q271 replaced")
            .is_some()
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn a_detected_table_is_shown_as_a_grid_whose_column_kinds_can_be_corrected() {
    let mut harness = harness();
    paste_and_read(&mut harness, include_str!("corpus/02_projects_per_year.txt"));
    assert!(
        harness
            .query_by_label("A budget table of 4 rows in answer 1-3.")
            .is_some()
    );
    // The grid: names to edit, kinds to choose, the rows, the printed total beside the sums.
    assert_eq!(
        harness.get_by_label("Name of column 3").value().as_deref(),
        Some("Aantal projecten goedgekeurd")
    );
    for text in [
        "Printed total",
        "Sum of the rows",
        "412.500,00",
        "120",
        "119",
        "72,00 %",
    ] {
        assert!(harness.query_by_label(text).is_some(), "{text}");
    }
    let check = "row \"2021\": \"Aandeel goedgekeurd\" is printed as 72,00 %, but 35 of 50 is 70,00 %";
    assert!(harness.query_by_label(check).is_some());
    // The share read as text: the ratio is no longer checked, the cell shows as printed.
    wheel_until_shown(&mut harness, "Kind of column 4");
    harness.get_by_label("Kind of column 4").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "text").click();
    harness.run();
    assert!(harness.query_by_label(check).is_none());
    assert!(harness.query_by_label("72%").is_some());
    // A name corrected is what joins the dossier.
    let name = harness.get_by_label("Name of column 5");
    name.focus();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text("Steun in euro".into()));
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Add to dossier")
        .click();
    harness.run();
    let table = harness.state().document().dossier().budget_tables.last().unwrap();
    let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names[4], "Steun in euro");
    assert_eq!(
        table.columns[3].kind,
        dossier_workbench::model::budget::ColumnKind::Text
    );
}
