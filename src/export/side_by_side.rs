//! The side-by-side export: the base on the left, the other version on the right, each
//! `(width - 3) / 2` cells wide around a three-cell gutter that shows the row's symbol on
//! its first line. Both sides of a row are wrapped by `layout` and padded to the same
//! height, exactly as the viewer shows them. Marks are written as `[-...-]` / `{+...+}`.

use crate::engine::PairRow;
use crate::engine::{Analysis, Comparison, Version};
use crate::render::layout::{self, Line, Mark, Segment};
use crate::render::width::str_width;

use crate::render::symbols::{furniture_line, row_symbol};

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
        comparison(&mut out, base, other, cmp, &rows, width);
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

/// One comparison: a title line, a rule, then the rows.
pub(super) fn comparison(
    out: &mut String,
    base: &Version,
    other: &Version,
    cmp: &Comparison,
    rows: &[PairRow],
    width: usize,
) {
    let col = (width.saturating_sub(3) / 2).max(MIN_COLUMN);
    let title = |s: String| layout::wrap(&[Segment::new(s, Mark::Plain)], col);
    let left = title(format!("{} (base)", base.label()));
    let right = title(other.label().to_string());
    // Only the first line of each title: names are one line; long ones are cut.
    out.push_str(&join(&left[0], " | ", &right[0], col));
    out.push('\n');
    out.push_str(&format!("{}-+-{}\n", "-".repeat(col), "-".repeat(col)));
    let mut furniture = 0;
    for row in rows {
        if row.boilerplate {
            furniture += 1;
            continue;
        }
        if furniture > 0 {
            fold(out, furniture, 2 * col + 3);
            furniture = 0;
        }
        let (l, r) = layout::row_segments(base, other, cmp, row);
        let (l, r) = layout::pair_lines(&bracketed(l), &bracketed(r), col, col);
        for (n, (a, b)) in l.iter().zip(&r).enumerate() {
            let gutter = if n == 0 {
                format!(" {} ", row_symbol(row.kind))
            } else {
                " | ".to_string()
            };
            let line = join(a, &gutter, b, col);
            debug_assert!(str_width(&line) <= 2 * col + 3);
            out.push_str(&line);
            out.push('\n');
        }
    }
    if furniture > 0 {
        fold(out, furniture, 2 * col + 3);
    }
}

/// The folded line for a run of boilerplate rows, wrapped to the full width.
fn fold(out: &mut String, rows: usize, width: usize) {
    for line in layout::wrap(&[Segment::new(furniture_line(rows), Mark::Dim)], width) {
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
            43,
        );
        let want = "\
a.txt (base)         | b.txt
---------------------+---------------------
\u{2026} 1 line of page furniture (boilerplate)
The ferry left at    = The ferry left at
noon.                | noon.
[-His-] crew said:   * {+Her+} crew said:
\"We saw [-12-]       | \"We saw {+15+}
whales.\"             | whales.\"
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
        for line in out.lines().skip(3) {
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
