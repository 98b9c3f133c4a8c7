//! Text made safe for a terminal: the one escaping function, for file names in messages,
//! headers and the viewer, and for sentence text in the text exports. A file name or a
//! story holding ESC or BEL could otherwise retitle the terminal (`ESC ] 0 ; ... BEL`) or
//! clear it (`ESC [ 2 J`), and a bidirectional override could show text in another order
//! than it has.

use std::borrow::Cow;
use std::fmt::Write;
use std::path::Path;

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
    bytes.iter().enumerate().any(|(i, &byte)| match byte {
        0x00..=0x1F | 0x7F => true,
        0xC2 => matches!(bytes.get(i + 1), Some(0x80..=0x9F)),
        0xE2 => matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
        ),
        _ => false,
    })
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
            text.clear();
            text.push('a');
            text.push(c);
            assert_eq!(has_escapes(&text), needs_escape(c), "U+{code:04X}");
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
