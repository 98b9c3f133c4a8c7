//! Hand-built analyses for the viewer tests: a tiny stand-in aligner (best word overlap),
//! a prefix/suffix word diff and stand-in findings (the edits of a finding's class, and a
//! gained or lost "not"/"never"), so the screens can be tested without the engine.
//! All story text here is invented.
#![allow(dead_code)]

use wirediff::engine::*;

fn words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn jaccard(a: &str, b: &str) -> f32 {
    let a: std::collections::HashSet<_> = words(a).into_iter().collect();
    let b: std::collections::HashSet<_> = words(b).into_iter().collect();
    let i = a.intersection(&b).count();
    let u = a.len() + b.len() - i;
    if u == 0 { 0.0 } else { i as f32 / u as f32 }
}

fn class_of(base: &str, other: &str, in_quote: bool) -> EditClass {
    let both = format!("{base} {other}");
    let pron = ["he", "she", "his", "her", "him", "they", "their"];
    if in_quote {
        EditClass::Quote
    } else if both.chars().any(|c| c.is_ascii_digit()) {
        EditClass::Number
    } else if words(&both).iter().any(|w| pron.contains(&w.as_str())) {
        EditClass::Pronoun
    } else if base.to_lowercase() == other.to_lowercase() {
        EditClass::Case
    } else if base
        .chars()
        .filter(|c| c.is_alphanumeric())
        .eq(other.chars().filter(|c| c.is_alphanumeric()))
    {
        EditClass::Punctuation
    } else if both
        .split_whitespace()
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        EditClass::Name
    } else {
        EditClass::Word
    }
}

/// Prefix/suffix word diff: one edit in the middle at most.
pub fn diff(a: &str, b: &str) -> WordDiff {
    let aw: Vec<&str> = a.split_inclusive(' ').collect();
    let bw: Vec<&str> = b.split_inclusive(' ').collect();
    let mut p = 0;
    while p < aw.len() && p < bw.len() && aw[p] == bw[p] {
        p += 1;
    }
    let mut s = 0;
    while s < aw.len() - p && s < bw.len() - p && aw[aw.len() - 1 - s] == bw[bw.len() - 1 - s] {
        s += 1;
    }
    let pre: String = aw[..p].concat();
    let am: String = aw[p..aw.len() - s].concat();
    let bm: String = bw[p..bw.len() - s].concat();
    let suf: String = aw[aw.len() - s..].concat();
    let mut d = WordDiff::default();
    let piece = |t: &str, e| Piece {
        text: t.to_string(),
        edit: e,
    };
    if !pre.is_empty() {
        d.base.push(piece(&pre, None));
        d.other.push(piece(&pre, None));
    }
    if !am.is_empty() || !bm.is_empty() {
        let in_quote = pre.matches('"').count() % 2 == 1;
        let op = if am.is_empty() {
            EditOp::Insert
        } else if bm.is_empty() {
            EditOp::Delete
        } else {
            EditOp::Replace
        };
        d.edits.push(Edit {
            op,
            base: am.trim().to_string(),
            other: bm.trim().to_string(),
            class: class_of(&am, &bm, in_quote),
            in_quote,
        });
        if !am.is_empty() {
            d.base.push(piece(&am, Some(0)));
        }
        if !bm.is_empty() {
            d.other.push(piece(&bm, Some(0)));
        }
    }
    if !suf.is_empty() {
        d.base.push(piece(&suf, None));
        d.other.push(piece(&suf, None));
    }
    d
}

/// Words whose gain or loss is a negation.
const NEGATIONS: [&str; 2] = ["not", "never"];

