//! Presenting, driven headless through accessible names: full screen and large type,
//! nothing editable, the keyboard alone to step through the tabs or the saved slides.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;

use common::ui::*;
use dossier_workbench::model::slide::SlideTab;
use dossier_workbench::ui::Tab;
use dossier_workbench::ui::app::WorkbenchApp;
use egui::{Key, Modifiers, ViewportCommand, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// The full-screen commands the app sent to the window in the last frame.
fn fullscreen_commands(harness: &Harness<'static, WorkbenchApp>) -> Vec<bool> {
    harness
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .map(|viewport| {
            viewport
                .commands
                .iter()
                .filter_map(|command| match command {
                    ViewportCommand::Fullscreen(on) => Some(*on),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn f5_presents_full_screen_without_menus_and_esc_leaves_as_before() {
    let mut harness = harness();
    harness.set_size(egui::vec2(1920.0, 1080.0));
    // The key down alone: one event, so the frame it acts in is the last one.
    harness.key_down(Key::F5);
    harness.step();
    assert_eq!(
        fullscreen_commands(&harness),
        [true],
        "presenting goes full screen"
    );
    harness.key_up(Key::F5);
    harness.run();
    assert!(harness.state().is_presenting());
    // Readable from the back of a meeting room: body text of at least 28 pixels.
    let body =
        harness.ctx.global_style().text_styles[&egui::TextStyle::Body].size * harness.ctx.pixels_per_point();
    assert!(body >= 28.0, "body text of {body} px");
    assert_eq!(
        harness.ctx.global_style().visuals.override_text_color,
        Some(egui::Color32::BLACK),
        "black on white"
    );
    assert!(harness.query_by_label("File").is_none(), "no menu");
    assert!(harness.query_by_label("Saved").is_none(), "no status bar");
    assert_shows(
        &harness,
        &[
            "Timeline · Page Down shows slide 1 of 4",
            "Page Down or Right: next · Page Up or Left: back · Esc: stop presenting",
        ],
        "the presentation's footer",
    );
    harness.key_down(Key::Escape);
    harness.step();
    assert_eq!(fullscreen_commands(&harness), [false], "and back to a window");
    harness.key_up(Key::Escape);
    harness.run();
    assert!(!harness.state().is_presenting());
    assert!(harness.query_by_label("File").is_some());
}

#[test]
fn without_slides_the_keys_step_through_the_tabs_with_the_date_of_the_figures() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("zonder dia's.dossier.json");
    let mut dossier = dossier_workbench::store::bundled().unwrap();
    dossier.slides.clear();
    dossier_workbench::store::save(&path, &dossier).unwrap();
    let mut harness = harness_with(Some(path), Vec::new());
    // A full HD projector: the AMIF table and its total fit on one screen.
    harness.set_size(egui::vec2(1920.0, 1080.0));
    press(&mut harness, Modifiers::NONE, Key::F5);
    press(&mut harness, Modifiers::NONE, Key::PageDown);
    assert_eq!(harness.state().tab(), Tab::Budget);
    assert_shows(
        &harness,
        &[
            "Budget (2 of 4)",
            "Figures as stated in the answer to Q26, 7 November 2019",
            "12.968.183,29",
        ],
        "the budget slide",
    );
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    assert_eq!(harness.state().tab(), Tab::Board);
    press(&mut harness, Modifiers::NONE, Key::PageDown);
    assert_eq!(harness.state().tab(), Tab::Indicators);
    assert_shows(
        &harness,
        &["Measured on 31 December 2018"],
        "the indicators slide",
    );
    press(&mut harness, Modifiers::NONE, Key::PageDown);
    assert_eq!(harness.state().tab(), Tab::Indicators, "the last stays the last");
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    assert_eq!(harness.state().tab(), Tab::Board);
    press(&mut harness, Modifiers::NONE, Key::Home);
    assert_eq!(harness.state().tab(), Tab::Timeline);
}

#[test]
fn nothing_is_edited_by_accident_while_presenting() {
    let mut harness = harness();
    rename(&mut harness, "Integratiepact, herzien");
    press(&mut harness, Modifiers::COMMAND, Key::Num2);
    press(&mut harness, Modifiers::NONE, Key::F5);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        harness.state().document().dossier().title,
        "Integratiepact, herzien",
        "undo does not change what is on screen"
    );
    harness.get_by_label("659.219,12").click();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    press(&mut harness, Modifiers::NONE, Key::Delete);
    assert!(harness.query_by_label("Cell").is_none(), "no cell editor");
    assert!(harness.query_by_label("Add row").is_none(), "no edit controls");
    let first = &harness.state().document().dossier().budget_tables[0].rows[0].cells[2];
    assert_eq!(first.shown_text(), "659.219,12");
}

#[test]
fn slides_keep_a_view_in_the_dossier_and_the_keys_step_through_them() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("met dia's.dossier.json");
    let mut dossier = dossier_workbench::store::bundled().unwrap();
    dossier.slides.clear();
    dossier_workbench::store::save(&path, &dossier).unwrap();
    let mut harness = harness_with(Some(path.clone()), Vec::new());
    // The AMIF table sorted by its AMIF amounts, largest first.
    press(&mut harness, Modifiers::COMMAND, Key::Num2);
    harness.get_by_label("AMIF-middelen in euro").click();
    harness.run();
    harness.get_by_label("AMIF-middelen in euro").click();
    harness.run();
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Add this view as a slide").click();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::Num4);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Add this view as a slide").click();
    harness.run();
    let slides = harness.state().document().dossier().slides.clone();
    assert_eq!(slides.len(), 2);
    assert_eq!(slides[0].tab, SlideTab::Budget);
    assert_eq!(
        slides[0].name,
        "AMIF-projecten, Vlaamse luik van het AMIF-programma 2014-2020"
    );
    assert_eq!(slides[0].view.sort.as_deref(), Some("Data(2)"));
    assert!(slides[0].view.descending);
    assert_eq!(slides[1].tab, SlideTab::Indicators);

    // Renamed in the Slides window, one undoable edit.
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Slides…").click();
    harness.run();
    type_into(&mut harness, "Slide 2", "Doelen en resultaten");
    assert_eq!(
        harness.state().document().dossier().slides[1].name,
        "Doelen en resultaten"
    );

    // Back to an unsorted timeline, then present: the slides, in order, as they were kept.
    press(&mut harness, Modifiers::COMMAND, Key::Num1);
    press(&mut harness, Modifiers::NONE, Key::F5);
    press(&mut harness, Modifiers::NONE, Key::PageDown);
    assert_eq!(harness.state().tab(), Tab::Budget);
    assert_shows(
        &harness,
        &["Slide 1 of 2: AMIF-projecten, Vlaamse luik van het AMIF-programma 2014-2020"],
        "the first slide",
    );
    let first_row = harness.get_by_label("2.301.031,90").rect().top();
    let second_row = harness.get_by_label("2.070.992,75").rect().top();
    assert!(first_row < second_row, "sorted by AMIF amount, largest first");
    press(&mut harness, Modifiers::NONE, Key::PageDown);
    assert_eq!(harness.state().tab(), Tab::Indicators);
    assert_shows(
        &harness,
        &["Slide 2 of 2: Doelen en resultaten"],
        "the second slide",
    );
    press(&mut harness, Modifiers::NONE, Key::PageUp);
    assert_eq!(harness.state().tab(), Tab::Budget);
    press(&mut harness, Modifiers::NONE, Key::Escape);

    // Kept in the file.
    press(&mut harness, Modifiers::COMMAND, Key::S);
    let saved = dossier_workbench::store::load(&path).unwrap();
    assert_eq!(saved.slides, harness.state().document().dossier().slides);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        harness.state().document().dossier().slides[1].name,
        "Indicators",
        "undo takes the renaming back"
    );
}

#[test]
fn the_bundled_dossier_presents_its_slides_with_the_keyboard_alone() {
    let mut harness = harness();
    harness.set_size(egui::vec2(1920.0, 1080.0));
    // Going back before any slide starts from the last.
    press(&mut harness, Modifiers::NONE, Key::F5);
    press(&mut harness, Modifiers::NONE, Key::PageUp);
    assert_shows(
        &harness,
        &["Slide 4 of 4: Doelen en resultaten op 31/12/2018"],
        "back from the start",
    );
    press(&mut harness, Modifiers::NONE, Key::Escape);
    press(&mut harness, Modifiers::NONE, Key::F5);
    let mut shown = Vec::new();
    for _ in 0..4 {
        press(&mut harness, Modifiers::NONE, Key::PageDown);
        shown.push(harness.state().tab());
    }
    assert_eq!(shown, [Tab::Budget, Tab::Budget, Tab::Board, Tab::Indicators]);
    assert_shows(
        &harness,
        &[
            "Slide 4 of 4: Doelen en resultaten op 31/12/2018",
            "Measured on 31 December 2018",
        ],
        "the last slide",
    );
    press(&mut harness, Modifiers::NONE, Key::Home);
    assert_shows(
        &harness,
        &[
            "Slide 1 of 4: AMIF-projecten, grootste bedrag eerst",
            "12.968.183,29",
            "4.492.344,81",
        ],
        "the first slide, with its totals on screen",
    );
    press(&mut harness, Modifiers::NONE, Key::End);
    assert_eq!(
        harness.state().tab(),
        Tab::Indicators,
        "End goes to the last slide"
    );
}

/// Esc puts every tab back as it was before presenting: a slide's sort and table stay
/// on the slide.
#[test]
fn esc_puts_the_views_back_as_they_were() {
    let mut harness = harness();
    harness.get_by_label("Budget").click();
    harness.run();
    let y =
        |harness: &Harness<'static, WorkbenchApp>, label: &str| harness.get_by_label(label).rect().center().y;
    assert!(
        y(&harness, "659.219,12") < y(&harness, "2.301.031,90"),
        "the source's order"
    );
    press(&mut harness, Modifiers::NONE, Key::F5);
    // The bundled dossier's first slide is the AMIF table, largest amount first.
    press(&mut harness, Modifiers::NONE, Key::PageDown);
    assert!(
        y(&harness, "2.301.031,90") < y(&harness, "659.219,12"),
        "the slide's sort"
    );
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!harness.state().is_presenting());
    assert_eq!(harness.state().tab(), Tab::Budget);
    assert!(
        y(&harness, "659.219,12") < y(&harness, "2.301.031,90"),
        "back in the source's order"
    );
}
