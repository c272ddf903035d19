//! Everyday use through the binary: the shipped corpus stays available whatever a user adds,
//! `-` for stdin and stdout, Word input, shell completions and the manual page.

use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};

use crate::bin::decldiff;
use crate::fixtures;

fn run_in(dir: &Path, args: &[&str]) -> Output {
    decldiff().current_dir(dir).args(args).output().expect("the binary runs")
}

fn ok(output: &Output) -> String {
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

#[test]
fn the_shipped_corpus_survives_a_new_corpus_folder() {
    let home = tempfile::tempdir().expect("temp dir");
    // A user's first write creates ./corpora with one collection of their own…
    ok(&run_in(home.path(), &["simulate", "series", "--years", "2", "--collection", "sim"]));
    assert!(home.path().join("corpora/sim").is_dir());
    // …and the shipped texts are still there, by id, beside it.
    let compared = ok(&run_in(home.path(), &["compare", "--width", "100"]));
    assert!(compared.contains("sco-2020-rev1"), "{compared}");
    let list = ok(&run_in(home.path(), &["corpus", "list", "--width", "120"]));
    for collection in ["examples", "sco", "sim"] {
        assert!(list.lines().any(|l| l.contains(&format!("│ {collection} "))), "{collection} missing:\n{list}");
    }
    // Adding one year to `sco` starts from the shipped catalog: nothing is hidden.
    let year = home.path().join("2021.txt");
    let text = std::fs::read_to_string(fixtures::repo().join("tests/data/years/dev/pair1/old.txt")).expect("text");
    std::fs::write(&year, text).expect("write");
    ok(&run_in(home.path(), &["corpus", "add", "2021.txt", "--collection", "sco", "--id", "sco-2021"]));
    let list = ok(&run_in(home.path(), &["corpus", "list", "--collection", "sco", "--width", "120"]));
    assert!(list.contains("25 declarations, 2 with text"), "{list}");
    assert!(list.lines().any(|l| l.contains("sco-2020") && l.contains("shipped")), "{list}");
    assert!(list.lines().any(|l| l.contains("sco-2021") && l.contains("user file")), "{list}");
    ok(&run_in(home.path(), &["compare", "sco-2020", "sco-2021", "--width", "100"]));
}

/// Runs the binary with `input` on stdin.
fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = decldiff()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child.stdin.take().expect("stdin").write_all(input).expect("write stdin");
    child.wait_with_output().expect("wait")
}

#[test]
fn a_dash_is_standard_input_and_standard_output() {
    let file = fixtures::repo().join("tests/data/years/dev/pair1/old.txt");
    let bytes = std::fs::read(&file).expect("text");
    let piped = with_stdin(&["compare", "sco-2020", "-", "--format", "json"], &bytes);
    let named = decldiff().args(["compare", "sco-2020"]).arg(&file).args(["--format", "json"]).output().expect("run");
    let (piped, named) = (ok(&piped), ok(&named));
    assert!(piped.contains("\"name\": \"stdin\""), "the input is named stdin");
    assert_eq!(piped.replace("\"stdin\"", "\"old.txt\""), named);

    let scratch = tempfile::tempdir().expect("temp dir");
    let page = run_in(scratch.path(), &["report", "-o", "-"]);
    assert!(ok(&page).starts_with("<!DOCTYPE html>"));
    assert!(!scratch.path().join("-").exists(), "no file called `-`");
    let written = run_in(scratch.path(), &["report", "-o", "redline.html"]);
    ok(&written);
    let size = std::fs::metadata(scratch.path().join("redline.html")).expect("written").len();
    let stderr = String::from_utf8_lossy(&written.stderr);
    assert!(stderr.starts_with("wrote the report to redline.html (") && stderr.contains(" KB)"), "{stderr} ({size})");
    let chart = ok(&run_in(scratch.path(), &["timeline", "--chart", "-"]));
    assert!(chart.starts_with("<svg") && !chart.contains("Year over year"));
    assert!(!scratch.path().join("-").exists());

    let twice = with_stdin(&["compare", "-", "-"], &bytes);
    let stderr = String::from_utf8_lossy(&twice.stderr);
    assert_eq!(twice.status.code(), Some(2));
    assert!(stderr.contains("one input only") && stderr.lines().count() == 1, "{stderr}");
}

