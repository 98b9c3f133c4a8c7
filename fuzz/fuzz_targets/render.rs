//! The viewer at random sizes and keys: the first two bytes are the screen size (each
//! 1 to 255 cells), the next line the key script (see `render --keys`), the rest two or
//! three versions separated by NUL bytes. Every screen has as many lines as the screen had
//! rows at the start or after one of the script's `resize:` keys (a quit key stops the
//! script), none wider than the widest; errors (a bad key script, a resize past the
//! bounds) are fine, panics are not.
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
        let mut sizes = resizes(keys);
        sizes.push((cols, rows));
        let lines = screen.lines().count();
        assert!(sizes.iter().any(|&(_, r)| usize::from(r) == lines), "{lines} lines");
        let widest = sizes.iter().map(|&(c, _)| usize::from(c)).max().unwrap_or(0);
        for line in screen.lines() {
            assert!(str_width(line) <= widest, "{line:?}");
        }
    }
});

/// The sizes of the script's `resize:COLSxROWS` keys.
fn resizes(keys: &str) -> Vec<(u16, u16)> {
    keys.split_whitespace()
        .filter_map(|token| token.strip_prefix("resize:")?.split_once('x'))
        .filter_map(|(c, r)| Some((c.parse().ok()?, r.parse().ok()?)))
        .collect()
}
