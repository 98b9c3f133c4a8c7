//! The Findings screen: every version's findings, one per line, the most important class
//! first: the version, the class, the sentences (base -> that version) and what changed.
//! Enter opens the selected one in Compare.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::paint::{fit, fit_end, put};
use crate::render::findings::{change, place};
use crate::render::width::str_width;
use crate::tui::findings;
use crate::tui::state::{HEADER, State};
use crate::tui::theme::Gutter;

/// Cells before each line: the cursor's mark and a space.
const CURSOR: &str = "> ";
/// Cells between two columns.
const COLUMN_GAP: usize = 2;
/// At most this many cells for a version's number and name (longer names are cut).
const VERSION_MAX_WIDTH: usize = 28;

/// How wide each column is on this screen.
struct Columns {
    version: usize,
    class: usize,
    place: usize,
}

pub fn draw(state: &State, area: Rect, buf: &mut Buffer) {
    title(state, area, buf);
    let columns = Columns {
        version: state
            .findings
            .version_width()
            .clamp("version".len(), VERSION_MAX_WIDTH),
        class: state.findings.class_width().max("class".len()),
        place: state.findings.place_width().max("sentences".len()),
    };
    if state.findings.entries.is_empty() {
        let text = " no findings: no version changes a quotation, negation, number, name, pronoun or attribution";
        put(buf, 0, 1, area.width, text, state.theme.dim());
        return;
    }
    headings(state, area, buf, &columns);
    for line in 0..state.body_height() {
        let index = state.fl_top + line;
        if index >= state.findings.entries.len() {
            break;
        }
        entry_line(state, area, buf, index, &columns, HEADER + line as u16);
    }
}

/// The first line: how many findings in how many versions, and which is the base.
fn title(state: &State, area: Rect, buf: &mut Buffer) {
    let analysis = &state.analysis;
    let width = area.width as usize;
    let style = state.theme.header();
    put(buf, 0, 0, area.width, &" ".repeat(width), style);
    let text = format!(
        " Findings · {} in {} of {} versions · base {}: {}",
        state.findings.entries.len(),
        state.findings.versions_with_findings(),
        analysis.comparisons.len(),
        analysis.base + 1,
        analysis.versions[analysis.base].label()
    );
    put(buf, 0, 0, area.width, &fit(&text, width), style);
}

/// The second line: what each column holds.
fn headings(state: &State, area: Rect, buf: &mut Buffer, columns: &Columns) {
    let text = format!(
        "{}{:<version$}{gap}{:<class$}{gap}{:<place$}{gap}change",
        " ".repeat(CURSOR.len()),
        "version",
        "class",
        "sentences",
        version = columns.version,
        class = columns.class,
        place = columns.place,
        gap = " ".repeat(COLUMN_GAP),
    );
    let style = state.theme.gutter(Gutter::Base);
    put(
        buf,
        0,
        1,
        area.width,
        &fit(&text, area.width as usize),
        style,
    );
}

/// One finding on screen line `y`.
fn entry_line(
    state: &State,
    area: Rect,
    buf: &mut Buffer,
    index: usize,
    columns: &Columns,
    y: u16,
) {
    let entry = state.findings.entries[index];
    let Some(finding) = findings::finding(&state.analysis, entry) else {
        return;
    };
    let selected = index == state.fl_sel;
    let select = |style: Style| {
        if selected {
            style.patch(state.theme.selected())
        } else {
            style
        }
    };
    let width = area.width as usize;
    if selected {
        put(
            buf,
            0,
            y,
            area.width,
            &" ".repeat(width),
            select(Style::new()),
        );
    }
    let label = state.analysis.versions[entry.version].label();
    let number = format!("{} ", entry.version + 1);
    let room = columns.version.saturating_sub(number.len());
    let version = format!("{number}{}", fit_end(label, room));
    let gap = " ".repeat(COLUMN_GAP);
    let lead = format!(
        "{}{version}{}{gap}",
        if selected { CURSOR } else { "  " },
        " ".repeat(columns.version - str_width(&version))
    );
    let mut x = put(
        buf,
        0,
        y,
        area.width,
        &fit(&lead, width),
        select(Style::new()),
    );
    let class = format!(
        "{:<width$}{gap}",
        finding.class.name(),
        width = columns.class
    );
    let room = width.saturating_sub(x as usize);
    x = put(
        buf,
        x,
        y,
        room as u16,
        &fit(&class, room),
        select(state.theme.gutter(Gutter::Base)),
    );
    let rest = format!(
        "{:<width$}{gap}{}",
        place(finding),
        change(finding),
        width = columns.place
    );
    let room = width.saturating_sub(x as usize);
    let shown = fit(&rest, room);
    let cut = str_width(&shown) < str_width(&rest);
    let shown = if cut {
        format!("{}\u{2026}", fit(&rest, room.saturating_sub(1)))
    } else {
        shown
    };
    put(buf, x, y, room as u16, &shown, select(Style::new()));
}
