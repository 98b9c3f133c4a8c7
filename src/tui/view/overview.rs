//! The Overview screen: one row per collation row, one column per version, each cell a
//! symbol for that version's link kind; beside it each version's statistics and the
//! derivation tree.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::paint::{fit, put};
use crate::engine::{Cell, LinkKind};
use crate::tui::state::{HEADER, OVERVIEW_COLUMN, State};
use crate::tui::theme::Gutter;

/// What version `v` holds at collation row `r`.
pub fn cell_kind(state: &State, r: usize, v: usize) -> Gutter {
    let a = &state.analysis;
    let Some(row) = a.rows.get(r) else {
        return Gutter::Empty;
    };
    let furniture = |v: usize, idx: &[usize]| {
        !idx.is_empty()
            && idx.iter().all(|&i| {
                a.versions[v]
                    .sentences
                    .get(i)
                    .is_some_and(|s| s.boilerplate)
            })
    };
    match row.cells.get(v) {
        Some(Cell::Base(idx)) => {
            if furniture(v, idx) {
                Gutter::Furniture
            } else {
                Gutter::Base
            }
        }
        Some(Cell::Linked { sentences, link }) => {
            if furniture(v, sentences) {
                return Gutter::Furniture;
            }
            match a.comparison(v).and_then(|c| c.links.get(*link)) {
                Some(l) if l.moved => Gutter::Moved,
                Some(l) => Gutter::Kind(l.kind),
                None => Gutter::Kind(LinkKind::Partial),
            }
        }
        Some(Cell::Unmatched(idx)) => {
            if furniture(v, idx) {
                Gutter::Furniture
            } else if v == a.base {
                Gutter::Deleted
            } else {
                Gutter::Added
            }
        }
        Some(Cell::Empty) | None => match row.cells.get(a.base) {
            Some(Cell::Base(idx)) if v != a.base => {
                if furniture(a.base, idx) {
                    Gutter::Furniture
                } else {
                    Gutter::Deleted
                }
            }
            _ => Gutter::Empty,
        },
    }
}

pub fn draw(state: &State, area: Rect, buf: &mut Buffer) {
    let a = &state.analysis;
    let w = area.width as usize;
    let hstyle = state.theme.header();
    put(buf, 0, 0, area.width, &" ".repeat(w), hstyle);
    let title = format!(
        " Overview · {} versions · {} rows · base {}: {}",
        a.versions.len(),
        a.rows.len(),
        a.base + 1,
        a.versions[a.base].name
    );
    put(buf, 0, 0, area.width, &fit(&title, w), hstyle);

    let label = state.overview_label_width();
    let grid_w = label + OVERVIEW_COLUMN * a.versions.len();
    // Column numbers.
    for v in 0..a.versions.len() {
        let x = label + OVERVIEW_COLUMN * v;
        if x + OVERVIEW_COLUMN > w {
            break;
        }
        let text = if v == a.base {
            format!("[{}]", v + 1)
        } else {
            format!("{:^OVERVIEW_COLUMN$}", v + 1)
        };
        let style = if v == state.ov_col {
            state.theme.selected()
        } else {
            Style::new()
        };
        let column = OVERVIEW_COLUMN as u16;
        put(
            buf,
            x as u16,
            1,
            column,
            &fit(&text, OVERVIEW_COLUMN),
            style,
        );
    }
    let h = state.overview_height();
    for k in 0..h {
        let r = state.ov_top + k;
        if r >= a.rows.len() {
            break;
        }
        let y = HEADER + k as u16;
        let num = format!("{:>width$} ", r + 1, width = label - 1);
        put(buf, 0, y, label as u16, &num, state.theme.dim());
        for v in 0..a.versions.len() {
            let x = label + OVERVIEW_COLUMN * v;
            if x + OVERVIEW_COLUMN > w {
                break;
            }
            let kind = cell_kind(state, r, v);
            let cursor = r == state.ov_row && v == state.ov_col;
            let text = if cursor {
                format!("[{}]", kind.symbol())
            } else {
                format!(" {} ", kind.symbol())
            };
            let mut style = state.theme.gutter(kind);
            if cursor {
                style = style.patch(state.theme.selected());
            }
            put(buf, x as u16, y, OVERVIEW_COLUMN as u16, &text, style);
        }
    }
    // Side panel: statistics and the derivation tree.
    let px = grid_w + 2;
    if px + 24 > w {
        return;
    }
    let pw = (w - px) as u16;
    let px = px as u16;
    let mut y = HEADER - 1;
    let bottom = area.height.saturating_sub(1);
    let mut line = |text: &str, style: Style, y: &mut u16| {
        if *y < bottom {
            put(buf, px, *y, pw, &fit(text, pw as usize), style);
        }
        *y += 1;
    };
    let bold = state.theme.gutter(Gutter::Base);
    let namew = a
        .versions
        .iter()
        .map(|v| crate::render::width::str_width(&v.name))
        .max()
        .unwrap_or(4)
        .clamp(4, 24);
    line(
        &format!(
            "{:<w$}  sim carried edited reworded moved added deleted",
            " # version",
            w = namew + 3
        ),
        bold,
        &mut y,
    );
    for (v, ver) in a.versions.iter().enumerate() {
        let name = fit(&ver.name, namew);
        let pad = " ".repeat(namew - crate::render::width::str_width(&name));
        let stats = match a.comparison(v) {
            Some(c) => {
                let s = &c.stats;
                format!(
                    "{:>4} {:>7} {:>6} {:>8} {:>5} {:>5} {:>7}",
                    format!("{:.0}%", s.similarity * 100.0),
                    format!("{}/{}", s.carried, s.base_sentences),
                    s.minor + s.rewrite,
                    s.paraphrase + s.partial,
                    s.moved,
                    s.added,
                    s.deleted
                )
            }
            None => "base".to_string(),
        };
        let style = if v == state.ov_col {
            state.theme.selected()
        } else {
            Style::new()
        };
        line(&format!("{:>2} {name}{pad}  {stats}", v + 1), style, &mut y);
    }
    y += 1;
    line("Derivation (who copies whom)", bold, &mut y);
    let d = &state.derivation;
    for (v, depth) in d.walk() {
        let name = &a.versions[v].name;
        let text = if d.is_unrelated(v) {
            format!("{} {name} (unrelated: own text)", v + 1)
        } else if depth == 0 {
            format!("{} {name}", v + 1)
        } else {
            format!(
                "{}└ {} {name} ({:.0}%)",
                "  ".repeat(depth - 1),
                v + 1,
                d.score[v] * 100.0
            )
        };
        line(&text, Style::new(), &mut y);
    }
    y += 1;
    line("Legend", bold, &mut y);
    line(
        "# base  = identical  ~ minor  * rewrite  % paraphrase",
        state.theme.dim(),
        &mut y,
    );
    line(
        "< partial  m moved  + added  - deleted  . furniture",
        state.theme.dim(),
        &mut y,
    );
}
