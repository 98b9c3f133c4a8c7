//! Sorting the paragraphs of a page's main text into story and furniture. Each paragraph is
//! judged on its own (the headline again, a standfirst, a caption, a byline, a lone date, a
//! paragraph that is wholly one link, a call to subscribe or share); then the page's shape
//! is used: a section heading near the end ("Related", "More in ...", "Comments") ends the
//! story, short unpunctuated lines at either edge are chrome, and a JSON-LD `articleBody`
//! that covers the text vouches for the paragraphs it holds.

use rustc_hash::FxHashSet;

use super::page::PageFacts;
use crate::engine::load::article::normalize;

/// What a paragraph of the main text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Body,
    Headline,
    Standfirst,
    Byline,
    Caption,
    /// Navigation, teasers, calls to action, dates, tags: not compared.
    Boilerplate,
}

/// One paragraph of the main text and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Block {
    pub text: String,
    pub role: Role,
}

/// Sort the paragraphs of one page.
pub(super) fn sort(paragraphs: Vec<String>, facts: &PageFacts) -> Vec<Block> {
    let mut blocks: Vec<Block> = paragraphs
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let role = judge(&text, i, facts);
            Block { text, role }
        })
        .collect();
    cut_tail_sections(&mut blocks);
    drop_author_notes(&mut blocks, &facts.authors);
    trim_edges(&mut blocks);
    vouch_by_article_body(&mut blocks, facts);
    prefer_article_body(&mut blocks, facts);
    drop_repeats(&mut blocks);
    blocks
}

/// Paragraphs from the top in which a headline or standfirst repeated is looked for.
const LEAD_BLOCKS: usize = 4;
/// Longest byline or date line, in words.
const MAX_BYLINE_WORDS: usize = 12;

/// The role of one paragraph on its own.
fn judge(text: &str, index: usize, facts: &PageFacts) -> Role {
    let lower = text.to_lowercase();
    let same = |candidates: &[String]| candidates.iter().any(|c| c.to_lowercase() == lower);
    if index < LEAD_BLOCKS && same(&facts.headlines) {
        return Role::Headline;
    }
    if index < LEAD_BLOCKS && (same(&facts.standfirst_elements) || same(&facts.standfirsts)) {
        return Role::Standfirst;
    }
    if same(&facts.captions) {
        return Role::Caption;
    }
    let words = word_count(text);
    if words <= MAX_BYLINE_WORDS && is_byline(text, &facts.authors) {
        return Role::Byline;
    }
    if words <= MAX_BYLINE_WORDS && is_date_line(&lower) {
        return Role::Boilerplate;
    }
    if facts.link_texts.contains(text) || is_furniture(&lower, words) || is_link_list(text, facts) {
        return Role::Boilerplate;
    }
    Role::Body
}

/// Share of a paragraph's characters that links to the site's own pages may cover before
/// the paragraph is a list of links run together.
const LINK_LIST_SHARE: f32 = 0.6;
/// Fewest links in such a list.
const LINK_LIST_LINKS: usize = 2;
/// Shortest link text counted (shorter ones match inside ordinary words).
const MIN_LINK_CHARS: usize = 12;

/// Teasers run together into one paragraph: most of its text is the text of links.
fn is_link_list(text: &str, facts: &PageFacts) -> bool {
    let total = text.len();
    let mut covered = 0;
    let mut links = 0;
    for link in &facts.link_texts {
        if link.len() >= MIN_LINK_CHARS && link.len() < total && text.contains(link.as_str()) {
            covered += link.len();
            links += 1;
        }
    }
    links >= LINK_LIST_LINKS && covered as f32 >= LINK_LIST_SHARE * total as f32
}

