use super::*;
use crate::model::budget::CellValue;
use crate::model::money::Money;

fn dossier() -> Dossier {
    crate::store::bundled().unwrap()
}

#[test]
fn undo_and_redo_walk_back_and_forth_through_numbered_states() {
    let mut dossier = dossier();
    let original = dossier.clone();
    let mut history = History::default();
    let saved = history.revision();
    history
        .apply(&mut dossier, Edit::SetTitle("Nieuw".into()))
        .unwrap();
    history
        .apply(&mut dossier, Edit::SetDescription("Omschrijving".into()))
        .unwrap();
    let edited = dossier.clone();
    assert_ne!(history.revision(), saved);
    assert!(history.undo(&mut dossier).unwrap());
    assert!(history.undo(&mut dossier).unwrap());
    assert!(!history.undo(&mut dossier).unwrap());
    assert_eq!(dossier, original);
    assert_eq!(history.revision(), saved);
    assert!(history.redo(&mut dossier).unwrap());
    assert!(history.redo(&mut dossier).unwrap());
    assert_eq!(dossier, edited);
    assert!(!history.can_redo());
}

#[test]
fn an_edit_that_changes_nothing_is_not_a_step() {
    let mut dossier = dossier();
    let mut history = History::default();
    let same = Edit::SetTitle(dossier.title.clone());
    history.apply(&mut dossier, same).unwrap();
    assert!(!history.can_undo());
    assert_eq!(history.revision(), 0);
}

#[test]
fn a_new_edit_after_undo_gets_a_new_number_and_drops_the_redo() {
    let mut dossier = dossier();
    let mut history = History::default();
    history.apply(&mut dossier, Edit::SetTitle("A".into())).unwrap();
    let first = history.revision();
    history.undo(&mut dossier).unwrap();
    history.apply(&mut dossier, Edit::SetTitle("B".into())).unwrap();
    assert_ne!(history.revision(), first);
    assert!(!history.can_redo());
}

#[test]
fn removing_a_question_unlinks_its_events_and_undo_restores_both() {
    let mut dossier = dossier();
    let original = dossier.clone();
    let q271 = dossier
        .questions
        .iter()
        .find(|q| q.number == Some(271))
        .unwrap()
        .id;
    let linked = dossier.events.iter().filter(|e| e.question == Some(q271)).count();
    assert!(linked > 3);
    let mut history = History::default();
    history.apply(&mut dossier, Edit::RemoveQuestion(q271)).unwrap();
    assert!(dossier.question(q271).is_none());
    assert!(dossier.events.iter().all(|e| e.question != Some(q271)));
    assert!(dossier.validate().is_ok(), "no dangling link is left");
    history.undo(&mut dossier).unwrap();
    assert_eq!(dossier, original);
}

#[test]
fn a_question_that_breaks_the_rules_is_refused() {
    let mut dossier = dossier();
    let mut question = dossier.questions[1].clone();
    question.sub_questions[1].label = question.sub_questions[0].label.clone();
    let error = Edit::ReplaceQuestion(Box::new(question))
        .apply(&mut dossier)
        .unwrap_err();
    assert!(
        error.to_string().contains("two sub-questions labelled"),
        "{error}"
    );
    let mut copy = dossier.questions[0].clone();
    copy.title = Some("copy".into());
    let taken = Edit::InsertQuestion {
        index: 0,
        question: Box::new(copy),
        relink: vec![],
    };
    assert!(matches!(taken.apply(&mut dossier), Err(EditError::IdInUse(_))));
}

#[test]
fn a_new_item_moves_the_id_counter_past_its_id() {
    let mut dossier = dossier();
    let mut question = dossier.questions[0].clone();
    question.id = QuestionId(dossier.next_id + 5);
    let mut history = History::default();
    history
        .apply(
            &mut dossier,
            Edit::InsertQuestion {
                index: 99,
                question: Box::new(question),
                relink: vec![],
            },
        )
        .unwrap();
    assert_eq!(dossier.next_id, dossier.max_id() + 1);
    assert!(dossier.validate().is_ok());
}

#[test]
fn cell_edits_check_kind_and_place() {
    let mut dossier = dossier();
    let table = &dossier.budget_tables[0];
    let (table_id, row, money_column, text_column) = (
        table.id,
        table.rows[0].id,
        table.columns[2].id,
        table.columns[0].id,
    );
    let mut history = History::default();
    let amount = Cell::new(CellValue::Money(Money::from_euro(5)));
    history
        .apply(
            &mut dossier,
            Edit::SetCell {
                table: table_id,
                row,
                column: money_column,
                cell: amount.clone(),
            },
        )
        .unwrap();
    assert_eq!(dossier.budget_tables[0].rows[0].cells[2], amount);
    let wrong = Edit::SetCell {
        table: table_id,
        row,
        column: text_column,
        cell: amount,
    };
    assert_eq!(
        history.apply(&mut dossier, wrong),
        Err(EditError::WrongKind {
            found: ColumnKind::Money,
            expected: ColumnKind::Text
        })
    );
    history.undo(&mut dossier).unwrap();
    assert_eq!(dossier, crate::store::bundled().unwrap());
}
