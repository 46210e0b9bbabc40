//! The time axis: questions as bars from asking to answer (open-ended while the answer
//! date is unknown), events at the precision of their date (a month is a span, not a
//! day), promises, deadlines and answer deadlines. Drag to pan, scroll to zoom.

use std::sync::Arc;

use egui::{Align2, FontId, Rect, Sense, Shape, Stroke, Ui, pos2, vec2};
use jiff::civil::Date;

use super::list::{kind_color, kind_name};
use super::{Derived, Selection};
use crate::i18n::DateText as _;
use crate::i18n::Texts;
use crate::model::Dossier;
use crate::model::analysis::Timeliness;
use crate::model::calendar::{PartialDate, When, day_number, format_day_short};
use crate::model::event::EventKind;
use crate::ui::kept_text::{KeptMesh, TextLook};
use crate::ui::memo::Memo;
use crate::ui::time_scale::{Scale, TICKS_HEIGHT, tick_shapes};
use crate::ui::{ViewContext, theme};

/// How an item is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mark {
    /// From asking to the answer; `open` while the answer date is unknown.
    Question {
        open: bool,
        overdue: bool,
        deadline: Option<f64>,
    },
    /// An event known to the day.
    Point(EventKind),
    /// An event known to a month, season or year, or a period.
    Span(EventKind),
}

#[derive(Clone, Debug)]
struct Item {
    selection: Selection,
    /// Day numbers; `end` is exclusive.
    start: f64,
    end: f64,
    mark: Mark,
    lane: usize,
    questions_section: bool,
    label: String,
}

/// Where each question and event stands on the axis, worked out with the timeline's
/// other figures, off the frame.
#[derive(Debug, Default)]
pub(super) struct Layout {
    /// By start.
    items: Vec<Item>,
    /// For each item, the next one in its lane (where its label must end).
    next_in_lane: Vec<Option<usize>>,
    question_lanes: usize,
    event_lanes: usize,
    longest: f64,
    first: f64,
    last: f64,
}

#[derive(Debug, Default)]
pub(super) struct AxisState {
    /// The visible days, `None` until first fitted.
    range: Option<(f64, f64)>,
    density: Density,
    /// The strip of years, and the lanes' background, year lines and today's line.
    header: KeptMesh,
    body: KeptMesh,
}

impl AxisState {
    /// Lays the axis out again at the next frame.
    pub(super) fn forget(&mut self) {
        self.density.made_for = Memo::default();
    }
}

/// The counts of the density view, kept while the axis shows the same stretch: a still
/// frame then does not go over every item in view.
#[derive(Debug, Default)]
struct Density {
    made_for: Memo<[u64; 3]>,
    counts: [Vec<u32>; 2],
    /// The bars drawn from the counts, and the place and look they were drawn for.
    bars: Option<([u32; 7], Arc<egui::Mesh>)>,
}

const LANE_HEIGHT: f32 = 24.0;
/// More items in view than this are drawn as a density strip, not one by one.
const DENSE: usize = 400;
/// The width of a strip of the density view, in points.
const DENSITY_STEP: f32 = 3.0;
const MOST_LANES: usize = 10;
/// Room kept for a label beside a mark, in points at the fitted zoom.
const LABEL_ROOM: f32 = 170.0;

