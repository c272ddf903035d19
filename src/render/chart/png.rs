//! SVG to PNG with resvg: the chart's own SVG, scaled (2× for slides), with the fonts the
//! caller loaded. Nothing here reads a file: fonts come in a database, and `<image>` links
//! (which our charts never have) resolve to nothing rather than to files.

use std::sync::Arc;

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, ImageHrefResolver, fontdb};

/// Why an SVG could not become a PNG.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PngError {
    /// The SVG did not parse.
    #[error("the chart's SVG does not parse: {message}")]
    Svg {
        /// usvg's message.
        message: String,
    },
    /// The picture would be empty or too large to allocate.
    #[error("a chart of {width} × {height} pixels cannot be drawn")]
    Size {
        /// Width asked for, in pixels.
        width: f32,
        /// Height asked for.
        height: f32,
    },
    /// PNG encoding failed.
    #[error("the chart's PNG could not be encoded: {message}")]
    Encode {
        /// The encoder's message.
        message: String,
    },
}

/// The PNG of `svg` at `scale` (2.0 for slides: 960 SVG pixels become 1920), its text drawn
/// with `fonts`. Text in families that `fonts` lacks falls back to its serif family and then
/// to any face with the glyph; with an empty database the text is left out, not boxed.
///
/// The same SVG and fonts give the same bytes; other fonts give other pixels.
///
/// # Errors
///
/// [`PngError`] when the SVG does not parse, the scaled size is empty or too large, or the
/// encoder fails.
pub fn to_png(svg: &str, fonts: Arc<fontdb::Database>, scale: f32) -> Result<Vec<u8>, PngError> {
    let options = usvg::Options {
        fontdb: fonts,
        image_href_resolver: ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| PngError::Svg { message: e.to_string() })?;
    let size = tree.size();
    let (width, height) = (size.width() * scale, size.height() * scale);
    let too_big = || PngError::Size { width, height };
    // NaN and infinity fall outside too; the bound keeps a bad scale from allocating gigabytes.
    let pixels = |v: f32| (1.0..=32_000.0).contains(&v).then(|| v.ceil() as u32);
    let (Some(w), Some(h)) = (pixels(width), pixels(height)) else { return Err(too_big()) };
    let mut pixmap = Pixmap::new(w, h).ok_or_else(too_big)?;
    resvg::render(&tree, Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| PngError::Encode { message: e.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: &str =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"20\"><rect width=\"5\" height=\"5\"/></svg>";

    #[test]
    fn scales_the_picture() {
        let png = to_png(SQUARE, Arc::new(fontdb::Database::new()), 2.0).unwrap();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 20);
        assert_eq!(u32::from_be_bytes(png[20..24].try_into().unwrap()), 40);
    }

    #[test]
    fn bad_input_is_an_error() {
        let fonts = Arc::new(fontdb::Database::new());
        assert!(matches!(to_png("<svg", fonts.clone(), 2.0), Err(PngError::Svg { .. })));
        assert!(matches!(to_png(SQUARE, fonts.clone(), 0.0), Err(PngError::Size { .. })));
        assert!(matches!(to_png(SQUARE, fonts, f32::NAN), Err(PngError::Size { .. })));
    }
}
