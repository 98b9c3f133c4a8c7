//! Sentence alignment of one version against the base.
//!
//! 1. Profile every sentence (`similarity`): IDF-weighted terms and character n-grams.
//! 2. Anchors: sentences with the same normalised text on both sides (unique), and pairs
//!    that are each other's best candidate with a clear score. Candidates come from an
//!    inverted index over rare terms, so each sentence meets a handful of others, not all.
//! 3. The longest increasing subsequence of anchors is the shared order; strong anchors
//!    off it are moves.
//! 4. The gaps between consecutive anchors are aligned by a small DP allowing 1:0, 0:1,
//!    1:1, 1:2 and 2:1: splits, merges, light paraphrase, additions and deletions.
//! 5. Groups grow over neighbouring unmatched sentences that they contain (1:n, n:1),
//!    and remaining strong pairs are linked as moves.
//! 6. A link is `moved` when it is off the longest chain of non-crossing links.

pub mod similarity;

use std::hash::{Hash, Hasher};

use rustc_hash::FxHashMap as HashMap;

use crate::engine::align::similarity::{
    Profile, Vocabulary, containment, cover, grams, normalised_hash, similarity,
};
use crate::engine::model::Version;
use crate::engine::parallel;

/// One alignment unit before word diffing.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub base: Vec<usize>,
    pub other: Vec<usize>,
    pub score: f32,
    pub moved: bool,
}

/// Minimum similarity for a mutual-best pair to anchor the order.
const ANCHOR: f32 = 0.6;
/// Minimum similarity for a pair to be linked out of order (a move).
const MOVE: f32 = 0.4;
/// A weak pair whose sentence has a partner elsewhere scoring at least this (and twice as
/// much) is not linked in the gap DP.
const RIVAL: f32 = 0.4;
/// Similarity above which a link gains in the gap DP.
const LINK: f32 = 0.1;
/// Share of a neighbouring sentence's terms that must be found in a group to join it.
const GROW: f32 = 0.4;
/// A neighbour covered at least this much joins a group whose partner side is still
/// covered less than `1 - UNCOVERED`.
const GROW_WEAK: f32 = 0.2;
const UNCOVERED: f32 = 0.5;
/// A member of a DP group must reach this similarity with the partner (times `LINK`).
const GATE: f32 = 0.5;
/// Links scoring below this (and below the median) must lie within `REACH` sentences of a
/// stronger link.
const WEAK: f32 = 0.3;
const REACH: usize = 3;
/// Each member of a DP group must have at least this share of its content in the partner.
const MEMBER: f32 = 0.25;
/// Cost of each sentence beyond the second in a group, so that groups must earn their size.
const GROUP_COST: f32 = 0.08;
/// Candidates kept per base sentence.
const CANDIDATES: usize = 8;
/// Terms in more sentences than this are not used to find candidates (they are still
/// weighed in the similarity).
const POSTING_CAP: usize = 64;
/// Largest gap (base x other sentences) aligned with a dense DP.
const DENSE_CELLS: usize = 250_000;
/// Largest group built by the gap DP (1:k or k:1).
const MAX_GROUP: usize = 6;

struct Side<'a> {
    version: &'a Version,
    /// Profiles of the sentences not matched exactly; the others are empty until needed.
    profiles: Vec<Profile>,
    profiled: Vec<bool>,
    vocab: &'a Vocabulary,
}

/// Character n-grams of the sentences with `need` set (empty for the others).
fn grams_of(v: &Version, need: &[bool]) -> Vec<Option<Vec<u32>>> {
    v.sentences
        .iter()
        .zip(need)
        .map(|(s, &n)| n.then(|| grams(&s.text)))
        .collect()
}

impl Side<'_> {
    /// Set the character n-grams computed by `grams_of`.
    fn set_grams(&mut self, grams: Vec<Option<Vec<u32>>>) {
        for (p, g) in self.profiles.iter_mut().zip(grams) {
            if let Some(g) = g {
                p.grams = g;
            }
        }
    }

    fn boiler(&self, i: usize) -> bool {
        self.version.sentences[i].boilerplate
    }

    /// Whether neighbouring sentences `i` and `j` must stay in separate groups: they are
    /// in different paragraphs and one of them is a line without final punctuation (a
    /// headline, subhead or caption), which stands on its own rather than being part of
    /// a split sentence.
    fn apart(&self, i: usize, j: usize) -> bool {
        let (x, y) = (&self.version.sentences[i], &self.version.sentences[j]);
        x.paragraph != y.paragraph && (is_heading_like(&x.text) || is_heading_like(&y.text))
    }
    fn len(&self) -> usize {
        self.profiles.len()
    }
}

