//! The command line: clap derive types and their conversion to library options.

use std::path::PathBuf;

mod args;

pub use args::*;
use clap::{Parser, Subcommand};

const EXAMPLES: &str = "\
Examples:
  decldiff compare                            the change table of the shipped illustrative pair
  decldiff compare sco-2020 revised.txt       what was added, dropped, softened or strengthened
  decldiff compare sco-2020 draft.docx --format markdown
  decldiff report sco-2020 revised.txt -o redline.html     the redline page, side by side
  decldiff align sco-2020 revised.txt         which paragraph became which
  decldiff corpus fetch --all                 download the real declarations (the only network use)
  decldiff corpus list                        every declaration in the catalog
  decldiff corpus show sco-2020               the 2020 Moscow declaration, block by block
  decldiff corpus add saved-page.html --collection sco --id sco-2022
  decldiff timeline                           the series year by year: themes and changes
  decldiff terms 反恐 数字经济                terms year by year
  decldiff lineage sco-2024                   where each paragraph's wording first appeared
  decldiff eval align --gold gold.json sco-2020 revised.txt
  decldiff simulate series --years 25 --collection sim
  decldiff completions bash                   shell completions; `decldiff man` the manual page

Inputs are corpus ids or files (text, HTML, .docx; `-` for standard input).
Exit status: 0 success, 1 problems found (corpus check, a failed fetch, compare --exit-code), 2 error.";

