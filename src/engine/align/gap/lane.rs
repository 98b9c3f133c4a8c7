//! A group lane of the gap DP: one sentence facing the run of gap sentences on the other
//! side that ends at a cell, which group sizes it may take (1:k or k:1), and the profile of
//! a group of them.

use std::ops::RangeInclusive;

use crate::engine::align::gap::gains::{GATE, LINK, MAX_GROUP, MEMBER};
use crate::engine::align::gap::scores::PairScores;
use crate::engine::align::pairing::WhichSide;
use crate::engine::align::sides::Side;
use crate::engine::align::similarity::{Profile, cover};

/// The profile of the last k sentences of a lane's run, grown one member at a time when
/// first needed (the merge of profiles does not depend on their order, so this is the
/// group's profile).
pub(super) struct GrowingGroup<'a> {
    side: &'a Side<'a>,
    ids: &'a [usize],
    end: usize,
    /// The profile of the last `size` sentences, once one is needed.
    grown: Option<(usize, Profile)>,
}

impl<'a> GrowingGroup<'a> {
    /// The run ending at the lane's end, nothing merged yet.
    pub(super) fn new(lane: &GroupLane<'a>) -> GrowingGroup<'a> {
        GrowingGroup {
            side: lane.group_side,
            ids: lane.group_ids,
            end: lane.end,
            grown: None,
        }
    }

    /// The profile of the last `size` sentences (at least the size grown so far).
    pub(super) fn of_size(&mut self, size: usize) -> &Profile {
        let (side, ids, end) = (self.side, self.ids, self.end);
        let profile_at = |count: usize| side.sentence_profile(ids[end - count]);
        let (grown_size, profile) = self.grown.get_or_insert_with(|| (1, profile_at(1)));
        while *grown_size < size {
            *grown_size += 1;
            *profile = profile.merge(&profile_at(*grown_size));
        }
        profile
    }
}

/// One sentence facing the run of gap sentences on the other side that ends at a cell:
/// what a 1:k split (the run on the other side) or a k:1 merge (on the base side) may take.
pub(super) struct GroupLane<'a> {
    /// The side of the one sentence, and that sentence.
    pub(super) single_side: &'a Side<'a>,
    pub(super) single: usize,
    /// The side of the group, its gap sentences, and where the run ends (exclusive, a
    /// position in `group_ids`).
    pub(super) group_side: &'a Side<'a>,
    pub(super) group_ids: &'a [usize],
    pub(super) end: usize,
    /// The gap's pair similarities, the side `grouped`, and the row (for a split) or
    /// column (for a merge) of the one sentence in them.
    pub(super) scores: &'a PairScores<'a>,
    pub(super) grouped: WhichSide,
    pub(super) fixed: usize,
}

impl GroupLane<'_> {
    /// The group sizes worth scoring, given the similarity of the one sentence with the
    /// last sentence of the run (`pair_score`): from the smallest whose members include
    /// one resembling the one sentence on its own (above `LINK * GATE`) up to, but not
    /// including, the first size whose new member has no similarity with the one sentence
    /// or cannot join (`cannot_join`). Empty when there are none.
    pub(super) fn group_sizes(&self, pair_score: f32) -> RangeInclusive<usize> {
        let gate = LINK * GATE;
        // usize::MAX: no member resembles the one sentence yet.
        let mut smallest = if pair_score > gate { 2 } else { usize::MAX };
        let mut largest = 1;
        for size in 2..=MAX_GROUP.min(self.end) {
            let member = self.end - size;
            let score = self.score_with(member);
            if smallest == usize::MAX && score > gate {
                smallest = size;
            }
            if score <= 0.0 || self.cannot_join(member, size) {
                break;
            }
            largest = size;
        }
        smallest..=largest
    }

    /// Similarity of the one sentence with the group-side sentence at gap position `member`.
    fn score_with(&self, member: usize) -> f32 {
        match self.grouped {
            WhichSide::Other => self.scores.get(self.fixed, member),
            WhichSide::Base => self.scores.get(member, self.fixed),
        }
    }

    /// Whether the group-side sentence at gap position `member` cannot be the first of a
    /// group of `size`: its boilerplate status differs from the one sentence's, it must
    /// stay apart from the next member, it repeats the text of a later member (copies are
    /// repeats, not the parts of a split or merge), or it is not covered by the one
    /// sentence (nor the run's last sentence, checked with the first group, of two).
    fn cannot_join(&self, member: usize, size: usize) -> bool {
        let sentence = self.group_ids[member];
        self.group_side.kind(sentence) != self.single_side.kind(self.single)
            || self
                .group_side
                .must_stay_apart(sentence, self.group_ids[member + 1])
            || (member + 1..self.end)
                .any(|later| self.scores.same_text(self.grouped, member, later))
            || self.uncovered(member)
            || (size == 2 && self.uncovered(self.end - 1))
    }

    /// Whether the group-side sentence at gap position `position` has too little of its
    /// content in the one sentence to join its group.
    fn uncovered(&self, position: usize) -> bool {
        let (row, col) = match self.grouped {
            WhichSide::Other => (self.fixed, position),
            WhichSide::Base => (position, self.fixed),
        };
        let covered = self.scores.cover(self.grouped, row, col, || {
            cover(
                self.group_side.profile(self.group_ids[position]),
                self.single_side.profile(self.single),
            )
        });
        covered < MEMBER
    }
}
