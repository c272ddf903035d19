//! `timeline`, `terms` and `lineage` output: tables, Markdown, CSV and JSON. Pure functions.

use super::grid::Grid;
use super::tidy::series::{Picked, carried_name, lineage_tables, terms_tables, timeline_tables};
use super::tidy::{CsvOptions, Rows};
use super::{Format, TableOptions, to_json};
use crate::series::lineage::Lineage;
use crate::series::terms::TermSeries;
use crate::series::timeline::Timeline;

fn percent(share: f64) -> String {
    format!("{:.1}", share * 100.0)
}

/// Which table of `timeline` CSV writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TimelineBy {
    /// One row per year and theme.
    #[default]
    Theme,
    /// One row per year.
    Year,
}

/// Which table of `terms` CSV writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TermsBy {
    /// One row per term and year.
    #[default]
    Year,
    /// One row per term.
    Term,
}

/// Which table of `lineage` CSV writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LineageBy {
    /// One row per paragraph.
    #[default]
    Paragraph,
    /// One row per theme.
    Theme,
}

/// The timeline; CSV is the tidy table `by` names, with `csv`'s options.
pub fn timeline(timeline: &Timeline, format: Format, options: TableOptions, by: TimelineBy, csv: CsvOptions) -> String {
    if format == Format::Json {
        return to_json(timeline);
    }
    if format == Format::Csv {
        let (themes, years) = timeline_tables(timeline);
        return if by == TimelineBy::Year { years.to_csv(csv) } else { themes.to_csv(csv) };
    }
    let mut changes = Grid::new(
        "Year over year (paragraphs; shift = wording-shift index; ▲/▼ commitments stronger/weaker)",
        &["year", "id", "¶", "added", "deleted", "reworded", "moved", "shift", "▲", "▼", "net", "endorsers"],
    )
    .with_short(
        &["year", "id", "¶", "add", "del", "rew", "mv", "shift", "▲", "▼", "net", "end"],
        "add added · del deleted · rew reworded · mv moved · end endorsements narrowed",
    )
    .with_optional(&[11, 10]);
    for year in &timeline.years {
        let mut row = vec![year.year.to_string(), year.id.clone(), year.paragraphs.to_string()];
        match &year.change {
            Some(c) => row.extend([
                c.added.to_string(),
                c.removed.to_string(),
                c.reworded.to_string(),
                c.moved.to_string(),
                format!("{:.3}", c.wording_shift),
                c.stronger.to_string(),
                c.weaker.to_string(),
                format!("{:+}", c.net_shift_steps),
                c.endorsers.to_string(),
            ]),
            None => row.extend(std::iter::repeat_n(String::new(), 9)),
        }
        changes.rows.push(row);
    }
    let mut header = vec!["year"];
    header.extend(timeline.themes.iter().map(String::as_str));
    let mut shares = Grid::new("Theme shares of paragraphs (%)", &header);
    for year in &timeline.years {
        let mut row = vec![year.year.to_string()];
        row.extend(year.shares.iter().map(|s| percent(s.paragraph_share)));
        shares.rows.push(row);
    }
    format!("{}\n{}", changes.render(format, options), shares.render(format, options))
}

/// `terms --format json`.
#[derive(serde::Serialize, schemars::JsonSchema)]
pub(super) struct TermsJson<'a> {
    schema_version: u32,
    /// The terms the command picked itself (without TERM arguments).
    #[serde(skip_serializing_if = "Option::is_none")]
    picked: Option<PickedJson<'a>>,
    terms: &'a [TermSeries],
}

/// The terms that rose and fell most between two years, with their keyness.
#[derive(serde::Serialize, schemars::JsonSchema)]
pub(super) struct PickedJson<'a> {
    from_year: i32,
    to_year: i32,
    rose: &'a [crate::report::Term],
    fell: &'a [crate::report::Term],
}

