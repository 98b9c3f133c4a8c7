//! Synthetic page-furniture variants with exact gold, and the alignment F1 on them.
//!
//! Each story given (default: the demo wire and the test fixtures' originals) is the base;
//! for every seed a variant is built from its story sentences: some split in two, some
//! pairs merged into one, and page furniture ("Advertisement", "Most Read" with headline
//! teasers, "Related Topics", bylines, captions, share bars, "Read more") put between the
//! halves of a split, before merges, between sentences and around the headline. The
//! variant is written piece by piece, so which base sentences each of its sentences comes
//! from is known by construction (by byte span), whatever the segmenter makes of it.
//!
//! ```text
//! cargo run --release --example furniture_eval -- [--seeds N] [--unseen] [--retitle] [--bin WIREDIFF]
//!     [--verbose] [--write DIR] [FILE...]
//! ```
//!
//! `--retitle` gives the variant a headline of its own (the base's without its last word).
//! `--bin` aligns through that binary's JSON export instead of the engine built with the
//! example (to measure another build, e.g. the one before a change). `--unseen` draws the furniture between sentences from lines the phrase tables were not
//! written with. Prints, per story and in total, pair precision, recall and F1 over the links of story
//! sentences (a link of a base story sentence with a furniture line is a false pair), and
//! group F1 (a gold unit, 1:1, split or merge, counts only when linked whole).

use std::collections::HashSet;
use std::process::ExitCode;

use wirediff::engine::{BaseChoice, Input, SentenceKind, Version};
use wirediff::{Options, analyze};

/// Stories used when none is given: invented ones shipped with the crate.
const DEFAULT_STORIES: [&str; 4] = [
    "assets/demo/01-wire.txt",
    "tests/fixtures/tram-wire.txt",
    "tests/fixtures/ferry-wire.txt",
    "tests/fixtures/stories/german/01-original.txt",
];

/// Furniture lines put between sentences (one picked at a time).
const BETWEEN: [&str; 14] = [
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "Read more",
    "Read more: Council approves new budget for schools",
    "Share this article",
    "Share on Facebook Share on Twitter Share via Email",
    "Sign up for our daily newsletter",
    "Click here to subscribe to our newsletter.",
    "(AP Photo/Jane Roe)",
    "Photo: Staff photographer",
    "Anzeige",
    "Publicité",
    "Lesen Sie auch",
];

/// Furniture lines the phrase tables were not written with (`--unseen`): how the
/// alignment fares when the marker does not know a line.
const UNSEEN: [&str; 8] = [
    "Continue reading the main story",
    "Subscribe now for unlimited access",
    "Watch: the strike explained in 60 seconds",
    "Pictured: the harbour at dawn",
    "Weiterlesen nach der Anzeige",
    "Voir aussi",
    "Sponsored links",
    "Get the latest headlines sent to your inbox",
];

/// Headline-like teasers that follow a "Most Read" or "Related Topics" heading.
const TEASERS: [&str; 5] = [
    "Storm warnings issued along the northern coast",
    "Local team wins regional title after extra time",
    "Mayor opens new library wing",
    "Five things to know before the weekend",
    "Prices of fresh produce climb for third month",
];

/// Captions with their credits, shown between the headline and the story.
const CAPTIONS: [&str; 4] = [
    "A view of the harbour on Monday. (Photo: Kim Vik/Staff)",
    "Passengers wait at the station. REUTERS/Jo Lund",
    "File photo",
    "Photo: Handout",
];

/// Deterministic pseudo-random numbers (a 64-bit LCG): the variants depend on the seed
/// only.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// A variant being written: its text and, per story piece, its byte span and the base
/// sentences it comes from.
#[derive(Default)]
struct Variant {
    text: String,
    pieces: Vec<(usize, usize, Vec<usize>)>,
}

impl Variant {
    fn paragraph_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push_str(if self.text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            });
        }
    }

    fn space(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push(' ');
        }
    }

    /// A furniture line in a paragraph of its own.
    fn furniture(&mut self, line: &str) {
        self.paragraph_break();
        self.text.push_str(line);
        self.paragraph_break();
    }

    /// Story text from base sentences `from`, in the current paragraph.
    fn story(&mut self, text: &str, from: Vec<usize>) {
        self.space();
        let start = self.text.len();
        self.text.push_str(text);
        self.pieces.push((start, self.text.len(), from));
    }

    /// The base sentences the other sentence spanning `start..end` comes from.
    fn origin(&self, start: usize) -> Option<&[usize]> {
        self.pieces
            .iter()
            .find(|(s, e, _)| (*s..*e).contains(&start))
            .map(|(_, _, from)| from.as_slice())
    }
}

