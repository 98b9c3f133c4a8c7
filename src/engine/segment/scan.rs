//! The byte scanner behind [`segment`](super::segment): it walks one block (paragraph) at a
//! time, stopping only at bytes that may start a line break, a quotation mark or a
//! terminator, and decides at each whether a sentence ends there.
//!
//! At a terminator it absorbs closing quotes and brackets (also a closing quote set off by
//! a space), then decides from the next word and the word before the terminator whether a
//! new sentence starts there. A line that ends without terminal punctuation ends a sentence
//! when the next line does not start in lower case (headlines, lists of links).

use std::sync::Arc;

use super::display::{display_text, is_space};
use super::lines::{find_line_break, trim_span};
use super::words::{is_ambiguous_abbrev, is_month_name, is_starter, is_title};
use crate::engine::model::{Sentence, SentenceKind};

/// At most this many opening quotes and brackets are skipped to find the next word: a
/// longer run is not the start of a sentence but symbols.
const MAX_OPENERS: usize = 4;

/// Longest segment of a dotted abbreviation ("U.S", "e.g", "Ph.D"): longer segments are
/// words, as in "example.com".
const DOTTED_SEGMENT_MAX_CHARS: usize = 3;

/// Most digits of a day of the month ("3. Oktober").
const DAY_MAX_DIGITS: usize = 2;

/// Most digits of a numbered list item ("12. "): longer numbers are years or amounts.
const BULLET_MAX_DIGITS: usize = 2;

/// A hard-wrapped block has at least this many line breaks (three lines)...
const WRAPPED_MIN_BREAKS: usize = 2;

/// ...and at least this share (numerator, denominator) of its lines after the first start
/// in lower case: a headline over a paragraph has one such line at most.
const WRAPPED_LOWER_SHARE: (usize, usize) = (1, 2);

/// Bytes that may start a character the block scanner stops at: line breaks, quotation
/// marks, terminators, and the lead bytes of the non-ASCII ones (“ ” „ … ‼ ⁇ ⁈ ⁉ and the
/// CJK 。 ！ ？ ｡).
static INTERESTING: [bool; 256] = {
    let mut table = [false; 256];
    let set = [b'\n', b'\r', b'"', b'.', b'?', b'!', 0xE2, 0xE3, 0xEF];
    let mut k = 0;
    while k < set.len() {
        table[set[k] as usize] = true;
        k += 1;
    }
    table
};

/// The sentences found so far and the paragraph they belong to.
pub(super) struct Segmenter<'t> {
    /// The text, shared with the display texts that read as written.
    source: &'t Arc<str>,
    out: Vec<Sentence>,
    paragraph: usize,
    paragraph_used: bool,
}

impl<'t> Segmenter<'t> {
    pub(super) fn new(source: &'t Arc<str>) -> Self {
        Segmenter {
            source,
            out: Vec::new(),
            paragraph: 0,
            paragraph_used: false,
        }
    }

    /// The sentences found.
    pub(super) fn finish(self) -> Vec<Sentence> {
        self.out
    }

    /// Emit `text[start..end]` (trimmed) as a sentence of the current paragraph.
    fn emit(&mut self, start: usize, end: usize) {
        if let Some((start, end)) = trim_span(self.source, start, end) {
            self.out.push(Sentence {
                text: display_text(self.source, start, end),
                start,
                end,
                kind: SentenceKind::Body,
                paragraph: self.paragraph,
            });
            self.paragraph_used = true;
        }
    }

    /// Start a new paragraph, unless the current one is still empty.
    pub(super) fn new_paragraph(&mut self) {
        if self.paragraph_used {
            self.paragraph += 1;
            self.paragraph_used = false;
        }
    }

