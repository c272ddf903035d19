//! Simulated revisions of a declaration with known gold alignments, for measuring the
//! aligner: moves within and across sections, splits (1:2, 1:3), merges (2:1, 3:1),
//! deletions, insertions (from a pool of paragraphs the project wrote), rewordings
//! (commitment-verb shifts, changed numbers and dates, inserted clauses) and renamed headings.
//! Seeded and deterministic: the same document, counts and seed give the same revision.
//!
//! Everything this module writes is illustrative, not an official text.

mod annual;
mod yearly;

pub use yearly::{Change, ChangeKind, Yearly, YearlyRevision, revise_yearly};

use super::eval::{Gold, GoldLink};
use crate::align::{self, Link, LinkKind};
use crate::segment::{BlockKind, Document};

/// The pool of new paragraphs, written by the project (`data/simulator/new-paragraphs.txt`).
pub const NEW_PARAGRAPHS: &str = include_str!("../../data/simulator/new-paragraphs.txt");

/// How many edits of each kind a revision makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edits {
    /// Paragraphs lightly reworded (a commitment verb, a number, or an inserted clause).
    pub reword: usize,
    /// Paragraphs moved within their section.
    pub move_within: usize,
    /// Paragraphs moved to another section (some also reworded).
    pub move_across: usize,
    /// Paragraphs split in two or three.
    pub split: usize,
    /// Runs of two or three paragraphs merged.
    pub merge: usize,
    /// Paragraphs deleted.
    pub delete: usize,
    /// Paragraphs inserted.
    pub insert: usize,
    /// Titled headings renamed.
    pub rename_heading: usize,
}

impl Edits {
    /// A light revision, as between a draft and its final text.
    pub fn light() -> Edits {
        Edits { reword: 8, move_within: 2, move_across: 1, split: 1, merge: 1, delete: 2, insert: 2, rename_heading: 0 }
    }

    /// A heavy revision, as between two years.
    pub fn heavy() -> Edits {
        Edits {
            reword: 25,
            move_within: 6,
            move_across: 6,
            split: 4,
            merge: 4,
            delete: 10,
            insert: 10,
            rename_heading: 1,
        }
    }
}

/// What a simulated revision does: counts of generic edits (`light`, `heavy`), or a revision
/// the way the next year's declaration differs (`yearly`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// Generic edits ([`revise`]).
    Edits(Edits),
    /// A next year's declaration ([`revise_yearly`]).
    Yearly(Yearly),
}

impl From<Edits> for Plan {
    fn from(edits: Edits) -> Plan {
        Plan::Edits(edits)
    }
}

impl Plan {
    /// The revision of `doc` for `seed`.
    pub fn revise(&self, doc: &Document, seed: u64) -> Revision {
        match self {
            Plan::Edits(edits) => revise(doc, edits, seed),
            Plan::Yearly(yearly) => revise_yearly(doc, yearly, seed).revision,
        }
    }
}

/// A simulated revision: the new text and the true alignment.
#[derive(Debug, Clone)]
pub struct Revision {
    /// The revised text, one block per line.
    pub text: String,
    /// The true alignment of the original (old) to the revision (new).
    pub gold: Gold,
}

/// SplitMix64: small, fast, and stable across versions (a dependency's generator could
/// change its sequence and silently change every simulated data set).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() { None } else { Some(&items[self.below(items.len())]) }
    }
}

#[derive(Debug, Clone)]
struct Item {
    text: String,
    kind: BlockKind,
    origin: Vec<usize>,
    touched: bool,
    /// What a yearly revision did to it, and the old blocks that took part.
    tag: Option<(ChangeKind, Vec<usize>)>,
}

/// Commitment-verb replacements a reword may make (from, to), each on one ladder.
const VERB_SHIFTS: &[(&str, &str)] = &[
    ("坚定支持", "支持"),
    ("高度评价", "积极评价"),
    ("支持", "坚定支持"),
    ("欢迎", "注意到"),
    ("注意到", "欢迎"),
    ("重申", "强调"),
    ("强调", "重申"),
    ("表示关切", "表示严重关切"),
    ("愿", "将"),
];

/// Clauses a reword may insert before a paragraph's final full stop.
const CLAUSES: &[&str] =
    &["，并愿为此加强相互协调", "，包括在多边框架内开展对话", "，同时照顾各方合理关切", "，并将适时评估落实情况"];

