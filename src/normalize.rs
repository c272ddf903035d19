//! Text → clean lines and comparison keys. Everything a user brings (any encoding, HTML, any
//! line ends, indents, Traditional characters, full-width digits) becomes one clean form:
//! a list of logical lines, each with its display text (the original script, trimmed) and its
//! comparison key (Simplified, widths folded, whitespace dropped between Chinese characters).
//! Two versions of a text that differ only in those respects have equal keys.
//!
//! Invariant: [`comparison_key`] is idempotent.

pub mod decode;
pub mod docx;
pub mod html;

use std::sync::OnceLock;

use unicode_width::UnicodeWidthStr;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

/// A logical line of a text: one paragraph, heading or closing-block line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLine {
    /// The display text: original characters, surrounding whitespace and indents removed.
    pub text: String,
    /// 1-based line number of its first physical line in the decoded text.
    pub line: usize,
}

/// Characters that end a sentence or a clause that may end a paragraph.
pub(crate) const PARAGRAPH_ENDS: &[char] = &['。', '！', '？', '；', '：', '…', '.', '!', '?', ';', ':'];

/// A wrapped line of a hard-wrapped paragraph is at least this many characters long; shorter
/// lines are headings, signatures or dates and never continue onto the next line.
const MIN_WRAPPED_LINE_CHARS: usize = 16;

/// Whether `c` is a Han character (CJK unified ideographs and their extensions, compatibility).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x30000..=0x323AF | 0x3007)
}

/// Whether `c` is Chinese text in the wide sense: Han, CJK punctuation, full-width forms.
pub fn is_cjk(c: char) -> bool {
    is_han(c) || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x2018..=0x201F | 0x2014 | 0x2026 | 0x00B7)
}

/// Whitespace as declarations use it: Unicode whitespace (ASCII, NBSP, U+3000, …) plus the
/// zero-width characters web pages leave behind.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// The least share of Chinese characters among a text's letters: a declaration has nine in
/// ten or more (names in Latin letters, an English title aside); an English or Russian text has
/// almost none.
pub const MIN_HAN_SHARE: f64 = 0.3;

/// The share of Chinese characters among the letters of `texts`; `None` under 40 letters,
/// too few to tell.
pub fn han_share<'a>(texts: impl Iterator<Item = &'a str>) -> Option<f64> {
    let (mut han, mut letters) = (0usize, 0usize);
    for c in texts.flat_map(str::chars).filter(|c| c.is_alphabetic()) {
        letters += 1;
        han += usize::from(is_han(c));
    }
    (letters >= 40).then(|| han as f64 / letters as f64)
}

/// Splits a decoded text into logical lines. Line ends may be LF, CRLF or CR; paragraphs may
/// stand one per line or be separated by blank lines; in a blank-line-separated text a
/// hard-wrapped paragraph (lines that do not end a sentence, the next not indented) is joined
/// back into one line. Empty lines are dropped, so line i of the result is the i-th
/// non-empty line of a one-paragraph-per-line file.
pub fn split_lines(text: &str) -> Vec<SourceLine> {
    let unified = text.replace("\r\n", "\n").replace(['\r', '\u{2028}', '\u{2029}', '\u{85}', '\u{c}'], "\n");
    let physical: Vec<&str> = unified.split('\n').collect();
    let blank_separated = physical.windows(3).any(|w| !is_blank(w[0]) && is_blank(w[1]) && !is_blank(w[2]));
    let min_wrapped_width = if blank_separated { min_wrapped_width(&physical) } else { 0 };
    let mut lines: Vec<SourceLine> = Vec::new();
    let mut previous_blank = true;
    let mut previous_wraps = false;
    for (number, raw) in physical.iter().enumerate() {
        if is_blank(raw) {
            previous_blank = true;
            continue;
        }
        let text = raw.trim_matches(is_space);
        let indented = raw.starts_with(is_space);
        let continues = blank_separated && !previous_blank && !indented && previous_wraps;
        previous_wraps = is_wrapped(text) && text.width() >= min_wrapped_width;
        match lines.last_mut() {
            Some(last) if continues && !starts_with_numbering(text) => last.text.push_str(text),
            _ => lines.push(SourceLine { text: text.to_owned(), line: number + 1 }),
        }
        previous_blank = false;
    }
    lines
}

