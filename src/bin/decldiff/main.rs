//! The `decldiff` command: parses the command line, calls the library, renders, prints, and
//! exits with 0 (success), 1 (problems or differences found) or 2 (error). Each command is
//! parse → call → render → print; the work is in the library (`decldiff::session`, `corpus`,
//! `lab`), the text in `decldiff::render`.

mod align_args;
mod cli;
mod compare;
mod corpus;
mod fetch;
mod lab;
mod options;
mod output;
mod series;
mod tidy;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

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
        Ok(outcome) => print(&outcome),
        Err(err) => {
            // The library's errors name their file and place; the first line says it all.
            eprintln!("error: {}", decldiff::render::terminal_safe(&err.to_string()));
            ExitCode::from(2)
        }
    }
}

fn print(outcome: &Outcome) -> ExitCode {
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

fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let corpus_dir = cli.corpus.as_deref();
    Ok(match cli.command {
        Command::Corpus(command) => corpus::run(command, corpus_dir)?,
        Command::Compare { old, new, by, format, exit_code, width, wide, color, bom, settings } => {
            let request = compare::Request { by, format, exit_code, width, wide, color, bom };
            compare::compare(corpus_dir, old, new, &settings, &request)?
        }
        Command::Report { old, new, output, title, format, settings } => {
            compare::report(corpus_dir, old, new, &settings, &compare::ReportRequest { output, title, format })?
        }
        Command::Align { old, new, align, read, output } => {
            compare::align(corpus_dir, &old, &new, &align, &read, &output)?
        }
        Command::Timeline { series: args, chart, output } => {
            series::timeline(corpus_dir, &args, chart.as_deref(), &output)?
        }
        Command::Terms { terms, top, series: args, chart, output } => {
            series::terms(corpus_dir, &terms, top, &args, chart.as_deref(), &output)?
        }
        Command::Lineage { doc, series: args, output } => series::lineage(corpus_dir, &doc, &args, &output)?,
        Command::Eval(command) => lab::eval(command, corpus_dir)?,
        Command::Simulate(command) => lab::simulate(command, corpus_dir)?,
        Command::Completions { shell } => output::completions(shell),
        Command::Man { out } => output::manual(out.as_deref())?,
    })
}