/// `By NAME ...`, or a line that starts with a declared author's name.
fn is_byline(text: &str, authors: &[String]) -> bool {
    let lower = text.to_lowercase();
    lower.starts_with("by ")
        || lower == "by"
        || lower.starts_with("| by")
        || authors.iter().any(|a| a.to_lowercase() == lower)
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

const WEEKDAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Other words of date lines: times, zones, "updated", "on ... at ...".
const DATE_WORDS: &[&str] = &[
    "a",
    "m",
    "p",
    "am",
    "pm",
    "ist",
    "gmt",
    "utc",
    "et",
    "updated",
    "published",
    "on",
    "at",
];

/// Share of a short line's words that must be date words (numbers, months, times) for it
/// to be a date line.
const DATE_WORD_SHARE: f32 = 0.6;

/// A line that is mostly a date or time ("18 Nov 2019, Updated: 18 Nov 2019").
fn is_date_line(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return true;
    }
    let dated = words
        .iter()
        .filter(|w| {
            (w.starts_with(|c: char| c.is_ascii_digit())
                && w.trim_start_matches(|c: char| c.is_ascii_digit()).len() <= 2)
                || MONTHS.iter().chain(WEEKDAYS).any(|m| w.starts_with(m))
                || DATE_WORDS.contains(w)
        })
        .count();
    let has_digit = lower.chars().any(|c| c.is_ascii_digit());
    has_digit && dated as f32 >= DATE_WORD_SHARE * words.len() as f32
}

/// Longest line that a furniture phrase alone marks, in words.
const MAX_FURNITURE_WORDS: usize = 30;

/// Calls to action, advertising labels, share bars, gallery and video controls: phrases
/// that sites in many languages' English editions use for their chrome.
const FURNITURE_PHRASES: &[&str] = &[
    "advertisement",
    "click here",
    "subscribe to",
    "sign up for",
    "sign up to",
    "newsletter",
    "all rights reserved",
    "subject to copyright",
    "follow us on",
    "requires javascript",
    "leave a reply",
    "must be logged in",
    "first published",
    "back to gallery",
    "see full gallery",
    "enlarge image",
    "share this",
    "share on",
    "download the app",
    "get the app",
    "if you enjoyed this",
    "have a tip",
];

/// Whole-line labels of chrome.
const FURNITURE_LINES: &[&str] = &[
    "advert", "ad", "video", "share", "tags", "topics", "comments", "source:", "more:", "news",
];

/// Prefixes of teaser lines: a link to another story.
const TEASER_PREFIXES: &[&str] = &[
    "related:",
    "read more:",
    "read more ",
    "see more:",
    "see also:",
    "also:",
    "more:",
    "watch:",
    "citation:",
    "video ",
];

/// Networks named in a "follow us" line.
const NETWORKS: &[&str] = &["twitter", "facebook", "instagram", "youtube", "linkedin"];

fn is_furniture(lower: &str, words: usize) -> bool {
    let line = lower.trim_end_matches([':', '.', ' ']);
    let follow = lower.contains("follow ") && NETWORKS.iter().any(|n| lower.contains(n));
    (follow && words <= MAX_FURNITURE_WORDS)
        || FURNITURE_LINES.contains(&line)
        || FURNITURE_LINES.contains(&lower)
        || TEASER_PREFIXES.iter().any(|p| lower.starts_with(p))
        || (words <= MAX_FURNITURE_WORDS && FURNITURE_PHRASES.iter().any(|p| lower.contains(p)))
}

/// Headings that open the sections after a story: related links, comments, tags.
const SECTION_HEADINGS: &[&str] = &[
    "related",
    "related articles",
    "related stories",
    "related content",
    "related posts",
    "more in",
    "more from",
    "more on this",
    "more stories",
    "you may also",
    "you might also",
    "recommended",
    "most popular",
    "most read",
    "trending",
    "don't miss",
    "tags",
    "topics",
    "filed under",
    "comments",
    "about the author",
    "explore further",
    "sponsored",
    "share this",
    "tell us what you think",
];

/// Longest section heading, in words.
const MAX_HEADING_WORDS: usize = 6;
/// Share of the body's words that must come before a section heading for it to end the
/// story (a "Related" box near the top is only skipped).
const TAIL_SHARE: f32 = 0.5;

/// Body paragraphs at the end looked at for a note about the author.
const AUTHOR_NOTE_BLOCKS: usize = 2;
/// Longest note about the author, in words.
const MAX_AUTHOR_NOTE_WORDS: usize = 80;

