//! The report's first sections: every version's findings (class, old -> new with
//! `<del>`/`<ins>`, the sentences of both versions in context with the changed words
//! marked, a link to the row of the comparison below), then what became of the base's
//! quotations in each version and the quotations a version adds.

use std::fmt::Write;

use super::escape::push as esc;
use super::parts::{STORY_LANG, comparison_title};
use crate::engine::{Finding, QuoteStatus, Version};
use crate::export::report::{Compared, finding_context, row_id};
use crate::render::findings::listed;
use crate::render::symbols::numbers;

/// The findings of every version, most important class first.
pub(super) fn findings(out: &mut String, compared: &[Compared]) {
    let total: usize = compared.iter().map(|c| c.cmp.findings.len()).sum();
    let with = compared
        .iter()
        .filter(|c| !c.cmp.findings.is_empty())
        .count();
    let _ = write!(
        out,
        "<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Findings</h2>\n\
         <p>{total} {} in {with} of {} compared versions: the edits that may change what the story says \
         (a word changed inside a quotation, a negation, a number, a name, a pronoun, an attribution verb).</p>\n",
        if total == 1 { "finding" } else { "findings" },
        compared.len()
    );
    for c in compared {
        out.push_str("<h3>");
        comparison_title(out, c);
        out.push_str("</h3>\n");
        if c.cmp.findings.is_empty() {
            out.push_str("<p>No findings.</p>\n");
            continue;
        }
        out.push_str("<ol class=\"findings\">\n");
        for index in listed(&c.cmp.findings) {
            finding(out, c, index);
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}

/// One finding as a list item.
fn finding(out: &mut String, c: &Compared, index: usize) {
    let f = &c.cmp.findings[index];
    let _ = write!(
        out,
        "<li class=\"finding c-{0}\"><span class=\"cls\">{0}</span> ",
        f.class.name()
    );
    change(out, f, c.other.label());
    if let Some(row) = c.placed.row_of(index) {
        let _ = write!(
            out,
            " · <a href=\"#{}\">row {}</a>",
            row_id(c.cmp.other, row),
            row + 1
        );
    }
    let _ = write!(
        out,
        " <span class=\"n\">{}</span>",
        super::escape::text(&crate::render::findings::place(f))
    );
    let _ = write!(out, "\n<div class=\"context\" lang=\"{STORY_LANG}\">");
    context(out, c.base, "base", &f.base_sentences, &f.base);
    context(out, c.other, c.other.label(), &f.other_sentences, &f.other);
    out.push_str("</div></li>\n");
}

/// `old -> new`, `removed old` or `added new`, the sides in `<del>` and `<ins>`.
fn change(out: &mut String, f: &Finding, label: &str) {
    let del = |out: &mut String| {
        out.push_str("<del title=\"in the base\">");
        esc(out, &f.base);
        out.push_str("</del>");
    };
    let ins = |out: &mut String| {
        out.push_str("<ins title=\"in ");
        esc(out, label);
        out.push_str("\">");
        esc(out, &f.other);
        out.push_str("</ins>");
    };
    match (f.base.is_empty(), f.other.is_empty()) {
        (false, false) => {
            del(out);
            out.push_str(" -&gt; ");
            ins(out);
        }
        (false, true) => {
            out.push_str("removed ");
            del(out);
        }
        (true, false) => {
            out.push_str("added ");
            ins(out);
        }
        (true, true) => out.push_str("changed"),
    }
}

/// One side's sentences holding the finding, its words (`words`, first occurrence) in
/// `<mark>`; nothing when the side has no sentences.
fn context(out: &mut String, v: &Version, who: &str, sentences: &[usize], words: &str) {
    let Some(context) = finding_context(v, sentences, words) else {
        return;
    };
    let text = &context.text;
    out.push_str("<p><span class=\"who\">");
    esc(out, who);
    let _ = write!(out, " {}</span> ", numbers(&context.sentences));
    match context.words {
        Some(at) => {
            esc(out, &text[..at.start]);
            out.push_str("<mark>");
            esc(out, &text[at.clone()]);
            out.push_str("</mark>");
            esc(out, &text[at.end..]);
        }
        None => esc(out, text),
    }
    out.push_str("</p>");
}

/// Per version, the status of each quotation of the base and the quotations it adds.
pub(super) fn quotations(out: &mut String, compared: &[Compared]) {
    out.push_str(
        "<section id=\"quotations\" aria-labelledby=\"quotations-h\">\n<h2 id=\"quotations-h\">Quotations</h2>\n\
         <p>What became of each quotation of the base: verbatim, altered (words changed inside it), \
         paraphrased (its words kept without quote marks) or missing; and quotations a version adds.</p>\n",
    );
    if crate::export::report::no_quotations(compared) {
        out.push_str("<p>No quotations in any version.</p>\n</section>\n");
        return;
    }
    for c in compared {
        out.push_str("<h3>");
        comparison_title(out, c);
        out.push_str("</h3>\n");
        if c.cmp.quotes.is_empty() && c.cmp.added_quotes.is_empty() {
            out.push_str("<p>No quotations in either version.</p>\n");
            continue;
        }
        if !c.cmp.quotes.is_empty() {
            status_table(out, c);
        }
        if !c.cmp.added_quotes.is_empty() {
            out.push_str("<p>Quotations only this version has:</p>\n<ul>\n");
            for q in &c.cmp.added_quotes {
                let _ = write!(
                    out,
                    "<li><span class=\"n\">{}</span> <q lang=\"{STORY_LANG}\">",
                    numbers(&q.sentences)
                );
                esc(out, &q.text);
                out.push_str("</q></li>\n");
            }
            out.push_str("</ul>\n");
        }
    }
    out.push_str("</section>\n");
}

/// One row per quotation of the base: its status, its words, its counterpart.
fn status_table(out: &mut String, c: &Compared) {
    out.push_str(
        "<div class=\"scroll\"><table class=\"quotes\">\n<thead><tr><th scope=\"col\">status</th>\
         <th scope=\"col\">in the base</th><th scope=\"col\">in this version</th></tr></thead>\n<tbody>\n",
    );
    for q in &c.cmp.quotes {
        let loud = matches!(q.status, QuoteStatus::Altered | QuoteStatus::Missing);
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}{}</th><td lang=\"{STORY_LANG}\"><span class=\"n\">{}</span> ",
            if loud { "! " } else { "" },
            q.status.name(),
            numbers(&q.base.sentences)
        );
        esc(out, &q.base.text);
        let _ = write!(out, "</td><td lang=\"{STORY_LANG}\">");
        match &q.other {
            Some(other) => {
                let _ = write!(
                    out,
                    "<span class=\"n\">{}</span> ",
                    numbers(&other.sentences)
                );
                esc(out, &other.text);
            }
            None => out.push('—'),
        }
        for edit in &q.edits {
            out.push_str("<br><del title=\"in the base\">");
            esc(out, &edit.base);
            out.push_str("</del> -&gt; <ins title=\"in this version\">");
            esc(out, &edit.other);
            out.push_str("</ins>");
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Edit, EditClass, EditOp, Quotation, QuoteMatch};
    use crate::export::{fixture, report};

    fn quotation(text: &str, sentence: usize) -> Quotation {
        Quotation {
            text: text.into(),
            sentences: vec![sentence],
        }
    }

    #[test]
    fn quotations_show_their_status_counterpart_and_edits_escaped() {
        let (mut a, _) = fixture::analysis();
        a.comparisons[0].quotes = vec![QuoteMatch {
            base: quotation("We saw 12 <b>whales</b>.", 2),
            status: QuoteStatus::Altered,
            other: Some(quotation("We saw 15 <b>whales</b>.", 3)),
            edits: vec![Edit {
                op: EditOp::Replace,
                base: "12".into(),
                other: "15".into(),
                class: EditClass::Number,
                in_quote: true,
            }],
        }];
        a.comparisons[0].added_quotes = vec![quotation("Songs & dances!", 4)];
        let compared = report::compared(&a);
        let mut out = String::new();
        quotations(&mut out, &compared);
        assert!(out.contains("<th scope=\"row\">! altered</th>"), "{out}");
        assert!(out.contains("We saw 12 &lt;b&gt;whales&lt;/b&gt;."));
        assert!(out.contains("<del title=\"in the base\">12</del> -&gt; <ins"));
        assert!(out.contains("<q lang=\"und\">Songs &amp; dances!</q>"));
        assert!(!out.contains("<b>"));
    }

    #[test]
    fn each_finding_links_to_its_row_and_shows_both_sentences() {
        let (a, _) = fixture::analysis();
        let compared = report::compared(&a);
        let mut out = String::new();
        findings(&mut out, &compared);
        // The quote finding is listed before the pronoun one (most important first).
        let quote = out.find("c-quote").unwrap();
        assert!(quote < out.find("c-pronoun").unwrap());
        let row = compared[0].placed.row_of(1).unwrap();
        assert!(out.contains(&format!("href=\"#v2-r{}\"", row + 1)));
        assert!(out.contains("<mark>Her</mark> crew said"));
        assert!(out.contains("<span class=\"who\">base #3</span>"));
    }
}
