//! The corpus: collections of declarations under `corpora/`, each a folder with a
//! `catalog.toml` and the stored texts. It touches the file system only through [`crate::files`].
//!
//! Reading: [`Corpus::discover`] finds the corpus (`--corpus DIR`, `$DECLDIFF_CORPUS`,
//! `./corpora`, or the copy built into the binary), [`Corpus::load`] turns a corpus id or a
//! file path into a [`Document`]. Writing ([`Corpus::add`]) is atomic and journaled, see
//! see `corpora/README.md`; [`Corpus::check`] verifies every stored text.

mod cache;
mod catalog;
mod check;
mod facts;
mod journal;
mod store;

use std::path::{Path, PathBuf};

use crate::profile::{Profile, StoredProfile};
pub use cache::{CACHE_ENV, Cached, TokenCache};
pub use catalog::{
    Catalog, CollectionInfo, Entry, Fetched, Import, MAX_CATALOG_BYTES, MeetingFormat, Source, TextStatus,
    days_in_month, is_valid_date, is_valid_id, validate_id,
};
pub use check::Problem;
pub use facts::Found;
pub use store::{AddOutcome, AddRequest, WriteStep};

use crate::error::{Error, Result};
use crate::files;
use crate::segment::{Document, ReadOptions};

/// The environment variable that names the corpus folder.
pub const CORPUS_ENV: &str = "DECLDIFF_CORPUS";

/// The file name of a collection's catalog.
pub const CATALOG_FILE: &str = "catalog.toml";

/// The collections built into the binary, so that the tool runs on its shipped corpus from
/// anywhere: (collection, catalog, [(text file, bytes)]).
type EmbeddedCollection = (&'static str, &'static str, &'static [(&'static str, &'static [u8])]);
const EMBEDDED: &[EmbeddedCollection] = &[
    (
        "examples",
        include_str!("../corpora/examples/catalog.toml"),
        &[("sco-2020-rev1.zh.txt", include_bytes!("../corpora/examples/sco-2020-rev1.zh.txt"))],
    ),
    (
        "sco",
        include_str!("../corpora/sco/catalog.toml"),
        &[("sco-2020.zh.txt", include_bytes!("../corpora/sco/sco-2020.zh.txt"))],
    ),
];

/// Where the corpus lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A folder of collections.
    Dir(PathBuf),
    /// The read-only copy built into the binary.
    Embedded,
}

/// A collection: its catalog and where its texts are.
#[derive(Debug, Clone)]
pub struct Collection {
    /// The collection's name (its folder name).
    pub name: String,
    /// Its catalog.
    pub catalog: Catalog,
    dir: Option<PathBuf>,
    embedded_texts: &'static [(&'static str, &'static [u8])],
}

/// The folder inside a collection where its stored texts' tokens and structure are indexed
/// (written by `corpus add`, rebuilt on demand; not part of the catalog, safe to delete).
pub const INDEX_DIR: &str = ".index";

impl Collection {
    /// The collection's folder, unless it is built in.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The path of an entry's text, as shown in messages.
    pub fn text_path(&self, entry: &Entry) -> PathBuf {
        match &self.dir {
            Some(dir) => dir.join(&entry.text),
            None => Path::new("<built-in>").join(&self.name).join(&entry.text),
        }
    }

