//! Budget tables: edits with undo, computed columns, printed totals, retyping, and
//! totals that stay exact at any size.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;

use common::{apply_and_round_trip, bundled};

use dossier_workbench::model::budget::{
    BudgetTable, Cell, CellValue, Column, ColumnKind, ComputedColumn, Formula, ReportedTotal, Row,
    TotalValue, convert_cell,
};
use dossier_workbench::model::dossier::{ColumnId, RowId, TableId};
use dossier_workbench::model::edit::{Edit, EditError};
use dossier_workbench::model::{Dossier, Money};
use rust_decimal::Decimal;

fn amif(dossier: &Dossier) -> &BudgetTable {
    &dossier.budget_tables[0]
}

fn money(text: &str) -> Money {
    Money::parse(text).unwrap()
}

fn total(table: &BudgetTable, column: usize) -> Money {
    match table.total(column).unwrap().value {
        TotalValue::Money(amount) => amount,
        TotalValue::Integer(_) => panic!("not money"),
    }
}

#[test]
fn editing_project_320_moves_the_total_by_exactly_the_difference() {
    let mut dossier = bundled();
    let table = amif(&dossier);
    let (id, row, column) = (table.id, table.rows[0].id, table.columns[2].id);
    let cell = Cell::new(CellValue::Money(money("659.219,13")));
    apply_and_round_trip(
        &mut dossier,
        Edit::SetCell {
            table: id,
            row,
            column,
            cell,
        },
    );
    assert_eq!(total(amif(&dossier), 2), money("12.968.183,30"));
}

#[test]
fn rows_are_added_moved_and_removed_with_undo() {
    let mut dossier = bundled();
    let table = amif(&dossier).id;
    let cells = vec![
        Cell::new(CellValue::Text("999".into())),
        Cell::new(CellValue::Text("Nieuw project".into())),
        Cell::new(CellValue::Money(money("0,01"))),
        Cell::default(),
    ];
    let row = Row {
        id: RowId(dossier.next_id),
        cells,
        source: None,
    };
    apply_and_round_trip(&mut dossier, Edit::InsertRow { table, index: 3, row });
    assert_eq!(amif(&dossier).rows.len(), 13);
    assert_eq!(total(amif(&dossier), 2), money("12.968.183,30"));
    assert_eq!(
        amif(&dossier).total(3).unwrap().empty,
        1,
        "an empty cell is not zero"
    );
    let first = amif(&dossier).rows[0].id;
    apply_and_round_trip(
        &mut dossier,
        Edit::MoveRow {
            table,
            row: first,
            to: 12,
        },
    );
    assert_eq!(amif(&dossier).rows[12].id, first);
    apply_and_round_trip(&mut dossier, Edit::RemoveRow { table, row: first });
    assert_eq!(amif(&dossier).rows.len(), 12);
}

#[test]
fn a_row_that_does_not_fit_the_columns_is_refused() {
    let mut dossier = bundled();
    let table = amif(&dossier).id;
    let short = Row {
        id: RowId(dossier.next_id),
        cells: vec![Cell::default()],
        source: None,
    };
    let error = Edit::InsertRow {
        table,
        index: 0,
        row: short,
    }
    .apply(&mut dossier)
    .unwrap_err();
    assert!(error.to_string().contains("1 cells for 4 columns"), "{error}");
}

#[test]
fn columns_are_added_renamed_and_removed_with_undo() {
    let mut dossier = bundled();
    let table = amif(&dossier).id;
    let rows = amif(&dossier).rows.len();
    let column = Column {
        id: ColumnId(dossier.next_id),
        name: "Opmerking".into(),
        kind: ColumnKind::Text,
    };
    apply_and_round_trip(
        &mut dossier,
        Edit::InsertColumn {
            table,
            index: 2,
            column,
            cells: vec![Cell::default(); rows],
        },
    );
    assert_eq!(amif(&dossier).columns[2].name, "Opmerking");
    assert_eq!(
        total(amif(&dossier), 3),
        money("12.968.183,29"),
        "the money moved one column on, intact"
    );
    let id = amif(&dossier).columns[2].id;
    apply_and_round_trip(
        &mut dossier,
        Edit::RenameColumn {
            table,
            column: id,
            name: "Noot".into(),
        },
    );
    apply_and_round_trip(&mut dossier, Edit::RemoveColumn { table, column: id });
}

#[test]
fn a_column_a_sum_works_from_cannot_be_removed() {
    let mut dossier = bundled();
    let table = amif(&dossier);
    let (id, amif_column, cofinancing) = (table.id, table.columns[2].id, table.columns[3].id);
    let sum = ComputedColumn {
        id: ColumnId(dossier.next_id),
        name: "Totaal".into(),
        formula: Formula::Sum(vec![amif_column, cofinancing]),
    };
    apply_and_round_trip(
        &mut dossier,
        Edit::SetComputed {
            table: id,
            computed: vec![sum],
        },
    );
    let error = Edit::RemoveColumn {
        table: id,
        column: cofinancing,
    }
    .apply(&mut dossier)
    .unwrap_err();
    assert!(
        error.to_string().contains("computed column \"Totaal\""),
        "{error}"
    );
    let text = amif(&dossier).columns[0].id;
    let wrong = ComputedColumn {
        id: ColumnId(9999),
        name: "Fout".into(),
        formula: Formula::Share(text),
    };
    assert!(matches!(
        Edit::SetComputed {
            table: id,
            computed: vec![wrong]
        }
        .apply(&mut dossier),
        Err(EditError::NeedsMoney(name)) if name == "Fout"
    ));
}

