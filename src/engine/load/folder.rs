//! A folder given as an input: every text, HTML, XML and e-mail file in it, sorted by name. Hidden
//! files (a name starting with `.`), subfolders and files of other kinds are skipped, and
//! named as skipped, so nothing is read or left out silently.

use std::path::{Path, PathBuf};

use super::error::LoadError;

/// File name endings read from a folder (compared in lower case).
const READ_EXTENSIONS: &[&str] = &["txt", "text", "html", "htm", "xhtml", "xml", "nitf", "eml"];

/// The files of folder `dir` to read, sorted by name, and the entries skipped.
pub(super) fn list(dir: &Path) -> Result<(Vec<PathBuf>, Vec<String>), LoadError> {
    let shown = || dir.to_string_lossy().into_owned();
    let entries = std::fs::read_dir(dir).map_err(|e| LoadError::Unreadable {
        name: shown(),
        reason: e.to_string(),
    })?;
    let mut names: Vec<(std::ffi::OsString, bool)> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| LoadError::Unreadable {
            name: shown(),
            reason: e.to_string(),
        })?;
        let is_file = entry
            .file_type()
            .is_ok_and(|t| t.is_file() || t.is_symlink())
            && entry.path().is_file();
        names.push((entry.file_name(), is_file));
    }
    names.sort();
    let mut read = Vec::new();
    let mut skipped = Vec::new();
    for (name, is_file) in names {
        if name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let path = dir.join(&name);
        if is_file && has_read_extension(Path::new(&name)) {
            read.push(path);
        } else {
            skipped.push(path.to_string_lossy().into_owned());
        }
    }
    if read.is_empty() {
        return Err(LoadError::EmptyFolder { name: shown() });
    }
    Ok((read, skipped))
}

/// A name ending in a read extension, or in one followed by `.gz` (`story.html.gz`).
fn has_read_extension(name: &Path) -> bool {
    let is_gz = name
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    if is_gz {
        return name
            .file_stem()
            .is_some_and(|stem| has_read_extension(Path::new(stem)));
    }
    name.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| READ_EXTENSIONS.contains(&e.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_sorted_and_skips_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "b.txt",
            "a.html",
            ".hidden.txt",
            "c.xml",
            "photo.jpg",
            "d.txt.gz",
            "archive.tar.gz",
        ] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let (read, skipped) = list(dir.path()).unwrap();
        let base = |p: &dyn AsRef<Path>| {
            p.as_ref()
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        };
        assert_eq!(
            read.iter().map(|p| base(p)).collect::<Vec<_>>(),
            ["a.html", "b.txt", "c.xml", "d.txt.gz"]
        );
        assert_eq!(
            skipped.iter().map(|p| base(p)).collect::<Vec<_>>(),
            ["archive.tar.gz", "photo.jpg", "sub"]
        );
    }

    #[test]
    fn a_folder_with_nothing_to_read_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("photo.jpg"), "x").unwrap();
        let d = dir.path().to_str().unwrap();
        assert_eq!(
            list(dir.path()),
            Err(LoadError::EmptyFolder { name: d.into() })
        );
    }
}
