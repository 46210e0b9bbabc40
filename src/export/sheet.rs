//! Every table of a dossier as a sheet of text cells, for CSV and TSV files: the budget
//! tables, the questions, the board members, the partners and the indicators.
//!
//! Cells are written as a Belgian spreadsheet reads them (see [`super::csv`]): amounts
//! and numbers with a decimal comma and no grouping, days as `26/02/2019`. A date known
//! only to the month, season or year stays as words (`March 2018`), never a made-up day.

use rust_decimal::Decimal;

use super::csv::{Delimiter, delimited, delimited_cells, spreadsheet_text};
use crate::i18n::DateText as _;
use crate::i18n::{Language, Texts, indicator_status_name, member_status_name, role_name, sector_name};
use crate::model::Dossier;
use crate::model::board::{Organisation, VotingRight};
use crate::model::budget::BudgetTable;
use crate::model::calendar::{PartialDate, format_day_short};
use crate::model::money::spreadsheet_number;

/// A table as text cells, with its name and column headers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    /// What the table is called: a budget table's title, "Board members", ….
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Sheet {
    /// The file's bytes: CSV (`;`) or TSV (tab), as [`delimited`] writes them.
    pub fn to_text(&self, delimiter: Delimiter) -> String {
        delimited(
            &self.columns,
            self.rows.iter().map(|row| row.iter().map(String::as_str)),
            delimiter,
        )
    }
}

fn number(value: Decimal) -> String {
    spreadsheet_number(value.normalize())
}

fn partial_date(date: Option<PartialDate>, language: Language) -> String {
    match date {
        Some(PartialDate::Day(day)) => format_day_short(day),
        Some(other) => other.display(language),
        None => String::new(),
    }
}

pub fn budget_sheet(table: &BudgetTable) -> Sheet {
    Sheet {
        name: table.title.clone(),
        columns: table.columns.iter().map(|c| c.name.clone()).collect(),
        rows: table
            .rows
            .iter()
            .map(|row| row.cells.iter().map(spreadsheet_text).collect())
            .collect(),
    }
}

pub fn questions_sheet(dossier: &Dossier, texts: &Texts) -> Sheet {
    let columns = [
        texts.number,
        texts.date_asked,
        texts.questioner,
        texts.minister,
        texts.title,
        texts.sub_questions,
        texts.status_answered,
        texts.answer_date,
        texts.cites,
    ];
    let rows = dossier
        .questions
        .iter()
        .map(|question| {
            let cites: Vec<String> = question.references.iter().map(|r| r.number.to_string()).collect();
            vec![
                question.number.map(|n| n.to_string()).unwrap_or_default(),
                question.date.map(format_day_short).unwrap_or_default(),
                question.questioner.clone().unwrap_or_default(),
                question.minister_name().unwrap_or_default().to_string(),
                question.title.clone().unwrap_or_default(),
                question.asking().count().to_string(),
                question
                    .answer
                    .as_ref()
                    .map(|_| question.answered_count().to_string())
                    .unwrap_or_default(),
                question
                    .answer
                    .as_ref()
                    .and_then(|a| a.date)
                    .map(format_day_short)
                    .unwrap_or_default(),
                cites.join(", "),
            ]
        })
        .collect();
    Sheet {
        name: texts.questions.to_string(),
        columns: columns.iter().map(ToString::to_string).collect(),
        rows,
    }
}

fn vote(right: VotingRight, texts: &Texts) -> &'static str {
    match right {
        VotingRight::Yes => texts.yes,
        VotingRight::No => texts.no,
        VotingRight::Unknown => texts.unknown,
    }
}

/// The board members of every organisation, the organisation in the first column.
pub fn members_sheet(dossier: &Dossier, texts: &Texts, language: Language) -> Sheet {
    let columns = [
        texts.organisation,
        texts.name,
        texts.role,
        texts.represents,
        texts.voting_right,
        texts.mandate_start,
        texts.mandate_end,
        texts.status,
    ];
    let rows = each_organisation(dossier, |organisation| {
        organisation
            .board
            .iter()
            .map(|member| {
                vec![
                    organisation.name.clone(),
                    member.name.clone(),
                    role_name(&member.role, texts).to_string(),
                    member.represents.clone().unwrap_or_default(),
                    vote(member.voting_right, texts).to_string(),
                    partial_date(member.mandate_start, language),
                    partial_date(member.mandate_end, language),
                    member_status_name(member.status, texts).to_string(),
                ]
            })
            .collect()
    });
    Sheet {
        name: texts.board_members.to_string(),
        columns: columns.iter().map(ToString::to_string).collect(),
        rows,
    }
}

