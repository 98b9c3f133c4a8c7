//! Spelling keys: a text reduced to what spelling variants share, so that two edit sides
//! with the same key differ only in spelling. Lowercased letters and digits; UK endings and
//! words in their US form; dots of initials, hyphens and apostrophes dropped inside words;
//! `%` read as "percent"; two-word names ("United States") read as their abbreviation.

use super::word_lists::{ABBREVIATED_NAMES, ARTICLES, UK_US_SUFFIXES, UK_US_WORDS};

/// Lowercased letters and digits with US/UK variants, dotted initials, hyphens and
/// spacing normalised away; `%` reads as "percent".
pub(crate) fn spelling_key(text: &str) -> String {
    if text.contains(|c: char| c == '%' || c.is_whitespace()) {
        return spelling_words(text).concat();
    }
    // One word at most, as most keys are (a word of a quotation, a word edited): the same
    // key without the list of words around it (no two-word name can be in it).
    let mut word = String::with_capacity(text.len());
    for c in text.chars().filter(|c| c.is_alphanumeric()) {
        word.extend(c.to_lowercase());
    }
    if word.is_empty() {
        word
    } else {
        normalize_word(word)
    }
}

/// [`spelling_key`] without articles, for "the U.S." against "US".
pub(super) fn spelling_key_without_articles(text: &str) -> String {
    spelling_words(text)
        .into_iter()
        .filter(|w| !ARTICLES.contains(&w.as_str()))
        .collect()
}

/// The normalised words behind [`spelling_key`], with the common country and union names
/// written as their abbreviations ("United States" and "U.S." both read "us").
fn spelling_words(text: &str) -> Vec<String> {
    abbreviate_names(normalized_words(text))
}

/// The words of `text`, split at whitespace and `%` (which becomes a word "percent"), each
/// through [`normalize_word`].
fn normalized_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, words: &mut Vec<String>| {
        if !word.is_empty() {
            words.push(normalize_word(std::mem::take(word)));
        }
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if c == '%' {
            flush(&mut word, &mut words);
            words.push("percent".to_string());
        } else if c.is_whitespace() {
            flush(&mut word, &mut words);
        }
        // Other punctuation (dots of initials, hyphens, apostrophes) is dropped and does
        // not end the word, so "U.S." and "ex-Soviet" normalise like "US" and "exSoviet".
    }
    flush(&mut word, &mut words);
    words
}

/// `words` with every two-word name of [`ABBREVIATED_NAMES`] replaced by its
/// abbreviation.
fn abbreviate_names(mut words: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let name = words.get(i + 1).and_then(|next| {
            ABBREVIATED_NAMES
                .iter()
                .find(|(first, second, _)| *first == words[i] && second == next)
        });
        match name {
            Some((_, _, abbreviation)) => {
                out.push((*abbreviation).to_string());
                i += 2;
            }
            None => {
                out.push(std::mem::take(&mut words[i]));
                i += 1;
            }
        }
    }
    out
}

/// A lowercase word in its US spelling: a whole word of [`UK_US_WORDS`], or the first
/// ending of [`UK_US_SUFFIXES`] that fits.
fn normalize_word(w: String) -> String {
    if let Some((_, us)) = UK_US_WORDS.iter().find(|(uk, _)| *uk == w) {
        return (*us).to_string();
    }
    for (uk, us, min_stem) in UK_US_SUFFIXES {
        if let Some(stem) = w.strip_suffix(uk)
            && stem.chars().count() >= *min_stem
        {
            return format!("{stem}{us}");
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_key_normalises() {
        assert_eq!(spelling_key("U.S."), "us");
        assert_eq!(spelling_key("ex-Soviet"), "exsoviet");
        assert_eq!(spelling_key("travelled"), spelling_key("traveled"));
        assert_ne!(spelling_key("four"), spelling_key("for"));
        assert_ne!(spelling_key("three"), spelling_key("3"));
    }

    proptest::proptest! {
        /// The one-word path gives the key the list of words gives.
        #[test]
        fn a_word_is_keyed_as_its_list_of_words(
            text in "(U\\.S\\.|ex-|colour|travelled|centre|ÉTÉ|Straße|l'|[a-zA-Z0-9.'’\\-]{0,6}|[ %]){0,4}",
        ) {
            proptest::prop_assert_eq!(spelling_key(&text), spelling_words(&text).concat());
        }
    }
}
