//! Wire-feed XML: NITF (`<nitf>`: `hl1` headline, `byline`, `dateline`, `abstract`, the
//! `p` paragraphs of `body.content`) and IPTC NewsML-G2 (`<newsItem>`, or the first item
//! of a `<newsMessage>`: `contentMeta` `headline`, `by`, `dateline`, `description`, and
//! the paragraphs of the `contentSet`: inline NITF, inline XHTML or `inlineData` text).
//! Element names are matched without their namespace prefix.

use quick_xml::Reader;
use quick_xml::events::Event;

use super::article::{Article, normalize};

/// The two feed formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Feed {
    Nitf,
    NewsMlG2,
}

/// Why an XML input could not be read as a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum FeedError {
    /// Not well-formed XML: the parser's message and the byte position.
    Malformed { reason: String, offset: u64 },
    /// Well-formed, but the root element is neither NITF nor NewsML-G2.
    NotAFeed { root: String },
    /// A feed item without any headline or paragraph.
    Empty,
}

/// What the element being read is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Headline,
    Byline,
    Dateline,
    Standfirst,
    Paragraph,
    /// `inlineData`: plain text, paragraphs separated by blank lines.
    InlineText,
}

/// Read an XML story. Returns the format and the article.
pub(super) fn read(text: &str) -> Result<(Feed, Article), FeedError> {
    let mut reader = Reader::from_str(text);
    let mut feed = None;
    let mut path: Vec<String> = Vec::new();
    let mut open: Option<(Slot, usize, String)> = None;
    let mut article = Article::default();
    let mut items = 0;
    loop {
        let event = reader.read_event().map_err(|e| FeedError::Malformed {
            reason: e.to_string(),
            offset: reader.buffer_position(),
        })?;
        match event {
            Event::Start(start) => {
                let name = local_name(start.name().as_ref());
                if feed.is_none() {
                    feed = Some(root_feed(&name)?);
                }
                if name == "newsItem" {
                    items += 1;
                }
                path.push(name);
                // Only the first item of a message is read.
                if open.is_none() && items <= 1 {
                    open = slot(&path, &article).map(|s| (s, path.len(), String::new()));
                }
            }
            Event::Empty(start) => {
                let name = local_name(start.name().as_ref());
                if feed.is_none() {
                    feed = Some(root_feed(&name)?);
                }
                if open.is_some() && name == "br" {
                    push_text(&mut open, " ");
                }
            }
            Event::End(_) => {
                if let Some((slot, depth, _)) = &open
                    && *depth == path.len()
                {
                    let slot = *slot;
                    let text = open.take().map(|(_, _, t)| t).unwrap_or_default();
                    store(&mut article, slot, &text);
                }
                path.pop();
            }
            Event::Text(_) | Event::GeneralRef(_) | Event::CData(_) => {
                let text = character_data(&event).map_err(|reason| FeedError::Malformed {
                    reason,
                    offset: reader.buffer_position(),
                })?;
                push_text(&mut open, &text);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let feed = feed.ok_or(FeedError::NotAFeed {
        root: String::new(),
    })?;
    if article.body.is_empty() && article.headline.is_none() {
        return Err(FeedError::Empty);
    }
    Ok((feed, article))
}

/// The characters of a text, entity reference or CDATA event, entities resolved.
fn character_data(event: &Event) -> Result<String, String> {
    match event {
        Event::Text(t) => {
            let text = t.decode().map_err(|e| e.to_string())?;
            let text = quick_xml::escape::unescape(&text).map_err(|e| e.to_string())?;
            Ok(text.into_owned())
        }
        // An entity the XML standard does not define (a DTD's own) reads as nothing.
        Event::GeneralRef(r) => {
            let name = r.decode().map_err(|e| e.to_string())?;
            Ok(quick_xml::escape::unescape(&format!("&{name};"))
                .map(|c| c.into_owned())
                .unwrap_or_default())
        }
        Event::CData(c) => Ok(String::from_utf8_lossy(c).into_owned()),
        _ => Ok(String::new()),
    }
}

fn push_text(open: &mut Option<(Slot, usize, String)>, text: &str) {
    if let Some((_, _, buf)) = open {
        buf.push_str(text);
    }
}

/// The element name without its namespace prefix.
fn local_name(qualified: &[u8]) -> String {
    let name = String::from_utf8_lossy(qualified);
    match name.rsplit_once(':') {
        Some((_, local)) => local.to_string(),
        None => name.into_owned(),
    }
}

fn root_feed(root: &str) -> Result<Feed, FeedError> {
    match root {
        "nitf" => Ok(Feed::Nitf),
        "newsItem" | "newsMessage" => Ok(Feed::NewsMlG2),
        other => Err(FeedError::NotAFeed {
            root: other.to_string(),
        }),
    }
}

/// What the element at the end of `path` holds, if it is one the article takes.
fn slot(path: &[String], article: &Article) -> Option<Slot> {
    let name = path.last()?.as_str();
    let inside = |ancestor: &str| path.iter().any(|p| p == ancestor);
    let in_body = inside("body.content") || inside("inlineXML");
    match name {
        "hl1" | "headline" if article.headline.is_none() && !in_body => Some(Slot::Headline),
        "byline" | "by" if article.byline.is_none() => Some(Slot::Byline),
        "dateline" if article.dateline.is_none() => Some(Slot::Dateline),
        "abstract" | "description" if article.standfirst.is_none() && !in_body => {
            Some(Slot::Standfirst)
        }
        "p" | "hl2" | "li" if in_body => Some(Slot::Paragraph),
        "inlineData" => Some(Slot::InlineText),
        _ => None,
    }
}

fn store(article: &mut Article, slot: Slot, text: &str) {
    if slot == Slot::InlineText {
        let paragraphs = text.split("\n\n").map(normalize).filter(|p| !p.is_empty());
        article.body.extend(paragraphs);
        return;
    }
    let text = normalize(text);
    if text.is_empty() {
        return;
    }
    match slot {
        Slot::Headline => article.headline = Some(text),
        Slot::Byline => article.byline = Some(text),
        Slot::Dateline => article.dateline = Some(text),
        Slot::Standfirst => article.standfirst = Some(text),
        Slot::Paragraph | Slot::InlineText => article.body.push(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NITF: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<nitf><head><title>Port strike</title></head>
<body><body.head><hedline><hl1>Dockworkers strike</hl1></hedline>
<byline>By <person>Ann Lee</person></byline>
<dateline><location>KESTRA</location>, <story.date>March 4</story.date></dateline></body.head>
<body.content><p>First &amp; foremost.</p><p>Second
 line.</p></body.content></body></nitf>"#;

    #[test]
    fn reads_nitf() {
        let (feed, article) = read(NITF).unwrap();
        assert_eq!(feed, Feed::Nitf);
        assert_eq!(article.headline.as_deref(), Some("Dockworkers strike"));
        assert_eq!(article.byline.as_deref(), Some("By Ann Lee"));
        assert_eq!(article.dateline.as_deref(), Some("KESTRA, March 4"));
        assert_eq!(article.body, vec!["First & foremost.", "Second line."]);
    }

    #[test]
    fn reads_newsml_g2_with_inline_xhtml() {
        let g2 = r#"<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentMeta>
            <headline>Port strike</headline><by>Ann Lee</by></contentMeta>
            <contentSet><inlineXML contenttype="application/xhtml+xml">
            <html xmlns="http://www.w3.org/1999/xhtml"><body><p>One.</p><p>Two.</p></body></html>
            </inlineXML></contentSet></newsItem>"#;
        let (feed, article) = read(g2).unwrap();
        assert_eq!(feed, Feed::NewsMlG2);
        assert_eq!(article.headline.as_deref(), Some("Port strike"));
        assert_eq!(article.body, vec!["One.", "Two."]);
    }

    #[test]
    fn other_xml_and_broken_xml_are_refused() {
        assert_eq!(
            read("<rss><channel/></rss>"),
            Err(FeedError::NotAFeed { root: "rss".into() })
        );
        assert!(matches!(
            read("<nitf><body></nitf>"),
            Err(FeedError::Malformed { .. })
        ));
        assert_eq!(read("<nitf><body/></nitf>"), Err(FeedError::Empty));
    }
}
