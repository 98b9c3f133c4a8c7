//! Anchors and the shared order: the sentence pairs trusted before anything else is
//! aligned (exact pairs, and mutual best candidates with a clear score), and the longest
//! increasing subsequence of them, which is the order both versions share. The gaps
//! between consecutive anchors of that order are aligned next (`gap`).

use crate::engine::align::candidates::Candidates;
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
    /// The shared order of `anchors` (sorted by base sentence).
    pub(super) fn of(anchors: &[SentencePair]) -> SharedOrder {
        let chain = lis(&anchors.iter().map(|a| a.other).collect::<Vec<_>>());
        let mut on_chain = vec![false; anchors.len()];
        for &k in &chain {
            on_chain[k] = true;
        }
        SharedOrder { chain, on_chain }
    }

    /// The anchors on the chain as pairings, in order, with their sentences marked used.
    pub(super) fn pairings(&self, anchors: &[SentencePair], used: &mut Used) -> Vec<Pairing> {
        self.chain
            .iter()
            .map(|&k| {
                let pairing = Pairing::single(anchors[k], false);
                used.mark(&pairing, true);
                pairing
            })
            .collect()
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

/// Indices of a longest strictly increasing subsequence of `seq` (by value).
pub(super) fn lis(seq: &[usize]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new(); // indices into seq
    let mut prev = vec![usize::MAX; seq.len()];
    for (k, &value) in seq.iter().enumerate() {
        let pos = tails.partition_point(|&t| seq[t] < value);
        if pos > 0 {
            prev[k] = tails[pos - 1];
        }
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut k = tails.last().copied().unwrap_or(usize::MAX);
    while k != usize::MAX {
        out.push(k);
        k = prev[k];
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lis_finds_a_longest_increasing_run() {
        assert_eq!(lis(&[]), Vec::<usize>::new());
        assert_eq!(lis(&[3, 1, 2, 5, 4]), vec![1, 2, 4]);
        assert_eq!(lis(&[0, 1, 2]), vec![0, 1, 2]);
    }
}
