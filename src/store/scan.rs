//! A quick pass over the raw bytes of a file before it is parsed: it reads the header
//! (`format`, `version`) and finds a text too long for a dossier, with its line, column
//! and field, without building anything; and finds where a place in the file is.

use crate::model::rules::{Location, Step};

/// What the pass found.
#[derive(Debug, Default)]
pub struct Scan {
    /// The top-level `format` value, if it is a string.
    pub format: Option<String>,
    /// The top-level `version` value, if it is a whole number.
    pub version: Option<u64>,
    /// The top-level `version` value as written, whatever it is: `-1`, `"1"`, `null`;
    /// `{…}` or `[…]` for an object or a list.
    pub version_text: Option<String>,
    /// The first text longer than the limit.
    pub long_text: Option<LongText>,
    /// Whether the first thing in the file is an object.
    pub starts_with_object: bool,
}

#[derive(Debug)]
pub struct LongText {
    pub line: usize,
    pub column: usize,
    pub path: String,
    pub bytes: usize,
}

enum Frame {
    Object {
        /// Where the current key's text lies in the bytes, cut to [`KEY_SHOWN`].
        key: Option<(usize, usize)>,
        expecting_key: bool,
    },
    Array {
        index: usize,
    },
}

/// Keys longer than this are cut in the path shown to the user.
const KEY_SHOWN: usize = 64;

pub fn scan(bytes: &[u8], text_limit: usize) -> Scan {
    let mut result = Scan::default();
    let mut stack: Vec<Frame> = Vec::new();
    let mut line = 1;
    let mut line_start = 0;
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        if result.version_text.is_none()
            && stack.len() == 1
            && !matches!(byte, b':' | b' ' | b'\t' | b'\r' | b'\n')
            && top_key(bytes, &stack) == Some(b"version".as_slice())
        {
            result.version_text = Some(value_text(bytes, index));
        }
        match byte {
            b'\n' => {
                line += 1;
                line_start = index + 1;
            }
            b'{' => {
                if stack.is_empty() && index == first_non_space(bytes) {
                    result.starts_with_object = true;
                }
                stack.push(Frame::Object {
                    key: None,
                    expecting_key: true,
                });
            }
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { key, expecting_key }) => {
                    *key = None;
                    *expecting_key = true;
                }
                None => {}
            },
            b'"' => {
                let start = index;
                let end = string_end(bytes, index + 1);
                let length = end.saturating_sub(start + 1);
                let is_key = matches!(
                    stack.last(),
                    Some(Frame::Object {
                        expecting_key: true,
                        ..
                    })
                );
                if is_key {
                    if let Some(Frame::Object { key, expecting_key }) = stack.last_mut() {
                        *key = Some((start + 1, end.min(start + 1 + KEY_SHOWN)));
                        *expecting_key = false;
                    }
                } else {
                    if length > text_limit && result.long_text.is_none() {
                        result.long_text = Some(LongText {
                            line,
                            column: char_column(bytes, line_start, start),
                            path: path_of(bytes, &stack),
                            bytes: length,
                        });
                        if result.format.is_some() && result.version.is_some() {
                            // The header comes first; nothing after this changes the verdict.
                            return result;
                        }
                    }
                    if stack.len() == 1 && top_key(bytes, &stack) == Some(b"format".as_slice()) {
                        result.format = std::str::from_utf8(&bytes[start + 1..end])
                            .ok()
                            .map(str::to_string);
                    }
                }
                // Strings cannot hold raw line breaks, so the line count stays right.
                index = end;
            }
            b'0'..=b'9' | b'-'
                if stack.len() == 1 && top_key(bytes, &stack) == Some(b"version".as_slice()) =>
            {
                let token_end = bytes[index..]
                    .iter()
                    .position(|b| !matches!(b, b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-'))
                    .map_or(bytes.len(), |offset| index + offset);
                let token = &bytes[index..token_end];
                if token.iter().all(u8::is_ascii_digit) {
                    result.version = std::str::from_utf8(token)
                        .ok()
                        .and_then(|digits| digits.parse().ok());
                }
                index = token_end;
                continue;
            }
            _ => {}
        }
        index += 1;
    }
    result
}

