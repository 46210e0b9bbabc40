//! Dates in the sentences of a question and its answer, as candidate events for the
//! timeline, each at the precision the text gives: `op 27 juni 2018` a day, `in maart
//! 2018` a month, `in de lente van 2017` a season, `tegen 30/06/2019` a day promised.

use serde::Serialize;

use crate::i18n::Language;
use crate::model::calendar::{PartialDate, Season, When};
use crate::model::event::EventKind;
use crate::model::question::Question;

/// A dated sentence that may become an event of the dossier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CandidateEvent {
    pub kind: EventKind,
    pub when: When,
    /// The date as the text words it.
    pub printed: String,
    /// The sentence it stands in.
    pub sentence: String,
    /// Where: `inleiding`, `vraag 3.a`, `antwoord 1-2.`.
    pub part: String,
}

const SEASONS: [(&str, Season); 6] = [
    ("lente", Season::Spring),
    ("voorjaar", Season::Spring),
    ("zomer", Season::Summer),
    ("herfst", Season::Autumn),
    ("najaar", Season::Autumn),
    ("winter", Season::Winter),
];

/// Words that put a date ahead: planned, promised.
const FUTURE: [&str; 9] = [
    "zal ",
    "zullen ",
    "wordt gepland",
    "gepland",
    "verwacht",
    "tegen ",
    "uiterlijk",
    "volgt ",
    "zal,",
];
const DEADLINE: [&str; 4] = ["deadline", "uiterlijk", "indiening", "ten laatste"];

/// A Dutch month's name, as the texts write it.
fn month(word: &str) -> Option<i8> {
    (1..=12).find(|&m| Language::Dutch.month_name(m) == word)
}

