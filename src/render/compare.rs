//! `compare` output: the per-theme change table, then the change list, as a terminal table,
//! Markdown, CSV or JSON. Pure functions of the [`Report`].

use super::{TableOptions, new_table, to_json};
use std::fmt::Write as _;

use super::grid::Grid;
use super::inline::render_segments;
use super::tidy::compare::{CompareTables, Level};
use crate::diff::Segment;
use crate::report::{Change, Report, ThemeScore};
use crate::segment::Document;

/// What the rows of the table are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum By {
    /// One row per theme, then the list of changes.
    #[default]
    Theme,
    /// One row per changed block.
    Paragraph,
    /// One row per pair: the totals over every theme.
    Pair,
    /// One row per classified edit.
    Edit,
}

impl By {
    /// The tidy table of this level.
    pub fn level(self) -> Level {
        match self {
            By::Theme => Level::Theme,
            By::Paragraph => Level::Paragraph,
            By::Pair => Level::Pair,
            By::Edit => Level::Edit,
        }
    }
}

/// How to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CompareRender {
    /// Table width.
    pub table: TableOptions,
    /// Rows per theme or per paragraph.
    pub by: By,
    /// ANSI colours in inline diffs.
    pub colour: bool,
}

const THEME_HEADER: [&str; 13] = [
    "theme",
    "¶ old",
    "¶ new",
    "same",
    "reworded",
    "added",
    "deleted",
    "moved within",
    "moved in",
    "moved out",
    "split/merge",
    "shift",
    "commitments",
];

/// The per-theme table, the total last.
fn theme_grid(report: &Report) -> Grid {
    let mut grid = Grid::new("", &THEME_HEADER);
    grid.rows.extend(report.themes.iter().chain(std::iter::once(&report.total)).map(theme_row));
    grid
}

/// The per-theme table for a terminal: every column with characters beside counts when it
/// fits (or with `--wide`), else counts only under short headers, with a legend.
fn theme_table(report: &Report, options: TableOptions) -> String {
    let full = theme_grid(report);
    if options.wide || full.fits(options) {
        return full.to_table(options);
    }
    let header = ["theme", "¶", "same", "rew", "add", "del", "mv w/i/o", "s/m", "shift", "▲/▼"];
    let legend = "¶ paragraphs old→new · rew reworded · add added · del deleted · \
                  mv w/i/o moved within the theme / into it / out of it · \
                  s/m split/merge · shift wording-shift index · ▲/▼ commitments stronger/weaker \
                  (--wide adds characters and net steps)";
    let mut grid = Grid::new("", &header).with_optional(&[7, 6, 8]);
    grid.rows.extend(report.themes.iter().chain(std::iter::once(&report.total)).map(|s| {
        let commitments =
            if s.stronger + s.weaker == 0 { String::new() } else { format!("+{}/−{}", s.stronger, s.weaker) };
        vec![
            s.theme.clone(),
            format!("{}→{}", s.paragraphs_old, s.paragraphs_new),
            s.unchanged.to_string(),
            s.reworded.to_string(),
            s.added.to_string(),
            s.removed.to_string(),
            format!("{}/{}/{}", s.moved_within, s.moved_in, s.moved_out),
            format!("{}/{}", s.splits, s.merges),
            format!("{:.3}", s.wording_shift),
            commitments,
        ]
    }));
    format!("{}\n{}", grid.to_table(options), super::fit::wrap_legend(legend, options.width))
}

fn theme_row(s: &ThemeScore) -> Vec<String> {
    let volume = |n: usize, chars: usize| if n == 0 { "0".to_owned() } else { format!("{n} ({chars})") };
    let commitments = if s.stronger + s.weaker == 0 {
        String::new()
    } else {
        format!("+{} / −{} (net {:+})", s.stronger, s.weaker, s.net_shift_steps)
    };
    vec![
        s.theme.clone(),
        s.paragraphs_old.to_string(),
        s.paragraphs_new.to_string(),
        s.unchanged.to_string(),
        volume(s.reworded, s.reworded_chars),
        volume(s.added, s.added_chars),
        volume(s.removed, s.removed_chars),
        s.moved_within.to_string(),
        volume(s.moved_in, s.moved_in_chars),
        volume(s.moved_out, s.moved_out_chars),
        format!("{}/{}", s.splits, s.merges),
        format!("{:.3}", s.wording_shift),
        commitments,
    ]
}

fn heading(report: &Report) -> String {
    let describe = |d: &crate::report::DocInfo| {
        let mut s = d.name.clone();
        for extra in [
            d.title.as_deref(),
            d.date.as_deref(),
            d.status.as_deref().map(|s| if s == "illustrative" { "illustrative, not an official text" } else { s }),
        ]
        .into_iter()
        .flatten()
        {
            s.push_str(&format!(" · {extra}"));
        }
        s
    };
    let (old, new) = (describe(&report.old), describe(&report.new));
    format!("{}\n→ {}\n", super::terminal_safe(&old), super::terminal_safe(&new))
}

fn indices(ids: &[usize]) -> String {
    super::cite(ids)
}

