//! The side panel that edits a board member, a partner or the organisation's facts.
//! Every change is a whole-organisation edit, so undo takes it back in one step, and
//! input that cannot be right (an end before the start) is refused in place.

use crate::model::breaks::Rule;
use egui::{RichText, Ui};

use super::Focus;
use super::members::{role_name, status_name};
use super::partners::sector_name;
use crate::i18n::Texts;
use crate::i18n::format_day;
use crate::model::board::{BoardMember, BoardRole, MemberStatus, Organisation, Partner, Sector, VotingRight};
use crate::model::calendar::PartialDate;
use crate::model::edit::Edit;
use crate::model::source::Sourced;
use crate::ui::fields::FieldBuffers;
use crate::ui::{Commands, ViewContext, theme, widgets};

#[derive(Debug, Default)]
pub(super) struct EditorState {
    fields: FieldBuffers,
    /// What the side panel showed last, so that the buffers start afresh for another.
    showing: Option<Focus>,
    /// The day typed to end a mandate on, and why it was refused.
    end_on: String,
    end_error: Option<String>,
    confirm_remove: bool,
}

impl EditorState {
    fn follow(&mut self, focus: Focus, view: &ViewContext<'_>) {
        if self.showing != Some(focus) {
            self.fields.clear();
            self.showing = Some(focus);
            self.end_on = format_day(view.today, view.language);
            self.end_error = None;
            self.confirm_remove = false;
        }
    }
}

/// Draws the editor for `focus`. Returns true when it is closed.
pub(super) fn editor_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    organisation: &Organisation,
    focus: Focus,
    state: &mut EditorState,
    commands: &mut Commands,
) -> bool {
    state.follow(focus, view);
    let texts = view.texts;
    let title = match focus {
        Focus::Member(_) => texts.board_member,
        Focus::Partner(_) => texts.partner,
        Focus::Details => texts.organisation,
    };
    let mut closed = false;
    ui.horizontal(|ui| {
        ui.label(RichText::new(title).heading().strong());
        if ui.button(texts.close).clicked() {
            closed = true;
        }
    });
    ui.label(RichText::new(texts.empty_is_unknown).small().weak());
    ui.add_space(4.0);
    match focus {
        Focus::Member(id) => match organisation.member(id) {
            Some(member) => closed |= member_ui(ui, view, organisation, member, state, commands),
            None => closed = true,
        },
        Focus::Partner(id) => match organisation.partner(id) {
            Some(partner) => closed |= partner_ui(ui, view, organisation, partner, state, commands),
            None => closed = true,
        },
        Focus::Details => details_ui(ui, view, organisation, state, commands),
    }
    closed
}

/// Makes a change to the copy being edited, taking the copy first when there is none.
fn change<T: Clone>(changed: &mut Option<T>, original: &T, apply: impl FnOnce(&mut T)) {
    apply(changed.get_or_insert_with(|| original.clone()));
}

/// The organisation with one member changed, as an edit; `None` with the reason when
/// the change breaks a rule.
fn with_member(organisation: &Organisation, member: BoardMember) -> Result<Edit, Rule> {
    if let Some(problem) = member.mandate_problem() {
        return Err(problem);
    }
    let mut changed = organisation.clone();
    if let Some(slot) = changed.board.iter_mut().find(|m| m.id == member.id) {
        *slot = member;
    }
    Ok(Edit::ReplaceOrganisation(Box::new(changed)))
}

fn with_partner(organisation: &Organisation, partner: Partner) -> Edit {
    let mut changed = organisation.clone();
    if let Some(slot) = changed.partners.iter_mut().find(|p| p.id == partner.id) {
        *slot = partner;
    }
    Edit::ReplaceOrganisation(Box::new(changed))
}

