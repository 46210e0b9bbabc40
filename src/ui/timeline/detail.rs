//! The selected question, with each sub-question beside the answer that belongs to it
//! and its status, its citations, its thread and its source; or the selected event.

use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{Response, RichText, TextFormat, Ui};

use super::list::{highlighted, kind_color, kind_name};
use super::{Derived, Selection};
use crate::document::DossierVersion;
use crate::i18n::DateText as _;
use crate::i18n::Texts;
pub(super) use crate::i18n::answer_status_name as status_name;
use crate::i18n::format_day;
use crate::model::analysis::{AnswerShare, Timeliness};
use crate::model::calendar::format_day_short;
use crate::model::dossier::QuestionId;
use crate::model::edit::Edit;
use crate::model::event::Event;
use crate::model::question::{
    AnswerPart, AnswerStatus, Coverage, Minister, Question, SubQuestion, SubQuestionRole,
};
use crate::ui::kept_text::{KeptGalleys, TextLook, kept_label_ui};
use crate::ui::memo::{DerivedKey, Memo};
use crate::ui::page_blocks::PageBlocks;
use crate::ui::widgets::{self, chip, facts_grid, section_heading};
use crate::ui::{Commands, ViewContext, theme};

/// What the detail keeps between frames for the question it shows: the room each part
/// of it takes, and each sub-question's status (suggested from the answer's wording,
/// which is read once, not on every frame).
#[derive(Debug, Default)]
pub(super) struct DetailState {
    blocks: PageBlocks,
    /// The parts of each sub-question's block.
    inner: PageBlocks,
    /// The head's labels, laid out.
    labels: Labels,
    statuses_made_for: Memo<QuestionId>,
    /// By sub-question, in their order: its status, and whether it was set by hand.
    statuses: Vec<Option<(AnswerStatus, bool)>>,
    share: AnswerShare,
}

impl DetailState {
    fn begin(&mut self, ui: &Ui, view: &ViewContext<'_>, question: &Question, query: &str) {
        if !self.statuses_made_for.is_fresh(view, &question.id) {
            self.statuses = (question.sub_questions.iter())
                .map(|sub| question.status_of(&sub.label))
                .collect();
            self.share = AnswerShare::of(question);
            self.statuses_made_for.remember(view, question.id);
        }
        let page = (DerivedKey::of(view), question.id, query);
        self.blocks.begin(ui, page);
        self.inner.begin(ui, page);
        self.labels.begin(ui, (page, TextLook::of(ui)));
    }
}

