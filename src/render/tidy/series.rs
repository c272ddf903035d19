//! The series commands' tidy tables: `timeline` per year and theme or per year, `terms` per
//! term and year or per term, `lineage` per paragraph or per theme.

use serde::Serialize;

use super::{joined, number};
use crate::report::Term;
use crate::series::lineage::{Carried, Lineage};
use crate::series::terms::TermSeries;
use crate::series::timeline::Timeline;

/// `timeline`: one row per year and theme.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[allow(missing_docs)] // the columns are documented in docs/tables.md
pub struct TimelineThemeRow {
    pub year: i32,
    pub id: String,
    pub theme: String,
    pub paragraphs: usize,
    pub chars: usize,
    pub paragraph_share: f64,
    pub char_share: f64,
    pub from_year: Option<i32>,
    pub added: Option<usize>,
    pub deleted: Option<usize>,
    pub reworded: Option<usize>,
    pub moved_in: Option<usize>,
    pub moved_out: Option<usize>,
    pub wording_shift: Option<f64>,
}

/// `timeline`: one row per year, every theme together.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[allow(missing_docs)] // the columns are documented in docs/tables.md
pub struct TimelineYearRow {
    pub year: i32,
    pub id: String,
    pub paragraphs: usize,
    pub chars: usize,
    pub from_year: Option<i32>,
    pub added: Option<usize>,
    pub deleted: Option<usize>,
    pub reworded: Option<usize>,
    pub moved: Option<usize>,
    pub wording_shift: Option<f64>,
    pub stronger: Option<usize>,
    pub weaker: Option<usize>,
    pub net_shift_steps: Option<i64>,
    pub endorsers: Option<usize>,
}

/// The timeline's two tables.
pub fn timeline_tables(timeline: &Timeline) -> (Vec<TimelineThemeRow>, Vec<TimelineYearRow>) {
    let mut themes = Vec::new();
    let mut years = Vec::new();
    for year in &timeline.years {
        let change = year.change.as_ref();
        for share in &year.shares {
            let theme_change = change.and_then(|c| c.themes.iter().find(|t| t.theme == share.theme));
            // A theme absent from the year before has no change row, but its paragraphs
            // are all new: counts are 0 only where a comparison was made.
            let count =
                |f: fn(&crate::series::timeline::ThemeChange) -> usize| change.map(|_| theme_change.map_or(0, f));
            themes.push(TimelineThemeRow {
                year: year.year,
                id: year.id.clone(),
                theme: share.theme.clone(),
                paragraphs: share.paragraphs,
                chars: share.chars,
                paragraph_share: share.paragraph_share,
                char_share: share.char_share,
                from_year: change.map(|c| c.from_year),
                added: count(|t| t.added),
                deleted: count(|t| t.removed),
                reworded: count(|t| t.reworded),
                moved_in: count(|t| t.moved_in),
                moved_out: count(|t| t.moved_out),
                wording_shift: change.map(|_| theme_change.map_or(0.0, |t| t.wording_shift)),
            });
        }
        years.push(TimelineYearRow {
            year: year.year,
            id: year.id.clone(),
            paragraphs: year.paragraphs,
            chars: year.chars,
            from_year: change.map(|c| c.from_year),
            added: change.map(|c| c.added),
            deleted: change.map(|c| c.removed),
            reworded: change.map(|c| c.reworded),
            moved: change.map(|c| c.moved),
            wording_shift: change.map(|c| c.wording_shift),
            stronger: change.map(|c| c.stronger),
            weaker: change.map(|c| c.weaker),
            net_shift_steps: change.map(|c| c.net_shift_steps),
            endorsers: change.map(|c| c.endorsers),
        });
    }
    (themes, years)
}

/// `terms`: one row per term and year.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[allow(missing_docs)] // the columns are documented in docs/tables.md
pub struct TermYearRow {
    pub term: String,
    pub picked: String,
    pub keyness: Option<f64>,
    pub year: i32,
    pub count: usize,
    pub rate_per_10000_chars: f64,
    pub themes: String,
    pub paragraphs: String,
}

/// `terms`: one row per term.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[allow(missing_docs)] // the columns are documented in docs/tables.md
pub struct TermRow {
    pub term: String,
    pub forms: String,
    pub picked: String,
    pub keyness: Option<f64>,
    pub count_first_year: Option<u32>,
    pub count_last_year: Option<u32>,
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
    pub absent: String,
    pub returns: String,
}

/// The terms the command picked itself: the span, those that rose and those that fell.
pub type Picked = (i32, i32, Vec<Term>, Vec<Term>);

