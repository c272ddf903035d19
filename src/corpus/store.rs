//! Writing to a collection: `corpus add`, atomically.
//!
//! Every write takes the collection's lock (`.lock`, an OS file lock released when the
//! process ends, so a crash leaves no stale lock), then:
//!
//! 1. stages the new text and the new catalog as temporary files, synced to disk;
//! 2. writes a journal record in the collection's journal folder (`corpus/journal.rs`): the
//!    text written, the previous text saved beside the record, the checksums of both;
//! 3. renames the text, then the catalog, into place (the catalog rename is the commit);
//! 4. clears the journal.
//!
//! A crash at any point leaves a readable catalog, and readers find the previous text in the
//! journal until the write is finished or rolled back. The next write (or `corpus check
//! --repair`) finishes or rolls back what the record proves: if the catalog's checksum matches
//! the text in place, the write committed and the journal goes; otherwise the previous text
//! comes back (or the new one, if it is the one the record names, is removed).

use std::path::{Path, PathBuf};

use super::catalog::{Catalog, CollectionInfo, Entry, Fetched, Import, Source, TextStatus, is_valid_date, validate_id};
use super::{CATALOG_FILE, journal, sha256_hex};
use crate::error::{Error, Result};
use crate::files;
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
    /// Where the bytes were downloaded from (`corpus fetch`); the text checksum is filled in
    /// when the text is stored.
    pub fetched: Option<Fetched>,
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
    /// Facts of the text that disagree with the catalog (its title, its date), one line each.
    pub warnings: Vec<String>,
}

/// Adds (or with `force` replaces) a text in the collection under `root`.
pub(super) fn add(root: &Path, request: &AddRequest) -> Result<AddOutcome> {
    check_request(root, request)?;
    // Read and check the input before touching the corpus: a bad file changes nothing.
    let bytes = files::read_input(&request.file)?;
    add_checked(root, request, &bytes)
}

/// [`add`] of an input already in memory; `request.file` only names it.
pub(super) fn add_bytes(root: &Path, request: &AddRequest, bytes: &[u8]) -> Result<AddOutcome> {
    check_request(root, request)?;
    add_checked(root, request, bytes)
}

fn add_checked(root: &Path, request: &AddRequest, bytes: &[u8]) -> Result<AddOutcome> {
    let document = Document::from_bytes(&request.file, bytes, request.read)?;
    store_document(root, request, &document)
}

/// [`add`] of a document already read (`corpus fetch` reads and checks it first).
pub(super) fn add_document(root: &Path, request: &AddRequest, document: &Document) -> Result<AddOutcome> {
    check_request(root, request)?;
    store_document(root, request, document)
}

fn store_document(root: &Path, request: &AddRequest, document: &Document) -> Result<AddOutcome> {
    let stored = stored_text(document);
    // A new folder's `sco` starts as a copy of the shipped one, so that adding one year does
    // not hide the other 24 entries and the shipped text behind a one-entry catalog.
    super::Corpus::seed(root, &request.collection)?;

    let (dir, _lock) = locked_collection(root, &request.collection)?;

    let catalog_path = dir.join(CATALOG_FILE);
    let mut catalog = match files::read_catalog_text_if_exists(&catalog_path, super::catalog::MAX_CATALOG_BYTES)? {
        Some(text) => Catalog::parse(&catalog_path, &text)?,
        None => Catalog {
            collection: CollectionInfo {
                name: request.collection.clone(),
                title: request.collection.clone(),
                description: None,
            },
            entries: Vec::new(),
        },
    };
    let existing = catalog.entries.iter().position(|e| e.id == request.id);
    let mut entry = match existing {
        Some(i) => catalog.entries[i].clone(),
        None => new_entry(&request.collection, &request.id),
    };
    let text_path = dir.join(&entry.text);
    let had_text = files::exists(&text_path);
    if (entry.present || had_text) && !request.force {
        return Err(Error::TextExists { path: text_path, id: request.id.clone() });
    }
    update_entry(&mut entry, request, document, &stored);
    let warnings = super::facts::reconcile(&mut entry, &super::facts::found(document), &request.id);
    match existing {
        Some(i) => catalog.entries[i] = entry.clone(),
        None => catalog.entries.push(entry.clone()),
    }
    commit(&dir, &entry.text, stored.as_bytes(), &catalog, had_text, request.fail_after)?;
    Ok(AddOutcome {
        entry,
        path: text_path,
        replaced: had_text,
        blocks: document.blocks.len(),
        paragraphs: document.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).count(),
        warnings,
    })
}

