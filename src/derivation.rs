//! Derivation: from the pairwise similarity of all versions, which version each one most
//! likely copies, as a tree rooted at the likely original.