/// The findings of some links: each edit of a finding's class, and each word edit that
/// gains or loses a negation.
pub fn findings(links: &[Link]) -> Vec<Finding> {
    let negates = |text: &str| words(text).iter().any(|w| NEGATIONS.contains(&w.as_str()));
    let mut out = Vec::new();
    for (index, link) in links.iter().enumerate() {
        for edit in &link.diff.edits {
            let class = match edit.class {
                EditClass::Quote => FindingClass::Quote,
                EditClass::Number => FindingClass::Number,
                EditClass::Name => FindingClass::Name,
                EditClass::Pronoun => FindingClass::Pronoun,
                EditClass::Word if negates(&edit.base) != negates(&edit.other) => {
                    FindingClass::Negation
                }
                _ => continue,
            };
            out.push(Finding {
                class,
                base: edit.base.clone(),
                other: edit.other.clone(),
                base_sentences: link.base.clone(),
                other_sentences: link.other.clone(),
                link: Some(index),
            });
        }
    }
    out
}

/// Findings per class, indexed like `FindingClass::ALL`.
fn finding_counts(findings: &[Finding]) -> [usize; 6] {
    let mut counts = [0; 6];
    for finding in findings {
        if let Some(k) = FindingClass::ALL.iter().position(|&c| c == finding.class) {
            counts[k] += 1;
        }
    }
    counts
}

pub fn version(name: &str, sentences: &[&str]) -> Version {
    let mut text = String::new();
    let mut out = Vec::new();
    for s in sentences {
        let (s, bp) = match s.strip_prefix('!') {
            Some(rest) => (rest, true),
            None => (*s, false),
        };
        let start = text.len();
        text.push_str(s);
        out.push(Sentence {
            text: s.to_string().into(),
            start,
            end: text.len(),
            kind: if bp {
                SentenceKind::Boilerplate
            } else {
                SentenceKind::Body
            },
            paragraph: 0,
        });
        text.push('\n');
    }
    Version {
        name: name.to_string(),
        label: name.to_string(),
        text: text.into(),
        sentences: out,
    }
}

pub fn compare(versions: &[Version], base: usize, other: usize) -> Comparison {
    let b = &versions[base];
    let o = &versions[other];
    let mut used = vec![false; b.sentences.len()];
    let mut pairs = Vec::new();
    for (j, s) in o.sentences.iter().enumerate() {
        let best = b
            .sentences
            .iter()
            .enumerate()
            .filter(|(i, _)| !used[*i])
            .map(|(i, t)| (i, jaccard(&t.text, &s.text)))
            .fold(None, |acc: Option<(usize, f32)>, (i, sc)| match acc {
                Some((_, a)) if a >= sc => acc,
                _ => Some((i, sc)),
            });
        if let Some((i, sc)) = best
            && sc >= 0.3
        {
            used[i] = true;
            pairs.push((i, j, sc));
        }
    }
    pairs.sort_by_key(|p| p.0);
    let mut links = Vec::new();
    let mut max_other = None;
    for (k, &(i, j, sc)) in pairs.iter().enumerate() {
        let moved = pairs
            .iter()
            .enumerate()
            .any(|(k2, &(_, j2, _))| (k2 < k && j2 > j) || (k2 > k && j2 < j))
            && {
                let m = max_other.is_some_and(|mo| j < mo);
                m || pairs[k + 1..].iter().filter(|p| p.1 < j).count() > 1
            };
        max_other = Some(max_other.map_or(j, |mo: usize| mo.max(j)));
        let d = diff(&b.sentences[i].text, &o.sentences[j].text);
        let kind = if d.edits.is_empty() {
            LinkKind::Identical
        } else if sc >= 0.8 {
            LinkKind::Minor
        } else if sc >= 0.5 {
            LinkKind::Rewrite
        } else {
            LinkKind::Paraphrase
        };
        links.push(Link {
            base: vec![i],
            other: vec![j],
            kind,
            score: sc,
            moved,
            diff: d,
        });
    }
    let unmatched_base: Vec<usize> = (0..b.sentences.len())
        .filter(|&i| !links.iter().any(|l| l.base[0] == i))
        .collect();
    let unmatched_other: Vec<usize> = (0..o.sentences.len())
        .filter(|&j| !links.iter().any(|l| l.other[0] == j))
        .collect();
    let nb = b.sentences.iter().filter(|s| !s.boilerplate()).count();
    let count = |k: LinkKind| links.iter().filter(|l| l.kind == k).count();
    let carried = links
        .iter()
        .filter(|l| !b.sentences[l.base[0]].boilerplate())
        .count();
    let stats = Stats {
        base_sentences: nb,
        other_sentences: o.sentences.iter().filter(|s| !s.boilerplate()).count(),
        carried,
        carried_share: if nb == 0 {
            0.0
        } else {
            carried as f32 / nb as f32
        },
        identical: count(LinkKind::Identical),
        minor: count(LinkKind::Minor),
        rewrite: count(LinkKind::Rewrite),
        paraphrase: count(LinkKind::Paraphrase),
        partial: count(LinkKind::Partial),
        moved: links.iter().filter(|l| l.moved).count(),
        added: unmatched_other
            .iter()
            .filter(|&&j| !o.sentences[j].boilerplate())
            .count(),
        deleted: unmatched_base
            .iter()
            .filter(|&&i| !b.sentences[i].boilerplate())
            .count(),
        boilerplate_base: b.sentences.len() - nb,
        boilerplate_other: o.sentences.iter().filter(|s| s.boilerplate()).count(),
        similarity: links.iter().map(|l| l.score).sum::<f32>() / nb.max(1) as f32,
        findings: [0; 6],
    };
    let found = findings(&links);
    let stats = Stats {
        findings: finding_counts(&found),
        ..stats
    };
    Comparison {
        base,
        other,
        links,
        unmatched_base,
        unmatched_other,
        stats,
        findings: found,
        quotes: Vec::new(),
        added_quotes: Vec::new(),
    }
}