pub(super) fn axis_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    derived: &Derived,
    state: &mut AxisState,
    selection: &mut Option<Selection>,
) {
    let texts = view.texts;
    let layout = &derived.axis;
    if state.range.is_none_or(|(start, end)| end <= start) {
        state.range = Some(fitted(layout));
    }
    ui.horizontal(|ui| {
        ui.label(RichTextSmall::strong(texts.time_axis));
        if view.presenting {
            return;
        }
        ui.label(RichTextSmall::weak(texts.axis_hint));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.small_button(texts.fit_all).clicked() {
                state.range = Some(fitted(layout));
            }
            for (label, factor) in [(texts.zoom_in, 1.5), (texts.zoom_out, 1.0 / 1.5)] {
                if ui.small_button(label).clicked()
                    && let Some((start, end)) = state.range
                {
                    let middle = (start + end) / 2.0;
                    let half = ((end - start) / factor / 2.0).clamp(10.0, 18_250.0);
                    state.range = Some((middle - half, middle + half));
                }
            }
        });
    });
    let Some((mut start, mut end)) = state.range else {
        return;
    };
    // The year ticks stay put; the lanes under them scroll when there are many.
    let (ticks_rect, ticks_response) =
        ui.allocate_exact_size(vec2(ui.available_width(), TICKS_HEIGHT), Sense::click_and_drag());
    let lanes_height = LANE_HEIGHT * (layout.question_lanes + layout.event_lanes) as f32 + 20.0;
    let mut body = None;
    // Whole lanes in view, so that the lowest is never cut in half; the rest scrolls. The
    // lanes start 4 points down, and the events 10 points after the questions.
    let margins = 4.0 + 10.0 + 2.0;
    let whole_lanes = ((ui.available_height() - margins) / LANE_HEIGHT).floor().max(1.0);
    egui::ScrollArea::vertical()
        .id_salt("axis_lanes")
        .auto_shrink([false, false])
        .max_height(whole_lanes * LANE_HEIGHT + margins)
        .show(ui, |ui| {
            let height = lanes_height.max(ui.available_height());
            body = Some(ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click_and_drag()));
        });
    let Some((rect, response)) = body else { return };
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, texts.time_axis));
    let days_per_point = (end - start) / f64::from(rect.width().max(1.0));
    // Pan by dragging or scrolling sideways; zoom with Ctrl+scroll or a pinch, around the pointer.
    for area in [&response, &ticks_response] {
        if area.dragged() {
            let shift = -f64::from(area.drag_delta().x) * days_per_point;
            start += shift;
            end += shift;
        }
    }
    if response.hovered() || ticks_response.hovered() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        let factor = f64::from(zoom);
        let pan = -f64::from(scroll.x) * days_per_point;
        if (factor - 1.0).abs() > 1e-6 || pan != 0.0 {
            let pointer = ui
                .input(|i| i.pointer.hover_pos())
                .map_or(rect.center().x, |p| p.x);
            let anchor = start + f64::from(pointer - rect.left()) * days_per_point;
            let span = ((end - start) / factor).clamp(20.0, 36_500.0);
            let ratio = (anchor - start) / (end - start);
            start = anchor - span * ratio + pan;
            end = start + span;
        }
    }
    state.range = Some((start, end));
    let visuals = ui.visuals();
    let header = Scale {
        rect: ticks_rect,
        start,
        end,
    };
    let header_painter = ui.painter_at(ticks_rect);
    let scale = Scale { rect, start, end };
    let painter = ui.painter_at(rect.intersect(ui.clip_rect()));
    let today = day_number(view.today) as f64;
    let today_x = scale.visible(today, today + 1.0).then(|| scale.x(today));
    let accent = theme::palette(visuals.dark_mode).accent;
    let line_color = visuals.widgets.noninteractive.bg_stroke.color;
    let lanes_top = rect.top() + 4.0;
    let events_top = lanes_top + LANE_HEIGHT * layout.question_lanes as f32 + 10.0;
    let split = layout.event_lanes > 0 && layout.question_lanes > 0;
    // The backgrounds, the year lines and today's line stay while the axis does.
    let made_of = (
        [start, end].map(f64::to_bits),
        [rect, ticks_rect].map(|r| [r.min.x, r.min.y, r.max.x, r.max.y].map(f32::to_bits)),
        (view.language, view.today, split, events_top.to_bits()),
        (TextLook::of(ui), visuals.extreme_bg_color, line_color),
    );
    state.header.paint(&header_painter, &made_of, || {
        let mut shapes = vec![Shape::rect_filled(ticks_rect, 0.0, visuals.extreme_bg_color)];
        shapes.extend(tick_shapes(
            &header_painter,
            &header,
            view.language,
            visuals,
            true,
        ));
        if let Some(x) = today_x {
            let font = FontId::proportional(12.0);
            let galley = header_painter.layout_no_wrap(texts.today.to_string(), font, accent);
            let at = pos2(x + 3.0, ticks_rect.bottom() - 2.0);
            let placed = Align2::LEFT_BOTTOM.anchor_size(at, galley.size());
            shapes.push(Shape::galley(placed.min, galley, accent));
        }
        shapes
    });
    state.body.paint(&painter, &made_of, || {
        let mut shapes = vec![Shape::rect_filled(rect, 0.0, visuals.extreme_bg_color)];
        shapes.extend(tick_shapes(&painter, &scale, view.language, visuals, false));
        if let Some(x) = today_x {
            let line = [pos2(x, rect.top()), pos2(x, rect.bottom())];
            shapes.extend(Shape::dashed_line(&line, Stroke::new(1.5, accent), 6.0, 4.0));
        }
        if split {
            shapes.push(Shape::hline(
                rect.x_range(),
                events_top - 5.0,
                Stroke::new(1.0, line_color),
            ));
        }
        shapes
    });
    let pointer = ui
        .input(|i| i.pointer.hover_pos())
        .filter(|p| rect.contains(*p) && ui.clip_rect().contains(*p));
    let mut hovered: Option<&Item> = None;
    let first_visible = layout
        .items
        .partition_point(|item| item.start < start - layout.longest);
    let last_visible = layout.items.partition_point(|item| item.start <= end);
    let in_view = last_visible.saturating_sub(first_visible);
    if in_view > DENSE {
        // Too many to draw one by one: how many stand at each point of the axis.
        let tops = [lanes_top, events_top];
        let heights = [
            LANE_HEIGHT * layout.question_lanes as f32,
            LANE_HEIGHT * layout.event_lanes as f32,
        ];
        let stretch = [start.to_bits(), end.to_bits(), u64::from(rect.width().to_bits())];
        if !state.density.made_for.is_fresh(view, &stretch) {
            state.density.counts = density_counts(&scale, &layout.items[first_visible..last_visible]);
            state.density.bars = None;
            state.density.made_for.remember(view, stretch);
        }
        density_ui(&painter, &scale, &mut state.density, tops, heights, visuals);
        if pointer.is_some() {
            response.on_hover_text_at_pointer(texts.axis_dense(in_view));
        }
        return;
    }
    for (index, item) in layout.items[..last_visible]
        .iter()
        .enumerate()
        .skip(first_visible)
    {
        if !scale.visible(item.start, item.end) {
            continue;
        }
        let top = if item.questions_section {
            lanes_top
        } else {
            events_top
        } + LANE_HEIGHT * item.lane as f32;
        if top > ui.clip_rect().bottom() || top + LANE_HEIGHT < ui.clip_rect().top() {
            continue;
        }
        let label_end = layout.next_in_lane[index]
            .and_then(|next| layout.items.get(next))
            // Clear of the next mark, whose diamond reaches 7 points before its day.
            .map_or(rect.right(), |next| scale.x(next.start) - 12.0);
        let selected = *selection == Some(item.selection);
        let bounds = draw_item(&painter, &scale, item, top, label_end, selected, visuals);
        if pointer.is_some_and(|p| bounds.expand(3.0).contains(p)) {
            hovered = Some(item);
        }
    }
    if let Some(item) = hovered {
        let summary = summary(view, derived, item.selection);
        let response = response.on_hover_text_at_pointer(summary);
        if response.clicked() {
            *selection = Some(item.selection);
        }
    }
}