/// Renamed headings.
const HEADING_RENAMES: &[(&str, &str)] = &[
    ("人文合作", "人文交流与合作"),
    ("经贸合作", "经济合作"),
    ("安全合作", "安全领域合作"),
    ("国际交往", "对外交往"),
    ("司法合作", "司法与执法合作"),
    ("议会合作", "立法机构合作"),
];

/// Makes a light edit: a commitment verb, a number, or an inserted clause.
pub fn reword(text: &str, rng: &mut Rng) -> String {
    let start = rng.below(3);
    for attempt in 0..3 {
        let edited = match (start + attempt) % 3 {
            0 => VERB_SHIFTS.iter().find(|(from, _)| text.contains(from)).map(|(from, to)| text.replacen(from, to, 1)),
            1 => change_number(text),
            _ => text.strip_suffix('。').map(|body| format!("{body}{}。", CLAUSES[rng.below(CLAUSES.len())])),
        };
        if let Some(edited) = edited.filter(|e| e != text) {
            return edited;
        }
    }
    format!("{text}成员国将为此共同努力。")
}

fn change_number(text: &str) -> Option<String> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let len = text[start..].find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len() - start);
    let number: u64 = text[start..start + len].parse().ok()?;
    Some(format!("{}{}{}", &text[..start], number + 1, &text[start + len..]))
}

/// Revises `doc` with `edits`, deterministically for `seed`.
///
/// # Panics
/// If the revised text does not segment into one block per item, a bug in the simulator
/// (its own paragraphs are written to segment as paragraphs).
pub fn revise(doc: &Document, edits: &Edits, seed: u64) -> Revision {
    let mut rng = Rng::new(seed);
    let mut items = items_of(doc);
    let pool = pool();

    for _ in 0..edits.rename_heading {
        rename_one(&mut items, &mut rng);
    }
    for _ in 0..edits.split {
        let candidates: Vec<usize> =
            free_paragraphs(&items).into_iter().filter(|&k| sentences(&items[k].text).len() >= 2).collect();
        if let Some(&k) = rng.pick(&candidates) {
            let texts = split_sentences(&items[k].text, &mut rng);
            let origin = items[k].origin.clone();
            let new_items: Vec<Item> = texts
                .into_iter()
                .map(|text| Item { text, kind: BlockKind::Paragraph, origin: origin.clone(), touched: true, tag: None })
                .collect();
            items.splice(k..=k, new_items);
        }
    }
    for _ in 0..edits.merge {
        let free = free_paragraphs(&items);
        let candidates: Vec<usize> = free.iter().copied().filter(|&k| free.contains(&(k + 1))).collect();
        if let Some(&k) = rng.pick(&candidates) {
            let parts = if free.contains(&(k + 2)) && rng.below(2) == 0 { 3 } else { 2 };
            let merged: Vec<Item> = items.drain(k..k + parts).collect();
            let text = merged.iter().map(|i| i.text.as_str()).collect::<String>();
            let origin = merged.iter().flat_map(|i| i.origin.iter().copied()).collect();
            items.insert(k, Item { text, kind: BlockKind::Paragraph, origin, touched: true, tag: None });
        }
    }
    for _ in 0..edits.reword {
        if let Some(&k) = rng.pick(&free_paragraphs(&items)) {
            items[k].text = reword(&items[k].text, &mut rng);
            items[k].touched = true;
        }
    }
    for _ in 0..edits.delete {
        if let Some(&k) = rng.pick(&free_paragraphs(&items)) {
            items.remove(k);
        }
    }
    for across in std::iter::repeat_n(false, edits.move_within).chain(std::iter::repeat_n(true, edits.move_across)) {
        move_one(&mut items, &mut rng, across, true);
    }
    for _ in 0..edits.insert {
        let targets: Vec<usize> =
            (1..items.len()).filter(|&p| items[p].kind == BlockKind::Paragraph && !inside_split(&items, p)).collect();
        if let (Some(&at), Some(text)) = (rng.pick(&targets), rng.pick(&pool)) {
            if items.iter().any(|i| i.text == *text) {
                continue;
            }
            items.insert(
                at,
                Item {
                    text: (*text).to_owned(),
                    kind: BlockKind::Paragraph,
                    origin: Vec::new(),
                    touched: true,
                    tag: None,
                },
            );
        }
    }

    finish(doc, &items)
}

/// The blocks of `doc` as untouched items.
fn items_of(doc: &Document) -> Vec<Item> {
    doc.blocks
        .iter()
        .map(|b| Item { text: b.text.clone(), kind: b.kind, origin: vec![b.index], touched: false, tag: None })
        .collect()
}

