//! Text brought into a dossier: rows pasted from a spreadsheet, and the text of a written
//! question with its answer, read from the PDF's text layer.

pub mod apply;
pub mod dates;
pub mod markers;
pub mod tables;
pub mod text;
pub mod tsv;
pub mod written;

pub use written::{Imported, Warning, WarningKind, written_question};
