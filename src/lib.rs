//! decldiff compares summit declarations — first the heads-of-state declarations of the
//! Shanghai Cooperation Organisation (上海合作组织) — paragraph by paragraph and word by word.
//!
//! Start with a [`session::Session`]: it opens a corpus with its options, loads declarations by
//! corpus id or file path, compares one old declaration with many new ones, aligns, and runs
//! the series commands (timeline, terms, lineage). The command-line tool is a thin layer over
//! it.
//!
//! ```
//! use decldiff::corpus::TokenCache;
//! use decldiff::session::{Session, SessionOptions};
//!
//! // The corpus found from here (./corpora in a checkout, else the built-in copy), no cache.
//! let options = SessionOptions { cache: TokenCache::disabled(), ..SessionOptions::default() };
//! let session = Session::open(&options)?;
//! let old = session.load("sco-2020")?; // the 2020 Moscow Declaration
//! let new = session.load("examples/sco-2020-rev1")?; // an illustrative revision of it
//! let report = session.compare(&old, &new);
//! assert!(report.substantive);
//! let shifts = report.changes.iter().flat_map(|c| &c.edits).filter(|e| e.shift.is_some()).count();
//! assert!(shifts > 0, "commitments strengthened or softened");
//! // Renderers are pure functions of the report.
//! let markdown = decldiff::render::compare::markdown(&report, &Default::default(), &old.document, &new.document);
//! assert!(markdown.contains("安全")); // a theme of the taxonomy (docs/themes.md)
//! # Ok::<(), decldiff::Error>(())
//! ```
//!
//! The layers (docs/architecture.md):
//!
//! ```text
//! files ─► normalize ─► segment ─► tokenize ─► profile ─► align ─► diff ─► classify ─► score
//!  I/O     bytes→text   text→blocks  keys→tokens   features   links    words    edits     Report
//!                 session: corpus + rules + the stages above, for callers
//!                 render: pure Report/Timeline/… → String      lab: measurement, apart
//! ```
//!
//! - [`files`] is the only module that touches the file system;
//! - [`corpus`] finds collections and their catalogs, stores texts atomically, caches tokens;
//! - [`normalize`] decodes any supported encoding, extracts HTML articles, builds comparison
//!   keys; [`segment`] turns lines into blocks with themes; [`tokenize`] cuts keys into words;
//! - [`align`], [`diff`], [`classify`] and [`score`] make a [`report::Report`];
//! - [`series`] follows a collection over the years;
//! - [`render`] turns data into text; [`lab`] measures the rest and is never imported by it.
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
pub mod clean;
pub mod corpus;
pub mod diff;
pub mod endorsers;
pub mod error;
pub mod fetch;
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
pub const SCHEMA_VERSION: u32 = 2;

/// SHA-256 of `bytes`, lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Rounds a ratio to four decimals, as every output states them (stable, readable JSON).
pub(crate) fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
