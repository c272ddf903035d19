//! Is a downloaded page the declaration its catalog entry describes? A source can move, be
//! replaced by an index page, or (on a mirror) hold another year's declaration under the same
//! title: before anything is stored, the page must read as a whole declaration, carry the
//! entry's title, show its date and name its city.

use crate::classify::numeric_form;
use crate::corpus::Entry;
use crate::normalize::{self, comparison_key};
use crate::segment::{BlockKind, Document};

/// The fewest paragraphs a declaration has (the founding declaration of 2001 has ten).
pub const MIN_PARAGRAPHS: usize = 5;

/// The fewest Chinese characters in its paragraphs (the shortest declaration has about
/// 1,500; a news story about one has a few hundred).
pub const MIN_HAN: usize = 600;

/// Why a page is not the entry's declaration, one line; `None` when it is.
pub fn mismatch(entry: &Entry, document: &Document) -> Option<String> {
    let paragraphs: Vec<&str> =
        document.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).map(|b| b.key.as_str()).collect();
    let han: usize = paragraphs.iter().map(|key| key.chars().filter(|&c| normalize::is_han(c)).count()).sum();
    if paragraphs.len() < MIN_PARAGRAPHS || han < MIN_HAN {
        return Some(format!(
            "not the declaration: {} paragraph(s), {han} Chinese characters (an index page or a news story?)",
            paragraphs.len()
        ));
    }
    let haystack = haystack(document);
    let found = crate::corpus::Found::of(document);
    title_mismatch(entry, found.title.as_deref(), &haystack)
        .or_else(|| date_mismatch(entry, found.date.as_deref(), &haystack))
        .or_else(|| city_mismatch(entry, &haystack))
}

/// Every line of the page as a comparison key, kept or set aside (a title or a dateline is
/// often set aside as furniture).
fn haystack(document: &Document) -> String {
    let mut all: String = document.blocks.iter().map(|b| b.key.as_str()).collect::<Vec<_>>().join("\n");
    for line in &document.set_aside {
        all.push('\n');
        all.push_str(&comparison_key(&line.text));
    }
    all
}

fn title_mismatch(entry: &Entry, shown: Option<&str>, haystack: &str) -> Option<String> {
    let expected = comparison_key(entry.title_zh.as_deref()?);
    match shown {
        Some(title) => {
            let key = comparison_key(title);
            (key != expected && !key.contains(&expected))
                .then(|| format!("not the declaration: its title is 《{title}》, the catalog's is 《{expected}》"))
        }
        None => (!haystack.contains(&expected))
            .then(|| format!("not the declaration: the title 《{expected}》 appears nowhere on the page")),
    }
}

fn date_mismatch(entry: &Entry, shown: Option<&str>, haystack: &str) -> Option<String> {
    let expected = entry.date.as_deref()?;
    if let Some(shown) = shown {
        return (shown != expected)
            .then(|| format!("not the declaration: it is dated {shown}, the catalog's date is {expected}"));
    }
    let (year, month, day) = parts(expected)?;
    let digits = numeric_form(haystack);
    let full = format!("{year}年{month}月{day}日");
    // A dateline gives the month and day of the day the wire ran: the signing day or the next.
    let (next_month, next_day) = next_day(year, month, day);
    let datelines = [format!("{month}月{day}日电"), format!("{next_month}月{next_day}日电")];
    let shown = digits.contains(&full) || datelines.iter().any(|d| digits.contains(d.as_str()));
    (!shown).then(|| format!("not the declaration: neither a date line nor a dateline shows {expected}"))
}

fn city_mismatch(entry: &Entry, haystack: &str) -> Option<String> {
    let city = entry.city_zh.as_deref()?;
    (!haystack.contains(&comparison_key(city)))
        .then(|| format!("not the declaration: the page never names {city} ({})", entry.city.as_deref().unwrap_or("")))
}

fn parts(date: &str) -> Option<(u32, u32, u32)> {
    let mut it = date.split('-').map(|p| p.parse::<u32>().ok());
    Some((it.next()??, it.next()??, it.next()??))
}

fn next_day(year: u32, month: u32, day: u32) -> (u32, u32) {
    if day < crate::corpus::days_in_month(year, month) {
        (month, day + 1)
    } else if month < 12 {
        (month + 1, 1)
    } else {
        (1, 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_after() {
        assert_eq!(next_day(2020, 11, 10), (11, 11));
        assert_eq!(next_day(2020, 2, 29), (3, 1));
        assert_eq!(next_day(2021, 12, 31), (1, 1));
    }
}
