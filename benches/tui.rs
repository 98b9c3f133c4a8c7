//! The viewer's keypress cost: one key message through `tui::update` (the function the
//! real event loop calls) and then a full redraw through `tui::view::draw` into a
//! ratatui `TestBackend` (as `wirediff render` does), at 160x48 and 80x24 (80x24 is
//! side by side too; the viewer switches to inline only below 80 columns).
//!
//! Input: three versions of a generated story of about 250,000 words (~10,000 sentences
//! each, see `benches/common/mod.rs`): A; B = A with a word changed in every 7th sentence
//! and one paragraph in a hundred moved; C = A with a word changed in every 5th sentence
//! and a new paragraph after every 10th (about a thousand added sentences). The analysis
//! is built once per process; each benchmark builds its viewer state outside the timed part.
//!
//! Keys that move through the document (`j`, `n`, `PgDn`, `n` between search hits) keep
//! going from where the previous sample left them, so every press lays out the rows that
//! come into view as it would for a user (at the end they start again from the top);
//! `G` starts each sample at the top with no row laid out (the worst case: a whole
//! screen of fresh layout); Tab cycles through the two other versions; `f` cycles through
//! the four filters; `o` opens the overview from Compare every sample; `]` goes to the
//! next row holding a finding (from the top again after the last); `F` opens the
//! Findings screen from Compare every sample, and `j` moves down its list.
//!
//! The `many_` benchmarks load 1,000 versions of a 1,000-word story instead
//! (`common::many_versions`: the original and copies with 2-6 random edits): Tab to the next
//! version (its pair rows built on the first visit, as a user paging through reprints
//! meets them), the overview scrolled a line and a page down its rows and a column across
//! the versions, and the overview opened from Compare (the derivation made on the first
//! sample only, as in the viewer).
//!
//! Run: `cargo bench --bench tui` (`WIREDIFF_BENCH_WORDS=50000` for a smaller story).

mod common;

use std::sync::LazyLock;

use divan::{Bencher, black_box};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use wirediff::Analysis;
use wirediff::Options;
use wirediff::engine::Input;
use wirediff::tui::state::Screen;
use wirediff::tui::{Msg, State, update, view};

fn main() {
    divan::main();
}

const SIZES: [&str; 2] = ["160x48", "80x24"];

