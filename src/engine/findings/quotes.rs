//! Quotations as units: each direct quotation of the base is matched with its
//! counterpart in the other version by its own words, wherever it sits (in the linked
//! sentences, or moved, or at the head of a reworded attribution frame), and the two
//! quotations are diffed alone.
//!
//! - verbatim: the same words (quote marks, spacing, punctuation, case and spelling
//!   variants aside; a quotation cut short at either end is still verbatim);
//! - altered: words changed inside; each changed run is a `quote` finding;
//! - paraphrased: no quotation matches, but most of its words are in one place of the
//!   other version without quote marks (direct speech made indirect);
//! - missing: neither.
//!
//! Quotations of the other version that match no quotation of the base (and are no part
//! of one) are its added quotations. Candidates come from an inverted index of the
//! quotations' words, so the work grows with the number of quotations, not its square.

use std::cell::RefCell;
use std::hash::{Hash, Hasher};

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::engine::model::{
    Comparison, Edit, EditClass, EditOp, Finding, FindingClass, Quotation, QuoteMatch, QuoteStatus,
    Version,
};
use crate::engine::text::{quote_spans, word_tokens};

use super::keys::WordIds;
use super::lcs::Pattern;
use crate::engine::postings::Postings;

/// A quotation of fewer words is a term in quote marks ("so-called 'experts'"), not a
/// quotation of someone's words.
const MIN_QUOTE_WORDS: usize = 2;

/// Two quotations are counterparts when the words they share in order are at least this
/// share of the shorter one (a quotation cut short still matches its full form).
const MATCH_SHARE: f64 = 0.5;

/// A quotation of the other version sharing at least this share of its words in order
/// with a quotation of the base is part of it (a quotation split by "he said").
const PART_SHARE: f64 = 0.8;

/// A quotation is paraphrased when at least this share of its words is in one place of
/// the other version (indirect speech changes pronouns and tenses, keeps most words) and
/// it has at least [`PARAPHRASE_MIN_WORDS`] words.
const PARAPHRASE_SHARE: f64 = 0.6;
const PARAPHRASE_MIN_WORDS: usize = 3;

/// Candidates kept per quotation from the word index, best first, and words in more
/// quotations or sentences than [`FREQUENT`] left out of the index's votes: the work per
/// quotation stays bounded on any input.
const MAX_CANDIDATES: usize = 8;
const FREQUENT: usize = 64;

/// Quotations longer than this many words are compared by their words' equality only
/// (no word diff), so that one unclosed quote mark cannot cost a long diff.
const MAX_DIFF_WORDS: usize = 600;

/// A changed run at either end of a quotation with more words than this on a side is
/// where the two quotations stop being the same text (one runs on into other words, as
/// after a quote mark lost or moved), not a word changed inside the quotation.
const EDGE_WORDS: usize = 3;

/// Score added to a candidate in the linked sentences, so that of two equally good
/// counterparts the one in place wins.
const LINKED_BONUS: f64 = 0.1;

/// One quotation of a version, with its words.
struct Quote {
    text: String,
    sentences: Vec<usize>,
    /// Each word's key as an id ([`WordIds`]): the words in comparison form.
    keys: Vec<usize>,
}

impl Quote {
    /// A quotation of `text` in `sentences`, or `None` with fewer than `min_words` words.
    fn of(text: &str, sentences: Vec<usize>, ids: &mut WordIds, min_words: usize) -> Option<Quote> {
        // Counted before any word gets an id: a quotation too short is no quotation.
        let written = Written::of(text);
        if written.ranges.len() < min_words {
            return None;
        }
        Some(Quote {
            keys: written
                .ranges
                .iter()
                .map(|r| ids.id(&text[r.clone()]))
                .collect(),
            text: text.to_string(),
            sentences,
        })
    }
}

/// Where each word of a quotation stands in its text, for the edits' text as written;
/// found again only for a quotation with a changed word (most have none, and a long
/// story's quotations would otherwise keep two numbers per word the whole time).
struct Written<'q> {
    text: &'q str,
    ranges: Vec<Range<usize>>,
}

impl<'q> Written<'q> {
    fn of(text: &'q str) -> Written<'q> {
        Written {
            text,
            ranges: word_tokens(text).map(|t| t.start..t.core_end).collect(),
        }
    }

    /// The words `range`, as written, one space apart.
    fn words(&self, range: Range<usize>) -> String {
        let words: Vec<&str> = self.ranges[range]
            .iter()
            .map(|r| &self.text[r.clone()])
            .collect();
        words.join(" ")
    }
}

impl Quote {
    /// This quotation's words, found again in `sentences` (the same text elsewhere: its
    /// words and their keys are those of this one).
    fn again(&self, sentences: Vec<usize>) -> Quote {
        Quote {
            text: self.text.clone(),
            sentences,
            keys: self.keys.clone(),
        }
    }

