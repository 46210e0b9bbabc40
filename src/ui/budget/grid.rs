//! The grid of a budget table: typed cells, sorting, subtotals, totals, and the keyboard
//! habits of a spreadsheet. What is typed lives in [`CellEdit`], keyed by row and column
//! id, so scrolling or sorting never loses it; it becomes an edit on Enter.

use crate::ui::memo::Memo;
use std::cmp::Ordering;
use std::collections::HashMap;

use egui::{Align, Event, Key, Layout, RichText, Sense, Ui};
use egui_extras::{Column as GridColumn, TableBuilder};
use rust_decimal::Decimal;

use crate::export::csv::{spreadsheet_text, tsv_text};
use crate::i18n::Texts;
use crate::import::tsv::{PasteProblem, parse_tsv, read_rows};
use crate::model::Money;
use crate::model::budget::{
    BudgetTable, Cell, CellValue, Column, ColumnKind, ColumnTotal, Formula, Row, TotalValue, total_of,
};
use crate::model::dossier::{ColumnId, IdAllocator, RowId, TableId};
use crate::model::edit::Edit;
use crate::model::money::{format_decimal, spreadsheet_number};
use crate::ui::widgets::{self, measured_width};
use crate::ui::{Commands, ViewContext, theme};

/// A column as shown: one of the table's, or a computed one after them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shown {
    Data(usize),
    Computed(usize),
}

pub type SortKey = widgets::SortKey<Shown>;

/// A line of the grid.
#[derive(Clone, Debug, PartialEq)]
pub enum Line {
    /// A row of the table, by position.
    Data(usize),
    /// The subtotals of a group of rows with the same value in the grouping column.
    Subtotal {
        group: String,
        rows: usize,
        totals: Vec<Option<ColumnTotal>>,
    },
    Total,
}

/// The current cell: a row by id (stable under sorting) and a shown column; or the
/// totals line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellRef {
    pub row: Option<RowId>,
    pub column: usize,
}

/// What is being typed into a cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellEdit {
    pub row: RowId,
    pub column: ColumnId,
    pub text: String,
    /// Why the text cannot be stored; the cell keeps its value meanwhile.
    pub error: Option<String>,
    /// Ask for the keyboard on the next frame.
    pub focus: bool,
}

/// Worked out once per table version, sort and grouping.
#[derive(Debug, Default)]
pub struct Derived {
    made_for: Memo<(TableId, Option<SortKey>, Option<ColumnId>)>,
    pub totals: Vec<Option<ColumnTotal>>,
    pub computed_totals: Vec<Option<Decimal>>,
    pub lines: Vec<Line>,
    /// Where each row stands among the lines.
    pub line_of: HashMap<RowId, usize>,
    /// Per shown column; `None` takes the remaining width.
    pub widths: Vec<Option<f32>>,
    pub shown: Vec<Shown>,
    /// Printed totals that differ from the sum of the rows: column, printed, sum.
    pub discrepancies: Vec<(ColumnId, Money, Money)>,
}

/// How many rows are measured for column widths.
const MEASURED_ROWS: usize = 500;

