//! A dossier's broken rules in the window's language, from the data the model gives:
//! where ([`Place`]) and what ([`Rule`]).

use super::{Texts, column_kind_name};
use crate::model::Problem;
use crate::model::breaks::{IdOf, Place, QuestionName, Rule};
use crate::model::citations::Fact;
use crate::model::rules::MAGNITUDE_LIMIT_TEXT;

impl Texts {
    /// `budget table "AMIF-projecten", row 8: has 3 cells, but the table has 4 columns`.
    pub fn problem(&self, problem: &Problem) -> String {
        format!("{}: {}", self.place(&problem.place), self.rule(&problem.rule))
    }

    fn question_name(&self, question: &QuestionName) -> String {
        match question {
            QuestionName::Number(number) => self.files.place_question_number(number),
            QuestionName::Title(title) => self.files.place_question_title(title),
            QuestionName::Id(id) => self.files.place_question_id(id),
        }
    }

    /// Where in a dossier something is.
    pub fn place(&self, place: &Place) -> String {
        match place {
            Place::Question(question) => self.question_name(question),
            Place::AnswerItem(question, label) => {
                self.files.place_answer_item(self.question_name(question), label)
            }
            Place::QuestionCitation(question, number) => {
                self.files.place_citation(self.question_name(question), number)
            }
            Place::Event(title) => self.files.place_event(title),
            Place::Table(table) => self.files.place_table(table),
            Place::Column { table, column } => self.files.place_column(self.files.place_table(table), column),
            Place::Row { table, row } => self.place_row(self.files.place_table(table), row),
            Place::Cell { table, row, column } => self
                .files
                .place_column(self.place_row(self.files.place_table(table), row), column),
            Place::Computed { table, name } => self.files.place_computed(self.files.place_table(table), name),
            Place::PrintedTotal(table) => self.files.place_printed_total(self.files.place_table(table)),
            Place::Budget { table, label } => self.files.place_budget(
                self.files.place_table(table),
                label.as_deref().unwrap_or_default(),
            ),
            Place::Organisation(name) => self.files.place_organisation(name),
            Place::OrganisationId(id) => self.files.place_organisation_id(id),
            Place::Fact { organisation, fact } => {
                let fact = match fact {
                    Fact::Founded => self.files.fact_founded,
                    Fact::Staff => self.files.fact_staff,
                    Fact::Purpose => self.files.fact_purpose,
                    Fact::DecisionRule => self.files.fact_decision_rule,
                    Fact::BoardSelection => self.files.fact_board_selection,
                };
                format!("{}, {fact}", self.files.place_organisation(organisation))
            }
            Place::BoardMember { organisation, name } => {
                self.within_organisation(organisation.as_deref(), self.files.place_member(name))
            }
            Place::Partner { organisation, name } => {
                self.within_organisation(organisation.as_deref(), self.files.place_partner(name))
            }
            Place::Indicator(name) => self.files.place_indicator(name),
            Place::Measurement { indicator, date } => self
                .files
                .place_measurement(self.files.place_indicator(indicator), date),
            Place::Source(file) => self.files.place_source(file),
            Place::Settings => self.files.place_settings.to_string(),
        }
    }

    /// `organisation "X", board member Y`, or the member alone where the organisation
    /// goes without saying.
    fn within_organisation(&self, organisation: Option<&str>, item: String) -> String {
        match organisation {
            Some(organisation) => format!("{}, {item}", self.files.place_organisation(organisation)),
            None => item,
        }
    }

