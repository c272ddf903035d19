//! Two arbitrary inputs (split at the first 0xFF byte) → the whole comparison, rendered in
//! every format. Every change's diff must replay both texts, every block is accounted for once,
//! scores stay in range, and the HTML page holds no markup from the texts.
#![no_main]

use decldiff::diff::WordDiff;
use decldiff::score::{compare, CompareOptions};
use decldiff::tokenize::Tokenizer;
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Some((old, new)) = common::two_documents(data) else { return };
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
    assert!(report.accounts_for_every_block_once(old.blocks.len(), new.blocks.len()));
    let page = decldiff::render::html::html(&report, &old, &new, &Default::default());
    assert_eq!(page.matches("<script").count(), 1, "only the page's own script");
    let render = decldiff::render::compare::CompareRender::default();
    for text in [
        decldiff::render::compare::table(&report, &render),
        decldiff::render::compare::markdown(&report, &render),
        decldiff::render::compare::csv(&report, &render),
        decldiff::render::compare::json(&report),
    ] {
        assert!(!text.is_empty());
    }
});
