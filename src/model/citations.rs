//! Every citation of a source in a dossier, walked without building anything: a place is
//! put into words only for the citations that need it (a million budget rows with a
//! source each would otherwise make a million strings on every load).

use super::breaks::{Place, QuestionName};
use super::dossier::Dossier;
use super::rules::{Location, location};
use super::source::SourceRef;

/// A fact of an organisation that carries a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    Founded,
    Staff,
    Purpose,
    DecisionRule,
    BoardSelection,
}

impl Fact {
    const ALL: [Fact; 5] = [
        Fact::Founded,
        Fact::Staff,
        Fact::Purpose,
        Fact::DecisionRule,
        Fact::BoardSelection,
    ];

    /// How a message names it.
    pub fn name(self) -> &'static str {
        match self {
            Fact::Founded => "founding date",
            Fact::Staff => "staff",
            Fact::Purpose => "purpose",
            Fact::DecisionRule => "decision rule",
            Fact::BoardSelection => "board selection",
        }
    }

    /// Its key in the file.
    fn key(self) -> &'static str {
        match self {
            Fact::Founded => "founded",
            Fact::Staff => "staff",
            Fact::Purpose => "purpose",
            Fact::DecisionRule => "decision_rule",
            Fact::BoardSelection => "board_selection",
        }
    }
}

/// Where a citation stands, by position in the dossier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cited {
    Question(usize),
    /// A question's citation of another question.
    QuestionReference(usize, usize),
    Event(usize, usize),
    Table(usize),
    Budget(usize),
    Row(usize, usize),
    PrintedTotal(usize, usize),
    Fact(usize, Fact),
    Member(usize, usize),
    Partner(usize, usize),
    Indicator(usize),
    Measurement(usize, usize),
}

/// A citation of a source, with where it is in words and in the file.
#[derive(Debug)]
pub struct Citation<'a> {
    pub place: Place,
    pub at: Location,
    pub reference: &'a SourceRef,
}

impl Dossier {
    /// Calls `visit` with each citation of a source and where it stands.
    pub fn for_each_citation<'a>(&'a self, mut visit: impl FnMut(Cited, &'a SourceRef)) {
        let mut cite = |cited: Cited, reference: Option<&'a SourceRef>| {
            if let Some(reference) = reference {
                visit(cited, reference);
            }
        };
        for (q, question) in self.questions.iter().enumerate() {
            cite(Cited::Question(q), question.source.as_ref());
            for (k, reference) in question.references.iter().enumerate() {
                cite(Cited::QuestionReference(q, k), reference.source.as_ref());
            }
        }
        for (e, event) in self.events.iter().enumerate() {
            for (k, reference) in event.sources.iter().enumerate() {
                cite(Cited::Event(e, k), Some(reference));
            }
        }
        for (t, table) in self.budget_tables.iter().enumerate() {
            cite(Cited::Table(t), table.source.as_ref());
            let envelope = table
                .envelope
                .as_ref()
                .and_then(|envelope| envelope.source.as_ref());
            cite(Cited::Budget(t), envelope);
            for (r, row) in table.rows.iter().enumerate() {
                cite(Cited::Row(t, r), row.source.as_ref());
            }
            for (k, total) in table.reported_totals.iter().enumerate() {
                cite(Cited::PrintedTotal(t, k), total.source.as_ref());
            }
        }
        for (o, organisation) in self.organisations.iter().enumerate() {
            let sources = [
                organisation.founded.as_ref().and_then(|f| f.source.as_ref()),
                organisation.staff.as_ref().and_then(|f| f.source.as_ref()),
                organisation.purpose.as_ref().and_then(|f| f.source.as_ref()),
                organisation
                    .decision_rule
                    .as_ref()
                    .and_then(|f| f.source.as_ref()),
                organisation
                    .board_selection
                    .as_ref()
                    .and_then(|f| f.source.as_ref()),
            ];
            for (fact, source) in Fact::ALL.into_iter().zip(sources) {
                cite(Cited::Fact(o, fact), source);
            }
            for (m, member) in organisation.board.iter().enumerate() {
                cite(Cited::Member(o, m), member.source.as_ref());
            }
            for (p, partner) in organisation.partners.iter().enumerate() {
                cite(Cited::Partner(o, p), partner.source.as_ref());
            }
        }
        for (x, indicator) in self.indicators.iter().enumerate() {
            cite(Cited::Indicator(x), indicator.source.as_ref());
            for (m, measurement) in indicator.measurements.iter().enumerate() {
                cite(Cited::Measurement(x, m), measurement.source.as_ref());
            }
        }
    }

    /// Every citation of a source, with where it is in words and in the file.
    pub fn citations(&self) -> Vec<Citation<'_>> {
        let mut found = Vec::new();
        self.for_each_citation(|cited, reference| {
            let (place, at) = cited.describe(self);
            found.push(Citation { place, at, reference });
        });
        found
    }
}

impl Cited {
    /// Where the citation is, in words and in the file.
    pub fn describe(self, dossier: &Dossier) -> (Place, Location) {
        let table = |t: usize| dossier.budget_tables[t].title.clone();
        let organisation = |o: usize| dossier.organisations[o].name.clone();
        let indicator = |x: usize| dossier.indicators[x].engagement_type.clone();
        let question = |q: usize| QuestionName::of(&dossier.questions[q]);
        match self {
            Cited::Question(q) => (Place::Question(question(q)), location!["questions", q, "source"]),
            Cited::QuestionReference(q, k) => (
                Place::QuestionCitation(question(q), dossier.questions[q].references[k].number),
                location!["questions", q, "references", k, "source"],
            ),
            Cited::Event(e, k) => (
                Place::Event(dossier.events[e].title.clone()),
                location!["events", e, "sources", k],
            ),
            Cited::Table(t) => (Place::Table(table(t)), location!["budget_tables", t, "source"]),
            Cited::Budget(t) => (
                Place::Budget {
                    table: table(t),
                    label: None,
                },
                location!["budget_tables", t, "envelope", "source"],
            ),
            Cited::Row(t, r) => (
                Place::Row {
                    table: table(t),
                    row: r + 1,
                },
                location!["budget_tables", t, "rows", r, "source"],
            ),
            Cited::PrintedTotal(t, k) => (
                Place::PrintedTotal(table(t)),
                location!["budget_tables", t, "reported_totals", k, "source"],
            ),
            Cited::Fact(o, fact) => (
                Place::Fact {
                    organisation: organisation(o),
                    fact,
                },
                location!["organisations", o, fact.key(), "source"],
            ),
            Cited::Member(o, m) => (
                Place::BoardMember {
                    organisation: Some(organisation(o)),
                    name: dossier.organisations[o].board[m].name.clone(),
                },
                location!["organisations", o, "board", m, "source"],
            ),
            Cited::Partner(o, p) => (
                Place::Partner {
                    organisation: Some(organisation(o)),
                    name: dossier.organisations[o].partners[p].name.clone(),
                },
                location!["organisations", o, "partners", p, "source"],
            ),
            Cited::Indicator(x) => (
                Place::Indicator(indicator(x)),
                location!["indicators", x, "source"],
            ),
            Cited::Measurement(x, m) => (
                Place::Measurement {
                    indicator: indicator(x),
                    date: dossier.indicators[x].measurements[m].date.to_string(),
                },
                location!["indicators", x, "measurements", m, "source"],
            ),
        }
    }
}
