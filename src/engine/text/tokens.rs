//! The tokenizer: a text as words, numbers and punctuation, each token with the
//! whitespace that follows it.
//!
//! Tokens keep their trailing whitespace so that the tokens of a text concatenate back to
//! the exact text (after its leading whitespace). Numbers with separators, currency and
//! suffixes (`3.5%`, `$1.2bn`, `175,000`) and dotted initials (`U.S.`) are single tokens;
//! an apostrophe between letters stays inside its word (`Russia's`, `don’t`); a Han
//! ideograph or kana (scripts written without spaces) is a word of its own; every other
//! non-alphanumeric character (with its combining marks) is a token of its own.
//!
//! The rules are written once over characters (`Tokens::next_generic`) and once over ASCII
//! bytes (`Tokens::next_ascii`), which decides most tokens of English text without
//! decoding; the byte rules give up (and the character rules decide) as soon as a
//! non-ASCII byte could matter.

use std::borrow::Cow;

use super::bytes::{alnum_mask, byte_mask, padded_word_of, run_starts, word_of};
use super::scan::char_at;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    Word,
    Number,
    Punct,
}

/// One token of a text: `text[start..core_end]` is the token, `text[core_end..end]` the
/// whitespace that follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) core_end: usize,
    pub(crate) end: usize,
    pub(crate) kind: TokenKind,
}

impl Token {
    /// The token without its trailing whitespace.
    pub(crate) fn core<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.core_end]
    }

    /// Words and numbers (anything with a letter or digit).
    pub(crate) fn is_wordlike(&self) -> bool {
        self.kind != TokenKind::Punct
    }
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '₹' | '₽')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// `text` with curly apostrophes (’) written straight ('), the one style in which words
/// compare: "Russia’s" and "Russia's" are the same word.
#[inline]
pub(crate) fn straight_apostrophes(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || !text.contains('’') {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.replace('’', "'"))
    }
}

/// Characters that extend the preceding character into one user-perceived character
/// (combining marks, variation selectors, emoji modifiers, tags). An approximation of
/// UAX #29 extenders that needs no tables and is fast without optimisation.
fn is_extend(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{3099}'..='\u{309A}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0020}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// Characters of scripts written without spaces between words (Han ideographs, kana):
/// each one is a token of its own, so that a changed character is a one-token edit
/// rather than a change of the whole clause.
fn is_ideograph(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF66}'..='\u{FF9F}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// Letters and digits of scripts written with spaces between words.
fn is_spaced_alnum(c: char) -> bool {
    c.is_alphanumeric() && !is_ideograph(c)
}

/// Letter-dot pairs that make dotted initials one token: two ("U.S.", "a.m."), so that a
/// single letter before a full stop ("Plan B.") stays a word and a punctuation token.
const MIN_INITIALS: usize = 2;

/// Iterator over the tokens of a text (see [`tokenize`]).
#[derive(Debug, Clone)]
struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

/// Byte classes of the ASCII tokenizer: digits, letters, whitespace.
const DIGIT: u8 = 1;
const ALPHA: u8 = 2;
const WS: u8 = 4;
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_digit() {
            DIGIT
        } else if b.is_ascii_alphabetic() {
            ALPHA
        } else if is_ascii_ws(b) {
            WS
        } else {
            0
        };
        i += 1;
    }
    t
};

/// ASCII whitespace as `char::is_whitespace` sees it.
#[inline]
const fn is_ascii_ws(x: u8) -> bool {
    matches!(x, b' ' | b'\t'..=b'\r')
}

impl<'a> Tokens<'a> {
    fn new(text: &'a str) -> Self {
        let mut t = Tokens { text, pos: 0 };
        t.pos = t.skip_space(0);
        t
    }

