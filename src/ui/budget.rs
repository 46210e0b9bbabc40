//! The budget tables: the list of tables and the selected one as a grid with exact
//! totals, flagged cells and footnotes.

use egui::{Align, Layout, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::widgets::{self, figure};
use super::{DossierVersion, ViewContext, theme};
use crate::i18n::{Texts, fill};
use crate::model::budget::{BudgetTable, Cell, CellValue, ColumnKind, ColumnTotal, TotalValue};
use crate::model::calendar::format_day_short;
use crate::model::dossier::TableId;
use crate::model::money::format_decimal;

#[derive(Debug, Default)]
pub struct BudgetView {
    pub selected: Option<TableId>,
    /// The totals of the selected table, per column, for the version they were made for.
    totals: Vec<Option<ColumnTotal>>,
    /// Column widths from the content; `None` for the column that takes the rest.
    widths: Vec<Option<f32>>,
    totals_for: Option<(DossierVersion, TableId)>,
}

/// How many rows are measured for column widths: enough to be representative, few
/// enough to stay instant on a table of any length.
const MEASURED_ROWS: usize = 500;

impl BudgetView {
    pub fn ui(&mut self, ui: &mut Ui, view: &ViewContext<'_>) {
        let dossier = view.dossier;
        if dossier.budget_tables.is_empty() {
            ui.label(RichText::new(view.texts.no_tables).weak());
            return;
        }
        let table = self
            .selected
            .and_then(|id| dossier.budget_tables.iter().find(|t| t.id == id))
            .unwrap_or(&dossier.budget_tables[0]);
        self.selected = Some(table.id);
        if self.totals_for != Some((view.version, table.id)) {
            self.totals = (0..table.columns.len()).map(|index| table.total(index)).collect();
            self.widths = column_widths(ui, view.texts, table, &self.totals);
            self.totals_for = Some((view.version, table.id));
        }
        if !view.presenting {
            egui::Panel::left("budget_tables")
                .resizable(true)
                .default_size(260.0)
                .show(ui, |ui| self.list_ui(ui, view));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.add_space(4.0);
            ui.label(RichText::new(&table.title).heading());
            if !table.description.is_empty() && !view.presenting {
                ui.label(RichText::new(&table.description).weak());
            }
            ui.add_space(6.0);
            egui::Panel::bottom("budget_notes")
                .show_separator_line(false)
                .show(ui, |ui| notes_ui(ui, view, table, &self.totals));
            egui::CentralPanel::default()
                .frame(egui::Frame::NONE)
                .show(ui, |ui| {
                    // Leave room for the vertical scroll bar, which the grid does not count.
                    let size = ui.available_size() - egui::vec2(ui.spacing().scroll.bar_width + 4.0, 0.0);
                    ui.allocate_ui(size, |ui| {
                        grid_ui(ui, view.texts, table, &self.totals, &self.widths);
                    });
                });
        });
    }

    fn list_ui(&mut self, ui: &mut Ui, view: &ViewContext<'_>) {
        ui.add_space(6.0);
        ui.label(RichText::new(view.texts.tables).strong());
        ui.add_space(4.0);
        egui::ScrollArea::vertical()
            .id_salt("budget_table_list")
            .show(ui, |ui| {
                for table in &view.dossier.budget_tables {
                    let selected = self.selected == Some(table.id);
                    let button = egui::Button::selectable(selected, table.title.as_str())
                        .wrap_mode(egui::TextWrapMode::Wrap)
                        .min_size(egui::vec2(ui.available_width(), 0.0));
                    if ui.add(button).clicked() {
                        self.selected = Some(table.id);
                    }
                    ui.label(
                        RichText::new(fill(view.texts.rows, &[&table.rows.len().to_string()]))
                            .small()
                            .weak(),
                    );
                    ui.add_space(4.0);
                }
            });
    }
}

fn grid_ui(
    ui: &mut Ui,
    texts: &Texts,
    table: &BudgetTable,
    totals: &[Option<ColumnTotal>],
    widths: &[Option<f32>],
) {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
    let mut builder = TableBuilder::new(ui)
        .id_salt(("budget_grid", table.id.0))
        .striped(true)
        .resizable(true)
        .cell_layout(Layout::left_to_right(Align::Center))
        .auto_shrink([false, false]);
    for width in widths {
        let sizing = match width {
            Some(width) => Column::initial(*width).at_least(48.0).clip(true),
            None => Column::remainder().at_least(160.0).clip(true),
        };
        builder = builder.column(sizing);
    }
    builder
        .header(row_height + 8.0, |mut header| {
            for column in &table.columns {
                header.col(|ui| {
                    let name = RichText::new(&column.name).strong();
                    if matches!(column.kind, ColumnKind::Text | ColumnKind::Date) {
                        ui.label(name);
                    } else {
                        ui.with_layout(Layout::right_to_left(Align::Center), |ui| ui.label(name));
                    }
                });
            }
        })
        .body(|body| {
            let rows = table.rows.len();
            body.rows(row_height, rows + 1, |mut row| {
                let index = row.index();
                match table.rows.get(index) {
                    Some(data) => {
                        for cell in &data.cells {
                            row.col(|ui| cell_ui(ui, texts, cell));
                        }
                    }
                    None => {
                        for (column, total) in totals.iter().enumerate() {
                            row.col(|ui| total_ui(ui, texts, column, total.as_ref()));
                        }
                    }
                }
            });
        });
}

/// The text column with the longest texts takes the remaining width.
fn widest_text_column(table: &BudgetTable) -> Option<usize> {
    table
        .columns
        .iter()
        .enumerate()
        .filter(|(_, column)| column.kind == ColumnKind::Text)
        .max_by_key(|(index, _)| {
            table
                .rows
                .iter()
                .filter_map(|row| row.cells.get(*index)?.text().map(str::len))
                .max()
                .unwrap_or(0)
        })
        .map(|(index, _)| index)
}

