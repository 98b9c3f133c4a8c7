//! Colours and monochrome marks. Every mark has a colour-free form (bold, underline,
//! reverse, or a text symbol) so `--color never` and `NO_COLOR` lose nothing.

use ratatui::style::{Color, Modifier, Style};

use crate::engine::RowKind;
use crate::engine::{EditClass, LinkKind};
use crate::render::layout::Mark;
use crate::render::overview::CellMark;
use crate::render::symbols::{self, BOILERPLATE_SYMBOL, FINDING_SYMBOL};

/// Whether the viewer uses colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    /// Colour unless `NO_COLOR` is set (to anything non-empty).
    #[default]
    Auto,
    /// Colour even when `NO_COLOR` is set.
    Always,
    /// Monochrome marks only (bold, underline, reverse, symbols).
    Never,
}

impl ColorChoice {
    /// Resolve against the environment.
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }
}

/// Edit classes an editor must not miss: they get the loudest marks.
pub fn important(class: EditClass) -> bool {
    matches!(
        class,
        EditClass::Name | EditClass::Number | EditClass::Pronoun | EditClass::Quote
    )
}

/// Edit classes that rarely change meaning: the quietest marks.
pub fn cosmetic(class: EditClass) -> bool {
    matches!(
        class,
        EditClass::Punctuation | EditClass::Case | EditClass::Spelling
    )
}

/// Styles of the viewer, coloured or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// True to paint with colours; false uses the monochrome marks.
    pub color: bool,
}

/// What a row (or overview cell) is, for its gutter symbol and colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gutter {
    /// A link kept in order, by how much its two sentences differ.
    Kind(LinkKind),
    /// A link whose sentence changed place relative to the base.
    Moved,
    /// A sentence only the other version has.
    Added,
    /// A sentence of the base the other version lacks.
    Deleted,
    /// Page furniture (navigation, bylines, credits), marked, never counted.
    Boilerplate,
    /// The base's own sentence (an Overview cell of the base), or heading text.
    Base,
    /// Nothing: the version has no sentence there.
    Empty,
    /// A link holding findings (whatever its kind).
    Finding,
}

impl From<CellMark> for Gutter {
    fn from(mark: CellMark) -> Gutter {
        match mark {
            CellMark::Kind(kind) => Gutter::Kind(kind),
            CellMark::Moved => Gutter::Moved,
            CellMark::Added => Gutter::Added,
            CellMark::Deleted => Gutter::Deleted,
            CellMark::Boilerplate => Gutter::Boilerplate,
            CellMark::Base => Gutter::Base,
            CellMark::Empty => Gutter::Empty,
            CellMark::Finding => Gutter::Finding,
        }
    }
}

impl Gutter {
    /// What a Compare row of this kind shows in its gutter (a moved link as moved).
    pub fn of(kind: RowKind) -> Gutter {
        match kind {
            RowKind::Link { moved: true, .. } => Gutter::Moved,
            RowKind::Link { kind, .. } => Gutter::Kind(kind),
            RowKind::Added => Gutter::Added,
            RowKind::Deleted => Gutter::Deleted,
        }
    }

    /// One-cell symbol, ASCII so it survives any font; the same as the exports use.
    pub fn symbol(self) -> char {
        match self {
            Gutter::Kind(k) => symbols::kind_symbol(k),
            Gutter::Moved => symbols::row_symbol(RowKind::Link {
                kind: LinkKind::Identical,
                moved: true,
            }),
            Gutter::Added => symbols::row_symbol(RowKind::Added),
            Gutter::Deleted => symbols::row_symbol(RowKind::Deleted),
            Gutter::Boilerplate => BOILERPLATE_SYMBOL,
            Gutter::Base => '#',
            Gutter::Empty => ' ',
            Gutter::Finding => FINDING_SYMBOL,
        }
    }

    /// The word the detail line and the help use for it, the exports' vocabulary.
    pub fn name(self) -> &'static str {
        match self {
            Gutter::Kind(k) => k.name(),
            Gutter::Moved => "moved",
            Gutter::Added => "added",
            Gutter::Deleted => "deleted",
            Gutter::Boilerplate => "boilerplate",
            Gutter::Base => "base",
            Gutter::Empty => "absent",
            Gutter::Finding => "finding",
        }
    }

    /// Rows worth stopping at with n/N.
    pub fn is_change(self) -> bool {
        !matches!(
            self,
            Gutter::Kind(LinkKind::Identical) | Gutter::Boilerplate | Gutter::Base | Gutter::Empty
        )
    }

    /// Rewrite, paraphrase and partial links and moves (the third filter).
    pub fn is_major(self) -> bool {
        matches!(
            self,
            Gutter::Kind(LinkKind::Rewrite | LinkKind::Paraphrase | LinkKind::Partial)
                | Gutter::Moved
        )
    }
}

