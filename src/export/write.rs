//! The one way wirediff writes a file, for the command line (`export -o`) and the
//! viewer (`e`) alike: a directory is refused, an existing file too unless overwriting
//! was asked for, and the bytes go to a temporary file in the same folder that is then
//! renamed over the target, so readers never see a half-written file.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How many temporary names are tried before giving up (another wirediff writing the
/// same file at the same moment takes one).
const TEMPORARY_NAME_ATTEMPTS: u32 = 100;

/// Why a file was not written; every message starts with the path.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{}: is a directory", .0.display())]
    IsDirectory(PathBuf),
    /// The file exists and overwriting was not asked for.
    #[error("{}: already exists", .0.display())]
    Exists(PathBuf),
    #[error("{}: not a file name", .0.display())]
    NotAFileName(PathBuf),
    #[error("{}: cannot create: {cause}", path.display())]
    Create { path: PathBuf, cause: io::Error },
    #[error("{}: cannot write: {cause}", path.display())]
    Write { path: PathBuf, cause: io::Error },
}

/// Whether `path` may be written: not a directory, and (unless `overwrite`) nothing
/// there yet, not even a dangling symbolic link.
pub fn check_output(path: &Path, overwrite: bool) -> Result<(), WriteError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => Err(WriteError::IsDirectory(path.to_path_buf())),
        Ok(_) if !overwrite => Err(WriteError::Exists(path.to_path_buf())),
        _ => Ok(()),
    }
}

/// Write `bytes` to `path` through a temporary file in the same directory and a rename,
/// so readers never see a half-written file.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), WriteError> {
    check_output(path, overwrite)?;
    let file_name = path
        .file_name()
        .ok_or_else(|| WriteError::NotAFileName(path.to_path_buf()))?
        .to_string_lossy()
        .into_owned();
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (temporary, mut file) =
        create_temporary(&dir, &file_name).map_err(|cause| WriteError::Create {
            path: path.to_path_buf(),
            cause,
        })?;
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| {
            drop(file);
            fs::rename(&temporary, path)
        });
    if let Err(cause) = written {
        let _ = fs::remove_file(&temporary);
        return Err(WriteError::Write {
            path: path.to_path_buf(),
            cause,
        });
    }
    Ok(())
}

/// A new file `.<file_name>.wirediff-<pid>-<attempt>.tmp` in `dir`, created exclusively.
fn create_temporary(dir: &Path, file_name: &str) -> io::Result<(PathBuf, fs::File)> {
    let mut attempt = 0u32;
    loop {
        let temporary = dir.join(format!(
            ".{file_name}.wirediff-{}-{attempt}.tmp",
            std::process::id()
        ));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
        {
            Ok(file) => return Ok((temporary, file)),
            Err(error)
                if error.kind() == io::ErrorKind::AlreadyExists
                    && attempt < TEMPORARY_NAME_ATTEMPTS =>
            {
                attempt += 1;
            }
            Err(error) => return Err(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_refuses_then_forces() {
        let dir = std::env::temp_dir().join(format!("wirediff-write-test-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("out.txt");
        let _ = fs::remove_file(&path);
        write_atomic(&path, b"one", false).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"one");
        let e = write_atomic(&path, b"two", false).unwrap_err().to_string();
        assert!(e.contains("already exists"), "{e}");
        assert_eq!(fs::read(&path).unwrap(), b"one");
        write_atomic(&path, b"two", true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        // No temporary files left behind.
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        assert!(write_atomic(&dir, b"x", true).is_err());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn every_error_names_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing").join("out.txt");
        let errors = [
            write_atomic(dir.path(), b"x", true).unwrap_err(),
            write_atomic(&missing, b"x", false).unwrap_err(),
        ];
        assert!(matches!(errors[0], WriteError::IsDirectory(_)));
        assert!(matches!(errors[1], WriteError::Create { .. }));
        for (error, path) in errors.iter().zip([dir.path(), missing.as_path()]) {
            let message = error.to_string();
            assert!(
                message.starts_with(&path.display().to_string()),
                "{message}"
            );
        }
    }
}
