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
mod keys;
mod lcs;
mod lists;
mod names;
mod negation;
mod numbers;
mod pair;
mod quotes;

use crate::engine::diff::PRONOUNS;
use crate::engine::model::{
    Comparison, Edit, EditClass, Finding, FindingClass, Link, Quotation, QuoteMatch, Version,
};
use crate::engine::parallel;

use crate::engine::text::words;

use pair::Pair;
pub(crate) use quotes::Quotations;

/// The findings, the fate of the base's quotations and the other version's own
/// quotations, for a comparison whose links are diffed and classified.
pub fn find(
    base: &Version,
    other: &Version,
    cmp: &Comparison,
    quotations: Quotations,
) -> (Vec<Finding>, Vec<QuoteMatch>, Vec<Quotation>) {
    // The quotations beside the links, on two cores for a long story.
    let large = base.text.len() + other.text.len() >= parallel::SMALL_TEXT;
    let (mut findings, (quote_findings, quotes, added)) = parallel::join(
        large,
        || link_findings(base, other, cmp, large),
        || quotes::compare(base, other, cmp, quotations),
    );
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

/// The findings of each link of story text on its own: numbers, names, pronouns,
/// negations and attribution verbs.
fn link_findings(base: &Version, other: &Version, cmp: &Comparison, large: bool) -> Vec<Finding> {
    // Measured on first need: most links hold no edit that could be a name.
    let evidence = std::cell::OnceCell::new();
    let evidence = || {
        evidence.get_or_init(|| {
            parallel::join(
                large,
                || names::Evidence::of(base),
                || names::Evidence::of(other),
            )
        })
    };
    let mut findings = Vec::new();
    for (index, link) in cmp.links.iter().enumerate() {
        if link.diff.edits.is_empty() || !story_link(base, other, link) {
            continue;
        }
        let pair = Pair {
            base: base.joined(&link.base),
            other: other.joined(&link.other),
            link,
            index,
        };
        findings.extend(edit_findings(&pair, evidence));
        findings.extend(negation::find(&pair));
        findings.extend(attribution::find(&pair));
    }
    findings
}

/// Whether every sentence of both sides of `link` is story text.
fn story_link(base: &Version, other: &Version, link: &Link) -> bool {
    let body =
        |v: &Version, s: &[usize]| !s.is_empty() && s.iter().all(|&i| v.sentences[i].is_body());
    body(base, &link.base) && body(other, &link.other)
}

/// Number, name and pronoun findings from the edits of one link. A name finding holds
/// the names dropped and added ("Pavel Orrin" -> "Hanna Berg"), not the whole edit.
fn edit_findings<'e>(
    pair: &Pair,
    evidence: impl Fn() -> &'e (names::Evidence, names::Evidence),
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (k, edit) in pair.edits() {
        let found = match edit.class {
            EditClass::Pronoun if pronoun_swap(edit) => {
                Some((FindingClass::Pronoun, edit.base.clone(), edit.other.clone()))
            }
            EditClass::Number | EditClass::Word | EditClass::Name => {
                if numbers::changed(pair, edit) {
                    Some((FindingClass::Number, edit.base.clone(), edit.other.clone()))
                } else {
                    names::changed(pair, k, edit, &evidence)
                        .map(|(gone, new)| (FindingClass::Name, gone, new))
                }
            }
            _ => None,
        };
        if let Some((class, base, other)) = found {
            out.push(pair.finding(class, &base, &other));
        }
    }
    out
}

/// The pronouns an organisation takes in either number.
const ORGANISATION_PRONOUNS: &[&str] = &[
    "it",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
];

/// A pronoun edit that swaps a person: a pronoun on both sides ("His" -> "Her"), or a
/// name for a pronoun ("Lavrov" -> "He"); not a common noun taken up by a pronoun
/// ("plans" -> "they"), which names no one else.
fn pronoun_swap(edit: &Edit) -> bool {
    let is_pronoun = |w: &&str| PRONOUNS.contains(&w.to_lowercase().as_str());
    let (b, o) = (words(&edit.base), words(&edit.other));
    // "The company said they" and "said it": an organisation's number agreement (British
    // and American usage), not another person.
    let agreement = |ws: &[&str]| {
        !ws.is_empty()
            && ws
                .iter()
                .all(|w| ORGANISATION_PRONOUNS.contains(&w.to_lowercase().as_str()))
    };
    if agreement(&b) && agreement(&o) {
        return false;
    }
    let (pb, po) = (b.iter().any(is_pronoun), o.iter().any(is_pronoun));
    let named = |ws: &[&str]| {
        ws.iter()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    (pb && (po || named(&o))) || (po && named(&b))
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

/// The comparison of text `b` with text `a` (the base), for the rules' tests.
#[cfg(test)]
pub(super) fn compare_texts(a: &str, b: &str) -> Comparison {
    use crate::engine::{BaseChoice, Input, Options, analyze};
    let inputs = [
        Input {
            name: "a".into(),
            text: a.into(),
        },
        Input {
            name: "b".into(),
            text: b.into(),
        },
    ];
    let options = Options {
        base: BaseChoice::Index(0),
        ..Options::default()
    };
    analyze(&inputs, options).comparisons.remove(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::EditOp;

    fn edit(base: &str, other: &str) -> Edit {
        Edit {
            op: EditOp::Replace,
            base: base.into(),
            other: other.into(),
            class: EditClass::Pronoun,
            in_quote: false,
        }
    }

    /// The findings of `b` against `a`, as (class, base, other).
    fn findings_of(a: &str, b: &str) -> Vec<(FindingClass, String, String)> {
        compare_texts(a, b)
            .findings
            .iter()
            .map(|f| (f.class, f.base.clone(), f.other.clone()))
            .collect()
    }

    #[test]
    fn name_findings_hold_the_names() {
        let story = "The bridge over the river opened on Monday after two years of work.\n\n\
            The council paid for most of it from its own budget and a loan.\n\n";
        let a = format!("{story}The mayor, Anna Lind, cut the ribbon in the morning.");
        let b = format!("{story}The mayor, Marta Berg, cut the ribbon in the morning.");
        assert_eq!(
            findings_of(&a, &b),
            [(FindingClass::Name, "Anna Lind".into(), "Marta Berg".into())]
        );
        let c = format!("{story}The mayor cut the ribbon in the morning, Anna Lind said.");
        let d = format!("{story}The mayor cut the ribbon in the morning.");
        let found = findings_of(&c, &d);
        assert_eq!(
            found,
            [(FindingClass::Name, "Anna Lind".into(), String::new())]
        );
    }

    #[test]
    fn pronoun_swaps_name_another_person() {
        assert!(pronoun_swap(&edit("His", "Her")));
        assert!(pronoun_swap(&edit("It", "He")));
        assert!(pronoun_swap(&edit("Lavrov", "He")));
        assert!(
            !pronoun_swap(&edit("plans", "they")),
            "a noun taken up by a pronoun"
        );
        assert!(
            !pronoun_swap(&edit("they", "it")),
            "an organisation in either number"
        );
    }
}
