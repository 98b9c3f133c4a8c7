//! Findings in the viewer: ] and [ between rows holding one, the Findings screen and
//! opening its entries, the findings-only filter, the detail line, the Overview's counts,
//! what `e` writes; the numbers on screen against the JSON's statistics; and snapshots of
//! the new screens (80x24 and 120x40, colour-free and monochrome styles).

use crate::tui_fixture;

use serde_json::Value;
use wirediff::engine::{Analysis, FindingClass};
use wirediff::tui::keymap::{parse_keys, to_msg};
use wirediff::tui::state::{Filter, Item, Screen, State};
use wirediff::tui::{render, render_with, update};

fn press(m: &mut State, keys: &str) {
    for input in parse_keys(keys).unwrap() {
        if let Some(msg) = to_msg(input, m) {
            update(m, msg);
        }
    }
}

fn demo() -> Analysis {
    wirediff::analyze(&wirediff::engine::demo(), wirediff::Options::default())
}

fn screen(a: &Analysis, cols: u16, rows: u16, keys: &str) -> String {
    let s = render(a, cols, rows, keys, false).expect("render");
    assert_eq!(s.lines().count(), rows as usize);
    for l in s.lines() {
        assert!(
            wirediff::render::width::str_width(l) <= cols as usize,
            "{l:?}"
        );
    }
    s
}

/// The selected row's findings, as (class, base, other).
fn selected_findings(m: &State) -> Vec<(FindingClass, String, String)> {
    let cmp = m.analysis.comparison(m.other).unwrap();
    m.item_findings(m.sel)
        .iter()
        .map(|&f| {
            let f = &cmp.findings[f];
            (f.class, f.base.clone(), f.other.clone())
        })
        .collect()
}

#[test]
fn bracket_keys_stop_at_every_row_with_a_finding_and_only_there() {
    let mut m = State::new(tui_fixture::story(), false, 120, 30);
    let with: Vec<usize> = (0..m.items.len())
        .filter(|&i| !m.item_findings(i).is_empty())
        .collect();
    assert_eq!(with.len(), 3, "quote, pronoun and negation rows");
    let mut seen = Vec::new();
    for _ in 0..with.len() {
        press(&mut m, "]");
        seen.push(m.sel);
    }
    assert_eq!(seen, with);
    press(&mut m, "]");
    assert_eq!(m.message.as_deref(), Some("no more findings below"));
    assert_eq!(m.sel, *with.last().unwrap());
    press(&mut m, "[");
    assert_eq!(m.sel, with[1]);
    // n still stops at every change, findings or not.
    let changes = (0..m.items.len()).filter(|&i| m.is_change(i)).count();
    assert!(changes > with.len());
}

#[test]
fn bracket_keys_say_so_when_a_comparison_has_no_findings() {
    // The demo's verbatim copy (shown first) has none; another version has some.
    let mut m = State::new(demo(), false, 120, 30);
    assert!(m.analysis.comparison(1).unwrap().findings.is_empty());
    press(&mut m, "]");
    let message = m.message.clone().unwrap();
    assert!(
        message.starts_with("no findings in these rows"),
        "{message}"
    );
    assert!(message.contains("F lists them"), "{message}");
}

#[test]
fn the_findings_filter_keeps_the_rows_with_findings() {
    let mut m = State::new(tui_fixture::story(), false, 120, 30);
    press(&mut m, "f f f");
    assert_eq!(m.filter, Filter::Findings);
    assert_eq!(m.items.len(), 3);
    assert!((0..m.items.len()).all(|i| !m.item_findings(i).is_empty()));
    assert_eq!(m.message.as_deref(), Some("showing findings only"));
}

#[test]
fn the_findings_screen_lists_every_version_most_important_class_first() {
    let mut m = State::new(demo(), false, 120, 30);
    press(&mut m, "F");
    assert_eq!(m.screen, Screen::Findings);
    let total: usize = m
        .analysis
        .comparisons
        .iter()
        .map(|c| c.findings.len())
        .sum();
    assert_eq!(m.findings.entries.len(), total);
    let rank = |class: FindingClass| FindingClass::ALL.iter().position(|&c| c == class);
    let classes: Vec<_> = m
        .findings
        .entries
        .iter()
        .map(|e| rank(m.analysis.comparison(e.version).unwrap().findings[e.finding].class))
        .collect();
    assert!(classes.windows(2).all(|w| w[0] <= w[1]), "{classes:?}");
    press(&mut m, "F");
    assert_eq!(m.screen, Screen::Compare);
}

