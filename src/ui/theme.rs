//! Looks: light and dark, readable type, and the presentation scale.

use egui::{Color32, FontFamily, FontId, TextStyle};

use super::prefs::ThemeChoice;

/// How much larger everything is while presenting on a screen of 1080 lines: with the
/// body size below, type of 29 pixels.
pub const PRESENTING_SCALE: f32 = 1.7;
/// The screen height the presentation scale is set for, in points.
const PRESENTING_SCREEN: f32 = 1080.0;

/// The zoom for the user's own zoom, and while presenting for the height of the window
/// (full screen: the screen's) in points without zoom (`None` when not known). A
/// projected picture has the same size whatever its resolution, so the type keeps the
/// same share of the picture's height: 29 of 1080 lines, 21 of 768; what fits on a full
/// HD projector fits on any.
pub fn zoom_factor(user_zoom: f32, presenting: bool, screen_height: Option<f32>) -> f32 {
    if !presenting {
        return user_zoom;
    }
    let screen = screen_height.map_or(1.0, |height| (height / PRESENTING_SCREEN).clamp(0.6, 2.0));
    user_zoom * PRESENTING_SCALE * screen
}

/// Sets the theme and the type sizes for both themes; `presenting` raises the contrast
/// for a projector: black on white (white on black in the dark theme), weak text no
/// fainter than dark grey, firmer lines.
/// The built-in fonts, with the monospace one (Hack) behind the proportional one for
/// the signs it lacks: arrows such as → in a comparison's lines, or in a dossier's text.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts
        .families
        .entry(FontFamily::Proportional)
        .or_default()
        .push("Hack".to_owned());
    ctx.set_fonts(fonts);
}

pub fn apply(ctx: &egui::Context, theme: ThemeChoice, presenting: bool) {
    ctx.set_theme(match theme {
        ThemeChoice::Light => egui::Theme::Light,
        ThemeChoice::Dark => egui::Theme::Dark,
    });
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Small, FontId::new(13.0, FontFamily::Proportional)),
            (TextStyle::Body, FontId::new(17.0, FontFamily::Proportional)),
            (TextStyle::Button, FontId::new(17.0, FontFamily::Proportional)),
            (TextStyle::Heading, FontId::new(25.0, FontFamily::Proportional)),
            (TextStyle::Monospace, FontId::new(16.0, FontFamily::Monospace)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(10.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        style.spacing.interact_size.y = 26.0;
        let visuals = &mut style.visuals;
        let (ink, line) = if visuals.dark_mode {
            (Color32::WHITE, Color32::from_gray(150))
        } else {
            (Color32::BLACK, Color32::from_gray(90))
        };
        visuals.override_text_color = presenting.then_some(ink);
        // Weak text (sources, row numbers, counts) at a contrast of at least 4.5:1 on the
        // panels (WCAG AA), firmer still for a projector.
        visuals.weak_text_color = Some(match (visuals.dark_mode, presenting) {
            (false, false) => Color32::from_gray(92),
            (false, true) => Color32::from_gray(60),
            (true, false) => Color32::from_gray(165),
            (true, true) => Color32::from_gray(200),
        });
        if presenting {
            visuals.widgets.noninteractive.bg_stroke.color = line;
        }
    });
}

/// Colours that keep their meaning for colour-blind viewers (Okabe–Ito) and are told
/// apart by their words too, never by colour alone.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub good: Color32,
    pub warn: Color32,
    pub bad: Color32,
    pub flag: Color32,
    pub accent: Color32,
}

pub fn palette(dark: bool) -> Palette {
    if dark {
        Palette {
            good: Color32::from_rgb(86, 180, 233),
            warn: Color32::from_rgb(240, 190, 70),
            bad: Color32::from_rgb(240, 120, 60),
            flag: Color32::from_rgb(240, 120, 60),
            accent: Color32::from_rgb(86, 180, 233),
        }
    } else {
        Palette {
            good: Color32::from_rgb(0, 94, 150),
            warn: Color32::from_rgb(150, 100, 0),
            bad: Color32::from_rgb(190, 70, 0),
            flag: Color32::from_rgb(200, 70, 0),
            accent: Color32::from_rgb(0, 94, 150),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The WCAG contrast ratio of two colours.
    fn contrast(a: Color32, b: Color32) -> f32 {
        let luminance = |c: Color32| {
            let channel = |v: u8| {
                let v = f32::from(v) / 255.0;
                if v <= 0.03928 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
        };
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn every_text_has_a_contrast_of_at_least_4_5_to_1() {
        let ctx = egui::Context::default();
        for choice in [ThemeChoice::Light, ThemeChoice::Dark] {
            for presenting in [false, true] {
                apply(&ctx, choice, presenting);
                let theme = match choice {
                    ThemeChoice::Light => egui::Theme::Light,
                    ThemeChoice::Dark => egui::Theme::Dark,
                };
                let style = ctx.style_of(theme);
                let visuals = &style.visuals;
                for background in [visuals.panel_fill, visuals.window_fill, visuals.extreme_bg_color] {
                    for (name, text) in [
                        ("text", visuals.text_color()),
                        ("weak", visuals.weak_text_color()),
                    ] {
                        let ratio = contrast(text, background);
                        assert!(
                            ratio >= 4.5,
                            "{choice:?}, presenting {presenting}: {name} {text:?} on {background:?}: {ratio:.2}:1"
                        );
                    }
                }
                let palette = palette(visuals.dark_mode);
                for (name, colour) in [
                    ("good", palette.good),
                    ("warn", palette.warn),
                    ("bad", palette.bad),
                ] {
                    let ratio = contrast(colour, visuals.panel_fill);
                    assert!(ratio >= 4.5, "{choice:?}: {name} {ratio:.2}:1");
                }
            }
        }
    }

    #[test]
    fn presenting_keeps_the_type_s_share_of_the_screen() {
        assert_eq!(zoom_factor(1.0, false, Some(768.0)), 1.0);
        assert!((zoom_factor(1.0, true, Some(1080.0)) - 1.7).abs() < 1e-6);
        assert!((zoom_factor(1.0, true, None) - 1.7).abs() < 1e-6);
        // Body text: 17 points, 28.9 pixels of 1080 lines, 20.6 of 768: the same share.
        let share = |lines: f32| 17.0 * zoom_factor(1.0, true, Some(lines)) / lines;
        assert!((share(768.0) - share(1080.0)).abs() < 1e-6);
        assert!((share(1440.0) - share(1080.0)).abs() < 1e-6);
        assert!(
            (zoom_factor(0.9, true, Some(1080.0)) - 1.53).abs() < 1e-6,
            "Ctrl − still applies"
        );
    }
}