/// The collection folder `root/name`, created if needed, locked, with any interrupted write
/// finished or rolled back.
fn locked_collection(root: &Path, name: &str) -> Result<(PathBuf, files::DirLock)> {
    let dir = root.join(name);
    files::create_dir_all(&dir, "the collection folder")?;
    // Nothing is written through a symbolic link: a linked collection folder could lead
    // anywhere on the disk.
    if files::is_symlink(&dir) {
        return Err(Error::io(
            &dir,
            "refusing to write into a collection folder that is a symbolic link",
            std::io::Error::other("replace the link by a real folder"),
        ));
    }
    let lock = files::lock_dir(&dir)?;
    recover(&dir)?;
    Ok((dir, lock))
}

/// Creates the collection `name` under `root` from a built-in one (its catalog and texts)
/// unless it has a catalog already; returns whether it did. Texts first, the catalog last,
/// so an interrupted seed leaves no catalog naming a missing text.
pub(super) fn seed(root: &Path, name: &str, catalog: &str, texts: &[(&str, &[u8])]) -> Result<bool> {
    let (dir, _lock) = locked_collection(root, name)?;
    let catalog_path = dir.join(CATALOG_FILE);
    if files::exists(&catalog_path) {
        return Ok(false);
    }
    for (file, bytes) in texts {
        let path = dir.join(file);
        if !files::exists(&path) {
            files::write_atomically(&path, bytes)?;
        }
    }
    files::write_atomically(&catalog_path, catalog.as_bytes())?;
    Ok(true)
}

/// The id, collection and date of a request, checked before anything is read.
fn check_request(root: &Path, request: &AddRequest) -> Result<()> {
    validate_id(&request.id)?;
    validate_id(&request.collection).map_err(|_| Error::UnknownCollection {
        name: request.collection.clone(),
        root: root.to_owned(),
        hint: Some("collection names are lowercase letters, digits and `-`".to_owned()),
    })?;
    match &request.date {
        Some(date) if !is_valid_date(date) => Err(Error::InvalidDate { date: date.clone() }),
        _ => Ok(()),
    }
}

/// The entry as it will be stored: checksum, size, how the input was read, and the facts
/// the request gives.
fn update_entry(entry: &mut Entry, request: &AddRequest, document: &Document, stored: &str) {
    entry.present = true;
    entry.sha256 = Some(sha256_hex(stored.as_bytes()));
    entry.bytes = Some(stored.len() as u64);
    entry.import = Some(Import {
        file: request.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        encoding: document.decoding.map_or_else(|| "UTF-8".to_owned(), |d| d.encoding.to_owned()),
        format: match document.format {
            crate::segment::InputFormat::Text => "text".to_owned(),
            crate::segment::InputFormat::Html => "html".to_owned(),
            crate::segment::InputFormat::Docx => "docx".to_owned(),
        },
    });
    entry.fetched =
        request.fetched.clone().map(|fetched| Fetched { text_sha256: sha256_hex(stored.as_bytes()), ..fetched });
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
            entry.sources.push(Source { url: url.clone(), language: entry.language.clone(), kind: None, note: None });
        }
    }
}

