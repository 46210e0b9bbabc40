//! The indicator dashboard: target against the latest actual per engagement type, as key
//! figures, a table and a bar chart, with the trend of indicators measured more than
//! once, editing, and the chart as a picture for slides.

mod chart;
mod editor;
mod table;

use std::path::PathBuf;
use std::sync::Arc;

use egui::{Color32, RichText, Ui};
use rust_decimal::Decimal;

use super::command::Export;
use super::fields::FieldBuffers;
use super::widgets::{self, SortKey};
use super::{Command, Commands, ViewContext, theme};
use crate::i18n::DateText as _;
pub use crate::i18n::indicator_status_name as status_name;
use crate::model::dossier::{IndicatorId, Settings};
use crate::model::edit::Edit;
use crate::model::indicator::{Dashboard, Indicator, Thresholds};
use crate::model::money::format_decimal;
use crate::model::slide::SlideView;
use crate::ui::memo::{DerivedKey, Memo};
use crate::ui::page_blocks::PageBlocks;
use crate::ui::picture::{PendingPicture, Picture};

pub use table::IndicatorColumn;

/// A count or value as the table shows it: Belgian notation, the decimals it has (at
/// most two).
pub fn number(value: Decimal) -> String {
    format_decimal(value, value.normalize().scale().min(2))
}

/// An achievement, exact inside and rounded to two decimals for reading: `78,75 %`.
pub fn percent_text(percent: Decimal) -> String {
    format!("{} %", format_decimal(percent, 2))
}

/// The figures of all indicators and the table's order, kept until the dossier or the
/// order changes.
#[derive(Debug)]
pub(crate) struct Derived {
    made_for: Memo<Option<SortKey<IndicatorColumn>>>,
    dashboard: Dashboard,
    order: Vec<usize>,
    /// Where the figures come from, in one line.
    source: String,
    /// Whether some indicator was measured more than once (the table has a trend column).
    trends: bool,
}

impl Default for Derived {
    fn default() -> Derived {
        Derived {
            made_for: Memo::default(),
            dashboard: Dashboard::of(&[], Thresholds::default()),
            order: Vec::new(),
            source: String::new(),
            trends: false,
        }
    }
}

impl Derived {
    fn refresh(&mut self, view: &ViewContext<'_>, sort: Option<SortKey<IndicatorColumn>>) {
        if self.made_for.is_fresh(view, &sort) {
            return;
        }
        let indicators = &view.dossier.indicators;
        self.dashboard = Dashboard::of(indicators, view.dossier.settings.indicator_thresholds);
        self.order = table::sorted(indicators, &self.dashboard.figures, sort);
        self.trends = indicators.iter().any(|i| i.measurements.len() > 1);
        self.source = view
            .dossier
            .source_line(indicators.iter().filter_map(|i| i.source.as_ref()));
        self.made_for.remember(view, sort);
    }
}

/// The chart drawn alone for a few frames, then photographed and cut out.
#[derive(Debug)]
struct ChartExport {
    path: PathBuf,
    /// Where the chart and its caption stood in the last frame, in points.
    rect: Option<egui::Rect>,
    picture: PendingPicture,
}

#[derive(Debug, Default)]
pub struct IndicatorsView {
    sort: Option<SortKey<IndicatorColumn>>,
    pub focus: Option<IndicatorId>,
    editor: editor::EditorState,
    thresholds: FieldBuffers,
    derived: Derived,
    export: Option<ChartExport>,
    /// The chart below the table, left out while out of sight.
    blocks: PageBlocks,
}

impl IndicatorsView {
    /// The view as a slide keeps it: the table's sort.
    pub fn slide_view(&self) -> SlideView {
        let (sort, descending) = widgets::sort_name(self.sort);
        SlideView {
            sort,
            descending,
            ..SlideView::default()
        }
    }

    pub fn show_slide(&mut self, slide: &SlideView) {
        self.sort = widgets::sort_named(IndicatorColumn::ALL, slide.sort.as_deref(), slide.descending);
    }

    /// Draws the chart alone, photographs it and hands the picture to the app, which
    /// saves it at `path`.
    pub fn begin_export(&mut self, path: PathBuf) {
        self.export = Some(ChartExport {
            path,
            rect: None,
            picture: PendingPicture::default(),
        });
    }