    /// The stored bytes of an entry's text, checked against the catalog's checksum.
    ///
    /// # Errors
    /// [`Error::NotText`] if the entry has no text or it does not match its checksum;
    /// [`Error::Io`] if it cannot be read.
    pub fn text_bytes(&self, entry: &Entry) -> Result<Vec<u8>> {
        let path = self.text_path(entry);
        if !entry.present {
            return Err(Error::NotText {
                path,
                what: format!("the text of `{}` is not in the corpus (present = false)", entry.id),
                hint: Some(format!(
                    "download it with `decldiff corpus fetch {id} --collection {c}`, or add a copy with `decldiff corpus add FILE --collection {c} --id {id}`",
                    id = entry.id,
                    c = self.name,
                )),
            });
        }
        let bytes = match &self.dir {
            Some(_) => read_input(&path)?,
            None => self
                .embedded_texts
                .iter()
                .find(|(name, _)| *name == entry.text)
                .map(|(_, bytes)| bytes.to_vec())
                .ok_or_else(|| Error::NotText {
                path: path.clone(),
                what: "missing from the built-in corpus".to_owned(),
                hint: None,
            })?,
        };
        if let Some(expected) = &entry.sha256 {
            let actual = sha256_hex(&bytes);
            if &actual != expected {
                if let Some(bytes) = self.dir.as_deref().and_then(|dir| settled_text(dir, entry, &actual)) {
                    return Ok(bytes);
                }
                return Err(Error::NotText {
                    path,
                    what: format!("the text of `{}` does not match its catalog checksum", entry.id),
                    hint: Some("run `decldiff corpus check`; if you edited the text on purpose, store it again with `corpus add --force`".to_owned()),
                });
            }
        }
        Ok(bytes)
    }
}

/// The text a reader should see when the stored text no longer matches the catalog it read:
/// a write in progress saved the previous text in its journal (the reader's state), or the
/// write committed since (the catalog on disk now holds the text's checksum: the new state).
fn settled_text(dir: &Path, entry: &Entry, actual_sha256: &str) -> Option<Vec<u8>> {
    if let Some(previous) = journal::previous_text(dir, &entry.text, entry.sha256.as_deref()?) {
        return Some(previous);
    }
    let now = Catalog::read(&dir.join(CATALOG_FILE)).ok()?;
    let committed =
        now.entry(&entry.id).is_some_and(|e| e.text == entry.text && e.sha256.as_deref() == Some(actual_sha256));
    committed.then(|| read_input(&dir.join(&entry.text)).ok()).flatten().filter(|b| sha256_hex(b) == actual_sha256)
}

/// A loaded document and, for a corpus text, its catalog entry.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The segmented document.
    pub document: Document,
    /// The collection and entry, when the document came from the corpus.
    pub entry: Option<(String, Entry)>,
    /// The document's profile as the token cache keeps it, when it was loaded tokenized.
    pub profile: Option<StoredProfile>,
    /// Whether its paragraphs carry the built-in taxonomy's themes (a tokenized load assigns
    /// them once and the token cache keeps them, so a warm run needs no classifier).
    pub builtin_themes: bool,
}

impl Loaded {
    /// The document's profile: the stored one when it fits, else counted now.
    pub fn profile(&self, tokenizer: &crate::tokenize::Tokenizer) -> Profile<'_> {
        Profile::stored_or_new(&self.document, self.profile.as_ref(), tokenizer)
    }
}

/// The bytes behind a corpus id or a file path, and how to read them.
struct Input {
    path: PathBuf,
    bytes: Vec<u8>,
    entry: Option<(String, Entry)>,
    options: ReadOptions,
}

/// The corpus: every collection under one folder, or the built-in copy.
#[derive(Debug, Clone)]
pub struct Corpus {
    location: Location,
    collections: Vec<Collection>,
    /// Collections whose catalog cannot be read, with why: only commands that use them fail.
    broken: Vec<Broken>,
}

/// A collection left out because its catalog cannot be read or parsed.
#[derive(Debug, Clone)]
pub struct Broken {
    /// The collection's name.
    pub name: String,
    /// The catalog's error, one line.
    pub reason: String,
}

impl Corpus {
    /// Finds the corpus: `explicit` if given, else `$DECLDIFF_CORPUS`, else `./corpora` if it
    /// exists, else the copy built into the binary.
    ///
    /// # Errors
    /// As [`Corpus::open`].
    pub fn discover(explicit: Option<&Path>) -> Result<Corpus> {
        if let Some(dir) = explicit {
            return Corpus::open(dir);
        }
        if let Some(dir) = std::env::var_os(CORPUS_ENV).filter(|v| !v.is_empty()) {
            return Corpus::open(Path::new(&dir));
        }
        let local = Path::new("corpora");
        if files::is_dir(local) { Corpus::open(local) } else { Ok(Corpus::embedded()) }
    }