/// The pool of new paragraphs.
fn pool() -> Vec<&'static str> {
    NEW_PARAGRAPHS.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).collect()
}

/// The revision's text and gold.
fn finish(doc: &Document, items: &[Item]) -> Revision {
    let text = write_blocks(items.iter().map(|i| (i.kind, i.text.as_str())));
    let new_doc = Document::parse("revision", &text);
    assert_eq!(new_doc.blocks.len(), items.len(), "every simulated item is one block");
    Revision { gold: gold_of(doc, &new_doc, items), text }
}

/// Renames an untouched titled heading found in [`HEADING_RENAMES`]; its position.
fn rename_one(items: &mut [Item], rng: &mut Rng) -> Option<usize> {
    let candidates: Vec<usize> = (0..items.len())
        .filter(|&k| {
            items[k].kind == BlockKind::Heading
                && !items[k].touched
                && HEADING_RENAMES.iter().any(|(from, _)| items[k].text == *from)
        })
        .collect();
    let &k = rng.pick(&candidates)?;
    let to =
        HEADING_RENAMES.iter().find(|(from, _)| items[k].text == *from).map(|(_, to)| *to).expect("filtered above");
    items[k].text = to.to_owned();
    items[k].touched = true;
    Some(k)
}

/// Moves a free paragraph within its section or `across` to another (rewording half of those
/// moved across when `reword_across`); its new position.
fn move_one(items: &mut Vec<Item>, rng: &mut Rng, across: bool, reword_across: bool) -> Option<usize> {
    let &k = rng.pick(&free_paragraphs(items))?;
    let mut item = items.remove(k);
    item.touched = true;
    if reword_across && across && rng.below(2) == 0 {
        item.text = reword(&item.text, rng);
    }
    let here = section_of(items, k.min(items.len().saturating_sub(1)));
    let targets: Vec<usize> = (0..=items.len())
        .filter(|&p| p == items.len() || items[p].kind == BlockKind::Paragraph)
        // Never after the closing block: a paragraph there is the page's, not the text's.
        .filter(|&p| p > 0 && !is_closing(items[p - 1].kind))
        .filter(|&p| (section_of(items, p.saturating_sub(1)) == here) != across)
        .filter(|&p| p.abs_diff(k) > 2)
        .filter(|&p| !inside_split(items, p))
        .collect();
    let at = rng.pick(&targets).copied().unwrap_or(k);
    items.insert(at, item);
    Some(at)
}

/// The text of simulated blocks, one per line, paragraphs indented with two ideographic
/// spaces as the declarations are.
pub(crate) fn write_blocks<'a>(blocks: impl Iterator<Item = (BlockKind, &'a str)>) -> String {
    blocks
        .map(
            |(kind, text)| {
                if kind == BlockKind::Paragraph { format!("\u{3000}\u{3000}{text}\n") } else { format!("{text}\n") }
            },
        )
        .collect()
}

fn is_closing(kind: BlockKind) -> bool {
    matches!(kind, BlockKind::Signatory | BlockKind::DateLine | BlockKind::SourceLine | BlockKind::PlaceDate)
}

/// Whether inserting at `p` would separate the pieces of a split.
fn inside_split(items: &[Item], p: usize) -> bool {
    p > 0 && p < items.len() && items[p].origin.len() == 1 && items[p - 1].origin == items[p].origin
}

fn free_paragraphs(items: &[Item]) -> Vec<usize> {
    (0..items.len())
        .filter(|&k| items[k].kind == BlockKind::Paragraph && !items[k].touched && items[k].origin.len() == 1)
        .collect()
}

/// The index of the heading a position stands under (or `None` before the first).
fn section_of(items: &[Item], position: usize) -> Option<usize> {
    (0..=position.min(items.len().saturating_sub(1))).rev().find(|&k| items[k].kind == BlockKind::Heading)
}

fn sentences(text: &str) -> Vec<&str> {
    text.split_inclusive('。').filter(|s| !s.is_empty()).collect()
}

