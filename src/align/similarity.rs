//! Block similarity: IDF-weighted Dice over jieba tokens and over character bigrams.
//!
//! IDF is computed over the blocks of both documents, so the words of stock formulas
//! (成员国, 注意到, 关于, 倡议, 强调) that stand in dozens of paragraphs weigh little, and two
//! paragraphs that share only a formula score low. Character bigrams keep reworded paragraphs
//! close even when segmentation of a changed phrase differs; tokens keep word boundaries.

use std::collections::HashMap;
use std::hash::Hash;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::segment::Document;
use crate::tokenize::{TokenKind, Tokenizer};

/// A block's weighted features: sorted by feature id, weights = term frequency × IDF.
#[derive(Debug, Clone, Default)]
pub(crate) struct Features {
    tokens: Vec<(u32, f32)>,
    bigrams: Vec<(u32, f32)>,
    token_total: f32,
    bigram_total: f32,
    /// The distinctive features: tokens and bigrams that stand in at most two blocks of the
    /// pair (typically this block and its counterpart). Bigram ids are offset past the token
    /// ids so that both share one id space.
    rare: Vec<(u32, f32)>,
    rare_total: f32,
}

/// A feature is distinctive when at most this many blocks of both documents have it.
const RARE_DOCUMENT_FREQUENCY: u32 = 2;

/// Features of every block of both documents.
pub(crate) struct FeatureSet {
    pub old: Vec<Features>,
    pub new: Vec<Features>,
}

/// A feature and its count in a block: tokens by their text, bigrams as two packed chars.
type Counts<K> = Vec<(K, u32)>;

fn counts_of<'a>(block: &'a crate::segment::Block, tokenizer: &Tokenizer) -> (Counts<&'a str>, Counts<u64>) {
    let key = block.key.as_str();
    let mut tokens: FxHashMap<&str, u32> = FxHashMap::default();
    for token in block.token_texts(tokenizer) {
        if !matches!(crate::tokenize::kind_of(token), TokenKind::Punctuation | TokenKind::Space) {
            *tokens.entry(token).or_default() += 1;
        }
    }
    let chars: Vec<char> = key.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut bigrams: FxHashMap<u64, u32> = FxHashMap::default();
    if chars.len() == 1 {
        bigrams.insert(u64::from(chars[0]), 1);
    }
    for pair in chars.windows(2) {
        *bigrams.entry((u64::from(pair[0]) << 32) | u64::from(pair[1])).or_default() += 1;
    }
    let mut tokens: Counts<&str> = tokens.into_iter().collect();
    let mut bigrams: Counts<u64> = bigrams.into_iter().collect();
    tokens.sort_unstable();
    bigrams.sort_unstable();
    (tokens, bigrams)
}

/// Interns features to dense ids, in first-seen order (deterministic for a given input).
struct Vocabulary<K> {
    ids: FxHashMap<K, u32>,
    document_frequency: Vec<u32>,
}

impl<K: Hash + Eq + Copy> Vocabulary<K> {
    fn new() -> Self {
        Vocabulary { ids: FxHashMap::default(), document_frequency: Vec::new() }
    }

    /// Interns a block's features and counts them once each towards document frequency.
    fn intern(&mut self, features: &Counts<K>) -> Vec<(u32, u32)> {
        features
            .iter()
            .map(|(feature, tf)| {
                let next = self.ids.len() as u32;
                let id = *self.ids.entry(*feature).or_insert(next);
                if id as usize == self.document_frequency.len() {
                    self.document_frequency.push(0);
                }
                self.document_frequency[id as usize] += 1;
                (id, *tf)
            })
            .collect()
    }
}

/// A block's features as (id, term frequency).
type Interned = Vec<(u32, u32)>;

/// Term frequency × IDF of interned features, sorted by id, and their total.
fn weigh(features: &[(u32, u32)], document_frequency: &[u32], blocks: f32) -> (Vec<(u32, f32)>, f32) {
    let mut weighted: Vec<(u32, f32)> = features
        .iter()
        .map(|&(id, tf)| (id, tf as f32 * (1.0 + blocks / document_frequency[id as usize] as f32).ln()))
        .collect();
    weighted.sort_unstable_by_key(|(id, _)| *id);
    let total = weighted.iter().map(|(_, w)| w).sum();
    (weighted, total)
}

/// The distinctive features among weighted ones (document frequency at most
/// [`RARE_DOCUMENT_FREQUENCY`]), ids shifted by `offset`.
fn rare<'a>(
    weighted: &'a [(u32, f32)],
    document_frequency: &'a [u32],
    offset: u32,
) -> impl Iterator<Item = (u32, f32)> + 'a {
    weighted
        .iter()
        .filter(move |(id, _)| document_frequency[*id as usize] <= RARE_DOCUMENT_FREQUENCY)
        .map(move |&(id, w)| (id + offset, w))
}

