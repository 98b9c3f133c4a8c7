//! Loading versions: read a file, a folder of files, or standard input (`-`), decode it
//! ([`decode`]: BOM, `--encoding`, UTF-8, a page's declared or detected charset) and read
//! what kind of input it is by its content, not its name: plain text (kept exactly as
//! read, BOM and CRLF included, so that sentence spans index into the original bytes), a
//! saved web page ([`html`]: the article extracted), a wire feed ([`xml`]: NITF,
//! NewsML-G2) or an e-mail ([`mail`]). Binary files and undecodable text are refused with errors that name the
//! file. Normalisation of whitespace and control characters happens per sentence in
//! `segment`.

mod article;
mod decode;
mod error;
mod folder;
mod html;
mod mail;
mod xml;

use std::ffi::OsString;
use std::io::{ErrorKind, Read};
use std::path::Path;

use article::Article;
pub use decode::EncodingFrom;
pub use error::LoadError;

/// One input before segmentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The input as given (a path, a folder's entry, `-`), or a demo version's name.
    pub name: String,
    /// The text to compare: plain UTF-8 text exactly as read, else the text made from it.
    pub text: String,
}

/// How inputs are read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// The encoding every input is in (`--encoding`), instead of finding it out.
    pub encoding: Option<String>,
    /// The most bytes read of one input (`--max-size`); more is an error, and no more than
    /// one byte past it is read, so an endless stream such as `/dev/zero` ends. `None`: no
    /// limit.
    pub max_size: Option<u64>,
}

/// What kind of input a version was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    /// Plain text.
    Text,
    /// A saved web page, its article extracted.
    Html,
    /// A NITF news feed item.
    Nitf,
    /// A NewsML-G2 news feed item.
    NewsMlG2,
    /// An e-mail message, its text or HTML part read.
    Email,
}

impl SourceFormat {
    /// The name used in the JSON export.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Html => "html",
            SourceFormat::Nitf => "nitf",
            SourceFormat::NewsMlG2 => "newsml-g2",
            SourceFormat::Email => "email",
        }
    }
}

/// Where a version's text came from: the input's format and encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// What kind of input it was.
    pub format: SourceFormat,
    /// The encoding's name in the Encoding Standard (`UTF-8`, `windows-1252`, `UTF-16LE`).
    pub encoding: &'static str,
    /// How that encoding was known (UTF-8 as read, a BOM, `--encoding`, declared, guessed).
    pub encoding_from: EncodingFrom,
}

impl Source {
    /// Plain UTF-8 text: the version's text is the file's bytes.
    pub fn is_plain_text(&self) -> bool {
        self.format == SourceFormat::Text && self.encoding_from == EncodingFrom::Utf8
    }
}

/// One version read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// The text wirediff compares: the file's text, or the article's elements.
    pub input: Input,
    /// The input's format and encoding, for notes and the JSON export.
    pub source: Source,
    /// The article body alone, for pages and feeds.
    pub body: Option<String>,
}

/// The versions read from the paths given, and the folder entries skipped.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LoadedSet {
    /// One version per input file, in the order given (a folder's files by name).
    pub versions: Vec<Loaded>,
    /// Entries of folders given that were not read (not text, HTML or XML; subfolders).
    pub skipped: Vec<String>,
}

/// What an input holds once decoded.
enum Content {
    Text(String),
    Page(Box<html::Page>),
    Article(Article),
}

/// One input decoded and read, before the pages given together are compared.
struct ReadInput {
    name: String,
    source: Source,
    content: Content,
}

/// Read the inputs at `paths` (`-` is standard input; a folder gives its files), big ones
/// side by side; the first error in path order is the one returned.
pub fn load(paths: &[OsString], options: &LoadOptions) -> Result<LoadedSet, LoadError> {
    let encoding = match &options.encoding {
        Some(label) => Some(decode::encoding_named(label)?),
        None => None,
    };
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        let path = Path::new(path);
        if path.as_os_str() != "-" && path.is_dir() {
            let (read, skip) = folder::list(path)?;
            files.extend(read);
            skipped.extend(skip);
        } else {
            files.push(path.to_path_buf());
        }
    }
    let parallel = files.len() > 1 && !files.iter().any(|p| p.as_os_str() == "-");
    let max_size = options.max_size.unwrap_or(u64::MAX);
    let reads: Vec<ReadInput> = super::parallel::map(parallel, &files, |p| {
        // Names are shown lossily; the file is opened by its exact path.
        let name = p.to_string_lossy();
        read_bytes(p, &name, max_size)
            .and_then(|bytes| gunzip(&name, bytes, max_size))
            .and_then(|bytes| read_content(&name, bytes, encoding))
    })
    .into_iter()
    .collect::<Result<_, _>>()?;
    Ok(LoadedSet {
        versions: finish(reads),
        skipped,
    })
}

