//! A linked pair of story text, as the finding rules see it: the link, both sides'
//! joined text, and the edits that may change meaning.

use crate::engine::model::{Edit, EditClass, Finding, FindingClass, Link};

/// A linked pair of story text: the link and both sides' joined text.
pub(crate) struct Pair<'a> {
    pub(crate) base: String,
    pub(crate) other: String,
    pub(crate) link: &'a Link,
    pub(crate) index: usize,
}

impl Pair<'_> {
    /// A finding of this link with the two sides' text.
    pub(crate) fn finding(&self, class: FindingClass, base: &str, other: &str) -> Finding {
        Finding {
            class,
            base: base.to_string(),
            other: other.to_string(),
            base_sentences: self.link.base.clone(),
            other_sentences: self.link.other.clone(),
            link: Some(self.index),
        }
    }

    /// The edits that may change meaning: not punctuation, case or spelling only, and
    /// not inside a quotation on both sides (the quotation comparison judges those).
    pub(crate) fn edits(&self) -> impl Iterator<Item = (usize, &Edit)> {
        self.link.diff.edits.iter().enumerate().filter(|(_, e)| {
            !e.in_quote
                && !matches!(
                    e.class,
                    EditClass::Punctuation | EditClass::Case | EditClass::Spelling
                )
        })
    }
}
