//! Errors worded in the interface language: the model's errors carry data, and are put
//! into words here.

use super::{Texts, column_kind_name};
use crate::model::edit::{ColumnUser, EditError};

impl Texts {
    /// Why an edit could not be made.
    pub fn edit_error(&self, error: &EditError) -> String {
        match error {
            EditError::NoTable(id) => self.error_no_table(id),
            EditError::NoRow(id) => self.error_no_row(id),
            EditError::NoColumn(id) => self.error_no_column(id),
            EditError::WrongKind { found, expected } => {
                self.error_wrong_kind(column_kind_name(*found, self), column_kind_name(*expected, self))
            }
            EditError::NoQuestion(id) => self.error_no_question(id),
            EditError::NoEvent(id) => self.error_no_event(id),
            EditError::NoOrganisation(id) => self.error_no_organisation(id),
            EditError::NoIndicator(id) => self.error_no_indicator(id),
            EditError::IdInUse(id) => self.error_id_in_use(id),
            EditError::CellsForRows { cells, rows } => self.error_cells_for_rows(cells, rows),
            EditError::CellsForColumns { cells, columns } => self.error_cells_for_columns(cells, columns),
            EditError::ColumnInUse(ColumnUser::Computed(name)) => self.error_column_used_by_computed(name),
            EditError::ColumnInUse(ColumnUser::Budget(label)) => self.error_column_used_by_budget(label),
            EditError::ColumnInUse(ColumnUser::PrintedTotal) => self.error_column_used_by_total.to_string(),
            EditError::MustStayMoney => self.error_must_stay_money.to_string(),
            EditError::NeedsMoney(name) => self.error_needs_money(name),
            EditError::ThresholdsCrossed { close, met } => self.error_thresholds_crossed(close, met),
            EditError::SourceExists(id) => self.error_source_exists(id),
            EditError::NoSource(id) => self.error_no_source(id),
            EditError::SourceCited { document, place } => self.error_source_cited(document, place),
            // The rules of a question, an organisation or an indicator are worded by
            // their checks, which the file loader shares.
            EditError::Invalid(rule) => rule.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Language;
    use crate::model::budget::ColumnKind;
    use crate::model::edit::EditError;

    #[test]
    fn an_edit_error_reads_in_the_window_language() {
        let error = EditError::WrongKind {
            found: ColumnKind::Money,
            expected: ColumnKind::Text,
        };
        assert_eq!(
            Language::English.texts().edit_error(&error),
            error.to_string(),
            "the English matches the error's own wording"
        );
        assert_eq!(
            Language::Dutch.texts().edit_error(&error),
            "een waarde van het soort geld past niet in de kolom van het soort tekst"
        );
        let crossed = EditError::ThresholdsCrossed {
            close: 95.into(),
            met: 90.into(),
        };
        assert!(Language::Dutch.texts().edit_error(&crossed).contains("(95)"));
    }
}
