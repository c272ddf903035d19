//! The file layer: the only module that touches the file system. Every other module parses
//! strings and bytes; reading goes through [`read_input`] / [`read_text`] (bounded, regular
//! files only, errors naming the file), writing through one atomic writer ([`write_atomically`],
//! or [`stage`] then [`Staged::commit`] when several files must change in a chosen order).
//!
//! Atomic writes create an exclusive, randomly named temporary file beside the target (the
//! tempfile crate: `O_EXCL`, so a planted link at a predictable name is never followed), write
//! it, `fsync` it, rename it over the target and sync the folder. A reader sees the old file or
//! the new one, never half of one, and an interrupted write leaves the old file.

use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::normalize::decode::MAX_INPUT_BYTES;

/// Reads an input file: a regular file (not a folder, device or pipe), at most
/// [`MAX_INPUT_BYTES`] read whatever size the file reports.
///
/// # Errors
/// [`Error::Io`] naming the file; [`Error::NotText`] for a folder, a file that is not a
/// regular file, or one over the limit.
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path == Path::new(STDIN) {
        return read_stdin(MAX_INPUT_BYTES);
    }
    read_bounded(path, MAX_INPUT_BYTES)
}

/// The name that stands for standard input wherever an input file is expected, and for
/// standard output wherever an output file is (`./-` names a file called `-`).
pub const STDIN: &str = "-";

/// Reads standard input, at most `limit` bytes; more is an error, not a truncation.
fn read_stdin(limit: usize) -> Result<Vec<u8>> {
    let path = Path::new("<stdin>");
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, "reading", e))?;
    if bytes.len() > limit {
        return Err(Error::NotText {
            path: path.to_owned(),
            what: format!("input too large (over {limit} bytes)"),
            hint: Some("decldiff reads one declaration at a time".to_owned()),
        });
    }
    Ok(bytes)
}

/// Reads at most `limit` bytes of a regular file; more is an error, not a truncation.
///
/// # Errors
/// As [`read_input`].
pub fn read_bounded(path: &Path, limit: usize) -> Result<Vec<u8>> {
    read_bounded_with(path, limit, "decldiff reads one declaration at a time; split the file")
}

/// [`read_bounded`] with the hint given when the file is over the limit.
///
/// # Errors
/// As [`read_input`].
pub fn read_bounded_with(path: &Path, limit: usize, hint_when_too_large: &str) -> Result<Vec<u8>> {
    // Looked at before opening: opening a FIFO would wait for a writer.
    let metadata = fs::metadata(path).map_err(|e| Error::io(path, "reading", e))?;
    if metadata.is_dir() {
        return Err(Error::NotText {
            path: path.to_owned(),
            what: "is a directory, not a file".to_owned(),
            hint: None,
        });
    }
    if !metadata.is_file() {
        return Err(Error::NotText {
            path: path.to_owned(),
            what: "is not a regular file (a device, pipe or socket)".to_owned(),
            hint: Some("save the text to a file first".to_owned()),
        });
    }
    let too_large = |size: u64| Error::NotText {
        path: path.to_owned(),
        what: format!("file too large ({size} bytes; the limit is {limit} bytes)"),
        hint: Some(hint_when_too_large.to_owned()),
    };
    if metadata.len() > limit as u64 {
        return Err(too_large(metadata.len()));
    }
    let file = File::open(path).map_err(|e| Error::io(path, "reading", e))?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    // One byte over the limit tells a file that grew while it was read from one that fits.
    file.take(limit as u64 + 1).read_to_end(&mut bytes).map_err(|e| Error::io(path, "reading", e))?;
    if bytes.len() > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads a UTF-8 text file (a catalog, a rules file, a gold file), bounded like an input.
///
/// # Errors
/// As [`read_input`]; [`Error::NotText`] with the byte offset when it is not UTF-8.
pub fn read_text(path: &Path) -> Result<String> {
    utf8_text(path, read_input(path)?)
}

/// A catalog's text: UTF-8, at most `limit` bytes (a catalog over it is refused before it is
/// read, so one huge catalog costs nothing to the commands that do not use it).
///
/// # Errors
/// As [`read_text`].
pub fn read_catalog_text(path: &Path, limit: usize) -> Result<String> {
    let hint = "a catalog of a thousand entries is under 1 MiB; is this file a catalog?";
    utf8_text(path, read_bounded_with(path, limit, hint)?)
}

fn utf8_text(path: &Path, bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| Error::NotText {
        path: path.to_owned(),
        what: format!("byte {}: not UTF-8", e.utf8_error().valid_up_to()),
        hint: Some("save the file as UTF-8".to_owned()),
    })
}

/// [`read_text`], or `None` when the file does not exist.
///
/// # Errors
/// As [`read_text`] for any other failure.
pub fn read_text_if_exists(path: &Path) -> Result<Option<String>> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        _ => read_text(path).map(Some),
    }
}

