//! Block similarity: IDF-weighted Dice over jieba tokens and over character bigrams.
//!
//! IDF is computed over the blocks of both documents, so the words of stock formulas
//! (成员国, 注意到, 关于, 倡议, 强调) that stand in dozens of paragraphs weigh little, and two
//! paragraphs that share only a formula score low. Character bigrams keep reworded paragraphs
//! close even when segmentation of a changed phrase differs; tokens keep word boundaries.

use rayon::prelude::*;

use crate::profile::{BlockProfile, Profile, Vocabulary};

/// A block's weighted features: sorted by feature id, weights = term frequency × IDF.
#[derive(Debug, Clone, Default)]
pub(crate) struct Features {
    tokens: Vec<(u32, f32)>,
    bigrams: Vec<(u32, f32)>,
    token_total: f32,
    bigram_total: f32,
    /// The weight of the distinctive features: tokens and bigrams that stand in at most two
    /// blocks of the pair (typically this block and its counterpart).
    rare_total: f32,
}

/// A feature is distinctive when at most this many blocks of both documents have it.
const RARE_DOCUMENT_FREQUENCY: u32 = 2;

/// Features of every block of both documents.
pub(crate) struct FeatureSet {
    old: Vec<Features>,
    new: Vec<NewFeatures>,
    /// How many blocks of both documents have each token and each bigram.
    token_frequency: Vec<u32>,
    bigram_frequency: Vec<u32>,
}

/// A new block's features: its own, or, for a block identical to an old one (same key, same
/// tokens: most blocks of a revision), that block's, which are the same numbers in the joint
/// space and cost nothing to weigh again.
enum NewFeatures {
    Own(Features),
    SameAs(usize),
}

/// A block's features (ids in its document's vocabulary) → term frequency × IDF by joint
/// id, sorted, and their total.
fn weigh(features: &[(u32, u32)], joint_ids: &[u32], idf: &Idf) -> (Vec<(u32, f32)>, f32) {
    let mut weighted: Vec<(u32, f32)> = features
        .iter()
        .map(|&(id, tf)| {
            let id = joint_ids[id as usize];
            (id, tf as f32 * idf.of(id))
        })
        .collect();
    // The old side keeps its ids, already sorted; the new side's are sorted here.
    if !weighted.is_sorted_by_key(|(id, _)| *id) {
        weighted.sort_unstable_by_key(|(id, _)| *id);
    }
    let total = weighted.iter().map(|(_, w)| w).sum();
    (weighted, total)
}

/// The inverse document frequency of every feature: ln(1 + blocks / document frequency),
/// from a table by document frequency (a handful of values, where features are thousands).
struct Idf<'a> {
    document_frequency: &'a [u32],
    by_frequency: Vec<f32>,
}

impl Idf<'_> {
    fn new(document_frequency: &[u32], blocks: f32) -> Idf<'_> {
        let most = document_frequency.iter().copied().max().unwrap_or(0);
        let by_frequency = (0..=most).map(|df| (1.0 + blocks / df as f32).ln()).collect();
        Idf { document_frequency, by_frequency }
    }

    fn of(&self, id: u32) -> f32 {
        self.by_frequency[self.document_frequency[id as usize] as usize]
    }
}

/// The total weight of the distinctive features among weighted ones (document frequency at
/// most [`RARE_DOCUMENT_FREQUENCY`]), added to `sum` in id order.
fn add_rare(weighted: &[(u32, f32)], document_frequency: &[u32], sum: &mut f32) {
    for &(id, w) in weighted {
        if document_frequency[id as usize] <= RARE_DOCUMENT_FREQUENCY {
            *sum += w;
        }
    }
}

impl FeatureSet {
    /// Weighs every block's features (counted once per document by its [`Profile`]) by IDF
    /// over both documents.
    /// `identical` are the pairs of blocks with the same key (see `identical_pairs`).
    pub fn build(old: &Profile, new: &Profile, identical: &[(usize, usize, f32)]) -> FeatureSet {
        let (words, bigrams) =
            (Vocabulary::joint(&old.words, &new.words), Vocabulary::joint(&old.bigrams, &new.bigrams));
        let blocks = (old.blocks.len() + new.blocks.len()) as f32;
        let (word_idf, bigram_idf) = (Idf::new(&words.blocks_with, blocks), Idf::new(&bigrams.blocks_with, blocks));
        let features = |block: &BlockProfile, word_ids: &[u32], bigram_ids: &[u32]| {
            let (tokens, token_total) = weigh(&block.content, word_ids, &word_idf);
            let (bigrams_weighted, bigram_total) = weigh(&block.bigrams, bigram_ids, &bigram_idf);
            let mut rare_total = 0.0;
            add_rare(&tokens, &words.blocks_with, &mut rare_total);
            add_rare(&bigrams_weighted, &bigrams.blocks_with, &mut rare_total);
            Features { tokens, bigrams: bigrams_weighted, token_total, bigram_total, rare_total }
        };
        // A block paired as identical has the same key; with the same tokens, the same features.
        let mut same_as = vec![None; new.blocks.len()];
        for &(i, j, _) in identical {
            let (old_block, new_block) = (&old.doc.blocks[i], &new.doc.blocks[j]);
            if new_block.tokens.is_some() && new_block.tokens == old_block.tokens {
                same_as[j] = Some(i);
            }
        }
        let (old, new) = rayon::join(
            || old.blocks.par_iter().with_min_len(8).map(|b| features(b, &words.old, &bigrams.old)).collect(),
            || {
                (new.blocks.par_iter().enumerate().with_min_len(8))
                    .map(|(j, b)| match same_as[j] {
                        Some(i) => NewFeatures::SameAs(i),
                        None => NewFeatures::Own(features(b, &words.new, &bigrams.new)),
                    })
                    .collect()
            },
        );
        FeatureSet { old, new, token_frequency: words.blocks_with, bigram_frequency: bigrams.blocks_with }
    }

