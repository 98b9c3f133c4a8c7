//! What is reported about a set of aligned versions: per-version statistics, the N-way
//! collation rows, the likely original, and the derivation tree of which version shares
//! most text with which.

pub mod collate;
pub mod derivation;
pub(crate) mod origin;
pub(crate) mod shingles;
pub(crate) mod sketch;
pub mod stats;
