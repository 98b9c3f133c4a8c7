//! State tests: key sequences through `keymap` and `update`, checked on the `State`.

use crate::tui_fixture;

use wirediff::tui::keymap::{parse_keys, to_msg};
use wirediff::tui::state::{Filter, Item, Prompt, Screen, State};
use wirediff::tui::{Effect, Msg, update};

fn press(m: &mut State, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for input in parse_keys(keys).unwrap() {
        if let Some(msg) = to_msg(input, m) {
            let effect = update(m, msg);
            // As the run loop does (after drawing a frame).
            if effect == Effect::Rebase {
                effects.push(update(m, Msg::Rebase));
            } else {
                effects.push(effect);
            }
        }
    }
    effects
}

fn story(cols: u16, rows: u16) -> State {
    State::new(tui_fixture::story(), false, cols, rows)
}

#[test]
fn n_lands_on_the_next_change_and_n_back() {
    let mut m = story(120, 30);
    assert_eq!(m.sel, 0);
    press(&mut m, "n");
    let first = m.sel;
    assert!(m.is_change(first));
    assert!((0..first).all(|i| !m.is_change(i)), "no change skipped");
    press(&mut m, "n");
    let second = m.sel;
    assert!(second > first && m.is_change(second));
    assert!((first + 1..second).all(|i| !m.is_change(i)));
    press(&mut m, "N");
    assert_eq!(m.sel, first);
}

#[test]
fn n_past_the_last_change_says_so() {
    let mut m = story(120, 30);
    press(&mut m, "G n");
    assert_eq!(m.message.as_deref(), Some("no more changes below"));
}

#[test]
fn next_change_is_brought_into_view() {
    let mut m = State::new(tui_fixture::long(2000), false, 100, 20);
    for _ in 0..30 {
        press(&mut m, "n");
        let (first, last) = m.visible_items();
        assert!(first <= m.sel && m.sel <= last, "selection visible");
        assert!(m.is_change(m.sel));
    }
    assert_eq!(m.sel, 5 + 29 * 10);
}

#[test]
fn resize_clamps_the_scroll_and_keeps_the_row() {
    let mut m = story(160, 40);
    press(&mut m, "G");
    let last = m.items.len() - 1;
    assert_eq!(m.sel, last);
    // A taller screen: nothing left to scroll, so the top goes back to the start.
    update(
        &mut m,
        Msg::Resize {
            cols: 160,
            rows: 200,
        },
    );
    assert_eq!((m.top, m.skip), (0, 0));
    // Scroll down in a small window, then widen: the top row is kept, lines re-wrap.
    let mut m = story(60, 12);
    press(&mut m, "j j j j j");
    let top = m.top;
    update(
        &mut m,
        Msg::Resize {
            cols: 200,
            rows: 12,
        },
    );
    assert!(m.top <= top);
    assert!(m.skip < m.height(m.top));
}

#[test]
fn resize_keeps_the_selection_on_screen() {
    let mut m = State::new(tui_fixture::long(200), false, 100, 20);
    press(&mut m, "G");
    let sel = m.sel;
    assert_eq!(sel, m.items.len() - 1);
    // Taller: everything up to the end fits from an earlier top; then back again.
    for rows in [60, 20, 12] {
        update(&mut m, Msg::Resize { cols: 100, rows });
        let (first, last) = m.visible_items();
        assert_eq!(m.sel, sel);
        assert!(
            first <= sel && sel <= last,
            "at 100x{rows} the selection {sel} is shown ({first}..={last})"
        );
    }
}

#[test]
fn scrolling_stops_at_the_end() {
    let mut m = story(100, 20);
    press(&mut m, "PgDn PgDn PgDn PgDn PgDn PgDn");
    let end = (m.top, m.skip);
    press(&mut m, "j j j");
    assert_eq!((m.top, m.skip), end);
    press(&mut m, "g");
    assert_eq!((m.top, m.skip, m.sel), (0, 0, 0));
}

