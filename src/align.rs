//! Two documents → an [`Alignment`]: for every block of each, the block(s) of the other it
//! corresponds to, with a kind (identical, reworded, moved, moved and reworded, split, merge),
//! or none (deleted, added).
//!
//! The method (docs/alignment.md):
//! 1. blocks with the same comparison key are linked first (in order when a key repeats);
//! 2. the rest are scored pairwise (IDF-weighted token and bigram Dice, in parallel) and linked
//!    by a maximum-weight assignment over the whole pair: admitted pairs reach the link
//!    threshold, their weight adds evidence from the neighbouring blocks and a small preference
//!    for keeping order;
//! 3. runs of two or three consecutive blocks mostly contained in one block of the other side
//!    become a split or a merge when together they match it better than one piece alone;
//! 4. headings link to headings by the paragraph links between their sections and their
//!    titles; a renamed section keeps its identity through its heading link;
//! 5. kinds: a 1:1 link outside the heaviest increasing subsequence of old positions (links
//!    taken in new order), or whose theme changed across the heading links, moved.
//!
//! Invariant: every block of each side is in exactly one link or in `deleted` / `added`.

mod assign;
pub mod baseline;
mod formulas;
mod groups;
mod headings;
mod kinds;
mod similarity;

pub use kinds::classify;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use serde::{Deserialize, Serialize};

use crate::profile::Profile;
use crate::segment::{BlockKind, Document};
use crate::tokenize::Tokenizer;
use formulas::Facts;
use similarity::{FeatureSet, Features};

/// Thresholds of the aligner. The defaults are measured on the dev sets (docs/accuracy.md).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlignOptions {
    /// Least similarity for two paragraphs to be linked on their own evidence.
    pub link_threshold: f32,
    /// Least similarity for a pair whose neighbours on both sides are strongly linked.
    pub context_threshold: f32,
    /// Similarity from which a neighbouring pair counts as strong evidence.
    pub strong_neighbour: f32,
    /// Least share of the distinctive content (words and bigrams found in at most two blocks)
    /// two paragraphs must have in common to be linked; below it they share only formulas.
    pub distinctive_share: f32,
    /// From this similarity on, paragraphs are linked whatever their distinctive content.
    pub formula_guard_below: f32,
    /// From this similarity on, paragraphs are linked even when they name other states or
    /// initiatives in the same formula (`align/formulas.rs`).
    pub content_guard_below: f32,
    /// Least similarity of a rewrite: a pair below the link threshold that keeps the pair's
    /// distinctive words (the same subject in new wording).
    pub rewrite_floor: f32,
    /// Least share of the smaller side's distinctive content a rewrite keeps.
    pub rewrite_distinctive: f32,
    /// Least similarity of a pair carried by a named subject only these two paragraphs have:
    /// the same 《title》 (its years aside), one state's status, the same group of states.
    pub named_floor: f32,
    /// Least share of a piece contained in the whole for a split or merge.
    pub piece_containment: f32,
    /// Least share of an edited piece contained in the whole, when every piece adds to what
    /// the others carry of it.
    pub piece_floor: f32,
    /// Least share of the whole an edited piece adds to the others.
    pub piece_gain: f32,
    /// Least similarity for signature lines.
    pub closing_threshold: f32,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            link_threshold: 0.45,
            context_threshold: 0.38,
            strong_neighbour: 0.8,
            distinctive_share: 0.2,
            formula_guard_below: 0.7,
            content_guard_below: 0.9,
            rewrite_floor: 0.22,
            rewrite_distinctive: 0.2,
            named_floor: 0.15,
            piece_containment: 0.65,
            piece_floor: 0.25,
            piece_gain: 0.12,
            closing_threshold: 0.3,
        }
    }
}

/// How an alignment was made, stated in its JSON so that it can be cited and re-run.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Provenance {
    /// `SEGMENTER_VERSION`.
    pub segmenter: &'static str,
    /// The tokenizer's dictionary hash.
    pub dictionary: String,
    /// The aligner's options.
    pub options: OptionsJson,
}

