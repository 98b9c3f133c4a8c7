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

use std::ops::RangeInclusive;

use rustc_hash::FxHashMap as HashMap;

use crate::engine::align::candidates::{BestScores, Candidates};
use crate::engine::align::pairing::{Pairing, Used, WEAK, WhichSide};
use crate::engine::align::sides::{Side, group_similarity};
use crate::engine::align::similarity::{cover, similarity};

/// A weak pair whose sentence has a partner elsewhere scoring at least this (and twice as
/// much) is not linked in the gap DP.
const RIVAL: f32 = 0.4;
/// How many times a weak pair's score a partner elsewhere must reach to outclass it.
const RIVAL_RATIO: f32 = 2.0;
/// Similarity above which a link gains in the gap DP.
const LINK: f32 = 0.1;
/// A member of a DP group must reach this similarity with the partner (times `LINK`).
const GATE: f32 = 0.5;
/// Each member of a DP group must have at least this share of its content in the partner.
const MEMBER: f32 = 0.25;
/// Cost of each sentence beyond the second in a group, so that groups must earn their size.
const GROUP_COST: f32 = 0.08;
/// Sentences of a 1:1 pair: gains are counted per pair, group costs beyond it.
const PAIR_SENTENCES: f32 = 2.0;
/// Largest gap (base x other sentences) aligned with a dense DP.
const DENSE_CELLS: usize = 250_000;
/// Largest group built by the gap DP (1:k or k:1).
const MAX_GROUP: usize = 6;

/// What every gap is aligned with: both sides, the candidate lists (the similarities of a
/// gap too large for a dense table) and each sentence's best candidate score.
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
    let mut dp = GapDp {
        context,
        base_ids,
        other_ids,
        scores: PairScores::new(context, base_ids, other_ids),
        table: Table::new(base_ids.len(), other_ids.len()),
    };
    dp.fill();
    dp.pairings()
}

/// A weak pair is not linked when one of its sentences has a much better partner elsewhere
/// (it moved, and the gap only holds a chance resemblance).
fn outclassed(score: f32, rival: f32) -> bool {
    score < WEAK && rival >= RIVAL && rival >= RIVAL_RATIO * score
}

/// Gain of linking `sentences` sentences with similarity `score`.
fn gain(score: f32, sentences: usize) -> f32 {
    (score - LINK) * sentences as f32 / PAIR_SENTENCES
        - GROUP_COST * (sentences as f32 - PAIR_SENTENCES)
}

/// Similarities of a gap's base sentences (rows) with its other sentences (columns):
/// computed for all pairs of a small gap, taken from the candidate lists otherwise (0 for
/// the pairs not there).
struct PairScores {
    columns: usize,
    scores: Vec<f32>,
}

impl PairScores {
    fn new(context: &GapContext, base_ids: &[usize], other_ids: &[usize]) -> PairScores {
        let mut scores = PairScores {
            columns: other_ids.len(),
            scores: vec![0f32; base_ids.len() * other_ids.len()],
        };
        if base_ids.len() * other_ids.len() <= DENSE_CELLS {
            scores.compute_all(context, base_ids, other_ids);
        } else {
            scores.take_candidates(context, base_ids, other_ids);
        }
        scores
    }

    /// Every pair's similarity (0 across kinds: story text, furniture, datelines).
    fn compute_all(&mut self, context: &GapContext, base_ids: &[usize], other_ids: &[usize]) {
        let (base, other) = (context.base, context.other);
        for (row, &i) in base_ids.iter().enumerate() {
            for (col, &j) in other_ids.iter().enumerate() {
                if base.kind(i) == other.kind(j) {
                    self.scores[row * self.columns + col] =
                        similarity(&base.profiles[i], &other.profiles[j]);
                }
            }
        }
    }

    /// The similarities of the pairs in the candidate lists.
    fn take_candidates(&mut self, context: &GapContext, base_ids: &[usize], other_ids: &[usize]) {
        let column_of: HashMap<usize, usize> = other_ids
            .iter()
            .enumerate()
            .map(|(col, &j)| (j, col))
            .collect();
        for (row, &i) in base_ids.iter().enumerate() {
            for candidate in &context.candidates.of_base[i] {
                if let Some(&col) = column_of.get(&candidate.other) {
                    self.scores[row * self.columns + col] = candidate.score;
                }
            }
        }
    }

    /// Similarity of the gap's base sentence `row` with its other sentence `col`.
    fn get(&self, row: usize, col: usize) -> f32 {
        self.scores[row * self.columns + col]
    }
}

/// How a cell was reached: the base and other sentences the last transition took (1:0,
/// 0:1, 1:1, 1:k or k:1) and, for a pairing, its score.
#[derive(Debug, Clone, Copy, Default)]
struct Step {
    base_taken: u8,
    other_taken: u8,
    score: f32,
}

impl Step {
    /// 1:0, a base sentence left unpaired.
    const UNPAIRED_BASE: Step = Step {
        base_taken: 1,
        other_taken: 0,
        score: 0.0,
    };
    /// 0:1, an other sentence left unpaired.
    const UNPAIRED_OTHER: Step = Step {
        base_taken: 0,
        other_taken: 1,
        score: 0.0,
    };

    /// A pairing of `base_taken` base with `other_taken` other sentences (both at most
    /// `MAX_GROUP`).
    fn pairing(base_taken: usize, other_taken: usize, score: f32) -> Step {
        Step {
            base_taken: base_taken as u8,
            other_taken: other_taken as u8,
            score,
        }
    }
}

