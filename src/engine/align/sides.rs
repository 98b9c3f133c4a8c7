//! The two sides of an alignment: each version with the lexical profiles of its sentences
//! (those not matched exactly are profiled up front, the others when a group needs them),
//! the profile and similarity of groups of sentences, and which neighbours must stay in
//! separate groups.

use crate::engine::align::pairing::Used;
use crate::engine::align::similarity::{Profile, Vocabulary, grams_with};
use crate::engine::model::{SentenceKind, Version};
use crate::engine::parallel;

/// Marks a sentence without a profile of its own in [`Side::slots`].
const UNPROFILED: u32 = u32::MAX;

/// The profile of every sentence not profiled up front, until a group needs it.
static EMPTY: Profile = Profile {
    terms: Vec::new(),
    weight: 0.0,
    grams: Vec::new(),
};

/// One version as the aligner sees it.
pub(super) struct Side<'a> {
    version: &'a Version,
    /// Profiles of the sentences not matched exactly, in sentence order: on a reprint
    /// these are few, so they are stored alone, not one (empty) for every sentence.
    profiles: Vec<Profile>,
    /// Per sentence, its profile's index in `profiles`, or [`UNPROFILED`].
    slots: Vec<u32>,
    vocab: &'a Vocabulary,
}

impl Side<'_> {
    /// Number of sentences.
    pub(super) fn len(&self) -> usize {
        self.slots.len()
    }

    /// The profile of sentence `index` made up front (empty unless it is profiled).
    pub(super) fn profile(&self, index: usize) -> &Profile {
        match self.slots[index] {
            UNPROFILED => &EMPTY,
            slot => &self.profiles[slot as usize],
        }
    }

    /// The text of sentence `index`.
    pub(super) fn text(&self, index: usize) -> &str {
        &self.version.sentences[index].text
    }

    /// Whether sentence `index` was profiled up front (it is not in an exact pair).
    pub(super) fn is_profiled(&self, index: usize) -> bool {
        self.slots[index] != UNPROFILED
    }

    /// Whether sentence `index` is story text, page furniture or a dateline: sentences
    /// link only to sentences of their own kind.
    pub(super) fn kind(&self, index: usize) -> SentenceKind {
        self.version.sentences[index].kind
    }

    /// Whether neighbouring sentences `first` and `second` must stay in separate groups:
    /// one is a dateline (it stands apart from the sentence it opened), or they are in
    /// different paragraphs and one of them is a line without final punctuation (a
    /// headline, subhead or caption), which stands on its own rather than being part of a
    /// split sentence.
    pub(super) fn must_stay_apart(&self, first: usize, second: usize) -> bool {
        let (first, second) = (
            &self.version.sentences[first],
            &self.version.sentences[second],
        );
        let dateline = SentenceKind::Dateline;
        (first.kind == dateline) != (second.kind == dateline)
            || first.paragraph != second.paragraph
                && (is_heading_like(&first.text) || is_heading_like(&second.text))
    }

    /// The profile of sentences `group` taken together.
    pub(super) fn group_profile(&self, group: &[usize]) -> Profile {
        let mut merged = self.sentence_profile(group[0]);
        for &index in &group[1..] {
            merged = merged.merge(&self.sentence_profile(index));
        }
        merged
    }

    /// The full profile (terms and character n-grams) of one sentence.
    pub(super) fn sentence_profile(&self, index: usize) -> Profile {
        let text = &self.version.sentences[index].text;
        if !self.is_profiled(index) {
            // An exactly matched sentence next to a group: weigh its known terms.
            Profile::new(&self.vocab.lookup(text), self.vocab).with_grams(text)
        } else if self.profile(index).grams.is_empty() {
            self.profile(index).clone().with_grams(text)
        } else {
            self.profile(index).clone()
        }
    }
}

/// Whether two versions are long enough for their per-version work to be worth a thread.
pub(super) fn is_large(base: &Version, other: &Version) -> bool {
    size(base) + size(other) >= parallel::SMALL_TEXT
}

/// The bytes of a version's sentences (of a view's, whose `text` is left empty).
fn size(version: &Version) -> usize {
    version.sentences.iter().map(|s| s.text.len()).sum()
}

/// The two sides, with the sentences not in `exact` profiled: their terms registered in
/// `vocab` (whose IDF is computed over these sentences of both sides, base first) and,
/// beside that, their character n-grams (the others get theirs on demand in
/// `Side::group_profile`).
pub(super) fn profile_sides<'a>(
    base: &'a Version,
    other: &'a Version,
    exact: &Used,
    vocab: &'a mut Vocabulary,
) -> (Side<'a>, Side<'a>) {
    let not = |flags: &[bool]| flags.iter().map(|flag| !flag).collect::<Vec<bool>>();
    let (need_base, need_other) = (not(&exact.base), not(&exact.other));
    // A side's profiles are indexed by `u32` (a version has fewer sentences than that).
    debug_assert!(need_base.len().max(need_other.len()) < UNPROFILED as usize);
    let large = is_large(base, other);
    let ((ids_base, ids_other), (grams_base, grams_other)) = parallel::join(
        large,
        || {
            let ids_base = term_ids(base, &need_base, vocab);
            (ids_base, term_ids(other, &need_other, vocab))
        },
        || {
            parallel::join(
                large,
                || grams_of(base, &need_base),
                || grams_of(other, &need_other),
            )
        },
    );
    vocab.seal();
    let vocab: &'a Vocabulary = vocab;
    // Each side's profiles weighed beside the other's.
    parallel::join(
        large,
        || side(base, &need_base, &ids_base, vocab, grams_base),
        || side(other, &need_other, &ids_other, vocab, grams_other),
    )
}

/// A side whose sentences with `need` set are profiled: their term ids `ids` and
/// n-grams `grams`, in sentence order.
fn side<'a>(
    version: &'a Version,
    need: &[bool],
    ids: &[Vec<u32>],
    vocab: &'a Vocabulary,
    grams: Vec<Vec<u32>>,
) -> Side<'a> {
    let profiles = ids
        .iter()
        .zip(grams)
        .map(|(ids, grams)| Profile {
            grams,
            ..Profile::new(ids, vocab)
        })
        .collect();
    let mut next = 0;
    let slots = need
        .iter()
        .map(|&needed| {
            if needed {
                next += 1;
                next - 1
            } else {
                UNPROFILED
            }
        })
        .collect();
    Side {
        version,
        profiles,
        slots,
        vocab,
    }
}

/// Term ids of the sentences that take part in fuzzy comparison (`need`), in order,
/// registering them in `vocab`.
fn term_ids(version: &Version, need: &[bool], vocab: &mut Vocabulary) -> Vec<Vec<u32>> {
    version
        .sentences
        .iter()
        .zip(need)
        .filter(|(_, needed)| **needed)
        .map(|(sentence, _)| vocab.add(&sentence.text))
        .collect()
}

/// Character n-grams of the sentences with `need` set, in order.
fn grams_of(version: &Version, need: &[bool]) -> Vec<Vec<u32>> {
    let mut scratch = Vec::new();
    version
        .sentences
        .iter()
        .zip(need)
        .filter(|(_, needed)| **needed)
        .map(|(sentence, _)| grams_with(&sentence.text, &mut scratch))
        .collect()
}

/// A line that does not end like a sentence (no final stop, question or exclamation
/// mark, colon, or closing quotation mark or bracket).
pub(super) fn is_heading_like(text: &str) -> bool {
    !text
        .trim_end()
        .ends_with(['.', '!', '?', '…', ':', ';', '"', '”', '’', '\'', '»', ')'])
}
