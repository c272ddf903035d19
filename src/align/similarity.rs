//! Block similarity: IDF-weighted Dice over jieba tokens and over character bigrams.
//!
//! IDF is computed over the blocks of both documents, so the words of stock formulas
//! (成员国, 注意到, 关于, 倡议, 强调) that stand in dozens of paragraphs weigh little, and two
//! paragraphs that share only a formula score low. Character bigrams keep reworded paragraphs
//! close even when segmentation of a changed phrase differs; tokens keep word boundaries.

use std::collections::HashMap;

use rayon::prelude::*;

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

type Counts = Vec<(String, u32)>;

fn counts_of(key: &str, tokenizer: &Tokenizer) -> (Counts, Counts) {
    let mut tokens: HashMap<&str, u32> = HashMap::new();
    for token in tokenizer.tokenize(key) {
        if !matches!(token.kind, TokenKind::Punctuation | TokenKind::Space) {
            *tokens.entry(token.text).or_default() += 1;
        }
    }
    let chars: Vec<char> = key.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut bigrams: HashMap<String, u32> = HashMap::new();
    if chars.len() == 1 {
        bigrams.insert(chars[0].to_string(), 1);
    }
    for pair in chars.windows(2) {
        *bigrams.entry(pair.iter().collect()).or_default() += 1;
    }
    let mut tokens: Counts = tokens.into_iter().map(|(t, n)| (t.to_owned(), n)).collect();
    let mut bigrams: Counts = bigrams.into_iter().collect();
    tokens.sort_unstable();
    bigrams.sort_unstable();
    (tokens, bigrams)
}

/// Interns strings to dense ids, in first-seen order (deterministic for a given input).
#[derive(Default)]
struct Vocabulary {
    ids: HashMap<String, u32>,
    document_frequency: Vec<u32>,
}

impl Vocabulary {
    fn count(&mut self, features: &Counts) {
        for (feature, _) in features {
            let next = self.ids.len() as u32;
            let id = *self.ids.entry(feature.clone()).or_insert(next);
            if id as usize == self.document_frequency.len() {
                self.document_frequency.push(0);
            }
            self.document_frequency[id as usize] += 1;
        }
    }

    fn rare(&self, features: &Counts, blocks: f32, offset: u32) -> Vec<(u32, f32)> {
        features
            .iter()
            .filter_map(|(feature, tf)| {
                let id = self.ids[feature];
                let df = self.document_frequency[id as usize];
                (df <= RARE_DOCUMENT_FREQUENCY).then(|| (id + offset, *tf as f32 * (1.0 + blocks / df as f32).ln()))
            })
            .collect()
    }

    fn weigh(&self, features: &Counts, blocks: f32) -> (Vec<(u32, f32)>, f32) {
        let mut weighted: Vec<(u32, f32)> = features
            .iter()
            .map(|(feature, tf)| {
                let id = self.ids[feature];
                let df = self.document_frequency[id as usize] as f32;
                (id, *tf as f32 * (1.0 + blocks / df).ln())
            })
            .collect();
        weighted.sort_unstable_by_key(|(id, _)| *id);
        let total = weighted.iter().map(|(_, w)| w).sum();
        (weighted, total)
    }
}

impl FeatureSet {
    /// Tokenizes every block (in parallel) and weighs features by IDF over both documents.
    pub fn build(old: &Document, new: &Document, tokenizer: &Tokenizer) -> FeatureSet {
        let count = |doc: &Document| -> Vec<(Counts, Counts)> {
            doc.blocks.par_iter().map(|b| counts_of(&b.key, tokenizer)).collect()
        };
        let (old_counts, new_counts) = rayon::join(|| count(old), || count(new));
        let mut token_vocabulary = Vocabulary::default();
        let mut bigram_vocabulary = Vocabulary::default();
        for (tokens, bigrams) in old_counts.iter().chain(&new_counts) {
            token_vocabulary.count(tokens);
            bigram_vocabulary.count(bigrams);
        }
        let blocks = (old_counts.len() + new_counts.len()) as f32;
        let weigh = |counts: &[(Counts, Counts)]| -> Vec<Features> {
            counts
                .iter()
                .map(|(tokens, bigrams)| {
                    let offset = token_vocabulary.ids.len() as u32;
                    let mut rare = token_vocabulary.rare(tokens, blocks, 0);
                    rare.extend(bigram_vocabulary.rare(bigrams, blocks, offset));
                    rare.sort_unstable_by_key(|(id, _)| *id);
                    let rare_total = rare.iter().map(|(_, w)| w).sum();
                    let (tokens, token_total) = token_vocabulary.weigh(tokens, blocks);
                    let (bigrams, bigram_total) = bigram_vocabulary.weigh(bigrams, blocks);
                    Features { tokens, bigrams, token_total, bigram_total, rare, rare_total }
                })
                .collect()
        };
        FeatureSet { old: weigh(&old_counts), new: weigh(&new_counts) }
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