/// The line and column (from 1) where the value at each of `targets` starts in the
/// JSON text, in one pass; `None` for a place the text does not have.
pub fn locate(bytes: &[u8], targets: &[&Location]) -> Vec<Option<(usize, usize)>> {
    let mut found: Vec<Option<(usize, usize)>> = vec![None; targets.len()];
    let mut stack: Vec<Frame> = Vec::new();
    let (mut line, mut line_start) = (1, 0);
    let mut awaiting_value = true;
    let mut index = 0;
    while index < bytes.len() && found.iter().any(Option::is_none) {
        let byte = bytes[index];
        if byte == b'\n' {
            line += 1;
            line_start = index + 1;
        }
        if byte.is_ascii_whitespace() {
            index += 1;
            continue;
        }
        if awaiting_value && !matches!(byte, b']' | b'}') {
            for (target, place) in targets.iter().zip(found.iter_mut()) {
                if place.is_none() && path_is(bytes, &stack, target) {
                    *place = Some((line, char_column(bytes, line_start, index)));
                }
            }
        }
        awaiting_value = false;
        match byte {
            b'{' => stack.push(Frame::Object {
                key: None,
                expecting_key: true,
            }),
            b'[' => {
                stack.push(Frame::Array { index: 0 });
                awaiting_value = true;
            }
            b'}' | b']' => {
                stack.pop();
            }
            b':' => awaiting_value = true,
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => {
                    *index += 1;
                    awaiting_value = true;
                }
                Some(Frame::Object { key, expecting_key }) => {
                    *key = None;
                    *expecting_key = true;
                }
                None => {}
            },
            b'"' => {
                let end = string_end(bytes, index + 1);
                if let Some(Frame::Object {
                    key,
                    expecting_key: expecting @ true,
                }) = stack.last_mut()
                {
                    // Kept whole: a key is compared, not shown.
                    *key = Some((index + 1, end));
                    *expecting = false;
                }
                index = end;
            }
            _ => {}
        }
        index += 1;
    }
    found
}

/// Whether the value about to start, inside `stack`, is at `target`.
fn path_is(bytes: &[u8], stack: &[Frame], target: &Location) -> bool {
    stack.len() == target.0.len()
        && stack
            .iter()
            .zip(&target.0)
            .all(|(frame, step)| match (frame, step) {
                (
                    Frame::Object {
                        key: Some((start, end)),
                        ..
                    },
                    Step::Key(name),
                ) => bytes.get(*start..*end) == Some(name.as_bytes()),
                (Frame::Array { index }, Step::Index(wanted)) => index == wanted,
                _ => false,
            })
}

/// The value starting at `from` as written, cut short: a scalar whole, an object or a
/// list as `{…}` or `[…]`.
fn value_text(bytes: &[u8], from: usize) -> String {
    const SHOWN: usize = 40;
    match bytes[from] {
        b'{' => "{…}".into(),
        b'[' => "[…]".into(),
        b'"' => {
            let end = string_end(bytes, from + 1).min(bytes.len().saturating_sub(1));
            let text = String::from_utf8_lossy(&bytes[from..=end]);
            text.chars().take(SHOWN).collect()
        }
        _ => {
            let end = bytes[from..]
                .iter()
                .position(|b| matches!(b, b',' | b'}' | b']') || b.is_ascii_whitespace())
                .map_or(bytes.len(), |offset| from + offset);
            String::from_utf8_lossy(&bytes[from..end])
                .chars()
                .take(SHOWN)
                .collect()
        }
    }
}

fn first_non_space(bytes: &[u8]) -> usize {
    let without_bom = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    bytes[without_bom..]
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(bytes.len(), |offset| without_bom + offset)
}

/// Whether the JSON text in `bytes` holds a string longer than `limit` bytes. Much
/// quicker than [`scan`], which also says where; for valid JSON only (every quote outside
/// a string starts one).
pub fn has_long_text(bytes: &[u8], limit: usize) -> bool {
    if every_stretch_breaks_a_line(bytes, limit / 2) {
        return false;
    }
    let mut index = 0;
    while let Some(offset) = bytes.get(index..).and_then(|rest| memchr::memchr(b'"', rest)) {
        let start = index + offset + 1;
        let end = string_end(bytes, start);
        if end - start > limit {
            return true;
        }
        index = end + 1;
    }
    false
}

/// Whether each stretch of `stretch` bytes from the start (the last, shorter one aside)
/// holds a line break. A string holds none, so then every string is shorter than two
/// stretches: one that long would hold a whole stretch. A file in the stable layout
/// has a line break every few kilobytes, and a look at each stretch finds it at once.
fn every_stretch_breaks_a_line(bytes: &[u8], stretch: usize) -> bool {
    stretch > 0
        && bytes
            .chunks_exact(stretch)
            .all(|part| memchr::memchr(b'\n', part).is_some())
}

/// The index of the closing quote of a string whose content starts at `from`.
fn string_end(bytes: &[u8], from: usize) -> usize {
    let mut index = from;
    while let Some(offset) = bytes
        .get(index..)
        .and_then(|rest| memchr::memchr2(b'"', b'\\', rest))
    {
        index += offset;
        if bytes[index] == b'"' {
            return index;
        }
        index += 2;
    }
    bytes.len()
}

fn char_column(bytes: &[u8], line_start: usize, at: usize) -> usize {
    String::from_utf8_lossy(&bytes[line_start..at]).chars().count() + 1
}

fn top_key<'a>(bytes: &'a [u8], stack: &[Frame]) -> Option<&'a [u8]> {
    match stack.last() {
        Some(Frame::Object {
            key: Some((start, end)),
            ..
        }) => bytes.get(*start..*end),
        _ => None,
    }
}

