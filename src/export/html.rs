//! The whole dossier as one standalone HTML page, for printing or mailing: the questions
//! with the answer to each sub-question, the events, the budget tables with their totals,
//! the board, the indicators with their chart and the sources.
//!
//! Standalone means it fetches nothing: the styles are in the page and the chart is an
//! inline SVG image (vector, so it prints sharp). Every text from the dossier is escaped;
//! only `http`, `https` and `mailto` links become links.

use std::fmt::Write;

use rust_decimal::Decimal;

use super::sheet::{indicators_sheet, members_sheet, partners_sheet};
use crate::i18n::DateText as _;
use crate::i18n::format_day;
use crate::i18n::{Language, Texts, answer_status_name, kind_name};
use crate::model::Dossier;
use crate::model::budget::{BudgetTable, TotalValue};
use crate::model::indicator::{Dashboard, Figures, Indicator};
use crate::model::money::format_decimal;
use crate::model::question::{Coverage, Question, SubQuestionRole, suggest_status};
use crate::model::source::{LinkKind, link_kind};

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --ink: #1b1f24; --muted: #5b6470; --line: #d5dae0; --accent: #005e96; --warn: #965f00; --bad: #b44600; --faint: #f3f5f7; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 62rem; padding: 2rem 1.5rem 4rem; line-height: 1.5; font-size: 11pt; }
h1 { font-size: 1.9rem; margin: 0 0 .3rem; }
h2 { font-size: 1.45rem; margin: 2.4rem 0 .8rem; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; }
h3 { font-size: 1.15rem; margin: 1.6rem 0 .3rem; }
p { margin: .3rem 0 .6rem; }
.muted, .source { color: var(--muted); }
.source { font-size: .85rem; }
nav ol { columns: 2; padding-left: 1.2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 .4rem; font-size: .92rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--faint); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
.flag { color: var(--bad); font-weight: 600; }
.unknown { color: var(--muted); font-style: italic; }
.question { border-left: 4px solid var(--accent); padding: .1rem 0 .1rem 1rem; margin: 1.4rem 0; }
.sub { margin: .8rem 0 .2rem; }
.sub .label { font-weight: 700; margin-right: .4rem; }
.answer { margin: .3rem 0 .6rem 1.2rem; padding-left: .8rem; border-left: 2px solid var(--line); }
.answer-head { color: var(--accent); font-weight: 600; }
.status { font-size: .85rem; border: 1px solid var(--line); border-radius: .6rem; padding: 0 .5rem; margin-left: .4rem; white-space: nowrap; }
pre { white-space: pre-wrap; font-size: .85rem; background: var(--faint); padding: .6rem; }
details summary { cursor: pointer; color: var(--accent); }
figure { margin: 1rem 0; }
figcaption { color: var(--muted); font-size: .85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav, details { display: none; }
  h2 { break-after: avoid; } h3 { break-after: avoid; }
  .question, tr, figure { break-inside: avoid; }
  a { color: inherit; }
}
"#;

/// The report, with the interface's words in `language`; `made_on` is the day it says
/// it was made (today, unless a test fixes it).
pub fn report(dossier: &Dossier, language: Language, made_on: jiff::civil::Date) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_report(&mut out, dossier, language, made_on);
    out
}

fn write_report(
    out: &mut String,
    dossier: &Dossier,
    language: Language,
    made_on: jiff::civil::Date,
) -> std::fmt::Result {
    let texts = language.texts();
    let lang = match language {
        Language::English => "en",
        Language::Dutch => "nl",
    };
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        escape(&dossier.title)
    )?;
    writeln!(out, "<h1>{}</h1>", escape(&dossier.title))?;
    if !dossier.description.is_empty() {
        writeln!(out, "<p>{}</p>", escape(&dossier.description))?;
    }
    writeln!(
        out,
        "<p class=\"muted\">{}</p>",
        escape(&texts.report_made(format_day(made_on, language)))
    )?;
    let sections = [
        ("questions", texts.questions),
        ("events", texts.events),
        ("budget", texts.tab_budget),
        ("board", texts.tab_board),
        ("indicators", texts.tab_indicators),
        ("sources", texts.sources_heading),
    ];
    writeln!(out, "<nav><strong>{}</strong><ol>", escape(texts.report_contents))?;
    for (id, name) in sections {
        writeln!(out, "<li><a href=\"#{id}\">{}</a></li>", escape(name))?;
    }
    writeln!(out, "</ol></nav>")?;
    write_questions(out, dossier, texts, language)?;
    write_events(out, dossier, texts, language)?;
    write_budget(out, dossier, texts)?;
    write_board(out, dossier, texts, language)?;
    write_indicators(out, dossier, texts, language)?;
    write_sources(out, dossier, texts)?;
    writeln!(out, "</body>\n</html>")
}

