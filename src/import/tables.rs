//! Tables in an answer, as the PDF text layer leaves them: rows whose last cells are
//! figures, a title running over two lines, header words above, footnote marks on cells,
//! or one cell to a line. Two kinds are read: amounts per project (a budget table) and
//! target against actual per engagement type (indicators).

use rust_decimal::Decimal;
use serde::Serialize;

use super::text::collapse_spaces;
use super::written::{WarningKind, Warnings};
use crate::model::budget::{Cell, CellValue, Footnote};
use crate::model::calendar::PartialDate;
use crate::model::money::{Money, decimal_text, parse_number};

/// A table found in an answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DetectedTable {
    Budget(BudgetRows),
    Indicators(IndicatorRows),
}

impl DetectedTable {
    /// The answer item it stands in, as printed.
    pub fn part(&self) -> &str {
        match self {
            DetectedTable::Budget(table) => &table.part,
            DetectedTable::Indicators(table) => &table.part,
        }
    }
}

/// Rows of amounts: an optional code, a title, and one or more amounts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BudgetRows {
    pub part: String,
    /// The header's words, as printed, for a title.
    pub header: String,
    /// The columns: the code (when rows have one), the title, then the amounts.
    pub columns: Vec<String>,
    /// Whether the first column is a code (`320`).
    pub coded: bool,
    pub rows: Vec<Vec<Cell>>,
    /// Each row as the text printed it, on one line.
    pub printed: Vec<String>,
    pub footnotes: Vec<Footnote>,
    /// A total line of the source, per amount column, as printed.
    pub printed_totals: Vec<Option<Money>>,
    /// The sums of the readable amounts, per amount column.
    pub totals: Vec<Money>,
}

/// Rows of engagement type, output, target and actual.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IndicatorRows {
    pub part: String,
    pub header: String,
    /// What is counted: the word after `aantal` in the header (`actoren`).
    pub unit: String,
    /// The date of the actual figures, when the header gives one.
    pub measured: Option<PartialDate>,
    pub rows: Vec<IndicatorRow>,
    #[serde(with = "decimal_text")]
    pub target_total: Decimal,
    #[serde(with = "decimal_text")]
    pub actual_total: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IndicatorRow {
    pub engagement_type: String,
    pub output: String,
    #[serde(with = "decimal_text")]
    pub target: Decimal,
    #[serde(with = "decimal_text")]
    pub actual: Decimal,
    pub printed: String,
}

/// A table and the lines of the item's text it takes, from the header to the last row.
#[derive(Debug)]
pub(crate) struct Found {
    pub lines: (usize, usize),
    pub table: DetectedTable,
}