#[test]
fn ctrl_d_and_ctrl_u_scroll_half_a_page_ctrl_f_and_ctrl_b_a_page() {
    let long = tui_fixture::long(200);
    let at = |keys: &str| {
        let mut m = State::new(long.clone(), false, 100, 20);
        press(&mut m, keys);
        (m.top, m.skip)
    };
    let half = State::new(long.clone(), false, 100, 20).body_height() / 2;
    let lines = |n: usize| vec!["j"; n].join(" ");
    assert_eq!(at("C-d"), at(&lines(half)));
    assert_eq!(at("C-d C-d C-u"), at(&lines(half)));
    assert_ne!(at("C-d"), at("PgDn"));
    assert_eq!(at("C-f"), at("PgDn"));
    assert_eq!(at("C-f C-f C-b"), at("PgDn"));
}

#[test]
fn tab_from_an_added_sentence_stays_near_it() {
    use wirediff::engine::RowKind;
    let mut m = story(120, 30);
    // paper.txt adds "A relief fund ..." after the sentence linked to base #10 (index 9),
    // which blog.txt deletes.
    let added = (0..m.items.len())
        .find(|&i| matches!(m.items[i], Item::Row(p) if m.pairs[p].kind == RowKind::Added))
        .expect("an added row");
    m.sel = added;
    press(&mut m, "Tab");
    assert_eq!(m.other, 2);
    let p = m.items[m.sel].first_pair();
    assert!(
        m.pairs[p].base.contains(&9),
        "kept near base #10, got row {:?}",
        m.pairs[p]
    );
    // And back: the pair rows of paper.txt are reused, the position kept.
    press(&mut m, "Tab");
    assert_eq!(m.other, 1);
    let p = m.items[m.sel].first_pair();
    assert!(m.pairs[p].base.contains(&9));
}

#[test]
fn tab_cycles_versions_and_digits_pick_one() {
    let mut m = story(120, 30);
    assert_eq!(m.other, 1);
    press(&mut m, "Tab");
    assert_eq!(m.other, 2);
    press(&mut m, "Tab");
    assert_eq!(m.other, 1);
    press(&mut m, "S-Tab");
    assert_eq!(m.other, 2);
    press(&mut m, "2");
    assert_eq!(m.other, 1);
    press(&mut m, "1");
    assert_eq!(m.other, 1, "the base cannot be shown on the right");
    assert!(m.message.as_deref().unwrap().contains("base"));
}

#[test]
fn digits_and_tab_move_the_overview_version_column() {
    let mut m = story(120, 30);
    press(&mut m, "o");
    assert_eq!((m.ov_col, m.other), (1, 1));
    let row = m.ov_row;
    press(&mut m, "3");
    assert_eq!(m.screen, Screen::Overview, "a digit stays in the overview");
    assert_eq!((m.ov_col, m.other), (2, 2), "3 selects version 3");
    press(&mut m, "1");
    assert_eq!(m.ov_col, 0, "the base column can be selected");
    assert_eq!(
        m.other, 2,
        "Compare keeps showing a version that is not the base"
    );
    assert_eq!(m.message, None);
    press(&mut m, "9");
    assert_eq!(m.ov_col, 0);
    assert_eq!(m.message.as_deref(), Some("no version 9"));
    press(&mut m, "Tab");
    assert_eq!((m.ov_col, m.other), (1, 1));
    press(&mut m, "S-Tab S-Tab");
    assert_eq!((m.ov_col, m.other), (2, 2), "Shift-Tab wraps around");
    assert_eq!(m.ov_row, row, "the row stays");
    press(&mut m, "2 Esc");
    assert_eq!((m.screen, m.other), (Screen::Compare, 1));
}

