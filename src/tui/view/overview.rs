//! The Overview screen: one row per collation row, one column per version, each cell a
//! symbol for that version's link kind; beside it each version's statistics and the
//! derivation tree.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::paint::{fit, put};
use crate::engine::{Cell, LinkKind};
use crate::render::width::str_width;
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
                    .is_some_and(|s| s.boilerplate())
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

/// Cells between the grid and the side panel.
const PANEL_GAP: usize = 2;
/// Narrower than this, the side panel is left out: its table would be cut to nothing
/// useful.
const PANEL_MIN_WIDTH: usize = 24;
/// Cells for a version's name in the statistics table: at least the heading's, at most
/// enough to leave the numbers room (longer names are cut).
const NAME_MIN_WIDTH: usize = 4;
const NAME_MAX_WIDTH: usize = 24;

pub fn draw(state: &State, area: Rect, buf: &mut Buffer) {
    title(state, area, buf);
    let label = state.overview_label_width();
    column_numbers(state, area, buf, label);
    grid(state, area, buf, label);
    let grid_width = label + OVERVIEW_COLUMN * state.analysis.versions.len();
    side_panel(state, area, buf, grid_width);
}

/// The first line: how many versions and rows, and which is the base.
fn title(state: &State, area: Rect, buf: &mut Buffer) {
    let analysis = &state.analysis;
    let width = area.width as usize;
    let style = state.theme.header();
    put(buf, 0, 0, area.width, &" ".repeat(width), style);
    let text = format!(
        " Overview · {} versions · {} rows · base {}: {}",
        analysis.versions.len(),
        analysis.rows.len(),
        analysis.base + 1,
        analysis.versions[analysis.base].label()
    );
    put(buf, 0, 0, area.width, &fit(&text, width), style);
}

/// The second line: each version's number above its column (the base's in brackets,
/// the cursor's highlighted).
fn column_numbers(state: &State, area: Rect, buf: &mut Buffer, label: usize) {
    let analysis = &state.analysis;
    for version in 0..analysis.versions.len() {
        let x = label + OVERVIEW_COLUMN * version;
        if x + OVERVIEW_COLUMN > area.width as usize {
            break;
        }
        let text = if version == analysis.base {
            format!("[{}]", version + 1)
        } else {
            format!("{:^OVERVIEW_COLUMN$}", version + 1)
        };
        let style = if version == state.ov_col {
            state.theme.selected()
        } else {
            Style::new()
        };
        let text = fit(&text, OVERVIEW_COLUMN);
        put(buf, x as u16, 1, OVERVIEW_COLUMN as u16, &text, style);
    }
}

/// The rows in view: the row number, then one symbol per version (the cursor's in
/// brackets).
fn grid(state: &State, area: Rect, buf: &mut Buffer, label: usize) {
    let analysis = &state.analysis;
    for line in 0..state.overview_height() {
        let row = state.ov_top + line;
        if row >= analysis.rows.len() {
            break;
        }
        let y = HEADER + line as u16;
        let number = format!("{:>width$} ", row + 1, width = label - 1);
        put(buf, 0, y, label as u16, &number, state.theme.dim());
        for version in 0..analysis.versions.len() {
            let x = label + OVERVIEW_COLUMN * version;
            if x + OVERVIEW_COLUMN > area.width as usize {
                break;
            }
            let kind = cell_kind(state, row, version);
            let cursor = row == state.ov_row && version == state.ov_col;
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
}

/// Lines written one under the other right of the grid, down to the status line.
struct Panel<'b> {
    buf: &'b mut Buffer,
    x: u16,
    width: u16,
    y: u16,
    bottom: u16,
}

impl Panel<'_> {
    /// Write the next line (cut to the panel's width), if there is room left.
    fn line(&mut self, text: &str, style: Style) {
        if self.y < self.bottom {
            put(
                self.buf,
                self.x,
                self.y,
                self.width,
                &fit(text, self.width as usize),
                style,
            );
        }
        self.y += 1;
    }

    fn skip_line(&mut self) {
        self.y += 1;
    }
}

/// Beside the grid, when there is room: each version's statistics, the derivation tree
/// and the legend.
fn side_panel(state: &State, area: Rect, buf: &mut Buffer, grid_width: usize) {
    let x = grid_width + PANEL_GAP;
    let width = area.width as usize;
    if x + PANEL_MIN_WIDTH > width {
        return;
    }
    let mut panel = Panel {
        buf,
        x: x as u16,
        width: (width - x) as u16,
        y: HEADER - 1,
        bottom: area.height.saturating_sub(1),
    };
    statistics(state, &mut panel);
    panel.skip_line();
    derivation(state, &mut panel);
    panel.skip_line();
    legend(state, &mut panel);
}

/// One line per version: similarity to the base and what became of the base's sentences.
fn statistics(state: &State, panel: &mut Panel) {
    let analysis = &state.analysis;
    let name_width = analysis
        .versions
        .iter()
        .map(|version| str_width(version.label()))
        .max()
        .unwrap_or(NAME_MIN_WIDTH)
        .clamp(NAME_MIN_WIDTH, NAME_MAX_WIDTH);
    let heading = format!(
        "{:<width$}  sim carried edited reworded moved added deleted",
        " # version",
        width = name_width + 3
    );
    panel.line(&heading, state.theme.gutter(Gutter::Base));
    for (index, version) in analysis.versions.iter().enumerate() {
        let name = fit(version.label(), name_width);
        let pad = " ".repeat(name_width - str_width(&name));
        let numbers = match analysis.comparison(index) {
            Some(comparison) => {
                let stats = &comparison.stats;
                format!(
                    "{:>4} {:>7} {:>6} {:>8} {:>5} {:>5} {:>7}",
                    format!("{:.0}%", stats.similarity * 100.0),
                    format!("{}/{}", stats.carried, stats.base_sentences),
                    stats.minor + stats.rewrite,
                    stats.paraphrase + stats.partial,
                    stats.moved,
                    stats.added,
                    stats.deleted
                )
            }
            None => "base".to_string(),
        };
        let style = if index == state.ov_col {
            state.theme.selected()
        } else {
            Style::new()
        };
        panel.line(&format!("{:>2} {name}{pad}  {numbers}", index + 1), style);
    }
}

/// The derivation: each version under the version it shares most text with, and how much.
fn derivation(state: &State, panel: &mut Panel) {
    panel.line(
        crate::engine::DERIVATION_HEADING,
        state.theme.gutter(Gutter::Base),
    );
    let derivation = &state.derivation;
    for (version, depth) in derivation.walk() {
        let name = state.analysis.versions[version].label();
        let note = derivation.note(version);
        let text = if depth == 0 {
            format!("{} {name} {note}", version + 1)
        } else {
            format!("{}└ {} {name} {note}", "  ".repeat(depth - 1), version + 1)
        };
        panel.line(&text, Style::new());
    }
}

fn legend(state: &State, panel: &mut Panel) {
    panel.line("Legend", state.theme.gutter(Gutter::Base));
    let dim = state.theme.dim();
    panel.line("# base  = identical  ~ minor  * rewrite  % paraphrase", dim);
    panel.line("< partial  m moved  + added  - deleted  . furniture", dim);
}
