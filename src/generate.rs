//! A large dossier for measuring: thousands of questions with sub-questions and long
//! answers, a budget table of a hundred thousand rows, a board of a thousand members and
//! thousands of indicators, all made up (and said to be so) but shaped like the real
//! thing: Dutch names with diacritics, amounts across the whole range, partial dates,
//! flagged cells and footnotes, references between questions. The same seed gives the
//! same dossier.

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::model::Dossier;
use crate::model::board::{BoardMember, BoardRole, MemberStatus, Organisation, Partner, Sector, VotingRight};
use crate::model::budget::{
    BudgetTable, Cell, CellNotes, CellValue, Column, ColumnKind, Footnote, ReportedTotal, Row,
};
use crate::model::calendar::{PartialDate, Season, When, add_days};
use crate::model::dossier::{
    ColumnId, EventId, IndicatorId, MeasurementId, MemberId, OrganisationId, PartnerId, QuestionId, RowId,
    TableId,
};
use crate::model::event::{Event, EventKind};
use crate::model::indicator::{Indicator, Measurement};
use crate::model::money::Money;
use crate::model::question::{
    Answer, AnswerPart, Minister, Question, QuestionReference, SubQuestion, SubQuestionRole,
};
use crate::model::source::Sourced;

/// How much to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sizes {
    pub questions: usize,
    pub budget_rows: usize,
    pub members: usize,
    pub indicators: usize,
}

impl Default for Sizes {
    fn default() -> Sizes {
        Sizes {
            questions: 20_000,
            budget_rows: 100_000,
            members: 1_000,
            indicators: 10_000,
        }
    }
}

/// SplitMix64: small, fast, and the same everywhere.
#[derive(Debug, Clone)]
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }

    fn index(&mut self, length: usize) -> usize {
        (self.next() % length.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.index(items.len())]
    }

    /// True with a chance of `percent` in a hundred.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const FIRST_NAMES: [&str; 24] = [
    "Yasmine", "Hüseyin", "Chloë", "Ömer", "Inès", "Jef", "Maaike", "Björn", "Zoë", "Fatma", "Noël",
    "Gülsen", "Elif", "Anaïs", "Søren", "Lotte", "Mehmet", "Renée", "Ahmed", "Joëlle", "İlker", "Çağla",
    "Bart", "Liesbeth",
];
const LAST_NAMES: [&str; 24] = [
    "Kherbache",
    "Aydınlı",
    "Vandenbroucke",
    "Özdemir",
    "Dupré",
    "De Vrij",
    "Devreese",
    "Van Hoecké",
    "Çelik",
    "Peeters",
    "Janssens",
    "Maes",
    "Yılmaz",
    "Desmet",
    "De Smedt",
    "Claeys",
    "Wouters",
    "Goossens",
    "Mertens",
    "Dubois",
    "Öztürk",
    "Lambrechts",
    "Somers",
    "Homans",
];
const MINISTERS: [(&str, &str); 4] = [
    (
        "Liesbeth Homans",
        "VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN BINNENLANDS BESTUUR, INBURGERING, WONEN, GELIJKE KANSEN EN ARMOEDEBESTRIJDING",
    ),
    (
        "Bart Somers",
        "VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN BINNENLANDS BESTUUR, BESTUURSZAKEN, INBURGERING EN GELIJKE KANSEN",
    ),
    (
        "Gwendolyn Rutten",
        "VLAAMS MINISTER VAN BINNENLANDS BESTUUR, BESTUURSZAKEN, INBURGERING EN GELIJKE KANSEN",
    ),
    (
        "Hilde Crevits",
        "VLAAMS MINISTER VAN WELZIJN, VOLKSGEZONDHEID EN GEZIN",
    ),
];
const SUBJECTS: [&str; 16] = [
    "Integratiepact",
    "Inburgering",
    "Gelijke kansen",
    "AMIF-fondsen",
    "Maatschappelijke oriëntatie",
    "Taalbeleid",
    "Discriminatie op de arbeidsmarkt",
    "Vluchtelingenopvang",
    "Diversiteitsplan",
    "Horizontaal integratiebeleid",
    "Lokale besturen",
    "Onderwijs aan nieuwkomers",
    "Huisvesting",
    "Armoedebestrijding",
    "Vrijwilligerswerk",
    "Mensenrechteninstituut",
];
const ASPECTS: [&str; 10] = [
    "Stand van zaken",
    "Evaluatie",
    "Budget",
    "Cijfers",
    "Opvolging",
    "Timing",
    "Resultaten",
    "Samenwerking",
    "Bijsturing",
    "Toekomst",
];
const WORDS: [&str; 64] = [
    "de",
    "het",
    "een",
    "minister",
    "vzw",
    "integratiepact",
    "projecten",
    "middelen",
    "beleid",
    "organisaties",
    "evaluatie",
    "rapportering",
    "budget",
    "actoren",
    "samenleving",
    "discriminatie",
    "racisme",
    "respect",
    "wederzijds",
    "overheid",
    "lokale",
    "besturen",
    "werd",
    "worden",
    "zal",
    "kan",
    "voor",
    "van",
    "in",
    "op",
    "met",
    "over",
    "naar",
    "dat",
    "deze",
    "die",
    "ook",
    "nog",
    "reeds",
    "verder",
    "concrete",
    "acties",
    "doelstellingen",
    "inburgering",
    "oriëntatie",
    "Nederlands",
    "cursus",
    "agentschap",
    "commissie",
    "Vlaamse",
    "Regering",
    "begroting",
    "kredieten",
    "subsidie",
    "oproep",
    "uitgevoerd",
    "opgevolgd",
    "geëvalueerd",
    "bijgestuurd",
    "gefinancierd",
    "jaarlijks",
    "structureel",
    "tijdelijk",
    "ondersteuning",
];
const ORGANISATIONS: [&str; 20] = [
    "Internationaal Comité",
    "Turkse Unie van België",
    "ACLI-Vlaanderen",
    "FAAB",
    "UTV",
    "AIF+",
    "PAJ",
    "Minderhedenforum",
    "Vluchtelingenwerk Vlaanderen",
    "Orbit vzw",
    "Kif Kif",
    "Ella vzw",
    "Federatie van Marokkaanse Verenigingen",
    "Unie van Turkse Verenigingen",
    "Caritas Vlaanderen",
    "Agentschap Integratie en Inburgering",
    "Atlas Antwerpen",
    "In-Gent",
    "Welzijnsschakels",
    "Samenlevingsopbouw",
];

