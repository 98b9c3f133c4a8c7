//! What the text and side-by-side exports say before a comparison's rows, in the JSON's
//! words: the two versions, the statistics, the findings counted by class, the findings
//! block (one line per finding, most important class first: class, sentences, old ->
//! new), and what became of the base's quotations when it has any.

use crate::engine::{Comparison, FindingClass, QuoteStatus, Stats, Version};
use crate::render::findings::{self, change, place};

/// The lines before the rows of one comparison (without the blank line after them);
/// `shown` names the rows that follow when they are not all of them.
pub(super) fn lines(
    base: &Version,
    other: &Version,
    cmp: &Comparison,
    shown: Option<&str>,
) -> Vec<String> {
    let mut out = statistics(base, other, &cmp.stats);
    out.push(format!("findings: {}", finding_counts(&cmp.stats)));
    out.extend(findings_block(cmp));
    out.extend(quotations(cmp));
    if let Some(shown) = shown {
        out.push(format!("rows: {shown}"));
    }
    out
}

/// The title and the statistics.
fn statistics(base: &Version, other: &Version, s: &Stats) -> Vec<String> {
    vec![
        format!("== {} (base) vs {} ==", base.label(), other.label()),
        format!("similarity: {:.3}", s.similarity),
        format!(
            "carried: {} of {} base sentences ({:.1}%)",
            s.carried,
            s.base_sentences,
            f64::from(s.carried_share) * 100.0
        ),
        format!(
            "links: {} identical, {} minor, {} rewrite, {} paraphrase, {} partial; {} moved",
            s.identical, s.minor, s.rewrite, s.paraphrase, s.partial, s.moved
        ),
        format!(
            "added: {}, deleted: {}, boilerplate: {} base / {} other",
            s.added, s.deleted, s.boilerplate_base, s.boilerplate_other
        ),
    ]
}

/// `1 quote, 0 negation, ...`: every class, in the order of [`FindingClass::ALL`].
pub(crate) fn finding_counts(s: &Stats) -> String {
    let counts: Vec<String> = FindingClass::ALL
        .iter()
        .zip(s.findings)
        .map(|(class, count)| format!("{count} {}", class.name()))
        .collect();
    counts.join(", ")
}

/// One indented line per finding: class, sentences and change, in columns.
fn findings_block(cmp: &Comparison) -> Vec<String> {
    let order = findings::listed(&cmp.findings);
    let places: Vec<String> = order.iter().map(|&i| place(&cmp.findings[i])).collect();
    let class_width = order
        .iter()
        .map(|&i| cmp.findings[i].class.name().len())
        .max()
        .unwrap_or(0);
    let place_width = places.iter().map(String::len).max().unwrap_or(0);
    order
        .iter()
        .zip(&places)
        .map(|(&i, place)| {
            let finding = &cmp.findings[i];
            format!(
                "  {:<class_width$}  {place:<place_width$}  {}",
                finding.class.name(),
                change(finding)
            )
        })
        .collect()
}

/// `quotes: 3 verbatim, 1 altered, 0 paraphrased, 1 missing; 2 added`: what became of the
/// base's quotations and how many the other version adds (nothing when neither has any).
fn quotations(cmp: &Comparison) -> Option<String> {
    if cmp.quotes.is_empty() && cmp.added_quotes.is_empty() {
        return None;
    }
    let statuses = [
        QuoteStatus::Verbatim,
        QuoteStatus::Altered,
        QuoteStatus::Paraphrased,
        QuoteStatus::Missing,
    ];
    let counts: Vec<String> = statuses
        .iter()
        .map(|&status| {
            let count = cmp.quotes.iter().filter(|q| q.status == status).count();
            format!("{count} {}", status.name())
        })
        .collect();
    Some(format!(
        "quotes: {}; {} added",
        counts.join(", "),
        cmp.added_quotes.len()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Quotation, QuoteMatch};
    use crate::export::fixture;

    fn quotation(text: &str, sentence: usize) -> Quotation {
        Quotation {
            text: text.into(),
            sentences: vec![sentence],
        }
    }

    #[test]
    fn quotations_are_counted_by_status_when_there_are_any() {
        let (mut a, _) = fixture::analysis();
        let cmp = &mut a.comparisons[0];
        assert_eq!(quotations(cmp), None, "no quotation: no line");
        cmp.quotes = vec![
            QuoteMatch {
                base: quotation("We saw 12 whales.", 2),
                status: QuoteStatus::Altered,
                other: Some(quotation("We saw 15 whales.", 3)),
                edits: Vec::new(),
            },
            QuoteMatch {
                base: quotation("Rain fell.", 4),
                status: QuoteStatus::Missing,
                other: None,
                edits: Vec::new(),
            },
        ];
        cmp.added_quotes = vec![quotation("Songs!", 4)];
        assert_eq!(
            quotations(cmp).as_deref(),
            Some("quotes: 0 verbatim, 1 altered, 0 paraphrased, 1 missing; 1 added")
        );
        let lines = lines(&a.versions[0], &a.versions[1], &a.comparisons[0], None);
        assert_eq!(
            lines.last().map(String::as_str),
            quotations(&a.comparisons[0]).as_deref()
        );
    }
}
