//! The bundled Integratiepact dossier: the facts a reader can check by hand in the seeds,
//! and that every text and figure in it stands in its source as printed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

use std::str::FromStr;

use dossier_workbench::model::board::{BoardRole, MemberStatus, Sector, VotingRight};
use dossier_workbench::model::budget::{BudgetTable, CellValue, TotalValue};
use dossier_workbench::model::indicator::Status;
use dossier_workbench::model::money::format_decimal;
use dossier_workbench::model::question::{Coverage, Question};
use dossier_workbench::model::source::{SourceDocument, normalize_whitespace};
use dossier_workbench::model::{Dossier, Money};
use dossier_workbench::store;
use rust_decimal::Decimal;

fn dossier() -> Dossier {
    store::bundled().unwrap_or_else(|error| panic!("the bundled dossier must load: {error}"))
}

fn money(text: &str) -> Money {
    Money::parse(text).unwrap()
}

fn table<'a>(dossier: &'a Dossier, title_start: &str) -> &'a BudgetTable {
    dossier
        .budget_tables
        .iter()
        .find(|table| table.title.starts_with(title_start))
        .unwrap_or_else(|| panic!("no table starting with {title_start}"))
}

fn column_total(table: &BudgetTable, name: &str) -> Money {
    let index = table.columns.iter().position(|c| c.name == name).unwrap();
    match table.total(index).unwrap().value {
        TotalValue::Money(amount) => amount,
        other => panic!("{name} is not money: {other:?}"),
    }
}

fn question(dossier: &Dossier, number: u32) -> &Question {
    dossier
        .questions
        .iter()
        .find(|q| q.number == Some(number))
        .unwrap()
}

#[test]
fn amif_table_totals_match_the_seed_facts() {
    let dossier = dossier();
    let amif = table(&dossier, "AMIF-projecten");
    assert_eq!(amif.rows.len(), 12);
    assert_eq!(
        column_total(amif, "AMIF-middelen in euro"),
        money("12.968.183,29")
    );
    assert_eq!(
        column_total(amif, "Vlaamse cofinanciering in euro"),
        money("4.492.344,81")
    );

    let calls: Vec<&str> = amif.rows.iter().filter_map(|row| row.cells[0].text()).collect();
    assert_eq!(
        calls.iter().filter(|call| **call == "426").count(),
        2,
        "call 426 has two rows"
    );

    let garbled = amif
        .rows
        .iter()
        .flat_map(|row| &row.cells)
        .find(|cell| cell.printed().is_some())
        .unwrap();
    assert_eq!(garbled.printed(), Some("767.010?64"));
    assert_eq!(garbled.money(), Some(money("767.010,64")));
    assert!(garbled.flag().is_some_and(|flag| !flag.is_empty()));

    let marked = amif
        .rows
        .iter()
        .flat_map(|row| &row.cells)
        .find(|cell| cell.footnote().is_some())
        .unwrap();
    assert_eq!(marked.money(), Some(Money::ZERO));
    assert_eq!(amif.footnotes.len(), 1);
    assert_eq!(amif.footnotes[0].mark, "*");
    assert_eq!(
        amif.footnotes[0].text,
        "cofinanciering door de projecten zelf, geen Vlaamse cofinanciering"
    );
}

#[test]
fn umbrella_budget_is_row_370_and_what_is_left_is_exact() {
    let dossier = dossier();
    let umbrella = table(&dossier, "Integratiepact koepelstructuur");
    let envelope = umbrella.envelope.as_ref().unwrap();
    assert_eq!(envelope.amount, money("1.500.000"));
    assert_eq!(
        column_total(umbrella, "Bedrag"),
        money("278.469,79").checked_add(money("308.108,10")).unwrap()
    );
    assert_eq!(umbrella.remainder(), Some(money("913.422,11")));
    // The payments still to come have no amount in the source: empty, not zero.
    let bedrag = umbrella.columns.iter().position(|c| c.name == "Bedrag").unwrap();
    assert_eq!(umbrella.total(bedrag).unwrap().empty, 3);

    let amif = table(&dossier, "AMIF-projecten");
    let row_370 = amif
        .rows
        .iter()
        .find(|row| row.cells[0].text() == Some("370"))
        .unwrap();
    let row_sum = row_370.cells[2]
        .money()
        .unwrap()
        .checked_add(row_370.cells[3].money().unwrap());
    assert_eq!(row_sum, Some(envelope.amount));
}

