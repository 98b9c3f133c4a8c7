//! Scrolling: lines, pages, half pages, the wheel, top and bottom, for whichever list is
//! in front (the help, the Compare body, the Overview cursor or the Findings cursor). The far ends are bounded
//! by `State::clamp`, which runs after every message.

use crate::tui::state::{Screen, State};

/// Lines one notch of the mouse wheel scrolls (what most terminal programs do).
const WHEEL_LINES: i64 = 3;
/// Lines a Compare or Overview page keeps from the one before, to read on from.
const PAGE_OVERLAP: usize = 2;
/// Lines a help page keeps from the one before (the help is short: one is enough).
const HELP_PAGE_OVERLAP: usize = 1;

/// How far to scroll; negative is up.
pub(super) enum Amount {
    Lines(i64),
    Pages(i64),
    HalfPages(i64),
}

/// The list a scrolling message moves.
#[derive(Clone, Copy)]
enum Pane {
    Help,
    Compare,
    Overview,
    Findings,
}

impl Pane {
    /// The list in front: the help over either screen.
    fn of(state: &State) -> Pane {
        match state.screen {
            _ if state.help => Pane::Help,
            Screen::Compare => Pane::Compare,
            Screen::Overview => Pane::Overview,
            Screen::Findings => Pane::Findings,
        }
    }

    /// Lines one page moves (at least one).
    fn page(self, state: &State) -> i64 {
        let (height, overlap) = match self {
            Pane::Help => (state.help_height(), HELP_PAGE_OVERLAP),
            Pane::Compare | Pane::Findings => (state.body_height(), PAGE_OVERLAP),
            Pane::Overview => (state.overview_height(), PAGE_OVERLAP),
        };
        height.saturating_sub(overlap).max(1) as i64
    }

    /// Lines half a page moves (at least one).
    fn half_page(self, state: &State) -> i64 {
        let height = match self {
            Pane::Help => state.help_height(),
            Pane::Compare | Pane::Findings => state.body_height(),
            Pane::Overview => state.overview_height(),
        };
        (height / 2).max(1) as i64
    }
}

/// `position` moved by `lines` (negative: up), stopping at 0.
pub(super) fn shifted(position: usize, lines: i64) -> usize {
    (position as i64 + lines).max(0) as usize
}

/// Scroll the list in front (the Compare selection follows into view; the Overview and
/// the Findings screen move their cursor).
pub(super) fn by(state: &mut State, amount: Amount) {
    let pane = Pane::of(state);
    let lines = match amount {
        Amount::Lines(count) => count,
        Amount::Pages(count) => count * pane.page(state),
        Amount::HalfPages(count) => count * pane.half_page(state),
    };
    match pane {
        Pane::Help => state.help_scroll = shifted(state.help_scroll, lines),
        Pane::Compare => state.scroll(lines),
        Pane::Overview => state.ov_row = shifted(state.ov_row, lines),
        Pane::Findings => state.fl_sel = shifted(state.fl_sel, lines),
    }
}

/// One notch of the mouse wheel.
pub(super) fn wheel(state: &mut State, down: bool) {
    let lines = if down { WHEEL_LINES } else { -WHEEL_LINES };
    by(state, Amount::Lines(lines));
}

/// g, Home: the start of the list in front (Compare selects its first row).
pub(super) fn to_top(state: &mut State) {
    match Pane::of(state) {
        Pane::Help => state.help_scroll = 0,
        Pane::Compare => {
            state.top = 0;
            state.skip = 0;
            state.sel = 0;
        }
        Pane::Overview => state.ov_row = 0,
        Pane::Findings => state.fl_sel = 0,
    }
}

/// G, End: the end of the list in front (the help's last full screen, the Overview's
/// last row; Compare selects its last row).
pub(super) fn to_bottom(state: &mut State) {
    match Pane::of(state) {
        Pane::Help => state.help_scroll = usize::MAX,
        Pane::Compare => {
            state.top = usize::MAX;
            state.clamp();
            state.sel = state.items.len().saturating_sub(1);
        }
        Pane::Overview => state.ov_row = usize::MAX,
        Pane::Findings => state.fl_sel = usize::MAX,
    }
}
