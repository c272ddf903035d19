//! Reading saved copies, measured: pages with hand gold (tests/data/copies/) read as a user
//! would, and scored line by line (kept as declaration or set aside), block kind by block
//! kind, and paragraph by paragraph against the clean text they wrap.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::align::LinkKind;
use crate::error::{Error, Result};
use crate::normalize;
use crate::segment::{BlockKind, Document, ReadOptions};

/// A page's gold (tests/data/copies/README.md).
#[derive(Debug, Clone, Deserialize)]
pub struct PageGold {
    /// The page, relative to the set's folder.
    pub page: String,
    /// Which clean text it wraps: `sco-2020` or `rev1`.
    pub base: String,
    /// The declaration's blocks.
    pub kept: Vec<GoldKept>,
    /// Everything else.
    pub dropped: Vec<GoldDropped>,
}

/// A block of the declaration.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldKept {
    /// Its kind.
    pub kind: String,
    /// Its text (the clean base line for paragraphs and unnumbered headings).
    pub text: String,
    /// Its form on the page, where it differs.
    #[serde(default)]
    pub on_page: Option<String>,
}

/// A line that is not the declaration.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDropped {
    /// Its text.
    pub text: String,
    /// Why.
    pub reason: String,
    /// Its form on the page, where it differs.
    #[serde(default)]
    pub on_page: Option<String>,
}

/// The scores of one page, or of a set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct CopyScores {
    /// The page (or `all`).
    pub page: String,
    /// Gold declaration blocks, found among ours.
    pub kept_found: usize,
    /// Gold declaration blocks.
    pub kept_gold: usize,
    /// Our declaration blocks.
    pub kept_ours: usize,
    /// Gold set-aside lines, found among ours.
    pub aside_found: usize,
    /// Our set-aside lines that hold a gold set-aside line.
    pub aside_right: usize,
    /// Gold set-aside lines.
    pub aside_gold: usize,
    /// Our set-aside lines.
    pub aside_ours: usize,
    /// Found declaration blocks of the right kind.
    pub kinds_right: usize,
    /// Gold paragraphs.
    pub paragraphs: usize,
    /// Pages (or 1) whose paragraphs equal the clean text's, in order.
    pub same_paragraphs: usize,
    /// Clean paragraphs the aligner links as identical.
    pub identical_links: usize,
    /// Pages scored.
    pub pages: usize,
    /// Gold blocks not found and our blocks not in the gold, for reading (page runs only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub misses: Vec<String>,
}

impl CopyScores {
    fn add(&mut self, other: &CopyScores) {
        self.kept_found += other.kept_found;
        self.kept_gold += other.kept_gold;
        self.kept_ours += other.kept_ours;
        self.aside_found += other.aside_found;
        self.aside_right += other.aside_right;
        self.aside_gold += other.aside_gold;
        self.aside_ours += other.aside_ours;
        self.kinds_right += other.kinds_right;
        self.paragraphs += other.paragraphs;
        self.same_paragraphs += other.same_paragraphs;
        self.identical_links += other.identical_links;
        self.pages += other.pages;
    }
}

/// Scores every page with a gold file in `dir` against the clean texts (`bases`: name → text).
/// Returns each page's scores, then their sum.
///
/// # Errors
/// A gold file or page that cannot be read; a gold naming an unknown base.
pub fn score_dir(dir: &Path, bases: &[(&str, &Document)]) -> Result<(Vec<CopyScores>, CopyScores)> {
    let mut golds: Vec<PathBuf> = crate::files::list_dir(dir)?;
    golds.retain(|p| p.to_string_lossy().ends_with(".gold.json"));
    let mut pages = Vec::new();
    let mut total = CopyScores { page: "all".to_owned(), ..CopyScores::default() };
    for gold_path in golds {
        let text = crate::files::read_text(&gold_path)?;
        let gold: PageGold = serde_json::from_str(&text).map_err(|e| Error::Data {
            path: gold_path.clone(),
            what: e.to_string(),
            hint: None,
        })?;
        let page_path = dir.join(Path::new(&gold.page).file_name().unwrap_or_default());
        let bytes = crate::files::read_input(&page_path)?;
        let document = Document::from_bytes(&page_path, &bytes, ReadOptions::default())?;
        let base = bases.iter().find(|(name, _)| *name == gold.base).map(|(_, doc)| *doc).ok_or_else(|| {
            Error::Data { path: gold_path.clone(), what: format!("unknown base `{}`", gold.base), hint: None }
        })?;
        let scores = score_page(&gold, &document, base);
        total.add(&scores);
        pages.push(scores);
    }
    Ok((pages, total))
}

