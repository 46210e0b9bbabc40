//! The workbench at real scale, each figure beside its floor, measured in the same run.
//!
//! `cargo bench --bench perf` generates the 20 000-question / 100 000-row dossier (seed 7)
//! and prints a table: load, memory, save, every tab's frame still and scrolling, search
//! per keystroke and totals after an edit, against plain serde, a bare egui table and the
//! targets. `PERF_SCALE=0.1` measures a tenth of the size, for a quick look.

// A counting allocator needs `unsafe impl GlobalAlloc`; it only forwards to the system's.
#![allow(unsafe_code)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a benchmark may fail loudly

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use dossier_workbench::generate::{Sizes, generate};
use dossier_workbench::model::Dossier;
use dossier_workbench::model::budget::{Cell, CellValue, ColumnKind};
use dossier_workbench::model::edit::Edit;
use dossier_workbench::model::merge;
use dossier_workbench::model::money::Money;
use dossier_workbench::store;
use dossier_workbench::ui::app::{Startup, WorkbenchApp};
use dossier_workbench::ui::files::{FileKind, FilePicker, Picked};
use dossier_workbench::ui::timeline::Selection;
use dossier_workbench::ui::{Command, Tab};

/// Counts the bytes the process holds, and the most it held since the last reset.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the layout is passed on unchanged to the system allocator.
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            let held = HELD.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(held, Ordering::Relaxed);
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        // SAFETY: the pointer came from `alloc` above with this layout.
        unsafe { System.dealloc(pointer, layout) };
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `alloc` and `dealloc`.
        let moved = unsafe { System.realloc(pointer, layout, new_size) };
        if !moved.is_null() {
            if new_size >= layout.size() {
                let held =
                    HELD.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size - layout.size();
                PEAK.fetch_max(held, Ordering::Relaxed);
            } else {
                HELD.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The median of `runs` timings of `work`.
fn median(runs: usize, mut work: impl FnMut() -> Duration) -> Duration {
    in_the_middle((0..runs).map(|_| work()).collect())
}

/// The median of times taken.
fn in_the_middle(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn timed<T>(work: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let value = work();
    (start.elapsed(), value)
}

fn ms(duration: Duration) -> String {
    format!("{:.2} ms", duration.as_secs_f64() * 1000.0)
}

/// One line of the report.
struct Figure {
    what: String,
    measured: String,
    floor: String,
    ratio: Option<f64>,
    target: String,
    met: bool,
}

fn compare(what: &str, measured: Duration, floor: Duration, limit: f64) -> Figure {
    let ratio = measured.as_secs_f64() / floor.as_secs_f64().max(1e-9);
    Figure {
        what: what.into(),
        measured: ms(measured),
        floor: ms(floor),
        ratio: Some(ratio),
        target: format!("≤ {limit}× floor"),
        met: ratio <= limit,
    }
}

fn absolute(what: &str, measured: Duration, limit_ms: f64) -> Figure {
    Figure {
        what: what.into(),
        measured: ms(measured),
        floor: "—".into(),
        ratio: None,
        target: format!("≤ {limit_ms} ms"),
        met: measured.as_secs_f64() * 1000.0 <= limit_ms,
    }
}

#[derive(Debug)]
struct NoPicker;

impl FilePicker for NoPicker {
    fn pick_open(&mut self, _: FileKind, _: Option<&std::path::Path>) -> Picked {
        Picked::Cancelled
    }

    fn pick_save(&mut self, _: FileKind, _: Option<&std::path::Path>, _: &str) -> Picked {
        Picked::Cancelled
    }
}

const SCREEN: egui::Vec2 = egui::vec2(1600.0, 1000.0);

fn input(events: Vec<egui::Event>, time: f64) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN)),
        time: Some(time),
        events,
        ..egui::RawInput::default()
    }
}

/// A headless window: runs frames, tessellates them, and times each.
struct Window {
    ctx: egui::Context,
    time: f64,
    /// A fingerprint of the texts on screen in the last frame.
    texts_shown: u64,
}

impl Window {
    fn new() -> Window {
        Window {
            ctx: egui::Context::default(),
            time: 0.0,
            texts_shown: 0,
        }
    }

