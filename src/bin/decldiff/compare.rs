//! `decldiff compare` and `decldiff report`: load the documents, assign themes where a text
//! has no titled sections, compare, render.

use std::path::Path;

use decldiff::corpus::{Corpus, Loaded, TextStatus, TokenCache};
use decldiff::render::compare as render_compare;
use decldiff::render::html::{HtmlOptions, html};
use decldiff::score::CompareOptions;
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

/// The documents of a comparison, loaded, with themes where they lacked them.
struct Loaded2 {
    old: Loaded,
    news: Vec<Loaded>,
    options: CompareOptions,
}

fn load(
    corpus_dir: Option<&Path>,
    old: Option<String>,
    news: Vec<String>,
    settings: &CompareSettings,
) -> decldiff::Result<Loaded2> {
    let corpus = Corpus::discover(corpus_dir)?;
    let read = settings.read.to_options()?;
    let old_spec = old.unwrap_or_else(|| DEFAULT_OLD.to_owned());
    let new_specs = if news.is_empty() { vec![DEFAULT_NEW.to_owned()] } else { news };
    let ladders = match &settings.ladders {
        Some(path) => decldiff::classify::Ladders::read(path)?,
        None => decldiff::classify::Ladders::builtin(),
    };
    let options = CompareOptions {
        align: settings.align.to_options(),
        ladders,
        top_terms: 5,
        all: settings.all,
        endorsers: decldiff::endorsers::EndorserRules::builtin(),
    };
    let (tokenizer, cache) = (Tokenizer::shared(), TokenCache::from_env());
    let mut old = corpus.load_tokenized(&old_spec, read, &cache, tokenizer)?;
    let mut news = new_specs
        .par_iter()
        .map(|spec| corpus.load_tokenized(spec, read, &cache, tokenizer))
        .collect::<decldiff::Result<Vec<_>>>()?;
    if std::iter::once(&old).chain(&news).any(|l| has_unassigned(&l.document)) {
        let model = theme_model(&corpus, settings.themes.as_deref(), tokenizer)?;
        for loaded in std::iter::once(&mut old).chain(news.iter_mut()) {
            model.assign(&mut loaded.document, tokenizer);
        }
    }
    Ok(Loaded2 { old, news, options })
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
    let Loaded2 { old, news, options } = load(corpus_dir, old, new, settings)?;
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
    // The old document is profiled once for all pairs; each pair's report is rendered and
    // dropped as soon as it is made, so memory stays that of one pair per thread.
    let old_profile = old.profile(tokenizer);
    let format = request.format;
    let rendered: Vec<(String, bool)> = news
        .par_iter()
        .map(|new| {
            let new_profile = new.profile(tokenizer);
            let mut report = decldiff::score::compare_profiles(&old_profile, &new_profile, tokenizer, &options);
            describe(&mut report.old, &old);
            describe(&mut report.new, new);
            let text = match format {
                CompareFormat::Table => render_compare::table(&report, &render),
                CompareFormat::Markdown => render_compare::markdown(&report, &render),
                CompareFormat::Csv => render_compare::csv(&report, &render),
                CompareFormat::Json => render_compare::json(&report),
                CompareFormat::Html => html(&report, &old.document, &new.document, &HtmlOptions::default()),
            };
            (text, report.substantive)
        })
        .collect();
    let stdout = match format {
        CompareFormat::Json if rendered.len() > 1 => {
            let parts: Vec<&str> = rendered.iter().map(|(text, _)| text.trim_end()).collect();
            format!("[{}]\n", parts.join(",\n"))
        }
        _ => rendered.iter().map(|(text, _)| text.as_str()).collect::<Vec<_>>().join("\n"),
    };
    let status = if request.exit_code && rendered.iter().any(|(_, substantive)| *substantive) { 1 } else { 0 };
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
    let Loaded2 { old, news, options } = load(corpus_dir, old, new.into_iter().collect(), settings)?;
    let new = &news[0];
    let mut report = decldiff::score::compare(&old.document, &new.document, Tokenizer::shared(), &options);
    describe(&mut report.old, &old);
    describe(&mut report.new, new);
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
    lexicon_path: Option<&std::path::Path>,
    tokenizer: &Tokenizer,
) -> decldiff::Result<decldiff::theme::ThemeModel> {
    use decldiff::theme::{Lexicon, ThemeModel};
    let lexicon = match lexicon_path {
        Some(path) => Lexicon::read(path)?,
        None => Lexicon::builtin(),
    };
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
    if lexicon_path.is_some() {
        examples.retain(|(_, theme)| lexicon.themes.iter().any(|t| t.name == *theme));
    }
    Ok(ThemeModel::train(&examples, &lexicon))
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
