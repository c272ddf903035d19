//! `decldiff eval …` and `decldiff simulate …`: the lab's measurements and test data.

use std::path::Path;

use decldiff::corpus::{Corpus, TokenCache};
use decldiff::lab::series::{SeriesRequest, simulate_into};

use decldiff::lab::{self, eval::BASELINE_METHOD};
use decldiff::render::lab as render_lab;
use decldiff::session::{Session, SessionOptions};
use decldiff::theme::content::{ContentClassifier, read_set, training_set};

use crate::Outcome;
use crate::cli::{EvalCommand, FormatArg, SimulateCommand};
use crate::options::default_session;

pub(crate) fn eval(command: EvalCommand, corpus_dir: Option<&Path>) -> decldiff::Result<Outcome> {
    match command {
        EvalCommand::Copies { dir, verbose, output } => {
            let session = Session::open(&default_session(corpus_dir))?;
            let clean = session.corpus().load("sco-2020", Default::default())?.document;
            let rev1_path = Path::new("tests/data/rev1/new.txt");
            let rev1 = session.corpus().load(&rev1_path.display().to_string(), Default::default())?.document;
            let (pages, total) = lab::copies::score_dir(&dir, &[("sco-2020", &clean), ("rev1", &rev1)])?;
            Ok(Outcome::ok(match output.format {
                FormatArg::Table => render_lab::copies_table(&pages, &total, verbose, output.table_options()),
                FormatArg::Json => render_lab::copies_json(&pages, &total),
            }))
        }
        EvalCommand::Commitments { dir, verbose, output } => {
            let session = Session::open(&default_session(corpus_dir))?;
            let scores = lab::commitments::score_dir(&session, &dir)?;
            Ok(Outcome::ok(match output.format {
                FormatArg::Table => render_lab::commitments_text(&scores, verbose),
                FormatArg::Json => render_lab::commitments_json(&scores),
            }))
        }
        EvalCommand::Series { collection, output } => {
            let session = Session::open(&default_session(corpus_dir))?;
            let scores = lab::series_eval::evaluate_collection(&session, &collection)?;
            Ok(Outcome::ok(match output.format {
                FormatArg::Table => render_lab::series_eval_table(&scores),
                FormatArg::Json => render_lab::series_eval_json(&scores),
            }))
        }
        EvalCommand::Align { gold, old, new, baseline, align, output } => {
            let options = SessionOptions { align: align.to_options(), ..default_session(corpus_dir) };
            let run = lab::eval::align_against_gold(&Session::open(&options)?, &gold, &old, &new, baseline)?;
            Ok(Outcome::ok(match output.format {
                FormatArg::Table => {
                    render_lab::eval_table(&run.scores, &run.old, &run.new, run.method, output.table_options())
                }
                FormatArg::Json => render_lab::eval_json(&run.scores, &run.old, &run.new, run.method),
            }))
        }
        EvalCommand::Simulated { doc, edits, seeds, align, output } => {
            let session = Session::open(&default_session(corpus_dir))?;
            let doc = session.corpus().load(&doc, Default::default())?.document;
            let (ours, baseline) = lab::simulate::simulated_scores(&doc, &edits.to_plan(), seeds, &align.to_options());
            let label = format!("{seeds} simulated {:?} revisions", edits).to_lowercase();
            Ok(Outcome::ok(match output.format {
                FormatArg::Table => {
                    let table = |scores, method| {
                        render_lab::eval_table(scores, &doc.name, &label, method, output.table_options())
                    };
                    table(&ours, "decldiff") + &table(&baseline, BASELINE_METHOD)
                }
                FormatArg::Json => format!(
                    "[{},{}]\n",
                    render_lab::eval_json(&ours, &doc.name, &label, "decldiff").trim_end(),
                    render_lab::eval_json(&baseline, &doc.name, &label, "baseline").trim_end()
                ),
            }))
        }
        EvalCommand::Themes { set: Some(set), verbose, output, .. } => {
            let classifier = ContentClassifier::builtin();
            let paragraphs = read_set(&set, classifier.taxonomy())?;
            let scores = lab::themes::evaluate_set(
                &set.display().to_string(),
                &paragraphs,
                classifier.taxonomy(),
                &training_set(),
            );
            Ok(Outcome::ok(match output.format {
                FormatArg::Json => render_lab::themes_set_json(&scores),
                FormatArg::Table => render_lab::themes_set_text(&scores, verbose),
            }))
        }
        EvalCommand::Themes { doc, themes, set: None, output, .. } => {
            let session = Session::open(&SessionOptions { themes, ..default_session(corpus_dir) })?;
            let doc = session.corpus().load(&doc, Default::default())?.document;
            let taxonomy = lab::themes::taxonomy_on_sections(&doc, session.classifier());
            Ok(Outcome::ok(match output.format {
                FormatArg::Json => render_lab::themes_json(&doc.name, taxonomy.as_ref()),
                FormatArg::Table => render_lab::themes_text(&doc.name, taxonomy.as_ref()),
            }))
        }
    }
}

/// `decldiff simulate series` (and the hidden `simulate series` it replaced).
#[derive(Debug, clap::Args)]
pub struct SeriesSimArgs {
    /// How many years (at most 500).
    #[arg(long, visible_alias = "series", value_name = "N", value_parser = crate::cli::at_most_500)]
    years: usize,
    /// The collection to write (created).
    #[arg(long, default_value = "sim")]
    collection: String,
    /// The declaration the series grows from.
    #[arg(long, default_value = "sco-2020")]
    base: String,
    /// The first year.
    #[arg(long, default_value_t = 2001)]
    start: i32,
    /// The seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Replace texts the collection already has.
    #[arg(long)]
    force: bool,
}

/// Writes a simulated series into the corpus.
pub(crate) fn simulate_series(args: SeriesSimArgs, corpus_dir: Option<&Path>) -> decldiff::Result<Outcome> {
    let SeriesSimArgs { years, collection, base, start, seed, force } = args;
    let base = Corpus::discover(corpus_dir)?.load(&base, Default::default())?.document;
    let root = Corpus::writable_root(corpus_dir);
    let request = SeriesRequest { collection, years, start, seed, force };
    let simulated = simulate_into(&root, &base, &request, &TokenCache::from_env())?;
    Ok(Outcome::ok(format!(
        "simulated {years} years ({}–{}) into {}: illustrative texts, not official; truth in {}\n",
        start,
        start + years as i32 - 1,
        simulated.dir.display(),
        simulated.truth.display()
    )))
}

pub(crate) fn simulate(command: SimulateCommand, corpus_dir: Option<&Path>) -> decldiff::Result<Outcome> {
    match command {
        SimulateCommand::Series(args) => simulate_series(args, corpus_dir),
        SimulateCommand::Revision { doc, seed, edits, out } => {
            let session = Session::open(&default_session(corpus_dir))?;
            let doc = session.corpus().load(&doc, Default::default())?.document;
            let revision = lab::simulate::write_revision(&doc, &edits.to_plan(), seed, &out)?;
            Ok(Outcome::ok(format!(
                "wrote {}/new.txt and gold.json ({} links, {} deleted, {} added)\n",
                out.display(),
                revision.gold.links.len(),
                revision.gold.deleted.len(),
                revision.gold.added.len()
            )))
        }
    }
}
