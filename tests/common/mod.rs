//! Helpers the integration tests share.

#![allow(dead_code)] // each test file uses its own part of this

pub(crate) mod child;
pub(crate) mod relayout;
pub(crate) mod ui;

use dossier_workbench::model::Dossier;
use dossier_workbench::model::board::MemberStatus;
use dossier_workbench::model::calendar::PartialDate;
use dossier_workbench::model::edit::{Edit, History};
use dossier_workbench::model::ids::QuestionId;
use dossier_workbench::store;

pub(crate) fn bundled() -> Dossier {
    store::bundled().unwrap()
}

/// Applies the edit, then checks that undo gives the dossier back exactly and redo the
/// edited one.
/// (The id counter only moves forward, so that an id is never handed out twice.)
pub(crate) fn apply_and_round_trip(dossier: &mut Dossier, edit: Edit) {
    let mut before = dossier.clone();
    let mut history = History::default();
    history.apply(dossier, edit).unwrap();
    let after = dossier.clone();
    assert!(after != before, "the edit changed nothing");
    history.undo(dossier).unwrap();
    before.next_id = dossier.next_id;
    assert!(*dossier == before, "undo did not give the dossier back");
    history.redo(dossier).unwrap();
    assert!(*dossier == after, "redo did not make the edit again");
    assert!(dossier.validate().is_ok(), "{:?}", dossier.validate());
}

/// Gives four members of the bundled board mandate dates (the sources give none): Jef De
/// Vrij and Najim Einauan (outgoing) since the founding, Hüseyin Aydinli until the end of
/// 2019, Fernando Marzo since March 2018 (a month, not a day).
pub(crate) fn give_mandate_dates(dossier: &mut Dossier) {
    let dates = [
        ("Jef De Vrij", Some("2017-01-31"), None, MemberStatus::Active),
        (
            "Hüseyin Aydinli",
            Some("2017-01-31"),
            Some("2019-12-31"),
            MemberStatus::Former,
        ),
        ("Fernando Marzo", Some("2018-03"), None, MemberStatus::Active),
        ("Najim Einauan", Some("2017-01-31"), None, MemberStatus::Outgoing),
    ];
    for (name, start, end, status) in dates {
        let member = dossier.organisations[0]
            .board
            .iter_mut()
            .find(|m| m.name == name)
            .unwrap();
        member.mandate_start = start.map(|s| PartialDate::parse(s).unwrap());
        member.mandate_end = end.map(|s| PartialDate::parse(s).unwrap());
        member.status = status;
    }
}

/// A copy of the first question at the end, under the next id, with its own number and
/// title: what a colleague adds.
pub(crate) fn add_question(dossier: &mut Dossier, number: u32, title: &str) -> QuestionId {
    let mut question = dossier.questions[0].clone();
    question.id = QuestionId(dossier.next_id);
    question.number = Some(number);
    question.title = Some(title.into());
    let id = question.id;
    let index = dossier.questions.len();
    Edit::InsertQuestion {
        index,
        question: Box::new(question),
        relink: Vec::new(),
    }
    .apply(dossier)
    .unwrap();
    id
}
