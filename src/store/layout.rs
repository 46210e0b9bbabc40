//! The layout of a dossier file: pretty JSON that diffs well. Keys keep the order of the
//! model's fields; a small object or list stays on one line; each budget row is one
//! line; every source text line is one line.

use serde_json::Value;

/// The widest line a container is folded onto.
const WIDTH: usize = 100;
const INDENT: &str = "  ";

/// Containers under these keys are always written on one line, whatever their width.
fn always_inline(key: Option<&str>) -> bool {
    matches!(key, Some("cells"))
}

/// Lists under these keys hold one item per line, each item on one line.
fn items_inline(key: Option<&str>) -> bool {
    matches!(key, Some("rows"))
}

pub fn write(value: &Value) -> String {
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
                    WIDTH.saturating_sub(depth * INDENT.len() + key.map_or(0, |k| k.len() + 4)),
                )
            };
            if inline || always_inline(key) || fits() {
                write_compact(out, value);
            } else {
                let inline_items = items_inline(key);
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
                    WIDTH.saturating_sub(depth * INDENT.len() + key.map_or(0, |k| k.len() + 4)),
                )
            };
            if inline || always_inline(key) || (depth > 0 && fits()) {
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
        out.push_str(INDENT);
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
        assert!(written.contains(r#""Hüseyin \"quoted\"\n€ \u0001""#), "{written}");
    }
}
