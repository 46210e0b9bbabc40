//! Extreme figures through everything a file reaches: load, the summary, every export
//! and every tab's frame. Within the bound they are shown exactly or said to be too
//! large; beyond it the file is refused with its place. Nothing panics.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;

use common::ui::*;
use dossier_workbench::export::csv::Delimiter;
use dossier_workbench::export::pdf::{Part, print};
use dossier_workbench::export::{html, sheet, summary};
use dossier_workbench::i18n::Language;
use dossier_workbench::model::budget::{CellValue, ColumnKind};
use dossier_workbench::model::money::Money;
use dossier_workbench::model::{Dossier, MAGNITUDE_LIMIT, ProblemKind};
use dossier_workbench::store::{self, LoadError};
use dossier_workbench::ui::Tab;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Figures at and around the edges: the bound either side, the smallest fraction a
/// decimal holds, the largest it holds at all, zero, and ones in between.
fn extreme() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(MAGNITUDE_LIMIT),
        Just(-MAGNITUDE_LIMIT),
        Just(Decimal::new(1, 28)),
        Just(Decimal::new(-1, 28)),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::ZERO),
        Just(MAGNITUDE_LIMIT - Decimal::new(1, 2)),
        (any::<i64>(), 0_u32..=28).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale)),
    ]
}

/// The bundled dossier with `figures` in every amount, target and measurement, over and
/// over; and as whole numbers in a table of its own.
fn with_figures(figures: &[Decimal]) -> Dossier {
    let mut dossier = store::bundled().unwrap();
    let mut next = figures.iter().cycle().copied();
    for table in &mut dossier.budget_tables {
        let kinds: Vec<ColumnKind> = table.columns.iter().map(|c| c.kind).collect();
        for row in &mut table.rows {
            for (cell, kind) in row.cells.iter_mut().zip(&kinds) {
                let figure = next.next().unwrap();
                cell.value = match kind {
                    // An amount has at most two decimals; one too long for an amount at
                    // all is refused by the amount's own reader, tested with it.
                    ColumnKind::Money => Money::new(figure.round_dp(2)).ok().map(CellValue::Money),
                    ColumnKind::Integer => {
                        Some(CellValue::Integer(figure.trunc().try_into().unwrap_or(i64::MAX)))
                    }
                    ColumnKind::Percent => Some(CellValue::Percent(figure)),
                    _ => cell.value.take(),
                };
            }
        }
    }
    for indicator in &mut dossier.indicators {
        indicator.target = Some(next.next().unwrap().abs());
        for measurement in &mut indicator.measurements {
            measurement.value = next.next().unwrap().abs();
        }
    }
    dossier
}

/// The file of `dossier` opened as a user opens it: either it opens, or it is refused
/// for figures beyond the bound and nothing else.
fn opened(dossier: &Dossier) -> Option<Dossier> {
    let bytes = store::to_bytes(dossier).unwrap();
    match store::load_bytes(&bytes, "extreme.dossier.json") {
        Ok(dossier) => Some(dossier),
        Err(LoadError::Inconsistent { problems, .. }) => {
            assert!(
                problems
                    .iter()
                    .all(|p| p.problem.kind == ProblemKind::OutOfBounds),
                "{problems:?}"
            );
            assert!(
                problems
                    .iter()
                    .take(store::PROBLEMS_SHOWN)
                    .all(|p| p.position.is_some())
            );
            None
        }
        Err(other) => panic!("refused for another reason: {other}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn extreme_figures_go_through_the_summary_and_every_export(
        figures in proptest::collection::vec(extreme(), 1..6)
    ) {
        let Some(dossier) = opened(&with_figures(&figures)) else {
            prop_assert!(figures.iter().any(|f| f.abs() > MAGNITUDE_LIMIT));
            return Ok(());
        };
        let today = jiff::civil::date(2026, 12, 1);
        prop_assert!(summary::summary(&dossier).contains(&dossier.title));
        for language in [Language::English, Language::Dutch] {
            prop_assert!(html::report(&dossier, language, today).contains("</html>"));
            for entry in sheet::sheet_list(&dossier, language.texts()) {
                let table = sheet::sheet(&dossier, entry.table, language).unwrap();
                for delimiter in [Delimiter::Semicolon, Delimiter::Tab] {
                    prop_assert!(!table.to_text(delimiter).is_empty());
                }
            }
            prop_assert!(print(&dossier, &Part::ALL, language, today).unwrap().starts_with(b"%PDF"));
        }
    }
}

proptest! {
    // Each case draws four tabs in two languages: a few are enough to reach every edge.
    #![proptest_config(ProptestConfig::with_cases(6))]

    #[test]
    fn extreme_figures_are_drawn_on_every_tab(figures in proptest::collection::vec(extreme(), 1..4)) {
        let Some(dossier) = opened(&with_figures(&figures)) else {
            return Ok(());
        };
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("extreme.dossier.json");
        store::save(&path, &dossier).unwrap();
        for locale in ["en-GB", "nl-BE"] {
            let mut harness = launch(startup(Some(path.clone()), Vec::new(), locale, false), None);
            for tab in Tab::ALL {
                let ctx = harness.ctx.clone();
                harness.state_mut().handle(&ctx, dossier_workbench::ui::Command::ShowTab(tab));
                harness.run();
                prop_assert_eq!(harness.state().tab(), tab);
                prop_assert!(!harness.state().has_modal());
            }
        }
    }
}

#[test]
fn a_file_beyond_the_bound_is_refused_and_one_at_it_opens() {
    assert!(opened(&with_figures(&[Decimal::MAX])).is_none());
    assert!(opened(&with_figures(&[MAGNITUDE_LIMIT, -MAGNITUDE_LIMIT])).is_some());
}