/// The display width from which a line of a hard-wrapped text is a wrapped one: three
/// quarters of the width most lines reach (the 90th percentile). A title or a heading above a
/// paragraph, shorter than that, is never joined to it.
fn min_wrapped_width(physical: &[&str]) -> usize {
    let mut widths: Vec<usize> =
        physical.iter().filter(|l| !is_blank(l)).map(|l| l.trim_matches(is_space).width()).collect();
    if widths.is_empty() {
        return 0;
    }
    widths.sort_unstable();
    widths[widths.len() * 9 / 10] * 3 / 4
}

fn is_blank(line: &str) -> bool {
    line.chars().all(is_space)
}

/// Whether a line looks like the non-final line of a hard-wrapped paragraph.
fn is_wrapped(line: &str) -> bool {
    line.chars().count() >= MIN_WRAPPED_LINE_CHARS && !line.ends_with(PARAGRAPH_ENDS) && !has_spaced_columns(line)
}

/// Whether a line has a run of two or more spaces inside it, as signature lines do
/// (`印度共和国总理             莫迪`).
pub fn has_spaced_columns(line: &str) -> bool {
    let chars: Vec<char> = line.trim_matches(is_space).chars().collect();
    chars.windows(2).any(|w| is_space(w[0]) && is_space(w[1]))
}

fn starts_with_numbering(text: &str) -> bool {
    split_numbering(&fold_width(text)).0.is_some()
}

/// The comparison key of a line: as [`comparison_keys`] of a text of one line.
pub fn comparison_key(display: &str) -> String {
    fold_simplified(&simplified_lines(&[display]).swap_remove(0))
}

/// The comparison keys of a text's lines: the text in Simplified characters (converted only
/// when it is written in Traditional ones, see [`simplified_lines`]), then folded
/// ([`fold_simplified`]: widths, punctuation, pinyin artefacts, whitespace). Lines must not
/// contain line breaks (those of [`split_lines`] do not).
pub fn comparison_keys(lines: &[&str]) -> Vec<String> {
    simplified_lines(lines).iter().map(|l| fold_simplified(l)).collect()
}

/// A text's lines in Simplified characters. A text written in Traditional characters (a
/// share of at least [`TRADITIONAL_SHARE`] of its Chinese characters changes under OpenCC's
/// Taiwan → Simplified conversion) is converted by phrase (OpenCC `tw2sp`: 資訊 → 信息), then
/// Hong Kong variants, then the Taiwan vocabulary of `data/taiwan.toml`; a Simplified text is
/// returned unchanged, so that a Simplified character is never rewritten (抬 stays 抬).
pub fn simplified_lines(lines: &[&str]) -> Vec<String> {
    let joined = lines.join("\n");
    if joined.is_ascii() || !is_traditional(&joined) {
        return lines.iter().map(|l| (*l).to_owned()).collect();
    }
    let converted = to_simplified_phrases(&joined);
    let converted: Vec<String> = converted.split('\n').map(str::to_owned).collect();
    if converted.len() != lines.len() {
        // The converter never adds or drops line breaks; if it ever did, convert line by
        // line rather than misattribute keys.
        return lines.iter().map(|l| to_simplified_phrases(l)).collect();
    }
    converted
}

/// The share of a text's Chinese characters that OpenCC's character conversion changes, from
/// which on a text counts as written in Traditional characters. Simplified texts score under
/// 0.5 % (a few variant characters); Traditional ones 20 % or more.
pub const TRADITIONAL_SHARE: f64 = 0.03;

/// Whether a text is written in Traditional characters.
pub fn is_traditional(text: &str) -> bool {
    let converted = to_simplified(text);
    let (mut han, mut changed) = (0usize, 0usize);
    for (a, b) in text.chars().zip(converted.chars()) {
        if is_han(a) {
            han += 1;
            changed += usize::from(a != b);
        }
    }
    han > 0 && changed as f64 / han as f64 >= TRADITIONAL_SHARE
}

