//! Bytes → text. Detects the encoding (BOM, strict UTF-8, a `<meta charset>` in HTML, then
//! chardetng's guess among the legacy Chinese encodings), decodes strictly and reports the first
//! bad byte's offset. Never inserts U+FFFD: a text that does not decode is an error, because a
//! silently mangled declaration would diff as changed where nothing changed.

use std::path::Path;

use encoding_rs::{BIG5, DecoderResult, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

use crate::error::{Error, Result};

/// The largest input decldiff reads, in bytes. The longest SCO declaration is about 40 KB of
/// UTF-8; 16 MiB leaves room for saved web pages while bounding every later quadratic step.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// How a text was decoded, for the record in outputs and for `--encoding` hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct Decoding {
    /// The encoding's canonical name (`UTF-8`, `UTF-16LE`, `gb18030`, `GBK`, `Big5`).
    pub encoding: &'static str,
    /// Whether the input began with a byte-order mark.
    pub bom: bool,
    /// Whether the encoding was forced by the caller rather than detected.
    pub forced: bool,
}

impl<'de> serde::Deserialize<'de> for Decoding {
    /// Reads a decoding back (from the token cache), the encoding's name mapped to
    /// encoding_rs's static one.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Raw {
            encoding: String,
            bom: bool,
            forced: bool,
        }
        let raw = Raw::deserialize(deserializer)?;
        let encoding = Encoding::for_label(raw.encoding.as_bytes())
            .map(Encoding::name)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown encoding {}", raw.encoding)))?;
        Ok(Decoding { encoding, bom: raw.bom, forced: raw.forced })
    }
}

/// Looks up an encoding by a user's label (`utf-8`, `utf8`, `utf-16le`, `gb18030`, `gbk`,
/// `gb2312`, `big5`, …), as WHATWG labels plus a few common spellings.
///
/// # Errors
/// [`Error::UnknownEncoding`] for a label that names none of the supported encodings.
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding> {
    let lower = label.trim().to_ascii_lowercase();
    let canonical = match lower.as_str() {
        "utf8" => "utf-8",
        "utf16le" | "utf-16" => "utf-16le",
        "utf16be" => "utf-16be",
        "big-5" | "big5-hkscs" => "big5",
        other => other,
    };
    let supported = [UTF_8, UTF_16LE, UTF_16BE, GB18030, GBK, BIG5];
    match Encoding::for_label(canonical.as_bytes()) {
        Some(enc) if supported.contains(&enc) => Ok(enc),
        _ => Err(Error::UnknownEncoding { label: label.to_owned() }),
    }
}

/// Decodes `bytes` read from `path`. With `forced`, that encoding is used (a BOM of another
/// encoding is then an error); otherwise it is detected.
///
/// # Errors
/// [`Error::NotText`] for empty, oversized or binary input; [`Error::Undecodable`] with the byte
/// offset of the first sequence that is invalid in the chosen encoding.
pub fn decode(path: &Path, bytes: &[u8], forced: Option<&'static Encoding>) -> Result<(String, Decoding)> {
    if bytes.is_empty() {
        return Err(not_text(path, "empty file", Some("the file has no bytes at all")));
    }
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(not_text(
            path,
            &format!("file too large ({} bytes; the limit is {MAX_INPUT_BYTES} bytes)", bytes.len()),
            Some("decldiff reads one declaration at a time; split the file"),
        ));
    }
    let (bom_encoding, bom_len) = match Encoding::for_bom(bytes) {
        Some((enc, len)) => (Some(enc), len),
        None => (None, 0),
    };
    let (encoding, start) = match (forced, bom_encoding) {
        (Some(f), Some(b)) if f != b => {
            return Err(not_text(
                path,
                &format!("starts with a {} byte-order mark but --encoding {} was given", b.name(), f.name()),
                Some("drop --encoding, or remove the byte-order mark"),
            ));
        }
        (Some(f), _) => (f, bom_len),
        (None, Some(b)) => (b, bom_len),
        (None, None) => (detect(path, bytes)?, 0),
    };
    if forced.is_none() && bom_len == 0 && encoding != UTF_8 {
        refuse_mixed_utf8(path, bytes, encoding)?;
    }
    let body = &bytes[start..];
    if encoding != UTF_16LE
        && encoding != UTF_16BE
        && let Some(nul) = body.iter().position(|&b| b == 0)
    {
        return Err(not_text(
            path,
            &format!("byte {}: NUL byte: this looks like a binary file, not a text", nul + start),
            Some("decldiff reads UTF-8, UTF-16 (with BOM), GB18030/GBK, Big5 and HTML"),
        ));
    }
    let text = decode_strict(path, body, start, encoding)?;
    check_controls(path, &text, encoding, start)?;
    if text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').is_empty() {
        return Err(not_text(path, "no text: the file holds only whitespace", None));
    }
    let decoding = Decoding { encoding: encoding.name(), bom: bom_len > 0, forced: forced.is_some() };
    Ok((text, decoding))
}

