//! Clean lines → a [`Document`]: a list of [`Block`]s, each with its kind (title, heading,
//! paragraph, signatory, date line, source line), its numbering, and the theme it stands in.
//!
//! Themes come from titled headings (`安全合作`); paragraphs before the first heading of a
//! sectioned text are `preamble`; the closing block (signatories, date line, source line) is
//! `signatures`. Paragraphs of a text without titled sections are `unassigned`, for the
//! content-based theme assignment to fill in.
//!
//! Invariants: block indices are 0-based and dense, in document order; every block of a
//! one-paragraph-per-line file is one of its non-empty lines, in order.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::clean::{self, Cleaned, KeptLine, PageLine, SetAside};
use crate::error::{Error, Result};
use crate::normalize::{self, decode::Decoding};

/// Revision of reading and segmentation. Part of every token-cache key: bump it whenever a
/// change to decoding, normalisation or segmentation could change a document's blocks.
pub const SEGMENTATION_REVISION: u32 = 2;

/// The most blocks a document may have. The longest SCO declaration has under 200; the
/// aligner and the renderers are tested at 100,000 (docs/reliability.md).
pub const MAX_BLOCKS: usize = 200_000;

/// Theme name of paragraphs before the first heading of a sectioned text.
pub const PREAMBLE: &str = "preamble";
/// Theme name of the closing block.
pub const SIGNATURES: &str = "signatures";
/// Theme name of paragraphs whose theme no heading gives.
pub const UNASSIGNED: &str = "unassigned";

/// A titled heading is at most this many characters (the longest in the SCO series is
/// under 15); a longer line without sentence punctuation is still a paragraph.
const MAX_HEADING_CHARS: usize = 25;
/// A signature, date or source line is at most this many characters.
const MAX_CLOSING_LINE_CHARS: usize = 50;

/// Words that end an office title in a signature line.
pub(crate) const OFFICES: &[&str] = &[
    "总统",
    "总理",
    "主席",
    "首相",
    "国王",
    "领导人",
    "秘书长",
    "元首",
    "代表",
    "苏丹",
    "埃米尔",
    "首脑",
    "部长",
    "大使",
];

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The document's own title line, when a text starts with it.
    Title,
    /// A titled section heading (`安全合作`, `一、政治合作`).
    Heading,
    /// A section boundary with no title: a bare numeral (`一`, `二、`, `（三）`). It opens a
    /// section but never names a theme.
    SectionMarker,
    /// A paragraph of the declaration.
    Paragraph,
    /// A signature line: office and name.
    Signatory,
    /// The date (and place) of signature.
    DateLine,
    /// The news agency's source line, `（新华社莫斯科11月10日电）`.
    SourceLine,
    /// A place-and-date line under the title: `（2005年7月5日，阿斯塔纳）`.
    PlaceDate,
}

impl BlockKind {
    /// Whether the block opens a section: a titled heading or a bare numeral.
    pub fn is_section(self) -> bool {
        matches!(self, BlockKind::Heading | BlockKind::SectionMarker)
    }

    /// The name used in tables and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Signatory => "signatory",
            BlockKind::DateLine => "date_line",
            BlockKind::SourceLine => "source_line",
            BlockKind::SectionMarker => "section_marker",
            BlockKind::PlaceDate => "place_date",
        }
    }
}

/// Where a block's theme comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ThemeSource {
    /// The titled heading the block stands under (or is).
    Heading,
    /// Its position: the preamble, or the closing block.
    Position,
    /// No heading gives one; content-based assignment may.
    Unassigned,
    /// Assigned by content ([`crate::theme::content::ContentClassifier`]), with a confidence.
    Content,
}