#[test]
fn computed_sums_and_shares_are_exact_and_unknown_when_an_operand_is() {
    let dossier = bundled();
    let table = amif(&dossier);
    let totals: Vec<_> = (0..table.columns.len()).map(|i| table.total(i)).collect();
    let sum = Formula::Sum(vec![table.columns[2].id, table.columns[3].id]);
    let row_370 = table
        .rows
        .iter()
        .find(|r| r.cells[0].text() == Some("370"))
        .unwrap();
    assert_eq!(
        table.computed_value(row_370, &sum, &totals),
        Some(Decimal::new(150_000_000, 2))
    );
    assert_eq!(
        table.computed_total(&sum, &totals),
        Some(money("12.968.183,29").amount() + money("4.492.344,81").amount())
    );
    let share = Formula::Share(table.columns[2].id);
    let shares: Decimal = table
        .rows
        .iter()
        .filter_map(|r| table.computed_value(r, &share, &totals))
        .sum();
    assert!(
        (shares - Decimal::ONE_HUNDRED).abs() < Decimal::new(1, 20),
        "{shares}"
    );
    let umbrella = &dossier.budget_tables[1];
    let paid_totals: Vec<_> = (0..umbrella.columns.len()).map(|i| umbrella.total(i)).collect();
    let paid = Formula::Sum(vec![umbrella.columns[3].id]);
    assert_eq!(
        umbrella.computed_value(&umbrella.rows[2], &paid, &paid_totals),
        None,
        "unknown stays unknown"
    );
}

#[test]
fn a_printed_total_that_disagrees_is_flagged_not_corrected() {
    let mut dossier = bundled();
    let table = amif(&dossier);
    let (id, column) = (table.id, table.columns[2].id);
    let printed = ReportedTotal {
        column,
        amount: money("12.968.183,30"),
        source: None,
    };
    apply_and_round_trip(
        &mut dossier,
        Edit::SetReportedTotals {
            table: id,
            totals: vec![printed.clone()],
        },
    );
    let table = amif(&dossier);
    assert_eq!(table.discrepancies(), vec![(&printed, money("12.968.183,29"))]);
    assert_eq!(
        table.reported_totals[0].amount,
        money("12.968.183,30"),
        "the printed figure stays as printed"
    );
    let agreeing = ReportedTotal {
        column,
        amount: money("12.968.183,29"),
        source: None,
    };
    apply_and_round_trip(
        &mut dossier,
        Edit::SetReportedTotals {
            table: id,
            totals: vec![agreeing],
        },
    );
    assert!(amif(&dossier).discrepancies().is_empty());
}

#[test]
fn retyping_keeps_what_fits_and_flags_what_does_not() {
    let text = |t: &str| Cell::new(CellValue::Text(t.into()));
    assert_eq!(
        convert_cell(&text("1.358.559,42"), ColumnKind::Money),
        Ok(Cell::new(CellValue::Money(money("1358559,42"))))
    );
    let lost = convert_cell(&text("767.010?64"), ColumnKind::Money).unwrap_err();
    assert_eq!(lost.value, None);
    assert_eq!(lost.printed(), Some("767.010?64"), "the old text is kept");
    assert!(lost.flag().unwrap().contains("could not be read as money"));
    assert_eq!(
        convert_cell(&Cell::new(CellValue::Money(money("5,00"))), ColumnKind::Integer),
        Ok(Cell::new(CellValue::Integer(5)))
    );
    assert!(convert_cell(&Cell::new(CellValue::Money(money("5,50"))), ColumnKind::Integer).is_err());
    assert_eq!(
        convert_cell(&Cell::new(CellValue::Money(money("5,50"))), ColumnKind::Text),
        Ok(text("5,50"))
    );
    assert_eq!(
        convert_cell(&Cell::default(), ColumnKind::Date),
        Ok(Cell::default())
    );

    let mut dossier = bundled();
    let table = amif(&dossier);
    let (id, call) = (table.id, table.columns[0].id);
    let cells: Vec<Cell> = table
        .rows
        .iter()
        .map(|r| convert_cell(&r.cells[0], ColumnKind::Integer).unwrap())
        .collect();
    apply_and_round_trip(
        &mut dossier,
        Edit::RetypeColumn {
            table: id,
            column: call,
            kind: ColumnKind::Integer,
            cells,
        },
    );
    assert_eq!(amif(&dossier).total(0).unwrap().value, TotalValue::Integer(4_514));
}

