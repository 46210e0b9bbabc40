//! The charts: target beside actual per engagement type as horizontal bars (egui_plot),
//! an indicator's measurements over time, and the small trend line of the table.

use egui::{Color32, RichText, Sense, Stroke, Ui, pos2, vec2};
use egui_plot::{Bar, BarChart, GridMark, HLine, Legend, Line, Plot, PlotPoint, PlotPoints, Points, Text};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::{Derived, number, percent_text};
use crate::i18n::DateText as _;
use crate::model::calendar::{add_days, day_number, format_day_short};
use crate::model::indicator::Indicator;
use crate::ui::ViewContext;

/// Target and actual colours: a light grey and a dark blue (Okabe–Ito), which stay apart
/// in greyscale and for colour-blind viewers; the legend names them.
pub(super) fn bar_colors(dark: bool) -> (Color32, Color32) {
    if dark {
        (Color32::from_gray(110), Color32::from_rgb(86, 180, 233))
    } else {
        (Color32::from_gray(200), Color32::from_rgb(0, 114, 178))
    }
}

/// A number for the plot. Plots draw in floating point; the figures shown as text come
/// from the exact decimals.
fn plotted(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// An engagement type short enough for the axis; the whole name shows on hover.
fn axis_label(name: &str, max_chars: usize) -> String {
    if name.chars().count() <= max_chars {
        name.to_string()
    } else {
        let cut: String = name.chars().take(max_chars.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The most engagement types one chart shows: more bars could not be read, and would
/// cost every frame.
pub(super) const CHART_ROWS: usize = 40;

/// How many bars the chart shows.
pub(super) fn chart_rows(derived: &Derived) -> usize {
    derived.order.len().min(CHART_ROWS)
}

/// The height the bar chart takes for `rows` engagement types, with the legend's band.
pub(super) fn bar_chart_height(rows: usize) -> f32 {
    (rows as f32 * 40.0 + 110.0).max(220.0)
}

/// `still` leaves out what only the pointer brings, the hover label and the crosshair:
/// for a picture, and for a projector.
pub(super) fn bar_chart_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    derived: &Derived,
    height: f32,
    still: bool,
) -> egui::Response {
    let texts = view.texts;
    let indicators = &view.dossier.indicators;
    let figures = &derived.dashboard.figures;
    let shown = &derived.order[..chart_rows(derived)];
    let rows = shown.len();
    let (target_color, actual_color) = bar_colors(ui.visuals().dark_mode);
    let text_color = ui.visuals().strong_text_color();
    let max_chars = if view.presenting { 34 } else { 44 };
    let labels: Vec<String> = shown
        .iter()
        .map(|&i| axis_label(&indicators[i].engagement_type, max_chars))
        .collect();
    let position = |row: usize| (rows - 1 - row) as f64;
    let mut targets = Vec::new();
    let mut actuals = Vec::new();
    let mut values = Vec::new();
    let mut widest = 0.0_f64;
    for (row, &index) in shown.iter().enumerate() {
        let (indicator, figure) = (&indicators[index], &figures[index]);
        let y = position(row);
        if let Some(target) = figure.target {
            widest = widest.max(plotted(target));
            targets.push(
                Bar::new(y + 0.19, plotted(target))
                    .width(0.36)
                    .fill(target_color)
                    .stroke(Stroke::new(1.0, target_color.gamma_multiply(0.7)))
                    .name(&indicator.engagement_type),
            );
            if !view.presenting {
                values.push((y + 0.19, plotted(target), number(target)));
            }
        }
        if let Some(actual) = figure.actual {
            widest = widest.max(plotted(actual));
            actuals.push(
                Bar::new(y - 0.19, plotted(actual))
                    .width(0.36)
                    .fill(actual_color)
                    .stroke(Stroke::new(1.0, actual_color))
                    .name(&indicator.engagement_type),
            );
            let label = match figure.percent {
                Some(percent) => format!("{} ({})", number(actual), percent_text(percent)),
                None => format!("{} ({})", number(actual), texts.no_target),
            };
            if !view.presenting {
                values.push((y - 0.19, plotted(actual), label));
            }
        }
        // On a projector one label a row, after the longer bar, in type too large for two:
        // "63 of 80 · 78,75 %".
        if view.presenting {
            let label = match (figure.actual, figure.target, figure.percent) {
                (Some(actual), Some(target), Some(percent)) => Some((
                    plotted(actual).max(plotted(target)),
                    texts.actual_of_target(number(actual), number(target), percent_text(percent)),
                )),
                (Some(actual), _, _) => Some((
                    plotted(actual),
                    format!("{} ({})", number(actual), texts.no_target),
                )),
                (None, Some(target), _) => Some((plotted(target), number(target))),
                (None, None, _) => None,
            };
            values.extend(label.map(|(x, label)| (y, x, label)));
        }
    }
    let measured = derived
        .dashboard
        .measured
        .map(|(_, latest)| latest.display(view.language));
    let actual_name = match &measured {
        Some(date) => format!("{} ({date})", texts.actual),
        None => texts.actual.to_string(),
    };
    let value_size = if view.presenting { 15.0 } else { 13.0 };
    // Room on the right for the value written after the longest bar: the plot's width is
    // the window's less the axis of names, and the widest value label must fit after it.
    let measure = |texts: &mut dyn Iterator<Item = &String>, font: egui::FontId| {
        ui.ctx().fonts_mut(|fonts| {
            texts
                .map(|text| {
                    fonts
                        .layout_no_wrap(format!("  {text}"), font.clone(), text_color)
                        .size()
                        .x
                })
                .fold(0.0_f32, f32::max)
        })
    };
    let axis_width = measure(&mut labels.iter(), egui::TextStyle::Body.resolve(ui.style())) + 24.0;
    let label_width = measure(
        &mut values.iter().map(|(_, _, l)| l),
        egui::FontId::proportional(value_size),
    );
    let plot_width = (ui.available_width() - axis_width).max(120.0);
    let room = (1.0 - f64::from(label_width / plot_width)).max(0.3);
    let x_max = widest / room * 1.04 + 1.0;
    let actual_legend = actual_name.clone();
    let response = Plot::new("indicator_bars")
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        // No lines through the values on a projector.
        .show_grid([!view.presenting, false])
        .show_x(!still)
        .show_y(!still)
        .show_crosshair(!still)
        .grid_spacing(egui::Rangef::new(30.0, 160.0))
        .include_x(0.0)
        .include_x(x_max)
        .include_y(-0.6)
        .include_y(rows as f64 - 0.4)
        .y_grid_spacer(move |_| {
            (0..rows)
                .map(|row| GridMark {
                    value: row as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .y_axis_formatter(move |mark, _| {
            let row = rows as f64 - 1.0 - mark.value;
            if row < -0.01 || (row - row.round()).abs() > 0.01 {
                return String::new();
            }
            labels.get(row.round() as usize).cloned().unwrap_or_default()
        })
        .show_axes([true, true])
        // Counts are short: their labels may stand closer than egui_plot's default allows.
        .custom_x_axes(vec![
            egui_plot::AxisHints::new_x()
                .label(unit_label(indicators))
                .label_spacing(egui::Rangef::new(28.0, 44.0)),
        ])
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new(texts.target, targets)
                    .allow_hover(!still)
                    .horizontal()
                    .color(target_color)
                    .element_formatter(Box::new(|bar, _| format!("{}\n{}", bar.name, bar.value))),
            );
            plot.bar_chart(
                BarChart::new(actual_name, actuals)
                    .allow_hover(!still)
                    .horizontal()
                    .color(actual_color)
                    .element_formatter(Box::new(|bar, _| format!("{}\n{}", bar.name, bar.value))),
            );
            for (y, x, label) in values {
                plot.text(
                    Text::new(
                        "",
                        PlotPoint::new(x, y),
                        RichText::new(format!("  {label}"))
                            .size(value_size)
                            .color(text_color),
                    )
                    .anchor(egui::Align2::LEFT_CENTER),
                );
            }
        })
        .response;
    legend_ui(
        ui,
        &[(target_color, texts.target), (actual_color, &actual_legend)],
    );
    response
}

/// What the colours mean, under the chart where it hides no bar.
fn legend_ui(ui: &mut Ui, entries: &[(Color32, &str)]) {
    ui.horizontal(|ui| {
        ui.add_space(8.0);
        for (color, name) in entries {
            let size = ui.text_style_height(&egui::TextStyle::Body) * 0.8;
            let (rect, _) = ui.allocate_exact_size(vec2(size * 1.6, size), Sense::hover());
            ui.painter().rect_filled(rect, 2.0, *color);
            ui.label(*name);
            ui.add_space(16.0);
        }
    });
}

/// The unit under the axis when all indicators count the same thing.
fn unit_label(indicators: &[Indicator]) -> String {
    let mut units = indicators
        .iter()
        .map(|i| i.unit.as_str())
        .filter(|u| !u.is_empty());
    match units.next() {
        Some(first) if units.all(|u| u == first) => first.to_string(),
        _ => String::new(),
    }
}

/// An indicator's measurements over time as steps, with its target as a line.
pub(super) fn trend_ui(ui: &mut Ui, view: &ViewContext<'_>, indicator: &Indicator) {
    let texts = view.texts;
    let (target_color, actual_color) = bar_colors(ui.visuals().dark_mode);
    let points: Vec<[f64; 2]> = indicator
        .chronological()
        .iter()
        .map(|m| [day_number(m.date.first_day()) as f64, plotted(m.value)])
        .collect();
    // Steps: a value holds until the next measurement.
    let mut steps = Vec::with_capacity(points.len() * 2);
    for pair in points.windows(2) {
        steps.push(pair[0]);
        steps.push([pair[1][0], pair[0][1]]);
    }
    steps.extend(points.last().copied());
    Plot::new(("indicator_trend", indicator.id.0))
        .height(180.0)
        .legend(Legend::default().position(egui_plot::Corner::RightBottom))
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .x_axis_formatter(|mark, _| {
            add_days(jiff::civil::Date::constant(1970, 1, 1), mark.value.round() as i64)
                .map(format_day_short)
                .unwrap_or_default()
        })
        .show(ui, |plot| {
            // Steps have two points on one day; the band shortcut for dense series would
            // fill between them.
            plot.line(
                Line::new(texts.actual, PlotPoints::from(steps))
                    .color(actual_color)
                    .width(2.5)
                    .allow_band(false),
            );
            plot.points(
                Points::new("", PlotPoints::from(points))
                    .color(actual_color)
                    .radius(4.0),
            );
            if let Some(target) = indicator.target {
                plot.hline(
                    HLine::new(texts.target, plotted(target))
                        .color(target_color)
                        .width(2.0)
                        .style(egui_plot::LineStyle::dashed_loose()),
                );
            }
        });
}

/// A small line of the measurements in a table cell, with the target dashed.
pub(super) fn sparkline_ui(ui: &mut Ui, indicator: &Indicator) {
    let (rect, _) = ui.allocate_exact_size(vec2(80.0, ui.available_height().min(24.0)), Sense::hover());
    let measurements = indicator.chronological();
    let values: Vec<f64> = measurements.iter().map(|m| plotted(m.value)).collect();
    let target = indicator.target.map(plotted);
    let top = values
        .iter()
        .copied()
        .chain(target)
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let (first, last) = match (measurements.first(), measurements.last()) {
        (Some(first), Some(last)) => (
            day_number(first.date.first_day()),
            day_number(last.date.first_day()),
        ),
        _ => return,
    };
    let span = (last - first).max(1) as f32;
    let point = |day: i64, value: f64| {
        pos2(
            rect.left() + rect.width() * (day - first) as f32 / span,
            rect.bottom() - rect.height() * (value / top) as f32,
        )
    };
    let (target_color, actual_color) = bar_colors(ui.visuals().dark_mode);
    if let Some(target) = target {
        let y = point(first, target).y;
        ui.painter().add(egui::Shape::dashed_line(
            &[pos2(rect.left(), y), pos2(rect.right(), y)],
            Stroke::new(1.0, target_color),
            3.0,
            3.0,
        ));
    }
    let line: Vec<_> = measurements
        .iter()
        .map(|m| point(day_number(m.date.first_day()), plotted(m.value)))
        .collect();
    ui.painter()
        .add(egui::Shape::line(line, Stroke::new(1.5, actual_color)));
}
