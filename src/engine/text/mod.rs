//! Text primitives shared by the stages: the tokenizer (words, numbers, punctuation) and
//! the quotation spans of a text. Pure functions of a `&str`; nothing here knows about
//! diffs or versions.

mod quotes;
mod scan;
mod tokens;

pub(crate) use quotes::quote_spans;
pub(crate) use tokens::{
    Token, TokenKind, straight_apostrophes, tokenize, word_count, word_tokens, words,
};
