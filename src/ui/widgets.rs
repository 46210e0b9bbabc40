//! Small pieces the tabs share: unknown values, chips, facts, sources, amounts.

use std::cmp::Ordering;

use egui::text::{LayoutJob, TextFormat};
use egui::{Align, Color32, Layout, Response, RichText, Ui};

use crate::i18n::Texts;
use crate::model::Dossier;
use crate::model::source::SourceRef;
use crate::model::text::match_ranges;

use super::theme;

/// "unknown", set apart from real values so it is never read as one.
pub fn unknown(ui: &mut Ui, texts: &Texts) -> Response {
    ui.label(RichText::new(texts.unknown).italics().weak())
}

/// A text, or "unknown".
pub fn text_or_unknown(ui: &mut Ui, value: Option<&str>, texts: &Texts) -> Response {
    match value {
        Some(value) => ui.label(value),
        None => unknown(ui, texts),
    }
}

/// A short word in a coloured frame: a status, a kind.
pub fn chip(ui: &mut Ui, text: &str, color: Color32) -> Response {
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, color))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.label(RichText::new(text).color(color).small().strong())
        })
        .inner
}

pub fn section_heading(ui: &mut Ui, text: &str) {
    ui.add_space(10.0);
    ui.label(RichText::new(text).heading().size(19.0).strong());
    ui.add_space(2.0);
}

/// An amount or count, right-aligned in its cell, in figures that line up.
pub fn figure(ui: &mut Ui, text: impl Into<String>) -> Response {
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        ui.label(RichText::new(text.into()).monospace())
    })
    .inner
}

/// Shows where a fact comes from when the pointer rests on it.
pub fn with_source(
    response: Response,
    dossier: &Dossier,
    source: Option<&SourceRef>,
    texts: &Texts,
) -> Response {
    let Some(source) = source else { return response };
    response.on_hover_ui(|ui| source_ui(ui, dossier, source, texts))
}

/// The document, the part and the quoted words of a source reference.
pub fn source_ui(ui: &mut Ui, dossier: &Dossier, source: &SourceRef, texts: &Texts) {
    ui.set_max_width(520.0);
    let document = dossier.source(&source.document);
    let title = document.map_or(source.document.0.as_str(), |d| d.title.as_str());
    ui.label(RichText::new(format!("{}: {title}", texts.source)).strong());
    if let Some(part) = &source.part {
        ui.label(part);
    }
    if let Some(quote) = &source.quote {
        ui.label(RichText::new(format!("“{quote}”")).italics());
    }
}

/// A link from a dossier: the whole address, always in view and selectable, with an
/// *Open* button for web and mail links only. Nothing opens but on that click; other
/// schemes (`file:`, `javascript:`, …) are shown with the reason and never opened.
pub fn link_ui(ui: &mut Ui, link: &str, texts: &Texts) {
    use crate::model::source::{LinkKind, link_kind};
    ui.horizontal_wrapped(|ui| {
        match link_kind(link) {
            LinkKind::Web | LinkKind::Mail => {
                let open = ui
                    .small_button(texts.open_link)
                    .on_hover_text(texts.open_link_hint(link));
                if open.clicked() {
                    ui.ctx().open_url(egui::OpenUrl::new_tab(link));
                }
            }
            LinkKind::Refused => {
                ui.label(RichText::new(texts.link_refused).small().italics());
            }
        }
        ui.add(
            egui::Label::new(RichText::new(link).small().monospace())
                .selectable(true)
                .wrap(),
        );
    });
}

/// The small painted mark of a cell whose value was read from a garbled source text.
pub fn flag_mark(ui: &mut Ui) -> Response {
    let size = ui.text_style_height(&egui::TextStyle::Small);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size * 0.8, size), egui::Sense::hover());
    let color = theme::palette(ui.visuals().dark_mode).flag;
    // A flag on a pole, not a triangle: ▲ is the sort arrow.
    let pole = rect.left() + size * 0.15;
    let top = rect.top() + size * 0.12;
    ui.painter().line_segment(
        [egui::pos2(pole, top), egui::pos2(pole, rect.bottom())],
        egui::Stroke::new(1.5, color),
    );
    let points = vec![
        egui::pos2(pole, top),
        egui::pos2(rect.right(), top + size * 0.22),
        egui::pos2(pole, top + size * 0.44),
    ];
    ui.painter()
        .add(egui::Shape::convex_polygon(points, color, egui::Stroke::NONE));
    response
}

/// Two columns of label and value.
pub fn facts_grid(ui: &mut Ui, id: &str, add_rows: impl FnOnce(&mut Ui)) {
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([18.0, 6.0])
        .striped(false)
        .show(ui, add_rows);
}

/// Whether Enter was pressed in this single-line field: it gives up the keyboard on
/// Enter, or keeps it where the field is given the keyboard again (a dialog's only field).
pub fn enter_in(ui: &Ui, field: &Response) -> bool {
    (field.has_focus() || field.lost_focus()) && ui.input(|i| i.key_pressed(egui::Key::Enter))
}

