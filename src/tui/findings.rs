//! The findings of every version at once, made once per analysis (not per frame): the
//! Findings screen's list (most important class first, then version, then story order)
//! and, per version, the links that hold findings (the Overview marks their cells).

use crate::engine::{Analysis, Finding};
use crate::render::findings::{place, rank};
use crate::render::width::str_width;

/// One line of the Findings screen: finding `finding` of the comparison of `version`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Index of the version whose comparison with the base holds the finding.
    pub version: usize,
    /// Index into that comparison's `findings`.
    pub finding: usize,
}

/// Every version's findings, listed, and the links holding them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindingsList {
    /// In listed order.
    pub entries: Vec<Entry>,
    /// Per version: the links (ascending, no repeats) that hold a finding.
    linked: Vec<Vec<usize>>,
    /// Versions with at least one finding.
    versions_with: usize,
    /// Widths of the Findings screen's columns: the longest version number and label, class
    /// name and sentence numbers among the entries (made here, not per frame).
    version_width: usize,
    class_width: usize,
    place_width: usize,
}

impl FindingsList {
    /// Lists the findings of every comparison in `analysis`, the most important class first.
    pub fn new(analysis: &Analysis) -> FindingsList {
        let mut entries = Vec::new();
        let mut linked = vec![Vec::new(); analysis.versions.len()];
        for cmp in &analysis.comparisons {
            entries.extend((0..cmp.findings.len()).map(|finding| Entry {
                version: cmp.other,
                finding,
            }));
            if let Some(links) = linked.get_mut(cmp.other) {
                links.extend(cmp.findings.iter().filter_map(|f| f.link));
                links.sort_unstable();
                links.dedup();
            }
        }
        // Comparisons come in version order and findings in story order: a stable sort by
        // class keeps both within a class.
        entries.sort_by_key(|entry| {
            let class = finding(analysis, *entry).map(|f| f.class);
            (class.map_or(usize::MAX, rank), entry.version)
        });
        let versions_with = analysis
            .comparisons
            .iter()
            .filter(|cmp| !cmp.findings.is_empty())
            .count();
        let widest = |width: &dyn Fn(Entry) -> usize| {
            entries.iter().map(|&entry| width(entry)).max().unwrap_or(0)
        };
        let version_width = widest(&|entry| {
            let label = analysis.versions[entry.version].label();
            str_width(&format!("{} {label}", entry.version + 1))
        });
        let of = |entry| finding(analysis, entry);
        let class_width = widest(&|entry| of(entry).map_or(0, |f| f.class.name().len()));
        let place_width = widest(&|entry| of(entry).map_or(0, |f| place(f).len()));
        FindingsList {
            entries,
            linked,
            versions_with,
            version_width,
            class_width,
            place_width,
        }
    }

    /// Cells of the widest version number and label among the entries.
    pub fn version_width(&self) -> usize {
        self.version_width
    }

    /// Cells of the longest class name among the entries.
    pub fn class_width(&self) -> usize {
        self.class_width
    }

    /// Cells of the longest sentence numbers (`#9 -> #10`) among the entries.
    pub fn place_width(&self) -> usize {
        self.place_width
    }

    /// Whether link `link` of the comparison of `version` holds a finding.
    pub fn link_has_findings(&self, version: usize, link: usize) -> bool {
        self.linked
            .get(version)
            .is_some_and(|links| links.binary_search(&link).is_ok())
    }

    /// How many versions have at least one finding.
    pub fn versions_with_findings(&self) -> usize {
        self.versions_with
    }
}

/// The finding an entry names.
pub fn finding(analysis: &Analysis, entry: Entry) -> Option<&Finding> {
    analysis
        .comparison(entry.version)?
        .findings
        .get(entry.finding)
}
