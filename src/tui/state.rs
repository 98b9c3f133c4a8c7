//! The viewer's state: plain data (analysis, shown version, screen, scroll position,
//! filter, search, prompt, terminal size), the findings of every version (made once per
//! analysis) and of each shown row, plus a per-width cache of laid-out rows and the
//! search's lower-cased text (`search_text`). Navigation helpers here only read and move
//! positions; `update` decides when.

use std::cell::{OnceCell, RefCell};
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

use super::blocks::{self, Block, Geometry};
use super::findings::FindingsList;
use super::search_text::LowerCased;
use super::theme::{Gutter, Theme};
use crate::engine::{Analysis, Cell};
use crate::engine::{Derivation, PairRow};
use crate::render::findings::RowFindings;

/// Smallest usable terminal width: narrower, the viewer only asks for a larger terminal.
pub const MIN_COLS: u16 = 40;
/// Smallest usable terminal height: lower, the viewer only asks for a larger terminal.
pub const MIN_ROWS: u16 = 10;
/// Narrower than this, Compare starts in inline mode.
pub const INLINE_BELOW: u16 = 80;
/// Lines of header above the body of every screen, of detail below it (what the selected
/// row, cell or finding is, its findings spelled out) and of status at the bottom.
pub const HEADER: u16 = 2;
/// Lines of detail below the body: what the selected row, cell or finding is.
pub const DETAIL: u16 = 1;
/// Lines of status at the bottom: keys, messages and the prompt being typed.
pub const STATUS: u16 = 1;
/// Lines kept above a revealed row (a quarter of the body at most): enough to see what
/// leads to it without pushing it far down.
const REVEAL_CONTEXT: usize = 3;
/// Gutter cells between the columns (or left of the inline column).
pub const GUTTER: u16 = 3;
/// Cells of one version's column in the Overview grid: a symbol between brackets (the
/// cursor) or spaces.
pub const OVERVIEW_COLUMN: usize = 3;

/// The screen in front.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The base and one other version side by side (or inline), row by row.
    Compare,
    /// Every version at once: one line per collation row, one column per version.
    Overview,
    /// The findings of every version, one per line.
    Findings,
}

/// Which Compare rows are shown, from all to the fewest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// Every row; runs of boilerplate folded unless the user expanded them.
    All,
    /// Every row that is not identical (boilerplate hidden).
    Changes,
    /// Rewrite, paraphrase and partial links and moves only.
    Major,
    /// Rows holding a finding only.
    Findings,
}

impl Filter {
    /// The filter after this one (f cycles all, changes, major, findings).
    pub fn next(self) -> Filter {
        match self {
            Filter::All => Filter::Changes,
            Filter::Changes => Filter::Major,
            Filter::Major => Filter::Findings,
            Filter::Findings => Filter::All,
        }
    }

    /// How the status line names the filter once chosen.
    pub fn name(self) -> &'static str {
        match self {
            Filter::All => "all rows",
            Filter::Changes => "changes only",
            Filter::Major => "rewrite, paraphrase, partial, moved",
            Filter::Findings => "findings only",
        }
    }
}

/// A line being typed at the bottom of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prompt {
    /// After /: the search query typed so far.
    Search(String),
    /// After e: the export's file name typed so far.
    Export(String),
    /// The file exists: y overwrites, anything else cancels.
    Overwrite(String),
}

/// One entry of the Compare list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// A pair row (index into `State::pairs`).
    Row(usize),
    /// `count` consecutive rows of boilerplate from `first`, holding `sentences`
    /// sentences in all.
    Fold {
        /// The first pair row folded (index into `State::pairs`).
        first: usize,
        /// How many consecutive pair rows the fold stands for.
        count: usize,
        /// How many sentences those rows hold (the larger side of each row, summed).
        sentences: usize,
        /// How many of them are the base's: the fold is drawn on the side (or sides)
        /// that holds them.
        base: usize,
        /// How many of them are the other version's.
        other: usize,
    },
}

impl Item {
    /// The pair row this entry starts with (a fold's first row).
    pub fn first_pair(self) -> usize {
        match self {
            Item::Row(p) => p,
            Item::Fold { first, .. } => first,
        }
    }
}

