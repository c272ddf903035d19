//! `compare`'s tidy tables: per theme, per pair (the totals), per changed paragraph and per
//! classified edit, for any number of pairs.

use serde::Serialize;

use super::{CsvOptions, Rows, joined, number};
use crate::classify::Direction;
use crate::render::original::change_pieces;
use crate::report::{Change, Report, ThemeScore};
use crate::segment::Document;

/// Which table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Level {
    /// One row per pair and theme.
    #[default]
    Theme,
    /// One row per pair: the totals over every theme.
    Pair,
    /// One row per change (a link with changed text or place, an added or deleted block).
    Paragraph,
    /// One row per classified edit inside a change.
    Edit,
}

/// The scores of a theme or of a whole pair, the same columns in both tables.
macro_rules! score_row {
    ($(#[$doc:meta])* $name:ident { $($(#[$field_doc:meta])* $field:ident: $ty:ty),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Serialize)]
        #[allow(missing_docs)] // the columns are documented in docs/tables.md
        pub struct $name {
            pub old_id: String,
            pub new_id: String,
            $($(#[$field_doc])* pub $field: $ty,)*
            pub paragraphs_old: usize,
            pub paragraphs_new: usize,
            pub unchanged: usize,
            pub unchanged_chars: usize,
            pub reworded: usize,
            pub reworded_chars: usize,
            pub added: usize,
            pub added_chars: usize,
            pub deleted: usize,
            pub deleted_chars: usize,
            pub moved_within: usize,
            pub moved_in: usize,
            pub moved_in_chars: usize,
            pub moved_out: usize,
            pub moved_out_chars: usize,
            pub split: usize,
            pub merge: usize,
            pub wording_shift: f64,
            pub stronger: usize,
            pub weaker: usize,
            pub net_shift_steps: i64,
        }

        impl $name {
            fn scores(old_id: &str, new_id: &str, s: &ThemeScore, $($field: $ty),*) -> $name {
                $name {
                    old_id: old_id.to_owned(),
                    new_id: new_id.to_owned(),
                    $($field,)*
                    paragraphs_old: s.paragraphs_old,
                    paragraphs_new: s.paragraphs_new,
                    unchanged: s.unchanged,
                    unchanged_chars: s.unchanged_chars,
                    reworded: s.reworded,
                    reworded_chars: s.reworded_chars,
                    added: s.added,
                    added_chars: s.added_chars,
                    deleted: s.removed,
                    deleted_chars: s.removed_chars,
                    moved_within: s.moved_within,
                    moved_in: s.moved_in,
                    moved_in_chars: s.moved_in_chars,
                    moved_out: s.moved_out,
                    moved_out_chars: s.moved_out_chars,
                    split: s.splits,
                    merge: s.merges,
                    wording_shift: s.wording_shift,
                    stronger: s.stronger,
                    weaker: s.weaker,
                    net_shift_steps: s.net_shift_steps,
                }
            }
        }
    };
}

score_row! {
    /// One pair and theme.
    ThemeRow { theme: String }
}

score_row! {
    /// One pair, every theme together.
    PairRow { old_date: String, new_date: String }
}

/// Where a change stands: the first and last paragraph number on each side (empty for the
/// side an added or deleted block lacks), and the first block's 0-based index beside it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[allow(missing_docs)] // the columns are documented in docs/tables.md
pub struct Place {
    pub old_first: Option<usize>,
    pub old_last: Option<usize>,
    pub new_first: Option<usize>,
    pub new_last: Option<usize>,
    pub old_index: Option<usize>,
    pub new_index: Option<usize>,
}

impl Place {
    fn of(change: &Change) -> Place {
        Place {
            old_first: change.old.first().copied().map(number),
            old_last: change.old.last().copied().map(number),
            new_first: change.new.first().copied().map(number),
            new_last: change.new.last().copied().map(number),
            old_index: change.old.first().copied(),
            new_index: change.new.first().copied(),
        }
    }
}

/// One change.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[allow(missing_docs)] // the columns are documented in docs/tables.md
pub struct ParagraphRow {
    pub old_id: String,
    pub new_id: String,
    pub kind: String,
    pub block: String,
    pub theme: String,
    pub from_theme: String,
    pub old_first: Option<usize>,
    pub old_last: Option<usize>,
    pub new_first: Option<usize>,
    pub new_last: Option<usize>,
    pub old_index: Option<usize>,
    pub new_index: Option<usize>,
    pub similarity: Option<f64>,
    pub editorial: bool,
    pub edits: usize,
    pub classes: String,
    pub stronger: usize,
    pub weaker: usize,
    pub old_text: String,
    pub new_text: String,
}

/// One classified edit.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[allow(missing_docs)] // the columns are documented in docs/tables.md
pub struct EditRow {
    pub old_id: String,
    pub new_id: String,
    pub kind: String,
    pub theme: String,
    pub old_first: Option<usize>,
    pub old_last: Option<usize>,
    pub new_first: Option<usize>,
    pub new_last: Option<usize>,
    pub class: String,
    pub scale: String,
    pub from: String,
    pub to: String,
    pub direction: String,
    pub steps: Option<u32>,
    pub editorial: bool,
    pub old: String,
    pub new: String,
}

/// Every table of one or more comparisons.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompareTables {
    /// Per pair and theme.
    pub themes: Vec<ThemeRow>,
    /// Per pair.
    pub pairs: Vec<PairRow>,
    /// Per change.
    pub paragraphs: Vec<ParagraphRow>,
    /// Per edit.
    pub edits: Vec<EditRow>,
}

impl CompareTables {
    /// The tables of one comparison; `old` and `new` give the text as written.
    pub fn of(report: &Report, old: &Document, new: &Document) -> CompareTables {
        let (old_id, new_id) = (report.old.name.as_str(), report.new.name.as_str());
        let date = |d: &Option<String>| d.clone().unwrap_or_default();
        let mut tables = CompareTables {
            themes: report.themes.iter().map(|s| ThemeRow::scores(old_id, new_id, s, s.theme.clone())).collect(),
            pairs: vec![PairRow::scores(old_id, new_id, &report.total, date(&report.old.date), date(&report.new.date))],
            ..CompareTables::default()
        };
        for change in &report.changes {
            tables.add_change(old_id, new_id, change, old, new);
        }
        tables
    }

    fn add_change(&mut self, old_id: &str, new_id: &str, change: &Change, old: &Document, new: &Document) {
        let place = Place::of(change);
        let shifts = |direction: Direction| {
            change.edits.iter().filter_map(|e| e.shift.as_ref()).filter(|s| s.direction == direction).count()
        };
        let mut classes: Vec<&str> = change.edits.iter().map(|e| e.class.as_str()).collect();
        classes.sort_unstable();
        classes.dedup();
        let text = |doc: &Document, ids: &[usize]| {
            ids.iter().filter_map(|&i| doc.blocks.get(i)).map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n")
        };
        self.paragraphs.push(ParagraphRow {
            old_id: old_id.to_owned(),
            new_id: new_id.to_owned(),
            kind: change.kind.as_str().to_owned(),
            block: change.block.as_str().to_owned(),
            theme: change.theme.clone(),
            from_theme: change.from_theme.clone().unwrap_or_default(),
            old_first: place.old_first,
            old_last: place.old_last,
            new_first: place.new_first,
            new_last: place.new_last,
            old_index: place.old_index,
            new_index: place.new_index,
            similarity: change.similarity,
            editorial: change.editorial,
            edits: change.edits.len(),
            classes: joined(classes),
            stronger: shifts(Direction::Stronger),
            weaker: shifts(Direction::Weaker),
            old_text: text(old, &change.old),
            new_text: text(new, &change.new),
        });
        let pieces = change_pieces(change, old, new);
        let fragments = pieces.iter().filter(|p| p.changed);
        for (edit, piece) in change.edits.iter().zip(fragments) {
            let shift = edit.shift.as_ref();
            self.edits.push(EditRow {
                old_id: old_id.to_owned(),
                new_id: new_id.to_owned(),
                kind: change.kind.as_str().to_owned(),
                theme: change.theme.clone(),
                old_first: place.old_first,
                old_last: place.old_last,
                new_first: place.new_first,
                new_last: place.new_last,
                class: edit.class.as_str().to_owned(),
                scale: shift.map(|s| s.ladder.clone()).unwrap_or_default(),
                from: shift.map(|s| s.from.clone()).unwrap_or_default(),
                to: shift.map(|s| s.to.clone()).unwrap_or_default(),
                direction: shift.map(|s| s.direction.as_str().to_owned()).unwrap_or_default(),
                steps: shift.map(|s| s.steps),
                editorial: edit.editorial,
                old: piece.old.clone(),
                new: piece.new.clone(),
            });
        }
    }

    /// The same tables with the pair named `old_id`, `new_id` in every row (the inputs as
    /// the user gave them: two files may share a name).
    pub fn named(mut self, old_id: &str, new_id: &str) -> CompareTables {
        let name = |old: &mut String, new: &mut String| {
            (*old, *new) = (old_id.to_owned(), new_id.to_owned());
        };
        self.themes.iter_mut().for_each(|r| name(&mut r.old_id, &mut r.new_id));
        self.pairs.iter_mut().for_each(|r| name(&mut r.old_id, &mut r.new_id));
        self.paragraphs.iter_mut().for_each(|r| name(&mut r.old_id, &mut r.new_id));
        self.edits.iter_mut().for_each(|r| name(&mut r.old_id, &mut r.new_id));
        self
    }

    /// Another comparison's rows after these.
    pub fn extend(&mut self, other: CompareTables) {
        self.themes.extend(other.themes);
        self.pairs.extend(other.pairs);
        self.paragraphs.extend(other.paragraphs);
        self.edits.extend(other.edits);
    }

    /// One table as CSV.
    pub fn csv(&self, level: Level, options: CsvOptions) -> String {
        self.table(level).to_csv(options)
    }

    fn table(&self, level: Level) -> &dyn Rows {
        match level {
            Level::Theme => &self.themes,
            Level::Pair => &self.pairs,
            Level::Paragraph => &self.paragraphs,
            Level::Edit => &self.edits,
        }
    }

    /// Every table as an Excel workbook, a sheet each.
    pub fn xlsx(&self) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        super::workbook(&[
            ("themes", self.table(Level::Theme)),
            ("pairs", self.table(Level::Pair)),
            ("paragraphs", self.table(Level::Paragraph)),
            ("edits", self.table(Level::Edit)),
        ])
    }
}
