//! Changes shown in the original text. The word diff is computed on comparison keys
//! (Simplified, widths folded, numbering stripped, docs/reading.md), and a reader quotes the
//! text as written: these functions carry a change's segments back onto the blocks' text.
//!
//! Each key character is matched to the text character it came from by a character diff of
//! the key against the text folded one character at a time; characters the key dropped
//! (numbering, spaces, pinyin glosses) go with the segment before them (the numbering, at the
//! start, with the first), and characters a phrase conversion rewrote are matched in
//! proportion. The pieces always cover the text exactly once, in order.

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::diff::Segment;
use crate::report::Change;
use crate::segment::Document;

/// One piece of a change in the original text: both sides as written. An equal piece has
/// the same key on both sides, but its text may differ (widths, script, numbering).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The old side's text.
    pub old: String,
    /// The new side's text.
    pub new: String,
    /// Whether the piece is a change (else the keys are equal).
    pub changed: bool,
}

/// The change's word diff with every piece in the blocks' original text (as written: script,
/// widths, numbering), in the same order and with the same equal/changed structure. Equal
/// pieces are shown as the new text has them.
pub fn change_segments(change: &Change, old: &Document, new: &Document) -> Vec<Segment> {
    change_pieces(change, old, new)
        .into_iter()
        .map(|p| if p.changed { Segment::Change { old: p.old, new: p.new } } else { Segment::Equal { text: p.new } })
        .collect()
}

/// The change's word diff as [`Piece`]s of original text. Falls back to the keys if the diff
/// does not cover the keys (it always does for a report made from these documents).
pub fn change_pieces(change: &Change, old: &Document, new: &Document) -> Vec<Piece> {
    let from_keys = || {
        change
            .diff
            .iter()
            .map(|s| match s {
                Segment::Equal { text } => Piece { old: text.clone(), new: text.clone(), changed: false },
                Segment::Change { old, new } => Piece { old: old.clone(), new: new.clone(), changed: true },
            })
            .collect()
    };
    let (Some(old_side), Some(new_side)) = (Side::of(old, &change.old), Side::of(new, &change.new)) else {
        return from_keys();
    };
    let (mut o, mut n) = (0usize, 0usize);
    let mut out = Vec::with_capacity(change.diff.len());
    for segment in &change.diff {
        let (old_len, new_len, changed) = match segment {
            Segment::Equal { text } => (text.len(), text.len(), false),
            Segment::Change { old, new } => (old.len(), new.len(), true),
        };
        out.push(Piece {
            old: old_side.text_between(o, o + old_len),
            new: new_side.text_between(n, n + new_len),
            changed,
        });
        (o, n) = (o + old_len, n + new_len);
    }
    if o != old_side.key.len() || n != new_side.key.len() {
        return from_keys();
    }
    out
}

/// The blocks of one side of a change joined: their keys (as the diff saw them) and texts.
struct Side {
    key: String,
    text: String,
    /// For every byte offset of `key` at a character boundary, the byte offset in `text`
    /// where the piece starting there begins (`key.len()` maps to `text.len()`).
    bounds: Vec<usize>,
}

impl Side {
    /// `None` if an index is outside the document.
    fn of(doc: &Document, ids: &[usize]) -> Option<Side> {
        let (mut key, mut text, mut bounds) = (String::new(), String::new(), Vec::new());
        for &i in ids {
            let block = doc.blocks.get(i)?;
            let block_bounds = key_bounds(&block.key, &block.text);
            bounds.pop(); // the previous block's end is this block's start
            bounds.extend(block_bounds.into_iter().map(|b| b + text.len()));
            key.push_str(&block.key);
            text.push_str(&block.text);
        }
        if bounds.is_empty() {
            bounds.push(0);
        }
        Some(Side { key, text, bounds })
    }

    /// The text of the key range `from..to` (byte offsets at character boundaries).
    fn text_between(&self, from: usize, to: usize) -> String {
        let at = |k: usize| self.bounds.get(k).copied().unwrap_or(self.text.len());
        let (a, b) = (at(from), at(to).max(at(from)));
        self.text.get(a..b).unwrap_or_default().to_owned()
    }
}

