//! The passes after the gaps: strong anchors off the shared order become moves when the
//! gaps left both of their sentences free; weak pairings far from any stronger one are
//! dropped; copies of a repeated text free on both sides, then the remaining strong
//! candidate pairs, become moves; groups grow over neighbouring unpaired sentences they
//! contain, and sentences bridged by one group join it; last, `moved` marks the pairings
//! off the longest chain of non-crossing pairings.

use rustc_hash::FxHashMap as HashMap;

use crate::engine::align::anchors::SharedOrder;
use crate::engine::align::candidates::Candidates;
use crate::engine::align::chain::{heaviest_chain, lis};
use crate::engine::align::exact::TextKeys;
use crate::engine::align::pairing::{Pairing, SentencePair, Used, WEAK, WhichSide};
use crate::engine::align::sides::Side;
use crate::engine::align::similarity::{Profile, containment, cover, normalised_hash, similarity};
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
    let strong = StrongSpans::of(links.iter().filter(|link| link.score >= weak));
    let near_strong = |link: &Pairing| strong.any_within_reach(&Spans::of(link));
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

/// The spans of the strong pairings, by first base sentence, so that those within reach of
/// a pairing are looked up rather than searched for.
struct StrongSpans {
    spans: Vec<Spans>,
    /// The most base sentences a strong pairing's span covers beyond its first.
    widest: usize,
}

impl StrongSpans {
    fn of<'a>(links: impl Iterator<Item = &'a Pairing>) -> StrongSpans {
        let mut spans: Vec<Spans> = links.map(Spans::of).collect();
        spans.sort_by_key(|spans| spans.base);
        let widest = spans.iter().map(|s| s.base.1 - s.base.0).max().unwrap_or(0);
        StrongSpans { spans, widest }
    }

    /// Whether some strong pairing lies within reach of `spans` on both sides: only those
    /// starting between `REACH` (and the widest span) before it and `REACH` after it can.
    fn any_within_reach(&self, spans: &Spans) -> bool {
        let lowest = spans.base.0.saturating_sub(REACH + self.widest);
        let highest = spans.base.1 + REACH;
        let from = self.spans.partition_point(|s| s.base.0 < lowest);
        self.spans[from..]
            .iter()
            .take_while(|s| s.base.0 <= highest)
            .any(|strong| spans.within_reach(strong))
    }
}

/// Distance between two index ranges (0 when they overlap).
fn distance((lo, hi): (usize, usize), (other_lo, other_hi): (usize, usize)) -> usize {
    lo.saturating_sub(other_hi).max(other_lo.saturating_sub(hi))
}

/// Copies of a repeated text that are still free on both sides (the in-order passes found
/// no place for them: a block of repeats moved, a run grown in one place and shrunk in
/// another) are linked as moves, the k-th free copy on one side with the k-th on the other.
pub(super) fn link_moved_copies(keys: &TextKeys, used: &mut Used, links: &mut Vec<Pairing>) {
    let free_copies = |keys: &[Option<u32>], used: &[bool]| {
        let mut copies: HashMap<u32, Vec<usize>> = HashMap::default();
        for (index, key) in keys.iter().enumerate() {
            if let Some(key) = key
                && !used[index]
            {
                copies.entry(*key).or_default().push(index);
            }
        }
        copies
    };
    let base_copies = free_copies(&keys.base, &used.base);
    let mut other_copies = free_copies(&keys.other, &used.other);
    let mut pairs: Vec<SentencePair> = Vec::new();
    for (key, base_list) in base_copies {
        if let Some(other_list) = other_copies.remove(&key) {
            pairs.extend(
                base_list
                    .into_iter()
                    .zip(other_list)
                    .map(|(base, other)| SentencePair {
                        base,
                        other,
                        score: 1.0,
                    }),
            );
        }
    }
    pairs.sort_by_key(|pair| pair.base);
    for pair in pairs {
        let pairing = Pairing::single(pair, true);
        used.mark(&pairing, true);
        links.push(pairing);
    }
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
                link.score = similarity(&base_profile, &other_profile.merge(other.profile(j)));
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
                link.score = similarity(&base_profile.merge(base.profile(i)), &other_profile);
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
/// content this side does not cover. A copy of a member's text is a repeat, not the rest
/// of a split sentence, and never joins.
fn extension(
    side: &Side,
    group: &[usize],
    used: &[bool],
    partner: &Profile,
    own: &Profile,
    kind: SentenceKind,
) -> Option<usize> {
    let uncovered = 1.0 - cover(partner, own);
    let copy_of_member = |k: usize| {
        let text = normalised_hash(side.text(k));
        group
            .iter()
            .any(|&member| normalised_hash(side.text(member)) == text)
    };
    neighbours(group)
        .filter(|&k| k < side.len() && !used[k] && side.kind(k) == kind)
        .filter(|&k| !copy_of_member(k))
        .filter(|&k| !side.must_stay_apart(k.min(group[0]), k.max(group[group.len() - 1])))
        .map(|k| (k, cover(side.profile(k), partner)))
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
        if containment(own.profile(i), &partner_profile) > 0.0 {
            used[i] = true;
            owner[i] = k;
            links[k].add(which, i);
        }
    }
}

/// Mark as moved the links off the longest chain of non-crossing links. Of the longest
/// chains, one with the most repeated exact pairs (`fixed`, sorted; in order by
/// construction) is taken: a move must not push a copy linked in place off the chain on a
/// tie. Without repeated pairs, any longest chain (the first `lis` finds).
pub(super) fn mark_moves(links: &mut [Pairing], fixed: &[(usize, usize)]) {
    links.sort_by_key(|link| (link.base[0], link.other[0]));
    let is_fixed = |link: &Pairing| match (link.base.as_slice(), link.other.as_slice()) {
        (&[base], &[other]) => fixed.binary_search(&(base, other)).is_ok(),
        _ => false,
    };
    let keep: Vec<usize> = if fixed.is_empty() {
        let firsts: Vec<usize> = links.iter().map(|link| link.other[0]).collect();
        lis(&firsts)
    } else {
        // Each link weighs more than all the bonuses together: length first.
        let length = links.len() as u64 + 1;
        let pairs = links
            .iter()
            .enumerate()
            .map(|(k, link)| (k, link.other[0], length + u64::from(is_fixed(link))))
            .collect();
        let columns = links
            .iter()
            .map(|link| link.other[0] + 1)
            .max()
            .unwrap_or(0);
        heaviest_chain(pairs, columns)
            .into_iter()
            .map(|(k, _)| k)
            .collect()
    };
    for link in links.iter_mut() {
        link.moved = true;
    }
    for k in keep {
        links[k].moved = false;
    }
}
