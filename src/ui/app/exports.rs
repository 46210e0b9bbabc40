//! Exports: a table as CSV or TSV, the dossier as an HTML report, the view or the chart
//! as a picture; and the window's screenshot for the command line.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::ViewportCommand;
use egui::mutex::Mutex;

use super::WorkbenchApp;
use super::dialogs::PathPurpose;
use crate::export::csv::Delimiter;
use crate::export::pdf::{self, Part};
use crate::export::sheet::{sheet_list, sheet_text};
use crate::export::{html, png};
use crate::i18n::Texts;
use crate::ui::Tab;
use crate::ui::command::Export;
use crate::ui::files::{FileKind, Picked, suggested_file_name};
use crate::ui::picture::{PendingPicture, Picture};

/// Take a picture of the window once it has drawn, save it, and close.
pub struct ScreenshotJob {
    pub path: PathBuf,
    /// Only the indicator chart, as *Export chart* saves it, instead of the window.
    pub chart: bool,
    /// Where the result is reported to whoever started the window.
    pub outcome: Arc<Mutex<Option<Result<(), String>>>>,
    picture: PendingPicture,
}

impl std::fmt::Debug for ScreenshotJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ScreenshotJob")
            .field("path", &self.path)
            .field("chart", &self.chart)
            .field("picture", &self.picture)
            .finish_non_exhaustive()
    }
}

impl ScreenshotJob {
    pub fn new(path: PathBuf, outcome: Arc<Mutex<Option<Result<(), String>>>>) -> ScreenshotJob {
        ScreenshotJob {
            path,
            chart: false,
            outcome,
            picture: PendingPicture::default(),
        }
    }
}

#[derive(Debug)]
pub(super) struct Exports {
    /// Where the tab was drawn in the last frame, for *Export view as PNG*.
    pub(super) view_rect: egui::Rect,
    view_picture: Option<(PathBuf, PendingPicture)>,
    screenshot: Option<ScreenshotJob>,
}

impl Exports {
    pub(super) fn new(screenshot: Option<ScreenshotJob>) -> Exports {
        Exports {
            view_rect: egui::Rect::NOTHING,
            view_picture: None,
            screenshot,
        }
    }

    /// Where the chart goes when the command line asked for only the chart.
    pub(super) fn chart_job_path(&self) -> Option<PathBuf> {
        self.screenshot
            .as_ref()
            .filter(|job| job.chart)
            .map(|job| job.path.clone())
    }
}

impl WorkbenchApp {
    /// Asks where to export, with the file dialog or, without one, a typed path.
    pub(super) fn export(&mut self, ctx: &egui::Context, what: Export) {
        let Some(name) = self.export_name(&what) else {
            return;
        };
        if what == Export::Chart {
            self.tab = Tab::Indicators;
        }
        let kind = match &what {
            Export::Sheet {
                delimiter: Delimiter::Semicolon,
                ..
            } => FileKind::Csv,
            Export::Sheet {
                delimiter: Delimiter::Tab,
                ..
            } => FileKind::Tsv,
            Export::Report => FileKind::Html,
            Export::Pdf { .. } => FileKind::Pdf,
            Export::View | Export::Chart => FileKind::Png,
        };
        let folder = self.start_folder();
        match self.files.pick_save(ctx, kind, folder.as_deref(), &name) {
            Some(Picked::Chosen(path)) => self.export_to(what, path),
            Some(Picked::Unavailable) => self.ask_path(PathPurpose::Export(what)),
            Some(Picked::Cancelled) | None => {}
        }
    }

    /// The file name an export suggests: the table's name, the dossier's title, the view's.
    pub(super) fn export_name(&self, what: &Export) -> Option<String> {
        let dossier = self.document.dossier();
        let named =
            |name: &str, extension: &str| suggested_file_name(name).replace(".dossier.json", extension);
        match what {
            Export::Sheet { table, delimiter } => {
                let listed = sheet_list(dossier, self.texts());
                let entry = listed.iter().find(|entry| entry.table == *table)?;
                Some(named(&entry.name, &format!(".{}", delimiter.extension())))
            }
            Export::Report => Some(named(&dossier.title, ".html")),
            Export::Pdf { whole: true } => Some(named(&dossier.title, ".pdf")),
            Export::Pdf { whole: false } => Some(named(
                &format!("{} {}", dossier.title, self.tab.name(self.texts())),
                ".pdf",
            )),
            Export::View => Some(named(
                &format!("{} {}", dossier.title, self.tab.name(self.texts())),
                ".png",
            )),
            Export::Chart => Some(self.texts().chart_file_name.to_string()),
        }
    }