/// Laid-out items of the shown comparison at one layout (base, shown version,
/// geometry); a different layout forgets them all.
#[derive(Debug, Default)]
struct LayoutCache {
    layout: Option<(usize, usize, Geometry)>,
    blocks: HashMap<Item, Rc<Block>>,
}

impl LayoutCache {
    /// The block of `item` at `layout`, laid out by `lay_out` unless kept from before.
    fn get_or_lay_out(
        &mut self,
        layout: (usize, usize, Geometry),
        item: Item,
        lay_out: impl FnOnce() -> Block,
    ) -> Rc<Block> {
        if self.layout != Some(layout) {
            self.layout = Some(layout);
            self.blocks.clear();
        }
        self.blocks
            .entry(item)
            .or_insert_with(|| Rc::new(lay_out()))
            .clone()
    }

    fn clear(&mut self) {
        self.blocks.clear();
    }

    fn len(&self) -> usize {
        self.blocks.len()
    }
}

impl std::hash::Hash for Item {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        match self {
            Item::Row(p) => (0u8, *p).hash(state),
            Item::Fold { first, .. } => (1u8, *first).hash(state),
        }
    }
}

/// Everything the viewer shows and where the user is in it.
#[derive(Debug)]
pub struct State {
    /// Every version and its comparison with the base.
    pub analysis: Analysis,
    /// Who copies whom (made when the Overview first shows it, and again after a rebase).
    derivation: OnceCell<Derivation>,
    /// Every version's findings (remade only when the analysis is).
    pub findings: FindingsList,
    /// The colours or monochrome marks the screens are painted with.
    pub theme: Theme,
    /// The screen in front.
    pub screen: Screen,
    /// True while the help is open over the screen.
    pub help: bool,
    /// First line of the help shown (when the help is taller than the screen).
    pub help_scroll: usize,
    /// Which Compare rows are shown.
    pub filter: Filter,
    /// True to wrap long sentences; false cuts them at the column's edge.
    pub wrap: bool,
    /// Inline mode chosen by the user; `None` follows the width.
    pub inline: Option<bool>,
    /// The terminal's width, in cells.
    pub cols: u16,
    /// The terminal's height, in cells.
    pub rows: u16,
    /// The version shown on the right.
    pub other: usize,
    /// Rows of the comparison of `other` with the base.
    pub pairs: Vec<PairRow>,
    /// The findings each of those rows holds.
    pub row_findings: RowFindings,
    /// What the Compare list shows, after filter and folds.
    pub items: Vec<Item>,
    /// Folds (by first pair row) the user expanded.
    pub expanded: BTreeSet<usize>,
    /// First item in view and how many of its lines are scrolled off.
    pub top: usize,
    /// How many lines of the first item in view are scrolled off above the body.
    pub skip: usize,
    /// Selected item.
    pub sel: usize,
    /// The active search query; `None` when no search is on.
    pub search: Option<String>,
    /// Items matching the search.
    pub hits: Vec<usize>,
    /// The line being typed at the bottom, if any.
    pub prompt: Option<Prompt>,
    /// A note for the status line (no match, filter chosen…), cleared by the next key.
    pub message: Option<String>,
    /// Overview cursor (collation row, version) and first row in view.
    pub ov_row: usize,
    /// The Overview cursor's version (column).
    pub ov_col: usize,
    /// The first collation row in view on the Overview.
    pub ov_top: usize,
    /// Findings screen: the entry selected and the first in view.
    pub fl_sel: usize,
    /// The first entry in view on the Findings screen.
    pub fl_top: usize,
    /// True once the user asked to leave: the run loop ends.
    pub quit: bool,
    cache: RefCell<LayoutCache>,
    /// Pair rows of versions shown before against the current base, with the findings of
    /// each row (Tab back is cheap).
    pairs_of: HashMap<usize, (Vec<PairRow>, RowFindings)>,
    /// Lower-cased sentences per version, for search (made on first use).
    lowered: LowerCased,
}

