//! A folder given as an input: every text, HTML, XML and e-mail file in it, sorted by name. Hidden
//! files (a name starting with `.`), subfolders and files of other kinds are skipped, and
//! named as skipped, so nothing is read or left out silently.

use std::path::Path;

use super::error::LoadError;

/// File name endings read from a folder (compared in lower case).
const READ_EXTENSIONS: &[&str] = &["txt", "text", "html", "htm", "xhtml", "xml", "nitf", "eml"];

/// The files of folder `dir` to read, sorted by name, and the entries skipped.
pub(super) fn list(dir: &str) -> Result<(Vec<String>, Vec<String>), LoadError> {
    let entries = std::fs::read_dir(dir).map_err(|e| LoadError::Unreadable {
        name: dir.to_string(),
        reason: e.to_string(),
    })?;
    let mut names: Vec<(String, bool)> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| LoadError::Unreadable {
            name: dir.to_string(),
            reason: e.to_string(),
        })?;
        let is_file = entry
            .file_type()
            .is_ok_and(|t| t.is_file() || t.is_symlink())
            && entry.path().is_file();
        names.push((entry.file_name().to_string_lossy().into_owned(), is_file));
    }
    names.sort();
    let mut read = Vec::new();
    let mut skipped = Vec::new();
    for (name, is_file) in names {
        if name.starts_with('.') {
            continue;
        }
        let path = Path::new(dir).join(&name).to_string_lossy().into_owned();
        if is_file && has_read_extension(&name) {
            read.push(path);
        } else {
            skipped.push(path);
        }
    }
    if read.is_empty() {
        return Err(LoadError::EmptyFolder {
            name: dir.to_string(),
        });
    }
    Ok((read, skipped))
}

fn has_read_extension(name: &str) -> bool {
    Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| READ_EXTENSIONS.contains(&e.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_sorted_and_skips_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.txt", "a.html", ".hidden.txt", "c.xml", "photo.jpg"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let d = dir.path().to_str().unwrap();
        let (read, skipped) = list(d).unwrap();
        let base = |p: &String| {
            Path::new(p)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        };
        assert_eq!(
            read.iter().map(base).collect::<Vec<_>>(),
            ["a.html", "b.txt", "c.xml"]
        );
        assert_eq!(
            skipped.iter().map(base).collect::<Vec<_>>(),
            ["photo.jpg", "sub"]
        );
    }

    #[test]
    fn a_folder_with_nothing_to_read_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("photo.jpg"), "x").unwrap();
        let d = dir.path().to_str().unwrap();
        assert_eq!(list(d), Err(LoadError::EmptyFolder { name: d.into() }));
    }
}
