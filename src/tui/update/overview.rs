//! Overview navigation: opening and leaving it, moving its cursor across versions and
//! between changed rows, and opening a cell in Compare (Enter or a click).

use super::scroll::shifted;
use crate::engine::{Cell, LinkKind};
use crate::tui::state::{Filter, OVERVIEW_COLUMN, Screen, State};

/// o: open the Overview on the row and version being read (in Compare), or go back to
/// Compare.
pub(super) fn toggle(state: &mut State) {
    state.screen = match state.screen {
        Screen::Compare | Screen::Findings => {
            state.ov_col = state.other;
            if let Some(row) = state.row_for_item(state.sel) {
                state.ov_row = row;
            }
            Screen::Overview
        }
        Screen::Overview => Screen::Compare,
    }
}

/// h / l, arrows: move the cursor across versions.
pub(super) fn move_column(state: &mut State, count: i32) {
    state.ov_col = shifted(state.ov_col, count.into());
}

/// Tab / Shift-Tab: the next (or previous) version's column, wrapping around.
pub(super) fn cycle_column(state: &mut State, forward: bool) {
    let count = state.analysis.versions.len().max(1);
    let column = if forward {
        (state.ov_col + 1) % count
    } else {
        (state.ov_col + count - 1) % count
    };
    select_column(state, column);
}

/// A digit: version `number`'s column (1-based).
pub(super) fn select_numbered(state: &mut State, number: usize) {
    let version = number.saturating_sub(1);
    if version >= state.analysis.versions.len() {
        state.message = Some(format!("no version {number}"));
    } else {
        select_column(state, version);
    }
}

/// Move the cursor to version `version`'s column; Compare follows (shows it unless it
/// is the base), as Enter would.
fn select_column(state: &mut State, version: usize) {
    state.ov_col = version;
    if version != state.base() {
        state.show_version(version);
    }
}

/// n / N: the next (or previous) row where some version differs from the base.
pub(super) fn next_change(state: &mut State, forward: bool) {
    let rows = &state.analysis.rows;
    let changed = |row: usize| {
        rows[row].cells.iter().enumerate().any(|(version, cell)| {
            version != state.analysis.base && !is_identical_cell(state, version, cell)
        })
    };
    let found = if forward {
        (state.ov_row + 1..rows.len()).find(|&row| changed(row))
    } else {
        (0..state.ov_row).rev().find(|&row| changed(row))
    };
    match found {
        Some(row) => state.ov_row = row,
        None => state.message = Some("no more changes".into()),
    }
}

/// The cell of version `version` holds a sentence carried over unchanged and in place.
fn is_identical_cell(state: &State, version: usize, cell: &Cell) -> bool {
    match cell {
        Cell::Linked { link, .. } => state
            .analysis
            .comparison(version)
            .and_then(|comparison| comparison.links.get(*link))
            .is_some_and(|link| link.kind == LinkKind::Identical && !link.moved),
        Cell::Empty | Cell::Base(_) => false,
        Cell::Unmatched(_) => false,
    }
}

/// Enter on a cell: Compare that version at that row, every row shown.
pub(super) fn open_cell(state: &mut State) {
    let version = state.ov_col;
    if version != state.base() {
        state.show_version(version);
    }
    state.screen = Screen::Compare;
    if state.filter != Filter::All {
        state.filter = Filter::All;
        state.rebuild_items();
    }
    if let Some(pair) = state.pair_for_row(state.ov_row) {
        let item = state.item_at_pair(pair);
        state.top = item;
        state.skip = 0;
        state.sel = item;
        state.clamp();
    }
}

/// A click at column `col` of body line `line` opens the cell there.
pub(super) fn click_cell(state: &mut State, col: u16, line: usize) {
    let row = state.ov_top + line;
    let label = state.overview_label_width();
    let col = col as usize;
    if row >= state.analysis.rows.len() || col < label {
        return;
    }
    let version = (col - label) / OVERVIEW_COLUMN;
    if version < state.analysis.versions.len() {
        state.ov_row = row;
        state.ov_col = version;
        open_cell(state);
    }
}
