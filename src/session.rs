//! The library's front door: a [`Session`] opens a corpus with its options and rules, loads
//! declarations by corpus id or file path, compares one old declaration with many new ones,
//! aligns, and runs the series commands. The command-line tool is a thin layer over it, and a
//! binding for another language would wrap the same calls.
//!
//! ```no_run
//! use decldiff::session::{Session, SessionOptions};
//!
//! let session = Session::open(&SessionOptions::default())?;
//! let old = session.load("sco-2020")?;
//! let new = session.load("examples/sco-2020-rev1")?;
//! let report = session.compare(&old, &new);
//! println!("{} changes, substantive: {}", report.changes.len(), report.substantive);
//! # Ok::<(), decldiff::Error>(())
//! ```

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rayon::prelude::*;

use crate::align::{self, AlignOptions, Alignment};
use crate::classify::Ladders;
use crate::corpus::{Corpus, Loaded, TextStatus, TokenCache, load_file_tokenized};
use crate::endorsers::EndorserRules;
use crate::error::{Error, Result};
use crate::report::{DocInfo, Report, Term};
use crate::score::{self, CompareOptions};
use crate::segment::{Document, ReadOptions};
use crate::series::lineage::Lineage;
use crate::series::terms::{Aliases, TermSeries};
use crate::series::timeline::Timeline;
use crate::series::{Member, Series, year_of};
use crate::theme::content::{ContentClassifier, training_set};
use crate::theme::taxonomy::Taxonomy;
use crate::tokenize::Tokenizer;

/// How to open a [`Session`]. The default reads the corpus decldiff finds (`$DECLDIFF_CORPUS`,
/// `./corpora`, else the built-in copy) with the built-in rules.
#[derive(Debug, Clone)]
pub struct SessionOptions {
    /// The corpus folder; `None` finds it as [`Corpus::discover`] does.
    pub corpus: Option<PathBuf>,
    /// How to read files (forced encoding, HTML or text).
    pub read: ReadOptions,
    /// Where tokenized documents are cached; by default `$DECLDIFF_CACHE` or the user's cache.
    pub cache: TokenCache,
    /// A ladders file replacing the built-in commitment ladders.
    pub ladders: Option<PathBuf>,
    /// A taxonomy replacing the built-in themes by content.
    pub themes: Option<PathBuf>,
    /// Alignment thresholds.
    pub align: AlignOptions,
    /// List editorial changes too.
    pub all: bool,
    /// How many terms keyness lists per theme.
    pub top_terms: usize,
}

impl Default for SessionOptions {
    fn default() -> Self {
        SessionOptions {
            corpus: None,
            read: ReadOptions::default(),
            cache: TokenCache::from_env(),
            ladders: None,
            themes: None,
            align: AlignOptions::default(),
            all: false,
            top_terms: 5,
        }
    }
}

/// How far reading the members of a series has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// This many texts will be read.
    Total(usize),
    /// One more text was read.
    Read,
}

/// Which declarations of a collection a series command takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesQuery {
    /// The collection.
    pub collection: String,
    /// The first year taken.
    pub from: Option<i32>,
    /// The last year taken.
    pub to: Option<i32>,
}

impl SeriesQuery {
    /// Every dated text of `collection`.
    pub fn all(collection: &str) -> SeriesQuery {
        SeriesQuery { collection: collection.to_owned(), from: None, to: None }
    }
}

/// The terms a series rose and fell most on between its first and last year, and how every
/// followed term fared year by year.
#[derive(Debug, Clone)]
pub struct TermsOutcome {
    /// Picked by keyness when no terms were asked for: (first year, last year, rose, fell).
    pub picked: Option<(i32, i32, Vec<Term>, Vec<Term>)>,
    /// Every term followed.
    pub followed: Vec<TermSeries>,
}

/// An open corpus with the rules a comparison needs. Cheap to share between threads.
pub struct Session {
    corpus: Corpus,
    read: ReadOptions,
    cache: TokenCache,
    options: CompareOptions,
    /// The user's taxonomy, read before any document so that a bad file is an error whatever
    /// the documents.
    taxonomy: Option<Taxonomy>,
    classifier: OnceLock<ContentClassifier>,
}

