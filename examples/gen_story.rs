//! Write deterministic synthetic story versions to a directory, for benchmarks and for
//! `scripts/compare_peers.sh` (the same generator the divan benches use).
//!
//! ```text
//! cargo run --release --example gen_story -- pair DIR [WORDS] [SEED]
//!     DIR/a.txt and DIR/b.txt, about WORDS words each (default 800000): B has a small word
//!     edit in every 7th sentence and one paragraph in a hundred moved.
//! cargo run --release --example gen_story -- versions DIR [COUNT] [WORDS] [SEED]
//!     DIR/v000.txt ... : COUNT versions (default 200) of a WORDS-word story (default 1000),
//!     each but the first with 2-6 random edits.
//! ```

#[path = "../benches/common/mod.rs"]
mod common;

use std::path::Path;
use std::process::ExitCode;

fn arg(args: &[String], i: usize, default: u64) -> Result<u64, String> {
    match args.get(i) {
        None => Ok(default),
        Some(s) => s.parse().map_err(|_| format!("not a number: {s}")),
    }
}

fn write(dir: &Path, name: &str, text: &str) -> Result<(), String> {
    let path = dir.join(name);
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn run(args: &[String]) -> Result<(), String> {
    let usage =
        "usage: gen_story pair DIR [WORDS] [SEED] | gen_story versions DIR [COUNT] [WORDS] [SEED]";
    let (mode, dir) = match (args.first(), args.get(1)) {
        (Some(m), Some(d)) => (m.as_str(), Path::new(d)),
        _ => return Err(usage.to_string()),
    };
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    match mode {
        "pair" => {
            let words = arg(args, 2, 800_000)? as usize;
            let seed = arg(args, 3, 42)?;
            let (a, b) = common::large_pair(seed, words);
            write(dir, "a.txt", &a)?;
            write(dir, "b.txt", &b)?;
            eprintln!(
                "wrote {}/a.txt ({} bytes) and b.txt ({} bytes)",
                dir.display(),
                a.len(),
                b.len()
            );
        }
        "versions" => {
            let count = arg(args, 2, 200)? as usize;
            let words = arg(args, 3, 1000)? as usize;
            let seed = arg(args, 4, 42)?;
            let versions = common::many_versions(seed, words, count);
            for (k, text) in versions.iter().enumerate() {
                write(dir, &format!("v{k:03}.txt"), text)?;
            }
            eprintln!("wrote {} versions to {}", versions.len(), dir.display());
        }
        _ => return Err(usage.to_string()),
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_story: {e}");
            ExitCode::FAILURE
        }
    }
}
