//! The corpus manager: catalogs, `corpus add` (atomic, journaled), `corpus check`.

use std::path::{Path, PathBuf};

use decldiff::corpus::{AddRequest, Catalog, Corpus, WriteStep, sha256_hex};
use decldiff::segment::ReadOptions;

use crate::fixtures;

fn request(file: &Path, id: &str) -> AddRequest {
    AddRequest {
        file: file.to_owned(),
        collection: "sco".to_owned(),
        id: id.to_owned(),
        date: None,
        title: None,
        sources: Vec::new(),
        status: None,
        force: false,
        read: ReadOptions::default(),
        fetched: None,
        fail_after: None,
    }
}

fn write_input(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn shipped_catalog_lists_25_declarations_and_is_canonical() {
    let path = fixtures::repo().join("corpora/sco/catalog.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let catalog = Catalog::parse(&path, &text).unwrap();
    assert_eq!(catalog.entries.len(), 25);
    let years: Vec<i32> = catalog.entries.iter().filter_map(|e| e.year()).collect();
    assert_eq!(years, (2001..=2025).collect::<Vec<_>>());
    let present: Vec<&str> = catalog.entries.iter().filter(|e| e.present).map(|e| e.id.as_str()).collect();
    assert_eq!(present, ["sco-2020"]);
    // The file is exactly what `corpus add` would write back, so adding a text changes only
    // that entry's lines.
    for path in [path, fixtures::repo().join("corpora/examples/catalog.toml")] {
        let text = std::fs::read_to_string(&path).unwrap();
        let catalog = Catalog::parse(&path, &text).unwrap();
        if std::env::var_os("DECLDIFF_BLESS").is_some() {
            std::fs::write(&path, catalog.to_toml()).unwrap();
            continue;
        }
        assert_eq!(
            catalog.to_toml(),
            text,
            "{}: run DECLDIFF_BLESS=1 cargo test --test it shipped_catalog",
            path.display()
        );
    }
}

#[test]
fn shipped_text_matches_its_checksum() {
    let corpus = Corpus::open(&fixtures::repo().join("corpora")).unwrap();
    let (collection, entry) = corpus.find("sco-2020").unwrap();
    let bytes = collection.text_bytes(entry).unwrap();
    assert_eq!(Some(sha256_hex(&bytes)), entry.sha256);
    assert_eq!(Some(bytes.len() as u64), entry.bytes);
    // The built-in copy is the same corpus.
    let builtin = Corpus::embedded();
    let (c, e) = builtin.find("sco/sco-2020").unwrap();
    assert_eq!(c.text_bytes(e).unwrap(), bytes);
    let (problems, _) = Corpus::check(&fixtures::repo().join("corpora"), None, false).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn add_then_check_round_trips() {
    let corpus_dir = fixtures::corpus_copy();
    let inputs = tempfile::tempdir().unwrap();
    let big5 =
        fixtures::encode(encoding_rs::BIG5, &fixtures::to_traditional(&fixtures::html_page(&fixtures::seed(), "big5")));
    let file = write_input(inputs.path(), "moscow-big5.html", &big5);
    let mut req = request(&file, "sco-2020-big5");
    req.date = Some("2020-11-10".to_owned());
    req.title = Some("上海合作组织成员国元首理事会莫斯科宣言".to_owned());
    let outcome = Corpus::add(corpus_dir.path(), &req).unwrap();
    // The page's title is kept as a block of its own: one more than the clean text's 139.
    assert_eq!((outcome.blocks, outcome.paragraphs, outcome.replaced), (140, 123, false));
    let (problems, _) = Corpus::check(corpus_dir.path(), None, false).unwrap();
    assert!(problems.is_empty(), "{problems:?}");

    // The stored text is clean UTF-8, keeps its Traditional characters, and reads to the
    // same keys as the original.
    let corpus = Corpus::open(corpus_dir.path()).unwrap();
    let stored = corpus.load("sco-2020-big5", ReadOptions::default()).unwrap();
    let original = corpus.load("sco-2020", ReadOptions::default()).unwrap();
    assert!(stored.document.blocks[0].text.contains("組織"));
    // The page's title is stored too, as the first block.
    assert_eq!(stored.document.blocks[0].kind, decldiff::segment::BlockKind::Title);
    let keys = |d: &decldiff::segment::Document| d.blocks.iter().map(|b| b.key.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&stored.document)[1..], keys(&original.document));
    let (_, entry) = stored.entry.unwrap();
    assert_eq!(entry.import.map(|i| (i.encoding, i.format)), Some(("Big5".to_owned(), "html".to_owned())));
    assert_eq!(entry.date.as_deref(), Some("2020-11-10"));
    // The input was only read.
    assert_eq!(std::fs::read(&file).unwrap(), big5);
}

#[test]
fn add_refuses_to_overwrite_without_force() {
    let corpus_dir = fixtures::corpus_copy();
    let before = std::fs::read(corpus_dir.path().join("sco/catalog.toml")).unwrap();
    let err = Corpus::add(corpus_dir.path(), &request(&fixtures::seed_path(), "sco-2020")).unwrap_err().to_string();
    assert!(err.contains("sco-2020.zh.txt: a text for `sco-2020` is already stored (hint: pass --force"), "{err}");
    assert_eq!(std::fs::read(corpus_dir.path().join("sco/catalog.toml")).unwrap(), before);
    let mut forced = request(&fixtures::seed_path(), "sco-2020");
    forced.force = true;
    assert!(Corpus::add(corpus_dir.path(), &forced).unwrap().replaced);
}

#[test]
fn add_refuses_ids_that_could_escape() {
    let corpus_dir = fixtures::corpus_copy();
    for id in ["../evil", "/etc/passwd", "Sco-2020", "a/b", "", "x.txt"] {
        let err = Corpus::add(corpus_dir.path(), &request(&fixtures::seed_path(), id)).unwrap_err().to_string();
        assert!(err.starts_with(&format!("invalid id `{id}`")), "{err}");
    }
    let mut bad_collection = request(&fixtures::seed_path(), "ok");
    bad_collection.collection = "../x".to_owned();
    assert!(Corpus::add(corpus_dir.path(), &bad_collection).is_err());
    assert!(!corpus_dir.path().join("../x").exists() || corpus_dir.path().parent().is_none());
}

#[test]
fn bad_input_leaves_the_corpus_untouched() {
    let corpus_dir = fixtures::corpus_copy();
    let inputs = tempfile::tempdir().unwrap();
    let before = std::fs::read(corpus_dir.path().join("sco/catalog.toml")).unwrap();
    let mut truncated = fixtures::seed().lines().take(5).collect::<Vec<_>>().join("\n").into_bytes();
    truncated.extend_from_slice(&[0xE7, 0x94]); // the first two bytes of a three-byte character
    let file = write_input(inputs.path(), "cut.txt", &truncated);
    assert!(Corpus::add(corpus_dir.path(), &request(&file, "sco-2017")).is_err());
    assert_eq!(std::fs::read(corpus_dir.path().join("sco/catalog.toml")).unwrap(), before);
    assert!(!corpus_dir.path().join("sco/sco-2017.zh.txt").exists());
}

/// Injects a crash after every step of a write, for a new text and for a replacement, and
/// checks that the catalog stays readable, that the state is the old one until the catalog
/// rename commits and the new one after, and that repair leaves no problem.
#[test]
fn interrupted_writes_leave_a_valid_catalog_and_recover() {
    let steps = [
        WriteStep::TextStaged,
        WriteStep::CatalogStaged,
        WriteStep::Journaled,
        WriteStep::TextReplaced,
        WriteStep::CatalogReplaced,
    ];
    let inputs = tempfile::tempdir().unwrap();
    let edited = fixtures::seed().replace("成员国重申，坚定支持联合国", "成员国重申，支持联合国");
    let new_file = write_input(inputs.path(), "edited.txt", edited.as_bytes());
    for replace in [false, true] {
        for step in steps {
            let corpus_dir = fixtures::corpus_copy();
            let root = corpus_dir.path();
            let id = if replace { "sco-2020" } else { "sco-2019" };
            let text_path = root.join(format!("sco/{id}.zh.txt"));
            let old_text = std::fs::read(&text_path).ok();
            let old_catalog = std::fs::read_to_string(root.join("sco/catalog.toml")).unwrap();
            let mut req = request(&new_file, id);
            req.force = replace;
            req.fail_after = Some(step);
            let err = Corpus::add(root, &req).unwrap_err();
            assert!(err.to_string().contains("injected failure"), "{err}");

            // Before any repair, the entry reads: the old text until the commit, the new after.
            if let Ok(corpus) = Corpus::open(root)
                && let Some((collection, entry)) = corpus.find(id)
                && entry.present
            {
                let bytes = collection.text_bytes(entry).unwrap_or_else(|e| panic!("{step:?} replace={replace}: {e}"));
                assert_eq!(Some(sha256_hex(&bytes)), entry.sha256);
            }
            // Whatever the step, the catalog parses and is either the old or the new one.
            let catalog_text = std::fs::read_to_string(root.join("sco/catalog.toml")).unwrap();
            let catalog = Catalog::parse(Path::new("catalog.toml"), &catalog_text).unwrap();
            let committed = step == WriteStep::CatalogReplaced;
            assert_eq!(catalog_text == old_catalog, !committed, "{step:?} replace={replace}");

            let (_, repaired) = Corpus::check(root, None, true).unwrap();
            let (problems, _) = Corpus::check(root, None, false).unwrap();
            assert!(problems.is_empty(), "{step:?} replace={replace}: {problems:?} after {repaired:?}");
            let now = std::fs::read(&text_path).ok();
            if committed {
                let now = String::from_utf8(now.expect("committed text")).unwrap();
                assert!(now.contains("成员国重申，支持联合国"), "{step:?}: the new text is in place");
                assert_eq!(catalog.entry(id).unwrap().sha256, Some(sha256_hex(now.as_bytes())));
            } else {
                assert!(now == old_text, "{step:?} replace={replace}: the old state must come back");
            }
            // No leftovers once repaired.
            let names: Vec<String> = std::fs::read_dir(root.join("sco"))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            assert!(names.iter().all(|n| !n.contains(".tmp-")), "{names:?}");
            let journal: Vec<_> = std::fs::read_dir(root.join("sco/.decldiff")).map_or(Vec::new(), |d| d.collect());
            assert!(journal.is_empty(), "{step:?} replace={replace}: {journal:?}");
        }
    }
}

#[test]
fn check_finds_truncated_changed_missing_and_malformed() {
    let corpus_dir = fixtures::corpus_copy();
    let root = corpus_dir.path();
    let text = root.join("sco/sco-2020.zh.txt");
    let seed = std::fs::read(&text).unwrap();

    std::fs::write(&text, &seed[..1000]).unwrap();
    let (problems, _) = Corpus::check(root, None, false).unwrap();
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].to_string().contains("sco-2020: text truncated: 1000 of 35136 bytes (hint: restore the text"),
        "{}",
        problems[0]
    );

    let mut changed = seed.clone();
    changed[100] = b'X';
    std::fs::write(&text, &changed).unwrap();
    let (problems, _) = Corpus::check(root, None, false).unwrap();
    assert!(problems[0].what.starts_with("text changed"), "{}", problems[0]);

    std::fs::remove_file(&text).unwrap();
    let (problems, _) = Corpus::check(root, None, false).unwrap();
    assert_eq!(problems[0].what, "text missing");

    std::fs::write(&text, &seed).unwrap();
    std::fs::write(root.join("sco/catalog.toml"), "[collection]\nname = \"sco\"\ntitle = \n").unwrap();
    let (problems, _) = Corpus::check(root, None, false).unwrap();
    assert!(problems[0].to_string().contains("catalog.toml: malformed catalog: line 3"), "{}", problems[0]);
}

