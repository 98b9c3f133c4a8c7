//! The interactive viewer: Compare, Overview and Help screens over an `Analysis`.