fn member_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    organisation: &Organisation,
    member: &BoardMember,
    state: &mut EditorState,
    commands: &mut Commands,
) -> bool {
    let texts = view.texts;
    let key = |name: &str| format!("m{}.{name}", member.id);
    let mut changed: Option<BoardMember> = None;

    if let Some(name) = state
        .fields
        .required(ui, &key("name"), texts.name, &member.name, texts.name_needed)
    {
        change(&mut changed, member, |m| m.name = name);
    }
    let role_label = ui.label(texts.role);
    egui::ComboBox::from_id_salt(key("role"))
        .selected_text(role_name(&member.role, texts))
        .show_ui(ui, |ui| {
            for role in [
                BoardRole::Chair,
                BoardRole::Secretary,
                BoardRole::Treasurer,
                BoardRole::Member,
            ] {
                if ui
                    .selectable_label(member.role == role, role_name(&role, texts))
                    .clicked()
                {
                    change(&mut changed, member, |m| m.role = role.clone());
                }
            }
            let other = matches!(member.role, BoardRole::Other(_));
            if ui.selectable_label(other, texts.role_other).clicked() && !other {
                change(&mut changed, member, |m| m.role = BoardRole::Other(String::new()));
            }
        })
        .response
        .labelled_by(role_label.id);
    if let BoardRole::Other(printed) = &member.role
        && let Some(text) = state
            .fields
            .field(ui, &key("other_role"), texts.role_as_printed, printed, false)
    {
        change(&mut changed, member, |m| {
            m.role = BoardRole::Other(text.trim().to_string());
        });
    }
    if let Some(represents) = state.fields.optional(
        ui,
        &key("represents"),
        texts.represents,
        member.represents.as_deref(),
        false,
    ) {
        change(&mut changed, member, |m| m.represents = represents);
    }
    ui.label(texts.voting_right);
    ui.horizontal(|ui| {
        for (right, name) in [
            (VotingRight::Yes, texts.yes),
            (VotingRight::No, texts.no),
            (VotingRight::Unknown, texts.unknown),
        ] {
            if ui.selectable_label(member.voting_right == right, name).clicked() {
                change(&mut changed, member, |m| m.voting_right = right);
            }
        }
    });
    for (name, label, current) in [
        ("start", texts.mandate_start, member.mandate_start),
        ("end", texts.mandate_end, member.mandate_end),
    ] {
        if let Some(date) = state.fields.date(ui, &key(name), label, current, view.language) {
            let mut candidate = changed.clone().unwrap_or_else(|| member.clone());
            if name == "start" {
                candidate.mandate_start = date;
            } else {
                candidate.mandate_end = date;
            }
            match candidate.mandate_problem() {
                Some(problem) => state.fields.refuse(&key(name), texts.rule(&problem)),
                None => changed = Some(candidate),
            }
        }
    }
    let status_label = ui.label(texts.status);
    egui::ComboBox::from_id_salt(key("status"))
        .selected_text(status_name(member.status, texts))
        .show_ui(ui, |ui| {
            for status in [MemberStatus::Active, MemberStatus::Outgoing, MemberStatus::Former] {
                if ui
                    .selectable_label(member.status == status, status_name(status, texts))
                    .clicked()
                {
                    change(&mut changed, member, |m| m.status = status);
                }
            }
        })
        .response
        .labelled_by(status_label.id);

    ui.add_space(6.0);
    match &member.source {
        Some(source) => widgets::source_ui(ui, view.dossier, source, texts),
        None => {
            ui.label(RichText::new(format!("{}: {}", texts.source, texts.entered_by_hand)).weak());
        }
    }

    if let Some(member) = changed {
        match with_member(organisation, member) {
            Ok(edit) => commands.push(edit),
            Err(problem) => {
                let bad = theme::palette(ui.visuals().dark_mode).bad;
                ui.label(RichText::new(texts.rule(&problem)).color(bad));
            }
        }
    }

    if member.status != MemberStatus::Former {
        widgets::section_heading(ui, texts.end_mandate);
        end_mandate_ui(ui, view, organisation, member, state, commands);
    }
    ui.add_space(10.0);
    remove_ui(ui, texts, &mut state.confirm_remove, texts.remove_member, || {
        let mut changed = organisation.clone();
        changed.board.retain(|m| m.id != member.id);
        commands.push(Edit::ReplaceOrganisation(Box::new(changed)));
    })
}