#[test]
fn unknown_ids_get_suggestions() {
    let corpus = Corpus::embedded();
    let err = corpus.load("sco-202", ReadOptions::default()).unwrap_err().to_string();
    assert!(err.starts_with("sco-202: no such corpus id or file (hint: did you mean sco-2020"), "{err}");
    let err = corpus.load("sco-2017", ReadOptions::default()).unwrap_err().to_string();
    assert!(err.contains("the text of `sco-2017` is not in the corpus (present = false)"), "{err}");
}

#[cfg(unix)]
#[test]
fn writes_never_follow_symbolic_links() {
    let corpus_dir = fixtures::corpus_copy();
    let outside = tempfile::tempdir().unwrap();
    // A collection folder that is a link is refused.
    std::os::unix::fs::symlink(outside.path(), corpus_dir.path().join("linked")).unwrap();
    let mut req = request(&fixtures::seed_path(), "x");
    req.collection = "linked".to_owned();
    let err = Corpus::add(corpus_dir.path(), &req).unwrap_err().to_string();
    assert!(err.contains("symbolic link"), "{err}");
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
    // A stored text that is a link is replaced by a file, never written through.
    let target = outside.path().join("victim.txt");
    std::fs::write(&target, "untouched").unwrap();
    let text = corpus_dir.path().join("sco/sco-2020.zh.txt");
    std::fs::remove_file(&text).unwrap();
    std::os::unix::fs::symlink(&target, &text).unwrap();
    let mut forced = request(&fixtures::seed_path(), "sco-2020");
    forced.force = true;
    Corpus::add(corpus_dir.path(), &forced).unwrap();
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "untouched");
    assert!(!std::fs::symlink_metadata(&text).unwrap().file_type().is_symlink());
}