#[test]
fn report_refuses_to_pour_html_onto_a_terminal() {
    // `script` gives the command a terminal; where it is missing the check cannot be run.
    let command = format!("{} report", env!("CARGO_BIN_EXE_decldiff"));
    let Ok(output) = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(fixtures::repo())
        .output()
    else {
        eprintln!("skipped: no `script` to give the command a terminal");
        return;
    };
    let seen = String::from_utf8_lossy(&output.stdout);
    assert!(seen.contains("error: report writes an HTML page: name a file with -o"), "{seen}");
    assert!(!seen.contains("<!DOCTYPE"), "{seen}");
}

/// A .docx of `paragraphs` as Word writes one: each paragraph in runs, the first one split
/// over two runs with a tracked insertion, and a tracked deletion that must not be read.
fn docx(paragraphs: &[&str]) -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let mut body = String::new();
    for (i, paragraph) in paragraphs.iter().enumerate() {
        let text = escape(paragraph.trim());
        if i == 0 && text.chars().count() > 4 {
            let cut = text.char_indices().nth(4).map_or(0, |(at, _)| at);
            body.push_str(&format!(
                "<w:p><w:r><w:t>{}</w:t></w:r><w:del w:author=\"x\"><w:r><w:delText>删去的字</w:delText></w:r></w:del>\
                 <w:ins w:author=\"x\"><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:ins></w:p>",
                &text[..cut],
                &text[cut..]
            ));
        } else {
            body.push_str(&format!(
                "<w:p><w:pPr><w:ind w:firstLine=\"640\"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
            ));
        }
    }
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default();
    writer.start_file("[Content_Types].xml", options).expect("zip");
    writer
        .write_all(
            b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
        )
        .expect("zip");
    writer.start_file("word/document.xml", options).expect("zip");
    writer.write_all(xml.as_bytes()).expect("zip");
    writer.finish().expect("zip").into_inner()
}

#[test]
fn a_word_document_reads_as_the_same_blocks_as_its_text() {
    let seed = fixtures::seed();
    let lines: Vec<&str> = seed.lines().filter(|l| !l.trim().is_empty()).collect();
    let word = decldiff::segment::Document::from_bytes(Path::new("moscow.docx"), &docx(&lines), Default::default())
        .expect("the .docx reads");
    let text = decldiff::segment::Document::from_bytes(Path::new("moscow.txt"), seed.as_bytes(), Default::default())
        .expect("the text reads");
    assert_eq!(word.format, decldiff::segment::InputFormat::Docx);
    let keys = |d: &decldiff::segment::Document| d.blocks.iter().map(|b| (b.kind, b.key.clone())).collect::<Vec<_>>();
    assert_eq!(keys(&word), keys(&text));
    assert!(!word.blocks.iter().any(|b| b.text.contains("删去的字")), "a tracked deletion was read");

    // Through the binary: compare a .docx with the shipped text, and store one.
    let scratch = tempfile::tempdir().expect("temp dir");
    std::fs::write(scratch.path().join("draft.docx"), docx(&lines)).expect("write");
    let json = ok(&run_in(scratch.path(), &["compare", "sco-2020", "draft.docx", "--format", "json"]));
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(value["changes"].as_array().map(Vec::len), Some(0), "the same declaration");
}

