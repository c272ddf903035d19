//! Themes by content for the six-theme taxonomy (issue 14): the cross-validated dev figure,
//! the taxonomy's errors, a short shuffled text that smoothing must not flatten, section titles,
//! determinism, and `eval themes --set` through the binary.

use std::path::Path;

use decldiff::lab::themes::{FOLDS, evaluate_set, taxonomy_on_sections};
use decldiff::segment::Document;
use decldiff::theme::content::{ContentClassifier, Evidence, UNSURE_BELOW, read_set, training_set};
use decldiff::theme::taxonomy::Taxonomy;

use crate::fixtures;

fn dev_path() -> std::path::PathBuf {
    fixtures::repo().join("tests/data/themes/dev.jsonl")
}

/// A digest of a declaration in 13 paragraphs, themes out of order: what a short summary of a
/// summit looks like. The three condemnations of terrorism must stay security.
const DIGEST: &[(&str, &str)] = &[
    ("成员国强烈谴责一切形式和表现的恐怖主义。", "security"),
    ("成员国支持扩大本币结算份额。", "economy"),
    ("成员国谴责近期发生的恐怖袭击，向遇难者家属表示慰问。", "security"),
    ("成员国支持举办上合组织青年论坛。", "humanitarian"),
    ("成员国支持加强冰川保护和应对气候变化合作。", "environment"),
    ("成员国坚决反对恐怖主义，呼吁切断恐怖融资渠道。", "security"),
    ("元首理事会下次会议将于2026年在比什凯克举行。", "organisation"),
    ("成员国欢迎中吉乌铁路项目开工建设。", "economy"),
    ("成员国重申恪守《联合国宪章》宗旨和原则。", "principles"),
    ("成员国支持开展传统医学合作。", "humanitarian"),
    ("成员国决定给予老挝上合组织对话伙伴地位。", "organisation"),
    ("成员国对咸海干涸的后果表示关切。", "environment"),
    ("成员国支持开展联合禁毒行动。", "security"),
];

#[test]
fn dev_accuracy_cross_validated_stays_above_its_floor() {
    let taxonomy = Taxonomy::builtin();
    let set = read_set(&dev_path(), taxonomy).unwrap();
    assert_eq!(set.len(), 132);
    let scores = evaluate_set("dev", &set, taxonomy, &training_set());
    assert!(scores.method.starts_with(&format!("cross-validated, {FOLDS} folds")), "{}", scores.method);
    // Measured 0.9621 (coverage 0.9773, confident answers 0.9845) when the floor was set.
    assert!(scores.accuracy >= 0.95, "accuracy {}", scores.accuracy);
    assert!(scores.coverage >= 0.95, "coverage {}", scores.coverage);
    assert!(scores.confident_accuracy >= 0.97, "confident {}", scores.confident_accuracy);
    assert!(scores.per_theme.iter().all(|t| t.recall >= 0.85), "{:?}", scores.per_theme);
    assert_eq!(scores.unsure_below, UNSURE_BELOW);
    // A set that is not the training set is classified by one model trained on all of it.
    let other: Vec<_> = set
        .iter()
        .take(10)
        .cloned()
        .map(|mut p| {
            p.id = format!("x{}", p.id);
            p
        })
        .collect();
    assert!(evaluate_set("other", &other, taxonomy, &training_set()).method.starts_with("trained on all 132"));
}

#[test]
fn a_short_shuffled_digest_is_not_flattened() {
    let c = ContentClassifier::builtin();
    let keys: Vec<&str> = DIGEST.iter().map(|(k, _)| *k).collect();
    let in_order = c.classify_sequence(&keys);
    for ((key, theme), a) in DIGEST.iter().zip(&in_order) {
        assert_eq!(a.theme, *theme, "{key}: {a:?}");
        assert!(!a.unsure, "{key}: {a:?}");
    }
    // Reversed, the same themes: neighbours never overrule a paragraph's own clear evidence.
    let reversed: Vec<&str> = keys.iter().rev().copied().collect();
    let back: Vec<String> = c.classify_sequence(&reversed).into_iter().rev().map(|a| a.theme).collect();
    assert_eq!(back, DIGEST.iter().map(|(_, t)| t.to_string()).collect::<Vec<_>>());
    // On the dev set in its (pseudo-random) file order, smoothing changes at most a couple of
    // paragraphs from their own best guess.
    let set = training_set();
    let dev_keys: Vec<String> = set.iter().map(|p| decldiff::normalize::comparison_key(&p.text)).collect();
    let dev_refs: Vec<&str> = dev_keys.iter().map(String::as_str).collect();
    let changed =
        c.classify_sequence(&dev_refs).iter().zip(&dev_refs).filter(|(a, k)| a.theme != c.classify(k).theme).count();
    assert!(changed <= 2, "{changed} paragraphs changed by their neighbours");
}

