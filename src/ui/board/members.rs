//! The board members as a sortable, groupable table, and as cards grouped by the
//! organisation each member sits for.

use egui::{Align, Layout, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use super::{Derived, Focus, Grouping};
use crate::i18n::DateText as _;
use crate::i18n::Texts;
pub use crate::i18n::{member_status_name as status_name, role_name};
use crate::model::board::{BoardMember, BoardRole, MemberStatus, Organisation, VotingRight};
use crate::model::text::fold;
use crate::ui::widgets::{self, SortKey, chip, known_first, text_or_unknown};
use crate::ui::{ViewContext, theme};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MemberColumn {
    Name,
    Role,
    Represents,
    Vote,
    Start,
    End,
    Status,
    Source,
}

impl MemberColumn {
    pub const ALL: [MemberColumn; 8] = [
        MemberColumn::Name,
        MemberColumn::Role,
        MemberColumn::Represents,
        MemberColumn::Vote,
        MemberColumn::Start,
        MemberColumn::End,
        MemberColumn::Status,
        MemberColumn::Source,
    ];
}

/// A line of the members table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Line {
    Group { title: String, count: usize },
    Member(usize),
}

fn role_rank(role: &BoardRole) -> u8 {
    match role {
        BoardRole::Chair => 0,
        BoardRole::Secretary => 1,
        BoardRole::Treasurer => 2,
        BoardRole::Other(_) => 3,
        BoardRole::Member => 4,
    }
}

fn status_rank(status: MemberStatus) -> u8 {
    match status {
        MemberStatus::Active => 0,
        MemberStatus::Outgoing => 1,
        MemberStatus::Former => 2,
    }
}

fn vote_rank(right: VotingRight) -> u8 {
    match right {
        VotingRight::Yes => 0,
        VotingRight::No => 1,
        VotingRight::Unknown => 2,
    }
}

/// The member indexes in the order of `sort`; the dossier's order without one. Ties
/// go by name, and names by their letters (Hüseyin with Huseyin, İlker among the I's).
pub(super) fn sorted(
    organisation: &Organisation,
    sources: &[String],
    sort: Option<SortKey<MemberColumn>>,
) -> Vec<usize> {
    let board = &organisation.board;
    let mut order: Vec<usize> = (0..board.len()).collect();
    let Some(sort) = sort else {
        return order;
    };
    let names: Vec<String> = board.iter().map(BoardMember::sort_key).collect();
    let folded = |text: &Option<String>| text.as_deref().map(fold);
    order.sort_by(|&a, &b| {
        let (x, y) = (&board[a], &board[b]);
        let primary = match sort.column {
            MemberColumn::Name => sort.direct(names[a].cmp(&names[b])),
            MemberColumn::Role => sort.direct(role_rank(&x.role).cmp(&role_rank(&y.role))),
            MemberColumn::Represents => {
                known_first(folded(&x.represents), folded(&y.represents), sort.descending)
            }
            MemberColumn::Vote => sort.direct(vote_rank(x.voting_right).cmp(&vote_rank(y.voting_right))),
            MemberColumn::Start => known_first(x.mandate_start, y.mandate_start, sort.descending),
            MemberColumn::End => known_first(x.mandate_end, y.mandate_end, sort.descending),
            MemberColumn::Status => sort.direct(status_rank(x.status).cmp(&status_rank(y.status))),
            MemberColumn::Source => sort.direct(sources[a].cmp(&sources[b])),
        };
        primary.then_with(|| names[a].cmp(&names[b]))
    });
    order
}

/// The table's lines: the members in `order`, under a heading per group when grouped.
pub(super) fn lines(
    organisation: &Organisation,
    order: &[usize],
    grouping: Grouping,
    texts: &Texts,
) -> Vec<Line> {
    let board = &organisation.board;
    let group_of = |index: usize| -> (u8, String, String) {
        let member = &board[index];
        match grouping {
            Grouping::None => (0, String::new(), String::new()),
            Grouping::Status => (
                status_rank(member.status),
                String::new(),
                status_name(member.status, texts).to_string(),
            ),
            // Members who sit for no known organisation come last.
            Grouping::Represents => match &member.represents {
                Some(name) => (0, fold(name), name.clone()),
                None => (1, String::new(), texts.represents_unknown.to_string()),
            },
        }
    };
    if grouping == Grouping::None {
        return order.iter().map(|&index| Line::Member(index)).collect();
    }
    let mut keyed: Vec<((u8, String, String), usize)> = order.iter().map(|&i| (group_of(i), i)).collect();
    // A stable sort keeps the chosen order within each group.
    keyed.sort_by(|a, b| (a.0.0, &a.0.1).cmp(&(b.0.0, &b.0.1)));
    let mut lines = Vec::new();
    let mut current: Option<(u8, String)> = None;
    let mut heading = 0;
    for ((rank, key, title), index) in keyed {
        if current.as_ref() != Some(&(rank, key.clone())) {
            heading = lines.len();
            lines.push(Line::Group { title, count: 0 });
            current = Some((rank, key));
        }
        if let Some(Line::Group { count, .. }) = lines.get_mut(heading) {
            *count += 1;
        }
        lines.push(Line::Member(index));
    }
    lines
}

