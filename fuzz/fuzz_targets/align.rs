//! Two arbitrary inputs (split at the first 0xFF byte) → documents → alignment. Every block of
//! each side must be accounted for exactly once.
#![no_main]

use std::path::Path;

use decldiff::align::{align, AlignOptions};
use decldiff::eval::Gold;
use decldiff::segment::{Document, ReadOptions};
use decldiff::tokenize::Tokenizer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let cut = data.iter().position(|&b| b == 0xFF).unwrap_or(data.len() / 2);
    let (a, b) = (&data[..cut], &data[(cut + 1).min(data.len())..]);
    let read = |bytes: &[u8]| Document::from_bytes(Path::new("fuzz"), bytes, ReadOptions::default()).ok();
    let (Some(old), Some(new)) = (read(a), read(b)) else { return };
    let alignment = align(&old, &new, Tokenizer::shared(), &AlignOptions::default());
    if let Err(what) = Gold::from(&alignment).validate(old.blocks.len(), new.blocks.len()) {
        panic!("{what}");
    }
});
