//! The aligner: accuracy on the hand-written and simulated dev sets, against the naive
//! baseline, its invariants (property tests), and its command-line output.

use std::path::Path;

use decldiff::align::{self, AlignOptions, Alignment, LinkKind, baseline};
use decldiff::lab::eval::{self, Gold};
use decldiff::lab::simulate::{self, Edits};
use decldiff::segment::{Document, ReadOptions};
use decldiff::tokenize::Tokenizer;
use proptest::prelude::*;

use crate::fixtures;

fn seed_doc() -> Document {
    Document::parse("sco-2020", &fixtures::seed())
}

fn revision(name: &str) -> (Document, Gold) {
    let dir = fixtures::repo().join("tests/data").join(name);
    let text = std::fs::read_to_string(dir.join("new.txt")).unwrap();
    let new = Document::parse(name, &text);
    let gold = Gold::read(&dir.join("gold.json"), 139, new.blocks.len()).unwrap();
    (new, gold)
}

fn run(old: &Document, new: &Document) -> Alignment {
    align::align(old, new, Tokenizer::shared(), &AlignOptions::default())
}

/// Every block of both documents is in exactly one link or in deleted/added.
fn assert_accounted(a: &Alignment, old_blocks: usize, new_blocks: usize) {
    Gold::from(a).validate(old_blocks, new_blocks).unwrap_or_else(|e| panic!("{e}"));
}

fn kind_recall(scores: &eval::AlignScores, kind: LinkKind) -> f64 {
    scores.kinds.iter().find(|k| k.kind == kind).map_or(1.0, |k| k.recall)
}

#[test]
fn hand_written_revisions_meet_the_targets_and_beat_the_baseline() {
    let old = seed_doc();
    for name in ["rev1", "rev2", "rev3"] {
        let (new, gold) = revision(name);
        let found = run(&old, &new);
        assert_accounted(&found, old.blocks.len(), new.blocks.len());
        let ours = eval::score(&found, &gold);
        assert!(ours.links.f1 >= 0.98, "{name}: link F1 {}", ours.links.f1);
        assert!(
            kind_recall(&ours, LinkKind::Split) >= 0.95 && kind_recall(&ours, LinkKind::Merge) >= 0.95,
            "{name}: {ours:?}"
        );
        assert!(ours.deleted.f1 >= 0.95 && ours.added.f1 >= 0.95, "{name}: {ours:?}");
        // Every gold link found whole with its kind.
        let exact: usize = ours.kinds.iter().map(|k| k.exact).sum();
        assert_eq!(exact, gold.links.len(), "{name}");

        let naive = eval::score(&baseline::align_greedy(&old, &new, Tokenizer::shared()), &gold);
        assert!(naive.links.f1 < ours.links.f1, "{name}: baseline {} vs {}", naive.links.f1, ours.links.f1);
        assert!(naive.deleted.f1 < ours.deleted.f1 && naive.added.f1 < ours.added.f1, "{name}: {naive:?}");
        assert!(kind_recall(&naive, LinkKind::Split) < 0.6, "the baseline cannot split");
    }
}

#[test]
fn simulated_light_edits_align_with_f1_above_0_99() {
    let old = seed_doc();
    let scores: Vec<_> = (1..=20)
        .map(|seed| {
            let rev = simulate::revise(&old, &Edits::light(), seed);
            let new = Document::parse("rev", &rev.text);
            eval::score(&run(&old, &new), &rev.gold)
        })
        .collect();
    let all = eval::combine(&scores);
    assert!(all.links.f1 >= 0.99, "{all:?}");
    assert!(all.deleted.f1 >= 0.95 && all.added.f1 >= 0.95, "{all:?}");
}

#[test]
fn a_document_aligns_with_itself_identically() {
    let doc = seed_doc();
    let a = run(&doc, &doc);
    assert_eq!(a.links.len(), 139);
    assert!(a.links.iter().all(|l| l.kind == LinkKind::Identical && l.similarity == 1.0));
    assert!(a.deleted.is_empty() && a.added.is_empty());
}

