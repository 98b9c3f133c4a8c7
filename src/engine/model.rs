//! The plain data every stage of the pipeline shares: versions and their sentences, links
//! between sentences of two versions, word edits inside a link, and whole comparisons.
//!
//! Nothing here computes anything beyond trivial accessors; the stages live in their own
//! modules (`load`, `segment`, `boilerplate`, `align`, `worddiff`, `classify`, `collate`,
//! `stats`). The JSON export (`export::json`) writes them by hand.

use std::ops::{Deref, Range};
use std::sync::Arc;

/// What a sentence of a version is: story text, page furniture, or the dateline that opens
/// the story ("PARIS (AFP) -").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SentenceKind {
    /// The story itself: compared, counted and searched for findings.
    #[default]
    Body,
    /// Page furniture (navigation, bylines, "Related Topics", ...): kept and shown folded,
    /// linked only to furniture, left out of the statistics.
    Boilerplate,
    /// The place, date and agency credit before the first sentence ("NEW YORK (AP) —"):
    /// shown dimmed, linked only to datelines (the link's diff shows whether a copy kept
    /// the wire's credit), left out of the statistics, never a finding.
    Dateline,
}

impl SentenceKind {
    /// The kind as the JSON names it.
    pub fn name(self) -> &'static str {
        match self {
            SentenceKind::Body => "body",
            SentenceKind::Boilerplate => "boilerplate",
            SentenceKind::Dateline => "dateline",
        }
    }
}

/// A sentence's display text, read as a `str`: a span of its version's text when the
/// input has the sentence as shown (most sentences: no line break, tab or run of spaces
/// inside), else a text of its own. A long story's sentences then hold no second copy of
/// it (docs/ARCHITECTURE.md, "Memory"), and a clone shares the text.
#[derive(Clone)]
pub struct DisplayText {
    source: Arc<str>,
    start: usize,
    end: usize,
}

impl DisplayText {
    /// The span `range` of `source`; `None` unless both ends are character boundaries
    /// within it.
    pub fn span(source: &Arc<str>, range: Range<usize>) -> Option<DisplayText> {
        source.get(range.clone())?;
        Some(DisplayText {
            source: Arc::clone(source),
            start: range.start,
            end: range.end,
        })
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.source[self.start..self.end]
    }

    /// Whether this is a span of `source` (no copy of its own).
    #[cfg(test)]
    pub(crate) fn shares(&self, source: &Arc<str>) -> bool {
        Arc::ptr_eq(&self.source, source)
    }
}

impl Deref for DisplayText {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for DisplayText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for DisplayText {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for DisplayText {
    fn from(text: String) -> DisplayText {
        let end = text.len();
        DisplayText {
            source: Arc::from(text),
            start: 0,
            end,
        }
    }
}

impl From<&str> for DisplayText {
    fn from(text: &str) -> DisplayText {
        DisplayText {
            source: Arc::from(text),
            start: 0,
            end: text.len(),
        }
    }
}

impl Default for DisplayText {
    fn default() -> DisplayText {
        DisplayText::from("")
    }
}

impl PartialEq for DisplayText {
    fn eq(&self, other: &DisplayText) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for DisplayText {}

impl PartialEq<str> for DisplayText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for DisplayText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for DisplayText {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<DisplayText> for str {
    fn eq(&self, other: &DisplayText) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<DisplayText> for &str {
    fn eq(&self, other: &DisplayText) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<DisplayText> for String {
    fn eq(&self, other: &DisplayText) -> bool {
        self.as_str() == other.as_str()
    }
}

/// Hashed as its text, as a `String` or `str` is (`Borrow<str>` relies on it).
impl std::hash::Hash for DisplayText {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl std::fmt::Debug for DisplayText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for DisplayText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One sentence (or headline, dateline, or line of page furniture) of a version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence as shown: whitespace runs (including CR, LF, tabs and other control
    /// characters) collapsed to one space, trimmed. Never empty.
    pub text: DisplayText,
    /// Byte offset of the first byte of the sentence in the ORIGINAL input.
    pub start: usize,
    /// Byte offset one past the last byte of the sentence in the ORIGINAL input.
    pub end: usize,
    /// Story text, page furniture or dateline.
    pub kind: SentenceKind,
    /// Index of the paragraph (block separated by a blank line) the sentence belongs to.
    pub paragraph: usize,
}

/// One published version of the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// File name as given on the command line (or `-` / `demo/...`).
    pub name: String,
    /// The name shown for the version: given with `--label`, else the shortest
    /// unambiguous form of `name`.
    pub label: String,
    /// The original text, exactly as read (after UTF-8 validation; BOM and CRLF kept), so
    /// that sentence spans index into it. Shared with the display texts of the sentences
    /// that read as written ([`DisplayText`]).
    pub text: Arc<str>,
    /// The version's sentences in reading order, with byte spans into `text`.
    pub sentences: Vec<Sentence>,
}

/// How two linked sentence groups relate, from closest to loosest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LinkKind {
    /// Same words; at most spacing or quote-style changes.
    Identical,
    /// Punctuation, case, spelling variants, articles.
    Minor,
    /// Word-level substitutions in the same sentence frame.
    Rewrite,
    /// Substantially reworded.
    Paraphrase,
    /// Only part of the content is shared.
    Partial,
}

impl LinkKind {
    /// Every kind, from closest to loosest.
    pub const ALL: [LinkKind; 5] = [
        LinkKind::Identical,
        LinkKind::Minor,
        LinkKind::Rewrite,
        LinkKind::Paraphrase,
        LinkKind::Partial,
    ];

