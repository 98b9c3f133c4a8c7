//! The HTML and Markdown reports: the HTML parsed back with an html5ever parser
//! (dom_query) and its structure checked (findings first, one table per version, two
//! cells a row, every link pointing at an anchor that exists, hostile text shown as
//! text), the Markdown of the demo story as a snapshot, determinism, linear size, and
//! the viewer's export choosing the report by the file's extension.

use std::collections::HashSet;

use dom_query::Document;
use wirediff::engine::{self, Analysis, Input, Options};
use wirediff::export::{self, ReportKind, ReportMeta};

use crate::tui_fixture;

/// 2026-12-01 08:42 UTC: every test pins the date.
const META: ReportMeta = ReportMeta {
    epoch: 1_796_114_520,
};

fn demo() -> Analysis {
    engine::analyze(&engine::demo(), Options::default())
}

fn input(name: &str, text: &str) -> Input {
    Input {
        name: name.into(),
        text: text.into(),
    }
}

/// Checks every structural promise of the HTML report; returns the parsed document.
fn check_structure(analysis: &Analysis, html: &str) -> Document {
    // No unescaped text: every `<` opens a tag, a closing tag or the doctype, and every
    // `&` a character reference.
    for (at, _) in html.match_indices('<') {
        let next = html[at + 1..].chars().next();
        assert!(
            next.is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!'),
            "a bare < at {at}: {:?}",
            &html[at.saturating_sub(40)..(at + 40).min(html.len())]
        );
    }
    for (at, _) in html.match_indices('&') {
        let rest = &html[at + 1..];
        let name = rest.split(';').next().unwrap_or("");
        assert!(
            ["lt", "gt", "amp", "quot", "#39"].contains(&name),
            "a bare & at {at}: {:?}",
            &rest[..rest.len().min(20)]
        );
    }
    let doc = Document::from(html);
    assert_eq!(doc.select("html").attr("lang").as_deref(), Some("en"));
    assert_eq!(doc.select("script").length(), 0, "no script");
    assert_eq!(doc.select("link").length(), 0, "no external stylesheet");
    assert_eq!(doc.select("img").length(), 0, "no image");
    assert_eq!(doc.select("style").length(), 1, "one inline stylesheet");
    // Findings come first, before any comparison.
    let findings = doc.select("main > section#findings");
    assert_eq!(findings.length(), 1, "findings section");
    let first = doc.select("main > section").first();
    assert_eq!(first.attr("id").as_deref(), Some("findings"));
    let listed = doc.select("#findings ol.findings > li").length();
    let total: usize = analysis.comparisons.iter().map(|c| c.findings.len()).sum();
    assert_eq!(listed, total, "every finding listed once");
    // One top-level comparison table per compared version.
    let tables = doc.select("section.version table.cmp:not(.folded)");
    assert_eq!(tables.length(), analysis.comparisons.len());
    for table in tables.iter() {
        let heads = table.select("thead th[scope=col]");
        assert_eq!(heads.length(), 3, "row, base, version");
    }
    // Every row: one row header, two cells; every row has an id.
    let rows = doc.select("table.cmp > tbody > tr:not(.fold)");
    let rows_total: usize = analysis
        .comparisons
        .iter()
        .map(|c| engine::pair_rows(analysis, c.other).len())
        .sum();
    assert_eq!(rows.length(), rows_total, "every row of every comparison");
    for row in rows.iter() {
        assert!(row.attr("id").is_some(), "row without an anchor");
        let children = row.children();
        let count = |selector: &str| children.iter().filter(|c| c.is(selector)).count();
        assert_eq!(count("th[scope=row]"), 1, "{}", row.html());
        assert_eq!(count("td"), 2, "{}", row.html());
        assert_eq!(children.length(), 3, "{}", row.html());
    }
    // Ids are unique and every internal link points at one.
    let mut ids = HashSet::new();
    for element in doc.select("[id]").iter() {
        let id = element.attr("id").unwrap().to_string();
        assert!(ids.insert(id.clone()), "duplicate id {id}");
    }
    let links = doc.select("a[href]");
    assert!(links.length() > 0);
    for link in links.iter() {
        let href = link.attr("href").unwrap().to_string();
        let target = href
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("external link {href}"));
        assert!(ids.contains(target), "link to missing #{target}");
    }
    // Marks a screen reader announces.
    for mark in doc.select("table.cmp del, table.cmp ins").iter() {
        assert!(mark.attr("title").is_some_and(|t| !t.is_empty()));
    }
    doc
}

