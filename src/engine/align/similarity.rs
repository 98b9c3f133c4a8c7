//! Lexical sentence similarity: normalised word terms (case, quote style, "U.S."/"US",
//! possessives, prefix stemming for inflections) weighted by rarity (IDF across the two
//! versions), plus character 4-grams so spelling variants and inflections still meet. No
//! network, no model; works for any language written with spaces.
//!
//! A `Profile` is computed once per sentence; groups of sentences (for splits and merges)
//! are profiled by merging. Similarities are Dice coefficients in [0, 1].

use rustc_hash::FxHashMap;

/// Characters kept of each word: a crude, language-neutral stemmer ("negotiations",
/// "negotiated" -> "negotia").
const STEM_CHARS: usize = 7;
/// Weight of the character n-gram Dice in the blended similarity.
const GRAM_SHARE: f32 = 0.5;

/// The lexical features of one sentence (or group of sentences).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    /// (term id, weight), sorted by term id, unique.
    pub terms: Vec<(u32, f32)>,
    /// Sum of the term weights.
    pub weight: f32,
    /// Character 4-grams of the normalised text as values ([`gram_value`]), sorted, unique.
    pub grams: Vec<u32>,
}

/// Terms of a text: lowercase alphanumeric runs, dots and apostrophes inside words
/// dropped ("U.S." -> "us", "don't" -> "dont"), possessive "'s" removed, cut to
/// `STEM_CHARS` characters.
pub fn terms(text: &str, emit: impl FnMut(&str)) {
    if text.is_ascii() {
        terms_ascii(text.as_bytes(), emit);
        return;
    }
    terms_generic(text, emit);
}

/// `terms` of ASCII text, byte by byte (every character is one byte).
fn terms_ascii(b: &[u8], mut emit: impl FnMut(&str)) {
    let mut word = String::new();
    let flush = |word: &mut String, emit: &mut dyn FnMut(&str)| {
        if word.is_empty() {
            return;
        }
        if word.ends_with("'s") {
            word.truncate(word.len() - 2);
        }
        let cut = word.len().min(STEM_CHARS);
        if cut > 0 {
            emit(&word[..cut]);
        }
        word.clear();
    };
    for (i, &c) in b.iter().enumerate() {
        if c.is_ascii_alphanumeric() {
            word.push(char::from(c.to_ascii_lowercase()));
        } else if matches!(c, b'.' | b'\'' | b'-' | b',')
            && !word.is_empty()
            && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            if c == b'\'' {
                word.push('\'');
            } else if c == b',' && !word.bytes().all(|x| x.is_ascii_digit()) {
                flush(&mut word, &mut emit);
            }
        } else {
            flush(&mut word, &mut emit);
        }
    }
    flush(&mut word, &mut emit);
}

/// `terms` character by character.
fn terms_generic(text: &str, mut emit: impl FnMut(&str)) {
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    let flush = |word: &mut String, emit: &mut dyn FnMut(&str)| {
        if word.is_empty() {
            return;
        }
        if word.ends_with("'s") {
            word.truncate(word.len() - 2);
        }
        let cut = if word.is_ascii() {
            word.len().min(STEM_CHARS)
        } else {
            word.char_indices()
                .nth(STEM_CHARS)
                .map(|(i, _)| i)
                .unwrap_or(word.len())
        };
        if cut > 0 {
            emit(&word[..cut]);
        }
        word.clear();
    };
    while let Some(c) = chars.next() {
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        } else if !c.is_ascii() && c.is_alphanumeric() {
            for l in c.to_lowercase() {
                word.push(l);
            }
        } else if matches!(c, '.' | '\'' | '’' | '-' | ',')
            && !word.is_empty()
            && chars.peek().is_some_and(|n| n.is_alphanumeric())
        {
            // Inner dot / apostrophe / hyphen / thousands comma: part of the word, but an
            // apostrophe is kept to recognise possessives.
            if matches!(c, '\'' | '’') {
                word.push('\'');
            } else if c == ',' && !word.chars().all(|c| c.is_ascii_digit()) {
                flush(&mut word, &mut emit);
            }
        } else {
            flush(&mut word, &mut emit);
        }
    }
    flush(&mut word, &mut emit);
}

