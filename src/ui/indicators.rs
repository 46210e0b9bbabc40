//! The indicators: target against the latest actual per engagement type.

use egui::{Align, Layout, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use rust_decimal::Decimal;

use super::widgets::{self, chip, figure};
use super::{DossierVersion, ViewContext, theme};
use crate::i18n::{Texts, fill};
use crate::model::indicator::{Indicator, Status};
use crate::model::money::format_decimal;

/// The figures of one indicator row, worked out once per dossier version.
#[derive(Clone, Debug)]
struct Line {
    index: usize,
    target: Option<Decimal>,
    actual: Option<Decimal>,
    measured: Option<String>,
    difference: Option<Decimal>,
    percent: Option<Decimal>,
    status: Option<Status>,
}

#[derive(Debug, Default)]
pub struct IndicatorsView {
    lines: Vec<Line>,
    /// Widths of the columns after the first, which takes the rest.
    widths: Vec<f32>,
    built_for: Option<DossierVersion>,
}

impl IndicatorsView {
    pub fn ui(&mut self, ui: &mut Ui, view: &ViewContext<'_>) {
        let texts = view.texts;
        let indicators = &view.dossier.indicators;
        if indicators.is_empty() {
            ui.label(RichText::new(texts.no_indicators).weak());
            return;
        }
        if self.built_for != Some(view.version) {
            let thresholds = view.dossier.settings.indicator_thresholds;
            self.lines = indicators
                .iter()
                .enumerate()
                .map(|(index, indicator)| line(index, indicator, thresholds, view))
                .collect();
            self.widths = column_widths(ui, texts, &self.lines, indicators);
            self.built_for = Some(view.version);
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.add_space(4.0);
            let count = |status| {
                self.lines
                    .iter()
                    .filter(|l| l.status == Some(status))
                    .count()
                    .to_string()
            };
            let counts = fill(
                texts.indicator_counts,
                &[&count(Status::Met), &count(Status::Close), &count(Status::Behind)],
            );
            ui.label(RichText::new(counts).heading());
            ui.add_space(6.0);
            egui::Panel::bottom("indicator_notes")
                .show_separator_line(false)
                .show(ui, |ui| {
                    ui.add_space(6.0);
                    ui.label(RichText::new(texts.rough_total_note).italics().weak());
                    if let Some(source) = indicators.iter().find_map(|i| i.source.as_ref()) {
                        let title = view
                            .dossier
                            .source(&source.document)
                            .map_or(source.document.0.as_str(), |d| d.title.as_str());
                        ui.label(RichText::new(format!("{}: {title}", texts.source)).small().weak());
                    }
                    ui.add_space(4.0);
                });
            egui::CentralPanel::default()
                .frame(egui::Frame::NONE)
                .show(ui, |ui| self.table_ui(ui, view, indicators));
        });
    }

    fn table_ui(&self, ui: &mut Ui, view: &ViewContext<'_>, indicators: &[Indicator]) {
        let texts = view.texts;
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
        let mut builder = TableBuilder::new(ui)
            .id_salt("indicator_table")
            .striped(true)
            .resizable(true)
            .cell_layout(Layout::left_to_right(Align::Center))
            .auto_shrink([false, false])
            .column(Column::remainder().at_least(220.0).clip(true));
        for width in &self.widths {
            builder = builder.column(Column::initial(*width).at_least(48.0).clip(true));
        }
        builder
            .header(row_height + 8.0, |mut header| {
                let titles = [
                    (texts.engagement_type, false),
                    (texts.output, false),
                    (texts.target, true),
                    (texts.actual, true),
                    (texts.measured_on, false),
                    (texts.difference, true),
                    (texts.achievement, true),
                    (texts.status, false),
                ];
                for (title, right) in titles {
                    header.col(|ui| {
                        let title = RichText::new(title).strong();
                        if right {
                            ui.with_layout(Layout::right_to_left(Align::Center), |ui| ui.label(title));
                        } else {
                            ui.label(title);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, self.lines.len() + 1, |mut row| {
                    let Some(line) = self.lines.get(row.index()) else {
                        totals_row(&mut row, texts, &self.lines);
                        return;
                    };
                    let indicator = &indicators[line.index];
                    row.col(|ui| {
                        let response = ui.label(&indicator.engagement_type);
                        let response =
                            widgets::with_source(response, view.dossier, indicator.source.as_ref(), texts);
                        if let Some(note) = &indicator.note {
                            response.on_hover_text(note);
                        }
                    });
                    row.col(|ui| {
                        ui.label(&indicator.output).on_hover_text(&indicator.output);
                    });
                    row.col(|ui| optional_figure(ui, texts, line.target, 0));
                    row.col(|ui| optional_figure(ui, texts, line.actual, 0));
                    row.col(|ui| {
                        widgets::text_or_unknown(ui, line.measured.as_deref(), texts);
                    });
                    row.col(|ui| {
                        if let Some(difference) = line.difference {
                            let sign = if difference > Decimal::ZERO { "+" } else { "" };
                            figure(ui, format!("{sign}{}", format_decimal(difference, 0)));
                        }
                    });
                    row.col(|ui| {
                        if let Some(percent) = line.percent {
                            figure(ui, format!("{} %", format_decimal(percent, 2)));
                        }
                    });
                    row.col(|ui| status_ui(ui, texts, line.status));
                });
            });
    }
}

/// Widths from the headers and the figures, for the columns after the first.
fn column_widths(ui: &Ui, texts: &Texts, lines: &[Line], indicators: &[Indicator]) -> Vec<f32> {
    let figures = |values: Vec<String>, header: &str| {
        let header =
            widgets::measured_width(ui, std::iter::once(header), &egui::TextStyle::Body, 60.0, 320.0);
        let values = widgets::measured_width(
            ui,
            values.iter().map(String::as_str),
            &egui::TextStyle::Monospace,
            60.0,
            320.0,
        );
        header.max(values)
    };
    let texts_of = |values: Vec<&str>, header: &str, max: f32| {
        widgets::measured_width(
            ui,
            values.into_iter().chain(std::iter::once(header)),
            &egui::TextStyle::Body,
            60.0,
            max,
        )
    };
    let decimals = |values: Vec<Option<Decimal>>, places: u32| -> Vec<String> {
        values
            .into_iter()
            .flatten()
            .map(|value| format_decimal(value, places))
            .collect()
    };
    let target_total: Decimal = lines.iter().filter_map(|l| l.target).sum();
    let actual_total: Decimal = lines.iter().filter_map(|l| l.actual).sum();
    vec![
        texts_of(
            indicators.iter().map(|i| i.output.as_str()).collect(),
            texts.output,
            300.0,
        ),
        figures(
            decimals(
                lines
                    .iter()
                    .map(|l| l.target)
                    .chain([Some(target_total)])
                    .collect(),
                0,
            ),
            texts.target,
        ),
        figures(
            decimals(
                lines
                    .iter()
                    .map(|l| l.actual)
                    .chain([Some(actual_total)])
                    .collect(),
                0,
            ),
            texts.actual,
        ),
        texts_of(
            lines.iter().filter_map(|l| l.measured.as_deref()).collect(),
            texts.measured_on,
            220.0,
        ),
        figures(
            decimals(lines.iter().map(|l| l.difference).collect(), 0),
            texts.difference,
        ) + 10.0,
        figures(
            lines
                .iter()
                .filter_map(|l| l.percent)
                .map(|p| format!("{} %", format_decimal(p, 2)))
                .collect(),
            texts.achievement,
        ),
        texts_of(
            vec![texts.met, texts.close_to, texts.behind, texts.not_measured],
            texts.status,
            200.0,
        ) + 16.0,
    ]
}

fn line(
    index: usize,
    indicator: &Indicator,
    thresholds: crate::model::indicator::Thresholds,
    view: &ViewContext<'_>,
) -> Line {
    let latest = indicator.latest();
    let achievement = indicator.achievement();
    Line {
        index,
        target: indicator.target,
        actual: latest.map(|m| m.value),
        measured: latest.map(|m| m.date.display(view.language)),
        difference: achievement.map(|a| a.difference()),
        percent: achievement.and_then(|a| a.percent()),
        status: achievement.map(|a| a.status(thresholds)),
    }
}

fn optional_figure(ui: &mut Ui, texts: &Texts, value: Option<Decimal>, decimals: u32) {
    match value {
        Some(value) => {
            figure(ui, format_decimal(value, decimals));
        }
        None => {
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                widgets::unknown(ui, texts)
            });
        }
    }
}

pub fn status_name(status: Status, texts: &Texts) -> &'static str {
    match status {
        Status::Met => texts.met,
        Status::Close => texts.close_to,
        Status::Behind => texts.behind,
    }
}

