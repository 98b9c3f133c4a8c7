//! The interactive viewer: Compare, Overview and Help screens over an `Analysis`.
//!
//! Elm-style: a [`state::State`] of plain data, [`msg::Msg`] messages produced by
//! [`keymap`] (the only module that knows crossterm's events) from [`msg::TermEvent`]s,
//! [`update::update`] with no I/O, and [`view::draw`]; the help's content is data in
//! [`help_text`], read by both the state and the view, and every version's findings are
//! listed once per analysis in [`findings`]. [`run_app`] is generic over the
//! ratatui backend and fed an event iterator, so tests drive the real loop on
//! `TestBackend`; [`render`] does that for one scripted screen. Exports are written
//! with the one atomic writer, [`crate::export::write_atomic`].

mod blocks;
pub mod findings;
pub mod help_text;
pub mod keymap;
pub mod msg;
mod search_text;
pub mod state;
pub mod theme;
pub mod update;
pub mod view;

use std::io::{self, IsTerminal};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::style::{Color, Modifier};

pub use msg::{Effect, Msg, TermEvent};
pub use state::State;
pub use theme::ColorChoice;
pub use update::update;

use crate::engine::{Analysis, PairRow};
use crate::export::{self, WriteError};
use crate::render::width::str_width;
use crate::signals::{Catch, Watchdog};

/// Largest width or height `render` draws (`--size`, `resize:` keys): far more than any
/// terminal has, and the screen buffer is allocated at this size, so a larger one would
/// only exhaust memory.
pub const MAX_SCREEN_SIDE: u16 = 1000;

/// Why the viewer could not run or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ViewerError {
    /// The analysis has no versions.
    #[error("nothing to show: no versions")]
    Empty,
    /// Standard output is not a terminal.
    #[error("the viewer needs a terminal; use `wirediff export` to write a comparison")]
    NoTerminal,
    /// A terminal operation failed; `what` says which.
    #[error("{what}")]
    Terminal {
        /// What was being done ("cannot read the terminal", ...).
        what: &'static str,
        /// The error the terminal gave.
        #[source]
        source: io::Error,
    },
    /// Drawing a frame failed.
    #[error("cannot draw: {0}")]
    Draw(String),
    /// An ending signal (SIGINT, SIGTERM, SIGHUP) arrived; the terminal was restored and
    /// the caller should end the process by it.
    #[error("stopped by signal {signal}")]
    Interrupted {
        /// The signal's number.
        signal: i32,
    },
}

/// `result`, its error named by `what`.
fn named<T>(result: io::Result<T>, what: &'static str) -> Result<T, ViewerError> {
    result.map_err(|source| ViewerError::Terminal { what, source })
}

/// Restores the terminal when dropped (also on an early `?`), and from a panic hook;
/// while it lives, the ending signals are caught so that the loop can stop and this
/// restores the terminal before the process dies of them.
struct TerminalGuard {
    /// Ends the process if the loop does not stop soon after a signal (a terminal that
    /// hung up can hold it in a read). Dropped first.
    _watchdog: Watchdog,
    /// Dropped after the terminal is restored: a signal then ends the process again.
    signals: Catch,
}

/// How long after an ending signal the viewer's loop may take to stop and restore the
/// terminal before the watchdog does it and ends the process: far longer than a frame
/// (the loop looks every 50 ms), short enough that a hung-up viewer does not linger.
const SIGNAL_GRACE: Duration = Duration::from_secs(1);

/// Leave the terminal as the viewer found it (mouse, alternate screen, raw mode, cursor).
fn restore_terminal() {
    let _ = keymap::disable_mouse();
    ratatui::restore();
    let _ = ratatui::crossterm::execute!(io::stdout(), ratatui::crossterm::cursor::Show);
}

