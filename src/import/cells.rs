//! The values of a table as a PDF's text layer prints them: what counts as a value
//! (`659.219,12`, `€12.500`, `€ 84.210,35`, `45%`, `0*`, `767.010?64`), which kind a
//! column of them is, and each cell read by what the rest of its column does.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::budget::{Cell, CellNotes, CellValue, ColumnKind};
use crate::model::money::Money;

/// The kinds of column the reader tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    Text,
    /// A project code such as `320` or `AMIF-2021-04`.
    Code,
    Year,
    Integer,
    Percent,
    /// Euro.
    Euro,
    /// Thousand euro, as printed (`12,5` is 12,5 thousand euro).
    ThousandEuro,
    /// Million euro, as printed (`74,6` is 74,6 million euro).
    MillionEuro,
    /// A number with decimals and no unit.
    Decimal,
}

impl ValueKind {
    pub const ALL: [ValueKind; 9] = [
        ValueKind::Text,
        ValueKind::Code,
        ValueKind::Year,
        ValueKind::Integer,
        ValueKind::Percent,
        ValueKind::Euro,
        ValueKind::ThousandEuro,
        ValueKind::MillionEuro,
        ValueKind::Decimal,
    ];

    /// Its place in [`ValueKind::ALL`].
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }

    /// The kind of the dossier's column it becomes. Years, codes and plain decimals
    /// stay text (as printed); amounts in thousand or million euro stay as printed in a
    /// money column whose name says the unit.
    pub fn column_kind(self) -> ColumnKind {
        match self {
            ValueKind::Text | ValueKind::Code | ValueKind::Year | ValueKind::Decimal => ColumnKind::Text,
            ValueKind::Integer => ColumnKind::Integer,
            ValueKind::Percent => ColumnKind::Percent,
            ValueKind::Euro | ValueKind::ThousandEuro | ValueKind::MillionEuro => ColumnKind::Money,
        }
    }

    /// Whether a total row's figure in such a column is a sum to check.
    pub fn is_summed(self) -> bool {
        matches!(
            self,
            ValueKind::Integer | ValueKind::Euro | ValueKind::ThousandEuro | ValueKind::MillionEuro
        )
    }

    pub fn is_amount(self) -> bool {
        matches!(
            self,
            ValueKind::Euro | ValueKind::ThousandEuro | ValueKind::MillionEuro
        )
    }

    /// What a column name gets so that its unit is not lost: `(miljoen euro)`.
    pub fn unit_suffix(self) -> Option<&'static str> {
        match self {
            ValueKind::ThousandEuro => Some("(duizend euro)"),
            ValueKind::MillionEuro => Some("(miljoen euro)"),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ValueKind::Text => "text",
            ValueKind::Code => "code",
            ValueKind::Year => "year",
            ValueKind::Integer => "integer",
            ValueKind::Percent => "percent",
            ValueKind::Euro => "euro",
            ValueKind::ThousandEuro => "thousand euro",
            ValueKind::MillionEuro => "million euro",
            ValueKind::Decimal => "decimal",
        }
    }
}

/// A word that is a figure of a table: digits with dots, commas, a footnote mark, or one
/// stray character where a separator should be (`767.010?64`).
pub fn is_figure(word: &str) -> bool {
    if let Some((first, second)) = word.split_once(' ') {
        return is_split_amount(first, second);
    }
    let chars: Vec<char> = word.chars().collect();
    let stray: Vec<usize> = (0..chars.len())
        .filter(|&i| !(chars[i].is_ascii_digit() || matches!(chars[i], '.' | ',' | '*')))
        .collect();
    // One stray character is allowed where a decimal comma belongs, and nowhere else.
    let stray_fits = match stray.as_slice() {
        [] => true,
        [at] => *at + 3 == chars.len() && !matches!(chars[*at], '/' | '-' | '–'),
        _ => false,
    };
    chars.first().is_some_and(char::is_ascii_digit)
        && stray_fits
        && chars.last().is_some_and(|c| c.is_ascii_digit() || *c == '*')
}

/// `5.` followed by an amount: item 5 and 551.323,14, or the amount 5.551.323,14?
pub fn is_split_amount(first: &str, second: &str) -> bool {
    let number = first.strip_suffix('.').unwrap_or("");
    !number.is_empty()
        && number.len() <= 3
        && number.chars().all(|c| c.is_ascii_digit())
        && second.contains(',')
        && is_figure(second)
}

