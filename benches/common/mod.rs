//! Deterministic generator of synthetic news-like stories for benchmarks and peer
//! comparisons: an invented vocabulary (pseudo-words built from syllables, plus English
//! function words, names, numbers, abbreviations and short quotations), sentences of 15-35
//! words, paragraphs of one to four sentences; and edited copies (a small word edit in every
//! n-th sentence, moved paragraphs, a few random edits).
//!
//! Shared by `benches/*.rs` and `examples/gen_story.rs` (through `#[path]`), so the
//! benchmarks and `scripts/compare_peers.sh` measure the same inputs. No dependencies: the
//! random numbers come from `SplitMix64` so that the same seed gives the same bytes everywhere.

#![allow(dead_code)] // each user needs a different subset

pub mod shapes;

/// `SplitMix64`: tiny, fast, good enough for test data, identical on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Roughly Zipf-distributed rank in `0..n`: frequent words are picked far more often.
    pub fn zipf(&mut self, n: usize) -> usize {
        let r = (n as f64 + 1.0).powf(self.unit()) - 1.0;
        (r as usize).min(n - 1)
    }
}

const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "to", "and", "a", "in", "that", "for", "on", "is", "was", "with", "by", "as",
    "it", "at", "from", "has", "have", "be", "are", "were", "would", "will", "its", "their", "an",
    "this", "not", "but", "had", "which", "after", "about", "than", "more", "could", "over",
    "into", "been", "also", "some", "other", "when", "under", "while", "before",
];

const ONSETS: &[&str] = &[
    "b", "br", "c", "ch", "d", "f", "fl", "g", "gr", "h", "k", "l", "m", "n", "p", "pr", "r", "s",
    "st", "t", "tr", "v", "w", "z",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou", "ea"];
const CODAS: &[&str] = &["", "", "", "n", "r", "s", "t", "l", "nd", "st", "m"];

const TITLES: &[&str] = &["Dr.", "Gen.", "Mr.", "Ms.", "Prof.", "Sen."];
const MONTHS: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "Aug.", "Sept.", "Oct.", "Nov.",
];

/// The invented vocabulary: content words and capitalised names.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    pub words: Vec<String>,
    pub names: Vec<String>,
}

impl Vocabulary {
    pub fn new(seed: u64, words: usize, names: usize) -> Self {
        let mut rng = Rng::new(seed);
        let pseudo = |rng: &mut Rng, syllables: usize| {
            let mut w = String::new();
            for _ in 0..syllables {
                w.push_str(ONSETS[rng.below(ONSETS.len())]);
                w.push_str(VOWELS[rng.below(VOWELS.len())]);
            }
            w.push_str(CODAS[rng.below(CODAS.len())]);
            w
        };
        let words = (0..words)
            .map(|_| {
                let n = rng.range(1, 3);
                pseudo(&mut rng, n)
            })
            .collect();
        let names = (0..names)
            .map(|_| {
                let n = rng.range(2, 3);
                let mut w = pseudo(&mut rng, n);
                w[..1].make_ascii_uppercase();
                w
            })
            .collect();
        Vocabulary { words, names }
    }

    fn word(&self, rng: &mut Rng) -> String {
        // About 45% function words, the rest Zipf-distributed content words.
        if rng.chance(0.45) {
            FUNCTION_WORDS[rng.zipf(FUNCTION_WORDS.len())].to_string()
        } else {
            self.words[rng.zipf(self.words.len())].clone()
        }
    }

    fn name(&self, rng: &mut Rng) -> String {
        self.names[rng.zipf(self.names.len())].clone()
    }
}

/// A number in one of the forms news copy uses: 340, 3.5%, $1.2bn, 17.30, 2,400.
fn number(rng: &mut Rng) -> String {
    match rng.below(5) {
        0 => format!("{}", rng.range(2, 999)),
        1 => format!("{}.{}%", rng.range(0, 40), rng.range(0, 9)),
        2 => format!("${}.{}bn", rng.range(1, 90), rng.range(0, 9)),
        3 => format!("{}.{:02}", rng.range(1, 99), rng.range(0, 99)),
        _ => format!("{},{:03}", rng.range(1, 99), rng.range(0, 999)),
    }
}

/// A story: paragraphs of sentences of words (punctuation attached to the words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    pub paragraphs: Vec<Vec<Vec<String>>>,
}

impl Story {
    pub fn word_count(&self) -> usize {
        self.paragraphs.iter().flatten().map(Vec::len).sum()
    }

    pub fn sentence_count(&self) -> usize {
        self.paragraphs.iter().map(Vec::len).sum()
    }

    /// The story as text: one paragraph per block, blank lines between, LF endings.
    pub fn render(&self) -> String {
        let mut out = String::with_capacity(self.word_count() * 7);
        for (p, para) in self.paragraphs.iter().enumerate() {
            if p > 0 {
                out.push_str("\n\n");
            }
            for (s, sentence) in para.iter().enumerate() {
                if s > 0 {
                    out.push(' ');
                }
                out.push_str(&sentence.join(" "));
            }
        }
        out.push('\n');
        out
    }
}

