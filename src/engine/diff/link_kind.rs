//! The kind of a link from its word diff: identical (only spacing or quote style differs),
//! minor (punctuation, case, spelling, articles), partial (one side is mostly contained in
//! a much longer other), rewrite (most words shared) or paraphrase (the rest).
//!
//! Words of case, spelling and punctuation edits count as shared words: they are the same
//! words written differently.

use crate::engine::model::{Edit, EditClass, EditOp, LinkKind, Piece, WordDiff};
use crate::engine::text::{word_count, words};

use super::word_lists::ARTICLES;

/// Partial: at least this share of the shorter side's words is shared. Below it the
/// shorter side is itself reworded, so the link is a rewrite or paraphrase, not a copy of
/// part of a sentence.
const PARTIAL_MIN_SHARED: f32 = 0.7;
/// Partial: the longer side has at least this many times the words of the shorter one,
/// so it adds nearly as much again (a clause or sentence of its own), more than rewording
/// a sentence adds.
const PARTIAL_MIN_LENGTH_RATIO: f32 = 1.8;
/// Partial, for sides of similar length: an insertion or deletion of at least this many
/// words is a clause added or cut, not a phrase ("in the capital" is three).
const PARTIAL_MIN_RUN_WORDS: usize = 6;
/// ... and that run is at least this share of the longer side, so that one long clause in
/// a very long sentence does not make it partial.
const PARTIAL_MIN_RUN_SHARE: f32 = 0.3;
/// Rewrite: at least this share of both sides' words (Dice) is shared: the sentence frame
/// stands and words were swapped within it. Lower, it reads as a paraphrase.
const REWRITE_MIN_DICE: f32 = 0.6;
/// Rewrite with a lower Dice ([`REWRITE_MIN_DICE_SCORED`]) when the aligner scored the
/// pair at least [`REWRITE_MIN_SCORE`]: its score also compares character 4-grams, so it
/// stays high when words changed form rather than meaning, which the exact word diff
/// counts as changed.
const REWRITE_MIN_DICE_SCORED: f32 = 0.5;
/// See [`REWRITE_MIN_DICE_SCORED`].
const REWRITE_MIN_SCORE: f32 = 0.75;

/// The kind of a link from its word diff and its alignment score.
pub(crate) fn link_kind(diff: &WordDiff, score: f32) -> LinkKind {
    if diff.edits.iter().all(is_trivial) {
        return LinkKind::Identical;
    }
    if diff.edits.iter().all(|e| is_minor(e) || is_article_edit(e)) {
        return LinkKind::Minor;
    }
    let bw = piece_words(&diff.base, false);
    let ow = piece_words(&diff.other, false);
    let shared = shared_words(diff);
    let longer = bw.max(ow);
    let shorter = bw.min(ow);
    if shorter == 0 {
        return if longer == 0 {
            LinkKind::Minor
        } else {
            LinkKind::Partial
        };
    }
    let share_short = shared as f32 / shorter as f32;
    let longest_run = longest_insertion_or_deletion(diff);
    let long_run = longest_run >= PARTIAL_MIN_RUN_WORDS
        && longest_run as f32 >= PARTIAL_MIN_RUN_SHARE * longer as f32;
    if share_short >= PARTIAL_MIN_SHARED
        && (longer as f32 >= PARTIAL_MIN_LENGTH_RATIO * shorter as f32 || long_run)
    {
        return LinkKind::Partial;
    }
    // Share of both sides' words that are shared (Dice).
    let dice = 2.0 * shared as f32 / (bw + ow) as f32;
    if dice >= REWRITE_MIN_DICE || (dice >= REWRITE_MIN_DICE_SCORED && score >= REWRITE_MIN_SCORE) {
        return LinkKind::Rewrite;
    }
    LinkKind::Paraphrase
}

/// Words in the equal pieces, plus those of case, spelling and punctuation edits (the
/// same words written differently; the fewer of the two sides).
fn shared_words(diff: &WordDiff) -> usize {
    piece_words(&diff.base, true)
        + diff
            .edits
            .iter()
            .filter(|e| is_minor(e))
            .map(|e| word_count(&e.base).min(word_count(&e.other)))
            .sum::<usize>()
}

/// Words of the longest pure insertion or deletion (0 if there is none).
fn longest_insertion_or_deletion(diff: &WordDiff) -> usize {
    diff.edits
        .iter()
        .filter(|e| e.op != EditOp::Replace)
        .map(|e| word_count(&e.base) + word_count(&e.other))
        .max()
        .unwrap_or(0)
}

