//! Figures a view works out of the whole dossier (the timeline's order, search texts,
//! deadlines and threads), worked out off the frame: on a large dossier that takes
//! seconds, and the window must keep drawing meanwhile. A small dossier's are ready
//! within the frame that asks, as before.

use std::sync::Arc;

use super::ViewContext;
use super::memo::DerivedKey;
use super::work::{FRAME_WAIT, Finished, Job, Progress};
use crate::model::Dossier;

/// A value worked out of the dossier for one [`DerivedKey`], and the next one while it
/// is being worked out.
#[derive(Debug)]
pub struct WorkedOut<T> {
    ready: Option<(DerivedKey, T)>,
    coming: Option<(DerivedKey, Job<T>)>,
}

impl<T> Default for WorkedOut<T> {
    fn default() -> WorkedOut<T> {
        WorkedOut {
            ready: None,
            coming: None,
        }
    }
}

/// What a view has to draw with.
#[derive(Debug)]
pub enum Ready<'a, T> {
    /// Made for the dossier as it is now.
    Fresh(&'a T),
    /// Made for an earlier state whose parts stand where they stand now (an edit of a
    /// text, say): good to draw with for the frames until the fresh one comes.
    Earlier(&'a T),
    /// Nothing yet: it is being worked out.
    Coming,
}

impl<T: Send + 'static> WorkedOut<T> {
    /// Whether a value is being worked out.
    pub fn is_coming(&self) -> bool {
        self.coming.is_some()
    }

    /// The value for the view as it is now. When it is stale, `work` starts on a thread
    /// of its own with the dossier; the frame waits a moment for it, then draws with
    /// the earlier value if `still_fits` says its positions hold, or with nothing.
    pub fn get(
        &mut self,
        ctx: &egui::Context,
        view: &ViewContext<'_>,
        work: impl FnOnce(&Dossier, DerivedKey) -> T + Send + 'static,
        still_fits: impl FnOnce(&T, &Dossier) -> bool,
    ) -> Ready<'_, T> {
        let key = DerivedKey::of(view);
        if self.ready.as_ref().is_some_and(|(made_for, _)| *made_for == key) {
            self.coming = None;
            return self
                .ready
                .as_ref()
                .map_or(Ready::Coming, |(_, value)| Ready::Fresh(value));
        }
        let dossier = Arc::clone(view.shared);
        match poll_job(&mut self.coming, ctx, key, move |_| work(&dossier, key)) {
            Polled::Done(value) => {
                self.ready = Some((key, value));
                return self
                    .ready
                    .as_ref()
                    .map_or(Ready::Coming, |(_, value)| Ready::Fresh(value));
            }
            // A bug in the work: nothing to draw with, and no frame asked for again.
            Polled::Failed => return Ready::Coming,
            Polled::Running => {}
        }
        match &self.ready {
            Some((_, value)) if still_fits(value, view.dossier) => Ready::Earlier(value),
            _ => Ready::Coming,
        }
    }
}

/// What became of work started off the frame.
#[derive(Debug)]
pub enum Polled<T> {
    Done(T),
    /// Still running; a frame is asked for, to look again.
    Running,
    /// A bug in the work: it ended without a result.
    Failed,
}

/// Starts `work` on a thread for `key`, unless `coming` already runs it for that key (a
/// job for another key is dropped: its thread ends on its own), then waits a moment for
/// its result. A frame is drawn when it is done.
pub fn poll_job<K: PartialEq, T: Send + 'static>(
    coming: &mut Option<(K, Job<T>)>,
    ctx: &egui::Context,
    key: K,
    work: impl FnOnce(&Progress) -> T + Send + 'static,
) -> Polled<T> {
    if coming.as_ref().is_none_or(|(made_for, _)| *made_for != key) {
        let wake = ctx.clone();
        *coming = Some((key, Job::start(work, move || wake.request_repaint())));
    }
    match coming.as_ref().and_then(|(_, job)| job.finished(FRAME_WAIT)) {
        Some(Finished::Done(value)) => {
            *coming = None;
            Polled::Done(value)
        }
        Some(Finished::Failed) => Polled::Failed,
        None => {
            ctx.request_repaint();
            Polled::Running
        }
    }
}

/// What a tab shows while its figures are worked out.
pub fn coming_ui(ui: &mut egui::Ui, text: &str) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 3.0);
        ui.spinner();
        ui.label(text);
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::model::edit::Edit;

    fn view_of<'a>(document: &'a Document, ids: &'a crate::model::ids::IdAllocator) -> ViewContext<'a> {
        ViewContext {
            dossier: document.dossier(),
            shared: document.shared(),
            ids,
            texts: crate::i18n::Language::English.texts(),
            language: crate::i18n::Language::English,
            presenting: false,
            version: document.version(),
            last_cell_change: None,
            today: jiff::civil::date(2026, 11, 22),
        }
    }

    /// Asks until the value is fresh; the job runs on its own thread meanwhile.
    fn fresh_title(worked: &mut WorkedOut<String>, ctx: &egui::Context, document: &Document) -> String {
        let ids = document.dossier().allocate_ids();
        for _ in 0..100_000 {
            let view = view_of(document, &ids);
            if let Ready::Fresh(title) = worked.get(ctx, &view, |d, _| d.title.clone(), |_, _| true) {
                return title.clone();
            }
        }
        panic!("never worked out");
    }

    #[test]
    fn a_value_is_worked_out_again_for_each_state_and_the_earlier_one_drawn_meanwhile() {
        let ctx = egui::Context::default();
        let mut document = Document::bundled().unwrap();
        let mut worked = WorkedOut::default();
        assert_eq!(
            fresh_title(&mut worked, &ctx, &document),
            document.dossier().title
        );
        document.apply(Edit::SetTitle("Nieuw".into())).unwrap();
        let ids = document.dossier().allocate_ids();
        // Held until the test lets it go: the frame must draw with what it has.
        let (release, gate) = std::sync::mpsc::channel::<()>();
        let view = view_of(&document, &ids);
        let held = worked.get(
            &ctx,
            &view,
            move |d, _| {
                gate.recv().ok();
                d.title.clone()
            },
            |_, _| true,
        );
        assert!(matches!(held, Ready::Earlier(title) if title != "Nieuw"));
        let refused = worked.get(&ctx, &view, |d, _| d.title.clone(), |_, _| false);
        assert!(
            matches!(refused, Ready::Coming),
            "an earlier value that no longer fits is not drawn"
        );
        release.send(()).unwrap();
        assert_eq!(fresh_title(&mut worked, &ctx, &document), "Nieuw");
    }
}
