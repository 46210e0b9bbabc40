//! Every change to a dossier is an [`Edit`], applied in one place; [`History`] keeps
//! them for undo and redo and numbers the states, so that "unsaved" can be measured
//! against the state that was saved.

use crate::model::breaks::{Place, Rule};
use rust_decimal::Decimal;

use super::board::Organisation;
use super::budget::{BudgetTable, Cell, Column, ColumnKind, ComputedColumn, Formula, ReportedTotal, Row};
use super::dossier::{
    ColumnId, Dossier, EventId, IndicatorId, OrganisationId, QuestionId, RowId, Settings, TableId,
};
use super::event::Event;
use super::indicator::Indicator;
use super::merge::Conflict;
use super::question::Question;
use super::slide::Slide;
use super::source::{SourceDocument, SourceId};

mod checks;
mod history;

use self::checks::{
    check_cells, check_event, check_figure, check_indicator, check_organisation, check_question, check_table,
    check_values, column_user,
};
pub use self::history::{CellChange, History};

/// One change to a dossier. Applying it returns its inverse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    SetTitle(String),
    /// Replaces the list of slides (adding, renaming, moving or removing one).
    SetSlides(Vec<Slide>),
    SetDescription(String),
    SetCell {
        table: TableId,
        row: RowId,
        column: ColumnId,
        cell: Cell,
    },
    /// Puts a question at `index` (clamped to the list); `relink` names events whose
    /// link to it a removal cut, so that undoing the removal restores them.
    InsertQuestion {
        index: usize,
        question: Box<Question>,
        relink: Vec<EventId>,
    },
    /// Removes a question; events that pointed at it lose that link.
    RemoveQuestion(QuestionId),
    /// Replaces the question with the same id.
    ReplaceQuestion(Box<Question>),
    InsertEvent {
        index: usize,
        event: Box<Event>,
    },
    RemoveEvent(EventId),
    ReplaceEvent(Box<Event>),
    SetSettings(Box<Settings>),
    InsertTable {
        index: usize,
        table: Box<BudgetTable>,
    },
    RemoveTable(TableId),
    RenameTable {
        table: TableId,
        title: String,
    },
    InsertRow {
        table: TableId,
        index: usize,
        row: Row,
    },
    RemoveRow {
        table: TableId,
        row: RowId,
    },
    MoveRow {
        table: TableId,
        row: RowId,
        to: usize,
    },
    /// Adds a column with one cell for each row, in the rows' order.
    InsertColumn {
        table: TableId,
        index: usize,
        column: Column,
        cells: Vec<Cell>,
    },
    RemoveColumn {
        table: TableId,
        column: ColumnId,
    },
    RenameColumn {
        table: TableId,
        column: ColumnId,
        name: String,
    },
    /// Gives a column another kind, with its cells as converted (one per row).
    RetypeColumn {
        table: TableId,
        column: ColumnId,
        kind: ColumnKind,
        cells: Vec<Cell>,
    },
    SetComputed {
        table: TableId,
        computed: Vec<ComputedColumn>,
    },
    SetReportedTotals {
        table: TableId,
        totals: Vec<ReportedTotal>,
    },
    InsertOrganisation {
        index: usize,
        organisation: Box<Organisation>,
    },
    RemoveOrganisation(OrganisationId),
    /// Replaces the organisation with the same id: its facts, board and partners.
    ReplaceOrganisation(Box<Organisation>),
    InsertIndicator {
        index: usize,
        indicator: Box<Indicator>,
    },
    RemoveIndicator(IndicatorId),
    /// Replaces the indicator with the same id, measurements and all.
    ReplaceIndicator(Box<Indicator>),
    /// Adds a source document (the text of an imported question).
    InsertSource {
        index: usize,
        source: Box<SourceDocument>,
    },
    /// Removes a source document that nothing cites any more.
    RemoveSource(SourceId),
    /// Replaces the table with the same id: its own fields, columns and rows.
    ReplaceTable(Box<BudgetTable>),
    /// Replaces the row with the same id.
    ReplaceRow {
        table: TableId,
        row: Row,
    },
    /// Replaces the source document with the same id.
    ReplaceSource(Box<SourceDocument>),
    /// Takes a merge's conflict out of the dossier: it is settled.
    RemoveConflict(usize),
    InsertConflict {
        index: usize,
        conflict: Box<Conflict>,
    },
    /// Several edits as one step: all are made, or none.
    Batch(Vec<Edit>),
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
    #[error("a {} value does not fit the {} column", found.key(), expected.key())]
    WrongKind { found: ColumnKind, expected: ColumnKind },
    #[error("the question with id {0} is not in the dossier")]
    NoQuestion(QuestionId),
    #[error("the event with id {0} is not in the dossier")]
    NoEvent(EventId),
    #[error("the organisation with id {0} is not in the dossier")]
    NoOrganisation(OrganisationId),
    #[error("the indicator with id {0} is not in the dossier")]
    NoIndicator(IndicatorId),
    #[error("the id {0} is in use already")]
    IdInUse(u64),
    #[error("{cells} cells for {rows} rows")]
    CellsForRows { cells: usize, rows: usize },
    #[error("{cells} cells for {columns} columns")]
    CellsForColumns { cells: usize, columns: usize },
    #[error("the column is used by {0}")]
    ColumnInUse(ColumnUser),
    #[error("a column that sums or budgets use must stay money")]
    MustStayMoney,
    #[error("\"{0}\" needs money columns to work from")]
    NeedsMoney(String),
    #[error("the \"close\" threshold ({close}) is above the \"met\" threshold ({met})")]
    ThresholdsCrossed { close: Decimal, met: Decimal },
    #[error("a source document with id {0} is in the dossier already")]
    SourceExists(SourceId),
    #[error("the source document {0} is not in the dossier")]
    NoSource(SourceId),
    #[error("the source document {document} is still cited by {place}")]
    SourceCited { document: SourceId, place: Place },
    /// A rule of a question, an organisation or an indicator, as its check words it.
    #[error("{0}")]
    Invalid(Rule),
    #[error("{0} is beyond {limit} either side of zero, the most a dossier holds", limit = crate::model::MAGNITUDE_LIMIT_TEXT)]
    BeyondBounds(Decimal),
    #[error("there is no conflict number {0}")]
    NoConflict(usize),
    #[error("the part the conflict is about is no longer in the dossier")]
    NoPart,
    #[error("the value does not fit there: {0}")]
    DoesNotFit(String),
}