    fn quotation(&self) -> Quotation {
        Quotation {
            text: self.text.clone(),
            sentences: self.sentences.clone(),
        }
    }
}

/// Every character that may open or close a quotation, for stripping a span's marks.
const MARKS: &[char] = &[
    '"', '“', '”', '„', '«', '»', '‘', '’', '\'', '‹', '›', '「', '」', '『', '』',
];

/// The quotations of one version's story text, in text order, and where each of its
/// paragraphs has its quotations (so that a reprint's unchanged paragraph is not read
/// again).
struct Quoted {
    quotes: Vec<Quote>,
    /// The version's story sentences, in order.
    body: Vec<usize>,
    /// A hash of a paragraph's sentences ([`paragraph_hash`]) -> the paragraph's story
    /// sentences (a range of `body`) and its quotations (a range of `quotes`); the first
    /// paragraph of a hash. Kept for the base only (the other version's are not looked up).
    paragraphs: HashMap<u64, (Range<usize>, Range<usize>)>,
}

impl Quoted {
    /// The story sentences and quotations of this version's paragraph that has the same
    /// sentences as `sentences` of `v` (hash `hash`), if there is one.
    fn same_paragraph(
        &self,
        own: &Version,
        hash: u64,
        v: &Version,
        sentences: &[usize],
    ) -> Option<(&[usize], &[Quote])> {
        let (body, quotes) = self.paragraphs.get(&hash)?;
        let mine = &self.body[body.clone()];
        let same = mine.len() == sentences.len()
            && mine
                .iter()
                .zip(sentences)
                .all(|(&a, &b)| own.sentences[a].text == v.sentences[b].text);
        same.then(|| (mine, &self.quotes[quotes.clone()]))
    }
}

/// A hash of the texts of sentences `sentences` of `v`, sentence by sentence.
fn paragraph_hash(v: &Version, sentences: &[usize]) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    for &i in sentences {
        v.sentences[i].text.hash(&mut hasher);
    }
    hasher.finish()
}

/// The quotations of `v`'s story text, per paragraph (a quotation may run over several
/// sentences), in text order. A quotation nested in another is part of it. With `known`
/// (the base and its quotations, when these are the other version's), a paragraph the
/// base has as it is takes the base's quotations, and a quotation whose text the base
/// quotes takes its words from there: a reprint quotes as its source, and the words'
/// ids are the same either way (the base's words have their ids already).
fn quotations(v: &Version, ids: &mut WordIds, known: Option<(&Version, &Quoted)>) -> Quoted {
    let texts: HashMap<&str, &Quote> = known
        .map(|(_, quoted)| quoted.quotes.iter().map(|q| (q.text.as_str(), q)).collect())
        .unwrap_or_default();
    let body: Vec<usize> = (0..v.sentences.len())
        .filter(|&i| v.sentences[i].is_body())
        .collect();
    let mut quotes = Vec::new();
    let mut paragraphs = HashMap::default();
    let mut k = 0;
    while k < body.len() {
        let (start, paragraph) = (k, v.sentences[body[k]].paragraph);
        while k < body.len() && v.sentences[body[k]].paragraph == paragraph {
            k += 1;
        }
        let sentences = &body[start..k];
        let hash = paragraph_hash(v, sentences);
        let first = quotes.len();
        let same = known.and_then(|(base, quoted)| quoted.same_paragraph(base, hash, v, sentences));
        match same {
            Some((theirs, their_quotes)) => {
                // The same sentences: each quotation over the sentences in the same places.
                let place = |&s: &usize| theirs.binary_search(&s).map_or(s, |n| sentences[n]);
                quotes.extend(
                    their_quotes
                        .iter()
                        .map(|q| q.again(q.sentences.iter().map(place).collect())),
                );
            }
            None => paragraph_quotations(v, sentences, ids, &texts, &mut quotes),
        }
        if known.is_none() {
            // Only a base's paragraphs are looked up.
            paragraphs
                .entry(hash)
                .or_insert((start..k, first..quotes.len()));
        }
    }
    Quoted {
        quotes,
        body,
        paragraphs,
    }
}