    /// The token starting at `start` (< text length) by the rules of [`Iterator::next`]
    /// applied byte by byte, or `None` if that needs a look at a non-ASCII byte (then the
    /// character-based rules decide). Where only ASCII is involved, every character is a
    /// cluster of its own (no ASCII character extends another; CR LF is whitespace either
    /// way), so both give the same token.
    #[inline]
    fn next_ascii(&self, start: usize) -> Option<Token> {
        let bytes = self.text.as_bytes();
        if bytes[start] >= 0x80 {
            return None;
        }
        let scan = scan_ascii(bytes, start);
        let end = skip_ascii_space(bytes, scan.core_end);
        // Every byte before `end` passed a class test, so it is ASCII; the bytes looked at
        // beyond the token are `end`, `end + 1` and the end of the initials scan and the
        // byte after it.
        let ascii = |k: usize| bytes.get(k).is_none_or(|&x| x < 0x80);
        let initials = scan.initials_end;
        if !(ascii(end) && ascii(end + 1) && ascii(initials) && ascii(initials + 1)) {
            return None;
        }
        Some(Token {
            start,
            core_end: scan.core_end,
            end,
            kind: scan.kind,
        })
    }

    /// The first character of the cluster at `i` (`None` at the end).
    #[inline]
    fn at(&self, i: usize) -> Option<char> {
        char_at(self.text, i)
    }

    /// End of the character cluster starting at `i`.
    #[inline]
    fn cluster_end(&self, i: usize) -> usize {
        // Fast path: an ASCII character (not CR) followed by an ASCII character or the
        // end is a cluster of its own (no ASCII character extends another, except CR LF).
        let b = self.text.as_bytes();
        if let Some(&x) = b.get(i)
            && x < 0x80
            && x != b'\r'
            && b.get(i + 1).is_none_or(|&y| y < 0x80)
        {
            return i + 1;
        }
        self.cluster_end_slow(i)
    }

    #[inline(never)]
    fn cluster_end_slow(&self, i: usize) -> usize {
        let mut chars = self.text[i..].char_indices();
        let Some((_, first)) = chars.next() else {
            return i;
        };
        let mut end = i + first.len_utf8();
        let mut prev = first;
        // Regional indicator pairs (flags) form one cluster.
        let regional = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
        let mut pair_open = regional(first);
        for (k, c) in chars {
            let joins = is_extend(c)
                || prev == '\u{200D}'
                || (pair_open && regional(c))
                || (prev == '\r' && c == '\n');
            if !joins {
                break;
            }
            pair_open = false;
            end = i + k + c.len_utf8();
            prev = c;
        }
        end
    }

    #[inline]
    fn is(&self, i: usize, pred: fn(char) -> bool) -> bool {
        self.at(i).is_some_and(pred)
    }

    fn skip_space(&self, mut i: usize) -> usize {
        while self.is(i, char::is_whitespace) {
            i = self.cluster_end(i);
        }
        i
    }

    fn skip_chars(&self, mut i: usize, pred: fn(char) -> bool) -> usize {
        while self.is(i, pred) {
            i = self.cluster_end(i);
        }
        i
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let start = self.pos;
        if start < self.text.len()
            && let Some(t) = self.next_ascii(start)
        {
            self.pos = t.end;
            return Some(t);
        }
        self.next_generic()
    }
}

