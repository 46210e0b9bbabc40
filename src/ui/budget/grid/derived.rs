//! What the grid works out from a table once per version, sort and grouping: the lines
//! in order, subtotals, totals, column widths. A large table's are worked out off the
//! frame (100 000 rows take tens of milliseconds); the widths, measured with the
//! window's fonts, on it.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::Arc;

use egui::Ui;
use rust_decimal::Decimal;

use crate::i18n::Texts;
use crate::model::Money;
use crate::model::budget::{
    BudgetTable, Cell, CellValue, ColumnKind, ColumnTotal, Formula, Row, TotalValue, total_of,
};
use crate::model::dossier::{ColumnId, RowId, TableId};
use crate::model::money::format_decimal;
use crate::ui::ViewContext;
use crate::ui::memo::{DerivedKey, Memo};
use crate::ui::widgets::measured_width;
use crate::ui::work::{Job, Progress};
use crate::ui::worked_out::{Polled, poll_job};

use super::{CellRef, Line, Shown, SortKey};

/// The table, sort and grouping the figures are for.
type Own = (TableId, Option<SortKey>, Option<ColumnId>);

/// Worked out once per table version, sort and grouping.
#[derive(Debug, Default)]
pub struct Derived {
    made_for: Memo<Own>,
    /// How many rows, columns and computed columns the table had: earlier figures of the
    /// same shape still point at rows that are there.
    shape: Option<(TableId, usize, usize, usize)>,
    /// Everything but the widths: worked out on a thread for a large table.
    pub figures: Figures,
    /// Per shown column; `None` takes the remaining width.
    pub widths: Vec<Option<f32>>,
    /// Figures being worked out off the frame, and what for.
    coming: Option<((DerivedKey, Own), Job<Figures>)>,
}

/// What the grid works out of the table, all but the widths (measured with the window's
/// fonts).
#[derive(Debug, Default)]
pub struct Figures {
    pub totals: Vec<Option<ColumnTotal>>,
    pub computed_totals: Vec<Option<Decimal>>,
    pub lines: Vec<Line>,
    /// Where each row stands among the lines.
    pub line_of: HashMap<RowId, usize>,
    pub shown: Vec<Shown>,
    /// Printed totals that differ from the sum of the rows: column, printed, sum.
    pub discrepancies: Vec<(ColumnId, Money, Money)>,
}

/// What the grid has to draw with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freshness {
    /// Made for the table as it is now.
    Fresh,
    /// Made for an earlier state of the same shape, while the fresh ones are worked out.
    Earlier,
    /// Nothing for this table yet.
    Coming,
}

/// How many rows are measured for column widths.
const MEASURED_ROWS: usize = 500;

/// Tables up to this many rows are worked out on the frame (a few milliseconds): a
/// thread would only make the grid wait a frame.
const ON_THE_FRAME: usize = 5_000;

impl Derived {
    /// Brings the figures up to the view's table, sort and grouping: on the frame for
    /// a small table or an edit of one cell, else on a thread while the frame draws with
    /// what it has.
    pub fn refresh(
        &mut self,
        ui: &Ui,
        view: &ViewContext<'_>,
        table: &BudgetTable,
        sort: Option<SortKey>,
        group: Option<ColumnId>,
    ) -> Freshness {
        let key = (table.id, sort, group);
        if self.made_for.is_fresh(view, &key) {
            self.coming = None;
            return Freshness::Fresh;
        }
        if self.update_for_one_cell(ui, view, table, sort, group) {
            self.made_for.remember(view, key);
            self.coming = None;
            return Freshness::Fresh;
        }
        let figures = if table.rows.len() <= ON_THE_FRAME {
            self.coming = None;
            Figures::work_out(table, sort, group)
        } else {
            match self.figures_off_the_frame(ui.ctx(), view, key) {
                Some(figures) => figures,
                None if self.shape == Some(shape_of(table)) => return Freshness::Earlier,
                None => return Freshness::Coming,
            }
        };
        self.figures = figures;
        self.widths = widths(ui, view.texts, table, &self.figures.totals, &self.figures.shown);
        self.shape = Some(shape_of(table));
        self.made_for.remember(view, key);
        Freshness::Fresh
    }

    /// Whether figures are being worked out off the frame.
    pub fn is_coming(&self) -> bool {
        self.coming.is_some()
    }

