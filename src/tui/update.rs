//! `update(&mut State, Msg) -> Effect`: every state change of the viewer, no I/O. The
//! run loop performs the returned effect (quit, write an export).

use super::msg::Msg;
use super::state::{Filter, Item, Prompt, Screen, State};

/// What the run loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Write the current comparison to `path`; `overwrite` once the user said yes.
    Export {
        path: String,
        overwrite: bool,
    },
    /// Draw a frame (it shows "re-basing…"), then send [`Msg::Rebase`]: the
    /// recomputation can take a moment on long stories.
    Rebase,
}

/// Apply one message.
pub fn update(m: &mut State, msg: Msg) -> Effect {
    if !matches!(msg, Msg::Resize { .. } | Msg::Exported(_)) {
        m.message = None;
    }
    let effect = apply(m, msg);
    m.clamp();
    if effect == Effect::Quit {
        m.quit = true;
    }
    effect
}

fn apply(m: &mut State, msg: Msg) -> Effect {
    let page = (m.body_height().saturating_sub(2)).max(1) as i64;
    match msg {
        Msg::Quit => return Effect::Quit,
        Msg::Resize { cols, rows } => {
            m.cols = cols;
            m.rows = rows;
            // The top row stays; if the selection left the screen, it is brought back.
            m.clamp();
            let (first, last) = m.visible_items();
            if !m.too_small() && (m.sel < first || m.sel > last) {
                m.reveal(m.sel);
            }
        }
        Msg::ToggleHelp => {
            m.help = !m.help;
            m.help_scroll = 0;
        }
        Msg::Lines(n) if m.help => {
            m.help_scroll = (m.help_scroll as i64 + n as i64).max(0) as usize;
        }
        Msg::Pages(n) if m.help => {
            let page = m.help_height().saturating_sub(1).max(1) as i64;
            m.help_scroll = (m.help_scroll as i64 + n as i64 * page).max(0) as usize;
        }
        Msg::HalfPages(n) if m.help => {
            let half = (m.help_height() / 2).max(1) as i64;
            m.help_scroll = (m.help_scroll as i64 + n as i64 * half).max(0) as usize;
        }
        Msg::Top if m.help => m.help_scroll = 0,
        // Clamped to the last full screen of help.
        Msg::Bottom if m.help => m.help_scroll = usize::MAX,
        Msg::Back => {
            // One thing per press, the innermost first: the help, then the overview (the
            // search stays, for Compare), then the search.
            if m.help {
                m.help = false;
            } else if m.screen == Screen::Overview {
                m.screen = Screen::Compare;
            } else if m.search.is_some() {
                m.search = None;
                m.hits.clear();
            } else {
                return Effect::Quit;
            }
        }
        Msg::ToggleOverview => {
            m.screen = match m.screen {
                Screen::Compare => {
                    // The overview opens on the row and version being read.
                    m.ov_col = m.other;
                    if let Some(r) = m.row_for_item(m.sel) {
                        m.ov_row = r;
                    }
                    Screen::Overview
                }
                Screen::Overview => Screen::Compare,
            }
        }
        Msg::Lines(n) => match m.screen {
            Screen::Compare => m.scroll(n as i64),
            Screen::Overview => m.ov_row = (m.ov_row as i64 + n as i64).max(0) as usize,
        },
        Msg::Pages(n) => match m.screen {
            Screen::Compare => m.scroll(n as i64 * page),
            Screen::Overview => {
                m.ov_row = (m.ov_row as i64 + n as i64 * page).max(0) as usize;
            }
        },
        Msg::HalfPages(n) => match m.screen {
            Screen::Compare => m.scroll(n as i64 * (m.body_height() / 2).max(1) as i64),
            Screen::Overview => {
                let half = (m.overview_height() / 2).max(1) as i64;
                m.ov_row = (m.ov_row as i64 + n as i64 * half).max(0) as usize;
            }
        },
        Msg::Top => match m.screen {
            Screen::Compare => {
                m.top = 0;
                m.skip = 0;
                m.sel = 0;
            }
            Screen::Overview => m.ov_row = 0,
        },
        Msg::Bottom => match m.screen {
            Screen::Compare => {
                m.top = usize::MAX;
                m.clamp();
                m.sel = m.items.len().saturating_sub(1);
            }
            Screen::Overview => m.ov_row = usize::MAX,
        },
        Msg::Columns(n) => {
            m.ov_col = (m.ov_col as i64 + n as i64).max(0) as usize;
        }
        Msg::Wheel { down } => {
            let n = if down { 3 } else { -3 };
            if m.help {
                m.help_scroll = (m.help_scroll as i64 + n).max(0) as usize;
                return Effect::None;
            }
            match m.screen {
                Screen::Compare => m.scroll(n),
                Screen::Overview => {
                    m.ov_row = (m.ov_row as i64 + n).max(0) as usize;
                }
            }
        }
        Msg::Next | Msg::Prev => step(m, msg == Msg::Next),
        Msg::NextVersion | Msg::PrevVersion if m.screen == Screen::Overview => {
            let k = m.analysis.versions.len().max(1);
            let col = if msg == Msg::NextVersion {
                (m.ov_col + 1) % k
            } else {
                (m.ov_col + k - 1) % k
            };
            select_column(m, col);
        }
        Msg::Version(n) if m.screen == Screen::Overview => {
            let v = n.saturating_sub(1);
            if v >= m.analysis.versions.len() {
                m.message = Some(format!("no version {n}"));
            } else {
                select_column(m, v);
            }
        }
        Msg::NextVersion | Msg::PrevVersion => {
            let others = m.others();
            if let Some(pos) = others.iter().position(|&v| v == m.other) {
                let k = others.len();
                let next = if msg == Msg::NextVersion {
                    (pos + 1) % k
                } else {
                    (pos + k - 1) % k
                };
                m.show_version(others[next]);
            }
        }
        Msg::Version(n) => {
            let v = n.saturating_sub(1);
            if v >= m.analysis.versions.len() {
                m.message = Some(format!("no version {n}"));
            } else if v == m.base() {
                m.message = Some(format!("version {n} is the base"));
            } else {
                m.show_version(v);
            }
        }
        Msg::MakeBase => {
            if m.other == m.base() {
                m.message = Some("only one version".into());
            } else {
                m.message = Some(format!(
                    "re-basing on {}…",
                    m.analysis.versions[m.other].name
                ));
                return Effect::Rebase;
            }
        }
        Msg::Rebase => make_base(m),
        Msg::CycleFilter => {
            m.filter = match m.filter {
                Filter::All => Filter::Changes,
                Filter::Changes => Filter::Major,
                Filter::Major => Filter::All,
            };
            m.rebuild_items();
            m.message = Some(format!("showing {}", m.filter.name()));
        }
        Msg::ToggleWrap => {
            m.wrap = !m.wrap;
            m.message = Some(if m.wrap { "wrapping" } else { "truncating" }.into());
        }
        Msg::ToggleInline => {
            m.inline = Some(!m.inline_mode());
            m.skip = 0;
        }
        Msg::StartSearch => m.prompt = Some(Prompt::Search(String::new())),
        Msg::StartExport => m.prompt = Some(Prompt::Export(default_export_name(m))),
        Msg::PromptChar(c) => match m.prompt.take() {
            Some(Prompt::Overwrite(path)) => {
                if c == 'y' || c == 'Y' {
                    return Effect::Export {
                        path,
                        overwrite: true,
                    };
                }
                m.message = Some("not exported".into());
            }
            Some(Prompt::Search(mut s)) => {
                s.push(c);
                m.prompt = Some(Prompt::Search(s));
            }
            Some(Prompt::Export(mut s)) => {
                s.push(c);
                m.prompt = Some(Prompt::Export(s));
            }
            None => {}
        },
        Msg::PromptBackspace => match &mut m.prompt {
            Some(Prompt::Search(s)) | Some(Prompt::Export(s)) => {
                s.pop();
            }
            _ => {}
        },
        Msg::PromptCancel => {
            if matches!(m.prompt, Some(Prompt::Overwrite(_))) {
                m.message = Some("not exported".into());
            }
            m.prompt = None;
        }
        Msg::PromptSubmit => match m.prompt.take() {
            Some(Prompt::Search(q)) => {
                if q.is_empty() {
                    m.search = None;
                    m.hits.clear();
                } else {
                    m.search = Some(q);
                    m.recompute_hits();
                    if m.hits.is_empty() {
                        m.message = Some("no match".into());
                    } else {
                        let cur = m.sel;
                        let first = m.hits.iter().copied().find(|&h| h >= cur);
                        let target = first.unwrap_or(m.hits[0]);
                        m.screen = Screen::Compare;
                        let note = land(m, target);
                        m.message = Some(format!("{}{note}", hit_message(m, m.sel)));
                    }
                }
            }
            Some(Prompt::Export(path)) => {
                if path.trim().is_empty() {
                    m.message = Some("not exported".into());
                } else {
                    return Effect::Export {
                        path: path.trim().to_string(),
                        overwrite: false,
                    };
                }
            }
            Some(Prompt::Overwrite(_)) => m.message = Some("not exported".into()),
            None => {}
        },
        Msg::ConfirmOverwrite(path) => m.prompt = Some(Prompt::Overwrite(path)),
        Msg::Exported(r) => {
            m.message = Some(match r {
                Ok(p) => format!("exported to {p}"),
                Err(e) => format!("export failed: {e}"),
            })
        }
        Msg::Activate => match m.screen {
            Screen::Compare => {
                if let Some(Item::Fold { first, .. }) = m.items.get(m.sel).copied() {
                    m.expanded.insert(first);
                    m.rebuild_items();
                    m.sel = m.item_at_pair(first);
                }
            }
            Screen::Overview => open_cell(m),
        },
        Msg::Click { col, row } => click(m, col, row),
    }
    Effect::None
}

