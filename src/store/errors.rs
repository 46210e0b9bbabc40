//! Why a file could not be opened or saved, in words that say what and where.

use std::io;

use super::atomic;
use super::migrate::MigrationError;
use super::reading;
use super::{FILE_LIMIT, TEXT_LIMIT};
use crate::model::{FORMAT_NAME, FORMAT_VERSION, Problem};

/// Why a file could not be opened as a dossier. Each message says what and where, in
/// words for the person who chose the file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("Cannot read {origin}: {}", describe_io(.source))]
    Read { origin: String, source: io::Error },
    #[error(
        "{origin} is larger than {}, the most a dossier file can be.",
        bytes_in_words(FILE_LIMIT)
    )]
    FileTooLarge { origin: String },
    #[error("{origin} is {}, not a file; a dossier is opened from a file.", .kind.describe())]
    NotAFile {
        origin: String,
        kind: reading::SpecialFile,
    },
    #[error("{origin} is not a dossier file: {reason}.")]
    NotADossier { origin: String, reason: NotDossier },
    #[error(
        "{origin} ends too early, at line {line}, column {column}: it was probably cut off while being copied or saved."
    )]
    Truncated {
        origin: String,
        line: usize,
        column: usize,
    },
    #[error(
        "{origin}, line {line}, column {column}: the file is damaged, this is not valid JSON ({detail})."
    )]
    Syntax {
        origin: String,
        line: usize,
        column: usize,
        detail: String,
    },
    #[error(
        "{origin} was saved by a newer Dossier Workbench, in file format version {found}; this version reads versions up to {supported}. Update Dossier Workbench to open it."
    )]
    NewerVersion {
        origin: String,
        found: u64,
        supported: u32,
    },
    #[error("{origin} has file format version {found}, which cannot be read: {reason}.")]
    Migration {
        origin: String,
        found: u64,
        reason: MigrationError,
    },
    #[error("{origin}, {}at {field}: {message}.", position(*.line, *.column))]
    Invalid {
        origin: String,
        line: usize,
        column: usize,
        field: String,
        message: String,
    },
    #[error(
        "{origin}, line {line}, column {column}, at {field}: a text of {} is too long; a text in a dossier holds at most {}.",
        bytes_in_words(*.size as u64),
        bytes_in_words(TEXT_LIMIT as u64)
    )]
    TextTooLong {
        origin: String,
        line: usize,
        column: usize,
        field: String,
        size: usize,
    },
    #[error("{origin}, line {line}, column {column}, at {field}: \"{text}\" is not a date: {fault}.")]
    BadDate {
        origin: String,
        line: usize,
        column: usize,
        field: String,
        text: String,
        fault: super::dates::DateFault,
    },
    #[error("{origin} breaks {} of the rules of a dossier:\n{}", count_in_words(.problems.len()), list_problems(.problems))]
    Inconsistent {
        origin: String,
        problems: Vec<PlacedProblem>,
    },
}

/// A rule a file breaks, with the line and column in the file of the item that breaks
/// it, where that was looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedProblem {
    pub problem: Problem,
    /// Line and column, from 1.
    pub position: Option<(usize, usize)>,
}

impl std::fmt::Display for PlacedProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.position {
            Some((line, column)) => write!(f, "line {line}, column {column}: {}", self.problem),
            None => write!(f, "{}", self.problem),
        }
    }
}

/// How many of a file's broken rules a message lists; the rest are counted.
pub const PROBLEMS_SHOWN: usize = 10;

/// Why a file is not a dossier file at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotDossier {
    #[error("its \"format\" is \"{0}\", not \"{FORMAT_NAME}\"")]
    OtherFormat(String),
    #[error("it has no \"format\": \"{FORMAT_NAME}\" at the top")]
    NoFormat,
    #[error("it has no \"version\" at the top")]
    NoVersion,
    /// The version as written: `-1`, `1.0`, `null`, `"1"`.
    #[error("its \"version\" is {0}, but a version is a whole number, such as {FORMAT_VERSION}")]
    BadVersion(String),
    #[error("it holds JSON, but not an object with a dossier in it")]
    NotAnObject,
    #[error("it is empty")]
    Empty,
    #[error("it is not a JSON text")]
    NotJson,
    #[error("it could not be read, for a reason the parser did not name")]
    Unexplained,
    #[error("it could not be written as JSON ({0})")]
    Unwritable(String),
}

