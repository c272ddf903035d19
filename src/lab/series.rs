//! A simulated series: an illustrative N-year collection grown from one declaration, with the
//! truth the series commands are measured against (docs/series.md).
//!
//! Each year revises the year before with [`super::simulate::revise`] (rewordings, moves
//! within and across sections, a split, a merge, deletions), then adds paragraphs the
//! simulator writes from data/simulator/series.toml, keeps the scheduled terms present exactly
//! in their years, and, in one year, narrows an endorsement from 成员国 to a named list of
//! states. The truth records, for every paragraph of every year, its ancestor in the year
//! before, the year its wording first appeared and whether it was carried verbatim, edited or
//! is new; the years of each term; and the narrowed endorsement.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::simulate::{Edits, Rng, revise};
use crate::align::LinkKind;
use crate::segment::{BlockKind, Document};
use crate::series::lineage::Carried;

const SERIES_DATA: &str = include_str!("../../data/simulator/series.toml");

#[derive(Debug, Deserialize)]
struct SeriesData {
    verbs: Vec<String>,
    domains: Vec<String>,
    actions: Vec<String>,
    purposes: Vec<String>,
    term: Vec<TermPlan>,
    endorsement: EndorsementPlan,
}

#[derive(Debug, Deserialize)]
struct TermPlan {
    term: String,
    sentence: String,
    spans: Vec<[f64; 2]>,
}

#[derive(Debug, Deserialize)]
struct EndorsementPlan {
    at: f64,
    states: String,
}

/// One simulated year: its text.
#[derive(Debug, Clone)]
pub struct SimulatedYear {
    /// The year.
    pub year: i32,
    /// The declaration's text.
    pub text: String,
}

/// The truth of one paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ParagraphTruth {
    /// Its block index in its year's document.
    pub block: usize,
    /// The section it stands in (`preamble` before the first heading).
    pub theme: String,
    /// Its ancestor's block index in the year before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ancestor: Option<usize>,
    /// The year its wording first appeared.
    pub first_year: i32,
    /// Verbatim, edited or new.
    pub carried: Carried,
}

/// The truth of one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct YearTruth {
    /// The year.
    pub year: i32,
    /// Every paragraph, in order.
    pub paragraphs: Vec<ParagraphTruth>,
}

/// The years a term stands in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TermTruth {
    /// The term.
    pub term: String,
    /// The years it appears in, ascending.
    pub years: Vec<i32>,
}

/// The narrowed endorsement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct EndorsementTruth {
    /// The year it narrowed.
    pub year: i32,
    /// The paragraph's block index that year.
    pub block: usize,
    /// The subject before.
    pub from: String,
    /// The subject after.
    pub to: String,
}

/// Everything the simulator knows about the series it wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SeriesTruth {
    /// The JSON schema version.
    pub schema_version: u32,
    /// What this is.
    pub note: String,
    /// The seed.
    pub seed: u64,
    /// Every year.
    pub years: Vec<YearTruth>,
    /// The scheduled terms.
    pub terms: Vec<TermTruth>,
    /// The narrowed endorsement.
    pub endorsements: Vec<EndorsementTruth>,
}

#[derive(Debug, Clone)]
struct Item {
    text: String,
    kind: BlockKind,
    ancestor: Option<usize>,
    first_year: i32,
    carried: Carried,
}

/// How each year revises the last.
fn yearly_edits() -> Edits {
    Edits { reword: 4, move_within: 1, move_across: 1, split: 1, merge: 1, delete: 2, insert: 0, rename_heading: 0 }
}

