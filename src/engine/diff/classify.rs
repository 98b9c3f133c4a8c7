//! Classification: the class of one word edit (punctuation, case, spelling, pronoun,
//! number, name, quote, word) and the kind of a link (identical, minor, rewrite,
//! paraphrase, partial).
//!
//! Edit classes are tried in priority order:
//! - punctuation: the words are the same;
//! - case: the words differ only in letter case;
//! - spelling: the same words once US/UK variants, dotted initials, hyphenation, spacing,
//!   articles and "United States"/"US"-style abbreviations are normalised;
//! - pronoun: a pronoun swapped for another, or one word for a pronoun;
//! - number: a number gone from or new to the sentence (not one that merely moved; in a
//!   run of more than three words, only a number replaced by another);
//! - name: the same for a capitalised word that does not start a sentence (never in a run
//!   of more than three words);
//! - word: anything else.
//!
//! A word, name, number or pronoun edit inside a quotation becomes `Quote`. An edit is
//! inside a quotation (`in_quote`, whatever its class) when both of its sides are: most of
//! a side's words are quoted, or for an empty side its position is.
//!
//! Quotations are found per side on the joined text of the link, which is often a
//! fragment: a closing quote with no opening quote before it means the text starts inside
//! a quotation, and an opening quote with no closing quote means it ends inside one.

use std::ops::Range;

use crate::engine::model::{Edit, EditClass, EditOp, LinkKind, Piece, WordDiff};
use crate::engine::text::{
    Token, TokenKind, quote_spans, straight_apostrophes, tokenize, word_count,
};

/// Byte ranges of one edit in the base and other texts. A side the edit does not touch
/// has an empty range at the insertion point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditSpan {
    pub base: Range<usize>,
    pub other: Range<usize>,
}

const PRONOUNS: &[&str] = &[
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "you",
    "your",
    "yours",
    "yourself",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
];

const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "dozen",
    "dozens",
    "percent",
    "half",
];

const ARTICLES: &[&str] = &["a", "an", "the"];

/// Set the class and `in_quote` of every edit. `spans[k]` locates `edits[k]` in `base`
/// and `other`.
pub fn classify_edits(base: &str, other: &str, spans: &[EditSpan], edits: &mut [Edit]) {
    if edits.is_empty() {
        return;
    }
    let bq = quote_spans(base);
    let oq = quote_spans(other);
    // The word keys of the whole sentences are needed only for number and name checks.
    let sentence_words = std::cell::OnceCell::new();
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
    let (mut words, mut inside) = (0usize, 0usize);
    for t in tokenize(part).iter().filter(|t| t.is_wordlike()) {
        words += 1;
        let r = span.start + t.start..span.start + t.core_end;
        if overlaps(quotes, &r) {
            inside += 1;
        }
    }
    if words > 0 {
        return 2 * inside > words;
    }
    overlaps(quotes, span)
}

fn overlaps(quotes: &[Range<usize>], span: &Range<usize>) -> bool {
    quotes.iter().any(|q| {
        if span.is_empty() {
            q.start < span.start && span.start < q.end
        } else {
            span.start < q.end && span.end > q.start
        }
    })
}

/// Word and number tokens of `text` (cores).
fn words(text: &str) -> Vec<&str> {
    tokenize(text)
        .into_iter()
        .filter(Token::is_wordlike)
        .map(|t| &text[t.start..t.core_end])
        .collect()
}

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

/// The class of one edit, before the quotation rule.
/// The words of a text in comparison form: lowercase, apostrophes in one style.
fn word_keys(text: &str) -> Vec<String> {
    words(text).into_iter().map(word_key).collect()
}

fn word_key(w: &str) -> String {
    if w.is_ascii() {
        return w.to_ascii_lowercase();
    }
    straight_apostrophes(w).to_lowercase()
}

/// The [`word_keys`] of the whole base and other texts, computed on first use.
type SentenceWords = std::cell::OnceCell<(Vec<String>, Vec<String>)>;

