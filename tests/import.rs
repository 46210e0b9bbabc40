//! The reader of written questions on all five seeds, on texts written to spring its
//! traps, on arbitrary text, and joining a dossier.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;

use common::bundled;
use dossier_workbench::import::apply::{ImportError, Plan, TableUse};
use dossier_workbench::import::tables::DetectedTable;
use dossier_workbench::import::{Imported, WarningKind, written_question};
use dossier_workbench::model::Dossier;
use dossier_workbench::model::budget::Cell;
use dossier_workbench::model::calendar::{PartialDate, When};
use dossier_workbench::model::edit::History;
use dossier_workbench::model::event::EventKind;
use dossier_workbench::model::money::Money;
use dossier_workbench::model::question::{Question, SubQuestionRole};
use proptest::prelude::*;

const SEEDS: [&str; 5] = [
    include_str!("seeds/000_4a4b447d3db40b5e.txt"),
    include_str!("seeds/001_e45aa016ed95fad6.txt"),
    include_str!("seeds/002_b47daf4304a6e691.txt"),
    include_str!("seeds/003_cd4b2ffb8ebaeb54.txt"),
    include_str!("seeds/004_6bd10996cadfd38e.txt"),
];

const CORPUS: [&str; 4] = [
    include_str!("corpus/01_grants_bullets.txt"),
    include_str!("corpus/02_projects_per_year.txt"),
    include_str!("corpus/03_million_euro.txt"),
    include_str!("corpus/04_targets_and_prose.txt"),
];

fn seed(index: usize) -> Imported {
    written_question(SEEDS[index])
}

fn labels(question: &Question) -> Vec<&str> {
    question.sub_questions.iter().map(|s| s.label.as_str()).collect()
}

/// Each answer item as `printed label → covered labels`.
fn answer_map(question: &Question) -> Vec<String> {
    question
        .answer
        .as_ref()
        .unwrap()
        .parts
        .iter()
        .map(|p| format!("{} → {}", p.printed_label, p.covers.join(",")))
        .collect()
}

fn has_warning(imported: &Imported, kind: WarningKind, words: &str) -> bool {
    imported
        .warnings
        .iter()
        .any(|w| w.kind == kind && w.message.contains(words))
}

fn day(text: &str) -> Option<jiff::civil::Date> {
    Some(text.parse().unwrap())
}

#[test]
fn seed_000_has_its_full_header_and_answers_1_a_to_c_at_once() {
    let imported = seed(0);
    let q = &imported.question;
    assert_eq!(q.number, Some(271));
    assert_eq!(q.date, day("2019-02-26"));
    assert_eq!(q.questioner.as_deref(), Some("Yasmine Kherbache"));
    let minister = q.minister.as_ref().unwrap();
    assert_eq!(minister.name, "Liesbeth Homans");
    assert!(
        minister
            .title
            .as_deref()
            .unwrap()
            .ends_with("GELIJKE KANSEN EN ARMOEDEBESTRIJDING")
    );
    assert_eq!(
        q.title.as_deref(),
        Some("Integratiepact - Inhoudelijke en financiële evaluatie")
    );
    assert!(
        q.preamble
            .starts_with("Tijdens de bespreking van de beleidsbrief")
    );
    assert_eq!(labels(q), ["1", "1.a", "1.b", "1.c", "2", "3", "4", "5"]);
    assert_eq!(q.sub_questions[0].role, SubQuestionRole::Introduces);
    assert_eq!(
        answer_map(q),
        [
            "1. a-c) → 1.a,1.b,1.c",
            "b) → 1.b",
            "2. → 2",
            "3. → 3",
            "4. → 4",
            "5. → 5"
        ]
    );
    let answer = q.answer.as_ref().unwrap();
    assert_eq!(answer.minister.as_ref().unwrap().name, "Liesbeth Homans");
    assert_eq!(answer.attachments, ["Operationeel plan"]);
    assert!(!has_warning(&imported, WarningKind::Unknown, "number"));
}

