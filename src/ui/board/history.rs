//! The mandate history: a bar per member along a time axis. Known stretches are solid;
//! what the dates leave open is hatched, so it cannot be read as a date; a mandate still
//! running fades out to the right; chairs are marked. A click picks the day of the
//! composition above.

use egui::{Align2, Color32, FontId, Rect, Sense, Shape, Stroke, Ui, pos2, vec2};
use jiff::civil::Date;

use super::Derived;
use super::members::role_name;
use crate::i18n::DateText as _;
use crate::i18n::Texts;
use crate::model::board::{BoardMember, BoardRole, MemberStatus, Organisation, mandate_shape};
use crate::model::calendar::{add_days, day_number, format_day_short};
use crate::ui::time_scale::{Scale, TICKS_HEIGHT, date_of, tick_shapes};
use crate::ui::{ViewContext, theme};

const ROW_HEIGHT: f32 = 30.0;
const BAR_HEIGHT: f32 = 16.0;
const DAY_STRIP: f32 = 18.0;

/// The chart. Returns the day clicked.
pub(super) fn history_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    organisation: &Organisation,
    derived: &Derived,
    day: Date,
) -> Option<Date> {
    let texts = view.texts;
    let board = &organisation.board;
    if board.is_empty() {
        ui.label(egui::RichText::new(texts.no_members).weak());
        return None;
    }
    let today = view.today;
    let founded = organisation.founded.as_ref().map(|f| f.value.first_day());
    let dates = board
        .iter()
        .flat_map(|m| {
            [
                m.mandate_start.map(|d| d.first_day()),
                m.mandate_end.map(|d| d.last_day()),
            ]
        })
        .flatten()
        .chain([founded, Some(today), Some(day)].into_iter().flatten());
    let (first, last) = dates.fold((today, today), |(lo, hi), d| (lo.min(d), hi.max(d)));
    let lower = founded.unwrap_or(first);
    let start = Date::new(first.year(), 1, 1).unwrap_or(first);
    // Room after the last day for a running mandate to fade out.
    let room = add_days(last, 120).unwrap_or(last);
    let end = Date::new(room.year(), 12, 31).unwrap_or(room);

    let name_font = FontId::proportional(15.0);
    let label_width = crate::ui::widgets::measured_width(
        ui,
        board.iter().map(|m| m.name.as_str()),
        &egui::TextStyle::Body,
        120.0,
        260.0,
    );
    // Below the rows, a strip for the chosen day's date.
    let height = TICKS_HEIGHT + ROW_HEIGHT * board.len() as f32 + DAY_STRIP;
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width().max(500.0), height), Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, texts.mandate_history));
    let chart = Rect::from_min_max(pos2(rect.left() + label_width, rect.top()), rect.right_bottom());
    let scale = Scale {
        rect: chart,
        start: day_number(start) as f64,
        end: day_number(end) as f64 + 1.0,
    };
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals().clone();
    let palette = theme::palette(visuals.dark_mode);
    painter.extend(tick_shapes(&painter, &scale, view.language, &visuals, true));

    let x_of = |date: Date| scale.x(day_number(date) as f64);
    let clip = ui.clip_rect();
    let mut hovered: Option<&BoardMember> = None;
    for (row, &index) in derived.order.iter().enumerate() {
        let Some(member) = board.get(index) else { continue };
        let top = rect.top() + TICKS_HEIGHT + ROW_HEIGHT * row as f32;
        let row_rect = Rect::from_min_size(pos2(rect.left(), top), vec2(rect.width(), ROW_HEIGHT));
        // Only the rows in view are drawn.
        if !clip.intersects(row_rect) {
            continue;
        }
        if response.hover_pos().is_some_and(|p| row_rect.contains(p)) {
            hovered = Some(member);
            painter.rect_filled(row_rect, 0.0, visuals.faint_bg_color);
        }
        let text_color = if member.status == MemberStatus::Former {
            visuals.weak_text_color()
        } else {
            visuals.text_color()
        };
        painter.text(
            pos2(rect.left() + 2.0, top + ROW_HEIGHT / 2.0),
            Align2::LEFT_CENTER,
            &member.name,
            name_font.clone(),
            text_color,
        );
        let chair = member.role == BoardRole::Chair;
        let color = bar_color(member, chair, &visuals, palette);
        let bar_top = top + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;
        let bar = |from: Date, to: Date| {
            let left = x_of(from);
            let right = x_of(add_days(to, 1).unwrap_or(to)).max(left + 2.0);
            Rect::from_min_max(pos2(left, bar_top), pos2(right, bar_top + BAR_HEIGHT))
        };
        let shape = mandate_shape(member, lower, today);
        for &(from, to) in &shape.open {
            hatched(&painter, bar(from, to), color);
        }
        if let Some((from, to)) = shape.known {
            painter.rect_filled(bar(from, to), 3.0, color);
            if shape.running {
                fading_tail(&painter, bar(to, to).right(), chart.right(), bar_top, color);
            }
        } else if shape.running {
            fading_tail(&painter, x_of(today), chart.right(), bar_top, color);
        }
        if chair {
            // A chair's stretch carries the word, so the mark survives grey print.
            let anchor = shape
                .known
                .map(|(from, _)| x_of(from))
                .or_else(|| shape.open.first().map(|(from, _)| x_of(*from)))
                .unwrap_or(chart.left());
            let text = role_name(&member.role, texts);
            let galley = painter.layout_no_wrap(text.to_string(), FontId::proportional(12.0), Color32::WHITE);
            let pill = Rect::from_min_size(
                pos2(anchor + 4.0, bar_top + 1.0),
                vec2(galley.size().x + 10.0, BAR_HEIGHT - 2.0),
            );
            painter.rect_filled(pill, 7.0, palette.accent);
            painter.galley(
                pos2(pill.left() + 5.0, pill.center().y - galley.size().y / 2.0),
                galley,
                Color32::WHITE,
            );
        }
        if shape.known.is_none() && member.mandate_start.is_none() {
            let text = if member.mandate_end.is_none() {
                texts.dates_unknown
            } else {
                texts.start_unknown
            };
            let (from, to) = shape.open.first().copied().unwrap_or((lower, today));
            let middle = (x_of(from) + x_of(to)) / 2.0;
            // On a plain ground, so the words do not drown in the hatching.
            let galley =
                painter.layout_no_wrap(text.to_string(), FontId::proportional(12.0), visuals.text_color());
            let ground = Rect::from_center_size(
                pos2(middle, bar_top + BAR_HEIGHT / 2.0),
                galley.size() + vec2(10.0, 0.0),
            );
            painter.rect_filled(ground, 3.0, visuals.panel_fill);
            painter.galley(ground.min + vec2(5.0, 0.0), galley, visuals.text_color());
        }
    }
    day_line(
        &painter,
        &scale,
        rect,
        day,
        palette.accent,
        &format_day_short(day),
    );
    if day != today {
        let x = x_of(today);
        painter.add(Shape::dashed_line(
            &[
                pos2(x, rect.top() + TICKS_HEIGHT),
                pos2(x, rect.bottom() - DAY_STRIP),
            ],
            Stroke::new(1.0, visuals.weak_text_color()),
            4.0,
            4.0,
        ));
    }
    legend_ui(ui, texts, palette, &visuals);

    if let Some(member) = hovered {
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.label(egui::RichText::new(&member.name).strong());
            let unknown = texts.unknown;
            let from = member
                .mandate_start
                .map_or(unknown.to_string(), |d| d.display(view.language));
            let until = member.mandate_end.map_or_else(
                || {
                    if member.status == MemberStatus::Former {
                        unknown.to_string()
                    } else {
                        texts.still_running.to_string()
                    }
                },
                |d| d.display(view.language),
            );
            ui.label(texts.mandate_from_to(from, until));
            ui.label(egui::RichText::new(texts.click_for_day).small().weak());
        });
    }
    let clicked = response
        .clicked()
        .then(|| response.interact_pointer_pos())
        .flatten()
        .filter(|p| p.x >= chart.left());
    clicked.and_then(|p| date_of(scale.day_at(p.x)))
}

