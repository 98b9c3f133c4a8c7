//! The built-in demo story: a fictional wire story and four published versions of it,
//! written for wirediff and embedded in the binary.

use crate::engine::load::Input;

const FILES: [(&str, &str); 5] = [
    (
        "demo/01-wire.txt",
        include_str!("../../assets/demo/01-wire.txt"),
    ),
    (
        "demo/02-verbatim.txt",
        include_str!("../../assets/demo/02-verbatim.txt"),
    ),
    (
        "demo/03-spun.txt",
        include_str!("../../assets/demo/03-spun.txt"),
    ),
    (
        "demo/04-trimmed.txt",
        include_str!("../../assets/demo/04-trimmed.txt"),
    ),
    (
        "demo/05-aggregator.txt",
        include_str!("../../assets/demo/05-aggregator.txt"),
    ),
];

/// The demo story's versions; the first is the wire original (the base).
pub fn inputs() -> Vec<Input> {
    FILES
        .iter()
        .map(|(name, text)| Input {
            name: (*name).to_string(),
            text: (*text).to_string(),
        })
        .collect()
}
