//! The JSON export, exactly the schema documented in `docs/json.md`. Scores and shares are
//! rounded to three decimals so the bytes are stable across platforms.

use std::io::{self, Write};

use crate::engine::text::{below_mask, byte_mask, word_of};
use crate::engine::{
    Analysis, Comparison, Edit, EditOp, FindingClass, Quotation, Source, Stats, Version,
};

/// The JSON text, written by hand in exactly the layout of `serde_json`'s pretty printer
/// (two-space indent, `[]` for empty arrays, `": "` after keys, the same string escapes
/// and number forms), without building an intermediate tree.
struct Out {
    buf: String,
    /// Current nesting depth.
    depth: usize,
    /// Whether the innermost open object or array has a member yet.
    has_member: Vec<bool>,
}

/// Where the text of an [`Out`] goes: kept whole in its buffer, or written out in chunks
/// of about [`CHUNK`] bytes as it is made (the first write error stops the writing and is
/// kept).
struct Spill<'w> {
    w: Option<&'w mut dyn Write>,
    result: io::Result<()>,
}

/// Bytes gathered before a chunk is written out.
const CHUNK: usize = 1 << 20;

impl<'w> Spill<'w> {
    fn keep() -> Self {
        Spill {
            w: None,
            result: Ok(()),
        }
    }

    fn to(w: &'w mut dyn Write) -> Self {
        Spill {
            w: Some(w),
            result: Ok(()),
        }
    }

    /// Write the buffer out if it holds a chunk.
    fn check(&mut self, out: &mut Out) {
        if out.buf.len() >= CHUNK {
            self.flush(out);
        }
    }

    /// Write out (and empty) the buffer, if writing.
    fn flush(&mut self, out: &mut Out) {
        if let Some(w) = self.w.as_mut() {
            if self.result.is_ok() {
                self.result = w.write_all(out.buf.as_bytes());
            }
            out.buf.clear();
        }
    }
}

impl Out {
    fn newline_indent(&mut self) {
        // A newline and two spaces per level (deeper levels never occur in this schema,
        // but are written correctly all the same).
        const INDENT: &str = "\n                                ";
        let n = 1 + 2 * self.depth;
        if n <= INDENT.len() {
            self.buf.push_str(&INDENT[..n]);
        } else {
            self.buf.push('\n');
            for _ in 0..self.depth {
                self.buf.push_str("  ");
            }
        }
    }

