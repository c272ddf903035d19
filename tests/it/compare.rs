//! `compare`: commitment shifts and per-theme counts against the hand-made gold, exit codes,
//! snapshots of every format, and CJK widths.

use std::collections::BTreeMap;
use std::process::Output;

use decldiff::classify::Direction;
use decldiff::lab::eval::Gold;
use decldiff::report::Report;
use decldiff::score::{CompareOptions, compare};
use decldiff::segment::{BlockKind, Document};
use decldiff::tokenize::Tokenizer;

use crate::fixtures;

fn decldiff(args: &[&str]) -> Output {
    crate::bin::decldiff().args(args).env("NO_COLOR", "1").output().expect("the binary runs")
}

fn revision(name: &str) -> (Document, Document, Gold) {
    let old = Document::parse("sco-2020", &fixtures::seed());
    let dir = fixtures::repo().join("tests/data").join(name);
    let new = Document::parse(name, &std::fs::read_to_string(dir.join("new.txt")).unwrap());
    let gold = Gold::read(&dir.join("gold.json"), old.blocks.len(), new.blocks.len()).unwrap();
    (old, new, gold)
}

fn report(old: &Document, new: &Document) -> Report {
    compare(old, new, Tokenizer::shared(), &CompareOptions::default())
}

/// (from, to, direction) of every commitment shift a report finds.
fn shifts(report: &Report) -> Vec<(String, String, Direction)> {
    let mut found: Vec<_> = report
        .changes
        .iter()
        .flat_map(|c| c.edits.iter().filter_map(|e| e.shift.as_ref()))
        .map(|s| (s.from.clone(), s.to.clone(), s.direction))
        .collect();
    found.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    found
}

/// A shift as (from, to, direction).
type ShiftWords = (&'static str, &'static str, Direction);

fn gold_shifts(list: &[ShiftWords]) -> Vec<(String, String, Direction)> {
    let mut v: Vec<_> = list.iter().map(|(f, t, d)| (f.to_string(), t.to_string(), *d)).collect();
    v.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    v
}

#[test]
fn commitment_shifts_match_the_gold_of_every_revision() {
    use Direction::{Stronger, Weaker};
    // Written down by hand from tests/data/make_revisions.py. Traps that must not count:
    // rev1 "重申支持" (a verb inserted, not replaced), rev1 "愿继续为此创造条件" (a verb inside an
    // added clause). rev3 "将加强" → "将进一步加强" was a trap before intensity was modelled
    // (issue 15): an intensifier added before an unchanged verb is now a shift of intensity.
    let gold: [(&str, Vec<ShiftWords>); 3] = [
        (
            "rev1",
            vec![
                ("坚定支持", "支持", Weaker),
                ("欢迎", "注意到", Weaker),
                ("注意到", "欢迎", Stronger),
                ("欢迎", "积极评价", Stronger),
                ("关切", "严重关切", Stronger),
                ("愿", "将", Stronger),
                ("坚定支持", "支持", Weaker),
            ],
        ),
        (
            "rev2",
            vec![
                ("遗憾", "严重关切", Weaker),
                ("强调", "重申", Stronger),
                ("继续加强", "进一步加强", Stronger),
                ("注意到", "欢迎", Stronger),
                ("反对", "坚决反对", Stronger),
                ("支持", "坚定支持", Stronger),
            ],
        ),
        ("rev3", vec![("反对", "坚决反对", Stronger), ("加强", "进一步加强", Stronger)]),
    ];
    for (name, expected) in gold {
        let (old, new, _) = revision(name);
        assert_eq!(shifts(&report(&old, &new)), gold_shifts(&expected), "{name}");
    }
}

