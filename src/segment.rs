//! Sentence segmentation of news prose: abbreviations, decimals and money, quotations that
//! span sentences and close with an attribution, curly and straight quotes, ellipses, odd
//! spacing, headlines and lines without final punctuation; and the `--segment lines` mode.
//!
//! Invariant: the spans returned are in order, never overlap, and together with the gaps
//! between them rebuild the input exactly (gaps hold only whitespace/control characters).

use crate::model::Sentence;

/// Split prose into sentences (boilerplate not yet marked).
pub fn segment(text: &str) -> Vec<Sentence> {
    let _ = text;
    todo!("segment::segment")
}

/// One sentence per non-empty line, as is.
pub fn segment_lines(text: &str) -> Vec<Sentence> {
    let _ = text;
    todo!("segment::segment_lines")
}

/// Display form of a raw slice: whitespace and control characters (CR, LF, tab, BOM, ...)
/// collapsed to single spaces, trimmed.
pub fn display_text(raw: &str) -> String {
    let _ = raw;
    todo!("segment::display_text")
}
