//! Why an input could not be read: every error names the input (the file as given, `-`
//! for standard input).

use thiserror::Error;

/// An input that could not be read or decoded.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum LoadError {
    /// The path names nothing.
    #[error("{name}: no such file")]
    NotFound {
        /// The input as given: its path, or `-` for standard input.
        name: String,
    },
    /// A directory given where a file was expected.
    #[error("{name}: is a directory")]
    Directory {
        /// The input as given: its path, or `-` for standard input.
        name: String,
    },
    /// A folder given as an input holds no file wirediff can read.
    #[error("{name}: is a directory with no text, HTML or XML files")]
    EmptyFolder {
        /// The input as given: its path, or `-` for standard input.
        name: String,
    },
    /// The operating system refused to read it (permissions, I/O error).
    #[error("{name}: cannot read: {reason}")]
    Unreadable {
        /// The input as given: its path, or `-` for standard input.
        name: String,
        /// The operating system's message.
        reason: String,
    },
    /// Bytes that are not UTF-8, with no other encoding given or declared.
    #[error("{name}: not valid UTF-8 at byte {offset} (if it is {guess}, use --encoding {guess})")]
    InvalidUtf8 {
        /// The input as given: its path, or `-` for standard input.
        name: String,
        /// The byte offset of the first invalid byte, from the start of the input.
        offset: usize,
        /// The encoding the bytes most look like.
        guess: &'static str,
    },
    /// Bytes that are not valid in the encoding given or declared.
    #[error("{name}: not valid {encoding} at byte {offset} (check --encoding)")]
    Malformed {
        /// The input as given: its path, or `-` for standard input.
        name: String,
        /// The encoding the bytes were decoded with, by its standard name.
        encoding: &'static str,
        /// The byte offset of the first invalid byte, from the start of the input.
        offset: usize,
    },
    /// An `--encoding` value that names no encoding.
    #[error("--encoding {label}: unknown encoding (e.g. utf-8, windows-1252, latin1, utf-16le)")]
    UnknownEncoding {
        /// The value as given.
        label: String,
    },
    /// A NUL byte: the input is not text.
    #[error("{name}: looks like a binary file (NUL byte at {offset})")]
    Binary {
        /// The input as given: its path, or `-` for standard input.
        name: String,
        /// The byte offset of the first NUL byte.
        offset: usize,
    },
    /// A gzip-compressed input whose compressed stream is damaged or cut short.
    #[error("{name}: not a valid gzip stream ({detail})")]
    BadGzip {
        /// The input as given: its path, or `-` for standard input.
        name: String,
        /// What the decompressor reported.
        detail: String,
    },
    /// More than the size limit: nothing past it was read.
    #[error("{name}: larger than the limit of {limit} bytes")]
    TooLarge {
        /// The input as given: its path, or `-` for standard input.
        name: String,
        /// The limit in bytes (`--max-size`).
        limit: u64,
    },
    /// A web page in which no article text was found.
    #[error("{name}: no article text found in the page")]
    NoArticle {
        /// The input as given: its path, or `-` for standard input.
        name: String,
    },
    /// Well-formed XML that is not a news feed wirediff reads.
    #[error("{name}: XML, but neither NITF nor NewsML-G2 (root element <{root}>)")]
    NotAFeed {
        /// The input as given: its path, or `-` for standard input.
        name: String,
        /// The name of the document's root element.
        root: String,
    },
    /// XML that the parser rejected.
    #[error("{name}: not well-formed XML at byte {offset}: {reason}")]
    BadXml {
        /// The input as given: its path, or `-` for standard input.
        name: String,
        /// Where the parser stopped, in bytes from the start of the decoded text.
        offset: u64,
        /// The parser's message.
        reason: String,
    },
    /// A NITF or NewsML-G2 item with no story text.
    #[error("{name}: the feed item has no headline and no paragraphs")]
    EmptyFeed {
        /// The input as given: its path, or `-` for standard input.
        name: String,
    },
    /// An e-mail message with no part that holds the story.
    #[error("{name}: an e-mail without a text or HTML part")]
    EmptyMail {
        /// The input as given: its path, or `-` for standard input.
        name: String,
    },
}
