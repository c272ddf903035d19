//! `corpus check`: verifies every stored text against its catalog (present, size, checksum,
//! readable and segmentable) and reports leftovers of interrupted writes.

use std::path::{Path, PathBuf};

use super::catalog::Catalog;
use super::store::{self, Leftover};
use super::{AddOutcome, AddRequest, CATALOG_FILE, Corpus, collection_dirs, read_input, sha256_hex};
use crate::error::{Error, Result};
use crate::segment::{BlockKind, Document, ReadOptions};

/// One problem found by [`Corpus::check`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct Problem {
    /// The file concerned.
    pub path: PathBuf,
    /// The entry concerned, if any.
    pub id: Option<String>,
    /// What is wrong.
    pub what: String,
    /// How to repair it.
    pub hint: Option<String>,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: ", self.path.display())?;
        if let Some(id) = &self.id {
            write!(f, "{id}: ")?;
        }
        write!(f, "{}", self.what)?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

impl Corpus {
    /// Adds (or with `force` replaces) a text in a collection under `root`, atomically.
    ///
    /// # Errors
    /// Reading and decoding errors of the input (the corpus is then untouched),
    /// [`Error::InvalidId`], [`Error::TextExists`] without `force`, [`Error::Io`] writing.
    pub fn add(root: &Path, request: &AddRequest) -> Result<AddOutcome> {
        store::add(root, request)
    }

    /// [`Corpus::add`] of an input already in memory (`request.file` only names it).
    ///
    /// # Errors
    /// As [`Corpus::add`].
    pub fn add_bytes(root: &Path, request: &AddRequest, bytes: &[u8]) -> Result<AddOutcome> {
        store::add_bytes(root, request, bytes)
    }

    /// [`Corpus::add`], then indexes the stored text's tokens in its collection so that
    /// comparing it later needs no segmenter. An indexing failure changes nothing stored and
    /// is not an error: the index is rebuilt on demand.
    ///
    /// # Errors
    /// As [`Corpus::add`].
    pub fn add_indexed(root: &Path, request: &AddRequest, cache: &super::TokenCache) -> Result<AddOutcome> {
        let outcome = store::add(root, request)?;
        Corpus::index(root, &request.collection, &[request.id.as_str()], cache);
        Ok(outcome)
    }

    /// [`Corpus::add`] of a document already read and checked (`corpus fetch`).
    ///
    /// # Errors
    /// As [`Corpus::add`], but for reading.
    pub fn add_document(root: &Path, request: &AddRequest, document: &crate::segment::Document) -> Result<AddOutcome> {
        let outcome = store::add_document(root, request, document)?;
        Corpus::index(root, &request.collection, &[request.id.as_str()], &super::TokenCache::from_env());
        Ok(outcome)
    }

    /// Creates the collection `name` under `root` as a copy of the built-in one of that name
    /// (its catalog and texts), unless `root` has it already. Returns whether it did; `false`
    /// too when no built-in collection has that name.
    ///
    /// # Errors
    /// [`Error::Io`] writing.
    pub fn seed(root: &Path, name: &str) -> Result<bool> {
        match super::EMBEDDED.iter().find(|(embedded, _, _)| *embedded == name) {
            Some((_, catalog, texts)) => store::seed(root, name, catalog, texts),
            None => Ok(false),
        }
    }

    /// Indexes stored texts of a collection (see [`Corpus::add_indexed`]), in parallel.
    pub fn index(root: &Path, collection: &str, ids: &[&str], cache: &super::TokenCache) {
        use rayon::prelude::*;
        let Ok(corpus) = Corpus::open(root) else { return };
        let tokenizer = crate::tokenize::Tokenizer::shared();
        ids.par_iter().for_each(|id| {
            let spec = format!("{collection}/{id}");
            let _ = corpus.load_tokenized(&spec, crate::segment::ReadOptions::default(), cache, tokenizer);
        });
    }

    /// Checks every collection under `root` (or only `only`). With `repair`, first finishes
    /// or rolls back interrupted writes, and returns what it did as the second list.
    ///
    /// # Errors
    /// [`Error::Io`] if `root` cannot be listed, [`Error::UnknownCollection`] for `only`.
    pub fn check(root: &Path, only: Option<&str>, repair: bool) -> Result<(Vec<Problem>, Vec<String>)> {
        let mut dirs = collection_dirs(root)?;
        if let Some(name) = only {
            dirs.retain(|d| d.file_name().is_some_and(|n| n == name));
            if dirs.is_empty() {
                return Err(Error::UnknownCollection { name: name.to_owned(), root: root.to_owned(), hint: None });
            }
        }
        let mut problems = Vec::new();
        let mut repaired = Vec::new();
        for dir in dirs {
            if repair {
                match store::repair(&dir) {
                    Ok(done) => repaired.extend(done),
                    Err(e) => problems.push(Problem {
                        path: dir.clone(),
                        id: None,
                        what: format!("repair failed: {e}"),
                        hint: None,
                    }),
                }
            }
            check_collection(&dir, &mut problems);
            check_index(&dir, repair, &mut problems, &mut repaired);
        }
        Ok((problems, repaired))
    }
}

