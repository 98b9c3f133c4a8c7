//! Quotation spans: where the quotations of a text are, from its quotation marks.
//!
//! Curly marks say which way they face; a straight double quote faces by its neighbours
//! (a space or an opening bracket before it opens, a space or punctuation after it closes)
//! and otherwise toggles. Single quotes open only before a letter or digit and close only
//! after a non-space that is not followed by one, so apostrophes (`Russia's`, `don’t`,
//! `students’`) are never quotations.
//!
//! Marks of every language delimit quotations: “…” and "…", „…“ (German: a “ closes
//! what „ opened), «…» and »…« (a guillemet closes what its mirror opened), 「…」 and
//! 『…』, and as single quotations '…', ‘…’ and ‹…› / ›…‹.
//!
//! The text is often a fragment of a story: a closing mark with no opening mark before it
//! means the text starts inside a quotation, and an opening mark with no closing mark means
//! it ends inside one.

use std::ops::Range;

use super::scan::{char_at, char_before};

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

/// Every character that can be a quotation mark (the reference scan of the tests).
#[cfg(test)]
const QUOTE_MARKS: [char; 15] = [
    '"', '“', '”', '„', '«', '»', '‘', '’', '\'', '‹', '›', '「', '」', '『', '』',
];

/// Byte ranges (marks included) of the quotations in `text`, which may be a fragment.
pub(crate) fn quote_spans(text: &str) -> Vec<Range<usize>> {
    // Only quotation marks act; every mark has one of these bytes, and the other
    // characters matter only as the one before or after a mark, so the scan jumps from
    // mark to mark.
    let bytes = text.as_bytes();
    let next_mark = |from: usize| {
        bytes[from..]
            .iter()
            .position(|&x| MARK_BYTE[usize::from(x)])
            .map(|off| from + off)
    };
    let Some(first) = next_mark(0) else {
        return Vec::new();
    };
    let mut scan = QuoteScan::default();
    let mut at = Some(first);
    while let Some(i) = at {
        // ASCII or a lead byte: a character boundary.
        let Some(c) = char_at(text, i) else {
            break;
        };
        let end = i + c.len_utf8();
        scan.step(c, i..end, char_before(text, i), char_at(text, end));
        at = next_mark(end);
    }
    scan.finish(text.len())
}

/// The bytes a quotation mark starts with (`"`, `'`, or the lead byte of « » ‹ › and the
/// other two- and three-byte marks), as a table: the scan looks at every byte.
static MARK_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table[0xC2] = true;
    table[0xE2] = true;
    table[0xE3] = true;
    table
};

/// The state of the quotation scan: the quotations found so far and the open ones.
#[derive(Debug, Default)]
struct QuoteScan {
    spans: Vec<Range<usize>>,
    /// Start of the open double quotation.
    double: Option<usize>,
    /// The mark that opened it.
    double_opener: char,
    /// A double quotation mark has been seen (so a closing one no longer means the text
    /// started inside a quotation).
    seen_double: bool,
    /// Start of the open single quotation.
    single: Option<usize>,
    /// The mark that opened it.
    single_opener: char,
}

impl QuoteScan {
    /// Take the character `c` at `at`, between `prev` and `next`.
    fn step(&mut self, c: char, at: Range<usize>, prev: Option<char>, next: Option<char>) {
        let opener = self.double.map(|_| self.double_opener);
        if let Some(mark) = double_mark(c, opener, prev, next) {
            if mark == Mark::Open && self.double.is_none() {
                self.double_opener = c;
            }
            self.double_mark(mark, at);
        } else if matches!(c, '‹' | '›') {
            // ‹…› (French, Swiss) or ›…‹ (German): a guillemet closes what its mirror opened.
            let closes = self.single.is_some() && self.single_opener != c;
            if closes {
                self.close_single(at.end);
            } else if self.single.is_none() {
                self.single = Some(at.start);
                self.single_opener = c;
            }
        } else if c == '‘' || c == '\'' {
            let opens = is_opening_context(prev) || matches!(prev, Some('"' | '“' | '„'));
            if self.single.is_none() && opens && next.is_some_and(char::is_alphanumeric) {
                self.single = Some(at.start);
                self.single_opener = c;
            } else if c == '\'' && closes_single(prev, next) {
                self.close_single(at.end);
            }
        } else if c == '’' && closes_single(prev, next) {
            self.close_single(at.end);
        }
    }

    /// A double quotation mark at `at`; it also ends any open single quotation.
    fn double_mark(&mut self, mark: Mark, at: Range<usize>) {
        let mark = match mark {
            Mark::Toggle if self.double.is_some() => Mark::Close,
            Mark::Toggle => Mark::Open,
            m => m,
        };
        match (mark, self.double) {
            (Mark::Open, None) => self.double = Some(at.start),
            (Mark::Close, Some(start)) => {
                self.spans.push(start..at.end);
                self.double = None;
            }
            // The text starts inside a quotation that opened earlier.
            (Mark::Close, None) if !self.seen_double => self.spans.push(0..at.end),
            _ => {}
        }
        self.seen_double = true;
        self.single = None;
    }

