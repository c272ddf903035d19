//! Two documents → a [`Report`]: align, diff every link word by word, classify each edit, and
//! score additions, removals, rewordings, moves and commitment shifts per theme. Formulas,
//! with worked examples, in docs/scoring.md.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use rayon::prelude::*;

use crate::align::{self, AlignOptions, Alignment, Link, LinkKind};
use crate::classify::{self, Direction, Ladders};
use crate::diff::{self, Segment};
use crate::endorsers::EndorserRules;
use crate::profile::{Joint, Profile, Vocabulary};
use crate::report::{Change, ChangeKind, DocInfo, Edit, Provenance, Report, Term, ThemeMove, ThemeScore};
use crate::round4;
use crate::segment::{BlockKind, Document, ThemeSource};
use crate::tokenize::{SEGMENTER_VERSION, Tokenizer};

/// How to compare.
#[derive(Debug, Clone)]
pub struct CompareOptions {
    /// The aligner's thresholds.
    pub align: AlignOptions,
    /// The commitment ladders.
    pub ladders: Ladders,
    /// How many top added and removed terms per theme.
    pub top_terms: usize,
    /// Whether editorial changes are listed (they are always counted).
    pub all: bool,
    /// Who holds a commitment, for the `endorsers` class.
    pub endorsers: EndorserRules,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            align: AlignOptions::default(),
            ladders: Ladders::builtin(),
            top_terms: 5,
            all: false,
            endorsers: EndorserRules::builtin(),
        }
    }
}

fn info(doc: &Document) -> DocInfo {
    DocInfo {
        name: doc.name.clone(),
        blocks: doc.blocks.len(),
        paragraphs: doc.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).count(),
        ..DocInfo::default()
    }
}

fn chars(doc: &Document, ids: &[usize]) -> usize {
    ids.iter().map(|&i| doc.blocks[i].key.chars().count()).sum()
}

/// Compares two documents.
pub fn compare(old: &Document, new: &Document, tokenizer: &Tokenizer, options: &CompareOptions) -> Report {
    let (old, new) = rayon::join(|| Profile::new(old, tokenizer), || Profile::new(new, tokenizer));
    compare_profiles(&old, &new, tokenizer, options)
}

/// Compares two profiled documents: what [`compare`] does, for a caller comparing one
/// document with several, which profiles each document once.
pub fn compare_profiles(old: &Profile, new: &Profile, tokenizer: &Tokenizer, options: &CompareOptions) -> Report {
    let alignment = align::align_profiles(old, new, &options.align);
    report_of_profiles(old, new, &alignment, tokenizer, options)
}

/// Builds the report of an alignment.
pub fn report_of(
    old: &Document,
    new: &Document,
    alignment: &Alignment,
    tokenizer: &Tokenizer,
    options: &CompareOptions,
) -> Report {
    let (old, new) = rayon::join(|| Profile::new(old, tokenizer), || Profile::new(new, tokenizer));
    report_of_profiles(&old, &new, alignment, tokenizer, options)
}