/// A word that is a figure of a table: digits with dots, commas, a footnote mark, or one
/// stray character where a separator should be (`767.010?64`).
fn is_figure(word: &str) -> bool {
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

/// A stretch of lines without a blank line, cut after every run of figure-only lines
/// long enough to end a row (a table laid out one cell per line).
#[derive(Debug, Clone)]
struct Chunk {
    /// Indexes into the item's lines.
    lines: Vec<usize>,
    /// The words before the figures at its end, line by line.
    text: Vec<String>,
    /// The figures at its end.
    figures: Vec<String>,
    /// The figures stand on lines of their own (one cell to a line).
    figures_alone: bool,
}

impl Chunk {
    fn text_joined(&self) -> String {
        collapse_spaces(&self.text.join(" ")).trim().to_string()
    }

    /// The words and the figures: a header's whole text.
    fn full_text(&self) -> String {
        let mut text = self.text_joined();
        for figure in &self.figures {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(figure);
        }
        text
    }
}

fn trailing_figures(words: &[&str]) -> usize {
    words.iter().rev().take_while(|w| is_figure(w)).count()
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

/// The words of a line, an amount split as `5. 551.323,14` kept as one word.
fn words_of(line: &str) -> Vec<String> {
    let raw: Vec<&str> = line.split_whitespace().collect();
    let mut out = Vec::with_capacity(raw.len());
    let mut index = 0;
    while index < raw.len() {
        if index + 1 < raw.len() && is_split_amount(raw[index], raw[index + 1]) {
            out.push(format!("{} {}", raw[index], raw[index + 1]));
            index += 2;
        } else {
            out.push(raw[index].to_string());
            index += 1;
        }
    }
    out
}

fn chunks(lines: &[String], columns: usize) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let mut figure_run = 0;
    let flush = |current: &mut Vec<usize>, out: &mut Vec<Chunk>| {
        if current.is_empty() {
            return;
        }
        let words: Vec<(usize, String)> = current
            .iter()
            .flat_map(|&i| words_of(&lines[i]).into_iter().map(move |w| (i, w)))
            .collect();
        let plain: Vec<&str> = words.iter().map(|(_, w)| w.as_str()).collect();
        let count = trailing_figures(&plain);
        let split = words.len() - count;
        let mut text: Vec<String> = Vec::new();
        let mut last_line = None;
        for (line, word) in &words[..split] {
            if last_line == Some(*line) {
                if let Some(t) = text.last_mut() {
                    t.push(' ');
                    t.push_str(word);
                }
            } else {
                text.push(word.clone());
                last_line = Some(*line);
            }
        }
        // The figures are alone when none shares its line with a word of text.
        let figures_alone = count > 0
            && words[split..]
                .first()
                .is_some_and(|(line, _)| split == 0 || words[split - 1].0 != *line);
        out.push(Chunk {
            lines: std::mem::take(current),
            text,
            figures: words[split..].iter().map(|(_, w)| w.clone()).collect(),
            figures_alone,
        });
    };
    for (index, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut current, &mut out);
            figure_run = 0;
            continue;
        }
        let owned = words_of(trimmed);
        let words: Vec<&str> = owned.iter().map(String::as_str).collect();
        let only_figure = words.len() == 1 && is_figure(trimmed);
        current.push(index);
        figure_run = if only_figure { figure_run + 1 } else { 0 };
        // A row ends after its figures: on a line of its own, or a cell to a line.
        let ends_row = (!only_figure && trailing_figures(&words) >= columns) || figure_run == columns;
        if columns > 0 && ends_row {
            flush(&mut current, &mut out);
            figure_run = 0;
        }
    }
    flush(&mut current, &mut out);
    out
}

/// Whether a chunk reads as a sentence rather than a header: it ends like one, or is long.
fn is_sentence(chunk: &Chunk) -> bool {
    let text = chunk.text_joined();
    text.ends_with(['.', ':', '?', ';']) || text.chars().count() > 160
}

/// A code at the start of a row: `320`.
fn code_of(text: &str) -> Option<&str> {
    let first = text.split_whitespace().next()?;
    (first.len() <= 4 && first.chars().all(|c| c.is_ascii_digit())).then_some(first)
}

/// Finds the tables in an answer item's lines (`numbers` are the source line numbers).
pub(crate) fn find_tables(
    lines: &[String],
    numbers: &[usize],
    part: &str,
    warnings: &mut Warnings,
) -> Vec<Found> {
    // How many figures end a row: the commonest count of two or more among the lines.
    let mut counts = std::collections::BTreeMap::new();
    for line in lines {
        let owned = words_of(line);
        let words: Vec<&str> = owned.iter().map(String::as_str).collect();
        let count = trailing_figures(&words);
        if count >= 2 {
            *counts.entry(count).or_insert(0_usize) += 1;
        }
    }
    let single_figures = lines
        .iter()
        .filter(|l| {
            let t = l.trim();
            !t.is_empty() && t.split_whitespace().count() == 1 && is_figure(t)
        })
        .count();
    let columns = match counts.iter().max_by_key(|(count, lines)| (**lines, **count)) {
        Some((&count, &lines)) if lines >= 3 => count,
        // One cell to a line: two figures to a row.
        _ if single_figures >= 6 => 2,
        _ => return Vec::new(),
    };
    let chunks = chunks(lines, columns);
    let rows: Vec<usize> = (0..chunks.len())
        .filter(|&i| chunks[i].figures.len() >= columns)
        .collect();
    if rows.len() < 3 {
        return Vec::new();
    }
    let figures: Vec<&String> = rows
        .iter()
        .flat_map(|&i| chunks[i].figures.iter().rev().take(columns))
        .collect();
    let money = figures.iter().filter(|f| f.contains(',')).count() * 2 > figures.len();
    let line_of = |index: usize| numbers.get(index).copied();
    let found = if money {
        budget(&chunks, &rows, columns, part, warnings, &line_of)
    } else {
        indicators(&chunks, &rows, columns, part, warnings, &line_of)
    };
    found.into_iter().collect()
}

