//! Themes by content for the taxonomy ([`super::taxonomy`]): each paragraph gets one theme id
//! with a confidence, `unsure` below [`UNSURE_BELOW`]; a document's paragraphs are classified
//! in order, with light smoothing between neighbours only where a paragraph's own evidence is
//! weak, and paragraphs under a titled section that maps onto a theme take that theme.
//!
//! The score of a theme for a paragraph (its comparison key) is
//!
//! - the **lexicon**: the weights of the taxonomy's keywords found in it (leftmost-longest over
//!   all themes, so 粮食安全 is one economy phrase, not a security word), each discounted by
//!   its place, `1 / (1 + chars before it / POSITION_DECAY_CHARS)`: the main subject comes
//!   first, names in passing later;
//! - plus a **learnt** back-off: multinomial naive Bayes over character 2–3-grams of the
//!   labelled training paragraphs (`data/themes-train.jsonl`), the mean log-likelihood per
//!   n-gram relative to the best theme (≤ 0), weighted by `BACKOFF_WEIGHT · κ / (κ + lexicon
//!   total)`: it decides when the lexicon is silent and barely counts when it is not.
//!
//! Probabilities are the softmax of the scores; the confidence is the best theme's. Everything
//! is deterministic: n-grams are summed in sorted order, ties go to the first theme.

use std::path::Path;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::taxonomy::{Script, Taxonomy, keys_in};
use crate::error::{Error, Result};
use crate::segment::{Block, BlockKind, Document};

/// The labelled paragraphs the built-in classifier learns from (a copy of
/// tests/data/themes/dev.jsonl: illustrative texts, not official ones).
pub const TRAINING_SET: &str = include_str!("../../data/themes-train.jsonl");

/// A paragraph whose best theme has a probability below this is `unsure` (it keeps its best
/// guess and confidence). Chosen on the dev set by 5-fold cross-validation (docs/themes.md).
pub const UNSURE_BELOW: f64 = 0.5;

/// A keyword this many characters into a paragraph counts half.
pub const POSITION_DECAY_CHARS: f64 = 40.0;

/// Weight of the learnt n-gram scores when the lexicon finds nothing.
pub const BACKOFF_WEIGHT: f64 = 1.0;

/// The lexicon total at which the learnt scores count half of [`BACKOFF_WEIGHT`].
pub const BACKOFF_KAPPA: f64 = 1.0;

/// In a sequence, a paragraph whose own confidence is below this borrows from its neighbours.
pub const SMOOTH_BELOW: f64 = 0.6;

/// The share of a weak paragraph's probabilities taken from its neighbours' (their mean).
pub const NEIGHBOUR_WEIGHT: f64 = 0.3;

/// From this confidence in another theme, a paragraph's own words outweigh its section's.
pub const SECTION_OVERRIDDEN_FROM: f64 = 0.9;

/// Naive Bayes additive smoothing.
const NGRAM_PRIOR: f64 = 0.5;

/// One labelled paragraph of a theme set (`{"id", "theme", "text", "note"?}` per line).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct LabelledParagraph {
    /// Its id (`d001`).
    pub id: String,
    /// Its theme id.
    pub theme: String,
    /// The paragraph.
    pub text: String,
    /// Why a borderline label is what it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Parses a theme set (JSON lines); every theme must be one of `taxonomy`'s, ids unique.
///
/// # Errors
/// [`Error::Data`] naming the file and line.
pub fn parse_set(path: &Path, text: &str, taxonomy: &Taxonomy) -> Result<Vec<LabelledParagraph>> {
    let fail = |line: usize, what: String| Error::Data {
        path: path.to_owned(),
        what: format!("line {line}: {what}"),
        hint: Some("one JSON object per line: {\"id\": …, \"theme\": …, \"text\": …}".to_owned()),
    };
    let mut set: Vec<LabelledParagraph> = Vec::new();
    let mut ids = std::collections::BTreeSet::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let paragraph: LabelledParagraph = serde_json::from_str(line).map_err(|e| fail(n + 1, e.to_string()))?;
        if taxonomy.index(&paragraph.theme).is_none() {
            let known = taxonomy.ids().collect::<Vec<_>>().join(", ");
            return Err(fail(n + 1, format!("unknown theme `{}` (known: {known})", paragraph.theme)));
        }
        if !ids.insert(paragraph.id.clone()) {
            return Err(fail(n + 1, format!("id `{}` appears twice", paragraph.id)));
        }
        set.push(paragraph);
    }
    Ok(set)
}

/// Reads a theme set ([`parse_set`]).
///
/// # Errors
/// [`Error::Io`], or [`Error::Data`] naming the file and line.
pub fn read_set(path: &Path, taxonomy: &Taxonomy) -> Result<Vec<LabelledParagraph>> {
    parse_set(path, &crate::files::read_text(path)?, taxonomy)
}

