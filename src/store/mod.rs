//! Dossier project files (`*.dossier.json`): reading with clear errors, writing with a
//! stable layout, atomic saves, and migrations of older versions.

pub mod atomic;
pub mod dates;
mod errors;
mod explain;
pub mod layout;
mod layout_parts;
pub mod lock;
pub mod migrate;
pub mod reading;
pub mod recovery;
pub mod scan;
pub mod stamp;
pub mod watch;

use std::io;
use std::path::Path;

pub use atomic::Moment;
pub(crate) use errors::join_path;
pub use errors::{LoadError, NotDossier, PROBLEMS_SHOWN, PlacedProblem, SaveError, bytes_in_words};
use explain::{classify_headless, explain_parse_failure, migrate_and_read};
pub use stamp::{DiskStamp, DiskState};

use crate::model::{self, Dossier, FORMAT_NAME, FORMAT_VERSION};
use migrate::{MIGRATIONS, Migration};

/// The bundled Integratiepact dossier, built into the binary.
pub const BUNDLED_JSON: &str = include_str!("../../data/integratiepact.dossier.json");
/// How the bundled dossier is named in messages.
pub const BUNDLED_NAME: &str = "the bundled Integratiepact dossier";

/// The longest single text a dossier holds (an answer, a line of a source text).
pub const TEXT_LIMIT: usize = 1 << 20;
/// The largest file that is read at all.
pub const FILE_LIMIT: u64 = 2 << 30;

/// Reads a dossier file.
pub fn load(path: &Path) -> Result<Dossier, LoadError> {
    load_stamped(path).map(|(dossier, _)| dossier)
}

/// Reads a dossier file, with the stamp of what was read.
pub fn load_stamped(path: &Path) -> Result<(Dossier, DiskStamp), LoadError> {
    let origin = path.display().to_string();
    let bytes = reading::read_limited(path, FILE_LIMIT).map_err(|error| match error {
        reading::ReadError::Io(source) => LoadError::Read {
            origin: origin.clone(),
            source,
        },
        reading::ReadError::NotAFile(kind) => LoadError::NotAFile {
            origin: origin.clone(),
            kind,
        },
        reading::ReadError::TooLarge { .. } => LoadError::FileTooLarge {
            origin: origin.clone(),
        },
    })?;
    // The stamp's hash of the bytes is worked out beside the parse, on the other core.
    let (dossier, stamp) = load_bytes_beside(&bytes, &origin, MIGRATIONS, || DiskStamp::of(path, &bytes));
    let stamp = stamp.unwrap_or_else(|| DiskStamp::of(path, &bytes));
    Ok((dossier?, stamp))
}

/// How much one read or write of a large file asks of the system at once. The system
/// copies a call's bytes without a break where its kernel does not preempt itself (as
/// here): two reads of 84 MB each, of a file just written, kept the window's thread off
/// both cores for 60 ms. Calls of a mebibyte let it in between.
pub(crate) const IO_STEP: usize = 1 << 20;

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
    load_bytes_beside(bytes, origin, migrations, || ()).0
}

/// As [`load_bytes_with`], running `beside` on the other core while the bytes are
/// parsed: its result, unless it panicked.
fn load_bytes_beside<T: Send>(
    bytes: &[u8],
    origin: &str,
    migrations: &[Migration],
    beside: impl FnOnce() -> T + Send,
) -> (Result<Dossier, LoadError>, Option<T>) {
    let origin = origin.to_string();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // The common case first: a file of this version without an over-long text parses as
    // it is. Only when it does not, the slower pass runs that says what is wrong, where.
    // The look for an over-long text runs beside the parse, on the other core, and then
    // `beside`: one thread, so that the parse keeps a core of its own.
    let (long_text, parsed, beside) = std::thread::scope(|scope| {
        let helper = scope.spawn(|| (scan::has_long_text(bytes, TEXT_LIMIT), beside()));
        let parsed = serde_json::from_slice::<Dossier>(bytes);
        let (long_text, beside) = helper
            .join()
            .map_or((true, None), |(long, beside)| (long, Some(beside)));
        (long_text, parsed, beside)
    });
    (load_parsed(bytes, origin, migrations, long_text, parsed), beside)
}

