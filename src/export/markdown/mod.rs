//! The Markdown report (GitHub flavoured), for a ticket or a CMS note: the same parts as
//! the HTML report in the same order (header, findings, quotations, overview, derivation,
//! statistics, then each comparison as a table). Deleted words are `~~struck~~`, inserted
//! ones `**bold**`, a finding's words in its context sentences `_italic_`; every piece of
//! story text and every name is escaped ([`escape`]). Conventions: `docs/usage.md`.
//! Deterministic: the same analysis and date give the same bytes.

mod escape;
mod sections;

use std::fmt::Write;

use crate::engine::{Analysis, PairRow};
use crate::export::report::{self, Compared, ReportMeta};
use crate::render::findings::note;
use crate::render::layout::{Mark, Segment};
use crate::render::symbols::{FINDING_SYMBOL, boilerplate_line, boilerplate_lines, numbers};
use crate::render::symbols::{row_symbol, row_tag};

use escape::push as esc;
use sections::title;

/// The whole analysis as one Markdown document.
pub fn markdown(analysis: &Analysis, meta: &ReportMeta) -> String {
    let compared = report::compared(analysis);
    let mut out = String::new();
    out.push_str("# ");
    esc(&mut out, report::headline(analysis));
    let _ = write!(
        out,
        "\n\nVersions of one story compared sentence by sentence by wirediff {}. Report made {}.\n\n",
        env!("CARGO_PKG_VERSION"),
        report::utc_date(meta.epoch)
    );
    sections::versions(&mut out, analysis);
    sections::findings(&mut out, &compared);
    sections::quotations(&mut out, &compared);
    sections::overview(&mut out, analysis);
    sections::derivation(&mut out, analysis);
    sections::statistics(&mut out, analysis);
    for c in &compared {
        comparison(&mut out, c);
    }
    out
}

/// One comparison: its heading and its rows as a table; furniture folded into one row.
fn comparison(out: &mut String, c: &Compared) {
    let s = &c.cmp.stats;
    let _ = write!(
        out,
        "## {}\n\nsimilarity {:.0}% · carried {}/{} · {} findings\n\n| row | {} (base) | {} |\n|---|---|---|\n",
        title(c),
        f64::from(s.similarity) * 100.0,
        s.carried,
        s.base_sentences,
        c.cmp.findings.len(),
        escape::text(c.base.label()),
        escape::text(c.other.label()),
    );
    let mut furniture = 0;
    for (index, pair) in c.rows.iter().enumerate() {
        if pair.boilerplate {
            furniture += boilerplate_lines(pair);
            continue;
        }
        if furniture > 0 {
            let _ = writeln!(
                out,
                "| {} | | |",
                escape::text(&boilerplate_line(furniture))
            );
            furniture = 0;
        }
        row(out, c, index, pair);
    }
    if furniture > 0 {
        let _ = writeln!(
            out,
            "| {} | | |",
            escape::text(&boilerplate_line(furniture))
        );
    }
    out.push('\n');
}

/// One table row: the row's tag, the base's side, the version's side and its findings.
fn row(out: &mut String, c: &Compared, index: usize, pair: &PairRow) {
    let findings = c.placed.of_row(index);
    let symbol = if findings.is_empty() {
        row_symbol(pair.kind)
    } else {
        FINDING_SYMBOL
    };
    let tag = row_tag(pair.kind, &pair.base, &pair.other);
    let tag = tag.split_once(' ').map_or(tag.as_str(), |(_, rest)| rest);
    out.push_str("| ");
    esc(out, &format!("{symbol} {tag}"));
    if pair.dateline {
        out.push_str(" · dateline");
    }
    let (left, right) = report::segments(c, pair);
    out.push_str(" | ");
    side(out, &left, &pair.base);
    out.push_str(" | ");
    side(out, &right, &pair.other);
    for &finding in findings {
        out.push_str("<br>(");
        esc(out, &note(&c.cmp.findings[finding]));
        out.push(')');
    }
    out.push_str(" |\n");
}

/// One side of a row: sentence numbers, then the text with its marks.
fn side(out: &mut String, segments: &[Segment], sentences: &[usize]) {
    if segments.is_empty() {
        return;
    }
    let _ = write!(out, "{} ", numbers(sentences));
    let mut k = 0;
    while k < segments.len() {
        let mark = segments[k].mark;
        let mut end = k + 1;
        while end < segments.len() && segments[end].mark == mark {
            end += 1;
        }
        let text: String = segments[k..end].iter().map(|s| s.text.as_str()).collect();
        match mark {
            Mark::Deleted(_) => escape::marked(out, &text, "~~"),
            Mark::Inserted(_) => escape::marked(out, &text, "**"),
            Mark::Plain | Mark::Dim => esc(out, &text),
        }
        k = end;
    }
}
