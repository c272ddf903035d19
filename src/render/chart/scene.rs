//! What a chart draws, as data: rectangles, lines, polylines and labels at their places. A
//! chart is laid out into a [`Scene`] first and written as SVG second, so a test can check
//! the layout (no two labels overlap, a panel per theme) without parsing SVG, and the SVG
//! writer is the one place that knows the syntax.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthChar;

use crate::render::html::escape;

/// Every label's font list: the viewer's UI font, then CJK families of macOS, Windows and
/// Linux (Debian's `fonts-wqy-microhei` is WenQuanYi Micro Hei), then any sans-serif.
const FONTS: &str = "system-ui, 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif";

/// The colour of text, axes' labels and titles.
pub const INK: &str = "#222";
/// The colour of secondary text (notes, tick labels).
pub const MUTED: &str = "#555";

/// A rectangle: its top-left corner and its size, in SVG user units (pixels at 1×).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl Rect {
    /// The right edge.
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    /// The bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    /// Whether the two share some area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right() && other.x < self.right() && self.y < other.bottom() && other.y < self.bottom()
    }
}

/// Where a label's `x` is: its start, middle or end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// `x` is where the text starts.
    Start,
    /// `x` is the text's middle.
    Middle,
    /// `x` is where the text ends.
    End,
}

/// A piece of text at a place.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The text, unescaped.
    pub text: String,
    /// Its x, as `anchor` says.
    pub x: f64,
    /// Its baseline.
    pub y: f64,
    /// Font size.
    pub size: f64,
    /// Where `x` is.
    pub anchor: Anchor,
    /// Semibold (titles).
    pub bold: bool,
    /// Turned a quarter left, reading upwards (a y-axis title); `x`, `y` is then its centre.
    pub vertical: bool,
    /// Its colour.
    pub fill: &'static str,
}

impl Label {
    /// A label in the body size (12), starting at `x`.
    pub fn new(text: impl Into<String>, x: f64, y: f64) -> Label {
        Label { text: text.into(), x, y, size: 12.0, anchor: Anchor::Start, bold: false, vertical: false, fill: INK }
    }

    /// The same label with `anchor`.
    pub fn anchored(self, anchor: Anchor) -> Label {
        Label { anchor, ..self }
    }

    /// The same label in `size`, semibold when `bold`.
    pub fn sized(self, size: f64, bold: bool) -> Label {
        Label { size, bold, ..self }
    }

    /// The same label in `fill`.
    pub fn coloured(self, fill: &'static str) -> Label {
        Label { fill, ..self }
    }

    /// The box the text takes, estimated from its characters ([`text_width`]): from the
    /// ascent (0.8 em above the baseline) to the descent (0.2 em below).
    pub fn bounds(&self) -> Rect {
        let width = text_width(&self.text, self.size) * if self.bold { 1.05 } else { 1.0 };
        if self.vertical {
            return Rect { x: self.x - 0.8 * self.size, y: self.y - width / 2.0, width: self.size, height: width };
        }
        let x = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - width / 2.0,
            Anchor::End => self.x - width,
        };
        Rect { x, y: self.y - 0.8 * self.size, width, height: self.size }
    }
}

/// The width of `text` in a font of `size`, estimated without a font: a CJK (double-width)
/// character is 1 em, anything else 0.62 em, a little more than the average Latin letter or
/// digit in the sans-serif fonts we list, so the estimate errs wide.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| if c.width().unwrap_or(0) >= 2 { 1.0 } else { 0.62 }).sum::<f64>() * size
}

/// `text`, shortened with an ellipsis to fit `width` at `size`.
pub fn fit_text(text: &str, size: f64, width: f64) -> String {
    if text_width(text, size) <= width {
        return text.to_owned();
    }
    let mut fitted = String::new();
    for c in text.chars() {
        let candidate = format!("{fitted}{c}…");
        if text_width(&candidate, size) > width {
            break;
        }
        fitted.push(c);
    }
    fitted + "…"
}

/// One thing drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A filled rectangle, with a tooltip (`<title>`) when it stands for data.
    Rect {
        /// Where.
        rect: Rect,
        /// Its colour.
        fill: &'static str,
        /// What a viewer shows on hover.
        tooltip: Option<String>,
    },
    /// A straight line (gridlines, axes, leaders).
    Line {
        /// From.
        from: (f64, f64),
        /// To.
        to: (f64, f64),
        /// Its colour.
        stroke: &'static str,
    },
    /// A data line with a dot at each point.
    Polyline {
        /// The points, left to right.
        points: Vec<(f64, f64)>,
        /// Its colour.
        stroke: &'static str,
    },
    /// Text.
    Text(Label),
    /// Marks that belong together, written as `<g class="…" data-name="…">` so that tests
    /// and stylesheets find a panel by its class.
    Group {
        /// `bars`, `panel`, …
        class: &'static str,
        /// What the group shows (a theme, a term).
        name: String,
        /// Its marks.
        marks: Vec<Mark>,
    },
}

/// A whole chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Width in SVG user units.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// What is drawn, in painting order.
    pub marks: Vec<Mark>,
}

