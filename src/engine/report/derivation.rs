//! Derivation: from the share of text every two versions have in common, which version
//! each one most likely copies, as a tree rooted at the likely original.
//!
//! What is measured is cheap and document-level: the share of word triples two versions
//! have in common (the Jaccard index of the sets of word 3-gram shingles of their story
//! text, see `shingles`). The root is the likely original (`origin`: the version the
//! others share most text with; the base on a tie); the tree is the maximum spanning tree
//! grown from the root (Prim), so every version hangs under the version above it that it
//! shares most text with; a version that shares about as much with a near-copy (0.9 or
//! more in common) as with the near-copy's parent hangs under the parent, since the copy
//! adds nothing it could have taken. A version sharing under 3% of its word triples with
//! every other is in its own wording (a report of its own, or a rewrite that kept no run
//! of three words: its comparisons may still link paraphrased sentences) and heads its
//! own tree. Pure and deterministic: on a tie the version placed earlier (closer to the
//! root) is the parent, and lower indices are placed first.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use rustc_hash::FxHashMap;

use crate::engine::model::Version;
use crate::engine::report::{origin, shingles, sketch};

/// Below this share of word triples in common with every other version, a version copied
/// none of them word for word: a few shared word triples are names and set phrases any
/// two stories on the same news share (measured: 1-2% between independent reports, 5% and
/// more for paraphrased copies).
const OWN_WORDING: f32 = 0.03;
/// Share of word triples in common at which a version is a near-copy of another.
const NEAR_COPY: f32 = 0.9;
/// Shares closer than this are treated as equal when choosing between a near-copy and its
/// parent.
const SAME_TOLERANCE: f32 = 0.05;

/// What the derivation measures, as a heading for it.
pub const HEADING: &str = "Derivation: each under the version it shares most text with";

/// The derivation tree of a set of versions.
#[derive(Debug, Clone, PartialEq)]
pub struct Derivation {
    /// Index of the likely original.
    pub root: usize,
    /// For each version, the version above it that it shares most text with (`None` for
    /// the root and for versions in their own wording).
    pub parent: Vec<Option<usize>>,
    /// For each version, the share of word triples it has in common with its parent (1.0
    /// for the root).
    pub score: Vec<f32>,
}

impl Derivation {
    /// Children of `v`, ascending.
    pub fn children(&self, v: usize) -> Vec<usize> {
        (0..self.parent.len())
            .filter(|&k| self.parent[k] == Some(v))
            .collect()
    }

    /// Whether `v` shares too few word triples with every other version to have copied
    /// any of them word for word (a report of its own on the same news); such a version
    /// heads its own tree.
    pub fn is_own_wording(&self, v: usize) -> bool {
        v != self.root && self.parent.get(v).is_some_and(Option::is_none)
    }

    /// What the tree says of version `v`, to follow its name: "(likely original)",
    /// "(72% of word triples)" in common with its parent, or "(own wording: under 3% of
    /// word triples shared)" with any version.
    pub fn note(&self, v: usize) -> String {
        if v == self.root {
            "(likely original)".to_string()
        } else if self.is_own_wording(v) {
            format!(
                "(own wording: under {:.0}% of word triples shared)",
                OWN_WORDING * 100.0
            )
        } else {
            let share = self.score.get(v).copied().unwrap_or(0.0);
            format!("({:.0}% of word triples)", share * 100.0)
        }
    }

    /// Depth-first order: the root's tree, then the tree of each version in its own
    /// wording (ascending), as (version, depth) pairs, children ascending.
    pub fn walk(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        if self.parent.is_empty() {
            return out;
        }
        let mut children = vec![Vec::new(); self.parent.len()];
        for (v, p) in self.parent.iter().enumerate() {
            if let Some(p) = *p {
                children[p].push(v);
            }
        }
        let heads = std::iter::once(self.root)
            .chain((0..self.parent.len()).filter(|&v| self.is_own_wording(v)));
        for head in heads {
            let mut stack = vec![(head, 0)];
            while let Some((v, d)) = stack.pop() {
                out.push((v, d));
                stack.extend(children[v].iter().rev().map(|&c| (c, d + 1)));
            }
        }
        out
    }
}

