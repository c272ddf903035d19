//! The write journal: while `corpus add` replaces a text, one record in a folder of the
//! collection's own (`.decldiff/journal.json`) names the write, the saved previous text and
//! the checksums of both, sealed by a checksum of its own. Nothing else is ever taken for a
//! journal (a user's `catalog.toml.prev` or `x.absent` is just a file), and recovery only
//! removes or restores what the record proves the write made.
//!
//! Readers use it too: a reader that opened the catalog before a write committed finds the
//! previous text here while the write runs, so it reads the old state or the new one, never
//! a mix, and never waits.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::sha256_hex;
use crate::error::Result;
use crate::files;

/// The journal's folder inside a collection.
pub(super) const JOURNAL_DIR: &str = ".decldiff";
const RECORD_FILE: &str = "journal.json";
/// Saved previous texts are named `prev-<random>`.
const PREVIOUS_PREFIX: &str = "prev-";

/// One write in progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Record {
    /// The record's format.
    version: u32,
    /// The text's file name in the collection.
    pub text: String,
    /// The SHA-256 of the text being written.
    pub new_sha256: String,
    /// The text it replaces, saved in the journal folder, if there was one.
    pub previous: Option<Previous>,
    /// SHA-256 of the record with this field empty: a damaged or hand-made record is ignored.
    seal: String,
}

/// The text a write replaces, saved until the write commits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Previous {
    /// Its file name in the journal folder.
    pub file: String,
    /// Its SHA-256.
    pub sha256: String,
}

/// What the journal folder holds.
#[derive(Debug)]
pub(super) enum State {
    /// No write in progress.
    Clear,
    /// A write that did not finish.
    Pending(Record),
    /// A record that does not check: left alone, reported.
    Damaged(PathBuf, String),
}

impl Record {
    fn sealed(text: &str, new_sha256: &str, previous: Option<Previous>) -> Record {
        let mut record = Record {
            version: 1,
            text: text.to_owned(),
            new_sha256: new_sha256.to_owned(),
            previous,
            seal: String::new(),
        };
        record.seal = record.expected_seal();
        record
    }

    fn expected_seal(&self) -> String {
        let unsealed = Record { seal: String::new(), ..self.clone() };
        sha256_hex(serde_json::to_string(&unsealed).unwrap_or_default().as_bytes())
    }

    /// The saved previous text's path.
    pub fn previous_path(&self, collection: &Path) -> Option<PathBuf> {
        self.previous.as_ref().map(|p| collection.join(JOURNAL_DIR).join(&p.file))
    }
}

/// Starts a write of `text_name` (whose new bytes hash to `new_sha256`): saves the current text,
/// if any, in the journal folder and writes the sealed record. Call with the collection locked.
///
/// # Errors
/// [`crate::Error::Io`] naming the file that could not be written.
pub(super) fn begin(collection: &Path, text_name: &str, new_sha256: &str, had_text: bool) -> Result<Record> {
    let dir = collection.join(JOURNAL_DIR);
    files::create_dir_all(&dir, "the journal folder")?;
    if files::is_symlink(&dir) {
        return Err(crate::Error::io(
            &dir,
            "refusing a journal folder that is a symbolic link",
            std::io::Error::other("replace the link by a real folder"),
        ));
    }
    let previous = if had_text {
        let text_path = collection.join(text_name);
        let bytes = files::read_input(&text_path)?;
        let file = format!("{PREVIOUS_PREFIX}{}", files::random_hex()?);
        files::link_or_copy(&text_path, &dir.join(&file))?;
        Some(Previous { file, sha256: sha256_hex(&bytes) })
    } else {
        None
    };
    let record = Record::sealed(text_name, new_sha256, previous);
    let json = serde_json::to_string_pretty(&record).unwrap_or_default();
    files::write_atomically(&dir.join(RECORD_FILE), json.as_bytes())?;
    Ok(record)
}

/// Ends a committed or rolled-back write: the record goes first, then the saved text.
///
/// # Errors
/// [`crate::Error::Io`] naming the record.
pub(super) fn clear(collection: &Path, record: &Record) -> Result<()> {
    files::remove_file(&collection.join(JOURNAL_DIR).join(RECORD_FILE), "the journal record")?;
    if let Some(path) = record.previous_path(collection) {
        files::remove_quietly(&path);
    }
    files::sync_dir(&collection.join(JOURNAL_DIR));
    Ok(())
}

/// The journal's state, read without changing anything.
pub(super) fn state(collection: &Path) -> State {
    let path = collection.join(JOURNAL_DIR).join(RECORD_FILE);
    if !files::exists(&path) {
        return State::Clear;
    }
    let record = files::read_text(&path)
        .map_err(|e| e.to_string())
        .and_then(|text| serde_json::from_str::<Record>(&text).map_err(|e| e.to_string()));
    match record {
        Ok(record) if record.seal == record.expected_seal() && super::catalog::is_safe_text_name(&record.text) => {
            State::Pending(record)
        }
        Ok(_) => State::Damaged(path, "its seal does not match".to_owned()),
        Err(why) => State::Damaged(path, why),
    }
}

/// Saved previous texts no record names (a write that crashed before its record was written).
pub(super) fn orphans(collection: &Path, pending: Option<&Record>) -> Vec<PathBuf> {
    let dir = collection.join(JOURNAL_DIR);
    if files::is_symlink(&dir) {
        return Vec::new();
    }
    let named = pending.and_then(|r| r.previous.as_ref()).map(|p| p.file.as_str());
    files::list_dir(&dir)
        .unwrap_or_default()
        .into_iter()
        .filter(|path| {
            path.file_name()
                .map(|n| n.to_string_lossy())
                .is_some_and(|n| n.starts_with(PREVIOUS_PREFIX) && Some(n.as_ref()) != named)
        })
        .collect()
}

/// For a reader: the previous text of `text_name` if a write in progress saved it and it is
/// the text whose checksum the reader's catalog holds.
pub(super) fn previous_text(collection: &Path, text_name: &str, expected_sha256: &str) -> Option<Vec<u8>> {
    let State::Pending(record) = state(collection) else { return None };
    let previous = record.previous.as_ref().filter(|p| record.text == text_name && p.sha256 == expected_sha256)?;
    let bytes = files::read_input(&collection.join(JOURNAL_DIR).join(&previous.file)).ok()?;
    (sha256_hex(&bytes) == expected_sha256).then_some(bytes)
}
