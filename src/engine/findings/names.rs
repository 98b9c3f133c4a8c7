//! Names by evidence: a capitalised word is a name only when the version's own text says
//! its capitals are informative, and a name finding needs a name on one side of a link
//! that the other side's sentences lack.
//!
//! Evidence is measured per version, on its story sentences that are not in title case
//! (a headline whose words are mostly capitalised tells nothing): which words it writes
//! in lower case anywhere, which it capitalises in mid-sentence, and how often it
//! capitalises a mid-sentence word at all. In English a few words in ten are capitalised
//! mid-sentence; in German every noun is, so there a capitalised word after an article or
//! with a noun ending is a noun, not a name. Never a name: a word the version also writes
//! in lower case, a weekday or month, a word capitalised only because it starts a sentence
//! or a quotation (unless the version capitalises it mid-sentence too), and a word of a
//! name that survives in part ("ex-Soviet" -> "the former Soviet Union").

use std::cell::OnceCell;

use rustc_hash::FxHashSet as HashSet;

use crate::engine::model::{Edit, Piece, Version};
use crate::engine::text::{TokenKind, tokenize, words};

use super::keys::word_key;
use super::lists::{DATE_WORDS, DETERMINERS, NOUN_ENDINGS};
use super::pair::Pair;

/// A version whose mid-sentence words are capitalised at most this often writes capitals
/// for names; above it, capitals also mark nouns. Measured on the English copy in
/// `../shared` (seeds and stories) and the repository's texts: 0.03 to 0.24 (the highest
/// in name-dense summit reports); German: 0.36 and 0.39.
const CAPS_RATE_MAX: f64 = 0.3;

/// A sentence of at least [`TITLE_MIN_WORDS`] words of which more than this share is
/// capitalised is in title case (a headline), whose capitals say nothing. In a text that
/// capitalises its nouns, half the words of a plain sentence may be capitalised
/// ("Nach zwei Jahren Umbau öffnet die Stadtbibliothek ..."): there only a sentence with
/// more than [`TITLE_CASE_SHARE_NOUNS`] is in title case.
const TITLE_CASE_SHARE: f64 = 0.5;
const TITLE_CASE_SHARE_NOUNS: f64 = 0.75;
const TITLE_MIN_WORDS: usize = 3;

/// An edit with more words than this on a side is a reworded phrase, not a swapped name.
const NAME_EDIT_WORDS: usize = 3;

/// What one version's text says about its capitals.
#[derive(Debug, Default)]
pub(super) struct Evidence {
    /// Words the version writes in lower case somewhere (keys).
    lower: HashSet<String>,
    /// Words it capitalises in mid-sentence (keys).
    mid_caps: HashSet<String>,
    /// Its capitals mark names (not also nouns).
    informative: bool,
    /// The share of capitalised words above which one of its sentences is in title case.
    title_share: f64,
    /// The name keys of every capitalised word of its story text, headlines included:
    /// the names the version mentions anywhere.
    capitalised: HashSet<String>,
}

/// One word of a text with where it stands.
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    /// It begins a sentence, a quotation or a clause after a colon.
    at_start: bool,
    /// The word before it (in the same text), if any.
    prev: Option<&'a str>,
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The words of `text` with their positions and whether each starts a sentence.
fn located_words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut at_start = true;
    let mut prev = None;
    for t in tokenize(text) {
        let core = t.core(text);
        match t.kind {
            TokenKind::Punct => {
                if core.ends_with([
                    '.', '!', '?', '…', ':', '"', '“', '„', '«', '»', '‘', '‹', '「',
                ]) || core == "'"
                {
                    at_start = true;
                }
            }
            TokenKind::Word | TokenKind::Number => {
                out.push(Word {
                    text: core,
                    start: t.start,
                    end: t.core_end,
                    at_start,
                    prev,
                });
                at_start = false;
                prev = Some(core);
            }
        }
    }
    out
}

/// A text in title case: more than `share` of its words are capitalised.
fn title_case(text: &str, share: f64) -> bool {
    Capitals::of(&words(text)).title_case(share)
}

/// How many words of a text have a letter, and how many of those are capitalised.
#[derive(Clone, Copy)]
struct Capitals {
    letters: usize,
    caps: usize,
}

impl Capitals {
    fn of<'a>(words: impl IntoIterator<Item = &'a &'a str>) -> Capitals {
        let (mut letters, mut caps) = (0, 0);
        for w in words {
            if w.chars().any(char::is_alphabetic) {
                letters += 1;
                caps += usize::from(capitalised(w));
            }
        }
        Capitals { letters, caps }
    }

    /// More than `share` of the words are capitalised (and there are enough of them).
    fn title_case(self, share: f64) -> bool {
        self.letters >= TITLE_MIN_WORDS && self.caps as f64 > share * self.letters as f64
    }
}

