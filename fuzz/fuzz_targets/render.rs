//! The viewer at random sizes and keys: the first two bytes are the screen size (each
//! 1 to 255 cells), the next line the key script (see `render --keys`), the rest two or
//! three versions separated by NUL bytes. Every screen has exactly `rows` lines, each at
//! most `cols` cells wide; errors (a bad key script) are fine, panics are not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirediff::engine::{self, Input, Options};
use wirediff::render::width::str_width;
use wirediff::tui;

fuzz_target!(|bytes: &[u8]| {
    let Some((size, rest)) = bytes.split_at_checked(2) else {
        return;
    };
    let (cols, rows) = (u16::from(size[0].max(1)), u16::from(size[1].max(1)));
    let Ok(rest) = std::str::from_utf8(rest) else {
        return;
    };
    let (keys, texts) = rest.split_once('\n').unwrap_or((rest, ""));
    let inputs: Vec<Input> = texts
        .splitn(3, '\0')
        .enumerate()
        .map(|(k, text)| Input {
            name: format!("v{k}.txt"),
            text: text.to_string(),
        })
        .collect();
    if inputs.len() < 2 {
        return;
    }
    let analysis = engine::analyze(&inputs, Options::default());
    if let Ok(screen) = tui::render(&analysis, cols, rows, keys, false) {
        assert_eq!(screen.lines().count(), usize::from(rows));
        for line in screen.lines() {
            assert!(str_width(line) <= usize::from(cols), "{line:?}");
        }
    }
});
