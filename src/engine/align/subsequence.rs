//! A common subsequence of two sequences of keys (the texts of repeated sentences), found
//! in order with bounded work: the common tail first, then Myers' greedy search for the
//! shortest edit script ("An O(ND) difference algorithm", 1986), which walks the common head
//! for free. One search is limited to `MAX_EDITS` edits and `MAX_WORK` steps; when it hits a
//! limit, the furthest point it reached is kept (the script up to there is the shortest one
//! to reach it) and the search starts again from that point. A long stretch with many edits
//! is so matched piece by piece rather than not at all, and the work per matched key stays
//! bounded by a count, whatever the input.
//!
//! Edit scripts of the same length differ in where their gaps fall, which matters for
//! repeats: S against S' inside a run of S must leave the S left out facing S', in one gap
//! where the gap DP pairs them, not in gaps far apart. So the pairs found are compacted:
//! within each run of equal keys, the copies left out move to face what the other side
//! leaves out (`compact`).

use std::collections::BTreeMap;

/// Most edits (keys left out on either side) one search explores before it stops at the
/// furthest point reached: edits in a run of repeats between two unique sentences are
/// rarely more than a few dozen, and the search's memory grows with the square of this.
const MAX_EDITS: usize = 256;
/// Most steps (diagonals tried plus keys compared) one search takes before it stops at the
/// furthest point reached: sixteen times `MAX_EDITS` squared, so that a search explores
/// all its edits unless its runs of equal keys are very long, and even a search stopped by
/// it has advanced by about as many keys as it spent steps per edit.
const MAX_WORK: usize = 1 << 20;

