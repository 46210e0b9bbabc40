//! Errors worded in the interface language: the model's errors carry data, and are put
//! into words here.

use std::io;

use super::{Texts, column_kind_name};
use crate::model::edit::{ColumnUser, EditError};
use crate::model::{FORMAT_NAME, FORMAT_VERSION};
use crate::store::atomic::Stage;
use crate::store::dates::DateFault;
use crate::store::reading::{ReadError, SpecialFile};
use crate::store::{
    FILE_LIMIT, LoadError, NotDossier, PROBLEMS_SHOWN, PlacedProblem, SaveError, TEXT_LIMIT, bytes_in_words,
};

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
            EditError::SourceCited { document, place } => {
                self.error_source_cited(document, self.place(place))
            }
            // The rules of a question, an organisation or an indicator are worded by
            // their checks, which the file loader shares.
            EditError::Invalid(rule) => self.rule(rule),
            EditError::NoConflict(index) => self.merge.error_no_conflict(index),
            EditError::NoPart => self.merge.error_no_part.to_string(),
            EditError::DoesNotFit(detail) => self.merge.error_does_not_fit(detail),
            EditError::BeyondBounds(figure) => {
                self.error_beyond_bounds(figure, crate::model::MAGNITUDE_LIMIT_TEXT)
            }
        }
    }
}

impl Texts {
    /// Why a file could not be opened as a dossier: what and where.
    pub fn load_error(&self, error: &LoadError) -> String {
        match error {
            LoadError::Read { origin, source } => self.files.load_read(origin, self.io_reason(source)),
            LoadError::FileTooLarge { origin } => {
                self.files.load_too_large(origin, bytes_in_words(FILE_LIMIT))
            }
            LoadError::NotAFile { origin, kind } => {
                self.files.load_not_a_file(origin, self.special_file(*kind))
            }
            LoadError::NotADossier { origin, reason } => self
                .files
                .load_not_a_dossier(origin, self.not_dossier_reason(reason)),
            LoadError::Truncated { origin, line, column } => self.files.load_truncated(origin, line, column),
            LoadError::Syntax {
                origin,
                line,
                column,
                detail,
            } => self.files.load_syntax(origin, line, column, detail),
            LoadError::NewerVersion {
                origin,
                found,
                supported,
            } => self.files.load_newer(origin, found, supported),
            LoadError::Migration {
                origin,
                found,
                reason,
            } => self.files.load_migration(origin, found, reason),
            LoadError::Invalid {
                origin,
                line,
                column,
                field,
                message,
            } => {
                let place = if *line == 0 {
                    String::new()
                } else {
                    self.files.load_place(line, column)
                };
                self.files.load_invalid(origin, place, field, message)
            }
            LoadError::TextTooLong {
                origin,
                line,
                column,
                field,
                size,
            } => self.files.load_text_too_long(
                origin,
                line,
                column,
                field,
                bytes_in_words(*size as u64),
                bytes_in_words(TEXT_LIMIT as u64),
            ),
            LoadError::BadDate {
                origin,
                line,
                column,
                field,
                text,
                fault,
            } => self
                .files
                .load_bad_date(origin, line, column, field, text, self.date_fault(*fault)),
            LoadError::Inconsistent { origin, problems } => {
                let count = match problems.len() {
                    1 => self.one_rule.to_string(),
                    count => count.to_string(),
                };
                self.files
                    .load_inconsistent(origin, count, self.problem_list(problems))
            }
        }
    }

    /// Why a file could not be read whole: what it is, or how large.
    pub fn read_error(&self, error: &ReadError) -> String {
        match error {
            ReadError::Io(error) => self.io_reason(error),
            ReadError::NotAFile(kind) => self.files.read_not_a_file(self.special_file(*kind)),
            ReadError::TooLarge { limit } => self.files.read_too_large(bytes_in_words(*limit)),
        }
    }

