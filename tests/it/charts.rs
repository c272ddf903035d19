//! The charts of a series (docs/charts.md): nice ticks, a panel per theme and per term, no two
//! labels overlapping, SVG that parses, PNG at twice the SVG's size, and no panic on empty,
//! one-year, all-zero or NaN data.

use std::path::Path;
use std::sync::{Arc, LazyLock};

use decldiff::render::chart::{self, fontdb, scene::Scene};
use decldiff::series::terms::{TermSeries, TermYear};
use decldiff::series::timeline::{ThemeChange, ThemeShare, Timeline, YearChange, YearRow};
use decldiff::session::{SeriesQuery, Session, SessionOptions};

use crate::series::{decldiff, ok, simulated};

/// A real term to build test data from: `TermYear { year, rate, ..template }` keeps compiling
/// when the types gain fields.
fn template() -> TermSeries {
    static TEMPLATE: LazyLock<TermSeries> = LazyLock::new(|| {
        let corpus = crate::series::scratch_corpus();
        let options = SessionOptions { corpus: Some(corpus.path().to_path_buf()), ..SessionOptions::default() };
        let session = Session::open(&options).unwrap();
        let members = session.members(&SeriesQuery::all("sco")).unwrap();
        session.terms(&members, &["上合组织".to_owned()], 0).followed.remove(0)
    });
    TEMPLATE.clone()
}

fn term(name: &str, rates: &[(i32, f64)]) -> TermSeries {
    let template = template();
    let sample = &template.years[0];
    let years = rates.iter().map(|&(at, rate)| TermYear { year: at, rate, ..sample.clone() }).collect();
    TermSeries { term: name.to_owned(), forms: vec![name.to_owned()], years, ..template }
}

/// A timeline whose themes have the given paragraph counts each year and change by `change`.
fn timeline(themes: &[&str], years: &[(i32, Vec<usize>)], change: usize) -> Timeline {
    let rows = years
        .iter()
        .enumerate()
        .map(|(k, (year, counts))| {
            let total: usize = counts.iter().sum();
            let share = |n: usize| if total == 0 { 0.0 } else { n as f64 / total as f64 };
            let shares = themes
                .iter()
                .zip(counts.iter())
                .map(|(t, &n)| ThemeShare {
                    theme: (*t).to_owned(),
                    paragraphs: n,
                    chars: n * 80,
                    paragraph_share: share(n),
                    char_share: share(n),
                })
                .collect();
            let theme_change = |t: &&str| ThemeChange {
                theme: (*t).to_owned(),
                added: change,
                removed: 0,
                reworded: 0,
                moved_in: 0,
                moved_out: 0,
                wording_shift: 0.0,
            };
            let change = (k > 0).then(|| YearChange {
                from_year: year - 1,
                added: change,
                removed: 0,
                reworded: 0,
                moved: 0,
                wording_shift: 0.0,
                stronger: 0,
                weaker: 0,
                net_shift_steps: 0,
                endorsers: 0,
                themes: themes.iter().map(theme_change).collect(),
            });
            YearRow { year: *year, id: format!("t-{year}"), paragraphs: total, chars: total * 80, shares, change }
        })
        .collect();
    Timeline { schema_version: 1, themes: themes.iter().map(|t| (*t).to_owned()).collect(), years: rows }
}

/// Every label inside the canvas, and no two overlapping (by the layout's own estimate of
/// text widths, which errs wide).
fn assert_labels_apart(scene: &Scene) {
    let labels = scene.labels();
    for (k, a) in labels.iter().enumerate() {
        let r = a.bounds();
        assert!(r.x >= 0.0 && r.right() <= scene.width && r.y >= 0.0 && r.bottom() <= scene.height, "{a:?} outside");
        for b in &labels[k + 1..] {
            assert!(!r.overlaps(&b.bounds()), "labels overlap:\n{a:?}\n{b:?}");
        }
    }
}

fn parses(svg: &str) {
    let tree = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default());
    assert!(tree.is_ok(), "usvg: {:?}", tree.err());
    assert!(!svg.contains("NaN") && !svg.contains("inf"), "a non-finite number was written");
}

fn texts(svg: &str) -> Vec<&str> {
    svg.split("</text>").filter_map(|piece| piece.rsplit_once('>').map(|(_, text)| text)).collect()
}

fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "PNG magic bytes");
    let word = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

fn svg_size(svg: &str) -> (f64, f64) {
    let attribute = |name: &str| -> f64 {
        let start = svg.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        svg[start..].split('"').next().unwrap().parse().unwrap()
    };
    (attribute("width"), attribute("height"))
}

#[test]
fn a_small_rate_gets_nice_ticks_not_zero_to_four() {
    let terms = [term("氢能", &[(2020, 0.0), (2021, 0.4), (2022, 0.9)]), term("冰雪旅游", &[(2020, 0.3)])];
    let svg = chart::terms_chart(&terms, "terms");
    parses(&svg);
    let labels = texts(&svg);
    for tick in ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"] {
        assert!(labels.contains(&tick), "{tick} in {labels:?}");
    }
    assert!(!labels.contains(&"4"), "{labels:?}");
    assert_eq!(svg.matches("class=\"panel\"").count(), 2, "a panel per term");
}

