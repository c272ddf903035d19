//! Test inputs, made from the shipped 2020 text at test time: the same declaration in every
//! encoding and shape decldiff reads.

use std::path::{Path, PathBuf};

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn seed_path() -> PathBuf {
    repo().join("corpora/sco/sco-2020.zh.txt")
}

pub fn seed() -> String {
    std::fs::read_to_string(seed_path()).expect("the shipped 2020 text")
}

/// The seed in Traditional characters (Taiwan standard, as mirror sites publish the wire).
/// Big5 has no NBSP; pages use a plain space there.
pub fn traditional() -> String {
    to_traditional(&seed())
}

pub fn to_traditional(text: &str) -> String {
    let s2tw = OpenCC::from_config(BuiltinConfig::S2tw).expect("built-in config");
    s2tw.convert(text).replace('\u{a0}', " ")
}

pub fn encode(encoding: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "fixture text must be encodable in {}", encoding.name());
    bytes.into_owned()
}

pub fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
    for unit in text.encode_utf16() {
        let pair = if little_endian { unit.to_le_bytes() } else { unit.to_be_bytes() };
        bytes.extend_from_slice(&pair);
    }
    bytes
}

/// CRLF line ends, a blank line between paragraphs, ASCII indents instead of U+3000.
pub fn crlf_blank_lines(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("  {}", l.trim_start_matches('\u{3000}')))
        .collect::<Vec<_>>()
        .join("\r\n\r\n")
        + "\r\n"
}

/// The text as an article on a saved web page: site menus, a script, a title heading,
/// share buttons and a footer around it, one `<p>` per paragraph.
pub fn html_page(text: &str, charset: &str) -> String {
    let escape =
        |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('\u{a0}', "&nbsp;");
    let paragraphs: String = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("<p style=\"text-indent:2em\">{}</p>\n", escape(l)))
        .collect();
    format!(
        r#"<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>上海合作组织成员国元首理事会莫斯科宣言_新闻</title>
<script type="text/javascript">var tips = "欢迎访问。本站提供新闻服务。"; function share() {{ return 1; }}</script>
<style>p {{ margin: 0 }}</style></head>
<body>
<div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/news">新闻</a></li></ul>
<p>您现在的位置：首页 > 新闻。欢迎收看本网站的报道内容。</p></div>
<div class="main">
<h1>上海合作组织成员国元首理事会莫斯科宣言</h1>
<div class="info">2020年11月11日 来源：新华网</div>
<div id="article-content">
{paragraphs}</div>
<div class="share-bar">分享到：微信 微博</div>
</div>
<footer><p>版权所有。未经书面授权禁止转载本网站的全部内容。</p></footer>
</body></html>
"#
    )
}

/// A directory with a copy of the shipped corpus, for tests that write.
pub fn corpus_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = repo().join("corpora");
    for collection in std::fs::read_dir(&source).expect("corpora/") {
        let collection = collection.expect("entry").path();
        if !collection.is_dir() {
            continue;
        }
        let target = dir.path().join(collection.file_name().expect("name"));
        std::fs::create_dir_all(&target).expect("mkdir");
        for file in std::fs::read_dir(&collection).expect("collection") {
            let file = file.expect("entry").path();
            if file.is_file() {
                std::fs::copy(&file, target.join(file.file_name().expect("name"))).expect("copy");
            }
        }
    }
    dir
}

/// A document without its title blocks, renumbered: a saved page keeps the declaration's title
/// (a `title` block the clean text does not have), and tests that compare a page with the
/// clean text compare the rest.
pub fn without_titles(mut doc: decldiff::segment::Document) -> decldiff::segment::Document {
    use decldiff::segment::BlockKind;
    let removed: Vec<usize> = doc.blocks.iter().filter(|b| b.kind == BlockKind::Title).map(|b| b.index).collect();
    let shift = |i: usize| i - removed.iter().filter(|&&r| r < i).count();
    doc.blocks.retain(|b| b.kind != BlockKind::Title);
    for block in &mut doc.blocks {
        block.index = shift(block.index);
        block.section = block.section.map(shift);
    }
    doc
}

/// The shipped `sco` catalog.
pub fn shipped_catalog() -> String {
    std::fs::read_to_string(repo().join("corpora/sco/catalog.toml")).expect("the shipped catalog")
}
