//! Datelines: the place, date and agency credit that open a wire story ("NEW YORK (AP) —",
//! "KESTRA, March 4 (Meridian Press) -", "PARIS, 3 mars (Reuters) -", "BERLIN (dpa) -",
//! "MADRID (EFE).-", "Moscow, (UrduPoint / Pakistan Point News - 23rd Dec, 2021 ) :").
//! The first one of a version is split off its sentence as a sentence of its own, so that a
//! copy that drops or restyles it still has an identical first sentence.
//!
//! The shape, in any language written with spaces: a place of a few capitalised words
//! (in capitals or title case; caseless scripts only with a credit), then optionally
//! comma-separated qualifiers (a region in title case, or a date: a group holding a digit),
//! then optionally a credit in parentheses, then a dash (or, after a credit, a colon), then
//! either nothing or a sentence that starts with a capital, digit or quotation mark and ends
//! like a sentence. Without a credit the place must not start with a typical sentence
//! starter ("In New York — ...", "Der ..."), and a place in title case without credit or
//! qualifier needs a long dash ("New York — ..."), so ordinary prose is never split:
//! "NEW YORK — Dockers walked out." splits, "In New York, dockers walked out." does not.
//! Only the first dateline of a version is split: a story has one.

use std::sync::Arc;

use super::display::{display_text, is_space};
use super::lines::trim_span;
use super::words::is_starter;
use crate::engine::model::{Sentence, SentenceKind};

/// Most capitalised words of a place ("SALT LAKE CITY", "Rio de Janeiro"): a longer run of
/// capitalised words is a headline or a name list, not a place.
const PLACE_MAX_WORDS: usize = 4;

/// Most words of the qualifiers after the place ("Bosnia-Herzegovina", "March 4",
/// "5 de marzo", "N.Y., Dec. 22"): more is a clause of a sentence.
const QUALIFIER_MAX_WORDS: usize = 6;

/// Most bytes inside the credit's parentheses ("(UrduPoint / Pakistan Point News - 23rd
/// Dec, 2021 )" has 46): a longer parenthesis is an aside of the sentence.
const CREDIT_MAX_BYTES: usize = 64;

/// Lower-case words that may join the words of a place ("Rio de Janeiro", "Frankfurt am
/// Main", "Halle an der Saale", "Newcastle upon Tyne").
const PLACE_CONNECTORS: &[&str] = &[
    "am", "an", "and", "aan", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du",
    "e", "el", "en", "im", "la", "las", "le", "les", "los", "of", "op", "sur", "upon", "van",
    "von", "y",
];

/// Capitalised words that open captions and slugs in the dateline's shape ("FILE - A
/// ferry ...", "UPDATE — ..."), compared ignoring case: never a place.
pub(super) const NOT_PLACES: &[&str] = &[
    "advisory",
    "analysis",
    "breaking",
    "correction",
    "editorial",
    "exclusive",
    "file",
    "flash",
    "opinion",
    "photo",
    "photos",
    "update",
    "updated",
    "urgent",
    "video",
    "watch",
];

/// Words that open sentences in other languages than English (articles, pronouns,
/// prepositions; English ones are the segmenter's sentence starters), as written in title
/// case: a place without a credit never starts with one ("Der Polizei - Agent ...", "En
/// Nueva York — ..."). Places that do ("Los Angeles", "Le Havre") are datelines with a
/// credit or in capitals.
const OTHER_STARTERS: &[&str] = &[
    "A", "Al", "Als", "Am", "Auf", "Au", "Aux", "Bei", "Con", "Dans", "Das", "Dem", "Den", "Der",
    "Des", "Die", "Ein", "Eine", "El", "Elle", "En", "Er", "Es", "Gli", "Il", "Ils", "Im", "In",
    "Je", "La", "Las", "Le", "Les", "Lo", "Los", "Mit", "Na", "Nach", "Nel", "Nella", "No", "Nous",
    "O", "Os", "Para", "Por", "Sie", "Um", "Un", "Una", "Une", "Wir",
];

