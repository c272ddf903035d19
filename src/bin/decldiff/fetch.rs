//! `decldiff corpus fetch`: the only command that uses the network.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Duration;

use clap::Args;
use decldiff::corpus::Corpus;
use decldiff::fetch::http::ClientOptions;
use decldiff::fetch::{FetchRequest, Outcome as Fetched, Status};
use decldiff::render::corpus as render_corpus;

use crate::Outcome;
use crate::cli::OutputArgs;

pub(crate) const EXAMPLES: &str = "Examples:
  decldiff corpus fetch --all
  decldiff corpus fetch sco-2014 sco-2022
  decldiff corpus fetch sco-2019 --from https://example.org/declaration.html
  decldiff corpus fetch sco-2014 --force

Sources are tried official first, then press, then mirrors; a page is stored only when it
reads as the entry's declaration (its title, date and city; a plausible length).
Exit status: 0 all fetched (or present), 1 some failed, 2 error.";

/// `corpus fetch` arguments.
#[derive(Debug, Args)]
pub struct FetchArgs {
    /// The entries to fetch (sco-2014 …); with --all, every entry without a text.
    ids: Vec<String>,
    /// The collection (created from the built-in one of that name if the corpus lacks it).
    #[arg(long, value_name = "C", default_value = "sco")]
    collection: String,
    /// Every entry of the collection that has no text (with --force, every entry).
    #[arg(long, conflicts_with = "ids")]
    all: bool,
    /// Fetch this page for the one ID given instead of the catalog's sources.
    #[arg(long, value_name = "URL")]
    from: Option<String>,
    /// Replace texts already stored.
    #[arg(long)]
    force: bool,
    /// Seconds one request may take, from connecting to the last byte.
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=600))]
    timeout: u64,
    /// Milliseconds between two requests to the same host.
    #[arg(long, value_name = "MS", default_value_t = 1000)]
    delay: u64,
    #[command(flatten)]
    output: OutputArgs,
}

pub(crate) fn run(args: FetchArgs, corpus_dir: Option<&Path>) -> anyhow::Result<Outcome> {
    if args.ids.is_empty() && !args.all {
        anyhow::bail!("name the entries to fetch (sco-2014 …), or --all for every entry without a text");
    }
    if args.from.is_some() && args.ids.len() != 1 {
        anyhow::bail!("--from fetches one page: give exactly one ID with it");
    }
    let timeout = Duration::from_secs(args.timeout);
    let request = FetchRequest {
        collection: args.collection,
        ids: args.ids,
        from: args.from,
        force: args.force,
        client: ClientOptions {
            timeout,
            connect_timeout: timeout.min(Duration::from_secs(10)),
            delay: Duration::from_millis(args.delay),
            backoff: Duration::from_millis(args.delay.clamp(100, 2000)),
        },
    };
    let root = Corpus::writable_root(corpus_dir);
    let bar = progress_bar();
    let outcomes = decldiff::fetch::fetch(&root, &request, &mut |done, total, outcome: &Fetched| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
        bar.set_message(format!("{} {}", outcome.id, outcome.status.as_str()));
    })?;
    bar.finish_and_clear();
    let failed = outcomes.iter().filter(|o| o.status == Status::Failed).count();
    let stdout = match args.output.format {
        crate::cli::FormatArg::Table => render_corpus::fetched_table(&outcomes, args.output.table_options()),
        crate::cli::FormatArg::Json => render_corpus::fetched_json(&outcomes),
    };
    if failed > 0 {
        eprintln!("{failed} of {} failed", outcomes.len());
    }
    Ok(Outcome { stdout: vec![stdout], status: u8::from(failed > 0) })
}

/// A bar on stderr when it is a terminal; hidden otherwise (scripts and tests see only the
/// table).
fn progress_bar() -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(0);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("fetching {bar:30} {pos}/{len} · last: {msg} · {elapsed}")
    {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(250));
    bar
}