/// The quotations of the paragraph of story sentences `sentences` of `v`, added to
/// `out`; one whose text is in `texts` takes its words from there.
fn paragraph_quotations(
    v: &Version,
    sentences: &[usize],
    ids: &mut WordIds,
    texts: &HashMap<&str, &Quote>,
    out: &mut Vec<Quote>,
) {
    let mut joined = String::new();
    let mut starts = Vec::with_capacity(sentences.len());
    for &i in sentences {
        if !joined.is_empty() {
            joined.push(' ');
        }
        starts.push((joined.len(), i));
        joined.push_str(&v.sentences[i].text);
    }
    let spans = quote_spans(&joined);
    for span in &spans {
        let nested = spans
            .iter()
            .any(|o| o != span && o.start <= span.start && span.end <= o.end);
        if nested {
            continue;
        }
        let text =
            joined[span.clone()].trim_matches(|c: char| MARKS.contains(&c) || c.is_whitespace());
        let sentences = starts
            .iter()
            .enumerate()
            .filter(|&(n, &(start, _))| {
                let end = starts.get(n + 1).map_or(joined.len(), |s| s.0);
                start < span.end && span.start < end
            })
            .map(|(_, &(_, i))| i)
            .collect();
        match texts.get(text) {
            Some(q) => out.push(q.again(sentences)),
            None => out.extend(Quote::of(text, sentences, ids, MIN_QUOTE_WORDS)),
        }
    }
}

/// The diff's operations between the words of `a` and `b` (none for a quotation too
/// long to diff).
fn diff_ops(a: &[usize], b: &[usize]) -> Vec<DiffOp> {
    if a.len() > MAX_DIFF_WORDS || b.len() > MAX_DIFF_WORDS {
        return Vec::new();
    }
    capture_diff_slices(Algorithm::Myers, a, b)
}

/// Words shared in order by `a` and `b` (their longest common subsequence: the words a
/// minimal diff keeps), `a` given as its [`Pattern`]; a quotation too long to diff shares
/// all its words or none.
fn shared(a: &[usize], pattern: &Pattern, b: &[usize]) -> usize {
    if a == b {
        a.len()
    } else if a.len() > MAX_DIFF_WORDS || b.len() > MAX_DIFF_WORDS {
        0
    } else {
        pattern.common_len(b)
    }
}

/// Word key -> the items (quotations or sentences) holding it, with vote counts kept
/// between queries so that a query costs what its words' items cost, not the number of
/// items. Keys are word ids ([`WordIds`], dense from 0).
struct WordIndex {
    /// Per key, the items holding it, each once, in item order.
    postings: Postings<usize>,
    votes: RefCell<Votes>,
}

/// Votes per item (indexed by item) and the items voted for in the current query.
struct Votes {
    counts: Vec<usize>,
    touched: Vec<usize>,
}

impl WordIndex {
    fn of<'a>(items: impl Iterator<Item = (usize, &'a [usize])>) -> WordIndex {
        let items: Vec<(usize, &[usize])> = items.collect();
        let len = items.iter().map(|&(id, _)| id + 1).max().unwrap_or(0);
        let keys = items
            .iter()
            .flat_map(|&(_, keys)| keys.iter().map(|&k| k + 1))
            .max()
            .unwrap_or(0);
        // An item is listed once under a key however often it holds it: `last` is the
        // item a key was last listed for (items come in order, each once).
        let pairs = || {
            let mut last = vec![usize::MAX; keys];
            items
                .iter()
                .flat_map(|&(id, item_keys)| item_keys.iter().map(move |&k| (k, id)))
                .filter(move |&(k, id)| std::mem::replace(&mut last[k], id) != id)
        };
        WordIndex {
            postings: Postings::of(keys, pairs),
            votes: RefCell::new(Votes {
                counts: vec![0; len],
                touched: Vec::new(),
            }),
        }
    }

    /// The items holding key `k` (none for a key no item has).
    fn holding(&self, k: usize) -> &[usize] {
        self.postings.holding(k)
    }

    /// The items that share most words with `keys`, best first (most shared words, then
    /// the earlier item), at most [`MAX_CANDIDATES`].
    fn candidates(&self, keys: &[usize]) -> Vec<usize> {
        let mut votes = self.votes.borrow_mut();
        let Votes { counts, touched } = &mut *votes;
        let mut distinct = keys.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        for k in &distinct {
            let ids = self.holding(*k);
            if ids.len() <= FREQUENT {
                for &id in ids {
                    if counts[id] == 0 {
                        touched.push(id);
                    }
                    counts[id] += 1;
                }
            }
        }
        let mut ranked: Vec<(usize, usize)> = touched
            .drain(..)
            .map(|id| (id, std::mem::take(&mut counts[id])))
            .collect();
        let order = |a: &(usize, usize), b: &(usize, usize)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
        if ranked.len() > MAX_CANDIDATES {
            ranked.select_nth_unstable_by(MAX_CANDIDATES, order);
            ranked.truncate(MAX_CANDIDATES);
        }
        ranked.sort_by(order);
        ranked.into_iter().map(|(id, _)| id).collect()
    }
}

