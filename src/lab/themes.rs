//! Themes by content, measured: leave-one-out accuracy on a document with titled sections,
//! headings hidden.

use crate::segment::Document;
use crate::theme::{Example, Lexicon, ThemeModel};
use crate::tokenize::Tokenizer;

/// What [`leave_one_out`] measured.
#[derive(Debug, Clone, PartialEq)]
pub struct LeaveOneOut {
    /// Accuracy of each paragraph's theme alone.
    pub alone: f64,
    /// Accuracy with sequence smoothing.
    pub smoothed: f64,
    /// Per theme: (name, correct, paragraphs).
    pub per_theme: Vec<(String, usize, usize)>,
}

/// Leave-one-out accuracy on the paragraphs of documents with titled sections, headings
/// hidden: each paragraph's scores come from a model trained without it. Returns (accuracy
/// per paragraph alone, accuracy with sequence smoothing, per-theme (name, correct, total)).
pub fn leave_one_out(document: &Document, lexicon: &Lexicon, tokenizer: &Tokenizer) -> LeaveOneOut {
    use rayon::prelude::*;
    let examples = ThemeModel::examples(&[document], tokenizer);
    let full = ThemeModel::train(&examples, lexicon);
    let scores: Vec<Vec<f64>> = (0..examples.len())
        .into_par_iter()
        .map(|held| {
            let rest: Vec<Example> =
                examples.iter().enumerate().filter(|(i, _)| *i != held).map(|(_, e)| e.clone()).collect();
            let model = ThemeModel::train(&rest, lexicon);
            // Keep the full model's theme order: a theme with a single paragraph still exists
            // through its lexicon entry.
            let s = model.scores(examples[held].0.iter().map(String::as_str));
            full.names().iter().map(|n| model.names().iter().position(|m| m == n).map_or(0.0, |k| s[k])).collect()
        })
        .collect();
    let truth: Vec<usize> =
        examples.iter().map(|(_, t)| full.names().iter().position(|n| n == t).expect("trained on it")).collect();
    let alone: Vec<usize> = scores
        .iter()
        .map(|s| s.iter().enumerate().fold((f64::MIN, 0), |a, (k, v)| if *v > a.0 { (*v, k) } else { a }).1)
        .collect();
    let smoothed: Vec<usize> = full.decode(&scores).into_iter().map(|(k, _)| k).collect();
    let accuracy = |predicted: &[usize]| {
        predicted.iter().zip(&truth).filter(|(p, t)| p == t).count() as f64 / truth.len().max(1) as f64
    };
    let per_theme = full
        .names()
        .iter()
        .enumerate()
        .filter_map(|(k, name)| {
            let total = truth.iter().filter(|t| **t == k).count();
            (total > 0).then(|| {
                (name.clone(), smoothed.iter().zip(&truth).filter(|(p, t)| **t == k && **p == k).count(), total)
            })
        })
        .collect();
    LeaveOneOut { alone: crate::round4(accuracy(&alone)), smoothed: crate::round4(accuracy(&smoothed)), per_theme }
}