impl Scene {
    /// Every label, groups included, in painting order.
    pub fn labels(&self) -> Vec<&Label> {
        fn walk<'a>(marks: &'a [Mark], out: &mut Vec<&'a Label>) {
            for mark in marks {
                match mark {
                    Mark::Text(label) => out.push(label),
                    Mark::Group { marks, .. } => walk(marks, out),
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.marks, &mut out);
        out
    }

    /// The groups of `class`, in order: `(name, marks)`.
    pub fn groups(&self, class: &str) -> Vec<(&str, &[Mark])> {
        let mut out = Vec::new();
        for mark in &self.marks {
            if let Mark::Group { class: c, name, marks } = mark
                && *c == class
            {
                out.push((name.as_str(), marks.as_slice()));
            }
        }
        out
    }

    /// The SVG document: fixed-precision numbers and no timestamps, so the same scene is
    /// always the same bytes.
    pub fn to_svg(&self) -> String {
        let (width, height) = (self.width, self.height.ceil());
        let mut svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"{FONTS}\" font-size=\"12\">\n"
        );
        svg.push_str("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        write_marks(&mut svg, &self.marks);
        svg.push_str("</svg>\n");
        svg
    }
}

fn write_marks(svg: &mut String, marks: &[Mark]) {
    for mark in marks {
        // Writing to a String cannot fail.
        let _ = match mark {
            Mark::Rect { rect, fill, tooltip } => write_rect(svg, rect, fill, tooltip.as_deref()),
            Mark::Line { from, to, stroke } => writeln!(
                svg,
                "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{stroke}\"/>",
                from.0, from.1, to.0, to.1
            ),
            Mark::Polyline { points, stroke } => write_polyline(svg, points, stroke),
            Mark::Text(label) => write_label(svg, label),
            Mark::Group { class, name, marks } => {
                let _ = writeln!(svg, "<g class=\"{class}\" data-name=\"{}\">", escape(name));
                write_marks(svg, marks);
                writeln!(svg, "</g>")
            }
        };
    }
}

fn write_rect(svg: &mut String, rect: &Rect, fill: &str, tooltip: Option<&str>) -> std::fmt::Result {
    let Rect { x, y, width, height } = rect;
    write!(svg, "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{width:.1}\" height=\"{height:.1}\" fill=\"{fill}\"")?;
    match tooltip {
        Some(tip) => writeln!(svg, "><title>{}</title></rect>", escape(tip)),
        None => writeln!(svg, "/>"),
    }
}

fn write_polyline(svg: &mut String, points: &[(f64, f64)], stroke: &str) -> std::fmt::Result {
    let path: Vec<String> = points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
    writeln!(svg, "<polyline points=\"{}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"2\"/>", path.join(" "))?;
    // A lone point (a one-year series) has no line to show it: a bigger dot does.
    let radius = if points.len() == 1 { 4.0 } else { 2.5 };
    for (x, y) in points {
        writeln!(svg, "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{radius}\" fill=\"{stroke}\"/>")?;
    }
    Ok(())
}

fn write_label(svg: &mut String, label: &Label) -> std::fmt::Result {
    let Label { x, y, size, .. } = label;
    let mut attributes = String::new();
    if label.vertical {
        write!(attributes, " transform=\"translate({x:.1} {y:.1}) rotate(-90)\" text-anchor=\"middle\"")?;
    } else {
        write!(attributes, " x=\"{x:.1}\" y=\"{y:.1}\"")?;
        match label.anchor {
            Anchor::Start => {}
            Anchor::Middle => attributes.push_str(" text-anchor=\"middle\""),
            Anchor::End => attributes.push_str(" text-anchor=\"end\""),
        }
    }
    if *size != 12.0 {
        write!(attributes, " font-size=\"{size}\"")?;
    }
    if label.bold {
        attributes.push_str(" font-weight=\"600\"");
    }
    if label.fill != INK {
        write!(attributes, " fill=\"{}\"", label.fill)?;
    }
    writeln!(svg, "<text{attributes}>{}</text>", escape(&label.text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_counts_double() {
        assert_eq!(text_width("安全", 10.0), 20.0);
        assert!((text_width("2014", 10.0) - 24.8).abs() < 1e-9);
    }

    #[test]
    fn long_text_is_shortened_to_fit() {
        assert_eq!(fit_text("安全", 12.0, 100.0), "安全");
        let fitted = fit_text("丝绸之路经济带", 12.0, 50.0);
        assert_eq!(fitted, "丝绸之…");
        assert!(text_width(&fitted, 12.0) <= 50.0);
    }

    #[test]
    fn anchors_move_the_box() {
        let label = Label::new("ab", 100.0, 50.0);
        assert_eq!(label.bounds().x, 100.0);
        assert!((label.clone().anchored(Anchor::End).bounds().right() - 100.0).abs() < 1e-9);
        assert!(!label.bounds().overlaps(&Label::new("ab", 100.0, 62.0).bounds()));
    }

    #[test]
    fn text_is_escaped() {
        let scene = Scene { width: 10.0, height: 10.0, marks: vec![Mark::Text(Label::new("<a & b>", 0.0, 0.0))] };
        assert!(scene.to_svg().contains("&lt;a &amp; b&gt;"));
    }
}