/// The links of a comparison by sentence, for "is this in place".
struct Links<'a> {
    cmp: &'a Comparison,
    /// Per base sentence, the links holding it.
    of_base: Vec<Vec<usize>>,
}

impl<'a> Links<'a> {
    fn of(cmp: &'a Comparison, base_len: usize) -> Links<'a> {
        let mut of_base = vec![Vec::new(); base_len];
        for (k, l) in cmp.links.iter().enumerate() {
            for &b in &l.base {
                if let Some(v) = of_base.get_mut(b) {
                    v.push(k);
                }
            }
        }
        Links { cmp, of_base }
    }

    /// Links holding one of base sentences `b`.
    fn holding(&self, b: &[usize]) -> impl Iterator<Item = usize> + '_ {
        let ids: Vec<usize> = b
            .iter()
            .flat_map(|&s| self.of_base.get(s).into_iter().flatten().copied())
            .collect();
        ids.into_iter()
    }

    /// The link holding base sentences `b` and other sentences `o`, if one does.
    fn between(&self, b: &[usize], o: &[usize]) -> Option<usize> {
        self.holding(b)
            .filter(|&k| o.iter().any(|s| self.cmp.links[k].other.contains(s)))
            .min()
    }

    /// The other version's sentences linked to base sentences `b`.
    fn linked(&self, b: &[usize]) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .holding(b)
            .flat_map(|k| self.cmp.links[k].other.iter().copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The quotation findings, the fate of every quotation of the base and the other
/// version's added quotations.
pub(super) fn compare(
    base: &Version,
    other: &Version,
    cmp: &Comparison,
    read: Quotations,
) -> (Vec<Finding>, Vec<QuoteMatch>, Vec<Quotation>) {
    let Quotations {
        mut ids,
        base: base_quoted,
        other: other_quoted,
    } = read;
    let (bq, oq) = (&base_quoted.quotes, &other_quoted.quotes);
    let links = Links::of(cmp, base.sentences.len());
    let twins = Twins::of(bq, oq);
    // Per sentence of the other version, the quotations in it.
    let mut in_sentence: HashMap<usize, Vec<usize>> = HashMap::default();
    for (j, o) in oq.iter().enumerate() {
        for &s in &o.sentences {
            in_sentence.entry(s).or_default().push(j);
        }
    }
    // Built on first need: most quotations match one of the other version's.
    let mut other_sources: Option<Sources> = None;
    let base_index = WordIndex::of(bq.iter().enumerate().map(|(i, q)| (i, q.keys.as_slice())));
    let index = WordIndex::of(oq.iter().enumerate().map(|(j, q)| (j, q.keys.as_slice())));
    // Every acceptable pair, scored.
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, q) in bq.iter().enumerate() {
        let linked = links.linked(&q.sentences);
        if let Some(j) = twins
            .twin(q)
            .filter(|&j| oq[j].sentences.iter().any(|s| linked.contains(s)))
        {
            // Its twin in the linked sentences: the best pair either can have, and the
            // greedy matching below takes it whatever the other pairs are.
            pairs.push((1.0 + LINKED_BONUS, i, j));
            continue;
        }
        let pattern = Pattern::of(&q.keys);
        let mut cands = index.candidates(&q.keys);
        for s in &linked {
            for &j in in_sentence.get(s).into_iter().flatten() {
                if !cands.contains(&j) {
                    cands.push(j);
                }
            }
        }
        for j in cands {
            let o = &oq[j];
            let equal = shared(&q.keys, &pattern, &o.keys);
            let shorter = q.keys.len().min(o.keys.len());
            if equal < MIN_QUOTE_WORDS.min(shorter) || (equal as f64) < MATCH_SHARE * shorter as f64
            {
                continue;
            }
            let mut score = equal as f64 / q.keys.len().max(o.keys.len()) as f64;
            if o.sentences.iter().any(|s| linked.contains(s)) {
                score += LINKED_BONUS;
            }
            pairs.push((score, i, j));
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut of_base: Vec<Option<usize>> = vec![None; bq.len()];
    let mut taken = vec![false; oq.len()];
    for &(_, i, j) in &pairs {
        if of_base[i].is_none() && !taken[j] {
            of_base[i] = Some(j);
            taken[j] = true;
        }
    }
    let mut findings = Vec::new();
    let mut matches = Vec::new();
    for (i, q) in bq.iter().enumerate() {
        let m = match of_base[i] {
            Some(j) => matched(q, &oq[j], &links, &mut findings),
            None => {
                let sources = other_sources.get_or_insert_with(|| Sources::of(other, &mut ids));
                unmatched(q, other, sources, &ids, &links)
            }
        };
        matches.push(m);
    }
    let added: Vec<&Quote> = oq
        .iter()
        .enumerate()
        .filter(|&(j, o)| !taken[j] && !part_of_any(o, bq, &base_index))
        .map(|(_, o)| o)
        .collect();
    if !added.is_empty() {
        let sources = Sources::of(base, &mut ids);
        for o in &added {
            quoted_from_text(o, &sources, &links, &mut findings);
        }
    }
    (
        findings,
        matches,
        added.iter().map(|o| o.quotation()).collect(),
    )
}

/// The quotations of the base and of the other version, read before their comparison
/// (they do not depend on it, so they are read beside the alignment), with the ids of
/// their words.
pub(crate) struct Quotations {
    ids: WordIds,
    base: Quoted,
    other: Quoted,
}

impl Quotations {
    pub(crate) fn read(base: &Version, other: &Version) -> Quotations {
        let mut ids = WordIds::default();
        let base_quoted = quotations(base, &mut ids, None);
        let other_quoted = quotations(other, &mut ids, Some((base, &base_quoted)));
        Quotations {
            ids,
            base: base_quoted,
            other: other_quoted,
        }
    }
}

/// The quotations with the same words once in the base and once in the other version
/// (twins): most quotations of a reprint. Such a pair scores higher than any other pair
/// of either quotation (the same words score 1, and no other quotation of either side
/// has those words), so where the twin is in the linked sentences the pair is taken
/// without scoring the other candidates.
struct Twins<'q> {
    /// Words -> how many base quotations have them.
    base: HashMap<&'q [usize], usize>,
    /// Words -> how many quotations of the other version have them, and the last.
    other: HashMap<&'q [usize], (usize, usize)>,
}

impl<'q> Twins<'q> {
    fn of(bq: &'q [Quote], oq: &'q [Quote]) -> Twins<'q> {
        let mut base: HashMap<&[usize], usize> = HashMap::default();
        for q in bq {
            *base.entry(q.keys.as_slice()).or_default() += 1;
        }
        let mut other: HashMap<&[usize], (usize, usize)> = HashMap::default();
        for (j, o) in oq.iter().enumerate() {
            let entry = other.entry(o.keys.as_slice()).or_default();
            *entry = (entry.0 + 1, j);
        }
        Twins { base, other }
    }

    /// The twin of base quotation `q` in the other version, if it has one.
    fn twin(&self, q: &Quote) -> Option<usize> {
        let words = q.keys.as_slice();
        if self.base.get(words) != Some(&1) {
            return None;
        }
        match self.other.get(words) {
            Some(&(1, j)) => Some(j),
            _ => None,
        }
    }
}

/// The base's story sentences as word lists, with an index of their words: where a
/// quotation the base does not have as one may come from.
struct Sources {
    sentences: Vec<Quote>,
    index: WordIndex,
}

impl Sources {
    fn of(v: &Version, ids: &mut WordIds) -> Sources {
        let sentences: Vec<Quote> = v
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| s.is_body())
            .filter_map(|(i, s)| Quote::of(&s.text, vec![i], ids, 0))
            .collect();
        let index = WordIndex::of(
            sentences
                .iter()
                .enumerate()
                .map(|(k, q)| (k, q.keys.as_slice())),
        );
        Sources { sentences, index }
    }
}

