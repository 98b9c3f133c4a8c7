//! Layout of text into fixed-width columns: word wrapping of marked pieces at grapheme
//! boundaries (a wide glyph never starts in a column's last cell), and side-by-side rows
//! whose two sides are padded to the same height. The viewer paints these rows and the
//! side-by-side export writes them, so screen and export never disagree.

use unicode_segmentation::UnicodeSegmentation;

use crate::engine::{Comparison, EditClass, EditOp, Piece, Version, WordDiff};
use crate::engine::{PairRow, RowKind};
use crate::render::safe::escape;
use crate::render::width::{grapheme_width, str_width};

/// How a piece of laid-out text is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// Shared text.
    Plain,
    /// Removed from the base (left side).
    Deleted(EditClass),
    /// Inserted in the other version (right side).
    Inserted(EditClass),
    /// Whole sentence with no partner, or boilerplate: shown dim.
    Dim,
}

/// A run of text with one mark, within one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The characters of the run, as displayed.
    pub text: String,
    /// How the run is styled: plain, deleted, inserted or dim.
    pub mark: Mark,
}

impl Segment {
    /// A run of `text` styled as `mark`.
    pub fn new(text: impl Into<String>, mark: Mark) -> Segment {
        Segment {
            text: text.into(),
            mark,
        }
    }
}

/// One display line; its width never exceeds the width it was wrapped to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    /// The runs of the line, left to right.
    pub segments: Vec<Segment>,
}

impl Line {
    /// Display width of the line in cells.
    pub fn width(&self) -> usize {
        self.segments.iter().map(|s| str_width(&s.text)).sum()
    }

    /// The line's text without marks.
    pub fn text(&self) -> String {
        self.segments.iter().map(|s| s.text.as_str()).collect()
    }

    /// Append text with a mark, merging with the last segment when the mark is the same.
    fn push(&mut self, text: &str, mark: Mark) {
        if text.is_empty() {
            return;
        }
        match self.segments.last_mut() {
            Some(last) if last.mark == mark => last.text.push_str(text),
            _ => self.segments.push(Segment::new(text, mark)),
        }
    }
}

/// Stand-in for a grapheme wider than the whole column (a wide glyph in a 1-cell column).
const TOO_WIDE: &str = "?";

/// One grapheme cluster with its mark and width.
#[derive(Clone, Copy)]
struct Cell<'a> {
    g: &'a str,
    mark: Mark,
    width: usize,
}

fn is_space(g: &str) -> bool {
    g.chars().all(char::is_whitespace)
}

/// Greedy line filling state.
struct Filler<'a> {
    width: usize,
    lines: Vec<Line>,
    line: Line,
    used: usize,
    /// Spaces seen since the last word; written only if the next word fits on this line.
    pending: Vec<Cell<'a>>,
}

impl<'a> Filler<'a> {
    fn new_line(&mut self) {
        self.lines.push(std::mem::take(&mut self.line));
        self.used = 0;
    }

    fn put(&mut self, c: Cell<'a>) {
        self.line.push(c.g, c.mark);
        self.used += c.width;
    }

    fn pending_width(&self) -> usize {
        self.pending.iter().map(|c| c.width).sum()
    }

