//! Pure geometry shared by the charts: the grid of small multiples, years along x, and direct
//! labels spread apart so that they never overlap.

use super::scene::Rect;

/// Where a grid of small multiples goes, and how big each panel is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GridSpec {
    /// Left edge of the first column's plot (room for the y ticks is left of it).
    pub left: f64,
    /// Width from `left` to the right edge of the last column.
    pub width: f64,
    /// Top of the first row (its panel titles start here).
    pub top: f64,
    /// Height of each plot.
    pub plot_height: f64,
}

/// Room above a plot for its title.
pub const TITLE_BAND: f64 = 22.0;
/// Room below a plot for its year labels.
pub const YEAR_BAND: f64 = 20.0;
/// Space between two rows.
const ROW_GAP: f64 = 12.0;
/// Space between two columns: the next column's tick labels are not repeated, so a gap as
/// wide as the year labels' overhang is enough.
const COLUMN_GAP: f64 = 28.0;

/// Columns for `count` panels: about 1.8 panels across per panel down (wide panels suit
/// time series), at most 5 so that a panel keeps about 150 pixels of width.
pub fn columns(count: usize) -> usize {
    let wide = (1.8 * count as f64).sqrt().ceil() as usize;
    wide.clamp(1, 5).min(count.max(1))
}

/// The plot area of each of `count` panels, row by row.
pub fn panel_grid(count: usize, spec: GridSpec) -> Vec<Rect> {
    let columns = columns(count);
    let width = ((spec.width - COLUMN_GAP * (columns - 1) as f64) / columns as f64).max(1.0);
    let row_height = TITLE_BAND + spec.plot_height + YEAR_BAND + ROW_GAP;
    (0..count)
        .map(|k| {
            let (row, column) = (k / columns, k % columns);
            Rect {
                x: spec.left + column as f64 * (width + COLUMN_GAP),
                y: spec.top + row as f64 * row_height + TITLE_BAND,
                width,
                height: spec.plot_height,
            }
        })
        .collect()
}

/// The bottom of a grid of `count` panels (below its last row's year labels).
pub fn grid_bottom(count: usize, spec: GridSpec) -> f64 {
    let rows = count.div_ceil(columns(count)).max(1);
    spec.top + rows as f64 * (TITLE_BAND + spec.plot_height + YEAR_BAND + ROW_GAP) - ROW_GAP
}

/// The years along x: each year gets an equal band and its point is the band's middle, so a
/// year missing from the series leaves a gap, and a bar and a point of one year line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Years {
    /// The first year.
    pub first: i32,
    /// The last year.
    pub last: i32,
}

impl Years {
    /// The span of `years` (any order); none when there are no years.
    pub fn of(years: impl IntoIterator<Item = i32>) -> Option<Years> {
        years.into_iter().fold(None, |span, year| match span {
            None => Some(Years { first: year, last: year }),
            Some(Years { first, last }) => Some(Years { first: first.min(year), last: last.max(year) }),
        })
    }

    /// How many years from first to last, both included.
    pub fn len(&self) -> f64 {
        (i64::from(self.last) - i64::from(self.first) + 1) as f64
    }

    /// The width of one year's band in `plot`.
    pub fn band(&self, plot: &Rect) -> f64 {
        plot.width / self.len()
    }

    /// The middle of `year`'s band in `plot`.
    pub fn x(&self, year: i32, plot: &Rect) -> f64 {
        plot.x + (((i64::from(year) - i64::from(self.first)) as f64) + 0.5) * self.band(plot)
    }

    /// The years to label in `plot`: multiples of a round step (1, 2, 5, 10, 20, 50, …) with
    /// about 40 pixels for each, so "2014" never touches "2016"; the first year when no
    /// multiple falls in the span.
    pub fn labelled(&self, plot: &Rect) -> Vec<i32> {
        let room = (plot.width / 40.0).floor().max(1.0);
        let step = [1, 2, 5].iter().flat_map(|m| (0..9).map(move |k| m * 10i64.pow(k))).filter(|s| {
            let count = (self.len() / *s as f64).ceil();
            count <= room
        });
        let step = step.min().unwrap_or(i64::MAX);
        let years: Vec<i32> = (i64::from(self.first)..=i64::from(self.last))
            .filter(|y| y.rem_euclid(step) == 0)
            .filter_map(|y| i32::try_from(y).ok())
            .collect();
        if years.is_empty() { vec![self.first] } else { years }
    }
}

/// Places labels that want to sit at `wanted` (one coordinate each: a line end's or a bar
/// segment's y) so that any two are at least `gap` apart, moving them as little as possible
/// (least squares) and keeping their order, within `low..=high` when they fit there.
///
/// Labels are taken in order of their wanted place; each joins the cluster before it while
/// they would overlap, and a cluster sits at the mean of its members' wanted places (less
/// their offsets in the cluster). The result is in the order of `wanted`.
pub fn spread_labels(wanted: &[f64], gap: f64, low: f64, high: f64) -> Vec<f64> {
    let clean = |v: f64| if v.is_finite() { v } else { low };
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by(|&a, &b| clean(wanted[a]).total_cmp(&clean(wanted[b])).then(a.cmp(&b)));
    let mut clusters: Vec<Cluster> = Vec::new();
    for &k in &order {
        clusters.push(Cluster { count: 1, sum: clean(wanted[k]), top: 0.0 });
        loop {
            let last = clusters.len() - 1;
            clusters[last].place(gap, low, high);
            if last == 0 || clusters[last - 1].end(gap) <= clusters[last].top {
                break;
            }
            let tail = clusters.pop().expect("there are at least two clusters");
            clusters[last - 1].absorb(&tail, gap);
        }
    }
    let mut placed = vec![0.0; wanted.len()];
    let sorted = clusters.iter().flat_map(|c| (0..c.count).map(move |i| c.top + i as f64 * gap));
    for (&k, place) in order.iter().zip(sorted) {
        placed[k] = place;
    }
    placed
}

