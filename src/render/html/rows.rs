//! The aligned rows of the redline page: every change of the report and every unchanged pair,
//! in new-document order with deleted blocks at their old place (the order of `changes`).

use std::fmt::Write as _;

use super::escape;
use crate::align::LinkKind;
use crate::classify::Direction;
use crate::render::original::{Piece, change_pieces, piece_ends};
use crate::report::{Change, ChangeKind, Edit, Report};
use crate::segment::{BlockKind, Document};

/// One row of the page, rendered.
pub(super) struct Row {
    pub kind: RowKind,
    pub html: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RowKind {
    Change,
    Unchanged { old: usize, new: usize },
}

/// One entry of a redline in reading order: a change of the report, or an unchanged pair.
#[derive(Debug, Clone, Copy)]
pub(in crate::render) enum Entry<'r> {
    /// A change.
    Change(&'r Change),
    /// An identical (or, without `--all`, editorial) pair: old and new block indices.
    Unchanged { old: usize, new: usize },
}

/// Every change and every unchanged pair of the report, in reading order: new-document
/// order, deleted blocks at their old place. The HTML page and the Word redline share it.
pub(in crate::render) fn reading_order(report: &Report) -> Vec<Entry<'_>> {
    // (new position, 0 for linked / 1 for deleted, old position): the order `score` gives
    // `changes`; unchanged pairs take their place among them.
    let mut keyed: Vec<((usize, u8, usize), Entry)> = Vec::new();
    let mut new_of_old: Vec<(usize, usize)> = report.unchanged.iter().map(|&[o, n]| (o, n)).collect();
    for change in &report.changes {
        if let (Some(&o), Some(&n)) = (change.old.first(), change.new.last()) {
            new_of_old.push((o, n));
        }
    }
    new_of_old.sort_unstable();
    for change in &report.changes {
        let key = match (change.new.first(), change.old.first()) {
            (Some(&n), o) => (n, 0, o.copied().unwrap_or(usize::MAX)),
            (None, Some(&o)) => {
                let before = new_of_old.partition_point(|&(i, _)| i < o);
                (if before == 0 { 0 } else { new_of_old[before - 1].1 }, 1, o)
            }
            (None, None) => continue,
        };
        keyed.push((key, Entry::Change(change)));
    }
    for &[o, n] in &report.unchanged {
        keyed.push(((n, 0, o), Entry::Unchanged { old: o, new: n }));
    }
    keyed.sort_by_key(|(key, _)| *key);
    keyed.into_iter().map(|(_, entry)| entry).collect()
}

/// Every row, in reading order.
pub(super) fn rows(report: &Report, old: &Document, new: &Document) -> Vec<Row> {
    reading_order(report)
        .into_iter()
        .enumerate()
        .map(|(index, entry)| match entry {
            Entry::Change(change) => Row { kind: RowKind::Change, html: change_row(index, change, old, new) },
            Entry::Unchanged { old: o, new: n } => {
                Row { kind: RowKind::Unchanged { old: o, new: n }, html: unchanged_row(index, o, n, old, new) }
            }
        })
        .collect()
}

/// A block as written (the key is only for comparing).
fn block_text(doc: &Document, index: usize) -> &str {
    doc.blocks.get(index).map_or("", |b| b.text.as_str())
}

fn anchors(out: &mut String, old: &[usize], new: &[usize]) {
    for i in old {
        let _ = write!(out, "<a class=\"anchor\" id=\"o{i}\"></a>");
    }
    for j in new {
        let _ = write!(out, "<a class=\"anchor\" id=\"n{j}\"></a>");
    }
}

/// "¶4" or "¶4–5", as every output cites blocks.
fn place(ids: &[usize]) -> String {
    crate::render::cite(ids)
}

