//! `report --format docx`, the Word redline: its tracked changes and comments counted in the
//! XML against the JSON report of the same pair, the same bytes twice, hostile text escaped;
//! then a real client: LibreOffice, headless, converts it to PDF, to text and to ODT, and the
//! ODT still holds every tracked insertion and deletion.
//!
//! Needs LibreOffice Writer (`soffice`; scripts/install-office.sh, which CI and the README's
//! test command run). Without it the test fails and says so: it never passes silently.
//! `DECLDIFF_SOFFICE` overrides the path.

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn decldiff(args: &[&str]) -> Output {
    crate::bin::decldiff().args(args).output().expect("the binary runs")
}

fn succeeded(out: &Output) {
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

/// `decldiff report ARGS -o PATH`, and the file's bytes.
fn write_docx(args: &[&str], path: &Path) -> Vec<u8> {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", path.to_str().unwrap()]);
    succeeded(&decldiff(&all));
    std::fs::read(path).unwrap()
}

/// Every text part of a package (a .docx, or an .odt with its binary thumbnail left out).
fn parts(package: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(package)).expect("a zip archive");
    let mut parts = BTreeMap::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if let Ok(text) = String::from_utf8(bytes) {
            parts.insert(entry.name().to_owned(), text);
        }
    }
    parts
}

/// Elements `<tag …>…</tag>` (that wrap runs) and `<tag …/>` (a paragraph mark) in `xml`.
fn elements(xml: &str, tag: &str) -> (usize, usize) {
    let (mut wrapping, mut empty) = (0, 0);
    for (at, _) in xml.match_indices(&format!("<{tag} ")) {
        let end = at + xml[at..].find('>').expect("a closed tag");
        if xml.as_bytes()[end - 1] == b'/' {
            empty += 1;
        } else {
            wrapping += 1;
        }
    }
    (wrapping, empty)
}

/// What the JSON report of the same pair says the document must hold.
#[derive(Debug, PartialEq, Eq)]
struct Expected {
    /// Changed spans with new text: one `w:ins` each.
    insertions: usize,
    /// Changed spans with old text: one `w:del` each.
    deletions: usize,
    /// Added blocks: their paragraph mark inserted too.
    added_blocks: usize,
    /// Deleted blocks: their paragraph mark deleted too.
    deleted_blocks: usize,
    /// Edits that shift a commitment: one comment each.
    shifts: usize,
}

fn expected(report: &Value) -> Expected {
    let changes = report["changes"].as_array().unwrap();
    let segments = changes.iter().flat_map(|c| c["diff"].as_array().unwrap()).filter(|s| s["op"] == "change");
    let non_empty = |side: &str| segments.clone().filter(|s| !s[side].as_str().unwrap().is_empty()).count();
    let kind = |k: &str| changes.iter().filter(|c| c["kind"] == k).count();
    Expected {
        insertions: non_empty("new"),
        deletions: non_empty("old"),
        added_blocks: kind("added"),
        deleted_blocks: kind("deleted"),
        shifts: changes
            .iter()
            .flat_map(|c| c["edits"].as_array().unwrap())
            .filter(|e| e.get("shift").is_some())
            .count(),
    }
}

