//! What a PDF's text layer adds to a question or breaks in it, mended before the text is
//! read: page numbers and the running header or footer of each page, which land in the
//! middle of a paragraph or a table, and links repeated at a page's end (left out, and
//! said); a label broken from its letter (`3.` / `a) …`) by a justified line; and where
//! a line ends inside a sentence.

use std::collections::HashMap;

use super::markers::marker;
use super::text::{Line, is_url_line};
use super::warnings::{WarningKind, Warnings};

/// `Pagina 2 van 5`, `pagina 2/5`, `blz. 3`, `p. 3`, `Page 2 of 5` at the end of a line,
/// or a line that is only `2/5`, `2 / 5` or `- 2 -`.
fn is_page_number(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let number = |w: &str| !w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit());
    let fraction = |w: &str| w.split_once('/').is_some_and(|(a, b)| number(a) && number(b));
    let only = match words.as_slice() {
        [w] => fraction(w),
        [a, "/", b] => number(a) && number(b),
        [dash, n, dash2] => matches!(*dash, "-" | "–" | "—") && dash == dash2 && number(n),
        _ => false,
    };
    if only {
        return true;
    }
    if lower.chars().count() > 150 {
        return false;
    }
    // The page at the end of a line: `… pagina 2 van 5`.
    let tail: Vec<&str> = words.iter().rev().take(4).rev().copied().collect();
    let is_page_word = |w: &str| matches!(w, "pagina" | "page" | "blz." | "blz" | "p.");
    match tail.as_slice() {
        [.., p, n, of, m] if is_page_word(p) && number(n) && matches!(*of, "van" | "of") && number(m) => true,
        [.., p, n] if is_page_word(p) && (number(n) || fraction(n)) => true,
        _ => false,
    }
}

/// A line with its digits taken out, to find running headers that differ only in the
/// page number.
fn shape(text: &str) -> String {
    super::text::collapse_spaces(
        &text
            .trim()
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect::<String>(),
    )
}

/// The fewest lines between two running headers: a page holds more than this.
const PAGE_LINES: usize = 12;

/// The numbers in a line, in order.
fn numbers(text: &str) -> Vec<u64> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty() && n.len() <= 6)
        .filter_map(|n| n.parse().ok())
        .collect()
}

/// Whether `after` is `before` on a later page: the same numbers but one, which is
/// one or two higher (a page may have no footer).
fn next_page(before: &str, after: &str) -> bool {
    let (a, b) = (numbers(before), numbers(after));
    let differing: Vec<(u64, u64)> = a
        .iter()
        .zip(&b)
        .filter(|(x, y)| x != y)
        .map(|(x, y)| (*x, *y))
        .collect();
    a.len() == b.len() && matches!(differing.as_slice(), [(x, y)] if *y > *x && *y - *x <= 2)
}

/// Whether a line can be a running header or footer: a few words in mixed case, not a
/// label, not the start of an answer, not a figure.
fn may_run(text: &str) -> bool {
    let text = text.trim();
    let words = text.split_whitespace().count();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let lower = text.chars().filter(|c| c.is_lowercase()).count();
    // The lines of the question's header come back above the answer: not furniture.
    let header_line = ["van ", "aan ", "nr.", "datum:", "op vraag"]
        .iter()
        .any(|p| text.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)));
    // Words, mostly in lower case: not a row of figures, not a name in capitals.
    words >= 3
        && letters >= 8
        && lower * 2 >= letters
        && !header_line
        && text.chars().count() <= 150
        && marker(text).is_none()
        && !text.ends_with(['.', '?', ':'])
}

/// The lines without page numbers and running headers or footers: lines of that shape
/// that come back with another page number in them.
pub(crate) fn without_page_furniture(lines: Vec<Line>, warnings: &mut Warnings) -> Vec<Line> {
    let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, line) in lines.iter().enumerate() {
        if may_run(&line.text) {
            seen.entry(shape(&line.text)).or_default().push(index);
        }
    }
    let mut running = vec![false; lines.len()];
    for at in seen.values() {
        let texts: Vec<&str> = at.iter().map(|&i| lines[i].text.trim()).collect();
        // Only a line that comes back a page later with the next page's number in it:
        // the same sentence printed twice (`Hiervoor verwijs ik naar …`) is the answer's
        // text, and rows of a table (`101 Project 1 …`, `102 Project 2 …`) follow each
        // other closely.
        let apart = at.windows(2).all(|pair| pair[1] - pair[0] >= PAGE_LINES);
        let paged = texts.windows(2).all(|pair| next_page(pair[0], pair[1]));
        if at.len() >= 2 && apart && paged {
            for &i in at {
                running[i] = true;
            }
        }
    }
    let mut left_out = 0;
    let mut first = None;
    let kept: Vec<Line> = lines
        .into_iter()
        .enumerate()
        .filter_map(|(index, line)| {
            if running[index] || is_page_number(&line.text) {
                left_out += 1;
                first.get_or_insert(line.number);
                None
            } else {
                Some(line)
            }
        })
        .collect();
    if left_out > 0 {
        warnings.add(
            WarningKind::LeftOut,
            first,
            format!(
                "left out {left_out} lines of page furniture (page numbers, running headers and footers)"
            ),
        );
    }
    kept
}