/// One block of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Block {
    /// 0-based position in the document.
    pub index: usize,
    /// What the block is.
    pub kind: BlockKind,
    /// Display text: the original characters, trimmed of indents and surrounding whitespace.
    pub text: String,
    /// Comparison key: [`normalize::comparison_key`] of the text, numbering removed.
    pub key: String,
    /// The numbering marker the text starts with (`一、`, `（二）`, `3.`), as written
    /// (width-folded).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numbering: Option<String>,
    /// The theme: a titled heading's text, `preamble`, `signatures` or `unassigned`.
    pub theme: String,
    /// Where the theme comes from.
    pub theme_source: ThemeSource,
    /// For a theme assigned by content: the probability of its best theme, 0 to 1 (below
    /// [`crate::theme::content::UNSURE_BELOW`] the theme is `unsure`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme_confidence: Option<f64>,
    /// Index of the heading block this block stands under, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<usize>,
    /// 1-based line of the block in the decoded (or, for HTML, extracted) text.
    pub line: usize,
    /// The key's tokens, once [`Document::tokenize`] (or the token cache) has run: the byte
    /// offset where each ends, and whether it names an entity (state, organisation, person).
    #[serde(skip)]
    pub tokens: Option<Vec<(u32, bool)>>,
}

impl Block {
    /// The key's tokens: the stored ones (without allocating), or cut now by `tokenizer`.
    pub fn token_texts<'a>(&'a self, tokenizer: &crate::tokenize::Tokenizer) -> TokenTexts<'a> {
        match &self.tokens {
            Some(tokens) => TokenTexts::Stored { key: &self.key, ends: tokens.iter(), start: 0 },
            None => TokenTexts::Cut(
                tokenizer.tokenize(&self.key).into_iter().map(|t| t.text).collect::<Vec<_>>().into_iter(),
            ),
        }
    }

    /// The key's tokens that name entities (stored, or found now by `tokenizer`).
    pub fn entity_tokens(&self, tokenizer: &crate::tokenize::Tokenizer) -> Vec<&str> {
        match &self.tokens {
            Some(tokens) => {
                let mut start = 0;
                tokens
                    .iter()
                    .filter_map(|&(end, entity)| {
                        let text = &self.key[start..end as usize];
                        start = end as usize;
                        entity.then_some(text)
                    })
                    .collect()
            }
            None => {
                tokenizer.tokenize(&self.key).into_iter().map(|t| t.text).filter(|t| tokenizer.is_entity(t)).collect()
            }
        }
    }

    /// The sentences of the comparison key, split after 。！？； (the delimiter stays with its
    /// sentence). A key without a delimiter is one sentence.
    pub fn sentences(&self) -> impl Iterator<Item = &str> {
        self.key.split_inclusive(['。', '！', '？', '；']).filter(|s| !s.is_empty())
    }
}

/// The tokens of a block's key: see [`Block::token_texts`].
#[derive(Debug)]
pub enum TokenTexts<'a> {
    /// Slices of the key at the stored token ends.
    Stored {
        /// The key.
        key: &'a str,
        /// The remaining token ends.
        ends: std::slice::Iter<'a, (u32, bool)>,
        /// Where the next token starts.
        start: usize,
    },
    /// Tokens cut on demand.
    Cut(std::vec::IntoIter<&'a str>),
}

impl<'a> Iterator for TokenTexts<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        match self {
            TokenTexts::Stored { key, ends, start } => {
                let &(end, _) = ends.next()?;
                let text = &key[*start..end as usize];
                *start = end as usize;
                Some(text)
            }
            TokenTexts::Cut(tokens) => tokens.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            TokenTexts::Stored { ends, .. } => ends.size_hint(),
            TokenTexts::Cut(tokens) => tokens.size_hint(),
        }
    }
}

impl ExactSizeIterator for TokenTexts<'_> {}

/// The form the input came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InputFormat {
    /// Plain text.
    Text,
    /// An HTML page, from which the article was extracted.
    Html,
    /// A Word document (.docx): its paragraphs.
    Docx,
}

/// A segmented declaration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// How the document is called in outputs: its corpus id or file name.
    pub name: String,
    /// The input's form.
    pub format: InputFormat,
    /// How its bytes were decoded, when it was read from bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decoding: Option<Decoding>,
    /// The blocks, in document order.
    pub blocks: Vec<Block>,
    /// The lines of the input that are not the declaration, with why (page furniture, a news
    /// lead, repeated titles, other datelines, other languages); see [`crate::clean`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set_aside: Vec<SetAside>,
}

