//! The hand-written JSON export agrees byte for byte with `serde_json`'s output of the same
//! schema (`json_reference`), on the demo, the fixtures and any text.

use crate::json_reference;

use proptest::prelude::*;
use wirediff::engine::{BaseChoice, Input, LoadOptions, Options, SegmentMode, analyze, demo, load};

fn input(name: &str, text: &str) -> Input {
    Input {
        name: name.to_string(),
        text: text.to_string(),
    }
}

fn fixture(path: &str) -> Input {
    let full = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    input(path, &std::fs::read_to_string(&full).expect("fixture"))
}

fn agree(inputs: &[Input], options: Options) {
    let analysis = analyze(inputs, options);
    let hand = wirediff::export::json(&analysis);
    let reference = json_reference::json(&analysis);
    assert!(
        hand == reference,
        "hand-written JSON differs from serde_json's:\n{}",
        first_difference(&hand, &reference)
    );
}

fn first_difference(a: &str, b: &str) -> String {
    let at = a
        .chars()
        .zip(b.chars())
        .position(|(x, y)| x != y)
        .unwrap_or(0);
    let around = |s: &str| {
        s.chars()
            .skip(at.saturating_sub(60))
            .take(120)
            .collect::<String>()
    };
    format!("hand:  {:?}\nserde: {:?}", around(a), around(b))
}

#[test]
fn demo_story_agrees_with_serde_json() {
    agree(&demo(), Options::default());
    agree(
        &demo(),
        Options {
            base: BaseChoice::Index(2),
            segment: SegmentMode::Lines,
            labels: vec![None, Some("Spun copy".to_string())],
        },
    );
}

#[test]
fn fixtures_agree_with_serde_json() {
    let ferry: Vec<Input> = [
        "ferry-wire.txt",
        "ferry-copy.txt",
        "ferry-moved.txt",
        "ferry-pronoun.txt",
        "ferry-quote.txt",
    ]
    .iter()
    .map(|f| fixture(f))
    .collect();
    agree(&ferry, Options::default());
    agree(
        &[fixture("cjk-a.txt"), fixture("cjk-b.txt")],
        Options::default(),
    );
    agree(
        &[fixture("emoji-a.txt"), fixture("emoji-b.txt")],
        Options::default(),
    );
}

/// Pages, feeds and other encodings: versions gain `source` and `text`.
#[test]
fn sources_agree_with_serde_json() {
    let paths: Vec<std::ffi::OsString> = [
        "pages/meridian-wire.html",
        "pages/harbour-gazette-cp1252.html",
        "feeds/kestra-trimmed.nitf.xml",
        "feeds/kestra-wire.newsml.xml",
        "encodings/wire-utf16le.txt",
        "ferry-wire.txt",
    ]
    .iter()
    .map(|p| format!("{}/tests/fixtures/{p}", env!("CARGO_MANIFEST_DIR")).into())
    .collect();
    let set = load(&paths, &LoadOptions::default()).expect("fixtures load");
    let (inputs, sources): (Vec<Input>, Vec<_>) = set
        .versions
        .into_iter()
        .map(|l| (l.input, l.source))
        .unzip();
    let analysis = analyze(&inputs, Options::default());
    let hand = wirediff::export::json_with_sources(&analysis, &sources);
    let reference = json_reference::json_with_sources(&analysis, &sources);
    assert!(
        hand == reference,
        "hand-written JSON differs from serde_json's:\n{}",
        first_difference(&hand, &reference)
    );
    assert!(hand.contains("\"encoding\": \"windows-1252\""));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Any text (control characters, quotes, backslashes, any Unicode) in names and
    /// sentences is escaped as serde_json escapes it.
    #[test]
    fn any_text_agrees_with_serde_json(
        name in "\\PC{0,8}[\"\\\\\u{0}-\u{1f}]?",
        a in "(\\PC|[\"\\\\\u{1}-\u{1f}\u{7f}]){0,120}",
        b in "(\\PC|[\"\\\\\u{1}-\u{1f}\u{7f}]){0,120}",
    ) {
        let inputs = [input(&name, &a), input("b\"\\\u{1}.txt", &b)];
        let analysis = analyze(&inputs, Options::default());
        prop_assert_eq!(wirediff::export::json(&analysis), json_reference::json(&analysis));
    }
}
