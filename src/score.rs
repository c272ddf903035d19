//! Two documents → a [`Report`]: align, diff every link word by word, classify each edit, and
//! score additions, removals, rewordings, moves and commitment shifts per theme. Formulas,
//! with worked examples, in docs/scoring.md.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use crate::align::{self, AlignOptions, Alignment, Link, LinkKind};
use crate::classify::{self, Direction, Ladders};
use crate::diff::Segment;
use crate::endorsers::EndorserRules;
use crate::profile::Profile;
use crate::report::{Change, ChangeKind, DocInfo, Edit, Provenance, Report, ThemeMove, ThemeScore};
use crate::round4;

mod edits;
mod keyness;

use crate::segment::{Block, BlockKind, Document, ThemeSource};
use crate::tokenize::{SEGMENTER_VERSION, Tokenizer};
use keyness::{Pair, keyness};
pub use keyness::{g2, keyness_between};

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
    /// The order of themes in the tables (the taxonomy's); other themes follow in order of
    /// appearance.
    pub theme_order: Vec<String>,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            align: AlignOptions::default(),
            ladders: Ladders::builtin(),
            top_terms: 5,
            all: false,
            endorsers: EndorserRules::builtin(),
            theme_order: crate::theme::taxonomy::Taxonomy::builtin_names(),
        }
    }
}

fn info(doc: &Document) -> DocInfo {
    DocInfo {
        name: doc.name.clone(),
        blocks: doc.blocks.len(),
        paragraphs: doc.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).count(),
        themes: theme_sources(doc),
        ..DocInfo::default()
    }
}

