//! End to end: the real binary in a tmux pseudo-terminal. Starts the viewer on the demo
//! story, presses keys, quits (with q, with Ctrl-C, and by SIGTERM, SIGINT and SIGHUP),
//! and checks the terminal was restored: alternate screen left, cursor visible, mouse
//! reporting off, the tty out of raw mode. Skips with a message when tmux is not
//! installed.

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn available() -> bool {
        Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success())
    }

    fn start(name: &str, command: &str) -> Tmux {
        let t = Tmux {
            socket: format!("wirediff-e2e-{}-{name}", std::process::id()),
        };
        let ok = t
            .cmd(&["new-session", "-d", "-x", "120", "-y", "40", command])
            .status
            .success();
        assert!(ok, "tmux new-session failed");
        t
    }

    fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("run tmux")
    }

    fn capture(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p"]).stdout).into_owned()
    }

    fn flag(&self, name: &str) -> String {
        let f = format!("#{{{name}}}");
        String::from_utf8_lossy(&self.cmd(&["display-message", "-p", &f]).stdout)
            .trim()
            .to_string()
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.cmd(&["send-keys", k]);
            sleep(Duration::from_millis(50));
        }
    }

    /// Wait until `pred` holds for the captured screen (or panic with the screen).
    fn wait(&self, what: &str, pred: impl Fn(&Tmux, &str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if pred(self, &screen) {
                return screen;
            }
            assert!(
                start.elapsed() <= Duration::from_secs(20),
                "timed out waiting for {what}; screen:\n{screen}"
            );
            sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

fn launch(name: &str) -> Option<Tmux> {
    launch_with(name, "", "--color never")
}

/// Whether the pseudo-terminal tests can run: tmux is installed (or, under CI, a failure).
fn tmux_or_skip(name: &str) -> bool {
    if !Tmux::available() {
        // CI installs tmux (.ci/run): there a missing tmux is a failure, not a skip.
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is not installed: CI must install it (see .ci/run)"
        );
        eprintln!(
            "\n*** SKIPPED {name}: tmux is not installed, so the pseudo-terminal tests did \
             not run. Install tmux (apt-get install tmux) to run them. ***\n"
        );
        return false;
    }
    true
}

/// The viewer on the demo with `env` before the command and `args` after it.
fn launch_with(name: &str, env: &str, args: &str) -> Option<Tmux> {
    if !tmux_or_skip(name) {
        return None;
    }
    let bin = env!("CARGO_BIN_EXE_wirediff");
    let command = format!("{env} '{bin}' {args}; echo wirediff-exit=$?; sleep 60");
    Some(start_viewer(name, &command))
}

fn start_viewer(name: &str, command: &str) -> Tmux {
    let t = Tmux::start(name, command);
    t.wait("the viewer", |t, s| {
        t.flag("alternate_on") == "1" && s.contains("base") && s.contains("vs")
    });
    t
}

fn assert_restored(t: &Tmux, screen: &str) {
    assert!(
        screen.contains("wirediff-exit=0"),
        "clean exit; screen:\n{screen}"
    );
    assert_terminal_restored(t, screen);
}

/// Alternate screen off, cursor shown, mouse reporting off, the viewer gone.
fn assert_terminal_restored(t: &Tmux, screen: &str) {
    assert_eq!(t.flag("alternate_on"), "0", "alternate screen left");
    assert_eq!(t.flag("cursor_flag"), "1", "cursor shown");
    assert_eq!(t.flag("mouse_any_flag"), "0", "mouse reporting off");
    assert!(
        !screen.contains("n/N change"),
        "viewer gone from the screen"
    );
}

#[test]
fn keys_then_q_restores_the_terminal() {
    let Some(t) = launch("q") else { return };
    t.keys(&["n", "Tab", "o"]);
    let screen = t.wait("the overview", |_, s| s.contains("Overview"));
    assert!(screen.contains("Derivation"));
    t.keys(&["?"]);
    t.wait("help", |_, s| s.contains("keys"));
    t.keys(&["Escape", "o", "q"]);
    let screen = t.wait("exit", |_, s| s.contains("wirediff-exit="));
    assert_restored(&t, &screen);
}

#[test]
fn ctrl_c_restores_the_terminal() {
    let Some(t) = launch("ctrl-c") else { return };
    t.keys(&["/", "a"]);
    t.keys(&["C-c"]);
    let screen = t.wait("exit", |_, s| s.contains("wirediff-exit="));
    assert_restored(&t, &screen);
}

#[test]
fn resize_redraws_at_the_new_size() {
    let Some(t) = launch("resize") else { return };
    t.cmd(&["resize-window", "-x", "30", "-y", "8"]);
    t.wait("the too-small message", |_, s| s.contains("too small"));
    t.cmd(&["resize-window", "-x", "100", "-y", "30"]);
    t.wait("the viewer again", |_, s| {
        s.contains("base") && !s.contains("too small")
    });
    t.keys(&["q"]);
    let screen = t.wait("exit", |_, s| s.contains("wirediff-exit="));
    assert_restored(&t, &screen);
}

/// The screen with its styles as SGR escape sequences.
fn styled(t: &Tmux) -> String {
    String::from_utf8_lossy(&t.cmd(&["capture-pane", "-p", "-e"]).stdout).into_owned()
}

#[test]
fn no_color_keeps_the_marks_and_color_always_overrides_it() {
    // NO_COLOR, auto: no colour, but the header is reversed and marks are styled.
    let Some(t) = launch_with("nocolor", "NO_COLOR=1", "") else {
        return;
    };
    let screen = styled(&t);
    let header = screen.lines().next().unwrap_or("");
    assert!(header.contains("\x1b[7m"), "reversed header: {header:?}");
    assert!(!screen.contains("38;5;"), "no colour: {screen:?}");
    t.keys(&["q"]);
    drop(t);
    // NO_COLOR, --color always: colours, and bold/reverse marks not reset by them.
    let Some(t) = launch_with("coloralways", "NO_COLOR=1", "--color always") else {
        return;
    };
    // The spun copy has word edits on its first screen.
    t.keys(&["3"]);
    t.wait("the spun copy", |_, s| s.contains("3/5"));
    let screen = styled(&t);
    let header = screen.lines().next().unwrap_or("");
    assert!(header.contains("\x1b["), "styled header: {header:?}");
    assert!(header.contains("48;5;6m"), "cyan header: {header:?}");
    assert!(
        screen.contains("\x1b[1m") || screen.contains("\x1b[1;"),
        "bold marks: {screen:?}"
    );
    t.keys(&["q"]);
}

/// `kill -SIGNAL` of the viewer under `sh` (which, unlike bash, does not reset the tty
/// after its child): the terminal is restored, the tty is out of raw mode, and the process
/// still dies of the signal (exit status 128 + its number).
fn signal_restores_the_terminal(signal: &str, number: i32) {
    let name = format!("sig{signal}");
    if !tmux_or_skip(&name) {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_wirediff");
    let dir = tempfile::tempdir().unwrap();
    let pid_file = dir.path().join("pid");
    let pid_path = pid_file.display();
    // The inner sh writes its pid and becomes wirediff (exec); the outer one reports.
    let command = format!(
        "sh -c \"sh -c 'echo \\$\\$ > {pid_path}; exec {bin} --color never'; \
         echo wirediff-exit=\\$?; stty -a | grep -o -- '-*icanon'; sleep 60\""
    );
    let t = start_viewer(&name, &command);
    t.keys(&["n", "Tab"]);
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    let killed = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.trim())
        .status()
        .unwrap();
    assert!(killed.success());
    let screen = t.wait("exit", |_, s| s.contains("icanon"));
    assert!(
        screen.contains(&format!("wirediff-exit={}", 128 + number)),
        "died of SIG{signal}; screen:\n{screen}"
    );
    assert!(
        screen.lines().any(|l| l.trim() == "icanon"),
        "the tty is back in canonical mode; screen:\n{screen}"
    );
    assert_terminal_restored(&t, &screen);
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_restores_the_terminal("TERM", 15);
}

#[test]
fn sigint_restores_the_terminal() {
    signal_restores_the_terminal("INT", 2);
}

#[test]
fn sighup_restores_the_terminal() {
    signal_restores_the_terminal("HUP", 1);
}

/// `render`'s screen for the same files and keys, each line's trailing spaces trimmed.
fn rendered(args: &str, keys: &str) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_wirediff"))
        .args([
            "render", "--size", "120x40", "--color", "never", "--keys", keys,
        ])
        .args(args.split(' '))
        .output()
        .unwrap();
    String::from_utf8(output.stdout).unwrap()
}