/// A temporary file left by an index write that never finished is reported by `check` and
/// removed by `--repair` (and by the next write), never left to accumulate.
#[test]
fn index_temporaries_are_reported_and_repaired() {
    let corpus_dir = fixtures::corpus_copy();
    let root = corpus_dir.path();
    let shard = root.join("sco/.index/ab");
    std::fs::create_dir_all(&shard).unwrap();
    let temp = shard.join(".ab12.bin.tmp-Xy9");
    std::fs::write(&temp, b"half an entry").unwrap();
    // A young one may be a reader's write in progress: left alone.
    assert!(Corpus::check(root, None, false).unwrap().0.is_empty());
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options().write(true).open(&temp).unwrap().set_modified(an_hour_ago).unwrap();
    let (problems, _) = Corpus::check(root, None, false).unwrap();
    assert!(
        problems
            .iter()
            .any(|p| p.to_string().contains(".ab12.bin.tmp-Xy9") && p.to_string().contains("temporary file")),
        "{problems:?}"
    );
    let (_, repaired) = Corpus::check(root, None, true).unwrap();
    assert!(repaired.iter().any(|r| r.contains(".ab12.bin.tmp-Xy9")), "{repaired:?}");
    assert!(!temp.exists());
    assert!(Corpus::check(root, None, false).unwrap().0.is_empty());
}

