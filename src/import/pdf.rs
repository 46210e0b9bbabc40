//! The text layer of a PDF, as the Flemish Parliament publishes its written questions,
//! read with `lopdf` (see the README for why that crate, and how it compared). Text is
//! written line by line as the page places it: a new line where the text moves up or
//! down, a space where it moves along the same line or a justified gap opens; pages
//! one after another. Typographic ligatures and hard spaces become plain letters and
//! spaces. Nothing in the file is run: only its text operators are read.

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::{Document, Encoding, Object};

/// The largest PDF that is read, in bytes: far above any written question.
pub const PDF_LIMIT: usize = 64 << 20;
/// The most a page's content or a font's map may inflate to, in bytes.
const INFLATE_LIMIT: usize = 32 << 20;

/// Why a PDF gave no text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    #[error("it is {size} bytes; a PDF to import can be at most {PDF_LIMIT} bytes")]
    TooLarge { size: usize },
    #[error("it is protected with a password; save it without protection first")]
    Encrypted,
    #[error(
        "it has no text layer (a scanned page holds only a picture of the text); run it through text recognition (OCR) first, or copy the text by hand"
    )]
    NoTextLayer,
    #[error("its text could not be read ({0}); the file may be damaged")]
    Damaged(String),
}

/// Whether the bytes are a PDF file.
pub fn is_pdf(bytes: &[u8]) -> bool {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes[start..].starts_with(b"%PDF-")
}

/// The text of every page of a PDF, in order.
pub fn text_of_pdf(bytes: &[u8]) -> Result<String, PdfError> {
    if bytes.len() > PDF_LIMIT {
        return Err(PdfError::TooLarge { size: bytes.len() });
    }
    // A damaged file must give a message, never take the app down, even should the PDF
    // library panic on it.
    std::panic::catch_unwind(|| read_pages(bytes)).unwrap_or_else(|panic| {
        let reason = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_string()))
            .unwrap_or_else(|| "the PDF reader stopped".to_string());
        Err(PdfError::Damaged(reason))
    })
}

fn read_pages(bytes: &[u8]) -> Result<String, PdfError> {
    let damaged = |error: lopdf::Error| {
        let text = error.to_string();
        let lower = text.to_lowercase();
        if lower.contains("encrypt") || lower.contains("decrypt") || lower.contains("password") {
            PdfError::Encrypted
        } else {
            PdfError::Damaged(text)
        }
    };
    let document = Document::load_mem(bytes).map_err(damaged)?;
    if document.is_encrypted() {
        return Err(PdfError::Encrypted);
    }
    let mut text = String::new();
    for page in document.get_pages().into_values() {
        let content = document
            .get_page_content_with_limit(page, INFLATE_LIMIT)
            .map_err(damaged)?;
        let fonts: BTreeMap<Vec<u8>, Font> = document
            .get_page_fonts(page)
            .map_err(damaged)?
            .into_iter()
            .filter_map(|(name, font)| Some((name, Font::read(&document, font)?)))
            .collect();
        let (resources, inherited) = document.get_page_resources(page).map_err(damaged)?;
        let resources: Vec<&lopdf::Dictionary> = resources
            .into_iter()
            .chain(
                inherited
                    .into_iter()
                    .filter_map(|id| document.get_dictionary(id).ok()),
            )
            .collect();
        let mut page_text = PageText::default();
        show_content(&document, &content, &resources, &fonts, &mut page_text, 0).map_err(damaged)?;
        text.push_str(&page_text.text);
        text.push('\n');
    }
    let text = plain_text(&text);
    if text.chars().filter(|c| c.is_alphabetic()).count() < 20 {
        return Err(PdfError::NoTextLayer);
    }
    Ok(text)
}

/// How deep forms inside forms are followed: a file that nests further (or loops) is
/// not read deeper.
const FORM_DEPTH: usize = 4;