/// A cell's value as shown.
fn cell_text(cell: &Cell) -> String {
    match &cell.value {
        None => String::new(),
        Some(CellValue::Text(text)) => text.clone(),
        Some(CellValue::Money(amount)) => amount.to_belgian(),
        Some(CellValue::Integer(number)) => format_decimal((*number).into(), 0),
        Some(CellValue::Percent(percent)) => format!("{} %", format_decimal(*percent, 2)),
        Some(CellValue::Date(date)) => format_day_short(*date),
    }
}

fn total_text(total: &ColumnTotal) -> String {
    match total.value {
        TotalValue::Money(amount) => amount.to_belgian(),
        TotalValue::Integer(number) => format_decimal(number.into(), 0),
    }
}

/// Widths from the header and the first rows; the text column with the longest texts
/// takes the remaining width.
fn column_widths(
    ui: &Ui,
    texts: &Texts,
    table: &BudgetTable,
    totals: &[Option<ColumnTotal>],
) -> Vec<Option<f32>> {
    let widest_text = widest_text_column(table);
    table
        .columns
        .iter()
        .enumerate()
        .map(|(index, column)| {
            if Some(index) == widest_text {
                return None;
            }
            let header = widgets::measured_width(
                ui,
                std::iter::once(column.name.as_str()),
                &egui::TextStyle::Body,
                48.0,
                360.0,
            );
            let shown: Vec<String> = table
                .rows
                .iter()
                .take(MEASURED_ROWS)
                .filter_map(|row| row.cells.get(index).map(cell_text))
                .chain(
                    totals
                        .get(index)
                        .copied()
                        .flatten()
                        .map(|total| total_text(&total)),
                )
                .chain((index == 0).then(|| texts.total.to_string()))
                .collect();
            let style = if column.kind == ColumnKind::Text {
                egui::TextStyle::Body
            } else {
                egui::TextStyle::Monospace
            };
            // Room for a flag and a footnote mark beside an amount.
            let marks = if column.kind == ColumnKind::Text {
                0.0
            } else {
                26.0
            };
            let values =
                widgets::measured_width(ui, shown.iter().map(String::as_str), &style, 48.0, 360.0) + marks;
            Some(header.max(values))
        })
        .collect()
}

fn cell_ui(ui: &mut Ui, texts: &Texts, cell: &Cell) {
    let shown = cell_text(cell);
    match &cell.value {
        Some(CellValue::Text(text)) => {
            ui.label(text).on_hover_text(text);
            return;
        }
        Some(CellValue::Date(_)) => {
            ui.label(shown);
            return;
        }
        None | Some(CellValue::Money(_) | CellValue::Integer(_) | CellValue::Percent(_)) => {}
    }
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        if let Some(mark) = &cell.footnote {
            ui.label(RichText::new(mark).small().strong());
        }
        if cell.flag.is_some() || cell.printed.is_some() {
            let printed = cell.printed.as_deref().unwrap_or_default();
            let mut hover = fill(texts.flagged_printed, &[printed]);
            if let Some(flag) = &cell.flag {
                hover.push('\n');
                hover.push_str(flag);
            }
            widgets::flag_mark(ui).on_hover_text(&hover);
            let color = theme::palette(ui.visuals().dark_mode).flag;
            ui.label(RichText::new(shown).monospace().color(color))
                .on_hover_text(hover);
        } else {
            ui.label(RichText::new(shown).monospace());
        }
    });
}

fn total_ui(ui: &mut Ui, texts: &Texts, column: usize, total: Option<&ColumnTotal>) {
    match total {
        Some(total) => {
            let text = total_text(total);
            let response = ui
                .with_layout(Layout::right_to_left(Align::Center), |ui| {
                    ui.label(RichText::new(text).monospace().strong())
                })
                .inner;
            if total.empty > 0 {
                response.on_hover_text(fill(texts.empty_cells, &[&total.empty.to_string()]));
            }
        }
        None if column == 0 => {
            ui.label(RichText::new(texts.total).strong());
        }
        None => {}
    }
}

/// Under the grid: empty cells behind the totals, the budget and what is left of it,
/// the footnotes and the source.
fn notes_ui(ui: &mut Ui, view: &ViewContext<'_>, table: &BudgetTable, totals: &[Option<ColumnTotal>]) {
    let texts = view.texts;
    ui.add_space(6.0);
    for (column, total) in table.columns.iter().zip(totals) {
        if let Some(total) = total.filter(|t| t.empty > 0) {
            ui.label(
                RichText::new(format!(
                    "{}: {}",
                    column.name,
                    fill(texts.empty_cells, &[&total.empty.to_string()])
                ))
                .small()
                .weak(),
            );
        }
    }
    if let Some(envelope) = &table.envelope {
        widgets::facts_grid(ui, "budget_envelope", |ui| {
            let response = widgets::fact_label(ui, &envelope.label);
            widgets::with_source(response, view.dossier, envelope.source.as_ref(), texts);
            figure(ui, envelope.amount.to_belgian());
            ui.end_row();
            if let Some(remainder) = table.remainder() {
                ui.label(RichText::new(&envelope.remainder_label).strong());
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    ui.label(RichText::new(remainder.to_belgian()).monospace().strong())
                });
                ui.end_row();
            }
        });
    }
    if !table.footnotes.is_empty() {
        for footnote in &table.footnotes {
            ui.label(format!("{} {}", footnote.mark, footnote.text));
        }
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
