//! Pages of text and tables on A4: lines wrapped by words, tables whose header repeats
//! on every page and whose rows are never split, and on each page a footer with where
//! the figures come from and the page number. Drawn with the PDF standard fonts
//! (Helvetica), which every viewer and printer has, so nothing is embedded.

use std::fmt::Write as _;

use super::widths;

pub(super) const PAGE_WIDTH: f32 = 595.28;
pub(super) const PAGE_HEIGHT: f32 = 841.89;
const MARGIN: f32 = 50.0;
const TOP: f32 = PAGE_HEIGHT - MARGIN;
/// Room under the text for the footer.
const BOTTOM: f32 = MARGIN + 28.0;
pub(super) const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
pub(super) const CELL_GAP: f32 = 12.0;

/// One page: its drawing operations and where the figures on it come from.
#[derive(Debug, Default)]
pub(super) struct Page {
    pub(super) content: String,
    pub(super) footers: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Align {
    Left,
    Right,
}

/// A column of a printed table: its name, its share of the width, how it aligns.
#[derive(Clone, Debug)]
pub(super) struct PrintColumn {
    pub(super) name: String,
    pub(super) width: f32,
    pub(super) align: Align,
}

#[derive(Debug)]
pub(super) struct Pages {
    pub(super) pages: Vec<Page>,
    y: f32,
    footer: String,
}

impl Pages {
    pub(super) fn new() -> Pages {
        Pages {
            pages: vec![Page::default()],
            y: TOP,
            footer: String::new(),
        }
    }

    /// Where the figures from here on come from: said at the foot of every page they
    /// stand on.
    pub(super) fn set_footer(&mut self, footer: String) {
        let page = self.page();
        if !page.footers.contains(&footer) {
            page.footers.push(footer.clone());
        }
        self.footer = footer;
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Page {
            content: String::new(),
            footers: vec![self.footer.clone()],
        });
        self.y = TOP;
    }

    /// Makes room for `height` on this page, or starts a new one.
    fn room(&mut self, height: f32) {
        if self.y - height < BOTTOM && self.y < TOP {
            self.new_page();
        }
    }

    pub(super) fn space(&mut self, height: f32) {
        self.y -= height;
    }

    /// A paragraph, wrapped by words to the text width from `indent` on.
    pub(super) fn paragraph(&mut self, text: &str, bold: bool, size: f32, indent: f32) {
        let leading = size * 1.3;
        for line in text.lines() {
            for piece in wrap(line, TEXT_WIDTH - indent, bold, size) {
                self.room(leading);
                self.y -= leading;
                let y = self.y;
                self.draw(MARGIN + indent, y, &piece, bold, size);
            }
        }
    }

    /// A table: the header on every page it runs over, one line a row, each cell cut
    /// with "…" where it does not fit, and the last rows (the totals) in bold.
    pub(super) fn table(&mut self, columns: &[PrintColumn], rows: &[Vec<String>], bold_rows: usize) {
        let size = 8.5;
        let leading = size * 1.45;
        let header = |pages: &mut Pages| {
            pages.room(3.0 * leading);
            pages.y -= leading;
            let cells: Vec<String> = columns.iter().map(|c| c.name.clone()).collect();
            pages.row(columns, &cells, true, size);
            pages.rule(pages.y - 3.0);
        };
        // A table that fits on a page starts on a new one rather than run over two.
        let height = (rows.len() + 2) as f32 * leading;
        if height < TOP - BOTTOM && self.y - height < BOTTOM {
            self.new_page();
        }
        header(self);
        for (index, cells) in rows.iter().enumerate() {
            if self.y - leading < BOTTOM {
                self.new_page();
                header(self);
            }
            self.y -= leading;
            let bold = index + bold_rows >= rows.len();
            if bold && index + bold_rows == rows.len() {
                self.rule(self.y + size);
            }
            self.row(columns, cells, bold, size);
        }
    }

    fn row(&mut self, columns: &[PrintColumn], cells: &[String], bold: bool, size: f32) {
        let mut x = MARGIN;
        let y = self.y;
        for (column, cell) in columns.iter().zip(cells) {
            let shown = fit(cell, column.width - CELL_GAP, bold, size);
            let at = match column.align {
                Align::Left => x,
                Align::Right => x + column.width - CELL_GAP - text_width(&shown, bold, size),
            };
            self.draw(at, y, &shown, bold, size);
            x += column.width;
        }
    }

