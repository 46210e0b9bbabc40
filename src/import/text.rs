//! The PDF text layer as lines, and the rules that turn its lines back into paragraphs:
//! line breaks inside a paragraph joined, words broken at a hyphen mended, page breaks
//! inside a sentence closed, bullets kept on lines of their own.

/// One line of the source text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The line without the spaces at its end.
    pub text: String,
    /// The line began with a space: the PDF layer starts a new text block so.
    pub indented: bool,
    /// Its number in the source text, from 1.
    pub number: usize,
}

impl Line {
    pub fn trimmed(&self) -> &str {
        self.text.trim()
    }

    pub fn is_blank(&self) -> bool {
        self.trimmed().is_empty()
    }
}

/// The text as lines, numbered from 1.
pub fn lines(text: &str) -> Vec<Line> {
    text.split('\n')
        .enumerate()
        .map(|(index, line)| {
            let line = line.trim_end_matches('\r');
            let trimmed = line.trim_end_matches([' ', '\t']);
            // A line holding only spaces is kept as one space: an empty cell of a table.
            let text = if trimmed.is_empty() && !line.is_empty() {
                " "
            } else {
                trimmed
            };
            Line {
                indented: text.starts_with([' ', '\t']) && !trimmed.is_empty(),
                text: text.to_string(),
                number: index + 1,
            }
        })
        .collect()
}

/// Whether a line is nothing but a web address.
pub fn is_url_line(text: &str) -> bool {
    let text = text.trim();
    (text.starts_with("http://") || text.starts_with("https://") || text.starts_with("www."))
        && !text.contains(char::is_whitespace)
}

/// Whether `ch` counts as a character of a word, as in the reflow rules.
fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

/// A lower-case letter that can start the rest of a sentence after a page break:
/// a to z, and the accented letters of Latin-1.
fn continues_sentence(ch: char) -> bool {
    ch.is_ascii_lowercase() || ('\u{e0}'..='\u{ff}').contains(&ch)
}

/// Whether the paragraph so far ends inside a web address, so that the next line,
/// without spaces, is the rest of it.
fn ends_in_url(text: &str) -> bool {
    text.rsplit(' ')
        .next()
        .is_some_and(|word| word.starts_with("http://") || word.starts_with("https://"))
}

/// Whether `piece` is the rest of the web address `text` ends in: the address stops at
/// a sign that cannot end one (`=`, `-`, `/`), or the piece is address material itself
/// (`vlaanderen.be/nl/…`); a plain word after a whole address is the next word.
fn url_goes_on(text: &str, piece: &str) -> bool {
    const SIGNS: [char; 9] = ['/', '=', '&', '?', '.', '_', '%', '-', '#'];
    ends_in_url(text)
        && !piece.contains(char::is_whitespace)
        && (text.ends_with(SIGNS) || piece.contains(SIGNS))
}

/// Joins the lines of a stretch of text into paragraphs. A blank line ends a paragraph
/// unless the sentence runs on (the line before ends in a letter, a digit or a comma and
/// the next starts in lower case: a page break); a word broken at a hyphen is mended; a
/// bullet (`- `) starts a line of its own under its lead-in; paragraphs are separated by
/// a blank line.
pub fn reflow<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut paragraphs: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut pending_blank = false;
    for line in lines {
        let stripped = line.trim();
        if stripped.is_empty() {
            if !current.is_empty() {
                pending_blank = true;
            }
            continue;
        }
        if pending_blank && let Some(previous) = current.last() {
            let runs_on = previous
                .chars()
                .last()
                .is_some_and(|c| is_word_char(c) || c == ',')
                && stripped.chars().next().is_some_and(continues_sentence);
            if !runs_on {
                paragraphs.push(std::mem::take(&mut current));
            }
        }
        pending_blank = false;
        if stripped.starts_with("- ") && !current.is_empty() {
            paragraphs.push(std::mem::take(&mut current));
        }
        current.push(stripped);
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    let mut out = String::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let mut text = String::new();
        for piece in paragraph {
            let broken_word = ends_in_broken_word(&text, piece);
            let url_goes_on = url_goes_on(&text, piece);
            if text.is_empty() || (broken_word && !text.ends_with(" -")) || url_goes_on {
                text.push_str(piece);
            } else {
                text.push(' ');
                text.push_str(piece);
            }
        }
        let text = collapse_spaces(&text);
        if index > 0 {
            out.push_str(if text.starts_with("- ") { "\n" } else { "\n\n" });
        }
        out.push_str(&text);
    }
    out
}

/// Whether `before` ends in a word broken at a hyphen that `after` finishes: not the
/// hyphen of `wervings- en communicatiestrategie`, which a conjunction follows.
fn ends_in_broken_word(before: &str, after: &str) -> bool {
    let mut tail = before.chars().rev();
    let hyphen = tail.next() == Some('-') && tail.next().is_some_and(is_word_char);
    let next_word = after
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(',');
    hyphen && !["en", "of", "tot", "noch", "als", "and", "or"].contains(&next_word)
}

