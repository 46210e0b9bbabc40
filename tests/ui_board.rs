//! The board tab, driven headless through accessible names with egui_kittest.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;

use common::ui::*;
use dossier_workbench::model::board::{MemberStatus, Organisation, VotingRight};
use dossier_workbench::model::calendar::PartialDate;
use dossier_workbench::ui::app::WorkbenchApp;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

const MEMBERS: [&str; 7] = [
    "Jef De Vrij",
    "Hüseyin Aydinli",
    "Fernando Marzo",
    "Christopher Oliha",
    "Selamet Belkiran",
    "Miguel Estrada",
    "Najim Einauan",
];

/// Opens the board tab in a window large enough to show all of it (the members table,
/// the composition, the chart, the majority and the partners) with the editor beside it.
fn board_tab(harness: &mut Harness<'static, WorkbenchApp>) {
    harness.set_size(egui::vec2(1800.0, 2600.0));
    harness.get_by_label("Board").click();
    harness.run();
}

fn organisation(harness: &Harness<'static, WorkbenchApp>) -> Organisation {
    harness.state().document().dossier().organisations[0].clone()
}

fn member_status(harness: &Harness<'static, WorkbenchApp>, name: &str) -> MemberStatus {
    organisation(harness)
        .board
        .iter()
        .find(|m| m.name == name)
        .unwrap()
        .status
}

/// The topmost place a text stands: the members table is above every other list of
/// names on the tab.
fn top_of(harness: &Harness<'static, WorkbenchApp>, text: &str) -> f32 {
    harness
        .query_all_by_label(text)
        .map(|node| node.rect().top())
        .fold(f32::INFINITY, f32::min)
}

/// The topmost node with this label.
fn topmost<'h>(harness: &'h Harness<'static, WorkbenchApp>, text: &'h str) -> egui_kittest::Node<'h> {
    let top = top_of(harness, text);
    harness
        .query_all_by_label(text)
        .find(|node| node.rect().top() == top)
        .unwrap()
}

/// Brings the topmost node with this label into view and clicks it.
fn click_topmost(harness: &mut Harness<'static, WorkbenchApp>, text: &str) {
    topmost(harness, text).scroll_to_me();
    harness.run();
    topmost(harness, text).click();
    harness.run();
}

/// Clicks a member's name in the members table, which opens the member's editor.
fn open_member(harness: &mut Harness<'static, WorkbenchApp>, name: &str) {
    click_topmost(harness, name);
    assert!(
        harness.query_by_label("Board member").is_some(),
        "the editor opens for {name}"
    );
}

fn click_button(harness: &mut Harness<'static, WorkbenchApp>, label: &str) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, label)
        .click();
    harness.run();
}

#[test]
fn the_seven_members_are_listed_with_the_chair_first_and_the_outgoing_member_marked() {
    let mut harness = harness();
    board_tab(&mut harness);
    for name in MEMBERS {
        assert!(
            harness.query_all_by_label(name).count() >= 2,
            "{name} in the table and the majority"
        );
    }
    assert_shows(
        &harness,
        &["7 members: 1 chair, 1 outgoing, 0 former · voting right: 0 yes, 0 no, 7 unknown"],
        "the board",
    );
    // In the table: one chair, one outgoing member, the rest plain members.
    assert_eq!(harness.query_all_by_label("chair").count(), 1);
    assert_eq!(harness.query_all_by_label("outgoing").count(), 1);
    assert_eq!(harness.query_all_by_label("member").count(), 6);
    let chair_row = top_of(&harness, "chair");
    assert!(
        (top_of(&harness, "Jef De Vrij") - chair_row).abs() < 2.0,
        "Jef De Vrij is the chair"
    );
    let outgoing_row = top_of(&harness, "outgoing");
    assert!(
        (top_of(&harness, "Najim Einauan") - outgoing_row).abs() < 6.0,
        "Najim Einauan is outgoing"
    );

    // The editor says the same.
    let combo = |h: &Harness<'static, WorkbenchApp>, label: &str| {
        h.get_by_role_and_label(egui::accesskit::Role::ComboBox, label)
            .value()
            .unwrap()
    };
    open_member(&mut harness, "Jef De Vrij");
    assert_eq!(combo(&harness, "Role"), "chair");
    assert_eq!(combo(&harness, "Status"), "active");
    open_member(&mut harness, "Najim Einauan");
    assert_eq!(combo(&harness, "Role"), "member");
    assert_eq!(combo(&harness, "Status"), "outgoing");
    harness.get_by_label("Close").click();
    harness.run();

    // As cards: the chair's organisation first, the outgoing member marked, the source below.
    harness.get_by_label("Cards").click();
    harness.run();
    let first_card = MEMBERS
        .iter()
        .map(|name| (top_of(&harness, name), *name))
        .fold((f32::INFINITY, ""), |a, b| if b.0 < a.0 { b } else { a });
    assert_eq!(first_card.1, "Jef De Vrij");
    assert_eq!(harness.query_all_by_label("chair").count(), 1);
    assert_eq!(harness.query_all_by_label("outgoing").count(), 1);
    assert!(harness.query_by_label("Internationaal Comité").is_some());
    assert!(
        harness
            .query_by_label_contains("Source: Schriftelijke vraag nr. 262 van 31 januari 2018")
            .is_some()
    );
}

