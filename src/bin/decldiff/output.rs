//! Files a command writes besides its output (`report -o`, `--chart`): `-` is standard
//! output, as in every Unix tool; a file is replaced atomically and named on stderr with its
//! size, so a successful run does not look like one that did nothing.

use std::path::Path;

/// Writes `contents` to `path`, or returns them for stdout when `path` is `-`.
pub(crate) fn write_file_or_stdout(path: &Path, contents: String, what: &str) -> decldiff::Result<Option<String>> {
    if path == Path::new(decldiff::files::STDIN) {
        return Ok(Some(contents));
    }
    decldiff::files::write_atomically(path, contents.as_bytes())?;
    eprintln!("wrote {what} to {} ({})", path.display(), size(contents.len()));
    Ok(None)
}

/// `812 bytes`, `168 KB`, `2.4 MB`.
fn size(bytes: usize) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{} KB", (bytes + 500) / 1_000),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}
