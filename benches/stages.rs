//! Per-stage and end-to-end benchmarks on the built-in demo story (five versions of a
//! 17-sentence wire story): segmentation, alignment, word diff, the three export formats,
//! the whole `analyze` (alone and followed by an export), and `analyze` on the small
//! non-English fixtures.
//!
//! Run: `cargo bench --bench stages`

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use wirediff::engine::Input;
use wirediff::engine::stages;
use wirediff::{Options, Version, export};

fn main() {
    divan::main();
}

fn demo() -> Vec<Input> {
    wirediff::engine::demo()
}

fn total_bytes(inputs: &[Input]) -> usize {
    inputs.iter().map(|i| i.text.len()).sum()
}

fn versions(inputs: &[Input]) -> Vec<Version> {
    inputs.iter().map(stages::version).collect()
}

/// Sentence segmentation of all five demo versions.
#[divan::bench]
fn segment_demo(bencher: Bencher) {
    let inputs = demo();
    bencher
        .counter(BytesCount::new(total_bytes(&inputs)))
        .bench(|| {
            for input in &inputs {
                black_box(stages::segment(black_box(&input.text)));
            }
        });
}

/// Segmentation plus boilerplate marking, as `analyze` does it.
#[divan::bench]
fn segment_and_mark_demo(bencher: Bencher) {
    let inputs = demo();
    bencher
        .counter(BytesCount::new(total_bytes(&inputs)))
        .bench(|| black_box(versions(black_box(&inputs))));
}

/// Alignment of each of the four other versions against the wire original.
#[divan::bench]
fn align_demo(bencher: Bencher) {
    let versions = versions(&demo());
    bencher.bench(|| {
        for other in &versions[1..] {
            black_box(stages::align(black_box(&versions[0]), black_box(other)));
        }
    });
}

/// Word diff of every aligned pair of the demo (the text pairs `analyze` diffs).
#[divan::bench]
fn worddiff_demo(bencher: Bencher) {
    let versions = versions(&demo());
    let pairs: Vec<(String, String)> = versions[1..]
        .iter()
        .flat_map(|other| {
            stages::align(&versions[0], other)
                .into_iter()
                .map(|m| (versions[0].joined(&m.base), other.joined(&m.other)))
                .collect::<Vec<_>>()
        })
        .collect();
    bencher.bench(|| {
        for (a, b) in &pairs {
            black_box(stages::word_diff(black_box(a), black_box(b)));
        }
    });
}

/// The three export formats of the demo analysis (side by side at 120 columns).
#[divan::bench(args = ["json", "text", "side-by-side"])]
fn export_demo(bencher: Bencher, format: &str) {
    let analysis = wirediff::analyze(&demo(), Options::default());
    bencher.bench(|| {
        let a = black_box(&analysis);
        black_box(match format {
            "json" => export::json(a),
            "text" => export::text(a),
            _ => export::side_by_side(a, 120),
        })
    });
}

/// End to end: `analyze` and then JSON export, as `wirediff export --format json` does.
#[divan::bench]
fn analyze_export_json_demo(bencher: Bencher) {
    let inputs = demo();
    bencher
        .counter(BytesCount::new(total_bytes(&inputs)))
        .bench(|| {
            let analysis = wirediff::analyze(black_box(&inputs), Options::default());
            black_box(export::json(&analysis))
        });
}

/// The whole engine on the demo story.
#[divan::bench]
fn analyze_demo(bencher: Bencher) {
    let inputs = demo();
    bencher
        .counter(BytesCount::new(total_bytes(&inputs)))
        .bench(|| black_box(wirediff::analyze(black_box(&inputs), Options::default())));
}

/// The whole engine on the two-version CJK, emoji and German fixtures.
#[divan::bench(args = ["cjk", "emoji", "german"])]
fn analyze_fixture(bencher: Bencher, story: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/stories")
        .join(story);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture directory")
        .map(|e| e.expect("fixture entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let inputs: Vec<Input> = files
        .iter()
        .map(|p| Input {
            name: p.display().to_string(),
            text: std::fs::read_to_string(p).expect("fixture text"),
        })
        .collect();
    bencher.bench(|| black_box(wirediff::analyze(black_box(&inputs), Options::default())));
}
