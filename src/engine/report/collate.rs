//! Collation: rows of linked sentences in base order. For one comparison (`pair_rows`) and
//! across all versions (`collate`); each version's unmatched sentences are placed after
//! their nearest matched predecessor.
//!
//! Rules shared by both views:
//! - a link is shown once, at the row of its first (lowest) base sentence;
//! - a sentence of another version that is in no link is placed right after the row
//!   showing the link of its nearest preceding linked sentence (in that version's own
//!   order), or at the very top when no earlier sentence of that version is linked;
//! - every sentence of every version appears in exactly one row (given links that do not
//!   share sentences, as the aligner produces). Indices out of range are ignored.
//!
//! In the N-way view there is one row per base sentence, except that consecutive base
//! sentences that every comparison links through the same link (a 2:1 merge seen in all
//! versions) share one row. When a link covers base sentences that are in different rows,
//! its cell is in the row of its first base sentence and the later rows show `Empty` for
//! that version. The unmatched sentences of all versions anchored after the same row share
//! one extra row (base cell `Empty`).

use crate::engine::model::{Cell, Comparison, LinkKind, Row, SentenceKind, Version};

/// What a row of the two-version view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A link; `moved` when it crosses other links.
    Link {
        /// How close the two sides are, from identical to partial.
        kind: LinkKind,
        /// True when the link crosses other links (the sentence moved).
        moved: bool,
    },
    /// Base sentences with no partner.
    Deleted,
    /// Other-version sentences with no partner.
    Added,
}

/// One row of the two-version view: base sentences on the left, other sentences on the
/// right (either may be empty), and the link index into `Comparison::links` if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairRow {
    /// A link, deleted base sentences or added ones.
    pub kind: RowKind,
    /// The base's sentences on the left, ascending (empty for added ones).
    pub base: Vec<usize>,
    /// The other version's sentences on the right, ascending (empty for deleted ones).
    pub other: Vec<usize>,
    /// The link the row shows (index into `Comparison::links`); `None` when unmatched.
    pub link: Option<usize>,
    /// All sentences of the row (both sides) are boilerplate.
    pub boilerplate: bool,
    /// All sentences of the row (both sides) are datelines: shown dimmed, not folded.
    pub dateline: bool,
}

/// Where the links of one comparison sit: for each link its valid base and other
/// sentences, and for each sentence the link holding it.
struct LinkMap {
    /// Per link: sorted, in-range base sentences and other sentences.
    base: Vec<Vec<usize>>,
    other: Vec<Vec<usize>>,
    /// Per base sentence: the first link that holds it.
    base_link: Vec<Option<usize>>,
    /// Per other sentence: the first link that holds it.
    other_link: Vec<Option<usize>>,
}

impl LinkMap {
    fn new(cmp: &Comparison, nb: usize, no: usize) -> LinkMap {
        let mut map = LinkMap {
            base: Vec::with_capacity(cmp.links.len()),
            other: Vec::with_capacity(cmp.links.len()),
            base_link: vec![None; nb],
            other_link: vec![None; no],
        };
        for (li, link) in cmp.links.iter().enumerate() {
            let mut b: Vec<usize> = link.base.iter().copied().filter(|&i| i < nb).collect();
            let mut o: Vec<usize> = link.other.iter().copied().filter(|&j| j < no).collect();
            b.sort_unstable();
            b.dedup();
            o.sort_unstable();
            o.dedup();
            // A link with no base sentence cannot be placed in base order: its other
            // sentences count as unmatched.
            if b.is_empty() {
                o.clear();
            }
            for &i in &b {
                map.base_link[i].get_or_insert(li);
            }
            for &j in &o {
                map.other_link[j].get_or_insert(li);
            }
            map.base.push(b);
            map.other.push(o);
        }
        map
    }

    /// First base sentence of link `li` (links with none are never shown).
    fn first_base(&self, li: usize) -> Option<usize> {
        self.base[li].first().copied()
    }

