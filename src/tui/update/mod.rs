//! `update(&mut State, Msg) -> Effect`: every state change of the viewer, no I/O. The
//! run loop performs the returned effect (quit, write an export, re-base).
//!
//! `apply` only routes a message to the concern it belongs to: `scroll` (lines, pages,
//! top and bottom of whichever list is in front), `compare` (changes, folds and clicks
//! of the Compare screen), `findings` (] and [, the Findings screen), `search`,
//! `overview` navigation, `versions` (which version is shown, which is the base), the
//! `prompt` line and `export`.

mod compare;
mod export;
mod findings;
mod overview;
mod prompt;
mod scroll;
mod search;
mod versions;

use super::msg::{Effect, Msg};
use super::state::{Prompt, Screen, State};
use scroll::Amount;

/// Apply one message.
pub fn update(state: &mut State, msg: Msg) -> Effect {
    if !matches!(msg, Msg::Resize { .. } | Msg::Exported(_)) {
        state.message = None;
    }
    let effect = apply(state, msg);
    state.clamp();
    if effect == Effect::Quit {
        state.quit = true;
    }
    effect
}

/// Route one message to its concern; the messages that can ask for an effect return it.
fn apply(state: &mut State, msg: Msg) -> Effect {
    let overview = state.screen == Screen::Overview;
    let listing = state.screen == Screen::Findings;
    match msg {
        Msg::Quit => return Effect::Quit,
        Msg::Back => return back(state),
        Msg::Resize { cols, rows } => resize(state, cols, rows),
        Msg::ToggleHelp => toggle_help(state),
        Msg::Lines(count) => scroll::by(state, Amount::Lines(count.into())),
        Msg::Pages(count) => scroll::by(state, Amount::Pages(count.into())),
        Msg::HalfPages(count) => scroll::by(state, Amount::HalfPages(count.into())),
        Msg::Wheel { down } => scroll::wheel(state, down),
        Msg::Top => scroll::to_top(state),
        Msg::Bottom => scroll::to_bottom(state),
        Msg::Columns(count) => overview::move_column(state, count),
        Msg::Next | Msg::Prev if overview => overview::next_change(state, msg == Msg::Next),
        Msg::Next | Msg::Prev if listing => findings::move_cursor(state, msg == Msg::Next),
        Msg::Next | Msg::Prev => compare::step(state, msg == Msg::Next),
        Msg::NextFinding | Msg::PrevFinding => next_finding(state, msg == Msg::NextFinding),
        Msg::NextVersion | Msg::PrevVersion | Msg::Version(_) if listing => {}
        Msg::NextVersion | Msg::PrevVersion if overview => {
            overview::cycle_column(state, msg == Msg::NextVersion);
        }
        Msg::NextVersion | Msg::PrevVersion => versions::cycle(state, msg == Msg::NextVersion),
        Msg::Version(number) if overview => overview::select_numbered(state, number),
        Msg::Version(number) => versions::show_numbered(state, number),
        Msg::MakeBase => return versions::announce_rebase(state),
        Msg::Rebase => versions::rebase(state),
        Msg::ToggleOverview => overview::toggle(state),
        Msg::ToggleFindings => findings::toggle(state),
        Msg::CycleFilter => cycle_filter(state),
        Msg::ToggleWrap => toggle_wrap(state),
        Msg::ToggleInline => toggle_inline(state),
        Msg::StartSearch => state.prompt = Some(Prompt::Search(String::new())),
        Msg::StartExport => export::start(state),
        Msg::PromptChar(typed) => return prompt::type_char(state, typed),
        Msg::PromptBackspace => prompt::backspace(state),
        Msg::PromptCancel => prompt::cancel(state),
        Msg::PromptSubmit => return prompt::submit(state),
        Msg::ConfirmOverwrite(path) => export::confirm_overwrite(state, path),
        Msg::Exported(outcome) => export::report(state, outcome),
        Msg::Activate if overview => overview::open_cell(state),
        Msg::Activate if listing => findings::open(state),
        Msg::Activate => compare::expand_fold(state),
        Msg::Click { col, row } => click(state, col, row),
    }
    Effect::None
}

/// The terminal changed size. The top row stays; if the selection left the screen, it is
/// brought back.
fn resize(state: &mut State, cols: u16, rows: u16) {
    state.cols = cols;
    state.rows = rows;
    state.clamp();
    let (first, last) = state.visible_items();
    if !state.too_small() && (state.sel < first || state.sel > last) {
        state.reveal(state.sel);
    }
}

fn toggle_help(state: &mut State) {
    state.help = !state.help;
    state.help_scroll = 0;
}

/// ] / [: the next (or previous) finding on the screen in front.
fn next_finding(state: &mut State, forward: bool) {
    match state.screen {
        Screen::Compare => findings::next_in_compare(state, forward),
        Screen::Overview => findings::next_in_overview(state, forward),
        Screen::Findings => findings::move_cursor(state, forward),
    }
}

/// Esc: one thing per press, the innermost first: the help, then the Overview or the
/// Findings screen (the search stays, for Compare), then the search; with none of them,
/// quit.
fn back(state: &mut State) -> Effect {
    if state.help {
        state.help = false;
    } else if state.screen != Screen::Compare {
        state.screen = Screen::Compare;
    } else if state.search.is_some() {
        search::clear(state);
    } else {
        return Effect::Quit;
    }
    Effect::None
}

fn cycle_filter(state: &mut State) {
    state.filter = state.filter.next();
    state.rebuild_items();
    state.message = Some(format!("showing {}", state.filter.name()));
}

fn toggle_wrap(state: &mut State) {
    state.wrap = !state.wrap;
    let mode = if state.wrap { "wrapping" } else { "truncating" };
    state.message = Some(mode.into());
}

fn toggle_inline(state: &mut State) {
    state.inline = Some(!state.inline_mode());
    state.skip = 0;
}

/// A click closes the help; on the body it selects the Compare row, or opens the
/// Overview cell or the finding under it.
fn click(state: &mut State, col: u16, row: u16) {
    if state.help {
        state.help = false;
        return;
    }
    let header = super::state::HEADER;
    if row < header || row >= state.detail_line() {
        return;
    }
    let line = (row - header) as usize;
    match state.screen {
        Screen::Compare => compare::click_line(state, line),
        Screen::Overview => overview::click_cell(state, col, line),
        Screen::Findings => findings::click_line(state, line),
    }
}
