//! The redline report: one self-contained HTML page of a [`Report`] (inline CSS and script,
//! nothing fetched), the two texts side by side in aligned rows with word-level insertions
//! and deletions marked, the per-theme change table on top. A pure function of the report and
//! the two documents (which supply the texts of the unchanged blocks, which the report lists
//! only by index); every piece of document text is escaped. Shape and behaviour:
//! docs/report.md.

pub(super) mod rows;

use std::fmt::Write as _;

use crate::report::{DocInfo, Report, ThemeScore};
use crate::segment::Document;
use rows::{Row, RowKind};

const STYLE: &str = include_str!("html/page.css");
const SCRIPT: &str = include_str!("html/page.js");

/// The Content-Security-Policy source for an inline element's exact text: `sha256-<base64>`.
/// The page allows its own style and script by hash, so no other inline script can run.
fn csp_hash(text: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest;
    format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text.as_bytes())))
}

/// How to render the page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlOptions {
    /// The page's title; by default "OLD → NEW".
    pub title: Option<String>,
}

/// The whole page.
pub fn html(report: &Report, old: &Document, new: &Document, options: &HtmlOptions) -> String {
    let title = options.title.clone().unwrap_or_else(|| format!("{} → {}", report.old.name, report.new.name));
    let mut page = String::with_capacity(64 * 1024);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '{}'; script-src '{}'; img-src data:\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<a id=\"top\"></a>\n",
        csp_hash(&format!("\n{STYLE}")),
        csp_hash(&format!("\n{SCRIPT}")),
        escape(&title)
    );
    header(&mut page, report, &title);
    theme_table(&mut page, report);
    controls(&mut page, report);
    page.push_str("<main id=\"rows\">\n");
    let rows = rows::rows(report, old, new);
    let mut run: Vec<&Row> = Vec::new();
    for row in &rows {
        if matches!(row.kind, RowKind::Unchanged { .. }) {
            run.push(row);
            continue;
        }
        flush_run(&mut page, &mut run);
        page.push_str(&row.html);
    }
    flush_run(&mut page, &mut run);
    page.push_str("</main>\n");
    let _ = write!(
        page,
        "<footer>decldiff {} · the texts as written; changes were found on comparison keys \
         (Simplified, widths folded, numbering set aside); docs/report.md describes this page.</footer>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n",
        escape(report.provenance.decldiff)
    );
    page
}

/// A run of unchanged rows, collapsed behind one toggle.
fn flush_run(page: &mut String, run: &mut Vec<&Row>) {
    if run.is_empty() {
        return;
    }
    let noun = if run.len() == 1 { "block" } else { "blocks" };
    let _ = write!(
        page,
        "<section class=\"run\" data-count=\"{n}\">\n<button type=\"button\" class=\"run-toggle\" aria-expanded=\"false\">\
         <span class=\"run-label\">{n} unchanged {noun}</span></button>\n",
        n = run.len()
    );
    for row in run.iter() {
        page.push_str(&row.html);
    }
    page.push_str("</section>\n");
    run.clear();
}

fn header(page: &mut String, report: &Report, title: &str) {
    let _ = write!(page, "<header>\n<h1>{}</h1>\n<div class=\"docs\">\n", escape(title));
    for (side, info) in [("old", &report.old), ("new", &report.new)] {
        doc_card(page, side, info);
    }
    let p = &report.provenance;
    let align = serde_json::to_string(&p.align).unwrap_or_default();
    let _ = write!(
        page,
        "</div>\n<details class=\"provenance\"><summary>How this was compared</summary>\n<dl>\
         <dt>decldiff</dt><dd>{}</dd><dt>segmenter</dt><dd>{}</dd><dt>dictionary</dt><dd><code>{}</code></dd>\
         <dt>ladders</dt><dd><code>{}</code></dd><dt>alignment</dt><dd><code>{}</code></dd>\
         <dt>editorial changes listed</dt><dd>{}</dd><dt>schema</dt><dd>{}</dd></dl></details>\n</header>\n",
        escape(p.decldiff),
        escape(p.segmenter),
        escape(&p.dictionary),
        escape(&p.ladders),
        escape(&align),
        if p.all { "yes (--all)" } else { "no (hidden; counted as unchanged)" },
        report.schema_version,
    );
}

fn doc_card(page: &mut String, side: &str, info: &DocInfo) {
    let _ = write!(
        page,
        "<div class=\"doc {side}\"><div class=\"side\">{side}</div><div class=\"name\">{}</div>",
        escape(&info.name)
    );
    if let Some(title) = &info.title {
        let _ = write!(page, "<div class=\"title\">{}</div>", escape(title));
    }
    let mut facts = Vec::new();
    if let Some(date) = &info.date {
        facts.push(escape(date));
    }
    if let Some(status) = &info.status {
        facts.push(format!("<span class=\"status\">{}</span>", escape(status)));
    }
    facts.push(format!("{} blocks, {} paragraphs", info.blocks, info.paragraphs));
    let _ = write!(page, "<div class=\"facts\">{}</div>", facts.join(" · "));
    for source in &info.sources {
        // A web address becomes a link the reader may follow (the page itself fetches
        // nothing); anything else (`javascript:…`, a file path) stays text.
        let lower = source.trim_start().to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            let _ = write!(
                page,
                "<div class=\"source\"><a href=\"{0}\" rel=\"noreferrer noopener\">{0}</a></div>",
                escape(source)
            );
        } else {
            let _ = write!(page, "<div class=\"source\">{}</div>", escape(source));
        }
    }
    page.push_str("</div>\n");
}

