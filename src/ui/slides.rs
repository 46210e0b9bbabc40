//! The Slides window: the dossier's named views for presenting, to add, rename, order,
//! show and remove. Every change is one [`Edit::SetSlides`], undone with Ctrl+Z.

use egui::{RichText, Ui};

use super::{Command, Commands, Tab};
use crate::i18n::Texts;
use crate::model::Dossier;
use crate::model::edit::Edit;
use crate::model::slide::Slide;

#[derive(Debug, Default)]
pub struct SlidesWindow {
    pub open: bool,
    /// The name fields, committed on Enter or when they lose focus.
    names: Vec<String>,
}

impl SlidesWindow {
    pub fn ui(&mut self, ctx: &egui::Context, dossier: &Dossier, texts: &Texts, commands: &mut Commands) {
        if !self.open {
            return;
        }
        let slides = &dossier.slides;
        self.names.resize(slides.len(), String::new());
        let mut open = self.open;
        egui::Window::new(texts.slides_title)
            .open(&mut open)
            .collapsible(false)
            .min_width(720.0)
            .show(ctx, |ui| {
                ui.label(RichText::new(texts.slides_hint).weak());
                ui.add_space(6.0);
                if ui.button(texts.add_slide).clicked() {
                    commands.push(Command::AddSlide);
                }
                ui.add_space(6.0);
                if slides.is_empty() {
                    ui.label(RichText::new(texts.no_slides).italics());
                }
                egui::Grid::new("slides_grid")
                    .num_columns(4)
                    .spacing([10.0, 6.0])
                    .show(ui, |ui| {
                        for (index, slide) in slides.iter().enumerate() {
                            self.slide_row_ui(ui, index, slide, slides, texts, commands);
                            ui.end_row();
                        }
                    });
            });
        self.open = open;
    }

    fn slide_row_ui(
        &mut self,
        ui: &mut Ui,
        index: usize,
        slide: &Slide,
        slides: &[Slide],
        texts: &Texts,
        commands: &mut Commands,
    ) {
        let tab = Tab::of_slide(slide.tab).name(texts);
        let label = ui.label(texts.slide_name_label(index + 1));
        let buffer = &mut self.names[index];
        let height = ui.spacing().interact_size.y;
        let field = ui
            .add_sized(
                [340.0, height],
                egui::TextEdit::singleline(buffer).id_salt(("slide_name", index)),
            )
            .labelled_by(label.id);
        if field.lost_focus() {
            let name = buffer.trim();
            if !name.is_empty() && name != slide.name {
                let mut renamed = slides.to_vec();
                renamed[index].name = name.to_string();
                commands.push(Edit::SetSlides(renamed));
            }
        } else if !field.has_focus() && *buffer != slide.name {
            buffer.clone_from(&slide.name);
        }
        ui.label(RichText::new(tab).small().weak());
        ui.horizontal(|ui| {
            if ui.small_button(texts.show_slide).clicked() {
                commands.push(Command::PresentSlide(index));
            }
            let moved = |to: usize| {
                let mut moved = slides.to_vec();
                let slide = moved.remove(index);
                moved.insert(to, slide);
                Edit::SetSlides(moved)
            };
            if ui
                .add_enabled(index > 0, egui::Button::new(texts.move_up).small())
                .clicked()
            {
                commands.push(moved(index - 1));
            }
            if ui
                .add_enabled(
                    index + 1 < slides.len(),
                    egui::Button::new(texts.move_down).small(),
                )
                .clicked()
            {
                commands.push(moved(index + 1));
            }
            if ui.small_button(texts.remove).clicked() {
                let mut kept = slides.to_vec();
                kept.remove(index);
                commands.push(Edit::SetSlides(kept));
            }
        });
    }
}
