//! The decisions: first what each sentence is on its own ([`Verdict`]: furniture phrases,
//! URLs, handles, bylines, lone dates and timestamps, photo credits, copyright, link
//! lists), then the context rules that extend the marking to the sentences around them.

use super::features::{Features, SHORT_MAX_WORDS};
use super::phrases::{
    BYLINE_PREFIXES, CONTAINS, COPYRIGHT_PREFIXES, DATE_SUFFIXES, DATE_WORDS, EXACT,
    FILE_PHOTO_PREFIXES, HEADING_PREFIXES, HEADINGS, IMAGE_EXTENSIONS, LINK_SEPARATORS, NEUTRAL,
    PHOTO_CREDITS, PHOTO_PREFIXES, PREFIXES, RIGHTS_RESERVED, RIGHTS_WORDS, SHARE_PREFIX,
};
use crate::engine::model::Sentence;

/// A sentence of more words is never a whole-sentence furniture phrase or heading
/// (`EXACT`, `HEADINGS`: the longest has four words), so it is not compared with them.
const BARE_MAX_WORDS: usize = 6;

/// Most words of a heading that opens with a heading prefix ("More Stories From Business
/// and Finance"): a longer sentence is a headline of the list, not its heading.
const HEADING_MAX_WORDS: usize = 6;

/// Most words of a copyright line recognised by "rights" and "reserved" alone (not
/// "all rights reserved"): in a longer sentence the two words are prose.
const RIGHTS_MAX_WORDS: usize = 15;

/// Most words of a caption line naming an image file ("Harbour view img_2041.jpg"): a
/// longer sentence only mentions a file.
const IMAGE_FILE_MAX_WORDS: usize = 10;

/// Most words of a lone dateline ("NEW YORK (AP) —"): place names are short.
const LONE_DATELINE_MAX_WORDS: usize = 6;

/// Most words of a byline ("By Jane Doe, Associated Press"): a longer sentence starting
/// with "By" is prose ("By the end of the week, ...").
const BYLINE_MAX_WORDS: usize = 8;

/// Most words of a URL or social handle standing alone ("https://x.org (archived)").
const URL_MAX_WORDS: usize = 2;

/// Lengths of a top-level domain ("uk", "com", "museum").
const TLD_CHARS: std::ops::RangeInclusive<usize> = 2..=6;

/// Least words of running text: shorter punctuated sentences may be list items ("Ends.").
const PROSE_MIN_WORDS: usize = 6;

/// Most words of a punctuated sentence that still counts as an item of a headline list.
const LIST_ITEM_MAX_WORDS: usize = 4;

/// Most sentences before a photo credit that make up its caption: a longer paragraph
/// ending in a credit is the story itself.
const CAPTION_MAX_SENTENCES: usize = 3;

/// A rule line (`___`) counts as opening the credits only among the last this many
/// sentences.
const RULE_LINE_FROM_END: usize = 5;

/// Most words of each credit sentence after a rule line: a longer one is story text.
const CREDIT_MAX_WORDS: usize = 25;

/// Most words of an item in the trailing block after the story (tags, author names).
const TRAILING_ITEM_MAX_WORDS: usize = 6;

/// Share of date tokens (numerator, denominator) that makes a short text mostly a date
/// ("Tom Berg 5 minutes ago"): at least three in four.
const MOSTLY_DATE_SHARE: (usize, usize) = (3, 4);

/// Least separators of a link list: one separator is prose ("Fares - and taxes").
const LINK_LIST_MIN_SEPARATORS: usize = 2;

/// Most words per item of a link list, on average: longer items are clauses of a
/// sentence set off by dashes.
const LINK_ITEM_MAX_AVERAGE_WORDS: f32 = 4.0;

/// What one sentence is on its own.
#[derive(Debug, Default)]
pub(super) struct Verdict {
    words: usize,
    /// Ends with `.`, `!` or `?` (possibly before closing quotes), not a truncation `..`.
    ends_sentence: bool,
    /// Contains a letter or digit.
    alnum: bool,
    /// Furniture on its own.
    furniture: bool,
    /// Mostly date words and numbers with a word or two besides ("Tom Berg 5 minutes
    /// ago"): furniture, except as the first sentence (it may be a title).
    mostly_date: bool,
    /// A section heading ("Related Topics", "Recent Stories").
    heading: bool,
    copyright: bool,
    photo_credit: bool,
    /// A rule line (`___`, `***`).
    rule: bool,
}

