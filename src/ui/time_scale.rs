//! A horizontal time scale in day numbers, and its year and month ticks; the timeline
//! axis and the board's mandate history share it.

use egui::{FontId, Rect, Shape, Stroke, pos2};
use jiff::civil::Date;

use crate::i18n::Language;
use crate::model::calendar::{add_days, day_number};

/// The height of the strip with the year numbers.
pub const TICKS_HEIGHT: f32 = 26.0;

/// Maps day numbers onto the width of a rectangle.
#[derive(Clone, Copy, Debug)]
pub struct Scale {
    pub rect: Rect,
    /// Day numbers at the left and right edges.
    pub start: f64,
    pub end: f64,
}

impl Scale {
    pub fn x(&self, day: f64) -> f32 {
        let fraction = (day - self.start) / (self.end - self.start);
        self.rect.left() + (fraction * f64::from(self.rect.width())) as f32
    }

    /// The day number at `x`.
    pub fn day_at(&self, x: f32) -> f64 {
        self.start + f64::from((x - self.rect.left()) / self.rect.width()) * (self.end - self.start)
    }

    pub fn visible(&self, from: f64, to: f64) -> bool {
        to >= self.start && from <= self.end
    }

    pub fn points_per_day(&self) -> f64 {
        f64::from(self.rect.width()) / (self.end - self.start)
    }
}

/// Year lines with their numbers, and month ticks when there is room for them, the
/// numbers laid out for `painter`. Painted together (`Painter::extend`) or kept: each
/// shape painted alone takes egui's lock once, and the axis has dozens.
pub fn tick_shapes(
    painter: &egui::Painter,
    scale: &Scale,
    language: Language,
    visuals: &egui::Visuals,
    labels: bool,
) -> Vec<Shape> {
    let rect = scale.rect;
    let line = Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color);
    let text = visuals.text_color();
    let weak = visuals.weak_text_color();
    let points_per_year = scale.points_per_day() * 365.25;
    let first_year = date_of(scale.start).map_or(1990, |d| d.year());
    let last_year = date_of(scale.end).map_or(2040, |d| d.year());
    let year_step = match points_per_year {
        p if p >= 60.0 => 1,
        p if p >= 25.0 => 2,
        p if p >= 12.0 => 5,
        _ => 10,
    };
    let mut shapes = Vec::new();
    let vline = |x: f32, y: std::ops::RangeInclusive<f32>, stroke: Stroke| Shape::vline(x, y, stroke);
    let label = |at: egui::Pos2, text: String, size: f32, color| {
        // Set from its top left corner, as `Painter::text` with `Align2::LEFT_TOP` sets it.
        Shape::galley(
            at,
            painter.layout_no_wrap(text, FontId::proportional(size), color),
            color,
        )
    };
    for year in first_year..=last_year {
        let x = scale.x(day_number(Date::constant(year, 1, 1)) as f64);
        if year % year_step == 0 {
            shapes.push(vline(x, rect.top()..=rect.bottom(), line));
            if labels {
                shapes.push(label(
                    pos2(x + 4.0, rect.top() + 4.0),
                    year.to_string(),
                    14.0,
                    text,
                ));
            }
        }
        let points_per_month = points_per_year / 12.0;
        if points_per_month >= 14.0 {
            for month in 2..=12 {
                let x = scale.x(day_number(Date::constant(year, month, 1)) as f64);
                if !labels {
                    let stroke = Stroke::new(0.5, line.color.gamma_multiply(0.5));
                    shapes.push(vline(x, rect.top()..=rect.bottom(), stroke));
                    continue;
                }
                shapes.push(vline(x, rect.top() + 18.0..=rect.top() + TICKS_HEIGHT, line));
                if points_per_month >= 48.0 {
                    let name: String = language.month_name(month).chars().take(3).collect();
                    shapes.push(label(pos2(x + 3.0, rect.top() + 4.0), name, 12.0, weak));
                }
            }
        }
    }
    shapes
}

pub fn date_of(day: f64) -> Option<Date> {
    add_days(Date::constant(1970, 1, 1), day.floor() as i64)
}
