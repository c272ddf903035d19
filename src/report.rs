//! The [`Report`] of a comparison: the one `Serialize` type every renderer takes. It owns its
//! data, so it outlives the documents it was made from.

use serde::Serialize;

use crate::align::LinkKind;
use crate::classify::{ChangeClass, Shift};
use crate::diff::Segment;

/// What a report says about each document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct DocInfo {
    /// Corpus id or file name.
    pub name: String,
    /// The Chinese title, from the catalog.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The date, from the catalog.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where the text is published, from the catalog.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Whether the catalog marks the text illustrative or simulated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Number of blocks.
    pub blocks: usize,
    /// Number of paragraphs.
    pub paragraphs: usize,
    /// Where its paragraphs' themes come from (docs/themes.md).
    pub themes: ThemeSources,
}

/// How a document's paragraphs got their themes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ThemeSources {
    /// Paragraphs themed by their titled section.
    pub by_section: usize,
    /// Paragraphs themed by their own text.
    pub by_content: usize,
    /// Of those, how many are `unsure`.
    pub unsure: usize,
    /// The mean confidence of the themes by content (absent when there are none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mean_confidence: Option<f64>,
}

/// How the report was made, so that it can be cited and re-run.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Provenance {
    /// decldiff's version.
    pub decldiff: &'static str,
    /// The segmenter and its settings.
    pub segmenter: &'static str,
    /// Hash of the dictionaries.
    pub dictionary: String,
    /// Hash of the ladders.
    pub ladders: String,
    /// Alignment thresholds.
    pub align: crate::align::OptionsJson,
    /// Whether editorial changes are listed.
    pub all: bool,
}

/// A term whose use rose or fell.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Term {
    /// The term.
    pub term: String,
    /// Occurrences in the old paragraphs.
    pub old: u32,
    /// Occurrences in the new paragraphs.
    pub new: u32,
    /// Signed log-likelihood (G²): positive when the term rose.
    pub keyness: f64,
}

/// The scores of one theme (or of the whole document).
#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ThemeScore {
    /// The theme, in the new document's names.
    pub theme: String,
    /// Paragraphs in the old document under this theme (mapped through renamed headings).
    pub paragraphs_old: usize,
    /// Paragraphs in the new document under this theme.
    pub paragraphs_new: usize,
    /// Identical, in place.
    pub unchanged: usize,
    /// Characters of those.
    pub unchanged_chars: usize,
    /// Text changed (reworded, moved and reworded, split, merged).
    pub reworded: usize,
    /// New-side characters of those.
    pub reworded_chars: usize,
    /// New paragraphs.
    pub added: usize,
    /// Characters of those.
    pub added_chars: usize,
    /// Paragraphs dropped.
    #[serde(rename = "deleted")]
    pub removed: usize,
    /// Characters of those.
    #[serde(rename = "deleted_chars")]
    pub removed_chars: usize,
    /// Paragraphs that came from another theme.
    pub moved_in: usize,
    /// Characters of those.
    pub moved_in_chars: usize,
    /// Paragraphs that went to another theme.
    pub moved_out: usize,
    /// Characters of those.
    pub moved_out_chars: usize,
    /// Paragraphs that changed place within the theme.
    pub moved_within: usize,
    /// Old paragraphs split.
    #[serde(rename = "split")]
    pub splits: usize,
    /// New paragraphs merged from several.
    #[serde(rename = "merge")]
    pub merges: usize,
    /// Length-weighted mean of 1 − similarity over text-changed links, 0..=1.
    pub wording_shift: f64,
    /// Commitment shifts upward.
    pub stronger: usize,
    /// Commitment shifts downward.
    pub weaker: usize,
    /// Steps up minus steps down.
    pub net_shift_steps: i64,
    /// Terms that rose most.
    pub top_added: Vec<Term>,
    /// Terms that fell most.
    pub top_removed: Vec<Term>,
}

/// Paragraphs that moved from one theme to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ThemeMove {
    /// The old theme (in the new document's names).
    pub from: String,
    /// The new theme.
    pub to: String,
    /// How many paragraphs.
    pub paragraphs: usize,
}

/// What kind of change an entry of the change list is; serialized as its name
/// (`reworded`, `split`, `added`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// A link (see its `link` kind).
    Link(LinkKind),
    /// A new block.
    Added,
    /// A dropped block.
    Deleted,
}

