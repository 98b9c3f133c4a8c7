//! Build script: the version `--version` prints, with the commit it was built from when
//! built in a git checkout (`0.1.0 (1abbae9 2025-12-01)`); without git, or outside a
//! checkout (a crates.io download), just the package version.

use std::path::Path;
use std::process::Command;

/// The output of `git ARGS` in the package's folder, trimmed; `None` when git is missing,
/// fails, or prints nothing.
fn git(args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    let text = text.trim();
    (output.status.success() && !text.is_empty()).then(|| text.to_string())
}

/// Rebuild when the checked-out commit changes: HEAD, the branch it names, packed refs
/// (only those that exist: cargo reruns a build script for a missing one every time; not
/// the whole refs folder, which every other branch's commit touches).
fn watch_head() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let branch = git(&["symbolic-ref", "-q", "HEAD"]);
    let watched = ["HEAD", "packed-refs"]
        .iter()
        .map(std::string::ToString::to_string)
        .chain(branch);
    for name in watched {
        if let Some(path) = git(&["rev-parse", "--git-path", &name]) {
            let path = manifest.join(path);
            if path.exists() {
                println!("cargo:rerun-if-changed={}", path.display());
            }
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let full = match git(&["log", "-1", "--format=%h %cs"]) {
        Some(commit) => {
            watch_head();
            format!("{version} ({commit})")
        }
        None => version,
    };
    println!("cargo:rustc-env=WIREDIFF_VERSION={full}");
}
