//! The passes after the gaps: strong anchors off the shared order become moves when the
//! gaps left both of their sentences free; weak pairings far from any stronger one are
//! dropped; the remaining strong candidate pairs become moves; groups grow over
//! neighbouring unpaired sentences they contain, and sentences bridged by one group join
//! it; last, `moved` marks the pairings off the longest chain of non-crossing pairings.

use crate::engine::align::anchors::{SharedOrder, lis};
use crate::engine::align::candidates::Candidates;
use crate::engine::align::pairing::{Pairing, SentencePair, Used, WEAK, WhichSide};
use crate::engine::align::sides::Side;
use crate::engine::align::similarity::{Profile, containment, cover, similarity};
use crate::engine::model::SentenceKind;

/// Minimum similarity for a pair to be linked out of order (a move).
const MOVE: f32 = 0.4;
/// A weak pairing must lie within this many sentences, on both sides, of a stronger one.
const REACH: usize = 3;
/// The score quantile (the median) below which a pairing is weak for its document, when
/// that is below `WEAK`.
const WEAK_QUANTILE: f32 = 0.5;
/// Share of a neighbouring sentence's terms that must be found in a group to join it.
const GROW: f32 = 0.4;
/// A neighbour covered at least this much joins a group whose partner side is still
/// covered less than `1 - UNCOVERED`.
const GROW_WEAK: f32 = 0.2;
const UNCOVERED: f32 = 0.5;

/// Strong anchors off the shared order are moves, unless the gaps gave their sentences an
/// in-order home: a sentence repeated in a sidebar or caption far away, while the story
/// keeps it in place merged with its neighbour.
pub(super) fn link_moved_anchors(
    anchors: &[SentencePair],
    order: &SharedOrder,
    used: &mut Used,
    links: &mut Vec<Pairing>,
) {
    for (k, anchor) in anchors.iter().enumerate() {
        if !order.on_chain[k] && anchor.score >= MOVE && used.both_free(anchor) {
            let pairing = Pairing::single(*anchor, true);
            used.mark(&pairing, true);
            links.push(pairing);
        }
    }
}

/// Weak links far from any strong link are chance resemblances between unrelated
/// sentences (long stretches of text one version lacks): drop them. "Weak" is relative
/// to the document: below `WEAK` and below the median link score.
pub(super) fn prune_isolated(links: &mut Vec<Pairing>, used: &mut Used) {
    let mut scores: Vec<f32> = links.iter().map(|link| link.score).collect();
    scores.sort_by(|x, y| x.total_cmp(y));
    let median = scores
        .get(((scores.len() as f32) * WEAK_QUANTILE) as usize)
        .copied()
        .unwrap_or(0.0);
    let weak = WEAK.min(median);
    let strong: Vec<Spans> = links
        .iter()
        .filter(|link| link.score >= weak)
        .map(Spans::of)
        .collect();
    let near_strong = |link: &Pairing| {
        let spans = Spans::of(link);
        strong.iter().any(|other| spans.within_reach(other))
    };
    let keep: Vec<bool> = links
        .iter()
        .map(|link| link.score >= weak || near_strong(link))
        .collect();
    let mut k = 0;
    links.retain(|link| {
        let kept = keep[k];
        k += 1;
        if !kept {
            used.mark(link, false);
        }
        kept
    });
}

/// The first and last sentence of a pairing on each side.
struct Spans {
    base: (usize, usize),
    other: (usize, usize),
}

impl Spans {
    fn of(link: &Pairing) -> Spans {
        let ends = |group: &[usize]| (group[0], group[group.len() - 1]);
        Spans {
            base: ends(&link.base),
            other: ends(&link.other),
        }
    }

    /// Whether both sides lie within `REACH` sentences of `other`'s.
    fn within_reach(&self, other: &Spans) -> bool {
        distance(self.base, other.base) <= REACH && distance(self.other, other.other) <= REACH
    }
}

/// Distance between two index ranges (0 when they overlap).
fn distance((lo, hi): (usize, usize), (other_lo, other_hi): (usize, usize)) -> usize {
    lo.saturating_sub(other_hi).max(other_lo.saturating_sub(hi))
}

/// The remaining strong candidate pairs (at least `MOVE`), best first, become moves while
/// both of their sentences are free.
pub(super) fn link_moved_candidates(
    candidates: &Candidates,
    used: &mut Used,
    links: &mut Vec<Pairing>,
) {
    let mut rest: Vec<SentencePair> = candidates
        .of_base
        .iter()
        .enumerate()
        .filter(|(i, _)| !used.base[*i])
        .flat_map(|(i, list)| {
            list.iter().map(move |candidate| SentencePair {
                base: i,
                other: candidate.other,
                score: candidate.score,
            })
        })
        .filter(|pair| !used.other[pair.other] && pair.score >= MOVE)
        .collect();
    rest.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then((x.base, x.other).cmp(&(y.base, y.other)))
    });
    for pair in rest {
        if used.both_free(&pair) {
            let pairing = Pairing::single(pair, true);
            used.mark(&pairing, true);
            links.push(pairing);
        }
    }
}

