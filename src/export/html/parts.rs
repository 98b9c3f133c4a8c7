//! Small pieces every section of the HTML report uses: the languages of its text and the
//! title of a comparison.

use std::fmt::Write;

use super::escape::push as esc;
use crate::export::report::Compared;

/// The language of the report's own words (headings, labels): English. Story text has no
/// language the engine knows, so its containers say `lang="und"` (undetermined, BCP 47):
/// a screen reader then reads it in the reader's own voice rather than in English rules.
pub(super) const PAGE_LANG: &str = "en";
/// See [`PAGE_LANG`].
pub(super) const STORY_LANG: &str = "und";

/// The heading of one comparison: `3 · spun vs 1 · wire (base)`.
pub(super) fn comparison_title(out: &mut String, c: &Compared) {
    let _ = write!(out, "{} · ", c.cmp.other + 1);
    esc(out, c.other.label());
    let _ = write!(out, " vs {} · ", c.cmp.base + 1);
    esc(out, c.base.label());
    out.push_str(" (base)");
}
