//! The board: composition on a day, mandates that end, and organisation edits with undo
//! that keep the rules of a dossier file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;

use common::{apply_and_round_trip, bundled, give_mandate_dates};
use dossier_workbench::model::board::{
    BoardMember, BoardRole, Majority, MemberStatus, Organisation, Partner, Seat, Sector, Undetermined,
    VotingRight, reads_as_simple_majority,
};
use dossier_workbench::model::calendar::PartialDate;
use dossier_workbench::model::dossier::{MemberId, OrganisationId, PartnerId};
use dossier_workbench::model::edit::{Edit, EditError};
use dossier_workbench::store;
use jiff::civil::Date;

fn day(text: &str) -> Date {
    text.parse().unwrap()
}

fn integratiepact(dossier: &dossier_workbench::model::Dossier) -> &Organisation {
    &dossier.organisations[0]
}

fn by_name<'a>(organisation: &'a Organisation, name: &str) -> &'a BoardMember {
    organisation.board.iter().find(|m| m.name == name).unwrap()
}

#[test]
fn the_bundled_board_is_what_question_262_says_and_no_more() {
    let dossier = bundled();
    let board = integratiepact(&dossier);
    assert_eq!(board.board.len(), 7);
    let chairs: Vec<&str> = board.chairs().map(|m| m.name.as_str()).collect();
    assert_eq!(chairs, ["Jef De Vrij"]);
    let outgoing: Vec<&str> = board
        .members_with_status(MemberStatus::Outgoing)
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(outgoing, ["Najim Einauan"]);
    assert_eq!(board.count_voting(VotingRight::Unknown), 7);
    assert!(
        board
            .board
            .iter()
            .all(|m| m.mandate_start.is_none() && m.mandate_end.is_none())
    );
    assert_eq!(board.partners.len(), 9);
    assert!(reads_as_simple_majority(
        &board.decision_rule.as_ref().unwrap().value
    ));

    // No date is given, so no day can be settled: all seven are listed apart.
    let composition = board.composition_on(day("2018-01-31"), day("2026-11-22"));
    assert!(composition.sat.is_empty() && composition.not_sat.is_empty());
    assert_eq!(composition.undetermined.len(), 7);
    assert!(
        composition
            .undetermined
            .iter()
            .all(|(_, why)| *why == Undetermined::StartUnknown)
    );

    // Seven present, voting rights unknown: between 1 and 4 votes, and not certain.
    let majority = Majority::of(&board.board);
    assert_eq!((majority.present, majority.unknown), (7, 7));
    assert_eq!(majority.needed_range(), Some((1, 4)));
    assert!(!majority.certain());
}

#[test]
fn ending_a_mandate_makes_the_member_former_and_undo_restores_it() {
    let mut dossier = bundled();
    let board = integratiepact(&dossier);
    let najim = by_name(board, "Najim Einauan").id;
    let ended = board
        .with_mandate_ended(najim, PartialDate::parse("2018-06-30").unwrap())
        .unwrap();
    apply_and_round_trip(&mut dossier, Edit::ReplaceOrganisation(Box::new(ended)));
    let member = by_name(integratiepact(&dossier), "Najim Einauan");
    assert_eq!(member.status, MemberStatus::Former);
    assert_eq!(
        member.mandate_end,
        Some(PartialDate::parse("2018-06-30").unwrap())
    );
    // The start is still unknown, so earlier days stay open; later ones are settled.
    let today = day("2026-11-22");
    assert_eq!(member.seat_on(day("2018-07-01"), today), Seat::NotSat);
    assert_eq!(
        member.seat_on(day("2018-06-30"), today),
        Seat::Undetermined(Undetermined::StartUnknown)
    );
}

#[test]
fn a_mandate_cannot_end_before_it_starts() {
    let mut dossier = bundled();
    let mut board = integratiepact(&dossier).clone();
    board.board[0].mandate_start = Some(PartialDate::parse("2019-01-15").unwrap());
    let refused = board
        .with_mandate_ended(board.board[0].id, PartialDate::parse("2018-12").unwrap())
        .unwrap_err();
    assert_eq!(
        refused.to_string(),
        "the mandate of Jef De Vrij ends (2018-12) before it starts (2019-01-15)"
    );
    board.board[0].mandate_end = Some(PartialDate::parse("2019-01-14").unwrap());
    let before = dossier.clone();
    let error = Edit::ReplaceOrganisation(Box::new(board))
        .apply(&mut dossier)
        .unwrap_err();
    assert!(
        matches!(error, EditError::Invalid(ref m) if m.to_string().contains("ends (2019-01-14) before it starts"))
    );
    assert!(dossier == before, "a refused edit changed the dossier");
}

#[test]
fn composition_follows_the_mandates_of_a_board_with_dates() {
    let mut dossier = bundled();
    let mut dated = dossier.clone();
    give_mandate_dates(&mut dated);
    let board = dated.organisations[0].clone();
    apply_and_round_trip(&mut dossier, Edit::ReplaceOrganisation(Box::new(board)));
    let board = integratiepact(&dossier);
    let names = |ids: &[MemberId]| -> Vec<String> {
        let mut names: Vec<String> = ids
            .iter()
            .map(|id| board.member(*id).unwrap().name.clone())
            .collect();
        names.sort();
        names
    };
    let today = day("2026-11-22");
    let early = board.composition_on(day("2017-06-01"), today);
    assert_eq!(
        names(&early.sat),
        ["Hüseyin Aydinli", "Jef De Vrij", "Najim Einauan"]
    );
    assert_eq!(names(&early.not_sat), ["Fernando Marzo"]);
    assert_eq!(early.undetermined.len(), 3);
    let march = board.composition_on(day("2018-03-10"), today);
    assert!(
        march
            .undetermined
            .contains(&(by_name(board, "Fernando Marzo").id, Undetermined::StartsAround))
    );
    let later = board.composition_on(day("2020-01-01"), today);
    assert_eq!(
        names(&later.sat),
        ["Fernando Marzo", "Jef De Vrij", "Najim Einauan"]
    );
    assert_eq!(names(&later.not_sat), ["Hüseyin Aydinli"]);
    let next_year = board.composition_on(day("2027-06-01"), today);
    assert!(
        next_year
            .undetermined
            .contains(&(by_name(board, "Najim Einauan").id, Undetermined::EndUnknown))
    );
}