    /// The figures for `own` once their thread is done, waiting a moment for them.
    fn figures_off_the_frame(
        &mut self,
        ctx: &egui::Context,
        view: &ViewContext<'_>,
        own: Own,
    ) -> Option<Figures> {
        let dossier = Arc::clone(view.shared);
        let (table, sort, group) = own;
        let work = move |_: &Progress| {
            let table = dossier.budget_tables.iter().find(|t| t.id == table);
            table
                .map(|table| Figures::work_out(table, sort, group))
                .unwrap_or_default()
        };
        match poll_job(&mut self.coming, ctx, (DerivedKey::of(view), own), work) {
            Polled::Done(figures) => Some(figures),
            // Still coming; or a bug in the work: nothing to draw with, and no frame
            // asked for again.
            Polled::Running | Polled::Failed => None,
        }
    }

    /// After an edit, undo or redo of one cell that leaves the order of the lines as it
    /// was, updates the totals by the difference instead of adding up the whole table:
    /// an edit in a 100 000-row table then costs what one row does. `false` when the
    /// figures must be worked out again.
    fn update_for_one_cell(
        &mut self,
        ui: &Ui,
        view: &ViewContext<'_>,
        table: &BudgetTable,
        sort: Option<SortKey>,
        group: Option<ColumnId>,
    ) -> bool {
        let (Some((made_for, (table_id, old_sort, old_group))), Some(change)) =
            (self.made_for.made_for(), view.last_cell_change)
        else {
            return false;
        };
        let version = made_for.version;
        let follows = (made_for.language, made_for.today, made_for.presenting)
            == (view.language, view.today, view.presenting)
            && version.document == view.version.document
            && version.revision == change.from
            && view.version.revision == change.to
            && (*table_id, *old_sort, *old_group) == (table.id, sort, group)
            && change.table == table.id;
        let (Some(column), Some(row)) = (table.column_index(change.column), self.row_index(change.row))
        else {
            return false;
        };
        let reads_edited = |shown: Shown| match shown {
            Shown::Data(index) => index == column,
            Shown::Computed(index) => table
                .computed
                .get(index)
                .is_none_or(|computed| BudgetTable::formula_reads(&computed.formula, change.column)),
        };
        if !follows || sort.is_some_and(|sort| reads_edited(sort.column)) || group == Some(change.column) {
            return false;
        }
        let (before, after) = (change.before.value.as_ref(), change.after.value.as_ref());
        // Nothing is changed until every figure is known to update; else all are redone.
        let replaced = |total: Option<ColumnTotal>| match total {
            Some(total) => total.with_cell_replaced(before, after).map(Some),
            // A sum out of range has no shortcut; a column that is not summed has no total.
            None if table.columns[column].kind.is_summed() => None,
            None => Some(None),
        };
        let Some(total) = self.figures.totals.get(column).copied().and_then(replaced) else {
            return false;
        };
        let line = self
            .figures
            .line_of
            .get(&change.row)
            .copied()
            .unwrap_or(usize::MAX);
        let subtotal_line = self
            .figures
            .lines
            .iter()
            .enumerate()
            .skip(line)
            .find(|(_, line)| matches!(line, Line::Subtotal { .. }))
            .map(|(at, _)| at);
        let subtotal = match subtotal_line.and_then(|at| self.figures.lines.get(at)) {
            Some(Line::Subtotal { totals, .. }) => match totals.get(column).copied().and_then(replaced) {
                Some(subtotal) => Some(subtotal),
                None => return false,
            },
            _ => None,
        };
        let Some(edited_row) = table.rows.get(row) else {
            return false;
        };
        let mut row_before = edited_row.clone();
        if let Some(cell) = row_before.cells.get_mut(column) {
            cell.clone_from(&change.before);
        }
        let mut totals = self.figures.totals.clone();
        totals[column] = total;
        let mut computed_totals = self.figures.computed_totals.clone();
        for (index, computed) in table.computed.iter().enumerate() {
            if !BudgetTable::formula_reads(&computed.formula, change.column) {
                continue;
            }
            computed_totals[index] = match &computed.formula {
                Formula::Sum(_) => {
                    let value = |row: &Row| table.computed_value(row, &computed.formula, &totals);
                    let updated = computed_totals[index].and_then(|sum| {
                        sum.checked_sub(value(&row_before).unwrap_or_default())?
                            .checked_add(value(edited_row).unwrap_or_default())
                    });
                    match updated {
                        Some(sum) => Some(sum),
                        None => return false,
                    }
                }
                // Every row's share moves with the column's total.
                Formula::Share(_) => table.computed_total(&computed.formula, &totals),
            };
        }
        if let (Some(at), Some(subtotal)) = (subtotal_line, subtotal)
            && let Some(Line::Subtotal { totals, .. }) = self.figures.lines.get_mut(at)
        {
            totals[column] = subtotal;
        }
        self.figures.totals = totals;
        self.figures.computed_totals = computed_totals;
        // The edited value or the new total may be wider than what was measured.
        self.widths = widths(ui, view.texts, table, &self.figures.totals, &self.figures.shown);
        self.figures.discrepancies = discrepancies(table, &self.figures.totals);
        true
    }

