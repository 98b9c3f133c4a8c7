//! The conventions of terminal tools (bat, delta, ripgrep): completions, a man page,
//! `--version` with the commit, `--help` with examples, keys and exit codes, a pager for
//! exports, and defaults from `WIREDIFF_OPTS` and a configuration file.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

fn wirediff_with_config(config_home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("wirediff").unwrap();
    cmd.env_remove("NO_COLOR")
        .env_remove("WIREDIFF_OPTS")
        .env_remove("WIREDIFF_PAGER")
        .env_remove("PAGER")
        .env_remove("LESS")
        .env("XDG_CONFIG_HOME", config_home);
    cmd
}

fn wirediff() -> Command {
    let no_config: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", "no-config"]
        .iter()
        .collect();
    wirediff_with_config(&no_config)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn ok(o: Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    stdout(&o)
}

#[test]
fn completions_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef wirediff"),
        ("fish", "complete -c wirediff"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let script = ok(wirediff().args(["completions", shell]).output().unwrap());
        assert!(script.contains(marker), "{shell}: {script}");
        assert!(script.contains("max-size"), "{shell} completes the options");
    }
    let o = wirediff().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn man_page() {
    let page = ok(wirediff().arg("man").output().unwrap());
    assert!(page.contains(".TH wirediff 1"), "{page}");
    assert!(page.contains("max\\-size"), "{page}");
    assert!(page.contains("Exit status"), "the long help is in it");
}

#[test]
fn version_names_the_commit_in_a_checkout() {
    let version = ok(wirediff().arg("--version").output().unwrap());
    assert!(version.starts_with(&format!("wirediff {}", env!("CARGO_PKG_VERSION"))));
    let in_checkout = std::process::Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .is_ok_and(|o| o.status.success());
    if in_checkout {
        // `wirediff 0.1.0 (1abbae9 2025-12-01)`: the commit the build was made from.
        assert!(
            version.contains(" (") && version.trim_end().ends_with(')'),
            "{version}"
        );
    }
}

#[test]
fn long_help_has_examples_keys_and_exit_codes() {
    let help = ok(wirediff().arg("--help").output().unwrap());
    for needle in [
        "Examples:",
        "GIT_EXTERNAL_DIFF=wirediff git diff",
        "Keys in the viewer:",
        "next / previous change",
        "Exit status:",
        "WIREDIFF_OPTS",
        "--max-size",
        "--paging",
    ] {
        assert!(help.contains(needle), "{needle:?} missing:\n{help}");
    }
}

// ---- pager ----

/// A pager that copies its input, and the LESS it was given, to `file`.
fn recording_pager(file: &Path) -> String {
    format!(
        "sh -c 'echo \"LESS=$LESS\" > \"{}\"; cat >> \"{}\"'",
        file.display(),
        file.display()
    )
}

#[test]
fn exports_go_through_the_pager_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let paged = dir.path().join("paged.txt");
    let plain = stdout(&wirediff().arg("export").output().unwrap());
    let o = wirediff()
        .env("PAGER", recording_pager(&paged))
        .args(["export", "--paging", "always"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty(), "all went to the pager");
    let got = fs::read_to_string(&paged).unwrap();
    assert_eq!(got, format!("LESS=FRX\n{plain}"));
    // WIREDIFF_PAGER wins over PAGER; a LESS of the user's own is kept; JSON pages too.
    fs::remove_file(&paged).unwrap();
    let o = wirediff()
        .env("PAGER", "false")
        .env("WIREDIFF_PAGER", recording_pager(&paged))
        .env("LESS", "-S")
        .args(["export", "--format", "json", "--paging", "always"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let got = fs::read_to_string(&paged).unwrap();
    assert!(got.starts_with("LESS=-S\n{"), "{got}");
}

#[test]
fn no_pager_off_a_terminal_or_when_it_cannot_start() {
    let plain = stdout(&wirediff().arg("export").output().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let paged = dir.path().join("paged.txt");
    for paging in ["auto", "never"] {
        let o = wirediff()
            .env("PAGER", recording_pager(&paged))
            .args(["export", "--paging", paging])
            .output()
            .unwrap();
        assert_eq!(stdout(&o), plain, "{paging}");
    }
    assert!(!paged.exists());
    let o = wirediff()
        .env("PAGER", "/nonexistent/pager")
        .args(["export", "--paging", "always"])
        .output()
        .unwrap();
    assert_eq!(stdout(&o), plain);
}

// ---- defaults ----

#[test]
fn wirediff_opts_come_before_the_command_line() {
    let base2 = stdout(&wirediff().args(["--base", "2", "export"]).output().unwrap());
    let base3 = stdout(&wirediff().args(["--base", "3", "export"]).output().unwrap());
    let o = wirediff()
        .env("WIREDIFF_OPTS", "--base 2")
        .arg("export")
        .output()
        .unwrap();
    assert_eq!(stdout(&o), base2);
    let o = wirediff()
        .env("WIREDIFF_OPTS", "--base 2")
        .args(["export", "--base", "3"])
        .output()
        .unwrap();
    assert_eq!(stdout(&o), base3, "the command line wins");
    let o = wirediff()
        .env("WIREDIFF_OPTS", "--bogus")
        .arg("export")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("--bogus") && err.contains("WIREDIFF_OPTS"),
        "{err}"
    );
}

#[test]
fn the_config_file_gives_defaults_and_no_color_still_wins_over_auto() {
    let home = tempfile::tempdir().unwrap();
    fs::create_dir(home.path().join("wirediff")).unwrap();
    let config = home.path().join("wirediff").join("config");
    fs::write(&config, "# colour on\n--color always\n").unwrap();
    let colored = stdout(
        &wirediff_with_config(home.path())
            .arg("export")
            .output()
            .unwrap(),
    );
    assert!(colored.contains("\x1b[31m"), "{colored}");
    let plain = stdout(
        &wirediff_with_config(home.path())
            .args(["export", "--color", "never"])
            .output()
            .unwrap(),
    );
    assert!(!plain.contains('\x1b'), "the command line wins");
    // A configured `auto` is still turned off by NO_COLOR (render --ansi colours under
    // auto without a terminal, so it shows the difference).
    fs::write(&config, "--color auto\n").unwrap();
    let render = |no_color: bool| {
        let mut cmd = wirediff_with_config(home.path());
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        stdout(
            &cmd.args(["render", "--size", "80x20", "--ansi"])
                .output()
                .unwrap(),
        )
    };
    assert!(render(false).contains(";46m"), "cyan header");
    assert!(!render(true).contains(";46m"), "no colour under NO_COLOR");
    // A bad line names the file.
    fs::write(&config, "--color 'never\n").unwrap();
    let o = wirediff_with_config(home.path())
        .arg("export")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("wirediff/config: line 1"), "{err}");
}