/// A closing paragraph that starts with the author's name ("Ann Lee is a reporter ...",
/// "Ann's book ...") is a note about the author, not story.
fn drop_author_notes(blocks: &mut [Block], authors: &[String]) {
    let names: Vec<String> = authors
        .iter()
        .flat_map(|a| {
            let first = a.split_whitespace().next().unwrap_or("").to_lowercase();
            [a.to_lowercase(), first]
        })
        .filter(|n| n.chars().count() >= 3)
        .collect();
    if names.is_empty() {
        return;
    }
    let last: Vec<usize> = (0..blocks.len())
        .rev()
        .filter(|&i| blocks[i].role == Role::Body)
        .take(AUTHOR_NOTE_BLOCKS)
        .collect();
    for i in last {
        let lower = blocks[i].text.to_lowercase();
        let starts_with_name = names.iter().any(|n| {
            lower.starts_with(n.as_str()) && lower[n.len()..].starts_with([' ', '\'', '’', ','])
        });
        if starts_with_name && word_count(&blocks[i].text) <= MAX_AUTHOR_NOTE_WORDS {
            blocks[i].role = Role::Boilerplate;
        }
    }
}

/// Most words of body text after a section heading, as a share of the words before it,
/// for the heading to end the story (more is the story going on past a box).
const AFTER_SHARE: f32 = 0.3;

/// A section heading in the second half of the text ends the story: it and every
/// paragraph after it are furniture.
fn cut_tail_sections(blocks: &mut [Block]) {
    let total: usize = body_words(blocks);
    let mut seen = 0;
    let mut cut = None;
    for (i, b) in blocks.iter().enumerate() {
        if b.role == Role::Body {
            seen += word_count(&b.text);
        }
        let lower = b.text.to_lowercase();
        let words = word_count(&b.text);
        let heading = lower.trim_end_matches([':', '.', ' ', '…']);
        if words <= MAX_HEADING_WORDS
            && SECTION_HEADINGS.iter().any(|h| {
                heading == *h || (heading.starts_with(h) && heading[h.len()..].starts_with(' '))
            })
            && seen as f32 >= TAIL_SHARE * total as f32
        {
            cut = Some(i);
            break;
        }
    }
    if let Some(at) = cut {
        let after = body_words(&blocks[at..]);
        if after as f32 > AFTER_SHARE * (total - after) as f32 {
            return;
        }
        for b in &mut blocks[at..] {
            b.role = Role::Boilerplate;
        }
    }
}

fn body_words(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .filter(|b| b.role == Role::Body)
        .map(|b| word_count(&b.text))
        .sum()
}

/// Fewest words of a paragraph that counts as prose at an edge even without closing
/// punctuation.
const EDGE_PROSE_WORDS: usize = 15;

/// Fewest lines of an unbroken list after the last prose paragraph that make it part of
/// the story (tour dates, results, a shopping list) rather than chrome.
const LIST_LINES: usize = 6;

/// Short lines without closing punctuation before the first and after the last prose
/// paragraph are chrome (section names, teasers, tags); a long unbroken list right after
/// the last prose paragraph is story.
fn trim_edges(blocks: &mut [Block]) {
    let is_prose = |b: &Block| {
        b.role == Role::Body && (ends_sentence(&b.text) || word_count(&b.text) >= EDGE_PROSE_WORDS)
    };
    let Some(first) = blocks.iter().position(is_prose) else {
        return;
    };
    let last = blocks.iter().rposition(is_prose).unwrap_or(first);
    let list = blocks[last + 1..]
        .iter()
        .take_while(|b| b.role == Role::Body)
        .count();
    let last = if list >= LIST_LINES {
        last + list
    } else {
        last
    };
    for (i, b) in blocks.iter_mut().enumerate() {
        if (i < first || i > last) && b.role == Role::Body {
            b.role = Role::Boilerplate;
        }
    }
}

/// Whether a paragraph ends as a sentence does (closing quotes and brackets allowed).
pub(super) fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ']);
    t.ends_with(['.', '!', '?', '…', ':', '。', '！', '？'])
}

