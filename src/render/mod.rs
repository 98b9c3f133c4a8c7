//! What the exports and the viewer share: display width and layout rows (each side of a
//! row wrapped to an exact column width and padded to the same height), the symbols of
//! link and row kinds, what each overview cell holds, how findings are worded, ordered and placed in rows, and the
//! escaping of names and text for the terminal ([`safe`]).

pub mod findings;
pub mod layout;
pub mod overview;
pub mod safe;
pub mod symbols;
pub mod width;
