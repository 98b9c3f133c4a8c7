//! Text primitives shared by the stages: the tokenizer and quotation spans.
