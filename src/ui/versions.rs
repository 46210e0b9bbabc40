//! Versions of a dossier side by side: the conflicts a merge left, to settle one by one;
//! the differences from another file or from a commit; and the file's history in git.

use egui::{RichText, Ui};
use serde_json::Value;

use super::memo::Memo;
use super::{Command, Commands, ViewContext};
use crate::git::Revision;
use crate::i18n::{Language, Texts};
use crate::model::Dossier;
use crate::model::budget::{Cell, CellValue};
use crate::model::edit::Edit;
use crate::model::find::Found;
use crate::model::merge::{
    Change, Conflict, Side, Target, cell_column_kind, holds, names_of, settle, shown_of, value_at,
};

/// Where a conflict's part is shown, if on a tab.
fn found_of(target: &Target) -> Option<Found> {
    Some(match target {
        Target::Dossier | Target::Settings | Target::Slide(_) | Target::Source(_) => return None,
        Target::Question(id) => Found::Question(*id),
        Target::Event(id) => Found::Event(*id),
        Target::Table(table) | Target::Column { table, .. } => Found::Table(*table),
        Target::Row { table, row } => Found::Row {
            table: *table,
            row: *row,
        },
        Target::Cell { table, row, column } => Found::Cell {
            table: *table,
            row: *row,
            column: *column,
        },
        Target::Organisation(id) => Found::Organisation(*id),
        Target::Member { organisation, member } => Found::Member {
            organisation: *organisation,
            member: *member,
        },
        Target::Partner {
            organisation,
            partner,
        } => Found::Partner {
            organisation: *organisation,
            partner: *partner,
        },
        Target::Indicator(id) | Target::Measurement { indicator: id, .. } => Found::Indicator(*id),
    })
}

/// A conflict's value as the window shows it: a cell as the grid does, a row as its
/// cells, anything else as a diff does; a removed part as removed.
pub fn value_text(texts: &Texts, target: &Target, field_is_whole: bool, value: Option<&Value>) -> String {
    let Some(value) = value else {
        return format!("({})", texts.merge.removed);
    };
    let shown = |text: String| {
        if text.is_empty() {
            texts.merge.empty.to_string()
        } else {
            text
        }
    };
    match target {
        Target::Cell { .. } => shown(
            serde_json::from_value::<Cell>(value.clone())
                .map(|cell| cell.shown_text())
                .unwrap_or_default(),
        ),
        Target::Row { .. } if field_is_whole => {
            let cells = value
                .get("cells")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            let texts_of: Vec<String> = cells
                .into_iter()
                .filter_map(|cell| serde_json::from_value::<Cell>(cell).ok())
                .map(|cell| cell.shown_text())
                .filter(|text| !text.is_empty())
                .collect();
            shown(texts_of.join(" · "))
        }
        _ => texts.shown(&shown_of(value)),
    }
}

/// What a conflict is about, in words: the place and the field.
pub fn conflict_place(texts: &Texts, dossier: &Dossier, conflict: &Conflict) -> String {
    let place = texts.change_place(&conflict.target, &names_of(dossier, &conflict.target));
    if conflict.field.is_empty() {
        place
    } else {
        format!("{place} › {}", texts.field_path(&conflict.field))
    }
}

/// The value a user typed for a conflict, as the dossier holds such a value: a cell's in
/// its column's kind, a text as text, anything else as JSON if it reads as JSON.
fn typed_value(dossier: &Dossier, conflict: &Conflict, typed: &str) -> Result<Value, String> {
    if let Some(kind) = cell_column_kind(dossier, &conflict.target) {
        let value = CellValue::parse(typed, kind)?;
        let current = value_at(dossier, conflict)
            .and_then(|v| serde_json::from_value::<Cell>(v).ok())
            .unwrap_or_default();
        return serde_json::to_value(current.with_value(value)).map_err(|e| e.to_string());
    }
    Ok(match value_at(dossier, conflict) {
        Some(Value::String(_) | Value::Null) | None => Value::String(typed.to_string()),
        Some(_) => serde_json::from_str(typed).unwrap_or_else(|_| Value::String(typed.to_string())),
    })
}

