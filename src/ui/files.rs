//! File dialogs. The native one (rfd) runs on the UI thread; when it cannot be shown
//! (no portal, no zenity), the app asks for a typed path instead.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The outcome of asking the user for a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    Chosen(PathBuf),
    Cancelled,
    /// No dialog could be shown on this system.
    Unavailable,
}

/// What kind of file a dialog is for: it sets the filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Dossier,
    Csv,
    Tsv,
    Html,
    Png,
    Pdf,
    Text,
}

impl FileKind {
    fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            FileKind::Dossier => ("Dossier (*.dossier.json)", &["json"]),
            FileKind::Csv => ("CSV (*.csv)", &["csv"]),
            FileKind::Tsv => ("TSV (*.tsv)", &["tsv"]),
            FileKind::Html => ("HTML (*.html)", &["html", "htm"]),
            FileKind::Png => ("PNG (*.png)", &["png"]),
            FileKind::Pdf => ("PDF (*.pdf)", &["pdf"]),
            FileKind::Text => ("Written question (*.pdf, *.txt)", &["pdf", "txt"]),
        }
    }
}

pub trait FilePicker: std::fmt::Debug {
    fn pick_open(&mut self, kind: FileKind, folder: Option<&Path>) -> Picked;
    fn pick_save(&mut self, kind: FileKind, folder: Option<&Path>, file_name: &str) -> Picked;
}

/// The system's file dialog through rfd.
#[derive(Debug, Default)]
pub struct NativePicker;

/// A dialog that "returns nothing" faster than this never reached the screen: no person
/// cancels a file dialog within a quarter of a second.
const TOO_FAST_FOR_A_PERSON: Duration = Duration::from_millis(250);

impl NativePicker {
    fn dialog(kind: FileKind, folder: Option<&Path>) -> rfd::FileDialog {
        let (name, extensions) = kind.filter();
        let dialog = rfd::FileDialog::new().add_filter(name, extensions);
        match folder {
            Some(folder) => dialog.set_directory(folder),
            None => dialog,
        }
    }

    fn outcome(started: Instant, chosen: Option<PathBuf>) -> Picked {
        match chosen {
            Some(path) => Picked::Chosen(path),
            None if started.elapsed() < TOO_FAST_FOR_A_PERSON => Picked::Unavailable,
            None => Picked::Cancelled,
        }
    }
}

impl FilePicker for NativePicker {
    fn pick_open(&mut self, kind: FileKind, folder: Option<&Path>) -> Picked {
        let started = Instant::now();
        Self::outcome(started, Self::dialog(kind, folder).pick_file())
    }

    fn pick_save(&mut self, kind: FileKind, folder: Option<&Path>, file_name: &str) -> Picked {
        let started = Instant::now();
        let chosen = Self::dialog(kind, folder).set_file_name(file_name).save_file();
        Self::outcome(started, chosen)
    }
}

/// `name` with `.dossier.json` added unless it already ends in `.json`.
pub fn with_dossier_extension(path: PathBuf) -> PathBuf {
    let is_json = path
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("json"));
    if is_json {
        path
    } else {
        let mut name = path.into_os_string();
        name.push(".dossier.json");
        PathBuf::from(name)
    }
}

/// A file name for a dossier titled `title`: letters, digits and dashes.
pub fn suggested_file_name(title: &str) -> String {
    let mut name = String::new();
    for ch in title.chars() {
        if ch.is_alphanumeric() {
            name.extend(ch.to_lowercase());
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    format!("{}.dossier.json", if name.is_empty() { "dossier" } else { name })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_get_the_dossier_extension_once() {
        assert_eq!(
            with_dossier_extension("/a/plan".into()),
            PathBuf::from("/a/plan.dossier.json")
        );
        assert_eq!(
            with_dossier_extension("/a/plan.dossier.json".into()),
            PathBuf::from("/a/plan.dossier.json")
        );
        assert_eq!(
            with_dossier_extension("/a/plan.JSON".into()),
            PathBuf::from("/a/plan.JSON")
        );
        assert_eq!(
            suggested_file_name("Integratiepact: stand (2)"),
            "integratiepact-stand-2.dossier.json"
        );
        assert_eq!(suggested_file_name("  "), "dossier.dossier.json");
    }

    #[test]
    fn an_instant_empty_answer_means_no_dialog_could_show() {
        assert_eq!(NativePicker::outcome(Instant::now(), None), Picked::Unavailable);
        let long_ago = Instant::now().checked_sub(Duration::from_secs(2)).unwrap();
        assert_eq!(NativePicker::outcome(long_ago, None), Picked::Cancelled);
    }
}
