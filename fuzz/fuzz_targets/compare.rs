//! Two arbitrary inputs (split at the first 0xFF byte) → the whole comparison. Every change's
//! diff must replay both texts, and scores stay in range.
#![no_main]

use std::path::Path;

use decldiff::diff::WordDiff;
use decldiff::score::{compare, CompareOptions};
use decldiff::segment::{Document, ReadOptions};
use decldiff::tokenize::Tokenizer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let cut = data.iter().position(|&b| b == 0xFF).unwrap_or(data.len() / 2);
    let (a, b) = (&data[..cut], &data[(cut + 1).min(data.len())..]);
    let read = |bytes: &[u8]| Document::from_bytes(Path::new("fuzz"), bytes, ReadOptions::default()).ok();
    let (Some(old), Some(new)) = (read(a), read(b)) else { return };
    let report = compare(&old, &new, Tokenizer::shared(), &CompareOptions { all: true, ..CompareOptions::default() });
    for change in &report.changes {
        let d = WordDiff { segments: change.diff.clone() };
        let old_text: String = change.old.iter().map(|&i| old.blocks[i].key.as_str()).collect();
        let new_text: String = change.new.iter().map(|&j| new.blocks[j].key.as_str()).collect();
        assert_eq!(d.old_text(), old_text);
        assert_eq!(d.new_text(), new_text);
    }
    for score in report.themes.iter().chain(std::iter::once(&report.total)) {
        assert!((0.0..=1.0).contains(&score.wording_shift));
    }
});
