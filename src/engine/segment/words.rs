//! The word lists the segmenter consults around a period: titles, abbreviations, number
//! prefixes, month names and typical sentence starters. Each list is a table sorted by
//! bytes (checked at compile time), looked up through a [`WordSet`]: a test of first
//! byte and length, then a binary search over packed keys.

/// Words that typically start an English sentence; used after ambiguous abbreviations
/// ("U.S.", "Inc.", initials) and ellipses to decide whether a new sentence begins.
const STARTERS: &[&str] = &[
    "A",
    "According",
    "After",
    "Also",
    "An",
    "And",
    "As",
    "Asked",
    "At",
    "Before",
    "Both",
    "But",
    "Earlier",
    "For",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "Most",
    "My",
    "Now",
    "Officials",
    "On",
    "Or",
    "Other",
    "Others",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
];

/// Titles that stand before a name: a period after them never ends a sentence.
const TITLES: &[&str] = &[
    "Adm", "Atty", "Capt", "Cmdr", "Col", "Cpl", "Det", "Dr", "Gen", "Gov", "Hon", "Hr", "Insp",
    "Lt", "Maj", "Messrs", "Mlle", "Mme", "Mmes", "Mr", "Mrs", "Ms", "Pres", "Prof", "Pvt", "Rep",
    "Reps", "Rev", "Sen", "Sens", "Sgt", "Supt", "Vgl", "cf", "v", "vgl", "vs",
];

/// Abbreviations that usually stand before a number ("No. 10", "Jan. 9", "Nr. 5").
const NUMBER_PREFIXES: &[&str] = &[
    "Abs", "Apr", "Art", "Aug", "Ca", "Ch", "Dec", "Feb", "Fig", "Jan", "Jul", "Jun", "Mar", "No",
    "Nos", "Nov", "Nr", "Oct", "Para", "S", "Sec", "Sep", "Sept", "Vol", "Vols", "art", "ca", "ch",
    "fig", "no", "nr", "p", "para", "pp", "sec", "vol",
];

/// Abbreviations other than the number prefixes after which a period ends a sentence
/// only before a typical sentence starter (in capitals too, as datelines write them:
/// "ST. LOUIS (AP) —").
const OTHER_ABBREVIATIONS: &[&str] = &[
    "Assn", "Ave", "Bhd", "Blvd", "Bros", "Co", "Corp", "Dept", "Dipl", "FT", "Ft", "Gov't",
    "Hrsg", "Inc", "Ing", "Jh", "Jr", "Ltd", "MT", "Mag", "Mio", "Mrd", "Mt", "Plc", "Pty", "Rd",
    "ST", "Sr", "St", "Ste", "Str", "Tel", "Univ", "al", "approx", "bzgl", "bzw", "dept", "est",
    "etc", "evtl", "ff", "geb", "gest", "ggf", "govt", "inkl", "usw",
];

/// German (and English) month names after which "3. Oktober" is an ordinal date.
const MONTH_NAMES: &[&str] = &[
    "April",
    "August",
    "Dezember",
    "Februar",
    "Januar",
    "Juli",
    "Juni",
    "Jänner",
    "Mai",
    "März",
    "November",
    "Oktober",
    "September",
];

/// Longest word a table may hold, in bytes: a [`Key`] (16 bytes) holds the word's bytes
/// and its length.
const MAX_WORD_BYTES: usize = 15;

/// A word packed into one integer: its bytes from the top, zero-padded, and its length in
/// the lowest byte. Keys of words without NUL bytes sort as the words do (by bytes), so a
/// sorted table gives sorted keys; comparing two keys is two integer comparisons, where a
/// string comparison would be a call to `memcmp` (lookups sit on the scanner's hot path).
type Key = u128;

/// The key of `word`, or `None` if it is longer than any listed word can be.
const fn key(word: &str) -> Option<Key> {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_WORD_BYTES {
        return None;
    }
    let mut key: Key = 0;
    let mut i = 0;
    while i < bytes.len() {
        key = key << 8 | bytes[i] as Key;
        i += 1;
    }
    // Pad to `MAX_WORD_BYTES` bytes, then append the length.
    key <<= 8 * (MAX_WORD_BYTES - bytes.len());
    Some(key << 8 | bytes.len() as Key)
}

