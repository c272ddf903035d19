//! Word changes → classes: a commitment shift on a ladder (with direction and steps), a number
//! or date, an entity (state, organisation, person, 《document》), punctuation, a clause added
//! or removed, or other rewording. The ladders are data (`data/ladders.toml`, docs/ladders.md).

use std::path::Path;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::segment::Document;
use crate::tokenize::{Tokenizer, is_alphanumeric};

/// The built-in ladders.
pub const DEFAULT_LADDERS: &str = include_str!("../data/ladders.toml");

/// A change region shorter than this many Chinese characters is not a clause.
const MIN_CLAUSE_CHARS: usize = 4;

/// Commitment ladders.
#[derive(Debug, Clone)]
pub struct Ladders {
    /// The ladders.
    pub ladders: Vec<Ladder>,
    /// SHA-256 (16 hex digits) of the file the ladders came from.
    pub hash: String,
    /// Every ladder word once, longest first (then as listed): (word, ladder, step).
    words: Vec<(String, usize, usize)>,
    /// Finds them leftmost-longest in one pass.
    matcher: AhoCorasick,
}

impl PartialEq for Ladders {
    fn eq(&self, other: &Ladders) -> bool {
        self.ladders == other.ladders && self.hash == other.hash
    }
}

impl Eq for Ladders {}

/// One ladder: steps from weakest to strongest.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Ladder {
    /// Its name (`support`).
    pub name: String,
    /// Words of each step, weakest first.
    pub steps: Vec<Vec<String>>,
}

impl Ladders {
    /// The built-in ladders.
    pub fn builtin() -> Ladders {
        Ladders::parse(Path::new("data/ladders.toml"), DEFAULT_LADDERS)
            .expect("the built-in ladders are valid (tested)")
    }

    /// Reads ladders from a TOML file.
    ///
    /// # Errors
    /// [`Error::Io`], or [`Error::Rules`] naming the file and line of a malformed one.
    pub fn read(path: &Path) -> Result<Ladders> {
        Ladders::parse(path, &crate::files::read_text(path)?)
    }

    /// Parses ladders.
    ///
    /// # Errors
    /// [`Error::Rules`] naming the file and line of a malformed file, or an empty ladder.
    pub fn parse(path: &Path, text: &str) -> Result<Ladders> {
        #[derive(Deserialize)]
        struct File {
            ladder: Vec<Ladder>,
        }
        let file: File = toml::from_str(text)
            .map_err(|e| Error::Rules { path: path.to_owned(), what: crate::error::toml_message(text, &e) })?;
        if let Some(bad) = file.ladder.iter().find(|l| l.steps.len() < 2 || l.steps.iter().any(|s| s.is_empty())) {
            return Err(Error::Rules {
                path: path.to_owned(),
                what: format!("ladder `{}` needs at least two non-empty steps", bad.name),
            });
        }
        Ladders::new(file.ladder, crate::sha256_hex(text.as_bytes())[..16].to_owned())
            .map_err(|what| Error::Rules { path: path.to_owned(), what })
    }

    fn new(ladders: Vec<Ladder>, hash: String) -> std::result::Result<Ladders, String> {
        // Longest first; among equal lengths, the first ladder and step listed; a word listed
        // twice counts where it is first listed.
        let mut words: Vec<(String, usize, usize)> = Vec::new();
        for (l, ladder) in ladders.iter().enumerate() {
            for (s, step) in ladder.steps.iter().enumerate() {
                for word in step.iter().filter(|w| !w.is_empty()) {
                    if !words.iter().any(|(w, _, _)| w == word) {
                        words.push((word.clone(), l, s));
                    }
                }
            }
        }
        words.sort_by_key(|(word, _, _)| std::cmp::Reverse(word.len()));
        // A few dozen short words: a contiguous NFA builds in a fraction of a DFA's time and
        // searches these short texts as fast.
        let matcher = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .match_kind(MatchKind::LeftmostLongest)
            .build(words.iter().map(|(word, _, _)| word))
            .map_err(|e| format!("the ladder words do not make a matcher: {e}"))?;
        Ok(Ladders { ladders, hash, words, matcher })
    }

