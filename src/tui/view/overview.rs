//! The Overview screen: one row per collation row, one column per version, each cell a
//! symbol for that version's link kind (`!` for a link holding findings); beside it each
//! version's findings by class and its statistics (in the JSON's words), the derivation
//! tree and the legend.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::compare::pct;
use super::paint::{fit, fit_end, put};
use crate::engine::{FindingClass, LinkKind, RowKind, Stats};
use crate::render::overview::cell_mark;
use crate::render::symbols::{BOILERPLATE_SYMBOL, FINDING_SYMBOL, kind_symbol, row_symbol};
use crate::render::width::str_width;
use crate::tui::state::{HEADER, OVERVIEW_COLUMN, State};
use crate::tui::theme::Gutter;

/// What version `v` holds at collation row `r` (as the reports show it too).
pub fn cell_kind(state: &State, r: usize, v: usize) -> Gutter {
    let mark = cell_mark(&state.analysis, r, v, |v, link| {
        state.findings.link_has_findings(v, link)
    });
    Gutter::from(mark)
}

/// Cells between the grid and the side panel.
const PANEL_GAP: usize = 2;
/// Narrower than this, the side panel is left out: its table would be cut to nothing
/// useful.
const PANEL_MIN_WIDTH: usize = 24;
/// Cells for a version's name in the findings table: at most enough to leave the
/// numbers room (longer names are cut); narrower than the least, names are left out.
const NAME_MIN_WIDTH: usize = 4;
const NAME_MAX_WIDTH: usize = 24;
/// Cells of the version number column (`" 3 "`).
const NUMBER_WIDTH: usize = 3;
/// Cells of each count under a link-kind symbol.
const COUNT_WIDTH: usize = 4;

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
        self.parts(&[(text.to_string(), style)]);
    }

    /// Write the next line from parts styled each their own way.
    fn parts(&mut self, parts: &[(String, Style)]) {
        if self.y < self.bottom {
            let end = self.x + self.width;
            let mut x = self.x;
            for (text, style) in parts {
                let room = end.saturating_sub(x);
                x = put(self.buf, x, self.y, room, &fit(text, room as usize), *style);
            }
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
        bottom: state.detail_line(),
    };
    finding_table(state, &mut panel);
    panel.skip_line();
    link_table(state, &mut panel);
    panel.skip_line();
    derivation(state, &mut panel);
    panel.skip_line();
    legend(state, &mut panel);
}

/// One line per version: its number and name, then its findings by class (the counts
/// there are stand out).
fn finding_table(state: &State, panel: &mut Panel) {
    let analysis = &state.analysis;
    let classes: String = FindingClass::ALL
        .iter()
        .map(|class| format!(" {}", class.name()))
        .collect();
    let room = (panel.width as usize).saturating_sub(NUMBER_WIDTH + str_width(&classes) + 1);
    let longest = analysis
        .versions
        .iter()
        .map(|version| str_width(version.label()))
        .max()
        .unwrap_or(0);
    let name_width = longest.max("version".len()).min(NAME_MAX_WIDTH).min(room);
    let name_width = if name_width < NAME_MIN_WIDTH {
        0
    } else {
        name_width
    };
    let heading = format!(" # {:<name_width$} {classes}", fit("version", name_width));
    panel.line(&heading, state.theme.gutter(Gutter::Base));
    for (index, version) in analysis.versions.iter().enumerate() {
        let name = fit_end(version.label(), name_width);
        let pad = " ".repeat(name_width - str_width(&name));
        let style = row_style(state, index);
        let mut parts = vec![(format!("{:>2} {name}{pad} ", index + 1), style)];
        match analysis.comparison(index) {
            Some(comparison) => {
                for (class, count) in FindingClass::ALL.iter().zip(comparison.stats.findings) {
                    let text = format!(" {count:>width$}", width = class.name().len());
                    let loud = if count > 0 {
                        state.theme.finding()
                    } else {
                        Style::new()
                    };
                    parts.push((text, style.patch(loud)));
                }
            }
            None => parts.push((" base".to_string(), style)),
        }
        panel.parts(&parts);
    }
}

/// One line per version: similarity to the base, the base sentences it carries and its
/// links, moves, additions and deletions, under their gutter symbols.
fn link_table(state: &State, panel: &mut Panel) {
    let symbols: String = link_symbols()
        .iter()
        .map(|symbol| format!("{symbol:>COUNT_WIDTH$}"))
        .collect();
    let heading = format!(" # similarity carried{symbols}");
    panel.line(&heading, state.theme.gutter(Gutter::Base));
    for index in 0..state.analysis.versions.len() {
        let numbers = match state.analysis.comparison(index) {
            Some(comparison) => {
                let stats = &comparison.stats;
                let counts: String = link_counts(stats)
                    .iter()
                    .map(|count| format!("{count:>COUNT_WIDTH$}"))
                    .collect();
                format!(
                    "{:>10} {:>7}{counts}",
                    pct(stats.similarity),
                    format!("{}/{}", stats.carried, stats.base_sentences),
                )
            }
            None => "base".to_string(),
        };
        panel.line(
            &format!("{:>2} {numbers}", index + 1),
            row_style(state, index),
        );
    }
}

/// The symbols heading the link table's counts, as the gutter shows them.
fn link_symbols() -> [char; 8] {
    let moved = RowKind::Link {
        kind: LinkKind::Identical,
        moved: true,
    };
    [
        kind_symbol(LinkKind::Identical),
        kind_symbol(LinkKind::Minor),
        kind_symbol(LinkKind::Rewrite),
        kind_symbol(LinkKind::Paraphrase),
        kind_symbol(LinkKind::Partial),
        row_symbol(moved),
        row_symbol(RowKind::Added),
        row_symbol(RowKind::Deleted),
    ]
}

/// The counts under [`link_symbols`], in the same order.
fn link_counts(s: &Stats) -> [usize; 8] {
    [
        s.identical,
        s.minor,
        s.rewrite,
        s.paraphrase,
        s.partial,
        s.moved,
        s.added,
        s.deleted,
    ]
}

/// The style of version `index`'s line in the tables: the cursor's version highlighted.
fn row_style(state: &State, index: usize) -> Style {
    if index == state.ov_col {
        state.theme.selected()
    } else {
        Style::new()
    }
}

/// The derivation: each version under the version it shares most text with, and how much.
fn derivation(state: &State, panel: &mut Panel) {
    panel.line(
        crate::engine::DERIVATION_HEADING,
        state.theme.gutter(Gutter::Base),
    );
    let derivation = state.derivation();
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
    panel.line(
        &format!("< partial  m moved  + added  - deleted  {BOILERPLATE_SYMBOL} boilerplate"),
        dim,
    );
    panel.line(
        &format!("{FINDING_SYMBOL} findings (] [ jump, F lists them)"),
        dim,
    );
}