    /// The kind as the JSON and every screen name it.
    pub fn name(self) -> &'static str {
        match self {
            LinkKind::Identical => "identical",
            LinkKind::Minor => "minor",
            LinkKind::Rewrite => "rewrite",
            LinkKind::Paraphrase => "paraphrase",
            LinkKind::Partial => "partial",
        }
    }
}

/// What a word edit does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EditOp {
    /// Words of the base replaced by other words.
    Replace,
    /// Words only the other version has.
    Insert,
    /// Words of the base the other version dropped.
    Delete,
}

/// What kind of change a word edit is, for highlighting and filtering. Ordered roughly by
/// how much an editor cares (later = more important).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EditClass {
    /// Only punctuation (or quote style) differs.
    Punctuation,
    /// Only letter case differs.
    Case,
    /// Spelling variants: US/U.S., -ize/-ise, -or/-our, hyphenation.
    Spelling,
    /// Any other word change.
    Word,
    /// A capitalised word (a name) changed.
    Name,
    /// A number changed.
    Number,
    /// A personal or possessive pronoun changed ("His" -> "Her").
    Pronoun,
    /// A word change inside a quotation.
    Quote,
}

impl EditClass {
    /// The class as the JSON and every screen name it.
    pub fn name(self) -> &'static str {
        match self {
            EditClass::Punctuation => "punctuation",
            EditClass::Case => "case",
            EditClass::Spelling => "spelling",
            EditClass::Word => "word",
            EditClass::Name => "name",
            EditClass::Number => "number",
            EditClass::Pronoun => "pronoun",
            EditClass::Quote => "quote",
        }
    }
}

/// One merged word-level edit inside a link. `base`/`other` hold the removed and inserted
/// text (empty for an insert/delete respectively).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// Replace, insert or delete.
    pub op: EditOp,
    /// The base's words the edit removes (empty for an insert).
    pub base: String,
    /// The other version's words the edit brings in (empty for a delete).
    pub other: String,
    /// What kind of change it is, for highlighting and findings.
    pub class: EditClass,
    /// The edit lies inside a quotation on both sides (most of each side's words, or the
    /// insertion point of an empty side).
    pub in_quote: bool,
}

/// A piece of one side of a word diff: a run of text, either shared with the other side or
/// belonging to edit number `edit` (an index into `WordDiff::edits`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The run of text, exactly as in the side's joined sentence text.
    pub text: String,
    /// The edit it belongs to (index into `WordDiff::edits`); `None` when shared.
    pub edit: Option<usize>,
}

/// The word diff of one link: each side as a sequence of pieces whose texts concatenate to
/// that side's joined sentence text, plus the merged edits. In an analysis, a link whose
/// two sides are the same text keeps no pieces (both lists empty, no edits): its text is
/// its sentences' joined text ([`Version::joined`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WordDiff {
    /// The base's side, as pieces (none when both sides are the same text).
    pub base: Vec<Piece>,
    /// The other version's side, as pieces (none when both sides are the same text).
    pub other: Vec<Piece>,
    /// The merged edits, in text order.
    pub edits: Vec<Edit>,
    /// The diff was cut short (pathological input); pieces then show the sides as one
    /// replace.
    pub bounded: bool,
}

