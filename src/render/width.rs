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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_per_grapheme() {
        assert_eq!(str_width("abc"), 3);
        assert_eq!(str_width("日本語"), 6);
        // ZWJ family: one grapheme, two cells (not six).
        assert_eq!(str_width("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"), 2);
        // e + combining acute: one cell.
        assert_eq!(str_width("e\u{301}"), 1);
        // Curly quotes, dashes and the ellipsis are one cell.
        assert_eq!(str_width("\u{201C}\u{2014}\u{2026}\u{201D}"), 4);
        assert_eq!(grapheme_width("\t"), 0);
        assert_eq!(grapheme_width("\r\n"), 0);
        assert_eq!(str_width(""), 0);
    }
}
