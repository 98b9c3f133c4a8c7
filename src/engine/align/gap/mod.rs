//! The gap DP: the unpaired sentences between two consecutive anchors of the shared order
//! are aligned in order by dynamic programming over a table whose cell (row, col) holds
//! the best gain for the first `row` base and first `col` other sentences of the gap.
//! A cell is reached by one of five transitions:
//!
//! - 1:0, a base sentence left unpaired (deleted), and 0:1, an other sentence left
//!   unpaired (added): no gain;
//! - 1:1, a pair: similar enough (`LINK`) and not outclassed by a much better partner of
//!   either sentence elsewhere;
//! - 1:k, one base sentence split into k other sentences, and k:1, k base sentences merged
//!   into one (k ≤ `MAX_GROUP`): every member must be covered by the one sentence
//!   (`MEMBER`), at least one member must resemble it on its own (`GATE`), and a line
//!   without final punctuation in its own paragraph never joins a group.
//!
//! A pairing of n sentences gains `(similarity - LINK) * n / 2`, less `GROUP_COST` for
//! each sentence beyond the second, so groups must earn their size.
//!
//! A gap of up to `DENSE_CELLS` cells fills its whole table; a larger one fills only a
//! corridor around the path of its best candidate pairs (`corridor`), so memory and time
//! grow with the gap's length, never with its area. A transition that could not beat the
//! best one found for a cell even with a perfect score is not scored.

mod gains;
mod lane;
mod scores;
mod table;

use std::cell::OnceCell;

use crate::engine::align::candidates::{BestScores, Candidates};
use crate::engine::align::chain::heaviest_chain;
use crate::engine::align::corridor::Corridor;
use crate::engine::align::pairing::{Pairing, Used, WhichSide};
use crate::engine::align::sides::Side;
use crate::engine::align::similarity::similarity;
use gains::{LINK, MAX_GROUP, gain, outclassed};
use lane::{GroupLane, GrowingGroup};
use scores::PairScores;
use table::{Cell, Step, Table};

/// Largest gap (base x other sentences) whose whole table is filled; a larger one fills a
/// corridor around its best candidate pairs. A few hundred sentences a side: a story's
/// longest rewritten stretch, at a few megabytes of table.
const DENSE_CELLS: usize = 250_000;

/// What every gap is aligned with: both sides, the candidate lists (the guide through a gap
/// too large for a whole table) and each sentence's best candidate score.
pub(super) struct GapContext<'a> {
    pub(super) base: &'a Side<'a>,
    pub(super) other: &'a Side<'a>,
    pub(super) candidates: &'a Candidates,
    pub(super) best_scores: &'a BestScores,
}

/// Align every gap: the free sentences before each of `ends` (exclusive, on both sides)
/// and after the previous one. The pairings found are marked used and appended to `links`.
pub(super) fn align_gaps(
    context: &GapContext,
    ends: &[(usize, usize)],
    used: &mut Used,
    links: &mut Vec<Pairing>,
) {
    let (mut start_base, mut start_other) = (0, 0);
    for &(end_base, end_other) in ends {
        let base_ids: Vec<usize> = (start_base..end_base).filter(|&i| !used.base[i]).collect();
        let other_ids: Vec<usize> = (start_other..end_other)
            .filter(|&j| !used.other[j])
            .collect();
        for pairing in align_gap(context, &base_ids, &other_ids) {
            used.mark(&pairing, true);
            links.push(pairing);
        }
        start_base = end_base + 1;
        start_other = end_other + 1;
    }
}

/// Align base sentences `base_ids` with other sentences `other_ids` (both ascending, a gap
/// between anchors) in order; returns the pairings found, in order.
fn align_gap(context: &GapContext, base_ids: &[usize], other_ids: &[usize]) -> Vec<Pairing> {
    if base_ids.is_empty() || other_ids.is_empty() {
        return Vec::new();
    }
    let (rows, columns) = (base_ids.len(), other_ids.len());
    let corridor = if rows.saturating_mul(columns) <= DENSE_CELLS {
        Corridor::full(rows, columns)
    } else {
        let guide = heaviest_chain(candidate_pairs(context, base_ids, other_ids), columns);
        // A pair (row, col) is the step from cell (row, col) to (row + 1, col + 1).
        let points: Vec<(usize, usize)> = guide
            .iter()
            .flat_map(|&(row, col)| [(row, col), (row + 1, col + 1)])
            .collect();
        Corridor::around(&points, rows, columns)
    };
    let mut dp = GapDp {
        context,
        base_ids,
        other_ids,
        scores: PairScores::new(
            (context.base, base_ids),
            (context.other, other_ids),
            &corridor,
        ),
        table: Table::new(&corridor),
        corridor: &corridor,
    };
    dp.fill();
    dp.pairings()
}

/// The candidate pairs inside a gap that would gain as links, as (row, column, gain per
/// sentence) in the gap's table.
fn candidate_pairs(
    context: &GapContext,
    base_ids: &[usize],
    other_ids: &[usize],
) -> Vec<(usize, usize, f32)> {
    let mut pairs = Vec::new();
    for (row, &i) in base_ids.iter().enumerate() {
        for candidate in &context.candidates.of_base[i] {
            if let Ok(col) = other_ids.binary_search(&candidate.other)
                && candidate.score > LINK
            {
                pairs.push((row, col, candidate.score - LINK));
            }
        }
    }
    pairs
}

