//! `timeline`, `terms` and `lineage` output: tables, Markdown, CSV and JSON. Pure functions.

use super::grid::Grid;
use super::{Format, TableOptions, to_json};
use crate::series::lineage::Lineage;
use crate::series::terms::TermSeries;
use crate::series::timeline::Timeline;

fn percent(share: f64) -> String {
    format!("{:.1}", share * 100.0)
}

/// The timeline.
pub fn timeline(timeline: &Timeline, format: Format, options: TableOptions) -> String {
    if format == Format::Json {
        return to_json(timeline);
    }
    if format == Format::Csv {
        // Long form: a row per year and theme, and a `total` row per year.
        let mut grid = Grid::new(
            "",
            &[
                "year",
                "id",
                "theme",
                "paragraphs",
                "chars",
                "paragraph_share",
                "char_share",
                "added",
                "removed",
                "reworded",
                "moved_in",
                "moved_out",
                "wording_shift",
                "stronger",
                "weaker",
                "net_shift_steps",
                "endorsers",
            ],
        );
        for year in &timeline.years {
            for share in &year.shares {
                let change = year.change.as_ref().and_then(|c| c.themes.iter().find(|t| t.theme == share.theme));
                let n = |f: fn(&crate::series::timeline::ThemeChange) -> usize| {
                    change.map_or(String::new(), |c| f(c).to_string())
                };
                grid.rows.push(vec![
                    year.year.to_string(),
                    year.id.clone(),
                    share.theme.clone(),
                    share.paragraphs.to_string(),
                    share.chars.to_string(),
                    share.paragraph_share.to_string(),
                    share.char_share.to_string(),
                    n(|c| c.added),
                    n(|c| c.removed),
                    n(|c| c.reworded),
                    n(|c| c.moved_in),
                    n(|c| c.moved_out),
                    change.map_or(String::new(), |c| c.wording_shift.to_string()),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]);
            }
            let c = year.change.as_ref();
            let n = |f: fn(&crate::series::timeline::YearChange) -> String| c.map_or(String::new(), f);
            grid.rows.push(vec![
                year.year.to_string(),
                year.id.clone(),
                "total".to_owned(),
                year.paragraphs.to_string(),
                year.chars.to_string(),
                "1".to_owned(),
                "1".to_owned(),
                n(|c| c.added.to_string()),
                n(|c| c.removed.to_string()),
                n(|c| c.reworded.to_string()),
                n(|c| c.moved.to_string()),
                n(|c| c.moved.to_string()),
                n(|c| c.wording_shift.to_string()),
                n(|c| c.stronger.to_string()),
                n(|c| c.weaker.to_string()),
                n(|c| c.net_shift_steps.to_string()),
                n(|c| c.endorsers.to_string()),
            ]);
        }
        return grid.render(format, options);
    }
    let mut changes = Grid::new(
        "Year over year (paragraphs; shift = wording-shift index; ▲/▼ commitments stronger/weaker)",
        &["year", "id", "¶", "added", "removed", "reworded", "moved", "shift", "▲", "▼", "net", "endorsers"],
    )
    .with_short(
        &["year", "id", "¶", "add", "del", "rew", "mv", "shift", "▲", "▼", "net", "end"],
        "add added · del removed · rew reworded · mv moved · end endorsements narrowed",
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

/// Terms through the series.
pub fn terms(terms: &[TermSeries], format: Format, options: TableOptions) -> String {
    if format == Format::Json {
        #[derive(serde::Serialize)]
        struct TermsJson<'a> {
            schema_version: u32,
            terms: &'a [TermSeries],
        }
        return to_json(&TermsJson { schema_version: crate::SCHEMA_VERSION, terms });
    }
    if format == Format::Csv {
        let mut grid = Grid::new("", &["term", "year", "count", "rate_per_10000_chars", "themes", "blocks"]);
        for term in terms {
            for year in &term.years {
                grid.rows.push(vec![
                    term.term.clone(),
                    year.year.to_string(),
                    year.count.to_string(),
                    year.rate.to_string(),
                    year.themes.join(";"),
                    year.blocks.iter().map(usize::to_string).collect::<Vec<_>>().join(";"),
                ]);
            }
        }
        return grid.render(format, options);
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

/// The lineage of one declaration.
pub fn lineage(lineage: &Lineage, format: Format, options: TableOptions) -> String {
    if format == Format::Json {
        return to_json(lineage);
    }
    let mut paragraphs = Grid::new(
        format!("Lineage of {} ({}): every paragraph", lineage.id, lineage.year),
        &["block", "theme", "first year", "carried", "latest ancestor", "earliest ancestor"],
    );
    for p in &lineage.paragraphs {
        let latest = p
            .ancestors
            .first()
            .map_or(String::new(), |a| format!("{} ¶{} {} {:.2}", a.year, a.block, a.kind.as_str(), a.similarity));
        let earliest = p.ancestors.last().map_or(String::new(), |a| format!("{} ¶{}", a.year, a.block));
        paragraphs.rows.push(vec![
            p.block.to_string(),
            p.theme.clone(),
            p.first_year.to_string(),
            format!("{:?}", p.carried).to_lowercase(),
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
    if format == Format::Csv {
        return paragraphs.render(format, options);
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
