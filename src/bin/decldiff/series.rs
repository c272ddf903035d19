//! `timeline`, `terms`, `lineage`, `corpus simulate --series` and `eval series`.

use std::path::Path;

use decldiff::corpus::{AddRequest, Corpus, TextStatus, TokenCache};
use decldiff::render::series::{self as render_series, SeriesFormat};
use decldiff::score::CompareOptions;
use decldiff::series::simulate::{SeriesTruth, catalog_facts, simulate_series};
use decldiff::series::{Member, Series, year_of};
use decldiff::tokenize::Tokenizer;
use rayon::prelude::*;

use crate::Outcome;
use crate::cli::{OutputArgs, SeriesArgs, SeriesFormatArg, SeriesOutput};
use crate::compare::{has_unassigned, theme_model, write_atomically};

fn format_of(output: &SeriesOutput) -> (SeriesFormat, decldiff::render::TableOptions) {
    let format = match output.format {
        SeriesFormatArg::Table => SeriesFormat::Table,
        SeriesFormatArg::Markdown => SeriesFormat::Markdown,
        SeriesFormatArg::Csv => SeriesFormat::Csv,
        SeriesFormatArg::Json => SeriesFormat::Json,
    };
    let table = OutputArgs { format: crate::cli::FormatArg::Table, width: output.width }.table_options();
    (format, table)
}

/// The collection's stored texts with a date, in year order (within `--from`/`--to`),
/// tokenized (through the token cache) and with themes where they lack titled sections.
pub(crate) fn members(corpus: &Corpus, args: &SeriesArgs) -> decldiff::Result<Vec<Member>> {
    let collection = corpus.collection(&args.collection)?;
    let mut wanted: Vec<(i32, String, String)> = collection
        .catalog
        .entries
        .iter()
        .filter(|e| e.present)
        .filter_map(|e| Some((year_of(e.date.as_deref()?)?, e.date.clone()?, e.id.clone())))
        .filter(|(year, _, _)| args.from.is_none_or(|f| *year >= f) && args.to.is_none_or(|t| *year <= t))
        .collect();
    wanted.sort();
    if wanted.is_empty() {
        return Err(decldiff::Error::Series {
            collection: args.collection.clone(),
            what: "no stored text with a date in the years asked".to_owned(),
            hint: Some("add texts with `decldiff corpus add`, or simulate a series with `decldiff corpus simulate --series 25`".to_owned()),
        });
    }
    let (tokenizer, cache) = (Tokenizer::shared(), TokenCache::from_env());
    let progress = progress(wanted.len() as u64, "reading");
    let mut members = wanted
        .par_iter()
        .map(|(year, _, id)| {
            let loaded =
                corpus.load_tokenized(&format!("{}/{id}", args.collection), Default::default(), &cache, tokenizer)?;
            progress.inc(1);
            Ok(Member { id: id.clone(), year: *year, document: loaded.document, profile: loaded.profile })
        })
        .collect::<decldiff::Result<Vec<_>>>()?;
    progress.finish_and_clear();
    if members.iter().any(|m| has_unassigned(&m.document)) {
        let model = theme_model(corpus, None, tokenizer)?;
        for member in &mut members {
            model.assign(&mut member.document, tokenizer);
        }
    }
    Ok(members)
}

/// A progress bar on stderr for a long run (many texts) when stderr is a terminal; hidden
/// otherwise, so that pipes and logs get no control characters.
fn progress(len: u64, what: &'static str) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    const LONG_RUN: u64 = 10;
    if len < LONG_RUN || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{prefix} {bar:30} {pos}/{len} texts") {
        bar.set_style(style);
    }
    bar.set_prefix(what);
    bar
}

fn write_chart(path: Option<&Path>, svg: impl FnOnce() -> String) -> decldiff::Result<()> {
    match path {
        Some(path) => write_atomically(path, svg().as_bytes()),
        None => Ok(()),
    }
}

