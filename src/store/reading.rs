//! Reading a whole file within a hard limit. The size a file reports is only a hint:
//! `/dev/zero`, a named pipe that keeps being fed or a file that grows while it is read
//! would otherwise be read until memory runs out.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

/// What a path names when it is not a plain file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpecialFile {
    Folder,
    Device,
    Pipe,
    Socket,
    Other,
}

impl SpecialFile {
    pub fn describe(self) -> &'static str {
        match self {
            SpecialFile::Folder => "a folder",
            SpecialFile::Device => "a device",
            SpecialFile::Pipe => "a named pipe",
            SpecialFile::Socket => "a socket",
            SpecialFile::Other => "not a plain file",
        }
    }
}

/// Why a file could not be read whole.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{}", super::errors::describe_io(.0))]
    Io(#[from] io::Error),
    /// A device, a named pipe, a socket or a folder: reading one may never end, or wait
    /// for a writer that never comes.
    #[error("it is {}, not a file", .0.describe())]
    NotAFile(SpecialFile),
    /// More bytes than the limit came, whatever size the file reported.
    #[error("it is larger than {}", super::bytes_in_words(*.limit))]
    TooLarge { limit: u64 },
}

/// The bytes of the plain file at `path`, refusing anything else and anything over
/// `limit` bytes.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Asked before opening: opening a named pipe without a writer waits for one.
    let metadata = fs::metadata(path)?;
    if let Some(special) = special_kind(&metadata) {
        return Err(ReadError::NotAFile(special));
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    let file = fs::File::open(path)?;
    // The path may have been swapped for something else between the two looks.
    if let Some(special) = special_kind(&file.metadata()?) {
        return Err(ReadError::NotAFile(special));
    }
    // Room for the reported size and one byte more, so that a file of the size it says
    // is read without the buffer doubling (a 235 MB dossier would otherwise take 470).
    let expected = usize::try_from(metadata.len()).unwrap_or(usize::MAX);
    let mut bytes = match read_in_halves(&file, expected) {
        Some(halves) => halves,
        None => Vec::with_capacity(expected.saturating_add(1)),
    };
    // What is left: all of a small file, anything a large one grew by while it was read.
    let read = bytes.len() as u64;
    let mut rest = file;
    io::Seek::seek(&mut rest, io::SeekFrom::Start(read))?;
    rest.take(limit.saturating_add(1).saturating_sub(read))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Files this large are read by two threads at once.
const HALVES_FROM: usize = 16 << 20;

/// The first `size` bytes of a large file, read as two halves at once: most of a large
/// read is the system mapping fresh memory for the bytes, which two cores do in half
/// the time. `None` for a small file, or one that shrank (then it is read plainly).
#[cfg(unix)]
fn read_in_halves(file: &fs::File, size: usize) -> Option<Vec<u8>> {
    if size < HALVES_FROM {
        return None;
    }
    let mut bytes = vec![0u8; size];
    let (first, second) = bytes.split_at_mut(size / 2);
    let offset = first.len() as u64;
    let read = std::thread::scope(|scope| {
        let other = scope.spawn(|| read_exact_at_in_steps(file, second, offset));
        let here = read_exact_at_in_steps(file, first, 0);
        here.is_ok() && other.join().is_ok_and(|read| read.is_ok())
    });
    read.then_some(bytes)
}

/// Fills `buffer` from `offset` on, a step at a time (see [`super::IO_STEP`]).
#[cfg(unix)]
fn read_exact_at_in_steps(file: &fs::File, buffer: &mut [u8], offset: u64) -> io::Result<()> {
    use std::os::unix::fs::FileExt;
    let mut at = offset;
    for step in buffer.chunks_mut(super::IO_STEP) {
        file.read_exact_at(step, at)?;
        at += step.len() as u64;
    }
    Ok(())
}

#[cfg(not(unix))]
fn read_in_halves(_file: &fs::File, _size: usize) -> Option<Vec<u8>> {
    None
}

fn special_kind(metadata: &fs::Metadata) -> Option<SpecialFile> {
    let kind = metadata.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some(SpecialFile::Folder);
    }
    Some(unix_kind(kind))
}

#[cfg(unix)]
fn unix_kind(kind: fs::FileType) -> SpecialFile {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_block_device() || kind.is_char_device() {
        SpecialFile::Device
    } else if kind.is_fifo() {
        SpecialFile::Pipe
    } else if kind.is_socket() {
        SpecialFile::Socket
    } else {
        SpecialFile::Other
    }
}

#[cfg(not(unix))]
fn unix_kind(_kind: fs::FileType) -> SpecialFile {
    SpecialFile::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_plain_file_whole_up_to_the_limit() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("a.txt");
        fs::write(&path, b"0123456789").unwrap();
        assert_eq!(read_limited(&path, 10).unwrap(), b"0123456789");
        assert!(matches!(
            read_limited(&path, 9),
            Err(ReadError::TooLarge { limit: 9 })
        ));
        assert!(matches!(
            read_limited(folder.path(), 100),
            Err(ReadError::NotAFile(SpecialFile::Folder))
        ));
        assert!(matches!(
            read_limited(&folder.path().join("none"), 100),
            Err(ReadError::Io(error)) if error.kind() == io::ErrorKind::NotFound
        ));
    }

    #[test]
    fn a_large_file_is_read_whole_in_halves_and_to_the_limit() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("large.bin");
        let content: Vec<u8> = (0..HALVES_FROM + 12_345).map(|at| (at % 251) as u8).collect();
        fs::write(&path, &content).unwrap();
        assert!(read_in_halves(&fs::File::open(&path).unwrap(), content.len()).is_some());
        assert_eq!(read_limited(&path, u64::MAX).unwrap(), content);
        let limit = content.len() as u64 - 1;
        assert!(matches!(
            read_limited(&path, limit),
            Err(ReadError::TooLarge { .. })
        ));
        // A file that shrank since its size was asked is read plainly.
        let file = fs::File::open(&path).unwrap();
        assert!(read_in_halves(&file, content.len() + 10).is_none());
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_pipes_are_refused_without_waiting_or_reading() {
        assert!(matches!(
            read_limited(Path::new("/dev/zero"), 1 << 20),
            Err(ReadError::NotAFile(SpecialFile::Device))
        ));
        let folder = tempfile::tempdir().unwrap();
        let pipe = folder.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status().unwrap();
        assert!(made.success());
        // No writer ever comes: opening it would wait for ever.
        assert!(matches!(
            read_limited(&pipe, 1 << 20),
            Err(ReadError::NotAFile(SpecialFile::Pipe))
        ));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_that_reports_no_size_is_still_read_within_the_limit() {
        // /proc files say they are empty and hold text.
        let status = read_limited(Path::new("/proc/self/status"), 1 << 20).unwrap();
        assert!(status.starts_with(b"Name:"));
        assert!(matches!(
            read_limited(Path::new("/proc/self/status"), 8),
            Err(ReadError::TooLarge { limit: 8 })
        ));
    }
}
