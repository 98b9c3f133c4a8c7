//! Findings: ] / [ between the rows that hold one (Compare) or the cells that do
//! (Overview); the Findings screen (F) and opening one of its entries in Compare at its
//! row (Enter or a click).

use crate::engine::Cell;
use crate::tui::findings::Entry;
use crate::tui::state::{Screen, State};

/// F: open the Findings screen on the first entry of the version being compared, or go
/// back to Compare.
pub(super) fn toggle(state: &mut State) {
    if state.screen == Screen::Findings {
        state.screen = Screen::Compare;
        return;
    }
    let shown = state.other;
    let current = state.findings.entries.get(state.fl_sel);
    if current.is_none_or(|entry| entry.version != shown)
        && let Some(first) = state
            .findings
            .entries
            .iter()
            .position(|entry| entry.version == shown)
    {
        state.fl_sel = first;
    }
    state.screen = Screen::Findings;
}

/// ] / [ (and n / N) on the Findings screen: the next (or previous) entry.
pub(super) fn move_cursor(state: &mut State, forward: bool) {
    if forward {
        state.fl_sel += 1;
    } else {
        state.fl_sel = state.fl_sel.saturating_sub(1);
    }
}

/// ] / [ in Compare: the next (or previous) shown row holding a finding.
pub(super) fn next_in_compare(state: &mut State, forward: bool) {
    let holds = |item: usize| !state.item_findings(item).is_empty();
    let current = state.sel;
    let target = if forward {
        (current + 1..state.items.len()).find(|&item| holds(item))
    } else {
        (0..current).rev().find(|&item| holds(item))
    };
    match target {
        Some(item) => state.reveal(item),
        None if (0..state.items.len()).any(holds) => {
            let side = if forward { "below" } else { "above" };
            state.message = Some(format!("no more findings {side}"));
        }
        None => state.message = Some(no_findings_message(state)),
    }
}

/// What to say when the rows shown hold no finding.
fn no_findings_message(state: &State) -> String {
    let total = state.findings.entries.len();
    if total == 0 {
        "no findings in any version".into()
    } else {
        format!("no findings in these rows ({total} in all: F lists them)")
    }
}

/// ] / [ in the Overview: the next (or previous) cell, row by row and version by
/// version, whose link holds a finding; the cursor moves there.
pub(super) fn next_in_overview(state: &mut State, forward: bool) {
    let versions = state.analysis.versions.len();
    let cells = state.analysis.rows.len() * versions;
    let holds = |cell: usize| {
        let (row, version) = (cell / versions, cell % versions);
        matches!(state.analysis.rows[row].cells.get(version), Some(Cell::Linked { link, .. })
            if state.findings.link_has_findings(version, *link))
    };
    let current = state.ov_row * versions + state.ov_col;
    let target = if forward {
        (current + 1..cells).find(|&cell| holds(cell))
    } else {
        (0..current.min(cells)).rev().find(|&cell| holds(cell))
    };
    match target {
        Some(cell) => (state.ov_row, state.ov_col) = (cell / versions, cell % versions),
        None if state.findings.entries.is_empty() => {
            state.message = Some("no findings in any version".into());
        }
        None => state.message = Some("no more findings".into()),
    }
}

/// Enter on the Findings screen: Compare that version at the row holding the finding.
pub(super) fn open(state: &mut State) {
    let Some(&entry) = state.findings.entries.get(state.fl_sel) else {
        return;
    };
    open_entry(state, entry);
}

/// Show `entry`'s version in Compare with its finding's row selected.
fn open_entry(state: &mut State, entry: Entry) {
    if entry.version != state.other {
        state.show_version(entry.version);
    }
    state.screen = Screen::Compare;
    match state.row_findings.row_of(entry.finding) {
        Some(pair) => state.reveal_pair(pair),
        None => state.message = Some("that finding is in no row of this comparison".into()),
    }
}

/// A click on body line `line` of the Findings screen opens the entry there.
pub(super) fn click_line(state: &mut State, line: usize) {
    let index = state.fl_top + line;
    if index < state.findings.entries.len() {
        state.fl_sel = index;
        open(state);
    }
}
