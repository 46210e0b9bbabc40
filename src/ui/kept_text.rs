//! Text and shapes made once and kept from frame to frame, for what stays the same while
//! the window is still: the visible rows of a long list, the facts of a question, the
//! years of the time axis. egui's own text cache lays a text out only once too, but a
//! widget still builds the text's layout job on every frame and hashes all of it to find
//! it again; for the timeline's list that was a third of the time its rows took.
//!
//! A kept galley points into egui's font atlas. When egui starts the atlas afresh (it
//! filled up, or the text options or the scale changed), every galley laid out before it
//! is stale. A one-character probe laid out on every frame tells: egui's cache hands back
//! the very same galley for it until the cache is emptied.
//!
//! [`selectable_line_ui`] draws such a galley as a list line that can be selected, and
//! [`kept_label_ui`] as a label. A line keeps its triangles too, as long as it stays where
//! it is, and so do the shapes of a [`KeptMesh`]: egui then copies them, instead of placing
//! the corners of every glyph and line again (about 4 ns a corner; the tessellation was a
//! third of a still frame of the timeline).

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use egui::emath::TSTransform;
use egui::epaint::{ClippedShape, Primitive, TessellationOptions, Tessellator, TextShape};
use egui::{
    Color32, Context, FontId, FontSelection, Frame, Galley, Margin, Mesh, Painter, Pos2, Rect, Response,
    Sense, Shape, TextWrapMode, Ui, Vec2, WidgetInfo, WidgetText,
};

/// The galleys of what was drawn in the last frame, by key.
#[derive(Debug)]
pub struct KeptGalleys<K> {
    /// What the galleys depend on besides their key, hashed.
    made_for: Option<u64>,
    probe: AtlasProbe,
    drawn: HashMap<K, KeptText>,
    drawn_before: HashMap<K, KeptText>,
}

/// Tells whether egui's text cache is still the one galleys were laid out in, so that
/// they point into its font atlas: a probe laid out on every frame comes back as the very
/// same galley until the cache is emptied.
#[derive(Debug, Default)]
struct AtlasProbe(Option<Arc<Galley>>);

impl AtlasProbe {
    /// Whether the cache is the one of the last call.
    fn unchanged(&mut self, ctx: &Context) -> bool {
        let probe =
            ctx.fonts_mut(|fonts| fonts.layout_no_wrap("·".into(), FontId::default(), Color32::PLACEHOLDER));
        let unchanged = self.0.as_ref().is_some_and(|kept| Arc::ptr_eq(kept, &probe));
        self.0 = Some(probe);
        unchanged
    }
}

/// A galley, where it was last painted, and its triangles there once it was painted
/// there twice.
#[derive(Debug)]
struct KeptText {
    galley: Arc<Galley>,
    painted: Option<(PaintedAt, Option<Arc<Mesh>>)>,
}

/// Everything the triangles of a text depend on besides its galley.
#[derive(Debug, PartialEq)]
struct PaintedAt {
    at: Pos2,
    color: Color32,
    tessellation: Tessellation,
}

/// How egui tessellates what a painter paints: within its clip rectangle, for the font
/// atlas's size, the scale and the options of the moment.
#[derive(Debug, PartialEq)]
struct Tessellation {
    clip: Rect,
    atlas: [usize; 2],
    pixels_per_point: f32,
    options: TessellationOptions,
}

impl Tessellation {
    fn of(ctx: &Context, clip: Rect) -> Tessellation {
        Tessellation {
            clip,
            atlas: ctx.fonts(|fonts| fonts.font_image_size()),
            pixels_per_point: ctx.pixels_per_point(),
            options: ctx.tessellation_options(|options| *options),
        }
    }

    /// The tessellator egui makes for a frame, at this clip rectangle; but for the small
    /// circles the atlas holds ready, which egui does not hand out (kept shapes have no
    /// circles).
    fn tessellator(&self) -> Tessellator {
        let mut tessellator = Tessellator::new(self.pixels_per_point, self.options, self.atlas, Vec::new());
        tessellator.set_clip_rect(self.clip);
        tessellator
    }
}