/// Small text helpers for the axis header.
struct RichTextSmall;

impl RichTextSmall {
    fn strong(text: &str) -> egui::RichText {
        egui::RichText::new(text).strong()
    }

    fn weak(text: &str) -> egui::RichText {
        egui::RichText::new(text).small().weak()
    }
}

/// From days to points.
fn fitted(layout: &Layout) -> (f64, f64) {
    if layout.items.is_empty() {
        let today = layout.last;
        return (today - 365.0, today + 60.0);
    }
    let margin = ((layout.last - layout.first) * 0.03).max(15.0);
    (layout.first - margin, layout.last + margin)
}

/// Draws one item and returns the rectangle it takes (mark and label).
fn draw_item(
    painter: &egui::Painter,
    scale: &Scale,
    item: &Item,
    top: f32,
    label_end: f32,
    selected: bool,
    visuals: &egui::Visuals,
) -> Rect {
    let palette = theme::palette(visuals.dark_mode);
    let middle = top + LANE_HEIGHT / 2.0;
    let outline = if selected {
        Stroke::new(2.5, visuals.strong_text_color())
    } else {
        Stroke::NONE
    };
    let (x0, x1) = (
        scale.x(item.start),
        scale.x(item.end).max(scale.x(item.start) + 3.0),
    );
    let mark_rect = match item.mark {
        Mark::Question {
            open,
            overdue,
            deadline,
        } => {
            let color = if overdue { palette.bad } else { palette.accent };
            let bar = Rect::from_min_max(pos2(x0, middle - 6.0), pos2(x1, middle + 6.0));
            if open {
                // A bar that fades out: the answer date is not known.
                let steps = 6;
                let width = bar.width() / steps as f32;
                for step in 0..steps {
                    let alpha = 1.0 - step as f32 / steps as f32;
                    let piece = Rect::from_min_size(
                        pos2(bar.left() + width * step as f32, bar.top()),
                        vec2(width + 0.5, bar.height()),
                    );
                    painter.rect_filled(piece, 0.0, color.gamma_multiply(alpha * 0.9));
                }
                let tip = pos2(bar.right() + 7.0, middle);
                let arrow = vec![
                    tip,
                    pos2(bar.right() + 1.0, middle - 5.0),
                    pos2(bar.right() + 1.0, middle + 5.0),
                ];
                painter.add(Shape::convex_polygon(
                    arrow,
                    color.gamma_multiply(0.5),
                    Stroke::NONE,
                ));
            } else {
                painter.rect_filled(bar, 3.0, color);
            }
            if let Some(deadline) = deadline {
                let x = scale.x(deadline);
                painter.vline(x, middle - 9.0..=middle + 9.0, Stroke::new(2.0, palette.bad));
            }
            if selected {
                painter.rect_stroke(bar.expand(2.0), 3.0, outline, egui::StrokeKind::Outside);
            }
            bar
        }
        Mark::Point(kind) => {
            let color = kind_color(kind, visuals.dark_mode);
            let center = pos2(x0, middle);
            let size = 7.0;
            let diamond = vec![
                center + vec2(0.0, -size),
                center + vec2(size, 0.0),
                center + vec2(0.0, size),
                center + vec2(-size, 0.0),
            ];
            match kind {
                EventKind::Promise => painter.add(Shape::closed_line(diamond, Stroke::new(2.0, color))),
                EventKind::Deadline => {
                    painter.vline(x0, middle - 10.0..=middle + 10.0, Stroke::new(3.0, color));
                    painter.add(Shape::convex_polygon(diamond, color, Stroke::NONE))
                }
                EventKind::Happened | EventKind::Planned => {
                    painter.add(Shape::convex_polygon(diamond, color, Stroke::NONE))
                }
            };
            let rect = Rect::from_center_size(center, vec2(size * 2.0, size * 2.0));
            if selected {
                painter.rect_stroke(rect.expand(2.0), 2.0, outline, egui::StrokeKind::Outside);
            }
            rect
        }
        Mark::Span(kind) => {
            let color = kind_color(kind, visuals.dark_mode);
            let bar = Rect::from_min_max(pos2(x0, middle - 5.0), pos2(x1, middle + 5.0));
            painter.rect_filled(bar, 5.0, color.gamma_multiply(0.25));
            let stroke = if selected {
                outline
            } else {
                Stroke::new(1.5, color)
            };
            painter.rect_stroke(bar, 5.0, stroke, egui::StrokeKind::Inside);
            bar
        }
    };
    let label_start = mark_rect.right() + 6.0;
    let room = label_end - label_start;
    if room > 30.0 {
        let color = if selected {
            visuals.strong_text_color()
        } else {
            visuals.text_color()
        };
        // One line, cut with "…"; a label that would keep only a fragment is left out.
        let mut job =
            egui::text::LayoutJob::simple_singleline(item.label.clone(), FontId::proportional(14.0), color);
        job.wrap = egui::text::TextWrapping::truncate_at_width(room);
        let galley = painter.ctx().fonts_mut(|fonts| fonts.layout_job(job));
        let kept = galley.text().chars().count();
        let whole = item.label.chars().count();
        if kept == whole || kept >= 6 {
            let size = galley.size();
            let at = pos2(label_start, middle - size.y / 2.0);
            painter.galley(at, galley, color);
            return mark_rect.union(Rect::from_min_size(at, size));
        }
    }
    mark_rect
}

