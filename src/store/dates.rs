//! What is wrong with a date in a file, in the reader's terms rather than the date
//! library's: "there is no month 13", not "parameter 'month' is not in the required range".

use std::fmt;

/// Why a text is not a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateFault {
    /// Not written as year-month-day at all.
    Shape,
    /// A year of more or fewer than four digits: `99999-01-01`.
    YearDigits,
    NoMonth(u32),
    /// A day the month does not have: day 0, or 29 February 2019.
    NoDay {
        day: u32,
        month: u8,
        year: i16,
        days: u8,
    },
}

impl fmt::Display for DateFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateFault::Shape => f.write_str("a date is written as year-month-day, such as 2018-01-31"),
            DateFault::YearDigits => f.write_str("a year has four digits"),
            DateFault::NoMonth(month) => write!(f, "there is no month {month}"),
            DateFault::NoDay { day: 0, .. } => f.write_str("there is no day 0"),
            DateFault::NoDay {
                month, year, days, ..
            } => match jiff::civil::Date::new(*year, *month as i8, 1) {
                Ok(first) => write!(f, "{} has {days} days", first.strftime("%B %Y")),
                Err(_) => write!(f, "that month has {days} days"),
            },
        }
    }
}

/// What is wrong with `text` as a date, a month (`2018-03`) or a year, or with either end
/// of a period (`2021-11-01/2024-10-30`); `None` if every number in it is possible.
pub fn date_fault(text: &str) -> Option<DateFault> {
    if let Some((from, to)) = text.split_once('/') {
        return date_fault(from).or_else(|| date_fault(to));
    }
    let parts: Vec<&str> = text.split('-').collect();
    let numbers: Option<Vec<u32>> = parts
        .iter()
        .map(|part| {
            let digits = !part.is_empty() && part.len() <= 9 && part.bytes().all(|b| b.is_ascii_digit());
            digits.then(|| part.parse().ok()).flatten()
        })
        .collect();
    let Some(numbers) = numbers.filter(|numbers| (1..=3).contains(&numbers.len())) else {
        // A season (`2017-spring`) is for the date's own reader to judge.
        return (parts.len() != 2 || parts[0].len() != 4).then_some(DateFault::Shape);
    };
    if parts[0].len() != 4 {
        return Some(DateFault::YearDigits);
    }
    let year = i16::try_from(numbers[0]).ok()?;
    let month = *numbers.get(1)?;
    if !(1..=12).contains(&month) {
        return Some(DateFault::NoMonth(month));
    }
    let month = u8::try_from(month).ok()?;
    let day = *numbers.get(2)?;
    let days = u8::try_from(jiff::civil::Date::new(year, month as i8, 1).ok()?.days_in_month()).ok()?;
    (day == 0 || day > u32::from(days)).then_some(DateFault::NoDay {
        day,
        month,
        year,
        days,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_what_is_impossible_in_a_date() {
        let said = |text| date_fault(text).map(|fault| fault.to_string());
        assert_eq!(said("2018-13-01").as_deref(), Some("there is no month 13"));
        assert_eq!(said("99999-01-01").as_deref(), Some("a year has four digits"));
        assert_eq!(said("2019-02-29").as_deref(), Some("February 2019 has 28 days"));
        assert_eq!(said("2020-04-31").as_deref(), Some("April 2020 has 30 days"));
        assert_eq!(said("2020-04-00").as_deref(), Some("there is no day 0"));
        assert_eq!(said("2018-00").as_deref(), Some("there is no month 0"));
        assert_eq!(
            said("1 januari 2018").as_deref(),
            Some("a date is written as year-month-day, such as 2018-01-31")
        );
        assert_eq!(
            said("2021-11-01/2024-13-30").as_deref(),
            Some("there is no month 13")
        );
        for possible in ["2020-02-29", "2018-03", "2014", "2017-spring"] {
            assert_eq!(date_fault(possible), None, "{possible}");
        }
    }
}
