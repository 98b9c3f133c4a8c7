//! Per-version statistics against the base: share of base sentences carried, counts per
//! link kind, added and deleted sentences, boilerplate, an overall similarity figure.
//!
//! Only story text counts: boilerplate sentences count only in `boilerplate_base` /
//! `boilerplate_other`, datelines not at all. A link counts (per kind, moved) unless none
//! of its sentences is story text. `similarity` is the share of the words of both versions
//! (story text only) that lie in equal pieces of link diffs: `2 * shared / (base words +
//! other words)`, 1.0 for a verbatim copy and near 0 for an unrelated story.

use crate::engine::model::{Link, LinkKind, SentenceKind, Stats, Version};
use crate::engine::text::word_count;

/// Whether sentence `i` of `v` exists and is story text.
fn is_story(v: &Version, i: usize) -> bool {
    v.sentences.get(i).is_some_and(|s| s.is_body())
}

fn exists(v: &Version, i: usize) -> bool {
    i < v.sentences.len()
}

/// Words per sentence of `other` (furniture and datelines count as 0), taking the count of
/// a base sentence linked one to one with a sentence of the same text and kind instead of
/// counting again.
fn words_of_except(
    other: &Version,
    links: &[Link],
    base: &Version,
    words_base: &[usize],
) -> Vec<usize> {
    const UNKNOWN: usize = usize::MAX;
    let mut words = vec![UNKNOWN; other.sentences.len()];
    for link in links {
        if let ([i], [j]) = (link.base.as_slice(), link.other.as_slice())
            && let (Some(sb), Some(so)) = (base.sentences.get(*i), other.sentences.get(*j))
            && sb.kind == so.kind
            && sb.text == so.text
        {
            words[*j] = words_base[*i];
        }
    }
    for (w, x) in words.iter_mut().zip(&other.sentences) {
        if *w == UNKNOWN {
            *w = if x.is_body() { word_count(&x.text) } else { 0 };
        }
    }
    words
}

/// Words per sentence of a version (furniture and datelines count as 0).
pub fn words_per_sentence(v: &Version) -> Vec<usize> {
    v.sentences
        .iter()
        .map(|x| if x.is_body() { word_count(&x.text) } else { 0 })
        .collect()
}

