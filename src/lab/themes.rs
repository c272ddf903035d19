//! Themes by content, measured: the taxonomy classifier on a labelled set (cross-validated
//! when the set is its training set) and on a document with titled sections, headings hidden.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::segment::Document;
use crate::theme::content::{Assignment, ContentClassifier, LabelledParagraph, UNSURE_BELOW};
use crate::theme::taxonomy::Taxonomy;

/// The folds of the cross-validation on a set that overlaps the training set.
pub const FOLDS: usize = 5;

/// One theme's recall on a set.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ThemeRecall {
    /// The theme id.
    pub theme: String,
    /// Its display name.
    pub name: String,
    /// Paragraphs of the theme given it, confidently.
    pub correct: usize,
    /// Paragraphs of the theme.
    pub paragraphs: usize,
    /// `correct / paragraphs`.
    pub recall: f64,
}

/// One paragraph the classifier got wrong or was unsure of.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Miss {
    /// The paragraph's id.
    pub id: String,
    /// Its labelled theme.
    pub truth: String,
    /// The classifier's best guess.
    pub predicted: String,
    /// Its confidence.
    pub confidence: f64,
    /// Whether the answer was unsure.
    pub unsure: bool,
    /// The paragraph's text.
    pub text: String,
}

/// What [`evaluate_set`] measured.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct SetScores {
    /// The set's file.
    pub set: String,
    /// How the figures were obtained: `cross-validated, 5 folds` or `trained on …`.
    pub method: String,
    /// Paragraphs in the set.
    pub paragraphs: usize,
    /// Share given their labelled theme confidently (unsure counts as wrong).
    pub accuracy: f64,
    /// Share of the confident answers that are right.
    pub confident_accuracy: f64,
    /// Share of the answers that are not unsure.
    pub coverage: f64,
    /// Share whose best guess is right, unsure or not.
    pub best_guess_accuracy: f64,
    /// The threshold below which an answer is unsure.
    pub unsure_below: f64,
    /// Per theme of the taxonomy, in its order.
    pub per_theme: Vec<ThemeRecall>,
    /// (labelled, predicted, count) for every wrong best guess, most frequent first.
    pub confusions: Vec<(String, String, usize)>,
    /// The paragraphs missed or unsure, in the set's order.
    pub misses: Vec<Miss>,
}

/// Measures the classifier on a labelled set. Paragraphs are classified one by one (a set's
/// order carries no meaning). When the set shares ids with the training set, the figure is
/// cross-validated: the set is cut into [`FOLDS`] folds by the rank of its sorted ids, and each
/// fold is classified by a model trained without that fold's paragraphs; otherwise one model
/// trained on all the training paragraphs classifies the set.
pub fn evaluate_set(
    name: &str,
    set: &[LabelledParagraph],
    taxonomy: &Taxonomy,
    training: &[LabelledParagraph],
) -> SetScores {
    let training_ids: BTreeSet<&str> = training.iter().map(|p| p.id.as_str()).collect();
    let overlaps = set.iter().any(|p| training_ids.contains(p.id.as_str()));
    let mut sorted: Vec<&str> = set.iter().map(|p| p.id.as_str()).collect();
    sorted.sort_unstable();
    let fold_of = |id: &str| if overlaps { sorted.binary_search(&id).unwrap_or(0) % FOLDS } else { 0 };
    let folds = if overlaps { FOLDS } else { 1 };
    let texts: Vec<&str> = set.iter().map(|p| p.text.as_str()).collect();
    let keys = crate::normalize::comparison_keys(&texts);
    let mut predicted: Vec<Option<Assignment>> = vec![None; set.len()];
    for fold in 0..folds {
        let held: BTreeSet<&str> = set.iter().filter(|p| fold_of(&p.id) == fold).map(|p| p.id.as_str()).collect();
        let rest: Vec<LabelledParagraph> = training.iter().filter(|p| !held.contains(p.id.as_str())).cloned().collect();
        let model = ContentClassifier::train(taxonomy, &rest);
        for (i, paragraph) in set.iter().enumerate() {
            if fold_of(&paragraph.id) == fold {
                predicted[i] = Some(model.classify(&keys[i]));
            }
        }
    }
    let predicted: Vec<Assignment> = predicted.into_iter().map(|a| a.expect("every paragraph has a fold")).collect();
    let n = set.len().max(1) as f64;
    let right = |p: &LabelledParagraph, a: &Assignment| a.theme == p.theme && !a.unsure;
    let correct = set.iter().zip(&predicted).filter(|(p, a)| right(p, a)).count();
    let confident = predicted.iter().filter(|a| !a.unsure).count();
    let best = set.iter().zip(&predicted).filter(|(p, a)| a.theme == p.theme).count();
    let per_theme = taxonomy
        .themes
        .iter()
        .map(|t| {
            let of: Vec<(&LabelledParagraph, &Assignment)> =
                set.iter().zip(&predicted).filter(|(p, _)| p.theme == t.id).collect();
            let correct = of.iter().filter(|(p, a)| right(p, a)).count();
            let recall = crate::round4(correct as f64 / of.len().max(1) as f64);
            ThemeRecall { theme: t.id.clone(), name: t.name.clone(), correct, paragraphs: of.len(), recall }
        })
        .collect();
    let mut confusions: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (p, a) in set.iter().zip(&predicted).filter(|(p, a)| a.theme != p.theme) {
        *confusions.entry((p.theme.clone(), a.theme.clone())).or_default() += 1;
    }
    let mut confusions: Vec<(String, String, usize)> = confusions.into_iter().map(|((t, p), n)| (t, p, n)).collect();
    confusions.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| (&a.0, &a.1).cmp(&(&b.0, &b.1))));
    let misses = set
        .iter()
        .zip(&predicted)
        .filter(|(p, a)| !right(p, a))
        .map(|(p, a)| Miss {
            id: p.id.clone(),
            truth: p.theme.clone(),
            predicted: a.theme.clone(),
            confidence: a.confidence,
            unsure: a.unsure,
            text: p.text.clone(),
        })
        .collect();
    SetScores {
        set: name.to_owned(),
        method: if overlaps {
            format!("cross-validated, {FOLDS} folds by sorted id, each trained without its fold")
        } else {
            format!("trained on all {} training paragraphs", training.len())
        },
        paragraphs: set.len(),
        accuracy: crate::round4(correct as f64 / n),
        confident_accuracy: crate::round4(correct as f64 / confident.max(1) as f64),
        coverage: crate::round4(confident as f64 / n),
        best_guess_accuracy: crate::round4(best as f64 / n),
        unsure_below: UNSURE_BELOW,
        per_theme,
        confusions,
        misses,
    }
}