fn unchanged_row(index: usize, o: usize, n: usize, old: &Document, new: &Document) -> String {
    let (old_text, new_text) = (block_text(old, o), block_text(new, n));
    let block = new.blocks.get(n);
    let theme = block.map_or("", |b| b.theme.as_str());
    let paragraph = block.is_some_and(|b| b.kind == BlockKind::Paragraph);
    let (kind, label) = if old_text == new_text { ("identical", "identical") } else { ("editorial", "editorial") };
    let mut out = String::new();
    let _ = write!(
        out,
        "<article class=\"row same\" id=\"r{index}\" data-theme=\"{}\" data-kind=\"{kind}\" data-groups=\"{}\" data-classes=\"\" data-substantive=\"0\">",
        escape(theme),
        if paragraph { "unchanged" } else { "" }
    );
    anchors(&mut out, &[o], &[n]);
    let _ = write!(
        out,
        "<div class=\"label\"><span class=\"kind\">{label}</span> <span class=\"where\">old {} · new {}</span> <span class=\"theme\">{}</span></div>",
        place(&[o]),
        place(&[n]),
        escape(theme)
    );
    let _ = writeln!(
        out,
        "<div class=\"pair\"><div class=\"text old\" lang=\"zh-Hans\">{}</div><div class=\"text new\" lang=\"zh-Hans\">{}</div></div></article>",
        escape(old_text),
        escape(new_text)
    );
    out
}

fn change_row(index: usize, change: &Change, old: &Document, new: &Document) -> String {
    let kind = change.kind.as_str();
    let paragraph = change.block == BlockKind::Paragraph;
    let mut groups: Vec<&str> = Vec::new();
    if paragraph {
        match change.kind {
            ChangeKind::Added => groups.push("added"),
            ChangeKind::Deleted => groups.push("removed"),
            ChangeKind::Link(link) => {
                let text_changed =
                    matches!(link, LinkKind::Reworded | LinkKind::MovedReworded | LinkKind::Split | LinkKind::Merge);
                if text_changed && !change.editorial {
                    groups.push("reworded");
                }
                if change.editorial {
                    groups.push("unchanged");
                }
                if matches!(link, LinkKind::Moved | LinkKind::MovedReworded) && change.from_theme.is_some() {
                    groups.extend(["moved_in", "moved_out"]);
                }
                match link {
                    LinkKind::Split => groups.push("split"),
                    LinkKind::Merge => groups.push("merge"),
                    _ => {}
                }
            }
        }
        let shifts = || change.edits.iter().filter_map(|e| e.shift.as_ref());
        if shifts().any(|s| s.direction == Direction::Stronger) {
            groups.push("stronger");
        }
        if shifts().any(|s| s.direction == Direction::Weaker) {
            groups.push("weaker");
        }
    }
    let mut classes: Vec<&str> = change.edits.iter().map(|e| e.class.as_str()).collect();
    classes.sort_unstable();
    classes.dedup();
    let substantive = !change.editorial;
    let mut out = String::new();
    let _ = write!(
        out,
        "<article class=\"row change k-{kind}{}\" id=\"r{index}\" data-theme=\"{}\" data-from=\"{}\" data-kind=\"{kind}\" data-groups=\"{}\" data-classes=\"{}\" data-substantive=\"{}\">",
        if substantive { " substantive" } else { " editorial" },
        escape(&change.theme),
        escape(change.from_theme.as_deref().unwrap_or(&change.theme)),
        groups.join(" "),
        classes.join(" "),
        u8::from(substantive)
    );
    anchors(&mut out, &change.old, &change.new);
    label(&mut out, change);
    let (old_breaks, new_breaks) = (piece_ends(old, &change.old), piece_ends(new, &change.new));
    let pieces = change_pieces(change, old, new);
    let _ = writeln!(
        out,
        "<div class=\"pair\"><div class=\"text old{}\" lang=\"zh-Hans\">{}</div><div class=\"text new{}\" lang=\"zh-Hans\">{}</div></div></article>",
        if change.old.is_empty() { " gap" } else { "" },
        side(&pieces, &change.edits, Side::Old, &old_breaks),
        if change.new.is_empty() { " gap" } else { "" },
        side(&pieces, &change.edits, Side::New, &new_breaks),
    );
    out
}