#[test]
fn pdf_and_old_word_files_are_refused_with_a_way_to_convert_them() {
    let scratch = tempfile::tempdir().expect("temp dir");
    for (file, bytes, expected) in [
        ("moscow.pdf", &b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"[..], "pdftotext"),
        ("moscow.doc", &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0][..], "save it as .docx"),
        ("sheet.xlsx", &b"PK\x03\x04\x14\x00\x00\x00\x08\x00"[..], "zip archive"),
    ] {
        std::fs::write(scratch.path().join(file), bytes).expect("write");
        let output = run_in(scratch.path(), &["corpus", "show", file]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{file}: {stderr}");
        assert!(stderr.contains(expected) && stderr.contains(file) && stderr.lines().count() == 1, "{file}: {stderr}");
    }
}

#[test]
fn completions_a_manual_page_and_help_for_every_command() {
    for shell in ["bash", "zsh", "fish"] {
        let script = ok(&decldiff().args(["completions", shell]).output().expect("run"));
        assert!(script.contains("decldiff") && script.contains("fetch") && script.contains("lineage"), "{shell}");
    }
    let page = ok(&decldiff().arg("man").output().expect("run"));
    assert!(page.starts_with(".ie") && page.contains(".TH DECLDIFF 1") && page.contains("compare"), "{page}");
    let dir = tempfile::tempdir().expect("temp dir");
    ok(&decldiff().args(["man", "--out"]).arg(dir.path()).output().expect("run"));
    for page in ["decldiff.1", "decldiff-compare.1", "decldiff-corpus.1", "decldiff-timeline.1"] {
        assert!(dir.path().join(page).is_file(), "{page}");
    }
    let help = ok(&decldiff().arg("--help").output().expect("run"));
    for command in ["compare", "report", "align", "corpus fetch", "timeline", "terms", "lineage", "eval", "simulate"] {
        assert!(help.contains(&format!("decldiff {command}")), "the examples leave out {command}");
    }
    let commands: &[&[&str]] = &[
        &["compare"],
        &["report"],
        &["align"],
        &["timeline"],
        &["terms"],
        &["lineage"],
        &["corpus", "list"],
        &["corpus", "show"],
        &["corpus", "add"],
        &["corpus", "fetch"],
        &["corpus", "check"],
        &["eval", "copies"],
        &["eval", "align"],
        &["eval", "simulated"],
        &["eval", "series"],
        &["eval", "themes"],
        &["eval", "commitments"],
        &["simulate", "revision"],
        &["simulate", "series"],
        &["completions"],
        &["man"],
    ];
    for command in commands {
        let help = ok(&decldiff().args(*command).arg("--help").output().expect("run"));
        assert!(help.contains("Examples:"), "{command:?} has no examples");
    }
}

#[test]
fn the_series_warns_of_undated_entries_and_disagreeing_dates() {
    let dir = tempfile::tempdir().expect("temp dir");
    let collection = dir.path().join("c");
    std::fs::create_dir_all(&collection).expect("mkdir");
    let years = fixtures::repo().join("tests/data/years/dev/pair1");
    for (file, source) in [("c-2021.zh.txt", "old.txt"), ("c-2022.zh.txt", "new.txt"), ("c-x.zh.txt", "new.txt")] {
        std::fs::copy(years.join(source), collection.join(file)).expect("copy");
    }
    let entry = |id: &str, date: Option<&str>| {
        let date = date.map(|d| format!("date = \"{d}\"\n")).unwrap_or_default();
        format!(
            "[[declaration]]\nid = \"{id}\"\nseries = \"c\"\n{date}language = \"zh\"\ntext = \"{id}.zh.txt\"\npresent = true\n\n"
        )
    };
    let catalog = format!(
        "[collection]\nname = \"c\"\ntitle = \"c\"\n\n{}{}{}",
        entry("c-2021", Some("2021-09-17")),
        // The 2022 text's date line says 2022-09-16.
        entry("c-2022", Some("2022-09-15")),
        entry("c-x", None)
    );
    std::fs::write(collection.join("catalog.toml"), catalog).expect("write");
    let output =
        decldiff().arg("--corpus").arg(dir.path()).args(["timeline", "--collection", "c"]).output().expect("run");
    ok(&output);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("warning: c-x: stored but undated in the catalog"), "{stderr}");
    assert!(
        stderr.contains("warning: c-2022: the text's date line says 2022-09-16, the catalog says 2022-09-15"),
        "{stderr}"
    );
    assert!(!stderr.contains("c-2021"), "{stderr}");
}

#[test]
fn editorial_changes_move_neither_the_shift_nor_the_terms() {
    // Only a number written out (第73届 → 第七十三届) and one comma made an enumeration comma.
    let seed = fixtures::seed();
    let mut edited = seed.replacen("第73届", "第七十三届", 1);
    let comma = edited.char_indices().filter(|(_, c)| *c == '，').nth(40).map(|(at, _)| at).expect("a comma");
    edited.replace_range(comma..comma + '，'.len_utf8(), "、");
    let scratch = tempfile::tempdir().expect("temp dir");
    std::fs::write(scratch.path().join("edited.txt"), &edited).expect("write");
    let json = ok(&decldiff()
        .args(["compare", "sco-2020"])
        .arg(scratch.path().join("edited.txt"))
        .args(["--format", "json"])
        .output()
        .expect("run"));
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(report["changes"].as_array().map(Vec::len), Some(0));
    for row in report["themes"].as_array().expect("themes").iter().chain([&report["total"]]) {
        assert_eq!(row["wording_shift"], 0.0, "{}", row["theme"]);
        assert_eq!(row["top_added"].as_array().map(Vec::len), Some(0), "{}", row["theme"]);
        assert_eq!(row["top_removed"].as_array().map(Vec::len), Some(0), "{}", row["theme"]);
    }
    // The table adds up: paragraphs moved within their theme are counted in it.
    let table = ok(&decldiff().args(["compare", "--width", "100", "--color", "never"]).output().expect("run"));
    let total = table.lines().find(|l| l.contains("total")).expect("total row");
    assert!(total.contains("┆ 3/1/1 "), "{total}");
}
