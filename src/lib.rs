//! wirediff: compare published versions of one story sentence by sentence.
//!
//! Three layers, dependencies pointing one way:
//! - the engine (`model`, `load`, `segment`, `boilerplate`, `similarity`, `align`,
//!   `worddiff`, `classify`, `collate`, `stats`, `width`, `layout`, `export`, `derivation`,
//!   `pipeline`, `demo`): plain data and pure functions, no terminal code;
//! - the viewer (`tui`): ratatui + crossterm, calls only the engine;
//! - the command line (`cli`): clap, thin.
//!
//! See `docs/ARCHITECTURE.md` for the pipeline and module map.

pub mod align;
pub mod boilerplate;
pub mod classify;
pub mod cli;
pub mod collate;
pub mod demo;
pub mod derivation;
pub mod export;
pub mod layout;
pub mod load;
pub mod model;
pub mod parallel;
pub mod pipeline;
pub mod segment;
pub mod similarity;
pub mod stats;
pub mod tui;
pub mod width;
pub mod worddiff;

pub use model::*;
pub use pipeline::{Options, SegmentMode, analyze};
