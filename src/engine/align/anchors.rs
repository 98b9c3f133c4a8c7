//! Anchors and the shared order: the sentence pairs trusted before anything else is
//! aligned (exact pairs, and mutual best candidates with a clear score), and the longest
//! increasing subsequence of them that keeps every repeated exact pair (those are in order
//! by construction), which is the order both versions share. The gaps between consecutive
//! anchors of that order are aligned next (`gap`).
use crate::engine::align::candidates::Candidates;
use crate::engine::align::chain::lis;
use crate::engine::align::pairing::{Pairing, SentencePair, Used};

/// Minimum similarity for a mutual-best pair to anchor the order.
const ANCHOR: f32 = 0.6;

/// The exact pairs (score 1) and the similarity anchors: pairs of sentences that are each
/// other's best candidate, scoring at least `ANCHOR`. Sorted by base, then other sentence.
pub(super) fn anchors(exact: &[(usize, usize)], candidates: &Candidates) -> Vec<SentencePair> {
    let mut anchors: Vec<SentencePair> = exact
        .iter()
        .map(|&(base, other)| SentencePair {
            base,
            other,
            score: 1.0,
        })
        .collect();
    for (i, list) in candidates.of_base.iter().enumerate() {
        if let Some(best) = list.iter().max_by(|x, y| x.score.total_cmp(&y.score))
            && best.score >= ANCHOR
            && candidates.best_of_other[best.other].0 == i
        {
            anchors.push(SentencePair {
                base: i,
                other: best.other,
                score: best.score,
            });
        }
    }
    anchors.sort_by_key(|anchor| (anchor.base, anchor.other));
    anchors
}

/// Which anchors are in the shared order (the longest chain of them that do not cross).
pub(super) struct SharedOrder {
    /// Indices of the anchors on the chain, ascending.
    chain: Vec<usize>,
    /// Per anchor, whether it is on the chain.
    pub(super) on_chain: Vec<bool>,
}

impl SharedOrder {
    /// The shared order of `anchors` (sorted by base sentence), keeping every anchor in
    /// `fixed` (sorted pairs, in order on both sides: the repeated exact pairs, matched in
    /// order already) and, between them, the longest chain of the others that do not cross
    /// them.
    pub(super) fn of(anchors: &[SentencePair], fixed: &[(usize, usize)]) -> SharedOrder {
        let is_fixed =
            |anchor: &SentencePair| fixed.binary_search(&(anchor.base, anchor.other)).is_ok();
        let mut chain = Vec::new();
        let mut segment: Vec<usize> = Vec::new();
        let mut after: Option<&SentencePair> = None;
        let close =
            |segment: &mut Vec<usize>, below: Option<&SentencePair>, chain: &mut Vec<usize>| {
                let fits = |k: &usize| below.is_none_or(|b| anchors[*k].other < b.other);
                segment.retain(fits);
                let others: Vec<usize> = segment.iter().map(|&k| anchors[k].other).collect();
                chain.extend(lis(&others).into_iter().map(|at| segment[at]));
                segment.clear();
            };
        for (k, anchor) in anchors.iter().enumerate() {
            if is_fixed(anchor) {
                close(&mut segment, Some(anchor), &mut chain);
                chain.push(k);
                after = Some(anchor);
            } else if after.is_none_or(|a| anchor.other > a.other) {
                segment.push(k);
            }
        }
        close(&mut segment, None, &mut chain);
        let mut on_chain = vec![false; anchors.len()];
        for &k in &chain {
            on_chain[k] = true;
        }
        SharedOrder { chain, on_chain }
    }

    /// The anchors on the chain as pairings, in order, with their sentences marked used.
    pub(super) fn pairings<'a>(
        &'a self,
        anchors: &'a [SentencePair],
        used: &'a mut Used,
    ) -> impl Iterator<Item = Pairing> + 'a {
        self.chain.iter().map(|&k| {
            let pairing = Pairing::single(anchors[k], false);
            used.mark(&pairing, true);
            pairing
        })
    }

    /// Where each gap ends (exclusive) on both sides: at every anchor of the chain, and the
    /// last gap at the ends of the versions (`base_len`, `other_len`).
    pub(super) fn gap_ends(
        &self,
        anchors: &[SentencePair],
        base_len: usize,
        other_len: usize,
    ) -> Vec<(usize, usize)> {
        let mut ends: Vec<(usize, usize)> = self
            .chain
            .iter()
            .map(|&k| (anchors[k].base, anchors[k].other))
            .collect();
        ends.push((base_len, other_len));
        ends
    }
}