/// Every `.bin` entry under a collection's index.
fn index_entries(collection: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for shard in std::fs::read_dir(collection.join(".index")).unwrap() {
        for entry in std::fs::read_dir(shard.unwrap().path()).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "bin") {
                found.push(path);
            }
        }
    }
    found
}

/// An index entry of one text put under another text's key, its inner key rewritten and its
/// trailer recomputed without the user's secret, is never trusted: the comparison still sees
/// the two texts differ, `check` names the entry, `--repair` removes it.
#[test]
fn a_forged_index_entry_is_never_trusted() {
    let corpus_dir = fixtures::corpus_copy();
    let root = corpus_dir.path();
    let inputs = tempfile::tempdir().unwrap();
    let edited = fixtures::seed().replace("成员国重申，坚定支持联合国", "成员国重申，支持联合国");
    let file = write_input(inputs.path(), "edited.txt", edited.as_bytes());
    Corpus::add(root, &request(&file, "sco-2019")).unwrap();
    let compare = || {
        let args = ["--corpus", root.to_str().unwrap(), "compare", "sco-2020", "sco-2019", "--exit-code"];
        crate::bin::decldiff().args(args).env("NO_COLOR", "1").output().unwrap().status.code()
    };
    assert_eq!(compare(), Some(1), "the texts differ");
    let entries = index_entries(&root.join("sco"));
    assert_eq!(entries.len(), 2, "{entries:?}");
    let contains = |bytes: &[u8], needle: &str| bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
    let (old, new): (Vec<_>, Vec<_>) =
        entries.iter().partition(|p| contains(&std::fs::read(p).unwrap(), "成员国重申，坚定支持联合国"));
    let (old, new) = (old[0], new[0]);
    let key = |p: &Path| p.file_stem().unwrap().to_string_lossy().into_owned();
    let old_bytes = std::fs::read(old).unwrap();
    let body = &old_bytes[..old_bytes.len() - 16];
    let position = body.windows(64).position(|w| w == key(old).as_bytes()).expect("the inner key");
    let mut forged = body.to_vec();
    forged[position..position + 64].copy_from_slice(key(new).as_bytes());
    // The best an attacker without the secret can do: a MAC under a key of their choosing.
    let mut hasher = siphasher::sip128::SipHasher24::new_with_key(&[0; 16]);
    std::hash::Hasher::write(&mut hasher, &forged);
    forged.extend_from_slice(&siphasher::sip128::Hasher128::finish128(&hasher).as_bytes());
    std::fs::write(new, &forged).unwrap();

    let (problems, _) = Corpus::check(root, None, false).unwrap();
    assert!(problems.iter().any(|p| p.to_string().contains("index entry that does not check")), "{problems:?}");
    assert_eq!(compare(), Some(1), "a forged entry must not make two different texts equal");
    // The comparison rebuilt the entry; a forged one again is removed by repair.
    std::fs::write(new, &forged).unwrap();
    let (_, repaired) = Corpus::check(root, None, true).unwrap();
    assert!(repaired.iter().any(|r| r.contains("removed an index entry")), "{repaired:?}");
    assert!(Corpus::check(root, None, false).unwrap().0.is_empty());
}

