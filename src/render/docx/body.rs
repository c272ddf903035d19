//! `word/document.xml`: the heading, the per-theme change table, then the text of the new
//! document with the changes from the old one as tracked insertions and deletions and the
//! commitment shifts as comments.

use std::fmt::Write as _;

use super::{W, XML_DECLARATION, xml_text};
use crate::align::LinkKind;
use crate::classify::{ChangeClass, Direction, Shift};
use crate::diff::Segment;
use crate::render::html::rows::{Entry, reading_order};
use crate::render::original::change_segments;
use crate::report::{Change, ChangeKind, DocInfo, Edit, Report, ThemeScore};
use crate::segment::{Block, BlockKind, Document};

/// A Word comment: its id (shared with its anchor in the text) and what it says.
pub(super) struct Comment {
    pub id: u32,
    pub text: String,
}

/// What happened to a paragraph's mark (its end): Word joins a paragraph whose mark is
/// deleted to the next one when the deletion is accepted, and removes an inserted one when
/// the insertion is rejected, so an added or deleted paragraph leaves no empty line behind.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Kept,
    Inserted,
    Deleted,
}

/// The change table's columns: header and width in twentieths of a point. They add up to
/// the text width of an A4 page with 1.8 cm margins (`PAGE` below); at 7 points the longest
/// header word fits its column in a wide substitute font (DejaVu Serif) too.
const COLUMNS: [(&str, u32); 11] = [
    ("theme", 1104),
    ("¶ old", 876),
    ("¶ new", 876),
    ("same", 876),
    ("reworded", 876),
    ("added", 876),
    ("deleted", 876),
    ("moved within / in / out", 876),
    ("split / merge", 876),
    ("wording shift", 876),
    ("stronger / weaker", 876),
];

/// A4 portrait, 1.8 cm left and right margins (9864 twips of text), 2 cm top and bottom.
const PAGE: &str = "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1021\" \
     w:bottom=\"1134\" w:left=\"1021\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>";

/// The document being written.
struct Writer<'s> {
    xml: String,
    /// The next `w:id`. Tracked changes and comments count from one counter, so that no two
    /// annotations share an id whatever a reader's software assumes.
    next_id: u32,
    comments: Vec<Comment>,
    /// ` w:author="decldiff" w:date="…"`, on every tracked change.
    stamp: &'s str,
    /// Where the change being written stands (`old ¶10 → new ¶10`), for its comments.
    place: String,
}

/// The main part and its comments.
pub(super) fn document(
    report: &Report,
    old: &Document,
    new: &Document,
    title: &str,
    stamp: &str,
) -> (String, Vec<Comment>) {
    let mut writer = Writer {
        xml: String::with_capacity(256 * 1024),
        next_id: 1,
        comments: Vec::new(),
        stamp,
        place: String::new(),
    };
    let _ = write!(writer.xml, "{XML_DECLARATION}<w:document xmlns:w=\"{W}\"><w:body>");
    writer.heading(report, title);
    writer.theme_table(report);
    writer.line(
        "Heading1",
        &format!("The text of {} with the changes from {} tracked", report.new.name, report.old.name),
    );
    for entry in reading_order(report) {
        match entry {
            Entry::Unchanged { new: n, .. } => writer.unchanged(new.blocks.get(n)),
            Entry::Change(change) => writer.change(change, old, new),
        }
    }
    writer.xml.push_str(PAGE);
    writer.xml.push_str("</w:body></w:document>");
    (writer.xml, writer.comments)
}

/// The paragraph style of a block: headings stay headings, the declaration's own title is
/// centred, everything else is body text.
fn style_of(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Title => "DeclarationTitle",
        BlockKind::Heading | BlockKind::SectionMarker => "Heading2",
        _ => "Normal",
    }
}

