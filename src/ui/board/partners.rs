//! The partner organisations: name, sector, when they joined and where that is said.

use egui::{Align, Layout, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use super::{Derived, Focus};
use crate::i18n::DateText as _;
use crate::i18n::Texts;
pub use crate::i18n::sector_name;
use crate::model::board::{Organisation, Partner, Sector};
use crate::model::dossier::PartnerId;
use crate::model::edit::Edit;
use crate::model::text::fold;
use crate::ui::widgets::{self, SortKey, known_first, text_or_unknown};
use crate::ui::{Commands, ViewContext};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartnerColumn {
    Name,
    Sector,
    Joined,
    Source,
}

/// The partner indexes in the order of `sort`, unknown values last; the dossier's order
/// without one.
pub(super) fn sorted(
    organisation: &Organisation,
    sources: &[String],
    sort: Option<SortKey<PartnerColumn>>,
    texts: &Texts,
) -> Vec<usize> {
    let partners = &organisation.partners;
    let mut order: Vec<usize> = (0..partners.len()).collect();
    let Some(sort) = sort else {
        return order;
    };
    let names: Vec<String> = partners.iter().map(|p| fold(&p.full_name())).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&partners[a], &partners[b]);
        let sector = |partner: &Partner| partner.sector.map(|s| fold(sector_name(s, texts)));
        let primary = match sort.column {
            PartnerColumn::Name => sort.direct(names[a].cmp(&names[b])),
            PartnerColumn::Sector => known_first(sector(x), sector(y), sort.descending),
            PartnerColumn::Joined => known_first(x.joined, y.joined, sort.descending),
            PartnerColumn::Source => sort.direct(sources[a].cmp(&sources[b])),
        };
        primary.then_with(|| names[a].cmp(&names[b]))
    });
    order
}

pub(super) fn partners_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    organisation: &Organisation,
    derived: &Derived,
    sort: &mut Option<SortKey<PartnerColumn>>,
    focus: &mut Option<Focus>,
    commands: &mut Commands,
) {
    let texts = view.texts;
    if !view.presenting && ui.button(texts.add_partner).clicked() {
        let id = PartnerId(view.ids.next());
        let mut changed = organisation.clone();
        changed.partners.push(Partner {
            id,
            name: texts.new_partner_name.to_string(),
            abbreviation: None,
            sector: None,
            joined: None,
            note: None,
            source: None,
        });
        commands.push(Edit::ReplaceOrganisation(Box::new(changed)));
        *focus = Some(Focus::Partner(id));
    }
    if organisation.partners.is_empty() {
        ui.label(RichText::new(texts.no_partners).weak());
        return;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 12.0;
    let columns = [
        (PartnerColumn::Name, texts.name, false),
        (PartnerColumn::Sector, texts.sector, false),
        (PartnerColumn::Joined, texts.joined, false),
        (PartnerColumn::Source, texts.source, false),
    ];
    let selected = match focus {
        Some(Focus::Partner(id)) => Some(*id),
        _ => None,
    };
    let mut clicked = None;
    egui::ScrollArea::horizontal()
        .id_salt("partners_wide")
        .show(ui, |ui| {
            let mut table = TableBuilder::new(ui)
                .id_salt("partners_table")
                .striped(true)
                .vscroll(false)
                .cell_layout(Layout::left_to_right(Align::Center))
                .column(Column::auto().at_least(420.0))
                .column(Column::auto().at_least(170.0))
                .column(Column::auto().at_least(130.0))
                .column(Column::remainder().at_least(130.0));
            if !view.presenting {
                table = table.sense(Sense::click());
            }
            table
                .header(row_height, |mut header| {
                    widgets::sort_header_row(&mut header, &columns, sort, texts.sort_hint);
                })
                .body(|body| {
                    // Only the rows in view are drawn.
                    body.rows(row_height, derived.partner_order.len(), |mut row| {
                        let index = derived.partner_order[row.index()];
                        let Some(partner) = organisation.partners.get(index) else {
                            return;
                        };
                        {
                            row.set_selected(selected == Some(partner.id));
                            row.col(|ui| {
                                let response =
                                    ui.add(egui::Label::new(partner.full_name()).selectable(false));
                                let response = widgets::with_source(
                                    response,
                                    view.dossier,
                                    partner.source.as_ref(),
                                    texts,
                                );
                                if let Some(note) = &partner.note {
                                    response.on_hover_text(note);
                                }
                            });
                            row.col(|ui| {
                                text_or_unknown(ui, partner.sector.map(|s| sector_name(s, texts)), texts);
                            });
                            row.col(|ui| {
                                text_or_unknown(
                                    ui,
                                    partner.joined.map(|d| d.display(view.language)).as_deref(),
                                    texts,
                                );
                            });
                            row.col(|ui| {
                                let source = &derived.partner_sources[index];
                                if source.is_empty() {
                                    ui.label(RichText::new(texts.entered_by_hand).weak());
                                } else {
                                    ui.label(RichText::new(source).small());
                                }
                            });
                            if row.response().clicked() {
                                clicked = Some(partner.id);
                            }
                        }
                    });
                });
        });
    if let Some(id) = clicked {
        *focus = Some(Focus::Partner(id));
    }
}

/// The partners as lines by sector, for the projector: `trade union: ABVV · ACLVB · ACV`.
pub(super) fn by_sector_ui(ui: &mut Ui, view: &ViewContext<'_>, organisation: &Organisation) {
    let texts = view.texts;
    if organisation.partners.is_empty() {
        ui.label(RichText::new(texts.no_partners).weak());
        return;
    }
    let sectors = Sector::ALL.map(Some).into_iter().chain([None]);
    egui::Grid::new("partners_by_sector")
        .num_columns(2)
        .spacing([24.0, 8.0])
        .show(ui, |ui| {
            for sector in sectors {
                let names: Vec<&str> = organisation
                    .partners
                    .iter()
                    .filter(|p| p.sector == sector)
                    .map(|p| p.abbreviation.as_deref().unwrap_or(&p.name))
                    .collect();
                if names.is_empty() {
                    continue;
                }
                let sector = sector.map_or(texts.sector_unknown, |s| sector_name(s, texts));
                ui.label(RichText::new(sector).weak());
                ui.label(names.join(" · "));
                ui.end_row();
            }
        });
}