/// Feed the normalised form of `text` to `f`, one character at a time: alphanumeric runs
/// lowercased, inner dots, apostrophes and hyphens dropped ("U.S." -> "us"), runs separated
/// by single spaces, everything else left out.
fn each_normalised_char(text: &str, mut f: impl FnMut(char)) {
    if text.is_ascii() {
        each_normalised_ascii(text.as_bytes(), |c| f(char::from(c)));
    } else {
        each_normalised_char_generic(text, f);
    }
}

/// `each_normalised_char` of an ASCII text, byte by byte (every character is one byte).
fn each_normalised_ascii(b: &[u8], mut f: impl FnMut(u8)) {
    let mut word = false;
    let mut any = false;
    for (i, &c) in b.iter().enumerate() {
        if c.is_ascii_alphanumeric() {
            if !word && any {
                f(b' ');
            }
            word = true;
            any = true;
            f(c.to_ascii_lowercase());
        } else if matches!(c, b'.' | b'\'' | b'-')
            && word
            && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
        } else {
            word = false;
        }
    }
}

/// `each_normalised_char` character by character.
fn each_normalised_char_generic(text: &str, mut f: impl FnMut(char)) {
    let mut word = false;
    let mut any = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric()) {
            if !word && any {
                f(' ');
            }
            word = true;
            any = true;
            if c.is_ascii() {
                f(c.to_ascii_lowercase());
            } else {
                c.to_lowercase().for_each(&mut f);
            }
        } else if matches!(c, '.' | '\'' | '’' | '-')
            && word
            && chars.peek().is_some_and(|n| n.is_alphanumeric())
        {
        } else {
            word = false;
        }
    }
}

/// A hash of `normalised(text)`, computed without allocating.
pub fn normalised_hash(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut buf = [0u8; 4];
    each_normalised_char(text, |c| {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    });
    h
}

/// Character 4-grams of the normalised form of `text` as values ([`gram_value`]: exact for
/// ASCII, hashed otherwise), sorted and unique.
pub fn grams(text: &str) -> Vec<u32> {
    grams_with(text, &mut Vec::new())
}

/// [`grams`], made in `scratch` (reused from text to text) and returned at their size:
/// a sentence's grams are kept for the whole alignment, and a vector with room for one
/// gram per byte would hold four times the text.
pub fn grams_with(text: &str, scratch: &mut Vec<u32>) -> Vec<u32> {
    let out = scratch;
    out.clear();
    out.reserve(text.len());
    let mut seen = 0usize;
    if text.is_ascii() {
        // Every character is one byte: the last four, side by side, are the gram's value
        // (`gram_value` of an all-ASCII window), shifted in as they come.
        let mut packed = 0u32;
        each_normalised_ascii(text.as_bytes(), |c| {
            packed = packed << 8 | u32::from(c);
            seen += 1;
            if seen >= 4 {
                out.push(packed);
            }
        });
        if (1..4).contains(&seen) {
            out.push(packed);
        }
    } else {
        let mut window = [0u32; 4];
        each_normalised_char_generic(text, |c| {
            window = [window[1], window[2], window[3], c as u32];
            seen += 1;
            if seen >= 4 {
                out.push(gram_value(&window));
            }
        });
        if (1..4).contains(&seen) {
            out.push(gram_value(&window[4 - seen..]));
        }
    }
    out.sort_unstable();
    out.dedup();
    out.as_slice().to_vec()
}