/// The chunks before the first row that are its header: after the last sentence.
fn header_chunks(chunks: &[Chunk], before: usize) -> Vec<usize> {
    let mut start = before;
    while start > 0 && !is_sentence(&chunks[start - 1]) {
        start -= 1;
    }
    (start..before).collect()
}

fn budget(
    chunks: &[Chunk],
    rows: &[usize],
    columns: usize,
    part: &str,
    warnings: &mut Warnings,
    line_of: &dyn Fn(usize) -> Option<usize>,
) -> Option<Found> {
    let coded = rows.iter().filter(|&&r| {
        // The code is in the row's first text chunk: the row itself or the one before.
        let own = code_of(&chunks[r].text_joined()).is_some();
        let before = r > 0 && chunks[r].text.is_empty() && code_of(&chunks[r - 1].text_joined()).is_some();
        own || before
    });
    let coded = coded.count() * 2 > rows.len();
    let mut table_rows = Vec::new();
    let mut printed = Vec::new();
    let mut printed_totals = vec![None; columns];
    let mut first_line = None;
    let mut previous_end = 0;
    for (position, &row) in rows.iter().enumerate() {
        // The row's text: the chunks since the last row; for the first, from its code
        // (or the chunk just before), the rest being the header.
        let mut from = if position == 0 {
            let mut start = row;
            if chunks[row].text.is_empty() || (coded && code_of(&chunks[row].text_joined()).is_none()) {
                start = row.saturating_sub(1);
            }
            start
        } else {
            previous_end
        };
        if coded {
            while from < row && code_of(&chunks[from].text_joined()).is_none() {
                from += 1;
            }
        }
        if position == 0 {
            let header = header_chunks(chunks, from);
            first_line = header
                .first()
                .or(Some(&from))
                .and_then(|&c| chunks[c].lines.first().copied());
        }
        let text: Vec<String> = (from..=row)
            .map(|c| chunks[c].text_joined())
            .filter(|t| !t.is_empty())
            .collect();
        let text = text.join(" ");
        let figures: Vec<&String> = {
            let all = &chunks[row].figures;
            all[all.len() - columns..].iter().collect()
        };
        let line = chunks[row].lines.first().and_then(|&l| line_of(l));
        let (code, title) = match (coded, code_of(&text)) {
            (true, Some(code)) => (Some(code.to_string()), text[code.len()..].trim().to_string()),
            _ => (None, text.clone()),
        };
        let cells: Vec<Cell> = figures.iter().map(|f| amount_cell(f, line, warnings)).collect();
        let is_total = ["totaal", "total", "totaal:", "samen"].contains(&title.to_lowercase().as_str());
        if is_total {
            for (slot, cell) in printed_totals.iter_mut().zip(&cells) {
                *slot = cell.money();
            }
        } else {
            let mut row_cells = Vec::new();
            if coded {
                row_cells.push(Cell::new(CellValue::Text(code.unwrap_or_default())));
            }
            row_cells.push(Cell::new(CellValue::Text(title)));
            row_cells.extend(cells);
            table_rows.push(row_cells);
            let figures_text: Vec<&str> = figures.iter().map(|f| f.as_str()).collect();
            printed.push(collapse_spaces(&format!("{text} {}", figures_text.join(" "))));
        }
        previous_end = row + 1;
    }
    let last = *rows.last()?;
    let first_line = first_line.unwrap_or(0);
    let last_line = chunks[last].lines.last().copied().unwrap_or(first_line) + 1;
    // Footnotes: `* …` after the rows.
    let mut footnotes = Vec::new();
    for chunk in &chunks[last + 1..] {
        let text = chunk.text_joined();
        let Some(body) = text.strip_prefix('*') else { break };
        footnotes.push(Footnote {
            mark: "*".into(),
            text: body.trim().to_string(),
        });
    }
    let header_index = header_chunks(chunks, rows.first().copied().unwrap_or(0));
    let header_parts: Vec<String> = header_index
        .iter()
        .map(|&c| chunks[c].full_text())
        .filter(|t| !t.is_empty() && code_of(t).is_none())
        .collect();
    let columns_named = column_names(&header_parts, columns, coded, warnings, line_of(first_line));
    let totals: Vec<Money> = (0..columns)
        .map(|c| {
            let index = c + usize::from(coded) + 1;
            Money::sum(
                table_rows
                    .iter()
                    .filter_map(|r| r.get(index).and_then(Cell::money)),
            )
            .unwrap_or(Money::ZERO)
        })
        .collect();
    for (c, (printed_total, total)) in printed_totals.iter().zip(&totals).enumerate() {
        if let Some(printed_total) = printed_total
            && printed_total != total
        {
            warnings.add(
                WarningKind::Mismatch,
                None,
                format!(
                    "the printed total of column {} is {}, the rows add up to {}: left as printed",
                    columns_named
                        .get(c + usize::from(coded) + 1)
                        .map_or("?", String::as_str),
                    printed_total.to_belgian(),
                    total.to_belgian()
                ),
            );
        }
    }
    Some(Found {
        lines: (first_line, last_line),
        table: DetectedTable::Budget(BudgetRows {
            part: part.to_string(),
            header: header_parts.join(" "),
            columns: columns_named,
            coded,
            rows: table_rows,
            printed,
            footnotes,
            printed_totals,
            totals,
        }),
    })
}