/// The journaled write: stage the text and the catalog, journal, rename the text, rename the
/// catalog (the commit), clear the journal. `fail_after` stops as a crash would, leaving
/// whatever that step left on disk.
fn commit(
    dir: &Path,
    text_name: &str,
    text: &[u8],
    catalog: &Catalog,
    had_text: bool,
    fail_after: Option<WriteStep>,
) -> Result<()> {
    let text_path = dir.join(text_name);
    let catalog_path = dir.join(CATALOG_FILE);
    let crash = |step: WriteStep, staged: Vec<files::Staged>| -> Result<()> {
        if fail_after != Some(step) {
            return Ok(());
        }
        staged.into_iter().for_each(files::Staged::abandon);
        Err(Error::io(&text_path, format!("injected failure after step {step:?}"), std::io::Error::other("test")))
    };
    let text_temp = files::stage(&text_path, text)?;
    if fail_after == Some(WriteStep::TextStaged) {
        return crash(WriteStep::TextStaged, vec![text_temp]);
    }
    let catalog_temp = files::stage(&catalog_path, catalog.to_toml().as_bytes())?;
    if fail_after == Some(WriteStep::CatalogStaged) {
        return crash(WriteStep::CatalogStaged, vec![text_temp, catalog_temp]);
    }
    let record = journal::begin(dir, text_name, &sha256_hex(text), had_text)?;
    files::sync_dir(dir);
    if fail_after == Some(WriteStep::Journaled) {
        return crash(WriteStep::Journaled, vec![text_temp, catalog_temp]);
    }
    text_temp.commit(&text_path)?;
    files::sync_dir(dir);
    if fail_after == Some(WriteStep::TextReplaced) {
        return crash(WriteStep::TextReplaced, vec![catalog_temp]);
    }
    catalog_temp.commit(&catalog_path)?;
    files::sync_dir(dir);
    crash(WriteStep::CatalogReplaced, Vec::new())?;
    journal::clear(dir, &record)
}