#[test]
fn voting_rights_read_unknown_and_the_majority_says_it_is_uncertain() {
    let mut harness = harness();
    board_tab(&mut harness);
    // Unknown is never shown as "no": not one "no" on the tab.
    assert_eq!(harness.query_all_by_label("no").count(), 0);
    assert!(
        harness
            .query_by_label_contains("voting right of 7 of 7 members")
            .is_some(),
        "what the sources leave open is listed"
    );
    assert_shows(
        &harness,
        &[
            "7 present: a decision takes between 1 and 4 votes in favour.",
            "Uncertain: the voting right of 7 present members is unknown. If all of them may vote, it takes 4 of 7.",
        ],
        "the majority",
    );

    // Three absent: four present, still uncertain.
    for name in ["Fernando Marzo", "Selamet Belkiran", "Najim Einauan"] {
        let checkbox = harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, name);
        checkbox.scroll_to_me();
        harness.run();
        harness
            .get_by_role_and_label(egui::accesskit::Role::CheckBox, name)
            .click();
        harness.run();
    }
    assert_shows(
        &harness,
        &["4 present: a decision takes between 1 and 3 votes in favour."],
        "the majority of four",
    );

    // Once the four present are known to vote, the number is certain.
    for name in [
        "Jef De Vrij",
        "Hüseyin Aydinli",
        "Christopher Oliha",
        "Miguel Estrada",
    ] {
        open_member(&mut harness, name);
        click_button(&mut harness, "yes");
    }
    let board = organisation(&harness);
    assert_eq!(board.count_voting(VotingRight::Yes), 4);
    assert_shows(
        &harness,
        &["4 present, 4 with a vote: a decision takes 3 votes in favour."],
        "the certain majority",
    );
    assert!(harness.query_by_label_contains("Uncertain").is_none());
}

