//! The token cache: documents as read (blocks, comparison keys) with their tokens and their
//! [`Profile`](crate::profile::Profile), keyed by the input's bytes, the read options, the
//! segmentation and profile revisions and the dictionaries. A comparison of cached texts needs
//! neither decoding, Traditional→Simplified conversion, jieba's dictionary (which costs ten
//! times more than the whole comparison), nor counting each text's vocabulary again.
//!
//! Location: `$DECLDIFF_CACHE` (`off` disables it), else `$XDG_CACHE_HOME/decldiff`, else
//! `~/.cache/decldiff`. An entry is one binary file (postcard, after a magic tag and before a
//! keyed MAC of everything else), written atomically; an entry that does not check, parse or
//! fit its document (token offsets outside the keys, feature ids outside the vocabulary) is
//! ignored and rewritten, never trusted. Failing to write the cache is not an error.
//!
//! The MAC (SipHash-2-4, 128 bits) is keyed by a secret of the user's, made on first use in
//! `$XDG_CACHE_HOME/decldiff/entries.key` (else `~/.cache/decldiff/entries.key`), outside
//! every collection: whoever can write a collection's `.index` cannot make an entry this user
//! trusts (an entry of one text put under another text's key, its inner key rewritten, is
//! refused), and an entry another user wrote is rebuilt, not read. Without a place for the key
//! (no `HOME`), no entry is read or written.

use crate::files;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::sha256_hex;
use crate::clean::SetAside;
use crate::normalize::decode::Decoding;
use crate::profile::{PROFILE_REVISION, StoredProfile};
use crate::segment::{Block, BlockKind, Document, InputFormat, ReadOptions, SEGMENTATION_REVISION, ThemeSource};
use crate::tokenize::{SEGMENTER_VERSION, Tokenizer};

/// The environment variable that places (or, with `off`, disables) the cache.
pub const CACHE_ENV: &str = "DECLDIFF_CACHE";

/// Where cached documents live, if anywhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenCache {
    dir: Option<PathBuf>,
}

/// The entry format, part of every key: a new format never reads an old entry. (Format 2 was
/// JSON, whose parse cost more than the comparison it served.)
const FORMAT: u32 = 5;

/// What every entry file starts with.
const MAGIC: &[u8; 8] = b"ddcache4";

/// The length of an entry's MAC.
const MAC_LEN: usize = 16;

/// A cached document and, when it was kept, its profile.
#[derive(Debug)]
pub struct Cached {
    /// The document, tokenized, with an empty name (the caller names it).
    pub document: Document,
    /// Its profile.
    pub profile: Option<StoredProfile>,
}

/// An entry as postcard writes it. The blocks' strings come as one UTF-8 blob, checked in one
/// pass (SIMD, where one check per string cost more than the rest of reading), and numbers as
/// arrays of little-endian u32 in byte strings, which read back as a copy rather than one
/// varint at a time.
#[derive(Serialize, Deserialize)]
struct Entry<'a> {
    key: &'a str,
    format: InputFormat,
    #[serde(borrow)]
    decoding: Option<(&'a str, bool, bool)>,
    /// Every block's text, key, numbering and theme, one after the other.
    #[serde(serialize_with = "as_bytes")]
    strings: &'a [u8],
    #[serde(borrow)]
    blocks: Vec<CachedBlock<'a>>,
    /// [`StoredProfile::to_bytes`], or empty.
    #[serde(serialize_with = "as_bytes")]
    profile: &'a [u8],
    /// The lines cleaning set aside.
    set_aside: Vec<SetAside>,
}

/// A [`Block`] as the cache keeps it: its index is its place, its strings are lengths in the
/// entry's blob, its tokens are their lengths.
#[derive(Serialize, Deserialize)]
struct CachedBlock<'a> {
    kind: BlockKind,
    text: u32,
    key: u32,
    numbering: Option<u32>,
    theme: u32,
    theme_source: ThemeSource,
    theme_confidence: Option<f64>,
    section: Option<usize>,
    line: usize,
    /// Each token's byte length times two, plus one if it names an entity, as u32s.
    #[serde(serialize_with = "as_bytes")]
    tokens: &'a [u8],
}

