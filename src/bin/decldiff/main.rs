//! The `decldiff` command: parses the command line, calls the library, prints, and exits with
//! 0 (success), 1 (problems or differences found) or 2 (error).

mod cli;
mod compare;
mod series;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use decldiff::corpus::{AddRequest, Corpus, TextStatus, TokenCache};
use decldiff::render::corpus as render_corpus;

use cli::{Cli, Command, CorpusCommand, EvalCommand, FormatArg, SimulateCommand, StatusArg};
use decldiff::align::{self, Alignment};
use decldiff::render::align as render_align;
use decldiff::tokenize::{SEGMENTER_VERSION, Tokenizer};
use rayon::prelude::*;

/// What a command produced: text for stdout, in pieces written one after the other (a
/// comparison of many pairs is not copied into one string first), and the exit status.
struct Outcome {
    stdout: Vec<String>,
    status: u8,
}

impl Outcome {
    fn ok(stdout: String) -> Outcome {
        Outcome { stdout: vec![stdout], status: 0 }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(outcome) => {
            let mut stdout = std::io::stdout().lock();
            let written = outcome.stdout.iter().try_for_each(|piece| stdout.write_all(piece.as_bytes()));
            match written.and_then(|()| stdout.flush()) {
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
        Command::Compare { old, new, by, format, exit_code, width, color, settings } => {
            let request = compare::Request { by, format, exit_code, width, color };
            compare::run_compare(corpus_dir, old, new, &settings, &request)
        }
        Command::Report { old, new, output, title, settings } => {
            compare::run_report(corpus_dir, old, new, &settings, output.as_deref(), title)
        }
        Command::Timeline { series: args, chart, output } => {
            series::run_timeline(corpus_dir, &args, chart.as_deref(), &output)
        }
        Command::Terms { terms, top, series: args, chart, output } => {
            series::run_terms(corpus_dir, &terms, top, &args, chart.as_deref(), &output)
        }
        Command::Lineage { doc, series: args, output } => series::run_lineage(corpus_dir, &doc, &args, &output),
        Command::Align { old, new, align, read, output } => {
            let corpus = Corpus::discover(corpus_dir)?;
            let options = read.to_options()?;
            let (tokenizer, cache) = (Tokenizer::shared(), TokenCache::from_env());
            let (old, new) = (
                corpus.load_tokenized(&old, options, &cache, tokenizer)?.document,
                corpus.load_tokenized(&new, options, &cache, tokenizer)?.document,
            );
            let align_options = align.to_options();
            let alignment = align::align(&old, &new, tokenizer, &align_options);
            Ok(Outcome::ok(match output.format {
                FormatArg::Table => render_align::align_table(&alignment, &old, &new, output.table_options()),
                FormatArg::Json => render_align::align_json(&alignment, &provenance(tokenizer, &align_options)),
            }))
        }
        Command::Eval(EvalCommand::Series { collection, output }) => {
            series::run_eval_series(corpus_dir, &collection, &output)
        }
        Command::Eval(EvalCommand::Align { gold, old, new, baseline, align, output }) => {
            let corpus = Corpus::discover(corpus_dir)?;
            let options = decldiff::segment::ReadOptions::default();
            let (tokenizer, cache) = (Tokenizer::shared(), TokenCache::from_env());
            let (old, new) = (
                corpus.load_tokenized(&old, options, &cache, tokenizer)?.document,
                corpus.load_tokenized(&new, options, &cache, tokenizer)?.document,
            );
            let gold = decldiff::eval::Gold::read(&gold, old.blocks.len(), new.blocks.len())?;
            let (alignment, method): (Alignment, &str) = if baseline {
                (align::baseline::align_greedy(&old, &new, tokenizer), "baseline: greedy difflib ratio ≥ 0.5")
            } else {
                (align::align(&old, &new, tokenizer, &align.to_options()), "decldiff")
            };
            let scores = decldiff::eval::score(&alignment, &gold);
            Ok(Outcome::ok(match output.format {
                FormatArg::Table => {
                    render_align::eval_table(&scores, &old.name, &new.name, method, output.table_options())
                }
                FormatArg::Json => render_align::eval_json(&scores, &old.name, &new.name, method),
            }))
        }
        Command::Eval(EvalCommand::Simulated { doc, edits, seeds, align, output }) => {
            let corpus = Corpus::discover(corpus_dir)?;
            let doc = corpus.load(&doc, decldiff::segment::ReadOptions::default())?.document;
            let (ours, baseline) = simulate_pairs(&doc, &edits.to_edits(), seeds, &align.to_options());
            let label = format!("{seeds} simulated {:?} revisions", edits).to_lowercase();
            let (ours, baseline) = (decldiff::eval::combine(&ours), decldiff::eval::combine(&baseline));
            Ok(Outcome::ok(match output.format {
                FormatArg::Table => {
                    render_align::eval_table(&ours, &doc.name, &label, "decldiff", output.table_options())
                        + &render_align::eval_table(
                            &baseline,
                            &doc.name,
                            &label,
                            "baseline: greedy difflib ratio ≥ 0.5",
                            output.table_options(),
                        )
                }
                FormatArg::Json => format!(
                    "[{},{}]\n",
                    render_align::eval_json(&ours, &doc.name, &label, "decldiff").trim_end(),
                    render_align::eval_json(&baseline, &doc.name, &label, "baseline").trim_end()
                ),
            }))
        }
        Command::Eval(EvalCommand::Themes { doc, themes, output }) => {
            let corpus = Corpus::discover(corpus_dir)?;
            let doc = corpus.load(&doc, decldiff::segment::ReadOptions::default())?.document;
            let lexicon = match themes {
                Some(path) => decldiff::theme::Lexicon::read(&path)?,
                None => decldiff::theme::Lexicon::builtin(),
            };
            let (alone, smoothed, per_theme) = decldiff::theme::leave_one_out(&doc, &lexicon, Tokenizer::shared());
            Ok(Outcome::ok(match output.format {
                FormatArg::Json => serde_json::to_string_pretty(&serde_json::json!({
                    "schema_version": decldiff::SCHEMA_VERSION,
                    "document": doc.name,
                    "accuracy_per_paragraph": alone,
                    "accuracy_with_sequence": smoothed,
                    "themes": per_theme.iter().map(|(t, c, n)| serde_json::json!({"theme": t, "correct": c, "paragraphs": n})).collect::<Vec<_>>(),
                }))
                .expect("JSON of plain values")
                    + "\n",
                FormatArg::Table => {
                    let mut out = format!(
                        "{}: themes by content, leave-one-out, headings hidden\naccuracy per paragraph alone: {alone:.4}\naccuracy with sequence smoothing: {smoothed:.4}\n",
                        doc.name
                    );
                    for (theme, correct, total) in per_theme {
                        out.push_str(&format!("  {theme}: {correct}/{total}\n"));
                    }
                    out
                }
            }))
        }
        Command::Simulate(SimulateCommand::Revision { doc, seed, edits, out }) => {
            let corpus = Corpus::discover(corpus_dir)?;
            let doc = corpus.load(&doc, decldiff::segment::ReadOptions::default())?.document;
            let revision = decldiff::simulate::revise(&doc, &edits.to_edits(), seed);
            std::fs::create_dir_all(&out).map_err(|e| decldiff::Error::Io {
                path: out.clone(),
                action: "creating".into(),
                source: e,
            })?;
            let write = |name: &str, text: &str| {
                let path = out.join(name);
                std::fs::write(&path, text).map_err(|e| decldiff::Error::Io {
                    path,
                    action: "writing".into(),
                    source: e,
                })
            };
            write("new.txt", &revision.text)?;
            let gold = serde_json::to_string_pretty(&revision.gold).expect("gold serializes") + "\n";
            write("gold.json", &gold)?;
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

fn simulate_pairs(
    doc: &decldiff::segment::Document,
    edits: &decldiff::simulate::Edits,
    seeds: u64,
    options: &align::AlignOptions,
) -> (Vec<decldiff::eval::AlignScores>, Vec<decldiff::eval::AlignScores>) {
    let tokenizer = Tokenizer::shared();
    let results: Vec<_> = (1..=seeds)
        .into_par_iter()
        .map(|seed| {
            let revision = decldiff::simulate::revise(doc, edits, seed);
            let new = decldiff::segment::Document::parse(format!("seed-{seed}"), &revision.text);
            let ours = decldiff::eval::score(&align::align(doc, &new, tokenizer, options), &revision.gold);
            let baseline = decldiff::eval::score(&align::baseline::align_greedy(doc, &new, tokenizer), &revision.gold);
            (ours, baseline)
        })
        .collect();
    results.into_iter().unzip()
}

fn provenance(tokenizer: &Tokenizer, options: &align::AlignOptions) -> render_align::Provenance {
    render_align::Provenance {
        segmenter: SEGMENTER_VERSION,
        dictionary: tokenizer.dictionary_hash().to_owned(),
        options: options.into(),
    }
}

fn run_corpus(command: CorpusCommand, corpus_dir: Option<&std::path::Path>) -> decldiff::Result<Outcome> {
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
                    c.catalog.entries.iter().map(|entry| render_corpus::Listed { collection: &c.name, entry })
                })
                .collect();
            Ok(Outcome::ok(match output.format {
                FormatArg::Table => render_corpus::list_table(&rows, output.table_options()),
                FormatArg::Json => render_corpus::list_json(&rows),
            }))
        }
        CorpusCommand::Show { doc, themes, read, output } => {
            let corpus = Corpus::discover(corpus_dir)?;
            let mut loaded = corpus.load(&doc, read.to_options()?)?;
            if compare::has_unassigned(&loaded.document) {
                let tokenizer = Tokenizer::shared();
                compare::theme_model(&corpus, themes.as_deref(), tokenizer)?.assign(&mut loaded.document, tokenizer);
            }
            Ok(Outcome::ok(match output.format {
                FormatArg::Table => render_corpus::show_table(&loaded, output.table_options()),
                FormatArg::Json => render_corpus::show_json(&loaded),
            }))
        }
        CorpusCommand::Add { file, collection, id, date, title, sources, status, force, read } => {
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
            // Warm the token cache with the stored text, so that comparing it later needs no
            // segmenter; a failure here changes nothing stored.
            if let Ok(corpus) = Corpus::open(&root) {
                let spec = format!("{}/{}", request.collection, request.id);
                let _ = corpus.load_tokenized(
                    &spec,
                    decldiff::segment::ReadOptions::default(),
                    &TokenCache::from_env(),
                    Tokenizer::shared(),
                );
            }
            let import = outcome.entry.import.as_ref();
            let verb = if outcome.replaced { "replaced" } else { "stored" };
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
        CorpusCommand::Simulate { series: years, collection, base, start, seed, force } => {
            series::run_simulate(corpus_dir, years, &collection, &base, start, seed, force)
        }
        CorpusCommand::Check { collection, repair, format } => {
            let root = match corpus_dir {
                Some(dir) => dir.to_path_buf(),
                None => match Corpus::discover(None)?.location() {
                    decldiff::corpus::Location::Dir(dir) => dir.clone(),
                    decldiff::corpus::Location::Embedded => {
                        // The built-in corpus is verified when the binary is built (its
                        // checksums are tested); there is nothing on disk to check.
                        return Ok(Outcome::ok("the built-in corpus is in use; nothing on disk to check\n".to_owned()));
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
            Ok(Outcome { stdout: vec![stdout], status })
        }
    }
}
