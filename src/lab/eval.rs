//! Measuring an alignment against a gold one: link precision, recall and F1 over
//! (old, new) index pairs, recall per gold kind, and F1 of the deleted and added sets.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::align::{Alignment, LinkKind};
use crate::error::{Error, Result};
use crate::round4;

/// A gold alignment: the JSON shape of `decldiff align --format json` (similarity optional).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Gold {
    /// The old document's name (informative).
    #[serde(default)]
    pub old: String,
    /// The new document's name (informative).
    #[serde(default)]
    pub new: String,
    /// The true links.
    pub links: Vec<GoldLink>,
    /// Old blocks truly deleted.
    #[serde(default)]
    pub deleted: Vec<usize>,
    /// New blocks truly added.
    #[serde(default)]
    pub added: Vec<usize>,
}

/// One true link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GoldLink {
    /// Old block indices.
    pub old: Vec<usize>,
    /// New block indices.
    pub new: Vec<usize>,
    /// The true kind.
    pub kind: LinkKind,
    /// Ignored; allowed so that an alignment's JSON is a valid gold file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
}

impl Gold {
    /// Reads a gold file and checks it against the documents' block counts: every block in
    /// exactly one link or in deleted/added.
    ///
    /// # Errors
    /// [`Error::Io`], or [`Error::Data`] naming the file and the
    /// problem.
    pub fn read(path: &Path, old_blocks: usize, new_blocks: usize) -> Result<Gold> {
        let text = crate::files::read_text(path)?;
        let gold: Gold = serde_json::from_str(&text).map_err(|e| Error::Data {
            path: path.to_owned(),
            what: format!("line {}: column {}: {e}", e.line(), e.column()),
            hint: Some("a gold file has the shape of `decldiff align --format json` (docs/json-format.md)".to_owned()),
        })?;
        gold.validate(old_blocks, new_blocks).map_err(|what| Error::Data {
            path: path.to_owned(),
            what,
            hint: None,
        })?;
        Ok(gold)
    }

    /// Checks that every block of each side is accounted for exactly once.
    ///
    /// # Errors
    /// A description of the first block that is missing, repeated or out of range.
    pub fn validate(&self, old_blocks: usize, new_blocks: usize) -> std::result::Result<(), String> {
        let check = |side: &str, count: usize, indices: Vec<usize>| -> std::result::Result<(), String> {
            let mut seen = vec![false; count];
            for i in indices {
                let slot = seen
                    .get_mut(i)
                    .ok_or_else(|| format!("{side} block {i} is out of range (the document has {count} blocks)"))?;
                if *slot {
                    return Err(format!("{side} block {i} appears twice"));
                }
                *slot = true;
            }
            match seen.iter().position(|s| !s) {
                Some(i) => Err(format!(
                    "{side} block {i} is in no link and not in {}",
                    if side == "old" { "deleted" } else { "added" }
                )),
                None => Ok(()),
            }
        };
        check(
            "old",
            old_blocks,
            self.links.iter().flat_map(|l| l.old.iter().copied()).chain(self.deleted.iter().copied()).collect(),
        )?;
        check(
            "new",
            new_blocks,
            self.links.iter().flat_map(|l| l.new.iter().copied()).chain(self.added.iter().copied()).collect(),
        )
    }
}

impl From<&Alignment> for Gold {
    fn from(a: &Alignment) -> Gold {
        Gold {
            old: a.old.clone(),
            new: a.new.clone(),
            links: a
                .links
                .iter()
                .map(|l| GoldLink { old: l.old.clone(), new: l.new.clone(), kind: l.kind, similarity: None })
                .collect(),
            deleted: a.deleted.clone(),
            added: a.added.clone(),
        }
    }
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Prf {
    /// Found and true / found.
    pub precision: f64,
    /// Found and true / true.
    pub recall: f64,
    /// Harmonic mean.
    pub f1: f64,
    /// How many are true.
    pub gold: usize,
    /// How many were found.
    pub found: usize,
    /// How many found are true.
    pub hits: usize,
}

impl Prf {
    fn of<T: Ord>(found: &BTreeSet<T>, gold: &BTreeSet<T>) -> Prf {
        let hit_count = found.intersection(gold).count();
        Prf::from_counts(hit_count, found.len(), gold.len())
    }

