//! The `decldiff` binary end to end: outputs, exit codes, and one-line errors for bad input.

use std::path::Path;
use std::process::Output;

use crate::fixtures;

fn decldiff(args: &[&str], cwd: &Path) -> Output {
    crate::bin::decldiff().args(args).current_dir(cwd).env("NO_COLOR", "1").output().expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 errors")
}

/// Asserts a failed run: exit 2, one `error: …` line on stderr containing `expected`, nothing
/// on stdout, no panic.
fn assert_error(output: &Output, expected: &str) {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(err.starts_with("error: ") && err.contains(expected), "expected `{expected}` in: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(output.stdout.is_empty());
}

#[test]
fn corpus_list_table_and_json() {
    let out = decldiff(&["corpus", "list", "--width", "120"], fixtures::repo());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    insta::assert_snapshot!("corpus_list_table", stdout(&out));
    let json = decldiff(&["corpus", "list", "--collection", "sco", "--format", "json"], fixtures::repo());
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["schema_version"], 2);
    assert_eq!(value["entries"].as_array().unwrap().len(), 25);
    insta::assert_snapshot!("corpus_list_json", stdout(&json));
}

#[test]
fn corpus_show_seed_table_and_json() {
    let out = decldiff(&["corpus", "show", "sco-2020", "--width", "120"], fixtures::repo());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    insta::assert_snapshot!("corpus_show_sco_2020_table", stdout(&out));
    let json = decldiff(&["corpus", "show", "sco-2020", "--format", "json"], fixtures::repo());
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["structure"]["blocks"], 139);
    assert_eq!(value["structure"]["kinds"]["paragraph"], 123);
    assert_eq!(value["blocks"][7]["kind"], "heading");
    assert_eq!(value["blocks"][7]["text"], "安全合作");
    assert_eq!(value["blocks"][8]["theme"], "安全");
    assert_eq!(value["blocks"][8]["theme_source"], "heading");
    assert_eq!(value["metadata"]["city"], "Moscow");
    insta::assert_snapshot!("corpus_show_sco_2020_json", stdout(&json));
}

#[test]
fn show_accepts_paths_and_runs_anywhere_on_the_built_in_corpus() {
    let elsewhere = tempfile::tempdir().unwrap();
    let by_id = decldiff(&["corpus", "show", "sco-2020", "--format", "json"], elsewhere.path());
    assert_eq!(by_id.status.code(), Some(0), "{}", stderr(&by_id));
    let path = fixtures::seed_path();
    let by_path = decldiff(&["corpus", "show", path.to_str().unwrap(), "--format", "json"], elsewhere.path());
    assert_eq!(by_path.status.code(), Some(0), "{}", stderr(&by_path));
    let blocks = |o: &Output| serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap()["blocks"].clone();
    assert_eq!(blocks(&by_id), blocks(&by_path));
}

