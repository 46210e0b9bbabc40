//! Parts compared and merged field by field, as the values they are written as: what
//! holds for a question holds for a member, a measurement or the settings, and a field
//! added to the format later is compared without new code.

use serde_json::{Map, Value};

use super::Step;
use super::lists::merge_order;

/// Keys that tell the items of a list inside a part apart, tried in this order.
const KEY_FIELDS: [&str; 7] = [
    "id",
    "label",
    "printed_label",
    "mark",
    "column",
    "name",
    "document",
];

fn key_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// The key that tells apart the items of these lists, if one does in all of them.
fn key_field(lists: &[&[Value]]) -> Option<&'static str> {
    if lists.iter().all(|list| list.is_empty()) {
        return None;
    }
    KEY_FIELDS.into_iter().find(|field| {
        lists.iter().all(|list| {
            let mut seen = std::collections::HashSet::new();
            list.iter().all(|item| {
                item.get(field)
                    .and_then(key_text)
                    .is_some_and(|key| seen.insert(key))
            })
        })
    })
}

fn keyed<'a>(list: &'a [Value], field: &str) -> Vec<(String, &'a Value)> {
    list.iter()
        .filter_map(|item| Some((item.get(field).and_then(key_text)?, item)))
        .collect()
}

fn as_list(value: &Value) -> Option<&[Value]> {
    match value {
        Value::Array(items) => Some(items),
        Value::Null => Some(&[]),
        _ => None,
    }
}

/// A field of two versions of a part that differs: where, before and after.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct FieldChange {
    pub field: Vec<Step>,
    pub before: Value,
    pub after: Value,
}

/// The fields in which `after` differs from `before`, in the deepest place each differs:
/// objects by key, lists of labelled items by label; `skip` names keys of the part
/// compared on their own.
pub(super) fn field_changes(before: &Value, after: &Value, skip: &[&str]) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    walk_changes(before, after, &mut Vec::new(), skip, &mut changes);
    changes
}

fn walk_changes(
    before: &Value,
    after: &Value,
    path: &mut Vec<Step>,
    skip: &[&str],
    out: &mut Vec<FieldChange>,
) {
    if before == after {
        return;
    }
    match (before, after) {
        (Value::Object(old), Value::Object(new)) => {
            let keys = new.keys().chain(old.keys().filter(|key| !new.contains_key(*key)));
            for key in keys {
                if path.is_empty() && skip.contains(&key.as_str()) {
                    continue;
                }
                path.push(Step::Field(key.clone()));
                let null = Value::Null;
                walk_changes(
                    old.get(key).unwrap_or(&null),
                    new.get(key).unwrap_or(&null),
                    path,
                    &[],
                    out,
                );
                path.pop();
            }
        }
        (Value::Array(old), Value::Array(new)) if key_field(&[old.as_slice(), new.as_slice()]).is_some() => {
            let Some(field) = key_field(&[old.as_slice(), new.as_slice()]) else {
                return;
            };
            let old_items = keyed(old, field);
            let new_items = keyed(new, field);
            let find = |items: &[(String, &Value)], key: &str| {
                items
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, item)| (*item).clone())
            };
            for (key, item) in &new_items {
                path.push(Step::Item(key.clone()));
                let old_item = find(&old_items, key).unwrap_or(Value::Null);
                walk_changes(&old_item, item, path, &[], out);
                path.pop();
            }
            for (key, item) in old_items
                .iter()
                .filter(|(key, _)| find(&new_items, key).is_none())
            {
                path.push(Step::Item(key.clone()));
                walk_changes(item, &Value::Null, path, &[], out);
                path.pop();
            }
        }
        // Labelled by nothing, but as many: item by item, by position (`#2`).
        (Value::Array(old), Value::Array(new))
            if old.len() == new.len() && old.iter().chain(new).all(Value::is_object) =>
        {
            for (index, (was, is)) in old.iter().zip(new).enumerate() {
                path.push(Step::Item(format!("#{}", index + 1)));
                walk_changes(was, is, path, &[], out);
                path.pop();
            }
        }
        _ => out.push(FieldChange {
            field: path.clone(),
            before: before.clone(),
            after: after.clone(),
        }),
    }
}

/// A field both sides changed, each their own way.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Clash {
    pub field: Vec<Step>,
    pub base: Value,
    /// `None` where that side removed an item of a list.
    pub ours: Option<Value>,
    pub theirs: Option<Value>,
}