/// A conflict as the window shows it, worked out once for each state of the dossier
/// (naming a row looks through its table, and what the dossier holds now is read from
/// the part as a file writes it).
#[derive(Debug)]
struct Listed {
    place: String,
    found: Option<Found>,
    base: Option<String>,
    /// Each side: where it came from, its value, and whether it removed the part.
    sides: [(String, String, bool); 2],
    /// What the dossier holds there now; `None` when the part is no longer in it.
    now: Option<String>,
    typable: bool,
}

impl Listed {
    fn of(texts: &Texts, dossier: &Dossier, conflict: &Conflict) -> Listed {
        let whole = conflict.field.is_empty();
        let text = |value: Option<&Value>| value_text(texts, &conflict.target, whole, value);
        let side = |side: &Side| (side.from.clone(), text(side.value.as_ref()), side.value.is_none());
        Listed {
            place: conflict_place(texts, dossier, conflict),
            found: found_of(&conflict.target),
            base: conflict.base.as_ref().map(|base| text(Some(base))),
            sides: [side(&conflict.ours), side(&conflict.theirs)],
            now: holds(dossier, &conflict.target).then(|| text(value_at(dossier, conflict).as_ref())),
            typable: !whole || matches!(conflict.target, Target::Cell { .. }),
        }
    }
}

/// What the user chose for a conflict.
enum Choice {
    /// Ours (0) or theirs (1).
    Side(usize),
    /// Typed, as typed.
    Typed(String),
    /// The part is gone: the conflict is dropped.
    Dismiss,
}

/// Edit → Conflicts: each conflict with both sides, to pick one or type another.
#[derive(Debug, Default)]
pub struct ConflictsWindow {
    pub open: bool,
    /// What is typed for each conflict, by its position.
    typed: Vec<String>,
    /// Why the last choice could not be made.
    problem: Option<String>,
    listed: Vec<Listed>,
    made_for: Memo<()>,
}

impl ConflictsWindow {
    pub fn ui(&mut self, ctx: &egui::Context, view: &ViewContext<'_>, commands: &mut Commands) {
        if !self.open || view.presenting {
            return;
        }
        if !self.made_for.is_fresh(view, &()) {
            let dossier = view.dossier;
            self.listed = dossier
                .conflicts
                .iter()
                .map(|conflict| Listed::of(view.texts, dossier, conflict))
                .collect();
            self.typed.resize(self.listed.len(), String::new());
            self.made_for.remember(view, ());
        }
        let texts = view.texts;
        let title = format!("{} ({})", texts.merge.conflicts_title, self.listed.len());
        let mut open = self.open;
        egui::Window::new(title)
            .id(egui::Id::unique("conflicts"))
            .open(&mut open)
            .collapsible(false)
            .default_width(620.0)
            .default_height(520.0)
            .default_pos(ctx.content_rect().right_top() + egui::vec2(-660.0, 90.0))
            .show(ctx, |ui| self.contents_ui(ui, view, commands));
        self.open = open;
    }

    fn contents_ui(&mut self, ui: &mut Ui, view: &ViewContext<'_>, commands: &mut Commands) {
        let texts = view.texts;
        let dossier = view.dossier;
        if self.listed.is_empty() {
            ui.label(texts.merge.no_conflicts);
            return;
        }
        ui.label(RichText::new(texts.merge.conflicts_intro).weak());
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().warn_fg_color, problem);
        }
        ui.separator();
        let mut chosen: Option<(usize, Choice)> = None;
        egui::ScrollArea::vertical()
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for (index, (listed, typed)) in self.listed.iter().zip(&mut self.typed).enumerate() {
                    ui.push_id(index, |ui| {
                        if let Some(choice) = conflict_ui(ui, texts, listed, typed, commands) {
                            chosen = Some((index, choice));
                        }
                    });
                    ui.separator();
                }
            });
        let Some((index, choice)) = chosen else {
            return;
        };
        let Some(conflict) = dossier.conflicts.get(index) else {
            return;
        };
        let value = match choice {
            Choice::Dismiss => {
                self.problem = None;
                commands.push(Edit::RemoveConflict(index));
                return;
            }
            Choice::Side(0) => Ok(conflict.ours.value.clone()),
            Choice::Side(_) => Ok(conflict.theirs.value.clone()),
            Choice::Typed(text) => typed_value(dossier, conflict, &text).map(Some),
        }
        .and_then(|value| settle(dossier, index, value).map_err(|error| texts.edit_error(&error)));
        match value {
            Ok(edit) => {
                self.problem = None;
                self.typed.remove(index);
                commands.push(edit);
            }
            Err(problem) => self.problem = Some(problem),
        }
    }
}