/// Kept labels, by name and part (0 the name of a fact, 1 its value).
type Labels = KeptGalleys<((&'static str, u8), u32)>;

/// Draws a question; returns whether the user asked to edit it.
#[allow(clippy::too_many_arguments)] // the view's parts, passed apart so each is borrowed as it must be
pub(super) fn question_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    derived: &Derived,
    question: &Question,
    timeliness: Option<Timeliness>,
    query: &str,
    state: &mut DetailState,
    selection: &mut Option<Selection>,
    commands: &mut Commands,
) -> bool {
    let texts = view.texts;
    state.begin(ui, view, question, query);
    let DetailState {
        blocks,
        inner,
        labels,
        statuses,
        share,
        ..
    } = state;
    let mut edit = false;
    blocks.block_ui(ui, "head", |ui| {
        edit = head_ui(ui, view, (question, timeliness), query, *share, labels);
    });
    if !question.preamble.is_empty() {
        blocks.block_ui(ui, "preamble", |ui| {
            section_heading(ui, texts.preamble);
            body_ui(ui, &question.preamble, query);
        });
    }
    for (index, (sub, status)) in question.sub_questions.iter().zip(statuses.iter()).enumerate() {
        blocks.block_ui(ui, ("sub", index), |ui| {
            if index == 0 {
                section_heading(ui, texts.sub_questions);
            }
            sub_question_ui(ui, view, question, (index, sub, *status), query, inner, commands);
        });
        // Outside the block: space at a block's end would take the item spacing twice.
        ui.add_space(4.0);
    }
    let loose = question
        .answer
        .iter()
        .flat_map(|answer| &answer.parts)
        .filter(|part| part.covers.is_empty());
    for (index, part) in loose.enumerate() {
        blocks.block_ui(ui, ("loose", index), |ui| {
            if index == 0 {
                section_heading(ui, texts.answer);
            }
            answer_part_ui(ui, texts, part, query, "");
        });
    }
    blocks.block_ui(ui, "rest", |ui| {
        if question.answer.is_none() && question.coverage == Coverage::FullText {
            ui.label(RichText::new(texts.no_answer).weak());
        }
        if let Some(answer) = question.answer.as_ref().filter(|a| !a.attachments.is_empty()) {
            section_heading(ui, texts.attachments);
            for attachment in &answer.attachments {
                ui.label(format!("• {attachment}"));
            }
        }
        links_ui(ui, view, derived, question, selection);
        thread_ui(ui, view, derived, question, selection);
        if let Some(source) = &question.source {
            section_heading(ui, texts.source);
            widgets::source_ui(ui, view.dossier, source, texts);
            source_links_ui(ui, view, source);
        }
    });
    edit
}

/// The question's name, date and state, its title and facts; returns whether the user
/// asked to edit it.
fn head_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    (question, timeliness): (&Question, Option<Timeliness>),
    query: &str,
    share: AnswerShare,
    labels: &mut Labels,
) -> bool {
    let (texts, language) = (view.texts, view.language);
    let palette = theme::palette(ui.visuals().dark_mode);
    let mut edit = false;
    ui.horizontal_wrapped(|ui| {
        let name = question
            .short_name()
            .unwrap_or_else(|| texts.no_number.to_string());
        ui.label(RichText::new(name).strong());
        if let Some(date) = question.date {
            ui.label(RichText::new(format_day(date, language)).weak());
        }
        let (state, color) = answer_state(question, texts, ui.visuals().dark_mode);
        chip(ui, &state, color);
        if matches!(timeliness, Some(Timeliness::Overdue { .. })) {
            chip(ui, texts.overdue, palette.bad);
        }
        if !view.presenting {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                edit = ui.button(texts.edit_question).clicked();
            });
        }
    });
    let title = question.title.as_deref().unwrap_or(texts.no_title);
    kept_label_ui(ui, labels, ("title", 0), |ui| {
        job(
            ui,
            title,
            query,
            &egui::TextStyle::Heading,
            ui.visuals().strong_text_color(),
        )
        .into()
    });
    ui.add_space(6.0);
    let day = |date: Option<jiff::civil::Date>| date.map(|d| format_day(d, language));
    facts_grid(ui, "question_facts", |ui| {
        let number = || question.number.map(|n| n.to_string());
        fact_row_ui(ui, labels, ("number", texts.number), number, texts);
        let asked = || day(question.date);
        fact_row_ui(ui, labels, ("asked", texts.date_asked), asked, texts);
        let questioner = || question.questioner.clone();
        fact_row_ui(ui, labels, ("questioner", texts.questioner), questioner, texts);
        let minister = question.minister.as_ref();
        minister_row_ui(ui, labels, ("minister", texts.minister), minister, texts);
        if let Some(answer) = &question.answer {
            let minister = answer.minister.as_ref();
            minister_row_ui(ui, labels, ("answered_by", texts.answered_by), minister, texts);
            let answered = || day(answer.date);
            fact_row_ui(ui, labels, ("answered", texts.answer_date), answered, texts);
        }
        if let Some(state) = timeliness {
            let due = || Some(timeliness_text(state, texts));
            fact_row_ui(ui, labels, ("due", texts.answer_due), due, texts);
        }
    });
    if share.asking > 0 && question.answer.is_some() {
        ui.add_space(4.0);
        kept_label_ui(ui, labels, ("share", 0), |_| share_text(share, texts).into());
    }
    if let Some(note) = &question.note {
        note_ui(ui, texts, note);
    }
    if question.coverage == Coverage::CitedOnly {
        ui.add_space(6.0);
        ui.label(RichText::new(texts.cited_only_long).italics());
    }
    edit
}

/// The links of a source document, shown in full; only web and mail links open. They are
/// found once per document and state of the dossier: reading the document's text for
/// them on every frame took a twelfth of the timeline's frame.
fn source_links_ui(ui: &mut Ui, view: &ViewContext<'_>, source: &crate::model::source::SourceRef) {
    let key = egui::Id::unique(("source_links", &source.document));
    let kept = ui
        .ctx()
        .data(|data| data.get_temp::<(DossierVersion, Arc<Vec<String>>)>(key));
    let links = match kept {
        Some((version, links)) if version == view.version => links,
        _ => {
            let found = view.dossier.source(&source.document).map(|d| d.links());
            let links = Arc::new(found.unwrap_or_default());
            let kept = (view.version, Arc::clone(&links));
            ui.ctx().data_mut(|data| data.insert_temp(key, kept));
            links
        }
    };
    if links.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(RichText::new(view.texts.links_in_source).strong());
    for link in links.iter() {
        widgets::link_ui(ui, link, view.texts);
    }
}

