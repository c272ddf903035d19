//! The series commands measured against a simulated series' truth
//! ([`super::series::SeriesTruth`]): lineage first years, ancestors and carried status,
//! term years, the narrowed endorsement, theme shares. `decldiff eval series`;
//! docs/accuracy.md.

use rayon::prelude::*;
use serde::Serialize;

use super::series::{SeriesTruth, theme_counts};
use crate::align::AlignOptions;
use crate::classify::ChangeClass;
use crate::score::{CompareOptions, compare_profiles};
use crate::series::lineage::lineage;
use crate::series::terms::{Aliases, follow};
use crate::series::{Member, Series};
use crate::tokenize::Tokenizer;

/// A term's years found against the truth.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct TermCheck {
    /// The term.
    pub term: String,
    /// The true first and last years.
    pub truth: [Option<i32>; 2],
    /// The first and last years found.
    pub found: [Option<i32>; 2],
    /// Whether every year of presence matches.
    pub exact: bool,
}

/// The scores.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct SeriesScores {
    /// The JSON schema version.
    pub schema_version: u32,
    /// Years in the series.
    pub years: usize,
    /// Paragraphs over all years.
    pub paragraphs: usize,
    /// Paragraphs whose first-appearance year is right.
    pub first_year_correct: usize,
    /// Their share, 0..=1.
    pub first_year_accuracy: f64,
    /// Paragraphs with an ancestor in the year before (truth).
    pub ancestors: usize,
    /// Of those, found at the right block.
    pub ancestor_correct: usize,
    /// Their share, 0..=1.
    pub ancestor_accuracy: f64,
    /// Paragraphs whose verbatim / edited / new status is right.
    pub carried_correct: usize,
    /// Their share, 0..=1.
    pub carried_accuracy: f64,
    /// Every scheduled term.
    pub terms: Vec<TermCheck>,
    /// Narrowed endorsements in the truth, and how many `compare` reports as `endorsers`.
    pub endorsements: [usize; 2],
    /// (year, section) pairs whose paragraph count differs from the truth (the truth knows
    /// sections, not themes by content).
    pub theme_share_mismatches: usize,
}

/// Runs every series command on `members` (the simulated collection, in year order) and
/// scores it against `truth`.
pub fn evaluate(members: &[Member], truth: &SeriesTruth, tokenizer: &Tokenizer) -> SeriesScores {
    let series = Series::new(members, tokenizer);
    let options = AlignOptions::default();
    let consecutive = series.consecutive_alignments(&options);
    let lineages: Vec<_> =
        (0..members.len()).into_par_iter().map(|k| lineage(&series, k, &consecutive, &options)).collect();
    let (mut paragraphs, mut first_ok, mut ancestors, mut ancestor_ok, mut carried_ok) = (0, 0, 0, 0, 0);
    for (k, year) in truth.years.iter().enumerate() {
        let Some(found) = lineages.get(k) else { continue };
        for p in &year.paragraphs {
            paragraphs += 1;
            let Some(mine) = found.paragraphs.iter().find(|m| m.block == p.block) else { continue };
            first_ok += usize::from(mine.first_year == p.first_year);
            carried_ok += usize::from(mine.carried == p.carried);
            if let Some(ancestor) = p.ancestor {
                ancestors += 1;
                let previous = k.checked_sub(1).map(|j| members[j].year);
                let linked = mine.ancestors.iter().find(|a| Some(a.year) == previous).map(|a| a.block);
                ancestor_ok += usize::from(linked == Some(ancestor));
            }
        }
    }
    let names: Vec<String> = truth.terms.iter().map(|t| t.term.clone()).collect();
    let followed = follow(members, &names, &Aliases::builtin());
    let terms = truth
        .terms
        .iter()
        .zip(&followed)
        .map(|(t, f)| {
            let present: Vec<i32> = f.years.iter().filter(|y| y.count > 0).map(|y| y.year).collect();
            TermCheck {
                term: t.term.clone(),
                truth: [t.years.first().copied(), t.years.last().copied()],
                found: [f.first, f.last],
                exact: present == t.years,
            }
        })
        .collect();
    let compare_options = CompareOptions::default();
    let endorsements_found = truth
        .endorsements
        .iter()
        .filter(|e| {
            let Some(k) = members.iter().position(|m| m.year == e.year).filter(|&k| k > 0) else { return false };
            let report = compare_profiles(&series.profiles[k - 1], &series.profiles[k], tokenizer, &compare_options);
            report
                .changes
                .iter()
                .any(|c| c.new.contains(&e.block) && c.edits.iter().any(|edit| edit.class == ChangeClass::Endorsers))
        })
        .count();
    let truth_counts = theme_counts(truth);
    let mut mismatches = 0;
    for ((_, counts), member) in truth_counts.iter().zip(members) {
        // The truth knows sections, not themes by content: count each paragraph's section.
        let doc = &member.document;
        let mut mine = std::collections::BTreeMap::new();
        for block in doc.iter_paragraphs() {
            let section = block.section.map_or(crate::segment::PREAMBLE, |h| doc.blocks[h].key.as_str());
            *mine.entry(section.to_owned()).or_insert(0usize) += 1;
        }
        let themes: std::collections::BTreeSet<&String> = counts.keys().chain(mine.keys()).collect();
        mismatches += themes.iter().filter(|t| counts.get(**t) != mine.get(**t)).count();
    }
    let share = |part: usize, whole: usize| if whole == 0 { 0.0 } else { crate::round4(part as f64 / whole as f64) };
    SeriesScores {
        schema_version: crate::SCHEMA_VERSION,
        years: members.len(),
        paragraphs,
        first_year_correct: first_ok,
        first_year_accuracy: share(first_ok, paragraphs),
        ancestors,
        ancestor_correct: ancestor_ok,
        ancestor_accuracy: share(ancestor_ok, ancestors),
        carried_correct: carried_ok,
        carried_accuracy: share(carried_ok, paragraphs),
        terms,
        endorsements: [truth.endorsements.len(), endorsements_found],
        theme_share_mismatches: mismatches,
    }
}

/// Scores the series commands on a simulated collection against its truth.
///
/// # Errors
/// A collection without truth, or one whose texts do not read.
pub fn evaluate_collection(session: &crate::session::Session, collection: &str) -> crate::Result<SeriesScores> {
    let truth = super::series::read_truth(session.corpus(), collection)?;
    let members = session.members(&crate::session::SeriesQuery::all(collection))?;
    Ok(evaluate(&members, &truth, Tokenizer::shared()))
}