fn hit_message(m: &State, item: usize) -> String {
    let k = m.hits.iter().position(|&h| h == item).map_or(0, |k| k + 1);
    format!("match {k} of {}", m.hits.len())
}

/// Go to search hit `item`. A fold of page furniture holding the match is unfolded and
/// its matching row selected; the returned note then says so, for the status line.
fn land(m: &mut State, item: usize) -> &'static str {
    let fold = match m.items.get(item) {
        Some(&Item::Fold { first, .. }) => Some(first),
        _ => None,
    };
    match (fold, m.first_match_in_fold(item)) {
        (Some(first), Some(p)) => {
            m.expanded.insert(first);
            m.rebuild_items();
            let row = m.item_at_pair(p);
            m.reveal(row);
            " · unfolded page furniture"
        }
        _ => {
            m.reveal(item);
            ""
        }
    }
}

/// n / N: the next change, or the next search hit while a search is active.
fn step(m: &mut State, forward: bool) {
    if m.screen == Screen::Overview {
        let rows = &m.analysis.rows;
        let changed = |r: usize| {
            rows[r]
                .cells
                .iter()
                .enumerate()
                .any(|(v, c)| v != m.analysis.base && !is_identical_cell(m, v, c))
        };
        let found = if forward {
            (m.ov_row + 1..rows.len()).find(|&r| changed(r))
        } else {
            (0..m.ov_row).rev().find(|&r| changed(r))
        };
        match found {
            Some(r) => m.ov_row = r,
            None => m.message = Some("no more changes".into()),
        }
        return;
    }
    let cur = m.sel;
    let target = if m.search.is_some() {
        if m.hits.is_empty() {
            m.message = Some("no match".into());
            return;
        }
        let t = if forward {
            m.hits.iter().copied().find(|&h| h > cur)
        } else {
            m.hits.iter().rev().copied().find(|&h| h < cur)
        };
        match t {
            Some(t) => Some(t),
            None => {
                // Wrap around, saying so.
                let t = if forward {
                    m.hits[0]
                } else {
                    m.hits[m.hits.len() - 1]
                };
                let note = land(m, t);
                m.message = Some(format!("{} (wrapped){note}", hit_message(m, m.sel)));
                return;
            }
        }
    } else if forward {
        (cur + 1..m.items.len()).find(|&i| m.is_change(i))
    } else {
        (0..cur).rev().find(|&i| m.is_change(i))
    };
    match target {
        Some(t) if m.search.is_some() => {
            let note = land(m, t);
            m.message = Some(format!("{}{note}", hit_message(m, m.sel)));
        }
        Some(t) => m.reveal(t),
        None => {
            m.message = Some(if forward {
                "no more changes below".into()
            } else {
                "no more changes above".into()
            })
        }
    }
}