/// Counts of a document's blocks, per kind and per theme.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Structure {
    /// Blocks of each kind, in [`BlockKind`] order.
    pub kinds: Vec<(BlockKind, usize)>,
    /// Paragraphs in each theme, in order of first appearance.
    pub themes: Vec<(String, usize)>,
}

/// How to read bytes into a [`Document`].
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// Use this encoding instead of detecting one.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Treat the input as HTML (`Some(true)`), as plain text (`Some(false)`), or decide from
    /// the path's extension and the content (`None`).
    pub html: Option<bool>,
    /// Keep every line of the input: no cleaning (page furniture, leads and datelines stay).
    pub raw: bool,
}

impl Document {
    /// Segments an already-decoded plain text as it is (no cleaning: every line is a block).
    pub fn parse(name: impl Into<String>, text: &str) -> Document {
        let lines = normalize::split_lines(text).into_iter().map(|line| PageLine { line, outside_article: false });
        Document::from_cleaned(name.into(), InputFormat::Text, None, clean::keep_all(lines.collect()))
    }

    /// Reads a declaration from bytes: decodes them, extracts the article if they are an
    /// HTML page, and segments the text. `path` names the input in errors.
    ///
    /// # Errors
    /// The decoding errors of [`normalize::decode::decode`], and [`Error::NotText`] when an
    /// HTML page holds no text.
    pub fn from_bytes(path: &Path, bytes: &[u8], options: ReadOptions) -> Result<Document> {
        let word = normalize::docx::read(path, bytes)?;
        let is_word = word.is_some();
        let (text, decoding) = match word {
            Some(text) => (text, normalize::decode::Decoding { encoding: "UTF-8", bom: false, forced: false }),
            None => normalize::decode::decode(path, bytes, options.encoding)?,
        };
        let format = if is_word {
            InputFormat::Docx
        } else if options.html.unwrap_or_else(|| {
            let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
            matches!(extension.as_deref(), Some("html" | "htm" | "xhtml")) || normalize::html::looks_like_html(&text)
        }) {
            InputFormat::Html
        } else {
            InputFormat::Text
        };
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let lines = if format == InputFormat::Html {
            normalize::html::check_nesting(path, &text)?;
            normalize::html::extract_lines(&text)
        } else {
            let lines = normalize::split_lines(&text);
            lines.into_iter().map(|line| PageLine { line, outside_article: false }).collect()
        };
        if lines.len() > MAX_BLOCKS {
            return Err(Error::NotText {
                path: path.to_owned(),
                what: format!("too many blocks ({}; the limit is {MAX_BLOCKS})", lines.len()),
                hint: Some("a declaration has at most a few hundred paragraphs; is this the right file?".to_owned()),
            });
        }
        if lines.is_empty() {
            return Err(Error::NotText {
                path: path.to_owned(),
                what: format!("no text found in the {}", if is_word { "Word document" } else { "HTML page" }),
                hint: (!is_word).then(|| "pass --input text to read the file as plain text".to_owned()),
            });
        }
        let cleaned = if options.raw { clean::keep_all(lines) } else { clean::clean(lines, clean::Rules::builtin()) };
        if cleaned.kept.is_empty() {
            return Err(Error::NotText {
                path: path.to_owned(),
                what: format!("no declaration text found ({} lines, all set aside)", cleaned.set_aside.len()),
                hint: Some("pass --raw to keep every line".to_owned()),
            });
        }
        let document = Document::from_cleaned(name, format, Some(decoding), cleaned);
        if let Some(share) = document.han_share().filter(|&share| share < normalize::MIN_HAN_SHARE) {
            let what =
                format!("not a Chinese text: {:.0} % of its letters are Chinese characters", (share * 100.0).floor());
            let hint =
                Some("decldiff compares the Chinese texts of declarations (Simplified or Traditional)".to_owned());
            return Err(Error::NotText { path: path.to_owned(), what, hint });
        }
        Ok(document)
    }