    /// Segment the block `text[block_start..block_end]` (no blank lines inside, trimmed).
    pub(super) fn block(&mut self, block_start: usize, block_end: usize) {
        let block = &self.source[block_start..block_end];
        let bytes = block.as_bytes();
        let mut start = 0;
        let mut i = 0;
        let mut in_quote = false;
        let wrapped = is_hard_wrapped(block);
        while i < block.len() {
            // Fast path: bytes that cannot start a character of interest (continuation
            // bytes included).
            match next_stop(&bytes[i..]) {
                Some(offset) => i += offset,
                None => break,
            }
            let Some(c) = char_at(block, i) else {
                break;
            };
            match c {
                '\n' | '\r' => {
                    if let Some(next) = line_break(block, start, i, wrapped) {
                        self.new_paragraph();
                        self.emit(block_start + start, block_start + i);
                        self.new_paragraph();
                        start = next;
                        i = next;
                        continue;
                    }
                    i += c.len_utf8();
                }
                '“' | '„' | '”' | '"' => {
                    in_quote = quote_state(block, i, c, in_quote);
                    i += c.len_utf8();
                }
                c if is_terminator(c) => {
                    let (next_i, split) = terminator(block, i, &mut in_quote);
                    if let Some((end, next_start)) = split {
                        self.emit(block_start + start, block_start + end);
                        start = next_start;
                    }
                    i = next_i;
                }
                _ => i += c.len_utf8(),
            }
        }
        self.emit(block_start + start, block_start + block.len());
    }
}

/// Position of the first byte of `bytes` that may start a character the scanner stops at.
fn next_stop(bytes: &[u8]) -> Option<usize> {
    bytes
        .iter()
        .position(|&byte| INTERESTING[usize::from(byte)])
}

/// Whether a quotation is open after the quotation mark `mark` at byte `i` of `block`,
/// given whether one was open before it.
fn quote_state(block: &str, i: usize, mark: char, in_quote: bool) -> bool {
    let after = || char_at(block, i + mark.len_utf8());
    match mark {
        '“' | '„' => true,
        '”' => {
            if in_quote {
                false
            } else {
                // Used as an opening mark ("”Naturally we ...").
                let before_space = char_before(block, i).is_none_or(is_space);
                let after_letter = after().is_some_and(char::is_alphanumeric);
                before_space && after_letter
            }
        }
        _ => {
            let before = char_before(block, i);
            let after = after();
            if before.is_none_or(|p| is_space(p) || is_opener(p) || p == '—' || p == '-')
                && after.is_some_and(|a| !is_space(a))
            {
                true
            } else if after.is_none_or(|a| is_space(a) || a.is_ascii_punctuation()) {
                false
            } else {
                !in_quote
            }
        }
    }
}

/// At a line break at `i` inside a block: if the line ends a sentence (no terminal
/// punctuation, and the next line does not start in lower case), return where the next
/// sentence starts.
fn line_break(block: &str, start: usize, i: usize, wrapped: bool) -> Option<usize> {
    let next = skip_spaces(block, i);
    if starts_bullet(block, next) {
        return Some(next);
    }
    if wrapped {
        return None;
    }
    let line = block[start..i].trim_end_matches(is_space);
    let last = line.chars().next_back()?;
    if is_terminator(last) || is_continuation(last) {
        return None;
    }
    if is_closer(last) {
        let inner = line[..line.len() - last.len_utf8()].chars().next_back();
        if inner.is_some_and(|p| p == ',' || is_terminator(p)) {
            return None;
        }
    }
    match classify_next(block, next) {
        Next::Lower | Next::Continuing => None,
        _ => Some(next),
    }
}

/// A run of terminator characters.
struct TerminatorRun {
    /// Byte just after the run.
    end: usize,
    /// Periods in the run.
    dots: usize,
    has_ellipsis: bool,
    /// The last character of the run.
    last: char,
    /// Holds a CJK terminator.
    cjk: bool,
}

/// The run of terminators starting at byte `i` of `block`.
fn terminator_run(block: &str, i: usize) -> TerminatorRun {
    let mut run = TerminatorRun {
        end: i,
        dots: 0,
        has_ellipsis: false,
        last: '.',
        cjk: false,
    };
    while let Some(c) = char_at(block, run.end) {
        if !is_terminator(c) {
            break;
        }
        if c == '.' {
            run.dots += 1;
        }
        if c == '…' {
            run.has_ellipsis = true;
        }
        run.cjk |= is_cjk_terminator(c);
        run.last = c;
        run.end += c.len_utf8();
    }
    run
}

