//! Byte-index helpers shared by the tokenizer and the quotation scan: the character at or
//! before a byte index, read without decoding when it is ASCII.

/// The character starting at byte `i` of `text` (`None` at the end, or if `i` is not a
/// character boundary).
#[inline]
pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        None => None,
        Some(&x) if x < 0x80 => Some(char::from(x)),
        Some(_) => text.get(i..).and_then(|rest| rest.chars().next()),
    }
}

/// The character ending at byte `i` of `text`, a character boundary (`None` at the start).
#[inline]
pub(super) fn char_before(text: &str, i: usize) -> Option<char> {
    match i.checked_sub(1).map(|k| text.as_bytes()[k]) {
        None => None,
        Some(x) if x < 0x80 => Some(char::from(x)),
        Some(_) => text[..i].chars().next_back(),
    }
}