    fn open(&mut self, bracket: char) {
        self.buf.push(bracket);
        self.depth += 1;
        self.has_member.push(false);
    }

    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if self.has_member.pop().unwrap_or(false) {
            self.newline_indent();
        }
        self.buf.push(bracket);
    }

    /// Start the next member of the innermost object or array.
    fn member(&mut self) {
        if let Some(h) = self.has_member.last_mut() {
            if *h {
                self.buf.push(',');
            }
            *h = true;
        }
        self.newline_indent();
    }

    fn key(&mut self, k: &str) {
        self.member();
        self.buf.push('"');
        self.buf.push_str(k);
        self.buf.push_str("\": ");
    }

    fn str(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let bytes = s.as_bytes();
        self.buf.push('"');
        let mut run = 0;
        let mut i = 0;
        while i < bytes.len() {
            // Skip eight bytes at a time while none needs escaping.
            if let Some(chunk) = bytes.get(i..i + 8) {
                let x = word_of(chunk);
                // A byte below 0x20, a quote or a backslash.
                if below_mask(x, 0x20) | byte_mask(x, b'"') | byte_mask(x, b'\\') == 0 {
                    i += 8;
                    continue;
                }
            }
            let b = bytes[i];
            i += 1;
            if b >= 0x20 && b != b'"' && b != b'\\' {
                continue;
            }
            let i = i - 1;
            // `i` is at an ASCII byte, so both slice ends are character boundaries.
            self.buf.push_str(&s[run..i]);
            run = i + 1;
            match b {
                b'"' => self.buf.push_str("\\\""),
                b'\\' => self.buf.push_str("\\\\"),
                0x08 => self.buf.push_str("\\b"),
                0x09 => self.buf.push_str("\\t"),
                0x0A => self.buf.push_str("\\n"),
                0x0C => self.buf.push_str("\\f"),
                0x0D => self.buf.push_str("\\r"),
                _ => {
                    self.buf.push_str("\\u00");
                    self.buf.push(char::from(HEX[usize::from(b >> 4)]));
                    self.buf.push(char::from(HEX[usize::from(b & 0xF)]));
                }
            }
        }
        self.buf.push_str(&s[run..]);
        self.buf.push('"');
    }

    fn uint(&mut self, n: usize) {
        if n < 10 {
            self.buf.push(char::from(b'0' + n as u8));
            return;
        }
        // Two digits at a time from the right.
        const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
            2021222324252627282930313233343536373839\
            4041424344454647484950515253545556575859\
            6061626364656667686970717273747576777879\
            8081828384858687888990919293949596979899";
        let mut digits = [0u8; 20];
        let mut k = digits.len();
        let mut n = n;
        while n >= 100 {
            let d = n % 100 * 2;
            n /= 100;
            k -= 2;
            digits[k..k + 2].copy_from_slice(&PAIRS[d..d + 2]);
        }
        if n >= 10 {
            k -= 2;
            digits[k..k + 2].copy_from_slice(&PAIRS[n * 2..n * 2 + 2]);
        } else {
            k -= 1;
            digits[k] = b'0' + n as u8;
        }
        // ASCII digits.
        self.buf
            .push_str(std::str::from_utf8(&digits[k..]).unwrap_or_default());
    }

    fn float(&mut self, x: f64) {
        // serde_json's own number form (shortest round-trip digits).
        self.buf
            .push_str(&serde_json::to_string(&x).unwrap_or_default());
    }

    fn bool(&mut self, b: bool) {
        self.buf.push_str(if b { "true" } else { "false" });
    }

    fn key_str(&mut self, k: &str, v: &str) {
        self.key(k);
        self.str(v);
    }

    fn key_uint(&mut self, k: &str, v: usize) {
        self.key(k);
        self.uint(v);
    }

    fn key_float(&mut self, k: &str, v: f64) {
        self.key(k);
        self.float(v);
    }

    fn key_bool(&mut self, k: &str, v: bool) {
        self.key(k);
        self.bool(v);
    }

    fn key_uints(&mut self, k: &str, v: &[usize]) {
        self.key(k);
        self.open('[');
        for &n in v {
            self.member();
            self.uint(n);
        }
        self.close(']');
    }
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

fn stats(out: &mut Out, s: &Stats) {
    out.key("stats");
    out.open('{');
    out.key_uint("base_sentences", s.base_sentences);
    out.key_uint("other_sentences", s.other_sentences);
    out.key_uint("carried", s.carried);
    out.key_float("carried_share", round3(s.carried_share));
    out.key_uint("identical", s.identical);
    out.key_uint("minor", s.minor);
    out.key_uint("rewrite", s.rewrite);
    out.key_uint("paraphrase", s.paraphrase);
    out.key_uint("partial", s.partial);
    out.key_uint("moved", s.moved);
    out.key_uint("added", s.added);
    out.key_uint("deleted", s.deleted);
    out.key_uint("boilerplate_base", s.boilerplate_base);
    out.key_uint("boilerplate_other", s.boilerplate_other);
    out.key_float("similarity", round3(s.similarity));
    out.key("findings");
    out.open('{');
    for (class, n) in FindingClass::ALL.iter().zip(s.findings) {
        out.key_uint(class.name(), n);
    }
    out.close('}');
    out.close('}');
}

fn edit(out: &mut Out, e: &Edit) {
    out.member();
    out.open('{');
    out.key_str(
        "op",
        match e.op {
            EditOp::Replace => "replace",
            EditOp::Insert => "insert",
            EditOp::Delete => "delete",
        },
    );
    out.key_str("base", &e.base);
    out.key_str("other", &e.other);
    out.key_str("class", e.class.name());
    out.key_bool("in_quote", e.in_quote);
    out.close('}');
}

fn quotation(out: &mut Out, q: &Quotation) {
    out.open('{');
    out.key_str("text", &q.text);
    out.key_uints("sentences", &q.sentences);
    out.close('}');
}

