//! Charts of a series, for a slide: theme shares by year (stacked bars named by direct labels)
//! over small multiples of each theme's change volume, and terms' rates by year as small
//! multiples; axes on "nice" ticks ([`ticks`]). Written as SVG elements directly rather than
//! through a plotting crate: the output is deterministic bytes, and CJK labels are plain
//! `<text>` that the viewer renders with its own fonts (docs/architecture.md, docs/charts.md).
//!
//! A chart is laid out into a [`scene::Scene`] (pure geometry, testable: no two labels
//! overlap) and then written as SVG; [`to_png`] rasterises that SVG with resvg, with fonts
//! the caller loaded, since this layer never reads files.

pub mod layout;
mod panels;
mod png;
pub mod scene;
mod terms;
pub mod ticks;
mod timeline;

pub use png::{PngError, to_png};
/// The font database [`to_png`] takes (resvg's, re-exported so that callers load fonts into
/// the version we render with).
pub use resvg::usvg::fontdb;
pub use terms::terms_scene;
pub use timeline::timeline_scene;

use scene::{Label, MUTED, Mark, fit_text};

use crate::series::terms::TermSeries;
use crate::series::timeline::Timeline;

/// Every chart's width: half of a 1920-pixel slide at 1×, the whole slide at the PNG's 2×.
const WIDTH: f64 = 960.0;

/// Tableau 10: distinguishable, and readable in grey.
const PALETTE: [&str; 10] =
    ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

/// The colour of the `k`-th theme or term; a theme keeps its colour from the bars to its panel.
fn colour(k: usize) -> &'static str {
    PALETTE[k % PALETTE.len()]
}

/// The chart's title and the line under it, from `left`, shortened to `width`.
fn heading(title: &str, note: &str, width: f64, left: f64) -> Vec<Mark> {
    vec![
        Mark::Text(Label::new(fit_text(title, 18.0, width), left, 30.0).sized(18.0, true)),
        Mark::Text(Label::new(fit_text(note, 13.0, width), left, 54.0).sized(13.0, false).coloured(MUTED)),
    ]
}

/// Theme shares of paragraphs by year (stacked bars), and each theme's change volume (added +
/// removed + reworded + moved in and out) by year in a panel per theme, as SVG.
pub fn timeline_chart(timeline: &Timeline, title: &str) -> String {
    timeline_scene(timeline, title).to_svg()
}

/// Each term's rate per 10,000 characters by year, a panel per term, as SVG.
pub fn terms_chart(terms: &[TermSeries], title: &str) -> String {
    terms_scene(terms, title).to_svg()
}
