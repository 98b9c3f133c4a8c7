//! The word lists the segmenter consults around a period: titles, abbreviations, number
//! prefixes, month names and typical sentence starters. Each list is a table sorted by
//! bytes (checked at compile time), looked up by binary search over packed keys.

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
/// only before a typical sentence starter.
const OTHER_ABBREVIATIONS: &[&str] = &[
    "Assn", "Ave", "Bhd", "Blvd", "Bros", "Co", "Corp", "Dept", "Dipl", "Ft", "Gov't", "Hrsg",
    "Inc", "Ing", "Jh", "Jr", "Ltd", "Mag", "Mio", "Mrd", "Mt", "Plc", "Pty", "Rd", "Sr", "St",
    "Ste", "Str", "Tel", "Univ", "al", "approx", "bzgl", "bzw", "dept", "est", "etc", "evtl", "ff",
    "geb", "gest", "ggf", "govt", "inkl", "usw",
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

/// The keys of a table, checked at compile time to be in strictly increasing order (the
/// table sorted by bytes, without duplicates) and to fit.
const fn keys<const N: usize>(table: &[&str]) -> [Key; N] {
    assert!(table.len() == N);
    let mut keys = [0; N];
    let mut i = 0;
    while i < N {
        let Some(key) = key(table[i]) else {
            panic!("a listed word is longer than MAX_WORD_BYTES");
        };
        assert!(i == 0 || keys[i - 1] < key, "a word table is not sorted");
        keys[i] = key;
        i += 1;
    }
    keys
}

static STARTER_KEYS: [Key; STARTERS.len()] = keys(STARTERS);
static TITLE_KEYS: [Key; TITLES.len()] = keys(TITLES);
static NUMBER_PREFIX_KEYS: [Key; NUMBER_PREFIXES.len()] = keys(NUMBER_PREFIXES);
static OTHER_ABBREVIATION_KEYS: [Key; OTHER_ABBREVIATIONS.len()] = keys(OTHER_ABBREVIATIONS);
static MONTH_NAME_KEYS: [Key; MONTH_NAMES.len()] = keys(MONTH_NAMES);

/// Whether `word` is one of the words whose keys are `keys`.
fn contains(keys: &[Key], word: &str) -> bool {
    key(word).is_some_and(|key| keys.binary_search(&key).is_ok())
}

/// A word that typically starts a sentence ([`STARTERS`]).
pub(super) fn is_starter(word: &str) -> bool {
    contains(&STARTER_KEYS, word)
}

/// A title before a name ([`TITLES`]).
pub(super) fn is_title(word: &str) -> bool {
    contains(&TITLE_KEYS, word)
}

/// An abbreviation after which a period ends a sentence only before a typical sentence
/// starter: a number prefix ([`NUMBER_PREFIXES`]) or one of [`OTHER_ABBREVIATIONS`].
pub(super) fn is_ambiguous_abbrev(word: &str) -> bool {
    key(word).is_some_and(|key| {
        NUMBER_PREFIX_KEYS.binary_search(&key).is_ok()
            || OTHER_ABBREVIATION_KEYS.binary_search(&key).is_ok()
    })
}

/// A month name that follows an ordinal date ([`MONTH_NAMES`]).
pub(super) fn is_month_name(word: &str) -> bool {
    contains(&MONTH_NAME_KEYS, word)
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
                let (a, b) = (key(first).unwrap(), key(second).unwrap());
                assert_eq!(a == b, first == second, "{first:?} {second:?}");
                if !first.contains('\0') && !second.contains('\0') {
                    assert_eq!(a.cmp(&b), first.cmp(second), "{first:?} {second:?}");
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