/// Compare summit declarations paragraph by paragraph and word by word.
///
/// decldiff keeps a corpus of declarations (first the heads-of-state declarations of the
/// Shanghai Cooperation Organisation), reads any text a user brings (UTF-8, UTF-16, GB18030,
/// Big5, Traditional characters, saved HTML pages) into one clean form, segments it into
/// headings, paragraphs and the closing block, aligns two declarations paragraph by paragraph,
/// diffs their wording word by word, classifies every change (commitments strengthened or
/// softened, numbers, entities, clauses) and tabulates it per theme.
#[derive(Debug, Parser)]
#[command(name = "decldiff", version, after_help = EXAMPLES)]
pub struct Cli {
    /// Corpus folder [default: $DECLDIFF_CORPUS, else ./corpora, else the built-in corpus]
    #[arg(long, global = true, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Top-level commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Manage the corpus: list, show, fetch, add and check declarations.
    #[command(subcommand)]
    Corpus(CorpusCommand),
    /// Compare declarations: the change table per theme (added, removed, reworded, moved,
    /// commitments strengthened or softened), then every change with its word diff. Without
    /// arguments, the shipped illustrative pair; with several NEW, OLD against each.
    #[command(
        after_help = "Examples:\n  decldiff compare\n  decldiff compare sco-2020 examples/sco-2020-rev1 --format markdown\n  decldiff compare draft.txt final.txt --by paragraph --all\n  decldiff compare old.txt new.txt --exit-code > /dev/null || echo changed\n  decldiff compare base.txt v1.txt v2.txt v3.txt --format json\n  decldiff compare sco-2019 sco-2020 sco-2021 --format csv --by edit > edits.csv\n  decldiff compare sco-2019 sco-2020 sco-2021 --format xlsx > changes.xlsx\n\nExit status: 0 success (with --exit-code: no substantive difference), 1 substantive differences (with --exit-code), 2 error.\nScores: docs/scoring.md. JSON: docs/json-format.md."
    )]
    Compare {
        /// The old declaration (corpus id or file) [default: sco-2020]
        old: Option<String>,
        /// The new declaration(s) [default: examples/sco-2020-rev1]
        new: Vec<String>,
        /// Rows per theme (with the list of changes), per changed paragraph, per pair or per
        /// edit; in CSV, the tidy table of that level (docs/tables.md).
        #[arg(long, value_enum, default_value_t = ByArg::Theme)]
        by: ByArg,
        /// Output format (html: the redline page of `decldiff report`, for one NEW).
        #[arg(long, value_enum, default_value_t = CompareFormat::Table)]
        format: CompareFormat,
        /// Exit 1 if there are substantive differences, as diff(1) does.
        #[arg(long)]
        exit_code: bool,
        /// Table width in columns, 40 to 1000 [default: the terminal's, else $COLUMNS, else 100]
        #[arg(long, value_parser = clap::value_parser!(u16).range(40..=1000))]
        width: Option<u16>,
        /// Every column, with characters beside counts, however wide the table gets
        #[arg(long)]
        wide: bool,
        /// Colour in inline diffs [default: auto: on a terminal, unless NO_COLOR is set]
        #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
        color: ColorArg,
        /// CSV: start with a UTF-8 byte-order mark, for Excel
        #[arg(long)]
        bom: bool,
        #[command(flatten)]
        settings: CompareSettings,
    },
    /// Write the redline report of two declarations: one self-contained HTML page with the
    /// change table and both texts side by side, changes marked; or a Word document with the
    /// changes tracked (--format docx). Without arguments, the shipped illustrative pair.
    #[command(
        after_help = "Examples:\n  decldiff report -o report.html\n  decldiff report sco-2020 examples/sco-2020-rev1 -o report.html --title \"2020: draft vs final\"\n  decldiff report draft.txt final.txt > report.html\n  decldiff report sco-2020 examples/sco-2020-rev1 -o redline.docx   Word, changes tracked\n\nThe page and the Word redline: docs/report.md."
    )]
    Report {
        /// The old declaration (corpus id or file) [default: sco-2020]
        old: Option<String>,
        /// The new declaration (corpus id or file) [default: examples/sco-2020-rev1]
        new: Option<String>,
        /// Write the report to this file (replaced atomically) instead of stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The report's title [default: "OLD → NEW"]
        #[arg(long)]
        title: Option<String>,
        /// html, or docx (Word, tracked changes) [default: docx when FILE ends in .docx, else html]
        #[arg(long, value_enum)]
        format: Option<crate::compare::ReportFormat>,
        #[command(flatten)]
        settings: CompareSettings,
    },
    /// Align two declarations paragraph by paragraph: identical, reworded, moved, split,
    /// merged, added, deleted. OLD and NEW are corpus ids or files.
    #[command(
        after_help = "Examples:\n  decldiff align sco-2020 examples/sco-2020-rev1\n  decldiff align draft.txt final.txt --format json\n\nJSON: docs/json-format.md. Method and thresholds: docs/alignment.md."
    )]
    Align {
        /// The old declaration (corpus id or file).
        old: String,
        /// The new declaration (corpus id or file).
        new: String,
        #[command(flatten)]
        align: AlignArgs,
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// The series over the years: every consecutive pair of a collection's texts compared;
    /// per year, each theme's share and what was added, removed, reworded and moved, the
    /// wording shift, commitment shifts and changes of endorsers.
    #[command(
        after_help = "Examples:\n  decldiff timeline --collection sim\n  decldiff timeline --collection sim --from 2010 --to 2020 --format csv\n  decldiff timeline --collection sim --chart timeline.svg\n\nThe commands and their measures: docs/series.md."
    )]
    Timeline {
        #[command(flatten)]
        series: SeriesArgs,
        /// Also write a chart: theme shares by year and each theme's change volume, a panel per
        /// theme (SVG; PNG at 2× when FILE ends in .png; docs/charts.md)
        #[arg(long, value_name = "FILE")]
        chart: Option<PathBuf>,
        #[command(flatten)]
        output: SeriesOutput,
    },
    /// Terms year by year: count, rate per 10,000 characters, themes and blocks, first and
    /// last year, gaps and returns (variant forms through data/aliases.toml). Without TERM,
    /// the --top terms that rose and fell most between the first and the last year.
    #[command(
        after_help = "Examples:\n  decldiff terms 上合组织 联合国 --collection sim\n  decldiff terms --top 5 --collection sim\n  decldiff terms 氢能 冰雪旅游 --collection sim --chart terms.svg"
    )]
    Terms {
        /// The terms.
        terms: Vec<String>,
        /// Without terms: this many that rose most and this many that fell most.
        #[arg(long, default_value_t = 5)]
        top: usize,
        #[command(flatten)]
        series: SeriesArgs,
        /// Also write a chart: each term's rate by year, a panel per term (SVG; PNG at 2× when
        /// FILE ends in .png; docs/charts.md)
        #[arg(long, value_name = "FILE")]
        chart: Option<PathBuf>,
        #[command(flatten)]
        output: SeriesOutput,
    },
    /// Where each paragraph of DOC comes from: its closest ancestor in every earlier text of
    /// the collection, the year its wording first appeared, verbatim / edited / new; per
    /// theme, the share carried over.
    #[command(
        after_help = "Examples:\n  decldiff lineage sim-2025 --collection sim\n  decldiff lineage sim-2025 --collection sim --format json"
    )]
    Lineage {
        /// The declaration (an id of the collection).
        doc: String,
        #[command(flatten)]
        series: SeriesArgs,
        #[command(flatten)]
        output: SeriesOutput,
    },
    /// Measure accuracy: reading saved copies, an alignment against gold, simulated revisions,
    /// themes, and the series commands against a simulated series' truth (docs/accuracy.md).
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Make illustrative test data, labelled so: a simulated revision with its gold alignment,
    /// or a simulated series of declarations with its truth.
    #[command(subcommand)]
    Simulate(SimulateCommand),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(
        after_help = "Examples:\n  decldiff completions bash > ~/.local/share/bash-completion/completions/decldiff\n  decldiff completions zsh > ~/.zfunc/_decldiff\n  decldiff completions fish > ~/.config/fish/completions/decldiff.fish"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or write one page per command into DIR.
    #[command(after_help = "Examples:\n  decldiff man | man -l -\n  decldiff man --out ~/.local/share/man/man1")]
    Man {
        /// Write decldiff.1 and decldiff-COMMAND.1 for every command into this folder.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

/// `decldiff eval …`
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Reading saved copies against their gold: the pages of DIR (each with a
    /// `<page>.gold.json`, tests/data/copies/README.md), line by line and block by block.
    #[command(
        after_help = "Examples:\n  decldiff eval copies tests/data/copies/dev\n  decldiff eval copies tests/data/copies/heldout --format json\n\nFigures: docs/accuracy.md."
    )]
    Copies {
        /// The folder of pages and gold files.
        dir: std::path::PathBuf,
        /// List each page's misses.
        #[arg(long)]
        verbose: bool,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Commitment changes against a gold set: DIR holds draft.txt, final.txt and gold.json
    /// (tests/data/commitments/README.md); recall with the right direction, precision, and
    /// the traps reported.
    #[command(
        after_help = "Examples:\n  decldiff eval commitments tests/data/commitments/dev --verbose\n\nFigures: docs/accuracy.md."
    )]
    Commitments {
        /// The folder of the set.
        dir: std::path::PathBuf,
        /// List the misses and the wrong reports.
        #[arg(long)]
        verbose: bool,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Measure the series commands against a simulated series' truth (simulate series
    /// --series): lineage first years and ancestors, term years, the narrowed endorsement,
    /// theme shares.
    #[command(
        after_help = "Examples:\n  decldiff simulate series --years 25 --collection sim\n  decldiff eval series --collection sim"
    )]
    Series {
        /// The simulated collection.
        #[arg(long, default_value = "sim")]
        collection: String,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Link precision, recall and F1 over (old, new) pairs, recall per kind, and F1 of the
    /// deleted and added blocks, against GOLD (the JSON shape of `align --format json`).
    #[command(
        after_help = "Examples:\n  decldiff eval align --gold tests/data/rev1/gold.json sco-2020 tests/data/rev1/new.txt\n  decldiff eval align --baseline --gold gold.json old.txt new.txt"
    )]
    Align {
        /// The gold alignment.
        #[arg(long, value_name = "GOLD.json")]
        gold: std::path::PathBuf,
        /// The old declaration (corpus id or file).
        old: String,
        /// The new declaration (corpus id or file).
        new: String,
        /// Measure the naive baseline (greedy best difflib ratio) instead of decldiff's aligner.
        #[arg(long)]
        baseline: bool,
        #[command(flatten)]
        align: AlignArgs,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Themes by content, measured: hide the headings of DOC, predict each paragraph's theme
    /// (leave-one-out, and the taxonomy's classifier); or, with --set, the taxonomy's
    /// classifier on a labelled set (cross-validated when it is the training set).
    #[command(
        after_help = "Examples:\n  decldiff eval themes sco-2020\n  decldiff eval themes --set tests/data/themes/dev.jsonl --verbose"
    )]
    Themes {
        /// The declaration (corpus id or file) [default: sco-2020]
        #[arg(default_value = "sco-2020")]
        doc: String,
        /// Theme taxonomy (TOML, docs/themes.md) [default: the built-in data/taxonomy.toml]
        #[arg(long, value_name = "FILE")]
        themes: Option<std::path::PathBuf>,
        /// A labelled set (JSON lines: id, theme, text) to measure the taxonomy classifier on.
        #[arg(long, value_name = "FILE.jsonl")]
        set: Option<std::path::PathBuf>,
        /// With --set, list the confusions and every paragraph missed.
        #[arg(long)]
        verbose: bool,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Simulate revisions of DOC for SEEDS seeds, align each, and report the combined
    /// (micro-averaged) scores of decldiff's aligner and of the naive baseline.
    #[command(
        after_help = "Examples:\n  decldiff eval simulated sco-2020 --edits light --seeds 50\n  decldiff eval simulated sco-2020 --edits heavy --seeds 50 --format json\n  decldiff eval simulated sco-2020 --edits yearly --seeds 50"
    )]
    Simulated {
        /// The declaration to revise (corpus id or file).
        doc: String,
        /// How heavy the revisions are.
        #[arg(long, value_enum, default_value_t = EditsArg::Light)]
        edits: EditsArg,
        /// How many revisions (seeds 1..=SEEDS).
        #[arg(long, default_value_t = 50)]
        seeds: u64,
        #[command(flatten)]
        align: AlignArgs,
        #[command(flatten)]
        output: OutputArgs,
    },
}

