//! The JSON Schemas in docs/schema/: generated from the serialized types
//! (`decldiff::render::schema::json_schemas`), never stale, and every JSON output of the
//! binary (and the JSON files it writes) valid against its own.
//!
//! Regenerate the files after changing an output type:
//! `UPDATE_SCHEMA=1 cargo test --release --test it schema`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use serde_json::Value;

use crate::fetch_server::{Route, Server};
use crate::fixtures;
use crate::series::{decldiff, ok, scratch_corpus, simulated};

fn schema_dir() -> PathBuf {
    fixtures::repo().join("docs/schema")
}

/// The generated schemas by name.
fn schemas() -> BTreeMap<&'static str, Value> {
    decldiff::render::schema::json_schemas().into_iter().collect()
}

/// A schema as the file holds it: pretty JSON and a final line break.
fn file_text(schema: &Value) -> String {
    serde_json::to_string_pretty(schema).expect("a schema serializes") + "\n"
}

#[test]
fn schema_files_are_the_generated_schemas() {
    let dir = schema_dir();
    let generated = decldiff::render::schema::json_schemas();
    let update = std::env::var_os("UPDATE_SCHEMA").is_some_and(|v| !v.is_empty() && v != "0");
    if update {
        std::fs::create_dir_all(&dir).expect("docs/schema");
    }
    let mut stale = Vec::new();
    for (name, schema) in &generated {
        let path = dir.join(format!("{name}.json"));
        let text = file_text(schema);
        if update {
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                std::fs::write(&path, &text).expect("write a schema");
            }
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    // No file for an output that no longer exists.
    let names: BTreeSet<String> = generated.iter().map(|(name, _)| format!("{name}.json")).collect();
    for entry in std::fs::read_dir(&dir).expect("docs/schema exists") {
        let file = entry.expect("an entry").file_name().to_string_lossy().into_owned();
        if file.ends_with(".json") && !names.contains(&file) {
            if update {
                std::fs::remove_file(dir.join(&file)).expect("remove a stale schema");
            } else {
                stale.push(format!("{} (no such output)", dir.join(&file).display()));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "docs/schema/ differs from the types; regenerate with `UPDATE_SCHEMA=1 cargo test --release --test it schema` and review the diff:\n{}",
        stale.join("\n")
    );
}

#[test]
fn schema_every_schema_is_a_titled_draft_2020_12_schema() {
    let generated = decldiff::render::schema::json_schemas();
    let mut names = BTreeSet::new();
    for (name, schema) in &generated {
        assert!(names.insert(*name), "{name} twice");
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema", "{name}");
        assert!(schema.get("$id").is_none(), "{name}: no $id");
        assert!(schema["title"].as_str().is_some_and(|t| t.starts_with("decldiff ") || t.contains(".json")), "{name}");
        if let Err(error) = jsonschema::meta::validate(schema) {
            panic!("{name}: not a valid schema: {error}");
        }
    }
    assert_eq!(
        names.into_iter().collect::<Vec<_>>(),
        COVERED.iter().copied().collect::<BTreeSet<_>>().into_iter().collect::<Vec<_>>()
    );
}

/// Every schema, each validated against real output below.
const COVERED: &[&str] = &[
    "report",
    "compare-many",
    "align",
    "timeline",
    "terms",
    "lineage",
    "corpus-list",
    "corpus-show",
    "corpus-check",
    "corpus-fetch",
    "eval-align",
    "eval-simulated",
    "eval-themes",
    "eval-themes-set",
    "eval-copies",
    "eval-commitments",
    "eval-series",
    "gold",
    "truth",
];

/// Validates `json` against the schema `name`, naming every violation and where.
fn assert_valid(name: &str, json: &str) {
    let schemas = schemas();
    let schema = schemas.get(name).unwrap_or_else(|| panic!("no schema {name}"));
    let instance: Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{name}: not JSON ({e}):\n{json}"));
    let validator = jsonschema::validator_for(schema).expect("a valid schema");
    let errors: Vec<String> =
        validator.iter_errors(&instance).map(|e| format!("  at {}: {e}", e.instance_path())).take(20).collect();
    assert!(errors.is_empty(), "{name}: the output does not match its schema:\n{}", errors.join("\n"));
}

/// Whether `json` is valid against the schema `name`.
fn is_valid(name: &str, json: &Value) -> bool {
    jsonschema::validator_for(&schemas()[name]).expect("a valid schema").is_valid(json)
}

/// Runs the binary with the shipped corpus and returns its stdout (exit 0 expected).
fn run(args: &[&str]) -> String {
    ok(&crate::bin::decldiff().args(args).output().expect("the binary runs"))
}

#[test]
fn schema_compare_and_align_outputs_validate() {
    let report = run(&["compare", "--format", "json"]);
    assert_valid("report", &report);
    assert_valid("report", &run(&["compare", "--all", "--format", "json"]));
    assert_valid(
        "report",
        &run(&["compare", "tests/fixtures/case01.old.txt", "tests/fixtures/case01.new.txt", "--format", "json"]),
    );
    let many = run(&["compare", "sco-2020", "examples/sco-2020-rev1", "tests/data/rev1/new.txt", "--format", "json"]);
    assert_valid("compare-many", &many);
    assert!(!is_valid("report", &serde_json::from_str(&many).unwrap()), "an array is not one report");
    assert_valid("align", &run(&["align", "sco-2020", "examples/sco-2020-rev1", "--format", "json"]));
    assert_valid("align", &run(&["align", "sco-2020", "tests/data/rev1/new.txt", "--format", "json"]));

    // Strict: a field the schema does not name is an error, at the top and inside.
    let mut value: Value = serde_json::from_str(&report).unwrap();
    assert!(is_valid("report", &value));
    value["changes"][0]["undocumented"] = Value::from(1);
    assert!(!is_valid("report", &value), "an undocumented field in a change is caught");
    let mut value: Value = serde_json::from_str(&report).unwrap();
    value["undocumented"] = Value::from(1);
    assert!(!is_valid("report", &value), "an undocumented top-level field is caught");
    let mut value: Value = serde_json::from_str(&report).unwrap();
    value["changes"][0]["edits"][0]["class"] = Value::from("no_such_class");
    assert!(!is_valid("report", &value), "an unknown class is caught");
    let mut value: Value = serde_json::from_str(&report).unwrap();
    value["schema_version"] = Value::from(decldiff::SCHEMA_VERSION + 1);
    assert!(!is_valid("report", &value), "another schema version is caught");
}

#[test]
fn schema_series_outputs_and_the_truth_validate() {
    let corpus = simulated("6", "2019");
    let c = corpus.path();
    let run = |args: &[&str]| ok(&decldiff(c, args));
    assert_valid("timeline", &run(&["timeline", "--collection", "sim", "--format", "json"]));
    let terms = ["terms", "上合组织", "氢能", "冰雪旅游", "没有的词", "--collection", "sim", "--format", "json"];
    assert_valid("terms", &run(&terms));
    assert_valid("terms", &run(&["terms", "--top", "3", "--collection", "sim", "--format", "json"]));
    assert_valid("lineage", &run(&["lineage", "sim-2024", "--collection", "sim", "--format", "json"]));
    assert_valid("lineage", &run(&["lineage", "sim-2019", "--collection", "sim", "--format", "json"]));
    assert_valid("eval-series", &run(&["eval", "series", "--collection", "sim", "--format", "json"]));
    assert_valid("corpus-list", &run(&["corpus", "list", "--format", "json"]));
    assert_valid("corpus-show", &run(&["corpus", "show", "sim-2020", "--format", "json"]));
    assert_valid("truth", &std::fs::read_to_string(c.join("sim/truth.json")).expect("truth.json"));
}

#[test]
fn schema_corpus_outputs_validate() {
    assert_valid("corpus-list", &run(&["corpus", "list", "--format", "json"]));
    assert_valid("corpus-list", &run(&["corpus", "list", "--collection", "examples", "--format", "json"]));
    assert_valid("corpus-show", &run(&["corpus", "show", "sco-2020", "--format", "json"]));
    assert_valid("corpus-show", &run(&["corpus", "show", "examples/sco-2020-rev1", "--format", "json"]));
    // A saved page: decoded, its furniture set aside.
    let page = "tests/data/copies/dev/02-news-semantic.html";
    assert_valid("corpus-show", &run(&["corpus", "show", page, "--format", "json"]));
    assert_valid("corpus-show", &run(&["corpus", "show", page, "--raw", "--format", "json"]));

    // `corpus check`: intact, then a text cut short (exit 1, a problem with a hint).
    let corpus = scratch_corpus();
    let check = |args: &[&str]| {
        crate::bin::decldiff()
            .arg("--corpus")
            .arg(corpus.path())
            .args(["corpus", "check", "--format", "json"])
            .args(args)
            .output()
            .expect("the binary runs")
    };
    assert_valid("corpus-check", &ok(&check(&[])));
    let text = corpus.path().join("sco/sco-2020.zh.txt");
    let bytes = std::fs::read(&text).unwrap();
    std::fs::write(&text, &bytes[..1000]).unwrap();
    let broken = check(&[]);
    assert_eq!(broken.status.code(), Some(1), "{}", String::from_utf8_lossy(&broken.stderr));
    let json = String::from_utf8(broken.stdout).unwrap();
    assert!(json.contains("\"ok\": false"), "{json}");
    assert_valid("corpus-check", &json);
}

/// A page the loopback server answers with: the shipped 2020 text under its title.
fn wire_text() -> Route {
    let catalog: toml::Value = toml::from_str(&fixtures::shipped_catalog()).expect("catalog");
    let entries = catalog["declaration"].as_array().expect("entries");
    let entry = entries.iter().find(|e| e["id"].as_str() == Some("sco-2020")).expect("sco-2020");
    let body = format!("{}\n\n{}", entry["title_zh"].as_str().expect("title"), fixtures::seed());
    Route::Page { content_type: "text/plain; charset=utf-8".to_owned(), body: body.into_bytes() }
}

#[test]
fn schema_fetch_outputs_validate() {
    let server = Server::start(HashMap::from([("/wire/2020.txt".to_owned(), wire_text())]));
    let corpus = scratch_corpus();
    let fetch = |args: &[&str]| {
        let output = crate::bin::decldiff()
            .arg("--corpus")
            .arg(corpus.path())
            .args(["corpus", "fetch", "--delay", "0", "--timeout", "5", "--format", "json"])
            .args(args)
            .env_remove("http_proxy")
            .env_remove("HTTP_PROXY")
            .env_remove("ALL_PROXY")
            .env_remove("all_proxy")
            .output()
            .expect("the binary runs");
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    // The scratch catalog names no source for the 2020 text: a failure without a request.
    assert_valid("corpus-fetch", &fetch(&["sco-2020"]));
    let fetched = fetch(&["sco-2020", "--force", "--from", &server.url("/wire/2020.txt")]);
    assert!(fetched.contains(&server.base), "{fetched}");
    assert_valid("corpus-fetch", &fetched);
    let failed = fetch(&["sco-2019", "--from", &server.url("/missing.html")]);
    assert!(failed.contains("\"failed\""), "{failed}");
    assert_valid("corpus-fetch", &failed);

    // Every status, through the renderer.
    use decldiff::fetch::{Outcome, Status};
    let statuses =
        [Status::Fetched, Status::Replaced, Status::Unchanged, Status::Differs, Status::Present, Status::Failed];
    let outcomes: Vec<Outcome> = statuses
        .into_iter()
        .map(|status| Outcome {
            id: "sco-2013".to_owned(),
            status,
            url: Some("http://www.example.gov.cn/2013.shtml".to_owned()),
            kind: Some("official".to_owned()),
            paragraphs: 58,
            detail: String::new(),
        })
        .collect();
    assert_valid("corpus-fetch", &decldiff::render::corpus::fetched_json(&outcomes));
}

#[test]
fn schema_eval_outputs_and_the_gold_file_validate() {
    let gold = ["eval", "align", "--gold", "tests/data/rev1/gold.json", "sco-2020", "tests/data/rev1/new.txt"];
    assert_valid("eval-align", &run(&[&gold[..], &["--format", "json"]].concat()));
    assert_valid("eval-align", &run(&[&gold[..], &["--baseline", "--format", "json"]].concat()));
    let simulated = run(&["eval", "simulated", "sco-2020", "--edits", "light", "--seeds", "2", "--format", "json"]);
    assert_valid("eval-simulated", &simulated);
    assert_valid("eval-themes", &run(&["eval", "themes", "sco-2020", "--format", "json"]));
    assert_valid("eval-themes", &run(&["eval", "themes", "tests/fixtures/case01.old.txt", "--format", "json"]));
    assert_valid(
        "eval-themes-set",
        &run(&["eval", "themes", "--set", "tests/data/themes/dev.jsonl", "--format", "json"]),
    );
    assert_valid("eval-copies", &run(&["eval", "copies", "tests/data/copies/dev", "--format", "json"]));
    assert_valid("eval-commitments", &run(&["eval", "commitments", "tests/data/commitments/dev", "--format", "json"]));

    // The gold file `simulate revision` writes (and `eval align --gold` reads).
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("rev");
    run(&["simulate", "revision", "sco-2020", "--seed", "3", "--out", dir.to_str().unwrap()]);
    assert_valid("gold", &std::fs::read_to_string(dir.join("gold.json")).expect("gold.json"));
    let shipped = std::fs::read_to_string(fixtures::repo().join("tests/data/rev1/gold.json")).expect("rev1 gold");
    assert_valid("gold", &shipped);
}
