//! `decldiff corpus list | show | add | simulate | check` (and `fetch`, in fetch.rs).

use std::path::Path;

use decldiff::corpus::{AddRequest, Corpus, Location, TextStatus, TokenCache};
use decldiff::render::corpus as render_corpus;
use decldiff::session::{Session, SessionOptions};

use crate::Outcome;
use crate::cli::{CorpusCommand, FormatArg, StatusArg};
use crate::options::default_session;

pub(crate) fn run(command: CorpusCommand, corpus_dir: Option<&Path>) -> anyhow::Result<Outcome> {
    match command {
        CorpusCommand::List { collection, output } => {
            let corpus = Corpus::discover(corpus_dir)?;
            let collections = match &collection {
                Some(name) => vec![corpus.collection(name)?],
                None => {
                    crate::options::warn_broken(&corpus);
                    corpus.collections().iter().collect()
                }
            };
            let rows: Vec<render_corpus::Listed<'_>> = collections
                .iter()
                .flat_map(|c| {
                    c.catalog.entries.iter().map(|entry| render_corpus::Listed {
                        collection: &c.name,
                        origin: c.origin(entry),
                        entry,
                    })
                })
                .collect();
            Ok(Outcome::ok(match output.format {
                FormatArg::Table => render_corpus::list_table(&rows, output.table_options()),
                FormatArg::Json => render_corpus::list_json(&rows),
            }))
        }
        CorpusCommand::Show { doc, themes, read, output } => {
            let options = SessionOptions { read: read.to_options()?, themes, ..default_session(corpus_dir) };
            let loaded = Session::open(&options)?.read(&doc)?;
            Ok(Outcome::ok(match output.format {
                FormatArg::Table => render_corpus::show_table(&loaded, output.table_options()),
                FormatArg::Json => render_corpus::show_json(&loaded),
            }))
        }
        CorpusCommand::Add { file, collection, id, date, title, sources, status, force, read } => {
            if corpus_dir.is_none()
                && std::env::var_os(decldiff::corpus::CORPUS_ENV).is_none()
                && !decldiff::files::is_dir(Path::new("corpora"))
            {
                eprintln!("note: creating the corpus folder ./corpora");
            }
            let request = AddRequest {
                file,
                collection,
                id,
                date,
                title,
                sources,
                status: status.map(|s| match s {
                    StatusArg::Official => TextStatus::Official,
                    StatusArg::Illustrative => TextStatus::Illustrative,
                    StatusArg::Simulated => TextStatus::Simulated,
                }),
                force,
                read: read.to_options()?,
                fetched: None,
                fail_after: None,
            };
            let outcome = Corpus::add_indexed(&Corpus::writable_root(corpus_dir), &request, &TokenCache::from_env())?;
            for warning in &outcome.warnings {
                eprintln!("warning: {warning}");
            }
            Ok(Outcome::ok(render_corpus::added(&outcome)))
        }
        CorpusCommand::Simulate(args) => {
            eprintln!("note: `decldiff corpus simulate` is now `decldiff simulate series`");
            Ok(crate::lab::simulate_series(args, corpus_dir)?)
        }
        CorpusCommand::Check { collection, repair, format } => {
            Ok(check(corpus_dir, collection.as_deref(), repair, format)?)
        }
        CorpusCommand::Fetch(args) => crate::fetch::run(args, corpus_dir),
    }
}

fn check(
    corpus_dir: Option<&Path>,
    collection: Option<&str>,
    repair: bool,
    format: FormatArg,
) -> decldiff::Result<Outcome> {
    let root = match corpus_dir {
        Some(dir) => dir.to_path_buf(),
        None => match Corpus::discover(None)?.location() {
            Location::Dir(dir) => dir.clone(),
            Location::Embedded => {
                // The built-in corpus is verified when the binary is built (its checksums are
                // tested); there is nothing on disk to check.
                return Ok(Outcome::ok("the built-in corpus is in use; nothing on disk to check\n".to_owned()));
            }
        },
    };
    let (problems, repaired) = Corpus::check(&root, collection, repair)?;
    for line in &repaired {
        eprintln!("repaired: {line}");
    }
    let stdout = match format {
        FormatArg::Json => render_corpus::check_json(&problems, &repaired),
        FormatArg::Table if problems.is_empty() => format!("{}: all texts present and intact\n", root.display()),
        FormatArg::Table => render_corpus::check_lines(&problems),
    };
    if !problems.is_empty() && format == FormatArg::Table {
        eprintln!("{} problem(s) found", problems.len());
    }
    Ok(Outcome { stdout: vec![stdout], status: u8::from(!problems.is_empty()) })
}