/// `sentence_words`: the [`word_keys`] of the whole base and other texts (filled on first
/// use).
fn edit_class(
    base: &str,
    other: &str,
    span: &EditSpan,
    sentence_words: &SentenceWords,
) -> EditClass {
    let bt = &base[span.base.clone()];
    let ot = &other[span.other.clone()];
    let bw = words(bt);
    let ow = words(ot);
    let same_apostrophes = |a: &str, b: &str| straight_apostrophes(a) == straight_apostrophes(b);
    if bw.len() == ow.len() && bw.iter().zip(&ow).all(|(a, b)| same_apostrophes(a, b)) {
        if joining_hyphens(base, &span.base) != joining_hyphens(other, &span.other) {
            return EditClass::Spelling;
        }
        return EditClass::Punctuation;
    }
    let bl = lower(&bw);
    let ol = lower(&ow);
    if bl == ol {
        return EditClass::Case;
    }
    if !bw.is_empty() && !ow.is_empty() {
        if spelling_key(bt) == spelling_key(ot) {
            return EditClass::Spelling;
        }
        let key = spelling_key_without_articles(bt);
        if !key.is_empty() && key == spelling_key_without_articles(ot) {
            return EditClass::Spelling;
        }
    }
    if is_pronoun_swap(&bw, &ow) {
        return EditClass::Pronoun;
    }
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
    if differs(&bw, &ow, is_number)
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

/// Edits with more words than this on either side are never name or pronoun edits.
const LONG_EDIT: usize = 3;

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

fn is_pronoun(w: &str) -> bool {
    // "US" in capitals is the country.
    w != "US" && PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(w))
}

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
        || (last.chars().filter(|c| c.is_alphabetic()).count() >= 2
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

/// Lowercased letters and digits with US/UK variants, dotted initials, hyphens and
/// spacing normalised away; `%` reads as "percent".
pub fn spelling_key(text: &str) -> String {
    spelling_words(text).concat()
}

/// The normalised words behind [`spelling_key`], with the common country and union names
/// written as their abbreviations ("United States" and "U.S." both read "us").
fn spelling_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, words: &mut Vec<String>| {
        if !word.is_empty() {
            words.push(normalize_word(word));
            word.clear();
        }
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if c == '%' {
            flush(&mut word, &mut words);
            words.push("percent".to_string());
        } else if c.is_whitespace() {
            flush(&mut word, &mut words);
        }
        // Other punctuation (dots of initials, hyphens, apostrophes) is dropped and does
        // not end the word, so "U.S." and "ex-Soviet" normalise like "US" and "exSoviet".
    }
    flush(&mut word, &mut words);
    const PHRASES: &[(&str, &str, &str)] = &[
        ("united", "states", "us"),
        ("united", "kingdom", "uk"),
        ("united", "nations", "un"),
        ("european", "union", "eu"),
    ];
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let pair = words
            .get(i + 1)
            .and_then(|next| PHRASES.iter().find(|(a, b, _)| *a == words[i] && b == next));
        match pair {
            Some((_, _, abbr)) => {
                out.push((*abbr).to_string());
                i += 2;
            }
            None => {
                out.push(std::mem::take(&mut words[i]));
                i += 1;
            }
        }
    }
    out
}

/// [`spelling_words`] without articles, for "the U.S." against "US".
fn spelling_key_without_articles(text: &str) -> String {
    spelling_words(text)
        .into_iter()
        .filter(|w| !ARTICLES.contains(&w.as_str()))
        .collect()
}