/// Pairs `(i, j)` of positions with `base[i] == other[j]`, increasing on both sides: a
/// longest common subsequence when the edits between the two are few, otherwise one
/// assembled from shortest edit scripts between points reached in order. `weight` says how
/// many sentences a key stands for (a key found on one side only may stand for a stretch
/// of them), which is how many left-out keys of the other side it can face.
pub(super) fn common_subsequence<K: Eq>(
    base: &[K],
    other: &[K],
    weight: impl Fn(&K) -> usize,
) -> Vec<(usize, usize)> {
    let tail = base
        .iter()
        .rev()
        .zip(other.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (base_end, other_end) = (base.len() - tail, other.len() - tail);
    let mut pairs = Vec::new();
    let (mut x, mut y) = (0, 0);
    while x < base_end && y < other_end {
        let search = Search::new(&base[x..base_end], &other[y..other_end]);
        let (reached_x, reached_y) = search.run(&mut |i, j| pairs.push((x + i, y + j)));
        x += reached_x;
        y += reached_y;
    }
    pairs.sort_unstable();
    pairs.extend((0..tail).map(|k| (base_end + k, other_end + k)));
    compact(base, other, &pairs, weight)
}

/// Move the keys left out on one side, within each run of equal keys, to where the other
/// side leaves keys out too, so that a replaced repeat and its replacement share a gap
/// (git's "compaction", generalised): in a run of one key, which copies are kept does not
/// change what is matched, only where the gaps fall. The base's runs first, then the other
/// side's; the pairs stay a common subsequence of the same length.
fn compact<K: Eq>(
    base: &[K],
    other: &[K],
    pairs: &[(usize, usize)],
    weight: impl Fn(&K) -> usize,
) -> Vec<(usize, usize)> {
    let mut kept_base = vec![false; base.len()];
    let mut kept_other = vec![false; other.len()];
    for &(i, j) in pairs {
        kept_base[i] = true;
        kept_other[j] = true;
    }
    let base_weights: Vec<usize> = base.iter().map(&weight).collect();
    let other_weights: Vec<usize> = other.iter().map(&weight).collect();
    place_left_out(
        (base, &base_weights),
        &mut kept_base,
        (&kept_other, &other_weights),
    );
    place_left_out(
        (other, &other_weights),
        &mut kept_other,
        (&kept_base, &base_weights),
    );
    let positions =
        |kept: &[bool]| -> Vec<usize> { (0..kept.len()).filter(|&p| kept[p]).collect() };
    positions(&kept_base)
        .into_iter()
        .zip(positions(&kept_other))
        .collect()
}

/// `compact` on one side: `keys` and their weights, with their `kept` flags, facing the
/// other side's flags and weights. A key left out "faces" the other side's gap between the
/// kept keys around it; in each run of equal keys the left-out copies go to the gaps in
/// reach that still have other-side sentences no copy faces yet, each taken from the
/// nearest place; the rest stay where they are. Each left-out key then takes up as many of
/// the sentences it faces as it stands for.
fn place_left_out<K: Eq>(
    (keys, weights): (&[K], &[usize]),
    kept: &mut [bool],
    (opposite_kept, opposite_weights): (&[bool], &[usize]),
) {
    let mut free_opposite = gap_sizes(opposite_kept, opposite_weights);
    let (mut start, mut rank) = (0, 0);
    while start < keys.len() {
        let end = start
            + keys[start..]
                .iter()
                .take_while(|&k| k == &keys[start])
                .count();
        let run = &mut kept[start..end];
        // Per left-out copy, the kept copies of the run before it (its place in the run).
        let mut places: Vec<usize> = Vec::new();
        let mut kept_count = 0;
        for &is_kept in run.iter() {
            if is_kept {
                kept_count += 1;
            } else {
                places.push(kept_count);
            }
        }
        if kept_count > 0 && !places.is_empty() {
            places = better_places(
                &places,
                kept_count,
                &free_opposite[rank..=rank + kept_count],
            );
            rewrite_run(run, &places);
        }
        // Every copy of a run has the run's key, hence its weight.
        for &place in &places {
            let free = &mut free_opposite[rank + place];
            *free = free.saturating_sub(weights[start]);
        }
        rank += kept_count;
        start = end;
    }
}

/// Per rank r (0 to the number kept), how many sentences (the weights of the keys) are
/// left out between kept keys r - 1 and r.
fn gap_sizes(kept: &[bool], weights: &[usize]) -> Vec<usize> {
    let mut sizes = vec![0];
    for (&is_kept, &weight) in kept.iter().zip(weights) {
        if is_kept {
            sizes.push(0);
        } else {
            *sizes.last_mut().expect("never empty") += weight;
        }
    }
    sizes
}

/// New places (ascending) for the left-out copies of one run, now at `places` (ascending,
/// each from 0 to `kept_count`), given how many other-side sentences at each place no copy
/// faces yet (`free`): every free sentence, in order, draws the nearest copy not yet moved
/// (the earlier one on a tie), while there are copies left.
fn better_places(places: &[usize], kept_count: usize, free: &[usize]) -> Vec<usize> {
    let mut unmoved: BTreeMap<usize, usize> = BTreeMap::new();
    for &place in places {
        *unmoved.entry(place).or_default() += 1;
    }
    let mut moved = Vec::with_capacity(places.len());
    let mut left = places.len();
    for (place, &count) in free.iter().enumerate().take(kept_count + 1) {
        for _ in 0..count.min(left) {
            let below = unmoved.range(..=place).next_back().map(|(&p, _)| p);
            let above = unmoved.range(place..).next().map(|(&p, _)| p);
            let nearest = match (below, above) {
                (Some(b), Some(a)) if a - place < place - b => a,
                (Some(b), _) => b,
                (None, Some(a)) => a,
                (None, None) => unreachable!("copies are left"),
            };
            let count = unmoved.get_mut(&nearest).expect("present");
            *count -= 1;
            if *count == 0 {
                unmoved.remove(&nearest);
            }
            moved.push(place);
            left -= 1;
        }
    }
    moved.extend(
        unmoved
            .into_iter()
            .flat_map(|(place, count)| std::iter::repeat_n(place, count)),
    );
    moved.sort_unstable();
    moved
}

/// Set the flags of one run so that its left-out copies sit at `places` (ascending).
fn rewrite_run(run: &mut [bool], places: &[usize]) {
    let mut next = places.iter().peekable();
    let mut kept_so_far = 0;
    for flag in run.iter_mut() {
        if next.next_if(|&&place| place == kept_so_far).is_some() {
            *flag = false;
        } else {
            *flag = true;
            kept_so_far += 1;
        }
    }
}

/// How one diagonal's furthest point was reached at an edit count: its x, and whether the
/// last edit was an insertion (a step down, from diagonal k + 1) or a deletion (a step
/// right, from diagonal k - 1).
#[derive(Debug, Clone, Copy)]
struct Reached {
    x: usize,
    down: bool,
}

/// One bounded search from the start of `base` and `other` (positions are x in `base` and
/// y in `other`; diagonal k is x - y).
struct Search<'a, K> {
    base: &'a [K],
    other: &'a [K],
    /// Per edit count d, the furthest point of each diagonal -d, -d + 2, ..., d (`None`
    /// when the diagonal is outside the sequences).
    trace: Vec<Vec<Option<Reached>>>,
    steps: usize,
}

impl<'a, K: Eq> Search<'a, K> {
    fn new(base: &'a [K], other: &'a [K]) -> Self {
        Search {
            base,
            other,
            trace: Vec::new(),
            steps: 0,
        }
    }

