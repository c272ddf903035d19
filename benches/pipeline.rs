//! Criterion benches of the pipeline stages on the shipped 2020 declaration.
//! Run: `cargo bench --bench pipeline`. Figures are recorded in docs/performance.md.
#![allow(missing_docs)] // criterion_group! generates undocumented items

use std::hint::black_box;
use std::path::Path;
use std::sync::LazyLock;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use decldiff::segment::{Document, ReadOptions};
use decldiff::tokenize::Tokenizer;

static SEED: LazyLock<Vec<u8>> = LazyLock::new(|| {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/sco/sco-2020.zh.txt")).expect("seed")
});

fn read_and_segment(c: &mut Criterion) {
    let mut group = c.benchmark_group("read");
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_function("decode+normalize+segment sco-2020", |b| {
        b.iter(|| Document::from_bytes(Path::new("sco-2020.zh.txt"), black_box(&SEED), ReadOptions::default()))
    });
    let gb = encoding_rs::GB18030.encode(std::str::from_utf8(&SEED).expect("UTF-8")).0.into_owned();
    group.bench_function("gb18030 detect+decode+segment sco-2020", |b| {
        b.iter(|| Document::from_bytes(Path::new("sco-2020.gb.txt"), black_box(&gb), ReadOptions::default()))
    });
    group.finish();
}

fn tokenize(c: &mut Criterion) {
    let doc = Document::from_bytes(Path::new("sco-2020.zh.txt"), &SEED, ReadOptions::default()).expect("seed reads");
    let tokenizer = Tokenizer::shared();
    let mut group = c.benchmark_group("tokenize");
    group.throughput(Throughput::Bytes(doc.blocks.iter().map(|b| b.key.len() as u64).sum()));
    group.bench_function("all blocks of sco-2020", |b| {
        b.iter(|| doc.blocks.iter().map(|block| tokenizer.tokenize(black_box(&block.key)).len()).sum::<usize>())
    });
    group.finish();
    c.bench_function("tokenizer load (jieba dictionary + domain dictionary)", |b| {
        b.iter(|| {
            // Building is lazy; the first cut loads the dictionaries.
            let tokenizer = Tokenizer::with_user_dictionary(Path::new("/dev/null")).expect("empty user dictionary");
            black_box(tokenizer.tokenize("成员国"));
        })
    });
}

/// The 2020 text and a simulated heavy revision of it (seed 7), tokenized, as the CLI has them.
fn tokenized_pair() -> (Document, Document) {
    use decldiff::lab::simulate::{Edits, revise};
    let tokenizer = Tokenizer::shared();
    let mut old =
        Document::from_bytes(Path::new("sco-2020.zh.txt"), &SEED, ReadOptions::default()).expect("seed reads");
    let mut new = Document::parse("revision", &revise(&old, &Edits::heavy(), 7).text);
    old.tokenize(tokenizer);
    new.tokenize(tokenizer);
    (old, new)
}

fn align(c: &mut Criterion) {
    use decldiff::align::{AlignOptions, align, baseline};
    let tokenizer = Tokenizer::shared();
    let (old, new) = tokenized_pair();
    let options = AlignOptions::default();
    let mut group = c.benchmark_group("align");
    group.throughput(Throughput::Bytes(SEED.len() as u64 * 2));
    group.bench_function("sco-2020 vs simulated heavy revision (tokenized documents)", |b| {
        b.iter(|| align(black_box(&old), black_box(&new), tokenizer, &options))
    });
    group.bench_function("naive baseline, same pair", |b| {
        b.iter(|| baseline::align_greedy(black_box(&old), black_box(&new), tokenizer))
    });
    group.finish();
}

fn diff_and_compare(c: &mut Criterion) {
    use decldiff::align::{AlignOptions, align};
    use decldiff::lab::simulate::{Edits, revise};
    use decldiff::score::{CompareOptions, compare, report_of};
    let tokenizer = Tokenizer::shared();
    let (old, new) = tokenized_pair();
    let options = CompareOptions::default();
    let alignment = align(&old, &new, tokenizer, &AlignOptions::default());
    let mut group = c.benchmark_group("diff");
    group.bench_function("word diffs + classification of every link (report from an alignment)", |b| {
        b.iter(|| report_of(black_box(&old), black_box(&new), &alignment, tokenizer, &options))
    });
    group.finish();
    let mut group = c.benchmark_group("end_to_end");
    group.throughput(Throughput::Bytes(SEED.len() as u64 * 2));
    group.bench_function("compare sco-2020 vs heavy revision (tokenized: align, diff, score)", |b| {
        b.iter(|| compare(black_box(&old), black_box(&new), tokenizer, &options))
    });
    group.bench_function("read + tokenize both + compare (no cache)", |b| {
        let text = revise(&old, &Edits::heavy(), 7).text;
        b.iter(|| {
            let mut o =
                Document::from_bytes(Path::new("a.txt"), black_box(&SEED), ReadOptions::default()).expect("reads");
            let mut n = Document::from_bytes(Path::new("b.txt"), black_box(text.as_bytes()), ReadOptions::default())
                .expect("reads");
            o.tokenize(tokenizer);
            n.tokenize(tokenizer);
            compare(&o, &n, tokenizer, &options)
        })
    });
    group.finish();
}

/// The warm path's reading: a token cache entry decoded, and the profile taken from it.
fn cache(c: &mut Criterion) {
    use decldiff::corpus::TokenCache;
    use decldiff::profile::Profile;
    let tokenizer = Tokenizer::shared();
    let (old, _) = tokenized_pair();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let cache = TokenCache::at(dir.path());
    let key = TokenCache::key("bench", ReadOptions::default(), tokenizer);
    cache.store(&key, &old, Profile::new(&old, tokenizer).to_stored().as_ref());
    let mut group = c.benchmark_group("cache");
    group.bench_function("load sco-2020 from a cache entry, with its profile", |b| {
        b.iter(|| {
            let cached = cache.load(black_box(&key)).expect("stored");
            let profile = cached.profile.as_ref().expect("kept");
            Profile::from_stored(&cached.document, profile, tokenizer).expect("fits").blocks_len()
        })
    });
    group.bench_function("profile sco-2020 by counting (what the entry saves)", |b| {
        b.iter(|| Profile::new(black_box(&old), tokenizer).blocks_len())
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = read_and_segment, tokenize, align, diff_and_compare, cache
}
criterion_main!(benches);