    fn frame(&mut self, events: Vec<egui::Event>, mut draw: impl FnMut(&mut egui::Ui)) -> Duration {
        self.time += 1.0 / 60.0;
        let start = Instant::now();
        let mut output = self.ctx.run_ui(input(events, self.time), |ui| draw(ui));
        let ran = start.elapsed();
        self.texts_shown = texts_fingerprint(&output.shapes);
        let start = Instant::now();
        let shapes = std::mem::take(&mut output.shapes);
        let primitives = self.ctx.tessellate(shapes, output.pixels_per_point);
        let elapsed = ran + start.elapsed();
        std::hint::black_box(primitives);
        output.drop_without_applying_deltas();
        elapsed
    }

    /// The median frame, still, after a few frames to settle.
    fn still(&mut self, mut draw: impl FnMut(&mut egui::Ui)) -> Duration {
        for _ in 0..8 {
            self.frame(Vec::new(), &mut draw);
        }
        median(40, || self.frame(Vec::new(), &mut draw))
    }
}

/// A window and what it draws.
type Drawn<'a> = (&'a mut Window, &'a mut dyn FnMut(&mut egui::Ui));

/// How many frames of each the still figures take the median of.
const STILL_FRAMES: usize = 101;

/// The median still frame of `ours` and of the floor, drawn in turns, a frame of each, so
/// that a slow or a fast spell of the machine falls on both alike (taken one after the
/// other, the bare table's frame moved from 0.48 to 0.90 ms between runs).
fn still_in_turns((ours, draw): Drawn<'_>, (floor, draw_floor): Drawn<'_>) -> (Duration, Duration) {
    for _ in 0..8 {
        ours.frame(Vec::new(), &mut *draw);
        floor.frame(Vec::new(), &mut *draw_floor);
    }
    let (mut our_times, mut floor_times) = (Vec::new(), Vec::new());
    for _ in 0..STILL_FRAMES {
        our_times.push(ours.frame(Vec::new(), &mut *draw));
        floor_times.push(floor.frame(Vec::new(), &mut *draw_floor));
    }
    (in_the_middle(our_times), in_the_middle(floor_times))
}

/// The wheel turned `step` points down over `at`.
fn wheel_down(at: egui::Pos2, step: f32) -> Vec<egui::Event> {
    let wheel = egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -step),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    };
    vec![egui::Event::PointerMoved(at), wheel]
}