/// Places every item on a lane, in two sections: questions above, events below.
/// Lays the axis out for a window `width` points wide.
pub(super) fn layout(
    dossier: &Dossier,
    texts: &Texts,
    today: Date,
    timeliness: &[Option<Timeliness>],
    width: f32,
) -> Layout {
    let mut items = Vec::with_capacity(dossier.questions.len() + dossier.events.len());
    let day = |date: Date| day_number(date) as f64;
    for (index, question) in dossier.questions.iter().enumerate() {
        let Some(asked) = question.date else { continue };
        let state = timeliness.get(index).copied().flatten();
        let deadline = state.map(|s| day(s.deadline()));
        let answered = question.answer.as_ref().and_then(|a| a.date);
        let open = answered.is_none();
        let end = match answered {
            Some(date) => day(date) + 1.0,
            None => deadline.unwrap_or(day(asked) + 30.0).max(day(asked) + 30.0),
        };
        let name = question
            .short_name()
            .unwrap_or_else(|| texts.question_short.to_string());
        items.push(Item {
            selection: Selection::Question(question.id),
            start: day(asked),
            end,
            mark: Mark::Question {
                open,
                overdue: matches!(state, Some(Timeliness::Overdue { .. })),
                deadline,
            },
            lane: 0,
            questions_section: true,
            label: format!("{name} {}", question.title.as_deref().unwrap_or_default()),
        });
    }
    for event in &dossier.events {
        let point = matches!(event.when, When::On(PartialDate::Day(_)));
        items.push(Item {
            selection: Selection::Event(event.id),
            start: day(event.when.first_day()),
            end: day(event.when.last_day()) + 1.0,
            mark: if point {
                Mark::Point(event.kind)
            } else {
                Mark::Span(event.kind)
            },
            lane: 0,
            questions_section: false,
            label: event.title.clone(),
        });
    }
    items.sort_by(|a, b| a.start.total_cmp(&b.start));
    let first = items.iter().map(|i| i.start).fold(f64::INFINITY, f64::min);
    let last = items.iter().map(|i| i.end).fold(f64::NEG_INFINITY, f64::max);
    let (first, last) = if items.is_empty() {
        let today = day(today);
        (today - 365.0, today)
    } else {
        (first, last)
    };
    // Lanes are laid out at the zoom that fits everything, so labels have room there.
    let room = f64::from(LABEL_ROOM) * (last - first).max(1.0) / f64::from(width);
    let mut lane_ends = [Vec::<f64>::new(), Vec::<f64>::new()];
    for item in &mut items {
        let ends = &mut lane_ends[usize::from(!item.questions_section)];
        let occupied = item.end.max(item.start + room);
        item.lane = match ends.iter().position(|end| *end <= item.start) {
            Some(lane) => lane,
            None if ends.len() < MOST_LANES => {
                ends.push(f64::NEG_INFINITY);
                ends.len() - 1
            }
            // Too many at once: share the lane that frees up first.
            None => ends
                .iter()
                .enumerate()
                .min_by(|a, b| a.1.total_cmp(b.1))
                .map_or(0, |(lane, _)| lane),
        };
        ends[item.lane] = occupied;
    }
    let longest = items.iter().map(|i| i.end - i.start).fold(0.0, f64::max);
    let mut next_in_lane = vec![None; items.len()];
    let mut last_in_lane: std::collections::HashMap<(bool, usize), usize> = std::collections::HashMap::new();
    for (index, item) in items.iter().enumerate() {
        if let Some(previous) = last_in_lane.insert((item.questions_section, item.lane), index) {
            next_in_lane[previous] = Some(index);
        }
    }
    Layout {
        next_in_lane,
        question_lanes: lane_ends[0].len(),
        event_lanes: lane_ends[1].len(),
        items,
        longest,
        first,
        last,
    }
}