fn bar_color(member: &BoardMember, chair: bool, visuals: &egui::Visuals, palette: theme::Palette) -> Color32 {
    let base = if chair {
        palette.accent
    } else {
        visuals.text_color().gamma_multiply(0.55)
    };
    match member.status {
        MemberStatus::Former => base.gamma_multiply(0.45),
        MemberStatus::Outgoing => palette.warn,
        MemberStatus::Active => base,
    }
}

/// An outlined stretch with diagonal lines: not known, so not to be read as dates.
fn hatched(painter: &egui::Painter, rect: Rect, color: Color32) {
    let stroke = Stroke::new(1.0, color);
    painter.rect_stroke(rect, 3.0, stroke, egui::StrokeKind::Inside);
    let clipped = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    let step = 7.0;
    let mut x = rect.left() - rect.height();
    while x < rect.right() {
        clipped.line_segment(
            [pos2(x, rect.bottom()), pos2(x + rect.height(), rect.top())],
            stroke,
        );
        x += step;
    }
}

/// A bar that thins out towards the right edge: the mandate runs on.
fn fading_tail(painter: &egui::Painter, from: f32, to: f32, top: f32, color: Color32) {
    let steps = 8;
    let width = ((to - from) / steps as f32).min(10.0);
    if width <= 0.0 {
        return;
    }
    for step in 0..steps {
        let left = from + width * step as f32;
        let alpha = 1.0 - (step as f32 + 1.0) / (steps as f32 + 1.0);
        painter.rect_filled(
            Rect::from_min_size(pos2(left, top), vec2(width, BAR_HEIGHT)),
            0.0,
            color.gamma_multiply(alpha),
        );
    }
}

