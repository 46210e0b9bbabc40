//! Dossier project files (`*.dossier.json`): reading with clear errors, writing with a
//! stable layout, atomic saves, and migrations of older versions.

pub mod atomic;
pub mod layout;
pub mod migrate;
pub mod recovery;
pub mod scan;

use std::io;
use std::path::Path;

use serde_json::error::Category;

use crate::model::{Dossier, FORMAT_NAME, FORMAT_VERSION, Problem};
use migrate::{MIGRATIONS, Migration, MigrationError};

/// The bundled Integratiepact dossier, built into the binary.
pub const BUNDLED_JSON: &str = include_str!("../../data/integratiepact.dossier.json");
/// How the bundled dossier is named in messages.
pub const BUNDLED_NAME: &str = "the bundled Integratiepact dossier";

/// The longest single text a dossier holds (an answer, a line of a source text).
pub const TEXT_LIMIT: usize = 1 << 20;
/// The largest file that is read at all.
pub const FILE_LIMIT: u64 = 2 << 30;

/// Why a file could not be opened as a dossier. Each message says what and where, in
/// words for the person who chose the file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("Cannot read {origin}: {}", describe_io(.source))]
    Read { origin: String, source: io::Error },
    #[error("{origin} is {} large; a dossier file can be at most {}.", bytes_in_words(*.size), bytes_in_words(FILE_LIMIT))]
    FileTooLarge { origin: String, size: u64 },
    #[error("{origin} is not a dossier file: {reason}.")]
    NotADossier { origin: String, reason: String },
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
    #[error("{origin} breaks {} of the rules of a dossier:\n{}", count_in_words(.problems.len()), list_problems(.problems))]
    Inconsistent { origin: String, problems: Vec<Problem> },
}

/// Why a dossier could not be saved. The dossier in memory is untouched.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("Could not save {path}: the dossier could not be written as JSON ({detail}).")]
    Serialize { path: String, detail: String },
    #[error("Could not save {path} while {}: {}. The file on disk is as it was.", .stage.describe(), describe_io(.source))]
    Write {
        path: String,
        stage: atomic::Stage,
        source: io::Error,
    },
}

/// Reads a dossier file.
pub fn load(path: &Path) -> Result<Dossier, LoadError> {
    let origin = path.display().to_string();
    let read_error = |source| LoadError::Read {
        origin: origin.clone(),
        source,
    };
    let size = std::fs::metadata(path).map_err(read_error)?.len();
    if size > FILE_LIMIT {
        return Err(LoadError::FileTooLarge { origin, size });
    }
    let bytes = std::fs::read(path).map_err(read_error)?;
    load_bytes(&bytes, &origin)
}

/// The bundled Integratiepact dossier.
pub fn bundled() -> Result<Dossier, LoadError> {
    load_bytes(BUNDLED_JSON.as_bytes(), BUNDLED_NAME)
}

/// Reads a dossier from the bytes of a file; `origin` names it in messages.
pub fn load_bytes(bytes: &[u8], origin: &str) -> Result<Dossier, LoadError> {
    load_bytes_with(bytes, origin, MIGRATIONS)
}

