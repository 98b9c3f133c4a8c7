//! The help overlay: every key, and the legend of gutter symbols. Scrolls (j/k, arrows,
//! PgDn/PgUp, g/G) when taller than the screen; Esc, q, ? and any other key close it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::{fit, put};
use crate::tui::state::State;
use crate::tui::theme::Gutter;

/// Every key binding, as (keys, what they do).
pub const KEYS: [(&str, &str); 18] = [
    ("j k  Down Up", "scroll one line (or the wheel)"),
    ("PgDn PgUp Space", "scroll one page (also C-f C-b)"),
    ("C-d C-u", "scroll half a page down / up"),
    ("g G  Home End", "top / bottom"),
    ("n N", "next / previous change (or match)"),
    ("Tab S-Tab  1-9", "next / previous / n-th version"),
    ("b", "make the shown version the base"),
    ("o", "overview of all versions"),
    ("f", "filter: all / changes / rewrites+moves"),
    ("/", "search both columns (Enter)"),
    ("w", "wrap or truncate long sentences"),
    ("i", "inline [-old-]{+new+} or columns"),
    ("e", "export this comparison to a file"),
    ("Enter", "expand page furniture / open cell"),
    ("arrows h l", "move in the overview (or click)"),
    ("Esc", "close help, overview or search"),
    ("q  C-c", "quit"),
    ("?", "this help (Esc q ? close it)"),
];

const LEGEND: [&str; 3] = [
    "= identical  ~ minor  * rewrite  % paraphrase",
    "< partial  m moved (from #N in that version)",
    "+ added  - deleted  . page furniture",
];

/// Number of lines of the help's content.
pub fn lines() -> usize {
    KEYS.len() + 1 + LEGEND.len()
}

pub fn draw(state: &State, area: Rect, buf: &mut Buffer) {
    let inner_w = 56u16.min(area.width.saturating_sub(2));
    let h = (lines() as u16 + 2).min(area.height);
    let w = inner_w + 2;
    let rect = Rect {
        x: (area.width - w) / 2,
        y: (area.height - h) / 2,
        width: w,
        height: h,
    };
    let visible = h.saturating_sub(2) as usize;
    let more = lines() > visible;
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
    let keyw = 17u16.min(inner_w / 2);
    let key_style = state.theme.gutter(Gutter::Base);
    let content: Vec<(Option<&str>, &str)> = KEYS
        .iter()
        .map(|(k, w)| (Some(*k), *w))
        .chain(std::iter::once((None, "")))
        .chain(LEGEND.iter().map(|l| (None, *l)))
        .collect();
    for (k, (key, text)) in content
        .iter()
        .skip(state.help_scroll)
        .take(visible)
        .enumerate()
    {
        let y = rect.y + 1 + k as u16;
        match key {
            Some(key) => {
                put(buf, x, y, keyw, key, key_style);
                let tw = inner_w - keyw;
                put(buf, x + keyw, y, tw, &fit(text, tw as usize), Style::new());
            }
            None => {
                put(
                    buf,
                    x,
                    y,
                    inner_w,
                    &fit(text, inner_w as usize),
                    state.theme.dim(),
                );
            }
        }
    }
}
