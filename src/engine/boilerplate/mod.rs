//! Page furniture detection: navigation lists, "Related Topics", "Recent Stories",
//! "Original url:", "Leave a Reply", bylines, datelines, photo credits, copyright lines.
//! Marked, never deleted.
//!
//! Each sentence is first judged on its own (furniture phrases, URLs, handles, bylines,
//! lone dates and timestamps, photo credits, copyright, link lists). Then context rules
//! extend the marking: a section heading such as "Recent Stories" marks the headline list
//! that follows until prose resumes; a copyright line marks the rest of its paragraph; a
//! photo credit marks the caption paragraph it closes; a rule line (`___`) near the end
//! marks the credits after it; and a trailing block of short unpunctuated items after the
//! story is marked. The rules err on the side of not marking: a sentence of the story that
//! ends with sentence punctuation is only ever marked by an explicit furniture phrase.

use crate::engine::model::Sentence;

/// Set `boilerplate` on the sentences that are page furniture.
pub fn mark(sentences: &mut [Sentence]) {
    let n = sentences.len();
    let feats: Vec<Features> = sentences.iter().map(|s| Features::of(&s.text)).collect();
    let mut marked: Vec<bool> = feats
        .iter()
        .enumerate()
        .map(|(i, f)| f.furniture || (f.mostly_date && i > 0))
        .collect();

    // Sections opened by a heading: the list after it, until prose resumes.
    let mut in_section = false;
    for i in 0..n {
        let f = &feats[i];
        if f.heading {
            in_section = true;
            continue;
        }
        if in_section {
            if f.is_prose() {
                in_section = false;
            } else if f.list_item() {
                marked[i] = true;
            } else {
                in_section = false;
            }
        }
    }

    // Copyright: the rest of its paragraph ("This material may not be ...").
    for i in 0..n {
        if feats[i].copyright {
            let p = sentences[i].paragraph;
            for j in i + 1..n {
                if sentences[j].paragraph != p {
                    break;
                }
                marked[j] = true;
            }
        }
    }

    // Photo credit closing a short paragraph: the whole caption.
    for i in 0..n {
        if !feats[i].photo_credit {
            continue;
        }
        let p = sentences[i].paragraph;
        let last_of_para = i + 1 == n || sentences[i + 1].paragraph != p;
        let first = (0..i)
            .rev()
            .take_while(|&j| sentences[j].paragraph == p)
            .last()
            .unwrap_or(i);
        if last_of_para && i - first < 4 && first > 0 {
            for m in &mut marked[first..i] {
                *m = true;
            }
        }
    }

    // A rule line near the end: the credits after it.
    if let Some(r) = (0..n).rev().take(5).find(|&i| feats[i].rule)
        && r > 0
        && feats[r + 1..].iter().all(|f| f.words <= 25)
    {
        for m in &mut marked[r + 1..] {
            *m = true;
        }
    }

    // A trailing block of short items without sentence punctuation after the story.
    let has_prose = feats.iter().any(Features::is_prose);
    if has_prose {
        let mut i = n;
        while i > 1 {
            let f = &feats[i - 1];
            if marked[i - 1] || (f.words <= 6 && !f.ends_sentence && f.alnum) {
                marked[i - 1] = true;
                i -= 1;
            } else {
                break;
            }
        }
    }

    for (s, m) in sentences.iter_mut().zip(marked) {
        s.boilerplate = m;
    }
}