#[test]
fn filter_cycles_and_hides_unchanged_rows() {
    let mut m = story(120, 30);
    let all = m.items.len();
    press(&mut m, "f");
    assert_eq!(m.filter, Filter::Changes);
    assert!(m.items.len() < all);
    assert!((0..m.items.len()).all(|i| m.is_change(i)));
    press(&mut m, "f");
    assert_eq!(m.filter, Filter::Major);
    press(&mut m, "f");
    assert_eq!(m.filter, Filter::Findings);
    assert!(!m.items.is_empty());
    assert!((0..m.items.len()).all(|i| !m.item_findings(i).is_empty()));
    press(&mut m, "f");
    assert_eq!(m.filter, Filter::All);
    assert_eq!(m.items.len(), all);
}

#[test]
fn enter_expands_page_furniture() {
    let mut m = story(120, 30);
    let Item::Fold { count, .. } = m.items[0] else {
        panic!("furniture first: {:?}", m.items[0])
    };
    assert!(count >= 2);
    let before = m.items.len();
    press(&mut m, "Enter");
    assert_eq!(m.items.len(), before + count - 1);
    for k in 0..count {
        assert_eq!(m.items[k], Item::Row(k));
        assert!(m.pairs[k].boilerplate);
    }
}

#[test]
fn esc_leaves_the_overview_in_one_press_and_keeps_the_search() {
    let mut m = story(120, 30);
    press(&mut m, "/relief Enter");
    let hits = m.hits.clone();
    assert_eq!(hits.len(), 1);
    press(&mut m, "o");
    assert_eq!(m.screen, Screen::Overview);
    press(&mut m, "Esc");
    assert_eq!(m.screen, Screen::Compare, "one Esc leaves the overview");
    assert_eq!(m.search.as_deref(), Some("relief"), "the search stays");
    assert_eq!(m.hits, hits);
    // The next Esc clears the search, the one after quits.
    assert_eq!(press(&mut m, "Esc"), vec![Effect::None]);
    assert_eq!(m.search, None);
    assert_eq!(press(&mut m, "Esc"), vec![Effect::Quit]);
}

#[test]
fn search_finds_hits_in_both_columns_and_esc_clears() {
    let mut m = story(120, 30);
    press(&mut m, "/");
    assert_eq!(m.prompt, Some(Prompt::Search(String::new())));
    press(&mut m, "relief Enter");
    assert_eq!(m.search.as_deref(), Some("relief"));
    assert_eq!(m.hits.len(), 1, "only in the right column");
    assert_eq!(m.sel, m.hits[0]);
    press(&mut m, "Esc");
    assert_eq!(m.search, None);
    // Esc with nothing to close quits.
    assert_eq!(press(&mut m, "Esc"), vec![Effect::Quit]);
}

#[test]
fn keys_inside_a_prompt_are_text() {
    let mut m = story(120, 30);
    press(&mut m, "/q Backspace nq");
    assert_eq!(m.prompt, Some(Prompt::Search("nq".into())));
    assert!(!m.quit);
}

#[test]
fn export_asks_before_overwriting() {
    let mut m = story(120, 30);
    press(&mut m, "e");
    assert_eq!(m.prompt, Some(Prompt::Export("wire-vs-paper.txt".into())));
    let effects = press(&mut m, "Enter");
    assert_eq!(
        effects,
        vec![Effect::Export {
            path: "wire-vs-paper.txt".into(),
            overwrite: false
        }]
    );
    update(&mut m, Msg::ConfirmOverwrite("wire-vs-paper.txt".into()));
    assert_eq!(press(&mut m, "n"), vec![Effect::None]);
    assert_eq!(m.message.as_deref(), Some("not exported"));
    update(&mut m, Msg::ConfirmOverwrite("x.txt".into()));
    assert_eq!(
        press(&mut m, "y"),
        vec![Effect::Export {
            path: "x.txt".into(),
            overwrite: true
        }]
    );
}

#[test]
fn overview_enter_opens_compare_at_that_row() {
    let mut m = story(120, 30);
    press(&mut m, "o");
    assert_eq!(m.screen, Screen::Overview);
    // Row 9 of the collation is base sentence 8 ("He said ..."); column 3 is blog.txt.
    press(&mut m, "j j j j j j j j l Enter");
    assert_eq!(m.screen, Screen::Compare);
    assert_eq!(m.other, 2);
    let Item::Row(p) = m.items[m.sel] else {
        panic!("a row")
    };
    assert_eq!(m.pairs[p].base, vec![8]);
}

