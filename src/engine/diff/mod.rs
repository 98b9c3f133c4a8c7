//! Word diff inside a link: tokenise into words, numbers and punctuation, diff with
//! `similar` under a deadline, merge small equal islands into readable replace runs, and
//! classify each edit (via `classify`).
//!
//! Tokens keep their trailing whitespace so that the pieces of each side concatenate back
//! to the exact input; tokens are compared without that whitespace, so spacing changes
//! alone never make an edit. Numbers with separators, currency and suffixes (`3.5%`,
//! `$1.2bn`, `175,000`) and dotted initials (`U.S.`) are single tokens; an apostrophe
//! between letters stays inside its word (`Russia's`, `don’t`); a Han ideograph or kana
//! (scripts written without spaces) is a word of its own; every other non-alphanumeric
//! character (with its combining marks) is a token of its own.
//!
//! Merging: adjacent deletions and insertions form one replace; an equal island between
//! two changes joins them when it is at most two tokens that are all punctuation or short
//! function words ("the", "of", a comma), or a single word between a replace and a pure
//! insertion or deletion (so "those means that" -> "whatever means" is one run). Numbers
//! are never swallowed. Edit pieces end at the last token's text; the whitespace after it
//! belongs to the next piece. Apostrophe styles inside words compare equal.
//!
//! Very long sides (more than [`MAX_TOKENS`] tokens or [`MAX_BYTES`] bytes) are not
//! diffed token by token: the common prefix and suffix (cut at whitespace) stay equal and
//! the middle becomes one replace, with `WordDiff::bounded` set.

pub mod classify;

use std::borrow::Cow;
use std::ops::Range;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp};

use crate::engine::model::{Edit, EditClass, EditOp, Piece, WordDiff};
use crate::engine::text::{Token, TokenKind, straight_apostrophes, tokenize};
use classify::EditSpan;

/// Sides with more tokens than this are diffed coarsely (prefix / middle / suffix).
pub const MAX_TOKENS: usize = 5_000;
/// Sides longer than this many bytes are diffed coarsely without tokenising.
pub const MAX_BYTES: usize = 60_000;
/// Time budget of one token diff.
const DEADLINE: Duration = Duration::from_millis(200);

/// The comparison key of a token: apostrophes inside words in one style, so that
/// "Russia's" and "Russia’s" are equal. A lone ’ is a closing quotation mark and stays one.
fn key(core: &str) -> Cow<'_, str> {
    if core.chars().any(char::is_alphanumeric) {
        straight_apostrophes(core)
    } else {
        Cow::Borrowed(core)
    }
}

/// Short function words and punctuation that may be swallowed by a surrounding change.
fn is_small(core: &str, kind: TokenKind) -> bool {
    if kind == TokenKind::Punct {
        return true;
    }
    if kind == TokenKind::Number || core.len() > 4 {
        return false;
    }
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "and", "or", "as", "is",
        "was", "be", "are", "that", "this", "with", "from", "it", "but",
    ];
    SMALL.iter().any(|s| s.eq_ignore_ascii_case(core))
}

/// A run of the merged diff: equal, or one change (either range may be empty, not both).
#[derive(Debug, Clone)]
struct Seg {
    equal: bool,
    old: Range<usize>,
    new: Range<usize>,
}

impl Seg {
    fn is_replace(&self) -> bool {
        !self.equal && !self.old.is_empty() && !self.new.is_empty()
    }
}

/// Turn the diff ops into alternating equal / change segments and absorb small equal
/// islands between two changes.
fn merge_ops(ops: &[DiffOp], btext: &str, btoks: &[Token]) -> Vec<Seg> {
    let mut raw: Vec<Seg> = Vec::with_capacity(ops.len());
    for op in ops {
        let (_, old, new) = op.as_tag_tuple();
        if old.is_empty() && new.is_empty() {
            continue;
        }
        let equal = matches!(op, DiffOp::Equal { .. });
        match raw.last_mut() {
            Some(last) if last.equal == equal => {
                last.old.end = old.end;
                last.new.end = new.end;
            }
            _ => raw.push(Seg { equal, old, new }),
        }
    }
    let mut out: Vec<Seg> = Vec::with_capacity(raw.len());
    for seg in raw {
        if !seg.equal && out.len() >= 2 {
            let island = &out[out.len() - 1];
            let prev = &out[out.len() - 2];
            if island.equal && !prev.equal && absorb(island, prev, &seg, btext, btoks) {
                let _ = out.pop();
                let prev = out.last_mut().expect("checked length");
                prev.old.end = seg.old.end;
                prev.new.end = seg.new.end;
                continue;
            }
        }
        out.push(seg);
    }
    out
}

