//! The interactive viewer: Compare, Overview and Help screens over an `Analysis`.
//!
//! STUB written by the export helper so that `cli` compiles; the TUI helper's module
//! replaces this file. Signatures used by `cli`: `ColorChoice`, `run`, `render`.

use crate::model::Analysis;

/// Whether the viewer uses colour (`auto`: when the terminal supports it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// Run the viewer on the terminal until the user quits.
pub fn run(analysis: Analysis, color: ColorChoice) -> anyhow::Result<()> {
    let _ = (analysis, color);
    anyhow::bail!("the viewer is not available in this build")
}

/// Render one screen of `cols` x `rows` cells after feeding `keys` (space separated key
/// names), as plain text (or with ANSI styles when `ansi`).
pub fn render(
    analysis: &Analysis,
    cols: u16,
    rows: u16,
    keys: &str,
    ansi: bool,
) -> Result<String, String> {
    let _ = (analysis, cols, rows, keys, ansi);
    Err("the viewer is not available in this build".to_string())
}
