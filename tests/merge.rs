//! Diff and three-way merge of dossiers by identity: what combines, what conflicts, what
//! a conflict holds and how it is settled; and properties over random edits.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;

use std::collections::BTreeSet;

use common::{add_question, bundled};
use dossier_workbench::i18n::Language;
use dossier_workbench::model::Dossier;
use dossier_workbench::model::budget::{Cell, CellValue, ColumnKind};
use dossier_workbench::model::edit::{Edit, History};
use dossier_workbench::model::merge::{Change, ChangeKind, Sides, Target, diff, merge, settle};
use dossier_workbench::model::money::Money;
use proptest::prelude::*;

fn sides() -> Sides {
    Sides {
        ours: "HEAD".into(),
        theirs: "feature".into(),
    }
}

fn money(text: &str) -> Cell {
    Cell::new(CellValue::Money(Money::parse(text).unwrap()))
}

/// Sets cell (`row`, `column`) of the first table, by position.
fn set_cell(dossier: &mut Dossier, row: usize, column: usize, cell: Cell) {
    let table = &dossier.budget_tables[0];
    let edit = Edit::SetCell {
        table: table.id,
        row: table.rows[row].id,
        column: table.columns[column].id,
        cell,
    };
    edit.apply(dossier).unwrap();
}

fn lines(changes: &[Change]) -> Vec<String> {
    let texts = Language::English.texts();
    changes.iter().map(|c| texts.change_line(c)).collect()
}

#[test]
fn different_cells_of_one_row_combine() {
    let base = bundled();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    set_cell(&mut ours, 0, 2, money("659219.13"));
    set_cell(&mut theirs, 0, 3, money("1"));
    let merged = merge(&base, &ours, &theirs, &sides()).unwrap();
    assert_eq!(merged.conflicts, 0);
    let row = &merged.dossier.budget_tables[0].rows[0];
    assert_eq!(row.cells[2], money("659219.13"));
    assert_eq!(row.cells[3], money("1"));
    assert!(merged.dossier.validate().is_ok());
    let said = lines(&diff(&base, &merged.dossier));
    assert!(
        said.contains(&"AMIF-projecten › 320 › AMIF-middelen in euro: 659.219,12 → 659.219,13".to_string()),
        "{said:#?}"
    );
    assert!(
        said.contains(
            &"AMIF-projecten › total AMIF-middelen in euro: 12.968.183,29 → 12.968.183,30".to_string()
        ),
        "{said:#?}"
    );
}

#[test]
fn questions_both_sides_added_at_one_place_are_both_kept_under_their_own_ids() {
    let base = bundled();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let mine = add_question(&mut ours, 901, "Onze vraag");
    let other = add_question(&mut theirs, 902, "Hun vraag");
    assert_eq!(mine, other, "both took the next id");
    let merged = merge(&base, &ours, &theirs, &sides()).unwrap();
    assert_eq!(merged.conflicts, 0);
    assert_eq!(merged.renumbered, 1);
    let titles: Vec<&str> = merged.dossier.questions[base.questions.len()..]
        .iter()
        .map(|q| q.title.as_deref().unwrap())
        .collect();
    assert_eq!(titles, ["Onze vraag", "Hun vraag"]);
    let ids: BTreeSet<u64> = merged.dossier.questions.iter().map(|q| q.id.0).collect();
    assert_eq!(ids.len(), merged.dossier.questions.len());
    assert!(merged.dossier.next_id > merged.dossier.max_id());
    assert!(merged.dossier.validate().is_ok());
}

#[test]
fn the_same_change_on_both_sides_is_taken_once() {
    let base = bundled();
    let mut ours = base.clone();
    set_cell(&mut ours, 1, 2, money("5"));
    let merged = merge(&base, &ours, &ours.clone(), &sides()).unwrap();
    assert_eq!(merged.conflicts, 0);
    assert_eq!(merged.dossier, ours);
}

#[test]
fn one_cell_changed_two_ways_is_a_conflict_kept_with_both_and_settled_by_an_undoable_edit() {
    let base = bundled();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    set_cell(&mut ours, 0, 2, money("1.50"));
    set_cell(&mut theirs, 0, 2, money("2"));
    let mut merged = merge(&base, &ours, &theirs, &sides()).unwrap().dossier;
    assert_eq!(merged.conflicts.len(), 1);
    let conflict = &merged.conflicts[0];
    assert!(matches!(conflict.target, Target::Cell { .. }));
    assert_eq!(
        (conflict.ours.from.as_str(), conflict.theirs.from.as_str()),
        ("HEAD", "feature")
    );
    // Ours stays in the table until someone chooses.
    assert_eq!(merged.budget_tables[0].rows[0].cells[2], money("1.50"));
    // The file with its conflict reads back and passes every check.
    let bytes = dossier_workbench::store::to_bytes(&merged).unwrap();
    let read = dossier_workbench::store::load_bytes(&bytes, "merged").unwrap();
    assert_eq!(read, merged);

    let before = merged.clone();
    let theirs_value = conflict.theirs.value.clone();
    let mut history = History::default();
    history
        .apply(&mut merged, settle(&before, 0, theirs_value).unwrap())
        .unwrap();
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.budget_tables[0].rows[0].cells[2], money("2"));
    history.undo(&mut merged).unwrap();
    assert_eq!(merged, before);
}

