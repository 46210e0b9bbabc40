//! A long page in a scroll area, drawn a block at a time: a block wholly outside the
//! visible part takes the room it took when it was last drawn, and is not drawn. So a
//! frame's work follows what is on screen, not how long the page is.
//!
//! Everything is drawn while a widget has keyboard focus (so that Tab reaches every
//! field, and the focused one scrolls into view) and while a screen reader is reading
//! the window (it reads the whole page).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use egui::{IdSalt, Rect, Ui, UiBuilder, Vec2};

/// The sizes of a page's blocks, for as long as the page and its look stay the same.
#[derive(Debug, Default)]
pub struct PageBlocks {
    made_for: Option<u64>,
    sizes: HashMap<IdSalt, Vec2>,
    /// Whether blocks off screen are left out this frame.
    skipping: bool,
}

impl PageBlocks {
    /// Starts a frame of the page. `page` is whatever the blocks' content depends on
    /// (what is shown, the dossier's state, the language); the width and the type
    /// sizes are added here. When it changes, every block is measured again.
    pub fn begin(&mut self, ui: &Ui, page: impl Hash) {
        let mut hasher = DefaultHasher::new();
        (
            page,
            ui.available_width().to_bits(),
            &ui.style().text_styles,
            ui.spacing().item_spacing.y.to_bits(),
        )
            .hash(&mut hasher);
        let key = hasher.finish();
        if self.made_for != Some(key) {
            self.sizes.clear();
            self.made_for = Some(key);
        }
        let focused = ui.memory(|memory| memory.focused().is_some());
        let read_aloud = ui.ctx().accesskit_node_builder(ui.unique_id(), |_| ()).is_some();
        self.skipping = !focused && !read_aloud;
    }

    /// Draws the block `block` (unique on the page) where the page has come to, or only
    /// takes its room when it is known and wholly out of sight. Space added at a block's
    /// end counts in its room, with the item spacing after it: add it after the block.
    pub fn block_ui(&mut self, ui: &mut Ui, block: impl Hash + std::fmt::Debug, add: impl FnOnce(&mut Ui)) {
        let id = IdSalt::new(block);
        let known = self.sizes.get(&id).copied();
        self.draw_or_skip(ui, id, known, add);
    }

    /// [`Self::block_ui`] for a block whose height is known near enough before it is
    /// drawn (a chart of a set height): out of sight it is left out from the first
    /// frame on, and measured when it comes into sight.
    pub fn block_of_height_ui(
        &mut self,
        ui: &mut Ui,
        block: impl Hash + std::fmt::Debug,
        height: f32,
        add: impl FnOnce(&mut Ui),
    ) {
        let id = IdSalt::new(block);
        let size = self
            .sizes
            .get(&id)
            .copied()
            .unwrap_or_else(|| egui::vec2(ui.available_width(), height));
        self.draw_or_skip(ui, id, Some(size), add);
    }