impl TerminalGuard {
    fn enter() -> Result<(TerminalGuard, ratatui::DefaultTerminal), ViewerError> {
        let signals = named(Catch::start(), "cannot catch signals")?;
        let watchdog = named(
            Watchdog::start(SIGNAL_GRACE, restore_terminal),
            "cannot watch for signals",
        )?;
        let terminal = named(ratatui::try_init(), "cannot set up the terminal")?;
        let guard = TerminalGuard {
            _watchdog: watchdog,
            signals,
        };
        // ratatui's hook (installed by try_init) leaves raw mode and the alternate screen;
        // ours runs first and also releases the mouse and shows the cursor.
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = keymap::disable_mouse();
            let _ = ratatui::crossterm::execute!(io::stdout(), ratatui::crossterm::cursor::Show);
            previous(info);
        }));
        named(keymap::enable_mouse(), "cannot enable the mouse")?;
        Ok((guard, terminal))
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Open the viewer on the terminal until the user quits or an ending signal arrives
/// ([`ViewerError::Interrupted`], after the terminal is restored).
pub fn run(analysis: Analysis, color: ColorChoice) -> Result<(), ViewerError> {
    if analysis.versions.is_empty() {
        return Err(ViewerError::Empty);
    }
    if !io::stdout().is_terminal() {
        return Err(ViewerError::NoTerminal);
    }
    // The theme already decided about colour (NO_COLOR included). Left to itself,
    // crossterm drops colour codes under NO_COLOR by writing an empty `ESC[m`, which
    // resets bold and reverse too: with `--color always` every mark would vanish.
    ratatui::crossterm::style::force_color_output(true);
    let (guard, mut terminal) = TerminalGuard::enter()?;
    let size = named(terminal.size(), "cannot read the terminal size")?;
    let mut state = State::new(analysis, color.enabled(), size.width, size.height);
    let events = keymap::terminal_events(|| guard.signals.caught().is_some());
    let result = run_app(&mut terminal, &mut state, events);
    let signal = guard.signals.caught();
    drop(guard);
    match signal {
        Some(signal) => Err(ViewerError::Interrupted { signal }),
        None => result,
    }
}

/// The event loop: draw, take one event, update, perform the effect; until quit or the
/// events end. Redraws after every event; never clears the terminal.
pub fn run_app<B, I>(
    terminal: &mut Terminal<B>,
    state: &mut State,
    events: I,
) -> Result<(), ViewerError>
where
    B: Backend,
    I: IntoIterator<Item = io::Result<TermEvent>>,
{
    redraw(terminal, state)?;
    for event in events {
        let event = named(event, "cannot read the terminal")?;
        if let Some(msg) = keymap::to_msg(event, state) {
            let mut effect = update(state, msg);
            loop {
                let msg = match effect {
                    Effect::Export { path, overwrite } => perform_export(state, &path, overwrite),
                    Effect::Rebase => {
                        // Show that something is happening before the screen freezes.
                        redraw(terminal, state)?;
                        Msg::Rebase
                    }
                    Effect::Quit => return Ok(()),
                    Effect::None => break,
                };
                effect = update(state, msg);
            }
        }
        redraw(terminal, state)?;
    }
    Ok(())
}

/// Draw one frame at the terminal's current size (a resize event may be stale; the
/// backend's size is the truth, and ratatui resizes its buffers to it while drawing).
fn redraw<B>(terminal: &mut Terminal<B>, state: &mut State) -> Result<(), ViewerError>
where
    B: Backend,
{
    let size = terminal
        .size()
        .map_err(|e| ViewerError::Draw(format!("cannot read the terminal size: {e}")))?;
    if (size.width, size.height) != (state.cols, state.rows) {
        update(
            state,
            Msg::Resize {
                cols: size.width,
                rows: size.height,
            },
        );
    }
    terminal
        .draw(|f| {
            view::draw(state, f);
            settle_graphemes(f.buffer_mut());
        })
        .map_err(|e| ViewerError::Draw(e.to_string()))?;
    Ok(())
}

