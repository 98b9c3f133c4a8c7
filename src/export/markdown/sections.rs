//! The Markdown report's sections before the comparisons: the versions, the findings of
//! every version (with the sentences in context), the quotations' status, the overview
//! matrix (a code block of the viewer's symbols, with its legend), the derivation tree (a
//! nested list) and the statistics (a table, measures down, versions across).

use std::fmt::Write;

use super::escape::{self, push as esc};
use crate::engine::{Analysis, FindingClass, Version};
use crate::export::report::MEASURES;
use crate::export::report::{Compared, finding_context};
use crate::render::findings::{listed, place};
use crate::render::overview::{CellMark, cell_mark, links_with_findings};
use crate::render::symbols::numbers;

/// `3 · spun vs 1 · wire (base)`, escaped.
pub(super) fn title(c: &Compared) -> String {
    format!(
        "{} · {} vs {} · {} (base)",
        c.cmp.other + 1,
        escape::text(c.other.label()),
        c.cmp.base + 1,
        escape::text(c.base.label())
    )
}

/// The versions table: number, label, source file, role.
pub(super) fn versions(out: &mut String, analysis: &Analysis) {
    out.push_str("| # | label | source file | role |\n|---:|---|---|---|\n");
    for (index, version) in analysis.versions.iter().enumerate() {
        let role = if index == analysis.base {
            "base"
        } else {
            "compared"
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {role} |",
            index + 1,
            escape::text(version.label()),
            escape::text(&version.name)
        );
    }
    out.push('\n');
}

/// Every version's findings, most important class first.
pub(super) fn findings(out: &mut String, compared: &[Compared]) {
    let total: usize = compared.iter().map(|c| c.cmp.findings.len()).sum();
    let with = compared
        .iter()
        .filter(|c| !c.cmp.findings.is_empty())
        .count();
    let _ = write!(
        out,
        "## Findings\n\n{total} {} in {with} of {} compared versions.\n\n",
        if total == 1 { "finding" } else { "findings" },
        compared.len()
    );
    for c in compared {
        let _ = write!(out, "### {}\n\n", title(c));
        if c.cmp.findings.is_empty() {
            out.push_str("No findings.\n\n");
            continue;
        }
        for (n, index) in listed(&c.cmp.findings).into_iter().enumerate() {
            finding(out, c, n + 1, index);
        }
        out.push('\n');
    }
}

/// One finding as a numbered item with its context lines.
fn finding(out: &mut String, c: &Compared, n: usize, index: usize) {
    let f = &c.cmp.findings[index];
    let _ = write!(out, "{n}. **{}** ", f.class.name());
    match (f.base.is_empty(), f.other.is_empty()) {
        (false, false) => {
            escape::marked(out, &f.base, "~~");
            out.push_str(" -> ");
            escape::marked(out, &f.other, "**");
        }
        (false, true) => {
            out.push_str("removed ");
            escape::marked(out, &f.base, "~~");
        }
        (true, false) => {
            out.push_str("added ");
            escape::marked(out, &f.other, "**");
        }
        (true, true) => out.push_str("changed"),
    }
    let row = c
        .placed
        .row_of(index)
        .map(|r| format!("row {}, ", r + 1))
        .unwrap_or_default();
    let _ = writeln!(out, " ({row}{})", escape::text(&place(f)));
    context(out, c.base, "base", &f.base_sentences, &f.base);
    context(out, c.other, c.other.label(), &f.other_sentences, &f.other);
}

/// A context line: the side's sentences, the finding's words on that side in `_..._`.
fn context(out: &mut String, v: &Version, who: &str, sentences: &[usize], words: &str) {
    let Some(context) = finding_context(v, sentences, words) else {
        return;
    };
    let text = &context.text;
    let _ = write!(
        out,
        "   - {} {}: ",
        escape::text(who),
        numbers(&context.sentences)
    );
    match context.words {
        Some(at) => {
            esc(out, &text[..at.start]);
            escape::marked(out, &text[at.clone()], "_");
            esc(out, &text[at.end..]);
        }
        None => esc(out, text),
    }
    out.push('\n');
}