/// The value of a gram of up to four characters (fewer only for a text that short):
/// their bytes side by side when all are ASCII (exact, and no character of a gram is NUL,
/// so a short gram is no four-character one), else a hash of their code points with the
/// top bit set, which no all-ASCII value has. The same characters have the same value
/// whichever way a text is read, so an ASCII text's grams meet a non-ASCII text's.
fn gram_value(chars: &[u32]) -> u32 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    if chars.iter().all(|&c| c < 0x80) {
        chars.iter().fold(0u32, |value, &c| value << 8 | c)
    } else {
        let h = chars
            .iter()
            .fold(0u64, |h, &c| (h ^ u64::from(c)).wrapping_mul(K));
        (h >> 32) as u32 | 0x8000_0000
    }
}

/// Term dictionary and document frequencies over the sentences of the versions compared.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: FxHashMap<String, u32>,
    df: Vec<u32>,
    docs: u32,
    /// Per term, its IDF, once [`Vocabulary::seal`] is called (empty before).
    idf: Vec<f32>,
}

impl Vocabulary {
    /// Term ids of one text (sorted, unique), registering new terms.
    pub fn add(&mut self, text: &str) -> Vec<u32> {
        debug_assert!(
            self.idf.is_empty(),
            "a sealed vocabulary takes no more texts"
        );
        let mut ids = Vec::new();
        terms(text, |t| {
            let id = match self.ids.get(t) {
                Some(&id) => id,
                None => {
                    let id = self.ids.len() as u32;
                    self.ids.insert(t.to_string(), id);
                    self.df.push(0);
                    id
                }
            };
            ids.push(id);
        });
        ids.sort_unstable();
        ids.dedup();
        for &id in &ids {
            self.df[id as usize] += 1;
        }
        self.docs += 1;
        ids
    }

    /// Term ids of a text that are already known (unknown terms are left out), sorted and
    /// unique; the vocabulary does not change.
    pub fn lookup(&self, text: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        terms(text, |t| {
            if let Some(&id) = self.ids.get(t) {
                ids.push(id);
            }
        });
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Inverse document frequency of a term: from the table [`Vocabulary::seal`] made,
    /// computed where there is none.
    pub fn idf(&self, id: u32) -> f32 {
        match self.idf.get(id as usize) {
            Some(&idf) => idf,
            None => self.idf_now(id),
        }
    }

    /// Inverse document frequency of a term, from its current document frequency.
    fn idf_now(&self, id: u32) -> f32 {
        let df = self.df[id as usize] as f32;
        ((self.docs as f32 + 1.0) / (df + 0.5)).ln().max(0.05)
    }

    /// Once every text is added: the IDF of every term, computed once instead of once per
    /// sentence holding it (a logarithm each). The vocabulary is read only from here on.
    pub fn seal(&mut self) {
        self.idf = (0..self.df.len() as u32)
            .map(|id| self.idf_now(id))
            .collect();
    }
}

impl Profile {
    /// Weigh term ids (from `Vocabulary::add`); n-grams are added by `with_grams`.
    pub fn new(ids: &[u32], vocab: &Vocabulary) -> Profile {
        let terms: Vec<(u32, f32)> = ids.iter().map(|&id| (id, vocab.idf(id))).collect();
        let weight = terms.iter().map(|t| t.1).sum();
        Profile {
            terms,
            weight,
            grams: Vec::new(),
        }
    }

    /// Compute the character n-grams of `text` (the sentence the profile was made from).
    pub fn with_grams(mut self, text: &str) -> Profile {
        self.grams = grams(text);
        self
    }

