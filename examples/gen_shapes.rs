//! Write a pair of versions of one shape (see `benches/common/shapes.rs`) to a directory, to
//! time the binary on them (`/usr/bin/time -v wirediff export DIR/a.txt DIR/b.txt`).
//!
//! ```text
//! cargo run --release --example gen_shapes -- SHAPE DIR [BYTES] [SEED]
//!     DIR/a.txt and DIR/b.txt, about BYTES bytes each (default 1000000). SHAPE is one of
//!     random, repetitive, giant, identical, mutated, near-repeats, shuffled-blocks, runs.
//! ```

#[path = "../benches/common/mod.rs"]
mod common;

use std::path::Path;
use std::process::ExitCode;

use common::shapes::Shape;

fn number(args: &[String], at: usize, default: u64) -> Result<u64, String> {
    match args.get(at) {
        None => Ok(default),
        Some(text) => text.parse().map_err(|_| format!("not a number: {text}")),
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let names: Vec<&str> = Shape::ALL.iter().map(|shape| shape.name()).collect();
    let usage = format!("usage: gen_shapes {} DIR [BYTES] [SEED]", names.join("|"));
    let (Some(name), Some(dir)) = (args.first(), args.get(1)) else {
        return Err(usage);
    };
    let shape = Shape::from_name(name).ok_or(usage)?;
    let bytes = number(args, 2, 1_000_000)? as usize;
    let seed = number(args, 3, 42)?;
    let dir = Path::new(dir);
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let (base, other) = shape.pair(seed, bytes);
    for (file, text) in [("a.txt", &base), ("b.txt", &other)] {
        let path = dir.join(file);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    eprintln!(
        "wrote {}/a.txt ({} bytes) and b.txt ({} bytes)",
        dir.display(),
        base.len(),
        other.len()
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}