#[test]
fn empty_old_is_all_added_and_empty_new_all_deleted() {
    let (empty, doc) = (Document::parse("empty", ""), seed_doc());
    let a = run(&empty, &doc);
    assert!(a.links.is_empty() && a.deleted.is_empty());
    assert_eq!(a.added, (0..139).collect::<Vec<_>>());
    let b = run(&doc, &empty);
    assert_eq!(b.deleted.len(), 139);
}

#[test]
fn unrelated_chinese_text_gets_no_links() {
    // Written for this test: everyday prose, nothing of a declaration.
    let unrelated = Document::parse(
        "unrelated",
        "今天天气晴朗，气温适宜，我们决定去城市公园散步。公园里的湖水很清澈，岸边有很多人在钓鱼。\n\
图书馆周末开放到晚上九点，欢迎读者前来借阅新书，也可以参加每周六下午的读书分享会。\n\
这家餐馆的牛肉面味道不错，价格也公道，中午常常需要排队等候座位。\n\
社区组织了志愿者活动，帮助老人打扫卫生、购买生活用品，大家都很积极。\n\
学校的运动会将在下个月举行，同学们正在认真训练跑步、跳远和接力赛。\n",
    );
    let a = run(&seed_doc(), &unrelated);
    assert!(a.links.is_empty(), "{:?}", a.links);
}

#[test]
fn traditional_and_re_encoded_texts_align_exactly_as_the_original() {
    let (new, _) = revision("rev1");
    let original = run(&seed_doc(), &new);
    let big5 = fixtures::encode(encoding_rs::BIG5, &fixtures::traditional());
    let traditional = Document::from_bytes(Path::new("big5.txt"), &big5, ReadOptions::default()).unwrap();
    let html = fixtures::html_page(&fixtures::seed(), "utf-8");
    let page = Document::from_bytes(Path::new("page.html"), html.as_bytes(), ReadOptions::default()).unwrap();
    // The page keeps the declaration's title as a block the clean text does not have.
    for variant in [traditional, fixtures::without_titles(page)] {
        let a = run(&variant, &new);
        assert_eq!(a.links, original.links);
        assert_eq!((&a.deleted, &a.added), (&original.deleted, &original.added));
    }
}

#[test]
fn renamed_sections_map_their_themes() {
    let (new, _) = revision("rev2");
    let a = run(&seed_doc(), &new);
    assert_eq!(a.theme_map.get("经贸合作").map(String::as_str), Some("经济合作"));
    assert_eq!(a.theme_map.get("国际交往").map(String::as_str), Some("对外交往"));
}

