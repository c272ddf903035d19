//! The token cache: documents as read (blocks, comparison keys) with their tokens, keyed by
//! the input's bytes, the read options, the segmentation revision and the dictionaries. A
//! comparison of cached texts needs neither decoding, Traditional→Simplified conversion, nor
//! jieba's dictionary, which costs ten times more than the whole comparison.
//!
//! Location: `$DECLDIFF_CACHE` (`off` disables it), else `$XDG_CACHE_HOME/decldiff`, else
//! `~/.cache/decldiff`. An entry is one JSON file, written atomically; an entry that does not
//! parse or does not fit its document (token offsets outside the keys, a wrong block count) is
//! ignored and rewritten, never trusted. Failing to write the cache is not an error.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::sha256_hex;
use crate::segment::{Document, ReadOptions, SEGMENTATION_REVISION};
use crate::tokenize::{SEGMENTER_VERSION, Tokenizer};

/// The environment variable that places (or, with `off`, disables) the cache.
pub const CACHE_ENV: &str = "DECLDIFF_CACHE";

/// Where cached documents live, if anywhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenCache {
    dir: Option<PathBuf>,
}

/// The entry format, part of every key: a new format never reads an old entry.
const FORMAT: u32 = 2;

#[derive(Serialize, Deserialize)]
struct Entry {
    key: String,
    document: Document,
    /// Each block's tokens, packed (see [`pack_tokens`]): a JSON array of thousands of
    /// numbers took longer to parse than the comparison it served.
    tokens: Vec<String>,
}

impl TokenCache {
    /// No cache: every document is read and tokenized.
    pub fn disabled() -> TokenCache {
        TokenCache { dir: None }
    }

    /// A cache in `dir`.
    pub fn at(dir: impl Into<PathBuf>) -> TokenCache {
        TokenCache { dir: Some(dir.into()) }
    }

    /// The cache the environment asks for (see the module docs).
    pub fn from_env() -> TokenCache {
        match std::env::var_os(CACHE_ENV) {
            Some(v) if v == "off" || v == "0" || v.is_empty() => TokenCache::disabled(),
            Some(dir) => TokenCache::at(dir),
            None => std::env::var_os("XDG_CACHE_HOME")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
                .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cache")))
                .map_or_else(TokenCache::disabled, |base| TokenCache::at(base.join("decldiff"))),
        }
    }

    /// The key of a document read from bytes whose SHA-256 is `bytes_sha256`.
    pub fn key(bytes_sha256: &str, options: ReadOptions, tokenizer: &Tokenizer) -> String {
        let described = format!(
            "decldiff {}\ncache format {FORMAT}\nsegmentation {SEGMENTATION_REVISION}\n{SEGMENTER_VERSION}\ndictionary {}\nbytes {bytes_sha256}\nencoding {:?}\nhtml {:?}",
            env!("CARGO_PKG_VERSION"),
            tokenizer.dictionary_hash(),
            options.encoding.map(encoding_rs::Encoding::name),
            options.html,
        );
        sha256_hex(described.as_bytes())
    }

    fn path(&self, key: &str) -> Option<PathBuf> {
        self.dir.as_ref().map(|dir| dir.join(&key[..2]).join(format!("{key}.json")))
    }

    /// The cached document for `key`, if there is a sound one.
    pub fn load(&self, key: &str) -> Option<Document> {
        let text = fs::read_to_string(self.path(key)?).ok()?;
        let entry: Entry = serde_json::from_str(&text).ok()?;
        if entry.key != key || entry.tokens.len() != entry.document.blocks.len() {
            return None;
        }
        let mut document = entry.document;
        for (index, (block, packed)) in document.blocks.iter_mut().zip(entry.tokens).enumerate() {
            let tokens = unpack_tokens(&packed)?;
            if block.index != index || !tokens_fit(&block.key, &tokens) {
                return None;
            }
            block.tokens = Some(tokens);
        }
        Some(document)
    }

    /// Stores a tokenized document under `key` (atomically; errors are ignored: the cache is
    /// only an optimisation).
    pub fn store(&self, key: &str, document: &Document) {
        let Some(path) = self.path(key) else { return };
        let Some(tokens) = document.blocks.iter().map(|b| b.tokens.as_deref().map(pack_tokens)).collect() else {
            return;
        };
        let entry = Entry { key: key.to_owned(), document: document.clone(), tokens };
        let Ok(json) = serde_json::to_string(&entry) else { return };
        let Some(dir) = path.parent() else { return };
        if fs::create_dir_all(dir).is_err() {
            return;
        }
        let temp = dir.join(format!(".{key}.tmp-{}", std::process::id()));
        if fs::write(&temp, json).is_ok() && fs::rename(&temp, &path).is_ok() {
            return;
        }
        let _ = fs::remove_file(&temp);
    }
}

