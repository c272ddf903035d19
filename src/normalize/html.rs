//! HTML page → plain text with one block per line. A page saved from an official site carries
//! menus, scripts, share buttons and footers around the declaration; the declaration is the
//! part of the page that holds its sentences. We take the lowest common ancestor of every
//! block-level element whose own text contains a Chinese sentence end (。！？；), outside
//! navigation and boilerplate, and render that subtree's text with a blank line between blocks.

use ego_tree::NodeRef;
use scraper::{Html, Node};

/// Elements whose whole subtree is never text of the declaration.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "select",
    "option", "iframe", "svg", "canvas", "object", "head", "title", "meta", "link", "input", "textarea", "menu",
];

/// Elements whose text a reader never sees.
const INVISIBLE: &[&str] =
    &["script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "head", "title", "meta", "link"];

/// Marks a run of text outside the article (menus, sidebars, footers) or inside it, so that
/// every line of the page can be listed with where it stood. Private-use characters: never in
/// a text, and removed before anyone sees the line.
const OUTSIDE: char = '\u{E001}';
const INSIDE: char = '\u{E002}';

/// Words in an element's class or id that mark site furniture rather than the article.
const BOILERPLATE_MARKS: &[&str] =
    &["nav", "menu", "footer", "breadcrumb", "sidebar", "share", "copyright", "related", "comment", "toolbar"];

/// Elements that start and end a line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "table",
    "tbody",
    "thead",
    "tr",
    "section",
    "article",
    "blockquote",
    "pre",
    "center",
    "dd",
    "dt",
    "dl",
    "main",
    "figure",
    "figcaption",
    "address",
    "hr",
];

/// Stands for a run of HTML whitespace that contained a line break: between two Chinese
/// characters it is a formatting artefact of the page source and disappears; elsewhere it
/// is a space.
const SEGMENT_BREAK: char = '\u{E000}';

/// How deep elements may nest in a page we read. Real pages nest a few dozen deep; the HTML
/// parser's cost grows with the square of the depth (an element's scope is looked up through
/// every open element), so 100,000 nested `<div>`s would take minutes.
pub const MAX_NESTING: usize = 1000;

/// Elements that never nest: void elements, and those a parser closes by itself when the next
/// one opens (an unclosed `<p>` or `<li>` in a page must not count as depth).
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p", "li",
    "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp",
    "param", "keygen", "basefont", "frame", "isindex",
];

/// [`crate::error::Error::NotText`] for a page nested deeper than [`MAX_NESTING`] (see [`too_deep`]).
///
/// # Errors
/// As described.
pub fn check_nesting(path: &std::path::Path, html: &str) -> crate::error::Result<()> {
    match too_deep(html) {
        Some(at) => Err(crate::error::Error::NotText {
            path: path.to_owned(),
            what: format!("byte {at} of the page: elements nested deeper than {MAX_NESTING}"),
            hint: Some("a saved page nests a few dozen elements deep; this one is damaged or hostile".to_owned()),
        }),
        None => Ok(()),
    }
}

/// The byte offset of the first element nested deeper than [`MAX_NESTING`], by a linear scan
/// of the tags (comments, and the contents of `<script>` and `<style>`, skipped).
pub fn too_deep(html: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(found) = html[at..].find('<') {
        let start = at + found;
        let rest = &html[start + 1..];
        if rest.starts_with("!--") {
            at = rest.find("-->").map_or(bytes.len(), |end| start + 1 + end + 3);
            continue;
        }
        let closing = rest.starts_with('/');
        let name_part = if closing { &rest[1..] } else { rest };
        let name_len = name_part.bytes().take_while(u8::is_ascii_alphanumeric).count();
        at = start + 1;
        if name_len == 0 {
            continue;
        }
        let name = name_part[..name_len].to_ascii_lowercase();
        let end = rest.find('>').map_or(bytes.len(), |e| start + 1 + e);
        if FLAT.contains(&name.as_str()) || (!closing && html[..end].ends_with('/')) {
            at = end;
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if name == "script" || name == "style" {
            at = html[end..]
                .match_indices("</")
                .find(|(k, _)| html[end + k + 2..].get(..name.len()).is_some_and(|n| n.eq_ignore_ascii_case(&name)))
                .map_or(bytes.len(), |(k, _)| end + k);
            continue;
        } else {
            depth += 1;
            if depth > MAX_NESTING {
                return Some(start);
            }
        }
        at = end;
    }
    None
}

/// Whether `text` looks like an HTML document rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).chars().take(4096).collect();
    let lower = head.to_ascii_lowercase();
    lower.starts_with('<')
        && ["<!doctype html", "<html", "<body", "<head", "<p>", "<p ", "<div", "<meta"]
            .iter()
            .any(|tag| lower.contains(tag))
}

