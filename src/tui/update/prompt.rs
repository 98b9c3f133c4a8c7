//! The line typed at the bottom of the screen: a search query, an export file name, or
//! the answer to "overwrite it?". Typing edits it; Enter hands it to search or export.

use super::{export, search};
use crate::tui::msg::Effect;
use crate::tui::state::{Prompt, State};

/// A character typed: added to the query or file name, or the answer to the overwrite
/// question (y writes, anything else cancels).
pub(super) fn type_char(state: &mut State, typed: char) -> Effect {
    match state.prompt.take() {
        Some(Prompt::Overwrite(path)) => return export::answer_overwrite(state, path, typed),
        Some(Prompt::Search(mut query)) => {
            query.push(typed);
            state.prompt = Some(Prompt::Search(query));
        }
        Some(Prompt::Export(mut path)) => {
            path.push(typed);
            state.prompt = Some(Prompt::Export(path));
        }
        None => {}
    }
    Effect::None
}

pub(super) fn backspace(state: &mut State) {
    if let Some(Prompt::Search(text) | Prompt::Export(text)) = &mut state.prompt {
        text.pop();
    }
}

/// Esc: the prompt closes (an unanswered overwrite question means no export).
pub(super) fn cancel(state: &mut State) {
    if matches!(state.prompt, Some(Prompt::Overwrite(_))) {
        export::not_exported(state);
    }
    state.prompt = None;
}

/// Enter: search for the query, or export to the file name.
pub(super) fn submit(state: &mut State) -> Effect {
    match state.prompt.take() {
        Some(Prompt::Search(query)) => search::submit(state, query),
        Some(Prompt::Export(path)) => return export::submit(state, &path),
        Some(Prompt::Overwrite(_)) => export::not_exported(state),
        None => {}
    }
    Effect::None
}