    /// A closing single quotation mark ending at `end`: it closes the open single
    /// quotation, if any.
    fn close_single(&mut self, end: usize) {
        if let Some(start) = self.single.take() {
            self.spans.push(start..end);
        }
    }

    /// The quotations found; an open double quotation runs to the end of the text
    /// (`len`).
    fn finish(mut self, len: usize) -> Vec<Range<usize>> {
        if let Some(start) = self.double {
            self.spans.push(start..len);
        }
        self.spans
    }
}

/// How the character `c` between `prev` and `next` acts as a double quotation mark, if it
/// is one, while the double quotation opened by `opener` (if any) is open.
fn double_mark(
    c: char,
    opener: Option<char>,
    prev: Option<char>,
    next: Option<char>,
) -> Option<Mark> {
    match c {
        '„' | '「' | '『' => Some(Mark::Open),
        '」' | '』' | '”' => Some(Mark::Close),
        // German „…“: the English opening mark closes.
        '“' if opener == Some('„') => Some(Mark::Close),
        '“' => Some(Mark::Open),
        // «…» and »…«: a guillemet closes what its mirror opened.
        '«' | '»' if opener.is_some_and(|o| o != c && matches!(o, '«' | '»')) => {
            Some(Mark::Close)
        }
        '«' => Some(Mark::Open),
        '»' => {
            // German »Wir: before a letter; French « … » closes after a space.
            let opens = is_opening_context(prev) && next.is_some_and(char::is_alphanumeric);
            Some(if opens && opener.is_none() {
                Mark::Open
            } else {
                Mark::Close
            })
        }
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
    }
}

fn closes_single(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| !p.is_whitespace()) && !next.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `quote_spans` character by character, as it was before the scan jumped between
    /// marks.
    fn quote_spans_reference(text: &str) -> Vec<Range<usize>> {
        if !text.contains(QUOTE_MARKS) {
            return Vec::new();
        }
        let mut scan = QuoteScan::default();
        let mut prev: Option<char> = None;
        for (i, c) in text.char_indices() {
            let end = i + c.len_utf8();
            if QUOTE_MARKS.contains(&c) {
                scan.step(c, i..end, prev, text[end..].chars().next());
            }
            prev = Some(c);
        }
        scan.finish(text.len())
    }

    proptest::proptest! {
        #[test]
        fn quote_spans_match_the_reference(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "a", "B ", " ", "\"", "'", "“", "”", "„", "«", "»", "‘", "’", "—", "é", ",", ".", "(", "x'y",
                "‹", "›", "「", "」", "『", "』", "€", "…",
            ]), 0..30)
        ) {
            let text = v.concat();
            proptest::prop_assert_eq!(quote_spans(&text), quote_spans_reference(&text));
        }
    }

    #[test]
    fn every_mark_starts_with_a_byte_the_scan_stops_at() {
        for mark in QUOTE_MARKS {
            let mut buf = [0u8; 4];
            let first = mark.encode_utf8(&mut buf).as_bytes()[0];
            assert!(MARK_BYTE[usize::from(first)], "{mark}");
        }
        assert!(!MARK_BYTE[usize::from(b'a')] && !MARK_BYTE[0xC3]);
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

    /// The quoted parts of `t`, as text.
    fn quoted(t: &str) -> Vec<&str> {
        quote_spans(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn quotation_marks_of_other_languages() {
        let t = "„Wir bleiben“, sagte Vogt. „Nicht heute“, fügte sie hinzu.";
        assert_eq!(quoted(t), ["„Wir bleiben“", "„Nicht heute“"]);
        let t = "»Wir bleiben«, sagte Vogt, »und zwar lange«.";
        assert_eq!(quoted(t), ["»Wir bleiben«", "»und zwar lange«"]);
        let t = "« Nous restons », a déclaré le maire.";
        assert_eq!(quoted(t), ["« Nous restons »"]);
        let t = "Er nannte es ›vorläufig‹ und ging.";
        assert_eq!(quoted(t), ["›vorläufig‹"]);
        let t = "Il a parlé de ‹ réforme › hier.";
        assert_eq!(quoted(t), ["‹ réforme ›"]);
        let t = "市長は「問題はない」と述べた。";
        assert_eq!(quoted(t), ["「問題はない」"]);
        // A fragment that starts inside a French quotation.
        let t = "pas aujourd'hui », a-t-il dit.";
        assert_eq!(quoted(t), ["pas aujourd'hui »"]);
    }
}