/// A quotation of the other version that the base has only as plain text (a statement
/// reported without quote marks, quoted by the copy): the copy presents these words as
/// someone's, so each word it changed against the base's text is a `quote` finding.
fn quoted_from_text(o: &Quote, sources: &Sources, links: &Links, findings: &mut Vec<Finding>) {
    // The common length is symmetric: `o` is the pattern for all its candidates.
    let pattern = Pattern::of(&o.keys);
    let best = sources
        .index
        .candidates(&o.keys)
        .into_iter()
        .map(|k| (shared(&o.keys, &pattern, &sources.sentences[k].keys), k))
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let Some((equal, k)) = best else {
        return;
    };
    if equal < PARAPHRASE_MIN_WORDS || (equal as f64) < PARAPHRASE_SHARE * o.keys.len() as f64 {
        return;
    }
    let s = &sources.sentences[k];
    let link = links.between(&s.sentences, &o.sentences);
    for e in window_edits(s, o) {
        findings.push(Finding {
            class: FindingClass::Quote,
            base: e.0,
            other: e.1,
            base_sentences: s.sentences.clone(),
            other_sentences: o.sentences.clone(),
            link,
        });
    }
}

/// The words changed between quotation `o` and the window of sentence `s` it was taken
/// from: inner runs as they are; at either end only as many of the sentence's words as
/// the quotation has there (the rest of the sentence is its frame, "the minister said").
fn window_edits(s: &Quote, o: &Quote) -> Vec<(String, String)> {
    let ops = diff_ops(&s.keys, &o.keys);
    let (sw, ow) = (Written::of(&s.text), Written::of(&o.text));
    let first = ops.iter().position(|op| matches!(op, DiffOp::Equal { .. }));
    let last = ops
        .iter()
        .rposition(|op| matches!(op, DiffOp::Equal { .. }));
    let mut out = Vec::new();
    for (n, op) in ops.iter().enumerate() {
        let DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } = *op
        else {
            if let DiffOp::Delete {
                old_index, old_len, ..
            } = *op
                && first.is_some_and(|f| n > f)
                && last.is_some_and(|l| n < l)
            {
                out.push((sw.words(old_index..old_index + old_len), String::new()));
            }
            if let DiffOp::Insert {
                new_index, new_len, ..
            } = *op
            {
                out.push((String::new(), ow.words(new_index..new_index + new_len)));
            }
            continue;
        };
        let old = if last.is_some_and(|l| n > l) {
            old_index..old_index + old_len.min(new_len)
        } else if first.is_some_and(|f| n < f) {
            old_index + old_len.saturating_sub(new_len)..old_index + old_len
        } else {
            old_index..old_index + old_len
        };
        let (b, w) = (
            sw.words(old.clone()),
            ow.words(new_index..new_index + new_len),
        );
        if s.keys[old] != o.keys[new_index..new_index + new_len] {
            out.push((b, w));
        }
    }
    out
}

