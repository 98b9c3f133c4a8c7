//! Sentence alignment of one version against the base, in the order of its passes
//! (docs/ARCHITECTURE.md, "Align"):
//!
//! 1. exact anchors (`exact`): the same normalised text once on each side, then, between
//!    those that keep their order, repeated texts matched in order (`subsequence`);
//! 2. profiles of the other sentences (`sides`, `similarity`) and their candidates, from
//!    an inverted index of terms (`candidates`);
//! 3. similarity anchors, mutual best candidates, and the shared order: the repeated exact
//!    pairs and, between them, the longest increasing subsequence of the other anchors
//!    (`anchors`);
//! 4. each gap between consecutive anchors of that order aligned by a DP allowing 1:0,
//!    0:1, 1:1, 1:k and k:1 (`gap`);
//! 5. repairs (`repair`): strong anchors off the order become moves, isolated weak links
//!    are dropped, copies of a repeated text still free on both sides and then the
//!    remaining strong pairs become moves, groups grow over neighbours they contain (not
//!    over a copy of their own sentence) and over sentences they bridge, and links off the
//!    longest chain of non-crossing links are marked moved.
//!
//! The passes run twice, on the story of both versions and on their page furniture, each
//! seen without the other (`apart`): furniture is invisible to every distance and group
//! of the story's alignment.

mod anchors;
mod apart;
mod candidates;
mod chain;
mod corridor;
mod exact;
mod gap;
mod pairing;
mod repair;
mod sides;
mod similarity;
mod subsequence;

pub use pairing::Pairing;

use crate::engine::model::Version;
use anchors::SharedOrder;
use candidates::Candidates;
use gap::GapContext;
use pairing::Used;
use similarity::Vocabulary;

/// Align `other` against `base`. Boilerplate sentences are linked only to boilerplate:
/// the story and the furniture are aligned apart (`apart`). Returns pairings sorted by
/// first base sentence.
pub fn align(base: &Version, other: &Version) -> Vec<Pairing> {
    if !apart::has_furniture(base) && !apart::has_furniture(other) {
        return align_view(base, other);
    }
    let mut links = Vec::new();
    for furniture in [false, true] {
        let (base_view, other_view) = (apart::view(base, furniture), apart::view(other, furniture));
        let found = align_view(&base_view.version, &other_view.version);
        links.extend(
            found
                .into_iter()
                .map(|pairing| apart::map_back(pairing, &base_view, &other_view)),
        );
    }
    links.sort_by_key(|link| (link.base[0], link.other[0]));
    links
}