/// Shapes painted with one painter, tessellated once and kept while what they are made
/// from stays the same: the year lines and numbers of the time axis, say.
#[derive(Debug, Default)]
pub struct KeptMesh {
    probe: AtlasProbe,
    /// What the last frame's shapes were made of, and their triangles once the same
    /// shapes came twice.
    made: Option<(u64, Tessellation, Option<Arc<Mesh>>)>,
}

impl KeptMesh {
    /// Paints `shapes()` with `painter`; from the second frame on that they are made of
    /// the same `made_of` (whatever they are made from), with the same clip rectangle and
    /// font atlas, as triangles tessellated once and kept. While they change on every
    /// frame (the axis dragged) they are only painted. The shapes are tessellated as egui
    /// tessellates them, so the pixels are the same; they must be of one texture, the
    /// font atlas's (lines, rectangles, text), and not circles.
    pub fn paint(&mut self, painter: &Painter, made_of: impl Hash, shapes: impl FnOnce() -> Vec<Shape>) {
        let ctx = painter.ctx();
        let mut hasher = DefaultHasher::new();
        made_of.hash(&mut hasher);
        let made_of = hasher.finish();
        let tessellation = Tessellation::of(ctx, painter.clip_rect());
        let unchanged = self.probe.unchanged(ctx);
        let still = unchanged
            && self.made.as_ref().is_some_and(|(kept_of, kept_tessellation, _)| {
                *kept_of == made_of && *kept_tessellation == tessellation
            });
        if !still {
            painter.extend(shapes());
            self.made = Some((made_of, tessellation, None));
            return;
        }
        if let Some((_, _, Some(mesh))) = &self.made {
            painter.add(Shape::Mesh(Arc::clone(mesh)));
            return;
        }
        let mut tessellator = tessellation.tessellator();
        let mut primitives = Vec::new();
        for shape in shapes() {
            let clipped = ClippedShape {
                clip_rect: tessellation.clip,
                shape,
                transform_after_tessellation: TSTransform::IDENTITY,
            };
            tessellator.tessellate_clipped_shape(clipped, &mut primitives);
        }
        let mut mesh = Mesh::default();
        for primitive in primitives {
            if let Primitive::Mesh(part) = primitive.primitive {
                mesh.append(part);
            }
        }
        let mesh = Arc::new(mesh);
        painter.add(Shape::Mesh(Arc::clone(&mesh)));
        self.made = Some((made_of, tessellation, Some(mesh)));
    }
}

impl<K> Default for KeptGalleys<K> {
    fn default() -> Self {
        KeptGalleys {
            made_for: None,
            probe: AtlasProbe::default(),
            drawn: HashMap::new(),
            drawn_before: HashMap::new(),
        }
    }
}

impl<K: Hash + Eq> KeptGalleys<K> {
    /// Starts a frame. `page` is whatever the texts depend on besides their key (the
    /// dossier's state, a search, the width, the colours); when it changes, or egui's
    /// text cache was emptied, every text is laid out again. Only what was drawn in the
    /// last frame is kept.
    pub fn begin(&mut self, ui: &Ui, page: impl Hash) {
        let mut hasher = DefaultHasher::new();
        (page, ui.pixels_per_point().to_bits()).hash(&mut hasher);
        let made_for = hasher.finish();
        let still_valid = self.probe.unchanged(ui.ctx()) && self.made_for == Some(made_for);
        std::mem::swap(&mut self.drawn, &mut self.drawn_before);
        self.drawn.clear();
        if !still_valid {
            self.drawn_before.clear();
        }
        self.made_for = Some(made_for);
    }

    /// The galley of `key`: the one kept from the last frame, or `lay_out`'s.
    pub fn galley(&mut self, key: K, lay_out: impl FnOnce() -> Arc<Galley>) -> Arc<Galley> {
        Arc::clone(&self.kept(key, lay_out).galley)
    }

    fn kept(&mut self, key: K, lay_out: impl FnOnce() -> Arc<Galley>) -> &mut KeptText {
        match self.drawn.entry(key) {
            Entry::Occupied(drawn) => drawn.into_mut(),
            Entry::Vacant(new) => {
                let kept = self.drawn_before.remove(new.key()).unwrap_or_else(|| KeptText {
                    galley: lay_out(),
                    painted: None,
                });
                new.insert(kept)
            }
        }
    }
}