    /// The share of Chinese characters among the letters of the document's blocks; `None` when
    /// it has too few letters to tell (a few headings, numbers).
    pub fn han_share(&self) -> Option<f64> {
        normalize::han_share(self.blocks.iter().map(|b| b.text.as_str()))
    }

    fn from_cleaned(name: String, format: InputFormat, decoding: Option<Decoding>, cleaned: Cleaned) -> Document {
        let Cleaned { kept, set_aside } = cleaned;
        let mut blocks: Vec<Block> = Vec::with_capacity(kept.len());
        let mut seen_paragraph = false;
        for (index, kept) in kept.into_iter().enumerate() {
            let KeptLine { line, simplified, hint } = kept;
            let folded_key = normalize::fold_simplified(&simplified);
            let previous = blocks.last().map(|b| b.kind);
            let (numbering, rest) = normalize::split_numbering(&folded_key);
            let kind = hint.unwrap_or_else(|| classify(&simplified, &folded_key, rest, previous, seen_paragraph));
            seen_paragraph |= kind == BlockKind::Paragraph;
            let (numbering, key) = match kind {
                BlockKind::Heading | BlockKind::Paragraph => (numbering.map(str::to_owned), rest.to_owned()),
                // A marker is all numbering: its key is empty, whatever numeral it shows.
                BlockKind::SectionMarker => (Some(folded_key.trim().to_owned()), String::new()),
                _ => (None, folded_key.clone()),
            };
            blocks.push(Block {
                index,
                kind,
                text: line.text,
                key,
                numbering,
                theme: String::new(),
                theme_source: ThemeSource::Unassigned,
                theme_confidence: None,
                section: None,
                line: line.line,
                tokens: None,
            });
        }
        assign_themes(&mut blocks);
        Document { name, format, decoding, blocks, set_aside }
    }

    /// Cuts every block's key into tokens (in parallel), recording which name entities.
    pub fn tokenize(&mut self, tokenizer: &crate::tokenize::Tokenizer) {
        use rayon::prelude::*;
        self.blocks.par_iter_mut().filter(|b| b.tokens.is_none()).for_each(|block| {
            let tokens = tokenizer
                .tokenize(&block.key)
                .into_iter()
                .map(|t| ((t.byte_start + t.text.len()) as u32, tokenizer.is_entity(t.text)))
                .collect();
            block.tokens = Some(tokens);
        });
    }

    /// Whether every block carries its tokens.
    pub fn is_tokenized(&self) -> bool {
        self.blocks.iter().all(|b| b.tokens.is_some())
    }

    /// The paragraph blocks.
    pub fn iter_paragraphs(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph)
    }

    /// Whether the document has titled sections (themes given by headings).
    pub fn has_titled_sections(&self) -> bool {
        self.blocks.iter().any(|b| b.kind == BlockKind::Heading && b.theme_source == ThemeSource::Heading)
    }

    /// Counts of blocks per kind and of paragraphs per theme.
    pub fn structure(&self) -> Structure {
        let mut kinds: std::collections::BTreeMap<BlockKind, usize> = std::collections::BTreeMap::new();
        let mut themes: Vec<(String, usize)> = Vec::new();
        for block in &self.blocks {
            *kinds.entry(block.kind).or_default() += 1;
            if block.kind == BlockKind::Paragraph {
                match themes.iter_mut().find(|(t, _)| *t == block.theme) {
                    Some((_, n)) => *n += 1,
                    None => themes.push((block.theme.clone(), 1)),
                }
            }
        }
        Structure { kinds: kinds.into_iter().collect(), themes }
    }
}

