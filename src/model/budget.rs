//! Tables of euro amounts with typed columns, exact totals, flags and footnotes.

use std::fmt;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ids::{ColumnId, IdAllocator, RowId, TableId};
use super::money::{Money, decimal_text};
use super::source::SourceRef;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    Text,
    Money,
    Integer,
    Date,
    /// A percentage, stored as the number of percent (`78.75` is 78,75 %).
    Percent,
}

impl ColumnKind {
    pub const ALL: [ColumnKind; 5] = [
        ColumnKind::Text,
        ColumnKind::Money,
        ColumnKind::Integer,
        ColumnKind::Date,
        ColumnKind::Percent,
    ];

    /// The key of a cell's value in a file, and the kind's name in messages.
    pub fn key(self) -> &'static str {
        match self {
            ColumnKind::Text => "text",
            ColumnKind::Money => "money",
            ColumnKind::Integer => "integer",
            ColumnKind::Date => "date",
            ColumnKind::Percent => "percent",
        }
    }

    /// Whether the column gets a total.
    pub fn is_summed(self) -> bool {
        matches!(self, ColumnKind::Money | ColumnKind::Integer)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub id: ColumnId,
    pub name: String,
    pub kind: ColumnKind,
}

/// The typed value of a cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellValue {
    Text(String),
    Money(Money),
    Integer(i64),
    Date(Date),
    Percent(Decimal),
}

impl CellValue {
    pub fn kind(&self) -> ColumnKind {
        match self {
            CellValue::Text(_) => ColumnKind::Text,
            CellValue::Money(_) => ColumnKind::Money,
            CellValue::Integer(_) => ColumnKind::Integer,
            CellValue::Date(_) => ColumnKind::Date,
            CellValue::Percent(_) => ColumnKind::Percent,
        }
    }
}

/// One cell. Empty (`value: None`) is not zero. A value read from a garbled source text
/// keeps that text as printed, with the reason as a flag; a footnote mark stays a mark.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    pub value: Option<CellValue>,
    /// What few cells have, kept apart so that a plain cell takes 32 bytes, not 96: a
    /// table of a million rows holds millions of cells at once. `None` when all three
    /// are.
    notes: Option<Box<CellNotes>>,
}

/// What a cell has besides its value, rarely.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CellNotes {
    /// The value as the source printed it, when that is garbled.
    pub printed: Option<String>,
    /// Why the value is doubtful.
    pub flag: Option<String>,
    pub footnote: Option<String>,
}

impl Cell {
    pub fn new(value: CellValue) -> Cell {
        Cell {
            value: Some(value),
            notes: None,
        }
    }

    /// This cell with another value: its printed text, flag and footnote mark stay.
    pub fn with_value(&self, value: Option<CellValue>) -> Cell {
        Cell {
            value,
            notes: self.notes.clone(),
        }
    }

    /// A cell with its value and notes, any of them absent.
    pub fn with_notes(value: Option<CellValue>, notes: CellNotes) -> Cell {
        let mut cell = Cell { value, notes: None };
        cell.set_notes(notes);
        cell
    }

    pub fn printed(&self) -> Option<&str> {
        self.notes.as_ref()?.printed.as_deref()
    }

    pub fn flag(&self) -> Option<&str> {
        self.notes.as_ref()?.flag.as_deref()
    }

    pub fn footnote(&self) -> Option<&str> {
        self.notes.as_ref()?.footnote.as_deref()
    }

    /// The notes, all absent if there are none.
    pub fn notes(&self) -> CellNotes {
        self.notes.as_deref().cloned().unwrap_or_default()
    }

    pub fn set_notes(&mut self, notes: CellNotes) {
        let none = notes.printed.is_none() && notes.flag.is_none() && notes.footnote.is_none();
        self.notes = (!none).then(|| Box::new(notes));
    }

    /// Changes the notes through `change`; a cell left without any keeps no box.
    pub fn change_notes(&mut self, change: impl FnOnce(&mut CellNotes)) {
        let mut notes = self.notes();
        change(&mut notes);
        self.set_notes(notes);
    }

