//! A written question of the Flemish Parliament, with its answer, read from the text
//! layer of its PDF: the header (often cut off), the subject, the preamble, the numbered
//! and lettered sub-questions, the answer header and the answer items, tables and dates.
//! What cannot be read stays unknown and is said; what is guessed is said too.

use jiff::civil::Date;
use serde::Serialize;

use super::dates::{CandidateEvent, find_events};
use super::furniture::{ends_mid_sentence, labels_joined, without_page_furniture, without_repeated_links};
use super::markers::{Marker, marker};
use super::references::read_day;
use super::tables::{DetectedTable, find_tables};
use super::text::{Line, collapse_spaces, is_capitals, lines, name_case, raw_lines, reflow};
use super::warnings::Warnings;
use super::warnings::{Warning, WarningKind};
use crate::model::dossier::QuestionId;
use crate::model::question::{Answer, AnswerPart, Minister, Question, SubQuestion, SubQuestionRole};

/// What the reader found in a text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Imported {
    /// The question with its answer; its id is a placeholder until it joins a dossier.
    pub question: Question,
    pub tables: Vec<DetectedTable>,
    pub events: Vec<CandidateEvent>,
    pub warnings: Vec<Warning>,
    /// The text it was read from.
    #[serde(skip)]
    pub source_text: String,
}

/// Reads a written question and its answer from the text of its PDF.
pub fn written_question(text: &str) -> Imported {
    let mut warnings = Warnings::default();
    let all = lines(text);
    let kept = without_repeated_links(all, &mut warnings);
    let kept = without_page_furniture(kept, &mut warnings);
    let kept = labels_joined(kept);
    let mut reader = Reader {
        lines: kept,
        warnings,
    };
    let mut imported = reader.read();
    imported.source_text = text.to_string();
    imported
}

/// What the header of the question says.
#[derive(Debug, Default)]
pub(super) struct Header {
    pub(super) number: Option<u32>,
    pub(super) date: Option<Date>,
    pub(super) questioner: Option<String>,
    pub(super) minister: Option<Minister>,
    /// The first line after the header.
    pub(super) end: usize,
}

/// Where the answer starts, and what its header says.
#[derive(Debug, Default)]
pub(super) struct AnswerHeader {
    /// The first line of the signature or header: the question ends before it.
    pub(super) starts: usize,
    /// The first line of the answer's own text.
    pub(super) body: usize,
    pub(super) number: Option<u32>,
    pub(super) date: Option<Date>,
    pub(super) questioner: Option<String>,
    pub(super) minister: Option<Minister>,
    /// The line that says ANTWOORD was there.
    pub(super) says_answer: bool,
}

/// An item of the question or the answer: its label and its lines.
#[derive(Debug)]
struct Item {
    marker: Marker,
    /// The number it falls under: its own, or the current one for a lettered item.
    number: Option<u32>,
    /// Index of the marker's line.
    first: usize,
    /// The item's text: the rest of the marker's line, then whole lines.
    text: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Question,
    Answer,
}

pub(super) struct Reader {
    pub(super) lines: Vec<Line>,
    pub(super) warnings: Warnings,
}

/// The text after a case-insensitive prefix.
fn after_prefix<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}

/// A dash between two parts of a subject, with any spacing: `Integratiepact  -  Stand van
/// zaken`, `Inburgering–Doelstellingen`; not the hyphen of `ESF-Vlaanderen`, which has no
/// space on either side.
fn has_subject_dash(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    (1..chars.len().saturating_sub(1)).any(|i| {
        let spaced = chars[i - 1].is_whitespace() || chars[i + 1].is_whitespace();
        (matches!(chars[i], '–' | '—') || (chars[i] == '-' && spaced))
            && chars[..i].iter().any(|c| c.is_alphanumeric())
            && chars[i + 1..].iter().any(|c| c.is_alphanumeric())
    })
}

