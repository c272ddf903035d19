//! Word documents (.docx): a ministry's draft often arrives as one. The text is the document's
//! paragraphs in order (body paragraphs and table cells), as Word shows them with tracked
//! changes accepted: inserted runs kept, deleted runs dropped. PDF and the old binary .doc are
//! recognised and refused with a way to convert them.

use std::io::{Cursor, Read};
use std::path::Path;

use crate::error::{Error, Result};

/// The largest `word/document.xml` read, decompressed: a declaration's is under 1 MiB; a
/// compressed bomb is refused before it is inflated.
const MAX_DOCUMENT_XML: u64 = 64 << 20;

const WORD_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// What a file's first bytes say it is, among the formats decldiff reads or refuses by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    /// A zip archive (a .docx, or another Office Open XML or OpenDocument file).
    Zip,
    /// A PDF file.
    Pdf,
    /// An OLE compound file: the old binary Word .doc (or .xls).
    Ole,
}

/// The container `bytes` start with, if any.
pub fn container(bytes: &[u8]) -> Option<Container> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some(Container::Zip)
    } else if bytes.starts_with(b"%PDF-") {
        Some(Container::Pdf)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some(Container::Ole)
    } else {
        None
    }
}

/// The error for a container decldiff does not read.
pub fn refuse(path: &Path, container: Container) -> Error {
    let (what, hint) = match container {
        Container::Pdf => (
            "a PDF file: decldiff does not read PDF (the Chinese text a PDF extractor gives is often out of order or split mid-sentence)",
            "convert it with `pdftotext -layout FILE.pdf FILE.txt` (poppler-utils) and read FILE.txt; check its paragraphs with `decldiff corpus show FILE.txt`",
        ),
        Container::Ole => {
            ("an old binary Word document (.doc)", "save it as .docx or as plain text (UTF-8) in Word or LibreOffice")
        }
        Container::Zip => {
            ("a zip archive that is not a Word document (no word/document.xml)", "decldiff reads .docx, text and HTML")
        }
    };
    Error::NotText { path: path.to_owned(), what: what.to_owned(), hint: Some(hint.to_owned()) }
}

/// The text of `bytes` when they are a Word document (`None` for anything else), or the
/// error naming a container decldiff does not read (PDF, .doc, another zip).
///
/// # Errors
/// As [`text`] and [`refuse`].
pub fn read(path: &Path, bytes: &[u8]) -> Result<Option<String>> {
    match container(bytes) {
        None => Ok(None),
        Some(Container::Zip) => text(path, bytes).map(Some),
        Some(other) => Err(refuse(path, other)),
    }
}

/// The paragraphs of a .docx, one per line.
///
/// # Errors
/// [`Error::NotText`] when the archive or its XML cannot be read, naming what is wrong.
pub fn text(path: &Path, bytes: &[u8]) -> Result<String> {
    let bad = |what: String| Error::NotText { path: path.to_owned(), what, hint: None };
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| bad(format!("a broken zip archive: {e}")))?;
    let mut entry = match archive.by_name("word/document.xml") {
        Ok(entry) => entry,
        Err(_) => return Err(refuse(path, Container::Zip)),
    };
    if entry.size() > MAX_DOCUMENT_XML {
        return Err(bad(format!(
            "word/document.xml is {} bytes unpacked; the limit is {MAX_DOCUMENT_XML}",
            entry.size()
        )));
    }
    let mut xml = String::new();
    entry
        .by_ref()
        .take(MAX_DOCUMENT_XML + 1)
        .read_to_string(&mut xml)
        .map_err(|e| bad(format!("word/document.xml cannot be read: {e}")))?;
    paragraphs(&xml).map_err(|e| bad(format!("word/document.xml: {e}")))
}

/// The text of every `w:p`, in document order, one per line: `w:t` runs, `w:tab` as a tab,
/// `w:br` as a line break; runs inside `w:del` (tracked deletions) left out.
fn paragraphs(xml: &str) -> std::result::Result<String, roxmltree::Error> {
    let options = roxmltree::ParsingOptions { allow_dtd: false, ..Default::default() };
    let document = roxmltree::Document::parse_with_options(xml, options)?;
    let word = |node: &roxmltree::Node<'_, '_>, name: &str| {
        node.tag_name().namespace() == Some(WORD_NS) && node.tag_name().name() == name
    };
    let mut out = String::new();
    for paragraph in document.descendants().filter(|n| word(n, "p")) {
        // A paragraph nested in another's text box is read as its own paragraph.
        for node in paragraph.descendants() {
            let deleted = node.ancestors().any(|a| word(&a, "del"));
            let own = node.ancestors().find(|a| word(a, "p")) == Some(paragraph);
            if deleted || !own {
                continue;
            }
            if word(&node, "t") {
                out.push_str(node.text().unwrap_or_default());
            } else if word(&node, "tab") {
                out.push('\t');
            } else if word(&node, "br") || word(&node, "cr") {
                out.push('\n');
            }
        }
        out.push('\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracked_deletions_are_dropped_and_insertions_kept() {
        let xml = format!(
            r#"<w:document xmlns:w="{WORD_NS}"><w:body>
            <w:p><w:r><w:t>成员国</w:t></w:r><w:del><w:r><w:delText>欢迎</w:delText><w:t>欢迎</w:t></w:r></w:del><w:ins><w:r><w:t>注意到</w:t></w:r></w:ins><w:r><w:t>此事。</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>表格</w:t><w:tab/><w:t>单元</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            </w:body></w:document>"#
        );
        assert_eq!(paragraphs(&xml).unwrap(), "成员国注意到此事。\n表格\t单元\n");
    }

    #[test]
    fn containers_by_their_first_bytes() {
        assert_eq!(container(b"%PDF-1.7\n"), Some(Container::Pdf));
        assert_eq!(container(b"PK\x03\x04rest"), Some(Container::Zip));
        assert_eq!(container("上海".as_bytes()), None);
    }
}