impl Derived {
    pub fn refresh(
        &mut self,
        ui: &Ui,
        view: &ViewContext<'_>,
        table: &BudgetTable,
        sort: Option<SortKey>,
        group: Option<ColumnId>,
    ) {
        let key = (table.id, sort, group);
        if self.made_for.is_fresh(view, &key) {
            return;
        }
        if self.update_for_one_cell(ui, view, table, sort, group) {
            self.made_for.remember(view, key);
            return;
        }
        self.totals = (0..table.columns.len()).map(|index| table.total(index)).collect();
        self.computed_totals = table
            .computed
            .iter()
            .map(|c| table.computed_total(&c.formula, &self.totals))
            .collect();
        self.shown = (0..table.columns.len())
            .map(Shown::Data)
            .chain((0..table.computed.len()).map(Shown::Computed))
            .collect();
        let mut order: Vec<usize> = (0..table.rows.len()).collect();
        if let Some(sort) = sort {
            order.sort_by(|a, b| {
                let ordering = compare(table, &self.totals, sort.column, &table.rows[*a], &table.rows[*b]);
                match ordering {
                    // Empty cells stay last whichever way the column is sorted.
                    Some(ordering) if sort.descending => ordering.reverse(),
                    Some(ordering) => ordering,
                    None => empty_last(table, &self.totals, sort.column, &table.rows[*a], &table.rows[*b]),
                }
            });
        }
        self.lines = match group.and_then(|id| table.column_index(id)) {
            Some(column) => grouped(table, &order, column),
            None => order.into_iter().map(Line::Data).collect(),
        };
        self.lines.push(Line::Total);
        self.line_of = self
            .lines
            .iter()
            .enumerate()
            .filter_map(|(at, line)| match line {
                Line::Data(index) => Some((table.rows[*index].id, at)),
                _ => None,
            })
            .collect();
        self.widths = widths(ui, view.texts, table, &self.totals, &self.shown);
        self.discrepancies = discrepancies(table, &self.totals);
        self.made_for.remember(view, key);
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
        let follows = (made_for.language, made_for.today) == (view.language, view.today)
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
        let Some(total) = self.totals.get(column).copied().and_then(replaced) else {
            return false;
        };
        let line = self.line_of.get(&change.row).copied().unwrap_or(usize::MAX);
        let subtotal_line = self
            .lines
            .iter()
            .enumerate()
            .skip(line)
            .find(|(_, line)| matches!(line, Line::Subtotal { .. }))
            .map(|(at, _)| at);
        let subtotal = match subtotal_line.and_then(|at| self.lines.get(at)) {
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
        let mut totals = self.totals.clone();
        totals[column] = total;
        let mut computed_totals = self.computed_totals.clone();
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
            && let Some(Line::Subtotal { totals, .. }) = self.lines.get_mut(at)
        {
            totals[column] = subtotal;
        }
        self.totals = totals;
        self.computed_totals = computed_totals;
        // The edited value or the new total may be wider than what was measured.
        self.widths = widths(ui, view.texts, table, &self.totals, &self.shown);
        self.discrepancies = discrepancies(table, &self.totals);
        true
    }

    /// The row under a line, if it is a data line.
    pub fn row_at(&self, line: usize) -> Option<usize> {
        match self.lines.get(line)? {
            Line::Data(index) => Some(*index),
            _ => None,
        }
    }

    /// The position in the table of the row with this id.
    pub fn row_index(&self, id: RowId) -> Option<usize> {
        self.row_at(*self.line_of.get(&id)?)
    }

    pub fn line_of_cell(&self, cell: CellRef) -> usize {
        cell.row
            .and_then(|id| self.line_of.get(&id).copied())
            .unwrap_or(self.lines.len().saturating_sub(1))
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

fn total_text(total: &ColumnTotal) -> String {
    match total.value {
        TotalValue::Money(amount) => amount.to_belgian(),
        TotalValue::Integer(number) => format_decimal(number.into(), 0),
    }
}

fn computed_text(formula: &Formula, value: Decimal) -> String {
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

/// What the grid asks of its view, besides edits.
#[derive(Debug, Default)]
pub struct GridOutput {
    pub sort_clicked: Option<Shown>,
    pub header_menu: Option<Shown>,
    pub paste_report: Option<Vec<PasteProblem>>,
    pub copied: Option<usize>,
}

/// The grid's state that lives in the view.
#[derive(Debug, Default)]
pub struct GridState {
    pub cursor: Option<CellRef>,
    /// The other corner of a selected range.
    pub anchor: Option<CellRef>,
    pub editing: Option<CellEdit>,
    pub scroll_to: Option<usize>,
    pub focus: bool,
}

#[allow(clippy::too_many_arguments)] // the table, its derived figures and the view's state, each borrowed as it must be
pub fn grid_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    table: &BudgetTable,
    derived: &Derived,
    state: &mut GridState,
    sort: Option<SortKey>,
    cell_label: Option<egui::Id>,
    commands: &mut Commands,
) -> GridOutput {
    let texts = view.texts;
    let mut output = GridOutput::default();
    let grid_id = ui.make_persistent_id(("budget_grid", table.id.0));
    let editable = !view.presenting;
    // A widget that holds the keyboard for the grid; the cells are drawn over it.
    let area = ui.interact(
        ui.available_rect_before_wrap(),
        grid_id,
        Sense::focusable_noninteractive(),
    );
    area.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Grid, true, texts.budget_grid));
    if state.focus {
        ui.memory_mut(|memory| memory.request_focus(grid_id));
        state.focus = false;
    }
    let focused = ui.memory(|memory| memory.has_focus(grid_id));
    if focused {
        ui.memory_mut(|memory| {
            memory.set_focus_lock_filter(
                grid_id,
                egui::EventFilter {
                    tab: true,
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    escape: false,
                },
            );
        });
        keyboard(
            ui,
            table,
            derived,
            state,
            editable,
            view.ids,
            commands,
            &mut output,
        );
    }
    // Tighter while presenting, so that a table of a dozen rows and its total fit on one screen.
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + if view.presenting { 4.0 } else { 10.0 };
    let mut builder = TableBuilder::new(ui)
        .id_salt(("budget_table", table.id.0))
        .striped(true)
        // Dragged widths are kept, so a table resized at one zoom would keep its widths
        // at the presentation's: presenting fits the columns to the screen instead.
        .resizable(!view.presenting)
        .cell_layout(Layout::left_to_right(Align::Center))
        .auto_shrink([false, false])
        .column(GridColumn::exact(44.0));
    for width in &derived.widths {
        builder = builder.column(match width {
            Some(width) => GridColumn::initial(*width).at_least(48.0).clip(true),
            None => GridColumn::remainder().at_least(160.0).clip(true),
        });
    }
    if let Some(line) = state.scroll_to.take() {
        builder = builder.scroll_to_row(line, None);
    }
    let selection = selection_bounds(state, derived);
    builder
        .header(row_height + 8.0, |mut header| {
            header.col(|_| {});
            for (position, column) in derived.shown.iter().enumerate() {
                header.col(|ui| {
                    let (name, right) = match *column {
                        Shown::Data(index) => {
                            let data = &table.columns[index];
                            (
                                data.name.as_str(),
                                !matches!(data.kind, ColumnKind::Text | ColumnKind::Date),
                            )
                        }
                        Shown::Computed(index) => {
                            (table.computed.get(index).map_or("", |c| c.name.as_str()), true)
                        }
                    };
                    let arrow = sort.filter(|s| s.column == *column).map(|s| s.descending);
                    let mut text = RichText::new(name).strong();
                    if matches!(column, Shown::Computed(_)) {
                        text = text.italics();
                    }
                    let response = widgets::sort_header(ui, text, right, arrow);
                    if response.clicked() {
                        output.sort_clicked = Some(*column);
                        state.cursor = Some(CellRef {
                            row: state.cursor.and_then(|c| c.row),
                            column: position,
                        });
                    }
                    if editable && response.secondary_clicked() {
                        output.header_menu = Some(*column);
                        state.cursor = Some(CellRef {
                            row: state.cursor.and_then(|c| c.row),
                            column: position,
                        });
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_height, derived.lines.len(), |mut row| {
                let line = row.index();
                match &derived.lines[line] {
                    Line::Data(index) => {
                        let data = &table.rows[*index];
                        row.col(|ui| {
                            let number = ui.label(RichText::new((index + 1).to_string()).small().weak());
                            widgets::with_source(number, view.dossier, data.source.as_ref(), texts);
                        });
                        for (position, column) in derived.shown.iter().enumerate() {
                            row.col(|ui| {
                                let here = CellRef {
                                    row: Some(data.id),
                                    column: position,
                                };
                                paint_selection(ui, state, selection, line, position);
                                match *column {
                                    Shown::Data(at) => {
                                        let place = CellPlace {
                                            table,
                                            row: data,
                                            at,
                                            here,
                                            label: cell_label,
                                        };
                                        data_cell_ui(ui, view, &place, state, editable, commands);
                                    }
                                    Shown::Computed(at) => {
                                        let formula = &table.computed[at].formula;
                                        let value = table.computed_value(data, formula, &derived.totals);
                                        let text =
                                            value.map(|v| computed_text(formula, v)).unwrap_or_default();
                                        let response =
                                            right_label(ui, RichText::new(text).monospace().italics());
                                        if response.clicked() {
                                            select(ui, state, here);
                                        }
                                    }
                                }
                            });
                        }
                    }
                    Line::Subtotal { group, rows, totals } => {
                        row.col(|_| {});
                        for (position, column) in derived.shown.iter().enumerate() {
                            row.col(|ui| match *column {
                                Shown::Data(at) => match totals.get(at).copied().flatten() {
                                    Some(total) => {
                                        right_label(
                                            ui,
                                            RichText::new(total_text(&total)).monospace().strong(),
                                        );
                                    }
                                    None if position == 0 => {
                                        let label = if *rows > 1 {
                                            texts.subtotal_of(group, rows)
                                        } else {
                                            texts.subtotal_one(group)
                                        };
                                        ui.label(RichText::new(label).strong());
                                    }
                                    None => {}
                                },
                                Shown::Computed(_) => {}
                            });
                        }
                    }
                    Line::Total => {
                        row.col(|_| {});
                        for (position, column) in derived.shown.iter().enumerate() {
                            row.col(|ui| {
                                paint_selection(ui, state, selection, line, position);
                                total_cell_ui(ui, view, table, derived, *column, position, state);
                            });
                        }
                    }
                }
            });
        });
    output
}

fn right_label(ui: &mut Ui, text: RichText) -> egui::Response {
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        ui.add(egui::Label::new(text).sense(Sense::click()))
    })
    .inner
}

/// The lines and shown columns of the selected range, inclusive.
fn selection_bounds(state: &GridState, derived: &Derived) -> Option<((usize, usize), (usize, usize))> {
    let cursor = state.cursor?;
    let anchor = state.anchor.unwrap_or(cursor);
    let (a, b) = (derived.line_of_cell(anchor), derived.line_of_cell(cursor));
    Some((
        (a.min(b), a.max(b)),
        (anchor.column.min(cursor.column), anchor.column.max(cursor.column)),
    ))
}

fn paint_selection(
    ui: &mut Ui,
    state: &GridState,
    selection: Option<((usize, usize), (usize, usize))>,
    line: usize,
    column: usize,
) {
    let Some(((top, bottom), (left, right))) = selection else {
        return;
    };
    if !(top..=bottom).contains(&line) || !(left..=right).contains(&column) {
        return;
    }
    let rect = ui.max_rect().expand2(egui::vec2(4.0, 2.0));
    let visuals = ui.visuals();
    let is_cursor = state.cursor.is_some_and(|c| c.column == column) && top == bottom && left == right;
    let fill = visuals
        .selection
        .bg_fill
        .gamma_multiply(if is_cursor { 0.35 } else { 0.22 });
    ui.painter().rect_filled(rect, 2.0, fill);
    if is_cursor || (state.cursor.map(|c| c.column) == Some(column) && line == bottom) {
        ui.painter()
            .rect_stroke(rect, 2.0, visuals.selection.stroke, egui::StrokeKind::Inside);
    }
}

fn select(ui: &Ui, state: &mut GridState, cell: CellRef) {
    if ui.input(|i| i.modifiers.shift) {
        if state.anchor.is_none() {
            state.anchor = state.cursor;
        }
    } else {
        state.anchor = None;
    }
    state.cursor = Some(cell);
    state.focus = true;
}

/// Where a cell is: its table, row and column, and the label that names its editor.
struct CellPlace<'a> {
    table: &'a BudgetTable,
    row: &'a Row,
    at: usize,
    here: CellRef,
    label: Option<egui::Id>,
}

fn data_cell_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    place: &CellPlace<'_>,
    state: &mut GridState,
    editable: bool,
    commands: &mut Commands,
) {
    let CellPlace {
        table, row, at, here, ..
    } = *place;
    let texts = view.texts;
    let column = &table.columns[at];
    let cell = &row.cells[at];
    let palette = theme::palette(ui.visuals().dark_mode);
    let typing = state
        .editing
        .as_ref()
        .is_some_and(|e| e.row == row.id && e.column == column.id);
    if typing && editable {
        editor_ui(ui, place, state, commands);
        return;
    }
    let text = cell.shown_text();
    let right = !matches!(column.kind, ColumnKind::Text | ColumnKind::Date);
    let layout = if right {
        Layout::right_to_left(Align::Center)
    } else {
        Layout::left_to_right(Align::Center)
    };
    let response = ui
        .with_layout(layout, |ui| {
            if right && let Some(mark) = &cell.footnote {
                ui.label(RichText::new(mark).small().strong());
            }
            let flagged = cell.flag.is_some() || cell.printed.is_some();
            let mut hover = String::new();
            if flagged {
                hover = texts.flagged_printed(cell.printed.as_deref().unwrap_or_default());
                if let Some(flag) = &cell.flag {
                    hover.push('\n');
                    hover.push_str(flag);
                }
                widgets::flag_mark(ui).on_hover_text(&hover);
            }
            let mut rich = if right {
                RichText::new(text.clone()).monospace()
            } else {
                RichText::new(text.clone())
            };
            if flagged {
                rich = rich.color(palette.flag);
            }
            let response = ui.add(egui::Label::new(rich).sense(Sense::click()).truncate());
            if !right && let Some(mark) = &cell.footnote {
                ui.label(RichText::new(mark).small().strong());
            }
            if hover.is_empty() && !right && !text.is_empty() {
                response.on_hover_text(text)
            } else if hover.is_empty() {
                response
            } else {
                response.on_hover_text(hover)
            }
        })
        .inner;
    if response.clicked() {
        select(ui, state, here);
    }
    if editable && response.double_clicked() {
        start_edit(state, row.id, column.id, shown_edit_text(cell));
    }
}