#[test]
fn a_row_edited_on_one_side_and_removed_on_the_other_is_kept_with_a_conflict() {
    let base = bundled();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    set_cell(&mut ours, 3, 2, money("7"));
    let table = &theirs.budget_tables[0];
    let (table_id, row) = (table.id, table.rows[3].id);
    Edit::RemoveRow { table: table_id, row }
        .apply(&mut theirs)
        .unwrap();
    let mut merged = merge(&base, &ours, &theirs, &sides()).unwrap().dossier;
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].target, Target::Row { table: table_id, row });
    assert!(merged.conflicts[0].theirs.value.is_none(), "theirs removed it");
    assert!(merged.budget_tables[0].rows.iter().any(|r| r.id == row));
    // Taking theirs removes the row.
    let edit = settle(&merged, 0, None).unwrap();
    edit.apply(&mut merged).unwrap();
    assert!(!merged.budget_tables[0].rows.iter().any(|r| r.id == row));
    assert!(merged.conflicts.is_empty() && merged.validate().is_ok());
}

#[test]
fn a_field_changed_two_ways_is_a_conflict_on_that_field() {
    let base = bundled();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.questions[1].title = Some("Onze titel".into());
    theirs.questions[1].title = Some("Hun titel".into());
    theirs.questions[1].questioner = Some("Iemand anders".into());
    let merged = merge(&base, &ours, &theirs, &sides()).unwrap().dossier;
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.questions[1].questioner.as_deref(), Some("Iemand anders"));
    let texts = Language::Dutch.texts();
    let place = texts.field_path(&merged.conflicts[0].field);
    assert_eq!(place, "titel");
    let mut settled = merged.clone();
    settle(&merged, 0, Some(serde_json::json!("Een derde titel")))
        .unwrap()
        .apply(&mut settled)
        .unwrap();
    assert_eq!(settled.questions[1].title.as_deref(), Some("Een derde titel"));
}

#[test]
fn a_column_one_side_added_gets_cells_in_the_other_sides_new_rows() {
    let base = bundled();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let table = base.budget_tables[0].id;
    let rows = theirs.budget_tables[0].rows.len();
    let column = dossier_workbench::model::budget::Column {
        id: dossier_workbench::model::ids::ColumnId(theirs.next_id),
        name: "Opmerking".into(),
        kind: ColumnKind::Text,
    };
    let cells = vec![Cell::new(CellValue::Text("x".into())); rows];
    Edit::InsertColumn {
        table,
        index: 4,
        column,
        cells,
    }
    .apply(&mut theirs)
    .unwrap();
    let mut row = ours.budget_tables[0].rows[0].clone();
    row.id = dossier_workbench::model::ids::RowId(ours.next_id);
    Edit::InsertRow { table, index: 0, row }.apply(&mut ours).unwrap();
    let merged = merge(&base, &ours, &theirs, &sides()).unwrap();
    assert_eq!(merged.conflicts, 0);
    let table = &merged.dossier.budget_tables[0];
    assert_eq!(table.columns.len(), 5);
    assert!(table.rows.iter().all(|r| r.cells.len() == 5));
    assert_eq!(
        table.rows[0].cells[4],
        Cell::default(),
        "the new row has an empty cell"
    );
    assert_eq!(table.rows[1].cells[4], Cell::new(CellValue::Text("x".into())));
}

/// One edit of a random change, by position, on one side's half of the dossier.
#[derive(Clone, Debug)]
enum Change1 {
    Cell { row: usize, cents: i64 },
    Title { question: usize, title: String },
    RemoveRow { row: usize },
    AddQuestion { number: u32 },
    Target { indicator: usize, value: i64 },
}

fn change() -> impl Strategy<Value = Change1> {
    prop_oneof![
        (0usize..40, -100_000_000_i64..100_000_000).prop_map(|(row, cents)| Change1::Cell { row, cents }),
        (0usize..6, "[A-Za-z ]{1,20}").prop_map(|(question, title)| Change1::Title { question, title }),
        (0usize..40).prop_map(|row| Change1::RemoveRow { row }),
        (1000u32..2000).prop_map(|number| Change1::AddQuestion { number }),
        (0usize..11, 0i64..5000).prop_map(|(indicator, value)| Change1::Target { indicator, value }),
    ]
}

