//! E-mail (`.eml`, RFC 5322 with MIME parts), as copy often arrives: the subject is the
//! headline, the sender's name the byline, the date the publication date, and the first
//! text/plain part (quoted-printable or base64, in its declared charset, decoded by
//! `mail-parser`) the body, one paragraph per blank-line-separated block. A message with
//! only an HTML part gives that part's HTML, for the page reader.

use mail_parser::MessageParser;

use super::article::{Article, normalize};

/// Header names whose presence at the very start makes an input an e-mail.
const HEADERS: &[&str] = &[
    "from:",
    "received:",
    "return-path:",
    "message-id:",
    "mime-version:",
    "delivered-to:",
    "date:",
    "subject:",
    "to:",
];

/// How many leading header lines are looked at.
const HEADER_LINES: usize = 40;

/// Whether `bytes` start as an e-mail does: header lines up to a blank line, among them a
/// `From:` and one of `Subject:`, `Date:` or `MIME-Version:`.
pub(super) fn looks_like_mail(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(8192)]).to_ascii_lowercase();
    let mut from = false;
    let mut other = false;
    for (k, line) in head.lines().take(HEADER_LINES).enumerate() {
        if line.trim().is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let known = HEADERS.iter().find(|h| line.starts_with(**h));
        match known {
            Some(&"from:") => from = true,
            Some(&"subject:") | Some(&"date:") | Some(&"mime-version:") => other = true,
            Some(_) => {}
            // The first line must be a known header; later ones may be any `Name: value`.
            None if k == 0 => return false,
            None if !is_header_line(line) => return false,
            None => {}
        }
    }
    from && other
}

fn is_header_line(line: &str) -> bool {
    line.split_once(':').is_some_and(|(name, _)| {
        !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    })
}

/// What a message holds.
pub(super) enum Mail {
    /// A text part: the article.
    Text(Article),
    /// Only an HTML part: its HTML, with the message's subject, sender and date.
    Html { html: String, article: Article },
}

/// Read a message; none when it has no text or HTML part.
pub(super) fn read(bytes: &[u8]) -> Option<Mail> {
    let message = MessageParser::default().parse(bytes)?;
    let article = Article {
        headline: message.subject().map(normalize).filter(|s| !s.is_empty()),
        byline: message
            .from()
            .and_then(|f| f.first())
            .and_then(|a| a.name())
            .map(normalize)
            .filter(|s| !s.is_empty()),
        published: message.date().map(|d| d.to_rfc3339()),
        ..Article::default()
    };
    if let Some(text) = message.body_text(0).filter(|t| !t.trim().is_empty()) {
        let body = text
            .replace("\r\n", "\n")
            .split("\n\n")
            .map(normalize)
            .filter(|p| !p.is_empty())
            .collect();
        return Some(Mail::Text(Article { body, ..article }));
    }
    let html = message.body_html(0)?.into_owned();
    Some(Mail::Html { html, article })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAIL: &str = "From: Lena Varg <lena@meridianpress.example>\r\n\
        To: desk@example.org\r\n\
        Subject: =?UTF-8?Q?Kestra_port_strike_=E2=80=93_update?=\r\n\
        Date: Tue, 4 Mar 2025 09:12:00 +0000\r\n\
        MIME-Version: 1.0\r\n\
        Content-Type: text/plain; charset=utf-8\r\n\
        Content-Transfer-Encoding: quoted-printable\r\n\r\n\
        Dockworkers at Vestmark=E2=80=99s largest port walked off the job.\r\n\r\n\
        Talks resume on Thursday.\r\n";

    #[test]
    fn recognises_and_reads_a_message() {
        assert!(looks_like_mail(MAIL.as_bytes()));
        assert!(!looks_like_mail(
            b"Dockworkers strike\n\nFrom: the port, today.\n"
        ));
        assert!(!looks_like_mail(b"Note: from: nowhere\n"));
        let Some(Mail::Text(article)) = read(MAIL.as_bytes()) else {
            panic!("a text message");
        };
        assert_eq!(
            article.headline.as_deref(),
            Some("Kestra port strike – update")
        );
        assert_eq!(article.byline.as_deref(), Some("Lena Varg"));
        assert_eq!(
            article.body,
            [
                "Dockworkers at Vestmark’s largest port walked off the job.",
                "Talks resume on Thursday."
            ]
        );
    }
}
