//! Starting the real window: the renderer (wgpu, falling back to glow), the icon and
//! app id, persistence, and the screenshot mode used by checks and docs.

use std::path::PathBuf;
use std::sync::Arc;

use egui::mutex::Mutex;

use super::Tab;
use super::app::{ScreenshotJob, Startup, WorkbenchApp};
use super::autosave::{AUTOSAVE_AFTER, Autosave};
use super::files::NativePicker;
use crate::store::recovery::RecoveryFolder;

/// The app id: the window class on X11 and Wayland (matching the `.desktop` file) and
/// the name of the folder the preferences are kept in.
pub const APP_ID: &str = "dossier-workbench";

const ICON: &[u8] = include_bytes!("../../assets/icons/dossier-workbench-256.png");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RendererChoice {
    Wgpu,
    Glow,
}

impl RendererChoice {
    pub fn from_key(key: &str) -> Option<RendererChoice> {
        match key {
            "wgpu" => Some(RendererChoice::Wgpu),
            "glow" => Some(RendererChoice::Glow),
            _ => None,
        }
    }
}

/// What the command line asked of the window.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Launch {
    pub file: Option<PathBuf>,
    /// `None` tries wgpu first and falls back to glow.
    pub renderer: Option<RendererChoice>,
    /// Save a picture of the window here and exit.
    pub screenshot: Option<PathBuf>,
    /// Save the indicator chart as a picture here and exit.
    pub chart: Option<PathBuf>,
    pub tab: Option<Tab>,
    /// Start presenting.
    pub present: bool,
    /// The day deadlines and the board's composition are measured on, instead of the
    /// clock's: for pictures that are the same every day.
    pub today: Option<jiff::civil::Date>,
}

#[derive(Debug, thiserror::Error)]
pub enum LaunchError {
    #[error("The window could not start: {0}")]
    Window(String),
    #[error("The screenshot could not be taken: {0}")]
    Screenshot(String),
}

/// The window's size for screenshots: the size of the check's virtual screen.
const SCREENSHOT_SIZE: [f32; 2] = [1600.0, 1000.0];
/// The window's size for screenshots while presenting: a full HD projector.
const PRESENTING_SCREENSHOT_SIZE: [f32; 2] = [1920.0, 1080.0];

fn native_options(renderer: RendererChoice, screenshot: bool, present: bool) -> eframe::NativeOptions {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Dossier Workbench")
        .with_app_id(APP_ID)
        .with_min_inner_size([760.0, 480.0])
        .with_drag_and_drop(true);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON) {
        viewport = viewport.with_icon(Arc::new(icon));
    }
    viewport = if screenshot && present {
        // The projector check's screen: full HD, filled.
        viewport
            .with_inner_size(PRESENTING_SCREENSHOT_SIZE)
            .with_position([0.0, 0.0])
            .with_fullscreen(true)
    } else if screenshot {
        viewport
            .with_inner_size(SCREENSHOT_SIZE)
            .with_position([0.0, 0.0])
    } else {
        viewport.with_inner_size([1400.0, 900.0])
    };
    eframe::NativeOptions {
        viewport,
        renderer: match renderer {
            RendererChoice::Wgpu => eframe::Renderer::Wgpu,
            RendererChoice::Glow => eframe::Renderer::Glow,
        },
        persist_window: !screenshot,
        ..eframe::NativeOptions::default()
    }
}

impl Launch {
    /// Whether the window only takes a picture and closes.
    pub fn takes_picture(&self) -> bool {
        self.screenshot.is_some() || self.chart.is_some()
    }

    fn picture_job(&self, outcome: &Arc<Mutex<Option<Result<(), String>>>>) -> Option<ScreenshotJob> {
        let window = self.screenshot.clone().map(|path| (path, false));
        let (path, chart) = window.or_else(|| self.chart.clone().map(|path| (path, true)))?;
        let mut job = ScreenshotJob::new(path, Arc::clone(outcome));
        job.chart = chart;
        Some(job)
    }
}

/// Where recovery copies of unsaved work are kept: `recovery` in the app's data folder,
/// beside its preferences (`~/.local/share/dossier-workbench/recovery` on Linux).
pub fn recovery_folder() -> Option<RecoveryFolder> {
    eframe::storage_dir(APP_ID).map(|folder| RecoveryFolder::new(folder.join("recovery")))
}

/// Opens the window and runs it until it closes.
pub fn run(launch: &Launch) -> Result<(), LaunchError> {
    let renderers = match launch.renderer {
        Some(renderer) => vec![renderer],
        None => vec![RendererChoice::Wgpu, RendererChoice::Glow],
    };
    let outcome: Arc<Mutex<Option<Result<(), String>>>> = Arc::default();
    let mut failures = Vec::new();
    for renderer in renderers {
        let startup = Startup {
            file: launch.file.clone(),
            tab: launch.tab,
            present: launch.present,
            remember: !launch.takes_picture(),
            screenshot: launch.picture_job(&outcome),
            picker: Box::new(NativePicker),
            locale: sys_locale::get_locale(),
            today: launch.today,
            autosave: recovery_folder()
                .filter(|_| !launch.takes_picture())
                .map(|folder| Autosave {
                    folder,
                    after: AUTOSAVE_AFTER,
                }),
        };
        let result = eframe::run_native(
            APP_ID,
            native_options(renderer, launch.takes_picture(), launch.present),
            Box::new(move |cc| Ok(Box::new(WorkbenchApp::new(&cc.egui_ctx, cc.storage, startup)))),
        );
        match result {
            Ok(()) => {
                if !launch.takes_picture() {
                    return Ok(());
                }
                return match outcome.lock().take() {
                    Some(Ok(())) => Ok(()),
                    Some(Err(reason)) => Err(LaunchError::Screenshot(reason)),
                    None => Err(LaunchError::Screenshot(
                        "the window closed before a picture was taken".into(),
                    )),
                };
            }
            // Only a renderer that cannot start is worth a second try; without a
            // display, the other renderer fails the same way.
            Err(error @ eframe::Error::Wgpu(_)) if renderer == RendererChoice::Wgpu => {
                failures.push(format!("wgpu: {error}"));
            }
            Err(error) => {
                failures.push(error.to_string());
                break;
            }
        }
    }
    Err(LaunchError::Window(failures.join("; ")))
}