fn year(word: &str) -> Option<i16> {
    (word.len() == 4 && word.chars().all(|c| c.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

fn day_number(word: &str) -> Option<i8> {
    let word = word.trim_end_matches(['e', '.']);
    (word.len() <= 2 && !word.is_empty())
        .then(|| word.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

/// A day written with figures: `30/06/2019`, `1/1/2022`, `1.12.2022`.
fn figures_day(word: &str) -> Option<PartialDate> {
    let parts: Vec<&str> = word.split(['/', '.']).collect();
    let [d, m, y] = parts.as_slice() else { return None };
    let (d, m, y) = (day_number(d)?, d_or_m(m)?, year(y)?);
    jiff::civil::Date::new(y, m, d).ok().map(PartialDate::Day)
}

fn d_or_m(word: &str) -> Option<i8> {
    (word.len() <= 2 && !word.is_empty())
        .then(|| word.parse().ok())
        .flatten()
        .filter(|m| (1..=12).contains(m))
}

/// The words of a sentence, punctuation at their edges taken off, `31/ 12/ 2018` closed.
fn words(sentence: &str) -> Vec<String> {
    sentence
        .replace("/ ", "/")
        .split_whitespace()
        .map(|w| {
            w.trim_start_matches(['(', '“', '"', '‘'])
                .trim_end_matches(|c: char| {
                    matches!(c, ')' | ',' | ';' | ':' | '”' | '"' | '’' | '.' | '?' | '!')
                })
                .to_lowercase()
        })
        .collect()
}

/// A date starting at word `at`: the date and how many words it takes.
fn date_at(words: &[String], at: usize) -> Option<(PartialDate, usize)> {
    let word = words.get(at)?;
    let next = |n: usize| words.get(at + n).map(String::as_str);
    if let Some(day) = figures_day(word) {
        return Some((day, 1));
    }
    if let (Some(d), Some(m), Some(y)) = (day_number(word), next(1).and_then(month), next(2).and_then(year)) {
        return jiff::civil::Date::new(y, m, d)
            .ok()
            .map(|date| (PartialDate::Day(date), 3));
    }
    if let (Some(m), Some(y)) = (month(word), next(1).and_then(year)) {
        return Some((PartialDate::Month { year: y, month: m }, 2));
    }
    if let Some((_, season)) = SEASONS.iter().find(|(name, _)| *name == word) {
        if let Some(y) = next(1).and_then(year) {
            return Some((
                PartialDate::Season {
                    year: y,
                    season: *season,
                },
                2,
            ));
        }
        if next(1) == Some("van")
            && let Some(y) = next(2).and_then(year)
        {
            return Some((
                PartialDate::Season {
                    year: y,
                    season: *season,
                },
                3,
            ));
        }
    }
    // `begin 2018`, `eind 2017`, `in 2023`, `tegen 2020`: the year is what is known.
    if matches!(
        word.as_str(),
        "begin" | "eind" | "einde" | "midden" | "in" | "tegen" | "sinds" | "vanaf"
    ) && let Some(y) = next(1).and_then(year)
    {
        return Some((PartialDate::Year(y), 2));
    }
    None
}

/// The dates of one sentence, periods (`01/11/2021 – 30/10/2024`, `1 januari 2022 tot en
/// met 31 december 2024`) kept together.
fn dates_in(sentence: &str) -> Vec<(When, String)> {
    let words = words(sentence);
    // The words as printed, split the same way, for the date's own wording.
    let shown: Vec<String> = sentence
        .replace("/ ", "/")
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let mut found = Vec::new();
    let mut at = 0;
    while at < words.len() {
        let Some((from, used)) = date_at(&words, at) else {
            at += 1;
            continue;
        };
        let mut end = at + used;
        let mut when = When::On(from);
        let joiner = words.get(end).map(String::as_str);
        let skip = match joiner {
            Some("–" | "-" | "tot" | "t/m") => {
                if words.get(end + 1).map(String::as_str) == Some("en")
                    && words.get(end + 2).map(String::as_str) == Some("met")
                {
                    3
                } else {
                    1
                }
            }
            _ => 0,
        };
        if skip > 0
            && let Some((to, used_to)) = date_at(&words, end + skip)
            && to.last_day() >= from.first_day()
        {
            when = When::Period { from, to };
            end += skip + used_to;
        }
        let printed = shown
            .get(at..end.min(shown.len()))
            .map(|w| w.join(" "))
            .unwrap_or_default();
        let printed = printed
            .trim_start_matches(['(', '“', '"', '‘'])
            .trim_end_matches(|c: char| {
                matches!(c, ')' | ',' | ';' | ':' | '.' | '?' | '!' | '”' | '"' | '’')
            })
            .to_string();
        found.push((when, printed));
        at = end;
    }
    found
}

/// The sentences of a text: split after `.`, `?` and `!` followed by a space, and at
/// line breaks.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.split('\n') {
        let mut current = String::new();
        let mut chars = line.chars().peekable();
        while let Some(ch) = chars.next() {
            current.push(ch);
            if matches!(ch, '.' | '?' | '!') && chars.peek().is_some_and(|c| *c == ' ') {
                // Not after an abbreviation of one letter or a number: `nr. 779`, `1. a)`.
                let before: String = current.chars().rev().skip(1).take(3).collect();
                let short = before.chars().take_while(|c| c.is_alphanumeric()).count() <= 2;
                if !short {
                    out.push(current.trim().to_string());
                    current.clear();
                }
            }
        }
        if !current.trim().is_empty() {
            out.push(current.trim().to_string());
        }
    }
    out
}

fn kind_of(sentence: &str, in_answer: bool, when: When, asked: Option<jiff::civil::Date>) -> EventKind {
    let lower = sentence.to_lowercase();
    let said = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    let ahead = asked.is_some_and(|asked| when.first_day() > asked);
    if in_answer && said(&FUTURE) {
        EventKind::Promise
    } else if said(&DEADLINE) {
        EventKind::Deadline
    } else if said(&FUTURE) || ahead {
        EventKind::Planned
    } else {
        EventKind::Happened
    }
}

/// The longest quote an event keeps of its sentence, in characters.
pub const QUOTE_LIMIT: usize = 300;

/// A sentence longer than this many bytes (a text without full stops) is read for dates
/// in pieces of about this size, broken between words, so that what reading one takes
/// stays small whatever the text.
const PIECE: usize = 1200;

/// The sentence, or where it is longer than [`QUOTE_LIMIT`] (a text without full stops,
/// a table's lines run together), the words around the date: always a piece of the
/// text, so that the quote can be found in its source.
fn quote_around<'a>(sentence: &'a str, printed: &str) -> &'a str {
    if sentence.chars().count() <= QUOTE_LIMIT {
        return sentence;
    }
    let at = sentence.find(printed).unwrap_or(0);
    // Counted in bytes, so that the quote has at most as many characters.
    let half = QUOTE_LIMIT.saturating_sub(printed.len()) / 2;
    let mut start = at.saturating_sub(half);
    while !sentence.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (at + printed.len() + half).min(sentence.len());
    while !sentence.is_char_boundary(end) {
        end += 1;
    }
    // Whole words only: from after a space, to before one.
    if start > 0
        && let Some(space) = sentence[start..at].find(' ')
    {
        start += space + 1;
    }
    if end < sentence.len()
        && let Some(space) = sentence[at..end].rfind(' ')
        && at + space > at + printed.len()
    {
        end = at + space;
    }
    sentence[start..end].trim()
}

/// The dated sentences of a question and its answer.
pub fn find_events(question: &Question) -> Vec<CandidateEvent> {
    let mut texts: Vec<(String, &str, bool)> =
        vec![("inleiding".to_string(), question.preamble.as_str(), false)];
    for sub in &question.sub_questions {
        texts.push((format!("vraag {}", sub.label), &sub.text, false));
    }
    if let Some(answer) = &question.answer {
        for part in &answer.parts {
            let label = part.printed_label.trim_end_matches(['.', ')']).to_string();
            texts.push((format!("antwoord {label}").trim().to_string(), &part.text, true));
        }
    }
    let mut events: Vec<CandidateEvent> = Vec::new();
    for (part, text, in_answer) in texts {
        // A line of a table or a header is not a sentence to date.
        for sentence in sentences(text) {
            // A date is one event per sentence, wherever in it it stands.
            let mut dated: std::collections::HashSet<When> = std::collections::HashSet::new();
            for piece in super::text::pieces(&sentence, PIECE)
                .into_iter()
                .map(str::trim)
                .filter(|p| p.split_whitespace().nth(3).is_some())
            {
                for (when, printed) in dates_in(piece) {
                    if !dated.insert(when) {
                        continue;
                    }
                    let quote = quote_around(piece, &printed);
                    events.push(CandidateEvent {
                        kind: kind_of(quote, in_answer, when, question.date),
                        when,
                        sentence: quote.to_string(),
                        printed,
                        part: part.clone(),
                    });
                }
            }
        }
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(sentence: &str) -> (When, String) {
        dates_in(sentence).into_iter().next().unwrap()
    }

    fn day(text: &str) -> PartialDate {
        PartialDate::parse(text).unwrap()
    }

    #[test]
    fn dates_are_read_at_the_precision_of_the_text() {
        assert_eq!(
            first("Het plan werd goedgekeurd op 27 juni 2018."),
            (When::On(day("2018-06-27")), "27 juni 2018".into())
        );
        assert_eq!(
            first("In maart 2018 werd een evaluatie opgemaakt."),
            (When::On(day("2018-03")), "maart 2018".into())
        );
        assert_eq!(
            first("In de lente van 2017 kwamen signalen."),
            (When::On(day("2017-spring")), "lente van 2017".into())
        );
        assert_eq!(
            first("De rapportering volgt tegen 30/06/2019."),
            (When::On(day("2019-06-30")), "30/06/2019".into())
        );
        assert_eq!(
            first("Het decreet is van kracht op 1.12.2022 in heel Vlaanderen."),
            (When::On(day("2022-12-01")), "1.12.2022".into())
        );
        assert_eq!(
            first("Aantal actoren 31/ 12/ 2018"),
            (When::On(day("2018-12-31")), "31/12/2018".into())
        );
        assert_eq!(
            first("Deze moest eind 2017 rond zijn."),
            (When::On(day("2017")), "eind 2017".into())
        );
        assert_eq!(
            first("Maxipac (01/11/2021 – 30/10/2024) - 249.000 euro"),
            (
                When::Period {
                    from: day("2021-11-01"),
                    to: day("2024-10-30")
                },
                "01/11/2021 – 30/10/2024".into()
            )
        );
        assert_eq!(
            first("voor een periode van 3 jaar (1 januari 2022 tot en met 31 december 2024)."),
            (
                When::Period {
                    from: day("2022-01-01"),
                    to: day("2024-12-31")
                },
                "1 januari 2022 tot en met 31 december 2024".into()
            )
        );
        assert!(dates_in("De beleidsbrief 2016-2017 en het programma 2014-2020.").is_empty());
        assert!(dates_in("Er zijn 150 actoren en 12 projecten.").is_empty());
    }

    #[test]
    fn promised_dates_in_answers_are_promises() {
        let sentence = "De volledige tussentijdse rapportering zal worden afgerond tegen 30/06/2019.";
        let (when, _) = first(sentence);
        assert_eq!(kind_of(sentence, true, when, None), EventKind::Promise);
        assert_eq!(
            kind_of(
                "De deadline is 30 maart 2018.",
                false,
                When::On(day("2018-03-30")),
                None
            ),
            EventKind::Deadline
        );
        let asked = jiff::civil::date(2018, 1, 31);
        assert_eq!(
            kind_of(
                "Op 31 januari 2017 werd de vzw opgericht.",
                false,
                When::On(day("2017-01-31")),
                Some(asked)
            ),
            EventKind::Happened
        );
    }
}