/// The text a cell is edited as: amounts in Belgian notation, percentages without the sign.
fn shown_edit_text(cell: &Cell) -> String {
    cell.value.as_ref().map(CellValue::typed_text).unwrap_or_default()
}

fn start_edit(state: &mut GridState, row: RowId, column: ColumnId, text: String) {
    state.editing = Some(CellEdit {
        row,
        column,
        text,
        error: None,
        focus: true,
    });
}

fn editor_ui(ui: &mut Ui, place: &CellPlace<'_>, state: &mut GridState, commands: &mut Commands) {
    let (table, row) = (place.table, place.row);
    let (column, cell) = (&table.columns[place.at], &row.cells[place.at]);
    let Some(edit) = state.editing.as_mut() else {
        return;
    };
    let bad = theme::palette(ui.visuals().dark_mode).bad;
    let mut field = egui::TextEdit::singleline(&mut edit.text)
        .id_salt(("cell_editor", row.id.0, column.id.0))
        .desired_width(f32::INFINITY);
    if column.kind != ColumnKind::Text {
        field = field
            .align(egui::Align2::RIGHT_CENTER)
            .font(egui::TextStyle::Monospace);
    }
    if edit.error.is_some() {
        field = field.text_color(bad);
    }
    let mut response = ui.add(field);
    if let Some(label) = place.label {
        response = response.labelled_by(label);
    }
    // The Enter that opened the editor in this frame is not also the one that closes it.
    let opened_now = edit.focus;
    if edit.focus {
        response.request_focus();
        edit.focus = false;
    }
    if let Some(error) = &edit.error {
        response.clone().on_hover_text(error);
    }
    let (enter, tab, escape, shift) = ui.input(|i| {
        (
            i.key_pressed(Key::Enter),
            i.key_pressed(Key::Tab),
            i.key_pressed(Key::Escape),
            i.modifiers.shift,
        )
    });
    if escape {
        state.editing = None;
        state.focus = true;
        return;
    }
    if !opened_now && (response.lost_focus() || enter || tab) {
        match CellValue::parse(&edit.text, column.kind) {
            Ok(value) => {
                if value != cell.value {
                    // Flags, printed text and footnote marks belong to the cell and stay.
                    let new = Cell {
                        value,
                        ..cell.clone()
                    };
                    commands.push(Edit::SetCell {
                        table: table.id,
                        row: row.id,
                        column: column.id,
                        cell: new,
                    });
                }
                state.editing = None;
                if enter || tab {
                    state.focus = true;
                    if let Some(cursor) = state.cursor.as_mut() {
                        if tab && shift {
                            cursor.column = cursor.column.saturating_sub(1);
                        } else if tab {
                            cursor.column += 1;
                        }
                    }
                }
            }
            Err(message) => {
                edit.error = Some(message);
                if enter {
                    edit.focus = true;
                }
            }
        }
    }
}

