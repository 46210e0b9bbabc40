//! Indicators: a target per engagement type and the measurements against it.

use std::cmp::Ordering;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::breaks::Rule;
use super::calendar::PartialDate;
use super::dossier::{IndicatorId, MeasurementId};
use super::money::decimal_text;
use super::source::SourceRef;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: IndicatorId,
    pub engagement_type: String,
    #[serde(default)]
    pub output: String,
    /// What is counted: `actoren`.
    #[serde(default)]
    pub unit: String,
    #[serde(default, with = "decimal_text::option")]
    pub target: Option<Decimal>,
    #[serde(default)]
    pub measurements: Vec<Measurement>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    pub id: MeasurementId,
    pub date: PartialDate,
    #[serde(with = "decimal_text")]
    pub value: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

/// The percentages that separate met, close and behind. Dossier settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// At or above this percentage a target is met.
    #[serde(with = "decimal_text")]
    pub met: Decimal,
    /// At or above this percentage (and below `met`) it is close.
    #[serde(with = "decimal_text")]
    pub close: Decimal,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            met: Decimal::from(100),
            close: Decimal::from(75),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Met,
    Close,
    Behind,
}

/// An actual value against its target. Kept as the two numbers so that comparisons are
/// exact; the percentage is only rounded for display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Achievement {
    pub actual: Decimal,
    pub target: Decimal,
}

impl Achievement {
    /// The achievement in percent, `None` for a zero target. Exact where the quotient
    /// terminates (63 of 80 is 78.75), otherwise to 28 significant digits.
    pub fn percent(self) -> Option<Decimal> {
        self.actual
            .checked_mul(Decimal::ONE_HUNDRED)?
            .checked_div(self.target)
    }

    pub fn difference(self) -> Decimal {
        self.actual.saturating_sub(self.target)
    }

    /// Met, close or behind, by exact comparison of `actual × 100` with
    /// `target × threshold` (through the percentage only for numbers near the limits).
    pub fn status(self, thresholds: Thresholds) -> Status {
        let at_least = |threshold: Decimal| match (
            self.actual.checked_mul(Decimal::ONE_HUNDRED),
            self.target.checked_mul(threshold),
        ) {
            (Some(scaled), Some(bar)) => scaled.cmp(&bar) != Ordering::Less,
            _ => self.percent().is_some_and(|percent| percent >= threshold),
        };
        if at_least(thresholds.met) {
            Status::Met
        } else if at_least(thresholds.close) {
            Status::Close
        } else {
            Status::Behind
        }
    }
}

impl Indicator {
    /// An indicator of which only the engagement type is known.
    pub fn new(id: IndicatorId, engagement_type: &str) -> Indicator {
        Indicator {
            id,
            engagement_type: engagement_type.to_string(),
            output: String::new(),
            unit: String::new(),
            target: None,
            measurements: Vec::new(),
            note: None,
            source: None,
        }
    }

    /// The ids of the indicator and its measurements.
    pub fn ids(&self) -> impl Iterator<Item = u64> + '_ {
        std::iter::once(self.id.0).chain(self.measurements.iter().map(|m| m.id.0))
    }

    /// The measurements from the earliest to the latest (entry order among equal dates).
    pub fn chronological(&self) -> Vec<&Measurement> {
        let mut measurements: Vec<&Measurement> = self.measurements.iter().collect();
        measurements.sort_by_key(|m| m.date);
        measurements
    }

    /// Why the indicator cannot be right, in words: no engagement type, a negative
    /// target or value.
    pub fn problems(&self) -> Vec<Rule> {
        let mut problems = Vec::new();
        if self.engagement_type.trim().is_empty() {
            problems.push(Rule::NoEngagementType(self.id.0));
        }
        if self.target.is_some_and(|t| t.is_sign_negative() && !t.is_zero()) {
            problems.push(Rule::TargetBelowZero(self.engagement_type.clone()));
        }
        for measurement in &self.measurements {
            if measurement.value.is_sign_negative() && !measurement.value.is_zero() {
                problems.push(Rule::MeasurementBelowZero {
                    indicator: self.engagement_type.clone(),
                    date: measurement.date.to_string(),
                });
            }
        }
        problems
    }

    /// The measurement with the latest date (the last one entered among equal dates).
    pub fn latest(&self) -> Option<&Measurement> {
        self.measurements
            .iter()
            .enumerate()
            .max_by(|(ia, a), (ib, b)| a.date.cmp(&b.date).then(ia.cmp(ib)))
            .map(|(_, measurement)| measurement)
    }

    pub fn achievement(&self) -> Option<Achievement> {
        Some(Achievement {
            actual: self.latest()?.value,
            target: self.target?,
        })
    }
}

