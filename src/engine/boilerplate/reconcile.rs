//! Furniture reconciled across the versions of one story, after each was marked on its
//! own: several versions are evidence no single page has.
//!
//! - A line marked only by its context (a heading's list, a caption, a trailing block)
//!   whose text is story text in another version is story here too: a section heading
//!   ("Most Read", "Related Topics") never swallows the story's headline.
//!   A headline of a site's own wording counts too: the line just before the story's
//!   first prose that shares most of its words with an opening line of another version.
//! - A headline the page repeats (a title bar, then the headline) is story once: of the
//!   copies before the story's first prose, the last one stays, the others are furniture.
//! - A site's self-description ("Harbour Network is the largest independent digital media
//!   house ...") at the start or end of a version, shared by no other version, is
//!   furniture: an outlet's name as its subject and self-promotional phrasing.
//!
//! With one version there is nothing to reconcile; the repeated headline is a rule of one
//! version and applies always.

use std::collections::HashMap;
use std::hash::Hasher;

use super::phrases::{OUTLET_WORDS, PROMOTION};
use super::rules::Verdict;
use crate::engine::model::{Sentence, SentenceKind};

/// Least words of a line taken back as story because another version has it: shorter
/// lines ("Sport", "Ports and harbours") are as likely one site's menu as another's.
const STORY_MIN_WORDS: usize = 4;

/// A headline in a site's own wording is looked for among this many story lines at the
/// start of the other versions (the headline, a standfirst, the first sentence).
const HEADLINE_REACH: usize = 3;

/// A site's blurb is looked for among this many story sentences at each end of a version.
const BLURB_EDGE: usize = 3;

/// Share of a blurb candidate's words found in one sentence of another version that makes
/// it shared (not the page's own).
const SHARED_WORDS: f32 = 0.5;

/// Words of at least this many characters count when comparing a candidate with other
/// versions' sentences: shorter ones are function words in most languages.
const CONTENT_CHARS: usize = 4;

/// Reconcile the marks of every version (`versions[k]` the sentences of version k).
pub(crate) fn reconcile(versions: &mut [Vec<Sentence>]) {
    if versions.len() > 1 {
        story_elsewhere(versions);
        headline_elsewhere(versions);
    }
    for sentences in versions.iter_mut() {
        repeated_headline(sentences);
    }
    if versions.len() > 1 {
        blurbs(versions);
    }
}

/// The comparison form of a text: its letters and digits, lower case, words separated by
/// one space.
fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The hash of `key(text)`, computed without building it.
fn key_hash(text: &str) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    let mut gap = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if gap {
                hasher.write_u8(b' ');
                gap = false;
            }
            for lower in c.to_lowercase() {
                hasher.write_u32(u32::from(lower));
            }
        } else {
            gap = true;
        }
    }
    hasher.finish()
}

/// Furniture lines marked by context only that are story text in another version become
/// story text.
fn story_elsewhere(versions: &mut [Vec<Sentence>]) {
    // The lines that could be taken back, by their text's hash: usually none.
    let could_be_story = |sentence: &Sentence| {
        sentence.kind == SentenceKind::Boilerplate
            && sentence.text.split(' ').count() >= STORY_MIN_WORDS
            && !Verdict::of(&sentence.text).is_furniture()
    };
    let mut holders: HashMap<u64, Vec<usize>> = HashMap::new();
    for sentences in versions.iter() {
        for sentence in sentences.iter().filter(|s| could_be_story(s)) {
            holders.insert(key_hash(&sentence.text), Vec::new());
        }
    }
    if holders.is_empty() {
        return;
    }
    // Which versions hold each of them as story text.
    for (k, sentences) in versions.iter().enumerate() {
        for sentence in sentences.iter().filter(|s| s.kind == SentenceKind::Body) {
            if let Some(list) = holders.get_mut(&key_hash(&sentence.text))
                && !list.contains(&k)
            {
                list.push(k);
            }
        }
    }
    for (k, sentences) in versions.iter_mut().enumerate() {
        for sentence in sentences.iter_mut() {
            if sentence.kind == SentenceKind::Boilerplate
                && holders
                    .get(&key_hash(&sentence.text))
                    .is_some_and(|list| list.iter().any(|&other| other != k))
                && could_be_story(sentence)
            {
                sentence.kind = SentenceKind::Body;
            }
        }
    }
}

/// The index of the first prose sentence or dateline of a version (the end of its lead).
fn lead_end(sentences: &[Sentence]) -> usize {
    sentences
        .iter()
        .position(|s| s.kind == SentenceKind::Dateline || Verdict::of(&s.text).is_prose())
        .unwrap_or(sentences.len())
}

