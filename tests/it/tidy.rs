//! Tidy tables: the CSVs of a three-pair comparison and of a series load as one table each
//! (checked with Python's csv module, as pandas and R read them), numbers are numbers, one
//! header, ids on every row; the workbook has a sheet per level with typed cells.

use std::io::Read as _;
use std::process::{Command, Stdio};

use crate::series::{decldiff, ok, simulated};

const THREE_PAIRS: [&str; 5] =
    ["compare", "sco-2020", "tests/data/rev1/new.txt", "tests/data/rev2/new.txt", "tests/data/rev3/new.txt"];

/// Runs Python's csv module on `csv`: checks one header line, the `ids` columns filled on
/// every row, every `integers` column an integer and every `decimals` column a number (where
/// filled), and returns the number of rows and of distinct values of the first id column.
fn check_with_python(csv: &str, ids: &[&str], integers: &[&str], decimals: &[&str]) -> (usize, usize) {
    const SCRIPT: &str = r#"
import csv, io, json, sys
spec = json.loads(sys.argv[1])
rows = list(csv.DictReader(io.StringIO(sys.stdin.read())))
header = list(rows[0].keys()) if rows else []
assert all(list(r.values()) != header for r in rows), "a header repeated among the rows"
for name in spec["ids"] + spec["integers"] + spec["decimals"]:
    assert name in header, f"no column {name}: {header}"
for r in rows:
    for name in spec["ids"]:
        assert r[name] != "", f"{name} empty"
    for name in spec["integers"]:
        if r[name] != "":
            int(r[name])
    for name in spec["decimals"]:
        if r[name] != "":
            float(r[name])
    assert None not in r, "a row longer than the header"
print(len(rows), len({r[spec["ids"][0]] for r in rows}) if spec["ids"] else 0)
"#;
    let spec = serde_json::json!({ "ids": ids, "integers": integers, "decimals": decimals }).to_string();
    let mut child = Command::new("python3")
        .args(["-c", SCRIPT, &spec])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), csv.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "python: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut numbers = text.split_whitespace().map(|n| n.parse::<usize>().unwrap());
    (numbers.next().unwrap(), numbers.next().unwrap())
}

