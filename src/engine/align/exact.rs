//! The exact pairs: sentences with the same text on both sides, found by hashing, without
//! scoring. First the texts found once on each side (as patience diff does); then, in each
//! gap of the longest chain of those, the texts repeated within a version, matched in order
//! (`subsequence`), so that a run of repeats anchors like any other text instead of being
//! left to the similarity passes, where every copy resembles every other. Sentences without
//! a letter or digit are never exact pairs, and boilerplate pairs only with boilerplate.

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::engine::align::chain::lis;
use crate::engine::align::pairing::Used;
use crate::engine::align::sides::is_large;
use crate::engine::align::similarity::normalised_hash;
use crate::engine::align::subsequence::common_subsequence;
use crate::engine::model::{SentenceKind, Version};
use crate::engine::parallel;

/// Most sentences (both sides) around a unique pair for `chain_ends` to weigh whether it
/// costs the repeats around it their order: it matches them three times over, so the
/// work stays bounded when many such pairs follow one another.
const THIN_REGION: usize = 4096;

/// The exact pairs of two versions, and the texts of the sentences not in a unique pair.
pub(super) struct ExactPairs {
    /// Sorted: the unique pairs, and the repeated ones between those that keep their order.
    pub(super) pairs: Vec<(usize, usize)>,
    /// The repeated ones alone, sorted: they are in order by construction.
    pub(super) repeated: Vec<(usize, usize)>,
    /// The repeated texts, for the copies that no pass places (`repair::link_moved_copies`).
    pub(super) keys: TextKeys,
}

impl ExactPairs {
    /// The sentences not in an exact pair whose text is also on the other side outside the
    /// exact pairs: each has a perfect partner somewhere, if not in order.
    pub(super) fn unplaced_copies(&self) -> Used {
        let mut paired = Used::of_pairs(self.keys.base.len(), self.keys.other.len(), &self.pairs);
        let unplaced = |keys: &[Option<u32>], paired: &[bool]| -> HashSet<u32> {
            keys.iter()
                .zip(paired)
                .filter(|(_, done)| !**done)
                .filter_map(|(key, _)| *key)
                .collect()
        };
        let in_base = unplaced(&self.keys.base, &paired.base);
        let in_other = unplaced(&self.keys.other, &paired.other);
        let flag = |keys: &[Option<u32>], paired: &mut [bool], there: &HashSet<u32>| {
            for (key, flag) in keys.iter().zip(paired.iter_mut()) {
                *flag = !*flag && key.is_some_and(|key| there.contains(&key));
            }
        };
        flag(&self.keys.base, &mut paired.base, &in_other);
        flag(&self.keys.other, &mut paired.other, &in_base);
        paired
    }
}

/// The exact pairs of `base` and `other`.
pub(super) fn exact_pairs(base: &Version, other: &Version) -> ExactPairs {
    let (mut pairs, normalised) = unique_pairs(base, other);
    let keys = TextKeys::of(base, other, &pairs, &normalised);
    let mut repeated = repeated_pairs(base, other, &pairs, &keys);
    repeated.sort_unstable();
    pairs.extend(&repeated);
    pairs.sort_unstable();
    ExactPairs {
        pairs,
        repeated,
        keys,
    }
}

/// Pairs of sentences with the same text, once on each side: first by exact display text,
/// then, among the rest, by normalised text (case, quote style, spacing). Sorted.
fn unique_pairs(base: &Version, other: &Version) -> (Vec<(usize, usize)>, NormalisedHashes) {
    let large = is_large(base, other);
    let mut pairs = Vec::new();
    let mut paired_base = vec![false; base.sentences.len()];
    let mut paired_other = vec![false; other.sentences.len()];
    let mut normalised = NormalisedHashes::default();
    for key in [raw_hash as fn(&str) -> u64, normalised_hash] {
        // The other side's keys are computed beside the base's.
        let (keys_base, keys_other) = parallel::join(
            large,
            || unpaired_keys(base, &paired_base, key),
            || unpaired_keys(other, &paired_other, key),
        );
        let mut found = unique_on_both_sides(&keys_base, &paired_base, &keys_other, &paired_other);
        // Sorted before the sentences are looked at, so they are read in order (the
        // table's order is random: on a long story every look-up was a cache miss).
        found.sort_unstable();
        found.retain(|&(i, j)| may_anchor(base, i, other, j));
        for &(i, j) in &found {
            paired_base[i] = true;
            paired_other[j] = true;
        }
        pairs.extend(found);
        normalised = NormalisedHashes {
            base: keys_base,
            other: keys_other,
        };
    }
    pairs.sort_unstable();
    (pairs, normalised)
}

/// The normalised hashes `unique_pairs` computed last: those of every sentence without a
/// unique pair by its exact text (0 for the others), which the repeated texts reuse.
#[derive(Default)]
struct NormalisedHashes {
    base: Vec<u64>,
    other: Vec<u64>,
}

