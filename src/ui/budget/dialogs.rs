//! The questions the budget view asks before it changes a table: a new table, a
//! column to add, rename, retype or remove, a computed column, the budget.

use egui::{RichText, Ui};

use crate::i18n::{Texts, column_kind_name};
use crate::model::Money;
use crate::model::budget::{
    BudgetTable, Cell, Column, ColumnKind, ComputedColumn, Formula, ReportedTotal, convert_cell,
};
use crate::model::dossier::{ColumnId, TableId};
use crate::model::edit::Edit;
use crate::ui::{Commands, ViewContext, theme, widgets};

use super::BudgetView;

/// A question the view asks before it changes the table.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Dialog {
    NewTable {
        title: String,
    },
    RenameTable {
        title: String,
    },
    DeleteTable,
    AddColumn {
        name: String,
        kind: ColumnKind,
    },
    RenameColumn {
        column: ColumnId,
        name: String,
    },
    Retype {
        column: ColumnId,
        kind: ColumnKind,
        lost: usize,
    },
    DeleteColumn {
        column: ColumnId,
    },
    Computed {
        name: String,
        share: bool,
        chosen: Vec<ColumnId>,
    },
    PrintedTotal {
        column: ColumnId,
        text: String,
        error: Option<String>,
    },
}

impl BudgetView {
    pub(super) fn dialog_ui(
        &mut self,
        ui: &mut Ui,
        view: &ViewContext<'_>,
        table: Option<&BudgetTable>,
        commands: &mut Commands,
    ) {
        let Some(mut changed) = self.dialog.clone() else {
            self.dialog_since = None;
            return;
        };
        let texts = view.texts;
        let mut done = false;
        let frame = ui.ctx().cumulative_frame_nr();
        let enter_confirms = *self.dialog_since.get_or_insert(frame) != frame;
        let modal = widgets::dialog("budget_dialog", ui.ctx()).show(ui.ctx(), |ui| {
            ui.set_max_width(520.0);
            let confirm = |ui: &mut Ui, label: &str| {
                let mut chosen = None;
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    // Enter confirms, as the dialog's first button.
                    let entered = enter_confirms && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if ui.button(label).clicked() || entered {
                        chosen = Some(true);
                    }
                    if ui.button(texts.cancel).clicked() {
                        chosen = Some(false);
                    }
                });
                chosen
            };
            match &mut changed {
                Dialog::NewTable { title } => {
                    ui.heading(texts.new_table);
                    text_field(ui, texts.title, title);
                    if let Some(ok) = confirm(ui, texts.new_table) {
                        if ok && !title.trim().is_empty() {
                            let table = new_table(view, title.trim(), texts);
                            let id = table.id;
                            commands.push(Edit::InsertTable {
                                index: view.dossier.budget_tables.len(),
                                table: Box::new(table),
                            });
                            self.select_table(id);
                        }
                        done = true;
                    }
                }
                Dialog::RenameTable { title } => {
                    ui.heading(texts.rename_table);
                    text_field(ui, texts.title, title);
                    if let Some(ok) = confirm(ui, texts.rename) {
                        if let (true, Some(table)) = (ok && !title.trim().is_empty(), table) {
                            commands.push(Edit::RenameTable {
                                table: table.id,
                                title: title.trim().to_string(),
                            });
                        }
                        done = true;
                    }
                }
                Dialog::DeleteTable => {
                    ui.heading(texts.delete_table);
                    ui.label(texts.delete_table_question(table.map_or("", |t| t.title.as_str())));
                    if let Some(ok) = confirm(ui, texts.delete) {
                        if let (true, Some(table)) = (ok, table) {
                            commands.push(Edit::RemoveTable(table.id));
                            self.selected = None;
                        }
                        done = true;
                    }
                }
                Dialog::AddColumn { name, kind } => {
                    ui.heading(texts.add_column);
                    text_field(ui, texts.name, name);
                    kind_choice(ui, texts, kind);
                    if let Some(ok) = confirm(ui, texts.add_column) {
                        if let (true, Some(table)) = (ok && !name.trim().is_empty(), table) {
                            let index = self
                                .cursor_column(table)
                                .and_then(|c| table.column_index(c.id))
                                .map_or(table.columns.len(), |i| i + 1);
                            let column = Column {
                                id: ColumnId(view.ids.next()),
                                name: name.trim().to_string(),
                                kind: *kind,
                            };
                            commands.push(Edit::InsertColumn {
                                table: table.id,
                                index,
                                column,
                                cells: vec![Cell::default(); table.rows.len()],
                            });
                        }
                        done = true;
                    }
                }
                Dialog::RenameColumn { column, name } => {
                    ui.heading(texts.rename_column);
                    text_field(ui, texts.name, name);
                    if let Some(ok) = confirm(ui, texts.rename) {
                        if let (true, Some(table)) = (ok && !name.trim().is_empty(), table) {
                            commands.push(Edit::RenameColumn {
                                table: table.id,
                                column: *column,
                                name: name.trim().to_string(),
                            });
                        }
                        done = true;
                    }
                }
                Dialog::Retype { column, kind, lost } => {
                    ui.heading(texts.change_kind);
                    ui.label(texts.retype_loses(lost, column_kind_name(*kind, texts)));
                    if let Some(ok) = confirm(ui, texts.change_kind) {
                        if let (true, Some(table)) = (ok, table)
                            && let Some(index) = table.column_index(*column)
                        {
                            commands.push(retype_edit(table, index, *kind));
                        }
                        done = true;
                    }
                }
                Dialog::DeleteColumn { column } => {
                    let name = table
                        .and_then(|t| t.column_index(*column).map(|i| t.columns[i].name.clone()))
                        .unwrap_or_default();
                    ui.heading(texts.delete_column);
                    ui.label(texts.delete_column_question(name));
                    if let Some(ok) = confirm(ui, texts.delete) {
                        if let (true, Some(table)) = (ok, table) {
                            commands.push(Edit::RemoveColumn {
                                table: table.id,
                                column: *column,
                            });
                        }
                        done = true;
                    }
                }
                Dialog::Computed { name, share, chosen } => {
                    ui.heading(if *share { texts.add_share } else { texts.add_sum });
                    text_field(ui, texts.name, name);
                    ui.label(if *share { texts.share_of } else { texts.sum_of });
                    for column in table
                        .iter()
                        .flat_map(|t| t.columns.iter())
                        .filter(|c| c.kind == ColumnKind::Money)
                    {
                        let mut on = chosen.contains(&column.id);
                        let clicked = if *share {
                            ui.radio(on, &column.name).clicked()
                        } else {
                            ui.checkbox(&mut on, &column.name).clicked()
                        };
                        if clicked {
                            if *share {
                                *chosen = vec![column.id];
                            } else if on {
                                chosen.push(column.id);
                            } else {
                                chosen.retain(|id| *id != column.id);
                            }
                        }
                    }
                    if let Some(ok) = confirm(ui, texts.add_column) {
                        if let (true, Some(table)) =
                            (ok && !chosen.is_empty() && !name.trim().is_empty(), table)
                        {
                            let formula = if *share {
                                Formula::Share(chosen[0])
                            } else {
                                Formula::Sum(chosen.clone())
                            };
                            let mut computed = table.computed.clone();
                            computed.push(ComputedColumn {
                                id: ColumnId(view.ids.next()),
                                name: name.trim().to_string(),
                                formula,
                            });
                            commands.push(Edit::SetComputed {
                                table: table.id,
                                computed,
                            });
                        }
                        done = true;
                    }
                }
                Dialog::PrintedTotal { column, text, error } => {
                    ui.heading(texts.printed_total);
                    ui.label(RichText::new(texts.printed_total_hint).small().weak());
                    text_field(ui, texts.amount, text);
                    if let Some(problem) = error.as_ref() {
                        ui.label(
                            RichText::new(problem.as_str()).color(theme::palette(ui.visuals().dark_mode).bad),
                        );
                    }
                    if let Some(ok) = confirm(ui, texts.save_value) {
                        if let (true, Some(table)) = (ok, table) {
                            let mut totals: Vec<ReportedTotal> = table
                                .reported_totals
                                .iter()
                                .filter(|t| t.column != *column)
                                .cloned()
                                .collect();
                            if text.trim().is_empty() {
                                commands.push(Edit::SetReportedTotals {
                                    table: table.id,
                                    totals,
                                });
                                done = true;
                            } else {
                                match Money::parse(text) {
                                    Ok(amount) => {
                                        totals.push(ReportedTotal {
                                            column: *column,
                                            amount,
                                            source: None,
                                        });
                                        commands.push(Edit::SetReportedTotals {
                                            table: table.id,
                                            totals,
                                        });
                                        done = true;
                                    }
                                    Err(problem) => *error = Some(problem.to_string()),
                                }
                            }
                        } else {
                            done = true;
                        }
                    }
                }
            }
        });
        if done || modal.should_close() {
            self.dialog = None;
            self.dialog_since = None;
        } else {
            self.dialog = Some(changed);
        }
    }
}