/// Chooses an encoding for input without a BOM.
fn detect(path: &Path, bytes: &[u8]) -> Result<&'static Encoding> {
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(_) => return Ok(UTF_8),
        Err(e) => e,
    };
    // A text whose first few hundred bytes are valid multi-byte UTF-8 is UTF-8 with a defect
    // (truncated, or a corrupted byte): GBK and Big5 text almost never forms three valid UTF-8
    // sequences in a row, so guessing a legacy encoding here would turn one bad byte into a
    // whole page of mojibake.
    let prefix = &bytes[..utf8_error.valid_up_to()];
    let multibyte_chars = std::str::from_utf8(prefix).map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
    if multibyte_chars >= 3 {
        let offset = utf8_error.valid_up_to();
        let bad_len = utf8_error.error_len().unwrap_or(bytes.len() - offset);
        let what = if utf8_error.error_len().is_none() { "truncated" } else { "invalid" };
        return Err(Error::Undecodable {
            path: path.to_owned(),
            offset,
            encoding: "UTF-8",
            bytes: format!("({what}: {})", hex(&bytes[offset..offset + bad_len.min(4)])),
            hint: Some("the file is UTF-8 up to this byte; it may be cut short or damaged. If it is in another encoding, pass --encoding".to_owned()),
        });
    }
    if let Some(label) = html_meta_charset(bytes)
        && let Ok(enc) = encoding_for_label(&label)
    {
        return Ok(enc);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = if detector.guess(None, false) == BIG5 { BIG5 } else { GB18030 };
    // Detection is only asked to choose between the encodings Chinese declarations come in.
    // GB18030 decodes almost any byte string, Big5 text included, into private-use and rare
    // characters; so both are decoded strictly and the one that reads as ordinary text wins,
    // chardetng's guess breaking ties. A guess outside them (windows-1252 for a binary blob)
    // ends as an undecodable-GB18030 error rather than nonsense.
    let other = if guess == BIG5 { GB18030 } else { BIG5 };
    let implausibility = |enc: &'static Encoding| {
        enc.decode_without_bom_handling_and_without_replacement(bytes)
            .map(|text| text.chars().filter(|c| is_implausible(*c)).count())
    };
    Ok(match (implausibility(guess), implausibility(other)) {
        (Some(g), Some(o)) if o < g => other,
        (None, Some(_)) => other,
        _ => guess,
    })
}

/// A file detected as GB18030 or Big5 with a line in UTF-8 (a paragraph pasted from a web page
/// into an old file) would read as mojibake on that line, silently: such a line is an error
/// naming it. A line counts as UTF-8 when it is valid UTF-8 with at least three Chinese
/// characters, which legacy-encoded Chinese text practically never is.
fn refuse_mixed_utf8(path: &Path, bytes: &[u8], encoding: &'static Encoding) -> Result<()> {
    let mut offset = 0;
    for (number, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let start = offset;
        offset += line.len() + 1;
        if line.is_ascii() {
            continue;
        }
        let Ok(text) = std::str::from_utf8(line) else { continue };
        let han = text.chars().filter(|c| matches!(*c as u32, 0x4E00..=0x9FFF)).count();
        if han >= 3 {
            return Err(not_text(
                path,
                &format!(
                    "line {} (byte {start}): this line is UTF-8 but the file reads as {}: mixed encodings",
                    number + 1,
                    encoding.name()
                ),
                Some("convert the file to one encoding (e.g. with iconv), or pass --encoding to read it all in one"),
            ));
        }
    }
    Ok(())
}

