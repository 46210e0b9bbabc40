//! The ids of the dossier's parts, and where new ones come from. Ids are unique across
//! the whole dossier, whatever kind of part they name.

use std::cell::Cell;
use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    )*};
}

id_type!(
    QuestionId,
    EventId,
    TableId,
    ColumnId,
    RowId,
    OrganisationId,
    MemberId,
    PartnerId,
    IndicatorId,
    MeasurementId,
);

/// Fresh ids for the edits made in one go, from [`super::Dossier::allocate_ids`]. Shared
/// read-only by everything drawn in a frame, so two parts added in the same frame never
/// get the same id.
#[derive(Debug)]
pub struct IdAllocator {
    next: Cell<u64>,
}

impl IdAllocator {
    pub(super) fn starting_at(next: u64) -> IdAllocator {
        IdAllocator {
            next: Cell::new(next),
        }
    }

    /// An id not used in the dossier nor handed out before.
    pub fn next(&self) -> u64 {
        let id = self.next.get();
        self.next.set(id.saturating_add(1));
        id
    }

    /// `count` consecutive fresh ids; the first of them.
    pub fn next_block(&self, count: u64) -> u64 {
        let first = self.next.get();
        self.next.set(first.saturating_add(count));
        first
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_handed_out_once() {
        let ids = IdAllocator::starting_at(7);
        assert_eq!(ids.next(), 7);
        assert_eq!(ids.next_block(3), 8);
        assert_eq!(ids.next(), 11);
    }
}
