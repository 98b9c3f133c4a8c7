//! Classification: the class of one word edit (punctuation, case, spelling, pronoun,
//! number, name, quote, word) and whether it lies inside a quotation.
//!
//! Edit classes are tried in priority order:
//! - punctuation: the words are the same;
//! - case: the words differ only in letter case;
//! - spelling: the same words once US/UK variants, dotted initials, hyphenation, spacing,
//!   articles and "United States"/"US"-style abbreviations are normalised (`spelling`);
//! - pronoun: a pronoun swapped for another, or one word for a pronoun;
//! - number: a number gone from or new to the sentence (not one that merely moved; in a
//!   run of more than [`LONG_EDIT`] words, only a number replaced by another);
//! - name: the same for a capitalised word that does not start a sentence (never in a run
//!   of more than [`LONG_EDIT`] words);
//! - word: anything else.
//!
//! A word, name, number or pronoun edit inside a quotation becomes `Quote`. An edit is
//! inside a quotation (`in_quote`, whatever its class) when both of its sides are: most of
//! a side's words are quoted, or for an empty side its position is. Quotations are found
//! per side on the joined text of the link (`text::quote_spans`, which reads fragments).

use std::cell::OnceCell;
use std::ops::Range;

use crate::engine::model::{Edit, EditClass};
use crate::engine::text::{TokenKind, quote_spans, straight_apostrophes, tokenize, words};

use super::spelling::{spelling_key, spelling_key_without_articles};
use super::word_lists::{NUMBER_WORDS, PRONOUNS};

/// Edits with more words than this on either side are never name or pronoun edits, and
/// are number edits only when a number replaces another: three words still hold a swapped
/// name or number with its neighbours ("said Mayor Lind"), while a longer run is a
/// reworded clause or a title-case headline that merely contains capitalised words or
/// brings a date along.
const LONG_EDIT: usize = 3;

/// The last word of a dateline in capitals ("OSLO -", "NEW YORK —") has at least this many
/// letters, so that a lone capital before a dash ("I -", "A -") is not taken for one.
const DATELINE_MIN_LETTERS: usize = 2;

/// Byte ranges of one edit in the base and other texts. A side the edit does not touch
/// has an empty range at the insertion point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct EditSpan {
    pub(super) base: Range<usize>,
    pub(super) other: Range<usize>,
}

/// Set the class and `in_quote` of every edit. `spans[k]` locates `edits[k]` in `base`
/// and `other`.
pub(super) fn classify_edits(base: &str, other: &str, spans: &[EditSpan], edits: &mut [Edit]) {
    if edits.is_empty() {
        return;
    }
    let bq = quote_spans(base);
    let oq = quote_spans(other);
    // The word keys of the whole sentences are needed only for number and name checks.
    let sentence_words = OnceCell::new();
    for (edit, span) in edits.iter_mut().zip(spans) {
        let in_quote =
            side_in_quote(base, &bq, &span.base) && side_in_quote(other, &oq, &span.other);
        let class = edit_class(base, other, span, &sentence_words);
        edit.in_quote = in_quote;
        edit.class = match class {
            EditClass::Word | EditClass::Name | EditClass::Number | EditClass::Pronoun
                if in_quote =>
            {
                EditClass::Quote
            }
            c => c,
        };
    }
}

/// Whether one side of an edit lies inside a quotation: most of its words do, or, for a
/// side with no words (an insertion point, punctuation), its position does. An edit is
/// inside a quotation when both sides are, so a description replaced by a quotation, or a
/// quotation cut down to reported speech, is not an altered quote.
fn side_in_quote(text: &str, quotes: &[Range<usize>], span: &Range<usize>) -> bool {
    if quotes.is_empty() {
        return false;
    }
    let part = &text[span.clone()];
    let (mut total, mut inside) = (0usize, 0usize);
    for t in tokenize(part).iter().filter(|t| t.is_wordlike()) {
        total += 1;
        let r = span.start + t.start..span.start + t.core_end;
        if overlaps(quotes, &r) {
            inside += 1;
        }
    }
    if total > 0 {
        // Most: more than half.
        return 2 * inside > total;
    }
    overlaps(quotes, span)
}

/// Whether `span` overlaps one of the `quotes` (an empty span: lies strictly inside one).
fn overlaps(quotes: &[Range<usize>], span: &Range<usize>) -> bool {
    quotes.iter().any(|q| {
        if span.is_empty() {
            q.start < span.start && span.start < q.end
        } else {
            span.start < q.end && span.end > q.start
        }
    })
}