fn total_cell_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    table: &BudgetTable,
    derived: &Derived,
    column: Shown,
    position: usize,
    state: &mut GridState,
) {
    let texts = view.texts;
    let palette = theme::palette(ui.visuals().dark_mode);
    let size = if view.presenting { 1.15 } else { 1.0 };
    let body = ui.text_style_height(&egui::TextStyle::Monospace) * size;
    let response = match column {
        Shown::Data(at) => match derived.totals.get(at).copied().flatten() {
            Some(total) => {
                let id = table.columns[at].id;
                let differs = derived.discrepancies.iter().find(|(column, _, _)| *column == id);
                let mut text = RichText::new(total_text(&total)).monospace().strong().size(body);
                if differs.is_some() {
                    text = text.color(palette.bad);
                }
                let mut response = ui
                    .with_layout(Layout::right_to_left(Align::Center), |ui| {
                        if differs.is_some() {
                            widgets::flag_mark(ui);
                        }
                        ui.add(egui::Label::new(text).sense(Sense::click()))
                    })
                    .inner;
                if total.empty > 0 {
                    response = response.on_hover_text(texts.empty_cells(total.empty));
                }
                if let Some((_, printed, sum)) = differs {
                    response = response.on_hover_text(
                        texts.reported_differs(table.total_text(id, *printed), table.total_text(id, *sum)),
                    );
                }
                Some(response)
            }
            None if position == 0 => {
                Some(ui.add(egui::Label::new(RichText::new(texts.total).strong()).sense(Sense::click())))
            }
            None => None,
        },
        Shown::Computed(at) => {
            let value = derived.computed_totals.get(at).copied().flatten();
            let formula = table.computed.get(at).map(|c| &c.formula);
            match (value, formula) {
                (Some(value), Some(formula)) => Some(right_label(
                    ui,
                    RichText::new(computed_text(formula, value))
                        .monospace()
                        .strong()
                        .italics(),
                )),
                _ => None,
            }
        }
    };
    if response.is_some_and(|r| r.clicked()) {
        select(
            ui,
            state,
            CellRef {
                row: None,
                column: position,
            },
        );
    }
}

