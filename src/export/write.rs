//! The one way wirediff writes a file, for the command line (`export -o`) and the
//! viewer (`e`) alike. What is at the path decides:
//!
//! - nothing: the bytes go to a temporary file in the same folder that is then renamed
//!   into place (and the folder synced), so readers never see a half-written file;
//! - a regular file: refused unless overwriting was asked for; then replaced the same way,
//!   keeping its permissions (and, where allowed, its owner); one with other hard links is
//!   refused, since replacing it would silently break them;
//! - a symbolic link: followed, and what it points at is judged by these rules (the link
//!   stays); a dangling link is refused, never written through;
//! - a character device or a FIFO (`/dev/null`, `/dev/stdout`, a named pipe): written
//!   through, never replaced;
//! - a directory, a block device or a socket: refused.
//!
//! SIGINT, SIGTERM and SIGHUP while the temporary file exists remove it before the process
//! ends ([`WriteError::Interrupted`]). Every error message starts with the path.

use std::ffi::OsString;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::render::safe::display_path;
use crate::signals::Catch;

/// How many temporary names are tried before giving up (another wirediff writing the
/// same file at the same moment takes one).
const TEMPORARY_NAME_ATTEMPTS: u32 = 100;

/// Bytes written between two checks for a signal: small enough that a Ctrl-C during a
/// large write is acted on at once, large enough not to slow the write.
const WRITE_CHUNK: usize = 1 << 20;

/// Why a file was not written; every message starts with the path (escaped for the
/// terminal).
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// A directory at the path: nothing is written into it.
    #[error("{}: is a directory", display_path(.0))]
    IsDirectory(PathBuf),
    /// The file exists and overwriting was not asked for.
    #[error("{}: already exists", display_path(.0))]
    Exists(PathBuf),
    /// A path that ends in no file name (such as one ending in `..`).
    #[error("{}: not a file name", display_path(.0))]
    NotAFileName(PathBuf),
    /// A symbolic link to nothing: writing through it would create a file elsewhere.
    #[error("{}: is a dangling symbolic link (not written through)", display_path(.0))]
    DanglingLink(PathBuf),
    /// A file with other hard links: replacing it would leave them with the old text.
    #[error(
        "{}: has {links} hard links (replacing it would break them)",
        display_path(path)
    )]
    HardLinked {
        /// The path as given.
        path: PathBuf,
        /// How many names the file has.
        links: u64,
    },
    /// A block device or a socket.
    #[error("{}: is a {kind}, not written", display_path(path))]
    Special {
        /// The path as given.
        path: PathBuf,
        /// What it is, in words (`block device`, `socket`).
        kind: &'static str,
    },
    /// The temporary file could not be created, or the device or FIFO not opened.
    #[error("{}: cannot create: {cause}", display_path(path))]
    Create {
        /// The path as given.
        path: PathBuf,
        /// The operating system's error.
        cause: io::Error,
    },
    /// Writing, syncing or renaming failed; a temporary file is removed, the target is
    /// untouched.
    #[error("{}: cannot write: {cause}", display_path(path))]
    Write {
        /// The path as given.
        path: PathBuf,
        /// The operating system's error.
        cause: io::Error,
    },
    /// An ending signal arrived; the temporary file was removed, the target is untouched.
    #[error("{}: not written: stopped by signal {signal}", display_path(path))]
    Interrupted {
        /// The path as given.
        path: PathBuf,
        /// The signal's number (2 SIGINT, 15 SIGTERM, 1 SIGHUP).
        signal: i32,
    },
}

/// What is at the path to be written, and so how it is written.
#[derive(Debug)]
enum Target {
    /// Nothing yet: a new file at this path.
    New(PathBuf),
    /// A regular file (the path resolved through symbolic links), replaced.
    Replace(PathBuf, fs::Metadata),
    /// A character device or a FIFO, written through.
    WriteThrough(PathBuf),
}

