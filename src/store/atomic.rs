//! Atomic file replacement: a crash at any moment leaves the old file or the new one,
//! never a mix.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// What stage of an atomic write failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    CreateTemporary,
    Write,
    Flush,
    Replace,
    SyncFolder,
}

impl Stage {
    pub fn describe(self) -> &'static str {
        match self {
            Stage::CreateTemporary => "creating a temporary file next to it",
            Stage::Write => "writing",
            Stage::Flush => "flushing to disk",
            Stage::Replace => "replacing the old file",
            Stage::SyncFolder => "flushing the folder to disk",
        }
    }
}

/// The moments of an atomic save, in order. A test may stop the save at each, as a
/// kill or a power cut would.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moment {
    /// The temporary file exists, empty.
    TemporaryCreated,
    /// The temporary file holds the bytes, perhaps only in the cache.
    TemporaryWritten,
    /// The temporary file is on disk; the old file is about to be replaced.
    TemporaryFlushed,
    /// The `.bak` about to be replaced has its successor beside it, under a temporary name.
    BackupLinked,
    /// The `.bak` holds the file about to be replaced.
    BackupKept,
    /// The new file has the name; the folder is about to be flushed.
    Replaced,
}

impl Moment {
    pub const ALL: [Moment; 6] = [
        Moment::TemporaryCreated,
        Moment::TemporaryWritten,
        Moment::TemporaryFlushed,
        Moment::BackupLinked,
        Moment::BackupKept,
        Moment::Replaced,
    ];
}

/// Temporary files of a save older than this are left over from a save that was
/// interrupted; younger ones may be another window's save in progress.
pub const LEFTOVER_AGE: Duration = Duration::from_secs(10 * 60);

/// Writes `bytes` to `path` atomically: a temporary file in the same folder is written,
/// flushed to disk, renamed over the target, and the folder is flushed. A symbolic link
/// at `path` is followed, so the link stays a link. The file keeps the permissions of
/// the file it replaces; a read-only file is not replaced. Temporary files that an
/// interrupted save of the same file left behind are removed.
///
/// A device or a named pipe at `path` is written into, not replaced: renaming a file
/// over `/dev/null` would turn it into a plain file that every program then reads from.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), (Stage, io::Error)> {
    write_atomically_observed(path, bytes, |_, _| Ok(()))
}

/// As [`write_atomically`], telling `observe` each [`Moment`] with the file it concerns
/// (the temporary file, then the target). An error from it stops the save there, as a
/// failure of that stage; tests use it to inject failures and kills.
pub fn write_atomically_observed(
    path: &Path,
    bytes: &[u8],
    observe: impl FnMut(Moment, &Path) -> io::Result<()>,
) -> Result<(), (Stage, io::Error)> {
    write_pieces_atomically_observed(path, &[bytes], observe)
}

/// As [`write_atomically_observed`], with the file's bytes in pieces written one after
/// the other (a dossier laid out on several threads).
pub fn write_pieces_atomically_observed(
    path: &Path,
    pieces: &[&[u8]],
    mut observe: impl FnMut(Moment, &Path) -> io::Result<()>,
) -> Result<(), (Stage, io::Error)> {
    let target = follow_link(path);
    if is_special_file(&target) {
        return write_in_place(&target, pieces);
    }
    refuse_read_only(&target).map_err(|error| (Stage::CreateTemporary, error))?;
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = file_name(&target);
    remove_leftovers(&folder, &name);
    let mut temporary = temporary_beside(&folder, &name).map_err(|error| (Stage::CreateTemporary, error))?;
    observe(Moment::TemporaryCreated, temporary.path()).map_err(|error| (Stage::Write, error))?;
    write_pieces(temporary.as_file_mut(), pieces).map_err(|error| (Stage::Write, error))?;
    observe(Moment::TemporaryWritten, temporary.path()).map_err(|error| (Stage::Flush, error))?;
    temporary
        .as_file()
        .sync_all()
        .map_err(|error| (Stage::Flush, error))?;
    let permissions = match fs::metadata(&target) {
        Ok(metadata) => Some(metadata.permissions()),
        Err(_) => default_permissions(),
    };
    if let Some(permissions) = permissions {
        fs::set_permissions(temporary.path(), permissions).map_err(|error| (Stage::Write, error))?;
    }
    observe(Moment::TemporaryFlushed, temporary.path()).map_err(|error| (Stage::Replace, error))?;
    // On failure the temporary file is removed when `temporary` is dropped.
    temporary
        .persist(&target)
        .map_err(|error| (Stage::Replace, error.error))?;
    observe(Moment::Replaced, &target).map_err(|error| (Stage::SyncFolder, error))?;
    sync_folder(&folder).map_err(|error| (Stage::SyncFolder, error))
}

