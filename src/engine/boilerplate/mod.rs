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
//!
//! `features` measures each sentence, `rules` decides (on its own, then in context),
//! `phrases` holds the tables the rules look phrases up in; `reconcile` then weighs the
//! marks of all the versions of the story against each other.

mod features;
mod phrases;
mod reconcile;
mod rules;

pub(crate) use reconcile::reconcile;

use crate::engine::model::{Sentence, SentenceKind};
use rules::Verdict;

/// Mark the sentences that are page furniture as boilerplate (the dateline, split off by
/// the segmenter, stays a dateline).
pub(crate) fn mark(sentences: &mut [Sentence]) {
    let verdicts: Vec<Verdict> = sentences.iter().map(|s| Verdict::of(&s.text)).collect();
    let mut marked = rules::alone(&verdicts);
    rules::sections(&verdicts, &mut marked);
    rules::copyright_paragraphs(sentences, &verdicts, &mut marked);
    rules::captions(sentences, &verdicts, &mut marked);
    rules::credits_after_rule(&verdicts, &mut marked);
    rules::trailing_items(&verdicts, &mut marked);
    for (sentence, mark) in sentences.iter_mut().zip(marked) {
        if mark && sentence.kind == SentenceKind::Body {
            sentence.kind = SentenceKind::Boilerplate;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::segment::segment;
    use proptest::prelude::*;

    /// Segment and mark; return (text, boilerplate) pairs.
    fn run(input: &str) -> Vec<(String, bool)> {
        let mut s = segment(input);
        mark(&mut s);
        s.into_iter()
            .map(|s| (s.text.to_string(), s.boilerplate()))
            .collect()
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
        // The first dateline is the story's own (a dateline, not furniture); a later lone
        // one is furniture.
        let input = "By Jane Roe, Harbour Wire\n\nOSLO (HW) —\n\nFares rose on Monday.\n\nOSLO —";
        assert_eq!(marked(input), ["By Jane Roe, Harbour Wire", "OSLO —"]);
        let mut s = segment(input);
        mark(&mut s);
        assert_eq!(s[1].text, "OSLO (HW) —");
        assert_eq!(s[1].kind, SentenceKind::Dateline);
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
        // Stamps in other languages.
        assert_eq!(
            marked(&format!(
                "{STORY}\n\nLetzte Änderung: Dienstag, 19. September 2017 10:31 Uhr\n\n\
                 Mis à jour le 19/09/2017 à 10h31\n\n\
                 Publicado el martes, 19 de septiembre de 2017, 10:31\n\n\
                 Pubblicato il 19 settembre 2017 alle 10:31\n\nvor 5 Minuten"
            )),
            [
                "Letzte Änderung: Dienstag, 19. September 2017 10:31 Uhr",
                "Mis à jour le 19/09/2017 à 10h31",
                "Publicado el martes, 19 de septiembre de 2017, 10:31",
                "Pubblicato il 19 settembre 2017 alle 10:31",
                "vor 5 Minuten"
            ]
        );
        for prose in [
            "Am 19. September 2017 streikten die Hafenarbeiter.",
            "Le 19 septembre, les dockers ont cessé le travail.",
            "El martes 19 de septiembre los estibadores pararon.",
        ] {
            assert!(marked(&format!("{STORY}\n\n{prose}")).is_empty(), "{prose}");
        }
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
                s.iter().map(|x| (x.start, x.end, x.text.to_string())).collect();
            mark(&mut s);
            let after: Vec<(usize, usize, String)> =
                s.iter().map(|x| (x.start, x.end, x.text.to_string())).collect();
            prop_assert_eq!(before, after);
        }
    }
}