/// Files a user keeps beside the catalog and the texts (`catalog.toml.absent`,
/// `catalog.toml.prev`, `sco-2020.zh.txt.prev`) are never taken for a journal: repair and the
/// next write leave them and the catalog alone.
#[test]
fn a_users_files_are_never_taken_for_a_journal() {
    let corpus_dir = fixtures::corpus_copy();
    let root = corpus_dir.path();
    let sco = root.join("sco");
    let catalog = std::fs::read(sco.join("catalog.toml")).unwrap();
    for name in ["catalog.toml.absent", "catalog.toml.prev", "sco-2020.zh.txt.prev"] {
        std::fs::write(sco.join(name), b"a user's own file").unwrap();
    }
    Corpus::check(root, None, true).unwrap();
    assert_eq!(std::fs::read(sco.join("catalog.toml")).unwrap(), catalog, "repair left the catalog");
    let inputs = tempfile::tempdir().unwrap();
    let file = write_input(inputs.path(), "new.txt", fixtures::seed().as_bytes());
    Corpus::add(root, &request(&file, "sco-2019")).unwrap();
    let after = Catalog::read(&sco.join("catalog.toml")).unwrap();
    assert_eq!(after.entries.len(), 25, "every entry kept, the new one stored");
    for name in ["catalog.toml.absent", "catalog.toml.prev", "sco-2020.zh.txt.prev"] {
        assert_eq!(std::fs::read(sco.join(name)).unwrap(), b"a user's own file", "{name}");
    }
    assert!(Corpus::check(root, None, false).unwrap().0.iter().all(|p| !p.to_string().contains("journal")));
}
