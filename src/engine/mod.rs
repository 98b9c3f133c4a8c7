//! The engine: load, segment, mark boilerplate, align each version with the base,
//! word-diff and classify every link, compute statistics, the N-way collation and the
//! derivation. Plain data and pure functions; no terminal, no command line.

mod align;
mod boilerplate;
mod demo;
mod diff;
mod findings;
mod label;
mod load;
mod model;
mod parallel;
mod postings;
mod report;
mod segment;
#[doc(hidden)]
pub mod stages;
pub(crate) mod text;

pub use load::{
    EncodingFrom, Input, LoadError, LoadOptions, Loaded, LoadedSet, Source, SourceFormat, load,
};
pub use model::*;
pub use report::collate::{PairRow, RowKind};
pub use report::derivation::{Derivation, HEADING as DERIVATION_HEADING};

use std::sync::Arc;

use align::Pairing;
use report::{collate, derivation, origin, shingles, stats};

/// How inputs are split into sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SegmentMode {
    /// Sentence segmentation of prose, with boilerplate marking.
    #[default]
    Prose,
    /// One sentence per non-empty line, as is (no boilerplate marking).
    Lines,
}

/// Which version is the base, the one every other version is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BaseChoice {
    /// The likely original: the version the others share most story text with; with two
    /// versions, the first.
    #[default]
    Auto,
    /// The version at this index (clamped to the inputs).
    Index(usize),
}

/// Engine options.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    /// Which version is the base.
    pub base: BaseChoice,
    /// How inputs are split into sentences.
    pub segment: SegmentMode,
    /// The name to show for each version, indexed like the inputs (missing or `None`: the
    /// shortest unambiguous form of its file name).
    pub labels: Vec<Option<String>>,
}

/// The built-in demo story: five invented versions of one wire story, the first the base.
pub fn demo() -> Vec<Input> {
    demo::inputs()
}

/// Run the whole engine: segment every input, mark boilerplate, compare every version
/// with the base and build the N-way collation rows. `options.base` is clamped to the
/// inputs.
pub fn analyze(inputs: &[Input], options: Options) -> Analysis {
    let size: usize = inputs.iter().map(|i| i.text.len()).sum();
    let mut versions: Vec<Version> = parallel::map(size >= parallel::SMALL_TEXT, inputs, |i| {
        version(i, options.segment)
    });
    reconcile(&mut versions, options.segment);
    set_labels(&mut versions, &options.labels);
    let base = choose_base(&versions, options.base);
    let comparisons = compare_all(&versions, base);
    let rows = collate::collate(&versions, base, &comparisons);
    Analysis {
        base,
        versions,
        comparisons,
        rows,
    }
}

