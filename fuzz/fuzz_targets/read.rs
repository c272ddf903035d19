//! Bytes → document (decode, HTML extraction, normalise, segment, tokenize), as the CLI reads
//! a file. Errors are fine; a panic, or a document breaking its invariants, is a finding.
#![no_main]

use std::path::Path;

use decldiff::normalize::comparison_key;
use decldiff::segment::{Document, ReadOptions};
use decldiff::tokenize::Tokenizer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for html in [None, Some(true)] {
        let Ok(mut doc) = Document::from_bytes(Path::new("fuzz"), data, ReadOptions { encoding: None, html, raw: false }) else {
            continue;
        };
        for (i, block) in doc.blocks.iter().enumerate() {
            assert_eq!(block.index, i);
            assert_eq!(comparison_key(&block.key), block.key, "keys are fixed points");
        }
        doc.tokenize(Tokenizer::shared());
        for block in &doc.blocks {
            assert_eq!(block.token_texts(Tokenizer::shared()).collect::<String>(), block.key);
        }
    }
});