/// Make the frame say the same to ratatui and to the terminal, grapheme by grapheme.
///
/// ratatui writes only the cells that differ from the last frame, and trusts its own
/// width of each grapheme (unicode-width over the whole cluster). Two things break that
/// on a real terminal:
///
/// - A wide grapheme's trailing cells are blank in ratatui's buffer, so when the grapheme
///   gives way to a narrow one they look unchanged and are not written. A terminal that
///   drew it as several narrow glyphs (a Devanagari consonant and its vowel sign: `ते`
///   `ि` `ा`) keeps showing the trailing ones. Marking those cells skipped makes them
///   differ from blank ones, so the next frame that puts something else there writes them.
/// - A cluster whose width differs from the sum of its characters' widths (an emoji ZWJ
///   sequence, a skin-tone modifier) is as wide as that sum on a terminal that does not
///   join it, and pushes the rest of the line. Such a cluster is shown as its first
///   character (`🧑🏽‍💻` as `🧑`), which every terminal measures alike.
///
/// Only what reaches the terminal changes: `render` and the exports show the full text.
fn settle_graphemes(buf: &mut Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let cell = &mut buf[(x, y)];
            let width = str_width(cell.symbol()).max(1);
            let shown = match joined_cluster(cell.symbol(), width) {
                Some(first) => {
                    let first_width = str_width(&first).max(1);
                    cell.set_symbol(&first);
                    first_width.min(width)
                }
                None => width,
            };
            let end = x.saturating_add(width as u16).min(area.right());
            for tail in x.saturating_add(1)..end {
                let tail_cell = &mut buf[(tail, y)];
                if usize::from(tail - x) < shown {
                    tail_cell.set_diff_option(CellDiffOption::Skip);
                } else {
                    // Past a narrower stand-in: a plain blank, written like any other.
                    tail_cell.set_symbol(" ");
                }
            }
            x = end.max(x + 1);
        }
    }
}

/// For a cluster of several characters whose width as a cluster is not the sum of theirs,
/// its first character (a narrower one stands for it); else `None`.
fn joined_cluster(symbol: &str, width: usize) -> Option<String> {
    let mut chars = symbol.chars();
    let first = chars.next()?;
    chars.next()?;
    let sum: usize = symbol
        .chars()
        .map(|c| str_width(c.encode_utf8(&mut [0; 4])))
        .sum();
    (sum != width).then(|| first.to_string())
}

/// Write the shown comparison to `path` with the atomic writer (asking first if it
/// exists); a failure is reported naming the path.
fn perform_export(state: &State, path: &str, overwrite: bool) -> Msg {
    let target = std::path::Path::new(path);
    let written = export::check_output(target, overwrite).and_then(|()| {
        let text = export_text(state, path);
        export::write_atomic(target, text.as_bytes(), overwrite)
    });
    match written {
        Ok(()) => Msg::Exported(Ok(path.to_string())),
        Err(WriteError::Exists(_)) => Msg::ConfirmOverwrite(path.to_string()),
        Err(error) => Msg::Exported(Err(error.to_string())),
    }
}

/// The shown comparison as an export: the whole report for an `.html`/`.htm` or
/// `.md`/`.markdown` file (every version, dated by `SOURCE_DATE_EPOCH`, else now), JSON
/// for a `.json` file (the whole comparison), otherwise what the screen shows, its statistics and findings first: the rows the
/// filter leaves, as side-by-side columns at the screen's width or in the inline text
/// form.
pub fn export_text(state: &State, path: &str) -> String {
    if let Some(kind) = export::ReportKind::for_path(path) {
        // An unreadable SOURCE_DATE_EPOCH: the clock's date (the command line says why).
        let meta = export::report_meta_from_env().unwrap_or_else(|_| export::ReportMeta::now());
        return export::report(&state.analysis, kind, &meta);
    }
    let format = if path.to_ascii_lowercase().ends_with(".json") {
        export::Format::Json
    } else if state.inline_mode() {
        export::Format::Text
    } else {
        export::Format::SideBySide
    };
    let rows: Vec<PairRow> = if state.filter == state::Filter::All {
        state.pairs.clone()
    } else {
        state
            .items
            .iter()
            .filter_map(|item| match item {
                state::Item::Row(p) => state.pairs.get(*p).cloned(),
                state::Item::Fold { .. } => None,
            })
            .collect()
    };
    let shown = (state.filter != state::Filter::All).then(|| {
        format!(
            "{} ({} of {} rows)",
            state.filter.name(),
            rows.len(),
            state.pairs.len()
        )
    });
    export::export_shown(
        &state.analysis,
        state.other,
        &rows,
        shown.as_deref(),
        format,
        state.cols as usize,
    )
}

/// Draw one screen without a terminal: build the state at `cols` x `rows`, feed the key
/// script (see [`keymap::parse_keys`]) through `update`, and return exactly `rows` lines,
/// trailing spaces trimmed; with `ansi`, cell styles (in colour) as SGR escape codes.
/// Effects that would write files are not performed. Deterministic.
pub fn render(
    analysis: &Analysis,
    cols: u16,
    rows: u16,
    keys: &str,
    ansi: bool,
) -> Result<String, String> {
    render_with(analysis, cols, rows, keys, ansi, ansi)
}

