//! Screen snapshots of the viewer on the built-in demo story, through the real engine.

use wirediff::tui::render;

fn demo() -> wirediff::Analysis {
    wirediff::analyze(&wirediff::engine::demo(), wirediff::Options::default())
}

fn screen(cols: u16, rows: u16, keys: &str) -> String {
    let s = render(&demo(), cols, rows, keys, false).expect("render");
    assert_eq!(s.lines().count(), rows as usize);
    for l in s.lines() {
        assert!(
            wirediff::render::width::str_width(l) <= cols as usize,
            "{l:?}"
        );
    }
    s
}

#[test]
fn demo_compare_80x24() {
    insta::assert_snapshot!("demo_compare_80x24", screen(80, 24, ""));
}

#[test]
fn demo_compare_160x48() {
    insta::assert_snapshot!("demo_compare_160x48", screen(160, 48, ""));
}

#[test]
fn demo_next_change() {
    insta::assert_snapshot!("demo_next_change_120x30", screen(120, 30, "n n"));
}

#[test]
fn demo_each_version() {
    insta::assert_snapshot!("demo_spun_120x40", screen(120, 40, "Tab"));
    insta::assert_snapshot!("demo_trimmed_120x40", screen(120, 40, "Tab Tab"));
    insta::assert_snapshot!("demo_aggregator_120x40", screen(120, 40, "Tab Tab Tab"));
}

#[test]
fn demo_overview() {
    insta::assert_snapshot!("demo_overview_120x40", screen(120, 40, "o"));
}

#[test]
fn demo_filter_major() {
    insta::assert_snapshot!("demo_filter_major_120x30", screen(120, 30, "f f"));
}

#[test]
fn demo_inline() {
    insta::assert_snapshot!("demo_inline_79x30", screen(79, 30, ""));
}

#[test]
fn demo_rebased() {
    insta::assert_snapshot!("demo_rebased_120x30", screen(120, 30, "Tab b"));
}

#[test]
fn demo_styles() {
    let s = render(&demo(), 120, 30, "n", true).unwrap();
    insta::assert_snapshot!("demo_styles_120x30", s);
}