/// The furniture line just before a version's first prose, marked by its context only
/// and heading-like, becomes story text when most of its words are in one of the first
/// `HEADLINE_REACH` story lines of another version: the headline in a site's wording,
/// swallowed by the section before it.
fn headline_elsewhere(versions: &mut [Vec<Sentence>]) {
    for k in 0..versions.len() {
        let lead = lead_end(&versions[k]);
        let Some(i) = lead.checked_sub(1) else {
            continue;
        };
        let line = &versions[k][i];
        if line.kind != SentenceKind::Boilerplate
            || line.text.split(' ').count() < STORY_MIN_WORDS
            || line.text.trim_end().ends_with(['.', '!', '?'])
            || Verdict::of(&line.text).is_furniture()
        {
            continue;
        }
        let words = content_words(&line.text);
        let needed = (words.len() as f32 * SHARED_WORDS).ceil() as usize;
        let opening_elsewhere = versions
            .iter()
            .enumerate()
            .filter(|&(other, _)| other != k)
            .flat_map(|(_, sentences)| {
                sentences
                    .iter()
                    .filter(|s| s.kind == SentenceKind::Body)
                    .take(HEADLINE_REACH)
            })
            .any(|opening| {
                let theirs = content_words(&opening.text);
                words.iter().filter(|w| theirs.contains(w)).count() >= needed
            });
        if !words.is_empty() && opening_elsewhere {
            versions[k][i].kind = SentenceKind::Body;
        }
    }
}

/// Of the copies of one heading-like story line before the first prose sentence, all but
/// the last become furniture.
fn repeated_headline(sentences: &mut [Sentence]) {
    let lead = lead_end(sentences);
    let mut last: HashMap<String, usize> = HashMap::new();
    for (i, sentence) in sentences[..lead].iter().enumerate() {
        if sentence.kind == SentenceKind::Body {
            last.insert(key(&sentence.text), i);
        }
    }
    for (i, sentence) in sentences[..lead].iter_mut().enumerate() {
        if sentence.kind == SentenceKind::Body
            && !sentence.text.trim_end().ends_with(['.', '!', '?'])
            && last.get(&key(&sentence.text)).is_some_and(|&at| at != i)
        {
            sentence.kind = SentenceKind::Boilerplate;
        }
    }
}

/// Story sentences at either end of a version that read as the site's self-description
/// and that no other version shares become furniture. Such sentences are rare: the
/// others' sentences are looked at only for them.
fn blurbs(versions: &mut [Vec<Sentence>]) {
    for k in 0..versions.len() {
        let story: Vec<usize> = (0..versions[k].len())
            .filter(|&i| versions[k][i].kind == SentenceKind::Body)
            .collect();
        let edges = story
            .iter()
            .take(BLURB_EDGE)
            .chain(story.iter().rev().take(BLURB_EDGE));
        let blurbs: Vec<usize> = edges
            .copied()
            .filter(|&i| reads_as_blurb(&versions[k][i].text))
            .filter(|&i| !shared(&versions[k][i].text, versions, k))
            .collect();
        for i in blurbs {
            versions[k][i].kind = SentenceKind::Boilerplate;
        }
    }
}

/// The lower-cased words of `text` of at least `CONTENT_CHARS` characters.
fn content_words(text: &str) -> Vec<String> {
    key(text)
        .split(' ')
        .filter(|w| w.chars().count() >= CONTENT_CHARS)
        .map(str::to_string)
        .collect()
}

/// Whether most of the content words of `text` are found in one sentence of a version
/// other than `own`.
fn shared(text: &str, versions: &[Vec<Sentence>], own: usize) -> bool {
    let words = content_words(text);
    if words.is_empty() {
        return true;
    }
    let needed = (words.len() as f32 * SHARED_WORDS).ceil() as usize;
    versions
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != own)
        .flat_map(|(_, sentences)| sentences)
        .any(|other| {
            let other = content_words(&other.text);
            words.iter().filter(|w| other.contains(w)).count() >= needed
        })
}

/// A site's self-description: it opens with an outlet's name (capitalised words, one of
/// them an outlet word such as "Network", "News", "Media", or a domain name) followed by
/// a verb, and its phrasing is self-promotional ("the largest independent", "leading
/// digital media").
pub(super) fn reads_as_blurb(text: &str) -> bool {
    let lower = text.to_lowercase();
    PROMOTION.iter().any(|phrase| lower.contains(phrase)) && outlet_subject(text)
}

/// Whether `text` opens with an outlet's name: up to four capitalised words (or a domain
/// name), one of them an outlet word, before the first lower-case word.
fn outlet_subject(text: &str) -> bool {
    let name: Vec<&str> = text
        .split(' ')
        .take_while(|word| word.chars().next().is_some_and(|c| !c.is_lowercase()))
        .take(OUTLET_NAME_MAX_WORDS + 1)
        .collect();
    (1..=OUTLET_NAME_MAX_WORDS).contains(&name.len())
        && name.iter().any(|word| {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
            let lower = word.to_lowercase();
            OUTLET_WORDS.contains(&lower.as_str())
                || [".com", ".net", ".org", ".pk", ".in", ".co"]
                    .iter()
                    .any(|tld| lower.ends_with(tld))
        })
}

