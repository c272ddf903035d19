//! Comparison keys → tokens. jieba-rs with its default dictionary plus the domain dictionary
//! kept in `data/domain-dictionary.txt` (and an optional user dictionary), HMM off; titles in
//! 《》 stay whole, so a renamed document is one replaced token.
//!
//! HMM is off because HMM guesses words for characters outside the dictionary from their
//! neighbours, so the same string can be cut differently in two contexts, and a word diff
//! then reports a change where none was made. With HMM off, unknown names fall into single
//! characters, which diff just as well, and the domain dictionary covers the names that
//! matter.
//!
//! A [`Tokenizer`] is cheap to build: jieba's dictionary (about 60 ms to load) is loaded on
//! the first call that needs it, so a run whose documents come with their tokens (from the
//! token cache) never pays for it. Share one (`&Tokenizer` is `Send + Sync`), or use
//! [`Tokenizer::shared`].

use std::path::Path;
use std::sync::OnceLock;

use jieba_rs::Jieba;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// The segmenter's identity, recorded in outputs: a change to it may change tokens.
pub const SEGMENTER_VERSION: &str = "jieba-rs 0.11.0, HMM off, decldiff-titles 1";

/// The domain dictionary compiled into decldiff.
pub const DOMAIN_DICTIONARY: &str = include_str!("../data/domain-dictionary.txt");

/// What a token is, for classifying changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// A Chinese word (or single character).
    Word,
    /// A title in 《》, brackets included.
    Title,
    /// Digits, possibly with separators (`2020`, `2.5`).
    Number,
    /// Latin letters (`WTO`).
    Latin,
    /// Punctuation.
    Punctuation,
    /// Whitespace.
    Space,
}

/// One token of a comparison key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token<'a> {
    /// The token's text.
    pub text: &'a str,
    /// Byte offset of the token in the key.
    pub byte_start: usize,
    /// What the token is.
    pub kind: TokenKind,
}

/// One line of a dictionary: word, frequency, tag.
type DictionaryEntry = (String, Option<usize>, Option<String>);

/// The word segmenter: jieba with the domain (and user) dictionary, loaded on first use.
pub struct Tokenizer {
    jieba: OnceLock<Jieba>,
    entries: Vec<DictionaryEntry>,
    dictionary_hash: String,
    /// Words the dictionaries tag as place (ns), organisation (nt) or person (nr) names.
    entities: std::collections::HashSet<String>,
}

impl std::fmt::Debug for Tokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tokenizer").field("dictionary_hash", &self.dictionary_hash).finish_non_exhaustive()
    }
}

