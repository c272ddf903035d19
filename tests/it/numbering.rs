//! One numbering everywhere (docs/numbering.md): the paragraph where the shipped revision
//! softens 欢迎 to 注意到 is ¶10 in the terminal, Markdown, CSV, JSON, `align`, `corpus show`,
//! the HTML report and the Word redline.

use std::io::Read as _;

fn run(args: &[&str]) -> String {
    let out = crate::bin::decldiff().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The change that softens 欢迎 to 注意到, from the JSON report: its 0-based indices and the
/// numbers beside them.
fn the_change() -> (usize, usize) {
    let json: serde_json::Value = serde_json::from_str(&run(&["compare", "--format", "json"])).unwrap();
    let change = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["edits"].as_array().unwrap().iter().any(|e| e["new"] == "注意到" && e["old"] == "欢迎"))
        .expect("the shipped revision softens 欢迎 to 注意到")
        .clone();
    let (old, new) = (change["old"][0].as_u64().unwrap() as usize, change["new"][0].as_u64().unwrap() as usize);
    assert_eq!(change["old_numbers"][0].as_u64().unwrap() as usize, old + 1, "the number is beside the index");
    assert_eq!(change["new_numbers"][0].as_u64().unwrap() as usize, new + 1);
    (old + 1, new + 1)
}

#[test]
fn the_same_paragraph_has_the_same_number_in_every_format() {
    let (old, new) = the_change();
    assert_eq!((old, new), (10, 10), "the shipped pair's softened welcome");
    let label = format!("¶{old} → ¶{new}  reworded");
    assert!(run(&["compare"]).contains(&label), "terminal");
    assert!(run(&["compare", "--format", "markdown"]).contains(&format!("`{label}")), "Markdown");
    let csv = run(&["compare", "--format", "csv", "--by", "paragraph"]);
    let row = csv.lines().find(|l| l.contains("成员国注意到第73届")).expect("the CSV row");
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let cell = |name: &str| row.split(',').nth(header.iter().position(|h| *h == name).unwrap()).unwrap();
    assert_eq!((cell("old_first"), cell("new_first")), ("10", "10"), "CSV");
    assert_eq!((cell("old_index"), cell("new_index")), ("9", "9"), "CSV: the index beside the number");
    let edits = run(&["compare", "--format", "csv", "--by", "edit"]);
    assert!(edits.lines().any(|l| l.contains(",10,10,10,10,commitment_shift,stance,欢迎,注意到,")), "CSV by edit");
    let align = run(&["align", "sco-2020", "examples/sco-2020-rev1", "--width", "200"]);
    assert!(align.lines().any(|l| l.contains("¶10 ") && l.contains("为此，成员国欢迎")), "align");
    let show = run(&["corpus", "show", "sco-2020", "--width", "200"]);
    assert!(show.lines().any(|l| l.contains("¶10 ") && l.contains("为此，成员国欢迎")), "corpus show");
    let page = run(&["report", "-o", "-"]);
    let row = page.split("<article").find(|a| a.contains("注意到</ins>")).expect("the HTML row");
    assert!(row.contains("old ¶10 → new ¶10"), "HTML report");
    let docx = crate::bin::decldiff().args(["report", "--format", "docx", "-o", "-"]).output().unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx.stdout)).unwrap();
    let mut comments = String::new();
    zip.by_name("word/comments.xml").unwrap().read_to_string(&mut comments).unwrap();
    let comment = comments.split("<w:comment ").find(|c| c.contains("注意到")).expect("the Word comment");
    assert!(comment.contains("¶10"), "Word: {comment}");
}

/// The outputs a reader quotes from show the text as written: a Traditional copy with
/// full-width digits compares on its keys, and is shown in its own characters.
#[test]
fn changes_are_shown_in_the_text_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let revision =
        std::fs::read_to_string(crate::fixtures::repo().join("corpora/examples/sco-2020-rev1.zh.txt")).unwrap();
    let written = crate::fixtures::to_traditional(&revision).replace("第73屆", "第７３屆");
    assert!(written.contains("為此，成員國注意到第７３屆"), "the fixture is Traditional with full-width digits");
    let path = dir.path().join("revision-traditional.txt");
    std::fs::write(&path, &written).unwrap();
    let path = path.to_str().unwrap();
    let markdown = run(&["compare", "sco-2020", path, "--format", "markdown"]);
    let line = markdown.lines().find(|l| l.contains("¶10 → ¶10")).expect("the softened welcome");
    assert!(line.contains("為此，成員國<del>欢迎</del><ins>注意到</ins>第７３屆"), "{line}");
    let terminal = run(&["compare", "sco-2020", path]);
    assert!(terminal.contains("為此，成員國[-欢迎-]{+注意到+}第７３屆"), "terminal");
    let page = run(&["report", "sco-2020", path, "-o", "-"]);
    assert!(page.contains("為此，成員國<ins"), "HTML report");
    let csv = run(&["compare", "sco-2020", path, "--format", "csv", "--by", "paragraph"]);
    assert!(csv.contains("為此，成員國注意到第７３屆"), "CSV new_text as written");
    // The comparison itself, and the JSON's diff, stay on the keys.
    let json = run(&["compare", "sco-2020", path, "--format", "json"]);
    assert!(json.contains("为此，成员国") && !json.contains("為此"), "JSON keeps the keys");
}