impl FeatureSet {
    /// Counts every block's features (in parallel, from its tokens) and weighs them by IDF
    /// over both documents.
    pub fn build(old: &Document, new: &Document, tokenizer: &Tokenizer) -> FeatureSet {
        let (old_counts, new_counts) = rayon::join(|| count(old, tokenizer), || count(new, tokenizer));
        let mut token_vocabulary = Vocabulary::new();
        let mut bigram_vocabulary = Vocabulary::new();
        let interned: Vec<(Interned, Interned)> = old_counts
            .iter()
            .chain(&new_counts)
            .map(|(tokens, bigrams)| (token_vocabulary.intern(tokens), bigram_vocabulary.intern(bigrams)))
            .collect();
        let blocks = interned.len() as f32;
        let offset = token_vocabulary.ids.len() as u32;
        let (token_df, bigram_df) = (&token_vocabulary.document_frequency, &bigram_vocabulary.document_frequency);
        let mut features: Vec<Features> = interned
            .par_iter()
            .map(|(tokens, bigrams)| {
                let (tokens, token_total) = weigh(tokens, token_df, blocks);
                let (bigrams, bigram_total) = weigh(bigrams, bigram_df, blocks);
                let rare: Vec<(u32, f32)> =
                    rare(&tokens, token_df, 0).chain(rare(&bigrams, bigram_df, offset)).collect();
                let rare_total = rare.iter().map(|(_, w)| w).sum();
                Features { tokens, bigrams, token_total, bigram_total, rare, rare_total }
            })
            .collect();
        let new_features = features.split_off(old_counts.len());
        FeatureSet { old: features, new: new_features }
    }
}

fn count<'a>(doc: &'a Document, tokenizer: &Tokenizer) -> Vec<(Counts<&'a str>, Counts<u64>)> {
    doc.blocks.par_iter().map(|b| counts_of(b, tokenizer)).collect()
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
    let mut token_postings = Postings::default();
    let mut bigram_postings = Postings::default();
    for &j in new_blocks {
        for &(id, w) in &set.new[j].tokens {
            token_postings.entry(id).or_default().push((j, w));
        }
        for &(id, w) in &set.new[j].bigrams {
            bigram_postings.entry(id).or_default().push((j, w));
        }
    }
    let width = set.new.len();
    old_blocks
        .par_iter()
        .map_init(
            || (vec![0f32; width], vec![0f32; width], Vec::new()),
            |(token_shared, bigram_shared, touched), &i| {
                let old = &set.old[i];
                accumulate(&token_postings, &old.tokens, token_shared, touched);
                accumulate(&bigram_postings, &old.bigrams, bigram_shared, touched);
                touched.sort_unstable();
                touched.dedup();
                let mut row = Vec::new();
                for &j in touched.iter() {
                    let new = &set.new[j];
                    let tokens = dice(token_shared[j], old.token_total, new.token_total);
                    let bigrams = dice(bigram_shared[j], old.bigram_total, new.bigram_total);
                    let similarity = ((tokens + bigrams) / 2.0).clamp(0.0, 1.0);
                    if similarity >= min_similarity && admit(i, j) {
                        row.push((j, similarity));
                    }
                    token_shared[j] = 0.0;
                    bigram_shared[j] = 0.0;
                }
                touched.clear();
                row
            },
        )
        .collect()
}

type Postings = FxHashMap<u32, Vec<(usize, f32)>>;

/// Adds Σ min(w_old, w_new) per new block over the features of one old block, noting which
/// new blocks were touched (possibly twice; the caller deduplicates).
fn accumulate(postings: &Postings, features: &[(u32, f32)], shared: &mut [f32], touched: &mut Vec<usize>) {
    for (id, w) in features {
        for &(j, wj) in postings.get(id).map_or(&[][..], Vec::as_slice) {
            if shared[j] == 0.0 {
                touched.push(j);
            }
            shared[j] += w.min(wj);
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

    /// Whether two blocks share only common wording: at least one has distinctive content,
    /// and less than `min_share` of the larger side's distinctive content is shared. Two
    /// paragraphs in the same stock formula (成员国注意到X关于…的倡议) with different
    /// initiatives are like this; a reworded paragraph keeps most of its distinctive words.
    pub fn shares_only_common_wording(&self, other: &Features, min_share: f32) -> bool {
        let larger = self.rare_total.max(other.rare_total);
        // Blocks without distinctive content (short stock sentences) are judged on their
        // similarity alone.
        const MIN_DISTINCTIVE_WEIGHT: f32 = 20.0;
        larger >= MIN_DISTINCTIVE_WEIGHT && overlap(&self.rare, &other.rare) < min_share * larger
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

    /// The features of several blocks read as one (a split's pieces, a merge's parts).
    pub fn sum<'a>(parts: impl IntoIterator<Item = &'a Features>) -> Features {
        let mut tokens: HashMap<u32, f32> = HashMap::new();
        let mut bigrams: HashMap<u32, f32> = HashMap::new();
        let mut parts_rare = Vec::new();
        for part in parts {
            parts_rare.push(part.rare.clone());
            for (id, w) in &part.tokens {
                *tokens.entry(*id).or_default() += w;
            }
            for (id, w) in &part.bigrams {
                *bigrams.entry(*id).or_default() += w;
            }
        }
        let sorted = |map: HashMap<u32, f32>| {
            let mut v: Vec<(u32, f32)> = map.into_iter().collect();
            v.sort_unstable_by_key(|(id, _)| *id);
            v
        };
        let (tokens, bigrams) = (sorted(tokens), sorted(bigrams));
        let mut rare: HashMap<u32, f32> = HashMap::new();
        for part in &parts_rare {
            for (id, w) in part {
                *rare.entry(*id).or_default() += w;
            }
        }
        let rare = sorted(rare);
        Features {
            token_total: tokens.iter().map(|(_, w)| w).sum(),
            bigram_total: bigrams.iter().map(|(_, w)| w).sum(),
            rare_total: rare.iter().map(|(_, w)| w).sum(),
            tokens,
            bigrams,
            rare,
        }
    }
}