    /// Whether two blocks share only common wording: at least one has distinctive content,
    /// and less than `min_share` of the larger side's distinctive content is shared. Two
    /// paragraphs in the same stock formula (成员国注意到X关于…的倡议) with different
    /// initiatives are like this; a reworded paragraph keeps most of its distinctive words.
    pub fn share_only_common_wording(&self, a: &Features, b: &Features, min_share: f32) -> bool {
        let larger = a.rare_total.max(b.rare_total);
        // Blocks without distinctive content (short stock sentences) are judged on their
        // similarity alone.
        const MIN_DISTINCTIVE_WEIGHT: f32 = 20.0;
        if larger < MIN_DISTINCTIVE_WEIGHT {
            return false;
        }
        // Tokens, then bigrams, into one sum: the order the weights were always added in.
        let mut shared = 0.0;
        overlap_where(&a.tokens, &b.tokens, &self.token_frequency, &mut shared);
        overlap_where(&a.bigrams, &b.bigrams, &self.bigram_frequency, &mut shared);
        shared < min_share * larger
    }

    /// Whether two blocks share at least `min_share` of the smaller side's distinctive
    /// content (and some, in absolute terms: a few rare words, not one): a rewrite on the same
    /// subject keeps names, titles and phrases that no other paragraph has.
    pub fn keeps_distinctive(&self, a: &Features, b: &Features, min_share: f32) -> bool {
        /// About four rare words or bigrams; half the smaller side's for a short paragraph.
        const MIN_SHARED_WEIGHT: f32 = 18.0;
        let smaller = a.rare_total.min(b.rare_total);
        let shared = self.shared_distinctive(a, b);
        shared >= MIN_SHARED_WEIGHT.min(0.5 * smaller) && shared >= min_share * smaller
    }

    /// The weight of the distinctive features two blocks share.
    pub(crate) fn shared_distinctive(&self, a: &Features, b: &Features) -> f32 {
        let mut shared = 0.0;
        overlap_where(&a.tokens, &b.tokens, &self.token_frequency, &mut shared);
        overlap_where(&a.bigrams, &b.bigrams, &self.bigram_frequency, &mut shared);
        shared
    }

    /// The features of old block `i`.
    pub fn of_old(&self, i: usize) -> &Features {
        &self.old[i]
    }

    /// The features of new block `j`.
    pub fn of_new(&self, j: usize) -> &Features {
        match &self.new[j] {
            NewFeatures::Own(features) => features,
            NewFeatures::SameAs(i) => &self.old[*i],
        }
    }
}

/// Scores every pair of `old_blocks` × `new_blocks` that shares a feature, through an
/// inverted index of the new side: only shared features cost anything, so a pair of long
/// documents with few free blocks is cheap. Returns, for each old block in order, its
/// (new block, similarity) pairs at or above `min_similarity`, sorted by new block.
pub(crate) fn score_pairs(
    set: &FeatureSet,
    old_blocks: &[usize],
    new_blocks: &[usize],
    min_similarity: f32,
    admit: &(dyn Fn(usize, usize) -> bool + Sync),
) -> Vec<Vec<(usize, f32)>> {
    let token_postings = Postings::of(new_blocks, set.token_frequency.len(), |j| &set.of_new(j).tokens);
    let bigram_postings = Postings::of(new_blocks, set.bigram_frequency.len(), |j| &set.of_new(j).bigrams);
    let width = set.new.len();
    old_blocks
        .par_iter()
        .map_init(
            || (vec![0f32; width], vec![0f32; width]),
            |(token_shared, bigram_shared), &i| {
                let old = set.of_old(i);
                accumulate(&token_postings, &old.tokens, token_shared);
                accumulate(&bigram_postings, &old.bigrams, bigram_shared);
                // Every weight is positive, so a block shares something exactly when a sum is;
                // nearly every block shares a stock word, so a pass over them all costs less
                // than tracking which were touched.
                let mut row = Vec::new();
                for &j in new_blocks {
                    let (token, bigram) = (token_shared[j], bigram_shared[j]);
                    if token == 0.0 && bigram == 0.0 {
                        continue;
                    }
                    let new = set.of_new(j);
                    let tokens = dice(token, old.token_total, new.token_total);
                    let bigrams = dice(bigram, old.bigram_total, new.bigram_total);
                    let similarity = ((tokens + bigrams) / 2.0).clamp(0.0, 1.0);
                    if similarity >= min_similarity && admit(i, j) {
                        row.push((j, similarity));
                    }
                    token_shared[j] = 0.0;
                    bigram_shared[j] = 0.0;
                }
                row
            },
        )
        .collect()
}

