//! The languages of the interface and all its words, in one place. Every string is a
//! field of [`Texts`], so a string added for one language does not compile until it
//! is there in the other. The dossier's own text is shown as entered.

use std::fmt::{Display, Write as _};

use serde::{Deserialize, Serialize};

use crate::model::board::{BoardRole, MemberStatus, Sector};
use crate::model::budget::ColumnKind;
use crate::model::event::EventKind;
use crate::model::indicator::Status;
use crate::model::question::AnswerStatus;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    #[default]
    English,
    Dutch,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::English, Language::Dutch];

    /// The month's name; `month` runs from 1 to 12.
    pub fn month_name(self, month: i8) -> &'static str {
        usize::try_from(month - 1)
            .ok()
            .and_then(|index| self.texts().months.get(index))
            .copied()
            .unwrap_or("?")
    }

    /// The days of the week, Monday first, as a calendar heads its columns.
    pub fn weekday_initials(self) -> [&'static str; 7] {
        self.texts().weekday_initials
    }

    /// The language's own name for itself.
    pub fn name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Dutch => "Nederlands",
        }
    }

    /// Dutch when the system locale is Dutch (`nl`, `nl-BE`, `nl_NL.UTF-8` …), English otherwise.
    pub fn from_locale(locale: Option<&str>) -> Language {
        match locale {
            Some(locale) if locale.to_ascii_lowercase().starts_with("nl") => Language::Dutch,
            _ => Language::English,
        }
    }

    /// `en` or `nl`, as the command line takes it.
    pub fn from_code(code: &str) -> Option<Language> {
        match code.to_ascii_lowercase().as_str() {
            "en" => Some(Language::English),
            "nl" => Some(Language::Dutch),
            _ => None,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Language::English => &ENGLISH,
            Language::Dutch => &DUTCH,
        }
    }
}

#[macro_use]
mod macros;
mod changes;
mod dates;
mod errors;
pub mod file_table;
pub mod merge_table;
mod rules;
mod table;
pub mod work_table;

pub use dates::{DateText, format_day};

pub use table::{DUTCH, ENGLISH, Texts};

/// Puts each value in its `{name}` of a template; other braces stay as they are.
fn render(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let named = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(slot, _)| *slot == name)
                .map(|(_, value)| (close, value))
        });
        match named {
            Some((close, value)) => {
                // Writing to a String cannot fail.
                let _ = write!(out, "{value}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

// The names of the dossier's values in the interface language, shared by the tabs and
// the exports.

pub fn role_name<'a>(role: &'a BoardRole, texts: &'a Texts) -> &'a str {
    match role {
        BoardRole::Chair => texts.role_chair,
        BoardRole::Secretary => texts.role_secretary,
        BoardRole::Treasurer => texts.role_treasurer,
        BoardRole::Member => texts.role_member,
        BoardRole::Other(other) => other,
    }
}

pub fn member_status_name(status: MemberStatus, texts: &Texts) -> &'static str {
    match status {
        MemberStatus::Active => texts.status_active,
        MemberStatus::Outgoing => texts.status_outgoing,
        MemberStatus::Former => texts.status_former,
    }
}

pub fn sector_name(sector: Sector, texts: &Texts) -> &'static str {
    match sector {
        Sector::TradeUnion => texts.sector_trade_union,
        Sector::Education => texts.sector_education,
        Sector::Employers => texts.sector_employers,
        Sector::LocalGovernment => texts.sector_local_government,
        Sector::Other => texts.sector_other,
    }
}

pub fn indicator_status_name(status: Status, texts: &Texts) -> &'static str {
    match status {
        Status::Met => texts.met,
        Status::Close => texts.close_to,
        Status::Behind => texts.behind,
    }
}

pub fn answer_status_name(status: AnswerStatus, texts: &Texts) -> &'static str {
    match status {
        AnswerStatus::Answered => texts.status_answered,
        AnswerStatus::PartlyAnswered => texts.status_partly,
        AnswerStatus::Referred => texts.status_referred,
        AnswerStatus::Deferred => texts.status_deferred,
        AnswerStatus::NotAnswered => texts.status_not_answered,
    }
}

pub fn column_kind_name(kind: ColumnKind, texts: &Texts) -> &'static str {
    match kind {
        ColumnKind::Text => texts.kind_text,
        ColumnKind::Money => texts.kind_money,
        ColumnKind::Integer => texts.kind_integer,
        ColumnKind::Date => texts.kind_date,
        ColumnKind::Percent => texts.kind_percent,
    }
}

pub fn kind_name(kind: EventKind, texts: &Texts) -> &'static str {
    match kind {
        EventKind::Happened => texts.kind_happened,
        EventKind::Planned => texts.kind_planned,
        EventKind::Deadline => texts.kind_deadline,
        EventKind::Promise => texts.kind_promise,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_names_its_values_in_both_languages() {
        let slots = |text: &str| -> Vec<String> {
            let mut names: Vec<String> = text
                .split('{')
                .skip(1)
                .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_string()))
                .collect();
            names.sort();
            names
        };
        assert!(table::TEMPLATES.len() > 80 && file_table::TEMPLATES.len() > 40);
        for (key, args, english, dutch) in table::TEMPLATES
            .iter()
            .chain(file_table::TEMPLATES)
            .chain(merge_table::TEMPLATES)
            .chain(work_table::TEMPLATES)
        {
            let mut args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
            args.sort();
            let mut english_slots = slots(english);
            english_slots.dedup();
            let mut dutch_slots = slots(dutch);
            dutch_slots.dedup();
            assert_eq!(english_slots, args, "{key}: English {english}");
            assert_eq!(dutch_slots, args, "{key}: Dutch {dutch}");
        }
    }

    #[test]
    fn every_string_is_there_in_both_languages_without_slots() {
        assert!(table::STRINGS.len() > 400 && file_table::STRINGS.len() > 20);
        for (key, english, dutch) in table::STRINGS
            .iter()
            .chain(file_table::STRINGS)
            .chain(merge_table::STRINGS)
            .chain(work_table::STRINGS)
        {
            assert!(!english.trim().is_empty() && !dutch.trim().is_empty(), "{key}");
            for text in [english, dutch] {
                assert!(
                    !text.contains('{') && !text.contains('}'),
                    "{key} has a slot: {text}"
                );
            }
        }
    }

    #[test]
    fn templates_put_each_value_in_its_place() {
        assert_eq!(ENGLISH.answered_some(3, 5), "3 of 5 answered");
        assert_eq!(DUTCH.slide_of(2, 7, "Budget"), "Dia 2 van 7: Budget");
        assert_eq!(
            render("{b} before {a}, {c} {", &[("a", &1), ("b", &2)]),
            "2 before 1, {c} {"
        );
    }

    #[test]
    fn the_locale_picks_dutch_only_for_dutch() {
        for locale in ["nl", "nl-BE", "nl_NL.UTF-8", "NL-be"] {
            assert_eq!(Language::from_locale(Some(locale)), Language::Dutch, "{locale}");
        }
        for locale in [Some("en-US"), Some("fr-BE"), None] {
            assert_eq!(Language::from_locale(locale), Language::English);
        }
    }
}
