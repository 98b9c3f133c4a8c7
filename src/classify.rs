//! Classification: the class of one word edit (punctuation, case, spelling, pronoun,
//! number, name, quote, word) and the kind of a link (identical, minor, rewrite,
//! paraphrase, partial).
//!
//! Edit classes are tried in priority order: punctuation (the words are the same),
//! case (the words differ only in letter case), spelling (the same words once US/UK
//! variants, dotted initials, hyphenation and spacing are normalised), pronoun, number,
//! name (a capitalised word that does not start a sentence), word. A word, name, number
//! or pronoun edit inside a quotation becomes `Quote`; `in_quote` is set for every edit
//! inside a quotation whatever its class.
//!
//! Quotations are found per side on the joined text of the link, which is often a
//! fragment: a closing quote with no opening quote before it means the text starts inside
//! a quotation, and an opening quote with no closing quote means it ends inside one.

use std::ops::Range;

use crate::model::{Edit, EditClass, EditOp, LinkKind, Piece, WordDiff};
use crate::worddiff::{Token, TokenKind, tokenize, word_count};

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
    for (edit, span) in edits.iter_mut().zip(spans) {
        let in_quote = overlaps(&bq, &span.base) || overlaps(&oq, &span.other);
        let class = edit_class(base, other, span);
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

fn overlaps(quotes: &[Range<usize>], span: &Range<usize>) -> bool {
    quotes.iter().any(|q| {
        if span.is_empty() {
            q.start < span.start && span.start < q.end
        } else {
            span.start < q.end && span.end > q.start
        }
    })
}

/// How a quotation mark may act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Toggle,
}

fn is_opening_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || "([{—–-/".contains(c),
    }
}

fn is_closing_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || ".,;:!?)]}—–".contains(c),
    }
}

/// Byte ranges (marks included) of the quotations in `text`, which may be a fragment.
pub fn quote_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    if !text.contains(['"', '“', '”', '„', '«', '»', '‘', '’', '\'']) {
        return spans;
    }
    let mut double: Option<usize> = None;
    let mut seen_double = false;
    let mut single: Option<usize> = None;
    // Only quotation marks act; every mark has one of these bytes, and the other
    // characters matter only as the one before a mark, so the scan jumps from mark to mark.
    let bytes = text.as_bytes();
    let mut pos = 0;
    while let Some(off) = bytes[pos..]
        .iter()
        .position(|&x| matches!(x, b'"' | b'\'' | 0xC2 | 0xE2))
    {
        // ASCII or a lead byte: a character boundary.
        let i = pos + off;
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let prev = text[..i].chars().next_back();
        let end = i + c.len_utf8();
        pos = end;
        let next = text[end..].chars().next();
        let mark = match c {
            '“' | '„' | '«' => Some(Mark::Open),
            '”' | '»' => Some(Mark::Close),
            '"' => {
                let open = is_opening_context(prev) && next.is_some_and(|n| !n.is_whitespace());
                let close = prev.is_some_and(|p| !p.is_whitespace()) && is_closing_context(next);
                Some(match (open, close) {
                    (true, false) => Mark::Open,
                    (false, true) => Mark::Close,
                    _ => Mark::Toggle,
                })
            }
            _ => None,
        };
        if let Some(mark) = mark {
            let mark = match mark {
                Mark::Toggle if double.is_some() => Mark::Close,
                Mark::Toggle => Mark::Open,
                m => m,
            };
            match (mark, double) {
                (Mark::Open, None) => double = Some(i),
                (Mark::Close, Some(s)) => {
                    spans.push(s..end);
                    double = None;
                }
                // The text starts inside a quotation that opened earlier.
                (Mark::Close, None) if !seen_double => spans.push(0..end),
                _ => {}
            }
            seen_double = true;
            single = None;
        } else if c == '‘' || c == '\'' {
            let opens = is_opening_context(prev) || matches!(prev, Some('"' | '“'));
            if single.is_none() && opens && next.is_some_and(char::is_alphanumeric) {
                single = Some(i);
            } else if let Some(s) = single.filter(|_| c == '\'' && closes_single(prev, next)) {
                spans.push(s..end);
                single = None;
            }
        } else if c == '’'
            && let Some(s) = single.filter(|_| closes_single(prev, next))
        {
            spans.push(s..end);
            single = None;
        }
    }
    if let Some(s) = double {
        spans.push(s..text.len());
    }
    spans
}

