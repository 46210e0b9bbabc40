//! Written questions the project wrote itself, unlike the five seeds: other ministers,
//! other subjects, no blank lines (as a PDF's text layer gives them), bulleted lists of
//! grants, tables one cell to a line keyed by year with headers broken over lines, an
//! empty cell, a € on a line of its own, printed totals that disagree, a percentage that
//! is the ratio of two columns, amounts in million euro with mixed decimal marks, page
//! furniture, and prose full of figures that is no table. Each with what it must give.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;

use dossier_workbench::import::apply::{Plan, TableUse};
use dossier_workbench::import::cells::ValueKind;
use dossier_workbench::import::tables::{BudgetRows, DetectedTable};
use dossier_workbench::import::{Imported, WarningKind, written_question};
use dossier_workbench::model::budget::{CellValue, ColumnKind};
use dossier_workbench::model::calendar::PartialDate;
use dossier_workbench::model::money::Money;
use dossier_workbench::store;

const GRANTS: &str = include_str!("corpus/01_grants_bullets.txt");
const PER_YEAR: &str = include_str!("corpus/02_projects_per_year.txt");
const MILLIONS: &str = include_str!("corpus/03_million_euro.txt");
const TARGETS: &str = include_str!("corpus/04_targets_and_prose.txt");

fn budget(imported: &Imported) -> &BudgetRows {
    match imported.tables.as_slice() {
        [DetectedTable::Budget(table)] => table,
        other => panic!("one budget table: {other:#?}"),
    }
}

fn has_warning(imported: &Imported, kind: WarningKind, words: &str) -> bool {
    imported
        .warnings
        .iter()
        .any(|w| w.kind == kind && w.message.contains(words))
}

fn kinds(table: &BudgetRows) -> Vec<ValueKind> {
    table.columns.iter().map(|c| c.kind).collect()
}

fn column(table: &BudgetRows, index: usize) -> Vec<String> {
    table
        .rows
        .iter()
        .map(|row| match (&row[index].value, row[index].printed()) {
            (None, Some(printed)) => format!("?{printed}"),
            _ => row[index].shown_text(),
        })
        .collect()
}

fn labels(imported: &Imported) -> Vec<String> {
    let answer = imported.question.answer.as_ref().unwrap();
    answer
        .parts
        .iter()
        .map(|p| format!("{} → {}", p.printed_label, p.covers.join(",")))
        .collect()
}

#[test]
fn a_bulleted_list_of_grants_is_a_table_with_an_exact_total() {
    let imported = written_question(GRANTS);
    let q = &imported.question;
    assert_eq!(q.number, Some(412));
    assert_eq!(
        q.title.as_deref(),
        Some("Taalcoaching - Projectsubsidies 2023"),
        "the subject without a blank line after it"
    );
    assert!(q.preamble.starts_with("In 2023 werden via een projectoproep"));
    assert_eq!(q.minister.as_ref().unwrap().name, "Hilde Crevits");
    assert_eq!(labels(&imported), ["1-2. → 1,2", "3. → 3"]);
    let table = budget(&imported);
    assert_eq!(kinds(table), [ValueKind::Code, ValueKind::Text, ValueKind::Euro]);
    let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["Nr.", "Omschrijving", "Bedrag"],
        "a list without a header"
    );
    assert_eq!(
        column(table, 0),
        ["TC-2023-01", "TC-2023-02", "TC-2023-03", "TC-2023-04"]
    );
    assert_eq!(column(table, 1)[1], "Praatcafé voor ouders in Antwerpen");
    assert_eq!(
        column(table, 2),
        ["12.500,00", "84.210,35", "120.000,00", "7.250,50"]
    );
    assert_eq!(
        table.totals[2].map(|t| t.to_string()).as_deref(),
        Some("223960.85")
    );
    assert!(table.checks.is_empty(), "{:?}", table.checks);
    assert_eq!(
        table.caption.as_deref(),
        Some("De volgende projecten ontvingen een subsidie:")
    );
    // The sentence after the list is text, not a row.
    let answer = &q.answer.as_ref().unwrap().parts[0].text;
    assert!(answer.contains("Samen gaat het om 223.960,85 euro voor vier projecten."));
}