fn name(random: &mut Random) -> String {
    format!("{} {}", random.pick(&FIRST_NAMES), random.pick(&LAST_NAMES))
}

/// Prose of `low` to `high` words.
fn prose_between(random: &mut Random, low: u64, high: u64) -> String {
    let words = random.between(low, high) as usize;
    prose(random, words)
}

/// About `words` words of prose, in sentences.
fn prose(random: &mut Random, words: usize) -> String {
    let mut out = String::with_capacity(words * 8);
    let mut in_sentence = 0;
    for index in 0..words {
        let word = random.pick(&WORDS);
        if in_sentence == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(word);
        }
        in_sentence += 1;
        let last = index + 1 == words;
        if last || (in_sentence > 6 && random.chance(12)) {
            out.push(if random.chance(15) { '?' } else { '.' });
            in_sentence = 0;
            if !last {
                out.push(if random.chance(20) { '\n' } else { ' ' });
            }
        }
    }
    out
}

fn day_between(random: &mut Random, from: Date, days: u64) -> Date {
    add_days(from, random.between(0, days) as i64).unwrap_or(from)
}

/// A date at any precision: mostly a day, sometimes a month, a season or a year.
fn partial(random: &mut Random, date: Date) -> PartialDate {
    match random.between(0, 9) {
        0..=5 => PartialDate::Day(date),
        6 | 7 => PartialDate::Month {
            year: date.year(),
            month: date.month(),
        },
        8 => PartialDate::Season {
            year: date.year(),
            season: [Season::Spring, Season::Summer, Season::Autumn, Season::Winter][random.index(4)],
        },
        _ => PartialDate::Year(date.year()),
    }
}

/// An amount from one cent to some ninety million euro, spread over the orders of size.
fn amount(random: &mut Random) -> Money {
    let digits = random.between(0, 8) as u32;
    let whole = random.between(0, 10_u64.pow(digits));
    let cents = random.between(0, 99);
    Money::new(Decimal::new((whole * 100 + cents) as i64, 2)).unwrap_or(Money::ZERO)
}