/// Labels placed one `gap` apart from `top`.
struct Cluster {
    count: usize,
    /// The sum of each member's wanted place less its offset in the cluster.
    sum: f64,
    top: f64,
}

impl Cluster {
    fn place(&mut self, gap: f64, low: f64, high: f64) {
        let span = (self.count - 1) as f64 * gap;
        // When the cluster is taller than the room, it starts at `low` and runs over `high`:
        // overlapping labels would be worse than a label below the plot.
        self.top = (self.sum / self.count as f64).min(high - span).max(low);
    }

    /// Where the next cluster may start.
    fn end(&self, gap: f64) -> f64 {
        self.top + self.count as f64 * gap
    }

    fn absorb(&mut self, tail: &Cluster, gap: f64) {
        self.sum += tail.sum - tail.count as f64 * self.count as f64 * gap;
        self.count += tail.count;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_apart_stay_put() {
        assert_eq!(spread_labels(&[10.0, 50.0, 30.0], 12.0, 0.0, 100.0), [10.0, 50.0, 30.0]);
    }

    #[test]
    fn colliding_labels_move_apart_around_their_middle() {
        assert_eq!(spread_labels(&[50.0, 50.0], 10.0, 0.0, 100.0), [45.0, 55.0]);
        // Order is kept: the second wanted lower, so it stays lower.
        assert_eq!(spread_labels(&[51.0, 49.0, 50.0], 10.0, 0.0, 100.0), [60.0, 40.0, 50.0]);
    }

    #[test]
    fn labels_stay_inside_the_range() {
        assert_eq!(spread_labels(&[98.0, 99.0, 100.0], 10.0, 0.0, 100.0), [80.0, 90.0, 100.0]);
        assert_eq!(spread_labels(&[0.0, 0.0], 10.0, 5.0, 100.0), [5.0, 15.0]);
        // Too many for the room: they start at the top and run over, never overlapping.
        assert_eq!(spread_labels(&[5.0; 3], 10.0, 0.0, 10.0), [0.0, 10.0, 20.0]);
        assert_eq!(spread_labels(&[f64::NAN, 3.0], 10.0, 0.0, 100.0), [0.0, 10.0]);
        assert!(spread_labels(&[], 10.0, 0.0, 100.0).is_empty());
    }

    #[test]
    fn panels_fill_rows_without_overlapping() {
        let spec = GridSpec { left: 60.0, width: 880.0, top: 100.0, plot_height: 90.0 };
        assert_eq!(columns(1), 1);
        assert_eq!(columns(7), 4);
        assert_eq!(columns(10), 5);
        assert_eq!(columns(20), 5);
        let panels = panel_grid(7, spec);
        assert_eq!(panels.len(), 7);
        assert!((panels[3].right() - 940.0).abs() < 1e-9, "the last column ends at the right edge");
        assert_eq!(panels[4].x, 60.0);
        for (k, a) in panels.iter().enumerate() {
            for b in &panels[k + 1..] {
                assert!(!a.overlaps(b));
            }
        }
        assert!(grid_bottom(7, spec) >= panels[6].bottom() + YEAR_BAND);
    }

    #[test]
    fn years_are_labelled_on_round_steps() {
        let plot = Rect { x: 0.0, y: 0.0, width: 740.0, height: 100.0 };
        let twelve = Years { first: 2014, last: 2025 };
        assert_eq!(twelve.labelled(&plot), (2014..=2025).collect::<Vec<_>>());
        let narrow = Rect { width: 150.0, ..plot };
        assert_eq!(Years { first: 2001, last: 2025 }.labelled(&narrow), [2010, 2020]);
        assert_eq!(Years { first: 2021, last: 2023 }.labelled(&Rect { width: 30.0, ..plot }), [2021]);
        assert_eq!(Years::of([2003, 2001, 2002]), Some(Years { first: 2001, last: 2003 }));
        assert_eq!(Years::of([]), None);
        assert!((twelve.x(2014, &plot) - 740.0 / 24.0).abs() < 1e-9);
    }

    proptest::proptest! {
        #[test]
        fn spread_labels_never_overlap(wanted in proptest::collection::vec(0.0f64..300.0, 0..12)) {
            let gap = 14.0;
            let placed = spread_labels(&wanted, gap, 0.0, 300.0);
            let mut order: Vec<usize> = (0..wanted.len()).collect();
            order.sort_by(|&a, &b| wanted[a].total_cmp(&wanted[b]).then(a.cmp(&b)));
            for pair in order.windows(2) {
                proptest::prop_assert!(placed[pair[1]] - placed[pair[0]] >= gap - 1e-9, "{wanted:?} → {placed:?}");
            }
            for place in &placed {
                proptest::prop_assert!((0.0..=300.0 + 1e-9).contains(place), "{wanted:?} → {placed:?}");
            }
        }
    }
}
