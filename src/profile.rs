//! What comparing needs of one document, computed once: every block's tokens, its content
//! tokens and character bigrams with their counts (the aligner's features), its terms (for
//! keyness) and the document's entity names.
//!
//! Comparing one text with twenty others used to recount the shared text twenty times, and
//! counting was most of a comparison's cost; a [`Profile`] is built once per document and
//! borrowed by every pair. It borrows the document, so the document cannot change under it.

use std::borrow::Cow;
use std::hash::{BuildHasher, Hash};
use std::sync::OnceLock;

use hashbrown::HashTable;
use rayon::prelude::*;
use rustc_hash::{FxBuildHasher, FxHashMap};

use crate::segment::{Block, Document};

mod stored;
use crate::tokenize::{TokenKind, Tokenizer, is_alphanumeric, kind_of};
pub use stored::StoredProfile;

/// The revision of what a profile counts, part of the token cache's key: raise it when the
/// features change, so that no stored profile of the old kind is read.
pub const PROFILE_REVISION: u32 = 2;

/// One document, profiled.
#[derive(Debug)]
pub struct Profile<'a> {
    /// The document.
    pub doc: &'a Document,
    pub(crate) blocks: Vec<BlockProfile<'a>>,
    /// The content tokens of the document.
    pub(crate) words: Vocabulary<Word<'a>>,
    /// The character bigrams of the document (two chars packed in a u64; a one-character
    /// key counts its character alone).
    pub(crate) bigrams: Vocabulary<u64>,
    /// The distinct tokens that name entities, sorted.
    pub(crate) entities: Vec<&'a str>,
}

/// A content token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Word<'a> {
    pub text: &'a str,
    /// Whether it counts for keyness: a word, title or Latin word of two characters or more.
    pub term: bool,
}

/// One block, profiled. Features are (id in the document's vocabulary, count), by id.
#[derive(Debug, Default)]
pub(crate) struct BlockProfile<'a> {
    /// Every token of the key, in order (they concatenate to the key).
    pub tokens: Vec<&'a str>,
    /// Content tokens (not punctuation or space): ids in [`Profile::words`].
    pub content: Cow<'a, [(u32, u32)]>,
    /// Character bigrams of the key's letters and digits: ids in [`Profile::bigrams`].
    pub bigrams: Cow<'a, [(u32, u32)]>,
    /// Keyness terms (words, titles and Latin words of two characters or more): ids in
    /// [`Profile::words`].
    pub terms: Vec<(u32, u32)>,
}

/// The distinct features of a document, in order of first appearance (a feature's id is
/// its position), and how many blocks have each.
#[derive(Debug)]
pub(crate) struct Vocabulary<K> {
    pub keys: Vec<K>,
    pub blocks_with: Vec<u32>,
    /// Ids by their key's hash, built when first asked for: a stored profile needs it only on
    /// the old side of a pair. (A table of ids, not of keys, keeps a profile covariant in its
    /// document's lifetime.)
    ids: OnceLock<HashTable<u32>>,
}

/// Two documents' vocabularies as one: each side's ids → joint ids (the old side's ids are
/// kept), and the joint number of blocks with each feature.
#[derive(Debug)]
pub(crate) struct Joint {
    pub old: Vec<u32>,
    pub new: Vec<u32>,
    pub blocks_with: Vec<u32>,
}