/// Characters that a correctly decoded Chinese declaration does not contain: private-use
/// code points and the rarely used CJK extension A block, where misdecoded bytes land.
fn is_implausible(c: char) -> bool {
    matches!(c as u32, 0xE000..=0xF8FF | 0x3400..=0x4DBF | 0x2E80..=0x2FDF)
}

/// Finds `<meta charset="…">` or `content="text/html; charset=…"` in the first 2 KiB.
fn html_meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let pos = lower.windows(8).position(|w| w == b"charset=")?;
    let rest = &lower[pos + 8..];
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let end = rest.iter().position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))?;
    std::str::from_utf8(&rest[..end]).ok().map(str::to_owned)
}

fn decode_strict(path: &Path, body: &[u8], start: usize, encoding: &'static Encoding) -> Result<String> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(body.len())
        .expect("input is bounded by MAX_INPUT_BYTES, so the length cannot overflow");
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(body, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok(text),
        DecoderResult::Malformed(bad, extra) => {
            let bad_end = read - extra as usize;
            let bad_start = bad_end - bad as usize;
            let is_utf16 = encoding == UTF_16LE || encoding == UTF_16BE;
            let hint = if is_utf16 {
                "UTF-16 text with an unpaired surrogate; the file is damaged".to_owned()
            } else if bad_start + 1 >= body.len() {
                "the file ends inside a character; it may be cut short".to_owned()
            } else {
                "if this is not the file's encoding, pass --encoding (utf-8, gb18030, big5, utf-16le, utf-16be)"
                    .to_owned()
            };
            Err(Error::Undecodable {
                path: path.to_owned(),
                offset: start + bad_start,
                encoding: encoding.name(),
                bytes: format!("({})", hex(&body[bad_start..bad_end.max(bad_start + 1).min(body.len())])),
                hint: Some(hint),
            })
        }
        DecoderResult::OutputFull => {
            unreachable!("the buffer was sized with max_utf8_buffer_length")
        }
    }
}

/// Rejects C0/C1 control characters other than tab, line ends and form feed: they do not occur
/// in declarations, and where they do the file is binary or damaged.
fn check_controls(path: &Path, text: &str, encoding: &'static Encoding, start: usize) -> Result<()> {
    let Some((char_index, (byte_in_text, c))) = text
        .char_indices()
        .enumerate()
        .find(|(_, (_, c))| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}' | '\u{85}'))
    else {
        return Ok(());
    };
    let place = if encoding == UTF_8 {
        format!("byte {}", start + byte_in_text)
    } else {
        format!("character {}", char_index + 1)
    };
    Err(not_text(
        path,
        &format!("{place}: control character U+{:04X}: this looks like a binary or damaged file", c as u32),
        Some("decldiff reads plain text and HTML"),
    ))
}

