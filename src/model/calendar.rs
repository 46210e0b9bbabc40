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
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
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

/// Month names and abbreviations people type, in Dutch and English.
const MONTH_WORDS: [(&str, i8); 38] = [
    ("januari", 1),
    ("january", 1),
    ("jan", 1),
    ("februari", 2),
    ("february", 2),
    ("feb", 2),
    ("maart", 3),
    ("march", 3),
    ("mrt", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("augustus", 8),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    ("maa", 3),
    ("mai", 5),
    ("jul.", 7),
    ("sept.", 9),
];

const SEASON_WORDS: [(&str, Season); 10] = [
    ("lente", Season::Spring),
    ("voorjaar", Season::Spring),
    ("spring", Season::Spring),
    ("zomer", Season::Summer),
    ("summer", Season::Summer),
    ("herfst", Season::Autumn),
    ("najaar", Season::Autumn),
    ("autumn", Season::Autumn),
    ("fall", Season::Autumn),
    ("winter", Season::Winter),
];

const TYPED_HINT: &str =
    "type a day (27/06/2018, 27 juni 2018), a month (juni 2018), a season (lente 2017) or a year (2014)";
const UNREADABLE: &str = "this is not a date";

impl PartialDate {
    /// Reads a date as people type it, at any precision: `27/06/2018`, `27-6-2018`,
    /// `27 juni 2018`, `June 2018`, `06/2018`, `lente 2017`, `2014`, or the file notation.
    pub fn parse_typed(text: &str) -> Result<PartialDate, DateError> {
        let cleaned = text.trim().to_lowercase().replace("/ ", "/").replace(" /", "/");
        let error = |reason| DateError {
            text: text.trim().to_string(),
            reason,
            hint: TYPED_HINT,
        };
        if cleaned.is_empty() {
            return Err(error("no date given"));
        }
        if let Ok(date) = PartialDate::parse(&cleaned) {
            return Ok(date);
        }
        let words: Vec<&str> = cleaned
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        let year = |word: &str| -> Result<i16, DateError> {
            match i16::from_str(word) {
                Ok(year) if (FIRST_YEAR..=LAST_YEAR).contains(&year) && word.len() == 4 => Ok(year),
                _ => Err(error("the year must have four digits")),
            }
        };
        let month_word = |word: &str| {
            MONTH_WORDS
                .iter()
                .find(|(name, _)| *name == word)
                .map(|(_, m)| *m)
        };
        match words.as_slice() {
            [single] => {
                let parts: Vec<&str> = single.split(['/', '-', '.']).map(str::trim).collect();
                let number = |part: &str| i8::from_str(part).map_err(|_| error(UNREADABLE));
                match parts.as_slice() {
                    [day, month, y] => {
                        let date = Date::new(year(y)?, number(month)?, number(day)?);
                        date.map(PartialDate::Day)
                            .map_err(|_| error("there is no such day"))
                    }
                    [month, y] => {
                        let month = number(month)?;
                        if !(1..=12).contains(&month) {
                            return Err(error("the month must be 1 to 12"));
                        }
                        Ok(PartialDate::Month {
                            year: year(y)?,
                            month,
                        })
                    }
                    _ => Err(error(UNREADABLE)),
                }
            }
            [word, y] => {
                let year = year(y)?;
                if let Some(month) = month_word(word) {
                    return Ok(PartialDate::Month { year, month });
                }
                SEASON_WORDS
                    .iter()
                    .find(|(name, _)| name == word)
                    .map(|(_, season)| PartialDate::Season {
                        year,
                        season: *season,
                    })
                    .ok_or_else(|| error(UNREADABLE))
            }
            [day, word, y] => {
                let month = month_word(word).ok_or_else(|| error(UNREADABLE))?;
                let day = i8::from_str(day.trim_end_matches('.')).map_err(|_| error(UNREADABLE))?;
                Date::new(year(y)?, month, day)
                    .map(PartialDate::Day)
                    .map_err(|_| error("there is no such day"))
            }
            _ => Err(error(UNREADABLE)),
        }
    }
}

impl When {
    /// Reads a date or a period as people type it: one date (see
    /// [`PartialDate::parse_typed`]), or two joined by ` – `, ` - `, `tot (en met)` or `to`.
    pub fn parse_typed(text: &str) -> Result<When, DateError> {
        let lowered = text.to_lowercase();
        let separators = [" tot en met ", " tot ", " to ", " – ", " — ", " - ", "–"];
        for separator in separators {
            if let Some((from, to)) = lowered.split_once(separator) {
                let from = PartialDate::parse_typed(from)?;
                let to = PartialDate::parse_typed(to)?;
                if to.last_day() < from.first_day() {
                    return Err(DateError {
                        text: text.trim().to_string(),
                        reason: "the period ends before it begins",
                        hint: TYPED_HINT,
                    });
                }
                return Ok(When::Period { from, to });
            }
        }
        if lowered.contains('/') && lowered.split('/').count() == 2 && When::parse(lowered.trim()).is_ok() {
            return When::parse(lowered.trim());
        }
        PartialDate::parse_typed(text).map(When::On)
    }
}

#[cfg(test)]
mod typed_tests {
    use super::*;

    fn typed(text: &str) -> String {
        match PartialDate::parse_typed(text) {
            Ok(date) => date.to_string(),
            Err(error) => panic!("{text}: {error}"),
        }
    }

    #[test]
    fn dates_are_read_at_the_precision_they_are_typed() {
        assert_eq!(typed("27/06/2018"), "2018-06-27");
        assert_eq!(typed("27-6-2018"), "2018-06-27");
        assert_eq!(typed("1.3.2022"), "2022-03-01");
        assert_eq!(typed("31/ 12/ 2018"), "2018-12-31");
        assert_eq!(typed("27 juni 2018"), "2018-06-27");
        assert_eq!(typed("27 June 2018"), "2018-06-27");
        assert_eq!(typed("7 augustus 2017"), "2017-08-07");
        assert_eq!(typed("maart 2018"), "2018-03");
        assert_eq!(typed("March 2018"), "2018-03");
        assert_eq!(typed("06/2018"), "2018-06");
        assert_eq!(typed("lente 2017"), "2017-spring");
        assert_eq!(typed("najaar 2019"), "2019-autumn");
        assert_eq!(typed(" 2014 "), "2014");
        assert_eq!(typed("2018-06-27"), "2018-06-27");
        assert_eq!(typed("2017-spring"), "2017-spring");
    }

    #[test]
    fn what_is_not_a_date_is_refused_with_a_hint() {
        for bad in [
            "",
            "31/02/2019",
            "13/2018",
            "morgen",
            "27 juni",
            "juni 18",
            "27/06/18",
            "1 2 3 4",
        ] {
            let error = PartialDate::parse_typed(bad).expect_err(bad);
            assert!(!error.to_string().is_empty());
        }
        assert!(
            PartialDate::parse_typed("31/02/2019")
                .unwrap_err()
                .to_string()
                .contains("no such day")
        );
    }

    #[test]
    fn periods_are_read_with_the_usual_separators() {
        let period = |text: &str| When::parse_typed(text).map(|w| w.to_string());
        assert_eq!(
            period("01/11/2021 – 30/10/2024").unwrap(),
            "2021-11-01/2024-10-30"
        );
        assert_eq!(period("1/1/2022 - 31/12/2024").unwrap(), "2022-01-01/2024-12-31");
        assert_eq!(
            period("1 januari 2022 tot en met 31 december 2024").unwrap(),
            "2022-01-01/2024-12-31"
        );
        assert_eq!(period("2014 tot 2020").unwrap(), "2014/2020");
        assert_eq!(period("2021-11-01/2024-10-30").unwrap(), "2021-11-01/2024-10-30");
        assert_eq!(period("27/06/2018").unwrap(), "2018-06-27");
        assert!(period("2020 - 2014").is_err());
    }
}