/// Whether the equal `island` between changes `prev` and `next` should join them.
fn absorb(island: &Seg, prev: &Seg, next: &Seg, btext: &str, btoks: &[Token]) -> bool {
    let len = island.old.len();
    if len == 0 || len > 2 {
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

/// Appends pieces for one side.
struct SideBuilder<'a> {
    text: &'a str,
    pos: usize,
    pieces: Vec<Piece>,
    /// The next shared piece starts a new piece: the other side has an edit here.
    split: bool,
}

impl<'a> SideBuilder<'a> {
    fn new(text: &'a str) -> Self {
        SideBuilder {
            text,
            pos: 0,
            pieces: Vec::new(),
            split: false,
        }
    }

    /// Close the current shared piece at `at`, so that shared pieces on both sides
    /// correspond one to one even where only the other side has an edit.
    fn split_at(&mut self, at: usize) {
        self.push(at, None);
        self.split = true;
    }

    fn push(&mut self, end: usize, edit: Option<usize>) {
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

    fn finish(mut self) -> Vec<Piece> {
        self.push(self.text.len(), None);
        self.pieces
    }
}

fn new_edit(base: &str, other: &str) -> Edit {
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

/// Diff the joined text of the base side against the other side.
pub fn diff(base: &str, other: &str) -> WordDiff {
    if base == other {
        let side = |s: &str| {
            if s.is_empty() {
                Vec::new()
            } else {
                vec![Piece {
                    text: s.to_string(),
                    edit: None,
                }]
            }
        };
        return WordDiff {
            base: side(base),
            other: side(other),
            edits: Vec::new(),
            bounded: false,
        };
    }
    if base.len() > MAX_BYTES || other.len() > MAX_BYTES {
        return coarse(base, other);
    }
    let btoks = tokenize(base);
    let otoks = tokenize(other);
    if btoks.len() > MAX_TOKENS || otoks.len() > MAX_TOKENS {
        return coarse(base, other);
    }
    let bkeys: Vec<Cow<str>> = btoks.iter().map(|t| key(t.core(base))).collect();
    let okeys: Vec<Cow<str>> = otoks.iter().map(|t| key(t.core(other))).collect();
    let deadline = Instant::now() + DEADLINE;
    let ops =
        similar::capture_diff_slices_deadline(Algorithm::Myers, &bkeys, &okeys, Some(deadline));
    let bounded = Instant::now() > deadline;
    let segs = merge_ops(&ops, base, &btoks);

    let mut b = SideBuilder::new(base);
    let mut o = SideBuilder::new(other);
    let mut edits = Vec::new();
    let mut spans = Vec::new();
    for seg in &segs {
        if seg.equal {
            if let Some(t) = seg.old.clone().last().map(|i| btoks[i]) {
                b.push(t.end, None);
            }
            if let Some(t) = seg.new.clone().last().map(|i| otoks[i]) {
                o.push(t.end, None);
            }
            continue;
        }
        let k = edits.len();
        let span = |toks: &[Token], r: &Range<usize>, len: usize| -> Range<usize> {
            if r.is_empty() {
                let p = toks.get(r.start).map_or(len, |t| t.start);
                p..p
            } else {
                toks[r.start].start..toks[r.end - 1].core_end
            }
        };
        let bs = span(&btoks, &seg.old, base.len());
        let os = span(&otoks, &seg.new, other.len());
        if bs.is_empty() {
            b.split_at(bs.start);
        } else {
            b.push(bs.start, None);
            b.push(bs.end, Some(k));
        }
        if os.is_empty() {
            o.split_at(os.start);
        } else {
            o.push(os.start, None);
            o.push(os.end, Some(k));
        }
        edits.push(new_edit(&base[bs.clone()], &other[os.clone()]));
        spans.push(EditSpan {
            base: bs,
            other: os,
        });
    }
    let mut wd = WordDiff {
        base: b.finish(),
        other: o.finish(),
        edits,
        bounded,
    };
    classify::classify_edits(base, other, &spans, &mut wd.edits);
    wd
}

/// Length of the common prefix of two byte strings (compared in blocks, so that it is
/// quick even without optimisation).
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 256;
    let max = a.len().min(b.len());
    let mut p = 0;
    while p + BLOCK <= max && a[p..p + BLOCK] == b[p..p + BLOCK] {
        p += BLOCK;
    }
    while p < max && a[p] == b[p] {
        p += 1;
    }
    p
}

/// Length of the common suffix of two byte strings, at most `max`.
fn common_suffix(a: &[u8], b: &[u8], max: usize) -> usize {
    const BLOCK: usize = 256;
    let (la, lb) = (a.len(), b.len());
    let mut s = 0;
    while s + BLOCK <= max && a[la - s - BLOCK..la - s] == b[lb - s - BLOCK..lb - s] {
        s += BLOCK;
    }
    while s < max && a[la - s - 1] == b[lb - s - 1] {
        s += 1;
    }
    s
}

/// Bytes of context around a coarse edit used to classify it.
const COARSE_CONTEXT: usize = 2_000;

/// Coarse diff of long sides: common prefix and suffix (cut after whitespace) are equal,
/// the middle is one replace. The edit is classified on a window of the text around it.
fn coarse(base: &str, other: &str) -> WordDiff {
    let mut p = common_prefix(base.as_bytes(), other.as_bytes());
    while p > 0 && !(base.is_char_boundary(p) && base[..p].ends_with(char::is_whitespace)) {
        p -= 1;
    }
    let max_s = base.len().min(other.len()) - p;
    let mut s = common_suffix(base.as_bytes(), other.as_bytes(), max_s);
    // The suffix must start at a token start: right after whitespace.
    while s > 0 {
        let cut = base.len() - s;
        if base.is_char_boundary(cut)
            && other.is_char_boundary(other.len() - s)
            && base[..cut].ends_with(char::is_whitespace)
        {
            break;
        }
        s -= 1;
    }
    let bcore = base[p..base.len() - s].trim_end();
    let ocore = other[p..other.len() - s].trim_end();
    let mut b = SideBuilder::new(base);
    let mut o = SideBuilder::new(other);
    let mut edits = Vec::new();
    if !bcore.is_empty() || !ocore.is_empty() {
        b.push(p, None);
        b.push(p + bcore.len(), Some(0));
        o.push(p, None);
        o.push(p + ocore.len(), Some(0));
        edits.push(new_edit(bcore, ocore));
        if bcore.len() <= COARSE_CONTEXT && ocore.len() <= COARSE_CONTEXT {
            let window = |text: &'_ str, core_len: usize| {
                let mut from = p.saturating_sub(COARSE_CONTEXT);
                while !text.is_char_boundary(from) {
                    from -= 1;
                }
                let mut to = (p + core_len + COARSE_CONTEXT).min(text.len());
                while !text.is_char_boundary(to) {
                    to += 1;
                }
                (from, to)
            };
            let (bf, bt) = window(base, bcore.len());
            let (of, ot) = window(other, ocore.len());
            let spans = [EditSpan {
                base: p - bf..p - bf + bcore.len(),
                other: p - of..p - of + ocore.len(),
            }];
            classify::classify_edits(&base[bf..bt], &other[of..ot], &spans, &mut edits);
        }
    }
    WordDiff {
        base: b.finish(),
        other: o.finish(),
        edits,
        bounded: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(pieces: &[Piece]) -> String {
        pieces.iter().map(|p| p.text.as_str()).collect()
    }

    fn check_rebuild(a: &str, b: &str) -> WordDiff {
        let d = diff(a, b);
        assert_eq!(join(&d.base), a);
        assert_eq!(join(&d.other), b);
        for p in d.base.iter().chain(&d.other) {
            assert!(!p.text.is_empty());
            if let Some(k) = p.edit {
                assert!(k < d.edits.len());
            }
        }
        d
    }

    #[test]
    fn ideographs_are_words_of_their_own() {
        let d = check_rebuild("设计时速为350公里。", "设计时速为300公里。");
        assert_eq!(d.edits.len(), 1);
        assert_eq!(
            (d.edits[0].base.as_str(), d.edits[0].other.as_str()),
            ("350", "300")
        );
        assert_eq!(d.edits[0].class, EditClass::Number);
    }

    #[test]
    fn shared_pieces_correspond_across_sides() {
        let d = check_rebuild(
            "talks will begin January, warning some proposals",
            "talks will begin in January, warning that some proposals",
        );
        let shared = |ps: &[Piece]| ps.iter().filter(|p| p.edit.is_none()).count();
        assert_eq!(shared(&d.base), shared(&d.other), "{d:?}");
        assert_eq!(shared(&d.base), 3, "{d:?}");
    }

    #[test]
    fn identical_fast_path() {
        let d = check_rebuild("Same text here.", "Same text here.");
        assert_eq!(d.base.len(), 1);
        assert!(d.edits.is_empty());
        let d = check_rebuild("", "");
        assert!(d.base.is_empty() && d.edits.is_empty());
    }

    #[test]
    fn apostrophe_style_is_no_edit() {
        let d = check_rebuild("on Kyiv's plans", "over Kyiv’s plans");
        assert_eq!(d.edits.len(), 1);
        assert_eq!(d.edits[0].base, "on");
        // A lone closing single quote is still a token of its own.
        let d = check_rebuild("the ‘plan’ now", "the 'plan' now");
        assert_eq!(d.edits.len(), 2);
    }

    #[test]
    fn whitespace_only_is_no_edit() {
        let d = check_rebuild("A  b c.", "A b c.");
        assert!(d.edits.is_empty());
    }

    #[test]
    fn single_replace() {
        let d = check_rebuild("His comments come after", "Her comments come after");
        assert_eq!(d.edits.len(), 1);
        assert_eq!(d.edits[0].op, EditOp::Replace);
        assert_eq!(d.edits[0].base, "His");
        assert_eq!(d.edits[0].other, "Her");
        assert_eq!(
            d.base[0],
            Piece {
                text: "His".into(),
                edit: Some(0)
            }
        );
        assert_eq!(
            d.other[0],
            Piece {
                text: "Her".into(),
                edit: Some(0)
            }
        );
        assert_eq!(d.base[1].text, " comments come after");
    }

    #[test]
    fn islands_are_absorbed() {
        let d = check_rebuild(
            "We act by those means that we deem fit.",
            "We act by whatever means we deem fit.",
        );
        assert_eq!(d.edits.len(), 1, "{:?}", d.edits);
        assert_eq!(d.edits[0].base, "those means that");
        assert_eq!(d.edits[0].other, "whatever means");
        // Small function words between two changes are absorbed too.
        let d = check_rebuild("a red car of the old man", "a blue car of the young man");
        assert_eq!(d.edits.len(), 2);
        let d = check_rebuild("red of blue", "green of yellow");
        assert_eq!(d.edits.len(), 1);
        assert_eq!(d.edits[0].base, "red of blue");
    }

    #[test]
    fn separate_changes_stay_separate() {
        let d = check_rebuild(
            "Smith said on Monday that talks failed.",
            "Jones said on Tuesday that talks failed.",
        );
        assert_eq!(d.edits.len(), 2);
        assert_eq!(d.edits[0].base, "Smith");
        assert_eq!(d.edits[1].other, "Tuesday");
    }

    #[test]
    fn insert_and_delete() {
        let d = check_rebuild("The plan was approved.", "The new plan was approved today.");
        assert_eq!(d.edits.len(), 2);
        assert_eq!(d.edits[0].op, EditOp::Insert);
        assert_eq!(d.edits[0].other, "new");
        assert_eq!(d.edits[1].op, EditOp::Insert);
        assert_eq!(d.edits[1].other, "today");
        let d = check_rebuild("One two three four.", "One four.");
        assert_eq!(d.edits.len(), 1);
        assert_eq!(d.edits[0].op, EditOp::Delete);
        assert_eq!(d.edits[0].base, "two three");
        assert!(d.other.iter().all(|p| p.edit.is_none()));
    }

    #[test]
    fn edit_pieces_exclude_trailing_space() {
        let d = check_rebuild("a b c", "a x c");
        let texts: Vec<_> = d.base.iter().map(|p| (p.text.as_str(), p.edit)).collect();
        assert_eq!(texts, vec![("a ", None), ("b", Some(0)), (" c", None)]);
    }

    #[test]
    fn empty_sides() {
        let d = check_rebuild("", "Something new.");
        assert_eq!(d.edits.len(), 1);
        assert_eq!(d.edits[0].op, EditOp::Insert);
        let d = check_rebuild("Gone.", "");
        assert_eq!(d.edits[0].op, EditOp::Delete);
        check_rebuild("  ", "x");
    }

    #[test]
    fn unicode_does_not_panic() {
        check_rebuild("Café ñ 👩‍👩‍👧 e\u{301}x", "Cafe ñ 👩 ex");
        check_rebuild("日本語のテキスト。", "日本語の文章。");
    }

    #[test]
    fn huge_pair_is_bounded_and_fast() {
        let words: Vec<String> = (0..100_000).map(|i| format!("w{}", i % 997)).collect();
        let a = words.join(" ");
        let mut b_words = words.clone();
        b_words[50_000] = "changed".into();
        let b = b_words.join(" ");
        let t = Instant::now();
        let d = diff(&a, &b);
        assert!(
            t.elapsed() < Duration::from_millis(900),
            "{:?}",
            t.elapsed()
        );
        assert_eq!(join(&d.base), a);
        assert!(d.bounded);
        assert_eq!(d.edits.len(), 1);
        assert_eq!(d.edits[0].base, "w150");
        assert_eq!(d.edits[0].other, "changed");
        // Unrelated huge sides: one replace.
        let c: String = (0..100_000).map(|i| format!("z{i} ")).collect();
        let t = Instant::now();
        let d = diff(&a, &c);
        assert!(
            t.elapsed() < Duration::from_millis(900),
            "{:?}",
            t.elapsed()
        );
        assert_eq!(join(&d.other), c);
        assert!(d.bounded);
        assert_eq!(d.edits.len(), 1);
    }

    #[test]
    fn many_tokens_under_byte_cap_are_bounded() {
        let a = "x ".repeat(6_000);
        let b = "y ".repeat(6_000);
        let d = check_rebuild(&a, &b);
        assert!(d.bounded);
    }

    fn text_strategy() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let atoms = prop::sample::select(vec![
            "the ",
            "cat ",
            "sat",
            ", ",
            ". ",
            "U.S. ",
            "3.5% ",
            "$1.2bn",
            "“",
            "”",
            "\"",
            "'s",
            "don’t ",
            "  ",
            "\n",
            "é",
            "e\u{301}",
            "👩‍👧",
            "-",
            "Her ",
            "His ",
            "-Soviet ",
        ]);
        prop::collection::vec(atoms, 0..30).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #[test]
        fn pieces_rebuild_inputs(a in text_strategy(), b in text_strategy()) {
            let d = diff(&a, &b);
            proptest::prop_assert_eq!(join(&d.base), a.clone());
            proptest::prop_assert_eq!(join(&d.other), b.clone());
            for (k, e) in d.edits.iter().enumerate() {
                let side = |ps: &[Piece]| -> String {
                    ps.iter().filter(|p| p.edit == Some(k)).map(|p| p.text.as_str()).collect()
                };
                proptest::prop_assert_eq!(side(&d.base), e.base.clone());
                proptest::prop_assert_eq!(side(&d.other), e.other.clone());
                proptest::prop_assert!(!(e.base.is_empty() && e.other.is_empty()));
                let op = match (e.base.is_empty(), e.other.is_empty()) {
                    (false, false) => EditOp::Replace,
                    (true, _) => EditOp::Insert,
                    _ => EditOp::Delete,
                };
                proptest::prop_assert_eq!(e.op, op);
            }
            // Edits appear in text order on both sides.
            for ps in [&d.base, &d.other] {
                let ks: Vec<usize> = ps.iter().filter_map(|p| p.edit).collect();
                proptest::prop_assert!(ks.windows(2).all(|w| w[0] < w[1]));
            }
            if a == b {
                proptest::prop_assert!(d.edits.is_empty());
            }
            // Shared pieces correspond one to one, so the sides can be interleaved.
            let shared = |ps: &[Piece]| ps.iter().filter(|p| p.edit.is_none() && !p.text.trim().is_empty()).count();
            proptest::prop_assert_eq!(shared(&d.base), shared(&d.other));
            let c = coarse(&a, &b);
            proptest::prop_assert_eq!(join(&c.base), a.clone());
            proptest::prop_assert_eq!(join(&c.other), b.clone());
            if d.edits.is_empty() {
                let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
                proptest::prop_assert_eq!(squeeze(&a), squeeze(&b));
            }
        }

        #[test]
        fn near_copies_rebuild(
            v in proptest::collection::vec(proptest::sample::select(vec!["the ", "cat ", ", ", "“", "”", "3 ", "Her "]), 1..40),
            edits in proptest::collection::vec((0usize..40, proptest::sample::select(vec!["", "dog ", "His ", "4 ", ". "])), 0..4),
        ) {
            let a = v.concat();
            let mut w = v.clone();
            for (i, atom) in edits {
                let i = i % w.len();
                w[i] = atom;
            }
            let b = w.concat();
            let d = diff(&a, &b);
            proptest::prop_assert_eq!(join(&d.base), a.clone());
            proptest::prop_assert_eq!(join(&d.other), b.clone());
            // The coarse path rebuilds the inputs too.
            let c = coarse(&a, &b);
            proptest::prop_assert_eq!(join(&c.base), a);
            proptest::prop_assert_eq!(join(&c.other), b);
            proptest::prop_assert!(c.edits.len() <= 1);
        }
    }
}
