//! What the app remembers between sessions, on this machine: not part of any dossier.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Tab;
use crate::i18n::Language;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Light is the default: it reads best on most projectors.
    #[default]
    Light,
    Dark,
}

/// How many files File → Open Recent lists.
const RECENT_LIMIT: usize = 10;
pub const ZOOM_STEP: f32 = 0.1;
pub const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.5..=3.0;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// `None` follows the system locale.
    pub language: Option<Language>,
    pub theme: ThemeChoice,
    /// The user's zoom; presenting scales on top of it.
    pub zoom: f32,
    pub recent: Vec<PathBuf>,
    /// Reopened at the next start; `None` opens the bundled dossier.
    pub last_file: Option<PathBuf>,
    pub tab: Tab,
}

impl Default for Preferences {
    fn default() -> Preferences {
        Preferences {
            language: None,
            theme: ThemeChoice::Light,
            zoom: 1.0,
            recent: Vec::new(),
            last_file: None,
            tab: Tab::Timeline,
        }
    }
}

impl Preferences {
    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|known| known != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(RECENT_LIMIT);
        self.last_file = Some(path.to_path_buf());
    }

    pub fn forget(&mut self, path: &Path) {
        self.recent.retain(|known| known != path);
        if self.last_file.as_deref() == Some(path) {
            self.last_file = None;
        }
    }

    /// The zoom one step in or out, kept in range and on whole steps.
    pub fn stepped_zoom(&self, steps: f32) -> f32 {
        let zoom = (self.zoom + steps * ZOOM_STEP).clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end());
        (zoom * 10.0).round() / 10.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_bounded() {
        let mut prefs = Preferences::default();
        for index in 0..12 {
            prefs.remember(Path::new(&format!("/d/{index}.dossier.json")));
        }
        prefs.remember(Path::new("/d/5.dossier.json"));
        assert_eq!(prefs.recent.len(), RECENT_LIMIT);
        assert_eq!(prefs.recent[0], Path::new("/d/5.dossier.json"));
        assert_eq!(
            prefs
                .recent
                .iter()
                .filter(|p| p.ends_with("5.dossier.json"))
                .count(),
            1
        );
        prefs.forget(Path::new("/d/5.dossier.json"));
        assert_eq!(prefs.last_file, None);
    }

    #[test]
    fn zoom_steps_stay_in_range() {
        let mut prefs = Preferences::default();
        assert_eq!(prefs.stepped_zoom(1.0), 1.1);
        prefs.zoom = 3.0;
        assert_eq!(prefs.stepped_zoom(1.0), 3.0);
        prefs.zoom = 0.5;
        assert_eq!(prefs.stepped_zoom(-1.0), 0.5);
    }
}
