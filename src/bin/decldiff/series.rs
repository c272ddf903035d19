//! `timeline`, `terms` and `lineage`.

use std::io::IsTerminal;
use std::path::Path;

use decldiff::render::{Format, chart, series as render_series};
use decldiff::series::Member;
use decldiff::session::{Progress, SeriesQuery, Session};

use crate::Outcome;
use crate::cli::{SeriesArgs, SeriesOutput};
use crate::options::default_session;

/// The session and the members of the series asked for, with a progress bar on a terminal.
fn open(corpus_dir: Option<&Path>, args: &SeriesArgs) -> decldiff::Result<(Session, Vec<Member>)> {
    let session = Session::open(&default_session(corpus_dir))?;
    crate::options::warn_broken(session.corpus());
    let query = SeriesQuery { collection: args.collection.clone(), from: args.from, to: args.to };
    let bar = indicatif::ProgressBar::hidden();
    let members = session.members_with_progress(&query, &|progress| match progress {
        Progress::Total(n) => show_progress(&bar, n, "reading"),
        Progress::Read => bar.inc(1),
    })?;
    bar.finish_and_clear();
    for warning in session.series_warnings(&query, &members) {
        eprintln!("warning: {}", decldiff::render::terminal_safe(&warning));
    }
    Ok((session, members))
}

/// Shows the bar on stderr for a long run (many texts) when stderr is a terminal; pipes and
/// logs get no control characters.
fn show_progress(bar: &indicatif::ProgressBar, len: usize, what: &'static str) {
    const LONG_RUN: usize = 10;
    if len < LONG_RUN || !std::io::stderr().is_terminal() {
        return;
    }
    bar.set_length(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{prefix} {bar:30} {pos}/{len} texts") {
        bar.set_style(style);
    }
    bar.set_prefix(what);
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
}

/// Writes the chart where `--chart` says; with `--chart -` the chart is the command's
/// output, in place of the table.
fn with_chart(
    path: Option<&Path>,
    svg: impl FnOnce() -> String,
    table: impl FnOnce() -> String,
) -> decldiff::Result<Outcome> {
    let chart = match path {
        Some(path) => crate::output::write_file_or_stdout(path, svg(), "the chart")?,
        None => None,
    };
    Ok(Outcome::ok(chart.unwrap_or_else(table)))
}

/// `decldiff timeline`.
pub(crate) fn timeline(
    corpus_dir: Option<&Path>,
    args: &SeriesArgs,
    chart_path: Option<&Path>,
    output: &SeriesOutput,
) -> decldiff::Result<Outcome> {
    let (session, members) = open(corpus_dir, args)?;
    let timeline = session.timeline(&members);
    with_chart(
        chart_path,
        || chart::timeline_chart(&timeline, &format!("{}: themes by year", args.collection)),
        || render_series::timeline(&timeline, output.format(), output.table_options()),
    )
}

/// `decldiff terms`.
pub(crate) fn terms(
    corpus_dir: Option<&Path>,
    terms: &[String],
    top: usize,
    args: &SeriesArgs,
    chart_path: Option<&Path>,
    output: &SeriesOutput,
) -> decldiff::Result<Outcome> {
    let (session, members) = open(corpus_dir, args)?;
    let outcome = session.terms(&members, terms, top);
    let format = output.format();
    with_chart(
        chart_path,
        || chart::terms_chart(&outcome.followed, &format!("{}: terms by year", args.collection)),
        || {
            let body = render_series::terms(&outcome.followed, format, output.table_options());
            match (format, &outcome.picked) {
                (Format::Table | Format::Markdown, Some(picked)) => render_series::terms_heading(picked) + &body,
                _ => body,
            }
        },
    )
}

/// `decldiff lineage`.
pub(crate) fn lineage(
    corpus_dir: Option<&Path>,
    doc: &str,
    args: &SeriesArgs,
    output: &SeriesOutput,
) -> decldiff::Result<Outcome> {
    let (session, members) = open(corpus_dir, args)?;
    let lineage = session.lineage(&members, doc, &args.collection)?;
    Ok(Outcome::ok(render_series::lineage(&lineage, output.format(), output.table_options())))
}
