//! Text primitives shared by the stages: the tokenizer (words, numbers, punctuation), the
//! quotation spans of a text, and masks of byte classes eight bytes at a time. Pure
//! functions of a `&str`; nothing here knows about diffs or versions.

mod bytes;
mod quotes;
mod scan;
mod tokens;

pub(crate) use bytes::{
    alnum_mask, below_mask, byte_mask, is_printable_ascii, run_starts, word_of,
};
pub(crate) use quotes::quote_spans;
pub(crate) use tokens::{
    Token, TokenKind, straight_apostrophes, tokenize, word_count, word_tokens, words,
};