#[test]
fn enter_on_a_finding_opens_its_version_at_its_row() {
    let mut m = State::new(demo(), false, 120, 30);
    press(&mut m, "f");
    // Every entry, one after the other: Compare shows its version, its row selected.
    for index in 0..m.findings.entries.len() {
        m.screen = Screen::Findings;
        m.fl_sel = index;
        let entry = m.findings.entries[index];
        press(&mut m, "Enter");
        assert_eq!(m.screen, Screen::Compare);
        assert_eq!(m.other, entry.version);
        let finding = &m.analysis.comparison(entry.version).unwrap().findings[entry.finding];
        let Item::Row(p) = m.items[m.sel] else {
            panic!("a row")
        };
        assert!(m.pairs[p].base.contains(&finding.base_sentences[0]));
        assert!(m.item_findings(m.sel).contains(&entry.finding));
        let (first, last) = m.visible_items();
        assert!(first <= m.sel && m.sel <= last, "in view");
    }
}

#[test]
fn enter_on_a_finding_hidden_by_the_filter_shows_every_row() {
    let mut m = State::new(tui_fixture::story(), false, 120, 30);
    // "rewrite, paraphrase, partial, moved" hides the minor rows holding findings.
    press(&mut m, "f f");
    assert_eq!(m.filter, Filter::Major);
    press(&mut m, "F");
    let pronoun = m
        .findings
        .entries
        .iter()
        .position(|e| {
            let cmp = m.analysis.comparison(e.version).unwrap();
            cmp.findings[e.finding].class == FindingClass::Pronoun
        })
        .unwrap();
    m.fl_sel = pronoun;
    press(&mut m, "Enter");
    assert_eq!(m.filter, Filter::All);
    assert_eq!(
        selected_findings(&m),
        [(FindingClass::Pronoun, "He".into(), "She".into())]
    );
}

#[test]
fn clicking_a_finding_opens_it() {
    let mut m = State::new(tui_fixture::story(), false, 120, 30);
    press(&mut m, "F");
    // The list starts on screen line 2; its third entry is on line 4.
    update(&mut m, wirediff::tui::Msg::Click { col: 10, row: 4 });
    assert_eq!(m.screen, Screen::Compare);
    let entry = m.findings.entries[2];
    assert_eq!(m.other, entry.version);
    assert!(m.item_findings(m.sel).contains(&entry.finding));
}

#[test]
fn the_overview_brackets_move_the_cursor_to_each_cell_with_a_finding() {
    let mut m = State::new(demo(), false, 120, 40);
    let versions = m.analysis.versions.len();
    let has = |m: &State, row: usize, version: usize| {
        matches!(m.analysis.rows[row].cells[version], wirediff::engine::Cell::Linked { link, .. }
            if m.analysis.comparison(version).unwrap().findings.iter().any(|f| f.link == Some(link)))
    };
    let all: Vec<(usize, usize)> = (0..m.analysis.rows.len())
        .flat_map(|row| (0..versions).map(move |version| (row, version)))
        .filter(|&(row, version)| has(&m, row, version))
        .collect();
    assert!(all.len() >= 3, "{all:?}");
    press(&mut m, "o g h h h h");
    assert_eq!((m.ov_row, m.ov_col), (0, 0));
    let mut seen = Vec::new();
    for _ in 0..all.len() {
        press(&mut m, "]");
        seen.push((m.ov_row, m.ov_col));
    }
    assert_eq!(seen, all, "each cell with a finding, in reading order");
    press(&mut m, "]");
    assert_eq!(m.message.as_deref(), Some("no more findings"));
    press(&mut m, "[");
    assert_eq!((m.ov_row, m.ov_col), all[all.len() - 2]);
    // The detail line names the cursor's finding.
    let s = screen(&m.analysis.clone(), 120, 40, "o g h h h h ]");
    let detail = s.lines().nth(38).unwrap();
    assert!(detail.contains("number: "), "{detail}");
}

