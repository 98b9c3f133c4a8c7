//! Words in comparison form: lowercase, apostrophes straight, spelling variants in one
//! form, and numbers by their value ("1,000" = "1000", "five" = "5"), so that what
//! differs only in writing never counts as a change.

use rustc_hash::FxHashMap as HashMap;

use crate::engine::diff::spelling_key;
use crate::engine::text::straight_apostrophes;

/// A word in comparison form: lowercase, apostrophes straight, a number as its value
/// ("1,000" and "1000", "five" and "5" are one word), spelling variants in one form.
pub(crate) fn word_key(w: &str) -> String {
    if let Some(n) = value(w) {
        return n;
    }
    let lower = straight_apostrophes(w).to_lowercase();
    let key = spelling_key(&lower);
    if key.is_empty() { lower } else { key }
}

/// Word ids: one number per word key, so that word sequences are compared as integers
/// (a diff of ids gives the same operations as a diff of the keys). Each distinct
/// spelling is keyed once: a long story repeats its words many times.
#[derive(Debug, Default)]
pub(crate) struct WordIds {
    by_spelling: HashMap<String, usize>,
    by_key: HashMap<String, usize>,
}

impl WordIds {
    /// The id of `spelling`'s key, given a new id if the key is new.
    pub(crate) fn id(&mut self, spelling: &str) -> usize {
        if let Some(&id) = self.by_spelling.get(spelling) {
            return id;
        }
        let next = self.by_key.len();
        let id = *self.by_key.entry(word_key(spelling)).or_insert(next);
        self.by_spelling.insert(spelling.to_string(), id);
        id
    }

    /// The id of `spelling`'s key if some word with that key has one.
    pub(crate) fn find(&self, spelling: &str) -> Option<usize> {
        self.by_spelling
            .get(spelling)
            .or_else(|| self.by_key.get(&word_key(spelling)))
            .copied()
    }
}

/// Number words and their values (English, German, French, Spanish), for "five" = "5".
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("dozen", 12),
    ("zwei", 2),
    ("drei", 3),
    ("vier", 4),
    ("fünf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("acht", 8),
    ("neun", 9),
    ("zehn", 10),
    ("zwölf", 12),
    ("zwanzig", 20),
    ("deux", 2),
    ("trois", 3),
    ("quatre", 4),
    ("cinq", 5),
    ("sept", 7),
    ("huit", 8),
    ("neuf", 9),
    ("dix", 10),
    ("vingt", 20),
    ("dos", 2),
    ("tres", 3),
    ("cuatro", 4),
    ("cinco", 5),
    ("seis", 6),
    ("siete", 7),
    ("ocho", 8),
    ("nueve", 9),
    ("diez", 10),
];

/// The value of a number token in one form, or `None` for a word that is no number.
pub(crate) fn value(w: &str) -> Option<String> {
    if !w.chars().any(|c| c.is_ascii_digit()) {
        let lower = w.to_lowercase();
        return NUMBER_WORDS
            .iter()
            .find(|(name, _)| *name == lower)
            .map(|(_, v)| v.to_string());
    }
    let w = w.trim_end_matches('%');
    let chars: Vec<char> = w.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let separator = matches!(c, ',' | '.' | '\u{202f}' | '\u{a0}' | '\'');
        if separator && i > 0 && chars[i - 1].is_ascii_digit() {
            let group = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let after = chars.get(i + 1 + group);
            // A group of three digits that ends the number or meets another separator.
            if group == 3 && after.is_none_or(|a| !a.is_ascii_digit()) {
                continue;
            }
            out.push('.');
            continue;
        }
        out.extend(c.to_lowercase());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_id_per_key() {
        let mut ids = WordIds::default();
        let a = ids.id("1,000");
        assert_eq!(ids.id("1000"), a);
        assert_eq!(ids.id("Colour"), ids.id("color"));
        assert_ne!(ids.id("colour"), a);
        assert_eq!(ids.find("COLOR"), Some(ids.id("colour")));
        assert_eq!(ids.find("harbour"), None);
    }

    #[test]
    fn values_in_one_form() {
        assert_eq!(value("1,000"), value("1000"));
        assert_eq!(value("1.000"), value("1000"));
        assert_eq!(value("five"), value("5"));
        assert_eq!(value("fünf"), value("5"));
        assert_eq!(value("cinq"), value("5"));
        assert_eq!(value("3,5"), value("3.5"));
        assert_eq!(value("12%"), value("12"));
        assert_ne!(value("3.5"), value("35"));
        assert_ne!(value("175,000"), value("175"));
        assert_eq!(value("Minister"), None);
    }
}