    fn id_of(&self, of: IdOf) -> &'static str {
        match of {
            IdOf::Question => self.files.id_of_question,
            IdOf::Event => self.files.id_of_event,
            IdOf::Table => self.files.id_of_table,
            IdOf::Column => self.files.id_of_column,
            IdOf::Row => self.files.id_of_row,
            IdOf::Organisation => self.files.id_of_organisation,
            IdOf::BoardMember => self.files.id_of_member,
            IdOf::Partner => self.files.id_of_partner,
            IdOf::Indicator => self.files.id_of_indicator,
            IdOf::Measurement => self.files.id_of_measurement,
        }
    }

    /// What rule is broken.
    pub fn rule(&self, rule: &Rule) -> String {
        match rule {
            Rule::DuplicateId { of, id, first } => {
                self.files
                    .rule_duplicate_id(self.id_of(*of), id, self.place(first))
            }
            Rule::DuplicateSource(id) => self.files.rule_duplicate_source(id),
            Rule::UnknownQuestion(id) => self.files.rule_unknown_question(id),
            Rule::CellCount { cells, columns } => self.files.rule_cell_count(cells, columns),
            Rule::WrongKind { found, expected } => self
                .files
                .rule_wrong_kind(column_kind_name(*found, self), column_kind_name(*expected, self)),
            Rule::UnknownFootnote(mark) => self.files.rule_unknown_footnote(mark),
            Rule::ComputedIdTaken(id) => self.files.rule_computed_id_taken(id),
            Rule::NotMoneyOperand(id) => self.files.rule_not_money_operand(id),
            Rule::TotalNotSummed(id) => self.files.rule_total_not_summed(id),
            Rule::BudgetNotMoney(id) => self.files.rule_budget_not_money(id),
            Rule::UnknownSource(id) => self.files.rule_unknown_source(id),
            Rule::SubQuestionUnlabelled => self.files.rule_sub_question_unlabelled.to_string(),
            Rule::SubQuestionTwice(label) => self.files.rule_sub_question_twice(label),
            Rule::UnknownSubQuestion(label) => self.files.rule_unknown_sub_question(label),
            Rule::NoName => self.files.rule_no_name.to_string(),
            Rule::MemberUnnamed(id) => self.files.rule_member_unnamed(id),
            Rule::PartnerUnnamed(id) => self.files.rule_partner_unnamed(id),
            Rule::MandateBackwards { name, start, end } => {
                self.files.rule_mandate_backwards(name, start, end)
            }
            Rule::NoEngagementType(id) => self.files.rule_no_engagement_type(id),
            Rule::TargetBelowZero(name) => self.files.rule_target_below_zero(name),
            Rule::MeasurementBelowZero { indicator, date } => {
                self.files.rule_measurement_below_zero(indicator, date)
            }
            Rule::ThresholdsCrossed { close, met } => self.files.rule_thresholds_crossed(close, met),
            Rule::BeyondBounds => self.files.rule_beyond_bounds(MAGNITUDE_LIMIT_TEXT),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Language;
    use crate::store;

    /// The English is the model's own wording, so that the command line and the window
    /// say the same; the Dutch is the window's.
    #[test]
    fn every_broken_rule_of_a_file_reads_in_the_window_language() {
        let mut dossier = store::bundled().unwrap();
        let first = dossier.questions[0].id;
        dossier.questions[1].id = first;
        dossier.budget_tables[0].rows[0].cells.pop();
        dossier.organisations[0].board[0].name = String::new();
        dossier.indicators[0].target = Some(rust_decimal::Decimal::from(-5));
        dossier.events[0].sources.push(crate::model::source::SourceRef {
            document: crate::model::source::SourceId("seed-404".into()),
            part: None,
            quote: None,
        });
        let problems = dossier.validate().unwrap_err();
        assert!(problems.len() >= 5, "{problems:?}");
        for problem in &problems {
            assert_eq!(Language::English.texts().problem(problem), problem.to_string());
            let dutch = Language::Dutch.texts().problem(problem);
            assert_ne!(dutch, problem.to_string(), "{dutch}");
        }
        let said: Vec<String> = problems
            .iter()
            .map(|p| Language::Dutch.texts().problem(p))
            .collect();
        assert!(said.iter().any(|s| s.contains("heeft vraag-id")), "{said:?}");
        assert!(
            said.iter().any(|s| s.contains("cellen, maar de tabel heeft")),
            "{said:?}"
        );
        assert!(
            said.iter().any(|s| s.contains("verwijst naar bron \"seed-404\"")),
            "{said:?}"
        );
    }
}
