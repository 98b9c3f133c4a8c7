//! Loading versions: read a file (or standard input for `-`), validate UTF-8, reject binary
//! files and directories, with errors that name the file. The decoded text is kept exactly
//! as read (BOM and CRLF included) so that sentence spans index into the original bytes;
//! normalisation of whitespace and control characters happens per sentence in `segment`.

use std::io::{ErrorKind, Read};

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
}

/// Read one input: a file path, or `-` for standard input.
pub fn read_input(path: &str) -> Result<Input, LoadError> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| io_error(path, &e))?;
        return decode(path, bytes);
    }
    let p = std::path::Path::new(path);
    if p.is_dir() {
        return Err(LoadError::Directory {
            name: path.to_string(),
        });
    }
    let bytes = std::fs::read(p).map_err(|e| io_error(path, &e))?;
    decode(path, bytes)
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
        let input = read_input(p).unwrap();
        assert_eq!(input.name, p);
        assert_eq!(input.text, "Headline\n\nFirst sentence.");
    }

    #[test]
    fn reads_an_empty_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.txt");
        std::fs::File::create(&path).unwrap();
        let input = read_input(path.to_str().unwrap()).unwrap();
        assert!(input.text.is_empty());
    }

    #[test]
    fn directory_is_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().to_str().unwrap();
        assert_eq!(read_input(p), Err(LoadError::Directory { name: p.into() }));
    }

    #[test]
    fn missing_file_is_not_found() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope.txt");
        let p = path.to_str().unwrap();
        assert_eq!(read_input(p), Err(LoadError::NotFound { name: p.into() }));
    }

    #[test]
    fn other_io_errors_are_unreadable() {
        // A path that runs through a regular file cannot be opened.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plain.txt");
        std::fs::write(&file, "text").unwrap();
        let path = file.join("inner.txt");
        let p = path.to_str().unwrap();
        match read_input(p) {
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
        let err = read_input(path.to_str().unwrap()).unwrap_err();
        assert!(matches!(err, LoadError::Binary { offset: 8, .. }));
        assert!(err.to_string().contains("img.bin"));
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
