//! Quotation spans: where the quotations of a text are, from its quotation marks.
//!
//! Curly marks say which way they face; a straight double quote faces by its neighbours
//! (a space or an opening bracket before it opens, a space or punctuation after it closes)
//! and otherwise toggles. Single quotes open only before a letter or digit and close only
//! after a non-space that is not followed by one, so apostrophes (`Russia's`, `don’t`,
//! `students’`) are never quotations.
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

/// Every character that can be a quotation mark.
const QUOTE_MARKS: [char; 9] = ['"', '“', '”', '„', '«', '»', '‘', '’', '\''];

/// Byte ranges (marks included) of the quotations in `text`, which may be a fragment.
pub(crate) fn quote_spans(text: &str) -> Vec<Range<usize>> {
    if !text.contains(QUOTE_MARKS) {
        return Vec::new();
    }
    let mut scan = QuoteScan::default();
    // Only quotation marks act; every mark has one of these bytes, and the other
    // characters matter only as the one before or after a mark, so the scan jumps from
    // mark to mark.
    let bytes = text.as_bytes();
    let mut pos = 0;
    while let Some(off) = bytes[pos..]
        .iter()
        .position(|&x| matches!(x, b'"' | b'\'' | 0xC2 | 0xE2))
    {
        // ASCII or a lead byte: a character boundary.
        let i = pos + off;
        let Some(c) = char_at(text, i) else {
            break;
        };
        let end = i + c.len_utf8();
        pos = end;
        scan.step(c, i..end, char_before(text, i), char_at(text, end));
    }
    scan.finish(text.len())
}

/// The state of the quotation scan: the quotations found so far and the open ones.
#[derive(Debug, Default)]
struct QuoteScan {
    spans: Vec<Range<usize>>,
    /// Start of the open double quotation.
    double: Option<usize>,
    /// A double quotation mark has been seen (so a closing one no longer means the text
    /// started inside a quotation).
    seen_double: bool,
    /// Start of the open single quotation.
    single: Option<usize>,
}

impl QuoteScan {
    /// Take the character `c` at `at`, between `prev` and `next`.
    fn step(&mut self, c: char, at: Range<usize>, prev: Option<char>, next: Option<char>) {
        if let Some(mark) = double_mark(c, prev, next) {
            self.double_mark(mark, at);
        } else if c == '‘' || c == '\'' {
            let opens = is_opening_context(prev) || matches!(prev, Some('"' | '“'));
            if self.single.is_none() && opens && next.is_some_and(char::is_alphanumeric) {
                self.single = Some(at.start);
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
/// is one.
fn double_mark(c: char, prev: Option<char>, next: Option<char>) -> Option<Mark> {
    match c {
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
        let mut spans = Vec::new();
        if !text.contains(QUOTE_MARKS) {
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
}