    /// Other sentences in no link, grouped by the link of their nearest linked
    /// predecessor (`None`: no linked predecessor). In the other version's order.
    fn unmatched_other(&self) -> Vec<(Option<usize>, usize)> {
        let mut anchor = None;
        let mut out = Vec::new();
        for (j, l) in self.other_link.iter().enumerate() {
            match l {
                Some(li) => anchor = Some(*li),
                None => out.push((anchor, j)),
            }
        }
        out
    }
}

/// Rows of one comparison in base order; unmatched other sentences follow their nearest
/// matched predecessor (in the other version's order).
pub fn pair_rows(base: &Version, other: &Version, cmp: &Comparison) -> Vec<PairRow> {
    let nb = base.sentences.len();
    let no = other.sentences.len();
    let map = LinkMap::new(cmp, nb, no);
    let all = |v: &Version, ix: &[usize], kind: SentenceKind| {
        ix.iter().all(|&i| v.sentences[i].kind == kind)
    };
    let of_kind = |b: &[usize], o: &[usize], kind: SentenceKind| {
        !(b.is_empty() && o.is_empty()) && all(base, b, kind) && all(other, o, kind)
    };
    let row = |kind: RowKind, b: Vec<usize>, o: Vec<usize>, link: Option<usize>| PairRow {
        kind,
        boilerplate: of_kind(&b, &o, SentenceKind::Boilerplate),
        dateline: of_kind(&b, &o, SentenceKind::Dateline),
        base: b,
        other: o,
        link,
    };
    // Unmatched other sentences by anchor (0: no linked predecessor, li + 1: after link
    // li), each list in the other version's order.
    let unmatched = map.unmatched_other();
    let mut added: Vec<Vec<usize>> = vec![Vec::new(); map.base.len() + 1];
    for &(anchor, j) in &unmatched {
        added[anchor.map_or(0, |li| li + 1)].push(j);
    }
    let added_after = |anchor: Option<usize>, rows: &mut Vec<PairRow>| {
        for &j in &added[anchor.map_or(0, |li| li + 1)] {
            rows.push(row(RowKind::Added, Vec::new(), vec![j], None));
        }
    };
    // Links by their first base sentence.
    let mut starts: Vec<Vec<usize>> = vec![Vec::new(); nb];
    for li in 0..map.base.len() {
        if let Some(first) = map.first_base(li) {
            starts[first].push(li);
        }
    }
    let mut rows = Vec::with_capacity(nb + unmatched.len());
    added_after(None, &mut rows);
    for (i, links) in starts.iter().enumerate() {
        for &li in links {
            let link = &cmp.links[li];
            rows.push(row(
                RowKind::Link {
                    kind: link.kind,
                    moved: link.moved,
                },
                map.base[li].clone(),
                map.other[li].clone(),
                Some(li),
            ));
            added_after(Some(li), &mut rows);
        }
        if map.base_link[i].is_none() {
            rows.push(row(RowKind::Deleted, vec![i], Vec::new(), None));
        }
    }
    rows
}