/// Token ends as text: each token's byte length times two, plus one if it names an entity,
/// as a LEB128 varint; the bytes in hex.
fn pack_tokens(tokens: &[(u32, bool)]) -> String {
    let mut packed = String::with_capacity(tokens.len() * 2);
    let mut start = 0u64;
    for &(end, entity) in tokens {
        let mut value = (u64::from(end).saturating_sub(start) << 1) | u64::from(entity);
        start = u64::from(end);
        loop {
            let byte = (value & 0x7f) as u8 | if value > 0x7f { 0x80 } else { 0 };
            let _ = write!(packed, "{byte:02x}"); // writing to a String cannot fail
            value >>= 7;
            if value == 0 {
                break;
            }
        }
    }
    packed
}

/// The inverse of [`pack_tokens`]; `None` for anything it cannot have written.
fn unpack_tokens(packed: &str) -> Option<Vec<(u32, bool)>> {
    let bytes = packed.as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let mut tokens = Vec::with_capacity(bytes.len() / 2);
    let (mut end, mut value, mut shift) = (0u32, 0u64, 0u32);
    for pair in bytes.chunks_exact(2) {
        let byte = u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok()?;
        if shift > 35 {
            return None;
        }
        value |= u64::from(byte & 0x7f) << shift;
        shift += 7;
        if byte & 0x80 == 0 {
            end = end.checked_add(u32::try_from(value >> 1).ok()?)?;
            tokens.push((end, value & 1 == 1));
            (value, shift) = (0, 0);
        }
    }
    (shift == 0).then_some(tokens)
}

/// Whether token end offsets cut `key` into tokens: strictly increasing, on character
/// boundaries, ending at its end.
fn tokens_fit(key: &str, tokens: &[(u32, bool)]) -> bool {
    let mut previous = 0usize;
    for &(end, _) in tokens {
        let end = end as usize;
        if end <= previous || end > key.len() || !key.is_char_boundary(end) {
            return false;
        }
        previous = end;
    }
    previous == key.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_must_fit_their_key() {
        assert!(tokens_fit("成员国", &[(9, false)]));
        assert!(tokens_fit("", &[]));
        assert!(!tokens_fit("成员国", &[(4, false), (9, false)]));
        assert!(!tokens_fit("成员国", &[(6, false)]));
        assert!(!tokens_fit("成员国", &[(6, false), (3, false)]));
    }

    #[test]
    fn packed_tokens_round_trip() {
        let tokens = vec![(3, false), (9, true), (9 + 300, false), (u32::MAX, true)];
        assert_eq!(unpack_tokens(&pack_tokens(&tokens)), Some(tokens));
        assert_eq!(unpack_tokens(""), Some(vec![]));
        for bad in ["0", "zz", "80", "ffffffffffff01", "é0"] {
            assert_eq!(unpack_tokens(bad), None, "{bad}");
        }
    }

    #[test]
    fn round_trip_and_corruption() {
        let dir = tempfile::tempdir().unwrap();
        let cache = TokenCache::at(dir.path());
        let tokenizer = Tokenizer::shared();
        let mut doc = Document::parse("t", "安全合作\n成员国重申，坚定支持联合国。\n");
        doc.tokenize(tokenizer);
        let key = TokenCache::key("abc", ReadOptions::default(), tokenizer);
        assert!(cache.load(&key).is_none());
        cache.store(&key, &doc);
        let back = cache.load(&key).expect("stored");
        assert_eq!(back, doc);
        // A damaged entry is not trusted.
        let path = cache.path(&key).unwrap();
        let text = fs::read_to_string(&path).unwrap().replacen("\"key\":\"", "\"key\":\"x", 1);
        fs::write(&path, text).unwrap();
        assert!(cache.load(&key).is_none());
        fs::write(&path, "{not json").unwrap();
        assert!(cache.load(&key).is_none());
        // Another key, other options: another entry.
        let forced = ReadOptions { encoding: Some(encoding_rs::BIG5), html: None };
        assert_ne!(TokenCache::key("abc", forced, tokenizer), key);
        assert!(TokenCache::disabled().load(&key).is_none());
    }
}
