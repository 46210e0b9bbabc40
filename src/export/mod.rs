//! Views of a dossier outside the app: a plain-text summary for the command line.

pub mod csv;
pub mod summary;
