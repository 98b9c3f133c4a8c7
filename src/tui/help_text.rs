//! The help's content as data: every key binding, the gutter symbols, and every mark in
//! the text (shown as a sample in its own style, with what it means in colour and
//! without). The state bounds the help's scrolling by its length and the help overlay
//! draws it, so neither has to ask the other.

/// A sample of a mark, painted in the style the theme gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sample {
    /// Text removed or added by an edit of an important class (name, number, pronoun,
    /// quote).
    Important,
    /// Text removed or added by any other word edit.
    Word,
    /// Text changed only in punctuation, case or spelling.
    Cosmetic,
    /// Boilerplate, or a sentence with no partner.
    Dim,
    /// A search match.
    Hit,
    /// The selected row's gutter.
    Selected,
    /// The gutter of a row holding findings.
    Finding,
}

/// One line of the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpLine {
    /// A key binding: the keys, what they do.
    Binding(&'static str, &'static str),
    /// The title of a part.
    Heading(&'static str),
    /// A line of the legend.
    Text(&'static str),
    /// Gutter symbols, each painted as the gutter shows it, with its meaning.
    Symbols(&'static [(char, &'static str)]),
    /// A mark: its sample, and what it looks like and means in colour / without colour.
    Mark {
        /// The text painted in the mark's style.
        sample: &'static str,
        /// Which mark's style the sample is painted in.
        style: Sample,
        /// The explanation shown when colour is on.
        colour: &'static str,
        /// The explanation shown without colour.
        mono: &'static str,
    },
    /// A line of its own in colour / without colour.
    Either {
        /// The line shown when colour is on.
        colour: &'static str,
        /// The line shown without colour.
        mono: &'static str,
    },
    /// An empty line between parts.
    Blank,
}

use HelpLine::{Binding, Blank, Either, Heading, Mark, Symbols, Text};

/// The help, in order.
pub const LINES: [HelpLine; 38] = [
    Binding("j k  Down Up", "scroll one line (or the wheel)"),
    Binding("PgDn PgUp Space", "scroll one page (also C-f C-b)"),
    Binding("C-d C-u", "scroll half a page down / up"),
    Binding("g G  Home End", "top / bottom"),
    Binding("] [", "next / previous row with a finding"),
    Binding("n N", "next / previous change (or match)"),
    Binding("F", "findings of every version (Enter opens)"),
    Binding("Tab S-Tab  1-9", "next / previous / n-th version"),
    Binding("b", "make the shown version the base"),
    Binding("o", "overview of all versions"),
    Binding("f", "filter: all / changes / rewrite,"),
    Binding("", "  paraphrase, partial, moved / findings"),
    Binding("/", "search both columns (Enter)"),
    Binding("w", "wrap or truncate long sentences"),
    Binding("i", "inline [-old-]{+new+} or columns"),
    Binding("e", "export what is shown, with findings"),
    Binding("Enter", "unfold boilerplate / open cell, finding"),
    Binding("arrows h l", "move in the overview (or click)"),
    Binding("Esc", "close help, overview, findings, search"),
    Binding("q  C-c", "quit"),
    Binding("?", "this help (Esc q ? close it)"),
    Blank,
    Heading("Gutter of a row (and Overview cells)"),
    Mark {
        sample: " ! ",
        style: Sample::Finding,
        colour: "findings: a quote, negation, number,",
        mono: "findings: a quote, negation, number,",
    },
    Text("       name, pronoun or attribution changed"),
    Symbols(&[
        ('=', "identical"),
        ('~', "minor"),
        ('*', "rewrite"),
        ('%', "paraphrase"),
    ]),
    Symbols(&[('<', "partial"), ('m', "moved (from #N in that version)")]),
    Symbols(&[
        ('+', "added"),
        ('-', "deleted"),
        ('.', "boilerplate"),
        ('#', "base"),
    ]),
    Mark {
        sample: "[*]",
        style: Sample::Selected,
        colour: "the selected row (dark background)",
        mono: "the selected row (bold)",
    },
    Text("       the line above the status line says what"),
    Text("       it is and spells out its findings"),
    Blank,
    Either {
        colour: "Marks in the text: red removed, green added",
        mono: "Marks in the text (no colour: styles only)",
    },
    Mark {
        sample: "His",
        style: Sample::Important,
        colour: "bold, reversed: name, number, pronoun, quote",
        mono: "reversed, underlined: name, number, pronoun, quote",
    },
    Mark {
        sample: "word",
        style: Sample::Word,
        colour: "bold: any other word changed",
        mono: "reversed: any other word changed",
    },
    Mark {
        sample: "U.S.",
        style: Sample::Cosmetic,
        colour: "light, underlined: punctuation, case, spelling",
        mono: "underlined: punctuation, case or spelling only",
    },
    Mark {
        sample: "dim",
        style: Sample::Dim,
        colour: "grey: boilerplate, a sentence with no partner",
        mono: "dim: boilerplate, a sentence with no partner",
    },
    Mark {
        sample: "match",
        style: Sample::Hit,
        colour: "yellow: a search match",
        mono: "reversed, italic: a search match",
    },
];

/// Number of lines of the help's content.
pub const LINE_COUNT: usize = LINES.len();