pub fn partners_sheet(dossier: &Dossier, texts: &Texts, language: Language) -> Sheet {
    let columns = [
        texts.organisation,
        texts.name,
        texts.sector,
        texts.joined,
        texts.note,
    ];
    let rows = each_organisation(dossier, |organisation| {
        organisation
            .partners
            .iter()
            .map(|partner| {
                vec![
                    organisation.name.clone(),
                    partner.full_name(),
                    partner
                        .sector
                        .map(|s| sector_name(s, texts))
                        .unwrap_or_default()
                        .to_string(),
                    partial_date(partner.joined, language),
                    partner.note.clone().unwrap_or_default(),
                ]
            })
            .collect()
    });
    Sheet {
        name: texts.partners.to_string(),
        columns: columns.iter().map(ToString::to_string).collect(),
        rows,
    }
}

fn each_organisation(
    dossier: &Dossier,
    rows: impl Fn(&Organisation) -> Vec<Vec<String>>,
) -> Vec<Vec<String>> {
    dossier.organisations.iter().flat_map(rows).collect()
}

pub fn indicators_sheet(dossier: &Dossier, texts: &Texts, language: Language) -> Sheet {
    let thresholds = dossier.settings.indicator_thresholds;
    let columns = [
        texts.engagement_type,
        texts.output,
        texts.unit,
        texts.target,
        texts.actual,
        texts.measured_on,
        texts.difference,
        texts.achievement,
        texts.status,
    ];
    let rows = dossier
        .indicators
        .iter()
        .map(|indicator| {
            let latest = indicator.latest();
            let achievement = indicator.achievement();
            vec![
                indicator.engagement_type.clone(),
                indicator.output.clone(),
                indicator.unit.clone(),
                indicator.target.map(number).unwrap_or_default(),
                latest.map(|m| number(m.value)).unwrap_or_default(),
                partial_date(latest.map(|m| m.date), language),
                achievement.map(|a| number(a.difference())).unwrap_or_default(),
                achievement
                    .and_then(|a| a.percent())
                    .map(|p| number(p.round_dp(2)))
                    .unwrap_or_default(),
                achievement
                    .map(|a| indicator_status_name(a.status(thresholds), texts))
                    .unwrap_or(texts.not_measured)
                    .to_string(),
            ]
        })
        .collect();
    Sheet {
        name: texts.tab_indicators.to_string(),
        columns: columns.iter().map(ToString::to_string).collect(),
        rows,
    }
}

/// A table of the dossier that can be written as a sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SheetTable {
    /// A budget table, by position.
    Budget(usize),
    Questions,
    Board,
    Partners,
    Indicators,
}

impl SheetTable {
    /// The name on the command line: `1` for the first budget table, `questions`, ….
    pub fn key(self) -> String {
        match self {
            SheetTable::Budget(index) => (index + 1).to_string(),
            SheetTable::Questions => "questions".into(),
            SheetTable::Board => "board".into(),
            SheetTable::Partners => "partners".into(),
            SheetTable::Indicators => "indicators".into(),
        }
    }
}

/// A table as a menu lists it: its name and how many rows it has, without writing it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetEntry {
    pub table: SheetTable,
    pub name: String,
    pub rows: usize,
}

/// Every table of the dossier: the budget tables by number, then the others.
pub fn sheet_list(dossier: &Dossier, texts: &Texts) -> Vec<SheetEntry> {
    let entry = |table, name: &str, rows| SheetEntry {
        table,
        name: name.to_string(),
        rows,
    };
    let mut list: Vec<SheetEntry> = dossier
        .budget_tables
        .iter()
        .enumerate()
        .map(|(index, table)| entry(SheetTable::Budget(index), &table.title, table.rows.len()))
        .collect();
    let organisations = &dossier.organisations;
    list.push(entry(
        SheetTable::Questions,
        texts.questions,
        dossier.questions.len(),
    ));
    list.push(entry(
        SheetTable::Board,
        texts.board_members,
        organisations.iter().map(|o| o.board.len()).sum(),
    ));
    list.push(entry(
        SheetTable::Partners,
        texts.partners,
        organisations.iter().map(|o| o.partners.len()).sum(),
    ));
    list.push(entry(
        SheetTable::Indicators,
        texts.tab_indicators,
        dossier.indicators.len(),
    ));
    list
}

/// One table as a sheet; `None` for a budget table that is not there.
pub fn sheet(dossier: &Dossier, table: SheetTable, language: Language) -> Option<Sheet> {
    let texts = language.texts();
    Some(match table {
        SheetTable::Budget(index) => budget_sheet(dossier.budget_tables.get(index)?),
        SheetTable::Questions => questions_sheet(dossier, texts),
        SheetTable::Board => members_sheet(dossier, texts, language),
        SheetTable::Partners => partners_sheet(dossier, texts, language),
        SheetTable::Indicators => indicators_sheet(dossier, texts, language),
    })
}

