//! Cleaning: the lines of a saved page → the lines of the declaration, and everything else set
//! aside with its reason. Runs between decoding (and HTML extraction) and segmentation.
//!
//! A page is read in three passes (docs/reading.md, "Cleaning"):
//! 1. **Split** lines that hold several things: paragraphs flattened onto one line (`。` then
//!    spaces), a dateline leading the first paragraph, a title next to its dateline, a Chinese
//!    cell and its English translation after a tab.
//! 2. **Label** each line by what it is on its own: another language, pinyin, site furniture
//!    (the lists of `data/cleaning.toml`), a dateline, a title, a lead marker, a date or a
//!    place-and-date line.
//! 3. **Find the declaration**: it starts after the last lead marker, or at the first paragraph
//!    that does not read as journalism; it ends with its closing block (signatories, date,
//!    source line) or its last paragraph. Before and after it only a title, the declaration's
//!    own dateline and its date lines are kept; inside it, furniture is still set aside.
//!
//! Each kept line may carry the kind it was recognised as (title, source line, place-and-date
//! line, date line); segmentation decides the rest.

use serde::{Deserialize, Serialize};

mod split;

use crate::normalize::{self, SourceLine};
use crate::segment::BlockKind;
use split::split_compound_lines;

/// The built-in rules.
pub const DEFAULT_RULES: &str = include_str!("../data/cleaning.toml");

/// Revision of the cleaning rules and method, part of every cached document's key and of
/// fetch provenance.
pub const CLEANING_REVISION: u32 = 2;

/// Why a line was set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Site menus, share bars, breadcrumbs, captions, footers, encyclopedia boxes.
    Furniture,
    /// The declaration's title, repeated.
    Title,
    /// A news agency's dateline that is not the declaration's own source line, or a repeat.
    Dateline,
    /// Journalism before the declaration.
    Lead,
    /// A line in another language (a translation).
    OtherLanguage,
    /// A line of pinyin.
    Pinyin,
}

impl Reason {
    /// The name used in tables and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Furniture => "furniture",
            Reason::Title => "title",
            Reason::Dateline => "dateline",
            Reason::Lead => "lead",
            Reason::OtherLanguage => "other_language",
            Reason::Pinyin => "pinyin",
        }
    }
}

/// A line of the input that is not part of the declaration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetAside {
    /// 1-based line in the decoded (or, for HTML, extracted) text.
    pub line: usize,
    /// The line, as written.
    pub text: String,
    /// Why.
    pub reason: Reason,
}

/// A line as cleaning receives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLine {
    /// The line.
    pub line: SourceLine,
    /// Whether the HTML extractor found it outside the page's article (menus, sidebars,
    /// footers, anything outside the block that holds the text).
    pub outside_article: bool,
}

/// A kept line, with its Simplified form and the kind it was recognised as, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptLine {
    /// The line as written.
    pub line: SourceLine,
    /// Its Simplified form (the script conversion of the whole text, done once).
    pub simplified: String,
    /// The kind cleaning recognised, for segmentation to take.
    pub hint: Option<BlockKind>,
}

/// The declaration's lines and what was set aside.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cleaned {
    /// The declaration, in order.
    pub kept: Vec<KeptLine>,
    /// Everything else, in order.
    pub set_aside: Vec<SetAside>,
}

/// The rules of `data/cleaning.toml`.
#[derive(Debug, Clone, Deserialize)]
pub struct Rules {
    furniture: FurnitureRules,
    dateline: DatelineRules,
    lead: LeadRules,
    title: TitleRules,
}

