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

mod label;
mod layout;
mod split;

use crate::normalize::{self, SourceLine};
use crate::segment::BlockKind;
use label::{Label, compact_form, label};
use split::split_compound_lines;

/// The built-in rules.
pub const DEFAULT_RULES: &str = include_str!("../data/cleaning.toml");

/// Revision of the cleaning rules and method, part of every cached document's key and of
/// fetch provenance.
pub const CLEANING_REVISION: u32 = 3;

/// Why a line was set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
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
    let mut lines = split_compound_lines(lines, rules);
    let texts: Vec<&str> = lines.iter().map(|l| l.line.text.as_str()).collect();
    let mut simplified = normalize::simplified_lines(&texts);
    let mut labels: Vec<Label> = lines.iter().zip(&simplified).map(|(l, s)| label(l, s, rules)).collect();
    let compacts: Vec<String> = simplified.iter().map(|s| compact_form(s)).collect();
    let repeated = layout::mark_repeated_lines(&mut labels, &compacts);
    let watermarks = layout::cut_watermarks(&mut lines, &mut simplified, &repeated);
    for (k, _) in &watermarks {
        labels[*k] = label(&lines[*k], &simplified[*k], rules);
    }
    let watermarks: Vec<SetAside> = watermarks
        .into_iter()
        .map(|(k, text)| SetAside { line: lines[k].line.line, text, reason: Reason::Furniture })
        .collect();
    let (lines, simplified, mut labels) = layout::mend_page_breaks(lines, simplified, labels);
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
    let mut watermarks = watermarks.into_iter().peekable();
    for (k, ((line, simplified), label)) in lines.into_iter().zip(simplified).zip(labels).enumerate() {
        let place = if k < start {
            Place::Before
        } else if k <= end {
            Place::Inside
        } else {
            Place::After
        };
        while let Some(mark) = watermarks.next_if(|w| w.line <= line.line.line) {
            cleaned.set_aside.push(mark);
        }
        match decide(&label, place, &mut seen) {
            Decision::Keep(hint) => cleaned.kept.push(KeptLine { line: line.line, simplified, hint }),
            Decision::SetAside(reason) => {
                cleaned.set_aside.push(SetAside { line: line.line.line, text: line.line.text, reason })
            }
        }
    }
    cleaned.set_aside.extend(watermarks);
    cleaned
}

#[derive(Default)]
struct Seen {
    title: bool,
    own_dateline: bool,
}

/// Where a line stands relative to the declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Before,
    Inside,
    After,
}

enum Decision {
    Keep(Option<BlockKind>),
    SetAside(Reason),
}

fn decide(label: &Label, place: Place, seen: &mut Seen) -> Decision {
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
        _ if place == Place::Inside => Keep(None),
        // Text after the declaration's closing block is the page's: comments, related articles.
        _ if place == Place::After => SetAside(Reason::Furniture),
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
    let last_paragraph = last_paragraph(labels, start);
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
    let numeral = crate::segment::is_bare_numeral;
    if numeral(trimmed) || trimmed.strip_prefix('第').is_some_and(numeral) {
        return SectionStyle::BareNumeral;
    }
    match normalize::split_numbering(&key) {
        (Some(_), rest) if !rest.is_empty() => SectionStyle::NumberedHeading,
        (Some(_), _) => SectionStyle::BareNumeral,
        _ => SectionStyle::Unnumbered,
    }
}

/// The declaration's last paragraph: the last before its closing block (two or more
/// signature, date or source lines, or a date line alone), or the page's last paragraph when
/// there is no closing block. Paragraphs after a closing block are the page's (a forum's
/// replies, a list of other articles), not the declaration's.
fn last_paragraph(labels: &[Label], start: usize) -> usize {
    let closing =
        |l: &Label| matches!(l, Label::Signature | Label::DateLine | Label::Dateline { .. } | Label::PlaceDate);
    // A paragraph with a word of reporting (`…将于2022年在塔什干举行。`) is the declaration's
    // when a closing block follows it; without one it may be the page's news.
    let mut last = None;
    let mut last_before_closing = None;
    for k in start..labels.len() {
        if labels[k] == Label::Paragraph {
            last = Some(k);
            last_before_closing = Some(k);
        } else if labels[k] == Label::Reporting && last.is_some() {
            last_before_closing = Some(k);
        } else if last.is_some() && closing(&labels[k]) && (k == 0 || !closing(&labels[k - 1])) {
            let run = labels[k..]
                .iter()
                .take_while(|l| {
                    closing(l) || matches!(l, Label::OtherLanguage | Label::Pinyin | Label::Furniture | Label::Title)
                })
                .filter(|l| closing(l))
                .count();
            if run >= 2 || labels[k] == Label::DateLine {
                return last_before_closing.unwrap_or(start);
            }
        }
    }
    last.unwrap_or(start)
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

#[cfg(test)]
mod tests {
    use super::label::is_unlisted_dateline;
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

    #[test]
    fn datelines_of_unlisted_agencies() {
        assert!(is_unlisted_dateline("华夏社香港11月11日电"));
        assert!(!is_unlisted_dateline("成员国社会11月11日电"));
        assert!(!is_unlisted_dateline("社会11月电"));
        assert_eq!(
            split_line("華夏社香港11月11日電　上海合作组织成员国领导人举行会议，并发表宣言如下：", Rules::builtin()),
            ["華夏社香港11月11日電", "上海合作组织成员国领导人举行会议，并发表宣言如下："]
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
