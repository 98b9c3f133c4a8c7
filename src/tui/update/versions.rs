//! Which version Compare shows beside the base (Tab, Shift-Tab, a digit), and making the
//! shown version the base (b).

use crate::tui::msg::Effect;
use crate::tui::state::State;

/// Tab / Shift-Tab: the next (or previous) version other than the base, wrapping around.
pub(super) fn cycle(state: &mut State, forward: bool) {
    let others = state.others();
    if let Some(position) = others.iter().position(|&version| version == state.other) {
        let count = others.len();
        let next = if forward {
            (position + 1) % count
        } else {
            (position + count - 1) % count
        };
        state.show_version(others[next]);
    }
}

/// A digit: show version `number` (1-based), unless it is the base.
pub(super) fn show_numbered(state: &mut State, number: usize) {
    let version = number.saturating_sub(1);
    if version >= state.analysis.versions.len() {
        state.message = Some(format!("no version {number}"));
    } else if version == state.base() {
        state.message = Some(format!("version {number} is the base"));
    } else {
        state.show_version(version);
    }
}

/// b: say that the re-basing starts; the run loop draws that, then sends `Msg::Rebase`.
pub(super) fn announce_rebase(state: &mut State) -> Effect {
    if state.other == state.base() {
        state.message = Some("only one version".into());
        return Effect::None;
    }
    let name = state.analysis.versions[state.other].label();
    state.message = Some(format!("re-basing on {name}…"));
    Effect::Rebase
}

/// The shown version becomes the base; the old base is shown on the right.
pub(super) fn rebase(state: &mut State) {
    let new_base = state.other;
    let old_base = state.analysis.base;
    if new_base == old_base {
        state.message = Some("only one version".into());
        return;
    }
    crate::engine::rebase(&mut state.analysis, new_base);
    state.forget_derivation();
    state.other = old_base;
    state.items.clear();
    state.rebuild_pairs();
    state.top = 0;
    state.skip = 0;
    state.sel = 0;
    state.message = Some(format!(
        "base is now {}",
        state.analysis.versions[new_base].label()
    ));
}
