//! Splits and merges: runs of two or three consecutive blocks mostly contained in one block
//! of the other side, taken when together they match it better than one piece alone.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap as HashMap;

use super::formulas::{Facts, different_content, share_a_name, status_parts};
use super::similarity::Features;
use super::{Aligner, Link, LinkKind, Side, Similarities};
use crate::segment::BlockKind;

impl Aligner<'_> {
    /// Turns runs of consecutive blocks contained in one block of the other side into splits
    /// and merges.
    pub(super) fn form_groups(&self, links: &mut Vec<Link>, sims: &Similarities) {
        let old_partner: HashMap<usize, (usize, f32)> =
            links.iter().map(|l| (l.old[0], (l.new[0], l.similarity as f32))).collect();
        let new_partner: HashMap<usize, (usize, f32)> =
            links.iter().map(|l| (l.new[0], (l.old[0], l.similarity as f32))).collect();
        let old_side =
            Side { doc: self.old, features: self.features, facts: self.old_facts, is_old: true, partner: &old_partner };
        let new_side = Side {
            doc: self.new,
            features: self.features,
            facts: self.new_facts,
            is_old: false,
            partner: &new_partner,
        };
        let mut candidates: Vec<(f32, bool, usize, Vec<usize>)> = Vec::new(); // (similarity, is_split, whole, pieces)
        // Splits: one old block, pieces on the new side.
        for (i, row) in sims.rows.iter().enumerate() {
            if let Some((s, run)) = self.best_group(i, &old_side, row.iter().map(|&(j, _)| j), &new_side) {
                candidates.push((s, true, i, run));
            }
        }
        // Merges: one new block, pieces on the old side.
        let mut columns: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, row) in sims.rows.iter().enumerate() {
            for &(j, _) in row {
                columns.entry(j).or_default().push(i);
            }
        }
        for (j, column) in columns {
            if let Some((s, run)) = self.best_group(j, &new_side, column.into_iter(), &old_side) {
                candidates.push((s, false, j, run));
            }
        }
        // Best groups first; a block joins at most one group.
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)));
        let mut used_old = BTreeSet::new();
        let mut used_new = BTreeSet::new();
        for (s, is_split, whole, run) in candidates {
            let (old_side, new_side) = if is_split { (vec![whole], run) } else { (run, vec![whole]) };
            if old_side.iter().any(|i| used_old.contains(i)) || new_side.iter().any(|j| used_new.contains(j)) {
                continue;
            }
            used_old.extend(old_side.iter().copied());
            used_new.extend(new_side.iter().copied());
            links.retain(|l| !old_side.contains(&l.old[0]) && !new_side.contains(&l.new[0]));
            let kind = if is_split { LinkKind::Split } else { LinkKind::Merge };
            links.push(Link { old: old_side, new: new_side, kind, similarity: f64::from(s) });
        }
    }

    /// The best run of pieces for the paragraph `whole` of `whole_side`: candidates on
    /// `piece_side` that are paragraphs, unlinked or linked to `whole`, partly contained in it
    /// and not the same formula with other content; of 2–3 consecutive ones, the run with the
    /// best combined similarity (at least the link threshold) that either beats the current
    /// 1:1 similarity with pieces mostly contained in the whole, or carries the whole with
    /// every piece adding to it (an edited split: each piece brings its own part).
    fn best_group(
        &self,
        whole: usize,
        whole_side: &Side<'_>,
        candidates: impl Iterator<Item = usize>,
        piece_side: &Side<'_>,
    ) -> Option<(f32, Vec<usize>)> {
        if whole_side.doc.blocks[whole].kind != BlockKind::Paragraph {
            return None;
        }
        let o = self.options;
        let features = whole_side.features(whole);
        let whole_facts = whole_side.facts(whole);
        let mut pieces: Vec<(usize, f32)> = candidates
            .filter(|&p| piece_side.doc.blocks[p].kind == BlockKind::Paragraph)
            .filter(|p| piece_side.partner.get(p).is_none_or(|(partner, _)| *partner == whole))
            .map(|p| (p, piece_side.features(p).contained_in(features)))
            .filter(|&(_, contained)| contained >= o.piece_floor.min(o.piece_containment))
            .collect();
        pieces.sort_unstable_by_key(|&(p, _)| p);
        let current = whole_side.partner.get(&whole).map_or(0.0, |p| p.1);
        let mut best: Option<(f32, Vec<usize>)> = None;
        for start in 0..pieces.len() {
            for len in 2..=3 {
                let run: Vec<(usize, f32)> = pieces[start..].iter().copied().take(len).collect();
                if run.len() < len || run.windows(2).any(|w| w[1].0 != w[0].0 + 1) {
                    continue;
                }
                let parts: Vec<&Features> = run.iter().map(|&(p, _)| piece_side.features(p)).collect();
                let s = features.similarity(&Features::sum(parts.iter().copied()));
                let contained = run.iter().all(|&(_, c)| c >= o.piece_containment) && s > current + 0.02;
                let ok = s >= o.link_threshold && (contained || self.each_piece_adds(features, &parts))
                    || s >= o.named_floor && status_parts(whole_facts, &self.facts_of_run(&run, piece_side));
                // A look-alike of the whole (the same formula about another state) is no piece.
                let alike = || run.iter().all(|&(p, _)| !different_content(whole_facts, piece_side.facts(p)));
                if ok && best.as_ref().is_none_or(|(b, _)| s > *b) && alike() {
                    best = Some((s, run.into_iter().map(|(p, _)| p).collect()));
                }
            }
        }
        best
    }

    /// Links a paragraph left alone between two links to the one paragraph left alone between
    /// their partners, when the two are a rewrite of one subject in place: similar from
    /// `rewrite_floor` up, naming a state or a title in common, not a look-alike (a hotspot's
    /// paragraph rewritten in new words, in its old place).
    pub(super) fn fill_gaps(&self, links: &mut Vec<Link>, sims: &Similarities) {
        let mut old_link: HashMap<usize, usize> = HashMap::default();
        let mut new_link: HashMap<usize, usize> = HashMap::default();
        for (k, link) in links.iter().enumerate() {
            old_link.extend(link.old.iter().map(|&i| (i, k)));
            new_link.extend(link.new.iter().map(|&j| (j, k)));
        }
        let mut found = Vec::new();
        for i in 1..self.old.blocks.len().saturating_sub(1) {
            let (Some(&before), Some(&after)) = (old_link.get(&(i - 1)), old_link.get(&(i + 1))) else { continue };
            if old_link.contains_key(&i) || self.old.blocks[i].kind != BlockKind::Paragraph {
                continue;
            }
            let (before, after) = (&links[before], &links[after]);
            let j = before.new.iter().max().map_or(0, |&j| j + 1);
            let fits = before.old.iter().max() == Some(&(i - 1))
                && after.old.iter().min() == Some(&(i + 1))
                && after.new.iter().min() == Some(&(j + 1))
                && !new_link.contains_key(&j)
                && self.new.blocks[j].kind == BlockKind::Paragraph;
            let s = if fits { sims.get(i, j) } else { 0.0 };
            if s >= self.options.rewrite_floor {
                let (a, b) = (self.old_facts(i), self.new_facts(j));
                if share_a_name(a, b) && !different_content(a, b) {
                    found.push(Link { old: vec![i], new: vec![j], kind: LinkKind::Reworded, similarity: f64::from(s) });
                }
            }
        }
        links.extend(found);
    }

    fn facts_of_run<'s>(&self, run: &[(usize, f32)], side: &Side<'s>) -> Vec<&'s Facts> {
        run.iter().map(|&(p, _)| side.facts(p)).collect()
    }

    /// Whether the pieces together carry most of the whole ([`SPLIT_COVERAGE`]) and each adds
    /// at least `piece_gain` of it to what the others carry: a paragraph cut in two, each half
    /// edited, rather than a paragraph kept beside a new one that shares a few words.
    fn each_piece_adds(&self, whole: &Features, parts: &[&Features]) -> bool {
        let coverage = whole.contained_in(&Features::sum(parts.iter().copied()));
        coverage >= SPLIT_COVERAGE
            && (0..parts.len()).all(|k| {
                let others = Features::sum(parts.iter().enumerate().filter(|&(m, _)| m != k).map(|(_, p)| *p));
                coverage - whole.contained_in(&others) >= self.options.piece_gain
            })
    }
}

/// The least share of the whole its pieces carry together, for an edited split or merge.
const SPLIT_COVERAGE: f32 = 0.6;