/// How many questions (above) and events (below) stand at each few points of the axis,
/// as bars whose height grows with the number: the zoomed-out view of a large dossier.
fn density_ui(
    painter: &egui::Painter,
    scale: &Scale,
    density: &mut Density,
    tops: [f32; 2],
    heights: [f32; 2],
    visuals: &egui::Visuals,
) {
    let place = [
        scale.rect.left(),
        tops[0],
        tops[1],
        heights[0],
        heights[1],
        f32::from(u8::from(visuals.dark_mode)),
        painter.pixels_per_point(),
    ]
    .map(f32::to_bits);
    let bars = match &density.bars {
        Some((made_for, bars)) if *made_for == place => Arc::clone(bars),
        _ => {
            let bars = Arc::new(density_bars(scale, &density.counts, tops, heights, visuals));
            density.bars = Some((place, Arc::clone(&bars)));
            bars
        }
    };
    painter.add(Shape::mesh(bars));
}

/// The bars of the density strip as one mesh, kept from frame to frame: a rectangle
/// shape for each bar, made and tessellated on every frame, was a few per cent of the
/// timeline's frame, and upright bars need none of a rectangle's rounding or edge
/// blending.
fn density_bars(
    scale: &Scale,
    counts: &[Vec<u32>; 2],
    tops: [f32; 2],
    heights: [f32; 2],
    visuals: &egui::Visuals,
) -> egui::Mesh {
    let color = theme::palette(visuals.dark_mode).accent;
    let mut bars = egui::Mesh::default();
    for (section, counts) in counts.iter().enumerate() {
        let most = counts.iter().copied().max().unwrap_or(0).max(1);
        let height = heights[section].max(LANE_HEIGHT);
        let bottom = tops[section] + height;
        for (bucket, &count) in counts.iter().enumerate().filter(|(_, c)| **c > 0) {
            // Square-root scale, so that a single item still shows.
            let share = (count as f32 / most as f32).sqrt();
            let left = scale.rect.left() + bucket as f32 * DENSITY_STEP;
            let bar = Rect::from_min_max(
                pos2(left, bottom - height * share.max(0.08)),
                pos2(left + DENSITY_STEP - 0.5, bottom),
            );
            bars.add_colored_rect(bar, color.gamma_multiply(0.35 + 0.65 * share));
        }
    }
    bars
}