fn closes_single(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| !p.is_whitespace()) && !next.is_some_and(char::is_alphanumeric)
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
fn edit_class(base: &str, other: &str, span: &EditSpan) -> EditClass {
    let bt = &base[span.base.clone()];
    let ot = &other[span.other.clone()];
    let bw = words(bt);
    let ow = words(ot);
    let same_apostrophes = |a: &str, b: &str| a.replace('’', "'") == b.replace('’', "'");
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
    if !bw.is_empty() && !ow.is_empty() && spelling_key(bt) == spelling_key(ot) {
        return EditClass::Spelling;
    }
    if bw.len() <= 3 && ow.len() <= 3 && differs(&bw, &ow, is_pronoun) {
        return EditClass::Pronoun;
    }
    if differs(&bw, &ow, is_number) {
        return EditClass::Number;
    }
    let bn = names(base, &span.base);
    let on = names(other, &span.other);
    let has = |ws: &[&str], n: &str| ws.iter().any(|w| w.replace('’', "'") == n);
    if bn.iter().any(|n| !has(&ow, n)) || on.iter().any(|n| !has(&bw, n)) {
        return EditClass::Name;
    }
    EditClass::Word
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
    before.is_empty() || before.ends_with(['.', '!', '?', '…'])
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
                    out.push(core.replace('’', "'"));
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
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if !word.is_empty() {
            out.push_str(&normalize_word(word));
            word.clear();
        }
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if c == '%' {
            flush(&mut word, &mut out);
            out.push_str("percent");
        } else if c.is_whitespace() {
            flush(&mut word, &mut out);
        }
        // Other punctuation (dots of initials, hyphens, apostrophes) is dropped and does
        // not end the word, so "U.S." and "ex-Soviet" normalise like "US" and "exSoviet".
    }
    flush(&mut word, &mut out);
    out
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
    let minor = diff.edits.iter().all(|e| {
        matches!(
            e.class,
            EditClass::Punctuation | EditClass::Case | EditClass::Spelling
        ) || is_article_edit(e)
    });
    if minor {
        return LinkKind::Minor;
    }
    let bw = piece_words(&diff.base, false);
    let ow = piece_words(&diff.other, false);
    let shared = piece_words(&diff.base, true);
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
    use crate::worddiff::diff;

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

    /// `quote_spans` character by character, as it was before the scan jumped between
    /// marks.
    fn quote_spans_reference(text: &str) -> Vec<Range<usize>> {
        let mut spans = Vec::new();
        if !text.contains(['"', '“', '”', '„', '«', '»', '‘', '’', '\'']) {
            return spans;
        }
        let mut double: Option<usize> = None;
        let mut seen_double = false;
        let mut single: Option<usize> = None;
        let mut prev: Option<char> = None;
        for (i, c) in text.char_indices() {
            let end = i + c.len_utf8();
            let next = text[end..].chars().next();
            let mark = match c {
                '“' | '„' | '«' => Some(Mark::Open),
                '”' | '»' => Some(Mark::Close),
                '"' => {
                    let open = is_opening_context(prev) && next.is_some_and(|n| !n.is_whitespace());
                    let close =
                        prev.is_some_and(|p| !p.is_whitespace()) && is_closing_context(next);
                    Some(match (open, close) {
                        (true, false) => Mark::Open,
                        (false, true) => Mark::Close,
                        _ => Mark::Toggle,
                    })
                }
                _ => None,
            };
            if let Some(mark) = mark {
                let mark = match mark {
                    Mark::Toggle if double.is_some() => Mark::Close,
                    Mark::Toggle => Mark::Open,
                    m => m,
                };
                match (mark, double) {
                    (Mark::Open, None) => double = Some(i),
                    (Mark::Close, Some(s)) => {
                        spans.push(s..end);
                        double = None;
                    }
                    // The text starts inside a quotation that opened earlier.
                    (Mark::Close, None) if !seen_double => spans.push(0..end),
                    _ => {}
                }
                seen_double = true;
                single = None;
            } else if c == '‘' || c == '\'' {
                let opens = is_opening_context(prev) || matches!(prev, Some('"' | '“'));
                if single.is_none() && opens && next.is_some_and(char::is_alphanumeric) {
                    single = Some(i);
                } else if let Some(s) = single.filter(|_| c == '\'' && closes_single(prev, next)) {
                    spans.push(s..end);
                    single = None;
                }
            } else if c == '’'
                && let Some(s) = single.filter(|_| closes_single(prev, next))
            {
                spans.push(s..end);
                single = None;
            }
            prev = Some(c);
        }
        if let Some(s) = double {
            spans.push(s..text.len());
        }
        spans
    }

    proptest::proptest! {
        #[test]
        fn quote_spans_match_the_reference(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "a", "B ", " ", "\"", "'", "“", "”", "„", "«", "»", "‘", "’", "—", "é", ",", ".", "(", "x'y",
            ]), 0..30)
        ) {
            let text = v.concat();
            proptest::prop_assert_eq!(quote_spans(&text), quote_spans_reference(&text));
        }
    }

    #[test]
    fn quote_spans_curly_straight_and_fragments() {
        let t = "He said “we will win” today.";
        let s = quote_spans(t);
        assert_eq!(s.len(), 1);
        assert_eq!(&t[s[0].clone()], "“we will win”");
        let t = "She said: \"No deal.\" Then she left.";
        assert_eq!(&t[quote_spans(t)[0].clone()], "\"No deal.\"");
        // Opening mark only: the quotation runs to the end.
        let t = "He said \"we will not stop";
        assert_eq!(quote_spans(t), vec![8..t.len()]);
        // Closing mark only.
        let t = "never again,” she said.";
        assert_eq!(&t[quote_spans(t)[0].clone()], "never again,”");
        // Apostrophes are not quotations.
        assert!(quote_spans("Russia's army and the students’ union don’t stop.").is_empty());
        // Single quotes in a headline.
        let t = "Minister says ‘no plans’ for talks";
        assert_eq!(&t[quote_spans(t)[0].clone()], "‘no plans’");
        let t = "Minister says 'no plans' for talks";
        assert_eq!(&t[quote_spans(t)[0].clone()], "'no plans'");
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
