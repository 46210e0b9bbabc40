//! Tables in an answer, read into typed columns: text, codes, years, whole numbers,
//! percentages, euro and amounts in thousand or million euro. The rows come from
//! [`super::grid`]; here each column gets its kind, each cell is read as its column
//! reads, a printed total is checked against the rows and a percentage against the two
//! columns it is the ratio of. A table whose header says target and actual becomes
//! indicators; any other a budget table.

use crate::model::indicator::checked_sum;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use super::cells::{Printed, ValueKind, column_kind, column_mark, read_cell};
use super::grid::{Grid, GridRow, Key, find_grids};
use super::text::collapse_spaces;
use super::warnings::{WarningKind, Warnings};
use crate::model::budget::{Cell, CellValue, Footnote};
use crate::model::calendar::PartialDate;
use crate::model::money::{decimal_text, format_decimal};

pub use super::cells::is_split_amount;

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

/// A column as read: its name from the header and the kind of its values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DetectedColumn {
    pub name: String,
    pub kind: ValueKind,
}

/// A table of typed columns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BudgetRows {
    pub part: String,
    /// The header's words, as printed.
    pub header: String,
    /// The sentence that introduces the table (`… volgende projecten gefinancierd:`).
    pub caption: Option<String>,
    pub columns: Vec<DetectedColumn>,
    /// One cell per column.
    pub rows: Vec<Vec<Cell>>,
    /// Each row as the text printed it, on one line.
    pub printed: Vec<String>,
    pub footnotes: Vec<Footnote>,
    /// The total row's figure per column, where the source prints one for a summed column.
    #[serde(serialize_with = "decimals")]
    pub printed_totals: Vec<Option<Decimal>>,
    /// The exact sums of the readable cells per summed column.
    #[serde(serialize_with = "decimals")]
    pub totals: Vec<Option<Decimal>>,
    /// Where the printed figures disagree with each other: totals, ratios.
    pub checks: Vec<String>,
    /// The total row as read, a cell per column, to check the sums against.
    #[serde(skip)]
    pub total_row: Option<Vec<Cell>>,
    /// Each row's value cells as printed (`None` for an empty cell), the total row's
    /// last: to read a column again as another kind.
    #[serde(skip)]
    pub printed_values: Vec<Vec<Option<String>>>,
    /// The percentages that are not the ratio they are of: row (`None` for the total
    /// row), column, and why.
    #[serde(skip)]
    pub ratio_flags: Vec<(Option<usize>, usize, String)>,
}

fn decimals<S: Serializer>(values: &[Option<Decimal>], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(values.iter().map(|v| v.map(|d| d.to_string())))
}

