//! The indicator table: target, latest actual and how they compare, per engagement
//! type, sortable, with a rough totals row.

use egui::{Align, Layout, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};
use rust_decimal::Decimal;

use super::{Derived, number, percent_text, status_name};
use crate::i18n::DateText as _;
use crate::i18n::Texts;
use crate::model::dossier::IndicatorId;
use crate::model::indicator::{Figures, Indicator, Status};
use crate::model::text::fold;
use crate::ui::widgets::{self, SortKey, chip, figure, known_first};
use crate::ui::{ViewContext, theme};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IndicatorColumn {
    EngagementType,
    Output,
    Target,
    Actual,
    Measured,
    Difference,
    Achievement,
    Status,
}

impl IndicatorColumn {
    pub const ALL: [IndicatorColumn; 8] = [
        IndicatorColumn::EngagementType,
        IndicatorColumn::Output,
        IndicatorColumn::Target,
        IndicatorColumn::Actual,
        IndicatorColumn::Measured,
        IndicatorColumn::Difference,
        IndicatorColumn::Achievement,
        IndicatorColumn::Status,
    ];
}

fn status_rank(status: Option<Status>) -> Option<u8> {
    status.map(|s| match s {
        Status::Met => 0,
        Status::Close => 1,
        Status::Behind => 2,
    })
}

/// The indicator indexes in the order of `sort`, unknown values last either way; the
/// dossier's order without one.
pub(super) fn sorted(
    indicators: &[Indicator],
    figures: &[Figures],
    sort: Option<SortKey<IndicatorColumn>>,
) -> Vec<usize> {
    let mut order: Vec<usize> = (0..indicators.len()).collect();
    let Some(sort) = sort else {
        return order;
    };
    let names: Vec<String> = indicators.iter().map(|i| fold(&i.engagement_type)).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&figures[a], &figures[b]);
        let known = |p: Option<Decimal>, q: Option<Decimal>| known_first(p, q, sort.descending);
        let primary = match sort.column {
            IndicatorColumn::EngagementType => sort.direct(names[a].cmp(&names[b])),
            IndicatorColumn::Output => {
                sort.direct(fold(&indicators[a].output).cmp(&fold(&indicators[b].output)))
            }
            IndicatorColumn::Target => known(x.target, y.target),
            IndicatorColumn::Actual => known(x.actual, y.actual),
            IndicatorColumn::Measured => known_first(x.measured, y.measured, sort.descending),
            IndicatorColumn::Difference => known(x.difference, y.difference),
            IndicatorColumn::Achievement => known(x.percent, y.percent),
            IndicatorColumn::Status => {
                known_first(status_rank(x.status), status_rank(y.status), sort.descending)
            }
        };
        primary.then_with(|| names[a].cmp(&names[b]))
    });
    order
}

pub(super) fn status_chip(ui: &mut Ui, texts: &Texts, status: Option<Status>) {
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
            ui.label(RichText::new(texts.not_rated).weak());
        }
    }
}

fn right(ui: &mut Ui, text: RichText) {
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| ui.label(text));
}

/// The table. Returns the indicator clicked.
pub(super) fn table_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    derived: &Derived,
    sort: &mut Option<SortKey<IndicatorColumn>>,
    selected: Option<IndicatorId>,
) -> Option<IndicatorId> {
    let texts = view.texts;
    let indicators = &view.dossier.indicators;
    let dashboard = &derived.dashboard;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 12.0;
    let trends = derived.trends;
    let mut columns = vec![
        (IndicatorColumn::EngagementType, texts.engagement_type, false),
        (IndicatorColumn::Output, texts.output, false),
        (IndicatorColumn::Target, texts.target, true),
        (IndicatorColumn::Actual, texts.actual, true),
        (IndicatorColumn::Measured, texts.measured_on, false),
        (IndicatorColumn::Difference, texts.difference, true),
        (IndicatorColumn::Achievement, texts.achievement, true),
        (IndicatorColumn::Status, texts.status, false),
    ];
    if view.presenting {
        columns.retain(|(column, _, _)| *column != IndicatorColumn::Output);
    }
    let mut clicked = None;
    egui::ScrollArea::horizontal()
        .id_salt("indicators_wide")
        .show(ui, |ui| {
            let mut table = TableBuilder::new(ui)
                .id_salt("indicator_table")
                .striped(true)
                .vscroll(false)
                .cell_layout(Layout::left_to_right(Align::Center))
                .column(Column::remainder().at_least(260.0).clip(true));
            for (column, _, _) in &columns[1..] {
                table = table.column(match column {
                    IndicatorColumn::Output => Column::auto().at_least(200.0).at_most(320.0).clip(true),
                    IndicatorColumn::Measured => Column::auto().at_least(140.0),
                    IndicatorColumn::Achievement => Column::auto().at_least(120.0),
                    IndicatorColumn::Status => Column::auto().at_least(110.0),
                    _ => Column::auto().at_least(80.0),
                });
            }
            if trends {
                table = table.column(Column::exact(90.0));
            }
            if !view.presenting {
                table = table.sense(Sense::click());
            }
            table
                .header(row_height + 6.0, |mut header| {
                    widgets::sort_header_row(&mut header, &columns, sort, texts.sort_hint);
                    if trends {
                        header.col(|ui| {
                            ui.label(RichText::new(texts.trend).strong());
                        });
                    }
                })
                .body(|body| {
                    // Only the rows in view are drawn; the last is the totals row.
                    body.rows(row_height, derived.order.len() + 1, |mut row| {
                        let Some(&index) = derived.order.get(row.index()) else {
                            for (column, _, _) in &columns {
                                row.col(|ui| totals_cell_ui(ui, texts, derived, *column));
                            }
                            if trends {
                                row.col(|_| {});
                            }
                            return;
                        };
                        let (Some(indicator), Some(figures)) =
                            (indicators.get(index), dashboard.figures.get(index))
                        else {
                            return;
                        };
                        row.set_selected(selected == Some(indicator.id));
                        for (column, _, _) in &columns {
                            row.col(|ui| cell_ui(ui, view, indicator, figures, *column));
                        }
                        if trends {
                            row.col(|ui| {
                                if indicator.measurements.len() > 1 {
                                    super::chart::sparkline_ui(ui, indicator);
                                }
                            });
                        }
                        if row.response().clicked() {
                            clicked = Some(indicator.id);
                        }
                    });
                });
        });
    ui.label(RichText::new(texts.rough_total_note).italics().weak());
    clicked
}