    /// Every occurrence of a ladder word in `text`: (byte start, word, ladder index, step).
    /// Longer words win where two overlap (坚定支持 over 支持): one pass, leftmost-longest.
    fn occurrences(&self, text: &str) -> Vec<(usize, &str, usize, usize)> {
        self.matcher
            .find_iter(text)
            .map(|found| {
                let (word, ladder, step) = &self.words[found.pattern().as_usize()];
                (found.start(), word.as_str(), *ladder, *step)
            })
            .collect()
    }
}

/// Stronger or weaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Up the ladder.
    Stronger,
    /// Down the ladder.
    Weaker,
}

/// A commitment shift.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shift {
    /// The ladder.
    pub ladder: String,
    /// The old word.
    pub from: String,
    /// The new word.
    pub to: String,
    /// Up or down.
    pub direction: Direction,
    /// How many steps (positive).
    pub steps: u32,
}

/// What a change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeClass {
    /// A commitment word replaced by another on the same ladder.
    CommitmentShift,
    /// A number or date changed (or only its formatting).
    NumberOrDate,
    /// A state, organisation, person or 《document》 added, removed or replaced.
    Entity,
    /// Punctuation or whitespace only.
    Punctuation,
    /// A clause added.
    ClauseAdded,
    /// A clause removed.
    ClauseRemoved,
    /// The subject holding the commitment changed (成员国 → named states, …): set by
    /// [`crate::score`], which sees the whole paragraph.
    Endorsers,
    /// Anything else.
    Rewording,
}

impl ChangeClass {
    /// The name used in tables and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeClass::CommitmentShift => "commitment_shift",
            ChangeClass::NumberOrDate => "number_or_date",
            ChangeClass::Entity => "entity",
            ChangeClass::Punctuation => "punctuation",
            ChangeClass::ClauseAdded => "clause_added",
            ChangeClass::ClauseRemoved => "clause_removed",
            ChangeClass::Endorsers => "endorsers",
            ChangeClass::Rewording => "rewording",
        }
    }
}

/// A classified change region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Classified {
    /// The class.
    pub class: ChangeClass,
    /// The shift, for a commitment shift.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shift: Option<Shift>,
    /// Whether only formatting changed (punctuation, or a number written another way).
    pub editorial: bool,
}

/// Characters of unchanged text on each side of a region that a commitment word may span: the
/// segmenter may cut 坚决反对 as 坚决 + 反对, so that the region is only the inserted 坚决.
const SHIFT_CONTEXT_CHARS: usize = 4;

/// Classifies one change region `old` → `new` standing between the unchanged texts `before`
/// and `after` (only their nearest characters are used, to see a commitment word the region
/// cuts through).
pub fn classify_in_context(
    before: &str,
    old: &str,
    new: &str,
    after: &str,
    ladders: &Ladders,
    entities: &Entities,
) -> Classified {
    // The last and first few characters of the text around the region.
    let left = before.char_indices().rev().nth(SHIFT_CONTEXT_CHARS - 1).map_or(before, |(at, _)| &before[at..]);
    let right = after.char_indices().nth(SHIFT_CONTEXT_CHARS).map_or(after, |(at, _)| &after[..at]);
    if !same_letters(old, new) {
        let (old_ctx, new_ctx) = (format!("{left}{old}{right}"), format!("{left}{new}{right}"));
        if let Some(shift) = commitment_shift(&old_ctx, &new_ctx, ladders) {
            return Classified { class: ChangeClass::CommitmentShift, shift: Some(shift), editorial: false };
        }
    }
    classify(old, new, ladders, entities)
}

/// Whether two texts have the same letters and digits (differ in punctuation or spacing only).
fn same_letters(a: &str, b: &str) -> bool {
    a.chars().filter(|&c| is_alphanumeric(c)).eq(b.chars().filter(|&c| is_alphanumeric(c)))
}