    fn word(&mut self, word: &[Cell<'a>]) {
        let word_width: usize = word.iter().map(|c| c.width).sum();
        let pending = std::mem::take(&mut self.pending);
        let pending_width: usize = pending.iter().map(|c| c.width).sum();
        if self.used + pending_width + word_width <= self.width {
            for c in pending {
                self.put(c);
            }
            for &c in word {
                self.put(c);
            }
            return;
        }
        // The word does not fit after the spaces: a wrap point, the spaces are dropped.
        if self.used > 0 {
            self.new_line();
        }
        if word_width <= self.width {
            for &c in word {
                self.put(c);
            }
            return;
        }
        // Over-long token: break at grapheme boundaries.
        for &c in word {
            let c = if c.width > self.width {
                Cell {
                    g: TOO_WIDE,
                    mark: c.mark,
                    width: 1,
                }
            } else {
                c
            };
            if self.used + c.width > self.width {
                self.new_line();
            }
            self.put(c);
        }
    }
}

/// Wrap marked text to `width` cells: break at spaces where possible, inside over-long
/// tokens at grapheme boundaries otherwise; never put a wide glyph in the last cell.
///
/// Spaces at a wrap point and at the very end are dropped; leading spaces are kept when
/// they fit. Always returns at least one line (empty for empty input). With `width == 0`
/// nothing fits and the result is one empty line; a grapheme wider than the whole column
/// is shown as `?`.
pub fn wrap(pieces: &[Segment], width: usize) -> Vec<Line> {
    if width == 0 {
        return vec![Line::default()];
    }
    let mut filler = Filler {
        width,
        lines: Vec::new(),
        line: Line::default(),
        used: 0,
        pending: Vec::new(),
    };
    let mut word: Vec<Cell> = Vec::new();
    for piece in pieces {
        for g in piece.text.graphemes(true) {
            let cell = Cell {
                g,
                mark: piece.mark,
                width: grapheme_width(g),
            };
            if is_space(g) {
                if !word.is_empty() {
                    filler.word(&word);
                    word.clear();
                }
                filler.pending.push(cell);
            } else {
                word.push(cell);
            }
        }
    }
    if !word.is_empty() {
        filler.word(&word);
    }
    // Trailing spaces: keep them only if they fit (they are part of the text).
    if filler.used + filler.pending_width() <= width {
        for c in std::mem::take(&mut filler.pending) {
            filler.put(c);
        }
    }
    filler.new_line();
    filler.lines
}

/// The line as a string of exactly `width` cells: its text, padded with spaces (a line
/// wider than `width` is cut at a grapheme boundary and padded; never happens for lines
/// from [`wrap`] with the same width).
pub fn pad(line: &Line, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    'outer: for seg in &line.segments {
        for g in seg.text.graphemes(true) {
            let w = grapheme_width(g);
            if used + w > width {
                break 'outer;
            }
            out.push_str(g);
            used += w;
        }
    }
    out.extend(std::iter::repeat_n(' ', width - used));
    out
}

/// Segments of one side of a word diff: shared pieces plain; pieces of an edit marked
/// with `mark(class)` when the edit's op shows on this side (`shows`), plain otherwise.
fn diff_side(
    pieces: &[Piece],
    diff: &WordDiff,
    shows: fn(EditOp) -> bool,
    mark: fn(EditClass) -> Mark,
) -> Vec<Segment> {
    pieces
        .iter()
        .map(|p| {
            let m = match p.edit.and_then(|e| diff.edits.get(e)) {
                Some(edit) if shows(edit.op) => mark(edit.class),
                _ => Mark::Plain,
            };
            Segment::new(escape(&p.text).into_owned(), m)
        })
        .collect()
}