#[test]
fn a_table_one_cell_to_a_line_keyed_by_year_is_read_with_its_total_and_ratio_checked() {
    let imported = written_question(PER_YEAR);
    assert_eq!(
        imported.question.title.as_deref(),
        Some("Jeugdwerk - Projecten voor kinderen in armoede")
    );
    let table = budget(&imported);
    let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Jaar",
            "Aantal aanvragen",
            "Aantal projecten goedgekeurd",
            "Aandeel goedgekeurd",
            "Toegekende steun"
        ]
    );
    assert_eq!(
        kinds(table),
        [
            ValueKind::Year,
            ValueKind::Integer,
            ValueKind::Integer,
            ValueKind::Percent,
            ValueKind::Euro
        ]
    );
    assert_eq!(column(table, 0), ["2019", "2020", "2021", "2022"]);
    assert_eq!(column(table, 2), ["30", "24", "35", "30"]);
    assert_eq!(
        column(table, 4),
        ["412.500,00", "389.000,00", "", "455.120,40"],
        "the blank cell is unknown"
    );
    assert_eq!(table.rows[2][4].value, None);
    // Printed totals: the applications agree, the approved projects do not (119 vs 120).
    let total = |c: usize| table.totals[c].map(|t| t.to_string());
    let printed = |c: usize| table.printed_totals[c].map(|t| t.to_string());
    assert_eq!((total(1), printed(1)), (Some("174".into()), Some("174".into())));
    assert_eq!((total(2), printed(2)), (Some("119".into()), Some("120".into())));
    assert_eq!(total(4).as_deref(), Some("1256620.40"));
    assert!(has_warning(
        &imported,
        WarningKind::Mismatch,
        "is 120, the rows add up to 119"
    ));
    // The share is approved / applied; 2021 prints 72 % where 35 of 50 is 70 %.
    assert!(
        table
            .checks
            .iter()
            .any(|c| c.contains("\"2021\"") && c.contains("72,00 %") && c.contains("70,00 %")),
        "{:?}",
        table.checks
    );
    assert!(
        !table.checks.iter().any(|c| c.contains("\"2020\"")),
        "66,7 % is 24 of 36 as printed"
    );
    assert_eq!(table.checks.len(), 2, "{:?}", table.checks);
}

#[test]
fn amounts_in_million_euro_with_mixed_decimal_marks_keep_what_cannot_be_told() {
    let imported = written_question(MILLIONS);
    let q = &imported.question;
    assert_eq!(
        q.title.as_deref(),
        Some("Begroting – Middelen voor de sociale woningbouw en de renovatie van het bestaande patrimonium"),
        "a subject broken over two lines"
    );
    assert_eq!(q.sub_questions.len(), 2);
    assert!(has_warning(&imported, WarningKind::LeftOut, "page furniture"));
    let second = &q.answer.as_ref().unwrap().parts[1].text;
    assert!(
        second.contains("te verklaren doordat projecten over meerdere jaren lopen."),
        "{second}"
    );
    let table = budget(&imported);
    assert_eq!(
        kinds(table),
        [ValueKind::Year, ValueKind::MillionEuro, ValueKind::MillionEuro]
    );
    assert!(
        table.columns[1].name.contains("miljoen euro"),
        "{:?}",
        table.columns
    );
    assert_eq!(column(table, 1), ["74,60", "21,00", "88,30", "92,15"]);
    assert_eq!(table.rows[1][1].printed(), Some("21.0"), "kept as printed");
    assert!(has_warning(
        &imported,
        WarningKind::Guessed,
        "'21.0' read as 21,00"
    ));
    assert_eq!(column(table, 2), ["61,20", "58,90", "?7?,4", "80,00"]);
    assert_eq!(table.totals[1].map(|t| t.to_string()).as_deref(), Some("276.05"));
    assert_eq!(table.totals[2].map(|t| t.to_string()).as_deref(), Some("200.1"));
    assert!(has_warning(
        &imported,
        WarningKind::Mismatch,
        "is 207,50, the rows add up to 200,10"
    ));
    assert!(has_warning(
        &imported,
        WarningKind::Mismatch,
        "left out of the sums"
    ));
}