impl<K: Hash + Eq + Copy> Vocabulary<K> {
    /// The vocabulary of a document and each block's features as (id, count) by id, from
    /// each block's features in order.
    fn index<'b>(blocks: impl Iterator<Item = &'b [K]>) -> (Vocabulary<K>, Vec<Vec<(u32, u32)>>)
    where
        K: 'b,
    {
        let (mut keys, mut blocks_with, mut ids) = (Vec::new(), Vec::new(), FxHashMap::default());
        let features = blocks
            .map(|block| {
                let block_ids: Vec<u32> = block
                    .iter()
                    .map(|key| {
                        let next = keys.len() as u32;
                        *ids.entry(*key).or_insert_with(|| {
                            keys.push(*key);
                            blocks_with.push(0);
                            next
                        })
                    })
                    .collect();
                let counts = counted(block_ids);
                for &(id, _) in &counts {
                    blocks_with[id as usize] += 1;
                }
                counts
            })
            .collect();
        (Vocabulary { keys, blocks_with, ids: OnceLock::new() }, features)
    }

    /// A vocabulary from its keys and the blocks' features (ids into `keys`).
    fn of_features(keys: Vec<K>, features: &[&[(u32, u32)]]) -> Vocabulary<K> {
        let mut blocks_with = vec![0; keys.len()];
        for block in features {
            for &(id, _) in *block {
                blocks_with[id as usize] += 1;
            }
        }
        Vocabulary { keys, blocks_with, ids: OnceLock::new() }
    }

    /// The id of a key, if the vocabulary has it.
    fn id_of(&self, key: &K) -> Option<u32> {
        let table = self.ids.get_or_init(|| {
            let mut table = HashTable::with_capacity(self.keys.len());
            for (id, key) in self.keys.iter().enumerate() {
                table.insert_unique(FxBuildHasher.hash_one(key), id as u32, |&id| {
                    FxBuildHasher.hash_one(self.keys[id as usize])
                });
            }
            table
        });
        table.find(FxBuildHasher.hash_one(key), |&id| self.keys[id as usize] == *key).copied()
    }

    /// The joint vocabulary of two documents.
    pub(crate) fn joint(old: &Vocabulary<K>, new: &Vocabulary<K>) -> Joint {
        let mut blocks_with = old.blocks_with.clone();
        let new_ids = new
            .keys
            .iter()
            .zip(&new.blocks_with)
            .map(|(key, &n)| match old.id_of(key) {
                Some(id) => {
                    blocks_with[id as usize] += n;
                    id
                }
                None => {
                    blocks_with.push(n);
                    (blocks_with.len() - 1) as u32
                }
            })
            .collect();
        Joint { old: (0..old.keys.len() as u32).collect(), new: new_ids, blocks_with }
    }
}

impl<'a> Profile<'a> {
    /// Profiles a document from its stored tokens, or from tokens cut now by `tokenizer`.
    pub fn new(doc: &'a Document, tokenizer: &Tokenizer) -> Profile<'a> {
        let scanned: Vec<Scanned<'a>> = doc.blocks.par_iter().map(|block| scan(block, tokenizer)).collect();
        let ((words, content), (bigrams, bigram_features)) = rayon::join(
            || Vocabulary::index(scanned.iter().map(|b| b.content.as_slice())),
            || Vocabulary::index(scanned.iter().map(|b| b.bigrams.as_slice())),
        );
        let mut entities: Vec<&'a str> = scanned.iter().flat_map(|b| b.entities.iter().copied()).collect();
        let blocks = scanned
            .into_iter()
            .zip(content.into_iter().zip(bigram_features))
            .map(|(block, (content, bigrams))| {
                let terms = terms_of(&content, &words);
                BlockProfile { tokens: block.tokens, content: Cow::Owned(content), bigrams: Cow::Owned(bigrams), terms }
            })
            .collect();
        entities.sort_unstable();
        entities.dedup();
        Profile { doc, blocks, words, bigrams, entities }
    }

    /// How many blocks the profile holds (one per block of the document).
    pub fn blocks_len(&self) -> usize {
        self.blocks.len()
    }

    /// The tokens of some blocks, in order.
    pub(crate) fn tokens_of(&self, ids: &[usize]) -> Vec<&'a str> {
        let mut tokens = Vec::with_capacity(ids.iter().map(|&i| self.blocks[i].tokens.len()).sum());
        for &i in ids {
            tokens.extend_from_slice(&self.blocks[i].tokens);
        }
        tokens
    }
}

/// The content features that count for keyness (allocated once: most content words do).
fn terms_of(content: &[(u32, u32)], words: &Vocabulary<Word<'_>>) -> Vec<(u32, u32)> {
    let mut terms = Vec::with_capacity(content.len());
    terms.extend(content.iter().copied().filter(|&(id, _)| words.keys[id as usize].term));
    terms
}

/// A block's features, before the document's vocabulary exists.
struct Scanned<'a> {
    tokens: Vec<&'a str>,
    content: Vec<Word<'a>>,
    bigrams: Vec<u64>,
    entities: Vec<&'a str>,
}