/// One gap being aligned.
struct GapDp<'a> {
    context: &'a GapContext<'a>,
    base_ids: &'a [usize],
    other_ids: &'a [usize],
    scores: PairScores<'a>,
    table: Table<'a>,
    corridor: &'a Corridor,
}

impl GapDp<'_> {
    /// Fill the table, row by row (cell (0, 0), nothing taken, gains 0).
    fn fill(&mut self) {
        for row in 0..=self.base_ids.len() {
            for col in self.corridor.columns(row) {
                if row == 0 && col == 0 {
                    continue;
                }
                let cell = self.best_cell(row, col);
                self.table.set(row, col, cell);
            }
        }
    }

    /// The best transition into cell (row, col), in a fixed order of consideration:
    /// 1:0, 0:1, 1:1, 1:k by growing k, k:1 by growing k.
    fn best_cell(&self, row: usize, col: usize) -> Cell {
        let mut cell = Cell::unreached();
        if row > 0 {
            cell.consider(self.table.gain(row - 1, col), Step::UNPAIRED_BASE);
        }
        if col > 0 {
            cell.consider(self.table.gain(row, col - 1), Step::UNPAIRED_OTHER);
        }
        if row > 0 && col > 0 {
            let pair_score = self.scores.get(row - 1, col - 1);
            self.consider_pair(row, col, pair_score, &mut cell);
            self.consider_groups(WhichSide::Other, row, col, pair_score, &mut cell);
            self.consider_groups(WhichSide::Base, row, col, pair_score, &mut cell);
        }
        cell
    }

    /// 1:1: the last base sentence of the cell with its last other sentence.
    fn consider_pair(&self, row: usize, col: usize, pair_score: f32, cell: &mut Cell) {
        let best = self.context.best_scores;
        let rival = || best.base[self.base_ids[row - 1]].max(best.other[self.other_ids[col - 1]]);
        if pair_score > LINK && !outclassed(pair_score, rival()) {
            cell.consider(
                self.table.gain(row - 1, col - 1) + gain(pair_score, 2),
                Step::pairing(1, 1, pair_score),
            );
        }
    }

    /// 1:k when `grouped` is the other side (a base sentence split), k:1 when it is the
    /// base (sentences merged): the last sentence of the cell on the single side with the
    /// last k sentences on the grouped side. A size that could not beat the cell's best so
    /// far even with a perfect score is not scored, nor the lane when no size could.
    fn consider_groups(
        &self,
        grouped: WhichSide,
        row: usize,
        col: usize,
        pair_score: f32,
        cell: &mut Cell,
    ) {
        let lane = self.lane(grouped, row, col);
        let taken = |size: usize| match grouped {
            WhichSide::Other => (1, size),
            WhichSide::Base => (size, 1),
        };
        let could_win = |size: usize, best: f32| {
            let (base_taken, other_taken) = taken(size);
            self.table.gain(row - base_taken, col - other_taken) + gain(1.0, size + 1) > best
        };
        if !(2..=MAX_GROUP.min(lane.end)).any(|size| could_win(size, cell.gain)) {
            return;
        }
        let sizes = lane.group_sizes(pair_score);
        if sizes.is_empty() {
            return;
        }
        let single = OnceCell::new();
        let mut group = GrowingGroup::new(&lane);
        for size in sizes {
            if !could_win(size, cell.gain) {
                continue;
            }
            let score = self.scores.group_similarity(
                grouped,
                lane.fixed,
                lane.end - size..lane.end,
                || {
                    let single =
                        single.get_or_init(|| lane.single_side.sentence_profile(lane.single));
                    let grown = group.of_size(size);
                    match grouped {
                        WhichSide::Other => similarity(single, grown),
                        WhichSide::Base => similarity(grown, single),
                    }
                },
            );
            if score > LINK {
                let (base_taken, other_taken) = taken(size);
                cell.consider(
                    self.table.gain(row - base_taken, col - other_taken) + gain(score, size + 1),
                    Step::pairing(base_taken, other_taken, score),
                );
            }
        }
    }

    /// The lane of cell (row, col) with the group on `grouped`.
    fn lane(&self, grouped: WhichSide, row: usize, col: usize) -> GroupLane<'_> {
        let (base, other) = (self.context.base, self.context.other);
        match grouped {
            WhichSide::Other => GroupLane {
                single_side: base,
                single: self.base_ids[row - 1],
                group_side: other,
                group_ids: self.other_ids,
                end: col,
                scores: &self.scores,
                grouped,
                fixed: row - 1,
            },
            WhichSide::Base => GroupLane {
                single_side: other,
                single: self.other_ids[col - 1],
                group_side: base,
                group_ids: self.base_ids,
                end: row,
                scores: &self.scores,
                grouped,
                fixed: col - 1,
            },
        }
    }

    /// Walk back from the last cell and collect the pairings taken, in order.
    fn pairings(&self) -> Vec<Pairing> {
        let mut out = Vec::new();
        let (mut row, mut col) = (self.base_ids.len(), self.other_ids.len());
        while row > 0 || col > 0 {
            let step = self.table.step(row, col);
            let (base_taken, other_taken) = (step.base_taken as usize, step.other_taken as usize);
            if base_taken > 0 && other_taken > 0 {
                out.push(Pairing {
                    base: self.base_ids[row - base_taken..row].to_vec(),
                    other: self.other_ids[col - other_taken..col].to_vec(),
                    score: step.score,
                    moved: false,
                });
            }
            row -= base_taken;
            col -= other_taken;
        }
        out.reverse();
        out
    }
}