/// A modal dialog with room around its text, which would touch its edge otherwise.
pub fn dialog(id: &str, ctx: &egui::Context) -> egui::Modal {
    let frame = egui::Frame::popup(&ctx.global_style()).inner_margin(egui::Margin::same(18));
    egui::Modal::new(egui::Id::unique(id)).frame(frame)
}

/// A label for the left column of a facts grid.
pub fn fact_label(ui: &mut Ui, text: &str) -> Response {
    ui.label(RichText::new(text).weak())
}

/// How many of the longest texts [`measured_width`] lays out.
const MEASURED_LONGEST: usize = 12;

/// The width the widest of `texts` takes in `style`, plus room for the cell's margins,
/// kept between `min` and `max`. Only the longest dozen (in characters) are laid out: the
/// widest is among them in a monospace type (amounts) and all but always in another, and
/// laying out every name of a board of 1 000, or 500 texts of each budget column, took 8
/// to 18 ms on the first frame.
pub fn measured_width<'a>(
    ui: &Ui,
    texts: impl Iterator<Item = &'a str>,
    style: &egui::TextStyle,
    min: f32,
    max: f32,
) -> f32 {
    let mut texts: Vec<&str> = texts.collect();
    if texts.len() > MEASURED_LONGEST {
        texts.select_nth_unstable_by_key(MEASURED_LONGEST, |text| std::cmp::Reverse(text.chars().count()));
        texts.truncate(MEASURED_LONGEST);
    }
    let font = style.resolve(ui.style());
    let color = ui.visuals().text_color();
    let widest = ui.ctx().fonts_mut(|fonts| {
        texts
            .into_iter()
            .map(|text| {
                fonts
                    .layout_no_wrap(text.to_string(), font.clone(), color)
                    .size()
                    .x
            })
            .fold(0.0_f32, f32::max)
    });
    (widest + 24.0).clamp(min, max)
}

/// A long text that wraps within `max_width`, or within the room there is.
pub fn wrapped(ui: &mut Ui, text: &str, max_width: f32) -> Response {
    ui.scope(|ui| {
        ui.set_max_width(max_width.min(ui.available_width()).max(200.0));
        ui.add(egui::Label::new(text).wrap())
    })
    .inner
}

/// A sort as a slide keeps it: the column's name (as the code names it) and which way.
pub fn sort_name<C: std::fmt::Debug>(sort: Option<SortKey<C>>) -> (Option<String>, bool) {
    match sort {
        Some(sort) => (Some(format!("{:?}", sort.column)), sort.descending),
        None => (None, false),
    }
}

/// The sort a slide names, among the columns there are; `None` for a column gone since.
pub fn sort_named<C: Copy + std::fmt::Debug>(
    columns: impl IntoIterator<Item = C>,
    name: Option<&str>,
    descending: bool,
) -> Option<SortKey<C>> {
    let name = name?;
    columns
        .into_iter()
        .find(|column| format!("{column:?}") == name)
        .map(|column| SortKey { column, descending })
}

/// The column a list is sorted by, and which way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SortKey<C> {
    pub column: C,
    pub descending: bool,
}

impl<C: Copy + PartialEq> SortKey<C> {
    /// A click on a column header: ascending, then descending, then back to the
    /// original order.
    pub fn next(current: Option<SortKey<C>>, column: C) -> Option<SortKey<C>> {
        match current {
            Some(key) if key.column == column && !key.descending => Some(SortKey {
                column,
                descending: true,
            }),
            Some(key) if key.column == column => None,
            _ => Some(SortKey {
                column,
                descending: false,
            }),
        }
    }

    /// An ascending comparison turned round when the sort is descending.
    pub fn direct(self, ordering: Ordering) -> Ordering {
        if self.descending {
            ordering.reverse()
        } else {
            ordering
        }
    }

    /// The arrow a header of `column` shows: `Some(descending)` when the list is
    /// sorted by it.
    pub fn arrow(current: Option<SortKey<C>>, column: C) -> Option<bool> {
        current
            .filter(|key| key.column == column)
            .map(|key| key.descending)
    }
}

/// A column header that sorts when clicked, with a painted triangle for the direction
/// (`arrow` is `Some(descending)` for the sorted column).
pub fn sort_header(ui: &mut Ui, text: RichText, right: bool, arrow: Option<bool>) -> Response {
    let layout = if right {
        Layout::right_to_left(Align::Center)
    } else {
        Layout::left_to_right(Align::Center)
    };
    ui.with_layout(layout, |ui| {
        if let Some(descending) = arrow {
            let size = 10.0;
            let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
            let color = ui.visuals().strong_text_color();
            let points = if descending {
                vec![rect.left_top(), rect.right_top(), rect.center_bottom()]
            } else {
                vec![rect.left_bottom(), rect.right_bottom(), rect.center_top()]
            };
            ui.painter()
                .add(egui::Shape::convex_polygon(points, color, egui::Stroke::NONE));
        }
        ui.add(egui::Label::new(text).sense(egui::Sense::click()))
    })
    .inner
}

