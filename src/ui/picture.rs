//! Taking a picture of the window: a few frames to let layout and fonts settle, then a
//! screenshot request, then the picture when the renderer delivers it. Used by the
//! `--screenshot` check, the chart export and *Export view as PNG*.

use std::sync::Arc;

use egui::mutex::Mutex;

/// How many frames the window has to deliver a picture before giving up.
const PATIENCE: u32 = 300;

#[derive(Default)]
pub struct PendingPicture {
    frames: u32,
    requested: bool,
    image: Arc<Mutex<Option<Arc<egui::ColorImage>>>>,
}

impl std::fmt::Debug for PendingPicture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PendingPicture")
            .field("frames", &self.frames)
            .field("requested", &self.requested)
            .finish_non_exhaustive()
    }
}

/// What a frame brought.
#[derive(Debug)]
pub enum Picture {
    Waiting,
    Taken(Arc<egui::ColorImage>),
    /// The renderer never delivered one.
    Missing,
}

impl PendingPicture {
    /// Once a frame: after `settle` frames asks for the picture, then hands it over.
    pub fn step(&mut self, ctx: &egui::Context, settle: u32) -> Picture {
        self.frames += 1;
        ctx.request_repaint();
        if !self.requested && self.frames >= settle {
            self.requested = true;
            let slot = Arc::clone(&self.image);
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                *slot.lock() = Some(image);
                repaint.request_repaint();
            });
        }
        match self.image.lock().take() {
            Some(image) => Picture::Taken(image),
            None if self.frames > settle + PATIENCE => Picture::Missing,
            None => Picture::Waiting,
        }
    }
}
