//! The viewer's vocabulary: terminal events in our own terms ([`TermEvent`]), so that
//! only `keymap` knows crossterm's event types and tests can script input as text; the
//! messages `update` reacts to ([`Msg`]); and the effects it asks the run loop for
//! ([`Effect`]).

/// A key, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
}

/// One terminal event (key press, mouse, resize), in our own terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermEvent {
    Key { key: Key, ctrl: bool },
    Click { col: u16, row: u16 },
    Wheel { down: bool, col: u16, row: u16 },
    Resize { cols: u16, rows: u16 },
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
    Top,
    Bottom,
    /// Move the overview cursor across versions.
    Columns(i32),
    /// Next / previous change (or search hit when a search is active).
    Next,
    Prev,
    /// Next / previous row holding a finding (the Findings screen: entry).
    NextFinding,
    PrevFinding,
    /// Next / previous other version.
    NextVersion,
    PrevVersion,
    /// Show version number n (1-based, as listed).
    Version(usize),
    /// b: announce the re-basing (the run loop draws that, then sends `Rebase`).
    MakeBase,
    /// Recompute every comparison against the shown version, which becomes the base.
    Rebase,
    ToggleOverview,
    /// F: the Findings screen, or back to Compare.
    ToggleFindings,
    CycleFilter,
    ToggleWrap,
    ToggleInline,
    ToggleHelp,
    StartSearch,
    StartExport,
    /// Enter: expand a fold, open the selected overview cell or finding.
    Activate,
    /// Esc: close help, leave the overview, clear a search, or quit.
    Back,
    Quit,
    Click {
        col: u16,
        row: u16,
    },
    Wheel {
        down: bool,
    },
    Resize {
        cols: u16,
        rows: u16,
    },
    PromptChar(char),
    PromptBackspace,
    PromptSubmit,
    PromptCancel,
    /// The export target exists: ask before overwriting.
    ConfirmOverwrite(String),
    /// The outcome of an export, for the status line.
    Exported(Result<String, String>),
}

/// What the run loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Write the current comparison to `path`; `overwrite` once the user said yes.
    Export {
        path: String,
        overwrite: bool,
    },
    /// Draw a frame (it shows "re-basing…"), then send [`Msg::Rebase`]: the
    /// recomputation can take a moment on long stories.
    Rebase,
}
