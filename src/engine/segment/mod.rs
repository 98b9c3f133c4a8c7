//! Sentence segmentation of news prose: abbreviations, decimals and money, quotations that
//! span sentences and close with an attribution, curly and straight quotes, ellipses, odd
//! spacing, headlines and lines without final punctuation; and the `--segment lines` mode.
//!
//! Invariant: the spans returned are in order, never overlap, and together with the gaps
//! between them rebuild the input exactly (gaps hold only whitespace/control characters).
//!
//! The input is cut into blocks (paragraphs, separated by blank lines; `lines`), each
//! scanned for sentence ends (`scan`), consulting word lists around periods (`words`);
//! every sentence carries its display form (`display`). The story's dateline is split off
//! its first sentence (`dateline`).

mod dateline;
mod display;
mod lines;
mod scan;
mod words;

use std::sync::Arc;

use crate::engine::model::{Sentence, SentenceKind};
use display::display_text;
use lines::{blocks, lines, trim_span};
use scan::Segmenter;

/// Split prose into sentences, the dateline as one of its own (boilerplate not yet
/// marked).
pub fn segment(text: &str) -> Vec<Sentence> {
    segment_shared(&Arc::from(text))
}

/// [`segment`], the sentences' display texts sharing `text` where they read as written.
pub(crate) fn segment_shared(text: &Arc<str>) -> Vec<Sentence> {
    let mut segmenter = Segmenter::new(text);
    for (block_start, block_end) in blocks(text) {
        segmenter.block(block_start, block_end);
        segmenter.new_paragraph();
    }
    let mut sentences = segmenter.finish();
    dateline::split_first(text, &mut sentences);
    // Kept for the whole analysis: no room left over from growing.
    sentences.shrink_to_fit();
    sentences
}

/// One sentence per non-empty line, as is.
#[cfg(test)]
fn segment_lines(text: &str) -> Vec<Sentence> {
    segment_lines_shared(&Arc::from(text))
}

