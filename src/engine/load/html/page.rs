//! What the page's own markup says about its article, read once from the DOM: the
//! headline (`og:title`, `<h1>`, JSON-LD `headline`), the standfirst, byline and date, the
//! JSON-LD `articleBody`, the photo captions, the texts of every link (a paragraph that is
//! wholly one link is a teaser, not story) and the site the page comes from.

use dom_query::Document;
use serde_json::Value;

use crate::engine::load::article::normalize;

/// Facts about one page from its markup.
#[derive(Debug, Default)]
pub(super) struct PageFacts {
    /// Headline candidates, best first (`og:title`, JSON-LD `headline`, `<h1>`, `<title>`).
    pub headlines: Vec<String>,
    /// Standfirst candidates: the page's descriptions that are not one of its paragraphs.
    pub standfirsts: Vec<String>,
    /// Elements that hold a standfirst by their class (`dek`, `standfirst`, ...).
    pub standfirst_elements: Vec<String>,
    /// The author names the page declares.
    pub authors: Vec<String>,
    /// The publication date as the page declares it (ISO 8601 usually).
    pub published: Option<String>,
    /// The JSON-LD `articleBody`, normalised, when the page has one.
    pub article_body: Option<String>,
    /// Photo captions (`<figcaption>`, elements classed `caption`).
    pub captions: Vec<String>,
    /// The normalised text of every link to the page's own site.
    pub link_texts: rustc_hash::FxHashSet<String>,
    /// The host of the page's canonical address, when it declares one.
    pub site: Option<String>,
    /// The dateline element's text ("KESTRA, March 4 (Meridian Press) -"), which article
    /// extraction drops with the page's other small elements.
    pub dateline: Option<String>,
}

/// Most words of a dateline element: a longer element so classed holds the story.
const MAX_DATELINE_WORDS: usize = 12;

/// Class or id words that name a standfirst.
const STANDFIRST_CLASSES: &[&str] = &[
    "standfirst",
    "dek",
    "subheadline",
    "sub-headline",
    "subtitle",
    "strapline",
    "article-summary",
    "article__summary",
    "summary",
    "excerpt",
];

/// Longest author name taken from a byline element, in words.
const MAX_AUTHOR_WORDS: usize = 6;