/// As [`load_bytes`], with the given migration steps.
pub fn load_bytes_with(bytes: &[u8], origin: &str, migrations: &[Migration]) -> Result<Dossier, LoadError> {
    let origin = origin.to_string();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // The common case first: a file of this version without an over-long text parses as
    // it is. Only when it does not, the slower pass runs that says what is wrong, where.
    if !scan::has_long_text(bytes, TEXT_LIMIT)
        && let Ok(dossier) = serde_json::from_slice::<Dossier>(bytes)
        && dossier.version == FORMAT_VERSION
    {
        return checked(dossier, origin);
    }
    let scanned = scan::scan(bytes, TEXT_LIMIT);
    match scanned.format.as_deref() {
        Some(FORMAT_NAME) => {}
        Some(other) => {
            return Err(LoadError::NotADossier {
                origin,
                reason: format!("its \"format\" is \"{other}\", not \"{FORMAT_NAME}\""),
            });
        }
        None => return Err(classify_headless(bytes, origin, scanned.starts_with_object)),
    }
    let Some(version) = scanned.version else {
        return Err(LoadError::NotADossier {
            origin,
            reason: "it has no \"version\" number at the top".into(),
        });
    };
    if version > u64::from(FORMAT_VERSION) {
        return Err(LoadError::NewerVersion {
            origin,
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    if let Some(long) = scanned.long_text {
        return Err(LoadError::TextTooLong {
            origin,
            line: long.line,
            column: long.column,
            field: long.path,
            size: long.bytes,
        });
    }
    let dossier = if version == u64::from(FORMAT_VERSION) {
        // Tracking the path costs more than the parse itself, so it is done only to
        // word the message once a plain parse has failed.
        match serde_json::from_slice::<Dossier>(bytes) {
            Ok(dossier) => dossier,
            Err(_) => return Err(explain_parse_failure(bytes, &origin)),
        }
    } else {
        migrate_and_read(bytes, &origin, version, migrations)?
    };
    checked(dossier, origin)
}

/// The dossier if it keeps the rules of one, with its id counter past every id in it.
fn checked(mut dossier: Dossier, origin: String) -> Result<Dossier, LoadError> {
    if let Err(problems) = dossier.validate() {
        return Err(LoadError::Inconsistent { origin, problems });
    }
    // A hand-edited file may add items with ids beyond the counter; never hand them out twice.
    dossier.next_id = dossier.next_id.max(dossier.max_id() + 1);
    Ok(dossier)
}

/// Parses again, this time keeping track of where the parser is, to say which field
/// is wrong.
fn explain_parse_failure(bytes: &[u8], origin: &str) -> LoadError {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, Dossier>(&mut deserializer) {
        Err(error) => {
            let field = field_in_words(error.path());
            json_error(&error.into_inner(), field, origin)
        }
        Ok(_) => match deserializer.end() {
            Err(error) => json_error(&error, "the end of the file".into(), origin),
            Ok(()) => LoadError::NotADossier {
                origin: origin.to_string(),
                reason: "it could not be read, for a reason the parser did not name".into(),
            },
        },
    }
}

fn migrate_and_read(
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
fn classify_headless(bytes: &[u8], origin: String, starts_with_object: bool) -> LoadError {
    match serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
        Ok(_) if starts_with_object => LoadError::NotADossier {
            origin,
            reason: format!("it has no \"format\": \"{FORMAT_NAME}\" at the top"),
        },
        Ok(_) => LoadError::NotADossier {
            origin,
            reason: "it holds JSON, but not an object with a dossier in it".into(),
        },
        Err(error) if error.classify() == Category::Eof && starts_with_object => LoadError::Truncated {
            origin,
            line: error.line(),
            column: error.column(),
        },
        Err(_) if bytes.iter().all(u8::is_ascii_whitespace) => LoadError::NotADossier {
            origin,
            reason: "it is empty".into(),
        },
        Err(error) if starts_with_object => syntax_error(&error, origin),
        Err(_) => LoadError::NotADossier {
            origin,
            reason: "it is not a JSON text".into(),
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

/// `questions #3 › sub questions #1 › text`, or `the top level`.
fn field_in_words(path: &serde_path_to_error::Path) -> String {
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

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) if message[at..].contains(" column ") => message[..at].to_string(),
        _ => message.to_string(),
    }
}

/// Rewords serde's messages for people: types as a reader knows them, names in quotes.
fn plain_message(message: &str) -> String {
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

fn describe_io(error: &io::Error) -> String {
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

/// A size as a message gives it: `2048 MB`, `12 kB`, `300 bytes`.
pub fn bytes_in_words(bytes: u64) -> String {
    const MIB: u64 = 1 << 20;
    match bytes {
        b if b >= MIB => format!("{} MB", b / MIB),
        b if b >= 1024 => format!("{} kB", b / 1024),
        b => format!("{b} bytes"),
    }
}

fn count_in_words(count: usize) -> String {
    if count == 1 {
        "one".into()
    } else {
        count.to_string()
    }
}

/// The first problems, one a line; the rest counted.
fn list_problems(problems: &[Problem]) -> String {
    const SHOWN: usize = 10;
    let mut lines: Vec<String> = problems.iter().take(SHOWN).map(|p| format!("- {p}")).collect();
    if problems.len() > SHOWN {
        lines.push(format!("… and {} more", problems.len() - SHOWN));
    }
    lines.join("\n")
}

/// The dossier as the bytes of a file, in the stable layout.
pub fn to_bytes(dossier: &Dossier) -> Result<Vec<u8>, serde_json::Error> {
    layout::to_vec(dossier)
}

/// Whether the dossier, written as a file, would open again by the loader's own rules:
/// what an import checks before it joins a dossier, so that nothing unopenable is saved.
pub fn check_reopens(dossier: &Dossier, origin: &str) -> Result<(), LoadError> {
    let bytes = to_bytes(dossier).map_err(|error| LoadError::NotADossier {
        origin: origin.to_string(),
        reason: error.to_string(),
    })?;
    load_bytes(&bytes, origin).map(|_| ())
}

/// Saves atomically; see [`atomic::write_atomically`].
pub fn save(path: &Path, dossier: &Dossier) -> Result<(), SaveError> {
    save_with(path, dossier, |_| Ok(()))
}

/// As [`save`], running `before_replace` just before the old file is replaced.
///
/// The file being replaced is kept as `NAME.bak` beside it (see [`backup_path`]), so the
/// version before the last save can always be got back.
pub fn save_with(
    path: &Path,
    dossier: &Dossier,
    before_replace: impl FnOnce(&Path) -> io::Result<()>,
) -> Result<(), SaveError> {
    let shown = path.display().to_string();
    let bytes = to_bytes(dossier).map_err(|error| SaveError::Serialize {
        path: shown.clone(),
        detail: error.to_string(),
    })?;
    atomic::write_atomically(path, &bytes, |temporary| {
        before_replace(temporary)?;
        keep_backup(path)
    })
    .map_err(|(stage, source)| SaveError::Write {
        path: shown,
        stage,
        source,
    })
}

/// Where the previous version of `path` is kept: `integratiepact.dossier.json.bak`.
pub fn backup_path(path: &Path) -> std::path::PathBuf {
    let target = atomic::follow_link(path);
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    target.with_file_name(name)
}

/// Keeps the file about to be replaced as its `.bak`: a second name for the same bytes
/// where the file system allows it (instant at any size), a copy where it does not.
fn keep_backup(path: &Path) -> io::Result<()> {
    let target = atomic::follow_link(path);
    if !target.is_file() {
        return Ok(());
    }
    let backup = backup_path(path);
    match std::fs::remove_file(&backup) {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(error) => return Err(error),
    }
    if std::fs::hard_link(&target, &backup).is_err() {
        std::fs::copy(&target, &backup)?;
    }
    Ok(())
}