/// Grows a `years`-year series from `base`, the first year `start_year`, deterministically for
/// `seed`.
///
/// # Panics
/// If the built-in data is inconsistent with `base` (a scheduled term already in it), a bug the
/// tests catch.
pub fn simulate_series(base: &Document, years: usize, start_year: i32, seed: u64) -> (Vec<SimulatedYear>, SeriesTruth) {
    let data: SeriesData = toml::from_str(SERIES_DATA).expect("the built-in series data is valid (tested)");
    let mut rng = Rng::new(seed);
    let mut used_sentences: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut first_seen: HashMap<String, i32> = HashMap::new();
    let mut out: Vec<SimulatedYear> = Vec::new();
    let mut truth_years: Vec<YearTruth> = Vec::new();
    let mut endorsements = Vec::new();
    let endorsement_index = fraction_year(data.endorsement.at, years);
    let mut previous: Option<(Document, Vec<Item>)> = None;

    for index in 0..years {
        let year = start_year + index as i32;
        let mut items: Vec<Item> = match &previous {
            None => base
                .blocks
                .iter()
                .map(|b| Item {
                    text: b.text.clone(),
                    kind: b.kind,
                    ancestor: None,
                    first_year: year,
                    carried: Carried::New,
                })
                .collect(),
            Some((doc, before)) => carry(doc, before, seed.wrapping_mul(1_000).wrapping_add(index as u64), year),
        };
        // Terms: present exactly in their scheduled years.
        for plan in &data.term {
            let scheduled = plan
                .spans
                .iter()
                .any(|&[from, to]| (fraction_year(from, years)..=fraction_year(to, years)).contains(&index));
            if scheduled {
                if !items.iter().any(|i| i.text.contains(&plan.term)) {
                    let at = section_end(&items, &mut rng);
                    items.insert(at, new_item(&plan.sentence, year));
                }
            } else {
                items.retain(|i| !i.text.contains(&plan.term));
            }
        }
        // Two new paragraphs a year (none in the first), written from the data.
        for _ in 0..if index == 0 { 0 } else { 2 } {
            let text = loop {
                let candidate = format!(
                    "成员国{}在{}领域{}，{}。",
                    data.verbs[rng.below(data.verbs.len())],
                    data.domains[rng.below(data.domains.len())],
                    data.actions[rng.below(data.actions.len())],
                    data.purposes[rng.below(data.purposes.len())]
                );
                if used_sentences.insert(candidate.clone()) {
                    break candidate;
                }
            };
            let at = section_end(&items, &mut rng);
            items.insert(at, new_item(&text, year));
        }
        // The endorsement that narrows.
        if index == endorsement_index && index > 0 {
            let scheduled: Vec<&str> = data.term.iter().map(|t| t.term.as_str()).collect();
            if let Some(k) = (0..items.len()).find(|&k| {
                items[k].kind == BlockKind::Paragraph
                    && items[k].text.starts_with("成员国支持")
                    && !scheduled.iter().any(|t| items[k].text.contains(t))
            }) {
                items[k].text = format!("{}{}", data.endorsement.states, &items[k].text["成员国".len()..]);
                if items[k].carried == Carried::Verbatim {
                    items[k].carried = Carried::Edited;
                }
                endorsements.push(EndorsementTruth {
                    year,
                    block: k,
                    from: "成员国".to_owned(),
                    to: data.endorsement.states.clone(),
                });
            }
        }
        // A wording seen in an earlier year (a term's sentence back after a gap) first
        // appeared then.
        for item in &mut items {
            let seen = *first_seen.entry(item.text.clone()).or_insert(year);
            item.first_year = item.first_year.min(seen);
        }
        let text = super::simulate::write_blocks(items.iter().map(|i| (i.kind, i.text.as_str())));
        let doc = Document::parse(format!("sim-{year}"), &text);
        assert_eq!(doc.blocks.len(), items.len(), "every simulated item is one block");
        let mut theme = "preamble".to_owned();
        let mut paragraphs = Vec::new();
        for (block, item) in items.iter().enumerate() {
            match item.kind {
                BlockKind::Heading => theme = item.text.clone(),
                BlockKind::Paragraph => paragraphs.push(ParagraphTruth {
                    block,
                    theme: theme.clone(),
                    ancestor: item.ancestor,
                    first_year: item.first_year,
                    carried: item.carried,
                }),
                _ => {}
            }
        }
        truth_years.push(YearTruth { year, paragraphs });
        out.push(SimulatedYear { year, text });
        previous = Some((doc, items));
    }
    let terms = data
        .term
        .iter()
        .map(|plan| TermTruth {
            term: plan.term.clone(),
            years: out.iter().filter(|y| y.text.contains(&plan.term)).map(|y| y.year).collect(),
        })
        .collect();
    let truth = SeriesTruth {
        schema_version: crate::SCHEMA_VERSION,
        note: "Simulated by decldiff (simulate series --years): illustrative, not official texts.".to_owned(),
        seed,
        years: truth_years,
        terms,
        endorsements,
    };
    (out, truth)
}