#[test]
fn ending_a_mandate_makes_the_member_former_and_undo_restores_it() {
    let mut harness = harness();
    board_tab(&mut harness);
    open_member(&mut harness, "Najim Einauan");

    // A day that does not exist is refused in place, and nothing changes.
    type_into(&mut harness, "Last day of the mandate", "31/02/2018");
    assert!(harness.query_by_label_contains("there is no such day").is_some());
    assert_eq!(member_status(&harness, "Najim Einauan"), MemberStatus::Outgoing);
    assert!(!harness.state().document().is_dirty());

    // Typed without Enter, ended with the button.
    field(&harness, "Last day of the mandate").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    field(&harness, "Last day of the mandate").type_text("30/06/2018");
    harness.run();
    click_button(&mut harness, "End mandate");
    assert_eq!(member_status(&harness, "Najim Einauan"), MemberStatus::Former);
    let najim = organisation(&harness);
    let najim = najim.board.iter().find(|m| m.name == "Najim Einauan").unwrap();
    assert_eq!(najim.mandate_end, Some(PartialDate::parse("2018-06-30").unwrap()));
    assert!(harness.query_by_label("30 June 2018").is_some());
    assert!(
        harness
            .query_by_label_contains("7 members: 1 chair, 0 outgoing, 1 former")
            .is_some()
    );
    // A former member no longer counts among those who may be present.
    assert!(
        harness
            .query_by_label("6 present: a decision takes between 1 and 4 votes in favour.")
            .is_some()
    );

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(member_status(&harness, "Najim Einauan"), MemberStatus::Outgoing);
    assert!(
        harness
            .query_by_label_contains("7 members: 1 chair, 1 outgoing, 0 former")
            .is_some()
    );
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn an_end_before_the_start_is_refused_with_the_reason() {
    let mut harness = harness();
    board_tab(&mut harness);
    open_member(&mut harness, "Fernando Marzo");
    type_into(&mut harness, "Mandate from", "1/3/2019");
    let start = |h: &Harness<'static, WorkbenchApp>| {
        organisation(h)
            .board
            .iter()
            .find(|m| m.name == "Fernando Marzo")
            .unwrap()
            .mandate_start
    };
    assert_eq!(start(&harness), Some(PartialDate::parse("2019-03-01").unwrap()));

    type_into(&mut harness, "Mandate until", "2018");
    assert!(
        harness
            .query_by_label("the mandate of Fernando Marzo ends (2018) before it starts (2019-03-01)")
            .is_some()
    );
    type_into(&mut harness, "Last day of the mandate", "28/02/2019");
    click_button(&mut harness, "End mandate");
    assert_eq!(
        harness
            .query_all_by_label(
                "the mandate of Fernando Marzo ends (2019-02-28) before it starts (2019-03-01)"
            )
            .count(),
        1
    );
    assert_eq!(member_status(&harness, "Fernando Marzo"), MemberStatus::Active);
}

/// The bundled dossier with mandate dates for four members, saved in `folder`.
fn dossier_with_dates(folder: &std::path::Path) -> std::path::PathBuf {
    let mut dossier = dossier_workbench::store::bundled().unwrap();
    common::give_mandate_dates(&mut dossier);
    let path = folder.join("met-data.dossier.json");
    dossier_workbench::store::save(&path, &dossier).unwrap();
    path
}

#[test]
fn the_composition_on_a_chosen_day_follows_the_mandates() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness_with(Some(dossier_with_dates(folder.path())), Vec::new());
    board_tab(&mut harness);
    let unknown_three = "The dates do not tell, so listed apart (3): start unknown: Christopher Oliha, Miguel Estrada, Selamet Belkiran";

    type_into(&mut harness, "Day", "1/6/2017");
    assert_shows(
        &harness,
        &[
            "Sat, as the dates show (3): Hüseyin Aydinli, Jef De Vrij, Najim Einauan",
            "Did not sit, as the dates show (1): Fernando Marzo",
            unknown_three,
        ],
        "the board on 1 June 2017",
    );

    type_into(&mut harness, "Day", "1 januari 2020");
    assert_shows(
        &harness,
        &[
            "Sat, as the dates show (3): Fernando Marzo, Jef De Vrij, Najim Einauan",
            "Did not sit, as the dates show (1): Hüseyin Aydinli",
            unknown_three,
        ],
        "the board on 1 January 2020",
    );

    // A day from the calendar: 31 December 2019, Hüseyin Aydinli's last day.
    harness.get_by_label("Calendar").click();
    harness.run();
    harness.get_by_label("<").click();
    harness.run();
    harness.get_by_label("31").click();
    harness.run();
    assert_eq!(
        harness.get_by_label("Day").value().as_deref(),
        Some("31 December 2019")
    );
    assert_shows(
        &harness,
        &["Sat, as the dates show (4): Fernando Marzo, Hüseyin Aydinli, Jef De Vrij, Najim Einauan"],
        "the board on 31 December 2019",
    );

    // Before the founding there is a warning, and nobody sat.
    type_into(&mut harness, "Day", "2016");
    assert!(
        harness.query_by_label_contains("Type a day").is_some(),
        "a year is not a day"
    );
    type_into(&mut harness, "Day", "15/12/2016");
    assert!(
        harness
            .query_by_label("This day is before the founding (31 January 2017).")
            .is_some()
    );
    assert!(harness.query_by_label("Sat, as the dates show: none").is_some());
}

