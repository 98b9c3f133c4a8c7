//! The two sides of an alignment: each version with the lexical profiles of its sentences
//! (those not matched exactly are profiled up front, the others when a group needs them),
//! the profile and similarity of groups of sentences, and which neighbours must stay in
//! separate groups.

use crate::engine::align::pairing::Used;
use crate::engine::align::similarity::{Profile, Vocabulary, grams_with};
use crate::engine::model::{SentenceKind, Version};
use crate::engine::parallel;

/// One version as the aligner sees it.
pub(super) struct Side<'a> {
    version: &'a Version,
    /// Profiles of the sentences not matched exactly; the others are empty until needed.
    pub(super) profiles: Vec<Profile>,
    profiled: Vec<bool>,
    vocab: &'a Vocabulary,
}

impl Side<'_> {
    /// Number of sentences.
    pub(super) fn len(&self) -> usize {
        self.profiles.len()
    }

    /// The text of sentence `index`.
    pub(super) fn text(&self, index: usize) -> &str {
        &self.version.sentences[index].text
    }

    /// Whether sentence `index` was profiled up front (it is not in an exact pair).
    pub(super) fn is_profiled(&self, index: usize) -> bool {
        self.profiled[index]
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
        if !self.profiled[index] {
            // An exactly matched sentence next to a group: weigh its known terms.
            Profile::new(&self.vocab.lookup(text), self.vocab).with_grams(text)
        } else if self.profiles[index].grams.is_empty() {
            self.profiles[index].clone().with_grams(text)
        } else {
            self.profiles[index].clone()
        }
    }

    /// Set the character n-grams computed by `grams_of`.
    fn set_grams(&mut self, grams: Vec<Option<Vec<u32>>>) {
        for (profile, grams) in self.profiles.iter_mut().zip(grams) {
            if let Some(grams) = grams {
                profile.grams = grams;
            }
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
        || side(base, &ids_base, vocab, grams_base),
        || side(other, &ids_other, vocab, grams_other),
    )
}

/// A side whose sentences with term ids (`ids`) are profiled, with their n-grams `grams`.
fn side<'a>(
    version: &'a Version,
    ids: &[Option<Vec<u32>>],
    vocab: &'a Vocabulary,
    grams: Vec<Option<Vec<u32>>>,
) -> Side<'a> {
    let mut side = Side {
        version,
        profiles: ids
            .iter()
            .map(|ids| {
                ids.as_ref()
                    .map(|ids| Profile::new(ids, vocab))
                    .unwrap_or_default()
            })
            .collect(),
        profiled: ids.iter().map(Option::is_some).collect(),
        vocab,
    };
    side.set_grams(grams);
    side
}

/// Term ids of the sentences that take part in fuzzy comparison (`need`), registering
/// them in `vocab`.
fn term_ids(version: &Version, need: &[bool], vocab: &mut Vocabulary) -> Vec<Option<Vec<u32>>> {
    version
        .sentences
        .iter()
        .zip(need)
        .map(|(sentence, &needed)| needed.then(|| vocab.add(&sentence.text)))
        .collect()
}

/// Character n-grams of the sentences with `need` set (`None` for the others).
fn grams_of(version: &Version, need: &[bool]) -> Vec<Option<Vec<u32>>> {
    version
        .sentences
        .iter()
        .zip(need)
        .scan(Vec::new(), |scratch, (sentence, &needed)| {
            Some(needed.then(|| grams_with(&sentence.text, scratch)))
        })
        .collect()
}

/// A line that does not end like a sentence (no final stop, question or exclamation
/// mark, colon, or closing quotation mark or bracket).
pub(super) fn is_heading_like(text: &str) -> bool {
    !text
        .trim_end()
        .ends_with(['.', '!', '?', '…', ':', ';', '"', '”', '’', '\'', '»', ')'])
}