/// [`AlignOptions`] as JSON.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct OptionsJson {
    link_threshold: f32,
    context_threshold: f32,
    strong_neighbour: f32,
    distinctive_share: f32,
    formula_guard_below: f32,
    content_guard_below: f32,
    rewrite_floor: f32,
    rewrite_distinctive: f32,
    named_floor: f32,
    piece_containment: f32,
    piece_floor: f32,
    piece_gain: f32,
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
            content_guard_below: o.content_guard_below,
            rewrite_floor: o.rewrite_floor,
            rewrite_distinctive: o.rewrite_distinctive,
            named_floor: o.named_floor,
            piece_containment: o.piece_containment,
            piece_floor: o.piece_floor,
            piece_gain: o.piece_gain,
            closing_threshold: o.closing_threshold,
        }
    }
}

/// What a link is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// Same comparison text, same theme, order kept.
    Identical,
    /// Text changed, same theme, order kept.
    Reworded,
    /// Same text, but its theme or its place in the order changed.
    Moved,
    /// Text changed, and its theme or place changed.
    MovedReworded,
    /// One old block became 2 or 3 consecutive new blocks.
    Split,
    /// 2 or 3 consecutive old blocks became one new block.
    Merge,
}

impl LinkKind {
    /// The name used in tables and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Identical => "identical",
            LinkKind::Reworded => "reworded",
            LinkKind::Moved => "moved",
            LinkKind::MovedReworded => "moved_reworded",
            LinkKind::Split => "split",
            LinkKind::Merge => "merge",
        }
    }

    /// Every kind, in order.
    pub const ALL: [LinkKind; 6] = [
        LinkKind::Identical,
        LinkKind::Reworded,
        LinkKind::Moved,
        LinkKind::MovedReworded,
        LinkKind::Split,
        LinkKind::Merge,
    ];
}

/// A correspondence between blocks of the two documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Link {
    /// Old block indices (one, or 2–3 consecutive for a merge).
    pub old: Vec<usize>,
    /// New block indices (one, or 2–3 consecutive for a split).
    pub new: Vec<usize>,
    /// What the link is.
    pub kind: LinkKind,
    /// Similarity of the linked texts, 0..=1.
    pub similarity: f64,
}

/// The alignment of two documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Alignment {
    /// The old document's name.
    pub old: String,
    /// The new document's name.
    pub new: String,
    /// The links, in new-document order.
    pub links: Vec<Link>,
    /// Old blocks with no counterpart.
    pub deleted: Vec<usize>,
    /// New blocks with no counterpart.
    pub added: Vec<usize>,
    /// Old theme → new theme, through the heading links (renamed sections).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub theme_map: BTreeMap<String, String>,
}

impl Alignment {
    /// For each deleted old block, the new position it is shown after: the last new block of
    /// the link of the nearest preceding linked old block (0 before any). In `deleted` order.
    pub fn deleted_anchors(&self) -> Vec<usize> {
        let mut by_old: Vec<(usize, usize)> =
            self.links.iter().map(|l| (l.old[0], *l.new.last().expect("a link has new blocks"))).collect();
        by_old.sort_unstable();
        self.deleted
            .iter()
            .map(|&i| {
                let before = by_old.partition_point(|&(o, _)| o < i);
                if before == 0 { 0 } else { by_old[before - 1].1 }
            })
            .collect()
    }
}

/// Pairs below this similarity are not kept at all.
const MIN_KEPT_SIMILARITY: f32 = 0.12;

/// Aligns two documents. Blocks are compared on their tokens: those stored with them
/// ([`Document::tokenize`], or the token cache), else cut by `tokenizer`.
pub fn align(old: &Document, new: &Document, tokenizer: &Tokenizer, options: &AlignOptions) -> Alignment {
    let (old, new) = rayon::join(|| Profile::new(old, tokenizer), || Profile::new(new, tokenizer));
    align_profiles(&old, &new, options)
}

/// Aligns two profiled documents: what [`align`] does, for a caller comparing one document
/// with several, which profiles each document once.
pub fn align_profiles(old: &Profile, new: &Profile, options: &AlignOptions) -> Alignment {
    let identical = identical_pairs(old.doc, new.doc);
    let features = FeatureSet::build(old, new, &identical);
    let facts = |doc: &Document| (0..doc.blocks.len()).map(|_| OnceLock::new()).collect::<Vec<_>>();
    let (old_facts, new_facts) = (facts(old.doc), facts(new.doc));
    Aligner { old: old.doc, new: new.doc, features: &features, options, old_facts: &old_facts, new_facts: &new_facts }
        .run(identical)
}

/// Above this many candidate pairs the similarity matrix is restricted to a band around the
/// diagonal (plus identical texts), so that pathological inputs stay bounded.
const MAX_FULL_PAIRS: usize = 4_000_000;
/// Half-width of that band, in blocks.
const BAND: usize = 200;