/// Whether `term` was picked as rising or falling, and its keyness.
fn pick<'a>(term: &str, picked: Option<&'a Picked>) -> (&'static str, Option<&'a Term>) {
    let Some((_, _, rose, fell)) = picked else { return ("", None) };
    if let Some(t) = rose.iter().find(|t| t.term == term) {
        return ("rose", Some(t));
    }
    match fell.iter().find(|t| t.term == term) {
        Some(t) => ("fell", Some(t)),
        None => ("", None),
    }
}

/// The terms' two tables.
pub fn terms_tables(terms: &[TermSeries], picked: Option<&Picked>) -> (Vec<TermYearRow>, Vec<TermRow>) {
    let mut by_year = Vec::new();
    let mut by_term = Vec::new();
    for term in terms {
        let (direction, keyness) = pick(&term.term, picked);
        for year in &term.years {
            by_year.push(TermYearRow {
                term: term.term.clone(),
                picked: direction.to_owned(),
                keyness: keyness.map(|t| t.keyness),
                year: year.year,
                count: year.count,
                rate_per_10000_chars: year.rate,
                themes: joined(&year.themes),
                paragraphs: joined(year.blocks.iter().map(|&b| number(b))),
            });
        }
        by_term.push(TermRow {
            term: term.term.clone(),
            forms: joined(&term.forms),
            picked: direction.to_owned(),
            keyness: keyness.map(|t| t.keyness),
            count_first_year: keyness.map(|t| t.old),
            count_last_year: keyness.map(|t| t.new),
            first_year: term.first,
            last_year: term.last,
            absent: joined(term.gaps.iter().map(|[a, b]| if a == b { a.to_string() } else { format!("{a}-{b}") })),
            returns: joined(&term.returns),
        });
    }
    (by_year, by_term)
}

/// `lineage`: one row per paragraph.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[allow(missing_docs)] // the columns are documented in docs/tables.md
pub struct LineageParagraphRow {
    pub id: String,
    pub year: i32,
    pub paragraph: usize,
    pub index: usize,
    pub theme: String,
    pub chars: usize,
    pub first_year: i32,
    pub carried: String,
    pub latest_year: Option<i32>,
    pub latest_paragraph: Option<usize>,
    pub latest_kind: String,
    pub latest_similarity: Option<f64>,
    pub earliest_year: Option<i32>,
    pub earliest_paragraph: Option<usize>,
    pub ancestors: usize,
}

/// `lineage`: one row per theme.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[allow(missing_docs)] // the columns are documented in docs/tables.md
pub struct LineageThemeRow {
    pub id: String,
    pub year: i32,
    pub theme: String,
    pub paragraphs: usize,
    pub chars: usize,
    pub verbatim_from_previous: f64,
    pub verbatim_from_any: f64,
    pub new: f64,
}

/// How a paragraph is carried, as the tables and JSON name it.
pub fn carried_name(carried: Carried) -> &'static str {
    match carried {
        Carried::Verbatim => "verbatim",
        Carried::Edited => "edited",
        Carried::New => "new",
    }
}

/// The lineage's two tables.
pub fn lineage_tables(lineage: &Lineage) -> (Vec<LineageParagraphRow>, Vec<LineageThemeRow>) {
    let paragraphs = lineage
        .paragraphs
        .iter()
        .map(|p| {
            let (latest, earliest) = (p.ancestors.first(), p.ancestors.last());
            LineageParagraphRow {
                id: lineage.id.clone(),
                year: lineage.year,
                paragraph: number(p.block),
                index: p.block,
                theme: p.theme.clone(),
                chars: p.chars,
                first_year: p.first_year,
                carried: carried_name(p.carried).to_owned(),
                latest_year: latest.map(|a| a.year),
                latest_paragraph: latest.map(|a| number(a.block)),
                latest_kind: latest.map(|a| a.kind.as_str().to_owned()).unwrap_or_default(),
                latest_similarity: latest.map(|a| a.similarity),
                earliest_year: earliest.map(|a| a.year),
                earliest_paragraph: earliest.map(|a| number(a.block)),
                ancestors: p.ancestors.len(),
            }
        })
        .collect();
    let themes = lineage
        .themes
        .iter()
        .map(|t| LineageThemeRow {
            id: lineage.id.clone(),
            year: lineage.year,
            theme: t.theme.clone(),
            paragraphs: t.paragraphs,
            chars: t.chars,
            verbatim_from_previous: t.verbatim_from_previous,
            verbatim_from_any: t.verbatim_from_any,
            new: t.new,
        })
        .collect();
    (paragraphs, themes)
}