/// The words, lowercased.
fn lower(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

/// Hyphens joining two alphanumeric characters inside `range` (looking one character
/// beyond it on each side).
fn joining_hyphens(text: &str, range: &Range<usize>) -> usize {
    let mut n = 0;
    let mut prev: Option<char> = text[..range.start].chars().next_back();
    for (i, c) in text[range.clone()].char_indices() {
        if matches!(c, '-' | '‐' | '‑') {
            let next = text[range.start + i + c.len_utf8()..].chars().next();
            if prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric) {
                n += 1;
            }
        }
        prev = Some(c);
    }
    n
}

/// The words of a text in comparison form: lowercase, apostrophes in one style.
fn word_keys(text: &str) -> Vec<String> {
    words(text).into_iter().map(word_key).collect()
}

/// A word in comparison form: lowercase, apostrophes in one style.
fn word_key(w: &str) -> String {
    if w.is_ascii() {
        return w.to_ascii_lowercase();
    }
    straight_apostrophes(w).to_lowercase()
}

/// The [`word_keys`] of the whole base and other texts, computed on first use.
type SentenceWords = OnceCell<(Vec<String>, Vec<String>)>;

/// The class of one edit, before the quotation rule. `sentence_words`: the [`word_keys`]
/// of the whole base and other texts (filled on first use).
fn edit_class(
    base: &str,
    other: &str,
    span: &EditSpan,
    sentence_words: &SentenceWords,
) -> EditClass {
    let bw = words(&base[span.base.clone()]);
    let ow = words(&other[span.other.clone()]);
    if let Some(class) = same_words_class(base, other, span, &bw, &ow) {
        return class;
    }
    if is_pronoun_swap(&bw, &ow) {
        return EditClass::Pronoun;
    }
    changed_words_class(base, other, span, (&bw, &ow), sentence_words)
}

/// Punctuation, case or spelling, when the words `bw` and `ow` of the two sides are the
/// same words written differently.
fn same_words_class(
    base: &str,
    other: &str,
    span: &EditSpan,
    bw: &[&str],
    ow: &[&str],
) -> Option<EditClass> {
    let same_apostrophes = |a: &str, b: &str| straight_apostrophes(a) == straight_apostrophes(b);
    if bw.len() == ow.len() && bw.iter().zip(ow).all(|(a, b)| same_apostrophes(a, b)) {
        if joining_hyphens(base, &span.base) != joining_hyphens(other, &span.other) {
            return Some(EditClass::Spelling);
        }
        return Some(EditClass::Punctuation);
    }
    if lower(bw) == lower(ow) {
        return Some(EditClass::Case);
    }
    if !bw.is_empty() && !ow.is_empty() {
        let bt = &base[span.base.clone()];
        let ot = &other[span.other.clone()];
        if spelling_key(bt) == spelling_key(ot) {
            return Some(EditClass::Spelling);
        }
        let key = spelling_key_without_articles(bt);
        if !key.is_empty() && key == spelling_key_without_articles(ot) {
            return Some(EditClass::Spelling);
        }
    }
    None
}

/// Number, name or word, for an edit whose sides have different words (`side_words`: those
/// of the base side and of the other side).
fn changed_words_class(
    base: &str,
    other: &str,
    span: &EditSpan,
    side_words: (&[&str], &[&str]),
    sentence_words: &SentenceWords,
) -> EditClass {
    let (bw, ow) = side_words;
    // A number or name counts only when it is really gone or new: one that merely moved
    // within the sentence ("the Ukraine conflict" -> "the conflict in Ukraine") is a
    // word edit.
    let all = || sentence_words.get_or_init(|| (word_keys(base), word_keys(other)));
    let all_b = || all().0.as_slice();
    let all_o = || all().1.as_slice();
    let missing = |w: &str, all: &[String]| !all.contains(&word_key(w));
    let long = bw.len() > LONG_EDIT || ow.len() > LONG_EDIT;
    // In a long run a number counts only when it replaces another: a clause or dateline
    // that brings a number along is a word edit.
    let numbers_both = bw.iter().any(|w| is_number(w)) && ow.iter().any(|w| is_number(w));
    if differs(bw, ow, is_number)
        && (!long || numbers_both)
        && (bw.iter().any(|w| is_number(w) && missing(w, all_o()))
            || ow.iter().any(|w| is_number(w) && missing(w, all_b())))
    {
        return EditClass::Number;
    }
    // A long run (a reworded clause, a title-case headline) is a word edit even when it
    // holds capitalised words: "name" flags a swapped name, not a rewritten phrase.
    if long {
        return EditClass::Word;
    }
    let bn = names(base, &span.base);
    let on = names(other, &span.other);
    if bn.iter().any(|n| missing(n, all_o())) || on.iter().any(|n| missing(n, all_b())) {
        return EditClass::Name;
    }
    EditClass::Word
}

