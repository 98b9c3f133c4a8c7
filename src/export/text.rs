//! The plain text export: per comparison a header with the statistics, then one block per
//! collation row with the inline word diff (`[-deleted-]{+inserted+}`) and the class of
//! each edit that matters (names, numbers, pronouns, quotations).

use std::fmt::Write;

use crate::engine::{
    Analysis, Comparison, EditClass, EditOp, Link, LinkKind, Piece, Stats, Version,
};
use crate::engine::{PairRow, RowKind};

use crate::render::symbols::{furniture_line, kind_symbol, numbers};

/// The whole analysis as text: one section per comparison, in version order.
pub fn text(analysis: &Analysis) -> String {
    let mut out = String::new();
    for (n, cmp) in analysis.comparisons.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let (Some(base), Some(other)) = (
            analysis.versions.get(cmp.base),
            analysis.versions.get(cmp.other),
        ) else {
            continue;
        };
        let rows = crate::engine::pair_rows(analysis, cmp.other);
        comparison(&mut out, base, other, cmp, &rows);
    }
    out
}

/// Header and row blocks of one comparison.
pub(super) fn comparison(
    out: &mut String,
    base: &Version,
    other: &Version,
    cmp: &Comparison,
    rows: &[PairRow],
) {
    header(out, base.label(), other.label(), &cmp.stats);
    let mut furniture = 0;
    for row in rows {
        if row.boilerplate {
            furniture += 1;
            continue;
        }
        if furniture > 0 {
            let _ = writeln!(out, "{}", furniture_line(furniture));
            furniture = 0;
        }
        block(out, base, other, cmp, row);
    }
    if furniture > 0 {
        let _ = writeln!(out, "{}", furniture_line(furniture));
    }
}

fn header(out: &mut String, base: &str, other: &str, s: &Stats) {
    let _ = writeln!(out, "== {base} (base) vs {other} ==");
    let _ = writeln!(out, "similarity: {:.3}", s.similarity);
    let _ = writeln!(
        out,
        "carried: {} of {} base sentences ({:.1}%)",
        s.carried,
        s.base_sentences,
        f64::from(s.carried_share) * 100.0
    );
    let _ = writeln!(
        out,
        "links: {} identical, {} minor, {} rewrite, {} paraphrase, {} partial; {} moved",
        s.identical, s.minor, s.rewrite, s.paraphrase, s.partial, s.moved
    );
    let _ = writeln!(
        out,
        "added: {}, deleted: {}, boilerplate: {} base / {} other",
        s.added, s.deleted, s.boilerplate_base, s.boilerplate_other
    );
    out.push('\n');
}

fn block(out: &mut String, base: &Version, other: &Version, cmp: &Comparison, row: &PairRow) {
    let valid = |v: &Version, idx: &[usize]| -> Vec<usize> {
        idx.iter()
            .copied()
            .filter(|&i| i < v.sentences.len())
            .collect()
    };
    let (bi, oi) = (valid(base, &row.base), valid(other, &row.other));
    match (row.kind, row.link.and_then(|l| cmp.links.get(l))) {
        (RowKind::Link { kind, moved }, Some(link)) => {
            let mut tag = format!("{} {}", kind_symbol(kind), kind.name());
            if moved {
                let from = oi.first().map_or(0, |j| j + 1);
                let _ = write!(tag, ", moved (from #{from})");
            }
            let _ = writeln!(out, "{tag}  {} -> {}", numbers(&bi), numbers(&oi));
            // Identical links (at most spacing or quote style differs) are shown once, plain.
            if link.diff.edits.is_empty() || kind == LinkKind::Identical {
                let _ = writeln!(out, "  {}", base.joined(&bi));
            } else {
                let _ = writeln!(out, "  {}", inline(link));
                for note in notes(link) {
                    let _ = writeln!(out, "  {note}");
                }
            }
        }
        (RowKind::Added, _) => {
            let _ = writeln!(out, "+ added  -> {}", numbers(&oi));
            let _ = writeln!(out, "  {}", other.joined(&oi));
        }
        _ => {
            // Deleted, or a link row whose link is missing: show the base side.
            let _ = writeln!(out, "- deleted  {}", numbers(&bi));
            let _ = writeln!(out, "  {}", base.joined(&bi));
        }
    }
}

