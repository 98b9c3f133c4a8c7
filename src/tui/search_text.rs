//! What the search looks in: each version's sentences lower-cased (made the first time a
//! search needs them, then kept), and whether a pair row's text contains a query.

use crate::engine::{Analysis, PairRow};

/// Lower-cased sentences per version; `None` until a search first needs them.
#[derive(Debug)]
pub(super) struct LowerCased {
    versions: Vec<Option<Vec<String>>>,
}

impl LowerCased {
    pub(super) fn new(version_count: usize) -> LowerCased {
        LowerCased {
            versions: vec![None; version_count],
        }
    }

    /// Make the lower-cased sentences of `versions` (base and shown) not made yet.
    pub(super) fn prepare(&mut self, analysis: &Analysis, versions: [usize; 2]) {
        for version in versions {
            if self.versions[version].is_none() {
                let lowered = analysis.versions[version]
                    .sentences
                    .iter()
                    .map(|sentence| sentence.text.to_lowercase())
                    .collect();
                self.versions[version] = Some(lowered);
            }
        }
    }

    /// Whether pair row `p` of `pairs` (comparing `base` with `other`) contains `query`,
    /// case-insensitively, on either side. Needs [`LowerCased::prepare`] first.
    pub(super) fn matcher<'a>(
        &'a self,
        query: &str,
        pairs: &'a [PairRow],
        (base, other): (usize, usize),
    ) -> impl Fn(usize) -> bool + 'a {
        let query = query.to_lowercase();
        let base_text = self.versions[base].as_deref().unwrap_or_default();
        let other_text = self.versions[other].as_deref().unwrap_or_default();
        // The sentences of a side joined by spaces (as `State::item_text`) contain the
        // query; one without a space can only be found within a sentence.
        let spaced = query.contains(char::is_whitespace);
        let side = move |lowered: &[String], sentences: &[usize], query: &str| {
            let text = |i: usize| lowered.get(i).map_or("", String::as_str);
            if spaced {
                let joined: Vec<&str> = sentences.iter().map(|&i| text(i)).collect();
                joined.join(" ").contains(query)
            } else {
                sentences.iter().any(|&i| text(i).contains(query))
            }
        };
        move |p: usize| {
            pairs.get(p).is_some_and(|row| {
                side(base_text, &row.base, &query) || side(other_text, &row.other, &query)
            })
        }
    }
}
