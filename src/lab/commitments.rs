//! Commitment changes measured against a gold set (tests/data/commitments/): a draft, a final
//! and the changes between them with their kind, scale and direction, and traps that must not
//! be reported as the commitment change they resemble.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::classify::ChangeClass;
use crate::error::{Error, Result};
use crate::session::Session;

/// A gold change.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldChange {
    /// Block index (draft and final have the same blocks).
    pub block: usize,
    /// `stance`, `modality`, `intensity` or `endorsers`.
    pub kind: String,
    /// The old words.
    pub from: String,
    /// The new words.
    pub to: String,
    /// `stronger`, `weaker`, `narrower` or `wider`.
    pub direction: String,
}

/// A gold trap: an edit that must not be reported as a commitment change.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldTrap {
    /// Block index.
    pub block: usize,
    /// What it is (`lookalike`, `clause_addition`…).
    pub trap: String,
}

#[derive(Debug, Clone, Deserialize)]
struct GoldFile {
    draft: String,
    #[serde(rename = "final")]
    final_text: String,
    changes: Vec<GoldChange>,
    traps: Vec<GoldTrap>,
}

/// A commitment change decldiff reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Found {
    /// Block index in the final.
    pub block: usize,
    /// Its kind.
    pub kind: String,
    /// Old words.
    pub from: String,
    /// New words.
    pub to: String,
    /// Its direction.
    pub direction: String,
}

/// The scores of one set.
#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct CommitmentScores {
    /// Gold changes.
    pub gold: usize,
    /// Gold changes found with the right kind, words (stance, modality) and direction.
    pub found_right: usize,
    /// Changes reported.
    pub reported: usize,
    /// Reported changes that are a gold change.
    pub reported_right: usize,
    /// Recall with the right direction.
    pub recall: f64,
    /// Precision.
    pub precision: f64,
    /// Traps reported as commitment changes.
    pub traps_reported: usize,
    /// Traps in the set.
    pub traps: usize,
    /// Gold changes not found right.
    pub missed: Vec<String>,
    /// Reported changes that are not gold.
    pub wrong: Vec<String>,
}

/// Scores `dir` (`draft.txt`, `final.txt`, `gold.json`).
///
/// # Errors
/// Reading errors, or [`Error::Data`] for a malformed gold file.
pub fn score_dir(session: &Session, dir: &Path) -> Result<CommitmentScores> {
    let gold_path = dir.join("gold.json");
    let gold: GoldFile = serde_json::from_str(&crate::files::read_text(&gold_path)?).map_err(|e| Error::Data {
        path: gold_path.clone(),
        what: e.to_string(),
        hint: None,
    })?;
    let old = session.load(&dir.join(&gold.draft).display().to_string())?;
    let new = session.load(&dir.join(&gold.final_text).display().to_string())?;
    let report = session.compare(&old, &new);
    let found: Vec<Found> = report
        .changes
        .iter()
        .flat_map(|change| {
            let block = change.new.first().copied().unwrap_or_default();
            change.edits.iter().filter_map(move |edit| match (&edit.shift, edit.class) {
                (Some(shift), _) => Some(Found {
                    block,
                    kind: shift.kind.clone(),
                    from: shift.from.clone(),
                    to: shift.to.clone(),
                    direction: shift.direction.as_str().to_owned(),
                }),
                (None, ChangeClass::Endorsers) => Some(Found {
                    block,
                    kind: "endorsers".to_owned(),
                    from: edit.old.clone(),
                    to: edit.new.clone(),
                    direction: String::new(),
                }),
                _ => None,
            })
        })
        .collect();
    Ok(score(&gold.changes, &gold.traps, &found))
}

/// Whether a reported change is the gold one: same block, kind and direction; for stance and
/// modality the same words (intensity and endorsers report the phrase around them).
fn matches(gold: &GoldChange, found: &Found) -> bool {
    let words = match gold.kind.as_str() {
        "stance" | "modality" => gold.from == found.from && gold.to == found.to,
        _ => true,
    };
    let direction = gold.kind == "endorsers" && found.direction.is_empty() || gold.direction == found.direction;
    gold.block == found.block && gold.kind == found.kind && words && direction
}

/// Scores reported changes against the gold.
pub fn score(gold: &[GoldChange], traps: &[GoldTrap], found: &[Found]) -> CommitmentScores {
    let mut scores =
        CommitmentScores { gold: gold.len(), reported: found.len(), traps: traps.len(), ..Default::default() };
    for g in gold {
        if found.iter().any(|f| matches(g, f)) {
            scores.found_right += 1;
        } else {
            scores.missed.push(format!("block {} {} {} → {} {}", g.block, g.kind, g.from, g.to, g.direction));
        }
    }
    for f in found {
        if gold.iter().any(|g| matches(g, f)) {
            scores.reported_right += 1;
        } else {
            let trap = traps.iter().find(|t| t.block == f.block).map(|t| format!(" (trap: {})", t.trap));
            scores.traps_reported += usize::from(trap.is_some());
            scores.wrong.push(format!(
                "block {} {} {} → {} {}{}",
                f.block,
                f.kind,
                f.from,
                f.to,
                f.direction,
                trap.unwrap_or_default()
            ));
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { (a as f64 / b as f64 * 10_000.0).round() / 10_000.0 };
    scores.recall = ratio(scores.found_right, scores.gold);
    scores.precision = ratio(scores.reported_right, scores.reported);
    scores
}