impl Theme {
    /// The theme with colours when `color`, else with monochrome marks.
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// Style of a gutter symbol (and of an Overview cell) of this kind.
    pub fn gutter(self, g: Gutter) -> Style {
        let base = Style::new().add_modifier(Modifier::BOLD);
        if !self.color {
            return match g {
                Gutter::Kind(LinkKind::Identical) | Gutter::Boilerplate | Gutter::Empty => {
                    Style::new()
                }
                Gutter::Finding => base.add_modifier(Modifier::REVERSED),
                _ => base,
            };
        }
        match g {
            Gutter::Kind(LinkKind::Identical) => Style::new().fg(Color::DarkGray),
            Gutter::Kind(LinkKind::Minor) => base.fg(Color::Blue),
            Gutter::Kind(LinkKind::Rewrite) => base.fg(Color::Yellow),
            Gutter::Kind(LinkKind::Paraphrase) => base.fg(Color::Magenta),
            Gutter::Kind(LinkKind::Partial) => base.fg(Color::Cyan),
            Gutter::Finding => base.fg(Color::LightRed),
            Gutter::Moved => base.fg(Color::LightBlue),
            Gutter::Added => base.fg(Color::Green),
            Gutter::Deleted => base.fg(Color::Red),
            Gutter::Boilerplate | Gutter::Empty => Style::new().fg(Color::DarkGray),
            Gutter::Base => base,
        }
    }

    /// Base style of a whole side of a row, before marks.
    pub fn row_text(self, g: Gutter) -> Style {
        match g {
            Gutter::Added => self.fg(Color::Green),
            Gutter::Deleted => self.fg(Color::Red),
            Gutter::Boilerplate => {
                if self.color {
                    Style::new().fg(Color::DarkGray)
                } else {
                    Style::new().add_modifier(Modifier::DIM)
                }
            }
            _ => Style::new(),
        }
    }

    /// Style of a marked run of text inside a link.
    pub fn mark(self, mark: Mark) -> Style {
        match mark {
            Mark::Plain => Style::new(),
            Mark::Dim => {
                if self.color {
                    Style::new().fg(Color::DarkGray)
                } else {
                    Style::new().add_modifier(Modifier::DIM)
                }
            }
            Mark::Deleted(c) => self.edit(c, Color::Red, Color::LightRed),
            Mark::Inserted(c) => self.edit(c, Color::Green, Color::LightGreen),
        }
    }

    fn edit(self, class: EditClass, strong: Color, soft: Color) -> Style {
        if important(class) {
            let s = Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED);
            if self.color {
                s.fg(strong)
            } else {
                s.add_modifier(Modifier::UNDERLINED)
            }
        } else if cosmetic(class) {
            if self.color {
                Style::new().fg(soft).add_modifier(Modifier::UNDERLINED)
            } else {
                Style::new().add_modifier(Modifier::UNDERLINED)
            }
        } else if self.color {
            Style::new().fg(strong).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// Style of the header line above every screen.
    pub fn header(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Cyan)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// Text naming findings (the header's counts, the detail line's notes): as loud as
    /// the gutter's `!`.
    pub fn finding(self) -> Style {
        self.gutter(Gutter::Finding)
    }

    /// Style of the status line at the bottom (the same as the header).
    pub fn status(self) -> Style {
        self.header()
    }

    /// Style of secondary text: hints, notes, boilerplate.
    pub fn dim(self) -> Style {
        self.mark(Mark::Dim)
    }

    /// Style laid over the selected row, cell or finding.
    pub fn selected(self) -> Style {
        if self.color {
            Style::new().bg(Color::Indexed(236))
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// Style of a search hit over a cell that already has `current` modifiers: without
    /// colour, a hit inside a reversed mark is cut out of it (not reversed, underlined
    /// and italic) instead of adding a reverse that is already there.
    pub fn hit_over(self, current: Modifier) -> Style {
        if !self.color && current.contains(Modifier::REVERSED) {
            Style::new()
                .remove_modifier(Modifier::REVERSED)
                .add_modifier(Modifier::UNDERLINED | Modifier::ITALIC)
        } else {
            self.hit()
        }
    }

    /// Style of a search hit over plain text.
    pub fn hit(self) -> Style {
        if self.color {
            Style::new().bg(Color::Yellow).fg(Color::Black)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::ITALIC)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_choices_ignore_the_environment() {
        assert!(ColorChoice::Always.enabled());
        assert!(!ColorChoice::Never.enabled());
    }

    #[test]
    fn monochrome_marks_differ_by_class_and_use_no_colour() {
        let t = Theme::new(false);
        let loud = t.mark(Mark::Deleted(EditClass::Pronoun));
        let word = t.mark(Mark::Deleted(EditClass::Word));
        let quiet = t.mark(Mark::Inserted(EditClass::Spelling));
        assert_ne!(loud, word);
        assert_ne!(word, quiet);
        assert_ne!(quiet, Style::new());
        for s in [loud, word, quiet] {
            assert_eq!((s.fg, s.bg), (None, None));
        }
    }

    #[test]
    fn gutter_symbols_are_distinct() {
        let all = [
            Gutter::Kind(LinkKind::Identical),
            Gutter::Kind(LinkKind::Minor),
            Gutter::Kind(LinkKind::Rewrite),
            Gutter::Kind(LinkKind::Paraphrase),
            Gutter::Kind(LinkKind::Partial),
            Gutter::Moved,
            Gutter::Added,
            Gutter::Deleted,
            Gutter::Boilerplate,
            Gutter::Base,
            Gutter::Finding,
        ];
        let mut syms: Vec<char> = all.iter().map(|g| g.symbol()).collect();
        syms.sort();
        syms.dedup();
        assert_eq!(syms.len(), all.len());
    }
}
