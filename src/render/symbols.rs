//! The symbols and short forms that the exports and the viewer share: one character per
//! link kind and row kind (and `!` for a row with findings), `#3+4` sentence numbers, a
//! row's tag (`* rewrite, moved (from #4)  #5 -> #4`), and the folded boilerplate line.

use std::fmt::Write;

use crate::engine::{LinkKind, PairRow, RowKind};

/// The gutter symbol of a row (or Overview cell) holding findings: it stands out, and
/// outranks the row's kind, which its tag and notes still name.
pub const FINDING_SYMBOL: char = '!';

/// The gutter symbol of boilerplate.
pub const BOILERPLATE_SYMBOL: char = '.';

/// The one-character symbol of a link kind.
pub fn kind_symbol(kind: LinkKind) -> char {
    match kind {
        LinkKind::Identical => '=',
        LinkKind::Minor => '~',
        LinkKind::Rewrite => '*',
        LinkKind::Paraphrase => '%',
        LinkKind::Partial => '<',
    }
}

/// The one-character symbol of a two-version row (`m` for a moved link).
pub fn row_symbol(kind: RowKind) -> char {
    match kind {
        RowKind::Link { moved: true, .. } => 'm',
        RowKind::Link { kind, .. } => kind_symbol(kind),
        RowKind::Deleted => '-',
        RowKind::Added => '+',
    }
}

/// 1-based sentence numbers: `#3`, or `#3+4` for a group.
pub fn numbers(indices: &[usize]) -> String {
    let mut out = String::new();
    push_numbers(&mut out, indices);
    out
}

/// [`numbers`], written at the end of `out`.
pub fn push_numbers(out: &mut String, indices: &[usize]) {
    out.push('#');
    for (k, i) in indices.iter().enumerate() {
        if k > 0 {
            out.push('+');
        }
        let _ = write!(out, "{}", i + 1);
    }
}

/// What a row is and which sentences it holds, as the text export heads each row:
/// `* rewrite  #2 -> #2`, `= identical, moved (from #3)  #9 -> #3`, `+ added  -> #6`,
/// `- deleted  #7`.
pub fn row_tag(kind: RowKind, base: &[usize], other: &[usize]) -> String {
    let mut tag = String::new();
    push_row_tag(&mut tag, kind, base, other);
    tag
}

/// [`row_tag`], written at the end of `out` (the text export heads every row with one).
pub fn push_row_tag(out: &mut String, kind: RowKind, base: &[usize], other: &[usize]) {
    match kind {
        RowKind::Link { kind, moved } => {
            out.push(kind_symbol(kind));
            out.push(' ');
            out.push_str(kind.name());
            if moved {
                let from = other.first().map_or(0, |j| j + 1);
                let _ = write!(out, ", moved (from #{from})");
            }
            out.push_str("  ");
            push_numbers(out, base);
            out.push_str(" -> ");
            push_numbers(out, other);
        }
        RowKind::Added => {
            out.push_str("+ added  -> ");
            push_numbers(out, other);
        }
        RowKind::Deleted => {
            out.push_str("- deleted  ");
            push_numbers(out, base);
        }
    }
}

/// Lines of boilerplate a row holds, as a fold counts them: its longer side's sentences.
pub fn boilerplate_lines(row: &PairRow) -> usize {
    row.base.len().max(row.other.len())
}

/// The folded line for `n` lines of boilerplate.
pub fn boilerplate_line(n: usize) -> String {
    let noun = if n == 1 { "line" } else { "lines" };
    format!("\u{2026} {n} {noun} of boilerplate")
}