/// `3.` on a line of its own with `a) …` on the next, as a justified line broken a word
/// to a line leaves them, is one label again: `3. a) …`.
pub(crate) fn labels_joined(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for line in lines {
        // Not `… op vraag` / `4.` / `b) …`: there `4.` ends a sentence.
        let runs_on = out.len() >= 2 && ends_mid_sentence(&out[out.len() - 2].text);
        let joins = !runs_on
            && out.last().is_some_and(|previous: &Line| {
                marker(&previous.text)
                    .is_some_and(|m| m.letters.is_empty() && m.rest(&previous.text).is_empty())
                    && marker(&line.text).is_some_and(|m| m.numbers.is_empty())
            });
        match out.last_mut() {
            Some(previous) if joins => {
                previous.text = format!("{} {}", previous.text.trim_end(), line.text.trim_start());
            }
            _ => out.push(line),
        }
    }
    out
}

/// Leaves out runs of a web address repeated line after line: the PDF lists its links
/// so at the end of a page.
pub(crate) fn without_repeated_links(lines: Vec<Line>, warnings: &mut Warnings) -> Vec<Line> {
    // Which lines go: the runs of two or more of the same address.
    let mut drop = vec![false; lines.len()];
    let mut index = 0;
    while index < lines.len() {
        let url = lines[index].trimmed();
        let mut end = index + 1;
        if is_url_line(url) {
            while end < lines.len() && lines[end].trimmed() == url {
                end += 1;
            }
            if end - index >= 2 {
                warnings.add(
                    WarningKind::LeftOut,
                    Some(lines[index].number),
                    format!("left out {} repeated lines with the link {url}", end - index),
                );
                drop[index..end].iter_mut().for_each(|d| *d = true);
            }
        }
        index = end;
    }
    lines
        .into_iter()
        .zip(drop)
        .filter_map(|(line, drop)| (!drop).then_some(line))
        .collect()
}

/// Whether a line ends inside a sentence, so that a label on the next line is the rest
/// of the sentence ("… naar mijn antwoord op vraag / 4.").
pub(crate) fn ends_mid_sentence(text: &str) -> bool {
    let text = text.trim_end();
    // A row of a table ends in its figures, not inside a sentence.
    let figures = text
        .split_whitespace()
        .rev()
        .take_while(|w| super::cells::Printed::read(w).is_some())
        .count();
    let whole_line = figures == text.split_whitespace().count();
    // Nor does a web address end inside one.
    if text
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.contains("://") || w.starts_with("www."))
    {
        return false;
    }
    text.chars()
        .last()
        .is_some_and(|c| c.is_alphabetic() || c == ',' || (c.is_ascii_digit() && figures < 2 && !whole_line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_are_told_from_figures() {
        for line in [
            "2/5",
            "2 / 5",
            "- 3 -",
            "Pagina 2 van 5",
            "Vlaams Parlement - pagina 3 van 7",
            "blz. 4",
        ] {
            assert!(is_page_number(line), "{line}");
        }
        for line in [
            "2019",
            "12",
            "659.219,12",
            "31/12/2018",
            "Zie pagina 3 van het verslag.",
            "1. Hoeveel?",
        ] {
            assert!(!is_page_number(line), "{line}");
        }
    }

    #[test]
    fn running_footers_are_left_out_and_table_words_kept() {
        let page = "verder in de zin\nJaar\nAantal\n".repeat(5);
        let text = format!(
            "Eerste regel van de tekst\n{page}Vlaams Parlement - Schriftelijke vraag 5 - 1 / 3\n{page}Vlaams Parlement - Schriftelijke vraag 5 - 2 / 3\n{page}slot"
        );
        let mut warnings = Warnings::default();
        let kept = without_page_furniture(super::super::text::lines(&text), &mut warnings);
        assert_eq!(kept.len(), 2 + 3 * 15, "all but the two footers");
        assert!(!kept.iter().any(|l| l.text.contains("Parlement")));
        assert_eq!(warnings.0.len(), 1);
        let rows = "101 Project nummer 1 1.234,01 2.345,67\n102 Project nummer 2 1.234,02 2.345,67\n103 Project nummer 3 1.234,03 2.345,67";
        assert_eq!(
            without_page_furniture(super::super::text::lines(rows), &mut warnings).len(),
            3,
            "rows of a table"
        );
        let repeated = "Hiervoor verwijs ik naar de bespreking in de\ncommissie.\nHiervoor verwijs ik naar de bespreking in de\ncommissie.\nHiervoor verwijs ik naar de bespreking in de\ncommissie.";
        let kept = without_page_furniture(super::super::text::lines(repeated), &mut warnings);
        assert_eq!(kept.len(), 6, "the same sentence three times is text");
    }
}
