//! The JSON export, exactly the schema documented in `docs/json.md`. Scores and shares are
//! rounded to three decimals so the bytes are stable across platforms.

use serde::Serialize;

use crate::model::{Analysis, Comparison, EditClass, EditOp, LinkKind, Stats};

#[derive(Serialize)]
struct Doc<'a> {
    base: usize,
    versions: Vec<JVersion<'a>>,
    comparisons: Vec<JComparison<'a>>,
}

#[derive(Serialize)]
struct JVersion<'a> {
    name: &'a str,
    sentences: Vec<JSentence<'a>>,
}

#[derive(Serialize)]
struct JSentence<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    boilerplate: bool,
}

#[derive(Serialize)]
struct JComparison<'a> {
    other: usize,
    similarity: f64,
    stats: JStats,
    links: Vec<JLink<'a>>,
    unmatched_base: &'a [usize],
    unmatched_other: &'a [usize],
}

#[derive(Serialize)]
struct JStats {
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
}

#[derive(Serialize)]
struct JLink<'a> {
    base: &'a [usize],
    other: &'a [usize],
    kind: LinkKind,
    moved: bool,
    score: f64,
    edits: Vec<JEdit<'a>>,
}

#[derive(Serialize)]
struct JEdit<'a> {
    op: EditOp,
    base: &'a str,
    other: &'a str,
    class: EditClass,
    in_quote: bool,
}

/// Round to three decimals; non-finite values become 0.
fn round3(x: f32) -> f64 {
    let x = f64::from(x);
    if x.is_finite() {
        (x * 1000.0).round() / 1000.0
    } else {
        0.0
    }
}

fn stats(s: &Stats) -> JStats {
    JStats {
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
    }
}

fn comparison(c: &Comparison) -> JComparison<'_> {
    JComparison {
        other: c.other,
        similarity: round3(c.stats.similarity),
        stats: stats(&c.stats),
        links: c
            .links
            .iter()
            .map(|l| JLink {
                base: &l.base,
                other: &l.other,
                kind: l.kind,
                moved: l.moved,
                score: round3(l.score),
                edits: l
                    .diff
                    .edits
                    .iter()
                    .map(|e| JEdit {
                        op: e.op,
                        base: &e.base,
                        other: &e.other,
                        class: e.class,
                        in_quote: e.in_quote,
                    })
                    .collect(),
            })
            .collect(),
        unmatched_base: &c.unmatched_base,
        unmatched_other: &c.unmatched_other,
    }
}

/// The analysis as pretty-printed JSON (two-space indent), ending with a newline.
pub fn json(analysis: &Analysis) -> String {
    let doc = Doc {
        base: analysis.base,
        versions: analysis
            .versions
            .iter()
            .map(|v| JVersion {
                name: &v.name,
                sentences: v
                    .sentences
                    .iter()
                    .map(|s| JSentence {
                        text: &s.text,
                        start: s.start,
                        end: s.end,
                        boilerplate: s.boilerplate,
                    })
                    .collect(),
            })
            .collect(),
        comparisons: analysis.comparisons.iter().map(comparison).collect(),
    };
    // Serialising plain structs of strings and numbers cannot fail.
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;
    use serde_json::Value;

    #[test]
    fn json_has_documented_fields_and_rounding() {
        let (a, _) = fixture::analysis();
        let out = json(&a);
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["base"], 0);
        assert_eq!(v["versions"][1]["name"], "b.txt");
        let s = &v["versions"][0]["sentences"][1];
        assert_eq!(s["text"], "The ferry left at noon.");
        assert_eq!(s["start"], 12);
        assert_eq!(s["end"], 35);
        assert_eq!(s["boilerplate"], false);
        assert_eq!(v["versions"][0]["sentences"][0]["boilerplate"], true);
        let c = &v["comparisons"][0];
        assert_eq!(c["other"], 1);
        assert_eq!(c["similarity"].as_f64(), Some(0.712));
        assert_eq!(c["stats"]["carried_share"].as_f64(), Some(0.75));
        assert_eq!(c["stats"]["deleted"], 1);
        let l = &c["links"][2];
        assert_eq!(l["base"], serde_json::json!([2]));
        assert_eq!(l["other"], serde_json::json!([3]));
        assert_eq!(l["kind"], "rewrite");
        assert_eq!(l["moved"], false);
        assert_eq!(l["score"].as_f64(), Some(0.812));
        assert_eq!(
            l["edits"][1],
            serde_json::json!({"op": "replace", "base": "12", "other": "15", "class": "number", "in_quote": true})
        );
        assert_eq!(c["links"][3]["moved"], true);
        assert_eq!(c["unmatched_base"], serde_json::json!([3]));
        assert_eq!(c["unmatched_other"], serde_json::json!([4]));
        // The literal bytes of a rounded score.
        assert!(out.contains("\"score\": 0.812,"));
        assert!(out.ends_with("}\n"));
        // Spans index into the original text.
        let v0 = &a.versions[0];
        let s1 = &v0.sentences[1];
        assert_eq!(&v0.text[s1.start..s1.end], s1.text);
    }

    #[test]
    fn round3_is_stable() {
        assert_eq!(round3(0.81234), 0.812);
        assert_eq!(round3(1.0), 1.0);
        assert_eq!(round3(f32::NAN), 0.0);
    }
}
