//! The languages of the interface. The dossier's own text is shown as entered.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    #[default]
    English,
    Dutch,
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

impl Language {
    /// The month's name; `month` runs from 1 to 12.
    pub fn month_name(self, month: i8) -> &'static str {
        let names = match self {
            Language::English => &MONTHS_EN,
            Language::Dutch => &MONTHS_NL,
        };
        usize::try_from(month - 1)
            .ok()
            .and_then(|index| names.get(index))
            .copied()
            .unwrap_or("?")
    }
}