    /// The value as the grid and the reports show it: amounts in Belgian notation,
    /// percentages with two decimals; empty when unknown.
    pub fn shown_text(&self) -> String {
        match &self.value {
            None => String::new(),
            Some(CellValue::Percent(percent)) => format!("{} %", super::money::format_decimal(*percent, 2)),
            Some(value) => value.typed_text(),
        }
    }

    pub fn money(&self) -> Option<Money> {
        match self.value {
            Some(CellValue::Money(amount)) => Some(amount),
            _ => None,
        }
    }

    pub fn text(&self) -> Option<&str> {
        match &self.value {
            Some(CellValue::Text(text)) => Some(text),
            _ => None,
        }
    }

    fn is_bare(&self) -> bool {
        self.value.is_none() && self.notes.is_none()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub id: RowId,
    /// One cell per column, in the columns' order.
    #[serde(deserialize_with = "exactly")]
    pub cells: Vec<Cell>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    pub mark: String,
    pub text: String,
}

/// A fixed budget that the rows draw on, such as "1.500.000 euro for 3 years". What is
/// left is the budget less the total of one money column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    pub label: String,
    pub amount: Money,
    /// The money column whose total is taken from the budget.
    pub drawn_by: ColumnId,
    /// The name of what is left: "Nog niet uitbetaald".
    pub remainder_label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetTable {
    pub id: TableId,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub columns: Vec<Column>,
    #[serde(deserialize_with = "exactly")]
    pub rows: Vec<Row>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<Footnote>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope: Option<Envelope>,
    /// Columns worked out from others, shown after them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub computed: Vec<ComputedColumn>,
    /// Totals as the source prints them, checked against the rows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reported_totals: Vec<ReportedTotal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

/// A column worked out from others for every row; nothing of it is stored per row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComputedColumn {
    pub id: ColumnId,
    pub name: String,
    pub formula: Formula,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Formula {
    /// The sum of these money columns in the row; unknown when one of them is empty.
    Sum(Vec<ColumnId>),
    /// The row's share of the column's total, in percent.
    Share(ColumnId),
}

/// A total as the source prints it. When the rows sum to something else, the difference
/// is shown; the printed figure is never corrected.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportedTotal {
    pub column: ColumnId,
    pub amount: Money,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

/// The exact sum of a money or integer column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TotalValue {
    Money(Money),
    Integer(i128),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColumnTotal {
    pub value: TotalValue,
    /// How many cells held a value.
    pub filled: usize,
    /// How many were empty: unknown, not zero.
    pub empty: usize,
}

impl ColumnTotal {
    /// The total after one cell of the column went from `before` to `after`, without
    /// adding up the column again. `None` when the sum leaves the range of exact decimals.
    pub fn with_cell_replaced(
        self,
        before: Option<&CellValue>,
        after: Option<&CellValue>,
    ) -> Option<ColumnTotal> {
        let filled = self.filled.checked_sub(usize::from(before.is_some()))? + usize::from(after.is_some());
        let empty = (self.empty + usize::from(before.is_some())).checked_sub(usize::from(after.is_some()))?;
        let value = match self.value {
            TotalValue::Money(total) => {
                let money = |value: Option<&CellValue>| match value {
                    Some(CellValue::Money(amount)) => *amount,
                    _ => Money::ZERO,
                };
                TotalValue::Money(total.checked_sub(money(before))?.checked_add(money(after))?)
            }
            TotalValue::Integer(total) => {
                let integer = |value: Option<&CellValue>| match value {
                    Some(CellValue::Integer(number)) => i128::from(*number),
                    _ => 0,
                };
                TotalValue::Integer(total.checked_sub(integer(before))?.checked_add(integer(after))?)
            }
        };
        Some(ColumnTotal { value, filled, empty })
    }
}

impl BudgetTable {
    pub fn column_index(&self, id: ColumnId) -> Option<usize> {
        self.columns.iter().position(|column| column.id == id)
    }

    /// The exact total of a money or integer column; `None` for other kinds, or if the
    /// sum leaves the range of exact decimals.
    pub fn total(&self, column: usize) -> Option<ColumnTotal> {
        total_of(self.rows.iter(), column, self.columns.get(column)?.kind)
    }

    /// The money total of a column, if it is a money column.
    pub fn money_total(&self, column: ColumnId) -> Option<Money> {
        match self.total(self.column_index(column)?)?.value {
            TotalValue::Money(amount) => Some(amount),
            TotalValue::Integer(_) => None,
        }
    }

    /// The value of a computed column in a row: an amount for a sum, a percentage for a
    /// share. `None` when an operand is empty or the total is zero.
    pub fn computed_value(
        &self,
        row: &Row,
        formula: &Formula,
        totals: &[Option<ColumnTotal>],
    ) -> Option<Decimal> {
        match formula {
            Formula::Sum(columns) => columns.iter().try_fold(Decimal::ZERO, |sum, column| {
                let amount = row.cells.get(self.column_index(*column)?)?.money()?;
                sum.checked_add(amount.amount())
            }),
            Formula::Share(column) => {
                let index = self.column_index(*column)?;
                let amount = row.cells.get(index)?.money()?;
                let total = match totals.get(index)?.as_ref()?.value {
                    TotalValue::Money(total) => total,
                    TotalValue::Integer(_) => return None,
                };
                amount
                    .amount()
                    .checked_mul(Decimal::ONE_HUNDRED)?
                    .checked_div(total.amount())
            }
        }
    }

    /// The total of a computed column: the sum of the rows where it is known.
    pub fn computed_total(&self, formula: &Formula, totals: &[Option<ColumnTotal>]) -> Option<Decimal> {
        self.rows
            .iter()
            .filter_map(|row| self.computed_value(row, formula, totals))
            .try_fold(Decimal::ZERO, |sum, value| sum.checked_add(value))
    }

    /// A printed total or sum of a column as the table shows it: a whole-number column's
    /// without cents (`120`), an amount's in Belgian notation (`1.256.620,40`).
    pub fn total_text(&self, column: ColumnId, amount: Money) -> String {
        match self.column_index(column).map(|index| self.columns[index].kind) {
            Some(ColumnKind::Integer) => super::money::format_decimal(amount.amount(), 0),
            _ => amount.to_belgian(),
        }
    }

    /// Printed totals that differ from the sum of the rows, with that sum.
    pub fn discrepancies(&self) -> Vec<(&ReportedTotal, Money)> {
        let totals: Vec<Option<ColumnTotal>> =
            (0..self.columns.len()).map(|index| self.total(index)).collect();
        self.discrepancies_with(&totals)
    }

    /// As [`BudgetTable::discrepancies`], with the column totals already worked out.
    pub fn discrepancies_with(&self, totals: &[Option<ColumnTotal>]) -> Vec<(&ReportedTotal, Money)> {
        self.reported_totals
            .iter()
            .filter_map(|reported| {
                let index = self.column_index(reported.column)?;
                let sum = match totals.get(index)?.as_ref()?.value {
                    TotalValue::Money(amount) => amount,
                    TotalValue::Integer(count) => Money::new(Decimal::from_i128_with_scale(count, 0)).ok()?,
                };
                (sum != reported.amount).then_some((reported, sum))
            })
            .collect()
    }

    /// Whether a computed column reads this column.
    pub fn formula_reads(formula: &Formula, column: ColumnId) -> bool {
        match formula {
            Formula::Sum(columns) => columns.contains(&column),
            Formula::Share(share) => *share == column,
        }
    }

    /// A copy with fresh ids (the table, its columns and rows, its computed columns),
    /// with every reference inside it moved to the new ids.
    pub fn duplicate(&self, ids: &IdAllocator, title: String) -> BudgetTable {
        let fresh = || ids.next();
        let id = TableId(fresh());
        let moved: std::collections::HashMap<ColumnId, ColumnId> =
            self.columns.iter().map(|c| (c.id, ColumnId(fresh()))).collect();
        let map = |column: ColumnId| moved.get(&column).copied().unwrap_or(column);
        BudgetTable {
            id,
            title,
            columns: self
                .columns
                .iter()
                .map(|c| Column {
                    id: map(c.id),
                    ..c.clone()
                })
                .collect(),
            rows: self
                .rows
                .iter()
                .map(|r| Row {
                    id: RowId(fresh()),
                    ..r.clone()
                })
                .collect(),
            envelope: self.envelope.as_ref().map(|e| Envelope {
                drawn_by: map(e.drawn_by),
                ..e.clone()
            }),
            computed: self
                .computed
                .iter()
                .map(|c| ComputedColumn {
                    id: ColumnId(fresh()),
                    name: c.name.clone(),
                    formula: match &c.formula {
                        Formula::Sum(columns) => Formula::Sum(columns.iter().map(|c| map(*c)).collect()),
                        Formula::Share(column) => Formula::Share(map(*column)),
                    },
                })
                .collect(),
            reported_totals: self
                .reported_totals
                .iter()
                .map(|t| ReportedTotal {
                    column: map(t.column),
                    ..t.clone()
                })
                .collect(),
            ..self.clone()
        }
    }

    /// What is left of the table's budget, if it has one.
    pub fn remainder(&self) -> Option<Money> {
        let envelope = self.envelope.as_ref()?;
        envelope.amount.checked_sub(self.money_total(envelope.drawn_by)?)
    }
}

/// The exact total of one column over some rows: for a subtotal as for the whole table.
pub fn total_of<'a>(
    rows: impl Iterator<Item = &'a Row> + Clone,
    column: usize,
    kind: ColumnKind,
) -> Option<ColumnTotal> {
    let values = rows
        .clone()
        .filter_map(|row| row.cells.get(column)?.value.as_ref());
    let filled = values.clone().count();
    let empty = rows.count() - filled;
    let value = match kind {
        ColumnKind::Money => TotalValue::Money(Money::sum(values.filter_map(|value| match value {
            CellValue::Money(amount) => Some(*amount),
            _ => None,
        }))?),
        ColumnKind::Integer => TotalValue::Integer(
            values
                .filter_map(|value| match value {
                    CellValue::Integer(number) => Some(i128::from(*number)),
                    _ => None,
                })
                .sum(),
        ),
        ColumnKind::Text | ColumnKind::Date | ColumnKind::Percent => return None,
    };
    Some(ColumnTotal { value, filled, empty })
}

impl CellValue {
    /// The value as a person types it back: Belgian amounts, dates as 26/02/2019.
    pub fn typed_text(&self) -> String {
        match self {
            CellValue::Text(text) => text.clone(),
            CellValue::Money(amount) => amount.to_belgian(),
            CellValue::Integer(number) => number.to_string(),
            CellValue::Date(date) => super::calendar::format_day_short(*date),
            CellValue::Percent(percent) => super::money::format_decimal(*percent, percent.scale().max(2)),
        }
    }

