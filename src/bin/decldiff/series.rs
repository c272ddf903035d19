//! `timeline`, `terms` and `lineage`.

use std::io::IsTerminal;
use std::path::Path;

use decldiff::render::tidy::series as tidy_series;
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

/// Writes the chart where `--chart` says: a PNG when the name ends in `.png`, else SVG; with
/// `--chart -` the SVG is the command's output, in place of the table.
fn with_chart(
    path: Option<&Path>,
    svg: impl FnOnce() -> String,
    table: impl FnOnce() -> String,
) -> anyhow::Result<Outcome> {
    let chart = match path {
        Some(path) if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("png")) => {
            let png = png_chart(&svg())?;
            crate::output::write_file_or_stdout(path, png, "the chart")?;
            None
        }
        Some(path) => crate::output::write_file_or_stdout(path, svg(), "the chart")?,
        None => None,
    };
    Ok(Outcome::ok(chart.unwrap_or_else(table)))
}

/// The chart as a PNG at twice its size (a 1920-pixel slide), drawn with the system's fonts:
/// the library never reads files, so the fonts are loaded here.
fn png_chart(svg: &str) -> anyhow::Result<Vec<u8>> {
    let mut fonts = chart::fontdb::Database::new();
    fonts.load_system_fonts();
    // A family the chart's list does not name resolves to the generic families, which fontdb
    // sets to Windows' fonts; point them at an installed CJK font so Chinese is not dropped.
    let installed = |name: &str| fonts.faces().any(|face| face.families.iter().any(|(family, _)| family == name));
    let cjk = ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Noto Sans", "DejaVu Sans"];
    if let Some(family) = cjk.into_iter().find(|name| installed(name)) {
        fonts.set_sans_serif_family(family);
        fonts.set_serif_family(family);
    }
    Ok(chart::to_png(svg, std::sync::Arc::new(fonts), 2.0)?)
}

/// `decldiff timeline`.
pub(crate) fn timeline(
    corpus_dir: Option<&Path>,
    args: &SeriesArgs,
    chart_path: Option<&Path>,
    output: &SeriesOutput,
) -> anyhow::Result<Outcome> {
    let by = crate::tidy::timeline_by(output)?;
    crate::tidy::check_xlsx(output)?;
    let (session, members) = open(corpus_dir, args)?;
    let timeline = session.timeline(&members);
    let (themes, years) = tidy_series::timeline_tables(&timeline);
    if let Some(done) = crate::tidy::xlsx(output, &[("themes", &themes), ("years", &years)])? {
        return Ok(done);
    }
    with_chart(
        chart_path,
        || chart::timeline_chart(&timeline, &format!("{}: themes by year", args.collection)),
        || render_series::timeline(&timeline, output.format(), output.table_options(), by, output.csv_options()),
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
) -> anyhow::Result<Outcome> {
    let by = crate::tidy::terms_by(output)?;
    crate::tidy::check_xlsx(output)?;
    let (session, members) = open(corpus_dir, args)?;
    let outcome = session.terms(&members, terms, top);
    let (by_year, by_term) = tidy_series::terms_tables(&outcome.followed, outcome.picked.as_ref());
    if let Some(done) = crate::tidy::xlsx(output, &[("years", &by_year), ("terms", &by_term)])? {
        return Ok(done);
    }
    let format = output.format();
    with_chart(
        chart_path,
        || chart::terms_chart(&outcome.followed, &format!("{}: terms by year", args.collection)),
        || {
            let (picked, csv) = (outcome.picked.as_ref(), output.csv_options());
            let body = render_series::terms(&outcome.followed, picked, format, output.table_options(), by, csv);
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
) -> anyhow::Result<Outcome> {
    let by = crate::tidy::lineage_by(output)?;
    crate::tidy::check_xlsx(output)?;
    let (session, members) = open(corpus_dir, args)?;
    let lineage = session.lineage(&members, doc, &args.collection)?;
    let (paragraphs, themes) = tidy_series::lineage_tables(&lineage);
    if let Some(done) = crate::tidy::xlsx(output, &[("paragraphs", &paragraphs), ("themes", &themes)])? {
        return Ok(done);
    }
    let table = output.table_options();
    Ok(Outcome::ok(render_series::lineage(&lineage, output.format(), table, by, output.csv_options())))
}
