//! What each cell of the overview matrix (collation rows x versions) holds, as the viewer's
//! Overview screen and the HTML and Markdown reports show it: the same kinds and symbols
//! (from [`crate::render::symbols`]) and the same names, so every screen and export agrees.

use crate::engine::{Analysis, Cell, LinkKind, RowKind};
use crate::render::symbols::{self, BOILERPLATE_SYMBOL, FINDING_SYMBOL};

/// What one version holds at one collation row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellMark {
    /// A link of this kind to the row's base sentences.
    Kind(LinkKind),
    /// A link off the shared order.
    Moved,
    /// Sentences of this version with no partner in the base.
    Added,
    /// The base has sentences here that this version lacks (or, in the base's column,
    /// base sentences no version links to).
    Deleted,
    /// Page furniture.
    Boilerplate,
    /// The base's own sentences.
    Base,
    /// Nothing of this version here.
    Empty,
    /// A link holding findings (whatever its kind).
    Finding,
}

impl CellMark {
    /// Every mark, in the order a legend lists them.
    pub const LEGEND: [CellMark; 11] = [
        CellMark::Base,
        CellMark::Kind(LinkKind::Identical),
        CellMark::Kind(LinkKind::Minor),
        CellMark::Kind(LinkKind::Rewrite),
        CellMark::Kind(LinkKind::Paraphrase),
        CellMark::Kind(LinkKind::Partial),
        CellMark::Moved,
        CellMark::Added,
        CellMark::Deleted,
        CellMark::Boilerplate,
        CellMark::Finding,
    ];

    /// One-cell symbol, ASCII so it survives any font; the same as the exports use.
    pub fn symbol(self) -> char {
        match self {
            CellMark::Kind(k) => symbols::kind_symbol(k),
            CellMark::Moved => symbols::row_symbol(RowKind::Link {
                kind: LinkKind::Identical,
                moved: true,
            }),
            CellMark::Added => symbols::row_symbol(RowKind::Added),
            CellMark::Deleted => symbols::row_symbol(RowKind::Deleted),
            CellMark::Boilerplate => BOILERPLATE_SYMBOL,
            CellMark::Base => '#',
            CellMark::Empty => ' ',
            CellMark::Finding => FINDING_SYMBOL,
        }
    }

    /// The mark's name, in the JSON's words.
    pub fn name(self) -> &'static str {
        match self {
            CellMark::Kind(k) => k.name(),
            CellMark::Moved => "moved",
            CellMark::Added => "added",
            CellMark::Deleted => "deleted",
            CellMark::Boilerplate => "boilerplate",
            CellMark::Base => "base",
            CellMark::Empty => "absent",
            CellMark::Finding => "findings",
        }
    }
}

/// What version `v` holds at collation row `r` of `analysis`; `has_findings(v, link)`
/// says whether link `link` of version `v`'s comparison holds a finding.
pub fn cell_mark(
    analysis: &Analysis,
    r: usize,
    v: usize,
    has_findings: impl Fn(usize, usize) -> bool,
) -> CellMark {
    let Some(row) = analysis.rows.get(r) else {
        return CellMark::Empty;
    };
    let boilerplate = |v: usize, idx: &[usize]| {
        !idx.is_empty()
            && idx.iter().all(|&i| {
                analysis.versions[v]
                    .sentences
                    .get(i)
                    .is_some_and(|s| s.boilerplate())
            })
    };
    match row.cells.get(v) {
        Some(Cell::Base(idx)) => {
            if boilerplate(v, idx) {
                CellMark::Boilerplate
            } else {
                CellMark::Base
            }
        }
        Some(Cell::Linked { sentences, link }) => {
            if boilerplate(v, sentences) {
                return CellMark::Boilerplate;
            }
            match analysis.comparison(v).and_then(|c| c.links.get(*link)) {
                Some(_) if has_findings(v, *link) => CellMark::Finding,
                Some(l) if l.moved => CellMark::Moved,
                Some(l) => CellMark::Kind(l.kind),
                None => CellMark::Kind(LinkKind::Partial),
            }
        }
        Some(Cell::Unmatched(idx)) => {
            if boilerplate(v, idx) {
                CellMark::Boilerplate
            } else if v == analysis.base {
                CellMark::Deleted
            } else {
                CellMark::Added
            }
        }
        Some(Cell::Empty) | None => match row.cells.get(analysis.base) {
            Some(Cell::Base(idx)) if v != analysis.base => {
                if boilerplate(analysis.base, idx) {
                    CellMark::Boilerplate
                } else {
                    CellMark::Deleted
                }
            }
            _ => CellMark::Empty,
        },
    }
}

/// Per version, the links of its comparison that hold findings, ascending (empty for the
/// base): what [`cell_mark`]'s `has_findings` asks, answered by binary search.
pub fn links_with_findings(analysis: &Analysis) -> Vec<Vec<usize>> {
    (0..analysis.versions.len())
        .map(|v| {
            let mut links: Vec<usize> = analysis
                .comparison(v)
                .map(|c| c.findings.iter().filter_map(|f| f.link).collect())
                .unwrap_or_default();
            links.sort_unstable();
            links.dedup();
            links
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Input, Options, analyze};

    #[test]
    fn symbols_are_distinct_and_named() {
        let symbols: Vec<char> = CellMark::LEGEND.iter().map(|m| m.symbol()).collect();
        let mut unique = symbols.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), symbols.len());
        assert_eq!(CellMark::Moved.symbol(), 'm');
        assert_eq!(CellMark::Finding.name(), "findings");
    }

    #[test]
    fn the_base_column_is_base_and_a_dropped_sentence_is_deleted() {
        let input = |name: &str, text: &str| Input {
            name: name.into(),
            text: text.into(),
        };
        let analysis = analyze(
            &[
                input("a", "The ferry left at noon. Rain fell all day long."),
                input("b", "The ferry left at noon."),
            ],
            Options::default(),
        );
        let marks: Vec<(CellMark, CellMark)> = (0..analysis.rows.len())
            .map(|r| {
                (
                    cell_mark(&analysis, r, 0, |_, _| false),
                    cell_mark(&analysis, r, 1, |_, _| false),
                )
            })
            .collect();
        assert!(marks.contains(&(CellMark::Base, CellMark::Kind(LinkKind::Identical))));
        assert!(marks.contains(&(CellMark::Base, CellMark::Deleted)));
    }
}
