//! Where the aligner looks beyond the exact pairs (`exact`): for every other base sentence
//! its best few candidates among the other version's sentences, found through an inverted
//! index of terms so that the work grows with the text rather than with its square.

use std::cmp::Ordering;
use std::ops::Range;

use crate::engine::align::pairing::Used;
use crate::engine::align::sides::Side;
use crate::engine::align::similarity::{Profile, similarity};
use crate::engine::model::SentenceKind;
use crate::engine::parallel;
use crate::engine::postings::Postings;

/// Candidates kept per base sentence.
const CANDIDATES: usize = 8;
/// Terms in more sentences than this are not used to find candidates (they are still
/// weighed in the similarity).
const POSTING_CAP: usize = 64;
/// Base sentences from which the candidate search is split over the cores; for fewer,
/// starting threads costs more than the search.
const PARALLEL_SENTENCES: usize = 256;
/// Floor of the rough score's denominator, so that two profiles without weighted terms
/// do not divide by zero.
const MIN_WEIGHT: f32 = 1e-6;

/// One candidate partner of a base sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Candidate {
    /// Index of the other version's sentence.
    pub(super) other: usize,
    /// Its similarity with the base sentence.
    pub(super) score: f32,
}

/// The candidates of every base sentence, and what follows from them.
pub(super) struct Candidates {
    /// Per base sentence, its best candidates by rough score (shared term weight), best
    /// first, each scored by full similarity; empty for the sentences matched exactly.
    pub(super) of_base: Vec<Vec<Candidate>>,
    /// Per other sentence, the base sentence that scores best with it among these lists
    /// (the first on a tie) and that score; `(usize::MAX, 0.0)` for none.
    pub(super) best_of_other: Vec<(usize, f32)>,
}

/// The best candidate score of every sentence of each side (0 for none): a weak pair
/// whose sentence has a much better partner elsewhere is not linked in a gap.
pub(super) struct BestScores {
    pub(super) base: Vec<f32>,
    pub(super) other: Vec<f32>,
}

impl BestScores {
    /// The same, with a perfect score for the sentences flagged in `copies` (an identical
    /// sentence is free on the other side; the candidate search skips such repeats).
    pub(super) fn with_copies(mut self, copies: &Used) -> BestScores {
        for (best, &copy) in self.base.iter_mut().zip(&copies.base) {
            if copy {
                *best = 1.0;
            }
        }
        for (best, &copy) in self.other.iter_mut().zip(&copies.other) {
            if copy {
                *best = 1.0;
            }
        }
        self
    }
}

impl Candidates {
    /// The candidates of the sentences of `base` not matched exactly among those of
    /// `other` not matched exactly.
    pub(super) fn search(base: &Side, other: &Side, exact: &Used) -> Candidates {
        let of_base = candidates(base, other, exact);
        let mut best_of_other: Vec<(usize, f32)> = vec![(usize::MAX, 0.0); other.len()];
        for (i, list) in of_base.iter().enumerate() {
            for candidate in list {
                if candidate.score > best_of_other[candidate.other].1 {
                    best_of_other[candidate.other] = (i, candidate.score);
                }
            }
        }
        Candidates {
            of_base,
            best_of_other,
        }
    }

    /// The best candidate score of every sentence of each side.
    pub(super) fn best_scores(&self) -> BestScores {
        BestScores {
            base: self
                .of_base
                .iter()
                .map(|list| list.iter().map(|c| c.score).fold(0.0, f32::max))
                .collect(),
            other: self.best_of_other.iter().map(|best| best.1).collect(),
        }
    }
}

/// Best candidates of each base sentence among the other version's sentences, skipping
/// the sentences matched exactly on either side.
fn candidates(base: &Side, other: &Side, exact: &Used) -> Vec<Vec<Candidate>> {
    let index = TermIndex::of(other, &exact.other);
    // Base sentences are independent: split them over the cores in contiguous ranges.
    let count = base.len();
    parallel::map_ranges(count >= PARALLEL_SENTENCES, count, |range| {
        candidates_in(base, other, &exact.base, &index, range)
    })
}

/// Which of the other version's sentences hold each term, for those not matched exactly.
/// The sentences are numbered among those alone (in order, so that a tie broken by this
/// number is broken as by the sentence's index), and the lists are slices of one array:
/// the search's running sums stay small enough for the fastest cache, and a term's
/// sentences are found by an offset rather than a hash.
struct TermIndex {
    /// Per term id, the numbered sentences holding it, in order.
    postings: Postings<u32>,
    /// The index in the other version of each numbered sentence.
    sentence_index: Vec<usize>,
}

