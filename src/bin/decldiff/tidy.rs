//! The series commands' tidy outputs: which table `--by` names, and `--format xlsx`.

use std::io::IsTerminal;

use anyhow::bail;
use decldiff::render::series::{LineageBy, TermsBy, TimelineBy};
use decldiff::render::tidy::{Rows, workbook};

use crate::Outcome;
use crate::cli::{SeriesByArg, SeriesFormatArg, SeriesOutput};

/// `timeline --by`.
pub(crate) fn timeline_by(output: &SeriesOutput) -> anyhow::Result<TimelineBy> {
    match output.by {
        None | Some(SeriesByArg::Theme) => Ok(TimelineBy::Theme),
        Some(SeriesByArg::Year) => Ok(TimelineBy::Year),
        Some(_) => bail!("timeline --by takes theme (a row per year and theme) or year (a row per year)"),
    }
}

/// `terms --by`.
pub(crate) fn terms_by(output: &SeriesOutput) -> anyhow::Result<TermsBy> {
    match output.by {
        None | Some(SeriesByArg::Year) => Ok(TermsBy::Year),
        Some(SeriesByArg::Term) => Ok(TermsBy::Term),
        Some(_) => bail!("terms --by takes year (a row per term and year) or term (a row per term)"),
    }
}

/// `lineage --by`.
pub(crate) fn lineage_by(output: &SeriesOutput) -> anyhow::Result<LineageBy> {
    match output.by {
        None | Some(SeriesByArg::Paragraph) => Ok(LineageBy::Paragraph),
        Some(SeriesByArg::Theme) => Ok(LineageBy::Theme),
        Some(_) => bail!("lineage --by takes paragraph (a row per paragraph) or theme (a row per theme)"),
    }
}

/// Refuses to write a workbook to a terminal, before any work is done.
pub(crate) fn check_xlsx(output: &SeriesOutput) -> anyhow::Result<()> {
    if output.format == SeriesFormatArg::Xlsx && std::io::stdout().is_terminal() {
        bail!("--format xlsx writes an Excel workbook: redirect it to a file (> tables.xlsx)");
    }
    Ok(())
}

/// With `--format xlsx`, the tables as a workbook on stdout (and the empty outcome);
/// otherwise `None`, for the text output.
pub(crate) fn xlsx(output: &SeriesOutput, sheets: &[(&str, &dyn Rows)]) -> anyhow::Result<Option<Outcome>> {
    if output.format != SeriesFormatArg::Xlsx {
        return Ok(None);
    }
    crate::output::print_bytes(&workbook(sheets)?)?;
    Ok(Some(Outcome { stdout: Vec::new(), status: 0 }))
}