/// The figures of one indicator: target, latest actual, and how they compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Figures {
    pub target: Option<Decimal>,
    pub actual: Option<Decimal>,
    pub measured: Option<PartialDate>,
    pub difference: Option<Decimal>,
    /// `None` without a target, a measurement, or with a target of zero.
    pub percent: Option<Decimal>,
    pub status: Option<Status>,
}

impl Figures {
    pub fn of(indicator: &Indicator, thresholds: Thresholds) -> Figures {
        let latest = indicator.latest();
        let achievement = indicator.achievement();
        // A target of zero has no percentage and so no status: "no target", not ∞.
        let percent = achievement.and_then(Achievement::percent);
        Figures {
            target: indicator.target,
            actual: latest.map(|m| m.value),
            measured: latest.map(|m| m.date),
            difference: achievement.map(Achievement::difference),
            percent,
            status: achievement
                .filter(|_| percent.is_some())
                .map(|a| a.status(thresholds)),
        }
    }
}

/// The indicators together: sums, how many stand where, the extremes, and when they
/// were measured.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dashboard {
    pub figures: Vec<Figures>,
    /// The sum of the targets and of the latest actuals. Different engagement types
    /// added up: a rough figure only. `None` when the sum is beyond what is held exactly.
    pub target_total: Option<Decimal>,
    pub actual_total: Option<Decimal>,
    pub met: usize,
    pub close: usize,
    pub behind: usize,
    /// Indicators without a status: no target, a target of zero, or no measurement.
    pub unrated: usize,
    /// The index of the indicator furthest below its target (lowest percentage; the
    /// larger shortfall among equals), if any falls short.
    pub biggest_shortfall: Option<usize>,
    /// The index of the indicator furthest above its target (highest percentage).
    pub biggest_overshoot: Option<usize>,
    /// The earliest and the latest date of the latest measurements.
    pub measured: Option<(PartialDate, PartialDate)>,
}

/// The exact sum, or `None` when it would overflow what a decimal holds.
pub fn checked_sum(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    values.into_iter().try_fold(Decimal::ZERO, Decimal::checked_add)
}

