//! Page layout that no phrase list names: page numbers, lines a page repeats (running headers,
//! watermarks), and paragraphs a page break cut in two (text extracted from PDF).

use super::{Label, PageLine};
use crate::normalize;

/// A page number as documents, PDF extractions and document-sharing sites print them:
/// `第 1 页 共 22 页`, `第2页`, `- 3 -`, `4/22`, `Page 5 of 22`, `剩余 6 页未读`.
pub(super) fn is_page_number(compact: &str) -> bool {
    let lower = compact.to_lowercase();
    let digits_only = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let strip = |s: &str, prefix: &str, suffix: &str| -> Option<String> {
        s.strip_prefix(prefix)?.strip_suffix(suffix).map(str::to_owned)
    };
    if let Some(inner) = strip(&lower, "第", "页") {
        // 第1页, 第1页共22页, 第1页/共22页
        return inner
            .split(['共', '/', '，', ','])
            .map(|part| part.trim_end_matches('页').trim_start_matches('第'))
            .all(|part| part.is_empty() || digits_only(part));
    }
    if let Some(inner) = lower.strip_prefix('-').and_then(|s| s.strip_suffix('-')) {
        return digits_only(inner);
    }
    if let Some((page, pages)) = lower.split_once('/') {
        return digits_only(page) && digits_only(pages);
    }
    if let Some(inner) = lower.strip_prefix("page") {
        return inner.split("of").all(digits_only);
    }
    lower.starts_with("剩余") && lower.contains("页")
}

/// How many times a line may appear before it counts as page furniture: a running header, a
/// footer or a watermark repeats on every page; a declaration never repeats a heading or a
/// signature, and its title is handled apart (kept once, repeats set aside as titles).
const REPEATED_LINE: usize = 3;

/// Marks short lines the page repeats [`REPEATED_LINE`] times or more as furniture; returns
/// the indices of those lines.
pub(super) fn mark_repeated_lines(labels: &mut [Label], compacts: &[String]) -> Vec<usize> {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let candidate = |label: &Label| matches!(label, Label::Short | Label::Signature | Label::Furniture);
    for (label, compact) in labels.iter().zip(compacts) {
        if candidate(label) {
            *counts.entry(compact.as_str()).or_default() += 1;
        }
    }
    let mut repeated = Vec::new();
    for (k, (label, compact)) in labels.iter_mut().zip(compacts).enumerate() {
        if candidate(label) && counts[compact.as_str()] >= REPEATED_LINE {
            *label = Label::Furniture;
            repeated.push(k);
        }
    }
    repeated
}

/// A repeated line shorter than this is not looked for inside other lines.
const MIN_WATERMARK_CHARS: usize = 6;

/// A watermark a scraper writes through the text, on lines of its own (`repeated`, from
/// [`mark_repeated_lines`]) and glued to the end of paragraphs: cut from the end of every
/// other line. Returns the indices of the lines cut and what was cut from each.
pub(super) fn cut_watermarks(
    lines: &mut [PageLine],
    simplified: &mut [String],
    repeated: &[usize],
) -> Vec<(usize, String)> {
    let mut marks: Vec<(String, String)> = repeated
        .iter()
        .map(|&k| (lines[k].line.text.clone(), simplified[k].clone()))
        .filter(|(text, _)| text.chars().count() >= MIN_WATERMARK_CHARS)
        .collect();
    marks.extend(repeated_tails(lines, simplified));
    marks.sort();
    marks.dedup();
    let mut cut = Vec::new();
    for k in 0..lines.len() {
        for (text, simple) in &marks {
            let line = &lines[k].line.text;
            if line.len() > text.len() && line.ends_with(text.as_str()) && simplified[k].ends_with(simple.as_str()) {
                let keep = line.len() - text.len();
                lines[k].line.text = line[..keep].trim_end_matches(normalize::is_space).to_owned();
                let keep = simplified[k].len() - simple.len();
                simplified[k] = simplified[k][..keep].trim_end_matches(normalize::is_space).to_owned();
                cut.push((k, text.clone()));
            }
        }
    }
    cut
}

