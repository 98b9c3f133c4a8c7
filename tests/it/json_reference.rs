//! A reference JSON writer built on `serde_json`: mirror structs of the schema in
//! `docs/json.md`, derived `Serialize`, pretty-printed by `serde_json`. The crate writes its
//! JSON by hand (faster, and streamed; see `docs/ARCHITECTURE.md`); the tests check the two
//! agree byte for byte, and `benches/stages.rs` measures both.

use serde::Serialize;
use wirediff::engine::{
    Analysis, Comparison, Edit, EditOp, FindingClass, Quotation, Source, Stats, Version,
};

#[derive(Serialize)]
pub struct Document<'a> {
    base: usize,
    versions: Vec<VersionOut<'a>>,
    comparisons: Vec<ComparisonOut<'a>>,
}

#[derive(Serialize)]
struct VersionOut<'a> {
    name: &'a str,
    label: &'a str,
    /// Only for versions not read from plain UTF-8 text.
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<SourceOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    sentences: Vec<SentenceOut<'a>>,
}

#[derive(Serialize)]
struct SourceOut {
    format: &'static str,
    encoding: &'static str,
    encoding_from: &'static str,
}

#[derive(Serialize)]
struct SentenceOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    boilerplate: bool,
    kind: &'static str,
}

#[derive(Serialize)]
struct ComparisonOut<'a> {
    other: usize,
    similarity: f64,
    stats: StatsOut,
    links: Vec<LinkOut<'a>>,
    unmatched_base: &'a [usize],
    unmatched_other: &'a [usize],
    findings: Vec<FindingOut<'a>>,
    quotes: Vec<QuoteOut<'a>>,
    added_quotes: Vec<QuotationOut<'a>>,
}

#[derive(Serialize)]
struct FindingOut<'a> {
    class: &'static str,
    base: &'a str,
    other: &'a str,
    base_sentences: &'a [usize],
    other_sentences: &'a [usize],
    link: Option<usize>,
}

#[derive(Serialize)]
struct QuotationOut<'a> {
    text: &'a str,
    sentences: &'a [usize],
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    base: QuotationOut<'a>,
    status: &'static str,
    other: Option<QuotationOut<'a>>,
    edits: Vec<EditOut<'a>>,
}

#[derive(Serialize)]
struct StatsOut {
    base_sentences: usize,
    other_sentences: usize,
    carried: usize,
    carried_share: f64,
    identical: usize,
    minor: usize,
    rewrite: usize,
    paraphrase: usize,
    partial: usize,
    moved: usize,
    added: usize,
    deleted: usize,
    boilerplate_base: usize,
    boilerplate_other: usize,
    similarity: f64,
    /// Per class, in the order of `FindingClass::ALL`.
    findings: FindingCounts,
}

/// The per-class counts as an object in `FindingClass::ALL` order.
struct FindingCounts([usize; 6]);

impl Serialize for FindingCounts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(6))?;
        for (class, n) in FindingClass::ALL.iter().zip(self.0) {
            map.serialize_entry(class.name(), &n)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct LinkOut<'a> {
    base: &'a [usize],
    other: &'a [usize],
    kind: &'static str,
    moved: bool,
    score: f64,
    edits: Vec<EditOut<'a>>,
}

#[derive(Serialize)]
struct EditOut<'a> {
    op: &'static str,
    base: &'a str,
    other: &'a str,
    class: &'static str,
    in_quote: bool,
}

/// Round to three decimals as the schema says; non-finite values become 0.
fn round3(x: f32) -> f64 {
    let x = f64::from(x);
    if x.is_finite() {
        (x * 1000.0).round() / 1000.0
    } else {
        0.0
    }
}

fn version<'a>(v: &'a Version, source: Option<&Source>) -> VersionOut<'a> {
    let source = source.filter(|s| !s.is_plain_text());
    VersionOut {
        name: &v.name,
        label: v.label(),
        source: source.map(|s| SourceOut {
            format: s.format.as_str(),
            encoding: s.encoding,
            encoding_from: s.encoding_from.as_str(),
        }),
        text: source.map(|_| &*v.text),
        sentences: v
            .sentences
            .iter()
            .map(|s| SentenceOut {
                text: &s.text,
                start: s.start,
                end: s.end,
                boilerplate: s.boilerplate(),
                kind: s.kind.name(),
            })
            .collect(),
    }
}

fn stats(s: &Stats) -> StatsOut {
    StatsOut {
        base_sentences: s.base_sentences,
        other_sentences: s.other_sentences,
        carried: s.carried,
        carried_share: round3(s.carried_share),
        identical: s.identical,
        minor: s.minor,
        rewrite: s.rewrite,
        paraphrase: s.paraphrase,
        partial: s.partial,
        moved: s.moved,
        added: s.added,
        deleted: s.deleted,
        boilerplate_base: s.boilerplate_base,
        boilerplate_other: s.boilerplate_other,
        similarity: round3(s.similarity),
        findings: FindingCounts(s.findings),
    }
}

fn edit(e: &Edit) -> EditOut<'_> {
    EditOut {
        op: match e.op {
            EditOp::Replace => "replace",
            EditOp::Insert => "insert",
            EditOp::Delete => "delete",
        },
        base: &e.base,
        other: &e.other,
        class: e.class.name(),
        in_quote: e.in_quote,
    }
}

fn quotation(q: &Quotation) -> QuotationOut<'_> {
    QuotationOut {
        text: &q.text,
        sentences: &q.sentences,
    }
}

fn comparison(c: &Comparison) -> ComparisonOut<'_> {
    ComparisonOut {
        other: c.other,
        similarity: round3(c.stats.similarity),
        stats: stats(&c.stats),
        links: c
            .links
            .iter()
            .map(|l| LinkOut {
                base: &l.base,
                other: &l.other,
                kind: l.kind.name(),
                moved: l.moved,
                score: round3(l.score),
                edits: l.diff.edits.iter().map(edit).collect(),
            })
            .collect(),
        unmatched_base: &c.unmatched_base,
        unmatched_other: &c.unmatched_other,
        findings: c
            .findings
            .iter()
            .map(|f| FindingOut {
                class: f.class.name(),
                base: &f.base,
                other: &f.other,
                base_sentences: &f.base_sentences,
                other_sentences: &f.other_sentences,
                link: f.link,
            })
            .collect(),
        quotes: c
            .quotes
            .iter()
            .map(|q| QuoteOut {
                base: quotation(&q.base),
                status: q.status.name(),
                other: q.other.as_ref().map(quotation),
                edits: q.edits.iter().map(edit).collect(),
            })
            .collect(),
        added_quotes: c.added_quotes.iter().map(quotation).collect(),
    }
}

/// The mirror of `analysis` in the schema's shape, with what each version was read from.
pub fn document<'a>(analysis: &'a Analysis, sources: &[Source]) -> Document<'a> {
    Document {
        base: analysis.base,
        versions: analysis
            .versions
            .iter()
            .enumerate()
            .map(|(k, v)| version(v, sources.get(k)))
            .collect(),
        comparisons: analysis.comparisons.iter().map(comparison).collect(),
    }
}

/// The JSON export as `serde_json` writes it: pretty-printed, with a final newline.
pub fn json(analysis: &Analysis) -> String {
    json_with_sources(analysis, &[])
}

/// [`json`] with the versions' sources.
pub fn json_with_sources(analysis: &Analysis, sources: &[Source]) -> String {
    let mut out = serde_json::to_string_pretty(&document(analysis, sources)).expect("serialise");
    out.push('\n');
    out
}
