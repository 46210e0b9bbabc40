//! Pictures as PNG files: the window for checks and documentation, the indicator chart
//! for slides.

use std::io::Cursor;

/// The picture as the bytes of a PNG file.
pub fn encode(image: &egui::ColorImage) -> Result<Vec<u8>, String> {
    let [width, height] = image.size;
    let pixels: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|pixel| pixel.to_srgba_unmultiplied())
        .collect();
    let width = u32::try_from(width).map_err(|e| e.to_string())?;
    let height = u32::try_from(height).map_err(|e| e.to_string())?;
    if width == 0 || height == 0 {
        return Err("the picture is empty".into());
    }
    let buffer = image::RgbaImage::from_raw(width, height, pixels).ok_or("the picture has the wrong size")?;
    let mut bytes = Cursor::new(Vec::new());
    buffer
        .write_to(&mut bytes, image::ImageFormat::Png)
        .map_err(|error| error.to_string())?;
    Ok(bytes.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_out_picture_is_written_as_png_with_its_pixels() {
        let mut window = egui::ColorImage::filled([40, 30], egui::Color32::WHITE);
        for y in 10..20 {
            for x in 5..25 {
                window[(x, y)] = egui::Color32::from_rgb(0, 114, 178);
            }
        }
        // The chart's rectangle in points, at two pixels per point.
        let rect = egui::Rect::from_min_size(egui::pos2(2.5, 5.0), egui::vec2(10.0, 5.0));
        let chart = window.region(&rect, Some(2.0));
        assert_eq!(chart.size, [20, 10]);
        let bytes = encode(&chart).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let decoded = image::load_from_memory(&bytes).unwrap().to_rgba8();
        assert_eq!(decoded.dimensions(), (20, 10));
        assert!(decoded.pixels().all(|p| p.0 == [0, 114, 178, 255]));
        assert!(encode(&egui::ColorImage::filled([0, 0], egui::Color32::WHITE)).is_err());
    }
}
