//! Shared by the fuzz targets that take two inputs.

use std::path::Path;

use decldiff::segment::{Document, ReadOptions};

/// Splits fuzz data at the first 0xFF byte (or in the middle) into two documents, when both
/// read as documents.
pub fn two_documents(data: &[u8]) -> Option<(Document, Document)> {
    let cut = data.iter().position(|&b| b == 0xFF).unwrap_or(data.len() / 2);
    let (a, b) = (&data[..cut], &data[(cut + 1).min(data.len())..]);
    let read = |bytes: &[u8]| Document::from_bytes(Path::new("fuzz"), bytes, ReadOptions::default()).ok();
    Some((read(a)?, read(b)?))
}