/// Why a dossier could not be saved. The dossier in memory is untouched.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error(
        "{path} was changed on disk by someone else since it was opened or saved here; it was not overwritten."
    )]
    ChangedOnDisk { path: String },
    #[error("{path} is read-only, so it was not replaced. Save the dossier under another name with Save As.")]
    ReadOnly { path: String },
    #[error("Could not save {path}: the dossier could not be written as JSON ({detail}).")]
    Serialize { path: String, detail: String },
    #[error("Could not save {path} while {}: {}. The file on disk is as it was.", .stage.describe(), describe_io(.source))]
    Write {
        path: String,
        stage: atomic::Stage,
        source: io::Error,
    },
}

/// `questions #3 › sub questions #1 › text`, or `the top level`.
pub(super) fn field_in_words(path: &serde_path_to_error::Path) -> String {
    let segments: Vec<String> = path
        .iter()
        .map(|segment| match segment {
            serde_path_to_error::Segment::Seq { index } => format!("#{}", index + 1),
            serde_path_to_error::Segment::Map { key }
            | serde_path_to_error::Segment::Enum { variant: key } => key.replace('_', " "),
            serde_path_to_error::Segment::Unknown => "?".into(),
        })
        .collect();
    join_path(&segments)
}

/// Joins path segments, putting a list index right after its key: `rows #8 › cells #4`.
pub(crate) fn join_path(segments: &[String]) -> String {
    let mut out = String::new();
    for segment in segments {
        if segment.starts_with('#') && !out.is_empty() {
            out.push(' ');
        } else if !out.is_empty() {
            out.push_str(" › ");
        }
        out.push_str(segment);
    }
    if out.is_empty() {
        "the top level".into()
    } else {
        out
    }
}

pub(super) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) if message[at..].contains(" column ") => message[..at].to_string(),
        _ => message.to_string(),
    }
}

/// Rewords serde's messages for people: types as a reader knows them, names in quotes.
pub(super) fn plain_message(message: &str) -> String {
    let mut text = message
        .replace('`', "\"")
        .replace("invalid type: ", "wrong kind of value: found ")
        .replace("invalid value: ", "wrong value: found ")
        .replace("expected u32", "expected a whole number")
        .replace("expected u64", "expected a whole number")
        .replace("expected i64", "expected a whole number")
        .replace("expected i16", "expected a whole number")
        .replace("expected a sequence", "expected a list")
        .replace("expected a map", "expected an object")
        .replace("found map", "found an object")
        .replace("found sequence", "found a list")
        .replace("found string ", "found the text ")
        .replace("found integer ", "found the number ")
        .replace("found floating point ", "found the number ")
        .replace("found boolean ", "found ");
    if let Some(rest) = text.strip_prefix("missing field ") {
        text = format!("the field {rest} is missing");
    }
    if let Some(rest) = text.strip_prefix("unknown field ") {
        text = format!("unknown field {rest}");
    }
    text
}

fn position(line: usize, column: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!("line {line}, column {column}, ")
    }
}

pub(super) fn describe_io(error: &io::Error) -> String {
    let reason = match error.kind() {
        io::ErrorKind::NotFound => "the file or folder does not exist",
        io::ErrorKind::PermissionDenied => {
            "permission denied (the file or its folder is read-only, or not yours)"
        }
        io::ErrorKind::StorageFull => "the disk is full",
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only",
        io::ErrorKind::IsADirectory => "that is a folder, not a file",
        io::ErrorKind::QuotaExceeded => "the disk quota is used up",
        _ => return error.to_string(),
    };
    reason.to_string()
}

/// A size as a message gives it: `2048 MB`, `12 kB`, `300 bytes`, and exact where
/// rounding would hide the difference: 1 048 577 bytes is not "1 MB".
pub fn bytes_in_words(bytes: u64) -> String {
    const MIB: u64 = 1 << 20;
    match bytes {
        b if b >= MIB && b.is_multiple_of(MIB) => format!("{} MB", b / MIB),
        b if b >= 1024 && b.is_multiple_of(1024) => format!("{} kB", b / 1024),
        b => format!("{} bytes", grouped(b)),
    }
}

/// Digits in groups of three, apart by a space that does not break: `1 048 577`.
fn grouped(number: u64) -> String {
    let digits = number.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(digit);
    }
    out
}

fn count_in_words(count: usize) -> String {
    if count == 1 {
        "one".into()
    } else {
        count.to_string()
    }
}

/// The first problems, one a line; the rest counted.
fn list_problems(problems: &[PlacedProblem]) -> String {
    let mut lines: Vec<String> = problems
        .iter()
        .take(PROBLEMS_SHOWN)
        .map(|p| format!("- {p}"))
        .collect();
    if problems.len() > PROBLEMS_SHOWN {
        lines.push(format!("… and {} more", problems.len() - PROBLEMS_SHOWN));
    }
    lines.join("\n")
}