/// Three versions of a part merged field by field: a field one side changed takes that
/// change; a field both changed alike takes it once; a field changed two ways keeps
/// ours and is reported in `clashes`. `skip` names keys merged on their own (ours kept).
pub(super) fn merge_fields(
    base: &Value,
    ours: &Value,
    theirs: &Value,
    skip: &[&str],
    clashes: &mut Vec<Clash>,
) -> Value {
    walk_merge(base, ours, theirs, &mut Vec::new(), skip, clashes)
}

fn walk_merge(
    base: &Value,
    ours: &Value,
    theirs: &Value,
    path: &mut Vec<Step>,
    skip: &[&str],
    clashes: &mut Vec<Clash>,
) -> Value {
    if ours == theirs || base == theirs {
        return ours.clone();
    }
    if base == ours {
        return theirs.clone();
    }
    if let (Value::Object(o), Value::Object(t)) = (ours, theirs)
        && matches!(base, Value::Object(_) | Value::Null)
    {
        let empty = Map::new();
        let b = base.as_object().unwrap_or(&empty);
        let mut merged = Map::new();
        let keys = o.keys().chain(t.keys().filter(|key| !o.contains_key(*key)));
        for key in keys {
            let null = Value::Null;
            let (kb, ko, kt) = (b.get(key), o.get(key), t.get(key));
            let value = if path.is_empty() && skip.contains(&key.as_str()) {
                ko.unwrap_or(&null).clone()
            } else {
                path.push(Step::Field(key.clone()));
                let value = walk_merge(
                    kb.unwrap_or(&null),
                    ko.unwrap_or(&null),
                    kt.unwrap_or(&null),
                    path,
                    &[],
                    clashes,
                );
                path.pop();
                value
            };
            // A key one side leaves out is its default; left out again when empty.
            if !(value.is_null() && (ko.is_none() || kt.is_none())) {
                merged.insert(key.clone(), value);
            }
        }
        return Value::Object(merged);
    }
    if let (Some(b), Some(o), Some(t)) = (as_list(base), as_list(ours), as_list(theirs))
        && let Some(field) = key_field(&[b, o, t])
    {
        return Value::Array(merge_items(b, o, t, field, path, clashes));
    }
    clashes.push(Clash {
        field: path.clone(),
        base: base.clone(),
        ours: Some(ours.clone()),
        theirs: Some(theirs.clone()),
    });
    ours.clone()
}

/// Lists of labelled items merged item by item, in the order of [`merged_order`].
fn merge_items(
    base: &[Value],
    ours: &[Value],
    theirs: &[Value],
    field: &str,
    path: &mut Vec<Step>,
    clashes: &mut Vec<Clash>,
) -> Vec<Value> {
    let (b, o, t) = (keyed(base, field), keyed(ours, field), keyed(theirs, field));
    let keys = |items: &[(String, &Value)]| items.iter().map(|(key, _)| key.clone()).collect::<Vec<_>>();
    let (bk, ok, tk) = (keys(&b), keys(&o), keys(&t));
    let get = |items: &[(String, &'_ Value)], key: &str| {
        items.iter().find(|(k, _)| k == key).map(|(_, v)| (*v).clone())
    };
    let order = merge_order(&bk, &ok, &tk);
    let mut merged = Vec::with_capacity(order.len());
    for key in order {
        path.push(Step::Item(key.clone()));
        match (get(&b, &key), get(&o, &key), get(&t, &key)) {
            (kb, Some(ko), Some(kt)) => {
                merged.push(walk_merge(
                    &kb.unwrap_or(Value::Null),
                    &ko,
                    &kt,
                    path,
                    &[],
                    clashes,
                ));
            }
            (None, Some(one), None) | (None, None, Some(one)) => merged.push(one),
            (Some(kb), Some(ko), None) => {
                if kb != ko {
                    clashes.push(Clash {
                        field: path.clone(),
                        base: kb,
                        ours: Some(ko.clone()),
                        theirs: None,
                    });
                    merged.push(ko);
                }
            }
            (Some(kb), None, Some(kt)) => {
                if kb != kt {
                    clashes.push(Clash {
                        field: path.clone(),
                        base: kb,
                        ours: None,
                        theirs: Some(kt.clone()),
                    });
                    merged.push(kt);
                }
            }
            (_, None, None) => {}
        }
        path.pop();
    }
    merged
}

/// Whether an item of a list inside a part has this label under one of its keys.
fn labelled(item: &Value, label: &str) -> bool {
    KEY_FIELDS
        .iter()
        .any(|field| item.get(field).and_then(key_text).is_some_and(|key| key == label))
}

/// The value at `steps` inside `value`; `None` where nothing is.
pub(super) fn value_at_path<'a>(value: &'a Value, steps: &[Step]) -> Option<&'a Value> {
    steps.iter().try_fold(value, |at, step| match step {
        Step::Field(key) => at.get(key),
        Step::Item(label) => at.as_array()?.iter().find(|item| labelled(item, label)),
    })
}

