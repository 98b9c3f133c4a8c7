//! Display width of text in terminal cells, measured per grapheme cluster with
//! unicode-width (the same major version ratatui uses). The one place widths are measured.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Width of one grapheme cluster (0 for control characters).
pub fn grapheme_width(g: &str) -> usize {
    if g.chars().all(|c| c.is_control()) {
        return 0;
    }
    g.width()
}

/// Width of a string: the sum of its grapheme clusters' widths.
pub fn str_width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}
