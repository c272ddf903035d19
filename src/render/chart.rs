//! Charts of a series as SVG: theme shares by year (stacked bars) with each theme's change
//! volume (lines), and terms' rates by year (lines). Written directly as SVG elements rather
//! than through a plotting crate: the output is a few hundred deterministic lines, and CJK
//! labels are plain `<text>` that the viewer renders with its own fonts (docs/architecture.md).

use std::fmt::Write as _;

use super::html::escape;
use crate::series::terms::TermSeries;
use crate::series::timeline::Timeline;

const WIDTH: f64 = 960.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 190.0;
/// Tableau 10: distinguishable, and readable in grey.
const PALETTE: [&str; 10] =
    ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];
const FONTS: &str = "system-ui, 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif";

fn open(height: f64, title: &str) -> String {
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" font-family=\"{FONTS}\" font-size=\"12\">"
    );
    let _ = writeln!(svg, "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
    let _ = writeln!(svg, "<text x=\"{LEFT}\" y=\"24\" font-size=\"16\" font-weight=\"600\">{}</text>", escape(title));
    svg
}

/// Axes, gridlines and labels of one panel; returns the x of each year's centre.
fn panel(svg: &mut String, top: f64, height: f64, years: &[i32], max: f64, y_label: &str, percent: bool) -> Vec<f64> {
    let plot_width = WIDTH - LEFT - RIGHT;
    let step = plot_width / years.len().max(1) as f64;
    for k in 0..=4 {
        let value = max * k as f64 / 4.0;
        let y = top + height - height * k as f64 / 4.0;
        let label = if percent { format!("{:.0}%", value * 100.0) } else { format!("{value:.0}") };
        let _ = writeln!(
            svg,
            "<line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#ddd\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{label}</text>",
            LEFT + plot_width,
            LEFT - 6.0,
            y + 4.0
        );
    }
    let _ = writeln!(
        svg,
        "<text transform=\"translate(16 {:.1}) rotate(-90)\" text-anchor=\"middle\">{}</text>",
        top + height / 2.0,
        escape(y_label)
    );
    let every = years.len().div_ceil(13).max(1);
    years
        .iter()
        .enumerate()
        .map(|(k, year)| {
            let x = LEFT + step * (k as f64 + 0.5);
            if k % every == 0 {
                let _ = writeln!(
                    svg,
                    "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{year}</text>",
                    top + height + 16.0
                );
            }
            x
        })
        .collect()
}

fn legend(svg: &mut String, top: f64, names: &[String]) {
    for (k, name) in names.iter().enumerate() {
        let y = top + 18.0 * k as f64;
        let _ = writeln!(
            svg,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"12\" height=\"12\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            WIDTH - RIGHT + 16.0,
            y,
            PALETTE[k % PALETTE.len()],
            WIDTH - RIGHT + 34.0,
            y + 10.0,
            escape(name)
        );
    }
}

fn line(svg: &mut String, points: &[(f64, f64)], colour: &str) {
    let path: Vec<String> = points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
    let _ =
        writeln!(svg, "<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"/>", path.join(" "));
    for (x, y) in points {
        let _ = writeln!(svg, "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"2.5\" fill=\"{colour}\"/>");
    }
}

/// Theme shares of paragraphs by year (stacked bars), and each theme's change volume (added +
/// removed + reworded + moved in and out) by year (lines).
pub fn timeline_chart(timeline: &Timeline, title: &str) -> String {
    let years: Vec<i32> = timeline.years.iter().map(|y| y.year).collect();
    let mut svg = open(720.0, title);
    let (top, height) = (50.0, 280.0);
    let xs = panel(&mut svg, top, height, &years, 1.0, "share of paragraphs", true);
    let bar = (WIDTH - LEFT - RIGHT) / years.len().max(1) as f64 * 0.7;
    for (year, x) in timeline.years.iter().zip(&xs) {
        let mut base = top + height;
        for (k, share) in year.shares.iter().enumerate() {
            let h = share.paragraph_share * height;
            if h > 0.0 {
                let _ = writeln!(
                    svg,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{h:.1}\" fill=\"{}\"><title>{} {}: {:.1}%</title></rect>",
                    x - bar / 2.0,
                    base - h,
                    PALETTE[k % PALETTE.len()],
                    year.year,
                    escape(&share.theme),
                    share.paragraph_share * 100.0
                );
            }
            base -= h;
        }
    }
    legend(&mut svg, top, &timeline.themes);
    let volume = |theme: &str, year: &crate::series::timeline::YearRow| -> f64 {
        year.change
            .as_ref()
            .and_then(|c| c.themes.iter().find(|t| t.theme == theme))
            .map_or(0.0, |t| (t.added + t.removed + t.reworded + t.moved_in + t.moved_out) as f64)
    };
    let max = timeline
        .themes
        .iter()
        .flat_map(|theme| timeline.years.iter().map(move |y| volume(theme, y)))
        .fold(1.0_f64, f64::max);
    let max = (max / 4.0).ceil() * 4.0;
    let (top, height) = (400.0, 260.0);
    let _ = writeln!(
        svg,
        "<text x=\"{LEFT}\" y=\"{:.1}\" font-weight=\"600\">paragraphs changed per theme, year over year</text>",
        top - 14.0
    );
    let xs = panel(&mut svg, top, height, &years, max, "paragraphs changed", false);
    for (k, theme) in timeline.themes.iter().enumerate() {
        let points: Vec<(f64, f64)> = timeline
            .years
            .iter()
            .zip(&xs)
            .filter(|(y, _)| y.change.is_some())
            .map(|(y, x)| (*x, top + height - volume(theme, y) / max * height))
            .collect();
        line(&mut svg, &points, PALETTE[k % PALETTE.len()]);
    }
    svg.push_str("</svg>\n");
    svg
}

/// Each term's rate per 10,000 characters by year.
pub fn terms_chart(terms: &[TermSeries], title: &str) -> String {
    let years: Vec<i32> = terms.first().map_or_else(Vec::new, |t| t.years.iter().map(|y| y.year).collect());
    let mut svg = open(420.0, title);
    let max = terms.iter().flat_map(|t| t.years.iter().map(|y| y.rate)).fold(1.0_f64, f64::max);
    let max = (max / 4.0).ceil() * 4.0;
    let (top, height) = (50.0, 320.0);
    let xs = panel(&mut svg, top, height, &years, max, "per 10,000 characters", false);
    for (k, term) in terms.iter().enumerate() {
        let points: Vec<(f64, f64)> =
            term.years.iter().zip(&xs).map(|(y, x)| (*x, top + height - y.rate / max * height)).collect();
        line(&mut svg, &points, PALETTE[k % PALETTE.len()]);
    }
    legend(&mut svg, top, &terms.iter().map(|t| t.term.clone()).collect::<Vec<_>>());
    svg.push_str("</svg>\n");
    svg
}
