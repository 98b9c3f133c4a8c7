//! Classification: the class of one word edit (punctuation, case, spelling, pronoun,
//! number, name, quote, word) and the kind of a link (identical, minor, rewrite,
//! paraphrase, partial).

use crate::model::{LinkKind, WordDiff};

/// The kind of a link from its word diff and its alignment score.
pub fn link_kind(diff: &WordDiff, score: f32) -> LinkKind {
    let _ = (diff, score);
    todo!("classify::link_kind")
}
