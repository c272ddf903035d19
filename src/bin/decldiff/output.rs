//! Files a command writes besides its output (`report -o`, `--chart`): `-` is standard
//! output, as in every Unix tool; a file is replaced atomically and named on stderr with its
//! size, so a successful run does not look like one that did nothing.

use std::path::Path;

/// Writes `contents` (text or bytes) to `path`, or returns them for stdout when `path` is `-`.
pub(crate) fn write_file_or_stdout<T: AsRef<[u8]>>(
    path: &Path,
    contents: T,
    what: &str,
) -> decldiff::Result<Option<T>> {
    if path == Path::new(decldiff::files::STDIN) {
        return Ok(Some(contents));
    }
    let bytes = contents.as_ref();
    decldiff::files::write_atomically(path, bytes)?;
    eprintln!("wrote {what} to {} ({})", path.display(), size(bytes.len()));
    Ok(None)
}

/// Bytes that are not text (a Word file) straight to standard output, since a command's
/// `Outcome` carries text; a closed pipe is the reader's choice, as for text.
pub(crate) fn print_bytes(bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(anyhow::anyhow!("writing the output: {e}")),
        _ => Ok(()),
    }
}

/// `decldiff completions SHELL`: the script, on stdout.
pub(crate) fn completions(shell: clap_complete::Shell) -> crate::Outcome {
    let mut command = <crate::cli::Cli as clap::CommandFactory>::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "decldiff", &mut script);
    crate::Outcome::ok(String::from_utf8_lossy(&script).into_owned())
}

/// `decldiff man`: the page on stdout, or with `--out DIR` a page per command written there.
pub(crate) fn manual(out: Option<&Path>) -> anyhow::Result<crate::Outcome> {
    let command = <crate::cli::Cli as clap::CommandFactory>::command();
    let Some(dir) = out else {
        return Ok(crate::Outcome::ok(render_page(command, "decldiff")?));
    };
    let mut pages = vec![("decldiff.1".to_owned(), render_page(command.clone(), "decldiff")?)];
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("decldiff-{}", sub.get_name());
        pages.push((format!("{name}.1"), render_page(sub.clone(), &name)?));
    }
    decldiff::files::create_dir_all(dir, "the manual folder")?;
    for (file, page) in &pages {
        decldiff::files::write_atomically(&dir.join(file), page.as_bytes())?;
    }
    eprintln!("wrote {} manual pages to {}", pages.len(), dir.display());
    Ok(crate::Outcome::ok(String::new()))
}

fn render_page(command: clap::Command, title: &str) -> anyhow::Result<String> {
    let mut page = Vec::new();
    clap_mangen::Man::new(command).title(title.to_uppercase()).render(&mut page)?;
    Ok(String::from_utf8(page)?)
}

/// `812 bytes`, `168 KB`, `2.4 MB`.
fn size(bytes: usize) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{} KB", (bytes + 500) / 1_000),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}