impl Serialize for ChangeKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The JSON Schema of what `Serialize` writes: a string, one of the link kinds' names,
/// `added` or `deleted`.
impl schemars::JsonSchema for ChangeKind {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ChangeKind".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<&str> = LinkKind::ALL.iter().map(|kind| kind.as_str()).chain(["added", "deleted"]).collect();
        schemars::json_schema!({
            "description": "What changed: a link kind (docs/alignment.md), `added` or `deleted`.",
            "type": "string",
            "enum": names,
        })
    }
}

impl ChangeKind {
    /// The name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Link(kind) => kind.as_str(),
            ChangeKind::Added => "added",
            ChangeKind::Deleted => "deleted",
        }
    }
}

/// One edit inside a link, classified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Edit {
    /// The old text of the region.
    pub old: String,
    /// The new text of the region.
    pub new: String,
    /// Its class.
    pub class: ChangeClass,
    /// The shift, for a commitment shift.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shift: Option<Shift>,
    /// Whether only formatting changed (punctuation, or a number written another way).
    pub editorial: bool,
}

/// One entry of the change list.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Change {
    /// Old block indices (0-based).
    pub old: Vec<usize>,
    /// New block indices (0-based).
    pub new: Vec<usize>,
    /// The old blocks as a reader cites them, `¶N` for index N − 1 (docs/numbering.md).
    pub old_numbers: Vec<usize>,
    /// The new blocks as a reader cites them.
    pub new_numbers: Vec<usize>,
    /// What changed.
    pub kind: ChangeKind,
    /// The block kind (`paragraph`, `heading`, …).
    pub block: crate::segment::BlockKind,
    /// The theme, in the new document's names.
    pub theme: String,
    /// The old theme, when the paragraph moved across themes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_theme: Option<String>,
    /// Similarity of the link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
    /// Whether every edit is punctuation or number formatting.
    pub editorial: bool,
    /// The classified edits.
    pub edits: Vec<Edit>,
    /// The word diff (old and new text of added and deleted blocks as one change).
    pub diff: Vec<Segment>,
}

/// Block indices as the paragraph numbers a reader cites: index + 1 (docs/numbering.md).
pub fn numbers(indices: &[usize]) -> Vec<usize> {
    indices.iter().map(|i| i + 1).collect()
}

/// A comparison of two declarations.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Report {
    /// Version of this shape (docs/json-format.md).
    pub schema_version: u32,
    /// The old document.
    pub old: DocInfo,
    /// The new document.
    pub new: DocInfo,
    /// How it was made.
    pub provenance: Provenance,
    /// Per theme, in the new document's order (themes only the old one has come last).
    pub themes: Vec<ThemeScore>,
    /// The whole document.
    pub total: ThemeScore,
    /// Paragraphs moved between themes.
    pub theme_moves: Vec<ThemeMove>,
    /// Every change, in new-document order.
    pub changes: Vec<Change>,
    /// The links not listed in `changes`, as `[old, new]` block pairs in new-document
    /// order: identical ones, and editorial ones unless `--all`. With `changes`, every block
    /// of both documents is accounted for exactly once.
    pub unchanged: Vec<[usize; 2]>,
    /// Whether there is any substantive difference.
    pub substantive: bool,
}

impl Report {
    /// Whether `changes` and `unchanged` together name every block of documents of
    /// `old_blocks` and `new_blocks` blocks exactly once (an invariant the tests and the fuzz
    /// targets check).
    pub fn accounts_for_every_block_once(&self, old_blocks: usize, new_blocks: usize) -> bool {
        let (mut old_seen, mut new_seen) = (vec![0u32; old_blocks], vec![0u32; new_blocks]);
        let count = |seen: &mut [u32], i: usize| match seen.get_mut(i) {
            Some(n) => *n += 1,
            None => seen.iter_mut().for_each(|n| *n = 2), // out of range: fail below
        };
        for change in &self.changes {
            change.old.iter().for_each(|&i| count(&mut old_seen, i));
            change.new.iter().for_each(|&j| count(&mut new_seen, j));
        }
        for &[i, j] in &self.unchanged {
            count(&mut old_seen, i);
            count(&mut new_seen, j);
        }
        old_seen.iter().chain(&new_seen).all(|&n| n == 1)
    }
}
