//! From the token diff to pieces: merge the diff operations into runs, absorb small equal
//! islands between two changes, and build each side's pieces and the edits.
//!
//! Merging: adjacent deletions and insertions form one replace; an equal island between
//! two changes joins them when it is at most [`MAX_ISLAND_TOKENS`] tokens that are all
//! punctuation or short function words ("the", "of", a comma), or a single word between a
//! replace and a pure insertion or deletion (so "those means that" -> "whatever means" is
//! one run). Numbers are never swallowed.
//!
//! Pieces: each side's pieces concatenate to its text; an edit piece ends at its last
//! token's text, the whitespace after it belongs to the next piece; where only one side
//! has an edit, the other side's shared text is split there too, so shared pieces
//! correspond one to one across the sides.

use std::ops::Range;

use similar::DiffOp;

use crate::engine::model::{Edit, EditClass, EditOp, Piece, WordDiff};
use crate::engine::text::{Token, TokenKind};

use super::classify::EditSpan;
use super::word_lists::{FUNCTION_WORD_MAX_LEN, FUNCTION_WORDS};

/// An equal island of at most this many tokens between two changes may join them: two
/// covers "of the" and "the ,", while a longer shared stretch ("car of the" in "a red car
/// of the old man" -> "a blue car of the young man") is worth showing as shared.
const MAX_ISLAND_TOKENS: usize = 2;

/// A run of the merged diff: equal, or one change (either range may be empty, not both).
/// The ranges are token indices into the base (`old`) and other (`new`) side.
#[derive(Debug, Clone)]
pub(super) struct Run {
    equal: bool,
    old: Range<usize>,
    new: Range<usize>,
}

impl Run {
    fn is_replace(&self) -> bool {
        !self.equal && !self.old.is_empty() && !self.new.is_empty()
    }
}

/// Turn the diff ops into alternating equal / change runs and absorb small equal islands
/// between two changes (`btext`, `btoks`: the base text and its tokens).
pub(super) fn merge_ops(ops: &[DiffOp], btext: &str, btoks: &[Token]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::with_capacity(ops.len());
    for run in alternating_runs(ops) {
        if !run.equal && out.len() >= 2 {
            let island = &out[out.len() - 1];
            let prev = &out[out.len() - 2];
            if island.equal && !prev.equal && absorb(island, prev, &run, btext, btoks) {
                let _ = out.pop();
                let prev = out.last_mut().expect("checked length");
                prev.old.end = run.old.end;
                prev.new.end = run.new.end;
                continue;
            }
        }
        out.push(run);
    }
    out
}

/// The diff ops as runs that alternate between equal and changed (deletions and
/// insertions next to each other are one change).
fn alternating_runs(ops: &[DiffOp]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::with_capacity(ops.len());
    for op in ops {
        let (_, old, new) = op.as_tag_tuple();
        if old.is_empty() && new.is_empty() {
            continue;
        }
        let equal = matches!(op, DiffOp::Equal { .. });
        match runs.last_mut() {
            Some(last) if last.equal == equal => {
                last.old.end = old.end;
                last.new.end = new.end;
            }
            _ => runs.push(Run { equal, old, new }),
        }
    }
    runs
}

/// Whether the equal `island` between changes `prev` and `next` should join them.
fn absorb(island: &Run, prev: &Run, next: &Run, btext: &str, btoks: &[Token]) -> bool {
    let len = island.old.len();
    if len == 0 || len > MAX_ISLAND_TOKENS {
        return false;
    }
    let toks = &btoks[island.old.clone()];
    if toks.iter().all(|t| is_small(t.core(btext), t.kind)) {
        return true;
    }
    // One content word between a replace and a pure insertion/deletion: the words around
    // it were reworded ("those means that" -> "whatever means").
    len == 1 && toks[0].kind == TokenKind::Word && (prev.is_replace() != next.is_replace())
}

/// Short function words and punctuation that may be swallowed by a surrounding change.
fn is_small(core: &str, kind: TokenKind) -> bool {
    if kind == TokenKind::Punct {
        return true;
    }
    if kind == TokenKind::Number || core.len() > FUNCTION_WORD_MAX_LEN {
        return false;
    }
    FUNCTION_WORDS.iter().any(|s| s.eq_ignore_ascii_case(core))
}