/// For every byte offset of `key` (filled at character boundaries), the byte offset in `text`
/// where that key character's piece starts; the first is 0 and the last (at `key.len()`) is
/// `text.len()`, so that a piece never loses text.
fn key_bounds(key: &str, text: &str) -> Vec<usize> {
    // Most blocks are their key, or their numbering then their key: no diff needed.
    if let Some(prefix) = text.strip_suffix(key).map(str::len) {
        let mut bounds: Vec<usize> = (0..=key.len()).map(|b| b + prefix).collect();
        bounds[0] = 0;
        return bounds;
    }
    let key_chars: Vec<(usize, char)> = key.char_indices().collect();
    let text_chars: Vec<(usize, char)> = text.char_indices().collect();
    let key_only: Vec<char> = key_chars.iter().map(|&(_, c)| c).collect();
    let folded: Vec<char> = text_chars.iter().map(|&(_, c)| fold_char(c)).collect();
    // Where each key character starts in the text, as a text character index. A character
    // the script conversion changed (國 → 国) is a one-for-one replacement, mapped exactly.
    let mut start_of: Vec<usize> = vec![usize::MAX; key_chars.len()];
    for op in capture_diff_slices(Algorithm::Myers, &key_only, &folded) {
        match op {
            DiffOp::Equal { old_index, new_index, len } => {
                (0..len).for_each(|d| start_of[old_index + d] = new_index + d);
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                (0..old_len).for_each(|d| start_of[old_index + d] = new_index + d * new_len / old_len);
            }
            DiffOp::Delete { old_index, old_len, new_index } => {
                (0..old_len).for_each(|d| start_of[old_index + d] = new_index);
            }
            DiffOp::Insert { .. } => {}
        }
    }
    let byte_of = |char_index: usize| text_chars.get(char_index).map_or(text.len(), |&(b, _)| b);
    let mut bounds = vec![0; key.len() + 1];
    let mut last = 0;
    for (k, &(byte, _)) in key_chars.iter().enumerate() {
        // The first piece keeps what comes before its character (a numbering marker).
        let start = if k == 0 { 0 } else { byte_of(start_of[k]).max(last) };
        bounds[byte] = start;
        last = start;
    }
    bounds[key.len()] = text.len();
    bounds
}

/// A character as the key would have it, where that needs no context: full-width digits and
/// letters folded, corner quotes as curly ones, ○ as 〇. Anything else the key changed is left
/// to the diff.
fn fold_char(c: char) -> char {
    match c {
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '「' => '“',
        '」' => '”',
        '『' => '‘',
        '』' => '’',
        '○' => '〇',
        _ => c,
    }
}

/// The byte offsets in the joined text of `ids` where each block but the last ends: where a
/// split's or merge's pieces meet in the original text.
pub fn piece_ends(doc: &Document, ids: &[usize]) -> Vec<usize> {
    let mut ends: Vec<usize> = ids
        .iter()
        .scan(0, |end, &i| {
            *end += doc.blocks.get(i).map_or(0, |b| b.text.len());
            Some(*end)
        })
        .collect();
    ends.pop();
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(key: &str, text: &str) -> Vec<String> {
        let bounds = key_bounds(key, text);
        let starts: Vec<usize> = key.char_indices().map(|(b, _)| bounds[b]).chain([text.len()]).collect();
        starts.windows(2).map(|w| text[w[0]..w[1]].to_owned()).collect()
    }

    #[test]
    fn numbering_and_widths_stay_with_their_characters() {
        assert_eq!(pieces("第73届", "一、第７３届"), ["一、第", "７", "３", "届"]);
    }

    #[test]
    fn traditional_text_maps_to_its_simplified_key() {
        assert_eq!(pieces("成员国", "成員國"), ["成", "員", "國"]);
    }

    #[test]
    fn dropped_spaces_go_with_the_character_before() {
        assert_eq!(pieces("上合", "上 合"), ["上 ", "合"]);
        assert_eq!(pieces("", "一、"), Vec::<String>::new());
    }
}
