//! Tables as delimited text: CSV files for a Belgian spreadsheet, and TSV for the
//! clipboard.
//!
//! The CSV opens as numbers in LibreOffice Calc and Excel set to Dutch (Belgium):
//! fields separated by `;`, amounts with a decimal comma and no thousands separator
//! (`1358559,42`), dates as `26/02/2019`, UTF-8 with a byte-order mark (which Excel needs
//! to read the accents), lines ending in CR LF, and fields quoted with `"` when they hold
//! a `;`, a quote or a line break.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::model::budget::{Cell, CellValue};
use crate::model::calendar::write_day_short;

/// A cell as a spreadsheet reads it: amounts with a decimal comma and no grouping.
pub fn spreadsheet_text(cell: &Cell) -> String {
    let mut text = String::new();
    push_spreadsheet_text(&mut text, cell);
    text
}

/// [`spreadsheet_text`] added to `out`, without a string of its own: a table of 100 000
/// rows has hundreds of thousands of cells.
fn push_spreadsheet_text(out: &mut String, cell: &Cell) {
    // Writing into a String cannot fail.
    let _ = match &cell.value {
        None => Ok(()),
        Some(CellValue::Text(text)) => out.write_str(text),
        Some(CellValue::Money(amount)) => push_number(out, amount.amount()),
        Some(CellValue::Integer(number)) => write!(out, "{number}"),
        Some(CellValue::Percent(percent)) => push_number(out, *percent),
        Some(CellValue::Date(date)) => write_day_short(out, *date),
    };
}

/// A number with a decimal comma, as [`crate::model::money::spreadsheet_number`] writes it:
/// its digits, then the comma put in front of the last `scale` of them (`Decimal`'s own
/// `Display` took most of the time of writing a budget table).
fn push_number(out: &mut String, value: Decimal) -> std::fmt::Result {
    if value.is_sign_negative() {
        out.push('-');
    }
    let digits_start = out.len();
    let digits = value.mantissa().unsigned_abs();
    match u64::try_from(digits) {
        Ok(small) => write!(out, "{small}")?,
        Err(_) => write!(out, "{digits}")?,
    }
    let scale = value.scale() as usize;
    if scale > 0 {
        let written = out.len() - digits_start;
        if written > scale {
            out.insert(out.len() - scale, ',');
        } else {
            let zeros = "0".repeat(scale - written);
            out.insert_str(digits_start, &format!("0,{zeros}"));
        }
    }
    Ok(())
}

/// A field as written: quoted where it must be, and never a formula. A text a
/// spreadsheet would run as a formula (OWASP's CSV injection: it begins with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) gets a leading apostrophe, which Calc and Excel
/// show as text; a number stays a number (`-1234,56`).
fn push_field(out: &mut String, text: &str, separator: char) {
    let text = &inert(text);
    let needs_quotes = text.contains(separator)
        || text.contains(['"', '\n', '\r'])
        || text.starts_with(char::is_whitespace)
        || text.ends_with(char::is_whitespace);
    if needs_quotes {
        out.push('"');
        for ch in text.chars() {
            if ch == '"' {
                out.push('"');
            }
            out.push(ch);
        }
        out.push('"');
    } else {
        out.push_str(text);
    }
}

fn inert(text: &str) -> std::borrow::Cow<'_, str> {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula && !is_number(text) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A number as the exports write one: a sign, digits, and decimals after a comma.
fn is_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, decimals) = digits.split_once(',').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !decimals.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && decimals.bytes().all(|b| b.is_ascii_digit())
}

/// One line of fields, each quoted where it must be, added to `out` without its end:
/// written in place, since a table of 100 000 rows has hundreds of thousands of fields.
fn push_line<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>, separator: char) {
    for (index, text) in fields.enumerate() {
        if index > 0 {
            out.push(separator);
        }
        push_field(out, text, separator);
    }
}

/// What separates the fields of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delimiter {
    /// CSV as a Belgian spreadsheet reads it (the comma is the decimal separator).
    Semicolon,
    /// TSV.
    Tab,
}

impl Delimiter {
    fn char(self) -> char {
        match self {
            Delimiter::Semicolon => ';',
            Delimiter::Tab => '\t',
        }
    }

    /// The file name extension: `csv` or `tsv`.
    pub fn extension(self) -> &'static str {
        match self {
            Delimiter::Semicolon => "csv",
            Delimiter::Tab => "tsv",
        }
    }
}

/// A table as a file for a Belgian spreadsheet: a byte-order mark, a header line, then
/// the rows, each line ended by CR LF.
pub fn delimited<'a, R>(columns: &[String], rows: impl Iterator<Item = R>, delimiter: Delimiter) -> String
where
    R: Iterator<Item = &'a str>,
{
    delimited_by(columns, rows, delimiter, 0, String::push_str)
}

/// A budget table's cells as [`delimited`] writes text, each cell written straight into
/// the file's text: a string per cell first took 70 to 150 ms of the 0.4 s an export of
/// 100 000 rows takes.
pub fn delimited_cells<'a>(
    columns: &[String],
    rows: impl Iterator<Item = &'a [Cell]>,
    delimiter: Delimiter,
) -> String {
    let (lines, _) = rows.size_hint();
    // About a dozen bytes a field: one reservation instead of a copy at each doubling.
    let size = lines.saturating_mul(columns.len()).saturating_mul(12);
    delimited_by(
        columns,
        rows.map(<[Cell]>::iter),
        delimiter,
        size,
        push_spreadsheet_text,
    )
}