impl Verdict {
    pub(super) fn of(text: &str) -> Verdict {
        let features = Features::of(text);
        let bare = bare_text(&features);
        let heading = is_heading(&features, bare);
        let copyright = is_copyright(&features);
        let photo_credit = is_photo_credit(&features);
        let rule = !features.alnum;
        let dateline = if features.words <= SHORT_MAX_WORDS {
            dateline(features.lower_or_head(), features.ends_sentence)
        } else {
            Dateline::No
        };
        let furniture = heading
            || copyright
            || photo_credit
            || rule
            || is_boilerplate_alone(&features, bare, dateline);
        Verdict {
            words: features.words,
            ends_sentence: features.ends_sentence,
            alnum: features.alnum,
            furniture,
            mostly_date: dateline == Dateline::Mostly,
            heading,
            copyright,
            photo_credit,
            rule,
        }
    }

    /// Furniture on its own (whatever its context).
    pub(super) fn is_furniture(&self) -> bool {
        self.furniture
    }

    /// Running text: sentence punctuation and some length.
    pub(super) fn is_prose(&self) -> bool {
        self.ends_sentence && self.words >= PROSE_MIN_WORDS && !self.furniture
    }

    /// An item of a headline list: no sentence punctuation, or short.
    fn list_item(&self) -> bool {
        !self.ends_sentence || self.words <= LIST_ITEM_MAX_WORDS || self.furniture
    }
}

/// A short sentence lower-cased without a trailing colon, to compare with whole-sentence
/// phrases; empty for longer sentences.
fn bare_text<'f>(features: &'f Features<'_>) -> &'f str {
    if features.words <= BARE_MAX_WORDS {
        features.lower_or_head().trim_end_matches([':', ' '])
    } else {
        ""
    }
}

/// A section heading ("Related Topics", "More Stories From Business").
fn is_heading(features: &Features<'_>, bare: &str) -> bool {
    HEADINGS.contains(&bare)
        || starts_with_any(&features.head, HEADING_PREFIXES) && features.words <= HEADING_MAX_WORDS
}

/// A copyright line ("© 2024 Harbour Wire", "All rights reserved").
fn is_copyright(features: &Features<'_>) -> bool {
    starts_with_any(&features.head, COPYRIGHT_PREFIXES)
        || features.lower_contains_any(&[RIGHTS_RESERVED])
        || (features.words <= RIGHTS_MAX_WORDS
            && RIGHTS_WORDS
                .iter()
                .all(|word| features.lower_contains_any(&[word])))
}

/// A photo credit or an image caption stamp ("(AP Photo/Kim Vik)", "Photo: ...").
fn is_photo_credit(features: &Features<'_>) -> bool {
    let text = features.text;
    features.lower_contains_any(PHOTO_CREDITS)
        || starts_with_any(&features.head, PHOTO_PREFIXES)
        || FILE_PHOTO_PREFIXES
            .iter()
            .any(|prefix| text.starts_with(prefix))
        || (features.words <= IMAGE_FILE_MAX_WORDS && text.split(' ').any(is_image_file))
}

/// Furniture by a phrase, a URL or handle, a byline, a lone dateline or timestamp, or as
/// a link list (the tests besides headings, copyright, photo credits and rule lines).
fn is_boilerplate_alone(features: &Features<'_>, bare: &str, dateline: Dateline) -> bool {
    let (text, words, ends_sentence) = (features.text, features.words, features.ends_sentence);
    EXACT.contains(&bare)
        || starts_with_any(&features.head, PREFIXES)
        || features.lower_contains_any(CONTAINS)
        || text.starts_with(SHARE_PREFIX)
        || is_url_or_handle(text, words)
        || is_byline(text, words, ends_sentence)
        || (words <= LONE_DATELINE_MAX_WORDS && is_lone_dateline(text))
        || (dateline == Dateline::Only)
        || (!ends_sentence && is_link_list(text))
}

/// The marks of the sentences on their own: furniture, and mostly-date sentences after
/// the first.
pub(super) fn alone(verdicts: &[Verdict]) -> Vec<bool> {
    verdicts
        .iter()
        .enumerate()
        .map(|(i, verdict)| verdict.furniture || (verdict.mostly_date && i > 0))
        .collect()
}

