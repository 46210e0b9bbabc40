//! A broken rule of a dossier as data: where it is ([`Place`]) and what is wrong
//! ([`Rule`]). The model says them in English (`Display`); the window words them in its
//! own language from the same data.

use std::fmt;

use rust_decimal::Decimal;

use super::budget::ColumnKind;
use super::citations::Fact;
use super::question::Question;

/// A question as a message names it: by number, else by title, else by id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuestionName {
    Number(String),
    Title(String),
    Id(u64),
}

impl QuestionName {
    pub fn of(question: &Question) -> QuestionName {
        match (question.short_name(), &question.title) {
            (Some(name), _) => QuestionName::Number(name),
            (None, Some(title)) => QuestionName::Title(title.clone()),
            (None, None) => QuestionName::Id(question.id.0),
        }
    }
}

/// Where in a dossier something is, in the terms of its tabs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    Question(QuestionName),
    AnswerItem(QuestionName, String),
    /// A question's citation of another, by the other's number.
    QuestionCitation(QuestionName, u32),
    Event(String),
    Table(String),
    Column {
        table: String,
        column: String,
    },
    Row {
        table: String,
        row: usize,
    },
    Cell {
        table: String,
        row: usize,
        column: String,
    },
    Computed {
        table: String,
        name: String,
    },
    PrintedTotal(String),
    /// A table's budget, with its label where it has one.
    Budget {
        table: String,
        label: Option<String>,
    },
    Organisation(String),
    /// An organisation without a name.
    OrganisationId(u64),
    Fact {
        organisation: String,
        fact: Fact,
    },
    BoardMember {
        organisation: Option<String>,
        name: String,
    },
    Partner {
        organisation: Option<String>,
        name: String,
    },
    Indicator(String),
    Measurement {
        indicator: String,
        date: String,
    },
    Source(String),
    Settings,
}

/// What kind of item an id belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdOf {
    Question,
    Event,
    Table,
    Column,
    Row,
    Organisation,
    BoardMember,
    Partner,
    Indicator,
    Measurement,
}

/// A rule of a dossier, broken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    DuplicateId {
        of: IdOf,
        id: u64,
        first: Place,
    },
    DuplicateSource(String),
    UnknownQuestion(u64),
    CellCount {
        cells: usize,
        columns: usize,
    },
    WrongKind {
        found: ColumnKind,
        expected: ColumnKind,
    },
    UnknownFootnote(String),
    ComputedIdTaken(u64),
    NotMoneyOperand(u64),
    TotalNotSummed(u64),
    BudgetNotMoney(u64),
    UnknownSource(String),
    SubQuestionUnlabelled,
    SubQuestionTwice(String),
    UnknownSubQuestion(String),
    NoName,
    MemberUnnamed(u64),
    PartnerUnnamed(u64),
    MandateBackwards {
        name: String,
        start: String,
        end: String,
    },
    NoEngagementType(u64),
    TargetBelowZero(String),
    MeasurementBelowZero {
        indicator: String,
        date: String,
    },
    ThresholdsCrossed {
        close: Decimal,
        met: Decimal,
    },
    BeyondBounds,
}

impl fmt::Display for QuestionName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QuestionName::Number(number) => write!(f, "question {number}"),
            QuestionName::Title(title) => write!(f, "question \"{title}\""),
            QuestionName::Id(id) => write!(f, "question with id {id}"),
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Question(question) => write!(f, "{question}"),
            Place::AnswerItem(question, label) => write!(f, "{question}, answer item \"{label}\""),
            Place::QuestionCitation(question, number) => write!(f, "{question}, citation of {number}"),
            Place::Event(title) => write!(f, "event \"{title}\""),
            Place::Table(table) => write!(f, "budget table \"{table}\""),
            Place::Column { table, column } => write!(f, "budget table \"{table}\", column \"{column}\""),
            Place::Row { table, row } => write!(f, "budget table \"{table}\", row {row}"),
            Place::Cell { table, row, column } => {
                write!(f, "budget table \"{table}\", row {row}, column \"{column}\"")
            }
            Place::Computed { table, name } => {
                write!(f, "budget table \"{table}\", computed column \"{name}\"")
            }
            Place::PrintedTotal(table) => write!(f, "budget table \"{table}\", printed total"),
            Place::Budget {
                table,
                label: Some(label),
            } => write!(f, "budget table \"{table}\", budget \"{label}\""),
            Place::Budget { table, label: None } => write!(f, "budget table \"{table}\", budget"),
            Place::Organisation(name) => write!(f, "organisation \"{name}\""),
            Place::OrganisationId(id) => write!(f, "organisation with id {id}"),
            Place::Fact { organisation, fact } => {
                write!(f, "organisation \"{organisation}\", {}", fact.name())
            }
            Place::BoardMember {
                organisation: Some(organisation),
                name,
            } => write!(f, "organisation \"{organisation}\", board member {name}"),
            Place::BoardMember {
                organisation: None,
                name,
            } => write!(f, "board member {name}"),
            Place::Partner {
                organisation: Some(organisation),
                name,
            } => write!(f, "organisation \"{organisation}\", partner {name}"),
            Place::Partner {
                organisation: None,
                name,
            } => write!(f, "partner {name}"),
            Place::Indicator(name) => write!(f, "indicator \"{name}\""),
            Place::Measurement { indicator, date } => {
                write!(f, "indicator \"{indicator}\", measurement of {date}")
            }
            Place::Source(file) => write!(f, "source \"{file}\""),
            Place::Settings => f.write_str("settings"),
        }
    }
}

