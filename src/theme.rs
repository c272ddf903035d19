//! Themes by content, for declarations without titled sections: each unassigned paragraph
//! gets the theme whose profile its words are closest to, with a confidence.
//!
//! A profile is the normalised sum of the TF-IDF vectors of the paragraphs that stand under
//! that theme in documents with titled sections (the 2020 text has six), plus the theme's
//! keywords from a lexicon kept as data (`data/themes.toml`, or the user's `--themes FILE`).
//! Sections are contiguous, so the per-paragraph scores are smoothed over the sequence: the
//! most likely sequence of themes (Viterbi) pays [`SWITCH_PENALTY`] for each change of theme.
//! Measured leave-one-out on the 2020 text with its headings hidden (docs/accuracy.md).
//!
//! Being replaced by the six-theme taxonomy of [`taxonomy`] and its classifier by content,
//! [`content::ContentClassifier`] (docs/themes.md); this model still themes `compare` until
//! the two are integrated.

pub mod content;
pub mod taxonomy;

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::segment::{BlockKind, Document, ThemeSource, UNASSIGNED};
use crate::tokenize::{TokenKind, Tokenizer};

/// The built-in lexicon.
pub const DEFAULT_LEXICON: &str = include_str!("../data/themes.toml");

/// The score a sequence loses for each change of theme between consecutive paragraphs.
pub const SWITCH_PENALTY: f64 = 0.06;

/// A keyword counts as this many occurrences in its theme's profile.
const KEYWORD_WEIGHT: f64 = 3.0;

/// A theme lexicon.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Lexicon {
    /// The themes, in order.
    #[serde(rename = "theme")]
    pub themes: Vec<LexiconTheme>,
}

/// One theme of a lexicon.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct LexiconTheme {
    /// The theme's name.
    pub name: String,
    /// Words that mark it.
    #[serde(default)]
    pub keywords: Vec<String>,
}

impl Lexicon {
    /// The built-in lexicon.
    pub fn builtin() -> Lexicon {
        Lexicon::parse(Path::new("data/themes.toml"), DEFAULT_LEXICON).expect("the built-in lexicon is valid (tested)")
    }

    /// Reads a lexicon (TOML).
    ///
    /// # Errors
    /// [`Error::Io`], or [`Error::Rules`] naming the file and line.
    pub fn read(path: &Path) -> Result<Lexicon> {
        Lexicon::parse(path, &crate::files::read_text(path)?)
    }

    /// Parses a lexicon.
    ///
    /// # Errors
    /// [`Error::Rules`] naming the file and line, or an empty lexicon.
    pub fn parse(path: &Path, text: &str) -> Result<Lexicon> {
        let lexicon: Lexicon = toml::from_str(text)
            .map_err(|e| Error::Rules { path: path.to_owned(), what: crate::error::toml_message(text, &e) })?;
        if lexicon.themes.is_empty() {
            return Err(Error::Rules { path: path.to_owned(), what: "no [[theme]] tables".to_owned() });
        }
        Ok(lexicon)
    }
}

type Vector = HashMap<String, f64>;

/// Theme profiles learnt from documents with titled sections and a lexicon.
#[derive(Debug, Clone)]
pub struct ThemeModel {
    names: Vec<String>,
    profiles: Vec<Vector>,
    idf: HashMap<String, f64>,
    default_idf: f64,
}

/// Content terms (words, titles, Latin words of two characters or more) and their counts.
fn terms<'a>(tokens: impl IntoIterator<Item = &'a str>) -> HashMap<String, f64> {
    let mut counts = HashMap::new();
    for token in tokens {
        let kind = crate::tokenize::kind_of(token);
        if matches!(kind, TokenKind::Word | TokenKind::Title | TokenKind::Latin) && token.chars().count() >= 2 {
            *counts.entry(token.to_owned()).or_insert(0.0) += 1.0;
        }
    }
    counts
}