/// What one sentence looks like on its own.
#[derive(Debug, Default)]
struct Features {
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

impl Features {
    fn of(text: &str) -> Features {
        // `text` is a display text: words are separated by single spaces.
        let words = count_spaces(text.as_bytes()) + 1;
        let alnum = text.chars().any(char::is_alphanumeric);
        let ends_sentence = ends_with_sentence_punct(text);
        // Lower-cased opening, enough for every prefix test.
        let head = lowercase_head(text, 48);
        // The whole lower-cased text, only where a whole-text test can apply.
        let lower: Option<String> = (words <= 14 || has_trigger(text)).then(|| text.to_lowercase());
        let lower = lower.as_deref();
        let bare = if words <= 6 {
            lower.unwrap_or(&head).trim_end_matches([':', ' '])
        } else {
            ""
        };
        let heading =
            HEADINGS.contains(&bare) || starts_with_any(&head, HEADING_PREFIXES) && words <= 6;
        let contains = |pats: &[&str]| lower.is_some_and(|l| pats.iter().any(|p| l.contains(p)));
        let copyright = head.starts_with('©')
            || head.starts_with("(c) ")
            || head.starts_with("copyright")
            || contains(&["all rights reserved"])
            || (words <= 15 && contains(&["rights"]) && contains(&["reserved"]));
        let photo_credit = contains(PHOTO_CREDITS)
            || starts_with_any(&head, PHOTO_PREFIXES)
            || text.starts_with("FILE - ")
            || text.starts_with("FILE — ")
            || (words <= 10 && text.split(' ').any(is_image_file));
        let rule = !alnum;
        let dateline = if words <= 14 {
            dateline(lower.unwrap_or(&head), ends_sentence)
        } else {
            Dateline::No
        };
        let furniture = heading
            || copyright
            || photo_credit
            || rule
            || EXACT.contains(&bare)
            || starts_with_any(&head, PREFIXES)
            || contains(CONTAINS)
            || text.starts_with("SHARE ")
            || is_url_or_handle(text, words)
            || is_byline(text, words, ends_sentence)
            || (words <= 6 && is_lone_dateline(text))
            || (dateline == Dateline::Only)
            || (!ends_sentence && is_link_list(text));
        Features {
            words,
            ends_sentence,
            alnum,
            furniture,
            mostly_date: dateline == Dateline::Mostly,
            heading,
            copyright,
            photo_credit,
            rule,
        }
    }

    /// Running text: sentence punctuation and some length.
    fn is_prose(&self) -> bool {
        self.ends_sentence && self.words >= 6 && !self.furniture
    }

    /// An item of a headline list: no sentence punctuation, or short.
    fn list_item(&self) -> bool {
        !self.ends_sentence || self.words <= 4 || self.furniture
    }
}

/// Number of space bytes, eight bytes at a time.
fn count_spaces(b: &[u8]) -> usize {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let mut chunks = b.chunks_exact(8);
    let mut n = 0;
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        // Zero bytes of `x` are the spaces; a byte's high bit in `nonzero` is set unless
        // it is zero (no carries between bytes: each sum is at most 0xfe).
        let x = u64::from_le_bytes(w) ^ SPACES;
        let nonzero = ((x & LOW7) + LOW7) | x;
        n += 8 - (nonzero & !LOW7).count_ones() as usize;
    }
    n + chunks.remainder().iter().filter(|&&x| x == b' ').count()
}

/// Whether `text` starts with one of `prefixes` (none of them empty).
fn starts_with_any(text: &str, prefixes: &[&str]) -> bool {
    let Some(&first) = text.as_bytes().first() else {
        return false;
    };
    prefixes
        .iter()
        .any(|p| p.as_bytes()[0] == first && text.starts_with(p))
}

/// ASCII letters and digits.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// The first `n` characters of `text`, lower-cased.
fn lowercase_head(text: &str, n: usize) -> String {
    let b = text.as_bytes();
    let k = b.len().min(n);
    if b[..k].is_ascii() {
        // The first `k` bytes are the first `k` characters.
        let mut head = text[..k].to_string();
        head.make_ascii_lowercase();
        head
    } else {
        let mut head = String::with_capacity(k + 8);
        for c in text.chars().take(n) {
            if c.is_ascii() {
                head.push(c.to_ascii_lowercase());
            } else {
                head.extend(c.to_lowercase());
            }
        }
        head
    }
}

/// Headings that open a list of links.
const HEADINGS: &[&str] = &[
    "related topics",
    "related stories",
    "related articles",
    "related news",
    "related",
    "recent stories",
    "recent posts",
    "recent news",
    "more stories",
    "more news",
    "trending news",
    "trending",
    "trending now",
    "most read",
    "most popular",
    "popular stories",
    "top stories",
    "latest news",
    "latest stories",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended stories",
    "read more",
    "read next",
    "see also",
    "tags",
    "topics",
    "site links",
];

/// Heading prefixes ("More Stories From Business").
const HEADING_PREFIXES: &[&str] = &[
    "more stories from",
    "more from ",
    "more news from",
    "latest from",
    "also on ",
];