/// Classifies one change region `old` → `new` on its own.
pub fn classify(old: &str, new: &str, ladders: &Ladders, entities: &Entities) -> Classified {
    let plain = |class| Classified { class, shift: None, editorial: false };
    let strip = |s: &str| s.chars().filter(|&c| is_alphanumeric(c)).collect::<String>();
    if same_letters(old, new) {
        return Classified { class: ChangeClass::Punctuation, shift: None, editorial: true };
    }
    if let Some(shift) = commitment_shift(old, new, ladders) {
        return Classified { class: ChangeClass::CommitmentShift, shift: Some(shift), editorial: false };
    }
    if is_numeric_change(old, new) {
        let editorial = !old.is_empty() && !new.is_empty() && numeric_form(&strip(old)) == numeric_form(&strip(new));
        return Classified { class: ChangeClass::NumberOrDate, shift: None, editorial };
    }
    if is_entity_change(old, new, entities) {
        return plain(ChangeClass::Entity);
    }
    let han = |s: &str| s.chars().filter(|c| crate::normalize::is_han(*c)).count();
    if old.trim_matches(|c: char| !is_alphanumeric(c)).is_empty() && han(new) >= MIN_CLAUSE_CHARS {
        return plain(ChangeClass::ClauseAdded);
    }
    if new.trim_matches(|c: char| !is_alphanumeric(c)).is_empty() && han(old) >= MIN_CLAUSE_CHARS {
        return plain(ChangeClass::ClauseRemoved);
    }
    plain(ChangeClass::Rewording)
}

/// A one-for-one replacement of a ladder word by another of the same ladder, the rest of the
/// region unchanged.
fn commitment_shift(old: &str, new: &str, ladders: &Ladders) -> Option<Shift> {
    let (olds, news) = (ladders.occurrences(old), ladders.occurrences(new));
    for &(o_start, o_word, o_ladder, o_step) in &olds {
        for &(n_start, n_word, n_ladder, n_step) in &news {
            if o_ladder != n_ladder || o_step == n_step {
                continue;
            }
            let same_before = old[..o_start] == new[..n_start];
            let same_after = old[o_start + o_word.len()..] == new[n_start + n_word.len()..];
            if same_before && same_after {
                let stronger = n_step > o_step;
                return Some(Shift {
                    ladder: ladders.ladders[o_ladder].name.clone(),
                    from: o_word.to_owned(),
                    to: n_word.to_owned(),
                    direction: if stronger { Direction::Stronger } else { Direction::Weaker },
                    steps: n_step.abs_diff(o_step) as u32,
                });
            }
        }
    }
    None
}

const NUMERALS: &str = "〇零一二三四五六七八九十百千万两";
const DATE_UNITS: &str = "年月日号时分届次周岁个多余至到—–-－~～.．、%％";

fn is_numeric_char(c: char) -> bool {
    c.is_ascii_digit() || NUMERALS.contains(c)
}

/// A region whose differing characters are digits, Chinese numerals or date units.
fn is_numeric_change(old: &str, new: &str) -> bool {
    let has_number = old.chars().any(is_numeric_char) || new.chars().any(is_numeric_char);
    let rest = |s: &str| {
        s.chars()
            .filter(|c| !is_numeric_char(*c) && !DATE_UNITS.contains(*c) && is_alphanumeric(*c))
            .collect::<String>()
    };
    has_number && rest(old) == rest(new)
}