/// Traditional (Taiwan) → Simplified: characters and variants (OpenCC `tw2s`, `hk2s`), then
/// the Taiwan vocabulary of data/taiwan.toml (資訊 → 信息). OpenCC's own phrase table
/// (`tw2sp`) is not used: it is written for software texts and turns 建立 into 创建, 执行 into
/// 运行 and 核心 into 内核, which a declaration never means.
fn to_simplified_phrases(text: &str) -> String {
    // Pinyin glosses go first, or they would split the words the vocabulary looks for
    // (網(wǎng)路).
    let simplified: Vec<char> = to_simplified(text).chars().collect();
    taiwan_vocabulary(&strip_pinyin(&simplified).into_iter().collect::<String>())
}

/// The built-in Taiwan vocabulary: Simplified mainland forms of Taiwan phrases that OpenCC's
/// `tw2sp` does not convert back (docs/reading.md).
const TAIWAN_VOCABULARY: &str = include_str!("../data/taiwan.toml");

fn taiwan_vocabulary(text: &str) -> String {
    static VOCABULARY: OnceLock<Option<TaiwanVocabulary>> = OnceLock::new();
    match VOCABULARY.get_or_init(TaiwanVocabulary::load) {
        Some(vocabulary) => vocabulary.apply(text),
        None => text.to_owned(),
    }
}

/// How many replacements by the unambiguous `phrases` of data/taiwan.toml show that a text was
/// written with Taiwan usage (converted by phrase, OpenCC `s2twp`), from which on its
/// ambiguous `usage_phrases` apply too. A copy converted by character alone has none: those
/// phrases are Taiwan forms a mainland declaration does not use.
pub const TAIWAN_USAGE_EVIDENCE: usize = 3;

/// The pairs of data/taiwan.toml, as two leftmost-longest matchers: the unambiguous pairs,
/// and those with the pairs that only a text showing Taiwan usage gets.
struct TaiwanVocabulary {
    unambiguous: aho_corasick::AhoCorasick,
    unambiguous_mainland: Vec<String>,
    with_usage: aho_corasick::AhoCorasick,
    with_usage_mainland: Vec<String>,
}

impl TaiwanVocabulary {
    fn load() -> Option<TaiwanVocabulary> {
        #[derive(serde::Deserialize)]
        struct File {
            phrases: Vec<(String, String)>,
            usage_phrases: Vec<(String, String)>,
        }
        let file: File = toml::from_str(TAIWAN_VOCABULARY).ok()?;
        let build = |pairs: &[(String, String)]| {
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(pairs.iter().map(|(taiwan, _)| taiwan))
                .ok()
        };
        let mut all = file.phrases.clone();
        all.extend(file.usage_phrases);
        let mainland = |pairs: &[(String, String)]| pairs.iter().map(|(_, m)| m.clone()).collect();
        Some(TaiwanVocabulary {
            unambiguous: build(&file.phrases)?,
            unambiguous_mainland: mainland(&file.phrases),
            with_usage: build(&all)?,
            with_usage_mainland: mainland(&all),
        })
    }

    fn apply(&self, text: &str) -> String {
        let evidence = self
            .unambiguous
            .find_iter(text)
            .filter(|m| self.unambiguous_mainland[m.pattern().as_usize()] != text[m.range()])
            .take(TAIWAN_USAGE_EVIDENCE)
            .count();
        if evidence >= TAIWAN_USAGE_EVIDENCE {
            self.with_usage.replace_all(text, &self.with_usage_mainland)
        } else {
            self.unambiguous.replace_all(text, &self.unambiguous_mainland)
        }
    }
}

