//! `--edits yearly`: a declaration revised the way the next year's text differs from it, with
//! gold under the conventions of tests/data/years/README.md. Annual updates (dates, years,
//! ranges, ordinals, cities, the chair) are reworded links; a paragraph that grows or shrinks, or
//! is rewritten on the same subject keeping its names, is a reworded link; a look-alike (the same
//! stock formula about another state or initiative, in place of the original) is deleted + added;
//! splits and merges have edited pieces; paragraphs move across sections, a section is carved
//! out of another, a heading is renamed. Phrases come from `data/simulator/yearly.toml`.
//!
//! Everything this module writes is illustrative, not an official text.

use std::sync::LazyLock;

use serde::Deserialize;

use super::annual::{self, Mode, Summit};
use super::{Item, Revision, Rng, free_paragraphs, inside_split, is_closing, reword, sentences};
use crate::segment::{BlockKind, Document};

/// The phrase pools of `data/simulator/yearly.toml`.
#[derive(Debug, Deserialize)]
pub(super) struct Phrases {
    pub states: Vec<String>,
    pub cities: Vec<String>,
    pub names: Vec<String>,
    pub next_chair: String,
    pub swaps: Vec<(String, String)>,
    pub clauses: Vec<String>,
    pub sentences: Vec<String>,
    pub additions: Vec<(String, String)>,
    pub joins: Vec<String>,
    pub formulas: Vec<String>,
    pub initiatives: Vec<String>,
    pub new_sections: Vec<String>,
}

impl Phrases {
    /// The shipped pools.
    pub fn builtin() -> &'static Phrases {
        static PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
            toml::from_str(include_str!("../../../data/simulator/yearly.toml")).expect("data/simulator/yearly.toml")
        });
        &PHRASES
    }

    /// Whether `text` names something a reader recognises it by.
    fn has_names(&self, text: &str) -> bool {
        text.contains(['《', '“'])
            || text.contains(|c: char| c.is_ascii_digit())
            || self.states.iter().chain(&self.cities).chain(&self.names).any(|n| text.contains(n.as_str()))
    }
}

/// How many changes of each kind a yearly revision makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Yearly {
    /// Paragraphs given next year's dates, ordinals or cities, besides the opening line, the
    /// chair paragraph and the closing lines, which always are.
    pub annual: usize,
    /// Paragraphs that gain a clause or a sentence.
    pub grow: usize,
    /// Paragraphs that lose a clause or a sentence.
    pub shrink: usize,
    /// Paragraphs rewritten on the same subject, keeping their names.
    pub rewrite: usize,
    /// Stock-formula paragraphs replaced by a look-alike about another state or initiative.
    pub lookalike: usize,
    /// Paragraphs split in two or three, each piece edited.
    pub split: usize,
    /// Pairs of neighbours merged, with edits.
    pub merge: usize,
    /// Paragraphs moved to another section.
    pub move_across: usize,
    /// Sections carved out of another (a new titled heading over its last paragraphs).
    pub new_section: usize,
    /// Titled headings renamed.
    pub rename_heading: usize,
    /// Paragraphs deleted.
    pub delete: usize,
    /// Paragraphs inserted.
    pub insert: usize,
}

impl Yearly {
    /// The preset: about what two consecutive real declarations show.
    pub fn standard() -> Yearly {
        Yearly {
            annual: 8,
            grow: 4,
            shrink: 3,
            rewrite: 4,
            lookalike: 3,
            split: 2,
            merge: 2,
            move_across: 3,
            new_section: 1,
            rename_heading: 1,
            delete: 4,
            insert: 4,
        }
    }
}

/// What a yearly revision changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    /// Next year's dates, ordinals, cities or chair (reworded link).
    Annual,
    /// A clause or sentence added (reworded link).
    Grow,
    /// A clause or sentence removed (reworded link).
    Shrink,
    /// Rewritten on the same subject (reworded link).
    Rewrite,
    /// The same formula about another state or initiative: `old` deleted, `new` added.
    LookAlike,
    /// An edited split.
    Split,
    /// An edited merge.
    Merge,
    /// Moved to another section.
    MoveAcross,
    /// A new heading (added).
    NewSection,
    /// A renamed heading (reworded link).
    RenameHeading,
    /// A paragraph from the pool (added).
    Insert,
}