/// `decldiff simulate …`
#[derive(Debug, Subcommand)]
pub enum SimulateCommand {
    /// Write a simulated revision of DOC and its gold alignment (illustrative, not an
    /// official text).
    #[command(
        after_help = "Examples:\n  decldiff simulate revision sco-2020 --seed 7 --edits heavy --out /tmp/rev7\n  decldiff simulate revision sco-2020 --seed 3 --edits yearly --out /tmp/year3"
    )]
    Revision {
        /// The declaration to revise (corpus id or file).
        doc: String,
        /// The seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// How heavy the revision is.
        #[arg(long, value_enum, default_value_t = EditsArg::Light)]
        edits: EditsArg,
        /// Folder to write new.txt and gold.json into (created).
        #[arg(long, value_name = "DIR")]
        out: std::path::PathBuf,
    },
    /// Write a simulated, illustrative series of declarations grown from BASE into a
    /// collection, with the truth the series commands are measured against (truth.json).
    #[command(
        after_help = "Examples:\n  decldiff simulate series --years 25 --collection sim\n  decldiff simulate series --years 10 --collection sim10 --seed 3 --start 2016"
    )]
    Series(crate::lab::SeriesSimArgs),
}

/// `decldiff corpus …`
#[derive(Debug, Subcommand)]
pub enum CorpusCommand {
    /// List every declaration of the catalog, with its text or not.
    #[command(after_help = "Examples:\n  decldiff corpus list\n  decldiff corpus list --collection sco --format json")]
    List {
        /// Only this collection.
        #[arg(long, value_name = "C")]
        collection: Option<String>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Show a declaration's metadata and structure: every block with its index, kind, theme
    /// and text. DOC is a corpus id (sco-2020, examples/sco-2020-rev1) or a file.
    #[command(
        after_help = "Examples:\n  decldiff corpus show sco-2020\n  decldiff corpus show draft.txt --format json\n  decldiff corpus show page.html --encoding gb18030"
    )]
    Show {
        /// Corpus id or file path.
        doc: String,
        /// Theme taxonomy for texts without titled sections (TOML, docs/themes.md)
        #[arg(long, value_name = "FILE")]
        themes: Option<std::path::PathBuf>,
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Read a file (any supported encoding, text or HTML), normalize it and store it in a
    /// collection; the catalog is updated atomically.
    #[command(
        after_help = "Examples:\n  decldiff corpus add moscow.txt --collection sco --id sco-2020 --force\n  decldiff corpus add page.html --collection sco --id sco-2022 --source http://…\n  decldiff corpus add draft.txt --collection drafts --id draft-1 --date 2024-06-01 --title 草案"
    )]
    Add {
        /// The file to read.
        file: PathBuf,
        /// The collection to store it in (created if it does not exist).
        #[arg(long, value_name = "C")]
        collection: String,
        /// The entry's id: lowercase letters, digits and `-` (sco-2022).
        #[arg(long)]
        id: String,
        /// The declaration's date, YYYY-MM-DD.
        #[arg(long)]
        date: Option<String>,
        /// The Chinese title.
        #[arg(long)]
        title: Option<String>,
        /// An address where the text is published (repeatable).
        #[arg(long = "source", value_name = "URL")]
        sources: Vec<String>,
        /// What the text is.
        #[arg(long, value_enum)]
        status: Option<StatusArg>,
        /// Replace a text already stored for this id.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// The former place of `decldiff simulate series` (kept so that old scripts run).
    #[command(hide = true)]
    Simulate(crate::lab::SeriesSimArgs),
    /// Verify every stored text against its checksum and that it reads; one line per problem.
    #[command(
        after_help = "Examples:\n  decldiff corpus check\n  decldiff corpus check --repair\n\nExit status: 0 no problems, 1 problems found, 2 error."
    )]
    Check {
        /// Only this collection.
        #[arg(long, value_name = "C")]
        collection: Option<String>,
        /// First finish or roll back writes that were interrupted.
        #[arg(long)]
        repair: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Table)]
        format: FormatArg,
    },
    /// Download declarations from the catalog's sources (or --from URL), check each is the
    /// declaration its entry describes, and store it with its provenance. The only command
    /// that uses the network.
    #[command(after_help = crate::fetch::EXAMPLES)]
    Fetch(crate::fetch::FetchArgs),
}

/// A count of simulated years: 0 is refused by the library with its own message; more than 500
/// is not a series of declarations.
pub(crate) fn at_most_500(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if n <= 500 => Ok(n),
        _ => Err(format!("`{text}` is not a number of years from 1 to 500")),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