fn gold_of(old: &Document, new: &Document, items: &[Item]) -> Gold {
    let mut links: Vec<Link> = Vec::new();
    let mut added = Vec::new();
    let mut j = 0;
    while j < items.len() {
        let origin = &items[j].origin;
        if origin.is_empty() {
            added.push(j);
            j += 1;
            continue;
        }
        let mut end = j + 1;
        while origin.len() == 1 && end < items.len() && items[end].origin == *origin {
            end += 1;
        }
        let kind = if end - j > 1 {
            LinkKind::Split
        } else if origin.len() > 1 {
            LinkKind::Merge
        } else {
            LinkKind::Reworded
        };
        links.push(Link { old: origin.clone(), new: (j..end).collect(), kind, similarity: 1.0 });
        j = end;
    }
    align::classify(old, new, &mut links);
    let linked: std::collections::BTreeSet<usize> = links.iter().flat_map(|l| l.old.iter().copied()).collect();
    Gold {
        old: old.name.clone(),
        new: new.name.clone(),
        links: links.into_iter().map(|l| GoldLink { old: l.old, new: l.new, kind: l.kind, similarity: None }).collect(),
        deleted: (0..old.blocks.len()).filter(|i| !linked.contains(i)).collect(),
        added,
    }
}

/// Scores decldiff and the naive baseline on `seeds` simulated revisions of `doc` (seeds
/// 1..=seeds, in parallel), each combined over the seeds: (decldiff, baseline).
pub fn simulated_scores(
    doc: &Document,
    plan: &Plan,
    seeds: u64,
    options: &align::AlignOptions,
) -> (super::eval::AlignScores, super::eval::AlignScores) {
    use rayon::prelude::*;
    let tokenizer = crate::tokenize::Tokenizer::shared();
    let (ours, baseline): (Vec<_>, Vec<_>) = (1..=seeds)
        .into_par_iter()
        .map(|seed| {
            let revision = plan.revise(doc, seed);
            let new = Document::parse(format!("seed-{seed}"), &revision.text);
            let ours = super::eval::score(&align::align(doc, &new, tokenizer, options), &revision.gold);
            let baseline = super::eval::score(&align::baseline::align_greedy(doc, &new, tokenizer), &revision.gold);
            (ours, baseline)
        })
        .collect::<Vec<_>>()
        .into_iter()
        .unzip();
    (super::eval::combine(&ours), super::eval::combine(&baseline))
}

/// Writes a simulated revision of `doc` as `new.txt` and its gold as `gold.json` in `out`
/// (created if needed), each atomically.
///
/// # Errors
/// [`crate::Error::Io`] creating the folder or writing a file.
pub fn write_revision(doc: &Document, plan: &Plan, seed: u64, out: &std::path::Path) -> crate::Result<Revision> {
    let revision = plan.revise(doc, seed);
    crate::files::create_dir_all(out, "the output folder")?;
    crate::files::write_atomically(&out.join("new.txt"), revision.text.as_bytes())?;
    let gold = serde_json::to_string_pretty(&revision.gold).expect("gold serializes") + "\n";
    crate::files::write_atomically(&out.join("gold.json"), gold.as_bytes())?;
    Ok(revision)
}

/// A paragraph of two or more sentences cut into 2 pieces (or 3, half the time, when it has
/// three sentences or more), each of whole sentences.
pub(crate) fn split_sentences(text: &str, rng: &mut Rng) -> Vec<String> {
    let parts = sentences(text);
    let pieces = if parts.len() >= 3 && rng.below(2) == 0 { 3 } else { 2 };
    let chunk = parts.len().div_ceil(pieces);
    parts.chunks(chunk).map(|c| c.concat()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revisions_are_deterministic_and_consistent() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/corpora/sco/sco-2020.zh.txt")).unwrap();
        let doc = Document::parse("sco-2020", &text);
        let a = revise(&doc, &Edits::heavy(), 7);
        let b = revise(&doc, &Edits::heavy(), 7);
        assert_eq!(a.text, b.text);
        assert_ne!(a.text, revise(&doc, &Edits::heavy(), 8).text);
        let new = Document::parse("revision", &a.text);
        a.gold.validate(doc.blocks.len(), new.blocks.len()).unwrap();
        let kinds: std::collections::BTreeSet<LinkKind> = a.gold.links.iter().map(|l| l.kind).collect();
        for kind in [LinkKind::Identical, LinkKind::Reworded, LinkKind::Split, LinkKind::Merge] {
            assert!(kinds.contains(&kind), "{kind:?} in {kinds:?}");
        }
        assert!(!a.gold.deleted.is_empty() && !a.gold.added.is_empty());
    }

    #[test]
    fn rewording_changes_the_text() {
        let mut rng = Rng::new(1);
        for text in ["成员国支持该倡议。", "成员国将于2020年举行会议。", "成员国认为合作重要。"]
        {
            assert_ne!(reword(text, &mut rng), text);
        }
    }
}