impl KeptText {
    /// The text painted at `at` in `ui`: from the second frame on that it stands there
    /// alike, as triangles tessellated once and kept (tessellated as egui tessellates a
    /// text in `ui`'s clip rectangle, so the pixels are the same). A text that moves on
    /// every frame (a list scrolled) is only painted.
    fn shape(&mut self, ui: &Ui, at: Pos2, color: Color32) -> Shape {
        let painted_at = PaintedAt {
            at,
            color,
            tessellation: Tessellation::of(ui.ctx(), ui.clip_rect()),
        };
        let text = TextShape::new(at, Arc::clone(&self.galley), color);
        match &self.painted {
            Some((kept_at, Some(mesh))) if *kept_at == painted_at => Shape::Mesh(Arc::clone(mesh)),
            Some((kept_at, None)) if *kept_at == painted_at => {
                let mut mesh = Mesh::default();
                painted_at
                    .tessellation
                    .tessellator()
                    .tessellate_text(&text, &mut mesh);
                let mesh = Arc::new(mesh);
                self.painted = Some((painted_at, Some(Arc::clone(&mesh))));
                Shape::Mesh(mesh)
            }
            _ => {
                self.painted = Some((painted_at, None));
                Shape::Text(text)
            }
        }
    }
}

/// What the look of kept text depends on besides the text itself, for a page's key: the
/// type sizes and the colours of text.
#[derive(Debug, Hash)]
pub struct TextLook(u64);

impl TextLook {
    pub fn of(ui: &Ui) -> TextLook {
        let visuals = ui.visuals();
        let mut hasher = DefaultHasher::new();
        (
            &ui.style().text_styles,
            visuals.dark_mode,
            [
                visuals.weak_text_color(),
                visuals.text_color(),
                visuals.strong_text_color(),
            ],
        )
            .hash(&mut hasher);
        TextLook(hasher.finish())
    }
}

/// A line of a list that can be selected, its text kept in `lines` under `key` (laid out by
/// `lay_out`, truncated at [`line_text_width`]), drawn just as
/// `Button::selectable(selected, text).truncate().min_size(min_size)` draws its text: the
/// same room, padding and frame (shown when selected, under the pointer or pressed).
pub fn selectable_line_ui<K: Hash + Eq>(
    ui: &mut Ui,
    (lines, key): (&mut KeptGalleys<K>, K),
    lay_out: impl FnOnce(&Ui) -> Arc<Galley>,
    selected: bool,
    min_size: Vec2,
) -> Response {
    let text = lines.kept(key, || lay_out(ui));
    let galley = Arc::clone(&text.galley);
    let padding = Margin::from(ui.spacing().button_padding);
    let min_size = min_size.max(egui::vec2(0.0, ui.spacing().interact_size.y));
    let size = (galley.size() + padding.sum()).max(min_size);
    let (id, rect) = ui.allocate_space(size);
    let response = ui.interact(rect, id, Sense::click());
    let widgets = &ui.visuals().widgets;
    let state = widgets.style(&response);
    // The frame a button of this state has; it takes the same room shown or not.
    let visuals = ui.style().interact_selectable(&response, selected);
    let frame = Frame {
        fill: visuals.weak_bg_fill,
        corner_radius: visuals.corner_radius,
        inner_margin: padding,
        ..Frame::default()
    }
    .apply_stroke_and_expansion_without_layout_shift(visuals.bg_stroke, visuals.expansion);
    let content = rect - frame.total_margin();
    if ui.is_rect_visible(rect) {
        if selected || !std::ptr::eq(state, &widgets.inactive) {
            ui.painter().add(frame.paint(content));
        }
        let at = ui
            .layout()
            .align2()
            .align_size_within_rect(galley.size(), content)
            .min;
        ui.painter().add(text.shape(ui, at, visuals.text_color()));
    }
    if let Some(cursor) = ui.visuals().interact_cursor
        && response.hovered()
    {
        ui.ctx().set_cursor_icon(cursor);
    }
    response
        .widget_info(|| WidgetInfo::selected(egui::Role::Button, ui.is_enabled(), selected, galley.text()));
    response
}

/// The width a line of [`selectable_line_ui`] as wide as the room left has for its text.
pub fn line_text_width(ui: &Ui) -> f32 {
    ui.available_width() - Margin::from(ui.spacing().button_padding).sum().x
}