struct Aligner<'a> {
    old: &'a Document,
    new: &'a Document,
    features: &'a FeatureSet,
    options: &'a AlignOptions,
    /// What the formula checks read of each block, computed the first time it is needed.
    old_facts: &'a [OnceLock<Facts>],
    new_facts: &'a [OnceLock<Facts>],
}

/// One side of a pair, for finding split and merge pieces.
struct Side<'a> {
    doc: &'a Document,
    features: &'a FeatureSet,
    facts: &'a [OnceLock<Facts>],
    /// Whether this is the old document's side.
    is_old: bool,
    /// Block → (its 1:1 partner on the other side, their similarity).
    partner: &'a HashMap<usize, (usize, f32)>,
}

impl<'a> Side<'a> {
    fn features(&self, block: usize) -> &'a Features {
        if self.is_old { self.features.of_old(block) } else { self.features.of_new(block) }
    }

    fn facts(&self, block: usize) -> &'a Facts {
        facts_of(self.facts, self.doc, block)
    }
}

fn facts_of<'f>(facts: &'f [OnceLock<Facts>], doc: &Document, block: usize) -> &'f Facts {
    facts[block].get_or_init(|| Facts::of(&doc.blocks[block].key))
}

/// Blocks of the same kind with the same comparison key, paired in order of appearance
/// (the k-th old occurrence with the k-th new one). Headings are linked later, with
/// their sections. Throughout, blocks link only to blocks of their own kind: paragraphs to
/// paragraphs, each line of the closing block to its own kind.
fn identical_pairs(old: &Document, new: &Document) -> Vec<(usize, usize, f32)> {
    let mut by_key: HashMap<(BlockKind, &str), Vec<usize>> = HashMap::default();
    for block in &new.blocks {
        if !block.kind.is_section() {
            by_key.entry((block.kind, block.key.as_str())).or_default().push(block.index);
        }
    }
    let mut taken: HashMap<(BlockKind, &str), usize> = HashMap::default();
    let mut pairs = Vec::new();
    for block in &old.blocks {
        let key = (block.kind, block.key.as_str());
        if block.kind.is_section() || block.key.is_empty() {
            continue;
        }
        if let Some(candidates) = by_key.get(&key) {
            let next = taken.entry(key).or_default();
            if let Some(&j) = candidates.get(*next) {
                *next += 1;
                pairs.push((block.index, j, 1.0));
            }
        }
    }
    pairs
}

/// Sparse similarity rows: for each old block, (new block, similarity) sorted by new block.
struct Similarities {
    rows: Vec<Vec<(usize, f32)>>,
}

impl Similarities {
    fn get(&self, i: usize, j: usize) -> f32 {
        let row = &self.rows[i];
        row.binary_search_by_key(&j, |(j, _)| *j).map_or(0.0, |k| row[k].1)
    }
}

