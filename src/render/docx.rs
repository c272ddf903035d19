//! The Word redline: a `.docx` of a [`Report`] whose changes are Word's own tracked changes
//! (`w:ins` / `w:del` by the author `decldiff`), so that a reader accepts or rejects them in
//! Word or LibreOffice as they would a colleague's edits. The heading names the two documents,
//! the per-theme change table comes first, then the text: one Word paragraph per block of the
//! new document in its order, deleted blocks as tracked deletions at their old place (the
//! order of the HTML page, `html::rows::reading_order`), commitment shifts as comments on
//! the changed words.
//!
//! A pure function of the report and the two documents: the same input gives the same bytes
//! (zip entries dated 1980-01-01, parts in a fixed order, ids counted from the start, no
//! clock). Every piece of text is XML-escaped, and characters XML 1.0 forbids are dropped.
//! docs/report.md ("Word redline") describes the document.

mod body;

use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

use crate::report::Report;
use crate::segment::Document;

/// The author of every tracked change and comment.
const AUTHOR: &str = "decldiff";

const STYLES: &str = include_str!("docx/styles.xml");

const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// WordprocessingML's main namespace.
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// How to write the document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocxOptions {
    /// The document's title; by default "OLD → NEW".
    pub title: Option<String>,
    /// The date of every tracked change and comment, an ISO 8601 date-time in UTC
    /// (`2020-11-10T00:00:00Z`; [`revision_date`] makes one from a catalog date). Without it
    /// (or when it is not of that shape) the changes carry no date.
    pub date: Option<String>,
}

/// A catalog date (`YYYY-MM-DD`) as the date-time of a tracked change (`YYYY-MM-DDT00:00:00Z`):
/// the new text's own date rather than the time the report was made, so that the same
/// comparison always gives the same document. `None` for anything else (`2020`, `2020-11`).
pub fn revision_date(catalog_date: &str) -> Option<String> {
    let shape = catalog_date.len() == 10
        && catalog_date.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    shape.then(|| format!("{catalog_date}T00:00:00Z"))
}

/// Whether `date` is `YYYY-MM-DDThh:mm:ssZ`, the one shape written into `w:date`: Word refuses a
/// document whose dates it cannot read.
fn is_date_time(date: &str) -> bool {
    let pattern = b"dddd-dd-ddTdd:dd:ddZ";
    date.len() == pattern.len()
        && date.bytes().zip(pattern).all(|(b, &p)| if p == b'd' { b.is_ascii_digit() } else { b == p })
}

/// The `.docx` file.
pub fn docx(report: &Report, old: &Document, new: &Document, options: &DocxOptions) -> Vec<u8> {
    let title = options.title.clone().unwrap_or_else(|| format!("{} → {}", report.old.name, report.new.name));
    let date = options.date.as_deref().filter(|d| is_date_time(d));
    // The attributes every tracked change and comment carries.
    let stamp = match date {
        Some(date) => format!(" w:author=\"{AUTHOR}\" w:date=\"{date}\""),
        None => format!(" w:author=\"{AUTHOR}\""),
    };
    let (document, comments) = body::document(report, old, new, &title, &stamp);
    let mut parts: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", content_types(!comments.is_empty())),
        ("_rels/.rels", package_relationships()),
        ("docProps/core.xml", core_properties(&title, report, date)),
        ("word/_rels/document.xml.rels", document_relationships(!comments.is_empty())),
        ("word/document.xml", document),
        ("word/styles.xml", STYLES.to_owned()),
        ("word/settings.xml", settings()),
        ("word/fontTable.xml", font_table()),
    ];
    if !comments.is_empty() {
        parts.push(("word/comments.xml", comments_part(&comments, &stamp)));
    }
    zip_parts(&parts)
}

/// The parts as a zip archive, written in memory with fixed dates.
fn zip_parts(parts: &[(&str, String)]) -> Vec<u8> {
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let mut archive = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in parts {
        // Writing into a Vec cannot fail, and every part is far below zip's 4 GiB limit.
        archive.start_file(*name, options).expect("a zip entry starts in memory");
        archive.write_all(text.as_bytes()).expect("writing into memory cannot fail");
    }
    archive.finish().expect("a zip archive in memory finishes").into_inner()
}