#[test]
fn members_and_partners_are_added_and_removed_with_undo() {
    let mut dossier = bundled();
    let mut board = integratiepact(&dossier).clone();
    let member_id = MemberId(dossier.next_id);
    let partner_id = PartnerId(dossier.next_id + 1);
    board.board.push(BoardMember {
        role: BoardRole::Treasurer,
        represents: Some("Test".into()),
        voting_right: VotingRight::Yes,
        mandate_start: Some(PartialDate::parse("2020").unwrap()),
        ..BoardMember::new(member_id, "İlker Yıldız")
    });
    board.partners.push(Partner {
        id: partner_id,
        name: "Vlaamse Vereniging van Steden en Gemeenten".into(),
        abbreviation: None,
        sector: Some(Sector::LocalGovernment),
        joined: None,
        note: None,
        source: None,
    });
    let next = dossier.next_id;
    apply_and_round_trip(&mut dossier, Edit::ReplaceOrganisation(Box::new(board.clone())));
    assert_eq!(dossier.next_id, next + 2, "the new ids are handed out");
    assert_eq!(integratiepact(&dossier).board.len(), 8);

    // A new member may not take an id the dossier uses elsewhere.
    let mut clash = board.clone();
    clash.board[7].id = MemberId(dossier.questions[0].id.0);
    let error = Edit::ReplaceOrganisation(Box::new(clash))
        .apply(&mut dossier)
        .unwrap_err();
    assert_eq!(error, EditError::IdInUse(dossier.questions[0].id.0));

    // Nameless members are refused with a reason.
    let mut nameless = board;
    nameless.board[7].name = "  ".into();
    let error = Edit::ReplaceOrganisation(Box::new(nameless))
        .apply(&mut dossier)
        .unwrap_err();
    assert!(
        error.to_string().contains("board member without a name"),
        "{error}"
    );
}

#[test]
fn organisations_are_added_and_removed_with_undo() {
    let mut dossier = bundled();
    let id = OrganisationId(dossier.next_id);
    let organisation = Organisation::new(id, "Tweede organisatie");
    apply_and_round_trip(
        &mut dossier,
        Edit::InsertOrganisation {
            index: 1,
            organisation: Box::new(organisation.clone()),
        },
    );
    assert_eq!(dossier.organisations.len(), 2);
    apply_and_round_trip(&mut dossier, Edit::RemoveOrganisation(id));
    assert_eq!(dossier.organisations.len(), 1);
    let error = Edit::InsertOrganisation {
        index: 0,
        organisation: Box::new(Organisation {
            id: OrganisationId(dossier.organisations[0].board[0].id.0),
            ..organisation
        }),
    }
    .apply(&mut dossier)
    .unwrap_err();
    assert!(matches!(error, EditError::IdInUse(_)));
}

#[test]
fn a_file_with_a_mandate_ending_before_it_starts_is_refused_with_the_place() {
    let mut dossier = bundled();
    let member = &mut dossier.organisations[0].board[1];
    member.mandate_start = Some(PartialDate::parse("2020-02-01").unwrap());
    member.mandate_end = Some(PartialDate::parse("2020-01-31").unwrap());
    let bytes = store::to_bytes(&dossier).unwrap();
    let error = store::load_bytes(&bytes, "board.dossier.json")
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("organisation \"Integratiepact vzw\"")
            && error
                .contains("the mandate of Hüseyin Aydinli ends (2020-01-31) before it starts (2020-02-01)"),
        "{error}"
    );
}

/// Two rows and a board member added in the same frame each get their own id: the
/// views take ids from one allocator per frame, not from the dossier's counter, which
/// moves only when an edit is made.
#[test]
fn parts_added_in_one_frame_get_ids_of_their_own() {
    use dossier_workbench::model::budget::{Cell, Row};
    use dossier_workbench::model::dossier::RowId;

    let mut dossier = bundled();
    let ids = dossier.allocate_ids();
    let table = &dossier.budget_tables[0];
    let row = |id: u64| Edit::InsertRow {
        table: table.id,
        index: usize::MAX,
        row: Row {
            id: RowId(id),
            cells: vec![Cell::default(); table.columns.len()],
            source: None,
        },
    };
    let (first, second) = (row(ids.next()), row(ids.next()));
    let member_id = MemberId(ids.next());
    let mut organisation = dossier.organisations[0].clone();
    organisation.board.push(BoardMember::new(member_id, "Nieuw lid"));
    let edits = [first, second, Edit::ReplaceOrganisation(Box::new(organisation))];
    for edit in edits {
        edit.apply(&mut dossier).expect("each part has an id of its own");
    }
    let table = &dossier.budget_tables[0];
    let added: Vec<u64> = table.rows.iter().rev().take(2).map(|r| r.id.0).collect();
    assert_ne!(added[0], added[1]);
    assert!(dossier.organisations[0].board.iter().any(|m| m.id == member_id));
    assert!(!added.contains(&member_id.0));
    assert!(dossier.next_id > member_id.0, "the next frame starts after them");
}
