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
        // A line that is a link of its own (PDFs repeat them) does not continue one.
        let starts_link = piece.starts_with("http://") || piece.starts_with("https://");
        let continues = in_link && !piece.is_empty() && !piece.contains(char::is_whitespace) && !starts_link;
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

/// What may be done with a link found in a dossier. A dossier can come from anyone by
/// mail, so only web pages and mail addresses are ever handed to the system to open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// `http:` or `https:`: opened in the browser, on a click.
    Web,
    /// `mailto:`: opened in the mail program, on a click.
    Mail,
    /// Anything else (`file:`, `javascript:`, `data:`, …): shown, never opened.
    Refused,
}

/// Whether a link may be opened, by its scheme (case aside, as browsers read it).
pub fn link_kind(link: &str) -> LinkKind {
    let scheme = link
        .trim_start()
        .split_once(':')
        .map(|(scheme, _)| scheme.to_ascii_lowercase());
    match scheme.as_deref() {
        Some("http" | "https") if link.trim_start()[5..].trim_start_matches(':').starts_with("//") => {
            LinkKind::Web
        }
        Some("mailto") => LinkKind::Mail,
        _ => LinkKind::Refused,
    }
}

/// The links written out in a text (`https://…`, `mailto:…`, and `file:`, `javascript:`
/// and the like, which are listed so they can be seen), each once, in order. An address
/// the PDF broke over two lines is joined first.
pub fn links_in(text: &str) -> Vec<String> {
    const SCHEMES_WITHOUT_SLASHES: [&str; 5] = ["mailto", "javascript", "file", "data", "vbscript"];
    let mended = mend_broken_links(text);
    let mut links: Vec<String> = Vec::new();
    for word in mended.split_whitespace() {
        let word = word
            .trim_start_matches(['(', '<', '"', '\'', '«', '“'])
            .trim_end_matches(['.', ',', ';', ':', ')', '>', '"', '\'', '»', '”']);
        let Some((scheme, rest)) = word.split_once(':') else {
            continue;
        };
        let named = !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphabetic());
        let lower = scheme.to_ascii_lowercase();
        let is_link = named
            && !rest.is_empty()
            && (rest.starts_with("//") || SCHEMES_WITHOUT_SLASHES.contains(&lower.as_str()));
        if is_link && !links.iter().any(|known| known == word) {
            links.push(word.to_string());
        }
    }
    links
}

impl SourceDocument {
    /// The document's own address and the links in its text, each once.
    pub fn links(&self) -> Vec<String> {
        let mut links: Vec<String> = self.url.iter().cloned().collect();
        for link in links_in(&self.text.0) {
            if !links.contains(&link) {
                links.push(link);
            }
        }
        links
    }

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
    fn only_web_and_mail_links_may_be_opened() {
        assert_eq!(link_kind("https://www.vleva.eu/nl"), LinkKind::Web);
        assert_eq!(
            link_kind("HTTP://docs.vlaamsparlement.be/pfile?id=1213901"),
            LinkKind::Web
        );
        assert_eq!(link_kind("mailto:info@integratiepact.be"), LinkKind::Mail);
        for refused in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "smb://server/share",
            "http:/no-slashes",
            "www.integratiepact.be",
            "",
        ] {
            assert_eq!(link_kind(refused), LinkKind::Refused, "{refused}");
        }
    }

    #[test]
    fn links_are_found_in_text_once_and_mended_over_lines() {
        let text = "zie http://www.integratiepact.be\nhttp://www.integratiepact.be\n\
            Alle documenten: https://www.vleva.eu/nl/regionaal-beleid/events/europese-fondsen-voor-de-\n\
            integratie-van-personen \n(mail mailto:info@example.be), niet file:///C:/geheim.txt of \
            javascript:alert(1). Geen link: 3: zie ook www.integratiepact.be";
        assert_eq!(
            links_in(text),
            [
                "http://www.integratiepact.be",
                "https://www.vleva.eu/nl/regionaal-beleid/events/europese-fondsen-voor-de-integratie-van-personen",
                "mailto:info@example.be",
                "file:///C:/geheim.txt",
                "javascript:alert(1",
            ]
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