/// Makes the changes on `side`: ours works on the even rows, questions and indicators,
/// theirs on the odd ones, so the two sides never touch one thing. `fresh` keeps the
/// ids of the questions each side adds apart.
fn make(base: &Dossier, changes: &[Change1], even: bool, fresh: u64) -> Dossier {
    let mut side = base.clone();
    side.next_id = fresh;
    let parity = |index: usize| index.is_multiple_of(2) == even;
    let rows: Vec<_> = base.budget_tables[0]
        .rows
        .iter()
        .enumerate()
        .filter(|(i, _)| parity(*i))
        .map(|(_, r)| r.id)
        .collect();
    let table = base.budget_tables[0].id;
    let money_column = base.budget_tables[0].columns[2].id;
    for change in changes {
        let edit = match change {
            Change1::Cell { row, cents } => {
                let Some(&row) = rows
                    .get(row % rows.len())
                    .filter(|r| side.budget_tables[0].rows.iter().any(|x| x.id == **r))
                else {
                    continue;
                };
                let amount = rust_decimal::Decimal::new(*cents, 2);
                Edit::SetCell {
                    table,
                    row,
                    column: money_column,
                    cell: Cell::new(CellValue::Money(Money::new(amount).unwrap())),
                }
            }
            Change1::Title { question, title } => {
                let index = (question % 3) * 2 + usize::from(!even);
                let mut changed = side.questions[index].clone();
                changed.title = Some(title.clone());
                Edit::ReplaceQuestion(Box::new(changed))
            }
            Change1::RemoveRow { row } => {
                let Some(&row) = rows
                    .get(row % rows.len())
                    .filter(|r| side.budget_tables[0].rows.iter().any(|x| x.id == **r))
                else {
                    continue;
                };
                Edit::RemoveRow { table, row }
            }
            Change1::AddQuestion { number } => {
                add_question(&mut side, *number, &format!("Vraag {number}"));
                continue;
            }
            Change1::Target { indicator, value } => {
                let index = (indicator % 5) * 2 + usize::from(!even);
                let mut changed = side.indicators[index].clone();
                changed.target = Some(rust_decimal::Decimal::from(*value));
                Edit::ReplaceIndicator(Box::new(changed))
            }
        };
        edit.apply(&mut side).unwrap();
    }
    side
}

/// A change without the names it is shown with (a table's title may be the other
/// side's), and without totals, which two sides' changes to one column add up in.
fn meaning(changes: Vec<Change>) -> BTreeSet<(Target, ChangeKind)> {
    changes
        .into_iter()
        .filter(|c| !matches!(c.kind, ChangeKind::Total { .. }))
        .map(|c| (c.target, c.kind))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn merging_a_change_with_nothing_gives_the_change(changes in proptest::collection::vec(change(), 0..8)) {
        let base = bundled();
        let side = make(&base, &changes, true, base.next_id);
        let merged = merge(&base, &side, &base, &sides()).unwrap();
        prop_assert_eq!(merged.conflicts, 0);
        prop_assert_eq!(&merged.dossier, &side);
        let merged = merge(&base, &base, &side, &sides()).unwrap();
        prop_assert_eq!(&merged.dossier, &side);
    }

    #[test]
    fn merge_is_symmetric_and_its_diff_lists_both_sides_changes(
        ours in proptest::collection::vec(change(), 0..8),
        theirs in proptest::collection::vec(change(), 0..8),
    ) {
        let base = bundled();
        let mine = make(&base, &ours, true, base.next_id);
        let other = make(&base, &theirs, false, base.next_id + 1000);
        let one = merge(&base, &mine, &other, &sides()).unwrap();
        let two = merge(&base, &other, &mine, &sides()).unwrap();
        prop_assert_eq!(one.conflicts, 0);
        prop_assert_eq!(two.conflicts, 0);
        prop_assert!(one.dossier.validate().is_ok());
        let combined: BTreeSet<_> = meaning(diff(&base, &mine)).into_iter().chain(meaning(diff(&base, &other))).collect();
        prop_assert_eq!(&meaning(diff(&base, &one.dossier)), &combined);
        prop_assert_eq!(&meaning(diff(&base, &two.dossier)), &combined);
    }

    #[test]
    fn conflicts_are_the_same_whichever_side_is_ours(
        cents in proptest::collection::vec((0usize..40, -10_000_i64..10_000, -10_000_i64..10_000), 1..6),
    ) {
        let base = bundled();
        let (mut mine, mut other) = (base.clone(), base.clone());
        for (row, a, b) in &cents {
            let row = row % base.budget_tables[0].rows.len();
            set_cell(&mut mine, row, 2, Cell::new(CellValue::Money(Money::new(rust_decimal::Decimal::new(*a, 2)).unwrap())));
            set_cell(&mut other, row, 2, Cell::new(CellValue::Money(Money::new(rust_decimal::Decimal::new(*b, 2)).unwrap())));
        }
        let one = merge(&base, &mine, &other, &sides()).unwrap().dossier;
        let two = merge(&base, &other, &mine, &sides()).unwrap().dossier;
        prop_assert_eq!(one.conflicts.len(), two.conflicts.len());
        for (a, b) in one.conflicts.iter().zip(&two.conflicts) {
            prop_assert_eq!(&a.target, &b.target);
            prop_assert_eq!(&a.ours.value, &b.theirs.value);
            prop_assert_eq!(&a.theirs.value, &b.ours.value);
        }
        prop_assert!(one.validate().is_ok());
    }
}