/// Builds the report of an alignment of two profiled documents.
pub fn report_of_profiles(
    old_profile: &Profile,
    new_profile: &Profile,
    alignment: &Alignment,
    tokenizer: &Tokenizer,
    options: &CompareOptions,
) -> Report {
    let (old, new) = (old_profile.doc, new_profile.doc);
    // Each linked old block's first new block, for the themes of old paragraphs.
    let linked_to: HashMap<usize, usize> =
        alignment.links.iter().flat_map(|l| l.old.iter().map(move |&i| (i, l.new[0]))).collect();
    let old_theme = |i: usize| old_theme_of(old, new, alignment, &linked_to, i);
    let entities = classify::Entities::of_profiles(&[old_profile, new_profile], tokenizer);
    // Diff and classify every link whose text changed, in parallel.
    let diffs: Vec<(Vec<Segment>, Vec<Edit>)> = alignment
        .links
        .par_iter()
        .map(|link| {
            if link.kind == LinkKind::Identical {
                // Listed as unchanged, without a diff.
                return (Vec::new(), Vec::new());
            }
            let d = diff::diff_tokens(&old_profile.tokens_of(&link.old), &new_profile.tokens_of(&link.new));
            let edits = d
                .segments
                .iter()
                .enumerate()
                .filter_map(|(k, segment)| match segment {
                    Segment::Change { old: eo, new: en } => {
                        let before = equal_text(k.checked_sub(1).and_then(|p| d.segments.get(p)));
                        let after = equal_text(d.segments.get(k + 1));
                        let c = classify::classify_in_context(before, eo, en, after, &options.ladders, &entities);
                        Some(Edit {
                            old: eo.clone(),
                            new: en.clone(),
                            class: c.class,
                            shift: c.shift,
                            editorial: c.editorial,
                        })
                    }
                    Segment::Equal { .. } => None,
                })
                .collect::<Vec<_>>();
            let mut edits = edits;
            mark_endorsers(&d.segments, &mut edits, &options.endorsers);
            (d.segments, edits)
        })
        .collect();
    // A reworded link whose every edit is punctuation or number formatting is editorial.
    let editorial_of = |link: &Link, edits: &[Edit]| -> bool {
        link.kind == LinkKind::Reworded && !edits.is_empty() && edits.iter().all(|e| e.editorial)
    };

    // Themes are borrowed from the documents and the alignment until the report owns them.
    let mut scores: BTreeMap<&str, ThemeScore> = BTreeMap::new();
    let mut moves: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut shift_totals: BTreeMap<&str, (f64, f64)> = BTreeMap::new(); // theme → (Σ len·(1−sim), Σ len)
    let mut changes: Vec<(usize, u8, usize, Change)> = Vec::new(); // (new position, order, old position, change)
    let mut unchanged: Vec<[usize; 2]> = Vec::new();
    let theme_of_new = |j: usize| new.blocks[j].theme.as_str();

    for (link, (segments, edits)) in alignment.links.iter().zip(diffs) {
        let first_new = link.new[0];
        let block_kind = new.blocks[first_new].kind;
        let theme = theme_of_new(first_new);
        // A paragraph moves between themes only when sections say so; themes guessed by
        // content follow the new paragraph.
        let structural = old.blocks[link.old[0]].theme_source != ThemeSource::Content
            && new.blocks[first_new].theme_source != ThemeSource::Content;
        let from = if structural { old_theme(link.old[0]) } else { theme };
        let is_paragraph = block_kind == BlockKind::Paragraph;
        let editorial = editorial_of(link, &edits);
        if is_paragraph {
            let (old_chars, new_chars) = (chars(old, &link.old), chars(new, &link.new));
            let theme_changed = from != theme;
            let score =
                scores.entry(theme).or_insert_with(|| ThemeScore { theme: theme.to_owned(), ..Default::default() });
            match link.kind {
                LinkKind::Identical => {
                    score.unchanged += 1;
                    score.unchanged_chars += new_chars;
                }
                LinkKind::Moved | LinkKind::MovedReworded if !theme_changed => score.moved_within += 1,
                _ => {}
            }
            let text_changed =
                matches!(link.kind, LinkKind::Reworded | LinkKind::MovedReworded | LinkKind::Split | LinkKind::Merge);
            if text_changed && !editorial {
                score.reworded += 1;
                score.reworded_chars += new_chars;
            }
            if editorial && link.kind == LinkKind::Reworded {
                score.unchanged += 1;
                score.unchanged_chars += new_chars;
            }
            match link.kind {
                LinkKind::Split => score.splits += 1,
                LinkKind::Merge => score.merges += 1,
                _ => {}
            }
            for edit in &edits {
                if let Some(shift) = &edit.shift {
                    match shift.direction {
                        Direction::Stronger => {
                            score.stronger += 1;
                            score.net_shift_steps += i64::from(shift.steps);
                        }
                        Direction::Weaker => {
                            score.weaker += 1;
                            score.net_shift_steps -= i64::from(shift.steps);
                        }
                    }
                }
            }
            if text_changed {
                let entry = shift_totals.entry(theme).or_default();
                entry.0 += new_chars as f64 * (1.0 - link.similarity);
                entry.1 += new_chars as f64;
            }
            if theme_changed && matches!(link.kind, LinkKind::Moved | LinkKind::MovedReworded) {
                score.moved_in += 1;
                score.moved_in_chars += new_chars;
                let out =
                    scores.entry(from).or_insert_with(|| ThemeScore { theme: from.to_owned(), ..Default::default() });
                out.moved_out += 1;
                out.moved_out_chars += old_chars;
                *moves.entry((from, theme)).or_default() += 1;
            }
        }
        if link.kind == LinkKind::Identical || (editorial && !options.all) {
            unchanged.push([link.old[0], link.new[0]]);
            continue;
        }
        let from_theme = (is_paragraph && from != theme).then(|| from.to_owned());
        changes.push((
            first_new,
            0,
            link.old[0],
            Change {
                old: link.old.clone(),
                new: link.new.clone(),
                kind: ChangeKind::Link(link.kind),
                block: block_kind,
                theme: theme.to_owned(),
                from_theme,
                similarity: Some(link.similarity),
                editorial,
                edits,
                diff: segments,
            },
        ));
    }
    for &j in &alignment.added {
        let block = &new.blocks[j];
        if block.kind == BlockKind::Paragraph {
            let score = scores
                .entry(&block.theme)
                .or_insert_with(|| ThemeScore { theme: block.theme.clone(), ..Default::default() });
            score.added += 1;
            score.added_chars += block.key.chars().count();
        }
        changes.push((
            j,
            0,
            usize::MAX,
            lone_change(ChangeKind::Added, block, block.theme.clone(), String::new(), block.key.clone()),
        ));
    }
    for (&i, anchor) in alignment.deleted.iter().zip(alignment.deleted_anchors()) {
        let block = &old.blocks[i];
        let theme = old_theme(i);
        if block.kind == BlockKind::Paragraph {
            let score =
                scores.entry(theme).or_insert_with(|| ThemeScore { theme: theme.to_owned(), ..Default::default() });
            score.removed += 1;
            score.removed_chars += block.key.chars().count();
        }
        // Listed after the new position of the nearest preceding linked old block.
        let change = lone_change(ChangeKind::Deleted, block, theme.to_owned(), block.key.clone(), String::new());
        changes.push((anchor, 1, i, change));
    }
    changes.sort_by_key(|c| (c.0, c.1, c.2));

    // Paragraph counts and keyness per theme.
    let mut old_paragraphs: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut new_paragraphs: HashMap<&str, Vec<usize>> = HashMap::default();
    for block in old.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph) {
        old_paragraphs.entry(old_theme(block.index)).or_default().push(block.index);
    }
    for block in new.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph) {
        new_paragraphs.entry(&block.theme).or_default().push(block.index);
    }
    let order = theme_order(old, new, &old_theme);
    let mut pair = Pair::new(old_profile, new_profile);
    for &theme in &order {
        let score = scores.entry(theme).or_insert_with(|| ThemeScore { theme: theme.to_owned(), ..Default::default() });
        let (o, n) = (
            old_paragraphs.get(theme).map_or(&[][..], Vec::as_slice),
            new_paragraphs.get(theme).map_or(&[][..], Vec::as_slice),
        );
        score.paragraphs_old = o.len();
        score.paragraphs_new = n.len();
        if let Some((lost, total)) = shift_totals.get(theme) {
            score.wording_shift = round4(if *total > 0.0 { lost / total } else { 0.0 });
        }
        let (added, removed) = keyness(&mut pair, o, n, options.top_terms);
        score.top_added = added;
        score.top_removed = removed;
    }
    let themes: Vec<ThemeScore> = order.iter().filter_map(|t| scores.remove(t)).collect();
    let mut total = sum_scores(&themes);
    let all_old: Vec<usize> = old.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).map(|b| b.index).collect();
    let all_new: Vec<usize> = new.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).map(|b| b.index).collect();
    let (added, removed) = keyness(&mut pair, &all_old, &all_new, options.top_terms);
    total.top_added = added;
    total.top_removed = removed;
    let (lost, length) = shift_totals.values().fold((0.0, 0.0), |a, v| (a.0 + v.0, a.1 + v.1));
    total.wording_shift = round4(if length > 0.0 { lost / length } else { 0.0 });

    let substantive = changes.iter().any(|c| !c.3.editorial);
    Report {
        schema_version: crate::SCHEMA_VERSION,
        old: info(old),
        new: info(new),
        provenance: Provenance {
            decldiff: env!("CARGO_PKG_VERSION"),
            segmenter: SEGMENTER_VERSION,
            dictionary: tokenizer.dictionary_hash().to_owned(),
            ladders: options.ladders.hash.clone(),
            align: (&options.align).into(),
            all: options.all,
        },
        themes,
        total,
        theme_moves: moves
            .into_iter()
            .map(|((from, to), paragraphs)| ThemeMove { from: from.to_owned(), to: to.to_owned(), paragraphs })
            .collect(),
        changes: changes.into_iter().map(|c| c.3).collect(),
        unchanged,
        substantive,
    }
}

