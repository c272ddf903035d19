//! One grid writer behind every table decldiff prints: a header and rows of cells, written
//! as a terminal table (comfy-table), a Markdown pipe table or CSV.

use super::{Format, TableOptions, csv_field, new_table};

/// A titled header and rows of cells.
pub(crate) struct Grid {
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Grid {
    pub fn new(title: impl Into<String>, header: &[&str]) -> Grid {
        Grid { title: title.into(), header: header.iter().map(|h| (*h).to_owned()).collect(), rows: Vec::new() }
    }

    /// The grid with its title in `format` (JSON is written as CSV: callers that have JSON
    /// serialize their data instead).
    pub fn render(&self, format: Format, options: TableOptions) -> String {
        match format {
            Format::Table => format!("{}\n{}\n", self.title, self.to_table(options)),
            Format::Markdown => format!("**{}**\n\n{}", self.title, self.to_markdown()),
            Format::Csv | Format::Json | Format::Html => self.to_csv(),
        }
    }

    /// The terminal table, without a title or final line break.
    pub fn to_table(&self, options: TableOptions) -> String {
        let mut table = new_table(options, &self.header.iter().map(String::as_str).collect::<Vec<_>>());
        for row in &self.rows {
            table.add_row(row.clone());
        }
        table.to_string()
    }

    /// A Markdown pipe table: the header, a `---` rule, the rows; `|` in cells escaped.
    pub fn to_markdown(&self) -> String {
        let line = |cells: &[String]| {
            format!("| {} |\n", cells.iter().map(|c| c.replace('|', "\\|")).collect::<Vec<_>>().join(" | "))
        };
        let mut out = line(&self.header);
        out.push_str(&line(&vec!["---".to_owned(); self.header.len()]));
        for row in &self.rows {
            out.push_str(&line(row));
        }
        out
    }

    /// CSV: the header, then the rows; fields quoted where they need it.
    pub fn to_csv(&self) -> String {
        let line = |cells: &[String]| cells.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(",") + "\n";
        let mut out = line(&self.header);
        for row in &self.rows {
            out.push_str(&line(row));
        }
        out
    }
}
