//! The kind of every link: identical, reworded, moved (order or section changed), and the
//! map from old to new section titles through the heading links.

use std::collections::{BTreeMap, BTreeSet};

use super::{Link, LinkKind};
use crate::segment::{Block, BlockKind, Document, PREAMBLE};

/// Old section title → new section title through linked titled headings.
fn theme_map(old: &Document, new: &Document, links: &[Link]) -> BTreeMap<String, String> {
    links
        .iter()
        .filter(|l| l.old.len() == 1 && l.new.len() == 1)
        .filter(|l| old.blocks[l.old[0]].kind == BlockKind::Heading && new.blocks[l.new[0]].kind == BlockKind::Heading)
        .filter(|l| !old.blocks[l.old[0]].key.is_empty() && !new.blocks[l.new[0]].key.is_empty())
        .map(|l| (old.blocks[l.old[0]].key.clone(), new.blocks[l.new[0]].key.clone()))
        .collect()
}

/// The titled section a paragraph stands in: its heading's title, [`PREAMBLE`] before the
/// first heading of a text with titled sections, or `None` where no title says (a text
/// without titled sections, a section opened by a bare numeral). Themes, which content may
/// give, are not sections: only sections on both sides make a move.
fn section_of<'d>(doc: &'d Document, block: &Block) -> Option<&'d str> {
    if block.kind != BlockKind::Paragraph {
        return None;
    }
    match block.section {
        Some(h) => {
            let heading = &doc.blocks[h];
            (heading.kind == BlockKind::Heading && !heading.key.is_empty()).then_some(heading.key.as_str())
        }
        None => doc.has_titled_sections().then_some(PREAMBLE),
    }
}

fn assign_kinds(old: &Document, new: &Document, links: &mut [Link], theme_map: &BTreeMap<String, String>) {
    let order = increasing_links(links, old, new);
    let (old_titled, new_titled) = (old.has_titled_sections(), new.has_titled_sections());
    for (k, link) in links.iter_mut().enumerate() {
        if link.old.len() > 1 {
            link.kind = LinkKind::Merge;
            continue;
        }
        if link.new.len() > 1 {
            link.kind = LinkKind::Split;
            continue;
        }
        let (old_block, new_block) = (&old.blocks[link.old[0]], &new.blocks[link.new[0]]);
        let sections =
            (old_titled && new_titled).then(|| section_of(old, old_block).zip(section_of(new, new_block))).flatten();
        let section_changed = sections.is_some_and(|(from, to)| {
            let mapped = theme_map.get(from).map_or(from, String::as_str);
            mapped != to
        });
        let moved = section_changed || !order.contains(&k);
        let same = old_block.key == new_block.key;
        link.kind = match (moved, same) {
            (false, true) => LinkKind::Identical,
            (false, false) => LinkKind::Reworded,
            (true, true) => LinkKind::Moved,
            (true, false) => LinkKind::MovedReworded,
        };
        if same {
            link.similarity = 1.0;
        }
    }
}

/// Sets every link's kind (split, merge, identical, reworded, moved, moved and reworded)
/// from the texts, the themes mapped through the heading links, and the order.
pub fn classify(old: &Document, new: &Document, links: &mut [Link]) -> BTreeMap<String, String> {
    let theme_map = theme_map(old, new, links);
    assign_kinds(old, new, links, &theme_map);
    theme_map
}

/// The links (by position in `links`) on the heaviest increasing subsequence of old
/// positions, the links taken in new order and weighted by their text length: the longest
/// stretch of text that kept its order. Every other link moved.
fn increasing_links(links: &[Link], old: &Document, new: &Document) -> BTreeSet<usize> {
    let mut order: Vec<usize> = (0..links.len()).collect();
    order.sort_by_key(|&k| (links[k].new[0], links[k].old[0]));
    let weight = |k: usize| -> u64 {
        let chars =
            |doc: &Document, ids: &[usize]| ids.iter().map(|&i| doc.blocks[i].key.chars().count() as u64).sum::<u64>();
        1 + chars(old, &links[k].old) + chars(new, &links[k].new)
    };
    // Fenwick tree over old positions: best (total weight, last link) of a chain ending
    // below a position. Ties keep the earlier chain, so results are deterministic.
    let size = old.blocks.len() + 1;
    let mut tree: Vec<(u64, Option<usize>)> = vec![(0, None); size + 1];
    let mut previous: Vec<Option<usize>> = vec![None; links.len()];
    let mut best_total: Vec<u64> = vec![0; links.len()];
    let query = |tree: &Vec<(u64, Option<usize>)>, mut pos: usize| {
        let mut best = (0u64, None);
        while pos > 0 {
            if tree[pos].0 > best.0 {
                best = tree[pos];
            }
            pos &= pos - 1;
        }
        best
    };
    for &k in &order {
        let position = links[k].old[0] + 1;
        let (total, last) = query(&tree, position - 1);
        best_total[k] = total + weight(k);
        previous[k] = last;
        let mut pos = position;
        while pos <= size {
            if best_total[k] > tree[pos].0 {
                tree[pos] = (best_total[k], Some(k));
            }
            pos += pos & pos.wrapping_neg();
        }
    }
    let mut chain = BTreeSet::new();
    let mut cursor = query(&tree, size).1;
    while let Some(k) = cursor {
        chain.insert(k);
        cursor = previous[k];
    }
    chain
}