/// The dossier of `bytes`, given whether they hold an over-long text and how they parse
/// as a dossier of this version.
fn load_parsed(
    bytes: &[u8],
    origin: String,
    migrations: &[Migration],
    long_text: bool,
    parsed: serde_json::Result<Dossier>,
) -> Result<Dossier, LoadError> {
    if !long_text
        && let Ok(dossier) = parsed
        && dossier.version == FORMAT_VERSION
    {
        return checked(dossier, origin, bytes);
    }
    let scanned = scan::scan(bytes, TEXT_LIMIT);
    match scanned.format.as_deref() {
        Some(FORMAT_NAME) => {}
        Some(other) => {
            return Err(LoadError::NotADossier {
                origin,
                reason: NotDossier::OtherFormat(other.to_string()),
            });
        }
        None => return Err(classify_headless(bytes, origin, scanned.starts_with_object)),
    }
    let Some(version) = scanned.version else {
        let reason = match scanned.version_text {
            Some(written) => NotDossier::BadVersion(written),
            None => NotDossier::NoVersion,
        };
        return Err(LoadError::NotADossier { origin, reason });
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
    checked(dossier, origin, bytes)
}

/// The dossier if it keeps the rules of one, with its id counter past every id in it.
fn checked(mut dossier: Dossier, origin: String, bytes: &[u8]) -> Result<Dossier, LoadError> {
    if let Err(problems) = dossier.validate() {
        // Only the problems a message shows are looked up: one pass over the file.
        let shown: Vec<&model::rules::Location> =
            problems.iter().take(PROBLEMS_SHOWN).map(|p| &p.at).collect();
        let mut positions = scan::locate(bytes, &shown).into_iter();
        let problems = problems
            .into_iter()
            .map(|problem| PlacedProblem {
                problem,
                position: positions.next().flatten(),
            })
            .collect();
        return Err(LoadError::Inconsistent { origin, problems });
    }
    // A hand-edited file may add items with ids beyond the counter; never hand them out twice.
    dossier.next_id = dossier.next_id.max(dossier.max_id() + 1);
    Ok(dossier)
}

/// The dossier as the bytes of a file, in the stable layout.
pub fn to_bytes(dossier: &Dossier) -> Result<Vec<u8>, serde_json::Error> {
    layout_parts::lay_out_watched(dossier, 0, &mut |_| Ok(())).map(layout_parts::LaidOut::into_vec)
}

/// Whether the dossier, written as a file, would open again by the loader's own rules:
/// what an import checks before it joins a dossier, so that nothing unopenable is saved.
pub fn check_reopens(dossier: &Dossier, origin: &str) -> Result<(), LoadError> {
    let bytes = to_bytes(dossier).map_err(|error| LoadError::NotADossier {
        origin: origin.to_string(),
        reason: NotDossier::Unwritable(error.to_string()),
    })?;
    load_bytes(&bytes, origin).map(|_| ())
}

/// Saves atomically; see [`atomic::write_atomically`]. Gives the stamp of what was written.
pub fn save(path: &Path, dossier: &Dossier) -> Result<DiskStamp, SaveError> {
    save_observed(path, dossier, |_, _| Ok(()))
}

/// As [`save`], telling `observe` each moment of the save (see
/// [`atomic::write_atomically_observed`]).
///
/// The file being replaced is kept as `NAME.bak` beside it (see [`backup_path`]), so the
/// version before the last save can always be got back. A read-only file is not
/// replaced.
pub fn save_observed(
    path: &Path,
    dossier: &Dossier,
    observe: impl FnMut(Moment, &Path) -> io::Result<()>,
) -> Result<DiskStamp, SaveError> {
    save_watched(path, dossier, &mut |_, _| Ok(()), observe)
}

/// As [`save_observed`], telling `watch` how many bytes of the file are written so far
/// and how many are expected (the size of the file it replaces, or 0 when there is
/// none); an error from it stops the save before the file is touched.
pub fn save_watched(
    path: &Path,
    dossier: &Dossier,
    watch: &mut dyn FnMut(usize, usize) -> io::Result<()>,
    mut observe: impl FnMut(Moment, &Path) -> io::Result<()>,
) -> Result<DiskStamp, SaveError> {
    let shown = path.display().to_string();
    if atomic::is_read_only(path) {
        return Err(SaveError::ReadOnly { path: shown });
    }
    // The file it replaces is usually of about the same size: room for it and a little
    // more, so that the buffer of a large dossier is not copied as it grows.
    let expected = std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map_or(0, |metadata| usize::try_from(metadata.len()).unwrap_or(0));
    let room = expected.saturating_add(expected / 16);
    forget_cached(&backup_path(path));
    let laid_out = layout_parts::lay_out_watched(dossier, room, &mut |written| watch(written, expected))
        .map_err(|error| SaveError::Serialize {
            path: shown.clone(),
            detail: error.to_string(),
        })?;
    let pieces = laid_out.pieces();
    // The stamp's hash of the bytes is worked out beside the write, on the other core.
    let (written, content) = std::thread::scope(|scope| {
        let content = scope.spawn(|| stamp::content_hash_of_pieces(&pieces));
        let written = atomic::write_pieces_atomically_observed(path, &pieces, |moment, file| {
            observe(moment, file)?;
            if moment == Moment::TemporaryFlushed {
                keep_backup(path, &mut observe)?;
            }
            Ok(())
        });
        (written, content.join())
    });
    written.map_err(|(stage, source)| SaveError::Write {
        path: shown,
        stage,
        source,
    })?;
    let content = content.unwrap_or_else(|_| stamp::content_hash_of_pieces(&pieces));
    let len = pieces.iter().map(|piece| piece.len()).sum();
    Ok(DiskStamp::with_content(path, len, content))
}

/// Tells the system that the pages it keeps of the file at `path` (the `.bak` a save is
/// about to replace) are not needed: they are freed at once and used again for the new
/// file and its layout, instead of fresh memory, which the system may first have to get
/// back (here, writing 168 MB into fresh pages took from 50 ms to 2.5 s; into just-freed
/// ones 50–70 ms). The file itself is untouched. Only advice: where it is not taken, the
/// save is the same.
#[cfg(target_os = "linux")]
fn forget_cached(path: &Path) {
    use rustix::fs::{Advice, Mode, OFlags};
    // Not waiting on a named pipe, and only a plain file.
    let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC;
    if let Ok(file) = rustix::fs::open(path, flags, Mode::empty())
        && rustix::fs::fstat(&file)
            .is_ok_and(|stat| rustix::fs::FileType::from_raw_mode(stat.st_mode).is_file())
    {
        let _ = rustix::fs::fadvise(&file, 0, None, Advice::DontNeed);
    }
}

#[cfg(not(target_os = "linux"))]
fn forget_cached(_: &Path) {}

/// Where the previous version of `path` is kept: `integratiepact.dossier.json.bak`.
pub fn backup_path(path: &Path) -> std::path::PathBuf {
    let target = atomic::follow_link(path);
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    target.with_file_name(name)
}

/// Keeps the file about to be replaced as its `.bak`: a second name for the same bytes
/// where the file system allows it (instant at any size), a copy where it does not. The
/// new `.bak` is made under a temporary name and renamed over the old one, so that a
/// kill at any moment leaves the old `.bak` or the new one.
fn keep_backup(path: &Path, observe: &mut impl FnMut(Moment, &Path) -> io::Result<()>) -> io::Result<()> {
    let target = atomic::follow_link(path);
    if !target.is_file() {
        return Ok(());
    }
    let backup = backup_path(path);
    let folder = backup.parent().unwrap_or(Path::new("."));
    // A free name of the pattern the next save clears up, should this one be killed.
    let successor = atomic::temporary_beside(folder, &atomic::file_name(&backup))?.into_temp_path();
    std::fs::remove_file(&successor)?;
    if std::fs::hard_link(&target, &successor).is_err() {
        std::fs::copy(&target, &successor)?;
        std::fs::File::open(&successor)?.sync_all()?;
    }
    observe(Moment::BackupLinked, &successor)?;
    let successor_path = successor.to_path_buf();
    successor.persist(&backup).map_err(|error| error.error)?;
    // Renaming a name over another name of the same file does nothing: where the `.bak`
    // already was the file (a save killed just after keeping it), the successor stays.
    match std::fs::remove_file(&successor_path) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => return Err(error),
        _ => {}
    }
    observe(Moment::BackupKept, &backup)
}