/// Arrows, Tab, Enter, typing, Delete, copy and paste while the grid has the keyboard.
#[allow(clippy::too_many_arguments)] // the grid's parts, each borrowed as it must be
fn keyboard(
    ui: &Ui,
    table: &BudgetTable,
    derived: &Derived,
    state: &mut GridState,
    editable: bool,
    ids: &IdAllocator,
    commands: &mut Commands,
    output: &mut GridOutput,
) {
    if state.editing.as_ref().is_some_and(|e| e.error.is_none()) {
        return;
    }

    let columns = derived.shown.len();
    let lines = derived.lines.len();
    if columns == 0 || lines == 0 {
        return;
    }
    let mut cursor = state.cursor.unwrap_or(CellRef {
        row: derived.lines.iter().find_map(|l| match l {
            Line::Data(index) => Some(table.rows[*index].id),
            _ => None,
        }),
        column: 0,
    });
    let events = ui.input(|i| i.events.clone());
    let mut moved = false;
    for event in events {
        match event {
            Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } => {
                let line = derived.line_of_cell(cursor);
                let step = |line: usize, down: bool, by: usize| {
                    let mut target = line;
                    for _ in 0..by {
                        let next = if down {
                            (target + 1).min(lines - 1)
                        } else {
                            target.saturating_sub(1)
                        };
                        target = next;
                        // Subtotal lines are skipped: they are no cells of the table.
                        while matches!(derived.lines.get(target), Some(Line::Subtotal { .. })) {
                            target = if down {
                                (target + 1).min(lines - 1)
                            } else {
                                target.saturating_sub(1)
                            };
                        }
                    }
                    target
                };
                let target_line = match key {
                    Key::ArrowDown => Some(step(line, true, 1)),
                    Key::ArrowUp => Some(step(line, false, 1)),
                    Key::PageDown => Some(step(line, true, 20)),
                    Key::PageUp => Some(step(line, false, 20)),
                    Key::Home if modifiers.command => Some(step(0, true, 0)),
                    Key::End if modifiers.command => Some(lines - 1),
                    _ => None,
                };
                let extend = modifiers.shift && !matches!(key, Key::Tab);
                match key {
                    Key::ArrowDown | Key::ArrowUp | Key::PageDown | Key::PageUp | Key::Home | Key::End
                        if target_line.is_some() =>
                    {
                        let target = target_line.unwrap_or(line);
                        cursor.row = derived.row_at(target).map(|index| table.rows[index].id);
                        moved = true;
                    }
                    Key::Home => {
                        cursor.column = 0;
                        moved = true;
                    }
                    Key::End => {
                        cursor.column = columns - 1;
                        moved = true;
                    }
                    Key::ArrowRight => {
                        cursor.column = (cursor.column + 1).min(columns - 1);
                        moved = true;
                    }
                    Key::ArrowLeft => {
                        cursor.column = cursor.column.saturating_sub(1);
                        moved = true;
                    }
                    Key::Tab => {
                        cursor.column = if modifiers.shift {
                            cursor.column.saturating_sub(1)
                        } else {
                            (cursor.column + 1).min(columns - 1)
                        };
                        state.anchor = None;
                        moved = true;
                    }
                    Key::Enter | Key::F2 if editable => {
                        if let Some((row, at)) = data_cell(table, derived, cursor) {
                            start_edit(
                                state,
                                row.id,
                                table.columns[at].id,
                                shown_edit_text(&row.cells[at]),
                            );
                        }
                    }
                    Key::Escape => {
                        state.editing = None;
                        state.anchor = None;
                    }
                    Key::Delete | Key::Backspace if editable => {
                        clear_selection(table, derived, state, cursor, commands);
                    }
                    _ => {}
                }
                if moved && (key == Key::Tab || !extend) {
                    state.anchor = None;
                } else if moved && extend && state.anchor.is_none() {
                    state.anchor = state.cursor.or(Some(cursor));
                }
            }
            Event::Text(text) if editable && !text.chars().all(char::is_control) => {
                if let Some((row, at)) = data_cell(table, derived, cursor) {
                    start_edit(state, row.id, table.columns[at].id, text);
                }
            }
            Event::Copy => {
                let (text, cells) = copy_selection(table, derived, state, cursor);
                ui.ctx().copy_text(text);
                output.copied = Some(cells);
            }
            Event::Paste(text) if editable => {
                output.paste_report = Some(paste(table, derived, cursor, &text, ids, commands));
            }
            _ => {}
        }
    }
    if moved {
        state.cursor = Some(cursor);
        state.editing = None;
        state.scroll_to = Some(derived.line_of_cell(cursor));
    }
}