    /// The folder `corpus add` writes to: `explicit`, `$DECLDIFF_CORPUS` or `./corpora`
    /// (created on first use).
    pub fn writable_root(explicit: Option<&Path>) -> PathBuf {
        explicit
            .map(Path::to_path_buf)
            .or_else(|| std::env::var_os(CORPUS_ENV).filter(|v| !v.is_empty()).map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("corpora"))
    }

    /// Opens the corpus folder `root`: every sub-folder with a `catalog.toml` is a collection.
    ///
    /// # Errors
    /// [`Error::Io`] if `root` cannot be listed; [`Error::Catalog`] for a malformed catalog.
    pub fn open(root: &Path) -> Result<Corpus> {
        let mut collections = Vec::new();
        let mut broken = Vec::new();
        for dir in collection_dirs(root)? {
            let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            match Catalog::read(&dir.join(CATALOG_FILE)) {
                Ok(catalog) => collections.push(Collection { name, catalog, dir: Some(dir), embedded_texts: &[] }),
                Err(e) => broken.push(Broken { name, reason: e.to_string() }),
            }
        }
        Ok(Corpus { location: Location::Dir(root.to_owned()), collections, broken })
    }

    /// The collections left out because their catalog cannot be read (a command that does
    /// not use them warns and goes on).
    pub fn broken(&self) -> &[Broken] {
        &self.broken
    }

    fn broken_error(&self, name: &str) -> Option<Error> {
        self.broken
            .iter()
            .find(|b| b.name == name)
            .map(|b| Error::BrokenCollection { name: b.name.clone(), reason: b.reason.clone() })
    }

    /// The corpus built into the binary.
    pub fn embedded() -> Corpus {
        let collections = EMBEDDED
            .iter()
            .map(|(name, catalog, texts)| Collection {
                name: (*name).to_owned(),
                catalog: Catalog::parse(Path::new(name), catalog)
                    .expect("the built-in catalogs are valid (checked by tests)"),
                dir: None,
                embedded_texts: texts,
            })
            .collect();
        Corpus { location: Location::Embedded, collections, broken: Vec::new() }
    }

    /// Where this corpus lives.
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// The collections, sorted by name.
    pub fn collections(&self) -> &[Collection] {
        &self.collections
    }

    /// The collection called `name`.
    ///
    /// # Errors
    /// [`Error::UnknownCollection`], listing the collections that exist.
    pub fn collection(&self, name: &str) -> Result<&Collection> {
        if let Some(error) = self.broken_error(name) {
            return Err(error);
        }
        self.collections.iter().find(|c| c.name == name).ok_or_else(|| Error::UnknownCollection {
            name: name.to_owned(),
            root: self.root_for_messages(),
            hint: Some(format!(
                "collections: {}",
                self.collections.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join(", ")
            )),
        })
    }

    fn root_for_messages(&self) -> PathBuf {
        match &self.location {
            Location::Dir(dir) => dir.clone(),
            Location::Embedded => PathBuf::from("<built-in corpus>"),
        }
    }

    /// Finds an entry by `id` or `collection/id`.
    pub fn find(&self, spec: &str) -> Option<(&Collection, &Entry)> {
        let (collection, id) = match spec.split_once('/') {
            Some((c, id)) => (Some(c), id),
            None => (None, spec),
        };
        self.collections
            .iter()
            .filter(|c| collection.is_none_or(|name| c.name == name))
            .find_map(|c| c.catalog.entry(id).map(|e| (c, e)))
    }