/// The year index of a fraction of the series.
fn fraction_year(fraction: f64, years: usize) -> usize {
    (fraction.clamp(0.0, 1.0) * years.saturating_sub(1) as f64).round() as usize
}

fn new_item(text: &str, year: i32) -> Item {
    Item { text: text.to_owned(), kind: BlockKind::Paragraph, ancestor: None, first_year: year, carried: Carried::New }
}

/// A place for a new paragraph: the end of a random section (before the next heading, or
/// before the closing block).
fn section_end(items: &[Item], rng: &mut Rng) -> usize {
    let ends: Vec<usize> = (1..=items.len())
        .filter(|&p| {
            items[p - 1].kind == BlockKind::Paragraph
                && items.get(p).is_none_or(|next| next.kind != BlockKind::Paragraph)
        })
        .collect();
    rng.pick(&ends).copied().unwrap_or(items.len())
}

/// The year after `doc`: revised, each block's ancestor and first year carried through the
/// revision's gold alignment.
fn carry(doc: &Document, before: &[Item], seed: u64, year: i32) -> Vec<Item> {
    let revision = revise(doc, &yearly_edits(), seed);
    let new = Document::parse("next", &revision.text);
    let mut items: Vec<Item> =
        new.blocks.iter().map(|b| Item { text: b.text.clone(), kind: b.kind, ..new_item("", year) }).collect();
    for link in &revision.gold.links {
        let first_year = link.old.iter().map(|&o| before[o].first_year).min().unwrap_or(year);
        let carried = if matches!(link.kind, LinkKind::Identical | LinkKind::Moved) {
            Carried::Verbatim
        } else {
            Carried::Edited
        };
        for &j in &link.new {
            items[j].ancestor = link.old.first().copied();
            items[j].first_year = first_year;
            items[j].carried = carried;
        }
    }
    items
}

/// The simulated collection's catalog facts of a year: (id, date, title).
pub fn catalog_facts(collection: &str, year: i32) -> (String, String, String) {
    (
        format!("{collection}-{year}"),
        format!("{year}-06-15"),
        format!("上海合作组织成员国元首理事会宣言（模拟，{year}年）"),
    )
}

/// Where [`simulate_into`] put a series.
#[derive(Debug, Clone)]
pub struct Simulated {
    /// The collection's folder.
    pub dir: std::path::PathBuf,
    /// The truth file.
    pub truth: std::path::PathBuf,
}

/// What series to simulate, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesRequest {
    /// The collection to fill.
    pub collection: String,
    /// How many years.
    pub years: usize,
    /// The first year.
    pub start: i32,
    /// The simulator's seed.
    pub seed: u64,
    /// Replace years already stored.
    pub force: bool,
}

/// Simulates a series from `base` into a collection of the corpus at `root`:
/// every year stored through the corpus's atomic write (from memory; no temporary files),
/// indexed, and the truth written beside the catalog as `truth.json`.
///
/// # Errors
/// [`crate::Error::Series`] for zero years; the corpus's write errors (an existing year
/// without `force`).
pub fn simulate_into(
    root: &std::path::Path,
    base: &Document,
    request: &SeriesRequest,
    cache: &crate::corpus::TokenCache,
) -> crate::Result<Simulated> {
    use crate::corpus::{AddRequest, Corpus, TextStatus};
    let SeriesRequest { collection, years, start, seed, force } = request;
    let (collection, years, start, seed, force) = (collection.as_str(), *years, *start, *seed, *force);
    if years == 0 {
        return Err(crate::Error::Series {
            collection: collection.to_owned(),
            what: "--years 0: a series needs at least one year".to_owned(),
            hint: None,
        });
    }
    let (texts, truth) = simulate_series(base, years, start, seed);
    let mut ids = Vec::with_capacity(texts.len());
    for year in &texts {
        let (id, date, title) = catalog_facts(collection, year.year);
        let request = AddRequest {
            file: format!("{id}.txt").into(),
            collection: collection.to_owned(),
            id: id.clone(),
            date: Some(date),
            title: Some(title),
            sources: Vec::new(),
            status: Some(TextStatus::Simulated),
            force,
            read: Default::default(),
            fetched: None,
            fail_after: None,
        };
        Corpus::add_bytes(root, &request, year.text.as_bytes())?;
        ids.push(id);
    }
    // Index the stored texts, as `corpus add` does, so that the series commands start warm.
    Corpus::index(root, collection, &ids.iter().map(String::as_str).collect::<Vec<_>>(), cache);
    let dir = root.join(collection);
    let truth_path = dir.join(TRUTH_FILE);
    let json = serde_json::to_string_pretty(&truth).expect("the truth serializes") + "\n";
    crate::files::write_atomically(&truth_path, json.as_bytes())?;
    Ok(Simulated { dir, truth: truth_path })
}