/// Everything of [`comparison_key`] after the script conversion: full-width letters and
/// digits folded, mirror-site damage undone (pinyin in parentheses after a character, ASCII
/// punctuation between Chinese characters, doubled punctuation, ○ for 〇, invisible
/// characters), whitespace dropped unless it separates Latin words or numbers.
pub fn fold_simplified(simplified: &str) -> String {
    let folded = fold_width(simplified);
    let chars: Vec<char> = folded
        .chars()
        .filter(|c| !matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'))
        .map(|c| if c == '○' { '〇' } else { c })
        .collect();
    let chars = collapse_punctuation(&match_parentheses(fold_punctuation(&strip_pinyin(&chars))));
    let mut key = String::with_capacity(folded.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !is_space(c) {
            key.push(match c {
                '「' => '“',
                '」' => '”',
                '『' => '‘',
                '』' => '’',
                other => other,
            });
            i += 1;
            continue;
        }
        let run_end = chars[i..].iter().position(|c| !is_space(*c)).map_or(chars.len(), |n| i + n);
        let before = key.chars().next_back();
        let after = chars.get(run_end).copied();
        if let (Some(b), Some(a)) = (before, after)
            && b.is_ascii_alphanumeric()
            && a.is_ascii_alphanumeric()
        {
            key.push(' ');
        }
        i = run_end;
    }
    key
}

/// Removes pinyin glosses a mirror site put after characters: `国(guó)` → `国`. A gloss is
/// lowercase Latin letters (tone marks allowed, or a tone digit), in ASCII or full-width
/// parentheses, right after a Chinese character.
fn strip_pinyin(chars: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '(' | '（') && out.last().is_some_and(|p: &char| is_han(*p)) {
            let inner = chars[i + 1..].iter().take_while(|c| is_pinyin_letter(**c)).count();
            let close = chars.get(i + 1 + inner);
            if (1..=8).contains(&inner) && matches!(close, Some(')' | '）')) {
                i += inner + 2;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || matches!(c, '1'..='5') || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ".contains(c)
}

/// ASCII punctuation next to a Chinese character → full width (`,` → `，`), as a Chinese
/// text writes it; between Latin letters or digits (`1,000`, `U.N.`) it stays. "Next to" skips
/// the marks it folds and spaces, so that folding twice changes nothing more.
fn fold_punctuation(chars: &[char]) -> Vec<char> {
    // Only the marks this folds (either width) and spaces are skipped.
    let is_mark = |c: char| ",;:?!()，；：？！（）".contains(c) || is_space(c);
    let nearest =
        |mut indices: Box<dyn Iterator<Item = usize> + '_>| indices.find(|&k| !is_mark(chars[k])).map(|k| chars[k]);
    let latin = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let full = match c {
                ',' => '，',
                ';' => '；',
                ':' => '：',
                '?' => '？',
                '!' => '！',
                '(' => '（',
                ')' => '）',
                _ => return c,
            };
            let before = nearest(Box::new((0..i).rev()));
            let after = nearest(Box::new(i + 1..chars.len()));
            let near_han = before.is_some_and(is_han) || after.is_some_and(is_han);
            let between_latin = latin(i.checked_sub(1).and_then(|p| chars.get(p))) && latin(chars.get(i + 1));
            if near_han && !between_latin { full } else { c }
        })
        .collect()
}

/// A pair of parentheses of mixed widths (`（2005)`) made full width, as its other half is.
fn match_parentheses(mut chars: Vec<char>) -> Vec<char> {
    let mut open: Vec<usize> = Vec::new();
    for i in 0..chars.len() {
        match chars[i] {
            '(' | '（' => open.push(i),
            ')' | '）' => {
                if let Some(o) = open.pop()
                    && (chars[o] == '（') != (chars[i] == '）')
                {
                    (chars[o], chars[i]) = ('（', '）');
                }
            }
            _ => {}
        }
    }
    chars
}

/// Doubled sentence punctuation as mirror sites leave it: `，，` → `，`, `。。` → `。`, and a
/// comma before a full stop (`，。`) → `。`. An ellipsis (`……`) stays.
fn collapse_punctuation(chars: &[char]) -> Vec<char> {
    const SINGLE: &str = "，。、；：？！";
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    for &c in chars {
        if let Some(&last) = out.last() {
            if last == c && SINGLE.contains(c) {
                continue;
            }
            if c == '。' {
                while matches!(out.last(), Some('，' | '、')) {
                    out.pop();
                }
            }
        }
        out.push(c);
    }
    out
}

/// Passes of Traditional → Simplified after the first, at most, to reach a stable text.
const MAX_CONVERSION_PASSES: usize = 3;

