//! One grid writer behind every table decldiff prints: a header and rows of cells, written
//! as a terminal table (comfy-table), a Markdown pipe table or CSV.

use super::fit::{fits, show, wrap_legend};
use super::{Format, TableOptions, csv_field, new_table};

/// A titled header and rows of cells.
pub(crate) struct Grid {
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Short headers for a narrow terminal, and the legend that spells them out.
    pub short: Option<(Vec<String>, String)>,
    /// Columns a narrow terminal may leave out, the first to go first.
    pub optional: Vec<usize>,
}

impl Grid {
    pub fn new(title: impl Into<String>, header: &[&str]) -> Grid {
        Grid {
            title: title.into(),
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
            short: None,
            optional: Vec::new(),
        }
    }

    /// Short headers (one per column) and their legend, for terminals too narrow for the full ones.
    pub fn with_short(mut self, short: &[&str], legend: &str) -> Grid {
        self.short = Some((short.iter().map(|h| (*h).to_owned()).collect(), legend.to_owned()));
        self
    }

    /// Columns (by index) a narrow terminal may leave out, the first to go first.
    pub fn with_optional(mut self, optional: &[usize]) -> Grid {
        self.optional = optional.to_vec();
        self
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

    /// The terminal table, without a title or final line break: the full headers if they
    /// fit (or with `--wide`), else the short ones with their legend, else without the optional
    /// columns, saying which.
    pub fn to_table(&self, options: TableOptions) -> String {
        let full = self.table(options, &self.header, &[]);
        if options.wide || fits(&full, options.width) {
            return show(full, options.width, options.wide);
        }
        let (header, legend) = match &self.short {
            Some((short, legend)) => (short, Some(legend.as_str())),
            None => (&self.header, None),
        };
        let mut dropped: Vec<usize> = Vec::new();
        let mut table = self.table(options, header, &dropped);
        for &column in &self.optional {
            if fits(&table, options.width) {
                break;
            }
            dropped.push(column);
            table = self.table(options, header, &dropped);
        }
        let mut out = show(table, options.width, false);
        if let Some(legend) = legend {
            out.push('\n');
            out.push_str(&wrap_legend(legend, options.width));
        }
        if !dropped.is_empty() {
            let names: Vec<&str> = dropped.iter().map(|&i| self.header[i].as_str()).collect();
            let note =
                format!("not shown at {} columns: {} · --wide shows every column", options.width, names.join(", "));
            out.push('\n');
            out.push_str(&wrap_legend(&note, options.width));
        }
        out
    }

    /// Whether the full table fits the width with nothing split.
    pub fn fits(&self, options: TableOptions) -> bool {
        fits(&self.table(options, &self.header, &[]), options.width)
    }

    fn table(&self, options: TableOptions, header: &[String], dropped: &[usize]) -> comfy_table::Table {
        let keep = |cells: &[String]| -> Vec<String> {
            cells.iter().enumerate().filter(|(i, _)| !dropped.contains(i)).map(|(_, c)| c.clone()).collect()
        };
        let mut table = new_table(options, &keep(header).iter().map(String::as_str).collect::<Vec<_>>());
        for row in &self.rows {
            table.add_row(keep(row));
        }
        table
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
