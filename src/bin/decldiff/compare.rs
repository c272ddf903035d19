//! `decldiff compare` and `decldiff report`: load the documents, assign themes where a text
//! has no titled sections, compare, render.

use std::path::Path;

use std::sync::OnceLock;

use decldiff::classify::Ladders;
use decldiff::corpus::{Corpus, Loaded, TextStatus, TokenCache, load_file_tokenized};
use decldiff::endorsers::EndorserRules;
use decldiff::render::compare as render_compare;
use decldiff::render::html::{HtmlOptions, html};
use decldiff::score::CompareOptions;
use decldiff::segment::ReadOptions;
use decldiff::theme::{Lexicon, ThemeModel};
use decldiff::tokenize::Tokenizer;
use rayon::prelude::*;

use crate::Outcome;
use crate::cli::{ByArg, ColorArg, CompareFormat, CompareSettings, FormatArg, OutputArgs};

/// How `compare` prints.
pub(crate) struct Request {
    pub by: ByArg,
    pub format: CompareFormat,
    pub exit_code: bool,
    pub width: Option<u16>,
    pub color: ColorArg,
}

/// What every pair of a comparison shares: the corpus, the options and, built the first time a
/// document lacks titled sections, the theme model.
struct Session {
    corpus: Corpus,
    read: ReadOptions,
    cache: TokenCache,
    options: CompareOptions,
    /// The user's taxonomy (`--themes`), read before any document so that a bad file is an
    /// error whatever the documents.
    lexicon: Option<Lexicon>,
    model: OnceLock<ThemeModel>,
}

impl Session {
    /// The session and the old document. Reading the corpus and the old text runs beside
    /// parsing the rules, which costs as much (every comparison pays both before the first
    /// pair).
    fn open(corpus_dir: Option<&Path>, settings: &CompareSettings, old: &str) -> decldiff::Result<(Session, Loaded)> {
        let read = settings.read.to_options()?;
        let cache = TokenCache::from_env();
        let (documents, rules) = rayon::join(
            || -> decldiff::Result<(Corpus, Loaded)> {
                let tokenizer = Tokenizer::shared();
                if Corpus::names_a_file(old) {
                    // A file needs no catalog: read both at once, the text (the longer) first
                    // on this thread, the catalogs for another.
                    let (old, corpus) = rayon::join(
                        || load_file_tokenized(Path::new(old), read, &cache, tokenizer),
                        || Corpus::discover(corpus_dir),
                    );
                    return Ok((corpus?, old?));
                }
                let corpus = Corpus::discover(corpus_dir)?;
                let old = corpus.load_tokenized(old, read, &cache, tokenizer)?;
                Ok((corpus, old))
            },
            || -> decldiff::Result<(Ladders, EndorserRules, Option<Lexicon>)> {
                let ladders = match &settings.ladders {
                    Some(path) => Ladders::read(path)?,
                    None => Ladders::builtin(),
                };
                let lexicon = settings.themes.as_deref().map(Lexicon::read).transpose()?;
                Ok((ladders, EndorserRules::builtin(), lexicon))
            },
        );
        // The user's files first, whatever else failed.
        let (ladders, endorsers, lexicon) = rules?;
        let (corpus, old) = documents?;
        let session = Session {
            corpus,
            read,
            cache,
            options: CompareOptions {
                align: settings.align.to_options(),
                ladders,
                top_terms: 5,
                all: settings.all,
                endorsers,
            },
            lexicon,
            model: OnceLock::new(),
        };
        let old = session.with_themes(old);
        Ok((session, old))
    }

    /// Loads a document, with themes by content where it has no titled sections.
    fn load(&self, spec: &str) -> decldiff::Result<Loaded> {
        let loaded = self.corpus.load_tokenized(spec, self.read, &self.cache, Tokenizer::shared())?;
        Ok(self.with_themes(loaded))
    }

