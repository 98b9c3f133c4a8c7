//! What is measured of one sentence before any rule looks at it: its words, whether it
//! ends like a sentence, whether it holds a letter or digit, and its lower-cased forms
//! (the opening always, the whole text only where a whole-text rule can apply).

use super::phrases::{is_trigger, trigger_opening};
use crate::engine::text::{alnum_mask, run_starts, word_of};

/// Characters of the lower-cased opening: more than the longest prefix any rule tests
/// ("your email address will not be published", 40), so every prefix test can use it.
const HEAD_CHARS: usize = 48;

/// A short sentence, of at most this many words, is lower-cased whole: the rules that
/// look at the whole text (a phrase anywhere, a lone date or timestamp) apply to short
/// sentences; a longer one is lower-cased only if it holds a trigger word.
pub(super) const SHORT_MAX_WORDS: usize = 14;

/// What one sentence looks like, measured.
pub(super) struct Features<'t> {
    /// The display text: words separated by single spaces.
    pub(super) text: &'t str,
    pub(super) words: usize,
    /// Ends with `.`, `!` or `?` (possibly before closing quotes), not a truncation `..`.
    pub(super) ends_sentence: bool,
    /// Contains a letter or digit.
    pub(super) alnum: bool,
    /// The lower-cased opening ([`HEAD_CHARS`] characters), enough for every prefix test.
    pub(super) head: String,
    /// The whole text lower-cased, only where a whole-text test can apply: a short
    /// sentence ([`SHORT_MAX_WORDS`]) or one holding a trigger word.
    pub(super) lower: Option<String>,
}

impl<'t> Features<'t> {
    pub(super) fn of(text: &'t str) -> Features<'t> {
        // `text` is a display text: words are separated by single spaces.
        let words = count_spaces(text.as_bytes()) + 1;
        let alnum = text.chars().any(char::is_alphanumeric);
        let ends_sentence = ends_with_sentence_punct(text);
        let head = lowercase_head(text, HEAD_CHARS);
        let lower = (words <= SHORT_MAX_WORDS || has_trigger(text)).then(|| text.to_lowercase());
        Features {
            text,
            words,
            ends_sentence,
            alnum,
            head,
            lower,
        }
    }

    /// The whole lower-cased text if there is one, else the opening.
    pub(super) fn lower_or_head(&self) -> &str {
        self.lower.as_deref().unwrap_or(&self.head)
    }

    /// Whether the whole lower-cased text is known and contains one of `phrases`.
    pub(super) fn lower_contains_any(&self, phrases: &[&str]) -> bool {
        self.lower
            .as_deref()
            .is_some_and(|lower| phrases.iter().any(|phrase| lower.contains(phrase)))
    }
}

/// Number of space bytes, eight bytes at a time.
fn count_spaces(bytes: &[u8]) -> usize {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let mut chunks = bytes.chunks_exact(8);
    let mut count = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        // Zero bytes of `x` are the spaces; a byte's high bit in `nonzero` is set unless
        // it is zero (no carries between bytes: each sum is at most 0xfe).
        let x = u64::from_le_bytes(word) ^ SPACES;
        let nonzero = ((x & LOW7) + LOW7) | x;
        count += 8 - (nonzero & !LOW7).count_ones() as usize;
    }
    count
        + chunks
            .remainder()
            .iter()
            .filter(|&&byte| byte == b' ')
            .count()
}

/// ASCII letters and digits.
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    table
};

/// The first `chars` characters of `text`, lower-cased.
fn lowercase_head(text: &str, chars: usize) -> String {
    let bytes = text.as_bytes();
    let len = bytes.len().min(chars);
    if bytes[..len].is_ascii() {
        // The first `len` bytes are the first `len` characters.
        let mut head = text[..len].to_string();
        head.make_ascii_lowercase();
        head
    } else {
        let mut head = String::with_capacity(len + 8);
        for c in text.chars().take(chars) {
            if c.is_ascii() {
                head.push(c.to_ascii_lowercase());
            } else {
                head.extend(c.to_lowercase());
            }
        }
        head
    }
}

/// Whether `text` holds a trigger word (see [`super::phrases::is_trigger`]): without one,
/// no phrase a long sentence is searched for can occur in it. Words are the runs of ASCII
/// letters and digits.
fn has_trigger(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Eight bytes at a time: where words start, from a mask of the letters and digits;
    // each start is looked at only if its two bytes open a trigger (every trigger has at
    // least two letters), which they seldom do.
    let mut chunks = bytes.chunks_exact(8);
    // The high bit of byte 0: whether the byte before the chunk is a letter or digit.
    let mut after_alnum = 0u64;
    let mut at = 0;
    for chunk in &mut chunks {
        let alnum = alnum_mask(word_of(chunk));
        let mut starts = run_starts(alnum, after_alnum);
        after_alnum = alnum >> 56;
        while starts != 0 {
            let start = at + starts.trailing_zeros() as usize / 8;
            starts &= starts - 1;
            if trigger_at(bytes, start) {
                return true;
            }
        }
        at += 8;
    }
    // The last bytes one by one.
    let mut starts = after_alnum == 0;
    for start in at..bytes.len() {
        if starts && trigger_at(bytes, start) {
            return true;
        }
        starts = !ASCII_ALNUM[usize::from(bytes[start])];
    }
    false
}

