//! What the exports and the viewer share: display width and layout rows (each side of a
//! row wrapped to an exact column width and padded to the same height).

pub mod layout;
pub mod width;
