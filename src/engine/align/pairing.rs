//! What the aligner produces and keeps track of: the pairing (an alignment unit before its
//! word diff), a scored pair of single sentences, which sentences are paired already, and
//! the score below which a pairing counts as weak.

/// A pairing scoring below this is weak: in the gap DP it yields to a much better partner
/// elsewhere (`gap::outclassed`), and after the gaps one below this and below the median
/// must lie near a stronger pairing (`repair::prune_isolated`).
pub(super) const WEAK: f32 = 0.3;

/// One alignment unit as the aligner finds it: base sentences and other sentences that
/// correspond (1:1, a split, a merge), with their similarity and whether they moved.
///
/// A pairing is a link before its word diff: the engine turns each one into a
/// `model::Link`, which adds the word diff and the kind read from it. Nothing outside the
/// engine sees pairings.
#[derive(Debug, Clone, PartialEq)]
pub struct Pairing {
    /// Base sentence indices, ascending, never empty.
    pub base: Vec<usize>,
    /// Other sentence indices, ascending, never empty.
    pub other: Vec<usize>,
    /// Similarity of the two groups, in [0, 1].
    pub score: f32,
    /// Off the longest chain of non-crossing pairings (the sentences moved).
    pub moved: bool,
}

impl Pairing {
    /// One base sentence with one other sentence.
    pub(super) fn single(pair: SentencePair, moved: bool) -> Pairing {
        Pairing {
            base: vec![pair.base],
            other: vec![pair.other],
            score: pair.score,
            moved,
        }
    }

    /// The sentences of this pairing on one side.
    pub(super) fn group(&self, side: WhichSide) -> &[usize] {
        match side {
            WhichSide::Base => &self.base,
            WhichSide::Other => &self.other,
        }
    }

    /// Add sentence `index` to this pairing's group on `side`, keeping it ascending.
    pub(super) fn add(&mut self, side: WhichSide, index: usize) {
        let group = match side {
            WhichSide::Base => &mut self.base,
            WhichSide::Other => &mut self.other,
        };
        group.push(index);
        group.sort_unstable();
    }
}

/// A base sentence, an other sentence and their similarity: an anchor, or a candidate
/// pair waiting to be linked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct SentencePair {
    pub(super) base: usize,
    pub(super) other: usize,
    pub(super) score: f32,
}

/// One of the two versions being aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WhichSide {
    Base,
    Other,
}

impl WhichSide {
    pub(super) fn opposite(self) -> WhichSide {
        match self {
            WhichSide::Base => WhichSide::Other,
            WhichSide::Other => WhichSide::Base,
        }
    }
}

/// Which sentences of each side are in a pairing (or, for the exact anchors, in an exact
/// pair) already.
pub(super) struct Used {
    pub(super) base: Vec<bool>,
    pub(super) other: Vec<bool>,
}

impl Used {
    /// Nothing used yet, for versions of `base_len` and `other_len` sentences.
    pub(super) fn new(base_len: usize, other_len: usize) -> Used {
        Used {
            base: vec![false; base_len],
            other: vec![false; other_len],
        }
    }

    /// The sentences of `pairs` used, the others free.
    pub(super) fn of_pairs(base_len: usize, other_len: usize, pairs: &[(usize, usize)]) -> Used {
        let mut used = Used::new(base_len, other_len);
        for &(base, other) in pairs {
            used.base[base] = true;
            used.other[other] = true;
        }
        used
    }

    /// Whether both sentences of `pair` are still free.
    pub(super) fn both_free(&self, pair: &SentencePair) -> bool {
        !self.base[pair.base] && !self.other[pair.other]
    }

    /// Mark every sentence of `pairing` used (or, with `used` false, free again).
    pub(super) fn mark(&mut self, pairing: &Pairing, used: bool) {
        for &index in &pairing.base {
            self.base[index] = used;
        }
        for &index in &pairing.other {
            self.other[index] = used;
        }
    }

    /// The flags of one side.
    pub(super) fn side_mut(&mut self, side: WhichSide) -> &mut [bool] {
        match side {
            WhichSide::Base => &mut self.base,
            WhichSide::Other => &mut self.other,
        }
    }
}