/// When the subject holding a paragraph's commitment changed (成员国 → a named list of
/// states), the first edit inside the subject is of class `endorsers`.
fn mark_endorsers(segments: &[Segment], edits: &mut [Edit], rules: &EndorserRules) {
    let (old_text, new_text): (String, String) = segments
        .iter()
        .map(|s| match s {
            Segment::Equal { text } => (text.as_str(), text.as_str()),
            Segment::Change { old, new } => (old.as_str(), new.as_str()),
        })
        .fold((String::new(), String::new()), |(mut a, mut b), (o, n)| {
            a.push_str(o);
            b.push_str(n);
            (a, b)
        });
    let (Some((old_subject, old_len)), Some((new_subject, new_len))) =
        (rules.subject(&old_text), rules.subject(&new_text))
    else {
        return;
    };
    if old_subject == new_subject {
        return;
    }
    let (mut old_at, mut new_at, mut change) = (0, 0, 0);
    for segment in segments {
        match segment {
            Segment::Equal { text } => {
                old_at += text.len();
                new_at += text.len();
            }
            Segment::Change { old, new } => {
                if old_at < old_len || new_at < new_len {
                    if let Some(edit) = edits.get_mut(change) {
                        edit.class = classify::ChangeClass::Endorsers;
                        edit.shift = None;
                        edit.editorial = false;
                    }
                    return;
                }
                old_at += old.len();
                new_at += new.len();
                change += 1;
            }
        }
    }
}