    /// Loads a document by corpus id (`sco-2020`, `examples/sco-2020-rev1`) or file path.
    /// An argument that names an existing file and looks like a path (has `/` or `.`) is a
    /// file; otherwise a corpus id is tried first, then a file.
    ///
    /// # Errors
    /// Reading and decoding errors; [`Error::UnknownDocument`] when it is neither.
    pub fn load(&self, spec: &str, options: ReadOptions) -> Result<Loaded> {
        let source = self.resolve(spec, options)?;
        let mut document = Document::from_bytes(&source.path, &source.bytes, source.options)?;
        document.name = source.name();
        Ok(Loaded { document, entry: source.entry, profile: None, builtin_themes: false })
    }

    /// Loads a document as [`Corpus::load`] does, with its tokens. A stored text of a
    /// collection on disk is indexed in the collection itself (`<collection>/.index/`, see
    /// [`INDEX_DIR`]); any other input in `cache`. Either is keyed by the text's bytes, the
    /// read options, the segmentation revision and the dictionaries, so an entry is rebuilt
    /// when any of them changes, and an entry that does not fit its text is never trusted.
    /// On a miss the text is read, tokenized with `tokenizer` and stored.
    ///
    /// # Errors
    /// As [`Corpus::load`].
    pub fn load_tokenized(
        &self,
        spec: &str,
        options: ReadOptions,
        cache: &TokenCache,
        tokenizer: &crate::tokenize::Tokenizer,
    ) -> Result<Loaded> {
        let source = self.resolve(spec, options)?;
        let index = source
            .entry
            .as_ref()
            .and_then(|(name, _)| self.collections.iter().find(|c| &c.name == name))
            .and_then(|c| c.dir())
            .map(|dir| TokenCache::at(dir.join(INDEX_DIR)));
        load_source(source, index.as_ref().unwrap_or(cache), cache, tokenizer)
    }

    /// Whether `spec` names a file, which [`load_file_tokenized`] reads without the corpus
    /// (a file wins over a corpus id, as in [`Corpus::load_tokenized`]).
    pub fn names_a_file(spec: &str) -> bool {
        spec.contains(['/', '\\', '.']) && files::is_file(Path::new(spec))
    }
}

/// [`Corpus::load_tokenized`] for a file named by a path (see [`Corpus::names_a_file`]): the
/// same document, without reading the corpus's catalogs first.
///
/// # Errors
/// As [`Corpus::load`].
pub fn load_file_tokenized(
    path: &Path,
    options: ReadOptions,
    cache: &TokenCache,
    tokenizer: &crate::tokenize::Tokenizer,
) -> Result<Loaded> {
    let source = Input { path: path.to_owned(), bytes: read_input(path)?, entry: None, options };
    load_source(source, cache, cache, tokenizer)
}

/// Loads an input through `store` (the collection's index, or the user's cache), taking an
/// entry from the user's `cache` into the index when only the cache has it.
fn load_source(
    source: Input,
    store: &TokenCache,
    cache: &TokenCache,
    tokenizer: &crate::tokenize::Tokenizer,
) -> Result<Loaded> {
    let key = TokenCache::key(&sha256_hex(&source.bytes), source.options, tokenizer);
    let found = store.load(&key).or_else(|| {
        if store == cache {
            return None;
        }
        // Found in the user's cache: index it in the collection for next time.
        let cached = cache.load(&key)?;
        store.store(&key, &cached.document, cached.profile.as_ref());
        Some(cached)
    });
    if let Some(Cached { mut document, profile }) = found {
        document.name = source.name();
        return Ok(Loaded { document, entry: source.entry, profile, builtin_themes: true });
    }
    // Reading (decoding, converting to Simplified) and building jieba's dictionary are the two
    // long steps of a cold run, and neither needs the other.
    let (document, ()) =
        rayon::join(|| Document::from_bytes(&source.path, &source.bytes, source.options), || tokenizer.load());
    let mut document = document?;
    document.name = source.name();
    document.tokenize(tokenizer);
    crate::theme::assign(&mut document, crate::theme::content::ContentClassifier::builtin());
    // The profile is counted here only to be kept; without a cache the caller counts it.
    let profile = store.is_enabled().then(|| Profile::new(&document, tokenizer).to_stored()).flatten();
    store.store(&key, &document, profile.as_ref());
    Ok(Loaded { document, entry: source.entry, profile, builtin_themes: true })
}