/// Dashes that end a dateline, longest first ("--" before "-"; Spanish "(EFE).-").
const DASHES: &[&str] = &[".-", ".—", "--", "—", "–", "―", "-"];

/// The dashes of English datelines, which prose rarely sets after a capitalised word.
const LONG_DASHES: &[&str] = &[".—", "--", "—", "―"];

/// Split the first dateline of a version off the sentence that opens its paragraph (or
/// mark a sentence that is nothing but a dateline). `sentences` are those of `text`, in
/// order; spans keep rebuilding the input with whitespace gaps.
pub(super) fn split_first(text: &Arc<str>, sentences: &mut Vec<Sentence>) {
    let found = (0..sentences.len()).find_map(|i| {
        let opens_paragraph = i == 0 || sentences[i - 1].paragraph != sentences[i].paragraph;
        let sentence = &sentences[i];
        opens_paragraph
            .then(|| dateline_len(&text[sentence.start..sentence.end]))
            .flatten()
            .map(|len| (i, len))
    });
    let Some((i, len)) = found else {
        return;
    };
    let sentence = &mut sentences[i];
    let rest = trim_span(text, sentence.start + len, sentence.end);
    sentence.kind = SentenceKind::Dateline;
    let Some((rest_start, rest_end)) = rest else {
        return;
    };
    let body = Sentence {
        text: display_text(text, rest_start, rest_end),
        start: rest_start,
        end: rest_end,
        kind: SentenceKind::Body,
        paragraph: sentence.paragraph,
    };
    sentence.end = sentence.start + len;
    sentence.text = display_text(text, sentence.start, sentence.end);
    sentences.insert(i + 1, body);
}

/// Byte length of the dateline that opens `raw` (a sentence as written, trimmed), if it
/// opens with one: the whole of `raw` when it is nothing but a dateline.
pub(super) fn dateline_len(raw: &str) -> Option<usize> {
    let mut cursor = Cursor { raw, pos: 0 };
    let place = cursor.place()?;
    if place.comma {
        cursor.qualifiers()?;
    }
    let credit = cursor.credit()?;
    // A colon after a title-case word and a parenthesis is a label ("Palm Bay (NR):"),
    // not a dateline; after capitals or a comma it is ("LONDON (Reuters):").
    let colon_allowed = credit && (place.capitals || place.comma);
    let (end, dash) = cursor.separator(colon_allowed)?;
    let rest = raw[end..].trim_start_matches(is_space);
    if !rest.is_empty() && !opens_sentence(rest) {
        return None;
    }
    let first = place.first.trim_end_matches([',', '.']).to_lowercase();
    if NOT_PLACES.contains(&first.as_str()) {
        return None;
    }
    let opens_prose = is_starter(place.first) || OTHER_STARTERS.contains(&place.first);
    if !credit && (!place.cased || opens_prose) {
        return None;
    }
    // Capitalised words and a short dash are as often a German noun phrase ("Nachdem der
    // Polizei - Agent ...", "Trotz Protesten – Regierung ..."): a place in title case with
    // neither credit nor qualifier needs the dateline's long dash ("New York — ...").
    let bare_title_case = !credit && !place.capitals && !place.comma;
    if bare_title_case && !LONG_DASHES.contains(&dash) {
        return None;
    }
    Some(end)
}

/// The place that opens a dateline.
struct Place<'t> {
    /// Its first word as written.
    first: &'t str,
    /// Its words have letter case (capitals or title case), rather than a caseless script.
    cased: bool,
    /// Its words are in capitals ("NEW YORK"), not title case.
    capitals: bool,
    /// It ends with a comma: qualifiers follow.
    comma: bool,
}

/// A position in the raw sentence being read.
struct Cursor<'t> {
    raw: &'t str,
    pos: usize,
}