impl Tokens<'_> {
    /// The next token by the character-based rules.
    fn next_generic(&mut self) -> Option<Token> {
        let start = self.pos;
        let first = self.at(start)?;
        let (kind, core_end) = if first.is_numeric()
            || (is_currency(first) && self.is(self.cluster_end(start), char::is_numeric))
        {
            (TokenKind::Number, self.number_end(start, first))
        } else if is_ideograph(first) {
            (TokenKind::Word, self.cluster_end(start))
        } else if first.is_alphabetic() {
            (TokenKind::Word, self.word_end(start))
        } else {
            (TokenKind::Punct, self.cluster_end(start))
        };
        let end = self.skip_space(core_end);
        self.pos = end;
        Some(Token {
            start,
            core_end,
            end,
            kind,
        })
    }

    /// End of the number at `start` (whose first character is `first`): an optional
    /// currency sign, digits with `.` or `,` between digits, an optional `%`, then any
    /// letters and digits (`$1.2bn`, `3.5%`, `175,000`).
    fn number_end(&self, start: usize, first: char) -> usize {
        let numeric = |c: char| c.is_numeric();
        let mut i = if is_currency(first) {
            self.cluster_end(start)
        } else {
            start
        };
        loop {
            i = self.skip_chars(i, numeric);
            if matches!(self.at(i), Some('.' | ',')) && self.is(self.cluster_end(i), numeric) {
                i = self.cluster_end(i);
                continue;
            }
            break;
        }
        if self.at(i) == Some('%') {
            i = self.cluster_end(i);
        }
        self.skip_chars(i, is_spaced_alnum)
    }

    /// End of the word at `start`: dotted initials (`U.S.`, `a.m.`), or letters and
    /// digits with apostrophes between letters.
    fn word_end(&self, start: usize) -> usize {
        let alpha = |c: char| c.is_alphabetic();
        let mut j = start;
        let mut pairs = 0;
        while self.is(j, alpha) && self.at(self.cluster_end(j)) == Some('.') {
            j = self.cluster_end(self.cluster_end(j));
            pairs += 1;
        }
        if pairs >= MIN_INITIALS && !self.is(j, char::is_alphanumeric) {
            return j;
        }
        let mut i = start;
        loop {
            i = self.skip_chars(i, is_spaced_alnum);
            if self.is(i, is_apostrophe) && self.is(self.cluster_end(i), alpha) {
                i = self.cluster_end(i);
                continue;
            }
            break;
        }
        i
    }
}

/// Split `text` into tokens. Leading whitespace belongs to no token (the first token
/// starts after it).
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    Tokens::new(text).collect()
}

/// The word and number tokens of `text`, one by one (no list is built).
pub(crate) fn word_tokens(text: &str) -> impl Iterator<Item = Token> + '_ {
    Tokens::new(text).filter(Token::is_wordlike)
}

/// The word and number tokens of `text` (their cores).
pub(crate) fn words(text: &str) -> Vec<&str> {
    Tokens::new(text)
        .filter(Token::is_wordlike)
        .map(|t| t.core(text))
        .collect()
}

/// Number of word and number tokens in `text`.
pub(crate) fn word_count(text: &str) -> usize {
    if text.is_ascii() {
        return ascii_word_count(text.as_bytes());
    }
    Tokens::new(text).filter(Token::is_wordlike).count()
}

/// [`word_count`] of an ASCII text, eight bytes at a time: the runs of letters and digits,
/// less the runs a joiner merges into one token, counted by the token rules over the
/// whitespace-separated piece that holds it (tokens never cross whitespace, so a piece is
/// tokenized alone as within the text).
fn ascii_word_count(bytes: &[u8]) -> usize {
    let mut count = RunCount::default();
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        count.add(bytes, at, word_of(chunk));
        at += 8;
    }
    // The last bytes, padded with zeros (neither letters nor joiners).
    count.add(bytes, at, padded_word_of(chunks.remainder()));
    count.runs - count.merged
}

/// The bytes that can join two runs of letters and digits into one token: an apostrophe
/// (`don't`), a dot (`U.S.`, `3.5`), a comma (`175,000`) and a percent sign (`5%a`).
/// Without one before a letter or digit, each word or number token is one run (a `$`
/// before digits starts the run's token, a `%` after them ends it).
const JOINERS: [u8; 4] = [b'\'', b'.', b',', b'%'];

/// The running counts of [`ascii_word_count`].
#[derive(Default)]
struct RunCount {
    /// Runs of letters and digits.
    runs: usize,
    /// Runs that are not the first of their token, in the pieces counted so far.
    merged: usize,
    /// The end of the last piece counted by the token rules.
    counted_to: usize,
    /// The high bit of byte 0: whether the byte before the chunk is a letter or digit, or
    /// a joiner.
    after_alnum: u64,
    after_joiner: u64,
}