#[test]
fn seed_001_takes_its_header_from_the_answer_and_keeps_the_cited_question_a_reference() {
    let imported = seed(1);
    let q = &imported.question;
    assert_eq!((q.number, q.date), (Some(262), day("2018-01-31")));
    assert_eq!(q.questioner.as_deref(), Some("Yasmine Kherbache"));
    assert_eq!(q.minister, None, "the header with the minister is cut off");
    assert!(has_warning(
        &imported,
        WarningKind::Unknown,
        "minister the question was put to"
    ));
    assert!(has_warning(
        &imported,
        WarningKind::Guessed,
        "taken from the answer's header"
    ));
    assert_eq!(
        labels(q),
        [
            "1.a", "1.b", "1.c", "2", "3", "3.a", "3.b", "3.c", "3.d", "4", "5", "6.a", "6.b", "6.c"
        ]
    );
    assert_eq!(q.sub_questions[4].role, SubQuestionRole::Introduces);
    assert_eq!(
        answer_map(q),
        [
            "1. → 1",
            "2. → 2",
            "3. a) → 3.a",
            "b) → 3.b",
            "c) → 3.c",
            "d) → 3.d",
            "4. → 4",
            "5. → 5",
            "6. a) → 6.a",
            "b) → 6.b",
            "c) → 6.c"
        ]
    );
    // "… naar mijn antwoord op vraag / 4." ends the answer to 3.a; it is not item 4.
    let parts = &q.answer.as_ref().unwrap().parts;
    assert!(parts[2].text.ends_with("en naar mijn antwoord op vraag 4."));
    assert!(parts[6].text.starts_with("Communicatie"));
    // Vraag nr. 779 is cited: a reference, never the question's number.
    assert_eq!(q.references.len(), 1);
    assert_eq!(
        (q.references[0].number, q.references[0].date),
        (779, day("2017-08-07"))
    );
    // The links the PDF repeats at the end are left out, and said so.
    assert!(has_warning(
        &imported,
        WarningKind::LeftOut,
        "http://www.integratiepact.be"
    ));
    assert!(!parts[10].text.contains("http://www.integratiepact.be"));
}

#[test]
fn seed_002_has_no_antwoord_line_and_no_signature() {
    let imported = seed(2);
    let q = &imported.question;
    assert_eq!((q.number, q.date), (Some(455), day("2018-05-23")));
    assert_eq!(q.minister.as_ref().unwrap().name, "Liesbeth Homans");
    assert_eq!(labels(q), ["1", "2", "2.a", "2.b", "3"]);
    assert_eq!(answer_map(q), ["1. → 1", "2. → 2", "3. → 3"]);
    assert_eq!(q.answer.as_ref().unwrap().minister, None);
    assert!(has_warning(
        &imported,
        WarningKind::Unknown,
        "ANTWOORD is missing"
    ));
    let cited: Vec<(u32, Option<jiff::civil::Date>)> =
        q.references.iter().map(|r| (r.number, r.date)).collect();
    assert_eq!(cited, [(779, day("2017-08-07")), (262, day("2018-01-31"))]);
}

#[test]
fn seed_003_answers_1_and_2_at_once_and_its_amif_table_adds_up() {
    let imported = seed(3);
    let q = &imported.question;
    assert_eq!((q.number, q.date), (Some(26), day("2019-11-07")));
    assert_eq!(q.questioner.as_deref(), Some("Maaike Devreese"));
    assert_eq!(
        q.answer.as_ref().unwrap().minister.as_ref().unwrap().name,
        "Bart Somers"
    );
    assert_eq!(labels(q), ["1", "2", "3", "4", "5", "6"]);
    assert_eq!(
        answer_map(q),
        ["1-2. → 1,2", "3. → 3", "4. → 4", "5. → 5", "6. → 6"]
    );

    let [DetectedTable::Budget(table)] = imported.tables.as_slice() else {
        panic!("one budget table: {:?}", imported.tables)
    };
    assert_eq!(table.rows.len(), 12);
    let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Nr.",
            "Project",
            "AMIF middelen in euro",
            "Vlaamse cofinanciering in euro"
        ]
    );
    let total = |column: usize| table.shown(column, table.totals[column]);
    assert_eq!(total(2), "12.968.183,29");
    assert_eq!(total(3), "4.492.344,81");
    let codes: Vec<&str> = table.rows.iter().map(|r| r[0].text().unwrap()).collect();
    assert_eq!(
        codes,
        [
            "320", "321", "327", "339", "369", "370", "384", "385", "420", "426", "427", "426"
        ]
    );
    assert_eq!(
        table.rows[0][1].text(),
        Some("Proeftuinen laaggeletterde vrouwen met jonge kinderen"),
        "a title over two lines"
    );
    // 767.010?64 keeps what was printed and says how it was read.
    let garbled: &Cell = &table.rows[7][3];
    assert_eq!(garbled.printed(), Some("767.010?64"));
    assert_eq!(garbled.money(), Some(Money::parse("767010,64").unwrap()));
    assert!(garbled.flag().is_some());
    // 0* is zero with its footnote.
    assert_eq!(table.rows[9][3].money(), Some(Money::ZERO));
    assert_eq!(table.rows[9][3].footnote(), Some("*"));
    assert_eq!(
        table.footnotes[0].text,
        "cofinanciering door de projecten zelf, geen Vlaamse cofinanciering"
    );
    // The table stays in the answer's text as the PDF printed it, line by line.
    let text = &q.answer.as_ref().unwrap().parts[0].text;
    assert!(text.contains("\n385 Centrale begeleiding 15 – 19 jarige nieuwkomers 2.301.031,90 767.010?64\n"));
}

