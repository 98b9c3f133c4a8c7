//! Scale of the whole engine by input shape (see `benches/common/shapes.rs`): random text,
//! repetitive text (a pool of twelve sentences), one giant sentence, one sentence repeated,
//! a web page whose chrome repeats, and the other repeat shapes, each at about 100 KB, 1 MB
//! and 10 MB a version, so that the curve of `analyze` and of the JSON export shows: time
//! and memory should grow about tenfold from one size to the next.
//!
//! Run: `cargo bench --bench shapes` (sizes can be capped for a quick look with
//! `WIREDIFF_SHAPES_MAX_BYTES=1000000 cargo bench --bench shapes`).

mod common;

use divan::counter::BytesCount;
use divan::{AllocProfiler, Bencher, black_box};
use wirediff::engine::Input;
use wirediff::{Options, export};

use common::shapes::Shape;

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

/// Bytes of each version.
const SIZES: [usize; 3] = [100_000, 1_000_000, 10_000_000];

fn main() {
    divan::main();
}

/// The sizes to run, up to `WIREDIFF_SHAPES_MAX_BYTES` when set.
fn sizes() -> impl Iterator<Item = usize> {
    let most = std::env::var("WIREDIFF_SHAPES_MAX_BYTES")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(usize::MAX);
    SIZES.into_iter().filter(move |&bytes| bytes <= most)
}

/// The two versions of `shape` at `bytes` bytes each.
fn inputs(shape: Shape, bytes: usize) -> Vec<Input> {
    let (base, other) = shape.pair(42, bytes);
    vec![
        Input {
            name: format!("{}-a.txt", shape.name()),
            text: base,
        },
        Input {
            name: format!("{}-b.txt", shape.name()),
            text: other,
        },
    ]
}

fn total(inputs: &[Input]) -> BytesCount {
    BytesCount::new(inputs.iter().map(|input| input.text.len()).sum::<usize>())
}

/// `analyze` of `shape` at `bytes`.
fn analyze(bencher: Bencher, shape: Shape, bytes: usize) {
    let inputs = inputs(shape, bytes);
    bencher
        .counter(total(&inputs))
        .bench(|| black_box(wirediff::analyze(black_box(&inputs), Options::default())));
}

/// The JSON export of the analysis of `shape` at `bytes`.
fn export_json(bencher: Bencher, shape: Shape, bytes: usize) {
    let inputs = inputs(shape, bytes);
    let analysis = wirediff::analyze(&inputs, Options::default());
    bencher
        .counter(total(&inputs))
        .bench(|| black_box(export::json(black_box(&analysis))));
}

/// One benchmark per shape in a module per stage, each over `sizes()`.
macro_rules! per_shape {
    ($stage:ident: $($name:ident => $shape:expr),* $(,)?) => {
        mod $stage {
            use super::*;
            $(
                #[divan::bench(args = sizes(), sample_count = 3, sample_size = 1)]
                fn $name(bencher: Bencher, bytes: usize) {
                    super::$stage(bencher, $shape, bytes);
                }
            )*
        }
    };
}

per_shape!(analyze:
    random => Shape::Random,
    repetitive => Shape::Repetitive,
    giant => Shape::Giant,
    identical => Shape::Identical,
    mutated => Shape::Mutated,
    near_repeats => Shape::NearRepeats,
    shuffled_blocks => Shape::ShuffledBlocks,
    runs => Shape::Runs,
);

per_shape!(export_json:
    random => Shape::Random,
    repetitive => Shape::Repetitive,
    giant => Shape::Giant,
    identical => Shape::Identical,
    mutated => Shape::Mutated,
    near_repeats => Shape::NearRepeats,
    shuffled_blocks => Shape::ShuffledBlocks,
    runs => Shape::Runs,
);