/// Puts `new` at `steps` inside `value` (`None` removes what is there); `false` where
/// the place does not exist.
pub(super) fn set_at_path(value: &mut Value, steps: &[Step], new: Option<Value>) -> bool {
    let Some((last, inner)) = steps.split_last() else {
        return match new {
            Some(new) => {
                *value = new;
                true
            }
            None => false,
        };
    };
    let mut at = value;
    for step in inner {
        let next = match step {
            Step::Field(key) => at.get_mut(key),
            Step::Item(label) => at
                .as_array_mut()
                .and_then(|items| items.iter_mut().find(|item| labelled(item, label))),
        };
        match next {
            Some(next) => at = next,
            None => return false,
        }
    }
    match (last, new) {
        (Step::Field(key), new) => match at.as_object_mut() {
            Some(fields) => {
                match new {
                    Some(new) => fields.insert(key.clone(), new),
                    None => fields.remove(key),
                };
                true
            }
            None => false,
        },
        (Step::Item(label), new) => {
            if at.is_null() {
                *at = Value::Array(Vec::new());
            }
            let Some(items) = at.as_array_mut() else {
                return false;
            };
            let place = items.iter().position(|item| labelled(item, label));
            match (place, new) {
                (Some(place), Some(new)) => items[place] = new,
                (Some(place), None) => {
                    items.remove(place);
                }
                (None, Some(new)) => items.push(new),
                (None, None) => {}
            }
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn fields_changed_on_one_side_each_combine() {
        let base = json!({"title": "a", "date": "2019-01-01", "subs": [{"label": "1", "text": "x"}]});
        let ours = json!({"title": "b", "date": "2019-01-01", "subs": [{"label": "1", "text": "x"}]});
        let theirs = json!({"title": "a", "date": "2019-02-02", "subs": [{"label": "1", "text": "y"}, {"label": "2", "text": "z"}]});
        let mut clashes = Vec::new();
        let merged = merge_fields(&base, &ours, &theirs, &[], &mut clashes);
        assert!(clashes.is_empty(), "{clashes:?}");
        assert_eq!(
            merged,
            json!({"title": "b", "date": "2019-02-02", "subs": [{"label": "1", "text": "y"}, {"label": "2", "text": "z"}]})
        );
    }

    #[test]
    fn a_field_changed_two_ways_keeps_ours_and_says_so() {
        let mut clashes = Vec::new();
        let merged = merge_fields(
            &json!({"t": 1}),
            &json!({"t": 2}),
            &json!({"t": 3}),
            &[],
            &mut clashes,
        );
        assert_eq!(merged, json!({"t": 2}));
        assert_eq!(clashes.len(), 1);
        assert_eq!(clashes[0].field, vec![Step::Field("t".into())]);
        assert_eq!(clashes[0].theirs, Some(json!(3)));
    }

    #[test]
    fn changes_are_found_where_they_are() {
        let before = json!({"subs": [{"label": "1", "text": "x"}, {"label": "2", "text": "q"}], "n": 1});
        let after = json!({"subs": [{"label": "1", "text": "y"}], "n": 1});
        let changes = field_changes(&before, &after, &[]);
        let fields: Vec<String> = changes
            .iter()
            .map(|c| super::super::path_text(&c.field))
            .collect();
        assert_eq!(fields, vec!["subs[1].text", "subs[2]"]);
        // Items whose labels repeat are compared by position.
        let before = json!({"parts": [{"label": "a", "text": "x"}, {"label": "a", "text": "y"}]});
        let after = json!({"parts": [{"label": "a", "text": "x"}, {"label": "a", "text": "z"}]});
        let changes = field_changes(&before, &after, &[]);
        let fields: Vec<String> = changes
            .iter()
            .map(|c| super::super::path_text(&c.field))
            .collect();
        assert_eq!(fields, vec!["parts[#2].text"]);
    }
}
