//! Written questions, their sub-questions and the answers to them.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::dossier::QuestionId;
use super::source::SourceRef;

/// A minister as printed: the name, and the title as the document gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Minister {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// How much of a question the dossier holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    /// The text of the question (and its answer, if any) is in a source document.
    #[default]
    FullText,
    /// Known only because other questions cite it; its own text is not in the dossier.
    CitedOnly,
}

/// A written question to a minister.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: QuestionId,
    /// The number the parliament gave it; `None` when the source does not print it.
    #[serde(default)]
    pub number: Option<u32>,
    /// The date it was asked; `None` when unknown.
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub questioner: Option<String>,
    /// The minister it was addressed to.
    #[serde(default)]
    pub minister: Option<Minister>,
    /// The subject line.
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "is_full_text")]
    pub coverage: Coverage,
    #[serde(default)]
    pub preamble: String,
    #[serde(default)]
    pub sub_questions: Vec<SubQuestion>,
    #[serde(default)]
    pub answer: Option<Answer>,
    /// Other questions this one cites, by number, whether or not they are in the dossier.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<QuestionReference>,
    /// Where the values above come from when the source is incomplete.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

fn is_full_text(coverage: &Coverage) -> bool {
    *coverage == Coverage::FullText
}

/// What a sub-question is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubQuestionRole {
    /// It asks something and expects an answer.
    #[default]
    Asks,
    /// It introduces the lettered sub-questions under its number ("1. Inzake het
    /// ondersteuningsaanbod."): nothing to answer on its own.
    Introduces,
}

/// A numbered or lettered part of a question. Labels are `1`, `1.a`, `3.d` …
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubQuestion {
    pub label: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "is_asking")]
    pub role: SubQuestionRole,
    /// What the answer did with it, as judged by a person; `None` until someone has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<AnswerStatus>,
}

/// What an answer did with a sub-question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerStatus {
    Answered,
    PartlyAnswered,
    /// "Ik verwijs hiervoor naar …": sent elsewhere.
    Referred,
    /// "Het is te vroeg …", "wordt … afgerond tegen …": put off.
    Deferred,
    NotAnswered,
}

impl AnswerStatus {
    pub const ALL: [AnswerStatus; 5] = [
        AnswerStatus::Answered,
        AnswerStatus::PartlyAnswered,
        AnswerStatus::Referred,
        AnswerStatus::Deferred,
        AnswerStatus::NotAnswered,
    ];
}

/// Wordings that send the reader elsewhere.
const REFERRING: [&str; 4] = ["verwijs", "zie het antwoord", "raadplegen op", "terug te vinden"];
/// Wordings that put the answer off.
const DEFERRING: [&str; 6] = [
    "te vroeg",
    "afgerond tegen",
    "zal worden afgerond",
    "nog lopende",
    "nog niet",
    "wordt momenteel",
];

/// A suggestion for a sub-question's status from the wording of the answer items that
/// cover it; the user confirms or changes it. `None` for an introduction.
pub fn suggest_status(question: &Question, label: &str) -> Option<AnswerStatus> {
    let sub = question.sub_questions.iter().find(|sub| sub.label == label)?;
    if sub.role == SubQuestionRole::Introduces {
        return None;
    }
    let texts: Vec<&str> = question
        .answers_to(label)
        .map(|part| part.text.as_str())
        .collect();
    if texts.is_empty() {
        return Some(AnswerStatus::NotAnswered);
    }
    // Only a short answer is read for its wording; a long one is taken as an answer
    // without lowering the case of all of it (this runs for every frame's detail view).
    let mut length = texts.len() - 1;
    for ch in texts.iter().flat_map(|text| text.chars()) {
        length += ch.to_lowercase().count();
        if length >= 400 {
            return Some(AnswerStatus::Answered);
        }
    }
    let all = texts.join(" ").to_lowercase();
    let said = |words: &[&str]| words.iter().any(|word| all.contains(word));
    Some(if said(&REFERRING) {
        AnswerStatus::Referred
    } else if said(&DEFERRING) {
        AnswerStatus::Deferred
    } else {
        AnswerStatus::Answered
    })
}

fn is_asking(role: &SubQuestionRole) -> bool {
    *role == SubQuestionRole::Asks
}

/// The minister's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The date of the answer; `None` when the source does not give it.
    #[serde(default)]
    pub date: Option<Date>,
    /// The minister who signed the answer; `None` when not printed.
    #[serde(default)]
    pub minister: Option<Minister>,
    #[serde(default)]
    pub parts: Vec<AnswerPart>,
    /// Annexes the answer names but the text does not contain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<String>,
}

/// One numbered item of an answer. A combined item (`1-2.`, `1. a-c)`) covers several
/// sub-questions; an item may cover a group label (`1`), which covers its lettered parts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerPart {
    /// The item's label as printed: `1-2.`, `1. a-c)`, `b)`.
    pub printed_label: String,
    /// The sub-question labels it answers; empty for an excerpt not tied to one.
    pub covers: Vec<String>,
    pub text: String,
}

/// A citation of another written question: `vraag nr. 779 van 7 augustus 2017`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionReference {
    pub number: u32,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

/// Whether `covered` (an answer item's label) covers the sub-question `label`: the same
/// label, or a group label of it (`3` covers `3.d`).
pub fn label_covers(covered: &str, label: &str) -> bool {
    label == covered
        || label
            .strip_prefix(covered)
            .is_some_and(|rest| rest.starts_with('.'))
}

impl Question {
    /// `Q271`, or `None` when the number is unknown.
    /// The questions it cites, as they are named: `Q779, Q262`.
    pub fn cited_names(&self) -> String {
        self.references
            .iter()
            .map(|r| format!("Q{}", r.number))
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn short_name(&self) -> Option<String> {
        self.number.map(|number| format!("Q{number}"))
    }

    /// The sub-questions that ask something (not the group introductions).
    pub fn asking(&self) -> impl Iterator<Item = &SubQuestion> {
        self.sub_questions
            .iter()
            .filter(|sub| sub.role == SubQuestionRole::Asks)
    }

    /// The answer items that cover a sub-question, in the answer's order.
    pub fn answers_to<'a>(&'a self, label: &'a str) -> impl Iterator<Item = &'a AnswerPart> + 'a {
        self.answer
            .iter()
            .flat_map(|answer| answer.parts.iter())
            .filter(move |part| part.covers.iter().any(|covered| label_covers(covered, label)))
    }

    /// The status of a sub-question: the one set by hand, else the suggestion.
    /// The flag tells whether a person confirmed it.
    pub fn status_of(&self, label: &str) -> Option<(AnswerStatus, bool)> {
        let sub = self.sub_questions.iter().find(|sub| sub.label == label)?;
        match sub.status {
            Some(status) => Some((status, true)),
            None => suggest_status(self, label).map(|status| (status, false)),
        }
    }

    /// The minister who answered or, failing that, the one it was addressed to.
    pub fn minister_name(&self) -> Option<&str> {
        self.minister
            .as_ref()
            .or(self.answer.as_ref().and_then(|answer| answer.minister.as_ref()))
            .map(|minister| minister.name.as_str())
    }

    /// How many asking sub-questions have at least one answer item.
    pub fn answered_count(&self) -> usize {
        self.asking()
            .filter(|sub| self.answers_to(&sub.label).next().is_some())
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_label_covers_its_lettered_parts_only() {
        assert!(label_covers("3", "3.d"));
        assert!(label_covers("3.d", "3.d"));
        assert!(!label_covers("3", "30"));
        assert!(!label_covers("3.d", "3"));
        assert!(!label_covers("1", "10.a"));
    }
}