#[test]
fn names_with_letters_beyond_ascii_render_and_sort_by_their_letters() {
    let mut harness = harness();
    board_tab(&mut harness);
    harness.get_by_label("Add member").click();
    harness.run();
    type_into(&mut harness, "Name", "İlker Yıldız");
    assert!(
        organisation(&harness)
            .board
            .iter()
            .any(|m| m.name == "İlker Yıldız")
    );
    // Every letter has a glyph in the fonts the window draws with: no empty boxes.
    for style in [egui::TextStyle::Body, egui::TextStyle::Heading] {
        let font = style.resolve(&harness.ctx.global_style());
        let drawn = harness
            .ctx
            .fonts_mut(|fonts| fonts.has_glyphs(&font, "İlker Yıldız Hüseyin Aydinli ëéçö"));
        assert!(drawn, "{style:?} draws İ, ı, ü");
    }
    harness.get_by_label("Close").click();
    harness.run();

    click_topmost(&mut harness, "Name");
    let mut names: Vec<&str> = MEMBERS.to_vec();
    names.push("İlker Yıldız");
    names.sort_by(|a, b| top_of(&harness, a).total_cmp(&top_of(&harness, b)));
    assert_eq!(
        names,
        [
            "Christopher Oliha",
            "Fernando Marzo",
            "Hüseyin Aydinli",
            "İlker Yıldız",
            "Jef De Vrij",
            "Miguel Estrada",
            "Najim Einauan",
            "Selamet Belkiran",
        ]
    );
    // Descending is the same order turned round.
    click_topmost(&mut harness, "Name");
    assert!(top_of(&harness, "Jef De Vrij") < top_of(&harness, "İlker Yıldız"));
    assert!(top_of(&harness, "İlker Yıldız") < top_of(&harness, "Hüseyin Aydinli"));

    // Grouped by status, the new member sits with the active ones, above the outgoing.
    click_topmost(&mut harness, "Name");
    harness.get_by_role(egui::accesskit::Role::ComboBox).click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Status")
        .click();
    harness.run();
    assert_shows(&harness, &["active (7)", "outgoing (1)"], "the groups");
    assert!(top_of(&harness, "İlker Yıldız") < top_of(&harness, "outgoing (1)"));
}

#[test]
fn partners_are_edited_and_removed_with_undo() {
    let mut harness = harness();
    board_tab(&mut harness);
    click_topmost(&mut harness, "Voka");
    assert!(harness.query_by_label("Partner").is_some());
    type_into(&mut harness, "Joined", "lente 2018");
    let joined = |h: &Harness<'static, WorkbenchApp>| {
        organisation(h)
            .partners
            .iter()
            .find(|p| p.name == "Voka")
            .and_then(|p| p.joined)
    };
    assert_eq!(joined(&harness), Some(PartialDate::parse("2018-spring").unwrap()));
    assert!(harness.query_by_label("spring 2018").is_some());

    harness.get_by_label("Remove partner").click();
    harness.run();
    harness.get_by_label("Delete").click();
    harness.run();
    assert_eq!(organisation(&harness).partners.len(), 8);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(organisation(&harness).partners.len(), 9);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(joined(&harness), None);
    assert!(!harness.state().document().is_dirty());
}

/// At the app's own window size (1400x900, smaller than a 1600x1000 screen) the board
/// tab opens on its members: every member's row is within the window without scrolling,
/// and the organisation's long texts wait, folded, under the members.
#[test]
fn the_board_opens_on_its_members() {
    let mut harness = harness();
    harness.get_by_label("Board").click();
    harness.run();
    let window_bottom = 900.0;
    for name in MEMBERS {
        // The first place the name stands: the members table.
        let bottom = harness
            .query_all_by_label(name)
            .filter_map(|node| node.accesskit_node().bounding_box())
            .map(|r| r.y1)
            .fold(f64::INFINITY, f64::min);
        assert!(bottom < window_bottom, "{name} is below the fold, at {bottom}");
    }
    let about = "Purpose, decisions and choice of members";
    assert!(
        harness
            .query_by_label_contains("De koepelstructuur staat in voor")
            .is_none()
    );
    harness.get_by_label(about).click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("De koepelstructuur staat in voor")
            .is_some()
    );
}