struct Ids(u64);

impl Ids {
    fn next(&mut self) -> u64 {
        let id = self.0;
        self.0 += 1;
        id
    }
}

/// Makes a dossier of `sizes`, the same for the same `seed`.
pub fn generate(sizes: Sizes, seed: u64) -> Dossier {
    let mut random = Random(seed);
    let mut ids = Ids(1);
    let mut dossier = Dossier::new(&format!("Gegenereerd dossier (zaad {seed})"));
    dossier.description = format!(
        "Verzonnen om te meten: {} vragen, {} begrotingsrijen, {} bestuursleden, {} indicatoren. Geen enkel cijfer is echt.",
        sizes.questions, sizes.budget_rows, sizes.members, sizes.indicators
    );
    dossier.questions = questions(&mut random, &mut ids, sizes.questions);
    dossier.events = events(&mut random, &mut ids, &dossier.questions);
    dossier.budget_tables = vec![budget(&mut random, &mut ids, sizes.budget_rows)];
    dossier.organisations = vec![organisation(&mut random, &mut ids, sizes.members)];
    dossier.indicators = indicators(&mut random, &mut ids, sizes.indicators);
    dossier.next_id = ids.0;
    dossier
}

fn questions(random: &mut Random, ids: &mut Ids, count: usize) -> Vec<Question> {
    let start = Date::constant(2014, 1, 1);
    let span = 9 * 365;
    let mut out: Vec<Question> = Vec::with_capacity(count);
    for index in 0..count {
        // Asked in order of number, over nine years.
        let offset = (index as u64 * span) / count.max(1) as u64;
        let asked = add_days(start, offset as i64 + random.between(0, 3) as i64).unwrap_or(start);
        let (minister, title) = MINISTERS[random.index(MINISTERS.len())];
        let minister = Minister {
            name: minister.to_string(),
            title: Some(title.to_string()),
        };
        let numbers = random.between(3, 12) as usize;
        let mut subs = Vec::new();
        let mut parts = Vec::new();
        let mut number = 1;
        while subs.len() < numbers {
            // A lettered group (an introduction and a, b, c) only where it fits the count.
            let lettered = random.chance(20) && subs.len() + 4 <= numbers;
            if lettered {
                subs.push(SubQuestion {
                    label: number.to_string(),
                    text: prose(random, 25),
                    role: SubQuestionRole::Introduces,
                    status: None,
                });
                for letter in ['a', 'b', 'c'] {
                    let label = format!("{number}.{letter}");
                    subs.push(SubQuestion {
                        label: label.clone(),
                        text: prose(random, 30),
                        role: SubQuestionRole::Asks,
                        status: None,
                    });
                    parts.push(AnswerPart {
                        printed_label: format!("{letter})"),
                        covers: vec![label],
                        text: prose_between(random, 20, 70),
                    });
                }
            } else {
                subs.push(SubQuestion {
                    label: number.to_string(),
                    text: prose_between(random, 20, 60),
                    role: SubQuestionRole::Asks,
                    status: None,
                });
                parts.push(AnswerPart {
                    printed_label: format!("{number}."),
                    covers: vec![number.to_string()],
                    text: prose_between(random, 20, 80),
                });
            }
            number += 1;
        }
        let answered = random.chance(85);
        let answer = answered.then(|| Answer {
            date: random.chance(70).then(|| day_between(random, asked, 60)),
            minister: Some(minister.clone()),
            parts,
            attachments: if random.chance(5) {
                vec!["Bijlage 1".to_string()]
            } else {
                Vec::new()
            },
        });
        // References to earlier questions.
        let mut references = Vec::new();
        if index > 0 && random.chance(20) {
            let cited: &Question = &out[random.index(index)];
            if let Some(number) = cited.number {
                references.push(QuestionReference {
                    number,
                    date: cited.date,
                    source: None,
                });
            }
        }
        let subject = random.pick(&SUBJECTS);
        let aspect = random.pick(&ASPECTS);
        out.push(Question {
            id: QuestionId(ids.next()),
            number: Some(index as u32 + 1),
            date: Some(asked),
            questioner: Some(name(random)),
            minister: Some(minister),
            title: Some(format!("{subject} - {aspect}")),
            coverage: Default::default(),
            preamble: prose_between(random, 40, 140),
            sub_questions: subs,
            answer,
            references,
            note: None,
            source: None,
        });
    }
    out
}