/// Split `text` in two sentences at the comma (or " and ", " but ") nearest its middle,
/// each half at least four words.
fn split(text: &str) -> Option<(String, String)> {
    let middle = text.len() / 2;
    let cut = [", ", " and ", " but ", " und ", " et "]
        .iter()
        .flat_map(|sep| text.match_indices(sep).map(move |(at, _)| (at, sep.len())))
        .filter(|&(at, len)| {
            text[..at].split_whitespace().count() >= 4
                && text[at + len..].split_whitespace().count() >= 4
        })
        .min_by_key(|&(at, _)| at.abs_diff(middle))?;
    let (at, len) = cut;
    let first = format!("{}.", text[..at].trim_end_matches([',', ' ']));
    let rest = &text[at + len..];
    let mut chars = rest.chars();
    let head = chars.next()?;
    Some((first, format!("{}{}", head.to_uppercase(), chars.as_str())))
}

/// Whether a line reads as a headline (no final punctuation).
fn heading_like(text: &str) -> bool {
    !text
        .trim_end()
        .ends_with(['.', '!', '?', '"', '”', '“', '»', ')', ':'])
}

/// Build the variant of `base` for `seed`, its furniture lines drawn from `between`, its
/// headline cut short with `retitle`.
fn build(base: &Version, seed: u64, between: &[&str], retitle: bool) -> Variant {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xF00D);
    let story: Vec<usize> = (0..base.sentences.len())
        .filter(|&i| base.sentences[i].kind != SentenceKind::Boilerplate)
        .collect();
    let mut out = Variant::default();
    let mut k = 0;
    if let Some(&first) = story.first()
        && heading_like(&base.sentences[first].text)
    {
        headline(&mut out, &mut rng, base, first, retitle);
        k = 1;
    }
    let mut paragraph = None;
    while k < story.len() {
        let i = story[k];
        let sentence = &base.sentences[i];
        if paragraph != Some(sentence.paragraph) {
            out.paragraph_break();
            paragraph = Some(sentence.paragraph);
        }
        let next = story.get(k + 1).map(|&n| &base.sentences[n]);
        let roll = rng.below(100);
        if roll < 25
            && let Some((a, b)) = split(&sentence.text)
        {
            out.story(&a, vec![i]);
            out.furniture(between[rng.below(between.len())]);
            out.story(&b, vec![i]);
            k += 1;
        } else if roll < 50
            && sentence.kind == SentenceKind::Body
            && sentence.text.ends_with('.')
            && next.is_some_and(|n| n.kind == SentenceKind::Body && !heading_like(&n.text))
        {
            if rng.chance(60) {
                out.furniture(between[rng.below(between.len())]);
            }
            let merged = format!(
                "{}; {}",
                sentence.text.trim_end_matches('.'),
                next.expect("checked").text
            );
            out.story(&merged, vec![i, story[k + 1]]);
            k += 2;
        } else {
            out.story(&sentence.text, vec![i]);
            k += 1;
        }
        if rng.chance(20) {
            out.furniture(between[rng.below(between.len())]);
        }
    }
    out
}

/// The headline, after a heading section with teasers (and a byline), with captions after
/// it or the page's repeat of it before.
fn headline(out: &mut Variant, rng: &mut Rng, base: &Version, first: usize, retitle: bool) {
    let text = &base.sentences[first].text;
    // A site's own headline: the wire's without its last word.
    let text = match text.rsplit_once(' ') {
        Some((kept, _)) if retitle && kept.contains(' ') => kept,
        _ => text,
    };
    match rng.below(3) {
        0 => {
            out.furniture("Most Read");
            for _ in 0..3 {
                out.furniture(TEASERS[rng.below(TEASERS.len())]);
            }
        }
        1 => {
            out.furniture("Related Topics");
            out.furniture("Ports Strikes Economy");
            out.furniture("By Staff Reporter");
        }
        _ => out.furniture("Home | News | World | Business"),
    }
    out.paragraph_break();
    out.story(text, vec![first]);
    out.paragraph_break();
    if rng.chance(60) {
        for k in 0..2 + rng.below(7) {
            out.furniture(CAPTIONS[k % CAPTIONS.len()]);
        }
    }
}