    /// The document with themes by content where it has no titled sections.
    fn with_themes(&self, mut loaded: Loaded) -> Loaded {
        if has_unassigned(&loaded.document) {
            let tokenizer = Tokenizer::shared();
            let model = self.model.get_or_init(|| train_theme_model(&self.corpus, self.lexicon.clone(), tokenizer));
            model.assign(&mut loaded.document, tokenizer);
        }
        loaded
    }
}

/// `decldiff compare`.
pub(crate) fn run_compare(
    corpus_dir: Option<&Path>,
    old: Option<String>,
    new: Vec<String>,
    settings: &CompareSettings,
    request: &Request,
) -> decldiff::Result<Outcome> {
    if request.format == CompareFormat::Html && new.len() > 1 {
        return Err(decldiff::Error::Usage {
            what: format!("--format html makes one page for one pair, and {} NEW were given", new.len()),
            hint: Some("give one NEW, or run `decldiff report OLD NEW -o FILE` for each".to_owned()),
        });
    }
    let (session, old) = Session::open(corpus_dir, settings, old.as_deref().unwrap_or(DEFAULT_OLD))?;
    let tokenizer = Tokenizer::shared();
    use std::io::IsTerminal;
    let colour = match request.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let render = render_compare::CompareRender {
        table: OutputArgs { format: FormatArg::Table, width: request.width }.table_options(),
        by: match request.by {
            ByArg::Theme => render_compare::By::Theme,
            ByArg::Paragraph => render_compare::By::Paragraph,
        },
        colour,
    };
    let new_specs = if new.is_empty() { vec![DEFAULT_NEW.to_owned()] } else { new };
    // The old document is profiled once for all pairs. Each NEW is loaded, compared, rendered
    // and dropped in one go, so a thread's memory is reused from pair to pair (fresh pages cost
    // more than the comparison) and no pair waits for every text to be read.
    let old_profile = old.profile(tokenizer);
    let format = request.format;
    let rendered: Vec<decldiff::Result<(String, bool)>> = new_specs
        .par_iter()
        .map(|spec| {
            let new = session.load(spec)?;
            let new_profile = new.profile(tokenizer);
            let mut report = decldiff::score::compare_profiles(&old_profile, &new_profile, tokenizer, &session.options);
            describe(&mut report.old, &old);
            describe(&mut report.new, &new);
            let text = match format {
                CompareFormat::Table => render_compare::table(&report, &render),
                CompareFormat::Markdown => render_compare::markdown(&report, &render),
                CompareFormat::Csv => render_compare::csv(&report, &render),
                CompareFormat::Json => render_compare::json(&report),
                CompareFormat::Html => html(&report, &old.document, &new.document, &HtmlOptions::default()),
            };
            Ok((text, report.substantive))
        })
        .collect();
    // The first error in the order of the arguments, whichever thread met it first.
    let rendered = rendered.into_iter().collect::<decldiff::Result<Vec<_>>>()?;
    let status = if request.exit_code && rendered.iter().any(|(_, substantive)| *substantive) { 1 } else { 0 };
    // Several JSON reports make one array; other formats follow one another, a blank line apart.
    let array = format == CompareFormat::Json && rendered.len() > 1;
    let (open, between, close) = if array { ("[", ",\n", "]\n") } else { ("", "\n", "") };
    let mut stdout = Vec::with_capacity(2 * rendered.len() + 1);
    stdout.push(open.to_owned());
    for (k, (mut text, _)) in rendered.into_iter().enumerate() {
        if k > 0 {
            stdout.push(between.to_owned());
        }
        if array {
            text.truncate(text.trim_end().len());
        }
        stdout.push(text);
    }
    stdout.push(close.to_owned());
    Ok(Outcome { stdout, status })
}