fn unknown(texts: &Texts) -> String {
    format!("<span class=\"unknown\">{}</span>", escape(texts.unknown))
}

fn paragraphs(out: &mut String, text: &str) -> std::fmt::Result {
    for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        if paragraph.lines().count() >= 6 {
            // A table whose layout the PDF lost: kept as printed.
            writeln!(out, "<pre>{}</pre>", escape(paragraph))?;
        } else {
            writeln!(out, "<p>{}</p>", escape(paragraph))?;
        }
    }
    Ok(())
}

fn source_line(out: &mut String, texts: &Texts, line: &str) -> std::fmt::Result {
    if line.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "<p class=\"source\">{}</p>",
        escape(&texts.source_line(line))
    )
}

fn write_questions(
    out: &mut String,
    dossier: &Dossier,
    texts: &Texts,
    language: Language,
) -> std::fmt::Result {
    writeln!(out, "<h2 id=\"questions\">{}</h2>", escape(texts.questions))?;
    let mut questions: Vec<&Question> = dossier.questions.iter().collect();
    // Chronological; questions without a date last, in dossier order.
    questions.sort_by_key(|question| (question.date.is_none(), question.date));
    for question in questions {
        write_question(out, dossier, question, texts, language)?;
    }
    Ok(())
}

fn write_question(
    out: &mut String,
    dossier: &Dossier,
    question: &Question,
    texts: &Texts,
    language: Language,
) -> std::fmt::Result {
    let name = question
        .short_name()
        .unwrap_or_else(|| texts.no_number.to_string());
    let date = question
        .date
        .map_or_else(|| unknown(texts), |d| escape(&format_day(d, language)));
    let title = question.title.as_deref().unwrap_or(texts.no_title);
    writeln!(out, "<section class=\"question\">")?;
    writeln!(out, "<h3>{} · {date} · {}</h3>", escape(&name), escape(title))?;
    let asker = question
        .questioner
        .as_deref()
        .map_or_else(|| unknown(texts), escape);
    let minister = question.minister_name().map_or_else(|| unknown(texts), escape);
    let answered = match question.answer.as_ref().and_then(|a| a.date) {
        Some(day) => format!(
            "{}: {}",
            escape(texts.answer_date),
            escape(&format_day(day, language))
        ),
        None if question.answer.is_some() => format!("{}: {}", escape(texts.answer_date), unknown(texts)),
        None => escape(texts.no_answer),
    };
    writeln!(
        out,
        "<p class=\"muted\">{} · {answered}</p>",
        texts.asked_to(asker, minister)
    )?;
    if question.coverage == Coverage::CitedOnly {
        writeln!(out, "<p class=\"unknown\">{}</p>", escape(texts.cited_only_long))?;
    }
    if !question.references.is_empty() {
        writeln!(
            out,
            "<p>{}: {}</p>",
            escape(texts.cites),
            escape(&question.cited_names())
        )?;
    }
    paragraphs(out, &question.preamble)?;
    // An answer item that covers several sub-questions (`1. a-c)`) is printed once,
    // after the last of them.
    let parts: &[crate::model::question::AnswerPart] =
        question.answer.as_ref().map_or(&[], |a| a.parts.as_slice());
    let last_covered: Vec<Option<usize>> = parts
        .iter()
        .map(|part| {
            question
                .sub_questions
                .iter()
                .rposition(|sub| question.answers_to(&sub.label).any(|p| std::ptr::eq(p, part)))
        })
        .collect();
    for (index, sub) in question.sub_questions.iter().enumerate() {
        writeln!(
            out,
            "<div class=\"sub\"><span class=\"label\">{}</span>{}",
            escape(&sub.label),
            escape(&sub.text)
        )?;
        if sub.role == SubQuestionRole::Asks {
            let status = match sub.status {
                Some(status) => answer_status_name(status, texts).to_string(),
                None => suggest_status(question, &sub.label)
                    .map(|s| texts.suggested_status(answer_status_name(s, texts)))
                    .unwrap_or_else(|| texts.not_assessed.to_string()),
            };
            writeln!(out, "<span class=\"status\">{}</span>", escape(&status))?;
        }
        writeln!(out, "</div>")?;
        for (part, _) in parts
            .iter()
            .zip(&last_covered)
            .filter(|(_, last)| **last == Some(index))
        {
            write_answer_part(out, texts, &part.printed_label, &part.text)?;
        }
    }
    for (part, _) in parts.iter().zip(&last_covered).filter(|(_, last)| last.is_none()) {
        write_answer_part(out, texts, &part.printed_label, &part.text)?;
    }
    if let Some(answer) = question.answer.as_ref().filter(|a| !a.attachments.is_empty()) {
        writeln!(
            out,
            "<p>{}: {}</p>",
            escape(texts.attachments),
            escape(&answer.attachments.join("; "))
        )?;
    }
    if let Some(note) = &question.note {
        writeln!(out, "<p><em>{}: {}</em></p>", escape(texts.note), escape(note))?;
    }
    let line = dossier.source_line(question.source.iter());
    source_line(out, texts, &line)?;
    writeln!(out, "</section>")
}