    pub fn ui(&mut self, ui: &mut Ui, view: &ViewContext<'_>, commands: &mut Commands) {
        self.derived.refresh(view, self.sort);
        let indicators = &view.dossier.indicators;
        if self.export.is_some() {
            self.export_ui(ui, view, commands);
            return;
        }
        if view.presenting {
            self.focus = None;
        }
        let focused = self.focus.and_then(|id| indicators.iter().find(|i| i.id == id));
        if let Some(indicator) = focused {
            egui::Panel::right("indicator_editor")
                .resizable(true)
                .default_size(430.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("indicator_editor_scroll")
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            if editor::editor_ui(ui, view, indicator, &mut self.editor, commands) {
                                self.focus = None;
                            }
                        });
                });
        }
        if view.presenting && !indicators.is_empty() {
            self.presentation_ui(ui, view);
            return;
        }
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("indicators_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.add_space(4.0);
                    self.workbench_ui(ui, view, commands);
                    ui.add_space(12.0);
                });
        });
    }

    fn workbench_ui(&mut self, ui: &mut Ui, view: &ViewContext<'_>, commands: &mut Commands) {
        let texts = view.texts;
        let indicators = &view.dossier.indicators;
        ui.horizontal_wrapped(|ui| {
            if ui.button(texts.add_indicator).clicked() {
                let id = IndicatorId(view.ids.next());
                commands.push(Edit::InsertIndicator {
                    index: indicators.len(),
                    indicator: Box::new(Indicator::new(id, texts.new_indicator_name)),
                });
                self.focus = Some(id);
            }
            let export = ui.add_enabled(!indicators.is_empty(), egui::Button::new(texts.export_chart));
            if export.clicked() {
                commands.push(Command::Export(Export::Chart));
            }
            ui.add_space(16.0);
            thresholds_ui(ui, view, &mut self.thresholds, commands);
        });
        if indicators.is_empty() {
            ui.add_space(8.0);
            ui.label(RichText::new(texts.no_indicators).weak());
            return;
        }
        ui.add_space(6.0);
        self.blocks.begin(ui, (DerivedKey::of(view), self.sort));
        key_figures_ui(ui, view, &self.derived, false);
        ui.add_space(8.0);
        // The table draws only its rows in view by itself.
        if let Some(id) = table::table_ui(ui, view, &self.derived, &mut self.sort, self.focus) {
            self.focus = Some(id);
        }
        let derived = &self.derived;
        let height = chart::bar_chart_height(chart::chart_rows(derived));
        // With its heading, legend and source line; measured once it is drawn.
        let block_height = height + 3.0 * ui.text_style_height(&egui::TextStyle::Body) + 24.0;
        self.blocks.block_of_height_ui(ui, "chart", block_height, |ui| {
            widgets::section_heading(ui, texts.chart_heading);
            chart::bar_chart_ui(ui, view, derived, height, false);
            widgets::source_line_ui(ui, view.texts, &derived.source);
        });
    }

    /// For the back of the room: the key figures large down the side, the chart filling
    /// the rest of the screen (scrolling only when its rows need more).
    fn presentation_ui(&mut self, ui: &mut Ui, view: &ViewContext<'_>) {
        egui::Panel::right("key_figures")
            .resizable(false)
            .exact_size(290.0)
            .show(ui, |ui| {
                ui.add_space(6.0);
                key_figures_ui(ui, view, &self.derived, true);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("indicators_presenting")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    let rows = chart::chart_rows(&self.derived);
                    let room = ui.available_height() - 90.0;
                    let height = room.max(rows as f32 * 34.0 + 70.0);
                    chart::bar_chart_ui(ui, view, &self.derived, height, true);
                    widgets::source_line_ui(ui, view.texts, &self.derived.source);
                });
        });
    }

    /// The chart with its caption alone in the window, for the picture.
    fn export_ui(&mut self, ui: &mut Ui, view: &ViewContext<'_>, commands: &mut Commands) {
        let Some(export) = &mut self.export else { return };
        egui::CentralPanel::default().show(ui, |ui| {
            let frame = egui::Frame::new()
                .inner_margin(egui::Margin::same(16))
                .fill(ui.visuals().panel_fill);
            let shown = frame.show(ui, |ui| {
                ui.label(RichText::new(view.texts.chart_heading).heading().strong());
                let height = (ui.available_height() - 40.0).max(200.0);
                chart::bar_chart_ui(ui, view, &self.derived, height, true);
                widgets::source_line_ui(ui, view.texts, &self.derived.source);
            });
            export.rect = Some(shown.response.rect);
        });
        // A few frames first, so that the plot has its bounds and the fonts are ready.
        let picture = match (export.picture.step(ui.ctx(), 4), export.rect) {
            (Picture::Taken(image), Some(rect)) => {
                Some(Ok(image.region(&rect, Some(ui.ctx().pixels_per_point()))))
            }
            (Picture::Taken(_), None) | (Picture::Missing, _) => Some(Err(view.texts.no_picture.to_string())),
            (Picture::Waiting, _) => None,
        };
        if let Some(picture) = picture {
            commands.push(Command::SaveChartPicture {
                path: export.path.clone(),
                picture: picture.map(Arc::new),
            });
            self.export = None;
        }
    }
}