#[test]
fn the_demo_report_has_every_part_and_a_sound_structure() {
    let analysis = demo();
    let html = export::html(&analysis, &META);
    let doc = check_structure(&analysis, &html);
    assert_eq!(
        doc.select("h1").text().to_string(),
        analysis.versions[0].sentences[0].text
    );
    assert!(
        doc.select("header time")
            .text()
            .contains("2026-12-01 08:42 UTC")
    );
    let header = doc.select("header table.versions tbody tr");
    assert_eq!(header.length(), analysis.versions.len());
    assert!(header.first().text().contains("base"));
    assert!(header.first().text().contains("demo/01-wire.txt"));
    // The spun copy's altered quotation: listed, linked to its row, in context.
    let quote = doc.select("#findings li.c-quote");
    assert!(quote.length() >= 1);
    let first = quote.first();
    assert!(first.select("del").length() == 1 && first.select("ins").length() == 1);
    assert_eq!(
        first.select(".context p").length(),
        2,
        "both sentences in context"
    );
    let href = first.select("a").attr("href").unwrap().to_string();
    let row = doc.select(&href);
    assert_eq!(row.length(), 1);
    assert!(
        row.has_class("f"),
        "the linked row is marked as holding findings"
    );
    assert!(row.select("th").text().starts_with('!'));
    // Overview: one line per collation row, one cell per version, and the legend.
    let matrix = doc.select("#overview table.matrix tbody tr");
    assert_eq!(matrix.length(), analysis.rows.len());
    assert_eq!(
        matrix.first().select("td").length(),
        analysis.versions.len()
    );
    assert!(doc.select("#overview .legend li").length() >= 10);
    // Each cell of a compared version (not furniture) links to its row.
    let linked = doc.select("#overview table.matrix td a").length();
    assert!(linked > analysis.rows.len(), "{linked} links");
    let quote_cell = doc.select("#overview td.k-findings a").first();
    let target = quote_cell.attr("href").unwrap().to_string();
    assert!(
        doc.select(&target).has_class("f"),
        "a findings cell opens a findings row"
    );
    // Derivation: every version once.
    assert_eq!(
        doc.select("#derivation li").length(),
        analysis.versions.len()
    );
    // Moved rows say where from; furniture is folded.
    assert!(doc.select("tr.m th").text().contains("moved (from #"));
    assert!(doc.select("tr.fold details summary").length() >= 1);
}

#[test]
fn hostile_story_text_and_names_show_as_text() {
    let evil = "He wrote <script>alert('x')</script> and </td></tr></table> in the note. \
                Prices rose &amp; fell by 5 <b>percent</b>.";
    let copy = "He wrote <script>alert('y')</script> and </td></tr></table> in the memo. \
                Prices rose &amp; fell by 7 <b>percent</b>.";
    let analysis = engine::analyze(
        &[input("<img src=x>.txt", evil), input("b\"'&.txt", copy)],
        Options::default(),
    );
    let html = export::html(&analysis, &META);
    let doc = check_structure(&analysis, &html);
    assert_eq!(doc.select("b").length(), 0);
    assert_eq!(doc.select("img").length(), 0);
    let text = doc.select("table.cmp").text().to_string();
    assert!(text.contains("<script>alert("), "{text}");
    assert!(text.contains("</td></tr></table>"));
    assert!(
        text.contains("&amp;"),
        "an entity in the story stays as typed"
    );
    assert!(doc.select("header").text().contains("<img src=x>.txt"));
    assert!(doc.select("header").text().contains("b\"'&.txt"));
    let md = export::markdown(&analysis, &META);
    // Every `<` of the story is escaped in Markdown, so no tag is raw.
    assert!(md.contains("\\<script>"));
    assert_eq!(
        md.matches("<script>").count(),
        md.matches("\\<script>").count()
    );
    assert_eq!(md.matches("</td>").count(), md.matches("\\</td>").count());
}

#[test]
fn control_characters_are_visible_and_never_raw() {
    let analysis = engine::analyze(
        &[
            input(
                "a\u{1b}]0;x\u{7}.txt",
                "The bell rang\u{7} twice at noon today.",
            ),
            input("b.txt", "The bell rang\u{7} three times at noon today."),
        ],
        Options::default(),
    );
    for out in [
        export::html(&analysis, &META),
        export::markdown(&analysis, &META),
    ] {
        assert!(!out.contains('\u{7}') && !out.contains('\u{1b}'));
        assert!(out.contains("\\x1b"), "the name's escape shows");
    }
}

#[test]
fn reports_of_the_same_input_and_date_are_the_same_bytes() {
    let (a, b) = (demo(), demo());
    assert_eq!(export::html(&a, &META), export::html(&b, &META));
    assert_eq!(export::markdown(&a, &META), export::markdown(&b, &META));
    let later = ReportMeta {
        epoch: META.epoch + 86_400,
    };
    assert_ne!(export::html(&a, &META), export::html(&a, &later));
}

