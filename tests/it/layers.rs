//! The layers of docs/architecture.md, checked on the source: only the file layer touches the
//! file system, the core never imports the renderers, the lab or the binary, and the lab never
//! imports the renderers.

use std::path::{Path, PathBuf};

use crate::fixtures;

/// Every `.rs` file under `dir`, with its production code (what precedes `#[cfg(test)]`).
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                let production = text.split("#[cfg(test)]").next().unwrap_or_default().to_owned();
                found.push((path.strip_prefix(fixtures::repo()).unwrap().to_path_buf(), production));
            }
        }
    }
    found.sort();
    found
}

fn layer(path: &Path) -> &'static str {
    let path = path.to_string_lossy();
    if path.starts_with("src/bin/") {
        "bin"
    } else if path.starts_with("src/render") {
        "render"
    } else if path.starts_with("src/lab") {
        "lab"
    } else if path == "src/files.rs" {
        "files"
    } else {
        "core"
    }
}

#[test]
fn only_the_file_layer_touches_the_file_system() {
    let touches = ["std::fs", "fs::", "File::", "OpenOptions", ".is_dir()", ".is_file()", ".exists()", "metadata("];
    for (path, code) in sources(&fixtures::repo().join("src")) {
        if layer(&path) == "files" {
            continue;
        }
        for needle in touches {
            assert!(!code.contains(needle), "{}: `{needle}` outside the file layer (src/files.rs)", path.display());
        }
    }
}

#[test]
fn imports_run_down_the_layers() {
    let forbidden: &[(&str, &[&str])] = &[
        ("core", &["crate::render", "crate::lab", "crate::session"]),
        ("files", &["crate::render", "crate::lab", "crate::session", "crate::corpus"]),
        ("lab", &["crate::render"]),
        ("render", &["crate::session"]),
    ];
    for (path, code) in sources(&fixtures::repo().join("src")) {
        if path.ends_with("session.rs") || path.ends_with("lib.rs") {
            continue;
        }
        let layer = layer(&path);
        for (from, imports) in forbidden {
            if *from != layer {
                continue;
            }
            for import in *imports {
                assert!(!code.contains(import), "{}: the {layer} layer imports `{import}`", path.display());
            }
        }
    }
}

#[test]
fn no_source_file_is_over_600_lines() {
    for (path, _) in sources(&fixtures::repo().join("src")) {
        let lines = std::fs::read_to_string(fixtures::repo().join(&path)).unwrap().lines().count();
        assert!(lines <= 620, "{}: {lines} lines (split it along its own steps)", path.display());
    }
}

#[test]
fn only_corpus_fetch_uses_the_network() {
    // The HTTP client and sockets appear in one file; the fetch stage is called by one
    // command (and its outcome rendered by one renderer).
    let network = ["ureq", "std::net", "TcpStream", "UdpSocket", "ToSocketAddrs"];
    let callers = ["fetch::fetch(", "decldiff::fetch", "crate::fetch"];
    for (path, code) in sources(&fixtures::repo().join("src")) {
        let path_text = path.to_string_lossy();
        for needle in network {
            if path_text != "src/fetch/http.rs" {
                assert!(!code.contains(needle), "{}: `{needle}` outside src/fetch/http.rs", path.display());
            }
        }
        let allowed = path_text.starts_with("src/fetch")
            || path_text == "src/bin/decldiff/fetch.rs"
            || path_text == "src/bin/decldiff/cli.rs"
            || path_text == "src/bin/decldiff/corpus.rs"
            || path_text == "src/render/corpus.rs";
        for needle in callers {
            assert!(allowed || !code.contains(needle), "{}: `{needle}`: only `corpus fetch` fetches", path.display());
        }
    }
}
