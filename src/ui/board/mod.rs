//! The board tab: an organisation, its board members and its partners. What the
//! sources leave open is shown as unknown, never as "no", and a day the dates do not
//! settle lists the member apart instead of guessing.

mod composition;
mod editor;
mod history;
mod members;
mod partners;

use crate::ui::memo::Memo;
use egui::{RichText, Ui};
use jiff::civil::Date;

use super::date_picker::DayPicker;
use super::widgets::{self, SortKey, fact_label, facts_grid, text_or_unknown};
use super::{Commands, ViewContext, theme};
use crate::i18n::DateText as _;
use crate::i18n::Texts;
use crate::model::Dossier;
use crate::model::board::{BoardMember, MemberStatus, Organisation, VotingRight};
use crate::model::dossier::{MemberId, OrganisationId, PartnerId};
use crate::model::edit::Edit;
use crate::model::slide::SlideView;
use crate::model::source::SourceRef;

pub use members::{MemberColumn, role_name, status_name};
pub use partners::{PartnerColumn, sector_name};

/// What the side panel edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Member(MemberId),
    Partner(PartnerId),
    /// The organisation's own facts.
    Details,
}

/// How the members table is grouped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Grouping {
    #[default]
    None,
    Represents,
    Status,
}

/// The board as a table, or as cards grouped by the organisation each member sits for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Look {
    #[default]
    Table,
    Cards,
}

#[derive(Debug, Default)]
pub struct BoardView {
    pub selected: Option<OrganisationId>,
    pub focus: Option<Focus>,
    pub grouping: Grouping,
    pub look: Look,
    member_sort: Option<SortKey<MemberColumn>>,
    partner_sort: Option<SortKey<PartnerColumn>>,
    /// The day the composition is shown for; `None` is today.
    day: Option<Date>,
    day_picker: DayPicker,
    /// Members ticked off as absent for the majority.
    presence: composition::Presence,
    confirm_delete: bool,
    composition: composition::CompositionLines,
    editor: editor::EditorState,
    derived: Derived,
}

impl BoardView {
    /// The view as a slide keeps it: the look, the sort and the day of the composition.
    pub fn slide_view(&self, dossier: &Dossier, texts: &Texts) -> (SlideView, String) {
        let (sort, descending) = widgets::sort_name(self.member_sort);
        let view = SlideView {
            sort,
            descending,
            day: self.day,
            cards: self.look == Look::Cards,
            ..SlideView::default()
        };
        let organisation = dossier
            .organisations
            .first()
            .map_or(texts.tab_board, |o| o.name.as_str());
        let name = match self.day {
            Some(day) => format!(
                "{organisation}, {}",
                crate::model::calendar::format_day_short(day)
            ),
            None => organisation.to_string(),
        };
        (view, name)
    }

    pub fn show_slide(&mut self, slide: &SlideView) {
        self.member_sort = widgets::sort_named(MemberColumn::ALL, slide.sort.as_deref(), slide.descending);
        self.day = slide.day;
        self.look = if slide.cards { Look::Cards } else { Look::Table };
    }

    /// Shows an organisation, with a member or a partner in the side panel.
    pub fn reveal(&mut self, organisation: OrganisationId, focus: Option<Focus>) {
        self.selected = Some(organisation);
        self.focus = focus;
    }