/// Whole sentences (lower case, trailing colon removed) that are furniture.
const EXACT: &[&str] = &[
    "advertisement",
    "advertisements",
    "sponsored",
    "sponsored content",
    "email",
    "share",
    "share this",
    "share this article",
    "close",
    "print",
    "comments",
    "comment",
    "tweet",
    "menu",
    "search",
    "home",
    "published",
    "updated",
    "filed under",
    "ap",
    "/ ap",
    "afp",
    "reuters",
    "the associated press",
    "associated press",
    "about us",
    "contact us",
    "who we are",
    "our network",
    "skip to content",
    "skip to main content",
    "subscribe",
    "sign in",
    "log in",
    "continue reading",
    "continue reading below",
    "story continues below",
    "next article",
    "previous article",
    "video",
    "watch",
    "listen",
    "image",
    "photo",
    "loading",
    "loading...",
];

/// Sentence openings (lower case) that are furniture.
const PREFIXES: &[&str] = &[
    "related article",
    "related story",
    "related:",
    "related video",
    "see also",
    "original url",
    "source url",
    "read more:",
    "read more at",
    "read the full story",
    "leave a reply",
    "leave a comment",
    "your email address will not be published",
    "required fields are marked",
    "click here",
    "follow us on",
    "like us on facebook",
    "first published",
    "published:",
    "updated:",
    "last updated",
    "filed under",
    "sign up for our",
    "subscribe to our",
    "download our app",
    "reporting by ",
    "additional reporting by ",
    "editing by ",
    "writing by ",
    "compiled by ",
    "http://",
    "https://",
    "www.",
];

/// Phrases anywhere in a sentence that make it furniture.
const CONTAINS: &[&str] = &[
    "this story was not edited by",
    "has not been edited by",
    "is now available on telegram",
    "click here to",
    "contributed to this report",
    "contributed reporting",
    "may not be published, broadcast",
    "all rights reserved",
];

/// Words (ASCII, any case) without which no `CONTAINS`, `PHOTO_CREDITS` or copyright
/// phrase can occur in a long sentence: a cheap filter before lower-casing.
/// `has_trigger` matches exactly these (by length, then ignoring ASCII case).
#[cfg(test)]
const TRIGGERS: &[&str] = &[
    "edited",
    "telegram",
    "click",
    "contributed",
    "broadcast",
    "reserved",
    "photo",
    "flickr",
    "cc",
    "getty",
    "reuters",
    "afp",
    "credit",
];

fn has_trigger(text: &str) -> bool {
    // Words are the runs of ASCII letters and digits.
    let is_trigger = |w: &[u8]| {
        // Only the triggers of the word's length can match.
        let is = |t: &str| w.eq_ignore_ascii_case(t.as_bytes());
        match w.len() {
            2 => is("cc"),
            3 => is("afp"),
            5 => is("click") || is("photo") || is("getty"),
            6 => is("edited") || is("flickr") || is("credit"),
            7 => is("reuters"),
            8 => is("telegram") || is("reserved"),
            9 => is("broadcast"),
            11 => is("contributed"),
            _ => false,
        }
    };
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    loop {
        // Skip to the next word, then to its end.
        while i < n && !ASCII_ALNUM[usize::from(b[i])] {
            i += 1;
        }
        if i == n {
            return false;
        }
        let start = i;
        while i < n && ASCII_ALNUM[usize::from(b[i])] {
            i += 1;
        }
        if i - start >= 2 && is_trigger(&b[start..i]) {
            return true;
        }
    }
}

/// Photo credits anywhere in a sentence.
const PHOTO_CREDITS: &[&str] = &[
    "(ap photo",
    "| ap photo",
    "(photo:",
    "(photo by",
    "(reuters/",
    "(afp/",
    "/ flickr",
    "(cc by",
    "via getty images",
    "/ getty images",
    "(getty images",
    "photo credit",
];

/// Photo credits at the start of a sentence.
const PHOTO_PREFIXES: &[&str] = &[
    "photo:",
    "photo by ",
    "photos:",
    "photograph:",
    "image:",
    "image source",
    "picture:",
    "credit:",
    "ap photo/",
    "file photo",
    "image copyright",
    "image caption",
    "media caption",
];