fn events(random: &mut Random, ids: &mut Ids, questions: &[Question]) -> Vec<Event> {
    let count = questions.len() / 4;
    let kinds = [
        EventKind::Happened,
        EventKind::Planned,
        EventKind::Deadline,
        EventKind::Promise,
    ];
    (0..count)
        .map(|_| {
            let question = &questions[random.index(questions.len())];
            let base = question.date.unwrap_or(Date::constant(2018, 1, 1));
            let from = day_between(random, base, 400);
            let when = if random.chance(10) {
                let to = day_between(random, from, 700);
                When::Period {
                    from: PartialDate::Day(from),
                    to: PartialDate::Day(to),
                }
            } else {
                When::On(partial(random, from))
            };
            Event {
                id: EventId(ids.next()),
                kind: kinds[random.index(kinds.len())],
                when,
                printed: when.to_string(),
                title: prose(random, 8).trim_end_matches(['.', '?']).to_string(),
                question: Some(question.id),
                note: None,
                sources: Vec::new(),
            }
        })
        .collect()
}

fn budget(random: &mut Random, ids: &mut Ids, rows: usize) -> BudgetTable {
    let table = TableId(ids.next());
    let names: [(&str, ColumnKind); 6] = [
        ("Oproep", ColumnKind::Text),
        ("Project", ColumnKind::Text),
        ("AMIF-middelen in euro", ColumnKind::Money),
        ("Vlaamse cofinanciering in euro", ColumnKind::Money),
        ("Start", ColumnKind::Date),
        ("Deelnemers", ColumnKind::Integer),
    ];
    let columns: Vec<Column> = names
        .iter()
        .map(|(name, kind)| Column {
            id: ColumnId(ids.next()),
            name: (*name).to_string(),
            kind: *kind,
        })
        .collect();
    let mut amif_total = Money::ZERO;
    let table_rows: Vec<Row> = (0..rows)
        .map(|_| {
            let amif = amount(random);
            amif_total = amif_total.checked_add(amif).unwrap_or(amif_total);
            let cofinancing = if random.chance(3) {
                // Unknown, not zero.
                Cell::default()
            } else if random.chance(1) {
                // A garbled amount, kept as printed with its reading.
                let read = amount(random);
                let printed = read.to_belgian().replace(',', "?");
                let flag = Some(format!("printed as '{printed}': read as {}", read.to_belgian()));
                let notes = CellNotes {
                    printed: Some(printed),
                    flag,
                    footnote: None,
                };
                Cell::with_notes(Some(CellValue::Money(read)), notes)
            } else {
                let mut cell = Cell::new(CellValue::Money(amount(random)));
                if random.chance(2) {
                    cell.change_notes(|notes| notes.footnote = Some("*".into()));
                }
                cell
            };
            let start = day_between(random, Date::constant(2014, 1, 1), 3000);
            Row {
                id: RowId(ids.next()),
                cells: vec![
                    Cell::new(CellValue::Text(random.between(300, 999).to_string())),
                    Cell::new(CellValue::Text(format!(
                        "{} {}",
                        random.pick(&SUBJECTS),
                        random.pick(&ORGANISATIONS)
                    ))),
                    Cell::new(CellValue::Money(amif)),
                    cofinancing,
                    Cell::new(CellValue::Date(start)),
                    Cell::new(CellValue::Integer(random.between(0, 5000) as i64)),
                ],
                source: None,
            }
        })
        .collect();
    BudgetTable {
        id: table,
        title: "Gegenereerde projecten".into(),
        description: "Verzonnen bedragen om te meten.".into(),
        reported_totals: vec![ReportedTotal {
            column: columns[2].id,
            amount: amif_total,
            source: None,
        }],
        columns,
        rows: table_rows,
        footnotes: vec![Footnote {
            mark: "*".into(),
            text: "cofinanciering door de projecten zelf".into(),
        }],
        envelope: None,
        computed: Vec::new(),
        source: None,
    }
}