/// Per-theme counts from the gold alignment, computed here independently of the scorer.
fn gold_counts(
    old: &Document,
    new: &Document,
    gold: &Gold,
    theme_map: &BTreeMap<String, String>,
) -> BTreeMap<String, [usize; 7]> {
    // [unchanged, reworded, added, removed, moved_in, moved_out, splits + merges]
    let mut counts: BTreeMap<String, [usize; 7]> = BTreeMap::new();
    let mapped = |t: &String| theme_map.get(t).cloned().unwrap_or_else(|| t.clone());
    for link in &gold.links {
        let (o, n) = (&old.blocks[link.old[0]], &new.blocks[link.new[0]]);
        if n.kind != BlockKind::Paragraph {
            continue;
        }
        let (from, to) = (mapped(&o.theme), n.theme.clone());
        let row = counts.entry(to.clone()).or_default();
        use decldiff::align::LinkKind::*;
        match link.kind {
            Identical => row[0] += 1,
            Reworded | MovedReworded => row[1] += 1,
            Split | Merge => {
                row[1] += 1;
                row[6] += 1;
            }
            Moved => {}
        }
        if from != to {
            row[4] += 1;
            counts.entry(from).or_default()[5] += 1;
        }
    }
    for &j in &gold.added {
        if new.blocks[j].kind == BlockKind::Paragraph {
            counts.entry(new.blocks[j].theme.clone()).or_default()[2] += 1;
        }
    }
    for &i in &gold.deleted {
        if old.blocks[i].kind == BlockKind::Paragraph {
            counts.entry(mapped(&old.blocks[i].theme)).or_default()[3] += 1;
        }
    }
    counts
}

#[test]
fn per_theme_counts_equal_the_gold() {
    for name in ["rev1", "rev2", "rev3"] {
        let (old, new, gold) = revision(name);
        let report = report(&old, &new);
        let alignment = decldiff::align::align(&old, &new, Tokenizer::shared(), &Default::default());
        let expected = gold_counts(&old, &new, &gold, &alignment.theme_map);
        for score in &report.themes {
            let got = [
                score.unchanged,
                score.reworded,
                score.added,
                score.removed,
                score.moved_in,
                score.moved_out,
                score.splits + score.merges,
            ];
            assert_eq!(got, expected.get(&score.theme).copied().unwrap_or_default(), "{name}: {}", score.theme);
        }
    }
}

