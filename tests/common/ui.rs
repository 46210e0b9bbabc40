//! Starting the app headless for egui_kittest, with scripted file dialogs.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use dossier_workbench::ui::app::{Startup, WorkbenchApp};
use dossier_workbench::ui::files::FileKind;
use dossier_workbench::ui::files::{FilePicker, Picked};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// A file dialog that answers from a script.
#[derive(Debug, Default)]
pub(crate) struct ScriptedPicker {
    answers: VecDeque<Picked>,
}

impl FilePicker for ScriptedPicker {
    fn pick_open(&mut self, _kind: FileKind, _folder: Option<&Path>) -> Picked {
        self.answers.pop_front().unwrap_or(Picked::Cancelled)
    }

    fn pick_save(&mut self, _kind: FileKind, _folder: Option<&Path>, _name: &str) -> Picked {
        self.answers.pop_front().unwrap_or(Picked::Cancelled)
    }
}

/// How the tests start the app: no preferences unless a storage is given.
pub(crate) fn startup(file: Option<PathBuf>, answers: Vec<Picked>, locale: &str, remember: bool) -> Startup {
    Startup {
        file,
        tab: None,
        present: false,
        remember,
        screenshot: None,
        picker: Box::new(ScriptedPicker {
            answers: answers.into(),
        }),
        locale: Some(locale.into()),
        today: Some(jiff::civil::date(2026, 11, 22)),
        autosave: None,
    }
}

/// Frames `run` steps before it gives up: each waits up to 4 ms for work off the frame,
/// so this is minutes.
const MAX_STEPS: u64 = 50_000;

pub(crate) fn launch(startup: Startup, storage: Option<MemoryStorage>) -> Harness<'static, WorkbenchApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        // Opening, saving and exporting run off the frame: while they do, the window
        // asks for frames, and `run` keeps stepping (each frame waits a little for the
        // work) until it is done. The limit only ends a hung test.
        .with_max_steps(MAX_STEPS)
        .build_eframe(move |cc| {
            let storage = storage.as_ref().map(|s| s as &dyn eframe::Storage);
            WorkbenchApp::new(&cc.egui_ctx, storage, startup)
        });
    harness.run();
    harness
}

pub(crate) fn harness_with(file: Option<PathBuf>, answers: Vec<Picked>) -> Harness<'static, WorkbenchApp> {
    launch(startup(file, answers, "en-GB", false), None)
}

/// A copy of the bundled dossier under another title, saved in `folder`.
pub(crate) fn dossier_file(folder: &Path, name: &str, title: &str) -> PathBuf {
    let path = folder.join(name);
    let mut dossier = dossier_workbench::store::bundled().unwrap();
    dossier.title = title.into();
    dossier_workbench::store::save(&path, &dossier).unwrap();
    path
}

pub(crate) fn harness() -> Harness<'static, WorkbenchApp> {
    harness_with(None, Vec::new())
}

/// Asserts that each text stands in the window, as an accessible label.
pub(crate) fn assert_shows(harness: &Harness<'static, WorkbenchApp>, texts: &[&str], place: &str) {
    for text in texts {
        assert!(
            harness.query_all_by_label(text).next().is_some(),
            "{place} shows {text}"
        );
    }
}

pub(crate) fn press(harness: &mut Harness<'static, WorkbenchApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

#[derive(Default)]
pub(crate) struct MemoryStorage(pub std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

/// The text field with this label.
pub(crate) fn field<'h>(
    harness: &'h Harness<'static, WorkbenchApp>,
    label: &'h str,
) -> egui_kittest::Node<'h> {
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, label)
}

/// Brings the field with this label into view, replaces its text and presses Enter.
pub(crate) fn type_into(harness: &mut Harness<'static, WorkbenchApp>, label: &str, text: &str) {
    field(harness, label).scroll_to_me();
    harness.run();
    field(harness, label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    field(harness, label).type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

/// Renames the dossier through Edit → Dossier details.
pub(crate) fn rename(harness: &mut Harness<'static, WorkbenchApp>, title: &str) {
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Dossier details…").click();
    harness.run();
    let field = harness.get_by_label("Title");
    field.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Title").type_text(title);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

/// Opens the cell editor on a cell by clicking it and pressing Enter, types over what
/// is there, and presses Enter.
pub(crate) fn type_into_cell(harness: &mut Harness<'static, WorkbenchApp>, cell: &str, text: &str) {
    use egui_kittest::kittest::NodeT as _;
    harness.get_by_label(cell).click();
    harness.run();
    press(harness, Modifiers::NONE, Key::Enter);
    let editor = harness.get_by_label("Cell");
    assert_eq!(
        editor.accesskit_node().role(),
        egui::accesskit::Role::TextInput,
        "Enter opens the cell's editor"
    );
    assert_eq!(
        editor.accesskit_node().value().as_deref(),
        Some(cell),
        "with the cell's value in it"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Cell").type_text(text);
    harness.run();
    press(harness, Modifiers::NONE, Key::Enter);
}
