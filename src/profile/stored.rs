//! A [`Profile`] as the token cache keeps it, and back.

use std::borrow::Cow;

use super::{BlockProfile, Profile, Vocabulary, Word, terms_of};
use crate::segment::Document;
use crate::tokenize::Tokenizer;

/// What the token cache keeps of a [`Profile`]: the vocabularies (words as places in the
/// document's keys) and each block's features, the part that costs to count. The rest (each
/// block's tokens and terms, how many blocks have each feature, the entities) is rebuilt from
/// the document's stored tokens in a single pass. Flat arrays of fixed-width numbers, so that
/// reading one back is a copy, not a parse.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredProfile {
    /// Each word: the block, start and end of its first occurrence in a block's key, and 1 if
    /// it counts for keyness.
    words: Vec<[u32; 4]>,
    /// Each bigram.
    bigrams: Vec<u64>,
    /// Every block's content features then its bigram features, block after block.
    features: Vec<(u32, u32)>,
    /// For each block, where its content features end and where its bigram features end in
    /// `features`.
    ends: Vec<(u32, u32)>,
}

impl StoredProfile {
    /// The profile as bytes: four counts, then the arrays, all little-endian u32 (u64 for
    /// bigrams).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(
            16 + 16 * self.words.len() + 8 * (self.bigrams.len() + self.features.len() + self.ends.len()),
        );
        for count in [self.words.len(), self.bigrams.len(), self.features.len(), self.ends.len()] {
            bytes.extend_from_slice(&(count as u32).to_le_bytes());
        }
        for n in self.words.iter().flatten() {
            bytes.extend_from_slice(&n.to_le_bytes());
        }
        for bigram in &self.bigrams {
            bytes.extend_from_slice(&bigram.to_le_bytes());
        }
        for &(a, b) in self.features.iter().chain(&self.ends) {
            bytes.extend_from_slice(&a.to_le_bytes());
            bytes.extend_from_slice(&b.to_le_bytes());
        }
        bytes
    }

    /// The inverse of [`StoredProfile::to_bytes`]; `None` for bytes it cannot have written.
    /// (Whether the profile fits a document is checked by [`Profile::from_stored`].)
    pub fn from_bytes(bytes: &[u8]) -> Option<StoredProfile> {
        let u32_at = |at: usize| bytes.get(at..at + 4).map(|b| u32::from_le_bytes(b.try_into().expect("4 bytes")));
        let [words, bigrams, features, ends] = [0, 4, 8, 12].map(|at| u32_at(at).map(|n| n as usize));
        let (words, bigrams, features, ends) = (words?, bigrams?, features?, ends?);
        let sizes = [16 * words, 8 * bigrams, 8 * features, 8 * ends];
        if bytes.len() != 16 + sizes.iter().sum::<usize>() {
            return None;
        }
        let mut rest = &bytes[16..];
        let mut take = |len: usize| {
            let (head, tail) = rest.split_at(len);
            rest = tail;
            head
        };
        let u32s = |b: &[u8]| -> Vec<u32> {
            b.chunks_exact(4).map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes"))).collect()
        };
        let pairs = |b: &[u8]| -> Vec<(u32, u32)> { u32s(b).chunks_exact(2).map(|p| (p[0], p[1])).collect() };
        let words = u32s(take(sizes[0])).chunks_exact(4).map(|w| [w[0], w[1], w[2], w[3]]).collect();
        let bigrams =
            take(sizes[1]).chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes"))).collect();
        let features = pairs(take(sizes[2]));
        let ends = pairs(take(sizes[3]));
        Some(StoredProfile { words, bigrams, features, ends })
    }
}

