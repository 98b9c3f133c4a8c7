//! wirediff as git's external diff program (`GIT_EXTERNAL_DIFF=wirediff git diff`, or a
//! `diff.<driver>.command`): git runs it once per changed file with seven arguments,
//! `path old-file old-hex old-mode new-file new-hex new-mode` (nine for a rename: then the
//! new path and a similarity line). The old and new files are temporary copies (or
//! `/dev/null`), so the versions are named after the real path, `a/PATH` and `b/PATH`.
//! For an unmerged path git passes the path alone (and sets `GIT_DIFF_PATH_COUNTER`).

use std::ffi::{OsStr, OsString};

/// One file git asks to be compared.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct GitDiff {
    /// The files to read: the old version, then the new one.
    pub(super) files: [OsString; 2],
    /// What to call them: `a/PATH` and `b/PATH` (`b/NEW-PATH` for a rename).
    pub(super) names: [String; 2],
}

/// Shortest object name git passes (`core.abbrev` can shorten it; full ones have 40 or
/// 64 hex digits).
const MIN_HEX_DIGITS: usize = 4;
/// Longest object name: a SHA-256 one.
const MAX_HEX_DIGITS: usize = 64;

/// git's arguments, when `args` has their shape: seven (or nine), with object names and
/// file modes where git puts them. Anything else is an ordinary list of files.
pub(super) fn external_diff(args: &[OsString]) -> Option<GitDiff> {
    if args.len() != 7 && args.len() != 9 {
        return None;
    }
    let is_hex = |arg: &OsStr| {
        arg == "."
            || arg.to_str().is_some_and(|s| {
                (MIN_HEX_DIGITS..=MAX_HEX_DIGITS).contains(&s.len())
                    && s.bytes().all(|b| b.is_ascii_hexdigit())
            })
    };
    let is_mode = |arg: &OsStr| {
        arg == "."
            || arg
                .to_str()
                .is_some_and(|s| s.len() == 6 && s.bytes().all(|b| (b'0'..=b'7').contains(&b)))
    };
    if !(is_hex(&args[2]) && is_mode(&args[3]) && is_hex(&args[5]) && is_mode(&args[6])) {
        return None;
    }
    let path = args[0].to_string_lossy();
    let new_path = args.get(7).map_or(path.clone(), |p| p.to_string_lossy());
    Some(GitDiff {
        files: [args[1].clone(), args[4].clone()],
        names: [format!("a/{path}"), format!("b/{new_path}")],
    })
}

/// The path git passes alone for an unmerged file, when git is the caller.
pub(super) fn unmerged(args: &[OsString]) -> Option<String> {
    match args {
        [path] if std::env::var_os("GIT_DIFF_PATH_COUNTER").is_some() => {
            Some(path.to_string_lossy().into_owned())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn recognises_git_arguments() {
        let hex = "3b18e512dba79e4c8300dd08aeb37f8e728b8dad";
        let seven = args(&[
            "story.txt",
            "/tmp/x_story.txt",
            hex,
            "100644",
            "story.txt",
            ".",
            ".",
        ]);
        assert_eq!(
            external_diff(&seven),
            Some(GitDiff {
                files: [
                    OsString::from("/tmp/x_story.txt"),
                    OsString::from("story.txt")
                ],
                names: ["a/story.txt".into(), "b/story.txt".into()],
            })
        );
        let renamed = args(&[
            "old.txt",
            "/tmp/a",
            "abc1234",
            "100644",
            "/tmp/b",
            "def5678",
            "100755",
            "new.txt",
            "similarity index 90%\n",
        ]);
        assert_eq!(
            external_diff(&renamed).unwrap().names,
            ["a/old.txt".to_string(), "b/new.txt".to_string()]
        );
    }

    #[test]
    fn ordinary_files_are_not_git_arguments() {
        let files = args(&[
            "a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt", "g.txt",
        ]);
        assert_eq!(external_diff(&files), None);
        assert_eq!(external_diff(&args(&["a.txt", "b.txt"])), None);
    }
}