    fn draw_or_skip(&mut self, ui: &mut Ui, id: IdSalt, size: Option<Vec2>, add: impl FnOnce(&mut Ui)) {
        if self.skipping
            && let Some(size) = size
            && !ui.is_rect_visible(Rect::from_min_size(ui.cursor().min, size))
        {
            // The same room as `scope` takes below, and the same ids after it.
            ui.allocate_space(size);
            return;
        }
        let drawn = ui.scope_builder(UiBuilder::new().id_salt(id), add).response;
        self.sizes.insert(id, drawn.rect.size());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How a frame of the test page is drawn.
    #[derive(Clone, Copy)]
    struct Frame {
        page: &'static str,
        width: f32,
        offset: f32,
        focused: Option<&'static str>,
        /// Whether the blocks say their height before they are drawn.
        known_heights: bool,
    }

    const STILL: Frame = Frame {
        page: "page",
        width: 400.0,
        offset: 0.0,
        focused: None,
        known_heights: false,
    };

    /// Draws a page of 20 blocks of 100 points each in a 300-point-high scroll area;
    /// returns which blocks were drawn, where each one's content came, and where the
    /// line after the page came.
    fn page(ctx: &egui::Context, state: &mut PageBlocks, frame: Frame) -> (Vec<usize>, Vec<f32>, f32) {
        let Frame {
            page,
            width,
            offset,
            focused,
            known_heights,
        } = frame;
        let mut drawn = Vec::new();
        let mut tops = Vec::new();
        let mut after = 0.0;
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(width, 300.0))),
            ..egui::RawInput::default()
        };
        let output = ctx.run_ui(input, |ui| {
            if let Some(id) = focused {
                ui.memory_mut(|memory| memory.request_focus(egui::Id::unique(id)));
            }
            egui::ScrollArea::vertical()
                .vertical_scroll_offset(offset)
                .show(ui, |ui| {
                    state.begin(ui, page);
                    for block in 0..20 {
                        let add = |ui: &mut Ui| {
                            drawn.push(block);
                            tops.push(ui.cursor().min.y + offset);
                            ui.allocate_space(egui::vec2(200.0, 100.0));
                        };
                        if known_heights {
                            state.block_of_height_ui(ui, block, 100.0, add);
                        } else {
                            state.block_ui(ui, block, add);
                        }
                    }
                    after = ui.cursor().min.y + offset;
                });
        });
        output.drop_without_applying_deltas();
        (drawn, tops, after)
    }

    #[test]
    fn blocks_out_of_sight_keep_their_room_without_being_drawn() {
        let ctx = egui::Context::default();
        let mut state = PageBlocks::default();
        let (first, tops, after) = page(&ctx, &mut state, STILL);
        assert_eq!(first.len(), 20, "the first frame measures every block");
        let (second, _, second_after) = page(&ctx, &mut state, STILL);
        assert!(
            second.len() < 5 && second.contains(&0),
            "only the blocks in sight: {second:?}"
        );
        assert_eq!(second_after, after, "the page is as long as before");
        // Scrolled down, the blocks there are drawn where they were.
        let scrolled = Frame {
            offset: 1000.0,
            ..STILL
        };
        let (drawn, drawn_tops, _) = page(&ctx, &mut state, scrolled);
        assert!(!drawn.contains(&0) && drawn.contains(&11), "{drawn:?}");
        for (block, top) in drawn.iter().zip(&drawn_tops) {
            assert_eq!(*top, tops[*block], "block {block} moved");
        }
    }

    #[test]
    fn every_block_is_drawn_with_a_focused_widget_on_another_page_or_width() {
        let ctx = egui::Context::default();
        let mut state = PageBlocks::default();
        for changed in [
            Frame {
                focused: Some("a field"),
                ..STILL
            },
            Frame {
                page: "another page",
                ..STILL
            },
            Frame {
                width: 500.0,
                ..STILL
            },
        ] {
            page(&ctx, &mut state, STILL);
            let (skipped, _, _) = page(&ctx, &mut state, STILL);
            assert!(skipped.len() < 20);
            let (drawn, _, _) = page(&ctx, &mut state, changed);
            assert_eq!(drawn.len(), 20);
        }
    }

    #[test]
    fn a_block_of_known_height_is_left_out_from_the_first_frame() {
        let ctx = egui::Context::default();
        let mut state = PageBlocks::default();
        let known = Frame {
            known_heights: true,
            ..STILL
        };
        let (first, _, after) = page(&ctx, &mut state, known);
        assert!(first.len() < 5, "only the blocks in sight: {first:?}");
        let (all, _, all_after) = page(&egui::Context::default(), &mut PageBlocks::default(), STILL);
        assert_eq!(all.len(), 20);
        assert_eq!(after, all_after, "the page is as long as when all are drawn");
    }

    #[test]
    fn every_block_is_drawn_while_a_screen_reader_reads() {
        let ctx = egui::Context::default();
        ctx.enable_accesskit();
        let mut state = PageBlocks::default();
        for _ in 0..3 {
            let (drawn, _, _) = page(&ctx, &mut state, STILL);
            assert_eq!(drawn.len(), 20);
        }
    }
}