#[test]
fn a_small_terms_chart_snapshot() {
    let terms = [term("上合组织", &[(2019, 2.5), (2020, 3.1), (2021, 2.8)]), term("氢能", &[(2020, 0.9)])];
    insta::assert_snapshot!("terms_chart_small", chart::terms_chart(&terms, "sim: terms by year"));
}

#[test]
fn crowded_thin_themes_are_labelled_apart() {
    let themes = ["国际形势", "安全", "经济", "生态环境", "人文", "本组织", "unsure", "一个名字很长很长的主题"];
    let counts = vec![1, 90, 1, 1, 1, 1, 0, 1];
    let scene = chart::timeline_scene(&timeline(&themes, &[(2020, counts.clone()), (2021, counts)], 3), "crowded");
    assert_labels_apart(&scene);
    assert_eq!(scene.groups("panel").len(), themes.len());
    parses(&scene.to_svg());
}

#[test]
fn empty_one_year_and_all_zero_series_draw_without_panicking() {
    let themes = ["安全", "经济"];
    let cases = [
        timeline(&themes, &[], 0),
        timeline(&themes, &[(2020, vec![3, 4])], 0),
        timeline(&themes, &[(2020, vec![0, 0]), (2021, vec![0, 0]), (2023, vec![0, 0])], 0),
        timeline(&[], &[(2020, vec![])], 0),
    ];
    for case in &cases {
        let scene = chart::timeline_scene(case, "edge");
        assert_labels_apart(&scene);
        parses(&scene.to_svg());
    }
    let terms = [
        vec![],
        vec![term("空", &[])],
        vec![term("零", &[(2020, 0.0), (2021, 0.0)])],
        vec![term("坏", &[(2020, f64::NAN), (2021, f64::INFINITY), (2022, -1.0), (2023, 2.0)])],
    ];
    for case in &terms {
        let scene = chart::terms_scene(case, "edge");
        assert_labels_apart(&scene);
        parses(&scene.to_svg());
    }
}

#[test]
fn the_png_of_a_chart_is_twice_its_size_without_any_font() {
    let svg = chart::terms_chart(&[term("氢能", &[(2020, 1.0), (2021, 2.0)])], "terms");
    let png = chart::to_png(&svg, Arc::new(fontdb::Database::new()), 2.0).unwrap();
    let (width, height) = svg_size(&svg);
    assert_eq!(png_size(&png), ((2.0 * width) as u32, (2.0 * height).ceil() as u32));
}

/// The timeline and the terms of a simulated series through the library, laid out.
fn scenes(corpus: &Path) -> (Scene, Scene, usize) {
    let options = SessionOptions { corpus: Some(corpus.to_path_buf()), ..SessionOptions::default() };
    let session = Session::open(&options).unwrap();
    let members = session.members(&SeriesQuery::all("sim")).unwrap();
    let timeline = session.timeline(&members);
    let terms = session.terms(&members, &[], 5).followed;
    (chart::timeline_scene(&timeline, "sim"), chart::terms_scene(&terms, "sim"), timeline.themes.len())
}

#[test]
fn charts_of_a_simulated_series() {
    let corpus = simulated("25", "2001");
    let c = corpus.path();
    let (timeline, terms, themes) = scenes(c);
    assert_labels_apart(&timeline);
    assert_labels_apart(&terms);
    assert_eq!(timeline.groups("panel").len(), themes, "a panel per theme");
    assert_eq!(terms.groups("panel").len(), 10, "five terms that rose, five that fell");

    let run = |args: &[&str], file: &str| {
        let path = c.join(file);
        ok(&decldiff(c, &[args, &["--collection", "sim", "--chart", path.to_str().unwrap()]].concat()));
        std::fs::read(path).unwrap()
    };
    let svg = String::from_utf8(run(&["timeline"], "timeline.svg")).unwrap();
    parses(&svg);
    assert_eq!(svg, timeline_svg_again(c), "the same data gives the same bytes");
    assert_eq!(svg.matches("class=\"panel\"").count(), themes);
    let terms_svg = String::from_utf8(run(&["terms", "--top", "5"], "terms.svg")).unwrap();
    parses(&terms_svg);
    assert_eq!(terms_svg.matches("class=\"panel\"").count(), 10);

    for (args, svg) in [(&["timeline"][..], &svg), (&["terms", "--top", "5"][..], &terms_svg)] {
        let png = run(args, "chart.png");
        let (width, height) = svg_size(svg);
        assert_eq!(png_size(&png), ((2.0 * width) as u32, (2.0 * height).ceil() as u32), "{args:?}");
        assert!(png.len() < 400_000, "{args:?}: {} bytes", png.len());
    }
}

fn timeline_svg_again(corpus: &Path) -> String {
    ok(&decldiff(corpus, &["timeline", "--collection", "sim", "--chart", "-"]))
}