    pub fn ui(&mut self, ui: &mut Ui, view: &ViewContext<'_>, commands: &mut Commands) {
        let organisations = &view.dossier.organisations;
        let chosen = self
            .selected
            .and_then(|id| organisations.iter().find(|o| o.id == id))
            .or_else(|| organisations.first());
        let Some(organisation) = chosen else {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.add_space(8.0);
                ui.label(RichText::new(view.texts.no_organisations).weak());
                if !view.presenting && ui.button(view.texts.new_organisation).clicked() {
                    self.add_organisation(view, commands);
                }
            });
            return;
        };
        self.derived.refresh(
            view,
            organisation,
            self.member_sort,
            self.grouping,
            self.partner_sort,
        );
        if view.presenting {
            self.focus = None;
        }
        if let Some(focus) = self.focus {
            egui::Panel::right("board_editor")
                .resizable(true)
                .default_size(430.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("board_editor_scroll")
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            let closed =
                                editor::editor_ui(ui, view, organisation, focus, &mut self.editor, commands);
                            if closed {
                                self.focus = None;
                            }
                        });
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("board_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.add_space(4.0);
                    if view.presenting {
                        self.presentation_ui(ui, view, organisation);
                    } else {
                        self.workbench_ui(ui, view, organisation, commands);
                    }
                    ui.add_space(16.0);
                });
        });
    }

    /// Everything, with the controls that change the dossier.
    fn workbench_ui(
        &mut self,
        ui: &mut Ui,
        view: &ViewContext<'_>,
        organisation: &Organisation,
        commands: &mut Commands,
    ) {
        self.header_ui(ui, view, organisation, commands);
        facts_ui(ui, view, organisation);
        self.members_section_ui(ui, view, organisation, commands);
        about_ui(ui, view, organisation);
        let day = self.day.unwrap_or(view.today);
        widgets::section_heading(ui, view.texts.composition_on_day);
        if let Some(picked) = composition::day_choice_ui(ui, view, organisation, day, &mut self.day_picker) {
            self.day = Some(picked);
        }
        composition::composition_ui(ui, view, organisation, day, &mut self.composition);
        widgets::section_heading(ui, view.texts.mandate_history);
        if let Some(clicked) = history::history_ui(ui, view, organisation, &self.derived, day) {
            self.day = Some(clicked);
        }
        widgets::section_heading(ui, view.texts.majority);
        composition::majority_ui(ui, view, organisation, &mut self.presence);
        widgets::section_heading(ui, view.texts.partners);
        partners::partners_ui(
            ui,
            view,
            organisation,
            &self.derived,
            &mut self.partner_sort,
            &mut self.focus,
            commands,
        );
    }

    /// The look for a meeting: who sits for whom, what is not known, how decisions are
    /// made, and the partners by sector; no controls that change the dossier.
    fn presentation_ui(&mut self, ui: &mut Ui, view: &ViewContext<'_>, organisation: &Organisation) {
        let texts = view.texts;
        ui.label(RichText::new(&organisation.name).heading().strong());
        let mut facts = Vec::new();
        facts.extend(organisation.legal_form.clone());
        if let Some(founded) = &organisation.founded {
            facts.push(texts.founded_on(founded.value.display(view.language)));
        }
        if let Some(staff) = &organisation.staff {
            facts.push(texts.staff_count(staff.value));
        }
        if !facts.is_empty() {
            ui.label(RichText::new(facts.join(" · ")).weak());
        }
        self.members_section_ui(ui, view, organisation, &mut Commands::default());
        let dated = organisation
            .board
            .iter()
            .any(|m| m.mandate_start.is_some() || m.mandate_end.is_some());
        if dated {
            widgets::section_heading(ui, texts.mandate_history);
            let day = self.day.unwrap_or(view.today);
            if let Some(clicked) = history::history_ui(ui, view, organisation, &self.derived, day) {
                self.day = Some(clicked);
            }
        }
        widgets::section_heading(ui, texts.majority);
        composition::majority_ui(ui, view, organisation, &mut self.presence);
        widgets::section_heading(ui, texts.partners);
        partners::by_sector_ui(ui, view, organisation);
        widgets::source_line_ui(ui, texts, &self.derived.partners_source);
    }

    /// The organisation's name, the choice of organisation and what can be done to it.
    fn header_ui(
        &mut self,
        ui: &mut Ui,
        view: &ViewContext<'_>,
        organisation: &Organisation,
        commands: &mut Commands,
    ) {
        let texts = view.texts;
        let organisations = &view.dossier.organisations;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&organisation.name).heading().strong());
            if organisations.len() > 1 {
                ui.add_space(12.0);
                egui::ComboBox::from_label(texts.organisation)
                    .selected_text(&organisation.name)
                    .show_ui(ui, |ui| {
                        for other in organisations {
                            if ui
                                .selectable_label(other.id == organisation.id, &other.name)
                                .clicked()
                            {
                                self.selected = Some(other.id);
                                self.focus = None;
                            }
                        }
                    });
            }
            if view.presenting {
                return;
            }
            ui.add_space(12.0);
            if ui.button(texts.edit_details).clicked() {
                self.focus = Some(Focus::Details);
            }
            if ui.button(texts.new_organisation).clicked() {
                self.add_organisation(view, commands);
            }
            if ui.button(texts.delete_organisation).clicked() {
                self.confirm_delete = true;
            }
        });
        if self.confirm_delete && !view.presenting {
            ui.horizontal_wrapped(|ui| {
                let warn = theme::palette(ui.visuals().dark_mode).warn;
                ui.label(RichText::new(texts.delete_organisation_question(&organisation.name)).color(warn));
                if ui.button(texts.delete).clicked() {
                    commands.push(Edit::RemoveOrganisation(organisation.id));
                    self.confirm_delete = false;
                    self.focus = None;
                    self.selected = None;
                }
                if ui.button(texts.cancel).clicked() {
                    self.confirm_delete = false;
                }
            });
        }
    }

    fn add_organisation(&mut self, view: &ViewContext<'_>, commands: &mut Commands) {
        let id = OrganisationId(view.ids.next());
        commands.push(Edit::InsertOrganisation {
            index: view.dossier.organisations.len(),
            organisation: Box::new(Organisation::new(id, view.texts.new_organisation_name)),
        });
        self.selected = Some(id);
        self.focus = Some(Focus::Details);
    }

    fn members_section_ui(
        &mut self,
        ui: &mut Ui,
        view: &ViewContext<'_>,
        organisation: &Organisation,
        commands: &mut Commands,
    ) {
        let texts = view.texts;
        widgets::section_heading(ui, texts.board_members);
        ui.label(&self.derived.summary);
        gaps_ui(ui, texts, &self.derived.gaps);
        ui.horizontal_wrapped(|ui| {
            ui.selectable_value(&mut self.look, Look::Table, texts.look_table);
            ui.selectable_value(&mut self.look, Look::Cards, texts.look_cards);
            if self.look == Look::Table {
                ui.add_space(12.0);
                let label = ui.label(texts.group_by);
                egui::ComboBox::from_id_salt("member_grouping")
                    .selected_text(grouping_name(self.grouping, texts))
                    .show_ui(ui, |ui| {
                        for grouping in [Grouping::None, Grouping::Represents, Grouping::Status] {
                            ui.selectable_value(&mut self.grouping, grouping, grouping_name(grouping, texts));
                        }
                    })
                    .response
                    .labelled_by(label.id);
            }
            if !view.presenting {
                ui.add_space(12.0);
                if ui.button(texts.add_member).clicked() {
                    let id = MemberId(view.ids.next());
                    let mut changed = organisation.clone();
                    changed.board.push(BoardMember::new(id, texts.new_member_name));
                    commands.push(Edit::ReplaceOrganisation(Box::new(changed)));
                    self.focus = Some(Focus::Member(id));
                }
            }
        });
        ui.add_space(4.0);
        match self.look {
            Look::Table => members::table_ui(
                ui,
                view,
                organisation,
                &self.derived,
                &mut self.member_sort,
                &mut self.focus,
            ),
            Look::Cards => members::cards_ui(ui, view, organisation, &self.derived, &mut self.focus),
        }
        widgets::source_line_ui(ui, texts, &self.derived.board_source);
    }
}