/// A value as printed, taken apart: the euro sign or word, the percent sign and a
/// footnote mark around the figure (kept as a place in the text, not a copy: a table
/// one cell to a line has as many values as lines).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Printed {
    pub text: String,
    /// Where the figure stands in `text`.
    figure_at: (u32, u32),
    pub euro: bool,
    pub percent: bool,
    /// A footnote mark `*` follows the figure.
    pub marked: bool,
}

impl Printed {
    /// Reads a word (or a few joined by the tokeniser, `€ 84.210,35`) as a value.
    pub fn read(text: &str) -> Option<Printed> {
        let text = text.trim();
        let mut rest = text;
        let mut euro = false;
        let mut percent = false;
        for sign in ["€", "EUR ", "EURO "] {
            if let Some(after) = rest.strip_prefix(sign) {
                rest = after.trim_start();
                euro = true;
            }
        }
        for sign in [" euro", " EUR", "€"] {
            if let Some(before) = rest.strip_suffix(sign) {
                rest = before.trim_end();
                euro = true;
            }
        }
        if let Some(before) = rest.strip_suffix('%') {
            rest = before.trim_end();
            percent = true;
        }
        if rest.is_empty() || !is_figure(rest) || (euro && percent) {
            return None;
        }
        let (figure, marked) = match rest.strip_suffix('*') {
            Some(figure) if !figure.is_empty() => (figure, true),
            _ => (rest, false),
        };
        // Within one value of a line: far below u32's range.
        let start = u32::try_from(figure.as_ptr() as usize - text.as_ptr() as usize).ok()?;
        let end = start.checked_add(u32::try_from(figure.len()).ok()?)?;
        Some(Printed {
            text: text.to_string(),
            figure_at: (start, end),
            euro,
            percent,
            marked,
        })
    }

    /// The figure without its signs and mark: `84.210,35` of `€ 84.210,35`.
    pub fn figure(&self) -> &str {
        self.text
            .get(self.figure_at.0 as usize..self.figure_at.1 as usize)
            .unwrap_or("")
    }

    /// The footnote mark after the figure, if any.
    pub fn mark(&self) -> Option<String> {
        self.marked.then(|| "*".to_string())
    }

    /// Digits only, or digits in groups of three after dots: `12`, `1.234`, `150.000`.
    fn is_whole(&self) -> bool {
        let f = self.figure();
        let groups: Vec<&str> = f.split('.').collect();
        groups
            .iter()
            .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
            && groups.iter().skip(1).all(|g| g.len() == 3)
            && groups.first().is_some_and(|g| g.len() <= 3 || groups.len() == 1)
    }

    fn is_year(&self) -> bool {
        let figure = self.figure();
        figure.len() == 4
            && figure.bytes().all(|b| b.is_ascii_digit())
            && (1900..=2100).contains(&figure.parse::<u32>().unwrap_or(0))
    }

    /// The decimal mark this figure shows on its own, if it shows one: `74,6` and
    /// `1.234,56` a comma, `21.0` a dot; `150.000` none (a dot before three digits
    /// groups thousands in Belgian notation).
    pub fn decimal_mark(&self) -> Option<char> {
        let f = self.figure();
        let last = f.rfind([',', '.'])?;
        let digits_after = f.len() - last - 1;
        let mark = f[last..].chars().next()?;
        match (mark, digits_after) {
            (',', 1..=2) => Some(','),
            ('.', 1..=2) => Some('.'),
            (',', _) if f.contains('.') => Some(','),
            _ => None,
        }
    }
}

/// The figure as a number, `1.234` read as one thousand two hundred and thirty-four.
pub fn number(printed: &Printed) -> Option<Decimal> {
    read_with_mark(printed.figure(), printed.decimal_mark().unwrap_or(','))
}

/// Whether a year is a plausible key of a row: `2019`.
pub fn is_year_word(word: &str) -> bool {
    Printed::read(word).is_some_and(|p| p.is_year() && !p.euro && !p.percent && !p.marked)
}

