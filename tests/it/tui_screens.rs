//! Screen snapshots of the viewer (`TestBackend` + insta) on invented stories.

use crate::tui_fixture;

use wirediff::tui::render;

fn screen(a: &wirediff::Analysis, cols: u16, rows: u16, keys: &str) -> String {
    let s = render(a, cols, rows, keys, false).expect("render");
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines.len(), rows as usize, "exactly ROWS lines");
    for l in &lines {
        assert!(
            wirediff::render::width::str_width(l) <= cols as usize,
            "line wider than {cols}: {l:?}"
        );
    }
    s
}

#[test]
fn compare_80x24() {
    insta::assert_snapshot!("compare_80x24", screen(&tui_fixture::story(), 80, 24, ""));
}

#[test]
fn compare_160x48() {
    insta::assert_snapshot!("compare_160x48", screen(&tui_fixture::story(), 160, 48, ""));
}

#[test]
fn compare_second_version_tab() {
    insta::assert_snapshot!("compare_tab", screen(&tui_fixture::story(), 100, 24, "Tab"));
}

#[test]
fn furniture_expands_on_enter() {
    insta::assert_snapshot!(
        "furniture_expanded",
        screen(&tui_fixture::story(), 100, 24, "Enter")
    );
}

#[test]
fn overview() {
    insta::assert_snapshot!(
        "overview",
        screen(&tui_fixture::story(), 120, 24, "o Down Down Right")
    );
}

#[test]
fn help() {
    let s = screen(&tui_fixture::story(), 120, 40, "?");
    assert!(s.contains("C-d C-u"), "every bound key is listed");
    assert!(s.contains("] ["), "the finding keys too");
    assert!(s.contains("a search match"), "the help fits in 120x40");
    assert!(!s.contains("j/k PgDn PgUp scroll"), "nothing to scroll");
    insta::assert_snapshot!("help_120x40", s);
    // At 80x24 it scrolls, and says so.
    let top = screen(&tui_fixture::story(), 80, 24, "?");
    assert!(top.contains("j/k PgDn PgUp scroll"));
    insta::assert_snapshot!("help_80x24", top);
    let end = screen(&tui_fixture::story(), 80, 24, "? G");
    assert!(end.contains("a search match"), "{end}");
    insta::assert_snapshot!("help_80x24_end", end);
}

#[test]
fn filter_changes() {
    insta::assert_snapshot!(
        "filter_changes",
        screen(&tui_fixture::story(), 100, 24, "f")
    );
}

#[test]
fn filter_major() {
    insta::assert_snapshot!(
        "filter_major",
        screen(&tui_fixture::story(), 100, 24, "f f")
    );
}

#[test]
fn search() {
    insta::assert_snapshot!(
        "search",
        screen(&tui_fixture::story(), 100, 24, "/bridge Enter n")
    );
}

#[test]
fn inline_mode() {
    insta::assert_snapshot!("inline_100", screen(&tui_fixture::story(), 100, 24, "i"));
}

#[test]
fn inline_is_default_when_narrow() {
    insta::assert_snapshot!("inline_60x20", screen(&tui_fixture::story(), 60, 20, ""));
}

#[test]
fn truncate_mode() {
    insta::assert_snapshot!("truncated", screen(&tui_fixture::story(), 100, 24, "w"));
}

#[test]
fn cjk_story() {
    insta::assert_snapshot!("cjk_81x12", screen(&tui_fixture::cjk(), 81, 12, ""));
}

#[test]
fn emoji_story() {
    insta::assert_snapshot!("emoji_83x12", screen(&tui_fixture::emoji(), 83, 12, ""));
}

#[test]
fn too_small() {
    insta::assert_snapshot!("too_small", screen(&tui_fixture::story(), 39, 9, ""));
}

#[test]
fn after_resize() {
    let s = render(&tui_fixture::story(), 160, 30, "n n resize:90x16", false).unwrap();
    assert_eq!(s.lines().count(), 16, "the screen takes the new size");
    assert!(
        s.lines()
            .all(|l| wirediff::render::width::str_width(l) <= 90)
    );
    insta::assert_snapshot!("after_resize", s);
}

#[test]
fn styles_in_colour() {
    let s = render(&tui_fixture::story(), 100, 16, "n", true).unwrap();
    insta::assert_snapshot!("styles_colour", s);
}

#[test]
fn styles_without_colour() {
    let s = render(&tui_fixture::story(), 100, 16, "n", false).unwrap();
    assert!(!s.contains('\x1b'));
}

fn draw_model(m: &mut wirediff::tui::State) -> ratatui::buffer::Buffer {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(m.cols, m.rows)).unwrap();
    wirediff::tui::run_app(&mut terminal, m, std::iter::empty()).unwrap();
    terminal.backend().buffer().clone()
}

/// Cells (x, y) where `word` starts on screen, searching row by row.
fn find(buf: &ratatui::buffer::Buffer, word: &str) -> Vec<(u16, u16)> {
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        let row: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        let n = word.chars().count();
        for x in 0..=row.len().saturating_sub(n) {
            if row[x..x + n].concat() == word {
                out.push((x as u16, y));
            }
        }
    }
    out
}

#[test]
fn without_colour_every_mark_is_a_modifier() {
    use ratatui::style::{Color, Modifier};
    let mut m = wirediff::tui::State::new(tui_fixture::story(), false, 100, 24);
    let buf = draw_model(&mut m);
    assert!(
        buf.content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
        "no colour at all"
    );
    // A word change inside a quotation (left "water", right "river"): loudest marks.
    let (x, y) = find(&buf, "water this")[0];
    assert!(
        buf[(x, y)]
            .modifier
            .contains(Modifier::REVERSED | Modifier::BOLD)
    );
    let (x, y) = find(&buf, "river this")[0];
    assert!(
        buf[(x, y)]
            .modifier
            .contains(Modifier::REVERSED | Modifier::BOLD)
    );
    // Shared text is unmarked.
    let (x, y) = find(&buf, "Hartley")[0];
    assert!(buf[(x, y)].modifier.is_empty());
}