/// Sections opened by a heading: the list after it, until prose resumes.
pub(super) fn sections(verdicts: &[Verdict], marked: &mut [bool]) {
    let mut in_section = false;
    for (verdict, mark) in verdicts.iter().zip(marked.iter_mut()) {
        if verdict.heading {
            in_section = true;
            continue;
        }
        if in_section {
            if verdict.is_prose() {
                in_section = false;
            } else if verdict.list_item() {
                *mark = true;
            } else {
                in_section = false;
            }
        }
    }
}

/// Copyright: the rest of its paragraph ("This material may not be ...").
pub(super) fn copyright_paragraphs(
    sentences: &[Sentence],
    verdicts: &[Verdict],
    marked: &mut [bool],
) {
    let count = sentences.len();
    for i in 0..count {
        if verdicts[i].copyright {
            let paragraph = sentences[i].paragraph;
            for j in i + 1..count {
                if sentences[j].paragraph != paragraph {
                    break;
                }
                marked[j] = true;
            }
        }
    }
}

/// Photo credit closing a short paragraph (not the first): the whole caption.
pub(super) fn captions(sentences: &[Sentence], verdicts: &[Verdict], marked: &mut [bool]) {
    let count = sentences.len();
    for i in 0..count {
        if !verdicts[i].photo_credit {
            continue;
        }
        let paragraph = sentences[i].paragraph;
        let last_of_paragraph = i + 1 == count || sentences[i + 1].paragraph != paragraph;
        let first = (0..i)
            .rev()
            .take_while(|&j| sentences[j].paragraph == paragraph)
            .last()
            .unwrap_or(i);
        if last_of_paragraph && i - first <= CAPTION_MAX_SENTENCES && first > 0 {
            for mark in &mut marked[first..i] {
                *mark = true;
            }
        }
    }
}

/// A rule line near the end (not the first sentence): the short credits after it.
pub(super) fn credits_after_rule(verdicts: &[Verdict], marked: &mut [bool]) {
    if let Some(rule) = (0..verdicts.len())
        .rev()
        .take(RULE_LINE_FROM_END)
        .find(|&i| verdicts[i].rule)
        && rule > 0
        && verdicts[rule + 1..]
            .iter()
            .all(|verdict| verdict.words <= CREDIT_MAX_WORDS)
    {
        for mark in &mut marked[rule + 1..] {
            *mark = true;
        }
    }
}

/// A trailing block of short items without sentence punctuation after the story (never
/// the first sentence; only if there is prose).
pub(super) fn trailing_items(verdicts: &[Verdict], marked: &mut [bool]) {
    if !verdicts.iter().any(Verdict::is_prose) {
        return;
    }
    let mut i = verdicts.len();
    while i > 1 {
        let verdict = &verdicts[i - 1];
        if marked[i - 1]
            || (verdict.words <= TRAILING_ITEM_MAX_WORDS && !verdict.ends_sentence && verdict.alnum)
        {
            marked[i - 1] = true;
            i -= 1;
        } else {
            break;
        }
    }
}

/// Whether `text` starts with one of `prefixes` (none of them empty).
fn starts_with_any(text: &str, prefixes: &[&str]) -> bool {
    let Some(&first) = text.as_bytes().first() else {
        return false;
    };
    prefixes
        .iter()
        .any(|prefix| prefix.as_bytes()[0] == first && text.starts_with(prefix))
}

fn is_image_file(word: &str) -> bool {
    !word.contains(' ')
        && IMAGE_EXTENSIONS
            .iter()
            .any(|extension| word.ends_with(extension))
}

/// A URL, a domain, or a social handle standing alone.
fn is_url_or_handle(text: &str, words: usize) -> bool {
    if words > URL_MAX_WORDS {
        return false;
    }
    let first = text.split(' ').next().unwrap_or("");
    if first.contains("://") || first.starts_with("www.") {
        return true;
    }
    words == 1
        && (first.len() > 1 && (first.starts_with('@') || first.starts_with('#'))
            || looks_like_domain(first))
}

fn looks_like_domain(word: &str) -> bool {
    let word = word.trim_end_matches('/');
    match word.rsplit_once('.') {
        Some((host, tld)) => {
            !host.is_empty()
                && TLD_CHARS.contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_lowercase())
                && host
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
        }
        None => false,
    }
}

