//! The viewer's vocabulary: terminal events in our own terms ([`TermEvent`]), so that
//! only `keymap` knows crossterm's event types and tests can script input as text; the
//! messages `update` reacts to ([`Msg`]); and the effects it asks the run loop for
//! ([`Effect`]).

/// A key, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A printable character, as typed (shift already applied).
    Char(char),
    /// Enter (Return).
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Backspace.
    Backspace,
    /// The up arrow.
    Up,
    /// The down arrow.
    Down,
    /// The left arrow.
    Left,
    /// The right arrow.
    Right,
    /// Page Up.
    PageUp,
    /// Page Down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
}

/// One terminal event (key press, mouse, resize), in our own terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermEvent {
    /// A key press.
    Key {
        /// The key pressed.
        key: Key,
        /// True when Control was held with it.
        ctrl: bool,
    },
    /// A mouse button pressed at a screen cell.
    Click {
        /// The screen column clicked, from 0.
        col: u16,
        /// The screen row clicked, from 0.
        row: u16,
    },
    /// A mouse wheel step.
    Wheel {
        /// Towards the end of the text (away from the user).
        down: bool,
        /// The screen column under the pointer, from 0.
        col: u16,
        /// The screen row under the pointer, from 0.
        row: u16,
    },
    /// The terminal was resized.
    Resize {
        /// The new width, in cells.
        cols: u16,
        /// The new height, in cells.
        rows: u16,
    },
}

/// What the user asked for, already interpreted for the current mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// Scroll (Compare) or move the cursor (Overview) by lines; negative is up.
    Lines(i32),
    /// Scroll by pages.
    Pages(i32),
    /// Scroll by half pages (Ctrl-d, Ctrl-u).
    HalfPages(i32),
    /// g, Home: the start of the list in front.
    Top,
    /// G, End: the end of the list in front.
    Bottom,
    /// Move the overview cursor across versions.
    Columns(i32),
    /// Next / previous change (or search hit when a search is active).
    Next,
    /// The previous change (or search hit), the other way from [`Msg::Next`].
    Prev,
    /// Next / previous row holding a finding (the Findings screen: entry).
    NextFinding,
    /// The previous row holding a finding, the other way from [`Msg::NextFinding`].
    PrevFinding,
    /// Next / previous other version.
    NextVersion,
    /// The previous other version, the other way from [`Msg::NextVersion`].
    PrevVersion,
    /// Show version number n (1-based, as listed).
    Version(usize),
    /// b: announce the re-basing (the run loop draws that, then sends `Rebase`).
    MakeBase,
    /// Recompute every comparison against the shown version, which becomes the base.
    Rebase,
    /// o: the Overview screen (every version's row at once), or back to Compare.
    ToggleOverview,
    /// F: the Findings screen, or back to Compare.
    ToggleFindings,
    /// f: show fewer rows (all, changes, major, findings), then all again.
    CycleFilter,
    /// w: wrap long sentences, or cut them at the column's edge.
    ToggleWrap,
    /// i: one column with inline deletions and insertions, or the two sides apart.
    ToggleInline,
    /// ?: open or close the help.
    ToggleHelp,
    /// /: open the search prompt.
    StartSearch,
    /// e: open the prompt for the export's file name.
    StartExport,
    /// Enter: expand a fold, open the selected overview cell or finding.
    Activate,
    /// Esc: close help, leave the overview, clear a search, or quit.
    Back,
    /// q, Ctrl-c, Ctrl-q: leave the viewer.
    Quit,
    /// A mouse button pressed at a screen cell: selects the row, cell or finding under it.
    Click {
        /// The screen column clicked, from 0.
        col: u16,
        /// The screen row clicked, from 0.
        row: u16,
    },
    /// A mouse wheel step: scrolls a few lines.
    Wheel {
        /// Towards the end of the list (away from the user).
        down: bool,
    },
    /// The terminal was resized.
    Resize {
        /// The new width, in cells.
        cols: u16,
        /// The new height, in cells.
        rows: u16,
    },
    /// A character typed into the open prompt.
    PromptChar(char),
    /// Backspace in the prompt: removes its last character.
    PromptBackspace,
    /// Enter in the prompt: search for the query, or export to the file name.
    PromptSubmit,
    /// Esc in the prompt: closes it (an unanswered overwrite question exports nothing).
    PromptCancel,
    /// The export target exists: ask before overwriting.
    ConfirmOverwrite(String),
    /// The outcome of an export, for the status line.
    Exported(Result<String, String>),
}

/// What the run loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Nothing: draw the next frame and wait for input.
    None,
    /// Leave the viewer and restore the terminal.
    Quit,
    /// Write the current comparison to `path`; `overwrite` once the user said yes.
    Export {
        /// The file name, as typed.
        path: String,
        /// True once the user answered yes to overwriting an existing file.
        overwrite: bool,
    },
    /// Draw a frame (it shows "re-basing…"), then send [`Msg::Rebase`]: the
    /// recomputation can take a moment on long stories.
    Rebase,
}