/// `findings`, `quotes` and `added_quotes` of a comparison.
fn findings(out: &mut Out, c: &Comparison) {
    out.key("findings");
    out.open('[');
    for f in &c.findings {
        out.member();
        out.open('{');
        out.key_str("class", f.class.name());
        out.key_str("base", &f.base);
        out.key_str("other", &f.other);
        out.key_uints("base_sentences", &f.base_sentences);
        out.key_uints("other_sentences", &f.other_sentences);
        out.key("link");
        match f.link {
            Some(l) => out.uint(l),
            None => out.buf.push_str("null"),
        }
        out.close('}');
    }
    out.close(']');
    out.key("quotes");
    out.open('[');
    for q in &c.quotes {
        out.member();
        out.open('{');
        out.key("base");
        quotation(out, &q.base);
        out.key_str("status", q.status.name());
        out.key("other");
        match &q.other {
            Some(o) => quotation(out, o),
            None => out.buf.push_str("null"),
        }
        out.key("edits");
        out.open('[');
        for e in &q.edits {
            edit(out, e);
        }
        out.close(']');
        out.close('}');
    }
    out.close(']');
    out.key("added_quotes");
    out.open('[');
    for q in &c.added_quotes {
        out.member();
        quotation(out, q);
    }
    out.close(']');
}

fn comparison(out: &mut Out, c: &Comparison, spill: &mut Spill) {
    out.member();
    out.open('{');
    out.key_uint("other", c.other);
    out.key_float("similarity", round3(c.stats.similarity));
    stats(out, &c.stats);
    out.key("links");
    out.open('[');
    for l in &c.links {
        out.member();
        out.open('{');
        out.key_uints("base", &l.base);
        out.key_uints("other", &l.other);
        out.key_str("kind", l.kind.name());
        out.key_bool("moved", l.moved);
        out.key_float("score", round3(l.score));
        out.key("edits");
        out.open('[');
        for e in &l.diff.edits {
            edit(out, e);
        }
        out.close(']');
        out.close('}');
        spill.check(out);
    }
    out.close(']');
    out.key_uints("unmatched_base", &c.unmatched_base);
    out.key_uints("unmatched_other", &c.unmatched_other);
    findings(out, c);
    out.close('}');
}

/// The analysis as pretty-printed JSON (two-space indent), ending with a newline.
pub fn json(analysis: &Analysis) -> String {
    json_with_sources(analysis, &[])
}

/// [`json`] with what each version was read from: a version whose source is not plain
/// UTF-8 text gains `source` and `text` (the text its spans index).
pub fn json_with_sources(analysis: &Analysis, sources: &[Source]) -> String {
    let versions_size = versions_capacity(&analysis.versions);
    let comparisons_size = comparisons_capacity(&analysis.comparisons);
    let capacity = versions_size + comparisons_size + 16;
    let mut buf = versions_part_with(analysis.base, &analysis.versions, sources, capacity);
    buf.push_str(&comparisons_part(&analysis.comparisons));
    buf.push_str(JSON_END);
    buf
}

/// What follows [`comparisons_part`] to end the document.
const JSON_END: &str = "\n}\n";

/// Room for the sentence texts and their fields.
fn versions_capacity(versions: &[Version]) -> usize {
    versions
        .iter()
        .map(|v| v.text.len() + 110 * v.sentences.len())
        .sum()
}

/// Room for the links.
fn comparisons_capacity(comparisons: &[Comparison]) -> usize {
    comparisons.iter().map(|c| 250 * c.links.len()).sum()
}

/// The start of the JSON document up to the versions, inclusive, written to `w` as it is
/// made: with [`write_comparisons_part`] after it, the text of [`json`]. It needs only the
/// versions, so it can be written while the comparisons are computed. `sources` as in
/// [`json_with_sources`].
pub fn write_versions_part(
    base: usize,
    versions: &[Version],
    sources: &[Source],
    w: &mut dyn Write,
) -> io::Result<()> {
    let mut spill = Spill::to(w);
    let mut out = versions_into(base, versions, sources, 2 * CHUNK, &mut spill);
    spill.flush(&mut out);
    spill.result
}

