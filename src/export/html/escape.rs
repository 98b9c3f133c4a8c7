//! Text made safe for HTML: every character that could end an element or an attribute
//! (`<`, `>`, `&`, `"`, `'`) is written as a character reference, and control and bidi
//! characters (which HTML forbids or which reorder the text) first become visible escapes
//! ([`crate::render::safe::escape`]). A story holding `<script>` or `</td>` shows as text.

use crate::render::safe;

/// Append `text` to `out`, escaped for element content and attribute values alike.
pub(super) fn push(out: &mut String, text: &str) {
    for c in safe::escape(text).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `text` escaped (see [`push`]).
pub(super) fn text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_controls_become_text() {
        assert_eq!(
            text("<script>alert('x')</script> & </td>\"\u{1b}[2J\u{202e}"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;/td&gt;&quot;\\x1b[2J\\u{202e}"
        );
        assert_eq!(text("日本 🎉"), "日本 🎉");
    }
}