fn trimmed(screen: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = screen.lines().map(str::trim_end).collect();
    while lines.last() == Some(&"") {
        lines.pop();
    }
    lines
}

/// Devanagari (a consonant and its vowel sign are one grapheme of two cells, drawn by the
/// terminal as two glyphs) and emoji sequences: leaving the Compare screen for the
/// Overview leaves no stale glyph behind, so the terminal shows what `render` does.
#[test]
fn devanagari_and_zwj_leave_no_stale_glyphs() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
    let files =
        format!("{fixtures}devanagari-a.txt {fixtures}devanagari-b.txt {fixtures}devanagari-a.txt");
    let Some(t) = launch_with("devanagari", "", &format!("--color never {files}")) else {
        return;
    };
    let mut keys = String::new();
    for key in ["o", "j", "l", "o", "Tab", "o"] {
        t.keys(&[key]);
        keys = format!("{keys} {key}").trim().to_string();
        let want = rendered(&files, &keys);
        // The Compare screen shows emoji sequences as their first emoji on a terminal
        // (see tui::settle_graphemes); the Overview has no story text, so it must match.
        if !want.contains("Overview") {
            continue;
        }
        let screen = t.wait(&format!("the overview after {keys:?}"), |_, s| {
            trimmed(s) == trimmed(&want)
        });
        assert!(
            !screen.chars().any(|c| ('\u{900}'..='\u{97f}').contains(&c)),
            "no Devanagari left on the overview:\n{screen}"
        );
    }
    t.keys(&["q"]);
    let screen = t.wait("exit", |_, s| s.contains("wirediff-exit="));
    assert_restored(&t, &screen);
}