/// Every visible line of an HTML page, each marked whether it stands outside the article (the
/// block holding the text's sentences; see [`extract_text`]) or inside boilerplate (menus,
/// headers, footers, share bars) within it. Cleaning ([`crate::clean`]) decides what each
/// line is; nothing is dropped here but what a reader cannot see.
pub fn extract_lines(html: &str) -> Vec<crate::clean::PageLine> {
    let document = Html::parse_document(html);
    let root = document.tree.root();
    let container = article_container(root).unwrap_or(root);
    let mut out = String::new();
    render_page(root, container, &mut out);
    let text = resolve_segment_breaks(&out);
    crate::normalize::split_lines(&text)
        .into_iter()
        .filter_map(|mut line| {
            let outside = line.text.contains(OUTSIDE) && !line.text.contains(INSIDE);
            line.text.retain(|c| c != OUTSIDE && c != INSIDE);
            line.text = line.text.trim_matches(crate::normalize::is_space).to_owned();
            (!line.text.is_empty()).then_some(crate::clean::PageLine { line, outside_article: outside })
        })
        .collect()
}

/// Renders every visible line of the page (blocks a blank line apart, `<br>` a line break,
/// the cells of a table row two spaces apart), marking each text run with [`OUTSIDE`] or
/// [`INSIDE`].
fn render_page(root: NodeRef<'_, Node>, container: NodeRef<'_, Node>, out: &mut String) {
    // (node, inside the article and not in boilerplate)
    enum Walk<'a> {
        Enter(NodeRef<'a, Node>, bool),
        Leave(&'static str),
    }
    let mut stack = vec![Walk::Enter(root, root.id() == container.id())];
    while let Some(step) = stack.pop() {
        let (node, inside) = match step {
            Walk::Leave(separator) => {
                out.push_str(separator);
                continue;
            }
            Walk::Enter(node, inside) => (node, inside),
        };
        match node.value() {
            Node::Text(t) => {
                if t.chars().any(|c| !c.is_whitespace()) {
                    out.push(if inside { INSIDE } else { OUTSIDE });
                }
                push_collapsed(out, t)
            }
            Node::Element(el) => {
                if INVISIBLE.contains(&el.name()) {
                    continue;
                }
                let inside =
                    (inside || node.id() == container.id()) && !(node.id() != container.id() && is_skipped(node));
                let separator = match el.name() {
                    "br" => {
                        out.push('\n');
                        continue;
                    }
                    "td" | "th" => "  ",
                    name if BLOCKS.contains(&name) => "\n\n",
                    _ => "",
                };
                out.push_str(separator);
                stack.push(Walk::Leave(separator));
                stack.extend(node.children().rev().map(|child| Walk::Enter(child, inside)));
            }
            Node::Document | Node::Fragment => {
                stack.extend(node.children().rev().map(|child| Walk::Enter(child, inside)))
            }
            _ => {}
        }
    }
}

/// The article's text alone: the lines of [`extract_lines`] that stand inside it, one per
/// line.
pub fn extract_text(html: &str) -> String {
    extract_lines(html).into_iter().filter(|l| !l.outside_article).map(|l| l.line.text + "\n").collect()
}

fn element_name(node: NodeRef<'_, Node>) -> Option<&str> {
    match node.value() {
        Node::Element(el) => Some(el.name()),
        _ => None,
    }
}

fn is_skipped(node: NodeRef<'_, Node>) -> bool {
    let Node::Element(el) = node.value() else {
        return false;
    };
    if SKIPPED.contains(&el.name()) {
        return true;
    }
    let marks = [el.attr("class"), el.attr("id")];
    marks.iter().flatten().any(|value| {
        let value = value.to_ascii_lowercase();
        value.split(|c: char| !c.is_ascii_alphanumeric()).any(|word| BOILERPLATE_MARKS.contains(&word))
    })
}

/// The lowest common ancestor of the blocks whose own text holds a sentence.
fn article_container(root: NodeRef<'_, Node>) -> Option<NodeRef<'_, Node>> {
    let mut common: Option<Vec<NodeRef<'_, Node>>> = None;
    let mut sentence_blocks = 0usize;
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        if is_skipped(node) {
            continue;
        }
        if element_name(node).is_some_and(|name| BLOCKS.contains(&name)) && own_text_has_sentence(node) {
            let mut path: Vec<_> = node.ancestors().collect();
            path.reverse();
            path.push(node);
            sentence_blocks += 1;
            common = Some(match common {
                None => path,
                Some(prev) => {
                    let shared = prev.iter().zip(&path).take_while(|(a, b)| a.id() == b.id()).count();
                    path[..shared].to_vec()
                }
            });
        }
        stack.extend(node.children());
    }
    // The common ancestor of a single sentence block is that block; its parent holds the
    // article (with its heading or signature lines).
    let path = common?;
    let keep = if sentence_blocks == 1 { path.len().saturating_sub(1).max(1) } else { path.len() };
    path.get(keep - 1).copied()
}

/// Whether the text directly inside `node` (and its inline children) holds a sentence end.
fn own_text_has_sentence(node: NodeRef<'_, Node>) -> bool {
    let mut stack: Vec<_> = node.children().collect();
    let mut chinese = 0usize;
    let mut has_end = false;
    while let Some(child) = stack.pop() {
        match child.value() {
            Node::Text(t) => {
                chinese += t.chars().filter(|c| crate::normalize::is_han(*c)).count();
                has_end |= t.contains(['。', '！', '？', '；']);
            }
            Node::Element(el) if !BLOCKS.contains(&el.name()) && !is_skipped(child) => stack.extend(child.children()),
            _ => {}
        }
    }
    has_end && chinese >= 8
}

/// Appends HTML text with its ASCII whitespace runs collapsed, as a browser shows it.
fn push_collapsed(out: &mut String, text: &str) {
    let mut run: Option<bool> = None; // Some(has_line_break) while inside a whitespace run
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            let line_break = matches!(c, '\n' | '\r');
            run = Some(run.unwrap_or(false) || line_break);
            continue;
        }
        if let Some(line_break) = run.take() {
            out.push(if line_break { SEGMENT_BREAK } else { ' ' });
        }
        out.push(c);
    }
    if let Some(line_break) = run {
        out.push(if line_break { SEGMENT_BREAK } else { ' ' });
    }
}