/// A text in the body type, with the search matches marked.
fn body_ui(ui: &mut Ui, text: &str, query: &str) {
    ui.label(job(
        ui,
        text,
        query,
        &egui::TextStyle::Body,
        ui.visuals().text_color(),
    ));
}

/// A text with the search matches marked, in the given style.
fn job(ui: &Ui, text: &str, query: &str, style: &egui::TextStyle, color: egui::Color32) -> LayoutJob {
    let mut job = LayoutJob::default();
    let format = TextFormat::simple(style.resolve(ui.style()), color);
    highlighted(&mut job, text, query, format, ui.visuals());
    job.wrap.max_width = ui.available_width();
    job
}

/// A sub-question in its frame, with its status and its answers. The parts are blocks of
/// `blocks` of their own: a sub-question with a long answer is often in sight only in part.
fn sub_question_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    question: &Question,
    (index, sub, status): (usize, &SubQuestion, Option<(AnswerStatus, bool)>),
    query: &str,
    blocks: &mut PageBlocks,
    commands: &mut Commands,
) {
    let texts = view.texts;
    egui::Frame::group(ui.style()).inner_margin(10.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&sub.label).strong());
            body_ui(ui, &sub.text, query);
        });
        if sub.role == SubQuestionRole::Introduces {
            return;
        }
        if let Some(status) = status {
            blocks.block_ui(ui, (index, "status"), |ui| {
                status_ui(ui, view, question, sub, status, commands);
            });
        }
        let mut parts = question.answers_to(&sub.label).peekable();
        if parts.peek().is_none() {
            ui.label(RichText::new(texts.no_answer_item).italics().weak());
        }
        for (at, part) in parts.enumerate() {
            blocks.block_ui(ui, (index, "part", at), |ui| {
                answer_part_ui(ui, texts, part, query, &sub.label);
            });
        }
    });
}

fn status_color(status: AnswerStatus, dark: bool) -> egui::Color32 {
    let palette = theme::palette(dark);
    match status {
        AnswerStatus::Answered => palette.good,
        AnswerStatus::PartlyAnswered | AnswerStatus::Referred | AnswerStatus::Deferred => palette.warn,
        AnswerStatus::NotAnswered => palette.bad,
    }
}

/// The status of a sub-question: set by hand, or a suggestion to confirm.
fn status_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    question: &Question,
    sub: &SubQuestion,
    (status, confirmed): (AnswerStatus, bool),
    commands: &mut Commands,
) {
    let texts = view.texts;
    let dark = ui.visuals().dark_mode;
    let set = |status: Option<AnswerStatus>| {
        let mut changed = question.clone();
        if let Some(target) = changed.sub_questions.iter_mut().find(|s| s.label == sub.label) {
            target.status = status;
        }
        Edit::ReplaceQuestion(Box::new(changed))
    };
    ui.horizontal_wrapped(|ui| {
        if confirmed {
            chip(ui, status_name(status, texts), status_color(status, dark));
        } else {
            ui.label(
                RichText::new(texts.suggested_status(status_name(status, texts)))
                    .italics()
                    .weak(),
            );
            if !view.presenting && ui.small_button(texts.confirm).clicked() {
                commands.push(set(Some(status)));
            }
        }
        if view.presenting {
            return;
        }
        let mut chosen = sub.status;
        let label = ui.label(RichText::new(texts.status_of(&sub.label)).weak());
        egui::ComboBox::from_id_salt(("status", question.id, &sub.label))
            .selected_text(sub.status.map_or(texts.not_assessed, |s| status_name(s, texts)))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen, None, texts.not_assessed);
                for option in AnswerStatus::ALL {
                    ui.selectable_value(&mut chosen, Some(option), status_name(option, texts));
                }
            })
            .response
            .labelled_by(label.id);
        if chosen != sub.status {
            commands.push(set(chosen));
        }
    });
}

