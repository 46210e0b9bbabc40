//! The budget tables: the list of tables beside the selected one, its toolbar, the grid
//! and, under it, what the totals leave out, the budget and what is left of it, the
//! printed totals that disagree, the footnotes and the source.

mod dialogs;
pub mod grid;

use egui::{RichText, Ui};

use self::dialogs::{Dialog, retype_edit};
use self::grid::{Derived, Freshness, GridState, Shown, SortKey};
use crate::export::csv::Delimiter;
use crate::export::sheet::SheetTable;
use crate::i18n::{Texts, column_kind_name};
use crate::import::tsv::PasteProblem;
use crate::model::Dossier;
use crate::model::budget::{BudgetTable, Cell, Column, ColumnKind, Row, convert_cell};
use crate::model::dossier::{ColumnId, RowId, TableId};
use crate::model::edit::Edit;
use crate::model::slide::SlideView;
use crate::ui::command::Export;
use crate::ui::worked_out::coming_ui;
use crate::ui::{Command, Commands, ViewContext, theme, widgets};

/// A line above the grid about what the last paste or copy did.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Report {
    text: String,
    problems: Vec<PasteProblem>,
}

#[derive(Debug, Default)]
pub struct BudgetView {
    pub selected: Option<TableId>,
    sort: Option<SortKey>,
    group_by: Option<ColumnId>,
    grid: GridState,
    derived: Derived,
    dialog: Option<Dialog>,
    /// The frame the dialog first showed in: the Enter that opened it does not confirm it.
    dialog_since: Option<u64>,
    report: Option<Report>,
}

impl BudgetView {
    /// The view as a slide keeps it, named after the table.
    pub fn slide_view(&self, dossier: &Dossier, texts: &Texts) -> (SlideView, String) {
        let table = self
            .selected
            .and_then(|id| dossier.budget_tables.iter().find(|t| t.id == id))
            .or(dossier.budget_tables.first());
        let (sort, descending) = widgets::sort_name(self.sort);
        let view = SlideView {
            table: table.map(|t| t.id),
            sort,
            descending,
            group_by: self.group_by,
            ..SlideView::default()
        };
        (
            view,
            table.map_or_else(|| texts.tab_budget.to_string(), |t| t.title.clone()),
        )
    }

    /// Shows a slide's table, sort and subtotals, as far as they still exist.
    pub fn show_slide(&mut self, slide: &SlideView, dossier: &Dossier) {
        let table = slide
            .table
            .and_then(|id| dossier.budget_tables.iter().find(|t| t.id == id))
            .or(dossier.budget_tables.first());
        let Some(table) = table else { return };
        self.selected = Some(table.id);
        let columns = (0..table.columns.len())
            .map(Shown::Data)
            .chain((0..table.computed.len()).map(Shown::Computed));
        self.sort = widgets::sort_named(columns, slide.sort.as_deref(), slide.descending);
        self.group_by = slide.group_by.filter(|id| table.column_index(*id).is_some());
    }

