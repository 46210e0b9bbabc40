//! Indicators: the bundled figures of question 271, the dashboard's sums and extremes,
//! and indicator edits with undo.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;

use std::str::FromStr;

use common::{apply_and_round_trip, bundled};
use dossier_workbench::model::calendar::PartialDate;
use dossier_workbench::model::dossier::{IndicatorId, MeasurementId};
use dossier_workbench::model::edit::{Edit, EditError};
use dossier_workbench::model::indicator::{Dashboard, Figures, Indicator, Measurement, Status, Thresholds};
use rust_decimal::Decimal;

fn decimal(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

#[test]
fn the_eleven_bundled_indicators_have_the_achievement_and_status_of_the_answer() {
    let dossier = bundled();
    let thresholds = dossier.settings.indicator_thresholds;
    assert_eq!(thresholds, Thresholds::default());
    // Target, actual on 31/12/2018, achievement rounded to two places, status.
    let expected = [
        (300, 300, "100.00", Status::Met),
        (150, 155, "103.33", Status::Met),
        (80, 63, "78.75", Status::Close),
        (15, 21, "140.00", Status::Met),
        (15, 11, "73.33", Status::Behind),
        (50, 33, "66.00", Status::Behind),
        (5, 32, "640.00", Status::Met),
        (15, 32, "213.33", Status::Met),
        (20, 8, "40.00", Status::Behind),
        (30, 46, "153.33", Status::Met),
        (30, 47, "156.67", Status::Met),
    ];
    assert_eq!(dossier.indicators.len(), expected.len());
    for (indicator, (target, actual, percent, status)) in dossier.indicators.iter().zip(expected) {
        let figures = Figures::of(indicator, thresholds);
        let name = &indicator.engagement_type;
        assert_eq!(figures.target, Some(Decimal::from(target)), "{name}");
        assert_eq!(figures.actual, Some(Decimal::from(actual)), "{name}");
        assert_eq!(
            figures.measured,
            Some(PartialDate::parse("2018-12-31").unwrap()),
            "{name}"
        );
        assert_eq!(figures.percent.unwrap().round_dp(2), decimal(percent), "{name}");
        assert_eq!(figures.status, Some(status), "{name}");
        assert_eq!(figures.difference, Some(Decimal::from(actual - target)), "{name}");
    }
    // 63 of 80 is exactly 78,75 %, not a float near it.
    let workshops = Figures::of(&dossier.indicators[2], thresholds);
    assert_eq!(workshops.percent, Some(decimal("78.75")));

    let dashboard = Dashboard::of(&dossier.indicators, thresholds);
    assert_eq!(dashboard.target_total, Some(Decimal::from(710)));
    assert_eq!(dashboard.actual_total, Some(Decimal::from(748)));
    assert_eq!(
        (
            dashboard.met,
            dashboard.close,
            dashboard.behind,
            dashboard.unrated
        ),
        (7, 1, 3, 0)
    );
    let name = |index: Option<usize>| dossier.indicators[index.unwrap()].engagement_type.as_str();
    assert!(name(dashboard.biggest_shortfall).starts_with("Ondernemen actie buiten"));
    assert_eq!(
        name(dashboard.biggest_overshoot),
        "Opnemen van een ambassadeursrol"
    );
    let day = PartialDate::parse("2018-12-31").unwrap();
    assert_eq!(dashboard.measured, Some((day, day)));

    // Other thresholds, other statuses: at 70 % the klankbordgroep (73,33 %) is close.
    let lenient = Thresholds {
        met: Decimal::from(100),
        close: Decimal::from(70),
    };
    let dashboard = Dashboard::of(&dossier.indicators, lenient);
    assert_eq!((dashboard.met, dashboard.close, dashboard.behind), (7, 2, 2));
}

#[test]
fn indicators_and_measurements_are_edited_with_undo() {
    let mut dossier = bundled();
    let id = IndicatorId(dossier.next_id);
    let indicator = Indicator {
        target: Some(Decimal::from(12)),
        unit: "actoren".into(),
        ..Indicator::new(id, "Nieuw engagement")
    };
    apply_and_round_trip(
        &mut dossier,
        Edit::InsertIndicator {
            index: 11,
            indicator: Box::new(indicator.clone()),
        },
    );
    assert_eq!(dossier.indicators.len(), 12);

    let mut measured = indicator;
    measured.measurements.push(Measurement {
        id: MeasurementId(dossier.next_id),
        date: PartialDate::parse("2019-12-31").unwrap(),
        value: Decimal::from(9),
        source: None,
    });
    apply_and_round_trip(&mut dossier, Edit::ReplaceIndicator(Box::new(measured)));
    let figures = Figures::of(&dossier.indicators[11], dossier.settings.indicator_thresholds);
    assert_eq!(figures.percent, Some(Decimal::from(75)));
    assert_eq!(figures.status, Some(Status::Close));

    apply_and_round_trip(&mut dossier, Edit::RemoveIndicator(id));
    assert_eq!(dossier.indicators.len(), 11);
}

#[test]
fn impossible_indicators_are_refused_and_the_dossier_kept() {
    let mut dossier = bundled();
    let before = dossier.clone();
    let mut negative = dossier.indicators[0].clone();
    negative.target = Some(Decimal::from(-1));
    let error = Edit::ReplaceIndicator(Box::new(negative))
        .apply(&mut dossier)
        .unwrap_err();
    assert!(error.to_string().contains("is below zero"), "{error}");

    // A measurement may not take an id the dossier uses elsewhere.
    let mut clash = dossier.indicators[0].clone();
    let taken = dossier.indicators[1].measurements[0].id;
    clash.measurements[0].id = taken;
    let error = Edit::ReplaceIndicator(Box::new(clash))
        .apply(&mut dossier)
        .unwrap_err();
    assert_eq!(error, EditError::IdInUse(taken.0));
    assert!(dossier == before);
}

/// A target beyond what the totals can hold exactly does not bring the app down: the
/// totals say so, and summary, the HTML report and the PDF are still made.
#[test]
fn a_huge_target_is_held_and_its_total_said_too_large() {
    let mut dossier = dossier_workbench::store::bundled().unwrap();
    for indicator in &mut dossier.indicators[..3] {
        indicator.target = Some(Decimal::from_str_exact("50000000000000000000000000000").unwrap());
    }
    let dashboard = Dashboard::of(&dossier.indicators, dossier.settings.indicator_thresholds);
    assert_eq!(dashboard.target_total, None, "too large to add up");
    assert!(dashboard.actual_total.is_some());
    let summary = dossier_workbench::export::summary::summary(&dossier);
    assert!(summary.contains("too large to add up"), "{summary}");
    let language = dossier_workbench::i18n::Language::Dutch;
    let day = jiff::civil::Date::constant(2026, 12, 1);
    let html = dossier_workbench::export::html::report(&dossier, language, day);
    assert!(html.contains("te groot om op te tellen"));
    let parts = dossier_workbench::export::pdf::Part::ALL;
    assert!(dossier_workbench::export::pdf::print(&dossier, &parts, language, day).is_ok());
}