/// Handle the terminator run starting at `i`. Returns where to continue scanning and,
/// if a sentence ends here, (end of this sentence, start of the next).
///
/// Kept out of line: inlined, it made [`Segmenter::block`] large enough that its loop
/// over nearly every byte ([`next_stop`]) was compiled worse (an extra induction
/// variable; measured with callgrind and the segment benchmarks).
#[inline(never)]
fn terminator(block: &str, i: usize, in_quote: &mut bool) -> (usize, Option<(usize, usize)>) {
    let run = terminator_run(block, i);
    // A period (or other mark) glued to a following letter or digit: "3.5", "U.S",
    // "example.com", "Yahoo!Finance".
    if !run.cjk && char_at(block, run.end).is_some_and(char::is_alphanumeric) {
        return (run.end, None);
    }
    // Closing quotes and brackets attached to the terminator.
    let mut end = run.end;
    while let Some(c) = char_at(block, end) {
        if !is_closer(c) {
            break;
        }
        if c == '"' || c == '”' {
            *in_quote = false;
        }
        end += c.len_utf8();
    }
    if (!run.cjk || end > run.end) && char_at(block, end).is_some_and(|c| !is_space(c)) {
        // Something glued after the closers ("end.”Next", "「はい。」と"): no boundary.
        return (end, None);
    }
    let (end, next_start) = spaced_closer(block, end, in_quote);
    if next_start >= block.len() {
        return (next_start, None);
    }
    if ends_here(block, i, &run, &block[end..next_start], next_start) {
        (next_start, Some((end, next_start)))
    } else {
        (next_start, None)
    }
}

/// After a terminator and its closers ending at `end`: skip spaces, and a closing quote
/// set off by a space, which still belongs to this sentence. Returns the new end of the
/// sentence and where the text after it starts.
fn spaced_closer(block: &str, end: usize, in_quote: &mut bool) -> (usize, usize) {
    let next_start = skip_spaces(block, end);
    let Some(c) = char_at(block, next_start) else {
        return (end, next_start);
    };
    let after = char_at(block, next_start + c.len_utf8());
    let after_is_word = after.is_some_and(char::is_alphanumeric);
    let closes = match c {
        '”' | '’' | '»' => *in_quote || !after_is_word,
        '"' => *in_quote && !after_is_word,
        _ => false,
    };
    if !closes {
        return (end, next_start);
    }
    *in_quote = false;
    let end = next_start + c.len_utf8();
    (end, skip_spaces(block, end))
}

/// Whether a sentence ends at the terminator run `run` (starting at byte `i`), given the
/// spaces `gap` after it and the text from `next_start` on.
fn ends_here(block: &str, i: usize, run: &TerminatorRun, gap: &str, next_start: usize) -> bool {
    let next = classify_next(block, next_start);
    if gap.contains(['\n', '\r']) && starts_bullet(block, next_start) {
        true
    } else if run.cjk || is_strong_terminator(run.last) {
        !matches!(next, Next::Lower | Next::Continuing)
    } else if run.has_ellipsis || run.dots >= 2 {
        match next {
            Next::Upper(word) => is_starter(word),
            _ => false,
        }
    } else {
        period_splits(token_before(block, i), &next)
    }
}

/// What the text after a terminator starts with.
enum Next<'a> {
    /// An upper-case letter: the word (letters only).
    Upper(&'a str),
    Digit,
    Lower,
    /// A letter without case (CJK, ...), or a symbol such as `$` or `•`.
    Other,
    /// Punctuation that continues the sentence (`,`, `.`, `)`, `%`, ...).
    Continuing,
}

fn classify_next(block: &str, start: usize) -> Next<'_> {
    let mut i = start;
    let Some(mut c) = char_at(block, i) else {
        return Next::Continuing;
    };
    // Skip opening quotes and brackets.
    let mut openers = 0;
    while is_opener(c) && openers < MAX_OPENERS {
        i += c.len_utf8();
        openers += 1;
        c = match char_at(block, i) {
            Some(c) => c,
            None => return Next::Continuing,
        };
    }
    if c.is_uppercase() {
        let rest = &block[i..];
        let end = rest
            .char_indices()
            .find(|&(_, ch)| !ch.is_alphabetic())
            .map_or(rest.len(), |(j, _)| j);
        Next::Upper(&rest[..end])
    } else if c.is_lowercase() {
        Next::Lower
    } else if c.is_numeric() {
        Next::Digit
    } else if c.is_alphabetic() {
        Next::Other
    } else if continues_sentence(c) || is_closer(c) || is_space(c) {
        Next::Continuing
    } else {
        Next::Other
    }
}

/// The token before byte `end` (up to the previous space), with opening quotes and
/// brackets stripped.
fn token_before(block: &str, end: usize) -> &str {
    let head = &block[..end];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| is_space(c))
        .map_or(0, |(j, c)| j + c.len_utf8());
    head[start..].trim_start_matches(is_opener)
}

