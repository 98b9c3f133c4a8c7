//! What a page yields before the articles are made: its blocks with their roles and the
//! elements around the body (headline, standfirst, byline, date, captions, site).

use super::filter::Block;

/// One page read: its blocks and facts, before the pages given together are compared.
#[derive(Debug)]
pub(crate) struct Page {
    pub(super) blocks: Vec<Block>,
    pub(super) headline: Option<String>,
    /// A standfirst the markup marks as one (shown even when the main text leaves it out).
    pub(super) standfirst: Option<String>,
    pub(super) byline: Option<String>,
    pub(super) published: Option<String>,
    pub(super) captions: Vec<String>,
    pub(super) site: Option<String>,
    /// The dateline element, when the page has one.
    pub(super) dateline: Option<String>,
}