    /// The profile of two sentences taken together.
    pub fn merge(&self, other: &Profile) -> Profile {
        let mut terms = Vec::with_capacity(self.terms.len() + other.terms.len());
        let (mut i, mut j) = (0, 0);
        while i < self.terms.len() || j < other.terms.len() {
            let take_left = j >= other.terms.len()
                || (i < self.terms.len() && self.terms[i].0 <= other.terms[j].0);
            if take_left {
                if j < other.terms.len() && self.terms[i].0 == other.terms[j].0 {
                    j += 1;
                }
                terms.push(self.terms[i]);
                i += 1;
            } else {
                terms.push(other.terms[j]);
                j += 1;
            }
        }
        let grams = union(&self.grams, &other.grams);
        let weight = terms.iter().map(|t| t.1).sum();
        Profile {
            terms,
            weight,
            grams,
        }
    }
}

/// The union of two sorted lists without repeats, sorted, without repeats.
fn union(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        out.push(x.min(y));
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Weight of the terms two profiles share.
pub fn shared_weight(a: &Profile, b: &Profile) -> f32 {
    // Step past the smaller id (both when equal), without branches; adding 0.0 where the
    // ids differ leaves the sum as it was, so the shared weights add up in the same order.
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.terms.len() && j < b.terms.len() {
        let ((x, weight), (y, _)) = (a.terms[i], b.terms[j]);
        s += if x == y { weight } else { 0.0 };
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    s
}

/// Grams compared at a time by [`shared_grams`], a block of each list: eight, because a
/// stand-alone measurement of 16,000 pairs of 100-200 grams took 3.9 ms with blocks of
/// four, 3.2 ms with eight and 11.6 ms with sixteen (docs/benchmarks.md).
const GRAM_BLOCK: usize = 8;

/// How many grams the sorted, unique lists `a` and `b` share. Block by block: the grams
/// of the current blocks are compared all with all (64 comparisons that do not wait on
/// one another), then the block with the smaller last gram is passed (both when their
/// last grams are equal). A shared gram is counted once, when the blocks holding it are
/// current together: a block is passed only once the other list's current block ends
/// with a larger gram, so neither list passes a gram the other still has ahead. The
/// lists' tails, shorter than a block, are merged gram by gram.
fn shared_grams(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut s) = (0, 0, 0);
    while i + GRAM_BLOCK <= a.len() && j + GRAM_BLOCK <= b.len() {
        let (x, y) = (&a[i..i + GRAM_BLOCK], &b[j..j + GRAM_BLOCK]);
        for &g in x {
            s += y.iter().filter(|&&h| g == h).count();
        }
        let (last_x, last_y) = (x[GRAM_BLOCK - 1], y[GRAM_BLOCK - 1]);
        i += GRAM_BLOCK * usize::from(last_x <= last_y);
        j += GRAM_BLOCK * usize::from(last_y <= last_x);
    }
    // Step past the smaller (both when equal), without branches.
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        s += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    s
}

/// Weighted-term Dice of two profiles.
pub fn term_dice(a: &Profile, b: &Profile) -> f32 {
    let total = a.weight + b.weight;
    if total <= 0.0 {
        return 0.0;
    }
    (2.0 * shared_weight(a, b) / total).min(1.0)
}

/// Character 4-gram Dice of two profiles.
pub fn gram_dice(a: &Profile, b: &Profile) -> f32 {
    let total = a.grams.len() + b.grams.len();
    if total == 0 {
        return 0.0;
    }
    2.0 * shared_grams(&a.grams, &b.grams) as f32 / total as f32
}

/// Blended similarity in [0, 1].
pub fn similarity(a: &Profile, b: &Profile) -> f32 {
    (1.0 - GRAM_SHARE) * term_dice(a, b) + GRAM_SHARE * gram_dice(a, b)
}

/// How much of `part`'s weighted terms are found in `whole`, in [0, 1].
pub fn containment(part: &Profile, whole: &Profile) -> f32 {
    if part.weight <= 0.0 {
        return 0.0;
    }
    (shared_weight(part, whole) / part.weight).min(1.0)
}

/// Blended containment of `part` in `whole` (terms and character n-grams), in [0, 1].
pub fn cover(part: &Profile, whole: &Profile) -> f32 {
    let grams = if part.grams.is_empty() {
        0.0
    } else {
        shared_grams(&part.grams, &whole.grams) as f32 / part.grams.len() as f32
    };
    (1.0 - GRAM_SHARE) * containment(part, whole) + GRAM_SHARE * grams
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The normalised string of a text, used for character n-grams and exact matching.
    fn normalised(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        each_normalised_char(text, |c| out.push(c));
        out
    }

    fn profiles(a: &str, b: &str) -> (Profile, Profile) {
        let mut v = Vocabulary::default();
        let ia = v.add(a);
        let ib = v.add(b);
        // Some unrelated sentences so that IDF is meaningful.
        v.add("The weather was mild on the coast.");
        v.add("Officials met on Tuesday.");
        (
            Profile::new(&ia, &v).with_grams(a),
            Profile::new(&ib, &v).with_grams(b),
        )
    }

    fn term_list(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        terms(text, |t| out.push(t.to_string()));
        out
    }

    #[test]
    fn terms_normalise_case_abbreviations_and_possessives() {
        assert_eq!(term_list("The U.S. and US"), ["the", "us", "and", "us"]);
        assert_eq!(term_list("Russia's “plan”"), ["russia", "plan"]);
        assert_eq!(term_list("negotiations"), ["negotia"]);
        assert_eq!(term_list("175,000 troops"), ["175000", "troops"]);
        assert_eq!(term_list("ex-Soviet"), ["exsovie"]);
        assert_eq!(term_list("Straße über"), ["straße", "über"]);
    }

    proptest::proptest! {
        #[test]
        fn ascii_terms_match_generic(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "a", "B", "7", ".", "'", "-", " ", ",", "U.S.", "don't", "Russia's", "1,000",
                "ab,cd", "'s", "negotiations", "x-ray", "\n", "!",
            ]), 0..30)
        ) {
            let text = v.concat();
            let mut fast = Vec::new();
            terms(&text, |t| fast.push(t.to_string()));
            let mut slow = Vec::new();
            terms_generic(&text, |t| slow.push(t.to_string()));
            proptest::prop_assert_eq!(fast, slow);
        }

