//! The help's content as data: every key binding and the legend of gutter symbols. The
//! state bounds the help's scrolling by its length and the help overlay draws it, so
//! neither has to ask the other.

/// Every key binding, as (keys, what they do).
pub const KEYS: [(&str, &str); 18] = [
    ("j k  Down Up", "scroll one line (or the wheel)"),
    ("PgDn PgUp Space", "scroll one page (also C-f C-b)"),
    ("C-d C-u", "scroll half a page down / up"),
    ("g G  Home End", "top / bottom"),
    ("n N", "next / previous change (or match)"),
    ("Tab S-Tab  1-9", "next / previous / n-th version"),
    ("b", "make the shown version the base"),
    ("o", "overview of all versions"),
    ("f", "filter: all / changes / rewrites+moves"),
    ("/", "search both columns (Enter)"),
    ("w", "wrap or truncate long sentences"),
    ("i", "inline [-old-]{+new+} or columns"),
    ("e", "export this comparison to a file"),
    ("Enter", "expand page furniture / open cell"),
    ("arrows h l", "move in the overview (or click)"),
    ("Esc", "close help, overview or search"),
    ("q  C-c", "quit"),
    ("?", "this help (Esc q ? close it)"),
];

/// What the gutter symbols mean, below the bindings.
pub const LEGEND: [&str; 3] = [
    "= identical  ~ minor  * rewrite  % paraphrase",
    "< partial  m moved (from #N in that version)",
    "+ added  - deleted  . page furniture",
];

/// Number of lines of the help's content: the bindings, a blank line, the legend.
pub const LINE_COUNT: usize = KEYS.len() + 1 + LEGEND.len();

/// The help's lines in order, each as (keys of a binding, text); the blank line and the
/// legend have no keys.
pub fn lines() -> impl Iterator<Item = (Option<&'static str>, &'static str)> {
    KEYS.iter()
        .map(|&(keys, action)| (Some(keys), action))
        .chain(std::iter::once((None, "")))
        .chain(LEGEND.iter().map(|&line| (None, line)))
}
