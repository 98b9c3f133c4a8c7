//! The whole engine in one call: segment every input, mark boilerplate, align each version
//! with the base, word-diff and classify every link, compute statistics and the N-way
//! collation.

use crate::load::Input;
use crate::model::{Analysis, Comparison, Link, Version};
use crate::{align, boilerplate, classify, collate, parallel, segment, stats, worddiff};

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
    Version {
        name: input.name.clone(),
        text: input.text.clone(),
        sentences: sentences(&input.text, mode),
    }
}

/// [`version`], taking the input's text instead of copying it.
pub fn version_owned(input: Input, mode: SegmentMode) -> Version {
    Version {
        sentences: sentences(&input.text, mode),
        name: input.name,
        text: input.text,
    }
}

fn sentences(text: &str, mode: SegmentMode) -> Vec<crate::model::Sentence> {
    match mode {
        SegmentMode::Prose => {
            let mut s = segment::segment(text);
            boilerplate::mark(&mut s);
            s
        }
        SegmentMode::Lines => segment::segment_lines(text),
    }
}

/// Compare `other` with `base` (indices into `versions`).
pub fn compare(versions: &[Version], base: usize, other: usize) -> Comparison {
    let (b, o) = (&versions[base], &versions[other]);
    // The base's word counts (for the statistics) are counted beside the alignment.
    let (matches, words_base) = parallel::join(
        b.text.len() + o.text.len() >= parallel::SMALL_TEXT,
        || align::align(b, o),
        || stats::words_per_sentence(b),
    );
    let mut used_base = vec![false; b.sentences.len()];
    let mut used_other = vec![false; o.sentences.len()];
    for m in &matches {
        for &i in &m.base {
            used_base[i] = true;
        }
        for &j in &m.other {
            used_other[j] = true;
        }
    }
    let large = b.text.len() + o.text.len() >= parallel::SMALL_TEXT;
    let diffs = parallel::map(large, &matches, |m| {
        let diff = match (m.base.as_slice(), m.other.as_slice()) {
            // One sentence a side: its text is the joined text.
            ([i], [j]) => worddiff::diff(&b.sentences[*i].text, &o.sentences[*j].text),
            _ => worddiff::diff(&b.joined(&m.base), &o.joined(&m.other)),
        };
        let kind = classify::link_kind(&diff, m.score);
        (kind, diff)
    });
    let links: Vec<Link> = matches
        .into_iter()
        .zip(diffs)
        .map(|(m, (kind, diff))| Link {
            base: m.base,
            other: m.other,
            kind,
            score: m.score,
            moved: m.moved,
            diff,
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
    let stats = stats::compute_with(b, o, &links, &unmatched_base, &unmatched_other, words_base);
    Comparison {
        base,
        other,
        links,
        unmatched_base,
        unmatched_other,
        stats,
    }
}

/// Compare every version but `base` with `base`, in order, over the machine's cores.
pub fn compare_all(versions: &[Version], base: usize) -> Vec<Comparison> {
    let others: Vec<usize> = (0..versions.len()).filter(|&k| k != base).collect();
    let size: usize = versions.iter().map(|v| v.text.len()).sum();
    parallel::map(size >= parallel::SMALL_TEXT, &others, |&k| {
        compare(versions, base, k)
    })
}

/// Run the whole engine. `options.base` must be a valid index (the CLI checks).
pub fn analyze(inputs: &[Input], options: Options) -> Analysis {
    analyze_with(inputs, options, true)
}

/// [`analyze`], leaving `Analysis::rows` empty unless `collation` is set (the JSON
/// export does not use the N-way collation).
pub fn analyze_with(inputs: &[Input], options: Options, collation: bool) -> Analysis {
    let size: usize = inputs.iter().map(|i| i.text.len()).sum();
    let versions: Vec<Version> = parallel::map(size >= parallel::SMALL_TEXT, inputs, |i| {
        version(i, options.segment)
    });
    let base = options.base.min(versions.len().saturating_sub(1));
    let comparisons = compare_all(&versions, base);
    let rows = if collation {
        collate::collate(&versions, base, &comparisons)
    } else {
        Vec::new()
    };
    Analysis {
        base,
        versions,
        comparisons,
        rows,
    }
}

/// [`analyze_with`] without the N-way collation, running `beside(base, versions)` on
/// another thread while the comparisons are computed (e.g. the part of an export that
/// needs only the versions).
pub fn analyze_beside<T: Send>(
    inputs: Vec<Input>,
    options: Options,
    beside: impl FnOnce(usize, &[Version]) -> T + Send,
) -> (Analysis, T) {
    // The versions take over the input texts; contiguous chunks over the cores when the
    // texts are large enough for threads to pay.
    let size: usize = inputs.iter().map(|i| i.text.len()).sum();
    let threads = if size >= parallel::SMALL_TEXT {
        parallel::cores()
    } else {
        1
    };
    let chunk = inputs.len().div_ceil(threads).max(1);
    let mut chunks: Vec<Vec<Input>> = Vec::new();
    for input in inputs {
        match chunks.last_mut() {
            Some(c) if c.len() < chunk => c.push(input),
            _ => chunks.push(vec![input]),
        }
    }
    let versions: Vec<Version> = if threads < 2 {
        chunks
            .into_iter()
            .flatten()
            .map(|i| version_owned(i, options.segment))
            .collect()
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = chunks
                .into_iter()
                .map(|c| {
                    scope.spawn(move || {
                        c.into_iter()
                            .map(|i| version_owned(i, options.segment))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    };
    let base = options.base.min(versions.len().saturating_sub(1));
    let (comparisons, extra) = parallel::join(
        size >= parallel::SMALL_TEXT,
        || compare_all(&versions, base),
        || beside(base, &versions),
    );
    let analysis = Analysis {
        base,
        versions,
        comparisons,
        rows: Vec::new(),
    };
    (analysis, extra)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// On the demo story, every sentence of every version is in exactly one link or in the
    /// unmatched list of its comparison.
    #[test]
    fn comparisons_partition_every_sentence() {
        let analysis = analyze(&crate::demo::inputs(), Options::default());
        assert_eq!(analysis.comparisons.len(), analysis.versions.len() - 1);
        for c in &analysis.comparisons {
            for (side, n, unmatched) in [
                (
                    0,
                    analysis.versions[c.base].sentences.len(),
                    &c.unmatched_base,
                ),
                (
                    1,
                    analysis.versions[c.other].sentences.len(),
                    &c.unmatched_other,
                ),
            ] {
                let mut count = vec![0; n];
                for l in &c.links {
                    for &i in if side == 0 { &l.base } else { &l.other } {
                        count[i] += 1;
                    }
                }
                for &i in unmatched {
                    count[i] += 1;
                }
                assert!(count.iter().all(|&k| k == 1), "{}: {count:?}", c.other);
            }
        }
    }

    #[test]
    fn base_option_picks_the_base() {
        let analysis = analyze(
            &crate::demo::inputs(),
            Options {
                base: 2,
                segment: SegmentMode::Prose,
            },
        );
        assert_eq!(analysis.base, 2);
        assert!(
            analysis
                .comparisons
                .iter()
                .all(|c| c.base == 2 && c.other != 2)
        );
    }
}
