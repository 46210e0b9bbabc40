//! Who sat on the board on a chosen day, and the votes a decision takes among the
//! members present.

use std::collections::HashSet;

use egui::{RichText, Ui};
use jiff::civil::Date;

use crate::i18n::{Texts, fill};
use crate::model::board::{
    Majority, MemberStatus, Organisation, Undetermined, VotingRight, reads_as_simple_majority,
};
use crate::model::calendar::PartialDate;
use crate::model::dossier::MemberId;
use crate::ui::date_picker::DayPicker;
use crate::ui::{ViewContext, theme, widgets};

/// The day field, its calendar, and a click to today or the founding day. Returns the
/// day chosen.
pub fn day_choice_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    organisation: &Organisation,
    day: Date,
    picker: &mut DayPicker,
) -> Option<Date> {
    let texts = view.texts;
    let mut chosen = None;
    ui.horizontal_wrapped(|ui| {
        chosen = picker.ui(ui, "composition_day", texts.day, day, view.language, texts);
        if ui.button(texts.today_button).clicked() {
            chosen = Some(view.today);
        }
        if let Some(PartialDate::Day(founded)) = organisation.founded.as_ref().map(|f| f.value)
            && ui.button(texts.founding_day).clicked()
        {
            chosen = Some(founded);
        }
    });
    chosen
}

fn names(organisation: &Organisation, ids: impl Iterator<Item = MemberId>) -> Vec<String> {
    let mut members: Vec<_> = ids.filter_map(|id| organisation.member(id)).collect();
    members.sort_by_cached_key(|m| m.sort_key());
    members.iter().map(|m| m.name.clone()).collect()
}

fn undetermined_reason(why: Undetermined, texts: &Texts) -> &'static str {
    match why {
        Undetermined::StartUnknown => texts.why_start_unknown,
        Undetermined::StartsAround => texts.why_starts_around,
        Undetermined::EndUnknown => texts.why_end_unknown,
        Undetermined::EndsAround => texts.why_ends_around,
    }
}

/// One line per answer: sat, did not sit, and the dates do not tell.
pub fn composition_ui(ui: &mut Ui, view: &ViewContext<'_>, organisation: &Organisation, day: Date) {
    let texts = view.texts;
    let composition = organisation.composition_on(day, view.today);
    let list = |label: &str, names: Vec<String>| {
        if names.is_empty() {
            fill(texts.list_none, &[label])
        } else {
            fill(
                texts.list_of,
                &[label, &names.len().to_string(), &names.join(", ")],
            )
        }
    };
    if let Some(founded) = organisation.founded.as_ref()
        && day < founded.value.first_day()
    {
        let warn = theme::palette(ui.visuals().dark_mode).warn;
        ui.label(
            RichText::new(fill(
                texts.before_founding,
                &[&founded.value.display(view.language)],
            ))
            .color(warn),
        );
    }
    let sat: Vec<_> = composition
        .sat
        .iter()
        .filter_map(|id| organisation.member(*id))
        .collect();
    widgets::wrapped(
        ui,
        &list(
            texts.sat_on_board,
            names(organisation, composition.sat.iter().copied()),
        ),
        900.0,
    );
    if !sat.is_empty() {
        let status = |s: MemberStatus| sat.iter().filter(|m| m.status == s).count().to_string();
        let vote = |v: VotingRight| sat.iter().filter(|m| m.voting_right == v).count().to_string();
        let counts = fill(
            texts.sat_counts,
            &[
                &status(MemberStatus::Active),
                &status(MemberStatus::Outgoing),
                &status(MemberStatus::Former),
                &vote(VotingRight::Yes),
                &vote(VotingRight::No),
                &vote(VotingRight::Unknown),
            ],
        );
        ui.label(RichText::new(counts).weak());
    }
    widgets::wrapped(
        ui,
        &list(
            texts.did_not_sit,
            names(organisation, composition.not_sat.iter().copied()),
        ),
        900.0,
    );
    // Listed apart, by the reason the dates do not tell.
    let reasons = [
        Undetermined::StartUnknown,
        Undetermined::StartsAround,
        Undetermined::EndUnknown,
        Undetermined::EndsAround,
    ];
    let apart: Vec<String> = reasons
        .iter()
        .filter_map(|reason| {
            let ids = composition
                .undetermined
                .iter()
                .filter(|(_, why)| why == reason)
                .map(|(id, _)| *id);
            let names = names(organisation, ids);
            (!names.is_empty())
                .then(|| format!("{}: {}", undetermined_reason(*reason, texts), names.join(", ")))
        })
        .collect();
    if apart.is_empty() {
        widgets::wrapped(ui, &fill(texts.list_none, &[texts.dates_do_not_tell]), 900.0);
    } else {
        let line = fill(
            texts.list_of,
            &[
                texts.dates_do_not_tell,
                &composition.undetermined.len().to_string(),
                &apart.join("; "),
            ],
        );
        let warn = theme::palette(ui.visuals().dark_mode).warn;
        ui.scope(|ui| {
            ui.set_max_width(900.0);
            ui.add(egui::Label::new(RichText::new(line).color(warn)).wrap());
        });
    }
}