impl Dashboard {
    pub fn of(indicators: &[Indicator], thresholds: Thresholds) -> Dashboard {
        let figures: Vec<Figures> = indicators.iter().map(|i| Figures::of(i, thresholds)).collect();
        let count = |status: Status| figures.iter().filter(|f| f.status == Some(status)).count();
        let rated = || {
            figures
                .iter()
                .enumerate()
                .filter_map(|(index, f)| Some((index, f.percent?, f.difference?)))
        };
        let biggest_shortfall = rated()
            .filter(|(_, _, difference)| difference.is_sign_negative() && !difference.is_zero())
            .min_by(|a, b| a.1.cmp(&b.1).then(a.2.cmp(&b.2)))
            .map(|(index, _, _)| index);
        let biggest_overshoot = rated()
            .filter(|(_, _, difference)| difference.is_sign_positive() && !difference.is_zero())
            .max_by(|a, b| a.1.cmp(&b.1).then(a.2.cmp(&b.2)))
            .map(|(index, _, _)| index);
        let dates = figures.iter().filter_map(|f| f.measured);
        let measured = dates.clone().min().zip(dates.max());
        Dashboard {
            target_total: checked_sum(figures.iter().filter_map(|f| f.target)),
            actual_total: checked_sum(figures.iter().filter_map(|f| f.actual)),
            met: count(Status::Met),
            close: count(Status::Close),
            behind: count(Status::Behind),
            unrated: figures.iter().filter(|f| f.status.is_none()).count(),
            biggest_shortfall,
            biggest_overshoot,
            measured,
            figures,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn achievement(actual: i64, target: i64) -> Achievement {
        Achievement {
            actual: Decimal::from(actual),
            target: Decimal::from(target),
        }
    }

    #[test]
    fn achievement_is_exact_and_status_uses_the_thresholds() {
        let thresholds = Thresholds::default();
        assert_eq!(achievement(63, 80).percent(), Some(Decimal::new(7875, 2)));
        assert_eq!(achievement(63, 80).status(thresholds), Status::Close);
        assert_eq!(achievement(300, 300).status(thresholds), Status::Met);
        assert_eq!(achievement(11, 15).status(thresholds), Status::Behind);
        assert_eq!(achievement(3, 4).status(thresholds), Status::Close);
        assert_eq!(achievement(1, 0).percent(), None);
        assert_eq!(achievement(8, 20).difference(), Decimal::from(-12));
    }
}

#[cfg(test)]
mod dashboard_tests {
    use super::*;
    use crate::model::dossier::MeasurementId;

    fn indicator(id: u64, target: Option<i64>, values: &[(&str, i64)]) -> Indicator {
        Indicator {
            target: target.map(Decimal::from),
            measurements: values
                .iter()
                .enumerate()
                .map(|(n, (date, value))| Measurement {
                    id: MeasurementId(id * 100 + n as u64),
                    date: PartialDate::parse(date).unwrap(),
                    value: Decimal::from(*value),
                    source: None,
                })
                .collect(),
            ..Indicator::new(IndicatorId(id), &format!("type {id}"))
        }
    }

    #[test]
    fn a_target_of_zero_has_no_percentage_and_no_status() {
        let zero = indicator(1, Some(0), &[("2018-12-31", 4)]);
        let figures = Figures::of(&zero, Thresholds::default());
        assert_eq!(figures.percent, None);
        assert_eq!(figures.status, None);
        assert_eq!(figures.difference, Some(Decimal::from(4)));
        let dashboard = Dashboard::of(&[zero], Thresholds::default());
        assert_eq!(dashboard.unrated, 1);
        assert_eq!(dashboard.biggest_overshoot, None);
    }

    #[test]
    fn the_latest_measurement_counts_and_dates_are_spanned() {
        let growing = indicator(1, Some(10), &[("2019-06-30", 9), ("2018-12-31", 4)]);
        let unmeasured = indicator(2, Some(10), &[]);
        let untargeted = indicator(3, None, &[("2018-12-31", 3)]);
        let dashboard = Dashboard::of(&[growing.clone(), unmeasured, untargeted], Thresholds::default());
        assert_eq!(dashboard.figures[0].actual, Some(Decimal::from(9)));
        assert_eq!(dashboard.figures[0].status, Some(Status::Close));
        assert_eq!(
            growing
                .chronological()
                .iter()
                .map(|m| m.value)
                .collect::<Vec<_>>(),
            [Decimal::from(4), Decimal::from(9)]
        );
        assert_eq!((dashboard.close, dashboard.unrated), (1, 2));
        assert_eq!(dashboard.target_total, Some(Decimal::from(20)));
        assert_eq!(dashboard.actual_total, Some(Decimal::from(12)));
        assert_eq!(
            dashboard.measured,
            Some((
                PartialDate::parse("2018-12-31").unwrap(),
                PartialDate::parse("2019-06-30").unwrap()
            ))
        );
        assert_eq!(dashboard.biggest_shortfall, Some(0));
    }

    #[test]
    fn negative_numbers_and_missing_types_are_problems() {
        let mut wrong = indicator(1, Some(-5), &[("2018-12-31", -1)]);
        wrong.engagement_type = " ".into();
        assert_eq!(wrong.problems().len(), 3);
        assert!(indicator(2, Some(0), &[("2018-12-31", 0)]).problems().is_empty());
    }
}