    pub(super) fn export_to(&mut self, what: Export, path: PathBuf) {
        let extension = match &what {
            Export::Sheet { delimiter, .. } => delimiter.extension(),
            Export::Report => "html",
            Export::Pdf { .. } => "pdf",
            Export::View | Export::Chart => "png",
        };
        let path = if path.extension().is_some() {
            path
        } else {
            path.with_extension(extension)
        };
        let (language, today) = (self.language, self.today());
        match what {
            Export::Sheet { table, delimiter } => {
                let gone = self.texts().work.table_gone;
                self.start_export(&path, move |dossier| {
                    sheet_text(dossier, table, language, delimiter)
                        .map(String::into_bytes)
                        .ok_or_else(|| gone.to_string())
                });
            }
            Export::Report => {
                self.start_export(&path, move |dossier| {
                    Ok(html::report(dossier, language, today).into_bytes())
                });
            }
            Export::Pdf { whole } => {
                let parts = if whole {
                    Part::ALL.to_vec()
                } else {
                    vec![self.tab.print_part()]
                };
                self.start_export(&path, move |dossier| {
                    pdf::print(dossier, &parts, language, today).map_err(|error| error.to_string())
                });
            }
            // The pictures are taken a few frames later.
            Export::View => self.exports.view_picture = Some((path, PendingPicture::default())),
            Export::Chart => self.views.indicators.begin_export(path),
        }
    }

    /// Writes an exported file whole or not at all, and says which it was.
    fn write_export(&mut self, path: &Path, bytes: &[u8]) -> Result<(), String> {
        match write_file(path, bytes, self.texts()) {
            Ok(()) => {
                self.tell(self.texts().exported_to(path.display()));
                Ok(())
            }
            Err(message) => {
                self.show_error(self.texts().export_failed, message.clone());
                Err(message)
            }
        }
    }

    /// Saves the chart's picture; when the command line asked for it, reports and closes.
    pub(super) fn save_chart_picture(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
        picture: Result<Arc<egui::ColorImage>, String>,
    ) {
        let outcome = match picture.and_then(|image| png::encode(&image)) {
            Ok(bytes) => self.write_export(path, &bytes),
            Err(reason) => {
                self.show_error(self.texts().export_failed, reason.clone());
                Err(reason)
            }
        };
        if let Some(job) = self.exports.screenshot.take_if(|job| job.chart) {
            *job.outcome.lock() = Some(outcome);
            self.files.allow_close = true;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    pub(super) fn screenshot_step(&mut self, ctx: &egui::Context) {
        let Some(job) = self.exports.screenshot.as_mut().filter(|job| !job.chart) else {
            return;
        };
        // A few frames first, so that layout and fonts have settled.
        let outcome = match job.picture.step(ctx, 5) {
            Picture::Waiting => return,
            Picture::Taken(image) => {
                png::encode(&image).and_then(|bytes| write_file(&job.path, &bytes, self.language.texts()))
            }
            Picture::Missing => Err("the window never delivered a picture".to_string()),
        };
        *job.outcome.lock() = Some(outcome);
        self.exports.screenshot = None;
        self.files.allow_close = true;
        ctx.send_viewport_cmd(ViewportCommand::Close);
    }

    /// *Export → This view as PNG*: the tab's area, without menus and status bar.
    pub(super) fn view_picture_step(&mut self, ctx: &egui::Context) {
        let texts = self.texts();
        let Some((path, pending)) = &mut self.exports.view_picture else {
            return;
        };
        let cropped = match pending.step(ctx, 3) {
            Picture::Waiting => return,
            Picture::Taken(image) => Ok(image.region(&self.exports.view_rect, Some(ctx.pixels_per_point()))),
            Picture::Missing => Err(texts.no_picture.to_string()),
        };
        let path = path.clone();
        self.exports.view_picture = None;
        match cropped.and_then(|image| png::encode(&image)) {
            // A failure is shown by write_export itself.
            Ok(bytes) => {
                let _ = self.write_export(&path, &bytes);
            }
            Err(reason) => self.show_error(texts.export_failed, reason),
        }
    }
}

/// Writes a file whole or not at all; the reason, with the path, when it fails.
fn write_file(path: &Path, bytes: &[u8], texts: &Texts) -> Result<(), String> {
    crate::store::atomic::write_atomically(path, bytes)
        .map_err(|(stage, error)| texts.write_error(path, stage, &error))
}