#[test]
fn bad_inputs_give_one_line_errors_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        name.to_owned()
    };
    let seed = fixtures::seed();
    let truncated = write("truncated.txt", &seed.as_bytes()[..seed.len() - 2]);
    let binary = write("binary.bin", &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, b'I', b'H']);
    let empty = write("empty.txt", b"");
    let blank = write("blank.txt", " \n\u{3000}\n\t\r\n".as_bytes());
    let huge = dir.path().join("huge.txt");
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    let cases: Vec<(Vec<String>, String)> = vec![
        (vec![truncated.clone()], format!("error: {truncated}: byte 35132: invalid UTF-8 sequence (truncated: EF BC)")),
        (vec![binary.clone()], format!("error: {binary}: byte 8: NUL byte")),
        (vec![empty.clone()], format!("error: {empty}: empty file")),
        (vec![blank.clone()], format!("error: {blank}: no text: the file holds only whitespace")),
        (
            vec!["huge.txt".to_owned()],
            "error: huge.txt: file too large (52428800 bytes; the limit is 16777216 bytes)".to_owned(),
        ),
        (vec!["missing.txt".to_owned()], "error: missing.txt: no such corpus id or file".to_owned()),
        (vec!["sco-1999".to_owned()], "error: sco-1999: no such corpus id or file (hint: did you mean".to_owned()),
        (
            vec![blank.clone(), "--encoding".to_owned(), "latin1".to_owned()],
            "error: unknown encoding `latin1`".to_owned(),
        ),
        (vec![write("bell.txt", "成员国\u{7}".as_bytes())], "error: bell.txt: byte 9: control character U+0007".to_owned()),
        (
            vec![write("surrogate.txt", &[0xFF, 0xFE, 0x10, 0x62, 0x00, 0xD8, 0x41, 0x00])],
            "error: surrogate.txt: byte 4: invalid UTF-16LE sequence (00 D8) (hint: UTF-16 text with an unpaired surrogate".to_owned(),
        ),
        (
            vec![write("badgb.txt", &[&fixtures::encode(encoding_rs::GB18030, "成员国重申")[..], &[0x81, 0x20]].concat())],
            "error: badgb.txt: byte 10: invalid gb18030 sequence (81)".to_owned(),
        ),
        (vec![write("many.txt", &b"a\n".repeat(200_001))], "error: many.txt: too many blocks (200001; the limit is 200000)".to_owned()),
        (
            vec![write("empty.html", b"<html><body><script>x</script></body></html>")],
            "error: empty.html: no text found in the HTML page (hint: pass --input text".to_owned(),
        ),
        (
            vec![write("bom.txt", &[0xEF, 0xBB, 0xBF, b'x']), "--encoding".to_owned(), "big5".to_owned()],
            "error: bom.txt: starts with a UTF-8 byte-order mark but --encoding Big5 was given".to_owned(),
        ),
    ];
    std::fs::create_dir(dir.path().join("adir")).unwrap();
    assert_error(&decldiff(&["corpus", "show", "./adir"], dir.path()), "error: ./adir: is a directory, not a file");
    for (args, expected) in cases {
        let mut full = vec!["corpus", "show"];
        full.extend(args.iter().map(String::as_str));
        let out = decldiff(&full, dir.path());
        assert_error(&out, &expected);
    }
}

#[test]
fn add_and_check_through_the_binary() {
    let corpus_dir = fixtures::corpus_copy();
    let root = corpus_dir.path().to_str().unwrap();
    let inputs = tempfile::tempdir().unwrap();
    let gb = inputs.path().join("moscow.gb18030.txt");
    std::fs::write(&gb, fixtures::encode(encoding_rs::GB18030, &fixtures::seed())).unwrap();
    let gb = gb.to_str().unwrap();

    let out = decldiff(
        &["--corpus", root, "corpus", "add", gb, "--collection", "drafts", "--id", "moscow-gb", "--date", "2020-11-10"],
        inputs.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("stored moscow-gb as "), "{}", stdout(&out));
    assert!(stdout(&out).ends_with("139 blocks, 123 paragraphs (read as gb18030 text)\n"), "{}", stdout(&out));

    let again = decldiff(
        &["--corpus", root, "corpus", "add", gb, "--collection", "drafts", "--id", "moscow-gb"],
        inputs.path(),
    );
    assert_error(&again, "a text for `moscow-gb` is already stored (hint: pass --force to replace it)");
    let bad_id =
        decldiff(&["--corpus", root, "corpus", "add", gb, "--collection", "drafts", "--id", "../x"], inputs.path());
    assert_error(&bad_id, "invalid id `../x`");
    let bad_date = decldiff(
        &["--corpus", root, "corpus", "add", gb, "--collection", "drafts", "--id", "y", "--date", "10/11/2020"],
        inputs.path(),
    );
    assert_error(&bad_date, "--date `10/11/2020` is not YYYY-MM-DD");

    let check = decldiff(&["--corpus", root, "corpus", "check"], inputs.path());
    assert_eq!(check.status.code(), Some(0), "{}{}", stdout(&check), stderr(&check));
    let show = decldiff(&["--corpus", root, "corpus", "show", "drafts/moscow-gb", "--format", "json"], inputs.path());
    assert_eq!(show.status.code(), Some(0), "{}", stderr(&show));

    // Damage the stored text: check reports it in one line and exits 1.
    std::fs::write(corpus_dir.path().join("drafts/moscow-gb.zh.txt"), "成员国指出。\n").unwrap();
    let check = decldiff(&["--corpus", root, "corpus", "check"], inputs.path());
    assert_eq!(check.status.code(), Some(1));
    let lines = stdout(&check);
    assert_eq!(lines.lines().count(), 1, "{lines}");
    assert!(lines.contains("moscow-gb: text truncated"), "{lines}");
    // Loading a damaged text is refused rather than compared.
    let show = decldiff(&["--corpus", root, "corpus", "show", "moscow-gb"], inputs.path());
    assert_error(&show, "does not match its catalog checksum");
}