/// Writes a byte slice as postcard's byte string (serde's default writes a sequence).
fn as_bytes<S: serde::Serializer>(bytes: &&[u8], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_bytes(bytes)
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
            "decldiff {}\ncache format {FORMAT}\nsegmentation {SEGMENTATION_REVISION}\nprofile {PROFILE_REVISION}\n{SEGMENTER_VERSION}\ndictionary {}\nthemes {}\nbytes {bytes_sha256}\nencoding {:?}\nhtml {:?}\nraw {}\ncleaning {}",
            env!("CARGO_PKG_VERSION"),
            tokenizer.dictionary_hash(),
            crate::theme::builtin_fingerprint(),
            options.encoding.map(encoding_rs::Encoding::name),
            options.html,
            options.raw,
            crate::clean::CLEANING_REVISION,
        );
        sha256_hex(described.as_bytes())
    }

    /// Whether entries are kept at all.
    pub fn is_enabled(&self) -> bool {
        self.dir.is_some()
    }

    fn path(&self, key: &str) -> Option<PathBuf> {
        self.dir.as_ref().map(|dir| dir.join(&key[..2]).join(format!("{key}.bin")))
    }

    /// The cached document for `key`, if there is a sound one.
    pub fn load(&self, key: &str) -> Option<Cached> {
        let bytes = files::read_own(&self.path(key)?)?;
        decode(&bytes, key)
    }

    /// Stores a tokenized document and its profile under `key` (atomically; errors are
    /// ignored: the cache is only an optimisation).
    pub fn store(&self, key: &str, document: &Document, profile: Option<&StoredProfile>) {
        let Some(path) = self.path(key) else { return };
        let Some(bytes) = encode(key, document, profile) else { return };
        let Some(dir) = path.parent() else { return };
        if files::create_dir_all(dir, "the cache folder").is_ok() {
            let _ = files::write_atomically(&path, &bytes);
        }
    }
}

/// An entry's bytes: the magic tag, the postcard body, the checksum of both.
fn encode(key: &str, document: &Document, profile: Option<&StoredProfile>) -> Option<Vec<u8>> {
    let tokens: Vec<Vec<u8>> = document
        .blocks
        .iter()
        .map(|block| {
            let mut start = 0u32;
            let mut bytes = Vec::new();
            for &(end, entity) in block.tokens.as_ref()? {
                let packed = end.checked_sub(start)?.checked_mul(2)? | u32::from(entity);
                bytes.extend_from_slice(&packed.to_le_bytes());
                start = end;
            }
            Some(bytes)
        })
        .collect::<Option<_>>()?;
    let mut strings = String::new();
    let mut add = |text: &str| -> Option<u32> {
        strings.push_str(text);
        u32::try_from(text.len()).ok()
    };
    let blocks = document
        .blocks
        .iter()
        .zip(&tokens)
        .map(|(block, tokens)| {
            Some(CachedBlock {
                kind: block.kind,
                text: add(&block.text)?,
                key: add(&block.key)?,
                numbering: match &block.numbering {
                    Some(numbering) => Some(add(numbering)?),
                    None => None,
                },
                theme: add(&block.theme)?,
                theme_source: block.theme_source,
                theme_confidence: block.theme_confidence,
                section: block.section,
                line: block.line,
                tokens,
            })
        })
        .collect::<Option<_>>()?;
    let profile = profile.map(StoredProfile::to_bytes).unwrap_or_default();
    let entry = Entry {
        key,
        format: document.format,
        decoding: document.decoding.map(|d| (d.encoding, d.bom, d.forced)),
        strings: strings.as_bytes(),
        blocks,
        profile: &profile,
        set_aside: document.set_aside.clone(),
    };
    let mut bytes = postcard::to_extend(&entry, MAGIC.to_vec()).ok()?;
    let mac = mac(signing_key()?, &bytes);
    bytes.extend_from_slice(&mac);
    Some(bytes)
}