#[test]
fn other_subsidies_keep_their_periods_and_unknown_amounts() {
    let dossier = dossier();
    let subsidies = table(&dossier, "Projectsubsidies");
    let row = |name: &str| {
        subsidies
            .rows
            .iter()
            .find(|row| row.cells[0].text() == Some(name))
            .unwrap()
    };
    assert_eq!(row("Maxipac").cells[3].money(), Some(money("249.000")));
    assert_eq!(
        row("Maxipac").cells[2].value,
        Some(CellValue::Date(jiff::civil::date(2024, 10, 30)))
    );
    assert_eq!(row("Jobroad").cells[3].money(), Some(money("400.000")));
    assert_eq!(
        row("Jobroad").cells[1].value,
        Some(CellValue::Date(jiff::civil::date(2022, 1, 1)))
    );
    assert_eq!(
        subsidies.rows[2].cells[3].value, None,
        "the Antwerp subsidy has no amount in the source"
    );
}

#[test]
fn indicators_sum_to_710_and_748_with_7_met_1_close_3_behind() {
    let dossier = dossier();
    assert_eq!(dossier.indicators.len(), 11);
    let targets: Decimal = dossier.indicators.iter().filter_map(|i| i.target).sum();
    let actuals: Decimal = dossier
        .indicators
        .iter()
        .filter_map(|i| i.latest().map(|m| m.value))
        .sum();
    assert_eq!((targets, actuals), (Decimal::from(710), Decimal::from(748)));
    let thresholds = dossier.settings.indicator_thresholds;
    let count = |status| {
        dossier
            .indicators
            .iter()
            .filter(|i| i.achievement().unwrap().status(thresholds) == status)
            .count()
    };
    assert_eq!(
        (count(Status::Met), count(Status::Close), count(Status::Behind)),
        (7, 1, 3)
    );
    let workshops = dossier
        .indicators
        .iter()
        .find(|i| i.engagement_type == "Deelname aan een workshop")
        .unwrap();
    assert_eq!(
        workshops.achievement().unwrap().percent(),
        Some(Decimal::from_str("78.75").unwrap())
    );
    for indicator in &dossier.indicators {
        assert_eq!(indicator.latest().unwrap().date.to_string(), "2018-12-31");
    }
}

#[test]
fn board_has_seven_members_one_chair_one_outgoing_and_unknown_votes() {
    let dossier = dossier();
    assert_eq!(dossier.organisations.len(), 1);
    let vzw = &dossier.organisations[0];
    assert_eq!(vzw.board.len(), 7);
    let chairs: Vec<&str> = vzw.chairs().map(|m| m.name.as_str()).collect();
    assert_eq!(chairs, ["Jef De Vrij"]);
    let outgoing: Vec<&str> = vzw
        .members_with_status(MemberStatus::Outgoing)
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(outgoing, ["Najim Einauan"]);
    assert!(vzw.board.iter().all(|m| m.voting_right == VotingRight::Unknown));
    assert!(
        vzw.board
            .iter()
            .all(|m| m.mandate_start.is_none() && m.mandate_end.is_none())
    );
    assert_eq!(vzw.board.iter().filter(|m| m.role == BoardRole::Chair).count(), 1);
    assert_eq!(vzw.staff.as_ref().unwrap().value, 3);
    assert_eq!(vzw.founded.as_ref().unwrap().value.to_string(), "2017-01-31");
    assert!(
        vzw.decision_rule
            .as_ref()
            .unwrap()
            .value
            .contains("eenvoudige meerderheid van stemmen van de aanwezige leden")
    );
    assert_eq!(vzw.partners.len(), 9);
    assert_eq!(
        vzw.partners
            .iter()
            .filter(|p| p.sector == Some(Sector::TradeUnion))
            .count(),
        3
    );
    assert!(vzw.partners.iter().all(|p| p.joined.is_none()));
}