pub(crate) fn is_identical_cell(m: &State, v: usize, c: &crate::engine::Cell) -> bool {
    use crate::engine::{Cell, LinkKind};
    match c {
        Cell::Linked { link, .. } => m
            .analysis
            .comparison(v)
            .and_then(|cmp| cmp.links.get(*link))
            .is_some_and(|l| l.kind == LinkKind::Identical && !l.moved),
        Cell::Empty | Cell::Base(_) => false,
        Cell::Unmatched(_) => false,
    }
}

/// b: the shown version becomes the base; the old base is shown on the right.
fn make_base(m: &mut State) {
    let new_base = m.other;
    let old_base = m.analysis.base;
    if new_base == old_base {
        m.message = Some("only one version".into());
        return;
    }
    crate::engine::rebase(&mut m.analysis, new_base);
    m.derivation = crate::engine::derive(&m.analysis);
    m.other = old_base;
    m.items.clear();
    m.rebuild_pairs();
    m.top = 0;
    m.skip = 0;
    m.sel = 0;
    m.message = Some(format!(
        "base is now {}",
        m.analysis.versions[new_base].name
    ));
}

/// Tab, Shift-Tab or a digit in the Overview: move its cursor to version `v`'s column;
/// Compare follows (shows `v` unless it is the base), as Enter would.
fn select_column(m: &mut State, v: usize) {
    m.ov_col = v;
    if v != m.base() {
        m.show_version(v);
    }
}