/// An inverted index: for each feature id, the (block, weight) of the blocks that have it,
/// stored contiguously by id.
struct Postings {
    /// Where each id's entries start in `entries` (one more than the ids, for the end).
    starts: Vec<u32>,
    entries: Vec<(u32, f32)>,
}

impl Postings {
    fn of<'f>(blocks: &[usize], ids: usize, features: impl Fn(usize) -> &'f [(u32, f32)]) -> Postings {
        let mut starts = vec![0u32; ids + 1];
        for &j in blocks {
            for &(id, _) in features(j) {
                starts[id as usize + 1] += 1;
            }
        }
        for id in 0..ids {
            starts[id + 1] += starts[id];
        }
        let mut next = starts.clone();
        let mut entries = vec![(0, 0.0); starts[ids] as usize];
        for &j in blocks {
            for &(id, w) in features(j) {
                entries[next[id as usize] as usize] = (j as u32, w);
                next[id as usize] += 1;
            }
        }
        Postings { starts, entries }
    }

    fn get(&self, id: u32) -> &[(u32, f32)] {
        &self.entries[self.starts[id as usize] as usize..self.starts[id as usize + 1] as usize]
    }
}

/// Adds Σ min(w_old, w_new) per new block over the features of one old block.
fn accumulate(postings: &Postings, features: &[(u32, f32)], shared: &mut [f32]) {
    for &(id, w) in features {
        for &(j, wj) in postings.get(id) {
            shared[j as usize] += w.min(wj);
        }
    }
}

/// Σ min(wa, wb) over shared features of two sorted sparse vectors.
fn overlap(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1.min(b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Adds Σ min(wa, wb) over the shared distinctive features of two sorted sparse vectors.
fn overlap_where(a: &[(u32, f32)], b: &[(u32, f32)], document_frequency: &[u32], sum: &mut f32) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if document_frequency[a[i].0 as usize] <= RARE_DOCUMENT_FREQUENCY {
                    *sum += a[i].1.min(b[j].1);
                }
                i += 1;
                j += 1;
            }
        }
    }
}

fn dice(shared: f32, total_a: f32, total_b: f32) -> f32 {
    if total_a + total_b <= 0.0 { 0.0 } else { 2.0 * shared / (total_a + total_b) }
}

impl Features {
    /// Similarity in 0..=1: the mean of the token Dice and the bigram Dice.
    pub fn similarity(&self, other: &Features) -> f32 {
        let tokens = dice(overlap(&self.tokens, &other.tokens), self.token_total, other.token_total);
        let bigrams = dice(overlap(&self.bigrams, &other.bigrams), self.bigram_total, other.bigram_total);
        ((tokens + bigrams) / 2.0).clamp(0.0, 1.0)
    }

    /// How much of `self` is contained in `other`, in 0..=1 (weighted, tokens and bigrams).
    pub fn contained_in(&self, other: &Features) -> f32 {
        let total = self.token_total + self.bigram_total;
        if total <= 0.0 {
            return 0.0;
        }
        let shared = overlap(&self.tokens, &other.tokens) + overlap(&self.bigrams, &other.bigrams);
        (shared / total).clamp(0.0, 1.0)
    }

    /// The features of several blocks read as one (a split's pieces, a merge's parts), for
    /// their similarity (not their distinctive weight).
    pub fn sum<'a>(parts: impl IntoIterator<Item = &'a Features>) -> Features {
        let (mut tokens, mut bigrams) = (Vec::new(), Vec::new());
        for part in parts {
            tokens.extend_from_slice(&part.tokens);
            bigrams.extend_from_slice(&part.bigrams);
        }
        let (tokens, bigrams) = (merged(tokens), merged(bigrams));
        Features {
            token_total: tokens.iter().map(|(_, w)| w).sum(),
            bigram_total: bigrams.iter().map(|(_, w)| w).sum(),
            rare_total: 0.0,
            tokens,
            bigrams,
        }
    }
}

/// Sparse vectors concatenated → one sorted by id, the weights of equal ids added.
fn merged(mut features: Vec<(u32, f32)>) -> Vec<(u32, f32)> {
    features.sort_by_key(|(id, _)| *id);
    let mut out: Vec<(u32, f32)> = Vec::with_capacity(features.len());
    for (id, w) in features {
        match out.last_mut() {
            Some(last) if last.0 == id => last.1 += w,
            _ => out.push((id, w)),
        }
    }
    out
}