fn ends_with_sentence_punct(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ']);
    if t.ends_with("..") && !t.ends_with("...") {
        return false;
    }
    t.ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

fn is_image_file(lower: &str) -> bool {
    !lower.contains(' ')
        && [".jpg", ".jpeg", ".png", ".gif", ".webp"]
            .iter()
            .any(|e| lower.ends_with(e))
}

/// A URL, a domain, or a social handle standing alone.
fn is_url_or_handle(text: &str, words: usize) -> bool {
    if words > 2 {
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

fn looks_like_domain(w: &str) -> bool {
    let w = w.trim_end_matches('/');
    match w.rsplit_once('.') {
        Some((host, tld)) => {
            !host.is_empty()
                && (2..=6).contains(&tld.len())
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
    let Some(rest) = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("BY "))
    else {
        return false;
    };
    words <= 8 && !ends_sentence && rest.chars().next().is_some_and(char::is_uppercase)
}

/// A dateline standing alone: "HELSINKI (AP) —", "NEW YORK --", "LONDON (Reuters):".
fn is_lone_dateline(text: &str) -> bool {
    let body = text.trim_end_matches(['—', '–', '-', ':', ' ']);
    if body.len() == text.len() && !body.contains('(') {
        return false;
    }
    let mut place_words = 0;
    for w in body.split(' ') {
        let agency = w.starts_with('(') && w.ends_with(')') && w.len() > 2;
        let caps = w.chars().any(char::is_alphabetic)
            && w.chars()
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

/// A lone date or timestamp ("6 minutes ago", "Thu 23rd December 2021 | 12:30 AM").
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
    for tok in lower.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '/' | '(' | ')'))
    {
        let tok = tok.trim_matches(|c: char| matches!(c, '.' | '-' | '–' | '—' | ':'));
        if tok.is_empty() || NEUTRAL.contains(&tok) || looks_like_domain(tok) {
            continue;
        }
        if tok.chars().any(|c| c.is_ascii_digit()) {
            digits = true;
        }
        if is_date_token(tok) {
            datey += 1;
        } else {
            other += 1;
        }
    }
    if !digits || datey == 0 {
        Dateline::No
    } else if other == 0 {
        Dateline::Only
    } else if datey * 4 >= (datey + other) * 3 {
        Dateline::Mostly
    } else {
        Dateline::No
    }
}

/// Words that neither make nor break a dateline.
const NEUTRAL: &[&str] = &[
    "on",
    "at",
    "first",
    "the",
    "of",
    "by",
    "published",
    "updated",
    "posted",
    "modified",
    "last",
];

fn is_date_token(tok: &str) -> bool {
    let numeric = tok
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ':' | '-' | '.'));
    if numeric {
        return true;
    }
    let digits_then_suffix = tok.trim_start_matches(|c: char| c.is_ascii_digit()).len() < tok.len()
        && matches!(
            tok.trim_start_matches(|c: char| c.is_ascii_digit()),
            "st" | "nd" | "rd" | "th" | "am" | "pm" | "h"
        );
    digits_then_suffix || DATE_WORDS.contains(&tok)
}

const DATE_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "am",
    "pm",
    "a.m",
    "p.m",
    "ago",
    "minute",
    "minutes",
    "min",
    "mins",
    "hour",
    "hours",
    "hr",
    "hrs",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "today",
    "yesterday",
    "published",
    "updated",
    "posted",
    "date",
    "gmt",
    "utc",
    "est",
    "edt",
    "et",
    "pst",
    "pdt",
    "cet",
    "cest",
    "bst",
    "ist",
    "msk",
];

/// "Home | News | Sport", "Education - Urdu News - Car Prices - ...": at least two
/// separators and few words between them (only asked of text without final punctuation).
fn is_link_list(text: &str) -> bool {
    const SEPS: [&str; 5] = ["| ", "- ", "• ", "· ", "– "];
    let b = text.as_bytes();
    let mut seps = 0;
    for (i, _) in b.iter().enumerate().filter(|&(_, &c)| c == b' ') {
        let rest = &b[i + 1..];
        if SEPS.iter().any(|s| rest.starts_with(s.as_bytes())) {
            seps += 1;
        }
    }
    if seps < 2 {
        return false;
    }
    let words = text.split(' ').count() - seps;
    let avg = words as f32 / (seps + 1) as f32;
    avg <= 4.0
}

