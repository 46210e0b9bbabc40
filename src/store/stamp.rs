//! What a dossier file on disk was when it was read or written, to tell when someone
//! else changed it since: a colleague's save on a shared drive, another window's.

use std::hash::Hasher;
use std::path::Path;
use std::time::SystemTime;

use super::FILE_LIMIT;
use super::reading::read_limited;

/// A file's size, time and content, as last read or written by this window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    len: u64,
    modified: Option<SystemTime>,
    content: u64,
}

/// The file on disk against a stamp.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiskState {
    /// As stamped (perhaps touched, with the same content).
    Same,
    /// Someone wrote other content: this is its stamp.
    Changed(DiskStamp),
    /// Moved away or deleted.
    Missing,
}

impl DiskStamp {
    /// The stamp of the file at `path` that holds `bytes` (just read or written).
    pub fn of(path: &Path, bytes: &[u8]) -> DiskStamp {
        DiskStamp::with_content(path, bytes.len(), content_hash(bytes))
    }

    /// As [`DiskStamp::of`], with the hash of the bytes worked out already.
    pub(super) fn with_content(path: &Path, len: usize, content: u64) -> DiskStamp {
        let metadata = std::fs::metadata(path).ok();
        DiskStamp {
            len: len as u64,
            modified: metadata.and_then(|metadata| metadata.modified().ok()),
            content,
        }
    }

    /// How the file at `path` is now against this stamp. Size and time are looked at
    /// first; only when they differ is the content read, so a file touched without a
    /// change is not a change.
    pub fn check(&self, path: &Path) -> DiskState {
        let Ok(metadata) = std::fs::metadata(path) else {
            return DiskState::Missing;
        };
        if metadata.len() == self.len && metadata.modified().ok() == self.modified {
            return DiskState::Same;
        }
        match read_limited(path, FILE_LIMIT) {
            Ok(bytes) if content_hash(&bytes) == self.content => DiskState::Same,
            Ok(bytes) => DiskState::Changed(DiskStamp::of(path, &bytes)),
            // Unreadable for now (being replaced, a share gone): nothing to say yet.
            Err(_) if path.exists() => DiskState::Same,
            Err(_) => DiskState::Missing,
        }
    }
}

pub(super) fn content_hash(bytes: &[u8]) -> u64 {
    content_hash_of_pieces(&[bytes])
}

/// The [`content_hash`] of the pieces' bytes one after the other: the hash of a byte
/// slice (its length, then its bytes, as `[u8]::hash` feeds them), the bytes fed as a
/// stream.
pub(super) fn content_hash_of_pieces(pieces: &[&[u8]]) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    hasher.write_usize(pieces.iter().map(|piece| piece.len()).sum());
    for piece in pieces {
        hasher.write(piece);
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_of_pieces_is_the_hash_of_their_bytes_one_after_the_other() {
        let bytes: Vec<u8> = (0..1000u32).map(|n| (n * 7 % 251) as u8).collect();
        for cuts in [
            vec![0, 1000],
            vec![0, 0, 3, 17, 17, 500, 999, 1000],
            vec![0, 8, 16, 1000],
        ] {
            let pieces: Vec<&[u8]> = cuts.windows(2).map(|cut| &bytes[cut[0]..cut[1]]).collect();
            assert_eq!(content_hash_of_pieces(&pieces), content_hash(&bytes), "{cuts:?}");
        }
        assert_ne!(content_hash_of_pieces(&[&bytes[..999]]), content_hash(&bytes));
        // The same hash as a byte slice's own, as stamps were made before.
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        std::hash::Hash::hash(bytes.as_slice(), &mut hasher);
        assert_eq!(content_hash(&bytes), hasher.finish());
    }

    #[test]
    fn a_change_of_content_is_a_change_and_a_touch_is_not() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("d.dossier.json");
        std::fs::write(&path, b"one").unwrap();
        let stamp = DiskStamp::of(&path, b"one");
        assert_eq!(stamp.check(&path), DiskState::Same);
        let later = SystemTime::now() + std::time::Duration::from_secs(5);
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(later).unwrap();
        assert_eq!(stamp.check(&path), DiskState::Same, "touched, not changed");
        std::fs::write(&path, b"two").unwrap();
        assert!(matches!(stamp.check(&path), DiskState::Changed(_)));
        std::fs::remove_file(&path).unwrap();
        assert_eq!(stamp.check(&path), DiskState::Missing);
    }
}