#[test]
fn seed_000_has_the_eleven_indicator_rows_measured_on_31_12_2018() {
    let imported = seed(0);
    let [DetectedTable::Indicators(table)] = imported.tables.as_slice() else {
        panic!("one indicator table: {:?}", imported.tables)
    };
    assert_eq!(table.rows.len(), 11);
    assert_eq!(table.target_total.unwrap().to_string(), "710");
    assert_eq!(table.actual_total.unwrap().to_string(), "748");
    assert_eq!(table.unit, "actoren");
    assert_eq!(table.measured, Some(PartialDate::parse("2018-12-31").unwrap()));
    let workshop = &table.rows[2];
    assert_eq!(
        (workshop.engagement_type.as_str(), workshop.output.as_str()),
        ("Deelname aan een workshop", "Constructieve workshops")
    );
    assert_eq!(
        (workshop.target.to_string(), workshop.actual.to_string()),
        ("80".into(), "63".into())
    );
    assert_eq!(table.rows[5].output, "formele bevestiging van het engagement");
    assert!(has_warning(
        &imported,
        WarningKind::Guessed,
        "read as the type \"Deelname aan een workshop\""
    ));
}

#[test]
fn seed_004_has_no_header_at_all_and_stays_unknown() {
    let imported = seed(4);
    let q = &imported.question;
    assert_eq!(
        (q.number, q.date, &q.questioner, &q.minister),
        (None, None, &None, &None)
    );
    for what in ["number", "date the question was asked", "who asked"] {
        assert!(has_warning(&imported, WarningKind::Unknown, what), "{what}");
    }
    assert_eq!(q.sub_questions.len(), 10);
    assert!(has_warning(
        &imported,
        WarningKind::Guessed,
        "numbering starts again at 1"
    ));
    let map = answer_map(q);
    assert_eq!(map.len(), 10);
    assert_eq!(map[9], "10. → 10");
    // Periods and promises become candidate events.
    let maxipac = imported
        .events
        .iter()
        .find(|e| e.printed == "01/11/2021 – 30/10/2024")
        .unwrap();
    assert_eq!(
        maxipac.when,
        When::Period {
            from: PartialDate::parse("2021-11-01").unwrap(),
            to: PartialDate::parse("2024-10-30").unwrap()
        }
    );
    let congress = imported
        .events
        .iter()
        .find(|e| e.printed == "16 november 2023")
        .unwrap();
    assert_eq!(congress.kind, EventKind::Promise);
}

#[test]
fn importing_the_seeds_reproduces_the_bundled_questions() {
    let dossier = bundled();
    for (index, text) in SEEDS.iter().enumerate() {
        let imported = written_question(text);
        let document = format!("seed-00{index}");
        let bundled = dossier
            .questions
            .iter()
            .find(|q| {
                q.source.as_ref().is_some_and(|s| s.document.0 == document) && q.sub_questions.len() > 1
            })
            .unwrap();
        let got = &imported.question;
        assert_eq!(got.number, bundled.number, "{document}");
        assert_eq!(got.date, bundled.date, "{document}");
        assert_eq!(got.questioner, bundled.questioner, "{document}");
        assert_eq!(got.minister, bundled.minister, "{document}");
        assert_eq!(got.title, bundled.title, "{document}");
        assert_eq!(got.preamble, bundled.preamble, "{document}");
        assert_eq!(got.sub_questions.len(), bundled.sub_questions.len(), "{document}");
        for (a, b) in got.sub_questions.iter().zip(&bundled.sub_questions) {
            assert_eq!(
                (&a.label, &a.text, a.role),
                (&b.label, &b.text, b.role),
                "{document}"
            );
        }
        let (a, b) = (got.answer.as_ref().unwrap(), bundled.answer.as_ref().unwrap());
        assert_eq!(
            (&a.minister, &a.attachments, a.date),
            (&b.minister, &b.attachments, b.date),
            "{document}"
        );
        assert_eq!(a.parts, b.parts, "{document}");
        let references = |q: &Question| {
            q.references
                .iter()
                .map(|r| (r.number, r.date))
                .collect::<Vec<_>>()
        };
        assert_eq!(references(got), references(bundled), "{document}");
    }
}

