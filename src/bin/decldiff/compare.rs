//! `decldiff compare`, `report` and `align`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::bail;
use decldiff::render::compare::{self as render_compare, By, CompareRender};
use decldiff::render::docx::{DocxOptions, docx, revision_date};
use decldiff::render::html::{HtmlOptions, html};
use decldiff::render::tidy::CsvOptions;
use decldiff::render::tidy::compare::CompareTables;
use decldiff::render::{Format, align as render_align};
use decldiff::session::Session;

use crate::Outcome;
use crate::cli::{AlignArgs, ByArg, ColorArg, CompareFormat, CompareSettings, FormatArg, OutputArgs, ReadArgs};

/// How `compare` prints.
pub(crate) struct Request {
    pub by: ByArg,
    pub format: CompareFormat,
    pub exit_code: bool,
    pub width: Option<u16>,
    pub wide: bool,
    pub color: ColorArg,
    pub bom: bool,
}

/// The pair `decldiff compare` runs without arguments: the shipped 2020 text and the
/// illustrative revision in the examples collection.
const DEFAULT_OLD: &str = "sco-2020";
const DEFAULT_NEW: &str = "examples/sco-2020-rev1";

/// `decldiff compare`.
pub(crate) fn compare(
    corpus_dir: Option<&Path>,
    old: Option<String>,
    new: Vec<String>,
    settings: &CompareSettings,
    request: &Request,
) -> anyhow::Result<Outcome> {
    if request.format == CompareFormat::Html && new.len() > 1 {
        bail!(
            "--format html makes one page for one pair, and {} NEW were given (hint: give one NEW, or run `decldiff report OLD NEW -o FILE` for each)",
            new.len()
        );
    }
    one_stdin(old.iter().chain(&new).map(String::as_str))?;
    let options = settings.session_options(corpus_dir)?;
    let old_spec = old.as_deref().unwrap_or(DEFAULT_OLD);
    let (session, old) = Session::open_with(&options, old_spec)?;
    crate::options::warn_broken(session.corpus());
    let render = CompareRender {
        table: crate::options::table_options(request.width, request.wide),
        by: match request.by {
            ByArg::Theme => By::Theme,
            ByArg::Paragraph => By::Paragraph,
            ByArg::Pair => By::Pair,
            ByArg::Edit => By::Edit,
        },
        colour: match request.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        },
    };
    let new = if new.is_empty() { vec![DEFAULT_NEW.to_owned()] } else { new };
    if matches!(request.format, CompareFormat::Csv | CompareFormat::Xlsx) {
        return tidy(&session, (&old, old_spec), &new, request, render.by);
    }
    let format = request.format.format();
    let rendered = session.compare_each(&old, &new, |report, old, new| {
        (render_compare::render(report, format, &render, &old.document, &new.document), report.substantive)
    })?;
    let status = u8::from(request.exit_code && rendered.iter().any(|(_, substantive)| *substantive));
    Ok(Outcome { stdout: join_reports(rendered.into_iter().map(|(text, _)| text), format), status })
}

/// `compare --format csv|xlsx`: the tidy tables of every pair, one table (CSV) or one
/// workbook, whatever the number of pairs.
fn tidy(
    session: &Session,
    (old, old_spec): (&decldiff::corpus::Loaded, &str),
    new: &[String],
    request: &Request,
    by: By,
) -> anyhow::Result<Outcome> {
    if request.format == CompareFormat::Xlsx && std::io::stdout().is_terminal() {
        bail!("--format xlsx writes an Excel workbook: redirect it to a file (> changes.xlsx)");
    }
    let pairs = session.compare_each(old, new, |report, old, new| {
        (CompareTables::of(report, &old.document, &new.document), report.substantive, new.entry.is_none())
    })?;
    let status = u8::from(request.exit_code && pairs.iter().any(|(_, substantive, _)| *substantive));
    // Rows name a file as given, not by its name alone: `a/new.txt` and `b/new.txt` are two
    // pairs, not one. Corpus texts keep their ids.
    let mut tables = CompareTables::default();
    for ((pair, _, is_file), new_spec) in pairs.into_iter().zip(new) {
        let ids = pair.pairs.first().map(|p| (p.old_id.clone(), p.new_id.clone())).unwrap_or_default();
        let old_id = if old.entry.is_none() { old_spec } else { ids.0.as_str() };
        let new_id = if is_file { new_spec.as_str() } else { ids.1.as_str() };
        tables.extend(pair.named(old_id, new_id));
    }
    if request.format == CompareFormat::Csv {
        let csv = tables.csv(by.level(), CsvOptions { bom: request.bom, no_header: false });
        return Ok(Outcome { stdout: vec![csv], status });
    }
    crate::output::print_bytes(&tables.xlsx()?)?;
    Ok(Outcome { stdout: Vec::new(), status })
}