#[derive(Debug, Clone, Deserialize)]
struct FurnitureRules {
    exact: Vec<String>,
    contains: Vec<String>,
    max_chars: usize,
    starts: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct DatelineRules {
    agencies: Vec<String>,
    own: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct LeadRules {
    markers: Vec<String>,
    reporting: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct TitleRules {
    endings: Vec<String>,
    names: Vec<String>,
}

impl Rules {
    /// The built-in rules.
    pub fn builtin() -> &'static Rules {
        static RULES: std::sync::OnceLock<Rules> = std::sync::OnceLock::new();
        RULES.get_or_init(|| toml::from_str(DEFAULT_RULES).expect("the built-in cleaning rules are valid (tested)"))
    }
}

/// Keeps every line (`--raw`): nothing set aside, no kinds recognised.
pub fn keep_all(lines: Vec<PageLine>) -> Cleaned {
    let texts: Vec<&str> = lines.iter().map(|l| l.line.text.as_str()).collect();
    let simplified = normalize::simplified_lines(&texts);
    let kept = lines
        .into_iter()
        .zip(simplified)
        .map(|(l, simplified)| KeptLine { line: l.line, simplified, hint: None })
        .collect();
    Cleaned { kept, set_aside: Vec::new() }
}

/// Cleans a page's lines with `rules`.
pub fn clean(lines: Vec<PageLine>, rules: &Rules) -> Cleaned {
    let lines = split_compound_lines(lines, rules);
    let texts: Vec<&str> = lines.iter().map(|l| l.line.text.as_str()).collect();
    let simplified = normalize::simplified_lines(&texts);
    let mut labels: Vec<Label> = lines.iter().zip(&simplified).map(|(l, s)| label(l, s, rules)).collect();
    // A dateline that opens a piece of journalism belongs to the journalism.
    for k in 0..labels.len().saturating_sub(1) {
        if matches!(labels[k], Label::Dateline { .. })
            && labels[k + 1] == Label::Reporting
            && lines[k].line.line == lines[k + 1].line.line
        {
            labels[k] = Label::Reporting;
        }
    }
    let (start, end) = declaration_bounds(&labels);
    if start > end {
        // Nothing reads as a declaration (a list, a fragment, a table): keep the input whole
        // rather than lose it.
        return keep_all(lines);
    }
    set_aside_junk_before_first_paragraph(&mut labels, &simplified, start, end);
    let mut cleaned = Cleaned::default();
    let mut seen = Seen::default();
    for (k, ((line, simplified), label)) in lines.into_iter().zip(simplified).zip(labels).enumerate() {
        let inside = k >= start && k <= end;
        match decide(&label, inside, &mut seen) {
            Decision::Keep(hint) => cleaned.kept.push(KeptLine { line: line.line, simplified, hint }),
            Decision::SetAside(reason) => {
                cleaned.set_aside.push(SetAside { line: line.line.line, text: line.line.text, reason })
            }
        }
    }
    cleaned
}

/// What a line is on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    OtherLanguage,
    Pinyin,
    Furniture,
    /// A dateline; `own` when it is the declaration's publisher's.
    Dateline {
        own: bool,
    },
    Title,
    LeadMarker,
    /// A paragraph that reads as journalism.
    Reporting,
    /// A sentence or more of Chinese: a paragraph (or a lead).
    Paragraph,
    DateLine,
    PlaceDate,
    /// A short line naming an office (总统, 总理, 主席…): a signature.
    Signature,
    /// Anything else short: a heading, a numeral, furniture not in the lists.
    Short,
}

#[derive(Default)]
struct Seen {
    title: bool,
    own_dateline: bool,
}

enum Decision {
    Keep(Option<BlockKind>),
    SetAside(Reason),
}

fn decide(label: &Label, inside: bool, seen: &mut Seen) -> Decision {
    use Decision::{Keep, SetAside};
    match label {
        Label::OtherLanguage => SetAside(Reason::OtherLanguage),
        Label::Pinyin => SetAside(Reason::Pinyin),
        Label::Furniture => SetAside(Reason::Furniture),
        Label::Dateline { own: true } if !seen.own_dateline => {
            seen.own_dateline = true;
            Keep(Some(BlockKind::SourceLine))
        }
        Label::Dateline { .. } => SetAside(Reason::Dateline),
        Label::Title if !seen.title => {
            seen.title = true;
            Keep(Some(BlockKind::Title))
        }
        Label::Title => SetAside(Reason::Title),
        Label::DateLine => Keep(Some(BlockKind::DateLine)),
        Label::PlaceDate => Keep(Some(BlockKind::PlaceDate)),
        _ if inside => Keep(None),
        Label::LeadMarker | Label::Reporting | Label::Paragraph => SetAside(Reason::Lead),
        Label::Short | Label::Signature => SetAside(Reason::Furniture),
    }
}

/// The first and last line of the declaration (inclusive); `(1, 0)` when no line reads as a
/// paragraph.
fn declaration_bounds(labels: &[Label]) -> (usize, usize) {
    let paragraphs = |from: usize| labels.iter().enumerate().skip(from).filter(|(_, l)| **l == Label::Paragraph);
    let first_paragraph = paragraphs(0).map(|(k, _)| k).next();
    // A lead marker before the declaration's first paragraph ends the lead; without one, the
    // paragraphs that read as journalism are the lead.
    let marker = labels.iter().take(first_paragraph.unwrap_or(labels.len())).rposition(|l| *l == Label::LeadMarker);
    let start = match marker {
        Some(m) => m + 1,
        None => match first_paragraph {
            Some(k) => {
                let reporting_before = labels[..k].iter().rposition(|l| *l == Label::Reporting);
                // Short lines between the lead and the first paragraph (a title, a numeral)
                // belong to the declaration.
                let mut start = k;
                while start > reporting_before.map_or(0, |r| r + 1)
                    && matches!(
                        labels[start - 1],
                        Label::Short | Label::Title | Label::Dateline { .. } | Label::Signature
                    )
                {
                    start -= 1;
                }
                start
            }
            None => return (1, 0),
        },
    };
    let last_paragraph = labels.iter().rposition(|l| *l == Label::Paragraph).unwrap_or(start);
    // The closing block: short lines (signatories), date lines and datelines right after the
    // last paragraph.
    let mut end = last_paragraph.max(start);
    let mut k = end + 1;
    while k < labels.len() && closing_run_continues(labels, k) {
        match labels[k] {
            Label::Signature | Label::DateLine | Label::Dateline { .. } | Label::PlaceDate => end = k,
            // Set aside whatever the bounds: translations and furniture between signatures.
            Label::OtherLanguage | Label::Pinyin | Label::Furniture | Label::Title => {}
            _ => break,
        }
        k += 1;
    }
    (start, end)
}

/// Before its first paragraph a declaration holds only its title, datelines, dates and the
/// opening of its first section. A short line there opens a section only when it has the form
/// of the sections of the body: a bare numeral when the body has bare numerals, a numbered
/// heading when the body has numbered headings. Any other short line (`宣言正文`, `内容提要`, a
/// newspaper's page line, a caption) is furniture: an unnumbered heading never precedes the
/// first paragraph, since a declaration with unnumbered section titles opens with an untitled
/// preamble.
fn set_aside_junk_before_first_paragraph(labels: &mut [Label], simplified: &[String], start: usize, end: usize) {
    let Some(first) = (start..=end).find(|&k| labels[k] == Label::Paragraph) else {
        return;
    };
    let style = |k: usize| section_style(&normalize::fold_simplified(&simplified[k]));
    let body: Vec<SectionStyle> = (first..=end).filter(|&k| labels[k] == Label::Short).map(style).collect();
    for (k, label) in labels.iter_mut().enumerate().take(first).skip(start) {
        if *label == Label::Short {
            let own = style(k);
            if own == SectionStyle::Unnumbered || !body.contains(&own) {
                *label = Label::Furniture;
            }
        }
    }
}

/// The form of a short line as a section opening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SectionStyle {
    /// `一`, `（二）`, `3`: a numeral alone.
    BareNumeral,
    /// `一、政治合作`: numbered and titled.
    NumberedHeading,
    /// Anything else.
    Unnumbered,
}