/// The text of an equal segment, or nothing.
fn equal_text(segment: Option<&Segment>) -> &str {
    match segment {
        Some(Segment::Equal { text }) => text,
        _ => "",
    }
}

fn lone_change(kind: ChangeKind, block: &crate::segment::Block, theme: String, old: String, new: String) -> Change {
    let (olds, news) = match kind {
        ChangeKind::Deleted => (vec![block.index], Vec::new()),
        _ => (Vec::new(), vec![block.index]),
    };
    Change {
        old: olds,
        new: news,
        kind,
        block: block.kind,
        theme,
        from_theme: None,
        similarity: None,
        editorial: false,
        edits: Vec::new(),
        diff: vec![Segment::Change { old, new }],
    }
}

/// Themes in the new document's order of first appearance, then themes only the old one has.
fn theme_order<'d>(old: &'d Document, new: &'d Document, old_theme: &dyn Fn(usize) -> &'d str) -> Vec<&'d str> {
    let mut order: Vec<&str> = Vec::new();
    let paragraphs = |doc: &'d Document| doc.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph);
    for block in paragraphs(new) {
        if !order.contains(&block.theme.as_str()) {
            order.push(&block.theme);
        }
    }
    for block in paragraphs(old) {
        let theme = old_theme(block.index);
        if !order.contains(&theme) {
            order.push(theme);
        }
    }
    order
}

