//! The rules an edit keeps, so that a dossier saved after it always opens again.

use super::{ColumnUser, EditError};
use crate::model::board::Organisation;
use rust_decimal::Decimal;

use crate::model::budget::{BudgetTable, Cell, CellValue, Column, ColumnKind, Formula};
use crate::model::dossier::{ColumnId, Dossier, IdOwner};
use crate::model::event::Event;
use crate::model::indicator::Indicator;
use crate::model::question::Question;
use crate::model::rules::{organisation_problems, question_problems, within_bounds};

/// What in the table leans on a column: a computed column, the budget or a printed total.
pub(super) fn column_user(table: &BudgetTable, column: ColumnId) -> Option<ColumnUser> {
    for computed in &table.computed {
        let uses = match &computed.formula {
            Formula::Sum(columns) => columns.contains(&column),
            Formula::Share(of) => *of == column,
        };
        if uses {
            return Some(ColumnUser::Computed(computed.name.clone()));
        }
    }
    if let Some(envelope) = table.envelope.as_ref().filter(|e| e.drawn_by == column) {
        return Some(ColumnUser::Budget(envelope.label.clone()));
    }
    table
        .reported_totals
        .iter()
        .any(|t| t.column == column)
        .then_some(ColumnUser::PrintedTotal)
}

/// A row's cells must match the columns in number and kind.
pub(super) fn check_cells(columns: &[Column], cells: &[Cell]) -> Result<(), EditError> {
    if cells.len() != columns.len() {
        return Err(EditError::CellsForColumns {
            cells: cells.len(),
            columns: columns.len(),
        });
    }
    cells
        .iter()
        .zip(columns)
        .try_for_each(|(cell, column)| check_values(column.kind, [cell]))
}

/// Each value is of the column's kind, and a figure within bounds.
pub(super) fn check_values<'a>(
    kind: ColumnKind,
    cells: impl IntoIterator<Item = &'a Cell>,
) -> Result<(), EditError> {
    for value in cells.into_iter().filter_map(|cell| cell.value.as_ref()) {
        if value.kind() != kind {
            return Err(EditError::WrongKind {
                found: value.kind(),
                expected: kind,
            });
        }
        let figure = match value {
            CellValue::Money(money) => money.amount(),
            CellValue::Integer(number) => Decimal::from(*number),
            CellValue::Percent(percent) => *percent,
            CellValue::Text(_) | CellValue::Date(_) => continue,
        };
        check_figure(figure)?;
    }
    Ok(())
}

/// A figure a dossier can hold: within [`MAGNITUDE_LIMIT`](crate::model::MAGNITUDE_LIMIT).
pub(super) fn check_figure(figure: Decimal) -> Result<(), EditError> {
    if within_bounds(figure) {
        Ok(())
    } else {
        Err(EditError::BeyondBounds(figure))
    }
}

pub(super) fn check_table(table: &BudgetTable) -> Result<(), EditError> {
    table
        .rows
        .iter()
        .try_for_each(|row| check_cells(&table.columns, &row.cells))?;
    table
        .reported_totals
        .iter()
        .map(|total| total.amount.amount())
        .chain(table.envelope.iter().map(|envelope| envelope.amount.amount()))
        .try_for_each(check_figure)
}

/// Keeps the rules of a question, so that a saved dossier always opens again.
pub(super) fn check_question(question: &Question) -> Result<(), EditError> {
    match question_problems(question).first() {
        Some(problem) => Err(EditError::Invalid(problem.rule.clone())),
        None => Ok(()),
    }
}

/// Keeps the rules of an organisation, and its ids apart from every other id of the
/// dossier; `replacing` is the position of the organisation it takes the place of.
pub(super) fn check_organisation(
    dossier: &Dossier,
    organisation: &Organisation,
    replacing: Option<usize>,
) -> Result<(), EditError> {
    if let Some(problem) = organisation_problems(organisation).first() {
        return Err(EditError::Invalid(problem.rule.clone()));
    }
    check_ids_free(dossier, organisation.ids(), replacing.map(IdOwner::Organisation))
}

/// Keeps the rules of an indicator, and its ids apart from every other id of the
/// dossier; `replacing` is the position of the indicator it takes the place of.
pub(super) fn check_indicator(
    dossier: &Dossier,
    indicator: &Indicator,
    replacing: Option<usize>,
) -> Result<(), EditError> {
    if let Some(problem) = indicator.problems().into_iter().next() {
        return Err(EditError::Invalid(problem));
    }
    indicator
        .target
        .into_iter()
        .chain(indicator.measurements.iter().map(|measurement| measurement.value))
        .try_for_each(check_figure)?;
    check_ids_free(dossier, indicator.ids(), replacing.map(IdOwner::Indicator))
}

/// Each of `ids` once, and none used elsewhere in the dossier but by `owner`.
fn check_ids_free(
    dossier: &Dossier,
    ids: impl Iterator<Item = u64>,
    owner: Option<IdOwner>,
) -> Result<(), EditError> {
    let mut taken: std::collections::HashSet<u64> = dossier.ids_except(owner).collect();
    for id in ids {
        if !taken.insert(id) {
            return Err(EditError::IdInUse(id));
        }
    }
    Ok(())
}

pub(super) fn check_event(dossier: &Dossier, event: &Event) -> Result<(), EditError> {
    match event.question {
        Some(id) if dossier.question(id).is_none() => Err(EditError::NoQuestion(id)),
        _ => Ok(()),
    }
}
