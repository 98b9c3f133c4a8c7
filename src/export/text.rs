//! The plain text export: per comparison a header with the statistics and the findings
//! block, then one block per row with the inline word diff (`[-deleted-]{+inserted+}`)
//! and a note for each finding the row holds (`(quote: firmly -> strongly)`). Names and
//! sentence text are escaped for the terminal ([`crate::render::safe::escape`]);
//! [`text_with`] can colour the marks instead, as `git diff --word-diff=color` does.

use std::borrow::Cow;
use std::fmt::Write;
use std::io;

use crate::engine::{Analysis, Comparison, EncodingFrom, Link, LinkKind, Piece, Source, Version};
use crate::engine::{PairRow, RowKind};

use crate::render::findings::{RowFindings, note};
use crate::render::safe::escape;
use crate::render::symbols::{boilerplate_line, boilerplate_lines, push_row_tag};

/// How the text export marks removed and inserted words and the comparisons' titles:
/// each an opening and a closing string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marks {
    /// Around removed text.
    pub removed: (&'static str, &'static str),
    /// Around inserted text.
    pub inserted: (&'static str, &'static str),
    /// Around a comparison's title line.
    pub title: (&'static str, &'static str),
}

impl Marks {
    /// `[-removed-]{+inserted+}`, the plain format.
    pub const PLAIN: Marks = Marks {
        removed: ("[-", "-]"),
        inserted: ("{+", "+}"),
        title: ("", ""),
    };
    /// Removed text red, inserted text green, titles bold (SGR codes, as git has them).
    pub const COLOR: Marks = Marks {
        removed: ("\x1b[31m", "\x1b[m"),
        inserted: ("\x1b[32m", "\x1b[m"),
        title: ("\x1b[1m", "\x1b[m"),
    };
}

/// The whole analysis as text: one section per comparison, in version order.
pub fn text(analysis: &Analysis) -> String {
    text_with(analysis, &Marks::PLAIN)
}

/// [`text`] with the given marks.
pub fn text_with(analysis: &Analysis, marks: &Marks) -> String {
    text_with_sources(analysis, marks, &[])
}

/// [`text_with`], each header naming the encoding of a version of the comparison that was
/// decoded from something other than UTF-8 (`sources`, indexed like the versions; empty
/// when not known).
pub fn text_with_sources(analysis: &Analysis, marks: &Marks, sources: &[Source]) -> String {
    let mut out = TextOut::whole();
    text_into(analysis, marks, sources, &mut out);
    out.buf
}

/// [`text_with_sources`] written to `w` as it is made, about [`CHUNK`] bytes at a time,
/// instead of gathered whole first (a long story's text export is as long as the story).
/// The first write error stops the writing and is returned.
pub fn write_text_with_sources(
    analysis: &Analysis,
    marks: &Marks,
    sources: &[Source],
    w: &mut dyn io::Write,
) -> io::Result<()> {
    let mut out = TextOut {
        buf: String::with_capacity(2 * CHUNK),
        to: Some((w, Ok(()))),
    };
    text_into(analysis, marks, sources, &mut out);
    out.flush();
    match out.to {
        Some((_, result)) => result,
        None => Ok(()),
    }
}

/// Bytes of text gathered before they are written out.
const CHUNK: usize = 1 << 20;

/// Text being made: kept whole, or written out a chunk at a time (with the first write
/// error, after which nothing more is written).
pub(super) struct TextOut<'w> {
    pub(super) buf: String,
    to: Option<(&'w mut dyn io::Write, io::Result<()>)>,
}

impl TextOut<'_> {
    /// Text kept whole.
    pub(super) fn whole() -> Self {
        TextOut {
            buf: String::new(),
            to: None,
        }
    }

    /// Write out the text so far once it holds a chunk (when writing).
    fn spill(&mut self) {
        if self.buf.len() >= CHUNK {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if let Some((w, result)) = self.to.as_mut() {
            if result.is_ok() {
                *result = w.write_all(self.buf.as_bytes());
            }
            self.buf.clear();
        }
    }
}

/// Every comparison's text, added to `out`.
fn text_into(analysis: &Analysis, marks: &Marks, sources: &[Source], out: &mut TextOut) {
    for (n, cmp) in analysis.comparisons.iter().enumerate() {
        if n > 0 {
            out.buf.push('\n');
        }
        let (Some(base), Some(other)) = (
            analysis.versions.get(cmp.base),
            analysis.versions.get(cmp.other),
        ) else {
            continue;
        };
        let rows = crate::engine::pair_rows(analysis, cmp.other);
        let notes: Vec<String> = [(cmp.base, base), (cmp.other, other)]
            .into_iter()
            .filter_map(|(k, version)| encoding_note(version, sources.get(k)?))
            .collect();
        comparison(out, base, other, cmp, &rows, None, &notes, marks);
    }
}

