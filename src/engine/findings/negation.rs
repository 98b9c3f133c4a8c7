//! Negation: a "not", "no", "never", "n't" (or "nicht", "kein", "ne … pas", "nunca", ...)
//! gained or lost in a linked pair. Judged on the tokens of the whole pair outside
//! quotations: only when the two sides hold a different number of negations is the edit
//! that carries the difference a finding ("did not want" -> "wanted"); a negation that
//! merely moved ("No one wanted" -> "Nobody wanted") is none, and neither is a whole
//! clause dropped or added with its negation.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::engine::model::{Edit, Finding, FindingClass};
use crate::engine::text::{quote_spans, straight_apostrophes, tokenize, word_tokens};

use super::lists::{ANTONYMS, NEGATIONS, NEGATIVE_PREFIXES};
use super::pair::Pair;

/// A pure insertion or deletion of more words than this is a clause added or dropped, not
/// a negation gained or lost.
const CLAUSE_WORDS: usize = 4;

/// An edit with more words than this on a side is a reworded clause ("cautioned against
/// dragging" -> "warned not to drag"), whose negations say nothing on their own; a flip
/// is a small edit ("did not want" -> "wanted").
const EDIT_WORDS: usize = 5;

/// `w` lower-cased with straight apostrophes; most words are plain lower-case ASCII
/// already, and are not copied.
fn lower_form(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii_lowercase()) {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(straight_apostrophes(w).to_lowercase())
    }
}

/// [`NEGATIONS`] as a set: every word of a linked pair is looked up.
static NEGATION_WORDS: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| NEGATIONS.iter().copied().collect());

/// Characters of the longest word of [`NEGATIONS`] (and of "cannot"): a longer word
/// negates only by an apostrophe ("n't", French "n'").
const LONGEST_NEGATION: usize = 8;

/// Whether the word `w` (followed by `next`) negates.
fn is_negation(w: &str, next: Option<char>) -> bool {
    // Lower-casing never makes fewer characters, and only an apostrophe makes one.
    if w.len() > LONGEST_NEGATION
        && !w.contains(['\'', '’'])
        && w.chars().count() > LONGEST_NEGATION
    {
        return false;
    }
    let lower = lower_form(w);
    if lower.ends_with("n't") || lower == "cannot" {
        return true;
    }
    // French "n'est", "n'a".
    if lower.starts_with("n'") && lower.len() > 2 {
        return true;
    }
    // "non-profit" is a prefix, not a negation.
    if lower == "non" && next == Some('-') {
        return false;
    }
    NEGATION_WORDS.contains(&*lower)
}

/// Negations among the words of `text` outside the byte ranges `quotes`.
fn count(text: &str, quotes: &[Range<usize>]) -> usize {
    word_tokens(text)
        .filter(|t| !quotes.iter().any(|q| q.start <= t.start && t.start < q.end))
        .filter(|t| is_negation(t.core(text), text[t.core_end..].chars().next()))
        .count()
}

/// A restatement, not a flip: one side says with a negator and one or two words what the
/// other says in one or two words of opposite meaning: an antonym ("innocent" -> "not
/// guilty") or the same word with a negative prefix ("unlikely" -> "not likely",
/// "likely" -> "not unlikely"). The same word with a negator added ("innocent" -> "not
/// innocent") is a flip.
fn restated(base: &str, other: &str) -> bool {
    /// The negators among the words of `t`, and its other words in lower case.
    fn split(t: &str) -> (usize, Vec<String>) {
        let tokens = tokenize(t);
        let mut negators = 0;
        let mut rest = Vec::new();
        for tok in tokens.iter().filter(|tok| tok.is_wordlike()) {
            let w = tok.core(t);
            if is_negation(w, t[tok.core_end..].chars().next()) {
                negators += 1;
            } else {
                rest.push(lower_form(w).into_owned());
            }
        }
        (negators, rest)
    }
    let ((bn, bw), (on, ow)) = (split(base), split(other));
    if bn + on != 1 {
        return false;
    }
    let (plain, negated) = if bn == 0 { (bw, ow) } else { (ow, bw) };
    let short = |ws: &[String]| !ws.is_empty() && ws.len() <= 2;
    if !short(&plain) || !short(&negated) || plain == negated {
        return false;
    }
    plain.iter().any(|p| {
        negated
            .iter()
            .any(|n| opposite(p, n) || unprefixed(p, n) || unprefixed(n, p))
    })
}

