//! From the command line's types to the library's options: the only place that knows both.

use decldiff::session::SessionOptions;

use crate::cli::{
    CompareFormat, CompareSettings, EditsArg, InputArg, OutputArgs, ReadArgs, SeriesFormatArg, SeriesOutput,
};

impl EditsArg {
    /// The library's plan of a revision.
    pub fn to_plan(self) -> decldiff::lab::simulate::Plan {
        use decldiff::lab::simulate::{Edits, Plan, Yearly};
        match self {
            EditsArg::Light => Plan::Edits(Edits::light()),
            EditsArg::Heavy => Plan::Edits(Edits::heavy()),
            EditsArg::Yearly => Plan::Yearly(Yearly::standard()),
        }
    }
}

impl ReadArgs {
    /// The library's read options.
    pub fn to_options(&self) -> decldiff::Result<decldiff::segment::ReadOptions> {
        let encoding = match &self.encoding {
            Some(label) => Some(decldiff::normalize::decode::encoding_for_label(label)?),
            None => None,
        };
        Ok(decldiff::segment::ReadOptions { encoding, html: self.input.map(|i| i == InputArg::Html), raw: self.raw })
    }
}

impl OutputArgs {
    /// Table options: `--width`, else the terminal's width, else `$COLUMNS`, else 100; `--wide`.
    pub fn table_options(&self) -> decldiff::render::TableOptions {
        table_options(self.width, self.wide)
    }
}

impl SeriesOutput {
    /// Table options: `--width`, else the terminal's width, else `$COLUMNS`, else 100; `--wide`.
    pub fn table_options(&self) -> decldiff::render::TableOptions {
        table_options(self.width, self.wide)
    }

    /// The renderer's format.
    pub fn format(&self) -> decldiff::render::Format {
        match self.format {
            SeriesFormatArg::Table => decldiff::render::Format::Table,
            SeriesFormatArg::Markdown => decldiff::render::Format::Markdown,
            // A workbook is written from the same tidy tables as CSV.
            SeriesFormatArg::Csv | SeriesFormatArg::Xlsx => decldiff::render::Format::Csv,
            SeriesFormatArg::Json => decldiff::render::Format::Json,
        }
    }

    /// CSV options: `--bom`.
    pub fn csv_options(&self) -> decldiff::render::tidy::CsvOptions {
        decldiff::render::tidy::CsvOptions { bom: self.bom, no_header: false }
    }
}

impl CompareFormat {
    /// The renderer's format.
    pub fn format(self) -> decldiff::render::Format {
        match self {
            CompareFormat::Table => decldiff::render::Format::Table,
            CompareFormat::Markdown => decldiff::render::Format::Markdown,
            CompareFormat::Csv | CompareFormat::Xlsx => decldiff::render::Format::Csv,
            CompareFormat::Json => decldiff::render::Format::Json,
            CompareFormat::Html => decldiff::render::Format::Html,
        }
    }
}

/// The table width: `--width`, else the terminal's, else 100; never below 40.
pub fn table_options(width: Option<u16>, wide: bool) -> decldiff::render::TableOptions {
    // When piped, $COLUMNS (as shells export it, or as a user sets it) before the default.
    let columns = || std::env::var("COLUMNS").ok().and_then(|v| v.trim().parse::<u16>().ok()).filter(|w| *w >= 40);
    let width = width.or_else(|| comfy_table::Table::new().width()).or_else(columns).unwrap_or(100);
    decldiff::render::TableOptions { width: width.clamp(40, 1000), wide }
}

impl CompareSettings {
    /// The library's session options for these settings.
    pub fn session_options(&self, corpus: Option<&std::path::Path>) -> decldiff::Result<SessionOptions> {
        Ok(SessionOptions {
            corpus: corpus.map(std::path::Path::to_path_buf),
            read: self.read.to_options()?,
            ladders: self.ladders.clone(),
            themes: self.themes.clone(),
            align: self.align.to_options(),
            all: self.all,
            ..SessionOptions::default()
        })
    }
}

/// Session options with the built-in rules and `corpus` as the corpus folder.
pub fn default_session(corpus: Option<&std::path::Path>) -> SessionOptions {
    SessionOptions { corpus: corpus.map(std::path::Path::to_path_buf), ..SessionOptions::default() }
}

/// Says on stderr which collections were left out because their catalog cannot be read: the
/// command goes on with the others.
pub(crate) fn warn_broken(corpus: &decldiff::corpus::Corpus) {
    for broken in corpus.broken() {
        eprintln!("warning: collection `{}` skipped: {}", broken.name, decldiff::render::terminal_safe(&broken.reason));
    }
}
