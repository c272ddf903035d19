//! The Markdown output rendered by a real CommonMark implementation (pulldown-cmark, with
//! GFM tables): every insertion and deletion becomes an element, no marker is left as literal
//! text next to Chinese punctuation, and the theme table is a table.

use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::bin::decldiff;

fn run(args: &[&str]) -> String {
    let output = decldiff().args(args).output().expect("the binary runs");
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn the_markdown_renders_without_stray_markers() {
    let markdown = run(&["compare", "--format", "markdown"]);
    let json: serde_json::Value = serde_json::from_str(&run(&["compare", "--format", "json"])).expect("JSON");
    let (mut inserted, mut deleted) = (0, 0);
    for change in json["changes"].as_array().expect("changes") {
        for segment in change["diff"].as_array().expect("diff") {
            inserted += usize::from(segment["new"].as_str().is_some_and(|s| !s.is_empty()));
            deleted += usize::from(segment["old"].as_str().is_some_and(|s| !s.is_empty()));
        }
    }
    assert!(inserted > 10 && deleted > 10, "the shipped pair has changes: {inserted} / {deleted}");

    let (mut ins, mut del, mut tables) = (0, 0, 0);
    let mut text = String::new();
    for event in Parser::new_ext(&markdown, Options::ENABLE_TABLES) {
        match event {
            Event::InlineHtml(html) | Event::Html(html) => {
                ins += usize::from(&*html == "<ins>");
                del += usize::from(&*html == "<del>");
            }
            Event::Text(t) => text.push_str(&t),
            Event::Start(Tag::Table(_)) => tables += 1,
            _ => {}
        }
    }
    assert_eq!((ins, del), (inserted, deleted), "every change an element");
    assert_eq!(tables, 1, "the theme table");
    for marker in ["**", "~~", "{+", "[-", "<ins", "<del"] {
        assert!(!text.contains(marker), "`{marker}` left as text");
    }
    let html = {
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, Parser::new_ext(&markdown, Options::ENABLE_TABLES));
        html
    };
    assert!(html.contains("<table>") && html.contains("<ins>") && html.contains("</del>"));
}