impl Aligner<'_> {
    fn run(&self, mut pairs: Vec<(usize, usize, f32)>) -> Alignment {
        let (n, m) = (self.old.blocks.len(), self.new.blocks.len());
        // Each old block's identical partner, and which new blocks have one.
        let mut partner: Vec<Option<usize>> = vec![None; n];
        let mut new_used = vec![false; m];
        for &(i, j, _) in &pairs {
            partner[i] = Some(j);
            new_used[j] = true;
        }
        let old_used: Vec<bool> = partner.iter().map(Option::is_some).collect();
        let sims = self.similarities(&old_used, &new_used);
        // Neighbour evidence: linked pairs count 1, free pairs come from the table, and the
        // few pairs of a free block next to a linked one are scored on demand.
        let neighbour = |i: usize, j: usize| -> f32 {
            if partner[i] == Some(j) {
                1.0
            } else if !old_used[i] && !new_used[j] {
                sims.get(i, j)
            } else if self.old.blocks[i].kind == self.new.blocks[j].kind {
                self.features.of_old(i).similarity(self.features.of_new(j))
            } else {
                0.0
            }
        };

        let mut edges = Vec::new();
        for (i, row) in sims.rows.iter().enumerate() {
            for &(j, s) in row {
                if old_used[i] || new_used[j] {
                    continue;
                }
                let kind = self.old.blocks[i].kind;
                let context = self.context(i, j, &neighbour);
                let admitted = match kind {
                    BlockKind::Paragraph => self.admit_paragraphs(i, j, s, context),
                    // A signatory links to its state's, whoever signs for it this year.
                    BlockKind::Signatory => {
                        s >= self.options.closing_threshold
                            || formulas::same_state(self.old_facts(i), self.new_facts(j))
                    }
                    BlockKind::Heading | BlockKind::SectionMarker => false,
                    _ => true,
                };
                if admitted {
                    let drift = (i as f32 / n.max(1) as f32 - j as f32 / m.max(1) as f32).abs();
                    edges.push((i, j, (s + 0.1 * context - 0.02 * drift).max(0.001)));
                }
            }
        }
        for (i, j, _) in assign::assign(&edges) {
            pairs.push((i, j, sims.get(i, j)));
        }

        let mut links: Vec<Link> = pairs
            .iter()
            .map(|&(i, j, s)| Link { old: vec![i], new: vec![j], kind: LinkKind::Reworded, similarity: f64::from(s) })
            .collect();
        self.form_groups(&mut links, &sims);
        self.fill_gaps(&mut links, &sims);
        self.link_headings(&mut links);
        let theme_map = classify(self.old, self.new, &mut links);

        links.sort_by_key(|l| (l.new[0], l.old[0]));
        for link in &mut links {
            link.similarity = crate::round4(link.similarity);
        }
        let linked_old: BTreeSet<usize> = links.iter().flat_map(|l| l.old.iter().copied()).collect();
        let linked_new: BTreeSet<usize> = links.iter().flat_map(|l| l.new.iter().copied()).collect();
        Alignment {
            old: self.old.name.clone(),
            new: self.new.name.clone(),
            links,
            deleted: (0..n).filter(|i| !linked_old.contains(i)).collect(),
            added: (0..m).filter(|j| !linked_new.contains(j)).collect(),
            theme_map,
        }
    }

    /// Whether two paragraphs may be linked: similar enough on their own, with strong
    /// neighbours, or as a rewrite that keeps the pair's distinctive words; and, below the
    /// guard, not the same formula with other content.
    fn admit_paragraphs(&self, i: usize, j: usize, s: f32, context: f32) -> bool {
        let o = self.options;
        if s < o.rewrite_floor.min(o.named_floor) {
            return false;
        }
        if s >= o.rewrite_floor {
            let (a, b) = (self.features.of_old(i), self.features.of_new(j));
            let similar = s >= o.link_threshold || (s >= o.context_threshold && context >= o.strong_neighbour);
            // A pair that keeps most of the smaller side's distinctive words (a paragraph that
            // grew or shrank, a rewrite) shares more than formulas, whatever the larger side added.
            let keeps =
                (!similar || s < o.formula_guard_below) && self.features.keeps_distinctive(a, b, o.rewrite_distinctive);
            let common_wording = s < o.formula_guard_below
                && !keeps
                && self.features.share_only_common_wording(a, b, o.distinctive_share);
            if (similar || keeps) && !common_wording {
                return s >= o.content_guard_below
                    || !formulas::different_content(self.old_facts(i), self.new_facts(j));
            }
        }
        // Rewritten almost whole, a subject both sides name in this paragraph only: one state's
        // status a year on, the same document for its next period, the same group of states.
        s >= o.named_floor
            && !formulas::different_content(self.old_facts(i), self.new_facts(j))
            && (formulas::same_status_process(self.old_facts(i), self.new_facts(j)) || self.same_named_subject(i, j))
    }

    /// Whether paragraphs `i` and `j` share a 《title》 (years aside) or a group of two or more
    /// states that no other paragraph of either side names.
    fn same_named_subject(&self, i: usize, j: usize) -> bool {
        let (a, b) = (self.old_facts(i), self.new_facts(j));
        let alone = |doc: &Document, facts: &[OnceLock<Facts>], me: usize, has: &dyn Fn(&Facts) -> bool| {
            doc.blocks
                .iter()
                .all(|x| x.index == me || x.kind != BlockKind::Paragraph || !has(facts_of(facts, doc, x.index)))
        };
        let unique_on_both = |has: &dyn Fn(&Facts) -> bool| {
            alone(self.old, self.old_facts, i, has) && alone(self.new, self.new_facts, j, has)
        };
        let title_shared = a.titles().find(|t| b.titles().any(|u| u == *t));
        title_shared.is_some_and(|title| unique_on_both(&|f: &Facts| f.titles().any(|t| t == title)))
            || formulas::same_state_group(a, b) && unique_on_both(&|f: &Facts| formulas::same_state_group(f, a))
    }

    fn old_facts(&self, i: usize) -> &Facts {
        facts_of(self.old_facts, self.old, i)
    }

    fn new_facts(&self, j: usize) -> &Facts {
        facts_of(self.new_facts, self.new, j)
    }

    /// Similarities of the blocks not yet linked, kind with kind (headings aside), computed in
    /// parallel.
    fn similarities(&self, old_used: &[bool], new_used: &[bool]) -> Similarities {
        let (n, m) = (self.old.blocks.len(), self.new.blocks.len());
        let free = |doc: &Document, used: &[bool]| -> Vec<usize> {
            doc.blocks.iter().filter(|b| !b.kind.is_section() && !used[b.index]).map(|b| b.index).collect()
        };
        let (old_free, new_free) = (free(self.old, old_used), free(self.new, new_used));
        let banded = old_free.len().saturating_mul(new_free.len()) > MAX_FULL_PAIRS;
        let admit = |i: usize, j: usize| {
            self.old.blocks[i].kind == self.new.blocks[j].kind && (!banded || (i * m / n.max(1)).abs_diff(j) <= BAND)
        };
        let scored = similarity::score_pairs(self.features, &old_free, &new_free, MIN_KEPT_SIMILARITY, &admit);
        let mut rows = vec![Vec::new(); n];
        for (i, row) in old_free.into_iter().zip(scored) {
            rows[i] = row;
        }
        Similarities { rows }
    }

    /// Evidence from the neighbours: the weaker of the similarities of the pairs just before
    /// and just after (i, j); at a document edge there is no evidence.
    fn context(&self, i: usize, j: usize, neighbour: &dyn Fn(usize, usize) -> f32) -> f32 {
        let before = if i > 0 && j > 0 { neighbour(i - 1, j - 1) } else { 0.0 };
        let after =
            if i + 1 < self.old.blocks.len() && j + 1 < self.new.blocks.len() { neighbour(i + 1, j + 1) } else { 0.0 };
        before.min(after)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(name: &str, text: &str) -> Document {
        Document::parse(name, text)
    }

    fn run(old: &str, new: &str) -> Alignment {
        align(&doc("old", old), &doc("new", new), Tokenizer::shared(), &AlignOptions::default())
    }

    fn summary(a: &Alignment) -> Vec<(Vec<usize>, Vec<usize>, &'static str)> {
        a.links.iter().map(|l| (l.old.clone(), l.new.clone(), l.kind.as_str())).collect()
    }

    const OLD: &str = "安全合作\n成员国支持继续落实打击恐怖主义、分裂主义和极端主义合作纲要，采取共同措施。\n\
成员国注意到吉尔吉斯共和国关于建立打击经济犯罪会议机制的倡议。\n\
成员国强调，必须加强合作共同防范和阻止恐怖主义、分裂主义和极端主义思想的传播。\n\
经贸合作\n成员国一致同意，继续加强贸易、产能、交通、能源、金融、投资、农业、海关领域的合作。\n\
成员国支持进一步发挥上合组织实业家委员会和银行联合体潜力，支持实业界合作倡议。\n";

    #[test]
    fn identical_documents_align_identically() {
        let a = run(OLD, OLD);
        assert!(a.links.iter().all(|l| l.kind == LinkKind::Identical && l.similarity == 1.0), "{:?}", summary(&a));
        assert_eq!(a.links.len(), 7);
        assert!(a.deleted.is_empty() && a.added.is_empty());
    }

    #[test]
    fn reworded_moved_and_formula_look_alikes() {
        let new = "安全合作\n成员国支持继续落实打击恐怖主义、分裂主义和极端主义合作纲要，采取共同措施。\n\
成员国注意到乌兹别克斯坦共和国关于制定青年权利公约的倡议。\n\
经贸合作\n成员国一致同意，继续加强贸易、产能、交通、能源、金融、投资、农业、海关领域的合作。\n\
成员国强调，必须加强合作共同防范和阻止恐怖主义、分裂主义和极端主义思想的传播。\n\
成员国坚定支持进一步发挥上合组织实业家委员会和银行联合体潜力，支持实业界合作倡议。\n";
        let a = run(OLD, new);
        let s = summary(&a);
        // The 注意到…关于…的倡议 paragraphs share only their formula: removed and added.
        assert!(a.deleted.contains(&2) && a.added.contains(&2), "{s:?}");
        assert!(s.contains(&(vec![3], vec![5], "moved")), "{s:?}");
        assert!(s.contains(&(vec![6], vec![6], "reworded")), "{s:?}");
    }

    #[test]
    fn splits_and_merges() {
        let old = "成员国强调，继续完善全球经济治理体系十分重要，将继续维护和巩固多边贸易体制。成员国认为，世界贸易组织是讨论国际贸易议题的重要平台，强调有必要尽快对世贸组织进行包容性改革。\n\
成员国支持相关国家在相互贸易中使用本币结算。\n成员国支持继续商谈建立上合组织开发银行和发展基金问题。\n";
        let new = "成员国强调，继续完善全球经济治理体系十分重要，将继续维护和巩固多边贸易体制。\n\
成员国认为，世界贸易组织是讨论国际贸易议题的重要平台，强调有必要尽快对世贸组织进行包容性改革。\n\
成员国支持相关国家在相互贸易中使用本币结算，支持继续商谈建立上合组织开发银行和发展基金问题。\n";
        let s = summary(&run(old, new));
        assert!(s.contains(&(vec![0], vec![0, 1], "split")), "{s:?}");
        assert!(s.contains(&(vec![1, 2], vec![2], "merge")), "{s:?}");
    }

    /// Rewritten almost whole, linked by what only this pair names: a 《title》 renewed for its
    /// period, a group of states, one state's status; not when another paragraph names it too.
    #[test]
    fn a_named_subject_carries_a_rewrite() {
        let common = "成员国重申恪守《上海合作组织宪章》的宗旨和原则。\n成员国主张加强在联合国框架内的协作。\n";
        let old = format!(
            "{common}成员国责成秘书处会同有关机构着手起草《上海合作组织至2030年交通合作规划》，提交下次会议审议。\n\
成员国欢迎有关各方推进中国—吉尔吉斯斯坦—乌兹别克斯坦公路项目的前期研究。\n\
成员国欢迎蒙古国签署关于承担义务以获得上合组织成员国地位的备忘录。\n"
        );
        let new = format!(
            "{common}成员国批准《上海合作组织至2035年交通合作规划》，请各机制拟定落实措施并定期评估进展。\n\
成员国祝贺中华人民共和国、吉尔吉斯共和国和乌兹别克斯坦共和国签署中吉乌公路项目政府间协定，期待早日通车。\n\
成员国热烈祝贺蒙古国完成全部法律手续，正式成为上合组织成员国，相信这将释放合作潜力。\n"
        );
        let a = run(&old, &new);
        let s = summary(&a);
        for k in 2..5 {
            assert!(s.contains(&(vec![k], vec![k], "reworded")), "{k}: {s:?}");
        }
        let strict = AlignOptions { named_floor: 1.0, ..AlignOptions::default() };
        let without = align(&doc("old", &old), &doc("new", &new), Tokenizer::shared(), &strict);
        assert!(without.deleted.len() >= 2, "{:?}", summary(&without));
        // A title another paragraph of the new text names too is no evidence.
        let shared = new.replace(
            "成员国主张加强在联合国框架内的协作。",
            "成员国将根据《上海合作组织至2035年交通合作规划》开展联合研究。",
        );
        let old_shared = old.replace("成员国主张加强在联合国框架内的协作。", "成员国主张加强交通领域研究。");
        let a = run(&old_shared, &shared);
        assert!(a.deleted.contains(&2), "{:?}", summary(&a));
    }

    #[test]
    fn renamed_heading_keeps_its_section() {
        let new = OLD.replace("经贸合作", "经济合作");
        let a = run(OLD, &new);
        let s = summary(&a);
        assert!(s.contains(&(vec![4], vec![4], "reworded")), "{s:?}");
        assert!(s.iter().filter(|l| l.2 == "identical").count() == 6, "{s:?}");
        assert_eq!(a.theme_map.get("经贸合作").map(String::as_str), Some("经济合作"));
    }

    #[test]
    fn unrelated_texts_do_not_link() {
        let other = "今天天气很好，我们去公园散步。\n图书馆周末开放到晚上九点，欢迎读者借阅新书。\n这家餐馆的面条味道不错，价格也公道。\n";
        let a = run(OLD, other);
        assert!(a.links.is_empty(), "{:?}", summary(&a));
    }
}