/// A hash of the exact text.
fn raw_hash(text: &str) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    text.hash(&mut hasher);
    hasher.finish()
}

/// Keys of the sentences not paired yet (0 for the others, never looked at).
fn unpaired_keys(version: &Version, paired: &[bool], key: fn(&str) -> u64) -> Vec<u64> {
    version
        .sentences
        .iter()
        .zip(paired)
        .map(|(sentence, &done)| if done { 0 } else { key(&sentence.text) })
        .collect()
}

/// How often a key occurs among the unpaired sentences of each side, and where last.
#[derive(Default)]
struct KeyCount {
    base_count: u32,
    base_last: usize,
    other_count: u32,
    other_last: usize,
}

/// The (base, other) sentences whose key occurs exactly once among the unpaired sentences
/// of each side, in no particular order.
fn unique_on_both_sides(
    keys_base: &[u64],
    paired_base: &[bool],
    keys_other: &[u64],
    paired_other: &[bool],
) -> Vec<(usize, usize)> {
    // Sized for every base sentence up front: a long story's table is never regrown.
    let unpaired = paired_base.iter().filter(|&&done| !done).count();
    let mut by_key: HashMap<u64, KeyCount> =
        HashMap::with_capacity_and_hasher(unpaired, Default::default());
    for (i, &key) in keys_base.iter().enumerate() {
        if !paired_base[i] {
            let count = by_key.entry(key).or_default();
            count.base_count += 1;
            count.base_last = i;
        }
    }
    for (j, &key) in keys_other.iter().enumerate() {
        if !paired_other[j]
            && let Some(count) = by_key.get_mut(&key)
        {
            count.other_count += 1;
            count.other_last = j;
        }
    }
    by_key
        .values()
        .filter(|count| count.base_count == 1 && count.other_count == 1)
        .map(|count| (count.base_last, count.other_last))
        .collect()
}

/// Whether two sentences of the same text may be an exact anchor: both or neither are
/// boilerplate, and the text has a letter or digit.
fn may_anchor(base: &Version, i: usize, other: &Version, j: usize) -> bool {
    let (base_sentence, other_sentence) = (&base.sentences[i], &other.sentences[j]);
    base_sentence.kind == other_sentence.kind && has_word(&base_sentence.text)
}