/// Jaccard index of two sorted shingle sets (0 when both are empty).
fn jaccard(first: &[u64], second: &[u64]) -> f32 {
    let shared = shingles::shared(first, second);
    let union = first.len() + second.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f32 / union as f32
    }
}

/// The derivation tree of `versions`, rooted at the likely original; `base` wins ties
/// for the root.
pub fn derive(versions: &[Version], base: usize) -> Derivation {
    let sets = shingles::of_all(versions);
    let furniture: Vec<usize> = versions.iter().map(shingles::furniture).collect();
    let root = origin::likely_original(&sets, &furniture, base);
    tree_of_sets(&sets, root)
}

/// The derivation tree of versions with shingles `sets`, rooted at `root`.
fn tree_of_sets(sets: &[Vec<u64>], root: usize) -> Derivation {
    let graph = Graph::scored(sets, root);
    tree(&graph, root, |a, b| jaccard(&sets[a], &sets[b]))
}

/// Versions each version is scored against (besides the likely original, which every
/// version is scored against): the ones its sketch says it most likely shares text with.
/// With no more versions than this, every pair is scored (the exact tree); above it the
/// work is linear in the number of versions (measured: 1,000 versions of 1,000 words in
/// well under a second, see docs/benchmarks.md).
const CANDIDATES: usize = 24;

/// The scored pairs of versions: for each version, its neighbours with the share of word
/// triples they have in common, ascending by neighbour.
struct Graph {
    edges: Vec<Vec<(usize, f32)>>,
    shares: FxHashMap<(usize, usize), f32>,
}