/// Collation: one row per base sentence, then each version's unmatched sentences.
pub fn collate(versions: &[Version], base: usize, cmps: &[Comparison]) -> Vec<Row> {
    let n = versions.len();
    let mut rows = Vec::new();
    for i in 0..versions[base].sentences.len() {
        let mut cells = vec![Cell::Empty; n];
        cells[base] = Cell::Base(vec![i]);
        for c in cmps {
            if let Some((li, l)) = c
                .links
                .iter()
                .enumerate()
                .find(|(_, l)| l.base.contains(&i))
            {
                cells[c.other] = Cell::Linked {
                    sentences: l.other.clone(),
                    link: li,
                };
            }
        }
        rows.push(Row { cells });
    }
    for c in cmps {
        for &j in &c.unmatched_other {
            let mut cells = vec![Cell::Empty; n];
            cells[c.other] = Cell::Unmatched(vec![j]);
            rows.push(Row { cells });
        }
    }
    rows
}

pub fn analysis(versions: Vec<Version>, base: usize) -> Analysis {
    let comparisons: Vec<Comparison> = (0..versions.len())
        .filter(|&k| k != base)
        .map(|k| compare(&versions, base, k))
        .collect();
    let rows = collate(&versions, base, &comparisons);
    Analysis {
        base,
        versions,
        comparisons,
        rows,
    }
}

/// An invented story in three versions: edits of every class (findings of quote,
/// negation, number, pronoun), a move, additions, deletions and boilerplate.
pub fn story() -> Analysis {
    let wire = version(
        "wire.txt",
        &[
            "!Home | World | Business | Sport",
            "!Share this article",
            "Floodwaters rose four metres overnight in the river town of Calder Bridge.",
            "About 300 residents were moved to the school gym before dawn.",
            "\"We have never seen the water this high,\" said Mayor Ellen Hartley.",
            "Engineers will inspect the old levee on Monday.",
            "The regional weather office expects more rain through Thursday.",
            "Volunteers filled sandbags along the high street all night.",
            "He said the bridge would stay closed until further notice.",
            "Officials did not expect the water to reach the church.",
            "!Copyright 2026 Example Wire. All rights reserved.",
        ],
    );
    let paper = version(
        "paper.txt",
        &[
            "!Menu | Local | Opinion",
            "Floodwaters rose five metres overnight in the river town of Calder Bridge.",
            "About 300 residents were moved to the town hall before dawn.",
            "\"We have never seen the river this high,\" said Mayor Ellen Hartley.",
            "The regional weather office expects more rain through Thursday.",
            "Engineers will inspect the old levee on Monday.",
            "She said the bridge would stay closed until further notice.",
            "Officials expected the water to reach the church.",
            "A relief fund has been opened at the council offices.",
        ],
    );
    let blog = version(
        "blog.txt",
        &[
            "Floodwaters rose four metres overnight in the river town of Calder Bridge.",
            "About 300 residents were moved to the school gym before dawn.",
            "Local volunteers spent the whole night filling sandbags on the high street.",
            "He said the bridge would stay closed until further notice.",
            "Photos from readers show cars submerged near the old mill.",
        ],
    );
    analysis(vec![wire, paper, blog], 0)
}

