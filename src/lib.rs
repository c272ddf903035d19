//! decldiff compares summit declarations — first the heads-of-state declarations of the
//! Shanghai Cooperation Organisation (上海合作组织) — paragraph by paragraph and word by word.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! corpus ─► normalize ─► segment ─► tokenize ─► (align ─► diff ─► score ─► render)
//! files     bytes→text    text→blocks  keys→tokens
//! ```
//!
//! - [`corpus`] finds collections and their catalogs, reads files, stores texts atomically;
//! - [`normalize`] decodes any supported encoding, extracts HTML articles, splits lines and
//!   builds comparison keys (Simplified, width-folded, whitespace-free);
//! - [`segment`] turns lines into blocks (headings, paragraphs, the closing block) with
//!   themes;
//! - [`tokenize`] cuts comparison keys into words with jieba-rs and a domain dictionary.
//!
//! ```
//! use decldiff::segment::{BlockKind, Document};
//!
//! let doc = Document::parse("example", "安全合作\n　　成員國重申，堅定支持聯合國。\n");
//! assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
//! assert_eq!(doc.blocks[1].theme, "安全合作");
//! // Traditional characters compare as Simplified; the display text keeps the original.
//! assert_eq!(doc.blocks[1].key, "成员国重申，坚定支持联合国。");
//! assert_eq!(doc.blocks[1].text, "成員國重申，堅定支持聯合國。");
//! ```

pub mod align;
pub mod classify;
pub mod corpus;
pub mod diff;
pub mod endorsers;
pub mod error;
pub mod files;
pub mod lab;
pub mod normalize;
pub mod profile;
pub mod render;
pub mod report;
pub mod score;
pub mod segment;
pub mod series;
pub mod session;
pub mod theme;
pub mod tokenize;

pub use error::{Error, Result};

/// Version of the JSON outputs' shape; see `docs/json-format.md`.
pub const SCHEMA_VERSION: u32 = 1;

/// SHA-256 of `bytes`, lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Rounds a ratio to four decimals, as every output states them (stable, readable JSON).
pub(crate) fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
