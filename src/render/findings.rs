//! Findings as every screen and export words and places them: "old -> new" (or "removed
//! X", "added X"), the note `class: old -> new`, the order they are listed in (most
//! important class first, then story order), and which row of a two-version view holds
//! each one.

use crate::engine::{Comparison, Finding, FindingClass, PairRow};
use crate::render::symbols::numbers;

/// What changed, in a few words: `old -> new`, `removed old` or `added new`.
pub fn change(finding: &Finding) -> String {
    match (finding.base.is_empty(), finding.other.is_empty()) {
        (false, false) => format!("{} -> {}", finding.base, finding.other),
        (false, true) => format!("removed {}", finding.base),
        (true, false) => format!("added {}", finding.other),
        (true, true) => "changed".to_string(),
    }
}

/// The finding as one note: `quote: firmly -> strongly`.
pub fn note(finding: &Finding) -> String {
    format!("{}: {}", finding.class.name(), change(finding))
}

/// Where the finding is: `#9 -> #10` (base sentences, then the other version's; `-` for
/// a side that has none).
pub fn place(finding: &Finding) -> String {
    let side = |sentences: &[usize]| {
        if sentences.is_empty() {
            "-".to_string()
        } else {
            numbers(sentences)
        }
    };
    format!(
        "{} -> {}",
        side(&finding.base_sentences),
        side(&finding.other_sentences)
    )
}

/// Rank of a class in [`FindingClass::ALL`] (0 is the most important).
pub fn rank(class: FindingClass) -> usize {
    FindingClass::ALL
        .iter()
        .position(|&c| c == class)
        .unwrap_or(FindingClass::ALL.len())
}

/// Indices of `findings` in the order they are listed: by class, most important first,
/// then as given (story order).
pub fn listed(findings: &[Finding]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&index| rank(findings[index].class));
    order
}

/// Which findings of one comparison each of its rows holds: a finding belongs to the row
/// showing its link, or (a quotation matched outside the links) to the row holding its
/// first base sentence, else its first sentence of the other version.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowFindings {
    /// Finding indices of all rows, row after row, each row's in story order.
    ids: Vec<usize>,
    /// Per row: the end of its findings in `ids` (its start is the previous row's end).
    ends: Vec<usize>,
    /// Per finding: the row holding it (`None`: no row shows its sentences).
    rows: Vec<Option<usize>>,
}

impl RowFindings {
    /// Place the findings of `cmp` in `rows` (its two-version rows).
    pub fn new(cmp: &Comparison, rows: &[PairRow]) -> RowFindings {
        let mut by_link: Vec<(usize, usize)> = Vec::new();
        let mut unlinked: Vec<usize> = Vec::new();
        for (index, finding) in cmp.findings.iter().enumerate() {
            match finding.link {
                Some(link) => by_link.push((link, index)),
                None => unlinked.push(index),
            }
        }
        by_link.sort_unstable();
        let mut placed = RowFindings {
            ids: Vec::new(),
            ends: Vec::with_capacity(rows.len()),
            rows: vec![None; cmp.findings.len()],
        };
        for (row_index, row) in rows.iter().enumerate() {
            let start = placed.ids.len();
            if let Some(link) = row.link {
                let first = by_link.partition_point(|&(l, _)| l < link);
                let linked = by_link[first..].iter().take_while(|&&(l, _)| l == link);
                placed.ids.extend(linked.map(|&(_, index)| index));
            }
            placed.ids.extend(
                unlinked
                    .iter()
                    .copied()
                    .filter(|&index| holds(row, &cmp.findings[index])),
            );
            placed.ids[start..].sort_unstable();
            for &index in &placed.ids[start..] {
                placed.rows[index] = Some(row_index);
            }
            placed.ends.push(placed.ids.len());
        }
        placed
    }

    /// The findings (indices into `Comparison::findings`) of row `row`, in story order.
    pub fn of_row(&self, row: usize) -> &[usize] {
        let Some(&end) = self.ends.get(row) else {
            return &[];
        };
        let start = if row == 0 { 0 } else { self.ends[row - 1] };
        &self.ids[start..end]
    }

    /// The row holding finding `finding`.
    pub fn row_of(&self, finding: usize) -> Option<usize> {
        self.rows.get(finding).copied().flatten()
    }
}

/// Whether `row` shows the sentences of a finding matched outside the links.
fn holds(row: &PairRow, finding: &Finding) -> bool {
    match (
        finding.base_sentences.first(),
        finding.other_sentences.first(),
    ) {
        (Some(base), _) => row.base.contains(base),
        (None, Some(other)) => row.base.is_empty() && row.other.contains(other),
        (None, None) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{LinkKind, RowKind, Stats};

    fn finding(class: FindingClass, base: &str, other: &str, link: Option<usize>) -> Finding {
        Finding {
            class,
            base: base.into(),
            other: other.into(),
            base_sentences: vec![link.unwrap_or(3)],
            other_sentences: vec![link.unwrap_or(3)],
            link,
        }
    }

    fn row(link: Option<usize>, base: Vec<usize>, other: Vec<usize>) -> PairRow {
        PairRow {
            kind: match link {
                Some(_) => RowKind::Link {
                    kind: LinkKind::Rewrite,
                    moved: false,
                },
                None => RowKind::Deleted,
            },
            base,
            other,
            link,
            boilerplate: false,
            dateline: false,
        }
    }

    #[test]
    fn changes_read_old_to_new_and_name_the_missing_side() {
        let f = finding(FindingClass::Quote, "firmly", "strongly", Some(0));
        assert_eq!(note(&f), "quote: firmly -> strongly");
        assert_eq!(place(&f), "#1 -> #1");
        let dropped = finding(FindingClass::Negation, "not", "", Some(0));
        assert_eq!(change(&dropped), "removed not");
        let gained = finding(FindingClass::Negation, "", "never", Some(0));
        assert_eq!(change(&gained), "added never");
    }

    #[test]
    fn listed_by_class_then_story_order() {
        let findings = [
            finding(FindingClass::Pronoun, "His", "Her", Some(0)),
            finding(FindingClass::Number, "3", "4", Some(1)),
            finding(FindingClass::Quote, "a", "b", Some(2)),
            finding(FindingClass::Number, "5", "6", Some(2)),
        ];
        assert_eq!(listed(&findings), [2, 1, 3, 0]);
    }

    #[test]
    fn each_finding_sits_in_the_row_of_its_link_or_its_sentences() {
        let cmp = Comparison {
            base: 0,
            other: 1,
            links: Vec::new(),
            unmatched_base: Vec::new(),
            unmatched_other: Vec::new(),
            stats: Stats::default(),
            findings: vec![
                finding(FindingClass::Number, "3", "4", Some(1)),
                finding(FindingClass::Quote, "a", "b", None),
                finding(FindingClass::Pronoun, "His", "Her", Some(1)),
            ],
            quotes: Vec::new(),
            added_quotes: Vec::new(),
        };
        let rows = [
            row(Some(0), vec![0], vec![0]),
            row(Some(1), vec![1, 2], vec![1]),
            row(None, vec![3], vec![]),
        ];
        let placed = RowFindings::new(&cmp, &rows);
        assert_eq!(placed.of_row(0), &[] as &[usize]);
        assert_eq!(placed.of_row(1), [0, 2]);
        assert_eq!(placed.of_row(2), [1]);
        assert_eq!(placed.of_row(7), &[] as &[usize]);
        assert_eq!(placed.row_of(1), Some(2));
        assert_eq!(placed.row_of(2), Some(1));
    }
}
