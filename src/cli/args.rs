//! The command-line arguments: clap's derive structures for `wirediff [FILES]`,
//! `wirediff export`, `wirediff render`, `wirediff completions` and `wirediff man`, the
//! value enums they take, and the long help's examples, keys and exit codes.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use super::values::{self, DEFAULT_MAX_SIZE};
use crate::tui::help_text;

/// Compare published versions of one story sentence by sentence.
///
/// With no files, shows the built-in demo story. `-` reads standard input.
#[derive(Debug, Parser)]
#[command(name = "wirediff", version = env!("WIREDIFF_VERSION"), args_override_self = true)]
pub(super) struct Cli {
    #[command(flatten)]
    pub(super) common: Common,
    #[command(subcommand)]
    pub(super) command: Option<Command>,
    /// The versions to compare (none: the built-in demo; `-`: standard input); the base is
    /// the likely original unless --base says otherwise. Also git's seven arguments when
    /// run as GIT_EXTERNAL_DIFF.
    pub(super) files: Vec<OsString>,
}

/// Options every command takes (and the only ones `WIREDIFF_OPTS` and the configuration
/// file may hold).
#[derive(Debug, Args)]
pub(super) struct Common {
    /// Colour in the viewer and the text export (NO_COLOR in the environment turns `auto`
    /// off; exports are coloured under `auto` only on a terminal).
    #[arg(long, value_enum, default_value_t = Color::Auto, global = true)]
    pub(super) color: Color,
    /// How inputs are split: prose sentences (with boilerplate marking) or one per line.
    #[arg(long, value_enum, default_value_t = Segment::Prose, global = true)]
    pub(super) segment: Segment,
    /// The base version: `auto` (the default) picks the likely original, the version the
    /// others share most story text with (with two files, the first); or a 1-based
    /// position among the files, a file name, or a label.
    #[arg(long, value_name = "auto|N|FILE", global = true)]
    pub(super) base: Option<String>,
    /// Name a version on every screen and export, e.g. `--label AFP=001.txt` (FILE as for
    /// --base; repeatable). Unlabelled versions show their shortest unambiguous file name.
    #[arg(long = "label", value_name = "NAME=FILE", global = true)]
    pub(super) labels: Vec<String>,
    /// Largest input read, in bytes, with an optional K, M or G suffix (default 256M).
    #[arg(long, value_name = "SIZE", global = true, value_parser = values::parse_byte_size,
          default_value_t = DEFAULT_MAX_SIZE, hide_default_value = true)]
    pub(super) max_size: u64,
    /// The encoding of the inputs (e.g. windows-1252, latin1, utf-16le) when they are not
    /// UTF-8 and do not say so themselves.
    #[arg(long, value_name = "NAME", global = true)]
    pub(super) encoding: Option<String>,
    /// Page long exports to a terminal: `auto` when standard output is one.
    #[arg(long, value_enum, default_value_t = Paging::Auto, global = true)]
    pub(super) paging: Paging,
}

#[derive(Debug, Subcommand)]
pub(super) enum Command {
    /// Write the comparison as text, side-by-side columns or JSON.
    Export(ExportArgs),
    /// Print one screen of the viewer (for tests and screenshots).
    Render(RenderArgs),
    /// Print what wirediff compares from each input (a page's article, a feed's story),
    /// one element per paragraph.
    Extract(ExtractArgs),
    /// Print a completion script for a shell (e.g. `wirediff completions bash`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `wirediff man | man -l -`.
    Man,
}

#[derive(Debug, Args)]
pub(super) struct ExtractArgs {
    /// Only the article body (no headline, byline, date or captions).
    #[arg(long)]
    pub(super) body: bool,
    /// The pages, feeds or texts (several pages of one story are read together).
    #[arg(required = true)]
    pub(super) files: Vec<OsString>,
}

#[derive(Debug, Args)]
pub(super) struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub(super) format: FormatArg,
    /// Total line width of the side-by-side format, 20 to 1000 (default: the terminal
    /// width, or 100).
    #[arg(long, value_name = "N", value_parser = values::parse_width)]
    pub(super) width: Option<usize>,
    /// Write to FILE (atomically) instead of standard output (`-`: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub(super) output: Option<PathBuf>,
    /// Overwrite FILE given with -o if it exists.
    #[arg(long)]
    pub(super) force: bool,
    /// The versions to compare (none: the built-in demo; `-`: standard input).
    pub(super) files: Vec<OsString>,
}

#[derive(Debug, Args)]
pub(super) struct RenderArgs {
    /// Screen size, e.g. 100x30 (1 to 1000 each).
    #[arg(long, value_name = "COLSxROWS", value_parser = values::parse_screen_size)]
    pub(super) size: (u16, u16),
    /// Keys to press before rendering, separated by spaces (e.g. "n n Tab").
    #[arg(long, default_value = "")]
    pub(super) keys: String,
    /// Keep the styles as ANSI escape sequences.
    #[arg(long)]
    pub(super) ansi: bool,
    /// The versions to compare (none: the built-in demo; `-`: standard input).
    pub(super) files: Vec<OsString>,
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
    /// One self-contained HTML report (findings, overview, every comparison).
    Html,
    /// The same report in GitHub-flavoured Markdown.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum Paging {
    Auto,
    Always,
    Never,
}

/// What `--help` shows after the options.
const EXAMPLES: &str = "\
Examples:
  wirediff wire.txt site.txt copy.txt       open the viewer on three versions
  wirediff export wire.txt site.txt         the comparison as text (exit 1: they differ)
  wirediff export --format json -o out.json --base 2 *.txt
  wirediff export --format side-by-side --width 160 a.txt b.txt | less -R
  wirediff export --format html -o report.html wire.txt site*.txt   a report to send
  GIT_EXTERNAL_DIFF=wirediff git diff       as git's diff program (see docs/git.md)
  git difftool -y -x wirediff               the viewer for each changed file
  wirediff completions bash > ~/.local/share/bash-completion/completions/wirediff";

/// What `--help` says about the exit status and the environment.
const STATUS_AND_ENVIRONMENT: &str = "\
Exit status:
  0  export: no differences; the viewer, render and --help: success
  1  export: some difference
  2  trouble (unreadable or binary input, bad option, refused output file, ...),
     said in one line on standard error starting `wirediff: `
  128+N  killed by signal N (the terminal restored, temporary files removed first)
  As GIT_EXTERNAL_DIFF wirediff exits 0, so that git goes on with the next file.

Environment:
  WIREDIFF_OPTS      options put before the command line's (split like a shell would)
  XDG_CONFIG_HOME    the configuration file is $XDG_CONFIG_HOME/wirediff/config
                     (else ~/.config/wirediff/config): one option per line, # comments
  NO_COLOR           no colour under --color auto
  WIREDIFF_PAGER, PAGER  the pager for long exports (default: less -R, LESS=FRX)";

/// The long help's closing part: examples, the viewer's keys (from the help screen's own
/// table), the exit status and the environment.
fn after_long_help() -> String {
    let mut text = format!("{EXAMPLES}\n\nKeys in the viewer:\n");
    for line in help_text::LINES {
        if let help_text::HelpLine::Binding(keys, action) = line {
            text.push_str(&format!("  {keys:<18} {action}\n"));
        }
    }
    text.push('\n');
    text.push_str(STATUS_AND_ENVIRONMENT);
    text
}

/// The whole command, with the long help; what is parsed, completed and made a man page.
pub(super) fn command() -> clap::Command {
    Cli::command().after_long_help(after_long_help())
}