#[test]
fn titled_sections_give_their_theme_and_the_rest_is_classified() {
    let doc = Document::parse(
        "t",
        "一、政治合作\n成员国将继续加强合作。\n二、经济合作\n成员国愿继续加强合作。\n三、其他事项\n成员国强烈谴责恐怖主义。\n",
    );
    let assigned = ContentClassifier::builtin().classify_document(&doc);
    let got: Vec<(&str, Evidence, f64)> =
        assigned.iter().map(|(_, a)| (a.theme.as_str(), a.evidence, a.confidence)).collect();
    assert_eq!(got[0], ("principles", Evidence::Heading, 1.0));
    assert_eq!(got[1], ("economy", Evidence::Heading, 1.0));
    assert_eq!((got[2].0, got[2].1), ("security", Evidence::Content));
    assert_eq!(assigned.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [1, 3, 5]);
    let t = Taxonomy::builtin();
    assert_eq!(t.theme_of_section("（二）经贸合作"), Some("economy"));
    assert_eq!(t.theme_of_section("生态环境"), Some("environment"));
    assert_eq!(t.theme_of_section("其他事项"), None);
}

#[test]
fn the_2020_text_with_headings_hidden() {
    let doc = Document::parse("sco-2020", &fixtures::seed());
    let scores = taxonomy_on_sections(&doc, ContentClassifier::builtin()).unwrap();
    assert!(scores.paragraphs > 100);
    // Section labels are not the taxonomy's main subjects everywhere (water and the Aral Sea
    // stand under 经贸合作, environmental protection under 人文合作): measured 0.7642 alone,
    // 0.8211 in order.
    assert!(scores.in_order >= 0.78 && scores.in_order >= scores.alone, "{scores:?}");
}

#[test]
fn classification_is_deterministic() {
    let set = training_set();
    let a = ContentClassifier::train(Taxonomy::builtin(), &set);
    let keys: Vec<&str> = DIGEST.iter().map(|(k, _)| *k).collect();
    let first = a.classify_sequence(&keys);
    let handles: Vec<_> = (0..3)
        .map(|_| {
            let set = set.clone();
            let keys = keys.iter().map(|k| k.to_string()).collect::<Vec<_>>();
            std::thread::spawn(move || {
                let b = ContentClassifier::train(Taxonomy::builtin(), &set);
                let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
                (b.classify_sequence(&refs), refs.iter().map(|k| b.probabilities(k)).collect::<Vec<_>>())
            })
        })
        .collect();
    let probabilities: Vec<Vec<f64>> = keys.iter().map(|k| a.probabilities(k)).collect();
    for h in handles {
        let (assignments, p) = h.join().unwrap();
        assert_eq!(assignments, first);
        assert_eq!(p, probabilities, "bit-identical probabilities");
    }
}

#[test]
fn malformed_taxonomy_and_set_files_name_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let taxonomy = dir.path().join("taxonomy.toml");
    std::fs::write(&taxonomy, "[[theme]]\nid = \"a\"\nname = \"甲\"\nkeywords = 3\n").unwrap();
    let err = Taxonomy::read(&taxonomy).unwrap_err().to_string();
    assert!(err.starts_with(&format!("{}: line 4", taxonomy.display())), "{err}");
    let set = dir.path().join("set.jsonl");
    std::fs::write(&set, "{\"id\":\"a\",\"theme\":\"economy\",\"text\":\"贸易\"}\nnot json\n").unwrap();
    let err = read_set(&set, Taxonomy::builtin()).unwrap_err().to_string();
    assert!(err.starts_with(&format!("{}: line 2", set.display())), "{err}");
    assert!(Path::new(&dev_path()).exists());
}

#[test]
fn eval_themes_set_through_the_binary() {
    let out = crate::bin::decldiff()
        .args(["eval", "themes", "--set", "tests/data/themes/dev.jsonl", "--format", "json"])
        .current_dir(fixtures::repo())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["paragraphs"], 132);
    assert!(json["accuracy"].as_f64().unwrap() >= 0.95);
    assert_eq!(json["per_theme"].as_array().unwrap().len(), 6);
    let text = crate::bin::decldiff()
        .args(["eval", "themes", "--set", "tests/data/themes/dev.jsonl", "--verbose"])
        .current_dir(fixtures::repo())
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("accuracy (unsure counted wrong): ") && text.contains("missed or unsure:"), "{text}");
}
