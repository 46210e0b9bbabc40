//! Long work off the frame, through the window: a save writes the dossier as it was when
//! it began while edits go on; an open that is cancelled leaves the open dossier as it
//! was; commands that need the file wait for the work before them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;

use common::ui::*;
use dossier_workbench::model::edit::Edit;
use dossier_workbench::store;
use dossier_workbench::ui::Command;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

#[test]
fn an_edit_made_while_saving_stays_unsaved_and_out_of_the_file() {
    let folder = tempfile::tempdir().unwrap();
    let path = dossier_file(folder.path(), "d.dossier.json", "Eerste");
    let mut harness = harness_with(Some(path.clone()), Vec::new());
    assert_eq!(harness.state().document().dossier().title, "Eerste");
    harness.state_mut().apply(Edit::SetTitle("Tweede".into()));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    // One frame: Ctrl+S starts the save; its result is taken in a later frame.
    harness.step();
    harness.state_mut().apply(Edit::SetTitle("Derde".into()));
    harness.run();
    assert_eq!(
        store::load(&path).unwrap().title,
        "Tweede",
        "the file holds the dossier as it was when the save began"
    );
    let app = harness.state();
    assert_eq!(app.document().dossier().title, "Derde", "the edit is kept");
    assert!(app.document().is_dirty(), "and it is not saved");
    assert!(
        app.window_title().starts_with("• Derde"),
        "{}",
        app.window_title()
    );
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert_eq!(store::load(&path).unwrap().title, "Derde");
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn a_cancelled_open_leaves_the_open_dossier_as_it_was() {
    let folder = tempfile::tempdir().unwrap();
    let other = dossier_file(folder.path(), "ander.dossier.json", "Een ander dossier");
    let mut harness = harness();
    let before = harness.state().document().dossier().title.clone();
    let ctx = harness.ctx.clone();
    harness.state_mut().handle(&ctx, Command::OpenFile(other.clone()));
    // Before any frame takes the result: whether the thread is done or not, the window
    // no longer waits for it.
    harness.state_mut().handle(&ctx, Command::CancelWork);
    harness.run();
    assert_eq!(harness.state().document().dossier().title, before);
    assert!(
        harness
            .query_by_label_contains("Opening ander.dossier.json was cancelled")
            .is_some(),
        "the status bar says so"
    );
    assert!(
        store::lock::holder(&other).is_none(),
        "the lock taken for it is given up"
    );
}

#[test]
fn a_command_that_needs_the_file_waits_for_the_save_before_it() {
    let folder = tempfile::tempdir().unwrap();
    let path = dossier_file(folder.path(), "d.dossier.json", "Eerste");
    let other = dossier_file(folder.path(), "ander.dossier.json", "Tweede dossier");
    let mut harness = harness_with(Some(path.clone()), Vec::new());
    harness.state_mut().apply(Edit::SetTitle("Gewijzigd".into()));
    let ctx = harness.ctx.clone();
    harness.state_mut().handle(&ctx, Command::Save);
    // Asked while the save may still run: it waits, and then finds nothing unsaved.
    harness.state_mut().handle(&ctx, Command::OpenFile(other.clone()));
    harness.run();
    assert_eq!(store::load(&path).unwrap().title, "Gewijzigd");
    let app = harness.state();
    assert_eq!(app.document().path(), Some(other.as_path()));
    assert!(
        !app.has_modal(),
        "no question about unsaved changes: they were saved"
    );
}

/// A budget table too large to add up on the frame is added up on a thread: the grid
/// shows its total once that is done, and the order of a sort worked out anew.
#[test]
fn a_large_budget_table_is_added_up_off_the_frame_and_sorted() {
    use dossier_workbench::generate::{Sizes, generate};
    use dossier_workbench::model::budget::{ColumnKind, TotalValue};

    let sizes = Sizes {
        questions: 5,
        budget_rows: 6_000,
        members: 5,
        indicators: 5,
    };
    let dossier = generate(sizes, 7);
    let table = &dossier.budget_tables[0];
    let column = table
        .columns
        .iter()
        .position(|c| c.kind == ColumnKind::Money)
        .unwrap();
    let total = match table.total(column).unwrap().value {
        TotalValue::Money(amount) => amount.to_belgian(),
        other => panic!("{other:?}"),
    };
    let amounts: Vec<_> = table.rows.iter().map(|r| r.cells[column].money()).collect();
    let largest = amounts.iter().flatten().max().unwrap();
    let at = amounts.iter().position(|a| a.as_ref() == Some(largest)).unwrap();
    assert!(
        at > 100,
        "the largest amount, in row {at}, is not among the first rows"
    );
    let largest = largest.to_belgian();
    let name = table.columns[column].name.clone();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("groot.dossier.json");
    store::save(&path, &dossier).unwrap();

    let mut harness = harness_with(Some(path), Vec::new());
    harness.get_by_label("Budget").click();
    harness.run();
    assert!(!harness.state().is_working_out());
    assert!(harness.query_by_label(&largest).is_none());
    // Ascending, then descending: the largest amount comes first.
    for _ in 0..2 {
        harness.get_by_label(&name).click();
        harness.run();
    }
    assert!(
        harness.query_by_label(&largest).is_some(),
        "{largest} heads the descending sort"
    );
    // The totals line, at the end of 6 000 rows.
    harness.get_by_label(&largest).click();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::End);
    assert!(
        harness.query_by_label(&total).is_some(),
        "the total of 6 000 rows, {total}"
    );
}