fn classify(
    display: &str,
    key: &str,
    unnumbered: &str,
    previous: Option<BlockKind>,
    seen_paragraph: bool,
) -> BlockKind {
    let chars = key.chars().count();
    let has_sentence_punctuation = key.contains(['。', '；', '：', '！', '？']);
    if chars <= MAX_CLOSING_LINE_CHARS && !has_sentence_punctuation {
        if is_source_line(key) {
            return BlockKind::SourceLine;
        }
        if is_date_line(key) {
            return BlockKind::DateLine;
        }
        if is_signatory(display, key, previous) {
            return BlockKind::Signatory;
        }
    }
    let unnumbered_chars = unnumbered.chars().count();
    let ends_open = !unnumbered.ends_with(|c: char| "。；：！？….;:!?".contains(c));
    if !seen_paragraph
        && previous.is_none()
        && ends_open
        && unnumbered_chars <= 60
        && ["宣言", "声明", "公报", "纲要"].iter().any(|w| unnumbered.ends_with(w))
    {
        return BlockKind::Title;
    }
    if unnumbered.is_empty() || is_bare_numeral(unnumbered) {
        return BlockKind::SectionMarker;
    }
    if unnumbered_chars <= MAX_HEADING_CHARS && ends_open && !has_sentence_punctuation {
        return BlockKind::Heading;
    }
    BlockKind::Paragraph
}

/// A numeral standing alone: `一`, `二十`, `3`, `（四）` once its marker is split off.
pub(crate) fn is_bare_numeral(text: &str) -> bool {
    let inner = text.trim_matches(|c: char| "（）()、.．，,".contains(c) || normalize::is_space(c));
    !inner.is_empty()
        && inner.chars().count() <= 3
        && inner.chars().all(|c| c.is_ascii_digit() || "一二三四五六七八九十百".contains(c))
}

/// `（新华社莫斯科11月10日电）`, `(新华社北京6月15日电)`.
fn is_source_line(key: &str) -> bool {
    let inner = key.strip_prefix(['（', '(']).and_then(|k| k.strip_suffix(['）', ')']));
    inner.is_some_and(|inner| inner.ends_with(['电', '讯']) || inner.contains("消息"))
}

/// `2020年11月10日`, `2020年11月10日于莫斯科`, `二〇二〇年十一月十日`.
fn is_date_line(key: &str) -> bool {
    const DATE_CHARS: &str = "0123456789一二三四五六七八九十〇零";
    let Some((year, rest)) = key.split_once('年') else {
        return false;
    };
    let Some((month, rest)) = rest.split_once('月') else {
        return false;
    };
    let Some((day, place)) = rest.split_once('日') else {
        return false;
    };
    let all_date = |s: &str, min: usize, max: usize| {
        let n = s.chars().count();
        n >= min && n <= max && s.chars().all(|c| DATE_CHARS.contains(c))
    };
    all_date(year, 4, 4) && all_date(month, 1, 3) && all_date(day, 1, 3) && place.chars().count() <= 12
}

fn is_signatory(display: &str, key: &str, previous: Option<BlockKind>) -> bool {
    if key.contains(['，', ',', '、']) && !key.contains("代总统、") {
        // An enumeration comma inside an office ("代总统、总理") is allowed; elsewhere a comma
        // means a phrase, not a signature.
        return false;
    }
    let has_office = OFFICES.iter().any(|office| key.contains(office));
    let spaced = normalize::has_spaced_columns(display)
        || OFFICES
            .iter()
            .any(|office| display.contains(&format!("{office} ")) || display.contains(&format!("{office}\u{3000}")));
    (has_office && spaced) || (previous == Some(BlockKind::Signatory) && (spaced || has_office))
}