/// Shingle length (words) used to compare texts.
const SHINGLE: usize = 4;
/// Share of a JSON-LD body's shingles the kept text must cover for it to be trusted.
const BODY_COVERED: f32 = 0.6;
/// Share of a paragraph's shingles that must be in the JSON-LD body for it to stay.
const PARAGRAPH_VOUCHED: f32 = 0.3;

/// When the page's JSON-LD `articleBody` is the story the text holds (most of it is
/// found in the kept paragraphs), paragraphs it does not hold are furniture.
fn vouch_by_article_body(blocks: &mut [Block], facts: &PageFacts) {
    let Some(body) = &facts.article_body else {
        return;
    };
    let reference = shingles(body);
    if reference.is_empty() {
        return;
    }
    let kept: FxHashSet<Vec<String>> = blocks
        .iter()
        .filter(|b| b.role == Role::Body)
        .flat_map(|b| shingles(&b.text))
        .collect();
    let covered = reference.iter().filter(|s| kept.contains(*s)).count();
    if (covered as f32) < BODY_COVERED * reference.len() as f32
        || (reference.len() as f32) < BODY_COVERED * kept.len() as f32
    {
        return;
    }
    for b in blocks.iter_mut().filter(|b| b.role == Role::Body) {
        let own = shingles(&b.text);
        if own.is_empty() {
            continue;
        }
        let held = own.iter().filter(|s| reference.contains(*s)).count();
        if (held as f32) < PARAGRAPH_VOUCHED * own.len() as f32 {
            b.role = Role::Boilerplate;
        }
    }
}

/// Fewest words of a JSON-LD body that may stand in for the main text.
const MIN_DECLARED_WORDS: usize = 150;
/// How many times longer than the JSON-LD body the kept text must be for the JSON-LD
/// body to stand in for it (the main text then holds other stories too).
const OVERLONG: f32 = 2.5;
/// Share of the JSON-LD body's shingles the kept text must hold for it to stand in.
const DECLARED_HELD: f32 = 0.8;

/// When the kept text holds all of the page's JSON-LD `articleBody` and much more (a live
/// page, a page of several stories run together), the declared body is the story.
fn prefer_article_body(blocks: &mut Vec<Block>, facts: &PageFacts) {
    let Some(body) = &facts.article_body else {
        return;
    };
    let declared_words = word_count(body);
    if declared_words < MIN_DECLARED_WORDS
        || (body_words(blocks) as f32) < OVERLONG * declared_words as f32
    {
        return;
    }
    let reference = shingles(body);
    let kept: FxHashSet<Vec<String>> = blocks
        .iter()
        .filter(|b| b.role == Role::Body)
        .flat_map(|b| shingles(&b.text))
        .collect();
    let held = reference.iter().filter(|s| kept.contains(*s)).count();
    if (held as f32) < DECLARED_HELD * reference.len() as f32 {
        return;
    }
    let at = blocks
        .iter()
        .position(|b| b.role == Role::Body)
        .unwrap_or(0);
    for b in blocks.iter_mut().filter(|b| b.role == Role::Body) {
        b.role = Role::Boilerplate;
    }
    let declared = body
        .split('\n')
        .map(normalize)
        .filter(|p| !p.is_empty())
        .map(|text| Block {
            text,
            role: Role::Body,
        });
    blocks.splice(at..at, declared);
}

/// The word 4-grams of a text (lower case, words as runs of letters and digits).
pub(super) fn shingles(text: &str) -> FxHashSet<Vec<String>> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.windows(SHINGLE).map(<[String]>::to_vec).collect()
}

/// A body paragraph that repeats an earlier one word for word is furniture.
fn drop_repeats(blocks: &mut [Block]) {
    let mut seen = FxHashSet::default();
    for b in blocks.iter_mut().filter(|b| b.role == Role::Body) {
        if !seen.insert(b.text.clone()) {
            b.role = Role::Boilerplate;
        }
    }
}

/// Words of a text, as the block rules count them (whitespace-separated).
pub(super) fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}
