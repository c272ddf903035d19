//! Keyness: which terms rose and fell most between two sets of blocks (signed G²,
//! docs/scoring.md).

use crate::profile::{Joint, Profile, Vocabulary};
use crate::report::Term;
use crate::round4;
use crate::segment::BlockKind;

/// Counts of keyness terms by joint word id, for one side then the other, in a dense table
/// kept between calls: only the ids a call touched are visited and cleared.
#[derive(Default)]
struct TermCounts {
    old: Vec<u32>,
    new: Vec<u32>,
    touched: Vec<u32>,
}

impl TermCounts {
    /// Adds the terms of some blocks of one side, each block's terms with the joint ids of
    /// their side; returns how many there were.
    fn add<'t>(&mut self, blocks: impl Iterator<Item = (&'t [(u32, u32)], &'t [u32])>, new_side: bool) -> u32 {
        let mut total = 0;
        for (terms, joint_ids) in blocks {
            for &(term, count) in terms {
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
pub(super) fn keyness(pair: &mut Pair, old_ids: &[usize], new_ids: &[usize], top: usize) -> (Vec<Term>, Vec<Term>) {
    let Pair { old, new, words, texts, counts, stand_ins } = pair;
    let old_total = counts.add(old_ids.iter().map(|&i| (&old.blocks[i].terms[..], &words.old[..])), false);
    let new_blocks = new_ids.iter().map(|&i| match stand_ins.get(&i) {
        Some(&j) => (&old.blocks[j].terms[..], &words.old[..]),
        None => (&new.blocks[i].terms[..], &words.new[..]),
    });
    let new_total = counts.add(new_blocks, true);
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
pub(super) struct Pair<'p, 'a> {
    pub(super) old: &'p Profile<'a>,
    pub(super) new: &'p Profile<'a>,
    words: Joint,
    /// Joint word id → the word.
    texts: Vec<&'a str>,
    counts: TermCounts,
    /// New paragraph → the old one read in its place: links changed only editorially.
    stand_ins: std::collections::HashMap<usize, usize>,
}

impl<'p, 'a> Pair<'p, 'a> {
    pub(super) fn new(old: &'p Profile<'a>, new: &'p Profile<'a>, stand_ins: Vec<(usize, usize)>) -> Pair<'p, 'a> {
        let words = Vocabulary::joint(&old.words, &new.words);
        let mut texts = vec![""; words.blocks_with.len()];
        for (side, ids) in [(old, &words.old), (new, &words.new)] {
            for (word, &id) in side.words.keys.iter().zip(ids) {
                texts[id as usize] = word.text;
            }
        }
        let width = texts.len();
        let counts = TermCounts { old: vec![0; width], new: vec![0; width], touched: Vec::new() };
        Pair { old, new, words, texts, counts, stand_ins: stand_ins.into_iter().collect() }
    }
}

/// The terms of all paragraphs that rose and fell most between two profiled documents
/// (signed G², as in a report's `top_added` / `top_removed`).
pub fn keyness_between(old: &Profile, new: &Profile, top: usize) -> (Vec<Term>, Vec<Term>) {
    let paragraphs = |p: &Profile| -> Vec<usize> {
        p.doc.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).map(|b| b.index).collect()
    };
    let mut pair = Pair::new(old, new, Vec::new());
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