/// The pieces and edits of both sides from the merged `runs` (`btoks`, `otoks`: the
/// tokens of `base` and `other`), with where each edit lies in the texts. The edits are
/// not classified yet.
pub(super) fn build_sides(
    base: &str,
    other: &str,
    btoks: &[Token],
    otoks: &[Token],
    runs: &[Run],
) -> (WordDiff, Vec<EditSpan>) {
    let mut b = SideBuilder::new(base);
    let mut o = SideBuilder::new(other);
    let mut edits = Vec::new();
    let mut spans = Vec::new();
    for run in runs {
        if run.equal {
            if let Some(t) = run.old.clone().last().map(|i| btoks[i]) {
                b.push(t.end, None);
            }
            if let Some(t) = run.new.clone().last().map(|i| otoks[i]) {
                o.push(t.end, None);
            }
            continue;
        }
        let k = edits.len();
        let bs = edit_range(btoks, &run.old, base.len());
        let os = edit_range(otoks, &run.new, other.len());
        b.push_edit(&bs, k);
        o.push_edit(&os, k);
        edits.push(new_edit(&base[bs.clone()], &other[os.clone()]));
        spans.push(EditSpan {
            base: bs,
            other: os,
        });
    }
    let diff = WordDiff {
        base: b.finish(),
        other: o.finish(),
        edits,
        bounded: false,
    };
    (diff, spans)
}

/// Byte range of the tokens `range` of a text of `len` bytes, from the first token's
/// start to the last one's core end; an empty `range` gives the empty range where its
/// next token starts (or at the end).
fn edit_range(toks: &[Token], range: &Range<usize>, len: usize) -> Range<usize> {
    if range.is_empty() {
        let at = toks.get(range.start).map_or(len, |t| t.start);
        at..at
    } else {
        toks[range.start].start..toks[range.end - 1].core_end
    }
}

/// Appends pieces for one side.
pub(super) struct SideBuilder<'a> {
    text: &'a str,
    pos: usize,
    pieces: Vec<Piece>,
    /// The next shared piece starts a new piece: the other side has an edit here.
    split: bool,
}

impl<'a> SideBuilder<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        SideBuilder {
            text,
            pos: 0,
            pieces: Vec::new(),
            split: false,
        }
    }

    /// Edit `k` at `range`: its piece, after the shared text before it; for an empty
    /// range, a split of the shared text there.
    fn push_edit(&mut self, range: &Range<usize>, k: usize) {
        if range.is_empty() {
            self.split_at(range.start);
        } else {
            self.push(range.start, None);
            self.push(range.end, Some(k));
        }
    }

    /// Close the current shared piece at `at`, so that shared pieces on both sides
    /// correspond one to one even where only the other side has an edit.
    fn split_at(&mut self, at: usize) {
        self.push(at, None);
        self.split = true;
    }

    /// The text from the end of the last piece to `end`, as a piece of edit `edit` (or a
    /// shared one, joined to a shared piece before it unless split there).
    pub(super) fn push(&mut self, end: usize, edit: Option<usize>) {
        let end = end.min(self.text.len());
        if end <= self.pos {
            return;
        }
        let s = &self.text[self.pos..end];
        let split = std::mem::take(&mut self.split);
        match self.pieces.last_mut() {
            Some(last) if edit.is_none() && last.edit.is_none() && !split => last.text.push_str(s),
            _ => self.pieces.push(Piece {
                text: s.to_string(),
                edit,
            }),
        }
        self.pos = end;
    }

    /// The pieces, the rest of the text as the last one.
    pub(super) fn finish(mut self) -> Vec<Piece> {
        self.push(self.text.len(), None);
        self.pieces
    }
}

/// An unclassified edit from `base` to `other` (either may be empty, not both).
pub(super) fn new_edit(base: &str, other: &str) -> Edit {
    let op = match (base.is_empty(), other.is_empty()) {
        (false, false) => EditOp::Replace,
        (true, _) => EditOp::Insert,
        (false, true) => EditOp::Delete,
    };
    Edit {
        op,
        base: base.to_string(),
        other: other.to_string(),
        class: EditClass::Word,
        in_quote: false,
    }
}
