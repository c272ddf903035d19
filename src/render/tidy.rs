//! Tidy tables: what a researcher takes to pandas, R or Excel. Each command has one long
//! table per level (theme, pair, paragraph, edit; year; term; …), one row per observation
//! whatever the number of pairs, with `old_id`/`new_id` (or `id`) columns, snake_case
//! headers, numbers as numbers, one vocabulary of change kinds, and no totals among the rows
//! (they are their own level). The same serde rows are written as CSV (the csv crate) and as
//! an Excel workbook, one sheet per level (rust_xlsxwriter). docs/tables.md lists them.

pub mod compare;
pub mod series;

use serde::Serialize;

/// The byte-order mark some spreadsheet programs need to read UTF-8 CSV as UTF-8.
const BOM: &str = "\u{FEFF}";

/// How to write CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CsvOptions {
    /// Start with a UTF-8 byte-order mark (for Excel on Windows).
    pub bom: bool,
    /// Write the header line (the first of several pairs' tables does, the others not).
    pub no_header: bool,
}

/// A table's rows, written as CSV or as a worksheet.
pub trait Rows {
    /// The rows as CSV: the header (unless `options.no_header`), then one line per row.
    fn to_csv(&self, options: CsvOptions) -> String;
    /// The rows as a worksheet named `name`: the header in bold, then one row per row.
    fn to_sheet(&self, sheet: &mut rust_xlsxwriter::Worksheet) -> Result<(), rust_xlsxwriter::XlsxError>;
}

impl<T: Serialize + Default> Rows for Vec<T> {
    fn to_csv(&self, options: CsvOptions) -> String {
        let mut out = if options.bom { BOM.to_owned() } else { String::new() };
        if !options.no_header {
            out.push_str(&header_line::<T>());
        }
        let mut writer = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
        for row in self {
            // Rows are flat structs of strings and numbers, which the csv crate always writes.
            writer.serialize(row).expect("a flat row serializes to CSV");
        }
        let bytes = writer.into_inner().expect("writing to a Vec does not fail");
        out.push_str(&String::from_utf8(bytes).expect("the csv crate writes the UTF-8 it was given"));
        out
    }

    fn to_sheet(&self, sheet: &mut rust_xlsxwriter::Worksheet) -> Result<(), rust_xlsxwriter::XlsxError> {
        let bold = rust_xlsxwriter::Format::new().set_bold();
        sheet.serialize_headers_with_format(0, 0, &T::default(), &bold)?;
        for row in self {
            sheet.serialize(row)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        Ok(())
    }
}

/// The CSV header line of a row type: the field names, from serializing a default row (so
/// that the header of an empty table is still written, and never drifts from the fields).
fn header_line<T: Serialize + Default>() -> String {
    let mut writer = csv::WriterBuilder::new().has_headers(true).from_writer(Vec::new());
    writer.serialize(T::default()).expect("a flat row serializes to CSV");
    let bytes = writer.into_inner().expect("writing to a Vec does not fail");
    let text = String::from_utf8(bytes).expect("field names are UTF-8");
    text.lines().next().map(|line| format!("{line}\n")).unwrap_or_default()
}

/// A workbook of the named tables, one sheet each, in order. Its bytes depend only on the
/// tables: the document properties carry a fixed date, not the time of writing.
pub fn workbook(sheets: &[(&str, &dyn Rows)]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let epoch = rust_xlsxwriter::ExcelDateTime::from_ymd(2000, 1, 1)?;
    workbook
        .set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&epoch).set_author("decldiff"));
    for (name, rows) in sheets {
        let sheet = workbook.add_worksheet();
        sheet.set_name(*name)?;
        rows.to_sheet(sheet)?;
    }
    workbook.save_to_buffer()
}

/// A 0-based block index as the paragraph number a reader cites: `¶N` is block N − 1
/// (docs/numbering.md).
pub fn number(index: usize) -> usize {
    index + 1
}

/// Numbers joined by `;` (a list in one cell).
fn joined(items: impl IntoIterator<Item = impl ToString>) -> String {
    items.into_iter().map(|i| i.to_string()).collect::<Vec<_>>().join(";")
}
