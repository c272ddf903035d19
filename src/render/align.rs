//! `align` and `eval align` output.

use serde::Serialize;

use super::{TableOptions, new_table, to_json};
use crate::align::{Alignment, Provenance};
use crate::segment::Document;

/// `align --format json`.
#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct AlignJson<'a> {
    schema_version: u32,
    #[serde(flatten)]
    alignment: &'a Alignment,
    provenance: &'a Provenance,
}

/// `align` as JSON (docs/json-format.md).
pub fn align_json(alignment: &Alignment, provenance: &Provenance) -> String {
    to_json(&AlignJson { schema_version: crate::SCHEMA_VERSION, alignment, provenance })
}

/// The start of a block's text, for tables.
fn excerpt(text: &str, chars: usize) -> String {
    let mut out: String = text.chars().take(chars).collect();
    if text.chars().count() > chars {
        out.push('…');
    }
    out
}

/// `align` as a table: one row per link, deleted and added block, in new-document order with
/// deleted blocks at their old place.
pub fn align_table(alignment: &Alignment, old: &Document, new: &Document, options: TableOptions) -> String {
    let indices = |ids: &[usize]| super::cite(ids);
    let text = |doc: &Document, ids: &[usize]| {
        excerpt(&ids.iter().map(|&i| doc.blocks[i].text.as_str()).collect::<Vec<_>>().join(" ¶ "), 24)
    };
    // Sort key: (new position, 0 = link/added, 1 = deleted, old position).
    let mut rows: Vec<((usize, u8, usize), Vec<String>)> = Vec::new();
    for link in &alignment.links {
        rows.push((
            (link.new[0], 0, link.old[0]),
            vec![
                indices(&link.old),
                indices(&link.new),
                link.kind.as_str().to_owned(),
                format!("{:.2}", link.similarity),
                text(old, &link.old),
                text(new, &link.new),
            ],
        ));
    }
    for &j in &alignment.added {
        rows.push((
            (j, 0, usize::MAX),
            vec![String::new(), indices(&[j]), "added".to_owned(), String::new(), String::new(), text(new, &[j])],
        ));
    }
    for (&i, anchor) in alignment.deleted.iter().zip(alignment.deleted_anchors()) {
        rows.push((
            (anchor, 1, i),
            vec![indices(&[i]), String::new(), "deleted".to_owned(), String::new(), text(old, &[i]), String::new()],
        ));
    }
    rows.sort_by_key(|row| row.0);
    let mut table = new_table(options, &["old", "new", "kind", "sim", "old text", "new text"]);
    for (_, row) in rows {
        table.add_row(row);
    }
    let mut counts = std::collections::BTreeMap::new();
    for link in &alignment.links {
        *counts.entry(link.kind.as_str()).or_insert(0usize) += 1;
    }
    let mut summary: Vec<String> = counts.into_iter().map(|(k, n)| format!("{n} {k}")).collect();
    summary.push(format!("{} deleted", alignment.deleted.len()));
    summary.push(format!("{} added", alignment.added.len()));
    format!(
        "{} → {}\n{}\n{}\n",
        alignment.old,
        alignment.new,
        super::fit::show(table, options.width, options.wide),
        summary.join(", ")
    )
}
