//! Which cells of a gap's DP table are filled: every one for a small gap; for a large one, a
//! corridor `HALF_WIDTH` columns either side of a guide path, so that the table grows with
//! the gap's length rather than with its area. The guide runs through the heaviest chain
//! of the gap's candidate pairs that keeps their order (`heaviest_chain`), and straight
//! between them (from corner to corner where there are none), so the corridor follows
//! the text where the candidates know it and the diagonal where they do not.
//!
//! The corridor is a staircase: each row's columns are one range, and both ends of the
//! ranges only move right from row to row, with each range reaching the next one; so every
//! filled cell can be reached from the top-left corner, and the bottom-right corner from
//! every filled cell, by the DP's steps.

use std::ops::RangeInclusive;

/// Columns filled either side of the guide path in a large gap: room for the DP to find a
/// better alignment than the guide's (splits, merges, additions) up to this far from it.
const HALF_WIDTH: usize = 16;

/// The filled cells of a table of `rows + 1` by `columns + 1` cells.
pub(super) struct Corridor {
    /// Per row, the first and last column filled.
    first: Vec<usize>,
    last: Vec<usize>,
    /// Per row, the index of its first cell among all the filled cells.
    offset: Vec<usize>,
    cells: usize,
}

impl Corridor {
    /// Every cell.
    pub(super) fn full(rows: usize, columns: usize) -> Corridor {
        Corridor::of(vec![0; rows + 1], vec![columns; rows + 1])
    }

    /// The corridor around a path through `points` (cells (row, column), ascending on both
    /// coordinates, inside the table), from (0, 0) to (`rows`, `columns`).
    pub(super) fn around(points: &[(usize, usize)], rows: usize, columns: usize) -> Corridor {
        let entry = entry_columns(points, rows, columns);
        let first = (0..=rows)
            .map(|row| entry[row].saturating_sub(HALF_WIDTH))
            .collect();
        let last = (0..=rows)
            .map(|row| (entry[row + 1] + HALF_WIDTH).min(columns))
            .collect();
        Corridor::of(first, last)
    }

    fn of(first: Vec<usize>, last: Vec<usize>) -> Corridor {
        let mut offset = Vec::with_capacity(first.len());
        let mut cells = 0;
        for (start, end) in first.iter().zip(&last) {
            offset.push(cells);
            cells += end - start + 1;
        }
        Corridor {
            first,
            last,
            offset,
            cells,
        }
    }

    /// How many cells are filled.
    pub(super) fn cells(&self) -> usize {
        self.cells
    }

    /// The columns filled in `row`.
    pub(super) fn columns(&self, row: usize) -> RangeInclusive<usize> {
        self.first[row]..=self.last[row]
    }

    /// The index of cell (row, col) among the filled cells, or `None` when it is not filled.
    pub(super) fn index(&self, row: usize, col: usize) -> Option<usize> {
        let filled = row < self.first.len() && (self.first[row]..=self.last[row]).contains(&col);
        filled.then(|| self.offset[row] + col - self.first[row])
    }
}

/// Per row 0 to `rows + 1`, the column where the path enters it: the first point's column
/// on a row with points, the straight line between the last point of the row before and
/// the first of the row after on the others, and `columns` past the last row.
fn entry_columns(points: &[(usize, usize)], rows: usize, columns: usize) -> Vec<usize> {
    // Per row with points: its first and last column, with both corners added.
    let mut rows_with_points: Vec<(usize, usize, usize)> = Vec::new();
    let corners = [(0, 0)]
        .into_iter()
        .chain(points.iter().copied())
        .chain([(rows, columns)]);
    for (row, col) in corners {
        match rows_with_points.last_mut() {
            Some(last) if last.0 == row => last.2 = last.2.max(col),
            _ => rows_with_points.push((row, col, col)),
        }
    }
    let mut entry = vec![0; rows + 2];
    for pair in rows_with_points.windows(2) {
        let ((from_row, from_first, from_last), (to_row, to_first, _)) = (pair[0], pair[1]);
        entry[from_row] = from_first;
        let span = to_row - from_row;
        for step in 1..span {
            entry[from_row + step] = from_last + (to_first - from_last) * step / span;
        }
    }
    let &(last_row, last_first, _) = rows_with_points.last().expect("the corners");
    entry[last_row] = last_first;
    entry[rows + 1] = columns;
    entry
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_corridor_fills_every_cell() {
        let corridor = Corridor::full(3, 4);
        assert_eq!(corridor.cells(), 20);
        assert_eq!(corridor.index(2, 3), Some(13));
        assert_eq!(corridor.index(4, 0), None);
    }

    #[test]
    fn corridor_is_a_connected_staircase_of_bounded_size() {
        for (points, rows, columns) in [
            (vec![], 1000, 1000),
            (vec![], 10, 5000),
            (vec![], 5000, 10),
            (vec![(100, 900), (101, 901), (800, 950)], 1000, 1000),
            (vec![(0, 0), (1, 1), (999, 999)], 1000, 1000),
        ] {
            let corridor = Corridor::around(&points, rows, columns);
            assert!(corridor.index(0, 0).is_some());
            assert!(corridor.index(rows, columns).is_some());
            for row in 1..=rows {
                let (above, here) = (corridor.columns(row - 1), corridor.columns(row));
                assert!(above.start() <= here.start() && above.end() <= here.end());
                assert!(here.start() <= above.end(), "row {row} cut off");
            }
            for &(row, col) in &points {
                assert!(corridor.index(row, col).is_some());
            }
            assert!(corridor.cells() <= columns + 1 + (rows + 1) * (2 * HALF_WIDTH + 2));
        }
    }
}