/// `op vraag nr. 271 van 26 februari 2019`: the number and the date.
fn answer_reference(text: &str) -> Option<(Option<u32>, Option<Date>)> {
    let rest = after_prefix(text.trim(), "op vraag nr.")?.trim();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let number = digits.parse().ok();
    let tail = rest.get(digits.len()..).unwrap_or("").trim();
    if tail.is_empty() {
        return Some((number, None));
    }
    // The line is the reference and nothing else: `Op vraag nr. 779 kreeg ik …` in a
    // sentence broken at that place is not the answer's header.
    let date = after_prefix(tail, "van").and_then(read_day)?;
    Some((number, Some(date)))
}

/// An amount that starts the text after a label: `551.323,14` in `5. 551.323,14`.
fn starts_with_amount(text: &str) -> bool {
    let word: String = text.chars().take_while(|c| !c.is_whitespace()).collect();
    word.chars().next().is_some_and(|c| c.is_ascii_digit())
        && word.contains(',')
        && word.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

impl Reader {
    fn text(&self, index: usize) -> &str {
        self.lines.get(index).map_or("", |line| line.trimmed())
    }

    fn number(&self, index: usize) -> Option<usize> {
        self.lines.get(index).map(|line| line.number)
    }

    fn next_filled(&self, from: usize) -> Option<usize> {
        (from..self.lines.len()).find(|&i| !self.lines[i].is_blank())
    }

    fn read(&mut self) -> Imported {
        let header = self.header();
        let (title, body_start) = self.subject(header.end);
        self.drop_repeated_header(body_start, header.number, title.as_deref());
        let answer_header = self.answer_header(body_start);
        let question_end = answer_header.as_ref().map_or(self.lines.len(), |a| a.starts);

        let (preamble_lines, items, restart) = self.items(body_start, question_end, Part::Question, &[]);
        let preamble = reflow(preamble_lines.iter().map(String::as_str));
        let sub_questions = self.sub_questions(&items);
        let labels: Vec<String> = sub_questions.iter().map(|s| s.label.clone()).collect();

        // Without an answer header, the answer starts where the numbering starts again.
        let (answer_body, answer_header) = match (answer_header, restart) {
            (Some(header), _) => (Some(header.body), Some(header)),
            (None, Some(restart)) => {
                self.warnings.add(
                    WarningKind::Guessed,
                    self.number(restart),
                    "no ANTWOORD line: the answer is taken to start here, where the numbering starts again at 1",
                );
                (Some(restart), None)
            }
            (None, None) => (None, None),
        };

        let mut tables = Vec::new();
        let answer =
            answer_body.map(|start| self.answer(start, &labels, answer_header.as_ref(), &mut tables));
        if answer.is_none() {
            self.warnings
                .add(WarningKind::Unknown, None, "no answer found in the text");
        }

        let number = header.number.or(answer_header.as_ref().and_then(|a| a.number));
        let date = header.date.or(answer_header.as_ref().and_then(|a| a.date));
        let questioner = header
            .questioner
            .clone()
            .or(answer_header.as_ref().and_then(|a| a.questioner.clone()));
        self.check_header_facts(
            &header,
            answer_header.as_ref(),
            number,
            date,
            questioner.as_deref(),
        );

        let mut question = Question {
            id: QuestionId(0),
            number,
            date,
            questioner,
            minister: header.minister.clone(),
            title,
            coverage: Default::default(),
            preamble,
            sub_questions,
            answer,
            references: Vec::new(),
            note: None,
            source: None,
        };
        question.references = self.references(&question);
        self.check_split_amounts(&question);
        self.check_coverage(&question);
        let events = find_events(&question);
        Imported {
            question,
            tables,
            events,
            warnings: std::mem::take(&mut self.warnings).into_list(),
            source_text: String::new(),
        }
    }

    /// `SCHRIFTELIJKE VRAAG / nr. N / van NAME / datum: D / aan MINISTER / TITLE…`, as
    /// much of it as the text has.
    fn header(&mut self) -> Header {
        let mut header = Header::default();
        let mut index = 0;
        while index < self.lines.len() {
            let text = self.text(index).to_string();
            if text.is_empty() || text.eq_ignore_ascii_case("SCHRIFTELIJKE VRAAG") {
                index += 1;
                continue;
            }
            if let Some(rest) = after_prefix(&text, "nr.") {
                header.number = rest.trim().parse().ok();
                if header.number.is_none() {
                    self.warnings.add(
                        WarningKind::Unknown,
                        self.number(index),
                        format!("the number \"{}\" does not read", rest.trim()),
                    );
                }
            } else if let Some(rest) = after_prefix(&text, "datum:") {
                header.date = read_day(rest);
                if header.date.is_none() {
                    self.warnings.add(
                        WarningKind::Unknown,
                        self.number(index),
                        format!("the date \"{}\" does not read as a day", rest.trim()),
                    );
                }
            } else if let Some(rest) = after_prefix(&text, "van ") {
                header.questioner = Some(name_case(rest));
            } else if let Some(rest) = after_prefix(&text, "aan ") {
                let mut title = Vec::new();
                let mut next = index + 1;
                while next < self.lines.len() && is_capitals(self.text(next)) {
                    title.push(self.text(next).to_string());
                    next += 1;
                }
                header.minister = Some(Minister {
                    name: name_case(rest),
                    title: (!title.is_empty()).then(|| collapse_spaces(&title.join(" "))),
                });
                index = next;
                continue;
            } else {
                break;
            }
            index += 1;
        }
        header.end = index;
        header
    }

    /// The subject line: found by its place (the first line after the minister's title)
    /// and its form (`Onderwerp - Deelonderwerp`, any spacing around the dash), or as a
    /// line of its own that is not a sentence. A PDF's text layer has no blank line after
    /// it, and may break a long subject over two lines.
    fn subject(&mut self, from: usize) -> (Option<String>, usize) {
        let Some(index) = self.next_filled(from) else {
            return (None, from);
        };
        let text = self.text(index);
        let alone = self.lines.get(index + 1).is_none_or(Line::is_blank);
        let plausible =
            marker(text).is_none() && text.chars().count() <= 200 && !text.ends_with(['.', '?', ':', ';']);
        if !(plausible && (alone || has_subject_dash(text))) {
            self.warnings
                .add(WarningKind::Unknown, self.number(index), "no subject line found");
            return (None, index);
        }
        let mut subject = collapse_spaces(text);
        let mut end = index + 1;
        // `Integratiepact - Inhoudelijke en financiële` / `evaluatie`: the rest of it,
        // over as many lines as the page width broke it into.
        while let Some(next) = self.lines.get(end).filter(|l| !l.is_blank()).map(Line::trimmed)
            && next.chars().next().is_some_and(char::is_lowercase)
            && marker(next).is_none()
            && subject.chars().count() + next.chars().count() < 200
            && !next.contains(". ")
            && !next.ends_with(['.', '?', ':'])
        {
            subject = super::text::join_broken(&subject, next);
            end += 1;
        }
        (Some(subject), end)
    }

    /// The question's header printed again further on (a PDF repeats it above the answer):
    /// `SCHRIFTELIJKE VRAAG`, or `nr. N` with the question's own number, with the lines of
    /// the header under it and the subject line again. Left out and said.
    fn drop_repeated_header(&mut self, from: usize, number: Option<u32>, subject: Option<&str>) {
        let mut index = from;
        while index < self.lines.len() {
            let text = self.text(index);
            // In capitals as printed: a sentence broken a word to a line has lower case.
            let starts = text == "SCHRIFTELIJKE VRAAG"
                || (number.is_some()
                    && after_prefix(text, "nr.").and_then(|n| n.trim().parse::<u32>().ok()) == number
                    && self.lines.get(index + 1).is_some_and(|l| {
                        after_prefix(l.trimmed(), "van ").is_some()
                            || after_prefix(l.trimmed(), "datum:").is_some()
                    }));
            if !starts {
                index += 1;
                continue;
            }
            let mut end = index + 1;
            let mut after_minister = false;
            while end < self.lines.len() {
                let line = self.text(end);
                let header_line = ["nr.", "van ", "datum:", "aan "]
                    .iter()
                    .any(|p| after_prefix(line, p).is_some())
                    || line == "SCHRIFTELIJKE VRAAG"
                    || (after_minister && is_capitals(line));
                if !header_line {
                    break;
                }
                after_minister |= after_prefix(line, "aan ").is_some();
                end += 1;
            }
            // The subject again, over one line or more.
            if let Some(subject) = subject {
                let mut again = String::new();
                let mut at = end;
                while at < self.lines.len() && again.len() < subject.len() {
                    let line = collapse_spaces(self.text(at));
                    again = if again.is_empty() {
                        line
                    } else {
                        super::text::join_broken(&again, &line)
                    };
                    if !subject.starts_with(again.as_str()) {
                        break;
                    }
                    at += 1;
                    // The whole subject, or its first line or lines of some length.
                    if again == subject || again.chars().count() >= 20 {
                        end = at;
                    }
                }
            }
            if end - index >= 2 {
                self.warnings.add(
                    WarningKind::LeftOut,
                    self.number(index),
                    format!(
                        "left out the question's header, printed again ({} lines)",
                        end - index
                    ),
                );
                self.lines.drain(index..end);
            } else {
                index += 1;
            }
        }
    }

    /// The signature and `ANTWOORD / op vraag nr. N van D / van NAME`, or as much of it
    /// as the text has.
    fn answer_header(&mut self, from: usize) -> Option<AnswerHeader> {
        // `ANTWOORD` as printed, in capitals: `antwoord` alone on a line is a word of a
        // sentence broken a word to a line.
        let says_answer = (from..self.lines.len()).find(|&i| self.text(i) == "ANTWOORD");
        let reference = (from..self.lines.len()).find(|&i| answer_reference(self.text(i)).is_some());
        let anchor = match (says_answer, reference) {
            (Some(a), Some(r)) => a.min(r),
            (Some(a), None) => a,
            (None, Some(r)) => r,
            (None, None) => return None,
        };
        let mut header = AnswerHeader {
            starts: anchor,
            body: anchor + 1,
            says_answer: says_answer.is_some(),
            ..AnswerHeader::default()
        };
        if let Some(r) = reference.filter(|&r| r >= anchor && r <= anchor + 3) {
            if let Some((number, date)) = answer_reference(self.text(r)) {
                header.number = number;
                header.date = date;
            }
            header.body = r + 1;
            if let Some(next) = self.next_filled(r + 1)
                && next <= r + 2
                && let Some(name) = after_prefix(self.text(next), "van ")
            {
                header.questioner = Some(name_case(name));
                header.body = next + 1;
            }
        }
        // The minister's signature: a name in capitals and the title under it, just
        // before the answer header.
        let mut end = anchor;
        while end > from && self.lines[end - 1].is_blank() {
            end -= 1;
        }
        let mut start = end;
        while start > from && is_capitals(self.text(start - 1)) {
            start -= 1;
        }
        if start < end {
            let name = self.text(start).to_string();
            let words = name.split_whitespace().count();
            if (2..=5).contains(&words) && !name.contains(',') {
                let title: Vec<&str> = (start + 1..end).map(|i| self.text(i)).collect();
                header.minister = Some(Minister {
                    name: name_case(&name),
                    title: (!title.is_empty()).then(|| collapse_spaces(&title.join(" "))),
                });
                header.starts = start;
            }
        }
        Some(header)
    }

    /// The preamble's lines and the labelled items of `from..to`; for a question, also
    /// where the numbering starts again at 1 (the answer, when it has no header).
    fn items(
        &mut self,
        from: usize,
        to: usize,
        part: Part,
        labels: &[String],
    ) -> (Vec<String>, Vec<Item>, Option<usize>) {
        let mut before = Vec::new();
        let mut items: Vec<Item> = Vec::new();
        let mut current: Option<u32> = None;
        let mut letter: Option<char> = None;
        let numbers_known: Vec<u32> = labels
            .iter()
            .filter_map(|l| l.split('.').next()?.parse().ok())
            .collect();
        let mut index = from;
        while index < to.min(self.lines.len()) {
            let text = self.lines[index].text.clone();
            let (line_number, indented) = (self.lines[index].number, self.lines[index].indented);
            let accepted = marker(&text).filter(|found| {
                // A label right under a line that ends inside a sentence is its end
                // (`… op vraag` / `4.`), unless a new sentence starts after it: a PDF
                // has no blank line to tell them apart.
                let starts_sentence = found
                    .rest(&text)
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || matches!(c, '“' | '"' | '‘'));
                let runs_on = index > from
                    && !self.lines[index - 1].is_blank()
                    && ends_mid_sentence(self.text(index - 1))
                    && !starts_sentence;
                !runs_on && self.fits(found, part, current, letter, labels, &numbers_known)
            });
            let Some(found) = accepted else {
                if part == Part::Question
                    && let Some(found) = marker(&text)
                    && found.numbers == [1]
                    && found.letters.is_empty()
                    && current.is_some_and(|n| n >= 2)
                    && (indented
                        || index == from
                        || self.lines[index - 1].is_blank()
                        || self.text(index - 1).ends_with('?'))
                {
                    return (before, items, Some(index));
                }
                match items.last_mut() {
                    Some(item) => item.text.push(text),
                    None => before.push(text),
                }
                index += 1;
                continue;
            };
            if starts_with_amount(found.rest(&text)) {
                self.warnings.add(
                    WarningKind::Ambiguous,
                    Some(line_number),
                    format!(
                        "\"{}\" reads as item {} followed by an amount, but may be one amount; check it",
                        collapse_spaces(text.trim()),
                        found.printed
                    ),
                );
            }
            if let Some(&first) = found.numbers.first() {
                current = found.numbers.last().copied().or(Some(first));
                letter = None;
            }
            if let Some(&last) = found.letters.last() {
                letter = Some(last);
            }
            let rest = found.rest(&text).to_string();
            let number = found.numbers.first().copied().or(current);
            items.push(Item {
                marker: found,
                number,
                first: index,
                text: vec![rest],
            });
            index += 1;
        }
        (before, items, None)
    }

    /// Whether a label belongs where it stands: in a question, the next number or letter;
    /// in an answer, one the question has.
    fn fits(
        &self,
        found: &Marker,
        part: Part,
        current: Option<u32>,
        letter: Option<char>,
        labels: &[String],
        numbers_known: &[u32],
    ) -> bool {
        let expected_number = current.map_or(1, |n| n + 1);
        let numbers_fit = match (found.numbers.first(), part) {
            (None, _) => true,
            (Some(&first), Part::Question) => first == expected_number,
            (Some(&first), Part::Answer) if numbers_known.is_empty() => current.is_none_or(|n| first > n),
            (Some(&first), Part::Answer) => {
                current.is_none_or(|n| first > n) && found.numbers.iter().all(|n| numbers_known.contains(n))
            }
        };
        if !numbers_fit {
            return false;
        }
        let number = found.numbers.first().copied().or(current);
        match (found.letters.first(), part) {
            (None, _) => true,
            (Some(&first), Part::Question) => {
                let expected = if found.numbers.is_empty() {
                    letter.map_or('a', |l| char::from_u32(l as u32 + 1).unwrap_or('a'))
                } else {
                    'a'
                };
                first == expected
            }
            (Some(_), Part::Answer) if labels.is_empty() => true,
            (Some(_), Part::Answer) => found.letters.iter().all(|l| {
                let label = match number {
                    Some(n) => format!("{n}.{l}"),
                    None => l.to_string(),
                };
                labels.contains(&label)
            }),
        }
    }

    fn sub_questions(&mut self, items: &[Item]) -> Vec<SubQuestion> {
        let mut subs = Vec::new();
        let mut index = 0;
        while index < items.len() {
            let item = &items[index];
            let own = reflow(item.text.iter().map(String::as_str));
            let has_number = !item.marker.numbers.is_empty();
            // The lettered items under this number.
            let mut children = Vec::new();
            let mut next = index + 1;
            if has_number {
                while next < items.len() && items[next].marker.numbers.is_empty() {
                    children.push(&items[next]);
                    next += 1;
                }
            }
            let number = item.number;
            let label_of = |letter: char| match number {
                Some(n) => format!("{n}.{letter}"),
                None => letter.to_string(),
            };
            if item.marker.letters.is_empty() {
                let label = number.map(|n| n.to_string()).unwrap_or_default();
                if children.is_empty() {
                    subs.push(sub(&label, own, SubQuestionRole::Asks));
                } else if !own.is_empty() {
                    let role = if own.contains('?') {
                        SubQuestionRole::Asks
                    } else {
                        SubQuestionRole::Introduces
                    };
                    subs.push(sub(&label, own, role));
                }
            } else {
                // `1. a) …`: the item is the first lettered sub-question.
                for letter in &item.marker.letters {
                    subs.push(sub(&label_of(*letter), own.clone(), SubQuestionRole::Asks));
                }
            }
            for child in children {
                let text = reflow(child.text.iter().map(String::as_str));
                for letter in &child.marker.letters {
                    subs.push(sub(&label_of(*letter), text.clone(), SubQuestionRole::Asks));
                }
            }
            index = if has_number { next } else { index + 1 };
        }
        for sub in &subs {
            if sub.text.is_empty() {
                self.warnings.add(
                    WarningKind::Unknown,
                    None,
                    format!("sub-question {} has no text", sub.label),
                );
            }
        }
        subs
    }

    fn answer(
        &mut self,
        start: usize,
        labels: &[String],
        header: Option<&AnswerHeader>,
        tables: &mut Vec<DetectedTable>,
    ) -> Answer {
        // An annex named at the end: `BIJLAGE / Operationeel plan`.
        let annex = (start..self.lines.len()).find(|&i| {
            let text = self.text(i);
            text == "BIJLAGE" || text == "BIJLAGEN"
        });
        let end = annex.unwrap_or(self.lines.len());
        let attachments: Vec<String> = annex
            .map(|a| {
                (a + 1..self.lines.len())
                    .map(|i| self.text(i))
                    .filter(|t| !t.is_empty())
                    .map(collapse_spaces)
                    .collect()
            })
            .unwrap_or_default();
        let (before, items, _) = self.items(start, end, Part::Answer, labels);
        let mut parts = Vec::new();
        let lead = self.part_text(&before, start, "", tables);
        if !lead.is_empty() {
            parts.push(AnswerPart {
                printed_label: String::new(),
                covers: Vec::new(),
                text: lead,
            });
        }
        for item in &items {
            let printed = item.marker.printed.clone();
            let covers = covers(item);
            let text = self.part_text(&item.text, item.first, &printed, tables);
            parts.push(AnswerPart {
                printed_label: printed,
                covers,
                text,
            });
        }
        if header.is_some_and(|h| h.minister.is_none()) {
            self.warnings.add(
                WarningKind::Unknown,
                None,
                "the minister who answered is not printed (no signature above the answer)",
            );
        }
        self.warnings.add(
            WarningKind::Unknown,
            None,
            "the date of the answer is not printed",
        );
        Answer {
            date: None,
            minister: header.and_then(|h| h.minister.clone()),
            parts,
            attachments,
        }
    }

    /// An answer item's text: paragraphs reflowed, tables kept line by line.
    fn part_text(
        &mut self,
        text: &[String],
        first: usize,
        label: &str,
        tables: &mut Vec<DetectedTable>,
    ) -> String {
        let numbers: Vec<usize> = (0..text.len())
            .map(|i| self.number(first + i).unwrap_or(0))
            .collect();
        let found = find_tables(text, &numbers, label, &mut self.warnings);
        let mut pieces = Vec::new();
        let mut at = 0;
        for table in &found {
            let (from, to) = table.lines;
            pieces.push(reflow(text[at..from].iter().map(String::as_str)));
            pieces.push(raw_lines(text[from..to].iter().map(String::as_str)));
            at = to;
        }
        pieces.push(reflow(text[at..].iter().map(String::as_str)));
        tables.extend(found.into_iter().map(|t| t.table));
        pieces
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

fn sub(label: &str, text: String, role: SubQuestionRole) -> SubQuestion {
    SubQuestion {
        label: label.to_string(),
        text,
        role,
        status: None,
    }
}

/// The sub-question labels an answer item covers: `1-2.` → 1, 2; `1. a-c)` → 1.a, 1.b,
/// 1.c; `b)` under 3 → 3.b.
fn covers(item: &Item) -> Vec<String> {
    let marker = &item.marker;
    if marker.letters.is_empty() {
        return marker.numbers.iter().map(u32::to_string).collect();
    }
    marker
        .letters
        .iter()
        .map(|letter| match item.number {
            Some(n) => format!("{n}.{letter}"),
            None => letter.to_string(),
        })
        .collect()
}
