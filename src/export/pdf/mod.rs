//! The dossier, or one tab of it, as a paginated PDF to print or mail: the budget tables
//! with their header on every page and no row split over two, the board, the indicators
//! and the questions with their answers; on each page where its figures come from. Written
//! with `lopdf` (already here to read PDFs) in the standard Helvetica, which every
//! viewer and printer has.

mod layout;
mod widths;

use lopdf::{Dictionary, Document, Object, Stream, dictionary};

use self::layout::{Align, CELL_GAP, PAGE_HEIGHT, PAGE_WIDTH, Pages, PrintColumn, TEXT_WIDTH, text_width};
use super::sheet::{indicators_sheet, members_sheet, partners_sheet};
use crate::i18n::{Language, Texts, format_day};
use crate::model::Dossier;
use crate::model::budget::{BudgetTable, TotalValue};
use crate::model::money::format_decimal;

/// What is printed: one tab's part of the dossier, or all of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Questions,
    Budget,
    Board,
    Indicators,
}

impl Part {
    pub const ALL: [Part; 4] = [Part::Questions, Part::Budget, Part::Board, Part::Indicators];
}

/// Why no PDF could be made.
#[derive(Debug, thiserror::Error)]
#[error("the PDF could not be written: {0}")]
pub struct PdfError(#[from] std::io::Error);

/// The PDF of `parts` of the dossier, worded in `language`, made on `today`.
pub fn print(
    dossier: &Dossier,
    parts: &[Part],
    language: Language,
    today: jiff::civil::Date,
) -> Result<Vec<u8>, PdfError> {
    let texts = language.texts();
    let mut pages = Pages::new();
    pages.set_footer(texts.report_made(format_day(today, language)));
    pages.paragraph(&dossier.title, true, 18.0, 0.0);
    pages.space(4.0);
    if !dossier.description.is_empty() {
        pages.paragraph(&dossier.description, false, 9.5, 0.0);
    }
    for part in parts {
        match part {
            Part::Questions => questions(&mut pages, dossier, texts, language),
            Part::Budget => budget(&mut pages, dossier, texts),
            Part::Board => board(&mut pages, dossier, texts, language),
            Part::Indicators => indicators(&mut pages, dossier, texts, language),
        }
    }
    let pages = pages.finish(|page, count| texts.page_of(page, count));
    write(&pages)
}

fn heading(pages: &mut Pages, text: &str) {
    pages.space(14.0);
    pages.paragraph(text, true, 14.0, 0.0);
    pages.space(4.0);
}

fn questions(pages: &mut Pages, dossier: &Dossier, texts: &Texts, language: Language) {
    heading(pages, texts.questions);
    for question in &dossier.questions {
        let source = dossier.source_line(question.source.iter());
        if !source.is_empty() {
            pages.set_footer(texts.source_line(source));
        }
        let name = question
            .short_name()
            .unwrap_or_else(|| texts.no_number.to_string());
        let date = question
            .date
            .map_or_else(|| texts.unknown.to_string(), |d| format_day(d, language));
        let title = question.title.as_deref().unwrap_or(texts.no_title);
        pages.space(8.0);
        pages.paragraph(&format!("{name} · {date} · {title}"), true, 10.5, 0.0);
        let asker = question.questioner.as_deref().unwrap_or(texts.unknown);
        let minister = question.minister_name().unwrap_or(texts.unknown);
        pages.paragraph(&texts.asked_to(asker, minister), false, 8.5, 0.0);
        for sub in &question.sub_questions {
            pages.paragraph(&format!("{} {}", sub.label, sub.text), false, 9.0, 10.0);
        }
        for part in question.answer.iter().flat_map(|answer| &answer.parts) {
            pages.space(2.0);
            pages.paragraph(
                &format!("{} {}", texts.answer, part.printed_label),
                true,
                9.0,
                10.0,
            );
            pages.paragraph(&part.text, false, 9.0, 10.0);
        }
    }
}

fn budget(pages: &mut Pages, dossier: &Dossier, texts: &Texts) {
    heading(pages, texts.tab_budget);
    for table in &dossier.budget_tables {
        let source = dossier.source_line(table.source.iter());
        if !source.is_empty() {
            pages.set_footer(texts.source_line(&source));
        }
        pages.space(8.0);
        pages.paragraph(&table.title, true, 11.5, 0.0);
        if !table.description.is_empty() {
            pages.paragraph(&table.description, false, 8.5, 0.0);
        }
        pages.space(2.0);
        let (columns, rows) = budget_rows(table, texts);
        pages.table(&columns, &rows, 1);
        // A figure that was garbled in the source is kept as printed, and said so.
        for printed in table
            .rows
            .iter()
            .flat_map(|row| &row.cells)
            .filter(|cell| cell.flag().is_some())
            .map(|cell| cell.printed().unwrap_or("?"))
        {
            pages.paragraph(&format!("† {}", texts.flagged_printed(printed)), false, 8.0, 0.0);
        }
        for footnote in &table.footnotes {
            pages.paragraph(&format!("{} {}", footnote.mark, footnote.text), false, 8.0, 0.0);
        }
        if !source.is_empty() {
            pages.paragraph(&texts.source_line(&source), false, 7.5, 0.0);
        }
    }
}

/// A budget table's columns, sized to their widest value, and its rows with the totals last.
fn budget_rows(table: &BudgetTable, texts: &Texts) -> (Vec<PrintColumn>, Vec<Vec<String>>) {
    let mut rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| {
            row.cells
                .iter()
                .map(|cell| {
                    let flag = if cell.flag().is_some() { " †" } else { "" };
                    match cell.footnote() {
                        Some(mark) => format!("{}{flag} {mark}", cell.shown_text()),
                        None => format!("{}{flag}", cell.shown_text()),
                    }
                })
                .collect()
        })
        .collect();
    let totals = (0..table.columns.len())
        .map(|index| match table.total(index) {
            Some(total) => match total.value {
                TotalValue::Money(amount) => amount.to_belgian(),
                TotalValue::Integer(number) => format_decimal(number.into(), 0),
            },
            None if index == 0 => texts.total.to_string(),
            None => String::new(),
        })
        .collect();
    rows.push(totals);
    let widest = |index: usize, name: &str| {
        rows.iter()
            .map(|row| text_width(&row[index], true, 8.5))
            .fold(text_width(name, true, 8.5), f32::max)
            + CELL_GAP
            + 2.0
    };
    let mut columns: Vec<PrintColumn> = table
        .columns
        .iter()
        .enumerate()
        .map(|(index, column)| PrintColumn {
            name: column.name.clone(),
            width: widest(index, &column.name),
            align: if column.kind.is_summed() {
                Align::Right
            } else {
                Align::Left
            },
        })
        .collect();
    fit_columns(&mut columns);
    (columns, rows)
}

