//! What a figure derived from the dossier was worked out for, so that a view works it
//! out again only when that changes. Every derived value depends on the dossier's state,
//! the language it is worded in, the day deadlines are measured on and the look (widths
//! measured in the presenting type do not fit the normal one); a cache names only what
//! else it depends on (a sort, a selection), so none forgets one of these.

use jiff::civil::Date;

use super::ViewContext;
use crate::document::DossierVersion;
use crate::i18n::Language;

/// What every derived figure depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DerivedKey {
    pub version: DossierVersion,
    pub language: Language,
    pub today: Date,
    pub presenting: bool,
}

impl DerivedKey {
    pub fn of(view: &ViewContext<'_>) -> DerivedKey {
        DerivedKey {
            version: view.version,
            language: view.language,
            today: view.today,
            presenting: view.presenting,
        }
    }
}

/// The key a cached value was made for: the view's [`DerivedKey`] and the cache's own
/// part `K`.
#[derive(Clone, Debug)]
pub struct Memo<K> {
    made_for: Option<(DerivedKey, K)>,
}

impl<K> Default for Memo<K> {
    fn default() -> Memo<K> {
        Memo { made_for: None }
    }
}

impl<K: PartialEq> Memo<K> {
    /// Whether the value was made for this view and `own`.
    pub fn is_fresh(&self, view: &ViewContext<'_>, own: &K) -> bool {
        self.is_fresh_at(DerivedKey::of(view), own)
    }

    /// Notes that the value is now made for this view and `own`.
    pub fn remember(&mut self, view: &ViewContext<'_>, own: K) {
        self.remember_at(DerivedKey::of(view), own);
    }

    /// [`Memo::is_fresh`] outside a view.
    pub fn is_fresh_at(&self, key: DerivedKey, own: &K) -> bool {
        self.made_for
            .as_ref()
            .is_some_and(|(made, made_own)| *made == key && made_own == own)
    }

    pub fn remember_at(&mut self, key: DerivedKey, own: K) {
        self.made_for = Some((key, own));
    }

    /// What the value was last made for, if anything: lets a cache update in place.
    pub fn made_for(&self) -> Option<&(DerivedKey, K)> {
        self.made_for.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_stale_in_another_language_or_on_another_day() {
        let key = DerivedKey {
            version: DossierVersion {
                document: 1,
                revision: 4,
            },
            language: Language::English,
            today: Date::constant(2026, 12, 1),
            presenting: false,
        };
        let mut memo = Memo::default();
        assert!(!memo.is_fresh_at(key, &7));
        memo.remember_at(key, 7);
        assert!(memo.is_fresh_at(key, &7));
        assert!(!memo.is_fresh_at(key, &8), "its own part changed");
        let dutch = DerivedKey {
            language: Language::Dutch,
            ..key
        };
        assert!(!memo.is_fresh_at(dutch, &7), "the language changed");
        let tomorrow = DerivedKey {
            today: Date::constant(2026, 12, 2),
            ..key
        };
        assert!(!memo.is_fresh_at(tomorrow, &7), "the day changed");
    }
}