#[test]
fn the_detail_line_spells_out_the_selected_rows_findings() {
    let s = screen(&demo(), 120, 30, "Tab ] ]");
    let detail = s.lines().nth(28).unwrap();
    assert_eq!(detail, " * rewrite  #10 -> #11 · quote: firmly -> strongly");
    let s = screen(&demo(), 120, 30, "Tab F");
    let detail = s.lines().nth(28).unwrap();
    assert!(
        detail.starts_with(" 3 03-spun: * rewrite  #10 -> #11 · quote: firmly"),
        "{detail}"
    );
}

#[test]
fn e_with_a_filter_writes_the_rows_shown_after_the_statistics_and_findings() {
    let mut m = State::new(tui_fixture::story(), false, 70, 30);
    press(&mut m, "f f f");
    assert!(m.inline_mode(), "narrow: inline text");
    let text = wirediff::tui::export_text(&m, "out.txt");
    let head: Vec<&str> = text.lines().take(10).collect();
    assert_eq!(head[0], "== wire.txt (base) vs paper.txt ==");
    assert!(
        text.contains(
            "\nfindings: 1 quote, 1 negation, 0 number, 0 name, 1 pronoun, 0 attribution\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("\n  quote     #5 -> #4   water -> river\n"),
        "{text}"
    );
    assert!(
        text.contains("\nrows: findings only (3 of 13 rows)\n"),
        "{text}"
    );
    // Only the three rows, each with its note.
    let rows: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.is_empty())
        .filter(|l| !l.is_empty() && !l.starts_with(' '))
        .collect();
    assert_eq!(
        rows,
        [
            "~ minor  #5 -> #4",
            "~ minor  #9 -> #7",
            "* rewrite  #10 -> #8"
        ]
    );
    assert!(
        text.contains("  (negation: did not expect -> expected)\n"),
        "{text}"
    );
    assert!(!text.contains("Engineers will inspect"), "{text}");
    // Side by side (the screen's columns): the same header, then the columns.
    press(&mut m, "i");
    let columns = wirediff::tui::export_text(&m, "out.txt");
    assert!(columns.starts_with("== wire.txt (base) vs paper.txt =="));
    assert!(columns.contains("rows: findings only (3 of 13 rows)"));
    assert!(
        columns
            .lines()
            .all(|l| wirediff::render::width::str_width(l) <= 70)
    );
    assert!(columns.contains(" ! "), "{columns}");
}

/// Every number of the Compare header and the Overview tables, against the JSON.
fn numbers_agree_with_the_json(analysis: &Analysis) {
    let json: Value = serde_json::from_str(&wirediff::export::json(analysis)).unwrap();
    for (k, cmp) in analysis.comparisons.iter().enumerate() {
        let stats = &json["comparisons"][k]["stats"];
        let from_json = |key: &str| stats[key].as_u64().unwrap() as usize;
        // The JSON's finding counts, where it has them (the engine's own otherwise).
        let finding_count = |class: FindingClass, index: usize| {
            stats["findings"][class.name()]
                .as_u64()
                .map_or(cmp.stats.findings[index], |n| n as usize)
        };
        let digit = (cmp.other + 1).to_string();
        let s = screen(analysis, 160, 40, &digit);
        let header = s.lines().nth(1).unwrap();
        for (key, word) in [
            ("identical", "identical"),
            ("minor", "minor"),
            ("rewrite", "rewrite"),
            ("paraphrase", "paraphrase"),
            ("partial", "partial"),
            ("moved", "moved"),
            ("added", "added"),
            ("deleted", "deleted"),
        ] {
            let n = from_json(key);
            let shown = format!(" {n} {word}");
            assert_eq!(n > 0, header.contains(&shown), "{key}: {header}");
        }
        let carried = format!(
            "carried {}/{}",
            from_json("carried"),
            from_json("base_sentences")
        );
        assert!(header.contains(&carried), "{header}");
        for (index, class) in FindingClass::ALL.iter().enumerate() {
            let n = finding_count(*class, index);
            let shown = format!("{n} {}", class.name());
            assert_eq!(n > 0, header.contains(&shown), "{}: {header}", class.name());
        }
        // The Overview: the findings table, then the link table.
        let o = screen(analysis, 160, 40, "o");
        let finding_line = overview_row(&o, "# version", &digit);
        let want: Vec<String> = FindingClass::ALL
            .iter()
            .enumerate()
            .map(|(i, c)| finding_count(*c, i).to_string())
            .collect();
        assert!(
            finding_line.ends_with(&want.join(" ")),
            "{finding_line} vs {want:?}"
        );
        let link_line = overview_row(&o, "# similarity", &digit);
        let want: Vec<String> = [
            "identical",
            "minor",
            "rewrite",
            "paraphrase",
            "partial",
            "moved",
            "added",
            "deleted",
        ]
        .iter()
        .map(|key| from_json(key).to_string())
        .collect();
        assert!(
            link_line.ends_with(&want.join(" ")),
            "{link_line} vs {want:?}"
        );
        assert!(link_line.contains(&format!(
            "{}/{}",
            from_json("carried"),
            from_json("base_sentences")
        )));
    }
}