/// Grow links over neighbouring unmatched sentences they contain (1:n and n:1 groups).
pub(super) fn grow(base: &Side, other: &Side, links: &mut [Pairing], used: &mut Used) {
    for link in links.iter_mut() {
        let kind = base.kind(link.base[0]);
        loop {
            let open = |group: &[usize], used: &[bool]| {
                neighbours(group).any(|k| k < used.len() && !used[k])
            };
            if !open(&link.base, &used.base) && !open(&link.other, &used.other) {
                break;
            }
            let base_profile = base.group_profile(&link.base);
            let other_profile = other.group_profile(&link.other);
            if let Some(j) = extension(
                other,
                &link.other,
                &used.other,
                &base_profile,
                &other_profile,
                kind,
            ) {
                used.other[j] = true;
                link.add(WhichSide::Other, j);
                link.score = similarity(&base_profile, &other_profile.merge(&other.profiles[j]));
            } else if let Some(i) = extension(
                base,
                &link.base,
                &used.base,
                &other_profile,
                &base_profile,
                kind,
            ) {
                used.base[i] = true;
                link.add(WhichSide::Base, i);
                link.score = similarity(&base_profile.merge(&base.profiles[i]), &other_profile);
            } else {
                break;
            }
        }
    }
}

/// The sentences just before and just after `group` (the one after may be past the end).
fn neighbours(group: &[usize]) -> impl Iterator<Item = usize> {
    [group[0].checked_sub(1), Some(group[group.len() - 1] + 1)]
        .into_iter()
        .flatten()
}

/// The unmatched neighbour of `group` (on `side`) that best belongs to it: most of its
/// content is found in the partner group, or some of it is and the partner still has
/// content this side does not cover.
fn extension(
    side: &Side,
    group: &[usize],
    used: &[bool],
    partner: &Profile,
    own: &Profile,
    kind: SentenceKind,
) -> Option<usize> {
    let uncovered = 1.0 - cover(partner, own);
    neighbours(group)
        .filter(|&k| k < side.len() && !used[k] && side.kind(k) == kind)
        .filter(|&k| !side.must_stay_apart(k.min(group[0]), k.max(group[group.len() - 1])))
        .map(|k| (k, cover(&side.profiles[k], partner)))
        .filter(|&(_, covered)| covered >= GROW || (covered >= GROW_WEAK && uncovered >= UNCOVERED))
        .max_by(|x, y| x.1.total_cmp(&y.1))
        .map(|(k, _)| k)
}

/// Sentences left unmatched between two sentences of the same group belong to it (a
/// base sentence split into several, with a short bridging sentence in between), when
/// they share at least some terms with the group's other side. The other side first.
pub(super) fn fill(base: &Side, other: &Side, links: &mut [Pairing], used: &mut Used) {
    fill_side(
        WhichSide::Other,
        other,
        base,
        links,
        used.side_mut(WhichSide::Other),
    );
    fill_side(
        WhichSide::Base,
        base,
        other,
        links,
        used.side_mut(WhichSide::Base),
    );
}

/// `fill` on side `which` (`own`), whose groups' partners are on `partner`.
fn fill_side(
    which: WhichSide,
    own: &Side,
    partner: &Side,
    links: &mut [Pairing],
    used: &mut [bool],
) {
    let mut owner = vec![usize::MAX; own.len()];
    for (k, link) in links.iter().enumerate() {
        for &i in link.group(which) {
            owner[i] = k;
        }
    }
    for i in 1..own.len().saturating_sub(1) {
        let k = owner[i - 1];
        if used[i]
            || k == usize::MAX
            || owner[i + 1] != k
            || own.kind(i) != partner.kind(links[k].group(which.opposite())[0])
            || own.must_stay_apart(i - 1, i)
            || own.must_stay_apart(i, i + 1)
        {
            continue;
        }
        let partner_profile = partner.group_profile(links[k].group(which.opposite()));
        if containment(&own.profiles[i], &partner_profile) > 0.0 {
            used[i] = true;
            owner[i] = k;
            links[k].add(which, i);
        }
    }
}

/// Mark as moved the links off the longest chain of non-crossing links.
pub(super) fn mark_moves(links: &mut [Pairing]) {
    links.sort_by_key(|link| (link.base[0], link.other[0]));
    let firsts: Vec<usize> = links.iter().map(|link| link.other[0]).collect();
    let keep = lis(&firsts);
    for link in links.iter_mut() {
        link.moved = true;
    }
    for k in keep {
        links[k].moved = false;
    }
}
