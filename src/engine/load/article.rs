//! An article read from a page or a wire feed: its elements (headline, standfirst, byline,
//! dateline, date, body paragraphs, captions) and the two texts made of them: the whole
//! article that wirediff compares, and the body alone.

/// The elements of one article, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Article {
    pub headline: Option<String>,
    pub standfirst: Option<String>,
    /// Author names as the source gives them (without "By").
    pub byline: Option<String>,
    /// Place (and date) line of wire copy, e.g. "KESTRA, March 4".
    pub dateline: Option<String>,
    /// The publication date as the source declares it (ISO 8601 ones are written out as
    /// people write dates in [`Article::text`]).
    pub published: Option<String>,
    pub body: Vec<String>,
    pub captions: Vec<String>,
}

impl Article {
    /// The body paragraphs, separated by blank lines.
    pub(crate) fn body_text(&self) -> String {
        join_paragraphs(self.body.iter().map(String::as_str))
    }

    /// Every element as a paragraph: headline, standfirst, byline (`By ...`), dateline,
    /// date (`Published ...`), body, captions (`Photo: ...`); written so that the
    /// boilerplate marker folds the byline, date and captions as it does in text copy.
    pub(crate) fn text(&self) -> String {
        let byline = self.byline.as_ref().map(|b| {
            if b.to_lowercase().starts_with("by ") {
                b.clone()
            } else {
                format!("By {b}")
            }
        });
        let published = self
            .published
            .as_ref()
            .map(|d| format!("Published {}", readable_date(d)));
        let captions = self.captions.iter().map(|c| format!("Photo: {c}"));
        let elements: Vec<String> = self
            .headline
            .iter()
            .chain(self.standfirst.iter())
            .cloned()
            .chain(byline)
            .chain(self.dateline.iter().cloned())
            .chain(published)
            .chain(self.body.iter().cloned())
            .chain(captions)
            .collect();
        join_paragraphs(elements.iter().map(String::as_str))
    }
}

/// Paragraphs separated by blank lines, ending with a newline (empty when there are none).
fn join_paragraphs<'a>(paragraphs: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for p in paragraphs {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(p);
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// An ISO 8601 date (`2025-03-04T09:12:00Z`) written as people write dates ("March 4,
/// 2025 09:12 UTC"), which the boilerplate marker knows for a date line; other forms are
/// kept as the page gives them.
fn readable_date(date: &str) -> String {
    let parsed = (|| {
        let (day, time) = match date.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (date, None),
        };
        let mut parts = day.split('-');
        let year: u32 = parts.next()?.parse().ok()?;
        let month: usize = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        let month = MONTH_NAMES.get(month.checked_sub(1)?)?;
        let mut out = format!("{month} {day}, {year}");
        if let Some(time) = time
            && let Some(hm) = time.get(..5)
            && hm.as_bytes().get(2) == Some(&b':')
        {
            out.push(' ');
            out.push_str(hm);
            if time.ends_with('Z') {
                out.push_str(" UTC");
            }
        }
        Some(out)
    })();
    parsed.unwrap_or_else(|| date.to_string())
}

/// Whitespace runs (newlines, tabs, no-break spaces) become one space; ends trimmed.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(char::is_whitespace) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_puts_each_element_in_its_paragraph() {
        let article = Article {
            headline: Some("Port strike".into()),
            byline: Some("Ann Lee".into()),
            dateline: Some("KESTRA, March 4".into()),
            body: vec!["One.".into(), "Two.".into()],
            captions: vec!["Ships at anchor.".into()],
            ..Article::default()
        };
        assert_eq!(
            article.text(),
            "Port strike\n\nBy Ann Lee\n\nKESTRA, March 4\n\nOne.\n\nTwo.\n\nPhoto: Ships at anchor.\n"
        );
        assert_eq!(article.body_text(), "One.\n\nTwo.\n");
        assert_eq!(Article::default().text(), "");
    }

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(
            readable_date("2025-03-04T09:12:00Z"),
            "March 4, 2025 09:12 UTC"
        );
        assert_eq!(readable_date("2025-03-04"), "March 4, 2025");
        assert_eq!(
            readable_date("2025-03-04T09:12:00+01:00"),
            "March 4, 2025 09:12"
        );
        assert_eq!(readable_date("04/03/2025"), "04/03/2025");
        assert_eq!(readable_date("2025-13-04"), "2025-13-04");
    }

    #[test]
    fn normalize_collapses_whitespace() {
        assert_eq!(normalize("  a\n\tb\u{a0} c "), "a b c");
    }
}