/// [`segment_lines`], the display texts sharing `text` where they read as written.
pub(crate) fn segment_lines_shared(text: &Arc<str>) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut used = false;
    for (line_start, line_end) in lines(text) {
        match trim_span(text, line_start, line_end) {
            Some((start, end)) => {
                out.push(Sentence {
                    text: display_text(text, start, end),
                    start,
                    end,
                    kind: SentenceKind::Body,
                    paragraph,
                });
                used = true;
            }
            None => {
                if used {
                    paragraph += 1;
                    used = false;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::display::is_space;
    use super::*;
    use proptest::prelude::*;

    fn texts(input: &str) -> Vec<String> {
        segment(input)
            .into_iter()
            .map(|s| s.text.to_string())
            .collect()
    }

    fn check_invariant(input: &str, sentences: &[Sentence]) {
        let mut pos = 0;
        for s in sentences {
            assert!(s.start >= pos, "overlap or disorder at {s:?}");
            assert!(s.end > s.start, "empty span {s:?}");
            assert!(
                input[pos..s.start].chars().all(is_space),
                "gap {:?} holds non-space",
                &input[pos..s.start]
            );
            let raw = &input[s.start..s.end];
            assert!(!raw.starts_with(is_space) && !raw.ends_with(is_space));
            assert!(!s.text.is_empty());
            assert_eq!(s.text, display_text(&Arc::from(raw), 0, raw.len()));
            pos = s.end;
        }
        assert!(input[pos..].chars().all(is_space));
    }

    #[test]
    fn display_texts_share_the_input_where_they_read_as_written() {
        let text: Arc<str> = Arc::from("One sentence here.  Another\nwrapped line.\n\nLast one.");
        let s = segment_shared(&text);
        let texts: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            ["One sentence here.", "Another wrapped line.", "Last one."]
        );
        assert!(s[0].text.shares(&text) && s[2].text.shares(&text));
        assert!(!s[1].text.shares(&text), "a line break inside is collapsed");
        assert_eq!(&text[s[2].start..s[2].end], s[2].text);
    }

    #[test]
    fn simple_sentences() {
        assert_eq!(
            texts("The cat sat. The dog ran! Did it? Yes."),
            ["The cat sat.", "The dog ran!", "Did it?", "Yes."]
        );
    }

    #[test]
    fn empty_and_blank_inputs() {
        assert!(segment("").is_empty());
        assert!(segment(" \n\r\n\t\u{feff} ").is_empty());
        assert!(segment_lines("\n\n  \n").is_empty());
    }

    #[test]
    fn spans_index_the_original() {
        let input = "\u{feff}First one.\r\n\r\nSecond\tone  here.";
        let s = segment(input);
        check_invariant(input, &s);
        assert_eq!(s.len(), 2);
        assert_eq!(&input[s[0].start..s[0].end], "First one.");
        assert_eq!(s[1].text, "Second one here.");
        assert_eq!((s[0].paragraph, s[1].paragraph), (0, 1));
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            texts("The U.S. Assistant Secretary of Energy spoke. Mr. Smith and Mrs. Jones left."),
            [
                "The U.S. Assistant Secretary of Energy spoke.",
                "Mr. Smith and Mrs. Jones left."
            ]
        );
        assert_eq!(
            texts(
                "Gen. Ortiz met Gov. Lee and Sen. Park at St. Mary's on Jan. 9 at No. 10 Elm Road."
            ),
            ["Gen. Ortiz met Gov. Lee and Sen. Park at St. Mary's on Jan. 9 at No. 10 Elm Road."]
        );
        assert_eq!(
            texts(
                "Dr. Vega of Acme Inc. and Rep. Moss of the U.K. Parliament met on Dec. 3. It rained."
            ),
            [
                "Dr. Vega of Acme Inc. and Rep. Moss of the U.K. Parliament met on Dec. 3.",
                "It rained."
            ]
        );
        assert_eq!(
            texts("Fruit, e.g. apples, i.e. Fuji, beat Corp. rivals vs. Rivals Ltd. today."),
            ["Fruit, e.g. apples, i.e. Fuji, beat Corp. rivals vs. Rivals Ltd. today."]
        );
    }

    #[test]
    fn abbreviation_then_sentence_starter_splits() {
        assert_eq!(
            texts(
                "She moved to the U.S. The move was hard. He joined Widgets Inc. They paid well."
            ),
            [
                "She moved to the U.S.",
                "The move was hard.",
                "He joined Widgets Inc.",
                "They paid well."
            ]
        );
    }

    #[test]
    fn initials_do_not_split() {
        assert_eq!(
            texts(
                "Marta Q. Lindqvist wrote it. A book by J. R. R. Tolkien sold. Ask Pia D. Brandt. (Photo/K. Olsen) Next."
            ),
            [
                "Marta Q. Lindqvist wrote it.",
                "A book by J. R. R. Tolkien sold.",
                "Ask Pia D. Brandt.",
                "(Photo/K. Olsen) Next."
            ]
        );
    }

    #[test]
    fn decimals_and_money() {
        assert_eq!(
            texts("Growth was 3.5% and sales hit $1.2bn. Costs rose to 1,000.5 units. Done."),
            [
                "Growth was 3.5% and sales hit $1.2bn.",
                "Costs rose to 1,000.5 units.",
                "Done."
            ]
        );
    }

    #[test]
    fn quotation_with_attribution_stays_together() {
        assert_eq!(
            texts("\"We hope. We will do it,\" Lavrenko told reporters. Then he left."),
            [
                "\"We hope.",
                "We will do it,\" Lavrenko told reporters.",
                "Then he left."
            ]
        );
        assert_eq!(
            texts("“Nobody wants this outcome. We will act as we see fit, ”Orlov told a panel."),
            [
                "“Nobody wants this outcome.",
                "We will act as we see fit, ”Orlov told a panel."
            ]
        );
    }

    #[test]
    fn question_inside_quote_with_lowercase_attribution() {
        assert_eq!(
            texts("\"Why now?\" she asked. \"Because!\" he said. Fine."),
            ["\"Why now?\" she asked.", "\"Because!\" he said.", "Fine."]
        );
    }

    #[test]
    fn closing_quote_after_terminator_ends_sentence() {
        assert_eq!(
            texts("Some plans were \"absurd.\" The board met. It said ‘no.’ Others agreed."),
            [
                "Some plans were \"absurd.\"",
                "The board met.",
                "It said ‘no.’",
                "Others agreed."
            ]
        );
        // A closing quote set off by a space.
        assert_eq!(
            texts("He said “it is over. ” Then he left."),
            ["He said “it is over. ”", "Then he left."]
        );
    }

    #[test]
    fn odd_spacing_keeps_lone_period() {
        assert_eq!(
            texts("Some ideas were “unworkable” . The talks went on. He spoke on TV. ."),
            [
                "Some ideas were “unworkable” .",
                "The talks went on.",
                "He spoke on TV. ."
            ]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            texts("We waited... and waited… Nothing came. It was late... The end."),
            [
                "We waited... and waited… Nothing came.",
                "It was late...",
                "The end."
            ]
        );
    }

    #[test]
    fn brackets_and_bangs() {
        assert_eq!(
            texts("It worked (mostly.) Then it broke! Everyone left (as expected). OK."),
            [
                "It worked (mostly.)",
                "Then it broke!",
                "Everyone left (as expected).",
                "OK."
            ]
        );
    }

    #[test]
    fn headline_lines_are_their_own_sentences() {
        let input = "Council approves new bridge plan\nThe council voted on Monday.\nBridge work starts soon\nCrews will arrive in May.";
        let s = segment(input);
        check_invariant(input, &s);
        let t: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            t,
            [
                "Council approves new bridge plan",
                "The council voted on Monday.",
                "Bridge work starts soon",
                "Crews will arrive in May."
            ]
        );
        assert_ne!(s[0].paragraph, s[1].paragraph);
        assert_ne!(s[2].paragraph, s[1].paragraph);
        assert_ne!(s[2].paragraph, s[3].paragraph);
    }

    #[test]
    fn link_lists_split_per_line() {
        assert_eq!(
            texts("Related Topics\nHarbour Ferries Budget\nMore Stories\n5 minutes ago"),
            [
                "Related Topics",
                "Harbour Ferries Budget",
                "More Stories",
                "5 minutes ago"
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_continue() {
        assert_eq!(
            texts(
                "The mayor said the new\nbudget would pass, and\nthat taxes would fall.\nOthers disagreed."
            ),
            [
                "The mayor said the new budget would pass, and that taxes would fall.",
                "Others disagreed."
            ]
        );
        // An abbreviation at the end of a wrapped line.
        assert_eq!(
            texts("He met the U.S.\nAmbassador in town."),
            ["He met the U.S. Ambassador in town."]
        );
    }

    #[test]
    fn hard_wrapped_block_ignores_capitals_at_line_start() {
        assert_eq!(
            texts(
                "The minister flew in and\nmet the press before she\nTold reporters that\nPetra Lind would lead\nthe talks. They end today."
            ),
            [
                "The minister flew in and met the press before she Told reporters that Petra Lind would lead the talks.",
                "They end today."
            ]
        );
    }

    #[test]
    fn bullet_lists_split_per_item() {
        assert_eq!(
            texts(
                "Key points:\n- fares rise 5%\n- service cut.\n- new boats in 2025\n1. one\n2) two"
            ),
            [
                "Key points:",
                "- fares rise 5%",
                "- service cut.",
                "- new boats in 2025",
                "1. one",
                "2) two"
            ]
        );
    }

    #[test]
    fn paragraphs_count_blocks() {
        let s = segment("One. Two.\n\n\nThree.\n \nFour.");
        let p: Vec<usize> = s.iter().map(|s| s.paragraph).collect();
        assert_eq!(p, [0, 0, 1, 2]);
    }

    #[test]
    fn german_abbreviations_and_ordinals() {
        assert_eq!(
            texts("Das gilt z. B. für Nr. 5 am 3. Oktober. Die Stadt plant mehr."),
            [
                "Das gilt z. B. für Nr. 5 am 3. Oktober.",
                "Die Stadt plant mehr."
            ]
        );
    }

    #[test]
    fn cjk_without_spaces() {
        assert_eq!(
            texts("今日は晴れです。明日は雨！本当？「はい。」と言った。"),
            [
                "今日は晴れです。",
                "明日は雨！",
                "本当？",
                "「はい。」と言った。"
            ]
        );
    }

    #[test]
    fn urls_and_domains_do_not_split() {
        assert_eq!(
            texts("See https://example.com/a.b?c=d for more. Visit news.example.org today."),
            [
                "See https://example.com/a.b?c=d for more.",
                "Visit news.example.org today."
            ]
        );
    }

    #[test]
    fn lines_mode() {
        let input = "  first line. Second part\r\n\r\nthird\rfourth\n";
        let s = segment_lines(input);
        check_invariant(input, &s);
        let t: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(t, ["first line. Second part", "third", "fourth"]);
        assert_eq!(&input[s[0].start..s[0].end], "first line. Second part");
        assert!(s.iter().all(Sentence::is_body));
        assert_eq!(s[0].paragraph, 0);
        assert_eq!(s[1].paragraph, 1);
    }

    /// Pieces of text that exercise the segmenter's special cases.
    pub(super) fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("Mr.".to_string()),
            Just("U.S.".to_string()),
            Just(". ".to_string()),
            Just("...".to_string()),
            Just("…".to_string()),
            Just("\"".to_string()),
            Just("“".to_string()),
            Just("”".to_string()),
            Just("’".to_string()),
            Just("'".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("\r".to_string()),
            Just("\t".to_string()),
            Just(" ".to_string()),
            Just("?".to_string()),
            Just("!".to_string()),
            Just("。".to_string()),
            Just("\u{feff}".to_string()),
            Just("The".to_string()),
            Just("he".to_string()),
            Just("3.5".to_string()),
            Just("é".to_string()),
            Just("(".to_string()),
            Just(")".to_string()),
            "[a-zA-Z]{1,6}",
            any::<char>().prop_map(|c| c.to_string()),
        ]
    }

    #[test]
    fn dateline_is_split_off_the_first_sentence() {
        let input = "Ferry back in service\n\nPORT ELLISON, March 3 (Wirestream) - The ferry \
                     returned on Tuesday.\n\nOSLO (AP) — Another story began."
            .to_string();
        let s = segment(&input);
        check_invariant(&input, &s);
        let kinds: Vec<(&str, SentenceKind)> =
            s.iter().map(|s| (s.text.as_str(), s.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("Ferry back in service", SentenceKind::Body),
                (
                    "PORT ELLISON, March 3 (Wirestream) -",
                    SentenceKind::Dateline
                ),
                ("The ferry returned on Tuesday.", SentenceKind::Body),
                // Only the first dateline of a version is the story's.
                ("OSLO (AP) — Another story began.", SentenceKind::Body),
            ]
        );
        assert_eq!(s[1].paragraph, s[2].paragraph);
        assert!(segment_lines(&input).iter().all(Sentence::is_body));
        // An abbreviation in capitals does not end the place.
        let s = texts("ST. LOUIS (AP) — The Cardinals won on Monday. FT. WORTH is next.");
        assert_eq!(
            s,
            [
                "ST. LOUIS (AP) —",
                "The Cardinals won on Monday.",
                "FT. WORTH is next."
            ]
        );
    }

    /// Pieces of datelines and of the sentences after them.
    fn dateline_piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("PARIS".to_string()),
            Just("New York".to_string()),
            Just("São Paulo".to_string()),
            Just(",".to_string()),
            Just(" March 4".to_string()),
            Just(" (AFP)".to_string()),
            Just(" (Meridian Press)".to_string()),
            Just(" (".to_string()),
            Just(" -".to_string()),
            Just(" —".to_string()),
            Just(" --".to_string()),
            Just(" :".to_string()),
            Just(".-".to_string()),
            Just(" Dockers walked out.".to_string()),
            Just("In".to_string()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn spans_rebuild_input_with_datelines(
            parts in prop::collection::vec(prop_oneof![dateline_piece(), piece()], 0..40)
        ) {
            let input: String = parts.concat();
            let s = segment(&input);
            check_invariant(&input, &s);
            prop_assert!(s.iter().filter(|s| s.kind == SentenceKind::Dateline).count() <= 1);
        }

        #[test]
        fn dateline_before_a_sentence_splits(
            lead in "(\n|  |\r\n)?",
            place in "[A-Z]{3,8}( [A-Z]{3,8})?",
            credit in r"( \([A-Za-z]{2,8}\))?",
            dash in "(-|—|--)",
            gap in "( |  |\n)",
            body in "[A-Z][a-z]{2,8}( [a-z]{2,8}){2,6}\\.",
        ) {
            let first = place.split(' ').next().unwrap_or("").to_lowercase();
            prop_assume!(!dateline::NOT_PLACES.contains(&first.as_str()));
            let input = format!("{lead}{place}{credit} {dash}{gap}{body}");
            let s = segment(&input);
            check_invariant(&input, &s);
            prop_assert_eq!(s.len(), 2, "{:?}", s);
            prop_assert_eq!(s[0].kind, SentenceKind::Dateline);
            prop_assert_eq!(&s[0].text, &format!("{place}{credit} {dash}"));
            prop_assert_eq!(&s[1].text, &body);
        }

        #[test]
        fn spans_rebuild_input(parts in prop::collection::vec(piece(), 0..60)) {
            let input: String = parts.concat();
            let s = segment(&input);
            check_invariant(&input, &s);
            let l = segment_lines(&input);
            check_invariant(&input, &l);
        }

        #[test]
        fn never_panics(input in any::<String>()) {
            let s = segment(&input);
            check_invariant(&input, &s);
        }
    }
}
