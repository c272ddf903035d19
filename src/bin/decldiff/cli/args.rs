//! The arguments and values several commands share: series selection and output, how to
//! compare, how to read an input, `--format` and friends.

use clap::{Args, ValueEnum};

pub use crate::align_args::AlignArgs;

/// Which texts of a collection a series command takes.
#[derive(Debug, Args)]
pub struct SeriesArgs {
    /// The collection.
    #[arg(long, default_value = "sco")]
    pub collection: String,
    /// The first year.
    #[arg(long, value_name = "YEAR")]
    pub from: Option<i32>,
    /// The last year.
    #[arg(long, value_name = "YEAR")]
    pub to: Option<i32>,
}

/// Output of the series commands.
#[derive(Debug, Args)]
pub struct SeriesOutput {
    /// Output format.
    #[arg(long, value_enum, default_value_t = SeriesFormatArg::Table)]
    pub format: SeriesFormatArg,
    /// Table width in columns, 40 to 1000 [default: the terminal's, else $COLUMNS, else 100]
    #[arg(long, value_parser = clap::value_parser!(u16).range(40..=1000))]
    pub width: Option<u16>,
    /// Every column, however wide the table gets
    #[arg(long)]
    pub wide: bool,
    /// CSV: which tidy table (timeline: theme or year; terms: year or term; lineage: paragraph
    /// or theme) [default: the first] (docs/tables.md)
    #[arg(long, value_enum)]
    pub by: Option<SeriesByArg>,
    /// CSV: start with a UTF-8 byte-order mark, for Excel
    #[arg(long)]
    pub bom: bool,
}

/// `--by` of the series commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SeriesByArg {
    /// One row per theme (and year).
    Theme,
    /// One row per year (and term).
    Year,
    /// One row per term.
    Term,
    /// One row per paragraph.
    Paragraph,
}

/// `--format` of the series commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SeriesFormatArg {
    /// Terminal tables.
    Table,
    /// Markdown.
    Markdown,
    /// CSV: one tidy table, chosen with --by (docs/tables.md).
    Csv,
    /// JSON (docs/json-format.md).
    Json,
    /// An Excel workbook, a sheet per table (binary: redirect it to a file).
    Xlsx,
}

/// What `compare` and `report` share: how to compare.
#[derive(Debug, Args)]
pub struct CompareSettings {
    /// List editorial changes too (punctuation, number formatting); they are always counted.
    #[arg(long)]
    pub all: bool,
    /// Commitment ladders (TOML, docs/ladders.md) [default: the built-in data/ladders.toml]
    #[arg(long, value_name = "FILE")]
    pub ladders: Option<std::path::PathBuf>,
    /// Theme taxonomy for texts without titled sections (TOML, docs/themes.md)
    /// [default: the built-in data/themes.toml with the themes of the corpus's sectioned texts]
    #[arg(long, value_name = "FILE")]
    pub themes: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub align: AlignArgs,
    #[command(flatten)]
    pub read: ReadArgs,
}

/// `compare --by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    /// One row per theme, then the list of changes.
    Theme,
    /// One row per changed paragraph.
    Paragraph,
    /// One row per pair: the totals over every theme.
    Pair,
    /// One row per classified edit (a commitment shift, a number, an entity, …).
    Edit,
}

/// `compare --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// A table for the terminal, then the changes with inline diffs.
    Table,
    /// Markdown, to paste into a paper.
    Markdown,
    /// CSV, for pandas or R: one tidy table, chosen with --by (docs/tables.md).
    Csv,
    /// JSON (docs/json-format.md).
    Json,
    /// The redline page (docs/report.md); one NEW only.
    Html,
    /// An Excel workbook: the theme, pair, paragraph and edit tables, a sheet each (binary:
    /// redirect it to a file).
    Xlsx,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// `--edits`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EditsArg {
    /// A light revision (draft to final): 8 rewordings, a few moves, one split and merge.
    Light,
    /// A heavy revision (year to year): 25 rewordings, 12 moves, 4 splits and merges, …
    Heavy,
    /// The next year's declaration: annual updates, growth and shrinkage, same-subject rewrites,
    /// look-alikes, edited splits and merges, reorganised sections (docs/accuracy.md).
    Yearly,
}

/// How to read an input file.
#[derive(Debug, Args)]
pub struct ReadArgs {
    /// The file's encoding (utf-8, utf-16le, utf-16be, gb18030, gbk, big5) [default: detected]
    #[arg(long, value_name = "ENCODING")]
    pub encoding: Option<String>,
    /// Read the file as plain text or as an HTML page [default: from the extension and content]
    #[arg(long, value_enum, value_name = "KIND")]
    pub input: Option<InputArg>,
    /// Keep every line of the input: no cleaning of page furniture, news leads, repeated
    /// titles, datelines or other languages (docs/reading.md).
    #[arg(long)]
    pub raw: bool,
}

/// How to print data.
#[derive(Debug, Args)]
pub struct OutputArgs {
    // Fields are public so that `compare`, which has its own --format, can reuse the width.
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
    /// Table width in columns, 40 to 1000 [default: the terminal's, else $COLUMNS, else 100]
    #[arg(long, value_parser = clap::value_parser!(u16).range(40..=1000))]
    pub width: Option<u16>,
    /// Every column, however wide the table gets
    #[arg(long)]
    pub wide: bool,
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// A table for the terminal.
    Table,
    /// JSON (schema in docs/json-format.md).
    Json,
}

/// `--input`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputArg {
    /// Plain text.
    Text,
    /// An HTML page.
    Html,
}

/// `--status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    /// As published.
    Official,
    /// Written for tests and demonstrations.
    Illustrative,
    /// Generated by the simulator.
    Simulated,
}
