//! Word changes → classes: a commitment shift on a ladder (with direction and steps), a number
//! or date, an entity (state, organisation, person, 《document》), punctuation, a clause added
//! or removed, or other rewording. The ladders are data (`data/ladders.toml`, docs/ladders.md).

use serde::Serialize;

mod ladders;

pub use ladders::{DEFAULT_LADDERS, Ladder, Ladders};

use crate::segment::Document;
use crate::tokenize::{Tokenizer, is_alphanumeric};

/// A change region shorter than this many Chinese characters is not a clause.
const MIN_CLAUSE_CHARS: usize = 4;

/// Stronger or weaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Up the ladder.
    Stronger,
    /// Down the ladder.
    Weaker,
    /// Fewer hold the commitment (endorsers).
    Narrower,
    /// More hold it (endorsers).
    Wider,
}

impl Direction {
    /// The name used in tables and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Stronger => "stronger",
            Direction::Weaker => "weaker",
            Direction::Narrower => "narrower",
            Direction::Wider => "wider",
        }
    }
}

/// A commitment shift.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Shift {
    /// What shifted: `stance`, `modality`, `intensity` (the ladder's kind).
    pub kind: String,
    /// The scale: the ladder's name (`stance`, `modal_volition`), or `intensity` for an
    /// intensifier added or dropped.
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
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
        // Words inside a 《title》 are the title's, not commitments of this text: masked.
        let depth = title_depth(&before[..before.len() - left.len()]);
        let (old_ctx, new_ctx) =
            (mask_titles(&format!("{left}{old}{right}"), depth), mask_titles(&format!("{left}{new}{right}"), depth));
        if let Some(shift) =
            commitment_shift(&old_ctx, &new_ctx, ladders).or_else(|| intensity_shift(&old_ctx, &new_ctx, ladders))
        {
            return Classified { class: ChangeClass::CommitmentShift, shift: Some(shift), editorial: false };
        }
    }
    classify_plain(old, new, entities)
}

/// How many 《titles》 are open at the end of `text`.
fn title_depth(text: &str) -> usize {
    text.chars().fold(0usize, |depth, c| match c {
        '《' => depth + 1,
        '》' => depth.saturating_sub(1),
        _ => depth,
    })
}

/// `text` with every character inside a 《title》 replaced by □ (`depth` titles open before
/// it), so that no commitment word is found there.
fn mask_titles(text: &str, depth: usize) -> String {
    let mut depth = depth;
    text.chars()
        .map(|c| match c {
            '《' => {
                depth += 1;
                c
            }
            '》' => {
                depth = depth.saturating_sub(1);
                c
            }
            _ if depth > 0 => '□',
            _ => c,
        })
        .collect()
}

/// Whether two texts have the same letters and digits (differ in punctuation or spacing only).
fn same_letters(a: &str, b: &str) -> bool {
    a.chars().filter(|&c| is_alphanumeric(c)).eq(b.chars().filter(|&c| is_alphanumeric(c)))
}

/// A compound edit split in two: when both sides of a changed region open (or close) with
/// words of one scale on different steps and go on with something else (注意到2020年5月 →
/// 积极评价2021年5月), the commitment words and the rest, in text order, so that each part is
/// classified on its own (a stance shift, a date).
pub fn split_compound<'a>(old: &'a str, new: &'a str, ladders: &Ladders) -> Option<[(&'a str, &'a str); 2]> {
    let (olds, news) = (ladders.occurrences(old), ladders.occurrences(new));
    let differ = |a: &(usize, &str, usize, usize), b: &(usize, &str, usize, usize)| a.2 == b.2 && a.3 != b.3;
    if let (Some(o), Some(n)) = (olds.first(), news.first())
        && o.0 == 0
        && n.0 == 0
        && differ(o, n)
        && (o.1.len() < old.len() || n.1.len() < new.len())
    {
        return Some([(&old[..o.1.len()], &new[..n.1.len()]), (&old[o.1.len()..], &new[n.1.len()..])]);
    }
    if let (Some(o), Some(n)) = (olds.last(), news.last())
        && o.0 + o.1.len() == old.len()
        && n.0 + n.1.len() == new.len()
        && differ(o, n)
        && (o.0 > 0 || n.0 > 0)
    {
        return Some([(&old[..o.0], &new[..n.0]), (&old[o.0..], &new[n.0..])]);
    }
    None
}

/// Classifies one change region `old` → `new` on its own.
pub fn classify(old: &str, new: &str, ladders: &Ladders, entities: &Entities) -> Classified {
    if !same_letters(old, new)
        && let Some(shift) = commitment_shift(old, new, ladders)
    {
        return Classified { class: ChangeClass::CommitmentShift, shift: Some(shift), editorial: false };
    }
    classify_plain(old, new, entities)
}

