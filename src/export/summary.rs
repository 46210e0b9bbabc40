//! A plain-text overview of a dossier, for `dossier-workbench summary`.

use std::fmt::Write;

use crate::i18n::DateText as _;
use crate::i18n::Language;
use crate::model::Dossier;
use crate::model::board::{MemberStatus, VotingRight};
use crate::model::budget::TotalValue;
use crate::model::calendar::format_day_short;
use crate::model::indicator::{Dashboard, Status};
use crate::model::money::format_decimal;
use crate::model::question::{Coverage, Question};

const UNKNOWN: &str = "unknown";

pub fn summary(dossier: &Dossier) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_summary(&mut out, dossier);
    out
}

fn write_summary(out: &mut String, dossier: &Dossier) -> std::fmt::Result {
    writeln!(out, "{}", dossier.title)?;
    if !dossier.description.is_empty() {
        writeln!(out, "{}", dossier.description)?;
    }
    write_questions(out, dossier)?;
    write_budget(out, dossier)?;
    write_board(out, dossier)?;
    write_indicators(out, dossier)
}

fn write_questions(out: &mut String, dossier: &Dossier) -> std::fmt::Result {
    writeln!(out, "\nQUESTIONS ({})", dossier.questions.len())?;
    let mut questions: Vec<&Question> = dossier.questions.iter().collect();
    // Chronological; questions without a date last, in dossier order.
    questions.sort_by_key(|question| (question.date.is_none(), question.date));
    for question in questions {
        let number = question.short_name().unwrap_or_else(|| "(no nr)".into());
        let date = question
            .date
            .map_or_else(|| "date unknown".into(), format_day_short);
        let questioner = question.questioner.as_deref().unwrap_or("questioner unknown");
        let signed = question
            .answer
            .as_ref()
            .and_then(|answer| answer.minister.as_ref());
        let minister = match (&question.minister, signed) {
            (Some(addressed), _) => addressed.name.clone(),
            (None, Some(signed)) => format!("minister unknown (answer signed by {})", signed.name),
            (None, None) => "minister unknown".into(),
        };
        writeln!(out, "  {number:<6} {date:<12} {questioner} → {minister}")?;
        writeln!(
            out,
            "         {}",
            question.title.as_deref().unwrap_or("title unknown")
        )?;
        let asking = question.asking().count();
        let state = match (&question.answer, question.coverage) {
            (_, Coverage::CitedOnly) => {
                let citing: Vec<String> = dossier
                    .cited_by(question)
                    .map(|other| other.short_name().unwrap_or_else(|| "Q?".into()))
                    .collect();
                format!(
                    "known only from citations by {}; text not in the dossier",
                    citing.join(", ")
                )
            }
            (None, _) => format!("{asking} sub-questions, not answered"),
            (Some(answer), _) => {
                let answered = question.answered_count();
                let extent = if answered == asking {
                    "answered".to_string()
                } else {
                    format!("{answered} answered")
                };
                let date = answer.date.map_or_else(
                    || format!("answer date {UNKNOWN}"),
                    |d| format!("answered {}", format_day_short(d)),
                );
                format!("{asking} sub-questions, {extent}; {date}")
            }
        };
        writeln!(out, "         {state}")?;
        if !question.references.is_empty() {
            writeln!(out, "         cites {}", question.cited_names())?;
        }
    }
    Ok(())
}

fn write_budget(out: &mut String, dossier: &Dossier) -> std::fmt::Result {
    writeln!(out, "\nBUDGET TABLES ({})", dossier.budget_tables.len())?;
    for table in &dossier.budget_tables {
        writeln!(out, "  {} — {} rows", table.title, table.rows.len())?;
        let envelope_labels = table
            .envelope
            .iter()
            .flat_map(|e| [e.label.as_str(), e.remainder_label.as_str()]);
        let width = table
            .columns
            .iter()
            .map(|c| c.name.as_str())
            .chain(envelope_labels)
            .map(|name| name.chars().count())
            .max()
            .unwrap_or(0);
        for (index, column) in table.columns.iter().enumerate() {
            let Some(total) = table.total(index) else {
                continue;
            };
            let figure = match total.value {
                TotalValue::Money(amount) => amount.to_belgian(),
                TotalValue::Integer(number) => format_decimal(number.into(), 0),
            };
            let empty = match total.empty {
                0 => String::new(),
                n => format!("  ({n} empty: unknown, not zero)"),
            };
            writeln!(out, "     {:<width$}  {figure:>16}{empty}", column.name)?;
        }
        if let (Some(envelope), Some(remainder)) = (&table.envelope, table.remainder()) {
            writeln!(
                out,
                "     {:<width$}  {:>16}",
                envelope.label,
                envelope.amount.to_belgian()
            )?;
            writeln!(
                out,
                "     {:<width$}  {:>16}",
                envelope.remainder_label,
                remainder.to_belgian()
            )?;
        }
        let flagged: Vec<String> = table
            .rows
            .iter()
            .flat_map(|row| row.cells.iter())
            .filter(|cell| cell.flag().is_some())
            .map(|cell| format!("'{}'", cell.printed().unwrap_or("?")))
            .collect();
        if !flagged.is_empty() {
            writeln!(
                out,
                "     flagged as printed in the source: {}",
                flagged.join(", ")
            )?;
        }
        for footnote in &table.footnotes {
            writeln!(out, "     {} {}", footnote.mark, footnote.text)?;
        }
    }
    Ok(())
}

