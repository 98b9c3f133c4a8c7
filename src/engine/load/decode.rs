//! Bytes to text: a UTF-16 or UTF-8 byte-order mark, UTF-8 when the bytes are valid
//! UTF-8 text, else the encoding the user names (`--encoding`) and, for pages and feeds, the encoding they declare (`<meta charset>`, the XML declaration) or the one
//! `chardetng` detects. Plain text that is not UTF-8 is refused with the offset of the
//! first bad byte and the detector's guess as a hint; UTF-8 text is kept exactly as read
//! (BOM included), so that sentence spans index into the file's own bytes.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::error::LoadError;

/// Where the encoding of an input came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingFrom {
    /// Valid UTF-8, nothing said otherwise (what every plain text input is).
    Utf8,
    /// A byte-order mark.
    Bom,
    /// `--encoding`.
    Given,
    /// The page's `<meta charset>` or the XML declaration.
    Declared,
    /// Guessed from the bytes.
    Detected,
}

impl EncodingFrom {
    /// The word used in the JSON export and notes.
    pub fn as_str(self) -> &'static str {
        match self {
            EncodingFrom::Utf8 => "default",
            EncodingFrom::Bom => "bom",
            EncodingFrom::Given => "option",
            EncodingFrom::Declared => "declared",
            EncodingFrom::Detected => "detected",
        }
    }
}

/// Text decoded from an input's bytes.
#[derive(Debug)]
pub(super) struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub from: EncodingFrom,
}

/// How far into a page or feed its encoding declaration is looked for, in bytes (the
/// HTML standard's prescan looks at the first 1024).
const DECLARATION_WINDOW: usize = 1024;

/// The encoding a label names (`latin1`, `windows-1252`, `utf-16le`, ...).
pub(super) fn encoding_named(label: &str) -> Result<&'static Encoding, LoadError> {
    Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| LoadError::UnknownEncoding {
        label: label.to_string(),
    })
}

/// Decode the bytes of input `name`. `given` is the `--encoding` choice; `markup` says the
/// bytes look like a page or a feed (which may declare their encoding).
pub(super) fn decode(
    name: &str,
    bytes: Vec<u8>,
    given: Option<&'static Encoding>,
    markup: bool,
) -> Result<Decoded, LoadError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(&bytes)
        && encoding != UTF_8
    {
        return strict(name, &bytes[bom_len..], encoding, EncodingFrom::Bom);
    }
    // `contains` on bytes is a fast memchr; find the offset only when there is a NUL.
    let nul = if bytes.contains(&0) {
        bytes.iter().position(|&b| b == 0)
    } else {
        None
    };
    // `--encoding` is for the inputs that are not UTF-8 text: a UTF-8 version among
    // Windows-1252 ones stays UTF-8.
    if let Some(encoding) = given
        && (nul.is_some() || std::str::from_utf8(&bytes).is_err())
    {
        return strict(name, &bytes, encoding, EncodingFrom::Given);
    }
    if let Some(offset) = nul {
        return Err(LoadError::Binary {
            name: name.to_string(),
            offset,
        });
    }
    let offset = match String::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text,
                encoding: UTF_8,
                from: EncodingFrom::Utf8,
            });
        }
        Err(e) => (e.utf8_error().valid_up_to(), e.into_bytes()),
    };
    let (offset, bytes) = offset;
    if markup {
        if let Some(encoding) = declared(&bytes) {
            return lossy(&bytes, encoding, EncodingFrom::Declared);
        }
        return lossy(&bytes, detect(&bytes), EncodingFrom::Detected);
    }
    Err(LoadError::InvalidUtf8 {
        name: name.to_string(),
        offset,
        guess: detect(&bytes).name(),
    })
}

/// Decode in `encoding`, refusing malformed bytes (with the offset of the first).
fn strict(
    name: &str,
    bytes: &[u8],
    encoding: &'static Encoding,
    from: EncodingFrom,
) -> Result<Decoded, LoadError> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3);
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => Ok(Decoded {
            text,
            encoding,
            from,
        }),
        // The buffer was sized for the worst case, so only malformed input stops here.
        _ => Err(LoadError::Malformed {
            name: name.to_string(),
            encoding: encoding.name(),
            offset: read.saturating_sub(1),
        }),
    }
}

