//! Alignment: two texts (the input split at its first NUL byte) segmented and aligned;
//! every sentence index of a pairing is in range and used at most once per side.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirediff::engine::{Input, stages};

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let (base, other) = text.split_once('\0').unwrap_or((text, ""));
    let version = |name: &str, text: &str| {
        stages::version(&Input {
            name: name.into(),
            text: text.into(),
        })
    };
    let (base, other) = (version("a", base), version("b", other));
    let pairings = stages::align(&base, &other);
    let mut used_base = vec![false; base.sentences.len()];
    let mut used_other = vec![false; other.sentences.len()];
    for pairing in &pairings {
        for &i in &pairing.base {
            assert!(!std::mem::replace(&mut used_base[i], true));
        }
        for &j in &pairing.other {
            assert!(!std::mem::replace(&mut used_other[j], true));
        }
    }
});
