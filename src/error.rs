//! Typed errors of the library. Every variant names the file or place it is about, so the
//! binary can print `error: <file>: <what>` without adding context of its own.

use std::path::PathBuf;

/// Result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong at the edges of decldiff: reading files, decoding bytes,
/// loading catalogs and dictionaries, writing to the corpus. The pipeline stages after
/// reading (segment, tokenize, align, diff, score) are infallible.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written.
    #[error("{}: {action}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What was being done (`reading`, `writing`, `renaming to …`).
        action: String,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The bytes are not valid in the encoding they were read as.
    #[error("{}: byte {offset}: invalid {encoding} sequence {bytes}{hint}", path.display(), hint = hint_suffix(hint))]
    Undecodable {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first bad byte, 0-based.
        offset: usize,
        /// The encoding tried.
        encoding: &'static str,
        /// The offending bytes, as hex.
        bytes: String,
        /// What the user can do.
        hint: Option<String>,
    },
    /// The input is not a text at all (NUL bytes, control characters, empty, too large).
    #[error("{}: {what}{hint}", path.display(), hint = hint_suffix(hint))]
    NotText {
        /// The file.
        path: PathBuf,
        /// What is wrong, with its place where there is one.
        what: String,
        /// What the user can do.
        hint: Option<String>,
    },
    /// `--encoding` named an encoding decldiff does not know.
    #[error("unknown encoding `{label}` (known: utf-8, utf-16le, utf-16be, gb18030, gbk, big5)")]
    UnknownEncoding {
        /// The label given.
        label: String,
    },
    /// A catalog file is malformed.
    #[error("{}: {what}", path.display())]
    Catalog {
        /// The catalog file.
        path: PathBuf,
        /// What is wrong, with the line where the parser reports one.
        what: String,
    },
    /// A collection whose catalog cannot be read or parsed; the other collections still work.
    #[error("collection `{name}` cannot be used: {reason}")]
    BrokenCollection {
        /// The collection.
        name: String,
        /// The catalog's error.
        reason: String,
    },
    /// A corpus id is malformed.
    #[error("invalid id `{id}`: ids are lowercase letters, digits and `-` (e.g. sco-2020)")]
    InvalidId {
        /// The id given.
        id: String,
    },
    /// Neither a corpus id nor a readable file.
    #[error("{name}: no such corpus id or file{hint}", hint = hint_suffix(hint))]
    UnknownDocument {
        /// What the user asked for.
        name: String,
        /// Close ids, or how to list them.
        hint: Option<String>,
    },
    /// A collection that does not exist.
    #[error("no collection `{name}` in {}{hint}", root.display(), hint = hint_suffix(hint))]
    UnknownCollection {
        /// The collection name.
        name: String,
        /// The corpus root searched.
        root: PathBuf,
        /// The collections that exist.
        hint: Option<String>,
    },
    /// A series command cannot run on this collection.
    #[error("collection `{collection}`: {what}{hint}", hint = hint_suffix(hint))]
    Series {
        /// The collection.
        collection: String,
        /// What is missing.
        what: String,
        /// How to get texts.
        hint: Option<String>,
    },
    /// A rules file (commitment ladders, a taxonomy of themes) is malformed.
    #[error("{}: {what}", path.display())]
    Rules {
        /// The rules file.
        path: PathBuf,
        /// What is wrong, with its line where there is one.
        what: String,
    },
    /// A measurement file (a gold alignment, a simulated series' truth) is malformed.
    #[error("{}: {what}{hint}", path.display(), hint = hint_suffix(hint))]
    Data {
        /// The file.
        path: PathBuf,
        /// What is wrong, with its line where there is one.
        what: String,
        /// What the file should look like.
        hint: Option<String>,
    },
    /// A date that is not a real `YYYY-MM-DD` date.
    #[error("--date `{date}` is not YYYY-MM-DD (hint: e.g. 2020-11-10)")]
    InvalidDate {
        /// The date given.
        date: String,
    },
    /// `corpus add` would overwrite an existing text.
    #[error("{}: a text for `{id}` is already stored (hint: pass --force to replace it)", path.display())]
    TextExists {
        /// The stored text file.
        path: PathBuf,
        /// The corpus id.
        id: String,
    },
    /// A user dictionary line is malformed.
    #[error("{}: line {line}: {what}", path.display())]
    Dictionary {
        /// The dictionary file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        what: String,
    },
}

fn hint_suffix(hint: &Option<String>) -> String {
    match hint {
        Some(h) => format!(" (hint: {h})"),
        None => String::new(),
    }
}

/// "line N: message" for a TOML parse error in `text`.
pub(crate) fn toml_message(text: &str, error: &toml::de::Error) -> String {
    let line = error.span().map_or(0, |s| 1 + text[..s.start.min(text.len())].matches('\n').count());
    format!("line {line}: {}", error.message())
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, action: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), action: action.into(), source }
    }
}