/// The composition's day: a line down the chart with the day on top.
fn day_line(painter: &egui::Painter, scale: &Scale, rect: Rect, day: Date, color: Color32, label: &str) {
    let x = scale.x(day_number(day) as f64 + 0.5);
    let bottom = rect.bottom() - DAY_STRIP;
    painter.vline(
        x,
        rect.top() + TICKS_HEIGHT - 4.0..=bottom,
        Stroke::new(2.0, color),
    );
    let font = FontId::proportional(12.0);
    let width = painter
        .layout_no_wrap(label.to_string(), font.clone(), color)
        .size()
        .x;
    let (at, align) = if x + width / 2.0 > rect.right() {
        (rect.right(), Align2::RIGHT_TOP)
    } else {
        (x, Align2::CENTER_TOP)
    };
    painter.text(pos2(at, bottom + 2.0), align, label, font, color);
}

/// What the marks mean.
fn legend_ui(ui: &mut Ui, texts: &Texts, palette: theme::Palette, visuals: &egui::Visuals) {
    let color = visuals.text_color().gamma_multiply(0.55);
    ui.horizontal_wrapped(|ui| {
        let entries: [(&str, u8); 5] = [
            (texts.legend_known, 0),
            (texts.legend_not_known, 1),
            (texts.legend_running, 2),
            (texts.legend_chair, 3),
            (texts.legend_day, 4),
        ];
        for (text, kind) in entries {
            let (rect, _) = ui.allocate_exact_size(vec2(34.0, 14.0), Sense::hover());
            let painter = ui.painter();
            match kind {
                0 => {
                    painter.rect_filled(rect, 3.0, color);
                }
                1 => hatched(painter, rect, color),
                2 => fading_tail(painter, rect.left(), rect.right(), rect.top() - 1.0, color),
                3 => {
                    painter.rect_filled(rect, 7.0, palette.accent);
                }
                _ => {
                    painter.vline(rect.center().x, rect.y_range(), Stroke::new(2.0, palette.accent));
                }
            }
            ui.label(egui::RichText::new(text).small());
            ui.add_space(8.0);
        }
    });
}
