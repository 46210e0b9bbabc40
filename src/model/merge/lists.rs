//! Lists of parts matched by identity: what each part's key is, how the order of two
//! versions of a list combines, and which parts moved.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::super::board::{BoardMember, Organisation, Partner};
use super::super::budget::{BudgetTable, Column, Row};
use super::super::dossier::Settings;
use super::super::event::Event;
use super::super::ids::{
    ColumnId, EventId, IndicatorId, MeasurementId, MemberId, OrganisationId, PartnerId, QuestionId, RowId,
    TableId,
};
use super::super::indicator::{Indicator, Measurement};
use super::super::question::Question;
use super::super::slide::Slide;
use super::super::source::{SourceDocument, SourceId};

/// A part of a list that keeps its identity from one version to the next.
pub(super) trait Part: Clone + PartialEq + Serialize + DeserializeOwned {
    type Key: Clone + Eq + Hash;
    fn key(&self) -> Self::Key;
}

macro_rules! part_keyed_by_id {
    ($($part:ty => $key:ty),* $(,)?) => {$(
        impl Part for $part {
            type Key = $key;
            fn key(&self) -> $key {
                self.id
            }
        }
    )*};
}

part_keyed_by_id!(
    Question => QuestionId,
    Event => EventId,
    BudgetTable => TableId,
    Column => ColumnId,
    Row => RowId,
    Organisation => OrganisationId,
    BoardMember => MemberId,
    Partner => PartnerId,
    Indicator => IndicatorId,
    Measurement => MeasurementId,
);

impl Part for Slide {
    type Key = String;
    fn key(&self) -> String {
        self.name.clone()
    }
}

/// There is one of them.
impl Part for Settings {
    type Key = ();
    fn key(&self) {}
}

impl Part for SourceDocument {
    type Key = SourceId;
    fn key(&self) -> SourceId {
        self.id.clone()
    }
}

/// Each part of a list by its key.
pub(super) fn by_key<T: Part>(parts: &[T]) -> HashMap<T::Key, &T> {
    parts.iter().map(|part| (part.key(), part)).collect()
}

/// Whether `side` puts the parts it shares with `base` in another order.
pub(super) fn reordered<K: Eq + Hash>(base: &[K], side: &[K]) -> bool {
    let in_base: HashSet<&K> = base.iter().collect();
    let in_side: HashSet<&K> = side.iter().collect();
    let shared_in_base = base.iter().filter(|key| in_side.contains(key));
    let shared_in_side = side.iter().filter(|key| in_base.contains(key));
    !shared_in_base.eq(shared_in_side)
}

/// The keys of a merged list in order: `primary`'s order, with the keys only `secondary`
/// has each put after the key before it in `secondary`, and after the keys that
/// `primary` added there (`added_by_primary`), so that two additions at one place stay
/// together, primary's first.
pub(super) fn merged_order<K: Clone + Eq + Hash>(
    primary: &[K],
    secondary: &[K],
    added_by_primary: impl Fn(&K) -> bool,
) -> Vec<K> {
    let in_primary: HashSet<&K> = primary.iter().collect();
    let mut at_start = Vec::new();
    let mut after: HashMap<&K, Vec<K>> = HashMap::new();
    let mut anchor: Option<&K> = None;
    for key in secondary {
        if in_primary.contains(key) {
            anchor = Some(key);
        } else {
            match anchor {
                Some(before) => after.entry(before).or_default().push(key.clone()),
                None => at_start.push(key.clone()),
            }
        }
    }
    let mut order = Vec::with_capacity(primary.len() + secondary.len());
    order.extend(at_start);
    let mut pending: Vec<K> = Vec::new();
    for key in primary {
        if !added_by_primary(key) {
            order.append(&mut pending);
        }
        order.push(key.clone());
        if let Some(mut following) = after.remove(key) {
            pending.append(&mut following);
        }
    }
    order.append(&mut pending);
    order
}

/// The order of a list merged from `base`'s keys and two sides': ours, unless only
/// theirs put the shared parts in another order (see [`merged_order`]).
pub(super) fn merge_order<K: Clone + Eq + Hash>(base: &[K], ours: &[K], theirs: &[K]) -> Vec<K> {
    let in_base: HashSet<&K> = base.iter().collect();
    let added = |key: &K| !in_base.contains(key);
    if !reordered(base, ours) && reordered(base, theirs) {
        merged_order(theirs, ours, added)
    } else {
        merged_order(ours, theirs, added)
    }
}

/// The keys both lists hold that `new` puts elsewhere relative to the others: the
/// fewest keys whose moving turns the old order into the new one.
pub(super) fn moved<K: Clone + Eq + Hash>(old: &[K], new: &[K]) -> HashSet<K> {
    let old_position: HashMap<&K, usize> = old.iter().enumerate().map(|(i, key)| (key, i)).collect();
    let shared: Vec<(&K, usize)> = new
        .iter()
        .filter_map(|key| old_position.get(key).map(|&position| (key, position)))
        .collect();
    // The longest run that keeps its old order stays; the rest moved.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; shared.len()];
    for (index, &(_, position)) in shared.iter().enumerate() {
        let place = tails.partition_point(|&tail| shared[tail].1 < position);
        if place > 0 {
            previous[index] = Some(tails[place - 1]);
        }
        if place == tails.len() {
            tails.push(index);
        } else {
            tails[place] = index;
        }
    }
    let mut staying = vec![false; shared.len()];
    let mut at = tails.last().copied();
    while let Some(index) = at {
        staying[index] = true;
        at = previous[index];
    }
    shared
        .iter()
        .zip(staying)
        .filter(|(_, stays)| !stays)
        .map(|((key, _), _)| (*key).clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn additions_at_one_place_stay_together_primary_first() {
        let base_then_ours = [1, 2, 3, 10];
        let theirs = [1, 2, 3, 20, 21];
        let order = merged_order(&base_then_ours, &theirs, |key| *key >= 10);
        assert_eq!(order, vec![1, 2, 3, 10, 20, 21]);
        let order = merged_order(&[5, 1, 2], &[0, 1, 7, 2], |key| *key == 5);
        assert_eq!(order, vec![0, 5, 1, 7, 2]);
    }

    #[test]
    fn the_fewest_moves_are_named() {
        assert!(moved(&[1, 2, 3, 4], &[1, 2, 3, 4]).is_empty());
        assert_eq!(moved(&[1, 2, 3, 4], &[1, 3, 4, 2]), HashSet::from([2]));
        assert_eq!(moved(&[1, 2, 3], &[3, 1, 2]), HashSet::from([3]));
        assert!(moved(&[1, 2, 3], &[1, 3]).is_empty());
        assert!(reordered(&[1, 2, 3], &[2, 1]));
        assert!(!reordered(&[1, 2, 3], &[1, 3, 9]));
    }
}