/// A story of `n` invented sentences and a copy with every fifth sentence changed.
fn story(n: usize) -> Vec<Input> {
    let sentence = |i: usize, word: &str| {
        format!(
            "Council member {i} said the bridge number {} would {word} before the harbour vote.",
            i * 7
        )
    };
    let base: Vec<String> = (0..n).map(|i| sentence(i, "reopen")).collect();
    let copy: Vec<String> = (0..n)
        .map(|i| sentence(i, if i % 5 == 0 { "close" } else { "reopen" }))
        .collect();
    vec![
        input("a.txt", &base.join(" ")),
        input("b.txt", &copy.join(" ")),
    ]
}

#[test]
fn report_size_grows_linearly() {
    // Doubling the input about doubles the output: no section grows with a square.
    const LOW: f64 = 1.7;
    const HIGH: f64 = 2.3;
    let small = engine::analyze(&story(200), Options::default());
    let large = engine::analyze(&story(400), Options::default());
    for kind in [ReportKind::Html, ReportKind::Markdown] {
        let s = export::report(&small, kind, &META).len() as f64;
        let l = export::report(&large, kind, &META).len() as f64;
        let ratio = l / s;
        assert!(
            (LOW..=HIGH).contains(&ratio),
            "{kind:?}: {s} -> {l} bytes ({ratio:.2})"
        );
    }
}

#[test]
fn the_demo_markdown_report() {
    let md = export::markdown(&demo(), &META);
    insta::assert_snapshot!("report_demo_markdown", md);
}

#[test]
fn markdown_tables_keep_their_columns() {
    let analysis = engine::analyze(
        &[
            input(
                "a|b.txt",
                "Fares rose | fell by 3% on Monday. The line was quiet.",
            ),
            input(
                "c.txt",
                "Fares rose | fell by 4% on Monday. The line was quiet.",
            ),
        ],
        Options::default(),
    );
    let md = export::markdown(&analysis, &META);
    let table = md.split("| row |").nth(1).expect("a comparison table");
    for line in table.lines().skip(1).take_while(|l| l.starts_with('|')) {
        // Unescaped pipes: the row's four, never one from the text.
        let pipes = line
            .match_indices('|')
            .filter(|(i, _)| !line[..*i].ends_with('\\'));
        assert_eq!(pipes.count(), 4, "{line}");
    }
    assert!(md.contains("~~3%~~") || md.contains("~~3~~"), "{md}");
    assert!(md.contains("**4%**") || md.contains("**4**"), "{md}");
}

#[test]
fn the_viewer_exports_a_report_by_the_file_extension() {
    let state = wirediff::tui::state::State::new(tui_fixture::story(), false, 120, 30);
    for name in ["out.html", "OUT.HTM"] {
        let out = wirediff::tui::export_text(&state, name);
        assert!(out.starts_with("<!DOCTYPE html>"), "{name}");
        check_structure(&state.analysis, &out);
    }
    for name in ["out.md", "notes.Markdown"] {
        let out = wirediff::tui::export_text(&state, name);
        assert!(out.starts_with("# "), "{name}: {}", &out[..40]);
        assert!(out.contains("## Findings"));
    }
    assert!(!wirediff::tui::export_text(&state, "out.txt").starts_with('<'));
    assert_eq!(ReportKind::for_path("a.b/report"), None);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// Whatever the stories hold (markup, references, quotes, controls), the HTML has no
    /// bare `<` or `&`, parses to the same structure, and the Markdown's table rows keep
    /// their columns.
    #[test]
    fn any_text_stays_text(
        a in proptest::collection::vec("[a-z<>&\"'|*_~`$#\\[\\]\\\\ \u{7}\u{1b}é日]{1,12}", 1..8),
        edits in proptest::collection::vec(0usize..8, 0..4),
    ) {
        let base: Vec<String> = a.iter().map(|w| format!("The {w} word here.")).collect();
        let mut copy = base.clone();
        for e in edits {
            if let Some(s) = copy.get_mut(e) {
                *s = s.replace("word", "<i>term</i>");
            }
        }
        let analysis = engine::analyze(
            &[input("a<&>.txt", &base.join(" ")), input("b|*.txt", &copy.join(" "))],
            Options::default(),
        );
        let html = export::html(&analysis, &META);
        check_structure(&analysis, &html);
        let doc = Document::from(html.as_str());
        proptest::prop_assert_eq!(doc.select("main i").length(), 0);
        let md = export::markdown(&analysis, &META);
        let table = md.split("| row |").nth(1).unwrap_or("");
        for line in table.lines().skip(1).take_while(|l| l.starts_with('|')) {
            let mut pipes = 0;
            let mut escaped = false;
            for c in line.chars() {
                if c == '|' && !escaped {
                    pipes += 1;
                }
                escaped = c == '\\' && !escaped;
            }
            proptest::prop_assert_eq!(pipes, 4, "{}", line);
        }
    }
}