/// Traditional → Simplified by character and variant (OpenCC Taiwan, then Hong Kong), until
/// the text is stable.
pub fn to_simplified(text: &str) -> String {
    if text.is_ascii() {
        return text.to_owned();
    }
    static CONVERTERS: OnceLock<Option<(OpenCC, OpenCC)>> = OnceLock::new();
    let converters = CONVERTERS.get_or_init(|| {
        let taiwan = OpenCC::from_config(BuiltinConfig::Tw2s).ok()?;
        let hong_kong = OpenCC::from_config(BuiltinConfig::Hk2s).ok()?;
        Some((taiwan, hong_kong))
    });
    match converters {
        Some((taiwan, hong_kong)) => {
            // OpenCC converts by phrases, so a second pass can change what the first produced
            // (found by fuzzing: a 么 the first pass wrote next to other characters). Passes
            // repeat until the text is stable, so that keys are fixed points; a text the
            // first pass leaves alone (any Simplified text) is stable after one.
            let mut current = std::borrow::Cow::Borrowed(text);
            for _ in 0..=MAX_CONVERSION_PASSES {
                let next = hong_kong.convert(&taiwan.convert(&current));
                if next == *current {
                    break;
                }
                current = std::borrow::Cow::Owned(next);
            }
            current.into_owned()
        }
        // The dictionaries are compiled into ferrous-opencc; failing to load them is a
        // broken build, caught by the tests, not a condition users can reach.
        None => text.to_owned(),
    }
}

/// Full-width digits and Latin letters → ASCII (`２０２０` → `2020`, `ＷＴＯ` → `WTO`).
pub fn fold_width(text: &str) -> String {
    text.chars()
        .map(|c| match c as u32 {
            0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A => {
                char::from_u32(c as u32 - 0xFEE0).expect("the full-width block maps onto ASCII")
            }
            _ => c,
        })
        .collect()
}

/// Chinese numerals used in section and point numbering.
const NUMERALS: &str = "一二三四五六七八九十百零〇";

