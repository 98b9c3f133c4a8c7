//! The symbols and short forms that the exports and the viewer share: one character per
//! link kind and row kind (and `!` for a row with findings), `#3+4` sentence numbers, a
//! row's tag (`* rewrite, moved (from #4)  #5 -> #4`), and the folded boilerplate line.

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
    let parts: Vec<String> = indices.iter().map(|i| (i + 1).to_string()).collect();
    format!("#{}", parts.join("+"))
}

/// What a row is and which sentences it holds, as the text export heads each row:
/// `* rewrite  #2 -> #2`, `= identical, moved (from #3)  #9 -> #3`, `+ added  -> #6`,
/// `- deleted  #7`.
pub fn row_tag(kind: RowKind, base: &[usize], other: &[usize]) -> String {
    match kind {
        RowKind::Link { kind, moved } => {
            let mut tag = format!("{} {}", kind_symbol(kind), kind.name());
            if moved {
                let from = other.first().map_or(0, |j| j + 1);
                tag.push_str(&format!(", moved (from #{from})"));
            }
            format!("{tag}  {} -> {}", numbers(base), numbers(other))
        }
        RowKind::Added => format!("+ added  -> {}", numbers(other)),
        RowKind::Deleted => format!("- deleted  {}", numbers(base)),
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