    fn special_file(&self, kind: SpecialFile) -> &'static str {
        match kind {
            SpecialFile::Folder => self.files.special_folder,
            SpecialFile::Device => self.files.special_device,
            SpecialFile::Pipe => self.files.special_pipe,
            SpecialFile::Socket => self.files.special_socket,
            SpecialFile::Other => self.files.special_other,
        }
    }

    /// What is impossible in a date.
    fn date_fault(&self, fault: DateFault) -> String {
        match fault {
            DateFault::Shape => self.files.date_fault_shape.to_string(),
            DateFault::YearDigits => self.files.date_fault_year_digits.to_string(),
            DateFault::NoMonth(month) => self.files.date_fault_no_month(month),
            DateFault::NoDay { day: 0, .. } => self.files.date_fault_day_zero.to_string(),
            DateFault::NoDay {
                month, year, days, ..
            } => {
                let name = self.months[usize::from(month.saturating_sub(1)).min(11)];
                self.files.date_fault_days(name, year, days)
            }
        }
    }

    /// Why a file is not a dossier file at all.
    fn not_dossier_reason(&self, reason: &NotDossier) -> String {
        match reason {
            NotDossier::OtherFormat(found) => self.files.not_dossier_other_format(found, FORMAT_NAME),
            NotDossier::NoFormat => self.files.not_dossier_no_format(FORMAT_NAME),
            NotDossier::NoVersion => self.files.not_dossier_no_version.to_string(),
            NotDossier::BadVersion(found) => self.files.not_dossier_bad_version(found, FORMAT_VERSION),
            NotDossier::NotAnObject => self.files.not_dossier_not_object.to_string(),
            NotDossier::Empty => self.files.not_dossier_empty.to_string(),
            NotDossier::NotJson => self.files.not_dossier_not_json.to_string(),
            NotDossier::Unexplained => self.files.not_dossier_unexplained.to_string(),
            NotDossier::Unwritable(detail) => self.files.not_dossier_unwritable(detail),
        }
    }

    /// The first problems, one a line; the rest counted.
    fn problem_list(&self, problems: &[PlacedProblem]) -> String {
        let line = |placed: &PlacedProblem| match placed.position {
            Some((line, column)) => format!(
                "- {}",
                self.files.problem_at(line, column, self.problem(&placed.problem))
            ),
            None => format!("- {}", self.problem(&placed.problem)),
        };
        let mut lines: Vec<String> = problems.iter().take(PROBLEMS_SHOWN).map(line).collect();
        if problems.len() > PROBLEMS_SHOWN {
            lines.push(self.files.more_problems(problems.len() - PROBLEMS_SHOWN));
        }
        lines.join("\n")
    }

    /// Why a dossier could not be saved; the file on disk is as it was.
    pub fn save_error(&self, error: &SaveError) -> String {
        match error {
            SaveError::Serialize { path, detail } => self.files.save_serialize(path, detail),
            SaveError::ReadOnly { path } => self.files.save_read_only(path),
            SaveError::ChangedOnDisk { path } => self.files.save_changed_on_disk(path),
            SaveError::Write { path, stage, source } => {
                self.files
                    .save_write(path, self.stage_name(*stage), self.io_reason(source))
            }
        }
    }

    /// Why a file could not be written, and at which step.
    pub fn write_error(&self, path: &std::path::Path, stage: Stage, error: &io::Error) -> String {
        self.files
            .write_failed(path.display(), self.stage_name(stage), self.io_reason(error))
    }

    /// A file system's refusal in words; the system's own for the rarer ones.
    pub fn io_reason(&self, error: &io::Error) -> String {
        let reason = match error.kind() {
            io::ErrorKind::NotFound => self.io_not_found,
            io::ErrorKind::PermissionDenied => self.io_permission_denied,
            io::ErrorKind::StorageFull => self.io_disk_full,
            io::ErrorKind::ReadOnlyFilesystem => self.io_read_only,
            io::ErrorKind::IsADirectory => self.io_is_a_folder,
            io::ErrorKind::QuotaExceeded => self.io_quota,
            _ => return error.to_string(),
        };
        reason.to_string()
    }

    pub fn stage_name(&self, stage: Stage) -> &'static str {
        match stage {
            Stage::CreateTemporary => self.stage_create_temporary,
            Stage::Write => self.stage_write,
            Stage::Flush => self.stage_flush,
            Stage::Replace => self.stage_replace,
            Stage::SyncFolder => self.stage_sync_folder,
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

    /// The English words of a file error are the store's own, so that the command line
    /// and the window say the same; the Dutch are the window's.
    #[test]
    fn a_file_error_reads_in_the_window_language() {
        let json = crate::store::BUNDLED_JSON;
        let cases = [
            &json[..json.len() / 3],
            "{ not json",
            r#"{"format": "something-else"}"#,
            r#"{"format": "dossier-workbench", "version": 99}"#,
            r#"{"format": "dossier-workbench", "version": "1"}"#,
            r#"{"format": "dossier-workbench"}"#,
            "",
            "[1]",
            "{}",
            r#"{"format": "dossier-workbench", "version": 1, "title": "t", "questions": [{"id": 1, "date": "2019-02-29"}]}"#,
            r#"{"format": "dossier-workbench", "version": 1, "title": "t", "questions": [{"id": 1}, {"id": 1}]}"#,
        ];
        for bytes in cases {
            let error = crate::store::load_bytes(bytes.as_bytes(), "d.dossier.json").unwrap_err();
            assert_eq!(Language::English.texts().load_error(&error), error.to_string());
            let dutch = Language::Dutch.texts().load_error(&error);
            assert!(dutch.starts_with("d.dossier.json"), "{dutch}");
            assert_ne!(dutch, error.to_string(), "{dutch}");
        }
        let not_a_file = crate::store::load(std::path::Path::new("/dev/zero")).unwrap_err();
        assert_eq!(
            Language::English.texts().load_error(&not_a_file),
            not_a_file.to_string()
        );
        assert_eq!(
            Language::Dutch.texts().load_error(&not_a_file),
            "/dev/zero is een apparaat, geen bestand; een dossier wordt uit een bestand geopend."
        );
        let too_large = crate::store::LoadError::FileTooLarge { origin: "big".into() };
        assert_eq!(
            Language::English.texts().load_error(&too_large),
            too_large.to_string()
        );
        let missing = crate::store::load(std::path::Path::new("/nonexistent/d.dossier.json")).unwrap_err();
        assert_eq!(
            Language::English.texts().load_error(&missing),
            missing.to_string()
        );
        assert!(
            Language::Dutch
                .texts()
                .load_error(&missing)
                .contains("het bestand of de map bestaat niet")
        );
        let refused = crate::store::save(
            std::path::Path::new("/nonexistent/d.dossier.json"),
            &crate::store::bundled().unwrap(),
        )
        .unwrap_err();
        assert_eq!(
            Language::English.texts().save_error(&refused),
            refused.to_string()
        );
        assert!(
            Language::Dutch
                .texts()
                .save_error(&refused)
                .contains("Het bestand op de schijf is zoals het was.")
        );
    }
}
