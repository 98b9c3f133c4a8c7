//! What is reported about a set of aligned versions: per-version statistics, the N-way
//! collation rows, and the derivation tree of who most likely copies whom.

pub mod collate;
pub mod derivation;
pub mod stats;