/// Whether `o` is part of a quotation of the base (split off by an attribution frame),
/// among the base quotations `index` offers as candidates.
fn part_of_any(o: &Quote, bq: &[Quote], index: &WordIndex) -> bool {
    let pattern = Pattern::of(&o.keys);
    index.candidates(&o.keys).into_iter().any(|i| {
        // The common length is symmetric: `o` is the pattern for all its candidates.
        let equal = shared(&o.keys, &pattern, &bq[i].keys);
        equal as f64 >= PART_SHARE * o.keys.len() as f64
    })
}

/// A base quotation and its counterpart: verbatim or altered, with a finding per
/// changed run of words (runs at either end that only cut the quotation short aside).
fn matched(q: &Quote, o: &Quote, links: &Links, findings: &mut Vec<Finding>) -> QuoteMatch {
    let ops = diff_ops(&q.keys, &o.keys);
    let first_equal = ops.iter().position(|op| matches!(op, DiffOp::Equal { .. }));
    let last_equal = ops
        .iter()
        .rposition(|op| matches!(op, DiffOp::Equal { .. }));
    let mut edits = Vec::new();
    // Where the words stand, found only when a word changed.
    let changed = ops.iter().any(|op| !matches!(op, DiffOp::Equal { .. }));
    let written = changed.then(|| (Written::of(&q.text), Written::of(&o.text)));
    for (n, op) in ops.iter().enumerate() {
        let Some((qw, ow)) = &written else {
            break;
        };
        let edge = first_equal.is_none_or(|f| n < f) || last_equal.is_none_or(|l| n > l);
        let (kind, b, ob) = match *op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete {
                old_index, old_len, ..
            } => (EditOp::Delete, old_index..old_index + old_len, None),
            DiffOp::Insert {
                new_index, new_len, ..
            } => (EditOp::Insert, 0..0, Some(new_index..new_index + new_len)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                EditOp::Replace,
                old_index..old_index + old_len,
                Some(new_index..new_index + new_len),
            ),
        };
        // Cut short at an end, or running on into other words: no word of the
        // quotation changed.
        let long = b.len() > EDGE_WORDS || ob.as_ref().is_some_and(|r| r.len() > EDGE_WORDS);
        if edge && (kind != EditOp::Replace || long) {
            continue;
        }
        edits.push(Edit {
            op: kind,
            base: qw.words(b),
            other: ob.map(|r| ow.words(r)).unwrap_or_default(),
            class: EditClass::Quote,
            in_quote: true,
        });
    }
    let link = links.between(&q.sentences, &o.sentences);
    for e in &edits {
        findings.push(Finding {
            class: FindingClass::Quote,
            base: e.base.clone(),
            other: e.other.clone(),
            base_sentences: q.sentences.clone(),
            other_sentences: o.sentences.clone(),
            link,
        });
    }
    QuoteMatch {
        base: q.quotation(),
        status: if edits.is_empty() {
            QuoteStatus::Verbatim
        } else {
            QuoteStatus::Altered
        },
        other: Some(o.quotation()),
        edits,
    }
}