/// The unit a header names: amounts in million or thousand euro.
fn scale_of(header: &str) -> Option<ValueKind> {
    let lower = header.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '€'))
        .filter(|w| !w.is_empty())
        .collect();
    let says = |names: &[&str]| words.iter().any(|w| names.contains(w));
    if says(&["miljoen", "miljoenen", "mio", "mln", "million", "m€", "meur"]) {
        Some(ValueKind::MillionEuro)
    } else if says(&["duizend", "duizenden", "k€", "keur"])
        || lower.contains("x 1.000")
        || lower.contains("x1.000")
    {
        Some(ValueKind::ThousandEuro)
    } else {
        None
    }
}

/// The kind of a column from its values, its name and the words of the whole header
/// (a unit said once for the table holds for each column of amounts with decimals).
pub fn column_kind(values: &[&Printed], name: &str, table_header: &str) -> ValueKind {
    let header = name.to_lowercase();
    let says = |words: &[&str]| words.iter().any(|w| header.contains(w));
    let count = |test: &dyn Fn(&Printed) -> bool| values.iter().filter(|v| test(v)).count();
    let all = values.len();
    let whole = count(&Printed::is_whole) == all;
    let scale = scale_of(name).or_else(|| scale_of(table_header).filter(|_| !whole));
    if values.is_empty() {
        return scale.unwrap_or(ValueKind::Text);
    }
    if count(&|v| v.percent) * 2 > all
        || (says(&["%", "procent", "percent", "aandeel"]) && count(&|v| v.euro) == 0)
    {
        return ValueKind::Percent;
    }
    if let Some(scale) = scale {
        return scale;
    }
    if count(&|v| v.euro) > 0 || says(&["euro", "€", "bedrag", "budget", "steun", "subsidie", "middelen"]) {
        return ValueKind::Euro;
    }
    if count(&Printed::is_year) == all {
        return ValueKind::Year;
    }
    if whole {
        return ValueKind::Integer;
    }
    let cents = count(&|v| {
        v.decimal_mark() == Some(',') && v.figure().rsplit(',').next().is_some_and(|d| d.len() == 2)
    });
    // Amounts with cents, some printed without them (`150.000` among `659.219,12`).
    let cents_or_whole = count(&|v| {
        v.is_whole()
            || v.decimal_mark() == Some(',') && v.figure().rsplit(',').next().is_some_and(|d| d.len() == 2)
    });
    if cents > 0 && cents_or_whole == all {
        return ValueKind::Euro;
    }
    ValueKind::Decimal
}

/// The decimal mark most of a column uses: a comma unless most figures that show a mark
/// show a dot.
pub fn column_mark(values: &[&Printed]) -> char {
    let dots = values.iter().filter(|v| v.decimal_mark() == Some('.')).count();
    let commas = values.iter().filter(|v| v.decimal_mark() == Some(',')).count();
    if dots > commas { '.' } else { ',' }
}

/// A figure read with `mark` as its decimal mark and the other sign grouping thousands.
pub(crate) fn read_with_mark(figure: &str, mark: char) -> Option<Decimal> {
    let group = if mark == ',' { '.' } else { ',' };
    let (whole, decimals) = match figure.rsplit_once(mark) {
        Some((whole, decimals)) => (whole, Some(decimals)),
        None => (figure, None),
    };
    let groups: Vec<&str> = whole.split(group).collect();
    let groups_fit = groups
        .iter()
        .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
        && groups.iter().skip(1).all(|g| g.len() == 3)
        && (groups.len() == 1 || groups.first().is_some_and(|g| g.len() <= 3));
    let decimals_fit =
        decimals.is_none_or(|d| !d.is_empty() && d.len() <= 6 && d.bytes().all(|b| b.is_ascii_digit()));
    if !groups_fit || !decimals_fit {
        return None;
    }
    let mut plain: String = groups.concat();
    if plain.trim_start_matches('0').len() > crate::model::money::MAX_INTEGER_DIGITS {
        return None;
    }
    if let Some(decimals) = decimals {
        plain.push('.');
        plain.push_str(decimals);
    }
    Decimal::from_str(&plain).ok()
}

/// One cell read as its column's kind. What is read with a guess keeps its printed
/// text and a flag; what cannot be read is kept as printed, flagged, and left empty so
/// that no sum counts it; a blank cell is empty, never zero.
#[derive(Debug)]
pub struct ReadCell {
    pub cell: Cell,
    /// What a person should know, for the list of warnings.
    pub note: Option<String>,
    /// The note is about a figure that could not be read at all.
    pub unreadable: bool,
}