#[cfg(test)]
mod tests {
    use super::*;

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
    use crate::engine::segment::segment;
    use proptest::prelude::*;

    /// Segment and mark; return (text, boilerplate) pairs.
    fn run(input: &str) -> Vec<(String, bool)> {
        let mut s = segment(input);
        mark(&mut s);
        s.into_iter().map(|s| (s.text, s.boilerplate)).collect()
    }

    fn marked(input: &str) -> Vec<String> {
        run(input)
            .into_iter()
            .filter(|(_, b)| *b)
            .map(|(t, _)| t)
            .collect()
    }

    const STORY: &str = "Harbour ferry fares to rise in spring\n\n\
        The city council voted on Tuesday to raise ferry fares by 5% from April.\n\n\
        \"We had no other choice. Fuel costs doubled,\" said council leader Mara Olsen.\n\n\
        Commuters said the increase would hurt families who rely on the boats.";

    #[test]
    fn plain_story_is_not_marked() {
        let r = run(STORY);
        assert_eq!(r.len(), 5);
        assert!(r.iter().all(|(_, b)| !b), "{r:?}");
    }

    #[test]
    fn headline_at_top_is_kept() {
        let r = run("Storm closes coastal roads\n\nHeavy rain closed three roads on Monday.");
        assert_eq!(r[0], ("Storm closes coastal roads".to_string(), false));
    }

    #[test]
    fn bylines_datelines_and_timestamps() {
        let input = format!(
            "Ferry fares rise\n\nBy Harbour Wire\n\nMarch 3, 2024\n\n\
             Tom Berg 12 minutes ago Tue 5th March 2024 | 09:15 AM\n\n{STORY}"
        );
        assert_eq!(
            marked(&input),
            [
                "By Harbour Wire",
                "March 3, 2024",
                "Tom Berg 12 minutes ago Tue 5th March 2024 | 09:15 AM"
            ]
        );
        assert!(marked("By the end of the week, fares will have risen twice.").is_empty());
        assert_eq!(
            marked("By Jane Roe, Harbour Wire\n\nOSLO (HW) —\n\nFares rose on Monday.\n\nOSLO —"),
            ["By Jane Roe, Harbour Wire", "OSLO (HW) —", "OSLO —"]
        );
        // Publication stamps, also when a "p.m." splits them into two sentences.
        assert_eq!(
            marked(&format!(
                "Published March 4, 2026 at 3:42 p.m. | Updated 5:10 p.m.\n\n{STORY}\n\n\
                 Posted on June 1, 2018 at 9:00 am"
            )),
            [
                "Published March 4, 2026 at 3:42 p.m.",
                "| Updated 5:10 p.m.",
                "Posted on June 1, 2018 at 9:00 am"
            ]
        );
        assert!(marked("Prices were last updated on Monday at 9 a.m.").is_empty());
        // An all-caps title without a dash stays.
        assert!(marked("FERRY FARES RISE\n\nFares rose on Monday.").is_empty());
        assert!(
            marked("Talks set for Jan. 12\n\nThe talks will be held in Oslo next month.")
                .is_empty()
        );
    }

    #[test]
    fn related_topics_section_and_trailing_list() {
        let input = format!(
            "{STORY}\n\nRelated Topics\n\nFerries Council Fuel Harbour\n\n\
             Recent Stories\n\nMayor opens new library wing ..\n\n3 hours ago\n\n\
             Port strike ends after two weeks\n\nHome | News | Sport | Contact Us"
        );
        let m = marked(&input);
        assert_eq!(
            m,
            [
                "Related Topics",
                "Ferries Council Fuel Harbour",
                "Recent Stories",
                "Mayor opens new library wing ..",
                "3 hours ago",
                "Port strike ends after two weeks",
                "Home | News | Sport | Contact Us"
            ]
        );
    }

    #[test]
    fn section_ends_when_prose_resumes() {
        let input = "Bridge reopens\n\nThe bridge reopened on Friday after repairs.\n\n\
            Trending News\n\nCelebrity chef interview\n\n\
            Engineers said the repairs cost more than expected and took six months.\n\n\
            Drivers welcomed the news.";
        assert_eq!(marked(input), ["Trending News", "Celebrity chef interview"]);
    }