/// The thresholds that separate met, close and behind, edited in place.
fn thresholds_ui(ui: &mut Ui, view: &ViewContext<'_>, fields: &mut FieldBuffers, commands: &mut Commands) {
    let texts = view.texts;
    let settings = &view.dossier.settings;
    let current = settings.indicator_thresholds;
    ui.label(RichText::new(texts.thresholds).weak());
    for (key, label, value) in [
        ("threshold_met", texts.met_from, current.met),
        ("threshold_close", texts.close_from, current.close),
    ] {
        ui.scope(|ui| {
            ui.set_max_width(190.0);
            ui.horizontal(|ui| {
                if let Some(typed) = fields.number(ui, key, label, Some(value)) {
                    let Some(typed) = typed else {
                        fields.refuse(key, texts.value_needed.to_string());
                        return;
                    };
                    let mut thresholds = current;
                    if key == "threshold_met" {
                        thresholds.met = typed;
                    } else {
                        thresholds.close = typed;
                    }
                    if thresholds.close > thresholds.met {
                        fields.refuse(key, texts.close_above_met.to_string());
                    } else if typed.is_sign_negative() && !typed.is_zero() {
                        fields.refuse(key, texts.below_zero.to_string());
                    } else {
                        commands.push(Edit::SetSettings(Box::new(Settings {
                            indicator_thresholds: thresholds,
                            ..settings.clone()
                        })));
                    }
                }
                ui.label("%");
            });
        });
    }
}

/// One large figure with its words under it.
fn key_figure(ui: &mut Ui, figure: &str, words: &str, color: Color32, big: bool) {
    let size = if big { 40.0 } else { 34.0 };
    ui.label(RichText::new(figure).size(size).strong().color(color));
    ui.label(RichText::new(words).weak());
}

/// Met, close and behind; the biggest shortfall and overshoot; the date measured.
fn key_figures_ui(ui: &mut Ui, view: &ViewContext<'_>, derived: &Derived, big: bool) {
    let texts = view.texts;
    let dashboard = &derived.dashboard;
    let indicators = &view.dossier.indicators;
    let palette = theme::palette(ui.visuals().dark_mode);
    let text = ui.visuals().strong_text_color();
    let extreme = |index: Option<usize>| {
        let index = index?;
        let (indicator, figures) = (indicators.get(index)?, dashboard.figures.get(index)?);
        let line = texts.actual_of_target(
            number(figures.actual?),
            number(figures.target?),
            percent_text(figures.percent?),
        );
        Some((indicator.engagement_type.clone(), line))
    };
    let shortfall = extreme(dashboard.biggest_shortfall);
    let overshoot = extreme(dashboard.biggest_overshoot);
    let measured = match dashboard.measured {
        Some((first, last)) if first == last => last.display(view.language),
        Some((first, last)) => format!(
            "{} – {}",
            first.display(view.language),
            last.display(view.language)
        ),
        None => texts.not_measured.to_string(),
    };
    // Down the side on a projector, in a row otherwise.
    let width = if big { 240.0 } else { 250.0 };
    widgets::card_rows(ui, 4, width, |ui, card| match card {
        0 => {
            ui.horizontal(|ui| {
                for (count, words, color) in [
                    (dashboard.met, texts.met, palette.good),
                    (dashboard.close, texts.close_to, palette.warn),
                    (dashboard.behind, texts.behind, palette.bad),
                ] {
                    ui.vertical(|ui| key_figure(ui, &count.to_string(), words, color, big));
                    ui.add_space(14.0);
                }
            });
            if dashboard.unrated > 0 {
                ui.label(
                    RichText::new(texts.unrated_count(dashboard.unrated))
                        .small()
                        .weak(),
                );
            }
        }
        1 | 2 => {
            let (title, extreme) = if card == 1 {
                (texts.biggest_shortfall, &shortfall)
            } else {
                (texts.biggest_overshoot, &overshoot)
            };
            ui.label(RichText::new(title).weak());
            match extreme {
                Some((name, line)) => {
                    let size = if big { 22.0 } else { 21.0 };
                    ui.label(RichText::new(line).size(size).strong().color(text));
                    let name = if big {
                        RichText::new(name).small()
                    } else {
                        RichText::new(name)
                    };
                    ui.add(egui::Label::new(name).wrap());
                }
                None => {
                    ui.label(RichText::new(texts.none_word).weak());
                }
            }
        }
        _ => {
            ui.label(RichText::new(texts.measured_on).weak());
            let size = if big { 22.0 } else { 21.0 };
            ui.label(RichText::new(measured.as_str()).size(size).strong().color(text));
            ui.label(RichText::new(texts.of_indicators(indicators.len())).weak());
        }
    });
}