/// Cards by represented organisation: the chair's first, then by name, those without a
/// known organisation last; in each, the chair first, then by name.
pub(super) fn cards(organisation: &Organisation) -> Vec<(Option<String>, Vec<usize>)> {
    let board = &organisation.board;
    let mut cards: Vec<(Option<String>, Vec<usize>)> = Vec::new();
    for (index, member) in board.iter().enumerate() {
        match cards.iter_mut().find(|(name, _)| *name == member.represents) {
            Some((_, members)) => members.push(index),
            None => cards.push((member.represents.clone(), vec![index])),
        }
    }
    let has_chair = |members: &[usize]| members.iter().any(|&i| board[i].role == BoardRole::Chair);
    for (_, members) in &mut cards {
        members.sort_by_key(|&i| (role_rank(&board[i].role) != 0, board[i].sort_key()));
    }
    cards.sort_by_key(|(name, members)| (!has_chair(members), name.is_none(), name.as_deref().map(fold)));
    cards
}

/// The status as a chip: outgoing stands out, former is quiet.
pub(super) fn status_chip(ui: &mut Ui, status: MemberStatus, texts: &Texts) -> egui::Response {
    let palette = theme::palette(ui.visuals().dark_mode);
    let color = match status {
        MemberStatus::Active => palette.good,
        MemberStatus::Outgoing => palette.warn,
        MemberStatus::Former => ui.visuals().weak_text_color(),
    };
    chip(ui, status_name(status, texts), color)
}

/// The voting right in words; "unknown" set apart so it is never read as "no".
pub(super) fn vote_ui(ui: &mut Ui, right: VotingRight, texts: &Texts) -> egui::Response {
    match right {
        VotingRight::Yes => ui.label(texts.yes),
        VotingRight::No => ui.label(texts.no),
        VotingRight::Unknown => widgets::unknown(ui, texts),
    }
}