/// The words of the Overview table under `heading` on the line of version `number`,
/// after the grid, joined by single spaces.
fn overview_row(screen: &str, heading: &str, number: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    let start = lines.iter().position(|l| l.contains(heading)).unwrap();
    let column = lines[start].find(heading).unwrap();
    for line in &lines[start + 1..] {
        let table: String = line.chars().skip(column).collect();
        let words: Vec<&str> = table.split_whitespace().collect();
        if words.first() == Some(&number) {
            return words.join(" ");
        }
    }
    panic!("no line for version {number} under {heading:?}:\n{screen}");
}

#[test]
fn screen_counts_equal_the_json_on_the_demo_and_the_fixtures() {
    numbers_agree_with_the_json(&demo());
    numbers_agree_with_the_json(&tui_fixture::story());
    numbers_agree_with_the_json(&tui_fixture::cjk());
    numbers_agree_with_the_json(&tui_fixture::emoji());
}

#[test]
fn snapshots_of_the_findings_screens() {
    let demo = demo();
    let story = tui_fixture::story();
    insta::assert_snapshot!("findings_list_80x24", screen(&demo, 80, 24, "F"));
    insta::assert_snapshot!("findings_list_120x40", screen(&demo, 120, 40, "F j"));
    insta::assert_snapshot!("findings_list_story_120x40", screen(&story, 120, 40, "F"));
    insta::assert_snapshot!("findings_next_80x24", screen(&demo, 80, 24, "Tab ] ]"));
    insta::assert_snapshot!("findings_next_120x40", screen(&demo, 120, 40, "Tab ]"));
    insta::assert_snapshot!("findings_filter_80x24", screen(&demo, 80, 24, "Tab f f f"));
    insta::assert_snapshot!("findings_filter_120x40", screen(&story, 120, 40, "f f f"));
    insta::assert_snapshot!("findings_overview_80x24", screen(&demo, 80, 24, "o ]"));
    insta::assert_snapshot!("findings_help_120x40", screen(&demo, 120, 40, "?"));
}

/// Whether some SGR sequence of `s` sets a colour (30-49, 90-107).
fn has_colour(s: &str) -> bool {
    s.split("\x1b[").skip(1).any(|sequence| {
        let codes = sequence.split('m').next().unwrap_or("");
        codes.split(';').any(|code| {
            code.parse::<u32>()
                .is_ok_and(|n| (30..=49).contains(&n) || (90..=107).contains(&n))
        })
    })
}

#[test]
fn snapshots_of_the_findings_screens_in_monochrome_styles() {
    let demo = demo();
    let mono = |cols, rows, keys| {
        let s = render_with(&demo, cols, rows, keys, true, false).unwrap();
        assert!(!has_colour(&s), "no colour codes");
        s
    };
    insta::assert_snapshot!("findings_list_mono_80x24", mono(80, 24, "F"));
    insta::assert_snapshot!("findings_next_mono_120x40", mono(120, 40, "Tab ]"));
    insta::assert_snapshot!("findings_help_mono_120x40", mono(120, 40, "?"));
}
