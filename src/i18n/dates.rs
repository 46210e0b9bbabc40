//! Dates as a reader writes them, in the interface language: `27 juni 2018`,
//! `maart 2018`, `lente 2017`, `2014`. The model keeps only the file notation.

use jiff::civil::Date;

use super::Language;
use crate::model::calendar::{PartialDate, Season, When};

/// A date or period in words.
pub trait DateText {
    fn display(self, language: Language) -> String;
}

impl DateText for PartialDate {
    fn display(self, language: Language) -> String {
        match self {
            PartialDate::Day(date) => format_day(date, language),
            PartialDate::Month { year, month } => format!("{} {year}", language.month_name(month)),
            PartialDate::Season { year, season } => format!("{} {year}", season_name(season, language)),
            PartialDate::Year(year) => year.to_string(),
        }
    }
}

impl DateText for When {
    fn display(self, language: Language) -> String {
        match self {
            When::On(date) => date.display(language),
            When::Period { from, to } => format!("{} – {}", from.display(language), to.display(language)),
        }
    }
}

/// `27 juni 2018` / `27 June 2018`.
pub fn format_day(date: Date, language: Language) -> String {
    format!(
        "{} {} {}",
        date.day(),
        language.month_name(date.month()),
        date.year()
    )
}

pub(super) fn season_name(season: Season, language: Language) -> &'static str {
    let index = Season::ALL.iter().position(|s| *s == season).unwrap_or(0);
    language.texts().seasons[index]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> PartialDate {
        PartialDate::parse(text).unwrap()
    }

    #[test]
    fn each_precision_reads_as_written() {
        assert_eq!(parsed("2018-06-27").display(Language::Dutch), "27 juni 2018");
        assert_eq!(parsed("2018-03").display(Language::Dutch), "maart 2018");
        assert_eq!(parsed("2017-spring").display(Language::Dutch), "lente 2017");
        assert_eq!(parsed("2017-spring").display(Language::English), "spring 2017");
        assert_eq!(parsed("2014").display(Language::English), "2014");
        let period = When::parse("2021-11-01/2024-10-30").unwrap();
        assert_eq!(
            period.display(Language::Dutch),
            "1 november 2021 – 30 oktober 2024"
        );
    }

    #[test]
    fn every_season_has_its_name_in_both_languages() {
        let names: Vec<_> = Season::ALL
            .iter()
            .map(|s| season_name(*s, Language::English))
            .collect();
        assert_eq!(names, ["spring", "summer", "autumn", "winter"]);
        // The English names are the file notation's.
        for season in Season::ALL {
            assert_eq!(season_name(season, Language::English), season.key());
        }
        assert_eq!(season_name(Season::Autumn, Language::Dutch), "herfst");
    }
}