fn classes(change: &Change) -> String {
    let mut parts: Vec<String> = Vec::new();
    for edit in &change.edits {
        let part = match &edit.shift {
            Some(shift) if edit.class == crate::classify::ChangeClass::Endorsers => {
                format!("endorsers {}→{} ({})", shift.from, shift.to, shift.direction.as_str())
            }
            Some(shift) => format!(
                "commitment_shift {} {}→{} ({} {})",
                shift.ladder,
                shift.from,
                shift.to,
                shift.direction.as_str(),
                shift.steps
            ),
            None => edit.class.as_str().to_owned(),
        };
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    parts.join(", ")
}

fn inline(change: &Change, colour: bool, docs: Docs) -> String {
    render_segments(&super::original::change_segments(change, docs.0, docs.1), colour)
}

/// The compared documents, which give the text as written.
type Docs<'a> = (&'a Document, &'a Document);

fn change_label(change: &Change) -> String {
    let mut label = String::with_capacity(64);
    // Writing to a String cannot fail.
    let _ = write!(
        label,
        "{} → {}  {}  [",
        or_dash(&indices(&change.old)),
        or_dash(&indices(&change.new)),
        change.kind.as_str()
    );
    if let Some(from) = &change.from_theme {
        let _ = write!(label, "{from} → ");
    }
    let _ = write!(label, "{}]", change.theme);
    if let Some(sim) = change.similarity {
        let _ = write!(label, "  sim {sim:.2}");
    }
    let classes = classes(change);
    if !classes.is_empty() {
        label.push_str("  ");
        label.push_str(&classes);
    }
    if change.editorial {
        label.push_str("  (editorial)");
    }
    label
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() { "–" } else { s }
}

/// The terminal rendering; `old` and `new` are the compared documents.
pub fn table(report: &Report, options: &CompareRender, old: &Document, new: &Document) -> String {
    let docs = (old, new);
    let mut out = heading(report);
    match options.by {
        By::Theme => {
            out.push_str(&theme_table(report, options.table));
            out.push('\n');
            out.push_str(&summary_lines(report));
            out.push_str(&format!("\n{} changes\n", report.changes.len()));
            for change in &report.changes {
                out.push_str(&format!("\n{}\n  {}\n", change_label(change), inline(change, options.colour, docs)));
            }
        }
        By::Paragraph => {
            let mut table = new_table(options.table, &["old", "new", "kind", "theme", "classes", "diff"]);
            for change in &report.changes {
                let theme = match &change.from_theme {
                    Some(from) => format!("{from} → {}", change.theme),
                    None => change.theme.clone(),
                };
                table.add_row(vec![
                    indices(&change.old),
                    indices(&change.new),
                    change.kind.as_str().to_owned(),
                    theme,
                    classes(change),
                    inline(change, false, docs),
                ]);
            }
            out.push_str(&super::fit::show(table, options.table.width, options.table.wide));
            out.push('\n');
        }
        By::Pair | By::Edit => {
            out.push_str(&level_grid(report, options.by, old, new).to_table(options.table));
            out.push('\n');
        }
    }
    out
}

/// The tidy table of `by` for reading: the pair's totals as one column of measures, the
/// edits as rows.
fn level_grid(report: &Report, by: By, old: &Document, new: &Document) -> Grid {
    let grid = grid_of(&CompareTables::of(report, old, new).csv(by.level(), Default::default()));
    if by != By::Pair {
        return grid;
    }
    let mut measures = Grid::new("", &["measure", "value"]);
    let values = grid.rows.first().cloned().unwrap_or_default();
    measures.rows.extend(grid.header.into_iter().zip(values).map(|(name, value)| vec![name, value]));
    measures
}

/// A tidy table's CSV as a grid for the terminal or Markdown, without the ids (the heading
/// names the pair); the columns a narrow terminal can do without are optional.
fn grid_of(csv_text: &str) -> Grid {
    const HIDDEN: [&str; 4] = ["old_id", "new_id", "old_index", "new_index"];
    const OPTIONAL: [&str; 7] = ["editorial", "steps", "old_last", "new_last", "scale", "old_date", "new_date"];
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(csv_text.as_bytes());
    let mut records = reader.records().filter_map(Result::ok);
    let header: Vec<String> = records.next().map(|r| r.iter().map(str::to_owned).collect()).unwrap_or_default();
    let shown: Vec<usize> = (0..header.len()).filter(|&i| !HIDDEN.contains(&header[i].as_str())).collect();
    let names: Vec<&str> = shown.iter().map(|&i| header[i].as_str()).collect();
    let optional: Vec<usize> = OPTIONAL.iter().filter_map(|name| names.iter().position(|n| n == name)).collect();
    let mut grid = Grid::new("", &names).with_optional(&optional);
    grid.rows.extend(records.map(|r| shown.iter().map(|&i| r.get(i).unwrap_or_default().to_owned()).collect()));
    grid
}

fn summary_lines(report: &Report) -> String {
    let mut out = String::new();
    if let Some(line) = themes_by_content(report) {
        out.push_str(&line);
    }
    if !report.theme_moves.is_empty() {
        let moves: Vec<String> =
            report.theme_moves.iter().map(|m| format!("{} → {}: {}", m.from, m.to, m.paragraphs)).collect();
        out.push_str(&format!("moved between themes: {}\n", moves.join("; ")));
    }
    let terms = |terms: &[crate::report::Term]| {
        terms.iter().map(|t| format!("{} ({}→{})", t.term, t.old, t.new)).collect::<Vec<_>>().join(", ")
    };
    if !report.total.top_added.is_empty() {
        out.push_str(&format!("terms up: {}\n", terms(&report.total.top_added)));
    }
    if !report.total.top_removed.is_empty() {
        out.push_str(&format!("terms down: {}\n", terms(&report.total.top_removed)));
    }
    out
}

/// `themes by content: old 7 of 123 (confidence 0.95), new 122 of 122 (confidence 0.93, 2
/// unsure)`, when any paragraph's theme came from its own text.
pub(super) fn themes_by_content(report: &Report) -> Option<String> {
    let side = |label: &str, info: &crate::report::DocInfo| {
        let t = &info.themes;
        let mut line = format!("{label} {} of {}", t.by_content, info.paragraphs);
        if let Some(mean) = t.mean_confidence {
            line.push_str(&format!(" (mean confidence {mean:.2}"));
            if t.unsure > 0 {
                line.push_str(&format!(", {} unsure", t.unsure));
            }
            line.push(')');
        }
        line
    };
    (report.old.themes.by_content + report.new.themes.by_content > 0)
        .then(|| format!("themes by content: {}, {}\n", side("old", &report.old), side("new", &report.new)))
}

/// Markdown: a pipe table per theme, then the changes as a list (deletions in `<del>`,
/// insertions in `<ins>`, the text as written), ready to paste into a paper.
pub fn markdown(report: &Report, options: &CompareRender, old: &Document, new: &Document) -> String {
    let docs = (old, new);
    let diff = |change: &Change| markdown_diff(&super::original::change_segments(change, docs.0, docs.1));
    let escape = |s: &str| s.replace('|', "\\|");
    let mut out = format!("**{}** → **{}**\n\n", escape(&report.old.name), escape(&report.new.name));
    match options.by {
        By::Theme => {
            out.push_str(&theme_grid(report).to_markdown());
            out.push('\n');
            for line in summary_lines(report).lines() {
                out.push_str(&format!("{line}\n\n"));
            }
            out.push_str("### Changes\n\n");
            for change in &report.changes {
                out.push_str(&format!("- `{}`: {}\n", escape(&change_label(change)), diff(change)));
            }
        }
        By::Paragraph => {
            let mut grid = Grid::new("", &["old", "new", "kind", "theme", "classes", "diff"]);
            for change in &report.changes {
                grid.rows.push(vec![
                    indices(&change.old),
                    indices(&change.new),
                    change.kind.as_str().to_owned(),
                    change.theme.clone(),
                    classes(change),
                    diff(change),
                ]);
            }
            out.push_str(&grid.to_markdown());
        }
        By::Pair | By::Edit => out.push_str(&level_grid(report, options.by, old, new).to_markdown()),
    }
    out
}

/// A word diff in Markdown: `<del>…</del><ins>…</ins>`, which CommonMark and GFM render next to
/// Chinese punctuation (`**…**` is not emphasis when a `，` or `“` touches it on the wrong side).
fn markdown_diff(segments: &[Segment]) -> String {
    let mut out = String::new();
    for segment in segments {
        match segment {
            Segment::Equal { text } => out.push_str(&markdown_text(text)),
            Segment::Change { old, new } => {
                if !old.is_empty() {
                    out.push_str(&format!("<del>{}</del>", markdown_text(old)));
                }
                if !new.is_empty() {
                    out.push_str(&format!("<ins>{}</ins>", markdown_text(new)));
                }
            }
        }
    }
    out
}

/// Text as Markdown shows it literally: Markdown's punctuation (and the table's `|`)
/// backslash-escaped, then HTML's special characters as entities.
fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    super::html::escape(&out)
}

/// CSV: the tidy table of `options.by` (docs/tables.md), with its header.
pub fn csv(report: &Report, options: &CompareRender, old: &Document, new: &Document) -> String {
    CompareTables::of(report, old, new).csv(options.by.level(), Default::default())
}

/// JSON: the whole report (docs/json-format.md).
pub fn json(report: &Report) -> String {
    to_json(report)
}

/// The report in `format`; `old` and `new` are the compared documents, which the HTML page
/// shows in full.
pub fn render(
    report: &Report,
    format: super::Format,
    options: &CompareRender,
    old: &crate::segment::Document,
    new: &crate::segment::Document,
) -> String {
    match format {
        super::Format::Table => table(report, options, old, new),
        super::Format::Markdown => markdown(report, options, old, new),
        super::Format::Csv => csv(report, options, old, new),
        super::Format::Json => json(report),
        super::Format::Html => super::html::html(report, old, new, &super::html::HtmlOptions::default()),
    }
}