fn section_style(key: &str) -> SectionStyle {
    let key: String = key.chars().filter(|c| !normalize::is_space(*c)).collect();
    let trimmed = key.trim_matches(|c: char| "（）()、.．，,".contains(c));
    let numeral = |t: &str| {
        !t.is_empty()
            && t.chars().count() <= 3
            && t.chars().all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
    };
    if numeral(trimmed) || numeral(trimmed.strip_prefix('第').unwrap_or("")) {
        return SectionStyle::BareNumeral;
    }
    match normalize::split_numbering(&key) {
        (Some(_), rest) if !rest.is_empty() => SectionStyle::NumberedHeading,
        (Some(_), _) => SectionStyle::BareNumeral,
        _ => SectionStyle::Unnumbered,
    }
}

/// Whether the closing block goes on at `k`: at most 12 lines of signatures and dates (not
/// counting lines set aside anyway).
fn closing_run_continues(labels: &[Label], k: usize) -> bool {
    let run = labels[..k]
        .iter()
        .rev()
        .take_while(|l| !matches!(l, Label::Paragraph))
        .filter(|l| matches!(l, Label::Signature | Label::DateLine | Label::Dateline { .. } | Label::PlaceDate))
        .count();
    run < 12
}

/// Labels one line by itself. `simplified` is its Simplified form.
fn label(line: &PageLine, simplified: &str, rules: &Rules) -> Label {
    let text = line.line.text.as_str();
    let compact: String = normalize::fold_simplified(simplified).chars().filter(|c| !normalize::is_space(*c)).collect();
    let han = compact.chars().filter(|c| normalize::is_han(*c)).count();
    let latin = compact.chars().filter(|c| c.is_alphabetic() && !normalize::is_han(*c)).count();
    if han == 0 && latin > 0 {
        return if is_pinyin_line(text) { Label::Pinyin } else { Label::OtherLanguage };
    }
    if let Some(own) = dateline(&compact, rules) {
        return Label::Dateline { own };
    }
    if is_title(&compact, rules) {
        return Label::Title;
    }
    // A table of contents lists the same words (`2 宣言全文`): numbered lines are not markers.
    let listed = compact.starts_with(|c: char| c.is_ascii_digit());
    let marker = compact == "全文" || rules.lead.markers.iter().any(|m| compact.contains(m.as_str()));
    if marker && !listed && compact.chars().count() < 200 {
        return Label::LeadMarker;
    }
    if is_furniture(&compact, rules) {
        return Label::Furniture;
    }
    if let Some(kind) = date_kind(&compact) {
        return kind;
    }
    let sentence = compact.contains(['。', '；', '！', '？']) || compact.ends_with('：');
    if sentence && han >= 2 {
        if rules.lead.reporting.iter().any(|w| compact.contains(w.as_str())) {
            return Label::Reporting;
        }
        if line.outside_article {
            return Label::Furniture;
        }
        return Label::Paragraph;
    }
    if line.outside_article {
        Label::Furniture
    } else if is_signature(&compact, han, rules) {
        Label::Signature
    } else {
        Label::Short
    }
}

