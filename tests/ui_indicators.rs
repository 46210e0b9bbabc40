//! The indicator dashboard, driven headless through accessible names with egui_kittest.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;

use std::path::{Path, PathBuf};

use common::ui::*;
use dossier_workbench::model::Dossier;
use dossier_workbench::model::calendar::PartialDate;
use dossier_workbench::model::dossier::{IndicatorId, MeasurementId};
use dossier_workbench::model::indicator::{Indicator, Measurement};
use dossier_workbench::ui::app::WorkbenchApp;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use rust_decimal::Decimal;

const TYPES: [&str; 11] = [
    "Interesse tonen via één-op-één ontmoetingen",
    "Bijwonen bijeenkomsten van het Integratiepact – breed draagvlak",
    "Deelname aan een workshop",
    "Deelname aan een regiegroep",
    "Deelname aan de klankbordgroep",
    "Ondertekenen van een engagementsverklaring",
    "Opnemen van een ambassadeursrol",
    "Ondernemen actie binnen ‘oproep IP’ en ondersteuning vragen van het Integratiepact",
    "Ondernemen actie buiten ‘oproep IP’ en ondersteuning vragen van het Integratiepact",
    "Zichtbaar maken van de deelname aan het Integratiepact op de website",
    "Aanreiken van intiatieven die de veerkrachtige samenleving aanschouwelijk",
];

/// Opens the indicators tab in a window large enough for the table, the chart and the
/// editor side by side.
fn indicators_tab(harness: &mut Harness<'static, WorkbenchApp>) {
    harness.set_size(egui::vec2(1800.0, 2400.0));
    harness.get_by_label("Indicators").click();
    harness.run();
}

fn open_indicator(harness: &mut Harness<'static, WorkbenchApp>, name: &str) {
    harness.query_all_by_label(name).next().unwrap().click();
    harness.run();
    assert!(
        harness.query_by_label("Indicator").is_some(),
        "the editor opens for {name}"
    );
}

/// The bundled dossier with other indicators, saved in `folder`.
fn dossier_with(folder: &Path, indicators: Vec<Indicator>) -> PathBuf {
    let mut dossier: Dossier = dossier_workbench::store::bundled().unwrap();
    dossier.indicators = indicators;
    dossier.next_id = dossier.max_id() + 1;
    let path = folder.join("indicatoren.dossier.json");
    dossier_workbench::store::save(&path, &dossier).unwrap();
    path
}

fn measured(id: u64, name: &str, target: Option<i64>, values: &[(&str, i64)]) -> Indicator {
    Indicator {
        target: target.map(Decimal::from),
        unit: "actoren".into(),
        measurements: values
            .iter()
            .enumerate()
            .map(|(n, (date, value))| Measurement {
                id: MeasurementId(id * 1000 + n as u64 + 1),
                date: PartialDate::parse(date).unwrap(),
                value: Decimal::from(*value),
                source: None,
            })
            .collect(),
        ..Indicator::new(IndicatorId(id * 1000), name)
    }
}

/// No percentage that is not a number, whatever the figures.
fn assert_no_nonsense(harness: &Harness<'static, WorkbenchApp>, place: &str) {
    for nonsense in ["NaN", "inf", "∞"] {
        assert!(
            harness.query_by_label_contains(nonsense).is_none(),
            "{place} shows {nonsense}"
        );
    }
}

#[test]
fn the_table_lists_the_eleven_types_with_their_figures_and_totals() {
    let mut harness = harness();
    indicators_tab(&mut harness);
    for name in TYPES {
        assert!(
            harness.query_all_by_label(name).next().is_some(),
            "the table lists {name}"
        );
    }
    assert_shows(
        &harness,
        &[
            "78,75 %",
            "640,00 %",
            "40,00 %",
            "Total (rough)",
            "7 of 11 met, 1 close, 3 behind",
            "710",
            "748",
            "+38",
            "105,35 %",
            "The total adds up different kinds of engagement: read it as a rough figure only.",
            // The key figures.
            "Furthest below target",
            "8 of 20 · 40,00 %",
            "Furthest above target",
            "32 of 5 · 640,00 %",
            "31 December 2018",
        ],
        "the dashboard",
    );
    assert_eq!(
        harness.query_all_by_label("met").count(),
        7 + 1,
        "seven chips and the key figure"
    );
    assert_eq!(harness.query_all_by_label("behind").count(), 3 + 1);
    assert!(
        harness
            .query_by_label_contains("Source: Schriftelijke vraag nr. 271 van 26 februari 2019")
            .is_some()
    );

    // Sorted by achievement, the 40 % stands first and 640 % last.
    harness.get_by_label("Achievement").click();
    harness.run();
    let top = |h: &Harness<'static, WorkbenchApp>, text: &str| h.get_by_label(text).rect().top();
    assert!(top(&harness, "40,00 %") < top(&harness, "66,00 %"));
    assert!(top(&harness, "156,67 %") < top(&harness, "640,00 %"));
    harness.get_by_label("Achievement").click();
    harness.run();
    assert!(top(&harness, "640,00 %") < top(&harness, "40,00 %"));
}

