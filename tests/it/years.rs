//! Year over year: our illustrative consecutive declarations (tests/data/years/, hand gold)
//! read and aligned as the binary does; a text against its own headingless copy; themes that
//! depend only on their own document.

use std::collections::BTreeMap;

use decldiff::align::LinkKind;
use decldiff::lab::eval::{self, Gold};
use decldiff::session::{Session, SessionOptions};

use crate::fixtures;

fn session() -> Session {
    let options = SessionOptions { corpus: Some(fixtures::repo().join("corpora")), ..SessionOptions::default() };
    Session::open(&options).unwrap()
}

fn kind_recall(scores: &eval::AlignScores, kind: LinkKind) -> f64 {
    scores.kinds.iter().find(|k| k.kind == kind).map_or(1.0, |k| k.recall)
}

/// The dev pairs (tuned on) and the held-out pairs (each measured once, pairs 3–6 before the
/// fixes they prompted, pair 7 at the targets; docs/accuracy.md; asserted here since).
#[test]
fn year_pairs_meet_the_targets() {
    let session = session();
    let pairs = [
        "dev/pair1",
        "dev/pair2",
        "heldout/pair3",
        "heldout2/pair4",
        "heldout3/pair5",
        "heldout4/pair6",
        "heldout5/pair7",
    ];
    for pair in pairs {
        let dir = fixtures::repo().join("tests/data/years").join(pair);
        let old = session.load(dir.join("old.txt").to_str().unwrap()).unwrap();
        let new = session.load(dir.join("new.txt").to_str().unwrap()).unwrap();
        let gold = Gold::read(&dir.join("gold.json"), old.document.blocks.len(), new.document.blocks.len())
            .unwrap_or_else(|e| panic!("{pair}: {e}"));
        let found = session.align(&old.document, &new.document);
        let scores = eval::score(&found, &gold);
        assert!(scores.links.f1 >= 0.99, "{pair}: link F1 {}", scores.links.f1);
        assert!(scores.deleted.f1 >= 0.97 && scores.added.f1 >= 0.97, "{pair}: {scores:?}");
        for kind in [LinkKind::Split, LinkKind::Merge, LinkKind::Reworded, LinkKind::MovedReworded] {
            // Annual updates and rewrites are reworded links: all found.
            assert_eq!(kind_recall(&scores, kind), 1.0, "{pair}: {kind:?} {scores:?}");
        }
    }
}

fn without_headings(text: &str) -> String {
    let headings = ["安全合作", "议会合作", "司法合作", "经贸合作", "人文合作", "国际交往"];
    text.lines()
        .filter(|l| !headings.contains(&l.trim_matches(|c: char| c.is_whitespace())))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// A text against its own copy without headings: the same paragraphs in the same order, so
/// all identical and none moved, whatever themes content gives the copy.
#[test]
fn a_text_and_its_headingless_copy_are_identical_paragraph_for_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain.txt");
    std::fs::write(&path, without_headings(&fixtures::seed())).unwrap();
    let session = session();
    let (old, new) = (session.load("sco-2020").unwrap(), session.load(path.to_str().unwrap()).unwrap());
    let alignment = session.align(&old.document, &new.document);
    let paragraphs = new.document.iter_paragraphs().count();
    let identical = alignment.links.iter().filter(|l| l.kind == LinkKind::Identical).count();
    assert!(alignment.links.iter().all(|l| l.kind == LinkKind::Identical), "{:?}", alignment.links);
    assert!(identical >= paragraphs && alignment.added.is_empty(), "{identical} of {paragraphs}");
    let report = session.compare(&old, &new);
    assert_eq!((report.total.moved_in, report.total.moved_out, report.total.reworded), (0, 0, 0), "{:?}", report.total);
}

/// The paragraphs of a document, per theme, as one comparison counts them.
fn themes_of(report: &decldiff::report::Report, side_new: bool) -> BTreeMap<String, usize> {
    report
        .themes
        .iter()
        .map(|t| (t.theme.clone(), if side_new { t.paragraphs_new } else { t.paragraphs_old }))
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// A text without titled sections gets the same themes whichever document it is compared
/// with, as NEW or as OLD.
#[test]
fn themes_depend_only_on_their_own_document() {
    let session = session();
    let numbered = fixtures::repo().join("tests/data/years/dev/pair2/new.txt");
    let numbered = session.load(numbered.to_str().unwrap()).unwrap();
    let others = [
        session.load("sco-2020").unwrap(),
        session.load(fixtures::repo().join("tests/data/years/dev/pair1/old.txt").to_str().unwrap()).unwrap(),
        session.load(fixtures::repo().join("tests/data/years/dev/pair2/old.txt").to_str().unwrap()).unwrap(),
    ];
    let reference = themes_of(&session.compare(&others[0], &numbered), true);
    assert!(reference.len() >= 5, "{reference:?}");
    for other in &others {
        assert_eq!(themes_of(&session.compare(other, &numbered), true), reference);
        assert_eq!(themes_of(&session.compare(&numbered, other), false), reference);
    }
}

/// The token cache keeps the built-in themes: a warm load has the same themes as a cold one,
/// and a session with its own taxonomy themes the cached document anew.
#[test]
fn cached_documents_keep_their_themes_and_a_taxonomy_of_ones_own_replaces_them() {
    let cache = tempfile::tempdir().unwrap();
    let options = SessionOptions {
        corpus: Some(fixtures::repo().join("corpora")),
        cache: decldiff::corpus::TokenCache::at(cache.path()),
        ..SessionOptions::default()
    };
    let numbered = fixtures::repo().join("tests/data/years/dev/pair2/new.txt");
    let spec = numbered.to_str().unwrap();
    let themes = |session: &Session| -> Vec<(String, Option<f64>)> {
        let loaded = session.load(spec).unwrap();
        loaded.document.iter_paragraphs().map(|b| (b.theme.clone(), b.theme_confidence)).collect()
    };
    let session = Session::open(&options).unwrap();
    let cold = themes(&session);
    assert!(std::fs::read_dir(cache.path()).unwrap().next().is_some(), "the cache was written");
    assert_eq!(themes(&Session::open(&options).unwrap()), cold);
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("themes.toml");
    std::fs::write(&own, "[[theme]]\nid = \"all\"\nname = \"全部\"\nsections = []\n[[theme.keywords]]\nweight = 3\nwords = [\"成员国\"]\n")
        .unwrap();
    let session = Session::open(&SessionOptions { themes: Some(own), ..options }).unwrap();
    assert!(themes(&session).iter().all(|(t, _)| t == "全部" || t == "unsure"), "{:?}", themes(&session));
}