/// The comparison key a gold block's text should have.
fn gold_key(kind: &str, text: &str) -> String {
    let key = normalize::comparison_key(text);
    match kind {
        "paragraph" | "heading" => normalize::split_numbering(&key).1.to_owned(),
        _ => key,
    }
}

fn same_line(ours: &str, gold: &GoldDropped) -> bool {
    let squeeze = |s: &str| s.chars().filter(|c| !normalize::is_space(*c)).collect::<String>();
    let ours = squeeze(ours);
    [Some(&gold.text), gold.on_page.as_ref()].into_iter().flatten().any(|g| {
        let g = squeeze(g);
        !g.is_empty() && (ours == g || ours.contains(&g) || g.contains(&ours))
    })
}

/// Scores one page read as `document` against its gold and the clean `base`.
pub fn score_page(gold: &PageGold, document: &Document, base: &Document) -> CopyScores {
    let mut scores = CopyScores { page: gold.page.clone(), pages: 1, ..CopyScores::default() };
    scores.kept_gold = gold.kept.len();
    scores.kept_ours = document.blocks.len();
    let mut next = 0;
    let mut matched = vec![false; document.blocks.len()];
    for g in &gold.kept {
        let keys: Vec<String> =
            [Some(&g.text), g.on_page.as_ref()].into_iter().flatten().map(|t| gold_key(&g.kind, t)).collect();
        let found = (next..document.blocks.len().min(next + 8)).find(|&b| {
            let block = &document.blocks[b];
            let own = normalize::comparison_key(&block.text);
            keys.iter().any(|k| *k == block.key || *k == own)
        });
        match found {
            Some(b) => {
                scores.kept_found += 1;
                matched[b] = true;
                scores.kinds_right += usize::from(document.blocks[b].kind.as_str() == g.kind);
                if document.blocks[b].kind.as_str() != g.kind {
                    scores.misses.push(format!(
                        "kind {} for {} `{}`",
                        document.blocks[b].kind.as_str(),
                        g.kind,
                        g.text
                    ));
                }
                next = b + 1;
            }
            None => scores.misses.push(format!("missing {} `{}`", g.kind, g.text)),
        }
    }
    for (b, block) in document.blocks.iter().enumerate().filter(|(b, _)| !matched[*b]) {
        scores.misses.push(format!("extra {} #{b} `{}`", block.kind.as_str(), block.text));
    }
    scores.aside_gold = gold.dropped.len();
    scores.aside_ours = document.set_aside.len();
    // In order; several gold lines may share one of ours (table cells the page puts on one
    // line).
    let mut from = 0;
    let mut right = vec![false; document.set_aside.len()];
    for g in &gold.dropped {
        match (from..document.set_aside.len()).find(|&k| same_line(&document.set_aside[k].text, g)) {
            Some(k) => {
                from = k;
                right[k] = true;
                scores.aside_found += 1;
                // The rest of a gold line we cut in pieces (a lead's dateline, flattened text).
                let mut next = k + 1;
                while next < document.set_aside.len() && same_line(&document.set_aside[next].text, g) {
                    right[next] = true;
                    next += 1;
                }
            }
            None => scores.misses.push(format!("not set aside ({}) `{}`", g.reason, g.text)),
        }
    }
    scores.aside_right = right.iter().filter(|r| **r).count();
    for (k, _) in right.iter().enumerate().filter(|(_, r)| !**r) {
        scores.misses.push(format!("set aside, not in the gold: `{}`", document.set_aside[k].text));
    }
    let paragraphs = |doc: &Document| -> Vec<String> { doc.iter_paragraphs().map(|b| b.key.clone()).collect() };
    let clean = paragraphs(base);
    scores.paragraphs = clean.len();
    scores.same_paragraphs = usize::from(paragraphs(document) == clean);
    let alignment = crate::align::align(base, document, crate::tokenize::Tokenizer::shared(), &Default::default());
    scores.identical_links = alignment
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::Identical && base.blocks[l.old[0]].kind == BlockKind::Paragraph)
        .count();
    scores
}