/// `decldiff timeline`.
pub(crate) fn run_timeline(
    corpus_dir: Option<&Path>,
    args: &SeriesArgs,
    chart: Option<&Path>,
    output: &SeriesOutput,
) -> decldiff::Result<Outcome> {
    let corpus = Corpus::discover(corpus_dir)?;
    let members = members(&corpus, args)?;
    let tokenizer = Tokenizer::shared();
    let series = Series::new(&members, tokenizer);
    let timeline = decldiff::series::timeline::timeline(&series, tokenizer, &CompareOptions::default());
    write_chart(chart, || {
        decldiff::render::chart::timeline_chart(&timeline, &format!("{}: themes by year", args.collection))
    })?;
    let (format, table) = format_of(output);
    Ok(Outcome::ok(render_series::timeline(&timeline, format, table)))
}

/// `decldiff terms`.
pub(crate) fn run_terms(
    corpus_dir: Option<&Path>,
    terms: &[String],
    top: usize,
    args: &SeriesArgs,
    chart: Option<&Path>,
    output: &SeriesOutput,
) -> decldiff::Result<Outcome> {
    let corpus = Corpus::discover(corpus_dir)?;
    let members = members(&corpus, args)?;
    let tokenizer = Tokenizer::shared();
    let mut heading = String::new();
    let terms: Vec<String> = if terms.is_empty() {
        let series = Series::new(&members, tokenizer);
        let (first, last) = (&series.profiles[0], &series.profiles[series.profiles.len() - 1]);
        let (rose, fell) = decldiff::score::keyness_between(first, last, top);
        let names =
            |terms: &[decldiff::report::Term]| terms.iter().map(|t| t.term.as_str()).collect::<Vec<_>>().join(" ");
        heading = format!(
            "{}–{}: rose most: {}; fell most: {} (keyness, docs/scoring.md)\n\n",
            members[0].year,
            members[members.len() - 1].year,
            names(&rose),
            names(&fell)
        );
        rose.into_iter().chain(fell).map(|t| t.term).collect()
    } else {
        terms.to_vec()
    };
    let followed = decldiff::series::terms::follow(&members, &terms, &decldiff::series::terms::Aliases::builtin());
    write_chart(chart, || {
        decldiff::render::chart::terms_chart(&followed, &format!("{}: terms by year", args.collection))
    })?;
    let (format, table) = format_of(output);
    let body = render_series::terms(&followed, format, table);
    Ok(Outcome::ok(match format {
        SeriesFormat::Table | SeriesFormat::Markdown => heading + &body,
        SeriesFormat::Csv | SeriesFormat::Json => body,
    }))
}

/// `decldiff lineage`.
pub(crate) fn run_lineage(
    corpus_dir: Option<&Path>,
    doc: &str,
    args: &SeriesArgs,
    output: &SeriesOutput,
) -> decldiff::Result<Outcome> {
    let corpus = Corpus::discover(corpus_dir)?;
    let members = members(&corpus, args)?;
    let Some(index) = members.iter().position(|m| m.id == doc) else {
        return Err(decldiff::Error::UnknownDocument {
            name: doc.to_owned(),
            hint: Some(format!(
                "lineage takes an id of collection `{}` with a stored text and a date",
                args.collection
            )),
        });
    };
    let tokenizer = Tokenizer::shared();
    let series = Series::new(&members[..=index], tokenizer);
    let options = decldiff::align::AlignOptions::default();
    let consecutive = series.consecutive_alignments(&options);
    let lineage = decldiff::series::lineage::lineage(&series, index, &consecutive, &options);
    let (format, table) = format_of(output);
    Ok(Outcome::ok(render_series::lineage(&lineage, format, table)))
}

