//! Working days: the day numbers, Easter, the holidays a dossier counts and the
//! deadlines counted in working days.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{DateError, PartialDate};

/// The day number of a date (days since 1970-01-01), for counting days between dates.
pub fn day_number(date: Date) -> i64 {
    date.duration_since(Date::constant(1970, 1, 1)).as_secs() / 86_400
}

/// The date `days` days after `date` (before, when negative); `None` beyond the calendar.
pub fn add_days(date: Date, days: i64) -> Option<Date> {
    date.checked_add(jiff::Span::new().try_days(days).ok()?).ok()
}

/// Easter Sunday of a year (Gregorian calendar; Meeus/Jones/Butcher).
pub fn easter(year: i16) -> Date {
    let y = i32::from(year);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // month is 3 or 4 and day 1 to 31 by construction.
    Date::constant(year, month as i8, day as i8)
}

/// When a holiday falls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HolidayRule {
    /// Every year on this day: `01-01`.
    Fixed { month: i8, day: i8 },
    /// Every year this many days after Easter Sunday: `easter+1`.
    Easter(i16),
    /// One date only: `2020-05-08`.
    Once(Date),
}

impl HolidayRule {
    pub fn date_in(self, year: i16) -> Option<Date> {
        match self {
            HolidayRule::Fixed { month, day } => Date::new(year, month, day).ok(),
            HolidayRule::Easter(offset) => add_days(easter(year), i64::from(offset)),
            HolidayRule::Once(date) => (date.year() == year).then_some(date),
        }
    }

    pub fn parse(text: &str) -> Result<HolidayRule, DateError> {
        let error = |reason| DateError {
            text: text.to_string(),
            reason,
            hint: "write a yearly day as 01-01, a day after Easter as easter+1, or one date as 2020-05-08",
        };
        if let Some(offset) = text.strip_prefix("easter") {
            let offset = offset.strip_prefix('+').unwrap_or(offset);
            return i16::from_str(if offset.is_empty() { "0" } else { offset })
                .map(HolidayRule::Easter)
                .map_err(|_| error("the days after Easter must be a whole number, as in easter+39"));
        }
        if let Ok(PartialDate::Day(date)) = PartialDate::parse(text) {
            return Ok(HolidayRule::Once(date));
        }
        let (month, day) = text
            .split_once('-')
            .ok_or_else(|| error("write MM-DD, easter+N or a date"))?;
        let (month, day) = (i8::from_str(month), i8::from_str(day));
        match (month, day) {
            // 2024 is a leap year, so 02-29 is accepted as a yearly date.
            (Ok(month), Ok(day)) if Date::new(2024, month, day).is_ok() => {
                Ok(HolidayRule::Fixed { month, day })
            }
            _ => Err(error("there is no such day of the year")),
        }
    }
}

impl fmt::Display for HolidayRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HolidayRule::Fixed { month, day } => write!(f, "{month:02}-{day:02}"),
            HolidayRule::Easter(offset) => write!(f, "easter{offset:+}"),
            HolidayRule::Once(date) => write!(f, "{date}"),
        }
    }
}

serde_as_text!(
    HolidayRule,
    "a holiday rule like \"01-01\", \"easter+1\" or \"2020-05-08\""
);

/// A public holiday: no working day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    pub name: String,
    pub rule: HolidayRule,
}

/// The ten legal public holidays of Belgium.
pub fn belgian_holidays() -> Vec<Holiday> {
    let fixed = |name: &str, month, day| Holiday {
        name: name.to_string(),
        rule: HolidayRule::Fixed { month, day },
    };
    let easter = |name: &str, offset| Holiday {
        name: name.to_string(),
        rule: HolidayRule::Easter(offset),
    };
    vec![
        fixed("Nieuwjaar", 1, 1),
        easter("Paasmaandag", 1),
        fixed("Dag van de Arbeid", 5, 1),
        easter("Onze-Lieve-Heer-Hemelvaart", 39),
        easter("Pinkstermaandag", 50),
        fixed("Nationale feestdag", 7, 21),
        fixed("Onze-Lieve-Vrouw-Hemelvaart", 8, 15),
        fixed("Allerheiligen", 11, 1),
        fixed("Wapenstilstand", 11, 11),
        fixed("Kerstmis", 12, 25),
    ]
}