fn resolve_segment_breaks(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c != SEGMENT_BREAK {
            out.push(c);
            continue;
        }
        let marker = |c: &&char| !matches!(**c, SEGMENT_BREAK | OUTSIDE | INSIDE);
        let before = chars[..i].iter().rev().find(marker);
        let after = chars[i + 1..].iter().find(marker);
        let between_chinese = matches!((before, after), (Some(b), Some(a)) if crate::normalize::is_cjk(*b) && crate::normalize::is_cjk(*a));
        if !between_chinese && !out.ends_with([' ', '\n']) {
            out.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_bounded_by_a_linear_scan() {
        let nested = |n: usize| {
            format!("<html><body>{}<p>成员国重申。</p>{}</body></html>", "<div>".repeat(n), "</div>".repeat(n))
        };
        // <html> and <body> are two levels.
        assert_eq!(too_deep(&nested(MAX_NESTING - 2)), None);
        assert_eq!(too_deep(&nested(MAX_NESTING - 1)), Some(12 + 5 * (MAX_NESTING - 2)));
        // Unclosed paragraphs and list items, void elements, comments and scripts are no depth.
        let flat = "<p>一<br><img src=x><li>二<!-- <div><div> --><script>'<div>'</script>".repeat(5000);
        assert_eq!(too_deep(&flat), None);
        let closed = "<div><span>一</span></div>".repeat(100_000);
        assert_eq!(too_deep(&closed), None);
    }

    #[test]
    fn extracts_article_without_menus_scripts_or_footer() {
        let page = r#"<!DOCTYPE html><html><head><title>宣言</title><script>var x = "成员国指出。";</script></head>
<body><div class="nav"><a href="/">首页</a> <p>网站导航：成员国新闻。我们的网站很好用。</p></div>
<h1>上海合作组织成员国元首理事会莫斯科宣言</h1>
<div id="content"><p>　　成员国指出，国际形势正在
深刻演变。</p><p>安全合作</p><p>成员国重申，坚定支持联合国。</p></div>
<footer><p>版权所有。本网站保留一切权利和义务。</p></footer></body></html>"#;
        assert!(looks_like_html(page));
        let text = extract_text(page);
        let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(lines, ["成员国指出，国际形势正在深刻演变。", "安全合作", "成员国重申，坚定支持联合国。"]);
    }

    #[test]
    fn br_and_table_cells() {
        let page = "<html><body><div><p>成员国重申，坚定支持联合国作为多边组织。<br>成员国强调，继续合作十分重要。</p>\
<table><tr><td>印度共和国总理</td><td>莫迪</td></tr></table></div></body></html>";
        let text = extract_text(page);
        assert!(text.contains("多边组织。\n成员国强调"), "{text:?}");
        assert!(text.contains("印度共和国总理    莫迪") || text.contains("印度共和国总理  莫迪"), "{text:?}");
    }

    #[test]
    fn plain_text_is_not_html() {
        assert!(!looks_like_html("成员国指出 <p> 不是网页。"));
        assert!(looks_like_html("\u{feff}<!doctype html><p>x</p>"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let page = format!(
            "<html><body>{}<p>成员国重申，坚定支持联合国作为多边组织。</p>{}</body></html>",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        assert!(extract_text(&page).contains("坚定支持"));
    }
}