#[test]
fn an_indicator_table_needs_its_header_and_prose_with_figures_is_no_table() {
    let imported = written_question(TARGETS);
    assert_eq!(
        imported.question.title.as_deref(),
        Some("Inburgering–Doelstellingen voor de trajecten")
    );
    let [DetectedTable::Indicators(table)] = imported.tables.as_slice() else {
        panic!("one indicator table: {:#?}", imported.tables)
    };
    let types: Vec<(&str, &str)> = table
        .rows
        .iter()
        .map(|r| (r.engagement_type.as_str(), r.output.as_str()))
        .collect();
    assert_eq!(
        types,
        [
            ("Cursus maatschappelijke oriëntatie", ""),
            ("Cursus Nederlands als tweede taal", ""),
            ("Trajectbegeleiding", ""),
            ("Netwerk en participatie", "")
        ]
    );
    assert_eq!(table.target_total.unwrap().to_string(), "39000");
    assert_eq!(table.actual_total.unwrap().to_string(), "35625");
    assert_eq!(table.measured, Some(PartialDate::parse("2021-09-30").unwrap()));
    let second = &imported.question.answer.as_ref().unwrap().parts[1].text;
    assert!(second.contains("een bedrag voorzien van 1.250.000 euro, bovenop"));
}

#[test]
fn every_table_of_the_corpus_joins_a_dossier_that_opens_again() {
    for text in [GRANTS, PER_YEAR, MILLIONS, TARGETS] {
        let imported = written_question(text);
        let mut dossier = common::bundled();
        let plan = Plan::new(&dossier, &imported, "vraag.txt");
        assert!(plan.tables.iter().all(|(_, usage)| *usage != TableUse::Skip));
        plan.apply_to(&mut dossier, false).unwrap();
        let bytes = store::to_bytes(&dossier).unwrap();
        let again = store::load_bytes(&bytes, "the saved dossier").unwrap();
        assert!(again == dossier);
    }
    // The per-year table keeps its kinds and its printed totals in the dossier.
    let mut dossier = common::bundled();
    let plan = Plan::new(&dossier, &written_question(PER_YEAR), "vraag.txt");
    plan.apply_to(&mut dossier, false).unwrap();
    let table = dossier.budget_tables.last().unwrap();
    assert_eq!(
        table.title, "Tabel uit het antwoord op vraag nr. 87, antwoord 1-3",
        "no sentence introduces it and its header is long: named by where it stands"
    );
    let kinds: Vec<ColumnKind> = table.columns.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            ColumnKind::Text,
            ColumnKind::Integer,
            ColumnKind::Integer,
            ColumnKind::Percent,
            ColumnKind::Money
        ]
    );
    assert_eq!(table.rows[0].cells[1].value, Some(CellValue::Integer(40)));
    // The share of 2021 is kept as printed (72 %), with why it is flagged.
    let share = &table.rows[2].cells[3];
    assert_eq!(share.shown_text(), "72,00 %");
    assert!(
        share.flag().is_some_and(|f| f.contains("35 of 50 is 70,00 %")),
        "{share:?}"
    );
    assert!(table.rows[1].cells[3].flag().is_none());
    let differs = table.discrepancies();
    assert_eq!(differs.len(), 1);
    assert_eq!(
        (differs[0].0.amount, differs[0].1),
        (Money::from_euro(120), Money::from_euro(119))
    );
    let column = differs[0].0.column;
    assert_eq!(
        (
            table.total_text(column, differs[0].0.amount),
            table.total_text(column, differs[0].1)
        ),
        ("120".to_string(), "119".to_string()),
        "a count's printed total is shown without cents"
    );
}

#[test]
fn a_column_read_as_the_wrong_kind_is_corrected_before_it_joins() {
    let imported = written_question(PER_YEAR);
    let mut table = budget(&imported).clone();
    // The share read as text instead: no sum, no ratio check; as a percentage again:
    // the same cells and the same check as first read.
    let first = table.clone();
    table.set_kind(3, ValueKind::Text);
    assert_eq!(table.rows[0][3].value, Some(CellValue::Text("75%".into())));
    assert!(!table.checks.iter().any(|c| c.contains("\"2021\"")));
    table.set_kind(3, ValueKind::Percent);
    assert_eq!(table.rows, first.rows);
    assert_eq!(table.checks, first.checks);
    // The support in thousand euro: the same figures, in a column that says so.
    table.set_kind(4, ValueKind::ThousandEuro);
    assert_eq!(
        table.totals[4].map(|t| t.to_string()).as_deref(),
        Some("1256620.40")
    );
    assert_eq!(table.columns[4].name, "Toegekende steun (duizend euro)");
    // Whole numbers as euro: 174 applications become an amount, and stay exact.
    table.set_kind(1, ValueKind::Euro);
    assert_eq!(
        table.rows[0][1].value,
        Some(CellValue::Money(Money::from_euro(40)))
    );
    assert_eq!(table.shown(1, table.totals[1]), "174,00");
}
