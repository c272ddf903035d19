//! `corpus list`, `corpus show` and `corpus check` output.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{TableOptions, new_table, to_json};
use crate::corpus::{Entry, Loaded, MeetingFormat, Problem};
use crate::normalize::decode::Decoding;
use crate::segment::{Block, Document, InputFormat};

/// One row of `corpus list`: a collection's name and an entry.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Listed<'a> {
    /// The collection.
    pub collection: &'a str,
    /// Where the text came from.
    pub origin: crate::corpus::Origin,
    /// The entry.
    #[serde(flatten)]
    pub entry: &'a Entry,
}

/// `corpus list --format json`.
#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct ListJson<'a> {
    schema_version: u32,
    entries: &'a [Listed<'a>],
}

/// `corpus list` as a table: the collection, the entry, and where its text came from
/// (shipped, fetched, a user's file, simulated); at narrow widths the format, the city and
/// the title go, in that order.
pub fn list_table(rows: &[Listed<'_>], options: TableOptions) -> String {
    let mut grid = super::grid::Grid::new("", &["collection", "id", "date", "city", "format", "text", "title"])
        .with_optional(&[4, 3, 6]);
    for row in rows {
        let e = row.entry;
        let format = match e.format {
            Some(MeetingFormat::InPerson) => "in person",
            Some(MeetingFormat::Video) => "video",
            None => "",
        };
        let text = match e.status {
            crate::corpus::TextStatus::Illustrative if e.present => format!("{}, illustrative", row.origin.as_str()),
            _ => row.origin.as_str().to_owned(),
        };
        let cells = [
            row.collection.to_owned(),
            e.id.clone(),
            e.date.clone().unwrap_or_default(),
            e.city.clone().unwrap_or_default(),
            format.to_owned(),
            text,
            e.title_zh.clone().unwrap_or_default(),
        ];
        grid.rows.push(cells.iter().map(|cell| super::terminal_safe(cell).into_owned()).collect());
    }
    let present = rows.iter().filter(|r| r.entry.present).count();
    format!("{}\n{} declarations, {present} with text\n", grid.to_table(options), rows.len())
}

/// `corpus list` as JSON.
pub fn list_json(rows: &[Listed<'_>]) -> String {
    to_json(&ListJson { schema_version: crate::SCHEMA_VERSION, entries: rows })
}

/// `corpus show --format json`.
#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct ShowJson<'a> {
    schema_version: u32,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    collection: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    metadata: Option<&'a Entry>,
    format: InputFormat,
    #[serde(skip_serializing_if = "Option::is_none")]
    decoding: Option<Decoding>,
    structure: StructureJson,
    blocks: Vec<ShownBlock<'a>>,
    /// The input's lines that are not the declaration, with why; absent when there are none.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    set_aside: &'a [crate::clean::SetAside],
}

/// A block with the number a reader cites it by.
#[derive(Serialize, schemars::JsonSchema)]
struct ShownBlock<'a> {
    /// `¶N`: the block's index + 1 (docs/numbering.md).
    number: usize,
    #[serde(flatten)]
    block: &'a Block,
}

#[derive(Serialize, schemars::JsonSchema)]
struct StructureJson {
    blocks: usize,
    kinds: BTreeMap<&'static str, usize>,
    themes: Vec<ThemeCount>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct ThemeCount {
    theme: String,
    paragraphs: usize,
}

fn structure_json(document: &Document) -> StructureJson {
    let structure = document.structure();
    StructureJson {
        blocks: document.blocks.len(),
        kinds: structure.kinds.iter().map(|(k, n)| (k.as_str(), *n)).collect(),
        themes: structure.themes.into_iter().map(|(theme, paragraphs)| ThemeCount { theme, paragraphs }).collect(),
    }
}

/// `corpus show` as JSON: metadata, structure counts and every block.
pub fn show_json(loaded: &Loaded) -> String {
    let document = &loaded.document;
    to_json(&ShowJson {
        schema_version: crate::SCHEMA_VERSION,
        name: &document.name,
        collection: loaded.entry.as_ref().map(|(c, _)| c.as_str()),
        metadata: loaded.entry.as_ref().map(|(_, e)| e),
        format: document.format,
        decoding: document.decoding,
        structure: structure_json(document),
        blocks: document.blocks.iter().map(|block| ShownBlock { number: block.index + 1, block }).collect(),
        set_aside: &document.set_aside,
    })
}

/// `corpus show` as text: metadata lines, a structure summary and a table of blocks.
pub fn show_table(loaded: &Loaded, options: TableOptions) -> String {
    let document = &loaded.document;
    let mut out = String::new();
    match &loaded.entry {
        Some((collection, e)) => {
            out.push_str(&format!("{}/{}", collection, e.id));
            if let Some(title) = &e.title_zh {
                out.push_str(&format!("  {title}"));
            }
            out.push('\n');
            let place = [e.date.as_deref(), e.city.as_deref(), e.host_country.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            if !place.is_empty() {
                out.push_str(&format!("{place}\n"));
            }
            if let Some(title) = &e.title_en {
                out.push_str(&format!("{title}\n"));
            }
        }
        None => out.push_str(&format!("{}\n", document.name)),
    }
    // Catalog fields and file names are the user's: nothing in them may drive the terminal.
    let mut out = super::terminal_safe(&out).into_owned();
    let structure = document.structure();
    let kinds: Vec<String> = structure.kinds.iter().map(|(k, n)| format!("{n} {}", k.as_str())).collect();
    out.push_str(&format!("{} blocks: {}\n", document.blocks.len(), kinds.join(", ")));
    let themes: Vec<String> = structure.themes.iter().map(|(t, n)| format!("{t} {n}")).collect();
    out.push_str(&format!("paragraphs by theme: {}\n", themes.join(", ")));
    let mut table = new_table(options, &["¶", "kind", "theme", "text"]);
    for block in &document.blocks {
        let text = match &block.numbering {
            Some(n) if !block.text.starts_with(n.as_str()) => format!("[{n}] {}", block.text),
            _ => block.text.clone(),
        };
        // A theme guessed by content shows its confidence: `安全合作 ~0.78`.
        let theme = match block.theme_confidence {
            Some(confidence) => format!("{} ~{confidence:.2}", block.theme),
            None => block.theme.clone(),
        };
        let text = super::terminal_safe(&text).into_owned();
        table.add_row(vec![super::cite(&[block.index]), block.kind.as_str().to_owned(), theme, text]);
    }
    out.push_str(&super::fit::show(table, options.width, options.wide));
    out.push('\n');
    if !document.set_aside.is_empty() {
        out.push_str(&set_aside_table(&document.set_aside, options));
    }
    out
}

/// The lines cleaning set aside, with their line and reason (`--raw` keeps them all).
fn set_aside_table(set_aside: &[crate::clean::SetAside], options: TableOptions) -> String {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for line in set_aside {
        *counts.entry(line.reason.as_str()).or_default() += 1;
    }
    let summary: Vec<String> = counts.iter().map(|(reason, n)| format!("{n} {reason}")).collect();
    let mut table = new_table(options, &["line", "reason", "text"]);
    for line in set_aside {
        let text = super::terminal_safe(&line.text).into_owned();
        table.add_row(vec![line.line.to_string(), line.reason.as_str().to_owned(), text]);
    }
    format!(
        "\nset aside, not the declaration: {} lines ({}); pass --raw to keep them\n{}\n",
        set_aside.len(),
        summary.join(", "),
        super::fit::show(table, options.width, options.wide)
    )
}

/// `corpus check` problems, one line each.
pub fn check_lines(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("{p}\n")).collect()
}

/// `corpus check --format json`.
#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct CheckJson<'a> {
    schema_version: u32,
    ok: bool,
    problems: &'a [Problem],
    repaired: &'a [String],
}