/// Standard input is read once: `-` may stand for one input only.
pub(crate) fn one_stdin<'a>(inputs: impl IntoIterator<Item = &'a str>) -> anyhow::Result<()> {
    if inputs.into_iter().filter(|spec| *spec == decldiff::files::STDIN).count() > 1 {
        bail!("`-` (standard input) can stand for one input only (hint: save the other to a file)");
    }
    Ok(())
}

/// Several JSON reports make one array; other formats follow one another, a blank line apart.
fn join_reports(rendered: impl ExactSizeIterator<Item = String>, format: Format) -> Vec<String> {
    let array = format == Format::Json && rendered.len() > 1;
    let (open, between, close) = if array { ("[", ",\n", "]\n") } else { ("", "\n", "") };
    let mut stdout = Vec::with_capacity(2 * rendered.len() + 1);
    stdout.push(open.to_owned());
    for (k, mut text) in rendered.enumerate() {
        if k > 0 {
            stdout.push(between.to_owned());
        }
        if array {
            text.truncate(text.trim_end().len());
        }
        stdout.push(text);
    }
    stdout.push(close.to_owned());
    stdout
}

/// `report --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// The self-contained HTML page, texts side by side (docs/report.md).
    Html,
    /// A Word document whose changes are tracked changes (docs/report.md, "Word redline").
    Docx,
}

/// What `decldiff report` writes, and where.
pub(crate) struct ReportRequest {
    pub output: Option<PathBuf>,
    pub title: Option<String>,
    pub format: Option<ReportFormat>,
}

impl ReportRequest {
    /// The format asked for; else Word when the file is named `.docx`; else the HTML page.
    fn format(&self) -> ReportFormat {
        let docx_file = self
            .output
            .as_deref()
            .and_then(Path::extension)
            .is_some_and(|extension| extension.eq_ignore_ascii_case("docx"));
        self.format.unwrap_or(if docx_file { ReportFormat::Docx } else { ReportFormat::Html })
    }
}

/// `decldiff report`.
pub(crate) fn report(
    corpus_dir: Option<&Path>,
    old: Option<String>,
    new: Option<String>,
    settings: &CompareSettings,
    request: &ReportRequest,
) -> anyhow::Result<Outcome> {
    one_stdin(old.iter().chain(&new).map(String::as_str))?;
    let format = request.format();
    let to_stdout = request.output.as_deref().is_none_or(|path| path == Path::new(decldiff::files::STDIN));
    // A Word file is binary: on a terminal it is noise that can upset the terminal itself.
    if format == ReportFormat::Docx && to_stdout && std::io::stdout().is_terminal() {
        bail!("report --format docx writes a Word document: name a file with -o report.docx (or pipe it)");
    }
    let options = settings.session_options(corpus_dir)?;
    let (session, old) = Session::open_with(&options, old.as_deref().unwrap_or(DEFAULT_OLD))?;
    let new = session.load(new.as_deref().unwrap_or(DEFAULT_NEW))?;
    let report = session.compare(&old, &new);
    let title = request.title.clone();
    if format == ReportFormat::Docx {
        let date = report.new.date.as_deref().and_then(revision_date);
        let bytes = docx(&report, &old.document, &new.document, &DocxOptions { title, date });
        let path = request.output.as_deref().unwrap_or(Path::new(decldiff::files::STDIN));
        if let Some(bytes) = crate::output::write_file_or_stdout(path, bytes, "the Word redline")? {
            crate::output::print_bytes(&bytes)?;
        }
        return Ok(Outcome::ok(String::new()));
    }
    let page = html(&report, &old.document, &new.document, &HtmlOptions { title });
    match request.output.as_deref() {
        Some(path) => {
            Ok(Outcome::ok(crate::output::write_file_or_stdout(path, page, "the report")?.unwrap_or_default()))
        }
        // 170 KB of HTML is no use on a terminal; in a pipe it is what was asked for.
        None if std::io::stdout().is_terminal() => {
            anyhow::bail!("report writes an HTML page: name a file with -o report.html (or -o - to print it anyway)")
        }
        None => Ok(Outcome::ok(page)),
    }
}

/// `decldiff align`.
pub(crate) fn align(
    corpus_dir: Option<&Path>,
    old: &str,
    new: &str,
    align: &AlignArgs,
    read: &ReadArgs,
    output: &OutputArgs,
) -> anyhow::Result<Outcome> {
    let options = decldiff::session::SessionOptions {
        read: read.to_options()?,
        align: align.to_options(),
        ..crate::options::default_session(corpus_dir)
    };
    one_stdin([old, new])?;
    let session = Session::open(&options)?;
    let (old, new) = (session.load_unthemed(old)?.document, session.load_unthemed(new)?.document);
    let alignment = session.align(&old, &new);
    Ok(Outcome::ok(match output.format {
        FormatArg::Table => render_align::align_table(&alignment, &old, &new, output.table_options()),
        FormatArg::Json => render_align::align_json(&alignment, &session.align_provenance()),
    }))
}