impl IdOf {
    pub fn name(self) -> &'static str {
        match self {
            IdOf::Question => "question",
            IdOf::Event => "event",
            IdOf::Table => "table",
            IdOf::Column => "column",
            IdOf::Row => "row",
            IdOf::Organisation => "organisation",
            IdOf::BoardMember => "board member",
            IdOf::Partner => "partner",
            IdOf::Indicator => "indicator",
            IdOf::Measurement => "measurement",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::DuplicateId { of, id, first } => {
                write!(f, "has {} id {id}, which {first} has already", of.name())
            }
            Rule::DuplicateSource(id) => write!(f, "has the id \"{id}\", which another source has already"),
            Rule::UnknownQuestion(id) => write!(f, "refers to question id {id}, which is not in the dossier"),
            Rule::CellCount { cells, columns } => {
                write!(f, "has {cells} cells, but the table has {columns} columns")
            }
            Rule::WrongKind { found, expected } => write!(
                f,
                "holds a {} value, but the column holds {}",
                kind_name(*found),
                kind_name(*expected)
            ),
            Rule::UnknownFootnote(mark) => {
                write!(
                    f,
                    "has footnote mark \"{mark}\", but the table has no such footnote"
                )
            }
            Rule::ComputedIdTaken(id) => write!(f, "has column id {id}, which a column has already"),
            Rule::NotMoneyOperand(id) => {
                write!(
                    f,
                    "works from column id {id}, which is not a money column of the table"
                )
            }
            Rule::TotalNotSummed(id) => write!(
                f,
                "belongs to column id {id}, which is not a money or whole-number column of the table"
            ),
            Rule::BudgetNotMoney(id) => {
                write!(
                    f,
                    "is drawn by column id {id}, which is not a money column of the table"
                )
            }
            Rule::UnknownSource(id) => {
                write!(
                    f,
                    "cites source \"{id}\", which is not among the dossier's sources"
                )
            }
            Rule::SubQuestionUnlabelled => f.write_str("has a sub-question without a label"),
            Rule::SubQuestionTwice(label) => write!(f, "has two sub-questions labelled \"{label}\""),
            Rule::UnknownSubQuestion(label) => {
                write!(
                    f,
                    "answers sub-question \"{label}\", which the question does not have"
                )
            }
            Rule::NoName => f.write_str("has no name"),
            Rule::MemberUnnamed(id) => write!(f, "has a board member without a name (id {id})"),
            Rule::PartnerUnnamed(id) => write!(f, "has a partner without a name (id {id})"),
            Rule::MandateBackwards { name, start, end } => {
                write!(f, "the mandate of {name} ends ({end}) before it starts ({start})")
            }
            Rule::NoEngagementType(id) => write!(f, "the indicator with id {id} has no engagement type"),
            Rule::TargetBelowZero(name) => write!(f, "the target of \"{name}\" is below zero"),
            Rule::MeasurementBelowZero { indicator, date } => {
                write!(
                    f,
                    "the value measured for \"{indicator}\" on {date} is below zero"
                )
            }
            Rule::ThresholdsCrossed { close, met } => write!(
                f,
                "the \"close\" threshold ({close}) is above the \"met\" threshold ({met})"
            ),
            Rule::BeyondBounds => write!(
                f,
                "holds a figure beyond {} either side of zero, the most a dossier holds",
                super::rules::MAGNITUDE_LIMIT_TEXT
            ),
        }
    }
}

/// A column's kind as a message names it.
fn kind_name(kind: ColumnKind) -> &'static str {
    match kind {
        ColumnKind::Text => "text",
        ColumnKind::Money => "money",
        ColumnKind::Integer => "whole number",
        ColumnKind::Date => "date",
        ColumnKind::Percent => "percentage",
    }
}