/// Whether a text has a letter or digit (one without is never an anchor).
fn has_word(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// Pairs of the sentences not in `unique` that share their normalised text (and
/// boilerplate status), matched in order within each gap of the longest chain of `unique`
/// (sorted by base sentence).
fn repeated_pairs(
    base: &Version,
    other: &Version,
    unique: &[(usize, usize)],
    keys: &TextKeys,
) -> Vec<(usize, usize)> {
    let chain: Vec<(usize, usize)> = lis(&unique.iter().map(|&(_, j)| j).collect::<Vec<_>>())
        .into_iter()
        .map(|k| unique[k])
        .collect();
    let ends = chain_ends(&chain, keys, (base.sentences.len(), other.sentences.len()));
    let mut pairs = Vec::new();
    let mut start = (0, 0);
    for end in ends {
        pairs.extend(region_pairs(keys, start, end));
        start = (end.0 + 1, end.1 + 1);
    }
    pairs
}

/// The pairs of `chain` that end the gaps of repeats, then `ends` (the ends of both
/// versions). A unique pair leaves the chain when the repeats around it would pair in
/// order better without it (by more than the one pair it is): a sentence rewritten in
/// place among copies and the same text inserted elsewhere must not push the copies out of
/// order. It stays an exact pair, linked as a move if it is off the final order.
fn chain_ends(
    chain: &[(usize, usize)],
    keys: &TextKeys,
    ends: (usize, usize),
) -> Vec<(usize, usize)> {
    let mut kept = Vec::new();
    let mut start = (0, 0);
    for (k, &pair) in chain.iter().enumerate() {
        let next = chain.get(k + 1).copied().unwrap_or(ends);
        let after = (pair.0 + 1, pair.1 + 1);
        let small = next.0 - start.0 + next.1 - start.1 <= THIN_REGION;
        if small {
            let apart =
                region_pairs(keys, start, pair).len() + 1 + region_pairs(keys, after, next).len();
            if region_pairs(keys, start, next).len() > apart {
                continue;
            }
        }
        kept.push(pair);
        start = after;
    }
    kept.push(ends);
    kept
}

/// The in-order pairs of repeated texts from `start` (inclusive) to `end` (exclusive) on
/// both sides.
fn region_pairs(
    keys: &TextKeys,
    start: (usize, usize),
    end: (usize, usize),
) -> Vec<(usize, usize)> {
    let base_gap = GapKeys::of(&keys.base, start.0..end.0);
    let other_gap = GapKeys::of(&keys.other, start.1..end.1);
    if base_gap.positions.is_empty() || other_gap.positions.is_empty() {
        return Vec::new();
    }
    match_in_order(&base_gap, &other_gap)
}

/// Texts as small numbers, equal for sentences of the same normalised text and boilerplate
/// status (on either side); `None` for the sentences that cannot be a repeated pair (in a
/// unique pair, or without a letter or digit).
pub(super) struct TextKeys {
    pub(super) base: Vec<Option<u32>>,
    pub(super) other: Vec<Option<u32>>,
}

impl TextKeys {
    fn of(
        base: &Version,
        other: &Version,
        unique: &[(usize, usize)],
        normalised: &NormalisedHashes,
    ) -> TextKeys {
        let mut paired_base = vec![false; base.sentences.len()];
        let mut paired_other = vec![false; other.sentences.len()];
        for &(i, j) in unique {
            paired_base[i] = true;
            paired_other[j] = true;
        }
        let hashes_base = free_hashes(base, &paired_base, &normalised.base);
        let hashes_other = free_hashes(other, &paired_other, &normalised.other);
        let mut ids: HashMap<(u64, SentenceKind), u32> = HashMap::default();
        let mut id_of = |hash: Option<(u64, SentenceKind)>| {
            hash.map(|hash| {
                let next = ids.len() as u32;
                *ids.entry(hash).or_insert(next)
            })
        };
        TextKeys {
            base: hashes_base.into_iter().map(&mut id_of).collect(),
            other: hashes_other.into_iter().map(&mut id_of).collect(),
        }
    }
}

/// The normalised hash (from `normalised`, where every unpaired sentence has one) and the
/// kind of every sentence that may be a repeated pair (`None` for the others).
fn free_hashes(
    version: &Version,
    paired: &[bool],
    normalised: &[u64],
) -> Vec<Option<(u64, SentenceKind)>> {
    version
        .sentences
        .iter()
        .zip(paired)
        .zip(normalised)
        .map(|((sentence, &done), &hash)| {
            (!done && has_word(&sentence.text)).then_some((hash, sentence.kind))
        })
        .collect()
}

/// The sentences of one side of a gap that may be repeated pairs: their positions and keys.
struct GapKeys {
    positions: Vec<usize>,
    keys: Vec<u32>,
}

impl GapKeys {
    fn of(keys: &[Option<u32>], range: std::ops::Range<usize>) -> GapKeys {
        let (positions, keys) = range
            .filter_map(|position| keys[position].map(|key| (position, key)))
            .unzip();
        GapKeys { positions, keys }
    }
}

/// The in-order pairs of equal keys between the two sides of a gap. Keys found on one side
/// only are never paired: each stretch of them is searched as one placeholder that matches
/// nothing (standing for as many sentences as it holds), which keeps the search small while
/// a replaced copy still faces its replacement.
fn match_in_order(base: &GapKeys, other: &GapKeys) -> Vec<(usize, usize)> {
    let in_base: HashSet<u32> = base.keys.iter().copied().collect();
    let shared: HashSet<u32> = other
        .keys
        .iter()
        .copied()
        .filter(|key| in_base.contains(key))
        .collect();
    if shared.is_empty() {
        return Vec::new();
    }
    let (base_tokens, base_at) = tokens(base, &shared, Token::OnlyBase);
    let (other_tokens, other_at) = tokens(other, &shared, Token::OnlyOther);
    let weight = |token: &Token| match *token {
        Token::Shared(_) => 1,
        Token::OnlyBase(count) | Token::OnlyOther(count) => count,
    };
    common_subsequence(&base_tokens, &other_tokens, weight)
        .into_iter()
        .map(|(x, y)| (base.positions[base_at[x]], other.positions[other_at[y]]))
        .collect()
}

/// What the in-order search sees of a sentence: its key, when both sides of the gap have it,
/// or a placeholder for a stretch of sentences found on one side only (how many), never
/// equal to anything on the other side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Shared(u32),
    OnlyBase(usize),
    OnlyOther(usize),
}

/// The tokens of one side of a gap (placeholders made by `placeholder`), and per token the
/// index (in `gap`) of its first sentence.
fn tokens(
    gap: &GapKeys,
    shared: &HashSet<u32>,
    placeholder: fn(usize) -> Token,
) -> (Vec<Token>, Vec<usize>) {
    let mut tokens = Vec::new();
    let mut at = Vec::new();
    for (index, key) in gap.keys.iter().enumerate() {
        if shared.contains(key) {
            tokens.push(Token::Shared(*key));
        } else if let Some(Token::OnlyBase(count) | Token::OnlyOther(count)) = tokens.last_mut() {
            *count += 1;
            continue;
        } else {
            tokens.push(placeholder(1));
        }
        at.push(index);
    }
    (tokens, at)
}
