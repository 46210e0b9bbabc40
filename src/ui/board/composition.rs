//! Who sat on the board on a chosen day, and the votes a decision takes among the
//! members present.

use crate::ui::memo::Memo;
use std::collections::{HashMap, HashSet};

use egui::{RichText, Ui};
use jiff::civil::Date;

use crate::i18n::DateText as _;
use crate::i18n::Texts;
use crate::model::board::{
    BoardMember, Majority, MemberStatus, Organisation, Undetermined, VotingRight, reads_as_simple_majority,
};
use crate::model::calendar::PartialDate;
use crate::model::dossier::{MemberId, OrganisationId};
use crate::ui::date_picker::DayPicker;
use crate::ui::{ViewContext, theme, widgets};

/// The day field, its calendar, and a click to today or the founding day. Returns the
/// day chosen.
pub(super) fn day_choice_ui(
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

/// The most names a list of the composition spells out; the rest are counted.
const NAMES_SHOWN: usize = 40;

/// The board's members by id: a composition names each member once, and a board of
/// 1 000 looked up one by one took milliseconds.
type Members<'a> = HashMap<MemberId, &'a BoardMember>;

fn names(members_by_id: &Members<'_>, ids: impl Iterator<Item = MemberId>, texts: &Texts) -> (usize, String) {
    let mut members: Vec<_> = ids.filter_map(|id| members_by_id.get(&id).copied()).collect();
    members.sort_by_cached_key(|m| m.sort_key());
    let shown: Vec<&str> = members
        .iter()
        .take(NAMES_SHOWN)
        .map(|m| m.name.as_str())
        .collect();
    let mut joined = shown.join(", ");
    if members.len() > NAMES_SHOWN {
        let more = (members.len() - NAMES_SHOWN).to_string();
        joined.push_str(", ");
        joined.push_str(&texts.and_more(more));
    }
    (members.len(), joined)
}

fn undetermined_reason(why: Undetermined, texts: &Texts) -> &'static str {
    match why {
        Undetermined::StartUnknown => texts.why_start_unknown,
        Undetermined::StartsAround => texts.why_starts_around,
        Undetermined::EndUnknown => texts.why_end_unknown,
        Undetermined::EndsAround => texts.why_ends_around,
    }
}

/// The composition on a day, in words: worked out once per dossier state and day.
#[derive(Debug, Default)]
pub(super) struct CompositionLines {
    made_for: Memo<(OrganisationId, Date)>,
    before_founding: Option<String>,
    sat: String,
    counts: Option<String>,
    not_sat: String,
    apart: String,
    any_apart: bool,
}

impl CompositionLines {
    fn refresh(&mut self, view: &ViewContext<'_>, organisation: &Organisation, day: Date) {
        let key = (organisation.id, day);
        if self.made_for.is_fresh(view, &key) {
            return;
        }
        let texts = view.texts;
        let composition = organisation.composition_on(day, view.today);
        let members: Members<'_> = organisation.board.iter().map(|m| (m.id, m)).collect();
        let list = |label: &str, (count, names): (usize, String)| {
            if count == 0 {
                texts.list_none(label)
            } else {
                texts.list_of(label, count, names)
            }
        };
        self.before_founding = organisation
            .founded
            .as_ref()
            .filter(|founded| day < founded.value.first_day())
            .map(|founded| texts.before_founding(founded.value.display(view.language)));
        let sat: Vec<_> = composition
            .sat
            .iter()
            .filter_map(|id| members.get(id).copied())
            .collect();
        self.sat = list(
            texts.sat_on_board,
            names(&members, composition.sat.iter().copied(), texts),
        );
        self.counts = (!sat.is_empty()).then(|| {
            let status = |s: MemberStatus| sat.iter().filter(|m| m.status == s).count().to_string();
            let vote = |v: VotingRight| sat.iter().filter(|m| m.voting_right == v).count().to_string();
            texts.sat_counts(
                status(MemberStatus::Active),
                status(MemberStatus::Outgoing),
                status(MemberStatus::Former),
                vote(VotingRight::Yes),
                vote(VotingRight::No),
                vote(VotingRight::Unknown),
            )
        });
        self.not_sat = list(
            texts.did_not_sit,
            names(&members, composition.not_sat.iter().copied(), texts),
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
                let (count, names) = names(&members, ids, texts);
                (count > 0).then(|| format!("{}: {names}", undetermined_reason(*reason, texts)))
            })
            .collect();
        self.any_apart = !apart.is_empty();
        self.apart = if apart.is_empty() {
            texts.list_none(texts.dates_do_not_tell)
        } else {
            texts.list_of(
                texts.dates_do_not_tell,
                composition.undetermined.len(),
                apart.join("; "),
            )
        };
        self.made_for.remember(view, key);
    }
}

/// One line per answer: sat, did not sit, and the dates do not tell.
pub(super) fn composition_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    organisation: &Organisation,
    day: Date,
    lines: &mut CompositionLines,
) {
    lines.refresh(view, organisation, day);
    let warn = theme::palette(ui.visuals().dark_mode).warn;
    if let Some(before) = &lines.before_founding {
        ui.label(RichText::new(before).color(warn));
    }
    widgets::wrapped(ui, &lines.sat, 900.0);
    if let Some(counts) = &lines.counts {
        ui.label(RichText::new(counts).weak());
    }
    widgets::wrapped(ui, &lines.not_sat, 900.0);
    if lines.any_apart {
        ui.scope(|ui| {
            ui.set_max_width(900.0);
            ui.add(egui::Label::new(RichText::new(&lines.apart).color(warn)).wrap());
        });
    } else {
        widgets::wrapped(ui, &lines.apart, 900.0);
    }
}