#[test]
fn search_hits_are_highlighted() {
    let s = render(&tui_fixture::story(), 100, 24, "/levee Enter", true).unwrap();
    let line = s.lines().find(|l| l.contains("levee")).unwrap();
    // Yellow background before the hit, on both sides.
    assert_eq!(line.matches("43mlevee").count(), 2, "{line:?}");
    let mono = render(&tui_fixture::story(), 100, 24, "/levee Enter", false).unwrap();
    assert!(mono.contains("match 1 of 1"));
}

#[test]
fn a_match_wrapped_over_two_lines_is_highlighted_on_both() {
    use ratatui::style::Color;
    let mut m = wirediff::tui::State::new(tui_fixture::story(), true, 80, 24);
    for msg in [wirediff::tui::Msg::StartSearch]
        .into_iter()
        .chain(
            "levee on monday"
                .chars()
                .map(wirediff::tui::Msg::PromptChar),
        )
        .chain([wirediff::tui::Msg::PromptSubmit])
    {
        wirediff::tui::update(&mut m, msg);
    }
    assert!(!m.hits.is_empty());
    let buf = draw_model(&mut m);
    let hit = |x: u16, y: u16| buf[(x, y)].bg == Color::Yellow;
    // Left (38 cells): "...the old levee" / "on Monday."; right (39 cells): "...the old
    // levee on" / "Monday.".
    let left = find(&buf, "old levee").into_iter().find(|&(x, _)| x < 38);
    let (x, y) = left.expect("a left line ends in \"old levee\"");
    assert_eq!(
        find(&buf, "on Monday."),
        vec![(0, y + 1)],
        "wrapped on the left"
    );
    assert!(!hit(x, y), "\"old\" is not part of the match");
    assert!((x + 4..x + 9).all(|x| hit(x, y)), "\"levee\" highlighted");
    assert!((0..9).all(|x| hit(x, y + 1)), "\"on Monday\" highlighted");
    assert!(!hit(9, y + 1), "the full stop is not");
    let [(x, y)] = find(&buf, "old levee on")[..] else {
        panic!("one line ends in \"old levee on\"")
    };
    let right = find(&buf, "Monday.").into_iter().find(|&(x, _)| x > 40);
    let (x2, y2) = right.expect("a right line starts with \"Monday.\"");
    assert_eq!(y2, y + 1, "wrapped on the right");
    assert!(
        (x + 4..x + 12).all(|x| hit(x, y)),
        "\"levee on\" highlighted"
    );
    assert!((x2..x2 + 6).all(|x| hit(x, y2)), "\"Monday\" highlighted");
    assert!(!hit(x2 + 6, y2));
}

#[test]
fn without_colour_a_hit_inside_a_reversed_mark_stands_out() {
    use ratatui::style::Modifier;
    let mut m = wirediff::tui::State::new(tui_fixture::story(), false, 100, 24);
    for msg in [wirediff::tui::Msg::StartSearch]
        .into_iter()
        .chain("wat".chars().map(wirediff::tui::Msg::PromptChar))
        .chain([wirediff::tui::Msg::PromptSubmit])
    {
        wirediff::tui::update(&mut m, msg);
    }
    let buf = draw_model(&mut m);
    // "water" is a reversed mark on the left; its first three letters are the hit.
    let (x, y) = find(&buf, "water this")[0];
    let hit = buf[(x, y)].modifier;
    let rest = buf[(x + 3, y)].modifier;
    assert!(rest.contains(Modifier::REVERSED), "{rest:?}");
    assert!(
        !hit.contains(Modifier::REVERSED) && hit.contains(Modifier::UNDERLINED),
        "{hit:?}"
    );
}

#[test]
fn render_rejects_bad_keys_and_sizes() {
    assert!(render(&tui_fixture::story(), 0, 10, "", false).is_err());
    assert!(render(&tui_fixture::story(), 80, 24, "click:1", false).is_err());
}

#[test]
fn render_is_deterministic() {
    let a = tui_fixture::story();
    let keys = "n Tab o Down Enter f w i";
    assert_eq!(
        render(&a, 90, 30, keys, true).unwrap(),
        render(&a, 90, 30, keys, true).unwrap()
    );
}

#[test]
fn help_scrolls_when_the_screen_is_short() {
    let top = screen(&tui_fixture::story(), 60, 12, "?");
    assert!(top.contains("j/k PgDn PgUp scroll"));
    assert!(top.contains("scroll one line"));
    let scrolled = screen(
        &tui_fixture::story(),
        60,
        12,
        "? j j j j j j j j j j j j j j j j j j j j",
    );
    assert!(!scrolled.contains("scroll one line"));
    assert!(scrolled.contains("boilerplate"), "{scrolled}");
    insta::assert_snapshot!("help_60x12_scrolled", scrolled);
}

#[test]
fn a_single_version_shows_a_message() {
    let a = tui_fixture::analysis(
        vec![tui_fixture::version("only.txt", &["One sentence only."])],
        0,
    );
    let s = screen(&a, 80, 24, "n Tab o Enter f / x Enter b i w");
    assert!(s.contains("only.txt"), "{s}");
    let empty = wirediff::Analysis {
        base: 0,
        versions: vec![],
        comparisons: vec![],
        rows: vec![],
    };
    assert!(render(&empty, 80, 24, "", false).is_err());
}