/// The median frame of `ours` and of the floor while the wheel scrolls `step` points a
/// frame, over `at` and `floor_at`, in turns as [`still_in_turns`]. Fails if the texts on
/// screen of either stay the same, that is if it did not scroll.
fn scrolling_in_turns(
    what: &str,
    ((ours, draw), at): (Drawn<'_>, egui::Pos2),
    ((floor, draw_floor), floor_at): (Drawn<'_>, egui::Pos2),
    step: f32,
) -> (Duration, Duration) {
    ours.frame(vec![egui::Event::PointerMoved(at)], &mut *draw);
    floor.frame(vec![egui::Event::PointerMoved(floor_at)], &mut *draw_floor);
    let (our_before, floor_before) = (ours.texts_shown, floor.texts_shown);
    // Twenty frames of forty rows: 800 rows, within the 1 000 board members.
    let (mut our_times, mut floor_times) = (Vec::new(), Vec::new());
    for _ in 0..20 {
        our_times.push(ours.frame(wheel_down(at, step), &mut *draw));
        floor_times.push(floor.frame(wheel_down(floor_at, step), &mut *draw_floor));
    }
    assert_ne!(our_before, ours.texts_shown, "{what} did not scroll");
    assert_ne!(floor_before, floor.texts_shown, "the bare table did not scroll");
    (in_the_middle(our_times), in_the_middle(floor_times))
}

fn texts_fingerprint(shapes: &[egui::epaint::ClippedShape]) -> u64 {
    use std::hash::{Hash, Hasher};
    fn visit(shape: &egui::Shape, hasher: &mut impl Hasher) {
        match shape {
            egui::Shape::Text(text) => text.galley.text().hash(hasher),
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|shape| visit(shape, hasher)),
            _ => {}
        }
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for clipped in shapes {
        visit(&clipped.shape, &mut hasher);
    }
    hasher.finish()
}

/// The floor of a frame: a bare table with as many rows and columns, plain labels.
fn bare_table(rows: usize, columns: usize) -> impl FnMut(&mut egui::Ui) {
    move |ui: &mut egui::Ui| {
        egui::CentralPanel::default().show(ui, |ui| {
            let mut table = egui_extras::TableBuilder::new(ui).striped(true);
            for _ in 0..columns {
                table = table.column(egui_extras::Column::auto().at_least(80.0));
            }
            table
                .header(24.0, |mut header| {
                    for column in 0..columns {
                        header.col(|ui| {
                            ui.label(format!("Kolom {column}"));
                        });
                    }
                })
                .body(|body| {
                    body.rows(25.0, rows, |mut row| {
                        let index = row.index();
                        for column in 0..columns {
                            row.col(|ui| {
                                ui.label(format!("{index} · {column}"));
                            });
                        }
                    });
                });
        });
    }
}

/// The window on `path`: started on the bundled dossier, settled, then `path` opened
/// off the frame, as File → Open does, with frames drawn until it is open. Also the
/// longest frame while it was read, and the frame that took the opened dossier.
fn app(window: &mut Window, path: &std::path::Path, tab: Tab) -> (WorkbenchApp, Duration, Duration) {
    let ctx = window.ctx.clone();
    let mut workbench = WorkbenchApp::new(
        &ctx,
        None,
        Startup {
            file: None,
            tab: Some(tab),
            present: false,
            remember: false,
            screenshot: None,
            picker: Box::new(NoPicker),
            locale: Some("en".into()),
            today: Some(jiff::civil::date(2026, 11, 22)),
            autosave: None,
        },
    );
    // The first frames of a window load its fonts; the bundled dossier's figures come.
    for _ in 0..8 {
        window.frame(Vec::new(), |ui| workbench.draw(ui));
    }
    frames_until_worked_out(window, &mut workbench);
    workbench.handle(&ctx, Command::OpenFile(path.to_path_buf()));
    let (longest, first) = frames_while_busy(window, &mut workbench);
    (workbench, longest, first)
}

/// Draws frames until the tab no longer asks for frames (its figures are worked out
/// off the frame): the longest of them, and how long it took.
fn frames_until_worked_out(window: &mut Window, workbench: &mut WorkbenchApp) -> (Duration, Duration) {
    let mut longest = Duration::ZERO;
    let start = Instant::now();
    loop {
        let frame = window.frame(Vec::new(), |ui| workbench.draw(ui));
        longest = longest.max(frame);
        if !workbench.is_working_out() {
            return (longest, start.elapsed());
        }
        assert!(
            start.elapsed() < Duration::from_secs(600),
            "the figures never came"
        );
    }
}

/// Draws frames until the work off the frame is done: the longest frame while it ran,
/// and the frame that took its result.
fn frames_while_busy(window: &mut Window, workbench: &mut WorkbenchApp) -> (Duration, Duration) {
    let mut longest = Duration::ZERO;
    let start = Instant::now();
    loop {
        let frame = window.frame(Vec::new(), |ui| workbench.draw(ui));
        if !workbench.is_busy() {
            return (longest, frame);
        }
        longest = longest.max(frame);
        assert!(start.elapsed() < Duration::from_secs(600), "the work never ended");
    }
}

/// How many cells both versions of [`two_versions`] change, each its own way.
const CONFLICTING_CELLS: usize = 10;

/// Two versions of `base` as two people make them: each changes cells all over the
/// budget (ten of them both, differently), adds questions at the end, and one renames
/// questions and removes rows.
fn two_versions(base: &Dossier) -> (Dossier, Dossier) {
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let amount = |cents: i64| {
        Cell::new(CellValue::Money(
            Money::new(rust_decimal::Decimal::new(cents, 2)).unwrap(),
        ))
    };
    for (side, offset) in [(&mut ours, 0), (&mut theirs, 50)] {
        let mut changed = 0;
        for table in &mut side.budget_tables {
            let Some(column) = table.columns.iter().position(|c| c.kind == ColumnKind::Money) else {
                continue;
            };
            for (index, row) in table.rows.iter_mut().enumerate() {
                let both = changed < CONFLICTING_CELLS && index % 1000 == 0;
                if index % 100 == offset || both {
                    row.cells[column] = amount(1_000 + offset as i64 + index as i64);
                    changed += usize::from(both);
                }
            }
        }
        for number in 0..200u32 {
            let mut question = side.questions[0].clone();
            question.id = dossier_workbench::model::ids::QuestionId(side.next_id);
            side.next_id += 1;
            question.number = Some(900_000 + number + offset as u32);
            side.questions.push(question);
        }
    }
    for question in theirs.questions.iter_mut().step_by(40) {
        question.title = Some(format!(
            "{} (herzien)",
            question.title.clone().unwrap_or_default()
        ));
    }
    for table in &mut theirs.budget_tables {
        let mut index = 0;
        table.rows.retain(|_| {
            index += 1;
            index % 1000 != 7
        });
    }
    (ours, theirs)
}

fn main() {
    let scale: f64 = std::env::var("PERF_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);
    let part = |n: usize| ((n as f64 * scale).round() as usize).max(1);
    let full = Sizes::default();
    let sizes = Sizes {
        questions: part(full.questions),
        budget_rows: part(full.budget_rows),
        members: part(full.members),
        indicators: part(full.indicators),
    };
    eprintln!("generating {sizes:?} …");
    let dossier = generate(sizes, 7);
    let bytes = store::to_bytes(&dossier).unwrap();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("groot.dossier.json");
    std::fs::write(&path, &bytes).unwrap();
    let mut figures = Vec::new();

    // Load: read, scan, parse, migrate, validate; the floor parses the same bytes.
    eprintln!("load …");
    // In turns, as the save below.
    let (mut loads, mut parses) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        loads.push(timed(|| store::load(&path).unwrap()).0);
        parses.push(timed(|| serde_json::from_slice::<Dossier>(&bytes).unwrap()).0);
    }
    let (load, parse) = (in_the_middle(loads), in_the_middle(parses));
    figures.push(compare("load (read, parse, validate)", load, parse, 1.5));
    let before = HELD.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let loaded = store::load(&path).unwrap();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    let kept = HELD.load(Ordering::Relaxed) - before;
    let ratio = peak as f64 / bytes.len() as f64;
    figures.push(Figure {
        what: "memory at the peak of a load".into(),
        measured: format!("{:.0} MB", peak as f64 / 1e6),
        floor: format!("file {:.0} MB", bytes.len() as f64 / 1e6),
        ratio: Some(ratio),
        target: "≤ 4× file".into(),
        met: ratio <= 4.0,
    });
    figures.push(Figure {
        what: "memory kept after a load".into(),
        measured: format!("{:.0} MB", kept as f64 / 1e6),
        floor: format!("file {:.0} MB", bytes.len() as f64 / 1e6),
        ratio: Some(kept as f64 / bytes.len() as f64),
        target: "—".into(),
        met: true,
    });
    drop(loaded);

    // A million budget rows, the shape of file whose load once peaked at 4.7 times its
    // size: the file's bytes, the rows, and nothing read twice.
    eprintln!("memory of a million budget rows …");
    let rows_only = Sizes {
        questions: 1,
        budget_rows: part(1_000_000),
        members: 1,
        indicators: 1,
    };
    let rows_path = folder.path().join("rijen.dossier.json");
    let rows_size = {
        let rows_bytes = store::to_bytes(&generate(rows_only, 11)).unwrap();
        std::fs::write(&rows_path, &rows_bytes).unwrap();
        rows_bytes.len()
    };
    let before = HELD.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let loaded = store::load(&rows_path).unwrap();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    let ratio = peak as f64 / rows_size as f64;
    figures.push(Figure {
        what: format!(
            "memory at the peak of a load, {} budget rows",
            loaded.budget_tables[0].rows.len()
        ),
        measured: format!("{:.0} MB", peak as f64 / 1e6),
        floor: format!("file {:.0} MB", rows_size as f64 / 1e6),
        ratio: Some(ratio),
        target: "≤ 4× file".into(),
        met: ratio <= 4.0,
    });
    drop(loaded);

    // Save: layout and atomic write with fsync; the floor serialises into a Vec and
    // writes and syncs the same number of bytes.
    eprintln!("save …");
    let save_path = folder.path().join("bewaard.dossier.json");
    let sync_path = folder.path().join("fsync.bin");
    // Taken in turns, so that a slow spell of the disk falls on both alike.
    let (mut saves, mut serialises, mut fsyncs) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..5 {
        saves.push(timed(|| store::save(&save_path, &dossier).unwrap()).0);
        serialises.push(
            timed(|| {
                let mut out = Vec::with_capacity(bytes.len());
                serde_json::to_writer(&mut out, &dossier).unwrap();
                out
            })
            .0,
        );
        fsyncs.push(
            timed(|| {
                let mut file = std::fs::File::create(&sync_path).unwrap();
                file.write_all(&bytes).unwrap();
                file.sync_all().unwrap();
            })
            .0,
        );
    }
    let (save, serialise, fsync) = (
        in_the_middle(saves),
        in_the_middle(serialises),
        in_the_middle(fsyncs),
    );
    figures.push(compare(
        "save (layout, atomic write, fsync)",
        save,
        serialise + fsync,
        1.5,
    ));

    // Diff and merge by identity of two versions made from this one, beside a plain
    // load of the three files they are read from.
    eprintln!("diff and merge …");
    let (ours, theirs) = two_versions(&dossier);
    let diff = median(3, || timed(|| merge::diff(&dossier, &ours)).0);
    let sides = merge::Sides {
        ours: "HEAD".into(),
        theirs: "feature".into(),
    };
    let (merge_time, merged) = timed(|| merge::merge(&dossier, &ours, &theirs, &sides).unwrap());
    let merge_time = merge_time.min(median(2, || {
        timed(|| merge::merge(&dossier, &ours, &theirs, &sides)).0
    }));
    assert_eq!(
        merged.conflicts, CONFLICTING_CELLS,
        "the merge finds the cells both changed"
    );
    for (what, measured) in [
        (
            format!(
                "diff of two versions ({} changes)",
                merge::diff(&dossier, &ours).len()
            ),
            diff,
        ),
        (
            format!("merge of three versions ({} conflicts)", merged.conflicts),
            merge_time,
        ),
    ] {
        figures.push(Figure {
            what,
            measured: ms(measured),
            floor: format!("load ×3: {}", ms(load * 3)),
            ratio: Some(measured.as_secs_f64() / (load * 3).as_secs_f64()),
            target: "≤ 2000 ms".into(),
            met: measured.as_secs_f64() <= 2.0,
        });
    }
    drop((ours, theirs, merged));

    // Frames: each tab still and scrolling, beside a bare table of the same shape.
    let shapes: [(Tab, &str, usize, usize, egui::Pos2); 4] = [
        (
            Tab::Timeline,
            "timeline",
            sizes.questions + sizes.questions / 4,
            2,
            egui::pos2(300.0, 800.0),
        ),
        (
            Tab::Budget,
            "budget",
            sizes.budget_rows,
            7,
            egui::pos2(900.0, 600.0),
        ),
        (Tab::Board, "board", sizes.members, 8, egui::pos2(700.0, 600.0)),
        (
            Tab::Indicators,
            "indicators",
            sizes.indicators,
            9,
            egui::pos2(700.0, 600.0),
        ),
    ];
    for (tab, name, rows, columns, at) in shapes {
        eprintln!("{name} frames …");
        let mut window = Window::new();
        let (mut workbench, open_frame, first_frame) = app(&mut window, &path, tab);
        // The frame that takes the opened dossier draws its tab; figures worked out off
        // the frame come in later frames.
        figures.push(absolute(
            &format!("{name}: first frame of the opened dossier"),
            first_frame,
            16.0,
        ));
        let (figures_frame, figures_time) = frames_until_worked_out(&mut window, &mut workbench);
        let mut worked_out = absolute(
            &format!("{name}: longest frame until its figures are worked out"),
            figures_frame,
            16.0,
        );
        worked_out.floor = format!("worked out in {}", ms(figures_time));
        figures.push(worked_out);
        if tab == Tab::Timeline {
            figures.push(absolute("longest frame while a load runs", open_frame, 16.0));
            let save_to = folder.path().join("frames.dossier.json");
            let ctx = window.ctx.clone();
            workbench.handle(
                &ctx,
                Command::SaveTo {
                    path: save_to,
                    then: None,
                },
            );
            let (save_frame, last) = frames_while_busy(&mut window, &mut workbench);
            figures.push(absolute(
                "longest frame while a save runs",
                save_frame.max(last),
                16.0,
            ));
        }
        let mut floor = bare_table(rows, columns);
        let mut bare = Window::new();
        let mut ours = |ui: &mut egui::Ui| workbench.draw(ui);
        let (still, floor_still) = still_in_turns((&mut window, &mut ours), (&mut bare, &mut floor));
        // Over the first column: the bare table is only as wide as its columns.
        let (scrolling, floor_scrolling) = scrolling_in_turns(
            name,
            ((&mut window, &mut ours), at),
            ((&mut bare, &mut floor), egui::pos2(40.0, 500.0)),
            40.0 * 26.0,
        );
        figures.push(compare(&format!("{name} frame, still"), still, floor_still, 1.5));
        figures.push(compare(
            &format!("{name} frame, scrolling 40 rows"),
            scrolling,
            floor_scrolling,
            1.5,
        ));
        if tab == Tab::Timeline {
            // Search: one keystroke more per frame, the list filtered and drawn.
            eprintln!("search …");
            let word = "ondersteuning";
            let mut worst = Duration::ZERO;
            let mut typed = Duration::ZERO;
            for round in 0..3 {
                workbench.timeline_filter_mut().text.clear();
                window.frame(Vec::new(), |ui| workbench.draw(ui));
                let mut times = Vec::new();
                for ch in word.chars() {
                    workbench.timeline_filter_mut().text.push(ch);
                    times.push(window.frame(Vec::new(), |ui| workbench.draw(ui)));
                }
                times.sort();
                if round == 2 {
                    typed = times[times.len() / 2];
                    worst = times[times.len() - 1];
                }
            }
            figures.push(absolute("search, per keystroke (median)", typed, 16.0));
            figures.push(absolute("search, per keystroke (slowest)", worst, 16.0));
            workbench.timeline_filter_mut().text.clear();
            // The figures beside the list: every questioner and minister, every thread.
            eprintln!("figures …");
            *workbench.timeline_selection_mut() = Some(Selection::Figures);
            let figures_still = window.still(|ui| workbench.draw(ui));
            figures.push(compare(
                "timeline figures frame, still",
                figures_still,
                still,
                1.5,
            ));
        }
        if tab == Tab::Budget {
            // Totals: one cell edited, the next frame recomputes what it shows.
            eprintln!("totals …");
            let times: Vec<Duration> = (0..9)
                .map(|round| {
                    let table = &workbench.document().dossier().budget_tables[0];
                    let (id, row, column) = (table.id, table.rows[round * 7].id, table.columns[2].id);
                    let cell = Cell::new(CellValue::Money(Money::from_euro(1000 + round as i64)));
                    let (edit_time, ()) = timed(|| {
                        workbench.apply(Edit::SetCell {
                            table: id,
                            row,
                            column,
                            cell,
                        });
                    });
                    edit_time + window.frame(Vec::new(), |ui| workbench.draw(ui))
                })
                .collect();
            let mut sorted = times.clone();
            sorted.sort();
            let frame_after = sorted[sorted.len() / 2];
            figures.push(Figure {
                what: "budget frame after one cell edit".into(),
                measured: ms(frame_after),
                floor: ms(still),
                ratio: Some(frame_after.as_secs_f64() / still.as_secs_f64()),
                target: "edit cost ≤ 5 ms".into(),
                met: frame_after.saturating_sub(still).as_secs_f64() * 1000.0 <= 5.0,
            });
        }
    }

    // Reading written questions: 10 MB of each shape that was once slow, against a plain
    // pass over the same lines and words; the peak memory against the text's size.
    let text_size = part(10_000_000);
    for (shape, text) in dossier_workbench::generate_texts::texts(text_size) {
        eprintln!("reading {shape} …");
        let read = median(3, || {
            timed(|| std::hint::black_box(dossier_workbench::import::written_question(&text))).0
        });
        let floor = median(3, || {
            timed(|| std::hint::black_box(text.lines().map(|l| l.split_whitespace().count()).sum::<usize>()))
                .0
        });
        let mut figure = compare(
            &format!("reading {:.0} MB: {shape}", text.len() as f64 / 1e6),
            read,
            floor,
            f64::INFINITY,
        );
        figure.target = "≤ 5 000 ms".into();
        figure.met = read.as_secs_f64() <= 5.0;
        figures.push(figure);
        let before = HELD.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        drop(std::hint::black_box(dossier_workbench::import::written_question(
            &text,
        )));
        let peak = PEAK.load(Ordering::Relaxed) - before;
        let ratio = peak as f64 / text.len() as f64;
        figures.push(Figure {
            what: format!("memory reading it: {shape}"),
            measured: format!("{:.0} MB", peak as f64 / 1e6),
            floor: format!("text {:.0} MB", text.len() as f64 / 1e6),
            ratio: Some(ratio),
            target: "≤ 10× text".into(),
            met: ratio <= 10.0,
        });
    }

    println!();
    println!(
        "Dossier: {} questions, {} budget rows, {} board members, {} indicators; file {:.0} MB.",
        sizes.questions,
        sizes.budget_rows,
        sizes.members,
        sizes.indicators,
        bytes.len() as f64 / 1e6
    );
    println!();
    println!("| what | measured | floor | ratio | target | met |");
    println!("|---|---:|---:|---:|---|---|");
    for figure in &figures {
        println!(
            "| {} | {} | {} | {} | {} | {} |",
            figure.what,
            figure.measured,
            figure.floor,
            figure.ratio.map_or("—".to_string(), |r| format!("{r:.2}×")),
            figure.target,
            if figure.met { "yes" } else { "**no**" }
        );
    }
}