fn organisation(random: &mut Random, ids: &mut Ids, members: usize) -> Organisation {
    let id = OrganisationId(ids.next());
    let statuses = [
        MemberStatus::Active,
        MemberStatus::Active,
        MemberStatus::Outgoing,
        MemberStatus::Former,
    ];
    let rights = [VotingRight::Yes, VotingRight::No, VotingRight::Unknown];
    let board = (0..members)
        .map(|index| {
            let role = match index {
                0 => BoardRole::Chair,
                1 => BoardRole::Secretary,
                2 => BoardRole::Treasurer,
                _ => BoardRole::Member,
            };
            let status = statuses[random.index(statuses.len())];
            let start = random.chance(70).then(|| {
                let day = day_between(random, Date::constant(2017, 1, 31), 2000);
                partial(random, day)
            });
            let end = (status == MemberStatus::Former && random.chance(60)).then(|| {
                let from = start.map_or(Date::constant(2020, 1, 1), |s| s.last_day());
                PartialDate::Day(day_between(random, from, 900))
            });
            BoardMember {
                id: MemberId(ids.next()),
                name: name(random),
                role,
                represents: random.chance(90).then(|| random.pick(&ORGANISATIONS).to_string()),
                voting_right: rights[random.index(rights.len())],
                mandate_start: start,
                mandate_end: end,
                status,
                source: None,
            }
        })
        .collect();
    let sectors = [
        Sector::TradeUnion,
        Sector::Education,
        Sector::Employers,
        Sector::LocalGovernment,
        Sector::Other,
    ];
    let partners = (0..members / 10)
        .map(|_| Partner {
            id: PartnerId(ids.next()),
            name: format!("{} {}", random.pick(&ORGANISATIONS), random.between(1, 999)),
            abbreviation: None,
            sector: random.chance(80).then(|| sectors[random.index(sectors.len())]),
            joined: random.chance(50).then(|| {
                let day = day_between(random, Date::constant(2017, 1, 1), 2500);
                partial(random, day)
            }),
            note: None,
            source: None,
        })
        .collect();
    Organisation {
        board,
        partners,
        founded: Some(Sourced {
            value: PartialDate::Day(Date::constant(2017, 1, 31)),
            source: None,
        }),
        decision_rule: Some(Sourced {
            value: "De beslissingen worden genomen bij een eenvoudige meerderheid van stemmen van de aanwezige leden."
                .into(),
            source: None,
        }),
        ..Organisation::new(id, "Gegenereerde vzw")
    }
}

fn indicators(random: &mut Random, ids: &mut Ids, count: usize) -> Vec<Indicator> {
    (0..count)
        .map(|index| {
            let id = IndicatorId(ids.next());
            let measurements = (0..random.between(1, 4))
                .map(|step| Measurement {
                    id: MeasurementId(ids.next()),
                    date: PartialDate::Day(Date::constant(2018 + step as i16, 12, 31)),
                    value: Decimal::from(random.between(0, 500)),
                    source: None,
                })
                .collect();
            Indicator {
                output: prose(random, 5).trim_end_matches(['.', '?']).to_string(),
                unit: "actoren".into(),
                target: Some(Decimal::from(random.between(0, 400))),
                measurements,
                ..Indicator::new(id, &format!("{} {}", random.pick(&SUBJECTS), index + 1))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_generated_dossier_is_valid_and_the_same_for_the_same_seed() {
        let sizes = Sizes {
            questions: 200,
            budget_rows: 1000,
            members: 50,
            indicators: 100,
        };
        let dossier = generate(sizes, 7);
        assert!(dossier.validate().is_ok(), "{:?}", dossier.validate().err());
        assert_eq!(dossier.questions.len(), 200);
        assert_eq!(dossier.budget_tables[0].rows.len(), 1000);
        assert_eq!(dossier.organisations[0].board.len(), 50);
        assert_eq!(dossier.indicators.len(), 100);
        assert!(
            dossier
                .questions
                .iter()
                .all(|q| (3..=12).contains(&q.sub_questions.len()))
        );
        assert!(dossier.questions.iter().any(|q| !q.references.is_empty()));
        assert_eq!(generate(sizes, 7), dossier);
        assert_ne!(generate(sizes, 8), dossier);
        // Its reported total is the sum of its rows, exactly.
        let table = &dossier.budget_tables[0];
        let total = Money::sum(table.rows.iter().filter_map(|r| r.cells[2].money())).unwrap();
        assert_eq!(table.reported_totals[0].amount, total);
    }
}