fn write_answer_part(out: &mut String, texts: &Texts, label: &str, text: &str) -> std::fmt::Result {
    let heading = if label.is_empty() {
        texts.answer.to_string()
    } else {
        format!("{} {label}", texts.answer)
    };
    writeln!(
        out,
        "<div class=\"answer\"><div class=\"answer-head\">{}</div>",
        escape(&heading)
    )?;
    paragraphs(out, text)?;
    writeln!(out, "</div>")
}

fn write_events(out: &mut String, dossier: &Dossier, texts: &Texts, language: Language) -> std::fmt::Result {
    writeln!(out, "<h2 id=\"events\">{}</h2>", escape(texts.events))?;
    let mut events: Vec<_> = dossier.events.iter().collect();
    events.sort_by_key(|event| event.when.first_day());
    writeln!(
        out,
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        escape(texts.when),
        escape(texts.kind),
        escape(texts.title)
    )?;
    for event in events {
        writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&event.when.display(language)),
            escape(kind_name(event.kind, texts)),
            escape(&event.title)
        )?;
    }
    writeln!(out, "</tbody></table>")
}

fn write_budget(out: &mut String, dossier: &Dossier, texts: &Texts) -> std::fmt::Result {
    writeln!(out, "<h2 id=\"budget\">{}</h2>", escape(texts.tab_budget))?;
    for table in &dossier.budget_tables {
        write_budget_table(out, dossier, table, texts)?;
    }
    Ok(())
}

fn write_budget_table(
    out: &mut String,
    dossier: &Dossier,
    table: &BudgetTable,
    texts: &Texts,
) -> std::fmt::Result {
    writeln!(out, "<h3>{}</h3>", escape(&table.title))?;
    if !table.description.is_empty() {
        writeln!(out, "<p>{}</p>", escape(&table.description))?;
    }
    let numeric: Vec<bool> = table.columns.iter().map(|c| c.kind.is_summed()).collect();
    let class = |index: usize| if numeric[index] { " class=\"num\"" } else { "" };
    write!(out, "<table><thead><tr>")?;
    for (index, column) in table.columns.iter().enumerate() {
        write!(out, "<th{}>{}</th>", class(index), escape(&column.name))?;
    }
    writeln!(out, "</tr></thead><tbody>")?;
    for row in &table.rows {
        write!(out, "<tr>")?;
        for (index, cell) in row.cells.iter().enumerate() {
            let mut shown = escape(&cell.shown_text());
            if let Some(mark) = cell.footnote() {
                let _ = write!(shown, "<sup>{}</sup>", escape(mark));
            }
            if cell.flag().is_some() {
                let printed = cell.printed().unwrap_or("?");
                let title = texts.flagged_printed(printed);
                shown = format!(
                    "<span class=\"flag\" title=\"{}\">{shown} ⚑</span>",
                    escape(&title)
                );
            }
            write!(out, "<td{}>{shown}</td>", class(index))?;
        }
        writeln!(out, "</tr>")?;
    }
    write!(out, "<tr class=\"total\">")?;
    for index in 0..table.columns.len() {
        let text = match table.total(index) {
            Some(total) => {
                let figure = match total.value {
                    TotalValue::Money(amount) => amount.to_belgian(),
                    TotalValue::Integer(number) => format_decimal(number.into(), 0),
                };
                let empty = match total.empty {
                    0 => String::new(),
                    n => format!(
                        "<br><span class=\"unknown\">{}</span>",
                        escape(&texts.empty_cells(n))
                    ),
                };
                format!("{}{empty}", escape(&figure))
            }
            None if index == 0 => escape(texts.total),
            None => String::new(),
        };
        write!(out, "<td{}>{text}</td>", class(index))?;
    }
    writeln!(out, "</tr></tbody></table>")?;
    if let (Some(envelope), Some(remainder)) = (&table.envelope, table.remainder()) {
        writeln!(
            out,
            "<p>{}: <strong>{}</strong> · {}: <strong>{}</strong></p>",
            escape(&envelope.label),
            escape(&envelope.amount.to_belgian()),
            escape(&envelope.remainder_label),
            escape(&remainder.to_belgian())
        )?;
    }
    for (reported, sum) in table.discrepancies() {
        let text = texts.printed_total_differs(
            table.total_text(reported.column, reported.amount),
            table.total_text(reported.column, sum),
        );
        writeln!(out, "<p class=\"flag\">{}</p>", escape(&text))?;
    }
    for cell in table
        .rows
        .iter()
        .flat_map(|r| r.cells.iter())
        .filter(|c| c.flag().is_some())
    {
        let text = texts.flagged_printed(cell.printed().unwrap_or("?"));
        writeln!(out, "<p class=\"flag\">⚑ {}</p>", escape(&text))?;
    }
    for footnote in &table.footnotes {
        writeln!(
            out,
            "<p class=\"muted\"><sup>{}</sup> {}</p>",
            escape(&footnote.mark),
            escape(&footnote.text)
        )?;
    }
    let line = dossier.source_line(table.source.iter());
    source_line(out, texts, &line)
}