    /// Search, hand every matched pair to `pair` (positions from the start), and return the
    /// point the pairs lead to: the end of both sequences, or the furthest point reached
    /// when a limit stopped the search.
    fn run(mut self, pair: &mut impl FnMut(usize, usize)) -> (usize, usize) {
        let (n, m) = (self.base.len(), self.other.len());
        let most_edits = MAX_EDITS.min(n + m);
        let end_diagonal = n as isize - m as isize;
        for edits in 0..=most_edits {
            let row = self.step(edits);
            let at_end = slot_of(edits, end_diagonal)
                .filter(|&slot| row[slot].is_some_and(|reached| reached.x == n));
            self.trace.push(row);
            if let Some(slot) = at_end {
                return self.backtrack(edits, slot, pair);
            }
            if self.steps >= MAX_WORK || edits == most_edits {
                let slot = self.furthest(edits);
                return self.backtrack(edits, slot, pair);
            }
        }
        unreachable!("the last edit count always returns")
    }

    /// The furthest points of every diagonal after `edits` edits, from the row before.
    fn step(&mut self, edits: usize) -> Vec<Option<Reached>> {
        let (n, m) = (self.base.len() as isize, self.other.len() as isize);
        let mut row = Vec::with_capacity(edits + 1);
        for slot in 0..=edits {
            let k = diagonal(edits, slot);
            if k > n || k < -m {
                row.push(None);
                continue;
            }
            let reached = if edits == 0 {
                Some(self.snake(0, 0, false))
            } else {
                self.best_entry(edits, slot, k)
            };
            row.push(reached);
        }
        row
    }

    /// The furthest point of diagonal `k` after `edits` edits: one step down from diagonal
    /// k + 1 or right from k - 1 (both after `edits - 1` edits), whichever starts further
    /// (a run from further on the same diagonal never ends sooner; the step down on a tie),
    /// then along the run of equal keys.
    fn best_entry(&mut self, edits: usize, slot: usize, k: isize) -> Option<Reached> {
        let (n, m) = (self.base.len(), self.other.len());
        let previous = &self.trace[edits - 1];
        // Diagonal k + 1 is slot `slot` of the previous row, k - 1 is slot `slot - 1`.
        let from_above = (slot < edits).then(|| previous[slot]).flatten();
        let from_left = slot.checked_sub(1).and_then(|s| previous[s]);
        let down = from_above
            .map(|r| (r.x, (r.x as isize - k) as usize))
            .filter(|&(_, y)| y <= m);
        let right = from_left
            .map(|r| (r.x + 1, (r.x as isize + 1 - k) as usize))
            .filter(|&(x, _)| x <= n);
        match (down, right) {
            (Some((x, y)), Some((right_x, _))) if x >= right_x => Some(self.snake(x, y, true)),
            (_, Some((x, y))) => Some(self.snake(x, y, false)),
            (Some((x, y)), None) => Some(self.snake(x, y, true)),
            (None, None) => None,
        }
    }

    /// Follow the run of equal keys from (x, y); `down` records how (x, y) was entered.
    fn snake(&mut self, mut x: usize, mut y: usize, down: bool) -> Reached {
        self.steps += 1;
        while x < self.base.len() && y < self.other.len() && self.base[x] == self.other[y] {
            x += 1;
            y += 1;
            self.steps += 1;
        }
        Reached { x, down }
    }

    /// The slot of the furthest point (largest x + y) in the last row, closest to the
    /// diagonal that leads to the end on a tie, then the lowest diagonal.
    fn furthest(&self, edits: usize) -> usize {
        let (n, m) = (self.base.len() as isize, self.other.len() as isize);
        let row = &self.trace[edits];
        let mut best: Option<(usize, isize, isize)> = None; // slot, progress, distance
        for (slot, reached) in row.iter().enumerate() {
            let Some(reached) = reached else { continue };
            let k = diagonal(edits, slot);
            let progress = 2 * reached.x as isize - k;
            // Distance from the straight line to the end, scaled by n + m.
            let distance = (k * (n + m) - (n - m) * progress).abs();
            let better = match best {
                None => true,
                Some((_, p, d)) => progress > p || (progress == p && distance < d),
            };
            if better {
                best = Some((slot, progress, distance));
            }
        }
        best.map(|(slot, _, _)| slot).unwrap_or(0)
    }

    /// Walk back from the point in `slot` of row `edits`, handing over the pairs of every
    /// run on the way, and return that point.
    fn backtrack(
        &self,
        edits: usize,
        slot: usize,
        pair: &mut impl FnMut(usize, usize),
    ) -> (usize, usize) {
        let end = self.point(edits, slot);
        let (mut edits, mut slot) = (edits, slot);
        loop {
            let (x, y) = self.point(edits, slot);
            let reached = self.trace[edits][slot].expect("a point on the path");
            let (start_x, start_y, previous) = if edits == 0 {
                (0, 0, None)
            } else if reached.down {
                let (px, py) = self.point(edits - 1, slot);
                (px, py + 1, Some(slot))
            } else {
                let (px, py) = self.point(edits - 1, slot - 1);
                (px + 1, py, Some(slot - 1))
            };
            for step in 0..x - start_x {
                pair(start_x + step, start_y + step);
            }
            debug_assert_eq!(x - start_x, y - start_y);
            match previous {
                Some(previous_slot) => {
                    edits -= 1;
                    slot = previous_slot;
                }
                None => return end,
            }
        }
    }

