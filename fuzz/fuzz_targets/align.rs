//! Two arbitrary inputs (split at the first 0xFF byte) → documents → alignment. Every block of
//! each side must be accounted for exactly once.
#![no_main]

use decldiff::align::{align, AlignOptions};
use decldiff::lab::eval::Gold;
use decldiff::tokenize::Tokenizer;
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Some((old, new)) = common::two_documents(data) else { return };
    let alignment = align(&old, &new, Tokenizer::shared(), &AlignOptions::default());
    if let Err(what) = Gold::from(&alignment).validate(old.blocks.len(), new.blocks.len()) {
        panic!("{what}");
    }
});