/// Joins a paragraph that a page break cut: a paragraph line that stops mid-sentence, then page
/// furniture (a page number, a running header, the title repeated), then its continuation (a line that is not
/// numbered). Returns the lines, their Simplified forms and labels with each cut paragraph
/// whole, at the place of its first part.
pub(super) fn mend_page_breaks(
    lines: Vec<PageLine>,
    simplified: Vec<String>,
    labels: Vec<Label>,
) -> (Vec<PageLine>, Vec<String>, Vec<Label>) {
    let mut continues = vec![false; lines.len()];
    // Before the first sentence there is nothing a page break could cut (a long metadata
    // line above the text is not a paragraph).
    let first_sentence = labels.iter().position(|l| *l == Label::Paragraph).unwrap_or(lines.len());
    for k in first_sentence..lines.len() {
        if !is_paragraph_part(labels[k], &simplified[k]) || !stops_mid_sentence(&simplified[k]) {
            continue;
        }
        let next = (k + 1..lines.len()).find(|&j| !is_page_furniture(labels[j]));
        if let Some(j) = next
            && j > k + 1
            && matches!(labels[j], Label::Paragraph | Label::Short)
            && normalize::split_numbering(&normalize::fold_simplified(&simplified[j])).0.is_none()
        {
            continues[j] = true;
        }
    }
    let (mut out_lines, mut out_simplified, mut out_labels) = (Vec::new(), Vec::new(), Vec::new());
    let mut owner: Option<usize> = None;
    for (((line, simple), label), continuation) in lines.into_iter().zip(simplified).zip(labels).zip(continues) {
        if continuation && let Some(o) = owner {
            let first: &mut PageLine = &mut out_lines[o];
            first.line.text.push_str(&line.line.text);
            let first_simplified: &mut String = &mut out_simplified[o];
            first_simplified.push_str(&simple);
            continue;
        }
        if !is_page_furniture(label) {
            owner = is_paragraph_part(label, &simple).then_some(out_lines.len());
        }
        out_lines.push(line);
        out_simplified.push(simple);
        out_labels.push(label);
    }
    (out_lines, out_simplified, out_labels)
}

/// What may stand between the parts of a paragraph cut by a page break: page numbers,
/// running headers (the title, repeated), translations.
fn is_page_furniture(label: Label) -> bool {
    matches!(label, Label::Furniture | Label::Title | Label::OtherLanguage | Label::Pinyin)
}

/// Whether a line is a paragraph or the first part of one: a sentence, or a line too long or
/// too punctuated (a comma) for a heading.
fn is_paragraph_part(label: Label, simplified: &str) -> bool {
    label == Label::Paragraph
        || (label == Label::Short && (simplified.contains(['，', ',']) || simplified.chars().count() > 25))
}

/// Whether a paragraph line ends in the middle of a sentence (no sentence end, no closing
/// quote after one).
fn stops_mid_sentence(simplified: &str) -> bool {
    let trimmed = simplified.trim_end_matches(|c: char| normalize::is_space(c) || "”’」』）)".contains(c));
    trimmed.chars().count() >= 16 && !trimmed.ends_with(normalize::PARAGRAPH_ENDS)
}