impl Graph {
    /// Every version's candidates (see `sketch`) and the root, scored exactly.
    fn scored(sets: &[Vec<u64>], root: usize) -> Graph {
        let n = sets.len();
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for (v, found) in sketch::candidates(sets, CANDIDATES).into_iter().enumerate() {
            pairs.extend(found.into_iter().map(|u| (v.min(u), v.max(u))));
            if v != root {
                pairs.push((v.min(root), v.max(root)));
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let scored = pairs
            .into_iter()
            .map(|(a, b)| ((a, b), jaccard(&sets[a], &sets[b])));
        Graph::from_pairs(n, scored)
    }

    /// The graph of `n` versions with the scored pairs `(low, high)` given.
    fn from_pairs(n: usize, pairs: impl Iterator<Item = ((usize, usize), f32)>) -> Graph {
        let mut edges = vec![Vec::new(); n];
        let mut shares = FxHashMap::default();
        for ((a, b), s) in pairs {
            edges[a].push((b, s));
            edges[b].push((a, s));
            shares.insert((a, b), s);
        }
        for list in &mut edges {
            list.sort_unstable_by_key(|&(u, _)| u);
        }
        Graph { edges, shares }
    }

    /// The share two versions have in common: scored already, or scored now by `score`.
    fn share(&self, a: usize, b: usize, score: &impl Fn(usize, usize) -> f32) -> f32 {
        if a == b {
            return 1.0;
        }
        let key = (a.min(b), a.max(b));
        self.shares
            .get(&key)
            .copied()
            .unwrap_or_else(|| score(key.0, key.1))
    }
}

/// An edge from a placed version to an unplaced one, ordered as the tree chooses: the
/// largest share first, then the lower unplaced version, then the parent placed earlier.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Edge {
    /// The share's bits (non-negative floats order as their bits do).
    share: u32,
    version: Reverse<usize>,
    placed_at: Reverse<usize>,
    parent: usize,
}

/// The derivation tree over the scored pairs of `graph` (`score` gives the share of any
/// other pair the tree needs), grown from `root` (clamped to the versions): the maximum
/// spanning tree (Prim), a version missing from the graph's pairs of the placed ones
/// hanging under the root with share 0.
fn tree(graph: &Graph, root: usize, score: impl Fn(usize, usize) -> f32) -> Derivation {
    let n = graph.edges.len();
    if n == 0 {
        return Derivation {
            root: 0,
            parent: Vec::new(),
            score: Vec::new(),
        };
    }
    let root = root.min(n - 1);
    let mut parent = vec![None; n];
    let mut score_of = vec![0.0f32; n];
    score_of[root] = 1.0;
    let mut placed = vec![false; n];
    let mut order = Vec::with_capacity(n);
    let mut heap = BinaryHeap::new();
    place(graph, root, &mut placed, &mut order, &mut heap);
    while order.len() < n {
        let (v, p, s) = match heap.pop() {
            Some(e) if placed[e.version.0] => continue,
            Some(e) => (e.version.0, e.parent, f32::from_bits(e.share)),
            None => (placed.iter().position(|&d| !d).unwrap_or(0), root, 0.0),
        };
        parent[v] = Some(p);
        score_of[v] = s;
        place(graph, v, &mut placed, &mut order, &mut heap);
    }
    near_copies(graph, &order, &mut parent, &mut score_of, &score);
    for v in 0..n {
        if v != root && score_of[v] < OWN_WORDING {
            parent[v] = None;
        }
    }
    Derivation {
        root,
        parent,
        score: score_of,
    }
}

/// Place version `v` in the tree: its edges to the versions not yet placed become
/// choices.
fn place(
    graph: &Graph,
    v: usize,
    placed: &mut [bool],
    order: &mut Vec<usize>,
    heap: &mut BinaryHeap<Edge>,
) {
    placed[v] = true;
    for &(u, s) in &graph.edges[v] {
        if !placed[u] {
            heap.push(Edge {
                share: s.max(0.0).to_bits(),
                version: Reverse(u),
                placed_at: Reverse(order.len()),
                parent: v,
            });
        }
    }
    order.push(v);
}

/// A near-copy of its own parent cannot be told from that parent: a version that shares
/// no more with the copy than with the parent copied the parent. Parents first (`order`
/// is the order versions were placed in), so each step up is at most a step or two.
fn near_copies(
    graph: &Graph,
    order: &[usize],
    parent: &mut [Option<usize>],
    score: &mut [f32],
    pair: &impl Fn(usize, usize) -> f32,
) {
    for &v in order {
        while let Some(p) = parent[v]
            && let Some(g) = parent[p]
            && graph.share(p, g, pair) >= NEAR_COPY
            && graph.share(v, g, pair) + SAME_TOLERANCE >= graph.share(v, p, pair)
        {
            parent[v] = Some(g);
            score[v] = graph.share(v, g, pair);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::{Sentence, SentenceKind};

    fn version(name: &str, text: &str) -> Version {
        let sentences = text
            .split(". ")
            .map(|s| Sentence {
                text: s.to_string().into(),
                start: 0,
                end: 0,
                kind: if s.starts_with("Menu") {
                    SentenceKind::Boilerplate
                } else {
                    SentenceKind::Body
                },
                paragraph: 0,
            })
            .collect();
        Version {
            name: name.into(),
            label: name.into(),
            text: text.into(),
            sentences,
        }
    }

    fn similarity_matrix(versions: &[Version]) -> Vec<Vec<f32>> {
        let sets: Vec<Vec<u64>> = versions.iter().map(shingles::of).collect();
        sets.iter()
            .map(|a| sets.iter().map(|b| jaccard(a, b)).collect())
            .collect()
    }

    /// The tree over every pair of a matrix of shares.
    fn tree(m: Vec<Vec<f32>>, root: usize) -> Derivation {
        let n = m.len();
        let pairs = (0..n).flat_map(|a| (a + 1..n).map(move |b| (a, b)));
        let graph = Graph::from_pairs(n, pairs.map(|(a, b)| ((a, b), m[a][b])));
        super::tree(&graph, root, |a, b| m[a][b])
    }

    const ORIGINAL: &str = "The river rose four metres overnight in the valley town. Residents moved cattle to the hills before dawn. The mayor said the bridge would stay closed until Friday. Engineers will inspect the old levee on Monday";

    /// Copies of copies: `families` copies of an original, each with `per_family` copies
    /// of its own; every copy drops some of its source's shingles and adds its own.
    fn families(families: u64, per_family: u64) -> Vec<Vec<u64>> {
        let keep = |source: &[u64], seed: u64, drop_one_in: u64| -> Vec<u64> {
            source
                .iter()
                .copied()
                .filter(|&x| {
                    let mut h = (x ^ (seed << 32)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
                    h = (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
                    !(h >> 32).is_multiple_of(drop_one_in)
                })
                .collect()
        };
        let original: Vec<u64> = (0..1000).collect();
        let mut sets = vec![original.clone()];
        for f in 0..families {
            let mut copy = keep(&original, f + 1, 8);
            copy.extend(1_000_000 * (f + 1)..1_000_000 * (f + 1) + 60);
            for c in 0..per_family {
                let seed = 1000 + f * per_family + c;
                let mut sub = keep(&copy, seed, 20);
                sub.extend(seed * 1_000_000..seed * 1_000_000 + 25);
                sub.sort_unstable();
                sets.push(sub);
            }
            copy.sort_unstable();
            sets.push(copy);
        }
        sets
    }

    #[test]
    fn sketched_tree_equals_the_all_pairs_tree() {
        let sets = families(12, 9);
        assert!(sets.len() > CANDIDATES + 1, "the sketches are used");
        let sketched = tree_of_sets(&sets, 0);
        let m: Vec<Vec<f32>> = sets
            .iter()
            .map(|a| sets.iter().map(|b| jaccard(a, b)).collect())
            .collect();
        let exact = tree(m, 0);
        let differ: Vec<_> = (0..sets.len())
            .filter(|&v| sketched.parent[v] != exact.parent[v])
            .map(|v| (v, sketched.parent[v], exact.parent[v]))
            .collect();
        assert_eq!(differ, vec![]);
        assert_eq!(sketched, exact);
        // Each family's copies hang under their copy, each copy under the original.
        let copy = 10;
        assert_eq!(sketched.parent[copy], Some(0));
        assert!((1..copy).all(|sub| sketched.parent[sub] == Some(copy)));
    }

    #[test]
    fn identical_versions_have_similarity_one() {
        let v = vec![version("a", ORIGINAL), version("b", ORIGINAL)];
        let m = similarity_matrix(&v);
        assert!((m[0][1] - 1.0).abs() < 1e-6);
        assert_eq!(m[0][1], m[1][0]);
    }

    #[test]
    fn unrelated_versions_have_similarity_zero() {
        let v = vec![
            version("a", ORIGINAL),
            version(
                "b",
                "Completely different words about a cooking contest held indoors",
            ),
        ];
        assert_eq!(similarity_matrix(&v)[0][1], 0.0);
    }

    #[test]
    fn boilerplate_is_ignored() {
        let with_menu = format!("Menu Home Sport Weather. {ORIGINAL}");
        let v = vec![version("a", ORIGINAL), version("b", &with_menu)];
        assert!((similarity_matrix(&v)[0][1] - 1.0).abs() < 1e-6);
    }

    #[test]
    fn copy_of_a_copy_hangs_under_the_copy() {
        // b copies a and adds a paragraph; c copies b including the addition and trims.
        let b_text = format!(
            "{ORIGINAL}. A shelter opened at the school gym with two hundred beds and hot meals"
        );
        let c_text = "Residents moved cattle to the hills before dawn. The mayor said the bridge would stay closed until Friday. A shelter opened at the school gym with two hundred beds and hot meals";
        let v = vec![
            version("a", ORIGINAL),
            version("b", &b_text),
            version("c", c_text),
        ];
        let d = derive(&v, 0);
        // b shares most with both others, so it is the likely original; c copies b; a is
        // b's source or copy (shared text cannot tell), but hangs under b.
        assert_eq!(d.root, 1);
        assert_eq!(d.parent[1], None);
        assert_eq!(d.parent[2], Some(1));
        assert_eq!(d.parent[0], Some(1));
        assert_eq!(d.walk(), vec![(1, 0), (0, 1), (2, 1)]);
    }

    #[test]
    fn trimmed_copy_hangs_under_the_original_not_its_verbatim_copy() {
        // 0 = 1 (verbatim copy, root ties go to the base); 2 trims both equally.
        let m = vec![
            vec![1.0, 0.97, 0.60],
            vec![0.97, 1.0, 0.62],
            vec![0.60, 0.62, 1.0],
        ];
        let d = tree(m, 0);
        assert_eq!(d.root, 0);
        assert_eq!(d.parent, vec![None, Some(0), Some(0)]);
        assert!((d.score[2] - 0.60).abs() < 1e-6);
        // Clearly closer to the copy: stays under it.
        let m = vec![
            vec![1.0, 0.95, 0.50],
            vec![0.95, 1.0, 0.70],
            vec![0.50, 0.70, 1.0],
        ];
        assert_eq!(tree(m, 0).parent, vec![None, Some(0), Some(1)]);
    }

    #[test]
    fn version_in_its_own_wording_heads_its_own_tree() {
        let m = vec![
            vec![1.0, 0.60, 0.01, 0.02],
            vec![0.60, 1.0, 0.02, 0.01],
            vec![0.01, 0.02, 1.0, 0.40],
            vec![0.02, 0.01, 0.40, 1.0],
        ];
        let d = tree(m, 0);
        assert_eq!(d.root, 0);
        assert_eq!(d.parent, vec![None, Some(0), None, Some(2)]);
        assert!(d.is_own_wording(2) && !d.is_own_wording(0) && !d.is_own_wording(3));
        assert_eq!(d.note(0), "(likely original)");
        assert_eq!(d.note(1), "(60% of word triples)");
        assert_eq!(d.note(2), "(own wording: under 3% of word triples shared)");
        assert_eq!(d.walk(), vec![(0, 0), (1, 1), (2, 0), (3, 1)]);
    }

    #[test]
    fn base_wins_ties_and_tree_is_deterministic() {
        let v = vec![
            version("a", ORIGINAL),
            version("b", ORIGINAL),
            version("c", ORIGINAL),
        ];
        let d = derive(&v, 2);
        assert_eq!(d.root, 2);
        assert_eq!(d.parent, vec![Some(2), Some(2), None]);
        assert_eq!(d, derive(&v, 2));
    }

    #[test]
    fn every_version_but_the_root_has_a_parent() {
        let m = vec![
            vec![1.0, 0.2, 0.85, 0.1],
            vec![0.2, 1.0, 0.3, 0.8],
            vec![0.85, 0.3, 1.0, 0.2],
            vec![0.1, 0.8, 0.2, 1.0],
        ];
        let d = tree(m, 2);
        assert_eq!(d.root, 2);
        assert_eq!(d.parent, vec![Some(2), Some(2), None, Some(1)]);
        assert!((d.score[3] - 0.8).abs() < 1e-6);
    }

    #[test]
    fn empty_and_single_inputs_do_not_panic() {
        let d = derive(&[], 0);
        assert!(d.walk().is_empty());
        let d = derive(&[version("a", "x")], 5);
        assert_eq!(d.root, 0);
        assert_eq!(d.walk(), vec![(0, 0)]);
    }
}