impl State {
    /// The state a viewer opens with: Compare, every row, the first version that is not
    /// the base on the right, at a terminal of `cols` x `rows` cells.
    pub fn new(analysis: Analysis, color: bool, cols: u16, rows: u16) -> State {
        let other = default_other(&analysis);
        let mut state = State {
            derivation: OnceCell::new(),
            findings: FindingsList::default(),
            theme: Theme::new(color),
            screen: Screen::Compare,
            help: false,
            help_scroll: 0,
            filter: Filter::All,
            wrap: true,
            inline: None,
            cols,
            rows,
            other,
            pairs: Vec::new(),
            row_findings: RowFindings::default(),
            items: Vec::new(),
            expanded: BTreeSet::new(),
            top: 0,
            skip: 0,
            sel: 0,
            search: None,
            hits: Vec::new(),
            prompt: None,
            message: None,
            ov_row: 0,
            ov_col: analysis.base,
            ov_top: 0,
            fl_sel: 0,
            fl_top: 0,
            quit: false,
            cache: RefCell::new(LayoutCache::default()),
            pairs_of: HashMap::new(),
            lowered: LowerCased::new(analysis.versions.len()),
            analysis,
        };
        state.rebuild_pairs();
        state
    }

    /// Who copies whom among the versions (computed on first use).
    pub fn derivation(&self) -> &Derivation {
        self.derivation
            .get_or_init(|| crate::engine::derive(&self.analysis))
    }

    /// Forget the derivation (the analysis changed).
    pub fn forget_derivation(&mut self) {
        self.derivation = OnceCell::new();
    }

    /// The index of the base, the version every other one is compared with.
    pub fn base(&self) -> usize {
        self.analysis.base
    }

    /// True when the terminal is below the smallest usable size.
    pub fn too_small(&self) -> bool {
        self.cols < MIN_COLS || self.rows < MIN_ROWS
    }

    /// True when Compare shows one inline column: as chosen, else when the terminal is narrow.
    pub fn inline_mode(&self) -> bool {
        self.inline.unwrap_or(self.cols < INLINE_BELOW)
    }

    /// Column widths for the current size and mode.
    pub fn geometry(&self) -> Geometry {
        let usable = self.cols.saturating_sub(GUTTER) as usize;
        if self.inline_mode() {
            Geometry {
                inline: true,
                wrap: self.wrap,
                left: usable,
                right: 0,
            }
        } else {
            let left = usable / 2;
            Geometry {
                inline: false,
                wrap: self.wrap,
                left,
                right: usable - left,
            }
        }
    }

    /// Lines of help content shown at once (the overlay's height inside its border).
    pub fn help_height(&self) -> usize {
        self.rows.saturating_sub(2) as usize
    }

    /// Lines available for the body of a screen (Compare rows, Overview grid, Findings
    /// list).
    pub fn body_height(&self) -> usize {
        self.rows.saturating_sub(HEADER + DETAIL + STATUS) as usize
    }

    /// The screen line of the detail line.
    pub fn detail_line(&self) -> u16 {
        self.rows.saturating_sub(DETAIL + STATUS)
    }

    /// Recompute the pair rows of the shown version (after a base change: pair rows
    /// kept for other versions are dropped too, and every version's findings are listed
    /// again).
    pub fn rebuild_pairs(&mut self) {
        self.pairs_of.clear();
        self.findings = FindingsList::new(&self.analysis);
        self.pairs = self.compute_pairs(self.other);
        self.row_findings = self.compute_row_findings();
        self.expanded.clear();
        self.rebuild_items();
    }

    fn compute_pairs(&self, v: usize) -> Vec<PairRow> {
        crate::engine::pair_rows(&self.analysis, v)
    }

    /// The findings of each shown pair row.
    fn compute_row_findings(&self) -> RowFindings {
        match self.analysis.comparison(self.other) {
            Some(cmp) => RowFindings::new(cmp, &self.pairs),
            None => RowFindings::default(),
        }
    }

    /// Show the pair rows of version `v` (kept from an earlier visit or computed), keeping
    /// those of the version shown so far for later.
    fn switch_pairs(&mut self, v: usize) {
        let kept = self.pairs_of.remove(&v);
        let shown = (
            std::mem::take(&mut self.pairs),
            std::mem::take(&mut self.row_findings),
        );
        self.pairs_of.insert(self.other, shown);
        self.other = v;
        match kept {
            Some((pairs, row_findings)) => (self.pairs, self.row_findings) = (pairs, row_findings),
            None => {
                self.pairs = self.compute_pairs(v);
                self.row_findings = self.compute_row_findings();
            }
        }
        self.expanded.clear();
        self.rebuild_items();
    }

