//! MinHash sketches of the versions' shingle sets, and the few candidate pairs they
//! propose, so that the derivation scores a bounded number of pairs per version instead of
//! all pairs.
//!
//! A sketch is one-permutation MinHash: every shingle is remixed, its top bits pick one of
//! `BINS` bins and the bin keeps the smallest value; empty bins borrow from the next full
//! one (so short texts still have a full sketch). Two versions agreeing in a bin is a
//! sample of their Jaccard index (the share of bins they agree in estimates it). The
//! versions are sorted by their sketches, read from `ORDERS` different starting bins in
//! turn (an LSH forest of sorts: versions that agree on a run of bins sit side by side),
//! and each version is linked with its `LINKS` neighbours on either side in each order: a
//! bounded number of links however many versions agree (a thousand identical reprints
//! give each version at most 2 x `LINKS` x `ORDERS` links, not a thousand). Every
//! version's candidates are the linked versions whose sketches agree with its own in most
//! bins, at most `per_version` of them, ties by index. Deterministic: no clock, no
//! randomness but fixed hash mixing.

/// Bins in a sketch: enough that a pair sharing 5% of its shingles (a paraphrased copy)
/// agrees in about three bins, few enough that a sketch costs 512 bytes.
const BINS: usize = 64;
/// Orders the versions are sorted in, each by the sketch read from a different bin on
/// (bins 0, 4, 8, ...): versions that agree on a run of bins from the start sit side by
/// side, and the more two versions share, the more orders put them close.
const ORDERS: usize = 16;
/// Neighbours each version is linked with on each side in each order: at most
/// 2 x 3 x 16 = 96 versions are weighed for each, however many versions there are.
const LINKS: usize = 3;

/// A version's sketch; `None` for a version without shingles (it shares nothing).
type Sketch = Option<[u64; BINS]>;

/// The strong 64-bit mix of SplitMix64: spreads nearby values over all bits.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The one-permutation MinHash sketch of a sorted shingle set.
fn sketch(set: &[u64]) -> Sketch {
    if set.is_empty() {
        return None;
    }
    let mut bins = [u64::MAX; BINS];
    let shift = 64 - BINS.trailing_zeros();
    for &shingle in set {
        let x = mix(shingle);
        let bin = (x >> shift) as usize;
        bins[bin] = bins[bin].min(x);
    }
    // Densify: an empty bin takes the next full bin's value (circularly), re-mixed with
    // the distance so that borrowed values agree only where the sets do.
    let full: Vec<usize> = (0..BINS).filter(|&b| bins[b] != u64::MAX).collect();
    let mut out = bins;
    for (b, slot) in out.iter_mut().enumerate() {
        if *slot == u64::MAX {
            let next = full
                .iter()
                .copied()
                .find(|&f| f > b)
                .unwrap_or(full[0] + BINS);
            *slot = mix(bins[next % BINS] ^ (next - b) as u64);
        }
    }
    Some(out)
}

/// For each of the versions with shingle sets `sets`, the other versions it is most
/// likely to share text with: at most `per_version` of them, ascending. When there are
/// no more than `per_version` others, all of them.
pub(crate) fn candidates(sets: &[Vec<u64>], per_version: usize) -> Vec<Vec<usize>> {
    let n = sets.len();
    if n <= per_version + 1 {
        return (0..n)
            .map(|v| (0..n).filter(|&u| u != v).collect())
            .collect();
    }
    let sketches: Vec<Sketch> = sets.iter().map(|s| sketch(s)).collect();
    let mut links: Vec<Vec<u32>> = vec![Vec::new(); n];
    link_neighbours(&sketches, &mut links);
    links
        .iter_mut()
        .enumerate()
        .map(|(v, linked)| strongest(&sketches, v, linked, per_version))
        .collect()
}

/// Link every version with its neighbours in each of the orders (see the module doc).
fn link_neighbours(sketches: &[Sketch], links: &mut [Vec<u32>]) {
    let mut order: Vec<u32> = (0..sketches.len() as u32)
        .filter(|&v| sketches[v as usize].is_some())
        .collect();
    let bins = |v: u32| sketches[v as usize].as_ref().map_or(&[][..], |s| &s[..]);
    for k in 0..ORDERS {
        let from = k * BINS / ORDERS;
        order.sort_unstable_by(|&a, &b| {
            let (a_bins, b_bins) = (bins(a), bins(b));
            (a_bins[from..].iter().chain(&a_bins[..from]))
                .cmp(b_bins[from..].iter().chain(&b_bins[..from]))
                .then(a.cmp(&b))
        });
        for (i, &a) in order.iter().enumerate() {
            for &b in order.iter().skip(i + 1).take(LINKS) {
                links[a as usize].push(b);
                links[b as usize].push(a);
            }
        }
    }
}

/// Bins two sketches agree in.
fn agreement(a: &Sketch, b: &Sketch) -> usize {
    match (a, b) {
        (Some(a), Some(b)) => a.iter().zip(b).filter(|(x, y)| x == y).count(),
        _ => 0,
    }
}

/// The `limit` versions in `linked` whose sketches agree most with `sketches[v]` (ties:
/// lower index), ascending.
fn strongest(sketches: &[Sketch], v: usize, linked: &mut Vec<u32>, limit: usize) -> Vec<usize> {
    linked.sort_unstable();
    linked.dedup();
    let mut ranked: Vec<(usize, u32)> = linked
        .iter()
        .map(|&u| (agreement(&sketches[v], &sketches[u as usize]), u))
        .collect();
    ranked.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out: Vec<usize> = ranked
        .into_iter()
        .take(limit)
        .map(|(_, u)| u as usize)
        .collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(range: std::ops::Range<u64>) -> Vec<u64> {
        range.collect()
    }

    #[test]
    fn few_versions_are_all_candidates() {
        let sets = vec![set(0..10), set(5..15), set(100..110)];
        assert_eq!(
            candidates(&sets, 4),
            vec![vec![1, 2], vec![0, 2], vec![0, 1]]
        );
    }

    #[test]
    fn near_copies_find_each_other_among_many_unrelated() {
        // 200 unrelated texts and two pairs of near-copies hidden among them.
        let mut sets: Vec<Vec<u64>> = (0..200u64).map(|k| set(k * 1000..k * 1000 + 300)).collect();
        sets.push(set(5000..5290)); // ~0.97 with #5
        sets.push(set(77_000..77_150)); // 0.5 with #77
        let found = candidates(&sets, 8);
        assert!(found[200].contains(&5), "{:?}", found[200]);
        assert!(found[5].contains(&200));
        assert!(found[201].contains(&77), "{:?}", found[201]);
        assert!(found.iter().all(|c| c.len() <= 8));
    }

    #[test]
    fn identical_versions_stay_bounded() {
        let sets = vec![set(0..50); 500];
        let found = candidates(&sets, 6);
        assert!(found.iter().all(|c| !c.is_empty() && c.len() <= 6));
        assert_eq!(found, candidates(&sets, 6), "deterministic");
    }

    #[test]
    fn empty_sets_and_short_sets() {
        let sets = vec![
            Vec::new(),
            set(0..2),
            set(0..2),
            Vec::new(),
            set(9..11),
            set(0..2),
        ];
        let found = candidates(&sets, 2);
        assert!(found[0].is_empty() && found[3].is_empty());
        assert_eq!(found[1], vec![2, 5]);
        assert_eq!(sketch(&set(0..2)), sketch(&set(0..2)));
        assert_ne!(sketch(&set(0..2)), sketch(&set(9..11)));
    }
}