/// A story with CJK text (wide glyphs).
pub fn cjk() -> Analysis {
    let a = version(
        "cjk-a.txt",
        &[
            "東京都は 月曜日に 新しい 防災計画を 発表した。",
            "計画には 避難所 三百か所の 整備が 含まれる。",
            "知事は 「市民の 安全が 最優先だ」 と述べた。",
        ],
    );
    let b = version(
        "cjk-b.txt",
        &[
            "東京都は 火曜日に 新しい 防災計画を 発表した。",
            "計画には 避難所 三百か所の 整備が 含まれる。",
            "知事は 「都民の 安全が 最優先だ」 と述べた。",
            "専門家は 計画を 評価している。",
        ],
    );
    analysis(vec![a, b], 0)
}

/// A story with emoji, including ZWJ sequences and flags.
pub fn emoji() -> Analysis {
    let a = version(
        "emoji-a.txt",
        &[
            "The team 🏆 won the final 3-1 in front of 40,000 fans 🎉.",
            "Families 👨‍👩‍👧 filled the stands waving flags 🇧🇷 and 🇦🇷.",
            "The coach said his players gave everything 💪 tonight.",
        ],
    );
    let b = version(
        "emoji-b.txt",
        &[
            "The team 🏆 won the final 3-2 in front of 40,000 fans 🎉.",
            "Families 👨‍👩‍👧 filled the stands waving flags 🇧🇷 and 🇦🇷.",
            "The coach said her players gave everything 💪 tonight.",
        ],
    );
    analysis(vec![a, b], 0)
}

/// A long story: `n` sentences a side, every tenth one edited.
pub fn long(n: usize) -> Analysis {
    let base: Vec<String> = (0..n)
        .map(|i| format!("Sentence number {i} of the long report says the council met on day {} to talk about roads.", i % 28))
        .collect();
    let other: Vec<String> = base
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if i % 10 == 5 {
                s.replace("talk about", "argue over")
            } else {
                s.clone()
            }
        })
        .collect();
    let bv = version(
        "long-a.txt",
        &base.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let ov = version(
        "long-b.txt",
        &other.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    // Direct 1:1 links (the stand-in aligner is quadratic).
    let links: Vec<Link> = (0..n)
        .map(|i| {
            let d = diff(&bv.sentences[i].text, &ov.sentences[i].text);
            let kind = if d.edits.is_empty() {
                LinkKind::Identical
            } else {
                LinkKind::Rewrite
            };
            Link {
                base: vec![i],
                other: vec![i],
                kind,
                score: 0.9,
                moved: false,
                diff: d,
            }
        })
        .collect();
    let cmp = Comparison {
        base: 0,
        other: 1,
        links,
        unmatched_base: vec![],
        unmatched_other: vec![],
        stats: Stats::default(),
        findings: Vec::new(),
        quotes: Vec::new(),
        added_quotes: Vec::new(),
    };
    let versions = vec![bv, ov];
    let rows = collate(&versions, 0, std::slice::from_ref(&cmp));
    Analysis {
        base: 0,
        versions,
        comparisons: vec![cmp],
        rows,
    }
}
