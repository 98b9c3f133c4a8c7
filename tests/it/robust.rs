//! Inputs of the shapes that once broke the binary (repeated sentences and their scale; see
//! `../shared/robust/README.md`), regenerated here at sizes the debug build handles in well
//! under a second each: every one must finish with exit status 1 (differences), a valid
//! report, and the right links.

#[path = "../../benches/common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

use common::shapes::Shape;

const SENTENCE: &str = "The minister said talks would begin in January.";
const EDITED: &str = "The minister said talks would begin in February.";

/// Write `base` and `other` to a temporary directory and run `wirediff export` on them.
fn export(format: &str, base: &str, other: &str) -> Output {
    let dir = TempDir::new().unwrap();
    let paths = write(&dir, base, other);
    export_files(format, &paths)
}

/// `base` and `other` written to `dir` as a.txt and b.txt.
fn write(dir: &TempDir, base: &str, other: &str) -> Vec<PathBuf> {
    [("a.txt", base), ("b.txt", other)]
        .iter()
        .map(|(name, text)| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

/// `wirediff export --format FORMAT PATHS...`.
fn export_files(format: &str, paths: &[PathBuf]) -> Output {
    Command::cargo_bin("wirediff")
        .unwrap()
        .args(["export", "--format", format])
        .args(paths)
        .output()
        .unwrap()
}

/// The statistics of the one comparison of a JSON export, checked to have succeeded.
fn stats(output: &Output) -> Value {
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    report["comparisons"][0]["stats"].clone()
}

/// `copies` copies of `SENTENCE` on one line, those at `edited` replaced by `EDITED`.
fn copies(copies: usize, edited: &[usize]) -> String {
    let lines: Vec<&str> = (0..copies)
        .map(|k| {
            if edited.contains(&k) {
                EDITED
            } else {
                SENTENCE
            }
        })
        .collect();
    lines.join(" ") + "\n"
}

#[test]
fn three_copies_with_the_middle_rewritten_stay_in_place() {
    let output = export("text", &copies(3, &[]), &copies(3, &[1]));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("carried: 3 of 3"), "{text}");
    assert!(text.contains("2 identical, 0 minor, 1 rewrite"), "{text}");
    assert!(text.contains("; 0 moved"), "{text}");
    assert!(text.contains("* rewrite  #2 -> #2"), "{text}");
}

#[test]
fn a_thousand_copies_with_one_edited() {
    // Above 500 copies the gap table was skipped: "carried 0 of 1000".
    let stats = stats(&export("json", &copies(1000, &[]), &copies(1000, &[500])));
    assert_eq!(stats["carried"], 1000);
    assert_eq!(stats["identical"], 999);
    assert_eq!(stats["rewrite"], 1);
    assert_eq!(stats["moved"], 0);
}

#[test]
fn many_copies_with_edits_stay_bounded() {
    // The shape that allocated 40 GB at 100,000 copies, at 6,000 (the same path: the
    // benchmark's `identical` shape runs it at 10 MB).
    let edited = [1_000, 3_000, 5_000];
    let stats = stats(&export(
        "json",
        &copies(6_000, &[]),
        &copies(6_000, &edited),
    ));
    assert_eq!(stats["identical"], 6_000 - edited.len());
    assert_eq!(stats["rewrite"], edited.len());
}

#[test]
fn a_story_with_one_sentence_repeated_hundreds_of_times() {
    // 490 copies in one paragraph of a story took 28 s; the other version edits one
    // sentence of the story.
    let story = common::story(5, 300).render();
    let run = vec![SENTENCE; 490].join(" ");
    let base = format!("{story}\n{run}\n");
    let edited_story = common::randomly_edited(&common::story(5, 300), 9, 1).render();
    let other = format!("{edited_story}\n{run}\n");
    let stats = stats(&export("json", &base, &other));
    assert_eq!(stats["deleted"], 0);
    assert_eq!(stats["added"], 0);
    assert!(stats["identical"].as_u64().unwrap() >= 490, "{stats}");
}

#[test]
fn a_page_whose_chrome_repeats_keeps_nearly_everything() {
    // Two copies of a page that differ in 14 of thousands of lines came out 0.008 similar.
    let (base, other) = Shape::Mutated.pair(3, 60_000);
    let stats = stats(&export("json", &base, &other));
    assert_eq!(stats["carried_share"], 1.0, "{stats}");
    assert!(stats["similarity"].as_f64().unwrap() >= 0.99, "{stats}");
}

#[test]
fn copies_against_edited_copies_pair_one_to_one() {
    let (base, other) = Shape::NearRepeats.pair(1, 30_000);
    let stats = stats(&export("json", &base, &other));
    assert_eq!(stats["rewrite"], stats["base_sentences"], "{stats}");
    assert_eq!(stats["moved"], 0);
}

#[test]
fn every_shape_is_reported_and_carried() {
    for shape in Shape::ALL {
        let (base, other) = shape.pair(7, 20_000);
        let stats = stats(&export("json", &base, &other));
        let carried = stats["carried_share"].as_f64().unwrap();
        assert!(carried >= 0.9, "{}: {stats}", shape.name());
    }
}

#[test]
fn repeated_input_gives_the_same_bytes_twice() {
    let (base, other) = Shape::Runs.pair(11, 20_000);
    let dir = TempDir::new().unwrap();
    let paths = write(&dir, &base, &other);
    let first = export_files("json", &paths);
    let second = export_files("json", &paths);
    assert!(first.stdout == second.stdout, "two runs differ");
}
