//! `report` and `compare --format html`: the page's snapshot, its sameness across the two
//! commands, atomic writing, and escaping of hostile text.

use std::process::Output;

fn decldiff(args: &[&str]) -> Output {
    crate::bin::decldiff().args(args).output().expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn snapshot_of_the_page_for_a_fixture_pair() {
    let page = stdout(&decldiff(&["report", "tests/fixtures/case01.old.txt", "tests/fixtures/case01.new.txt"]));
    insta::assert_snapshot!("report_case01_html", crate::bin::redact_version(&page));
    // The same page from `compare --format html`, and run twice, the same bytes.
    let again = stdout(&decldiff(&[
        "compare",
        "tests/fixtures/case01.old.txt",
        "tests/fixtures/case01.new.txt",
        "--format",
        "html",
    ]));
    assert_eq!(page, again);
}

#[test]
fn the_page_is_self_contained() {
    let page = stdout(&decldiff(&["report"]));
    for external in ["<link", "src=\"http", "src='http", "@import", "url(http", "fetch(", "XMLHttpRequest"] {
        assert!(!page.contains(external), "the page must not load anything: {external}");
    }
    assert!(page.contains("default-src 'none'"), "a content security policy forbids fetching");
    assert_eq!(page.matches("<script").count(), 1, "one inline script");
}

#[test]
fn report_writes_the_file_atomically_and_html_takes_one_pair() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    std::fs::write(&path, "old content").unwrap();
    let out = decldiff(&["report", "-o", path.to_str().unwrap()]);
    assert_eq!(stdout(&out), "");
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written, stdout(&decldiff(&["report"])));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");

    let out =
        decldiff(&["compare", "sco-2020", "examples/sco-2020-rev1", "examples/sco-2020-rev1", "--format", "html"]);
    assert_eq!(out.status.code(), Some(2));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.starts_with("error: --format html makes one page"), "{message}");
    assert_eq!(message.trim_end().lines().count(), 1, "{message}");

    let out = decldiff(&["report", "-o", "/nonexistent-dir/report.html"]);
    assert_eq!(out.status.code(), Some(2));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.starts_with("error: /nonexistent-dir/report.html"), "{message}");
    assert_eq!(message.trim_end().lines().count(), 1, "{message}");
}

#[test]
fn hostile_text_renders_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = [
        "<script>alert(\"x\")</script>",
        "\"><img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(2)\">链接</a>",
        "</textarea><svg onload=alert(3)>",
    ];
    let old = format!(
        "上海合作组织成员国元首理事会宣言\n安全合作\n成员国重申{}的立场。\n成员国支持{}的倡议。\n成员国欢迎{}。\n",
        hostile[0], hostile[1], hostile[2]
    );
    let new = format!(
        "上海合作组织成员国元首理事会宣言\n安全合作\n成员国重申{}的立场。\n成员国注意到{}的倡议。\n成员国欢迎{}。\n成员国关注{}。\n",
        hostile[0], hostile[1], hostile[3], hostile[3]
    );
    // Hostile file names too: they are the documents' names in the header.
    let old_path = dir.path().join("<img src=x onerror=alert(4)>.txt");
    let new_path = dir.path().join("new\"'><script>.txt");
    std::fs::write(&old_path, old).unwrap();
    std::fs::write(&new_path, new).unwrap();
    let page = stdout(&decldiff(&[
        "report",
        old_path.to_str().unwrap(),
        new_path.to_str().unwrap(),
        "--title",
        "<b onmouseover=alert(5)>title</b>",
    ]));
    let body = &page[page.find("<body>").unwrap()..page.rfind("<script>").unwrap()];
    for raw in ["<script", "<img", "<svg", "<a href=\"javascript", "<b ", "</textarea>"] {
        assert!(!body.contains(raw), "unescaped {raw} in the page body");
    }
    for escaped in
        ["&lt;script&gt;", "&lt;img src=x onerror=alert(1)&gt;", "&lt;svg onload=alert(3)&gt;", "&lt;b onmouseover"]
    {
        assert!(body.contains(escaped), "{escaped} should appear as text");
    }
    // The changed hostile text sits inside the diff marks, escaped.
    assert!(body.contains("<ins class="), "the page marks insertions");
}

/// Only web addresses become links (a `javascript:` source stays text), and the page's own
/// script and style are allowed by hash: no other inline script can run.
#[test]
fn sources_link_only_to_the_web_and_the_policy_allows_only_the_pages_script() {
    let corpus = crate::fixtures::corpus_copy();
    let catalog_path = corpus.path().join("examples/catalog.toml");
    let catalog = std::fs::read_to_string(&catalog_path).unwrap();
    let sources = "\n[[declaration.sources]]\nurl = \"javascript:alert(document.domain)\"\nlanguage = \"zh\"\n\n[[declaration.sources]]\nurl = \"https://example.org/moscow\"\nlanguage = \"zh\"\n";
    std::fs::write(&catalog_path, format!("{catalog}{sources}")).unwrap();
    let page = stdout(&decldiff(&["--corpus", corpus.path().to_str().unwrap(), "report"]));
    assert!(page.contains("href=\"https://example.org/moscow\""), "the web address is a link");
    assert!(!page.contains("href=\"javascript"), "a javascript: source must not be a link");
    assert!(page.contains("javascript:alert(document.domain)"), "it is shown as text");
    let policy = page.lines().find(|l| l.contains("Content-Security-Policy")).unwrap();
    assert!(!policy.contains("unsafe-inline") && policy.contains("script-src 'sha256-"), "{policy}");
}