/// The header line naming the encoding `version` was decoded from, when not UTF-8
/// ("encoding: page (windows-1252, detected)").
fn encoding_note(version: &Version, source: &Source) -> Option<String> {
    if source.encoding == "UTF-8" {
        return None;
    }
    let from = match source.encoding_from {
        EncodingFrom::Utf8 => return None,
        EncodingFrom::Bom => "byte-order mark",
        EncodingFrom::Given => "--encoding",
        EncodingFrom::Declared => "declared",
        EncodingFrom::Detected => "detected",
    };
    Some(format!(
        "encoding: {} ({}, {from})",
        version.label(),
        source.encoding
    ))
}

/// Header (with `notes` after the title), findings and row blocks of one
/// comparison, added to `text` (and written out a chunk at a time when it is writing);
/// `shown` names the rows when they are not all of the comparison's.
#[allow(clippy::too_many_arguments)]
pub(super) fn comparison(
    text: &mut TextOut,
    base: &Version,
    other: &Version,
    cmp: &Comparison,
    rows: &[PairRow],
    shown: Option<&str>,
    notes: &[String],
    marks: &Marks,
) {
    let summary = super::summary::lines(base, other, cmp, shown);
    let (title, rest) = summary.split_at(1.min(summary.len()));
    for (k, line) in title.iter().chain(notes).chain(rest).enumerate() {
        // The first line is the title.
        let (open, close) = if k == 0 { marks.title } else { ("", "") };
        let _ = writeln!(text.buf, "{open}{}{close}", escape(line));
    }
    text.buf.push('\n');
    let placed = RowFindings::new(cmp, rows);
    let mut furniture = 0;
    for (index, row) in rows.iter().enumerate() {
        if row.boilerplate {
            furniture += boilerplate_lines(row);
            continue;
        }
        if furniture > 0 {
            let _ = writeln!(text.buf, "{}", boilerplate_line(furniture));
            furniture = 0;
        }
        block(&mut text.buf, base, other, cmp, row, marks);
        for &finding in placed.of_row(index) {
            let _ = writeln!(text.buf, "  ({})", escape(&note(&cmp.findings[finding])));
        }
        text.spill();
    }
    if furniture > 0 {
        let _ = writeln!(text.buf, "{}", boilerplate_line(furniture));
    }
}

/// A row's tag and its text (the inline diff for a changed link).
fn block(
    out: &mut String,
    base: &Version,
    other: &Version,
    cmp: &Comparison,
    row: &PairRow,
    marks: &Marks,
) {
    let (bi, oi) = (valid(base, &row.base), valid(other, &row.other));
    match (row.kind, row.link.and_then(|l| cmp.links.get(l))) {
        (RowKind::Link { kind, .. }, Some(link)) => {
            tag_line(out, row.kind, &bi, &oi);
            // Identical links (at most spacing or quote style differs) are shown once, plain.
            if link.diff.edits.is_empty() || kind == LinkKind::Identical {
                text_line(out, base, &bi);
            } else {
                let _ = writeln!(out, "  {}", inline_with(link, marks));
            }
        }
        (RowKind::Added, _) => {
            tag_line(out, RowKind::Added, &bi, &oi);
            text_line(out, other, &oi);
        }
        _ => {
            // Deleted, or a link row whose link is missing: show the base side.
            tag_line(out, RowKind::Deleted, &bi, &oi);
            text_line(out, base, &bi);
        }
    }
}

/// The sentences of `indices` that `v` has (all of them, but for a damaged analysis),
/// borrowed when they all are.
fn valid<'i>(v: &Version, indices: &'i [usize]) -> Cow<'i, [usize]> {
    if indices.iter().all(|&i| i < v.sentences.len()) {
        Cow::Borrowed(indices)
    } else {
        Cow::Owned(
            indices
                .iter()
                .copied()
                .filter(|&i| i < v.sentences.len())
                .collect(),
        )
    }
}

/// A row's tag on a line of its own.
fn tag_line(out: &mut String, kind: RowKind, base: &[usize], other: &[usize]) {
    push_row_tag(out, kind, base, other);
    out.push('\n');
}

/// Sentences `indices` of `v`, one space apart and escaped, indented on a line of their
/// own (a single sentence is written from its own text, without joining a copy).
fn text_line(out: &mut String, v: &Version, indices: &[usize]) {
    out.push_str("  ");
    match indices {
        [i] => out.push_str(&escape(&v.sentences[*i].text)),
        _ => out.push_str(&escape(&v.joined(indices))),
    }
    out.push('\n');
}