fn json_report(args: &[&str]) -> Value {
    let mut all = vec!["compare"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let out = decldiff(&all);
    succeeded(&out);
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn tracked_changes_match_the_json_report() {
    let dir = tempfile::tempdir().unwrap();
    // The format follows from the file name.
    let docx = write_docx(&[], &dir.path().join("redline.docx"));
    let report = json_report(&[]);
    let want = expected(&report);
    assert!(want.insertions > 10 && want.deletions > 10 && want.shifts > 3, "the shipped pair has changes: {want:?}");
    let parts = parts(&docx);
    for (name, xml) in &parts {
        roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name} is not well-formed XML: {e}"));
    }
    let document = &parts["word/document.xml"];
    let (insertions, added_marks) = elements(document, "w:ins");
    let (deletions, deleted_marks) = elements(document, "w:del");
    let comments = parts["word/comments.xml"].matches("<w:comment ").count();
    let got =
        Expected { insertions, deletions, added_blocks: added_marks, deleted_blocks: deleted_marks, shifts: comments };
    assert_eq!(got, want);
    assert_eq!(document.matches("<w:commentReference ").count(), want.shifts, "every comment is anchored");

    // Every change and comment by decldiff, dated with the new text's catalog date.
    let date = format!("w:date=\"{}T00:00:00Z\"", report["new"]["date"].as_str().unwrap());
    let stamped = insertions + added_marks + deletions + deleted_marks;
    assert_eq!(document.matches("w:author=\"decldiff\"").count(), stamped);
    assert_eq!(document.matches(&date).count(), stamped);
    assert_eq!(parts["word/comments.xml"].matches(&date).count(), want.shifts);
    assert!(parts["word/comments.xml"].contains("commitment weaker by 1 step (stance): 欢迎 → 注意到"));
    assert!(parts["docProps/core.xml"].contains("<dc:title>sco-2020 → sco-2020-rev1</dc:title>"));

    // The same bytes again, and on stdout with `-o -`.
    assert_eq!(write_docx(&[], &dir.path().join("again.docx")), docx, "deterministic bytes");
    let out = decldiff(&["report", "--format", "docx", "-o", "-"]);
    succeeded(&out);
    assert_eq!(out.stdout, docx);
}

#[test]
fn accepting_every_change_gives_the_new_text() {
    // decldiff reads a .docx with its tracked changes accepted: the redline read back is the
    // new text, block for block (the heading, the table and the notes are set aside as
    // furniture), even counting editorial differences.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("redline.docx");
    write_docx(&[], &path);
    let report = json_report(&["examples/sco-2020-rev1", path.to_str().unwrap(), "--all"]);
    assert_eq!(report["changes"].as_array().unwrap().len(), 0, "{:#}", report["changes"]);
    assert_eq!(report["unchanged"].as_array().unwrap().len(), report["old"]["blocks"].as_u64().unwrap() as usize);
}

#[test]
fn hostile_text_stays_text() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
    std::fs::write(&old, "安全合作\n成员国重申</w:t></w:r><w:r><w:t>注入的立场。\n成员国欢迎A&B的倡议。\n").unwrap();
    std::fs::write(&new, "安全合作\n成员国重申</w:t></w:r><w:r><w:t>注入的立场。\n成员国注意到A&B\"<x>'的倡议。\n")
        .unwrap();
    let title = "<w:body>\"&'\u{1}标题";
    let docx =
        write_docx(&[old.to_str().unwrap(), new.to_str().unwrap(), "--title", title], &dir.path().join("h.docx"));
    let parts = parts(&docx);
    for (name, xml) in &parts {
        roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name} is not well-formed XML: {e}"));
    }
    let core = roxmltree::Document::parse(&parts["docProps/core.xml"]).unwrap();
    let read_title = core.descendants().find(|n| n.has_tag_name("title")).and_then(|n| n.text());
    assert_eq!(read_title, Some("<w:body>\"&'标题"), "escaped, the control character dropped");
    let document = roxmltree::Document::parse(&parts["word/document.xml"]).unwrap();
    let text: String = document.descendants().filter(|n| n.has_tag_name("t")).filter_map(|n| n.text()).collect();
    assert!(text.contains("<w:body>\"&'标题"), "{text}");
    assert!(text.contains("</w:t></w:r><w:r><w:t>"), "the hostile paragraph is text: {text}");
    assert_eq!(document.descendants().filter(|n| n.has_tag_name("body")).count(), 1);
}

#[test]
fn docx_goes_to_a_pipe_and_an_explicit_format_wins() {
    // Piped (as here) the bytes are what was asked for (a terminal is refused, which a test
    // without one cannot see); `--format html -o x.docx` is HTML.
    let dir = tempfile::tempdir().unwrap();
    let out = decldiff(&["report", "--format", "docx"]);
    succeeded(&out);
    assert!(out.stdout.starts_with(b"PK\x03\x04"), "a zip archive");
    let html = dir.path().join("page.docx");
    succeeded(&decldiff(&["report", "--format", "html", "-o", html.to_str().unwrap()]));
    assert!(std::fs::read_to_string(&html).unwrap().starts_with("<!DOCTYPE html>"));
}