    /// Recompute the item list (after a filter, fold or pair change); keeps the position
    /// on the same pair row where possible.
    pub fn rebuild_items(&mut self) {
        let anchor = self.items.get(self.sel).map(|i| i.first_pair());
        let top_anchor = self.items.get(self.top).map(|i| i.first_pair());
        let mut items = Vec::new();
        let mut p = 0;
        while p < self.pairs.len() {
            let row = &self.pairs[p];
            match self.filter {
                Filter::All => {
                    if row.boilerplate && !self.expanded.contains(&p) {
                        let first = p;
                        let (mut sentences, mut base, mut other) = (0, 0, 0);
                        while p < self.pairs.len() && self.pairs[p].boilerplate {
                            let row = &self.pairs[p];
                            sentences += row.base.len().max(row.other.len());
                            base += row.base.len();
                            other += row.other.len();
                            p += 1;
                        }
                        items.push(Item::Fold {
                            first,
                            count: p - first,
                            sentences,
                            base,
                            other,
                        });
                        continue;
                    }
                    if row.boilerplate {
                        // An expanded fold: all its rows.
                        while p < self.pairs.len() && self.pairs[p].boilerplate {
                            items.push(Item::Row(p));
                            p += 1;
                        }
                        continue;
                    }
                    items.push(Item::Row(p));
                }
                Filter::Changes => {
                    if !row.boilerplate && Gutter::of(row.kind).is_change() {
                        items.push(Item::Row(p));
                    }
                }
                Filter::Major => {
                    if !row.boilerplate && Gutter::of(row.kind).is_major() {
                        items.push(Item::Row(p));
                    }
                }
                Filter::Findings => {
                    if !row.boilerplate && !self.row_findings.of_row(p).is_empty() {
                        items.push(Item::Row(p));
                    }
                }
            }
            p += 1;
        }
        self.items = items;
        self.cache.borrow_mut().clear();
        self.sel = anchor.map_or(0, |a| self.item_at_pair(a));
        self.top = top_anchor.map_or(0, |a| self.item_at_pair(a));
        self.skip = 0;
        self.recompute_hits();
        self.clamp();
    }

    /// The item holding pair row `p`, or the next shown one after it (the last if none).
    pub fn item_at_pair(&self, p: usize) -> usize {
        let idx = self.items.partition_point(|i| match *i {
            Item::Row(q) => q < p,
            Item::Fold { first, count, .. } => first + count <= p,
        });
        idx.min(self.items.len().saturating_sub(1))
    }

    /// Laid-out lines of an item at the current geometry (cached per width).
    pub fn block(&self, item: usize) -> Rc<Block> {
        let Some(&shown) = self.items.get(item) else {
            return Rc::new(Block::default());
        };
        let geometry = self.geometry();
        let layout = (self.analysis.base, self.other, geometry);
        self.cache
            .borrow_mut()
            .get_or_lay_out(layout, shown, || match shown {
                Item::Row(p) => {
                    blocks::row_block(&self.analysis, self.other, &self.pairs[p], geometry)
                }
                Item::Fold {
                    sentences,
                    base,
                    other,
                    ..
                } => blocks::fold_block(sentences, (base, other), geometry),
            })
    }

    /// Lines that Compare entry `item` takes at the current geometry.
    pub fn height(&self, item: usize) -> usize {
        self.block(item).height()
    }

    /// Number of blocks laid out so far at this width (for tests of laziness).
    pub fn cached_blocks(&self) -> usize {
        self.cache.borrow().len()
    }

    /// Forget every laid-out row (the next draw lays out what it shows afresh); for
    /// benchmarks of a cold redraw.
    pub fn clear_layout_cache(&self) {
        self.cache.borrow_mut().clear();
    }

    /// Gutter kind of an item (a row holding findings is marked as such whatever its
    /// kind).
    pub fn gutter(&self, item: usize) -> Gutter {
        match self.items.get(item) {
            Some(Item::Row(p)) if self.pairs[*p].boilerplate => Gutter::Boilerplate,
            Some(Item::Row(p)) if !self.row_findings.of_row(*p).is_empty() => Gutter::Finding,
            Some(Item::Row(p)) => Gutter::of(self.pairs[*p].kind),
            Some(Item::Fold { .. }) => Gutter::Boilerplate,
            None => Gutter::Empty,
        }
    }