/// Pieces of `side` starting at `*i` that belong to edit `e`, concatenated; advances `*i`.
fn take_edit(side: &[Piece], i: &mut usize, e: usize) -> String {
    let mut s = String::new();
    while let Some(p) = side.get(*i).filter(|p| p.edit == Some(e)) {
        s.push_str(&escape(&p.text));
        *i += 1;
    }
    s
}

/// The link's word diff as one line: shared text as is, removed text in `[-...-]`,
/// inserted text in `{+...+}`.
#[cfg(test)]
pub(crate) fn inline(link: &Link) -> String {
    inline_with(link, &Marks::PLAIN)
}

/// [`inline`] with the given marks; the text escaped.
fn inline_with(link: &Link, marks: &Marks) -> String {
    let (b, o) = (&link.diff.base, &link.diff.other);
    let (mut i, mut j) = (0, 0);
    let mut out = String::new();
    let emit = |out: &mut String, del: String, ins: String| {
        if !del.is_empty() {
            let (open, close) = marks.removed;
            let _ = write!(out, "{open}{del}{close}");
        }
        if !ins.is_empty() {
            let (open, close) = marks.inserted;
            let _ = write!(out, "{open}{ins}{close}");
        }
    };
    while i < b.len() || j < o.len() {
        let be = b.get(i).map(|p| p.edit);
        let oe = o.get(j).map(|p| p.edit);
        match (be, oe) {
            (Some(Some(x)), Some(Some(y))) => {
                let e = x.min(y);
                let del = take_edit(b, &mut i, e);
                let ins = take_edit(o, &mut j, e);
                emit(&mut out, del, ins);
            }
            (Some(Some(x)), _) => {
                let del = take_edit(b, &mut i, x);
                emit(&mut out, del, String::new());
            }
            (_, Some(Some(y))) => {
                // The space before an insertion may live only on the other side.
                let spaced = j > 0 && o[j - 1].text.ends_with(char::is_whitespace);
                if spaced && !out.is_empty() && !out.ends_with(char::is_whitespace) {
                    out.push(' ');
                }
                let ins = take_edit(o, &mut j, y);
                emit(&mut out, String::new(), ins);
            }
            (Some(None), Some(None)) => {
                // After an insertion the other side may carry the separating space.
                let (bt, ot) = (&b[i].text, &o[j].text);
                if !out.is_empty()
                    && !out.ends_with(char::is_whitespace)
                    && !bt.starts_with(char::is_whitespace)
                    && ot.starts_with(char::is_whitespace)
                {
                    out.push(' ');
                }
                out.push_str(&escape(bt));
                i += 1;
                j += 1;
            }
            (Some(None), None) => {
                out.push_str(&escape(&b[i].text));
                i += 1;
            }
            (None, Some(None)) => {
                out.push_str(&escape(&o[j].text));
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{EditClass, EditOp};
    use crate::export::fixture;

    /// Written as it is made, the text is the text made whole; the first write error
    /// stops it and is returned.
    #[test]
    fn written_text_is_the_whole_text() {
        let analysis = crate::engine::analyze(&crate::engine::demo(), Default::default());
        let whole = text_with_sources(&analysis, &Marks::PLAIN, &[]);
        let mut written = Vec::new();
        write_text_with_sources(&analysis, &Marks::PLAIN, &[], &mut written).unwrap();
        assert_eq!(String::from_utf8(written).unwrap(), whole);
        let mut full = io::Cursor::new([0u8; 16]);
        let error = write_text_with_sources(&analysis, &Marks::PLAIN, &[], &mut full);
        assert_eq!(error.unwrap_err().kind(), io::ErrorKind::WriteZero);
    }

    #[test]
    fn text_export_bytes() {
        let (a, rows) = fixture::analysis();
        let mut text = TextOut::whole();
        comparison(
            &mut text,
            &a.versions[0],
            &a.versions[1],
            &a.comparisons[0],
            &rows,
            None,
            &[],
            &Marks::PLAIN,
        );
        let out = text.buf;
        let want = "\
== a.txt (base) vs b.txt ==
similarity: 0.712
carried: 3 of 4 base sentences (75.0%)
links: 2 identical, 0 minor, 1 rewrite, 0 paraphrase, 0 partial; 1 moved
added: 1, deleted: 1, boilerplate: 1 base / 1 other
findings: 1 quote, 0 negation, 0 number, 0 name, 1 pronoun, 0 attribution
  quote    #3 -> #4  12 -> 15
  pronoun  #3 -> #4  His -> Her

\u{2026} 1 line of boilerplate
= identical  #2 -> #3
  The ferry left at noon.
* rewrite  #3 -> #4
  [-His-]{+Her+} crew said: \"We saw [-12-]{+15+} whales.\"
  (pronoun: His -> Her)
  (quote: 12 -> 15)
+ added  -> #5
  A band played 日本 songs 🎉.
- deleted  #4
  Tickets cost more.
= identical, moved (from #2)  #5 -> #2
  Rain fell.
";
        assert_eq!(out, want);
    }

    #[test]
    fn identical_link_with_quote_style_edit_is_plain() {
        let (a, mut rows) = fixture::analysis();
        let mut a = a;
        a.comparisons[0].links[2].kind = LinkKind::Identical;
        rows[2].kind = RowKind::Link {
            kind: LinkKind::Identical,
            moved: false,
        };
        let mut text = TextOut::whole();
        comparison(
            &mut text,
            &a.versions[0],
            &a.versions[1],
            &a.comparisons[0],
            &rows,
            None,
            &[],
            &Marks::PLAIN,
        );
        let out = text.buf;
        assert!(out.contains("= identical  #3 -> #4\n  His crew said: \"We saw 12 whales.\"\n"));
        assert!(!out.contains("[-"));
    }

    #[test]
    fn inline_handles_insert_and_delete_only_edits() {
        let (a, _) = fixture::analysis();
        let mut link = a.comparisons[0].links[2].clone();
        // Turn the pronoun edit into a pure deletion and the number edit into an insertion.
        link.diff.other[0].text.clear();
        link.diff.other.remove(0);
        link.diff.edits[0].op = EditOp::Delete;
        link.diff.base.remove(2);
        link.diff.edits[1].op = EditOp::Insert;
        assert_eq!(
            inline(&link),
            "[-His-] crew said: \"We saw {+15+} whales.\""
        );
    }

    /// Undo the inline marks: keep one side's text.
    fn side(s: &str, keep_deleted: bool) -> String {
        let mut out = String::new();
        let mut rest = s;
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix("[-") {
                let end = r.find("-]").unwrap();
                if keep_deleted {
                    out.push_str(&r[..end]);
                }
                rest = &r[end + 2..];
            } else if let Some(r) = rest.strip_prefix("{+") {
                let end = r.find("+}").unwrap();
                if !keep_deleted {
                    out.push_str(&r[..end]);
                }
                rest = &r[end + 2..];
            } else {
                let c = rest.chars().next().unwrap();
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn inline_rebuilds_both_sides(
            parts in proptest::collection::vec(
                (0u8..4, "[a-z ]{1,6}", "[a-z ]{1,6}"),
                0..12,
            )
        ) {
            use crate::engine::{Edit, LinkKind, Piece, WordDiff};
            let mut d = WordDiff::default();
            let (mut want_b, mut want_o) = (String::new(), String::new());
            for (kind, a, b) in parts {
                let piece = |t: &str, e| Piece { text: t.to_string(), edit: e };
                let op = match kind {
                    0 => {
                        d.base.push(piece(&a, None));
                        d.other.push(piece(&a, None));
                        want_b.push_str(&a);
                        want_o.push_str(&a);
                        continue;
                    }
                    1 => EditOp::Replace,
                    2 => EditOp::Delete,
                    _ => EditOp::Insert,
                };
                let e = Some(d.edits.len());
                let (ea, eb) = match op {
                    EditOp::Replace => (a.clone(), b.clone()),
                    EditOp::Delete => (a.clone(), String::new()),
                    EditOp::Insert => (String::new(), b.clone()),
                };
                if !ea.is_empty() {
                    d.base.push(piece(&ea, e));
                }
                if !eb.is_empty() {
                    d.other.push(piece(&eb, e));
                }
                want_b.push_str(&ea);
                want_o.push_str(&eb);
                d.edits.push(Edit { op, base: ea, other: eb, class: EditClass::Word, in_quote: false });
            }
            let link = crate::engine::Link {
                base: vec![0],
                other: vec![0],
                kind: LinkKind::Rewrite,
                score: 0.5,
                moved: false,
                diff: d,
            };
            // Both sides come back word for word (inline output may add a separating space
            // that only one side had).
            let s = inline(&link);
            let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().concat();
            proptest::prop_assert_eq!(words(&side(&s, true)), words(&want_b));
            proptest::prop_assert_eq!(words(&side(&s, false)), words(&want_o));
        }
    }
}