/// Terms through the series; `picked`, the terms the command chose itself (their keyness is
/// in the JSON and CSV). CSV is the tidy table `by` names.
pub fn terms(
    terms: &[TermSeries],
    picked: Option<&Picked>,
    format: Format,
    options: TableOptions,
    by: TermsBy,
    csv: CsvOptions,
) -> String {
    if format == Format::Json {
        let picked = picked.map(|(from_year, to_year, rose, fell)| PickedJson {
            from_year: *from_year,
            to_year: *to_year,
            rose,
            fell,
        });
        return to_json(&TermsJson { schema_version: crate::SCHEMA_VERSION, picked, terms });
    }
    if format == Format::Csv {
        let (by_year, by_term) = terms_tables(terms, picked);
        return if by == TermsBy::Term { by_term.to_csv(csv) } else { by_year.to_csv(csv) };
    }
    let mut summary = Grid::new("Terms", &["term", "forms", "first", "last", "absent", "came back"]);
    for term in terms {
        let year = |y: Option<i32>| y.map_or("—".to_owned(), |y| y.to_string());
        summary.rows.push(vec![
            term.term.clone(),
            term.forms.join(" / "),
            year(term.first),
            year(term.last),
            term.gaps
                .iter()
                .map(|[a, b]| if a == b { a.to_string() } else { format!("{a}–{b}") })
                .collect::<Vec<_>>()
                .join(", "),
            term.returns.iter().map(i32::to_string).collect::<Vec<_>>().join(", "),
        ]);
    }
    let mut header = vec!["year"];
    header.extend(terms.iter().map(|t| t.term.as_str()));
    let mut by_year = Grid::new("Count per year (rate per 10,000 characters)", &header);
    if let Some(first) = terms.first() {
        for (k, year) in first.years.iter().enumerate() {
            let mut row = vec![year.year.to_string()];
            row.extend(terms.iter().map(|t| {
                let y = &t.years[k];
                if y.count == 0 { "·".to_owned() } else { format!("{} ({:.1})", y.count, y.rate) }
            }));
            by_year.rows.push(row);
        }
    }
    format!("{}\n{}", summary.render(format, options), by_year.render(format, options))
}

/// The lineage of one declaration; CSV is the tidy table `by` names.
pub fn lineage(lineage: &Lineage, format: Format, options: TableOptions, by: LineageBy, csv: CsvOptions) -> String {
    if format == Format::Json {
        return to_json(lineage);
    }
    if format == Format::Csv {
        let (paragraphs, themes) = lineage_tables(lineage);
        return if by == LineageBy::Theme { themes.to_csv(csv) } else { paragraphs.to_csv(csv) };
    }
    let mut paragraphs = Grid::new(
        format!("Lineage of {} ({}): every paragraph", lineage.id, lineage.year),
        &["¶", "theme", "first year", "carried", "latest ancestor", "earliest ancestor"],
    );
    for p in &lineage.paragraphs {
        let latest = p.ancestors.first().map_or(String::new(), |a| {
            format!("{} {} {} {:.2}", a.year, super::cite(&[a.block]), a.kind.as_str(), a.similarity)
        });
        let earliest = p.ancestors.last().map_or(String::new(), |a| format!("{} {}", a.year, super::cite(&[a.block])));
        paragraphs.rows.push(vec![
            super::cite(&[p.block]),
            p.theme.clone(),
            p.first_year.to_string(),
            carried_name(p.carried).to_owned(),
            latest,
            earliest,
        ]);
    }
    let mut themes = Grid::new(
        "Carried over, share of characters (%)",
        &["theme", "¶", "chars", "verbatim from the year before", "verbatim from any earlier year", "new"],
    );
    for t in &lineage.themes {
        themes.rows.push(vec![
            t.theme.clone(),
            t.paragraphs.to_string(),
            t.chars.to_string(),
            percent(t.verbatim_from_previous),
            percent(t.verbatim_from_any),
            percent(t.new),
        ]);
    }
    format!("{}\n{}", themes.render(format, options), paragraphs.render(format, options))
}

/// The line `terms` prints above its tables when it picked the terms itself: the terms that
/// rose and fell most between the first and last year.
pub fn terms_heading(picked: &(i32, i32, Vec<crate::report::Term>, Vec<crate::report::Term>)) -> String {
    let (first, last, rose, fell) = picked;
    let names = |terms: &[crate::report::Term]| terms.iter().map(|t| t.term.as_str()).collect::<Vec<_>>().join(" ");
    format!("{first}–{last}: rose most: {}; fell most: {} (keyness, docs/scoring.md)\n\n", names(rose), names(fell))
}