fn normalize_word(w: &str) -> String {
    const WHOLE: &[(&str, &str)] = &[
        ("towards", "toward"),
        ("afterwards", "afterward"),
        ("amongst", "among"),
        ("whilst", "while"),
        ("programme", "program"),
        ("programmes", "programs"),
        ("grey", "gray"),
        ("judgement", "judgment"),
        ("ageing", "aging"),
        ("defence", "defense"),
        ("offence", "offense"),
        ("licence", "license"),
        ("pretence", "pretense"),
        ("cheque", "check"),
        ("tyre", "tire"),
        ("pyjamas", "pajamas"),
        ("aluminium", "aluminum"),
        ("kilometre", "kilometer"),
        ("kilometres", "kilometers"),
    ];
    if let Some((_, us)) = WHOLE.iter().find(|(uk, _)| *uk == w) {
        return (*us).to_string();
    }
    const SUFFIX: &[(&str, &str, usize)] = &[
        ("isations", "izations", 2),
        ("isation", "ization", 2),
        ("ising", "izing", 3),
        ("ised", "ized", 3),
        ("ises", "izes", 3),
        ("ise", "ize", 3),
        ("ysing", "yzing", 2),
        ("ysed", "yzed", 2),
        ("yses", "yzes", 2),
        ("yse", "yze", 2),
        ("ouring", "oring", 2),
        ("oured", "ored", 2),
        ("ourite", "orite", 2),
        ("ourable", "orable", 2),
        ("ours", "ors", 3),
        ("our", "or", 3),
        ("tres", "ters", 2),
        ("tre", "ter", 2),
        ("lling", "ling", 3),
        ("lled", "led", 3),
        ("ller", "ler", 3),
        ("ogues", "ogs", 3),
        ("ogue", "og", 3),
    ];
    for (uk, us, min_stem) in SUFFIX {
        if let Some(stem) = w.strip_suffix(uk)
            && stem.chars().count() >= *min_stem
        {
            return format!("{stem}{us}");
        }
    }
    w.to_string()
}

/// Edits that change only spacing or the style of quotation marks and apostrophes.
fn is_trivial(edit: &Edit) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '“' | '”' | '„' | '«' | '»' => '"',
                '‘' | '’' | '`' => '\'',
                c => c,
            })
            .collect()
    };
    norm(&edit.base) == norm(&edit.other)
}

fn is_article_edit(edit: &Edit) -> bool {
    let ok = |s: &str| {
        words(s)
            .iter()
            .all(|w| ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(w)))
    };
    ok(&edit.base) && ok(&edit.other)
}

/// An edit that keeps the words: punctuation, case or spelling.
fn is_minor(edit: &Edit) -> bool {
    matches!(
        edit.class,
        EditClass::Punctuation | EditClass::Case | EditClass::Spelling
    )
}

fn piece_words(pieces: &[Piece], equal_only: bool) -> usize {
    pieces
        .iter()
        .filter(|p| !equal_only || p.edit.is_none())
        .map(|p| word_count(&p.text))
        .sum()
}