impl TermIndex {
    fn of(other: &Side, skip: &[bool]) -> TermIndex {
        let sentence_index: Vec<usize> = (0..other.len()).filter(|&j| !skip[j]).collect();
        let pairs = || {
            sentence_index.iter().enumerate().flat_map(|(k, &j)| {
                other
                    .profile(j)
                    .terms
                    .iter()
                    .map(move |&(term, _)| (term as usize, k as u32))
            })
        };
        let terms = pairs().map(|(term, _)| term + 1).max().unwrap_or(0);
        TermIndex {
            postings: Postings::of(terms, pairs),
            sentence_index,
        }
    }

    /// The numbered sentences holding `term` (none for a term no such sentence has).
    fn holding(&self, term: u32) -> &[u32] {
        self.postings.holding(term as usize)
    }
}

/// `candidates` for the base sentences in `range`.
fn candidates_in(
    base: &Side,
    other: &Side,
    skip_base: &[bool],
    index: &TermIndex,
    range: Range<usize>,
) -> Vec<Vec<Candidate>> {
    let mut search = RoughSearch::new(other, index);
    let mut out = vec![Vec::new(); range.len()];
    for i in range.clone() {
        let profile = base.profile(i);
        if skip_base[i] {
            continue;
        }
        search.add_shared_weights(profile, index);
        search.keep_best(profile.weight, base.kind(i));
        out[i - range.start] = search
            .best
            .iter()
            .map(|&(k, _)| {
                let j = index.sentence_index[k];
                Candidate {
                    other: j,
                    score: similarity(profile, other.profile(j)),
                }
            })
            .collect();
    }
    out
}

/// Scratch state of the rough candidate search for one base sentence at a time.
struct RoughSearch {
    /// Per numbered sentence of the index, the weight of the terms it shares with the
    /// base sentence.
    shared: Vec<f32>,
    /// The numbered sentences with a non-zero `shared`.
    touched: Vec<u32>,
    /// The best `CANDIDATES` (numbered sentence, rough score) so far, best first.
    best: Vec<(usize, f32)>,
    /// Looked up for every candidate: kept compact.
    other_weight: Vec<f32>,
    other_kind: Vec<SentenceKind>,
}

impl RoughSearch {
    fn new(other: &Side, index: &TermIndex) -> RoughSearch {
        let numbered = &index.sentence_index;
        RoughSearch {
            shared: vec![0f32; numbered.len()],
            touched: Vec::new(),
            best: Vec::with_capacity(CANDIDATES + 1),
            other_weight: numbered.iter().map(|&j| other.profile(j).weight).collect(),
            other_kind: numbered.iter().map(|&j| other.kind(j)).collect(),
        }
    }

    /// Sum the weights of the base profile's terms over the other sentences that hold
    /// them (through `index`, skipping terms too frequent to be telling).
    fn add_shared_weights(&mut self, profile: &Profile, index: &TermIndex) {
        for &(term, weight) in &profile.terms {
            let postings = index.holding(term);
            if postings.len() > POSTING_CAP {
                continue;
            }
            for &j in postings {
                if self.shared[j as usize] == 0.0 {
                    self.touched.push(j);
                }
                self.shared[j as usize] += weight;
            }
        }
    }

    /// Keep the best `CANDIDATES` touched sentences (of the same kind as the base
    /// sentence) by rough score, ties by index: a total order, so the result is the
    /// same as selecting from the full list. Then clear the shared weights.
    fn keep_best(&mut self, base_weight: f32, base_kind: SentenceKind) {
        let by_score = |x: &(usize, f32), y: &(usize, f32)| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0));
        self.best.clear();
        for &j in &self.touched {
            let j = j as usize;
            if self.other_kind[j] != base_kind {
                continue;
            }
            let rough = 2.0 * self.shared[j] / (base_weight + self.other_weight[j]).max(MIN_WEIGHT);
            let candidate = (j, rough);
            if self.best.len() == CANDIDATES {
                if by_score(&candidate, &self.best[CANDIDATES - 1]) != Ordering::Less {
                    continue;
                }
                self.best.pop();
            }
            let at = self
                .best
                .partition_point(|x| by_score(x, &candidate) == Ordering::Less);
            self.best.insert(at, candidate);
        }
        for &j in &self.touched {
            self.shared[j as usize] = 0.0;
        }
        self.touched.clear();
    }
}
