//! The whole engine in one call: segment every input, mark boilerplate, align each version
//! with the base, word-diff and classify every link, compute statistics and the N-way
//! collation.

use crate::load::Input;
use crate::model::{Analysis, Comparison, Link, Version};
use crate::{align, boilerplate, classify, collate, segment, stats, worddiff};

/// How inputs are split into sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SegmentMode {
    /// Sentence segmentation of prose, with boilerplate marking.
    #[default]
    Prose,
    /// One sentence per non-empty line, as is (no boilerplate marking).
    Lines,
}

/// Engine options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Index of the base version.
    pub base: usize,
    pub segment: SegmentMode,
}

/// Segment one input into a version.
pub fn version(input: &Input, mode: SegmentMode) -> Version {
    let sentences = match mode {
        SegmentMode::Prose => {
            let mut s = segment::segment(&input.text);
            boilerplate::mark(&mut s);
            s
        }
        SegmentMode::Lines => segment::segment_lines(&input.text),
    };
    Version {
        name: input.name.clone(),
        text: input.text.clone(),
        sentences,
    }
}

/// Compare `other` with `base` (indices into `versions`).
pub fn compare(versions: &[Version], base: usize, other: usize) -> Comparison {
    let (b, o) = (&versions[base], &versions[other]);
    let matches = align::align(b, o);
    let mut used_base = vec![false; b.sentences.len()];
    let mut used_other = vec![false; o.sentences.len()];
    let links: Vec<Link> = matches
        .into_iter()
        .map(|m| {
            for &i in &m.base {
                used_base[i] = true;
            }
            for &j in &m.other {
                used_other[j] = true;
            }
            let diff = worddiff::diff(&b.joined(&m.base), &o.joined(&m.other));
            let kind = classify::link_kind(&diff, m.score);
            Link {
                base: m.base,
                other: m.other,
                kind,
                score: m.score,
                moved: m.moved,
                diff,
            }
        })
        .collect();
    let unmatched = |used: &[bool]| -> Vec<usize> {
        used.iter()
            .enumerate()
            .filter(|(_, u)| !**u)
            .map(|(i, _)| i)
            .collect()
    };
    let unmatched_base = unmatched(&used_base);
    let unmatched_other = unmatched(&used_other);
    let stats = stats::compute(b, o, &links, &unmatched_base, &unmatched_other);
    Comparison {
        base,
        other,
        links,
        unmatched_base,
        unmatched_other,
        stats,
    }
}

/// Run the whole engine. `options.base` must be a valid index (the CLI checks).
pub fn analyze(inputs: &[Input], options: Options) -> Analysis {
    let versions: Vec<Version> = inputs.iter().map(|i| version(i, options.segment)).collect();
    let base = options.base.min(versions.len().saturating_sub(1));
    let comparisons: Vec<Comparison> = (0..versions.len())
        .filter(|&k| k != base)
        .map(|k| compare(&versions, base, k))
        .collect();
    let rows = collate::collate(&versions, base, &comparisons);
    Analysis {
        base,
        versions,
        comparisons,
        rows,
    }
}