/// The built-in training set, parsed.
pub fn training_set() -> Vec<LabelledParagraph> {
    parse_set(Path::new("data/themes-train.jsonl"), TRAINING_SET, Taxonomy::builtin())
        .expect("the built-in training set is valid (tested)")
}

/// Where an assignment comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// The titled section the paragraph stands under maps onto the theme (confidence 1).
    Heading,
    /// The paragraph's own words.
    Content,
    /// Its own words were weak and its neighbours tipped the balance to another theme.
    Neighbours,
}

/// A paragraph's theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    /// The theme id (the best guess, even when unsure).
    pub theme: String,
    /// The best theme's probability, 0 to 1 (rounded to 3 decimals).
    pub confidence: f64,
    /// Whether the confidence is below [`UNSURE_BELOW`].
    pub unsure: bool,
    /// Where it comes from.
    pub evidence: Evidence,
}

/// The classifier: the taxonomy's lexicon and n-gram counts learnt from labelled paragraphs.
#[derive(Debug, Clone)]
pub struct ContentClassifier {
    taxonomy: Taxonomy,
    matcher: AhoCorasick,
    /// Per pattern of `matcher`: (theme, weight).
    keywords: Vec<(usize, f64)>,
    /// Each known n-gram's log-likelihood under each theme (smoothed counts), computed once.
    log_likelihoods: FxHashMap<u64, Vec<f64>>,
}

/// The distinct character 2- and 3-grams of a key, each packed into a `u64` (21 bits a
/// character, a tag bit for bigrams), sorted; runs are cut at anything that is not a letter
/// (punctuation, digits, spaces).
fn ngrams(key: &str) -> Vec<u64> {
    let chars: Vec<u64> = key.chars().map(|c| if c.is_alphabetic() { u64::from(c) } else { 0 }).collect();
    let mut grams = Vec::with_capacity(2 * chars.len());
    for w in chars.windows(2).filter(|w| !w.contains(&0)) {
        grams.push(1 << 63 | w[0] << 21 | w[1]);
    }
    for w in chars.windows(3).filter(|w| !w.contains(&0)) {
        grams.push(w[0] << 42 | w[1] << 21 | w[2]);
    }
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// The title of the titled section a block stands under, if any (whatever themes the
/// document already carries).
pub fn titled_section<'d>(doc: &'d Document, block: &Block) -> Option<&'d str> {
    let heading = &doc.blocks[block.section?];
    (heading.kind == BlockKind::Heading && !heading.key.is_empty()).then_some(heading.key.as_str())
}

fn argmax(values: &[f64]) -> usize {
    values.iter().enumerate().fold(0, |best, (k, v)| if *v > values[best] { k } else { best })
}

impl ContentClassifier {
    /// Learns from labelled paragraphs (their themes must be the taxonomy's; others are
    /// skipped) and the taxonomy's lexicon.
    pub fn train(taxonomy: &Taxonomy, examples: &[LabelledParagraph]) -> ContentClassifier {
        ContentClassifier::train_in(taxonomy, examples, Script::Any)
    }