    /// Reads what a person typed into a column of this kind. Empty text is an empty cell.
    pub fn parse(text: &str, kind: ColumnKind) -> Result<Option<CellValue>, String> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Ok(None);
        }
        let value = match kind {
            ColumnKind::Text => CellValue::Text(trimmed.to_string()),
            ColumnKind::Money => CellValue::Money(Money::parse(trimmed).map_err(|e| e.to_string())?),
            ColumnKind::Integer => {
                let number = super::money::parse_number(trimmed, 0).map_err(|e| e.to_string())?;
                CellValue::Integer(i64::try_from(number).map_err(|_| "the number is too large".to_string())?)
            }
            ColumnKind::Percent => {
                let number = trimmed.strip_suffix('%').unwrap_or(trimmed);
                CellValue::Percent(super::money::parse_number(number, 6).map_err(|e| e.to_string())?)
            }
            ColumnKind::Date => match super::calendar::PartialDate::parse_typed(trimmed) {
                Ok(super::calendar::PartialDate::Day(date)) => CellValue::Date(date),
                Ok(_) => return Err("a date cell holds a day, such as 26/02/2019".to_string()),
                Err(error) => return Err(error.to_string()),
            },
        };
        Ok(Some(value))
    }
}

/// The cell as a column of kind `to` holds it. `Err` carries the cell that results
/// when the value cannot be held: empty, with the old value kept as text and a flag.
pub fn convert_cell(cell: &Cell, to: ColumnKind) -> Result<Cell, Cell> {
    let Some(value) = &cell.value else {
        return Ok(cell.clone());
    };
    if value.kind() == to {
        return Ok(cell.clone());
    }
    let text = value.typed_text();
    let converted = match (value, to) {
        (_, ColumnKind::Text) => Some(CellValue::Text(text.clone())),
        (CellValue::Integer(number), ColumnKind::Money) => {
            Money::new(Decimal::from(*number)).ok().map(CellValue::Money)
        }
        (CellValue::Integer(number), ColumnKind::Percent) => Some(CellValue::Percent(Decimal::from(*number))),
        (CellValue::Money(amount), ColumnKind::Integer) if amount.amount().fract().is_zero() => {
            i64::try_from(amount.amount()).ok().map(CellValue::Integer)
        }
        (CellValue::Money(amount), ColumnKind::Percent) => Some(CellValue::Percent(amount.amount())),
        (CellValue::Percent(percent), ColumnKind::Money) => Money::new(*percent).ok().map(CellValue::Money),
        (CellValue::Percent(percent), ColumnKind::Integer) if percent.fract().is_zero() => {
            i64::try_from(*percent).ok().map(CellValue::Integer)
        }
        (CellValue::Text(text), kind) => CellValue::parse(text, kind).ok().flatten(),
        _ => None,
    };
    match converted {
        Some(value) => Ok(cell.with_value(Some(value))),
        None => Err(Cell::with_notes(
            None,
            CellNotes {
                printed: Some(cell.printed().map_or_else(|| text.clone(), str::to_string)),
                flag: Some(format!(
                    "\"{text}\" could not be read as {} when the column changed kind",
                    to.key()
                )),
                footnote: cell.footnote().map(str::to_string),
            },
        )),
    }
}

