//! Two comparison keys → a [`WordDiff`]: the jieba tokens of both diffed with `similar` over
//! token slices (never its whitespace word mode, which is useless for Chinese), then grouped
//! into regions and confirmed at character level: a region whose old and new strings are equal
//! (the same string segmented differently in two contexts) is not a change.
//!
//! Invariant: concatenating the equal segments with each change's `new` text rebuilds the new
//! key exactly; with each change's `old` text, the old key.

use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::tokenize::Tokenizer;

/// Above this many cells (old tokens × new tokens) two texts are diffed coarsely: their common
/// start and end are kept and the middle is one replaced region (correct, only coarser). The
/// bound is by size, not by time, so the output never depends on the machine's speed; real
/// paragraphs stay far below it (a 2,000-token paragraph on each side is 4 M cells).
pub const MAX_DIFF_CELLS: usize = 4_000_000;

/// One piece of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Segment {
    /// Text in both.
    Equal {
        /// The text.
        text: String,
    },
    /// Text changed: `old` replaced by `new` (either may be empty: a deletion or insertion).
    Change {
        /// The old text of the region.
        old: String,
        /// The new text of the region.
        new: String,
    },
}

impl Segment {
    /// Bytes of text the segment holds (old and new).
    pub fn len(&self) -> usize {
        match self {
            Segment::Equal { text } => text.len(),
            Segment::Change { old, new } => old.len() + new.len(),
        }
    }

    /// Whether the segment holds no text.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The word-level diff of two texts.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct WordDiff {
    /// The pieces, in order.
    pub segments: Vec<Segment>,
}

impl WordDiff {
    /// Rebuilds the old text.
    pub fn old_text(&self) -> String {
        self.segments
            .iter()
            .map(|s| match s {
                Segment::Equal { text } => text.as_str(),
                Segment::Change { old, .. } => old,
            })
            .collect()
    }

    /// Rebuilds the new text.
    pub fn new_text(&self) -> String {
        self.segments
            .iter()
            .map(|s| match s {
                Segment::Equal { text } => text.as_str(),
                Segment::Change { new, .. } => new,
            })
            .collect()
    }

    /// The changed regions: (old, new).
    pub fn iter_changes(&self) -> impl Iterator<Item = (&str, &str)> {
        self.segments.iter().filter_map(|s| match s {
            Segment::Change { old, new } => Some((old.as_str(), new.as_str())),
            Segment::Equal { .. } => None,
        })
    }

    /// Whether the texts differ.
    pub fn has_changes(&self) -> bool {
        self.iter_changes().next().is_some()
    }
}

/// Diffs two comparison keys word by word.
pub fn diff(old: &str, new: &str, tokenizer: &Tokenizer) -> WordDiff {
    if old == new {
        let segments = if old.is_empty() { Vec::new() } else { vec![Segment::Equal { text: old.to_owned() }] };
        return WordDiff { segments };
    }
    let old_tokens: Vec<&str> = tokenizer.tokenize(old).into_iter().map(|t| t.text).collect();
    let new_tokens: Vec<&str> = tokenizer.tokenize(new).into_iter().map(|t| t.text).collect();
    diff_tokens(&old_tokens, &new_tokens)
}

/// Diffs two token sequences (each concatenating to its text), as [`diff`] does.
pub fn diff_tokens(old_tokens: &[&str], new_tokens: &[&str]) -> WordDiff {
    if old_tokens == new_tokens {
        let text = old_tokens.concat();
        let segments = if text.is_empty() { Vec::new() } else { vec![Segment::Equal { text }] };
        return WordDiff { segments };
    }
    let ops = if old_tokens.len().saturating_mul(new_tokens.len()) <= MAX_DIFF_CELLS {
        capture_diff_slices(Algorithm::Myers, old_tokens, new_tokens)
    } else {
        coarse_ops(old_tokens, new_tokens)
    };
    let mut segments: Vec<Segment> = Vec::new();
    let (mut pending_old, mut pending_new) = (String::new(), String::new());
    let flush = |segments: &mut Vec<Segment>, pending_old: &mut String, pending_new: &mut String| {
        if pending_old.is_empty() && pending_new.is_empty() {
            return;
        }
        let (o, n) = (std::mem::take(pending_old), std::mem::take(pending_new));
        if o == n {
            push_equal(segments, &o);
        } else {
            segments.push(Segment::Change { old: o, new: n });
        }
    };
    for op in ops {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                flush(&mut segments, &mut pending_old, &mut pending_new);
                push_equal(&mut segments, &old_tokens[old_index..old_index + len].concat());
            }
            DiffOp::Delete { old_index, old_len, .. } => {
                pending_old.push_str(&old_tokens[old_index..old_index + old_len].concat())
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                pending_new.push_str(&new_tokens[new_index..new_index + new_len].concat())
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                pending_old.push_str(&old_tokens[old_index..old_index + old_len].concat());
                pending_new.push_str(&new_tokens[new_index..new_index + new_len].concat());
            }
        }
    }
    flush(&mut segments, &mut pending_old, &mut pending_new);
    WordDiff { segments }
}

