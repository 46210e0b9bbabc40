//! Dates with the precision the source gives: a day, a month, a season or a year, and
//! periods between two of those. A day is never made up where the source gives a month.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The seasons as the meteorological ones: spring is March to May, summer June to August,
/// autumn September to November, and winter December to February of the next year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    pub const ALL: [Season; 4] = [Season::Spring, Season::Summer, Season::Autumn, Season::Winter];

    /// The name in dossier files, `2017-spring`.
    pub fn key(self) -> &'static str {
        match self {
            Season::Spring => "spring",
            Season::Summer => "summer",
            Season::Autumn => "autumn",
            Season::Winter => "winter",
        }
    }

    fn first_month(self) -> i8 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Autumn => 9,
            Season::Winter => 12,
        }
    }
}

/// A date known to a day, a month, a season or a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartialDate {
    Day(Date),
    Month { year: i16, month: i8 },
    Season { year: i16, season: Season },
    Year(i16),
}

/// Why a text is not a date of a dossier file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid date \"{text}\": {reason}; {hint}")]
pub struct DateError {
    pub text: String,
    pub reason: &'static str,
    /// How to write it instead.
    pub hint: &'static str,
}

const FILE_HINT: &str = "write 2018-06-27, 2018-03, 2017-spring or 2014";

const FIRST_YEAR: i16 = 1000;
const LAST_YEAR: i16 = 9998;

impl PartialDate {
    /// The first day the date may stand for.
    pub fn first_day(self) -> Date {
        match self {
            PartialDate::Day(date) => date,
            PartialDate::Month { year, month } => Date::constant(year, month, 1),
            PartialDate::Season { year, season } => Date::constant(year, season.first_month(), 1),
            PartialDate::Year(year) => Date::constant(year, 1, 1),
        }
    }

    /// The last day the date may stand for.
    pub fn last_day(self) -> Date {
        match self {
            PartialDate::Day(date) => date,
            PartialDate::Month { year, month } => Date::constant(year, month, 1).last_of_month(),
            PartialDate::Season {
                year,
                season: Season::Winter,
            } => Date::constant(year + 1, 2, 1).last_of_month(),
            PartialDate::Season { year, season } => {
                Date::constant(year, season.first_month() + 2, 1).last_of_month()
            }
            PartialDate::Year(year) => Date::constant(year, 12, 31),
        }
    }

    pub fn year(self) -> i16 {
        match self {
            PartialDate::Day(date) => date.year(),
            PartialDate::Month { year, .. } | PartialDate::Season { year, .. } | PartialDate::Year(year) => {
                year
            }
        }
    }

    /// Whether the date is known to the day.
    pub fn is_day(self) -> bool {
        matches!(self, PartialDate::Day(_))
    }

    /// Reads the notation of dossier files: `2018-06-27`, `2018-03`, `2017-spring`, `2014`.
    pub fn parse(text: &str) -> Result<PartialDate, DateError> {
        let error = |reason| DateError {
            text: text.to_string(),
            reason,
            hint: FILE_HINT,
        };
        let mut parts = text.split('-');
        let year_text = parts.next().unwrap_or_default();
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(error("the year must have four digits"));
        }
        let year = i16::from_str(year_text).map_err(|_| error("the year must have four digits"))?;
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            return Err(error("the year is out of range"));
        }
        let second = parts.next();
        let third = parts.next();
        if parts.next().is_some() {
            return Err(error("too many parts"));
        }
        let two_digits = |part: &str, reason| {
            if part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit()) {
                i8::from_str(part).map_err(|_| error(reason))
            } else {
                Err(error(reason))
            }
        };
        match (second, third) {
            (None, _) => Ok(PartialDate::Year(year)),
            (Some(word), None) if word.bytes().all(|b| b.is_ascii_alphabetic()) => Season::ALL
                .into_iter()
                .find(|season| season.key() == word)
                .map(|season| PartialDate::Season { year, season })
                .ok_or_else(|| error("the season must be spring, summer, autumn or winter")),
            (Some(month), None) => {
                let month = two_digits(month, "the month must be 01 to 12")?;
                if !(1..=12).contains(&month) {
                    return Err(error("the month must be 01 to 12"));
                }
                Ok(PartialDate::Month { year, month })
            }
            (Some(month), Some(day)) => {
                let month = two_digits(month, "the month must be 01 to 12")?;
                let day = two_digits(day, "the day must have two digits")?;
                Date::new(year, month, day)
                    .map(PartialDate::Day)
                    .map_err(|_| error("there is no such day"))
            }
        }
    }
}

/// `27/06/2018`, the short Belgian form.
pub fn format_day_short(date: Date) -> String {
    let mut text = String::with_capacity(10);
    // Writing into a String cannot fail.
    let _ = write_day_short(&mut text, date);
    text
}

/// [`format_day_short`] written into `out`.
pub fn write_day_short(out: &mut impl fmt::Write, date: Date) -> fmt::Result {
    write!(out, "{:02}/{:02}/{}", date.day(), date.month(), date.year())
}

