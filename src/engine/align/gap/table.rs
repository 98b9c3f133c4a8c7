//! The gap DP's table: per filled cell (those of a `Corridor`), the best gain found and the
//! step that gives it.

use crate::engine::align::corridor::Corridor;

/// How a cell was reached: the base and other sentences the last transition took (1:0,
/// 0:1, 1:1, 1:k or k:1) and, for a pairing, its score.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Step {
    pub(super) base_taken: u8,
    pub(super) other_taken: u8,
    pub(super) score: f32,
}

impl Step {
    /// 1:0, a base sentence left unpaired.
    pub(super) const UNPAIRED_BASE: Step = Step {
        base_taken: 1,
        other_taken: 0,
        score: 0.0,
    };
    /// 0:1, an other sentence left unpaired.
    pub(super) const UNPAIRED_OTHER: Step = Step {
        base_taken: 0,
        other_taken: 1,
        score: 0.0,
    };

    /// A pairing of `base_taken` base with `other_taken` other sentences (both at most
    /// `MAX_GROUP`, which fits a byte).
    pub(super) fn pairing(base_taken: usize, other_taken: usize, score: f32) -> Step {
        Step {
            base_taken: base_taken as u8,
            other_taken: other_taken as u8,
            score,
        }
    }
}

/// One cell of the table: the best gain found so far and the step that gives it.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Cell {
    pub(super) gain: f32,
    step: Step,
}

impl Cell {
    /// A cell no transition has reached yet.
    pub(super) fn unreached() -> Cell {
        Cell {
            gain: f32::NEG_INFINITY,
            step: Step::default(),
        }
    }

    /// Take `step` if it gains strictly more than the best so far (so on a tie the
    /// transition considered first wins).
    pub(super) fn consider(&mut self, gain: f32, step: Step) {
        if gain > self.gain {
            self.gain = gain;
            self.step = step;
        }
    }
}

/// The DP table's filled cells (those of a corridor); the others are never reached.
pub(super) struct Table<'a> {
    cells: Vec<Cell>,
    corridor: &'a Corridor,
}

impl<'a> Table<'a> {
    pub(super) fn new(corridor: &'a Corridor) -> Table<'a> {
        Table {
            cells: vec![Cell::default(); corridor.cells()],
            corridor,
        }
    }

    /// The best gain of cell (row, col); minus infinity for a cell outside the corridor.
    pub(super) fn gain(&self, row: usize, col: usize) -> f32 {
        self.corridor
            .index(row, col)
            .map_or(f32::NEG_INFINITY, |index| self.cells[index].gain)
    }

    /// The step into cell (row, col), a filled cell.
    pub(super) fn step(&self, row: usize, col: usize) -> Step {
        self.cells[self.corridor.index(row, col).expect("a filled cell")].step
    }

    /// Set cell (row, col), a filled cell.
    pub(super) fn set(&mut self, row: usize, col: usize, cell: Cell) {
        let index = self.corridor.index(row, col).expect("a filled cell");
        self.cells[index] = cell;
    }
}
