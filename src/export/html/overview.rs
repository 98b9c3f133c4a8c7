//! The report's middle sections: the overview matrix (one row per collation row, one
//! column per version, each cell the viewer's symbol with its kind as a class and a
//! title, linked to its row in that version's comparison) and its legend, the derivation tree as nested lists, and the per-version
//! statistics as one table (measures down, versions across, so it stays narrow).

use std::fmt::Write;

use super::escape::push as esc;
use crate::engine::{Analysis, Cell, FindingClass};
use crate::export::report::{Compared, MEASURES, row_id, version_id};
use crate::render::overview::{CellMark, cell_mark, links_with_findings};

/// The matrix and its legend; each cell of a compared version links to its row in that
/// version's comparison.
pub(super) fn matrix(out: &mut String, analysis: &Analysis, compared: &[Compared]) {
    out.push_str(
        "<section id=\"overview\" aria-labelledby=\"overview-h\">\n<h2 id=\"overview-h\">Overview</h2>\n\
         <p>One row per passage of the story (collation row), one column per version: what each version \
         has there.</p>\n<ul class=\"legend\">",
    );
    for mark in CellMark::LEGEND {
        let _ = write!(
            out,
            "<li><code>{}</code> {}</li>",
            symbol(mark),
            mark.name()
        );
    }
    out.push_str("</ul>\n<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr><th scope=\"col\">row</th>");
    for (index, version) in analysis.versions.iter().enumerate() {
        let _ = write!(out, "<th scope=\"col\" title=\"");
        esc(out, version.label());
        let base = if index == analysis.base {
            " (base)"
        } else {
            ""
        };
        let _ = write!(out, "{base}\">{}</th>", index + 1);
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let with_findings = links_with_findings(analysis);
    let has = |v: usize, link: usize| with_findings[v].binary_search(&link).is_ok();
    let places: Vec<Option<RowPlaces>> = (0..analysis.versions.len())
        .map(|v| {
            compared
                .iter()
                .find(|c| c.cmp.other == v)
                .map(RowPlaces::new)
        })
        .collect();
    for row in 0..analysis.rows.len() {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", row + 1);
        for (v, places) in places.iter().enumerate() {
            let mark = cell_mark(analysis, row, v, has);
            let class = mark.name();
            let target = places
                .as_ref()
                .filter(|_| !matches!(mark, CellMark::Empty | CellMark::Boilerplate))
                .and_then(|p| p.of(analysis, row, v));
            match (mark, target) {
                (CellMark::Empty, _) => out.push_str("<td class=\"k-absent\"></td>"),
                (_, Some(target)) => {
                    let _ = write!(
                        out,
                        "<td class=\"k-{class}\"><a href=\"#{}\" title=\"{class}, row {}\">{}</a></td>",
                        row_id(v, target),
                        target + 1,
                        symbol(mark)
                    );
                }
                (_, None) => {
                    let _ = write!(
                        out,
                        "<td class=\"k-{class}\" title=\"{class}\">{}</td>",
                        symbol(mark)
                    );
                }
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n</section>\n");
}

/// Which two-version row of one comparison shows each sentence of either side.
struct RowPlaces {
    base: Vec<Option<usize>>,
    other: Vec<Option<usize>>,
}

impl RowPlaces {
    fn new(c: &Compared) -> RowPlaces {
        let mut places = RowPlaces {
            base: vec![None; c.base.sentences.len()],
            other: vec![None; c.other.sentences.len()],
        };
        for (index, row) in c.rows.iter().enumerate() {
            for &i in &row.base {
                if let Some(slot) = places.base.get_mut(i) {
                    slot.get_or_insert(index);
                }
            }
            for &j in &row.other {
                if let Some(slot) = places.other.get_mut(j) {
                    slot.get_or_insert(index);
                }
            }
        }
        places
    }

    /// The row showing what version `v` holds at collation row `r`: its own sentences,
    /// else (a deleted passage) the base's.
    fn of(&self, analysis: &Analysis, r: usize, v: usize) -> Option<usize> {
        let cells = &analysis.rows.get(r)?.cells;
        let first = |idx: &[usize], side: &[Option<usize>]| {
            idx.first().and_then(|&i| side.get(i).copied().flatten())
        };
        match cells.get(v)? {
            Cell::Linked { sentences, .. } | Cell::Unmatched(sentences) => {
                first(sentences, &self.other)
            }
            Cell::Base(_) => None,
            Cell::Empty => match cells.get(analysis.base)? {
                Cell::Base(idx) => first(idx, &self.base),
                _ => None,
            },
        }
    }
}

/// A mark's symbol, escaped (`<` is the symbol of a partial link).
fn symbol(mark: CellMark) -> String {
    super::escape::text(&mark.symbol().to_string())
}

/// The derivation tree: each version under the version it shares most text with.
pub(super) fn derivation(out: &mut String, analysis: &Analysis) {
    let derivation = crate::engine::derive(analysis);
    out.push_str(
        "<section id=\"derivation\" aria-labelledby=\"derivation-h\">\n<h2 id=\"derivation-h\">",
    );
    esc(out, crate::engine::DERIVATION_HEADING);
    out.push_str("</h2>\n<ul class=\"tree\">");
    let mut depth = 0;
    let mut first = true;
    for (version, d) in derivation.walk() {
        if first {
            first = false;
        } else if d > depth {
            out.push_str("<ul>");
        } else {
            out.push_str("</li>");
            for _ in d..depth {
                out.push_str("</ul></li>");
            }
        }
        depth = d;
        let _ = write!(out, "\n<li>{} ", version + 1);
        esc(out, analysis.versions[version].label());
        out.push(' ');
        esc(out, &derivation.note(version));
    }
    if !first {
        out.push_str("</li>");
        for _ in 0..depth {
            out.push_str("</ul></li>");
        }
    }
    out.push_str("</ul>\n</section>\n");
}

/// The statistics of every compared version, findings per class last.
pub(super) fn statistics(out: &mut String, analysis: &Analysis) {
    out.push_str(
        "<section id=\"statistics\" aria-labelledby=\"statistics-h\">\n<h2 id=\"statistics-h\">Statistics</h2>\n\
         <p>Against the base; only story text counts (neither page furniture nor datelines).</p>\n\
         <div class=\"scroll\"><table class=\"stats\">\n<thead><tr><th scope=\"col\">measure</th>",
    );
    let compared: Vec<_> = analysis.comparisons.iter().collect();
    for c in &compared {
        let _ = write!(
            out,
            "<th scope=\"col\"><a href=\"#{}\">{} ",
            version_id(c.other),
            c.other + 1
        );
        esc(out, analysis.versions[c.other].label());
        out.push_str("</a></th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (name, value) in MEASURES {
        let _ = write!(out, "<tr><th scope=\"row\">{name}</th>");
        for c in &compared {
            let _ = write!(out, "<td>{}</td>", value(&c.stats));
        }
        out.push_str("</tr>\n");
    }
    for (k, class) in FindingClass::ALL.iter().enumerate() {
        let _ = write!(out, "<tr><th scope=\"row\">findings: {}</th>", class.name());
        for c in &compared {
            let n = c.stats.findings[k];
            let loud = if n > 0 { " class=\"k-findings\"" } else { "" };
            let _ = write!(out, "<td{loud}>{n}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n</section>\n");
}
