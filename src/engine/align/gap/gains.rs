//! What a transition of the gap DP gains, and the thresholds that decide which transitions
//! may be taken: shared by the DP (`super`), its group lanes (`lane`) and its scores
//! (`scores`).

use crate::engine::align::pairing::WEAK;

/// A weak pair whose sentence has a partner elsewhere scoring at least this (and twice as
/// much) is not linked in the gap DP.
const RIVAL: f32 = 0.4;
/// How many times a weak pair's score a partner elsewhere must reach to outclass it.
const RIVAL_RATIO: f32 = 2.0;
/// Similarity above which a link gains in the gap DP.
pub(super) const LINK: f32 = 0.1;
/// A member of a DP group must reach this similarity with the partner (times `LINK`).
pub(super) const GATE: f32 = 0.5;
/// Each member of a DP group must have at least this share of its content in the partner.
pub(super) const MEMBER: f32 = 0.25;
/// Cost of each sentence beyond the second in a group, so that groups must earn their size.
const GROUP_COST: f32 = 0.08;
/// Sentences of a 1:1 pair: gains are counted per pair, group costs beyond it.
const PAIR_SENTENCES: f32 = 2.0;
/// Largest group built by the gap DP (1:k or k:1).
pub(super) const MAX_GROUP: usize = 6;

/// A weak pair is not linked when one of its sentences has a much better partner elsewhere
/// (it moved, and the gap only holds a chance resemblance).
pub(super) fn outclassed(score: f32, rival: f32) -> bool {
    score < WEAK && rival >= RIVAL && rival >= RIVAL_RATIO * score
}

/// Gain of linking `sentences` sentences with similarity `score`.
pub(super) fn gain(score: f32, sentences: usize) -> f32 {
    (score - LINK) * sentences as f32 / PAIR_SENTENCES
        - GROUP_COST * (sentences as f32 - PAIR_SENTENCES)
}
