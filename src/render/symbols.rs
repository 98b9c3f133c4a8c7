//! The symbols and short forms that the exports and the viewer share: one character per
//! link kind and row kind, `#3+4` sentence numbers, and the folded boilerplate line.

use crate::engine::{LinkKind, RowKind};

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
    let parts: Vec<String> = indices.iter().map(|i| (i + 1).to_string()).collect();
    format!("#{}", parts.join("+"))
}

/// The folded line for a run of `n` boilerplate rows.
pub fn furniture_line(n: usize) -> String {
    let noun = if n == 1 { "line" } else { "lines" };
    format!("\u{2026} {n} {noun} of page furniture (boilerplate)")
}