/// An old paragraph's theme in the new document's names: through renamed headings; a theme
/// guessed by content follows the new paragraph it links to (the guess is kept only for
/// deleted paragraphs).
fn old_theme_of<'d>(
    old: &'d Document,
    new: &'d Document,
    alignment: &'d Alignment,
    linked_to: &HashMap<usize, usize>,
    i: usize,
) -> &'d str {
    let block = &old.blocks[i];
    if block.theme_source == ThemeSource::Content
        && let Some(&j) = linked_to.get(&i)
    {
        return &new.blocks[j].theme;
    }
    alignment.theme_map.get(&block.theme).unwrap_or(&block.theme)
}

fn sum_scores(themes: &[ThemeScore]) -> ThemeScore {
    let mut total = ThemeScore { theme: "total".to_owned(), ..Default::default() };
    for s in themes {
        total.paragraphs_old += s.paragraphs_old;
        total.paragraphs_new += s.paragraphs_new;
        total.unchanged += s.unchanged;
        total.unchanged_chars += s.unchanged_chars;
        total.reworded += s.reworded;
        total.reworded_chars += s.reworded_chars;
        total.added += s.added;
        total.added_chars += s.added_chars;
        total.removed += s.removed;
        total.removed_chars += s.removed_chars;
        total.moved_in += s.moved_in;
        total.moved_in_chars += s.moved_in_chars;
        total.moved_out += s.moved_out;
        total.moved_out_chars += s.moved_out_chars;
        total.moved_within += s.moved_within;
        total.splits += s.splits;
        total.merges += s.merges;
        total.stronger += s.stronger;
        total.weaker += s.weaker;
        total.net_shift_steps += s.net_shift_steps;
    }
    total
}

/// Counts of keyness terms by joint word id, for one side then the other, in a dense table
/// kept between calls: only the ids a call touched are visited and cleared.
#[derive(Default)]
struct TermCounts {
    old: Vec<u32>,
    new: Vec<u32>,
    touched: Vec<u32>,
}

impl TermCounts {
    /// Adds the terms of some blocks of one side; returns how many there were.
    fn add(&mut self, profile: &Profile, ids: &[usize], joint_ids: &[u32], new_side: bool) -> u32 {
        let mut total = 0;
        for &i in ids {
            for &(term, count) in &profile.blocks[i].terms {
                let id = joint_ids[term as usize];
                if self.old[id as usize] == 0 && self.new[id as usize] == 0 {
                    self.touched.push(id);
                }
                let counts = if new_side { &mut self.new } else { &mut self.old };
                counts[id as usize] += count;
                total += count;
            }
        }
        total
    }
}

/// Signed log-likelihood keyness (Dunning's G²) of every term between two sets of blocks;
/// the `top` that rose most and fell most.
fn keyness(pair: &mut Pair, old_ids: &[usize], new_ids: &[usize], top: usize) -> (Vec<Term>, Vec<Term>) {
    let Pair { old, new, words, texts, counts } = pair;
    let old_total = counts.add(old, old_ids, &words.old, false);
    let new_total = counts.add(new, new_ids, &words.new, true);
    type Scored = Vec<(f64, usize)>; // (keyness, joint word id)
    let (mut rose, mut fell): (Scored, Scored) = (counts.touched.iter().map(|&id| id as usize))
        .filter(|&id| counts.old[id] != counts.new[id])
        .map(|id| (round4(g2(counts.new[id], counts.old[id], new_total, old_total)), id))
        .filter(|t| t.0 != 0.0)
        .partition(|t| t.0 > 0.0);
    // Most keyness first, then the word: a total order (words are distinct), so only the top
    // need sorting, and the order ids were touched in does not matter.
    let by_keyness = |x: &(f64, usize), y: &(f64, usize)| y.0.total_cmp(&x.0).then(texts[x.1].cmp(texts[y.1]));
    let by_keyness_reversed = |x: &(f64, usize), y: &(f64, usize)| by_keyness(y, x);
    let term = |&(keyness, id): &(f64, usize)| Term {
        term: texts[id].to_owned(),
        old: counts.old[id],
        new: counts.new[id],
        keyness,
    };
    let added = top_of(&mut rose, top, by_keyness).iter().map(term).collect();
    let removed = top_of(&mut fell, top, by_keyness_reversed).iter().map(term).collect();
    for id in counts.touched.drain(..) {
        (counts.old[id as usize], counts.new[id as usize]) = (0, 0);
    }
    (added, removed)
}

