//! What the reader checks once a question is read: the header's facts against the
//! answer's, amounts that may be a list number and an amount, sub-questions without an
//! answer and answer items without a sub-question, and the questions the text cites.

use std::collections::HashSet;

use jiff::civil::Date;

use super::references::cited_questions;
use super::warnings::WarningKind;
use super::written::{AnswerHeader, Header, Reader};
use crate::model::question::{Question, QuestionReference};

impl Reader {
    pub(super) fn check_header_facts(
        &mut self,
        header: &Header,
        answer: Option<&AnswerHeader>,
        number: Option<u32>,
        date: Option<Date>,
        questioner: Option<&str>,
    ) {
        let unknown = |what: &str| format!("{what} is not in the text: it stays unknown");
        if number.is_none() {
            self.warnings
                .add(WarningKind::Unknown, None, unknown("the question's number"));
        }
        if date.is_none() {
            self.warnings.add(
                WarningKind::Unknown,
                None,
                unknown("the date the question was asked"),
            );
        }
        if questioner.is_none() {
            self.warnings
                .add(WarningKind::Unknown, None, unknown("who asked the question"));
        }
        if header.minister.is_none() {
            self.warnings.add(
                WarningKind::Unknown,
                None,
                unknown("the minister the question was put to (the header is cut off)"),
            );
        }
        if let (Some(answer), Some(h)) = (answer, header.number)
            && answer.number.is_some_and(|a| a != h)
        {
            self.warnings.add(
                WarningKind::Mismatch,
                None,
                format!(
                    "the header says question {h}, the answer says question {}",
                    answer.number.unwrap_or_default()
                ),
            );
        }
        if header.number.is_none() && answer.is_some_and(|a| a.number.is_some()) {
            self.warnings.add(
                WarningKind::Guessed,
                None,
                "the number, date and asker are taken from the answer's header",
            );
        }
        if answer.is_some_and(|a| !a.says_answer) {
            self.warnings.add(
                WarningKind::Unknown,
                None,
                "the line ANTWOORD is missing: the answer is taken to start at \"op vraag nr.\"",
            );
        }
    }

    /// `5. 551.323,14` inside a text: one amount, or a list number and an amount? It is
    /// left as printed and said.
    pub(super) fn check_split_amounts(&mut self, question: &Question) {
        let mut texts: Vec<(String, &str)> = vec![("the preamble".to_string(), question.preamble.as_str())];
        texts.extend(
            question
                .sub_questions
                .iter()
                .map(|s| (format!("sub-question {}", s.label), s.text.as_str())),
        );
        if let Some(answer) = &question.answer {
            texts.extend(
                answer
                    .parts
                    .iter()
                    .map(|p| (format!("answer item \"{}\"", p.printed_label), p.text.as_str())),
            );
        }
        // Said once per pair of words, wherever it stands (the table reader may have).
        let pairs = |text: &str| -> Vec<String> {
            let mut found = Vec::new();
            let mut previous = "";
            for word in text
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| matches!(c, '\'' | '"')))
            {
                if super::tables::is_split_amount(previous, word) {
                    found.push(format!("{previous} {word}"));
                }
                previous = word;
            }
            found
        };
        let mut said: HashSet<String> = self
            .warnings
            .0
            .iter()
            .filter(|w| w.kind == WarningKind::Ambiguous)
            .flat_map(|w| pairs(&w.message))
            .collect();
        for (place, text) in texts {
            for printed in pairs(text) {
                if said.insert(printed.clone()) {
                    let joined = printed.replacen(' ', "", 1);
                    self.warnings.add(
                        WarningKind::Ambiguous,
                        None,
                        format!(
                            "in {place}, \"{printed}\" may be the amount {joined} or a list number and an amount: left as printed"
                        ),
                    );
                }
            }
        }
    }

    /// Sub-questions no answer item covers, and answer items that cover none.
    pub(super) fn check_coverage(&mut self, question: &Question) {
        let Some(answer) = &question.answer else { return };
        for sub in question.asking() {
            if question.answers_to(&sub.label).next().is_none() {
                self.warnings.add(
                    WarningKind::Mismatch,
                    None,
                    format!("no answer item covers sub-question {}", sub.label),
                );
            }
        }
        for part in &answer.parts {
            for covered in &part.covers {
                let known = question
                    .sub_questions
                    .iter()
                    .any(|sub| crate::model::question::label_covers(covered, &sub.label));
                if !known {
                    self.warnings.add(
                        WarningKind::Mismatch,
                        None,
                        format!(
                            "answer item \"{}\" answers {covered}, which the question does not have",
                            part.printed_label
                        ),
                    );
                }
            }
        }
    }

    /// Written questions the text cites: `vraag nr. 779 van 7 augustus 2017`,
    /// `vragen nr. 779 van … en nr. 262 van …`.
    pub(super) fn references(&self, question: &Question) -> Vec<QuestionReference> {
        let mut texts: Vec<&str> = vec![&question.preamble];
        texts.extend(question.sub_questions.iter().map(|s| s.text.as_str()));
        if let Some(answer) = &question.answer {
            texts.extend(answer.parts.iter().map(|p| p.text.as_str()));
        }
        let all: Vec<Vec<QuestionReference>> = texts.iter().map(|t| cited_questions(t)).collect();
        // `vraag nr. 779` once with its date and once without is one question.
        let dated: HashSet<u32> = all
            .iter()
            .flatten()
            .filter(|r| r.date.is_some())
            .map(|r| r.number)
            .collect();
        let mut known = HashSet::new();
        let mut found: Vec<QuestionReference> = Vec::new();
        for reference in all.into_iter().flatten() {
            let own = Some(reference.number) == question.number && reference.date == question.date;
            let dated_elsewhere = reference.date.is_none() && dated.contains(&reference.number);
            if !own && !dated_elsewhere && known.insert((reference.number, reference.date)) {
                found.push(reference);
            }
        }
        found
    }
}
