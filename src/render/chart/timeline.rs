//! The timeline chart: theme shares of each year's paragraphs (stacked bars, named by direct
//! labels beside the last bar), and under them each theme's change volume by year as small
//! multiples on one scale.

use super::layout::{GridSpec, Years, grid_bottom, spread_labels};
use super::panels::{Series, small_multiples, y_axis, year_labels};
use super::scene::{Anchor, Label, MUTED, Mark, Rect, Scene, fit_text};
use super::ticks::{Axis, nice_axis};
use super::{WIDTH, colour, heading};
use crate::series::timeline::{Timeline, YearRow};

/// Left of the plots: room for the tick labels.
const LEFT: f64 = 64.0;
/// Right of the bars: room for the direct labels.
const LABELS: f64 = 150.0;
/// The bars' plot.
const BARS: Rect = Rect { x: LEFT, y: 76.0, width: WIDTH - LEFT - LABELS, height: 250.0 };
/// A bar's share of its year's band: gaps between bars separate the years.
const BAR_SHARE: f64 = 0.72;
/// The widest bar: a series of one or two years should not look like a wall.
const BAR_MAX: f64 = 56.0;
/// Distance between two direct labels' centres: the font size and a little air.
const LABEL_GAP: f64 = 14.0;

/// The timeline laid out: the bars with their direct labels, then a panel per theme.
pub fn timeline_scene(timeline: &Timeline, title: &str) -> Scene {
    let years = Years::of(timeline.years.iter().map(|y| y.year));
    let mut marks = heading(title, "share of paragraphs by theme, each year's declaration", WIDTH - 2.0 * LEFT, LEFT);
    marks.push(Mark::Group { class: "bars", name: "shares".to_owned(), marks: bars(timeline, years) });
    marks.extend(direct_labels(timeline, years));
    let top = BARS.bottom() + 52.0;
    marks.push(Mark::Text(Label::new("paragraphs changed per theme, year over year", LEFT, top).sized(14.0, true)));
    let series: Vec<Series> = timeline
        .themes
        .iter()
        .enumerate()
        .map(|(k, theme)| Series { name: theme, colour: colour(k), points: volumes(timeline, theme) })
        .collect();
    if series.iter().all(|s| s.points.is_empty()) {
        // One year (or none): nothing changed yet, so a line says so instead of empty panels.
        marks.push(Mark::Text(Label::new("none yet: a change needs two years", LEFT, top + 18.0).coloured(MUTED)));
        return Scene { width: WIDTH, height: top + 32.0, marks };
    }
    let note = "added + deleted + reworded + moved in or out; every panel on the same scale";
    marks.push(Mark::Text(Label::new(note, LEFT, top + 18.0).coloured(MUTED)));
    let max = series.iter().flat_map(|s| s.points.iter().map(|p| p.1)).fold(0.0, f64::max);
    let spec = GridSpec { left: LEFT, width: WIDTH - LEFT - 24.0, top: top + 30.0, plot_height: 90.0 };
    marks.extend(small_multiples(&series, years, spec, &nice_axis(max), "no change data"));
    Scene { width: WIDTH, height: grid_bottom(series.len(), spec) + 12.0, marks }
}

/// Each theme's paragraphs added, removed, reworded and moved in or out, by year (the first
/// year, with nothing before it, has no point).
fn volumes(timeline: &Timeline, theme: &str) -> Vec<(i32, f64)> {
    let volume = |year: &YearRow| {
        let change = year.change.as_ref()?;
        let t = change.themes.iter().find(|t| t.theme == theme);
        Some(t.map_or(0, |t| t.added + t.removed + t.reworded + t.moved_in + t.moved_out) as f64)
    };
    timeline.years.iter().filter_map(|year| Some((year.year, volume(year)?))).collect()
}

/// The stacked bars on a 0–100 % axis, one segment per theme with its share as a tooltip.
fn bars(timeline: &Timeline, years: Option<Years>) -> Vec<Mark> {
    let axis = nice_axis(1.0);
    let mut marks = y_axis(&BARS, &axis, Some(|v| axis.label_percent(v)));
    let Some(years) = years else {
        return marks;
    };
    marks.extend(year_labels(&years, &BARS));
    let width = bar_width(&years);
    for year in &timeline.years {
        let x = years.x(year.year, &BARS) - width / 2.0;
        for (k, segment) in segments(year, &axis).into_iter().enumerate() {
            let Some((top, height)) = segment else { continue };
            let share = &year.shares[k];
            let tooltip = format!("{} {}: {:.1}%", year.year, share.theme, share.paragraph_share * 100.0);
            let rect = Rect { x, y: top, width, height };
            marks.push(Mark::Rect { rect, fill: colour(k), tooltip: Some(tooltip) });
        }
    }
    marks
}

fn bar_width(years: &Years) -> f64 {
    (years.band(&BARS) * BAR_SHARE).min(BAR_MAX)
}

/// Each theme's segment of a year's bar, `(top, height)`, bottom up in theme order; none for
/// a theme with no paragraphs that year.
fn segments(year: &YearRow, axis: &Axis) -> Vec<Option<(f64, f64)>> {
    let mut base = BARS.bottom();
    year.shares
        .iter()
        .map(|share| {
            let height = axis.fraction(share.paragraph_share) * BARS.height;
            // Rounding may stack a hair above 100 %; the top stays inside the plot.
            let top = (base - height).max(BARS.y);
            let segment = (height > 0.0).then_some((top, base - top));
            base = top;
            segment
        })
        .collect()
}

/// The themes named beside the last year's bar, each at the middle of its segment, spread
/// apart where segments are thin, with a leader line when a label had to move.
fn direct_labels(timeline: &Timeline, years: Option<Years>) -> Vec<Mark> {
    let (Some(years), Some(last)) = (years, timeline.years.iter().max_by_key(|y| y.year)) else {
        return Vec::new();
    };
    let axis = nice_axis(1.0);
    let ends = segments(last, &axis);
    let wanted: Vec<f64> = ends.iter().map(|s| s.map_or(BARS.bottom(), |(top, h)| top + h / 2.0)).collect();
    let placed = spread_labels(&wanted, LABEL_GAP, BARS.y + 4.0, BARS.bottom());
    let bar_right = years.x(last.year, &BARS) + bar_width(&years) / 2.0;
    // Beside the last bar, which is at the plot's right edge unless the series is short.
    let swatch_x = bar_right + 12.0;
    let text_x = swatch_x + 14.0;
    let mut marks = Vec::new();
    for (k, share) in last.shares.iter().enumerate() {
        let (want, y) = (wanted[k], placed[k]);
        // A leader when the label had to move away from its segment.
        if (want - y).abs() > 1.0 {
            marks.push(Mark::Line { from: (bar_right + 2.0, want), to: (swatch_x - 2.0, y), stroke: MUTED });
        }
        let swatch = Rect { x: swatch_x, y: y - 5.0, width: 10.0, height: 10.0 };
        marks.push(Mark::Rect { rect: swatch, fill: colour(k), tooltip: None });
        let text = format!("{} {}", share.theme, percent(share.paragraph_share));
        let text = fit_text(&text, 12.0, WIDTH - text_x - 6.0);
        marks.push(Mark::Text(Label::new(text, text_x, y + 4.0).anchored(Anchor::Start)));
    }
    marks
}

/// A share as a label: whole percent, one decimal under 1 % so a thin theme is not "0%".
fn percent(share: f64) -> String {
    let percent = share * 100.0;
    if percent > 0.0 && percent < 1.0 { format!("{percent:.1}%") } else { format!("{percent:.0}%") }
}