/// The statistics of one comparison, given the words per sentence of the base
/// (`words_per_sentence(base)`, counted beside the alignment).
pub fn compute(
    base: &Version,
    other: &Version,
    links: &[Link],
    unmatched_base: &[usize],
    unmatched_other: &[usize],
    words_base: Vec<usize>,
) -> Stats {
    let mut s = Stats::default();
    let count =
        |v: &Version, kind: SentenceKind| v.sentences.iter().filter(|x| x.kind == kind).count();
    s.base_sentences = count(base, SentenceKind::Body);
    s.other_sentences = count(other, SentenceKind::Body);
    s.boilerplate_base = count(base, SentenceKind::Boilerplate);
    s.boilerplate_other = count(other, SentenceKind::Boilerplate);

    let words_other = words_of_except(other, links, base, &words_base);
    let mut linked_base = vec![false; base.sentences.len()];
    let mut shared = 0usize;
    for link in links {
        for &i in link.base.iter().filter(|&&i| exists(base, i)) {
            linked_base[i] = true;
        }
        let no_story = !link.base.iter().any(|&i| is_story(base, i))
            && !link.other.iter().any(|&j| is_story(other, j));
        if no_story {
            continue;
        }
        match link.kind {
            LinkKind::Identical => s.identical += 1,
            LinkKind::Minor => s.minor += 1,
            LinkKind::Rewrite => s.rewrite += 1,
            LinkKind::Paraphrase => s.paraphrase += 1,
            LinkKind::Partial => s.partial += 1,
        }
        if link.moved {
            s.moved += 1;
        }
        shared += if link.diff.edits.is_empty() && link.base.iter().all(|&i| is_story(base, i)) {
            // No edits: every word of the base side is shared.
            link.base
                .iter()
                .filter(|&&i| exists(base, i))
                .map(|&i| words_base[i])
                .sum::<usize>()
        } else if link.diff.base.is_empty() && link.diff.edits.is_empty() {
            // The same text on both sides, kept as the sentences only (no pieces).
            word_count(&base.joined(&link.base))
        } else {
            link.diff
                .base
                .iter()
                .filter(|p| p.edit.is_none())
                .map(|p| word_count(&p.text))
                .sum::<usize>()
        };
    }
    s.carried = linked_base
        .iter()
        .enumerate()
        .filter(|&(i, &l)| l && is_story(base, i))
        .count();
    s.carried_share = if s.base_sentences == 0 {
        0.0
    } else {
        s.carried as f32 / s.base_sentences as f32
    };
    let story = |v: &Version, ix: &[usize]| ix.iter().filter(|&&i| is_story(v, i)).count();
    s.deleted = story(base, unmatched_base);
    s.added = story(other, unmatched_other);

    let total = words_base.iter().sum::<usize>() + words_other.iter().sum::<usize>();
    s.similarity = if total == 0 {
        if s.base_sentences == 0 && s.other_sentences == 0 {
            1.0
        } else {
            0.0
        }
    } else {
        (2.0 * shared as f32 / total as f32).clamp(0.0, 1.0)
    };
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::diff::{diff, link_kind};
    use crate::engine::model::{Sentence, SentenceKind};

    fn version(sentences: &[(&str, bool)]) -> Version {
        Version {
            name: "v".into(),
            label: "v".into(),
            text: std::sync::Arc::from(""),
            sentences: sentences
                .iter()
                .map(|(t, bp)| Sentence {
                    text: (*t).into(),
                    start: 0,
                    end: 0,
                    kind: if *bp {
                        SentenceKind::Boilerplate
                    } else {
                        SentenceKind::Body
                    },
                    paragraph: 0,
                })
                .collect(),
        }
    }

    fn link(b: &Version, o: &Version, bi: &[usize], oi: &[usize], moved: bool) -> Link {
        let d = diff(&b.joined(bi), &o.joined(oi));
        Link {
            base: bi.to_vec(),
            other: oi.to_vec(),
            kind: link_kind(&d, 0.8),
            score: 0.8,
            moved,
            diff: d,
        }
    }

    #[test]
    fn verbatim_copy() {
        let b = version(&[("Storms hit the coast.", false), ("Share this page", true)]);
        let o = b.clone();
        let links = vec![
            link(&b, &o, &[0], &[0], false),
            link(&b, &o, &[1], &[1], false),
        ];
        let s = compute(&b, &o, &links, &[], &[], words_per_sentence(&b));
        assert_eq!(s.base_sentences, 1);
        assert_eq!(s.other_sentences, 1);
        assert_eq!(s.carried, 1);
        assert_eq!(s.carried_share, 1.0);
        assert_eq!(s.identical, 1, "the boilerplate link is not counted");
        assert_eq!(s.boilerplate_base, 1);
        assert_eq!(s.boilerplate_other, 1);
        assert!((s.similarity - 1.0).abs() < 1e-6);
    }

    #[test]
    fn mixed_changes() {
        let b = version(&[
            ("The mayor opened the bridge on Monday.", false),
            ("Traffic was heavy all day.", false),
            ("Police closed two roads.", false),
            ("Subscribe now", true),
        ]);
        let o = version(&[
            ("Police closed two roads.", false),
            ("The mayor opened the bridge on Tuesday.", false),
            ("Residents cheered loudly.", false),
            ("Sign in", true),
        ]);
        let links = vec![
            link(&b, &o, &[0], &[1], false),
            link(&b, &o, &[2], &[0], true),
        ];
        let s = compute(&b, &o, &links, &[1, 3], &[2, 3], words_per_sentence(&b));
        assert_eq!(s.base_sentences, 3);
        assert_eq!(s.carried, 2);
        assert!((s.carried_share - 2.0 / 3.0).abs() < 1e-6);
        assert_eq!(s.identical, 1);
        assert_eq!(s.rewrite, 1);
        assert_eq!(s.moved, 1);
        assert_eq!(s.deleted, 1);
        assert_eq!(s.added, 1);
        assert_eq!((s.boilerplate_base, s.boilerplate_other), (1, 1));
        // shared words: 6 of "The mayor ... on" + 4 of the police sentence = 10;
        // totals 7 + 5 + 4 = 16 and 4 + 7 + 3 = 14.
        assert!(
            (s.similarity - 20.0 / 30.0).abs() < 1e-6,
            "{}",
            s.similarity
        );
    }

    #[test]
    fn unrelated_and_empty() {
        let b = version(&[("Apples grow on trees.", false)]);
        let o = version(&[("Rockets reach orbit quickly.", false)]);
        let s = compute(&b, &o, &[], &[0], &[0], words_per_sentence(&b));
        assert_eq!(s.similarity, 0.0);
        assert_eq!((s.deleted, s.added, s.carried), (1, 1, 0));
        let e = version(&[]);
        let s = compute(&e, &e, &[], &[], &[], words_per_sentence(&e));
        assert_eq!(s.carried_share, 0.0);
        assert_eq!(s.similarity, 1.0);
        // Out-of-range indices are ignored rather than panicking.
        let s = compute(&b, &o, &[], &[7], &[9], words_per_sentence(&b));
        assert_eq!((s.deleted, s.added), (0, 0));
    }
}