/// Index entries that do not check (damaged, forged, or written by another user's decldiff):
/// never used for a comparison; reported, and removed by `--repair`.
fn check_index(dir: &Path, repair: bool, problems: &mut Vec<Problem>, repaired: &mut Vec<String>) {
    let index = dir.join(super::INDEX_DIR);
    if crate::files::is_symlink(&index) {
        return;
    }
    let shards = crate::files::list_dir(&index).unwrap_or_default();
    for path in shards
        .iter()
        .filter(|s| !crate::files::is_symlink(s))
        .flat_map(|s| crate::files::list_dir(s).unwrap_or_default())
    {
        let Some(key) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".bin")) else {
            continue;
        };
        if key.starts_with('.') {
            continue;
        }
        let bytes = crate::files::read_own(&path).unwrap_or_default();
        if super::cache::entry_checks(&bytes, key) != Some(false) {
            continue;
        }
        if repair && crate::files::remove_file(&path, "an index entry").is_ok() {
            repaired.push(format!("{}: removed an index entry that does not check", path.display()));
            continue;
        }
        problems.push(Problem {
            path,
            id: None,
            what: "index entry that does not check (damaged, forged, or another user's): never used".to_owned(),
            hint: Some("run `decldiff corpus check --repair` to remove it; it is rebuilt on next use".to_owned()),
        });
    }
}

fn check_collection(dir: &Path, problems: &mut Vec<Problem>) {
    // A write half done is not a problem to report: wait for it (writers hold the lock).
    let _shared = crate::files::lock_dir_shared(dir);
    let catalog_path = dir.join(CATALOG_FILE);
    let catalog = Catalog::read(&catalog_path);
    let catalog = match catalog {
        Ok(c) => c,
        Err(e) => {
            let what = e.to_string();
            let what = what.strip_prefix(&format!("{}: ", catalog_path.display())).unwrap_or(&what).to_owned();
            problems.push(Problem {
                path: catalog_path,
                id: None,
                what: format!("malformed catalog: {what}"),
                hint: Some("fix the line named, or restore the catalog from version control".to_owned()),
            });
            return;
        }
    };
    for leftover in store::leftovers(dir) {
        let repair = "run `decldiff corpus check --repair` to finish or roll it back";
        let (path, what, hint) = match leftover {
            Leftover::Temp(path) => (path, "temporary file of an interrupted write".to_owned(), repair),
            Leftover::SavedText(path) => (path, "text saved by a write that never started".to_owned(), repair),
            Leftover::Journal { text } => {
                (text, "an interrupted `corpus add` of this text (journaled)".to_owned(), repair)
            }
            Leftover::DamagedJournal(path, why) => (
                path,
                format!("journal record that does not check ({why}): left alone"),
                "check the texts, then remove the record by hand",
            ),
        };
        problems.push(Problem { path, id: None, what, hint: Some(hint.to_owned()) });
    }
    for entry in &catalog.entries {
        let path = dir.join(&entry.text);
        let problem = |what: String, hint: &str| Problem {
            path: path.clone(),
            id: Some(entry.id.clone()),
            what,
            hint: Some(hint.to_owned()),
        };
        let re_add = format!(
            "restore the text from its source with `decldiff corpus add FILE --collection {} --id {} --force`",
            catalog.collection.name, entry.id
        );
        if !entry.present {
            if crate::files::exists(&path) {
                problems.push(problem("a text is stored but the catalog says present = false".to_owned(), &re_add));
            }
            continue;
        }
        let bytes = match read_input(&path) {
            Ok(b) => b,
            Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                problems.push(problem("text missing".to_owned(), &re_add));
                continue;
            }
            Err(e) => {
                problems.push(problem(format!("cannot read the text: {e}"), &re_add));
                continue;
            }
        };
        let size = bytes.len() as u64;
        match (entry.bytes, &entry.sha256) {
            (_, None) => problems.push(problem("no sha256 in the catalog".to_owned(), &re_add)),
            (Some(expected), _) if size < expected => {
                problems.push(problem(format!("text truncated: {size} of {expected} bytes"), &re_add));
                continue;
            }
            (_, Some(expected)) if &sha256_hex(&bytes) != expected => {
                problems.push(problem(
                    format!("text changed: its sha256 does not match the catalog ({size} bytes)"),
                    &re_add,
                ));
                continue;
            }
            _ => {}
        }
        match Document::from_bytes(&path, &bytes, ReadOptions { encoding: None, html: Some(false), raw: false }) {
            Ok(doc) if doc.blocks.iter().any(|b| b.kind == BlockKind::Paragraph) => {}
            Ok(_) => problems.push(problem("the text has no paragraphs".to_owned(), &re_add)),
            Err(e) => problems.push(problem(format!("the text does not read: {e}"), &re_add)),
        }
    }
}