fn text_field(ui: &mut Ui, label: &str, text: &mut String) {
    let label = ui.label(label);
    let response = ui
        .add(egui::TextEdit::singleline(text).desired_width(440.0))
        .labelled_by(label.id);
    if ui.memory(|memory| memory.focused().is_none()) {
        response.request_focus();
    }
}

fn kind_choice(ui: &mut Ui, texts: &Texts, kind: &mut ColumnKind) {
    ui.horizontal_wrapped(|ui| {
        for option in ColumnKind::ALL {
            ui.radio_value(kind, option, column_kind_name(option, texts));
        }
    });
}

/// The edit that gives a column another kind, each cell converted; what cannot be held
/// is emptied, its text kept as printed with a flag.
pub(super) fn retype_edit(table: &BudgetTable, index: usize, kind: ColumnKind) -> Edit {
    let cells = table
        .rows
        .iter()
        .map(|row| convert_cell(&row.cells[index], kind).unwrap_or_else(|kept| kept))
        .collect();
    Edit::RetypeColumn {
        table: table.id,
        column: table.columns[index].id,
        kind,
        cells,
    }
}

fn new_table(view: &ViewContext<'_>, title: &str, texts: &Texts) -> BudgetTable {
    let first = view.ids.next_block(3);
    BudgetTable {
        id: TableId(first),
        title: title.to_string(),
        description: String::new(),
        columns: vec![
            Column {
                id: ColumnId(first + 1),
                name: texts.description_column.to_string(),
                kind: ColumnKind::Text,
            },
            Column {
                id: ColumnId(first + 2),
                name: texts.amount.to_string(),
                kind: ColumnKind::Money,
            },
        ],
        rows: Vec::new(),
        footnotes: Vec::new(),
        envelope: None,
        computed: Vec::new(),
        reported_totals: Vec::new(),
        source: None,
    }
}