/// The row and data column under a cell reference, if it is an editable cell.
fn data_cell<'a>(table: &'a BudgetTable, derived: &Derived, cursor: CellRef) -> Option<(&'a Row, usize)> {
    let row = &table.rows[derived.row_index(cursor.row?)?];
    match derived.shown.get(cursor.column)? {
        Shown::Data(at) => Some((row, *at)),
        Shown::Computed(_) => None,
    }
}

/// The selected data rows (by position) and shown columns, in view order.
fn selected_cells(derived: &Derived, state: &GridState, cursor: CellRef) -> (Vec<usize>, Vec<Shown>) {
    let anchor = state.anchor.unwrap_or(cursor);
    let (a, b) = (derived.line_of_cell(anchor), derived.line_of_cell(cursor));
    let rows = (a.min(b)..=a.max(b))
        .filter_map(|line| derived.row_at(line))
        .collect();
    let columns = (anchor.column.min(cursor.column)..=anchor.column.max(cursor.column))
        .filter_map(|c| derived.shown.get(c).copied())
        .collect();
    (rows, columns)
}

fn clear_selection(
    table: &BudgetTable,
    derived: &Derived,
    state: &GridState,
    cursor: CellRef,
    commands: &mut Commands,
) {
    let (rows, columns) = selected_cells(derived, state, cursor);
    let mut batch = Vec::new();
    for index in rows {
        let row = &table.rows[index];
        for column in &columns {
            if let Shown::Data(at) = column
                && row.cells[*at].value.is_some()
            {
                batch.push(Edit::SetCell {
                    table: table.id,
                    row: row.id,
                    column: table.columns[*at].id,
                    cell: Cell {
                        value: None,
                        ..row.cells[*at].clone()
                    },
                });
            }
        }
    }
    if !batch.is_empty() {
        commands.push(Edit::Batch(batch));
    }
}

