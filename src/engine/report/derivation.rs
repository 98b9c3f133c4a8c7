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

use crate::engine::model::Version;
use crate::engine::report::{origin, shingles};

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
    /// Pairwise share of word triples in common, symmetric, 1.0 on the diagonal.
    pub matrix: Vec<Vec<f32>>,
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
        let heads = std::iter::once(self.root)
            .chain((0..self.parent.len()).filter(|&v| self.is_own_wording(v)));
        for head in heads {
            let mut stack = vec![(head, 0)];
            while let Some((v, d)) = stack.pop() {
                out.push((v, d));
                for c in self.children(v).into_iter().rev() {
                    stack.push((c, d + 1));
                }
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

/// Pairwise share of word triples in common of versions with shingles `sets`.
fn similarity_matrix(sets: &[Vec<u64>]) -> Vec<Vec<f32>> {
    let n = sets.len();
    let mut m = vec![vec![0.0f32; n]; n];
    for i in 0..n {
        m[i][i] = 1.0;
        for j in i + 1..n {
            let s = jaccard(&sets[i], &sets[j]);
            m[i][j] = s;
            m[j][i] = s;
        }
    }
    m
}

/// The derivation tree of `versions`, rooted at the likely original; `base` wins ties
/// for the root.
pub fn derive(versions: &[Version], base: usize) -> Derivation {
    let sets: Vec<Vec<u64>> = versions.iter().map(shingles::of).collect();
    let furniture: Vec<usize> = versions.iter().map(shingles::furniture).collect();
    let root = origin::likely_original(&sets, &furniture, base);
    tree(similarity_matrix(&sets), root)
}

/// The derivation tree for a given matrix of shares in common (square, symmetric), grown
/// from `root` (clamped to the versions).
fn tree(matrix: Vec<Vec<f32>>, root: usize) -> Derivation {
    let n = matrix.len();
    if n == 0 {
        return Derivation {
            root: 0,
            parent: Vec::new(),
            score: Vec::new(),
            matrix,
        };
    }
    let root = root.min(n - 1);
    let mut parent = vec![None; n];
    let mut score = vec![0.0f32; n];
    score[root] = 1.0;
    let mut placed = vec![false; n];
    placed[root] = true;
    let mut order = vec![root];
    for _ in 1..n {
        // The strongest edge from a placed version to an unplaced one.
        let mut best: Option<(usize, usize, f32)> = None;
        for (v, &done) in placed.iter().enumerate() {
            if done {
                continue;
            }
            for &p in &order {
                let s = matrix[p][v];
                if best.is_none_or(|(_, _, b)| s > b + 1e-6) {
                    best = Some((v, p, s));
                }
            }
        }
        let Some((v, p, s)) = best else { break };
        placed[v] = true;
        order.push(v);
        parent[v] = Some(p);
        score[v] = s;
    }
    // A near-copy of its own parent cannot be told from that parent: a version that
    // shares no more with the copy than with the parent copied the parent.
    for &v in &order {
        while let Some(p) = parent[v]
            && let Some(g) = parent[p]
            && matrix[p][g] >= NEAR_COPY
            && matrix[v][g] + SAME_TOLERANCE >= matrix[v][p]
        {
            parent[v] = Some(g);
            score[v] = matrix[v][g];
        }
    }
    for v in 0..n {
        if v != root && score[v] < OWN_WORDING {
            parent[v] = None;
        }
    }
    Derivation {
        root,
        parent,
        score,
        matrix,
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
                text: s.to_string(),
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
        super::similarity_matrix(&sets)
    }

    const ORIGINAL: &str = "The river rose four metres overnight in the valley town. Residents moved cattle to the hills before dawn. The mayor said the bridge would stay closed until Friday. Engineers will inspect the old levee on Monday";

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
