//! The edits that settle what a merge left: a table, a row or a source document put back
//! as chosen, and a conflict taken out or put back.

use super::super::Dossier;
use super::checks::{check_cells, check_table};
use super::{Edit, EditError, table_mut};

pub(super) fn apply(edit: Edit, dossier: &mut Dossier) -> Result<Edit, EditError> {
    match edit {
        Edit::ReplaceTable(table) => {
            check_table(&table)?;
            let slot = table_mut(dossier, table.id)?;
            Ok(Edit::ReplaceTable(Box::new(std::mem::replace(slot, *table))))
        }
        Edit::ReplaceRow { table, row } => {
            let target = table_mut(dossier, table)?;
            check_cells(&target.columns, &row.cells)?;
            let slot = target
                .rows
                .iter_mut()
                .find(|r| r.id == row.id)
                .ok_or(EditError::NoRow(row.id))?;
            let old = std::mem::replace(slot, row);
            Ok(Edit::ReplaceRow { table, row: old })
        }
        Edit::ReplaceSource(source) => {
            let slot = dossier
                .sources
                .iter_mut()
                .find(|s| s.id == source.id)
                .ok_or_else(|| EditError::NoSource(source.id.clone()))?;
            Ok(Edit::ReplaceSource(Box::new(std::mem::replace(slot, *source))))
        }
        Edit::RemoveConflict(index) => {
            if index >= dossier.conflicts.len() {
                return Err(EditError::NoConflict(index));
            }
            let conflict = dossier.conflicts.remove(index);
            Ok(Edit::InsertConflict {
                index,
                conflict: Box::new(conflict),
            })
        }
        Edit::InsertConflict { index, conflict } => {
            let index = index.min(dossier.conflicts.len());
            dossier.conflicts.insert(index, *conflict);
            Ok(Edit::RemoveConflict(index))
        }
        other => Err(EditError::DoesNotFit(format!("{other:?}"))),
    }
}
