//! Word diff inside a link: tokenise into words, numbers and punctuation, diff with
//! `similar` under a deadline, merge small equal islands into readable replace runs, and
//! classify each edit (via `classify`).

use crate::model::WordDiff;

/// Diff the joined text of the base side against the other side.
pub fn diff(base: &str, other: &str) -> WordDiff {
    let _ = (base, other);
    todo!("worddiff::diff")
}
