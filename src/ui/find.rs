//! Find (Ctrl+F): one field that searches the whole dossier, a list of the hits with
//! where each stands, and a click, Enter or F3 to go to one on its tab.

use egui::text::{LayoutJob, TextFormat};
use egui::{RichText, Ui};

use super::memo::Memo;
use super::{Command, Commands, Tab, ViewContext, widgets};
use crate::i18n::Texts;
use crate::model::Dossier;
use crate::model::find::{Found, Hit, Hits, find};

/// The most hits listed; the rest are counted.
const MOST_HITS: usize = 500;

#[derive(Debug, Default)]
pub struct FindWindow {
    pub open: bool,
    query: String,
    hits: Hits,
    made_for: Memo<String>,
    /// The hit gone to last, for F3 and Shift+F3.
    current: Option<usize>,
    /// Give the field the keyboard on the next frame.
    focus_field: bool,
}

impl FindWindow {
    pub fn show(&mut self) {
        self.open = true;
        self.focus_field = true;
    }

    /// The next hit (or the previous one) after the one gone to last; with no hits yet,
    /// the window is shown to type what to find.
    pub fn step(&mut self, forward: bool) -> Option<Found> {
        let count = self.hits.hits.len();
        if count == 0 {
            self.show();
            return None;
        }
        let next = match (self.current, forward) {
            (Some(at), true) => (at + 1) % count,
            (Some(at), false) => (at + count - 1) % count,
            (None, true) => 0,
            (None, false) => count - 1,
        };
        self.current = Some(next);
        Some(self.hits.hits[next].found.clone())
    }

    pub fn ui(&mut self, ctx: &egui::Context, view: &ViewContext<'_>, commands: &mut Commands) {
        if !self.open || view.presenting {
            return;
        }
        // The hits follow the query and the dossier while the window is open.
        if !self.made_for.is_fresh(view, &self.query) {
            self.hits = find(view.dossier, &self.query, MOST_HITS);
            self.current = None;
            self.made_for.remember(view, self.query.clone());
        }
        let mut open = self.open;
        egui::Window::new(view.texts.find_title)
            .open(&mut open)
            .collapsible(false)
            .default_width(640.0)
            .default_height(480.0)
            // At the right, away from the lists and the grid it takes the reader to.
            .default_pos(ctx.content_rect().right_top() + egui::vec2(-680.0, 90.0))
            .show(ctx, |ui| self.contents_ui(ui, view, commands));
        self.open = open;
        if !self.made_for.is_fresh(view, &self.query) {
            // Typed this frame: the hits come on the next.
            ctx.request_repaint();
        }
    }

    fn contents_ui(&mut self, ui: &mut Ui, view: &ViewContext<'_>, commands: &mut Commands) {
        let texts = view.texts;
        let label = ui.label(texts.find_label);
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text(texts.find_hint)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut self.focus_field) {
            field.request_focus();
        }
        if widgets::enter_in(ui, &field)
            && let Some(found) = self.step(true)
        {
            commands.push(Command::Reveal(found));
        }
        ui.add_space(4.0);
        let summary = match (self.hits.total, self.hits.hits.len()) {
            (0, _) if self.query.trim().is_empty() => String::new(),
            (0, _) => texts.find_none.to_string(),
            (total, shown) if shown < total => texts.find_first(shown, total),
            (total, _) => texts.find_count(total),
        };
        ui.label(RichText::new(summary).weak());
        ui.separator();
        let query = self.query.trim().to_string();
        let row_height = 2.0 * ui.text_style_height(&egui::TextStyle::Body) + 10.0;
        egui::ScrollArea::vertical()
            .id_salt("find_hits")
            .auto_shrink([false, false])
            .show_rows(ui, row_height, self.hits.hits.len(), |ui, range| {
                for index in range {
                    let hit = &self.hits.hits[index];
                    let selected = self.current == Some(index);
                    if hit_ui(ui, view.dossier, texts, hit, &query, selected, row_height).clicked() {
                        self.current = Some(index);
                        commands.push(Command::Reveal(hit.found.clone()));
                    }
                }
            });
    }
}

