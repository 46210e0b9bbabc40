//! Dates as people type them: `27 juni 2018`, `maart 2018`, `lente 2017`, `27/6/2018`.

use std::str::FromStr;

use jiff::civil::Date;

use super::{DateError, FIRST_YEAR, LAST_YEAR, PartialDate, Season, When};

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
