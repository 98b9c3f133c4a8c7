//! Text made safe for GitHub-flavoured Markdown: every character that could start
//! emphasis, strikethrough, a link, raw HTML, a character reference, math or a table
//! cell's end (`\ ` * _ [ ] < | ~ & $`) is escaped with a backslash (any ASCII punctuation
//! may be; `#` and `>` only matter at the start of a line, where text never stands), and control and bidi characters first become visible escapes
//! ([`crate::render::safe::escape`]). Marks wrap only the non-blank middle of a run, since
//! `~~ word~~` is not strikethrough.

use crate::render::safe;

/// Characters escaped with a backslash.
const SPECIAL: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '|', '~', '&', '$'];

/// Append `text` to `out`, escaped.
pub(super) fn push(out: &mut String, text: &str) {
    for c in safe::escape(text).chars() {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// `text` escaped (see [`push`]).
pub(super) fn text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push(&mut out, text);
    out
}

/// `text` escaped and wrapped in `mark` (`~~`, `**`, `_`), the marks inside the spaces
/// around it; blank text is written as it is.
pub(super) fn marked(out: &mut String, text: &str, mark: &str) {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        out.push_str(text);
        return;
    }
    let start = text.len() - text.trim_start().len();
    let end = start + trimmed.len();
    out.push_str(&text[..start]);
    out.push_str(mark);
    push(out, trimmed);
    out.push_str(mark);
    out.push_str(&text[end..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metacharacters_and_pipes_are_escaped() {
        assert_eq!(
            text("a|b *c* _d_ [e](f) <script> # ~~g~~ `h` $1 & \\"),
            "a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\<script> # \\~\\~g\\~\\~ \\`h\\` \\$1 \\& \\\\"
        );
        assert_eq!(text("line\nbreak\u{1b}"), "line\\\\nbreak\\\\x1b");
    }

    #[test]
    fn marks_sit_inside_the_spaces() {
        let mut out = String::new();
        marked(&mut out, " twelve ", "~~");
        marked(&mut out, "15", "**");
        marked(&mut out, "  ", "**");
        assert_eq!(out, " ~~twelve~~ **15**  ");
    }
}
