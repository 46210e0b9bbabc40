//! Text brought into a dossier: rows pasted from a spreadsheet.

pub mod tsv;