    pub fn ui(&mut self, ui: &mut Ui, view: &ViewContext<'_>, commands: &mut Commands) {
        let texts = view.texts;
        let dossier = view.dossier;
        if dossier.budget_tables.is_empty() {
            ui.add_space(8.0);
            ui.label(RichText::new(texts.no_tables).weak());
            if !view.presenting && ui.button(texts.new_table).clicked() {
                self.dialog = Some(Dialog::NewTable { title: String::new() });
            }
            self.dialog_ui(ui, view, None, commands);
            return;
        }
        let table = self
            .selected
            .and_then(|id| dossier.budget_tables.iter().find(|t| t.id == id))
            .unwrap_or(&dossier.budget_tables[0]);
        if self.selected != Some(table.id) {
            self.select_table(table.id);
        }
        let freshness = self.derived.refresh(ui, view, table, self.sort, self.group_by);
        if !view.presenting {
            egui::Panel::left("budget_tables")
                .resizable(true)
                .default_size(270.0)
                .show(ui, |ui| self.tables_ui(ui, view, table, commands));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.add_space(4.0);
            ui.label(RichText::new(&table.title).heading());
            if !table.description.is_empty() && !view.presenting {
                ui.label(RichText::new(&table.description).weak());
            }
            if freshness == Freshness::Coming {
                coming_ui(ui, &texts.work.working_out_table(table.rows.len()));
                return;
            }
            let mut cell_label = None;
            if !view.presenting {
                ui.add_space(4.0);
                self.toolbar_ui(ui, view, table, commands);
                cell_label = Some(self.cell_bar_ui(ui, view, table));
                self.report_ui(ui, texts);
            }
            ui.add_space(4.0);
            egui::Panel::bottom("budget_notes")
                .show_separator_line(false)
                .show(ui, |ui| {
                    notes_ui(ui, view, table, &self.derived, self.cursor_row(table));
                });
            egui::CentralPanel::default()
                .frame(egui::Frame::NONE)
                .show(ui, |ui| {
                    // Leave room for the vertical scroll bar, which the grid does not count.
                    let size = ui.available_size() - egui::vec2(ui.spacing().scroll.bar_width + 4.0, 0.0);
                    ui.allocate_ui(size, |ui| {
                        let output = grid::grid_ui(
                            ui,
                            view,
                            table,
                            &self.derived,
                            &mut self.grid,
                            self.sort,
                            cell_label,
                            commands,
                        );
                        if let Some(column) = output.sort_clicked {
                            self.sort = SortKey::next(self.sort, column);
                        }
                        if let Some(problems) = output.paste_report {
                            self.report = Some(Report {
                                text: texts.pasted.to_string(),
                                problems,
                            });
                        }
                        if let Some(cells) = output.copied {
                            self.report = Some(Report {
                                text: texts.copied_cells(cells),
                                problems: Vec::new(),
                            });
                        }
                    });
                });
        });
        self.dialog_ui(ui, view, Some(table), commands);
    }

    /// Shows a table, and a row (at a column) of it as the current cell, in view: in the
    /// table's own order, so that the row is where the source has it.
    pub fn reveal(&mut self, dossier: &Dossier, table: TableId, cell: Option<(RowId, Option<ColumnId>)>) {
        self.select_table(table);
        let Some(table) = dossier.budget_tables.iter().find(|t| t.id == table) else {
            return;
        };
        if let Some((row, column)) = cell
            && let Some(line) = table.rows.iter().position(|r| r.id == row)
        {
            let column = column.and_then(|c| table.column_index(c)).unwrap_or(0);
            self.grid.cursor = Some(grid::CellRef {
                row: Some(row),
                column,
            });
            self.grid.scroll_to = Some(line);
            self.grid.focus = true;
        }
    }

    /// Whether the figures of the table shown are being worked out off the frame.
    pub fn is_working_out(&self) -> bool {
        self.derived.is_coming()
    }

    fn select_table(&mut self, id: TableId) {
        self.selected = Some(id);
        self.sort = None;
        self.group_by = None;
        self.grid = GridState::default();
        self.report = None;
    }

    /// The row of the current cell, if it is on a row.
    fn cursor_row<'a>(&self, table: &'a BudgetTable) -> Option<&'a Row> {
        table.rows.get(self.derived.row_index(self.grid.cursor?.row?)?)
    }

    /// The table column of the current cell, if it is one of the table's own.
    fn cursor_column<'a>(&self, table: &'a BudgetTable) -> Option<&'a Column> {
        match self.derived.figures.shown.get(self.grid.cursor?.column)? {
            Shown::Data(at) => table.columns.get(*at),
            Shown::Computed(_) => None,
        }
    }

    fn tables_ui(
        &mut self,
        ui: &mut Ui,
        view: &ViewContext<'_>,
        table: &BudgetTable,
        commands: &mut Commands,
    ) {
        let texts = view.texts;
        ui.add_space(6.0);
        ui.label(RichText::new(texts.tables).strong());
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            if ui.small_button(texts.new_table).clicked() {
                self.dialog = Some(Dialog::NewTable { title: String::new() });
            }
            if ui.small_button(texts.rename).clicked() {
                self.dialog = Some(Dialog::RenameTable {
                    title: table.title.clone(),
                });
            }
            if ui.small_button(texts.duplicate).clicked() {
                let title = texts.copy_of(&table.title);
                let copy = table.duplicate(view.ids, title);
                let index = view
                    .dossier
                    .budget_tables
                    .iter()
                    .position(|t| t.id == table.id)
                    .map_or(0, |i| i + 1);
                let id = copy.id;
                commands.push(Edit::InsertTable {
                    index,
                    table: Box::new(copy),
                });
                self.select_table(id);
            }
            if ui.small_button(texts.delete).clicked() {
                self.dialog = Some(Dialog::DeleteTable);
            }
        });
        ui.add_space(4.0);
        egui::ScrollArea::vertical()
            .id_salt("budget_table_list")
            .show(ui, |ui| {
                for other in &view.dossier.budget_tables {
                    let selected = other.id == table.id;
                    let button = egui::Button::selectable(selected, other.title.as_str())
                        .wrap_mode(egui::TextWrapMode::Wrap)
                        .min_size(egui::vec2(ui.available_width(), 0.0));
                    if ui.add(button).clicked() && !selected {
                        self.select_table(other.id);
                    }
                    ui.label(RichText::new(texts.rows(other.rows.len())).small().weak());
                    ui.add_space(4.0);
                }
            });
    }
}