/// A pronoun swapped for another ("His" -> "Her", "It" -> "He"), or one word swapped for
/// a pronoun or back ("Lavrov" -> "He"); not a clause that happens to gain or lose one
/// ("and said" -> ". They stated").
fn is_pronoun_swap(bw: &[&str], ow: &[&str]) -> bool {
    if bw.len() > LONG_EDIT || ow.len() > LONG_EDIT || !differs(bw, ow, is_pronoun) {
        return false;
    }
    let has = |ws: &[&str]| ws.iter().any(|w| is_pronoun(w));
    (has(bw) && has(ow)) || (bw.len() == 1 && ow.len() == 1)
}

/// A pronoun of [`PRONOUNS`], in any case.
fn is_pronoun(w: &str) -> bool {
    // "US" in capitals is the country.
    w != "US" && PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(w))
}

/// A number: a word with a digit, or a number word of [`NUMBER_WORDS`].
fn is_number(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit()) || NUMBER_WORDS.iter().any(|n| n.eq_ignore_ascii_case(w))
}

/// The words matching `pred` differ between the sides (as multisets, ignoring case).
fn differs(a: &[&str], b: &[&str], pred: fn(&str) -> bool) -> bool {
    let pick = |ws: &[&str]| {
        let mut v: Vec<String> = ws
            .iter()
            .filter(|w| pred(w))
            .map(|w| w.to_lowercase())
            .collect();
        v.sort();
        v
    };
    pick(a) != pick(b)
}

/// Whether position `at` of `text` starts a sentence.
fn at_sentence_start(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    let before = before.trim_end_matches(['“', '‘', '(', '[', '«']);
    let before = match before.strip_suffix(['"', '\'']) {
        Some(rest) if rest.is_empty() || rest.ends_with(char::is_whitespace) => rest,
        _ => before,
    };
    let before = before.trim_end();
    before.is_empty() || before.ends_with(['.', '!', '?', '…']) || ends_with_dateline(before)
}

/// Whether `text` ends with a dateline and its dash, after which the story's first word
/// is capitalised: "KESTRA, March 4 (Meridian Press) -", "NEW YORK —", "OSLO (AP) --".
fn ends_with_dateline(text: &str) -> bool {
    let Some(head) = text
        .strip_suffix("--")
        .or_else(|| text.strip_suffix(['—', '–', '-']))
    else {
        return false;
    };
    if !head.ends_with(' ') {
        return false;
    }
    let head = head.trim_end();
    let last = head.rsplit(' ').next().unwrap_or("");
    head.ends_with(')')
        || (last.chars().filter(|c| c.is_alphabetic()).count() >= DATELINE_MIN_LETTERS
            && last.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()))
}