    /// The findings (indices into the shown comparison's `findings`) of item `item`.
    pub fn item_findings(&self, item: usize) -> &[usize] {
        match self.items.get(item) {
            Some(Item::Row(p)) => self.row_findings.of_row(*p),
            _ => &[],
        }
    }

    /// Put pair row `p` in view as a row of its own, selected: a filter that hides it is
    /// turned off, a fold holding it unfolded.
    pub fn reveal_pair(&mut self, p: usize) {
        if !matches!(self.items.get(self.item_at_pair(p)), Some(Item::Row(q)) if *q == p) {
            if self.filter != Filter::All {
                self.filter = Filter::All;
                self.rebuild_items();
            }
            if let Some(&Item::Fold { first, .. }) = self.items.get(self.item_at_pair(p)) {
                self.expanded.insert(first);
                self.rebuild_items();
            }
        }
        let item = self.item_at_pair(p);
        self.reveal(item);
    }

    /// The last scroll position that still fills the body.
    fn max_pos(&self) -> (usize, usize) {
        let mut remaining = self.body_height().max(1);
        let mut i = self.items.len();
        while i > 0 {
            i -= 1;
            let height = self.height(i);
            if height >= remaining {
                return (i, height - remaining);
            }
            remaining -= height;
        }
        (0, 0)
    }

    /// Keep positions valid: after every message, since a resize can shrink content.
    pub fn clamp(&mut self) {
        self.clamp_compare();
        self.help_scroll = self
            .help_scroll
            .min(super::help_text::LINE_COUNT.saturating_sub(self.help_height()));
        self.clamp_overview();
        self.clamp_findings();
    }

    /// The Findings cursor within the list, and its first line such that the cursor is
    /// in view.
    fn clamp_findings(&mut self) {
        let count = self.findings.entries.len();
        self.fl_sel = self.fl_sel.min(count.saturating_sub(1));
        let height = self.body_height().max(1);
        if self.fl_sel < self.fl_top {
            self.fl_top = self.fl_sel;
        } else if self.fl_sel >= self.fl_top + height {
            self.fl_top = self.fl_sel + 1 - height;
        }
        self.fl_top = self.fl_top.min(count.saturating_sub(height));
    }

    /// The Compare position and selection within the items, the body filled.
    fn clamp_compare(&mut self) {
        if self.items.is_empty() {
            self.top = 0;
            self.skip = 0;
            self.sel = 0;
            return;
        }
        self.top = self.top.min(self.items.len() - 1);
        self.skip = self.skip.min(self.height(self.top) - 1);
        let max = self.max_pos();
        if (self.top, self.skip) > max {
            (self.top, self.skip) = max;
        }
        self.sel = self.sel.min(self.items.len() - 1);
    }

    /// The Overview cursor within the grid, and its first row such that the cursor is in
    /// view.
    fn clamp_overview(&mut self) {
        let rows = self.analysis.rows.len();
        self.ov_row = self.ov_row.min(rows.saturating_sub(1));
        self.ov_col = self
            .ov_col
            .min(self.analysis.versions.len().saturating_sub(1));
        let height = self.overview_height().max(1);
        if self.ov_row < self.ov_top {
            self.ov_top = self.ov_row;
        } else if self.ov_row >= self.ov_top + height {
            self.ov_top = self.ov_row + 1 - height;
        }
        self.ov_top = self.ov_top.min(rows.saturating_sub(height));
    }

    /// Scroll the Compare body by `lines` (negative: up); the selection follows into
    /// view.
    pub fn scroll(&mut self, lines: i64) {
        if self.items.is_empty() {
            return;
        }
        if lines > 0 {
            self.scroll_down(lines as usize);
        } else {
            self.scroll_up(lines.unsigned_abs() as usize);
        }
        self.clamp();
        let (first, last) = self.visible_items();
        if self.sel < first {
            self.sel = first;
        } else if self.sel > last {
            self.sel = last;
        }
    }