fn normalise(v: &mut Vector) {
    let norm = v.values().map(|x| x * x).sum::<f64>().sqrt();
    if norm > 0.0 {
        v.values_mut().for_each(|x| *x /= norm);
    }
}

fn cosine(a: &Vector, b: &Vector) -> f64 {
    let (small, large) = if a.len() < b.len() { (a, b) } else { (b, a) };
    small.iter().filter_map(|(t, x)| large.get(t).map(|y| x * y)).sum()
}

/// A labelled paragraph for training: (its tokens, its theme).
pub type Example = (Vec<String>, String);

impl ThemeModel {
    /// The paragraphs of documents with titled sections, labelled with their theme.
    pub fn examples(documents: &[&Document], tokenizer: &Tokenizer) -> Vec<Example> {
        documents
            .iter()
            .filter(|d| d.has_titled_sections())
            .flat_map(|d| {
                d.iter_paragraphs()
                    .filter(|b| b.theme_source != ThemeSource::Unassigned)
                    .map(|b| (b.token_texts(tokenizer).map(str::to_owned).collect(), b.theme.clone()))
            })
            .collect()
    }

    /// Learns profiles from labelled paragraphs and a lexicon. Themes are the lexicon's, then
    /// any other theme the examples have.
    pub fn train(examples: &[Example], lexicon: &Lexicon) -> ThemeModel {
        let mut names: Vec<String> = lexicon.themes.iter().map(|t| t.name.clone()).collect();
        for (_, theme) in examples {
            if !names.contains(theme) {
                names.push(theme.clone());
            }
        }
        let bags: Vec<(HashMap<String, f64>, usize)> = examples
            .iter()
            .map(|(tokens, theme)| {
                (terms(tokens.iter().map(String::as_str)), names.iter().position(|n| n == theme).expect("added above"))
            })
            .collect();
        let mut df: HashMap<String, f64> = HashMap::new();
        for (bag, _) in &bags {
            for term in bag.keys() {
                *df.entry(term.clone()).or_insert(0.0) += 1.0;
            }
        }
        let n = bags.len().max(1) as f64;
        let idf: HashMap<String, f64> = df.into_iter().map(|(t, d)| (t, (1.0 + n / d).ln())).collect();
        let default_idf = (1.0 + n).ln();
        let mut profiles: Vec<Vector> = vec![Vector::new(); names.len()];
        for (bag, theme) in &bags {
            let mut v: Vector =
                bag.iter().map(|(t, c)| (t.clone(), c * idf.get(t).copied().unwrap_or(default_idf))).collect();
            normalise(&mut v);
            for (t, x) in v {
                *profiles[*theme].entry(t).or_insert(0.0) += x;
            }
        }
        let mut model = ThemeModel { names, profiles, idf, default_idf };
        for theme in &lexicon.themes {
            let k = model.names.iter().position(|n| *n == theme.name).expect("lexicon themes come first");
            for keyword in &theme.keywords {
                let weight = KEYWORD_WEIGHT * model.idf.get(keyword).copied().unwrap_or(model.default_idf);
                *model.profiles[k].entry(keyword.clone()).or_insert(0.0) += weight;
            }
        }
        model.profiles.iter_mut().for_each(normalise);
        model
    }