/// One change: the old blocks it took and the new blocks it made. A look-alike's `old` is the
/// deleted original; an insertion's or a new section's `old` is empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What was done.
    pub kind: ChangeKind,
    /// Old block indices.
    pub old: Vec<usize>,
    /// New block indices.
    pub new: Vec<usize>,
}

/// A yearly revision: the revision and what it changed (deletions are the gold's `deleted`
/// not named by a look-alike).
#[derive(Debug, Clone)]
pub struct YearlyRevision {
    /// The new text and the gold.
    pub revision: Revision,
    /// The changes, in the order of the new text.
    pub changes: Vec<Change>,
}

/// Revises `doc` as its next year's declaration might, deterministically for `seed`.
///
/// # Panics
/// If the revised text does not segment into one block per item of the kind intended, a bug in
/// the simulator.
pub fn revise_yearly(doc: &Document, plan: &Yearly, seed: u64) -> YearlyRevision {
    let phrases = Phrases::builtin();
    let mut rng = Rng::new(seed ^ 0x7965_6172_6C79);
    let mut items = super::items_of(doc);
    let year = doc.blocks.iter().find_map(|b| annual::year_of(&b.text)).unwrap_or(2020);
    let summit = Summit::next(year, phrases, &mut rng);
    let tag = |item: &mut Item, kind: ChangeKind| {
        item.touched = true;
        item.tag = Some((kind, item.origin.clone()));
    };

    // The opening line, the chair paragraph and the closing lines always move on a year.
    let opening = items.iter().position(|i| i.kind == BlockKind::Paragraph);
    for (k, item) in items.iter_mut().enumerate() {
        let text = &item.text;
        let updated = if Some(k) == opening || matches!(item.kind, BlockKind::DateLine | BlockKind::SourceLine) {
            annual::update(text, &summit, Mode::Summit, phrases, &mut rng)
        } else if item.kind == BlockKind::Paragraph && text.contains("轮值主席国") {
            annual::chair(text, phrases, &mut rng)
        } else {
            None
        };
        if let Some(updated) = updated {
            item.text = updated;
            tag(item, ChangeKind::Annual);
        }
    }
    for _ in 0..plan.lookalike {
        let candidates: Vec<usize> = free_paragraphs(&items)
            .into_iter()
            .filter(|&k| lookalike(&items[k].text, &items, phrases, &mut rng.clone()).is_some())
            .collect();
        let Some(&k) = rng.pick(&candidates) else { break };
        let text = lookalike(&items[k].text, &items, phrases, &mut rng).expect("a candidate");
        let original = items[k].origin.clone();
        items[k] = Item {
            text,
            kind: BlockKind::Paragraph,
            origin: Vec::new(),
            touched: true,
            tag: Some((ChangeKind::LookAlike, original)),
        };
    }
    let edit = |items: &mut Vec<Item>, count: usize, kind: ChangeKind, rng: &mut Rng| {
        for _ in 0..count {
            let candidates: Vec<usize> = free_paragraphs(items)
                .into_iter()
                .filter(|&k| applies(kind, &items[k].text, &summit, phrases))
                .collect();
            let Some(&k) = rng.pick(&candidates) else { break };
            let text = &items[k].text;
            let edited = match kind {
                ChangeKind::Annual => annual::update(text, &summit, Mode::Some, phrases, rng),
                ChangeKind::Rewrite => Some(rewrite(text, phrases, rng)),
                ChangeKind::Grow => Some(grow(text, phrases, rng)),
                _ => shrink(text, phrases, rng),
            };
            if let Some(edited) = edited.filter(|e| e != text) {
                items[k].text = edited;
                tag(&mut items[k], kind);
            }
        }
    };
    edit(&mut items, plan.rewrite, ChangeKind::Rewrite, &mut rng);
    edit(&mut items, plan.annual, ChangeKind::Annual, &mut rng);
    edit(&mut items, plan.grow, ChangeKind::Grow, &mut rng);
    edit(&mut items, plan.shrink, ChangeKind::Shrink, &mut rng);
    for _ in 0..plan.split {
        split_edited(&mut items, phrases, &mut rng);
    }
    for _ in 0..plan.merge {
        merge_edited(&mut items, phrases, &mut rng);
    }
    for _ in 0..plan.delete {
        if let Some(&k) = rng.pick(&free_paragraphs(&items)) {
            items.remove(k);
        }
    }
    for _ in 0..plan.move_across {
        if let Some(at) = super::move_one(&mut items, &mut rng, true, false) {
            tag(&mut items[at], ChangeKind::MoveAcross);
        }
    }
    for _ in 0..plan.new_section {
        new_section(&mut items, phrases, &mut rng);
    }
    for _ in 0..plan.rename_heading {
        if let Some(k) = super::rename_one(&mut items, &mut rng) {
            tag(&mut items[k], ChangeKind::RenameHeading);
        }
    }
    let pool = super::pool();
    for _ in 0..plan.insert {
        let targets: Vec<usize> =
            (1..items.len()).filter(|&p| items[p].kind == BlockKind::Paragraph && !inside_split(&items, p)).collect();
        if let (Some(&at), Some(text)) = (rng.pick(&targets), rng.pick(&pool))
            && !items.iter().any(|i| i.text == *text)
        {
            let tag = Some((ChangeKind::Insert, Vec::new()));
            let item =
                Item { text: (*text).to_owned(), kind: BlockKind::Paragraph, origin: Vec::new(), touched: true, tag };
            items.insert(at, item);
        }
    }

    let revision = super::finish(doc, &items);
    let new_doc = Document::parse("revision", &revision.text);
    for (block, item) in new_doc.blocks.iter().zip(&items) {
        assert_eq!(block.kind, item.kind, "a simulated {:?} reads as {:?}: {}", item.kind, block.kind, item.text);
    }
    YearlyRevision { revision, changes: changes_of(&items) }
}

