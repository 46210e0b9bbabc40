//! File → Export, driven headless through accessible names: every table as CSV or TSV,
//! and the whole dossier as an HTML report.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;

use std::path::Path;

use common::ui::*;
use dossier_workbench::ui::app::WorkbenchApp;
use dossier_workbench::ui::files::Picked;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn through_menu(harness: &mut Harness<'static, WorkbenchApp>, path: &[&str]) {
    for step in path {
        harness.get_by_label(step).click();
        harness.run();
    }
}

fn read(path: &Path) -> String {
    String::from_utf8(std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn every_table_is_offered_as_csv_and_tsv_and_written_for_a_belgian_spreadsheet() {
    let folder = tempfile::tempdir().unwrap();
    let tsv = folder.path().join("bestuur.tsv");
    let csv = folder.path().join("indicatoren");
    let mut harness = harness_with(
        None,
        vec![Picked::Chosen(tsv.clone()), Picked::Chosen(csv.clone())],
    );
    through_menu(&mut harness, &["File", "Export", "Table as TSV"]);
    for table in [
        "AMIF-projecten, Vlaamse luik van het AMIF-programma 2014-2020 (12 rows)",
        "Questions (6 rows)",
        "Board members (7 rows)",
        "Partner organisations (9 rows)",
        "Indicators (11 rows)",
    ] {
        assert!(harness.query_by_label(table).is_some(), "the menu offers {table}");
    }
    harness.get_by_label("Board members (7 rows)").click();
    harness.run();
    let written = read(&tsv);
    assert!(
        written.starts_with("\u{feff}Organisation\tName\tRole\t"),
        "{written}"
    );
    assert!(written.contains("\tJef De Vrij\tchair\t"), "{written}");
    assert_eq!(written.matches("\r\n").count(), 8, "a header and seven members");

    through_menu(
        &mut harness,
        &["File", "Export", "Table as CSV", "Indicators (11 rows)"],
    );
    let written = read(&csv.with_extension("csv"));
    assert!(written.contains(";80;63;31/12/2018;-17;78,75;"), "{written}");
}

#[test]
fn the_report_is_one_html_file_with_the_figures() {
    let folder = tempfile::tempdir().unwrap();
    let report = folder.path().join("verslag.html");
    let mut harness = harness_with(None, vec![Picked::Chosen(report.clone())]);
    through_menu(&mut harness, &["File", "Export", "Report as HTML…"]);
    let html = read(&report);
    assert!(html.starts_with("<!DOCTYPE html>"));
    for figure in [
        "12.968.183,29",
        "4.492.344,81",
        "913.422,11",
        "<svg",
        "Jef De Vrij",
    ] {
        assert!(html.contains(figure), "the report has {figure}");
    }
    assert_shows(
        &harness,
        &[&format!("Exported to {}", report.display())],
        "the status bar",
    );
}

/// Ctrl+P prints the tab shown as a PDF, with its figures and the page footer.
#[test]
fn ctrl_p_prints_the_tab_as_a_pdf() {
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("budget.pdf");
    let mut harness = harness_with(None, vec![Picked::Chosen(target.clone())]);
    harness.get_by_label("Budget").click();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::P);
    let bytes = std::fs::read(&target).unwrap();
    let text = dossier_workbench::import::text_of_file(&bytes).unwrap();
    assert!(
        text.contains("12.968.183,29") && text.contains("Page 1 of"),
        "{text}"
    );
    assert!(!text.contains("Jef De Vrij"), "the budget only");
}
