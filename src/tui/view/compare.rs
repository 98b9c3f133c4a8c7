//! The Compare screen: a header naming the two versions and their statistics, then the
//! rows of the comparison, base on the left and the shown version on the right (or one
//! inline column), with a gutter showing each row's link kind.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::paint::{fit, paint_line, put, search_hits};
use crate::tui::state::{GUTTER, HEADER, State};

pub fn draw(state: &State, area: Rect, buf: &mut Buffer) {
    header(state, area, buf);
    let g = state.geometry();
    let body = state.body_height();
    let mut y = 0usize;
    let mut item = state.top;
    let mut skip = state.skip;
    while y < body && item < state.items.len() {
        let block = state.block(item);
        let kind = state.gutter(item);
        let text_style = state.theme.row_text(kind);
        let selected = item == state.sel;
        let (left_hits, right_hits) = (
            search_hits(state, &block.left),
            search_hits(state, &block.right),
        );
        for k in skip..block.height() {
            if y >= body {
                break;
            }
            let sy = HEADER + y as u16;
            let first = k == 0;
            let sym = if first { kind.symbol() } else { ' ' };
            let gut = if selected && first {
                format!("[{sym}]")
            } else {
                format!(" {sym} ")
            };
            let gstyle = if selected {
                state.theme.gutter(kind).patch(state.theme.selected())
            } else {
                state.theme.gutter(kind)
            };
            let empty = crate::render::layout::Line::default();
            if g.inline {
                put(buf, 0, sy, GUTTER, &gut, gstyle);
                let line = block.left.get(k).unwrap_or(&empty);
                let h = line_hits(&left_hits, k);
                paint_line(state, buf, (GUTTER, sy, g.left as u16), line, text_style, h);
            } else {
                let lw = g.left as u16;
                let line = block.left.get(k).unwrap_or(&empty);
                let h = line_hits(&left_hits, k);
                paint_line(state, buf, (0, sy, lw), line, text_style, h);
                put(buf, lw, sy, GUTTER, &gut, gstyle);
                let line = block.right.get(k).unwrap_or(&empty);
                paint_line(
                    state,
                    buf,
                    (lw + GUTTER, sy, g.right as u16),
                    line,
                    text_style,
                    line_hits(&right_hits, k),
                );
            }
            y += 1;
        }
        skip = 0;
        item += 1;
    }
    if state.items.is_empty() {
        let msg = if state.pairs.is_empty() {
            "nothing to compare"
        } else {
            "no rows match the filter (f changes it)"
        };
        put(buf, 1, HEADER, area.width - 1, msg, state.theme.dim());
    }
}

/// The search matches on line `k` of a side.
fn line_hits(hits: &[Vec<(u16, u16)>], k: usize) -> &[(u16, u16)] {
    hits.get(k).map_or(&[], Vec::as_slice)
}

fn pct(x: f32) -> String {
    format!("{:.0}%", (x * 100.0).clamp(0.0, 100.0))
}

fn header(state: &State, area: Rect, buf: &mut Buffer) {
    let a = &state.analysis;
    let w = area.width as usize;
    let style = state.theme.header();
    put(buf, 0, 0, area.width, &" ".repeat(w), style);
    let n = a.versions.len();
    let title = format!(
        " base {}/{n}: {}  vs  {}/{n}: {}",
        a.base + 1,
        a.versions[a.base].label(),
        state.other + 1,
        a.versions[state.other].label()
    );
    put(buf, 0, 0, area.width, &fit(&title, w), style);
    let stats = match a.comparison(state.other) {
        Some(c) => {
            let s = &c.stats;
            let changed = s.minor + s.rewrite;
            format!(
                " similarity {} · carried {}/{} · rewritten {} · added {} · deleted {} · moved {} · reworded {} · identical {}",
                pct(s.similarity),
                s.carried,
                s.base_sentences,
                changed,
                s.added,
                s.deleted,
                s.moved,
                s.paraphrase + s.partial,
                s.identical
            )
        }
        None => " only one version".to_string(),
    };
    put(buf, 0, 1, area.width, &fit(&stats, w), Style::new());
}