impl fmt::Display for PartialDate {
    /// The file notation.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialDate::Day(date) => write!(f, "{date}"),
            PartialDate::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            PartialDate::Season { year, season } => write!(f, "{year:04}-{}", season.key()),
            PartialDate::Year(year) => write!(f, "{year:04}"),
        }
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PartialDate {
    /// Chronological by first day; a longer span sorts after a shorter one that starts
    /// on the same day, so `2018-03-01` comes before `2018-03`.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.first_day(), self.last_day()).cmp(&(other.first_day(), other.last_day()))
    }
}

/// When a dated event takes place: at one (partial) date, or over a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum When {
    On(PartialDate),
    Period { from: PartialDate, to: PartialDate },
}

impl When {
    pub fn first_day(self) -> Date {
        match self {
            When::On(date) | When::Period { from: date, .. } => date.first_day(),
        }
    }

    pub fn last_day(self) -> Date {
        match self {
            When::On(date) | When::Period { to: date, .. } => date.last_day(),
        }
    }

    /// Reads `2018-06-27` or a period `2021-11-01/2024-10-30`.
    pub fn parse(text: &str) -> Result<When, DateError> {
        match text.split_once('/') {
            None => PartialDate::parse(text).map(When::On),
            Some((from, to)) => {
                let from = PartialDate::parse(from)?;
                let to = PartialDate::parse(to)?;
                if to.last_day() < from.first_day() {
                    return Err(DateError {
                        text: text.to_string(),
                        reason: "the period ends before it begins",
                        hint: FILE_HINT,
                    });
                }
                Ok(When::Period { from, to })
            }
        }
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::On(date) => write!(f, "{date}"),
            When::Period { from, to } => write!(f, "{from}/{to}"),
        }
    }
}

macro_rules! serde_as_text {
    ($type:ty, $expecting:literal) => {
        impl Serialize for $type {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $type;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<$type, E> {
                        <$type>::parse(text).map_err(E::custom)
                    }
                }
                deserializer.deserialize_str(Visitor)
            }
        }
    };
}

serde_as_text!(
    PartialDate,
    "a date like \"2018-06-27\", \"2018-03\", \"2017-spring\" or \"2014\""
);
serde_as_text!(
    When,
    "a date like \"2018-06-27\" or a period like \"2021-11-01/2024-10-30\""
);

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> PartialDate {
        PartialDate::parse(text).unwrap()
    }

    #[test]
    fn each_precision_reads_writes_and_spans() {
        let day = parsed("2018-06-27");
        assert_eq!(day, PartialDate::Day(Date::constant(2018, 6, 27)));
        assert_eq!(
            (day.first_day(), day.last_day()),
            (Date::constant(2018, 6, 27), Date::constant(2018, 6, 27))
        );

        let month = parsed("2018-03");
        assert_eq!(month, PartialDate::Month { year: 2018, month: 3 });
        assert_eq!(month.last_day(), Date::constant(2018, 3, 31));
        assert!(!month.is_day());

        let spring = parsed("2017-spring");
        assert_eq!(
            (spring.first_day(), spring.last_day()),
            (Date::constant(2017, 3, 1), Date::constant(2017, 5, 31))
        );

        let winter = parsed("2019-winter");
        assert_eq!(
            (winter.first_day(), winter.last_day()),
            (Date::constant(2019, 12, 1), Date::constant(2020, 2, 29))
        );

        let year = parsed("2014");
        assert_eq!(
            (year.first_day(), year.last_day()),
            (Date::constant(2014, 1, 1), Date::constant(2014, 12, 31))
        );

        for text in ["2018-06-27", "2018-03", "2017-spring", "2014", "2020-02-29"] {
            assert_eq!(parsed(text).to_string(), text);
        }
    }

    #[test]
    fn periods_keep_both_ends_as_printed() {
        let period = When::parse("2021-11-01/2024-10-30").unwrap();
        assert_eq!(period.first_day(), Date::constant(2021, 11, 1));
        assert_eq!(period.last_day(), Date::constant(2024, 10, 30));
        assert_eq!(period.to_string(), "2021-11-01/2024-10-30");
        let mixed = When::parse("2014/2020").unwrap();
        assert_eq!(mixed.last_day(), Date::constant(2020, 12, 31));
        assert!(When::parse("2020/2014").is_err());
    }

    #[test]
    fn refuses_impossible_dates_with_a_reason() {
        for bad in [
            "2018-13",
            "2019-02-29",
            "18-03-01",
            "2018-3",
            "2018-lente",
            "",
            "2018-03-01-02",
            "27/06/2018",
        ] {
            let error = PartialDate::parse(bad).expect_err(bad);
            assert!(error.to_string().contains(bad), "{error}");
        }
    }

    #[test]
    fn orders_chronologically_with_wider_spans_after() {
        let mut dates = vec![
            parsed("2018"),
            parsed("2018-03"),
            parsed("2017-spring"),
            parsed("2018-03-01"),
        ];
        dates.sort();
        assert_eq!(
            dates,
            vec![
                parsed("2017-spring"),
                parsed("2018"),
                parsed("2018-03-01"),
                parsed("2018-03")
            ]
        );
    }
}

mod typed;
mod working_days;

pub use self::working_days::{
    Holiday, HolidayRule, WorkingDays, add_days, belgian_holidays, day_number, easter,
};