impl<'a> Profile<'a> {
    /// The profile in the form the token cache keeps; `None` if a word is not a slice of the
    /// document's keys (a profile always cut from them has none such).
    pub fn to_stored(&self) -> Option<StoredProfile> {
        let mut words = vec![None; self.words.keys.len()];
        let (mut features, mut ends) = (Vec::new(), Vec::with_capacity(self.blocks.len()));
        for (b, (block, profile)) in self.doc.blocks.iter().zip(&self.blocks).enumerate() {
            let base = block.key.as_ptr() as usize;
            for &(id, _) in profile.content.iter() {
                let slot = &mut words[id as usize];
                if slot.is_none() {
                    // A word's text is its first occurrence, so its block is the first whose
                    // content has it.
                    let word = self.words.keys[id as usize];
                    let start = (word.text.as_ptr() as usize).checked_sub(base)?;
                    let end = start + word.text.len();
                    (end <= block.key.len()).then_some(())?;
                    *slot =
                        Some([b as u32, u32::try_from(start).ok()?, u32::try_from(end).ok()?, u32::from(word.term)]);
                }
            }
            features.extend_from_slice(&profile.content);
            let content_end = u32::try_from(features.len()).ok()?;
            features.extend_from_slice(&profile.bigrams);
            ends.push((content_end, u32::try_from(features.len()).ok()?));
        }
        Some(StoredProfile {
            words: words.into_iter().collect::<Option<_>>()?,
            bigrams: self.bigrams.keys.clone(),
            features,
            ends,
        })
    }