#[test]
fn questions_keep_what_the_source_does_not_give_unknown() {
    let dossier = dossier();
    assert_eq!(dossier.questions.len(), 6);
    let untitled = dossier.questions.iter().find(|q| q.number.is_none()).unwrap();
    assert_eq!(
        (untitled.date, &untitled.questioner, &untitled.minister),
        (None, &None, &None)
    );
    let answer = untitled.answer.as_ref().unwrap();
    assert_eq!((answer.date, &answer.minister), (None, &None));
    assert_eq!(untitled.asking().count(), 10);
    assert_eq!(untitled.answered_count(), 10);
    // No seed prints the date of an answer.
    assert!(
        dossier
            .questions
            .iter()
            .filter_map(|q| q.answer.as_ref())
            .all(|a| a.date.is_none())
    );

    let q271 = question(&dossier, 271);
    assert_eq!(q271.date, Some(jiff::civil::date(2019, 2, 26)));
    assert_eq!(q271.questioner.as_deref(), Some("Yasmine Kherbache"));
    assert_eq!(q271.minister.as_ref().unwrap().name, "Liesbeth Homans");
    // "1. a-c)" answers all three lettered parts; "b)" adds the table to 1.b.
    assert_eq!(q271.answers_to("1.a").count(), 1);
    assert_eq!(q271.answers_to("1.b").count(), 2);

    let q26 = question(&dossier, 26);
    let combined: Vec<&str> = q26.answers_to("2").map(|p| p.printed_label.as_str()).collect();
    assert_eq!(combined, ["1-2."]);
    assert_eq!(q26.answers_to("1").count(), 1);
    assert_eq!(q26.minister, None, "the header naming the minister is cut off");
    assert_eq!(
        q26.answer.as_ref().unwrap().minister.as_ref().unwrap().name,
        "Bart Somers"
    );
}

#[test]
fn follow_ups_cite_earlier_questions_including_one_not_in_the_sources() {
    let dossier = dossier();
    let q455 = question(&dossier, 455);
    let cited: Vec<u32> = q455.references.iter().map(|r| r.number).collect();
    assert_eq!(cited, [779, 262]);
    for reference in &q455.references {
        let found = dossier.cited_question(reference).unwrap();
        assert_eq!(found.number, Some(reference.number));
    }
    let q779 = question(&dossier, 779);
    assert_eq!(q779.coverage, Coverage::CitedOnly);
    assert_eq!(q779.date, Some(jiff::civil::date(2017, 8, 7)));
    let citing: Vec<Option<u32>> = dossier.cited_by(q779).map(|q| q.number).collect();
    assert_eq!(citing, [Some(262), Some(455)]);
}

#[test]
fn the_dated_events_of_the_texts_are_there_with_their_precision() {
    let dossier = dossier();
    let when = |title_start: &str| {
        dossier
            .events
            .iter()
            .find(|e| e.title.starts_with(title_start))
            .unwrap_or_else(|| panic!("no event {title_start}"))
            .when
            .to_string()
    };
    assert_eq!(when("Oprichting van de vzw Integratiepact"), "2017-01-31");
    assert_eq!(when("Het Monitoringcomité AMIF"), "2018-06-27");
    assert_eq!(when("Deadline voor het indienen"), "2018-03-30");
    assert_eq!(when("Indiening van de tussentijdse rapportering"), "2019-03-31");
    assert_eq!(when("Indiening van de eindrapportering"), "2020-03-31");
    assert_eq!(when("Eerste signalen van het middenveld"), "2017-spring");
    assert_eq!(
        when("Integratiepact opgenomen in het Vlaams Regeerakkoord"),
        "2014"
    );
    assert_eq!(when("Tussentijdse evaluatie"), "2018-03");
    assert_eq!(when("Project Maxipac"), "2021-11-01/2024-10-30");
    for event in &dossier.events {
        let source = dossier.source(&event.sources[0].document).unwrap();
        assert!(
            source.contains_passage(&event.printed),
            "{:?} is not printed in {}",
            event.printed,
            source.file
        );
    }
}

#[test]
fn every_source_document_is_the_seed_file_unchanged() {
    let dossier = dossier();
    assert_eq!(dossier.sources.len(), 5);
    for source in &dossier.sources {
        let path = format!("{}/tests/seeds/{}", env!("CARGO_MANIFEST_DIR"), source.file);
        let seed = std::fs::read_to_string(&path).unwrap();
        assert_eq!(source.text.0, seed, "{} differs from {path}", source.id);
    }
}