/// Column names from the header's words: with as many header stretches as amount
/// columns, the first holds the title's name too (`Project AMIF middelen in euro`).
fn column_names(
    header: &[String],
    columns: usize,
    coded: bool,
    warnings: &mut Warnings,
    line: Option<usize>,
) -> Vec<String> {
    let mut names = Vec::new();
    if coded {
        names.push("Nr.".to_string());
    }
    let amounts: Vec<String> = if header.len() == columns + 1 {
        names.push(header[0].clone());
        header[1..].to_vec()
    } else if header.len() == columns && !header.is_empty() {
        let (first, rest) = header[0].split_once(' ').unwrap_or((&header[0], ""));
        names.push(first.to_string());
        std::iter::once(rest.to_string())
            .chain(header[1..].iter().cloned())
            .collect()
    } else {
        names.push("Omschrijving".to_string());
        (1..=columns).map(|c| format!("Bedrag {c}")).collect()
    };
    names.extend(amounts);
    warnings.add(
        WarningKind::Guessed,
        line,
        format!(
            "the table's column names are read from its header ({}): check them",
            names.join(" | ")
        ),
    );
    names
}

/// An amount as printed: read in Belgian notation, a footnote mark kept as a mark, a
/// stray character in the place of the decimal comma read as one and flagged, anything
/// else kept as printed and flagged.
fn amount_cell(printed: &str, line: Option<usize>, warnings: &mut Warnings) -> Cell {
    let (figure, mark) = match printed.strip_suffix('*') {
        Some(figure) => (figure, Some("*".to_string())),
        None => (printed, None),
    };
    let mut cell = match Money::parse_belgian(figure) {
        Ok(amount) => Cell::new(CellValue::Money(amount)),
        Err(_) => {
            let chars: Vec<char> = figure.chars().collect();
            let odd: Vec<usize> = (0..chars.len())
                .filter(|&i| !(chars[i].is_ascii_digit() || matches!(chars[i], '.' | ',')))
                .collect();
            let at_decimal = odd.len() == 1 && odd[0] + 3 == chars.len();
            let mended: String = chars
                .iter()
                .enumerate()
                .map(|(i, &c)| if odd.first() == Some(&i) { ',' } else { c })
                .collect();
            match Money::parse_belgian(&mended) {
                Ok(amount) if at_decimal => {
                    warnings.add(
                        WarningKind::Guessed,
                        line,
                        format!(
                            "'{printed}' read as {}: a stray character in the place of the decimal comma",
                            amount.to_belgian()
                        ),
                    );
                    Cell {
                        value: Some(CellValue::Money(amount)),
                        printed: Some(printed.to_string()),
                        flag: Some(format!(
                            "printed as '{printed}': read as {}, with '{}' in the place of the decimal comma",
                            amount.to_belgian(),
                            odd.first().map(|&i| chars[i]).unwrap_or('?')
                        )),
                        footnote: None,
                    }
                }
                _ => {
                    let message = match printed.split_once(' ') {
                        Some((first, second)) if is_split_amount(first, second) => format!(
                            "'{printed}' may be the amount {}{second} or a list number and {second}: kept as printed, not read",
                            first
                        ),
                        _ => format!("'{printed}' does not read as an amount: kept as printed"),
                    };
                    warnings.add(WarningKind::Ambiguous, line, message);
                    Cell {
                        value: None,
                        printed: Some(printed.to_string()),
                        flag: Some(format!(
                            "printed as '{printed}', which does not read as an amount"
                        )),
                        footnote: None,
                    }
                }
            }
        }
    };
    cell.footnote = mark;
    cell
}

