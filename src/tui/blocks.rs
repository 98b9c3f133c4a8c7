//! The text of each Compare row, marked and laid out for a given width: both sides of a
//! row wrapped (or truncated) to their column and padded to the same height, or the
//! one-column inline form `[-old-]{+new+}`. Built on `layout::wrap`; the model caches
//! the result per row and width, so only rows in view are ever laid out.

use crate::collate::PairRow;
use crate::layout::{self, Line, Mark, Segment};
use crate::model::{Analysis, Piece, WordDiff};
use crate::width::grapheme_width;
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
    Segment {
        text: text.into(),
        mark,
    }
}

fn pieces_to_segments(pieces: &[Piece], diff: &WordDiff, inserted: bool) -> Vec<Segment> {
    pieces
        .iter()
        .map(|p| {
            let mark = match p.edit.and_then(|e| diff.edits.get(e)) {
                None => Mark::Plain,
                Some(e) => {
                    let class = if e.in_quote {
                        crate::model::EditClass::Quote.max(e.class)
                    } else {
                        e.class
                    };
                    if inserted {
                        Mark::Inserted(class)
                    } else {
                        Mark::Deleted(class)
                    }
                }
            };
            seg(p.text.clone(), mark)
        })
        .collect()
}

fn joined_len(pieces: &[Piece]) -> usize {
    pieces.iter().map(|p| p.text.len()).sum()
}

/// The marked text of both sides of a row, plus a "from #N" note for moved text.
pub fn sides(analysis: &Analysis, other: usize, row: &PairRow) -> (Vec<Segment>, Vec<Segment>) {
    let base_v = &analysis.versions[analysis.base];
    let other_v = &analysis.versions[other];
    let btext = base_v.joined(&row.base);
    let otext = other_v.joined(&row.other);
    let link = row
        .link
        .and_then(|l| analysis.comparison(other).and_then(|c| c.links.get(l)));
    let plain_mark = if row.link.is_none() {
        Mark::Dim
    } else {
        Mark::Plain
    };
    let (mut left, mut right) = match link {
        Some(l) if joined_len(&l.diff.base) > 0 || joined_len(&l.diff.other) > 0 => (
            pieces_to_segments(&l.diff.base, &l.diff, false),
            pieces_to_segments(&l.diff.other, &l.diff, true),
        ),
        _ => (vec![seg(btext, plain_mark)], vec![seg(otext, plain_mark)]),
    };
    if row.boilerplate {
        for s in left.iter_mut().chain(right.iter_mut()) {
            s.mark = Mark::Dim;
        }
    }
    left.retain(|s| !s.text.is_empty());
    right.retain(|s| !s.text.is_empty());
    if link.is_some_and(|l| l.moved)
        && let Some(&first) = row.other.first()
    {
        right.insert(0, seg(format!("(from #{}) ", first + 1), Mark::Dim));
    }
    (left, right)
}

/// The inline form of a row: shared text plain, `[-deleted-]` and `{+inserted+}` marked.
pub fn inline(analysis: &Analysis, other: usize, row: &PairRow) -> Vec<Segment> {
    let (left, right) = sides(analysis, other, row);
    if row.link.is_none() {
        let (open, close, side, mark) = if row.base.is_empty() {
            (
                "{+",
                "+}",
                right,
                Mark::Inserted(crate::model::EditClass::Word),
            )
        } else {
            (
                "[-",
                "-]",
                left,
                Mark::Deleted(crate::model::EditClass::Word),
            )
        };
        let mark = if row.boilerplate { Mark::Dim } else { mark };
        let text: String = side.iter().map(|s| s.text.as_str()).collect();
        return vec![seg(format!("{open}{text}{close}"), mark)];
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    // The moved note leads the right side; show it first.
    if right
        .first()
        .is_some_and(|s| s.mark == Mark::Dim && s.text.starts_with("(from #"))
    {
        out.push(right[0].clone());
        j = 1;
    }
    let push = |out: &mut Vec<Segment>, s: &Segment| match s.mark {
        Mark::Deleted(_) => out.push(seg(format!("[-{}-]", s.text), s.mark)),
        Mark::Inserted(_) => out.push(seg(format!("{{+{}+}}", s.text), s.mark)),
        _ => out.push(s.clone()),
    };
    while i < left.len() || j < right.len() {
        match (left.get(i), right.get(j)) {
            (Some(l), _) if matches!(l.mark, Mark::Deleted(_)) => {
                push(&mut out, l);
                i += 1;
            }
            (_, Some(r)) if matches!(r.mark, Mark::Inserted(_)) => {
                push(&mut out, r);
                j += 1;
            }
            (Some(l), Some(_)) => {
                push(&mut out, l);
                i += 1;
                j += 1;
            }
            (Some(l), None) => {
                push(&mut out, l);
                i += 1;
            }
            (None, Some(r)) => {
                push(&mut out, r);
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
        .map(|s| crate::width::str_width(&s.text))
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
    let mut left = if row.base.is_empty() {
        vec![Line::default()]
    } else {
        lay(&l, g.left, g.wrap)
    };
    let mut right = if row.other.is_empty() {
        vec![Line::default()]
    } else {
        lay(&r, g.right, g.wrap)
    };
    let h = left.len().max(right.len());
    left.resize(h, Line::default());
    right.resize(h, Line::default());
    Block { left, right }
}

/// The one-line block of a fold of page furniture.
pub fn fold_block(sentences: usize, g: Geometry) -> Block {
    let noun = if sentences == 1 { "line" } else { "lines" };
    let text = format!("{sentences} {noun} of page furniture (Enter)");
    let line = truncate(&[seg(text, Mark::Dim)], g.left);
    Block {
        left: vec![line],
        right: if g.inline {
            Vec::new()
        } else {
            vec![Line::default()]
        },
    }
}