/// The marked text of both sides of one two-version row, before wrapping: for a link the
/// word diff (deleted and replaced pieces marked on the left, inserted and replaced pieces
/// on the right), for unmatched sentences the joined text marked [`Mark::Dim`]. Boilerplate
/// rows are dim on both sides.
pub fn row_segments(
    base: &Version,
    other: &Version,
    cmp: &Comparison,
    row: &PairRow,
) -> (Vec<Segment>, Vec<Segment>) {
    let joined = |v: &Version, idx: &[usize], mark: Mark| -> Vec<Segment> {
        let idx: Vec<usize> = idx
            .iter()
            .copied()
            .filter(|&i| i < v.sentences.len())
            .collect();
        if idx.is_empty() {
            Vec::new()
        } else {
            vec![Segment::new(escape(&v.joined(&idx)).into_owned(), mark)]
        }
    };
    let link = row.link.and_then(|l| cmp.links.get(l));
    let (mut left, mut right) = match (row.kind, link) {
        (RowKind::Link { .. }, Some(link)) => {
            let d = &link.diff;
            let mut left = diff_side(
                &d.base,
                d,
                |op| matches!(op, EditOp::Delete | EditOp::Replace),
                Mark::Deleted,
            );
            let mut right = diff_side(
                &d.other,
                d,
                |op| matches!(op, EditOp::Insert | EditOp::Replace),
                Mark::Inserted,
            );
            // A diff without pieces (both sides the same text): the sentences, plain.
            if left.is_empty() {
                left = joined(base, &row.base, Mark::Plain);
            }
            if right.is_empty() {
                right = joined(other, &row.other, Mark::Plain);
            }
            (left, right)
        }
        _ => (
            joined(base, &row.base, Mark::Dim),
            joined(other, &row.other, Mark::Dim),
        ),
    };
    if row.boilerplate {
        for s in left.iter_mut().chain(right.iter_mut()) {
            s.mark = Mark::Dim;
        }
    } else if row.dateline {
        // A dateline is dim, but what a copy changed in it (the credit) stays marked.
        for s in left.iter_mut().chain(right.iter_mut()) {
            if s.mark == Mark::Plain {
                s.mark = Mark::Dim;
            }
        }
    }
    (left, right)
}

/// Wrap both sides to their column widths and pad the shorter side with empty lines so
/// both have the same number of lines.
pub fn pair_lines(
    left: &[Segment],
    right: &[Segment],
    left_width: usize,
    right_width: usize,
) -> (Vec<Line>, Vec<Line>) {
    let mut l = if left.is_empty() {
        vec![Line::default()]
    } else {
        wrap(left, left_width)
    };
    let mut r = if right.is_empty() {
        vec![Line::default()]
    } else {
        wrap(right, right_width)
    };
    let height = l.len().max(r.len());
    l.resize(height, Line::default());
    r.resize(height, Line::default());
    (l, r)
}