/// One sentence of 15-35 words: narrative, or a quotation with an attribution.
fn sentence(vocab: &Vocabulary, rng: &mut Rng) -> Vec<String> {
    let len = rng.range(15, 35);
    let mut words: Vec<String> = Vec::with_capacity(len + 4);
    while words.len() < len {
        let roll = rng.below(100);
        let w = match roll {
            0..=5 => vocab.name(rng),
            6..=8 => number(rng),
            9 => format!("{} {}", TITLES[rng.below(TITLES.len())], vocab.name(rng)),
            10 => format!("{} {}", MONTHS[rng.below(MONTHS.len())], rng.range(1, 28)),
            11 => "U.S.".to_string(),
            _ => vocab.word(rng),
        };
        let plain = w.bytes().all(|b| b.is_ascii_lowercase());
        let function = FUNCTION_WORDS.contains(&w.as_str());
        words.push(w);
        if plain && !function && rng.chance(0.08) && words.len() + 3 < len {
            words.last_mut().unwrap().push(',');
        }
    }
    // End on a content word, as real sentences mostly do.
    if let Some(last) = words.last_mut()
        && FUNCTION_WORDS.contains(&last.as_str())
    {
        *last = vocab.words[rng.zipf(vocab.words.len())].clone();
    }
    let first = &mut words[0];
    if let Some(c) = first.get(..1) {
        let up = c.to_ascii_uppercase();
        first.replace_range(..1, &up);
    }
    if rng.chance(0.12) {
        // “Quoted words,” Name said.
        let w = words.last_mut().unwrap();
        w.push_str(",\u{201D}");
        words[0].insert(0, '\u{201C}');
        words.push(vocab.name(rng));
        words.push("said.".to_string());
    } else {
        words.last_mut().unwrap().push('.');
    }
    words
}

/// A story of about `target_words` words (it stops after the sentence that reaches it).
pub fn story(seed: u64, target_words: usize) -> Story {
    let vocab = Vocabulary::new(seed, 6000, 400);
    let mut rng = Rng::new(seed.wrapping_add(1));
    let mut paragraphs = Vec::new();
    let mut words = 0;
    while words < target_words {
        let n = rng.range(1, 4);
        let mut para = Vec::with_capacity(n);
        for _ in 0..n {
            let s = sentence(&vocab, &mut rng);
            words += s.len();
            para.push(s);
            if words >= target_words {
                break;
            }
        }
        paragraphs.push(para);
    }
    Story { paragraphs }
}

/// Change one plain lower-case word (never the first or last, so the sentence frame
/// stays) of the sentence; leaves it alone if no such word is found in a few tries.
fn edit_word(sentence: &mut [String], vocab: &Vocabulary, rng: &mut Rng) {
    if sentence.len() < 3 {
        return;
    }
    let Some(i) = (0..8).map(|_| rng.range(1, sentence.len() - 2)).find(|&i| {
        let w = sentence[i].trim_end_matches(',');
        !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())
    }) else {
        return;
    };
    let trailing: String = sentence[i]
        .chars()
        .rev()
        .take_while(|c| !c.is_alphanumeric())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let mut w = vocab.words[rng.below(vocab.words.len())].clone();
    w.push_str(&trailing);
    sentence[i] = w;
}

/// Copy of `story` with one small word edit in every `nth` sentence and `moves` paragraphs
/// moved to another place.
pub fn edited(story: &Story, seed: u64, nth: usize, moves: usize) -> Story {
    let vocab = Vocabulary::new(seed, 6000, 400);
    let mut rng = Rng::new(seed.wrapping_add(7));
    let mut out = story.clone();
    let mut k = 0;
    for para in &mut out.paragraphs {
        for sentence in para.iter_mut() {
            k += 1;
            if k % nth == 0 {
                edit_word(sentence, &vocab, &mut rng);
            }
        }
    }
    let n = out.paragraphs.len();
    if n > 2 {
        for _ in 0..moves {
            let from = rng.below(n);
            let p = out.paragraphs.remove(from);
            let to = rng.below(n);
            out.paragraphs.insert(to, p);
        }
    }
    out
}

/// Copy of `story` with `edits` random edits: a word changed, a word deleted, a word
/// inserted, or two adjacent sentences of a paragraph swapped.
pub fn randomly_edited(story: &Story, seed: u64, edits: usize) -> Story {
    let vocab = Vocabulary::new(seed, 6000, 400);
    let mut rng = Rng::new(seed.wrapping_add(13));
    let mut out = story.clone();
    for _ in 0..edits {
        let p = rng.below(out.paragraphs.len());
        let para = &mut out.paragraphs[p];
        let s = rng.below(para.len());
        match rng.below(4) {
            0 => edit_word(&mut para[s], &vocab, &mut rng),
            1 if para[s].len() > 4 => {
                let i = rng.range(1, para[s].len() - 2);
                para[s].remove(i);
            }
            2 => {
                let i = rng.range(1, para[s].len() - 1);
                let w = vocab.words[rng.zipf(vocab.words.len())].clone();
                para[s].insert(i, w);
            }
            _ if para.len() > 1 => {
                let t = if s + 1 < para.len() { s + 1 } else { s - 1 };
                para.swap(s, t);
            }
            _ => edit_word(&mut para[s], &vocab, &mut rng),
        }
    }
    out
}

/// The large pair: version A of about `words` words and version B (a word edit in every 7th
/// sentence, one paragraph in a hundred moved), both rendered.
pub fn large_pair(seed: u64, words: usize) -> (String, String) {
    let a = story(seed, words);
    let moves = (a.paragraphs.len() / 100).max(1);
    let b = edited(&a, seed, 7, moves);
    (a.render(), b.render())
}

/// `count` versions of a story of about `words` words; the first is the original, each
/// other one has 2-6 random edits.
pub fn many_versions(seed: u64, words: usize, count: usize) -> Vec<String> {
    let base = story(seed, words);
    let mut rng = Rng::new(seed.wrapping_add(99));
    (0..count)
        .map(|k| {
            if k == 0 {
                base.render()
            } else {
                let edits = rng.range(2, 6);
                randomly_edited(&base, seed.wrapping_add(k as u64 * 1000), edits).render()
            }
        })
        .collect()
}