impl Corpus {
    /// Finds the bytes behind a corpus id or file path.
    fn resolve(&self, spec: &str, options: ReadOptions) -> Result<Input> {
        let path = Path::new(spec);
        let file = |path: &Path| -> Result<Input> {
            Ok(Input { path: path.to_owned(), bytes: read_input(path)?, entry: None, options })
        };
        if Corpus::names_a_file(spec) {
            return file(path);
        }
        if let Some((collection, entry)) = self.find(spec) {
            return Ok(Input {
                path: collection.text_path(entry),
                bytes: collection.text_bytes(entry)?,
                entry: Some((collection.name.clone(), entry.clone())),
                // Stored texts are clean UTF-8 plain text.
                options: ReadOptions { encoding: None, html: Some(false), raw: false },
            });
        }
        if files::exists(path) {
            return file(path);
        }
        if let Some(error) = spec.split_once('/').and_then(|(collection, _)| self.broken_error(collection)) {
            return Err(error);
        }
        let mut hint = self.suggest(spec);
        if !self.broken.is_empty() {
            let names: Vec<&str> = self.broken.iter().map(|b| b.name.as_str()).collect();
            hint.push_str(&format!("; not searched, their catalogs cannot be read: {}", names.join(", ")));
        }
        Err(Error::UnknownDocument { name: spec.to_owned(), hint: Some(hint) })
    }

    /// The error for `spec` when it names no entry, with the ids closest to it.
    pub fn unknown_id(&self, spec: &str) -> Error {
        Error::UnknownDocument { name: spec.to_owned(), hint: Some(self.suggest(spec)) }
    }

    fn suggest(&self, spec: &str) -> String {
        // Compared without case and punctuation (sco2020, SCO-2020, sco_2020 all mean sco-2020),
        // closest by edit distance first, then ids that contain what was typed.
        let plain =
            |s: &str| s.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect::<String>();
        let wanted = plain(spec.rsplit('/').next().unwrap_or(spec));
        let mut close: Vec<(usize, bool, &str)> = self
            .collections
            .iter()
            .flat_map(|c| c.catalog.entries.iter().map(|e| e.id.as_str()))
            .filter_map(|id| {
                let typed_like = plain(id);
                let distance = strsim::levenshtein(&typed_like, &wanted);
                let contains = wanted.len() >= 4 && typed_like.contains(&wanted);
                (distance <= (wanted.len() / 2).max(2) || contains).then_some((distance, !contains, id))
            })
            .collect();
        close.sort_unstable();
        close.dedup();
        // The nearest ids only (sco2020 is sco-2020, not also sco-2021), and those containing it.
        let nearest = close.first().map_or(0, |c| c.0);
        let close: Vec<&str> =
            close.into_iter().filter(|&(d, apart, _)| d == nearest || !apart).map(|(_, _, id)| id).take(5).collect();
        if close.is_empty() {
            "`decldiff corpus list` shows the ids".to_owned()
        } else {
            format!("did you mean {}? `decldiff corpus list` shows all ids", close.join(", "))
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

impl Input {
    /// How the document is called: its corpus id, or its file name.
    fn name(&self) -> String {
        match &self.entry {
            Some((_, entry)) => entry.id.clone(),
            None => file_name(&self.path),
        }
    }
}

/// Reads an input file (see [`files::read_input`]).
///
/// # Errors
/// [`Error::Io`] naming the file, [`Error::NotText`] for a folder, a device or an oversized file.
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    files::read_input(path)
}

/// Sub-folders of `root` that hold a catalog, sorted by name.
fn collection_dirs(root: &Path) -> Result<Vec<PathBuf>> {
    let mut dirs = files::list_dir(root)?;
    dirs.retain(|p| files::is_dir(p) && files::is_file(&p.join(CATALOG_FILE)));
    Ok(dirs)
}

pub use crate::sha256_hex;