/// LibreOffice's `soffice`: `DECLDIFF_SOFFICE`, else the first on the PATH.
fn soffice() -> PathBuf {
    let found = std::env::var_os("DECLDIFF_SOFFICE").map(PathBuf::from).or_else(|| {
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path)
            .flat_map(|dir| [dir.join("soffice"), dir.join("libreoffice")])
            .find(|candidate| candidate.is_file())
    });
    match found {
        Some(path) if path.is_file() => path,
        _ => panic!(
            "the Word redline test needs LibreOffice's soffice (not found; set DECLDIFF_SOFFICE or run `bash scripts/install-office.sh`)"
        ),
    }
}

/// `soffice --headless --convert-to FILTER` of `input` into its folder, with a profile of its
/// own (so that parallel runs and a user's LibreOffice do not collide), killed after 120 s.
fn convert(soffice: &Path, profile: &Path, input: &Path, filter: &str) {
    let folder = input.parent().unwrap();
    let mut child = Command::new(soffice)
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--norestore", "--nologo", "--convert-to", filter, "--outdir"])
        .arg(folder)
        .arg(input)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("soffice starts");
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "soffice --convert-to {filter} failed: {status}");
            return;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("soffice --convert-to {filter} took over 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn libreoffice_reads_the_tracked_changes() {
    let soffice = soffice();
    let dir = tempfile::tempdir().unwrap();
    let profile = tempfile::tempdir().unwrap();
    let docx_path = dir.path().join("redline.docx");
    write_docx(&["--format", "docx"], &docx_path);
    let report = json_report(&[]);
    let want = expected(&report);

    convert(&soffice, profile.path(), &docx_path, "pdf");
    let pdf = std::fs::read(dir.path().join("redline.pdf")).expect("LibreOffice wrote the PDF");
    assert!(pdf.starts_with(b"%PDF"), "a PDF");

    convert(&soffice, profile.path(), &docx_path, "txt:Text");
    let text = std::fs::read_to_string(dir.path().join("redline.txt")).expect("LibreOffice wrote the text");
    let shown = decldiff(&["corpus", "show", "examples/sco-2020-rev1", "--format", "json"]);
    succeeded(&shown);
    let blocks: Value = serde_json::from_slice(&shown.stdout).unwrap();
    // The last unchanged paragraph of the new text, as written.
    let paragraph = report["unchanged"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .filter_map(|pair| blocks["blocks"].get(pair[1].as_u64()? as usize))
        .find(|block| block["kind"] == "paragraph")
        .and_then(|block| block["text"].as_str())
        .expect("an unchanged paragraph");
    assert!(text.contains(paragraph), "LibreOffice's text has the paragraph {paragraph}");
    assert!(text.contains("all themes"), "the change table's total row");

    // Read back into LibreOffice's own format: each tracked change is a changed region.
    convert(&soffice, profile.path(), &docx_path, "odt");
    let odt = std::fs::read(dir.path().join("redline.odt")).expect("LibreOffice wrote the ODT");
    let content = parts(&odt).remove("content.xml").expect("the ODT's content");
    let content = roxmltree::Document::parse(&content).unwrap();
    let regions: Vec<_> = content.descendants().filter(|n| n.has_tag_name("changed-region")).collect();
    let of_kind = |kind: &str| regions.iter().filter(|r| r.children().any(|c| c.has_tag_name(kind))).count();
    assert_eq!(
        (of_kind("insertion"), of_kind("deletion")),
        (want.insertions, want.deletions),
        "every tracked insertion and deletion survived LibreOffice's reading"
    );
    let authors = content.descendants().filter(|n| n.has_tag_name("creator") && n.text() == Some("decldiff")).count();
    assert!(authors >= regions.len(), "each change by decldiff");
    let comments = content.descendants().filter(|n| n.has_tag_name("annotation")).count();
    assert_eq!(comments, want.shifts, "one comment per commitment shift");
}
