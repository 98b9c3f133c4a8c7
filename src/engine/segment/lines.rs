//! The text cut into lines (LF, CRLF or a lone CR) and into blocks of non-blank lines, as
//! byte ranges into the input.

use super::display::is_space;
use crate::engine::text::{below_mask, word_of};

/// Bytes below this may be line breaks: CR (0x0D) is the largest line-break byte.
const LINE_BREAK_BOUND: u8 = b'\r' + 1;

/// Whether some byte of `word` is below [`LINE_BREAK_BOUND`], as CR and LF are.
fn may_hold_line_break(word: u64) -> bool {
    below_mask(word, LINE_BREAK_BOUND) != 0
}

/// The eight bytes of `bytes` from `i`, as one little-endian word, if there are eight.
fn word_at(bytes: &[u8], i: usize) -> Option<u64> {
    bytes.get(i..i + 8).map(word_of)
}

/// Byte ranges of the lines of `text` (without their terminators). Line breaks are LF,
/// CRLF and a lone CR.
pub(super) fn lines(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Skip eight bytes at a time while none can be a line break.
        if let Some(word) = word_at(bytes, i)
            && !may_hold_line_break(word)
        {
            i += 8;
            continue;
        }
        match bytes[i] {
            b'\n' => {
                out.push((start, i));
                i += 1;
                start = i;
            }
            b'\r' => {
                out.push((start, i));
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        out.push((start, bytes.len()));
    }
    out
}

/// Position of the first CR or LF in `bytes`.
pub(super) fn find_line_break(bytes: &[u8]) -> Option<usize> {
    let mut i = 0;
    // Skip eight bytes at a time while none can be a line break.
    while let Some(word) = word_at(bytes, i) {
        if may_hold_line_break(word) {
            break;
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(|&byte| byte == b'\n' || byte == b'\r')
        .map(|p| i + p)
}

/// Trim space characters from both ends of `text[start..end]`; `None` if nothing is left.
pub(super) fn trim_span(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start_matches(is_space).len();
    let rest = &slice[lead..];
    if rest.is_empty() {
        return None;
    }
    let trail = rest.len() - rest.trim_end_matches(is_space).len();
    Some((start + lead, end - trail))
}

/// Blocks of non-blank lines, each trimmed to its first and last non-space byte.
pub(super) fn blocks(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    for (line_start, line_end) in lines(text) {
        match trim_span(text, line_start, line_end) {
            Some((start, end)) => {
                current = Some(match current {
                    Some((block_start, _)) => (block_start, end),
                    None => (start, end),
                });
            }
            None => {
                if let Some(block) = current.take() {
                    out.push(block);
                }
            }
        }
    }
    if let Some(block) = current {
        out.push(block);
    }
    out
}