fn not_text(path: &Path, what: &str, hint: Option<&str>) -> Error {
    Error::NotText { path: path.to_owned(), what: what.to_owned(), hint: hint.map(str::to_owned) }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("t.txt")
    }

    #[test]
    fn detects_utf8_with_and_without_bom() {
        let (t, d) = decode(p(), "成员国指出。".as_bytes(), None).unwrap();
        assert_eq!((t.as_str(), d.encoding, d.bom), ("成员国指出。", "UTF-8", false));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("成员国".as_bytes());
        let (t, d) = decode(p(), &bom, None).unwrap();
        assert_eq!((t.as_str(), d.bom), ("成员国", true));
    }

    #[test]
    fn detects_gb18030_and_big5() {
        let text = "上海合作组织成员国元首理事会莫斯科宣言。成员国重申，坚定支持联合国。";
        let (gb, _, _) = GB18030.encode(text);
        let (t, d) = decode(p(), &gb, None).unwrap();
        assert_eq!((t.as_str(), d.encoding), (text, "gb18030"));
        let trad = "上海合作組織成員國元首理事會莫斯科宣言。成員國重申，堅定支持聯合國。";
        let (b5, _, _) = BIG5.encode(trad);
        let (t, d) = decode(p(), &b5, None).unwrap();
        assert_eq!((t.as_str(), d.encoding), (trad, "Big5"));
    }

    #[test]
    fn short_gb18030_that_is_valid_utf8_reads_as_utf8() {
        // Documented in docs/reading.md: the bytes of 伞乇伪 in GB18030 are the UTF-8 ɡرα.
        let (gb, _, _) = GB18030.encode("伞乇伪");
        assert_eq!(detect(p(), &gb).unwrap(), UTF_8);
        assert_eq!(decode(p(), &gb, Some(GB18030)).unwrap().0, "伞乇伪");
    }

    #[test]
    fn a_utf8_line_in_a_gb18030_file_is_named() {
        let (gb, _, _) = GB18030.encode("成员国重申坚持和平发展道路。\n成员国支持加强合作。\n");
        let mut bytes = gb.into_owned();
        bytes.extend_from_slice("成员国欢迎签署协定。\n".as_bytes());
        let err = decode(p(), &bytes, None).unwrap_err().to_string();
        assert!(err.contains("line 3 (byte ") && err.contains("mixed encodings"), "{err}");
        // Forced, the file is read as asked (here the UTF-8 bytes are no valid GB18030).
        assert!(decode(p(), &bytes, Some(GB18030)).is_err_and(|e| !e.to_string().contains("mixed")));
        // A GB18030 file of ordinary text is not mistaken for one.
        let plain = "成员国重申坚持和平发展道路，支持加强合作。\n".repeat(200);
        let (gb, _, _) = GB18030.encode(&plain);
        assert!(decode(p(), &gb, None).is_ok());
    }

    #[test]
    fn truncated_utf8_names_offset() {
        let bytes = "成员国指出".as_bytes();
        let cut = &bytes[..bytes.len() - 1];
        let err = decode(p(), cut, None).unwrap_err().to_string();
        assert!(err.starts_with("t.txt: byte 12: invalid UTF-8 sequence (truncated: E5 87)"), "{err}");
    }

    #[test]
    fn rejects_lone_surrogate_in_utf16() {
        let bytes = [0xFF, 0xFE, 0x10, 0x62, 0x00, 0xD8, 0x41, 0x00];
        let err = decode(p(), &bytes, None).unwrap_err().to_string();
        assert!(err.contains("byte 4: invalid UTF-16LE"), "{err}");
    }

    #[test]
    fn rejects_empty_binary_and_blank() {
        assert!(decode(p(), b"", None).unwrap_err().to_string().contains("empty file"));
        assert!(decode(p(), b"ab\0cd", None).unwrap_err().to_string().contains("byte 2: NUL byte"));
        assert!(decode(p(), " \n\u{3000}".as_bytes(), None).unwrap_err().to_string().contains("only whitespace"));
        assert!(decode(p(), b"ab\x07", None).unwrap_err().to_string().contains("byte 2: control character U+0007"));
    }

    #[test]
    fn forced_encoding_conflicting_with_bom_is_an_error() {
        let err = decode(p(), &[0xEF, 0xBB, 0xBF, b'a'], Some(BIG5)).unwrap_err().to_string();
        assert!(err.contains("byte-order mark"), "{err}");
    }

    #[test]
    fn labels() {
        assert_eq!(encoding_for_label("GBK").unwrap(), GBK);
        assert_eq!(encoding_for_label("gb2312").unwrap(), GBK);
        assert_eq!(encoding_for_label("utf8").unwrap(), UTF_8);
        assert!(encoding_for_label("latin1").is_err());
    }
}