fn assign_themes(blocks: &mut [Block]) {
    let sectioned = blocks.iter().any(|b| matches!(b.kind, BlockKind::Heading | BlockKind::SectionMarker));
    let mut current: Option<(String, ThemeSource, usize)> = None;
    let mut seen_paragraph = false;
    for block in blocks.iter_mut() {
        let (theme, source, section): (String, ThemeSource, Option<usize>) = match block.kind {
            BlockKind::Heading => {
                let next = (block.key.clone(), ThemeSource::Heading, block.index);
                current = Some(next.clone());
                (next.0, next.1, Some(next.2))
            }
            // A bare numeral opens a section whose theme only content can tell.
            BlockKind::SectionMarker => {
                let next = (UNASSIGNED.to_owned(), ThemeSource::Unassigned, block.index);
                current = Some(next.clone());
                (next.0, next.1, Some(next.2))
            }
            BlockKind::Signatory | BlockKind::DateLine => (SIGNATURES.to_owned(), ThemeSource::Position, None),
            BlockKind::SourceLine if seen_paragraph => (SIGNATURES.to_owned(), ThemeSource::Position, None),
            BlockKind::Title | BlockKind::SourceLine | BlockKind::PlaceDate => {
                (PREAMBLE.to_owned(), ThemeSource::Position, None)
            }
            BlockKind::Paragraph => {
                seen_paragraph = true;
                match &current {
                    Some((name, source, heading)) => (name.clone(), *source, Some(*heading)),
                    None if sectioned => (PREAMBLE.to_owned(), ThemeSource::Position, None),
                    None => (UNASSIGNED.to_owned(), ThemeSource::Unassigned, None),
                }
            }
        };
        block.theme = theme;
        block.theme_source = source;
        block.section = section;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(BlockKind, String)> {
        Document::parse("t", text).blocks.into_iter().map(|b| (b.kind, b.theme)).collect()
    }

    #[test]
    fn segments_sections_and_closing_block() {
        let text = "　　上合组织成员国领导人举行会议，并发表宣言如下：\n安全合作\n　　成员国指出，恐怖主义威胁上升。\n\
印度共和国总理             莫迪\n哈萨克斯坦共和国总统       托卡耶夫\n2020年11月10日  \n（新华社莫斯科11月10日电）\n";
        use BlockKind::*;
        let got = kinds(text);
        let expected = [
            (Paragraph, "preamble"),
            (Heading, "安全合作"),
            (Paragraph, "安全合作"),
            (Signatory, "signatures"),
            (Signatory, "signatures"),
            (DateLine, "signatures"),
            (SourceLine, "signatures"),
        ];
        assert_eq!(got, expected.map(|(k, t)| (k, t.to_owned())));
    }

    #[test]
    fn numbered_sections_and_paragraphs() {
        let doc = Document::parse(
            "t",
            "上海合作组织成员国元首杜尚别宣言\n一、\n一、成员国元首认为，合作十分重要。\n（二）政治合作\n2. 成员国强调，坚持不干涉内政。\n",
        );
        let b = &doc.blocks;
        assert_eq!(b[0].kind, BlockKind::Title);
        assert_eq!(
            (b[1].kind, b[1].numbering.as_deref(), b[1].key.as_str()),
            (BlockKind::SectionMarker, Some("一、"), "")
        );
        assert_eq!((b[2].kind, b[2].theme.as_str()), (BlockKind::Paragraph, UNASSIGNED));
        assert_eq!(b[2].key, "成员国元首认为，合作十分重要。");
        assert_eq!((b[3].kind, b[3].key.as_str()), (BlockKind::Heading, "政治合作"));
        assert_eq!((b[4].theme.as_str(), b[4].numbering.as_deref(), b[4].section), ("政治合作", Some("2."), Some(3)));
    }

    #[test]
    fn unsectioned_text_is_unassigned() {
        let doc = Document::parse("t", "成员国指出，形势深刻演变。\n成员国重申，支持联合国。\n");
        assert!(doc.blocks.iter().all(|b| b.theme == UNASSIGNED && b.theme_source == ThemeSource::Unassigned));
        assert!(!doc.has_titled_sections());
    }

    #[test]
    fn sentences_split_after_delimiters() {
        let doc = Document::parse("t", "成员国指出，形势演变。成员国重申；支持联合国！\n");
        let s: Vec<_> = doc.blocks[0].sentences().collect();
        assert_eq!(s, ["成员国指出，形势演变。", "成员国重申；", "支持联合国！"]);
    }
}