/// How many questions and events start in each strip of the axis.
fn density_counts(scale: &Scale, items: &[Item]) -> [Vec<u32>; 2] {
    let width = scale.rect.width().max(1.0);
    let buckets = (width / DENSITY_STEP).ceil() as usize + 1;
    let mut counts = [vec![0_u32; buckets], vec![0_u32; buckets]];
    for item in items {
        let x = scale.x(item.start) - scale.rect.left();
        if !(0.0..width).contains(&x) {
            continue;
        }
        let bucket = (x / DENSITY_STEP) as usize;
        counts[usize::from(!item.questions_section)][bucket] += 1;
    }
    counts
}

/// The text shown when the pointer rests on an item.
fn summary(view: &ViewContext<'_>, derived: &Derived, selection: Selection) -> String {
    let texts: &Texts = view.texts;
    match selection {
        Selection::Question(id) => {
            let Some((index, question)) = derived.question(view.dossier, id) else {
                return String::new();
            };
            let name = question
                .short_name()
                .unwrap_or_else(|| texts.question_short.to_string());
            let date = question
                .date
                .map_or_else(|| texts.no_date.to_string(), format_day_short);
            let who = texts.asked_to(
                question.questioner.as_deref().unwrap_or(texts.unknown),
                question.minister_name().unwrap_or(texts.unknown),
            );
            let mut lines = vec![
                format!("{name} · {date}"),
                who,
                question.title.clone().unwrap_or_default(),
            ];
            if let Some(state) = derived.timeliness.get(index).copied().flatten() {
                lines.push(super::detail::timeliness_text(state, texts));
            }
            lines.join("\n")
        }
        Selection::Event(id) => match derived.event(view.dossier, id) {
            Some(event) => format!(
                "{} · {}\n{}\n“{}”",
                event.when.display(view.language),
                kind_name(event.kind, texts),
                event.title,
                event.printed
            ),
            None => String::new(),
        },
        Selection::Figures => texts.figures.to_string(),
    }
}