    /// The row under a line, if it is a data line.
    pub fn row_at(&self, line: usize) -> Option<usize> {
        match self.figures.lines.get(line)? {
            Line::Data(index) => Some(*index),
            _ => None,
        }
    }

    /// The position in the table of the row with this id.
    pub fn row_index(&self, id: RowId) -> Option<usize> {
        self.row_at(*self.figures.line_of.get(&id)?)
    }

    pub fn line_of_cell(&self, cell: CellRef) -> usize {
        cell.row
            .and_then(|id| self.figures.line_of.get(&id).copied())
            .unwrap_or(self.figures.lines.len().saturating_sub(1))
    }
}

fn shape_of(table: &BudgetTable) -> (TableId, usize, usize, usize) {
    (
        table.id,
        table.rows.len(),
        table.columns.len(),
        table.computed.len(),
    )
}

impl Figures {
    fn work_out(table: &BudgetTable, sort: Option<SortKey>, group: Option<ColumnId>) -> Figures {
        let totals: Vec<Option<ColumnTotal>> =
            (0..table.columns.len()).map(|index| table.total(index)).collect();
        let computed_totals = table
            .computed
            .iter()
            .map(|c| table.computed_total(&c.formula, &totals))
            .collect();
        let shown = (0..table.columns.len())
            .map(Shown::Data)
            .chain((0..table.computed.len()).map(Shown::Computed))
            .collect();
        let mut order: Vec<usize> = (0..table.rows.len()).collect();
        if let Some(sort) = sort {
            order.sort_by(|a, b| {
                let ordering = compare(table, &totals, sort.column, &table.rows[*a], &table.rows[*b]);
                match ordering {
                    // Empty cells stay last whichever way the column is sorted.
                    Some(ordering) if sort.descending => ordering.reverse(),
                    Some(ordering) => ordering,
                    None => empty_last(table, &totals, sort.column, &table.rows[*a], &table.rows[*b]),
                }
            });
        }
        let mut lines = match group.and_then(|id| table.column_index(id)) {
            Some(column) => grouped(table, &order, column),
            None => order.into_iter().map(Line::Data).collect(),
        };
        lines.push(Line::Total);
        let line_of = lines
            .iter()
            .enumerate()
            .filter_map(|(at, line)| match line {
                Line::Data(index) => Some((table.rows[*index].id, at)),
                _ => None,
            })
            .collect();
        let discrepancies = discrepancies(table, &totals);
        Figures {
            totals,
            computed_totals,
            lines,
            line_of,
            shown,
            discrepancies,
        }
    }
}

fn discrepancies(table: &BudgetTable, totals: &[Option<ColumnTotal>]) -> Vec<(ColumnId, Money, Money)> {
    table
        .discrepancies_with(totals)
        .into_iter()
        .map(|(reported, sum)| (reported.column, reported.amount, sum))
        .collect()
}

fn sort_value(
    table: &BudgetTable,
    totals: &[Option<ColumnTotal>],
    column: Shown,
    row: &Row,
) -> Option<SortValue> {
    match column {
        Shown::Data(index) => row.cells.get(index)?.value.as_ref().map(|value| match value {
            CellValue::Text(text) => SortValue::Text(text.to_lowercase()),
            CellValue::Money(amount) => SortValue::Number(amount.amount()),
            CellValue::Integer(number) => SortValue::Number(Decimal::from(*number)),
            CellValue::Percent(percent) => SortValue::Number(*percent),
            CellValue::Date(date) => SortValue::Date(*date),
        }),
        Shown::Computed(index) => {
            let formula = &table.computed.get(index)?.formula;
            table.computed_value(row, formula, totals).map(SortValue::Number)
        }
    }
}

#[derive(PartialEq, PartialOrd)]
enum SortValue {
    Number(Decimal),
    Date(jiff::civil::Date),
    Text(String),
}

