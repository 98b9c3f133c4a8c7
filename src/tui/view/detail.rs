//! The detail line above the status line: what the selected Compare row, Overview cell or
//! finding is, in the text export's words (`* rewrite  #9 -> #10`), and its findings
//! spelled out (`quote: firmly -> strongly`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::paint::{fit, put};
use crate::engine::{Cell, Comparison, RowKind};
use crate::render::findings::note;
use crate::render::symbols::{boilerplate_line, numbers, row_tag};
use crate::render::width::str_width;
use crate::tui::findings;
use crate::tui::state::{Item, Screen, State};

/// Between the parts of the line.
const SEPARATOR: &str = " · ";

/// What the line says: a description, then the findings (shown louder).
struct Detail {
    what: String,
    findings: Vec<String>,
}

pub fn draw(state: &State, area: Rect, buf: &mut Buffer) {
    let y = state.detail_line();
    if y >= area.height {
        return;
    }
    let detail = match state.screen {
        Screen::Compare => compare_row(state),
        Screen::Overview => overview_cell(state),
        Screen::Findings => listed_finding(state),
    };
    let Some(detail) = detail else {
        return;
    };
    let mut parts = vec![(format!(" {}", detail.what), Style::new())];
    for finding in detail.findings {
        parts.push((SEPARATOR.to_string(), Style::new()));
        parts.push((finding, state.theme.finding()));
    }
    paint_cut(buf, (y, area.width), &parts, state.theme.dim());
}

/// Paint styled parts one after the other on line `y`, cut to `width` cells and ending
/// in an ellipsis (in `ellipsis_style`) when something is left out.
fn paint_cut(
    buf: &mut Buffer,
    (y, width): (u16, u16),
    parts: &[(String, Style)],
    ellipsis_style: Style,
) {
    let width = width as usize;
    let total: usize = parts.iter().map(|(text, _)| str_width(text)).sum();
    let room = if total > width {
        width.saturating_sub(1)
    } else {
        width
    };
    let mut x: u16 = 0;
    for (text, style) in parts {
        let left = room.saturating_sub(x as usize);
        if left == 0 {
            break;
        }
        x = put(buf, x, y, left as u16, &fit(text, left), *style);
    }
    if total > width && width > 0 {
        put(buf, x, y, 1, "\u{2026}", ellipsis_style);
    }
}

/// The selected Compare row: its tag and findings; a fold: how many lines it holds.
fn compare_row(state: &State) -> Option<Detail> {
    let item = *state.items.get(state.sel)?;
    let cmp = state.analysis.comparison(state.other)?;
    match item {
        Item::Row(p) => {
            let row = state.pairs.get(p)?;
            Some(Detail {
                what: row_tag(row.kind, &row.base, &row.other),
                findings: notes(cmp, state.item_findings(state.sel)),
            })
        }
        Item::Fold { sentences, .. } => Some(Detail {
            what: format!("{} (Enter shows them)", boilerplate_line(sentences)),
            findings: Vec::new(),
        }),
    }
}

/// The Overview's cursor cell: the version, what its cell holds and its findings.
fn overview_cell(state: &State) -> Option<Detail> {
    let analysis = &state.analysis;
    let version = state.ov_col;
    let cell = analysis.rows.get(state.ov_row)?.cells.get(version)?;
    let name = format!(
        "{} {}",
        version + 1,
        analysis.versions.get(version)?.label()
    );
    let (what, findings) = match cell {
        Cell::Base(sentences) => (format!("base {}", numbers(sentences)), Vec::new()),
        Cell::Linked { link, .. } => {
            let cmp = analysis.comparison(version)?;
            let in_link: Vec<usize> = (0..cmp.findings.len())
                .filter(|&f| cmp.findings[f].link == Some(*link))
                .collect();
            (link_tag(cmp, *link)?, notes(cmp, &in_link))
        }
        Cell::Unmatched(sentences) => (row_tag(RowKind::Added, &[], sentences), Vec::new()),
        Cell::Empty => ("nothing of this version here".to_string(), Vec::new()),
    };
    Some(Detail {
        what: format!("{name}: {what}"),
        findings,
    })
}

/// The selected entry of the Findings screen: its version, the link it is in and the
/// finding in full.
fn listed_finding(state: &State) -> Option<Detail> {
    let analysis = &state.analysis;
    let entry = *state.findings.entries.get(state.fl_sel)?;
    let cmp = analysis.comparison(entry.version)?;
    let finding = findings::finding(analysis, entry)?;
    let name = format!(
        "{} {}",
        entry.version + 1,
        analysis.versions.get(entry.version)?.label()
    );
    let what = match finding.link.and_then(|link| link_tag(cmp, link)) {
        Some(tag) => format!("{name}: {tag}"),
        None => name,
    };
    Some(Detail {
        what,
        findings: vec![note(finding)],
    })
}

/// The tag of link `link` of `cmp`, as its row in the text export has it.
fn link_tag(cmp: &Comparison, link: usize) -> Option<String> {
    let link = cmp.links.get(link)?;
    let kind = RowKind::Link {
        kind: link.kind,
        moved: link.moved,
    };
    Some(row_tag(kind, &link.base, &link.other))
}

/// The notes of findings `indices` of `cmp`.
fn notes(cmp: &Comparison, indices: &[usize]) -> Vec<String> {
    indices
        .iter()
        .filter_map(|&f| cmp.findings.get(f))
        .map(note)
        .collect()
}