impl Writer<'_> {
    fn id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id - 1
    }

    /// One paragraph of plain text.
    fn line(&mut self, style: &str, text: &str) {
        self.open_paragraph(style, Mark::Kept);
        self.run(text);
        self.xml.push_str("</w:p>");
    }

    fn open_paragraph(&mut self, style: &str, mark: Mark) {
        self.xml.push_str("<w:p><w:pPr>");
        if style != "Normal" {
            let _ = write!(self.xml, "<w:pStyle w:val=\"{style}\"/>");
        }
        if mark != Mark::Kept {
            let tag = if mark == Mark::Inserted { "w:ins" } else { "w:del" };
            let id = self.id();
            let _ = write!(self.xml, "<w:rPr><{tag} w:id=\"{id}\"{}/></w:rPr>", self.stamp);
        }
        self.xml.push_str("</w:pPr>");
    }

    fn run(&mut self, text: &str) {
        if !text.is_empty() {
            let _ = write!(self.xml, "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>", xml_text(text));
        }
    }

    fn bold_run(&mut self, text: &str) {
        let _ =
            write!(self.xml, "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>", xml_text(text));
    }

    /// The title and one line per document: name, title, date, status.
    fn heading(&mut self, report: &Report, title: &str) {
        self.line("Title", title);
        for (side, info) in [("old", &report.old), ("new", &report.new)] {
            self.open_paragraph("DocumentLine", Mark::Kept);
            self.bold_run(&format!("{side}  "));
            self.run(&describe(info));
            self.xml.push_str("</w:p>");
        }
        self.line(
            "Note",
            "Insertions and deletions are tracked changes by decldiff, to accept or reject as any \
             other; commitments made stronger or weaker are comments on the changed words. Moved \
             paragraphs stand at their new place, and the table counts them. docs/report.md \
             describes this document.",
        );
    }

    /// The per-theme change table, the total last.
    fn theme_table(&mut self, report: &Report) {
        self.line("Heading1", "Changes by theme");
        let width: u32 = COLUMNS.iter().map(|(_, w)| w).sum();
        let _ = write!(
            self.xml,
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"ChangeTable\"/><w:tblW w:w=\"{width}\" w:type=\"dxa\"/>\
             <w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"1\" \
             w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        );
        for (_, w) in COLUMNS {
            let _ = write!(self.xml, "<w:gridCol w:w=\"{w}\"/>");
        }
        self.xml.push_str("</w:tblGrid>");
        let header: Vec<String> = COLUMNS.iter().map(|(name, _)| (*name).to_owned()).collect();
        self.table_row(&header, Row::Header);
        for score in &report.themes {
            self.table_row(&theme_cells(score, &score.theme), Row::Theme);
        }
        self.table_row(&theme_cells(&report.total, "all themes"), Row::Total);
        self.xml.push_str("</w:tbl>");
        if let Some(line) = crate::render::compare::themes_by_content(report) {
            self.line("Note", line.trim_end());
        }
        if !report.theme_moves.is_empty() {
            let moves: Vec<String> =
                report.theme_moves.iter().map(|m| format!("{} → {} ({})", m.from, m.to, m.paragraphs)).collect();
            self.line("Note", &format!("Moved between themes: {}", moves.join("; ")));
        }
    }

    fn table_row(&mut self, cells: &[String], row: Row) {
        self.xml.push_str("<w:tr>");
        if row == Row::Header {
            // Repeated at the top of every page the table runs onto.
            self.xml.push_str("<w:trPr><w:tblHeader/></w:trPr>");
        }
        for (column, (text, (_, width))) in cells.iter().zip(COLUMNS).enumerate() {
            let (style, align) = match (row, column) {
                (Row::Header, _) => ("TableHeading", "center"),
                (_, 0) => ("TableText", "left"),
                _ => ("TableText", "right"),
            };
            let shade =
                if row == Row::Header { "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/>" } else { "" };
            let _ = write!(
                self.xml,
                "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{shade}</w:tcPr>\
                 <w:p><w:pPr><w:pStyle w:val=\"{style}\"/><w:jc w:val=\"{align}\"/></w:pPr>"
            );
            if row == Row::Total {
                self.bold_run(text);
            } else {
                self.run(text);
            }
            self.xml.push_str("</w:p></w:tc>");
        }
        self.xml.push_str("</w:tr>");
    }

    /// A block both texts have, as the new one writes it.
    fn unchanged(&mut self, block: Option<&Block>) {
        let (style, text) = block.map_or(("Normal", ""), |b| (style_of(b.kind), b.text.as_str()));
        self.line(style, text);
    }

    /// A change: its word diff as runs, deleted text then inserted text for each changed
    /// span. An added block is one inserted paragraph, a deleted one a deleted paragraph. A
    /// split is cut into its new blocks where they meet (a meeting point inside inserted text
    /// moves to the end of that insertion, so each changed span stays one tracked change); a
    /// merge is the one new paragraph.
    fn change(&mut self, change: &Change, old: &Document, new: &Document) {
        let segments = change_segments(change, old, new);
        self.place = place(change);
        let mark = match change.kind {
            ChangeKind::Added => Mark::Inserted,
            ChangeKind::Deleted => Mark::Deleted,
            ChangeKind::Link(_) => Mark::Kept,
        };
        let style = style_of(change.block);
        let ends = if change.kind == ChangeKind::Link(LinkKind::Split) {
            new_block_ends(&segments, change, new)
        } else {
            Vec::new()
        };
        let mut ends = ends.into_iter().peekable();
        let mut edits = change.edits.iter();
        // Bytes of the new side written so far.
        let mut offset = 0;
        self.open_paragraph(style, mark);
        for segment in &segments {
            match segment {
                Segment::Equal { text } => {
                    let mut start = 0;
                    while let Some(cut) =
                        ends.peek().map(|&at| at.saturating_sub(offset).max(start)).filter(|&cut| cut <= text.len())
                    {
                        let Some(piece) = text.get(start..cut) else { break };
                        self.run(piece);
                        self.paragraph_break(style, mark);
                        start = cut;
                        ends.next();
                    }
                    self.run(text.get(start..).unwrap_or_default());
                    offset += text.len();
                }
                Segment::Change { old: old_text, new: new_text } => {
                    self.tracked(old_text, new_text, edits.next());
                    offset += new_text.len();
                    while ends.next_if(|&at| at <= offset).is_some() {
                        self.paragraph_break(style, mark);
                    }
                }
            }
        }
        self.xml.push_str("</w:p>");
    }

    fn paragraph_break(&mut self, style: &str, mark: Mark) {
        self.xml.push_str("</w:p>");
        self.open_paragraph(style, mark);
    }

    /// One changed span: the old words deleted, the new ones inserted, and a comment on the
    /// insertion (on the deletion when nothing was inserted) if the edit shifted a commitment.
    fn tracked(&mut self, old: &str, new: &str, edit: Option<&Edit>) {
        if old.is_empty() && new.is_empty() {
            return;
        }
        let comment = edit.and_then(|e| e.shift.as_ref().map(|shift| comment_text(e.class, shift))).map(|text| {
            let text = format!("{}: {text}", self.place);
            let id = self.id();
            self.comments.push(Comment { id, text });
            id
        });
        if !old.is_empty() {
            let anchored = comment.filter(|_| new.is_empty());
            self.comment_start(anchored);
            let id = self.id();
            let _ = write!(
                self.xml,
                "<w:del w:id=\"{id}\"{}><w:r><w:delText xml:space=\"preserve\">{}</w:delText></w:r></w:del>",
                self.stamp,
                xml_text(old)
            );
            self.comment_end(anchored);
        }
        if !new.is_empty() {
            self.comment_start(comment);
            let id = self.id();
            let _ = write!(
                self.xml,
                "<w:ins w:id=\"{id}\"{}><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:ins>",
                self.stamp,
                xml_text(new)
            );
            self.comment_end(comment);
        }
    }

    fn comment_start(&mut self, comment: Option<u32>) {
        if let Some(id) = comment {
            let _ = write!(self.xml, "<w:commentRangeStart w:id=\"{id}\"/>");
        }
    }

    fn comment_end(&mut self, comment: Option<u32>) {
        if let Some(id) = comment {
            let _ = write!(
                self.xml,
                "<w:commentRangeEnd w:id=\"{id}\"/><w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr>\
                 <w:commentReference w:id=\"{id}\"/></w:r>"
            );
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Row {
    Header,
    Theme,
    Total,
}

fn theme_cells(s: &ThemeScore, name: &str) -> Vec<String> {
    vec![
        name.to_owned(),
        s.paragraphs_old.to_string(),
        s.paragraphs_new.to_string(),
        s.unchanged.to_string(),
        s.reworded.to_string(),
        s.added.to_string(),
        s.removed.to_string(),
        format!("{}/{}/{}", s.moved_within, s.moved_in, s.moved_out),
        format!("{}/{}", s.splits, s.merges),
        format!("{:.3}", s.wording_shift),
        format!("{}/{}", s.stronger, s.weaker),
    ]
}

/// `sco-2020 · 上海合作组织成员国元首理事会莫斯科宣言 · 2020-11-10 · illustrative · 138 blocks, 122 paragraphs`.
fn describe(info: &DocInfo) -> String {
    let mut parts = vec![info.name.clone()];
    parts.extend([&info.title, &info.date, &info.status].into_iter().flatten().cloned());
    parts.push(format!("{} blocks, {} paragraphs", info.blocks, info.paragraphs));
    parts.join(" · ")
}

/// `old ¶10 → new ¶10`, as every output cites blocks (docs/numbering.md).
fn place(change: &Change) -> String {
    let side = |label: &str, ids: &[usize]| (!ids.is_empty()).then(|| format!("{label} {}", crate::render::cite(ids)));
    [side("old", &change.old), side("new", &change.new)].into_iter().flatten().collect::<Vec<_>>().join(" → ")
}

/// "commitment weaker by 1 step (stance): 欢迎 → 注意到"; "endorsers narrowed: 成员国 → 有关成员国".
fn comment_text(class: ChangeClass, shift: &Shift) -> String {
    if class == ChangeClass::Endorsers {
        let how = match shift.direction {
            Direction::Narrower => "narrowed",
            Direction::Wider => "widened",
            direction => direction.as_str(),
        };
        return format!("endorsers {how}: {} → {}", shift.from, shift.to);
    }
    let steps = if shift.steps == 1 { "step" } else { "steps" };
    format!(
        "commitment {} by {} {steps} ({}): {} → {}",
        shift.direction.as_str(),
        shift.steps,
        shift.ladder,
        shift.from,
        shift.to
    )
}

/// Where each new block of a split but the last ends, as byte offsets in the new side of
/// `segments`: measured on the blocks' texts when the segments show the texts as written, on
/// their keys when they show keys; none (one paragraph) if they show neither.
fn new_block_ends(segments: &[Segment], change: &Change, new: &Document) -> Vec<usize> {
    let shown: String = segments
        .iter()
        .map(|s| match s {
            Segment::Equal { text } => text.as_str(),
            Segment::Change { new, .. } => new.as_str(),
        })
        .collect();
    let Some(blocks) = change.new.iter().map(|&i| new.blocks.get(i)).collect::<Option<Vec<&Block>>>() else {
        return Vec::new();
    };
    let ends = |piece: fn(&Block) -> &str| -> Option<Vec<usize>> {
        let joined: String = blocks.iter().map(|b| piece(b)).collect();
        (joined == shown).then(|| {
            let mut ends: Vec<usize> = blocks
                .iter()
                .scan(0, |end, b| {
                    *end += piece(b).len();
                    Some(*end)
                })
                .collect();
            ends.pop();
            ends
        })
    };
    ends(|b| &b.text).or_else(|| ends(|b| &b.key)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shift(direction: Direction, steps: u32) -> Shift {
        Shift {
            kind: "stance".into(),
            ladder: "stance".into(),
            from: "欢迎".into(),
            to: "注意到".into(),
            direction,
            steps,
        }
    }

    #[test]
    fn comments_say_which_way_a_commitment_moved() {
        assert_eq!(
            comment_text(ChangeClass::CommitmentShift, &shift(Direction::Weaker, 1)),
            "commitment weaker by 1 step (stance): 欢迎 → 注意到"
        );
        assert_eq!(
            comment_text(ChangeClass::CommitmentShift, &shift(Direction::Stronger, 2)),
            "commitment stronger by 2 steps (stance): 欢迎 → 注意到"
        );
        assert_eq!(
            comment_text(ChangeClass::Endorsers, &shift(Direction::Narrower, 1)),
            "endorsers narrowed: 欢迎 → 注意到"
        );
    }

    #[test]
    fn the_table_fills_the_text_width() {
        assert_eq!(COLUMNS.iter().map(|(_, w)| w).sum::<u32>(), 11906 - 2 * 1021);
    }
}