/// A signature: an office (总统, 总理…) and a name, short, without a date, a number or a title.
fn is_signature(compact: &str, han: usize, rules: &Rules) -> bool {
    crate::segment::OFFICES.iter().any(|o| compact.contains(o))
        && han <= 40
        && !compact.chars().any(|c| c.is_ascii_digit())
        && !rules.title.endings.iter().any(|e| compact.contains(e.as_str()))
}

fn is_pinyin_line(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let toned = letters.iter().filter(|c| "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ".contains(**c)).count();
    !letters.is_empty() && toned * 8 >= letters.len()
}

fn is_furniture(compact: &str, rules: &Rules) -> bool {
    let f = &rules.furniture;
    let bare = compact.trim_matches(|c: char| "【】[]|｜·•-—>»«".contains(c));
    if f.exact.iter().any(|e| e == bare) {
        return true;
    }
    if f.starts.iter().any(|s| compact.starts_with(s.as_str())) {
        return true;
    }
    let short = compact.chars().count() <= f.max_chars;
    short && (f.contains.iter().any(|c| compact.contains(c.as_str())) || has_clock_time(compact))
}

/// `08:15`, `14:07`: a time of day, as news pages print beside the date.
fn has_clock_time(compact: &str) -> bool {
    let chars: Vec<char> = compact.chars().collect();
    chars.windows(5).any(|w| {
        w[0].is_ascii_digit()
            && w[1].is_ascii_digit()
            && matches!(w[2], ':' | '：')
            && w[3].is_ascii_digit()
            && w[4].is_ascii_digit()
    })
}