/// Mid-sentence words and how many of them are capitalised, among `words`.
fn mid_capitals(words: &[Word]) -> (usize, usize) {
    let (mut mid, mut caps) = (0, 0);
    for w in words {
        if !w.at_start && w.text.chars().next().is_some_and(char::is_alphabetic) {
            mid += 1;
            caps += usize::from(capitalised(w.text));
        }
    }
    (mid, caps)
}

/// The words a version writes in lower case and those it capitalises mid-sentence, each
/// distinct spelling keyed once (a long story repeats its words many times).
#[derive(Default)]
struct Spellings<'a> {
    lower: HashSet<String>,
    mid_caps: HashSet<String>,
    seen_lower: HashSet<&'a str>,
    seen_mid: HashSet<&'a str>,
}

impl<'a> Spellings<'a> {
    fn add(&mut self, words: &[Word<'a>]) {
        for w in words {
            if !w.text.chars().next().is_some_and(char::is_alphabetic) {
                continue;
            }
            if !capitalised(w.text) {
                if self.seen_lower.insert(w.text) {
                    self.lower.insert(word_key(w.text));
                }
            } else if !w.at_start && self.seen_mid.insert(w.text) {
                self.mid_caps.insert(word_key(w.text));
            }
        }
    }
}

impl Evidence {
    /// The evidence of `v`'s story sentences.
    ///
    /// One pass over the words: whether a sentence counts as a headline depends on the
    /// whole version's capital rate, so the words of sentences in title case by the
    /// lower share but not the higher ([`TITLE_CASE_SHARE`], [`TITLE_CASE_SHARE_NOUNS`])
    /// are kept apart and counted only when capitals also mark nouns.
    pub(super) fn of(v: &Version) -> Evidence {
        // How often mid-sentence words are capitalised, outside what is surely a headline.
        let (mut mid, mut caps) = (0usize, 0usize);
        let (mut plain, mut between) = (Spellings::default(), Spellings::default());
        let (mut mentioned, mut seen_caps) = (HashSet::default(), HashSet::default());
        for s in v.sentences.iter().filter(|s| s.is_body()) {
            let ws = located_words(&s.text);
            for w in ws.iter().filter(|w| capitalised(w.text)) {
                if seen_caps.insert(w.text) {
                    mentioned.insert(name_key(w.text));
                }
            }
            let capitals = Capitals::of(ws.iter().map(|w| &w.text));
            if capitals.title_case(TITLE_CASE_SHARE_NOUNS) {
                continue;
            }
            let (m, c) = mid_capitals(&ws);
            mid += m;
            caps += c;
            if capitals.title_case(TITLE_CASE_SHARE) {
                between.add(&ws);
            } else {
                plain.add(&ws);
            }
        }
        let informative = mid > 0 && caps as f64 <= CAPS_RATE_MAX * mid as f64;
        if !informative {
            plain.lower.extend(between.lower);
            plain.mid_caps.extend(between.mid_caps);
        }
        Evidence {
            lower: plain.lower,
            mid_caps: plain.mid_caps,
            informative,
            title_share: if informative {
                TITLE_CASE_SHARE
            } else {
                TITLE_CASE_SHARE_NOUNS
            },
            capitalised: mentioned,
        }
    }

    /// Whether the version mentions a capitalised word of `run` ("Pavel Orrin": "Orrin")
    /// anywhere in its story text.
    fn mentions(&self, run: &str) -> bool {
        words(run)
            .into_iter()
            .any(|w| capitalised(w) && self.capitalised.contains(&name_key(w)))
    }

    /// Whether `w` is a name by this version's evidence.
    fn is_name(&self, w: &Word) -> bool {
        if !capitalised(w.text) || w.text.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            return false;
        }
        let key = word_key(w.text);
        if DATE_WORDS.contains(&key.as_str()) || self.lower.contains(&key) {
            return false;
        }
        if w.at_start && !self.mid_caps.contains(&key) {
            return false;
        }
        if self.informative
            || w.text
                .chars()
                .all(|c| !c.is_alphabetic() || c.is_uppercase())
        {
            return true;
        }
        // Capitals mark nouns too: an article before it or a noun ending says noun.
        let after_article = w
            .prev
            .is_some_and(|p| DETERMINERS.contains(&p.to_lowercase().as_str()));
        !after_article && !NOUN_ENDINGS.iter().any(|e| key.ends_with(e))
    }
}

/// A dateline left in a sentence ("LONDON (Wire Service) -", "OSLO —"): a place in
/// capitals or a credit in brackets, then a dash. Its place is no name of the story.
fn dateline_like(text: &str) -> bool {
    let t = text.trim();
    let Some(head) = t.strip_suffix(['-', '—', '–']) else {
        return false;
    };
    let caps_word = words(head).iter().any(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    });
    head.trim_end().ends_with(')') || caps_word
}