fn indicators(
    chunks: &[Chunk],
    rows: &[usize],
    columns: usize,
    part: &str,
    warnings: &mut Warnings,
    line_of: &dyn Fn(usize) -> Option<usize>,
) -> Option<Found> {
    let mut out = Vec::new();
    let mut previous_end = 0;
    let mut first_line = None;
    let mut header_parts = Vec::new();
    for (position, &row) in rows.iter().enumerate() {
        let chunk = &chunks[row];
        let line = chunk.lines.first().and_then(|&l| line_of(l));
        let figures = &chunk.figures[chunk.figures.len() - columns..];
        let own = chunk.text_joined();
        let pending: Vec<usize> = (if position == 0 { 0 } else { previous_end }..row).collect();
        let split = split_type_output(&own);
        let guessed = |warnings: &mut Warnings, t: &str, o: &str| {
            warnings.add(
                WarningKind::Guessed,
                line,
                format!("\"{own}\": read as the type \"{t}\" and the output \"{o}\"; check where one ends"),
            );
        };
        // The engagement type: the row's first lines when it is laid out a cell to a
        // line; the stretch before it; or, for a row on one line, read out of its words.
        let (engagement_type, output, used) = if chunk.figures_alone && chunk.text.len() >= 2 {
            let (output, types) = chunk.text.split_last()?;
            (collapse_spaces(&types.join(" ")), output.trim().to_string(), 0)
        } else if let Some(&last) = pending.last()
            && (position > 0 || (split.is_none() && !is_sentence(&chunks[last])))
        {
            // The first row takes one stretch; the rest before it is the header.
            let used = if position == 0 { 1 } else { pending.len() };
            let types: Vec<String> = pending[pending.len() - used..]
                .iter()
                .map(|&c| chunks[c].text_joined())
                .collect();
            (types.join(" "), own.clone(), used)
        } else if let Some((t, o)) = split.clone() {
            guessed(warnings, &t, &o);
            (t, o, 0)
        } else {
            warnings.add(
                WarningKind::Guessed,
                line,
                format!("\"{own}\": no output could be told apart from the type"),
            );
            (own.clone(), String::new(), 0)
        };
        if position == 0 {
            let start = row - used;
            let header = header_chunks(chunks, start);
            header_parts = header.iter().map(|&c| chunks[c].full_text()).collect();
            first_line = header
                .first()
                .copied()
                .or(Some(start))
                .and_then(|c| chunks[c].lines.first().copied());
        }
        let number = |text: &str| parse_number(text.trim_end_matches('*'), 6).ok();
        let (Some(target), Some(actual)) = (number(&figures[0]), number(&figures[columns - 1])) else {
            warnings.add(
                WarningKind::Ambiguous,
                line,
                format!("the figures of \"{own}\" do not read: row left out"),
            );
            previous_end = row + 1;
            continue;
        };
        out.push(IndicatorRow {
            printed: collapse_spaces(&format!("{engagement_type} {output} {}", figures.join(" "))),
            engagement_type,
            output,
            target,
            actual,
        });
        previous_end = row + 1;
    }
    let header = header_parts.join(" ");
    let unit = header
        .split_whitespace()
        .skip_while(|w| !w.eq_ignore_ascii_case("aantal"))
        .nth(1)
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    let measured = header_date(&header);
    if measured.is_none() {
        warnings.add(
            WarningKind::Unknown,
            None,
            "the table's header gives no date for the actual figures",
        );
    }
    let last = *rows.last()?;
    let first_line = first_line.unwrap_or(0);
    let last_line = chunks[last].lines.last().copied().unwrap_or(first_line) + 1;
    Some(Found {
        lines: (first_line, last_line),
        table: DetectedTable::Indicators(IndicatorRows {
            part: part.to_string(),
            unit,
            measured,
            target_total: out.iter().map(|r| r.target).sum(),
            actual_total: out.iter().map(|r| r.actual).sum(),
            rows: out,
            header,
        }),
    })
}

