//! Writing to a collection: `corpus add`, atomically.
//!
//! Every write takes the collection's lock (`.lock`, an OS file lock released when the
//! process ends, so a crash leaves no stale lock), then:
//!
//! 1. stages the new text and the new catalog as temporary files, synced to disk;
//! 2. writes a journal entry beside the text: a hard link `<text>.prev` to the old text, or an
//!    empty `<text>.absent` when there was none;
//! 3. renames the text, then the catalog, into place (the catalog rename is the commit);
//! 4. removes the journal entry.
//!
//! A crash at any point leaves a readable catalog. The next write (or `corpus check
//! --repair`) finishes or rolls back what the journal records: if the catalog's checksum
//! matches the text in place, the write committed and the journal goes; otherwise the old
//! text comes back from `<text>.prev` (or the new one is removed).

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::catalog::{Catalog, CollectionInfo, Entry, Import, Source, TextStatus, is_valid_date, validate_id};
use super::{CATALOG_FILE, sha256_hex};
use crate::error::{Error, Result};
use crate::segment::{BlockKind, Document, ReadOptions};

/// The steps of a write, for failure injection in tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum WriteStep {
    /// The new text is written to a temporary file.
    TextStaged,
    /// The new catalog is written to a temporary file.
    CatalogStaged,
    /// The journal entry (`.prev` or `.absent`) is written.
    Journaled,
    /// The new text is renamed into place.
    TextReplaced,
    /// The new catalog is renamed into place: the write is committed.
    CatalogReplaced,
}

/// What `corpus add` is asked to do.
#[derive(Debug, Clone)]
pub struct AddRequest {
    /// The file to read.
    pub file: PathBuf,
    /// The collection to store it in (created if it does not exist).
    pub collection: String,
    /// The entry's id.
    pub id: String,
    /// The declaration's date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The Chinese title.
    pub title: Option<String>,
    /// Addresses where the text is published.
    pub sources: Vec<String>,
    /// Official, illustrative or simulated.
    pub status: Option<TextStatus>,
    /// Replace an existing text.
    pub force: bool,
    /// How to read the file.
    pub read: ReadOptions,
    /// Stop (as if the process died) right after this step. For tests.
    #[doc(hidden)]
    pub fail_after: Option<WriteStep>,
}

/// What `corpus add` did.
#[derive(Debug, Clone)]
pub struct AddOutcome {
    /// The entry as stored.
    pub entry: Entry,
    /// The stored text's path.
    pub path: PathBuf,
    /// Whether an existing text was replaced.
    pub replaced: bool,
    /// Blocks and paragraphs of the stored text.
    pub blocks: usize,
    /// Paragraphs of the stored text.
    pub paragraphs: usize,
}