impl BudgetView {
    fn toolbar_ui(
        &mut self,
        ui: &mut Ui,
        view: &ViewContext<'_>,
        table: &BudgetTable,
        commands: &mut Commands,
    ) {
        let texts = view.texts;
        let row = self.cursor_row(table);
        let row_index = row.and_then(|r| self.derived.row_index(r.id));
        let column = self.cursor_column(table);
        ui.horizontal_wrapped(|ui| {
            if ui.button(texts.add_row).clicked() {
                let index = row_index.map_or(table.rows.len(), |i| i + 1);
                let id = RowId(view.ids.next());
                commands.push(Edit::InsertRow {
                    table: table.id,
                    index,
                    row: Row {
                        id,
                        cells: vec![Cell::default(); table.columns.len()],
                        source: None,
                    },
                });
                self.grid.cursor = Some(grid::CellRef {
                    row: Some(id),
                    column: self.grid.cursor.map_or(0, |c| c.column),
                });
                self.grid.focus = true;
            }
            // The row's actions in one menu, so that the toolbar is one line in both
            // languages and does not move when the table is sorted.
            ui.menu_button(texts.row_menu, |ui| {
                if ui
                    .add_enabled(row.is_some(), egui::Button::new(texts.duplicate_row))
                    .clicked()
                    && let (Some(row), Some(index)) = (row, row_index)
                {
                    let copy = Row {
                        id: RowId(view.ids.next()),
                        source: None,
                        ..row.clone()
                    };
                    commands.push(Edit::InsertRow {
                        table: table.id,
                        index: index + 1,
                        row: copy,
                    });
                }
                let selected_rows = self.selected_rows(table);
                if ui
                    .add_enabled(!selected_rows.is_empty(), egui::Button::new(texts.delete_rows))
                    .clicked()
                {
                    let batch = selected_rows
                        .iter()
                        .map(|id| Edit::RemoveRow {
                            table: table.id,
                            row: *id,
                        })
                        .collect();
                    commands.push(Edit::Batch(batch));
                    self.grid.anchor = None;
                    self.grid.cursor = None;
                }
                let movable = row_index.is_some() && self.sort.is_none() && self.group_by.is_none();
                for (label, up) in [(texts.move_up, true), (texts.move_down, false)] {
                    let button = ui.add_enabled(movable, egui::Button::new(label));
                    let button = if self.sort.is_some() || self.group_by.is_some() {
                        button.on_disabled_hover_text(texts.move_needs_order)
                    } else {
                        button
                    };
                    if button.clicked()
                        && let (Some(row), Some(index)) = (row, row_index)
                    {
                        let to = if up { index.saturating_sub(1) } else { index + 1 };
                        commands.push(Edit::MoveRow {
                            table: table.id,
                            row: row.id,
                            to,
                        });
                        self.grid.scroll_to = Some(to);
                    }
                }
            });
            ui.separator();
            ui.menu_button(texts.column_menu, |ui| {
                if ui.button(texts.add_column).clicked() {
                    self.dialog = Some(Dialog::AddColumn {
                        name: String::new(),
                        kind: ColumnKind::Money,
                    });
                }
                let Some(column) = column else {
                    ui.label(RichText::new(texts.choose_a_cell).weak());
                    return;
                };
                ui.label(RichText::new(&column.name).strong());
                if ui.button(texts.rename).clicked() {
                    self.dialog = Some(Dialog::RenameColumn {
                        column: column.id,
                        name: column.name.clone(),
                    });
                }
                ui.menu_button(texts.change_kind, |ui| {
                    for kind in ColumnKind::ALL {
                        if ui
                            .add_enabled(
                                kind != column.kind,
                                egui::Button::new(column_kind_name(kind, texts)),
                            )
                            .clicked()
                        {
                            self.retype(table, column, kind, commands);
                        }
                    }
                });
                if column.kind == ColumnKind::Money && ui.button(texts.printed_total).clicked() {
                    let current = table.reported_totals.iter().find(|t| t.column == column.id);
                    self.dialog = Some(Dialog::PrintedTotal {
                        column: column.id,
                        text: current.map(|t| t.amount.to_belgian()).unwrap_or_default(),
                        error: None,
                    });
                }
                if ui.button(texts.delete_column).clicked() {
                    self.dialog = Some(Dialog::DeleteColumn { column: column.id });
                }
            });
            ui.menu_button(texts.computed_menu, |ui| {
                if ui.button(texts.add_sum).clicked() {
                    self.dialog = Some(Dialog::Computed {
                        name: texts.sum_name.to_string(),
                        share: false,
                        chosen: Vec::new(),
                    });
                }
                if ui.button(texts.add_share).clicked() {
                    self.dialog = Some(Dialog::Computed {
                        name: texts.share_name.to_string(),
                        share: true,
                        chosen: Vec::new(),
                    });
                }
                for (index, computed) in table.computed.iter().enumerate() {
                    if ui.button(texts.remove_named(&computed.name)).clicked() {
                        let mut kept = table.computed.clone();
                        kept.remove(index);
                        commands.push(Edit::SetComputed {
                            table: table.id,
                            computed: kept,
                        });
                    }
                }
            });
            let label = ui.label(texts.subtotals_by);
            let grouping = self
                .group_by
                .and_then(|id| table.column_index(id))
                .map(|i| table.columns[i].name.as_str());
            egui::ComboBox::from_id_salt(("group_by", table.id.0))
                .selected_text(grouping.unwrap_or(texts.none))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.group_by, None, texts.none);
                    for text_column in table.columns.iter().filter(|c| c.kind == ColumnKind::Text) {
                        ui.selectable_value(&mut self.group_by, Some(text_column.id), &text_column.name);
                    }
                })
                .response
                .labelled_by(label.id);
            // Always there, so that sorting does not move the toolbar and the grid under it.
            if ui
                .add_enabled(self.sort.is_some(), egui::Button::new(texts.original_order))
                .clicked()
            {
                self.sort = None;
            }
            ui.separator();
            if ui.button(texts.export_csv).clicked()
                && let Some(index) = view.dossier.budget_tables.iter().position(|t| t.id == table.id)
            {
                commands.push(Command::Export(Export::Sheet {
                    table: SheetTable::Budget(index),
                    delimiter: Delimiter::Semicolon,
                }));
            }
        });
    }

    /// The rows of the selected range, by id.
    fn selected_rows(&self, table: &BudgetTable) -> Vec<RowId> {
        let Some(cursor) = self.grid.cursor else {
            return Vec::new();
        };
        let anchor = self.grid.anchor.unwrap_or(cursor);
        let (a, b) = (
            self.derived.line_of_cell(anchor),
            self.derived.line_of_cell(cursor),
        );
        (a.min(b)..=a.max(b))
            .filter_map(|line| self.derived.row_at(line))
            .map(|index| table.rows[index].id)
            .collect()
    }

    /// Changes a column's kind at once when nothing is lost, else asks first.
    fn retype(&mut self, table: &BudgetTable, column: &Column, kind: ColumnKind, commands: &mut Commands) {
        let Some(index) = table.column_index(column.id) else {
            return;
        };
        let lost = table
            .rows
            .iter()
            .filter(|row| convert_cell(&row.cells[index], kind).is_err())
            .count();
        if lost == 0 {
            commands.push(retype_edit(table, index, kind));
        } else {
            self.dialog = Some(Dialog::Retype {
                column: column.id,
                kind,
                lost,
            });
        }
    }

    /// Where the current cell is and what it holds, and what is being typed into it.
    /// Returns the id of the label that names the cell editor.
    fn cell_bar_ui(&self, ui: &mut Ui, view: &ViewContext<'_>, table: &BudgetTable) -> egui::Id {
        let texts = view.texts;
        // Wrapped, so that a refusal shows its whole reason.
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(RichText::new(texts.cell_editor).weak());
            if let Some(cursor) = self.grid.cursor {
                let name = match self.derived.figures.shown.get(cursor.column) {
                    Some(Shown::Data(at)) => table.columns[*at].name.clone(),
                    Some(Shown::Computed(at)) => table
                        .computed
                        .get(*at)
                        .map(|c| c.name.clone())
                        .unwrap_or_default(),
                    None => String::new(),
                };
                let place = match self.cursor_row(table) {
                    Some(row) => {
                        let number = self.derived.row_index(row.id).map_or(0, |i| i + 1);
                        texts.row_column(number, name)
                    }
                    None => format!("{} · {name}", texts.total),
                };
                ui.label(RichText::new(place).strong());
            }
            if let Some(edit) = &self.grid.editing
                && let Some(error) = &edit.error
            {
                let bad = theme::palette(ui.visuals().dark_mode).bad;
                ui.add(egui::Label::new(RichText::new(error).color(bad)).wrap());
            }
            label.id
        })
        .inner
    }

    fn report_ui(&mut self, ui: &mut Ui, texts: &Texts) {
        let Some(report) = &self.report else { return };
        let mut close = false;
        let bad = theme::palette(ui.visuals().dark_mode).bad;
        egui::Frame::new()
            .fill(ui.visuals().faint_bg_color)
            .inner_margin(6.0)
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(&report.text);
                    if ui.small_button(texts.close).clicked() {
                        close = true;
                    }
                });
                for problem in &report.problems {
                    let column = if problem.column.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", problem.column)
                    };
                    let line = texts.paste_problem(problem.line, column, &problem.message);
                    ui.label(RichText::new(line).color(bad));
                }
            });
        if close {
            self.report = None;
        }
    }
}

