//! Loading versions: read a file (or standard input for `-`), at most a given number of
//! bytes, validate UTF-8, reject binary files (UTF-16 named as such) and directories, with
//! errors that name the file. The decoded text is kept exactly
//! as read (BOM and CRLF included) so that sentence spans index into the original bytes;
//! normalisation of whitespace and control characters happens per sentence in `segment`.

use std::io::{ErrorKind, Read};
use std::path::Path;

use thiserror::Error;

/// One input before segmentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub name: String,
    pub text: String,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum LoadError {
    #[error("{name}: no such file")]
    NotFound { name: String },
    #[error("{name}: is a directory")]
    Directory { name: String },
    #[error("{name}: cannot read: {reason}")]
    Unreadable { name: String, reason: String },
    #[error("{name}: not valid UTF-8 at byte {offset}")]
    InvalidUtf8 { name: String, offset: usize },
    #[error("{name}: looks like a binary file (NUL byte at {offset})")]
    Binary { name: String, offset: usize },
    #[error("{name}: UTF-16 text, not supported yet (convert it to UTF-8 first)")]
    Utf16 { name: String },
    /// More than the size limit: nothing past it was read.
    #[error("{name}: larger than the limit of {limit} bytes")]
    TooLarge { name: String, limit: u64 },
}

/// Read one input: a file path, or `-` for standard input; more than `max_size` bytes is
/// an error (and no more than one byte past it is read, so an endless stream such as
/// `/dev/zero` ends). The input's name is the path, not-UTF-8 bytes replaced.
pub fn read_input(path: impl AsRef<Path>, max_size: u64) -> Result<Input, LoadError> {
    let p = path.as_ref();
    let name = p.to_string_lossy().into_owned();
    if p.as_os_str() == "-" {
        let bytes = read_bounded(std::io::stdin().lock(), &name, max_size, 0)?;
        return decode(&name, bytes);
    }
    if p.is_dir() {
        return Err(LoadError::Directory { name });
    }
    let file = std::fs::File::open(p).map_err(|e| io_error(&name, &e))?;
    let known = file.metadata().map_or(0, |m| m.len());
    if known > max_size {
        return Err(LoadError::TooLarge {
            name,
            limit: max_size,
        });
    }
    let bytes = read_bounded(file, &name, max_size, known)?;
    decode(&name, bytes)
}

/// At most `max_size` bytes of `source` (`expected`: its size when known, to allocate once).
fn read_bounded(
    source: impl Read,
    name: &str,
    max_size: u64,
    expected: u64,
) -> Result<Vec<u8>, LoadError> {
    let capacity = usize::try_from(expected.min(max_size)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    source
        .take(max_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(name, &e))?;
    if bytes.len() as u64 > max_size {
        return Err(LoadError::TooLarge {
            name: name.to_string(),
            limit: max_size,
        });
    }
    Ok(bytes)
}

/// Map an I/O error to a load error naming the input.
fn io_error(name: &str, e: &std::io::Error) -> LoadError {
    let name = name.to_string();
    match e.kind() {
        ErrorKind::NotFound => LoadError::NotFound { name },
        ErrorKind::IsADirectory => LoadError::Directory { name },
        _ => LoadError::Unreadable {
            name,
            reason: e.to_string(),
        },
    }
}

/// Validate raw bytes as a text version named `name`.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<Input, LoadError> {
    // `contains` on bytes is a fast memchr; find the offset only when there is a NUL.
    if bytes.contains(&0)
        && let Some(offset) = bytes.iter().position(|&b| b == 0)
    {
        if looks_like_utf16(&bytes) {
            return Err(LoadError::Utf16 {
                name: name.to_string(),
            });
        }
        return Err(LoadError::Binary {
            name: name.to_string(),
            offset,
        });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Input {
            name: name.to_string(),
            text,
        }),
        Err(e) => Err(LoadError::InvalidUtf8 {
            name: name.to_string(),
            offset: e.utf8_error().valid_up_to(),
        }),
    }
}

/// How many leading bytes the UTF-16 guess looks at without a byte-order mark.
const UTF16_SNIFF_BYTES: usize = 64;