/// `decldiff corpus simulate --series N`.
pub(crate) fn run_simulate(
    corpus_dir: Option<&Path>,
    years: usize,
    collection: &str,
    base: &str,
    start: i32,
    seed: u64,
    force: bool,
) -> decldiff::Result<Outcome> {
    if years == 0 {
        return Err(decldiff::Error::Series {
            collection: collection.to_owned(),
            what: "--series 0: a series needs at least one year".to_owned(),
            hint: None,
        });
    }
    let corpus = Corpus::discover(corpus_dir)?;
    let base = corpus.load(base, Default::default())?.document;
    let (texts, truth) = simulate_series(&base, years, start, seed);
    let root = Corpus::writable_root(corpus_dir);
    let scratch = tempfile_dir()?;
    for year in &texts {
        let (id, date, title) = catalog_facts(collection, year.year);
        let file = scratch.join(format!("{id}.txt"));
        std::fs::write(&file, &year.text).map_err(|e| decldiff::Error::Io {
            path: file.clone(),
            action: "writing".to_owned(),
            source: e,
        })?;
        Corpus::add(
            &root,
            &AddRequest {
                file,
                collection: collection.to_owned(),
                id,
                date: Some(date),
                title: Some(title),
                sources: Vec::new(),
                status: Some(TextStatus::Simulated),
                force,
                read: Default::default(),
                fail_after: None,
            },
        )?;
    }
    let _ = std::fs::remove_dir_all(&scratch);
    // Index the stored texts, as `corpus add` does, so that the series commands start warm; a
    // failure here changes nothing stored.
    if let Ok(corpus) = Corpus::open(&root) {
        let (tokenizer, cache) = (Tokenizer::shared(), TokenCache::from_env());
        texts.par_iter().for_each(|year| {
            let (id, _, _) = catalog_facts(collection, year.year);
            let _ = corpus.load_tokenized(&format!("{collection}/{id}"), Default::default(), &cache, tokenizer);
        });
    }
    let truth_path = root.join(collection).join("truth.json");
    let json = serde_json::to_string_pretty(&truth).expect("the truth serializes") + "\n";
    write_atomically(&truth_path, json.as_bytes())?;
    Ok(Outcome::ok(format!(
        "simulated {years} years ({}–{}) into {}: illustrative texts, not official; truth in {}\n",
        start,
        start + years as i32 - 1,
        root.join(collection).display(),
        truth_path.display()
    )))
}

fn tempfile_dir() -> decldiff::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("decldiff-simulate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| decldiff::Error::Io {
        path: dir.clone(),
        action: "creating".to_owned(),
        source: e,
    })?;
    Ok(dir)
}

/// `decldiff eval series`.
pub(crate) fn run_eval_series(
    corpus_dir: Option<&Path>,
    collection: &str,
    output: &OutputArgs,
) -> decldiff::Result<Outcome> {
    let corpus = Corpus::discover(corpus_dir)?;
    let dir = corpus.collection(collection)?.dir().map(Path::to_path_buf);
    let truth_path = dir.unwrap_or_default().join("truth.json");
    if !truth_path.is_file() {
        return Err(decldiff::Error::Series {
            collection: collection.to_owned(),
            what: format!("no {}: not a simulated series", truth_path.display()),
            hint: Some(format!("simulate one with `decldiff corpus simulate --series 25 --collection {collection}`")),
        });
    }
    let text = std::fs::read_to_string(&truth_path).map_err(|e| decldiff::Error::Io {
        path: truth_path.clone(),
        action: "reading".to_owned(),
        source: e,
    })?;
    let truth: SeriesTruth = serde_json::from_str(&text)
        .map_err(|e| decldiff::Error::Catalog { path: truth_path.clone(), what: e.to_string() })?;
    let members = members(&corpus, &SeriesArgs { collection: collection.to_owned(), from: None, to: None })?;
    let scores = decldiff::series::eval::evaluate(&members, &truth, Tokenizer::shared());
    Ok(Outcome::ok(match output.format {
        crate::cli::FormatArg::Table => decldiff::series::eval::table(&scores),
        crate::cli::FormatArg::Json => decldiff::series::eval::json(&scores),
    }))
}