/// Byte range of edit `k`'s pieces in the side they rebuild (`None` if it has none there).
fn edit_range(pieces: &[Piece], k: usize) -> Option<(usize, usize)> {
    let mut at = 0;
    let mut range: Option<(usize, usize)> = None;
    for p in pieces {
        let end = at + p.text.len();
        if p.edit == Some(k) {
            range = Some(range.map_or((at, end), |(s, _)| (s, end)));
        }
        at = end;
    }
    range
}

/// A name's key: possessive dropped ("Russia's" is "Russia").
fn name_key(w: &str) -> String {
    let k = word_key(w);
    k.strip_suffix("'s").map(str::to_string).unwrap_or(k)
}

/// The name keys of one side's text, collected on first need: most edits hold no
/// capitalised word, and then the other side's names are never asked for.
struct NameKeys<'a> {
    text: &'a str,
    keys: OnceCell<HashSet<String>>,
}

impl<'a> NameKeys<'a> {
    fn of(text: &'a str) -> NameKeys<'a> {
        NameKeys {
            text,
            keys: OnceCell::new(),
        }
    }

    /// Whether the text holds a word with the name key of `w`.
    fn contains(&self, w: &str) -> bool {
        self.keys
            .get_or_init(|| words(self.text).into_iter().map(name_key).collect())
            .contains(&name_key(w))
    }
}

/// Whether the text of edit `k` in `text` (rebuilt by `pieces`) has a capital letter: a
/// word without one is no name.
fn edit_has_capital(text: &str, pieces: &[Piece], k: usize) -> bool {
    edit_range(pieces, k).is_some_and(|(s, e)| {
        text.get(s..e)
            .is_none_or(|t| t.chars().any(char::is_uppercase))
    })
}

/// The names of one side inside edit `k`, split into those whose capitalised run lies
/// wholly outside `others` (the other side's name keys: the run as written, "Pavel
/// Orrin") and those with a run-mate there (the word alone).
fn side_names(
    text: &str,
    pieces: &[Piece],
    k: usize,
    ev: &Evidence,
    others: &NameKeys,
) -> (Vec<String>, Vec<String>) {
    let (mut strong, mut weak): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    let Some((s, e)) = edit_range(pieces, k) else {
        return (strong, weak);
    };
    if title_case(text, ev.title_share) {
        return (strong, weak);
    }
    let ws = located_words(text);
    for (i, w) in ws.iter().enumerate() {
        if w.start < s || w.end > e || !ev.is_name(w) || others.contains(w.text) {
            continue;
        }
        // The capitalised run the word stands in ("Soviet Union", "Pavel Orrin").
        let adjacent = |j: usize| {
            ws[j].start <= ws[j + 1].start && text[ws[j].end..ws[j + 1].start].trim().is_empty()
        };
        let (mut a, mut b) = (i, i);
        while a > 0 && capitalised(ws[a - 1].text) && adjacent(a - 1) {
            a -= 1;
        }
        while b + 1 < ws.len() && capitalised(ws[b + 1].text) && adjacent(b) {
            b += 1;
        }
        let survives = (a..=b).any(|j| j != i && others.contains(ws[j].text));
        let (list, name) = if survives {
            (&mut weak, w.text.to_string())
        } else {
            (&mut strong, text[ws[a].start..ws[b].end].to_string())
        };
        if !list.contains(&name) {
            list.push(name);
        }
    }
    (strong, weak)
}

/// The names edit `k` of `pair` drops and adds (each side's names joined by ", ", one
/// side empty when a name is only dropped or only added), if it swaps, drops or adds
/// one; `evidence` (both versions') is asked for only when the edit has a capitalised
/// word.
pub(super) fn changed<'e>(
    pair: &Pair,
    k: usize,
    edit: &Edit,
    evidence: impl FnOnce() -> &'e (Evidence, Evidence),
) -> Option<(String, String)> {
    if words(&edit.base).len() > NAME_EDIT_WORDS || words(&edit.other).len() > NAME_EDIT_WORDS {
        return None;
    }
    if dateline_like(&edit.base) || dateline_like(&edit.other) {
        return None;
    }
    let diff = &pair.link.diff;
    if !edit_has_capital(&pair.base, &diff.base, k)
        && !edit_has_capital(&pair.other, &diff.other, k)
    {
        return None;
    }
    let evidence = evidence();
    // A headline in title case against one in sentence case: capitals cannot be compared.
    if title_case(&pair.base, evidence.0.title_share)
        || title_case(&pair.other, evidence.1.title_share)
    {
        return None;
    }
    let (base_keys, other_keys) = (NameKeys::of(&pair.base), NameKeys::of(&pair.other));
    let (gone, gone_weak) = side_names(&pair.base, &diff.base, k, &evidence.0, &other_keys);
    let (new, new_weak) = side_names(&pair.other, &diff.other, k, &evidence.1, &base_keys);
    let joined = |names: Vec<String>| names.join(", ");
    if !gone.is_empty() && !new.is_empty() {
        return Some((joined(gone), joined(new)));
    }
    // A name only dropped or only added tells something when the other version never
    // names it; a name both stories keep is only referred to otherwise here ("Vestmark's"
    // -> "the country's", "north of Kestra" in a story about Kestra).
    let gone: Vec<String> = gone
        .into_iter()
        .filter(|n| !evidence.1.mentions(n))
        .collect();
    let new: Vec<String> = new
        .into_iter()
        .filter(|n| !evidence.0.mentions(n))
        .collect();
    if !gone.is_empty() || !new.is_empty() {
        Some((joined(gone), joined(new)))
    } else if !gone_weak.is_empty() && !new_weak.is_empty() {
        Some((joined(gone_weak), joined(new_weak)))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::{Sentence, SentenceKind};

    fn version(sentences: &[&str]) -> Version {
        Version {
            name: "v".into(),
            label: "v".into(),
            text: std::sync::Arc::from(""),
            sentences: sentences
                .iter()
                .map(|t| Sentence {
                    text: t.to_string().into(),
                    start: 0,
                    end: 0,
                    kind: SentenceKind::Body,
                    paragraph: 0,
                })
                .collect(),
        }
    }

    fn name_in(ev: &Evidence, text: &str, word: &str) -> bool {
        located_words(text)
            .iter()
            .any(|w| w.text == word && ev.is_name(w))
    }

    #[test]
    fn english_capitals_are_names_unless_lower_case_elsewhere() {
        let t = "The mayor of Wellport, Anna Lind, said the union would meet on Friday.";
        let v = version(&[
            t,
            "Lind said the Union Hall was closed.",
            "It is a union matter that the workers had raised with the council last year.",
        ]);
        let ev = Evidence::of(&v);
        assert!(ev.informative);
        assert!(name_in(&ev, t, "Lind"));
        assert!(name_in(&ev, t, "Wellport"));
        assert!(!name_in(&ev, t, "Friday"), "a weekday is a date");
        assert!(
            !name_in(&ev, "Union Hall is shut.", "Union"),
            "written lower case elsewhere"
        );
        assert!(
            !name_in(&ev, t, "The"),
            "only capitalised as the first word"
        );
        // First in the sentence, but capitalised mid-sentence elsewhere.
        assert!(name_in(&ev, "Lind said so.", "Lind"));
    }

    #[test]
    fn german_nouns_are_not_names() {
        let t = "Die Polizei hat das Gebäude am Montag geräumt, sagte Sprecherin Vogt.";
        let v = version(&[
            t,
            "Nach Angaben der Stadt soll die Sanierung im Herbst beginnen.",
            "Die Bürger können die Bibliothek ab Mai wieder nutzen.",
        ]);
        let ev = Evidence::of(&v);
        assert!(!ev.informative, "German capitalises its nouns");
        assert!(!name_in(&ev, t, "Gebäude"), "after an article");
        assert!(!name_in(&ev, t, "Montag"));
        assert!(!name_in(&ev, "Die Sanierung dauert.", "Sanierung"));
        assert!(name_in(&ev, t, "Vogt"));
    }

    #[test]
    fn french_capitals_are_names() {
        let t = "Le maire de Lyon, Marc Girard, a annoncé la fermeture du pont lundi.";
        let ev = Evidence::of(&version(&[t, "La ville a fermé le pont pour des travaux."]));
        assert!(ev.informative);
        assert!(name_in(&ev, t, "Girard"));
        assert!(!name_in(&ev, t, "lundi"));
    }

    #[test]
    fn a_dateline_is_no_name() {
        assert!(dateline_like("LONDON (Wire Service) -"));
        assert!(dateline_like("OSLO —"));
        assert!(!dateline_like("Anna Lind"));
    }

    #[test]
    fn headlines_in_title_case_tell_nothing() {
        assert!(title_case(
            "Island Ferry Back In Service After Storm",
            TITLE_CASE_SHARE
        ));
        assert!(!title_case(
            "Island ferry back in service after storm",
            TITLE_CASE_SHARE
        ));
        let german = "Nach zwei Jahren Umbau öffnet die Stadtbibliothek Wellheim wieder";
        assert!(!title_case(german, TITLE_CASE_SHARE_NOUNS));
        let v = version(&["Island Ferry Back In Service", "The ferry sailed at noon."]);
        assert!(Evidence::of(&v).mid_caps.is_empty());
    }
}
