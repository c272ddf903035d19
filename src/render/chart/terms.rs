//! The terms chart: each term's rate per 10,000 characters by year, one small panel per term
//! on one scale (docs/charts.md says why panels, not one plot of crossing lines).

use super::layout::{GridSpec, Years, columns, grid_bottom};
use super::panels::{Series, small_multiples};
use super::scene::{Label, Mark, Scene};
use super::ticks::nice_axis;
use super::{WIDTH, colour, heading};
use crate::series::terms::TermSeries;

/// Left of the plots: room for the tick labels.
const LEFT: f64 = 56.0;
/// Top of the first row of panels.
const TOP: f64 = 80.0;

/// The terms chart laid out: a panel per term, in the order given.
pub fn terms_scene(terms: &[TermSeries], title: &str) -> Scene {
    let years = Years::of(terms.iter().flat_map(|t| t.years.iter().map(|y| y.year)));
    let note = "occurrences per 10,000 characters, by year; every panel on the same scale";
    let mut marks = heading(title, note, WIDTH - 2.0 * LEFT, LEFT);
    let series: Vec<Series> = terms
        .iter()
        .enumerate()
        .map(|(k, term)| Series {
            name: &term.term,
            colour: colour(k),
            points: term.years.iter().map(|y| (y.year, y.rate)).collect(),
        })
        .collect();
    let max = series.iter().flat_map(|s| s.points.iter().map(|p| p.1)).filter(|v| v.is_finite()).fold(0.0, f64::max);
    let spec = GridSpec { left: LEFT, width: WIDTH - LEFT - 24.0, top: TOP, plot_height: plot_height(terms.len()) };
    marks.extend(small_multiples(&series, years, spec, &nice_axis(max), "no years"));
    if terms.is_empty() {
        marks.push(Mark::Text(Label::new("no terms to show", LEFT, TOP + 20.0).sized(13.0, false)));
    }
    Scene { width: WIDTH, height: grid_bottom(terms.len(), spec) + 12.0, marks }
}

/// Taller panels when there are few rows: one or two terms still fill a slide's height.
fn plot_height(count: usize) -> f64 {
    let rows = count.div_ceil(columns(count)).max(1);
    (360.0 / rows as f64).clamp(90.0, 220.0)
}