#[test]
fn concurrent_adds_to_one_collection_both_land() {
    let corpus_dir = fixtures::corpus_copy();
    let root = corpus_dir.path().to_str().unwrap().to_owned();
    let seed = fixtures::seed_path();
    let children: Vec<_> = (0..4)
        .map(|i| {
            crate::bin::decldiff()
                .args([
                    "--corpus",
                    &root,
                    "corpus",
                    "add",
                    seed.to_str().unwrap(),
                    "--collection",
                    "sco",
                    "--id",
                    &format!("copy-{i}"),
                ])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let check = decldiff(&["--corpus", &root, "corpus", "list", "--format", "json"], corpus_dir.path());
    let value: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    // 25 SCO entries, the illustrative example, and the four copies.
    assert_eq!(value["entries"].as_array().unwrap().len(), 30);
}

#[test]
fn help_shows_examples() {
    let out = decldiff(&["--help"], fixtures::repo());
    assert!(stdout(&out).contains("Examples:") && stdout(&out).contains("Exit status"));
    let out = decldiff(&["corpus", "add", "--help"], fixtures::repo());
    assert!(stdout(&out).contains("decldiff corpus add moscow.txt"));
}

#[test]
fn every_variant_shows_the_same_blocks_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let seed = fixtures::seed();
    let variants: Vec<(&str, Vec<u8>)> = vec![
        ("seed.txt", seed.clone().into_bytes()),
        ("gb18030.txt", fixtures::encode(encoding_rs::GB18030, &seed)),
        ("big5.txt", fixtures::encode(encoding_rs::BIG5, &fixtures::traditional())),
        ("utf16le.txt", fixtures::utf16(&seed, true)),
        ("utf16be.txt", fixtures::utf16(&seed, false)),
        ("crlf.txt", fixtures::crlf_blank_lines(&seed).into_bytes()),
        ("page.html", fixtures::html_page(&seed, "utf-8").into_bytes()),
    ];
    let mut reference: Option<Vec<(String, String, String)>> = None;
    for (name, bytes) in variants {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let out = decldiff(&["corpus", "show", &format!("./{name}"), "--format", "json"], dir.path());
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let blocks: Vec<(String, String, String)> = value["blocks"]
            .as_array()
            .unwrap()
            .iter()
            // A saved page keeps the declaration's title as a block of its own.
            .filter(|b| b["kind"] != "title")
            .map(|b| (b["kind"].to_string(), b["key"].to_string(), b["theme"].to_string()))
            .collect();
        assert_eq!(blocks.len(), 139, "{name}");
        match &reference {
            None => reference = Some(blocks),
            Some(r) => assert_eq!(&blocks, r, "{name}"),
        }
    }
}

/// Values out of range are one-line errors naming the value, never silently clamped.
#[test]
fn out_of_range_values_are_refused() {
    let repo = fixtures::repo();
    for (args, expected) in [
        (&["align", "sco-2020", "sco-2020", "--link-threshold", "2"][..], "`2` is not a number from 0 to 1"),
        (&["align", "sco-2020", "sco-2020", "--link-threshold", "NaN"][..], "`NaN` is not a number from 0 to 1"),
        (&["compare", "--context-threshold=-0.1"][..], "is not a number from 0 to 1"),
        (&["compare", "--width", "5"][..], "5 is not in 40..=1000"),
        (&["simulate", "series", "--years", "100000"][..], "`100000` is not a number of years from 1 to 500"),
    ] {
        let out = decldiff(args, repo);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(stdout(&out).is_empty());
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("t.txt");
    std::fs::write(&file, fixtures::seed()).unwrap();
    let corpus = dir.path().join("corpus");
    let args = ["--corpus", corpus.to_str().unwrap(), "corpus", "add", file.to_str().unwrap()];
    let out = decldiff(&[&args[..], &["--collection", "c", "--id", "x", "--date", "2020-02-31"]].concat(), repo);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--date `2020-02-31` is not YYYY-MM-DD"), "{}", stderr(&out));
}

/// A catalog whose entries share a text file is refused, naming both (replacing one would
/// overwrite the other's text); a FIFO given as a text is refused at once, not waited on.
#[test]
fn shared_text_files_and_fifos_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let collection = dir.path().join("c");
    std::fs::create_dir_all(&collection).unwrap();
    let entry = |id: &str| {
        format!(
            "[[declaration]]\nid = \"{id}\"\nseries = \"c\"\nlanguage = \"zh\"\ntext = \"shared.zh.txt\"\npresent = false\n\n"
        )
    };
    let catalog = format!("[collection]\nname = \"c\"\ntitle = \"c\"\n\n{}{}", entry("x"), entry("y"));
    std::fs::write(collection.join("catalog.toml"), catalog).unwrap();
    // Listing everything, the collection is skipped with a warning; asked for, it is the error.
    let out = decldiff(&["--corpus", dir.path().to_str().unwrap(), "corpus", "list"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("entries `x` and `y` share the text file `shared.zh.txt`"), "{}", stderr(&out));
    let out = decldiff(&["--corpus", dir.path().to_str().unwrap(), "corpus", "list", "--collection", "c"], dir.path());
    assert_error(&out, "entries `x` and `y` share the text file `shared.zh.txt`");

    let fifo = dir.path().join("pipe.txt");
    if std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
        let out = decldiff(&["corpus", "show", fifo.to_str().unwrap()], dir.path());
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("not a regular file"), "{}", stderr(&out));
    }
}

