//! Search: a query submitted from the prompt, n / N between its hits (wrapping around),
//! and landing on a hit folded away in boilerplate.

use crate::tui::state::{Item, Screen, State};

/// A query submitted: find its hits and go to the first at or after the selection (an
/// empty query ends the search).
pub(super) fn submit(state: &mut State, query: String) {
    if query.is_empty() {
        clear(state);
        return;
    }
    state.search = Some(query);
    state.recompute_hits();
    if state.hits.is_empty() {
        state.message = Some("no match".into());
        return;
    }
    let current = state.sel;
    let at_or_after = state.hits.iter().copied().find(|&hit| hit >= current);
    let target = at_or_after.unwrap_or(state.hits[0]);
    state.screen = Screen::Compare;
    let note = land(state, target);
    state.message = Some(format!("{}{note}", hit_message(state, state.sel)));
}

/// End the search.
pub(super) fn clear(state: &mut State) {
    state.search = None;
    state.hits.clear();
}

/// The next (or previous) hit after the selection; past the last, the first again
/// (saying so).
pub(super) fn next_hit(state: &mut State, forward: bool) {
    if state.hits.is_empty() {
        state.message = Some("no match".into());
        return;
    }
    let current = state.sel;
    let next = if forward {
        state.hits.iter().copied().find(|&hit| hit > current)
    } else {
        state.hits.iter().rev().copied().find(|&hit| hit < current)
    };
    let (target, wrapped) = match next {
        Some(hit) => (hit, ""),
        None if forward => (state.hits[0], " (wrapped)"),
        None => (state.hits[state.hits.len() - 1], " (wrapped)"),
    };
    let note = land(state, target);
    let position = hit_message(state, state.sel);
    state.message = Some(format!("{position}{wrapped}{note}"));
}

/// "match K of N" for the hit at `item`.
fn hit_message(state: &State, item: usize) -> String {
    let number = state
        .hits
        .iter()
        .position(|&hit| hit == item)
        .map_or(0, |index| index + 1);
    format!("match {number} of {}", state.hits.len())
}

/// Go to search hit `item`. A fold of boilerplate holding the match is unfolded and
/// its matching row selected; the returned note then says so, for the status line.
fn land(state: &mut State, item: usize) -> &'static str {
    let fold = match state.items.get(item) {
        Some(&Item::Fold { first, .. }) => Some(first),
        _ => None,
    };
    match (fold, state.first_match_in_fold(item)) {
        (Some(first), Some(pair)) => {
            state.expanded.insert(first);
            state.rebuild_items();
            let row = state.item_at_pair(pair);
            state.reveal(row);
            " · unfolded boilerplate"
        }
        _ => {
            state.reveal(item);
            ""
        }
    }
}