#[test]
fn tables_are_added_renamed_and_removed_with_undo() {
    let mut dossier = bundled();
    let mut copy = amif(&dossier).clone();
    let mut next = dossier.next_id;
    let mut fresh = || {
        next += 1;
        next
    };
    copy.id = TableId(fresh());
    for column in &mut copy.columns {
        column.id = ColumnId(fresh());
    }
    for row in &mut copy.rows {
        row.id = RowId(fresh());
    }
    copy.title.push_str(" (kopie)");
    apply_and_round_trip(
        &mut dossier,
        Edit::InsertTable {
            index: 1,
            table: Box::new(copy),
        },
    );
    assert!(dossier.next_id > dossier.max_id());
    let id = dossier.budget_tables[1].id;
    apply_and_round_trip(
        &mut dossier,
        Edit::RenameTable {
            table: id,
            title: "Kopie".into(),
        },
    );
    apply_and_round_trip(&mut dossier, Edit::RemoveTable(id));
}

#[test]
fn a_batch_is_all_or_nothing() {
    let mut dossier = bundled();
    let before = dossier.clone();
    let table = amif(&dossier);
    let (id, row, column) = (table.id, table.rows[0].id, table.columns[2].id);
    let good = Edit::SetCell {
        table: id,
        row,
        column,
        cell: Cell::new(CellValue::Money(money("1,00"))),
    };
    let bad = Edit::SetCell {
        table: id,
        row: RowId(424_242),
        column,
        cell: Cell::default(),
    };
    assert_eq!(
        Edit::Batch(vec![good.clone(), bad]).apply(&mut dossier),
        Err(EditError::NoRow(RowId(424_242)))
    );
    assert!(dossier == before, "a failed batch leaves nothing behind");
    apply_and_round_trip(&mut dossier, Edit::Batch(vec![good]));
}

/// A small deterministic generator (xorshift), so the test needs no extra crate.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn totals_over_100000_random_rows_equal_an_independent_exact_sum() {
    for seed in [1_u64, 7, 2019] {
        let mut random = Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let mut expected_cents: i128 = 0;
        let mut empty = 0;
        let rows: Vec<Row> = (0..100_000_u64)
            .map(|index| {
                let draw = random.next();
                let cell = if draw.is_multiple_of(17) {
                    empty += 1;
                    Cell::default()
                } else {
                    // Amounts across the whole range, from cents to hundreds of billions.
                    let magnitude = 10_i64.pow((draw % 14) as u32);
                    let cents = i64::try_from((draw >> 8) % 1_000_000_007).unwrap() % magnitude.max(1);
                    let cents = if draw & 0x100 == 0 { cents } else { -cents };
                    expected_cents += i128::from(cents);
                    Cell::new(CellValue::Money(Money::new(Decimal::new(cents, 2)).unwrap()))
                };
                Row {
                    id: RowId(index + 10),
                    cells: vec![cell],
                    source: None,
                }
            })
            .collect();
        let table = BudgetTable {
            id: TableId(1),
            title: "random".into(),
            description: String::new(),
            columns: vec![Column {
                id: ColumnId(2),
                name: "Bedrag".into(),
                kind: ColumnKind::Money,
            }],
            rows,
            footnotes: vec![],
            envelope: None,
            computed: vec![],
            reported_totals: vec![],
            source: None,
        };
        let total = table.total(0).unwrap();
        let expected = Decimal::from_i128_with_scale(expected_cents, 2);
        assert_eq!(
            total.value,
            TotalValue::Money(Money::new(expected).unwrap()),
            "seed {seed}"
        );
        assert_eq!(total.empty, empty);
        assert_eq!(total.filled + total.empty, 100_000);
    }
}

#[test]
fn a_total_updated_for_one_cell_equals_the_column_added_up_again() {
    let mut dossier = bundled();
    let table_index = 0;
    let money_columns: Vec<usize> = (0..amif(&dossier).columns.len())
        .filter(|index| amif(&dossier).columns[*index].kind == ColumnKind::Money)
        .collect();
    assert!(!money_columns.is_empty());
    let replacements = [
        Some(CellValue::Money(money("0,01"))),
        None,
        Some(CellValue::Money(money("-1.234.567,89"))),
        Some(CellValue::Text("onleesbaar".into())),
        Some(CellValue::Money(money("99.999.999,99"))),
    ];
    for column in money_columns {
        for (round, replacement) in replacements.iter().enumerate() {
            let table = &mut dossier.budget_tables[table_index];
            let row = round % table.rows.len();
            let before_total = table.total(column).unwrap();
            let before = table.rows[row].cells[column].value.clone();
            table.rows[row].cells[column].value.clone_from(replacement);
            let updated = before_total
                .with_cell_replaced(before.as_ref(), replacement.as_ref())
                .unwrap();
            assert_eq!(
                updated,
                table.total(column).unwrap(),
                "column {column}, round {round}"
            );
        }
    }
}