/// Whether bytes holding a NUL are UTF-16: a byte-order mark (FF FE or FE FF), or text
/// whose every other byte is zero (ASCII in UTF-16) over the first bytes.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let head = &bytes[..bytes.len().min(UTF16_SNIFF_BYTES) & !1];
    let zeros = |start: usize| head.iter().skip(start).step_by(2).all(|&b| b == 0);
    head.len() >= 2 && (zeros(0) != zeros(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn decodes_plain_utf8() {
        let input = decode("a.txt", "Hello, wörld.\n".as_bytes().to_vec()).unwrap();
        assert_eq!(input.name, "a.txt");
        assert_eq!(input.text, "Hello, wörld.\n");
    }

    #[test]
    fn keeps_bom_and_crlf() {
        let bytes = b"\xEF\xBB\xBFOne.\r\nTwo.\r\n".to_vec();
        let input = decode("bom.txt", bytes.clone()).unwrap();
        assert_eq!(input.text.as_bytes(), &bytes[..]);
        assert!(input.text.starts_with('\u{feff}'));
    }

    #[test]
    fn empty_is_valid() {
        let input = decode("empty.txt", Vec::new()).unwrap();
        assert_eq!(input.text, "");
    }

    #[test]
    fn invalid_utf8_reports_offset() {
        let bytes = b"abc\xFFdef".to_vec();
        assert_eq!(
            decode("bad.txt", bytes),
            Err(LoadError::InvalidUtf8 {
                name: "bad.txt".into(),
                offset: 3
            })
        );
        // A truncated multi-byte sequence at the end.
        let bytes = "ab\u{e9}".as_bytes()[..3].to_vec();
        assert_eq!(
            decode("cut.txt", bytes),
            Err(LoadError::InvalidUtf8 {
                name: "cut.txt".into(),
                offset: 2
            })
        );
    }

    #[test]
    fn nul_byte_is_binary() {
        let bytes = b"PK\x03\x04\x00\x00rest".to_vec();
        assert_eq!(
            decode("x.zip", bytes),
            Err(LoadError::Binary {
                name: "x.zip".into(),
                offset: 4
            })
        );
    }

    #[test]
    fn reads_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        let mut f = std::fs::File::create(&path).unwrap();
        f.write_all("Headline\n\nFirst sentence.".as_bytes())
            .unwrap();
        drop(f);
        let p = path.to_str().unwrap();
        let input = read_input(p, u64::MAX).unwrap();
        assert_eq!(input.name, p);
        assert_eq!(input.text, "Headline\n\nFirst sentence.");
    }

    #[test]
    fn reads_an_empty_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.txt");
        std::fs::File::create(&path).unwrap();
        let input = read_input(path.to_str().unwrap(), u64::MAX).unwrap();
        assert!(input.text.is_empty());
    }

    #[test]
    fn directory_is_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().to_str().unwrap();
        assert_eq!(
            read_input(p, u64::MAX),
            Err(LoadError::Directory { name: p.into() })
        );
    }

    #[test]
    fn missing_file_is_not_found() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope.txt");
        let p = path.to_str().unwrap();
        assert_eq!(
            read_input(p, u64::MAX),
            Err(LoadError::NotFound { name: p.into() })
        );
    }

    #[test]
    fn other_io_errors_are_unreadable() {
        // A path that runs through a regular file cannot be opened.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plain.txt");
        std::fs::write(&file, "text").unwrap();
        let path = file.join("inner.txt");
        let p = path.to_str().unwrap();
        match read_input(p, u64::MAX) {
            Err(LoadError::Unreadable { name, reason }) => {
                assert_eq!(name, p);
                assert!(!reason.is_empty());
            }
            other => panic!("expected Unreadable, got {other:?}"),
        }
    }

    #[test]
    fn binary_file_is_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("img.bin");
        std::fs::write(&path, b"\x89PNG\r\n\x1a\n\x00\x00").unwrap();
        let err = read_input(path.to_str().unwrap(), u64::MAX).unwrap_err();
        assert!(matches!(err, LoadError::Binary { offset: 8, .. }));
        assert!(err.to_string().contains("img.bin"));
    }

    #[test]
    fn utf16_is_named() {
        let mut bom = vec![0xFF, 0xFE];
        bom.extend("Hi.".encode_utf16().flat_map(u16::to_le_bytes));
        let no_bom: Vec<u8> = "Hello.".encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [bom, no_bom] {
            assert_eq!(
                decode("u.txt", bytes),
                Err(LoadError::Utf16 {
                    name: "u.txt".into()
                })
            );
        }
        assert!(matches!(
            decode("x.zip", b"PK\x03\x04\x00\x00rest".to_vec()),
            Err(LoadError::Binary { .. })
        ));
    }

    #[test]
    fn reading_stops_past_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, "0123456789").unwrap();
        assert_eq!(read_input(&path, 10).unwrap().text, "0123456789");
        assert!(matches!(
            read_input(&path, 9),
            Err(LoadError::TooLarge { limit: 9, .. })
        ));
        // A stream without a known size: at most one byte past the limit is read.
        let endless = std::io::repeat(b'a');
        assert!(matches!(
            read_bounded(endless, "zero", 1000, 0),
            Err(LoadError::TooLarge { limit: 1000, .. })
        ));
    }

    #[test]
    fn errors_name_the_file() {
        let e = LoadError::InvalidUtf8 {
            name: "v2.txt".into(),
            offset: 7,
        };
        assert_eq!(e.to_string(), "v2.txt: not valid UTF-8 at byte 7");
    }
}