/// Per version, each quotation of the base and what became of it, and added ones.
pub(super) fn quotations(out: &mut String, compared: &[Compared]) {
    out.push_str("## Quotations\n\n");
    if crate::export::report::no_quotations(compared) {
        out.push_str("No quotations in any version.\n\n");
        return;
    }
    for c in compared {
        let _ = write!(out, "### {}\n\n", title(c));
        if c.cmp.quotes.is_empty() && c.cmp.added_quotes.is_empty() {
            out.push_str("No quotations in either version.\n\n");
            continue;
        }
        for q in &c.cmp.quotes {
            let _ = write!(
                out,
                "- **{}** {} “{}”",
                q.status.name(),
                numbers(&q.base.sentences),
                escape::text(&q.base.text)
            );
            if let Some(other) = &q.other {
                let _ = write!(
                    out,
                    " -> {} “{}”",
                    numbers(&other.sentences),
                    escape::text(&other.text)
                );
            }
            out.push('\n');
        }
        for q in &c.cmp.added_quotes {
            let _ = writeln!(
                out,
                "- **added** {} “{}”",
                numbers(&q.sentences),
                escape::text(&q.text)
            );
        }
        out.push('\n');
    }
}

/// The matrix as a code block of symbols (only digits and symbols: nothing to escape).
pub(super) fn overview(out: &mut String, analysis: &Analysis) {
    out.push_str(
        "## Overview\n\nOne line per passage of the story, one column per version. Legend: ",
    );
    let legend: Vec<String> = CellMark::LEGEND
        .iter()
        .map(|m| format!("`{}` {}", m.symbol(), m.name()))
        .collect();
    out.push_str(&legend.join(", "));
    out.push_str(".\n\n```text\n");
    let width = analysis.rows.len().max(1).to_string().len().max(3);
    let mut head = format!("{:>width$} ", "row");
    for v in 0..analysis.versions.len() {
        let number = (v + 1).to_string();
        let _ = write!(head, "{number:^3}");
    }
    out.push_str(head.trim_end());
    out.push('\n');
    let with_findings = links_with_findings(analysis);
    let has = |v: usize, link: usize| with_findings[v].binary_search(&link).is_ok();
    for row in 0..analysis.rows.len() {
        let mut line = format!("{:>width$} ", row + 1);
        for v in 0..analysis.versions.len() {
            let _ = write!(line, " {} ", cell_mark(analysis, row, v, has).symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push_str("```\n\n");
}

/// The derivation tree as a nested list.
pub(super) fn derivation(out: &mut String, analysis: &Analysis) {
    let derivation = crate::engine::derive(analysis);
    let _ = write!(
        out,
        "## {}\n\n",
        escape::text(crate::engine::DERIVATION_HEADING)
    );
    for (version, depth) in derivation.walk() {
        let _ = writeln!(
            out,
            "{}- {} {} {}",
            "  ".repeat(depth),
            version + 1,
            escape::text(analysis.versions[version].label()),
            escape::text(&derivation.note(version))
        );
    }
    out.push('\n');
}

/// The statistics of every compared version.
pub(super) fn statistics(out: &mut String, analysis: &Analysis) {
    out.push_str("## Statistics\n\nAgainst the base; only story text counts.\n\n| measure |");
    for c in &analysis.comparisons {
        let _ = write!(
            out,
            " {} {} |",
            c.other + 1,
            escape::text(analysis.versions[c.other].label())
        );
    }
    out.push_str("\n|---|");
    out.push_str(&"---:|".repeat(analysis.comparisons.len()));
    out.push('\n');
    let line = |out: &mut String, name: &str, value: &dyn Fn(&crate::engine::Stats) -> String| {
        let _ = write!(out, "| {name} |");
        for c in &analysis.comparisons {
            let _ = write!(out, " {} |", value(&c.stats));
        }
        out.push('\n');
    };
    for (name, value) in MEASURES {
        line(out, name, &value);
    }
    for (k, class) in FindingClass::ALL.iter().enumerate() {
        line(out, &format!("findings: {}", class.name()), &|s| {
            s.findings[k].to_string()
        });
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Quotation, QuoteMatch, QuoteStatus};
    use crate::export::{fixture, report};

    #[test]
    fn quotations_and_findings_read_in_order_and_escaped() {
        let (mut a, _) = fixture::analysis();
        a.comparisons[0].quotes = vec![QuoteMatch {
            base: Quotation {
                text: "We saw *12* whales.".into(),
                sentences: vec![2],
            },
            status: QuoteStatus::Missing,
            other: None,
            edits: Vec::new(),
        }];
        let compared = report::compared(&a);
        let mut out = String::new();
        quotations(&mut out, &compared);
        assert!(
            out.contains("- **missing** #3 “We saw \\*12\\* whales.”\n"),
            "{out}"
        );
        let mut out = String::new();
        findings(&mut out, &compared);
        let want = "1. **quote** ~~12~~ -> **15** (row 3, #3 -> #4)\n   - base #3: His crew said: \"We saw _12_ whales.\"\n";
        assert!(out.contains(want), "{out}");
        assert!(out.contains("2. **pronoun** ~~His~~ -> **Her**"));
    }
}