/// Numbers written with Chinese numerals → digits (一九七二 → 1972, 二十三 → 23), so that a
/// number written another way compares equal.
pub fn numeric_form(text: &str) -> String {
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .find(c)
            .map(|i| i / 3)
            .or_else(|| (c == '零').then_some(0))
            .or_else(|| (c == '两').then_some(2))
    };
    let mut out = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '十' || digit(chars[i]).is_some() {
            let start = i;
            while i < chars.len() && (chars[i] == '十' || digit(chars[i]).is_some()) {
                i += 1;
            }
            let run: Vec<char> = chars[start..i].to_vec();
            if let Some(ten) = run.iter().position(|c| *c == '十') {
                let tens =
                    if ten == 0 { 1 } else { run[..ten].iter().filter_map(|c| digit(*c)).fold(0, |a, d| a * 10 + d) };
                let units = run[ten + 1..].iter().filter_map(|c| digit(*c)).fold(0, |a, d| a * 10 + d);
                out.push_str(&(tens * 10 + units).to_string());
            } else {
                run.iter().filter_map(|c| digit(*c)).for_each(|d| out.push(char::from(b'0' + d as u8)));
            }
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// The names of states, organisations and persons, for telling entity changes: the words the
/// dictionaries tag so, and the tokens tagged so in the documents compared (their tokens carry
/// the tag, so no segmenter is needed here). Titles in 《》 are entities too.
#[derive(Debug, Clone, Default)]
pub struct Entities {
    words: rustc_hash::FxHashSet<String>,
    longest: usize,
}

impl Entities {
    /// An entity set of these words.
    pub fn new(words: impl IntoIterator<Item = String>) -> Entities {
        let words: rustc_hash::FxHashSet<String> = words.into_iter().filter(|w| !w.is_empty()).collect();
        let longest = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
        Entities { words, longest }
    }

    /// The dictionaries' entities and those of the documents' tokens.
    pub fn of_documents(documents: &[&Document], tokenizer: &Tokenizer) -> Entities {
        let mut words: Vec<String> = tokenizer.dictionary_entities().map(str::to_owned).collect();
        for doc in documents {
            for block in &doc.blocks {
                words.extend(block.entity_tokens(tokenizer).into_iter().map(str::to_owned));
            }
        }
        Entities::new(words)
    }

    /// The dictionaries' entities and those of the profiled documents' tokens.
    pub fn of_profiles(profiles: &[&crate::profile::Profile], tokenizer: &Tokenizer) -> Entities {
        let documents = profiles.iter().flat_map(|p| p.entities.iter().map(|w| (*w).to_owned()));
        Entities::new(tokenizer.dictionary_entities().map(str::to_owned).chain(documents))
    }

    /// Splits a text into its entities (titles and names, longest first) and the rest, with
    /// the enumeration commas and conjunctions next to an entity dropped.
    fn split(&self, text: &str) -> (Vec<String>, String) {
        const SEPARATORS: &[char] = &['、', '，', ',', '和', '及', '与'];
        let chars: Vec<char> = text.chars().collect();
        // Byte offset of every char, and of the end: candidate names are slices, not copies.
        let offsets: Vec<usize> = text.char_indices().map(|(at, _)| at).chain([text.len()]).collect();
        let slice = |from: usize, to: usize| &text[offsets[from]..offsets[to]];
        let (mut found, mut rest) = (Vec::new(), String::new());
        let mut after_entity = false;
        let mut i = 0;
        while i < chars.len() {
            let title_end =
                (chars[i] == '《').then(|| chars[i..].iter().position(|c| *c == '》').map(|p| i + p + 1)).flatten();
            let name_end = title_end.or_else(|| {
                (2..=self.longest.min(chars.len() - i))
                    .rev()
                    .find(|&n| self.words.contains(slice(i, i + n)))
                    .map(|n| i + n)
            });
            match name_end {
                Some(end) => {
                    found.push(slice(i, end).to_owned());
                    if rest.ends_with(SEPARATORS) {
                        rest.pop();
                    }
                    after_entity = true;
                    i = end;
                }
                None => {
                    if !(after_entity && SEPARATORS.contains(&chars[i])) {
                        rest.push(chars[i]);
                    }
                    after_entity = false;
                    i += 1;
                }
            }
        }
        (found, rest)
    }
}

/// A region whose only content difference is entities (states, organisations, persons,
/// 《documents》), with enumeration commas and conjunctions around them.
fn is_entity_change(old: &str, new: &str, entities: &Entities) -> bool {
    let (old_entities, old_rest) = entities.split(old);
    let (new_entities, new_rest) = entities.split(new);
    old_entities != new_entities && old_rest == new_rest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entities() -> Entities {
        Entities::new(Tokenizer::shared().dictionary_entities().map(str::to_owned))
    }

    fn class(old: &str, new: &str) -> Classified {
        classify(old, new, &Ladders::builtin(), &entities())
    }

    #[test]
    fn commitment_shifts_with_direction_and_steps() {
        let c = class("欢迎", "注意到");
        assert_eq!(c.class, ChangeClass::CommitmentShift);
        let shift = c.shift.unwrap();
        assert_eq!((shift.ladder.as_str(), shift.direction, shift.steps), ("support", Direction::Weaker, 1));
        let shift = class("支持", "坚定支持").shift.unwrap();
        assert_eq!((shift.direction, shift.steps), (Direction::Stronger, 1));
        let shift = class("表示关切", "表示严重关切").shift.unwrap();
        assert_eq!((shift.ladder.as_str(), shift.direction), ("concern", Direction::Stronger));
        let shift = class("注意到", "坚定支持").shift.unwrap();
        assert_eq!(shift.steps, 5);
        // A verb arriving inside an added clause is part of that addition.
        assert_eq!(class("", "，并重申支持该倡议").class, ChangeClass::ClauseAdded);
        // Another verb off the ladders, or a change beyond the word, is not a shift.
        assert_eq!(class("支持", "推动").class, ChangeClass::Rewording);
        assert_eq!(class("支持该倡议", "坚定支持另一倡议").class, ChangeClass::Rewording);
    }

    #[test]
    fn shifts_cut_through_by_segmentation_are_seen_in_context() {
        let ladders = Ladders::builtin();
        let t = &entities();
        let c = classify_in_context("成员国", "", "坚决", "反对将疫情污名化", &ladders, t);
        assert_eq!(c.shift.map(|s| (s.from, s.to)), Some(("反对".to_owned(), "坚决反对".to_owned())));
        // An intensifier before an off-ladder verb is not a shift; nor a verb inserted before
        // another verb.
        assert_eq!(
            classify_in_context("成员国将", "", "进一步", "加强政治对话", &ladders, t).class,
            ChangeClass::Rewording
        );
        assert_eq!(classify_in_context("共和国", "", "重申", "支持中华", &ladders, t).class, ChangeClass::Rewording);
    }

    #[test]
    fn numbers_dates_punctuation_entities_clauses() {
        assert_eq!(class("73", "74").class, ChangeClass::NumberOrDate);
        assert!(!class("73", "74").editorial);
        assert_eq!(class("2020年5月23日至27日", "2021年5月").class, ChangeClass::NumberOrDate);
        let formatting = class("一九七二年", "1972年");
        assert!(formatting.class == ChangeClass::NumberOrDate && formatting.editorial);
        assert_eq!(class("，", "、").class, ChangeClass::Punctuation);
        assert!(class("，", "、").editorial);
        assert_eq!(class("吉尔吉斯共和国", "哈萨克斯坦共和国").class, ChangeClass::Entity);
        assert_eq!(class("", "、印度共和国").class, ChangeClass::Entity);
        assert_eq!(class("《上合组织宪章》", "《联合国宪章》").class, ChangeClass::Entity);
        assert_eq!(class("", "，并照顾地区国家合理关切").class, ChangeClass::ClauseAdded);
        assert_eq!(class("，包括在多边框架内开展对话", "").class, ChangeClass::ClauseRemoved);
        assert_eq!(class("十分", "至关").class, ChangeClass::Rewording);
    }

    #[test]
    fn numeric_forms() {
        assert_eq!(numeric_form("一九七二年"), "1972年");
        assert_eq!(numeric_form("第二十三届"), "第23届");
        assert_eq!(numeric_form("第十次"), "第10次");
    }

    #[test]
    fn malformed_ladders_name_the_line() {
        let err = Ladders::parse(Path::new("l.toml"), "[[ladder]]\nname = \"x\"\nsteps = [[\"a\"]]\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("needs at least two non-empty steps"), "{err}");
        let err = Ladders::parse(Path::new("l.toml"), "[[ladder]]\nname = 3\n").unwrap_err().to_string();
        assert!(err.starts_with("l.toml: line 2"), "{err}");
    }
}