/// Term ids of the sentences that take part in fuzzy comparison (`need`), registering
/// them in `vocab` (whose IDF is computed over these sentences of both sides).
fn term_ids(v: &Version, need: &[bool], vocab: &mut Vocabulary) -> Vec<Option<Vec<u32>>> {
    v.sentences
        .iter()
        .zip(need)
        .map(|(s, &n)| n.then(|| vocab.add(&s.text)))
        .collect()
}

fn side<'a>(v: &'a Version, ids: &[Option<Vec<u32>>], vocab: &'a Vocabulary) -> Side<'a> {
    Side {
        version: v,
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
    }
}

/// Whether two versions are long enough for their per-version work to be worth a thread.
fn is_large(base: &Version, other: &Version) -> bool {
    base.text.len() + other.text.len() >= parallel::SMALL_TEXT
}

/// Pairs of sentences with the same text, once on each side: first by exact display text,
/// then, among the rest, by normalised text (case, quote style, spacing). Sentences without
/// a letter or digit are never anchors.
fn exact_pairs(base: &Version, other: &Version) -> Vec<(usize, usize)> {
    let large = is_large(base, other);
    let mut pairs = Vec::new();
    let mut done_b = vec![false; base.sentences.len()];
    let mut done_o = vec![false; other.sentences.len()];
    let raw = |t: &str| {
        let mut h = rustc_hash::FxHasher::default();
        t.hash(&mut h);
        h.finish()
    };
    // Keys of the sentences not paired yet (0 for the others, never looked at).
    let keys = |v: &Version, done: &[bool], key: fn(&str) -> u64| -> Vec<u64> {
        v.sentences
            .iter()
            .zip(done)
            .map(|(s, &d)| if d { 0 } else { key(&s.text) })
            .collect()
    };
    for key in [raw as fn(&str) -> u64, normalised_hash] {
        // The other side's keys are computed beside the base's.
        let (keys_b, keys_o) = parallel::join(
            large,
            || keys(base, &done_b, key),
            || keys(other, &done_o, key),
        );
        let mut by_key: HashMap<u64, (u32, usize, u32, usize)> = HashMap::default();
        for (i, &k) in keys_b.iter().enumerate() {
            if !done_b[i] {
                let e = by_key.entry(k).or_insert((0, 0, 0, 0));
                e.0 += 1;
                e.1 = i;
            }
        }
        for (j, &k) in keys_o.iter().enumerate() {
            if !done_o[j]
                && let Some(e) = by_key.get_mut(&k)
            {
                e.2 += 1;
                e.3 = j;
            }
        }
        let mut found: Vec<(usize, usize)> = by_key
            .values()
            .filter(|e| e.0 == 1 && e.2 == 1)
            .map(|e| (e.1, e.3))
            .filter(|&(i, j)| {
                let (sb, so) = (&base.sentences[i], &other.sentences[j]);
                sb.boilerplate == so.boilerplate && sb.text.chars().any(char::is_alphanumeric)
            })
            .collect();
        found.sort_unstable();
        for &(i, j) in &found {
            done_b[i] = true;
            done_o[j] = true;
        }
        pairs.extend(found);
    }
    pairs.sort_unstable();
    pairs
}

/// Similarity of a group of base sentences with a group of other sentences.
fn group_sim(b: &Side, bi: &[usize], o: &Side, oj: &[usize]) -> f32 {
    similarity(&group_profile(b, bi), &group_profile(o, oj))
}

fn group_profile(side: &Side, idx: &[usize]) -> Profile {
    let one = |k: usize| {
        let text = &side.version.sentences[k].text;
        if !side.profiled[k] {
            // An exactly matched sentence next to a group: weigh its known terms.
            Profile::new(&side.vocab.lookup(text), side.vocab).with_grams(text)
        } else if side.profiles[k].grams.is_empty() {
            side.profiles[k].clone().with_grams(text)
        } else {
            side.profiles[k].clone()
        }
    };
    let mut p = one(idx[0]);
    for &k in &idx[1..] {
        p = p.merge(&one(k));
    }
    p
}

/// Best candidates of each base sentence among the other version's sentences.
fn candidates(b: &Side, o: &Side, skip_b: &[bool], skip_o: &[bool]) -> Vec<Vec<(usize, f32)>> {
    let mut index: HashMap<u32, Vec<u32>> = HashMap::default();
    for (j, p) in o.profiles.iter().enumerate() {
        if skip_o[j] {
            continue;
        }
        for &(t, _) in &p.terms {
            index.entry(t).or_default().push(j as u32);
        }
    }
    // Base sentences are independent: split them over the cores in contiguous ranges.
    let n = b.len();
    parallel::map_ranges(n >= 256, n, |range| {
        candidates_in(b, o, skip_b, &index, range)
    })
}