/// The file beside a simulated collection's catalog that holds its truth.
pub const TRUTH_FILE: &str = "truth.json";

/// Reads a simulated collection's truth.
///
/// # Errors
/// [`crate::Error::Series`] when the collection has no truth file (not a simulated series);
/// [`crate::Error::Data`] when it does not parse.
pub fn read_truth(corpus: &crate::corpus::Corpus, collection: &str) -> crate::Result<SeriesTruth> {
    let dir = corpus.collection(collection)?.dir().map(std::path::Path::to_path_buf);
    let path = dir.unwrap_or_default().join(TRUTH_FILE);
    if !crate::files::is_file(&path) {
        return Err(crate::Error::Series {
            collection: collection.to_owned(),
            what: format!("no {}: not a simulated series", path.display()),
            hint: Some(format!("simulate one with `decldiff simulate series --years 25 --collection {collection}`")),
        });
    }
    let text = crate::files::read_text(&path)?;
    serde_json::from_str(&text).map_err(|e| crate::Error::Data { path, what: e.to_string(), hint: None })
}

/// The themes' paragraph counts of each year, from the truth.
pub fn theme_counts(truth: &SeriesTruth) -> Vec<(i32, BTreeMap<String, usize>)> {
    truth
        .years
        .iter()
        .map(|y| {
            let mut counts = BTreeMap::new();
            for p in &y.paragraphs {
                *counts.entry(p.theme.clone()).or_insert(0) += 1;
            }
            (y.year, counts)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Document {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/corpora/sco/sco-2020.zh.txt")).unwrap();
        Document::parse("sco-2020", &text)
    }

    #[test]
    fn the_data_is_valid_and_its_terms_are_new_to_the_base() {
        let data: SeriesData = toml::from_str(SERIES_DATA).unwrap();
        let base = base();
        for plan in &data.term {
            assert!(plan.sentence.contains(&plan.term), "{}", plan.term);
            assert!(base.blocks.iter().all(|b| !b.text.contains(&plan.term)), "{} is in the base text", plan.term);
        }
    }

    #[test]
    fn a_series_is_deterministic_and_keeps_its_schedule() {
        let base = base();
        let (texts, truth) = simulate_series(&base, 12, 2001, 7);
        let (again, _) = simulate_series(&base, 12, 2001, 7);
        assert_eq!(
            texts.iter().map(|t| &t.text).collect::<Vec<_>>(),
            again.iter().map(|t| &t.text).collect::<Vec<_>>()
        );
        assert_eq!(texts.len(), 12);
        assert_eq!(truth.years.len(), 12);
        // Terms: present exactly in their years; 冰雪旅游 comes back after a gap.
        let snow = truth.terms.iter().find(|t| t.term == "冰雪旅游").unwrap();
        assert!(snow.years.windows(2).any(|w| w[1] - w[0] > 1), "{:?}", snow.years);
        assert_eq!(truth.endorsements.len(), 1);
        let narrowed = &truth.endorsements[0];
        let text = &texts.iter().find(|t| t.year == narrowed.year).unwrap().text;
        assert!(text.contains(&format!("{}支持", narrowed.to)));
        // Every year keeps most paragraphs and adds some.
        for year in &truth.years[1..] {
            let new = year.paragraphs.iter().filter(|p| p.carried == Carried::New).count();
            assert!(new >= 2 && new * 5 < year.paragraphs.len(), "{} new of {}", new, year.paragraphs.len());
        }
    }
}
