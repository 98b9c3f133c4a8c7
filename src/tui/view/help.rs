//! The help overlay: every key, and the legend of gutter symbols. Scrolls (j/k, arrows,
//! PgDn/PgUp, g/G) when taller than the screen; Esc, q, ? and any other key close it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::paint::{fit, put};
use crate::tui::help_text::{self, LINE_COUNT};
use crate::tui::state::State;
use crate::tui::theme::Gutter;

/// Width inside the border: the longest binding (keys column and text) fits.
const INNER_WIDTH: u16 = 56;
/// Width of the keys column: the longest keys ("PgDn PgUp Space") and two spaces.
const KEYS_WIDTH: u16 = 17;

pub fn draw(state: &State, area: Rect, buf: &mut Buffer) {
    let inner_width = INNER_WIDTH.min(area.width.saturating_sub(2));
    let height = (LINE_COUNT as u16 + 2).min(area.height);
    let width = inner_width + 2;
    let rect = Rect {
        x: (area.width - width) / 2,
        y: (area.height - height) / 2,
        width,
        height,
    };
    let visible = height.saturating_sub(2) as usize;
    let more = LINE_COUNT > visible;
    let title = if more {
        " keys (j/k PgDn PgUp scroll) "
    } else {
        " keys "
    };
    Clear.render(rect, buf);
    Block::new()
        .borders(Borders::ALL)
        .title(title)
        .render(rect, buf);
    let x = rect.x + 1;
    let keys_width = KEYS_WIDTH.min(inner_width / 2);
    let key_style = state.theme.gutter(Gutter::Base);
    for (k, (keys, text)) in help_text::lines()
        .skip(state.help_scroll)
        .take(visible)
        .enumerate()
    {
        let y = rect.y + 1 + k as u16;
        match keys {
            Some(keys) => {
                put(buf, x, y, keys_width, keys, key_style);
                let text_width = inner_width - keys_width;
                let text = fit(text, text_width as usize);
                put(buf, x + keys_width, y, text_width, &text, Style::new());
            }
            None => {
                let text = fit(text, inner_width as usize);
                put(buf, x, y, inner_width, &text, state.theme.dim());
            }
        }
    }
}
