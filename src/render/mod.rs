//! What the exports and the viewer share: display width and layout rows (each side of a
//! row wrapped to an exact column width and padded to the same height), and the symbols of link and row kinds.

pub mod layout;
pub mod symbols;
pub mod width;