fn words() -> usize {
    std::env::var("WIREDIFF_BENCH_WORDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(250_000)
}

/// The three-version analysis, built once per process.
static ANALYSIS: LazyLock<Analysis> = LazyLock::new(|| {
    let a = common::story(42, words());
    let moves = (a.paragraphs.len() / 100).max(1);
    let b = common::edited(&a, 42, 7, moves);
    let mut c = common::edited(&a, 43, 5, 0);
    let extra = common::story(99, words() / 10);
    for (k, p) in extra.paragraphs.into_iter().enumerate() {
        let at = ((k + 1) * 11).min(c.paragraphs.len());
        c.paragraphs.insert(at, p);
    }
    let inputs: Vec<Input> = [("a.txt", a), ("b.txt", b), ("c.txt", c)]
        .into_iter()
        .map(|(name, s)| Input {
            name: name.into(),
            text: s.render(),
        })
        .collect();
    wirediff::analyze(&inputs, Options::default())
});

/// Versions in the `many_` benchmarks, and words in each.
const MANY: usize = 1000;
const MANY_WORDS: usize = 1000;

/// The analysis of `MANY` versions, built once per process.
static MANY_ANALYSIS: LazyLock<Analysis> = LazyLock::new(|| {
    let inputs: Vec<Input> = common::many_versions(42, MANY_WORDS, MANY)
        .into_iter()
        .enumerate()
        .map(|(k, text)| Input {
            name: format!("v{k:04}.txt"),
            text,
        })
        .collect();
    wirediff::analyze(&inputs, Options::default())
});

fn size(arg: &str) -> (u16, u16) {
    let (c, r) = arg.split_once('x').expect("COLSxROWS");
    (c.parse().expect("cols"), r.parse().expect("rows"))
}

/// The viewer's state on the shared analysis and a terminal of the size, with one frame drawn.
fn setup(arg: &str) -> (State, Terminal<TestBackend>) {
    let (cols, rows) = size(arg);
    let state = State::new(ANALYSIS.clone(), true, cols, rows);
    let mut terminal = Terminal::new(TestBackend::new(cols, rows)).expect("terminal");
    draw(&mut terminal, &state);
    (state, terminal)
}

fn draw(terminal: &mut Terminal<TestBackend>, state: &State) {
    terminal
        .draw(|f| view::draw(state, f))
        .expect("draw to a TestBackend");
}

/// One keypress: the message through `update`, then the whole frame.
fn press(terminal: &mut Terminal<TestBackend>, state: &mut State, msg: Msg) {
    black_box(update(state, msg));
    draw(terminal, state);
}

/// Whether the Compare body shows the last line of the document.
fn at_end(m: &State) -> bool {
    let (_, last) = m.visible_items();
    last + 1 >= m.items.len()
}

/// `j`: scroll one line down (from the top again once the end is reached).
#[divan::bench(args = SIZES)]
fn key_j(bencher: Bencher, arg: &str) {
    let (mut m, mut t) = setup(arg);
    bencher.bench_local(|| {
        let msg = if at_end(&m) { Msg::Top } else { Msg::Lines(1) };
        press(&mut t, &mut m, msg);
    });
}

/// `n`: the next change, brought into view.
#[divan::bench(args = SIZES)]
fn key_n(bencher: Bencher, arg: &str) {
    let (mut m, mut t) = setup(arg);
    bencher.bench_local(|| {
        let msg = if (m.sel + 1..m.items.len()).any(|i| m.is_change(i)) {
            Msg::Next
        } else {
            Msg::Top
        };
        press(&mut t, &mut m, msg);
    });
}

/// `]`: the next row holding a finding, brought into view.
#[divan::bench(args = SIZES)]
fn key_bracket_finding(bencher: Bencher, arg: &str) {
    let (mut m, mut t) = setup(arg);
    assert!(
        (0..m.items.len()).any(|i| !m.item_findings(i).is_empty()),
        "the story has findings"
    );
    bencher.bench_local(|| {
        let msg = if (m.sel + 1..m.items.len()).any(|i| !m.item_findings(i).is_empty()) {
            Msg::NextFinding
        } else {
            Msg::Top
        };
        press(&mut t, &mut m, msg);
    });
}

/// `F`: the Findings screen of every version, from Compare.
#[divan::bench(args = SIZES)]
fn key_findings_screen(bencher: Bencher, arg: &str) {
    let (mut m, mut t) = setup(arg);
    bencher.bench_local(|| {
        m.screen = Screen::Compare;
        press(&mut t, &mut m, Msg::ToggleFindings);
    });
}

/// `j` on the Findings screen: the next entry (from the first again after the last).
#[divan::bench(args = SIZES)]
fn key_j_findings(bencher: Bencher, arg: &str) {
    let (mut m, mut t) = setup(arg);
    update(&mut m, Msg::ToggleFindings);
    bencher.bench_local(|| {
        let msg = if m.fl_sel + 1 < m.findings.entries.len() {
            Msg::Lines(1)
        } else {
            Msg::Top
        };
        press(&mut t, &mut m, msg);
    });
}

/// `PgDn`: one page down.
#[divan::bench(args = SIZES)]
fn key_pgdn(bencher: Bencher, arg: &str) {
    let (mut m, mut t) = setup(arg);
    bencher.bench_local(|| {
        let msg = if at_end(&m) { Msg::Top } else { Msg::Pages(1) };
        press(&mut t, &mut m, msg);
    });
}

/// `G` from the top with nothing laid out: the last screen laid out and drawn.
#[divan::bench(args = SIZES)]
fn key_g_end_cold(bencher: Bencher, arg: &str) {
    let (mut m, mut t) = setup(arg);
    bencher.bench_local(|| {
        (m.top, m.skip, m.sel) = (0, 0, 0);
        m.clear_layout_cache();
        press(&mut t, &mut m, Msg::Bottom);
    });
}

/// Type `/query` Enter.
fn search(m: &mut State, query: &str) {
    for msg in [Msg::StartSearch]
        .into_iter()
        .chain(query.chars().map(Msg::PromptChar))
        .chain([Msg::PromptSubmit])
    {
        update(m, msg);
    }
    assert!(
        m.hits.len() > 100,
        "the search finds hits: {}",
        m.hits.len()
    );
}

/// `n` during a search: the next hit (wrapping at the end), matches highlighted.
#[divan::bench(args = SIZES)]
fn key_n_search_hit(bencher: Bencher, arg: &str) {
    let (mut m, mut t) = setup(arg);
    search(&mut m, "U.S.");
    bencher.bench_local(|| press(&mut t, &mut m, Msg::Next));
}

/// Tab: the next other version (two others: B and C in turn), position kept.
#[divan::bench(args = SIZES)]
fn key_tab(bencher: Bencher, arg: &str) {
    let (mut m, mut t) = setup(arg);
    let mid = m.items.len() / 2;
    m.reveal(mid);
    bencher.bench_local(|| press(&mut t, &mut m, Msg::NextVersion));
}

/// Tab while a search is active: the hits are found again in the new version's rows.
#[divan::bench(args = SIZES)]
fn key_tab_searching(bencher: Bencher, arg: &str) {
    let (mut m, mut t) = setup(arg);
    search(&mut m, "U.S.");
    bencher.bench_local(|| press(&mut t, &mut m, Msg::NextVersion));
}

/// `f`: the next filter (all, changes only, rewrites+paraphrases+moves in turn).
#[divan::bench(args = SIZES)]
fn key_f(bencher: Bencher, arg: &str) {
    let (mut m, mut t) = setup(arg);
    let mid = m.items.len() / 2;
    m.reveal(mid);
    bencher.bench_local(|| press(&mut t, &mut m, Msg::CycleFilter));
}

/// `o`: the overview grid and side panel, from Compare.
#[divan::bench(args = SIZES)]
fn key_o_overview(bencher: Bencher, arg: &str) {
    let (mut m, mut t) = setup(arg);
    m.ov_row = m.analysis.rows.len() / 2;
    bencher.bench_local(|| {
        m.screen = Screen::Compare;
        press(&mut t, &mut m, Msg::ToggleOverview);
    });
}

/// For comparison: a redraw with no key (the cost of drawing alone, rows laid out).
#[divan::bench(args = SIZES)]
fn redraw_only(bencher: Bencher, arg: &str) {
    let (m, mut t) = setup(arg);
    bencher.bench_local(|| draw(&mut t, &m));
}

/// The viewer on the `MANY`-version analysis, one frame drawn.
fn setup_many(arg: &str) -> (State, Terminal<TestBackend>) {
    let (cols, rows) = size(arg);
    let state = State::new(MANY_ANALYSIS.clone(), true, cols, rows);
    assert_eq!(state.analysis.versions.len(), MANY);
    let mut terminal = Terminal::new(TestBackend::new(cols, rows)).expect("terminal");
    draw(&mut terminal, &state);
    (state, terminal)
}

/// Tab through 1,000 versions: each press shows the next one (its rows built the first
/// time round).
#[divan::bench(args = SIZES)]
fn many_tab(bencher: Bencher, arg: &str) {
    let (mut m, mut t) = setup_many(arg);
    bencher.bench_local(|| press(&mut t, &mut m, Msg::NextVersion));
}

/// The overview of 1,000 versions, one row down (from the top again at the end).
#[divan::bench(args = SIZES)]
fn many_overview_line(bencher: Bencher, arg: &str) {
    let (mut m, mut t) = setup_many(arg);
    update(&mut m, Msg::ToggleOverview);
    bencher.bench_local(|| {
        let msg = if m.ov_row + 1 >= m.analysis.rows.len() {
            Msg::Top
        } else {
            Msg::Lines(1)
        };
        press(&mut t, &mut m, msg);
    });
}

/// The overview of 1,000 versions, one page down (from the top again at the end).
#[divan::bench(args = SIZES)]
fn many_overview_page(bencher: Bencher, arg: &str) {
    let (mut m, mut t) = setup_many(arg);
    update(&mut m, Msg::ToggleOverview);
    bencher.bench_local(|| {
        let msg = if m.ov_row + 1 >= m.analysis.rows.len() {
            Msg::Top
        } else {
            Msg::Pages(1)
        };
        press(&mut t, &mut m, msg);
    });
}

/// The overview of 1,000 versions, one column across (back to the first at the last).
#[divan::bench(args = SIZES)]
fn many_overview_column(bencher: Bencher, arg: &str) {
    let (mut m, mut t) = setup_many(arg);
    update(&mut m, Msg::ToggleOverview);
    bencher.bench_local(|| {
        let msg = if m.ov_col + 1 >= MANY {
            Msg::Columns(-(MANY as i32))
        } else {
            Msg::Columns(1)
        };
        press(&mut t, &mut m, msg);
    });
}

/// Tab in the overview of 1,000 versions: the next version's column, Compare following.
#[divan::bench(args = SIZES)]
fn many_overview_tab(bencher: Bencher, arg: &str) {
    let (mut m, mut t) = setup_many(arg);
    update(&mut m, Msg::ToggleOverview);
    bencher.bench_local(|| press(&mut t, &mut m, Msg::NextVersion));
}

/// `o` with 1,000 versions: the overview from Compare.
#[divan::bench(args = SIZES)]
fn many_o_overview(bencher: Bencher, arg: &str) {
    let (mut m, mut t) = setup_many(arg);
    bencher.bench_local(|| {
        m.screen = Screen::Compare;
        press(&mut t, &mut m, Msg::ToggleOverview);
    });
}