/// Align the sentences of `other` against those of `base`, all of them (a version, or
/// one of its views).
fn align_view(base: &Version, other: &Version) -> Vec<Pairing> {
    let (base_len, other_len) = (base.sentences.len(), other.sentences.len());
    if base_len == 0 || other_len == 0 {
        return Vec::new();
    }
    // Exact anchors, then the profiles and candidates of every other sentence.
    let exact = exact::exact_pairs(base, other);
    let exactly_paired = Used::of_pairs(base_len, other_len, &exact.pairs);
    let mut vocab = Vocabulary::default();
    let (base_side, other_side) = sides::profile_sides(base, other, &exactly_paired, &mut vocab);
    let candidates = Candidates::search(&base_side, &other_side, &exactly_paired);

    // Similarity anchors and the shared order, whose anchors are linked first.
    let anchors = anchors::anchors(&exact.pairs, &candidates);
    let order = SharedOrder::of(&anchors, &exact.repeated);
    let mut used = Used::new(base_len, other_len);
    // Room for every link up front (a long story's links were copied at each regrowth):
    // no sentence is in two links, so there are at most as many as the shorter side has
    // sentences.
    let mut links = Vec::with_capacity(base_len.min(other_len));
    links.extend(order.pairings(&anchors, &mut used));

    // The gaps between consecutive anchors of the shared order.
    let best_scores = candidates
        .best_scores()
        .with_copies(&exact.unplaced_copies());
    let context = GapContext {
        base: &base_side,
        other: &other_side,
        candidates: &candidates,
        best_scores: &best_scores,
    };
    let gap_ends = order.gap_ends(&anchors, base_len, other_len);
    gap::align_gaps(&context, &gap_ends, &mut used, &mut links);

    // Moves, pruning, growing and filling groups, and which links moved.
    repair::link_moved_anchors(&anchors, &order, &mut used, &mut links);
    repair::prune_isolated(&mut links, &mut used);
    repair::link_moved_copies(&exact.keys, &mut used, &mut links);
    repair::link_moved_candidates(&candidates, &mut used, &mut links);
    // What the last steps no longer read is freed before them, so that they work in the
    // freed memory rather than in fresh pages: this tail runs on one core, and on this
    // kind of machine a fresh MiB costs about a millisecond (docs/benchmarks.md).
    drop((candidates, best_scores, anchors, order));
    links.sort_by_key(|link| (link.base[0], link.other[0]));
    repair::grow(&base_side, &other_side, &mut links, &mut used);
    repair::fill(&base_side, &other_side, &mut links, &mut used);
    drop((base_side, other_side));
    drop(vocab);
    repair::mark_moves(&mut links, &exact.repeated);
    links
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::{Sentence, SentenceKind};
    use sides::is_heading_like;

    fn version(lines: &[&str]) -> Version {
        let mut text = String::new();
        let mut sentences = Vec::new();
        for (k, l) in lines.iter().enumerate() {
            let start = text.len();
            text.push_str(l);
            sentences.push(Sentence {
                text: l.to_string().into(),
                start,
                end: text.len(),
                kind: if l.starts_with("Related Topics") {
                    SentenceKind::Boilerplate
                } else {
                    SentenceKind::Body
                },
                paragraph: k,
            });
            text.push('\n');
        }
        Version {
            name: "t".into(),
            label: "t".into(),
            text: text.into(),
            sentences,
        }
    }

    fn pairs(ms: &[Pairing]) -> Vec<(Vec<usize>, Vec<usize>, bool)> {
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
        // Furniture never links with story text, however alike.
        let c = version(&["Topics related: port crane union."]);
        let got = align(&a, &c);
        assert!(got.iter().all(|m| m.base != vec![1]), "{:?}", pairs(&got));
    }

    /// `version`, with the sentences starting with one of `furniture` marked boilerplate.
    fn with_furniture(lines: &[&str], furniture: &[&str]) -> Version {
        let mut v = version(lines);
        for sentence in &mut v.sentences {
            if furniture.iter().any(|f| sentence.text.starts_with(f)) {
                sentence.kind = SentenceKind::Boilerplate;
            }
        }
        v
    }

    #[test]
    fn furniture_between_the_parts_of_a_split_or_merge_is_invisible() {
        let a = version(&STORY);
        let b = with_furniture(
            &[
                STORY[0],
                "Two workers were injured.",
                "Advertisement",
                "They were taken to the city hospital, officials said.",
                "Most Read",
                "Dockers' union leader Ana Ferreira called the accident entirely avoidable, and shipping companies diverted eleven container vessels to the southern terminal.",
                STORY[4],
            ],
            &["Advertisement", "Most Read"],
        );
        let got = pairs(&align(&a, &b));
        assert!(got.contains(&(vec![1], vec![1, 3], false)), "{got:?}");
        assert!(got.contains(&(vec![2, 3], vec![5], false)), "{got:?}");
        // Furniture sentences are in no link with story text.
        assert!(
            got.iter()
                .all(|(_, o, _)| !o.contains(&2) && !o.contains(&4))
        );
    }

    #[test]
    fn captions_between_headline_and_story_are_no_distance() {
        let headline = "Crane collapse closes northern port";
        let mut lines = vec![headline];
        lines.extend(STORY);
        let a = version(&lines);
        let caption = "Photo: a crane lies on the quay";
        let mut lines = vec![
            "Home | News | World",
            "Crane collapse shuts the northern port",
        ];
        lines.extend([caption; 8]);
        lines.extend(STORY.iter().map(|s| &s[..]));
        let b = with_furniture(&lines, &["Home", "Photo:"]);
        let got = pairs(&align(&a, &b));
        assert!(got.contains(&(vec![0], vec![1], false)), "{got:?}");
    }

    #[test]
    fn empty_versions_give_no_links() {
        let a = version(&STORY);
        let e = version(&[]);
        assert!(align(&a, &e).is_empty());
        assert!(align(&e, &a).is_empty());
    }

    /// A sentence of `STORY` with one word changed.
    fn edited(k: usize) -> String {
        STORY[k % STORY.len()].replacen("the", "a", 1)
    }

    /// Whether every sentence is in at most one pairing, and every pairing is well formed.
    fn partitions(a: &Version, b: &Version, pairings: &[Pairing]) -> bool {
        let mut seen_a = vec![0; a.sentences.len()];
        let mut seen_b = vec![0; b.sentences.len()];
        for m in pairings {
            if m.base.is_empty() || m.other.is_empty() || !(0.0..=1.0).contains(&m.score) {
                return false;
            }
            m.base.iter().for_each(|&i| seen_a[i] += 1);
            m.other.iter().for_each(|&j| seen_b[j] += 1);
        }
        seen_a.iter().chain(&seen_b).all(|&c| c <= 1)
    }

    /// The pairings of one sentence each with the same text on both sides, not moved.
    fn identical_in_place(a: &Version, b: &Version, pairings: &[Pairing]) -> usize {
        pairings
            .iter()
            .filter(|m| {
                let (&[i], &[j]) = (m.base.as_slice(), m.other.as_slice()) else {
                    return false;
                };
                !m.moved && a.sentences[i].text == b.sentences[j].text
            })
            .count()
    }

    #[test]
    fn copies_of_one_sentence_pair_in_order_and_the_edited_copy_is_a_rewrite() {
        // 1,000 copies, the 501st edited: above 500 copies this once paired nothing.
        let a = version(&[STORY[0]; 1000]);
        let mut lines = vec![STORY[0].to_string(); 1000];
        lines[500] = edited(0);
        let b = version(&lines.iter().map(String::as_str).collect::<Vec<_>>());
        let got = pairs(&align(&a, &b));
        let want: Vec<_> = (0..1000).map(|k| (vec![k], vec![k], false)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn three_copies_with_the_middle_one_rewritten_do_not_move() {
        let a = version(&[STORY[1]; 3]);
        let middle = edited(1);
        let b = version(&[STORY[1], &middle, STORY[1]]);
        let got = pairs(&align(&a, &b));
        assert_eq!(
            got,
            vec![
                (vec![0], vec![0], false),
                (vec![1], vec![1], false),
                (vec![2], vec![2], false)
            ]
        );
    }

    #[test]
    fn copies_against_edited_copies_pair_in_order_beyond_the_dense_table() {
        // 600 x 600 cells: the gap is aligned in a corridor, not a whole table.
        let a = version(&[STORY[2]; 600]);
        let copy = edited(2);
        let b = version(&vec![copy.as_str(); 600]);
        let got = pairs(&align(&a, &b));
        let want: Vec<_> = (0..600).map(|k| (vec![k], vec![k], false)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn unrelated_long_versions_align_in_bounded_cells() {
        // A gap of 700 x 700 distinct sentences: a corridor, every sentence at most once.
        let line = |side: &str, k: usize| format!("{side} {k} reported {} cases.", k * 7);
        let la: Vec<String> = (0..700).map(|k| line("Alpha", k)).collect();
        let lb: Vec<String> = (0..700).map(|k| line("Omega", k + 5000)).collect();
        let a = version(&la.iter().map(String::as_str).collect::<Vec<_>>());
        let b = version(&lb.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(partitions(&a, &b, &align(&a, &b)));
    }

    #[test]
    fn shuffled_blocks_of_copies_are_all_carried() {
        let block = |k: usize, n: usize| vec![STORY[k]; n];
        let order_a = [(0, 5), (1, 3), (2, 7), (3, 4), (0, 2)];
        let order_b = [(2, 7), (0, 5), (3, 4), (0, 2), (1, 3)];
        let lines = |order: &[(usize, usize)]| -> Vec<&str> {
            order.iter().flat_map(|&(k, n)| block(k, n)).collect()
        };
        let (a, b) = (version(&lines(&order_a)), version(&lines(&order_b)));
        let got = align(&a, &b);
        assert!(partitions(&a, &b, &got));
        assert_eq!(got.len(), 21, "{:?}", pairs(&got));
        assert!(got.iter().all(|m| {
            a.sentences[m.base[0]].text == b.sentences[m.other[0]].text && m.base.len() == 1
        }));
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

        /// Versions of sentences drawn from a small pool, the second the first with a few
        /// edits (a copy rewritten, deleted, or a pool sentence inserted): every sentence is
        /// in at most one link, the alignment is the same when run again, and at least as
        /// many copies as the edits left in order are linked as identical and not moved.
        #[test]
        fn repeats_from_a_small_pool_keep_their_order(
            pool in 1usize..5,
            picks in proptest::collection::vec(0usize..100, 0..80),
            edits in proptest::collection::vec((0usize..100, 0usize..3, 0usize..100), 0..4),
        ) {
            let base: Vec<String> = picks.iter().map(|&p| STORY[p % pool].to_string()).collect();
            // Per base sentence: kept, rewritten, or deleted; and what is inserted after it.
            let mut fate = vec![0usize; base.len()];
            let mut inserted: Vec<Vec<String>> = vec![Vec::new(); base.len() + 1];
            for &(at, kind, what) in &edits {
                match kind {
                    0 | 1 if !base.is_empty() => fate[at % base.len()] = kind + 1,
                    _ => inserted[at % (base.len() + 1)].push(STORY[what % pool].to_string()),
                }
            }
            let mut other: Vec<String> = inserted[0].clone();
            for (k, text) in base.iter().enumerate() {
                match fate[k] {
                    0 => other.push(text.clone()),
                    1 => other.push(format!("{} again", text.trim_end_matches('.'))),
                    _ => {}
                }
                other.extend(inserted[k + 1].iter().cloned());
            }
            let kept = fate.iter().filter(|&&f| f == 0).count();
            let va = version(&base.iter().map(String::as_str).collect::<Vec<_>>());
            let vb = version(&other.iter().map(String::as_str).collect::<Vec<_>>());
            let got = align(&va, &vb);
            proptest::prop_assert!(partitions(&va, &vb, &got));
            proptest::prop_assert_eq!(&got, &align(&va, &vb));
            let in_place = identical_in_place(&va, &vb, &got);
            proptest::prop_assert!(in_place >= kept, "{} < {}: {:?}", in_place, kept, pairs(&got));
        }
    }
}
