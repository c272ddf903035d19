//! Pass 2 of cleaning: each line labelled by what it is on its own (another language, pinyin,
//! furniture, a dateline, a title, a lead marker, a date, a paragraph, a signature, short).

use super::{PageLine, Rules, layout};
use crate::normalize;

/// What a line is on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Label {
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

/// A line's form for matching the rules: folded, without spaces.
pub(super) fn compact_form(simplified: &str) -> String {
    normalize::fold_simplified(simplified).chars().filter(|c| !normalize::is_space(*c)).collect()
}

/// Labels one line by itself. `simplified` is its Simplified form.
pub(super) fn label(line: &PageLine, simplified: &str, rules: &Rules) -> Label {
    let text = line.line.text.as_str();
    let compact = compact_form(simplified);
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
    if layout::is_page_number(compact) {
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
pub(super) fn dateline(compact: &str, rules: &Rules) -> Option<bool> {
    let inner = compact.trim_start_matches(['（', '(']).trim_end_matches(['）', ')']);
    let Some(agency) = rules.dateline.agencies.iter().find(|a| inner.starts_with(a.as_str())) else {
        return is_unlisted_dateline(inner).then_some(false);
    };
    let rest = &inner[agency.len()..];
    let ends = rest.ends_with(['电', '讯']) || rest.ends_with("消息");
    let dated = rest.contains('日') || rest.contains("月");
    (ends && dated && rest.chars().count() <= 20).then(|| rules.dateline.own.iter().any(|o| o == agency))
}

/// A dateline of an agency the rules do not list: a name ending in 社 (at most six
/// characters), a place, a month and day, 电: `华夏社香港11月11日电`.
pub(super) fn is_unlisted_dateline(inner: &str) -> bool {
    let Some((agency, rest)) = inner.split_once('社') else { return false };
    let Some(rest) = rest.strip_suffix(['电', '讯']) else { return false };
    let Some((place_month, day)) = rest.split_once('月') else { return false };
    let place: String = place_month.chars().take_while(|c| normalize::is_han(*c)).collect();
    let month = &place_month[place.len()..];
    let digits = |s: &str| (1..=2).contains(&s.chars().count()) && s.chars().all(|c| c.is_ascii_digit());
    (1..=6).contains(&agency.chars().count())
        && agency.chars().all(normalize::is_han)
        && (2..=8).contains(&place.chars().count())
        && digits(month)
        && day.strip_suffix('日').is_some_and(digits)
}

pub(super) fn is_title(compact: &str, rules: &Rules) -> bool {
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
    if place.contains("星期") || place.contains("农历") {
        // A newspaper's date with its weekday: the page's, not the declaration's.
        return Some(Label::Furniture);
    }
    let place = place.trim_start_matches(['，', ',', '于', '於', '在']);
    match place.chars().count() {
        0 => Some(Label::DateLine),
        1..=12 if place.chars().all(normalize::is_han) => Some(Label::PlaceDate),
        _ => None,
    }
}