fn changes_of(items: &[Item]) -> Vec<Change> {
    let mut changes: Vec<Change> = Vec::new();
    for (j, item) in items.iter().enumerate() {
        let Some((kind, old)) = &item.tag else { continue };
        match changes.last_mut() {
            Some(last)
                if last.kind == *kind && last.old == *old && !old.is_empty() && last.new.last() == Some(&(j - 1)) =>
            {
                last.new.push(j);
            }
            _ => changes.push(Change { kind: *kind, old: old.clone(), new: vec![j] }),
        }
    }
    changes
}

fn applies(kind: ChangeKind, text: &str, summit: &Summit, phrases: &Phrases) -> bool {
    match kind {
        ChangeKind::Rewrite => phrases.has_names(text) && clauses(text).len() >= 3,
        ChangeKind::Annual => annual::update(text, summit, Mode::Summit, phrases, &mut Rng::new(0)).is_some(),
        ChangeKind::Shrink => sentences(text).len() >= 2 || clauses(text).len() >= 4,
        _ => text.ends_with('。'),
    }
}

/// The clauses of `text`, each with its closing mark (，；。).
fn clauses(text: &str) -> Vec<&str> {
    text.split_inclusive(['，', '；', '。']).filter(|c| !c.is_empty()).collect()
}

/// Same subject, new wording: clauses with names keep them (their verbs and connectives
/// swapped), about half the clauses without names are replaced, and a new clause is added.
fn rewrite(text: &str, phrases: &Phrases, rng: &mut Rng) -> String {
    let mut out = String::new();
    let mut used: Vec<&str> = Vec::new();
    for sentence in sentences(text) {
        let parts = clauses(sentence);
        for (k, clause) in parts.iter().enumerate() {
            let mark = clause.chars().last().filter(|c| "，；。".contains(*c)).map(String::from).unwrap_or_default();
            let body = &clause[..clause.len() - mark.len()];
            // Not the sentence's subject, nor what a short lead-in (成员国强调，) introduces.
            let replaceable = k > 0 && parts[k - 1].chars().count() > 8;
            let fresh: Vec<&str> =
                phrases.clauses.iter().map(|c| c.trim_start_matches('，')).filter(|c| !used.contains(c)).collect();
            if replaceable && !phrases.has_names(body) && body.chars().count() >= 6 && rng.below(2) == 0 {
                let new = rng.pick(&fresh).copied().unwrap_or(body);
                used.push(new);
                out.push_str(new);
            } else {
                out.push_str(&swap(body, &phrases.swaps));
            }
            out.push_str(&mark);
        }
    }
    add_clause(&out, phrases, rng)
}

