//! Invariants as property tests: diffs replay, comparisons of a text with itself report nothing,
//! scores stay in range, keys are idempotent, encodings do not matter, OLD and NEW swap.

use std::path::Path;

use decldiff::diff::{Segment, diff_tokens};
use decldiff::lab::simulate::{Edits, revise};
use decldiff::normalize::comparison_key;
use decldiff::score::{CompareOptions, compare};
use decldiff::segment::{Document, ReadOptions};
use decldiff::tokenize::Tokenizer;
use proptest::prelude::*;

use crate::fixtures;

fn seed() -> Document {
    Document::parse("sco-2020", &fixtures::seed())
}

/// Text in the declarations' alphabet: Chinese characters, punctuation, digits, some Latin.
fn chinese_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            8 => (0x4e00u32..0x4e00 + 400).prop_map(|c| char::from_u32(c).unwrap()),
            2 => prop::sample::select(vec!['，', '。', '、', '；', '“', '”', '《', '》', '（', '）']),
            1 => prop::sample::select(vec!['1', '2', '0', 'A', ' ', '\u{3000}', '\n']),
        ],
        0..200,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_word_diff_replays_both_texts(old in chinese_text(), new in chinese_text()) {
        let tokenizer = Tokenizer::shared();
        let old_tokens: Vec<&str> = tokenizer.tokenize(&old).into_iter().map(|t| t.text).collect();
        let new_tokens: Vec<&str> = tokenizer.tokenize(&new).into_iter().map(|t| t.text).collect();
        let d = diff_tokens(&old_tokens, &new_tokens);
        prop_assert_eq!(d.old_text(), old.clone());
        prop_assert_eq!(d.new_text(), new.clone());
        // No change region has equal sides (those are confirmed equal at character level).
        let equal_change = |s: &Segment| matches!(s, Segment::Change { old, new } if old == new);
        prop_assert!(!d.segments.iter().any(equal_change), "a change region with equal sides");
    }

    #[test]
    fn comparison_keys_are_idempotent(text in "\\PC{0,120}") {
        let once = comparison_key(&text);
        prop_assert_eq!(comparison_key(&once), once);
    }

    #[test]
    fn every_encoding_reads_to_the_same_blocks(text in chinese_text()) {
        prop_assume!(!text.trim().is_empty());
        let read = |bytes: &[u8]| Document::from_bytes(Path::new("p.txt"), bytes, ReadOptions { encoding: None, html: Some(false), raw: false });
        let Ok(reference) = read(text.as_bytes()) else { return Ok(()) };
        let keys = |d: &Document| d.blocks.iter().map(|b| (b.kind, b.key.clone())).collect::<Vec<_>>();
        let mut variants = vec![fixtures::utf16(&text, true), fixtures::utf16(&text, false)];
        let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
        // Short GB18030 bytes can be valid UTF-8 by chance, and are then read as UTF-8 (or as
        // damaged UTF-8): documented in docs/reading.md, pinned in src/normalize/decode.rs.
        let utf8_prefix = match std::str::from_utf8(&gb) {
            Ok(whole) => Some(whole),
            Err(e) => std::str::from_utf8(&gb[..e.valid_up_to()]).ok().filter(|p| p.chars().filter(|c| !c.is_ascii()).count() >= 3),
        };
        let ambiguous = utf8_prefix.is_some_and(|p| !p.is_ascii());
        if !unmappable && !ambiguous {
            variants.push(gb.into_owned());
        }
        for bytes in variants {
            let doc = read(&bytes).expect("a re-encoded text reads");
            prop_assert_eq!(keys(&doc), keys(&reference));
        }
    }

    #[test]
    fn comparing_a_text_with_itself_reports_nothing_and_scores_stay_in_range(seed_value in any::<u64>()) {
        let old = seed();
        let tokenizer = Tokenizer::shared();
        let new = Document::parse("rev", &revise(&old, &Edits::heavy(), seed_value).text);
        let same = compare(&new, &new, tokenizer, &CompareOptions::default());
        prop_assert!(same.changes.is_empty() && !same.substantive);
        let report = compare(&old, &new, tokenizer, &CompareOptions::default());
        for score in report.themes.iter().chain(std::iter::once(&report.total)) {
            prop_assert!((0.0..=1.0).contains(&score.wording_shift), "{}", score.wording_shift);
            prop_assert!(score.unchanged + score.reworded + score.added <= score.paragraphs_new + score.moved_in);
        }
        // Changes and unchanged pairs account for every block of both texts exactly once.
        prop_assert!(report.accounts_for_every_block_once(old.blocks.len(), new.blocks.len()), "a block listed twice or never");
        prop_assert_eq!(report.total.paragraphs_old, old.iter_paragraphs().count());
        prop_assert_eq!(report.total.paragraphs_new, new.iter_paragraphs().count());
        // Every diff replays its link's texts.
        for change in &report.changes {
            let d = decldiff::diff::WordDiff { segments: change.diff.clone() };
            let old_text: String = change.old.iter().map(|&i| old.blocks[i].key.as_str()).collect();
            let new_text: String = change.new.iter().map(|&j| new.blocks[j].key.as_str()).collect();
            prop_assert_eq!(d.old_text(), old_text);
            prop_assert_eq!(d.new_text(), new_text);
            // Shown as written, the pieces still cover each side's text exactly once, in order.
            let pieces = decldiff::render::original::change_pieces(change, &old, &new);
            prop_assert_eq!(pieces.len(), change.diff.len());
            let written = |doc: &Document, ids: &[usize]| ids.iter().map(|&i| doc.blocks[i].text.as_str()).collect::<String>();
            prop_assert_eq!(pieces.iter().map(|p| p.old.as_str()).collect::<String>(), written(&old, &change.old));
            prop_assert_eq!(pieces.iter().map(|p| p.new.as_str()).collect::<String>(), written(&new, &change.new));
        }
    }
}

#[test]
fn swapping_old_and_new_swaps_added_and_deleted_and_keeps_the_links() {
    let old = seed();
    let tokenizer = Tokenizer::shared();
    for seed_value in 1..=10 {
        let new = Document::parse("rev", &revise(&old, &Edits::heavy(), seed_value).text);
        let forward = decldiff::align::align(&old, &new, tokenizer, &Default::default());
        let backward = decldiff::align::align(&new, &old, tokenizer, &Default::default());
        assert_eq!(forward.added, backward.deleted, "seed {seed_value}");
        assert_eq!(forward.deleted, backward.added, "seed {seed_value}");
        let mut pairs: Vec<(Vec<usize>, Vec<usize>)> =
            forward.links.iter().map(|l| (l.old.clone(), l.new.clone())).collect();
        let mut swapped: Vec<(Vec<usize>, Vec<usize>)> =
            backward.links.iter().map(|l| (l.new.clone(), l.old.clone())).collect();
        pairs.sort();
        swapped.sort();
        assert_eq!(pairs, swapped, "seed {seed_value}");
    }
}
