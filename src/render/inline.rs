//! A word diff written inline, for terminals and plain text.

use crate::diff::Segment;

/// Inline rendering of a word diff: `[-old-]{+new+}` markers, or ANSI colours (red
/// strike-through for deletions, green underline for insertions) when `colour` is set.
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