/// On a terminal, `export` goes through the pager (less, by default, with `LESS=FRX`: a
/// long export waits at less's prompt, a short one is shown and less quits by itself)
/// and, under `--color auto`, is coloured like `git diff --word-diff=color`.
#[test]
fn export_to_a_terminal_is_paged_and_coloured() {
    if !tmux_or_skip("pager") || Command::new("less").arg("--version").output().is_err() {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_wirediff");
    let clean_env = "env -u PAGER -u WIREDIFF_PAGER -u LESS -u NO_COLOR -u WIREDIFF_OPTS";
    // The demo's export is longer than the 40 rows: less waits.
    let command = format!("{clean_env} '{bin}' export; echo wirediff-exit=$?; sleep 60");
    let t = Tmux::start("pager", &command);
    let screen = t.wait("the pager", |_, s| s.contains("(base) vs"));
    assert!(!screen.contains("wirediff-exit"), "still paging: {screen}");
    assert!(styled(&t).contains("\x1b[1m== "), "a bold title");
    t.keys(&["q"]);
    let screen = t.wait("exit", |_, s| s.contains("wirediff-exit="));
    assert!(screen.contains("wirediff-exit=1"), "differences: {screen}");
    drop(t);
    // A short export: shown, less quits by itself, the word diff in colour.
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
    let command = format!(
        "{clean_env} '{bin}' export {fixtures}ferry-wire.txt {fixtures}ferry-pronoun.txt; \
         echo wirediff-exit=$?; sleep 60"
    );
    let t = Tmux::start("pager-short", &command);
    let screen = t.wait("exit", |_, s| s.contains("wirediff-exit="));
    assert!(screen.contains("wirediff-exit=1"), "{screen}");
    let colored = styled(&t);
    assert!(colored.contains("\x1b[31mHis"), "{colored:?}");
    assert!(colored.contains("\x1b[32mHer"), "{colored:?}");
    assert!(
        !colored.contains("[-His-]"),
        "colour instead of brackets: {colored:?}"
    );
}

/// The terminal goes away under the viewer (its tmux server is killed: the pseudo-terminal
/// hangs up and reads from it fail with EIO): the viewer ends within a few seconds instead
/// of spinning in its read forever.
#[test]
fn a_terminal_that_hangs_up_ends_the_viewer() {
    let name = "hangup";
    if !tmux_or_skip(name) {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_wirediff");
    let t = start_viewer(name, &format!("'{bin}' --color never"));
    let pid = t.flag("pane_pid");
    assert!(!pid.is_empty(), "tmux names the viewer's pid");
    let _ = t.cmd(&["kill-server"]);
    let alive = || std::path::Path::new(&format!("/proc/{pid}")).exists();
    let start = Instant::now();
    while alive() && start.elapsed() < Duration::from_secs(10) {
        sleep(Duration::from_millis(100));
    }
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // A zombie waiting for its parent has ended too.
    let ended = !alive() || stat.split(") ").nth(1).is_some_and(|s| s.starts_with('Z'));
    if !ended {
        let _ = Command::new("kill").args(["-9", &pid]).status();
    }
    assert!(
        ended,
        "the viewer (pid {pid}) still runs 10 s after its terminal hung up"
    );
}
