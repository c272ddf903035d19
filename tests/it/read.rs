//! Every shape a declaration arrives in reads to the same blocks and comparison keys.

use std::path::Path;

use decldiff::segment::{BlockKind, Document, ReadOptions};

use crate::fixtures::{self, encode};

/// What must be equal between variants: everything but the display text (which keeps the
/// original script and spacing) and the line numbers (which blank lines shift).
fn comparable(doc: &Document) -> Vec<(usize, BlockKind, String, String, Option<String>)> {
    doc.blocks.iter().map(|b| (b.index, b.kind, b.key.clone(), b.theme.clone(), b.numbering.clone())).collect()
}

fn read(name: &str, bytes: &[u8]) -> Document {
    Document::from_bytes(Path::new(name), bytes, ReadOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn seed_has_the_documented_structure() {
    let doc = read("sco-2020.zh.txt", fixtures::seed().as_bytes());
    let structure = doc.structure();
    let kinds: Vec<(&str, usize)> = structure.kinds.iter().map(|(k, n)| (k.as_str(), *n)).collect();
    assert_eq!(kinds, [("heading", 6), ("paragraph", 123), ("signatory", 8), ("date_line", 1), ("source_line", 1)]);
    let themes: Vec<(&str, usize)> = structure.themes.iter().map(|(t, n)| (t.as_str(), *n)).collect();
    assert_eq!(
        themes,
        [
            ("preamble", 7),
            ("安全合作", 44),
            ("议会合作", 1),
            ("司法合作", 1),
            ("经贸合作", 35),
            ("人文合作", 25),
            ("国际交往", 10)
        ]
    );
    assert_eq!(doc.blocks.len(), 139);
    // Block i of a one-paragraph-per-line file is its i-th non-empty line.
    let seed = fixtures::seed();
    let lines: Vec<&str> = seed.lines().filter(|l| !l.trim().is_empty()).collect();
    for (block, line) in doc.blocks.iter().zip(&lines) {
        assert_eq!(block.text, line.trim_matches(|c: char| c.is_whitespace()));
    }
    assert_eq!(doc.blocks[138].text, "（新华社莫斯科11月10日电）");
    assert!(doc.blocks.iter().filter(|b| b.kind == BlockKind::Signatory).all(|b| b.theme == "signatures"));
}

#[test]
fn every_variant_reads_to_the_same_blocks() {
    let seed = fixtures::seed();
    let original = comparable(&read("seed.txt", seed.as_bytes()));
    let traditional = fixtures::traditional();
    let variants: Vec<(&str, Vec<u8>)> = vec![
        ("utf8-bom.txt", [&[0xEF, 0xBB, 0xBF][..], seed.as_bytes()].concat()),
        ("gb18030.txt", encode(encoding_rs::GB18030, &seed)),
        ("big5-traditional.txt", encode(encoding_rs::BIG5, &traditional)),
        ("utf16le.txt", fixtures::utf16(&seed, true)),
        ("utf16be.txt", fixtures::utf16(&seed, false)),
        ("crlf-blank.txt", fixtures::crlf_blank_lines(&seed).into_bytes()),
        ("cr-only.txt", seed.replace('\n', "\r").into_bytes()),
        ("page.html", fixtures::html_page(&seed, "utf-8").into_bytes()),
        ("page-big5.htm", encode(encoding_rs::BIG5, &fixtures::to_traditional(&fixtures::html_page(&seed, "big5")))),
        ("page-gbk.html", encode(encoding_rs::GBK, &fixtures::html_page(&seed, "gb2312"))),
        ("traditional-utf8.txt", traditional.clone().into_bytes()),
    ];
    for (name, bytes) in variants {
        // A saved page keeps the declaration's title as a block of its own.
        let doc = fixtures::without_titles(read(name, &bytes));
        assert_eq!(doc.blocks.len(), original.len(), "{name}: block count");
        for (got, want) in comparable(&doc).iter().zip(&original) {
            assert_eq!(got, want, "{name}: block {}", want.0);
        }
    }
}

#[test]
fn traditional_text_keeps_its_display_form() {
    let doc = read("big5.txt", &encode(encoding_rs::BIG5, &fixtures::traditional()));
    assert_eq!(doc.decoding.map(|d| d.encoding), Some("Big5"));
    assert!(doc.blocks[0].text.contains("上海合作組織"), "{}", doc.blocks[0].text);
    assert!(doc.blocks[0].key.contains("上海合作组织"));
}

#[test]
fn full_width_digits_and_nbsp_fold_for_comparison() {
    let seed = fixtures::seed();
    let wide: String = seed
        .chars()
        .map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 + 0xFEE0).unwrap() } else { c })
        .collect::<String>()
        .replace('　', "\u{a0}");
    assert_eq!(comparable(&read("wide.txt", wide.as_bytes())), comparable(&read("seed.txt", seed.as_bytes())));
}

#[test]
fn forced_encoding_overrides_detection() {
    let bytes = encode(encoding_rs::GB18030, &fixtures::seed());
    let options = ReadOptions { encoding: Some(encoding_rs::GB18030), html: None, raw: false };
    let doc = Document::from_bytes(Path::new("x.txt"), &bytes, options).unwrap();
    assert_eq!(doc.decoding.map(|d| (d.encoding, d.forced)), Some(("gb18030", true)));
    // Forcing the wrong encoding is an error with an offset, not mojibake.
    let wrong = ReadOptions { encoding: Some(encoding_rs::UTF_8), html: None, raw: false };
    let err = Document::from_bytes(Path::new("x.txt"), &bytes, wrong).unwrap_err().to_string();
    // GB18030 text starts with U+3000 as A1 A1, invalid in UTF-8 from the first byte.
    assert!(err.starts_with("x.txt: byte 0: invalid UTF-8 sequence (A1)"), "{err}");
}

#[test]
fn html_page_drops_title_menus_and_footer() {
    let doc = read("page.html", fixtures::html_page(&fixtures::seed(), "utf-8").as_bytes());
    assert_eq!(doc.format, decldiff::segment::InputFormat::Html);
    let all: String = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    for furniture in ["首页", "您现在的位置", "版权所有", "分享到", "来源：新华网", "欢迎访问"]
    {
        assert!(!all.contains(furniture), "{furniture} leaked into the text");
    }
}
