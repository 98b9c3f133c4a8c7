//! Painting helpers the screens share: text within a width (never splitting a wide
//! glyph), a laid-out line with its marks, and the cells of search matches on it.

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;

use crate::render::layout::Line;
use crate::render::width::{grapheme_width, str_width};
use crate::tui::state::State;

/// Write `text` at (x, y), at most `width` cells, never splitting a wide glyph.
pub(super) fn put(buf: &mut Buffer, x: u16, y: u16, width: u16, text: &str, style: Style) -> u16 {
    if y >= buf.area.height || x >= buf.area.width {
        return x;
    }
    let max = width.min(buf.area.width - x) as usize;
    let (end, _) = buf.set_stringn(x, y, text, max, style);
    end
}

/// Cut a string to `width` cells at a grapheme boundary.
pub(super) fn fit(text: &str, width: usize) -> String {
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

/// Cut a string to `width` cells keeping its end (a version's label is often a path
/// whose file name tells it apart): `…` and the last graphemes that fit.
pub(super) fn fit_end(text: &str, width: usize) -> String {
    if str_width(text) <= width {
        return text.to_string();
    }
    let mut kept: Vec<&str> = Vec::new();
    let mut used = 1; // the ellipsis
    for g in text.graphemes(true).rev() {
        let gw = grapheme_width(g);
        if used + gw > width {
            break;
        }
        used += gw;
        kept.push(g);
    }
    if width == 0 {
        return String::new();
    }
    let tail: String = kept.into_iter().rev().collect();
    format!("\u{2026}{tail}")
}

/// Paint one laid-out line at (x, y) within `width` cells; `hits` are the search matches
/// on it, as (offset from x, width) cells (see [`search_hits`]).
pub(super) fn paint_line(
    state: &State,
    buf: &mut Buffer,
    (x, y, width): (u16, u16, u16),
    line: &Line,
    base: Style,
    hits: &[(u16, u16)],
) {
    let mut cx = x;
    let limit = x + width;
    for seg in &line.segments {
        let style = base.patch(state.theme.mark(seg.mark));
        cx = put(buf, cx, y, limit.saturating_sub(cx), &seg.text, style);
    }
    for &(dx, w) in hits {
        for k in 0..w.max(1) {
            if x + dx + k >= limit {
                break;
            }
            if let Some(cell) = buf.cell_mut((x + dx + k, y)) {
                let style = state.theme.hit_over(cell.modifier);
                cell.set_style(style);
            }
        }
    }
}

/// The cells of the search matches in the lines of one side of a row, per line, as
/// (offset from the line's start, width): compared case-insensitively, grapheme by
/// grapheme. A match may run on over a line break, and since wrapping drops the spaces
/// at a break, spaces of the query match a break too.
pub(super) fn search_hits(state: &State, lines: &[Line]) -> Vec<Vec<(u16, u16)>> {
    let mut out = vec![Vec::new(); lines.len()];
    let Some(q) = state.search.as_deref().filter(|q| !q.is_empty()) else {
        return out;
    };
    let needle: Vec<String> = q.graphemes(true).map(|g| g.to_lowercase()).collect();
    let space = |g: &str| g.chars().all(char::is_whitespace);
    // Graphemes of all lines: (lower-cased, line, offset, width, first of a later line).
    let mut cells: Vec<(String, usize, u16, u16, bool)> = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let mut dx = 0u16;
        for seg in &line.segments {
            for g in seg.text.graphemes(true) {
                let w = grapheme_width(g) as u16;
                cells.push((g.to_lowercase(), k, dx, w, k > 0 && dx == 0));
                dx += w;
            }
        }
    }
    // The number of cells of a match starting at cell i, if one does.
    let match_at = |i: usize| -> Option<usize> {
        let (mut c, mut j) = (i, 0);
        while j < needle.len() {
            if c > i && cells.get(c).is_some_and(|cell| cell.4) {
                while j < needle.len() && space(&needle[j]) {
                    j += 1;
                }
                if j == needle.len() {
                    break;
                }
            }
            if cells.get(c)?.0 != needle[j] {
                return None;
            }
            c += 1;
            j += 1;
        }
        Some(c - i)
    };
    let mut i = 0;
    while i < cells.len() {
        match match_at(i) {
            Some(n) if n > 0 => {
                for c in &cells[i..i + n] {
                    out[c.1].push((c.2, c.3));
                }
                i += n;
            }
            _ => i += 1,
        }
    }
    out
}