/// "U.S", "e.g", "a.m", "Ph.D": letters and inner periods, short segments.
fn is_dotted_abbrev(token: &str) -> bool {
    token.contains('.')
        && token.split('.').all(|segment| {
            let chars = segment.chars().count();
            (1..=DOTTED_SEGMENT_MAX_CHARS).contains(&chars)
                && segment.chars().all(char::is_alphabetic)
        })
}

/// An initial, also after a slash or hyphen ("J", "Photo/J", "Jean-P").
fn is_initial(token: &str) -> bool {
    let mut chars = token.chars().rev();
    matches!(
        (chars.next(), chars.next()),
        (Some(c), None) if c.is_alphabetic()
    ) || matches!(
        (token.chars().next_back(), token.chars().rev().nth(1)),
        (Some(c), Some(p)) if c.is_alphabetic() && matches!(p, '/' | '-')
    )
}

/// Does a sentence end at a single period whose preceding token is `token`?
fn period_splits(token: &str, next: &Next<'_>) -> bool {
    match next {
        Next::Lower | Next::Continuing => false,
        Next::Other => !is_title(token),
        Next::Digit => {
            !(is_title(token) || is_ambiguous_abbrev(token) || token.chars().count() == 1)
        }
        Next::Upper(word) => {
            if token.is_empty() {
                return true;
            }
            if is_title(token) {
                return false;
            }
            if is_initial(token) || is_dotted_abbrev(token) || is_ambiguous_abbrev(token) {
                return is_starter(word);
            }
            if token.len() <= DAY_MAX_DIGITS
                && token.bytes().all(|byte| byte.is_ascii_digit())
                && is_month_name(word)
            {
                return false;
            }
            true
        }
    }
}

/// A list item marker at `start`: "- ", "* ", "• ", "– ", "— ", "· ", "1. ", "2) ".
fn starts_bullet(block: &str, start: usize) -> bool {
    let rest = &block[start..];
    if ["- ", "* ", "• ", "– ", "— ", "· "]
        .iter()
        .any(|marker| rest.starts_with(marker))
    {
        return true;
    }
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (1..=BULLET_MAX_DIGITS).contains(&digits) && {
        let after = &rest[digits..];
        after.starts_with(". ") || after.starts_with(") ")
    }
}

/// A block of at least three lines where most lines after the first start in lower case:
/// prose hard-wrapped at a fixed width, where a line break is just a space.
fn is_hard_wrapped(block: &str) -> bool {
    let mut lines = 0;
    let mut lower = 0;
    let mut rest = block;
    while let Some(p) = find_line_break(rest.as_bytes()) {
        rest = rest[p + 1..].trim_start_matches(is_space);
        if rest.is_empty() {
            break;
        }
        lines += 1;
        if rest.chars().next().is_some_and(char::is_lowercase) {
            lower += 1;
        }
    }
    let (share, of) = WRAPPED_LOWER_SHARE;
    lines >= WRAPPED_MIN_BREAKS && lower * of >= lines * share
}

fn skip_spaces(block: &str, start: usize) -> usize {
    let rest = &block[start..];
    start + (rest.len() - rest.trim_start_matches(is_space).len())
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|rest| rest.chars().next())
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|head| head.chars().next_back())
}

fn is_strong_terminator(c: char) -> bool {
    matches!(c, '?' | '!' | '。' | '！' | '？' | '‼' | '⁇' | '⁈' | '⁉')
}

fn is_cjk_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

fn is_terminator(c: char) -> bool {
    c == '.' || c == '…' || c == '｡' || is_strong_terminator(c)
}

/// Characters that close a quotation or a bracket right after a terminator.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '】'
            | '〉'
            | '》'
            | '〕'
    )
}

/// Characters that open a quotation or a bracket before a word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '«'
            | '‹'
            | '('
            | '['
            | '{'
            | '「'
            | '『'
            | '（'
            | '【'
            | '〈'
            | '《'
            | '¿'
            | '¡'
    )
}

/// Punctuation after a terminator that continues the sentence.
fn continues_sentence(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '.'
            | '…'
            | ')'
            | ']'
            | '}'
            | '%'
            | '”'
            | '’'
            | '»'
            | '-'
            | '–'
            | '—'
            | '?'
            | '!'
            | '/'
            | '&'
    )
}

/// Last characters of a line after which a line break never ends a sentence.
fn is_continuation(c: char) -> bool {
    matches!(c, ',' | ';' | '-' | '(' | '&' | '/' | '[' | '“' | '‘' | '„')
}
