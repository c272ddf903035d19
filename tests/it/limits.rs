//! Pathological inputs at and beyond the declared limits (docs/reliability.md): each gives a
//! clear error or a bounded result, never a panic or a hang.

use std::path::Path;

use decldiff::align::{AlignOptions, LinkKind, align};
use decldiff::lab::eval::Gold;
use decldiff::score::{CompareOptions, compare};
use decldiff::segment::{BlockKind, Document, MAX_BLOCKS, ReadOptions};
use decldiff::tokenize::Tokenizer;

use crate::fixtures;

fn read(bytes: &[u8]) -> decldiff::Result<Document> {
    Document::from_bytes(Path::new("limit.txt"), bytes, ReadOptions::default())
}

#[test]
fn one_long_paragraph_without_punctuation() {
    // 5 MB of one paragraph, no punctuation, and a copy with five characters inserted.
    let mut rng = decldiff::lab::simulate::Rng::new(9);
    let text: String = (0..1_700_000).map(|_| char::from_u32(0x4e00 + rng.below(3000) as u32).unwrap()).collect();
    assert!(text.len() >= 5_000_000);
    let mut edited = text.clone();
    edited.insert_str(text.char_indices().nth(850_000).unwrap().0, "成员国重申");
    let (old, new) = (read(text.as_bytes()).unwrap(), read(edited.as_bytes()).unwrap());
    assert_eq!((old.blocks.len(), new.blocks.len()), (1, 1));
    let report = compare(&old, &new, Tokenizer::shared(), &CompareOptions::default());
    assert_eq!(report.changes.len(), 1);
}

#[test]
fn a_hundred_thousand_one_character_paragraphs() {
    let mut rng = decldiff::lab::simulate::Rng::new(11);
    let chars: Vec<char> = (0x4e00..0x4e00 + 3000).filter_map(char::from_u32).collect();
    let mut lines: Vec<String> = (0..100_000).map(|_| chars[rng.below(chars.len())].to_string()).collect();
    let old = read(lines.join("\n").as_bytes()).unwrap();
    // The same lines, a tenth of them moved to the end, some replaced.
    let moved: Vec<String> = lines.drain(..10_000).collect();
    lines.extend(moved);
    for k in (0..lines.len()).step_by(97) {
        lines[k] = chars[rng.below(chars.len())].to_string();
    }
    let new = read(lines.join("\n").as_bytes()).unwrap();
    let report = compare(&old, &new, Tokenizer::shared(), &CompareOptions::default());
    assert_eq!(
        report.total.paragraphs_old + report.total.paragraphs_new,
        old.blocks.len() + new.blocks.len() - count_headings(&old) - count_headings(&new)
    );
}

fn count_headings(doc: &Document) -> usize {
    doc.blocks.iter().filter(|b| b.kind != BlockKind::Paragraph).count()
}

#[test]
fn too_many_blocks_is_a_clear_error() {
    let many = "甲\n".repeat(MAX_BLOCKS + 1);
    let err = read(many.as_bytes()).unwrap_err().to_string();
    assert!(err.starts_with("limit.txt: too many blocks (200001; the limit is 200000)"), "{err}");
    let at_limit = "甲\n".repeat(MAX_BLOCKS);
    assert_eq!(read(at_limit.as_bytes()).unwrap().blocks.len(), MAX_BLOCKS);
}

#[test]
fn deeply_repeated_identical_paragraphs() {
    let text = "成员国重申，坚定支持联合国作为综合性多边组织。\n".repeat(20_000);
    let doc = read(text.as_bytes()).unwrap();
    let mut shorter = doc.clone();
    shorter.blocks.truncate(19_000);
    let a = align(&doc, &shorter, Tokenizer::shared(), &AlignOptions::default());
    Gold::from(&a).validate(20_000, 19_000).unwrap();
    assert_eq!((a.links.len(), a.deleted.len()), (19_000, 1_000));
    assert!(a.links.iter().all(|l| l.kind == LinkKind::Identical));
}

#[test]
fn a_file_of_only_headings_and_mixed_scripts() {
    let headings = read("安全合作\n经贸合作\n人文合作\n".as_bytes()).unwrap();
    assert!(headings.blocks.iter().all(|b| b.kind == BlockKind::Heading));
    let mixed = "成员国重申 Russia, Россия, روسیه, 🇨🇳 and ＷＴＯ 十分重要。\n成员国指出，ÀÉÎ ñ ß。\n";
    let doc = read(mixed.as_bytes()).unwrap();
    assert_eq!(doc.blocks.len(), 2);
    let a = align(&headings, &doc, Tokenizer::shared(), &AlignOptions::default());
    Gold::from(&a).validate(3, 2).unwrap();
}

#[test]
fn a_byte_order_mark_in_the_middle_is_invisible_to_comparison() {
    let seed = fixtures::seed();
    let with_bom = seed.replacen("成员国重申", "成员国\u{feff}重申", 1);
    let (original, marked) = (read(seed.as_bytes()).unwrap(), read(with_bom.as_bytes()).unwrap());
    let keys = |d: &Document| d.blocks.iter().map(|b| b.key.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&original), keys(&marked));
}

#[test]
fn control_characters_nul_bytes_and_lone_surrogates_are_errors() {
    assert!(read(b"\xe6\x88\x90\x07").unwrap_err().to_string().contains("control character U+0007"));
    assert!(read(b"ab\0").unwrap_err().to_string().contains("NUL byte"));
    let lone = [0xFF, 0xFE, 0x10, 0x62, 0x00, 0xD8, 0x41, 0x00];
    assert!(read(&lone).unwrap_err().to_string().contains("unpaired surrogate"));
}

/// Found by fuzzing (`fuzz/fuzz_targets/read.rs`, 2026-11-24): UTF-16BE bytes whose text
/// OpenCC converted differently on a second pass, so comparison keys were not fixed points.
#[test]
fn regression_fuzz_read_keys_are_fixed_points() {
    let bytes = std::fs::read(fixtures::repo().join("tests/fixtures/fuzz/read-key-not-idempotent.bin")).unwrap();
    let doc = read(&bytes).unwrap();
    for block in &doc.blocks {
        assert_eq!(decldiff::normalize::comparison_key(&block.key), block.key);
    }
}