/// One alignment unit between the base and another version: 1:1, 1:2, 2:1 (and rarely
/// n:m). Indices are sentence indices into the respective versions, ascending.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The base's sentences in the link.
    pub base: Vec<usize>,
    /// The other version's sentences in the link.
    pub other: Vec<usize>,
    /// How close the two groups are, from identical to partial.
    pub kind: LinkKind,
    /// Similarity in [0, 1].
    pub score: f32,
    /// The link crosses other links (the sentence moved).
    pub moved: bool,
    /// The word diff of the two groups' joined texts.
    pub diff: WordDiff,
}

/// What a finding says changed: the edits an editor checks first, from the most
/// important. A finding is never raised for punctuation, case, spelling, boilerplate or a
/// dateline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FindingClass {
    /// A word changed inside a direct quotation (an altered quote).
    Quote,
    /// A negation gained or lost ("did not want" vs "wanted").
    Negation,
    /// A number changed.
    Number,
    /// A name changed.
    Name,
    /// A personal or possessive pronoun swapped ("His" -> "Her").
    Pronoun,
    /// A neutral attribution verb made loaded ("said" -> "claimed", "admitted").
    Attribution,
}

impl FindingClass {
    /// Every class, most important first.
    pub const ALL: [FindingClass; 6] = [
        FindingClass::Quote,
        FindingClass::Negation,
        FindingClass::Number,
        FindingClass::Name,
        FindingClass::Pronoun,
        FindingClass::Attribution,
    ];

    /// The class as the JSON and every screen name it.
    pub fn name(self) -> &'static str {
        match self {
            FindingClass::Quote => "quote",
            FindingClass::Negation => "negation",
            FindingClass::Number => "number",
            FindingClass::Name => "name",
            FindingClass::Pronoun => "pronoun",
            FindingClass::Attribution => "attribution",
        }
    }
}

/// One edit that may change what the story says, located in both versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What the finding says changed.
    pub class: FindingClass,
    /// The base's side of the edit (empty when the other version added it).
    pub base: String,
    /// The other version's side (empty when it dropped it).
    pub other: String,
    /// Base sentences the edit is in, ascending.
    pub base_sentences: Vec<usize>,
    /// Sentences of the other version the edit is in, ascending.
    pub other_sentences: Vec<usize>,
    /// The link (index into `Comparison::links`) whose diff holds the edit; `None` for a
    /// quotation matched outside the links.
    pub link: Option<usize>,
}

/// What became of one quotation of the base in the other version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteStatus {
    /// Quoted word for word (quote marks, spacing and punctuation aside).
    Verbatim,
    /// Quoted with words changed: see its edits.
    Altered,
    /// Its words survive without quote marks (direct speech made indirect).
    Paraphrased,
    /// Not in the other version.
    Missing,
}

impl QuoteStatus {
    /// The status as the JSON and every screen name it.
    pub fn name(self) -> &'static str {
        match self {
            QuoteStatus::Verbatim => "verbatim",
            QuoteStatus::Altered => "altered",
            QuoteStatus::Paraphrased => "paraphrased",
            QuoteStatus::Missing => "missing",
        }
    }
}

/// A quotation of one version: its words and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// The quoted words, without the quote marks.
    pub text: String,
    /// Sentences the quotation spans, ascending.
    pub sentences: Vec<usize>,
}

/// One quotation of the base and its counterpart in the other version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteMatch {
    /// The base's quotation.
    pub base: Quotation,
    /// What became of it: verbatim, altered, paraphrased or missing.
    pub status: QuoteStatus,
    /// The counterpart (a quotation for verbatim and altered, the sentence text that keeps
    /// the words for paraphrased; `None` when missing).
    pub other: Option<Quotation>,
    /// Word edits between the two quotations (altered only).
    pub edits: Vec<Edit>,
}