/// A base quotation with no counterpart quotation: paraphrased when most of its words
/// are in one place of the other version (its linked sentences, or one sentence
/// anywhere), else missing.
fn unmatched(
    q: &Quote,
    other: &Version,
    sources: &Sources,
    ids: &WordIds,
    links: &Links,
) -> QuoteMatch {
    let mut places: Vec<Vec<usize>> = Vec::new();
    let linked = links.linked(&q.sentences);
    if !linked.is_empty() {
        places.push(linked);
    }
    places.extend(
        sources
            .index
            .candidates(&q.keys)
            .into_iter()
            .map(|k| sources.sentences[k].sentences.clone()),
    );
    let best = places
        .into_iter()
        .map(|p| {
            let text = other.joined(&p);
            (share_in(&q.keys, &text, ids), p, text)
        })
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
    let status_other = best
        .filter(|(share, _, _)| q.keys.len() >= PARAPHRASE_MIN_WORDS && *share >= PARAPHRASE_SHARE);
    match status_other {
        Some((_, sentences, text)) => QuoteMatch {
            base: q.quotation(),
            status: QuoteStatus::Paraphrased,
            other: Some(Quotation { text, sentences }),
            edits: Vec::new(),
        },
        None => QuoteMatch {
            base: q.quotation(),
            status: QuoteStatus::Missing,
            other: None,
            edits: Vec::new(),
        },
    }
}