impl Serialize for Cell {
    /// A bare empty cell is `null`; otherwise a map with the value under its kind's key
    /// (`{"money": "767010.64", "printed": "767.010?64", "flag": "…"}`).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.is_bare() {
            return serializer.serialize_none();
        }
        let mut map = serializer.serialize_map(None)?;
        match &self.value {
            None => {}
            Some(CellValue::Text(text)) => map.serialize_entry("text", text)?,
            Some(CellValue::Money(amount)) => map.serialize_entry("money", amount)?,
            Some(CellValue::Integer(number)) => map.serialize_entry("integer", number)?,
            Some(CellValue::Date(date)) => map.serialize_entry("date", date)?,
            Some(CellValue::Percent(percent)) => {
                map.serialize_entry("percent", &percent.to_string())?;
            }
        }
        for (key, value) in [
            ("printed", self.printed()),
            ("flag", self.flag()),
            ("footnote", self.footnote()),
        ] {
            if let Some(value) = value {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

/// A list read whole, then cut to its length. A file gives no count ahead, so a list
/// grows as it is read and keeps up to as much room again as it uses: for a table of a
/// million rows, hundreds of megabytes held for nothing.
fn exactly<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
    let mut list = Vec::<T>::deserialize(deserializer)?;
    list.shrink_to_fit();
    Ok(list)
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Cell, D::Error> {
        deserializer.deserialize_any(CellVisitor)
    }
}

const CELL_FIELDS: &[&str] = &[
    "text", "money", "integer", "date", "percent", "printed", "flag", "footnote",
];

struct CellVisitor;

#[derive(Deserialize)]
struct PercentText(#[serde(with = "decimal_text")] Decimal);

impl<'de> Visitor<'de> for CellVisitor {
    type Value = Cell;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a cell: null, or a map like {\"money\": \"1358559.42\"}")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Cell, E> {
        Ok(Cell::default())
    }

    fn visit_none<E: de::Error>(self) -> Result<Cell, E> {
        Ok(Cell::default())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Cell, A::Error> {
        let mut cell = Cell::default();
        let mut notes = CellNotes::default();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            let value = match key.as_ref() {
                "text" => Some(CellValue::Text(map.next_value()?)),
                "money" => Some(CellValue::Money(map.next_value()?)),
                "integer" => Some(CellValue::Integer(map.next_value()?)),
                "date" => Some(CellValue::Date(map.next_value()?)),
                "percent" => Some(CellValue::Percent(map.next_value::<PercentText>()?.0)),
                "printed" => {
                    notes.printed = Some(map.next_value()?);
                    None
                }
                "flag" => {
                    notes.flag = Some(map.next_value()?);
                    None
                }
                "footnote" => {
                    notes.footnote = Some(map.next_value()?);
                    None
                }
                other => return Err(de::Error::unknown_field(other, CELL_FIELDS)),
            };
            if let Some(value) = value {
                if let Some(earlier) = &cell.value {
                    return Err(de::Error::custom(format!(
                        "a cell holds one value, but this one has both {} and {}",
                        earlier.kind().key(),
                        value.kind().key()
                    )));
                }
                cell.value = Some(value);
            }
        }
        cell.set_notes(notes);
        Ok(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell_json(cell: &Cell) -> String {
        serde_json::to_string(cell).unwrap()
    }

    #[test]
    fn cells_round_trip_with_flags_and_footnotes() {
        let flagged = Cell::with_notes(
            Some(CellValue::Money(Money::parse_plain("767010.64").unwrap())),
            CellNotes {
                printed: Some("767.010?64".into()),
                flag: Some("garbled".into()),
                footnote: None,
            },
        );
        let json = cell_json(&flagged);
        assert_eq!(
            json,
            r#"{"money":"767010.64","printed":"767.010?64","flag":"garbled"}"#
        );
        assert_eq!(serde_json::from_str::<Cell>(&json).unwrap(), flagged);
        assert_eq!(cell_json(&Cell::default()), "null");
        assert_eq!(serde_json::from_str::<Cell>("null").unwrap(), Cell::default());
        assert_eq!(serde_json::from_str::<Cell>("{}").unwrap(), Cell::default());
        let percent = Cell::new(CellValue::Percent(Decimal::new(7875, 2)));
        assert_eq!(
            serde_json::from_str::<Cell>(&cell_json(&percent)).unwrap(),
            percent
        );
    }

    #[test]
    fn a_cell_with_two_values_or_a_bad_amount_is_refused() {
        let both = serde_json::from_str::<Cell>(r#"{"money": "1.00", "text": "x"}"#).unwrap_err();
        assert!(both.to_string().contains("both money and text"), "{both}");
        let bad = serde_json::from_str::<Cell>(r#"{"money": "12,3,4"}"#).unwrap_err();
        assert!(bad.to_string().contains("invalid amount \"12,3,4\""), "{bad}");
        let unknown = serde_json::from_str::<Cell>(r#"{"euro": "1"}"#).unwrap_err();
        assert!(unknown.to_string().contains("unknown field `euro`"), "{unknown}");
    }

    #[test]
    fn totals_are_exact_and_count_empty_cells_apart() {
        let money = |text: &str| Cell::new(CellValue::Money(Money::parse_plain(text).unwrap()));
        let table = BudgetTable {
            id: TableId(1),
            title: "t".into(),
            description: String::new(),
            columns: vec![
                Column {
                    id: ColumnId(2),
                    name: "budget".into(),
                    kind: ColumnKind::Money,
                },
                Column {
                    id: ColumnId(3),
                    name: "paid".into(),
                    kind: ColumnKind::Money,
                },
                Column {
                    id: ColumnId(4),
                    name: "count".into(),
                    kind: ColumnKind::Integer,
                },
            ],
            rows: vec![
                Row {
                    id: RowId(5),
                    cells: vec![money("0.10"), money("0.05"), Cell::new(CellValue::Integer(2))],
                    source: None,
                },
                Row {
                    id: RowId(6),
                    cells: vec![money("0.20"), Cell::default(), Cell::new(CellValue::Integer(-7))],
                    source: None,
                },
            ],
            footnotes: vec![],
            envelope: Some(Envelope {
                label: "budget".into(),
                amount: Money::from_euro(1),
                drawn_by: ColumnId(3),
                remainder_label: "left".into(),
                source: None,
            }),
            computed: vec![],
            reported_totals: vec![],
            source: None,
        };
        let paid = table.total(1).unwrap();
        assert_eq!(paid.value, TotalValue::Money(Money::parse_plain("0.05").unwrap()));
        assert_eq!((paid.filled, paid.empty), (1, 1));
        assert_eq!(table.total(2).unwrap().value, TotalValue::Integer(-5));
        assert_eq!(table.remainder(), Some(Money::parse_plain("0.95").unwrap()));
    }
}
