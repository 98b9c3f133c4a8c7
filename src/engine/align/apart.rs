//! Furniture aligned apart from the story: each version is seen as two views, its story
//! (body text and dateline) and its page furniture (boilerplate), each aligned on its own
//! and mapped back to the version's sentence numbers. In the story view a furniture line
//! is simply not there, so no aligner pass can trip over it: a sentence split around an
//! "Advertisement" line is two neighbours, the headline after a block of captions is near
//! the story, and no gap, corridor, reach or anchor spacing counts furniture lines as
//! distance. Furniture links only to furniture, as before.

use std::sync::Arc;

use crate::engine::align::pairing::Pairing;
use crate::engine::model::{SentenceKind, Version};

/// One view of a version: the sentences of one side of the story/furniture divide, and
/// the index in the version of each of them.
pub(super) struct View {
    pub(super) version: Version,
    pub(super) indices: Vec<usize>,
}

/// Whether `version` has any furniture (without it, the story view is the version).
pub(super) fn has_furniture(version: &Version) -> bool {
    version
        .sentences
        .iter()
        .any(|sentence| sentence.kind == SentenceKind::Boilerplate)
}

/// The story view of `version` (`furniture` false) or its furniture view (true).
pub(super) fn view(version: &Version, furniture: bool) -> View {
    let indices: Vec<usize> = (0..version.sentences.len())
        .filter(|&i| (version.sentences[i].kind == SentenceKind::Boilerplate) == furniture)
        .collect();
    View {
        version: Version {
            name: version.name.clone(),
            label: version.label.clone(),
            // The aligner reads sentences only; the text's size is theirs (`sides::size`).
            text: Arc::from(""),
            sentences: indices
                .iter()
                .map(|&i| version.sentences[i].clone())
                .collect(),
        },
        indices,
    }
}

/// `pairing`, found between views `base` and `other`, in the versions' sentence numbers.
pub(super) fn map_back(mut pairing: Pairing, base: &View, other: &View) -> Pairing {
    for index in &mut pairing.base {
        *index = base.indices[*index];
    }
    for index in &mut pairing.other {
        *index = other.indices[*index];
    }
    pairing
}
