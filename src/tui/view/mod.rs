//! Drawing: `draw(&State, &mut Frame)` paints the current screen (Compare, Overview or
//! Findings), the detail line and the status line from the state and the cached row
//! layouts; it never computes alignment.

mod compare;
mod detail;
mod findings;
mod help;
mod overview;
mod paint;
mod status;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::state::{MIN_COLS, MIN_ROWS, Screen, State};
use crate::render::width::str_width;
use paint::put;

/// Paint the whole screen.
pub fn draw(state: &State, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    if state.too_small() {
        too_small(state, area, buf);
        return;
    }
    match state.screen {
        Screen::Compare => compare::draw(state, area, buf),
        Screen::Overview => overview::draw(state, area, buf),
        Screen::Findings => findings::draw(state, area, buf),
    }
    detail::draw(state, area, buf);
    status::draw(state, area, buf);
    if state.help {
        help::draw(state, area, buf);
    }
}

fn too_small(state: &State, area: Rect, buf: &mut Buffer) {
    let lines = [
        "Terminal too small".to_string(),
        format!(
            "need {MIN_COLS}x{MIN_ROWS}, have {}x{}",
            area.width, area.height
        ),
        "enlarge it, or q to quit".to_string(),
    ];
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    for (k, l) in lines.iter().enumerate() {
        let y = top + k as u16;
        if y >= area.height {
            break;
        }
        let w = str_width(l) as u16;
        let x = area.width.saturating_sub(w) / 2;
        let style = if k == 0 {
            state.theme.header()
        } else {
            Style::new()
        };
        put(buf, x, y, area.width - x, l, style);
    }
}