    #[test]
    fn links_urls_handles_and_phrases() {
        let input = format!(
            "{STORY}\n\nRelated article: Ferry operator posts record loss\n\n\
             Original url:\n\nhttps://example.com/news/ferries-2024\n\n@HarbourNews\n\n\
             (This story was not edited by the Example Times desk.)\n\n\
             Example Daily is now available on Telegram. Click here to join our channel.\n\n\
             Leave a Reply\n\nYour email address will not be published. Required fields are marked *"
        );
        let m = marked(&input);
        assert_eq!(
            m,
            [
                "Related article: Ferry operator posts record loss",
                "Original url:",
                "https://example.com/news/ferries-2024",
                "@HarbourNews",
                "(This story was not edited by the Example Times desk.)",
                "Example Daily is now available on Telegram.",
                "Click here to join our channel.",
                "Leave a Reply",
                "Your email address will not be published.",
                "Required fields are marked *"
            ]
        );
    }

    #[test]
    fn photo_credits_and_captions() {
        let input = format!(
            "Ferry fares rise\n\nA ferry leaves the harbour. Jo Lund / flickr (CC BY-SA 2.0)\n\n{STORY}\n\n\
             Passengers board a ferry on Monday. (AP Photo/Kim Vik)"
        );
        let m = marked(&input);
        assert_eq!(
            m,
            [
                "A ferry leaves the harbour.",
                "Jo Lund / flickr (CC BY-SA 2.0)",
                "Passengers board a ferry on Monday.",
                "(AP Photo/Kim Vik)"
            ]
        );
        assert_eq!(
            marked("Photo: Harbour Authority"),
            ["Photo: Harbour Authority"]
        );
        assert_eq!(
            marked("Harbour view img_2041_final.jpg"),
            ["Harbour view img_2041_final.jpg"]
        );
    }

    #[test]
    fn copyright_and_rights_paragraph() {
        let input = format!(
            "{STORY}\n\n© 2024 Harbour Wire. All Rights Reserved. This material may not be copied.\n\n\
             © 1999-2024, Example Network"
        );
        assert_eq!(
            marked(&input),
            [
                "© 2024 Harbour Wire.",
                "All Rights Reserved.",
                "This material may not be copied.",
                "© 1999-2024, Example Network"
            ]
        );
    }

    #[test]
    fn credits_after_rule_line_and_trailing_author() {
        let input = format!(
            "{STORY}\n\n___\n\nLund reported from Oslo. Staff writer Ana Ruiz also helped.\n\nPer A. Holm"
        );
        assert_eq!(
            marked(&input),
            [
                "___",
                "Lund reported from Oslo.",
                "Staff writer Ana Ruiz also helped.",
                "Per A. Holm"
            ]
        );
    }

    #[test]
    fn wire_credits() {
        let input =
            format!("{STORY}\n\nReporting by Ana Ruiz in Oslo; Editing by Tom Berg and Kim Vik");
        assert_eq!(
            marked(&input),
            ["Reporting by Ana Ruiz in Oslo; Editing by Tom Berg and Kim Vik"]
        );
    }

    #[test]
    fn dashes_in_prose_are_not_a_link_list() {
        let input = "Fares - which last rose in 2019 - will go up - the council said - by 5%.";
        assert!(marked(input).is_empty());
        assert_eq!(
            marked("Sport - Weather - Travel - Jobs - Cars"),
            ["Sport - Weather - Travel - Jobs - Cars"]
        );
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
    fn empty_input() {
        let mut none: Vec<Sentence> = Vec::new();
        mark(&mut none);
        assert!(none.is_empty());
    }

    proptest! {
        #[test]
        fn never_panics_and_keeps_sentences(
            input in "([A-Za-z]{1,8}|[0-9]{1,4}|[ .,:|@©_/()\"”“-]|\n|\n\n|By |Related Topics|ago){0,80}"
        ) {
            let mut s = segment(&input);
            let before: Vec<(usize, usize, String)> =
                s.iter().map(|x| (x.start, x.end, x.text.clone())).collect();
            mark(&mut s);
            let after: Vec<(usize, usize, String)> =
                s.iter().map(|x| (x.start, x.end, x.text.clone())).collect();
            prop_assert_eq!(before, after);
        }
    }
}