/// One conflict; what was chosen for it, if anything was this frame.
fn conflict_ui(
    ui: &mut Ui,
    texts: &Texts,
    listed: &Listed,
    typed: &mut String,
    commands: &mut Commands,
) -> Option<Choice> {
    let mut chosen = None;
    ui.horizontal(|ui| {
        ui.label(RichText::new(&listed.place).strong());
        if let Some(found) = &listed.found
            && listed.now.is_some()
            && ui.small_button(texts.merge.show_place).clicked()
        {
            commands.push(Command::Reveal(found.clone()));
        }
    });
    let Some(now) = &listed.now else {
        ui.horizontal(|ui| {
            ui.label(RichText::new(texts.merge.conflict_gone).weak());
            if ui.button(texts.merge.dismiss).clicked() {
                chosen = Some(Choice::Dismiss);
            }
        });
        return chosen;
    };
    egui::Grid::new("sides")
        .num_columns(3)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            if let Some(base) = &listed.base {
                ui.label(RichText::new(texts.merge.conflict_base).weak());
                ui.label(RichText::new(base).weak());
                ui.end_row();
            }
            for (side, (from, value, removed)) in listed.sides.iter().enumerate() {
                ui.label(RichText::new(from).strong());
                ui.label(value);
                let label = if *removed {
                    texts.merge.remove_part
                } else {
                    texts.merge.use_side
                };
                if ui.button(label).clicked() {
                    chosen = Some(Choice::Side(side));
                }
                ui.end_row();
            }
            ui.label(RichText::new(texts.merge.conflict_now).weak());
            ui.label(now);
            ui.end_row();
        });
    if listed.typable {
        ui.horizontal(|ui| {
            let label = ui.label(texts.merge.type_other);
            let field = ui
                .add(egui::TextEdit::singleline(typed).desired_width(220.0))
                .labelled_by(label.id);
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button(texts.merge.use_typed).clicked() || entered) && !typed.trim().is_empty() {
                chosen = Some(Choice::Typed(typed.trim().to_string()));
            }
        });
    }
    chosen
}

/// One line of a comparison: a heading, or a change under it.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Line {
    Heading(&'static str),
    Change(String),
}

/// File → Compare with…: what changed from another version to the open dossier.
#[derive(Debug, Default)]
pub struct CompareWindow {
    pub open: bool,
    /// From which version to which, as names.
    names: (String, String),
    changes: Vec<Change>,
    lines: Option<(Language, Vec<Line>)>,
}

impl CompareWindow {
    pub fn show(&mut self, old: String, new: String, changes: Vec<Change>) {
        self.open = true;
        self.names = (old, new);
        self.changes = changes;
        self.lines = None;
    }