fn path_of(bytes: &[u8], stack: &[Frame]) -> String {
    let segments: Vec<String> = stack
        .iter()
        .filter_map(|frame| match frame {
            Frame::Object { key, .. } => key
                .and_then(|(start, end)| bytes.get(start..end))
                .map(|key| String::from_utf8_lossy(key).replace('_', " ")),
            Frame::Array { index } => Some(format!("#{}", index + 1)),
        })
        .collect();
    super::join_path(&segments)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::rules::location;

    #[test]
    fn reads_the_header_and_finds_long_texts_with_their_place() {
        let json = "{\n  \"format\": \"dossier-workbench\",\n  \"version\": 12,\n  \"questions\": [\n    {\"title\": \"ok\"},\n    {\"title\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}\n  ]\n}";
        let found = scan(json.as_bytes(), 20);
        assert!(found.starts_with_object);
        assert_eq!(found.format.as_deref(), Some("dossier-workbench"));
        assert_eq!(found.version, Some(12));
        assert_eq!(found.version_text.as_deref(), Some("12"));
        let long = found.long_text.unwrap();
        assert_eq!((long.line, long.column, long.bytes), (6, 15, 30));
        assert_eq!(long.path, "questions #2 › title");
    }

    #[test]
    fn the_quick_check_finds_the_same_long_texts() {
        let json = r#"{"a": "short", "b": ["0123456789", "x\"yz"], "c": "0123456789abc"}"#;
        assert!(!has_long_text(json.as_bytes(), 13));
        assert!(has_long_text(json.as_bytes(), 12));
        assert!(scan(json.as_bytes(), 12).long_text.is_some());
        // An escaped quote does not end the text; the length is that of the text as written.
        assert!(has_long_text(br#"["abc\"defghij"]"#, 11));
        assert!(!has_long_text(br#"["abc\"defghij"]"#, 12));
        assert_eq!(
            scan(br#"["abc\"defghij"]"#, 11).long_text.map(|long| long.bytes),
            Some(12)
        );
    }

    #[test]
    fn a_text_just_over_the_limit_is_found_among_many_short_lines() {
        // Lines as the stable layout writes them, every stretch of the quick look broken.
        let line = "    {\"id\": 1, \"title\": \"kort\"},\n";
        for limit in [64, 65, 200, 201] {
            for at in [0, 7, 150, 333, 1000] {
                for length in [limit, limit + 1] {
                    let mut json = String::from("[\n");
                    let mut place = 0;
                    while json.len() < 1200 {
                        if place == at {
                            json.push_str(&format!("    \"{}\",\n", "x".repeat(length)));
                        }
                        json.push_str(line);
                        place += 1;
                    }
                    json.push_str("    null\n]\n");
                    let long = length > limit && at < place;
                    assert_eq!(
                        has_long_text(json.as_bytes(), limit),
                        long,
                        "{limit} {at} {length}"
                    );
                    assert_eq!(scan(json.as_bytes(), limit).long_text.is_some(), long);
                }
            }
        }
    }

    #[test]
    fn a_version_that_is_not_a_whole_number_is_kept_as_written() {
        let version_of = |json: &str| scan(json.as_bytes(), 100).version_text;
        assert_eq!(version_of(r#"{"version": -1}"#).as_deref(), Some("-1"));
        assert_eq!(version_of(r#"{"version":null,"x":1}"#).as_deref(), Some("null"));
        assert_eq!(version_of(r#"{"version": "1"}"#).as_deref(), Some("\"1\""));
        assert_eq!(version_of("{\"version\":\n  [1]}").as_deref(), Some("[…]"));
        assert_eq!(version_of(r#"{"title": "version"}"#), None);
        assert_eq!(scan(br#"{"version": -1}"#, 100).version, None);
    }

    #[test]
    fn finds_the_line_and_column_of_places_in_the_file() {
        let json =
            "{\n  \"a\": [\n    {\"b\": 1},\n    {\"b\": [],  \"c\": \"x,y\"}\n  ],\n  \"d\": {\"e\": {}}\n}";
        let targets = [
            location!["a", 1, "c"],
            location!["a", 0],
            location!["d", "e"],
            location!["a", 1, "b"],
            location!["a", 2],
            location![],
        ];
        let found = locate(json.as_bytes(), &targets.iter().collect::<Vec<_>>());
        assert_eq!(
            found,
            vec![
                Some((4, 21)),
                Some((3, 5)),
                Some((6, 14)),
                Some((4, 11)),
                None,
                Some((1, 1))
            ]
        );
    }

    #[test]
    fn nested_keys_and_escaped_quotes_do_not_confuse_it() {
        let json =
            r#"{"settings": {"version": 3, "format": "x"}, "title": "a \"quoted\" word", "version": 1.5}"#;
        let found = scan(json.as_bytes(), 100);
        assert_eq!(found.format, None);
        assert_eq!(found.version, None);
        assert_eq!(found.version_text.as_deref(), Some("1.5"));
        assert!(found.long_text.is_none());
        assert!(!scan(b"[1, 2]", 10).starts_with_object);
    }
}