/// [`render`], choosing colour separately: with `ansi` but not `color`, the styles are
/// those of the monochrome theme (bold, reverse, underline...) and no colour code is
/// written, as the viewer under `--color never` or `NO_COLOR`.
pub fn render_with(
    analysis: &Analysis,
    cols: u16,
    rows: u16,
    keys: &str,
    ansi: bool,
    color: bool,
) -> Result<String, String> {
    if cols == 0 || rows == 0 {
        return Err("the screen must be at least 1x1".into());
    }
    if cols > MAX_SCREEN_SIDE || rows > MAX_SCREEN_SIDE {
        return Err(format!(
            "the screen can be at most {MAX_SCREEN_SIDE}x{MAX_SCREEN_SIDE}"
        ));
    }
    if analysis.versions.is_empty() {
        return Err("nothing to show: no versions".into());
    }
    let events = keymap::parse_keys(keys)?;
    let mut state = State::new(analysis.clone(), ansi && color, cols, rows);
    let mut terminal = Terminal::new(TestBackend::new(cols, rows)).map_err(|e| e.to_string())?;
    for event in events {
        if let TermEvent::Resize { cols, rows } = event {
            if cols == 0 || rows == 0 {
                return Err("cannot resize to zero".into());
            }
            if cols > MAX_SCREEN_SIDE || rows > MAX_SCREEN_SIDE {
                return Err(format!(
                    "resize:{cols}x{rows}: at most {MAX_SCREEN_SIDE}x{MAX_SCREEN_SIDE}"
                ));
            }
            terminal.backend_mut().resize(cols, rows);
            terminal
                .resize(ratatui::layout::Rect::new(0, 0, cols, rows))
                .map_err(|e| e.to_string())?;
        }
        if let Some(msg) = keymap::to_msg(event, &state) {
            let mut effect = update(&mut state, msg);
            if effect == Effect::Rebase {
                effect = update(&mut state, Msg::Rebase);
            }
            if let Effect::Export { path, .. } = effect {
                state.message = Some(format!("(render: not writing {path})"));
            }
        }
        if state.quit {
            break;
        }
    }
    terminal
        .draw(|f| view::draw(&state, f))
        .map_err(|e| e.to_string())?;
    Ok(buffer_text(terminal.backend().buffer(), ansi))
}

