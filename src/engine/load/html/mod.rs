//! Saved web pages: the article in a page, as the elements wirediff compares. The page is
//! parsed once for what its markup declares ([`page`]: headline, standfirst, byline, date,
//! captions, JSON-LD `articleBody`, link texts), its main text is found by `rs-trafilatura`,
//! and the paragraphs it returns are sorted into story and page furniture by rules that
//! know what a news page holds ([`filter`]). With several pages of one story, text that
//! two pages share is story and a line only one site has near the edges is chrome
//! ([`shared`]).

mod extracted;
mod filter;
mod page;
mod shared;

use dom_query::Document;

pub(crate) use extracted::Page;
use filter::{Role, word_count};

use super::article::{Article, normalize};

/// Why a page has no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PageError {
    /// Nothing that reads as an article's text was found.
    NoArticle,
}

/// A page is an article when a body paragraph ends as a sentence and has this many words
/// (or, in scripts written without spaces, characters)...
const MIN_PROSE_WORDS: usize = 8;
const MIN_PROSE_CHARS: usize = 40;
/// ... or when its body text has this many characters in all.
const MIN_BODY_CHARS: usize = 300;

/// Parse one page and sort its text into blocks.
pub(crate) fn read_page(html: &str) -> Result<Page, PageError> {
    let doc = Document::from(html);
    let facts = page::facts(&doc);
    drop(doc);
    // Every page wirediff reads is taken for an article: the page-type classifier is
    // skipped (a third of the time, and the same scores on the benchmark).
    let options = rs_trafilatura::Options {
        include_images: false,
        page_type: Some(rs_trafilatura::page_type::PageType::Article),
        ..rs_trafilatura::Options::default()
    };
    let main_text = rs_trafilatura::extract_with_options(html, &options)
        .map(|r| r.content_text)
        .unwrap_or_default();
    let paragraphs: Vec<String> = main_text
        .split('\n')
        .map(normalize)
        .filter(|p| !p.is_empty())
        .collect();
    let blocks = filter::sort(paragraphs, &facts);
    let byline = byline(&facts.authors);
    let page = Page {
        headline: facts.headlines.first().cloned(),
        standfirst: facts.standfirst_elements.first().cloned(),
        byline,
        published: facts.published.clone(),
        captions: dedup(facts.captions.clone()),
        site: facts.site.clone(),
        dateline: facts.dateline.clone(),
        blocks,
    };
    let body = page.blocks.iter().filter(|b| b.role == Role::Body);
    let has_prose = body.clone().any(|b| {
        (word_count(&b.text) >= MIN_PROSE_WORDS || b.text.chars().count() >= MIN_PROSE_CHARS)
            && filter::ends_sentence(&b.text)
    });
    let chars: usize = body.map(|b| b.text.chars().count()).sum();
    if !has_prose && chars < MIN_BODY_CHARS {
        return Err(PageError::NoArticle);
    }
    Ok(page)
}

/// The articles of pages given together (one page alone is its own judge).
pub(crate) fn articles(mut pages: Vec<Page>) -> Vec<Article> {
    if pages.len() > 1 {
        shared::refine(&mut pages);
    }
    pages.into_iter().map(article).collect()
}

fn article(page: Page) -> Article {
    let text_of = |role: Role| {
        page.blocks
            .iter()
            .find(|b| b.role == role)
            .map(|b| b.text.clone())
    };
    let standfirst = text_of(Role::Standfirst).or(page.standfirst);
    let mut captions: Vec<String> = page.captions.clone();
    for b in page.blocks.iter().filter(|b| b.role == Role::Caption) {
        if !captions.contains(&b.text) {
            captions.push(b.text.clone());
        }
    }
    // The dateline element, unless the body's first paragraph still opens with it.
    let first_body = text_of(Role::Body).unwrap_or_default().to_lowercase();
    let dateline = page
        .dateline
        .filter(|d| !first_body.starts_with(&d.to_lowercase()));
    Article {
        headline: page.headline.or_else(|| text_of(Role::Headline)),
        standfirst,
        byline: page.byline.or_else(|| text_of(Role::Byline)),
        dateline,
        published: page.published,
        body: page
            .blocks
            .into_iter()
            .filter(|b| b.role == Role::Body)
            .map(|b| b.text)
            .collect(),
        captions,
    }
}

/// `NAME`, `NAME and NAME`, `NAME, NAME and NAME`; none when the page names no author.
fn byline(authors: &[String]) -> Option<String> {
    let authors = dedup(authors.to_vec());
    match authors.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        [rest @ .., last] => Some(format!("{} and {last}", rest.join(", "))),
    }
}

fn dedup(items: Vec<String>) -> Vec<String> {
    let mut seen = rustc_hash::FxHashSet::default();
    items
        .into_iter()
        .filter(|i| seen.insert(i.clone()))
        .collect()
}

/// Words of a text, as separated by whitespace.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_join_names() {
        assert_eq!(byline(&[]), None);
        assert_eq!(
            byline(&["Ann Lee".into(), "Ann Lee".into()]).as_deref(),
            Some("Ann Lee")
        );
        let three = ["A".into(), "B".into(), "C".into()];
        assert_eq!(byline(&three).as_deref(), Some("A, B and C"));
    }

    #[test]
    fn a_page_without_an_article_is_refused() {
        let page = "<html><body><nav><a href=/a>World</a> <a href=/b>Sport</a></nav></body></html>";
        assert_eq!(read_page(page).unwrap_err(), PageError::NoArticle);
    }
}