/// The first `top` items of `items` in `order`, sorted (the rest left unsorted).
fn top_of<T>(items: &mut [T], top: usize, order: impl Fn(&T, &T) -> std::cmp::Ordering) -> &[T] {
    if top == 0 {
        return &[];
    }
    if items.len() > top {
        items.select_nth_unstable_by(top - 1, &order);
    }
    let top = top.min(items.len());
    items[..top].sort_unstable_by(&order);
    &items[..top]
}

/// Two profiled documents and their joint word vocabulary, for keyness.
struct Pair<'p, 'a> {
    old: &'p Profile<'a>,
    new: &'p Profile<'a>,
    words: Joint,
    /// Joint word id → the word.
    texts: Vec<&'a str>,
    counts: TermCounts,
}

impl<'p, 'a> Pair<'p, 'a> {
    fn new(old: &'p Profile<'a>, new: &'p Profile<'a>) -> Pair<'p, 'a> {
        let words = Vocabulary::joint(&old.words, &new.words);
        let mut texts = vec![""; words.blocks_with.len()];
        for (side, ids) in [(old, &words.old), (new, &words.new)] {
            for (word, &id) in side.words.keys.iter().zip(ids) {
                texts[id as usize] = word.text;
            }
        }
        let width = texts.len();
        let counts = TermCounts { old: vec![0; width], new: vec![0; width], touched: Vec::new() };
        Pair { old, new, words, texts, counts }
    }
}

/// The terms of all paragraphs that rose and fell most between two profiled documents
/// (signed G², as in a report's `top_added` / `top_removed`).
pub fn keyness_between(old: &Profile, new: &Profile, top: usize) -> (Vec<Term>, Vec<Term>) {
    let paragraphs = |p: &Profile| -> Vec<usize> {
        p.doc.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).map(|b| b.index).collect()
    };
    let mut pair = Pair::new(old, new);
    keyness(&mut pair, &paragraphs(old), &paragraphs(new), top)
}

/// Signed G²: positive when the term is relatively more frequent in the new text.
pub fn g2(new_count: u32, old_count: u32, new_total: u32, old_total: u32) -> f64 {
    let (a, b, c, d) =
        (f64::from(new_count), f64::from(old_count), f64::from(new_total.max(1)), f64::from(old_total.max(1)));
    let e1 = c * (a + b) / (c + d);
    let e2 = d * (a + b) / (c + d);
    let part = |x: f64, e: f64| if x > 0.0 { x * (x / e).ln() } else { 0.0 };
    let value = 2.0 * (part(a, e1) + part(b, e2));
    if a / c >= b / d { value } else { -value }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyness_signs_and_zero() {
        assert!(g2(10, 0, 1000, 1000) > 0.0);
        assert!(g2(0, 10, 1000, 1000) < 0.0);
        assert!(g2(5, 5, 1000, 1000).abs() < 1e-9);
    }

    #[test]
    fn comparing_a_document_with_itself_reports_nothing() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/corpora/sco/sco-2020.zh.txt")).unwrap();
        let doc = Document::parse("sco-2020", &text);
        let report = compare(&doc, &doc, Tokenizer::shared(), &CompareOptions::default());
        assert!(report.changes.is_empty() && !report.substantive);
        assert_eq!(report.total.unchanged, 123);
        assert_eq!(report.total.wording_shift, 0.0);
        assert!(report.total.top_added.is_empty());
    }
}