/// Pieces of `side` starting at `*i` that belong to edit `e`, concatenated; advances `*i`.
fn take_edit(side: &[Piece], i: &mut usize, e: usize) -> String {
    let mut s = String::new();
    while let Some(p) = side.get(*i).filter(|p| p.edit == Some(e)) {
        s.push_str(&p.text);
        *i += 1;
    }
    s
}

/// The link's word diff as one line: shared text as is, removed text in `[-...-]`,
/// inserted text in `{+...+}`.
pub(crate) fn inline(link: &Link) -> String {
    let (b, o) = (&link.diff.base, &link.diff.other);
    let (mut i, mut j) = (0, 0);
    let mut out = String::new();
    let emit = |out: &mut String, del: String, ins: String| {
        if !del.is_empty() {
            let _ = write!(out, "[-{del}-]");
        }
        if !ins.is_empty() {
            let _ = write!(out, "{{+{ins}+}}");
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
                out.push_str(bt);
                i += 1;
                j += 1;
            }
            (Some(None), None) => {
                out.push_str(&b[i].text);
                i += 1;
            }
            (None, Some(None)) => {
                out.push_str(&o[j].text);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// Whether an edit is worth a note: a name, a number, a pronoun, or a word changed inside
/// a quotation (quote-style, punctuation, case and spelling edits are not).
fn important(class: EditClass, in_quote: bool) -> bool {
    matches!(
        class,
        EditClass::Name | EditClass::Number | EditClass::Pronoun | EditClass::Quote
    ) || (in_quote && class == EditClass::Word)
}

/// One note per important edit: `(pronoun: His -> Her)`, `(number, in quote: 12 -> 15)`.
pub(super) fn notes(link: &Link) -> Vec<String> {
    link.diff
        .edits
        .iter()
        .filter(|e| important(e.class, e.in_quote))
        .map(|e| {
            let label = if e.in_quote && e.class != EditClass::Quote {
                format!("{}, in quote", e.class.name())
            } else {
                e.class.name().to_string()
            };
            let what = match e.op {
                EditOp::Replace => format!("{} -> {}", e.base, e.other),
                EditOp::Delete => format!("removed {}", e.base),
                EditOp::Insert => format!("added {}", e.other),
            };
            format!("({label}: {what})")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;

    #[test]
    fn text_export_bytes() {
        let (a, rows) = fixture::analysis();
        let mut out = String::new();
        comparison(
            &mut out,
            &a.versions[0],
            &a.versions[1],
            &a.comparisons[0],
            &rows,
        );
        let want = "\
== a.txt (base) vs b.txt ==
similarity: 0.712
carried: 3 of 4 base sentences (75.0%)
links: 2 identical, 0 minor, 1 rewrite, 0 paraphrase, 0 partial; 1 moved
added: 1, deleted: 1, boilerplate: 1 base / 1 other

\u{2026} 1 line of page furniture (boilerplate)
= identical  #2 -> #3
  The ferry left at noon.
* rewrite  #3 -> #4
  [-His-]{+Her+} crew said: \"We saw [-12-]{+15+} whales.\"
  (pronoun: His -> Her)
  (number, in quote: 12 -> 15)
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
    fn only_meaningful_edits_get_notes() {
        assert!(important(EditClass::Pronoun, false));
        assert!(important(EditClass::Number, true));
        assert!(important(EditClass::Word, true));
        assert!(!important(EditClass::Word, false));
        assert!(!important(EditClass::Punctuation, true));
        assert!(!important(EditClass::Spelling, true));
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
        let mut out = String::new();
        comparison(
            &mut out,
            &a.versions[0],
            &a.versions[1],
            &a.comparisons[0],
            &rows,
        );
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
        assert_eq!(
            notes(&link),
            ["(pronoun: removed His)", "(number, in quote: added 15)"]
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
