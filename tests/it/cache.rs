//! The token cache: a warm run gives the same output without loading jieba's dictionary, and a
//! damaged entry is never trusted.

use std::process::Command;

use decldiff::corpus::{Corpus, TokenCache};
use decldiff::score::{CompareOptions, compare};
use decldiff::segment::ReadOptions;
use decldiff::tokenize::Tokenizer;

use crate::fixtures;

#[test]
fn warm_documents_need_no_segmenter() {
    let dir = tempfile::tempdir().unwrap();
    let cache = TokenCache::at(dir.path());
    let corpus = Corpus::open(&fixtures::repo().join("corpora")).unwrap();
    // Cold: read, tokenized, stored.
    let cold = Tokenizer::with_user_dictionary(std::path::Path::new("/dev/null")).unwrap();
    let old = corpus.load_tokenized("sco-2020", ReadOptions::default(), &cache, &cold).unwrap().document;
    let new = corpus.load_tokenized("examples/sco-2020-rev1", ReadOptions::default(), &cache, &cold).unwrap().document;
    assert!(cold.is_loaded() && old.is_tokenized() && new.is_tokenized());
    let expected = compare(&old, &new, &cold, &CompareOptions::default());

    // Warm: a fresh tokenizer is never loaded, through reading and the whole comparison.
    let warm = Tokenizer::with_user_dictionary(std::path::Path::new("/dev/null")).unwrap();
    let old = corpus.load_tokenized("sco-2020", ReadOptions::default(), &cache, &warm).unwrap().document;
    let new = corpus.load_tokenized("examples/sco-2020-rev1", ReadOptions::default(), &cache, &warm).unwrap().document;
    assert_eq!(old.name, "sco-2020");
    let report = compare(&old, &new, &warm, &CompareOptions::default());
    assert!(!warm.is_loaded(), "a warm comparison must not load jieba's dictionary");
    assert_eq!(report, expected);
}

#[test]
fn warm_runs_print_the_same_and_damaged_entries_are_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_decldiff"))
            .args(["compare", "--format", "json"])
            .current_dir(fixtures::repo())
            .env("DECLDIFF_CACHE", dir.path())
            .output()
            .unwrap()
    };
    let cold = run();
    assert_eq!(cold.status.code(), Some(0));
    let entries: Vec<_> = walk(dir.path());
    assert_eq!(entries.len(), 2, "{entries:?}");
    assert_eq!(run().stdout, cold.stdout);
    for entry in &entries {
        std::fs::write(entry, "{\"key\": \"damaged\"").unwrap();
    }
    assert_eq!(run().stdout, cold.stdout);
    for entry in &entries {
        let text = std::fs::read_to_string(entry).unwrap();
        assert!(text.starts_with("{\"key\":\"") && text.len() > 1000, "rewritten: {entry:?}");
    }
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
