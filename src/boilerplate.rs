//! Page furniture detection: navigation lists, "Related Topics", "Recent Stories",
//! "Original url:", "Leave a Reply", bylines, datelines, photo credits, copyright lines.
//! Marked, never deleted.

use crate::model::Sentence;

/// Set `boilerplate` on the sentences that are page furniture.
pub fn mark(sentences: &mut [Sentence]) {
    let _ = sentences;
    todo!("boilerplate::mark")
}
