//! What the lab's measurements print: `eval align`, `eval simulated`, `eval series` and
//! `eval themes`.

use serde::Serialize;

use super::{TableOptions, new_table, to_json};
use crate::lab::copies::CopyScores;
use crate::lab::eval::AlignScores;
use crate::lab::series_eval::SeriesScores;
use crate::lab::themes::{SectionScores, SetScores};

/// `eval align --format json` (and each item of `eval simulated --format json`).
#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct EvalJson<'a> {
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
    format!("{old} → {new} ({method})\n{}\n", super::fit::show(table, options.width, options.wide))
}

/// The scores as text.
pub fn series_eval_table(scores: &SeriesScores) -> String {
    let mut out = format!(
        "{} years, {} paragraphs\nlineage first year: {}/{} = {:.4}\nancestor in the year before: {}/{} = {:.4}\ncarried verbatim/edited/new: {}/{} = {:.4}\n",
        scores.years,
        scores.paragraphs,
        scores.first_year_correct,
        scores.paragraphs,
        scores.first_year_accuracy,
        scores.ancestor_correct,
        scores.ancestors,
        scores.ancestor_accuracy,
        scores.carried_correct,
        scores.paragraphs,
        scores.carried_accuracy,
    );
    for t in &scores.terms {
        let y = |v: Option<i32>| v.map_or("—".to_owned(), |v| v.to_string());
        out.push_str(&format!(
            "term {}: truth {}–{}, found {}–{}, every year {}\n",
            t.term,
            y(t.truth[0]),
            y(t.truth[1]),
            y(t.found[0]),
            y(t.found[1]),
            if t.exact { "exact" } else { "DIFFERS" }
        ));
    }
    out.push_str(&format!(
        "narrowed endorsements found: {}/{}\ntheme counts differing from the truth: {}\n",
        scores.endorsements[1], scores.endorsements[0], scores.theme_share_mismatches
    ));
    out
}

/// The scores as JSON.
pub fn series_eval_json(scores: &SeriesScores) -> String {
    to_json(scores)
}

/// `eval themes DOC --format json`.
#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct ThemesJson<'a> {
    document: &'a str,
    schema_version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    taxonomy: Option<&'a SectionScores>,
}

/// `eval themes DOC` as JSON: the taxonomy's classifier on the paragraphs of a document whose
/// sections map onto it, headings hidden (`taxonomy` is absent when none maps).
pub fn themes_json(document: &str, taxonomy: Option<&SectionScores>) -> String {
    to_json(&ThemesJson { schema_version: crate::SCHEMA_VERSION, document, taxonomy })
}

/// `eval themes DOC` as text.
pub fn themes_text(document: &str, taxonomy: Option<&SectionScores>) -> String {
    match taxonomy {
        Some(t) => format!(
            "{document}: themes by content, headings hidden, sections mapped onto the taxonomy ({} paragraphs, unsure counted wrong)\n  each paragraph alone: {:.4}\n  in order, smoothed: {:.4} (coverage {:.4})\n",
            t.paragraphs, t.alone, t.in_order, t.coverage
        ),
        None => format!("{document}: no titled section maps onto the taxonomy; nothing to measure\n"),
    }
}

/// `eval themes --set FILE --format json`.
#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct SetJson<'a> {
    schema_version: u32,
    #[serde(flatten)]
    scores: &'a SetScores,
}

/// `eval themes --set FILE` as JSON.
pub fn themes_set_json(scores: &SetScores) -> String {
    to_json(&SetJson { schema_version: crate::SCHEMA_VERSION, scores })
}

