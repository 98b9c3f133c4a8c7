//! How many words two word-id sequences share in order (the length of their longest
//! common subsequence), computed bit-parallel: a quotation is scored against each of its
//! candidate counterparts, and a full diff of every candidate cost more than the rest of
//! the findings together (callgrind, docs/benchmarks.md). The diff is then made once, for
//! the counterpart chosen.
//!
//! The method is the bit-vector recurrence of Allison and Dix, in the form Hyyrö gave it
//! ("Bit-parallel LCS-length computation revisited", 2004): one machine word holds 64
//! positions of the pattern, and each word of the other sequence updates them all with an
//! addition, an and and an or.

/// One sequence prepared for comparison with many others: for each distinct id in it,
/// the bit mask of the positions where it stands.
pub(crate) struct Pattern {
    len: usize,
    /// Distinct ids, sorted, for binary search.
    ids: Vec<usize>,
    /// `blocks` masks per id in `ids`, in the same order.
    masks: Vec<u64>,
    blocks: usize,
}

impl Pattern {
    /// The masks of `seq`.
    pub(crate) fn of(seq: &[usize]) -> Pattern {
        let blocks = seq.len().div_ceil(64);
        let mut ids = seq.to_vec();
        ids.sort_unstable();
        ids.dedup();
        let mut masks = vec![0u64; ids.len() * blocks];
        for (pos, id) in seq.iter().enumerate() {
            if let Ok(k) = ids.binary_search(id) {
                masks[k * blocks + pos / 64] |= 1 << (pos % 64);
            }
        }
        Pattern {
            len: seq.len(),
            ids,
            masks,
            blocks,
        }
    }

    /// The length of the longest common subsequence of this pattern and `other`.
    pub(crate) fn common_len(&self, other: &[usize]) -> usize {
        if self.len == 0 || other.is_empty() {
            return 0;
        }
        // Bit i of `v` is 0 where pattern position i has been matched on the best path.
        let mut v = vec![u64::MAX; self.blocks];
        for id in other {
            let Ok(k) = self.ids.binary_search(id) else {
                continue;
            };
            let masks = &self.masks[k * self.blocks..(k + 1) * self.blocks];
            let mut carry = false;
            for (vb, &m) in v.iter_mut().zip(masks) {
                let u = *vb & m;
                let (sum, c1) = vb.overflowing_add(u);
                let (sum, c2) = sum.overflowing_add(u64::from(carry));
                carry = c1 || c2;
                *vb = sum | (*vb & !m);
            }
        }
        let mut zeros = 0;
        for (b, vb) in v.iter().enumerate() {
            let bits = (self.len - b * 64).min(64);
            let mask = if bits == 64 {
                u64::MAX
            } else {
                (1u64 << bits) - 1
            };
            zeros += (!vb & mask).count_ones() as usize;
        }
        zeros
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use similar::{Algorithm, DiffOp, capture_diff_slices};

    /// The words a minimal diff keeps equal: the longest common subsequence.
    fn by_diff(a: &[usize], b: &[usize]) -> usize {
        capture_diff_slices(Algorithm::Myers, a, b)
            .iter()
            .map(|op| match op {
                DiffOp::Equal { len, .. } => *len,
                _ => 0,
            })
            .sum()
    }

    #[test]
    fn small_cases() {
        let p = Pattern::of(&[1, 2, 3, 4]);
        assert_eq!(p.common_len(&[1, 2, 3, 4]), 4);
        assert_eq!(p.common_len(&[4, 3, 2, 1]), 1);
        assert_eq!(p.common_len(&[1, 9, 3, 9, 4]), 3);
        assert_eq!(p.common_len(&[]), 0);
        assert_eq!(Pattern::of(&[]).common_len(&[1]), 0);
    }

    proptest::proptest! {
        /// The same length as the diff's equal runs, across block boundaries.
        #[test]
        fn agrees_with_a_minimal_diff(
            a in proptest::collection::vec(0usize..6, 0..200),
            b in proptest::collection::vec(0usize..6, 0..200),
        ) {
            proptest::prop_assert_eq!(Pattern::of(&a).common_len(&b), by_diff(&a, &b));
        }
    }
}