/// Both values known: their order. Otherwise `None`.
fn compare(
    table: &BudgetTable,
    totals: &[Option<ColumnTotal>],
    column: Shown,
    a: &Row,
    b: &Row,
) -> Option<Ordering> {
    let (a, b) = (
        sort_value(table, totals, column, a)?,
        sort_value(table, totals, column, b)?,
    );
    a.partial_cmp(&b)
}

fn empty_last(
    table: &BudgetTable,
    totals: &[Option<ColumnTotal>],
    column: Shown,
    a: &Row,
    b: &Row,
) -> Ordering {
    let known = |row| sort_value(table, totals, column, row).is_some();
    known(b).cmp(&known(a))
}

/// Rows gathered by the value of a text column, each group followed by its subtotals.
fn grouped(table: &BudgetTable, order: &[usize], column: usize) -> Vec<Line> {
    let key = |index: &usize| {
        table.rows[*index]
            .cells
            .get(column)
            .and_then(|cell| cell.value.as_ref())
            .map(CellValue::typed_text)
            .unwrap_or_default()
    };
    // By name, so that 100 000 rows in thousands of groups are grouped in one pass.
    let mut groups: std::collections::BTreeMap<String, Vec<usize>> = std::collections::BTreeMap::new();
    for index in order {
        groups.entry(key(index)).or_default().push(*index);
    }
    let mut lines = Vec::with_capacity(order.len() + groups.len());
    for (group, members) in groups {
        let rows = || members.iter().map(|index| &table.rows[*index]);
        let totals = table
            .columns
            .iter()
            .enumerate()
            .map(|(at, column)| total_of(rows(), at, column.kind))
            .collect();
        lines.extend(members.iter().copied().map(Line::Data));
        lines.push(Line::Subtotal {
            group,
            rows: members.len(),
            totals,
        });
    }
    lines
}

pub(super) fn total_text(total: &ColumnTotal) -> String {
    match total.value {
        TotalValue::Money(amount) => amount.to_belgian(),
        TotalValue::Integer(number) => format_decimal(number.into(), 0),
    }
}

pub(super) fn computed_text(formula: &Formula, value: Decimal) -> String {
    match formula {
        Formula::Sum(_) => format_decimal(value, 2),
        Formula::Share(_) => format!("{} %", format_decimal(value, 2)),
    }
}

/// Widths from the header and the first rows; the text column with the longest texts
/// takes the remaining width.
fn widths(
    ui: &Ui,
    texts: &Texts,
    table: &BudgetTable,
    totals: &[Option<ColumnTotal>],
    shown: &[Shown],
) -> Vec<Option<f32>> {
    let widest_text = (0..table.columns.len())
        .filter(|index| table.columns[*index].kind == ColumnKind::Text)
        .max_by_key(|index| {
            table
                .rows
                .iter()
                .take(MEASURED_ROWS)
                .filter_map(|row| row.cells.get(*index)?.text().map(str::len))
                .max()
                .unwrap_or(0)
        });
    shown
        .iter()
        .map(|column| match *column {
            Shown::Data(index) if Some(index) == widest_text => None,
            Shown::Data(index) => {
                let data = &table.columns[index];
                let header = measured_width(
                    ui,
                    std::iter::once(data.name.as_str()),
                    &egui::TextStyle::Body,
                    48.0,
                    360.0,
                ) + 16.0;
                let values: Vec<String> = table
                    .rows
                    .iter()
                    .take(MEASURED_ROWS)
                    .filter_map(|row| row.cells.get(index).map(Cell::shown_text))
                    .chain(
                        totals
                            .get(index)
                            .copied()
                            .flatten()
                            .map(|total| total_text(&total)),
                    )
                    .chain((index == 0).then(|| texts.total.to_string()))
                    .collect();
                let style = if data.kind == ColumnKind::Text {
                    egui::TextStyle::Body
                } else {
                    egui::TextStyle::Monospace
                };
                let marks = if data.kind == ColumnKind::Text { 0.0 } else { 26.0 };
                Some(
                    header.max(
                        measured_width(ui, values.iter().map(String::as_str), &style, 48.0, 360.0) + marks,
                    ),
                )
            }
            Shown::Computed(index) => {
                let name = table.computed.get(index).map_or("", |c| c.name.as_str());
                let header =
                    measured_width(ui, std::iter::once(name), &egui::TextStyle::Body, 48.0, 300.0) + 16.0;
                Some(header.max(150.0))
            }
        })
        .collect()
}