#[test]
fn click_selects_a_row_and_an_overview_cell() {
    let mut m = story(120, 30);
    // Body starts on screen line 2; the first item is one line of furniture.
    update(&mut m, Msg::Click { col: 5, row: 3 });
    assert_eq!(m.sel, 1);
    press(&mut m, "o");
    // Grid: label width 3, three cells per version; row 3 of the grid, version 2.
    update(
        &mut m,
        Msg::Click {
            col: 3 + 3 + 1,
            row: 2 + 2,
        },
    );
    assert_eq!(m.screen, Screen::Compare);
    assert_eq!(m.other, 1);
}

#[test]
fn help_toggles_scrolls_and_other_keys_close_it() {
    let mut m = story(120, 12);
    press(&mut m, "?");
    assert!(m.help);
    press(&mut m, "j j");
    assert_eq!(m.help_scroll, 2);
    assert_eq!(m.top, 0, "j scrolled the help, not the comparison");
    press(&mut m, "x");
    assert!(!m.help);
    assert_eq!(m.top, 0, "the key only closed help");
    press(
        &mut m,
        "? j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j",
    );
    // The screen's 12 rows leave 10 for the help's lines.
    let lines = wirediff::tui::help_text::LINE_COUNT;
    assert!(
        m.help_scroll <= lines - 10,
        "help scroll clamped: {}",
        m.help_scroll
    );
}

#[test]
fn help_pages_and_jumps_when_it_does_not_fit_and_esc_q_close_it() {
    let mut m = story(120, 12);
    let max = wirediff::tui::help_text::LINE_COUNT - m.help_height();
    assert!(max > 0, "the help does not fit in 12 rows");
    press(&mut m, "? PgDn");
    assert!(m.help, "PgDn kept the help open");
    assert!(m.help_scroll > 1, "PgDn scrolled a page: {}", m.help_scroll);
    press(&mut m, "PgUp");
    assert!(m.help);
    assert_eq!(m.help_scroll, 0);
    press(&mut m, "G");
    assert!(m.help);
    assert_eq!(m.help_scroll, max, "G shows the end of the help");
    press(&mut m, "g");
    assert_eq!((m.help, m.help_scroll), (true, 0));
    press(&mut m, "Down Space End Up Home C-d C-u");
    assert_eq!((m.help, m.help_scroll), (true, 0));
    assert_eq!((m.top, m.skip), (0, 0), "the comparison did not move");
    press(&mut m, "x");
    for close in ["Esc", "q", "?"] {
        press(&mut m, "? j");
        assert!(m.help);
        press(&mut m, close);
        assert!(!m.help, "{close} closes the help");
        assert!(!m.quit, "{close} only closes the help");
        assert_eq!(m.screen, Screen::Compare);
    }
}

#[test]
fn inline_follows_width_until_toggled() {
    let mut m = story(70, 30);
    assert!(m.inline_mode());
    update(
        &mut m,
        Msg::Resize {
            cols: 120,
            rows: 30,
        },
    );
    assert!(!m.inline_mode());
    press(&mut m, "i");
    assert!(m.inline_mode());
    update(
        &mut m,
        Msg::Resize {
            cols: 200,
            rows: 30,
        },
    );
    assert!(m.inline_mode(), "the user's choice sticks");
}

#[test]
fn ctrl_c_quits_even_in_a_prompt() {
    let mut m = story(120, 30);
    press(&mut m, "/abc");
    assert_eq!(press(&mut m, "C-c"), vec![Effect::Quit]);
}