fn assert_in_source(source: &SourceDocument, text: &str, what: &str) {
    for line in text.lines().filter(|line| !line.trim().is_empty()) {
        assert!(
            source.contains_passage(line),
            "{what}: {line:?} is not printed in {}",
            source.file
        );
    }
}

#[test]
fn every_question_text_stands_in_its_source_as_printed() {
    let dossier = dossier();
    for question in &dossier.questions {
        let reference = question.source.as_ref().unwrap();
        let source = dossier.source(&reference.document).unwrap();
        let name = question
            .short_name()
            .unwrap_or_else(|| "the untitled question".into());
        assert_in_source(source, &question.preamble, &format!("{name} preamble"));
        if let Some(title) = &question.title {
            assert_in_source(source, title, &format!("{name} title"));
        }
        for sub in &question.sub_questions {
            assert_in_source(source, &sub.text, &format!("{name} sub-question {}", sub.label));
        }
        for part in question.answer.iter().flat_map(|a| &a.parts) {
            assert_in_source(
                source,
                &part.text,
                &format!("{name} answer {}", part.printed_label),
            );
        }
        for text in [
            &question.questioner,
            &question.minister.as_ref().map(|m| m.name.clone()),
        ]
        .into_iter()
        .flatten()
        {
            assert!(
                normalize_whitespace(&source.text.0)
                    .to_lowercase()
                    .contains(&text.to_lowercase()),
                "{name}: {text} is not in {}",
                source.file
            );
        }
    }
}

#[test]
fn every_quote_stands_in_the_document_it_cites() {
    let dossier = dossier();
    let citations = dossier.citations();
    assert!(
        citations.len() > 100,
        "facts carry their sources: {}",
        citations.len()
    );
    for citation in citations {
        let source = dossier.source(&citation.reference.document).unwrap();
        if let Some(quote) = &citation.reference.quote {
            assert!(
                source.contains_passage(quote),
                "{}: quote {quote:?} is not in {}",
                citation.place,
                source.file
            );
        }
    }
}

/// How a figure is printed in the seeds: Belgian notation, with cents when it has them.
fn printed_form(value: Decimal) -> String {
    if value.scale() == 0 {
        format_decimal(value, 0)
    } else {
        format_decimal(value, 2)
    }
}

#[test]
fn every_figure_is_printed_in_the_passage_its_row_cites() {
    let dossier = dossier();
    let mut checked = 0;
    for table in &dossier.budget_tables {
        for row in &table.rows {
            let quote = row.source.as_ref().and_then(|s| s.quote.as_ref()).unwrap();
            for cell in &row.cells {
                let printed = match (&cell.value, cell.printed()) {
                    (_, Some(printed)) => printed.to_string(),
                    (Some(CellValue::Money(amount)), None) => printed_form(amount.amount()),
                    _ => continue,
                };
                assert!(
                    quote.contains(&printed),
                    "{}: {printed} not in {quote:?}",
                    table.title
                );
                checked += 1;
            }
        }
        if let Some(envelope) = &table.envelope {
            let quote = envelope.source.as_ref().and_then(|s| s.quote.as_ref()).unwrap();
            assert!(quote.contains(&printed_form(envelope.amount.amount())));
        }
    }
    for indicator in &dossier.indicators {
        let quote = indicator.source.as_ref().and_then(|s| s.quote.as_ref()).unwrap();
        let figures = format!(
            "{} {}",
            indicator.target.unwrap(),
            indicator.latest().unwrap().value
        );
        assert!(
            quote.ends_with(&figures),
            "{}: {figures} not in {quote:?}",
            indicator.engagement_type
        );
        checked += 1;
    }
    // 24 AMIF amounts, 2 payments, 2 subsidies and 11 indicators; empty cells have nothing to check.
    assert_eq!(checked, 39);
}

#[test]
fn the_bundled_file_is_in_the_standard_layout_and_valid() {
    let dossier = dossier();
    let written = store::to_bytes(&dossier).unwrap();
    assert_eq!(
        String::from_utf8(written).unwrap(),
        store::BUNDLED_JSON,
        "run `dossier-workbench format` on it"
    );
    assert!(dossier.validate().is_ok());
    assert!(dossier.next_id > dossier.max_id());
}
