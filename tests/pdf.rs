//! Written questions imported from the PDF itself, as the Parliament publishes it. The
//! PDFs are small and kept under `tests/pdf/`: seed 003 printed by LibreOffice from its
//! text, and question 87 of the corpus as an HTML page with a real table printed by
//! headless Chromium (its cells come out one to a line, an empty cell as nothing at all,
//! like the Parliament's documents). `.ci/run` makes such PDFs anew from the seeds.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

mod common;

use dossier_workbench::import::pdf::{PdfError, is_pdf, text_of_pdf};
use dossier_workbench::import::tables::{BudgetRows, DetectedTable};
use dossier_workbench::import::{Imported, ReadError, text_of_file, written_question};
use proptest::prelude::*;

const Q26_PDF: &[u8] = include_bytes!("pdf/q26_libreoffice.pdf");
const Q87_PDF: &[u8] = include_bytes!("pdf/q87_chromium_table.pdf");
const SCAN_PDF: &[u8] = include_bytes!("pdf/scan_without_text.pdf");
const Q26_TEXT: &str = include_str!("seeds/003_cd4b2ffb8ebaeb54.txt");
const Q87_TEXT: &str = include_str!("corpus/02_projects_per_year.txt");

fn from_pdf(bytes: &[u8]) -> Imported {
    written_question(&text_of_file(bytes).unwrap())
}

fn budget(imported: &Imported) -> &BudgetRows {
    match imported.tables.as_slice() {
        [DetectedTable::Budget(table)] => table,
        other => panic!("one budget table: {other:#?}"),
    }
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_pdf_of_question_26_reads_as_its_text_does() {
    assert!(is_pdf(Q26_PDF));
    let (pdf, text) = (from_pdf(Q26_PDF), written_question(Q26_TEXT));
    let (a, b) = (&pdf.question, &text.question);
    assert_eq!(
        (a.number, a.date, &a.questioner),
        (b.number, b.date, &b.questioner)
    );
    assert_eq!(a.title, b.title);
    assert_eq!(flat(&a.preamble), flat(&b.preamble));
    let subs = |q: &dossier_workbench::model::question::Question| {
        q.sub_questions
            .iter()
            .map(|s| (s.label.clone(), flat(&s.text)))
            .collect::<Vec<_>>()
    };
    assert_eq!(subs(a), subs(b));
    let covers = |q: &dossier_workbench::model::question::Question| {
        q.answer
            .as_ref()
            .unwrap()
            .parts
            .iter()
            .map(|p| (p.printed_label.clone(), p.covers.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(covers(a), covers(b));
    let (ta, tb) = (budget(&pdf), budget(&text));
    assert_eq!(ta.columns, tb.columns);
    assert_eq!(ta.rows, tb.rows);
    assert_eq!(ta.totals, tb.totals);
    assert_eq!(ta.shown(2, ta.totals[2]), "12.968.183,29");
    assert_eq!(ta.shown(3, ta.totals[3]), "4.492.344,81");
}

#[test]
fn a_table_printed_by_chromium_reads_as_the_text_of_the_same_table() {
    let (pdf, text) = (from_pdf(Q87_PDF), written_question(Q87_TEXT));
    assert_eq!(pdf.question.number, Some(87));
    assert_eq!(pdf.question.title, text.question.title);
    let (ta, tb) = (budget(&pdf), budget(&text));
    assert_eq!(ta.columns, tb.columns);
    assert_eq!(
        ta.rows, tb.rows,
        "the empty cell of 2021 is placed by the kinds of the others"
    );
    assert_eq!((&ta.totals, &ta.printed_totals), (&tb.totals, &tb.printed_totals));
    assert_eq!(ta.checks, tb.checks, "the same disagreements flagged");
    assert!(
        pdf.warnings
            .iter()
            .any(|w| w.message.contains("row \"2021\" has 3 of 4 cells")),
        "the placed cells are said"
    );
}

#[test]
fn a_scan_without_text_and_what_is_no_pdf_say_so() {
    assert_eq!(text_of_pdf(SCAN_PDF), Err(PdfError::NoTextLayer));
    let message = text_of_file(SCAN_PDF).unwrap_err().to_string();
    assert!(message.contains("no text layer"), "{message}");
    assert_eq!(text_of_file(&[0xff, 0xfe, 0x00, 0x41]), Err(ReadError::NotText));
    assert_eq!(
        text_of_file(b"\xEF\xBB\xBFSCHRIFTELIJKE VRAAG").unwrap(),
        "SCHRIFTELIJKE VRAAG"
    );
    let cut = &Q26_PDF[..Q26_PDF.len() / 2];
    assert!(matches!(
        text_of_pdf(cut),
        Err(PdfError::Damaged(_) | PdfError::NoTextLayer)
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// A PDF damaged anywhere, or cut short: a message or a text, never a panic; and
    /// whatever text comes out is read without panicking either.
    #[test]
    fn damaged_pdfs_give_a_message_never_a_panic(
        flips in proptest::collection::vec((0usize..Q87_PDF.len(), any::<u8>()), 1..40),
        keep in 0usize..=Q87_PDF.len(),
    ) {
        let mut bytes = Q87_PDF.to_vec();
        for (at, byte) in flips {
            bytes[at] = byte;
        }
        bytes.truncate(keep.max(8));
        if let Ok(text) = text_of_pdf(&bytes) {
            let imported = written_question(&text);
            prop_assert!(imported.question.sub_questions.len() <= text.len());
        }
    }
}