fn grouping_name(grouping: Grouping, texts: &Texts) -> &'static str {
    match grouping {
        Grouping::None => texts.no_grouping,
        Grouping::Represents => texts.represents,
        Grouping::Status => texts.status,
    }
}

fn facts_ui(ui: &mut Ui, view: &ViewContext<'_>, organisation: &Organisation) {
    let (dossier, texts) = (view.dossier, view.texts);
    facts_grid(ui, "organisation_facts", |ui| {
        fact_label(ui, texts.legal_form);
        text_or_unknown(ui, organisation.legal_form.as_deref(), texts);
        ui.end_row();
        fact_label(ui, texts.founded);
        let founded = organisation.founded.as_ref();
        let response = text_or_unknown(
            ui,
            founded.map(|f| f.value.display(view.language)).as_deref(),
            texts,
        );
        widgets::with_source(response, dossier, founded.and_then(|f| f.source.as_ref()), texts);
        ui.end_row();
        fact_label(ui, texts.staff);
        let staff = organisation.staff.as_ref();
        let response = text_or_unknown(ui, staff.map(|s| s.value.to_string()).as_deref(), texts);
        widgets::with_source(response, dossier, staff.and_then(|s| s.source.as_ref()), texts);
        ui.end_row();
    });
}

/// The organisation's longer texts, folded under the members so that the tab opens on
/// them; each text under its name, wrapped, with its source on hover.
fn about_ui(ui: &mut Ui, view: &ViewContext<'_>, organisation: &Organisation) {
    let (dossier, texts) = (view.dossier, view.texts);
    ui.add_space(8.0);
    egui::CollapsingHeader::new(RichText::new(texts.about_organisation).strong())
        .id_salt("organisation_texts")
        .default_open(false)
        .show(ui, |ui| {
            for (label, fact) in [
                (texts.purpose, &organisation.purpose),
                (texts.decision_rule, &organisation.decision_rule),
                (texts.board_selection, &organisation.board_selection),
            ] {
                fact_label(ui, label);
                let response = match fact {
                    Some(fact) => widgets::wrapped(ui, &fact.value, 820.0),
                    None => widgets::unknown(ui, texts),
                };
                widgets::with_source(
                    response,
                    dossier,
                    fact.as_ref().and_then(|f| f.source.as_ref()),
                    texts,
                );
                ui.add_space(6.0);
            }
        });
}