pub fn read_cell(printed: Option<&Printed>, kind: ValueKind, mark: char) -> ReadCell {
    let Some(printed) = printed else {
        return ReadCell {
            cell: Cell::default(),
            note: None,
            unreadable: false,
        };
    };
    let plain = |value: CellValue| ReadCell {
        cell: Cell::with_notes(
            Some(value),
            CellNotes {
                footnote: printed.mark(),
                ..CellNotes::default()
            },
        ),
        note: None,
        unreadable: false,
    };
    let figure = printed.figure();
    let shown = |value: &str| value.to_string();
    match kind {
        ValueKind::Text | ValueKind::Code | ValueKind::Year | ValueKind::Decimal => {
            plain(CellValue::Text(shown(&printed.text)))
        }
        ValueKind::Integer => match read_with_mark(figure, ',')
            .filter(|d| d.fract().is_zero())
            .and_then(|d| i64::try_from(d).ok())
        {
            Some(number) => plain(CellValue::Integer(number)),
            None => unreadable(printed, "does not read as a whole number"),
        },
        ValueKind::Percent => match read_with_mark(figure, printed.decimal_mark().unwrap_or(mark)) {
            Some(percent) => guessed_mark(printed, mark, plain(CellValue::Percent(percent))),
            None => unreadable(printed, "does not read as a percentage"),
        },
        ValueKind::Euro | ValueKind::ThousandEuro | ValueKind::MillionEuro => {
            match read_with_mark(figure, printed.decimal_mark().unwrap_or(mark))
                .and_then(|d| Money::new(d).ok())
            {
                Some(amount) => guessed_mark(printed, mark, plain(CellValue::Money(amount))),
                None => stray_separator(printed)
                    .unwrap_or_else(|| unreadable(printed, "does not read as an amount")),
            }
        }
    }
}

/// A figure whose own decimal mark differs from its column's (`21.0` among `74,6`): read
/// as the column reads, kept as printed and said.
fn guessed_mark(printed: &Printed, mark: char, mut read: ReadCell) -> ReadCell {
    let own = printed.decimal_mark();
    if own.is_some() && own != Some(mark) {
        let value = read.cell.shown_text();
        let message = format!(
            "'{}' read as {value}: the rest of its column writes decimals with '{mark}'",
            printed.text
        );
        read.cell.change_notes(|notes| {
            notes.printed = Some(printed.text.clone());
            notes.flag = Some(format!("printed as '{}': {message}", printed.text));
        });
        read.note = Some(message);
    }
    read
}

/// `767.010?64`: one stray character where the decimal comma belongs.
fn stray_separator(printed: &Printed) -> Option<ReadCell> {
    let chars: Vec<char> = printed.figure().chars().collect();
    let odd: Vec<usize> = (0..chars.len())
        .filter(|&i| !(chars[i].is_ascii_digit() || matches!(chars[i], '.' | ',')))
        .collect();
    let [at] = odd.as_slice() else { return None };
    if *at + 3 != chars.len() {
        return None;
    }
    let mended: String = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| if i == *at { ',' } else { c })
        .collect();
    let amount = read_with_mark(&mended, ',').and_then(|d| Money::new(d).ok())?;
    let message = format!(
        "'{}' read as {}: a stray character in the place of the decimal comma",
        printed.text,
        amount.to_belgian()
    );
    Some(ReadCell {
        cell: Cell::with_notes(
            Some(CellValue::Money(amount)),
            CellNotes {
                printed: Some(printed.text.clone()),
                flag: Some(format!(
                    "printed as '{}': read as {}, with '{}' in the place of the decimal comma",
                    printed.text,
                    amount.to_belgian(),
                    chars[*at]
                )),
                footnote: printed.mark(),
            },
        ),
        note: Some(message),
        unreadable: false,
    })
}