/// A question of our own, with the traps of the issue in it.
const TRAPS: &str = "\
SCHRIFTELIJKE VRAAG

nr. 88
van JAN PEETERS
datum: 3 maart 2023

aan ANNA DE WIT
VLAAMS MINISTER VAN INTEGRATIE

Integratie  -  Opvolging

In mijn schriftelijke vraag nr. 1263 vroeg ik naar de cijfers. Het decreet geldt sinds
1.12.2022 voor alle gemeenten.

1.
Hoeveel middelen werden in 2022 besteed?

2. a) Welke projecten liepen?

b) Welke liepen niet?

ANNA DE WIT
VLAAMS MINISTER VAN INTEGRATIE

ANTWOORD
op vraag nr. 88 van 3 maart 2023
van JAN PEETERS

1. Het budget bedraagt
5. 551.323,14 euro, zoals eerder gemeld (zie boven, vraag 6). Een evaluatie volgt tegen
30/06/2023.

2. a-b) Zie de lijst hieronder:

Project Bedrag in euro Cofinanciering in euro

101 Eerste project
met een lange naam 1.000,00 250,00
102 Tweede project 2.000,50 5. 551.323,14
103 Derde project 3.000,00 750,00
Totaal 6.000,00 1.000,00
";

#[test]
fn the_traps_are_not_sprung() {
    let imported = written_question(TRAPS);
    let q = &imported.question;
    // A number cited in the text is a reference, not the question's number.
    assert_eq!(q.number, Some(88));
    assert_eq!(q.references.iter().map(|r| r.number).collect::<Vec<_>>(), [1263]);
    // The number on its own line, and 2. a) inline.
    assert_eq!(labels(q), ["1", "2.a", "2.b"]);
    assert_eq!(
        q.sub_questions[0].text,
        "Hoeveel middelen werden in 2022 besteed?"
    );
    // `5. 551.323,14` after a sentence that runs on is text, with a warning; the
    // cross-reference does not start an answer.
    assert_eq!(answer_map(q), ["1. → 1", "2. a-b) → 2.a,2.b"]);
    let first = &q.answer.as_ref().unwrap().parts[0].text;
    assert!(first.contains("bedraagt 5. 551.323,14 euro, zoals eerder gemeld (zie boven, vraag 6)."));
    assert!(has_warning(&imported, WarningKind::Ambiguous, "5. 551.323,14"));
    // 1.12.2022 is a date; a promised date in the answer is a promise.
    let decree = imported.events.iter().find(|e| e.printed == "1.12.2022").unwrap();
    assert_eq!(decree.when, When::On(PartialDate::parse("2022-12-01").unwrap()));
    let promise = imported
        .events
        .iter()
        .find(|e| e.printed == "30/06/2023")
        .unwrap();
    assert_eq!(promise.kind, EventKind::Promise);
    // The table: a title over two lines, an amount that cannot be read kept as printed,
    // and a printed total that disagrees with the rows, flagged and left as printed.
    let [DetectedTable::Budget(table)] = imported.tables.as_slice() else {
        panic!("one table: {:?}", imported.tables)
    };
    assert_eq!(table.rows.len(), 3);
    assert_eq!(table.rows[0][1].text(), Some("Eerste project met een lange naam"));
    let ambiguous = &table.rows[1][3];
    assert_eq!(ambiguous.value, None);
    assert_eq!(ambiguous.printed(), Some("5. 551.323,14"));
    assert_eq!(table.shown(2, table.printed_totals[2]), "6.000,00");
    assert_eq!(table.shown(2, table.totals[2]), "6.000,50");
    assert!(has_warning(&imported, WarningKind::Mismatch, "the printed total"));
}

