//! Undo and redo: the steps made, each with its inverse, and a number for every state.

use super::{Edit, EditError};
use crate::model::budget::Cell;
use crate::model::dossier::{ColumnId, Dossier, RowId, TableId};

#[derive(Clone, Debug)]
struct Step {
    edit: Edit,
    inverse: Edit,
    before: u64,
    after: u64,
}

/// One cell changed in one step from state `from` to state `to`: what a view needs to
/// update its sums instead of adding up a whole table again.
#[derive(Clone, Debug, PartialEq)]
pub struct CellChange {
    pub from: u64,
    pub to: u64,
    pub table: TableId,
    pub row: RowId,
    pub column: ColumnId,
    pub before: Cell,
    pub after: Cell,
}

impl CellChange {
    fn of(from: u64, to: u64, applied: &Edit, reverted_by: &Edit) -> Option<CellChange> {
        match (applied, reverted_by) {
            (
                Edit::SetCell {
                    table,
                    row,
                    column,
                    cell: after,
                },
                Edit::SetCell { cell: before, .. },
            ) => Some(CellChange {
                from,
                to,
                table: *table,
                row: *row,
                column: *column,
                before: before.clone(),
                after: after.clone(),
            }),
            _ => None,
        }
    }
}

/// Undo and redo, and a number for every state the dossier has been in.
#[derive(Clone, Debug, Default)]
pub struct History {
    done: Vec<Step>,
    undone: Vec<Step>,
    revision: u64,
    last_issued: u64,
    /// The last step, if it changed one cell.
    last_cell_change: Option<CellChange>,
}

/// How many steps are kept for undo.
const UNDO_LIMIT: usize = 1000;

impl History {
    /// The number of the current state. Undoing back to a state gives its number back,
    /// so comparing with the number of the saved state tells whether there are changes.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    /// The last step taken (an edit, undo or redo), if it changed one cell.
    pub fn last_cell_change(&self) -> Option<&CellChange> {
        self.last_cell_change.as_ref()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// Applies an edit and records it. An edit that changes nothing is not recorded.
    pub fn apply(&mut self, dossier: &mut Dossier, edit: Edit) -> Result<(), EditError> {
        let inverse = edit.clone().apply(dossier)?;
        if inverse == edit {
            return Ok(());
        }
        self.last_issued += 1;
        self.last_cell_change = CellChange::of(self.revision, self.last_issued, &edit, &inverse);
        self.done.push(Step {
            edit,
            inverse,
            before: self.revision,
            after: self.last_issued,
        });
        self.revision = self.last_issued;
        self.undone.clear();
        if self.done.len() > UNDO_LIMIT {
            self.done.remove(0);
        }
        Ok(())
    }

    /// Undoes the last edit; `false` if there was none.
    pub fn undo(&mut self, dossier: &mut Dossier) -> Result<bool, EditError> {
        let Some(step) = self.done.pop() else {
            return Ok(false);
        };
        if let Err(error) = step.inverse.clone().apply(dossier) {
            self.done.push(step);
            return Err(error);
        }
        self.last_cell_change = CellChange::of(self.revision, step.before, &step.inverse, &step.edit);
        self.revision = step.before;
        self.undone.push(step);
        Ok(true)
    }

    /// Redoes the last undone edit; `false` if there was none.
    pub fn redo(&mut self, dossier: &mut Dossier) -> Result<bool, EditError> {
        let Some(step) = self.undone.pop() else {
            return Ok(false);
        };
        if let Err(error) = step.edit.clone().apply(dossier) {
            self.undone.push(step);
            return Err(error);
        }
        self.last_cell_change = CellChange::of(self.revision, step.after, &step.edit, &step.inverse);
        self.revision = step.after;
        self.done.push(step);
        Ok(true)
    }
}
