//! Findings: the edits of a comparison that may change what the story says (an altered
//! quotation, a negation, a number, a name, a pronoun, an attribution verb), each located
//! in both versions, and what became of every quotation of the base.
//!
//! Only links of story text on both sides give findings (never page furniture or a
//! dateline), and never an edit of punctuation, case or spelling only. Quotations are
//! compared as units (`quotes`), wherever their counterpart sits in the other version, so
//! the word edits that lie inside a quotation on both sides are left to them; every other
//! edit of a link is judged by `numbers`, `names` and the classifier's pronoun swaps,
//! and each link as a whole by `negation` and `attribution`.

mod attribution;
mod lists;
mod names;
mod negation;
mod numbers;
mod quotes;

use crate::engine::diff::spelling_key;
use crate::engine::model::{
    Comparison, Edit, EditClass, Finding, FindingClass, Link, Quotation, QuoteMatch, Version,
};
use crate::engine::text::straight_apostrophes;

/// The findings, the fate of the base's quotations and the other version's own
/// quotations, for a comparison whose links are diffed and classified.
pub fn find(
    base: &Version,
    other: &Version,
    cmp: &Comparison,
) -> (Vec<Finding>, Vec<QuoteMatch>, Vec<Quotation>) {
    let evidence = (names::Evidence::of(base), names::Evidence::of(other));
    let mut findings = Vec::new();
    for (index, link) in cmp.links.iter().enumerate() {
        if !story_link(base, other, link) {
            continue;
        }
        let pair = Pair {
            base: base.joined(&link.base),
            other: other.joined(&link.other),
            link,
            index,
        };
        findings.extend(edit_findings(&pair, &evidence));
        findings.extend(negation::find(&pair));
        findings.extend(attribution::find(&pair));
    }
    let (quote_findings, quotes, added) = quotes::compare(base, other, cmp);
    findings.extend(quote_findings);
    // Base order; a finding without base sentences (added text) by the other's order.
    findings.sort_by_key(|f| {
        (
            f.base_sentences.first().copied().unwrap_or(usize::MAX),
            f.other_sentences.first().copied().unwrap_or(usize::MAX),
        )
    });
    (findings, quotes, added)
}

/// A linked pair of story text: the link and both sides' joined text.
pub(super) struct Pair<'a> {
    pub(super) base: String,
    pub(super) other: String,
    pub(super) link: &'a Link,
    pub(super) index: usize,
}

impl Pair<'_> {
    /// A finding of this link with the two sides' text.
    pub(super) fn finding(&self, class: FindingClass, base: &str, other: &str) -> Finding {
        Finding {
            class,
            base: base.to_string(),
            other: other.to_string(),
            base_sentences: self.link.base.clone(),
            other_sentences: self.link.other.clone(),
            link: Some(self.index),
        }
    }

    /// The edits that may change meaning: not punctuation, case or spelling only, and
    /// not inside a quotation on both sides (the quotation comparison judges those).
    pub(super) fn edits(&self) -> impl Iterator<Item = (usize, &Edit)> {
        self.link.diff.edits.iter().enumerate().filter(|(_, e)| {
            !e.in_quote
                && !matches!(
                    e.class,
                    EditClass::Punctuation | EditClass::Case | EditClass::Spelling
                )
        })
    }
}

/// Whether every sentence of both sides of `link` is story text.
fn story_link(base: &Version, other: &Version, link: &Link) -> bool {
    let body = |v: &Version, s: &[usize]| !s.is_empty() && s.iter().all(|&i| v.sentences[i].is_body());
    body(base, &link.base) && body(other, &link.other)
}

/// Number, name and pronoun findings from the edits of one link.
fn edit_findings(pair: &Pair, evidence: &(names::Evidence, names::Evidence)) -> Vec<Finding> {
    let mut out = Vec::new();
    for (k, edit) in pair.edits() {
        let class = match edit.class {
            EditClass::Pronoun => Some(FindingClass::Pronoun),
            EditClass::Number | EditClass::Word | EditClass::Name => {
                if numbers::changed(pair, edit) {
                    Some(FindingClass::Number)
                } else if names::changed(pair, k, edit, evidence) {
                    Some(FindingClass::Name)
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(class) = class {
            out.push(pair.finding(class, &edit.base, &edit.other));
        }
    }
    out
}

/// A word in comparison form: lowercase, apostrophes straight, a number as its value
/// ("1,000" and "1000", "five" and "5" are one word), spelling variants in one form.
pub(super) fn word_key(w: &str) -> String {
    if let Some(n) = numbers::value(w) {
        return n;
    }
    let lower = straight_apostrophes(w).to_lowercase();
    let key = spelling_key(&lower);
    if key.is_empty() { lower } else { key }
}

/// Findings per class, indexed like [`FindingClass::ALL`].
pub fn counts(findings: &[Finding]) -> [usize; 6] {
    let mut out = [0; 6];
    for f in findings {
        if let Some(k) = FindingClass::ALL.iter().position(|&c| c == f.class) {
            out[k] += 1;
        }
    }
    out
}