/// The day a mandate ends, and the button that ends it there.
fn end_mandate_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    organisation: &Organisation,
    member: &BoardMember,
    state: &mut EditorState,
    commands: &mut Commands,
) {
    let texts = view.texts;
    let label = ui.label(texts.end_mandate_on);
    let bad = theme::palette(ui.visuals().dark_mode).bad;
    let mut field = egui::TextEdit::singleline(&mut state.end_on)
        .id_salt(format!("m{}.end_on", member.id))
        .desired_width(f32::INFINITY);
    if state.end_error.is_some() {
        field = field.text_color(bad);
    }
    let response = ui.add(field).labelled_by(label.id);
    if response.changed() {
        state.end_error = None;
    }
    let entered = widgets::enter_in(ui, &response);
    if ui.button(texts.end_mandate).clicked() || entered {
        let ended = PartialDate::parse_typed(&state.end_on)
            .map_err(|e| e.to_string())
            .and_then(|end| {
                organisation
                    .with_mandate_ended(member.id, end)
                    .map_err(|e| e.to_string())
            });
        match ended {
            Ok(changed) => {
                commands.push(Edit::ReplaceOrganisation(Box::new(changed)));
                state.end_error = None;
            }
            Err(error) => state.end_error = Some(error),
        }
    }
    if let Some(error) = &state.end_error {
        ui.label(RichText::new(error).small().color(bad));
    }
    ui.label(RichText::new(texts.end_mandate_hint).small().weak());
}

/// A remove button that asks once before it acts. Returns true when it acted.
fn remove_ui(ui: &mut Ui, texts: &Texts, confirm: &mut bool, label: &str, remove: impl FnOnce()) -> bool {
    if !*confirm {
        if ui.button(label).clicked() {
            *confirm = true;
        }
        return false;
    }
    let mut removed = false;
    ui.horizontal_wrapped(|ui| {
        let warn = theme::palette(ui.visuals().dark_mode).warn;
        ui.label(RichText::new(texts.really_delete).color(warn));
        if ui.button(texts.delete).clicked() {
            remove();
            removed = true;
            *confirm = false;
        }
        if ui.button(texts.cancel).clicked() {
            *confirm = false;
        }
    });
    removed
}

fn partner_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    organisation: &Organisation,
    partner: &Partner,
    state: &mut EditorState,
    commands: &mut Commands,
) -> bool {
    let texts = view.texts;
    let key = |name: &str| format!("p{}.{name}", partner.id);
    let mut changed: Option<Partner> = None;
    if let Some(name) = state
        .fields
        .required(ui, &key("name"), texts.name, &partner.name, texts.name_needed)
    {
        change(&mut changed, partner, |p| p.name = name);
    }
    if let Some(abbreviation) = state.fields.optional(
        ui,
        &key("abbreviation"),
        texts.abbreviation,
        partner.abbreviation.as_deref(),
        false,
    ) {
        change(&mut changed, partner, |p| p.abbreviation = abbreviation);
    }
    let sector_label = ui.label(texts.sector);
    egui::ComboBox::from_id_salt(key("sector"))
        .selected_text(partner.sector.map_or(texts.unknown, |s| sector_name(s, texts)))
        .show_ui(ui, |ui| {
            let sectors = Sector::ALL.map(Some).into_iter().chain([None]);
            for sector in sectors {
                let name = sector.map_or(texts.unknown, |s| sector_name(s, texts));
                if ui.selectable_label(partner.sector == sector, name).clicked() {
                    change(&mut changed, partner, |p| p.sector = sector);
                }
            }
        })
        .response
        .labelled_by(sector_label.id);
    if let Some(joined) = state
        .fields
        .date(ui, &key("joined"), texts.joined, partner.joined, view.language)
    {
        change(&mut changed, partner, |p| p.joined = joined);
    }
    if let Some(note) = state
        .fields
        .optional(ui, &key("note"), texts.note, partner.note.as_deref(), true)
    {
        change(&mut changed, partner, |p| p.note = note);
    }
    ui.add_space(6.0);
    match &partner.source {
        Some(source) => widgets::source_ui(ui, view.dossier, source, texts),
        None => {
            ui.label(RichText::new(format!("{}: {}", texts.source, texts.entered_by_hand)).weak());
        }
    }
    if let Some(partner) = changed {
        commands.push(with_partner(organisation, partner));
    }
    ui.add_space(10.0);
    remove_ui(ui, texts, &mut state.confirm_remove, texts.remove_partner, || {
        let mut changed = organisation.clone();
        changed.partners.retain(|p| p.id != partner.id);
        commands.push(Edit::ReplaceOrganisation(Box::new(changed)));
    })
}

