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
    /// The publication date as the source declares it.
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
        let published = self.published.as_ref().map(|d| format!("Published {d}"));
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
    fn normalize_collapses_whitespace() {
        assert_eq!(normalize("  a\n\tb\u{a0} c "), "a b c");
    }
}
