//! The side-by-side export: per comparison the statistics and findings (as the text
//! export has them, wrapped to the width), then the base on the left, the other version
//! on the right, each `(width - 3) / 2` cells wide around a three-cell gutter that shows
//! the row's symbol on its first line (`!` for a row with findings, whose notes follow
//! under the right column). Both sides of a row are wrapped by `layout` and padded to the
//! same height, exactly as the viewer shows them. Marks are written as `[-...-]` /
//! `{+...+}`.

use crate::engine::PairRow;
use crate::engine::{Analysis, Comparison, Version};
use crate::render::findings::{RowFindings, note};
use crate::render::layout::{self, Line, Mark, Segment};
use crate::render::safe::escape;
use crate::render::width::str_width;

use crate::render::symbols::{FINDING_SYMBOL, boilerplate_line, boilerplate_lines, row_symbol};

/// Narrowest column the export lays out, whatever width is asked for.
const MIN_COLUMN: usize = 1;

/// The whole analysis side by side, `width` cells per line; one section per comparison.
pub fn side_by_side(analysis: &Analysis, width: usize) -> String {
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
        comparison(&mut out, base, other, cmp, &rows, None, width);
    }
    out
}

/// Bracket each run of deleted / inserted segments so marks survive as plain text.
fn bracketed(segments: Vec<Segment>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut open: Option<&str> = None;
    for seg in segments {
        let (start, end) = match seg.mark {
            Mark::Deleted(_) => ("[-", "-]"),
            Mark::Inserted(_) => ("{+", "+}"),
            Mark::Plain | Mark::Dim => ("", ""),
        };
        if open != Some(end) {
            if let Some(close) = open.take()
                && let Some(last) = out.last_mut()
            {
                last.text.push_str(close);
            }
            if !start.is_empty() {
                out.push(Segment::new(start, seg.mark));
                open = Some(end);
            }
        }
        out.push(seg);
    }
    if let Some(close) = open
        && let Some(last) = out.last_mut()
    {
        last.text.push_str(close);
    }
    out
}

/// One line: left column, gutter, right column, trailing spaces trimmed.
fn join(left: &Line, gutter: &str, right: &Line, col: usize) -> String {
    let mut s = layout::pad(left, col);
    s.push_str(gutter);
    s.push_str(&layout::pad(right, col));
    s.truncate(s.trim_end().len());
    s
}

/// One comparison: the statistics and findings, a title line, a rule, then the rows;
/// `shown` names the rows when they are not all of the comparison's.
pub(super) fn comparison(
    out: &mut String,
    base: &Version,
    other: &Version,
    cmp: &Comparison,
    rows: &[PairRow],
    shown: Option<&str>,
    width: usize,
) {
    let col = (width.saturating_sub(3) / 2).max(MIN_COLUMN);
    let full = 2 * col + 3;
    for line in super::summary::lines(base, other, cmp, shown) {
        wrapped(out, &escape(&line), full);
    }
    out.push('\n');
    let title = |s: String| layout::wrap(&[Segment::new(s, Mark::Plain)], col);
    let left = title(format!("{} (base)", escape(base.label())));
    let right = title(escape(other.label()).into_owned());
    // Only the first line of each title: names are one line; long ones are cut.
    out.push_str(&join(&left[0], " | ", &right[0], col));
    out.push('\n');
    out.push_str(&format!("{}-+-{}\n", "-".repeat(col), "-".repeat(col)));
    let placed = RowFindings::new(cmp, rows);
    let mut furniture = 0;
    for (index, row) in rows.iter().enumerate() {
        if row.boilerplate {
            furniture += boilerplate_lines(row);
            continue;
        }
        if furniture > 0 {
            wrapped(out, &boilerplate_line(furniture), full);
            furniture = 0;
        }
        let notes: Vec<String> = placed
            .of_row(index)
            .iter()
            .map(|&finding| format!("({})", escape(&note(&cmp.findings[finding]))))
            .collect();
        let symbol = if notes.is_empty() {
            row_symbol(row.kind)
        } else {
            FINDING_SYMBOL
        };
        let (l, r) = layout::row_segments(base, other, cmp, row);
        let (l, r) = layout::pair_lines(&bracketed(l), &bracketed(r), col, col);
        for (n, (a, b)) in l.iter().zip(&r).enumerate() {
            let gutter = if n == 0 {
                format!(" {symbol} ")
            } else {
                " | ".to_string()
            };
            line(out, a, &gutter, b, col);
        }
        for text in notes {
            for b in layout::wrap(&[Segment::new(text, Mark::Plain)], col) {
                line(out, &Line::default(), " | ", &b, col);
            }
        }
    }
    if furniture > 0 {
        wrapped(out, &boilerplate_line(furniture), full);
    }
}