/// The type and the output told apart in one run of words: the output starts at the
/// first word after the first that has a capital (`Deelname aan een workshop
/// Constructieve workshops`).
fn split_type_output(text: &str) -> Option<(String, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = words
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
        .map(|(i, _)| i)?;
    Some((words[..at].join(" "), words[at..].join(" ")))
}

/// A day in a header: `31/ 12/ 2018`.
fn header_date(header: &str) -> Option<PartialDate> {
    let closed = header.replace("/ ", "/");
    closed
        .split_whitespace()
        .find_map(|word| match PartialDate::parse_typed(word) {
            Ok(date @ PartialDate::Day(_)) if word.contains('/') => Some(date),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_told_from_words() {
        for figure in ["659.219,12", "0*", "767.010?64", "150.000", "300", "8"] {
            assert!(is_figure(figure), "{figure}");
        }
        for word in ["31/", "2014-2020", "Nedbox", "1.3a", "a1"] {
            assert!(!is_figure(word), "{word}");
        }
    }

    #[test]
    fn amounts_keep_what_they_cannot_be() {
        let mut warnings = Warnings::default();
        let plain = amount_cell("1.358.559,42", None, &mut warnings);
        assert_eq!(
            plain.money().map(Money::to_belgian).as_deref(),
            Some("1.358.559,42")
        );
        let thousands = amount_cell("150.000", None, &mut warnings);
        assert_eq!(
            thousands.money().map(Money::to_belgian).as_deref(),
            Some("150.000,00")
        );
        let marked = amount_cell("0*", None, &mut warnings);
        assert_eq!(
            (marked.money(), marked.footnote.as_deref()),
            (Some(Money::ZERO), Some("*"))
        );
        let garbled = amount_cell("767.010?64", None, &mut warnings);
        assert_eq!(
            garbled.money().map(Money::to_belgian).as_deref(),
            Some("767.010,64")
        );
        assert_eq!(garbled.printed.as_deref(), Some("767.010?64"));
        assert!(garbled.flag.is_some());
        let unreadable = amount_cell("76?.0?0,64", None, &mut warnings);
        assert_eq!(unreadable.value, None);
        assert_eq!(unreadable.printed.as_deref(), Some("76?.0?0,64"));
        assert_eq!(warnings.0.len(), 2);
    }

    #[test]
    fn type_and_output_are_told_apart_by_the_capital() {
        assert_eq!(
            split_type_output("Deelname aan een workshop Constructieve workshops"),
            Some((
                "Deelname aan een workshop".into(),
                "Constructieve workshops".into()
            ))
        );
        assert_eq!(split_type_output("Mond-aan-mond promotie"), None);
    }
}