/// Enter on an Overview cell: Compare that version at that row.
fn open_cell(m: &mut State) {
    let v = m.ov_col;
    if v != m.base() {
        m.show_version(v);
    }
    m.screen = Screen::Compare;
    if m.filter != Filter::All {
        m.filter = Filter::All;
        m.rebuild_items();
    }
    if let Some(p) = m.pair_for_row(m.ov_row) {
        let item = m.item_at_pair(p);
        m.top = item;
        m.skip = 0;
        m.sel = item;
        m.clamp();
    }
}

fn click(m: &mut State, col: u16, row: u16) {
    if m.help {
        m.help = false;
        return;
    }
    let header = super::state::HEADER;
    if row < header || row >= m.rows.saturating_sub(super::state::STATUS) {
        return;
    }
    let y = (row - header) as usize;
    match m.screen {
        Screen::Compare => {
            if let Some(i) = m.item_at_line(y) {
                m.sel = i;
            }
        }
        Screen::Overview => {
            let r = m.ov_top + y;
            let label = m.overview_label_width();
            let c = col as usize;
            if r >= m.analysis.rows.len() || c < label {
                return;
            }
            let v = (c - label) / 3;
            if v < m.analysis.versions.len() {
                m.ov_row = r;
                m.ov_col = v;
                open_cell(m);
            }
        }
    }
}

fn default_export_name(m: &State) -> String {
    let stem = |v: usize| {
        let name = &m.analysis.versions[v].name;
        let file = name.rsplit('/').next().unwrap_or(name);
        file.rsplit_once('.').map_or(file, |(s, _)| s).to_string()
    };
    format!("{}-vs-{}.txt", stem(m.base()), stem(m.other))
}