/// `candidates` for the base sentences in `range`.
fn candidates_in(
    b: &Side,
    o: &Side,
    skip_b: &[bool],
    index: &HashMap<u32, Vec<u32>>,
    range: std::ops::Range<usize>,
) -> Vec<Vec<(usize, f32)>> {
    let mut acc = vec![0f32; o.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut rough: Vec<(usize, f32)> = Vec::with_capacity(CANDIDATES + 1);
    // Looked up for every candidate: kept compact.
    let o_weight: Vec<f32> = o.profiles.iter().map(|q| q.weight).collect();
    let o_boiler: Vec<bool> = (0..o.len()).map(|j| o.boiler(j)).collect();
    let mut out = vec![Vec::new(); range.len()];
    for i in range.clone() {
        let p = &b.profiles[i];
        if skip_b[i] {
            continue;
        }
        for &(t, w) in &p.terms {
            if let Some(post) = index.get(&t) {
                if post.len() > POSTING_CAP {
                    continue;
                }
                for &j in post {
                    if acc[j as usize] == 0.0 {
                        touched.push(j);
                    }
                    acc[j as usize] += w;
                }
            }
        }
        // The best `CANDIDATES` by rough score (ties by index: a total order, so the
        // result is the same as selecting from the full list), best first.
        let by_score = |x: &(usize, f32), y: &(usize, f32)| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0));
        let boiler = b.boiler(i);
        rough.clear();
        for &j in &touched {
            let j = j as usize;
            if o_boiler[j] != boiler {
                continue;
            }
            let c = (j, 2.0 * acc[j] / (p.weight + o_weight[j]).max(1e-6));
            if rough.len() == CANDIDATES {
                if by_score(&c, &rough[CANDIDATES - 1]) != std::cmp::Ordering::Less {
                    continue;
                }
                rough.pop();
            }
            let at = rough.partition_point(|x| by_score(x, &c) == std::cmp::Ordering::Less);
            rough.insert(at, c);
        }
        for &j in &touched {
            acc[j as usize] = 0.0;
        }
        touched.clear();
        out[i - range.start] = rough
            .iter()
            .map(|&(j, _)| (j, similarity(p, &o.profiles[j])))
            .collect();
    }
    out
}

