//! Atomic file replacement: a crash at any moment leaves the old file or the new one,
//! never a mix.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

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

/// Writes `bytes` to `path` atomically: a temporary file in the same folder is written,
/// flushed to disk, renamed over the target, and the folder is flushed. A symbolic link
/// at `path` is followed, so the link stays a link. The file keeps the permissions of
/// the file it replaces.
///
/// A device or a named pipe at `path` is written into, not replaced: renaming a file
/// over `/dev/null` would turn it into a plain file that every program then reads from.
///
/// `before_replace` runs between flushing and renaming; tests use it to inject a failure
/// at the most delicate moment.
pub fn write_atomically(
    path: &Path,
    bytes: &[u8],
    before_replace: impl FnOnce(&Path) -> io::Result<()>,
) -> Result<(), (Stage, io::Error)> {
    let target = follow_link(path);
    if is_special_file(&target) {
        return write_in_place(&target, bytes);
    }
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut temporary = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(&folder)
        .map_err(|error| (Stage::CreateTemporary, error))?;
    temporary
        .write_all(bytes)
        .map_err(|error| (Stage::Write, error))?;
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
    before_replace(temporary.path()).map_err(|error| (Stage::Replace, error))?;
    // On failure the temporary file is removed when `temporary` is dropped.
    temporary
        .persist(&target)
        .map_err(|error| (Stage::Replace, error.error))?;
    sync_folder(&folder).map_err(|error| (Stage::SyncFolder, error))
}

/// Whether `path` is something other than a plain file or a folder: a device, a named
/// pipe or a socket.
fn is_special_file(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|metadata| !metadata.is_file() && !metadata.is_dir())
}

fn write_in_place(path: &Path, bytes: &[u8]) -> Result<(), (Stage, io::Error)> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|error| (Stage::Write, error))?;
    file.write_all(bytes).map_err(|error| (Stage::Write, error))?;
    file.flush().map_err(|error| (Stage::Flush, error))
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