/// [`analyze`] without the N-way collation (`rows` stays empty), taking over the input
/// texts, and running `beside(base, versions)` on another thread while the comparisons
/// are computed (the part of an export that needs only the versions).
pub fn analyze_beside<T: Send>(
    inputs: Vec<Input>,
    options: Options,
    beside: impl FnOnce(usize, &[Version]) -> T + Send,
) -> (Analysis, T) {
    let size: usize = inputs.iter().map(|i| i.text.len()).sum();
    let large = size >= parallel::SMALL_TEXT;
    let mut versions = parallel::map_owned(large, inputs, |i| version_owned(i, options.segment));
    reconcile(&mut versions, options.segment);
    set_labels(&mut versions, &options.labels);
    let base = choose_base(&versions, options.base);
    let (comparisons, extra) = parallel::join(
        large,
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

/// [`analyze`] for what shows the comparisons one by one (the text and side-by-side
/// exports): takes over the input texts instead of copying them and leaves the N-way
/// collation (`rows`) empty.
pub fn analyze_pairs(inputs: Vec<Input>, options: Options) -> Analysis {
    analyze_beside(inputs, options, |_, _| ()).0
}

/// Make version `new_base` the base: every comparison and the collation are recomputed.
/// An index out of range leaves the analysis as it is.
pub fn rebase(analysis: &mut Analysis, new_base: usize) {
    if new_base >= analysis.versions.len() {
        return;
    }
    let comparisons = compare_all(&analysis.versions, new_base);
    analysis.rows = collate::collate(&analysis.versions, new_base, &comparisons);
    analysis.comparisons = comparisons;
    analysis.base = new_base;
}

/// Which version shares most text with which: a tree over the versions, rooted at the
/// likely original (the version `BaseChoice::Auto` picks; the base on a tie).
pub fn derive(analysis: &Analysis) -> Derivation {
    derivation::derive(&analysis.versions, analysis.base)
}

/// The label of each version named `names`: the one given (`given`, indexed like `names`),
/// or the shortest unambiguous form of its name.
pub fn labels(names: &[&str], given: &[Option<String>]) -> Vec<String> {
    label::labels(names, given)
}

/// The index of the likely original: the version the others share most story text with
/// (see `BaseChoice::Auto`); `preferred` wins ties and is the answer for two versions.
fn likely_original(versions: &[Version], preferred: usize) -> usize {
    if versions.len() < 3 {
        return preferred.min(versions.len().saturating_sub(1));
    }
    let sets = shingles::of_all(versions);
    let furniture: Vec<usize> = versions.iter().map(shingles::furniture).collect();
    origin::likely_original(&sets, &furniture, preferred)
}

/// The base index `choice` names among `versions`.
fn choose_base(versions: &[Version], choice: BaseChoice) -> usize {
    match choice {
        BaseChoice::Auto => likely_original(versions, 0),
        BaseChoice::Index(index) => index.min(versions.len().saturating_sub(1)),
    }
}

/// Give every version its label: the one given, or the shortest unambiguous form of its
/// name.
fn set_labels(versions: &mut [Version], given: &[Option<String>]) {
    let names: Vec<&str> = versions.iter().map(|v| v.name.as_str()).collect();
    let labels = labels(&names, given);
    for (version, label) in versions.iter_mut().zip(labels) {
        version.label = label;
    }
}

/// The rows of the two-version view of `other` against the base (empty when `other` is
/// the base or out of range): links in base order, added sentences after their nearest
/// matched predecessor, deleted ones in place.
pub fn pair_rows(analysis: &Analysis, other: usize) -> Vec<PairRow> {
    match analysis.comparison(other) {
        Some(c) => collate::pair_rows(
            &analysis.versions[analysis.base],
            &analysis.versions[other],
            c,
        ),
        None => Vec::new(),
    }
}

/// Segment one input into a version.
fn version(input: &Input, mode: SegmentMode) -> Version {
    version_of(input.name.clone(), Arc::from(input.text.as_str()), mode)
}

/// [`version`], taking the input instead of copying its name.
fn version_owned(input: Input, mode: SegmentMode) -> Version {
    version_of(input.name, Arc::from(input.text), mode)
}

/// The version named `name` of `text`, segmented.
fn version_of(name: String, text: Arc<str>, mode: SegmentMode) -> Version {
    Version {
        sentences: sentences(&text, mode),
        label: name.clone(),
        name,
        text,
    }
}

fn sentences(text: &Arc<str>, mode: SegmentMode) -> Vec<Sentence> {
    match mode {
        SegmentMode::Prose => {
            let mut s = segment::segment_shared(text);
            boilerplate::mark(&mut s);
            s
        }
        SegmentMode::Lines => segment::segment_lines_shared(text),
    }
}

/// Weigh the furniture marks of every version against the others' (prose only: lines are
/// never marked).
fn reconcile(versions: &mut [Version], mode: SegmentMode) {
    if mode == SegmentMode::Prose {
        let mut sentences: Vec<Vec<Sentence>> = versions
            .iter_mut()
            .map(|v| std::mem::take(&mut v.sentences))
            .collect();
        boilerplate::reconcile(&mut sentences);
        for (version, sentences) in versions.iter_mut().zip(sentences) {
            version.sentences = sentences;
        }
    }
}

/// Compare `other` with `base` (indices into `versions`).
fn compare(versions: &[Version], base: usize, other: usize) -> Comparison {
    let (b, o) = (&versions[base], &versions[other]);
    // The base's word counts (for the statistics) and both versions' quotations (for the
    // findings) are read beside the alignment: neither depends on it.
    let (mut pairings, (words_base, quotations)) = parallel::join(
        b.text.len() + o.text.len() >= parallel::SMALL_TEXT,
        || align::align(b, o),
        || {
            (
                stats::words_per_sentence(b),
                findings::Quotations::read(b, o),
            )
        },
    );
    let mut used_base = vec![false; b.sentences.len()];
    let mut used_other = vec![false; o.sentences.len()];
    for m in &pairings {
        for &i in &m.base {
            used_base[i] = true;
        }
        for &j in &m.other {
            used_other[j] = true;
        }
    }
    let large = b.text.len() + o.text.len() >= parallel::SMALL_TEXT;
    // Each pairing's sentence lists move into its link.
    let links: Vec<Link> = parallel::map_mut(large, &mut pairings, |m| {
        let (kind, diff) = link_diff(b, o, m);
        Link {
            base: std::mem::take(&mut m.base),
            other: std::mem::take(&mut m.other),
            kind,
            score: m.score,
            moved: m.moved,
            diff,
        }
    });
    drop(pairings);
    let unmatched = |used: &[bool]| -> Vec<usize> {
        used.iter()
            .enumerate()
            .filter(|(_, u)| !**u)
            .map(|(i, _)| i)
            .collect()
    };
    let unmatched_base = unmatched(&used_base);
    let unmatched_other = unmatched(&used_other);
    let mut cmp = Comparison {
        base,
        other,
        links,
        unmatched_base,
        unmatched_other,
        stats: Stats::default(),
        findings: Vec::new(),
        quotes: Vec::new(),
        added_quotes: Vec::new(),
    };
    // The statistics beside the findings (which do not read them): the findings' two
    // threads seldom take the same time, and the statistics fill the gap.
    let ((mut found, quotes, added_quotes), stats) = parallel::join(
        large,
        || findings::find(b, o, &cmp, quotations),
        || {
            let (unmatched_base, unmatched_other) = (&cmp.unmatched_base, &cmp.unmatched_other);
            stats::compute(
                b,
                o,
                &cmp.links,
                unmatched_base,
                unmatched_other,
                words_base,
            )
        },
    );
    cmp.stats = stats;
    // Furniture and datelines are compared, but what changed in them is never a finding.
    let story = |v: &Version, indices: &[usize]| indices.iter().any(|&i| v.sentences[i].is_body());
    found.retain(|f| story(b, &f.base_sentences) || story(o, &f.other_sentences));
    cmp.stats.findings = findings::counts(&found);
    cmp.findings = found;
    cmp.quotes = quotes;
    cmp.added_quotes = added_quotes;
    cmp
}

/// The word diff of pairing `m` of `b` and `o`, and the kind of link it makes.
fn link_diff(b: &Version, o: &Version, m: &Pairing) -> (LinkKind, WordDiff) {
    let mut diff = match (m.base.as_slice(), m.other.as_slice()) {
        // One sentence a side of the same text, as most of a reprint's links: an identical
        // link, which keeps no pieces (`diff::shed_same_text`), so none are made.
        ([i], [j]) if b.sentences[*i].text == o.sentences[*j].text => {
            return (LinkKind::Identical, WordDiff::default());
        }
        // One sentence a side: its text is the joined text.
        ([i], [j]) => diff::diff(&b.sentences[*i].text, &o.sentences[*j].text),
        _ => diff::diff(&b.joined(&m.base), &o.joined(&m.other)),
    };
    if m.base
        .iter()
        .all(|&i| b.sentences[i].kind == SentenceKind::Dateline)
    {
        plain_edits(&mut diff);
    }
    let kind = diff::link_kind(&diff, m.score);
    diff::shed_same_text(&mut diff);
    (kind, diff)
}

/// Class the edits of a dateline link as plain word changes: a credit or date restyled
/// ("(AFP)" -> "(Reuters)") is shown, but is no name or number edit of the story.
fn plain_edits(diff: &mut WordDiff) {
    for edit in &mut diff.edits {
        if edit.class > EditClass::Word {
            edit.class = EditClass::Word;
        }
    }
}

/// Compare every version but `base` with `base`, in order, over the machine's cores.
fn compare_all(versions: &[Version], base: usize) -> Vec<Comparison> {
    let others: Vec<usize> = (0..versions.len()).filter(|&k| k != base).collect();
    let size: usize = versions.iter().map(|v| v.text.len()).sum();
    parallel::map(size >= parallel::SMALL_TEXT, &others, |&k| {
        compare(versions, base, k)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// On the demo story, every sentence of every version is in exactly one link or in the
    /// unmatched list of its comparison.
    #[test]
    fn comparisons_partition_every_sentence() {
        let analysis = analyze(&crate::engine::demo(), Options::default());
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

    /// A link keeps no pieces exactly when its two sides are the same text; the others'
    /// pieces rebuild their sides.
    #[test]
    fn only_links_of_the_same_text_keep_no_pieces() {
        let analysis = analyze(&crate::engine::demo(), Options::default());
        let mut shed = 0;
        for c in &analysis.comparisons {
            let (b, o) = (&analysis.versions[c.base], &analysis.versions[c.other]);
            for l in &c.links {
                let (bt, ot) = (b.joined(&l.base), o.joined(&l.other));
                if l.diff.base.is_empty() && l.diff.other.is_empty() {
                    assert!(l.diff.edits.is_empty());
                    assert_eq!(bt, ot);
                    shed += 1;
                } else {
                    let text = |p: &[Piece]| p.iter().map(|p| p.text.as_str()).collect::<String>();
                    assert_eq!(text(&l.diff.base), bt);
                    assert_eq!(text(&l.diff.other), ot);
                }
            }
        }
        assert!(shed > 0);
    }

    /// The invented tram story: the wire, a verbatim copy in page furniture with its
    /// dateline restyled, a trimmed copy, a rewrite.
    fn tram() -> Vec<Input> {
        [
            ("wire", include_str!("../../tests/fixtures/tram-wire.txt")),
            (
                "verbatim",
                include_str!("../../tests/fixtures/tram-verbatim.txt"),
            ),
            (
                "trimmed",
                include_str!("../../tests/fixtures/tram-trimmed.txt"),
            ),
            (
                "rewrite",
                include_str!("../../tests/fixtures/tram-rewrite.txt"),
            ),
        ]
        .iter()
        .map(|(name, text)| Input {
            name: format!("{name}.txt"),
            text: text.to_string(),
        })
        .collect()
    }

    #[test]
    fn base_auto_picks_the_wire_in_any_order() {
        let tram = tram();
        // Every order of the four versions.
        let orders = (0..256usize)
            .map(|n| [n % 4, n / 4 % 4, n / 16 % 4, n / 64])
            .filter(|order| (0..4).all(|k| order.contains(&k)));
        for order in orders {
            let inputs: Vec<Input> = order.iter().map(|&k| tram[k].clone()).collect();
            let analysis = analyze(&inputs, Options::default());
            assert_eq!(
                analysis.versions[analysis.base].label(),
                "wire",
                "{order:?}"
            );
            assert_eq!(derive(&analysis).root, analysis.base, "{order:?}");
        }
        // The demo story, rotated: its wire is the likely original wherever it stands.
        let demo = crate::engine::demo();
        for shift in 0..demo.len() {
            let mut inputs = demo.clone();
            inputs.rotate_left(shift);
            let analysis = analyze(&inputs, Options::default());
            assert_eq!(analysis.versions[analysis.base].label(), "01-wire");
        }
        // Two versions: the first.
        let analysis = analyze(&[tram[2].clone(), tram[0].clone()], Options::default());
        assert_eq!(analysis.base, 0);
    }

    #[test]
    fn labels_and_datelines_reach_the_analysis() {
        let options = Options {
            labels: vec![None, Some("Lindhaven Daily".into())],
            ..Options::default()
        };
        let analysis = analyze(&tram(), options);
        let labels: Vec<&str> = analysis.versions.iter().map(Version::label).collect();
        assert_eq!(labels, ["wire", "Lindhaven Daily", "trimmed", "rewrite"]);
        let verbatim = analysis.comparison(1).unwrap();
        // The restyled dateline is linked to the wire's, its edits are plain, and no
        // finding comes of it; the story itself is all identical.
        let wire = &analysis.versions[0];
        let dateline = verbatim
            .links
            .iter()
            .find(|l| wire.sentences[l.base[0]].kind == SentenceKind::Dateline)
            .unwrap();
        let other = &analysis.versions[1].sentences[dateline.other[0]];
        assert_eq!(other.kind, SentenceKind::Dateline);
        assert!(
            dateline
                .diff
                .edits
                .iter()
                .all(|e| e.class <= EditClass::Word)
        );
        assert!(verbatim.findings.is_empty(), "{:?}", verbatim.findings);
        assert_eq!(verbatim.stats.identical, verbatim.stats.base_sentences);
    }

    #[test]
    fn base_option_picks_the_base() {
        let analysis = analyze(
            &crate::engine::demo(),
            Options {
                base: BaseChoice::Index(2),
                ..Options::default()
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