/// Shares the text width out: figures keep their width; text columns share what is
/// spare, or give up what is too much above a short width of their own, in proportion,
/// so that a short code keeps its header and a long name is cut.
fn fit_columns(columns: &mut [PrintColumn]) {
    const SHORT: f32 = 70.0;
    let total: f32 = columns.iter().map(|c| c.width).sum();
    let texts = columns.iter().filter(|c| c.align == Align::Left).count().max(1) as f32;
    if total <= TEXT_WIDTH {
        let spare = TEXT_WIDTH - total;
        for column in columns.iter_mut().filter(|c| c.align == Align::Left) {
            column.width += spare / texts;
        }
        return;
    }
    let shrinkable: f32 = columns
        .iter()
        .filter(|c| c.align == Align::Left)
        .map(|c| (c.width - SHORT).max(0.0))
        .sum();
    let excess = total - TEXT_WIDTH;
    if shrinkable >= excess {
        for column in columns.iter_mut().filter(|c| c.align == Align::Left) {
            let give = (column.width - SHORT).max(0.0) * excess / shrinkable;
            column.width -= give;
        }
    } else {
        // Too many figures for the page: all of it in proportion.
        for column in columns.iter_mut() {
            column.width *= TEXT_WIDTH / total;
        }
    }
}

/// A sheet as a printed table, every column left-aligned but `numbers`.
fn sheet_table(pages: &mut Pages, columns: &[String], rows: &[Vec<String>], numbers: &[usize]) {
    let mut printed: Vec<PrintColumn> = columns
        .iter()
        .enumerate()
        .map(|(index, name)| PrintColumn {
            name: name.clone(),
            width: rows
                .iter()
                .map(|row| text_width(row.get(index).map_or("", String::as_str), false, 8.5))
                .fold(text_width(name, true, 8.5), f32::max)
                .min(180.0)
                + CELL_GAP
                + 2.0,
            align: if numbers.contains(&index) {
                Align::Right
            } else {
                Align::Left
            },
        })
        .collect();
    fit_columns(&mut printed);
    pages.table(&printed, rows, 0);
}

fn board(pages: &mut Pages, dossier: &Dossier, texts: &Texts, language: Language) {
    heading(pages, texts.tab_board);
    let sources = dossier
        .organisations
        .iter()
        .flat_map(|o| o.board.iter().filter_map(|m| m.source.as_ref()));
    let line = dossier.source_line(sources);
    pages.set_footer(texts.source_line(&line));
    let members = members_sheet(dossier, texts, language);
    pages.paragraph(texts.board_members, true, 11.5, 0.0);
    sheet_table(pages, &members.columns, &members.rows, &[]);
    pages.space(10.0);
    let partners = partners_sheet(dossier, texts, language);
    pages.paragraph(texts.partners, true, 11.5, 0.0);
    sheet_table(pages, &partners.columns, &partners.rows, &[]);
    pages.paragraph(&texts.source_line(&line), false, 7.5, 0.0);
}