/// Every swap at once, left to right (so that one swap's output is not another's input).
fn swap(text: &str, swaps: &[(String, String)]) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        match swaps.iter().filter(|(from, _)| rest.starts_with(from.as_str())).max_by_key(|(from, _)| from.len()) {
            Some((from, to)) => {
                out.push_str(to);
                rest = &rest[from.len()..];
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

fn add_clause(text: &str, phrases: &Phrases, rng: &mut Rng) -> String {
    let clause = rng.pick(&phrases.clauses).map_or("", String::as_str);
    match text.strip_suffix('。') {
        Some(body) if !body.contains(clause) => format!("{body}{clause}。"),
        _ => text.to_owned(),
    }
}

/// A clause before the last full stop, or a sentence after it.
fn grow(text: &str, phrases: &Phrases, rng: &mut Rng) -> String {
    if rng.below(2) == 0 {
        return add_clause(text, phrases, rng);
    }
    let sentence = rng.pick(&phrases.sentences).map_or("", String::as_str);
    if text.contains(sentence) { add_clause(text, phrases, rng) } else { format!("{text}{sentence}") }
}

/// One sentence fewer (most of the text kept), or one middle clause without names fewer.
fn shrink(text: &str, phrases: &Phrases, rng: &mut Rng) -> Option<String> {
    let total = text.chars().count();
    let parts = sentences(text);
    if parts.len() >= 2 {
        let k = rng.below(parts.len());
        let kept: String = parts.iter().enumerate().filter(|&(i, _)| i != k).map(|(_, s)| *s).collect();
        if kept.chars().count() * 5 >= total * 2 {
            return Some(kept);
        }
    }
    let parts = clauses(text);
    let middle: Vec<usize> = (1..parts.len().saturating_sub(1))
        .filter(|&i| parts[i].ends_with('，') && !phrases.has_names(parts[i]) && parts[i].chars().count() * 4 < total)
        .collect();
    let &k = rng.pick(&middle)?;
    Some(parts.iter().enumerate().filter(|&(i, _)| i != k).map(|(_, c)| *c).collect())
}

/// A small edit of a split piece or a merge: a word added, or a verb, number or clause.
fn touch_up(text: &str, phrases: &Phrases, rng: &mut Rng) -> String {
    let start = rng.below(phrases.additions.len().max(1));
    let addition = (0..phrases.additions.len()).map(|i| &phrases.additions[(start + i) % phrases.additions.len()]);
    let added = addition
        .filter(|(from, to)| text.contains(from.as_str()) && !text.contains(to.as_str()))
        .map(|(from, to)| text.replacen(from.as_str(), to, 1))
        .next();
    match added {
        Some(edited) if rng.below(3) > 0 => edited,
        _ => reword(text, rng),
    }
}

fn split_edited(items: &mut Vec<Item>, phrases: &Phrases, rng: &mut Rng) {
    let candidates: Vec<usize> =
        free_paragraphs(items).into_iter().filter(|&k| sentences(&items[k].text).len() >= 2).collect();
    let Some(&k) = rng.pick(&candidates) else { return };
    let texts = super::split_sentences(&items[k].text, rng);
    let origin = items[k].origin.clone();
    let new_items: Vec<Item> = texts
        .into_iter()
        .map(|text| Item {
            text: touch_up(&text, phrases, rng),
            kind: BlockKind::Paragraph,
            origin: origin.clone(),
            touched: true,
            tag: Some((ChangeKind::Split, origin.clone())),
        })
        .collect();
    items.splice(k..=k, new_items);
}

fn merge_edited(items: &mut Vec<Item>, phrases: &Phrases, rng: &mut Rng) {
    let free = free_paragraphs(items);
    let candidates: Vec<usize> = free.iter().copied().filter(|&k| free.contains(&(k + 1))).collect();
    let Some(&k) = rng.pick(&candidates) else { return };
    let second = &items[k + 1].text;
    let second = match (second.strip_prefix("成员国"), rng.pick(&phrases.joins)) {
        (Some(rest), Some(join)) if rng.below(2) == 0 => format!("{join}{rest}"),
        _ => second.clone(),
    };
    let text = touch_up(&format!("{}{second}", items[k].text), phrases, rng);
    let origin: Vec<usize> = items.drain(k..k + 2).flat_map(|i| i.origin).collect();
    let tag = Some((ChangeKind::Merge, origin.clone()));
    items.insert(k, Item { text, kind: BlockKind::Paragraph, origin, touched: true, tag });
}

/// A new titled heading over the last two or three paragraphs of a long section.
fn new_section(items: &mut Vec<Item>, phrases: &Phrases, rng: &mut Rng) {
    let titles: Vec<&String> = phrases.new_sections.iter().filter(|t| !items.iter().any(|i| i.text == **t)).collect();
    let mut places = Vec::new();
    let mut k = 0;
    while k < items.len() {
        if items[k].kind != BlockKind::Heading {
            k += 1;
            continue;
        }
        let end = (k + 1..items.len()).find(|&p| items[p].kind != BlockKind::Paragraph).unwrap_or(items.len());
        // Not the last section: the closing paragraphs stand under it.
        if end - k > 6 && items[end..].iter().any(|i| i.kind == BlockKind::Heading) {
            places.extend((end - 3..end - 1).filter(|&p| !inside_split(items, p) && !is_closing(items[p].kind)));
        }
        k = end;
    }
    if let (Some(&at), Some(title)) = (rng.pick(&places), rng.pick(&titles)) {
        let tag = Some((ChangeKind::NewSection, Vec::new()));
        items.insert(
            at,
            Item { text: (*title).clone(), kind: BlockKind::Heading, origin: Vec::new(), touched: true, tag },
        );
    }
}

/// The same formula about another state or initiative, if every sentence of `text` is in one
/// of the formulas.
fn lookalike(text: &str, items: &[Item], phrases: &Phrases, rng: &mut Rng) -> Option<String> {
    let mut out = String::new();
    for sentence in sentences(text) {
        let (formula, lead, slots, tail) = phrases.formulas.iter().find_map(|f| {
            let (lead, slots, tail) = match_formula(f, sentence, phrases)?;
            Some((f, lead, slots, tail))
        })?;
        out.push_str(lead);
        let mut filled = formula.clone();
        let state = slots.iter().find(|(name, _)| *name == "state").map(|(_, v)| *v);
        let initiative = slots.iter().find(|(name, _)| *name == "initiative").map(|(_, v)| *v);
        if let Some(state) = state {
            let others: Vec<&String> = phrases.states.iter().filter(|s| *s != state).collect();
            let new = match initiative {
                Some(_) if rng.below(2) == 0 => state.to_owned(),
                _ => (*rng.pick(&others)?).clone(),
            };
            filled = filled.replace("{state}", &new);
        }
        if let Some(old) = initiative {
            let fresh: Vec<&String> = phrases
                .initiatives
                .iter()
                .filter(|i| i.as_str() != old && !items.iter().any(|item| item.text.contains(i.as_str())))
                .collect();
            filled = filled.replace("{initiative}", rng.pick(&fresh)?);
        }
        out.push_str(&filled);
        // A tail that names something would make the new paragraph the old one's kin.
        let tail_body = tail.trim_end_matches('。');
        out.push_str(if tail_body.is_empty() || phrases.has_names(tail_body) { "。" } else { tail });
    }
    (out != text).then_some(out)
}

/// A sentence in a formula: the words before it, the slots' names and values, the rest.
type Matched<'a> = (&'a str, Vec<(&'static str, &'a str)>, &'a str);

/// `sentence` as `lead` + `formula` + `tail`, with the slots' values.
fn match_formula<'a>(formula: &str, sentence: &'a str, phrases: &'a Phrases) -> Option<Matched<'a>> {
    let mut parts: Vec<Result<&str, &'static str>> = Vec::new();
    let mut rest = formula;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}')? + open;
        parts.push(Ok(&rest[..open]));
        parts.push(Err(match &rest[open + 1..close] {
            "state" => "state",
            _ => "initiative",
        }));
        rest = &rest[close + 1..];
    }
    parts.push(Ok(rest));
    parts.retain(|p| p.is_ok_and(|l| !l.is_empty()) || p.is_err());
    let Some(Ok(first)) = parts.first() else { return None };
    let lead_end = sentence.find(first)?;
    let lead = &sentence[..lead_end];
    if lead.chars().count() > 8 || phrases.has_names(lead) {
        return None;
    }
    let mut at = lead_end;
    let mut slots = Vec::new();
    for (k, part) in parts.iter().enumerate() {
        match part {
            Ok(literal) => at += sentence[at..].starts_with(literal).then_some(literal.len())?,
            Err("state") => {
                let state =
                    phrases.states.iter().filter(|s| sentence[at..].starts_with(s.as_str())).max_by_key(|s| s.len())?;
                slots.push(("state", &sentence[at..at + state.len()]));
                at += state.len();
            }
            Err(name) => {
                let Some(Ok(next)) = parts.get(k + 1) else { return None };
                let len = sentence[at..].find(next).filter(|&l| l > 0)?;
                slots.push((*name, &sentence[at..at + len]));
                at += len;
            }
        }
    }
    Some((lead, slots, &sentence[at..]))
}