/// Read the facts of a parsed page.
pub(super) fn facts(doc: &Document) -> PageFacts {
    let mut facts = PageFacts::default();
    json_ld(doc, &mut facts);
    meta_tags(doc, &mut facts);
    for node in doc
        .select(r#"[itemprop="author"], [rel="author"], .byline, .author"#)
        .nodes()
    {
        let text = normalize(&node.text());
        let text = text.strip_prefix("By ").unwrap_or(&text).to_string();
        if (1..=MAX_AUTHOR_WORDS).contains(&text.split_whitespace().count()) {
            facts.authors.push(text);
        }
    }
    if facts.published.is_none() {
        facts.published = doc
            .select_single("time[datetime]")
            .attr("datetime")
            .map(|d| normalize(&d))
            .filter(|d| !d.is_empty());
    }
    facts.dateline = doc
        .select(r#"[class*="dateline"], [itemprop="dateline"]"#)
        .nodes()
        .iter()
        .map(|node| normalize(&node.text()))
        .find(|text| (1..=MAX_DATELINE_WORDS).contains(&text.split_whitespace().count()));
    for sel in ["h1", "title"] {
        if let Some(text) = first_text(doc, sel) {
            facts.headlines.push(text);
        }
    }
    for node in doc.select("figcaption, [class*=caption]").nodes() {
        let text = normalize(&node.text());
        if !text.is_empty() {
            facts.captions.push(text);
        }
    }
    let anchors = doc.select("a");
    let home = facts.site.clone().or_else(|| most_linked_host(&anchors));
    for node in anchors.nodes() {
        let internal = node
            .attr("href")
            .is_none_or(|href| is_internal(&href, home.as_deref()));
        let text = normalize(&node.text());
        if internal && !text.is_empty() {
            facts.link_texts.insert(text);
        }
    }
    for node in doc.select("[class], [id]").nodes() {
        let names = format!("{} {}", node.attr_or("class", ""), node.attr_or("id", ""))
            .to_ascii_lowercase();
        if names
            .split(|c: char| c.is_whitespace())
            .any(|w| STANDFIRST_CLASSES.contains(&w))
        {
            let text = normalize(&node.text());
            if !text.is_empty() {
                facts.standfirst_elements.push(text);
            }
        }
    }
    // A description that is also a paragraph of the page is the lead, not a standfirst.
    if !facts.standfirsts.is_empty() {
        let paragraphs: rustc_hash::FxHashSet<String> = doc
            .select("p")
            .nodes()
            .iter()
            .map(|p| normalize(&p.text()).to_lowercase())
            .collect();
        facts
            .standfirsts
            .retain(|s| !paragraphs.contains(&s.to_lowercase()));
    }
    facts
}

fn first_text(doc: &Document, sel: &str) -> Option<String> {
    let text = normalize(&doc.select_single(sel).text());
    (!text.is_empty()).then_some(text)
}

fn meta_content(doc: &Document, sel: &str) -> Option<String> {
    let node = doc.select_single(sel);
    let text = normalize(&node.attr("content")?);
    (!text.is_empty()).then_some(text)
}

fn meta_tags(doc: &Document, facts: &mut PageFacts) {
    if let Some(title) = meta_content(doc, r#"meta[property="og:title"]"#) {
        facts.headlines.insert(0, title);
    }
    for sel in [
        r#"meta[property="og:description"]"#,
        r#"meta[name="description"]"#,
    ] {
        if let Some(text) = meta_content(doc, sel) {
            facts.standfirsts.push(text);
        }
    }
    if let Some(author) = meta_content(doc, r#"meta[name="author"]"#) {
        facts.authors.push(author);
    }
    if facts.published.is_none() {
        facts.published = meta_content(doc, r#"meta[property="article:published_time"]"#);
    }
    let canonical = doc
        .select_single(r#"link[rel="canonical"]"#)
        .attr("href")
        .map(|h| h.to_string())
        .or_else(|| meta_content(doc, r#"meta[property="og:url"]"#));
    facts.site = canonical.as_deref().and_then(host);
}

/// The host most links of the page point to: the page's own site, when it does not
/// declare its address.
fn most_linked_host(anchors: &dom_query::Selection) -> Option<String> {
    let mut counts: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    for node in anchors.nodes() {
        if let Some(h) = node.attr("href").and_then(|href| host(&href)) {
            *counts.entry(h).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(h, _)| h)
}

/// Whether a link stays on the page's site (a relative address, or the same host):
/// where teasers for the site's other stories point. Links to other sites (shops,
/// sources) are part of what a story says.
fn is_internal(href: &str, site: Option<&str>) -> bool {
    let href = href.trim();
    if href.starts_with("//") || href.contains("://") {
        let absolute = if href.starts_with("//") {
            format!("http:{href}")
        } else {
            href.to_string()
        };
        return site.is_some_and(|site| host(&absolute).as_deref() == Some(site));
    }
    true
}

/// The host part of an absolute address.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

/// The JSON-LD blocks: the first news or article object gives headline, body, authors and
/// date.
fn json_ld(doc: &Document, facts: &mut PageFacts) {
    for node in doc.select(r#"script[type="application/ld+json"]"#).nodes() {
        let Ok(value) = serde_json::from_str::<Value>(node.text().trim()) else {
            continue;
        };
        if let Some(article) = find_article(&value) {
            read_article(article, facts);
            return;
        }
    }
}

/// The first object whose `@type` names an article (searched through arrays and `@graph`).
fn find_article(value: &Value) -> Option<&Value> {
    match value {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(map) => {
            let is_article = match map.get("@type") {
                Some(Value::String(t)) => is_article_type(t),
                Some(Value::Array(ts)) => {
                    ts.iter().any(|t| t.as_str().is_some_and(is_article_type))
                }
                _ => false,
            };
            if is_article {
                Some(value)
            } else {
                map.get("@graph").and_then(find_article)
            }
        }
        _ => None,
    }
}

fn is_article_type(name: &str) -> bool {
    name.ends_with("Article") || name == "BlogPosting" || name == "Report"
}

fn read_article(article: &Value, facts: &mut PageFacts) {
    let text = |key: &str| {
        article
            .get(key)
            .and_then(Value::as_str)
            .map(normalize_body)
            .filter(|t| !t.is_empty())
    };
    if let Some(headline) = text("headline") {
        facts.headlines.push(normalize(&headline));
    }
    facts.article_body = text("articleBody");
    facts.published = text("datePublished");
    if let Some(description) = text("description") {
        facts.standfirsts.push(normalize(&description));
    }
    let names = |v: &Value| -> Vec<String> {
        let one = |a: &Value| match a {
            Value::String(s) => Some(normalize(s)),
            Value::Object(m) => m.get("name").and_then(Value::as_str).map(normalize),
            _ => None,
        };
        match v {
            Value::Array(items) => items.iter().filter_map(one).collect(),
            other => one(other).into_iter().collect(),
        }
    };
    if let Some(author) = article.get("author") {
        facts
            .authors
            .extend(names(author).into_iter().filter(|n| !n.is_empty()));
    }
}

/// A JSON-LD body keeps its paragraph breaks; entities some sites leave in it are decoded
/// by a parse of its own.
fn normalize_body(text: &str) -> String {
    if text.contains('&') || text.contains('<') {
        let doc = Document::fragment(text);
        return doc.text().trim().to_string();
    }
    text.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_from_addresses() {
        assert_eq!(
            host("https://www.example.com/a/b?c").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            host("http://news.example.org").as_deref(),
            Some("news.example.org")
        );
        assert_eq!(host("/relative/path"), None);
    }

    #[test]
    fn reads_json_ld_article() {
        let html = r#"<html><head><script type="application/ld+json">
            {"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "headline": "Port strike",
             "articleBody": "One. Two &amp; three.", "author": [{"name": "Ann Lee"}],
             "datePublished": "2025-03-04T09:00:00Z"}]}</script></head><body></body></html>"#;
        let facts = facts(&Document::from(html));
        assert_eq!(facts.headlines, vec!["Port strike".to_string()]);
        assert_eq!(facts.article_body.as_deref(), Some("One. Two & three."));
        assert_eq!(facts.authors, vec!["Ann Lee".to_string()]);
        assert_eq!(facts.published.as_deref(), Some("2025-03-04T09:00:00Z"));
    }
}