    fn from_counts(hit_count: usize, found: usize, gold: usize) -> Prf {
        let hits = hit_count as f64;
        // Nothing to find and nothing found is perfect, not undefined.
        let precision = if found == 0 { 1.0 } else { hits / found as f64 };
        let recall = if gold == 0 { 1.0 } else { hits / gold as f64 };
        let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
        Prf { precision: round4(precision), recall: round4(recall), f1: round4(f1), gold, found, hits: hit_count }
    }
}

/// Recall of the pairs of gold links of one kind.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct KindRecall {
    /// The gold kind.
    pub kind: LinkKind,
    /// Gold links of that kind.
    pub links: usize,
    /// Their (old, new) pairs.
    pub pairs: usize,
    /// Of which found.
    pub found: usize,
    /// found / pairs.
    pub recall: f64,
    /// Gold links of that kind found whole (all their pairs, and nothing else) with the
    /// same kind.
    pub exact: usize,
}

/// The scores of one alignment against its gold.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct AlignScores {
    /// Over (old, new) index pairs.
    pub links: Prf,
    /// Per gold kind.
    pub kinds: Vec<KindRecall>,
    /// Deleted old blocks.
    pub deleted: Prf,
    /// Added new blocks.
    pub added: Prf,
}

fn pairs_of<'a>(links: impl IntoIterator<Item = (&'a [usize], &'a [usize])>) -> BTreeSet<(usize, usize)> {
    links.into_iter().flat_map(|(old, new)| old.iter().flat_map(move |&i| new.iter().map(move |&j| (i, j)))).collect()
}

/// Scores `found` against `gold`.
pub fn score(found: &Alignment, gold: &Gold) -> AlignScores {
    let found_pairs = pairs_of(found.links.iter().map(|l| (l.old.as_slice(), l.new.as_slice())));
    let gold_pairs = pairs_of(gold.links.iter().map(|l| (l.old.as_slice(), l.new.as_slice())));
    let kinds = LinkKind::ALL
        .iter()
        .filter_map(|&kind| {
            let links: Vec<_> = gold.links.iter().filter(|l| l.kind == kind).collect();
            if links.is_empty() {
                return None;
            }
            let pairs = pairs_of(links.iter().map(|l| (l.old.as_slice(), l.new.as_slice())));
            let hit = pairs.intersection(&found_pairs).count();
            let exact = links
                .iter()
                .filter(|g| found.links.iter().any(|f| f.old == g.old && f.new == g.new && f.kind == g.kind))
                .count();
            Some(KindRecall {
                kind,
                links: links.len(),
                pairs: pairs.len(),
                found: hit,
                recall: round4(hit as f64 / pairs.len() as f64),
                exact,
            })
        })
        .collect();
    AlignScores {
        links: Prf::of(&found_pairs, &gold_pairs),
        kinds,
        deleted: Prf::of(&found.deleted.iter().copied().collect(), &gold.deleted.iter().copied().collect()),
        added: Prf::of(&found.added.iter().copied().collect(), &gold.added.iter().copied().collect()),
    }
}

/// Micro-averages scores of several pairs: counts are summed, then the ratios recomputed.
pub fn combine(all: &[AlignScores]) -> AlignScores {
    let sum = |get: &dyn Fn(&AlignScores) -> &Prf| {
        let (hits, found, gold) =
            all.iter().map(get).fold((0, 0, 0), |acc, p| (acc.0 + p.hits, acc.1 + p.found, acc.2 + p.gold));
        Prf::from_counts(hits, found, gold)
    };
    let kinds = LinkKind::ALL
        .iter()
        .filter_map(|&kind| {
            let of_kind: Vec<&KindRecall> =
                all.iter().flat_map(|s| s.kinds.iter()).filter(|k| k.kind == kind).collect();
            if of_kind.is_empty() {
                return None;
            }
            let (links, pairs, found, exact) = of_kind
                .iter()
                .fold((0, 0, 0, 0), |acc, k| (acc.0 + k.links, acc.1 + k.pairs, acc.2 + k.found, acc.3 + k.exact));
            Some(KindRecall { kind, links, pairs, found, recall: round4(found as f64 / pairs.max(1) as f64), exact })
        })
        .collect();
    AlignScores { links: sum(&|s| &s.links), kinds, deleted: sum(&|s| &s.deleted), added: sum(&|s| &s.added) }
}