/// Classifies a region that is not a commitment shift.
fn classify_plain(old: &str, new: &str, entities: &Entities) -> Classified {
    let plain = |class| Classified { class, shift: None, editorial: false };
    let strip = |s: &str| s.chars().filter(|&c| is_alphanumeric(c)).collect::<String>();
    if same_letters(old, new) {
        return Classified { class: ChangeClass::Punctuation, shift: None, editorial: true };
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
                    kind: ladders.ladders[o_ladder].kind.clone(),
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

/// An intensifier added before (or dropped from before) an unchanged verb, the rest of the
/// region identical: 重视 → 高度重视 is stronger, 进一步加强 → 加强 weaker.
fn intensity_shift(old: &str, new: &str, ladders: &Ladders) -> Option<Shift> {
    let (short, long, stronger) = if new.len() > old.len() { (old, new, true) } else { (new, old, false) };
    let prefix = short.chars().zip(long.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum::<usize>();
    for word in &ladders.intensifiers {
        // The intensifier inserted at or a little before the first difference (the prefix may
        // have eaten its first characters when they repeat the text before).
        for start in (prefix.saturating_sub(word.len())..=prefix).filter(|&s| long.is_char_boundary(s)) {
            if long[start..].starts_with(word.as_str())
                && short.len() + word.len() == long.len()
                && long[..start] == short[..start]
                && long[start + word.len()..] == short[start..]
            {
                let verb = ladders.intensified_verbs.iter().find(|v| short[start..].starts_with(v.as_str()))?.clone();
                let intensified = format!("{word}{verb}");
                let (from, to) = if stronger { (verb, intensified) } else { (intensified, verb) };
                return Some(Shift {
                    kind: "intensity".to_owned(),
                    ladder: "intensity".to_owned(),
                    from,
                    to,
                    direction: if stronger { Direction::Stronger } else { Direction::Weaker },
                    steps: 1,
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
        assert_eq!(
            (shift.kind.as_str(), shift.ladder.as_str(), shift.direction, shift.steps),
            ("stance", "stance", Direction::Weaker, 1)
        );
        // One scale of stance across what were separate ladders: 指出 → 支持, 认为 → 强调.
        let shift = class("指出", "支持").shift.unwrap();
        assert_eq!((shift.direction, shift.steps), (Direction::Stronger, 3));
        assert_eq!(class("认为", "强调").shift.unwrap().direction, Direction::Stronger);
        assert_eq!(class("重申", "强调").shift.unwrap().direction, Direction::Weaker);
        // Modality: may < should < must; ready to < will; calls on < urges.
        let shift = class("应", "必须").shift.unwrap();
        assert_eq!(
            (shift.kind.as_str(), shift.ladder.as_str(), shift.direction),
            ("modality", "modal_obligation", Direction::Stronger)
        );
        assert_eq!(class("敦促", "呼吁").shift.unwrap().direction, Direction::Weaker);
        // Two words of one step have no direction: not a shift.
        assert_eq!(class("高度评价", "赞赏").class, ChangeClass::Rewording);
        let shift = class("支持", "坚定支持").shift.unwrap();
        assert_eq!((shift.direction, shift.steps), (Direction::Stronger, 1));
        let shift = class("表示关切", "表示严重关切").shift.unwrap();
        assert_eq!((shift.ladder.as_str(), shift.direction), ("concern", Direction::Stronger));
        let shift = class("注意到", "坚定支持").shift.unwrap();
        assert_eq!(shift.steps, 5);
        let shift = class("关切", "严重关切").shift.unwrap();
        assert_eq!((shift.kind.as_str(), shift.ladder.as_str()), ("stance", "concern"));
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
        // An intensifier added before an unchanged verb is a shift of intensity, its verb
        // reported with it; one dropped is weaker.
        let shift = classify_in_context("成员国将", "", "进一步", "加强政治对话", &ladders, t).shift.unwrap();
        assert_eq!(
            (shift.kind.as_str(), shift.from.as_str(), shift.to.as_str(), shift.direction),
            ("intensity", "加强", "进一步加强", Direction::Stronger)
        );
        let shift = classify_in_context("各方", "高度重视", "重视", "采取措施", &ladders, t).shift.unwrap();
        assert_eq!((shift.from.as_str(), shift.to.as_str(), shift.direction), ("高度重视", "重视", Direction::Weaker));
        // A verb inserted before another verb is not a shift (重申支持), nor a word inside a
        // 《title》, nor an intensifier arriving with a clause.
        assert_eq!(classify_in_context("共和国", "", "重申", "支持中华", &ladders, t).class, ChangeClass::Rewording);
        assert_eq!(
            classify_in_context("《上合组织成员国关于", "", "积极", "推动合作的声明》", &ladders, t).class,
            ChangeClass::Rewording
        );
        // Also when the whole title is the changed token.
        assert_eq!(
            classify_in_context("在", "《关于发展地区的构想》", "《关于大力发展地区的构想》", "基础上", &ladders, t)
                .shift,
            None
        );
        assert_eq!(
            classify_in_context("在", "《支持合作的声明》", "《坚定支持合作的声明》", "中", &ladders, t).shift,
            None
        );
        assert_eq!(
            classify_in_context("倡议", "", "，并积极推动落实", "。", &ladders, t).class,
            ChangeClass::ClauseAdded
        );
        // 应对 is not the modal 应.
        assert_eq!(classify_in_context("共同", "应对", "防范", "威胁", &ladders, t).shift, None);
    }

    #[test]
    fn compound_edits_split_into_their_parts() {
        let ladders = Ladders::builtin();
        assert_eq!(
            split_compound("注意到2020年5月23日至27日", "积极评价2021年5月", &ladders),
            Some([("注意到", "积极评价"), ("2020年5月23日至27日", "2021年5月")])
        );
        assert_eq!(
            split_compound("2019年12月16日欢迎", "2020年12月注意到", &ladders).map(|p| p[1]),
            Some(("欢迎", "注意到"))
        );
        // One scale only, different steps, and something else besides.
        assert_eq!(split_compound("支持该倡议", "推动该倡议", &ladders), None);
        assert_eq!(split_compound("欢迎", "注意到", &ladders), None);
        assert_eq!(split_compound("高度评价A", "赞赏B", &ladders), None);
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
}
