//! Headings link to headings: by the paragraph links between their sections, and by their
//! titles. A renamed section keeps its identity through its heading link.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use super::{Aligner, Link, LinkKind, assign};
use crate::segment::Document;

/// Above this many old × new heading pairs (a real declaration has under 100), headings are
/// linked only through their sections and identical titles, not by fuzzy title similarity.
const MAX_FUZZY_HEADING_PAIRS: usize = 10_000;

impl Aligner<'_> {
    /// Links headings: by the paragraph links between their sections, and by their titles.
    pub(super) fn link_headings(&self, links: &mut Vec<Link>) {
        let headings = |doc: &Document| -> Vec<usize> {
            doc.blocks.iter().filter(|b| b.kind.is_section()).map(|b| b.index).collect()
        };
        let (old_headings, new_headings) = (headings(self.old), headings(self.new));
        if old_headings.is_empty() || new_headings.is_empty() {
            return;
        }
        // Paragraph links between sections, and each section's linked paragraphs.
        let mut between: HashMap<(usize, usize), f32> = HashMap::default();
        let mut linked_in_old: HashMap<usize, f32> = HashMap::default();
        let mut linked_in_new: HashMap<usize, f32> = HashMap::default();
        for link in links.iter() {
            for &i in &link.old {
                for &j in &link.new {
                    let (Some(a), Some(b)) = (self.old.blocks[i].section, self.new.blocks[j].section) else {
                        continue;
                    };
                    let share = 1.0 / (link.old.len() * link.new.len()) as f32;
                    *between.entry((a, b)).or_default() += share;
                    *linked_in_old.entry(a).or_default() += share;
                    *linked_in_new.entry(b).or_default() += share;
                }
            }
        }
        let opens_preamble = self.sections_opening_a_preamble(links);
        // Candidate pairs come from evidence, never from all pairs: sections that share
        // paragraph links, headings with the same title (in order, like identical paragraphs),
        // and, for the few headings of a real declaration, titles that look alike.
        let mut candidates: BTreeSet<(usize, usize)> = between.keys().copied().collect();
        let mut by_title: HashMap<&str, Vec<usize>> = HashMap::default();
        for &g in &new_headings {
            by_title.entry(self.new.blocks[g].key.as_str()).or_default().push(g);
        }
        let mut taken: HashMap<&str, usize> = HashMap::default();
        for &h in &old_headings {
            let title = self.old.blocks[h].key.as_str();
            let next = taken.entry(title).or_default();
            if let Some(&g) = by_title.get(title).and_then(|gs| gs.get(*next)) {
                candidates.insert((h, g));
                *next += 1;
            }
        }
        if old_headings.len() * new_headings.len() <= MAX_FUZZY_HEADING_PAIRS {
            candidates.extend(old_headings.iter().flat_map(|&h| new_headings.iter().map(move |&g| (h, g))));
        }
        let mut edges = Vec::new();
        for (h, g) in candidates {
            let (old_heading, new_heading) = (&self.old.blocks[h], &self.new.blocks[g]);
            let shared = between.get(&(h, g)).copied().unwrap_or(0.0);
            let smaller =
                linked_in_old.get(&h).copied().unwrap_or(0.0).min(linked_in_new.get(&g).copied().unwrap_or(0.0));
            let overlap = if smaller > 0.0 { shared / smaller } else { 0.0 };
            let titled = !old_heading.key.is_empty() && !new_heading.key.is_empty();
            let title = if titled {
                if old_heading.key == new_heading.key {
                    1.0
                } else {
                    self.features.of_old(h).similarity(self.features.of_new(g))
                }
            } else if old_heading.key.is_empty()
                && new_heading.key.is_empty()
                && old_heading.numbering == new_heading.numbering
            {
                0.5
            } else {
                0.0
            };
            // A heading that opens what had none (一 before the old untitled preamble) is new,
            // and a heading whose section became the preamble is gone, whatever they share.
            let misplaced = opens_preamble.0.contains(&h) || opens_preamble.1.contains(&g);
            if (overlap >= 0.5 || title >= 0.5) && !misplaced {
                edges.push((h, g, overlap + title));
            }
        }
        for (h, g, _) in assign::assign(&edges) {
            let similarity = if self.old.blocks[h].key == self.new.blocks[g].key {
                1.0
            } else {
                self.features.of_old(h).similarity(self.features.of_new(g))
            };
            links.push(Link {
                old: vec![h],
                new: vec![g],
                kind: LinkKind::Reworded,
                similarity: f64::from(similarity),
            });
        }
    }

    /// The old headings whose section's first linked paragraph went to the new preamble (no
    /// section), and the new headings whose section's first linked paragraph came from the
    /// old preamble.
    fn sections_opening_a_preamble(&self, links: &[Link]) -> (BTreeSet<usize>, BTreeSet<usize>) {
        let mut by_old: Vec<(usize, usize)> = links.iter().map(|l| (l.old[0], l.new[0])).collect();
        let mut by_new: Vec<(usize, usize)> = links.iter().map(|l| (l.new[0], l.old[0])).collect();
        by_old.sort_unstable();
        by_new.sort_unstable();
        let first_goes_to_preamble = |pairs: &[(usize, usize)], from: &Document, to: &Document| {
            let mut seen = BTreeSet::new();
            let mut found = BTreeSet::new();
            for &(a, b) in pairs {
                if let Some(section) = from.blocks[a].section
                    && !from.blocks[a].kind.is_section()
                    && seen.insert(section)
                    && to.blocks[b].section.is_none()
                    && to.blocks[b].kind == crate::segment::BlockKind::Paragraph
                {
                    found.insert(section);
                }
            }
            found
        };
        (first_goes_to_preamble(&by_old, self.old, self.new), first_goes_to_preamble(&by_new, self.new, self.old))
    }
}