impl RunCount {
    /// Count the eight bytes `word` found at `at` in `bytes`.
    #[inline(always)]
    fn add(&mut self, bytes: &[u8], at: usize, word: u64) {
        let alnum = alnum_mask(word);
        let joiner = JOINERS
            .iter()
            .fold(0, |mask, &joiner| mask | byte_mask(word, joiner));
        let mut joined = alnum & (joiner << 8 | self.after_joiner);
        self.runs += run_starts(alnum, self.after_alnum).count_ones() as usize;
        self.after_alnum = alnum >> 56;
        self.after_joiner = joiner >> 56;
        while joined != 0 {
            let at = at + joined.trailing_zeros() as usize / 8;
            joined &= joined - 1;
            if at >= self.counted_to {
                self.count_piece(bytes, at);
            }
        }
    }

    /// Count by the token rules the whitespace-separated piece holding byte `at`, a letter
    /// or digit after a joiner.
    #[cold]
    fn count_piece(&mut self, bytes: &[u8], at: usize) {
        let start = bytes[..at]
            .iter()
            .rposition(|&b| CLASS[usize::from(b)] & WS != 0)
            .map_or(0, |k| k + 1);
        let end = bytes[at..]
            .iter()
            .position(|&b| CLASS[usize::from(b)] & WS != 0)
            .map_or(bytes.len(), |k| at + k);
        let piece = &bytes[start..end];
        let runs = (0..piece.len())
            .filter(|&k| {
                piece[k].is_ascii_alphanumeric()
                    && (k == 0 || !piece[k - 1].is_ascii_alphanumeric())
            })
            .count();
        self.merged += runs - scanned_word_count(piece);
        self.counted_to = end;
    }
}

/// [`word_count`] of an ASCII text by the byte rules of `Tokens::next_ascii`, counting the
/// word and number tokens instead of building them (on ASCII they never give up).
fn scanned_word_count(bytes: &[u8]) -> usize {
    let mut count = 0;
    let mut i = skip_ascii_space(bytes, 0);
    while i < bytes.len() {
        let scan = scan_ascii(bytes, i);
        count += usize::from(scan.kind != TokenKind::Punct);
        i = skip_ascii_space(bytes, scan.core_end);
    }
    count
}

/// One token found by the byte rules.
struct AsciiScan {
    kind: TokenKind,
    /// End of the token (before its trailing whitespace).
    core_end: usize,
    /// Furthest start of a dotted-initials pair looked at (`start` when none was).
    initials_end: usize,
}

/// The byte at `i`, 0 (a byte of no class) past the end.
#[inline(always)]
fn byte_at(bytes: &[u8], i: usize) -> u8 {
    bytes.get(i).copied().unwrap_or(0)
}

/// Whether the byte at `i` is of one of `classes` (never past the end).
#[inline(always)]
fn is_class(bytes: &[u8], i: usize, classes: u8) -> bool {
    CLASS[usize::from(byte_at(bytes, i))] & classes != 0
}

/// Index of the first byte at or after `i` that is not ASCII whitespace.
#[inline(always)]
fn skip_ascii_space(bytes: &[u8], mut i: usize) -> usize {
    while is_class(bytes, i, WS) {
        i += 1;
    }
    i
}

/// The token at `start`, whose first byte is ASCII, by the token rules over bytes. A
/// non-ASCII byte has no class, so it stops every run and fails every test; whether one
/// was looked at is for the caller to check.
#[inline(always)]
fn scan_ascii(bytes: &[u8], start: usize) -> AsciiScan {
    let first = bytes[start];
    if first.is_ascii_digit() || (first == b'$' && is_class(bytes, start + 1, DIGIT)) {
        return AsciiScan {
            kind: TokenKind::Number,
            core_end: ascii_number_end(bytes, start),
            initials_end: start,
        };
    }
    if first.is_ascii_alphabetic() {
        let (core_end, initials_end) = ascii_word_end(bytes, start);
        return AsciiScan {
            kind: TokenKind::Word,
            core_end,
            initials_end,
        };
    }
    AsciiScan {
        kind: TokenKind::Punct,
        core_end: start + 1,
        initials_end: start,
    }
}

