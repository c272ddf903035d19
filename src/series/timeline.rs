//! The timeline of a series: every consecutive pair compared (in parallel); per year, each
//! theme's share of paragraphs and characters; per year and theme, what was added, removed,
//! reworded and moved, the wording-shift index, commitment shifts and changes of endorsers.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use super::Series;
use crate::classify::ChangeClass;
use crate::report::Report;
use crate::score::{CompareOptions, compare_profiles};
use crate::segment::BlockKind;
use crate::tokenize::Tokenizer;

/// A theme's share of one year's declaration.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ThemeShare {
    /// The theme.
    pub theme: String,
    /// Its paragraphs.
    pub paragraphs: usize,
    /// Their characters.
    pub chars: usize,
    /// Its share of the year's paragraphs, 0..=1.
    pub paragraph_share: f64,
    /// Its share of the year's characters, 0..=1.
    pub char_share: f64,
}

/// What changed in a theme from the year before.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ThemeChange {
    /// The theme (in the later year's names).
    pub theme: String,
    /// Paragraphs added.
    pub added: usize,
    /// Paragraphs removed.
    #[serde(rename = "deleted")]
    pub removed: usize,
    /// Paragraphs reworded (splits and merges included).
    pub reworded: usize,
    /// Paragraphs moved in from another theme.
    pub moved_in: usize,
    /// Paragraphs moved out to another theme.
    pub moved_out: usize,
    /// The wording-shift index (docs/scoring.md).
    pub wording_shift: f64,
}

/// One year of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct YearRow {
    /// The year.
    pub year: i32,
    /// The declaration's id.
    pub id: String,
    /// Its paragraphs.
    pub paragraphs: usize,
    /// Their characters.
    pub chars: usize,
    /// Each theme's share, in the timeline's theme order.
    pub shares: Vec<ThemeShare>,
    /// What changed from the year before (none for the first year).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<YearChange>,
}

/// What changed from the year before.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct YearChange {
    /// The year compared with.
    pub from_year: i32,
    /// Paragraphs added, removed, reworded, moved between themes.
    pub added: usize,
    /// See `added`.
    #[serde(rename = "deleted")]
    pub removed: usize,
    /// See `added`.
    pub reworded: usize,
    /// See `added`.
    pub moved: usize,
    /// The wording-shift index of the whole text.
    pub wording_shift: f64,
    /// Commitments strengthened.
    pub stronger: usize,
    /// Commitments weakened.
    pub weaker: usize,
    /// Stronger minus weaker, in ladder steps.
    pub net_shift_steps: i64,
    /// Paragraphs whose endorsers changed (成员国 → a named list of states, …).
    pub endorsers: usize,
    /// Per theme.
    pub themes: Vec<ThemeChange>,
}

/// The timeline of a series.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Timeline {
    /// The JSON schema version.
    pub schema_version: u32,
    /// The themes: the taxonomy's in its order, then others in order of first appearance.
    pub themes: Vec<String>,
    /// One row per year.
    pub years: Vec<YearRow>,
}

/// Compares every consecutive pair of `series` (in parallel) and tabulates.
pub fn timeline(series: &Series, tokenizer: &Tokenizer, options: &CompareOptions) -> Timeline {
    let reports: Vec<Report> = (1..series.members.len())
        .into_par_iter()
        .map(|k| compare_profiles(&series.profiles[k - 1], &series.profiles[k], tokenizer, options))
        .collect();
    let mut themes: Vec<String> = Vec::new();
    for member in series.members {
        for block in member.document.iter_paragraphs() {
            if !themes.contains(&block.theme) {
                themes.push(block.theme.clone());
            }
        }
    }
    // The taxonomy's themes first, in its order (a stable sort keeps the others as found).
    themes.sort_by_key(|t| options.theme_order.iter().position(|o| o == t).unwrap_or(usize::MAX));
    let years = series
        .members
        .iter()
        .enumerate()
        .map(|(k, member)| {
            let mut per_theme: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
            for block in member.document.iter_paragraphs() {
                let entry = per_theme.entry(block.theme.as_str()).or_default();
                entry.0 += 1;
                entry.1 += block.key.chars().count();
            }
            let paragraphs: usize = per_theme.values().map(|v| v.0).sum();
            let chars: usize = per_theme.values().map(|v| v.1).sum();
            let share =
                |part: usize, whole: usize| if whole == 0 { 0.0 } else { crate::round4(part as f64 / whole as f64) };
            let shares = themes
                .iter()
                .map(|theme| {
                    let (p, c) = per_theme.get(theme.as_str()).copied().unwrap_or_default();
                    ThemeShare {
                        theme: theme.clone(),
                        paragraphs: p,
                        chars: c,
                        paragraph_share: share(p, paragraphs),
                        char_share: share(c, chars),
                    }
                })
                .collect();
            let change =
                k.checked_sub(1).map(|previous| year_change(&reports[previous], series.members[previous].year));
            YearRow { year: member.year, id: member.id.clone(), paragraphs, chars, shares, change }
        })
        .collect();
    Timeline { schema_version: crate::SCHEMA_VERSION, themes, years }
}

fn year_change(report: &Report, from_year: i32) -> YearChange {
    let t = &report.total;
    let endorsers = report
        .changes
        .iter()
        .filter(|c| c.block == BlockKind::Paragraph && c.edits.iter().any(|e| e.class == ChangeClass::Endorsers))
        .count();
    YearChange {
        from_year,
        added: t.added,
        removed: t.removed,
        reworded: t.reworded,
        moved: t.moved_in,
        wording_shift: t.wording_shift,
        stronger: t.stronger,
        weaker: t.weaker,
        net_shift_steps: t.net_shift_steps,
        endorsers,
        themes: report
            .themes
            .iter()
            .map(|s| ThemeChange {
                theme: s.theme.clone(),
                added: s.added,
                removed: s.removed,
                reworded: s.reworded,
                moved_in: s.moved_in,
                moved_out: s.moved_out,
                wording_shift: s.wording_shift,
            })
            .collect(),
    }
}