impl Session {
    /// Opens the corpus and reads the rules (in parallel: each costs about as much).
    ///
    /// # Errors
    /// A catalog, ladders or taxonomy file that cannot be read or parsed.
    pub fn open(options: &SessionOptions) -> Result<Session> {
        let (corpus, rules) = rayon::join(|| Corpus::discover(options.corpus.as_deref()), || Rules::read(options));
        Ok(Session::new(corpus?, rules?, options))
    }

    /// Opens the session and loads its first document at once: the document is read while
    /// the rules are parsed, and a file needs no catalog, so it is read beside them. Every
    /// comparison pays these steps before its first pair.
    ///
    /// # Errors
    /// As [`Session::open`] (the user's rule files are reported first) and [`Session::load`].
    pub fn open_with(options: &SessionOptions, first: &str) -> Result<(Session, Loaded)> {
        let (documents, rules) = rayon::join(
            || -> Result<(Corpus, Loaded)> {
                let tokenizer = Tokenizer::shared();
                let cache = &options.cache;
                if Corpus::names_a_file(first) {
                    // The text (the longer task) on this thread, the catalogs on another.
                    let (loaded, corpus) = rayon::join(
                        || load_file_tokenized(Path::new(first), options.read, cache, tokenizer),
                        || Corpus::discover(options.corpus.as_deref()),
                    );
                    return Ok((corpus?, loaded?));
                }
                let corpus = Corpus::discover(options.corpus.as_deref())?;
                let loaded = corpus.load_tokenized(first, options.read, cache, tokenizer)?;
                Ok((corpus, loaded))
            },
            || Rules::read(options),
        );
        let rules = rules?;
        let (corpus, first) = documents?;
        let session = Session::new(corpus, rules, options);
        let first = session.with_themes(first);
        Ok((session, first))
    }

    fn new(corpus: Corpus, rules: Rules, options: &SessionOptions) -> Session {
        let theme_order = rules.taxonomy.as_ref().map_or_else(Taxonomy::builtin_names, Taxonomy::names);
        Session {
            corpus,
            read: options.read,
            cache: options.cache.clone(),
            options: CompareOptions {
                align: options.align,
                ladders: rules.ladders,
                top_terms: options.top_terms,
                all: options.all,
                endorsers: rules.endorsers,
                theme_order,
            },
            taxonomy: rules.taxonomy,
            classifier: OnceLock::new(),
        }
    }

    /// The corpus.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The options every comparison of this session uses.
    pub fn compare_options(&self) -> &CompareOptions {
        &self.options
    }

    /// Loads a declaration by corpus id or file path, tokenized (through the corpus index or
    /// the token cache), with themes by content where it has no titled sections.
    ///
    /// # Errors
    /// Reading and decoding errors; [`Error::UnknownDocument`] when it is neither.
    pub fn load(&self, spec: &str) -> Result<Loaded> {
        Ok(self.with_themes(self.load_unthemed(spec)?))
    }

    /// [`Session::load`] with the built-in taxonomy's themes whatever the session's taxonomy
    /// (those the token cache keeps).
    ///
    /// # Errors
    /// As [`Session::load`].
    pub fn load_unthemed(&self, spec: &str) -> Result<Loaded> {
        self.corpus.load_tokenized(spec, self.read, &self.cache, Tokenizer::shared())
    }

    /// Reads a declaration without the token cache (as `corpus show` does), with themes by
    /// content where it has no titled sections.
    ///
    /// # Errors
    /// As [`Session::load`].
    pub fn read(&self, spec: &str) -> Result<Loaded> {
        let loaded = self.corpus.load(spec, self.read)?;
        Ok(self.with_themes(loaded))
    }

    /// The document with every paragraph's theme (docs/themes.md).
    fn with_themes(&self, mut loaded: Loaded) -> Loaded {
        if !(loaded.builtin_themes && self.taxonomy.is_none()) {
            crate::theme::assign(&mut loaded.document, self.classifier());
        }
        loaded
    }

    /// The theme classifier: the built-in one, or one trained for the user's taxonomy on the
    /// built-in examples of the themes it shares (its keywords alone for the others).
    pub fn classifier(&self) -> &ContentClassifier {
        match &self.taxonomy {
            None => ContentClassifier::builtin(),
            Some(taxonomy) => self.classifier.get_or_init(|| {
                let mut examples = training_set();
                examples.retain(|e| taxonomy.index(&e.theme).is_some());
                ContentClassifier::train(taxonomy, &examples)
            }),
        }
    }

