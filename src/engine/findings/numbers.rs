//! Numbers: an edit changes a number when the values on its two sides differ and one of
//! them is gone from (or new to) the whole other side of the link. A number is compared
//! by its value: thousands separators, a decimal comma and a trailing `%` aside, and
//! small numbers written as words read as digits ("five" = "5", "1,000" = "1000").

use crate::engine::model::Edit;
use crate::engine::text::words;

use super::keys::value;
use super::pair::Pair;

/// Edits with more words than this on a side bring numbers along with a reworded clause
/// (a date, an age): they count only when a number replaces another.
const LONG_EDIT: usize = 3;

/// The number values among `text`'s words, sorted.
fn values(text: &str) -> Vec<String> {
    let mut v: Vec<String> = words(text).into_iter().filter_map(value).collect();
    v.sort();
    v
}

/// Whether `edit` of `pair` changes a number.
pub(super) fn changed(pair: &Pair, edit: &Edit) -> bool {
    let (b, o) = (values(&edit.base), values(&edit.other));
    if b == o {
        return false;
    }
    let long = words(&edit.base).len() > LONG_EDIT || words(&edit.other).len() > LONG_EDIT;
    if long && (b.is_empty() || o.is_empty()) {
        return false;
    }
    let (all_b, all_o) = (values(&pair.base), values(&pair.other));
    b.iter().any(|v| !all_o.contains(v)) || o.iter().any(|v| !all_b.contains(v))
}