/// Adds (or with `force` replaces) a text in the collection under `root`.
pub(super) fn add(root: &Path, request: &AddRequest) -> Result<AddOutcome> {
    validate_id(&request.id)?;
    validate_id(&request.collection).map_err(|_| Error::UnknownCollection {
        name: request.collection.clone(),
        root: root.to_owned(),
        hint: Some("collection names are lowercase letters, digits and `-`".to_owned()),
    })?;
    if let Some(date) = &request.date
        && !is_valid_date(date)
    {
        return Err(Error::NotText {
            path: request.file.clone(),
            what: format!("--date `{date}` is not YYYY-MM-DD"),
            hint: None,
        });
    }
    // Read and check the input before touching the corpus: a bad file changes nothing.
    let bytes = super::read_input(&request.file)?;
    let document = Document::from_bytes(&request.file, &bytes, request.read)?;
    let stored = stored_text(&document);

    let dir = root.join(&request.collection);
    fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, "creating the collection folder", e))?;
    // Nothing is written through a symbolic link: a linked collection folder could lead
    // anywhere on the disk.
    let linked = fs::symlink_metadata(&dir).map(|m| m.file_type().is_symlink()).unwrap_or(false);
    if linked {
        return Err(Error::io(
            &dir,
            "refusing to write into a collection folder that is a symbolic link",
            std::io::Error::other("replace the link by a real folder"),
        ));
    }
    let _lock = lock_collection(&dir)?;
    recover(&dir)?;

    let catalog_path = dir.join(CATALOG_FILE);
    let mut catalog = match fs::read_to_string(&catalog_path) {
        Ok(text) => Catalog::parse(&catalog_path, &text)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Catalog {
            collection: CollectionInfo {
                name: request.collection.clone(),
                title: request.collection.clone(),
                description: None,
            },
            entries: Vec::new(),
        },
        Err(e) => return Err(Error::io(&catalog_path, "reading", e)),
    };

    let existing = catalog.entries.iter().position(|e| e.id == request.id);
    let mut entry = match existing {
        Some(i) => catalog.entries[i].clone(),
        None => new_entry(&request.collection, &request.id),
    };
    let text_path = dir.join(&entry.text);
    let had_text = text_path.exists();
    if (entry.present || had_text) && !request.force {
        return Err(Error::TextExists { path: text_path, id: request.id.clone() });
    }

    entry.present = true;
    entry.sha256 = Some(sha256_hex(stored.as_bytes()));
    entry.bytes = Some(stored.len() as u64);
    entry.import = Some(Import {
        file: request.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        encoding: document.decoding.map_or_else(|| "UTF-8".to_owned(), |d| d.encoding.to_owned()),
        format: match document.format {
            crate::segment::InputFormat::Text => "text".to_owned(),
            crate::segment::InputFormat::Html => "html".to_owned(),
        },
    });
    if let Some(date) = &request.date {
        entry.date = Some(date.clone());
    }
    if let Some(title) = &request.title {
        entry.title_zh = Some(title.clone());
    }
    if let Some(status) = request.status {
        entry.status = status;
    }
    for url in &request.sources {
        if !entry.sources.iter().any(|s| &s.url == url) {
            entry.sources.push(Source { url: url.clone(), language: entry.language.clone(), note: None });
        }
    }
    match existing {
        Some(i) => catalog.entries[i] = entry.clone(),
        None => catalog.entries.push(entry.clone()),
    }

    let fail = |step: WriteStep| {
        if request.fail_after == Some(step) { Err(Error::Injected { step }) } else { Ok(()) }
    };
    let text_temp = stage(&text_path, stored.as_bytes())?;
    fail(WriteStep::TextStaged)?;
    let catalog_temp = stage(&catalog_path, catalog.to_toml().as_bytes())?;
    fail(WriteStep::CatalogStaged)?;
    let journal = write_journal(&text_path, had_text)?;
    sync_dir(&dir)?;
    fail(WriteStep::Journaled)?;
    rename(&text_temp, &text_path)?;
    sync_dir(&dir)?;
    fail(WriteStep::TextReplaced)?;
    rename(&catalog_temp, &catalog_path)?;
    sync_dir(&dir)?;
    fail(WriteStep::CatalogReplaced)?;
    fs::remove_file(&journal).map_err(|e| Error::io(&journal, "removing the journal entry", e))?;

    Ok(AddOutcome {
        entry,
        path: text_path,
        replaced: had_text,
        blocks: document.blocks.len(),
        paragraphs: document.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).count(),
    })
}

fn new_entry(collection: &str, id: &str) -> Entry {
    Entry {
        id: id.to_owned(),
        series: collection.to_owned(),
        meeting: None,
        date: None,
        city: None,
        host_country: None,
        format: None,
        title_zh: None,
        title_en: None,
        language: "zh".to_owned(),
        text: format!("{id}.zh.txt"),
        present: false,
        sha256: None,
        bytes: None,
        status: TextStatus::Official,
        unconfirmed: Vec::new(),
        sources: Vec::new(),
        import: None,
        notes: None,
    }
}

/// The clean form stored in the corpus: UTF-8, one block per line, LF, no indents; the
/// original characters (a Traditional text stays Traditional).
fn stored_text(document: &Document) -> String {
    let mut text = String::new();
    for block in &document.blocks {
        text.push_str(&block.text);
        text.push('\n');
    }
    text
}

/// Holds the collection's lock until dropped.
struct CollectionLock(#[allow(dead_code, reason = "held for its Drop, which releases the lock")] File);

fn lock_collection(dir: &Path) -> Result<CollectionLock> {
    let path = dir.join(".lock");
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io(&path, "opening the lock file", e))?;
    file.lock().map_err(|e| Error::io(&path, "locking the collection", e))?;
    Ok(CollectionLock(file))
}

fn temp_path(target: &Path) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    target.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

