//! Text brought into a dossier: rows pasted from a spreadsheet, and the text of a written
//! question with its answer, read from the PDF's text layer.

pub mod apply;
pub mod cells;
mod checks;
pub mod dates;
pub mod furniture;
pub mod grid;
pub mod markers;
pub mod pdf;
pub mod references;
pub mod tables;
pub mod text;
pub mod tsv;
pub mod warnings;
pub mod written;

pub use warnings::{Warning, WarningKind};
pub use written::{Imported, written_question};

/// The largest file an import reads: a written question's PDF is a few hundred kB, a
/// long report with pictures some tens of MB.
pub const IMPORT_LIMIT: u64 = 256 << 20;

/// Why a file could not be read as the text of a written question.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("the PDF gives no text: {0}")]
    Pdf(#[from] pdf::PdfError),
    #[error("it is neither a PDF nor UTF-8 text (a word processor file? save it as PDF or as text first)")]
    NotText,
}

/// The text of a file to import: a PDF's text layer, or a text file (UTF-8, a byte order
/// mark left out).
pub fn text_of_file(bytes: &[u8]) -> Result<String, ReadError> {
    if pdf::is_pdf(bytes) {
        return Ok(pdf::text_of_pdf(bytes)?);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8(bytes.to_vec()).map_err(|_| ReadError::NotText)
}
