//! Pass 1 of cleaning: lines that hold several things, split (flattened paragraphs, a
//! dateline leading a paragraph, a title next to its dateline, a cell and its translation).

use super::label::{dateline, is_title, is_unlisted_dateline};
use super::{PageLine, Rules};
use crate::normalize::{self, SourceLine};

/// Pass 1: lines that hold several things, split.
pub(super) fn split_compound_lines(lines: Vec<PageLine>, rules: &Rules) -> Vec<PageLine> {
    let mut out = Vec::with_capacity(lines.len());
    for page_line in lines {
        let pieces = split_line(&page_line.line.text, rules);
        for piece in pieces {
            out.push(PageLine {
                line: SourceLine { text: piece, line: page_line.line.line },
                outside_article: page_line.outside_article,
            });
        }
    }
    out
}

pub(super) fn split_line(text: &str, rules: &Rules) -> Vec<String> {
    // A Chinese cell and its translation after a tab.
    if let Some((chinese, other)) = text.split_once('\t') {
        let mut pieces = split_line(chinese.trim(), rules);
        pieces.push(other.trim().to_owned());
        pieces.retain(|p| !p.is_empty());
        return pieces;
    }
    // A Chinese cell and its translation in the next cell of a table row.
    if let Some((chinese, other)) = split_translation(text) {
        let mut pieces = split_line(chinese, rules);
        pieces.push(other.to_owned());
        return pieces;
    }
    // A dateline leading the first paragraph (or following the title).
    if let Some(end) = leading_dateline(text, rules)
        && end < text.len()
    {
        let rest = text[end..].trim_start_matches(normalize::is_space);
        if rest.chars().any(normalize::is_han) {
            let mut pieces = vec![text[..end].trim().to_owned()];
            pieces.extend(split_line(rest, rules));
            return pieces;
        }
    }
    if let Some(k) = text.find(['（', '('])
        && k > 0
        && may_hold_dateline(&text[k..])
        && is_title(&text[..k], rules)
        && dateline(&normalize::to_simplified(&text[k..]), rules).is_some()
    {
        return vec![text[..k].trim().to_owned(), text[k..].trim().to_owned()];
    }
    // A title and its dateline a space apart (`…宣言　新华社莫斯科11月10日电`).
    if let Some(k) = text.find(normalize::is_space)
        && k > 0
    {
        let rest = text[k..].trim_start_matches(normalize::is_space);
        if may_hold_dateline(rest)
            && is_title(&normalize::to_simplified(&text[..k]), rules)
            && dateline(&normalize::to_simplified(rest), rules).is_some()
        {
            return vec![text[..k].to_owned(), rest.trim_end().to_owned()];
        }
    }
    split_flattened(text)
}

/// `中文…  English…`: a run of two or more spaces with Chinese before it and a Latin-script
/// text after it (a table row of a bilingual page).
fn split_translation(text: &str) -> Option<(&str, &str)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for k in 1..chars.len() {
        if !(normalize::is_space(chars[k].1) && normalize::is_space(chars[k - 1].1)) {
            continue;
        }
        let (before, after) = (text[..chars[k - 1].0].trim_end(), text[chars[k].0..].trim_start());
        let latin = after.chars().filter(|c| c.is_ascii_alphabetic()).count();
        let han_after = after.chars().filter(|c| normalize::is_han(*c)).count();
        if before.chars().any(normalize::is_han) && latin >= 8 && han_after == 0 {
            return Some((before, after));
        }
    }
    None
}

/// Paragraphs flattened onto one line: a sentence end (`。`, `：`), then spaces, then more
/// Chinese text.
pub(super) fn split_flattened(text: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        if matches!(c, '。' | '：' | '！' | '？') {
            let spaces = chars[k + 1..].iter().take_while(|(_, c)| normalize::is_space(*c)).count();
            let next = chars.get(k + 1 + spaces);
            if spaces > 0 && next.is_some_and(|(_, c)| normalize::is_cjk(*c) || matches!(c, '“' | '（' | '《')) {
                let end = at + c.len_utf8();
                pieces.push(text[start..end].to_owned());
                start = next.map_or(text.len(), |(b, _)| *b);
                k += 1 + spaces;
                continue;
            }
        }
        k += 1;
    }
    pieces.push(text[start..].to_owned());
    pieces.retain(|p| !p.trim().is_empty());
    pieces
}

/// Whether a dateline's `电` (or 讯) stands in the first characters of `text`: a cheap test
/// before converting anything.
fn may_hold_dateline(text: &str) -> bool {
    text.chars().take(30).any(|c| matches!(c, '电' | '電' | '讯' | '訊'))
}

/// The length of a dateline at the start of `compact`, when the line goes on after it.
fn leading_dateline(text: &str, rules: &Rules) -> Option<usize> {
    if !may_hold_dateline(text) {
        return None;
    }
    let folded = normalize::to_simplified(text);
    let trimmed = folded.trim_start_matches(['（', '(']);
    let offset = folded.len() - trimmed.len();
    let end = trimmed.char_indices().take(24).find(|(_, c)| matches!(c, '电' | '讯'))?.0 + '电'.len_utf8();
    let listed = rules.dateline.agencies.iter().any(|a| trimmed.starts_with(a.as_str()));
    if !listed && !is_unlisted_dateline(&trimmed[..end]) {
        return None;
    }
    let after = &trimmed[end..];
    let closing = after.chars().take_while(|c| matches!(c, '）' | ')')).map(char::len_utf8).sum::<usize>();
    // The conversion maps characters one to one here, so byte offsets carry over.
    (folded.len() == text.len()).then_some(offset + end + closing)
}