/// End of the number at `start`: an optional `$`, digits with `.` or `,` between digits,
/// an optional `%`, then any letters and digits (`$1.2bn`, `3.5%`, `175,000`).
#[inline(always)]
fn ascii_number_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    if bytes[start] == b'$' {
        i += 1;
    }
    loop {
        while is_class(bytes, i, DIGIT) {
            i += 1;
        }
        if matches!(byte_at(bytes, i), b'.' | b',') && is_class(bytes, i + 1, DIGIT) {
            i += 1;
            continue;
        }
        break;
    }
    if byte_at(bytes, i) == b'%' {
        i += 1;
    }
    while is_class(bytes, i, DIGIT | ALPHA) {
        i += 1;
    }
    i
}

/// End of the word at `start` and the furthest start of a dotted-initials pair looked at:
/// dotted initials (`U.S.`), or letters and digits with apostrophes between letters.
#[inline(always)]
fn ascii_word_end(bytes: &[u8], start: usize) -> (usize, usize) {
    let mut initials_end = start;
    let mut pairs = 0;
    while is_class(bytes, initials_end, ALPHA) && byte_at(bytes, initials_end + 1) == b'.' {
        initials_end += 2;
        pairs += 1;
    }
    if pairs >= MIN_INITIALS && !is_class(bytes, initials_end, DIGIT | ALPHA) {
        return (initials_end, initials_end);
    }
    let mut i = start;
    loop {
        while is_class(bytes, i, DIGIT | ALPHA) {
            i += 1;
        }
        if byte_at(bytes, i) == b'\'' && is_class(bytes, i + 1, ALPHA) {
            i += 1;
            continue;
        }
        break;
    }
    (i, initials_end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_word_count_matches_the_tokenizer() {
        let texts = [
            "",
            "   ",
            "U.S. and U.K. at 3 p.m. on a.m.",
            "U.S.A.B. U.S5 A.b.c. x.y. x. .x",
            "$5 $ 5 $$5 $5.5% 1,000.25 1, 000 3.x 12%abc 7a.b",
            "don't 'quoted' rock'n'roll it'' can'1",
            "\r\n\tmixed\x0b\x0cwhite\x1cspace",
            "end.",
            "a-b c/d e_f (g) [h] {i} #1 @x 50% 9.",
        ];
        for t in texts {
            assert_eq!(
                ascii_word_count(t.as_bytes()),
                Tokens::new(t).filter(Token::is_wordlike).count(),
                "{t:?}"
            );
        }
    }

    #[test]
    fn joined_runs_are_counted_by_the_token_rules() {
        let plain = "Talks will begin in January, the minister said (at 5%). \"Yes\" - 12 times.";
        assert_eq!(ascii_word_count(plain.as_bytes()), 13);
        for (text, words) in [
            ("don't", 1),
            ("the U.S. and U.K.", 4),
            ("3.5 or 175,000 at 5%a", 5),
            ("a long sentence before it's it", 6),
            // A joiner in the last byte of a chunk, the letter in the next chunk's first.
            ("abcdefg'h", 1),
            ("abcdefg' h", 2),
            ("x.y.z.w.v.u.t.s.r.q.p a", 12),
        ] {
            assert_eq!(ascii_word_count(text.as_bytes()), words, "{text}");
            assert_eq!(scanned_word_count(text.as_bytes()), words, "{text}");
        }
    }

    fn cores(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.core(text)).collect()
    }

    #[test]
    fn tokens_numbers_and_initials() {
        assert_eq!(
            cores("The U.S. paid $1.2bn, or 3.5%, to 175,000 people."),
            vec![
                "The", "U.S.", "paid", "$1.2bn", ",", "or", "3.5%", ",", "to", "175,000", "people",
                "."
            ]
        );
        assert_eq!(
            cores("Russia's and don’t"),
            vec!["Russia's", "and", "don’t"]
        );
        assert_eq!(cores("ex-Soviet"), vec!["ex", "-", "Soviet"]);
        assert_eq!(cores("in 2022, then"), vec!["in", "2022", ",", "then"]);
        assert_eq!(cores("“Yes.”"), vec!["“", "Yes", ".", "”"]);
        assert_eq!(cores("  lead"), vec!["lead"]);
        assert!(cores("").is_empty());
        assert_eq!(word_count("He said 3 things, twice."), 5);
        // Combining marks stay with their letter; emoji sequences and flags are one token.
        assert_eq!(cores("cafe\u{301} x"), vec!["cafe\u{301}", "x"]);
        assert_eq!(cores("👩‍👩‍👧🇫🇮!"), vec!["👩‍👩‍👧", "🇫🇮", "!"]);
        assert_eq!(cores("a\r\nb"), vec!["a", "b"]);
    }

    #[test]
    fn ideographs_are_words_of_their_own() {
        assert_eq!(
            cores("全长186公里，时速350。"),
            vec!["全", "长", "186", "公", "里", "，", "时", "速", "350", "。"]
        );
        assert_eq!(cores("カタカナ abc"), vec!["カ", "タ", "カ", "ナ", "abc"]);
    }

    /// The generic (character cluster) tokenizer, even on ASCII text.
    fn tokenize_generic(text: &str) -> Vec<Token> {
        let mut t = Tokens { text, pos: 0 };
        t.pos = t.skip_space(0);
        std::iter::from_fn(|| t.next_generic()).collect()
    }

    fn ascii_strategy() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let atoms = prop::sample::select(vec![
            "the ", "cat", "U.S.", "a.m", "x.", "3", "3.5", ",5", "%", "$", "$1.2bn", "'", "'s",
            "don't", "\r\n", "\r", "\n", "\t", "\x0b", "\x0c", "\x1c", "\x7f", " ", "  ", ".", ",",
            "-", "A", "b1", "2x", "(", "\"",
        ]);
        prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
    }

    fn mixed_strategy() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let atoms = prop::sample::select(vec![
            "the ",
            "cat",
            "U.S.",
            "a.m",
            "x.",
            "3",
            "3.5",
            ",5",
            "%",
            "$",
            "€",
            "£5",
            "'",
            "’",
            "'s",
            "don’t",
            "\r\n",
            "\r",
            "\n",
            " ",
            "\u{a0}",
            "\u{2003}",
            "\u{85}",
            ".",
            ",",
            "A",
            "é",
            "\u{301}",
            "\u{200d}",
            "\u{fe0f}",
            "\u{1f1e9}",
            "\u{1f1ea}",
            "👩",
            "“",
            "”",
            "日本",
            "٣",
            "Ⅻ",
            "ß",
            "b1",
            "(",
        ]);
        prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #[test]
        fn mixed_tokenizer_matches_generic(a in mixed_strategy()) {
            proptest::prop_assert_eq!(tokenize(&a), tokenize_generic(&a));
        }

        #[test]
        fn ascii_word_count_matches_generic(a in ascii_strategy()) {
            proptest::prop_assert_eq!(
                ascii_word_count(a.as_bytes()),
                tokenize_generic(&a).iter().filter(|t| t.is_wordlike()).count()
            );
        }

        #[test]
        fn ascii_word_count_is_the_scanned_count(a in ascii_strategy()) {
            proptest::prop_assert_eq!(ascii_word_count(a.as_bytes()), scanned_word_count(a.as_bytes()));
        }

        #[test]
        fn ascii_tokenizer_matches_generic(a in ascii_strategy()) {
            proptest::prop_assert_eq!(tokenize(&a), tokenize_generic(&a));
        }
    }
}
