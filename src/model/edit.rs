//! Every change to a dossier is an [`Edit`], applied in one place; [`History`] keeps
//! them for undo and redo and numbers the states, so that "unsaved" can be measured
//! against the state that was saved.

use super::budget::Cell;
use super::dossier::{ColumnId, Dossier, RowId, TableId};

/// One change to a dossier. Applying it returns its inverse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    SetTitle(String),
    SetDescription(String),
    SetCell {
        table: TableId,
        row: RowId,
        column: ColumnId,
        cell: Cell,
    },
}

/// Why an edit does not fit the dossier (it names something that is not there).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("the budget table with id {0} is not in the dossier")]
    NoTable(TableId),
    #[error("the row with id {0} is not in the table")]
    NoRow(RowId),
    #[error("the column with id {0} is not in the table")]
    NoColumn(ColumnId),
    #[error("a {found} value does not fit the {expected} column")]
    WrongKind {
        found: &'static str,
        expected: &'static str,
    },
}

impl Edit {
    /// Applies the edit and returns the edit that undoes it. On error the dossier is
    /// unchanged.
    pub fn apply(self, dossier: &mut Dossier) -> Result<Edit, EditError> {
        match self {
            Edit::SetTitle(title) => Ok(Edit::SetTitle(std::mem::replace(&mut dossier.title, title))),
            Edit::SetDescription(text) => Ok(Edit::SetDescription(std::mem::replace(
                &mut dossier.description,
                text,
            ))),
            Edit::SetCell {
                table,
                row,
                column,
                cell,
            } => {
                let target = dossier
                    .budget_tables
                    .iter_mut()
                    .find(|t| t.id == table)
                    .ok_or(EditError::NoTable(table))?;
                let index = target.column_index(column).ok_or(EditError::NoColumn(column))?;
                let kind = target.columns[index].kind;
                if let Some(value) = &cell.value
                    && value.kind() != kind
                {
                    return Err(EditError::WrongKind {
                        found: value.kind().key(),
                        expected: kind.key(),
                    });
                }
                let slot = target
                    .rows
                    .iter_mut()
                    .find(|r| r.id == row)
                    .and_then(|r| r.cells.get_mut(index))
                    .ok_or(EditError::NoRow(row))?;
                let old = std::mem::replace(slot, cell);
                Ok(Edit::SetCell {
                    table,
                    row,
                    column,
                    cell: old,
                })
            }
        }
    }
}

#[derive(Clone, Debug)]
struct Step {
    edit: Edit,
    inverse: Edit,
    before: u64,
    after: u64,
}

/// Undo and redo, and a number for every state the dossier has been in.
#[derive(Clone, Debug, Default)]
pub struct History {
    done: Vec<Step>,
    undone: Vec<Step>,
    revision: u64,
    last_issued: u64,
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
        self.revision = step.after;
        self.done.push(step);
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::budget::CellValue;
    use crate::model::money::Money;

    fn dossier() -> Dossier {
        crate::store::bundled().unwrap()
    }

    #[test]
    fn undo_and_redo_walk_back_and_forth_through_numbered_states() {
        let mut dossier = dossier();
        let original = dossier.clone();
        let mut history = History::default();
        let saved = history.revision();
        history
            .apply(&mut dossier, Edit::SetTitle("Nieuw".into()))
            .unwrap();
        history
            .apply(&mut dossier, Edit::SetDescription("Omschrijving".into()))
            .unwrap();
        let edited = dossier.clone();
        assert_ne!(history.revision(), saved);
        assert!(history.undo(&mut dossier).unwrap());
        assert!(history.undo(&mut dossier).unwrap());
        assert!(!history.undo(&mut dossier).unwrap());
        assert_eq!(dossier, original);
        assert_eq!(history.revision(), saved);
        assert!(history.redo(&mut dossier).unwrap());
        assert!(history.redo(&mut dossier).unwrap());
        assert_eq!(dossier, edited);
        assert!(!history.can_redo());
    }

    #[test]
    fn an_edit_that_changes_nothing_is_not_a_step() {
        let mut dossier = dossier();
        let mut history = History::default();
        let same = Edit::SetTitle(dossier.title.clone());
        history.apply(&mut dossier, same).unwrap();
        assert!(!history.can_undo());
        assert_eq!(history.revision(), 0);
    }

    #[test]
    fn a_new_edit_after_undo_gets_a_new_number_and_drops_the_redo() {
        let mut dossier = dossier();
        let mut history = History::default();
        history.apply(&mut dossier, Edit::SetTitle("A".into())).unwrap();
        let first = history.revision();
        history.undo(&mut dossier).unwrap();
        history.apply(&mut dossier, Edit::SetTitle("B".into())).unwrap();
        assert_ne!(history.revision(), first);
        assert!(!history.can_redo());
    }

    #[test]
    fn cell_edits_check_kind_and_place() {
        let mut dossier = dossier();
        let table = &dossier.budget_tables[0];
        let (table_id, row, money_column, text_column) = (
            table.id,
            table.rows[0].id,
            table.columns[2].id,
            table.columns[0].id,
        );
        let mut history = History::default();
        let amount = Cell::new(CellValue::Money(Money::from_euro(5)));
        history
            .apply(
                &mut dossier,
                Edit::SetCell {
                    table: table_id,
                    row,
                    column: money_column,
                    cell: amount.clone(),
                },
            )
            .unwrap();
        assert_eq!(dossier.budget_tables[0].rows[0].cells[2], amount);
        let wrong = Edit::SetCell {
            table: table_id,
            row,
            column: text_column,
            cell: amount,
        };
        assert_eq!(
            history.apply(&mut dossier, wrong),
            Err(EditError::WrongKind {
                found: "money",
                expected: "text"
            })
        );
        history.undo(&mut dossier).unwrap();
        assert_eq!(dossier, crate::store::bundled().unwrap());
    }
}
