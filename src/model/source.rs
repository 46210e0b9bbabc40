//! Where the facts come from: the source documents and references into them.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A short, stable name of a source document, like `seed-000`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SourceId(pub String);

impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A document the dossier is built from, with its text as extracted, so that every
/// reference can be checked against the words it points to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDocument {
    pub id: SourceId,
    /// The file the text was taken from.
    pub file: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What is missing or odd in the document itself (a cut-off header, say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default)]
    pub text: SourceText,
}

/// The full text of a source document. Stored as one string per line, so that a dossier
/// file diffs line by line in version control.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceText(pub String);

impl Serialize for SourceText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.split('\n'))
    }
}

impl<'de> Deserialize<'de> for SourceText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<SourceText, D::Error> {
        let lines = Vec::<String>::deserialize(deserializer)?;
        Ok(SourceText(lines.join("\n")))
    }
}

/// A pointer from a fact to the passage of a source document that states it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub document: SourceId,
    /// The part of the document: `vraag 3.d`, `antwoord 1-2`, `inleiding`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// The words of the source, as printed (line breaks aside).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

impl SourceRef {
    pub fn new(document: &str) -> SourceRef {
        SourceRef {
            document: SourceId(document.to_string()),
            part: None,
            quote: None,
        }
    }
}

/// A value with the reference to where it is stated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sourced<T> {
    pub value: T,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

/// Folds every run of white space to one space and joins words that a line break split
/// after a hyphen (`ESF-\nVlaanderen`), so that a quote matches the extracted text
/// whatever the line breaks of the PDF were.
pub fn normalize_whitespace(text: &str) -> String {
    let text = mend_broken_links(text);
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.chars() {
        if ch.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            let after_hyphen =
                out.ends_with('-') && out.chars().rev().nth(1).is_some_and(char::is_alphanumeric);
            if !(after_hyphen && ch.is_alphanumeric()) {
                out.push(' ');
            }
            pending_space = false;
        }
        out.push(ch);
    }
    out
}

/// Joins a web address that the PDF broke over lines: a line that ends inside an
/// address and a next line without spaces are one address.
fn mend_broken_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_link = false;
    for line in text.split('\n') {
        let piece = line.trim();
        let continues = in_link && !piece.is_empty() && !piece.contains(char::is_whitespace);
        if continues {
            while out.ends_with(char::is_whitespace) {
                out.pop();
            }
        } else if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(if continues { piece } else { line });
        let last_word = out.rsplit(char::is_whitespace).next().unwrap_or("");
        in_link = last_word.starts_with("http://") || last_word.starts_with("https://");
    }
    out
}

impl SourceDocument {
    /// Whether the document's text contains `passage`, line breaks and spacing aside.
    pub fn contains_passage(&self, passage: &str) -> bool {
        normalize_whitespace(&self.text.0).contains(&normalize_whitespace(passage))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_and_broken_words_do_not_hide_a_quote() {
        assert_eq!(
            normalize_whitespace("  de webstek van ESF-\nVlaanderen.  "),
            "de webstek van ESF-Vlaanderen."
        );
        assert_eq!(
            normalize_whitespace("Integratiepact  -  Stand"),
            "Integratiepact - Stand"
        );
        assert_eq!(normalize_whitespace("a -\nb"), "a - b");
        assert_eq!(
            normalize_whitespace(
                "zie https://www.esf-\nvlaanderen.be/kaart?a=1&field_the\nmes=All&=\nZoeken \n\n3. Voor de"
            ),
            "zie https://www.esf-vlaanderen.be/kaart?a=1&field_themes=All&=Zoeken 3. Voor de"
        );
    }

    #[test]
    fn source_text_round_trips_through_lines() {
        let text = SourceText("first\n\nthird line\n".to_string());
        let json = serde_json::to_string(&text).unwrap();
        assert_eq!(json, r#"["first","","third line",""]"#);
        assert_eq!(serde_json::from_str::<SourceText>(&json).unwrap(), text);
    }
}
