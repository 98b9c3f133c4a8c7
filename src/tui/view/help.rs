//! The help overlay: every key, and the legend of gutter symbols.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::{fit, put};
use crate::tui::model::Model;

/// Every key binding, as (keys, what they do).
pub const KEYS: [(&str, &str); 18] = [
    ("j k  Down Up", "scroll one line"),
    ("PgDn PgUp Space", "scroll one page"),
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
    ("arrows h l", "move in the overview"),
    ("wheel, click", "scroll; select a row or cell"),
    ("Esc", "close help, search or overview"),
    ("q  C-c", "quit"),
    ("?", "this help (any key closes it)"),
];

const LEGEND: [&str; 2] = [
    "= identical ~ minor * rewrite % paraphrase",
    "/ partial > moved + added - deleted . furniture",
];

pub fn draw(model: &Model, area: Rect, buf: &mut Buffer) {
    let inner_w = 56u16.min(area.width.saturating_sub(2));
    let inner_h = (KEYS.len() + LEGEND.len() + 1) as u16;
    let h = (inner_h + 2).min(area.height);
    let w = inner_w + 2;
    let rect = Rect {
        x: (area.width - w) / 2,
        y: (area.height - h) / 2,
        width: w,
        height: h,
    };
    Clear.render(rect, buf);
    Block::new()
        .borders(Borders::ALL)
        .title(" keys ")
        .render(rect, buf);
    let mut y = rect.y + 1;
    let bottom = rect.y + rect.height.saturating_sub(1);
    let x = rect.x + 1;
    let keyw = 17u16.min(inner_w / 2);
    for (k, what) in KEYS {
        if y >= bottom {
            return;
        }
        put(
            buf,
            x,
            y,
            keyw,
            k,
            Style::new().patch(model.theme.gutter(crate::tui::theme::Gutter::Base)),
        );
        put(
            buf,
            x + keyw,
            y,
            inner_w - keyw,
            &fit(what, (inner_w - keyw) as usize),
            Style::new(),
        );
        y += 1;
    }
    y += 1;
    for l in LEGEND {
        if y >= bottom {
            return;
        }
        put(
            buf,
            x,
            y,
            inner_w,
            &fit(l, inner_w as usize),
            model.theme.dim(),
        );
        y += 1;
    }
}