/// A hit as the list shows it, one click to go to it: where it stands, and under it its
/// words with the match marked; each line ends in "…" where it does not fit.
fn hit_ui(
    ui: &mut Ui,
    dossier: &Dossier,
    texts: &Texts,
    hit: &Hit,
    query: &str,
    selected: bool,
    height: f32,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), height - 4.0),
        egui::Sense::click(),
    );
    let (tab, place) = place_of(dossier, texts, &hit.found);
    let place = format!("{} · {place}", tab.name(texts));
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, true, format!("{place}\n{}", hit.excerpt))
    });
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.style().interact_selectable(&response, selected);
    if selected || response.hovered() {
        ui.painter().rect_filled(rect, 4.0, visuals.weak_bg_fill);
    }
    let inner = rect.shrink2(egui::vec2(6.0, 3.0));
    let line = |job: LayoutJob| {
        let mut job = job;
        job.wrap = egui::text::TextWrapping::truncate_at_width(inner.width());
        ui.fonts_mut(|fonts| fonts.layout_job(job))
    };
    let ink = ui.visuals();
    let mut where_job = LayoutJob::default();
    where_job.append(
        &place,
        0.0,
        TextFormat::simple(egui::TextStyle::Small.resolve(ui.style()), ink.weak_text_color()),
    );
    let mut words_job = LayoutJob::default();
    widgets::highlighted(
        &mut words_job,
        &hit.excerpt,
        query,
        TextFormat::simple(egui::TextStyle::Body.resolve(ui.style()), ink.strong_text_color()),
        ink,
    );
    let where_galley = line(where_job);
    let words_galley = line(words_job);
    let below = inner.top() + where_galley.size().y + 2.0;
    ui.painter()
        .galley(inner.left_top(), where_galley, ink.text_color());
    ui.painter()
        .galley(egui::pos2(inner.left(), below), words_galley, ink.text_color());
    response
}

/// The tab a hit is shown on.
pub fn tab_of(found: &Found) -> Tab {
    match found {
        Found::Question(_) | Found::Event(_) | Found::Source { .. } => Tab::Timeline,
        Found::Table(_) | Found::Row { .. } | Found::Cell { .. } => Tab::Budget,
        Found::Organisation(_) | Found::Member { .. } | Found::Partner { .. } => Tab::Board,
        Found::Indicator(_) => Tab::Indicators,
    }
}

/// The tab a hit is shown on, and where on it, in words.
pub fn place_of(dossier: &Dossier, texts: &Texts, found: &Found) -> (Tab, String) {
    let table_of = |id| dossier.budget_tables.iter().find(|t| t.id == id);
    let table_name = |id| table_of(id).map_or_else(String::new, |t| t.title.clone());
    let row_place = |table, row| {
        let number = table_of(table).and_then(|t| t.rows.iter().position(|r| r.id == row));
        texts.place_row(table_name(table), number.map_or(0, |n| n + 1))
    };
    let organisation = |id| dossier.organisations.iter().find(|o| o.id == id);
    match found {
        Found::Question(id) => {
            let name = dossier.question(*id).map_or_else(String::new, |q| {
                let name = q.short_name().unwrap_or_else(|| texts.question_short.to_string());
                format!("{name} {}", q.title.as_deref().unwrap_or_default())
            });
            (Tab::Timeline, name)
        }
        Found::Event(id) => {
            let title = dossier
                .events
                .iter()
                .find(|e| e.id == *id)
                .map(|e| e.title.clone());
            (Tab::Timeline, title.unwrap_or_default())
        }
        Found::Table(id) => (Tab::Budget, table_name(*id)),
        Found::Row { table, row } => (Tab::Budget, row_place(*table, *row)),
        Found::Cell { table, row, column } => {
            let column = table_of(*table)
                .and_then(|t| t.columns.iter().find(|c| c.id == *column))
                .map_or_else(String::new, |c| c.name.clone());
            (Tab::Budget, format!("{}, {column}", row_place(*table, *row)))
        }
        Found::Organisation(id) => (
            Tab::Board,
            organisation(*id).map_or_else(String::new, |o| o.name.clone()),
        ),
        Found::Member {
            organisation: id,
            member,
        } => {
            let name = organisation(*id)
                .and_then(|o| o.board.iter().find(|m| m.id == *member))
                .map_or_else(String::new, |m| m.name.clone());
            (Tab::Board, name)
        }
        Found::Partner {
            organisation: id,
            partner,
        } => {
            let name = organisation(*id)
                .and_then(|o| o.partners.iter().find(|p| p.id == *partner))
                .map_or_else(String::new, |p| p.full_name());
            (Tab::Board, name)
        }
        Found::Indicator(id) => {
            let name = dossier
                .indicators
                .iter()
                .find(|i| i.id == *id)
                .map_or_else(String::new, |i| i.engagement_type.clone());
            (Tab::Indicators, name)
        }
        Found::Source { document, line } => {
            let title = dossier
                .source(document)
                .map_or_else(String::new, |s| s.title.clone());
            (Tab::Timeline, texts.place_line(title, line + 1))
        }
    }
}
