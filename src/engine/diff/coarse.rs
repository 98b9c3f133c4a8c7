//! The coarse diff of very long sides: the common prefix and suffix (cut at whitespace)
//! stay equal and the middle becomes one replace, with `WordDiff::bounded` set. Linear in
//! the length of the sides; the edit is classified on a window of text around it.

use crate::engine::model::WordDiff;

use super::classify::{EditSpan, classify_edits};
use super::merge::{SideBuilder, new_edit};

/// Bytes of context on each side of a coarse edit used to classify it; an edit longer
/// than this is left a word edit. Enough for the sentence around a short change (number
/// and name checks look for the word elsewhere in it), small enough that a huge pair is
/// not classified over its whole length.
const COARSE_CONTEXT: usize = 2_000;

/// Bytes compared at once by [`common_prefix`] and [`common_suffix`].
const BLOCK: usize = 256;

/// Coarse diff of long sides: common prefix and suffix (cut after whitespace) are equal,
/// the middle is one replace. The edit is classified on a window of the text around it.
pub(super) fn coarse(base: &str, other: &str) -> WordDiff {
    let (p, s) = shared_ends(base, other);
    let bcore = base[p..base.len() - s].trim_end();
    let ocore = other[p..other.len() - s].trim_end();
    let mut b = SideBuilder::new(base);
    let mut o = SideBuilder::new(other);
    let mut edits = Vec::new();
    if !bcore.is_empty() || !ocore.is_empty() {
        b.push(p, None);
        b.push(p + bcore.len(), Some(0));
        o.push(p, None);
        o.push(p + ocore.len(), Some(0));
        edits.push(new_edit(bcore, ocore));
        if bcore.len() <= COARSE_CONTEXT && ocore.len() <= COARSE_CONTEXT {
            let (bf, bt) = context_window(base, p, bcore.len());
            let (of, ot) = context_window(other, p, ocore.len());
            let spans = [EditSpan {
                base: p - bf..p - bf + bcore.len(),
                other: p - of..p - of + ocore.len(),
            }];
            classify_edits(&base[bf..bt], &other[of..ot], &spans, &mut edits);
        }
    }
    WordDiff {
        base: b.finish(),
        other: o.finish(),
        edits,
        bounded: true,
    }
}

/// Lengths of the common prefix and suffix of the two sides, each cut to end or start
/// right after whitespace (a token start) and not overlapping.
fn shared_ends(base: &str, other: &str) -> (usize, usize) {
    let mut p = common_prefix(base.as_bytes(), other.as_bytes());
    while p > 0 && !(base.is_char_boundary(p) && base[..p].ends_with(char::is_whitespace)) {
        p -= 1;
    }
    let max_s = base.len().min(other.len()) - p;
    let mut s = common_suffix(base.as_bytes(), other.as_bytes(), max_s);
    // The suffix must start at a token start: right after whitespace.
    while s > 0 {
        let cut = base.len() - s;
        if base.is_char_boundary(cut)
            && other.is_char_boundary(other.len() - s)
            && base[..cut].ends_with(char::is_whitespace)
        {
            break;
        }
        s -= 1;
    }
    (p, s)
}

/// Byte range of `text` within [`COARSE_CONTEXT`] of an edit at `at` of `core_len` bytes,
/// widened to character boundaries.
fn context_window(text: &str, at: usize, core_len: usize) -> (usize, usize) {
    let mut from = at.saturating_sub(COARSE_CONTEXT);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (at + core_len + COARSE_CONTEXT).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    (from, to)
}

/// Length of the common prefix of two byte strings (compared in blocks, so that it is
/// quick even without optimisation).
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let max = a.len().min(b.len());
    let mut p = 0;
    while p + BLOCK <= max && a[p..p + BLOCK] == b[p..p + BLOCK] {
        p += BLOCK;
    }
    while p < max && a[p] == b[p] {
        p += 1;
    }
    p
}

/// Length of the common suffix of two byte strings, at most `max`.
fn common_suffix(a: &[u8], b: &[u8], max: usize) -> usize {
    let (la, lb) = (a.len(), b.len());
    let mut s = 0;
    while s + BLOCK <= max && a[la - s - BLOCK..la - s] == b[lb - s - BLOCK..lb - s] {
        s += BLOCK;
    }
    while s < max && a[la - s - 1] == b[lb - s - 1] {
        s += 1;
    }
    s
}
