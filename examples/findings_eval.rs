//! Precision and recall of findings on synthetic variants with exact gold.
//!
//! ```text
//! cargo run --release --example findings_eval -- [SEED] [--tries N] [--wrong] [FILE|DIR ...]
//! ```
//!
//! Takes the repository's story texts (the demo wire story and the test fixtures'
//! originals) and every file given (a folder: each file in it), makes variants of each
//! with one change apiece (the generator in `tests/it/findings_gen.rs`, which knows none
//! of the engine's rules), runs the engine on base and variant, and prints precision and
//! recall per finding class and overall, and per change how many variants raised a wrong
//! finding. `--wrong` also lists the wrong and the missed findings.

#[path = "../tests/it/findings_gen.rs"]
mod findings_gen;

use std::path::Path;
use std::process::ExitCode;

fn texts_of(path: &Path, out: &mut Vec<String>) -> Result<(), String> {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            texts_of(&e, out)?;
        }
        return Ok(());
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    out.push(text);
    Ok(())
}

fn run(args: &[String]) -> Result<(), String> {
    let mut seed = 1;
    let mut tries = 3;
    let mut show_wrong = false;
    let mut texts = findings_gen::repo_texts(Path::new(env!("CARGO_MANIFEST_DIR")));
    let mut it = args.iter();
    let mut first = true;
    while let Some(a) = it.next() {
        if a == "--tries" {
            let n = it.next().ok_or("--tries needs a number")?;
            tries = n.parse().map_err(|_| format!("not a number: {n}"))?;
        } else if a == "--wrong" {
            show_wrong = true;
        } else if first && let Ok(n) = a.parse() {
            seed = n;
        } else {
            texts_of(Path::new(a), &mut texts)?;
        }
        first = false;
    }
    let tally = findings_gen::evaluate(&texts, seed, tries);
    println!(
        "{} texts, seed {seed}, {tries} tries per change\n",
        texts.len()
    );
    print!("{}", tally.table());
    if show_wrong {
        println!("\nwrong findings (change, class, base -> other):");
        for (op, class, b, o) in &tally.wrong {
            println!("  {op:<12} {class:<12} {b:?} -> {o:?}");
        }
        println!("\nmissed (class, base word -> other word, the changed line):");
        for (class, words, line) in &tally.missed {
            println!("  {class:<12} {words}\n      {line}");
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("findings_eval: {e}");
            ExitCode::from(2)
        }
    }
}