/// A content stream's text operators applied, and the text of the forms it draws with
/// `Do` (some programs put a page's whole text in one), each with its own fonts where it
/// names them.
fn show_content(
    document: &Document,
    content: &[u8],
    resources: &[&lopdf::Dictionary],
    fonts: &BTreeMap<Vec<u8>, Font>,
    page_text: &mut PageText,
    depth: usize,
) -> lopdf::Result<()> {
    for operation in Content::decode(content)?.operations {
        if operation.operator != "Do" {
            page_text.apply(&operation.operator, &operation.operands, fonts);
            continue;
        }
        let Some(Object::Name(name)) = operation.operands.first() else {
            continue;
        };
        let Some(form) = form_named(document, resources, name).filter(|_| depth < FORM_DEPTH) else {
            continue;
        };
        // Plain or inflated, within the limit; a form that does not read is passed over.
        let Ok(inner) = form.get_plain_content_with_limit(INFLATE_LIMIT) else {
            continue;
        };
        let own = form
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| document.dereference(r).ok())
            .and_then(|(_, r)| r.as_dict().ok());
        let own_fonts: BTreeMap<Vec<u8>, Font> = own
            .and_then(|r| r.get(b"Font").ok())
            .and_then(|f| document.dereference(f).ok())
            .and_then(|(_, f)| f.as_dict().ok())
            .map(|fonts| {
                fonts
                    .iter()
                    .filter_map(|(name, font)| {
                        let font = document.dereference(font).ok()?.1.as_dict().ok()?;
                        Some((name.clone(), Font::read(document, font)?))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let inner_resources: Vec<&lopdf::Dictionary> =
            own.into_iter().chain(resources.iter().copied()).collect();
        let inner_fonts = if own_fonts.is_empty() { fonts } else { &own_fonts };
        show_content(
            document,
            &inner,
            &inner_resources,
            inner_fonts,
            page_text,
            depth + 1,
        )?;
    }
    Ok(())
}

/// The form (`/Subtype /Form`) the resources name so in their `XObject`s.
fn form_named<'a>(
    document: &'a Document,
    resources: &[&'a lopdf::Dictionary],
    name: &[u8],
) -> Option<&'a lopdf::Stream> {
    resources.iter().find_map(|resources| {
        let objects = document
            .dereference(resources.get(b"XObject").ok()?)
            .ok()?
            .1
            .as_dict()
            .ok()?;
        let stream = document
            .dereference(objects.get(name).ok()?)
            .ok()?
            .1
            .as_stream()
            .ok()?;
        let subtype = stream.dict.get(b"Subtype").ok()?.as_name().ok()?;
        (subtype == b"Form").then_some(stream)
    })
}

/// A gap in a `TJ` array wider than this (in thousandths of the font size) is a space:
/// a justified line, or words placed apart.
const WORD_GAP: f32 = 150.0;
/// A move along the line wider than this share of the font size is a space.
const SPACE_SHARE: f32 = 0.2;

/// What text showing needs of a font: how its bytes read as text, and how wide each
/// glyph is, to know where the text shown ends.
struct Font<'a> {
    encoding: Encoding<'a>,
    /// Two bytes to a glyph (a composite font), or one.
    two_bytes: bool,
    widths: BTreeMap<u32, f32>,
    default_width: f32,
}

impl<'a> Font<'a> {
    fn read(document: &'a Document, font: &'a lopdf::Dictionary) -> Option<Font<'a>> {
        let encoding = font.get_font_encoding_with_limit(document, INFLATE_LIMIT).ok()?;
        let deref = |object: &'a Object| document.dereference(object).ok().map(|(_, o)| o);
        let get = |dictionary: &'a lopdf::Dictionary, key: &[u8]| dictionary.get(key).ok().and_then(deref);
        let composite = get(font, b"Subtype").and_then(|s| s.as_name().ok()) == Some(b"Type0".as_slice());
        let mut widths = BTreeMap::new();
        let mut default_width = 500.0;
        if composite {
            // `W`: `first [w w …]` or `first last w`, in the descendant font.
            let descendant = get(font, b"DescendantFonts")
                .and_then(|d| d.as_array().ok())
                .and_then(|a| a.first())
                .and_then(deref)
                .and_then(|d| d.as_dict().ok());
            if let Some(descendant) = descendant {
                default_width = get(descendant, b"DW")
                    .and_then(|w| w.as_float().ok())
                    .unwrap_or(1000.0);
                let w: Vec<&Object> = get(descendant, b"W")
                    .and_then(|w| w.as_array().ok())
                    .map(|a| a.iter().filter_map(deref).collect())
                    .unwrap_or_default();
                let mut at = 0;
                while at + 1 < w.len() {
                    let first = w[at].as_i64().unwrap_or(0).max(0) as u32;
                    if let Ok(list) = w[at + 1].as_array() {
                        for (offset, width) in list.iter().enumerate() {
                            widths.insert(first + offset as u32, width.as_float().unwrap_or(default_width));
                        }
                        at += 2;
                    } else if at + 2 < w.len() {
                        let last = w[at + 1].as_i64().unwrap_or(0).max(0) as u32;
                        let width = w[at + 2].as_float().unwrap_or(default_width);
                        // A range is bounded so that a hostile file cannot make it huge.
                        for code in first..=last.min(first.saturating_add(0xFFFF)) {
                            widths.insert(code, width);
                        }
                        at += 3;
                    } else {
                        break;
                    }
                }
            }
        } else {
            let first = get(font, b"FirstChar")
                .and_then(|f| f.as_i64().ok())
                .unwrap_or(0)
                .max(0) as u32;
            if let Some(list) = get(font, b"Widths").and_then(|w| w.as_array().ok()) {
                for (offset, width) in list.iter().take(256).enumerate() {
                    widths.insert(
                        first + offset as u32,
                        deref(width).and_then(|w| w.as_float().ok()).unwrap_or(0.0),
                    );
                }
            }
        }
        Some(Font {
            encoding,
            two_bytes: composite,
            widths,
            default_width,
        })
    }

    /// How far a string moves the text along, in thousandths of the font size.
    fn advance(&self, bytes: &[u8]) -> f32 {
        let width = |code: u32| self.widths.get(&code).copied().unwrap_or(self.default_width);
        if self.two_bytes {
            bytes
                .chunks(2)
                .map(|pair| width(pair.iter().fold(0, |code, b| code << 8 | u32::from(*b))))
                .sum()
        } else {
            bytes.iter().map(|b| width(u32::from(*b))).sum()
        }
    }
}