/// The per-theme change table; each count filters the rows.
fn theme_table(page: &mut String, report: &Report) {
    const COLUMNS: [(&str, &str); 10] = [
        ("unchanged", "same"),
        ("reworded", "reworded"),
        ("added", "added"),
        ("removed", "deleted"),
        ("moved_in", "moved in"),
        ("moved_out", "moved out"),
        ("split", "splits"),
        ("merge", "merges"),
        ("stronger", "stronger"),
        ("weaker", "weaker"),
    ];
    page.push_str(
        "<section class=\"summary\">\n<table class=\"themes\">\n<thead><tr><th>theme</th><th>¶ old</th><th>¶ new</th>",
    );
    for (_, label) in COLUMNS {
        let _ = write!(page, "<th>{label}</th>");
    }
    page.push_str("<th>wording shift</th></tr></thead>\n<tbody>\n");
    let counts = |s: &ThemeScore| {
        [s.unchanged, s.reworded, s.added, s.removed, s.moved_in, s.moved_out, s.splits, s.merges, s.stronger, s.weaker]
    };
    for (score, total) in report.themes.iter().map(|s| (s, false)).chain([(&report.total, true)]) {
        let theme = if total { "" } else { score.theme.as_str() };
        let class = if total { " class=\"total\"" } else { "" };
        let name = if total { "all themes".to_owned() } else { escape(&score.theme) };
        let _ = write!(
            page,
            "<tr{class}><th scope=\"row\">{name}</th><td>{}</td><td>{}</td>",
            score.paragraphs_old, score.paragraphs_new
        );
        for ((group, _), count) in COLUMNS.iter().zip(counts(score)) {
            if count == 0 {
                page.push_str("<td class=\"zero\">0</td>");
            } else {
                let _ = write!(
                    page,
                    "<td><a href=\"#rows\" class=\"count\" data-theme=\"{}\" data-group=\"{group}\">{count}</a></td>",
                    escape(theme)
                );
            }
        }
        let _ = writeln!(page, "<td>{:.4}</td></tr>", score.wording_shift);
    }
    page.push_str("</tbody>\n</table>\n");
    if let Some(line) = super::compare::themes_by_content(report) {
        let _ = writeln!(page, "<p class=\"theme-sources\">{}</p>", escape(line.trim_end()));
    }
    if !report.theme_moves.is_empty() {
        page.push_str("<p class=\"moves\">Moved between themes: ");
        let moves: Vec<String> = report
            .theme_moves
            .iter()
            .map(|m| format!("{} → {} ({})", escape(&m.from), escape(&m.to), m.paragraphs))
            .collect();
        page.push_str(&moves.join("; "));
        page.push_str("</p>\n");
    }
    page.push_str("</section>\n");
}

/// Filters, search and navigation.
fn controls(page: &mut String, report: &Report) {
    page.push_str(
        "<nav class=\"controls\" aria-label=\"filters\">\n<label>theme <select id=\"f-theme\"><option value=\"\">all</option>",
    );
    for score in &report.themes {
        let _ = write!(page, "<option value=\"{0}\">{0}</option>", escape(&score.theme));
    }
    page.push_str("</select></label>\n<label>kind <select id=\"f-kind\"><option value=\"\">all</option>");
    for kind in ["reworded", "moved", "moved_reworded", "split", "merge", "added", "deleted", "identical"] {
        let _ = write!(page, "<option value=\"{kind}\">{}</option>", kind.replace('_', " "));
    }
    page.push_str("</select></label>\n<label>class <select id=\"f-class\"><option value=\"\">all</option>");
    for class in [
        "commitment_shift",
        "endorsers",
        "number_or_date",
        "entity",
        "punctuation",
        "clause_added",
        "clause_removed",
        "rewording",
    ] {
        let _ = write!(page, "<option value=\"{class}\">{}</option>", class.replace('_', " "));
    }
    page.push_str(
        "</select></label>\n<label><input type=\"checkbox\" id=\"f-substantive\"> substantive only</label>\n\
         <label><input type=\"checkbox\" id=\"f-identical\"> show unchanged</label>\n\
         <span id=\"f-group\" class=\"chip\" hidden></span>\n\
         <label class=\"search\">search <input type=\"search\" id=\"f-search\" placeholder=\"a term\"></label>\n\
         <span id=\"f-hits\" class=\"hits\"></span>\n\
         <button type=\"button\" id=\"prev\" title=\"previous change (p or k)\">↑ prev</button>\
         <button type=\"button\" id=\"next\" title=\"next change (n or j)\">↓ next</button>\n\
         <span id=\"f-shown\" class=\"shown\"></span>\n</nav>\n",
    );
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(escape(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