/// `新华社莫斯科11月10日电`, `（中评社香港11月11日电）`: Some(whether it is the declaration's
/// own publisher's) when the whole line is a dateline.
fn dateline(compact: &str, rules: &Rules) -> Option<bool> {
    let inner = compact.trim_start_matches(['（', '(']).trim_end_matches(['）', ')']);
    let agency = rules.dateline.agencies.iter().find(|a| inner.starts_with(a.as_str()))?;
    let rest = &inner[agency.len()..];
    let ends = rest.ends_with(['电', '讯']) || rest.ends_with("消息");
    let dated = rest.contains('日') || rest.contains("月");
    (ends && dated && rest.chars().count() <= 20).then(|| rules.dateline.own.iter().any(|o| o == agency))
}

fn is_title(compact: &str, rules: &Rules) -> bool {
    let t = &rules.title;
    let stripped = strip_note(compact).trim_end_matches("全文");
    let stripped = stripped.trim_start_matches('《').trim_end_matches('》');
    stripped.chars().count() <= 60
        && !stripped.contains(['。', '，', '；', '：'])
        && t.endings.iter().any(|e| stripped.ends_with(e.as_str()))
        && t.names.iter().any(|n| stripped.contains(n.as_str()))
}

/// A title without a short note in parentheses after it: `（全文）`, `（中英对照）`.
fn strip_note(compact: &str) -> &str {
    let Some(open) = compact.rfind(['（', '(']) else { return compact };
    let note = &compact[open..];
    let closed = note.ends_with(['）', ')']);
    if closed && note.chars().count() <= 10 { &compact[..open] } else { compact }
}