/// The kind of a link from its word diff and its alignment score.
pub fn link_kind(diff: &WordDiff, score: f32) -> LinkKind {
    if diff.edits.iter().all(is_trivial) {
        return LinkKind::Identical;
    }
    if diff.edits.iter().all(|e| is_minor(e) || is_article_edit(e)) {
        return LinkKind::Minor;
    }
    let bw = piece_words(&diff.base, false);
    let ow = piece_words(&diff.other, false);
    // Words of case, spelling and punctuation edits are the same words.
    let shared = piece_words(&diff.base, true)
        + diff
            .edits
            .iter()
            .filter(|e| is_minor(e))
            .map(|e| word_count(&e.base).min(word_count(&e.other)))
            .sum::<usize>();
    let longer = bw.max(ow);
    let shorter = bw.min(ow);
    if shorter == 0 {
        return if longer == 0 {
            LinkKind::Minor
        } else {
            LinkKind::Partial
        };
    }
    let share_short = shared as f32 / shorter as f32;
    let longest_run = diff
        .edits
        .iter()
        .filter(|e| e.op != EditOp::Replace)
        .map(|e| word_count(&e.base) + word_count(&e.other))
        .max()
        .unwrap_or(0);
    let long_run = longest_run >= 6 && longest_run as f32 >= 0.3 * longer as f32;
    if share_short >= 0.7 && (longer as f32 >= 1.8 * shorter as f32 || long_run) {
        return LinkKind::Partial;
    }
    // Share of both sides' words that are shared (Dice).
    let dice = 2.0 * shared as f32 / (bw + ow) as f32;
    if dice >= 0.6 || (dice >= 0.5 && score >= 0.75) {
        return LinkKind::Rewrite;
    }
    LinkKind::Paraphrase
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::diff::diff;

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
    fn pronoun_flip_is_a_rewrite() {
        let d = diff("His comments come after", "Her comments come after");
        assert_eq!(d.edits.len(), 1);
        assert_eq!(d.edits[0].op, EditOp::Replace);
        assert_eq!(d.edits[0].class, EditClass::Pronoun);
        assert!(!d.edits[0].in_quote);
        assert_eq!(link_kind(&d, 0.8), LinkKind::Rewrite);
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
    fn curly_vs_straight_quotes_are_identical() {
        let d = diff(
            "He said “it’s over” on Friday.",
            "He said \"it's over\" on Friday.",
        );
        assert!(!d.edits.is_empty());
        assert!(d.edits.iter().all(|e| e.class == EditClass::Punctuation));
        assert_eq!(link_kind(&d, 0.99), LinkKind::Identical);
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
    fn articles_are_minor() {
        let d = diff("He visited the capital.", "He visited capital.");
        assert_eq!(link_kind(&d, 0.9), LinkKind::Minor);
        let d = diff("It was a big day.", "It was the big day.");
        assert_eq!(link_kind(&d, 0.9), LinkKind::Minor);
    }

    #[test]
    fn added_clause_is_partial() {
        let a = "The council approved the new budget on Monday.";
        let b = "The council approved the new budget on Monday, after a long debate in which several members accused the mayor of hiding the true cost of the stadium project.";
        let d = diff(a, b);
        assert_eq!(link_kind(&d, 0.5), LinkKind::Partial);
        assert_eq!(link_kind(&diff(b, a), 0.5), LinkKind::Partial);
    }

    #[test]
    fn title_case_headline_cut_short_is_a_rewrite_not_paraphrase() {
        let d = diff(
            "Ministry Expects Harbour Talks With U.S., NATO in March",
            "Ministry expects harbour talks with US, NATO",
        );
        assert_eq!(link_kind(&d, 0.6), LinkKind::Rewrite, "{:?}", d.edits);
        let d = diff(
            "Ministry Expects Harbour Talks",
            "Ministry expects harbour talks",
        );
        assert_eq!(link_kind(&d, 0.9), LinkKind::Minor);
    }

    #[test]
    fn reworded_is_paraphrase() {
        let d = diff(
            "Officials said the storm destroyed dozens of homes near the coast.",
            "According to local authorities, many coastal houses were flattened by the hurricane.",
        );
        assert_eq!(link_kind(&d, 0.4), LinkKind::Paraphrase);
        let d = diff(
            "The minister resigned after the report was published on Friday.",
            "The minister quit after the inquiry report was released on Friday.",
        );
        assert_eq!(link_kind(&d, 0.7), LinkKind::Rewrite);
    }

    #[test]
    fn no_edits_is_identical() {
        assert_eq!(link_kind(&diff("Same.", "Same."), 1.0), LinkKind::Identical);
        assert_eq!(link_kind(&diff("A  b.", "A b."), 1.0), LinkKind::Identical);
    }

    #[test]
    fn spelling_key_normalises() {
        assert_eq!(spelling_key("U.S."), "us");
        assert_eq!(spelling_key("ex-Soviet"), "exsoviet");
        assert_eq!(spelling_key("travelled"), spelling_key("traveled"));
        assert_ne!(spelling_key("four"), spelling_key("for"));
        assert_ne!(spelling_key("three"), spelling_key("3"));
    }

    #[test]
    fn edit_spans_unused_side_is_point() {
        // Insertions inside a quotation on the other side are in_quote.
        let c = classes("He said “we will go”", "He said “we will surely go”");
        assert_eq!(c, vec![(EditClass::Quote, true)]);
        assert_eq!(TokenKind::Word, tokenize("x")[0].kind);
    }

    #[test]
    fn unicode_and_odd_quotes_never_panic() {
        for (a, b) in [
            ("\"", "“"),
            ("'", "’"),
            ("”", ""),
            ("« Oui » dit-il", "« Non » dit-il"),
            ("é\u{301}\"x", "\"\"\""),
        ] {
            let d = diff(a, b);
            let _ = link_kind(&d, 0.0);
        }
    }
}