/// The members present, ticked, and the votes a simple majority of them takes.
pub fn majority_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    organisation: &Organisation,
    absent: &mut HashSet<MemberId>,
) {
    let texts = view.texts;
    let warn = theme::palette(ui.visuals().dark_mode).warn;
    match organisation.decision_rule.as_ref() {
        Some(rule) => {
            let response = widgets::wrapped(ui, &format!("“{}”", rule.value), 900.0);
            widgets::with_source(response, view.dossier, rule.source.as_ref(), texts);
            if !reads_as_simple_majority(&rule.value) {
                ui.label(RichText::new(texts.rule_not_simple).color(warn));
            }
        }
        None => {
            ui.label(RichText::new(texts.rule_unknown).color(warn));
        }
    }
    let sitting: Vec<_> = organisation
        .board
        .iter()
        .filter(|m| m.status != MemberStatus::Former)
        .collect();
    if sitting.is_empty() {
        ui.label(RichText::new(texts.no_members).weak());
        return;
    }
    ui.label(RichText::new(texts.tick_present).weak());
    // In columns as wide as the longest name, as many as fit.
    let width = widgets::measured_width(
        ui,
        sitting.iter().map(|m| m.name.as_str()),
        &egui::TextStyle::Body,
        120.0,
        360.0,
    ) + ui.spacing().icon_width;
    let columns = ((ui.available_width() / (width + 12.0)).floor() as usize).max(1);
    // Rows of equal cells rather than a grid, which would take frames to settle.
    for row in sitting.chunks(columns) {
        ui.horizontal(|ui| {
            for member in row {
                // Keyed by member, so a checkbox keeps its id when the rows break otherwise.
                ui.push_id(member.id, |ui| {
                    ui.set_width(width);
                    let mut present = !absent.contains(&member.id);
                    if ui.checkbox(&mut present, &member.name).changed() {
                        if present {
                            absent.remove(&member.id);
                        } else {
                            absent.insert(member.id);
                        }
                    }
                });
            }
        });
    }
    ui.horizontal(|ui| {
        if ui.small_button(texts.all_present).clicked() {
            absent.clear();
        }
        if ui.small_button(texts.none_present).clicked() {
            absent.extend(sitting.iter().map(|m| m.id));
        }
    });
    let majority = Majority::of(sitting.iter().copied().filter(|m| !absent.contains(&m.id)));
    let present = majority.present.to_string();
    let line = match majority.needed_range() {
        None if majority.present == 0 => texts.nobody_present.to_string(),
        None => texts.nobody_votes.to_string(),
        Some((least, most)) if least == most => fill(
            texts.majority_certain,
            &[&present, &majority.voting.to_string(), &most.to_string()],
        ),
        Some((least, most)) => fill(
            texts.majority_range,
            &[&present, &least.to_string(), &most.to_string()],
        ),
    };
    ui.label(RichText::new(line).strong().size(19.0));
    if !majority.certain() && majority.present > 0 {
        let if_all = Majority::needed(majority.voting + majority.unknown).to_string();
        ui.label(
            RichText::new(fill(
                texts.majority_uncertain,
                &[
                    &majority.unknown.to_string(),
                    &if_all,
                    &(majority.voting + majority.unknown).to_string(),
                ],
            ))
            .color(warn),
        );
    }
}