/// Compare the pages read together, then make every input's text.
fn finish(reads: Vec<ReadInput>) -> Vec<Loaded> {
    let mut pages = Vec::new();
    let mut rest = Vec::new();
    for read in reads {
        match read.content {
            Content::Page(page) => {
                pages.push(*page);
                rest.push((read.name, read.source, None));
            }
            Content::Text(text) => rest.push((read.name, read.source, Some((text, None)))),
            Content::Article(article) => {
                let texts = (article.text(), Some(article.body_text()));
                rest.push((read.name, read.source, Some(texts)));
            }
        }
    }
    let mut articles = html::articles(pages).into_iter();
    rest.into_iter()
        .map(|(name, source, texts)| {
            // Pages take their articles in order.
            let (text, body) = texts.unwrap_or_else(|| {
                let article = articles.next().unwrap_or_default();
                (article.text(), Some(article.body_text()))
            });
            Loaded {
                input: Input { name, text },
                source,
                body,
            }
        })
        .collect()
}

/// The article text of one page read alone (for the benchmarks: no file, no decoding).
pub(crate) fn page_text(html: &str) -> Option<String> {
    let page = html::read_page(html).ok()?;
    html::articles(vec![page]).pop().map(|a| a.text())
}

/// The bytes of one input: a file path, or `-` for standard input. The one place inputs
/// are read, so a bound on their size has one place to live.
fn read_bytes(path: &Path, name: &str, max_size: u64) -> Result<Vec<u8>, LoadError> {
    if path.as_os_str() == "-" {
        return read_bounded(std::io::stdin().lock(), name, max_size, 0);
    }
    if path.is_dir() {
        return Err(LoadError::Directory {
            name: name.to_string(),
        });
    }
    let file = std::fs::File::open(path).map_err(|e| io_error(name, &e))?;
    let known = file.metadata().map_or(0, |m| m.len());
    if known > max_size {
        return Err(LoadError::TooLarge {
            name: name.to_string(),
            limit: max_size,
        });
    }
    read_bounded(file, name, max_size, known)
}

/// The first bytes of every gzip stream (RFC 1952: ID1, ID2).
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// The input itself when it is not gzip-compressed; otherwise its decompressed bytes (all
/// members of the stream), bounded by `max_size` like any input, so a small file that
/// inflates without end is refused as too large rather than read until memory runs out.
fn gunzip(name: &str, bytes: Vec<u8>, max_size: u64) -> Result<Vec<u8>, LoadError> {
    if !bytes.starts_with(&GZIP_MAGIC) {
        return Ok(bytes);
    }
    let decoder = flate2::read::MultiGzDecoder::new(bytes.as_slice());
    read_bounded(decoder, name, max_size, 0).map_err(|error| match error {
        LoadError::Unreadable { reason, .. } => LoadError::BadGzip {
            name: name.to_string(),
            detail: reason,
        },
        other => other,
    })
}

/// At most `max_size` bytes of `source` (`expected`: its size when known, to allocate
/// once); one byte more is an error.
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

/// What kind of document some text is, by its first tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Html,
    Xml,
}

/// How far into an input its kind is looked for, in bytes.
const SNIFF_WINDOW: usize = 2048;

/// HTML elements a saved page or fragment may start with.
const HTML_FIRST_TAGS: &[&str] = &[
    "html", "head", "body", "meta", "title", "div", "article", "section", "main", "p", "link",
    "script", "style",
];

/// Root elements of the feeds read (lower case).
const FEED_ROOTS: &[&str] = &["nitf", "newsitem", "newsmessage"];