/// Splits a leading numbering marker from a (width-folded) line: `一、` `（一）` `(一)` `1.`
/// `1、` `（1）` `第一，` `第一、`. Returns the marker (without trailing space) and the rest.
pub fn split_numbering(text: &str) -> (Option<&str>, &str) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let numeral_run = |from: usize, accept: &dyn Fn(char) -> bool| -> usize {
        chars[from..].iter().take_while(|(_, c)| accept(*c)).count()
    };
    let is_numeral = |c: char| NUMERALS.contains(c);
    let is_digit = |c: char| c.is_ascii_digit();
    let end_at = |index: usize| chars.get(index).map_or(text.len(), |(b, _)| *b);
    let marker_end: Option<usize> = match chars.first().map(|(_, c)| *c) {
        Some('（' | '(') => {
            let n = numeral_run(1, &is_numeral).max(numeral_run(1, &is_digit));
            (n > 0 && n <= 3 && matches!(chars.get(1 + n), Some((_, '）' | ')')))).then_some(2 + n)
        }
        Some('第') => {
            let n = numeral_run(1, &is_numeral);
            (n > 0 && n <= 3 && matches!(chars.get(1 + n), Some((_, '，' | '、' | ',')))).then_some(2 + n)
        }
        Some(c) if is_numeral(c) => {
            let n = numeral_run(0, &is_numeral);
            (n <= 3 && matches!(chars.get(n), Some((_, '、')))).then_some(n + 1)
        }
        Some(c) if is_digit(c) => {
            let n = numeral_run(0, &is_digit);
            let separator = matches!(chars.get(n), Some((_, '、' | '．' | '.')));
            let next_is_digit = chars.get(n + 1).is_some_and(|(_, c)| c.is_ascii_digit());
            (n <= 3 && separator && !next_is_digit).then_some(n + 1)
        }
        _ => None,
    };
    match marker_end {
        Some(end) => {
            let cut = end_at(end);
            (Some(&text[..cut]), text[cut..].trim_start_matches(is_space))
        }
        None => (None, text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_script_width_and_space() {
        assert_eq!(comparison_key("成員國重申，堅定支持聯合國。"), "成员国重申，坚定支持联合国。");
        assert_eq!(comparison_key("２０２０年 ＷＴＯ"), "2020年WTO");
        assert_eq!(comparison_key("印度共和国总理\u{a0}\u{a0}莫迪"), "印度共和国总理莫迪");
        assert_eq!(comparison_key("COVID  19 疫情"), "COVID 19疫情");
        assert_eq!(comparison_key("「叙人主导」"), "“叙人主导”");
        assert_eq!(comparison_key("敍利亞問題著重"), comparison_key("叙利亚问题着重"));
    }

    #[test]
    fn taiwan_usage_is_folded_only_in_a_text_that_shows_it() {
        // A copy converted by phrase (支援, 資訊, 網路 show it): 檔案 and 聯絡 are 文件 and 联系,
        // except where the context keeps the mainland sense.
        let phrase_converted = [
            "成員國支援聯合國。",
            "資訊安全與網路。",
            "法律檔案與聯絡。",
            "媒體、檔案、博物館領域。",
            "上合組織－阿富汗聯絡組。",
        ];
        assert_eq!(
            comparison_keys(&phrase_converted)[2..],
            ["法律文件与联系。", "媒体、档案、博物馆领域。", "上合组织－阿富汗联络组。"]
        );
        // A copy converted by character keeps them: they are mainland words too.
        let character_converted = ["成員國支持聯合國。", "信息安全與網絡。", "法律檔案與聯絡。"];
        assert_eq!(comparison_keys(&character_converted)[2], "法律档案与联络。");
        // Pinyin glosses do not hide a Taiwan word.
        assert_eq!(comparison_keys(&["網(wǎng)路犯罪", "支援", "資訊", "網路"])[0], "网络犯罪");
    }

    #[test]
    fn key_is_idempotent() {
        for s in ["成員國　指出，ＡＢ  c", "「上海精神」", "  \u{200b}x y  "] {
            let once = comparison_key(s);
            assert_eq!(comparison_key(&once), once);
        }
    }

    #[test]
    fn splits_lines_of_every_kind() {
        let lf = "　　第一段。\n安全合作\n　　第二段。\n";
        let crlf_blank = "第一段。\r\n\r\n安全合作\r\n\r\n第二段。\r\n";
        let cr = "第一段。\r安全合作\r第二段。";
        for text in [lf, crlf_blank, cr] {
            let lines: Vec<_> = split_lines(text).into_iter().map(|l| l.text).collect();
            assert_eq!(lines, ["第一段。", "安全合作", "第二段。"], "{text:?}");
        }
    }

    #[test]
    fn joins_hard_wrapped_paragraphs_only_between_blank_lines() {
        let wrapped =
            "成员国指出，恐怖主义、分裂主义、极端主义\n等国际安全挑战日益加剧。\n\n成员国重申联合国的作用。\n";
        let lines = split_lines(wrapped);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text, "成员国指出，恐怖主义、分裂主义、极端主义等国际安全挑战日益加剧。");
        assert_eq!(lines[1].line, 4);
        // Without blank lines, every line is a paragraph.
        assert_eq!(split_lines("成员国指出，恐怖主义、分裂主义、极端主义\n等国际安全挑战日益加剧。").len(), 2);
    }

    #[test]
    fn numbering_markers() {
        assert_eq!(split_numbering("一、政治合作"), (Some("一、"), "政治合作"));
        assert_eq!(split_numbering("（十二）成员国"), (Some("（十二）"), "成员国"));
        assert_eq!(split_numbering("3. 成员国"), (Some("3."), "成员国"));
        assert_eq!(split_numbering("第一，成员国"), (Some("第一，"), "成员国"));
        assert_eq!(split_numbering("第二次世界大战"), (None, "第二次世界大战"));
        assert_eq!(split_numbering("2020年是"), (None, "2020年是"));
        assert_eq!(split_numbering("1.5亿"), (None, "1.5亿"));
        assert_eq!(split_numbering("一带一路"), (None, "一带一路"));
    }
}
