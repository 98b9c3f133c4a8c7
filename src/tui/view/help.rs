//! The help overlay: every key, the gutter symbols and every mark of the text, each mark
//! shown as a sample in its own style (colour or monochrome, as the screen is). Scrolls
//! (j/k, arrows, PgDn/PgUp, g/G) when taller than the screen; Esc, q, ? and any other key
//! close it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::paint::{fit, put};
use crate::engine::{EditClass, LinkKind};
use crate::render::layout::Mark;
use crate::tui::help_text::{HelpLine, LINE_COUNT, LINES, Sample};
use crate::tui::state::State;
use crate::tui::theme::{Gutter, Theme};

/// Width inside the border: the longest line (a mark's sample and meaning) fits.
const INNER_WIDTH: u16 = 60;
/// Width of the keys column: the longest keys ("PgDn PgUp Space") and two spaces.
const KEYS_WIDTH: u16 = 17;
/// Width of a mark's sample column: the longest sample ("match") and two spaces.
const SAMPLE_WIDTH: u16 = 7;

pub fn draw(state: &State, area: Rect, buf: &mut Buffer) {
    let inner_width = INNER_WIDTH.min(area.width.saturating_sub(2));
    let height = (LINE_COUNT as u16 + 2).min(area.height);
    let width = inner_width + 2;
    let rect = Rect {
        x: (area.width - width) / 2,
        y: (area.height - height) / 2,
        width,
        height,
    };
    let visible = height.saturating_sub(2) as usize;
    let more = LINE_COUNT > visible;
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
    for (k, line) in LINES
        .iter()
        .skip(state.help_scroll)
        .take(visible)
        .enumerate()
    {
        let y = rect.y + 1 + k as u16;
        help_line(state.theme, buf, (x, y, inner_width), line);
    }
}

/// One line of the help at (x, y), `width` cells wide.
fn help_line(theme: Theme, buf: &mut Buffer, (x, y, width): (u16, u16, u16), line: &HelpLine) {
    let bold = theme.gutter(Gutter::Base);
    // Two columns: the first `first` cells wide in `first_style`, the rest plain.
    let columns = |buf: &mut Buffer, first: u16, left: &str, left_style: Style, right: &str| {
        let first = first.min(width / 2);
        put(buf, x, y, first, left, left_style);
        let rest = width - first;
        put(
            buf,
            x + first,
            y,
            rest,
            &fit(right, rest as usize),
            Style::new(),
        );
    };
    match *line {
        HelpLine::Binding(keys, text) => columns(buf, KEYS_WIDTH, keys, bold, text),
        HelpLine::Heading(text) => put_line(buf, (x, y, width), text, bold),
        HelpLine::Text(text) => put_line(buf, (x, y, width), text, Style::new()),
        HelpLine::Symbols(symbols) => symbol_line(theme, buf, (x, y, width), symbols),
        HelpLine::Either { colour, mono } => {
            let text = if theme.color { colour } else { mono };
            put_line(buf, (x, y, width), text, bold);
        }
        HelpLine::Mark {
            sample,
            style,
            colour,
            mono,
        } => {
            let text = if theme.color { colour } else { mono };
            columns(buf, SAMPLE_WIDTH, sample, sample_style(theme, style), text);
        }
        HelpLine::Blank => {}
    }
}

/// Gutter symbols in their gutter styles, each followed by its meaning.
fn symbol_line(
    theme: Theme,
    buf: &mut Buffer,
    (x, y, width): (u16, u16, u16),
    symbols: &[(char, &str)],
) {
    let end = x + width;
    let mut at = x;
    for (index, &(symbol, meaning)) in symbols.iter().enumerate() {
        let gap = if index == 0 { "" } else { "  " };
        let style = theme.gutter(gutter_of(symbol));
        at = put(buf, at, y, end.saturating_sub(at), gap, Style::new());
        at = put(
            buf,
            at,
            y,
            end.saturating_sub(at),
            &symbol.to_string(),
            style,
        );
        let meaning = format!(" {meaning}");
        at = put(buf, at, y, end.saturating_sub(at), &meaning, Style::new());
    }
}

/// The gutter kind a symbol stands for (`Empty` for none).
fn gutter_of(symbol: char) -> Gutter {
    let kinds = LinkKind::ALL.map(Gutter::Kind);
    let others = [
        Gutter::Moved,
        Gutter::Added,
        Gutter::Deleted,
        Gutter::Boilerplate,
        Gutter::Base,
        Gutter::Finding,
    ];
    kinds
        .into_iter()
        .chain(others)
        .find(|gutter| gutter.symbol() == symbol)
        .unwrap_or(Gutter::Empty)
}

/// A line of text cut to the width.
fn put_line(buf: &mut Buffer, (x, y, width): (u16, u16, u16), text: &str, style: Style) {
    put(buf, x, y, width, &fit(text, width as usize), style);
}

/// The style a mark's sample is painted in: the one the screen gives that mark.
fn sample_style(theme: Theme, sample: Sample) -> Style {
    match sample {
        Sample::Important => theme.mark(Mark::Deleted(EditClass::Pronoun)),
        Sample::Word => theme.mark(Mark::Deleted(EditClass::Word)),
        Sample::Cosmetic => theme.mark(Mark::Inserted(EditClass::Spelling)),
        Sample::Dim => theme.dim(),
        Sample::Hit => theme.hit(),
        Sample::Selected => theme
            .gutter(Gutter::Kind(LinkKind::Rewrite))
            .patch(theme.selected()),
        Sample::Finding => theme.gutter(Gutter::Finding),
    }
}