impl BudgetRows {
    /// A column's figure as the table shows it: `12.968.183,29`, `48`.
    pub fn shown(&self, column: usize, value: Option<Decimal>) -> String {
        let Some(value) = value else { return String::new() };
        match self.columns.get(column).map(|c| c.kind) {
            Some(ValueKind::Integer) => format_decimal(value, 0),
            _ => format_decimal(value, 2),
        }
    }
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
    #[serde(with = "decimal_text::option")]
    pub target_total: Option<Decimal>,
    #[serde(with = "decimal_text::option")]
    pub actual_total: Option<Decimal>,
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

/// Finds the tables in an answer item's lines (`numbers` are the source line numbers).
pub(crate) fn find_tables(
    lines: &[String],
    numbers: &[usize],
    part: &str,
    warnings: &mut Warnings,
) -> Vec<Found> {
    find_grids(lines)
        .into_iter()
        .filter_map(|grid| {
            let line = numbers.get(grid.lines.0).copied();
            let line_of = |index: usize| numbers.get(index).copied();
            let table = if says_target_and_actual(&grid.header()) && grid.value_columns() == 2 {
                DetectedTable::Indicators(indicators(&grid, part, warnings, &line_of)?)
            } else {
                DetectedTable::Budget(budget(&grid, part, warnings, line, &line_of))
            };
            Some(Found {
                lines: grid.lines,
                table,
            })
        })
        .collect()
}

/// A header that names a target and what was achieved (or the day it was measured).
fn says_target_and_actual(header: &str) -> bool {
    let lower = header.to_lowercase();
    let target = [
        "streefcijfer",
        "streefwaarde",
        "doelstelling",
        "doel",
        "beoogd",
        "target",
        "norm",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let actual = [
        "realisatie",
        "resultaat",
        "gerealiseerd",
        "bereikt",
        "behaald",
        "actual",
        "stand",
    ]
    .iter()
    .any(|w| lower.contains(w))
        || header_date(header).is_some();
    target && actual
}

fn budget(
    grid: &Grid,
    part: &str,
    warnings: &mut Warnings,
    line: Option<usize>,
    line_of: &dyn Fn(usize) -> Option<usize>,
) -> BudgetRows {
    let k = grid.value_columns();
    let coded = grid.key == Key::Label { coded: true };
    let key_kind = if grid.key == Key::Year {
        ValueKind::Year
    } else {
        ValueKind::Text
    };
    let names = column_names(&grid.header_cells, coded, k, warnings, line);
    let mut columns: Vec<DetectedColumn> = Vec::new();
    if coded {
        columns.push(DetectedColumn {
            name: names[0].clone(),
            kind: ValueKind::Code,
        });
    }
    columns.push(DetectedColumn {
        name: names[usize::from(coded)].clone(),
        kind: key_kind,
    });
    let text_columns = columns.len();
    let mut marks = Vec::new();
    for value in 0..k {
        let printed: Vec<&Printed> = grid
            .rows
            .iter()
            .filter_map(|r| r.values.get(value)?.as_ref())
            .collect();
        let name = &names[text_columns + value];
        let kind = column_kind(&printed, name, &grid.header());
        marks.push(column_mark(&printed));
        // Without a header, a column of amounts is at least called one.
        let name = match (name.strip_prefix("Kolom "), kind) {
            (Some(number), ValueKind::Euro | ValueKind::ThousandEuro | ValueKind::MillionEuro) => {
                if k == 1 {
                    "Bedrag".to_string()
                } else {
                    format!("Bedrag {number}")
                }
            }
            _ => name.clone(),
        };
        let name = match kind.unit_suffix() {
            Some(unit) if !name.to_lowercase().contains(unit.trim_matches(['(', ')'])) => {
                format!("{name} {unit}")
            }
            _ => name,
        };
        columns.push(DetectedColumn { name, kind });
    }
    let mut footnotes = grid.footnotes.clone();
    let read_row = |row: &GridRow, warnings: &mut Warnings, footnotes: &mut Vec<Footnote>| -> Vec<Cell> {
        let row_line = line_of(row.first);
        if let Some(note) = &row.note {
            warnings.add(WarningKind::Guessed, row_line, note.clone());
        }
        let mut cells = Vec::with_capacity(columns.len());
        if coded {
            cells.push(Cell::new(CellValue::Text(row.code.clone().unwrap_or_default())));
        }
        cells.push(Cell::new(CellValue::Text(row.label())));
        for (value, printed) in row.values.iter().enumerate() {
            let column = &columns[text_columns + value];
            let read = read_cell(printed.as_ref(), column.kind, marks[value]);
            if let Some(note) = &read.note {
                let kind = if read.unreadable {
                    WarningKind::Ambiguous
                } else {
                    WarningKind::Guessed
                };
                warnings.add(kind, row_line, note.clone());
            }
            let mut cell = read.cell;
            if let Some(mark) = cell.footnote().map(str::to_string)
                && !footnotes.iter().any(|f| f.mark == mark)
            {
                // A mark the text never explains cannot be a footnote: kept as printed.
                let printed = printed.as_ref().map_or(String::new(), |p| p.text.clone());
                cell.change_notes(|notes| {
                    notes.footnote = None;
                    notes.printed.get_or_insert(printed.clone());
                    notes.flag.get_or_insert(format!(
                        "printed as '{printed}': the mark {mark} is not explained in the text"
                    ));
                });
                warnings.add(
                    WarningKind::Unknown,
                    row_line,
                    format!("'{printed}': the mark {mark} is not explained in the text"),
                );
            }
            cells.push(cell);
        }
        cells
    };
    let rows: Vec<Vec<Cell>> = grid
        .rows
        .iter()
        .map(|r| read_row(r, warnings, &mut footnotes))
        .collect();
    let total_row = grid
        .total
        .as_ref()
        .map(|total| read_row(total, warnings, &mut footnotes));
    let printed_values = grid
        .rows
        .iter()
        .chain(&grid.total)
        .map(|r| {
            r.values
                .iter()
                .map(|v| v.as_ref().map(|p| p.text.clone()))
                .collect()
        })
        .collect();
    let mut table = BudgetRows {
        part: part.to_string(),
        header: collapse_spaces(&grid.header()),
        caption: grid.caption.clone(),
        printed: grid.rows.iter().map(|r| r.printed.clone()).collect(),
        columns,
        rows,
        footnotes,
        printed_totals: Vec::new(),
        totals: Vec::new(),
        checks: Vec::new(),
        total_row,
        printed_values,
        ratio_flags: Vec::new(),
    };
    table.settle();
    for check in &table.checks {
        warnings.add(WarningKind::Mismatch, line, check.clone());
    }
    table
}

impl BudgetRows {
    /// Why a cell is flagged: as read (a garbled figure), or as checked (a percentage
    /// that is not the ratio it is of).
    pub fn flag(&self, row: usize, column: usize) -> Option<&str> {
        let checked = self
            .ratio_flags
            .iter()
            .find(|(r, c, _)| *r == Some(row) && *c == column)
            .map(|(_, _, message)| message.as_str());
        checked.or_else(|| self.rows.get(row)?.get(column)?.flag())
    }

    /// The columns of text before the values: the code, and the label or year.
    fn text_columns(&self) -> usize {
        self.columns.len() - self.printed_values.first().map_or(0, Vec::len)
    }

    /// Reads a column of values again as another kind, as a person corrects it before
    /// the table joins the dossier; its totals and checks follow.
    pub fn set_kind(&mut self, column: usize, kind: ValueKind) {
        let text_columns = self.text_columns();
        let Some(value) = column.checked_sub(text_columns) else {
            return;
        };
        let Some(slot) = self.columns.get_mut(column) else {
            return;
        };
        slot.kind = kind;
        // The unit goes into the name, so that it is not lost in the dossier.
        if let Some(unit) = kind.unit_suffix()
            && !slot.name.contains(unit)
        {
            slot.name = format!("{} {unit}", slot.name.trim());
        }
        let printed: Vec<Option<Printed>> = self
            .printed_values
            .iter()
            .map(|r| r.get(value).cloned().flatten().and_then(|t| Printed::read(&t)))
            .collect();
        let mark = column_mark(&printed.iter().flatten().collect::<Vec<_>>());
        let explained: Vec<String> = self.footnotes.iter().map(|f| f.mark.clone()).collect();
        let rows = self.rows.len();
        for (index, printed) in printed.iter().enumerate() {
            let mut cell = read_cell(printed.as_ref(), kind, mark).cell;
            // Only a mark the text explains is a footnote (as when first read).
            cell.change_notes(|notes| {
                notes.footnote = notes.footnote.take().filter(|m| explained.contains(m));
            });
            let target = if index < rows {
                self.rows.get_mut(index)
            } else {
                self.total_row.as_mut()
            };
            if let Some(slot) = target.and_then(|r| r.get_mut(column)) {
                *slot = cell;
            }
        }
        self.settle();
    }

    /// The sums of the summed columns, the printed totals, and every disagreement.
    fn settle(&mut self) {
        let columns = &self.columns;
        self.totals = (0..columns.len())
            .map(|c| {
                columns[c]
                    .kind
                    .is_summed()
                    .then(|| sum_column(&self.rows, c))
                    .flatten()
            })
            .collect();
        self.printed_totals = vec![None; columns.len()];
        let mut checks = Vec::new();
        if let Some(total) = &self.total_row {
            for (c, cell) in total.iter().enumerate() {
                let Some(printed) = value_of(cell).filter(|_| columns[c].kind.is_summed()) else {
                    continue;
                };
                self.printed_totals[c] = Some(printed);
                if let Some(sum) = self.totals[c]
                    && sum != printed
                {
                    checks.push(format!(
                        "the printed total of column \"{}\" is {}, the rows add up to {}: left as printed",
                        columns[c].name,
                        shown(columns[c].kind, printed),
                        shown(columns[c].kind, sum)
                    ));
                }
            }
        }
        self.ratio_flags = ratio_checks(columns, &self.rows, self.total_row.as_ref());
        checks.extend(self.ratio_flags.iter().map(|(_, _, message)| message.clone()));
        let left_out = self
            .rows
            .iter()
            .flatten()
            .filter(|c| c.value.is_none() && c.printed().is_some())
            .count();
        if left_out > 0 {
            checks.push(format!(
                "{left_out} figure(s) that do not read are kept as printed and left out of the sums"
            ));
        }
        self.checks = checks;
    }
}

fn shown(kind: ValueKind, value: Decimal) -> String {
    match kind {
        ValueKind::Integer => format_decimal(value, 0),
        ValueKind::Percent => format!("{} %", format_decimal(value, 2)),
        _ => format_decimal(value, 2),
    }
}

/// A cell's number, whatever its kind.
fn value_of(cell: &Cell) -> Option<Decimal> {
    match cell.value.as_ref()? {
        CellValue::Money(amount) => Some(amount.amount()),
        CellValue::Integer(number) => Some(Decimal::from(*number)),
        CellValue::Percent(percent) => Some(*percent),
        CellValue::Text(_) | CellValue::Date(_) => None,
    }
}

/// The exact sum of a column's readable cells; `None` past the range of decimals.
fn sum_column(rows: &[Vec<Cell>], column: usize) -> Option<Decimal> {
    rows.iter()
        .filter_map(|r| r.get(column).and_then(value_of))
        .try_fold(Decimal::ZERO, Decimal::checked_add)
}

/// Half a unit of the last decimal a percentage is printed with: `45 %` is 44,5 to 45,5.
fn tolerance(percent: Decimal) -> Decimal {
    Decimal::new(5, percent.normalize().scale() + 1)
}

/// A percentage column that is the ratio of two others (`part / whole × 100`) is found
/// and every row checked against it; rows that disagree are said with both figures.
/// Returns, for each row that disagrees (`None` for the total row), the percentage
/// column and what to say.
fn ratio_checks(
    columns: &[DetectedColumn],
    rows: &[Vec<Cell>],
    total: Option<&Vec<Cell>>,
) -> Vec<(Option<usize>, usize, String)> {
    let mut found = Vec::new();
    let numeric: Vec<usize> = (0..columns.len())
        .filter(|&c| columns[c].kind.is_summed())
        .collect();
    for p in (0..columns.len()).filter(|&c| columns[c].kind == ValueKind::Percent) {
        let ratio = |row: &Vec<Cell>, part: usize, whole: usize| -> Option<(Decimal, Decimal)> {
            let printed = value_of(row.get(p)?)?;
            let part = value_of(row.get(part)?)?;
            let whole = value_of(row.get(whole)?)?;
            let computed = part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)?;
            Some((printed, computed))
        };
        let best = numeric
            .iter()
            .flat_map(|&a| numeric.iter().map(move |&b| (a, b)))
            .filter(|(a, b)| a != b)
            .map(|(a, b)| {
                let known: Vec<(Decimal, Decimal)> = rows.iter().filter_map(|r| ratio(r, a, b)).collect();
                let fits = known
                    .iter()
                    .filter(|(printed, computed)| (*printed - *computed).abs() <= tolerance(*printed))
                    .count();
                ((a, b), fits, known.len())
            })
            .max_by_key(|(_, fits, _)| *fits);
        let Some(((part, whole), fits, known)) = best else {
            continue;
        };
        // Recognised when most rows, and at least two, agree.
        if fits < 2 || fits * 4 < known * 3 {
            continue;
        }
        let all_rows = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r, Some(i)))
            .chain(total.map(|t| (t, None)));
        for (row, index) in all_rows {
            let Some((printed, computed)) = ratio(row, part, whole) else {
                continue;
            };
            if (printed - computed).abs() > tolerance(printed) {
                let label = row.iter().find_map(Cell::text).unwrap_or_default();
                let message = format!(
                    "{} \"{label}\": \"{}\" is printed as {}, but {} of {} is {}",
                    if index.is_none() { "the total row" } else { "row" },
                    columns[p].name,
                    shown(ValueKind::Percent, printed),
                    shown(columns[part].kind, value_of(&row[part]).unwrap_or_default()),
                    shown(columns[whole].kind, value_of(&row[whole]).unwrap_or_default()),
                    shown(ValueKind::Percent, computed.round_dp(2)),
                );
                found.push((index, p, message));
            }
        }
    }
    found
}