/// The kind of an input by its start: markup begins with `<` (after a BOM and spaces); a
/// feed's root element (or a prefixed one) makes XML; an HTML first element,
/// `<!doctype html>` or an `<html>`/`<head>`/`<body>` tag make a page; any other document
/// with an XML declaration is XML. Anything else is text.
fn sniff(bytes: &[u8]) -> Kind {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head = &bytes[start..bytes.len().min(start + SNIFF_WINDOW)];
    if head.first() != Some(&b'<') {
        return Kind::Text;
    }
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let first_tag = head
        .split('<')
        .filter(|t| !t.starts_with(['?', '!']) && !t.is_empty())
        .map(|t| {
            t.split(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .next()
                .unwrap_or("")
        })
        .next()
        .unwrap_or("");
    if FEED_ROOTS.contains(&first_tag) || first_tag.contains(':') {
        return Kind::Xml;
    }
    if HTML_FIRST_TAGS.contains(&first_tag)
        || head.starts_with("<!doctype html")
        || ["<html", "<head", "<body"].iter().any(|t| head.contains(t))
    {
        return Kind::Html;
    }
    if head.starts_with("<?xml") {
        Kind::Xml
    } else {
        Kind::Text
    }
}

/// Decode one input and read it as the kind its content says.
fn read_content(
    name: &str,
    bytes: Vec<u8>,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<ReadInput, LoadError> {
    if mail::looks_like_mail(&bytes) {
        return read_mail(name, &bytes);
    }
    let markup = sniff(&bytes) != Kind::Text;
    let decoded = decode::decode(name, bytes, encoding, markup)?;
    let source = |format| Source {
        format,
        encoding: decoded.encoding.name(),
        encoding_from: decoded.from,
    };
    let kind = sniff(decoded.text.as_bytes());
    let (format, content) = match kind {
        Kind::Text => (SourceFormat::Text, Content::Text(decoded.text)),
        Kind::Html => {
            let page = html::read_page(&decoded.text).map_err(|html::PageError::NoArticle| {
                LoadError::NoArticle {
                    name: name.to_string(),
                }
            })?;
            (SourceFormat::Html, Content::Page(Box::new(page)))
        }
        Kind::Xml => {
            let (feed, article) = xml::read(&decoded.text).map_err(|e| feed_error(name, e))?;
            let format = match feed {
                xml::Feed::Nitf => SourceFormat::Nitf,
                xml::Feed::NewsMlG2 => SourceFormat::NewsMlG2,
            };
            (format, Content::Article(article))
        }
    };
    Ok(ReadInput {
        name: name.to_string(),
        source: source(format),
        content,
    })
}

/// An e-mail: its text part, or its HTML part read as a page (subject, sender and date
/// filling what the page does not say). MIME parts carry their own charsets.
fn read_mail(name: &str, bytes: &[u8]) -> Result<ReadInput, LoadError> {
    let empty = || LoadError::EmptyMail {
        name: name.to_string(),
    };
    let article = match mail::read(bytes).ok_or_else(empty)? {
        mail::Mail::Text(article) => article,
        mail::Mail::Html { html, article } => {
            let page = html::read_page(&html).map_err(|html::PageError::NoArticle| empty())?;
            let from_page = html::articles(vec![page]).pop().unwrap_or_default();
            Article {
                headline: from_page.headline.or(article.headline),
                byline: from_page.byline.or(article.byline),
                published: from_page.published.or(article.published),
                ..from_page
            }
        }
    };
    Ok(ReadInput {
        name: name.to_string(),
        source: Source {
            format: SourceFormat::Email,
            encoding: encoding_rs::UTF_8.name(),
            encoding_from: EncodingFrom::Declared,
        },
        content: Content::Article(article),
    })
}

fn feed_error(name: &str, e: xml::FeedError) -> LoadError {
    let name = name.to_string();
    match e {
        xml::FeedError::Malformed { reason, offset } => LoadError::BadXml {
            name,
            offset,
            reason,
        },
        xml::FeedError::NotAFeed { root } => LoadError::NotAFeed { name, root },
        xml::FeedError::Empty => LoadError::EmptyFeed { name },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// One input's bytes read as `name` would be.
    fn decode(name: &str, bytes: Vec<u8>) -> Result<Input, LoadError> {
        let read = read_content(name, bytes, None)?;
        Ok(finish(vec![read]).remove(0).input)
    }

    fn read_input(path: &str) -> Result<Input, LoadError> {
        let mut set = load(&[path.into()], &LoadOptions::default())?;
        Ok(set.versions.remove(0).input)
    }

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
                offset: 3,
                guess: "windows-1252"
            })
        );
        // A truncated multi-byte sequence at the end.
        let bytes = "ab\u{e9}".as_bytes()[..3].to_vec();
        assert!(matches!(
            decode("cut.txt", bytes),
            Err(LoadError::InvalidUtf8 { name, offset: 2, .. }) if name == "cut.txt"
        ));
    }

    fn gzipped(bytes: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn gzip_is_read_through() {
        let text = "The strike began on Tuesday. Ships wait at anchor.\n";
        let packed = gzipped(text.as_bytes());
        assert_eq!(
            gunzip("a.txt.gz", packed, 1 << 20).unwrap(),
            text.as_bytes()
        );
        // Not gzip: the bytes as they are.
        assert_eq!(
            gunzip("a.txt", text.into(), 1 << 20).unwrap(),
            text.as_bytes()
        );
    }

    #[test]
    fn gzip_is_bounded_by_the_size_limit_after_inflating() {
        let packed = gzipped(&vec![b'a'; 100_000]);
        assert!(packed.len() < 1_000);
        let error = gunzip("bomb.gz", packed, 10_000).unwrap_err();
        assert!(
            matches!(error, LoadError::TooLarge { limit: 10_000, .. }),
            "{error:?}"
        );
    }

    #[test]
    fn damaged_gzip_is_a_clear_error() {
        let mut packed = gzipped(b"Some story text that is long enough to compress.");
        packed.truncate(packed.len() / 2);
        let error = gunzip("cut.gz", packed, 1 << 20).unwrap_err();
        assert!(matches!(error, LoadError::BadGzip { .. }), "{error:?}");
        assert!(
            error
                .to_string()
                .starts_with("cut.gz: not a valid gzip stream"),
            "{error}"
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
    fn empty_directory_is_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().to_str().unwrap();
        assert_eq!(
            read_input(p),
            Err(LoadError::EmptyFolder { name: p.into() })
        );
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
            guess: "windows-1252",
        };
        assert_eq!(
            e.to_string(),
            "v2.txt: not valid UTF-8 at byte 7 (if it is windows-1252, use --encoding windows-1252)"
        );
    }
}