/// A sheet as an HTML table; `numeric` marks the columns aligned right.
fn write_sheet(
    out: &mut String,
    columns: &[String],
    rows: &[Vec<String>],
    numeric: &[usize],
    texts: &Texts,
) -> std::fmt::Result {
    let class = |index: usize| {
        if numeric.contains(&index) {
            " class=\"num\""
        } else {
            ""
        }
    };
    write!(out, "<table><thead><tr>")?;
    for (index, column) in columns.iter().enumerate() {
        write!(out, "<th{}>{}</th>", class(index), escape(column))?;
    }
    writeln!(out, "</tr></thead><tbody>")?;
    for row in rows {
        write!(out, "<tr>")?;
        for (index, cell) in row.iter().enumerate() {
            let shown = if cell.is_empty() {
                unknown(texts)
            } else {
                escape(cell)
            };
            write!(out, "<td{}>{shown}</td>", class(index))?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody></table>")
}

fn write_board(out: &mut String, dossier: &Dossier, texts: &Texts, language: Language) -> std::fmt::Result {
    writeln!(out, "<h2 id=\"board\">{}</h2>", escape(texts.tab_board))?;
    for organisation in &dossier.organisations {
        writeln!(out, "<h3>{}</h3>", escape(&organisation.name))?;
        let facts = [
            (texts.legal_form, organisation.legal_form.clone()),
            (
                texts.founded,
                organisation.founded.as_ref().map(|f| f.value.display(language)),
            ),
            (
                texts.staff,
                organisation.staff.as_ref().map(|s| s.value.to_string()),
            ),
            (
                texts.purpose,
                organisation.purpose.as_ref().map(|p| p.value.clone()),
            ),
            (
                texts.decision_rule,
                organisation.decision_rule.as_ref().map(|r| r.value.clone()),
            ),
            (
                texts.board_selection,
                organisation.board_selection.as_ref().map(|s| s.value.clone()),
            ),
        ];
        writeln!(out, "<table><tbody>")?;
        for (name, value) in facts {
            let value = value.map_or_else(|| unknown(texts), |v| escape(&v));
            writeln!(out, "<tr><th>{}</th><td>{value}</td></tr>", escape(name))?;
        }
        writeln!(out, "</tbody></table>")?;
    }
    let members = members_sheet(dossier, texts, language);
    writeln!(out, "<h3>{}</h3>", escape(texts.board_members))?;
    write_sheet(out, &members.columns, &members.rows, &[], texts)?;
    let partners = partners_sheet(dossier, texts, language);
    writeln!(out, "<h3>{}</h3>", escape(texts.partners))?;
    write_sheet(out, &partners.columns, &partners.rows, &[], texts)?;
    let sources = dossier
        .organisations
        .iter()
        .flat_map(|o| o.board.iter().filter_map(|m| m.source.as_ref()));
    let line = dossier.source_line(sources);
    source_line(out, texts, &line)
}

fn write_indicators(
    out: &mut String,
    dossier: &Dossier,
    texts: &Texts,
    language: Language,
) -> std::fmt::Result {
    writeln!(out, "<h2 id=\"indicators\">{}</h2>", escape(texts.tab_indicators))?;
    if dossier.indicators.is_empty() {
        return writeln!(out, "<p class=\"unknown\">{}</p>", escape(texts.no_indicators));
    }
    writeln!(
        out,
        "<figure>{}<figcaption>{}</figcaption></figure>",
        chart_svg(&dossier.indicators, dossier, texts),
        escape(texts.chart_heading)
    )?;
    let sheet = indicators_sheet(dossier, texts, language);
    write_sheet(out, &sheet.columns, &sheet.rows, &[3, 4, 6, 7], texts)?;
    let dashboard = Dashboard::of(&dossier.indicators, dossier.settings.indicator_thresholds);
    let total =
        |sum: Option<Decimal>| sum.map_or_else(|| texts.too_large.to_string(), |sum| format_decimal(sum, 0));
    let (targets, actuals) = (total(dashboard.target_total), total(dashboard.actual_total));
    writeln!(
        out,
        "<p><strong>{}</strong>: {} {targets} · {} {actuals}. <span class=\"muted\">{}</span></p>",
        escape(texts.total),
        escape(texts.target),
        escape(texts.actual),
        escape(texts.rough_total_note)
    )?;
    let line = dossier.source_line(dossier.indicators.iter().filter_map(|i| i.source.as_ref()));
    source_line(out, texts, &line)
}

/// Target beside actual per engagement type, as horizontal bars with their values: light
/// grey and dark blue, which stay apart in greyscale and for colour-blind readers.
pub fn chart_svg(indicators: &[Indicator], dossier: &Dossier, texts: &Texts) -> String {
    const WIDTH: f64 = 900.0;
    const LABEL: f64 = 330.0;
    const ROW: f64 = 34.0;
    const TOP: f64 = 34.0;
    let thresholds = dossier.settings.indicator_thresholds;
    let figures: Vec<Figures> = indicators.iter().map(|i| Figures::of(i, thresholds)).collect();
    let most = figures
        .iter()
        .flat_map(|f| [f.target, f.actual])
        .flatten()
        .max()
        .unwrap_or(Decimal::ONE)
        .max(Decimal::ONE);
    let room = WIDTH - LABEL - 70.0;
    // Bar lengths only: the figures printed beside them are exact decimals.
    let length = |value: Decimal| -> f64 {
        let share = value / most;
        share.to_string().parse::<f64>().unwrap_or(0.0).max(0.0) * room
    };
    let height = TOP + ROW * indicators.len() as f64 + 10.0;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" role=\"img\" aria-label=\"{}\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"13\">",
        escape(texts.chart_heading)
    );
    let _ = write!(
        svg,
        "<rect x=\"{LABEL}\" y=\"6\" width=\"14\" height=\"12\" fill=\"#c8ccd2\"/><text x=\"{}\" y=\"17\">{}</text><rect x=\"{}\" y=\"6\" width=\"14\" height=\"12\" fill=\"#0b3d91\"/><text x=\"{}\" y=\"17\">{}</text>",
        LABEL + 20.0,
        escape(texts.target),
        LABEL + 120.0,
        LABEL + 140.0,
        escape(texts.actual)
    );
    for (index, (indicator, figure)) in indicators.iter().zip(&figures).enumerate() {
        let y = TOP + ROW * index as f64;
        let mut name: String = indicator.engagement_type.chars().take(44).collect();
        if name.len() < indicator.engagement_type.len() {
            name.push('…');
        }
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            LABEL - 8.0,
            y + 18.0,
            escape(&name)
        );
        for (value, offset, fill_colour, thickness) in [
            (figure.target, 2.0, "#c8ccd2", 12.0),
            (figure.actual, 15.0, "#0b3d91", 12.0),
        ] {
            if let Some(value) = value {
                let bar = length(value);
                let _ = write!(
                    svg,
                    "<rect x=\"{LABEL}\" y=\"{}\" width=\"{bar:.1}\" height=\"{thickness}\" fill=\"{fill_colour}\"/><text x=\"{:.1}\" y=\"{}\" font-size=\"11\">{}</text>",
                    y + offset,
                    LABEL + bar + 4.0,
                    y + offset + 10.0,
                    escape(&format_decimal(value, 0))
                );
            }
        }
    }
    svg.push_str("</svg>");
    svg
}