/// The selection as tab-separated text, as a spreadsheet takes it; and how many cells.
fn copy_selection(
    table: &BudgetTable,
    derived: &Derived,
    state: &GridState,
    cursor: CellRef,
) -> (String, usize) {
    let (rows, columns) = selected_cells(derived, state, cursor);
    let lines = rows.iter().map(|index| {
        let row = &table.rows[*index];
        columns
            .iter()
            .map(|column| match column {
                Shown::Data(at) => spreadsheet_text(&row.cells[*at]),
                Shown::Computed(at) => table
                    .computed
                    .get(*at)
                    .and_then(|c| table.computed_value(row, &c.formula, &derived.totals))
                    .map(|value| spreadsheet_number(value.round_dp(6).normalize()))
                    .unwrap_or_default(),
            })
            .collect()
    });
    (tsv_text(lines), rows.len() * columns.len())
}

/// Pastes tab-separated text at the cursor: over the rows from the cursor down, adding
/// rows past the end; on the totals line, as new rows at the end. Lines that do not read
/// are left out and reported.
fn paste(
    table: &BudgetTable,
    derived: &Derived,
    cursor: CellRef,
    text: &str,
    ids: &IdAllocator,
    commands: &mut Commands,
) -> Vec<PasteProblem> {
    let first = match derived.shown.get(cursor.column) {
        Some(Shown::Data(at)) if cursor.row.is_some() => *at,
        _ => 0,
    };
    let columns: Vec<&Column> = table.columns.iter().skip(first).collect();
    let lines = parse_tsv(text);
    let (values, problems) = read_rows(&lines, &columns);
    let mut targets: Vec<usize> = match cursor.row {
        Some(_) => {
            let start = derived.line_of_cell(cursor);
            derived.lines[start..]
                .iter()
                .filter_map(|line| match line {
                    Line::Data(index) => Some(*index),
                    _ => None,
                })
                .collect()
        }
        None => Vec::new(),
    };
    targets.reverse();
    let mut batch = Vec::new();
    for (_, cells) in values {
        match targets.pop() {
            Some(index) => {
                let row = &table.rows[index];
                for (offset, value) in cells.into_iter().enumerate() {
                    let at = first + offset;
                    if row.cells[at].value != value {
                        batch.push(Edit::SetCell {
                            table: table.id,
                            row: row.id,
                            column: table.columns[at].id,
                            cell: Cell {
                                value,
                                ..row.cells[at].clone()
                            },
                        });
                    }
                }
            }
            None => {
                let mut row_cells = vec![Cell::default(); table.columns.len()];
                for (offset, value) in cells.into_iter().enumerate() {
                    row_cells[first + offset].value = value;
                }
                batch.push(Edit::InsertRow {
                    table: table.id,
                    index: usize::MAX,
                    row: Row {
                        id: RowId(ids.next()),
                        cells: row_cells,
                        source: None,
                    },
                });
            }
        }
    }
    if !batch.is_empty() {
        commands.push(Edit::Batch(batch));
    }
    problems
}
