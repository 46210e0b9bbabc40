//! Dossier Workbench: follow a policy dossier through parliamentary written questions.
//!
//! Data flows one way: file → [`store`] → [`model`] → user interface; every change is an
//! edit applied to the model in one place.

pub mod cli;
pub mod document;
pub mod export;
pub mod generate;
pub mod generate_texts;
pub mod git;
pub mod i18n;
pub mod import;
pub mod install;
pub mod model;
pub mod store;
pub mod ui;