    /// The theme names, in model order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Cosine similarity of a paragraph (its tokens) to every theme profile, in model order.
    pub fn scores<'a>(&self, tokens: impl IntoIterator<Item = &'a str>) -> Vec<f64> {
        let mut v: Vector = terms(tokens)
            .into_iter()
            .map(|(t, c)| {
                let idf = self.idf.get(&t).copied().unwrap_or(self.default_idf);
                (t, c * idf)
            })
            .collect();
        normalise(&mut v);
        self.profiles.iter().map(|p| cosine(&v, p)).collect()
    }

    /// The most likely theme of each of a sequence of paragraphs, from their scores, with the
    /// confidence of each: its score's share of the two best scores (0.5 = a tie, 1 = no
    /// competitor).
    pub fn decode(&self, scores: &[Vec<f64>]) -> Vec<(usize, f64)> {
        let k = self.names.len();
        if scores.is_empty() || k == 0 {
            return Vec::new();
        }
        let mut best: Vec<f64> = scores[0].clone();
        let mut back: Vec<Vec<usize>> = Vec::with_capacity(scores.len());
        back.push((0..k).collect());
        for emission in &scores[1..] {
            let (top, top_state) =
                best.iter().enumerate().fold((f64::MIN, 0), |acc, (s, v)| if *v > acc.0 { (*v, s) } else { acc });
            let mut next = vec![0.0; k];
            let mut from = vec![0; k];
            for s in 0..k {
                let (stay, switch) = (best[s], top - SWITCH_PENALTY);
                (next[s], from[s]) =
                    if stay >= switch { (stay + emission[s], s) } else { (switch + emission[s], top_state) };
            }
            best = next;
            back.push(from);
        }
        let mut state =
            best.iter().enumerate().fold((f64::MIN, 0), |acc, (s, v)| if *v > acc.0 { (*v, s) } else { acc }).1;
        let mut path = vec![0; scores.len()];
        for t in (0..scores.len()).rev() {
            path[t] = state;
            state = back[t][state];
        }
        path.into_iter()
            .zip(scores)
            .map(|(s, emission)| {
                let chosen = emission[s].max(0.0);
                let rival = emission.iter().enumerate().filter(|(i, _)| *i != s).map(|(_, v)| *v).fold(0.0, f64::max);
                let confidence = if chosen + rival > 0.0 { chosen / (chosen + rival) } else { 0.0 };
                (s, (confidence * 1000.0).round() / 1000.0)
            })
            .collect()
    }

    /// Gives every unassigned paragraph of `doc` a theme by content, with its confidence.
    /// Documents with titled sections keep them.
    pub fn assign(&self, doc: &mut Document, tokenizer: &Tokenizer) {
        let unassigned: Vec<usize> = doc
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph && b.theme == UNASSIGNED)
            .map(|b| b.index)
            .collect();
        if unassigned.is_empty() {
            return;
        }
        let scores: Vec<Vec<f64>> =
            unassigned.iter().map(|&i| self.scores(doc.blocks[i].token_texts(tokenizer))).collect();
        for (&i, (theme, confidence)) in unassigned.iter().zip(self.decode(&scores)) {
            let block = &mut doc.blocks[i];
            block.theme = self.names[theme].clone();
            block.theme_source = ThemeSource::Content;
            block.theme_confidence = Some(confidence);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_parses_and_bad_ones_name_the_line() {
        assert!(Lexicon::builtin().themes.len() >= 7);
        let err = Lexicon::parse(Path::new("t.toml"), "[[theme]]\nname = 1\n").unwrap_err().to_string();
        assert!(err.starts_with("t.toml: line 2"), "{err}");
    }

    #[test]
    fn assigns_themes_to_an_unsectioned_text() {
        let seed =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/corpora/sco/sco-2020.zh.txt")).unwrap();
        let sectioned = Document::parse("sco-2020", &seed);
        let t = Tokenizer::shared();
        let model = ThemeModel::train(&ThemeModel::examples(&[&sectioned], t), &Lexicon::builtin());
        let mut doc = Document::parse(
            "plain",
            "成员国强调，必须加强合作共同打击恐怖主义、分裂主义和极端主义。\n成员国支持扩大本币结算份额，深化贸易和投资合作。\n成员国欢迎举办上合组织马拉松赛，支持青年交流和旅游合作。\n",
        );
        model.assign(&mut doc, t);
        let themes: Vec<&str> = doc.blocks.iter().map(|b| b.theme.as_str()).collect();
        assert_eq!(themes, ["安全合作", "经贸合作", "人文合作"]);
        assert!(
            doc.blocks
                .iter()
                .all(|b| b.theme_source == ThemeSource::Content && b.theme_confidence.is_some_and(|c| c > 0.5))
        );
    }
}