fn label(out: &mut String, change: &Change) {
    let kind = change.kind.as_str().replace('_', " ");
    let _ = write!(out, "<div class=\"label\"><span class=\"kind\">{kind}</span>");
    let where_ = match (change.old.is_empty(), change.new.is_empty()) {
        (true, _) => format!("new {}", place(&change.new)),
        (_, true) => format!("old {}", place(&change.old)),
        _ => format!("old {} → new {}", place(&change.old), place(&change.new)),
    };
    let _ = write!(out, " <span class=\"where\">{where_}</span>");
    match &change.from_theme {
        Some(from) => {
            let _ = write!(out, " <span class=\"theme\">{} → {}</span>", escape(from), escape(&change.theme));
        }
        None => {
            let _ = write!(out, " <span class=\"theme\">{}</span>", escape(&change.theme));
        }
    }
    if let Some(similarity) = change.similarity {
        let _ = write!(out, " <span class=\"sim\" title=\"similarity\">{similarity:.2}</span>");
    }
    if change.editorial {
        out.push_str(" <span class=\"editorial-tag\">editorial</span>");
    }
    if matches!(change.kind, ChangeKind::Link(LinkKind::Moved | LinkKind::MovedReworded))
        && let Some(&from) = change.old.first()
    {
        // Where it came from: the row of the old block before it (the top for the first).
        let target = if from == 0 { "top".to_owned() } else { format!("o{}", from - 1) };
        let _ = write!(
            out,
            " <a class=\"moved-from\" href=\"#{target}\" title=\"where it stood in the old text\">moved from old {} ↗</a>",
            place(&[from])
        );
    }
    for shift in change.edits.iter().filter_map(|e| e.shift.as_ref()) {
        let (class, arrow, word) = match shift.direction {
            Direction::Stronger => ("stronger", "▲", "stronger"),
            Direction::Weaker => ("weaker", "▼", "weaker"),
            Direction::Narrower => ("narrower", "◂", "fewer endorsers"),
            Direction::Wider => ("wider", "▸", "more endorsers"),
        };
        let steps = if shift.steps == 1 { "step" } else { "steps" };
        let _ = write!(
            out,
            " <span class=\"shift {class}\">{arrow} {word}: {} → {} <small>({} ladder, {} {steps})</small></span>",
            escape(&shift.from),
            escape(&shift.to),
            escape(&shift.ladder),
            shift.steps
        );
    }
    out.push_str("</div>");
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Old,
    New,
}

/// One side's text with its changes marked (`<del>` on the old side, `<ins>` on the new), a
/// mark between the pieces of a split or merge at the byte offsets `breaks`.
fn side(pieces: &[Piece], edits: &[Edit], which: Side, breaks: &[usize]) -> String {
    let mut out = String::new();
    let mut offset = 0;
    let mut breaks = breaks.iter().copied().peekable();
    let mut change_index = 0;
    for piece in pieces {
        let text = if which == Side::Old { piece.old.as_str() } else { piece.new.as_str() };
        let mark = piece.changed.then(|| {
            change_index += 1;
            edits.get(change_index - 1)
        });
        if text.is_empty() {
            continue;
        }
        if let Some(edit) = mark {
            let tag = if which == Side::Old { "del" } else { "ins" };
            let mut class = edit.map_or("rewording".to_owned(), |e| e.class.as_str().to_owned());
            let mut title = class.replace('_', " ");
            if let Some(shift) = edit.and_then(|e| e.shift.as_ref()) {
                let direction = if shift.direction == Direction::Stronger { "stronger" } else { "weaker" };
                class.push_str(&format!(" shift-{direction}"));
                title = format!("commitment {direction}: {} → {} ({} ladder)", shift.from, shift.to, shift.ladder);
            }
            let _ = write!(out, "<{tag} class=\"{class}\" title=\"{}\">", escape(&title));
            push_with_breaks(&mut out, text, &mut offset, &mut breaks);
            let _ = write!(out, "</{tag}>");
        } else {
            push_with_breaks(&mut out, text, &mut offset, &mut breaks);
        }
    }
    out
}

fn push_with_breaks(
    out: &mut String,
    text: &str,
    offset: &mut usize,
    breaks: &mut std::iter::Peekable<impl Iterator<Item = usize>>,
) {
    let mut start = 0;
    while let Some(&at) = breaks.peek() {
        if at > *offset + text.len() || !text.is_char_boundary(at.saturating_sub(*offset).min(text.len())) {
            break;
        }
        let cut = at.saturating_sub(*offset).max(start);
        out.push_str(&escape(&text[start..cut]));
        out.push_str("<span class=\"piece-break\" title=\"next piece\">¶</span>");
        start = cut;
        breaks.next();
    }
    out.push_str(&escape(&text[start..]));
    *offset += text.len();
}
