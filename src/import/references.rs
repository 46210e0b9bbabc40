//! Written questions a text cites (`vraag nr. 779 van 7 augustus 2017`), and days as the
//! Flemish Parliament writes them.

use jiff::civil::Date;

use crate::model::calendar::PartialDate;
use crate::model::question::QuestionReference;

/// A day written as the Flemish Parliament writes it: `26 februari 2019`.
pub(crate) fn read_day(text: &str) -> Option<Date> {
    match PartialDate::parse_typed(text.trim().trim_end_matches(['.', ','])) {
        Ok(PartialDate::Day(date)) => Some(date),
        _ => None,
    }
}

/// The written questions a text cites by number, with their dates where given.
pub fn cited_questions(text: &str) -> Vec<QuestionReference> {
    // One copy: line breaks and runs of spaces as one space, in lower case (ASCII only,
    // so that the positions stay those of the text).
    let mut lower = String::with_capacity(text.len());
    for ch in text.chars() {
        let ch = if matches!(ch, '\n' | '\t' | '\r') {
            ' '
        } else {
            ch.to_ascii_lowercase()
        };
        if !(ch == ' ' && lower.ends_with(' ')) {
            lower.push(ch);
        }
    }
    let mut found = Vec::new();
    for keyword in ["vraag nr.", "vragen nr."] {
        let mut from = 0;
        while let Some(at) = lower.get(from..).and_then(|rest| rest.find(keyword)) {
            let mut cursor = from + at + keyword.len() - "nr.".len();
            // `nr. 779 van 7 augustus 2017 en nr. 262 van 31 januari 2018`
            while let Some(after) = lower.get(cursor..).and_then(|rest| rest.strip_prefix("nr.")) {
                let after = after.trim_start();
                let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
                let Ok(number) = digits.parse::<u32>() else { break };
                cursor = lower.len() - after.len() + digits.len();
                let mut date = None;
                if let Some(tail) = lower.get(cursor..).and_then(|t| t.strip_prefix(" van ")) {
                    let words: Vec<&str> = tail.split(' ').take(3).collect();
                    if let Some(day) = read_day(&words.join(" ")) {
                        date = Some(day);
                        cursor = lower.len() - tail.len() + words.join(" ").len();
                    }
                }
                found.push(QuestionReference {
                    number,
                    date,
                    source: None,
                });
                match lower.get(cursor..) {
                    Some(tail) if tail.starts_with(" en nr.") => cursor += " en ".len(),
                    Some(tail) if tail.starts_with(", nr.") => cursor += ", ".len(),
                    _ => break,
                }
            }
            from += at + keyword.len();
        }
    }
    found
}