/// Gold and predicted pairs, and gold and predicted units, of one variant.
struct Scored {
    gold: HashSet<(usize, usize)>,
    found: HashSet<(usize, usize)>,
    gold_units: HashSet<(Vec<usize>, Vec<usize>)>,
    found_units: HashSet<(Vec<usize>, Vec<usize>)>,
}

/// What an alignment of a variant with its base gives: which base sentences are story
/// text, where each sentence of the variant starts, and the links.
struct Aligned {
    base_story: Vec<bool>,
    other_starts: Vec<usize>,
    links: Vec<(Vec<usize>, Vec<usize>)>,
}

/// The alignment through the engine linked into this example.
fn by_engine(name: &str, base_text: &str, variant: &Variant) -> Aligned {
    let inputs = [
        Input {
            name: format!("{name}.base"),
            text: base_text.to_string(),
        },
        Input {
            name: format!("{name}.variant"),
            text: variant.text.clone(),
        },
    ];
    let options = Options {
        base: BaseChoice::Index(0),
        ..Options::default()
    };
    let analysis = analyze(&inputs, options);
    let (base, other) = (&analysis.versions[0], &analysis.versions[1]);
    Aligned {
        base_story: base
            .sentences
            .iter()
            .map(|s| s.kind != SentenceKind::Boilerplate)
            .collect(),
        other_starts: other.sentences.iter().map(|s| s.start).collect(),
        links: analysis.comparisons[0]
            .links
            .iter()
            .map(|l| (l.base.clone(), l.other.clone()))
            .collect(),
    }
}

/// The alignment through a wirediff binary's JSON export (`--bin`: another build, e.g.
/// the one before a change).
fn by_binary(bin: &str, base_text: &str, variant: &Variant) -> Result<Aligned, String> {
    let dir = std::env::temp_dir().join(format!("furniture_eval.{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let (base_path, other_path) = (dir.join("base.txt"), dir.join("variant.txt"));
    std::fs::write(&base_path, base_text).map_err(|e| e.to_string())?;
    std::fs::write(&other_path, &variant.text).map_err(|e| e.to_string())?;
    let out = std::process::Command::new(bin)
        .args(["export", "--format", "json", "--base", "1"])
        .arg(&base_path)
        .arg(&other_path)
        .output()
        .map_err(|e| format!("{bin}: {e}"))?;
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).map_err(|e| format!("{bin}: {e}"))?;
    let sentences = |k: usize| json["versions"][k]["sentences"].as_array().cloned();
    let numbers = |v: &serde_json::Value| -> Vec<usize> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(serde_json::Value::as_u64)
            .map(|n| n as usize)
            .collect()
    };
    let (base, other) = sentences(0).zip(sentences(1)).ok_or("no versions")?;
    Ok(Aligned {
        base_story: base.iter().map(|s| s["kind"] != "boilerplate").collect(),
        other_starts: other
            .iter()
            .filter_map(|s| s["start"].as_u64())
            .map(|n| n as usize)
            .collect(),
        links: json["comparisons"][0]["links"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|l| (numbers(&l["base"]), numbers(&l["other"])))
            .collect(),
    })
}

/// Gold and found pairs and units of one variant aligned.
fn score(variant: &Variant, aligned: &Aligned) -> Scored {
    let mut gold = HashSet::new();
    let mut units: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    for (j, &start) in aligned.other_starts.iter().enumerate() {
        let Some(from) = variant.origin(start) else {
            continue;
        };
        gold.extend(from.iter().map(|&i| (i, j)));
        match units.iter_mut().find(|(b, _)| b.as_slice() == from) {
            Some(unit) => unit.1.push(j),
            None => units.push((from.to_vec(), vec![j])),
        }
    }
    let mut found = HashSet::new();
    let mut found_units = HashSet::new();
    for (base, other) in &aligned.links {
        if !base.iter().any(|&i| aligned.base_story[i]) {
            continue;
        }
        for &i in base {
            found.extend(other.iter().map(|&j| (i, j)));
        }
        found_units.insert((base.clone(), other.clone()));
    }
    Scored {
        gold,
        found,
        gold_units: units.into_iter().collect(),
        found_units,
    }
}

