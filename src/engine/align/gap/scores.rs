//! What the gap DP knows of its sentence pairs: the similarity of every pair whose cell is
//! filled, and how much of one sentence the other covers (computed when a group asks). In
//! a gap whose texts repeat, similarities and covers are also kept by the texts compared
//! (`Memo`): copies of a text have the same profile, so a run of copies is scored once
//! rather than once a pair of copies.

use std::cell::{OnceCell, RefCell};
use std::hash::Hash;
use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use crate::engine::align::corridor::Corridor;
use crate::engine::align::gap::gains::MAX_GROUP;
use crate::engine::align::pairing::WhichSide;
use crate::engine::align::sides::Side;
use crate::engine::align::similarity::similarity;

/// Most scores the memo keeps of each kind: enough for the few distinct texts of a run of
/// repeats; a gap of many distinct texts stops filling it here (later scores are computed,
/// as without a memo), which bounds its memory by a count.
const MEMO_ENTRIES: usize = 1 << 16;

/// Similarities of a gap's base sentences (rows) with its other sentences (columns), for
/// the pairs whose cell is filled (0 for the others and across the boilerplate line).
pub(super) struct PairScores<'a> {
    scores: Vec<f32>,
    /// Per pair, how much of the other sentence's content is in the base one, and of the
    /// base one's in the other (for groups on the other side and on the base side),
    /// computed when first asked for.
    other_covered: Vec<OnceCell<f32>>,
    base_covered: Vec<OnceCell<f32>>,
    /// Pair (row, col) is stored at the index of cell (row + 1, col + 1).
    cells: &'a Corridor,
    /// The gap's texts and the scores kept by text, when some text repeats.
    texts: Option<(GapTexts, RefCell<Memo>)>,
}

impl<'a> PairScores<'a> {
    /// The scores of base sentences `base_ids` of `base` with other sentences `other_ids`
    /// of `other` whose cells are in `corridor`.
    pub(super) fn new(
        (base, base_ids): (&Side, &[usize]),
        (other, other_ids): (&Side, &[usize]),
        corridor: &'a Corridor,
    ) -> PairScores<'a> {
        let texts = GapTexts::when_repeated((base, base_ids), (other, other_ids));
        let mut memo = Memo::default();
        let mut scores = vec![0f32; corridor.cells()];
        for (row, &i) in base_ids.iter().enumerate() {
            for col in corridor.columns(row + 1) {
                let Some(&j) = col.checked_sub(1).and_then(|col| other_ids.get(col)) else {
                    continue;
                };
                if base.kind(i) == other.kind(j) {
                    let index = corridor.index(row + 1, col).expect("a filled cell");
                    let compute = || similarity(base.profile(i), other.profile(j));
                    scores[index] = match &texts {
                        Some(texts) => {
                            let key = (texts.base_profiles[row], texts.other_profiles[col - 1]);
                            kept(&mut memo.pairs, key, compute)
                        }
                        None => compute(),
                    };
                }
            }
        }
        let unknown = || vec![OnceCell::new(); corridor.cells()];
        PairScores {
            scores,
            other_covered: unknown(),
            base_covered: unknown(),
            cells: corridor,
            texts: texts.map(|texts| (texts, RefCell::new(memo))),
        }
    }

    /// Similarity of the gap's base sentence `row` with its other sentence `col`.
    pub(super) fn get(&self, row: usize, col: usize) -> f32 {
        self.cells
            .index(row + 1, col + 1)
            .map_or(0.0, |index| self.scores[index])
    }

    /// How much of the content of the sentence on side `grouped` of pair (row, col) is in
    /// the other sentence of the pair (`compute` when not known yet); a filled pair.
    pub(super) fn cover(
        &self,
        grouped: WhichSide,
        row: usize,
        col: usize,
        compute: impl FnOnce() -> f32,
    ) -> f32 {
        let index = self.cells.index(row + 1, col + 1).expect("a filled pair");
        let known = match grouped {
            WhichSide::Other => &self.other_covered[index],
            WhichSide::Base => &self.base_covered[index],
        };
        *known.get_or_init(|| match &self.texts {
            Some((texts, memo)) => {
                let key = (
                    grouped == WhichSide::Other,
                    texts.base[row],
                    texts.other[col],
                );
                kept(&mut memo.borrow_mut().covers, key, compute)
            }
            None => compute(),
        })
    }

    /// Whether the sentences at gap positions `first` and `second` of side `side` hold the
    /// same text.
    pub(super) fn same_text(&self, side: WhichSide, first: usize, second: usize) -> bool {
        self.texts.as_ref().is_some_and(|(texts, _)| {
            let numbers = match side {
                WhichSide::Base => &texts.base,
                WhichSide::Other => &texts.other,
            };
            numbers[first] == numbers[second]
        })
    }

    /// Similarity of the group of gap positions `members` on side `grouped` with the
    /// sentence at gap position `single` on the other side (`compute` when not known).
    pub(super) fn group_similarity(
        &self,
        grouped: WhichSide,
        single: usize,
        members: Range<usize>,
        compute: impl FnOnce() -> f32,
    ) -> f32 {
        let Some((texts, memo)) = &self.texts else {
            return compute();
        };
        let (single_text, member_texts) = match grouped {
            WhichSide::Other => (texts.base_profiles[single], &texts.other_profiles[members]),
            WhichSide::Base => (texts.other_profiles[single], &texts.base_profiles[members]),
        };
        let mut group = [u32::MAX; MAX_GROUP];
        group[..member_texts.len()].copy_from_slice(member_texts);
        let key = (grouped == WhichSide::Other, single_text, group);
        kept(&mut memo.borrow_mut().groups, key, compute)
    }
}