/// Column names from the header's cells. With one cell per column they are the names;
/// with a cell for each value column, the first holds the label column's name too
/// (`Project AMIF middelen in euro`); a header on one line is split at its capitals.
fn column_names(
    header: &[String],
    coded: bool,
    values: usize,
    warnings: &mut Warnings,
    line: Option<usize>,
) -> Vec<String> {
    let wanted = usize::from(coded) + 1 + values;
    let fit = |cells: &[String]| -> Option<Vec<String>> {
        let mut names: Vec<String> = Vec::new();
        if cells.len() == wanted {
            names.extend(cells.iter().cloned());
        } else if coded && cells.len() == wanted - 1 {
            names.push("Nr.".to_string());
            names.extend(cells.iter().cloned());
        } else if cells.len() == values && !cells.is_empty() {
            if coded {
                names.push("Nr.".to_string());
            }
            let (first, rest) = cells[0].split_once(' ')?;
            names.push(first.to_string());
            names.push(rest.to_string());
            names.extend(cells[1..].iter().cloned());
        } else {
            return None;
        }
        Some(names)
    };
    // A line of units under the names, `(miljoen euro) (miljoen euro)`: one for each of
    // the last columns.
    let (units, header): (Vec<&String>, Vec<String>) = {
        let (units, names): (Vec<&String>, Vec<&String>) = header.iter().partition(|cell| is_units(cell));
        (units, names.into_iter().cloned().collect())
    };
    let header = header.as_slice();
    let split_at_capitals: Vec<String> = header.iter().flat_map(|cell| split_capitals(cell)).collect();
    let mut names = fit(header)
        .or_else(|| fit(&split_at_capitals))
        .unwrap_or_else(|| {
            let mut names = Vec::new();
            if coded {
                names.push("Nr.".to_string());
            }
            names.push("Omschrijving".to_string());
            names.extend((1..=values).map(|c| format!("Kolom {c}")));
            names
        });
    let groups: Vec<String> = units.iter().flat_map(|u| unit_groups(u)).collect();
    let first = names.len().saturating_sub(groups.len());
    for (name, unit) in names[first..].iter_mut().zip(groups) {
        name.push(' ');
        name.push_str(&unit);
    }
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

/// Whether a header cell is only units in brackets, for several columns:
/// `(miljoen euro) (in %)`.
fn is_units(cell: &str) -> bool {
    unit_groups(cell).len() >= 2
}

/// The bracketed groups of a line of units.
fn unit_groups(cell: &str) -> Vec<String> {
    let mut groups = Vec::new();
    let mut rest = cell.trim();
    while let Some(open) = rest.strip_prefix('(') {
        let Some(close) = open.find(')') else { break };
        groups.push(format!("({})", &open[..close]));
        rest = open[close + 1..].trim_start();
    }
    if !rest.is_empty() {
        groups.clear();
    }
    groups
}

/// `Project Bedrag in euro Cofinanciering in euro` → Project, Bedrag in euro, …
fn split_capitals(cell: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in cell.split_whitespace() {
        match out.last_mut() {
            Some(last) if !word.chars().next().is_some_and(char::is_uppercase) => {
                last.push(' ');
                last.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
    }
    out
}

fn indicators(
    grid: &Grid,
    part: &str,
    warnings: &mut Warnings,
    line_of: &dyn Fn(usize) -> Option<usize>,
) -> Option<IndicatorRows> {
    let mut out = Vec::new();
    // An output column beside the type when most rows show two cells of text.
    let with_output = grid.rows.iter().filter(|r| r.cells.len() >= 2).count() * 2 >= grid.rows.len();
    for row in &grid.rows {
        let line = line_of(row.first);
        let (engagement_type, output) = match row.cells.split_last() {
            Some((output, types)) if !types.is_empty() => (collapse_spaces(&types.join(" ")), output.clone()),
            _ if !with_output => (row.label(), String::new()),
            _ => {
                let own = row.label();
                match split_type_output(&own) {
                    Some((t, o)) => {
                        warnings.add(
                            WarningKind::Guessed,
                            line,
                            format!("\"{own}\": read as the type \"{t}\" and the output \"{o}\"; check where one ends"),
                        );
                        (t, o)
                    }
                    None => {
                        warnings.add(
                            WarningKind::Guessed,
                            line,
                            format!("\"{own}\": no output could be told apart from the type"),
                        );
                        (own, String::new())
                    }
                }
            }
        };
        let number = |value: Option<&Option<Printed>>| super::cells::number(value?.as_ref()?);
        let (Some(target), Some(actual)) = (number(row.values.first()), number(row.values.get(1))) else {
            warnings.add(
                WarningKind::Ambiguous,
                line,
                format!("the figures of \"{}\" do not read: row left out", row.printed),
            );
            continue;
        };
        out.push(IndicatorRow {
            printed: row.printed.clone(),
            engagement_type,
            output,
            target,
            actual,
        });
    }
    if out.is_empty() {
        return None;
    }
    let header = collapse_spaces(&grid.header());
    let unit = header
        .split_whitespace()
        .skip_while(|w| !w.eq_ignore_ascii_case("aantal"))
        .nth(1)
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    let measured = header_date(&header).or_else(|| header_date(grid.caption.as_deref()?));
    if measured.is_none() {
        warnings.add(
            WarningKind::Unknown,
            None,
            "the table's header gives no date for the actual figures",
        );
    }
    Some(IndicatorRows {
        part: part.to_string(),
        unit,
        measured,
        target_total: checked_sum(out.iter().map(|r| r.target)),
        actual_total: checked_sum(out.iter().map(|r| r.actual)),
        rows: out,
        header,
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
        .map(|word| word.trim_end_matches([':', '.', ',', ';', ')']))
        .find_map(|word| match PartialDate::parse_typed(word) {
            Ok(date @ PartialDate::Day(_)) if word.contains('/') => Some(date),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn a_header_on_one_line_is_split_at_its_capitals() {
        let mut warnings = Warnings::default();
        let names = column_names(
            &["Project Bedrag in euro Cofinanciering in euro".into()],
            true,
            2,
            &mut warnings,
            None,
        );
        assert_eq!(
            names,
            ["Nr.", "Project", "Bedrag in euro", "Cofinanciering in euro"]
        );
    }

    #[test]
    fn indicator_tables_need_a_target_and_an_actual() {
        assert!(says_target_and_actual(
            "Type Output Beoogd aantal actoren Aantal actoren 31/ 12/ 2018"
        ));
        assert!(says_target_and_actual("Indicator Streefcijfer Realisatie 2022"));
        assert!(!says_target_and_actual("Jaar Aantal projecten Toegekende steun"));
    }
}