fn theme_sources(doc: &Document) -> crate::report::ThemeSources {
    let mut sources = crate::report::ThemeSources::default();
    let mut confidence = 0.0;
    for block in doc.iter_paragraphs() {
        match block.theme_source {
            ThemeSource::Heading => sources.by_section += 1,
            ThemeSource::Content => {
                sources.by_content += 1;
                sources.unsure += usize::from(block.theme == crate::theme::UNSURE);
                confidence += block.theme_confidence.unwrap_or(0.0);
            }
            ThemeSource::Position | ThemeSource::Unassigned => {}
        }
    }
    sources.mean_confidence = (sources.by_content > 0).then(|| crate::round4(confidence / sources.by_content as f64));
    sources
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

/// Builds the report of an alignment of two profiled documents: every link diffed and
/// classified, then tallied per theme, added and deleted blocks tallied, and each theme's
/// paragraph counts and keyness terms.
pub fn report_of_profiles(
    old_profile: &Profile,
    new_profile: &Profile,
    alignment: &Alignment,
    tokenizer: &Tokenizer,
    options: &CompareOptions,
) -> Report {
    let (old, new) = (old_profile.doc, new_profile.doc);
    // Each linked old block's first new block, for the themes of old paragraphs.
    // Each paragraph's theme is its own document's (docs/themes.md); a section title the
    // taxonomy does not map keeps its identity through a renamed heading.
    let old_theme = |i: usize| {
        let theme = &old.blocks[i].theme;
        alignment.theme_map.get(theme).unwrap_or(theme).as_str()
    };
    let entities = classify::Entities::of_profiles(&[old_profile, new_profile], tokenizer);
    let diffs = edits::diff_links(old_profile, new_profile, alignment, &entities, options);

    let mut tally = Tally::default();
    for (link, (segments, edits)) in alignment.links.iter().zip(diffs) {
        tally.link(old, new, link, &old_theme, segments, edits, options.all);
    }
    // A copy without section titles (bare numbers, or none) lacks the other's headings by its
    // layout, not by a change of text.
    let (old_titled, new_titled) = (old.has_titled_sections(), new.has_titled_sections());
    for &j in &alignment.added {
        tally.added(&new.blocks[j], !old_titled);
    }
    for (&i, anchor) in alignment.deleted.iter().zip(alignment.deleted_anchors()) {
        tally.deleted(&old.blocks[i], old_theme(i), anchor, !new_titled);
    }
    let Tally { mut scores, moves, shift_totals, mut changes, unchanged, stand_ins } = tally;
    changes.sort_by_key(|c| (c.0, c.1, c.2));

    let order = theme_order(old, new, &old_theme, &options.theme_order);
    let mut pair = Pair::new(old_profile, new_profile, stand_ins);
    let themes = theme_tables(&order, &mut scores, &shift_totals, &mut pair, &old_theme, options.top_terms);
    let total = total_row(&themes, &shift_totals, &mut pair, options.top_terms);
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

/// The running counts of a report. Themes are borrowed from the documents and the alignment
/// until the report owns them.
#[derive(Default)]
struct Tally<'d> {
    scores: BTreeMap<&'d str, ThemeScore>,
    moves: BTreeMap<(&'d str, &'d str), usize>,
    /// theme → (Σ len·(1−sim), Σ len) of its changed links.
    shift_totals: BTreeMap<&'d str, (f64, f64)>,
    /// (new position, order, old position, change).
    changes: Vec<(usize, u8, usize, Change)>,
    unchanged: Vec<[usize; 2]>,
    /// (new paragraph, old paragraph) of the links changed only editorially.
    stand_ins: Vec<(usize, usize)>,
}

fn score_of<'m, 'd>(scores: &'m mut BTreeMap<&'d str, ThemeScore>, theme: &'d str) -> &'m mut ThemeScore {
    scores.entry(theme).or_insert_with(|| ThemeScore { theme: theme.to_owned(), ..Default::default() })
}

impl<'d> Tally<'d> {
    /// Counts one link and lists it as a change unless it is identical (or editorial, without
    /// `all`).
    #[allow(clippy::too_many_arguments, reason = "one link with everything known of it")]
    fn link(
        &mut self,
        old: &'d Document,
        new: &'d Document,
        link: &Link,
        old_theme: &dyn Fn(usize) -> &'d str,
        segments: Vec<Segment>,
        edits: Vec<Edit>,
        all: bool,
    ) {
        let first_new = link.new[0];
        let block_kind = new.blocks[first_new].kind;
        let theme = new.blocks[first_new].theme.as_str();
        // A paragraph comes from another theme only when it moved (its order or its section
        // changed); a reworded paragraph is counted in its new theme.
        let moved = matches!(link.kind, LinkKind::Moved | LinkKind::MovedReworded);
        let from = if moved { old_theme(link.old[0]) } else { theme };
        let is_paragraph = block_kind == BlockKind::Paragraph;
        // A reworded link whose every edit is punctuation or number formatting is editorial.
        let closing = !matches!(block_kind, BlockKind::Paragraph | BlockKind::Heading);
        // Rewritten only in punctuation or number form; for a date or dateline, also moved.
        let formatting = !edits.is_empty()
            && edits.iter().all(|e| e.editorial)
            && (link.kind == LinkKind::Reworded || (closing && link.kind == LinkKind::MovedReworded));
        let editorial = formatting || is_layout_link(old, new, link);
        if is_paragraph {
            self.paragraph_link(old, new, link, theme, from, editorial, &edits);
        }
        if link.kind == LinkKind::Identical || (editorial && !all) {
            self.unchanged.push([link.old[0], link.new[0]]);
            return;
        }
        let from_theme = (is_paragraph && from != theme).then(|| from.to_owned());
        let change = Change {
            old_numbers: crate::report::numbers(&link.old),
            new_numbers: crate::report::numbers(&link.new),
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
        };
        self.changes.push((first_new, 0, link.old[0], change));
    }

    /// The per-theme counts of a paragraph link.
    #[allow(clippy::too_many_arguments, reason = "one link with everything known of it")]
    fn paragraph_link(
        &mut self,
        old: &Document,
        new: &Document,
        link: &Link,
        theme: &'d str,
        from: &'d str,
        editorial: bool,
        edits: &[Edit],
    ) {
        let (old_chars, new_chars) = (chars(old, &link.old), chars(new, &link.new));
        let theme_changed = from != theme;
        let score = score_of(&mut self.scores, theme);
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
        for shift in edits.iter().filter_map(|e| e.shift.as_ref()) {
            match shift.direction {
                Direction::Stronger => {
                    score.stronger += 1;
                    score.net_shift_steps += i64::from(shift.steps);
                }
                Direction::Weaker => {
                    score.weaker += 1;
                    score.net_shift_steps -= i64::from(shift.steps);
                }
                // Who commits is not how strongly: counted with the endorsers class.
                Direction::Narrower | Direction::Wider => {}
            }
        }
        // Punctuation and number formatting are not wording: they move neither the shift
        // index nor the terms (keyness reads the old paragraph in the new one's place).
        if editorial && link.old.len() == 1 && link.new.len() == 1 {
            self.stand_ins.push((link.new[0], link.old[0]));
        }
        if text_changed && !editorial {
            let entry = self.shift_totals.entry(theme).or_default();
            entry.0 += new_chars as f64 * (1.0 - link.similarity);
            entry.1 += new_chars as f64;
        }
        if theme_changed && matches!(link.kind, LinkKind::Moved | LinkKind::MovedReworded) {
            score.moved_in += 1;
            score.moved_in_chars += new_chars;
            let out = score_of(&mut self.scores, from);
            out.moved_out += 1;
            out.moved_out_chars += old_chars;
            *self.moves.entry((from, theme)).or_default() += 1;
        }
    }

    /// An added block (a title, dateline or section number only a copy has is layout, not
    /// substance; so is a heading when the other text has no section titles).
    fn added(&mut self, block: &'d Block, other_untitled: bool) {
        if block.kind == BlockKind::Paragraph {
            let score = score_of(&mut self.scores, &block.theme);
            score.added += 1;
            score.added_chars += block.key.chars().count();
        }
        let mut change = lone_change(ChangeKind::Added, block, block.theme.clone(), String::new(), block.key.clone());
        change.editorial = is_layout(block.kind) || (block.kind == BlockKind::Heading && other_untitled);
        self.changes.push((block.index, 0, usize::MAX, change));
    }

    /// A deleted block, listed after the new position of the nearest preceding linked old
    /// block (`anchor`).
    fn deleted(&mut self, block: &Block, theme: &'d str, anchor: usize, other_untitled: bool) {
        if block.kind == BlockKind::Paragraph {
            let score = score_of(&mut self.scores, theme);
            score.removed += 1;
            score.removed_chars += block.key.chars().count();
        }
        let mut change = lone_change(ChangeKind::Deleted, block, theme.to_owned(), block.key.clone(), String::new());
        change.editorial = is_layout(block.kind) || (block.kind == BlockKind::Heading && other_untitled);
        self.changes.push((anchor, 1, block.index, change));
    }
}

/// Blocks that belong to how a copy is laid out rather than to what the declaration says: its
/// title line, the agency's dateline, a place-and-date line, a bare section number. Adding or
/// dropping one is editorial.
fn is_layout(kind: BlockKind) -> bool {
    matches!(kind, BlockKind::Title | BlockKind::SourceLine | BlockKind::PlaceDate | BlockKind::SectionMarker)
}

/// A titled heading that became a bare number (or back), or a date or dateline that only
/// moved (to the top of a copy): the text is the same, only its layout differs.
fn is_layout_link(old: &Document, new: &Document, link: &Link) -> bool {
    let (o, n) = (old.blocks[link.old[0]].kind, new.blocks[link.new[0]].kind);
    let moved_closing = link.kind == LinkKind::Moved && !matches!(o, BlockKind::Paragraph | BlockKind::Heading);
    (o.is_section() && n.is_section() && o != n) || moved_closing
}

/// Each theme's row in `order`: paragraph counts, wording shift and keyness terms.
fn theme_tables<'d>(
    order: &[&'d str],
    scores: &mut BTreeMap<&'d str, ThemeScore>,
    shift_totals: &BTreeMap<&'d str, (f64, f64)>,
    pair: &mut Pair,
    old_theme: &dyn Fn(usize) -> &'d str,
    top_terms: usize,
) -> Vec<ThemeScore> {
    let (old, new) = (pair.old.doc, pair.new.doc);
    let mut old_paragraphs: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut new_paragraphs: HashMap<&str, Vec<usize>> = HashMap::default();
    for block in old.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph) {
        old_paragraphs.entry(old_theme(block.index)).or_default().push(block.index);
    }
    for block in new.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph) {
        new_paragraphs.entry(&block.theme).or_default().push(block.index);
    }
    for &theme in order {
        let score = score_of(scores, theme);
        let (o, n) = (
            old_paragraphs.get(theme).map_or(&[][..], Vec::as_slice),
            new_paragraphs.get(theme).map_or(&[][..], Vec::as_slice),
        );
        score.paragraphs_old = o.len();
        score.paragraphs_new = n.len();
        if let Some((lost, total)) = shift_totals.get(theme) {
            score.wording_shift = round4(if *total > 0.0 { lost / total } else { 0.0 });
        }
        let (added, removed) = keyness(pair, o, n, top_terms);
        score.top_added = added;
        score.top_removed = removed;
    }
    order.iter().filter_map(|t| scores.remove(t)).collect()
}