/// The value kept in `memo` for `key`, or `compute`d (and kept while there is room).
fn kept<K: Hash + Eq>(memo: &mut HashMap<K, f32>, key: K, compute: impl FnOnce() -> f32) -> f32 {
    if let Some(&value) = memo.get(&key) {
        return value;
    }
    let value = compute();
    if memo.len() < MEMO_ENTRIES {
        memo.insert(key, value);
    }
    value
}

/// The sentences of a gap as the texts they hold, numbered per side, and the same numbers
/// with whether the sentence was profiled up front (`2 * text + profiled`): the same
/// profile number, the same profile.
struct GapTexts {
    base: Vec<u32>,
    other: Vec<u32>,
    base_profiles: Vec<u32>,
    other_profiles: Vec<u32>,
}

impl GapTexts {
    /// The texts of the gap, when some text is there more than once on a side.
    fn when_repeated(
        (base_side, base_ids): (&Side, &[usize]),
        (other_side, other_ids): (&Side, &[usize]),
    ) -> Option<GapTexts> {
        let (base, base_distinct) = numbered(base_side, base_ids);
        let (other, other_distinct) = numbered(other_side, other_ids);
        if base_distinct == base_ids.len() && other_distinct == other_ids.len() {
            return None;
        }
        let with_profiled = |side: &Side, ids: &[usize], texts: &[u32]| -> Vec<u32> {
            ids.iter()
                .zip(texts)
                .map(|(&index, &text)| 2 * text + u32::from(side.is_profiled(index)))
                .collect()
        };
        Some(GapTexts {
            base_profiles: with_profiled(base_side, base_ids, &base),
            other_profiles: with_profiled(other_side, other_ids, &other),
            base,
            other,
        })
    }
}

/// The text numbers of sentences `ids` of `side`, and how many distinct texts there are.
fn numbered(side: &Side, ids: &[usize]) -> (Vec<u32>, usize) {
    let mut numbers: HashMap<&str, u32> = HashMap::default();
    let texts = ids
        .iter()
        .map(|&index| {
            let next = numbers.len() as u32;
            *numbers.entry(side.text(index)).or_insert(next)
        })
        .collect();
    (texts, numbers.len())
}

/// Scores kept by the profiles compared (`GapTexts` profile numbers).
#[derive(Default)]
struct Memo {
    /// Similarity by (base profile, other profile).
    pairs: HashMap<(u32, u32), f32>,
    /// Cover by (groups on the other side, base profile, other profile).
    covers: HashMap<(bool, u32, u32), f32>,
    /// Group similarity by (groups on the other side, the one profile, the group's
    /// profiles padded with `u32::MAX`).
    groups: HashMap<(bool, u32, [u32; MAX_GROUP]), f32>,
}
