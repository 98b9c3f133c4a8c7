//! Per-version statistics against the base: share of base sentences carried, counts per
//! link kind, added and deleted sentences, boilerplate, an overall similarity figure.

use crate::model::{Link, Stats, Version};

pub fn compute(
    base: &Version,
    other: &Version,
    links: &[Link],
    unmatched_base: &[usize],
    unmatched_other: &[usize],
) -> Stats {
    let _ = (base, other, links, unmatched_base, unmatched_other);
    todo!("stats::compute")
}