#[test]
fn exit_code_and_editorial_changes() {
    let same = decldiff(&["compare", "sco-2020", "sco-2020", "--exit-code"]);
    assert_eq!(same.status.code(), Some(0));
    let changed = decldiff(&["compare", "--exit-code"]);
    assert_eq!(changed.status.code(), Some(1));
    // Punctuation only: counted as unchanged, listed only with --all, not substantive.
    let dir = tempfile::tempdir().unwrap();
    let edited = fixtures::seed().replacen("成员国重申，坚定支持联合国", "成员国重申：坚定支持联合国", 1);
    let path = dir.path().join("punct.txt");
    std::fs::write(&path, edited).unwrap();
    let out = decldiff(&["compare", "sco-2020", path.to_str().unwrap(), "--exit-code", "--width", "140"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\n0 changes\n"));
    let all = decldiff(&["compare", "sco-2020", path.to_str().unwrap(), "--all", "--width", "140"]);
    let text = String::from_utf8_lossy(&all.stdout);
    assert!(text.contains("punctuation  (editorial)") && text.contains("[-，-]{+：+}"), "{text}");
}

#[test]
fn snapshots_of_every_format() {
    let (old, new) = ("tests/fixtures/case01.old.txt", "tests/fixtures/case01.new.txt");
    for (name, args) in [
        ("compare_case01_table", vec!["--width", "120", "--color", "never"]),
        ("compare_case01_by_paragraph", vec!["--by", "paragraph", "--width", "120"]),
        ("compare_case01_markdown", vec!["--format", "markdown"]),
        ("compare_case01_csv", vec!["--format", "csv"]),
        ("compare_case01_csv_by_paragraph", vec!["--format", "csv", "--by", "paragraph"]),
        ("compare_case01_json", vec!["--format", "json"]),
    ] {
        let mut full = vec!["compare", old, new];
        full.extend(args);
        let out = decldiff(&full);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        insta::assert_snapshot!(name, crate::bin::redact_version(&String::from_utf8(out.stdout).unwrap()));
    }
}

#[test]
fn the_json_report_is_deterministic_and_versioned() {
    let first = decldiff(&["compare", "--format", "json"]);
    let second = decldiff(&["compare", "--format", "json"]);
    assert_eq!(first.stdout, second.stdout);
    // Whatever the number of threads: several NEW, compared in parallel, in argument order.
    let many = ["compare", "sco-2020", "tests/data/rev1/new.txt", "tests/data/rev2/new.txt", "tests/data/rev3/new.txt"];
    let with_threads = |n: &str| {
        crate::bin::decldiff().args(many).args(["--format", "json"]).env("RAYON_NUM_THREADS", n).output().unwrap()
    };
    let one = with_threads("1");
    assert_eq!(one.status.code(), Some(0));
    for threads in ["2", "4"] {
        assert_eq!(one.stdout, with_threads(threads).stdout, "{threads} threads");
    }
    let value: serde_json::Value = serde_json::from_slice(&first.stdout).unwrap();
    assert_eq!(value["schema_version"], 2);
    assert_eq!(value["new"]["status"], "illustrative");
    for field in ["segmenter", "dictionary", "ladders", "align"] {
        assert!(!value["provenance"][field].is_null(), "{field}");
    }
}

#[test]
fn tables_fit_cjk_text_at_60_and_120_columns() {
    for width in [60usize, 120] {
        let out = decldiff(&["compare", "--width", &width.to_string(), "--color", "never"]);
        let text = String::from_utf8(out.stdout).unwrap();
        let table: Vec<&str> = text.lines().filter(|l| l.starts_with(['┌', '│', '╞', '├', '└'])).collect();
        assert!(!table.is_empty());
        let widths: std::collections::BTreeSet<usize> =
            table.iter().map(|l| unicode_width::UnicodeWidthStr::width(*l)).collect();
        // Every row of the table has the same display width, within the limit.
        assert_eq!(widths.len(), 1, "width {width}: {widths:?}");
        assert!(*widths.iter().next().unwrap() <= width, "width {width}: {widths:?}");
    }
}

#[test]
fn themes_by_content_on_the_2020_text_with_its_headings_hidden() {
    let doc = Document::parse("sco-2020", &fixtures::seed());
    let classifier = decldiff::theme::content::ContentClassifier::builtin();
    let scores = decldiff::lab::themes::taxonomy_on_sections(&doc, classifier).expect("the sections map");
    // Figures recorded in docs/accuracy.md (the truth is the section a paragraph stands in,
    // which is not always its subject: the Aral Sea stands under 经贸合作).
    assert_eq!(scores.paragraphs, 123);
    assert!(scores.in_order >= 0.8, "{scores:?}");
}

#[test]
fn unsectioned_texts_get_themes_by_content_and_users_can_bring_a_taxonomy() {
    let dir = tempfile::tempdir().unwrap();
    let plain: String = fixtures::seed()
        .lines()
        .filter(|l| {
            !["安全合作", "议会合作", "司法合作", "经贸合作", "人文合作", "国际交往"]
                .contains(&l.trim_start_matches('\u{3000}'))
        })
        .map(|l| format!("{l}\n"))
        .collect();
    let path = dir.path().join("plain.txt");
    std::fs::write(&path, plain).unwrap();
    let out = decldiff(&["corpus", "show", path.to_str().unwrap(), "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let paragraph = &value["blocks"][7];
    assert_eq!(paragraph["theme"], "安全");
    assert_eq!(paragraph["theme_source"], "content");
    assert!(paragraph["theme_confidence"].as_f64().unwrap() > 0.5);

    let taxonomy = dir.path().join("themes.toml");
    let theme = |id: &str, words: &str| {
        format!(
            "[[theme]]\nid = \"{id}\"\nname = \"{id}\"\nsections = []\n[[theme.keywords]]\nweight = 3\nwords = [{words}]\n\n"
        )
    };
    let text =
        theme("security", "\"恐怖主义\", \"毒品\", \"安全\"") + &theme("economy", "\"贸易\", \"投资\", \"经济\"");
    std::fs::write(&taxonomy, text).unwrap();
    let out = decldiff(&[
        "corpus",
        "show",
        path.to_str().unwrap(),
        "--format",
        "json",
        "--themes",
        taxonomy.to_str().unwrap(),
    ]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let themes: std::collections::BTreeSet<String> = value["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["kind"] == "paragraph")
        .map(|b| b["theme"].as_str().unwrap().to_owned())
        .collect();
    // Two themes, and `unsure` for a paragraph neither names with confidence.
    assert!(themes.contains("economy") && themes.contains("security"), "{themes:?}");
    assert!(themes.iter().all(|t| ["economy", "security", "unsure"].contains(&t.as_str())), "{themes:?}");

    // Compared with the sectioned original, the same paragraphs in the same order: no
    // paragraph moved between themes, whatever themes each side has.
    let out = decldiff(&["compare", path.to_str().unwrap(), "sco-2020", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["theme_moves"].as_array().unwrap().len(), 0);
    assert_eq!(value["total"]["unchanged"], 123);
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[[theme]]\nname = 3\n").unwrap();
    let out = decldiff(&["corpus", "show", path.to_str().unwrap(), "--themes", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.toml: line 2"));
    // A taxonomy that does not read is an error even where every text has titled sections.
    let out = decldiff(&["compare", "sco-2020", "examples/sco-2020-rev1", "--themes", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.toml: line 2"));
}

#[test]
fn a_change_of_endorsers_is_its_own_class() {
    let old = Document::parse(
        "old",
        "安全合作\n　　成员国支持推进“一带一路”倡议，愿加强合作。\n　　成员国重申反对恐怖主义。\n",
    );
    let new = Document::parse(
        "new",
        "安全合作\n　　哈萨克斯坦共和国、吉尔吉斯共和国和俄罗斯联邦支持推进“一带一路”倡议，愿加强合作。\n　　有关成员国重申反对恐怖主义。\n",
    );
    let report = report(&old, &new);
    let classes: Vec<Vec<&str>> =
        report.changes.iter().map(|c| c.edits.iter().map(|e| e.class.as_str()).collect()).collect();
    assert_eq!(classes, vec![vec!["endorsers"], vec!["endorsers"]], "{classes:?}");
    // The same subject, reworded elsewhere: not an endorsers change.
    let reworded = Document::parse(
        "r",
        "安全合作\n　　成员国支持推进“一带一路”倡议，愿深化合作。\n　　成员国重申反对恐怖主义。\n",
    );
    let report = self::report(&old, &reworded);
    assert!(report.changes.iter().flat_map(|c| &c.edits).all(|e| e.class.as_str() != "endorsers"));
}

#[test]
fn among_several_failing_texts_the_first_given_is_reported() {
    for _ in 0..5 {
        let out = decldiff(&["compare", "sco-2020", "sco-2020", "no-such-text-a.txt", "no-such-text-b.txt"]);
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("no-such-text-a.txt") && !stderr.contains("no-such-text-b.txt"), "{stderr}");
        assert!(out.stdout.is_empty());
    }
}

/// The dev part of the commitment set (tests/data/commitments/dev): every change found with
/// its kind and direction, nothing else reported, no trap taken (docs/accuracy.md).
#[test]
fn commitment_dev_set_is_found_whole() {
    let options = decldiff::session::SessionOptions {
        cache: decldiff::corpus::TokenCache::disabled(),
        ..decldiff::session::SessionOptions::default()
    };
    let session = decldiff::session::Session::open(&options).unwrap();
    let dir = crate::fixtures::repo().join("tests/data/commitments/dev");
    let scores = decldiff::lab::commitments::score_dir(&session, &dir).unwrap();
    assert_eq!((scores.gold, scores.found_right), (43, 43), "{:?}", scores.missed);
    assert_eq!(scores.reported, scores.reported_right, "{:?}", scores.wrong);
    assert_eq!(scores.traps_reported, 0);
    // The held-out parts, measured once each (docs/accuracy.md): the issue's targets.
    for part in ["heldout", "heldout2"] {
        let dir = crate::fixtures::repo().join("tests/data/commitments").join(part);
        let scores = decldiff::lab::commitments::score_dir(&session, &dir).unwrap();
        assert!(scores.recall >= 0.95 && scores.precision >= 0.95, "{part}: {scores:?}");
    }
}

/// Who commits, in any sentence: a subject narrowed in the second sentence is an `endorsers`
/// edit with its direction.
#[test]
fn endorsers_change_in_a_later_sentence_has_a_direction() {
    let old = decldiff::segment::Document::parse("old", "成员国认为，体育十分重要。各方支持落实2019年签署的协议。\n");
    let new =
        decldiff::segment::Document::parse("new", "成员国认为，体育十分重要。有关各方支持落实2019年签署的协议。\n");
    let report = report(&old, &new);
    let shift = report.changes.iter().flat_map(|c| &c.edits).find_map(|e| e.shift.as_ref()).unwrap();
    assert_eq!((shift.kind.as_str(), shift.from.as_str(), shift.to.as_str()), ("endorsers", "各方", "有关各方"));
    assert_eq!(shift.direction, Direction::Narrower);
}