    /// Compares two loaded declarations: the report with both documents described from the
    /// catalog.
    pub fn compare(&self, old: &Loaded, new: &Loaded) -> Report {
        let tokenizer = Tokenizer::shared();
        let (old_profile, new_profile) = rayon::join(|| old.profile(tokenizer), || new.profile(tokenizer));
        let mut report = score::compare_profiles(&old_profile, &new_profile, tokenizer, &self.options);
        describe(&mut report.old, old);
        describe(&mut report.new, new);
        report
    }

    /// Compares `old` with each of `new` (corpus ids or paths), in parallel, and hands each
    /// report with its two documents to `each` as soon as it is made; the results come back
    /// in the order of `new`. `old` is profiled once; each new declaration is loaded,
    /// compared, handed over and dropped in one task, so a thread's memory is reused from pair
    /// to pair and no pair waits for every text to be read.
    ///
    /// # Errors
    /// The first error in the order of `new`, whichever thread met it first.
    pub fn compare_each<T: Send>(
        &self,
        old: &Loaded,
        new: &[String],
        each: impl Fn(&Report, &Loaded, &Loaded) -> T + Sync,
    ) -> Result<Vec<T>> {
        let tokenizer = Tokenizer::shared();
        let old_profile = old.profile(tokenizer);
        let results: Vec<Result<T>> = new
            .par_iter()
            .map(|spec| {
                let new = self.load(spec)?;
                let new_profile = new.profile(tokenizer);
                let mut report = score::compare_profiles(&old_profile, &new_profile, tokenizer, &self.options);
                describe(&mut report.old, old);
                describe(&mut report.new, &new);
                Ok(each(&report, old, &new))
            })
            .collect();
        results.into_iter().collect()
    }

    /// Aligns two declarations paragraph by paragraph.
    pub fn align(&self, old: &Document, new: &Document) -> Alignment {
        align::align(old, new, Tokenizer::shared(), &self.options.align)
    }

    /// How this session's alignments are made, as `align --format json` states it.
    pub fn align_provenance(&self) -> align::Provenance {
        let tokenizer = Tokenizer::shared();
        align::Provenance {
            segmenter: crate::tokenize::SEGMENTER_VERSION,
            dictionary: tokenizer.dictionary_hash().to_owned(),
            options: (&self.options.align).into(),
        }
    }

    /// The collection's stored texts with a date, in year order (within the query's years),
    /// tokenized, with themes where they lack titled sections.
    ///
    /// # Errors
    /// [`Error::UnknownCollection`]; [`Error::Series`] when no text qualifies; reading errors.
    pub fn members(&self, query: &SeriesQuery) -> Result<Vec<Member>> {
        self.members_with_progress(query, &|_| {})
    }

