//! The text of each Compare row, marked and laid out for a given width: both sides of a
//! row wrapped (or truncated) to their column and padded to the same height, or the
//! one-column inline form `[-old-]{+new+}`. Built on `layout::wrap`; the state caches
//! the result per row and width, so only rows in view are ever laid out.

use crate::engine::{Analysis, LinkKind};
use crate::engine::{PairRow, RowKind};
use crate::render::layout::{self, Line, Mark, Segment};
use crate::render::width::grapheme_width;
use unicode_segmentation::UnicodeSegmentation;

/// One laid-out row: `left` and `right` have the same length (`right` is empty in inline
/// mode).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Block {
    pub left: Vec<Line>,
    pub right: Vec<Line>,
}

impl Block {
    pub fn height(&self) -> usize {
        self.left.len().max(self.right.len()).max(1)
    }
}

/// How rows are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Geometry {
    /// Inline mode: one column of `left` cells.
    pub inline: bool,
    pub wrap: bool,
    pub left: usize,
    pub right: usize,
}

fn seg(text: impl Into<String>, mark: Mark) -> Segment {
    Segment::new(text, mark)
}

/// How the note before moved text starts ("(from #3) ").
const MOVED_NOTE_START: &str = "(from #";

/// Identical links differ at most in spacing or quote style.
fn is_identical(row: &PairRow) -> bool {
    matches!(
        row.kind,
        RowKind::Link {
            kind: LinkKind::Identical,
            ..
        }
    )
}

/// The marked text of both sides of a row (as the side-by-side export has it), plus a
/// "(from #N)" note before moved text naming where it stands in the other version.
pub fn sides(analysis: &Analysis, other: usize, row: &PairRow) -> (Vec<Segment>, Vec<Segment>) {
    let Some(cmp) = analysis.comparison(other) else {
        return (Vec::new(), Vec::new());
    };
    let (mut left, mut right) = layout::row_segments(
        &analysis.versions[analysis.base],
        &analysis.versions[other],
        cmp,
        row,
    );
    // Identical links are shown plain, as the text export shows them.
    if is_identical(row) {
        for s in left.iter_mut().chain(right.iter_mut()) {
            if matches!(s.mark, Mark::Deleted(_) | Mark::Inserted(_)) {
                s.mark = Mark::Plain;
            }
        }
    }
    let moved = matches!(row.kind, RowKind::Link { moved: true, .. });
    if moved && !row.other.is_empty() {
        let note = format!("(from {}) ", crate::render::symbols::numbers(&row.other));
        right.insert(0, seg(note, Mark::Dim));
    }
    (left, right)
}

/// The inline form of a row: shared text plain, `[-deleted-]` and `{+inserted+}` marked.
pub fn inline(analysis: &Analysis, other: usize, row: &PairRow) -> Vec<Segment> {
    let (left, right) = sides(analysis, other, row);
    if row.link.is_none() {
        return unlinked_inline(row, left, right);
    }
    if is_identical(row) {
        // The base text once (after the moved note, if any).
        let note = right
            .first()
            .filter(|s| s.text.starts_with(MOVED_NOTE_START))
            .cloned();
        return note.into_iter().chain(left).collect();
    }
    merge_sides(&left, &right)
}

/// An added or deleted row: all its text in one `{+...+}` or `[-...-]`.
fn unlinked_inline(row: &PairRow, left: Vec<Segment>, right: Vec<Segment>) -> Vec<Segment> {
    let word = crate::engine::EditClass::Word;
    let (open, close, side, mark) = if row.base.is_empty() {
        ("{+", "+}", right, Mark::Inserted(word))
    } else {
        ("[-", "-]", left, Mark::Deleted(word))
    };
    let mark = if row.boilerplate || row.dateline {
        Mark::Dim
    } else {
        mark
    };
    let text: String = side.iter().map(|s| s.text.as_str()).collect();
    vec![seg(format!("{open}{text}{close}"), mark)]
}

/// A segment as the inline form writes it: deleted and inserted text in brackets.
fn push_marked(out: &mut Vec<Segment>, segment: &Segment) {
    match segment.mark {
        Mark::Deleted(_) => out.push(seg(format!("[-{}-]", segment.text), segment.mark)),
        Mark::Inserted(_) => out.push(seg(format!("{{+{}+}}", segment.text), segment.mark)),
        _ => out.push(segment.clone()),
    }
}

/// Whether the text so far is non-empty and does not end in a space.
fn unspaced(out: &[Segment]) -> bool {
    out.last()
        .is_some_and(|s| !s.text.is_empty() && !s.text.ends_with(char::is_whitespace))
}