/// The total row: the sum of the themes, keyness over all paragraphs, the overall shift.
fn total_row(
    themes: &[ThemeScore],
    shift_totals: &BTreeMap<&str, (f64, f64)>,
    pair: &mut Pair,
    top_terms: usize,
) -> ThemeScore {
    let mut total = sum_scores(themes);
    let paragraphs = |doc: &Document| -> Vec<usize> {
        doc.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).map(|b| b.index).collect()
    };
    let (all_old, all_new) = (paragraphs(pair.old.doc), paragraphs(pair.new.doc));
    let (added, removed) = keyness(pair, &all_old, &all_new, top_terms);
    total.top_added = added;
    total.top_removed = removed;
    let (lost, length) = shift_totals.values().fold((0.0, 0.0), |a, v| (a.0 + v.0, a.1 + v.1));
    total.wording_shift = round4(if length > 0.0 { lost / length } else { 0.0 });
    total
}

fn lone_change(kind: ChangeKind, block: &crate::segment::Block, theme: String, old: String, new: String) -> Change {
    let (olds, news) = match kind {
        ChangeKind::Deleted => (vec![block.index], Vec::new()),
        _ => (Vec::new(), vec![block.index]),
    };
    Change {
        old_numbers: crate::report::numbers(&olds),
        new_numbers: crate::report::numbers(&news),
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
fn theme_order<'d>(
    old: &'d Document,
    new: &'d Document,
    old_theme: &dyn Fn(usize) -> &'d str,
    taxonomy_order: &[String],
) -> Vec<&'d str> {
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
    // The taxonomy's themes first, in its order (a stable sort keeps the others as found).
    order.sort_by_key(|t| taxonomy_order.iter().position(|o| o == t).unwrap_or(usize::MAX));
    order
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
