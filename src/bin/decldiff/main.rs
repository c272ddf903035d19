//! The `decldiff` command: parses the command line, calls the library, prints, and exits with
//! 0 (success), 1 (problems or differences found) or 2 (error).

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use decldiff::corpus::{AddRequest, Corpus, TextStatus};
use decldiff::render::corpus as render_corpus;

use cli::{Cli, Command, CorpusCommand, FormatArg, StatusArg};

/// What a command produced: text for stdout and the exit status.
struct Outcome {
    stdout: String,
    status: u8,
}

impl Outcome {
    fn ok(stdout: String) -> Outcome {
        Outcome { stdout, status: 0 }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(outcome) => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(outcome.stdout.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => ExitCode::from(outcome.status),
                // A closed pipe (`decldiff … | head`) is the reader's choice, not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: writing the output: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> decldiff::Result<Outcome> {
    let corpus_dir = cli.corpus.as_deref();
    match cli.command {
        Command::Corpus(command) => run_corpus(command, corpus_dir),
    }
}

fn run_corpus(
    command: CorpusCommand,
    corpus_dir: Option<&std::path::Path>,
) -> decldiff::Result<Outcome> {
    match command {
        CorpusCommand::List { collection, output } => {
            let corpus = Corpus::discover(corpus_dir)?;
            let collections = match &collection {
                Some(name) => vec![corpus.collection(name)?],
                None => corpus.collections().iter().collect(),
            };
            let rows: Vec<render_corpus::Listed<'_>> = collections
                .iter()
                .flat_map(|c| {
                    c.catalog.entries.iter().map(|entry| render_corpus::Listed {
                        collection: &c.name,
                        entry,
                    })
                })
                .collect();
            Ok(Outcome::ok(match output.format {
                FormatArg::Table => render_corpus::list_table(&rows, output.table_options()),
                FormatArg::Json => render_corpus::list_json(&rows),
            }))
        }
        CorpusCommand::Show { doc, read, output } => {
            let corpus = Corpus::discover(corpus_dir)?;
            let loaded = corpus.load(&doc, read.to_options()?)?;
            Ok(Outcome::ok(match output.format {
                FormatArg::Table => render_corpus::show_table(&loaded, output.table_options()),
                FormatArg::Json => render_corpus::show_json(&loaded),
            }))
        }
        CorpusCommand::Add {
            file,
            collection,
            id,
            date,
            title,
            sources,
            status,
            force,
            read,
        } => {
            if corpus_dir.is_none()
                && std::env::var_os(decldiff::corpus::CORPUS_ENV).is_none()
                && !std::path::Path::new("corpora").is_dir()
            {
                eprintln!("note: creating the corpus folder ./corpora");
            }
            let root = Corpus::writable_root(corpus_dir);
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
                fail_after: None,
            };
            let outcome = Corpus::add(&root, &request)?;
            let import = outcome.entry.import.as_ref();
            let verb = if outcome.replaced {
                "replaced"
            } else {
                "stored"
            };
            Ok(Outcome::ok(format!(
                "{verb} {} as {}: {} blocks, {} paragraphs (read as {} {})\n",
                outcome.entry.id,
                outcome.path.display(),
                outcome.blocks,
                outcome.paragraphs,
                import.map_or("", |i| i.encoding.as_str()),
                import.map_or("", |i| i.format.as_str()),
            )))
        }
        CorpusCommand::Check {
            collection,
            repair,
            format,
        } => {
            let root = match corpus_dir {
                Some(dir) => dir.to_path_buf(),
                None => match Corpus::discover(None)?.location() {
                    decldiff::corpus::Location::Dir(dir) => dir.clone(),
                    decldiff::corpus::Location::Embedded => {
                        // The built-in corpus is verified when the binary is built (its
                        // checksums are tested); there is nothing on disk to check.
                        return Ok(Outcome::ok(
                            "the built-in corpus is in use; nothing on disk to check\n".to_owned(),
                        ));
                    }
                },
            };
            let (problems, repaired) = Corpus::check(&root, collection.as_deref(), repair)?;
            for line in &repaired {
                eprintln!("repaired: {line}");
            }
            let status = if problems.is_empty() { 0 } else { 1 };
            let stdout = match format {
                FormatArg::Json => render_corpus::check_json(&problems, &repaired),
                FormatArg::Table if problems.is_empty() => {
                    format!("{}: all texts present and intact\n", root.display())
                }
                FormatArg::Table => render_corpus::check_lines(&problems),
            };
            if !problems.is_empty() && format == FormatArg::Table {
                eprintln!("{} problem(s) found", problems.len());
            }
            Ok(Outcome { stdout, status })
        }
    }
}
