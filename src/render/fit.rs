//! Fitting a table to the terminal without splitting what is read whole.
//!
//! comfy-table wraps any cell to share out the width, so at 80 columns a header became
//! "rewo|rded" and a number "0.0|29". Here every column whose widest cell is short (numbers,
//! ids, kinds, theme names, headers) keeps its content's width, and only prose columns (titles,
//! texts, details) wrap. When even that does not fit, the caller tries a narrower layout: short
//! headers with a legend, then fewer columns (`--wide` shows them all).

use comfy_table::{ColumnConstraint, Table};

/// The widest cell, in display columns, of a column still kept whole; a wider column holds
/// prose, which wraps between characters or words.
const WHOLE_MAX: u16 = 24;

/// The least width a prose column needs to be worth showing (ten Chinese characters).
const PROSE_MIN: u16 = 20;

/// Sets whole columns to their content's width; returns the width the table then needs.
pub(crate) fn keep_whole(table: &mut Table) -> u16 {
    let widths = table.column_max_content_widths();
    // Borders: one between columns and one at each side; padding: one space each side.
    let mut needed = widths.len() as u16 + 1;
    for (index, width) in widths.iter().enumerate() {
        if *width <= WHOLE_MAX {
            if let Some(column) = table.column_mut(index) {
                column.set_constraint(ColumnConstraint::ContentWidth);
            }
            needed = needed.saturating_add(width + 2);
        } else {
            needed = needed.saturating_add(PROSE_MIN + 2);
        }
    }
    needed
}

/// The table as text: whole columns kept whole; with `wide`, as wide as it needs to be.
pub(crate) fn show(mut table: Table, width: u16, wide: bool) -> String {
    let needed = keep_whole(&mut table);
    if wide && needed > width {
        table.set_width(needed);
    }
    table.to_string()
}

/// Whether `table` fits `width` with its whole columns kept whole.
pub(crate) fn fits(table: &Table, width: u16) -> bool {
    keep_whole(&mut table.clone()) <= width
}

/// A legend of `a · b · c` items packed into lines of at most `width` columns, breaking only
/// between items.
pub(crate) fn wrap_legend(legend: &str, width: u16) -> String {
    let mut lines: Vec<String> = Vec::new();
    for item in legend.split(" · ") {
        match lines.last_mut() {
            Some(line)
                if unicode_width::UnicodeWidthStr::width(line.as_str())
                    + 3
                    + unicode_width::UnicodeWidthStr::width(item)
                    <= usize::from(width) =>
            {
                line.push_str(" · ");
                line.push_str(item);
            }
            _ => lines.push(item.to_owned()),
        }
    }
    lines.join("\n")
}