/// One cell of the table: the best gain found so far and the step that gives it.
#[derive(Debug, Clone, Copy, Default)]
struct Cell {
    gain: f32,
    step: Step,
}

impl Cell {
    /// A cell no transition has reached yet.
    fn unreached() -> Cell {
        Cell {
            gain: f32::NEG_INFINITY,
            step: Step::default(),
        }
    }

    /// Take `step` if it gains strictly more than the best so far (so on a tie the
    /// transition considered first wins).
    fn consider(&mut self, gain: f32, step: Step) {
        if gain > self.gain {
            self.gain = gain;
            self.step = step;
        }
    }
}

/// The DP table, `(rows + 1) x (columns + 1)` cells.
struct Table {
    width: usize,
    cells: Vec<Cell>,
}

impl Table {
    fn new(rows: usize, columns: usize) -> Table {
        let width = columns + 1;
        Table {
            width,
            cells: vec![Cell::default(); (rows + 1) * width],
        }
    }

    fn gain(&self, row: usize, col: usize) -> f32 {
        self.cells[row * self.width + col].gain
    }

    fn step(&self, row: usize, col: usize) -> Step {
        self.cells[row * self.width + col].step
    }

    fn set(&mut self, row: usize, col: usize, cell: Cell) {
        self.cells[row * self.width + col] = cell;
    }
}

/// One gap being aligned.
struct GapDp<'a> {
    context: &'a GapContext<'a>,
    base_ids: &'a [usize],
    other_ids: &'a [usize],
    scores: PairScores,
    table: Table,
}

impl GapDp<'_> {
    /// Fill the table, row by row (cell (0, 0), nothing taken, gains 0).
    fn fill(&mut self) {
        for row in 0..=self.base_ids.len() {
            for col in 0..=self.other_ids.len() {
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
    /// last k sentences on the grouped side.
    fn consider_groups(
        &self,
        grouped: WhichSide,
        row: usize,
        col: usize,
        pair_score: f32,
        cell: &mut Cell,
    ) {
        let lane = self.lane(grouped, row, col);
        for size in lane.group_sizes(pair_score) {
            let (base_taken, other_taken) = match grouped {
                WhichSide::Other => (1, size),
                WhichSide::Base => (size, 1),
            };
            let score = group_similarity(
                self.context.base,
                &self.base_ids[row - base_taken..row],
                self.context.other,
                &self.other_ids[col - other_taken..col],
            );
            if score > LINK {
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

/// One sentence facing the run of gap sentences on the other side that ends at a cell:
/// what a 1:k split (the run on the other side) or a k:1 merge (on the base side) may take.
struct GroupLane<'a> {
    /// The side of the one sentence, and that sentence.
    single_side: &'a Side<'a>,
    single: usize,
    /// The side of the group, its gap sentences, and where the run ends (exclusive, a
    /// position in `group_ids`).
    group_side: &'a Side<'a>,
    group_ids: &'a [usize],
    end: usize,
    /// The gap's pair similarities, the side `grouped`, and the row (for a split) or
    /// column (for a merge) of the one sentence in them.
    scores: &'a PairScores,
    grouped: WhichSide,
    fixed: usize,
}

impl GroupLane<'_> {
    /// The group sizes worth scoring, given the similarity of the one sentence with the
    /// last sentence of the run (`pair_score`): from the smallest whose members include
    /// one resembling the one sentence on its own (above `LINK * GATE`) up to, but not
    /// including, the first size whose new member has no similarity with the one sentence
    /// or cannot join (`cannot_join`). Empty when there are none.
    fn group_sizes(&self, pair_score: f32) -> RangeInclusive<usize> {
        let gate = LINK * GATE;
        // usize::MAX: no member resembles the one sentence yet.
        let mut smallest = if pair_score > gate { 2 } else { usize::MAX };
        let mut largest = 1;
        for size in 2..=MAX_GROUP.min(self.end) {
            let member = self.end - size;
            let score = self.score_with(member);
            if smallest == usize::MAX && score > gate {
                smallest = size;
            }
            if score <= 0.0 || self.cannot_join(member, size) {
                break;
            }
            largest = size;
        }
        smallest..=largest
    }

    /// Similarity of the one sentence with the group-side sentence at gap position `member`.
    fn score_with(&self, member: usize) -> f32 {
        match self.grouped {
            WhichSide::Other => self.scores.get(self.fixed, member),
            WhichSide::Base => self.scores.get(member, self.fixed),
        }
    }

    /// Whether the group-side sentence at gap position `member` cannot be the first of a
    /// group of `size`: its kind differs from the one sentence's, it must
    /// stay apart from the next member, or it is not covered by the one sentence (nor the
    /// run's last sentence, checked with the first group, of two).
    fn cannot_join(&self, member: usize, size: usize) -> bool {
        let sentence = self.group_ids[member];
        let single = &self.single_side.profiles[self.single];
        let uncovered = |index: usize| cover(&self.group_side.profiles[index], single) < MEMBER;
        self.group_side.kind(sentence) != self.single_side.kind(self.single)
            || self
                .group_side
                .must_stay_apart(sentence, self.group_ids[member + 1])
            || uncovered(sentence)
            || (size == 2 && uncovered(self.group_ids[self.end - 1]))
    }
}
