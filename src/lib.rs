//! wirediff: compare published versions of one story sentence by sentence.
//!
//! Layers, dependencies pointing one way (see `docs/ARCHITECTURE.md`):
//! - [`engine`]: load, segment, boilerplate, align, diff and classify, statistics,
//!   collation, derivation; plain data and pure functions, no terminal code;
//! - [`render`]: display width and layout rows, shared by the exports and the viewer;
//! - [`export`]: text, side-by-side and JSON, and the one atomic file writer;
//! - [`tui`]: the viewer (ratatui + crossterm);
//! - [`cli`]: the command line (clap, anyhow, exit codes);
//! - `signals`: SIGINT, SIGTERM and SIGHUP held back while the terminal or a temporary
//!   file needs cleaning up.
#![forbid(unsafe_code)]

pub mod cli;
pub mod engine;
pub mod export;
pub mod render;
mod signals;
pub mod tui;

pub use engine::{Analysis, Options, SegmentMode, Version, analyze};