fn cell_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    indicator: &Indicator,
    figures: &Figures,
    column: IndicatorColumn,
) {
    let texts = view.texts;
    match column {
        IndicatorColumn::EngagementType => {
            let response = ui.add(
                egui::Label::new(&indicator.engagement_type)
                    .selectable(false)
                    .truncate(),
            );
            let response = widgets::with_source(response, view.dossier, indicator.source.as_ref(), texts);
            let hover = match &indicator.note {
                Some(note) => format!("{}\n\n{note}", indicator.engagement_type),
                None => indicator.engagement_type.clone(),
            };
            response.on_hover_text(hover);
        }
        IndicatorColumn::Output => {
            ui.add(egui::Label::new(&indicator.output).selectable(false).truncate())
                .on_hover_text(&indicator.output);
        }
        IndicatorColumn::Target => match figures.target {
            Some(target) => {
                figure(ui, number(target));
            }
            None => {
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    widgets::unknown(ui, texts)
                });
            }
        },
        IndicatorColumn::Actual => match figures.actual {
            Some(actual) => {
                figure(ui, number(actual));
            }
            None => right(ui, RichText::new(texts.not_measured).weak()),
        },
        IndicatorColumn::Measured => {
            let text = figures.measured.map(|d| d.display(view.language));
            widgets::text_or_unknown(ui, text.as_deref(), texts);
        }
        IndicatorColumn::Difference => {
            if let Some(difference) = figures.difference {
                let sign = if difference > Decimal::ZERO { "+" } else { "" };
                figure(ui, format!("{sign}{}", number(difference)));
            }
        }
        IndicatorColumn::Achievement => match (figures.percent, figures.actual) {
            (Some(percent), _) => {
                figure(ui, percent_text(percent));
            }
            // A target of zero or none: a percentage would be ∞ or NaN.
            (None, Some(_)) => right(ui, RichText::new(texts.no_target).weak()),
            (None, None) => {}
        },
        IndicatorColumn::Status => status_chip(ui, texts, figures.status),
    }
}

fn totals_cell_ui(ui: &mut Ui, texts: &Texts, derived: &Derived, column: IndicatorColumn) {
    let dashboard = &derived.dashboard;
    let strong = |text: String| RichText::new(text).monospace().strong();
    match column {
        IndicatorColumn::EngagementType => {
            let rated = dashboard.met + dashboard.close + dashboard.behind + dashboard.unrated;
            ui.label(RichText::new(texts.total_rough).strong())
                .on_hover_text(texts.rough_total_note);
            ui.label(RichText::new(texts.status_counts_short(
                dashboard.met,
                rated,
                dashboard.close,
                dashboard.behind,
            )));
        }
        IndicatorColumn::Target | IndicatorColumn::Actual => {
            let sum = if column == IndicatorColumn::Target {
                dashboard.target_total
            } else {
                dashboard.actual_total
            };
            let shown = sum.map_or_else(|| texts.too_large.to_string(), number);
            right(ui, strong(shown));
        }
        IndicatorColumn::Difference => {
            if let Some(difference) = dashboard
                .actual_total
                .zip(dashboard.target_total)
                .and_then(|(actual, target)| actual.checked_sub(target))
            {
                let sign = if difference > Decimal::ZERO { "+" } else { "" };
                right(ui, strong(format!("{sign}{}", number(difference))));
            }
        }
        IndicatorColumn::Achievement => {
            let percent = dashboard
                .actual_total
                .zip(dashboard.target_total)
                .and_then(|(actual, target)| actual.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(target));
            if let Some(percent) = percent {
                right(ui, strong(percent_text(percent)));
            }
        }
        IndicatorColumn::Output | IndicatorColumn::Measured | IndicatorColumn::Status => {}
    }
}
