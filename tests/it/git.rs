//! wirediff inside git, against a real repository made in a temporary folder: as
//! `GIT_EXTERNAL_DIFF`, as a `.gitattributes` diff driver, and as `git difftool -x`.
//! Skips loudly when git is not installed (fails under CI, where it must be).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", name]
        .iter()
        .collect()
}

fn git_available(test: &str) -> bool {
    let found = Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "git is not installed: CI must have it"
        );
        eprintln!(
            "\n*** SKIPPED {test}: git is not installed, so the git tests did not run. ***\n"
        );
    }
    found
}

/// A repository with `story.txt` committed (the wire story) and then edited (the pronoun
/// flip), isolated from the user's and the system's git configuration.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        let repo = Repo {
            dir: tempfile::tempdir().unwrap(),
        };
        repo.git(&["init", "-q"]);
        fs::copy(fixture("ferry-wire.txt"), repo.path().join("story.txt")).unwrap();
        repo.git(&["add", "story.txt"]);
        repo.git(&["commit", "-q", "-m", "wire"]);
        fs::copy(fixture("ferry-pronoun.txt"), repo.path().join("story.txt")).unwrap();
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn command(&self) -> Command {
        let mut cmd = Command::new("git");
        let no_config = fixture("no-config");
        cmd.current_dir(self.path())
            .env("HOME", self.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("XDG_CONFIG_HOME", no_config)
            .env("GIT_PAGER", "cat")
            .env_remove("GIT_EXTERNAL_DIFF")
            .env_remove("WIREDIFF_OPTS")
            .env_remove("NO_COLOR")
            .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"]);
        cmd
    }

    fn git(&self, args: &[&str]) -> Output {
        let o = self.command().args(args).output().unwrap();
        assert!(
            o.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        o
    }
}

const BIN: &str = env!("CARGO_BIN_EXE_wirediff");

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn as_git_external_diff() {
    if !git_available("as_git_external_diff") {
        return;
    }
    let repo = Repo::new();
    let o = repo
        .command()
        .env("GIT_EXTERNAL_DIFF", BIN)
        .arg("diff")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = text(&o);
    assert!(
        out.contains("== a/story.txt (base) vs b/story.txt =="),
        "{out}"
    );
    assert!(out.contains("[-His-]{+Her+}"), "{out}");
    // A second changed file: git goes on after the first (wirediff exits 0).
    fs::write(repo.path().join("other.txt"), "One sentence.\n").unwrap();
    repo.git(&["add", "other.txt"]);
    repo.git(&["commit", "-q", "-m", "other", "--", "other.txt"]);
    fs::write(repo.path().join("other.txt"), "One changed sentence.\n").unwrap();
    let o = repo
        .command()
        .env("GIT_EXTERNAL_DIFF", BIN)
        .arg("diff")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = text(&o);
    assert!(
        out.contains("vs b/other.txt") && out.contains("vs b/story.txt"),
        "{out}"
    );
    // A deleted file is compared with nothing (git passes /dev/null).
    repo.git(&["rm", "-q", "-f", "other.txt"]);
    let o = repo
        .command()
        .env("GIT_EXTERNAL_DIFF", BIN)
        .args(["diff", "--cached"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(text(&o).contains("- deleted"), "{}", text(&o));
}

#[test]
fn an_unmerged_path_is_named_and_git_goes_on() {
    if !git_available("an_unmerged_path_is_named_and_git_goes_on") {
        return;
    }
    let repo = Repo::new();
    repo.git(&["commit", "-q", "-a", "-m", "her"]);
    repo.git(&["checkout", "-q", "-b", "side", "HEAD~1"]);
    let wire = fs::read_to_string(fixture("ferry-wire.txt")).unwrap();
    fs::write(
        repo.path().join("story.txt"),
        wire.replace("His crew", "Our crew"),
    )
    .unwrap();
    repo.git(&["commit", "-q", "-a", "-m", "our"]);
    let merged = repo.command().args(["merge", "-q", "-"]).output().unwrap();
    assert!(!merged.status.success(), "a conflict");
    // git shows a conflict as its own combined diff, and goes on.
    let o = repo
        .command()
        .env("GIT_EXTERNAL_DIFF", BIN)
        .arg("diff")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // When git calls with the path alone (an unmerged path), wirediff says so as git does.
    let o = Command::new(BIN)
        .env("GIT_DIFF_PATH_COUNTER", "1")
        .arg("story.txt")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(text(&o), "* Unmerged path story.txt\n");
}

#[test]
fn as_a_gitattributes_diff_driver() {
    if !git_available("as_a_gitattributes_diff_driver") {
        return;
    }
    let repo = Repo::new();
    fs::write(repo.path().join(".gitattributes"), "*.txt diff=wirediff\n").unwrap();
    repo.git(&["config", "diff.wirediff.command", BIN]);
    let out = text(&repo.git(&["diff"]));
    assert!(
        out.contains("== a/story.txt (base) vs b/story.txt =="),
        "{out}"
    );
    // `git log -p --ext-diff` uses it too.
    let out = text(&repo.git(&["log", "-p", "--ext-diff", "-1", "--format=%s"]));
    assert!(out.starts_with("wire"), "{out}");
}

#[test]
fn as_git_difftool() {
    if !git_available("as_git_difftool") {
        return;
    }
    let repo = Repo::new();
    let command = format!("'{BIN}' export");
    let o = repo
        .command()
        .args(["difftool", "-y", "-x", &command])
        .output()
        .unwrap();
    let out = text(&o);
    assert!(out.contains("[-His-]{+Her+}"), "{out}");
    assert!(out.contains("(base) vs"), "{out}");
}