impl<'t> Cursor<'t> {
    /// Skip spaces; the next word (up to a space) without moving past it.
    fn peek_word(&mut self) -> &'t str {
        let rest = &self.raw[self.pos..];
        let skipped = rest.len() - rest.trim_start_matches(is_space).len();
        self.pos += skipped;
        let rest = &self.raw[self.pos..];
        let len = rest.find(is_space).unwrap_or(rest.len());
        &rest[..len]
    }

    /// The place: capitalised words (and connectors inside), up to a comma, a credit or a
    /// dash.
    fn place(&mut self) -> Option<Place<'t>> {
        let first = self.peek_word();
        let mut place = Place {
            first,
            cased: true,
            capitals: true,
            comma: false,
        };
        let mut words = 0;
        loop {
            let word = self.peek_word();
            if word.is_empty() || word.starts_with('(') || is_dash(word) {
                break;
            }
            let bare = word.trim_end_matches([',', '.', '-', '—', '–']);
            match place_word(bare) {
                Some(PlaceWord::Capitalised) => {
                    words += 1;
                    place.capitals &= !bare.chars().any(char::is_lowercase);
                }
                Some(PlaceWord::Caseless) => {
                    words += 1;
                    place.cased = false;
                }
                Some(PlaceWord::Connector) if words > 0 => {}
                _ => return None,
            }
            if words > PLACE_MAX_WORDS {
                return None;
            }
            if let Some(before_comma) = word.strip_suffix(',') {
                self.pos += before_comma.len() + 1;
                place.comma = true;
                break;
            }
            // A dash glued to the place ends it ("MADRID.-", "OSLO-"); a final period
            // is part of it ("D.C.").
            if word[bare.len()..].trim_start_matches('.').is_empty() {
                self.pos += word.len();
            } else {
                self.pos += bare.len();
                break;
            }
        }
        (words > 0).then_some(place)
    }

    /// Comma-separated qualifiers after the place: each a region in capitalised words or a
    /// date (a group holding a digit), up to a credit or a dash.
    fn qualifiers(&mut self) -> Option<()> {
        let mut words = 0;
        let mut group_has_digit = false;
        let mut group_capitalised = true;
        loop {
            let word = self.peek_word();
            if word.is_empty() || word.starts_with('(') || is_dash(word) {
                break;
            }
            words += 1;
            if words > QUALIFIER_MAX_WORDS {
                return None;
            }
            let bare = word.trim_end_matches([',', '.']);
            group_has_digit |= bare.chars().any(|c| c.is_ascii_digit());
            group_capitalised &= matches!(
                place_word(bare),
                Some(PlaceWord::Capitalised | PlaceWord::Connector)
            );
            self.pos += word.len();
            if word.ends_with(',') {
                if !(group_has_digit || group_capitalised) {
                    return None;
                }
                group_has_digit = false;
                group_capitalised = true;
            }
        }
        (group_has_digit || group_capitalised).then_some(())
    }

    /// A credit in parentheses ("(AP)", "(Meridian Press)"): whether there was one, or
    /// `None` when a parenthesis opens but is not a credit.
    fn credit(&mut self) -> Option<bool> {
        let word = self.peek_word();
        if !word.starts_with('(') {
            return Some(false);
        }
        let inner_start = self.pos + 1;
        let close = self.raw[inner_start..].find(')')?;
        let inner = &self.raw[inner_start..inner_start + close];
        if close > CREDIT_MAX_BYTES
            || inner.contains('(')
            || !inner.chars().any(char::is_alphabetic)
        {
            return None;
        }
        self.pos = inner_start + close + 1;
        Some(true)
    }

    /// The dash (or, when `colon` allows it, a colon) that ends the dateline: where it
    /// ends, and the mark.
    fn separator(&mut self, colon: bool) -> Option<(usize, &'static str)> {
        let rest = &self.raw[self.pos..];
        let rest = rest.trim_start_matches(is_space);
        let at = self.raw.len() - rest.len();
        if let Some(dash) = DASHES.iter().find(|dash| rest.starts_with(**dash)) {
            return Some((at + dash.len(), dash));
        }
        (colon && rest.starts_with(':')).then_some((at + 1, ":"))
    }
}