/// One table as the text of a CSV or TSV file; `None` for a budget table that is not
/// there. A budget table's cells are written straight into the text.
pub fn sheet_text(
    dossier: &Dossier,
    table: SheetTable,
    language: Language,
    delimiter: Delimiter,
) -> Option<String> {
    match table {
        SheetTable::Budget(index) => {
            let budget = dossier.budget_tables.get(index)?;
            let columns: Vec<String> = budget.columns.iter().map(|c| c.name.clone()).collect();
            let rows = budget.rows.iter().map(|row| row.cells.as_slice());
            Some(delimited_cells(&columns, rows, delimiter))
        }
        other => sheet(dossier, other, language).map(|sheet| sheet.to_text(delimiter)),
    }
}

/// The table the command line names: a budget table by number, id or title, or
/// `questions`, `board`, `partners`, `indicators`. Unknown, the tables there are.
pub fn find_table(dossier: &Dossier, wanted: &str, language: Language) -> Result<SheetEntry, String> {
    let mut list = sheet_list(dossier, language.texts());
    let by_id = dossier
        .budget_tables
        .iter()
        .position(|t| t.id.to_string() == wanted || t.title == wanted)
        .map(SheetTable::Budget);
    let wanted = wanted.to_ascii_lowercase();
    let found = by_id.or_else(|| list.iter().map(|e| e.table).find(|table| table.key() == wanted));
    match found.and_then(|table| list.iter().position(|e| e.table == table)) {
        Some(index) => Ok(list.swap_remove(index)),
        None => Err(list
            .iter()
            .map(|e| format!("{}: {}", e.table.key(), e.name))
            .collect::<Vec<_>>()
            .join("\n")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find_sheet(dossier: &Dossier, wanted: &str, language: Language) -> Result<Sheet, String> {
        let entry = find_table(dossier, wanted, language)?;
        Ok(sheet(dossier, entry.table, language).unwrap())
    }

    #[test]
    fn every_table_of_the_bundled_dossier_as_a_sheet() {
        let dossier = crate::store::bundled().unwrap();
        let list = sheet_list(&dossier, Language::English.texts());
        let keys: Vec<String> = list.iter().map(|e| e.table.key()).collect();
        assert_eq!(
            keys,
            ["1", "2", "3", "questions", "board", "partners", "indicators"]
        );
        for entry in &list {
            let sheet = sheet(&dossier, entry.table, Language::English).unwrap();
            assert_eq!(
                (sheet.name.as_str(), sheet.rows.len()),
                (entry.name.as_str(), entry.rows)
            );
        }
        assert!(sheet(&dossier, SheetTable::Budget(3), Language::English).is_none());
        let board = find_sheet(&dossier, "board", Language::English).unwrap();
        assert_eq!(board.rows.len(), 7);
        let chair = board.rows.iter().find(|r| r[1] == "Jef De Vrij").unwrap();
        assert_eq!(chair[2], "chair");
        assert_eq!(chair[4], "unknown", "an unknown vote is not no");
        let indicators = find_sheet(&dossier, "Indicators", Language::English).unwrap();
        assert_eq!(indicators.rows.len(), 11);
        let workshop = indicators.rows.iter().find(|r| r[3] == "80").unwrap();
        assert_eq!((workshop[4].as_str(), workshop[7].as_str()), ("63", "78,75"));
        assert_eq!(workshop[5], "31/12/2018");
        let amif = find_sheet(
            &dossier,
            "AMIF-projecten, Vlaamse luik van het AMIF-programma 2014-2020",
            Language::English,
        );
        assert_eq!(amif.unwrap().rows.len(), 12, "a budget table found by its title");
        let by_number = find_sheet(&dossier, "2", Language::English).unwrap();
        assert_eq!(by_number.name, "Integratiepact koepelstructuur: betalingen");
        let missing = find_sheet(&dossier, "nope", Language::English).unwrap_err();
        assert!(
            missing.contains("questions: Questions") && missing.contains("1: AMIF"),
            "{missing}"
        );
    }

    #[test]
    fn tsv_and_csv_of_the_same_sheet_differ_only_in_the_separator() {
        let dossier = crate::store::bundled().unwrap();
        let sheet = find_sheet(&dossier, "questions", Language::Dutch).unwrap();
        let csv = sheet.to_text(Delimiter::Semicolon);
        let tsv = sheet.to_text(Delimiter::Tab);
        assert!(
            tsv.starts_with("\u{feff}Nummer\t") || tsv.starts_with("\u{feff}Nr"),
            "{}",
            &tsv[..40]
        );
        assert_eq!(csv.lines().count(), tsv.lines().count());
        assert!(
            tsv.contains("\t271\t") || tsv.contains("271\t26/02/2019\t"),
            "{tsv}"
        );
    }
}