/// One answer item; `place` tells apart the copies of an item shown under each
/// sub-question it covers.
fn answer_part_ui(ui: &mut Ui, texts: &Texts, part: &AnswerPart, query: &str, place: &str) {
    let accent = theme::palette(ui.visuals().dark_mode).accent;
    ui.add_space(4.0);
    let shown = egui::Frame::new()
        .inner_margin(egui::Margin {
            left: 14,
            right: 0,
            top: 2,
            bottom: 2,
        })
        .show(ui, |ui| {
            let heading = if part.printed_label.is_empty() {
                texts.answer.to_string()
            } else {
                format!("{} {}", texts.answer, part.printed_label)
            };
            ui.label(RichText::new(heading).color(accent).strong());
            for (index, paragraph) in part.text.split("\n\n").enumerate() {
                let lines = paragraph.lines().count();
                if lines >= RAW_BLOCK_LINES {
                    // A table whose layout the PDF lost: kept as printed, folded away.
                    egui::CollapsingHeader::new(texts.table_as_printed(lines))
                        .id_salt((place, part.printed_label.as_str(), index))
                        .default_open(!query.is_empty() && !match_ranges_empty(paragraph, query))
                        .show(ui, |ui| {
                            ui.label(job(
                                ui,
                                paragraph,
                                query,
                                &egui::TextStyle::Monospace,
                                ui.visuals().text_color(),
                            ));
                        });
                } else {
                    body_ui(ui, paragraph, query);
                }
            }
        });
    // A bar along the answer's left edge, the height of the answer.
    let rect = shown.response.rect;
    ui.painter()
        .vline(rect.left() + 3.0, rect.y_range(), egui::Stroke::new(3.0, accent));
}

/// A paragraph of this many lines or more is a table as the PDF text printed it.
const RAW_BLOCK_LINES: usize = 6;

fn match_ranges_empty(text: &str, query: &str) -> bool {
    crate::model::text::match_ranges(text, query).is_empty()
}

/// A row of the facts grid, named `slot`: its name, and its value or "unknown". Both are
/// kept from frame to frame; `value` is only worked out when the row is laid out again.
fn fact_row_ui(
    ui: &mut Ui,
    labels: &mut Labels,
    (slot, name): (&'static str, &str),
    value: impl FnOnce() -> Option<String>,
    texts: &Texts,
) -> Response {
    kept_label_ui(ui, labels, (slot, 0), |_| RichText::new(name).weak().into());
    let response = kept_label_ui(ui, labels, (slot, 1), |_| match value() {
        Some(value) => value.into(),
        None => RichText::new(texts.unknown).italics().weak().into(),
    });
    ui.end_row();
    response
}

/// A minister's row of the facts grid; their title shows under the pointer.
fn minister_row_ui(
    ui: &mut Ui,
    labels: &mut Labels,
    slot: (&'static str, &str),
    minister: Option<&Minister>,
    texts: &Texts,
) {
    let response = fact_row_ui(ui, labels, slot, || minister.map(|m| m.name.clone()), texts);
    if let Some(title) = minister.and_then(|m| m.title.as_ref()) {
        response.on_hover_text(title);
    }
}

pub(super) fn note_ui(ui: &mut Ui, texts: &Texts, note: &str) {
    ui.add_space(6.0);
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .corner_radius(4.0)
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(format!("{}: {note}", texts.note)).italics());
        });
}

/// The questions this one cites and those that cite it, as links that select them.
fn links_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    derived: &Derived,
    question: &Question,
    selection: &mut Option<Selection>,
) {
    let (dossier, texts) = (view.dossier, view.texts);
    if !question.references.is_empty() {
        section_heading(ui, texts.cites);
        for reference in &question.references {
            let date = reference
                .date
                .map(|d| format_day(d, view.language))
                .unwrap_or_default();
            let label = format!("Q{} {date}", reference.number);
            match dossier.cited_question(reference) {
                Some(cited) => {
                    if ui.link(label).clicked() {
                        *selection = Some(Selection::Question(cited.id));
                    }
                }
                None => {
                    ui.label(format!("{label} ({})", texts.not_in_dossier));
                }
            }
        }
    }
    let citing: Vec<&Question> = derived
        .cited_by
        .get(&question.id)
        .into_iter()
        .flatten()
        .filter_map(|id| derived.question(dossier, *id).map(|(_, q)| q))
        .collect();
    if !citing.is_empty() {
        section_heading(ui, texts.cited_by);
        for other in citing {
            let label = format!(
                "{} {}",
                other.short_name().unwrap_or_default(),
                other.title.as_deref().unwrap_or(texts.no_title)
            );
            if ui.link(label).clicked() {
                *selection = Some(Selection::Question(other.id));
            }
        }
    }
}