        #[test]
        fn ascii_normalisation_matches_generic(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "a", "B", "7", ".", "'", "-", " ", "  ", ",", "U.S.", "don't", "ex-", "\n", "!", "_",
            ]), 0..30)
        ) {
            let text = v.concat();
            let mut fast = String::new();
            each_normalised_char(&text, |c| fast.push(c));
            let mut slow = String::new();
            each_normalised_char_generic(&text, |c| slow.push(c));
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn normalised_ignores_quotes_and_spacing() {
        assert_eq!(
            normalised("“unacceptable” ."),
            normalised("\"unacceptable.\"")
        );
        assert_eq!(normalised("The  U.S. said"), "the us said");
    }

    #[test]
    fn normalised_hash_matches_normalised() {
        for t in ["The  U.S. said", "“Straße” über-all", "", "x's  ... 3.5%"] {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for &b in normalised(t).as_bytes() {
                h ^= b as u64;
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
            assert_eq!(normalised_hash(t), h, "{t}");
        }
    }

    #[test]
    fn identical_sentences_score_one() {
        let (a, b) = profiles(
            "Talks will begin in January.",
            "Talks will begin in January.",
        );
        assert!((similarity(&a, &b) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn small_rewrite_scores_higher_than_unrelated() {
        let (a, b) = profiles(
            "His comments come after the minister told reporters on Tuesday.",
            "Her comments came after the minister told journalists Tuesday.",
        );
        let (c, d) = profiles(
            "His comments come after the minister told reporters on Tuesday.",
            "Storms flooded three villages near the northern border.",
        );
        assert!(similarity(&a, &b) > 0.5, "{}", similarity(&a, &b));
        assert!(similarity(&c, &d) < 0.15, "{}", similarity(&c, &d));
    }

    #[test]
    fn merge_covers_both_halves() {
        let mut v = Vocabulary::default();
        let texts = [
            "The port reopened on Monday and ships returned to the quays.",
            "The port reopened on Monday.",
            "Ships returned to the quays.",
        ];
        let ids: Vec<Vec<u32>> = texts.iter().map(|t| v.add(t)).collect();
        let p: Vec<Profile> = ids
            .iter()
            .zip(texts)
            .map(|(i, t)| Profile::new(i, &v).with_grams(t))
            .collect();
        let merged = p[1].merge(&p[2]);
        assert!(similarity(&p[0], &merged) > similarity(&p[0], &p[1]));
        assert!(containment(&p[1], &p[0]) > 0.99);
    }

    /// The grams as defined: the sorted, unique values of every four-character window of
    /// the normalised text (the whole text when shorter), read character by character.
    fn grams_by_definition(text: &str) -> Vec<u32> {
        let chars: Vec<u32> = normalised(text).chars().map(|c| c as u32).collect();
        let mut want: Vec<u32> = if chars.is_empty() {
            Vec::new()
        } else if chars.len() < 4 {
            vec![gram_value(&chars)]
        } else {
            chars.windows(4).map(gram_value).collect()
        };
        want.sort_unstable();
        want.dedup();
        want
    }

    #[test]
    fn ascii_grams_meet_non_ascii_ones() {
        // The same words' grams have the same values in a text with an accent elsewhere.
        let (plain, accented) = (grams("the port said"), grams("the port said café"));
        let shared = plain.iter().filter(|g| accented.contains(g)).count();
        assert_eq!(shared, plain.len());
        assert_eq!(grams("ab"), vec![0x6162]);
        assert!(grams("né").iter().all(|&g| g & 0x8000_0000 != 0));
    }

    proptest::proptest! {
        /// The packed grams of an ASCII text and the hashed ones of any other are the
        /// grams as defined.
        #[test]
        fn grams_are_the_windows_of_the_normalised_text(
            text in "[a-zA-Z0-9 .,'éÉß\\-]{0,40}",
        ) {
            proptest::prop_assert_eq!(grams(&text), grams_by_definition(&text));
        }

        /// The union of two sorted lists is their sorted, deduplicated concatenation.
        #[test]
        fn union_sorts_and_dedups(
            a in proptest::collection::btree_set(0u32..50, 0..20),
            b in proptest::collection::btree_set(0u32..50, 0..20),
        ) {
            let (a, b): (Vec<u32>, Vec<u32>) = (a.into_iter().collect(), b.into_iter().collect());
            let mut want = [a.clone(), b.clone()].concat();
            want.sort_unstable();
            want.dedup();
            proptest::prop_assert_eq!(union(&a, &b), want);
        }

        /// The block-wise count of shared grams is the size of the lists' intersection,
        /// whatever their lengths and however their grams interleave.
        #[test]
        fn shared_grams_counts_the_intersection(
            a in proptest::collection::btree_set(0u32..120, 0..60),
            b in proptest::collection::btree_set(0u32..120, 0..60),
        ) {
            let want = a.intersection(&b).count();
            let (a, b): (Vec<u32>, Vec<u32>) = (a.into_iter().collect(), b.into_iter().collect());
            proptest::prop_assert_eq!(shared_grams(&a, &b), want);
            proptest::prop_assert_eq!(shared_grams(&b, &a), want);
        }

        /// The branch-free shared weight adds the same weights in the same order as a
        /// merge that branches.
        #[test]
        fn shared_weight_sums_the_shared_terms_in_order(
            a in proptest::collection::btree_map(0u32..40, 0.01f32..5.0, 0..25),
            b in proptest::collection::btree_map(0u32..40, 0.01f32..5.0, 0..25),
        ) {
            let mut want = 0.0f32;
            for (term, weight) in &a {
                if b.contains_key(term) {
                    want += weight;
                }
            }
            let profile = |m: &std::collections::BTreeMap<u32, f32>| Profile {
                terms: m.iter().map(|(&t, &w)| (t, w)).collect(),
                ..Profile::default()
            };
            proptest::prop_assert_eq!(shared_weight(&profile(&a), &profile(&b)).to_bits(), want.to_bits());
        }
    }
}
