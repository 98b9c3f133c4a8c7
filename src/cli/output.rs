//! Where an export to standard output goes: straight there, or through a pager as bat
//! and delta do (`WIREDIFF_PAGER`, else `PAGER`, else `less -R`; `LESS=FRX` unless `LESS`
//! is set, so output shorter than the screen is not paged). A pager that cannot be started
//! is skipped; a pager quit early (a closed pipe) is not trouble.

use std::io::{self, IsTerminal, Write};
use std::process::{Child, ChildStdin, Command, Stdio};

use anyhow::Context;

use super::args::Paging;

/// The pager when neither `WIREDIFF_PAGER` nor `PAGER` names one.
const DEFAULT_PAGER: &str = "less -R";
/// `LESS` for the pager when the user has not set it: quit if one screen (F), keep colour
/// codes (R), do not clear the screen (X).
const DEFAULT_LESS: &str = "FRX";

/// Standard output or a pager's input.
enum Sink {
    Stdout(io::Stdout),
    Pager(ChildStdin),
}

impl Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(out) => out.write(bytes),
            Sink::Pager(pipe) => pipe.write(bytes),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::Pager(pipe) => pipe.flush(),
        }
    }
}

/// An export's way out; `Send` (the JSON export writes from another thread). Not buffered
/// here: the exports write large pieces.
pub(super) struct Output {
    writer: Sink,
    pager: Option<Child>,
}

impl Output {
    /// Standard output, through a pager when `paging` says so.
    pub(super) fn open(paging: Paging) -> Output {
        let wanted = match paging {
            Paging::Always => true,
            Paging::Never => false,
            Paging::Auto => io::stdout().is_terminal(),
        };
        match wanted.then(start_pager).flatten() {
            Some((pager, input)) => Output {
                writer: Sink::Pager(input),
                pager: Some(pager),
            },
            None => Output {
                writer: Sink::Stdout(io::stdout()),
                pager: None,
            },
        }
    }

    /// Where to write.
    pub(super) fn writer(&mut self) -> &mut (dyn Write + Send) {
        &mut self.writer
    }

    /// Flush, then wait for the pager to be quit. A closed pipe is not an error.
    pub(super) fn finish(self, written: io::Result<()>) -> anyhow::Result<()> {
        let Output { mut writer, pager } = self;
        let flushed = written.and_then(|()| writer.flush());
        // Closing the pager's input lets it see the end.
        drop(writer);
        if let Some(mut pager) = pager {
            let _ = pager.wait();
        }
        match flushed {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e).context("standard output"),
            _ => Ok(()),
        }
    }
}

/// The pager command's words: `WIREDIFF_PAGER`, else `PAGER`, else [`DEFAULT_PAGER`];
/// `None` when it is empty or `cat` (no pager wanted) or cannot be split.
fn pager_command() -> Option<Vec<String>> {
    let text = ["WIREDIFF_PAGER", "PAGER"]
        .iter()
        .find_map(|name| std::env::var(name).ok())
        .unwrap_or_else(|| DEFAULT_PAGER.to_string());
    let words = shell_words::split(&text).ok()?;
    match words.first().map(String::as_str) {
        None | Some("cat") => None,
        Some(_) => Some(words),
    }
}

/// Start the pager with a pipe to its input.
fn start_pager() -> Option<(Child, ChildStdin)> {
    let words = pager_command()?;
    let mut command = Command::new(&words[0]);
    command.args(&words[1..]).stdin(Stdio::piped());
    if std::env::var_os("LESS").is_none() {
        command.env("LESS", DEFAULT_LESS);
    }
    let mut pager = command.spawn().ok()?;
    let input = pager.stdin.take()?;
    Some((pager, input))
}