    /// Move the position `lines` down, stopping where the body is last filled.
    fn scroll_down(&mut self, mut lines: usize) {
        while lines > 0 {
            let height = self.height(self.top);
            if self.skip + lines < height {
                self.skip += lines;
                lines = 0;
            } else if self.top + 1 < self.items.len() {
                lines -= height - self.skip;
                self.top += 1;
                self.skip = 0;
            } else {
                self.skip = height - 1;
                lines = 0;
            }
            if (self.top, self.skip) >= self.max_pos() {
                break;
            }
        }
    }

    /// Move the position `lines` up, stopping at the first line.
    fn scroll_up(&mut self, mut lines: usize) {
        let within_top = self.skip.min(lines);
        self.skip -= within_top;
        lines -= within_top;
        while lines > 0 && self.top > 0 {
            self.top -= 1;
            let height = self.height(self.top);
            if lines <= height {
                self.skip = height - lines;
                lines = 0;
            } else {
                lines -= height;
            }
        }
    }

    /// First and last item (at least partly) in view.
    pub fn visible_items(&self) -> (usize, usize) {
        let mut lines = 0;
        let mut i = self.top;
        let body = self.body_height();
        let mut first_lines = true;
        while i < self.items.len() {
            let shown = self
                .height(i)
                .saturating_sub(if first_lines { self.skip } else { 0 });
            first_lines = false;
            lines += shown;
            if lines >= body {
                break;
            }
            i += 1;
        }
        (self.top, i.min(self.items.len().saturating_sub(1)))
    }

    /// Put `item` in view with a little context above, unless it is fully visible.
    pub fn reveal(&mut self, item: usize) {
        self.sel = item;
        let (first, last) = self.visible_items();
        let fully = item > first || (item == first && self.skip == 0);
        if fully && item < last {
            return;
        }
        self.top = item;
        self.skip = 0;
        let context = (self.body_height() / 4).min(REVEAL_CONTEXT) as i64;
        self.scroll(-context);
        self.sel = item;
        self.clamp();
    }

    /// Item shown on body line `line` (0 = first body line).
    pub fn item_at_line(&self, line: usize) -> Option<usize> {
        let mut lines = 0;
        let mut i = self.top;
        let mut first = true;
        while i < self.items.len() {
            let shown = self.height(i) - if first { self.skip } else { 0 };
            first = false;
            if line < lines + shown {
                return Some(i);
            }
            lines += shown;
            i += 1;
        }
        None
    }

    /// The item is a change worth stopping at with n/N.
    pub fn is_change(&self, item: usize) -> bool {
        match self.items.get(item) {
            Some(Item::Row(p)) => {
                !self.pairs[*p].boilerplate && Gutter::of(self.pairs[*p].kind).is_change()
            }
            _ => false,
        }
    }

    /// Plain text of both sides of an item, for search (nothing for a fold: see
    /// [`State::pair_text`] for its rows).
    pub fn item_text(&self, item: usize) -> (String, String) {
        match self.items.get(item) {
            Some(Item::Row(p)) => self.pair_text(*p),
            _ => (String::new(), String::new()),
        }
    }

    /// Plain text of both sides of pair row `p`.
    pub fn pair_text(&self, p: usize) -> (String, String) {
        let Some(row) = self.pairs.get(p) else {
            return (String::new(), String::new());
        };
        let a = &self.analysis;
        (
            a.versions[a.base].joined(&row.base),
            a.versions[self.other].joined(&row.other),
        )
    }

    /// Find the items matching the search again (case-insensitive, either side). A fold
    /// of boilerplate matches when one of its rows does.
    pub fn recompute_hits(&mut self) {
        self.prepare_search();
        let hits = match self.pair_matcher() {
            Some(matches) => (0..self.items.len())
                .filter(|&i| match self.items[i] {
                    Item::Row(p) => matches(p),
                    Item::Fold { first, count, .. } => (first..first + count).any(&matches),
                })
                .collect(),
            None => Vec::new(),
        };
        self.hits = hits;
    }

    /// The first pair row folded into item `item` that matches the search.
    pub fn first_match_in_fold(&mut self, item: usize) -> Option<usize> {
        let Some(Item::Fold { first, count, .. }) = self.items.get(item).copied() else {
            return None;
        };
        self.prepare_search();
        let matches = self.pair_matcher()?;
        (first..first + count).find(|&p| matches(p))
    }

