//! Word diff: two strings (the input split at its first NUL byte) diffed word by word;
//! must not panic, and must give the same result twice (deterministic).
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirediff::engine::stages;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let (base, other) = text.split_once('\0').unwrap_or((text, ""));
    let first = stages::word_diff(base, other);
    let again = stages::word_diff(base, other);
    assert_eq!(format!("{first:?}"), format!("{again:?}"));
});