    /// The profile of a document: from what the token cache kept when that fits, else counted
    /// now.
    pub fn stored_or_new(doc: &'a Document, stored: Option<&'a StoredProfile>, tokenizer: &Tokenizer) -> Profile<'a> {
        stored
            .and_then(|stored| Profile::from_stored(doc, stored, tokenizer))
            .unwrap_or_else(|| Profile::new(doc, tokenizer))
    }

    /// The profile of a tokenized document from what the token cache kept (borrowing its
    /// features); `None` if it does not fit the document (then [`Profile::new`] counts
    /// afresh).
    pub fn from_stored(doc: &'a Document, stored: &'a StoredProfile, tokenizer: &Tokenizer) -> Option<Profile<'a>> {
        if stored.ends.len() != doc.blocks.len() || !doc.is_tokenized() {
            return None;
        }
        let words: Vec<Word<'a>> = stored
            .words
            .iter()
            .map(|&[block, start, end, term]| {
                let text = doc.blocks.get(block as usize)?.key.get(start as usize..end as usize)?;
                Some(Word { text, term: term == 1 })
            })
            .collect::<Option<_>>()?;
        // Each block's (content, bigrams) features, checked: ids inside the vocabulary, in
        // order, counted at least once.
        let fits = |features: &[(u32, u32)], ids: usize| {
            let mut previous = None;
            features.iter().all(|&(id, count)| {
                let fits = (id as usize) < ids && count > 0 && previous.is_none_or(|p| p < id);
                previous = Some(id);
                fits
            })
        };
        let mut start = 0;
        let mut per_block = Vec::with_capacity(stored.ends.len());
        for &(content_end, bigrams_end) in &stored.ends {
            let (content_end, bigrams_end) = (content_end as usize, bigrams_end as usize);
            let content = stored.features.get(start..content_end)?;
            let bigrams = stored.features.get(content_end..bigrams_end)?;
            if !fits(content, words.len()) || !fits(bigrams, stored.bigrams.len()) {
                return None;
            }
            per_block.push((content, bigrams));
            start = bigrams_end;
        }
        if start != stored.features.len() {
            return None;
        }
        let contents: Vec<&[(u32, u32)]> = per_block.iter().map(|&(content, _)| content).collect();
        let bigram_features: Vec<&[(u32, u32)]> = per_block.iter().map(|&(_, bigrams)| bigrams).collect();
        let (words, bigrams) = (
            Vocabulary::of_features(words, &contents),
            Vocabulary::of_features(stored.bigrams.clone(), &bigram_features),
        );
        let mut entities = Vec::new();
        let blocks = doc
            .blocks
            .iter()
            .zip(per_block)
            .map(|(block, (content, bigrams))| {
                let tokens: Vec<&'a str> = block.token_texts(tokenizer).collect();
                // Stored tokens say which name entities.
                let flags = block.tokens.iter().flatten().map(|&(_, entity)| entity);
                entities.extend(tokens.iter().zip(flags).filter(|(_, entity)| *entity).map(|(token, _)| *token));
                let terms = terms_of(content, &words);
                BlockProfile { tokens, content: Cow::Borrowed(content), bigrams: Cow::Borrowed(bigrams), terms }
            })
            .collect();
        entities.sort_unstable();
        entities.dedup();
        Some(Profile { doc, blocks, words, bigrams, entities })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_profile_is_the_profile() {
        let text = include_str!("../../corpora/sco/sco-2020.zh.txt");
        let mut doc = Document::parse("sco-2020", text);
        doc.tokenize(Tokenizer::shared());
        let counted = Profile::new(&doc, Tokenizer::shared());
        let stored = counted.to_stored().expect("every word is a slice of a key");
        let back = Profile::from_stored(&doc, &stored, Tokenizer::shared()).expect("fits");
        assert_eq!(back.words.keys, counted.words.keys);
        assert_eq!(back.words.blocks_with, counted.words.blocks_with);
        assert_eq!(back.bigrams.keys, counted.bigrams.keys);
        assert_eq!(back.bigrams.blocks_with, counted.bigrams.blocks_with);
        assert_eq!(back.entities, counted.entities);
        for (a, b) in back.blocks.iter().zip(&counted.blocks) {
            assert_eq!((&a.tokens, &a.content, &a.bigrams, &a.terms), (&b.tokens, &b.content, &b.bigrams, &b.terms));
        }
        // Ids are found through the table built on demand.
        for (id, key) in counted.words.keys.iter().enumerate() {
            assert_eq!(back.words.id_of(key), Some(id as u32));
        }
        assert_eq!(back.bigrams.id_of(&u64::MAX), None);
    }

    #[test]
    fn a_stored_profile_that_does_not_fit_is_refused() {
        let mut doc = Document::parse("t", "成员国支持上海合作组织。\n\n成员国欢迎。");
        doc.tokenize(Tokenizer::shared());
        let stored = Profile::new(&doc, Tokenizer::shared()).to_stored().unwrap();
        let fits = |stored: &StoredProfile| Profile::from_stored(&doc, stored, Tokenizer::shared()).is_some();
        assert!(fits(&stored));
        assert_eq!(StoredProfile::from_bytes(&stored.to_bytes()), Some(stored.clone()));
        let mut damaged = stored.clone();
        damaged.ends.pop();
        assert!(!fits(&damaged), "a block short");
        let mut damaged = stored.clone();
        damaged.features[0].0 = damaged.words.len() as u32;
        assert!(!fits(&damaged), "a word id outside the vocabulary");
        let mut damaged = stored.clone();
        let (start, end) = (damaged.ends[0].1 as usize, damaged.ends[1].1 as usize);
        damaged.features[damaged.ends[1].0 as usize..end].reverse();
        assert!(start < end && !fits(&damaged), "features out of order");
        let mut damaged = stored.clone();
        damaged.ends[0].1 = damaged.features.len() as u32 + 1;
        assert!(!fits(&damaged), "features past the end");
        let mut damaged = stored.clone();
        damaged.features.push((0, 1));
        assert!(!fits(&damaged), "features left over");
        let mut damaged = stored.clone();
        damaged.words[0][2] = 1000;
        assert!(!fits(&damaged), "a word outside its key");
        let mut damaged = stored.clone();
        damaged.words[0] = [0, 0, 1, 0];
        assert!(!fits(&damaged), "a word that cuts a character");
        let bytes = stored.to_bytes();
        for len in [0, 15, 16, bytes.len() - 1] {
            assert_eq!(StoredProfile::from_bytes(&bytes[..len]), None, "{len}");
        }
        let untokenized = Document::parse("t", "成员国支持上海合作组织。\n\n成员国欢迎。");
        assert!(Profile::from_stored(&untokenized, &stored, Tokenizer::shared()).is_none());
    }
}
