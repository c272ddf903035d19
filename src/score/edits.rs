//! Every changed link diffed word by word and each changed span classified in its context;
//! the subject of a commitment checked for a change of endorsers.

use rayon::prelude::*;

use super::CompareOptions;
use crate::align::{Alignment, LinkKind};
use crate::classify::{self, Entities};
use crate::diff::{self, Segment};
use crate::endorsers::EndorserRules;
use crate::profile::Profile;
use crate::report::Edit;

/// The word diff and classified edits of every link, in the alignment's order (in parallel);
/// identical links get none.
pub(super) fn diff_links(
    old_profile: &Profile,
    new_profile: &Profile,
    alignment: &Alignment,
    entities: &Entities,
    options: &CompareOptions,
) -> Vec<(Vec<Segment>, Vec<Edit>)> {
    alignment
        .links
        .par_iter()
        .map(|link| {
            if link.kind == LinkKind::Identical {
                // Listed as unchanged, without a diff.
                return (Vec::new(), Vec::new());
            }
            let mut d = diff::diff_tokens(&old_profile.tokens_of(&link.old), &new_profile.tokens_of(&link.new));
            d.segments = split_compounds(std::mem::take(&mut d.segments), &options.ladders);
            let edits = d
                .segments
                .iter()
                .enumerate()
                .filter_map(|(k, segment)| match segment {
                    Segment::Change { old: eo, new: en } => {
                        let before = equal_text(k.checked_sub(1).and_then(|p| d.segments.get(p)));
                        let after = equal_text(d.segments.get(k + 1));
                        let c = classify::classify_in_context(before, eo, en, after, &options.ladders, entities);
                        Some(Edit {
                            old: eo.clone(),
                            new: en.clone(),
                            class: c.class,
                            shift: c.shift,
                            editorial: c.editorial,
                        })
                    }
                    Segment::Equal { .. } => None,
                })
                .collect::<Vec<_>>();
            let mut edits = edits;
            mark_endorsers(&d.segments, &mut edits, &options.endorsers);
            (d.segments, edits)
        })
        .collect()
}

/// Every compound change region split into its parts ([`classify::split_compound`]).
fn split_compounds(segments: Vec<Segment>, ladders: &classify::Ladders) -> Vec<Segment> {
    let mut out = Vec::with_capacity(segments.len());
    for segment in segments {
        match &segment {
            Segment::Change { old, new } => match classify::split_compound(old, new, ladders) {
                Some(parts) => out.extend(
                    parts
                        .into_iter()
                        .filter(|(o, n)| !o.is_empty() || !n.is_empty())
                        .map(|(o, n)| Segment::Change { old: o.to_owned(), new: n.to_owned() }),
                ),
                None => out.push(segment),
            },
            Segment::Equal { .. } => out.push(segment),
        }
    }
    out
}

/// When the subject holding a commitment changed (成员国 → a named list of states), in the
/// first sentence or in any sentence of a paragraph whose sentences correspond one to one, the
/// first edit inside the subject is of class `endorsers`, with a direction when the scope
/// differs (成员国 → 有关成员国 is narrower).
fn mark_endorsers(segments: &[Segment], edits: &mut [Edit], rules: &EndorserRules) {
    let (old_text, new_text): (String, String) = segments
        .iter()
        .map(|s| match s {
            Segment::Equal { text } => (text.as_str(), text.as_str()),
            Segment::Change { old, new } => (old.as_str(), new.as_str()),
        })
        .fold((String::new(), String::new()), |(mut a, mut b), (o, n)| {
            a.push_str(o);
            b.push_str(n);
            (a, b)
        });
    let (old_starts, new_starts) = (sentence_starts(&old_text), sentence_starts(&new_text));
    let pairs = if old_starts.len() == new_starts.len() { old_starts.len() } else { 1 };
    for (&o, &n) in old_starts.iter().zip(&new_starts).take(pairs) {
        let (Some((old_subject, old_len)), Some((new_subject, new_len))) =
            (rules.subject(&old_text[o..]), rules.subject(&new_text[n..]))
        else {
            continue;
        };
        if old_subject == new_subject {
            continue;
        }
        let shift = match old_subject.scope().cmp(&new_subject.scope()) {
            std::cmp::Ordering::Equal => None,
            order => Some(classify::Shift {
                kind: "endorsers".to_owned(),
                ladder: "endorsers".to_owned(),
                from: old_subject.to_string(),
                to: new_subject.to_string(),
                direction: if order.is_gt() { classify::Direction::Narrower } else { classify::Direction::Wider },
                steps: 1,
            }),
        };
        if let Some(edit) =
            first_edit_within(segments, (o, o + old_len), (n, n + new_len)).and_then(|k| edits.get_mut(k))
        {
            edit.class = classify::ChangeClass::Endorsers;
            edit.shift = shift;
            edit.editorial = false;
        }
    }
}

/// Byte offsets where the sentences of `text` start (after 。 or ；).
fn sentence_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(text.match_indices(['。', '；']).map(|(at, s)| at + s.len()).filter(|&at| at < text.len()));
    starts
}

/// The index (among the changes) of the first change that touches the old range or the new
/// range.
fn first_edit_within(segments: &[Segment], old: (usize, usize), new: (usize, usize)) -> Option<usize> {
    let touches = |at: usize, len: usize, (start, end): (usize, usize)| {
        if len == 0 { start <= at && at < end } else { at < end && at + len > start }
    };
    let (mut old_at, mut new_at, mut change) = (0, 0, 0);
    for segment in segments {
        match segment {
            Segment::Equal { text } => {
                old_at += text.len();
                new_at += text.len();
            }
            Segment::Change { old: o, new: n } => {
                if touches(old_at, o.len(), old) || touches(new_at, n.len(), new) {
                    return Some(change);
                }
                old_at += o.len();
                new_at += n.len();
                change += 1;
            }
        }
    }
    None
}

/// The text of an equal segment, or nothing.
fn equal_text(segment: Option<&Segment>) -> &str {
    match segment {
        Some(Segment::Equal { text }) => text,
        _ => "",
    }
}