/// The chain of questions that cite one another, read as one story in date order.
fn thread_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    derived: &Derived,
    question: &Question,
    selection: &mut Option<Selection>,
) {
    let texts = view.texts;
    let Some(thread) = derived
        .thread_of
        .get(&question.id)
        .and_then(|at| derived.threads.get(*at))
    else {
        return;
    };
    section_heading(ui, texts.thread);
    for (step, id) in thread.iter().enumerate() {
        let Some((_, member)) = derived.question(view.dossier, *id) else {
            continue;
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{}.", step + 1)).weak());
            let date = member
                .date
                .map_or_else(|| texts.no_date.to_string(), format_day_short);
            let name = member
                .short_name()
                .unwrap_or_else(|| texts.question_short.to_string());
            let title = member.title.as_deref().unwrap_or(texts.no_title);
            let text = format!("{date} · {name} · {title}");
            if member.id == question.id {
                ui.label(RichText::new(text).strong());
            } else if ui.link(text).clicked() {
                *selection = Some(Selection::Question(member.id));
            }
            let (state, color) = answer_state(member, texts, ui.visuals().dark_mode);
            chip(ui, &state, color);
        });
    }
}

/// Draws an event; returns whether the user asked to edit it.
pub(super) fn event_ui(
    ui: &mut Ui,
    view: &ViewContext<'_>,
    event: &Event,
    selection: &mut Option<Selection>,
) -> bool {
    let texts = view.texts;
    let mut edit = false;
    ui.horizontal(|ui| {
        ui.label(RichText::new(event.when.display(view.language)).strong());
        chip(
            ui,
            kind_name(event.kind, texts),
            kind_color(event.kind, ui.visuals().dark_mode),
        );
        if !view.presenting {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                edit = ui.button(texts.edit_event).clicked();
            });
        }
    });
    ui.label(RichText::new(&event.title).heading());
    if !event.printed.is_empty() {
        ui.label(
            RichText::new(format!("{}: “{}”", texts.as_printed, event.printed))
                .italics()
                .weak(),
        );
    }
    if let Some(note) = &event.note {
        note_ui(ui, texts, note);
    }
    if let Some(question) = event.question.and_then(|id| view.dossier.question(id)) {
        ui.add_space(6.0);
        let label = format!(
            "{} {}",
            question
                .short_name()
                .unwrap_or_else(|| texts.question_short.to_string()),
            question.title.as_deref().unwrap_or(texts.no_title)
        );
        if ui.link(label).clicked() {
            *selection = Some(Selection::Question(question.id));
        }
    }
    for source in &event.sources {
        section_heading(ui, texts.source);
        widgets::source_ui(ui, view.dossier, source, texts);
        source_links_ui(ui, view, source);
    }
    edit
}

/// "answered", "3 of 5 answered", "not answered" or "cited only", with a colour.
pub(super) fn answer_state(question: &Question, texts: &Texts, dark: bool) -> (String, egui::Color32) {
    let palette = theme::palette(dark);
    if question.coverage == Coverage::CitedOnly {
        return (texts.cited_only.to_string(), palette.accent);
    }
    let asking = question.asking().count();
    let answered = question.answered_count();
    match (question.answer.is_some(), answered) {
        (false, _) | (true, 0) => (texts.unanswered.to_string(), palette.bad),
        _ if answered == asking => (texts.answered_all.to_string(), palette.good),
        _ => (texts.answered_some(answered, asking), palette.warn),
    }
}

/// "5 of 7 sub-questions really answered: 1 referred, 1 deferred (suggested, not yet confirmed)".
pub(super) fn share_text(share: AnswerShare, texts: &Texts) -> String {
    let mut text = texts.share_answered(share.answered, share.asking);
    let others = [
        (share.partly, texts.status_partly),
        (share.referred, texts.status_referred),
        (share.deferred, texts.status_deferred),
        (share.unanswered, texts.status_not_answered),
    ];
    let others: Vec<String> = others
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, name)| format!("{n} {name}"))
        .collect();
    if !others.is_empty() {
        text.push_str(": ");
        text.push_str(&others.join(", "));
    }
    if share.suggested > 0 {
        text.push_str(&format!(" ({})", texts.share_suggested(share.suggested)));
    }
    text
}

/// "due 26/03/2019: overdue", "due 26/03/2019; answer date unknown" …
pub(super) fn timeliness_text(state: Timeliness, texts: &Texts) -> String {
    let due = format_day_short(state.deadline());
    let word = match state {
        Timeliness::Pending { .. } => texts.due_pending,
        Timeliness::Overdue { .. } => texts.overdue,
        Timeliness::AnsweredInTime { .. } => texts.due_in_time,
        Timeliness::AnsweredLate { .. } => texts.due_late,
        Timeliness::AnsweredUndated { .. } => texts.due_undated,
    };
    texts.due_on(due, word)
}