/// Where the text is on the page, as far as lines and spaces are concerned.
#[derive(Debug)]
struct PageText {
    text: String,
    /// The start of the current line of text (the text line matrix's translation).
    line: (f32, f32),
    /// Where the next glyph goes along the line.
    cursor: f32,
    /// The matrix's scale, by which `Td` moves and glyphs are wide.
    scale: (f32, f32),
    leading: f32,
    size: f32,
    /// The font's name in the page's resources.
    font: Vec<u8>,
    /// Where the last text shown ends: the end along its line, and the line.
    shown_until: Option<(f32, f32)>,
}

impl Default for PageText {
    fn default() -> PageText {
        PageText {
            text: String::new(),
            line: (0.0, 0.0),
            cursor: 0.0,
            scale: (1.0, 1.0),
            leading: 0.0,
            size: 12.0,
            font: Vec::new(),
            shown_until: None,
        }
    }
}

fn number(object: Option<&Object>) -> f32 {
    object.and_then(|o| o.as_float().ok()).unwrap_or(0.0)
}

impl PageText {
    fn apply(&mut self, operator: &str, operands: &[Object], fonts: &BTreeMap<Vec<u8>, Font>) {
        match operator {
            "BT" => self.move_to((0.0, 0.0), (1.0, 1.0)),
            "Tm" => self.move_to(
                (number(operands.get(4)), number(operands.get(5))),
                (number(operands.first()), number(operands.get(3))),
            ),
            "Td" | "TD" => {
                let (tx, ty) = (number(operands.first()), number(operands.get(1)));
                let line = (self.line.0 + tx * self.scale.0, self.line.1 + ty * self.scale.1);
                self.move_to(line, self.scale);
                if operator == "TD" {
                    self.leading = -ty;
                }
            }
            "TL" => self.leading = number(operands.first()),
            "T*" => self.next_line(),
            "Tf" => {
                if let Some(Object::Name(name)) = operands.first() {
                    self.font.clone_from(name);
                }
                self.size = number(operands.get(1));
            }
            "Tj" | "TJ" => self.show(operands, fonts),
            "'" => {
                self.next_line();
                self.show(operands, fonts);
            }
            "\"" => {
                self.next_line();
                self.show(operands.get(2..).unwrap_or_default(), fonts);
            }
            _ => {}
        }
    }

    fn move_to(&mut self, line: (f32, f32), scale: (f32, f32)) {
        self.line = line;
        self.cursor = line.0;
        self.scale = scale;
    }

    fn next_line(&mut self) {
        let line = (self.line.0, self.line.1 - self.leading * self.scale.1);
        self.move_to(line, self.scale);
    }

    /// One unit of the font along the line, on the page.
    fn unit(&self) -> f32 {
        (self.size * self.scale.0).abs().max(0.01)
    }

    /// Text shown where the cursor is: on a new line when the line moved up or down,
    /// after a space when it starts apart from where the last text ended.
    fn show(&mut self, operands: &[Object], fonts: &BTreeMap<Vec<u8>, Font>) {
        let Some(font) = fonts.get(&self.font) else { return };
        match self.shown_until {
            Some((_, y)) if (y - self.line.1).abs() > self.unit() * 0.3 => self.text.push('\n'),
            Some((end, _)) if (self.cursor - end).abs() > self.unit() * SPACE_SHARE => self.space(),
            _ => {}
        }
        for operand in operands {
            self.write(operand, font);
        }
        self.shown_until = Some((self.cursor, self.line.1));
    }