#[test]
fn a_table_laid_out_one_cell_to_a_line_is_read() {
    let text = "\
Doelen  -  Stand

1. Hoeveel actoren?

ANTWOORD
op vraag nr. 5 van 2 mei 2022
van EVA JANSSENS

1. Onderstaande tabel geeft de stand:

Type Output Beoogd aantal actoren Aantal actoren 30/06/2022

Deelname aan een workshop
Constructieve workshops
80
63
Opnemen van een ambassadeursrol
Het eigen engagement uitdragen
5
32
Ondertekenen van een verklaring
Formele bevestiging
50
33
";
    let imported = written_question(text);
    let [DetectedTable::Indicators(table)] = imported.tables.as_slice() else {
        panic!("one indicator table: {:?}", imported.tables)
    };
    let rows: Vec<(&str, &str, String, String)> = table
        .rows
        .iter()
        .map(|r| {
            (
                r.engagement_type.as_str(),
                r.output.as_str(),
                r.target.to_string(),
                r.actual.to_string(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "Deelname aan een workshop",
                "Constructieve workshops",
                "80".into(),
                "63".into()
            ),
            (
                "Opnemen van een ambassadeursrol",
                "Het eigen engagement uitdragen",
                "5".into(),
                "32".into()
            ),
            (
                "Ondertekenen van een verklaring",
                "Formele bevestiging",
                "50".into(),
                "33".into()
            ),
        ]
    );
    assert_eq!(table.measured, Some(PartialDate::parse("2022-06-30").unwrap()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any text whatever: a result and no panic.
    #[test]
    fn any_text_is_read_without_panicking(text in "\\PC{0,400}") {
        let imported = written_question(&text);
        prop_assert!(imported.question.sub_questions.len() <= text.len());
    }

    /// Pieces of real questions shuffled and cut: still no panic, and every answer item
    /// covers labels, never a made-up one, when the question has sub-questions.
    #[test]
    fn cut_and_shuffled_questions_are_read_without_panicking(
        picks in proptest::collection::vec((0_usize..5, 0_usize..400, 1_usize..60), 1..12)
    ) {
        let mut text = String::new();
        for (seed, start, length) in picks {
            let lines: Vec<&str> = SEEDS[seed].lines().collect();
            let start = start % lines.len();
            let end = (start + length).min(lines.len());
            text.push_str(&lines[start..end].join("\n"));
            text.push('\n');
        }
        let imported = written_question(&text);
        if let Some(answer) = &imported.question.answer {
            prop_assert!(answer.parts.iter().all(|p| p.covers.iter().all(|c| !c.is_empty())));
        }
    }

    /// Pieces of the seeds and the corpus, with tables, marks and figures, cut and mixed:
    /// what an import would make of them either opens again as a dossier file, or is
    /// refused with the reason; never saved unopenable.
    #[test]
    fn no_import_makes_a_dossier_that_does_not_open(
        picks in proptest::collection::vec((0_usize..9, 0_usize..400, 1_usize..40), 1..8),
        marks in proptest::collection::vec((0_usize..400, "[*?€%]|0\\*|  |\\n"), 0..6),
    ) {
        let sources: Vec<&str> = SEEDS.iter().copied().chain(CORPUS).collect();
        let mut lines: Vec<String> = Vec::new();
        for (source, start, length) in picks {
            let all: Vec<&str> = sources[source].lines().collect();
            let start = start % all.len();
            lines.extend(all[start..(start + length).min(all.len())].iter().map(|l| l.to_string()));
        }
        for (at, mark) in marks {
            let at = at % lines.len();
            lines[at].push_str(&mark);
        }
        let text = lines.join("\n");
        let imported = written_question(&text);
        let dossier = dossier_without_q26();
        let plan = Plan::new(&dossier, &imported, "gemengd.txt");
        if let Ok(edit) = plan.checked_edits(&dossier, true) {
            let mut joined = dossier.clone();
            edit.apply(&mut joined).unwrap();
            let bytes = dossier_workbench::store::to_bytes(&joined).unwrap();
            prop_assert!(dossier_workbench::store::load_bytes(&bytes, "joined").is_ok());
        }
    }
}

/// The bundled dossier without question 26 and its table.
fn dossier_without_q26() -> Dossier {
    let mut dossier = bundled();
    dossier.questions.retain(|q| q.number != Some(26));
    dossier.events.iter_mut().for_each(|e| {
        if e.question
            .is_some_and(|id| dossier.questions.iter().all(|q| q.id != id))
        {
            e.question = None;
        }
    });
    dossier
}

#[test]
fn an_import_joins_the_dossier_as_one_step_and_undo_takes_it_back() {
    let mut dossier = dossier_without_q26();
    let before = dossier.clone();
    let imported = seed(3);
    let plan = Plan::new(&dossier, &imported, "003_cd4b2ffb8ebaeb54.txt");
    assert_eq!(plan.existing, None);
    assert_eq!(plan.tables[0].1, TableUse::Budget);
    let edit = plan.edits(&dossier, false).unwrap();
    let mut history = History::default();
    history.apply(&mut dossier, edit).unwrap();
    assert!(dossier.validate().is_ok(), "{:?}", dossier.validate());
    let q26 = dossier.questions.iter().find(|q| q.number == Some(26)).unwrap();
    let source = dossier.source(&q26.source.as_ref().unwrap().document).unwrap();
    assert_eq!(
        source.title,
        "Schriftelijke vraag nr. 26 van 7 november 2019 van Maaike Devreese, met antwoord"
    );
    assert_eq!(source.text.0, SEEDS[3]);
    let table = dossier.budget_tables.last().unwrap();
    assert_eq!(table.rows.len(), 12);
    assert_eq!(
        table.title,
        "Via het Vlaamse luik van het AMIF-programma 2014-2020 zijn volgende projecten gefinancierd",
        "the sentence that introduces the table, over two lines"
    );
    // Every quote of the import is in the text it came from.
    for citation in dossier.citations() {
        if citation.reference.document == source.id
            && let Some(quote) = &citation.reference.quote
        {
            assert!(source.contains_passage(quote), "{}: {quote}", citation.place);
        }
    }
    assert_eq!(
        dossier.events.len(),
        before.events.len() + imported.events.len(),
        "every candidate event kept"
    );
    history.undo(&mut dossier).unwrap();
    let mut expected = before;
    expected.next_id = dossier.next_id;
    assert!(dossier == expected, "undo gives the dossier back");
}

#[test]
fn a_question_already_in_the_dossier_is_updated_or_left_never_doubled() {
    let mut dossier = bundled();
    let imported = seed(0);
    let plan = Plan::new(&dossier, &imported, "000.txt");
    let q271 = dossier
        .questions
        .iter()
        .find(|q| q.number == Some(271))
        .unwrap()
        .id;
    assert_eq!(plan.existing, Some(q271));
    assert!(
        plan.tables.iter().all(|(_, usage)| *usage == TableUse::Skip),
        "nothing doubled by default"
    );
    let count = dossier.questions.len();
    assert!(matches!(
        plan.edits(&dossier, false),
        Err(ImportError::AlreadyThere(_))
    ));
    let outcome = plan.apply_to(&mut dossier, true).unwrap();
    assert!(outcome.replaced);
    assert_eq!(dossier.questions.len(), count);
    let replaced = dossier.questions.iter().find(|q| q.id == q271).unwrap();
    assert_eq!(replaced.sub_questions.len(), 8);
    assert!(dossier.validate().is_ok(), "{:?}", dossier.validate());
}

/// What the reader keeps grows with the text, not faster: for every shape that once made
/// it slow (thousands of dated lines, a line of repeated citations, numbered items, rows
/// of a table, one cell to a line, one long line, split amounts), twice the text gives
/// at most about twice the result, an event quotes at most 300 characters, and at most
/// 500 warnings are listed. (The time is measured by `cargo bench`, not here.)
#[test]
fn what_reading_keeps_grows_linearly_with_the_text() {
    let small = dossier_workbench::generate_texts::texts(100_000);
    let large = dossier_workbench::generate_texts::texts(200_000);
    for ((shape, a), (_, b)) in small.iter().zip(&large) {
        let (ia, ib) = (written_question(a), written_question(b));
        let size = |i: &Imported| serde_json::to_vec(i).unwrap().len();
        let (sa, sb) = (size(&ia), size(&ib));
        assert!(
            sb <= sa * 5 / 2 + 10_000,
            "{shape}: {sa} bytes for 100 kB, {sb} for 200 kB"
        );
        assert!(
            sb <= b.len() * 40,
            "{shape}: {sb} bytes kept for {} bytes read",
            b.len()
        );
        assert!(
            ib.events.iter().all(|e| e.sentence.chars().count() <= 300),
            "{shape}"
        );
        assert!(
            ib.warnings.len() <= 501,
            "{shape}: {} warnings",
            ib.warnings.len()
        );
    }
}