/// What follows the last sentence end of a line, when [`REPEATED_LINE`] lines or more end in
/// the same such text: a watermark glued to paragraphs (`…作用。某某网——天下新闻…`). A
/// paragraph ends with its sentence; one line's tail may be a real fragment, three equal ones
/// are not.
fn repeated_tails(lines: &[PageLine], simplified: &[String]) -> Vec<(String, String)> {
    let tail = |s: &str| s.rfind(['。', '！', '？']).map(|i| s[i..].chars().skip(1).collect::<String>());
    let mut counts: std::collections::HashMap<(String, String), usize> = std::collections::HashMap::new();
    for (line, simple) in lines.iter().zip(simplified) {
        if let (Some(text), Some(simple)) = (tail(&line.line.text), tail(simple))
            && text.trim().chars().count() >= MIN_WATERMARK_CHARS
        {
            *counts.entry((text.trim().to_owned(), simple.trim().to_owned())).or_default() += 1;
        }
    }
    counts.into_iter().filter(|(_, n)| *n >= REPEATED_LINE).map(|(mark, _)| mark).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for page in ["第1页共22页", "第2页", "-16-", "3/22", "page5of22", "剩余6页未读，点击展开▼", "第1页/共3页"]
        {
            assert!(is_page_number(page), "{page}");
        }
        for text in ["第一页", "成员国指出", "2020/2021年", "-", "第三十届会议"] {
            assert!(!is_page_number(text), "{text}");
        }
    }

    fn kept(text: &str) -> Vec<String> {
        let lines = normalize::split_lines(text).into_iter().map(|line| PageLine { line, outside_article: false });
        let cleaned = super::super::clean(lines.collect(), super::super::Rules::builtin());
        cleaned.kept.into_iter().map(|k| k.line.text).collect()
    }

    #[test]
    fn a_paragraph_cut_by_a_page_break_is_joined() {
        let text = "成员国指出，形势深刻演变。\n成员国重申，坚定支持联合国作为综合性多边组织，在维护\n- 1 -\n国际文件选编\n国际和平与安全方面发挥中心作用。\n成员国强调，合作十分重要。\n国际文件选编\n成员国认为，发展十分重要。\n国际文件选编\n";
        assert_eq!(
            kept(text),
            [
                "成员国指出，形势深刻演变。",
                "成员国重申，坚定支持联合国作为综合性多边组织，在维护国际和平与安全方面发挥中心作用。",
                "成员国强调，合作十分重要。",
                "成员国认为，发展十分重要。",
            ]
        );
    }

    #[test]
    fn a_watermark_glued_to_paragraphs_is_cut_and_set_aside() {
        let mark = "某某资讯网——天下新闻WWW.EXAMPLE.NET";
        let text =
            format!("成员国指出，形势深刻演变。{mark}\n成员国重申，支持联合国。{mark}\n成员国强调，合作重要。{mark}\n");
        assert_eq!(kept(&text), ["成员国指出，形势深刻演变。", "成员国重申，支持联合国。", "成员国强调，合作重要。"]);
        let lines = normalize::split_lines(&text).into_iter().map(|line| PageLine { line, outside_article: false });
        let cleaned = super::super::clean(lines.collect(), super::super::Rules::builtin());
        assert_eq!(cleaned.set_aside.len(), 3);
        assert!(cleaned.set_aside.iter().all(|s| s.text == mark));
    }

    #[test]
    fn text_after_the_closing_block_is_the_pages() {
        let text = "成员国指出，形势深刻演变。\n成员国重申，支持联合国。\n俄罗斯联邦总统　　普京\n2020年11月10日\n感谢分享，已收藏慢慢看。\n海风吹过\n";
        assert_eq!(
            kept(text),
            ["成员国指出，形势深刻演变。", "成员国重申，支持联合国。", "俄罗斯联邦总统　　普京", "2020年11月10日"]
        );
    }

    #[test]
    fn a_last_paragraph_with_a_word_of_reporting_is_the_declarations() {
        // `举行。` reads as news before a declaration; before its closing block it is the
        // declaration's own next-summit paragraph, and the signatories (部长 too) follow it.
        let text = "成员国指出，形势深刻演变。
下次会议将于2022年在撒马尔罕举行。
印度共和国外交部长　　苏杰生
俄罗斯联邦总统　　普京
2021年9月17日
";
        assert_eq!(kept(text).len(), 5, "{:?}", kept(text));
    }
}
