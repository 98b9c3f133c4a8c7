//! Load and segment: any bytes that decode as UTF-8 are split into sentences (prose, with
//! boilerplate marked, and lines); every sentence's span lies inside the text, on
//! character boundaries, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirediff::engine::{Input, stages};

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let input = Input {
        name: "fuzz.txt".into(),
        text: text.to_string(),
    };
    let version = stages::version(&input);
    let mut end = 0;
    for sentence in &version.sentences {
        assert!(sentence.start >= end && sentence.start <= sentence.end);
        assert!(sentence.end <= text.len());
        assert!(text.is_char_boundary(sentence.start) && text.is_char_boundary(sentence.end));
        end = sentence.end;
    }
    let _ = stages::segment(text);
});
