//! One version's side-by-side comparison as a table: a row header (the row's symbol, its
//! kind and sentence numbers, `!` for a row with findings, where a moved row came from),
//! the base's side, the version's side. Deleted words are `<del>`, inserted ones `<ins>`,
//! each with a title naming the edit's class; a row's findings follow under the version's
//! side. Runs of furniture and datelines fold into one `<details>` holding a table of
//! their own. Every row has an anchor (`v3-r9`) the findings link to.

use std::fmt::Write;

use super::escape::push as esc;
use super::parts::{STORY_LANG, comparison_title};
use crate::engine::{PairRow, RowKind};
use crate::export::report::{self, Compared, fold_summary, row_id, runs, version_id};
use crate::render::findings::note;
use crate::render::layout::{Mark, Segment};
use crate::render::symbols::{FINDING_SYMBOL, numbers, row_symbol, row_tag};

/// The section of one comparison: title, a one-line summary, the table.
pub(super) fn comparison(out: &mut String, c: &Compared) {
    let id = version_id(c.cmp.other);
    let s = &c.cmp.stats;
    let _ = write!(
        out,
        "<section class=\"version\" id=\"{id}\" aria-labelledby=\"{id}-h\">\n<h2 id=\"{id}-h\">"
    );
    comparison_title(out, c);
    let _ = writeln!(
        out,
        "</h2>\n<p class=\"meta\">similarity {:.0}% · carried {}/{} · {} findings · \
         <a href=\"#findings\">back to the findings</a></p>",
        f64::from(s.similarity) * 100.0,
        s.carried,
        s.base_sentences,
        c.cmp.findings.len()
    );
    let base_side = side_label(c.base.label(), true);
    let other_side = side_label(c.other.label(), false);
    table_start(out, &base_side, &other_side, true);
    for (first, end, folded) in runs(&c.rows) {
        if folded {
            fold(out, c, first, end, &base_side, &other_side);
        } else {
            row(out, c, first, &base_side, &other_side);
        }
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// The escaped name of a side: `wire (base)`, `spun`.
fn side_label(label: &str, base: bool) -> String {
    let mut out = String::new();
    esc(&mut out, label);
    if base {
        out.push_str(" (base)");
    }
    out
}

/// A table's start: column widths and (for the main table) the column headings.
fn table_start(out: &mut String, base_side: &str, other_side: &str, main: bool) {
    let class = if main { "cmp" } else { "cmp folded" };
    let _ = write!(
        out,
        "<table class=\"{class}\">\n<colgroup><col class=\"g\"><col><col></colgroup>\n"
    );
    if main {
        let _ = writeln!(
            out,
            "<thead><tr><th scope=\"col\">row</th><th scope=\"col\">{base_side}</th>\
             <th scope=\"col\">{other_side}</th></tr></thead>"
        );
    }
    out.push_str("<tbody>\n");
}

/// Rows `first..end`, all furniture or datelines, folded.
fn fold(
    out: &mut String,
    c: &Compared,
    first: usize,
    end: usize,
    base_side: &str,
    other_side: &str,
) {
    let rows = &c.rows[first..end];
    let boilerplate: usize = rows
        .iter()
        .filter(|r| r.boilerplate)
        .map(crate::render::symbols::boilerplate_lines)
        .sum();
    let datelines = rows.iter().filter(|r| !r.boilerplate).count();
    out.push_str("<tr class=\"fold\"><td colspan=\"3\"><details><summary>");
    esc(out, &fold_summary(boilerplate, datelines));
    out.push_str("</summary>\n");
    table_start(out, base_side, other_side, false);
    for index in first..end {
        row(out, c, index, base_side, other_side);
    }
    out.push_str("</tbody>\n</table>\n</details></td></tr>\n");
}

/// One row: header cell, base side, version side (with the row's findings).
fn row(out: &mut String, c: &Compared, index: usize, base_side: &str, other_side: &str) {
    let pair = &c.rows[index];
    let findings = c.placed.of_row(index);
    let mut classes = vec![match pair.kind {
        RowKind::Link { moved: true, .. } => "m",
        RowKind::Link { .. } => "l",
        RowKind::Added => "a",
        RowKind::Deleted => "d",
    }];
    if !findings.is_empty() {
        classes.push("f");
    }
    if pair.dateline {
        classes.push("dl");
    }
    let symbol = if findings.is_empty() {
        row_symbol(pair.kind)
    } else {
        FINDING_SYMBOL
    };
    let _ = write!(
        out,
        "<tr id=\"{}\" class=\"{}\"><th scope=\"row\"><span class=\"sym\" aria-hidden=\"true\">{}</span>",
        row_id(c.cmp.other, index),
        classes.join(" "),
        esc_char(symbol)
    );
    let tag = tag(pair);
    // The kind on the first line, the sentence numbers (kept whole) on the second.
    let (kind, places) = tag.split_once("  ").unwrap_or((tag.as_str(), ""));
    esc(out, kind);
    out.push_str("<br><span class=\"pl\">");
    esc(out, places);
    out.push_str("</span></th>");
    let (left, right) = report::segments(c, pair);
    cell(out, &left, &pair.base, base_side);
    cell_open(out, &right, &pair.other, other_side);
    if !findings.is_empty() {
        out.push_str("<ul class=\"notes\">");
        for &finding in findings {
            out.push_str("<li>");
            esc(out, &note(&c.cmp.findings[finding]));
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</td></tr>\n");
}

/// The symbol as text (`<` is a symbol too).
fn esc_char(symbol: char) -> String {
    super::escape::text(&symbol.to_string())
}

/// The row's kind and sentences: `rewrite #9 -> #10`, `identical, moved (from #4) ...`.
fn tag(pair: &PairRow) -> String {
    let tag = row_tag(pair.kind, &pair.base, &pair.other);
    // The tag starts with the kind's symbol, which the header shows on its own.
    let rest = tag.split_once(' ').map_or(tag.as_str(), |(_, rest)| rest);
    let what = if pair.dateline {
        ", dateline"
    } else if pair.boilerplate {
        ", boilerplate"
    } else {
        ""
    };
    match rest.split_once("  ") {
        Some((kind, places)) => format!("{kind}{what}  {places}"),
        None => format!("{rest}{what}"),
    }
}

/// A complete side cell.
fn cell(out: &mut String, segments: &[Segment], sentences: &[usize], side: &str) {
    cell_open(out, segments, sentences, side);
    out.push_str("</td>");
}

/// A side cell without its closing tag: sentence numbers, then the marked text.
fn cell_open(out: &mut String, segments: &[Segment], sentences: &[usize], side: &str) {
    if segments.is_empty() {
        let _ = write!(out, "<td class=\"empty\" data-side=\"{side}\">");
        return;
    }
    let _ = write!(
        out,
        "<td lang=\"{STORY_LANG}\" data-side=\"{side}\"><span class=\"n\">{}</span>",
        numbers(sentences)
    );
    marked(out, segments);
}

/// Segments as HTML: runs of one mark in one `<del>` or `<ins>`, titled by the class.
fn marked(out: &mut String, segments: &[Segment]) {
    let mut k = 0;
    while k < segments.len() {
        let mark = segments[k].mark;
        let mut end = k + 1;
        while end < segments.len() && segments[end].mark == mark {
            end += 1;
        }
        let (open, close) = match mark {
            Mark::Deleted(class) => (
                format!("<del title=\"deleted ({})\">", class.name()),
                "</del>",
            ),
            Mark::Inserted(class) => (
                format!("<ins title=\"inserted ({})\">", class.name()),
                "</ins>",
            ),
            Mark::Plain | Mark::Dim => (String::new(), ""),
        };
        out.push_str(&open);
        for segment in &segments[k..end] {
            // `row_segments` made control characters visible; HTML escaping is all that is left.
            esc(out, &segment.text);
        }
        out.push_str(close);
        k = end;
    }
}