/// The common start and end of two token sequences as equal runs, the middle as one replaced
/// region.
fn coarse_ops(old: &[&str], new: &[&str]) -> Vec<DiffOp> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..].iter().rev().zip(new[prefix..].iter().rev()).take_while(|(a, b)| a == b).count();
    let (old_mid, new_mid) = (old.len() - prefix - suffix, new.len() - prefix - suffix);
    let mut ops = Vec::with_capacity(3);
    if prefix > 0 {
        ops.push(DiffOp::Equal { old_index: 0, new_index: 0, len: prefix });
    }
    match (old_mid, new_mid) {
        (0, 0) => {}
        (0, n) => ops.push(DiffOp::Insert { old_index: prefix, new_index: prefix, new_len: n }),
        (o, 0) => ops.push(DiffOp::Delete { old_index: prefix, old_len: o, new_index: prefix }),
        (o, n) => ops.push(DiffOp::Replace { old_index: prefix, old_len: o, new_index: prefix, new_len: n }),
    }
    if suffix > 0 {
        ops.push(DiffOp::Equal { old_index: prefix + old_mid, new_index: prefix + new_mid, len: suffix });
    }
    ops
}

fn push_equal(segments: &mut Vec<Segment>, text: &str) {
    if let Some(Segment::Equal { text: last }) = segments.last_mut() {
        last.push_str(text);
    } else if !text.is_empty() {
        segments.push(Segment::Equal { text: text.to_owned() });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(old: &str, new: &str) -> WordDiff {
        diff(old, new, Tokenizer::shared())
    }

    #[test]
    fn word_level_changes_replay_both_texts() {
        let (old, new) = ("成员国欢迎第73届联合国大会通过的准则。", "成员国注意到第74届联合国大会通过的准则。");
        let d = run(old, new);
        assert_eq!((d.old_text(), d.new_text()), (old.to_owned(), new.to_owned()));
        let changes: Vec<_> = d.iter_changes().collect();
        assert_eq!(changes, [("欢迎", "注意到"), ("73", "74")]);
        assert_eq!(
            crate::render::inline::render_segments(&d.segments, false),
            "成员国[-欢迎-]{+注意到+}第[-73-]{+74+}届联合国大会通过的准则。"
        );
    }

    #[test]
    fn resegmentation_is_not_a_change() {
        // The same string may be cut differently in two contexts; a region whose strings are
        // equal is confirmed equal at character level.
        let d = run("甲乙丙", "甲乙丙");
        assert!(!d.has_changes());
        let d = run("成员国支持发展中国家。", "成员国支持发展中国家，并加强合作。");
        assert_eq!(d.iter_changes().collect::<Vec<_>>(), [("", "，并加强合作")]);
    }

    #[test]
    fn texts_over_the_size_bound_diff_coarsely_and_still_replay() {
        let old: Vec<String> = (0..2100).map(|k| format!("旧{k}")).collect();
        let mut new = old.clone();
        new[1000] = "新".to_owned();
        new.push("尾".to_owned());
        let (old, new): (Vec<&str>, Vec<&str>) =
            (old.iter().map(String::as_str).collect(), new.iter().map(String::as_str).collect());
        assert!(old.len() * new.len() > MAX_DIFF_CELLS);
        let d = diff_tokens(&old, &new);
        assert_eq!(d.old_text(), old.concat());
        assert_eq!(d.new_text(), new.concat());
        assert_eq!(d.segments.iter().filter(|s| matches!(s, Segment::Change { .. })).count(), 1);
    }

    #[test]
    fn insertions_and_deletions() {
        let d = run("成员国支持合作。", "");
        assert_eq!(d.iter_changes().collect::<Vec<_>>(), [("成员国支持合作。", "")]);
        assert_eq!(run("", "").segments.len(), 0);
    }
}