    fn space(&mut self) {
        if !self.text.ends_with([' ', '\n']) && !self.text.is_empty() {
            self.text.push(' ');
        }
    }

    fn write(&mut self, operand: &Object, font: &Font) {
        match operand {
            Object::String(bytes, _) => {
                if let Ok(text) = Document::decode_text(&font.encoding, bytes) {
                    self.text.push_str(&text);
                }
                self.cursor += font.advance(bytes) / 1000.0 * self.unit();
            }
            Object::Array(items) => {
                for item in items {
                    match item {
                        Object::Integer(_) | Object::Real(_) => {
                            let gap = -item.as_float().unwrap_or(0.0);
                            self.cursor += gap / 1000.0 * self.unit();
                            if gap > WORD_GAP {
                                self.space();
                            }
                        }
                        _ => self.write(item, font),
                    }
                }
            }
            _ => {}
        }
    }
}

/// Ligatures as letters, hard and thin spaces as spaces, soft hyphens and form feeds
/// out, spaces at line ends trimmed (a line of only spaces kept as one: an empty cell).
fn plain_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split(['\n', '\u{c}']) {
        let mut clean = String::with_capacity(line.len());
        for ch in line.chars() {
            match ch {
                '\u{fb00}' => clean.push_str("ff"),
                '\u{fb01}' => clean.push_str("fi"),
                '\u{fb02}' => clean.push_str("fl"),
                '\u{fb03}' => clean.push_str("ffi"),
                '\u{fb04}' => clean.push_str("ffl"),
                '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}' => clean.push(' '),
                '\u{ad}' | '\r' => {}
                _ => clean.push(ch),
            }
        }
        let trimmed = clean.trim_end();
        out.push_str(if trimmed.is_empty() && !clean.is_empty() {
            " "
        } else {
            trimmed
        });
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_not_a_pdf_is_said() {
        assert!(is_pdf(b"%PDF-1.7\n"));
        assert!(!is_pdf(b"SCHRIFTELIJKE VRAAG"));
        assert!(matches!(
            text_of_pdf(b"%PDF-1.4\n%%EOF"),
            Err(PdfError::Damaged(_))
        ));
        assert!(matches!(
            text_of_pdf(b"%PDF-1.4 garbage \x00\xff trailer"),
            Err(PdfError::Damaged(_))
        ));
        assert!(matches!(
            text_of_pdf(&vec![b' '; PDF_LIMIT + 1]),
            Err(PdfError::TooLarge { .. })
        ));
    }

    /// A one-page PDF whose text stands in a form drawn with `Do`, as some programs make
    /// them, with a Helvetica of standard widths.
    fn pdf_with_text_in_a_form(lines: &[&str]) -> Vec<u8> {
        use lopdf::content::Operation;
        use lopdf::{Stream, dictionary};
        let mut document = Document::with_version("1.5");
        let font = document.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        let mut operations = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 11.into()]),
        ];
        operations.push(Operation::new("Td", vec![72.into(), 760.into()]));
        for (index, line) in lines.iter().enumerate() {
            if index > 0 {
                operations.push(Operation::new("Td", vec![0.into(), (-14).into()]));
            }
            operations.push(Operation::new("Tj", vec![Object::string_literal(*line)]));
        }
        operations.push(Operation::new("ET", vec![]));
        let form_content = Content { operations }.encode().unwrap_or_default();
        let form = document.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
            },
            form_content,
        ));
        let page_content = Content {
            operations: vec![Operation::new("Do", vec!["X1".into()])],
        }
        .encode()
        .unwrap_or_default();
        let contents = document.add_object(Stream::new(dictionary! {}, page_content));
        let pages_id = document.new_object_id();
        let page = document.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => contents,
            "Resources" => dictionary! { "XObject" => dictionary! { "X1" => form } },
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        document.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }),
        );
        let catalog = document.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        document.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        document.save_to(&mut bytes).unwrap_or_default();
        bytes
    }

    #[test]
    fn text_in_a_form_is_read_line_by_line() {
        let bytes = pdf_with_text_in_a_form(&[
            "SCHRIFTELIJKE VRAAG",
            "nr. 5",
            "van ANNA PEETERS",
            "Werk - Cijfers",
        ]);
        assert_eq!(
            text_of_pdf(&bytes),
            Ok("SCHRIFTELIJKE VRAAG\nnr. 5\nvan ANNA PEETERS\nWerk - Cijfers\n\n".to_string())
        );
    }

    #[test]
    fn ligatures_and_hard_spaces_become_plain() {
        assert_eq!(
            plain_text("de e\u{fb03}ci\u{eb}ntie\u{a0}telt \n \nx"),
            "de efficiëntie telt\n \nx\n"
        );
    }
}