/// Whether `path` may be written: see the module's rules (`overwrite` allows replacing
/// an existing regular file).
pub fn check_output(path: &Path, overwrite: bool) -> Result<(), WriteError> {
    inspect(path, overwrite).map(drop)
}

/// What is at `path`, following symbolic links, or why it may not be written.
fn inspect(path: &Path, overwrite: bool) -> Result<Target, WriteError> {
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Target::New(path.into())),
        // Unreadable metadata (a folder without permission...): the write will say why.
        Err(_) => return Ok(Target::New(path.into())),
    };
    let (resolved, meta) = if meta.file_type().is_symlink() {
        match fs::metadata(path) {
            Ok(meta) => (fs::canonicalize(path).unwrap_or_else(|_| path.into()), meta),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(WriteError::DanglingLink(path.into()));
            }
            Err(cause) => {
                return Err(WriteError::Create {
                    path: path.into(),
                    cause,
                });
            }
        }
    } else {
        (path.to_path_buf(), meta)
    };
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err(WriteError::IsDirectory(path.into()));
    }
    if kind.is_file() {
        if !overwrite {
            return Err(WriteError::Exists(path.into()));
        }
        let links = hard_links(&meta);
        if links > 1 {
            return Err(WriteError::HardLinked {
                path: path.into(),
                links,
            });
        }
        return Ok(Target::Replace(resolved, meta));
    }
    match special_kind(&kind) {
        None => Ok(Target::WriteThrough(resolved)),
        Some(kind) => Err(WriteError::Special {
            path: path.into(),
            kind,
        }),
    }
}

/// How many names the file has.
#[cfg(unix)]
fn hard_links(meta: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}
#[cfg(not(unix))]
fn hard_links(_meta: &fs::Metadata) -> u64 {
    1
}

/// For what is neither a file nor a directory: `None` when it is written through (a
/// character device or a FIFO), else what it is.
#[cfg(unix)]
fn special_kind(kind: &fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_char_device() || kind.is_fifo() {
        None
    } else if kind.is_block_device() {
        Some("block device")
    } else if kind.is_socket() {
        Some("socket")
    } else {
        Some("special file")
    }
}
#[cfg(not(unix))]
fn special_kind(_kind: &fs::FileType) -> Option<&'static str> {
    Some("special file")
}

/// Write `bytes` to `path` as the module's rules say (`overwrite` allows replacing an
/// existing regular file).
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), WriteError> {
    write_atomic_with(path, overwrite, |out| out.write_all(bytes))
}

/// [`write_atomic`] of the bytes `make` writes to the writer it is given, as it makes
/// them: a large export goes to the temporary file a part at a time instead of being held
/// whole first. The path is judged before `make` runs; an error of `make` is an error of
/// the write (the target stays untouched). Tests inject a full disk or a signal through
/// `make`.
pub fn write_atomic_with(
    path: &Path,
    overwrite: bool,
    make: impl FnOnce(&mut (dyn Write + Send)) -> io::Result<()>,
) -> Result<(), WriteError> {
    let (target, keep) = match inspect(path, overwrite)? {
        Target::WriteThrough(device) => return write_through(path, &device, make),
        Target::New(target) => (target, None),
        Target::Replace(target, meta) => (target, Some(meta)),
    };
    let file_name = target
        .file_name()
        .ok_or_else(|| WriteError::NotAFileName(path.into()))?;
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // Caught from before the temporary file exists until it is renamed or removed.
    let signals = Catch::start().ok();
    let (temporary, mut file) =
        create_temporary(&dir, file_name).map_err(|cause| WriteError::Create {
            path: path.into(),
            cause,
        })?;
    if let Some(meta) = &keep {
        keep_permissions(&file, meta);
    }
    let mut checked = Checked {
        file: &mut file,
        signals: signals.as_ref(),
    };
    let written = make(&mut checked)
        .and_then(|()| file.sync_all())
        .and_then(|()| {
            drop(file);
            stop_if_signalled(signals.as_ref())?;
            fs::rename(&temporary, &target)
        });
    if let Err(cause) = written {
        let _ = fs::remove_file(&temporary);
        return Err(match signals.as_ref().and_then(Catch::caught) {
            Some(signal) => WriteError::Interrupted {
                path: path.into(),
                signal,
            },
            None => WriteError::Write {
                path: path.into(),
                cause,
            },
        });
    }
    // The rename is durable once the folder is synced (not every file system can).
    let _ = fs::File::open(&dir).and_then(|d| d.sync_all());
    Ok(())
}

