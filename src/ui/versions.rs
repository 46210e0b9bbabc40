//! Versions of a dossier side by side: the conflicts a merge left, to settle one by one;
//! the differences from another file or from a commit; and the file's history in git.

use egui::{RichText, Ui};
use serde_json::Value;

use super::{Command, Commands, ViewContext};
use crate::git::Revision;
use crate::i18n::{Language, Texts};
use crate::model::Dossier;
use crate::model::budget::{Cell, CellValue};
use crate::model::find::Found;
use crate::model::merge::{
    Change, Conflict, Side, Target, cell_column_kind, names_of, settle, shown_of, value_at,
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

/// Edit → Conflicts: each conflict with both sides, to pick one or type another.
#[derive(Debug, Default)]
pub struct ConflictsWindow {
    pub open: bool,
    /// What is typed for each conflict, by its position.
    typed: Vec<String>,
    /// Why the last choice could not be made.
    problem: Option<String>,
}

impl ConflictsWindow {
    pub fn ui(&mut self, ctx: &egui::Context, view: &ViewContext<'_>, commands: &mut Commands) {
        if !self.open || view.presenting {
            return;
        }
        let texts = view.texts;
        let title = format!(
            "{} ({})",
            texts.merge.conflicts_title,
            view.dossier.conflicts.len()
        );
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
        self.typed.resize(dossier.conflicts.len(), String::new());
        if dossier.conflicts.is_empty() {
            ui.label(texts.merge.no_conflicts);
            return;
        }
        ui.label(RichText::new(texts.merge.conflicts_intro).weak());
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().warn_fg_color, problem);
        }
        ui.separator();
        let mut chosen: Option<(usize, Option<Value>)> = None;
        egui::ScrollArea::vertical()
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for (index, conflict) in dossier.conflicts.iter().enumerate() {
                    ui.push_id(index, |ui| {
                        if let Some(choice) = self.conflict_ui(ui, view, index, conflict, commands) {
                            chosen = Some((index, choice));
                        }
                    });
                    ui.separator();
                }
            });
        if let Some((index, choice)) = chosen {
            match settle(dossier, index, choice) {
                Ok(edit) => {
                    self.problem = None;
                    self.typed.remove(index);
                    commands.push(edit);
                }
                Err(error) => self.problem = Some(texts.edit_error(&error)),
            }
        }
    }

    /// One conflict; the value chosen for it, if one was this frame (`Some(None)`: the
    /// part removed).
    fn conflict_ui(
        &mut self,
        ui: &mut Ui,
        view: &ViewContext<'_>,
        index: usize,
        conflict: &Conflict,
        commands: &mut Commands,
    ) -> Option<Option<Value>> {
        let texts = view.texts;
        let whole = conflict.field.is_empty();
        let text = |value: Option<&Value>| value_text(texts, &conflict.target, whole, value);
        let mut chosen = None;
        ui.horizontal(|ui| {
            ui.label(RichText::new(conflict_place(texts, view.dossier, conflict)).strong());
            if let Some(found) = found_of(&conflict.target)
                && ui.small_button(texts.merge.show_place).clicked()
            {
                commands.push(Command::Reveal(found));
            }
        });
        egui::Grid::new("sides")
            .num_columns(3)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                if let Some(base) = &conflict.base {
                    ui.label(RichText::new(texts.merge.conflict_base).weak());
                    ui.label(RichText::new(text(Some(base))).weak());
                    ui.end_row();
                }
                for side in [&conflict.ours, &conflict.theirs] {
                    if let Some(choice) = side_ui(ui, texts, side, &text(side.value.as_ref())) {
                        chosen = Some(choice);
                    }
                    ui.end_row();
                }
                ui.label(RichText::new(texts.merge.conflict_now).weak());
                ui.label(text(value_at(view.dossier, conflict).as_ref()));
                ui.end_row();
            });
        let typable = !whole || matches!(conflict.target, Target::Cell { .. });
        if typable && let Some(typed) = self.typed.get_mut(index) {
            ui.horizontal(|ui| {
                let label = ui.label(texts.merge.type_other);
                let field = ui
                    .add(egui::TextEdit::singleline(typed).desired_width(220.0))
                    .labelled_by(label.id);
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if (ui.button(texts.merge.use_typed).clicked() || entered) && !typed.trim().is_empty() {
                    match typed_value(view.dossier, conflict, typed.trim()) {
                        Ok(value) => chosen = Some(Some(value)),
                        Err(reason) => self.problem = Some(reason),
                    }
                }
            });
        }
        chosen
    }
}

/// One side's row: where it came from, its value, and the button that takes it.
fn side_ui(ui: &mut Ui, texts: &Texts, side: &Side, shown: &str) -> Option<Option<Value>> {
    ui.label(RichText::new(texts.merge.side_value(&side.from)).strong());
    ui.label(shown);
    let label = if side.value.is_some() {
        texts.merge.use_side
    } else {
        texts.merge.remove_part
    };
    ui.button(label).clicked().then(|| side.value.clone())
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
