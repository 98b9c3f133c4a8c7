//! Benchmarks on large generated inputs (see `benches/common/mod.rs`): two versions of about
//! 800,000 words (~5 MB) each, where B has a small word edit in every 7th sentence and one
//! paragraph in a hundred moved; and 200 versions of a 1,000-word story with a few random
//! edits each; per stage (segment, align, JSON export) and end to end; and the derivation
//! of 100, 1,000 and 10,000 versions of a 1,000-word story. Allocation counts and bytes come from divan's `AllocProfiler`.
//!
//! Run: `cargo bench --bench large` (sizes can be reduced for a quick look with
//! `WIREDIFF_BENCH_WORDS=100000 cargo bench --bench large`).

mod common;
#[path = "../tests/it/json_reference.rs"]
mod json_reference;

use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::{AllocProfiler, Bencher, black_box};
use wirediff::engine::Input;
use wirediff::engine::stages;
use wirediff::{Options, Version, export};

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

fn main() {
    divan::main();
}

fn large_words() -> usize {
    std::env::var("WIREDIFF_BENCH_WORDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(800_000)
}

/// The large pair, generated once per process.
static PAIR: LazyLock<Vec<Input>> = LazyLock::new(|| {
    let (a, b) = common::large_pair(42, large_words());
    vec![
        Input {
            name: "large-a.txt".into(),
            text: a,
        },
        Input {
            name: "large-b.txt".into(),
            text: b,
        },
    ]
});

/// 200 versions of a 1,000-word story, generated once per process.
static MANY: LazyLock<Vec<Input>> = LazyLock::new(|| {
    common::many_versions(7, 1000, 200)
        .into_iter()
        .enumerate()
        .map(|(k, text)| Input {
            name: format!("v{k:03}.txt"),
            text,
        })
        .collect()
});

fn bytes(inputs: &[Input]) -> BytesCount {
    BytesCount::new(inputs.iter().map(|i| i.text.len()).sum::<usize>())
}

fn versions(inputs: &[Input]) -> Vec<Version> {
    inputs.iter().map(stages::version).collect()
}

/// Segmentation of version A of the large pair (~5 MB).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn segment_large(bencher: Bencher) {
    let a = &PAIR[0];
    bencher
        .counter(BytesCount::new(a.text.len()))
        .bench(|| black_box(stages::segment(black_box(&a.text))));
}

/// Alignment of the large pair (already segmented).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn align_large(bencher: Bencher) {
    let v = versions(&PAIR);
    bencher.bench(|| black_box(stages::align(black_box(&v[0]), black_box(&v[1]))));
}

/// The whole engine on the large pair.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn analyze_large_pair(bencher: Bencher) {
    bencher
        .counter(bytes(&PAIR))
        .bench(|| black_box(wirediff::analyze(black_box(&PAIR), Options::default())));
}

/// JSON export of the large pair's analysis.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn export_json_large_pair(bencher: Bencher) {
    let analysis = wirediff::analyze(&PAIR, Options::default());
    bencher.bench(|| black_box(export::json(black_box(&analysis))));
}

/// The same JSON through `serde_json` (derived `Serialize` mirror structs, pretty printer):
/// the measure behind keeping the hand-written writer (`docs/ARCHITECTURE.md`).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn export_json_serde_reference_large_pair(bencher: Bencher) {
    let analysis = wirediff::analyze(&PAIR, Options::default());
    bencher.bench(|| black_box(json_reference::json(black_box(&analysis))));
}

/// End to end on the large pair: `analyze` and then JSON export.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn analyze_export_json_large_pair(bencher: Bencher) {
    bencher.counter(bytes(&PAIR)).bench(|| {
        let analysis = wirediff::analyze(black_box(&PAIR), Options::default());
        black_box(export::json(&analysis))
    });
}

/// The whole engine on 200 versions of a 1,000-word story (199 comparisons + collation).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn analyze_200_versions(bencher: Bencher) {
    bencher
        .counter(bytes(&MANY))
        .bench(|| black_box(wirediff::analyze(black_box(&MANY), Options::default())));
}

/// End to end on 200 versions: `analyze` and then JSON export.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn analyze_export_json_200_versions(bencher: Bencher) {
    bencher.counter(bytes(&MANY)).bench(|| {
        let analysis = wirediff::analyze(black_box(&MANY), Options::default());
        black_box(export::json(&analysis))
    });
}

/// Versions of a 1,000-word story for the derivation's curve.
const DERIVE_COUNTS: [usize; 3] = [100, 1000, 10_000];

/// The derivation (who copies whom: shingles, the likely original, sketches, the candidate
/// pairs scored and the tree) of `count` versions of a 1,000-word story, segmented outside
/// the timing (`engine::derive` reads only the versions).
#[divan::bench(args = DERIVE_COUNTS, sample_count = 3, sample_size = 1)]
fn derive_versions(bencher: Bencher, count: usize) {
    let inputs: Vec<Input> = common::many_versions(7, 1000, count)
        .into_iter()
        .enumerate()
        .map(|(k, text)| Input {
            name: format!("v{k:05}.txt"),
            text,
        })
        .collect();
    let analysis = wirediff::Analysis {
        base: 0,
        versions: versions(&inputs),
        comparisons: Vec::new(),
        rows: Vec::new(),
    };
    bencher
        .counter(bytes(&inputs))
        .bench(|| black_box(wirediff::engine::derive(black_box(&analysis))));
}