/// Writes `bytes` to a temporary file beside `target` and syncs it.
fn stage(target: &Path, bytes: &[u8]) -> Result<PathBuf> {
    let temp = temp_path(target);
    let write = || -> std::io::Result<()> {
        // create_new (O_EXCL) never follows a symbolic link planted at the temporary path.
        let mut file = File::options().write(true).create_new(true).open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()
    };
    write().map_err(|e| {
        let _ = fs::remove_file(&temp);
        Error::io(&temp, "writing", e)
    })?;
    Ok(temp)
}

fn journal_paths(text_path: &Path) -> (PathBuf, PathBuf) {
    let name = text_path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    (text_path.with_file_name(format!("{name}.prev")), text_path.with_file_name(format!("{name}.absent")))
}

fn write_journal(text_path: &Path, had_text: bool) -> Result<PathBuf> {
    let (prev, absent) = journal_paths(text_path);
    if had_text {
        let _ = fs::remove_file(&prev);
        if fs::hard_link(text_path, &prev).is_err() {
            fs::copy(text_path, &prev).map_err(|e| Error::io(&prev, "backing up the old text", e))?;
        }
        Ok(prev)
    } else {
        let _ = fs::remove_file(&absent);
        File::options()
            .write(true)
            .create_new(true)
            .open(&absent)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io(&absent, "writing the journal", e))?;
        Ok(absent)
    }
}

fn rename(from: &Path, to: &Path) -> Result<()> {
    fs::rename(from, to).map_err(|e| Error::io(from, format!("renaming to {}", to.display()), e))
}

fn sync_dir(dir: &Path) -> Result<()> {
    // Syncing the folder makes the renames durable; some file systems do not support it,
    // which costs durability only, not consistency.
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
    Ok(())
}

/// A leftover of an interrupted write, as `corpus check` reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Leftover {
    /// A staged temporary file, never part of the corpus.
    Temp(PathBuf),
    /// A journal entry for the text at the given path.
    Journal { journal: PathBuf, text: PathBuf, had_text: bool },
}

pub(super) fn leftovers(dir: &Path) -> Vec<Leftover> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<Leftover> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let path = e.path();
            if name.starts_with('.') && name.contains(".tmp-") {
                Some(Leftover::Temp(path))
            } else if let Some(text) = name.strip_suffix(".prev") {
                Some(Leftover::Journal { text: dir.join(text), journal: path, had_text: true })
            } else {
                name.strip_suffix(".absent").map(|text| Leftover::Journal {
                    text: dir.join(text),
                    journal: path,
                    had_text: false,
                })
            }
        })
        .collect();
    found.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    found
}

/// Finishes or rolls back interrupted writes in `dir`. Call with the collection locked.
pub(super) fn recover(dir: &Path) -> Result<Vec<String>> {
    let catalog_path = dir.join(CATALOG_FILE);
    let catalog = match fs::read_to_string(&catalog_path) {
        Ok(text) => Some(Catalog::parse(&catalog_path, &text)?),
        Err(_) => None,
    };
    let mut done = Vec::new();
    for leftover in leftovers(dir) {
        match leftover {
            Leftover::Temp(path) => {
                fs::remove_file(&path).map_err(|e| Error::io(&path, "removing a temporary file", e))?;
                done.push(format!("{}: removed a temporary file of an interrupted write", path.display()));
            }
            Leftover::Journal { journal, text, had_text } => {
                let name = text.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let entry = catalog.as_ref().and_then(|c| c.entries.iter().find(|e| e.text == name));
                let committed = entry.is_some_and(|e| {
                    e.present && fs::read(&text).is_ok_and(|bytes| Some(sha256_hex(&bytes)) == e.sha256)
                });
                if committed {
                    done.push(format!("{}: the interrupted write had committed; removed its journal", text.display()));
                } else if had_text {
                    rename(&journal, &text)?;
                    done.push(format!(
                        "{}: rolled back an interrupted write; the previous text is restored",
                        text.display()
                    ));
                    continue;
                } else {
                    if text.exists() {
                        fs::remove_file(&text).map_err(|e| Error::io(&text, "removing an uncommitted text", e))?;
                    }
                    done.push(format!("{}: rolled back an interrupted write of a new text", text.display()));
                }
                fs::remove_file(&journal).map_err(|e| Error::io(&journal, "removing the journal entry", e))?;
            }
        }
    }
    sync_dir(dir)?;
    Ok(done)
}

/// Runs [`recover`] with the collection locked.
pub(super) fn repair(dir: &Path) -> Result<Vec<String>> {
    let _lock = lock_collection(dir)?;
    recover(dir)
}