impl Tokenizer {
    /// The tokenizer with the built-in dictionaries, built on first use and shared.
    pub fn shared() -> &'static Tokenizer {
        static SHARED: OnceLock<Tokenizer> = OnceLock::new();
        SHARED.get_or_init(|| {
            Tokenizer::build(None).expect("the built-in domain dictionary is valid (checked by a unit test)")
        })
    }

    /// A tokenizer with the built-in dictionaries plus a user dictionary (`word [freq] [tag]`
    /// per line, `#` comments).
    ///
    /// # Errors
    /// [`Error::Io`] if the file cannot be read, [`Error::Dictionary`] for a malformed line.
    pub fn with_user_dictionary(path: &Path) -> Result<Tokenizer> {
        let bytes = crate::files::read_input(path)?;
        let text = String::from_utf8(bytes).map_err(|e| Error::Dictionary {
            path: path.to_owned(),
            line: 1 + e.as_bytes()[..e.utf8_error().valid_up_to()].iter().filter(|b| **b == b'\n').count(),
            what: "not UTF-8".to_owned(),
        })?;
        Tokenizer::build(Some((path, &text)))
    }

    fn build(user: Option<(&Path, &str)>) -> Result<Tokenizer> {
        let mut hasher = Sha256::new();
        hasher.update(SEGMENTER_VERSION.as_bytes());
        let builtin = (Path::new("data/domain-dictionary.txt"), DOMAIN_DICTIONARY);
        let mut entries = Vec::new();
        for (path, text) in std::iter::once(builtin).chain(user) {
            hasher.update(text.as_bytes());
            entries.extend(parse_dictionary(path, text)?);
        }
        let entities = entries
            .iter()
            .filter(|(_, _, tag)| tag.as_deref().is_some_and(|t| ["ns", "nt", "nr"].contains(&t)))
            .map(|(word, _, _)| word.clone())
            .collect();
        let dictionary_hash = hex_prefix(&hasher.finalize(), 16);
        Ok(Tokenizer { jieba: OnceLock::new(), entries, dictionary_hash, entities })
    }

    /// jieba with our dictionaries, loaded on first use.
    fn jieba(&self) -> &Jieba {
        self.jieba.get_or_init(|| {
            let mut jieba = Jieba::new();
            for (word, freq, tag) in &self.entries {
                jieba.add_word(word, *freq, tag.as_deref());
            }
            jieba
        })
    }

    /// Loads jieba's dictionary now, if it is not loaded yet (the first cut would).
    pub fn load(&self) {
        self.jieba();
    }

    /// Whether jieba's dictionary has been loaded (a run served from the token cache never
    /// loads it).
    pub fn is_loaded(&self) -> bool {
        self.jieba.get().is_some()
    }

    /// Words the dictionaries tag as names of places, organisations or persons.
    pub fn dictionary_entities(&self) -> impl Iterator<Item = &str> {
        self.entities.iter().map(String::as_str)
    }

    /// A hash of the segmenter version and every dictionary loaded on top of jieba's own
    /// (hex, 16 digits): outputs state it so that a result can be reproduced.
    pub fn dictionary_hash(&self) -> &str {
        &self.dictionary_hash
    }

    /// Whether `word` names a state, place, organisation or person: tagged so (ns, nt, nr) in
    /// the domain or user dictionary, or in jieba's own.
    pub fn is_entity(&self, word: &str) -> bool {
        if self.entities.contains(word) {
            return true;
        }
        let tags = self.jieba().tag(word, false);
        tags.len() == 1 && ["ns", "nt", "nr"].iter().any(|t| tags[0].tag.starts_with(t))
    }

    /// Cuts a comparison key into tokens. Concatenating the tokens' texts gives back `key`.
    pub fn tokenize<'a>(&self, key: &'a str) -> Vec<Token<'a>> {
        let mut tokens = Vec::with_capacity(key.len() / 4);
        for (start, end, is_title) in title_spans(key) {
            let piece = &key[start..end];
            if is_title {
                tokens.push(Token { text: piece, byte_start: start, kind: TokenKind::Title });
                continue;
            }
            for t in self.jieba().cut(piece, false) {
                tokens.push(Token { text: t.word, byte_start: start + t.byte_start, kind: kind_of(t.word) });
            }
        }
        tokens
    }
}

/// Parses a dictionary (`word [frequency] [tag]` per line, `#` comments).
fn parse_dictionary(path: &Path, text: &str) -> Result<Vec<DictionaryEntry>> {
    let mut entries = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split_whitespace();
        let word = fields.next().expect("a non-empty line has a first field");
        let freq = match fields.next() {
            Some(f) => Some(f.parse::<usize>().map_err(|_| Error::Dictionary {
                path: path.to_owned(),
                line: number + 1,
                what: format!("frequency `{f}` is not a whole number"),
            })?),
            None => None,
        };
        let tag = fields.next().map(str::to_owned);
        if fields.next().is_some() {
            return Err(Error::Dictionary {
                path: path.to_owned(),
                line: number + 1,
                what: "expected `word [frequency] [tag]`".to_owned(),
            });
        }
        entries.push((word.to_owned(), freq, tag));
    }
    Ok(entries)
}

/// Splits a key into spans: (start, end, is_title). A title is a balanced 《…》 (nested 〈〉
/// or 《》 allowed); an unbalanced bracket is ordinary text.
fn title_spans(key: &str) -> Vec<(usize, usize, bool)> {
    let mut spans = Vec::new();
    let mut plain_start = 0;
    let mut search_from = 0;
    while let Some(open_rel) = key[search_from..].find('《') {
        let open = search_from + open_rel;
        let mut depth = 0usize;
        let mut close = None;
        for (offset, c) in key[open..].char_indices() {
            match c {
                '《' => depth += 1,
                '》' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(open + offset + c.len_utf8());
                        break;
                    }
                }
                '\n' => break,
                _ => {}
            }
        }
        match close {
            Some(end) => {
                if plain_start < open {
                    spans.push((plain_start, open, false));
                }
                spans.push((open, end, true));
                plain_start = end;
                search_from = end;
            }
            None => search_from = open + '《'.len_utf8(),
        }
    }
    if plain_start < key.len() {
        spans.push((plain_start, key.len(), false));
    }
    spans
}

