//! Small multiples: one small panel per series (a theme's change volume, a term's rate), in a
//! grid, all on the same y scale and the same years, so that a reader compares heights across
//! panels instead of untangling crossing lines.

use super::layout::{GridSpec, TITLE_BAND, Years, panel_grid};
use super::scene::{Anchor, Label, MUTED, Mark, Rect, fit_text};
use super::ticks::Axis;

/// Gridlines: light enough to read through, dark enough to survive a projector.
const GRID: &str = "#e3e3e3";
/// The zero line.
const BASELINE: &str = "#999";

/// One series of a small multiple.
pub(super) struct Series<'a> {
    /// The panel's title (a theme, a term).
    pub name: &'a str,
    /// The line's colour.
    pub colour: &'static str,
    /// `(year, value)`, in year order; non-finite values are left out.
    pub points: Vec<(i32, f64)>,
}

/// The panels of `series` in the grid `spec`, each a `panel` group; `empty` is written in a
/// panel without points.
pub(super) fn small_multiples(
    series: &[Series],
    years: Option<Years>,
    spec: GridSpec,
    axis: &Axis,
    empty: &str,
) -> Vec<Mark> {
    let cells = panel_grid(series.len(), spec);
    series
        .iter()
        .zip(&cells)
        .map(|(one, plot)| {
            // Tick labels in the first column only: every panel shares the scale.
            let first_column = (plot.x - spec.left).abs() < 0.5;
            let mut marks = y_axis(plot, axis, first_column.then_some(|v| axis.label(v)));
            marks.extend(title(one, plot));
            if let Some(years) = years {
                marks.extend(year_labels(&years, plot));
            }
            let points: Vec<(f64, f64)> = match years {
                Some(years) => one
                    .points
                    .iter()
                    .filter(|(_, v)| v.is_finite())
                    .map(|&(year, value)| (years.x(year, plot), plot.bottom() - axis.fraction(value) * plot.height))
                    .collect(),
                None => Vec::new(),
            };
            if points.is_empty() {
                let (x, y) = (plot.x + plot.width / 2.0, plot.y + plot.height / 2.0);
                marks.push(Mark::Text(Label::new(empty, x, y).anchored(Anchor::Middle).coloured(MUTED)));
            } else {
                marks.push(Mark::Polyline { points, stroke: one.colour });
            }
            Mark::Group { class: "panel", name: one.name.to_owned(), marks }
        })
        .collect()
}

/// Gridlines at the ticks and the zero line, with the tick labels `label` writes (a number,
/// a percentage) if any.
pub(super) fn y_axis(plot: &Rect, axis: &Axis, label: Option<impl Fn(f64) -> String>) -> Vec<Mark> {
    let mut marks = Vec::new();
    for tick in axis.ticks() {
        let y = plot.bottom() - axis.fraction(tick) * plot.height;
        let stroke = if tick == 0.0 { BASELINE } else { GRID };
        marks.push(Mark::Line { from: (plot.x, y), to: (plot.right(), y), stroke });
        if let Some(label) = &label {
            let text = Label::new(label(tick), plot.x - 6.0, y + 4.0).anchored(Anchor::End);
            marks.push(Mark::Text(text.sized(11.0, false).coloured(MUTED)));
        }
    }
    marks
}

/// The panel's title, after a swatch of its line's colour (the colour ties it to the bars).
fn title(series: &Series, plot: &Rect) -> [Mark; 2] {
    let top = plot.y - TITLE_BAND;
    let swatch = Rect { x: plot.x, y: top + 5.0, width: 10.0, height: 10.0 };
    let text = fit_text(series.name, 13.0, plot.width - 14.0);
    [
        Mark::Rect { rect: swatch, fill: series.colour, tooltip: None },
        Mark::Text(Label::new(text, plot.x + 14.0, top + 14.5).sized(13.0, true)),
    ]
}

/// The years under a plot, on round steps.
pub(super) fn year_labels(years: &Years, plot: &Rect) -> Vec<Mark> {
    years
        .labelled(plot)
        .into_iter()
        .map(|year| {
            let label = Label::new(year.to_string(), years.x(year, plot), plot.bottom() + 15.0);
            Mark::Text(label.anchored(Anchor::Middle).sized(11.0, false).coloured(MUTED))
        })
        .collect()
}
