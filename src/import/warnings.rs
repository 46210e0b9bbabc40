//! What the reader of written questions could not tell, guessed, or left out: one
//! warning each, with the line it is about; a text that makes very many lists the first
//! ones and counts the rest.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// Not in the text: left unknown.
    Unknown,
    /// Read with a guess that a person should check.
    Guessed,
    /// Could be read two ways: left as printed.
    Ambiguous,
    /// Left out of the result (page furniture).
    LeftOut,
    /// Figures or labels that do not agree.
    Mismatch,
}

/// One thing the reader could not determine, guessed, or left out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub kind: WarningKind,
    /// The line of the text it is about, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// The most warnings listed for one text: a text that makes more (thousands of amounts
/// that may be split, say) lists these and counts the rest, so that what a person reads,
/// and what reading takes, stays in proportion.
const WARNINGS_LISTED: usize = 500;

#[derive(Debug, Default)]
pub(crate) struct Warnings(pub Vec<Warning>, usize);

impl Warnings {
    pub(crate) fn add(&mut self, kind: WarningKind, line: Option<usize>, message: impl Into<String>) {
        if self.0.len() >= WARNINGS_LISTED {
            self.1 += 1;
            return;
        }
        self.0.push(Warning {
            kind,
            line,
            message: message.into(),
        });
    }

    /// The warnings, the ones not listed counted in a last one.
    pub(crate) fn into_list(mut self) -> Vec<Warning> {
        if self.1 > 0 {
            self.0.push(Warning {
                kind: WarningKind::LeftOut,
                line: None,
                message: format!("… and {} more warnings, not listed", self.1),
            });
        }
        self.0
    }
}
