//! The grid of a budget table: typed cells, sorting, subtotals, totals, and the keyboard
//! habits of a spreadsheet. What is typed lives in [`CellEdit`], keyed by row and column
//! id, so scrolling or sorting never loses it; it becomes an edit on Enter.

use egui::{Align, Key, Layout, RichText, Sense, Ui};
use egui_extras::{Column as GridColumn, TableBuilder};

use crate::import::tsv::PasteProblem;
use crate::model::budget::{BudgetTable, Cell, CellValue, ColumnKind, ColumnTotal, Row};
use crate::model::dossier::{ColumnId, RowId};
use crate::model::edit::Edit;
use crate::ui::widgets::{self};
use crate::ui::{Commands, ViewContext, theme};

mod derived;
mod keys;

pub use self::derived::{Derived, Freshness};
use self::derived::{computed_text, total_text};
use self::keys::keyboard;

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
            for (position, column) in derived.figures.shown.iter().enumerate() {
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
            body.rows(row_height, derived.figures.lines.len(), |mut row| {
                let line = row.index();
                match &derived.figures.lines[line] {
                    Line::Data(index) => {
                        let data = &table.rows[*index];
                        row.col(|ui| {
                            let number = ui.label(RichText::new((index + 1).to_string()).small().weak());
                            widgets::with_source(number, view.dossier, data.source.as_ref(), texts);
                        });
                        for (position, column) in derived.figures.shown.iter().enumerate() {
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
                                        let value =
                                            table.computed_value(data, formula, &derived.figures.totals);
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
                        for (position, column) in derived.figures.shown.iter().enumerate() {
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
                        for (position, column) in derived.figures.shown.iter().enumerate() {
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
    let flagged = cell.flag().is_some() || cell.printed().is_some();
    let mut hover = String::new();
    if flagged {
        hover = texts.flagged_printed(cell.printed().unwrap_or_default());
        if let Some(flag) = cell.flag() {
            hover.push('\n');
            hover.push_str(flag);
        }
    }
    let response = ui
        .with_layout(layout, |ui| {
            if right {
                marks_slot_ui(ui, |ui| {
                    if flagged {
                        widgets::flag_mark(ui).on_hover_text(&hover);
                    }
                    if let Some(mark) = cell.footnote() {
                        ui.label(RichText::new(mark).small().strong());
                    }
                });
            } else if flagged {
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
            if !right && let Some(mark) = cell.footnote() {
                ui.label(RichText::new(mark).small().strong());
            }
            // A cut text shows itself whole on hover already (the label does that).
            if hover.is_empty() {
                response
            } else {
                response.on_hover_text(&hover)
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

/// The flag and footnote mark of a figure, in a slot of their own at its right, so that
/// every amount of a column ends at the same place, marked or not.
fn marks_slot_ui(ui: &mut Ui, add_marks: impl FnOnce(&mut Ui)) {
    let slot = egui::vec2(
        ui.text_style_height(&egui::TextStyle::Body) * 1.3,
        ui.available_height(),
    );
    ui.allocate_ui_with_layout(slot, Layout::left_to_right(Align::Center), |ui| {
        add_marks(ui);
        ui.allocate_space(ui.available_size());
    });
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
                    let new = cell.with_value(value);
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
        Shown::Data(at) => match derived.figures.totals.get(at).copied().flatten() {
            Some(total) => {
                let id = table.columns[at].id;
                let differs = derived
                    .figures
                    .discrepancies
                    .iter()
                    .find(|(column, _, _)| *column == id);
                let mut text = RichText::new(total_text(&total)).monospace().strong().size(body);
                if differs.is_some() {
                    text = text.color(palette.bad);
                }
                let mut response = ui
                    .with_layout(Layout::right_to_left(Align::Center), |ui| {
                        marks_slot_ui(ui, |ui| {
                            if differs.is_some() {
                                widgets::flag_mark(ui);
                            }
                        });
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
            let value = derived.figures.computed_totals.get(at).copied().flatten();
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