/// The temporary file as it is written: at most [`WRITE_CHUNK`] bytes a write, each
/// after a check for a signal, so that a Ctrl-C during a large write is acted on at once.
struct Checked<'a> {
    file: &'a mut fs::File,
    signals: Option<&'a Catch>,
}

impl Write for Checked<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        stop_if_signalled(self.signals)?;
        self.file.write(&bytes[..bytes.len().min(WRITE_CHUNK)])
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// An error once an ending signal has been caught. Not of the kind
/// `io::ErrorKind::Interrupted`: `write_all` retries that kind, so the write would never end.
fn stop_if_signalled(signals: Option<&Catch>) -> io::Result<()> {
    match signals.and_then(Catch::caught) {
        Some(signal) => Err(io::Error::other(format!("signal {signal}"))),
        None => Ok(()),
    }
}

/// Write into a character device or FIFO as it is (no temporary file, no rename).
fn write_through(
    path: &Path,
    device: &Path,
    make: impl FnOnce(&mut (dyn Write + Send)) -> io::Result<()>,
) -> Result<(), WriteError> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .open(device)
        .map_err(|cause| WriteError::Create {
            path: path.into(),
            cause,
        })?;
    make(&mut file)
        .and_then(|()| file.flush())
        .map_err(|cause| WriteError::Write {
            path: path.into(),
            cause,
        })
}

/// Give the temporary file the replaced file's permissions and, when allowed (as root,
/// or a group the user is in), its owner and group. Best effort: a failure leaves the
/// temporary file's own.
fn keep_permissions(file: &fs::File, meta: &fs::Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
    }
    let _ = file.set_permissions(meta.permissions());
}

