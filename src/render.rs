//! Renderers: pure functions from the library's data to the text a user reads, as terminal
//! tables (comfy-table, correct with CJK double-width characters) or JSON. No I/O; the width
//! is always given, so the same input renders to the same bytes.

pub mod align;
pub mod chart;
pub mod compare;
pub mod corpus;
pub mod docx;
mod fit;
mod grid;
pub mod html;
pub mod inline;
pub mod lab;
pub mod original;
pub mod schema;
pub mod series;
pub mod tidy;

use comfy_table::{ContentArrangement, Table, presets};

/// Output format of the commands that print data; each command takes the ones that make
/// sense for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Terminal tables.
    #[default]
    Table,
    /// Markdown.
    Markdown,
    /// CSV, one long table (for pandas or R).
    Csv,
    /// JSON with a `schema_version` (docs/json-format.md).
    Json,
    /// The HTML redline page (`compare`).
    Html,
}

/// How to render tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableOptions {
    /// Total width in terminal columns.
    pub width: u16,
    /// Every column, however wide the table gets (`--wide`); otherwise a table that does not
    /// fit the width takes short headers with a legend, then drops its optional columns.
    pub wide: bool,
}

impl Default for TableOptions {
    fn default() -> Self {
        TableOptions { width: 100, wide: false }
    }
}

/// Blocks as a reader cites them: `¶N` is the document's N-th block counting from 1 (its
/// 0-based index plus one; docs/numbering.md), `¶4–5` a run (the pieces of a split or merge
/// are consecutive), empty for none. Every output numbers paragraphs this way.
pub fn cite(ids: &[usize]) -> String {
    match ids {
        [] => String::new(),
        [one] => format!("¶{}", one + 1),
        [first, .., last] => format!("¶{}–{}", first + 1, last + 1),
    }
}

/// A table with decldiff's look, a fixed width and no terminal detection.
pub(crate) fn new_table(options: TableOptions, header: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .force_no_tty()
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(options.width)
        .set_header(header.to_vec());
    table
}

/// Serializes to pretty JSON with a trailing newline.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("report types serialize: plain data, string keys");
    text.push('\n');
    text
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
pub(crate) fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// Text from outside (catalog fields, file names, page text) made safe for a terminal: control
/// characters (C0 but line breaks and tabs, DEL, C1) and bidirectional overrides are shown as
/// `\u{…}` escapes, so that a hostile catalog or file name cannot move the cursor, clear the
/// screen, set the window title or reorder what is shown.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}
