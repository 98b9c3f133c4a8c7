//! The status line: position, filter and mode on the left, key hints on the right; or
//! the prompt being typed (search, export file name, overwrite question).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::paint::{fit, put};
use crate::render::width::str_width;
use crate::tui::state::{Prompt, Screen, State};

pub fn draw(state: &State, area: Rect, buf: &mut Buffer) {
    let y = area.height - 1;
    let style = state.theme.status();
    let blank = " ".repeat(area.width as usize);
    put(buf, 0, y, area.width, &blank, style);
    if let Some(p) = &state.prompt {
        let text = match p {
            Prompt::Search(s) => format!("/{s}_"),
            Prompt::Export(s) => {
                format!("export to: {s}_  (.json for JSON; Enter writes, Esc cancels)")
            }
            Prompt::Overwrite(path) => format!("{path} exists; overwrite it? (y/n)"),
        };
        put(
            buf,
            0,
            y,
            area.width,
            &fit(&text, area.width as usize),
            style,
        );
        return;
    }
    let left = match &state.message {
        Some(m) => m.clone(),
        None => position(state),
    };
    let hints: &[&str] = match state.screen {
        Screen::Compare => &[
            "? help",
            "q quit",
            "]/[ finding",
            "F findings",
            "n/N change",
            "Tab version",
            "o overview",
            "f filter",
            "/ search",
        ],
        Screen::Overview => &[
            "? help",
            "q quit",
            "Enter open",
            "arrows move",
            "]/[ finding",
            "o back",
        ],
        Screen::Findings => &["? help", "q quit", "Enter open", "j/k move", "F back"],
    };
    let w = area.width as usize;
    let left = fit(&format!(" {left}"), w);
    put(buf, 0, y, area.width, &left, style);
    // As many hints as fit, most important first, shown in a fixed order.
    let room = w.saturating_sub(str_width(&left) + 3);
    let mut shown: Vec<&str> = Vec::new();
    let mut used = 0;
    for h in hints {
        let add = str_width(h) + if shown.is_empty() { 0 } else { 2 };
        if used + add > room {
            break;
        }
        used += add;
        shown.push(h);
    }
    let order = |h: &&str| hints.len() - hints.iter().position(|x| x == h).unwrap_or(0);
    shown.sort_by_key(|h| {
        if h.starts_with('?') || h.starts_with('q') {
            0
        } else {
            order(h)
        }
    });
    shown.reverse();
    let text = shown.join("  ");
    if !text.is_empty() {
        let x = (w - str_width(&text) - 1) as u16;
        put(buf, x, y, area.width - x, &text, style);
    }
}

fn position(state: &State) -> String {
    match state.screen {
        Screen::Compare => {
            let mut s = if state.items.is_empty() {
                "no rows".to_string()
            } else {
                format!("row {}/{}", state.sel + 1, state.items.len())
            };
            s.push_str(&format!(" · {}", state.filter.name()));
            if state.inline_mode() {
                s.push_str(" · inline");
            }
            if !state.wrap {
                s.push_str(" · truncated");
            }
            if let Some(q) = &state.search {
                s.push_str(&format!(" · /{q} {} hits", state.hits.len()));
            }
            s
        }
        Screen::Overview => format!(
            "row {}/{} · version {}",
            state.ov_row + 1,
            state.analysis.rows.len(),
            state.ov_col + 1
        ),
        Screen::Findings if state.findings.entries.is_empty() => "no findings".to_string(),
        Screen::Findings => format!(
            "finding {}/{}",
            state.fl_sel + 1,
            state.findings.entries.len()
        ),
    }
}