/// `decldiff report`.
pub(crate) fn run_report(
    corpus_dir: Option<&Path>,
    old: Option<String>,
    new: Option<String>,
    settings: &CompareSettings,
    output: Option<&Path>,
    title: Option<String>,
) -> decldiff::Result<Outcome> {
    let (session, old) = Session::open(corpus_dir, settings, old.as_deref().unwrap_or(DEFAULT_OLD))?;
    let new = session.load(new.as_deref().unwrap_or(DEFAULT_NEW))?;
    let tokenizer = Tokenizer::shared();
    let (old_profile, new_profile) = rayon::join(|| old.profile(tokenizer), || new.profile(tokenizer));
    let mut report = decldiff::score::compare_profiles(&old_profile, &new_profile, tokenizer, &session.options);
    describe(&mut report.old, &old);
    describe(&mut report.new, &new);
    let page = html(&report, &old.document, &new.document, &HtmlOptions { title });
    match output {
        None => Ok(Outcome::ok(page)),
        Some(path) => {
            write_atomically(path, page.as_bytes())?;
            Ok(Outcome::ok(String::new()))
        }
    }
}

/// Writes a file through a temporary one in the same folder and a rename, so that a reader
/// never sees half a page and an interrupted run leaves the previous file.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> decldiff::Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "report".to_owned());
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let temp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = std::fs::write(&temp, bytes).and_then(|()| std::fs::rename(&temp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(decldiff::Error::Io { path: path.to_owned(), action: "writing".to_owned(), source: e });
    }
    Ok(())
}

/// The pair `decldiff compare` runs without arguments: the shipped 2020 text and the
/// illustrative revision in the examples collection.
pub(crate) const DEFAULT_OLD: &str = "sco-2020";
pub(crate) const DEFAULT_NEW: &str = "examples/sco-2020-rev1";

pub(crate) fn has_unassigned(doc: &decldiff::segment::Document) -> bool {
    doc.iter_paragraphs().any(|b| b.theme == decldiff::segment::UNASSIGNED)
}

/// The theme model: the lexicon (built-in or the user's) and the themes of the corpus's
/// texts with titled sections (restricted to the user's themes when a lexicon is given).
pub(crate) fn theme_model(
    corpus: &Corpus,
    lexicon_path: Option<&Path>,
    tokenizer: &Tokenizer,
) -> decldiff::Result<ThemeModel> {
    let lexicon = lexicon_path.map(Lexicon::read).transpose()?;
    Ok(train_theme_model(corpus, lexicon, tokenizer))
}

/// [`theme_model`] with the user's lexicon, if any, already read.
fn train_theme_model(corpus: &Corpus, custom: Option<Lexicon>, tokenizer: &Tokenizer) -> ThemeModel {
    let mut documents = Vec::new();
    for collection in corpus.collections() {
        for entry in collection.catalog.entries.iter().filter(|e| e.present && e.status == TextStatus::Official) {
            // A text that does not read is reported by `corpus check`; it only goes untrained on here.
            let spec = format!("{}/{}", collection.name, entry.id);
            if let Ok(loaded) = corpus.load_tokenized(
                &spec,
                decldiff::segment::ReadOptions::default(),
                &TokenCache::from_env(),
                tokenizer,
            ) && loaded.document.has_titled_sections()
            {
                documents.push(loaded.document);
            }
        }
    }
    let mut examples = ThemeModel::examples(&documents.iter().collect::<Vec<_>>(), tokenizer);
    let lexicon = match custom {
        Some(lexicon) => {
            examples.retain(|(_, theme)| lexicon.themes.iter().any(|t| t.name == *theme));
            lexicon
        }
        None => Lexicon::builtin(),
    };
    ThemeModel::train(&examples, &lexicon)
}

/// Fills a report's document description from the catalog.
fn describe(info: &mut decldiff::report::DocInfo, loaded: &decldiff::corpus::Loaded) {
    if let Some((_, entry)) = &loaded.entry {
        info.title = entry.title_zh.clone();
        info.date = entry.date.clone();
        info.sources = entry.sources.iter().map(|s| s.url.clone()).collect();
        if entry.status != TextStatus::Official {
            info.status = serde_json::to_value(entry.status).ok().and_then(|v| v.as_str().map(str::to_owned));
        }
    }
}
