//! Key bindings: the only module that knows crossterm's event types. Turns terminal
//! events into [`TermEvent`] (key presses only; releases and repeats from Windows are
//! dropped) and those into [`Msg`] for the current mode; also parses the textual key
//! names used by `render` and tests.

use std::io;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers, MouseEventKind};

use super::msg::{Key, Msg, TermEvent};
use super::state::{Screen, State};

/// Translate one crossterm event; `None` for events the viewer ignores.
pub fn from_event(ev: Event) -> Option<TermEvent> {
    match ev {
        Event::Key(k) if k.kind == KeyEventKind::Press => {
            let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
            let key = match k.code {
                KeyCode::Char(c) => Key::Char(c),
                KeyCode::Enter => Key::Enter,
                KeyCode::Esc => Key::Esc,
                KeyCode::Tab if k.modifiers.contains(KeyModifiers::SHIFT) => Key::BackTab,
                KeyCode::Tab => Key::Tab,
                KeyCode::BackTab => Key::BackTab,
                KeyCode::Backspace => Key::Backspace,
                KeyCode::Up => Key::Up,
                KeyCode::Down => Key::Down,
                KeyCode::Left => Key::Left,
                KeyCode::Right => Key::Right,
                KeyCode::PageUp => Key::PageUp,
                KeyCode::PageDown => Key::PageDown,
                KeyCode::Home => Key::Home,
                KeyCode::End => Key::End,
                _ => return None,
            };
            Some(TermEvent::Key { key, ctrl })
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(_) => Some(TermEvent::Click {
                col: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown => Some(TermEvent::Wheel {
                down: true,
                col: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollUp => Some(TermEvent::Wheel {
                down: false,
                col: m.column,
                row: m.row,
            }),
            _ => None,
        },
        Event::Resize(cols, rows) => Some(TermEvent::Resize { cols, rows }),
        _ => None,
    }
}

/// How long a wait for the terminal's next event lasts before checking whether to stop
/// (a signal arrived). Events are taken as soon as they come; this only bounds how late a
/// signal is noticed, never what is shown.
const STOP_CHECK_INTERVAL: Duration = Duration::from_millis(50);

/// Blocking iterator over the terminal's events; it ends as soon as `stop()` says so.
pub fn terminal_events(stop: impl Fn() -> bool) -> impl Iterator<Item = io::Result<TermEvent>> {
    std::iter::from_fn(move || {
        loop {
            if stop() {
                return None;
            }
            match event::poll(STOP_CHECK_INTERVAL) {
                Ok(true) => {}
                Ok(false) => continue,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Some(Err(e)),
            }
            match event::read() {
                Ok(ev) => {
                    if let Some(i) = from_event(ev) {
                        return Some(Ok(i));
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Some(Err(e)),
            }
        }
    })
}

/// Enable mouse reporting on standard output.
pub fn enable_mouse() -> io::Result<()> {
    ratatui::crossterm::execute!(io::stdout(), event::EnableMouseCapture)
}

/// Disable mouse reporting on standard output.
pub fn disable_mouse() -> io::Result<()> {
    ratatui::crossterm::execute!(io::stdout(), event::DisableMouseCapture)
}

/// What an event means in the state's current mode.
pub fn to_msg(event: TermEvent, state: &State) -> Option<Msg> {
    let (key, ctrl) = match event {
        TermEvent::Click { col, row } => return Some(Msg::Click { col, row }),
        TermEvent::Wheel { down, .. } => return Some(Msg::Wheel { down }),
        TermEvent::Resize { cols, rows } => return Some(Msg::Resize { cols, rows }),
        TermEvent::Key { key, ctrl } => (key, ctrl),
    };
    if ctrl && matches!(key, Key::Char('c') | Key::Char('q')) {
        return Some(Msg::Quit);
    }
    if state.prompt.is_some() {
        return prompt_msg(key, ctrl);
    }
    if state.help {
        return Some(help_msg(key, ctrl));
    }
    if ctrl {
        return ctrl_msg(key);
    }
    screen_msg(key, state.screen)
}

/// A key while a prompt line is being typed.
fn prompt_msg(key: Key, ctrl: bool) -> Option<Msg> {
    match key {
        Key::Enter => Some(Msg::PromptSubmit),
        Key::Esc => Some(Msg::PromptCancel),
        Key::Backspace => Some(Msg::PromptBackspace),
        Key::Char(typed) if !ctrl => Some(Msg::PromptChar(typed)),
        _ => None,
    }
}

/// A key over the help: it scrolls with the keys that scroll the comparison; Esc, q and
/// ? close it, and so does any other key.
fn help_msg(key: Key, ctrl: bool) -> Msg {
    match key {
        Key::Char('j') | Key::Down => Msg::Lines(1),
        Key::Char('k') | Key::Up => Msg::Lines(-1),
        Key::Char('d') if ctrl => Msg::HalfPages(1),
        Key::Char('u') if ctrl => Msg::HalfPages(-1),
        Key::Char('f') if ctrl => Msg::Pages(1),
        Key::Char('b') if ctrl => Msg::Pages(-1),
        Key::Char(' ') | Key::PageDown => Msg::Pages(1),
        Key::PageUp => Msg::Pages(-1),
        Key::Char('g') | Key::Home => Msg::Top,
        Key::Char('G') | Key::End => Msg::Bottom,
        _ => Msg::ToggleHelp,
    }
}

/// A key with Control on either screen (Ctrl-c and Ctrl-q quit everywhere).
fn ctrl_msg(key: Key) -> Option<Msg> {
    match key {
        Key::Char('d') => Some(Msg::HalfPages(1)),
        Key::Char('u') => Some(Msg::HalfPages(-1)),
        Key::Char('f') => Some(Msg::Pages(1)),
        Key::Char('b') => Some(Msg::Pages(-1)),
        _ => None,
    }
}

/// A plain key on the Compare, Overview or Findings screen.
fn screen_msg(key: Key, screen: Screen) -> Option<Msg> {
    let overview = screen == Screen::Overview;
    Some(match key {
        Key::Char('j') | Key::Down => Msg::Lines(1),
        Key::Char('k') | Key::Up => Msg::Lines(-1),
        Key::Char(' ') | Key::PageDown => Msg::Pages(1),
        Key::PageUp => Msg::Pages(-1),
        Key::Char('g') | Key::Home => Msg::Top,
        Key::Char('G') | Key::End => Msg::Bottom,
        Key::Char('h') | Key::Left if overview => Msg::Columns(-1),
        Key::Char('l') | Key::Right if overview => Msg::Columns(1),
        Key::Char('n') => Msg::Next,
        Key::Char('N') => Msg::Prev,
        Key::Char(']') => Msg::NextFinding,
        Key::Char('[') => Msg::PrevFinding,
        Key::Char('F') => Msg::ToggleFindings,
        Key::Tab => Msg::NextVersion,
        Key::BackTab => Msg::PrevVersion,
        Key::Char(digit @ '1'..='9') => Msg::Version(digit as usize - '0' as usize),
        Key::Char('b') => Msg::MakeBase,
        Key::Char('o') => Msg::ToggleOverview,
        Key::Char('f') => Msg::CycleFilter,
        Key::Char('w') => Msg::ToggleWrap,
        Key::Char('i') => Msg::ToggleInline,
        Key::Char('?') => Msg::ToggleHelp,
        Key::Char('/') => Msg::StartSearch,
        Key::Char('e') => Msg::StartExport,
        Key::Enter => Msg::Activate,
        Key::Esc => Msg::Back,
        Key::Char('q') => Msg::Quit,
        _ => return None,
    })
}

/// Parse the key script used by `render` and the tests: tokens separated by spaces.
///
/// - named keys: `Enter`, `Esc`, `Tab`, `S-Tab` (or `BackTab`), `Backspace`, `Space`,
///   `Up`, `Down`, `Left`, `Right`, `PgUp`, `PgDn`, `Home`, `End`;
/// - `C-x`: x with Control (`C-c` quits);
/// - `click:COL,ROW`, `wheel-up`, `wheel-down`: mouse (0-based cells);
/// - `resize:COLSxROWS`: the terminal changed size;
/// - anything else is typed one character at a time: `n`, `G`, `?`, and `/storm Enter`
///   (type "/storm" then press Enter) to search.
pub fn parse_keys(script: &str) -> Result<Vec<TermEvent>, String> {
    let mut out = Vec::new();
    for tok in script.split_whitespace() {
        let key = |key| TermEvent::Key { key, ctrl: false };
        let named = match tok {
            "Enter" => Some(key(Key::Enter)),
            "Esc" => Some(key(Key::Esc)),
            "Tab" => Some(key(Key::Tab)),
            "S-Tab" | "BackTab" => Some(key(Key::BackTab)),
            "Backspace" => Some(key(Key::Backspace)),
            "Space" => Some(key(Key::Char(' '))),
            "Up" => Some(key(Key::Up)),
            "Down" => Some(key(Key::Down)),
            "Left" => Some(key(Key::Left)),
            "Right" => Some(key(Key::Right)),
            "PgUp" => Some(key(Key::PageUp)),
            "PgDn" => Some(key(Key::PageDown)),
            "Home" => Some(key(Key::Home)),
            "End" => Some(key(Key::End)),
            "wheel-up" => Some(TermEvent::Wheel {
                down: false,
                col: 0,
                row: 0,
            }),
            "wheel-down" => Some(TermEvent::Wheel {
                down: true,
                col: 0,
                row: 0,
            }),
            _ => None,
        };
        if let Some(i) = named {
            out.push(i);
        } else if let Some(c) = tok.strip_prefix("C-").filter(|r| r.chars().count() == 1) {
            let c = c.chars().next().unwrap_or('c');
            out.push(TermEvent::Key {
                key: Key::Char(c),
                ctrl: true,
            });
        } else if let Some(rest) = tok.strip_prefix("click:") {
            let (c, r) = rest
                .split_once(',')
                .ok_or_else(|| format!("bad click {tok:?}: want click:COL,ROW"))?;
            let num = |s: &str| {
                s.parse::<u16>()
                    .map_err(|_| format!("bad number in {tok:?}"))
            };
            out.push(TermEvent::Click {
                col: num(c)?,
                row: num(r)?,
            });
        } else if let Some(rest) = tok.strip_prefix("resize:") {
            let (c, r) = rest
                .split_once('x')
                .ok_or_else(|| format!("bad resize {tok:?}: want resize:COLSxROWS"))?;
            let num = |s: &str| {
                s.parse::<u16>()
                    .map_err(|_| format!("bad number in {tok:?}"))
            };
            out.push(TermEvent::Resize {
                cols: num(c)?,
                rows: num(r)?,
            });
        } else {
            out.extend(tok.chars().map(|c| key(Key::Char(c))));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_named_typed_and_mouse_tokens() {
        let keys = parse_keys("n S-Tab /ab Enter C-c click:3,4 resize:100x30").unwrap();
        assert_eq!(
            keys,
            vec![
                TermEvent::Key {
                    key: Key::Char('n'),
                    ctrl: false
                },
                TermEvent::Key {
                    key: Key::BackTab,
                    ctrl: false
                },
                TermEvent::Key {
                    key: Key::Char('/'),
                    ctrl: false
                },
                TermEvent::Key {
                    key: Key::Char('a'),
                    ctrl: false
                },
                TermEvent::Key {
                    key: Key::Char('b'),
                    ctrl: false
                },
                TermEvent::Key {
                    key: Key::Enter,
                    ctrl: false
                },
                TermEvent::Key {
                    key: Key::Char('c'),
                    ctrl: true
                },
                TermEvent::Click { col: 3, row: 4 },
                TermEvent::Resize {
                    cols: 100,
                    rows: 30
                },
            ]
        );
    }

    #[test]
    fn rejects_malformed_mouse_tokens() {
        assert!(parse_keys("click:3").is_err());
        assert!(parse_keys("resize:axb").is_err());
    }

    #[test]
    fn only_presses_are_translated() {
        use ratatui::crossterm::event::{KeyEvent, KeyEventState};
        let mut k = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE);
        assert!(from_event(Event::Key(k)).is_some());
        k.kind = KeyEventKind::Release;
        k.state = KeyEventState::NONE;
        assert_eq!(from_event(Event::Key(k)), None);
    }
}
