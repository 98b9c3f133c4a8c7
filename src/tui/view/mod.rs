//! Drawing: `draw(&Model, &mut Frame)` paints the current screen from the model and the
//! cached row layouts; it never computes alignment.

mod compare;
mod help;
pub use help::lines as help_lines;
mod overview;
mod status;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::model::{MIN_COLS, MIN_ROWS, Model, Screen};
use crate::layout::Line;
use crate::width::{grapheme_width, str_width};
use unicode_segmentation::UnicodeSegmentation;

/// Paint the whole screen.
pub fn draw(model: &Model, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    if model.too_small() {
        too_small(model, area, buf);
        return;
    }
    match model.screen {
        Screen::Compare => compare::draw(model, area, buf),
        Screen::Overview => overview::draw(model, area, buf),
    }
    status::draw(model, area, buf);
    if model.help {
        help::draw(model, area, buf);
    }
}

fn too_small(model: &Model, area: Rect, buf: &mut Buffer) {
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
            model.theme.header()
        } else {
            Style::new()
        };
        put(buf, x, y, area.width - x, l, style);
    }
}

/// Write `text` at (x, y), at most `width` cells, never splitting a wide glyph.
pub(crate) fn put(buf: &mut Buffer, x: u16, y: u16, width: u16, text: &str, style: Style) -> u16 {
    if y >= buf.area.height || x >= buf.area.width {
        return x;
    }
    let max = width.min(buf.area.width - x) as usize;
    let (end, _) = buf.set_stringn(x, y, text, max, style);
    end
}

/// Cut a string to `width` cells at a grapheme boundary.
pub(crate) fn fit(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    for g in text.graphemes(true) {
        let gw = grapheme_width(g);
        if w + gw > width {
            break;
        }
        w += gw;
        out.push_str(g);
    }
    out
}

/// Paint one laid-out line at (x, y) within `width` cells; search matches highlighted.
pub(crate) fn paint_line(
    model: &Model,
    buf: &mut Buffer,
    (x, y, width): (u16, u16, u16),
    line: &Line,
    base: Style,
) {
    let mut cx = x;
    let limit = x + width;
    for seg in &line.segments {
        let style = base.patch(model.theme.mark(seg.mark));
        cx = put(buf, cx, y, limit.saturating_sub(cx), &seg.text, style);
    }
    if let Some(q) = model.search.as_deref().filter(|q| !q.is_empty()) {
        highlight(model, buf, (x, y), line, q);
    }
}

fn highlight(model: &Model, buf: &mut Buffer, (x, y): (u16, u16), line: &Line, q: &str) {
    // Graphemes of the line with their cell positions, compared case-insensitively.
    let mut cells: Vec<(String, u16, usize)> = Vec::new();
    let mut cx = x;
    for seg in &line.segments {
        for g in seg.text.graphemes(true) {
            let w = grapheme_width(g);
            cells.push((g.to_lowercase(), cx, w));
            cx += w as u16;
        }
    }
    let needle: Vec<String> = q.graphemes(true).map(|g| g.to_lowercase()).collect();
    if needle.is_empty() || needle.len() > cells.len() {
        return;
    }
    let mut i = 0;
    while i + needle.len() <= cells.len() {
        if (0..needle.len()).all(|k| cells[i + k].0 == needle[k]) {
            for c in &cells[i..i + needle.len()] {
                for dx in 0..c.2.max(1) as u16 {
                    if let Some(cell) = buf.cell_mut((c.1 + dx, y)) {
                        let style = model.theme.hit_over(cell.modifier);
                        cell.set_style(style);
                    }
                }
            }
            i += needle.len();
        } else {
            i += 1;
        }
    }
}