/// A new temporary file beside `name` in `folder`, named so that [`remove_leftovers`]
/// knows it: `.NAME.XXXXXX.tmp`.
pub(crate) fn temporary_beside(folder: &Path, name: &str) -> io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .rand_bytes(RANDOM_LETTERS)
        .suffix(".tmp")
        .tempfile_in(folder)
}

/// How many random letters and digits a temporary file's name has.
const RANDOM_LETTERS: usize = 6;

/// Whether `entry` is a temporary file that a save of `name` makes: `.NAME.XXXXXX.tmp`.
fn is_temporary_of(entry: &str, name: &str) -> bool {
    entry
        .strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(name))
        .and_then(|rest| rest.strip_prefix('.'))
        .and_then(|rest| rest.strip_suffix(".tmp"))
        .is_some_and(|letters| {
            letters.len() == RANDOM_LETTERS && letters.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// Removes what interrupted saves of `name` (and of its `.bak`) left in `folder`: only
/// files by the name pattern of this app's temporary files, older than [`LEFTOVER_AGE`].
/// What cannot be removed is left; the save goes on.
pub fn remove_leftovers(folder: &Path, name: &str) -> usize {
    let Ok(entries) = fs::read_dir(folder) else {
        return 0;
    };
    let backup = format!("{name}.bak");
    let now = SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        let entry_name = entry.file_name();
        let Some(entry_name) = entry_name.to_str() else {
            continue;
        };
        if !is_temporary_of(entry_name, name) && !is_temporary_of(entry_name, &backup) {
            continue;
        }
        let old = entry
            .metadata()
            .ok()
            .filter(fs::Metadata::is_file)
            .and_then(|metadata| metadata.modified().ok())
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age > LEFTOVER_AGE);
        if old && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// A file whose permissions say read-only is someone's choice: it is not replaced, even
/// where its folder would allow it.
fn refuse_read_only(target: &Path) -> io::Result<()> {
    match fs::metadata(target) {
        Ok(metadata) if metadata.permissions().readonly() => Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only",
        )),
        _ => Ok(()),
    }
}

/// Whether the file at `path` is marked read-only.
pub fn is_read_only(path: &Path) -> bool {
    refuse_read_only(&follow_link(path)).is_err()
}

pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Whether `path` is something other than a plain file or a folder: a device, a named
/// pipe or a socket.
fn is_special_file(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|metadata| !metadata.is_file() && !metadata.is_dir())
}

fn write_in_place(path: &Path, pieces: &[&[u8]]) -> Result<(), (Stage, io::Error)> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|error| (Stage::Write, error))?;
    write_pieces(&mut file, pieces).map_err(|error| (Stage::Write, error))?;
    file.flush().map_err(|error| (Stage::Flush, error))
}

/// Writes the pieces a step at a time (see [`super::IO_STEP`]).
fn write_pieces(file: &mut fs::File, pieces: &[&[u8]]) -> io::Result<()> {
    pieces
        .iter()
        .flat_map(|piece| piece.chunks(super::IO_STEP))
        .try_for_each(|step| file.write_all(step))
}

pub(crate) fn follow_link(path: &Path) -> PathBuf {
    let is_link = fs::symlink_metadata(path).is_ok_and(|metadata| metadata.file_type().is_symlink());
    if is_link {
        fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
    } else {
        path.to_path_buf()
    }
}

#[cfg(unix)]
fn default_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    // A temporary file is private (0600); a new dossier is readable like any document.
    Some(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<fs::Permissions> {
    None
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> io::Result<()> {
    fs::File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> io::Result<()> {
    // Windows cannot open a folder as a file; its rename is flushed with the file.
    Ok(())
}