/// The share of `keys` (as a multiset) found among the words of `text`.
/// A word of `text` whose key has no id is no word of `keys`.
fn share_in(keys: &[usize], text: &str, ids: &WordIds) -> f64 {
    let mut pool: HashMap<usize, usize> = HashMap::default();
    for t in word_tokens(text) {
        if let Some(id) = ids.find(t.core(text)) {
            *pool.entry(id).or_default() += 1;
        }
    }
    let found = keys
        .iter()
        .filter(|k| match pool.get_mut(*k) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        })
        .count();
    if keys.is_empty() {
        0.0
    } else {
        found as f64 / keys.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::findings::compare_texts;

    fn quote_findings(c: &Comparison) -> Vec<(String, String)> {
        c.findings
            .iter()
            .filter(|f| f.class == FindingClass::Quote)
            .map(|f| (f.base.clone(), f.other.clone()))
            .collect()
    }

    /// A version segmented as the engine does it.
    fn version(text: &str) -> Version {
        crate::engine::stages::version(&crate::engine::Input {
            name: "v".into(),
            text: text.into(),
        })
    }

    /// Each key lists the items holding it once, in order; candidates are ranked by
    /// shared keys, then by item.
    #[test]
    fn the_word_index_lists_each_item_once_per_key() {
        let items: [&[usize]; 4] = [&[0, 2, 0], &[2, 3], &[], &[3, 2, 2, 5]];
        let index = WordIndex::of(items.iter().enumerate().map(|(i, k)| (i, *k)));
        assert_eq!(index.holding(0), [0]);
        assert_eq!(index.holding(1), [] as [usize; 0]);
        assert_eq!(index.holding(2), [0, 1, 3]);
        assert_eq!(index.holding(3), [1, 3]);
        assert_eq!(index.holding(5), [3]);
        assert_eq!(index.holding(9), [] as [usize; 0], "a key no item has");
        assert_eq!(index.candidates(&[2, 3, 5]), [3, 1, 0]);
        assert_eq!(
            index.candidates(&[2, 3, 5]),
            [3, 1, 0],
            "votes cleared between queries"
        );
    }

    /// Taking quotations from the base (a paragraph as it is, or a quotation's text)
    /// gives the quotations, words and ids that reading them again gives.
    #[test]
    fn quotations_taken_from_the_base_are_those_read_again() {
        let base = version(
            "\"We will not back down,\" the mayor said. \"Not now, not ever.\"\n\n\
             The council met. \"It was a long night,\" one member said.\n\n\
             \"We will not back down,\" the mayor said. \"Not now, not ever.\"",
        );
        let other = version(
            "A new opening paragraph.\n\n\
             \"We will not back down,\" the mayor said. \"Not now, not ever.\"\n\n\
             The council met late. \"It was a long night,\" one member said. \"Very long.\"",
        );
        let mut ids = WordIds::default();
        let base_quoted = quotations(&base, &mut ids, None);
        let mut fresh_ids = WordIds::default();
        quotations(&base, &mut fresh_ids, None);
        let taken = quotations(&other, &mut ids, Some((&base, &base_quoted)));
        let fresh = quotations(&other, &mut fresh_ids, None);
        let fields = |q: &Quoted| -> Vec<_> {
            q.quotes
                .iter()
                .map(|q| (q.text.clone(), q.sentences.clone(), q.keys.clone()))
                .collect()
        };
        assert_eq!(fields(&taken).len(), 4);
        assert_eq!(fields(&taken), fields(&fresh));
        assert_eq!(taken.quotes[0].sentences, [1]);
    }

    #[test]
    fn a_quotation_moved_into_a_reworded_frame_is_compared_as_a_unit() {
        let a = "The ferry returned on Tuesday.\n\nThe union said in a statement: \"Today, our members are under threat.\" Talks resume on Friday.";
        let b = "The ferry returned on Tuesday.\n\n\"Today our members are under attack,\" the union said, as talks were set to resume on Friday.";
        let c = compare_texts(a, b);
        assert_eq!(
            quote_findings(&c),
            [("threat".to_string(), "attack".to_string())]
        );
        assert_eq!(c.quotes.len(), 1);
        assert_eq!(c.quotes[0].status, QuoteStatus::Altered);
    }

    #[test]
    fn german_and_french_quotations() {
        let a = "„Wir wollen das auch im Januar tun“, sagte Vogt.\n\n« Nous ne partirons pas », a déclaré le maire.";
        let b = "„Wir beabsichtigen, das auch im Januar zu tun“, sagte Vogt.\n\n« Nous ne partirons pas », a déclaré le maire.";
        let c = compare_texts(a, b);
        let f = quote_findings(&c);
        assert!(
            f.iter()
                .any(|(x, y)| x.contains("wollen") && y.contains("beabsichtigen")),
            "{f:?}"
        );
        let status: Vec<&str> = c.quotes.iter().map(|q| q.status.name()).collect();
        assert_eq!(status, ["altered", "verbatim"]);
    }

    #[test]
    fn indirect_speech_is_paraphrased_and_a_lost_quote_missing() {
        let a = "The mayor spoke on Monday.\n\n\"We will rebuild the harbour wall before the winter storms,\" the mayor said.\n\n\"Nobody expected this,\" a fisherman said.";
        let b = "The mayor spoke on Monday.\n\nThe mayor said they would rebuild the harbour wall before the winter storms.";
        let c = compare_texts(a, b);
        let status: Vec<&str> = c.quotes.iter().map(|q| q.status.name()).collect();
        assert_eq!(status, ["paraphrased", "missing"]);
        assert!(quote_findings(&c).is_empty());
    }

    #[test]
    fn a_statement_the_copy_quotes_is_compared_with_the_base_text() {
        let a = "The ferry returned on Tuesday.\n\nToday, our members are under threat, the union said on Wednesday.";
        let b = "The ferry returned on Tuesday.\n\n\"Today our members are under attack,\" the union said on Wednesday.";
        let c = compare_texts(a, b);
        assert_eq!(c.added_quotes.len(), 1);
        assert!(
            quote_findings(&c).contains(&("threat".to_string(), "attack".to_string())),
            "{:?}",
            c.findings
        );
    }

    #[test]
    fn a_quote_mark_style_change_is_verbatim() {
        let a = "\"We will not stop,\" she said.\n\n“It is over,” he said.";
        let b = "'We will not stop,' she said.\n\n«It is over», he said.";
        let c = compare_texts(a, b);
        assert!(c.findings.is_empty(), "{:?}", c.findings);
        let status: Vec<&str> = c.quotes.iter().map(|q| q.status.name()).collect();
        assert_eq!(status, ["verbatim", "verbatim"]);
        assert!(c.added_quotes.is_empty());
    }
}