/// The inverse of [`encode`]; `None` for anything it cannot have written for `key`.
fn decode(bytes: &[u8], key: &str) -> Option<Cached> {
    let (body, tag) = bytes.split_at_checked(bytes.len().checked_sub(MAC_LEN)?)?;
    if !body.starts_with(MAGIC) || mac(signing_key()?, body) != tag {
        return None;
    }
    let entry: Entry = postcard::from_bytes(&body[MAGIC.len()..]).ok()?;
    if entry.key != key {
        return None;
    }
    let decoding = match entry.decoding {
        Some((name, bom, forced)) => {
            let encoding = encoding_rs::Encoding::for_label(name.as_bytes())?.name();
            Some(Decoding { encoding, bom, forced })
        }
        None => None,
    };
    let mut strings = simdutf8::basic::from_utf8(entry.strings).ok()?;
    let mut next = |len: u32| -> Option<&str> {
        let (text, rest) = strings.split_at_checked(len as usize)?;
        strings = rest;
        Some(text)
    };
    let blocks = entry
        .blocks
        .into_iter()
        .enumerate()
        .map(|(index, cached)| {
            let (text, key) = (next(cached.text)?, next(cached.key)?);
            let numbering = match cached.numbering {
                Some(len) => Some(next(len)?.to_owned()),
                None => None,
            };
            let theme = next(cached.theme)?;
            if !cached.tokens.len().is_multiple_of(4) {
                return None;
            }
            let mut end = 0u32;
            let mut tokens = Vec::with_capacity(cached.tokens.len() / 4);
            for packed in cached.tokens.chunks_exact(4) {
                let packed = u32::from_le_bytes(packed.try_into().expect("4 bytes"));
                end = end.checked_add(packed >> 1)?;
                tokens.push((end, packed & 1 == 1));
            }
            tokens_fit(key, &tokens).then(|| Block {
                index,
                kind: cached.kind,
                text: text.to_owned(),
                key: key.to_owned(),
                numbering,
                theme: theme.to_owned(),
                theme_source: cached.theme_source,
                theme_confidence: cached.theme_confidence,
                section: cached.section,
                line: cached.line,
                tokens: Some(tokens),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    if !strings.is_empty() {
        return None;
    }
    let profile = match entry.profile {
        [] => None,
        bytes => Some(StoredProfile::from_bytes(bytes)?),
    };
    let document = Document { name: String::new(), format: entry.format, decoding, blocks, set_aside: entry.set_aside };
    Some(Cached { document, profile })
}

/// An entry's MAC under the user's key: damage to any byte changes it, and without the key
/// no one can make one.
fn mac(key: &[u8; 16], bytes: &[u8]) -> [u8; MAC_LEN] {
    use std::hash::Hasher as _;
    let mut hasher = siphasher::sip128::SipHasher24::new_with_key(key);
    hasher.write(bytes);
    siphasher::sip128::Hasher128::finish128(&hasher).as_bytes()
}

/// The user's key for entries' MACs (see the module docs), read or made once per process.
fn signing_key() -> Option<&'static [u8; 16]> {
    static KEY: std::sync::OnceLock<Option<[u8; 16]>> = std::sync::OnceLock::new();
    KEY.get_or_init(|| {
        let base = std::env::var_os("XDG_CACHE_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").filter(|v| !v.is_empty()).map(|h| Path::new(&h).join(".cache")))?;
        files::secret_key(&base.join("decldiff").join(KEY_FILE))
    })
    .as_ref()
}

/// The key's file name in the user's cache folder.
const KEY_FILE: &str = "entries.key";

/// Whether an entry file of this format, named by its key, checks: its MAC under this user's
/// key, its key, its contents. `None` when there is no key to check with, or for an entry of an
/// older format (never read: its key is not any current key).
pub(super) fn entry_checks(bytes: &[u8], key: &str) -> Option<bool> {
    signing_key()?;
    bytes.starts_with(MAGIC).then(|| decode(bytes, key).is_some())
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
    use crate::profile::Profile;
    use std::fs;

    #[test]
    fn tokens_must_fit_their_key() {
        assert!(tokens_fit("成员国", &[(9, false)]));
        assert!(tokens_fit("", &[]));
        assert!(!tokens_fit("成员国", &[(4, false), (9, false)]));
        assert!(!tokens_fit("成员国", &[(6, false)]));
        assert!(!tokens_fit("成员国", &[(6, false), (3, false)]));
    }

    #[test]
    fn round_trip_and_corruption() {
        let dir = tempfile::tempdir().unwrap();
        let cache = TokenCache::at(dir.path());
        let tokenizer = Tokenizer::shared();
        let mut doc = Document::parse("t", "安全合作\n成员国重申，坚定支持联合国。\n\n（二）A 1.5%");
        doc.tokenize(tokenizer);
        doc.decoding = Some(Decoding { encoding: "GBK", bom: false, forced: true });
        let profile = Profile::new(&doc, tokenizer).to_stored();
        assert!(profile.is_some());
        let key = TokenCache::key("abc", ReadOptions::default(), tokenizer);
        assert!(cache.load(&key).is_none());
        cache.store(&key, &doc, profile.as_ref());
        let back = cache.load(&key).expect("stored");
        assert_eq!(back.document, Document { name: String::new(), ..doc.clone() });
        assert_eq!(back.profile, profile);
        // Damage anywhere is noticed: every byte flipped in turn, a truncation, another key.
        let path = cache.path(&key).unwrap();
        let bytes = fs::read(&path).unwrap();
        for at in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x20;
            assert!(decode(&damaged, &key).is_none(), "byte {at}");
        }
        for len in [0, 7, 8, 9, 16, 17, bytes.len() - 1] {
            assert!(decode(&bytes[..len], &key).is_none(), "{len}");
        }
        // Damage signed again (as by someone holding the key): decoding never panics, and what
        // it accepts is a document whose tokens fit its keys.
        let body = &bytes[..bytes.len() - MAC_LEN];
        for at in (MAGIC.len()..body.len()).step_by(3) {
            for flip in [0x01, 0x80, 0xff] {
                let mut damaged = body.to_vec();
                damaged[at] ^= flip;
                let tag = mac(signing_key().unwrap(), &damaged);
                damaged.extend_from_slice(&tag);
                if let Some(cached) = decode(&damaged, &key) {
                    assert!(cached.document.blocks.iter().all(|b| tokens_fit(&b.key, b.tokens.as_ref().unwrap())));
                }
            }
        }
        let other = TokenCache::key("abd", ReadOptions::default(), tokenizer);
        assert!(decode(&bytes, &other).is_none());
        fs::write(&path, "{not an entry").unwrap();
        assert!(cache.load(&key).is_none());
        // Another key, other options: another entry.
        let forced = ReadOptions { encoding: Some(encoding_rs::BIG5), html: None, raw: false };
        assert_ne!(TokenCache::key("abc", forced, tokenizer), key);
        assert!(TokenCache::disabled().load(&key).is_none());
    }

    #[test]
    fn a_sound_entry_whose_tokens_do_not_fit_is_refused() {
        let tokenizer = Tokenizer::shared();
        let mut doc = Document::parse("t", "成员国重申。");
        doc.tokenize(tokenizer);
        doc.blocks[0].tokens = Some(vec![(3, false), (100, false)]);
        let bytes = encode("k", &doc, None).unwrap();
        assert!(decode(&bytes, "k").is_none());
    }
}
