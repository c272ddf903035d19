//! `align` and `eval align` output.

use serde::Serialize;

use super::{TableOptions, new_table, to_json};
use crate::align::{AlignOptions, Alignment};
use crate::eval::AlignScores;
use crate::segment::Document;

/// How an alignment was made, stated in its JSON so that it can be cited and re-run.
#[derive(Debug, Clone, Serialize)]
pub struct Provenance {
    /// `SEGMENTER_VERSION`.
    pub segmenter: &'static str,
    /// The tokenizer's dictionary hash.
    pub dictionary: String,
    /// The aligner's options.
    pub options: OptionsJson,
}

/// [`AlignOptions`] as JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionsJson {
    link_threshold: f32,
    context_threshold: f32,
    strong_neighbour: f32,
    distinctive_share: f32,
    formula_guard_below: f32,
    piece_containment: f32,
    closing_threshold: f32,
}

impl From<&AlignOptions> for OptionsJson {
    fn from(o: &AlignOptions) -> Self {
        OptionsJson {
            link_threshold: o.link_threshold,
            context_threshold: o.context_threshold,
            strong_neighbour: o.strong_neighbour,
            distinctive_share: o.distinctive_share,
            formula_guard_below: o.formula_guard_below,
            piece_containment: o.piece_containment,
            closing_threshold: o.closing_threshold,
        }
    }
}

#[derive(Serialize)]
struct AlignJson<'a> {
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
    let indices = |ids: &[usize]| ids.iter().map(usize::to_string).collect::<Vec<_>>().join("+");
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
            vec![String::new(), j.to_string(), "added".to_owned(), String::new(), String::new(), text(new, &[j])],
        ));
    }
    for (&i, anchor) in alignment.deleted.iter().zip(alignment.deleted_anchors()) {
        rows.push((
            (anchor, 1, i),
            vec![i.to_string(), String::new(), "deleted".to_owned(), String::new(), text(old, &[i]), String::new()],
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
    format!("{} → {}\n{table}\n{}\n", alignment.old, alignment.new, summary.join(", "))
}

#[derive(Serialize)]
struct EvalJson<'a> {
    schema_version: u32,
    old: &'a str,
    new: &'a str,
    method: &'a str,
    #[serde(flatten)]
    scores: &'a AlignScores,
}

/// `eval align` as JSON.
pub fn eval_json(scores: &AlignScores, old: &str, new: &str, method: &str) -> String {
    to_json(&EvalJson { schema_version: crate::SCHEMA_VERSION, old, new, method, scores })
}

/// `eval align` as a table.
pub fn eval_table(scores: &AlignScores, old: &str, new: &str, method: &str, options: TableOptions) -> String {
    let mut table = new_table(options, &["measure", "precision", "recall", "F1", "gold", "found"]);
    for (name, prf) in [("links (pairs)", &scores.links), ("deleted", &scores.deleted), ("added", &scores.added)] {
        table.add_row(vec![
            name.to_owned(),
            format!("{:.4}", prf.precision),
            format!("{:.4}", prf.recall),
            format!("{:.4}", prf.f1),
            prf.gold.to_string(),
            prf.found.to_string(),
        ]);
    }
    for kind in &scores.kinds {
        table.add_row(vec![
            format!("recall: {}", kind.kind.as_str()),
            String::new(),
            format!("{:.4}", kind.recall),
            String::new(),
            format!("{} links, {} pairs", kind.links, kind.pairs),
            format!("{} pairs, {} exact", kind.found, kind.exact),
        ]);
    }
    format!("{old} → {new} ({method})\n{table}\n")
}