    fn train_in(taxonomy: &Taxonomy, examples: &[LabelledParagraph], script: Script) -> ContentClassifier {
        let themes = taxonomy.themes.len();
        let mut words = Vec::new();
        let mut keywords = Vec::new();
        for (k, theme) in taxonomy.themes.iter().enumerate() {
            for group in &theme.keywords {
                for word in &group.words {
                    words.push(word.as_str());
                    keywords.push((k, group.weight));
                }
            }
        }
        let words = keys_in(&words, script);
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&words)
            .expect("keywords are non-empty strings (validated)");
        let texts: Vec<&str> = examples.iter().map(|e| e.text.as_str()).collect();
        let keys = keys_in(&texts, script);
        let mut ngram_counts: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        let mut totals = vec![0.0; themes];
        for (example, key) in examples.iter().zip(&keys) {
            let Some(k) = taxonomy.index(&example.theme) else { continue };
            for gram in ngrams(key) {
                ngram_counts.entry(gram).or_insert_with(|| vec![0; themes])[k] += 1;
                totals[k] += 1.0;
            }
        }
        let vocabulary = ngram_counts.len() as f64;
        let log_likelihoods = ngram_counts
            .into_iter()
            .map(|(gram, counts)| {
                let logs = (0..themes)
                    .map(|k| ((f64::from(counts[k]) + NGRAM_PRIOR) / (totals[k] + NGRAM_PRIOR * vocabulary)).ln())
                    .collect();
                (gram, logs)
            })
            .collect();
        ContentClassifier { taxonomy: taxonomy.clone(), matcher, keywords, log_likelihoods }
    }

    /// The classifier of the built-in taxonomy and training set, trained once per process.
    pub fn builtin() -> &'static ContentClassifier {
        static BUILTIN: OnceLock<ContentClassifier> = OnceLock::new();
        // Both built-in files are in Simplified characters.
        BUILTIN.get_or_init(|| ContentClassifier::train_in(Taxonomy::builtin(), &training_set(), Script::Simplified))
    }

    /// The taxonomy it classifies into.
    pub fn taxonomy(&self) -> &Taxonomy {
        &self.taxonomy
    }

    /// The lexicon score of each theme for a key (position-discounted keyword weights).
    pub fn lexicon_scores(&self, key: &str) -> Vec<f64> {
        let mut scores = vec![0.0; self.taxonomy.themes.len()];
        let (mut chars, mut byte) = (0usize, 0usize);
        for found in self.matcher.find_iter(key) {
            chars += key[byte..found.start()].chars().count();
            byte = found.start();
            let (theme, weight) = self.keywords[found.pattern().as_usize()];
            scores[theme] += weight / (1.0 + chars as f64 / POSITION_DECAY_CHARS);
        }
        scores
    }

    /// The learnt score of each theme for a key: the mean log-likelihood of its known n-grams
    /// under each theme, minus the best theme's (so the best is 0); all 0 when none is known.
    pub fn learnt_scores(&self, key: &str) -> Vec<f64> {
        let themes = self.taxonomy.themes.len();
        let mut scores = vec![0.0; themes];
        let mut known = 0usize;
        for gram in ngrams(key) {
            let Some(logs) = self.log_likelihoods.get(&gram) else { continue };
            known += 1;
            for (score, log) in scores.iter_mut().zip(logs) {
                *score += log;
            }
        }
        if known == 0 {
            return vec![0.0; themes];
        }
        let best = scores.iter().copied().fold(f64::MIN, f64::max);
        scores.iter().map(|s| (s - best) / known as f64).collect()
    }

    /// The probability of each theme for a paragraph (its comparison key), in taxonomy order.
    pub fn probabilities(&self, key: &str) -> Vec<f64> {
        let lexicon = self.lexicon_scores(key);
        let learnt = self.learnt_scores(key);
        let backoff = BACKOFF_WEIGHT * BACKOFF_KAPPA / (BACKOFF_KAPPA + lexicon.iter().sum::<f64>());
        let scores: Vec<f64> = lexicon.iter().zip(&learnt).map(|(l, n)| l + backoff * n).collect();
        let best = scores.iter().copied().fold(f64::MIN, f64::max);
        let exp: Vec<f64> = scores.iter().map(|s| (s - best).exp()).collect();
        let sum: f64 = exp.iter().sum();
        exp.iter().map(|e| e / sum).collect()
    }

    fn assignment(&self, probabilities: &[f64], evidence: Evidence) -> Assignment {
        let best = argmax(probabilities);
        let confidence = (probabilities[best] * 1000.0).round() / 1000.0;
        Assignment {
            theme: self.taxonomy.themes[best].id.clone(),
            confidence,
            unsure: probabilities[best] < UNSURE_BELOW,
            evidence,
        }
    }

    /// One paragraph's theme, from its own words alone.
    pub fn classify(&self, key: &str) -> Assignment {
        self.assignment(&self.probabilities(key), Evidence::Content)
    }

    /// The themes of one document's paragraphs (comparison keys) in order, using only that
    /// document: a paragraph whose own confidence is below [`SMOOTH_BELOW`] mixes
    /// [`NEIGHBOUR_WEIGHT`] of its neighbours' mean probabilities into its own (one pass, from
    /// the neighbours' own words, so nothing propagates); a confident paragraph is never
    /// changed, so a short or shuffled text keeps its themes.
    pub fn classify_sequence(&self, keys: &[&str]) -> Vec<Assignment> {
        let own: Vec<Vec<f64>> = keys.iter().map(|k| self.probabilities(k)).collect();
        self.smooth(&own, &vec![false; keys.len()])
    }

    /// Smooths per-paragraph probabilities; `fixed` paragraphs (headings) keep theirs.
    fn smooth(&self, own: &[Vec<f64>], fixed: &[bool]) -> Vec<Assignment> {
        (0..own.len())
            .map(|i| {
                if fixed[i] {
                    return self.assignment(&own[i], Evidence::Heading);
                }
                let p = &own[i];
                let neighbours: Vec<&Vec<f64>> =
                    [i.checked_sub(1), Some(i + 1)].into_iter().flatten().filter_map(|j| own.get(j)).collect();
                if p[argmax(p)] >= SMOOTH_BELOW || neighbours.is_empty() {
                    return self.assignment(p, Evidence::Content);
                }
                let n = neighbours.len() as f64;
                let mixed: Vec<f64> = (0..p.len())
                    .map(|k| {
                        (1.0 - NEIGHBOUR_WEIGHT) * p[k]
                            + NEIGHBOUR_WEIGHT * neighbours.iter().map(|q| q[k]).sum::<f64>() / n
                    })
                    .collect();
                let evidence = if argmax(&mixed) == argmax(p) { Evidence::Content } else { Evidence::Neighbours };
                self.assignment(&mixed, evidence)
            })
            .collect()
    }

    /// The theme of every paragraph of `doc`, as (block index, assignment), in order. A
    /// paragraph under a titled section whose title maps onto a theme
    /// ([`Taxonomy::theme_of_section`]) takes it (confidence 1, [`Evidence::Heading`]); the
    /// others are classified by content as a sequence ([`Self::classify_sequence`]), with the
    /// heading-given themes as certain neighbours.
    pub fn classify_document(&self, doc: &Document) -> Vec<(usize, Assignment)> {
        let paragraphs: Vec<usize> = doc.iter_paragraphs().map(|b| b.index).collect();
        let themes = self.taxonomy.themes.len();
        let mut fixed = Vec::with_capacity(paragraphs.len());
        let own: Vec<Vec<f64>> = paragraphs
            .iter()
            .map(|&i| {
                let block = &doc.blocks[i];
                let section = titled_section(doc, block)
                    .and_then(|title| self.taxonomy.theme_of_section(title))
                    .and_then(|id| self.taxonomy.index(id));
                let own = self.probabilities(&block.key);
                // A section groups what its authors put together (the Aral Sea under 经贸合作);
                // a paragraph whose own words say, with near certainty, another theme keeps
                // that theme, so that titled and untitled years count it alike.
                let section = section.filter(|&k| {
                    let best = argmax(&own);
                    best == k || own[best] < SECTION_OVERRIDDEN_FROM
                });
                fixed.push(section.is_some());
                match section {
                    Some(k) => (0..themes).map(|j| if j == k { 1.0 } else { 0.0 }).collect(),
                    None => own,
                }
            })
            .collect();
        paragraphs.into_iter().zip(self.smooth(&own, &fixed)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_training_set_parses_and_bad_lines_are_named() {
        assert_eq!(training_set().len(), 132);
        let t = Taxonomy::builtin();
        let err =
            parse_set(Path::new("s.jsonl"), "{\"id\":\"a\",\"theme\":\"security\",\"text\":\"x\"}\n{\"id\":1}\n", t)
                .unwrap_err()
                .to_string();
        assert!(err.starts_with("s.jsonl: line 2: "), "{err}");
        let err =
            parse_set(Path::new("s.jsonl"), "{\"id\":\"a\",\"theme\":\"sport\",\"text\":\"x\"}\n", t).unwrap_err();
        assert!(err.to_string().contains("line 1: unknown theme `sport`"), "{err}");
    }

    #[test]
    fn classifies_clear_paragraphs_confidently() {
        let c = ContentClassifier::builtin();
        for (text, theme) in [
            ("成员国强烈谴责一切形式的恐怖主义。", "security"),
            ("成员国支持扩大本币结算份额，深化贸易和投资合作。", "economy"),
            ("成员国支持加强冰川保护和水资源综合管理。", "environment"),
            ("成员国欢迎举办上合组织马拉松赛，支持青年交流。", "humanitarian"),
            ("元首理事会下次会议将于2026年在比什凯克举行。", "organisation"),
            ("世界多极化趋势不可逆转，国际关系正经历深刻演变。", "principles"),
        ] {
            let a = c.classify(text);
            assert_eq!((a.theme.as_str(), a.unsure, a.evidence), (theme, false, Evidence::Content), "{text}");
        }
        // No keyword at all: the learnt n-grams decide, and the answer is unsure or not, never a panic.
        let a = c.classify("甲乙丙丁。");
        assert!((0.0..=1.0).contains(&a.confidence));
    }

    #[test]
    fn neighbours_only_tip_weak_paragraphs() {
        let c = ContentClassifier::builtin();
        // A weak paragraph between two security paragraphs leans to security; the strong ones
        // around it keep their own themes whatever the order.
        let keys = ["成员国强烈谴责恐怖主义。", "成员国愿继续合作。", "成员国将打击毒品贩运。"];
        let alone: Vec<Assignment> = keys.iter().map(|k| c.classify(k)).collect();
        let seq = c.classify_sequence(&keys);
        assert_eq!(seq[0], alone[0]);
        assert_eq!(seq[2], alone[2]);
        assert_eq!(seq[1].theme, "security");
    }
}