/// The method `eval` names in its output for the naive baseline.
pub const BASELINE_METHOD: &str = "baseline: greedy difflib ratio ≥ 0.5";

/// What [`align_against_gold`] measured.
#[derive(Debug, Clone)]
pub struct GoldRun {
    /// The old document's name.
    pub old: String,
    /// The new document's name.
    pub new: String,
    /// `decldiff` or the baseline's description.
    pub method: &'static str,
    /// The scores.
    pub scores: AlignScores,
}

/// Aligns `old` with `new` (ids or paths, read as written: no themes by content) with
/// decldiff or, with `baseline`, the naive greedy aligner, and scores it against the gold
/// file.
///
/// # Errors
/// Reading either document; a gold file that does not read or does not fit them.
pub fn align_against_gold(
    session: &crate::session::Session,
    gold: &Path,
    old: &str,
    new: &str,
    baseline: bool,
) -> Result<GoldRun> {
    let (old, new) = (session.load_unthemed(old)?.document, session.load_unthemed(new)?.document);
    let gold = Gold::read(gold, old.blocks.len(), new.blocks.len())?;
    let tokenizer = crate::tokenize::Tokenizer::shared();
    let (alignment, method) = if baseline {
        (crate::align::baseline::align_greedy(&old, &new, tokenizer), BASELINE_METHOD)
    } else {
        (session.align(&old, &new), "decldiff")
    };
    Ok(GoldRun { old: old.name, new: new.name, method, scores: score(&alignment, &gold) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Link;

    #[test]
    fn scores_pairs_kinds_and_sets() {
        let found = Alignment {
            old: "a".into(),
            new: "b".into(),
            links: vec![
                Link { old: vec![0], new: vec![0], kind: LinkKind::Identical, similarity: 1.0 },
                Link { old: vec![1], new: vec![1], kind: LinkKind::Reworded, similarity: 0.7 },
            ],
            deleted: vec![2],
            added: vec![2],
            theme_map: Default::default(),
        };
        let gold = Gold {
            old: "a".into(),
            new: "b".into(),
            links: vec![
                GoldLink { old: vec![0], new: vec![0], kind: LinkKind::Identical, similarity: None },
                GoldLink { old: vec![1], new: vec![1, 2], kind: LinkKind::Split, similarity: None },
            ],
            deleted: vec![2],
            added: vec![],
        };
        assert!(gold.validate(3, 3).is_ok());
        let s = score(&found, &gold);
        assert_eq!((s.links.precision, s.links.recall), (1.0, 0.6667));
        assert_eq!(s.kinds[1].kind, LinkKind::Split);
        assert_eq!((s.kinds[1].recall, s.kinds[1].exact), (0.5, 0));
        assert_eq!(s.deleted.f1, 1.0);
        assert_eq!((s.added.precision, s.added.recall), (0.0, 1.0));
    }

    #[test]
    fn validation_names_the_block() {
        let gold = Gold { old: String::new(), new: String::new(), links: vec![], deleted: vec![0, 0], added: vec![] };
        assert_eq!(gold.validate(1, 0).unwrap_err(), "old block 0 appears twice");
        let gold = Gold { old: String::new(), new: String::new(), links: vec![], deleted: vec![], added: vec![5] };
        assert_eq!(gold.validate(0, 1).unwrap_err(), "new block 5 is out of range (the document has 1 blocks)");
    }
}