/// Running totals: (true, found, gold) for pairs and for units.
#[derive(Default, Clone, Copy)]
struct Totals {
    pairs: [usize; 3],
    units: [usize; 3],
}

impl Totals {
    fn add(&mut self, s: &Scored) {
        let hit = s.found.intersection(&s.gold).count();
        let unit_hit = s.found_units.intersection(&s.gold_units).count();
        for (t, v) in self
            .pairs
            .iter_mut()
            .zip([hit, s.found.len(), s.gold.len()])
        {
            *t += v;
        }
        let counts = [unit_hit, s.found_units.len(), s.gold_units.len()];
        for (t, v) in self.units.iter_mut().zip(counts) {
            *t += v;
        }
    }

    fn line(&self, label: &str) -> String {
        let f1 = |[hit, found, gold]: [usize; 3]| {
            let p = hit as f64 / found.max(1) as f64;
            let r = hit as f64 / gold.max(1) as f64;
            (
                p,
                r,
                if p + r > 0.0 {
                    2.0 * p * r / (p + r)
                } else {
                    0.0
                },
            )
        };
        let (p, r, f) = f1(self.pairs);
        let (_, _, g) = f1(self.units);
        format!(
            "{label:<40} pairs P={p:.4} R={r:.4} F1={f:.4}  groups F1={g:.4}  (gold pairs {})",
            self.pairs[2]
        )
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let mut seeds = 20u64;
    let mut verbose = false;
    let mut between: &[&str] = &BETWEEN;
    let mut bin: Option<String> = None;
    let mut retitle = false;
    let mut write: Option<String> = None;
    let mut files: Vec<String> = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--seeds" => {
                let n = it.next().ok_or("--seeds needs a number")?;
                seeds = n.parse().map_err(|_| format!("not a number: {n}"))?;
            }
            "--verbose" => verbose = true,
            "--unseen" => between = &UNSEEN,
            "--retitle" => retitle = true,
            "--bin" => bin = Some(it.next().ok_or("--bin needs a path")?.clone()),
            "--write" => write = Some(it.next().ok_or("--write needs a folder")?.clone()),
            _ => files.push(arg.clone()),
        }
    }
    if files.is_empty() {
        files = DEFAULT_STORIES.iter().map(|s| s.to_string()).collect();
    }
    let mut all = Totals::default();
    for file in &files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
        let name = file.rsplit('/').next().unwrap_or(file);
        let base = analyze(
            &[Input {
                name: name.to_string(),
                text: text.clone(),
            }],
            Options::default(),
        )
        .versions
        .remove(0);
        let mut story = Totals::default();
        for seed in 0..seeds {
            let variant = build(&base, seed, between, retitle);
            if let Some(dir) = &write {
                let path = format!("{dir}/{name}.{seed}.txt");
                std::fs::write(&path, &variant.text).map_err(|e| format!("{path}: {e}"))?;
            }
            let aligned = match &bin {
                Some(bin) => by_binary(bin, &text, &variant)?,
                None => by_engine(name, &text, &variant),
            };
            let scored = score(&variant, &aligned);
            if verbose {
                report_misses(seed, &scored);
            }
            story.add(&scored);
        }
        println!("{}", story.line(file));
        for k in 0..3 {
            all.pairs[k] += story.pairs[k];
            all.units[k] += story.units[k];
        }
    }
    println!(
        "{}",
        all.line(&format!("all ({} stories x {seeds})", files.len()))
    );
    Ok(())
}

/// The gold units not linked whole and the links not in the gold, for one variant.
fn report_misses(seed: u64, s: &Scored) {
    let mut missed: Vec<_> = s.gold_units.difference(&s.found_units).collect();
    missed.sort();
    let mut extra: Vec<_> = s.found_units.difference(&s.gold_units).collect();
    extra.sort();
    if !missed.is_empty() || !extra.is_empty() {
        println!("  seed {seed}: missed {missed:?} found instead {extra:?}");
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("furniture_eval: {e}");
            ExitCode::from(2)
        }
    }
}