/// Two pieces of one line of text broken in two: a word broken at a hyphen is mended
/// (`ESF-` + `Vlaanderen`), anything else joined with a space.
pub fn join_broken(before: &str, after: &str) -> String {
    if ends_in_broken_word(before, after) {
        format!("{before}{after}")
    } else {
        format!("{before} {after}")
    }
}

/// A text in pieces of at most `most` bytes, broken at a space where there is one (the
/// space left out), else at a character's edge. Short text is one piece.
pub fn pieces(text: &str, most: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while rest.len() > most {
        let mut cut = most.max(1);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        if cut == 0 {
            // One character longer than `most`: it is a piece of its own.
            cut = rest.chars().next().map_or(rest.len(), char::len_utf8);
        }
        let at = rest[..cut].rfind(' ').filter(|&at| at > 0).unwrap_or(cut);
        out.push(&rest[..at]);
        rest = rest[at..].strip_prefix(' ').unwrap_or(&rest[at..]);
    }
    out.push(rest);
    out
}

/// Runs of spaces and tabs as one space.
pub fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for ch in text.chars() {
        if ch == ' ' || ch == '\t' {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(ch);
            in_space = false;
        }
    }
    out
}

/// Lines kept as lines (a table as the PDF printed it), blank ones left out.
pub fn raw_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    lines
        .into_iter()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(collapse_spaces)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A name printed in capitals as it is written: `YASMINE KHERBACHE` → `Yasmine
/// Kherbache`, `DE VRIJ-JANSSENS` → `De Vrij-Janssens`. Names already in mixed case are
/// left alone.
pub fn name_case(name: &str) -> String {
    let name = collapse_spaces(name.trim());
    if name.chars().any(char::is_lowercase) {
        return name;
    }
    let mut out = String::with_capacity(name.len());
    let mut start = true;
    for ch in name.chars() {
        if start {
            out.extend(ch.to_uppercase());
        } else {
            out.extend(ch.to_lowercase());
        }
        start = matches!(ch, ' ' | '-' | '\'' | '’');
    }
    out
}

/// Whether a line is written in capitals (a name or a title of a header).
pub fn is_capitals(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_joined_and_page_breaks_inside_a_sentence_closed() {
        let raw = "In juli 2016 werd bekend dat de minister een beroep \nzou doen.\n\nNieuwe alinea over het \n\n\n\nlopende werk, dat ESF-\nVlaanderen kent.";
        assert_eq!(
            reflow(raw.lines()),
            "In juli 2016 werd bekend dat de minister een beroep zou doen.\n\nNieuwe alinea over het lopende werk, dat ESF-Vlaanderen kent."
        );
    }

    #[test]
    fn bullets_stay_on_their_own_lines_under_their_lead_in() {
        let raw = "Samengevat gaat het over:\n- De oprichting van de \n\npersoneelsleden;\n- Het samenbrengen.\n\nSlot.";
        assert_eq!(
            reflow(raw.lines()),
            "Samengevat gaat het over:\n- De oprichting van de personeelsleden;\n- Het samenbrengen.\n\nSlot."
        );
    }

    #[test]
    fn a_web_address_broken_over_lines_is_mended() {
        let raw = "zie projectenkaart: \nhttps://www.esf-\nvlaanderen.be/nl/kaart?a=1&field_the\nmes_id=All&=\nZoeken \n";
        assert_eq!(
            reflow(raw.lines()),
            "zie projectenkaart: https://www.esf-vlaanderen.be/nl/kaart?a=1&field_themes_id=All&=Zoeken"
        );
    }

    #[test]
    fn long_text_is_broken_at_spaces_into_pieces() {
        assert_eq!(pieces("een twee drie", 8), ["een", "twee", "drie"]);
        assert_eq!(pieces("eentweedrie", 4), ["eent", "weed", "rie"]);
        assert_eq!(pieces("é€x", 2), ["é", "€", "x"]);
        assert_eq!(pieces("kort", 10), ["kort"]);
    }

    #[test]
    fn names_in_capitals_are_written_as_names() {
        assert_eq!(name_case("YASMINE KHERBACHE"), "Yasmine Kherbache");
        assert_eq!(name_case(" DE VRIJ-JANSSENS "), "De Vrij-Janssens");
        assert_eq!(name_case("Jef De Vrij"), "Jef De Vrij");
        assert!(is_capitals("VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING,"));
        assert!(!is_capitals("Integratiepact - Stand"));
        assert!(is_url_line(" http://www.integratiepact.be"));
        assert!(!is_url_line("zie http://x.be hier"));
    }
}