/// `2020年11月10日` (a date line) or `（2020年11月10日，莫斯科）` / `2020年11月10日于莫斯科` (a
/// place-and-date line).
fn date_kind(compact: &str) -> Option<Label> {
    let inner = compact.trim_start_matches(['（', '(']).trim_end_matches(['）', ')']);
    let (year, rest) = inner.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let (day, place) = rest.split_once('日')?;
    let numeric = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.chars().count())
            && s.chars().all(|c| c.is_ascii_digit() || "〇零一二三四五六七八九十".contains(c))
    };
    if !(numeric(year, 4..=4) && numeric(month, 1..=3) && numeric(day, 1..=3)) {
        return None;
    }
    let place = place.trim_start_matches(['，', ',', '于', '於', '在']);
    match place.chars().count() {
        0 => Some(Label::DateLine),
        1..=12 if place.chars().all(normalize::is_han) => Some(Label::PlaceDate),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::split::{split_flattened, split_line};
    use super::*;

    fn page(text: &str) -> Vec<PageLine> {
        normalize::split_lines(text).into_iter().map(|line| PageLine { line, outside_article: false }).collect()
    }

    #[test]
    fn builtin_rules_parse() {
        assert!(!Rules::builtin().furniture.exact.is_empty());
    }

    #[test]
    fn a_clean_text_loses_nothing() {
        let text = "上海合作组织成员国元首理事会莫斯科宣言\n　　成员国指出，形势深刻演变。\n安全合作\n　　成员国重申，坚定支持联合国。\n2020年11月10日\n（新华社莫斯科11月10日电）\n";
        let cleaned = clean(page(text), Rules::builtin());
        assert!(cleaned.set_aside.is_empty(), "{:?}", cleaned.set_aside);
        assert_eq!(cleaned.kept.len(), 6);
    }

    #[test]
    fn furniture_leads_and_datelines_are_set_aside_with_reasons() {
        let text = "首页 | 新闻 | 国际\n上海合作组织成员国元首理事会莫斯科宣言（全文）\n来源：新华网\n新华社莫斯科11月10日电　上海合作组织成员国元首理事会会议10日举行，会议发表了宣言。\n宣言全文如下：\n上海合作组织成员国元首理事会莫斯科宣言\n　　成员国指出，形势深刻演变。成员国重申，坚定支持联合国。　　成员国强调，合作十分重要。\n2020年11月10日\n（新华社莫斯科11月10日电）\n责任编辑：张三\n";
        let cleaned = clean(page(text), Rules::builtin());
        let kept: Vec<(&str, Option<BlockKind>)> =
            cleaned.kept.iter().map(|k| (k.line.text.as_str(), k.hint)).collect();
        assert_eq!(
            kept,
            [
                ("上海合作组织成员国元首理事会莫斯科宣言（全文）", Some(BlockKind::Title)),
                ("成员国指出，形势深刻演变。成员国重申，坚定支持联合国。", None),
                ("成员国强调，合作十分重要。", None),
                ("2020年11月10日", Some(BlockKind::DateLine)),
                ("（新华社莫斯科11月10日电）", Some(BlockKind::SourceLine)),
            ]
        );
        let reasons: Vec<Reason> = cleaned.set_aside.iter().map(|s| s.reason).collect();
        use Reason::*;
        // The lead's own dateline is part of the lead.
        assert_eq!(reasons, [Furniture, Furniture, Lead, Lead, Lead, Title, Furniture]);
    }

    #[test]
    fn flattened_paragraphs_and_translations_split() {
        assert_eq!(
            split_flattened("成员国指出，形势演变。 成员国重申，支持联合国。"),
            ["成员国指出，形势演变。", "成员国重申，支持联合国。"]
        );
        assert_eq!(
            split_line("安全合作\tSecurity cooperation", Rules::builtin()),
            ["安全合作", "Security cooperation"]
        );
        assert_eq!(
            split_line("上海合作组织成员国元首理事会莫斯科宣言　新华社莫斯科11月10日电", Rules::builtin()),
            ["上海合作组织成员国元首理事会莫斯科宣言", "新华社莫斯科11月10日电"]
        );
    }

    fn kept_hints(text: &str) -> Vec<(String, Option<BlockKind>)> {
        let cleaned = clean(page(text), Rules::builtin());
        cleaned.kept.into_iter().map(|k| (k.line.text, k.hint)).collect()
    }

    #[test]
    fn only_section_openings_of_the_body_form_precede_the_first_paragraph() {
        // An unknown short line before the preamble is never a heading.
        let kept = kept_hints(
            "上海合作组织成员国元首理事会莫斯科宣言\n文件正文\n成员国指出，形势深刻演变。\n安全合作\n成员国重申，支持联合国。\n",
        );
        assert_eq!(kept.len(), 4, "{kept:?}");
        assert!(kept.iter().all(|(t, _)| t != "文件正文"));
        // A bare numeral opens the first section when the body has bare numerals.
        let kept = kept_hints("一\n成员国指出，形势深刻演变。\n二\n成员国重申，支持联合国。\n");
        assert_eq!(kept.len(), 4, "{kept:?}");
        // So does a numbered heading when the body has numbered headings.
        let kept = kept_hints("一、政治合作\n成员国指出，形势深刻演变。\n二、安全合作\n成员国重申，支持联合国。\n");
        assert_eq!(kept.len(), 4, "{kept:?}");
        // But not a bare numeral when the body has titled sections only.
        let kept = kept_hints("第3版\n成员国指出，形势深刻演变。\n一、安全合作\n成员国重申，支持联合国。\n");
        assert_eq!(kept.len(), 3, "{kept:?}");
    }
}