/// Edits that change only spacing or the style of quotation marks and apostrophes.
fn is_trivial(edit: &Edit) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '“' | '”' | '„' | '«' | '»' => '"',
                '‘' | '’' | '`' => '\'',
                c => c,
            })
            .collect()
    };
    norm(&edit.base) == norm(&edit.other)
}

/// An edit of articles only ("the" inserted or dropped, "a" for "the").
fn is_article_edit(edit: &Edit) -> bool {
    let only_articles = |s: &str| {
        words(s)
            .iter()
            .all(|w| ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(w)))
    };
    only_articles(&edit.base) && only_articles(&edit.other)
}

/// An edit that keeps the words: punctuation, case or spelling.
fn is_minor(edit: &Edit) -> bool {
    matches!(
        edit.class,
        EditClass::Punctuation | EditClass::Case | EditClass::Spelling
    )
}

/// Words of the pieces of one side (only the equal ones with `equal_only`).
fn piece_words(pieces: &[Piece], equal_only: bool) -> usize {
    pieces
        .iter()
        .filter(|p| !equal_only || p.edit.is_none())
        .map(|p| word_count(&p.text))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::diff::diff;

    #[test]
    fn pronoun_flip_is_a_rewrite() {
        let d = diff("His comments come after", "Her comments come after");
        assert_eq!(d.edits.len(), 1);
        assert_eq!(d.edits[0].op, EditOp::Replace);
        assert_eq!(d.edits[0].class, EditClass::Pronoun);
        assert!(!d.edits[0].in_quote);
        assert_eq!(link_kind(&d, 0.8), LinkKind::Rewrite);
    }

    #[test]
    fn curly_vs_straight_quotes_are_identical() {
        let d = diff(
            "He said “it’s over” on Friday.",
            "He said \"it's over\" on Friday.",
        );
        assert!(!d.edits.is_empty());
        assert!(d.edits.iter().all(|e| e.class == EditClass::Punctuation));
        assert_eq!(link_kind(&d, 0.99), LinkKind::Identical);
    }

    #[test]
    fn articles_are_minor() {
        let d = diff("He visited the capital.", "He visited capital.");
        assert_eq!(link_kind(&d, 0.9), LinkKind::Minor);
        let d = diff("It was a big day.", "It was the big day.");
        assert_eq!(link_kind(&d, 0.9), LinkKind::Minor);
    }

    #[test]
    fn added_clause_is_partial() {
        let a = "The council approved the new budget on Monday.";
        let b = "The council approved the new budget on Monday, after a long debate in which several members accused the mayor of hiding the true cost of the stadium project.";
        let d = diff(a, b);
        assert_eq!(link_kind(&d, 0.5), LinkKind::Partial);
        assert_eq!(link_kind(&diff(b, a), 0.5), LinkKind::Partial);
    }

    #[test]
    fn title_case_headline_cut_short_is_a_rewrite_not_paraphrase() {
        let d = diff(
            "Ministry Expects Harbour Talks With U.S., NATO in March",
            "Ministry expects harbour talks with US, NATO",
        );
        assert_eq!(link_kind(&d, 0.6), LinkKind::Rewrite, "{:?}", d.edits);
        let d = diff(
            "Ministry Expects Harbour Talks",
            "Ministry expects harbour talks",
        );
        assert_eq!(link_kind(&d, 0.9), LinkKind::Minor);
    }

    #[test]
    fn reworded_is_paraphrase() {
        let d = diff(
            "Officials said the storm destroyed dozens of homes near the coast.",
            "According to local authorities, many coastal houses were flattened by the hurricane.",
        );
        assert_eq!(link_kind(&d, 0.4), LinkKind::Paraphrase);
        let d = diff(
            "The minister resigned after the report was published on Friday.",
            "The minister quit after the inquiry report was released on Friday.",
        );
        assert_eq!(link_kind(&d, 0.7), LinkKind::Rewrite);
    }

    #[test]
    fn no_edits_is_identical() {
        assert_eq!(link_kind(&diff("Same.", "Same."), 1.0), LinkKind::Identical);
        assert_eq!(link_kind(&diff("A  b.", "A b."), 1.0), LinkKind::Identical);
    }

    #[test]
    fn unicode_and_odd_quotes_never_panic() {
        for (a, b) in [
            ("\"", "“"),
            ("'", "’"),
            ("”", ""),
            ("« Oui » dit-il", "« Non » dit-il"),
            ("é\u{301}\"x", "\"\"\""),
        ] {
            let d = diff(a, b);
            let _ = link_kind(&d, 0.0);
        }
    }
}