/// Who is present, as ticked, and what follows from it, kept between frames.
#[derive(Debug, Default)]
pub(super) struct Presence {
    absent: HashSet<MemberId>,
    /// Counts the ticks, so that the majority is worked out again only after one.
    ticks: u64,
    made_for: Memo<OrganisationId>,
    /// The members who can be present (not former), by index, and the width of a cell.
    sitting: Vec<usize>,
    width: f32,
    majority: Option<(Memo<u64>, Majority)>,
}

impl Presence {
    fn refresh(&mut self, ui: &Ui, view: &ViewContext<'_>, organisation: &Organisation) {
        if self.made_for.is_fresh(view, &organisation.id) {
            return;
        }
        self.sitting = (0..organisation.board.len())
            .filter(|&i| organisation.board[i].status != MemberStatus::Former)
            .collect();
        self.width = widgets::measured_width(
            ui,
            self.sitting.iter().map(|&i| organisation.board[i].name.as_str()),
            &egui::TextStyle::Body,
            120.0,
            360.0,
        ) + ui.spacing().icon_width;
        self.made_for.remember(view, organisation.id);
    }

    fn set(&mut self, member: MemberId, present: bool) {
        if present {
            self.absent.remove(&member);
        } else {
            self.absent.insert(member);
        }
        self.ticks += 1;
    }
}

/// Rows of checkboxes shown at once; more scroll.
const PRESENCE_ROWS: usize = 8;

/// The members present, ticked, and the votes a simple majority of them takes.
pub(super) fn majority_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    organisation: &Organisation,
    presence: &mut Presence,
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
    presence.refresh(ui, view, organisation);
    if presence.sitting.is_empty() {
        ui.label(RichText::new(texts.no_members).weak());
        return;
    }
    ui.label(RichText::new(texts.tick_present).weak());
    // In columns as wide as the longest name, as many as fit; only the rows in view drawn.
    let width = presence.width;
    let columns = ((ui.available_width() / (width + 12.0)).floor() as usize).max(1);
    let rows = presence.sitting.len().div_ceil(columns);
    let row_height = ui.spacing().interact_size.y;
    let mut ticked = Vec::new();
    let mut cells = |ui: &mut Ui, range: std::ops::Range<usize>| {
        for row in range {
            ui.horizontal(|ui| {
                for &index in presence.sitting.iter().skip(row * columns).take(columns) {
                    let member = &organisation.board[index];
                    // Keyed by member, so a checkbox keeps its id when the rows break otherwise.
                    ui.push_id(member.id, |ui| {
                        ui.set_width(width);
                        let mut present = !presence.absent.contains(&member.id);
                        if ui.checkbox(&mut present, &member.name).changed() {
                            ticked.push((member.id, present));
                        }
                    });
                }
            });
        }
    };
    if rows > PRESENCE_ROWS {
        egui::ScrollArea::vertical()
            .id_salt("present_members")
            .max_height(PRESENCE_ROWS as f32 * (row_height + ui.spacing().item_spacing.y))
            .show_rows(ui, row_height, rows, |ui, range| cells(ui, range));
    } else {
        cells(ui, 0..rows);
    }
    for (member, present) in ticked {
        presence.set(member, present);
    }
    ui.horizontal(|ui| {
        if ui.small_button(texts.all_present).clicked() {
            presence.absent.clear();
            presence.ticks += 1;
        }
        if ui.small_button(texts.none_present).clicked() {
            presence
                .absent
                .extend(presence.sitting.iter().map(|&i| organisation.board[i].id));
            presence.ticks += 1;
        }
    });
    let majority = match &presence.majority {
        Some((made_for, majority)) if made_for.is_fresh(view, &presence.ticks) => *majority,
        _ => {
            let majority = Majority::of(
                presence
                    .sitting
                    .iter()
                    .map(|&i| &organisation.board[i])
                    .filter(|m| !presence.absent.contains(&m.id)),
            );
            let mut made_for = Memo::default();
            made_for.remember(view, presence.ticks);
            presence.majority = Some((made_for, majority));
            majority
        }
    };
    let present = majority.present.to_string();
    let line = match majority.needed_range() {
        None if majority.present == 0 => texts.nobody_present.to_string(),
        None => texts.nobody_votes.to_string(),
        Some((least, most)) if least == most => texts.majority_certain(present, majority.voting, most),
        Some((least, most)) => texts.majority_range(present, least, most),
    };
    ui.label(RichText::new(line).strong().size(19.0));
    if !majority.certain() && majority.present > 0 {
        let if_all = Majority::needed(majority.voting + majority.unknown).to_string();
        ui.label(
            RichText::new(texts.majority_uncertain(
                majority.unknown,
                if_all,
                majority.voting + majority.unknown,
            ))
            .color(warn),
        );
    }
}
