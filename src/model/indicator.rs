//! Indicators: a target per engagement type and the measurements against it.

use std::cmp::Ordering;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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