    /// The point (x, y) in `slot` of row `edits`.
    fn point(&self, edits: usize, slot: usize) -> (usize, usize) {
        let x = self.trace[edits][slot].expect("a reached point").x;
        (x, (x as isize - diagonal(edits, slot)) as usize)
    }
}

/// The diagonal of `slot` in the row of `edits` edits: -edits, -edits + 2, ..., edits.
fn diagonal(edits: usize, slot: usize) -> isize {
    2 * slot as isize - edits as isize
}

/// The slot of diagonal `k` in the row of `edits` edits, if the row has it.
fn slot_of(edits: usize, k: isize) -> Option<usize> {
    let shifted = k + edits as isize;
    (shifted >= 0 && shifted % 2 == 0 && k.unsigned_abs() <= edits).then_some(shifted as usize / 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Length of a longest common subsequence, by the quadratic DP.
    fn lcs_len(a: &[u8], b: &[u8]) -> usize {
        let mut row = vec![0usize; b.len() + 1];
        for &x in a {
            let mut diagonal = 0;
            for (j, &y) in b.iter().enumerate() {
                let up = row[j + 1];
                row[j + 1] = if x == y { diagonal + 1 } else { up.max(row[j]) };
                diagonal = up;
            }
        }
        row[b.len()]
    }

    fn check_pairs(a: &[u8], b: &[u8], pairs: &[(usize, usize)]) {
        for w in pairs.windows(2) {
            assert!(w[0].0 < w[1].0 && w[0].1 < w[1].1, "{pairs:?}");
        }
        for &(i, j) in pairs {
            assert_eq!(a[i], b[j]);
        }
    }

    #[test]
    fn finds_a_longest_common_subsequence() {
        for (a, b) in [
            (&b"abcabba"[..], &b"cbabac"[..]),
            (b"", b"abc"),
            (b"abc", b""),
            (b"aaaa", b"aaaa"),
            (b"abcd", b"xyz"),
            (b"xaaay", b"aaa"),
        ] {
            let pairs = common_subsequence(a, b, |_| 1);
            check_pairs(a, b, &pairs);
            assert_eq!(pairs.len(), lcs_len(a, b), "{a:?} {b:?}");
        }
    }

    #[test]
    fn a_replaced_repeat_keeps_its_deletion_beside_its_insertion() {
        // S x 9 against S x 4, T, S x 4: the base S left over is the one facing T.
        let base = [0u8; 9];
        let mut other = [0u8; 9];
        other[4] = 1;
        let pairs = common_subsequence(&base, &other, |_| 1);
        assert_eq!(pairs.len(), 8);
        assert!(!pairs.iter().any(|&(i, _)| i == 4), "{pairs:?}");
        // Two replacements far apart, each kept in place.
        let base = [0u8; 40];
        let mut other = [0u8; 40];
        other[7] = 1;
        other[30] = 2;
        let pairs = common_subsequence(&base, &other, |_| 1);
        assert_eq!(pairs.len(), 38);
        assert!(pairs.iter().all(|&(i, j)| i == j), "{pairs:?}");
    }

    proptest::proptest! {
        /// Few distinct keys, short sequences: always a longest common subsequence.
        #[test]
        fn longest_on_small_inputs(
            a in proptest::collection::vec(0u8..3, 0..40),
            b in proptest::collection::vec(0u8..3, 0..40),
        ) {
            let pairs = common_subsequence(&a, &b, |_| 1);
            check_pairs(&a, &b, &pairs);
            proptest::prop_assert_eq!(pairs.len(), lcs_len(&a, &b));
        }

    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(8))]
        /// Random binary sequences this long need several hundred edits, past `MAX_EDITS`:
        /// the pieces found between the points reached are still valid pairs in order, and
        /// most of a longest common subsequence (the worst of 300 seeded runs of this shape
        /// kept 0.879 of it; the bound leaves a margin below that).
        #[test]
        fn valid_when_the_limits_are_hit(
            a in proptest::collection::vec(0u8..2, 900..1400),
            b in proptest::collection::vec(0u8..2, 900..1400),
        ) {
            let pairs = common_subsequence(&a, &b, |_| 1);
            check_pairs(&a, &b, &pairs);
            proptest::prop_assert!(pairs.len() * 20 >= lcs_len(&a, &b) * 17);
        }
    }
}
