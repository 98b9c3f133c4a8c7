//! The display form of a sentence: its raw slice with whitespace and control characters
//! collapsed to single spaces and trimmed; and what counts as such a space character.

use std::sync::Arc;

use crate::engine::model::DisplayText;
use crate::engine::text::{byte_mask, is_printable_ascii, word_of};

/// Display form of the raw slice `source[start..end]`: whitespace and control characters
/// (CR, LF, tab, BOM, ...) collapsed to single spaces, trimmed; the span itself when it
/// is in that form already (no copy).
pub(super) fn display_text(source: &Arc<str>, start: usize, end: usize) -> DisplayText {
    let raw = &source[start..end];
    if is_display_form(raw)
        && let Some(shown) = DisplayText::span(source, start..end)
    {
        return shown;
    }
    DisplayText::from(collapse_spaces(raw))
}

/// `display_text` the long way: copy the runs between space characters, one space apart.
fn collapse_spaces(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    let mut run = 0;
    let mut i = 0;
    let flush = |out: &mut String, from: usize, to: usize| {
        if from < to {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&raw[from..to]);
        }
    };
    while i < bytes.len() {
        let len = space_len(raw, i);
        if len > 0 {
            flush(&mut out, run, i);
            i += len;
            run = i;
        } else {
            i += 1;
        }
    }
    flush(&mut out, run, bytes.len());
    out
}

/// Whether `display_text` would return the text unchanged: no space character at either
/// end, and every space character inside is a lone ASCII space.
fn is_display_form(text: &str) -> bool {
    let bytes = text.as_bytes();
    // A space at the start counts as following a space.
    let mut after_space = true;
    let mut i = 0;
    // Eight bytes at a time while they are printable ASCII with lone spaces.
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = word_of(chunk);
        if !is_printable_ascii(word) {
            break;
        }
        let space = byte_mask(word, b' ');
        // Two spaces in a row, also across the previous chunk.
        let prev = space << 8 | u64::from(after_space) << 7;
        if space & prev != 0 {
            return false;
        }
        after_space = space >> 63 != 0;
        i += 8;
    }
    for (i, &byte) in bytes.iter().enumerate().skip(i) {
        if byte > 0x20 && byte < 0x7f {
            after_space = false;
        } else if byte == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if byte >= 0x80 {
            // Continuation bytes and most lead bytes never start a space character.
            if is_space_lead_byte(byte) && space_len(text, i) > 0 {
                return false;
            }
            after_space = false;
        } else {
            // Control characters and DEL.
            return false;
        }
    }
    !after_space
}

/// Whitespace, control characters and the BOM: what gaps between sentences may hold.
/// (Inlined into the scanner's loops in the other modules.)
#[inline]
pub(super) fn is_space(c: char) -> bool {
    if c.is_ascii() {
        c <= ' ' || c == '\x7f'
    } else {
        c.is_whitespace() || c.is_control() || c == '\u{feff}'
    }
}

/// Whether a non-ASCII byte may start a space character: only these lead bytes start
/// non-ASCII whitespace, C1 controls or the BOM.
fn is_space_lead_byte(byte: u8) -> bool {
    matches!(byte, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF)
}

/// Byte length of the space character starting at byte `i` of `text`, or 0. `i` may be any
/// byte index; continuation bytes are never a space.
fn space_len(text: &str, i: usize) -> usize {
    let byte = text.as_bytes()[i];
    if byte < 0x80 {
        return usize::from(byte <= 0x20 || byte == 0x7f);
    }
    if is_space_lead_byte(byte)
        && let Some(c) = text.get(i..).and_then(|rest| rest.chars().next())
        && is_space(c)
    {
        return c.len_utf8();
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::segment::tests::piece;
    use proptest::prelude::*;

    /// `display_text` of a whole text.
    fn display(raw: &str) -> String {
        display_text(&Arc::from(raw), 0, raw.len()).to_string()
    }

    #[test]
    fn display_text_collapses() {
        assert_eq!(display("\u{feff} a\r\n\tb \u{7}c  "), "a b c");
        assert_eq!(display("\n\t"), "");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn display_form_shortcut_is_exact(
            input in any::<String>(),
            parts in prop::collection::vec(piece(), 0..20),
        ) {
            prop_assert_eq!(display(&input), collapse_spaces(&input));
            let joined = parts.concat();
            prop_assert_eq!(display(&joined), collapse_spaces(&joined));
            let mixed: String = input
                .chars()
                .map(|c| match u32::from(c) % 7 {
                    0 => ' ',
                    1 => 'x',
                    2 => '\u{7f}',
                    3 => '\u{1f}',
                    4 => '~',
                    _ => if u32::from(c) % 5 == 0 { '\u{a0}' } else { 'q' },
                })
                .collect();
            prop_assert_eq!(display(&mixed), collapse_spaces(&mixed));
            let spaced: String = input.chars().map(|c| if u32::from(c) % 3 == 0 { ' ' } else { 'w' }).collect();
            prop_assert_eq!(display(&spaced), collapse_spaces(&spaced));
            for w in [" ", "a", "a b", "a  b", " a", "a ", "a\u{a0}b", "a\u{feff}b", "“a” b", "a\u{7f}"] {
                prop_assert_eq!(display(w), collapse_spaces(w));
            }
        }
    }
}
