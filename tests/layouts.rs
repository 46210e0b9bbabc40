//! The reader does not depend on the layout: each seed, and each text of the corpus,
//! laid out again as a PDF's text layer gives it (no blank lines, other page widths,
//! lines broken a word to a line, page numbers and a running footer, the header printed
//! again above the answer), reads to the same question and the same tables.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;

use common::relayout::{LAYOUTS, relayout};
use dossier_workbench::import::tables::DetectedTable;
use dossier_workbench::import::{Imported, written_question};

const TEXTS: [(&str, &str); 9] = [
    ("seed 000", include_str!("seeds/000_4a4b447d3db40b5e.txt")),
    ("seed 001", include_str!("seeds/001_e45aa016ed95fad6.txt")),
    ("seed 002", include_str!("seeds/002_b47daf4304a6e691.txt")),
    ("seed 003", include_str!("seeds/003_cd4b2ffb8ebaeb54.txt")),
    ("seed 004", include_str!("seeds/004_6bd10996cadfd38e.txt")),
    ("corpus 01", include_str!("corpus/01_grants_bullets.txt")),
    ("corpus 02", include_str!("corpus/02_projects_per_year.txt")),
    ("corpus 03", include_str!("corpus/03_million_euro.txt")),
    ("corpus 04", include_str!("corpus/04_targets_and_prose.txt")),
];

/// Whitespace as one space: paragraph breaks are a matter of layout.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What must not change with the layout, as one comparable text per fact.
fn facts(imported: &Imported) -> Vec<String> {
    let q = &imported.question;
    let mut facts = vec![
        format!("number {:?}, date {:?}", q.number, q.date),
        format!("questioner {:?}", q.questioner),
        format!("minister {:?}", q.minister),
        format!("title {:?}", q.title),
        format!("preamble {}", flat(&q.preamble)),
    ];
    for sub in &q.sub_questions {
        facts.push(format!("sub {} {:?}: {}", sub.label, sub.role, flat(&sub.text)));
    }
    if let Some(answer) = &q.answer {
        facts.push(format!(
            "answered by {:?}, attachments {:?}",
            answer.minister, answer.attachments
        ));
        for part in &answer.parts {
            facts.push(format!(
                "answer {} → {:?}: {}",
                part.printed_label,
                part.covers,
                flat(&part.text)
            ));
        }
    }
    let references: Vec<_> = q.references.iter().map(|r| (r.number, r.date)).collect();
    facts.push(format!("references {references:?}"));
    for table in &imported.tables {
        match table {
            DetectedTable::Budget(t) => {
                facts.push(format!(
                    "table in {}: {:?}, introduced by {:?}",
                    t.part, t.columns, t.caption
                ));
                facts.extend(t.rows.iter().map(|r| format!("row {r:?}")));
                facts.push(format!(
                    "totals {:?} printed {:?} checks {:?}",
                    t.totals, t.printed_totals, t.checks
                ));
            }
            DetectedTable::Indicators(t) => {
                facts.push(format!(
                    "indicators in {}: {} {:?} {:?}",
                    t.part, t.unit, t.measured, t.header
                ));
                facts.extend(t.rows.iter().map(|r| format!("indicator {r:?}")));
            }
        }
    }
    facts
}

#[test]
fn every_text_laid_out_again_reads_to_the_same_question_and_tables() {
    for (name, text) in TEXTS {
        let original = facts(&written_question(text));
        for layout in LAYOUTS {
            let laid = relayout(text, layout);
            let again = facts(&written_question(&laid));
            for (a, b) in original.iter().zip(&again) {
                assert_eq!(a, b, "{name}, {layout:?}\n--- the text laid out ---\n{laid}");
            }
            assert_eq!(original.len(), again.len(), "{name}, {layout:?}: {again:#?}");
        }
    }
}

#[test]
fn the_layouts_are_really_different() {
    let text = TEXTS[0].1;
    for layout in LAYOUTS {
        let laid = relayout(text, layout);
        assert!(!laid.lines().any(|l| l.trim().is_empty()), "no blank lines");
        let longer = |t: &str| t.lines().filter(|l| l.chars().count() > layout.width).count();
        assert!(
            longer(&laid) * 2 <= longer(text),
            "{layout:?}: paragraphs are broken at the width; only headings, tables and links keep longer lines: {:#?}",
            laid.lines()
                .filter(|l| l.chars().count() > layout.width)
                .collect::<Vec<_>>()
        );
        if layout.page_every > 0 {
            assert!(laid.contains("pagina 1 van"));
        }
        if layout.repeat_header {
            assert_eq!(laid.matches("SCHRIFTELIJKE VRAAG").count(), 2);
        }
        if layout.one_word_every > 0 {
            assert!(laid.lines().filter(|l| !l.contains(' ')).count() > 10);
        }
    }
}