/// A word list as a set: the keys of its words in order, for a binary search, and which
/// first bytes and lengths occur, a test that turns most other words away before the
/// search (most words looked up are in no list).
struct WordSet<const N: usize> {
    keys: [Key; N],
    /// Bit `n` of entry `b`: some word starts with byte `b` and has `n` bytes.
    shapes: [u16; 256],
}

impl<const N: usize> WordSet<N> {
    /// The set of the `N` words of `table`, checked at compile time to be sorted by bytes
    /// without duplicates, and to fit in a key.
    const fn new(table: &[&str]) -> Self {
        assert!(table.len() == N);
        let mut set = WordSet {
            keys: [0; N],
            shapes: [0; 256],
        };
        let mut i = 0;
        while i < N {
            let word = table[i].as_bytes();
            let Some(key) = key(table[i]) else {
                panic!("a listed word is longer than MAX_WORD_BYTES");
            };
            assert!(!word.is_empty(), "a word table holds an empty word");
            assert!(
                i == 0 || set.keys[i - 1] < key,
                "a word table is not sorted"
            );
            set.keys[i] = key;
            set.shapes[word[0] as usize] |= 1 << word.len();
            i += 1;
        }
        set
    }

    /// Whether `word` is in the set.
    fn contains(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let Some(&first) = bytes.first() else {
            return false;
        };
        let fits = bytes.len() <= MAX_WORD_BYTES;
        if !fits || self.shapes[usize::from(first)] & (1 << bytes.len()) == 0 {
            return false;
        }
        key(word).is_some_and(|key| self.keys.binary_search(&key).is_ok())
    }
}

static STARTER_SET: WordSet<{ STARTERS.len() }> = WordSet::new(STARTERS);
static TITLE_SET: WordSet<{ TITLES.len() }> = WordSet::new(TITLES);
static NUMBER_PREFIX_SET: WordSet<{ NUMBER_PREFIXES.len() }> = WordSet::new(NUMBER_PREFIXES);
static OTHER_ABBREVIATION_SET: WordSet<{ OTHER_ABBREVIATIONS.len() }> =
    WordSet::new(OTHER_ABBREVIATIONS);
static MONTH_NAME_SET: WordSet<{ MONTH_NAMES.len() }> = WordSet::new(MONTH_NAMES);

/// A word that typically starts a sentence ([`STARTERS`]).
pub(super) fn is_starter(word: &str) -> bool {
    STARTER_SET.contains(word)
}

/// A title before a name ([`TITLES`]).
pub(super) fn is_title(word: &str) -> bool {
    TITLE_SET.contains(word)
}

/// An abbreviation after which a period ends a sentence only before a typical sentence
/// starter: a number prefix ([`NUMBER_PREFIXES`]) or one of [`OTHER_ABBREVIATIONS`].
pub(super) fn is_ambiguous_abbrev(word: &str) -> bool {
    NUMBER_PREFIX_SET.contains(word) || OTHER_ABBREVIATION_SET.contains(word)
}

/// A month name that follows an ordinal date ([`MONTH_NAMES`]).
pub(super) fn is_month_name(word: &str) -> bool {
    MONTH_NAME_SET.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_as_words_and_tell_them_apart() {
        let words = [
            "", "A", "An", "And", "B", "a", "a\0", "ab", "Jänner", "März", "Oktober",
        ];
        for first in words {
            for second in words {
                let (first_key, second_key) = (key(first).unwrap(), key(second).unwrap());
                assert_eq!(
                    first_key == second_key,
                    first == second,
                    "{first:?} {second:?}"
                );
                if !first.contains('\0') && !second.contains('\0') {
                    assert_eq!(
                        first_key.cmp(&second_key),
                        first.cmp(second),
                        "{first:?} {second:?}"
                    );
                }
            }
        }
        assert!(key("fifteen letters").is_some() && key("sixteen letters!").is_none());
    }

    #[test]
    fn every_listed_word_is_found() {
        type Lookup = fn(&str) -> bool;
        let lookups: [(&[&str], Lookup); 5] = [
            (STARTERS, is_starter),
            (TITLES, is_title),
            (NUMBER_PREFIXES, is_ambiguous_abbrev),
            (OTHER_ABBREVIATIONS, is_ambiguous_abbrev),
            (MONTH_NAMES, is_month_name),
        ];
        for (table, is_in) in lookups {
            for word in table {
                assert!(is_in(word), "{word}");
                assert!(!is_in(&format!("{word}x")), "{word}x");
            }
        }
        assert!(!is_title("") && !is_starter("the") && !is_month_name("oktober"));
    }
}