/// Text of a buffer, one line per row, trailing spaces trimmed; optionally with SGR codes.
pub fn buffer_text(buf: &Buffer, ansi: bool) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut plain_len = 0; // byte length of `line` up to the last non-space cell
        let mut cur: Option<(Color, Color, Modifier)> = None;
        let mut x = 0;
        while x < area.width {
            let cell = &buf[(x, y)];
            let sym = cell.symbol();
            let w = crate::render::width::str_width(sym).max(1) as u16;
            if ansi {
                let st = (cell.fg, cell.bg, cell.modifier);
                if cur != Some(st) {
                    line.push_str(&sgr(st));
                    cur = Some(st);
                }
            }
            line.push_str(sym);
            let styled = ansi && (cell.bg != Color::Reset || !cell.modifier.is_empty());
            if sym != " " || styled {
                plain_len = line.len();
            }
            x += w;
        }
        line.truncate(plain_len);
        if ansi {
            line.push_str("\x1b[0m");
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn sgr((fg, bg, m): (Color, Color, Modifier)) -> String {
    let mut codes = vec!["0".to_string()];
    for (flag, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if m.contains(flag) {
            codes.push(code.into());
        }
    }
    if let Some(c) = color_code(fg, false) {
        codes.push(c);
    }
    if let Some(c) = color_code(bg, true) {
        codes.push(c);
    }
    format!("\x1b[{}m", codes.join(";"))
}

fn color_code(c: Color, bg: bool) -> Option<String> {
    let base = if bg { 40 } else { 30 };
    let bright = if bg { 100 } else { 90 };
    Some(match c {
        Color::Reset => return None,
        Color::Black => format!("{}", base),
        Color::Red => format!("{}", base + 1),
        Color::Green => format!("{}", base + 2),
        Color::Yellow => format!("{}", base + 3),
        Color::Blue => format!("{}", base + 4),
        Color::Magenta => format!("{}", base + 5),
        Color::Cyan => format!("{}", base + 6),
        Color::Gray => format!("{}", base + 7),
        Color::DarkGray => format!("{}", bright),
        Color::LightRed => format!("{}", bright + 1),
        Color::LightGreen => format!("{}", bright + 2),
        Color::LightYellow => format!("{}", bright + 3),
        Color::LightBlue => format!("{}", bright + 4),
        Color::LightMagenta => format!("{}", bright + 5),
        Color::LightCyan => format!("{}", bright + 6),
        Color::White => format!("{}", bright + 7),
        Color::Indexed(i) => format!("{};5;{i}", base + 8),
        Color::Rgb(r, g, b) => format!("{};2;{r};{g};{b}", base + 8),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_asks_before_overwriting_and_names_the_path_on_failure() {
        let analysis = crate::engine::analyze(&crate::engine::demo(), Default::default());
        let state = State::new(analysis, false, 100, 30);
        let dir = tempfile::tempdir().unwrap();
        let taken = dir.path().join("taken.txt");
        std::fs::write(&taken, "keep").unwrap();
        let taken = taken.to_str().unwrap();
        assert_eq!(
            perform_export(&state, taken, false),
            Msg::ConfirmOverwrite(taken.to_string())
        );
        assert_eq!(std::fs::read_to_string(taken).unwrap(), "keep");
        let missing = dir.path().join("missing").join("out.txt");
        let missing = missing.to_str().unwrap();
        match perform_export(&state, missing, false) {
            Msg::Exported(Err(message)) => assert!(message.starts_with(missing), "{message}"),
            other => panic!("expected a failure, got {other:?}"),
        }
        // Nothing but the file we made: no temporary file left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn export_never_offers_to_overwrite_a_directory_or_a_dangling_link() {
        let analysis = crate::engine::analyze(&crate::engine::demo(), Default::default());
        let state = State::new(analysis, false, 100, 30);
        let dir = tempfile::tempdir().unwrap();
        let dangling = dir.path().join("dangling.txt");
        std::os::unix::fs::symlink(dir.path().join("absent/target.txt"), &dangling).unwrap();
        let to_dir = dir.path().join("to-dir");
        std::os::unix::fs::symlink(dir.path(), &to_dir).unwrap();
        for (path, says) in [
            (dir.path().to_path_buf(), "is a directory"),
            (to_dir, "is a directory"),
            (dangling, "dangling symbolic link"),
        ] {
            let path = path.to_str().unwrap();
            for overwrite in [false, true] {
                match perform_export(&state, path, overwrite) {
                    Msg::Exported(Err(message)) => {
                        assert!(message.starts_with(path), "{message}");
                        assert!(message.contains(says), "{message}");
                    }
                    other => panic!("{path}: expected a refusal, got {other:?}"),
                }
            }
        }
        assert!(!dir.path().join("absent").exists());
    }

    #[test]
    fn wide_tails_are_marked_and_unjoined_clusters_stand_in() {
        let mut buf = Buffer::empty(ratatui::layout::Rect::new(0, 0, 12, 1));
        buf.set_string(
            0,
            0,
            "दि a \u{1f9d1}\u{1f3fd}\u{200d}\u{1f4bb} 日",
            ratatui::style::Style::default(),
        );
        settle_graphemes(&mut buf);
        // दि: two cells, the second marked.
        assert_eq!(buf[(0, 0)].symbol(), "दि");
        assert_eq!(buf[(1, 0)].diff_option, CellDiffOption::Skip);
        assert_eq!(buf[(3, 0)].diff_option, CellDiffOption::None);
        // The ZWJ sequence (two cells as a cluster, six as characters) is its first emoji.
        assert_eq!(buf[(5, 0)].symbol(), "\u{1f9d1}");
        assert_eq!(buf[(6, 0)].diff_option, CellDiffOption::Skip);
        assert_eq!(buf[(8, 0)].symbol(), "日");
        assert_eq!(buf[(9, 0)].diff_option, CellDiffOption::Skip);
        assert_eq!(buffer_text(&buf, false), "दि a \u{1f9d1} 日\n");
    }
}