/// [`read_catalog_text`], or `None` when the file does not exist.
///
/// # Errors
/// As [`read_catalog_text`] for any other failure.
pub fn read_catalog_text_if_exists(path: &Path, limit: usize) -> Result<Option<String>> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        _ => read_catalog_text(path, limit).map(Some),
    }
}

/// The bytes of a file the program wrote itself (a cache or index entry), or `None` if it
/// cannot be read: such a file is rebuilt, never trusted blindly.
pub fn read_own(path: &Path) -> Option<Vec<u8>> {
    read_bounded(path, MAX_INPUT_BYTES * 8).ok()
}

/// Whether `path` names a regular file (following links, as opening it would).
pub fn is_file(path: &Path) -> bool {
    path.is_file()
}

/// Whether anything (a file, folder or link) is at `path`.
pub fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// Whether `path` is a folder.
pub fn is_dir(path: &Path) -> bool {
    path.is_dir()
}

/// Whether `path` itself is a symbolic link.
pub fn is_symlink(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// How long ago `path` was last modified; `None` if that cannot be told.
pub fn age(path: &Path) -> Option<std::time::Duration> {
    fs::symlink_metadata(path).ok()?.modified().ok()?.elapsed().ok()
}

/// The entries of a folder, sorted by name.
///
/// # Errors
/// [`Error::Io`] if the folder cannot be listed.
pub fn list_dir(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = fs::read_dir(dir).map_err(|e| Error::io(dir, "listing the folder", e))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    Ok(paths)
}

/// Creates a folder and its parents.
///
/// # Errors
/// [`Error::Io`] naming the folder.
pub fn create_dir_all(dir: &Path, what: &str) -> Result<()> {
    fs::create_dir_all(dir).map_err(|e| Error::io(dir, format!("creating {what}"), e))
}

/// Removes a file.
///
/// # Errors
/// [`Error::Io`] naming the file and why it was being removed.
pub fn remove_file(path: &Path, why: &str) -> Result<()> {
    fs::remove_file(path).map_err(|e| Error::io(path, format!("removing {why}"), e))
}

/// Removes a file if it is there; a failure is not an error (used to clean up).
pub fn remove_quietly(path: &Path) {
    let _ = fs::remove_file(path);
}

/// Renames `from` to `to`.
///
/// # Errors
/// [`Error::Io`] naming both.
pub fn rename(from: &Path, to: &Path) -> Result<()> {
    fs::rename(from, to).map_err(|e| Error::io(from, format!("renaming to {}", to.display()), e))
}

/// Keeps a second name for `path` at `backup` (a hard link, else a copy).
///
/// # Errors
/// [`Error::Io`] when neither works.
pub fn link_or_copy(path: &Path, backup: &Path) -> Result<()> {
    remove_quietly(backup);
    if fs::hard_link(path, backup).is_err() {
        fs::copy(path, backup).map_err(|e| Error::io(backup, "backing up the old text", e))?;
    }
    Ok(())
}

/// Creates an empty file, failing if anything is already there, and syncs it.
///
/// # Errors
/// [`Error::Io`] naming the file.
pub fn create_empty(path: &Path, what: &str) -> Result<()> {
    File::options()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::io(path, format!("writing {what}"), e))
}

/// Makes the renames in `dir` durable. Some file systems cannot sync a folder; that costs
/// durability only, never consistency, so it is not an error.
pub fn sync_dir(dir: &Path) {
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
}

/// A file written beside its target and synced, waiting to be renamed into place. Dropped
/// without [`Staged::commit`], it is removed.
#[derive(Debug)]
pub struct Staged {
    temp: tempfile::TempPath,
}

impl Staged {
    /// The temporary file's path.
    pub fn path(&self) -> &Path {
        &self.temp
    }

    /// Renames the staged file over `target`.
    ///
    /// # Errors
    /// [`Error::Io`] naming the temporary file and the target.
    pub fn commit(self, target: &Path) -> Result<()> {
        let from = self.temp.to_path_buf();
        self.temp.persist(target).map_err(|e| Error::io(&from, format!("renaming to {}", target.display()), e.error))
    }

    /// Leaves the staged file on disk (as a crash would). For failure-injection tests.
    #[doc(hidden)]
    pub fn abandon(self) {
        let _ = self.temp.keep();
    }
}

/// The prefix of every temporary file this layer creates: `.<target name>.tmp-<random>`.
/// `corpus check` recognises leftovers by it.
pub const TEMP_MARKER: &str = ".tmp-";

/// Writes `bytes` to an exclusive, randomly named temporary file beside `target` and syncs it.
///
/// # Errors
/// [`Error::Io`] naming the folder or the temporary file.
pub fn stage(target: &Path, bytes: &[u8]) -> Result<Staged> {
    let dir = parent_of(target);
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut file = tempfile::Builder::new()
        .prefix(&format!(".{name}{TEMP_MARKER}"))
        .tempfile_in(dir)
        .map_err(|e| Error::io(target, "writing", e))?;
    let written = file.write_all(bytes).and_then(|()| file.as_file().sync_all());
    let temp = file.into_temp_path();
    written.map_err(|e| Error::io(&temp, "writing", e))?;
    Ok(Staged { temp })
}