/// Under the grid: empty cells behind the totals, printed totals that disagree, the
/// budget and what is left of it, the footnotes, the current row's source and the
/// table's.
fn notes_ui(ui: &mut Ui, view: &ViewContext<'_>, table: &BudgetTable, derived: &Derived, row: Option<&Row>) {
    let texts = view.texts;
    let palette = theme::palette(ui.visuals().dark_mode);
    ui.add_space(6.0);
    for (column, total) in table.columns.iter().zip(&derived.figures.totals) {
        if let Some(total) = total.filter(|t| t.empty > 0) {
            let line = format!("{}: {}", column.name, texts.empty_cells(total.empty));
            ui.label(RichText::new(line).small().weak());
        }
    }
    for (column, printed, sum) in &derived.figures.discrepancies {
        let name = table
            .column_index(*column)
            .map_or("", |i| table.columns[i].name.as_str());
        let line = format!(
            "{name}: {}",
            texts.reported_differs(
                table.total_text(*column, *printed),
                table.total_text(*column, *sum)
            )
        );
        ui.label(RichText::new(line).color(palette.bad));
    }
    if let Some(envelope) = &table.envelope {
        widgets::facts_grid(ui, "budget_envelope", |ui| {
            let response = widgets::fact_label(ui, &envelope.label);
            widgets::with_source(response, view.dossier, envelope.source.as_ref(), texts);
            widgets::figure(ui, envelope.amount.to_belgian());
            ui.end_row();
            if let Some(remainder) = table.remainder() {
                ui.label(RichText::new(&envelope.remainder_label).strong());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(RichText::new(remainder.to_belgian()).monospace().strong())
                });
                ui.end_row();
            }
        });
    }
    for footnote in &table.footnotes {
        ui.label(format!("{} {}", footnote.mark, footnote.text));
    }
    if !view.presenting
        && let Some(source) = row.and_then(|r| r.source.as_ref())
    {
        let quote = source
            .quote
            .as_deref()
            .map(|q| format!(": “{q}”"))
            .unwrap_or_default();
        ui.label(RichText::new(format!("{}{quote}", texts.row_source)).small());
    }
    if let Some(source) = &table.source {
        let title = view
            .dossier
            .source(&source.document)
            .map_or(source.document.0.as_str(), |d| d.title.as_str());
        let part = source
            .part
            .as_deref()
            .map(|p| format!(", {p}"))
            .unwrap_or_default();
        ui.label(
            RichText::new(format!("{}: {title}{part}", texts.source))
                .small()
                .weak(),
        );
    }
    ui.add_space(4.0);
}