/// What in a budget table leans on a column, so that it cannot be removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnUser {
    /// A computed column, by name.
    Computed(String),
    /// The table's budget, by label.
    Budget(String),
    PrintedTotal,
}

impl std::fmt::Display for ColumnUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ColumnUser::Computed(name) => write!(f, "the computed column \"{name}\""),
            ColumnUser::Budget(label) => write!(f, "the budget \"{label}\""),
            ColumnUser::PrintedTotal => f.write_str("a printed total"),
        }
    }
}

impl Edit {
    /// Applies the edit and returns the edit that undoes it. On error the dossier is
    /// unchanged.
    pub fn apply(self, dossier: &mut Dossier) -> Result<Edit, EditError> {
        match self {
            Edit::SetTitle(title) => Ok(Edit::SetTitle(std::mem::replace(&mut dossier.title, title))),
            Edit::SetSlides(slides) => Ok(Edit::SetSlides(std::mem::replace(&mut dossier.slides, slides))),
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
                check_values(target.columns[index].kind, [&cell])?;
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
            Edit::InsertQuestion {
                index,
                question,
                relink,
            } => {
                check_question(&question)?;
                if dossier.questions.iter().any(|q| q.id == question.id) {
                    return Err(EditError::IdInUse(question.id.0));
                }
                let id = question.id;
                dossier.next_id = dossier.next_id.max(id.0 + 1);
                insert_clamped(&mut dossier.questions, index, *question);
                for event in dossier.events.iter_mut().filter(|e| relink.contains(&e.id)) {
                    event.question = Some(id);
                }
                Ok(Edit::RemoveQuestion(id))
            }
            Edit::RemoveQuestion(id) => {
                let index = index_of(&dossier.questions, |q| q.id == id, EditError::NoQuestion(id))?;
                let question = dossier.questions.remove(index);
                let mut relink = Vec::new();
                for event in dossier.events.iter_mut().filter(|e| e.question == Some(id)) {
                    event.question = None;
                    relink.push(event.id);
                }
                Ok(Edit::InsertQuestion {
                    index,
                    question: Box::new(question),
                    relink,
                })
            }
            Edit::ReplaceQuestion(question) => {
                check_question(&question)?;
                let slot = dossier
                    .questions
                    .iter_mut()
                    .find(|q| q.id == question.id)
                    .ok_or(EditError::NoQuestion(question.id))?;
                Ok(Edit::ReplaceQuestion(Box::new(std::mem::replace(
                    slot, *question,
                ))))
            }
            Edit::InsertEvent { index, event } => {
                check_event(dossier, &event)?;
                if dossier.events.iter().any(|e| e.id == event.id) {
                    return Err(EditError::IdInUse(event.id.0));
                }
                let id = event.id;
                dossier.next_id = dossier.next_id.max(id.0 + 1);
                insert_clamped(&mut dossier.events, index, *event);
                Ok(Edit::RemoveEvent(id))
            }
            Edit::RemoveEvent(id) => {
                let index = index_of(&dossier.events, |e| e.id == id, EditError::NoEvent(id))?;
                let event = dossier.events.remove(index);
                Ok(Edit::InsertEvent {
                    index,
                    event: Box::new(event),
                })
            }
            Edit::ReplaceEvent(event) => {
                check_event(dossier, &event)?;
                let slot = dossier
                    .events
                    .iter_mut()
                    .find(|e| e.id == event.id)
                    .ok_or(EditError::NoEvent(event.id))?;
                Ok(Edit::ReplaceEvent(Box::new(std::mem::replace(slot, *event))))
            }
            Edit::InsertOrganisation { index, organisation } => {
                check_organisation(dossier, &organisation, None)?;
                let id = organisation.id;
                dossier.next_id = dossier.next_id.max(organisation.ids().fold(0, u64::max) + 1);
                insert_clamped(&mut dossier.organisations, index, *organisation);
                Ok(Edit::RemoveOrganisation(id))
            }
            Edit::RemoveOrganisation(id) => {
                let index = index_of(
                    &dossier.organisations,
                    |o| o.id == id,
                    EditError::NoOrganisation(id),
                )?;
                let organisation = dossier.organisations.remove(index);
                Ok(Edit::InsertOrganisation {
                    index,
                    organisation: Box::new(organisation),
                })
            }
            Edit::ReplaceOrganisation(organisation) => {
                let index = index_of(
                    &dossier.organisations,
                    |o| o.id == organisation.id,
                    EditError::NoOrganisation(organisation.id),
                )?;
                check_organisation(dossier, &organisation, Some(index))?;
                dossier.next_id = dossier.next_id.max(organisation.ids().fold(0, u64::max) + 1);
                Ok(Edit::ReplaceOrganisation(Box::new(std::mem::replace(
                    &mut dossier.organisations[index],
                    *organisation,
                ))))
            }
            Edit::InsertSource { index, source } => {
                if dossier.source(&source.id).is_some() {
                    return Err(EditError::SourceExists(source.id.clone()));
                }
                let id = source.id.clone();
                insert_clamped(&mut dossier.sources, index, *source);
                Ok(Edit::RemoveSource(id))
            }
            Edit::RemoveSource(id) => {
                let index = dossier
                    .sources
                    .iter()
                    .position(|s| s.id == id)
                    .ok_or_else(|| EditError::NoSource(id.clone()))?;
                let mut citing = None;
                dossier.for_each_citation(|cited, reference| {
                    if citing.is_none() && reference.document == id {
                        citing = Some(cited);
                    }
                });
                if let Some(cited) = citing {
                    let (place, _) = cited.describe(dossier);
                    return Err(EditError::SourceCited { document: id, place });
                }
                let source = dossier.sources.remove(index);
                Ok(Edit::InsertSource {
                    index,
                    source: Box::new(source),
                })
            }
            Edit::InsertIndicator { index, indicator } => {
                check_indicator(dossier, &indicator, None)?;
                let id = indicator.id;
                dossier.next_id = dossier.next_id.max(indicator.ids().fold(0, u64::max) + 1);
                insert_clamped(&mut dossier.indicators, index, *indicator);
                Ok(Edit::RemoveIndicator(id))
            }
            Edit::RemoveIndicator(id) => {
                let index = index_of(&dossier.indicators, |i| i.id == id, EditError::NoIndicator(id))?;
                let indicator = dossier.indicators.remove(index);
                Ok(Edit::InsertIndicator {
                    index,
                    indicator: Box::new(indicator),
                })
            }
            Edit::ReplaceIndicator(indicator) => {
                let index = index_of(
                    &dossier.indicators,
                    |i| i.id == indicator.id,
                    EditError::NoIndicator(indicator.id),
                )?;
                check_indicator(dossier, &indicator, Some(index))?;
                dossier.next_id = dossier.next_id.max(indicator.ids().fold(0, u64::max) + 1);
                Ok(Edit::ReplaceIndicator(Box::new(std::mem::replace(
                    &mut dossier.indicators[index],
                    *indicator,
                ))))
            }
            Edit::InsertTable { index, table } => {
                if dossier.budget_tables.iter().any(|t| t.id == table.id) {
                    return Err(EditError::IdInUse(table.id.0));
                }
                check_table(&table)?;
                let id = table.id;
                let highest = table
                    .columns
                    .iter()
                    .map(|c| c.id.0)
                    .chain(table.rows.iter().map(|r| r.id.0))
                    .chain(table.computed.iter().map(|c| c.id.0))
                    .fold(id.0, u64::max);
                dossier.next_id = dossier.next_id.max(highest + 1);
                insert_clamped(&mut dossier.budget_tables, index, *table);
                Ok(Edit::RemoveTable(id))
            }
            Edit::RemoveTable(id) => {
                let index = index_of(&dossier.budget_tables, |t| t.id == id, EditError::NoTable(id))?;
                let table = dossier.budget_tables.remove(index);
                Ok(Edit::InsertTable {
                    index,
                    table: Box::new(table),
                })
            }
            Edit::RenameTable { table, title } => {
                let target = table_mut(dossier, table)?;
                let old = std::mem::replace(&mut target.title, title);
                Ok(Edit::RenameTable { table, title: old })
            }
            Edit::InsertRow { table, index, row } => {
                let target = table_mut(dossier, table)?;
                if target.rows.iter().any(|r| r.id == row.id) {
                    return Err(EditError::IdInUse(row.id.0));
                }
                check_cells(&target.columns, &row.cells)?;
                let id = row.id;
                let index = index.min(target.rows.len());
                target.rows.insert(index, row);
                dossier.next_id = dossier.next_id.max(id.0 + 1);
                Ok(Edit::RemoveRow { table, row: id })
            }
            Edit::RemoveRow { table, row } => {
                let target = table_mut(dossier, table)?;
                let index = index_of(&target.rows, |r| r.id == row, EditError::NoRow(row))?;
                let removed = target.rows.remove(index);
                Ok(Edit::InsertRow {
                    table,
                    index,
                    row: removed,
                })
            }
            Edit::MoveRow { table, row, to } => {
                let target = table_mut(dossier, table)?;
                let from = index_of(&target.rows, |r| r.id == row, EditError::NoRow(row))?;
                let moved = target.rows.remove(from);
                target.rows.insert(to.min(target.rows.len()), moved);
                Ok(Edit::MoveRow { table, row, to: from })
            }
            Edit::InsertColumn {
                table,
                index,
                column,
                cells,
            } => {
                let target = table_mut(dossier, table)?;
                if target.columns.iter().any(|c| c.id == column.id)
                    || target.computed.iter().any(|c| c.id == column.id)
                {
                    return Err(EditError::IdInUse(column.id.0));
                }
                if cells.len() != target.rows.len() {
                    return Err(EditError::CellsForRows {
                        cells: cells.len(),
                        rows: target.rows.len(),
                    });
                }
                check_values(column.kind, &cells)?;
                let id = column.id;
                let index = index.min(target.columns.len());
                target.columns.insert(index, column);
                for (row, cell) in target.rows.iter_mut().zip(cells) {
                    row.cells.insert(index, cell);
                }
                dossier.next_id = dossier.next_id.max(id.0 + 1);
                Ok(Edit::RemoveColumn { table, column: id })
            }
            Edit::RemoveColumn { table, column } => {
                let target = table_mut(dossier, table)?;
                let index = target.column_index(column).ok_or(EditError::NoColumn(column))?;
                if let Some(user) = column_user(target, column) {
                    return Err(EditError::ColumnInUse(user));
                }
                let removed = target.columns.remove(index);
                let cells = target
                    .rows
                    .iter_mut()
                    .map(|row| row.cells.remove(index))
                    .collect();
                Ok(Edit::InsertColumn {
                    table,
                    index,
                    column: removed,
                    cells,
                })
            }
            Edit::RenameColumn { table, column, name } => {
                let target = table_mut(dossier, table)?;
                let index = target.column_index(column).ok_or(EditError::NoColumn(column))?;
                let old = std::mem::replace(&mut target.columns[index].name, name);
                Ok(Edit::RenameColumn {
                    table,
                    column,
                    name: old,
                })
            }
            Edit::RetypeColumn {
                table,
                column,
                kind,
                cells,
            } => {
                let target = table_mut(dossier, table)?;
                let index = target.column_index(column).ok_or(EditError::NoColumn(column))?;
                if cells.len() != target.rows.len() {
                    return Err(EditError::CellsForRows {
                        cells: cells.len(),
                        rows: target.rows.len(),
                    });
                }
                check_values(kind, &cells)?;
                if kind != ColumnKind::Money && column_user(target, column).is_some() {
                    return Err(EditError::MustStayMoney);
                }
                let old_kind = std::mem::replace(&mut target.columns[index].kind, kind);
                let old_cells = target
                    .rows
                    .iter_mut()
                    .zip(cells)
                    .map(|(row, cell)| std::mem::replace(&mut row.cells[index], cell))
                    .collect();
                Ok(Edit::RetypeColumn {
                    table,
                    column,
                    kind: old_kind,
                    cells: old_cells,
                })
            }
            Edit::SetComputed { table, computed } => {
                let target = table_mut(dossier, table)?;
                for column in &computed {
                    let operands = match &column.formula {
                        Formula::Sum(columns) => columns.clone(),
                        Formula::Share(column) => vec![*column],
                    };
                    for operand in operands {
                        let kind = target.column_index(operand).map(|i| target.columns[i].kind);
                        if kind != Some(ColumnKind::Money) {
                            return Err(EditError::NeedsMoney(column.name.clone()));
                        }
                    }
                }
                let old = std::mem::replace(&mut target.computed, computed);
                Ok(Edit::SetComputed { table, computed: old })
            }
            Edit::SetReportedTotals { table, totals } => {
                let target = table_mut(dossier, table)?;
                for total in &totals {
                    let kind = target.column_index(total.column).map(|i| target.columns[i].kind);
                    if kind != Some(ColumnKind::Money) {
                        return Err(EditError::NoColumn(total.column));
                    }
                    check_figure(total.amount.amount())?;
                }
                let old = std::mem::replace(&mut target.reported_totals, totals);
                Ok(Edit::SetReportedTotals { table, totals: old })
            }
            edit @ (Edit::ReplaceTable(_)
            | Edit::ReplaceRow { .. }
            | Edit::ReplaceSource(_)
            | Edit::RemoveConflict(_)
            | Edit::InsertConflict { .. }) => merged::apply(edit, dossier),
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(dossier) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(error) => {
                            // Take back what was made, so the batch is all or nothing.
                            for inverse in inverses.into_iter().rev() {
                                let _ = inverse.apply(dossier);
                            }
                            return Err(error);
                        }
                    }
                }
                inverses.reverse();
                Ok(Edit::Batch(inverses))
            }
            Edit::SetSettings(settings) => {
                let thresholds = settings.indicator_thresholds;
                if thresholds.close > thresholds.met {
                    return Err(EditError::ThresholdsCrossed {
                        close: thresholds.close,
                        met: thresholds.met,
                    });
                }
                check_figure(thresholds.close)?;
                check_figure(thresholds.met)?;
                Ok(Edit::SetSettings(Box::new(std::mem::replace(
                    &mut dossier.settings,
                    *settings,
                ))))
            }
        }
    }
}

fn table_mut(dossier: &mut Dossier, id: TableId) -> Result<&mut BudgetTable, EditError> {
    dossier
        .budget_tables
        .iter_mut()
        .find(|t| t.id == id)
        .ok_or(EditError::NoTable(id))
}

/// Where the first item that `is` stands, or `missing`.
fn index_of<T>(items: &[T], is: impl Fn(&T) -> bool, missing: EditError) -> Result<usize, EditError> {
    items.iter().position(is).ok_or(missing)
}

/// Inserts at `index`, or at the end when the list has become shorter.
fn insert_clamped<T>(items: &mut Vec<T>, index: usize, item: T) {
    items.insert(index.min(items.len()), item);
}

mod merged;
#[cfg(test)]
mod tests;
