//! The one integration-test binary (as ripgrep and helix have it): the command line, the
//! hostile inputs and the conventions of terminal tools, git, the demo story through the
//! engine, the viewer's screens and state, and the real binary in a
//! pseudo-terminal.

mod cli;
mod cli_conventions;
mod cli_hardening;
mod demo_story;
mod findings_gen;
mod git;
mod inputs;
mod json_agreement;
mod json_reference;
mod layers;
mod properties;
mod report;
mod robust;
mod tui_demo;
mod tui_e2e;
mod tui_findings;
mod tui_fixture;
mod tui_screens;
mod tui_state;