/// Indices of a longest strictly increasing subsequence of `seq` (by value).
fn lis(seq: &[usize]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new(); // indices into seq
    let mut prev = vec![usize::MAX; seq.len()];
    for (k, &v) in seq.iter().enumerate() {
        let pos = tails.partition_point(|&t| seq[t] < v);
        if pos > 0 {
            prev[k] = tails[pos - 1];
        }
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut k = tails.last().copied().unwrap_or(usize::MAX);
    while k != usize::MAX {
        out.push(k);
        k = prev[k];
    }
    out.reverse();
    out
}

/// A weak pair is not linked when one of its sentences has a much better partner elsewhere
/// (it moved, and the gap only holds a chance resemblance).
fn outclassed(sim: f32, rival: f32) -> bool {
    sim < WEAK && rival >= RIVAL && rival >= 2.0 * sim
}

fn gain(sim: f32, sentences: usize) -> f32 {
    (sim - LINK) * sentences as f32 / 2.0 - GROUP_COST * (sentences as f32 - 2.0)
}

/// Align base sentences `bi` with other sentences `oj` (both ascending, a gap between
/// anchors) monotonically; returns the links found.
fn align_gap(
    b: &Side,
    o: &Side,
    bi: &[usize],
    oj: &[usize],
    cands: &[Vec<(usize, f32)>],
    rivals: (&[f32], &[f32]),
) -> Vec<Match> {
    let (p, q) = (bi.len(), oj.len());
    if p == 0 || q == 0 {
        return Vec::new();
    }
    // Pairwise similarity, dense for small gaps, from the candidate lists otherwise.
    let dense = p * q <= DENSE_CELLS;
    let mut sim = vec![0f32; p * q];
    if dense {
        for a in 0..p {
            for c in 0..q {
                if b.boiler(bi[a]) == o.boiler(oj[c]) {
                    sim[a * q + c] = similarity(&b.profiles[bi[a]], &o.profiles[oj[c]]);
                }
            }
        }
    } else {
        let pos: HashMap<usize, usize> = oj.iter().enumerate().map(|(c, &j)| (j, c)).collect();
        for a in 0..p {
            for &(j, s) in &cands[bi[a]] {
                if let Some(&c) = pos.get(&j) {
                    sim[a * q + c] = s;
                }
            }
        }
    }
    let s = |a: usize, c: usize| sim[a * q + c];
    // f[a][c]: best gain for the first a base and c other sentences; step records the move.
    let w = q + 1;
    let mut f = vec![0f32; (p + 1) * w];
    let mut step = vec![(0u8, 0u8, 0f32); (p + 1) * w];
    for a in 0..=p {
        for c in 0..=q {
            if a == 0 && c == 0 {
                continue;
            }
            let mut best = f32::NEG_INFINITY;
            let mut how = (0u8, 0u8, 0f32);
            let mut consider = |val: f32, da: u8, dc: u8, sc: f32| {
                if val > best {
                    best = val;
                    how = (da, dc, sc);
                }
            };
            if a > 0 {
                consider(f[(a - 1) * w + c], 1, 0, 0.0);
            }
            if c > 0 {
                consider(f[a * w + c - 1], 0, 1, 0.0);
            }
            if a > 0 && c > 0 {
                let x = s(a - 1, c - 1);
                if x > LINK && !outclassed(x, rivals.0[bi[a - 1]].max(rivals.1[oj[c - 1]])) {
                    consider(f[(a - 1) * w + c - 1] + gain(x, 2), 1, 1, x);
                }
                // 1:k — one base sentence split into several; k:1 — merged.
                let gate = LINK * GATE;
                let mut members = x > gate;
                for k in 2..=MAX_GROUP.min(c) {
                    members = members || s(a - 1, c - k) > gate;
                    if s(a - 1, c - k) <= 0.0 {
                        break;
                    }
                    if o.boiler(oj[c - k]) != b.boiler(bi[a - 1])
                        || o.apart(oj[c - k], oj[c - k + 1])
                        || cover(&o.profiles[oj[c - k]], &b.profiles[bi[a - 1]]) < MEMBER
                        || (k == 2
                            && cover(&o.profiles[oj[c - 1]], &b.profiles[bi[a - 1]]) < MEMBER)
                    {
                        break;
                    }
                    if members {
                        let xk = group_sim(b, &bi[a - 1..a], o, &oj[c - k..c]);
                        if xk > LINK {
                            consider(f[(a - 1) * w + c - k] + gain(xk, k + 1), 1, k as u8, xk);
                        }
                    }
                }
                let mut members = x > gate;
                for k in 2..=MAX_GROUP.min(a) {
                    members = members || s(a - k, c - 1) > gate;
                    if s(a - k, c - 1) <= 0.0 {
                        break;
                    }
                    if b.boiler(bi[a - k]) != o.boiler(oj[c - 1])
                        || b.apart(bi[a - k], bi[a - k + 1])
                        || cover(&b.profiles[bi[a - k]], &o.profiles[oj[c - 1]]) < MEMBER
                        || (k == 2
                            && cover(&b.profiles[bi[a - 1]], &o.profiles[oj[c - 1]]) < MEMBER)
                    {
                        break;
                    }
                    if members {
                        let xk = group_sim(b, &bi[a - k..a], o, &oj[c - 1..c]);
                        if xk > LINK {
                            consider(f[(a - k) * w + c - 1] + gain(xk, k + 1), k as u8, 1, xk);
                        }
                    }
                }
            }
            f[a * w + c] = best;
            step[a * w + c] = how;
        }
    }
    let mut out = Vec::new();
    let (mut a, mut c) = (p, q);
    while a > 0 || c > 0 {
        let (da, dc, sc) = step[a * w + c];
        let (da, dc) = (da as usize, dc as usize);
        if da > 0 && dc > 0 {
            out.push(Match {
                base: bi[a - da..a].to_vec(),
                other: oj[c - dc..c].to_vec(),
                score: sc,
                moved: false,
            });
        }
        a -= da;
        c -= dc;
    }
    out.reverse();
    out
}

/// Weak links far from any strong link are chance resemblances between unrelated
/// sentences (long stretches of text one version lacks): drop them. "Weak" is relative
/// to the document: below `WEAK` and below the median link score.
fn prune_isolated(links: &mut Vec<Match>, used_b: &mut [bool], used_o: &mut [bool]) {
    let mut scores: Vec<f32> = links.iter().map(|m| m.score).collect();
    scores.sort_by(|a, b| a.total_cmp(b));
    let q = scores
        .get(((scores.len() as f32) * 0.5) as usize)
        .copied()
        .unwrap_or(0.0);
    let weak = WEAK.min(q);
    let reach = REACH;
    let strong: Vec<(usize, usize, usize, usize)> = links
        .iter()
        .filter(|m| m.score >= weak)
        .map(|m| {
            (
                m.base[0],
                *m.base.last().unwrap(),
                m.other[0],
                *m.other.last().unwrap(),
            )
        })
        .collect();
    let near = |m: &Match| {
        let (b0, b1, o0, o1) = (
            m.base[0],
            *m.base.last().unwrap(),
            m.other[0],
            *m.other.last().unwrap(),
        );
        strong.iter().any(|&(sb0, sb1, so0, so1)| {
            // Distance between two index ranges (0 when they overlap).
            let gap = |lo: usize, hi: usize, slo: usize, shi: usize| {
                lo.saturating_sub(shi).max(slo.saturating_sub(hi))
            };
            let db = gap(b0, b1, sb0, sb1);
            let dof = gap(o0, o1, so0, so1);
            db <= reach && dof <= reach
        })
    };
    let keep: Vec<bool> = links.iter().map(|m| m.score >= weak || near(m)).collect();
    let mut k = 0;
    links.retain(|m| {
        let kept = keep[k];
        k += 1;
        if !kept {
            for &i in &m.base {
                used_b[i] = false;
            }
            for &j in &m.other {
                used_o[j] = false;
            }
        }
        kept
    });
}

/// Grow links over neighbouring unmatched sentences they contain (1:n and n:1 groups).
/// A line that does not end like a sentence (no final stop, question or exclamation
/// mark, colon, or closing quotation mark or bracket).
fn is_heading_like(text: &str) -> bool {
    !text
        .trim_end()
        .ends_with(['.', '!', '?', '…', ':', ';', '"', '”', '’', '\'', '»', ')'])
}

fn grow(b: &Side, o: &Side, links: &mut [Match], used_b: &mut [bool], used_o: &mut [bool]) {
    for link in links.iter_mut() {
        let boiler = b.boiler(link.base[0]);
        loop {
            let open = |group: &[usize], used: &[bool]| {
                [group[0].checked_sub(1), Some(group[group.len() - 1] + 1)]
                    .into_iter()
                    .flatten()
                    .any(|k| k < used.len() && !used[k])
            };
            if !open(&link.base, used_b) && !open(&link.other, used_o) {
                break;
            }
            let bp = group_profile(b, &link.base);
            let op = group_profile(o, &link.other);
            if let Some(j) = extension(o, &link.other, used_o, &bp, &op, boiler) {
                used_o[j] = true;
                link.other.push(j);
                link.other.sort_unstable();
                link.score = similarity(&bp, &op.merge(&o.profiles[j]));
            } else if let Some(i) = extension(b, &link.base, used_b, &op, &bp, boiler) {
                used_b[i] = true;
                link.base.push(i);
                link.base.sort_unstable();
                link.score = similarity(&bp.merge(&b.profiles[i]), &op);
            } else {
                break;
            }
        }
    }
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
    boiler: bool,
) -> Option<usize> {
    let uncovered = 1.0 - cover(partner, own);
    [group[0].checked_sub(1), Some(group[group.len() - 1] + 1)]
        .into_iter()
        .flatten()
        .filter(|&k| k < side.len() && !used[k] && side.boiler(k) == boiler)
        .filter(|&k| !side.apart(k.min(group[0]), k.max(group[group.len() - 1])))
        .map(|k| (k, cover(&side.profiles[k], partner)))
        .filter(|&(_, c)| c >= GROW || (c >= GROW_WEAK && uncovered >= UNCOVERED))
        .max_by(|x, y| x.1.total_cmp(&y.1))
        .map(|(k, _)| k)
}

/// Sentences left unmatched between two sentences of the same group belong to it (a
/// base sentence split into several, with a short bridging sentence in between), when
/// they share at least some terms with the group's other side.
fn fill(b: &Side, o: &Side, links: &mut [Match], used_b: &mut [bool], used_o: &mut [bool]) {
    let mut owner_o = vec![usize::MAX; o.len()];
    let mut owner_b = vec![usize::MAX; b.len()];
    for (k, l) in links.iter().enumerate() {
        for &j in &l.other {
            owner_o[j] = k;
        }
        for &i in &l.base {
            owner_b[i] = k;
        }
    }
    for j in 1..o.len().saturating_sub(1) {
        let k = owner_o[j - 1];
        if used_o[j]
            || k == usize::MAX
            || owner_o[j + 1] != k
            || o.boiler(j) != b.boiler(links[k].base[0])
            || o.apart(j - 1, j)
            || o.apart(j, j + 1)
        {
            continue;
        }
        let bp = group_profile(b, &links[k].base);
        if containment(&o.profiles[j], &bp) > 0.0 {
            used_o[j] = true;
            owner_o[j] = k;
            links[k].other.push(j);
            links[k].other.sort_unstable();
        }
    }
    for i in 1..b.len().saturating_sub(1) {
        let k = owner_b[i - 1];
        if used_b[i]
            || k == usize::MAX
            || owner_b[i + 1] != k
            || b.boiler(i) != o.boiler(links[k].other[0])
            || b.apart(i - 1, i)
            || b.apart(i, i + 1)
        {
            continue;
        }
        let op = group_profile(o, &links[k].other);
        if containment(&b.profiles[i], &op) > 0.0 {
            used_b[i] = true;
            owner_b[i] = k;
            links[k].base.push(i);
            links[k].base.sort_unstable();
        }
    }
}

/// Mark as moved the links off the longest chain of non-crossing links.
fn mark_moves(links: &mut [Match]) {
    links.sort_by_key(|m| (m.base[0], m.other[0]));
    let seq: Vec<usize> = links.iter().map(|m| m.other[0]).collect();
    let keep = lis(&seq);
    for m in links.iter_mut() {
        m.moved = true;
    }
    for k in keep {
        links[k].moved = false;
    }
}

/// Align `other` against `base`. Boilerplate sentences are linked only to boilerplate.
/// Returns matches sorted by first base sentence.
pub fn align(base: &Version, other: &Version) -> Vec<Match> {
    let (n, m) = (base.sentences.len(), other.sentences.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    let mut used_b = vec![false; n];
    let mut used_o = vec![false; m];

    // Exact anchors: the same text, once on each side.
    let mut anchors: Vec<(usize, usize, f32)> = exact_pairs(base, other)
        .into_iter()
        .map(|(i, j)| (i, j, 1.0))
        .collect();
    let mut exact_b = vec![false; n];
    let mut exact_o = vec![false; m];
    for &(i, j, _) in &anchors {
        exact_b[i] = true;
        exact_o[j] = true;
    }
    let mut vocab = Vocabulary::default();
    let not = |v: &[bool]| v.iter().map(|e| !e).collect::<Vec<bool>>();
    let (need_b, need_o) = (not(&exact_b), not(&exact_o));
    // Character n-grams of the sentences not matched exactly (the others get theirs on
    // demand in `group_profile`), computed beside the vocabulary.
    let large = is_large(base, other);
    let ((ids_b, ids_o), (grams_b, grams_o)) = parallel::join(
        large,
        || {
            let ids_b = term_ids(base, &need_b, &mut vocab);
            (ids_b, term_ids(other, &need_o, &mut vocab))
        },
        || {
            parallel::join(
                large,
                || grams_of(base, &need_b),
                || grams_of(other, &need_o),
            )
        },
    );
    let mut b = side(base, &ids_b, &vocab);
    let mut o = side(other, &ids_o, &vocab);
    b.set_grams(grams_b);
    o.set_grams(grams_o);

    // Similarity anchors: mutual best candidates.
    let cands = candidates(&b, &o, &exact_b, &exact_o);
    let mut best_o: Vec<(usize, f32)> = vec![(usize::MAX, 0.0); m];
    for (i, cs) in cands.iter().enumerate() {
        for &(j, s) in cs {
            if s > best_o[j].1 {
                best_o[j] = (i, s);
            }
        }
    }
    for (i, cs) in cands.iter().enumerate() {
        if let Some(&(j, s)) = cs.iter().max_by(|x, y| x.1.total_cmp(&y.1))
            && s >= ANCHOR
            && best_o[j].0 == i
        {
            anchors.push((i, j, s));
        }
    }
    anchors.sort_by_key(|a| (a.0, a.1));

    let best_b: Vec<f32> = cands
        .iter()
        .map(|cs| cs.iter().map(|c| c.1).fold(0.0, f32::max))
        .collect();
    let best_o: Vec<f32> = best_o.iter().map(|b| b.1).collect();

    // The shared order; strong anchors off it are moves.
    let chain = lis(&anchors.iter().map(|a| a.1).collect::<Vec<_>>());
    let mut on_chain = vec![false; anchors.len()];
    for &k in &chain {
        on_chain[k] = true;
    }
    let mut links: Vec<Match> = Vec::new();
    for (k, &(i, j, s)) in anchors.iter().enumerate() {
        if on_chain[k] {
            used_b[i] = true;
            used_o[j] = true;
            links.push(Match {
                base: vec![i],
                other: vec![j],
                score: s,
                moved: !on_chain[k],
            });
        }
    }

    // Gaps between consecutive chain anchors.
    let mut bounds: Vec<(usize, usize)> = chain
        .iter()
        .map(|&k| (anchors[k].0, anchors[k].1))
        .collect();
    bounds.push((n, m));
    let (mut lo_b, mut lo_o) = (0, 0);
    for (hi_b, hi_o) in bounds {
        let bi: Vec<usize> = (lo_b..hi_b).filter(|&i| !used_b[i]).collect();
        let oj: Vec<usize> = (lo_o..hi_o).filter(|&j| !used_o[j]).collect();
        for mt in align_gap(&b, &o, &bi, &oj, &cands, (&best_b, &best_o)) {
            for &i in &mt.base {
                used_b[i] = true;
            }
            for &j in &mt.other {
                used_o[j] = true;
            }
            links.push(mt);
        }
        lo_b = hi_b + 1;
        lo_o = hi_o + 1;
    }

    // Strong anchors off the chain are moves, unless the gaps gave their sentences an
    // in-order home: a sentence repeated in a sidebar or caption far away, while the
    // story keeps it in place merged with its neighbour.
    for (k, &(i, j, s)) in anchors.iter().enumerate() {
        if !on_chain[k] && s >= MOVE && !used_b[i] && !used_o[j] {
            used_b[i] = true;
            used_o[j] = true;
            links.push(Match {
                base: vec![i],
                other: vec![j],
                score: s,
                moved: true,
            });
        }
    }

    prune_isolated(&mut links, &mut used_b, &mut used_o);

    // Remaining strong pairs, out of order: moves.
    let mut rest: Vec<(usize, usize, f32)> = cands
        .iter()
        .enumerate()
        .filter(|(i, _)| !used_b[*i])
        .flat_map(|(i, cs)| cs.iter().map(move |&(j, s)| (i, j, s)))
        .filter(|&(_, j, s)| !used_o[j] && s >= MOVE)
        .collect();
    rest.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    for (i, j, s) in rest {
        if !used_b[i] && !used_o[j] {
            used_b[i] = true;
            used_o[j] = true;
            links.push(Match {
                base: vec![i],
                other: vec![j],
                score: s,
                moved: true,
            });
        }
    }

    links.sort_by_key(|m| (m.base[0], m.other[0]));
    grow(&b, &o, &mut links, &mut used_b, &mut used_o);
    fill(&b, &o, &mut links, &mut used_b, &mut used_o);
    mark_moves(&mut links);
    links
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::Sentence;

    fn version(lines: &[&str]) -> Version {
        let mut text = String::new();
        let mut sentences = Vec::new();
        for (k, l) in lines.iter().enumerate() {
            let start = text.len();
            text.push_str(l);
            sentences.push(Sentence {
                text: l.to_string(),
                start,
                end: text.len(),
                boilerplate: l.starts_with("Related Topics"),
                paragraph: k,
            });
            text.push('\n');
        }
        Version {
            name: "t".into(),
            text,
            sentences,
        }
    }

    fn pairs(ms: &[Match]) -> Vec<(Vec<usize>, Vec<usize>, bool)> {
        ms.iter()
            .map(|m| (m.base.clone(), m.other.clone(), m.moved))
            .collect()
    }

    const STORY: [&str; 6] = [
        "The harbour authority closed the northern port on Monday after a crane collapsed.",
        "Two workers were injured and taken to the city hospital, officials said.",
        "Dockers' union leader Ana Ferreira called the accident entirely avoidable.",
        "Shipping companies diverted eleven container vessels to the southern terminal.",
        "An inquiry led by Judge Tomas Reyes will report by the end of March.",
        "The port handles roughly a third of the country's exports.",
    ];

    #[test]
    fn identical_versions_align_one_to_one_in_order() {
        let a = version(&STORY);
        let got = align(&a, &a.clone());
        let want: Vec<_> = (0..6).map(|k| (vec![k], vec![k], false)).collect();
        assert_eq!(pairs(&got), want);
    }

    #[test]
    fn subhead_in_its_own_paragraph_never_joins_a_group() {
        let a = version(&STORY);
        let mut lines: Vec<&str> = vec!["Crane collapse at northern port"];
        lines.extend(STORY);
        let b = version(&lines);
        let got = pairs(&align(&a, &b));
        assert!(got.iter().all(|(_, o, _)| !o.contains(&0)), "{got:?}");
        assert!(got.contains(&(vec![0], vec![1], false)), "{got:?}");
        assert!(!is_heading_like(STORY[0]));
        assert!(is_heading_like("Crane collapse at northern port"));
    }

    #[test]
    fn repeat_far_away_does_not_steal_a_sentence_kept_in_place() {
        let a = version(&STORY);
        let b = version(&[
            STORY[0],
            "Two workers were injured and taken to the city hospital, officials said, and a union leader blamed the port for an accident that need not have happened.",
            STORY[3],
            STORY[4],
            STORY[5],
            "Two workers were injured and taken to hospital, officials said",
        ]);
        let got = pairs(&align(&a, &b));
        assert!(got.contains(&(vec![1, 2], vec![1], false)), "{got:?}");
        assert!(got.iter().all(|(_, o, _)| !o.contains(&5)), "{got:?}");
    }

    #[test]
    fn moved_sentence_is_linked_and_marked() {
        let a = version(&STORY);
        let b = version(&[STORY[0], STORY[1], STORY[3], STORY[4], STORY[5], STORY[2]]);
        let got = pairs(&align(&a, &b));
        assert!(got.contains(&(vec![2], vec![5], true)), "{got:?}");
        assert_eq!(got.iter().filter(|p| p.2).count(), 1, "{got:?}");
        assert_eq!(got.len(), 6);
    }

    #[test]
    fn split_and_merge_become_groups() {
        let a = version(&STORY);
        let b = version(&[
            STORY[0],
            "Two workers were injured.",
            "They were taken to the city hospital, officials said.",
            "Dockers' union leader Ana Ferreira called the accident entirely avoidable, and shipping companies diverted eleven container vessels to the southern terminal.",
            STORY[4],
        ]);
        let got = pairs(&align(&a, &b));
        assert!(got.contains(&(vec![1], vec![1, 2], false)), "{got:?}");
        assert!(got.contains(&(vec![2, 3], vec![3], false)), "{got:?}");
    }

    #[test]
    fn unrelated_additions_and_deletions_stay_unmatched() {
        let a = version(&STORY);
        let b = version(&[
            STORY[0],
            "Meanwhile, the national football team won its qualifier in extra time.",
            STORY[1],
            STORY[3],
        ]);
        let got = pairs(&align(&a, &b));
        assert_eq!(
            got,
            vec![
                (vec![0], vec![0], false),
                (vec![1], vec![2], false),
                (vec![3], vec![3], false)
            ]
        );
    }

    #[test]
    fn rewritten_sentence_links_despite_synonyms() {
        let a = version(&STORY);
        let b = version(&[
            STORY[0],
            "Two dock workers were hurt and taken to the city hospital, officials stated.",
            "Union leader Ana Ferreira said the accident was entirely avoidable.",
        ]);
        let got = pairs(&align(&a, &b));
        assert!(got.contains(&(vec![1], vec![1], false)), "{got:?}");
        assert!(got.contains(&(vec![2], vec![2], false)), "{got:?}");
    }

    #[test]
    fn boilerplate_links_only_to_boilerplate() {
        let a = version(&[STORY[0], "Related Topics port crane union"]);
        let b = version(&[STORY[0], "Related Topics port crane union"]);
        let got = pairs(&align(&a, &b));
        assert_eq!(got.len(), 2);
        let c = version(&["Topics related: port crane union."]);
        let got = align(&a, &c);
        assert!(got.iter().all(|m| m.base != vec![0]), "{:?}", pairs(&got));
    }

    #[test]
    fn empty_versions_give_no_links() {
        let a = version(&STORY);
        let e = version(&[]);
        assert!(align(&a, &e).is_empty());
        assert!(align(&e, &a).is_empty());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Every sentence of either version is in at most one link; links are non-empty,
        /// ascending, and scored in [0, 1].
        #[test]
        fn every_sentence_in_at_most_one_link(
            a in proptest::collection::vec(0usize..12, 0..14),
            b in proptest::collection::vec(0usize..12, 0..14),
            edit in proptest::collection::vec(proptest::bool::ANY, 14),
        ) {
            let pick = |ix: &[usize], edited: bool| -> Vec<String> {
                ix.iter()
                    .enumerate()
                    .map(|(k, &i)| {
                        let s = STORY[i % STORY.len()];
                        if i >= STORY.len() || (edited && edit[k]) {
                            s.replacen("the", "a", 1).replacen(' ', " very ", 1)
                        } else {
                            s.to_string()
                        }
                    })
                    .collect()
            };
            let (la, lb) = (pick(&a, false), pick(&b, true));
            let va = version(&la.iter().map(String::as_str).collect::<Vec<_>>());
            let vb = version(&lb.iter().map(String::as_str).collect::<Vec<_>>());
            let ms = align(&va, &vb);
            let mut seen_a = vec![0; la.len()];
            let mut seen_b = vec![0; lb.len()];
            for m in &ms {
                proptest::prop_assert!(!m.base.is_empty() && !m.other.is_empty());
                proptest::prop_assert!(m.base.windows(2).all(|w| w[0] < w[1]));
                proptest::prop_assert!(m.other.windows(2).all(|w| w[0] < w[1]));
                proptest::prop_assert!((0.0..=1.0).contains(&m.score));
                for &i in &m.base { seen_a[i] += 1; }
                for &j in &m.other { seen_b[j] += 1; }
            }
            proptest::prop_assert!(seen_a.iter().all(|&c| c <= 1));
            proptest::prop_assert!(seen_b.iter().all(|&c| c <= 1));
            // Identical versions align completely, in order.
            let same = align(&va, &va.clone());
            let distinct: std::collections::HashSet<_> = la.iter().collect();
            if distinct.len() == la.len() {
                proptest::prop_assert_eq!(same.len(), la.len());
                proptest::prop_assert!(same.iter().all(|m| !m.moved && m.base == m.other));
            }
        }
    }
}