/// What a word of a place is.
enum PlaceWord {
    /// Starts with a capital letter ("NEW", "York", "Bosnia-Herzegovina", "N.Y").
    Capitalised,
    /// Letters of a script without case.
    Caseless,
    /// A lower-case connector inside a place ("de", "am").
    Connector,
}

fn place_word(word: &str) -> Option<PlaceWord> {
    let first = word.chars().next()?;
    let allowed = |c: char| c.is_alphabetic() || matches!(c, '.' | '-' | '/' | '\'' | '’');
    if !word.chars().all(allowed) {
        return None;
    }
    if first.is_uppercase() {
        Some(PlaceWord::Capitalised)
    } else if first.is_lowercase() {
        PLACE_CONNECTORS
            .contains(&word)
            .then_some(PlaceWord::Connector)
    } else if first.is_alphabetic() {
        Some(PlaceWord::Caseless)
    } else {
        None
    }
}

fn is_dash(word: &str) -> bool {
    DASHES.contains(&word)
}

/// Marks that end a sentence in the scripts datelines are written in (Latin, Cyrillic,
/// Greek, Arabic, Devanagari).
const SENTENCE_ENDS: &[char] = &['.', '!', '?', '…', '؟', '۔', '।'];

/// Whether the text after a dateline reads as the story's first sentence: it starts with
/// a capital, a digit, a caseless letter or a quotation mark, and ends like a sentence.
fn opens_sentence(rest: &str) -> bool {
    let starts = rest.chars().next().is_some_and(|c| {
        (c.is_alphanumeric() && !c.is_lowercase())
            || matches!(c, '"' | '“' | '„' | '«' | '\'' | '‘')
    });
    let ends = rest
        .trim_end_matches(['"', '\'', '”', '’', '»', ')', ']'])
        .trim_end_matches(is_space)
        .ends_with(SENTENCE_ENDS);
    starts && ends
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dateline of `sentence`, if it has one.
    fn dateline(sentence: &str) -> Option<&str> {
        dateline_len(sentence).map(|len| &sentence[..len])
    }

    #[test]
    fn english_datelines() {
        for (sentence, expected) in [
            (
                "NEW YORK (AP) — A Republican expert pushed for the question.",
                "NEW YORK (AP) —",
            ),
            ("NEW YORK — Dockers walked out on Monday.", "NEW YORK —"),
            (
                "SARAJEVO, Bosnia-Herzegovina (AP) — The court ruled on Friday.",
                "SARAJEVO, Bosnia-Herzegovina (AP) —",
            ),
            (
                "KESTRA, March 4 (Meridian Press) - Dockworkers walked off the job.",
                "KESTRA, March 4 (Meridian Press) -",
            ),
            (
                "New York — Spotify is backpedalling on its policy.",
                "New York —",
            ),
            ("NEW YORK -- Spotify is backpedaling.", "NEW YORK --"),
            (
                "ST. LOUIS (AP) — The Cardinals won on Monday.",
                "ST. LOUIS (AP) —",
            ),
            (
                "WASHINGTON, Dec. 22 (Reuters) - The Senate voted.",
                "WASHINGTON, Dec. 22 (Reuters) -",
            ),
            (
                "Moscow, (UrduPoint / Pakistan Point News - 23rd Dec, 2021 ) :Russia's minister spoke.",
                "Moscow, (UrduPoint / Pakistan Point News - 23rd Dec, 2021 ) :",
            ),
            ("THE HAGUE (AP) — Judges met on Monday.", "THE HAGUE (AP) —"),
            (
                "LONDON (Reuters): \"We will act,\" she said.",
                "LONDON (Reuters):",
            ),
            ("OSLO (HW) —", "OSLO (HW) —"),
            ("OSLO —", "OSLO —"),
        ] {
            assert_eq!(dateline(sentence), Some(expected), "{sentence}");
        }
    }

    #[test]
    fn german_french_spanish_and_other_datelines() {
        for (sentence, expected) in [
            (
                "BERLIN (dpa) - Die Bundesregierung will das Gesetz ändern.",
                "BERLIN (dpa) -",
            ),
            (
                "Frankfurt am Main (dpa/lhe) - Der Streik geht weiter.",
                "Frankfurt am Main (dpa/lhe) -",
            ),
            (
                "PARIS, 3 mars (Reuters) - Le gouvernement a annoncé un plan.",
                "PARIS, 3 mars (Reuters) -",
            ),
            (
                "Paris (AFP) - Les syndicats appellent à la grève.",
                "Paris (AFP) -",
            ),
            (
                "MADRID, 4 mar (EFE).- El Gobierno aprobó el decreto.",
                "MADRID, 4 mar (EFE).-",
            ),
            (
                "BUENOS AIRES, 5 de marzo (Reuters) - La inflación bajó.",
                "BUENOS AIRES, 5 de marzo (Reuters) -",
            ),
            ("MADRID.- El Gobierno aprobó el decreto.", "MADRID.-"),
            (
                "Rio de Janeiro (AFP) - A polícia prendeu dois suspeitos.",
                "Rio de Janeiro (AFP) -",
            ),
            (
                "МОСКВА, 22 декабря (Рейтер) - Министр заявил об этом.",
                "МОСКВА, 22 декабря (Рейтер) -",
            ),
            (
                "ΑΘΗΝΑ (ΑΠΕ) - Η κυβέρνηση ανακοίνωσε νέα μέτρα.",
                "ΑΘΗΝΑ (ΑΠΕ) -",
            ),
            (
                "القاهرة (رويترز) - قالت الحكومة إن المحادثات ستبدأ.",
                "القاهرة (رويترز) -",
            ),
            (
                "ISTANBUL, 3 Mart (AA) - Hükümet yeni bir plan açıkladı.",
                "ISTANBUL, 3 Mart (AA) -",
            ),
        ] {
            assert_eq!(dateline(sentence), Some(expected), "{sentence}");
        }
    }

    #[test]
    fn prose_is_never_split() {
        for sentence in [
            "In New York, dockers walked out on Monday.",
            "In New York — The strike began at dawn.",
            "En Nueva York, los estibadores dejaron de trabajar.",
            "In Berlin (Deutschland) - so hieß es - wurde gestreikt.",
            "Fares - which last rose in 2019 - will go up.",
            "NATO — the alliance — said it was ready.",
            "FILE - A ferry leaves the harbour in Oslo.",
            "US - China trade talks resume",
            "Sport - Weather - Travel - Jobs - Cars",
            "Letzte Änderung: Dienstag, 19. September 2017 10:31 Uhr",
            "Published March 4, 2026 at 3:42 p.m.",
            "Samuli Huuhtanen, CEO of the brewery, spoke on Monday.",
            "The mayor (a former judge) - said nothing.",
            "Palm Bay (1-0-2): Noah Jackson 1 goal.",
            "Der Polizei - Agent blieb allein im Zimmer.",
            "Nachdem der Polizei - Agent gegangen war, schlief er.",
            "Trotz Protesten – Regierung bleibt hart.",
            "Die Regierung - Die Opposition protestierte.",
            "En Nueva York — Los estibadores pararon.",
            "Astronaut (NR): Jaden Siemans 7 saves.",
            "Russia Expects Security Talks With US, NATO In January",
            "By Jane Roe, Harbour Wire",
            "(AP Photo/Kim Vik)",
            "",
        ] {
            assert_eq!(dateline(sentence), None, "{sentence}");
        }
    }
}