/// Most words of an outlet's name ("The Harbour Daily News Network").
const OUTLET_NAME_MAX_WORDS: usize = 5;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::boilerplate::mark;
    use crate::engine::segment::segment;

    fn marked(text: &str) -> Vec<Sentence> {
        let mut sentences = segment(text);
        mark(&mut sentences);
        sentences
    }

    fn kinds(sentences: &[Sentence]) -> Vec<(&str, bool)> {
        sentences
            .iter()
            .map(|s| (s.text.as_str(), s.kind == SentenceKind::Boilerplate))
            .collect()
    }

    const WIRE: &str = "Ferry fares rise across the harbour\n\n\
        The city council voted on Tuesday to raise ferry fares by 5% from April.\n\n\
        Commuters said the increase would hurt families who rely on the boats.";

    #[test]
    fn a_heading_section_never_swallows_the_headline_another_version_has() {
        let page = "Most Read\n\nMayor opens new library wing\n\n\
            Ferry fares rise across the harbour\n\n\
            The city council voted on Tuesday to raise ferry fares by 5% from April.";
        let mut versions = vec![marked(WIRE), marked(page)];
        assert!(
            versions[1][2].kind == SentenceKind::Boilerplate,
            "swallowed first"
        );
        reconcile(&mut versions);
        let got = kinds(&versions[1]);
        assert_eq!(
            got,
            [
                ("Most Read", true),
                ("Mayor opens new library wing", true),
                ("Ferry fares rise across the harbour", false),
                (
                    "The city council voted on Tuesday to raise ferry fares by 5% from April.",
                    false
                ),
            ]
        );
        // On its own, the page keeps its marks.
        let mut alone = vec![marked(page)];
        reconcile(&mut alone);
        assert_eq!(alone[0][2].kind, SentenceKind::Boilerplate);
    }

    #[test]
    fn a_headline_in_the_sites_own_words_is_not_swallowed_either() {
        let page = "Related Topics\n\nPorts Ferries\n\nFerry fares rise across harbour\n\n\
            The city council voted on Tuesday to raise ferry fares by 5% from April.";
        let mut versions = vec![marked(WIRE), marked(page)];
        assert_eq!(
            versions[1][2].kind,
            SentenceKind::Boilerplate,
            "swallowed first"
        );
        reconcile(&mut versions);
        let got = kinds(&versions[1]);
        assert_eq!(got[1], ("Ports Ferries", true));
        assert_eq!(got[2], ("Ferry fares rise across harbour", false));
        // A teaser unlike any other version's opening stays furniture.
        let page = page.replace(
            "Ferry fares rise across harbour",
            "Mayor opens new library wing",
        );
        let mut versions = vec![marked(WIRE), marked(&page)];
        reconcile(&mut versions);
        assert_eq!(versions[1][2].kind, SentenceKind::Boilerplate);
    }

    #[test]
    fn furniture_on_its_own_stays_furniture_wherever_it_is_story() {
        let copy = format!("{WIRE}\n\nShare this article");
        let mut versions = vec![marked("Share this article\n\nIt rained."), marked(&copy)];
        versions[0][0].kind = SentenceKind::Body;
        reconcile(&mut versions);
        assert_eq!(versions[1].last().unwrap().kind, SentenceKind::Boilerplate);
    }

    #[test]
    fn a_repeated_headline_is_story_once() {
        let page = format!("Ferry fares rise across the harbour\n\n{WIRE}");
        let mut versions = vec![marked(&page)];
        reconcile(&mut versions);
        let got = kinds(&versions[0]);
        assert_eq!(got[0], ("Ferry fares rise across the harbour", true));
        assert_eq!(got[1], ("Ferry fares rise across the harbour", false));
        assert!(got[2..].iter().all(|(_, furniture)| !furniture));
    }

    #[test]
    fn a_site_blurb_no_other_version_shares_is_furniture() {
        for blurb in [
            "Harbour Network is the largest independent digital media house in the region.",
            "Portside.com is a leading news portal for the islands.",
        ] {
            let page = format!("{WIRE}\n\n{blurb}");
            let mut versions = vec![marked(WIRE), marked(&page)];
            reconcile(&mut versions);
            assert_eq!(versions[1].last().unwrap().kind, SentenceKind::Boilerplate);
            // Shared by the other version: story.
            let mut both = vec![marked(&page), marked(&page)];
            reconcile(&mut both);
            assert_eq!(both[1].last().unwrap().kind, SentenceKind::Body, "{blurb}");
        }
        // Prose about a company, or promotion without an outlet as subject, stays.
        for prose in [
            "Harbour Ferries is the largest operator on the coast.",
            "The council said it is the largest independent port in the region.",
        ] {
            assert!(!reads_as_blurb(prose), "{prose}");
        }
    }
}