/// Per-version statistics against the base. Only story text counts (neither page furniture
/// nor datelines) except in the `boilerplate_*` counts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stats {
    /// Story sentences in the base / the other version.
    pub base_sentences: usize,
    /// Story sentences in the other version.
    pub other_sentences: usize,
    /// Story sentences of the base that are part of some link.
    pub carried: usize,
    /// `carried / base_sentences` (0 when the base has none).
    pub carried_share: f32,
    /// Links of kind identical (a link counts once, whatever its size).
    pub identical: usize,
    /// Links of kind minor.
    pub minor: usize,
    /// Links of kind rewrite.
    pub rewrite: usize,
    /// Links of kind paraphrase.
    pub paraphrase: usize,
    /// Links of kind partial.
    pub partial: usize,
    /// Links whose sentences moved (also counted under their kind).
    pub moved: usize,
    /// Story sentences of the other version in no link.
    pub added: usize,
    /// Story sentences of the base in no link.
    pub deleted: usize,
    /// Boilerplate sentences in the base.
    pub boilerplate_base: usize,
    /// Boilerplate sentences in the other version.
    pub boilerplate_other: usize,
    /// Overall similarity in [0, 1].
    pub similarity: f32,
    /// Findings per class, indexed like `FindingClass::ALL`.
    pub findings: [usize; 6],
}

/// The alignment of one version against the base.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Index of the base version.
    pub base: usize,
    /// Index of the other version.
    pub other: usize,
    /// Links in base order (by first base sentence).
    pub links: Vec<Link>,
    /// Base sentences in no link, ascending.
    pub unmatched_base: Vec<usize>,
    /// Other sentences in no link, ascending.
    pub unmatched_other: Vec<usize>,
    /// The other version's counts against the base.
    pub stats: Stats,
    /// The edits that may change what the story says, in base order.
    pub findings: Vec<Finding>,
    /// Every quotation of the base and what became of it, in base order.
    pub quotes: Vec<QuoteMatch>,
    /// Quotations of the other version with no counterpart in the base.
    pub added_quotes: Vec<Quotation>,
}

/// What one collation row holds for one version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Nothing from this version at this row.
    Empty,
    /// Base sentences of this row (only in the base's column).
    Base(Vec<usize>),
    /// This version's sentences linked to the row's base sentences, via link `link` of
    /// its comparison.
    Linked {
        /// This version's sentences in the link, ascending.
        sentences: Vec<usize>,
        /// The link's index into this version's `Comparison::links`.
        link: usize,
    },
    /// Sentences of this version with no partner, placed after their nearest matched
    /// predecessor.
    Unmatched(Vec<usize>),
}

/// One row of the N-way collation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// One cell per version, indexed like `Analysis::versions`.
    pub cells: Vec<Cell>,
}

/// Everything wirediff knows about a set of versions.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// Index of the base, the version every other one is compared with.
    pub base: usize,
    /// Every version, in the order given.
    pub versions: Vec<Version>,
    /// One comparison per non-base version, in version order.
    pub comparisons: Vec<Comparison>,
    /// The N-way collation: rows in base order, every sentence of every version once.
    pub rows: Vec<Row>,
}

impl Sentence {
    /// Page furniture.
    pub fn boilerplate(&self) -> bool {
        self.kind == SentenceKind::Boilerplate
    }

    /// Story text (neither furniture nor a dateline): what statistics and findings count.
    pub fn is_body(&self) -> bool {
        self.kind == SentenceKind::Body
    }
}

impl Version {
    /// The name every screen and export shows for this version.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The display text of a group of sentences, joined by single spaces.
    pub fn joined(&self, indices: &[usize]) -> String {
        let mut out = String::new();
        for &i in indices {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&self.sentences[i].text);
        }
        out
    }
}

impl Analysis {
    /// The comparison of version `other` with the base, if `other` is not the base.
    pub fn comparison(&self, other: usize) -> Option<&Comparison> {
        self.comparisons.iter().find(|c| c.other == other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, BuildHasherDefault};

    #[test]
    fn a_display_text_compares_and_hashes_as_its_str() {
        let source: Arc<str> = Arc::from("Ask not. Ask now.");
        let span = DisplayText::span(&source, 9..17).unwrap();
        let own = DisplayText::from("Ask now.".to_string());
        assert_eq!(span, own);
        assert_eq!(span, "Ask now.");
        assert_eq!(format!("{span} {span:?}"), "Ask now. \"Ask now.\"");
        let hasher = BuildHasherDefault::<rustc_hash::FxHasher>::default();
        assert_eq!(hasher.hash_one(&span), hasher.hash_one("Ask now."));
        assert_ne!(span, DisplayText::span(&source, 0..8).unwrap());
        assert!(DisplayText::span(&source, 9..40).is_none(), "past the end");
        let accented: Arc<str> = Arc::from("é");
        assert!(
            DisplayText::span(&accented, 1..2).is_none(),
            "inside a character"
        );
    }
}
