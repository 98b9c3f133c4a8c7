//! Article extraction from saved pages: the test pages under `tests/fixtures/pages/` (the
//! demo story in two page templates), and, when `WIREDIFF_BENCH_PAGES` names a folder of
//! `.html` files (e.g. the extraction benchmark's pages, uncompressed), every page in it.
//!
//! Run: `cargo bench --bench extract`
//! or:  `WIREDIFF_BENCH_PAGES=/tmp/pages cargo bench --bench extract`

use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};
use wirediff::engine::stages;

fn main() {
    divan::main();
}

/// The pages of a folder, as text.
fn pages_in(dir: &str) -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "html"));
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .collect()
}

fn fixture_pages() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pages");
    pages_in(dir)
}

fn bench_pages(bencher: Bencher, pages: &[String]) {
    let bytes: usize = pages.iter().map(String::len).sum();
    bencher
        .counter(ItemsCount::new(pages.len()))
        .counter(BytesCount::new(bytes))
        .bench(|| {
            for page in pages {
                black_box(stages::extract_page(black_box(page)));
            }
        });
}

/// Every test page, one after the other.
#[divan::bench]
fn fixture_pages_extract(bencher: Bencher) {
    bench_pages(bencher, &fixture_pages());
}

/// The pages of `WIREDIFF_BENCH_PAGES` (nothing measured when it is not set).
#[divan::bench(sample_count = 10)]
fn folder_pages_extract(bencher: Bencher) {
    let pages = std::env::var("WIREDIFF_BENCH_PAGES")
        .map(|dir| pages_in(&dir))
        .unwrap_or_default();
    bench_pages(bencher, &pages);
}
