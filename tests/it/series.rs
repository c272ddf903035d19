//! The series commands on simulated series: snapshots of every command's output, accuracy
//! against the simulator's truth, determinism, errors, and the charts.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::fixtures;

/// A scratch corpus with the shipped collections, for the simulator's base text.
pub(crate) fn scratch_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for collection in ["sco", "examples"] {
        let from = fixtures::repo().join("corpora").join(collection);
        let to = dir.path().join(collection);
        std::fs::create_dir_all(&to).unwrap();
        // The catalog and the texts: not the index, the lock or other leftovers of runs.
        for entry in std::fs::read_dir(&from).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() && !entry.file_name().to_string_lossy().starts_with('.') {
                std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
            }
        }
    }
    dir
}

pub(crate) fn decldiff(corpus: &Path, args: &[&str]) -> Output {
    crate::bin::decldiff().arg("--corpus").arg(corpus).args(args).output().expect("the binary runs")
}

pub(crate) fn ok(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

pub(crate) fn simulated(years: &str, start: &str) -> tempfile::TempDir {
    let corpus = scratch_corpus();
    ok(&decldiff(corpus.path(), &["simulate", "series", "--years", years, "--collection", "sim", "--start", start]));
    corpus
}

#[test]
fn snapshots_of_the_series_commands() {
    let corpus = simulated("6", "2019");
    let c = corpus.path();
    let run = |args: &[&str]| ok(&decldiff(c, args));
    insta::assert_snapshot!("timeline_table", run(&["timeline", "--collection", "sim", "--width", "120"]));
    insta::assert_snapshot!("timeline_markdown", run(&["timeline", "--collection", "sim", "--format", "markdown"]));
    insta::assert_snapshot!("timeline_csv", run(&["timeline", "--collection", "sim", "--format", "csv"]));
    insta::assert_snapshot!("timeline_json", run(&["timeline", "--collection", "sim", "--format", "json"]));
    let terms = ["terms", "上合组织", "氢能", "冰雪旅游", "--collection", "sim"];
    insta::assert_snapshot!("terms_table", run(&[&terms[..], &["--width", "120"]].concat()));
    insta::assert_snapshot!("terms_json", run(&[&terms[..], &["--format", "json"]].concat()));
    insta::assert_snapshot!("terms_top", run(&["terms", "--top", "3", "--collection", "sim", "--width", "120"]));
    insta::assert_snapshot!("lineage_table", run(&["lineage", "sim-2024", "--collection", "sim", "--width", "140"]));
    // The lineage JSON: every paragraph, ancestors latest first, shares in range.
    let lineage_json = run(&["lineage", "sim-2024", "--collection", "sim", "--format", "json"]);
    insta::assert_snapshot!("lineage_json", lineage_json);
    let json: serde_json::Value = serde_json::from_str(&lineage_json).unwrap();
    assert_eq!(json["schema_version"], 2);
    for p in json["paragraphs"].as_array().unwrap() {
        let years: Vec<i64> = p["ancestors"].as_array().unwrap().iter().map(|a| a["year"].as_i64().unwrap()).collect();
        assert!(years.windows(2).all(|w| w[0] > w[1]), "{years:?}");
        assert!((2019..=2024).contains(&p["first_year"].as_i64().unwrap()));
    }
    for t in json["themes"].as_array().unwrap() {
        for field in ["verbatim_from_previous", "verbatim_from_any", "new"] {
            assert!((0.0..=1.0).contains(&t[field].as_f64().unwrap()), "{field}");
        }
    }
    // --from/--to narrow the years.
    let narrowed: serde_json::Value = serde_json::from_str(&run(&[
        "timeline",
        "--collection",
        "sim",
        "--from",
        "2020",
        "--to",
        "2022",
        "--format",
        "json",
    ]))
    .unwrap();
    let years: Vec<i64> = narrowed["years"].as_array().unwrap().iter().map(|y| y["year"].as_i64().unwrap()).collect();
    assert_eq!(years, vec![2020, 2021, 2022]);
}

#[test]
fn a_simulated_25_year_series_is_measured_against_its_truth() {
    let corpus = simulated("25", "2001");
    let out = ok(&decldiff(corpus.path(), &["eval", "series", "--collection", "sim", "--format", "json"]));
    let scores: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(scores["years"], 25);
    assert!(scores["first_year_accuracy"].as_f64().unwrap() >= 0.98, "{scores}");
    assert!(scores["ancestor_accuracy"].as_f64().unwrap() >= 0.98, "{scores}");
    for term in scores["terms"].as_array().unwrap() {
        assert_eq!(term["exact"], true, "{term}");
        assert_eq!(term["truth"], term["found"], "{term}");
    }
    assert_eq!(scores["endorsements"], serde_json::json!([1, 1]), "the narrowed endorsement is found");
    assert_eq!(scores["theme_share_mismatches"], 0);
    // The same seed writes the same series.
    let again = simulated("25", "2001");
    for file in ["sim/truth.json", "sim/sim-2013.zh.txt", "sim/catalog.toml"] {
        assert_eq!(
            std::fs::read(corpus.path().join(file)).unwrap(),
            std::fs::read(again.path().join(file)).unwrap(),
            "{file}"
        );
    }
    // The catalog labels the texts simulated.
    let catalog = std::fs::read_to_string(corpus.path().join("sim/catalog.toml")).unwrap();
    assert_eq!(catalog.matches("status = \"simulated\"").count(), 25);
}

#[test]
fn errors_are_one_line_with_exit_2() {
    let corpus = simulated("3", "2020");
    let c = corpus.path();
    std::fs::write(c.join("sim/truth.json"), "{\"years\": [").unwrap();
    let cases: [(&[&str], &str); 7] = [
        (&["eval", "series", "--collection", "sim"], "EOF while parsing"),
        (&["eval", "series", "--collection", "sco"], "not a simulated series"),
        (&["simulate", "series", "--years", "0", "--collection", "sim2"], "at least one year"),
        (&["timeline", "--collection", "nosuch"], "no collection `nosuch`"),
        (&["timeline", "--collection", "sim", "--from", "2030"], "no stored text with a date"),
        (&["lineage", "sim-1999", "--collection", "sim"], "sim-1999"),
        (&["simulate", "series", "--years", "3", "--collection", "sim", "--start", "2020"], "--force"),
    ];
    for (args, needle) in cases {
        let out = decldiff(c, args);
        let message = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {message}");
        assert!(message.starts_with("error: ") && message.contains(needle), "{args:?}: {message}");
        assert_eq!(message.trim_end().lines().count(), 1, "{message}");
    }
}

#[test]
fn charts_are_svg_with_every_label() {
    let corpus = simulated("12", "2014");
    let c = corpus.path();
    let chart: PathBuf = c.join("timeline.svg");
    ok(&decldiff(c, &["timeline", "--collection", "sim", "--chart", chart.to_str().unwrap()]));
    let svg = std::fs::read_to_string(&chart).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.trim_end().ends_with("</svg>"));
    for label in ["安全", "经济", "2014", "2025", "share of paragraphs", "paragraphs changed"] {
        assert!(svg.contains(label), "{label}");
    }
    let terms_chart = c.join("terms.svg");
    ok(&decldiff(c, &["terms", "氢能", "量子通信", "--collection", "sim", "--chart", terms_chart.to_str().unwrap()]));
    let svg = std::fs::read_to_string(&terms_chart).unwrap();
    assert_eq!(svg.matches("<polyline").count(), 2, "a line per term");
    assert!(svg.contains("氢能") && svg.contains("量子通信"));
}