/// How many members, chairs and outgoing members, and what is known of their votes.
fn summary_text(texts: &Texts, organisation: &Organisation) -> String {
    let count = |right: VotingRight| organisation.count_voting(right).to_string();
    texts.board_counts(
        organisation.board.len(),
        organisation.chairs().count().to_string(),
        organisation
            .members_with_status(MemberStatus::Outgoing)
            .count()
            .to_string(),
        organisation
            .members_with_status(MemberStatus::Former)
            .count()
            .to_string(),
        count(VotingRight::Yes),
        count(VotingRight::No),
        count(VotingRight::Unknown),
    )
}

/// One kind of gap in words: how many of how many lack it.
type GapText = fn(&Texts, usize, usize) -> String;

/// What the sources leave open about the board, in words.
fn gaps_text(texts: &Texts, organisation: &Organisation) -> String {
    let members = organisation.board.len();
    let leaving: Vec<_> = organisation
        .board
        .iter()
        .filter(|m| m.status != MemberStatus::Active)
        .collect();
    let gaps = [
        (
            organisation.count_voting(VotingRight::Unknown),
            members,
            (|texts, missing, of| texts.gap_voting(missing, of)) as GapText,
        ),
        (
            organisation
                .board
                .iter()
                .filter(|m| m.mandate_start.is_none())
                .count(),
            members,
            (|texts, missing, of| texts.gap_start(missing, of)) as GapText,
        ),
        (
            leaving.iter().filter(|m| m.mandate_end.is_none()).count(),
            leaving.len(),
            (|texts, missing, of| texts.gap_end(missing, of)) as GapText,
        ),
        (
            organisation
                .partners
                .iter()
                .filter(|p| p.joined.is_none())
                .count(),
            organisation.partners.len(),
            (|texts, missing, of| texts.gap_joined(missing, of)) as GapText,
        ),
    ];
    let open: Vec<String> = gaps
        .iter()
        .filter(|(count, _, _)| *count > 0)
        .map(|(count, of, what)| what(texts, *count, *of))
        .collect();
    open.join(" · ")
}

/// What the sources leave open about the board, at a glance.
fn gaps_ui(ui: &mut Ui, texts: &Texts, gaps: &str) {
    if gaps.is_empty() {
        return;
    }
    let warn = theme::palette(ui.visuals().dark_mode).warn;
    ui.horizontal_wrapped(|ui| {
        widgets::chip(ui, texts.not_in_sources, warn);
        ui.label(RichText::new(gaps).weak());
    });
}

/// Sorted and grouped views of the board, kept until the dossier or the order changes.
#[derive(Debug, Default)]
pub(crate) struct Derived {
    made_for: Memo<BoardKey>,
    /// The members table, line by line.
    lines: Vec<members::Line>,
    /// The cards: a represented organisation (or none) and its members' indexes.
    cards: Vec<(Option<String>, Vec<usize>)>,
    /// Member indexes in the order of the table, without group lines.
    order: Vec<usize>,
    partner_order: Vec<usize>,
    member_sources: Vec<String>,
    partner_sources: Vec<String>,
    /// How many members, chairs, … in one line; what the sources leave open.
    summary: String,
    gaps: String,
    /// Where the board's and the partners' facts come from, in one line each.
    board_source: String,
    partners_source: String,
}

/// What the board's derived views depend on besides the dossier, language and day.
type BoardKey = (
    OrganisationId,
    Option<SortKey<MemberColumn>>,
    Grouping,
    Option<SortKey<PartnerColumn>>,
);

impl Derived {
    fn refresh(
        &mut self,
        view: &ViewContext<'_>,
        organisation: &Organisation,
        member_sort: Option<SortKey<MemberColumn>>,
        grouping: Grouping,
        partner_sort: Option<SortKey<PartnerColumn>>,
    ) {
        let key = (organisation.id, member_sort, grouping, partner_sort);
        if self.made_for.is_fresh(view, &key) {
            return;
        }
        let dossier = view.dossier;
        let label = |source: Option<&SourceRef>| source.map(|s| dossier.source_label(s)).unwrap_or_default();
        self.member_sources = organisation
            .board
            .iter()
            .map(|m| label(m.source.as_ref()))
            .collect();
        self.partner_sources = organisation
            .partners
            .iter()
            .map(|p| label(p.source.as_ref()))
            .collect();
        self.order = members::sorted(organisation, &self.member_sources, member_sort);
        self.lines = members::lines(organisation, &self.order, grouping, view.texts);
        self.cards = members::cards(organisation);
        self.summary = summary_text(view.texts, organisation);
        self.gaps = gaps_text(view.texts, organisation);
        self.partner_order = partners::sorted(organisation, &self.partner_sources, partner_sort, view.texts);
        self.board_source = view
            .dossier
            .source_line(organisation.board.iter().filter_map(|m| m.source.as_ref()));
        self.partners_source = view
            .dossier
            .source_line(organisation.partners.iter().filter_map(|p| p.source.as_ref()));
        self.made_for.remember(view, key);
    }
}