    pub fn ui(&mut self, ctx: &egui::Context, view: &ViewContext<'_>) {
        if !self.open || view.presenting {
            return;
        }
        let texts = view.texts;
        if self
            .lines
            .as_ref()
            .is_none_or(|(language, _)| *language != view.language)
        {
            let mut lines = Vec::new();
            for (heading, changes) in texts.changes_by_section(&self.changes) {
                lines.push(Line::Heading(heading));
                lines.extend(changes.into_iter().map(Line::Change));
            }
            self.lines = Some((view.language, lines));
        }
        let mut open = self.open;
        egui::Window::new(texts.merge.compare_title)
            .id(egui::Id::unique("compare"))
            // At the right, beside the history it may come from, clear of the menu bar.
            .pivot(egui::Align2::RIGHT_TOP)
            .default_pos(ctx.content_rect().right_top() + egui::vec2(-40.0, 90.0))
            .open(&mut open)
            .collapsible(false)
            .default_width(760.0)
            .default_height(560.0)
            .show(ctx, |ui| {
                ui.label(RichText::new(texts.merge.compared(&self.names.0, &self.names.1)).strong());
                if self.changes.is_empty() {
                    ui.label(texts.merge.no_differences);
                    return;
                }
                ui.label(RichText::new(texts.merge.differences(self.changes.len())).weak());
                ui.separator();
                let lines = self.lines.as_ref().map_or(&[][..], |(_, lines)| lines.as_slice());
                let height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
                egui::ScrollArea::both().auto_shrink([false, false]).show_rows(
                    ui,
                    height,
                    lines.len(),
                    |ui, rows| {
                        for line in &lines[rows] {
                            // One line each, however long, so that every row has the
                            // height the scroll area counts on; the area scrolls sideways.
                            let text = match line {
                                Line::Heading(heading) => RichText::new(*heading).strong(),
                                Line::Change(text) => RichText::new(format!("   {text}")),
                            };
                            ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend));
                        }
                    },
                );
            });
        self.open = open;
    }
}

/// File → History: the commits that changed a file.
#[derive(Debug)]
pub struct HistoryWindow {
    pub open: bool,
    /// The file, which stays the history's when a version of it is opened.
    pub file: std::path::PathBuf,
    pub revisions: Result<Vec<Revision>, String>,
}

impl Default for HistoryWindow {
    fn default() -> HistoryWindow {
        HistoryWindow {
            open: false,
            file: std::path::PathBuf::new(),
            revisions: Ok(Vec::new()),
        }
    }
}

impl HistoryWindow {
    pub fn ui(&mut self, ctx: &egui::Context, view: &ViewContext<'_>, commands: &mut Commands) {
        if !self.open || view.presenting {
            return;
        }
        let texts = view.texts;
        let mut open = self.open;
        egui::Window::new(texts.merge.history_title)
            .id(egui::Id::unique("history"))
            // At the left, clear of the menu bar, leaving the right to a comparison.
            .pivot(egui::Align2::LEFT_TOP)
            .default_pos(ctx.content_rect().left_top() + egui::vec2(40.0, 90.0))
            .open(&mut open)
            .collapsible(false)
            .default_width(720.0)
            .default_height(440.0)
            .show(ctx, |ui| {
                ui.label(RichText::new(texts.merge.history_of(self.file.display())).strong());
                ui.separator();
                match &self.revisions {
                    Err(reason) => {
                        ui.label(texts.merge.history_failed(reason));
                    }
                    Ok(revisions) if revisions.is_empty() => {
                        ui.label(texts.merge.history_none);
                    }
                    Ok(revisions) => {
                        egui::ScrollArea::vertical()
                            .auto_shrink([false, true])
                            .show(ui, |ui| {
                                egui::Grid::new("revisions")
                                    .num_columns(5)
                                    .striped(true)
                                    .show(ui, |ui| {
                                        for (index, revision) in revisions.iter().enumerate() {
                                            ui.label(RichText::new(&revision.short).monospace());
                                            ui.label(&revision.date);
                                            ui.label(&revision.author);
                                            ui.label(&revision.subject);
                                            ui.horizontal(|ui| {
                                                if ui.button(texts.merge.history_open).clicked() {
                                                    commands.push(Command::OpenRevision(index));
                                                }
                                                if ui.button(texts.merge.history_compare).clicked() {
                                                    commands.push(Command::CompareRevision(index));
                                                }
                                            });
                                            ui.end_row();
                                        }
                                    });
                            });
                    }
                }
            });
        self.open = open;
    }
}
