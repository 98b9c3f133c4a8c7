//! The likely original among the versions of one story: the version the others share most
//! story text with. Each candidate is scored by the share of every other version's word
//! shingles (story text only: furniture and datelines are left out) found in it, averaged
//! over the others: copies take from the original, so it holds what they kept, and the
//! text a copy trimmed counts for the original, not against it. Page furniture counts for
//! nothing, so the version with the most furniture never wins by its size. Candidates
//! within a whisker of the best (copies with the same story text, one with a few lines of
//! furniture the marker missed) are told apart by their furniture: wires carry none of
//! it, so the cleaner copy is the likelier original; then the preferred version, then the
//! first. With two versions the text cannot tell which copied which: the first (or the
//! preferred) one is the base.
//!
//! Linear in the total number of shingles: every shingle of every version is visited
//! twice (once to sum its shares, once to count them for the version).

use rustc_hash::FxHashMap;

/// Mean shares of text found within this of the best are a tie, settled by furniture: a
/// few lines of undetected furniture (or a trimmed sentence no one else kept) move a
/// version's share by about that much over a handful of versions.
const NEAR_TIE: f64 = 0.02;

/// The index of the likely original among versions with story shingles `sets` (one
/// sorted, distinct set per version, as `shingles::of` makes them) and `furniture`
/// sentences (indexed alike); `preferred` wins ties, and is the answer for fewer than three
/// versions.
pub(crate) fn likely_original(sets: &[Vec<u64>], furniture: &[usize], preferred: usize) -> usize {
    let preferred = preferred.min(sets.len().saturating_sub(1));
    if sets.len() < 3 {
        return preferred;
    }
    let scores = scores(sets);
    let best = scores.iter().copied().fold(f64::MIN, f64::max);
    let furniture_of = |k: usize| furniture.get(k).copied().unwrap_or(0);
    (0..sets.len())
        .filter(|&k| scores[k] >= best - NEAR_TIE)
        .min_by_key(|&k| (furniture_of(k), k != preferred, k))
        .unwrap_or(preferred)
}

/// Each version's mean, over the other versions, of the share of the other's shingles
/// found in it.
fn scores(sets: &[Vec<u64>]) -> Vec<f64> {
    let count = sets.len();
    let share = |k: usize| 1.0 / sets[k].len() as f64;
    // Per shingle: the sum of the shares of the versions holding it, added in version
    // order.
    let mut total: FxHashMap<u64, f64> = FxHashMap::default();
    for (k, set) in sets.iter().enumerate() {
        for &shingle in set {
            *total.entry(shingle).or_insert(0.0) += share(k);
        }
    }
    // Per version: the sum over the others of the share of theirs found in it.
    let found: Vec<f64> = (0..count)
        .map(|k| {
            sets[k]
                .iter()
                .fold(0.0, |sum, shingle| sum + (total[shingle] - share(k)))
        })
        .collect();
    let others = (count - 1) as f64;
    found.into_iter().map(|sum| sum / others).collect()
}

/// What [`scores`] computes, the slow way: for tests.
#[cfg(test)]
fn scores_pairwise(sets: &[Vec<u64>]) -> Vec<f64> {
    let found = |of: usize, in_: usize| {
        let len = sets[of].len();
        if len == 0 {
            0.0
        } else {
            crate::engine::report::shingles::shared(&sets[of], &sets[in_]) as f64 / len as f64
        }
    };
    let count = sets.len();
    (0..count)
        .map(|k| {
            let sum: f64 = (0..count).filter(|&v| v != k).map(|v| found(v, k)).sum();
            sum / (count - 1) as f64
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A set of shingles from ranges of numbers (start, end).
    fn set(ranges: &[(u64, u64)]) -> Vec<u64> {
        let mut out: Vec<u64> = ranges.iter().flat_map(|&(start, end)| start..end).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn the_text_the_others_took_from_wins() {
        let wire = set(&[(0, 100)]);
        // A verbatim copy with a little furniture the marker missed, a trimmed copy, and a
        // rewrite that kept a fifth of the wording and added its own.
        let verbatim = set(&[(0, 100), (1000, 1004)]);
        let trimmed = set(&[(0, 60)]);
        let rewrite = set(&[(0, 20), (2000, 2080)]);
        let sets = [verbatim, trimmed, rewrite, wire];
        assert_eq!(likely_original(&sets, &[9, 0, 2, 0], 0), 3);
        // The same copy with its furniture all found: the same story text, less furniture.
        let sets = [
            set(&[(0, 100)]),
            set(&[(0, 60)]),
            set(&[(0, 20), (2000, 2080)]),
            set(&[(0, 100)]),
        ];
        assert_eq!(likely_original(&sets, &[9, 0, 2, 0], 0), 3);
    }

    #[test]
    fn what_copies_trimmed_counts_for_the_original() {
        // The original has a paragraph no copy kept; one copy adds a blurb of its own.
        let original = set(&[(0, 100), (100, 110)]);
        let blurb = set(&[(0, 100), (3000, 3008)]);
        let spun = set(&[(0, 40), (4000, 4060)]);
        let rewrite = set(&[(0, 15), (5000, 5100)]);
        let sets = [blurb, original, spun, rewrite];
        assert_eq!(likely_original(&sets, &[30, 8, 2, 1], 0), 1);
    }

    #[test]
    fn a_rewrite_does_not_win() {
        let wire = set(&[(0, 100)]);
        let rewrite = set(&[(0, 10), (5000, 5060)]);
        let trimmed = set(&[(0, 70)]);
        assert_eq!(likely_original(&[rewrite, wire, trimmed], &[0, 0, 0], 0), 1);
    }

    #[test]
    fn two_versions_and_ties_go_to_the_preferred() {
        let story = set(&[(0, 50)]);
        let other = set(&[(0, 40)]);
        assert_eq!(likely_original(&[story.clone(), other.clone()], &[], 0), 0);
        assert_eq!(likely_original(&[story.clone(), other], &[], 1), 1);
        let same = [story.clone(), story.clone(), story];
        assert_eq!(likely_original(&same, &[], 2), 2);
        assert_eq!(likely_original(&same, &[], 0), 0);
        assert_eq!(likely_original(&same, &[3, 1, 1], 0), 1);
        assert_eq!(likely_original(&[], &[], 3), 0);
        let empty = [Vec::new(), Vec::new(), Vec::new()];
        assert_eq!(likely_original(&empty, &[], 1), 1);
    }

    proptest! {
        #[test]
        fn linear_scores_equal_the_pairwise_definition(
            sets in prop::collection::vec(prop::collection::btree_set(0u64..40, 0..30), 2..6)
        ) {
            let sets: Vec<Vec<u64>> = sets.into_iter().map(|s| s.into_iter().collect()).collect();
            let fast = scores(&sets);
            let slow = scores_pairwise(&sets);
            for (a, b) in fast.iter().zip(&slow) {
                prop_assert!((a - b).abs() < 1e-9, "{fast:?} {slow:?}");
            }
        }
    }
}
