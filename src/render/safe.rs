//! Text made safe for a terminal: the one escaping function, for file names in messages,
//! headers and the viewer, and for sentence text in the text exports. A file name or a
//! story holding ESC or BEL could otherwise retitle the terminal (`ESC ] 0 ; ... BEL`) or
//! clear it (`ESC [ 2 J`), and a bidirectional override could show text in another order
//! than it has.

use std::borrow::Cow;
use std::fmt::Write;
use std::path::Path;

use crate::engine::text::{is_printable_ascii, word_of};

/// The bidirectional embedding, override and isolate controls (U+202A to U+202E, U+2066
/// to U+2069): they reorder what follows them on the line.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` is shown escaped: a C0 or C1 control character, DEL, or a bidi control.
fn needs_escape(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Whether `text` holds a character that [`needs_escape`], read from its UTF-8 bytes
/// without decoding: an ASCII control or DEL, a C1 control (0xC2 0x80 to 0xC2 0x9F), or a
/// bidi control (0xE2 0x80 0xAA to 0xAE, 0xE2 0x81 0xA6 to 0xA9). Most text has none and
/// is let through at the speed of a byte scan.
fn has_escapes(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Eight bytes at a time while they are printable ASCII (no control, no DEL, no lead
    // byte of a longer character); a chunk with any other byte is looked at byte by byte
    // (a character's later bytes may lie in the next chunk: its lead byte is in this one).
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        if !is_printable_ascii(word_of(chunk)) && (i..i + 8).any(|k| escape_at(bytes, k)) {
            return true;
        }
        i += 8;
    }
    (i..bytes.len()).any(|k| escape_at(bytes, k))
}

/// Whether a character that [`needs_escape`] starts at byte `i` of `bytes`.
fn escape_at(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        0x00..=0x1F | 0x7F => true,
        0xC2 => matches!(bytes.get(i + 1), Some(0x80..=0x9F)),
        0xE2 => matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
        ),
        _ => false,
    }
}

/// `text` with every control character and bidi control written as a visible escape:
/// `\t`, `\n`, `\r`, `\x1b` (other C0 controls and DEL), `\u{9b}` (C1 controls) and
/// `\u{202e}` (bidi controls). Everything else, backslashes included, is left as is;
/// text without such characters is returned without copying.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !has_escapes(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c.is_ascii_control() => {
                let _ = write!(out, "\\x{:02x}", u32::from(c));
            }
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A path as shown to a person: not-UTF-8 bytes replaced (U+FFFD), then [`escape`]d.
pub fn display_path(path: &Path) -> String {
    escape(&path.to_string_lossy()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        for text in ["story.txt", "日本語 — “quoted” …", "a\\b", ""] {
            assert!(
                matches!(escape(text), Cow::Borrowed(t) if t == text),
                "{text}"
            );
        }
    }

    #[test]
    fn controls_and_bidi_are_escaped() {
        assert_eq!(escape("a\x1b]0;owned\x07b"), "a\\x1b]0;owned\\x07b");
        assert_eq!(escape("\x1b[2J"), "\\x1b[2J");
        assert_eq!(escape("tab\there\nnext\r"), "tab\\there\\nnext\\r");
        assert_eq!(escape("del\x7f c1\u{9b}"), "del\\x7f c1\\u{9b}");
        assert_eq!(escape("txt.\u{202e}exe"), "txt.\\u{202e}exe");
        for c in ['\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}'] {
            assert!(escape(&c.to_string()).starts_with("\\u{20"), "{c:?}");
        }
        // Neighbours of the bidi controls and of the C1 controls are ordinary characters.
        for plain in ["\u{2029}\u{202f}\u{2065}\u{206a}", "\u{a0}\u{e9}\u{2019}"] {
            assert!(matches!(escape(plain), Cow::Borrowed(_)), "{plain:?}");
        }
    }

    #[test]
    fn the_byte_scan_agrees_with_the_characters() {
        let mut text = String::new();
        for code in (0..0x3000).chain(0xFFF0..0x1_0010) {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            // At every place in and across the eight-byte chunks of a longer text.
            for before in [1, 5, 6, 7, 8, 15] {
                text.clear();
                text.extend(std::iter::repeat_n('a', before));
                text.push(c);
                text.push_str("bcdefghij");
                assert_eq!(
                    has_escapes(&text),
                    needs_escape(c),
                    "U+{code:04X} after {before}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_byte_scan_finds_what_the_characters_need(
            text in "[a-z .,\"\\\u{7f}\u{0}-\u{1f}\u{80}-\u{a0}é€\u{2028}\u{202a}-\u{202f}\u{2066}-\u{2069}]{0,40}",
        ) {
            proptest::prop_assert_eq!(has_escapes(&text), text.chars().any(needs_escape));
        }
    }

    #[cfg(unix)]
    #[test]
    fn paths_that_are_not_utf8_are_shown_lossily() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let path = Path::new(OsStr::from_bytes(b"caf\xe9\x1b.txt"));
        assert_eq!(display_path(path), "caf\u{fffd}\\x1b.txt");
    }
}