/// `ui.label(text(ui))`, with the galley kept under `slot` (and the width it was laid out
/// for). A label in a layout that wraps sideways starts its text after what stands before
/// it, on its own terms: there it is an ordinary label.
pub fn kept_label_ui<S: Hash + Eq>(
    ui: &mut Ui,
    kept: &mut KeptGalleys<(S, u32)>,
    slot: S,
    text: impl FnOnce(&Ui) -> WidgetText,
) -> Response {
    let layout = ui.layout();
    if layout.is_horizontal() && layout.main_wrap() {
        let text = text(ui);
        return ui.label(text);
    }
    let width = ui.available_width();
    let galley = kept.galley((slot, width.to_bits()), || label_galley(ui, text(ui), width));
    ui.label(galley)
}

/// The galley `egui::Label` lays out for `text` in `ui`, `width` wide, where its line is its
/// own.
fn label_galley(ui: &Ui, text: WidgetText, width: f32) -> Arc<Galley> {
    let style = ui.style();
    let mut job = Arc::unwrap_or_clone(text.into_layout_job(style, FontSelection::Default, ui.text_valign()));
    match ui.wrap_mode() {
        TextWrapMode::Extend => job.wrap.max_width = f32::INFINITY,
        TextWrapMode::Wrap => job.wrap.max_width = width,
        TextWrapMode::Truncate => {
            job.wrap.max_width = width;
            job.wrap.max_rows = 1;
            job.wrap.break_anywhere = true;
        }
    }
    // A label in a grid cell is set left and unjustified, which is what a cell's layout
    // (left to right, not justified) gives here too.
    job.halign = ui.layout().horizontal_placement();
    job.justify = ui.layout().horizontal_justify();
    ui.ctx().fonts_mut(|fonts| fonts.layout_job(job))
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::text::LayoutJob;
    use std::cell::Cell;

    fn frame(ctx: &Context, draw: impl FnMut(&mut Ui)) {
        let mut draw = draw;
        ctx.run_ui(egui::RawInput::default(), |ui| draw(ui))
            .drop_without_applying_deltas();
    }

    /// Draws the keys `shown` on a page `page`; returns how many were laid out.
    fn draw(ctx: &Context, kept: &mut KeptGalleys<u32>, page: &str, shown: &[u32]) -> usize {
        let laid_out = Cell::new(0);
        frame(ctx, |ui| {
            kept.begin(ui, page);
            for key in shown {
                let galley = kept.galley(*key, || {
                    laid_out.set(laid_out.get() + 1);
                    ui.ctx().fonts_mut(|fonts| {
                        fonts.layout_no_wrap(format!("regel {key}"), FontId::default(), Color32::BLACK)
                    })
                });
                assert_eq!(galley.text(), format!("regel {key}"));
            }
        });
        laid_out.get()
    }

    #[test]
    fn what_was_drawn_last_frame_is_kept_until_the_page_changes() {
        let ctx = Context::default();
        let mut kept = KeptGalleys::default();
        assert_eq!(draw(&ctx, &mut kept, "a", &[1, 2, 3]), 3);
        assert_eq!(draw(&ctx, &mut kept, "a", &[1, 2, 3]), 0);
        // Scrolled on: only the new row is laid out; a key drawn twice is laid out once.
        assert_eq!(draw(&ctx, &mut kept, "a", &[2, 3, 4, 4]), 1);
        // Row 1 was not drawn in the last frame: it was let go.
        assert_eq!(draw(&ctx, &mut kept, "a", &[1, 2]), 1);
        assert_eq!(draw(&ctx, &mut kept, "b", &[1, 2]), 2);
    }

    #[test]
    fn nothing_is_kept_once_egui_has_emptied_its_text_cache() {
        let ctx = Context::default();
        let mut kept = KeptGalleys::default();
        assert_eq!(draw(&ctx, &mut kept, "a", &[1, 2]), 2);
        assert_eq!(draw(&ctx, &mut kept, "a", &[1, 2]), 0);
        // Other text options: egui lays out every text anew, into a new atlas, while the
        // page stays the same.
        ctx.all_styles_mut(|style| {
            let options = &mut style.visuals.text_options;
            options.font_hinting = !options.font_hinting;
        });
        assert_eq!(draw(&ctx, &mut kept, "a", &[1, 2]), 2);
        assert_eq!(draw(&ctx, &mut kept, "a", &[1, 2]), 0);
    }

    /// Where each text of a frame is drawn, its size and text.
    fn texts_drawn(ctx: &Context, draw: impl FnMut(&mut Ui)) -> Vec<(Pos2, Vec2, String)> {
        let mut draw = draw;
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, egui::vec2(400.0, 800.0))),
            ..egui::RawInput::default()
        };
        let output = ctx.run_ui(input, |ui| draw(ui));
        fn visit(shape: &Shape, out: &mut Vec<(Pos2, Vec2, String)>) {
            match shape {
                Shape::Text(text) => out.push((text.pos, text.galley.size(), text.galley.text().to_string())),
                Shape::Vec(shapes) => shapes.iter().for_each(|shape| visit(shape, out)),
                _ => {}
            }
        }
        let mut texts = Vec::new();
        output
            .shapes
            .iter()
            .for_each(|clipped| visit(&clipped.shape, &mut texts));
        output.drop_without_applying_deltas();
        texts
    }

    /// A grid of facts and a long text under it, as labels or as kept labels.
    fn page(ui: &mut Ui, kept: Option<&mut KeptGalleys<(usize, u32)>>) {
        let long = "Een lange tekst die over meer dan een regel loopt, ".repeat(12);
        let texts: [WidgetText; 4] = [
            egui::RichText::new("Gesteld op").weak().into(),
            "31 december 2022".into(),
            egui::RichText::new("Titel").heading().into(),
            long.into(),
        ];
        let mut kept = kept;
        let mut label = |ui: &mut Ui, slot: usize| match kept.as_deref_mut() {
            Some(kept) => kept_label_ui(ui, kept, slot, |_| texts[slot].clone()),
            None => ui.label(texts[slot].clone()),
        };
        egui::Grid::new("feiten").num_columns(2).show(ui, |ui| {
            label(ui, 0);
            label(ui, 1);
            ui.end_row();
        });
        label(ui, 2);
        label(ui, 3);
    }

    /// The triangles of a frame of `draw`, with the pointer at `pointer`; the probe's glyph
    /// is laid out first, so that the glyphs after it stand alike in every atlas.
    fn tessellated(ctx: &Context, pointer: Pos2, draw: impl FnOnce(&mut Ui)) -> Vec<egui::epaint::Vertex> {
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, egui::vec2(300.0, 200.0))),
            events: vec![egui::Event::PointerMoved(pointer)],
            ..egui::RawInput::default()
        };
        let mut draw = Some(draw);
        let output = ctx.run_ui(input, |ui| {
            ui.ctx()
                .fonts_mut(|fonts| fonts.layout_no_wrap("·".into(), FontId::default(), Color32::PLACEHOLDER));
            if let Some(draw) = draw.take() {
                draw(ui);
            }
        });
        let primitives = ctx.tessellate(output.shapes.clone(), output.pixels_per_point);
        output.drop_without_applying_deltas();
        primitives
            .into_iter()
            .flat_map(|clipped| match clipped.primitive {
                Primitive::Mesh(mesh) => mesh.vertices,
                Primitive::Callback(_) => Vec::new(),
            })
            .collect()
    }

    /// The triangles of a column of lines, the second selected, the pointer over the
    /// third: as selectable buttons or as [`selectable_line_ui`].
    fn lines_tessellated(ctx: &Context, kept: Option<&mut KeptGalleys<usize>>) -> Vec<egui::epaint::Vertex> {
        tessellated(ctx, egui::pos2(40.0, 80.0), |ui| {
            let mut kept = kept;
            if let Some(kept) = kept.as_deref_mut() {
                kept.begin(ui, ());
            }
            let width = line_text_width(ui);
            for line in 0..4 {
                let text = format!("{line}  Een regel die te lang is om op de breedte te passen");
                let job = LayoutJob::simple_singleline(text, FontId::proportional(14.0), Color32::DARK_GRAY);
                let min_size = egui::vec2(ui.available_width(), 26.0);
                match kept.as_deref_mut() {
                    Some(kept) => {
                        let lay_out = |ui: &Ui| {
                            let mut job = job.clone();
                            job.wrap = egui::text::TextWrapping::truncate_at_width(width);
                            ui.ctx().fonts_mut(|fonts| fonts.layout_job(job))
                        };
                        selectable_line_ui(ui, (kept, line), lay_out, line == 1, min_size)
                    }
                    None => ui.add(
                        egui::Button::selectable(line == 1, job)
                            .truncate()
                            .min_size(min_size),
                    ),
                };
            }
        })
    }

    /// The triangles of a strip like the time axis's, with a year line at `x`: painted
    /// shape by shape, or kept.
    fn strip_tessellated(ctx: &Context, kept: Option<&mut KeptMesh>, x: f32) -> Vec<egui::epaint::Vertex> {
        tessellated(ctx, Pos2::ZERO, |ui| {
            let rect = Rect::from_min_size(egui::pos2(10.0, 10.0), egui::vec2(250.0, 100.0));
            let painter = ui.painter_at(rect.shrink(5.0));
            let shapes = || {
                let line = egui::Stroke::new(1.0, Color32::GRAY);
                let galley =
                    painter.layout_no_wrap("2024".into(), FontId::proportional(14.0), Color32::BLACK);
                let mut shapes = vec![
                    Shape::rect_filled(rect, 0.0, Color32::WHITE),
                    Shape::vline(x, rect.y_range(), line),
                    Shape::hline(rect.x_range(), 60.5, line),
                    Shape::galley(egui::pos2(x + 4.0, 14.0), galley, Color32::BLACK),
                ];
                let today = [
                    egui::pos2(x + 30.0, rect.top()),
                    egui::pos2(x + 30.0, rect.bottom()),
                ];
                shapes.extend(Shape::dashed_line(
                    &today,
                    egui::Stroke::new(1.5, Color32::BLUE),
                    6.0,
                    4.0,
                ));
                shapes
            };
            match kept {
                Some(kept) => kept.paint(&painter, x.to_bits(), shapes),
                None => painter.extend(shapes()),
            }
        })
    }

    /// Draws `frames` frames in two ways, egui's own (`expected`) and the kept one
    /// (`got`), each at least `at_least` long, and finds them alike in every frame.
    fn alike_in_every_frame<T: PartialEq + std::fmt::Debug>(
        frames: usize,
        at_least: usize,
        mut drawn: impl FnMut(usize) -> (Vec<T>, Vec<T>),
    ) {
        for frame in 0..frames {
            let (expected, got) = drawn(frame);
            assert!(
                expected.len() >= at_least,
                "frame {frame}: {} drawn",
                expected.len()
            );
            assert_eq!(got, expected, "frame {frame}");
        }
    }

    #[test]
    fn kept_shapes_are_tessellated_as_egui_tessellates_them() {
        let (shapes, kept_shapes) = (Context::default(), Context::default());
        let mut kept = KeptMesh::default();
        // Painted, tessellated and kept, then painted as the line moves, and kept again.
        let lines_at = [50.0, 50.0, 50.0, 80.5, 80.5, 80.5];
        // A rectangle, lines and a text.
        alike_in_every_frame(lines_at.len(), 4 * 4 + 10, |frame| {
            let x = lines_at[frame];
            let expected = strip_tessellated(&shapes, None, x);
            (expected, strip_tessellated(&kept_shapes, Some(&mut kept), x))
        });
    }

    #[test]
    fn a_line_is_drawn_as_a_selectable_button_is() {
        let (buttons, lines) = (Context::default(), Context::default());
        let mut kept = KeptGalleys::default();
        // The first frame finds where the pointer is; the third draws from what was kept.
        // Four lines of text, framed.
        alike_in_every_frame(3, 4 * 4 * 20, |_| {
            (
                lines_tessellated(&buttons, None),
                lines_tessellated(&lines, Some(&mut kept)),
            )
        });
    }

    #[test]
    fn a_kept_label_is_laid_out_and_placed_as_a_label_is() {
        let (labels, kept_labels) = (Context::default(), Context::default());
        let mut kept = KeptGalleys::default();
        alike_in_every_frame(3, 4, |_| {
            let expected = texts_drawn(&labels, |ui| page(ui, None));
            assert!(expected[3].1.y > 3.0 * expected[1].1.y, "the long text wraps");
            let got = texts_drawn(&kept_labels, |ui| {
                kept.begin(ui, "page");
                page(ui, Some(&mut kept));
            });
            (expected, got)
        });
    }
}