fn new_entry(collection: &str, id: &str) -> Entry {
    Entry {
        id: id.to_owned(),
        series: collection.to_owned(),
        meeting: None,
        date: None,
        city: None,
        city_zh: None,
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
        fetched: None,
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

/// A leftover of an interrupted write, as `corpus check` reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Leftover {
    /// A staged temporary file, never part of the corpus.
    Temp(PathBuf),
    /// A journal record of a write that did not finish, naming its text.
    Journal { text: PathBuf },
    /// A previous text saved by a write that crashed before its record was written.
    SavedText(PathBuf),
    /// A journal record that does not check, and why: left alone.
    DamagedJournal(PathBuf, String),
}

pub(super) fn leftovers(dir: &Path) -> Vec<Leftover> {
    let Ok(entries) = files::list_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<Leftover> = entries
        .into_iter()
        .filter(|path| {
            path.file_name()
                .map(|n| n.to_string_lossy())
                .is_some_and(|n| n.starts_with('.') && n.contains(files::TEMP_MARKER))
        })
        .map(Leftover::Temp)
        .collect();
    let pending = match journal::state(dir) {
        journal::State::Clear => None,
        journal::State::Pending(record) => {
            found.push(Leftover::Journal { text: dir.join(&record.text) });
            Some(record)
        }
        journal::State::Damaged(path, why) => {
            found.push(Leftover::DamagedJournal(path, why));
            None
        }
    };
    found.extend(journal::orphans(dir, pending.as_ref()).into_iter().map(Leftover::SavedText));
    found.extend(index_temps(dir).into_iter().map(Leftover::Temp));
    found.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    found
}

/// Finishes or rolls back an interrupted write in `dir`, removes the temporary files and
/// saved texts of writes that never got that far. Call with the collection locked. A damaged
/// journal record is left alone (`corpus check` reports it): nothing is removed or restored on
/// the word of a record that does not check.
pub(super) fn recover(dir: &Path) -> Result<Vec<String>> {
    let mut done = Vec::new();
    for leftover in leftovers(dir) {
        match leftover {
            Leftover::Temp(path) => {
                files::remove_file(&path, "a temporary file")?;
                done.push(format!("{}: removed a temporary file of an interrupted write", path.display()));
            }
            Leftover::SavedText(path) => {
                files::remove_file(&path, "a saved text")?;
                done.push(format!("{}: removed a text saved by a write that never started", path.display()));
            }
            Leftover::Journal { .. } | Leftover::DamagedJournal(..) => {}
        }
    }
    if let journal::State::Pending(record) = journal::state(dir) {
        done.push(finish_or_roll_back(dir, &record)?);
        journal::clear(dir, &record)?;
    }
    files::sync_dir(dir);
    Ok(done)
}

/// What a pending record's write left: committed (the catalog holds the new text's checksum
/// and the text is that text), or rolled back to the saved previous text, or (a new text) the
/// text the record names removed, if it is that text.
fn finish_or_roll_back(dir: &Path, record: &journal::Record) -> Result<String> {
    let text_path = dir.join(&record.text);
    let text_sha = files::read_input(&text_path).ok().map(|bytes| sha256_hex(&bytes));
    let catalog = Catalog::read(&dir.join(CATALOG_FILE)).ok();
    let committed = catalog.as_ref().is_some_and(|c| {
        c.entries.iter().any(|e| e.text == record.text && e.present && e.sha256.as_ref() == Some(&record.new_sha256))
    }) && text_sha.as_ref() == Some(&record.new_sha256);
    if committed {
        return Ok(format!("{}: the interrupted write had committed; cleared its journal", text_path.display()));
    }
    match (&record.previous, record.previous_path(dir)) {
        (Some(previous), Some(saved)) => {
            if text_sha.as_ref() != Some(&previous.sha256) {
                let saved_sha = files::read_input(&saved).ok().map(|bytes| sha256_hex(&bytes));
                if saved_sha.as_ref() != Some(&previous.sha256) {
                    return Err(Error::io(
                        &saved,
                        "restoring the previous text",
                        std::io::Error::other("the saved text does not match its journal record; nothing was changed"),
                    ));
                }
                files::rename(&saved, &text_path)?;
            }
            Ok(format!("{}: rolled back an interrupted write; the previous text is restored", text_path.display()))
        }
        _ => {
            if text_sha.as_ref() == Some(&record.new_sha256) {
                files::remove_file(&text_path, "an uncommitted text")?;
            }
            Ok(format!("{}: rolled back an interrupted write of a new text", text_path.display()))
        }
    }
}

/// How old an index temporary file must be to count as left by a write that never finished.
const INDEX_TEMP_AGE: std::time::Duration = std::time::Duration::from_secs(60);

/// Temporary files of index writes that never finished (a process killed while it stored a
/// document's tokens, a full disk): `<collection>/.index/<xx>/.<key>.bin.tmp-<random>`, a
/// minute old or more. Readers index texts without the collection's lock, so a younger one may
/// be a write in progress.
fn index_temps(dir: &Path) -> Vec<PathBuf> {
    let index = dir.join(super::INDEX_DIR);
    // An index folder that is a link leads out of the collection: nothing in it is ours.
    if files::is_symlink(&index) {
        return Vec::new();
    }
    let Ok(shards) = files::list_dir(&index) else {
        return Vec::new();
    };
    shards
        .into_iter()
        .filter(|shard| files::is_dir(shard) && !files::is_symlink(shard))
        .flat_map(|shard| files::list_dir(&shard).unwrap_or_default())
        .filter(|path| {
            path.file_name().is_some_and(|n| {
                let name = n.to_string_lossy();
                name.starts_with('.') && name.contains(files::TEMP_MARKER)
            }) && files::age(path).is_none_or(|age| age >= INDEX_TEMP_AGE)
        })
        .collect()
}

/// Runs [`recover`] with the collection locked.
pub(super) fn repair(dir: &Path) -> Result<Vec<String>> {
    let _lock = files::lock_dir(dir)?;
    recover(dir)
}