fn unreadable(printed: &Printed, why: &str) -> ReadCell {
    let message = match printed.figure().split_once(' ') {
        Some((first, second)) if is_split_amount(first, second) => format!(
            "'{}' may be the amount {first}{second} or a list number and {second}: kept as printed, not read",
            printed.text
        ),
        _ => format!(
            "'{}' {why}: kept as printed and left out of the sums",
            printed.text
        ),
    };
    ReadCell {
        cell: Cell::with_notes(
            None,
            CellNotes {
                printed: Some(printed.text.clone()),
                flag: Some(format!("printed as '{}', which {why}", printed.text)),
                footnote: printed.mark(),
            },
        ),
        note: Some(message),
        unreadable: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Printed {
        Printed::read(text).unwrap_or_else(|| Printed {
            text: text.into(),
            figure_at: (0, text.len() as u32),
            euro: false,
            percent: false,
            marked: false,
        })
    }

    #[test]
    fn figures_are_told_from_words() {
        for figure in [
            "659.219,12",
            "0*",
            "767.010?64",
            "150.000",
            "300",
            "8",
            "€12.500",
            "€ 84.210,35",
            "45%",
            "12,5 %",
        ] {
            assert!(Printed::read(figure).is_some(), "{figure}");
        }
        for word in ["31/", "2014-2020", "Nedbox", "1.3a", "a1", "€", "%"] {
            assert!(Printed::read(word).is_none(), "{word}");
        }
    }

    #[test]
    fn columns_get_their_kind_from_values_and_header() {
        let kind = |values: &[&str], header: &str| {
            let printed: Vec<Printed> = values.iter().map(|v| p(v)).collect();
            let refs: Vec<&Printed> = printed.iter().collect();
            column_kind(&refs, header, "")
        };
        assert_eq!(kind(&["2019", "2020"], "Jaar"), ValueKind::Year);
        assert_eq!(kind(&["12", "1.234"], "Aantal projecten"), ValueKind::Integer);
        assert_eq!(kind(&["45%", "12,5 %"], ""), ValueKind::Percent);
        assert_eq!(kind(&["€12.500", "€ 120.000"], ""), ValueKind::Euro);
        assert_eq!(kind(&["659.219,12", "150.000"], ""), ValueKind::Euro);
        assert_eq!(
            kind(&["74,6", "21.0"], "Budget (miljoen euro)"),
            ValueKind::MillionEuro
        );
        let printed: Vec<Printed> = ["74,6", "21.0"].iter().map(|v| p(v)).collect();
        let refs: Vec<&Printed> = printed.iter().collect();
        assert_eq!(
            column_kind(&refs, "Vastleggingen", "Jaar Vastleggingen (miljoen euro)"),
            ValueKind::MillionEuro
        );
        let counts: Vec<Printed> = ["12", "40"].iter().map(|v| p(v)).collect();
        let refs: Vec<&Printed> = counts.iter().collect();
        assert_eq!(
            column_kind(&refs, "Projecten", "Projecten Budget (miljoen euro)"),
            ValueKind::Integer
        );
    }

    #[test]
    fn cells_are_read_as_their_column_reads() {
        let cell = |text: &str, kind: ValueKind, mark: char| read_cell(Some(&p(text)), kind, mark);
        let amount = cell("€ 84.210,35", ValueKind::Euro, ',');
        assert_eq!(amount.cell.shown_text(), "84.210,35");
        assert_eq!(
            cell("150.000", ValueKind::Euro, ',').cell.shown_text(),
            "150.000,00"
        );
        let mixed = cell("21.0", ValueKind::MillionEuro, ',');
        assert_eq!(
            mixed.cell.money().map(|m| m.amount().to_string()).as_deref(),
            Some("21.0")
        );
        assert_eq!(mixed.cell.printed(), Some("21.0"));
        assert!(mixed.note.is_some());
        let garbled = cell("767.010?64", ValueKind::Euro, ',');
        assert_eq!(garbled.cell.shown_text(), "767.010,64");
        assert!(garbled.cell.flag().is_some());
        let lost = cell("76?.0?0,64", ValueKind::Euro, ',');
        assert_eq!((lost.cell.value.clone(), lost.unreadable), (None, true));
        let marked = cell("0*", ValueKind::Euro, ',');
        assert_eq!(
            (marked.cell.money(), marked.cell.footnote()),
            (Some(Money::ZERO), Some("*"))
        );
        assert_eq!(
            cell("12,5 %", ValueKind::Percent, ',').cell.shown_text(),
            "12,50 %"
        );
        assert_eq!(
            cell("1.234", ValueKind::Integer, ',').cell.value,
            Some(CellValue::Integer(1234))
        );
        assert_eq!(
            read_cell(None, ValueKind::Euro, ',').cell,
            Cell::default(),
            "blank is unknown"
        );
    }
}