/// N-way collation of all versions against the base.
pub fn collate(versions: &[Version], base: usize, comparisons: &[Comparison]) -> Vec<Row> {
    let Some(bv) = versions.get(base) else {
        return Vec::new();
    };
    let nv = versions.len();
    let nb = bv.sentences.len();
    // One link map per version (None for the base and versions without a comparison).
    let maps: Vec<Option<LinkMap>> = (0..nv)
        .map(|v| {
            if v == base {
                return None;
            }
            comparisons
                .iter()
                .find(|c| c.other == v && c.base == base)
                .map(|c| LinkMap::new(c, nb, versions[v].sentences.len()))
        })
        .collect();

    // Groups of base sentences, one main row each.
    let mut groups: Vec<Vec<usize>> = Vec::with_capacity(nb);
    let any_map = maps.iter().any(Option::is_some);
    for i in 0..nb {
        let joins_previous = any_map
            && i > 0
            && maps
                .iter()
                .flatten()
                .all(|m| m.base_link[i].is_some() && m.base_link[i] == m.base_link[i - 1]);
        match groups.last_mut() {
            Some(g) if joins_previous => g.push(i),
            _ => groups.push(vec![i]),
        }
    }
    let mut group_of = vec![0; nb];
    for (g, members) in groups.iter().enumerate() {
        for &i in members {
            group_of[i] = g;
        }
    }

    // Extra rows: index 0 = top, g + 1 = after group g. Per version the unmatched
    // sentences anchored there.
    let mut extra: Vec<Vec<Vec<usize>>> = vec![vec![Vec::new(); nv]; groups.len() + 1];
    for v in 0..nv {
        if v == base {
            continue;
        }
        match &maps[v] {
            Some(m) => {
                for (anchor, j) in m.unmatched_other() {
                    let slot = anchor
                        .and_then(|li| m.first_base(li))
                        .map_or(0, |first| group_of[first] + 1);
                    extra[slot][v].push(j);
                }
            }
            None => extra[0][v].extend(0..versions[v].sentences.len()),
        }
    }

    let extra_row = |cells: &[Vec<usize>]| -> Option<Row> {
        if cells.iter().all(Vec::is_empty) {
            return None;
        }
        Some(Row {
            cells: cells
                .iter()
                .map(|s| {
                    if s.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Unmatched(s.clone())
                    }
                })
                .collect(),
        })
    };

    let mut rows = Vec::with_capacity(groups.len() * 2 + 1);
    rows.extend(extra_row(&extra[0]));
    for (g, members) in groups.iter().enumerate() {
        let cells = (0..nv)
            .map(|v| {
                if v == base {
                    return Cell::Base(members.clone());
                }
                let Some(m) = &maps[v] else {
                    return Cell::Empty;
                };
                // The link shown here: the one whose first base sentence is in the group.
                members
                    .iter()
                    .filter_map(|&i| m.base_link[i])
                    .find(|&li| m.first_base(li).is_some_and(|f| group_of[f] == g))
                    .map_or(Cell::Empty, |li| Cell::Linked {
                        sentences: m.other[li].clone(),
                        link: li,
                    })
            })
            .collect();
        rows.push(Row { cells });
        rows.extend(extra_row(&extra[g + 1]));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::{Link, Sentence, Stats, WordDiff};
    use proptest::prelude::*;

    fn version(name: &str, n: usize) -> Version {
        Version {
            name: name.into(),
            label: name.into(),
            text: std::sync::Arc::from(""),
            sentences: (0..n)
                .map(|i| Sentence {
                    text: format!("Sentence {i}.").into(),
                    start: 0,
                    end: 0,
                    kind: SentenceKind::Body,
                    paragraph: 0,
                })
                .collect(),
        }
    }

    fn link(base: &[usize], other: &[usize]) -> Link {
        Link {
            base: base.to_vec(),
            other: other.to_vec(),
            kind: LinkKind::Rewrite,
            score: 0.8,
            moved: false,
            diff: WordDiff::default(),
        }
    }

    fn comparison(other: usize, nb: usize, no: usize, links: Vec<Link>) -> Comparison {
        let mut ub = vec![true; nb];
        let mut uo = vec![true; no];
        for l in &links {
            l.base.iter().for_each(|&i| ub[i] = false);
            l.other.iter().for_each(|&j| uo[j] = false);
        }
        let pick = |u: Vec<bool>| u.iter().enumerate().filter(|x| *x.1).map(|x| x.0).collect();
        Comparison {
            base: 0,
            other,
            links,
            unmatched_base: pick(ub),
            unmatched_other: pick(uo),
            stats: Stats::default(),
            findings: Vec::new(),
            quotes: Vec::new(),
            added_quotes: Vec::new(),
        }
    }

    fn summary(rows: &[PairRow]) -> Vec<(char, Vec<usize>, Vec<usize>)> {
        rows.iter()
            .map(|r| {
                let k = match r.kind {
                    RowKind::Link { .. } => 'L',
                    RowKind::Deleted => 'D',
                    RowKind::Added => 'A',
                };
                (k, r.base.clone(), r.other.clone())
            })
            .collect()
    }

    #[test]
    fn pair_rows_places_added_after_predecessor() {
        let b = version("a", 4);
        let o = version("b", 5);
        // 0-0, 1 deleted, 2-(1,2) split, 3-4 ; other 3 added;
        let cmp = comparison(
            1,
            4,
            5,
            vec![link(&[0], &[0]), link(&[2], &[1, 2]), link(&[3], &[4])],
        );
        let rows = pair_rows(&b, &o, &cmp);
        assert_eq!(
            summary(&rows),
            vec![
                ('L', vec![0], vec![0]),
                ('D', vec![1], vec![]),
                ('L', vec![2], vec![1, 2]),
                ('A', vec![], vec![3]),
                ('L', vec![3], vec![4]),
            ]
        );
        assert_eq!(rows[2].link, Some(1));
        assert!(!rows[0].boilerplate);
    }

    #[test]
    fn pair_rows_top_and_moves() {
        let b = version("a", 3);
        let mut o = version("b", 4);
        o.sentences[0].kind = SentenceKind::Boilerplate;
        // other 0 is unmatched before anything; base 0 moved to the end of other.
        let mut l0 = link(&[0], &[3]);
        l0.moved = true;
        let cmp = comparison(1, 3, 4, vec![l0, link(&[1, 2], &[1])]);
        let rows = pair_rows(&b, &o, &cmp);
        assert_eq!(
            summary(&rows),
            vec![
                ('A', vec![], vec![0]),
                ('L', vec![0], vec![3]),
                ('L', vec![1, 2], vec![1]),
                ('A', vec![], vec![2]),
            ]
        );
        assert!(rows[0].boilerplate);
        assert_eq!(
            rows[1].kind,
            RowKind::Link {
                kind: LinkKind::Rewrite,
                moved: true
            }
        );
    }

    #[test]
    fn collate_groups_and_spans() {
        let vs = vec![version("a", 3), version("b", 3), version("c", 2)];
        // b: 0-0, 1-1, 2-2 ; c: (0,1)-0, 2 deleted, c1 added after c0.
        let cb = comparison(
            1,
            3,
            3,
            vec![link(&[0], &[0]), link(&[1], &[1]), link(&[2], &[2])],
        );
        let cc = comparison(2, 3, 2, vec![link(&[0, 1], &[0])]);
        let rows = collate(&vs, 0, &[cb, cc]);
        let cells: Vec<Vec<Cell>> = rows.into_iter().map(|r| r.cells).collect();
        assert_eq!(
            cells,
            vec![
                vec![
                    Cell::Base(vec![0]),
                    Cell::Linked {
                        sentences: vec![0],
                        link: 0
                    },
                    Cell::Linked {
                        sentences: vec![0],
                        link: 0
                    },
                ],
                vec![Cell::Empty, Cell::Empty, Cell::Unmatched(vec![1])],
                vec![
                    Cell::Base(vec![1]),
                    Cell::Linked {
                        sentences: vec![1],
                        link: 1
                    },
                    Cell::Empty,
                ],
                vec![
                    Cell::Base(vec![2]),
                    Cell::Linked {
                        sentences: vec![2],
                        link: 2
                    },
                    Cell::Empty,
                ],
            ]
        );
        // When every version merges base 0 and 1, they share one row.
        let vs = vec![version("a", 2), version("b", 1)];
        let cb = comparison(1, 2, 1, vec![link(&[0, 1], &[0])]);
        let rows = collate(&vs, 0, &[cb]);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].cells[0], Cell::Base(vec![0, 1]));
    }

    #[test]
    fn collate_missing_comparison_and_bad_base() {
        let vs = vec![version("a", 1), version("b", 2)];
        let rows = collate(&vs, 0, &[]);
        assert_eq!(
            rows[0].cells,
            vec![Cell::Empty, Cell::Unmatched(vec![0, 1])]
        );
        assert_eq!(rows[1].cells, vec![Cell::Base(vec![0]), Cell::Empty]);
        assert!(collate(&vs, 5, &[]).is_empty());
    }

    /// Build valid links from a list of choices: walk both sides with 1:1, 1:2, 2:1,
    /// 1:0, 0:1 steps, then swap some other-side groups to make moves.
    fn gen_links(nb: usize, no: usize, choices: &[u8]) -> Vec<Link> {
        let (mut i, mut j) = (0, 0);
        let mut pairs: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
        let mut c = choices.iter().cycle();
        while i < nb && j < no {
            let step = *c.next().unwrap_or(&0) % 5;
            let (db, dof) = match step {
                0 => (1, 1),
                1 => (1, 2),
                2 => (2, 1),
                3 => (1, 0),
                _ => (0, 1),
            };
            let db = db.min(nb - i);
            let dof = dof.min(no - j);
            if db > 0 && dof > 0 {
                pairs.push(((i..i + db).collect(), (j..j + dof).collect()));
            }
            i += db;
            j += dof;
        }
        for (k, ch) in choices.iter().enumerate() {
            if pairs.len() > 1 && ch % 7 == 0 {
                let a = k % pairs.len();
                let b = (k * 3 + 1) % pairs.len();
                let tmp = pairs[a].1.clone();
                pairs[a].1 = pairs[b].1.clone();
                pairs[b].1 = tmp;
            }
        }
        pairs.into_iter().map(|(b, o)| link(&b, &o)).collect()
    }

    proptest! {
        #[test]
        fn every_sentence_in_exactly_one_cell(
            nb in 0usize..12,
            others in proptest::collection::vec((0usize..12, proptest::collection::vec(any::<u8>(), 1..20)), 0..4),
        ) {
            let mut vs = vec![version("base", nb)];
            let mut cmps = Vec::new();
            for (k, (no, choices)) in others.iter().enumerate() {
                vs.push(version("v", *no));
                cmps.push(comparison(k + 1, nb, *no, gen_links(nb, *no, choices)));
            }
            let rows = collate(&vs, 0, &cmps);
            for (v, ver) in vs.iter().enumerate() {
                let mut seen = vec![0usize; ver.sentences.len()];
                for r in &rows {
                    prop_assert_eq!(r.cells.len(), vs.len());
                    match &r.cells[v] {
                        Cell::Base(s) | Cell::Unmatched(s) | Cell::Linked { sentences: s, .. } => {
                            for &i in s { seen[i] += 1; }
                        }
                        Cell::Empty => {}
                    }
                }
                prop_assert!(seen.iter().all(|&n| n == 1), "version {}: {:?}", v, seen);
            }
            // Base order of base cells.
            let base_order: Vec<usize> = rows.iter().filter_map(|r| match &r.cells[0] {
                Cell::Base(s) => Some(s.clone()),
                _ => None,
            }).flatten().collect();
            prop_assert_eq!(base_order, (0..nb).collect::<Vec<_>>());
            for (k, cmp) in cmps.iter().enumerate() {
                let pr = pair_rows(&vs[0], &vs[k + 1], cmp);
                let mut sb = vec![0usize; nb];
                let mut so = vec![0usize; vs[k + 1].sentences.len()];
                for r in &pr {
                    r.base.iter().for_each(|&i| sb[i] += 1);
                    r.other.iter().for_each(|&j| so[j] += 1);
                    prop_assert_eq!(r.link.is_some(), matches!(r.kind, RowKind::Link { .. }));
                }
                prop_assert!(sb.iter().chain(&so).all(|&n| n == 1));
                prop_assert_eq!(&pr, &pair_rows(&vs[0], &vs[k + 1], cmp));
            }
        }
    }
}
