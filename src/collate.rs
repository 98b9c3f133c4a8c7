//! Collation: rows of linked sentences in base order. For one comparison (`pair_rows`) and
//! across all versions (`collate`); each version's unmatched sentences are placed after
//! their nearest matched predecessor.

use crate::model::{Comparison, LinkKind, Row, Version};

/// What a row of the two-version view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A link; `moved` when it crosses other links.
    Link { kind: LinkKind, moved: bool },
    /// Base sentences with no partner.
    Deleted,
    /// Other-version sentences with no partner.
    Added,
}

/// One row of the two-version view: base sentences on the left, other sentences on the
/// right (either may be empty), and the link index into `Comparison::links` if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairRow {
    pub kind: RowKind,
    pub base: Vec<usize>,
    pub other: Vec<usize>,
    pub link: Option<usize>,
    /// All sentences of the row (both sides) are boilerplate.
    pub boilerplate: bool,
}

/// Rows of one comparison in base order; unmatched other sentences follow their nearest
/// matched predecessor (in the other version's order).
pub fn pair_rows(base: &Version, other: &Version, cmp: &Comparison) -> Vec<PairRow> {
    let _ = (base, other, cmp);
    todo!("collate::pair_rows")
}

/// N-way collation of all versions against the base.
pub fn collate(versions: &[Version], base: usize, comparisons: &[Comparison]) -> Vec<Row> {
    let _ = (versions, base, comparisons);
    todo!("collate::collate")
}
