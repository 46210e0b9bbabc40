//! A file that did not parse: a second, slower look that says what is wrong and where.

use serde_json::error::Category;

use super::dates::{DateFault, date_fault};
use super::errors::{LoadError, NotDossier, field_in_words, plain_message, strip_position};
use super::migrate::{self, Migration, MigrationError};
use crate::model::{Dossier, FORMAT_VERSION};

/// Parses again, this time keeping track of where the parser is, to say which field
/// is wrong.
pub(super) fn explain_parse_failure(bytes: &[u8], origin: &str) -> LoadError {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, Dossier>(&mut deserializer) {
        Err(error) => {
            let field = field_in_words(error.path());
            let inner = error.into_inner();
            match bad_date(bytes, &inner) {
                Some((text, fault, column)) => LoadError::BadDate {
                    origin: origin.to_string(),
                    line: inner.line(),
                    column,
                    field,
                    text,
                    fault,
                },
                None => json_error(&inner, field, origin),
            }
        }
        Ok(_) => match deserializer.end() {
            Err(error) => json_error(&error, "the end of the file".into(), origin),
            Ok(()) => LoadError::NotADossier {
                origin: origin.to_string(),
                reason: NotDossier::Unexplained,
            },
        },
    }
}

pub(super) fn migrate_and_read(
    bytes: &[u8],
    origin: &str,
    version: u64,
    migrations: &[Migration],
) -> Result<Dossier, LoadError> {
    let migration_error = |reason| LoadError::Migration {
        origin: origin.to_string(),
        found: version,
        reason,
    };
    let from = u32::try_from(version).map_err(|_| migration_error(MigrationError::Unknown(u32::MAX)))?;
    let mut value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|error| json_error(&error, "the top level".into(), origin))?;
    migrate::migrate(&mut value, from, FORMAT_VERSION, migrations).map_err(migration_error)?;
    serde_path_to_error::deserialize(value).map_err(|error| {
        let field = field_in_words(error.path());
        LoadError::Invalid {
            origin: origin.to_string(),
            line: 0,
            column: 0,
            field,
            message: plain_message(&error.into_inner().to_string()),
        }
    })
}

/// A file without a `format` key: damaged JSON, something else than JSON, or JSON that
/// is not a dossier.
pub(super) fn classify_headless(bytes: &[u8], origin: String, starts_with_object: bool) -> LoadError {
    match serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
        Ok(_) if starts_with_object => LoadError::NotADossier {
            origin,
            reason: NotDossier::NoFormat,
        },
        Ok(_) => LoadError::NotADossier {
            origin,
            reason: NotDossier::NotAnObject,
        },
        Err(error) if error.classify() == Category::Eof && starts_with_object => LoadError::Truncated {
            origin,
            line: error.line(),
            column: error.column(),
        },
        Err(_) if bytes.iter().all(u8::is_ascii_whitespace) => LoadError::NotADossier {
            origin,
            reason: NotDossier::Empty,
        },
        Err(error) if starts_with_object => syntax_error(&error, origin),
        Err(_) => LoadError::NotADossier {
            origin,
            reason: NotDossier::NotJson,
        },
    }
}

fn syntax_error(error: &serde_json::Error, origin: String) -> LoadError {
    LoadError::Syntax {
        origin,
        line: error.line(),
        column: error.column(),
        detail: plain_message(&strip_position(&error.to_string())),
    }
}

fn json_error(inner: &serde_json::Error, field: String, origin: &str) -> LoadError {
    let origin = origin.to_string();
    match inner.classify() {
        Category::Eof => LoadError::Truncated {
            origin,
            line: inner.line(),
            column: inner.column(),
        },
        Category::Syntax | Category::Io => syntax_error(inner, origin),
        Category::Data => LoadError::Invalid {
            origin,
            line: inner.line(),
            column: inner.column(),
            field,
            message: plain_message(&strip_position(&inner.to_string())),
        },
    }
}

/// The text and fault of a date the date library refused, with the column where the
/// text starts: the parser stops at the closing quote of the value it could not take.
fn bad_date(bytes: &[u8], error: &serde_json::Error) -> Option<(String, DateFault, usize)> {
    let message = error.to_string();
    let about_a_date = ["date", "month", "year", "day", "parameter"]
        .iter()
        .any(|word| message.contains(word));
    if error.classify() != Category::Data || !about_a_date {
        return None;
    }
    let line_start = if error.line() <= 1 {
        0
    } else {
        memchr::memchr_iter(b'\n', bytes).nth(error.line() - 2)? + 1
    };
    let close = line_start + error.column().checked_sub(1)?;
    if bytes.get(close) != Some(&b'"') {
        return None;
    }
    let open = (line_start..close)
        .rev()
        .find(|&at| bytes[at] == b'"' && bytes.get(at.wrapping_sub(1)) != Some(&b'\\'))?;
    let text: String = serde_json::from_slice(&bytes[open..=close]).ok()?;
    let fault = date_fault(&text)?;
    let column = String::from_utf8_lossy(&bytes[line_start..open]).chars().count() + 1;
    Some((text, fault, column))
}
