//! The command-line arguments: clap's derive structures for `wirediff [FILES]`,
//! `wirediff export` and `wirediff render`, and the value enums they take.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Compare published versions of one story sentence by sentence.
///
/// With no files, shows the built-in demo story. `-` reads standard input.
#[derive(Debug, Parser)]
#[command(name = "wirediff", version)]
pub(super) struct Cli {
    #[command(flatten)]
    pub(super) common: Common,
    #[command(subcommand)]
    pub(super) command: Option<Command>,
    /// The versions to compare; the first is the base unless --base says otherwise
    /// (none: the built-in demo; `-`: standard input).
    pub(super) files: Vec<String>,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub(super) struct Common {
    /// Colour in the viewer (NO_COLOR in the environment turns `auto` off).
    #[arg(long, value_enum, default_value_t = Color::Auto, global = true)]
    pub(super) color: Color,
    /// How inputs are split: prose sentences (with boilerplate marking) or one per line.
    #[arg(long, value_enum, default_value_t = Segment::Prose, global = true)]
    pub(super) segment: Segment,
    /// The base version: a 1-based position among the files, or a file name.
    #[arg(long, value_name = "N|FILE", global = true)]
    pub(super) base: Option<String>,
}

#[derive(Debug, Subcommand)]
pub(super) enum Command {
    /// Write the comparison as text, side-by-side columns or JSON.
    Export(ExportArgs),
    /// Print one screen of the viewer (for tests and screenshots).
    Render(RenderArgs),
}

#[derive(Debug, Args)]
pub(super) struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub(super) format: FormatArg,
    /// Total line width of the side-by-side format (default: the terminal width, or 100).
    #[arg(long, value_name = "N")]
    pub(super) width: Option<usize>,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub(super) output: Option<PathBuf>,
    /// Overwrite FILE given with -o if it exists.
    #[arg(long)]
    pub(super) force: bool,
    /// The versions to compare (none: the built-in demo; `-`: standard input).
    pub(super) files: Vec<String>,
}

#[derive(Debug, Args)]
pub(super) struct RenderArgs {
    /// Screen size, e.g. 100x30.
    #[arg(long, value_name = "COLSxROWS")]
    pub(super) size: String,
    /// Keys to press before rendering, separated by spaces (e.g. "n n Tab").
    #[arg(long, default_value = "")]
    pub(super) keys: String,
    /// Keep the styles as ANSI escape sequences.
    #[arg(long)]
    pub(super) ansi: bool,
    /// The versions to compare (none: the built-in demo; `-`: standard input).
    pub(super) files: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum Segment {
    Prose,
    Lines,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum FormatArg {
    Text,
    SideBySide,
    Json,
}