fn write_sources(out: &mut String, dossier: &Dossier, texts: &Texts) -> std::fmt::Result {
    writeln!(out, "<h2 id=\"sources\">{}</h2>", escape(texts.sources_heading))?;
    for document in &dossier.sources {
        writeln!(out, "<h3>{}</h3>", escape(&document.title))?;
        writeln!(out, "<p class=\"muted\">{}</p>", escape(&document.file))?;
        if let Some(note) = &document.note {
            writeln!(out, "<p><em>{}: {}</em></p>", escape(texts.note), escape(note))?;
        }
        let links = document.links();
        if !links.is_empty() {
            writeln!(out, "<p>{}:</p><ul>", escape(texts.links_in_source))?;
            for link in links {
                match link_kind(&link) {
                    LinkKind::Web | LinkKind::Mail => {
                        writeln!(
                            out,
                            "<li><a href=\"{0}\" rel=\"noreferrer noopener\">{0}</a></li>",
                            escape(&link)
                        )?;
                    }
                    LinkKind::Refused => {
                        writeln!(
                            out,
                            "<li><code>{}</code> ({})</li>",
                            escape(&link),
                            escape(texts.link_refused)
                        )?;
                    }
                }
            }
            writeln!(out, "</ul>")?;
        }
        if !document.text.0.is_empty() {
            writeln!(
                out,
                "<details><summary>{}</summary><pre>{}</pre></details>",
                escape(texts.source_full_text),
                escape(&document.text.0)
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled_report() -> String {
        let dossier = crate::store::bundled().unwrap();
        report(&dossier, Language::Dutch, jiff::civil::date(2026, 11, 22))
    }

    #[test]
    fn the_report_holds_the_figures_answers_and_sources_of_the_bundled_dossier() {
        let html = bundled_report();
        for figure in [
            "12.968.183,29",
            "4.492.344,81",
            "913.422,11",
            "1.358.559,42",
            "Jef De Vrij",
            "Najim Einauan",
            "Integratiepact - Stand van zaken",
            "767.010?64",
            "cofinanciering door de projecten zelf, geen Vlaamse cofinanciering",
            "<svg",
            "http://www.integratiepact.be",
        ] {
            assert!(html.contains(figure), "the report lacks {figure}");
        }
        assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    }

    #[test]
    fn the_report_fetches_nothing_and_escapes_what_the_dossier_says() {
        let mut dossier = crate::store::bundled().unwrap();
        dossier.title = "<script>alert('x')</script> & co".into();
        dossier.sources[0].url = Some("javascript:alert(1)".into());
        let html = report(&dossier, Language::English, jiff::civil::date(2026, 11, 22));
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"));
        assert!(
            !html.contains("href=\"javascript:"),
            "only web and mail links are links"
        );
        assert!(html.contains("<code>javascript:alert(1)</code>"));
        for fetching in ["<link", "<img", "<script", "@import", "url(", "src="] {
            assert!(
                !html.contains(fetching),
                "the report would fetch through {fetching}"
            );
        }
    }

    #[test]
    fn each_sub_question_is_followed_by_its_answer() {
        let html = bundled_report();
        let q271 = html
            .find("Integratiepact - Inhoudelijke en financiële evaluatie")
            .unwrap();
        let rest = &html[q271..];
        let first_sub = rest.find("<div class=\"sub\">").unwrap();
        let first_answer = rest.find("<div class=\"answer\">").unwrap();
        assert!(first_sub < first_answer);
        assert_eq!(
            bundled_report().matches("<section class=\"question\">").count(),
            crate::store::bundled().unwrap().questions.len()
        );
        // Q262's answer 1 covers 1.a to 1.c: printed once, after 1.c.
        let q262 = &html[html.find("Integratiepact - Stand van zaken</h3>").unwrap()..];
        let q262 = &q262[..q262.find("</section>").unwrap()];
        assert_eq!(q262.matches("Antwoord 1.</div>").count(), 1, "{q262}");
        assert!(q262.find("1.c</span>").unwrap() < q262.find("Antwoord 1.</div>").unwrap());
    }
}
