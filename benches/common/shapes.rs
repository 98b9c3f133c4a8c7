//! Pairs of versions (base, other) of one shape at a requested size, for the scale
//! benchmark (`benches/shapes.rs`), `examples/gen_shapes.rs` and the robustness tests:
//! shapes that once broke the aligner's time or memory, or its results, when sentences
//! repeat. Deterministic: the same shape, seed and size give the same bytes.
//!
//! - `Random`: a generated story and a copy with a word edit in every 7th sentence and a
//!   few paragraphs moved (ordinary text);
//! - `Repetitive`: sentences drawn from a pool of twelve, and a copy with about 2% of them
//!   edited (one word), deleted or inserted;
//! - `Giant`: one sentence of words without any sentence-ending punctuation, and a copy
//!   with a word in a thousand changed;
//! - `Identical`: one sentence over and over, and a copy with three copies edited;
//! - `Mutated`: a web page whose navigation block is repeated (a story, its chrome two
//!   thousand times, the story's end) and a copy with thirteen lines mutated by a character
//!   and one deleted, as a scraper's random testing made them;
//! - `NearRepeats`: one sentence over and over, and one other sentence (one word apart)
//!   as many times;
//! - `ShuffledBlocks`: runs of copies of a few sentences, and the same runs in another
//!   order, some a copy longer or shorter;
//! - `Runs`: runs of random lengths of pool sentences, and a copy whose runs are a copy
//!   longer or shorter, some of whose copies are edited.

use super::{Rng, Vocabulary, edit_word, large_pair, sentence, story};

/// Bytes of rendered text per word of the story generator, to turn a size into words.
const BYTES_PER_WORD: usize = 6;

/// The shapes of the scale benchmark, then the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Random,
    Repetitive,
    Giant,
    Identical,
    Mutated,
    NearRepeats,
    ShuffledBlocks,
    Runs,
}

impl Shape {
    /// Every shape, those of the scale benchmark first.
    pub const ALL: [Shape; 8] = [
        Shape::Random,
        Shape::Repetitive,
        Shape::Giant,
        Shape::Identical,
        Shape::Mutated,
        Shape::NearRepeats,
        Shape::ShuffledBlocks,
        Shape::Runs,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Shape::Random => "random",
            Shape::Repetitive => "repetitive",
            Shape::Giant => "giant",
            Shape::Identical => "identical",
            Shape::Mutated => "mutated",
            Shape::NearRepeats => "near-repeats",
            Shape::ShuffledBlocks => "shuffled-blocks",
            Shape::Runs => "runs",
        }
    }

    pub fn from_name(name: &str) -> Option<Shape> {
        Shape::ALL.into_iter().find(|shape| shape.name() == name)
    }

    /// Base and other version of about `bytes` bytes each.
    pub fn pair(self, seed: u64, bytes: usize) -> (String, String) {
        match self {
            Shape::Random => large_pair(seed, (bytes / BYTES_PER_WORD).max(1)),
            Shape::Repetitive => repetitive(seed, bytes),
            Shape::Giant => giant(seed, bytes),
            Shape::Identical => identical(seed, bytes),
            Shape::Mutated => mutated(seed, bytes),
            Shape::NearRepeats => near_repeats(seed, bytes),
            Shape::ShuffledBlocks => shuffled_blocks(seed, bytes),
            Shape::Runs => runs(seed, bytes),
        }
    }
}

/// Paragraphs of sentences, rendered as the story generator renders them.
fn render(paragraphs: &[Vec<String>]) -> String {
    let mut out = String::new();
    for (k, paragraph) in paragraphs.iter().enumerate() {
        if k > 0 {
            out.push_str("\n\n");
        }
        out.push_str(&paragraph.join(" "));
    }
    out.push('\n');
    out
}

/// `count` distinct generated sentences, as text and as words.
fn pool(seed: u64, count: usize) -> (Vocabulary, Vec<Vec<String>>) {
    let vocab = Vocabulary::new(seed, 6000, 400);
    let mut rng = Rng::new(seed.wrapping_add(3));
    let mut sentences: Vec<Vec<String>> = Vec::new();
    while sentences.len() < count {
        let candidate = sentence(&vocab, &mut rng);
        if !sentences.contains(&candidate) {
            sentences.push(candidate);
        }
    }
    (vocab, sentences)
}