/// `corpus check` as JSON.
pub fn check_json(problems: &[Problem], repaired: &[String]) -> String {
    to_json(&CheckJson { schema_version: crate::SCHEMA_VERSION, ok: problems.is_empty(), problems, repaired })
}

/// The line `corpus add` prints: what was stored where, and how the input was read.
pub fn added(outcome: &crate::corpus::AddOutcome) -> String {
    let import = outcome.entry.import.as_ref();
    let verb = if outcome.replaced { "replaced" } else { "stored" };
    format!(
        "{verb} {} as {}: {} blocks, {} paragraphs (read as {} {})\n",
        outcome.entry.id,
        outcome.path.display(),
        outcome.blocks,
        outcome.paragraphs,
        import.map_or("", |i| i.encoding.as_str()),
        import.map_or("", |i| i.format.as_str()),
    )
}

/// `corpus fetch` as a table: what each entry gave, from where, or why it failed.
pub fn fetched_table(outcomes: &[crate::fetch::Outcome], options: TableOptions) -> String {
    let mut table = new_table(options, &["id", "result", "from", "kind", "¶", "detail"]);
    for outcome in outcomes {
        let host = outcome.url.as_deref().and_then(crate::fetch::http::host_of).unwrap_or_default();
        let paragraphs = if outcome.paragraphs > 0 { outcome.paragraphs.to_string() } else { String::new() };
        let row = [
            outcome.id.clone(),
            outcome.status.as_str().to_owned(),
            host,
            outcome.kind.clone().unwrap_or_default(),
            paragraphs,
            outcome.detail.clone(),
        ];
        table.add_row(row.map(|cell| super::terminal_safe(&cell).into_owned()));
    }
    let count = |status: crate::fetch::Status| outcomes.iter().filter(|o| o.status == status).count();
    let stored = count(crate::fetch::Status::Fetched) + count(crate::fetch::Status::Replaced);
    let failed = count(crate::fetch::Status::Failed);
    format!(
        "{}\n{} entries: {stored} stored, {failed} failed\n",
        super::fit::show(table, options.width, options.wide),
        outcomes.len()
    )
}

/// `corpus fetch --format json`.
#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct FetchedJson<'a> {
    schema_version: u32,
    outcomes: Vec<FetchedRow<'a>>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct FetchedRow<'a> {
    /// The entry's id.
    id: &'a str,
    /// What happened (`fetch::Status`).
    #[schemars(extend("enum" = ["fetched", "replaced", "unchanged", "differs", "present", "failed"]))]
    result: &'static str,
    /// The address the text came from.
    url: Option<&'a str>,
    /// That source's kind (`official`, `press`, `mirror`).
    kind: Option<&'a str>,
    /// Paragraphs of the text downloaded (0 when none was).
    paragraphs: usize,
    /// Why it failed (every source's reason), or how the text differs from the stored one.
    detail: &'a str,
}

/// `corpus fetch` as JSON.
pub fn fetched_json(outcomes: &[crate::fetch::Outcome]) -> String {
    let outcomes = outcomes
        .iter()
        .map(|o| FetchedRow {
            id: &o.id,
            result: o.status.as_str(),
            url: o.url.as_deref(),
            kind: o.kind.as_deref(),
            paragraphs: o.paragraphs,
            detail: &o.detail,
        })
        .collect();
    to_json(&FetchedJson { schema_version: crate::SCHEMA_VERSION, outcomes })
}