#[test]
fn only_visible_rows_are_laid_out() {
    let t = std::time::Instant::now();
    let a = tui_fixture::long(10_000);
    eprintln!("fixture: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let mut m = State::new(a, false, 120, 40);
    eprintln!("model: {:?}", t.elapsed());
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    let start = std::time::Instant::now();
    wirediff::tui::run_app(
        &mut terminal,
        &mut m,
        parse_keys("PgDn PgDn n n G N g")
            .unwrap()
            .into_iter()
            .map(Ok),
    )
    .unwrap();
    let elapsed = start.elapsed();
    eprintln!(
        "8 frames, 7 keys on 10,000 rows: {elapsed:?}, {} blocks laid out",
        m.cached_blocks()
    );
    assert!(
        m.cached_blocks() < 200,
        "laid out {} blocks",
        m.cached_blocks()
    );
    // Debug build, shared machine: generous, but far from laying out 10,000 rows.
    assert!(elapsed.as_millis() < 2000, "took {elapsed:?}");
}

#[test]
fn b_makes_the_shown_version_the_base() {
    let mut m = story(120, 30);
    press(&mut m, "Tab b");
    assert_eq!(m.analysis.base, 2);
    assert_eq!(m.other, 0, "the old base is shown on the right");
    assert_eq!(m.analysis.comparisons.len(), 2);
    assert!(m.analysis.comparisons.iter().all(|c| c.base == 2));
    assert!(m.message.as_deref().unwrap().contains("blog.txt"));
}

#[test]
fn b_announces_the_rebase_before_computing_it() {
    let mut m = story(120, 30);
    press(&mut m, "Tab");
    assert_eq!(update(&mut m, Msg::MakeBase), Effect::Rebase);
    assert_eq!(m.analysis.base, 0, "nothing computed yet");
    assert_eq!(m.message.as_deref(), Some("re-basing on blog.txt…"));
    assert_eq!(update(&mut m, Msg::Rebase), Effect::None);
    assert_eq!(m.analysis.base, 2);
}

/// A `TestBackend` that keeps the text of every frame flushed to it.
struct Recorder {
    inner: ratatui::backend::TestBackend,
    frames: Vec<String>,
}

impl ratatui::backend::Backend for Recorder {
    type Error = <ratatui::backend::TestBackend as ratatui::backend::Backend>::Error;
    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a ratatui::buffer::Cell)>,
    {
        self.inner.draw(content)
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<ratatui::layout::Position, Self::Error> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<ratatui::layout::Position>>(
        &mut self,
        position: P,
    ) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ratatui::backend::ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> Result<ratatui::layout::Size, Self::Error> {
        self.inner.size()
    }
    fn window_size(&mut self) -> Result<ratatui::backend::WindowSize, Self::Error> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()?;
        let text = wirediff::tui::buffer_text(self.inner.buffer(), false);
        self.frames.push(text);
        Ok(())
    }
}

#[test]
fn b_draws_a_re_basing_frame_before_the_recomputation() {
    let mut m = story(120, 30);
    let backend = Recorder {
        inner: ratatui::backend::TestBackend::new(120, 30),
        frames: Vec::new(),
    };
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    let inputs = parse_keys("Tab b").unwrap().into_iter().map(Ok);
    wirediff::tui::run_app(&mut terminal, &mut m, inputs).unwrap();
    assert_eq!(m.analysis.base, 2);
    let frames = &terminal.backend().frames;
    // The first frame, one after Tab, one announcing the re-basing, one after it.
    assert_eq!(frames.len(), 4, "{frames:#?}");
    let announce = &frames[2];
    assert!(announce.contains("re-basing on blog.txt…"), "{announce}");
    assert!(
        announce.contains("base 1/3"),
        "drawn before the base changed"
    );
    let done = &frames[3];
    assert!(done.contains("base 3/3"), "{done}");
    assert!(!done.contains("re-basing"));
}

mod props {
    use super::tui_fixture;
    use proptest::prelude::*;

