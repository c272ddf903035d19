//! The naive baseline the aligner is measured against: what an analyst writes with difflib
//! (shared/peers/py_baseline.py). Identical paragraphs first, then greedy best-first pairing
//! by the token-sequence ratio 2·M/T at or above 0.5, then an order pass. No splits, merges,
//! formula weighting or context.

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::{Alignment, Link, LinkKind, classify};
use crate::segment::Document;
use crate::tokenize::Tokenizer;

/// The peer's default threshold.
pub const BASELINE_THRESHOLD: f32 = 0.5;

/// Aligns greedily, as the baseline does.
pub fn align_greedy(old: &Document, new: &Document, tokenizer: &Tokenizer) -> Alignment {
    let (old_tokens, new_tokens) = (block_tokens(old, tokenizer), block_tokens(new, tokenizer));
    let mut old_used = vec![false; old.blocks.len()];
    let mut new_used = vec![false; new.blocks.len()];
    let mut links = Vec::new();
    // Identical first, in order of appearance.
    for (i, block) in old.blocks.iter().enumerate() {
        if let Some(j) = new.blocks.iter().position(|b| !new_used[b.index] && b.key == block.key) {
            old_used[i] = true;
            new_used[j] = true;
            links.push(Link { old: vec![i], new: vec![j], kind: LinkKind::Identical, similarity: 1.0 });
        }
    }
    let mut candidates = Vec::new();
    for i in (0..old.blocks.len()).filter(|&i| !old_used[i]) {
        for j in (0..new.blocks.len()).filter(|&j| !new_used[j]) {
            let ratio = ratio(&old_tokens[i], &new_tokens[j]);
            if ratio >= BASELINE_THRESHOLD {
                candidates.push((ratio, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (ratio, i, j) in candidates {
        if !old_used[i] && !new_used[j] {
            old_used[i] = true;
            new_used[j] = true;
            links.push(Link { old: vec![i], new: vec![j], kind: LinkKind::Reworded, similarity: f64::from(ratio) });
        }
    }
    let theme_map = classify(old, new, &mut links);
    links.sort_by_key(|l| (l.new[0], l.old[0]));
    Alignment {
        old: old.name.clone(),
        new: new.name.clone(),
        links,
        deleted: (0..old.blocks.len()).filter(|&i| !old_used[i]).collect(),
        added: (0..new.blocks.len()).filter(|&j| !new_used[j]).collect(),
        theme_map,
    }
}

fn block_tokens<'a>(doc: &'a Document, tokenizer: &Tokenizer) -> Vec<Vec<&'a str>> {
    doc.blocks.iter().map(|b| b.token_texts(tokenizer).collect()).collect()
}

/// difflib's ratio: 2·M / T, M the tokens in matching runs, T the tokens of both.
fn ratio(old: &[&str], new: &[&str]) -> f32 {
    let total = old.len() + new.len();
    if total == 0 {
        return 1.0;
    }
    let matched: usize = capture_diff_slices(Algorithm::Myers, old, new)
        .iter()
        .map(|op| if let DiffOp::Equal { len, .. } = op { *len } else { 0 })
        .sum();
    2.0 * matched as f32 / total as f32
}
