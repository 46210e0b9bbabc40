//! The board: the organisation, its board members and its partners, with what is not
//! known shown as unknown.

use egui::{Align, Layout, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::widgets::{self, chip, fact_label, facts_grid, section_heading, text_or_unknown};
use super::{ViewContext, theme};
use crate::i18n::{Texts, fill};
use crate::model::board::{BoardMember, BoardRole, MemberStatus, Organisation, Sector, VotingRight};
use crate::model::dossier::OrganisationId;

#[derive(Debug, Default)]
pub struct BoardView {
    pub selected: Option<OrganisationId>,
}

impl BoardView {
    pub fn ui(&mut self, ui: &mut Ui, view: &ViewContext<'_>) {
        let texts = view.texts;
        let organisations = &view.dossier.organisations;
        let Some(first) = organisations.first() else {
            ui.label(RichText::new(texts.no_organisations).weak());
            return;
        };
        let organisation = self
            .selected
            .and_then(|id| organisations.iter().find(|o| o.id == id))
            .unwrap_or(first);
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("board_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.add_space(4.0);
                    if organisations.len() > 1 && !view.presenting {
                        egui::ComboBox::from_label(texts.organisation)
                            .selected_text(&organisation.name)
                            .show_ui(ui, |ui| {
                                for other in organisations {
                                    ui.selectable_value(&mut self.selected, Some(other.id), &other.name);
                                }
                            });
                    }
                    ui.label(RichText::new(&organisation.name).heading());
                    facts_ui(ui, view, organisation);
                    section_heading(ui, texts.board_members);
                    counts_ui(ui, texts, organisation);
                    members_ui(ui, view, &organisation.board);
                    section_heading(ui, texts.partners);
                    partners_ui(ui, view, organisation);
                });
        });
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
            ui.end_row();
        }
    });
}

fn counts_ui(ui: &mut Ui, texts: &Texts, organisation: &Organisation) {
    let count = |right: VotingRight| organisation.count_voting(right).to_string();
    let line = fill(
        texts.board_counts,
        &[
            &organisation.board.len().to_string(),
            &count(VotingRight::Yes),
            &count(VotingRight::No),
            &count(VotingRight::Unknown),
        ],
    );
    ui.label(RichText::new(line).weak());
    ui.add_space(4.0);
}

fn members_ui(ui: &mut Ui, view: &ViewContext<'_>, members: &[BoardMember]) {
    let texts = view.texts;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
    let height = row_height * (members.len() as f32 + 1.5);
    ui.push_id("members", |ui| {
        ui.set_height(height);
        TableBuilder::new(ui)
            .striped(true)
            .vscroll(false)
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::auto().at_least(180.0))
            .column(Column::auto().at_least(110.0))
            .column(Column::auto().at_least(200.0))
            .column(Column::auto().at_least(90.0))
            .column(Column::auto().at_least(120.0))
            .column(Column::auto().at_least(120.0))
            .column(Column::remainder().at_least(110.0))
            .header(row_height, |mut header| {
                for title in [
                    texts.name,
                    texts.role,
                    texts.represents,
                    texts.voting_right,
                    texts.mandate_start,
                    texts.mandate_end,
                    texts.status,
                ] {
                    header.col(|ui| {
                        ui.label(RichText::new(title).strong());
                    });
                }
            })
            .body(|mut body| {
                for member in members {
                    body.row(row_height, |mut row| {
                        row.col(|ui| {
                            let response = ui.label(&member.name);
                            widgets::with_source(response, view.dossier, member.source.as_ref(), texts);
                        });
                        row.col(|ui| {
                            ui.label(role_name(&member.role, texts));
                        });
                        row.col(|ui| {
                            text_or_unknown(ui, member.represents.as_deref(), texts);
                        });
                        row.col(|ui| {
                            match member.voting_right {
                                VotingRight::Yes => ui.label(texts.yes),
                                VotingRight::No => ui.label(texts.no),
                                VotingRight::Unknown => widgets::unknown(ui, texts),
                            };
                        });
                        row.col(|ui| {
                            text_or_unknown(
                                ui,
                                member.mandate_start.map(|d| d.display(view.language)).as_deref(),
                                texts,
                            );
                        });
                        row.col(|ui| {
                            text_or_unknown(
                                ui,
                                member.mandate_end.map(|d| d.display(view.language)).as_deref(),
                                texts,
                            );
                        });
                        row.col(|ui| {
                            let palette = theme::palette(ui.visuals().dark_mode);
                            let (name, color) = match member.status {
                                MemberStatus::Active => (texts.status_active, palette.good),
                                MemberStatus::Outgoing => (texts.status_outgoing, palette.warn),
                                MemberStatus::Former => (texts.status_former, ui.visuals().weak_text_color()),
                            };
                            chip(ui, name, color);
                        });
                    });
                }
            });
    });
}

fn partners_ui(ui: &mut Ui, view: &ViewContext<'_>, organisation: &Organisation) {
    let texts = view.texts;
    egui::Grid::new("partners")
        .num_columns(3)
        .striped(true)
        .spacing([24.0, 8.0])
        .show(ui, |ui| {
            for title in [texts.name, texts.sector, texts.joined] {
                ui.label(RichText::new(title).strong());
            }
            ui.end_row();
            for partner in &organisation.partners {
                let name = match &partner.abbreviation {
                    Some(abbreviation) => format!("{} ({abbreviation})", partner.name),
                    None => partner.name.clone(),
                };
                let response = ui.label(name);
                let response = widgets::with_source(response, view.dossier, partner.source.as_ref(), texts);
                if let Some(note) = &partner.note {
                    response.on_hover_text(note);
                }
                text_or_unknown(ui, partner.sector.map(|s| sector_name(s, texts)), texts);
                text_or_unknown(
                    ui,
                    partner.joined.map(|d| d.display(view.language)).as_deref(),
                    texts,
                );
                ui.end_row();
            }
        });
}

pub fn role_name<'a>(role: &'a BoardRole, texts: &'a Texts) -> &'a str {
    match role {
        BoardRole::Chair => texts.role_chair,
        BoardRole::Secretary => texts.role_secretary,
        BoardRole::Treasurer => texts.role_treasurer,
        BoardRole::Member => texts.role_member,
        BoardRole::Other(other) => other,
    }
}

pub fn sector_name(sector: Sector, texts: &Texts) -> &'static str {
    match sector {
        Sector::TradeUnion => texts.sector_trade_union,
        Sector::Education => texts.sector_education,
        Sector::Employers => texts.sector_employers,
        Sector::LocalGovernment => texts.sector_local_government,
        Sector::Other => texts.sector_other,
    }
}