fn indicators(pages: &mut Pages, dossier: &Dossier, texts: &Texts, language: Language) {
    heading(pages, texts.tab_indicators);
    let line = dossier.source_line(dossier.indicators.iter().filter_map(|i| i.source.as_ref()));
    let measured = dossier
        .indicators
        .iter()
        .filter_map(|i| i.latest().map(|m| m.date))
        .max();
    let footer = match measured {
        Some(date) => format!(
            "{} · {}",
            texts.source_line(&line),
            texts.measured_as_of(crate::i18n::DateText::display(date, language))
        ),
        None => texts.source_line(&line),
    };
    pages.set_footer(footer);
    let sheet = indicators_sheet(dossier, texts, language);
    sheet_table(pages, &sheet.columns, &sheet.rows, &[3, 4, 6, 7]);
    pages.paragraph(&texts.source_line(&line), false, 7.5, 0.0);
}

/// The pages as a PDF file.
fn write(pages: &[layout::Page]) -> Result<Vec<u8>, PdfError> {
    let mut document = Document::with_version("1.5");
    let pages_id = document.new_object_id();
    let font = |name: &str| {
        dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => name,
            "Encoding" => "WinAnsiEncoding",
        }
    };
    let regular = document.add_object(font("Helvetica"));
    let bold = document.add_object(font("Helvetica-Bold"));
    let resources = document.add_object(dictionary! {
        "Font" => dictionary! { "F1" => regular, "F2" => bold },
    });
    let mut kids = Vec::with_capacity(pages.len());
    for page in pages {
        let content = document.add_object(Stream::new(Dictionary::new(), page.content.clone().into_bytes()));
        let id = document.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), Object::Real(PAGE_WIDTH), Object::Real(PAGE_HEIGHT)],
        });
        kids.push(Object::Reference(id));
    }
    let count = kids.len() as i64;
    document.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = document.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    document.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    document.save_to(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printed(parts: &[Part], language: Language) -> String {
        let dossier = crate::store::bundled().unwrap();
        let bytes = print(
            &dossier,
            parts,
            language,
            jiff::civil::Date::constant(2026, 12, 1),
        )
        .unwrap();
        crate::import::text_of_file(&bytes).unwrap()
    }

    #[test]
    fn the_budget_prints_with_its_figures_totals_and_sources() {
        let text = printed(&[Part::Budget], Language::English);
        for figure in [
            "12.968.183,29",
            "4.492.344,81",
            "2.301.031,90",
            "AMIF-middelen in euro",
        ] {
            assert!(text.contains(figure), "{figure} in:\n{text}");
        }
        assert!(text.contains("Source: Schriftelijke vraag nr. 26"), "{text}");
        assert!(
            text.contains("767.010,64 †") && text.contains("“767.010?64”"),
            "the garbled figure is flagged: {text}"
        );
        assert!(text.contains("Page 1 of"), "{text}");
    }

    #[test]
    fn a_long_table_repeats_its_header_on_every_page_and_splits_no_row() {
        let mut dossier = crate::store::bundled().unwrap();
        let table = &mut dossier.budget_tables[0];
        let template = table.rows[0].clone();
        for index in 0..200 {
            let mut row = template.clone();
            row.id = crate::model::ids::RowId(100_000 + index);
            table.rows.push(row);
        }
        let bytes = print(
            &dossier,
            &[Part::Budget],
            Language::Dutch,
            jiff::civil::Date::constant(2026, 12, 1),
        )
        .unwrap();
        let text = crate::import::text_of_file(&bytes).unwrap();
        let headers = text.matches("AMIF-middelen in euro").count();
        let pages = text.matches("Pagina ").count();
        assert!(pages >= 4, "{pages} pages");
        assert!(
            headers >= pages - 1,
            "the header on every page the table runs over: {headers} on {pages} pages"
        );
        assert_eq!(text.matches("659.219,12").count(), 201, "every row whole, once");
    }

    #[test]
    fn every_part_prints_in_both_languages() {
        let english = printed(&Part::ALL, Language::English);
        for part in [
            "Questions",
            "Budget",
            "Board",
            "Indicators",
            "Jef De Vrij",
            "Deelname aan een workshop",
        ] {
            assert!(english.contains(part), "{part}");
        }
        let dutch = printed(&Part::ALL, Language::Dutch);
        assert!(
            dutch.contains("Bestuur") && dutch.contains("Pagina 1 van"),
            "{dutch}"
        );
    }
}
