//! A text laid out again the way a PDF's text layer gives it: no blank lines, paragraphs
//! broken at another page width, some justified lines broken one word to a line, page
//! numbers and a running footer in the middle of the text, and the question's header
//! printed again above the answer. Tables and headings keep their lines, as they do in
//! a PDF.

/// How to lay a text out again.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Layout {
    /// The page width paragraphs are broken at, in characters.
    pub width: usize,
    /// Every so many lines of a paragraph, one comes out a word to a line (0: never).
    pub one_word_every: usize,
    /// Every so many lines, a page break with its footer and number (0: never).
    pub page_every: usize,
    /// Whether the question's header is printed again above the answer.
    pub repeat_header: bool,
}

/// The layouts the reader must read alike.
pub(crate) const LAYOUTS: [Layout; 5] = [
    Layout {
        width: 60,
        one_word_every: 0,
        page_every: 0,
        repeat_header: false,
    },
    Layout {
        width: 72,
        one_word_every: 5,
        page_every: 0,
        repeat_header: false,
    },
    Layout {
        width: 85,
        one_word_every: 0,
        page_every: 37,
        repeat_header: true,
    },
    Layout {
        width: 100,
        one_word_every: 3,
        page_every: 23,
        repeat_header: true,
    },
    Layout {
        width: 66,
        one_word_every: 7,
        page_every: 41,
        repeat_header: false,
    },
];

/// Whether a block of lines is running text (to be broken anew) rather than a heading,
/// a header or a table (kept line by line).
fn is_paragraph(block: &[&str]) -> bool {
    let last = block.last().map_or("", |l| l.trim_end());
    let ends = last.ends_with(['.', '?', '!', ':', '”', '"', ';']);
    let words = block.iter().map(|l| l.split_whitespace().count()).sum::<usize>();
    // Running text only: no line after the first starts a label, a list item or a
    // header line, and none is in capitals (a text already laid out like a PDF is kept).
    let structured = block.iter().enumerate().any(|(index, line)| {
        let t = line.trim();
        let label = dossier_workbench::import::markers::marker(t).is_some();
        let capitals = t.chars().filter(|c| c.is_alphabetic()).count() > 3
            && t.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        (index > 0 && (label || t.starts_with("- "))) || capitals
    });
    ends && words >= 4 && !structured
}

/// A paragraph's lines as one text, a word broken at a hyphen whole again (`ESF-` and
/// `Vlaanderen`), as the PDF has it before it breaks the lines.
fn join_lines(block: &[&str]) -> String {
    let mut text = String::new();
    for line in block {
        let line = line.trim();
        let broken = text.ends_with('-')
            && text.chars().rev().nth(1).is_some_and(char::is_alphabetic)
            && !["en", "of", "tot"].contains(&line.split_whitespace().next().unwrap_or(""));
        if !text.is_empty() && !broken {
            text.push(' ');
        }
        text.push_str(line);
    }
    text
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The header block at the top of the text, from `SCHRIFTELIJKE VRAAG` to the subject.
fn header_block(lines: &[&str]) -> Vec<String> {
    let Some(start) = lines.iter().position(|l| l.trim() == "SCHRIFTELIJKE VRAAG") else {
        return Vec::new();
    };
    let body: Vec<&str> = lines[start..]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .copied()
        .collect();
    // The subject is the first line that is not a header line nor in capitals.
    let subject = body.iter().position(|l| {
        let t = l.trim();
        !(t == "SCHRIFTELIJKE VRAAG"
            || ["nr.", "van ", "datum:", "aan "].iter().any(|p| t.starts_with(p))
            || t.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase))
    });
    // A subject broken over lines goes on in lower case.
    subject.map_or_else(Vec::new, |s| {
        let rest = body[s + 1..]
            .iter()
            .take_while(|l| l.trim().chars().next().is_some_and(char::is_lowercase))
            .count();
        body[..=s + rest].iter().map(|l| l.to_string()).collect()
    })
}

/// The text laid out again.
pub(crate) fn relayout(text: &str, layout: Layout) -> String {
    let source: Vec<&str> = text.lines().collect();
    let header = header_block(&source);
    let mut out: Vec<String> = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    let mut paragraph_lines = 0;
    let mut flush = |block: &mut Vec<&str>, out: &mut Vec<String>| {
        if block.is_empty() {
            return;
        }
        if is_paragraph(block) {
            for line in wrap(&join_lines(block), layout.width) {
                paragraph_lines += 1;
                if layout.one_word_every > 0 && paragraph_lines % layout.one_word_every == 0 {
                    out.extend(line.split_whitespace().map(str::to_string));
                } else {
                    out.push(line);
                }
            }
        } else {
            out.extend(block.iter().map(|l| {
                if l.trim().is_empty() {
                    " ".to_string()
                } else {
                    l.trim_end().to_string()
                }
            }));
        }
        block.clear();
    };
    for line in &source {
        // A line that starts with a space starts a new block of text in the PDF; a line
        // of only spaces is an empty cell of a table, not a blank line.
        if line.is_empty() || (line.starts_with(' ') && !line.trim().is_empty()) {
            flush(&mut block, &mut out);
        }
        if !line.is_empty() {
            block.push(line);
        }
    }
    flush(&mut block, &mut out);
    if layout.repeat_header && !header.is_empty() {
        // Above the minister's signature that heads the answer.
        if let Some(answer) = out.iter().position(|l| l.trim() == "ANTWOORD") {
            let mut at = answer;
            while at > 0
                && out[at - 1]
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
            {
                at -= 1;
            }
            out.splice(at..at, header);
        }
    }
    if let Some(pages) = out.len().checked_div(layout.page_every) {
        let pages = pages + 1;
        let mut paged = Vec::with_capacity(out.len() + 2 * pages);
        for (index, line) in out.into_iter().enumerate() {
            if index > 0 && index % layout.page_every == 0 {
                let page = index / layout.page_every;
                paged.push(format!(
                    "Vlaams Parlement - Schriftelijke vraag - pagina {page} van {pages}"
                ));
                paged.push(format!("{} / {pages}", page + 1));
            }
            paged.push(line);
        }
        out = paged;
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}