    const KEYS: [&str; 36] = [
        "b",
        "C-d",
        "j",
        "k",
        "Down",
        "Up",
        "PgDn",
        "PgUp",
        "g",
        "G",
        "n",
        "N",
        "Tab",
        "S-Tab",
        "2",
        "3",
        "o",
        "f",
        "w",
        "i",
        "?",
        "Esc",
        "Enter",
        "/a",
        "Backspace",
        "Left",
        "Right",
        "h",
        "l",
        "wheel-up",
        "wheel-down",
        "click:5,5",
        "click:50,3",
        "resize:30x8",
        "resize:100x30",
        "resize:200x60",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Any key script at any size renders without panicking, to exactly the final
        /// number of rows, none wider than the screen.
        #[test]
        fn any_keys_any_size(
            cols in 1u16..220,
            rows in 1u16..70,
            keys in proptest::collection::vec(0..KEYS.len(), 0..40),
            story in 0..3usize,
        ) {
            let script: Vec<&str> = keys.iter().map(|&k| KEYS[k]).collect();
            let script = script.join(" ");
            let a = [tui_fixture::story, tui_fixture::cjk, tui_fixture::emoji][story]();
            let out = wirediff::tui::render(&a, cols, rows, &script, false).unwrap();
            // Esc can quit part-way (later keys are then ignored): the screen has one of
            // the sizes the script went through.
            let mut sizes = vec![(cols, rows)];
            for tok in script.split(' ') {
                if let Some(size) = tok.strip_prefix("resize:") {
                    let (x, y) = size.split_once('x').unwrap();
                    sizes.push((x.parse().unwrap(), y.parse().unwrap()));
                }
            }
            let n = out.lines().count();
            let c = sizes
                .iter()
                .filter(|s| s.1 as usize == n)
                .map(|s| s.0)
                .max()
                .expect("a known height");
            for l in out.lines() {
                prop_assert!(wirediff::render::width::str_width(l) <= c as usize, "{:?}", l);
            }
        }
    }
}

#[test]
fn e_writes_the_shown_comparison_and_never_overwrites_without_yes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.txt");
    let p = path.to_str().unwrap().replace(' ', "");
    assert!(!p.contains(' '), "the key script splits at spaces");
    let mut m = story(120, 30);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 30)).unwrap();
    // Clear the suggested name, type ours, Enter.
    let clear = "Backspace ".repeat(40);
    let script = format!("e {clear} {p} Enter");
    wirediff::tui::run_app(
        &mut terminal,
        &mut m,
        parse_keys(&script).unwrap().into_iter().map(Ok),
    )
    .unwrap();
    let first = std::fs::read_to_string(&path).unwrap();
    assert!(first.contains("paper.txt"), "{first}");
    assert!(!first.contains("blog.txt"), "only the shown comparison");
    assert_eq!(
        m.message.as_deref(),
        Some(format!("exported to {p}").as_str())
    );
    // Again: the file exists, so we are asked; "n" keeps it.
    std::fs::write(&path, "keep me").unwrap();
    wirediff::tui::run_app(
        &mut terminal,
        &mut m,
        parse_keys(&script).unwrap().into_iter().map(Ok),
    )
    .unwrap();
    assert_eq!(m.prompt, Some(Prompt::Overwrite(p.clone())));
    wirediff::tui::run_app(
        &mut terminal,
        &mut m,
        parse_keys("n").unwrap().into_iter().map(Ok),
    )
    .unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
    // And "y" overwrites; a .json name writes JSON.
    wirediff::tui::run_app(
        &mut terminal,
        &mut m,
        parse_keys(&format!("{script} y"))
            .unwrap()
            .into_iter()
            .map(Ok),
    )
    .unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), first);
    let json = format!("{p}.json");
    wirediff::tui::run_app(
        &mut terminal,
        &mut m,
        parse_keys(&format!("e {clear} {json} Enter"))
            .unwrap()
            .into_iter()
            .map(Ok),
    )
    .unwrap();
    let j: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert!(j.is_object());
}