    /// [`Session::members`], telling `progress` how many texts will be read, then each one
    /// read (for a progress bar).
    ///
    /// # Errors
    /// As [`Session::members`].
    pub fn members_with_progress(
        &self,
        query: &SeriesQuery,
        progress: &(dyn Fn(Progress) + Sync),
    ) -> Result<Vec<Member>> {
        let collection = self.corpus.collection(&query.collection)?;
        let mut wanted: Vec<(i32, String, String)> = collection
            .catalog
            .entries
            .iter()
            .filter(|e| e.present)
            .filter_map(|e| Some((year_of(e.date.as_deref()?)?, e.date.clone()?, e.id.clone())))
            .filter(|(year, _, _)| query.from.is_none_or(|f| *year >= f) && query.to.is_none_or(|t| *year <= t))
            .collect();
        wanted.sort();
        if wanted.is_empty() {
            return Err(Error::Series {
                collection: query.collection.clone(),
                what: "no stored text with a date in the years asked".to_owned(),
                hint: Some("add texts with `decldiff corpus add`, or simulate a series with `decldiff simulate series --years 25`".to_owned()),
            });
        }
        progress(Progress::Total(wanted.len()));
        let tokenizer = Tokenizer::shared();
        let members = wanted
            .par_iter()
            .map(|(year, _, id)| {
                let spec = format!("{}/{id}", query.collection);
                let loaded = self.corpus.load_tokenized(&spec, ReadOptions::default(), &self.cache, tokenizer)?;
                progress(Progress::Read);
                let loaded = self.with_themes(loaded);
                Ok(Member { id: id.clone(), year: *year, document: loaded.document, profile: loaded.profile })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(members)
    }

    /// What a researcher should know about a series before reading it: stored texts left out
    /// because the catalog gives them no date, and members whose own date line disagrees with
    /// the catalog's date (a wrong year would be compared as an official one). One line each,
    /// naming the entry.
    pub fn series_warnings(&self, query: &SeriesQuery, members: &[Member]) -> Vec<String> {
        let Ok(collection) = self.corpus.collection(&query.collection) else { return Vec::new() };
        let mut warnings: Vec<String> = collection
            .catalog
            .entries
            .iter()
            .filter(|e| e.present && e.date.as_deref().and_then(year_of).is_none())
            .map(|e| format!("{}: stored but undated in the catalog, so left out of the series (set its `date`)", e.id))
            .collect();
        for member in members {
            // A simulated year keeps its base's date line: the catalog's date is its truth.
            let entry =
                collection.catalog.entry(&member.id).filter(|e| e.status != crate::corpus::TextStatus::Simulated);
            let catalog = entry.and_then(|e| e.date.as_deref());
            if let (Some(catalog), Some(shown)) = (catalog, crate::corpus::Found::of(&member.document).date)
                && catalog != shown
            {
                warnings.push(format!(
                    "{}: the text's date line says {shown}, the catalog says {catalog}; the series uses the catalog's",
                    member.id
                ));
            }
        }
        warnings
    }

    /// Year over year: every consecutive pair of `members` compared.
    pub fn timeline(&self, members: &[Member]) -> Timeline {
        let tokenizer = Tokenizer::shared();
        let series = Series::new(members, tokenizer);
        crate::series::timeline::timeline(&series, tokenizer, &self.options)
    }

    /// Follows `terms` through `members`; with no terms, the `top` terms that rose and fell
    /// most (keyness) between the first and last year.
    pub fn terms(&self, members: &[Member], terms: &[String], top: usize) -> TermsOutcome {
        let mut picked = None;
        let terms: Vec<String> = if terms.is_empty() && !members.is_empty() {
            let series = Series::new(members, Tokenizer::shared());
            let (first, last) = (&series.profiles[0], &series.profiles[series.profiles.len() - 1]);
            let (rose, fell) = score::keyness_between(first, last, top);
            let names = rose.iter().chain(&fell).map(|t| t.term.clone()).collect();
            picked = Some((members[0].year, members[members.len() - 1].year, rose, fell));
            names
        } else {
            terms.to_vec()
        };
        let followed = crate::series::terms::follow(members, &terms, &Aliases::builtin());
        TermsOutcome { picked, followed }
    }

    /// The lineage of member `id`: each paragraph's ancestors back to the year its wording
    /// first appeared.
    ///
    /// # Errors
    /// [`Error::UnknownDocument`] when `id` is not among the members.
    pub fn lineage(&self, members: &[Member], id: &str, collection: &str) -> Result<Lineage> {
        let Some(index) = members.iter().position(|m| m.id == id) else {
            return Err(Error::UnknownDocument {
                name: id.to_owned(),
                hint: Some(format!("lineage takes an id of collection `{collection}` with a stored text and a date")),
            });
        };
        let series = Series::new(&members[..=index], Tokenizer::shared());
        let options = AlignOptions::default();
        let consecutive = series.consecutive_alignments(&options);
        Ok(crate::series::lineage::lineage(&series, index, &consecutive, &options))
    }
}

/// The rules of a comparison: the user's files when given, else the built-in ones.
struct Rules {
    ladders: Ladders,
    endorsers: EndorserRules,
    taxonomy: Option<Taxonomy>,
}

impl Rules {
    fn read(options: &SessionOptions) -> Result<Rules> {
        let ladders = match &options.ladders {
            Some(path) => Ladders::read(path)?,
            None => Ladders::builtin(),
        };
        let taxonomy = options.themes.as_deref().map(Taxonomy::read).transpose()?;
        Ok(Rules { ladders, endorsers: EndorserRules::builtin(), taxonomy })
    }
}

/// Fills a report's description of a document from its catalog entry.
fn describe(info: &mut DocInfo, loaded: &Loaded) {
    if let Some((_, entry)) = &loaded.entry {
        info.title = entry.title_zh.clone();
        info.date = entry.date.clone();
        info.sources = entry.sources.iter().map(|s| s.url.clone()).collect();
        if entry.status != TextStatus::Official {
            info.status = Some(entry.status.as_str().to_owned());
        }
    }
}