/// "By AFP", "By Jane Doe, Associated Press".
fn is_byline(text: &str, words: usize, ends_sentence: bool) -> bool {
    let Some(rest) = BYLINE_PREFIXES
        .iter()
        .find_map(|prefix| text.strip_prefix(prefix))
    else {
        return false;
    };
    words <= BYLINE_MAX_WORDS
        && !ends_sentence
        && rest.chars().next().is_some_and(char::is_uppercase)
}

/// A dateline standing alone: "HELSINKI (AP) —", "NEW YORK --", "LONDON (Reuters):".
fn is_lone_dateline(text: &str) -> bool {
    let body = text.trim_end_matches(['—', '–', '-', ':', ' ']);
    if body.len() == text.len() && !body.contains('(') {
        return false;
    }
    let mut place_words = 0;
    for word in body.split(' ') {
        // "(AP)": something between the brackets.
        let agency = word.starts_with('(') && word.ends_with(')') && word.len() > 2;
        let caps = word.chars().any(char::is_alphabetic)
            && word
                .chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | ',' | '\'' | '’' | '-'));
        if caps {
            place_words += 1;
        } else if !agency {
            return false;
        }
    }
    place_words > 0
}

/// How much a short text looks like a lone date or timestamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Dateline {
    #[default]
    No,
    /// Date words and numbers and a few other words.
    Mostly,
    /// Nothing but date words and numbers.
    Only,
}

/// A lone date or timestamp ("6 minutes ago", "Thu 23rd December 2021 | 12:30 AM",
/// "Letzte Änderung: Dienstag, 19. September 2017 10:31 Uhr").
fn dateline(lower: &str, ends_sentence: bool) -> Dateline {
    if ends_sentence
        && !lower.ends_with(['m', 'd'])
        && !lower.ends_with("a.m.")
        && !lower.ends_with("p.m.")
    {
        return Dateline::No;
    }
    let mut datey = 0;
    let mut other = 0;
    let mut digits = false;
    for token in
        lower.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '/' | '(' | ')'))
    {
        let token = token.trim_matches(|c: char| matches!(c, '.' | '-' | '–' | '—' | ':'));
        if token.is_empty() || NEUTRAL.contains(&token) || looks_like_domain(token) {
            continue;
        }
        if token.chars().any(|c| c.is_ascii_digit()) {
            digits = true;
        }
        if is_date_token(token) {
            datey += 1;
        } else {
            other += 1;
        }
    }
    let (share, of) = MOSTLY_DATE_SHARE;
    if !digits || datey == 0 {
        Dateline::No
    } else if other == 0 {
        Dateline::Only
    } else if datey * of >= (datey + other) * share {
        Dateline::Mostly
    } else {
        Dateline::No
    }
}

fn is_date_token(token: &str) -> bool {
    let numeric = token
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ':' | '-' | '.'));
    if numeric {
        return true;
    }
    let suffix = token.trim_start_matches(|c: char| c.is_ascii_digit());
    // "10h31": hours and minutes as French and other pages write them.
    let minutes = suffix
        .strip_prefix('h')
        .is_some_and(|m| !m.is_empty() && m.chars().all(|c| c.is_ascii_digit()));
    let digits_then_suffix =
        suffix.len() < token.len() && (DATE_SUFFIXES.contains(&suffix) || minutes);
    digits_then_suffix || DATE_WORDS.contains(&token)
}

/// "Home | News | Sport", "Education - Urdu News - Car Prices - ...": at least two
/// separators and few words between them (only asked of text without final punctuation).
fn is_link_list(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut separators = 0;
    for (i, _) in bytes.iter().enumerate().filter(|&(_, &byte)| byte == b' ') {
        let rest = &bytes[i + 1..];
        if LINK_SEPARATORS
            .iter()
            .any(|separator| rest.starts_with(separator.as_bytes()))
        {
            separators += 1;
        }
    }
    if separators < LINK_LIST_MIN_SEPARATORS {
        return false;
    }
    let words = text.split(' ').count() - separators;
    let average = words as f32 / (separators + 1) as f32;
    average <= LINK_ITEM_MAX_AVERAGE_WORDS
}