/// Replaces `target` with `bytes` atomically: staged beside it, synced, renamed, the folder
/// synced.
///
/// # Errors
/// [`Error::Io`] naming the target (or its temporary file); the target is then unchanged.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> Result<()> {
    stage(target, bytes)?.commit(target)?;
    sync_dir(parent_of(target));
    Ok(())
}

fn parent_of(path: &Path) -> &Path {
    path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// The user's secret key in `path`: 16 random bytes, created on first use (owner-only, never
/// replacing a file that is there). `None` when it can be neither read nor made, or when the
/// file is not a plain 16-byte file (a link, a folder): then nothing keyed can be trusted.
pub fn secret_key(path: &Path) -> Option<[u8; 16]> {
    let read = |path: &Path| -> Option<[u8; 16]> {
        let metadata = fs::symlink_metadata(path).ok()?;
        if !metadata.is_file() || metadata.len() != 16 {
            return None;
        }
        fs::read(path).ok()?.try_into().ok()
    };
    if fs::symlink_metadata(path).is_ok() {
        return read(path);
    }
    let dir = parent_of(path);
    fs::create_dir_all(dir).ok()?;
    let mut key = [0u8; 16];
    getrandom::fill(&mut key).ok()?;
    // tempfile creates the file exclusively and owner-only; persisting without clobbering
    // leaves a key another process made first in place.
    let mut file = tempfile::Builder::new().prefix(&format!(".key{TEMP_MARKER}")).tempfile_in(dir).ok()?;
    file.write_all(&key).and_then(|()| file.as_file().sync_all()).ok()?;
    match file.persist_noclobber(path) {
        Ok(_) => Some(key),
        Err(_) => read(path),
    }
}

/// An exclusive lock on a folder (an OS file lock on `<dir>/.lock`), released when dropped or
/// when the process ends, so a crash leaves no stale lock.
#[derive(Debug)]
pub struct DirLock {
    _file: File,
}

/// Takes the shared lock of `dir` when it has a lock file (a reader that must see no write
/// half done: `corpus check`), waiting for a writer; `None` when no write ever took it or it
/// cannot be opened.
pub fn lock_dir_shared(dir: &Path) -> Option<DirLock> {
    let file = File::open(dir.join(".lock")).ok()?;
    file.lock_shared().ok()?;
    Some(DirLock { _file: file })
}

/// Sixteen random hex digits, for names no one can predict.
///
/// # Errors
/// [`Error::Io`] when the system has no randomness to give.
pub fn random_hex() -> Result<String> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes)
        .map_err(|e| Error::io(Path::new("<random>"), "drawing a random name", std::io::Error::other(e.to_string())))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Takes the exclusive lock of `dir`, waiting for another holder.
///
/// # Errors
/// [`Error::Io`] naming the lock file.
pub fn lock_dir(dir: &Path) -> Result<DirLock> {
    let path = dir.join(".lock");
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io(&path, "opening the lock file", e))?;
    file.lock().map_err(|e| Error::io(&path, "locking the collection", e))?;
    Ok(DirLock { _file: file })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.txt");
        write_atomically(&target, b"one").unwrap();
        write_atomically(&target, b"two").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"two");
        assert_eq!(list_dir(dir.path()).unwrap(), vec![target]);
    }

    #[test]
    fn staged_files_are_removed_unless_committed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("x");
        let staged = stage(&target, b"x").unwrap();
        assert!(staged.path().file_name().unwrap().to_string_lossy().starts_with(".x.tmp-"));
        drop(staged);
        assert!(list_dir(dir.path()).unwrap().is_empty());
    }

    #[test]
    fn bounded_reads_refuse_what_is_not_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(read_input(dir.path()), Err(Error::NotText { .. })));
        let big = dir.path().join("big");
        fs::write(&big, vec![b'a'; 11]).unwrap();
        assert!(read_bounded(&big, 10).is_err());
        assert_eq!(read_bounded(&big, 11).unwrap().len(), 11);
        #[cfg(unix)]
        assert!(matches!(read_input(Path::new("/dev/null")), Err(Error::NotText { .. })));
        #[cfg(unix)]
        {
            // A FIFO is refused at once, not waited on.
            let fifo = dir.path().join("fifo");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
            if made {
                let err = read_input(&fifo).unwrap_err().to_string();
                assert!(err.contains("not a regular file"), "{err}");
            }
        }
    }

    #[test]
    fn text_that_is_not_utf8_names_the_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.toml");
        fs::write(&path, b"ab\xffcd").unwrap();
        let err = read_text(&path).unwrap_err().to_string();
        assert!(err.contains("byte 2: not UTF-8"), "{err}");
    }
}
