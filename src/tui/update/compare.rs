//! The Compare screen's own moves: n / N between changes (or search hits), Enter on a
//! fold of boilerplate, a click on a row.

use super::search;
use crate::tui::state::{Item, State};

/// n / N: the next change, or the next search hit while a search is active.
pub(super) fn step(state: &mut State, forward: bool) {
    if state.search.is_some() {
        search::next_hit(state, forward);
    } else {
        next_change(state, forward);
    }
}

/// Select the next (or previous) row that is a change, bringing it into view.
fn next_change(state: &mut State, forward: bool) {
    let current = state.sel;
    let target = if forward {
        (current + 1..state.items.len()).find(|&item| state.is_change(item))
    } else {
        (0..current).rev().find(|&item| state.is_change(item))
    };
    match target {
        Some(item) => state.reveal(item),
        None => {
            let side = if forward { "below" } else { "above" };
            state.message = Some(format!("no more changes {side}"));
        }
    }
}

/// Enter: a selected fold of boilerplate shows its rows, the first one selected.
pub(super) fn expand_fold(state: &mut State) {
    if let Some(Item::Fold { first, .. }) = state.items.get(state.sel).copied() {
        state.expanded.insert(first);
        state.rebuild_items();
        state.sel = state.item_at_pair(first);
    }
}

/// A click on body line `line` selects the row shown there.
pub(super) fn click_line(state: &mut State, line: usize) {
    if let Some(item) = state.item_at_line(line) {
        state.sel = item;
    }
}