/// Both sides of a changed link merged into one: shared text once, each deletion before
/// the insertion that replaces it.
fn merge_sides(left: &[Segment], right: &[Segment]) -> Vec<Segment> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    // The moved note leads the right side; show it first.
    if right
        .first()
        .is_some_and(|s| s.mark == Mark::Dim && s.text.starts_with(MOVED_NOTE_START))
    {
        out.push(right[0].clone());
        j = 1;
    }
    let deleted = |s: &Segment| matches!(s.mark, Mark::Deleted(_));
    let inserted = |s: &Segment| matches!(s.mark, Mark::Inserted(_));
    // The text just before is deleted (an insertion now replaces it).
    let mut replaced = false;
    while i < left.len() || j < right.len() {
        if !right.get(j).is_some_and(inserted) && !left.get(i).is_some_and(deleted) {
            replaced = false;
        }
        match (left.get(i), right.get(j)) {
            (Some(base), _) if deleted(base) => {
                push_marked(&mut out, base);
                i += 1;
                replaced = true;
            }
            (_, Some(shown)) if inserted(shown) => {
                // The space before a pure insertion may live only on the other side (as
                // in the text export).
                let spaced = j > 0 && right[j - 1].text.ends_with(char::is_whitespace);
                if !replaced && spaced && unspaced(&out) {
                    out.push(seg(" ", Mark::Plain));
                }
                push_marked(&mut out, shown);
                j += 1;
            }
            (Some(base), Some(shown)) => {
                // After an insertion the other side may carry the separating space.
                if unspaced(&out)
                    && !base.text.starts_with(char::is_whitespace)
                    && shown.text.starts_with(char::is_whitespace)
                {
                    out.push(seg(" ", Mark::Plain));
                }
                push_marked(&mut out, base);
                i += 1;
                j += 1;
            }
            (Some(base), None) => {
                push_marked(&mut out, base);
                i += 1;
            }
            (None, Some(shown)) => {
                push_marked(&mut out, shown);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// Cut marked text to one line of at most `width` cells, ending in "…" when cut.
pub fn truncate(pieces: &[Segment], width: usize) -> Line {
    let total: usize = pieces
        .iter()
        .map(|s| crate::render::width::str_width(&s.text))
        .sum();
    let limit = if total > width {
        width.saturating_sub(1)
    } else {
        width
    };
    let mut line = Line::default();
    let mut used = 0;
    'outer: for s in pieces {
        let mut text = String::new();
        for g in s.text.graphemes(true) {
            let w = grapheme_width(g);
            if used + w > limit {
                if !text.is_empty() {
                    line.segments.push(seg(text, s.mark));
                }
                break 'outer;
            }
            used += w;
            text.push_str(g);
        }
        if !text.is_empty() {
            line.segments.push(seg(text, s.mark));
        }
    }
    if total > width && width > 0 {
        line.segments.push(seg("…", Mark::Dim));
    }
    line
}

fn lay(pieces: &[Segment], width: usize, wrap: bool) -> Vec<Line> {
    if pieces.is_empty() || width == 0 {
        return vec![Line::default()];
    }
    if wrap {
        let lines = layout::wrap(pieces, width);
        if lines.is_empty() {
            vec![Line::default()]
        } else {
            lines
        }
    } else {
        vec![truncate(pieces, width)]
    }
}

/// Lay out one row.
pub fn row_block(analysis: &Analysis, other: usize, row: &PairRow, g: Geometry) -> Block {
    if g.inline {
        let text = inline(analysis, other, row);
        return Block {
            left: lay(&text, g.left, g.wrap),
            right: Vec::new(),
        };
    }
    let (l, r) = sides(analysis, other, row);
    if g.wrap {
        let (left, right) = layout::pair_lines(&l, &r, g.left, g.right);
        return Block { left, right };
    }
    let one = |segs: &[Segment], w: usize| {
        if segs.is_empty() {
            Line::default()
        } else {
            truncate(segs, w)
        }
    };
    Block {
        left: vec![one(&l, g.left)],
        right: vec![one(&r, g.right)],
    }
}

/// The one-line block of a fold of boilerplate: inline, one line for all its sentences;
/// side by side, each side's count in its own column.
pub fn fold_block(sentences: usize, (base, other): (usize, usize), g: Geometry) -> Block {
    let fold = |n: usize, width: usize| {
        let text = format!("{} (Enter)", crate::render::symbols::boilerplate_line(n));
        truncate(&[seg(text, Mark::Dim)], width)
    };
    if g.inline {
        return Block {
            left: vec![fold(sentences, g.left)],
            right: Vec::new(),
        };
    }
    // Each side's furniture on its own side; a fold of one side only leaves the other
    // side blank.
    let side = |n: usize, width: usize| {
        if n > 0 {
            fold(n, width)
        } else {
            Line::default()
        }
    };
    Block {
        left: vec![side(base, g.left)],
        right: vec![side(other, g.right)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Input;

    /// Every changed link of `analysis` reads in the viewer's inline mode exactly as in
    /// the text export.
    fn inline_matches_export(analysis: &Analysis) {
        let mut checked = 0;
        for cmp in &analysis.comparisons {
            for row in crate::engine::pair_rows(analysis, cmp.other) {
                let Some(link) = row.link.map(|l| &cmp.links[l]) else {
                    continue;
                };
                if row.boilerplate || link.kind == LinkKind::Identical {
                    continue;
                }
                let shown: String = inline(analysis, cmp.other, &row)
                    .iter()
                    .filter(|s| !(s.mark == Mark::Dim && s.text.starts_with("(from #")))
                    .map(|s| s.text.as_str())
                    .collect();
                assert_eq!(shown, crate::export::inline_text(link));
                checked += 1;
            }
        }
        assert!(checked > 0);
    }

    #[test]
    fn inline_rows_read_as_the_text_export() {
        inline_matches_export(&crate::engine::analyze(
            &crate::engine::demo(),
            crate::engine::Options::default(),
        ));
        // An insertion after shared text whose space is only on the other side.
        let inputs = [
            "Lavrov said he expects talks to begin in January, with growing concerns over the conflict in Ukraine. Her comments come after U.S. officials spoke.",
            "Lavrov said he expects talks to begin in January, with concerns mounting over the Ukraine conflict. His comments come after the U.S. officials spoke.",
        ]
        .iter()
        .enumerate()
        .map(|(k, t)| Input {
            name: format!("{k}.txt"),
            text: t.to_string(),
        })
        .collect::<Vec<_>>();
        inline_matches_export(&crate::engine::analyze(
            &inputs,
            crate::engine::Options::default(),
        ));
    }
}