    /// Whether pair row `p` matches the active search; `None` without one. The shown
    /// versions' lower-cased text must be prepared first.
    fn pair_matcher(&self) -> Option<impl Fn(usize) -> bool + '_> {
        let query = self.search.as_deref().filter(|query| !query.is_empty())?;
        let shown = (self.analysis.base, self.other);
        Some(self.lowered.matcher(query, &self.pairs, shown))
    }

    /// Make the lower-cased text of the two shown versions, for search.
    fn prepare_search(&mut self) {
        let shown = [self.analysis.base, self.other];
        self.lowered.prepare(&self.analysis, shown);
    }

    /// Versions other than the base, in order (Tab cycles through them).
    pub fn others(&self) -> Vec<usize> {
        (0..self.analysis.versions.len())
            .filter(|&v| v != self.analysis.base)
            .collect()
    }

    /// Show version `v` on the right, keeping the position on the same base sentence.
    pub fn show_version(&mut self, v: usize) {
        if v >= self.analysis.versions.len() || v == self.analysis.base {
            return;
        }
        // The selected row's first base sentence, or (for an added sentence) that of the
        // nearest row above that has one.
        let anchor = self.items.get(self.sel).and_then(|&i| {
            let p = i.first_pair();
            self.pairs
                .get(..=p)?
                .iter()
                .rev()
                .find_map(|r| r.base.first().copied())
        });
        self.switch_pairs(v);
        self.sel = 0;
        self.top = 0;
        if let Some(b) = anchor
            && let Some(p) = self.pairs.iter().position(|r| r.base.contains(&b))
        {
            let item = self.item_at_pair(p);
            self.reveal(item);
        }
        self.clamp();
    }

    /// Lines available to the Overview grid.
    pub fn overview_height(&self) -> usize {
        self.body_height()
    }

    /// Width of the row-number column of the Overview grid.
    pub fn overview_label_width(&self) -> usize {
        self.analysis.rows.len().max(1).to_string().len() + 1
    }

    /// The collation row showing item `item`: the row of its first base sentence, or
    /// (an added sentence) of its first sentence of the shown version.
    pub fn row_for_item(&self, item: usize) -> Option<usize> {
        let pairs = match *self.items.get(item)? {
            Item::Row(p) => p..p + 1,
            Item::Fold { first, count, .. } => first..first + count,
        };
        let pairs = self.pairs.get(pairs)?;
        let rows = &self.analysis.rows;
        if let Some(&b) = pairs.iter().find_map(|pr| pr.base.first()) {
            return rows.iter().position(|r| {
                matches!(r.cells.get(self.analysis.base), Some(Cell::Base(idx)) if idx.contains(&b))
            });
        }
        let &j = pairs.iter().find_map(|pr| pr.other.first())?;
        rows.iter().position(|r| match r.cells.get(self.other) {
            Some(Cell::Linked { sentences, .. }) | Some(Cell::Unmatched(sentences)) => {
                sentences.contains(&j)
            }
            _ => false,
        })
    }

    /// The pair row (of the comparison with version `v`) holding collation row `r`.
    pub fn pair_for_row(&self, r: usize) -> Option<usize> {
        let row = self.analysis.rows.get(r)?;
        let base_cell = row.cells.get(self.analysis.base)?;
        if let Cell::Base(b) = base_cell
            && let Some(&first) = b.first()
            && let Some(p) = self.pairs.iter().position(|pr| pr.base.contains(&first))
        {
            return Some(p);
        }
        match row.cells.get(self.other)? {
            Cell::Linked { sentences, .. } | Cell::Unmatched(sentences) => {
                let first = *sentences.first()?;
                self.pairs.iter().position(|pr| pr.other.contains(&first))
            }
            _ => {
                // Nothing of this version here: the nearest earlier row that has something.
                (0..r)
                    .rev()
                    .find_map(|q| match self.analysis.rows[q].cells.get(self.other) {
                        Some(Cell::Linked { sentences, .. }) | Some(Cell::Unmatched(sentences)) => {
                            let first = *sentences.first()?;
                            self.pairs.iter().position(|pr| pr.other.contains(&first))
                        }
                        _ => None,
                    })
            }
        }
    }
}

/// The version shown first: the first one that is not the base.
fn default_other(a: &Analysis) -> usize {
    (0..a.versions.len())
        .find(|&v| v != a.base)
        .unwrap_or(a.base)
}