fn versions_part_with(
    base: usize,
    versions: &[Version],
    sources: &[Source],
    capacity: usize,
) -> String {
    versions_into(base, versions, sources, capacity, &mut Spill::keep()).buf
}

fn versions_into(
    base: usize,
    versions: &[Version],
    sources: &[Source],
    capacity: usize,
    spill: &mut Spill,
) -> Out {
    let mut out = Out {
        buf: String::with_capacity(capacity),
        depth: 0,
        has_member: Vec::new(),
    };
    out.open('{');
    out.key_uint("base", base);
    out.key("versions");
    out.open('[');
    for (k, v) in versions.iter().enumerate() {
        out.member();
        out.open('{');
        out.key_str("name", &v.name);
        out.key_str("label", v.label());
        if let Some(source) = sources.get(k).filter(|s| !s.is_plain_text()) {
            out.key("source");
            out.open('{');
            out.key_str("format", source.format.as_str());
            out.key_str("encoding", source.encoding);
            out.key_str("encoding_from", source.encoding_from.as_str());
            out.close('}');
            out.key_str("text", &v.text);
        }
        out.key("sentences");
        out.open('[');
        for s in &v.sentences {
            out.member();
            out.open('{');
            out.key_str("text", &s.text);
            out.key_uint("start", s.start);
            out.key_uint("end", s.end);
            out.key_bool("boilerplate", s.boilerplate());
            out.key_str("kind", s.kind.name());
            out.close('}');
            spill.check(&mut out);
        }
        out.close(']');
        out.close('}');
    }
    out.close(']');
    out
}

/// The comparisons member of the JSON document (see [`write_versions_part`]).
fn comparisons_part(comparisons: &[Comparison]) -> String {
    comparisons_into(
        comparisons,
        comparisons_capacity(comparisons),
        &mut Spill::keep(),
    )
    .buf
}

/// [`comparisons_part`] and [`JSON_END`] written to `w` as they are made.
pub fn write_comparisons_part(comparisons: &[Comparison], w: &mut dyn Write) -> io::Result<()> {
    let mut spill = Spill::to(w);
    let mut out = comparisons_into(comparisons, 2 * CHUNK, &mut spill);
    out.buf.push_str(JSON_END);
    spill.flush(&mut out);
    spill.result
}

fn comparisons_into(comparisons: &[Comparison], capacity: usize, spill: &mut Spill) -> Out {
    // Written from inside the top-level object (depth 1, after a member).
    let mut out = Out {
        buf: String::with_capacity(capacity),
        depth: 1,
        has_member: vec![true],
    };
    out.key("comparisons");
    out.open('[');
    for c in comparisons {
        comparison(&mut out, c, spill);
    }
    out.close(']');
    out
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
    fn strings_are_escaped_like_serde_json() {
        let samples = [
            "",
            "plain text that is longer than eight bytes",
            "quote \" and backslash \\ and\ttab\nnewline\r\u{8}\u{c}\u{1}\u{1f}\u{7f}",
            "“curly” café 日本語 👩‍👧 \u{2028}",
            "0123456\"",
            "01234567\\",
            "\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}x",
        ];
        for s in samples {
            let mut out = Out {
                buf: String::new(),
                depth: 0,
                has_member: Vec::new(),
            };
            out.str(s);
            assert_eq!(out.buf, serde_json::to_string(s).unwrap());
        }
    }

    #[test]
    fn integers_are_written_in_decimal() {
        for n in [
            0,
            7,
            9,
            10,
            42,
            99,
            100,
            101,
            999,
            1000,
            65_535,
            5_087_608,
            usize::MAX,
        ] {
            let mut out = Out {
                buf: String::new(),
                depth: 0,
                has_member: Vec::new(),
            };
            out.uint(n);
            assert_eq!(out.buf, n.to_string());
        }
    }

    #[test]
    fn round3_is_stable() {
        assert_eq!(round3(0.81234), 0.812);
        assert_eq!(round3(1.0), 1.0);
        assert_eq!(round3(f32::NAN), 0.0);
    }
}
