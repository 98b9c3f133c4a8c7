//! Layout of text into fixed-width columns: word wrapping of marked pieces at grapheme
//! boundaries (a wide glyph never starts in a column's last cell), and side-by-side rows
//! whose two sides are padded to the same height. The viewer paints these rows and the
//! side-by-side export writes them, so screen and export never disagree.

use crate::model::EditClass;

/// How a piece of laid-out text is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// Shared text.
    Plain,
    /// Removed from the base (left side).
    Deleted(EditClass),
    /// Inserted in the other version (right side).
    Inserted(EditClass),
    /// Whole sentence with no partner, or boilerplate: shown dim.
    Dim,
}

/// A run of text with one mark, within one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub mark: Mark,
}

/// One display line; its width never exceeds the width it was wrapped to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    pub segments: Vec<Segment>,
}

/// Wrap marked text to `width` cells: break at spaces where possible, inside over-long
/// tokens at grapheme boundaries otherwise; never put a wide glyph in the last cell.
pub fn wrap(pieces: &[Segment], width: usize) -> Vec<Line> {
    let _ = (pieces, width);
    todo!("layout::wrap")
}