/// Sentences drawn from a pool of twelve; the copy edits, deletes or inserts about 2%.
fn repetitive(seed: u64, bytes: usize) -> (String, String) {
    let (vocab, pool) = pool(seed, 12);
    let mut rng = Rng::new(seed.wrapping_add(5));
    let (mut base, mut other): (Vec<Vec<String>>, Vec<Vec<String>>) = (Vec::new(), Vec::new());
    let mut size = 0;
    while size < bytes {
        let (mut base_paragraph, mut other_paragraph) = (Vec::new(), Vec::new());
        for _ in 0..rng.range(1, 4) {
            let words = &pool[rng.below(pool.len())];
            let text = words.join(" ");
            size += text.len() + 1;
            match rng.below(200) {
                0 | 1 => {
                    let mut edited = words.clone();
                    edit_word(&mut edited, &vocab, &mut rng);
                    other_paragraph.push(edited.join(" "));
                }
                2 => {}
                3 => {
                    other_paragraph.push(text.clone());
                    other_paragraph.push(pool[rng.below(pool.len())].join(" "));
                }
                _ => other_paragraph.push(text.clone()),
            }
            base_paragraph.push(text);
        }
        base.push(base_paragraph);
        if !other_paragraph.is_empty() {
            other.push(other_paragraph);
        }
    }
    (render(&base), render(&other))
}

/// One sentence without sentence-ending punctuation; the copy changes a word in 1,000.
fn giant(seed: u64, bytes: usize) -> (String, String) {
    let vocab = Vocabulary::new(seed, 6000, 400);
    let mut rng = Rng::new(seed.wrapping_add(11));
    let (mut base, mut other) = (String::new(), String::new());
    let mut count = 0;
    while base.len() < bytes {
        let word = vocab.word(&mut rng);
        if count > 0 {
            base.push(' ');
            other.push(' ');
        }
        base.push_str(&word);
        if count % 1000 == 999 {
            other.push_str(&vocab.words[rng.below(vocab.words.len())]);
        } else {
            other.push_str(&word);
        }
        count += 1;
    }
    base.push('\n');
    other.push('\n');
    (base, other)
}

/// One sentence repeated on one line; the copy edits three of the copies.
fn identical(seed: u64, bytes: usize) -> (String, String) {
    let (vocab, pool) = pool(seed, 1);
    let mut rng = Rng::new(seed.wrapping_add(17));
    let text = pool[0].join(" ");
    let copies = (bytes / (text.len() + 1)).max(4);
    let edited_at = [copies / 4, copies / 2, 3 * copies / 4];
    let mut other = Vec::with_capacity(copies);
    for k in 0..copies {
        if edited_at.contains(&k) {
            let mut words = pool[0].clone();
            edit_word(&mut words, &vocab, &mut rng);
            other.push(words.join(" "));
        } else {
            other.push(text.clone());
        }
    }
    (render(&[vec![text; copies]]), render(&[other]))
}

/// Lines of a site's navigation block, repeated in `mutated` the way a broken page repeats
/// it.
const CHROME: [&str; 9] = [
    "More Stories From Miscellaneous",
    "",
    "About Us | Contact Us | Advertisement",
    "ABOUT US",
    "Our Network",
    "Who We Are",
    "Site Links:",
    "",
    "News - Sports - Weather - Prices - Live TV - Horoscope - Recipes - Travel - Events - Results - Directory - Calendar - Prayer Times - Past Papers - Schools",
];

