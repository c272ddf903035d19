//! What a saved page says about itself: the title and the signing date it carries, taken into
//! the catalog when the entry has none and checked against it when it has (`corpus add`).

use super::catalog::Entry;
use crate::classify::numeric_form;
use crate::normalize;
use crate::segment::{BlockKind, Document};

/// The title and date (`YYYY-MM-DD`) a document shows, if it shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// The title line, without `（全文）` or 《》.
    pub title: Option<String>,
    /// The date of the date line or place-and-date line.
    pub date: Option<String>,
}

impl Found {
    /// The title and date `document` shows.
    pub fn of(document: &Document) -> Found {
        found(document)
    }
}

/// The title and date `document` shows.
pub fn found(document: &Document) -> Found {
    let title = document.blocks.iter().find(|b| b.kind == BlockKind::Title).map(|b| bare_title(&b.text));
    let date = document
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::DateLine | BlockKind::PlaceDate))
        .find_map(|b| iso_date(&b.key));
    Found { title, date }
}

fn bare_title(text: &str) -> String {
    let mut title = text.trim().to_owned();
    for note in ["（全文）", "(全文)", "全文"] {
        if let Some(rest) = title.strip_suffix(note) {
            title = rest.trim_end().to_owned();
        }
    }
    title.trim_start_matches('《').trim_end_matches('》').to_owned()
}

/// `2020年11月10日` or `二〇二〇年十一月十日` (with a place after it or not) → `2020-11-10`.
fn iso_date(key: &str) -> Option<String> {
    let inner = key.trim_start_matches(['（', '(']);
    let digits = numeric_form(inner);
    let (year, rest) = digits.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let (day, _) = rest.split_once('日')?;
    let number = |s: &str| s.trim().parse::<u32>().ok();
    let (y, m, d) = (number(year)?, number(month)?, number(day)?);
    ((1900..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Takes what the document shows into `entry` where the entry (and the request) say nothing,
/// and returns a warning for each fact that disagrees with the catalog.
pub fn reconcile(entry: &mut Entry, found: &Found, id: &str) -> Vec<String> {
    let mut warnings = Vec::new();
    match (&entry.title_zh, &found.title) {
        (None, Some(title)) => entry.title_zh = Some(title.clone()),
        (Some(catalog), Some(title)) if normalize::comparison_key(catalog) != normalize::comparison_key(title) => {
            warnings.push(format!("{id}: the text's title `{title}` differs from the catalog's `{catalog}`"))
        }
        _ => {}
    }
    match (&entry.date, &found.date) {
        (None, Some(date)) => entry.date = Some(date.clone()),
        (Some(catalog), Some(date)) if catalog != date => {
            warnings.push(format!("{id}: the text is dated {date}, the catalog says {catalog}"))
        }
        _ => {}
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_digits_and_numerals() {
        assert_eq!(iso_date("2020年11月10日"), Some("2020-11-10".to_owned()));
        assert_eq!(iso_date("（二〇〇五年七月五日，阿斯塔纳）"), Some("2005-07-05".to_owned()));
        assert_eq!(iso_date("2020年13月10日"), None);
    }

    #[test]
    fn titles_lose_their_notes() {
        assert_eq!(
            bare_title("《上海合作组织成员国元首理事会莫斯科宣言》（全文）"),
            "上海合作组织成员国元首理事会莫斯科宣言"
        );
    }
}