/// A new file `.<file_name>.wirediff-<pid>-<attempt>.tmp` in `dir`, created exclusively.
fn create_temporary(dir: &Path, file_name: &std::ffi::OsStr) -> io::Result<(PathBuf, fs::File)> {
    let mut attempt = 0u32;
    loop {
        let mut name = OsString::from(".");
        name.push(file_name);
        name.push(format!(".wirediff-{}-{attempt}.tmp", std::process::id()));
        let temporary = dir.join(name);
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

    /// Names of the entries of `dir`, sorted.
    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_full_disk_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        fs::write(&path, "old text").unwrap();
        let full = |out: &mut (dyn Write + Send)| {
            out.write_all(&b"new text, longer"[..8])?;
            Err(io::Error::new(io::ErrorKind::StorageFull, "no space left"))
        };
        let error = write_atomic_with(&path, true, full).unwrap_err();
        assert!(matches!(error, WriteError::Write { .. }), "{error}");
        assert!(error.to_string().contains("no space left"), "{error}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old text");
        assert_eq!(entries(dir.path()), ["out.txt"]);
    }

    #[test]
    fn a_streamed_write_lands_whole_and_a_failed_one_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        // More than one chunk, written in uneven parts.
        let part = vec![b'x'; WRITE_CHUNK / 3 + 7];
        write_atomic_with(&path, false, |out| {
            (0..5).try_for_each(|_| out.write_all(&part))
        })
        .unwrap();
        assert_eq!(fs::read(&path).unwrap().len(), 5 * part.len());

        fs::write(&path, "old text").unwrap();
        let failing = |out: &mut (dyn Write + Send)| {
            out.write_all(b"half")?;
            Err(io::Error::other("the export failed"))
        };
        let error = write_atomic_with(&path, true, failing).unwrap_err();
        assert!(error.to_string().contains("the export failed"), "{error}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old text");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);

        // An existing file is refused before anything is made.
        let mut made = false;
        let error = write_atomic_with(&path, false, |_| {
            made = true;
            Ok(())
        })
        .unwrap_err();
        assert!(matches!(error, WriteError::Exists(_)), "{error}");
        assert!(!made);
    }

    #[cfg(unix)]
    #[test]
    fn replacing_keeps_the_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret.txt");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&path, b"new", true).unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_are_followed_and_dangling_ones_refused() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        let link = dir.path().join("link.txt");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink("real.txt", &link).unwrap();
        assert!(matches!(
            write_atomic(&link, b"x", false),
            Err(WriteError::Exists(_))
        ));
        write_atomic(&link, b"new", true).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        let dangling = dir.path().join("dangling.txt");
        std::os::unix::fs::symlink("nowhere/else.txt", &dangling).unwrap();
        for overwrite in [false, true] {
            let error = write_atomic(&dangling, b"x", overwrite).unwrap_err();
            assert!(matches!(error, WriteError::DanglingLink(_)), "{error}");
        }
        assert!(!dir.path().join("nowhere").exists());
        // A link to a directory is a directory.
        let to_dir = dir.path().join("to-dir");
        std::os::unix::fs::symlink(dir.path(), &to_dir).unwrap();
        assert!(matches!(
            write_atomic(&to_dir, b"x", true),
            Err(WriteError::IsDirectory(_))
        ));
        assert_eq!(
            entries(dir.path()),
            ["dangling.txt", "link.txt", "real.txt", "to-dir"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn hard_links_are_refused_and_devices_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let one = dir.path().join("one.txt");
        let two = dir.path().join("two.txt");
        fs::write(&one, "old").unwrap();
        fs::hard_link(&one, &two).unwrap();
        let error = write_atomic(&two, b"new", true).unwrap_err();
        assert!(
            matches!(error, WriteError::HardLinked { links: 2, .. }),
            "{error}"
        );
        assert_eq!(fs::read_to_string(&one).unwrap(), "old");
        // /dev/null stays a device, with or without overwriting.
        for overwrite in [false, true] {
            write_atomic(Path::new("/dev/null"), b"gone", overwrite).unwrap();
        }
        assert!(!fs::metadata("/dev/null").unwrap().is_file());
    }

    /// In a process of its own (the test runs itself again): a signal is recorded for good,
    /// and other tests' writes must not see it.
    #[cfg(unix)]
    #[test]
    fn a_signal_during_the_write_removes_the_temporary() {
        const CHILD: &str = "WIREDIFF_WRITE_SIGNAL_CHILD";
        const NAME: &str = "export::write::tests::a_signal_during_the_write_removes_the_temporary";
        if std::env::var_os(CHILD).is_none() {
            let output = std::process::Command::new(std::env::current_exe().unwrap())
                .args(["--exact", NAME, "--test-threads=1"])
                .env(CHILD, "1")
                .output()
                .unwrap();
            let report = String::from_utf8_lossy(&output.stdout);
            assert!(output.status.success(), "{report}");
            assert!(report.contains("1 passed"), "{report}");
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        fs::write(&path, "old text").unwrap();
        let interrupted = |out: &mut (dyn Write + Send)| {
            out.write_all(b"n")?;
            signal_hook::low_level::raise(signal_hook::consts::SIGINT)?;
            out.write_all(b"ew text")
        };
        let error = write_atomic_with(&path, true, interrupted).unwrap_err();
        assert!(
            matches!(error, WriteError::Interrupted { signal: 2, .. }),
            "{error}"
        );
        assert!(error.to_string().contains("stopped by signal 2"), "{error}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old text");
        assert_eq!(entries(dir.path()), ["out.txt"]);
    }
}