/// The header row of a sortable table: a click on a title sorts by its column.
/// `right` puts a title on the right, over figures.
pub fn sort_header_row<C: Copy + PartialEq>(
    header: &mut egui_extras::TableRow<'_, '_>,
    columns: &[(C, &str, bool)],
    sort: &mut Option<SortKey<C>>,
    hint: &str,
) {
    for &(column, title, right) in columns {
        header.col(|ui| {
            let arrow = SortKey::arrow(*sort, column);
            let response = sort_header(ui, RichText::new(title).strong(), right, arrow).on_hover_text(hint);
            if response.clicked() {
                *sort = SortKey::next(*sort, column);
            }
        });
    }
}

/// Lays out `count` framed cards in rows, as many to a row as fit at `min_width`, sharing
/// the width; `add_card(ui, index)` fills card `index`.
pub fn card_rows(ui: &mut Ui, count: usize, min_width: f32, mut add_card: impl FnMut(&mut Ui, usize)) {
    if count == 0 {
        return;
    }
    let gap = 14.0;
    let margin = 14.0;
    // Less the room of a vertical scroll bar.
    let available = ui.available_width() - 16.0;
    let columns = (((available + gap) / (min_width + gap)).floor() as usize).clamp(1, count);
    let card_width = (available - gap * (columns - 1) as f32) / columns as f32 - 2.0 * margin - 2.0;
    let indexes: Vec<usize> = (0..count).collect();
    for row in indexes.chunks(columns) {
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for &index in row {
                egui::Frame::group(ui.style())
                    .corner_radius(8.0)
                    .inner_margin(egui::Margin::same(margin as i8))
                    .fill(ui.visuals().faint_bg_color)
                    .show(ui, |ui| {
                        ui.set_width(card_width);
                        ui.vertical(|ui| add_card(ui, index));
                    });
            }
        });
        ui.add_space(gap - ui.spacing().item_spacing.y);
    }
}

/// Rows of any height in a scroll area, drawn only where they can be seen, so that a list
/// of thousands costs a frame what its visible part costs. A row's height is remembered
/// from the last frame it was drawn in (a line's height until then), and the rows above
/// and below the view are one allocation each.
#[derive(Debug, Default)]
pub struct LazyRows {
    heights: Vec<f32>,
}

impl LazyRows {
    /// Draws rows `0..count` with `row_ui(ui, index)`, each in a scope of its own.
    pub fn ui(&mut self, ui: &mut Ui, count: usize, mut row_ui: impl FnMut(&mut Ui, usize)) {
        let line = ui.text_style_height(&egui::TextStyle::Body);
        if self.heights.len() != count {
            self.heights = vec![line; count];
        }
        let gap = ui.spacing().item_spacing.y;
        let width = ui.available_width();
        let visible = ui.clip_rect();
        let top = ui.cursor().top();
        let mut index = 0;
        let mut above = 0.0;
        while index < count && top + above + self.heights[index] < visible.top() {
            above += self.heights[index] + gap;
            index += 1;
        }
        if index > 0 {
            // The allocation is followed by one gap itself.
            ui.allocate_space(egui::vec2(width, above - gap));
        }
        while index < count && ui.cursor().top() <= visible.bottom() {
            let drawn = ui.scope(|ui| row_ui(ui, index)).response.rect;
            self.heights[index] = drawn.height();
            index += 1;
        }
        if index < count {
            let below: f32 = self.heights[index..].iter().map(|height| height + gap).sum();
            ui.allocate_space(egui::vec2(width, below - gap));
        }
    }
}

/// Compares two optional values, with the unknown ones last whichever way the sort goes.
pub fn known_first<T: Ord>(a: Option<T>, b: Option<T>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) if descending => b.cmp(&a),
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// "Source: …" in small type, when there is a source.
pub fn source_line_ui(ui: &mut Ui, texts: &Texts, line: &str) {
    if !line.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new(texts.source_line(line)).small().weak());
    }
}

/// Appends `text` to a layout, with the places where `query` stands marked.
pub fn highlighted(
    job: &mut LayoutJob,
    text: &str,
    query: &str,
    format: TextFormat,
    visuals: &egui::Visuals,
) {
    let mut at = 0;
    let marked = TextFormat {
        background: if visuals.dark_mode {
            Color32::from_rgb(110, 90, 0)
        } else {
            Color32::from_rgb(255, 230, 120)
        },
        ..format.clone()
    };
    for range in match_ranges(text, query) {
        job.append(&text[at..range.start], 0.0, format.clone());
        job.append(&text[range.clone()], 0.0, marked.clone());
        at = range.end;
    }
    job.append(&text[at..], 0.0, format);
}
