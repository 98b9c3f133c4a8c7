//! Chains that keep the order of both versions: the longest increasing subsequence of a
//! sequence (the shared order of anchors, the links that did not move) and the heaviest
//! chain of weighted pairs (a gap's guide through its candidates; the links that did not
//! move, preferring those placed in order).

use std::ops::Add;

/// A weight of `heaviest_chain`: summed along a chain and compared.
pub(super) trait Weight: Copy + Default + PartialOrd + Add<Output = Self> {}

impl Weight for f32 {}
impl Weight for u64 {}

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

/// The chain of `pairs` (row, column, weight > 0) increasing on both coordinates with the
/// largest total weight, as (row, column), ascending; ties go to the pair met first (rows
/// ascending, columns descending). `columns` bounds the column values.
pub(super) fn heaviest_chain<W: Weight>(
    mut pairs: Vec<(usize, usize, W)>,
    columns: usize,
) -> Vec<(usize, usize)> {
    // Within a row, later columns first, so that no two pairs of one row chain up.
    pairs.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
    let mut best_before = PrefixBest::new(columns);
    // Per pair, the chain total ending at it and the pair before it in that chain.
    let mut chain_end: Vec<(W, Option<usize>)> = Vec::with_capacity(pairs.len());
    for (index, &(_, col, weight)) in pairs.iter().enumerate() {
        let before = best_before.below(col);
        let total = before.map_or(W::default(), |(total, _)| total) + weight;
        chain_end.push((total, before.map(|(_, at)| at)));
        best_before.offer(col, total, index);
    }
    let mut best: Option<usize> = None;
    for (index, &(total, _)) in chain_end.iter().enumerate() {
        if best.is_none_or(|b| total > chain_end[b].0) {
            best = Some(index);
        }
    }
    let mut chain = Vec::new();
    while let Some(index) = best {
        chain.push((pairs[index].0, pairs[index].1));
        best = chain_end[index].1;
    }
    chain.reverse();
    chain
}

/// Over column positions, the best (total, item) offered at any column below a given one:
/// a Fenwick tree of maxima. Of equal totals, the lower item wins.
struct PrefixBest<W> {
    tree: Vec<Option<(W, usize)>>,
}

impl<W: Weight> PrefixBest<W> {
    fn new(columns: usize) -> PrefixBest<W> {
        PrefixBest {
            tree: vec![None; columns + 1],
        }
    }

    /// The best offer at a column below `col`.
    fn below(&self, col: usize) -> Option<(W, usize)> {
        let mut best: Option<(W, usize)> = None;
        let mut at = col;
        while at > 0 {
            if let Some(offer) = self.tree[at]
                && best.is_none_or(|held| beats(offer, held))
            {
                best = Some(offer);
            }
            at &= at - 1;
        }
        best
    }

    /// Offer `item` with `total` at column `col`.
    fn offer(&mut self, col: usize, total: W, item: usize) {
        let mut at = col + 1;
        while at < self.tree.len() {
            if self.tree[at].is_none_or(|held| beats((total, item), held)) {
                self.tree[at] = Some((total, item));
            }
            at += at & at.wrapping_neg();
        }
    }
}

/// Whether offer `a` beats offer `b`: a larger total, or the same and a lower item.
fn beats<W: Weight>(a: (W, usize), b: (W, usize)) -> bool {
    a.0 > b.0 || (a.0 == b.0 && a.1 < b.1)
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

    #[test]
    fn heaviest_chain_keeps_order_and_weight() {
        let pairs = vec![
            (0, 5, 1.0),
            (1, 1, 0.5),
            (2, 2, 0.5),
            (3, 6, 0.4),
            (3, 3, 0.3),
        ];
        // (1, 1), (2, 2), (3, 6) weighs as much as (0, 5), (3, 6): the pair met first wins.
        let chain = heaviest_chain(pairs, 10);
        assert!(chain.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1));
        assert_eq!(chain, vec![(0, 5), (3, 6)]);
        assert!(heaviest_chain(Vec::<(usize, usize, f32)>::new(), 3).is_empty());
        assert_eq!(heaviest_chain(vec![(2, 2, 1.0), (2, 3, 1.0)], 4).len(), 1);
    }
}