fn content_types(comments: bool) -> String {
    let mut xml = format!(
        "{XML_DECLARATION}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    );
    let word = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let overrides = [
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml".to_owned()),
        ("/word/document.xml", format!("{word}.document.main+xml")),
        ("/word/styles.xml", format!("{word}.styles+xml")),
        ("/word/settings.xml", format!("{word}.settings+xml")),
        ("/word/fontTable.xml", format!("{word}.fontTable+xml")),
    ];
    for (part, kind) in &overrides {
        let _ = write!(xml, "<Override PartName=\"{part}\" ContentType=\"{kind}\"/>");
    }
    if comments {
        let _ = write!(xml, "<Override PartName=\"/word/comments.xml\" ContentType=\"{word}.comments+xml\"/>");
    }
    xml.push_str("</Types>");
    xml
}

fn package_relationships() -> String {
    format!(
        "{XML_DECLARATION}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         </Relationships>"
    )
}

fn document_relationships(comments: bool) -> String {
    let relationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut xml = format!(
        "{XML_DECLARATION}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{relationship}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"{relationship}/settings\" Target=\"settings.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{relationship}/fontTable\" Target=\"fontTable.xml\"/>"
    );
    if comments {
        let _ = write!(xml, "<Relationship Id=\"rId4\" Type=\"{relationship}/comments\" Target=\"comments.xml\"/>");
    }
    xml.push_str("</Relationships>");
    xml
}

/// Title, author and (when there is one) the new text's date; never the time of writing.
fn core_properties(title: &str, report: &Report, date: Option<&str>) -> String {
    let mut xml = format!(
        "{XML_DECLARATION}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{AUTHOR}</dc:creator>\
         <cp:lastModifiedBy>{AUTHOR}</cp:lastModifiedBy><dc:description>{}</dc:description>",
        xml_text(title),
        xml_text(&format!("{} → {}", report.old.name, report.new.name)),
        xml_text(&format!(
            "Tracked changes made by decldiff {} from the comparison of {} with {}.",
            report.provenance.decldiff, report.old.name, report.new.name
        )),
    );
    if let Some(date) = date {
        let _ = write!(xml, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:created>");
    }
    xml.push_str("</cp:coreProperties>");
    xml
}

/// Edits the reader makes are tracked too: the document is a redline to be passed on.
fn settings() -> String {
    format!(
        "{XML_DECLARATION}<w:settings xmlns:w=\"{W}\"><w:trackRevisions/><w:defaultTabStop w:val=\"420\"/>\
         <w:characterSpacingControl w:val=\"compressPunctuation\"/>\
         <w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
         </w:settings>"
    )
}

/// SimSun for Chinese with Noto Serif CJK SC as its alternative (what Linux has), Times New
/// Roman for Latin text and digits.
fn font_table() -> String {
    format!(
        "{XML_DECLARATION}<w:fonts xmlns:w=\"{W}\">\
         <w:font w:name=\"Times New Roman\"><w:panose1 w:val=\"02020603050405020304\"/><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>\
         <w:font w:name=\"SimSun\"><w:altName w:val=\"Noto Serif CJK SC\"/><w:panose1 w:val=\"02010600030101010101\"/><w:charset w:val=\"86\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>\
         </w:fonts>"
    )
}

fn comments_part(comments: &[body::Comment], stamp: &str) -> String {
    let mut xml = format!("{XML_DECLARATION}<w:comments xmlns:w=\"{W}\">");
    for comment in comments {
        let _ = write!(
            xml,
            "<w:comment w:id=\"{}\"{stamp} w:initials=\"dd\"><w:p><w:pPr><w:pStyle w:val=\"CommentText\"/></w:pPr>\
             <w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr><w:annotationRef/></w:r>\
             <w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p></w:comment>",
            comment.id,
            xml_text(&comment.text)
        );
    }
    xml.push_str("</w:comments>");
    xml
}

/// Text for XML content and attribute values: `& < > " '` escaped, and the characters XML 1.0
/// does not allow (C0 controls but tab and line feed, U+FFFE, U+FFFF) dropped, since a
/// single one makes Word refuse the whole file.
pub(crate) fn xml_text(text: &str) -> String {
    let allowed = |c: &char| matches!(c, '\t' | '\n') || !matches!(c, '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}');
    super::html::escape(&text.chars().filter(allowed).collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(xml_text("<w:t a=\"1\">'&'</w:t>"), "&lt;w:t a=&quot;1&quot;&gt;&#39;&amp;&#39;&lt;/w:t&gt;");
        assert_eq!(xml_text("成员国\u{0}\u{1b}[2J\u{7}\t重申\r\n\u{ffff}"), "成员国[2J\t重申\n");
    }

    #[test]
    fn only_a_full_catalog_date_dates_the_changes() {
        assert_eq!(revision_date("2020-11-10").as_deref(), Some("2020-11-10T00:00:00Z"));
        assert_eq!(revision_date("2020-11"), None);
        assert_eq!(revision_date("2020"), None);
        assert_eq!(revision_date("2020-1-10x"), None);
        assert!(is_date_time("2020-11-10T00:00:00Z"));
        assert!(!is_date_time("2020-11-10\"/><w:x"));
    }
}