/// One row line: left column, gutter, right column.
fn line(out: &mut String, left: &Line, gutter: &str, right: &Line, col: usize) {
    let line = join(left, gutter, right, col);
    debug_assert!(str_width(&line) <= 2 * col + 3);
    out.push_str(&line);
    out.push('\n');
}

/// A line of text wrapped to `width` cells.
fn wrapped(out: &mut String, text: &str, width: usize) {
    for line in layout::wrap(&[Segment::new(text, Mark::Plain)], width) {
        out.push_str(&line.text());
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::EditClass;
    use crate::export::fixture;

    #[test]
    fn side_by_side_bytes() {
        let (a, rows) = fixture::analysis();
        let mut out = String::new();
        comparison(
            &mut out,
            &a.versions[0],
            &a.versions[1],
            &a.comparisons[0],
            &rows,
            None,
            43,
        );
        let want = "\
== a.txt (base) vs b.txt ==
similarity: 0.712
carried: 3 of 4 base sentences (75.0%)
links: 2 identical, 0 minor, 1 rewrite, 0
paraphrase, 0 partial; 1 moved
added: 1, deleted: 1, boilerplate: 1 base /
1 other
findings: 1 quote, 0 negation, 0 number, 0
name, 1 pronoun, 0 attribution
  quote    #3 -> #4  12 -> 15
  pronoun  #3 -> #4  His -> Her

a.txt (base)         | b.txt
---------------------+---------------------
\u{2026} 1 line of boilerplate
The ferry left at    = The ferry left at
noon.                | noon.
[-His-] crew said:   ! {+Her+} crew said:
\"We saw [-12-]       | \"We saw {+15+}
whales.\"             | whales.\"
                     | (pronoun: His ->
                     | Her)
                     | (quote: 12 -> 15)
                     + A band played 日本
                     | songs 🎉.
Tickets cost more.   -
Rain fell.           m Rain fell.
";
        assert_eq!(out, want);
        for line in out.lines() {
            assert!(str_width(line) <= 43, "{line}");
        }
        // Every row line has its gutter right after 20 cells: CJK and emoji line up.
        use unicode_segmentation::UnicodeSegmentation;
        let rule = out.lines().position(|l| l.contains("-+-")).unwrap();
        for line in out.lines().skip(rule + 2) {
            let mut cells = 0;
            let mut rest = "";
            for (i, g) in line.grapheme_indices(true) {
                if cells == 20 {
                    rest = &line[i..];
                    break;
                }
                cells += str_width(g);
            }
            assert!(rest.starts_with(' '), "{line:?}");
            assert!(rest.chars().nth(2).is_none_or(|c| c == ' '), "{line:?}");
        }
    }

    #[test]
    fn brackets_wrap_runs() {
        let segs = vec![
            Segment::new("a ", Mark::Plain),
            Segment::new("b", Mark::Deleted(EditClass::Word)),
            Segment::new(" c", Mark::Deleted(EditClass::Name)),
            Segment::new(" d", Mark::Plain),
        ];
        let text: String = bracketed(segs).iter().map(|s| s.text.as_str()).collect();
        assert_eq!(text, "a [-b c-] d");
    }

    #[test]
    fn every_width_fits() {
        let (a, rows) = fixture::analysis();
        for width in 7..=130 {
            let mut out = String::new();
            comparison(
                &mut out,
                &a.versions[0],
                &a.versions[1],
                &a.comparisons[0],
                &rows,
                None,
                width,
            );
            for line in out.lines() {
                assert!(str_width(line) <= width, "{width}: {line:?}");
            }
        }
    }

    #[test]
    fn tiny_width_loses_no_text() {
        let (a, rows) = fixture::analysis();
        for width in 0..8 {
            let mut out = String::new();
            comparison(
                &mut out,
                &a.versions[0],
                &a.versions[1],
                &a.comparisons[0],
                &rows,
                None,
                width,
            );
            // Nothing is lost, however narrow: the letters of every sentence that is not
            // folded boilerplate appear, in order, in the output (a glyph too wide for a
            // one-cell column is shown as `?`).
            let shown: Vec<char> = out.chars().filter(|c| !c.is_whitespace()).collect();
            for v in &a.versions {
                for sentence in v.sentences.iter().filter(|s| !s.boilerplate()) {
                    let mut rest = shown.iter();
                    let narrow = |c: &char| !c.is_whitespace() && str_width(&c.to_string()) == 1;
                    for c in sentence.text.chars().filter(narrow) {
                        assert!(
                            rest.any(|&x| x == c),
                            "{width}: {:?} lost in {out:?}",
                            sentence.text
                        );
                    }
                }
            }
        }
    }
}