/// The file as [`delimited`] describes it, each field first written by `write` into a
/// scratch text (the field must be whole to know whether it needs quotes).
fn delimited_by<R, F>(
    columns: &[String],
    rows: impl Iterator<Item = R>,
    delimiter: Delimiter,
    size: usize,
    write: impl Fn(&mut String, F),
) -> String
where
    R: Iterator<Item = F>,
{
    let separator = delimiter.char();
    let mut out = String::with_capacity(size);
    out.push('\u{feff}');
    push_line(&mut out, columns.iter().map(String::as_str), separator);
    out.push_str("\r\n");
    let mut field = String::new();
    for row in rows {
        for (index, item) in row.enumerate() {
            if index > 0 {
                out.push(separator);
            }
            field.clear();
            write(&mut field, item);
            push_field(&mut out, &field, separator);
        }
        out.push_str("\r\n");
    }
    out
}

/// Rows of fields as tab-separated text, as a spreadsheet takes it from the clipboard:
/// each line ended by a line break, fields quoted like the CSV's.
pub fn tsv_text(rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut text = String::new();
    for fields in rows {
        push_line(&mut text, fields.iter().map(String::as_str), '\t');
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One field as written.
    fn field(text: &str, separator: char) -> String {
        let mut out = String::new();
        push_field(&mut out, text, separator);
        out
    }

    #[test]
    fn the_amif_table_as_belgian_csv() {
        let dossier = crate::store::bundled().unwrap();
        let csv = super::super::sheet::budget_sheet(&dossier.budget_tables[0]).to_text(Delimiter::Semicolon);
        for (index, table) in dossier.budget_tables.iter().enumerate() {
            for delimiter in [Delimiter::Semicolon, Delimiter::Tab] {
                let budget = super::super::sheet::SheetTable::Budget(index);
                let written = super::super::sheet::sheet_text(
                    &dossier,
                    budget,
                    crate::i18n::Language::Dutch,
                    delimiter,
                );
                assert_eq!(
                    written.unwrap(),
                    super::super::sheet::budget_sheet(table).to_text(delimiter),
                    "written straight from the cells as from the sheet"
                );
            }
        }
        assert!(
            csv.starts_with(
                "\u{feff}Oproep;Project;AMIF-middelen in euro;Vlaamse cofinanciering in euro\r\n"
            )
        );
        assert!(csv.contains(
            "\r\n339;Proeftuinen loopbaanaanpak hoogopgeleide nieuwkomers;1358559,42;452853,14\r\n"
        ));
        assert!(
            csv.contains("\r\n385;Centrale begeleiding 15 – 19 jarige nieuwkomers;2301031,90;767010,64\r\n")
        );
        assert!(csv.contains("\r\n426;Integratiepact projecten: disseminatie;500000,00;150000\r\n"));
        assert_eq!(csv.matches("\r\n").count(), 13);
    }

    #[test]
    fn a_text_a_spreadsheet_would_run_is_written_as_text_and_numbers_stay_numbers() {
        for formula in [
            "=1+1",
            "+1+1",
            "-1+2",
            "@SUM(A1)",
            "=HYPERLINK(\"http://x\";\"y\")",
            "\tx",
            "-",
            "+31 2 553 00 00",
        ] {
            let written = field(formula, ';');
            assert!(
                written.trim_start_matches('"').starts_with('\''),
                "{formula:?} as {written:?}"
            );
        }
        for number in ["-1234,56", "-5", "+12", "659219,12", "0,00"] {
            assert_eq!(field(number, ';'), number);
        }
        assert_eq!(field("Oproep 426", ';'), "Oproep 426");
    }

    proptest::proptest! {
        #[test]
        fn numbers_are_written_as_the_spreadsheet_number(
            mantissa in proptest::num::i128::ANY,
            scale in 0u32..=28,
        ) {
            let mantissa = mantissa >> 32; // within the 96 bits a Decimal holds
            let value = Decimal::from_i128_with_scale(mantissa, scale);
            let mut written = String::new();
            push_number(&mut written, value).unwrap();
            proptest::prop_assert_eq!(written, crate::model::money::spreadsheet_number(value));
        }
    }

    #[test]
    fn small_and_negative_numbers_keep_their_decimals() {
        for (value, text) in [
            ("0.00", "0,00"),
            ("-0.05", "-0,05"),
            ("-12.5", "-12,5"),
            ("7", "7"),
            ("0.007", "0,007"),
        ] {
            let value: Decimal = value.parse().unwrap();
            let mut written = String::new();
            push_number(&mut written, value).unwrap();
            assert_eq!(written, text);
        }
        let negative_zero = -Decimal::new(0, 2);
        let mut written = String::new();
        push_number(&mut written, negative_zero).unwrap();
        assert_eq!(written, crate::model::money::spreadsheet_number(negative_zero));
    }

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(field("a;b", ';'), "\"a;b\"");
        assert_eq!(field("zei \"ja\"", ';'), "\"zei \"\"ja\"\"\"");
        assert_eq!(field("twee\nregels", '\t'), "\"twee\nregels\"");
        assert_eq!(field("gewoon", ';'), "gewoon");
        assert_eq!(field("a;b", '\t'), "a;b");
    }

    #[test]
    fn a_selection_as_tsv() {
        let dossier = crate::store::bundled().unwrap();
        let table = &dossier.budget_tables[0];
        let header = [0, 2].map(|c| table.columns[c].name.clone()).to_vec();
        let rows = [0, 1].map(|r| [0, 2].map(|c| spreadsheet_text(&table.rows[r].cells[c])).to_vec());
        let tsv = tsv_text(std::iter::once(header).chain(rows));
        assert_eq!(
            tsv,
            "Oproep\tAMIF-middelen in euro\n320\t659219,12\n321\t591236,06\n"
        );
    }
}
