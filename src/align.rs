//! Sentence alignment of one version against the base: anchors (mutual best, clearly
//! similar pairs found through an inverted index), their longest increasing subsequence as
//! the shared order (anchors off it are moves), then a local DP in the gaps for 1:1, 1:2,
//! 2:1, additions and deletions.

use crate::model::Version;

/// One alignment unit before word diffing.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub base: Vec<usize>,
    pub other: Vec<usize>,
    pub score: f32,
    pub moved: bool,
}

/// Align `other` against `base`. Boilerplate sentences may be linked only to boilerplate.
/// Returns matches sorted by first base sentence.
pub fn align(base: &Version, other: &Version) -> Vec<Match> {
    let _ = (base, other);
    todo!("align::align")
}