/// Working days: Monday to Friday, except the holidays. Remembers the holidays of each
/// year it has seen, so that counting for thousands of questions stays cheap.
#[derive(Clone, Debug)]
pub struct WorkingDays<'a> {
    holidays: &'a [Holiday],
    by_year: std::collections::HashMap<i16, Vec<Date>>,
}

impl<'a> WorkingDays<'a> {
    pub fn new(holidays: &'a [Holiday]) -> WorkingDays<'a> {
        WorkingDays {
            holidays,
            by_year: std::collections::HashMap::new(),
        }
    }

    pub fn is_working_day(&mut self, date: Date) -> bool {
        use jiff::civil::Weekday;
        if matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) {
            return false;
        }
        let holidays = self.holidays;
        let dates = self.by_year.entry(date.year()).or_insert_with(|| {
            holidays
                .iter()
                .filter_map(|h| h.rule.date_in(date.year()))
                .collect()
        });
        !dates.contains(&date)
    }

    /// The `count`-th working day after `date` (the day itself does not count).
    pub fn add(&mut self, date: Date, count: u32) -> Option<Date> {
        let mut day = date;
        let mut left = count;
        while left > 0 {
            day = add_days(day, 1)?;
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        Some(day)
    }
}

#[cfg(test)]
mod working_day_tests {
    use super::*;

    fn day(text: &str) -> Date {
        match PartialDate::parse(text) {
            Ok(PartialDate::Day(date)) => date,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn easter_falls_on_the_known_sundays() {
        for (year, date) in [
            (2018, "2018-04-01"),
            (2019, "2019-04-21"),
            (2022, "2022-04-17"),
            (2024, "2024-03-31"),
            (2038, "2038-04-25"),
        ] {
            assert_eq!(easter(year), day(date), "{year}");
        }
    }

    #[test]
    fn the_belgian_holidays_of_2019() {
        let holidays = belgian_holidays();
        let dates: Vec<String> = holidays
            .iter()
            .filter_map(|h| h.rule.date_in(2019))
            .map(|d| d.to_string())
            .collect();
        assert_eq!(
            dates,
            [
                "2019-01-01",
                "2019-04-22",
                "2019-05-01",
                "2019-05-30",
                "2019-06-10",
                "2019-07-21",
                "2019-08-15",
                "2019-11-01",
                "2019-11-11",
                "2019-12-25"
            ]
        );
    }

    #[test]
    fn twenty_working_days_skip_weekends_and_holidays() {
        let holidays = belgian_holidays();
        let mut calendar = WorkingDays::new(&holidays);
        // Tuesday 26 February 2019: four weeks of five days, no holiday.
        assert_eq!(calendar.add(day("2019-02-26"), 20), Some(day("2019-03-26")));
        // Friday 12 April 2019: Easter Monday 22 April and 1 May fall in between.
        assert_eq!(calendar.add(day("2019-04-12"), 20), Some(day("2019-05-14")));
        // Asked on a Saturday: counting starts on Monday.
        assert_eq!(calendar.add(day("2019-03-02"), 1), Some(day("2019-03-04")));
        // Thursday 20 December 2018: Christmas and New Year in between.
        assert_eq!(calendar.add(day("2018-12-20"), 5), Some(day("2018-12-28")));
        assert_eq!(calendar.add(day("2018-12-20"), 6), Some(day("2018-12-31")));
        assert_eq!(calendar.add(day("2018-12-20"), 7), Some(day("2019-01-02")));
        assert_eq!(calendar.add(day("2019-02-26"), 0), Some(day("2019-02-26")));
        let mut none = WorkingDays::new(&[]);
        assert_eq!(none.add(day("2019-04-12"), 20), Some(day("2019-05-10")));
    }

    #[test]
    fn holiday_rules_read_and_write_their_notation() {
        for text in [
            "01-01",
            "easter+39",
            "easter+0",
            "easter-2",
            "2020-05-08",
            "02-29",
        ] {
            assert_eq!(HolidayRule::parse(text).unwrap().to_string(), text);
        }
        for bad in ["13-01", "easter+x", "xmas", "02-30"] {
            assert!(HolidayRule::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(HolidayRule::Fixed { month: 2, day: 29 }.date_in(2019), None);
    }
}