/// A story, its page chrome repeated until `bytes`, the story's end; the copy mutates 13
/// lines by one character and deletes one.
fn mutated(seed: u64, bytes: usize) -> (String, String) {
    let text = story(seed, 600).render();
    let lines: Vec<&str> = text.lines().collect();
    let (head, tail) = lines.split_at(lines.len() / 2);
    let mut base: Vec<String> = head.iter().map(std::string::ToString::to_string).collect();
    let block: usize = CHROME.iter().map(|line| line.len() + 1).sum::<usize>() + 1;
    let repeats = (bytes.saturating_sub(text.len()) / block).max(2);
    for _ in 0..repeats {
        base.extend(CHROME.iter().map(std::string::ToString::to_string));
        base.push(String::new());
    }
    base.extend(tail.iter().map(std::string::ToString::to_string));
    let mut rng = Rng::new(seed.wrapping_add(23));
    let mut other = base.clone();
    for _ in 0..13 {
        let at = rng.below(other.len());
        let line = &mut other[at];
        let chars: Vec<char> = line.chars().collect();
        let cut = rng.below(chars.len() + 1);
        let mark = ['~', ',', '|', '\u{2014}', '\u{2069}', '\u{2066}'][rng.below(6)];
        *line = chars[..cut]
            .iter()
            .chain(std::iter::once(&mark))
            .chain(&chars[cut..])
            .collect();
    }
    let gone = rng.below(other.len());
    other.remove(gone);
    let join = |lines: &[String]| lines.join("\n") + "\n";
    (join(&base), join(&other))
}

/// One sentence over and over; the other version another sentence one word apart.
fn near_repeats(seed: u64, bytes: usize) -> (String, String) {
    let (vocab, pool) = pool(seed, 1);
    let mut rng = Rng::new(seed.wrapping_add(29));
    let mut edited = pool[0].clone();
    edit_word(&mut edited, &vocab, &mut rng);
    let text = pool[0].join(" ");
    let copies = (bytes / (text.len() + 1)).max(2);
    (
        render(&[vec![text; copies]]),
        render(&[vec![edited.join(" "); copies]]),
    )
}

/// Runs of copies of five sentences, one run a paragraph; the other version has the same
/// runs shuffled, some a copy longer or shorter.
fn shuffled_blocks(seed: u64, bytes: usize) -> (String, String) {
    let (_, pool) = pool(seed, 5);
    let mut rng = Rng::new(seed.wrapping_add(31));
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut size = 0;
    while size < bytes {
        let (which, length) = (rng.below(pool.len()), rng.range(2, 40));
        size += length * (pool[which].join(" ").len() + 1);
        blocks.push((which, length));
    }
    let paragraphs = |blocks: &[(usize, usize)]| -> Vec<Vec<String>> {
        blocks
            .iter()
            .map(|&(which, length)| vec![pool[which].join(" "); length])
            .collect()
    };
    let base = paragraphs(&blocks);
    let mut shuffled = blocks.clone();
    for k in (1..shuffled.len()).rev() {
        let swap_with = rng.below(k + 1);
        shuffled.swap(k, swap_with);
    }
    for block in &mut shuffled {
        match rng.below(4) {
            0 => block.1 += 1,
            1 if block.1 > 1 => block.1 -= 1,
            _ => {}
        }
    }
    (render(&base), render(&paragraphs(&shuffled)))
}

/// Runs of random lengths of pool sentences; the copy makes some runs a copy longer or
/// shorter and edits some copies.
fn runs(seed: u64, bytes: usize) -> (String, String) {
    let (vocab, pool) = pool(seed, 6);
    let mut rng = Rng::new(seed.wrapping_add(37));
    let (mut base, mut other) = (Vec::new(), Vec::new());
    let mut size = 0;
    while size < bytes {
        let which = rng.below(pool.len());
        let length = rng.range(1, 12);
        let text = pool[which].join(" ");
        size += length * (text.len() + 1);
        base.extend(std::iter::repeat_n(text.clone(), length));
        let other_length = match rng.below(5) {
            0 => length + 1,
            1 => length - 1,
            _ => length,
        };
        for _ in 0..other_length {
            if rng.chance(0.03) {
                let mut edited = pool[which].clone();
                edit_word(&mut edited, &vocab, &mut rng);
                other.push(edited.join(" "));
            } else {
                other.push(text.clone());
            }
        }
    }
    let paragraphs = |sentences: Vec<String>| -> Vec<Vec<String>> {
        sentences.chunks(4).map(<[String]>::to_vec).collect()
    };
    (render(&paragraphs(base)), render(&paragraphs(other)))
}
