//! Why an input could not be read: every error names the input (the file as given, `-`
//! for standard input).

use thiserror::Error;

/// An input that could not be read or decoded.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum LoadError {
    #[error("{name}: no such file")]
    NotFound { name: String },
    #[error("{name}: is a directory")]
    Directory { name: String },
    #[error("{name}: is a directory with no text, HTML or XML files")]
    EmptyFolder { name: String },
    #[error("{name}: cannot read: {reason}")]
    Unreadable { name: String, reason: String },
    #[error("{name}: not valid UTF-8 at byte {offset} (if it is {guess}, use --encoding {guess})")]
    InvalidUtf8 {
        name: String,
        offset: usize,
        /// The encoding the bytes most look like.
        guess: &'static str,
    },
    #[error("{name}: not valid {encoding} at byte {offset} (check --encoding)")]
    Malformed {
        name: String,
        encoding: &'static str,
        offset: usize,
    },
    #[error("--encoding {label}: unknown encoding (e.g. utf-8, windows-1252, latin1, utf-16le)")]
    UnknownEncoding { label: String },
    #[error("{name}: looks like a binary file (NUL byte at {offset})")]
    Binary { name: String, offset: usize },
    /// More than the size limit: nothing past it was read.
    #[error("{name}: larger than the limit of {limit} bytes")]
    TooLarge { name: String, limit: u64 },
    #[error("{name}: no article text found in the page")]
    NoArticle { name: String },
    #[error("{name}: XML, but neither NITF nor NewsML-G2 (root element <{root}>)")]
    NotAFeed { name: String, root: String },
    #[error("{name}: not well-formed XML at byte {offset}: {reason}")]
    BadXml {
        name: String,
        offset: u64,
        reason: String,
    },
    #[error("{name}: the feed item has no headline and no paragraphs")]
    EmptyFeed { name: String },
    #[error("{name}: an e-mail without a text or HTML part")]
    EmptyMail { name: String },
}