fn scan<'a>(block: &'a Block, tokenizer: &Tokenizer) -> Scanned<'a> {
    let tokens: Vec<&'a str> = block.token_texts(tokenizer).collect();
    let content = tokens
        .iter()
        .filter_map(|&token| {
            let kind = kind_of(token);
            let term =
                matches!(kind, TokenKind::Word | TokenKind::Title | TokenKind::Latin) && token.chars().nth(1).is_some();
            // Numbers are not content words: an annual update (2021年 → 2022年, 第75届 →
            // 第76届) keeps its paragraph's features (the bigrams read a number as `#`); the
            // word diff still shows the change.
            (!matches!(kind, TokenKind::Punctuation | TokenKind::Space | TokenKind::Number))
                .then_some(Word { text: token, term })
        })
        .collect();
    let chars = numbers_folded(block.key.chars().filter(|&c| is_alphanumeric(c)));
    let bigrams: Vec<u64> = if chars.len() == 1 {
        vec![u64::from(chars[0])]
    } else {
        chars.windows(2).map(|pair| (u64::from(pair[0]) << 32) | u64::from(pair[1])).collect()
    };
    Scanned { entities: block.entity_tokens(tokenizer), tokens, content, bigrams }
}

/// The characters of a key with each run of digits, and each run of Chinese numerals after
/// 第 (第二十一次), read as one `#`: bigrams compare a paragraph's wording, not its dates.
fn numbers_folded(chars: impl Iterator<Item = char>) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    let mut ordinal = false;
    for c in chars {
        let digit = c.is_ascii_digit();
        let numeral = ordinal && "〇零一二三四五六七八九十百".contains(c);
        if digit || numeral {
            if out.last() != Some(&'#') {
                out.push('#');
            }
            ordinal = numeral;
            continue;
        }
        ordinal = c == '第';
        out.push(c);
    }
    out
}

/// Each distinct item and how often it occurs, sorted.
fn counted<K: Ord + Copy>(mut items: Vec<K>) -> Vec<(K, u32)> {
    items.sort_unstable();
    let mut counts: Vec<(K, u32)> = Vec::with_capacity(items.len());
    for item in items {
        match counts.last_mut() {
            Some(last) if last.0 == item => last.1 += 1,
            _ => counts.push((item, 1)),
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_counts_what_the_block_holds() {
        let doc = Document::parse("t", "成员国支持上海合作组织，支持《宪章》。\n\nA");
        let profile = Profile::new(&doc, Tokenizer::shared());
        let first = &profile.blocks[0];
        let word = |id: u32| profile.words.keys[id as usize].text;
        assert_eq!(first.tokens.concat(), doc.blocks[0].key);
        assert!(first.content.iter().all(|(id, _)| !matches!(kind_of(word(*id)), TokenKind::Punctuation)));
        assert_eq!(first.content.iter().find(|(id, _)| word(*id) == "支持").map(|c| c.1), Some(2));
        assert!(first.terms.iter().any(|(id, _)| word(*id) == "《宪章》"));
        for features in [&*first.content, &*first.bigrams, &first.terms[..]] {
            assert!(features.windows(2).all(|w| w[0].0 < w[1].0));
        }
        assert_eq!(profile.bigrams.keys[profile.blocks[1].bigrams[0].0 as usize], u64::from('A'));
        assert!(profile.entities.contains(&"上海合作组织"));
        assert!(profile.words.blocks_with.iter().all(|&n| n == 1));
    }

    #[test]
    fn joint_vocabularies_keep_the_old_ids_and_add_block_counts() {
        let (old, _) = Vocabulary::index([&[5u64, 1][..], &[1, 3, 3]].into_iter());
        let (new, features) = Vocabulary::index([&[3u64, 2][..], &[6, 3]].into_iter());
        assert_eq!((old.keys.as_slice(), old.blocks_with.as_slice()), (&[5, 1, 3][..], &[1, 2, 1][..]));
        assert_eq!(features, vec![vec![(0, 1), (1, 1)], vec![(0, 1), (2, 1)]]);
        let joint = Vocabulary::joint(&old, &new);
        assert_eq!(joint.old, vec![0, 1, 2]);
        assert_eq!(joint.new, vec![2, 3, 4]);
        assert_eq!(joint.blocks_with, vec![1, 2, 3, 1, 1]);
    }
}
