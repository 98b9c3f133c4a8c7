//! The word lists of the word diff and its classification, as data: pronouns, number
//! words, articles, the function words a change may swallow, abbreviated names and UK/US
//! spelling pairs. All entries are lowercase.

/// Personal pronouns in every case, for pronoun swaps ("His" -> "Her").
pub(crate) const PRONOUNS: &[&str] = &[
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

/// Numbers written as words, and words that only make sense with a number, for number
/// edits ("three" -> "3" is a number change, not a spelling one).
pub(super) const NUMBER_WORDS: &[&str] = &[
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

/// Articles: an edit of articles only is minor, and spelling keys can ignore them ("the
/// U.S." -> "US").
pub(super) const ARTICLES: &[&str] = &["a", "an", "the"];

/// Short function words that an equal island between two changes may consist of and still
/// be swallowed by them ("the", "of"), so that a rewrite reads as one run.
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "and", "or", "as", "is", "was",
    "be", "are", "that", "this", "with", "from", "it", "but",
];

/// The longest of [`FUNCTION_WORDS`], in bytes: a longer token is no function word.
pub(super) const FUNCTION_WORD_MAX_LEN: usize = longest(FUNCTION_WORDS);

/// Two-word names and their usual abbreviation (first word, second word, abbreviation):
/// "United States" spells "US".
pub(super) const ABBREVIATED_NAMES: &[(&str, &str, &str)] = &[
    ("united", "states", "us"),
    ("united", "kingdom", "uk"),
    ("united", "nations", "un"),
    ("european", "union", "eu"),
];

/// UK spellings and their US form, for whole words.
pub(super) const UK_US_WORDS: &[(&str, &str)] = &[
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

/// UK word endings and their US form, with the least number of characters the stem before
/// the ending needs (so that "rise" or "tour" are left alone).
pub(super) const UK_US_SUFFIXES: &[(&str, &str, usize)] = &[
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

/// Length in bytes of the longest of `words`.
const fn longest(words: &[&str]) -> usize {
    let mut max = 0;
    let mut i = 0;
    while i < words.len() {
        if words[i].len() > max {
            max = words[i].len();
        }
        i += 1;
    }
    max
}