#[test]
fn editing_an_actual_updates_its_percentage_and_status_and_undo_restores_them() {
    let mut harness = harness();
    indicators_tab(&mut harness);
    open_indicator(&mut harness, "Deelname aan een workshop");
    assert!(harness.query_by_label("78,75 %").is_some());

    // A number that does not read is refused in place; the old value stays.
    type_into(&mut harness, "Value", "6,3,0");
    assert!(harness.query_by_label("78,75 %").is_some());
    assert!(!harness.state().document().is_dirty());
    assert_eq!(
        harness
            .query_all(egui_kittest::kittest::By::new().label_contains("6,3,0"))
            .count(),
        0,
        "the reason, not the input, is what shows"
    );
    assert!(harness.state().document().dossier().indicators[2].measurements[0].value == Decimal::from(63));

    type_into(&mut harness, "Value", "80");
    assert!(harness.query_by_label("78,75 %").is_none());
    assert_eq!(harness.query_all_by_label("100,00 %").count(), 2);
    assert_shows(
        &harness,
        &["8 of 11 met, 0 close, 3 behind", "765"],
        "after the edit",
    );

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_shows(
        &harness,
        &["78,75 %", "7 of 11 met, 1 close, 3 behind", "748"],
        "after undo",
    );
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn a_number_that_does_not_read_keeps_the_old_target_and_says_why() {
    let mut harness = harness();
    indicators_tab(&mut harness);
    open_indicator(&mut harness, "Deelname aan een workshop");
    type_into(&mut harness, "Target", "tachtig");
    assert_eq!(
        harness.state().document().dossier().indicators[2].target,
        Some(Decimal::from(80))
    );
    assert!(!harness.state().document().is_dirty());
    assert!(
        harness
            .query_by_label("not a number: 't' does not belong in an amount")
            .is_some(),
        "the field says why"
    );

    type_into(&mut harness, "Target", "-4");
    assert!(harness.query_by_label("A count cannot be below zero.").is_some());
    type_into(&mut harness, "Target", "70");
    assert_eq!(harness.query_all_by_label("90,00 %").count(), 1);
}

#[test]
fn thresholds_are_dossier_settings_edited_with_undo() {
    let mut harness = harness();
    indicators_tab(&mut harness);
    type_into(&mut harness, "Close from", "70");
    assert_shows(&harness, &["7 of 11 met, 2 close, 2 behind"], "at 70 %");
    assert_eq!(
        harness
            .state()
            .document()
            .dossier()
            .settings
            .indicator_thresholds
            .close,
        Decimal::from(70)
    );
    type_into(&mut harness, "Close from", "120");
    assert!(
        harness
            .query_by_label("“Close” cannot start above “met”.")
            .is_some()
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_shows(&harness, &["7 of 11 met, 1 close, 3 behind"], "after undo");
}

#[test]
fn indicators_and_measurements_are_added_and_removed_and_the_trend_shows() {
    let mut harness = harness();
    indicators_tab(&mut harness);
    open_indicator(&mut harness, "Deelname aan een workshop");
    assert!(
        harness.query_by_label("Trend").is_none(),
        "one measurement each: no trend yet"
    );
    type_into(&mut harness, "Date measured", "30/06/2019");
    type_into(&mut harness, "Value measured", "85");
    let workshop = |h: &Harness<'static, WorkbenchApp>| h.state().document().dossier().indicators[2].clone();
    assert_eq!(workshop(&harness).measurements.len(), 2);
    assert_eq!(workshop(&harness).latest().unwrap().value, Decimal::from(85));
    assert!(
        harness.query_by_label("Trend").is_some(),
        "the table has a trend column"
    );
    assert_eq!(harness.query_all_by_label("30 June 2019").count(), 1);
    assert_shows(&harness, &["106,25 %"], "the latest measurement counts");

    // A measurement without a readable value is refused with the field named.
    type_into(&mut harness, "Value measured", "veel");
    assert!(harness.query_by_label_contains("Value measured:").is_some());
    assert_eq!(workshop(&harness).measurements.len(), 2);

    let remove = harness.query_all_by_label("Remove measurement").nth(1).unwrap();
    remove.click();
    harness.run();
    assert_eq!(workshop(&harness).measurements.len(), 1);
    assert_shows(&harness, &["78,75 %"], "back to one measurement");

    harness.get_by_label("Add indicator").click();
    harness.run();
    assert_eq!(harness.state().document().dossier().indicators.len(), 12);
    type_into(&mut harness, "Engagement type", "Deelname aan een infosessie");
    assert!(harness.query_by_label("Deelname aan een infosessie").is_some());
    harness.get_by_label("Remove indicator").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Delete").click();
    harness.run();
    assert_eq!(harness.state().document().dossier().indicators.len(), 11);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().document().dossier().indicators.len(), 12);
}

#[test]
fn the_chart_renders_for_none_one_and_two_hundred_indicators_and_a_target_of_zero() {
    let folder = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<Indicator>)> = vec![
        ("none", Vec::new()),
        ("one", vec![measured(1, "Enige", Some(10), &[("2018-12-31", 4)])]),
        (
            "two hundred",
            (1..=200)
                .map(|n| {
                    measured(
                        n,
                        &format!("Engagement {n:03}"),
                        Some(n as i64),
                        &[
                            ("2018-12-31", (n * 7 % 300) as i64),
                            ("2019-12-31", (n * 3) as i64),
                        ],
                    )
                })
                .collect(),
        ),
        (
            "a target of zero",
            vec![
                measured(1, "Zonder doel", Some(0), &[("2018-12-31", 5)]),
                measured(2, "Nul van nul", Some(0), &[("2018-12-31", 0)]),
                measured(3, "Niet gemeten", Some(10), &[]),
            ],
        ),
    ];
    for (case, indicators) in cases {
        let count = indicators.len();
        let path = dossier_with(folder.path(), indicators);
        let mut harness = harness_with(Some(path), Vec::new());
        indicators_tab(&mut harness);
        assert_no_nonsense(&harness, case);
        match count {
            0 => assert!(
                harness
                    .query_by_label("This dossier has no indicators.")
                    .is_some()
            ),
            _ => assert!(
                harness
                    .query_by_label("Target and actual per engagement type")
                    .is_some(),
                "{case}: the chart is there"
            ),
        }
        if case == "a target of zero" {
            assert_eq!(harness.query_all_by_label("no target").count(), 2, "{case}");
            assert!(harness.query_by_label_contains("3 without a status").is_some());
            assert!(harness.query_by_label("not measured").is_some());
        }
        // And on the projector.
        press(&mut harness, Modifiers::NONE, Key::F5);
        assert_no_nonsense(&harness, case);
        press(&mut harness, Modifiers::NONE, Key::Escape);
    }
}

