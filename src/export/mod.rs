//! Views of a dossier outside the app: a plain-text summary for the command line, CSV
//! for spreadsheets, PNG pictures.

pub mod csv;
pub mod html;
pub mod pdf;
pub mod png;
pub mod sheet;
pub mod summary;