/// `a` and `b` are listed as antonyms.
fn opposite(a: &str, b: &str) -> bool {
    ANTONYMS
        .iter()
        .any(|&(x, y)| (a == x && b == y) || (a == y && b == x))
}

/// `prefixed` is `word` with a negative prefix ("unlikely" and "likely").
fn unprefixed(prefixed: &str, word: &str) -> bool {
    NEGATIVE_PREFIXES.iter().any(|p| {
        prefixed
            .strip_prefix(p)
            .is_some_and(|rest| rest == word || rest.strip_prefix('-') == Some(word))
    })
}

fn words(text: &str) -> usize {
    word_tokens(text).count()
}

/// The negation findings of one linked pair.
pub(super) fn find(pair: &Pair) -> Vec<Finding> {
    // An edit whose sides hold as many negations as each other is never a finding, so
    // the pair as a whole is counted only when some edit is not so balanced: most
    // rewrites touch no negation, and their edits are a few words where the pair is
    // whole sentences.
    let balanced = |edit: &Edit| count(&edit.base, &[]) == count(&edit.other, &[]);
    if pair.edits().all(|(_, edit)| balanced(edit)) {
        return Vec::new();
    }
    let (bq, oq) = (quote_spans(&pair.base), quote_spans(&pair.other));
    if count(&pair.base, &bq) == count(&pair.other, &oq) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (_, edit) in pair.edits() {
        if balanced(edit) || restated(&edit.base, &edit.other) {
            continue;
        }
        let (b, o) = (words(&edit.base), words(&edit.other));
        if (b == 0 && o > CLAUSE_WORDS)
            || (o == 0 && b > CLAUSE_WORDS)
            || b > EDIT_WORDS
            || o > EDIT_WORDS
        {
            continue;
        }
        out.push(pair.finding(FindingClass::Negation, &edit.base, &edit.other));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_negation_is_longer_than_the_longest() {
        for w in NEGATIONS.iter().chain(&["cannot"]) {
            assert!(w.chars().count() <= LONGEST_NEGATION, "{w}");
        }
        assert!(is_negation("wouldn't", None));
        assert!(is_negation("Shouldn’t", None));
        assert!(!is_negation("notwithstanding", None));
    }

    #[test]
    fn negations_of_several_languages() {
        let n = |t: &str| count(t, &[]);
        assert_eq!(n("Russia did not want conflict"), 1);
        assert_eq!(n("Russia didn’t want conflict"), 1);
        assert_eq!(n("Russia wanted conflict"), 0);
        assert_eq!(n("Die Stadt will keine neue Brücke und nicht jetzt"), 2);
        assert_eq!(n("La ville ne veut pas de pont"), 1);
        assert_eq!(n("Le maire n'a jamais dit cela"), 2);
        assert_eq!(n("El alcalde nunca lo dijo"), 1);
        assert_eq!(n("a non-profit group"), 0);
        // Restated, not flipped.
        assert!(restated("innocent", "not guilty"));
        assert!(restated("not guilty", "innocent"));
        assert!(restated("unlikely", "not likely"));
        assert!(restated("likely", "not unlikely"));
        assert!(restated("nicht schuldig", "unschuldig"));
        assert!(!restated("innocent", "not innocent"));
        assert!(
            !restated("interested", "not keen"),
            "a prefix-like start is no prefix"
        );
        assert!(!restated("wanted", "did not want"));
        assert!(!restated("", "not"));
        // Inside a quotation the quotation comparison judges.
        let t = "He said \"we will not stop\" today";
        assert_eq!(count(t, &quote_spans(t)), 0);
    }
}
