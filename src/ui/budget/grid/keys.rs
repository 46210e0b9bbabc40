//! The grid's keyboard: moving, selecting, typing into a cell, clearing, copying and
//! pasting, as in a spreadsheet.

use egui::{Event, Key, Ui};

use crate::export::csv::{spreadsheet_text, tsv_text};
use crate::import::tsv::{PasteProblem, parse_tsv, read_rows};
use crate::model::budget::{BudgetTable, Cell, Column, Row};
use crate::model::dossier::{IdAllocator, RowId};
use crate::model::edit::Edit;
use crate::model::money::spreadsheet_number;
use crate::ui::Commands;

use super::{CellRef, Derived, GridOutput, GridState, Line, Shown, shown_edit_text, start_edit};

/// Arrows, Tab, Enter, typing, Delete, copy and paste while the grid has the keyboard.
#[allow(clippy::too_many_arguments)] // the grid's parts, each borrowed as it must be
pub(super) fn keyboard(
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

    let columns = derived.figures.shown.len();
    let lines = derived.figures.lines.len();
    if columns == 0 || lines == 0 {
        return;
    }
    let mut cursor = state.cursor.unwrap_or(CellRef {
        row: derived.figures.lines.iter().find_map(|l| match l {
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
                        while matches!(derived.figures.lines.get(target), Some(Line::Subtotal { .. })) {
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
    match derived.figures.shown.get(cursor.column)? {
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
        .filter_map(|c| derived.figures.shown.get(c).copied())
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
                    cell: row.cells[*at].with_value(None),
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
                    .and_then(|c| table.computed_value(row, &c.formula, &derived.figures.totals))
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
    let first = match derived.figures.shown.get(cursor.column) {
        Some(Shown::Data(at)) if cursor.row.is_some() => *at,
        _ => 0,
    };
    let columns: Vec<&Column> = table.columns.iter().skip(first).collect();
    let lines = parse_tsv(text);
    let (values, problems) = read_rows(&lines, &columns);
    let mut targets: Vec<usize> = match cursor.row {
        Some(_) => {
            let start = derived.line_of_cell(cursor);
            derived.figures.lines[start..]
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
                            cell: row.cells[at].with_value(value),
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
