//! e: export the shown comparison. The prompt proposes a file name; the run loop writes
//! the file (asking back through [`confirm_overwrite`] when it exists) and reports the
//! outcome through [`report`].

use crate::tui::msg::Effect;
use crate::tui::state::{Prompt, State};

/// e: ask for a file name, proposing `<base>-vs-<shown>.txt`.
pub(super) fn start(state: &mut State) {
    state.prompt = Some(Prompt::Export(default_name(state)));
}

/// Enter on the file name: ask the run loop to write it (a blank name exports nothing).
pub(super) fn submit(state: &mut State, path: &str) -> Effect {
    let path = path.trim();
    if path.is_empty() {
        not_exported(state);
        return Effect::None;
    }
    Effect::Export {
        path: path.to_string(),
        overwrite: false,
    }
}

/// The file exists: ask before overwriting it.
pub(super) fn confirm_overwrite(state: &mut State, path: String) {
    state.prompt = Some(Prompt::Overwrite(path));
}

/// The answer to the overwrite question: y (or Y) writes, anything else cancels.
pub(super) fn answer_overwrite(state: &mut State, path: String, answer: char) -> Effect {
    if answer == 'y' || answer == 'Y' {
        return Effect::Export {
            path,
            overwrite: true,
        };
    }
    not_exported(state);
    Effect::None
}

/// The outcome of the write, for the status line: the path written, or what went wrong
/// (naming the path).
pub(super) fn report(state: &mut State, outcome: Result<String, String>) {
    state.message = Some(match outcome {
        Ok(path) => format!("exported to {path}"),
        Err(error) => format!("export failed: {error}"),
    });
}

pub(super) fn not_exported(state: &mut State) {
    state.message = Some("not exported".into());
}

/// `<base>-vs-<shown>.txt`, from the file names of the two versions without their
/// folders and extensions.
fn default_name(state: &State) -> String {
    let stem = |version: usize| {
        let name = &state.analysis.versions[version].name;
        let file = name.rsplit('/').next().unwrap_or(name);
        file.rsplit_once('.')
            .map_or(file, |(stem, _)| stem)
            .to_string()
    };
    format!("{}-vs-{}.txt", stem(state.base()), stem(state.other))
}