#[test]
fn align_table_and_json_through_the_binary() {
    let new = fixtures::repo().join("tests/data/rev1/new.txt");
    let out =
        crate::bin::decldiff().args(["align", "sco-2020", new.to_str().unwrap(), "--width", "120"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("align_rev1_table", String::from_utf8(out.stdout).unwrap());
    let json =
        crate::bin::decldiff().args(["align", "sco-2020", new.to_str().unwrap(), "--format", "json"]).output().unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["schema_version"], 2);
    assert_eq!(value["provenance"]["segmenter"], decldiff::tokenize::SEGMENTER_VERSION);
    insta::assert_snapshot!("align_rev1_json", String::from_utf8(json.stdout).unwrap());
}

#[test]
fn eval_through_the_binary() {
    let dir = fixtures::repo().join("tests/data/rev2");
    let out = crate::bin::decldiff()
        .args(["eval", "align", "--gold", dir.join("gold.json").to_str().unwrap(), "sco-2020"])
        .arg(dir.join("new.txt"))
        .args(["--width", "110"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("│ links (pairs)          ┆ 1.0000    ┆ 1.0000 ┆ 1.0000"), "{text}");
    // A gold file that does not account for every block is refused with its reason.
    let bad = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(bad.path(), r#"{"links": [], "deleted": [0], "added": []}"#).unwrap();
    let out = crate::bin::decldiff()
        .args(["eval", "align", "--gold", bad.path().to_str().unwrap(), "sco-2020", "sco-2020"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("old block 1 is in no link and not in deleted"));
}

fn edits() -> impl Strategy<Value = Edits> {
    (0usize..30, 0usize..8, 0usize..8, 0usize..5, 0usize..5, 0usize..12, 0usize..12, 0usize..2).prop_map(
        |(reword, move_within, move_across, split, merge, delete, insert, rename_heading)| Edits {
            reword,
            move_within,
            move_across,
            split,
            merge,
            delete,
            insert,
            rename_heading,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_block_is_accounted_for_exactly_once(edits in edits(), seed in any::<u64>()) {
        let old = seed_doc();
        let rev = simulate::revise(&old, &edits, seed);
        let new = Document::parse("rev", &rev.text);
        let a = run(&old, &new);
        assert_accounted(&a, old.blocks.len(), new.blocks.len());
        let swapped = run(&new, &old);
        assert_accounted(&swapped, new.blocks.len(), old.blocks.len());
    }

    #[test]
    fn arbitrary_text_aligns_without_panic(old in "\\PC{0,300}", new in "\\PC{0,300}") {
        let (old, new) = (Document::parse("a", &old), Document::parse("b", &new));
        let a = run(&old, &new);
        assert_accounted(&a, old.blocks.len(), new.blocks.len());
        let same = run(&old, &old);
        prop_assert!(same.links.iter().all(|l| l.kind == LinkKind::Identical));
        prop_assert!(same.deleted.is_empty() && same.added.is_empty());
    }
}

/// Inputs that once made the aligner quadratic (every heading scored against every heading;
/// every deleted block searched through every link): they must stay bounded. Each heading
/// here is a one-character line, which segments as a heading.
#[test]
fn thousands_of_one_character_lines_and_headings_stay_bounded() {
    let mut rng = decldiff::lab::simulate::Rng::new(5);
    let chars: Vec<char> = (0x4e00..0x4e00 + 3000).filter_map(char::from_u32).collect();
    let lines = |rng: &mut decldiff::lab::simulate::Rng, n: usize| -> String {
        (0..n).map(|_| format!("{}\n", chars[rng.below(chars.len())])).collect()
    };
    let (old, new) = (Document::parse("a", &lines(&mut rng, 20_000)), Document::parse("b", &lines(&mut rng, 20_000)));
    let a = run(&old, &new);
    assert_accounted(&a, old.blocks.len(), new.blocks.len());
    // Every change listed, editorial ones too (one-character numerals are section numbers).
    let all = decldiff::score::CompareOptions { all: true, ..Default::default() };
    let report = decldiff::score::report_of(&old, &new, &a, Tokenizer::shared(), &all);
    assert_eq!(
        report.changes.len(),
        a.links.iter().filter(|l| l.kind != LinkKind::Identical).count() + a.deleted.len() + a.added.len()
    );

    let headings: String = (0..5_000).map(|i| if i % 2 == 0 { "安全合作\n" } else { "经贸合作\n" }).collect();
    let doc = Document::parse("headings", &headings);
    let a = run(&doc, &doc);
    assert!(a.links.iter().all(|l| l.kind == LinkKind::Identical) && a.links.len() == 5_000);
}

/// A hotspot's paragraph rewritten in new words in its old place (similar only at 0.2–0.4) is
/// linked between its linked neighbours when the two name the same state; another subject in
/// the same place is not.
#[test]
fn a_rewrite_in_place_between_links_is_linked() {
    let before = "成员国重申恪守《上海合作组织宪章》的宗旨和原则，坚持通过对话协商解决分歧。\n";
    let after = "成员国支持联合国在维护国际和平与安全方面发挥中心协调作用。\n";
    let old = format!(
        "{before}成员国认为，阿富汗和平、稳定与发展是维护本地区安全的重要因素，愿在联络组框架内继续深化合作。\n{after}"
    );
    let new = format!(
        "{before}成员国重申，阿富汗的和平与稳定事关本地区的安全，支持阿人主导的民族和解进程，愿通过联络组等机制帮助阿富汗打击毒品犯罪、参与经济重建。\n{after}"
    );
    let parse = |name: &str, text: &str| Document::parse(name, text);
    let a = run(&parse("old", &old), &parse("new", &new));
    assert!(a.links.iter().any(|l| l.old == [1] && l.new == [1] && l.kind == LinkKind::Reworded), "{a:?}");
    let other = new.replace("阿富汗", "叙利亚");
    let a = run(&parse("old", &old), &parse("new", &other));
    assert!(a.deleted == [1] && a.added == [1], "{a:?}");
}
