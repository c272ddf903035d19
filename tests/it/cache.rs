//! The token cache: a warm run gives the same output without loading jieba's dictionary, and a
//! damaged entry is never trusted.

use decldiff::corpus::{Corpus, TokenCache};
use decldiff::score::{CompareOptions, compare};
use decldiff::segment::ReadOptions;
use decldiff::tokenize::Tokenizer;

use crate::fixtures;

#[test]
fn warm_documents_need_no_segmenter() {
    let dir = tempfile::tempdir().unwrap();
    let cache = TokenCache::at(dir.path());
    let scratch = crate::series::scratch_corpus();
    let corpus = Corpus::open(scratch.path()).unwrap();
    // Cold: read, tokenized, stored.
    // A fresh tokenizer (an empty user dictionary), so that whether it loads is its own.
    let dictionary = tempfile::tempdir().unwrap();
    let empty = dictionary.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let cold = Tokenizer::with_user_dictionary(&empty).unwrap();
    let old = corpus.load_tokenized("sco-2020", ReadOptions::default(), &cache, &cold).unwrap().document;
    let new = corpus.load_tokenized("examples/sco-2020-rev1", ReadOptions::default(), &cache, &cold).unwrap().document;
    assert!(cold.is_loaded() && old.is_tokenized() && new.is_tokenized());
    // Stored texts are indexed in their collections, not in the user's cache.
    for collection in ["sco", "examples"] {
        assert_eq!(walk(&scratch.path().join(collection).join(".index")).len(), 1, "{collection}");
    }
    assert!(walk(dir.path()).is_empty());
    let expected = compare(&old, &new, &cold, &CompareOptions::default());

    // Warm: a fresh tokenizer is never loaded, through reading and the whole comparison.
    let warm = Tokenizer::with_user_dictionary(&empty).unwrap();
    let old = corpus.load_tokenized("sco-2020", ReadOptions::default(), &cache, &warm).unwrap().document;
    let new = corpus.load_tokenized("examples/sco-2020-rev1", ReadOptions::default(), &cache, &warm).unwrap().document;
    assert_eq!(old.name, "sco-2020");
    let report = compare(&old, &new, &warm, &CompareOptions::default());
    assert!(!warm.is_loaded(), "a warm comparison must not load jieba's dictionary");
    assert_eq!(report, expected);
}

#[test]
fn warm_runs_print_the_same_and_damaged_entries_are_rewritten() {
    let cache = tempfile::tempdir().unwrap();
    let scratch = crate::series::scratch_corpus();
    let run = |args: &[&str]| crate::bin::decldiff().args(args).env("DECLDIFF_CACHE", cache.path()).output().unwrap();
    let corpus = scratch.path().to_str().unwrap();
    let files = ["compare", "tests/fixtures/case01.old.txt", "tests/fixtures/case01.new.txt", "--format", "json"];
    let stored = ["--corpus", corpus, "compare", "--format", "json"];
    for args in [&files[..], &stored[..]] {
        let cold = run(args);
        assert_eq!(cold.status.code(), Some(0));
        // Files go to the user's cache; stored texts to their collections' index.
        let entries: Vec<_> = if args == files {
            walk(cache.path())
        } else {
            [walk(&scratch.path().join("sco/.index")), walk(&scratch.path().join("examples/.index"))].concat()
        };
        assert_eq!(entries.len(), 2, "{entries:?}");
        assert_eq!(run(args).stdout, cold.stdout);
        let sound: Vec<Vec<u8>> = entries.iter().map(|entry| std::fs::read(entry).unwrap()).collect();
        // Damaged three ways: not an entry, cut short, one byte changed. Each time the output
        // is the same and the entry is written again whole.
        type Damage = fn(&[u8]) -> Vec<u8>;
        let damages: [Damage; 3] = [
            |_| b"{\"key\": \"damaged\"".to_vec(),
            |bytes| bytes[..bytes.len() / 2].to_vec(),
            |bytes| {
                let mut bytes = bytes.to_vec();
                let middle = bytes.len() / 2;
                bytes[middle] ^= 1;
                bytes
            },
        ];
        for damage in damages {
            for (entry, bytes) in entries.iter().zip(&sound) {
                std::fs::write(entry, damage(bytes)).unwrap();
            }
            assert_eq!(run(args).stdout, cold.stdout);
            for (entry, bytes) in entries.iter().zip(&sound) {
                assert_eq!(&std::fs::read(entry).unwrap(), bytes, "rewritten: {entry:?}");
            }
        }
    }
    // The index is not part of the catalog: `corpus check` is content with it.
    let check = run(&["--corpus", corpus, "corpus", "check"]);
    assert_eq!(check.status.code(), Some(0), "{}", String::from_utf8_lossy(&check.stdout));
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}

#[test]
fn a_file_loads_the_same_without_the_corpus() {
    let cache = tempfile::tempdir().unwrap();
    let cache = TokenCache::at(cache.path());
    let path = fixtures::repo().join("tests/fixtures/case01.new.txt");
    let spec = path.to_str().unwrap();
    assert!(Corpus::names_a_file(spec));
    assert!(!Corpus::names_a_file("sco-2020") && !Corpus::names_a_file("tests/fixtures/none.txt"));
    let corpus = Corpus::open(&fixtures::repo().join("corpora")).unwrap();
    for _ in 0..2 {
        // Cold, then from the cache.
        let through_corpus = corpus.load_tokenized(spec, ReadOptions::default(), &cache, Tokenizer::shared()).unwrap();
        let alone =
            decldiff::corpus::load_file_tokenized(&path, ReadOptions::default(), &cache, Tokenizer::shared()).unwrap();
        assert_eq!(alone.document, through_corpus.document);
        assert_eq!(alone.profile, through_corpus.profile);
        assert!(alone.entry.is_none() && alone.profile.is_some());
    }
}