    fn rule(&mut self, y: f32) {
        let page = self.page();
        let _ = writeln!(
            page.content,
            "0.5 w {MARGIN:.2} {y:.2} m {:.2} {y:.2} l S",
            PAGE_WIDTH - MARGIN
        );
    }

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn draw(&mut self, x: f32, y: f32, text: &str, bold: bool, size: f32) {
        let font = if bold { "F2" } else { "F1" };
        let hex = hex(text);
        let page = self.page();
        let _ = writeln!(
            page.content,
            "BT /{font} {size:.1} Tf {x:.2} {y:.2} Td <{hex}> Tj ET"
        );
    }

    /// Every page with its footer: where the figures come from on the left, the page
    /// number on the right.
    pub(super) fn finish(mut self, page_of: impl Fn(usize, usize) -> String) -> Vec<Page> {
        let count = self.pages.len();
        for (index, page) in self.pages.iter_mut().enumerate() {
            let size = 7.5;
            let y = MARGIN;
            let number = page_of(index + 1, count);
            let number_width = text_width(&number, false, size);
            let footer = fit(
                &page.footers.join(" · "),
                TEXT_WIDTH - number_width - 12.0,
                false,
                size,
            );
            let _ = writeln!(
                page.content,
                "BT /F1 {size:.1} Tf {MARGIN:.2} {y:.2} Td <{}> Tj ET",
                hex(&footer)
            );
            let _ = writeln!(
                page.content,
                "BT /F1 {size:.1} Tf {:.2} {y:.2} Td <{}> Tj ET",
                PAGE_WIDTH - MARGIN - number_width,
                hex(&number)
            );
        }
        self.pages
    }
}

/// A character as a WinAnsi code, which the standard fonts draw; `?` for one they lack.
fn win_ansi(ch: char) -> u8 {
    match ch {
        ' '..='~' => ch as u8,
        '\u{a0}'..='\u{ff}' => u32::from(ch) as u8,
        '€' => 0x80,
        '‚' => 0x82,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '™' => 0x99,
        'Š' => 0x8a,
        'š' => 0x9a,
        'Ž' => 0x8e,
        'ž' => 0x9e,
        'Œ' => 0x8c,
        'œ' => 0x9c,
        'Ÿ' => 0x9f,
        '\t' => b' ',
        _ => b'?',
    }
}

fn hex(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for ch in text.chars() {
        let _ = write!(out, "{:02X}", win_ansi(ch));
    }
    out
}

/// How wide `text` is drawn, in points.
pub(super) fn text_width(text: &str, bold: bool, size: f32) -> f32 {
    let table = if bold { &widths::BOLD } else { &widths::REGULAR };
    let units: u32 = text
        .chars()
        .map(|ch| u32::from(table[usize::from(win_ansi(ch).max(32) - 32)]))
        .sum();
    units as f32 * size / 1000.0
}

/// The text, cut with "…" so that it fits `width`.
fn fit(text: &str, width: f32, bold: bool, size: f32) -> String {
    if text_width(text, bold, size) <= width {
        return text.to_string();
    }
    let mut cut = String::new();
    for ch in text.chars() {
        cut.push(ch);
        if text_width(&cut, bold, size) + text_width("…", bold, size) > width {
            cut.pop();
            break;
        }
    }
    format!("{}…", cut.trim_end())
}

/// The lines a line of text is wrapped into at `width`; a word longer than a line is cut.
fn wrap(text: &str, width: f32, bold: bool, size: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, bold, size) <= width || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        }
        if text_width(&line, bold, size) > width {
            lines.push(fit(&line, width, bold, size));
            line.clear();
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_measured_wrapped_and_cut_to_fit() {
        // Helvetica: "Total" is 611 + 556 + 278 + 556 + 222 units.
        assert!((text_width("Total", false, 10.0) - 22.23).abs() < 0.01);
        let long = "woord ".repeat(60);
        for line in wrap(&long, 200.0, false, 10.0) {
            assert!(text_width(&line, false, 10.0) <= 200.0, "{line}");
        }
        let cut = fit(
            "Proeftuinen laaggeletterde vrouwen met jonge kinderen",
            80.0,
            false,
            9.0,
        );
        assert!(
            cut.ends_with('…') && text_width(&cut, false, 9.0) <= 80.0,
            "{cut}"
        );
        assert_eq!(hex("é€–"), "E98096");
    }
}