#[test]
fn a_search_hit_in_folded_furniture_counts_and_n_unfolds_it() {
    let selected_text = |m: &State| match m.items[m.sel] {
        Item::Row(p) => {
            assert!(m.pairs[p].boilerplate, "on a row of boilerplate");
            let (l, r) = m.pair_text(p);
            format!("{l}|{r}")
        }
        Item::Fold { .. } => panic!("still folded"),
    };
    // Only in the furniture: Enter lands there, unfolded.
    let mut m = story(120, 30);
    assert!(m.items.iter().any(|i| matches!(i, Item::Fold { .. })));
    press(&mut m, "/rights Enter");
    assert_eq!(m.hits.len(), 1);
    assert!(selected_text(&m).contains("All rights reserved"));
    let msg = m.message.clone().unwrap();
    assert!(msg.contains("unfolded boilerplate"), "{msg}");
    // In text and furniture: n and N reach the furniture too.
    let mut m = story(120, 30);
    press(&mut m, "/ight Enter");
    assert!(matches!(m.items[m.sel], Item::Row(p) if !m.pairs[p].boilerplate));
    let before = m.hits.len();
    press(&mut m, "N");
    assert!(
        selected_text(&m).contains("Copyright"),
        "N wrapped to the fold"
    );
    let msg = m.message.clone().unwrap();
    assert!(
        msg.contains("(wrapped)") && msg.contains("unfolded"),
        "{msg}"
    );
    assert_eq!(m.hits.len(), before, "the fold's hit is now its row's");
    assert_eq!(m.hits.last(), Some(&m.sel));
}

#[test]
fn search_hits_are_the_items_whose_text_contains_the_query() {
    for (v, query) in [
        (1, "the"),
        (2, "THE RIVER"),
        (1, "ll bridge"),
        (2, "Bridge.  "),
        (1, "relief fund"),
        (2, "e"),
    ] {
        let mut m = story(120, 30);
        press(&mut m, &(v + 1).to_string());
        assert_eq!(m.other, v);
        m.search = Some(query.to_string());
        m.recompute_hits();
        let q = query.to_lowercase();
        let has = |(l, r): (String, String)| {
            l.to_lowercase().contains(&q) || r.to_lowercase().contains(&q)
        };
        // A fold of page furniture is a hit when one of its rows is.
        let expected: Vec<usize> = (0..m.items.len())
            .filter(|&i| match m.items[i] {
                Item::Row(_) => has(m.item_text(i)),
                Item::Fold { first, count, .. } => {
                    (first..first + count).any(|p| has(m.pair_text(p)))
                }
            })
            .collect();
        assert_eq!(m.hits, expected, "/{query} in version {v}");
    }
}

#[test]
fn no_key_lays_out_more_than_a_few_screens() {
    let mut m = State::new(tui_fixture::long(3_000), false, 120, 40);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    let keys = "j k PgDn n N G g Tab f f f w w i i /council Enter n N Esc o Enter o o resize:80x24 G resize:200x60 g End Home";
    for input in parse_keys(keys).unwrap() {
        if let wirediff::tui::TermEvent::Resize { cols, rows } = input {
            terminal.backend_mut().resize(cols, rows);
        }
        if let Some(msg) = to_msg(input, &m) {
            update(&mut m, msg);
        }
        terminal.draw(|f| wirediff::tui::view::draw(&m, f)).unwrap();
        assert!(
            m.cached_blocks() <= 3 * m.body_height(),
            "after {input:?}: {} blocks laid out",
            m.cached_blocks()
        );
    }
}

#[test]
fn overview_opens_on_the_row_being_read_and_enter_comes_back() {
    let mut m = State::new(tui_fixture::long(300), false, 100, 20);
    press(&mut m, "n n n n");
    let sel = m.sel;
    press(&mut m, "o");
    assert_eq!(m.screen, Screen::Overview);
    assert_eq!(m.ov_col, m.other);
    let (top, h) = (m.ov_top, m.overview_height());
    assert!(top <= m.ov_row && m.ov_row < top + h, "cursor row in view");
    press(&mut m, "Enter");
    assert_eq!(m.screen, Screen::Compare);
    assert_eq!(m.sel, sel, "back on the same row");
}