#[test]
fn presenting_shows_the_key_figures_and_the_chart_without_the_table() {
    let mut harness = harness();
    indicators_tab(&mut harness);
    press(&mut harness, Modifiers::NONE, Key::F5);
    assert_shows(
        &harness,
        &["Furthest below target", "8 of 20 · 40,00 %", "31 December 2018"],
        "the key figures",
    );
    assert!(harness.query_by_label("Total (rough)").is_none(), "no table");
    assert!(harness.query_by_label("Add indicator").is_none(), "no editing");
    assert!(
        harness
            .query_by_label_contains("Source: Schriftelijke vraag nr. 271")
            .is_some()
    );
}

#[test]
fn a_chart_export_that_gets_no_picture_says_so_and_writes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("grafiek.png");
    let mut harness = harness_with(
        None,
        vec![dossier_workbench::ui::files::Picked::Chosen(target.clone())],
    );
    indicators_tab(&mut harness);
    harness.get_by_label("Export chart as PNG…").click();
    // The chart stands alone while the picture is taken; a headless window never
    // delivers one, so after a while the export gives up and says why.
    harness.run_steps(3);
    assert!(
        harness.query_by_label("Total (rough)").is_none(),
        "the chart alone"
    );
    harness.run_steps(400);
    harness.run();
    assert!(harness.query_by_label("The export failed").is_some());
    assert!(
        harness
            .query_by_label("The window did not deliver a picture of the chart.")
            .is_some()
    );
    assert!(!target.exists());
}

/// A file whose targets are beyond any budget is refused when opened, with the line of
/// each figure; the dossier that was open stays.
#[test]
fn targets_beyond_the_bound_are_refused_with_their_line() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("huge.dossier.json");
    let mut dossier = dossier_workbench::store::bundled().unwrap();
    for indicator in &mut dossier.indicators[..3] {
        indicator.target = Some(Decimal::from_str_exact("50000000000000000000000000000").unwrap());
    }
    dossier_workbench::store::save(&path, &dossier).unwrap();
    let mut harness = harness_with(Some(path), Vec::new());
    harness.run();
    assert!(
        harness
            .query_by_label_contains("breaks 3 of the rules of a dossier")
            .is_some()
    );
    assert!(harness.query_by_label_contains("holds a figure beyond").is_some());
    assert!(harness.query_by_label_contains("- line ").is_some());
}