/// What a token is, from its text (one pass over its characters).
pub fn kind_of(word: &str) -> TokenKind {
    // Most tokens start with an ideograph, which settles it: no other kind can start so.
    if word.chars().next().is_some_and(is_ideograph) {
        return TokenKind::Word;
    }
    let (mut all_space, mut all_digitish, mut all_latin, mut none_alnum) = (true, true, true, true);
    let mut first_digit = false;
    for (i, c) in word.chars().enumerate() {
        if i == 0 {
            first_digit = c.is_ascii_digit();
        }
        all_space &= c.is_whitespace();
        all_digitish &= c.is_ascii_digit() || matches!(c, '.' | ',' | '%');
        all_latin &= c.is_ascii_alphabetic();
        none_alnum &= !is_alphanumeric(c);
    }
    if word.starts_with('《') && word.ends_with('》') && word.chars().count() > 2 {
        TokenKind::Title
    } else if all_space {
        TokenKind::Space
    } else if first_digit && all_digitish {
        TokenKind::Number
    } else if all_latin {
        TokenKind::Latin
    } else if none_alnum {
        TokenKind::Punctuation
    } else {
        TokenKind::Word
    }
}

/// `char::is_alphanumeric` with the two common cases first: ASCII and the CJK ideographs
/// (U+3400–U+4DBF, U+4E00–U+9FFF), which the standard library answers through a slow table
/// lookup (a fifth of a comparison's time went there).
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if is_ideograph(c) {
        true
    } else {
        c.is_alphanumeric()
    }
}

/// A CJK ideograph of the basic block or extension A (U+3400–U+4DBF, U+4E00–U+9FFF).
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

fn hex_prefix(bytes: &[u8], digits: usize) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()[..digits].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(key: &str) -> Vec<&str> {
        Tokenizer::shared().tokenize(key).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn fast_alphanumeric_agrees_with_the_standard_library() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn tokens_rebuild_the_key() {
        let key =
            "成员国支持落实《上合组织成员国打击恐怖主义、分裂主义和极端主义2019年至2021年合作纲要》，采取共同措施。";
        let tokens = Tokenizer::shared().tokenize(key);
        assert_eq!(tokens.iter().map(|t| t.text).collect::<String>(), key);
        for t in &tokens {
            assert_eq!(&key[t.byte_start..t.byte_start + t.text.len()], t.text);
        }
        assert!(
            tokens.iter().any(|t| t.kind == TokenKind::Title && t.text.starts_with('《') && t.text.ends_with('》'))
        );
    }

    #[test]
    fn domain_words_are_single_tokens() {
        assert!(words("上合组织坚定支持人类命运共同体").contains(&"坚定支持"));
        assert!(words("上合组织坚定支持人类命运共同体").contains(&"人类命运共同体"));
        assert!(words("成员国注意到该倡议").contains(&"注意到"));
    }

    #[test]
    fn unbalanced_title_bracket_is_plain_text() {
        assert_eq!(title_spans("a《b"), vec![(0, 5, false)]);
        assert_eq!(title_spans("《〈x〉》y"), vec![(0, 13, true), (13, 14, false)]);
    }

    #[test]
    fn kinds() {
        assert_eq!(kind_of("2020"), TokenKind::Number);
        assert_eq!(kind_of("，"), TokenKind::Punctuation);
        assert_eq!(kind_of("WTO"), TokenKind::Latin);
        assert_eq!(kind_of("成员国"), TokenKind::Word);
    }

    #[test]
    fn user_dictionary_errors_name_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("user.txt");
        std::fs::write(&path, "词语 10\n坏 x\n").unwrap();
        let err = Tokenizer::with_user_dictionary(&path).unwrap_err().to_string();
        assert!(err.ends_with("user.txt: line 2: frequency `x` is not a whole number"), "{err}");
    }

    #[test]
    fn building_is_lazy() {
        let tokenizer = Tokenizer::build(None).unwrap();
        assert!(!tokenizer.is_loaded());
        assert_eq!(tokenizer.dictionary_hash(), Tokenizer::shared().dictionary_hash());
        assert!(tokenizer.is_entity("哈萨克斯坦共和国") && !tokenizer.is_loaded());
        tokenizer.tokenize("成员国");
        assert!(tokenizer.is_loaded());
    }

    #[test]
    fn tokenizer_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Tokenizer>();
    }
}