fn status_ui(ui: &mut Ui, texts: &Texts, status: Option<Status>) {
    let palette = theme::palette(ui.visuals().dark_mode);
    match status {
        Some(status) => {
            let color = match status {
                Status::Met => palette.good,
                Status::Close => palette.warn,
                Status::Behind => palette.bad,
            };
            chip(ui, status_name(status, texts), color);
        }
        None => {
            ui.label(RichText::new(texts.not_measured).weak());
        }
    }
}

fn totals_row(row: &mut egui_extras::TableRow<'_, '_>, texts: &Texts, lines: &[Line]) {
    let sum = |values: &mut dyn Iterator<Item = Decimal>| values.sum::<Decimal>();
    let targets = sum(&mut lines.iter().filter_map(|l| l.target));
    let actuals = sum(&mut lines.iter().filter_map(|l| l.actual));
    row.col(|ui| {
        ui.label(RichText::new(texts.total).strong());
    });
    row.col(|_| {});
    row.col(|ui| {
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            ui.label(RichText::new(format_decimal(targets, 0)).monospace().strong())
        });
    });
    row.col(|ui| {
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            ui.label(RichText::new(format_decimal(actuals, 0)).monospace().strong())
        });
    });
    for _ in 0..4 {
        row.col(|_| {});
    }
}