/// The taxonomy on a document with titled sections, headings hidden: each paragraph's truth is
/// the theme its section maps onto ([`Taxonomy::theme_of_section`]; the preamble before the
/// first heading is `principles`), its prediction the built-in classifier's (trained on the
/// training set, never on this document).
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct SectionScores {
    /// Paragraphs whose section maps onto a theme.
    pub paragraphs: usize,
    /// Accuracy of each paragraph alone (unsure counts as wrong).
    pub alone: f64,
    /// Accuracy of the document classified in order, with smoothing (unsure counts as wrong).
    pub in_order: f64,
    /// Share of the in-order answers that are not unsure.
    pub coverage: f64,
}

/// [`SectionScores`] of a document, or `None` when no section maps onto the taxonomy.
pub fn taxonomy_on_sections(document: &Document, classifier: &ContentClassifier) -> Option<SectionScores> {
    let taxonomy = classifier.taxonomy();
    let paragraphs: Vec<&crate::segment::Block> = document.iter_paragraphs().collect();
    let truth: Vec<Option<&str>> = paragraphs
        .iter()
        .map(|b| match crate::theme::content::titled_section(document, b) {
            Some(title) => taxonomy.theme_of_section(title),
            // The preamble of a text with titled sections states principles.
            None if b.section.is_none() && document.has_titled_sections() => Some("principles"),
            None => None,
        })
        .collect();
    let scored = truth.iter().flatten().count();
    if scored == 0 {
        return None;
    }
    let keys: Vec<&str> = paragraphs.iter().map(|b| b.key.as_str()).collect();
    let in_order = classifier.classify_sequence(&keys);
    let accuracy = |assignments: &[Assignment]| {
        let right = truth.iter().zip(assignments).filter(|(t, a)| **t == Some(a.theme.as_str()) && !a.unsure);
        crate::round4(right.count() as f64 / scored as f64)
    };
    let alone: Vec<Assignment> = keys.iter().map(|k| classifier.classify(k)).collect();
    let sure = truth.iter().zip(&in_order).filter(|(t, a)| t.is_some() && !a.unsure).count();
    Some(SectionScores {
        paragraphs: scored,
        alone: accuracy(&alone),
        in_order: accuracy(&in_order),
        coverage: crate::round4(sure as f64 / scored as f64),
    })
}
