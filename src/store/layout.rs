//! The layout of a dossier file: pretty JSON that diffs well. Keys keep the order of the
//! model's fields; a small object or list stays on one line; each budget row is one
//! line; every source text line is one line.
//!
//! The layout is applied to the compact JSON that `serde_json` writes, byte by byte:
//! building a `serde_json::Value` of a large dossier first costs several times the writing.

use serde::Serialize;

/// The widest line a container is folded onto.
const WIDTH: usize = 100;
const INDENT: &[u8] = b"  ";

/// Containers under these keys are always written on one line, whatever their width.
fn always_inline(key: Option<&[u8]>) -> bool {
    matches!(key, Some(b"cells"))
}

/// Lists under these keys hold one item per line, each item on one line.
fn items_inline(key: Option<&[u8]>) -> bool {
    matches!(key, Some(b"rows"))
}

/// `value` as the text of a file in the stable layout.
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Vec<u8>> {
    let mut compact = Vec::new();
    serde_json::to_writer(&mut compact, value)?;
    Ok(relayout(&compact))
}

/// Lays out compact JSON (as `serde_json::to_writer` writes it, without whitespace).
pub fn relayout(compact: &[u8]) -> Vec<u8> {
    let mut layout = Relayout {
        src: compact,
        out: Vec::with_capacity(compact.len() + compact.len() / 4),
    };
    let end = layout.value(0, 0, None, false);
    // Nothing follows a value serde_json wrote; anything that does is kept, not lost.
    layout
        .out
        .extend_from_slice(compact.get(end..).unwrap_or_default());
    layout.out.push(b'\n');
    layout.out
}

struct Relayout<'a> {
    src: &'a [u8],
    out: Vec<u8>,
}

impl Relayout<'_> {
    /// Writes the value that starts at `pos`; returns where it ends.
    fn value(&mut self, pos: usize, depth: usize, key: Option<&[u8]>, inline: bool) -> usize {
        let (open, close) = match self.src.get(pos) {
            Some(b'[') => (b'[', b']'),
            Some(b'{') => (b'{', b'}'),
            _ => return self.compact(pos),
        };
        if self.src.get(pos + 1) == Some(&close) {
            return self.compact(pos);
        }
        let fits = || {
            let budget = WIDTH.saturating_sub(depth * INDENT.len() + key.map_or(0, |k| k.len() + 4));
            compact_fits(self.src, pos, budget)
        };
        // The top object is always unfolded, so that a file starts with its header.
        let fold = inline || always_inline(key) || ((open == b'[' || depth > 0) && fits());
        if fold {
            return self.compact(pos);
        }
        self.out.push(open);
        let mut p = pos + 1;
        let mut first = true;
        loop {
            self.out.extend_from_slice(if first { b"\n" } else { b",\n" });
            first = false;
            self.indent(depth + 1);
            if open == b'[' {
                p = self.value(p, depth + 1, None, items_inline(key));
            } else {
                if self.src.get(p) != Some(&b'"') {
                    break;
                }
                let name_end = string_end(self.src, p);
                let name = self.src.get(p..name_end).unwrap_or_default();
                self.out.extend_from_slice(name);
                self.out.extend_from_slice(b": ");
                if self.src.get(name_end) != Some(&b':') {
                    p = name_end;
                    break;
                }
                let bare = name.get(1..name.len().saturating_sub(1));
                p = self.value(name_end + 1, depth + 1, bare, false);
            }
            match self.src.get(p) {
                Some(b',') => p += 1,
                Some(&byte) if byte == close => {
                    p += 1;
                    break;
                }
                _ => break,
            }
        }
        self.out.push(b'\n');
        self.indent(depth);
        self.out.push(close);
        p
    }

    fn indent(&mut self, depth: usize) {
        for _ in 0..depth {
            self.out.extend_from_slice(INDENT);
        }
    }

    /// Copies the value at `pos` onto one line, with a space after each `,` and `:`.
    fn compact(&mut self, pos: usize) -> usize {
        let src = self.src;
        let mut run = pos;
        let mut p = pos;
        let mut depth = 0usize;
        while let Some(&byte) = src.get(p) {
            match byte {
                b'"' => {
                    p = string_end(src, p);
                    if depth == 0 {
                        break;
                    }
                    continue;
                }
                b'[' | b'{' => depth += 1,
                b']' | b'}' => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                    if depth == 0 {
                        p += 1;
                        break;
                    }
                }
                b',' | b':' => {
                    if depth == 0 {
                        break;
                    }
                    self.out.extend_from_slice(src.get(run..=p).unwrap_or_default());
                    self.out.push(b' ');
                    run = p + 1;
                }
                _ => {}
            }
            p += 1;
        }
        self.out.extend_from_slice(src.get(run..p).unwrap_or_default());
        p
    }
}

/// Where the string that starts with the quote at `pos` ends, past its closing quote.
fn string_end(src: &[u8], pos: usize) -> usize {
    let mut p = pos + 1;
    while let Some(offset) = src.get(p..).and_then(|rest| memchr::memchr2(b'"', b'\\', rest)) {
        p += offset;
        if src.get(p) == Some(&b'"') {
            return p + 1;
        }
        p += 2;
    }
    src.len()
}

/// Whether the one-line form of the container at `pos` is at most `budget` characters
/// (strings counted unescaped), with an early stop so that a large container costs no
/// more than the budget.
fn compact_fits(src: &[u8], pos: usize, budget: usize) -> bool {
    let mut remaining = isize::try_from(budget).unwrap_or(isize::MAX);
    let mut depth = 0usize;
    let mut p = pos;
    while let Some(&byte) = src.get(p) {
        match byte {
            b'"' => {
                let mut chars = 0;
                p += 1;
                while let Some(&byte) = src.get(p) {
                    match byte {
                        b'"' => break,
                        b'\\' => {
                            chars += 1;
                            p += if src.get(p + 1) == Some(&b'u') { 6 } else { 2 };
                        }
                        _ => {
                            // Count characters, not bytes: skip UTF-8 continuation bytes.
                            if byte & 0xC0 != 0x80 {
                                chars += 1;
                            }
                            p += 1;
                        }
                    }
                    if chars > budget {
                        return false;
                    }
                }
                remaining -= isize::try_from(chars + 2).unwrap_or(isize::MAX);
            }
            b'[' | b'{' => {
                depth += 1;
                remaining -= 1;
            }
            b']' | b'}' => {
                remaining -= 1;
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return remaining >= 0;
                }
            }
            b',' | b':' => remaining -= 2,
            _ => remaining -= 1,
        }
        if remaining < 0 {
            return false;
        }
        p += 1;
    }
    remaining >= 0
}

#[cfg(test)]
mod tests {
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
                        WIDTH.saturating_sub(depth * INDENT.len() + key.map_or(0, |k| k.len() + 4)),
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
                        WIDTH.saturating_sub(depth * INDENT.len() + key.map_or(0, |k| k.len() + 4)),
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
            json!("just a string"),
            json!(12),
        ];
        for value in cases {
            assert_eq!(laid_out(&value), write(&value), "{value}");
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
}