/// A fact with a source: the new value keeps the source, which still shows what was
/// printed; emptied, the fact is unknown.
fn set_sourced<T>(fact: &mut Option<Sourced<T>>, value: Option<T>) {
    *fact = match (fact.take(), value) {
        (_, None) => None,
        (Some(old), Some(value)) => Some(Sourced {
            value,
            source: old.source,
        }),
        (None, Some(value)) => Some(Sourced { value, source: None }),
    };
}

fn details_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    organisation: &Organisation,
    state: &mut EditorState,
    commands: &mut Commands,
) {
    let texts = view.texts;
    let key = |name: &str| format!("o{}.{name}", organisation.id);
    let mut changed: Option<Organisation> = None;
    if let Some(name) = state.fields.required(
        ui,
        &key("name"),
        texts.name,
        &organisation.name,
        texts.name_needed,
    ) {
        change(&mut changed, organisation, |o| o.name = name);
    }
    if let Some(legal_form) = state.fields.optional(
        ui,
        &key("legal_form"),
        texts.legal_form,
        organisation.legal_form.as_deref(),
        false,
    ) {
        change(&mut changed, organisation, |o| o.legal_form = legal_form);
    }
    let founded = organisation.founded.as_ref().map(|f| f.value);
    if let Some(date) = state
        .fields
        .date(ui, &key("founded"), texts.founded, founded, view.language)
    {
        change(&mut changed, organisation, |o| set_sourced(&mut o.founded, date));
    }
    let staff = organisation.staff.as_ref().map(|s| s.value.to_string());
    if let Some(text) = state.fields.field(
        ui,
        &key("staff"),
        texts.staff,
        staff.as_deref().unwrap_or_default(),
        false,
    ) {
        match text.trim() {
            "" => change(&mut changed, organisation, |o| o.staff = None),
            number => match number.parse::<u32>() {
                Ok(count) => change(&mut changed, organisation, |o| {
                    set_sourced(&mut o.staff, Some(count));
                }),
                Err(_) => state.fields.refuse(&key("staff"), texts.bad_number.to_string()),
            },
        }
    }
    type Fact = fn(&mut Organisation) -> &mut Option<Sourced<String>>;
    let facts: [(&str, &str, Option<&Sourced<String>>, Fact); 3] = [
        ("purpose", texts.purpose, organisation.purpose.as_ref(), |o| {
            &mut o.purpose
        }),
        (
            "decision_rule",
            texts.decision_rule,
            organisation.decision_rule.as_ref(),
            |o| &mut o.decision_rule,
        ),
        (
            "board_selection",
            texts.board_selection,
            organisation.board_selection.as_ref(),
            |o| &mut o.board_selection,
        ),
    ];
    for (name, label, current, slot) in facts {
        let current = current.map(|f| f.value.as_str());
        if let Some(text) = state.fields.optional(ui, &key(name), label, current, true) {
            change(&mut changed, organisation, |o| set_sourced(slot(o), text));
        }
    }
    ui.label(
        RichText::new(texts.details_counts(organisation.board.len(), organisation.partners.len()))
            .small()
            .weak(),
    );
    if let Some(organisation) = changed {
        commands.push(Edit::ReplaceOrganisation(Box::new(organisation)));
    }
}