/// `eval themes --set FILE` as text; `verbose` adds the confusions and every paragraph missed.
pub fn themes_set_text(scores: &SetScores, verbose: bool) -> String {
    let mut out = format!(
        "{}: {} paragraphs, {}\naccuracy (unsure counted wrong): {:.4}\naccuracy of confident answers: {:.4}\ncoverage (not unsure, confidence >= {}): {:.4}\nbest guess right (unsure or not): {:.4}\nrecall per theme:\n",
        scores.set,
        scores.paragraphs,
        scores.method,
        scores.accuracy,
        scores.confident_accuracy,
        scores.unsure_below,
        scores.coverage,
        scores.best_guess_accuracy
    );
    for t in &scores.per_theme {
        out.push_str(&format!("  {:<13} {}  {}/{} = {:.4}\n", t.theme, t.name, t.correct, t.paragraphs, t.recall));
    }
    if verbose {
        out.push_str("confusions (labelled -> best guess):\n");
        for (truth, predicted, n) in &scores.confusions {
            out.push_str(&format!("  {truth} -> {predicted}: {n}\n"));
        }
        out.push_str("missed or unsure:\n");
        for m in &scores.misses {
            let unsure = if m.unsure { ", unsure" } else { "" };
            out.push_str(&format!(
                "  {} {} -> {} ({:.3}{unsure}) {}\n",
                m.id, m.truth, m.predicted, m.confidence, m.text
            ));
        }
    }
    out
}

/// `eval copies` as a table: a row per page, then the whole set.
pub fn copies_table(pages: &[CopyScores], total: &CopyScores, verbose: bool, options: TableOptions) -> String {
    let ratio = |a: usize, b: usize| if b == 0 { "—".to_owned() } else { format!("{:.4}", a as f64 / b as f64) };
    let mut table = new_table(
        options,
        &["page", "kept P", "kept R", "set aside P", "set aside R", "kinds", "same ¶", "identical links"],
    );
    for s in pages.iter().chain(std::iter::once(total)) {
        table.add_row(vec![
            s.page.clone(),
            ratio(s.kept_found, s.kept_ours),
            ratio(s.kept_found, s.kept_gold),
            ratio(s.aside_right, s.aside_ours),
            ratio(s.aside_found, s.aside_gold),
            ratio(s.kinds_right, s.kept_found),
            format!("{}/{}", s.same_paragraphs, s.pages),
            format!("{}/{}", s.identical_links, s.paragraphs),
        ]);
    }
    let mut out = format!("{}\n", super::fit::show(table, options.width, options.wide));
    if verbose {
        for s in pages.iter().filter(|s| !s.misses.is_empty()) {
            out.push_str(&format!("\n{}\n", s.page));
            for miss in &s.misses {
                out.push_str(&format!("  {miss}\n"));
            }
        }
    }
    out
}

/// `eval copies --format json`.
#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct CopiesJson<'a> {
    schema_version: u32,
    pages: &'a [CopyScores],
    total: &'a CopyScores,
}

/// `eval copies` as JSON.
pub fn copies_json(pages: &[CopyScores], total: &CopyScores) -> String {
    to_json(&CopiesJson { schema_version: crate::SCHEMA_VERSION, pages, total })
}

/// The scores of a commitment set, as lines of text.
pub fn commitments_text(scores: &crate::lab::commitments::CommitmentScores, verbose: bool) -> String {
    let mut out = format!(
        "recall (right kind and direction): {}/{} = {:.4}\nprecision: {}/{} = {:.4}\ntraps reported as commitment changes: {}/{}\n",
        scores.found_right,
        scores.gold,
        scores.recall,
        scores.reported_right,
        scores.reported,
        scores.precision,
        scores.traps_reported,
        scores.traps
    );
    if verbose {
        for miss in &scores.missed {
            out.push_str(&format!("  missed: {}\n", super::terminal_safe(miss)));
        }
        for wrong in &scores.wrong {
            out.push_str(&format!("  wrong: {}\n", super::terminal_safe(wrong)));
        }
    }
    out
}

/// `eval commitments --format json`.
#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct CommitmentsJson<'a> {
    schema_version: u32,
    scores: &'a crate::lab::commitments::CommitmentScores,
}

/// The scores of a commitment set, as JSON.
pub fn commitments_json(scores: &crate::lab::commitments::CommitmentScores) -> String {
    to_json(&CommitmentsJson { schema_version: crate::SCHEMA_VERSION, scores })
}
