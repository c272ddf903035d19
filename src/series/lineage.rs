//! The lineage of a declaration's paragraphs: for each, its closest ancestor in every earlier
//! declaration of the series, the year its wording first appeared, and whether it is carried
//! verbatim from the year before, edited, or new; per theme, the share of characters carried
//! verbatim from the year before and from any earlier year.
//!
//! Ancestors come from aligning the declaration with each earlier one (in parallel). The first
//! year follows the chain of consecutive alignments back (a paragraph reworded a little every
//! year keeps its origin however far its wording drifts), and an identical paragraph in an
//! earlier year moves it earlier still (a formula dropped for some years and restored).

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::Series;
use crate::align::{AlignOptions, Alignment, LinkKind, align_profiles};

/// How a paragraph relates to the year before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Carried {
    /// The same wording as its ancestor in the year before.
    Verbatim,
    /// Its ancestor in the year before, edited (reworded, split, merged, narrowed).
    Edited,
    /// No ancestor in the year before.
    New,
}

/// A paragraph's ancestor in one earlier declaration.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Ancestor {
    /// The earlier declaration's year.
    pub year: i32,
    /// Its block (the first, for a merge), 0-based.
    pub block: usize,
    /// That block as a reader cites it: `¶N` (block + 1, docs/numbering.md).
    pub paragraph: usize,
    /// The link's similarity.
    pub similarity: f64,
    /// The link's kind.
    pub kind: LinkKind,
}

/// One paragraph's lineage.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ParagraphLineage {
    /// Its block in the declaration, 0-based.
    pub block: usize,
    /// That block as a reader cites it: `¶N` (block + 1, docs/numbering.md).
    pub paragraph: usize,
    /// Its theme.
    pub theme: String,
    /// Characters.
    pub chars: usize,
    /// The year its wording first appeared.
    pub first_year: i32,
    /// Against the year before: verbatim, edited or new.
    pub carried: Carried,
    /// Its ancestor in each earlier declaration where it has one, latest first.
    pub ancestors: Vec<Ancestor>,
}

/// How much of a theme is carried over.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ThemeCarry {
    /// The theme.
    pub theme: String,
    /// Its paragraphs.
    pub paragraphs: usize,
    /// Their characters.
    pub chars: usize,
    /// Share of the characters carried verbatim from the year before, 0..=1.
    pub verbatim_from_previous: f64,
    /// Share carried verbatim from any earlier year, 0..=1.
    pub verbatim_from_any: f64,
    /// Share of new paragraphs' characters, 0..=1.
    pub new: f64,
}

/// The lineage of one declaration.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Lineage {
    /// The JSON schema version.
    pub schema_version: u32,
    /// The declaration's id.
    pub id: String,
    /// Its year.
    pub year: i32,
    /// Every paragraph.
    pub paragraphs: Vec<ParagraphLineage>,
    /// Per theme, in order of appearance, then the whole text as `total`.
    pub themes: Vec<ThemeCarry>,
}

/// The first year of every paragraph of the members the `consecutive` alignments reach
/// (element `k` aligns member `k` with `k + 1`): `first[k][block]`.
pub fn first_years(series: &Series, consecutive: &[Alignment]) -> Vec<Vec<i32>> {
    let reached = &series.members[..(consecutive.len() + 1).min(series.members.len())];
    let mut first: Vec<Vec<i32>> = Vec::with_capacity(reached.len());
    for (k, member) in reached.iter().enumerate() {
        let mut years = vec![member.year; member.document.blocks.len()];
        if k > 0 {
            for link in &consecutive[k - 1].links {
                let origin = link.old.iter().map(|&o| first[k - 1][o]).min().unwrap_or(member.year);
                for &j in &link.new {
                    years[j] = years[j].min(origin);
                }
            }
        }
        first.push(years);
    }
    first
}

/// The lineage of member `index`, given the consecutive alignments of the series.
pub fn lineage(series: &Series, index: usize, consecutive: &[Alignment], options: &AlignOptions) -> Lineage {
    let member = &series.members[index];
    let direct: Vec<Alignment> = (0..index)
        .into_par_iter()
        .map(|e| align_profiles(&series.profiles[e], &series.profiles[index], options))
        .collect();
    let chain = first_years(series, &consecutive[..index]);
    let mut paragraphs = Vec::new();
    for block in member.document.iter_paragraphs() {
        let mut ancestors = Vec::new();
        for (e, alignment) in direct.iter().enumerate().rev() {
            if let Some(link) = alignment.links.iter().find(|l| l.new.contains(&block.index)) {
                ancestors.push(Ancestor {
                    year: series.members[e].year,
                    block: link.old[0],
                    paragraph: link.old[0] + 1,
                    similarity: link.similarity,
                    kind: link.kind,
                });
            }
        }
        let verbatim = |a: &Ancestor| matches!(a.kind, LinkKind::Identical | LinkKind::Moved);
        let previous_year = index.checked_sub(1).map(|p| series.members[p].year);
        let carried = match ancestors.iter().find(|a| Some(a.year) == previous_year) {
            Some(a) if verbatim(a) => Carried::Verbatim,
            Some(_) => Carried::Edited,
            None => Carried::New,
        };
        let restored = ancestors.iter().filter(|a| verbatim(a)).map(|a| a.year).min();
        let first_year = chain[index][block.index].min(restored.unwrap_or(member.year));
        paragraphs.push(ParagraphLineage {
            block: block.index,
            paragraph: block.index + 1,
            theme: block.theme.clone(),
            chars: block.key.chars().count(),
            first_year,
            carried,
            ancestors,
        });
    }
    let themes = carry_by_theme(&paragraphs);
    Lineage { schema_version: crate::SCHEMA_VERSION, id: member.id.clone(), year: member.year, paragraphs, themes }
}

fn carry_by_theme(paragraphs: &[ParagraphLineage]) -> Vec<ThemeCarry> {
    let mut order: Vec<String> = Vec::new();
    let mut sums: BTreeMap<String, [usize; 5]> = BTreeMap::new(); // paragraphs, chars, previous, any, new
    for p in paragraphs {
        for theme in [p.theme.as_str(), "total"] {
            if !order.iter().any(|t| t == theme) && theme != "total" {
                order.push(theme.to_owned());
            }
            let entry = sums.entry(theme.to_owned()).or_default();
            entry[0] += 1;
            entry[1] += p.chars;
            if p.carried == Carried::Verbatim {
                entry[2] += p.chars;
            }
            if p.ancestors.iter().any(|a| matches!(a.kind, LinkKind::Identical | LinkKind::Moved)) {
                entry[3] += p.chars;
            }
            if p.carried == Carried::New {
                entry[4] += p.chars;
            }
        }
    }
    order.push("total".to_owned());
    order
        .into_iter()
        .filter_map(|theme| {
            let [paragraphs, chars, previous, any, new] = *sums.get(&theme)?;
            let share = |part: usize| if chars == 0 { 0.0 } else { crate::round4(part as f64 / chars as f64) };
            Some(ThemeCarry {
                theme,
                paragraphs,
                chars,
                verbatim_from_previous: share(previous),
                verbatim_from_any: share(any),
                new: share(new),
            })
        })
        .collect()
}