/// Capitalised words of an edit side (`text[range]`) that do not start a sentence, with
/// apostrophes in one style.
fn names(text: &str, range: &Range<usize>) -> Vec<String> {
    let part = &text[range.clone()];
    let mut start = at_sentence_start(text, range.start);
    let mut out = Vec::new();
    for t in tokenize(part) {
        let core = t.core(part);
        match t.kind {
            TokenKind::Punct => {
                if core.ends_with(['.', '!', '?', '…']) {
                    start = true;
                } else if !matches!(core, "\"" | "“" | "‘" | "'" | "(" | "[" | "«") {
                    start = false;
                }
            }
            TokenKind::Word => {
                if !start && core != "I" && core.chars().next().is_some_and(char::is_uppercase) {
                    out.push(straight_apostrophes(core).into_owned());
                }
                start = false;
            }
            TokenKind::Number => start = false,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::diff::{diff, link_kind};
    use crate::engine::model::LinkKind;

    fn classes(a: &str, b: &str) -> Vec<(EditClass, bool)> {
        diff(a, b)
            .edits
            .iter()
            .map(|e| (e.class, e.in_quote))
            .collect()
    }

    fn class(a: &str, b: &str) -> EditClass {
        let c = classes(a, b);
        assert_eq!(c.len(), 1, "{a:?} / {b:?}: {c:?}");
        c[0].0
    }

    #[test]
    fn pronoun_needs_a_swap_not_a_new_clause() {
        assert_eq!(class("Lavrov said so", "He said so"), EditClass::Pronoun);
        assert_eq!(class("It denies", "He denies"), EditClass::Pronoun);
        let c = classes(
            "The minister arrived and said talks would begin",
            "The minister arrived. They stated talks would begin",
        );
        assert!(c.iter().all(|(c, _)| *c != EditClass::Pronoun), "{c:?}");
    }

    #[test]
    fn moved_names_and_numbers_are_words() {
        let c = classes(
            "with concerns mounting over the Ukraine conflict.",
            "with growing concerns over the conflict in Ukraine.",
        );
        assert!(!c.is_empty());
        assert!(c.iter().all(|(c, _)| *c == EditClass::Word), "{c:?}");
        let c = classes("In 2022 prices rose by 5%.", "Prices rose by 5% in 2022.");
        assert!(c.iter().all(|(c, _)| *c != EditClass::Number), "{c:?}");
        // A clause that brings a number along is a word edit; a number swap in one is not.
        assert_eq!(
            class(
                "He spoke on Monday.",
                "He spoke on Monday, Dec. 23, 2021, in a long address."
            ),
            EditClass::Word
        );
        assert_eq!(
            class(
                "leaving 340 cargo ships waiting",
                "leaving 430 freight vessels at sea waiting"
            ),
            EditClass::Number
        );
        // A number that really changed is still a number edit, even beside a move.
        assert_eq!(
            class("Prices rose by 5% in May.", "Prices rose by 6% in May."),
            EditClass::Number
        );
    }

    #[test]
    fn first_word_after_a_dateline_is_not_a_name() {
        assert_eq!(
            class(
                "OSLO (HW) - Dockers walked out",
                "OSLO (HW) - Harbour workers walked out"
            ),
            EditClass::Word
        );
        assert_eq!(
            class(
                "NEW YORK — Dockers walked out",
                "NEW YORK — Porters walked out"
            ),
            EditClass::Word
        );
        // Not a dateline: a dash inside a sentence.
        assert_eq!(
            class(
                "the port - Kestra - is shut",
                "the port - Halvden - is shut"
            ),
            EditClass::Name
        );
    }

    #[test]
    fn long_title_case_run_is_a_word_edit() {
        let c = classes(
            "Ministry Expects Harbour Talks With E.U. in March",
            "Ministry awaits harbour talks with EU and NATO amid strike",
        );
        assert!(!c.is_empty());
        assert!(
            c.iter()
                .all(|(c, _)| *c == EditClass::Word || *c == EditClass::Spelling),
            "{c:?}"
        );
        // A short swapped name still stands out.
        assert_eq!(
            class("said Mayor Lind on Monday", "said Mayor Lund on Monday"),
            EditClass::Name
        );
    }

    #[test]
    fn quote_needs_both_sides_inside() {
        // A description replaced by a sentence ending in an opening quotation mark.
        let c = classes(
            "The labels of the bottles show two mayors.",
            "The brewery issued a lager with text saying “Brew Together.”",
        );
        assert!(c.iter().all(|(c, q)| *c != EditClass::Quote && !q), "{c:?}");
        // Words inserted and deleted inside the quotation are.
        let c = classes("He said: “We will act.”", "He said: “We will act firmly.”");
        assert_eq!(c, vec![(EditClass::Quote, true)]);
        let c = classes("He said: “We will surely act.”", "He said: “We will act.”");
        assert_eq!(c, vec![(EditClass::Quote, true)]);
    }

    #[test]
    fn country_names_and_their_abbreviations() {
        assert_eq!(
            class("to the United States.", "to the US."),
            EditClass::Spelling
        );
        assert_eq!(
            class("appealed to the U.S. and", "appealed to US and"),
            EditClass::Spelling
        );
        assert_eq!(
            class("the European Union said", "the EU said"),
            EditClass::Spelling
        );
        assert_eq!(spelling_key("United States"), spelling_key("U.S."));
        assert_ne!(spelling_key("United Airlines"), spelling_key("UA"));
    }

    #[test]
    fn quote_fragment_with_only_closing_mark() {
        let d = diff(
            "We will toughly ensure our safety by those means that we deem fit,\" Ivanov told a forum.",
            "We will rigorously ensure our safety by whatever means we deem fit,\" Ivanov told a forum.",
        );
        assert_eq!(d.edits.len(), 2, "{:?}", d.edits);
        assert_eq!(d.edits[0].base, "toughly");
        assert_eq!(d.edits[1].base, "those means that");
        assert_eq!(d.edits[1].other, "whatever means");
        for e in &d.edits {
            assert_eq!(e.class, EditClass::Quote);
            assert!(e.in_quote);
        }
        // After the closing mark, text is outside the quotation.
        let d = diff(
            "We act,\" Ivanov told a forum.",
            "We act,\" Petrov told a forum.",
        );
        assert_eq!(d.edits[0].class, EditClass::Name);
        assert!(!d.edits[0].in_quote);
    }

    #[test]
    fn spelling_variants() {
        assert_eq!(class("The U.S. army", "The US army"), EditClass::Spelling);
        assert_eq!(
            class("to organise it", "to organize it"),
            EditClass::Spelling
        );
        assert_eq!(
            class("the colour red", "the color red"),
            EditClass::Spelling
        );
        assert_eq!(class("to analyse it", "to analyze it"), EditClass::Spelling);
        assert_eq!(
            class("moved towards it", "moved toward it"),
            EditClass::Spelling
        );
        assert_eq!(
            class("an ex-Soviet state", "an exSoviet state"),
            EditClass::Spelling
        );
        assert_eq!(
            class("an ex-Soviet state", "an ex Soviet state"),
            EditClass::Spelling
        );
        assert_eq!(class("rose 3%", "rose 3 percent"), EditClass::Spelling);
        assert_eq!(class("in the centre", "in the center"), EditClass::Spelling);
        let d = diff("The U.S. army", "The US army");
        assert_eq!(link_kind(&d, 0.9), LinkKind::Minor);
    }

    #[test]
    fn number_word_is_not_spelling() {
        assert_eq!(
            class("He had three cars", "He had 3 cars"),
            EditClass::Number
        );
        assert_eq!(class("He had 3 cars", "He had 4 cars"), EditClass::Number);
        assert_eq!(class("cost $1.2bn in", "cost $1.5bn in"), EditClass::Number);
        let d = diff("He had 3 cars", "He had 4 cars");
        assert_eq!(link_kind(&d, 0.8), LinkKind::Rewrite);
    }

    #[test]
    fn punctuation_and_case() {
        assert_eq!(
            class("Yes, he said.", "Yes he said."),
            EditClass::Punctuation
        );
        assert_eq!(
            class("He said; then left", "He said: then left"),
            EditClass::Punctuation
        );
        assert_eq!(
            class("the Prime minister", "the prime minister"),
            EditClass::Case
        );
        let d = diff("He left, quickly.", "He left quickly.");
        assert_eq!(link_kind(&d, 0.95), LinkKind::Minor);
    }

    #[test]
    fn names_and_words() {
        assert_eq!(class("met Smith today", "met Jones today"), EditClass::Name);
        assert_eq!(class("He met him", "He saw him"), EditClass::Word);
        // A capital at the start of a sentence is not a name.
        assert_eq!(class("Later he left.", "Then he left."), EditClass::Word);
        assert_eq!(
            class("It rained. Later he left.", "It rained. Then he left."),
            EditClass::Word
        );
        // "US" is not the pronoun "us".
        assert_eq!(
            class("told the US army", "told the UK army"),
            EditClass::Name
        );
        assert_eq!(class("told us that", "told them that"), EditClass::Pronoun);
        // Capitals after a full stop inside the edit, and apostrophe styles, are not names.
        assert_eq!(
            class("it ended. Later he left", "it ended? Then he left"),
            EditClass::Word
        );
        assert_eq!(
            class("on Kyiv's plans", "over Kyiv’s plans"),
            EditClass::Word
        );
    }

    #[test]
    fn quote_class_keeps_minor_classes() {
        let c = classes("He said “we organise it.”", "He said “we organize it.”");
        assert_eq!(c, vec![(EditClass::Spelling, true)]);
        let c = classes("He said “we have 3 ships”", "He said “we have 4 ships”");
        assert_eq!(c, vec![(EditClass::Quote, true)]);
    }

    #[test]
    fn edit_spans_unused_side_is_point() {
        // Insertions inside a quotation on the other side are in_quote.
        let c = classes("He said “we will go”", "He said “we will surely go”");
        assert_eq!(c, vec![(EditClass::Quote, true)]);
        assert_eq!(TokenKind::Word, tokenize("x")[0].kind);
    }
}