/// Whether a trigger word starts at `start`, where a word starts (or no word does).
#[inline(always)]
fn trigger_at(bytes: &[u8], start: usize) -> bool {
    match bytes.get(start..start + 2) {
        Some(&[first, second]) => {
            trigger_opening(first, second) == 1 && is_trigger(word_at(bytes, start))
        }
        _ => false,
    }
}

/// The run of ASCII letters and digits that starts at `start`.
fn word_at(bytes: &[u8], start: usize) -> &[u8] {
    let rest = &bytes[start..];
    let len = rest
        .iter()
        .position(|&b| !ASCII_ALNUM[usize::from(b)])
        .unwrap_or(rest.len());
    &rest[..len]
}

fn ends_with_sentence_punct(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ']);
    if trimmed.ends_with("..") && !trimmed.ends_with("...") {
        return false;
    }
    trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

#[cfg(test)]
mod tests {
    use super::super::phrases::{
        COPYRIGHT_PREFIXES, HEADING_PREFIXES, PHOTO_PREFIXES, PREFIXES, TRIGGERS,
    };
    use super::*;
    use proptest::strategy::Strategy;

    #[test]
    fn count_spaces_counts_space_bytes() {
        for t in [
            "",
            " ",
            "a b",
            "        ",
            "no-spaces-at-all-here",
            "  two  and \u{a0} more   spaces, é ü  ",
            "\u{a0}\u{2020} \x20\x00 \u{7f}\u{80}  ",
        ] {
            assert_eq!(
                count_spaces(t.as_bytes()),
                t.bytes().filter(|&b| b == b' ').count(),
                "{t:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn a_trigger_is_one_of_the_triggers_in_any_case(
            word in proptest::prop_oneof![
                proptest::sample::select(TRIGGERS.to_vec()).prop_map(str::to_uppercase),
                proptest::sample::select(TRIGGERS.to_vec()).prop_map(str::to_string),
                "[a-zA-Z0-9]{0,13}",
            ],
        ) {
            let expected = TRIGGERS.iter().any(|t| word.as_bytes().eq_ignore_ascii_case(t.as_bytes()));
            proptest::prop_assert_eq!(is_trigger(word.as_bytes()), expected, "{}", word);
        }
    }

    /// [`has_trigger`] by its definition: some run of ASCII letters and digits is a
    /// trigger, in any case.
    fn has_trigger_by_words(text: &str) -> bool {
        text.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|word| TRIGGERS.iter().any(|t| word.eq_ignore_ascii_case(t)))
    }

    proptest::proptest! {
        #[test]
        fn has_trigger_finds_exactly_the_trigger_words(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(TRIGGERS.to_vec()).prop_map(str::to_uppercase),
                    proptest::sample::select(TRIGGERS.to_vec()).prop_map(str::to_string),
                    // Openings and endings of triggers, glued to other letters.
                    "(ed|te|cl|co|br|re|ph|fl|cc|ge|af|cr|CC|Re)[a-zA-Z0-9]{0,10}",
                    "[a-zA-Z0-9]{0,6}(afp|cc|photo|getty)",
                    "[ ,.;:'\"()\\-]{1,3}",
                    "[a-zA-Z0-9é€\u{a0}]{1,8}",
                ],
                0..12,
            ),
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(has_trigger(&text), has_trigger_by_words(&text), "{:?}", text);
        }

        #[test]
        fn trigger_opening_is_a_trigger_opening_in_any_case(first in 0u8..=255, second in 0u8..=255) {
            let expected = TRIGGERS.iter().any(|t| {
                let t = t.as_bytes();
                t[0].eq_ignore_ascii_case(&first) && t[1].eq_ignore_ascii_case(&second)
            });
            proptest::prop_assert_eq!(trigger_opening(first, second) == 1, expected);
        }
    }

    #[test]
    fn triggers_are_found_in_any_case() {
        for t in TRIGGERS {
            assert!(has_trigger(t), "{t}");
            assert!(has_trigger(&format!("A {} b.", t.to_uppercase())), "{t}");
            assert!(!has_trigger(&format!("x{t}")), "{t}");
        }
        assert!(!has_trigger("nothing to see here at all"));
    }

    #[test]
    fn every_prefix_fits_in_the_head() {
        for table in [
            HEADING_PREFIXES,
            PHOTO_PREFIXES,
            PREFIXES,
            COPYRIGHT_PREFIXES,
        ] {
            for prefix in table {
                assert!(prefix.chars().count() <= HEAD_CHARS, "{prefix}");
            }
        }
    }
}
