//! Two comparison keys → a [`WordDiff`]: the jieba tokens of both diffed with `similar` over
//! token slices (never its whitespace word mode, which is useless for Chinese), then grouped
//! into regions and confirmed at character level: a region whose old and new strings are equal
//! (the same string segmented differently in two contexts) is not a change.
//!
//! Invariant: concatenating the equal segments with each change's `new` text rebuilds the new
//! key exactly; with each change's `old` text, the old key.

use std::time::Duration;

use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use crate::tokenize::Tokenizer;

/// A diff of two long paragraphs stops refining after this long and reports the rest as one
/// replaced region (correct, only coarser): pathological inputs stay bounded.
pub const DIFF_DEADLINE: Duration = Duration::from_millis(500);

/// One piece of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    let deadline = std::time::Instant::now() + DIFF_DEADLINE;
    let ops = capture_diff_slices_deadline(Algorithm::Myers, old_tokens, new_tokens, Some(deadline));
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

fn push_equal(segments: &mut Vec<Segment>, text: &str) {
    if let Some(Segment::Equal { text: last }) = segments.last_mut() {
        last.push_str(text);
    } else if !text.is_empty() {
        segments.push(Segment::Equal { text: text.to_owned() });
    }
}

/// Inline rendering: `[-old-]{+new+}` markers, or ANSI colours (red strike-through for
/// deletions, green underline for insertions) when `colour` is set.
pub fn render_inline(diff: &WordDiff, colour: bool) -> String {
    render_segments(&diff.segments, colour)
}

/// [`render_inline`] of a diff's segments.
pub fn render_segments(segments: &[Segment], colour: bool) -> String {
    let (deleted, inserted, end) =
        if colour { ("\u{1b}[31;9m", "\u{1b}[32;4m", ["\u{1b}[0m", "\u{1b}[0m"]) } else { ("[-", "{+", ["-]", "+}"]) };
    let mut out = String::with_capacity(segments.iter().map(Segment::len).sum::<usize>() + 16);
    for segment in segments {
        match segment {
            Segment::Equal { text } => out.push_str(text),
            Segment::Change { old, new } => {
                for (text, start, end) in [(old, deleted, end[0]), (new, inserted, end[1])] {
                    if !text.is_empty() {
                        out.push_str(start);
                        out.push_str(text);
                        out.push_str(end);
                    }
                }
            }
        }
    }
    out
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
        assert_eq!(render_inline(&d, false), "成员国[-欢迎-]{+注意到+}第[-73-]{+74+}届联合国大会通过的准则。");
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
    fn insertions_and_deletions() {
        let d = run("成员国支持合作。", "");
        assert_eq!(d.iter_changes().collect::<Vec<_>>(), [("成员国支持合作。", "")]);
        assert_eq!(run("", "").segments.len(), 0);
    }
}
