//! The layout against the writer over `serde_json::Value` it was first made with.

use super::*;
use serde_json::{Value, json};

// The writer over `serde_json::Value` the layout was first made with, kept as the
// reference that the byte-level layout must reproduce exactly.
fn write(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, 0, None, false);
    out.push('\n');
    out
}

fn write_value(out: &mut String, value: &Value, depth: usize, key: Option<&str>, inline: bool) {
    match value {
        Value::Array(items) if !items.is_empty() => {
            let fits = || {
                compact_fits(
                    value,
                    WIDTH.saturating_sub(depth * INDENT + key.map_or(0, |k| k.len() + 4)),
                )
            };
            if inline || key == Some("cells") || fits() {
                write_compact(out, value);
            } else {
                let inline_items = key == Some("rows");
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    out.push_str(if index == 0 { "\n" } else { ",\n" });
                    push_indent(out, depth + 1);
                    write_value(out, item, depth + 1, None, inline_items);
                }
                out.push('\n');
                push_indent(out, depth);
                out.push(']');
            }
        }
        Value::Object(entries) if !entries.is_empty() => {
            let fits = || {
                compact_fits(
                    value,
                    WIDTH.saturating_sub(depth * INDENT + key.map_or(0, |k| k.len() + 4)),
                )
            };
            if inline || key == Some("cells") || (depth > 0 && fits()) {
                write_compact(out, value);
            } else {
                out.push('{');
                for (index, (name, item)) in entries.iter().enumerate() {
                    out.push_str(if index == 0 { "\n" } else { ",\n" });
                    push_indent(out, depth + 1);
                    write_string(out, name);
                    out.push_str(": ");
                    write_value(out, item, depth + 1, Some(name), false);
                }
                out.push('\n');
                push_indent(out, depth);
                out.push('}');
            }
        }
        _ => write_compact(out, value),
    }
}

fn push_indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn write_string(out: &mut String, text: &str) {
    // Serialising a string cannot fail; the fallback keeps the file valid regardless.
    match serde_json::to_string(text) {
        Ok(quoted) => out.push_str(&quoted),
        Err(_) => out.push_str("\"\""),
    }
}

/// One line, with a space after each `,` and `:`.
fn write_compact(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        Value::Number(number) => out.push_str(&number.to_string()),
        Value::String(text) => write_string(out, text),
        Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push_str(", ");
                }
                write_compact(out, item);
            }
            out.push(']');
        }
        Value::Object(entries) => {
            out.push('{');
            for (index, (name, item)) in entries.iter().enumerate() {
                if index > 0 {
                    out.push_str(", ");
                }
                write_string(out, name);
                out.push_str(": ");
                write_compact(out, item);
            }
            out.push('}');
        }
    }
}

/// Whether the one-line form of `value` is at most `budget` characters, computed with
/// an early stop so that a large container costs no more than the budget.
fn compact_fits(value: &Value, budget: usize) -> bool {
    fn take(remaining: &mut isize, n: usize) -> bool {
        *remaining -= isize::try_from(n).unwrap_or(isize::MAX);
        *remaining >= 0
    }
    fn measure(value: &Value, remaining: &mut isize) -> bool {
        match value {
            Value::Null => take(remaining, 4),
            Value::Bool(flag) => take(remaining, if *flag { 4 } else { 5 }),
            Value::Number(number) => take(remaining, number.to_string().len()),
            Value::String(text) => take(remaining, text.chars().count() + 2),
            Value::Array(items) => {
                take(remaining, 2)
                    && items
                        .iter()
                        .enumerate()
                        .all(|(i, item)| (i == 0 || take(remaining, 2)) && measure(item, remaining))
            }
            Value::Object(entries) => {
                take(remaining, 2)
                    && entries.iter().enumerate().all(|(i, (name, item))| {
                        (i == 0 || take(remaining, 2))
                            && take(remaining, name.chars().count() + 4)
                            && measure(item, remaining)
                    })
            }
        }
    }
    let mut remaining = isize::try_from(budget).unwrap_or(isize::MAX);
    measure(value, &mut remaining)
}

