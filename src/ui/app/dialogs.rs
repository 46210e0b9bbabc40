//! The questions the window asks (unsaved changes, a typed path, a recovery copy, an
//! error) and the dossier details window. Each answer becomes a [`Command`].

use std::path::PathBuf;

use egui::{Key, RichText, Ui};

use crate::i18n::Texts;
use crate::model::Dossier;
use crate::model::edit::Edit;
use crate::store::lock::LockOwner;
use crate::store::recovery::Recovery;
use crate::ui::command::Export;
use crate::ui::{Command, Commands, ViewContext, widgets};

/// What a typed path is for.
#[derive(Clone, Debug)]
pub(super) enum PathPurpose {
    Open,
    SaveAs {
        then: Option<Box<Command>>,
    },
    Export(Export),
    /// A PDF or text file to import.
    ImportText,
    /// A dossier to compare the open one with.
    Compare,
}

#[derive(Clone, Debug)]
pub(super) enum Modal {
    /// Unsaved changes would be lost by `then`.
    Unsaved {
        then: Command,
    },
    Error {
        title: &'static str,
        message: String,
    },
    TypePath {
        purpose: PathPurpose,
        text: String,
        problem: Option<String>,
    },
    /// Unsaved work a crashed window left behind.
    Recover(Recovery),
    /// The file to open is open elsewhere: by whom, since when.
    Locked {
        path: PathBuf,
        owner: LockOwner,
    },
    /// Someone else changed the open file on disk; `then` waits for a save.
    ChangedOnDisk {
        dirty: bool,
        then: Option<Box<Command>>,
    },
    /// A save refused because the file is read-only.
    ReadOnlyFile {
        message: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Answer {
    Restore,
    Save,
    Discard,
    Cancel,
    Path(PathBuf),
    ReadOnly,
    Copy,
    Anyway,
    Reload,
    KeepTheirs,
    KeepMine,
    SaveAs,
}

/// The edit buffers of the dossier details window, committed on Enter or focus loss.
#[derive(Debug, Default)]
pub(super) struct DetailsBuffers {
    pub(super) open: bool,
    title: String,
    description: String,
}

#[derive(Debug, Default)]
pub(super) struct Dialogs {
    pub(super) modal: Option<Modal>,
    pub(super) details: DetailsBuffers,
}

impl Dialogs {
    /// Starts the details window's fields from a newly opened dossier.
    pub(super) fn follow(&mut self, dossier: &Dossier) {
        self.details.title = dossier.title.clone();
        self.details.description = dossier.description.clone();
    }

    /// The modal question, if one is asked; the command its answer gives.
    pub(super) fn modal_ui(
        &mut self,
        ctx: &egui::Context,
        texts: &'static Texts,
        title: &str,
    ) -> Option<Command> {
        let modal = self.modal.clone()?;
        let mut answer = None;
        let response = widgets::dialog("workbench_modal", ctx).show(ctx, |ui| {
            ui.set_max_width(560.0);
            answer = match &modal {
                Modal::Unsaved { .. } => unsaved_ui(ui, texts, title),
                Modal::Recover(recovery) => recover_ui(ui, texts, recovery),
                Modal::Locked { path, owner } => locked_ui(ui, texts, path, owner),
                Modal::ChangedOnDisk { dirty, .. } => changed_ui(ui, texts, title, *dirty),
                Modal::ReadOnlyFile { message } => {
                    ui.heading(texts.read_only_title);
                    ui.add_space(6.0);
                    ui.add(egui::Label::new(message.as_str()).selectable(true));
                    ui.add_space(10.0);
                    answer_buttons_ui(
                        ui,
                        &[(texts.save_as, Answer::SaveAs), (texts.close, Answer::Cancel)],
                    )
                }
                Modal::Error { title, message } => {
                    ui.heading(*title);
                    ui.add_space(6.0);
                    ui.add(egui::Label::new(message.as_str()).selectable(true));
                    ui.add_space(10.0);
                    ui.button(texts.close).clicked().then_some(Answer::Cancel)
                }
                Modal::TypePath {
                    purpose,
                    text,
                    problem,
                } => {
                    let mut text = text.clone();
                    let answer = type_path_ui(ui, texts, purpose, &mut text, problem.as_deref());
                    if let Some(Modal::TypePath { text: stored, .. }) = &mut self.modal {
                        *stored = text;
                    }
                    answer
                }
            };
        });
        if answer.is_none() && response.should_close() {
            answer = Some(Answer::Cancel);
        }
        // Enter answers with the first button, as a desktop dialog does (the typed path
        // has its own field for it).
        if answer.is_none() && ctx.input(|i| i.key_pressed(Key::Enter)) {
            answer = match &modal {
                Modal::Unsaved { .. } => Some(Answer::Save),
                Modal::Recover(_) => Some(Answer::Restore),
                Modal::Error { .. } => Some(Answer::Cancel),
                Modal::Locked { .. } => Some(Answer::ReadOnly),
                Modal::ChangedOnDisk { dirty: false, .. } => Some(Answer::Reload),
                Modal::ReadOnlyFile { .. } => Some(Answer::SaveAs),
                Modal::TypePath { .. } | Modal::ChangedOnDisk { dirty: true, .. } => None,
            };
        }
        let answer = answer?;
        self.modal = None;
        command_of(modal, answer)
    }

    pub(super) fn details_ui(
        &mut self,
        ctx: &egui::Context,
        view: &ViewContext<'_>,
        commands: &mut Commands,
    ) {
        if !self.details.open || view.presenting {
            return;
        }
        let texts = view.texts;
        let dossier = view.dossier;
        let details = &mut self.details;
        let mut open = details.open;
        egui::Window::new(texts.details_title)
            .open(&mut open)
            .collapsible(false)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .default_width(520.0)
            .show(ctx, |ui| {
                let label = ui.label(texts.field_title);
                let title = ui.add(
                    egui::TextEdit::singleline(&mut details.title)
                        .desired_width(f32::INFINITY)
                        .id_salt("details_title"),
                );
                let title = title.labelled_by(label.id);
                commit_text(
                    &title,
                    &mut details.title,
                    &dossier.title,
                    commands,
                    Edit::SetTitle,
                );
                ui.add_space(6.0);
                let label = ui.label(texts.field_description);
                let description = ui.add(
                    egui::TextEdit::multiline(&mut details.description)
                        .desired_width(f32::INFINITY)
                        .desired_rows(5)
                        .id_salt("details_description"),
                );
                let description = description.labelled_by(label.id);
                commit_text(
                    &description,
                    &mut details.description,
                    &dossier.description,
                    commands,
                    Edit::SetDescription,
                );
                ui.add_space(4.0);
                ui.label(RichText::new(texts.commit_hint).small().weak());
            });
        details.open = open;
    }
}

/// What an answer to a question asks to be done.
fn command_of(modal: Modal, answer: Answer) -> Option<Command> {
    match (modal, answer) {
        (Modal::Recover(recovery), Answer::Restore) => Some(Command::RestoreRecovery(recovery)),
        (Modal::Recover(recovery), Answer::Discard) => Some(Command::DeleteRecovery(recovery)),
        (Modal::Unsaved { then }, Answer::Save) => Some(Command::SaveThen(Box::new(then))),
        (Modal::Unsaved { then }, Answer::Discard) => Some(Command::Discard(Box::new(then))),
        (Modal::Locked { path, .. }, Answer::ReadOnly) => Some(Command::OpenReadOnly(path)),
        (Modal::Locked { path, .. }, Answer::Copy) => Some(Command::OpenCopy(path)),
        (Modal::Locked { path, .. }, Answer::Anyway) => Some(Command::OpenAnyway(path)),
        (Modal::ChangedOnDisk { .. }, Answer::Reload) => Some(Command::Reload),
        (Modal::ChangedOnDisk { .. }, Answer::KeepTheirs) => Some(Command::KeepTheirs),
        (Modal::ChangedOnDisk { then, .. }, Answer::KeepMine) => Some(Command::SaveOverTheirs { then }),
        (Modal::ChangedOnDisk { .. } | Modal::ReadOnlyFile { .. }, Answer::SaveAs) => Some(Command::SaveAs),
        (Modal::TypePath { purpose, .. }, Answer::Path(path)) => Some(match purpose {
            PathPurpose::Open => Command::OpenTyped(path),
            PathPurpose::Export(what) => Command::ExportTo { what, path },
            PathPurpose::ImportText => Command::ImportFile(path),
            PathPurpose::Compare => Command::CompareWith(path),
            PathPurpose::SaveAs { then } => Command::SaveTo {
                path: crate::ui::files::with_dossier_extension(path),
                then,
            },
        }),
        _ => None,
    }
}

fn unsaved_ui(ui: &mut Ui, texts: &Texts, title: &str) -> Option<Answer> {
    ui.heading(texts.unsaved_title);
    ui.add_space(6.0);
    ui.label(texts.unsaved_message(title));
    ui.add_space(10.0);
    answer_buttons_ui(
        ui,
        &[
            (texts.save, Answer::Save),
            (texts.discard, Answer::Discard),
            (texts.cancel, Answer::Cancel),
        ],
    )
}

fn recover_ui(ui: &mut Ui, texts: &Texts, recovery: &Recovery) -> Option<Answer> {
    ui.heading(texts.recover_title);
    ui.add_space(6.0);
    let written = recovery
        .written
        .to_zoned(jiff::tz::TimeZone::system())
        .strftime("%d/%m/%Y %H:%M:%S")
        .to_string();
    ui.label(texts.recover_message(&recovery.title, written));
    ui.label(match &recovery.file {
        Some(file) => texts.recover_file(file.display()),
        None => texts.recover_no_file.to_string(),
    });
    ui.add_space(10.0);
    answer_buttons_ui(
        ui,
        &[
            (texts.restore, Answer::Restore),
            (texts.delete_copy, Answer::Discard),
            (texts.not_now, Answer::Cancel),
        ],
    )
}

fn locked_ui(
    ui: &mut Ui,
    texts: &'static Texts,
    path: &std::path::Path,
    owner: &LockOwner,
) -> Option<Answer> {
    ui.heading(texts.locked_title);
    ui.add_space(6.0);
    ui.label(super::sharing::owner_in_words(texts, path, owner));
    ui.label(texts.locked_hint);
    ui.add_space(10.0);
    answer_buttons_ui(
        ui,
        &[
            (texts.open_read_only, Answer::ReadOnly),
            (texts.open_copy, Answer::Copy),
            (texts.open_anyway, Answer::Anyway),
            (texts.cancel, Answer::Cancel),
        ],
    )
}

fn changed_ui(ui: &mut Ui, texts: &Texts, title: &str, dirty: bool) -> Option<Answer> {
    ui.heading(texts.changed_title);
    ui.add_space(6.0);
    ui.label(texts.changed_message(title));
    ui.add_space(10.0);
    if dirty {
        ui.label(texts.changed_dirty);
        ui.add_space(10.0);
        answer_buttons_ui(
            ui,
            &[
                (texts.keep_theirs, Answer::KeepTheirs),
                (texts.keep_mine, Answer::KeepMine),
                (texts.save_mine_as, Answer::SaveAs),
                (texts.decide_later, Answer::Cancel),
            ],
        )
    } else {
        ui.label(texts.changed_clean);
        ui.add_space(10.0);
        answer_buttons_ui(
            ui,
            &[(texts.reload, Answer::Reload), (texts.keep_open, Answer::Cancel)],
        )
    }
}

fn type_path_ui(
    ui: &mut Ui,
    texts: &Texts,
    purpose: &PathPurpose,
    text: &mut String,
    problem: Option<&str>,
) -> Option<Answer> {
    let (heading, hint, confirm) = match purpose {
        PathPurpose::Open => (texts.type_path_open, texts.type_path_hint, texts.open),
        PathPurpose::Compare => (texts.merge.compare_menu, texts.type_path_hint, texts.open),
        PathPurpose::SaveAs { .. } => (texts.type_path_save, texts.type_path_hint, texts.save),
        PathPurpose::Export(_) => (
            texts.type_path_export,
            texts.type_path_hint_export,
            texts.export_button,
        ),
        PathPurpose::ImportText => (texts.type_path_import, texts.type_path_hint_text, texts.open),
    };
    ui.heading(heading);
    if let Some(problem) = problem {
        ui.label(RichText::new(problem).italics());
    }
    ui.label(hint);
    let label = ui.label(texts.path_label);
    let field = ui
        .add(egui::TextEdit::singleline(text).desired_width(520.0))
        .labelled_by(label.id);
    // Ready to type as soon as the dialog shows.
    if ui.memory(|memory| memory.focused().is_none()) {
        field.request_focus();
    }
    let entered = widgets::enter_in(ui, &field);
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(confirm.trim_end_matches('…')).clicked() || entered {
            Some(Answer::Path(PathBuf::from(text.trim())))
        } else if ui.button(texts.cancel).clicked() {
            Some(Answer::Cancel)
        } else {
            None
        }
    })
    .inner
}

/// A row of buttons, one per answer, going on to a second row where they do not fit
/// (four long answers in Dutch, at a projector's size); the one clicked, if any.
fn answer_buttons_ui(ui: &mut Ui, choices: &[(&str, Answer)]) -> Option<Answer> {
    ui.horizontal_wrapped(|ui| {
        let mut chosen = None;
        for (label, answer) in choices {
            if ui.button(*label).clicked() {
                chosen = Some(answer.clone());
            }
        }
        chosen
    })
    .inner
}

/// Commits a text field's buffer as one edit when the field loses focus (Enter does
/// that too), and follows the dossier while the field is not being edited.
fn commit_text(
    response: &egui::Response,
    buffer: &mut String,
    current: &str,
    commands: &mut Commands,
    make: impl FnOnce(String) -> Edit,
) {
    if response.lost_focus() {
        if buffer != current {
            commands.push(make(buffer.clone()));
        }
    } else if !response.has_focus() && buffer != current {
        *buffer = current.to_string();
    }
}