/// One row of a comparison as (left lines, right lines) of equal height, wrapped to the
/// given column widths. What the viewer paints and the side-by-side export writes.
pub fn row_lines(
    base: &Version,
    other: &Version,
    cmp: &Comparison,
    row: &PairRow,
    left_width: usize,
    right_width: usize,
) -> (Vec<Line>, Vec<Line>) {
    let (left, right) = row_segments(base, other, cmp, row);
    pair_lines(&left, &right, left_width, right_width)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Edit, Link, LinkKind, Sentence, SentenceKind, Stats};
    use proptest::prelude::*;

    fn plain(s: &str) -> Vec<Segment> {
        vec![Segment::new(s, Mark::Plain)]
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(Line::text).collect()
    }

    #[test]
    fn wraps_at_spaces_and_drops_break_spaces() {
        let lines = wrap(&plain("the quick brown fox"), 10);
        assert_eq!(texts(&lines), ["the quick", "brown fox"]);
    }

    #[test]
    fn long_token_breaks_at_graphemes() {
        let lines = wrap(&plain("see https://example.org/abc"), 8);
        assert_eq!(texts(&lines), ["see", "https://", "example.", "org/abc"]);
    }

    #[test]
    fn combining_marks_and_zwj_stay_whole() {
        // "e" + combining acute is one cell; a ZWJ family is one 2-cell grapheme.
        let s = "e\u{301}e\u{301}e\u{301}\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        let lines = wrap(&plain(s), 3);
        assert_eq!(
            texts(&lines),
            [
                "e\u{301}e\u{301}e\u{301}",
                "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"
            ]
        );
    }

    #[test]
    fn wide_glyph_never_starts_in_last_cell() {
        let lines = wrap(&plain("a日本語"), 4);
        assert_eq!(texts(&lines), ["a日", "本語"]);
        assert_eq!(lines[0].width(), 3);
        assert_eq!(pad(&lines[0], 4), "a日 ");
    }

    #[test]
    fn tiny_widths_do_not_hang_or_panic() {
        assert_eq!(wrap(&plain("abc def"), 0), vec![Line::default()]);
        assert_eq!(texts(&wrap(&plain("ab 日"), 1)), ["a", "b", "?"]);
        assert_eq!(texts(&wrap(&plain(""), 5)), [""]);
    }

    #[test]
    fn marks_are_kept_per_segment() {
        let segs = vec![
            Segment::new("said ", Mark::Plain),
            Segment::new("His", Mark::Deleted(EditClass::Pronoun)),
            Segment::new(" aide", Mark::Plain),
        ];
        let lines = wrap(&segs, 8);
        assert_eq!(texts(&lines), ["said His", "aide"]);
        assert_eq!(
            lines[0].segments,
            vec![
                Segment::new("said ", Mark::Plain),
                Segment::new("His", Mark::Deleted(EditClass::Pronoun)),
            ]
        );
        assert_eq!(lines[1].segments, plain("aide"));
    }

    #[test]
    fn pad_makes_exact_width() {
        let line = Line {
            segments: plain("ab"),
        };
        assert_eq!(pad(&line, 5), "ab   ");
        assert_eq!(pad(&line, 1), "a");
        let wide = Line {
            segments: plain("日本"),
        };
        assert_eq!(pad(&wide, 3), "日 ");
    }

    fn version(name: &str, sents: &[&str]) -> Version {
        let mut text = String::new();
        let mut sentences = Vec::new();
        for s in sents {
            let start = text.len();
            text.push_str(s);
            sentences.push(Sentence {
                text: s.to_string().into(),
                start,
                end: text.len(),
                kind: SentenceKind::Body,
                paragraph: 0,
            });
            text.push(' ');
        }
        Version {
            name: name.into(),
            label: name.into(),
            text: text.into(),
            sentences,
        }
    }

    fn piece(t: &str, e: Option<usize>) -> Piece {
        Piece {
            text: t.into(),
            edit: e,
        }
    }

    #[test]
    fn link_row_marks_both_sides_and_pads_height() {
        let base = version("a", &["His aide left town today."]);
        let other = version("b", &["Her aide left town on a very long trip."]);
        let diff = WordDiff {
            base: vec![
                piece("His", Some(0)),
                piece(" aide left town ", None),
                piece("today.", Some(1)),
            ],
            other: vec![
                piece("Her", Some(0)),
                piece(" aide left town ", None),
                piece("on a very long trip.", Some(1)),
            ],
            edits: vec![
                Edit {
                    op: EditOp::Replace,
                    base: "His".into(),
                    other: "Her".into(),
                    class: EditClass::Pronoun,
                    in_quote: false,
                },
                Edit {
                    op: EditOp::Replace,
                    base: "today.".into(),
                    other: "on a very long trip.".into(),
                    class: EditClass::Word,
                    in_quote: false,
                },
            ],
            bounded: false,
        };
        let cmp = Comparison {
            base: 0,
            other: 1,
            links: vec![Link {
                base: vec![0],
                other: vec![0],
                kind: LinkKind::Rewrite,
                score: 0.6,
                moved: false,
                diff,
            }],
            unmatched_base: vec![],
            unmatched_other: vec![],
            stats: Stats::default(),
            findings: Vec::new(),
            quotes: Vec::new(),
            added_quotes: Vec::new(),
        };
        let row = PairRow {
            kind: RowKind::Link {
                kind: LinkKind::Rewrite,
                moved: false,
            },
            base: vec![0],
            other: vec![0],
            link: Some(0),
            boilerplate: false,
            dateline: false,
        };
        let (l, r) = row_lines(&base, &other, &cmp, &row, 12, 12);
        assert_eq!(l.len(), r.len());
        assert_eq!(texts(&l), ["His aide", "left town", "today.", ""]);
        assert_eq!(
            texts(&r),
            ["Her aide", "left town on", "a very long", "trip."]
        );
        assert_eq!(l[0].segments[0].mark, Mark::Deleted(EditClass::Pronoun));
        assert_eq!(r[0].segments[0].mark, Mark::Inserted(EditClass::Pronoun));
        assert_eq!(l[0].segments[1].mark, Mark::Plain);

        let added = PairRow {
            kind: RowKind::Added,
            base: vec![],
            other: vec![0],
            link: None,
            boilerplate: false,
            dateline: false,
        };
        let (l, r) = row_lines(&base, &other, &cmp, &added, 40, 40);
        assert_eq!(l, vec![Line::default()]);
        assert_eq!(r[0].segments[0].mark, Mark::Dim);

        // A boilerplate row is dim on both sides, edits included.
        let furniture = PairRow {
            boilerplate: true,
            ..row
        };
        let (l, r) = row_lines(&base, &other, &cmp, &furniture, 80, 80);
        assert!(
            l.iter()
                .chain(&r)
                .flat_map(|x| &x.segments)
                .all(|s| s.mark == Mark::Dim)
        );
        assert_eq!(l[0].text(), "His aide left town today.");

        // A dateline row is dim but keeps its edits marked.
        let dateline = PairRow {
            boilerplate: false,
            dateline: true,
            ..furniture
        };
        let (l, _) = row_lines(&base, &other, &cmp, &dateline, 80, 80);
        let marks: Vec<Mark> = l[0].segments.iter().map(|s| s.mark).collect();
        assert_eq!(
            marks,
            [
                Mark::Deleted(EditClass::Pronoun),
                Mark::Dim,
                Mark::Deleted(EditClass::Word)
            ]
        );
    }

    fn word_strategy() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                Just("a".to_string()),
                Just("bb".to_string()),
                Just("日".to_string()),
                Just("\u{1F600}".to_string()),
                Just("e\u{301}".to_string()),
                Just("https://x.org/long/path".to_string()),
                Just("\u{200B}".to_string()),
            ],
            1..6,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn wrapped_lines_fit_and_keep_words(
            words in prop::collection::vec(word_strategy(), 0..20),
            spaces in prop::collection::vec(1usize..3, 20),
            width in 2usize..30,
        ) {
            let mut text = String::new();
            for (i, w) in words.iter().enumerate() {
                if i > 0 {
                    text.push_str(&" ".repeat(spaces[i]));
                }
                text.push_str(w);
            }
            // Split the text into differently marked segments at an arbitrary char boundary.
            let cut = text.char_indices().map(|(i, _)| i).nth(text.chars().count() / 2).unwrap_or(0);
            let segs = vec![
                Segment::new(&text[..cut], Mark::Plain),
                Segment::new(&text[cut..], Mark::Dim),
            ];
            let lines = wrap(&segs, width);
            prop_assert!(!lines.is_empty());
            for l in &lines {
                prop_assert!(l.width() <= width, "{:?} wider than {}", l, width);
                prop_assert_eq!(str_width(&pad(l, width)), width);
            }
            // Break spaces are dropped: no continuation line starts with a space and no line
            // but the last ends with one.
            for l in lines.iter().skip(1) {
                prop_assert!(!l.text().starts_with(' '), "{:?}", l);
            }
            for l in &lines[..lines.len() - 1] {
                prop_assert!(!l.text().ends_with(' '), "{:?}", l);
            }
            // Words never contain wide graphemes wider than width >= 2, so nothing is replaced.
            let joined: String = texts(&lines).join("");
            let got: String = joined.split_whitespace().collect();
            let want: String = text.split_whitespace().collect();
            prop_assert_eq!(got, want);
            // A zero-width space is a break opportunity too.
            let split = |t: &str| -> Vec<String> {
                t.split(|c: char| c.is_whitespace() || c == '\u{200B}')
                    .filter(|w| !w.is_empty())
                    .map(String::from)
                    .collect()
            };
            let got_words = split(&texts(&lines).join(" "));
            // Rejoining with the dropped break spaces never merges or splits words except
            // where an over-long token was broken.
            if words.iter().all(|w| str_width(w) <= width) {
                let want_words = split(&text);
                prop_assert_eq!(got_words, want_words);
            }
        }
    }
}
