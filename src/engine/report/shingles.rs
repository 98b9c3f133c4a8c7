//! The measure of shared text between whole versions: the word 3-gram shingles of a
//! version's story text (neither page furniture nor the dateline), as sorted hashes.
//! Words are runs of letters and digits, lower-cased, with periods inside abbreviations
//! dropped ("U.S." is "us", as "US" is); a text of fewer than three words gives its words.

use rustc_hash::FxHasher;
use std::hash::Hasher;

use crate::engine::model::Version;
use crate::engine::parallel;

/// Words in a shingle.
const SHINGLE_WORDS: usize = 3;

/// The distinct shingles of a version's story text, as sorted hashes.
pub(crate) fn of(version: &Version) -> Vec<u64> {
    let mut words: Vec<u64> = Vec::new();
    for sentence in version.sentences.iter().filter(|s| s.is_body()) {
        word_hashes(&sentence.text, &mut words);
    }
    let mut shingles: Vec<u64> = if words.len() < SHINGLE_WORDS {
        words
    } else {
        words
            .windows(SHINGLE_WORDS)
            .map(|window| {
                let mut hasher = FxHasher::default();
                for &word in window {
                    hasher.write_u64(word);
                }
                hasher.finish()
            })
            .collect()
    };
    shingles.sort_unstable();
    shingles.dedup();
    shingles
}

/// The shingles of every version ([`of`]), spread over the cores when the text is large.
pub(crate) fn of_all(versions: &[Version]) -> Vec<Vec<u64>> {
    let size: usize = versions.iter().map(|v| v.text.len()).sum();
    parallel::map(size >= parallel::SMALL_TEXT, versions, of)
}

/// Append the hashes of the words of `text` to `out`. ASCII is read byte by byte; other
/// characters are decoded one at a time.
fn word_hashes(text: &str, out: &mut Vec<u64>) {
    let bytes = text.as_bytes();
    let mut word: Vec<u8> = Vec::new();
    let flush = |word: &mut Vec<u8>, out: &mut Vec<u64>| {
        if !word.is_empty() {
            let mut hasher = FxHasher::default();
            hasher.write(word);
            out.push(hasher.finish());
            word.clear();
        }
    };
    let alphanumeric_at = |i: usize| match bytes.get(i) {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[i..].chars().next().is_some_and(char::is_alphanumeric),
        None => false,
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                word.push(b.to_ascii_lowercase());
            } else if b == b'.' && !word.is_empty() && alphanumeric_at(i + 1) {
                // Inside an abbreviation ("U.S"): the word goes on.
            } else {
                flush(&mut word, out);
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if c.is_alphanumeric() {
            let mut buf = [0u8; 4];
            for lower in c.to_lowercase() {
                word.extend_from_slice(lower.encode_utf8(&mut buf).as_bytes());
            }
        } else {
            flush(&mut word, out);
        }
        i += c.len_utf8();
    }
    flush(&mut word, out);
}

/// Sentences of page furniture in a version (what the choice of the likely original
/// weighs when the story texts tie).
pub(crate) fn furniture(version: &Version) -> usize {
    version.sentences.iter().filter(|s| s.boilerplate()).count()
}

/// Number of shingles two sorted sets share.
pub(crate) fn shared(first: &[u64], second: &[u64]) -> usize {
    let (mut i, mut j, mut count) = (0, 0, 0);
    while i < first.len() && j < second.len() {
        match first[i].cmp(&second[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                count += 1;
                i += 1;
                j += 1;
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::{Sentence, SentenceKind};

    fn version(sentences: &[(&str, SentenceKind)]) -> Version {
        Version {
            name: "v".into(),
            label: "v".into(),
            text: std::sync::Arc::from(""),
            sentences: sentences
                .iter()
                .map(|&(text, kind)| Sentence {
                    text: text.into(),
                    start: 0,
                    end: 0,
                    kind,
                    paragraph: 0,
                })
                .collect(),
        }
    }

    /// What `word_hashes` computes, char by char: for tests.
    fn word_hashes_by_char(text: &str) -> Vec<u64> {
        let (mut out, mut word) = (Vec::new(), String::new());
        let mut chars = text.chars().peekable();
        let flush = |word: &mut String, out: &mut Vec<u64>| {
            if !word.is_empty() {
                let mut hasher = FxHasher::default();
                hasher.write(word.as_bytes());
                out.push(hasher.finish());
                word.clear();
            }
        };
        while let Some(c) = chars.next() {
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            } else if c == '.'
                && !word.is_empty()
                && chars.peek().is_some_and(|n| n.is_alphanumeric())
            {
            } else {
                flush(&mut word, &mut out);
            }
        }
        flush(&mut word, &mut out);
        out
    }

    proptest::proptest! {
        #[test]
        fn bytes_and_chars_give_the_same_words(text in "[a-zA-Z0-9 .,İÄéß.\\-日本語’]{0,40}") {
            let mut fast = Vec::new();
            word_hashes(&text, &mut fast);
            proptest::prop_assert_eq!(fast, word_hashes_by_char(&text));
        }
    }

    #[test]
    fn abbreviations_case_and_punctuation_do_not_matter() {
        let dotted = of(&version(&[(
            "Talks with the U.S. begin.",
            SentenceKind::Body,
        )]));
        let plain = of(&version(&[("talks with the US begin", SentenceKind::Body)]));
        assert_eq!(dotted, plain);
        assert_eq!(dotted.len(), 3);
    }

    #[test]
    fn only_story_text_counts() {
        let story = version(&[("The ferry left at noon.", SentenceKind::Body)]);
        let wrapped = version(&[
            ("PARIS (AFP) -", SentenceKind::Dateline),
            ("The ferry left at noon.", SentenceKind::Body),
            ("Share this article", SentenceKind::Boilerplate),
        ]);
        assert_eq!(of(&story), of(&wrapped));
        let short = version(&[("Ferry left", SentenceKind::Body)]);
        assert_eq!(of(&short).len(), 2);
        assert_eq!(shared(&of(&story), &of(&wrapped)), 3);
        assert_eq!(shared(&of(&story), &of(&short)), 0);
    }
}