fn write_board(out: &mut String, dossier: &Dossier) -> std::fmt::Result {
    for organisation in &dossier.organisations {
        writeln!(out, "\nBOARD — {}", organisation.name)?;
        let names = |members: Vec<&str>| {
            if members.is_empty() {
                "none".to_string()
            } else {
                members.join(", ")
            }
        };
        let chairs: Vec<&str> = organisation.chairs().map(|m| m.name.as_str()).collect();
        let outgoing: Vec<&str> = organisation
            .members_with_status(MemberStatus::Outgoing)
            .map(|m| m.name.as_str())
            .collect();
        writeln!(
            out,
            "  {} members; chair: {}; outgoing: {}",
            organisation.board.len(),
            names(chairs),
            names(outgoing)
        )?;
        let count = |right: VotingRight| organisation.count_voting(right);
        writeln!(
            out,
            "  voting rights: {} yes, {} no, {} unknown",
            count(VotingRight::Yes),
            count(VotingRight::No),
            count(VotingRight::Unknown)
        )?;
        if let Some(rule) = &organisation.decision_rule {
            writeln!(out, "  decision rule: {}", rule.value)?;
        }
        if let Some(founded) = &organisation.founded {
            writeln!(out, "  founded: {}", founded.value.display(Language::English))?;
        }
        let staff = organisation
            .staff
            .as_ref()
            .map_or_else(|| UNKNOWN.to_string(), |s| s.value.to_string());
        writeln!(
            out,
            "  staff: {staff}; partner organisations: {}",
            organisation.partners.len()
        )?;
    }
    Ok(())
}

fn write_indicators(out: &mut String, dossier: &Dossier) -> std::fmt::Result {
    writeln!(out, "\nINDICATORS ({})", dossier.indicators.len())?;
    let thresholds = dossier.settings.indicator_thresholds;
    let mut counts = [0_usize; 3];
    for indicator in &dossier.indicators {
        let target = indicator
            .target
            .map_or_else(|| UNKNOWN.into(), |t| format_decimal(t, 0));
        let latest = indicator.latest();
        let actual = latest.map_or_else(
            || "no measurement".into(),
            |m| format!("{} on {}", format_decimal(m.value, 0), m.date),
        );
        let (percent, status) = match indicator.achievement() {
            Some(achievement) => {
                let status = achievement.status(thresholds);
                counts[status as usize] += 1;
                let percent = achievement
                    .percent()
                    .map_or_else(|| "–".into(), |p| format!("{} %", format_decimal(p, 2)));
                (percent, status_name(status))
            }
            None => ("–".into(), "not measured"),
        };
        let name: String = indicator.engagement_type.chars().take(60).collect();
        writeln!(
            out,
            "  {name:<60} target {target:>5}  actual {actual:<24} {percent:>9}  {status}"
        )?;
    }
    let dashboard = Dashboard::of(&dossier.indicators, thresholds);
    let total = |sum: Option<rust_decimal::Decimal>| {
        sum.map_or_else(
            || Language::English.texts().too_large.to_string(),
            |sum| format_decimal(sum, 0),
        )
    };
    let (targets, actuals) = (total(dashboard.target_total), total(dashboard.actual_total));
    writeln!(
        out,
        "  all together: target {targets}, actual {actuals} (a rough figure: the types count different things); {} met, {} close, {} behind",
        counts[Status::Met as usize],
        counts[Status::Close as usize],
        counts[Status::Behind as usize]
    )
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Met => "met",
        Status::Close => "close",
        Status::Behind => "behind",
    }
}
