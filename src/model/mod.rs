//! The dossier as plain data with its rules. Knows nothing of the user interface.

pub mod analysis;
pub mod board;
pub mod breaks;
pub mod budget;
pub mod calendar;
pub mod citations;
pub mod dossier;
pub mod edit;
pub mod event;
pub mod find;
pub mod ids;
pub mod indicator;
pub mod merge;
pub mod money;
pub mod question;
pub mod rules;
pub mod slide;
pub mod source;
pub mod text;

pub use dossier::{Dossier, FORMAT_NAME, FORMAT_VERSION};
pub use money::{Money, MoneyError};
pub use rules::{MAGNITUDE_LIMIT, MAGNITUDE_LIMIT_TEXT, Problem, ProblemKind};
