//! Entry points to single stages, for the benchmarks in `benches/` only (hidden from the
//! documentation; not a stable interface).

pub use super::align::align;
pub use super::diff::diff as word_diff;
pub use super::segment::segment;

/// One input segmented (with boilerplate marked) into a version.
pub fn version(input: &super::Input) -> super::Version {
    super::version(input, super::SegmentMode::Prose)
}

/// The article of one saved page, as `wirediff extract` prints it (none when the page has
/// no article).
pub fn extract_page(html: &str) -> Option<String> {
    super::load::page_text(html)
}