pub(super) fn table_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    organisation: &Organisation,
    derived: &Derived,
    sort: &mut Option<SortKey<MemberColumn>>,
    focus: &mut Option<Focus>,
) {
    let texts = view.texts;
    let board = &organisation.board;
    if board.is_empty() {
        ui.label(RichText::new(texts.no_members).weak());
        return;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 12.0;
    let columns = [
        (MemberColumn::Name, texts.name, false),
        (MemberColumn::Role, texts.role, false),
        (MemberColumn::Represents, texts.represents, false),
        (MemberColumn::Vote, texts.voting_right, false),
        (MemberColumn::Start, texts.mandate_start, false),
        (MemberColumn::End, texts.mandate_end, false),
        (MemberColumn::Status, texts.status, false),
        (MemberColumn::Source, texts.source, false),
    ];
    let selected = match focus {
        Some(Focus::Member(id)) => Some(*id),
        _ => None,
    };
    // The source column gives way to the source line under the table on a projector.
    let shown = if view.presenting {
        columns.len() - 1
    } else {
        columns.len()
    };
    let widths = [140.0, 70.0, 140.0, 70.0, 100.0, 100.0, 80.0, 120.0];
    let mut clicked = None;
    egui::ScrollArea::horizontal()
        .id_salt("members_wide")
        .show(ui, |ui| {
            let mut table = TableBuilder::new(ui)
                .id_salt("members_table")
                .striped(true)
                .vscroll(false)
                .cell_layout(Layout::left_to_right(Align::Center));
            for (index, width) in widths.iter().take(shown).enumerate() {
                table = table.column(if index + 1 == shown {
                    Column::remainder().at_least(*width)
                } else {
                    Column::auto().at_least(*width)
                });
            }
            if !view.presenting {
                table = table.sense(Sense::click());
            }
            table
                .header(row_height, |mut header| {
                    widgets::sort_header_row(&mut header, &columns[..shown], sort, texts.sort_hint);
                })
                .body(|body| {
                    // Only the lines in view are drawn.
                    body.rows(row_height, derived.lines.len(), |mut row| {
                        match &derived.lines[row.index()] {
                            Line::Group { title, count } => {
                                row.col(|ui| {
                                    ui.label(RichText::new(format!("{title} ({count})")).strong());
                                });
                                for _ in 1..shown {
                                    row.col(|_| {});
                                }
                            }
                            Line::Member(index) => {
                                let Some(member) = board.get(*index) else { return };
                                row.set_selected(selected == Some(member.id));
                                let source =
                                    (!view.presenting).then(|| derived.member_sources[*index].as_str());
                                member_cells(&mut row, view, member, source);
                                if row.response().clicked() {
                                    clicked = Some(member.id);
                                }
                            }
                        }
                    });
                });
        });
    if let Some(id) = clicked {
        *focus = Some(Focus::Member(id));
    }
}

/// The cells of a member's row; the source column only when `source` is given.
fn member_cells(
    row: &mut egui_extras::TableRow<'_, '_>,
    view: &ViewContext<'_>,
    member: &BoardMember,
    source: Option<&str>,
) {
    let texts = view.texts;
    row.col(|ui| {
        let text = RichText::new(&member.name);
        let text = if member.role == BoardRole::Chair {
            text.strong()
        } else {
            text
        };
        let response = ui.add(egui::Label::new(text).selectable(false));
        widgets::with_source(response, view.dossier, member.source.as_ref(), texts);
    });
    row.col(|ui| {
        ui.label(role_name(&member.role, texts));
    });
    row.col(|ui| {
        text_or_unknown(ui, member.represents.as_deref(), texts);
    });
    row.col(|ui| {
        vote_ui(ui, member.voting_right, texts);
    });
    for date in [member.mandate_start, member.mandate_end] {
        row.col(|ui| {
            text_or_unknown(ui, date.map(|d| d.display(view.language)).as_deref(), texts);
        });
    }
    row.col(|ui| {
        // Active is the usual case and stays plain; the others stand out.
        if member.status == MemberStatus::Active {
            ui.label(status_name(member.status, texts));
        } else {
            status_chip(ui, member.status, texts);
        }
    });
    let Some(source) = source else { return };
    row.col(|ui| {
        if source.is_empty() {
            ui.label(RichText::new(texts.entered_by_hand).weak());
        } else {
            let response = ui.label(RichText::new(source).small());
            widgets::with_source(response, view.dossier, member.source.as_ref(), texts);
        }
    });
}

/// The board as cards, one per represented organisation, for the projector.
pub(super) fn cards_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    organisation: &Organisation,
    derived: &Derived,
    focus: &mut Option<Focus>,
) {
    let texts = view.texts;
    if organisation.board.is_empty() {
        ui.label(RichText::new(texts.no_members).weak());
        return;
    }
    // Narrower cards on a projector, so that a board of seven or eight fits on the slide.
    let card_width = if view.presenting { 220.0 } else { 280.0 };
    widgets::card_rows(ui, derived.cards.len(), card_width, |ui, card| {
        let (represents, members) = &derived.cards[card];
        let heading = represents.as_deref().unwrap_or(texts.represents_unknown);
        ui.label(RichText::new(heading).small().weak());
        for &index in members {
            if let Some(member) = organisation.board.get(index) {
                card_member_ui(ui, view, member, focus);
            }
        }
    });
}

fn card_member_ui(ui: &mut Ui, view: &ViewContext<'_>, member: &BoardMember, focus: &mut Option<Focus>) {
    let texts = view.texts;
    let palette = theme::palette(ui.visuals().dark_mode);
    ui.horizontal_wrapped(|ui| {
        let mut name = RichText::new(&member.name).size(20.0).strong();
        if member.status == MemberStatus::Former {
            name = name.weak();
        }
        let response = ui.add(egui::Label::new(name).sense(Sense::click()));
        let response = widgets::with_source(response, view.dossier, member.source.as_ref(), texts);
        if response.clicked() && !view.presenting {
            *focus = Some(Focus::Member(member.id));
        }
    });
    ui.horizontal_wrapped(|ui| {
        if member.role != BoardRole::Member {
            chip(ui, role_name(&member.role, texts), palette.accent);
        }
        if member.status != MemberStatus::Active {
            status_chip(ui, member.status, texts);
        }
        ui.label(RichText::new(format!("{}:", texts.voting_right)).weak());
        vote_ui(ui, member.voting_right, texts);
    });
}