/// Catalog fields and file names never reach the terminal raw: escape sequences, other control
/// characters and bidirectional overrides are shown as `\u{…}`.
#[test]
fn terminal_escapes_from_catalogs_and_file_names_are_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let collection = dir.path().join("c");
    std::fs::create_dir_all(&collection).unwrap();
    let catalog = "[collection]\nname = \"c\"\ntitle = \"c\"\n\n[[declaration]]\nid = \"x\"\nseries = \"c\"\nlanguage = \"zh\"\ntext = \"x.zh.txt\"\npresent = false\ncity = \"\\u001b[2J\\u001b]0;owned\\u0007\"\ntitle_zh = \"宣言\\u202e反转\"\n";
    std::fs::write(collection.join("catalog.toml"), catalog).unwrap();
    let out = decldiff(&["--corpus", dir.path().to_str().unwrap(), "corpus", "list", "--width", "120"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202e}'), "{text:?}");
    assert!(text.contains("\\u{1b}[2J") && text.contains("\\u{202e}"), "{text}");
    let hostile = dir.path().join("a\u{1b}[31mred.txt");
    let out = decldiff(&["corpus", "show", hostile.to_str().unwrap()], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(!stderr(&out).contains('\u{1b}') && stderr(&out).contains("\\u{1b}[31m"), "{:?}", stderr(&out));
}

/// A page nested 100,000 elements deep (1.1 MB) is refused at once with the place; a page
/// nested just under the bound reads.
#[test]
fn deeply_nested_html_is_refused_at_the_bound() {
    let dir = tempfile::tempdir().unwrap();
    let page = |n: usize| {
        format!(
            "<html><body>{}<p>成员国重申，坚持和平发展。</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        )
    };
    std::fs::write(dir.path().join("deep.html"), page(100_000)).unwrap();
    std::fs::write(dir.path().join("ok.html"), page(990)).unwrap();
    let out = decldiff(&["corpus", "show", "deep.html"], dir.path());
    assert_error(&out, "deep.html: byte 5002 of the page: elements nested deeper than 1000");
    let out = decldiff(&["corpus", "show", "ok.html"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("成员国重申"));
}

/// A GB18030 file with one line in UTF-8 that GB18030 would also read (as mojibake) is refused,
/// naming the line; --encoding reads it as asked.
#[test]
fn a_utf8_line_in_a_gb18030_file_is_never_read_silently() {
    let dir = tempfile::tempdir().unwrap();
    let (gb, _, _) = encoding_rs::GB18030.encode("成员国重申坚持和平发展道路。\n成员国支持加强合作。\n");
    let mut bytes = gb.into_owned();
    bytes.extend_from_slice("各方重申\n".as_bytes()); // 12 bytes that GB18030 reads as 鍚勬柟閲嶇敵
    std::fs::write(dir.path().join("mixed.txt"), &bytes).unwrap();
    let out = decldiff(&["corpus", "show", "mixed.txt"], dir.path());
    assert_error(
        &out,
        "mixed.txt: line 3 (byte 50): this line is UTF-8 but the file reads as gb18030: mixed encodings",
    );
    let out = decldiff(&["corpus", "show", "mixed.txt", "--encoding", "gb18030"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
}

/// A malformed catalog and a 5 MiB one leave their collections out, with a warning, and every
/// other collection works; a command on one of them fails with the catalog's error.
#[test]
fn a_broken_collection_affects_only_commands_that_use_it() {
    let corpus_dir = fixtures::corpus_copy();
    let root = corpus_dir.path().to_str().unwrap();
    for name in ["bad", "huge"] {
        std::fs::create_dir(corpus_dir.path().join(name)).unwrap();
    }
    std::fs::write(corpus_dir.path().join("bad/catalog.toml"), "[collection\nname = 1\n").unwrap();
    std::fs::write(corpus_dir.path().join("huge/catalog.toml"), "#".repeat(5 << 20)).unwrap();
    let out = decldiff(&["--corpus", root, "compare"], corpus_dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let warnings = stderr(&out);
    assert!(warnings.contains("warning: collection `bad` skipped: ") && warnings.contains("line 1"), "{warnings}");
    assert!(warnings.contains("warning: collection `huge` skipped: "), "{warnings}");
    let out = decldiff(&["--corpus", root, "corpus", "list"], corpus_dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("sco-2020"));
    let out = decldiff(&["--corpus", root, "corpus", "list", "--collection", "bad"], corpus_dir.path());
    assert_error(&out, "collection `bad` cannot be used: ");
    let out = decldiff(&["--corpus", root, "corpus", "list", "--collection", "huge"], corpus_dir.path());
    assert_error(&out, "file too large (5242880 bytes; the limit is 4194304 bytes) (hint: a catalog of a thousand");
}

/// The 2020 text and an edited copy, written in `dir`: two versions of one text to store.
fn two_versions(dir: &Path) -> Vec<String> {
    let texts = [fixtures::seed(), fixtures::seed().replace("成员国重申，坚定支持联合国", "成员国重申，支持联合国")];
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let path = dir.join(format!("v{i}.txt"));
            std::fs::write(&path, text).unwrap();
            path.to_str().unwrap().to_owned()
        })
        .collect()
}

/// Readers (compare, timeline, check) run against two writers replacing one text with --force
/// for a few seconds: every reader run succeeds, seeing the old text or the new one.
#[test]
fn readers_never_fail_while_two_writers_replace_a_text() {
    let corpus_dir = fixtures::corpus_copy();
    let root = corpus_dir.path().to_str().unwrap().to_owned();
    let inputs = tempfile::tempdir().unwrap();
    let files = two_versions(inputs.path());
    let run = |args: &[&str]| {
        crate::bin::decldiff().args(args).env("NO_COLOR", "1").env("DECLDIFF_CACHE", "off").output().unwrap()
    };
    let add = |file: &str| {
        run(&[
            "--corpus",
            &root,
            "corpus",
            "add",
            file,
            "--collection",
            "sco",
            "--id",
            "sco-2019",
            "--date",
            "2019-06-14",
            "--force",
        ])
    };
    assert!(add(&files[0]).status.success());
    let stop = std::sync::atomic::AtomicBool::new(false);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(4);
    let failures = std::sync::Mutex::new(Vec::new());
    let runs = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for writer in 0..2 {
            let (add, files, stop) = (&add, &files, &stop);
            scope.spawn(move || {
                let mut k = writer;
                while std::time::Instant::now() < deadline {
                    assert!(add(&files[k % 2]).status.success());
                    k += 1;
                }
                stop.store(true, std::sync::atomic::Ordering::SeqCst);
            });
        }
        let readers: [&[&str]; 3] =
            [&["compare", "sco-2019", "sco-2020"], &["timeline", "--collection", "sco"], &["corpus", "check"]];
        for reader in readers {
            let (run, root, stop, failures, runs) = (&run, &root, &stop, &failures, &runs);
            scope.spawn(move || {
                while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                    let mut args = vec!["--corpus", root.as_str()];
                    args.extend_from_slice(reader);
                    let out = run(&args);
                    runs.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    if !out.status.success() {
                        failures.lock().unwrap().push(format!("{reader:?}: {}", stderr(&out)));
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(failures.is_empty(), "{} of {} reader runs failed: {failures:?}", failures.len(), runs.into_inner());
}

/// Through the binary: a user's `catalog.toml.absent` and `catalog.toml.prev` are left alone
/// by `check --repair` and `add`, and the catalog keeps every entry; an index temporary left an
/// hour ago is reported and repaired.
#[test]
fn repair_touches_only_what_decldiff_wrote() {
    let corpus_dir = fixtures::corpus_copy();
    let root = corpus_dir.path().to_str().unwrap();
    let sco = corpus_dir.path().join("sco");
    for name in ["catalog.toml.absent", "catalog.toml.prev"] {
        std::fs::write(sco.join(name), b"mine").unwrap();
    }
    let out = decldiff(&["--corpus", root, "corpus", "check", "--repair"], corpus_dir.path());
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), stderr(&out));
    let seed = fixtures::seed_path();
    let out = decldiff(
        &["--corpus", root, "corpus", "add", seed.to_str().unwrap(), "--collection", "sco", "--id", "sco-2019"],
        corpus_dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let list =
        decldiff(&["--corpus", root, "corpus", "list", "--collection", "sco", "--format", "json"], corpus_dir.path());
    let value: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(value["entries"].as_array().unwrap().len(), 25);
    for name in ["catalog.toml.absent", "catalog.toml.prev"] {
        assert_eq!(std::fs::read(sco.join(name)).unwrap(), b"mine");
    }
    let temp = sco.join(".index/ab/.ab12.bin.tmp-Xy9");
    std::fs::create_dir_all(temp.parent().unwrap()).unwrap();
    std::fs::write(&temp, b"half").unwrap();
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options().write(true).open(&temp).unwrap().set_modified(an_hour_ago).unwrap();
    let out = decldiff(&["--corpus", root, "corpus", "check"], corpus_dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains(".ab12.bin.tmp-Xy9"), "{}", stdout(&out));
    let out = decldiff(&["--corpus", root, "corpus", "check", "--repair"], corpus_dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(!temp.exists());
}

/// `corpus add --force` killed (SIGKILL) at random moments: after each kill, before any
/// repair, the text reads; `check --repair` then leaves no problem.
#[cfg(unix)]
#[test]
fn writes_killed_at_random_leave_a_readable_corpus() {
    let corpus_dir = fixtures::corpus_copy();
    let root = corpus_dir.path().to_str().unwrap().to_owned();
    let inputs = tempfile::tempdir().unwrap();
    let files = two_versions(inputs.path());
    let add = |file: &str| {
        let args = ["--corpus", &root, "corpus", "add", file, "--collection", "sco", "--id", "sco-2019", "--force"];
        crate::bin::decldiff()
            .args(args)
            .env("DECLDIFF_CACHE", "off")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    assert!(add(&files[0]).wait().unwrap().success());
    for round in 0..24u64 {
        let mut child = add(&files[(round % 2) as usize]);
        // Deterministic spread of kill times over a write's life (a few to ~60 ms).
        std::thread::sleep(std::time::Duration::from_millis(2 + (round * 37) % 60));
        let _ = child.kill();
        let _ = child.wait();
        let show = decldiff(&["--corpus", &root, "corpus", "show", "sco-2019"], corpus_dir.path());
        assert_eq!(show.status.code(), Some(0), "round {round}: {}", stderr(&show));
    }
    let out = decldiff(&["--corpus", &root, "corpus", "check", "--repair"], corpus_dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let out = decldiff(&["--corpus", &root, "corpus", "check"], corpus_dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

/// An English text is refused with the share of Chinese characters, not compared as 123
/// removed paragraphs; ids are suggested whatever their case and punctuation, closest first.
#[test]
fn non_chinese_text_and_id_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    let english =
        "The member states reaffirmed their commitment to the purposes and principles of the Charter.\n".repeat(20);
    std::fs::write(dir.path().join("english.txt"), english).unwrap();
    let out = decldiff(&["compare", "sco-2020", "english.txt"], dir.path());
    assert_error(&out, "english.txt: not a Chinese text: 0 % of its letters are Chinese characters");
    for (typed, expected) in [
        ("sco2020", "did you mean sco-2020, sco-2020-rev1?"),
        ("SCO-2020", "did you mean sco-2020, sco-2020-rev1?"),
        ("sco-2099", "did you mean sco-2009, sco-2019?"),
    ] {
        let out = decldiff(&["corpus", "show", typed], dir.path());
        assert_error(&out, expected);
    }
}