#[test]
fn small_containers_fold_and_rows_stay_one_per_line() {
    let value = json!({
        "format": "dossier-workbench",
        "source": {"document": "seed-003", "part": "antwoord 1-2"},
        "rows": [
            {"id": 1, "cells": [{"text": "a long project name that would not fit on the line otherwise, really not"}, {"money": "659219.12"}]},
            {"id": 2, "cells": [null, {"money": "1.00"}]}
        ],
        "text": ["first line of a long source text that goes on and on and on", "second line of the same text, also long enough"]
    });
    let written = write(&value);
    assert_eq!(laid_out(&value), written);
    let expected = r#"{
  "format": "dossier-workbench",
  "source": {"document": "seed-003", "part": "antwoord 1-2"},
  "rows": [
    {"id": 1, "cells": [{"text": "a long project name that would not fit on the line otherwise, really not"}, {"money": "659219.12"}]},
    {"id": 2, "cells": [null, {"money": "1.00"}]}
  ],
  "text": [
    "first line of a long source text that goes on and on and on",
    "second line of the same text, also long enough"
  ]
}
"#;
    assert_eq!(written, expected);
    assert_eq!(serde_json::from_str::<Value>(&written).unwrap(), value);
}

#[test]
fn escapes_what_json_requires_and_keeps_other_text() {
    let value = json!({"title": "Hüseyin \"quoted\"\n€ \u{1}"});
    let written = write(&value);
    assert_eq!(laid_out(&value), written);
    assert!(written.contains(r#""Hüseyin \"quoted\"\n€ \u0001""#), "{written}");
}

fn laid_out(value: &Value) -> String {
    String::from_utf8(to_vec(value).unwrap()).unwrap()
}

#[test]
fn byte_layout_matches_the_reference_on_edge_cases() {
    let cases = [
        json!([]),
        json!({}),
        json!({"a": [], "b": {}, "c": [[], {}], "d": null, "e": -1.5e-7, "f": true}),
        json!({"nested": {"deeper": {"deepest": [1, 2, 3, {"x": "comma, colon: \"quote\" \\ backslash"}]}}}),
        json!({"cells": [{"text": "x".repeat(200)}], "rows": [[1, 2], {"cells": ["y".repeat(150)]}]}),
        // At the boundary of the width, counted in characters, not bytes or escapes.
        json!({"k": "é".repeat(91)}),
        json!({"list": ["é".repeat(89)], "list2": ["\n".repeat(89)], "list3": ["\u{1}".repeat(88)]}),
        json!({"list": ["a".repeat(88)], "list2": ["a".repeat(89)], "list3": ["a".repeat(90)]}),
        json!([{"a": "b".repeat(95)}, {"a": 1}]),
        // An object that ends one character past its line inside a list that had
        // room for it until its own closing bracket (found by the property test).
        json!([{"aaaaaaaaaaa": null, "aaaaaaa": -1_000_000_000_000_000_000_i64, "rows": -1_000_000_000_000_000_000_i64, "cells": null}]),
        json!({"k": [[["x".repeat(80)]]]}),
        json!("just a string"),
        json!(12),
    ];
    for value in cases {
        assert_eq!(laid_out(&value), write(&value), "{value}");
    }
}

fn any_value() -> impl proptest::strategy::Strategy<Value = Value> {
    use proptest::prelude::*;
    // Keys that change the layout, and text of every width around the line's.
    let key = prop_oneof![Just("rows".to_string()), Just("cells".to_string()), "[a-z]{1,12}",];
    let text = prop_oneof!["[a-zé€\"\\\n\u{1}, :]{0,12}", "[a-zé ]{80,120}", "x{0,500}"];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        text.prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 200, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            proptest::collection::vec((key.clone(), inner), 0..8)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
    #[test]
    fn one_pass_layout_matches_the_reference_on_any_json(value in any_value()) {
        proptest::prop_assert_eq!(laid_out(&value), write(&value));
    }
}

#[test]
fn byte_layout_matches_the_reference_on_real_dossiers() {
    let bundled = crate::store::bundled().unwrap();
    let generated = crate::generate::generate(
        crate::generate::Sizes {
            questions: 60,
            budget_rows: 300,
            members: 30,
            indicators: 40,
        },
        3,
    );
    for dossier in [bundled, generated] {
        let value = serde_json::to_value(&dossier).unwrap();
        assert_eq!(
            String::from_utf8(to_vec(&dossier).unwrap()).unwrap(),
            write(&value)
        );
    }
}