fn compare_csv(by: &str) -> String {
    let out = crate::bin::decldiff().args(THREE_PAIRS).args(["--format", "csv", "--by", by]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn three_pairs_make_one_tidy_table_per_level() {
    let scores = [
        "paragraphs_old",
        "paragraphs_new",
        "unchanged",
        "reworded",
        "added",
        "deleted",
        "deleted_chars",
        "moved_within",
        "split",
        "merge",
        "stronger",
        "weaker",
        "net_shift_steps",
    ];
    let (rows, pairs) =
        check_with_python(&compare_csv("theme"), &["new_id", "old_id", "theme"], &scores, &["wording_shift"]);
    assert_eq!(pairs, 3);
    assert!(rows >= 3 * 5, "a row per pair and theme: {rows}");
    let (rows, pairs) = check_with_python(&compare_csv("pair"), &["new_id", "old_id"], &scores, &["wording_shift"]);
    assert_eq!((rows, pairs), (3, 3), "one row per pair: the totals, and no total among the theme rows");
    assert!(!compare_csv("theme").contains(",total,"), "no totals among the theme rows");
    let places = ["old_first", "old_last", "new_first", "new_last", "old_index", "new_index", "edits"];
    let paragraphs = compare_csv("paragraph");
    let (rows, pairs) = check_with_python(&paragraphs, &["new_id", "old_id", "kind"], &places, &["similarity"]);
    assert_eq!(pairs, 3);
    assert!(rows > 10, "{rows}");
    let edits = compare_csv("edit");
    let (rows, pairs) = check_with_python(&edits, &["new_id", "old_id", "kind", "class"], &places[..4], &[]);
    assert_eq!(pairs, 3);
    assert!(rows > 10, "{rows}");
    // One vocabulary of kinds: the change kinds are the theme table's column names.
    let kinds: std::collections::BTreeSet<&str> =
        paragraphs.lines().skip(1).filter_map(|l| l.split(',').nth(2)).collect();
    for kind in &kinds {
        assert!(
            ["reworded", "moved", "moved_reworded", "split", "merge", "added", "deleted"].contains(kind),
            "kind {kind}"
        );
    }
    assert!(kinds.contains("deleted") && !paragraphs.contains(",removed,"), "{kinds:?}");
}

#[test]
fn series_tables_are_tidy() {
    let corpus = simulated("5", "2019");
    let c = corpus.path();
    let csv = |args: &[&str]| ok(&decldiff(c, &[args, &["--collection", "sim", "--format", "csv"]].concat()));
    let shares = ["paragraph_share", "char_share", "wording_shift"];
    let counts = ["year", "paragraphs", "chars", "added", "deleted", "reworded", "moved_in", "from_year"];
    let (rows, years) = check_with_python(&csv(&["timeline"]), &["year", "id", "theme"], &counts, &shares);
    assert_eq!(years, 5);
    assert!(rows >= 5 * 5, "{rows}");
    let totals = ["year", "paragraphs", "added", "deleted", "stronger", "weaker", "net_shift_steps", "endorsers"];
    let (rows, _) =
        check_with_python(&csv(&["timeline", "--by", "year"]), &["year", "id"], &totals, &["wording_shift"]);
    assert_eq!(rows, 5, "one row per year");
    let (rows, terms) = check_with_python(
        &csv(&["terms", "--top", "3"]),
        &["term", "picked"],
        &["year", "count"],
        &["keyness", "rate_per_10000_chars"],
    );
    assert_eq!((rows, terms), (6 * 5, 6), "3 rose and 3 fell, each over 5 years, with keyness");
    let (rows, _) = check_with_python(
        &csv(&["terms", "--top", "3", "--by", "term"]),
        &["term", "picked"],
        &["first_year", "last_year", "count_first_year", "count_last_year"],
        &["keyness"],
    );
    assert_eq!(rows, 6);
    let lineage = ["id", "year", "theme", "carried"];
    let numbers = ["paragraph", "index", "chars", "first_year", "latest_year", "latest_paragraph", "ancestors"];
    let (rows, _) = check_with_python(&csv(&["lineage", "sim-2023"]), &lineage, &numbers, &["latest_similarity"]);
    assert!(rows > 50, "{rows}");
    let shares = ["verbatim_from_previous", "verbatim_from_any", "new"];
    let (rows, _) =
        check_with_python(&csv(&["lineage", "sim-2023", "--by", "theme"]), &["id", "theme"], &["paragraphs"], &shares);
    assert!(rows >= 5, "{rows}");
    // A --by another command has is refused, with what it takes.
    let wrong = decldiff(c, &["terms", "--collection", "sim", "--format", "csv", "--by", "paragraph"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("terms --by takes year"));
}

#[test]
fn bom_on_request_and_one_header_for_no_rows() {
    let args = ["compare", "sco-2020", "sco-2020", "--format", "csv", "--by", "edit", "--bom"];
    let out = crate::bin::decldiff().args(args).output().unwrap();
    assert!(out.stdout.starts_with("\u{FEFF}old_id,new_id,".as_bytes()), "{}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(out.stdout.iter().filter(|&&b| b == b'\n').count(), 1, "the header alone: no edits");
}

/// The text of a zip entry.
fn entry(zip: &mut zip::ZipArchive<std::io::Cursor<Vec<u8>>>, name: &str) -> String {
    let mut text = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

#[test]
fn the_workbook_has_a_sheet_per_level_with_numbers_as_numbers() {
    let run = || crate::bin::decldiff().args(THREE_PAIRS).args(["--format", "xlsx"]).output().unwrap();
    let out = run();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.stdout, run().stdout, "the same bytes every time");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(out.stdout)).unwrap();
    let workbook = entry(&mut zip, "xl/workbook.xml");
    for sheet in ["themes", "pairs", "paragraphs", "edits"] {
        assert!(workbook.contains(&format!("name=\"{sheet}\"")), "{sheet}: {workbook}");
    }
    // The pairs sheet: a header row and three rows; the counts are numeric cells (no t="s").
    let pairs = entry(&mut zip, "xl/worksheets/sheet2.xml");
    assert_eq!(pairs.matches("<row ").count(), 4, "{pairs}");
    let row2 = &pairs[pairs.find("<row r=\"2\"").unwrap()..];
    let row2 = &row2[..row2.find("</row>").unwrap()];
    let numeric = row2.matches("<c ").count() - row2.matches("t=\"s\"").count();
    assert!(numeric >= 20, "the scores are numbers: {row2}");
    // Series commands write their two tables; a terminal gets a refusal, not bytes.
    let corpus = simulated("3", "2019");
    let book = decldiff(corpus.path(), &["timeline", "--collection", "sim", "--format", "xlsx"]);
    assert_eq!(book.status.code(), Some(0));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book.stdout)).unwrap();
    let workbook = entry(&mut zip, "xl/workbook.xml");
    assert!(workbook.contains("name=\"themes\"") && workbook.contains("name=\"years\""), "{workbook}");
}