/// Decode in `encoding`, replacing malformed bytes (what browsers do with pages).
fn lossy(
    bytes: &[u8],
    encoding: &'static Encoding,
    from: EncodingFrom,
) -> Result<Decoded, LoadError> {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Ok(Decoded {
        text: text.into_owned(),
        encoding,
        from,
    })
}

/// The encoding a page or feed declares near its start: `<meta charset=...>`,
/// `content="text/html; charset=..."` or `<?xml ... encoding="..."?>`.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(DECLARATION_WINDOW)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    for key in ["charset=", "encoding="] {
        for (at, _) in head.match_indices(key) {
            let value = head[at + key.len()..].trim_start_matches(['"', '\'', ' ']);
            let end = value
                .find(|c: char| !(c.is_ascii_alphanumeric() || "-_.:".contains(c)))
                .unwrap_or(value.len());
            if let Some(encoding) = Encoding::for_label(&value.as_bytes()[..end]) {
                // A page that says UTF-8 but is not: its bytes are the better witness.
                if encoding != UTF_8 && encoding != UTF_16LE && encoding != UTF_16BE {
                    return Some(encoding);
                }
            }
        }
    }
    None
}

/// The encoding `chardetng` finds most likely for bytes that are not UTF-8.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8], given: Option<&str>, markup: bool) -> Result<Decoded, LoadError> {
        let given = given.map(|g| encoding_named(g).unwrap());
        decode("x", bytes.to_vec(), given, markup)
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Caf\u{e9}.".encode_utf16().flat_map(u16::to_le_bytes));
        let d = text(&le, None, false).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding.name(), d.from),
            ("Caf\u{e9}.", "UTF-16LE", EncodingFrom::Bom)
        );
        let mut be = vec![0xFE, 0xFF];
        be.extend("Caf\u{e9}.".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(text(&be, None, false).unwrap().text, "Caf\u{e9}.");
    }

    #[test]
    fn given_encoding_is_used() {
        let d = text(b"Caf\xe9 \x93open\x94", Some("windows-1252"), false).unwrap();
        assert_eq!(d.text, "Caf\u{e9} \u{201c}open\u{201d}");
        assert_eq!(d.from, EncodingFrom::Given);
        // Latin-1 is windows-1252 by the encoding standard.
        assert_eq!(encoding_named("latin1").unwrap().name(), "windows-1252");
    }

    #[test]
    fn utf8_text_stays_utf8_whatever_is_given() {
        let d = text("Caf\u{e9}".as_bytes(), Some("windows-1252"), false).unwrap();
        assert_eq!((d.text.as_str(), d.from), ("Caf\u{e9}", EncodingFrom::Utf8));
        let utf16: Vec<u8> = "Hi".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(text(&utf16, Some("utf-16le"), false).unwrap().text, "Hi");
    }

    #[test]
    fn wrong_given_encoding_names_the_byte() {
        let e = text(b"ab\xe9cd", Some("utf-8"), false).unwrap_err();
        assert_eq!(
            e,
            LoadError::Malformed {
                name: "x".into(),
                encoding: "UTF-8",
                offset: 2
            }
        );
        assert!(matches!(
            encoding_named("klingon"),
            Err(LoadError::UnknownEncoding { .. })
        ));
    }

    #[test]
    fn pages_declare_or_detect() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>Caf\xe9</body></html>";
        let d = text(page, None, true).unwrap();
        assert_eq!(
            (d.encoding.name(), d.from),
            ("windows-1252", EncodingFrom::Declared)
        );
        assert!(d.text.contains("Caf\u{e9}"));
        let bare = "<html><body>Der Bürgermeister ließ die Straße öffnen; später kam Überraschung.</body></html>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(bare);
        let d = text(&bytes, None, true).unwrap();
        assert_eq!(d.from, EncodingFrom::Detected);
        assert!(d.text.contains("Straße"));
    }

    #[test]
    fn plain_text_not_utf8_is_refused_with_a_guess() {
        let e = text(b"Caf\xe9 opens.", None, false).unwrap_err();
        assert_eq!(
            e,
            LoadError::InvalidUtf8 {
                name: "x".into(),
                offset: 3,
                guess: "windows-1252"
            }
        );
    }
}
